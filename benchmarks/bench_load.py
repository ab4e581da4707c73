"""Loading speed on the four CLICK-ID files, and cleaning + language detection per article.

Prints, per file: rows read, wall-clock and CPU seconds, articles per second (the best of
``--repeat`` runs); then the cost of :func:`clean_text` + :func:`detect_language` per
article over every loaded article (budget: 0.7 ms, docs/ARCHITECTURE.md).

CPU time is printed next to wall time because the machines are shared: when other work
runs, wall time grows but CPU time mostly does not. The load average is printed too.

    .venv/bin/python benchmarks/bench_load.py [--shared ../shared] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
import warnings
from pathlib import Path

import newsanalysis as na
from newsanalysis.clean import clean_text
from newsanalysis.lang.detect import detect_language

ROOT = Path(__file__).resolve().parents[1]
FILES = ["kompas.xlsx", "okezone.xlsx", "sindonews.xlsx", "tribunnews.csv"]


def _timed(function, *args, **kwargs):
    wall, cpu = time.perf_counter(), time.process_time()
    value = function(*args, **kwargs)
    return value, time.perf_counter() - wall, time.process_time() - cpu


def bench_load(folder: Path, repeat: int) -> list[str]:
    texts: list[str] = []
    print(f"{'file':<16}{'articles':>9}{'errors':>8}{'wall s':>9}{'cpu s':>8}{'articles/s':>12}")
    total_articles, total_wall = 0, 0.0
    for name in FILES:
        runs = []
        for _ in range(repeat):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", UserWarning)
                runs.append(_timed(na.load, folder / name))
        corpus, wall, cpu = min(runs, key=lambda run: run[1])
        n = len(corpus.articles)
        total_articles += n
        total_wall += wall
        print(f"{name:<16}{n:>9,}{len(corpus.errors):>8}{wall:>9.2f}{cpu:>8.2f}{n / wall:>12,.0f}")
        texts.extend(corpus.articles["text"].tolist())
    print(
        f"{'all four':<16}{total_articles:>9,}{'':>8}{total_wall:>9.2f}{'':>8}{total_articles / total_wall:>12,.0f}"
    )
    return texts


def bench_clean_detect(texts: list[str]) -> None:
    for text in texts[:200]:  # warm the caches (ftfy runs, language packs, classifier)
        detect_language(clean_text(text).text)
    wall, cpu = time.perf_counter(), time.process_time()
    cleaned = [clean_text(text) for text in texts]
    clean_wall, clean_cpu = time.perf_counter() - wall, time.process_time() - cpu
    wall, cpu = time.perf_counter(), time.process_time()
    for item in cleaned:
        detect_language(item.text)
    detect_wall, detect_cpu = time.perf_counter() - wall, time.process_time() - cpu
    n = len(texts)
    chars = statistics.mean(len(t) for t in texts)
    print(f"\nclean + detect over {n:,} articles (mean {chars:,.0f} characters):")
    print(f"{'step':<18}{'wall ms/article':>17}{'cpu ms/article':>16}")
    print(f"{'clean_text':<18}{1000 * clean_wall / n:>17.3f}{1000 * clean_cpu / n:>16.3f}")
    print(f"{'detect_language':<18}{1000 * detect_wall / n:>17.3f}{1000 * detect_cpu / n:>16.3f}")
    print(
        f"{'both':<18}{1000 * (clean_wall + detect_wall) / n:>17.3f}"
        f"{1000 * (clean_cpu + detect_cpu) / n:>16.3f}   (budget 0.7)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--repeat", type=int, default=3, help="runs per file (best is shown)")
    args = parser.parse_args(argv)
    folder = Path(args.shared) / "corpus" / "click-id"
    if not folder.is_dir():
        raise SystemExit(f"CLICK-ID not found at {folder} (use --shared)")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"newsanalysis {na.__version__}, {os.cpu_count()} cores, load average {load:.1f}\n")
    texts = bench_load(folder, args.repeat)
    bench_clean_detect(texts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
