"""Throughput of ``na.analyze`` on the CLICK-ID corpus: one process vs all cores.

Usage::

    .venv/bin/python benchmarks/throughput.py             # all ~13k CLICK-ID articles
    .venv/bin/python benchmarks/throughput.py --quick     # first 1,500 articles
    .venv/bin/python benchmarks/throughput.py --workers 4 --limit 5000
    .venv/bin/python benchmarks/throughput.py --stages    # also time each step (serial)

Prints articles/s and MB/s (UTF-8 bytes of the raw article text) for the serial engine
and the process engine, with the speed-up, and checks that both gave the same tables.
Loading the spreadsheets is timed apart (it is not part of ``analyze``). Run it on a
quiet machine: figures taken while other jobs share the cores are lower and noisy.
"CPU s" is the CPU time of this process and its worker processes (sampled every 0.2 s
with psutil): on a shared machine it is the figure that other jobs disturb least, and
"CPU ms/article" compares the engines' total work (the process engine adds the cost of
starting workers and sending chunks).
"""

from __future__ import annotations

import argparse
import time

from _common import MemorySampler, load_click_id, machine, print_table

import newsanalysis as na
from newsanalysis.parallel import default_workers
from newsanalysis.schema import TABLES


def run(corpus, engine: str, workers: int) -> tuple[na.Analysis, float, float]:
    """The result, wall seconds and CPU seconds (this process and its workers)."""
    with MemorySampler(interval=0.2) as sampler:
        started = time.perf_counter()
        result = na.analyze(corpus, engine=engine, workers=workers, progress=False)
        seconds = time.perf_counter() - started
    return result, seconds, sampler.cpu_seconds()


def stage_times(corpus, limit: int = 1000) -> list[dict]:
    """Mean milliseconds per article of cleaning, language detection and each step."""
    import newsanalysis.pipeline as pipeline

    totals: dict[str, float] = {}

    def timed(name, function):
        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                totals[name] = totals.get(name, 0.0) + time.perf_counter() - started

        return wrapper

    saved = (pipeline.clean_text, pipeline.detect_language, list(pipeline.STEPS))
    pipeline.clean_text = timed("clean", pipeline.clean_text)
    pipeline.detect_language = timed("language", pipeline.detect_language)
    pipeline.STEPS[:] = [(stage, timed(stage, step)) for stage, step in pipeline.STEPS]
    sample = na.Corpus(corpus.articles.head(limit), corpus.errors.iloc[:0])
    try:
        started = time.perf_counter()
        na.analyze(sample, engine="serial", progress=False, duplicates="exact")
        whole = time.perf_counter() - started
    finally:
        pipeline.clean_text, pipeline.detect_language = saved[0], saved[1]
        pipeline.STEPS[:] = saved[2]
    n = len(sample)
    rows = [{"stage": k, "ms/article": round(1000 * v / n, 3)} for k, v in totals.items()]
    rows.append(
        {
            "stage": "rest (rows, tables, MinHash off)",
            "ms/article": round(1000 * (whole - sum(totals.values())) / n, 3),
        }
    )
    rows.append({"stage": "total", "ms/article": round(1000 * whole / n, 3)})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="first 1,500 articles only")
    parser.add_argument("--limit", type=int, help="first N articles")
    parser.add_argument("--workers", type=int, default=default_workers(), help="processes")
    parser.add_argument("--stages", action="store_true", help="time each step (serial)")
    args = parser.parse_args()
    limit = args.limit or (1500 if args.quick else None)
    print(machine())
    corpus, load_seconds = load_click_id(limit)
    n = len(corpus.articles)
    megabytes = (
        corpus.articles["text"].str.len().sum()
        and sum(len(t.encode("utf-8")) for t in corpus.articles["text"]) / 1e6
    )
    print(f"{n:,} articles ({megabytes:.1f} MB of text) loaded in {load_seconds:.1f} s")
    na.analyze(na.Corpus(corpus.articles.head(20)), engine="serial", progress=False)  # warm-up
    rows = []
    results = {}
    for engine, workers in (("serial", 1), ("processes", args.workers)):
        result, seconds, cpu = run(corpus, engine, workers)
        results[engine] = result
        rows.append(
            {
                "engine": engine,
                "workers": workers,
                "articles": n,
                "seconds": round(seconds, 2),
                "articles/s": round(n / seconds, 1),
                "MB/s": round(megabytes / seconds, 3),
                "ms/article/core": round(1000 * seconds * workers / n, 2),
                "CPU s": round(cpu, 1),
                "CPU ms/article": round(1000 * cpu / n, 2),
            }
        )
    rows[1]["speed-up"] = round(rows[0]["seconds"] / rows[1]["seconds"], 2)
    rows[0]["speed-up"] = 1.0
    print_table(rows, "na.analyze throughput (duplicates='auto', all steps)")
    same = all(
        getattr(results["serial"], t).equals(getattr(results["processes"], t)) for t in TABLES
    )
    print(f"\nprocess tables identical to serial: {same}")
    found = results["serial"].summary()
    print("rows found: " + ", ".join(f"{r.table} {r.rows:,}" for r in found.itertuples()))
    if args.stages:
        print_table(stage_times(corpus), "per-stage time, serial, first 1,000 articles")


if __name__ == "__main__":
    main()
