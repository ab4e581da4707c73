"""Where the time of ``na.analyze`` goes: per step, and the top functions of each step.

Usage::

    .venv/bin/python benchmarks/profile_pipeline.py                      # 1,000 CLICK-ID articles
    .venv/bin/python benchmarks/profile_pipeline.py --corpus polnear     # 300 PolNeAR texts
    .venv/bin/python benchmarks/profile_pipeline.py --limit 500 --top 12

Three serial passes over the same articles (after a warm-up):

1. timers only: CPU milliseconds per article of cleaning, language detection, each
   extraction step, MinHash signatures (near duplicates), building the tables per
   chunk, joining them, the duplicate/event pass, and the rest (record dicts, the
   Document, row dicts);
2. one profiler per step (cProfile, switched on only while that step runs): the
   functions where each step spends its own time (``tottime``), i.e. the hot spots per
   extractor, including the regex and builtin calls made inside the step;
3. one profiler over the whole run: the top functions overall, and the overhead
   outside the steps.

Times are CPU time of this process (``time.process_time``), so other jobs on the
machine inflate them less than wall time; profiled times are higher than unprofiled
ones (pass 1 gives the real per-step figures; passes 2 and 3 their shares).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd
from _common import click_id_frame, machine, print_table
from peer_spacy import polnear_texts

import newsanalysis as na
import newsanalysis.chunks as chunks
import newsanalysis.dedup as dedup
import newsanalysis.pipeline as pipeline

ROOT = Path(na.__file__).resolve().parents[1]


def load_corpus(name: str, limit: int) -> na.Corpus:
    if name == "polnear":
        frame = polnear_texts(limit)
        return na.load_table(frame, id="article_id", published="date", title="title")
    frame = click_id_frame().head(limit)
    return na.load_table(frame, id="article_id", published="published", title="title")


class Instrumented:
    """Wraps clean, language detection and the steps with timers and/or profilers."""

    def __init__(self, profile: bool):
        self.profile = profile
        self.seconds: dict[str, float] = {}
        self.profilers: dict[str, cProfile.Profile] = {}
        self.saved = None

    def wrap(self, name: str, function: Callable) -> Callable:
        profiler = self.profilers.setdefault(name, cProfile.Profile()) if self.profile else None

        def wrapper(*args, **kwargs):
            started = time.process_time()
            if profiler is not None:
                profiler.enable()
            try:
                return function(*args, **kwargs)
            finally:
                if profiler is not None:
                    profiler.disable()
                self.seconds[name] = self.seconds.get(name, 0.0) + time.process_time() - started

        return wrapper

    def __enter__(self) -> Instrumented:
        self.saved = [(module, name, getattr(module, name)) for module, name, _ in self.PATCHED]
        self.saved_steps = list(pipeline.STEPS)
        for module, name, label in self.PATCHED:
            setattr(module, name, self.wrap(label, getattr(module, name)))
        pipeline.STEPS[:] = [
            (stage, self.wrap(stage.removeprefix("extract:"), step))
            for stage, step in pipeline.STEPS
        ]
        return self

    def __exit__(self, *exc) -> None:
        for module, name, function in self.saved:
            setattr(module, name, function)
        pipeline.STEPS[:] = self.saved_steps

    #: (module, attribute, label) of the functions timed besides the steps
    PATCHED = [
        (pipeline, "clean_text", "clean"),
        (pipeline, "detect_language", "language"),
        (dedup, "text_signature", "MinHash signature"),
        (chunks, "build_chunk", "tables per chunk"),
        (chunks, "concat", "tables joined"),
        (pipeline, "mark_duplicates_and_events", "duplicates and events"),
    ]


def analyze(corpus: na.Corpus) -> float:
    started = time.process_time()
    na.analyze(corpus, engine="serial", progress=False)
    return time.process_time() - started


def where(function: tuple) -> str:
    """``module.py:line function`` relative to the repo (or the library's name)."""
    filename, line, name = function
    path = Path(filename)
    if filename == "~":
        return name  # a builtin: "<method 'finditer' of 're.Pattern' objects>"
    try:
        short = path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        parts = path.parts
        short = (
            "/".join(parts[parts.index("site-packages") + 1 :])
            if "site-packages" in parts
            else path.name
        )
    return f"{short}:{line} {name}"


def top_functions(profiler: cProfile.Profile, n_articles: int, top: int) -> list[dict]:
    stats = pstats.Stats(profiler)
    total = sum(row[2] for row in stats.stats.values()) or 1.0
    rows = sorted(stats.stats.items(), key=lambda item: item[1][2], reverse=True)[:top]
    return [
        {
            "function": where(function)[:90],
            "calls/article": round(calls / n_articles, 1),
            "own ms/article": round(1000 * tottime / n_articles, 3),
            "share": f"{100 * tottime / total:.0f}%",
        }
        for function, (_, calls, tottime, _, _) in rows
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", choices=["click-id", "polnear"], default="click-id")
    parser.add_argument("--limit", type=int, help="articles (default 1,000 CLICK-ID, 300 PolNeAR)")
    parser.add_argument("--top", type=int, default=8, help="functions listed per step")
    args = parser.parse_args()
    limit = args.limit or (300 if args.corpus == "polnear" else 1000)
    print(machine())
    corpus = load_corpus(args.corpus, limit)
    n = len(corpus.articles)
    chars = int(corpus.articles["text"].str.len().sum())
    print(f"{n:,} {args.corpus} articles, {chars / n:,.0f} characters each on average")
    na.analyze(na.Corpus(corpus.articles.head(20)), engine="serial", progress=False)  # warm-up

    with Instrumented(profile=False) as timers:
        whole = analyze(corpus)
    rows = [
        {"stage": k, "CPU ms/article": round(1000 * v / n, 3)} for k, v in timers.seconds.items()
    ]
    rest = whole - sum(timers.seconds.values())
    rows.append(
        {
            "stage": "rest (records, Document, rows)",
            "CPU ms/article": round(1000 * rest / n, 3),
        }
    )
    rows.append({"stage": "total", "CPU ms/article": round(1000 * whole / n, 3)})
    for row in rows:
        row["share"] = f"{100 * row['CPU ms/article'] / (1000 * whole / n):.0f}%"
    print_table(
        rows,
        f"pass 1: CPU time per step, serial ({1000 * whole / n:.2f} ms/article = {n / whole:.0f} articles/s per core)",
    )

    with Instrumented(profile=True) as profiled:
        analyze(corpus)
    for stage, profiler in profiled.profilers.items():
        print_table(
            top_functions(profiler, n, args.top),
            f"pass 2: hot spots of step '{stage}' (own time, profiled)",
        )

    profiler = cProfile.Profile()
    profiler.enable()
    analyze(corpus)
    profiler.disable()
    print_table(
        top_functions(profiler, n, args.top * 2),
        "pass 3: top functions of the whole run (own time, profiled)",
    )
    stats = pstats.Stats(profiler)
    cumulative = sorted(
        (
            (f, v[3])
            for f, v in stats.stats.items()
            if "newsanalysis" in f[0] and "/extract/" not in f[0] and "/actors/" not in f[0]
        ),
        key=lambda item: item[1],
        reverse=True,
    )[: args.top * 2]
    print_table(
        [
            {"function": where(f)[:90], "cumulative ms/article": round(1000 * c / n, 3)}
            for f, c in cumulative
        ],
        "pass 3: shared code (pipeline, tables, cleaning, text), cumulative time",
    )


if __name__ == "__main__":
    pd.set_option("display.width", 200)
    pd.set_option("display.max_colwidth", 100)
    main()
