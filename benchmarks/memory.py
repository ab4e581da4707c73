"""Memory of an in-memory Analysis of 100,000 articles (goal: under 3 GB RSS).

Usage::

    .venv/bin/python benchmarks/memory.py             # 100,000 articles
    .venv/bin/python benchmarks/memory.py --quick     # 10,000 articles
    .venv/bin/python benchmarks/memory.py --articles 50000 --workers 2

Builds N articles in memory (CLICK-ID replicated as in ``scale.py``), runs
``na.analyze`` (process engine, all cores) and prints the resident memory of this
process after the run with the corpus dropped, its peak during the run, the peak of
the worker processes, and the in-memory size of each table (``memory_usage(deep=True)``).
"""

from __future__ import annotations

import argparse
import gc
import time

from _common import (
    MemorySampler,
    click_id_frame,
    machine,
    peak_rss_mb,
    print_table,
    replicate_result,
    replicated,
    rss_mb,
)

import newsanalysis as na
from newsanalysis.parallel import default_workers
from newsanalysis.schema import TABLES


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="10,000 articles")
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=default_workers())
    parser.add_argument(
        "--replicate",
        type=int,
        metavar="BASE",
        help="analyse BASE articles only and replicate their result to N articles "
        "(measures the Analysis in memory, not the peak of a real N-article run)",
    )
    args = parser.parse_args()
    n = 10_000 if args.quick else args.articles
    print(machine())
    if args.replicate:
        return replicated_result_memory(n, args.replicate)
    baseline = rss_mb()
    frame = replicated(n)
    corpus = na.load_table(
        frame, id="article_id", text="text", title="title", published="published", url="url"
    )
    del frame
    gc.collect()
    with_corpus = rss_mb()
    with MemorySampler() as memory:
        started = time.perf_counter()
        result = na.analyze(corpus, workers=args.workers, progress=False)
        seconds = time.perf_counter() - started
    del corpus
    gc.collect()
    after = rss_mb()
    tables = table_sizes(result)
    print_table(tables, f"Analysis of {n:,} articles")
    rows = [
        {"what": "RSS before loading (imports)", "MB": round(baseline)},
        {"what": "RSS with the corpus loaded", "MB": round(with_corpus)},
        {"what": "peak RSS during analyze (this process)", "MB": round(max(memory.main_peak, peak_rss_mb()))},
        {"what": "peak RSS of a worker process", "MB": round(memory.worker_peak())},
        {"what": "RSS after analyze, corpus dropped", "MB": round(after)},
    ]  # fmt: skip
    print_table(
        rows,
        f"memory ({result.meta['engine']}, {result.meta['workers']} workers, {seconds:.0f} s "
        f"wall, {memory.cpu_seconds():.0f} s CPU)",
    )
    verdict = "under" if after < 3 * 1024 else "OVER"
    print(
        f"\nin-memory Analysis of {n:,} articles: {after / 1024:.2f} GB RSS ({verdict} the 3 GB goal)"
    )


def table_sizes(result) -> list[dict]:
    """Rows and deep memory (MB) of each table of ``result``."""
    return [
        {"table": name, "rows": len(getattr(result, name)),
         "MB (deep)": round(getattr(result, name).memory_usage(deep=True).sum() / 2**20, 1)}
        for name in TABLES
    ]  # fmt: skip


def replicated_result_memory(n: int, base_n: int) -> None:
    """RSS of an N-article Analysis built from the result of ``base_n`` real articles."""
    frame = click_id_frame().head(base_n)
    corpus = na.load_table(frame, id="article_id", published="published", title="title")
    started = time.perf_counter()
    base = na.analyze(corpus, progress=False)
    print(f"analysed {base_n:,} CLICK-ID articles in {time.perf_counter() - started:.0f} s")
    del corpus, frame
    gc.collect()
    before = rss_mb()
    result = replicate_result(base, n, text=True)
    del base
    gc.collect()
    after = rss_mb()
    tables = table_sizes(result)
    print_table(tables, f"Analysis of {n:,} articles (replicated from {base_n:,})")
    print(f"\nRSS: {before:.0f} MB before building it, {after:.0f} MB with it "
          f"({'under' if after < 3 * 1024 else 'OVER'} the 3 GB goal)")  # fmt: skip


if __name__ == "__main__":
    main()
