"""CPU time per step of two versions of the package, measured in alternation.

Usage::

    .venv/bin/python benchmarks/compare_versions.py main             # main vs this checkout
    .venv/bin/python benchmarks/compare_versions.py 9eba69c --rounds 8
    .venv/bin/python benchmarks/compare_versions.py main --corpus click-id --limit 1000

On a shared machine the CPU time of one run drifts by 5-10 % from minute to minute
(other jobs compete for caches and memory bandwidth), more than a speed-up worth having.
So the two versions run side by side: the ``newsanalysis`` package of git revision
``BEFORE`` (exported with ``git archive`` to a temporary folder) and the one of this
checkout, each in its own worker process that loads the corpus once, then
``na.analyze(engine="serial")`` runs alternately in one and the other (ABBA order),
timed per step as ``profile_pipeline.py`` pass 1 does. Prints the median CPU
milliseconds per article of each step, and the after/before ratio of each round.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = Path(__file__).resolve().parent


def worker(source: str, corpus_name: str, limit: int) -> None:
    """Load the corpus with the package in ``source``; time one run per input line."""
    sys.path.insert(0, source)
    sys.path.insert(1, str(BENCHMARKS))
    import newsanalysis as na

    if not na.__file__.startswith(source):
        sys.exit(f"imported {na.__file__}, not the package in {source}")
    from profile_pipeline import Instrumented, load_corpus

    corpus = load_corpus(corpus_name, limit)
    n = len(corpus.articles)
    na.analyze(na.Corpus(corpus.articles.head(20)), engine="serial", progress=False)  # warm-up
    print("ready", flush=True)
    for _ in sys.stdin:
        with Instrumented(profile=False) as timers:
            started = time.process_time()
            na.analyze(corpus, engine="serial", progress=False)
            whole = time.process_time() - started
        row = {stage: 1000 * s / n for stage, s in timers.seconds.items()}
        row["rest"] = 1000 * (whole - sum(timers.seconds.values())) / n
        row["total"] = 1000 * whole / n
        print(json.dumps(row), flush=True)


def export(revision: str, folder: Path) -> Path:
    """The ``newsanalysis`` package of ``revision``, unpacked into ``folder``."""
    archive = subprocess.run(
        ["git", "archive", revision, "newsanalysis"], cwd=ROOT, capture_output=True, check=True
    ).stdout
    path = folder / "archive.tar"
    path.write_bytes(archive)
    with tarfile.open(path) as tar:
        tar.extractall(folder, filter="data")
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("before", nargs="?", default="main", help="git revision to compare with")
    parser.add_argument("--rounds", type=int, default=6, help="runs of each version")
    parser.add_argument("--corpus", choices=["click-id", "polnear"], default="polnear")
    parser.add_argument("--limit", type=int, help="articles (default: 840 PolNeAR, 1,000 CLICK-ID)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    limit = args.limit or (840 if args.corpus == "polnear" else 1000)
    if args.worker:
        worker(args.worker, args.corpus, limit)
        return
    with tempfile.TemporaryDirectory(prefix="compare-versions-") as tmp:
        sources = [str(export(args.before, Path(tmp))), str(ROOT)]
        procs = [
            subprocess.Popen(
                [sys.executable, __file__, "--worker", source, "--corpus", args.corpus]
                + ["--limit", str(limit)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
                cwd=tmp,
            )
            for source in sources
        ]
        for proc in procs:
            if proc.stdout.readline().strip() != "ready":
                sys.exit("a worker failed to start")
        runs: list[list[dict]] = [[], []]
        for r in range(args.rounds):
            for k in (0, 1) if r % 2 == 0 else (1, 0):
                procs[k].stdin.write("go\n")
                procs[k].stdin.flush()
                runs[k].append(json.loads(procs[k].stdout.readline()))
        for proc in procs:
            proc.stdin.close()
            proc.wait()
    print(f"{limit} {args.corpus} articles; before = {args.before}, after = this checkout")
    print(f"{'step':32}{'before':>9}{'after':>9}{'change':>9}")
    for stage in runs[0][0]:
        before = statistics.median(run[stage] for run in runs[0])
        after = statistics.median(run[stage] for run in runs[1])
        change = f"{100 * (after - before) / before:+.1f}%" if before else ""
        print(f"{stage:32}{before:9.3f}{after:9.3f}{change:>9}")
    print(f"(median CPU ms/article of {args.rounds} alternating runs per version)")
    ratios = [b["total"] / a["total"] for a, b in zip(runs[0], runs[1], strict=True)]
    print("after/before per round:", " ".join(f"{r:.3f}" for r in ratios))


if __name__ == "__main__":
    main()
