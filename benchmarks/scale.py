"""Scale: growing replicated corpora through ``engine="dask"`` into a result store.

Usage::

    .venv/bin/python benchmarks/scale.py --quick                  # 2,000 and 10,000 articles
    .venv/bin/python benchmarks/scale.py --sizes 10000,100000     # 10k -> 100k
    .venv/bin/python benchmarks/scale.py --sizes 10000,100000,1000000 --workers 2

For each size N the script writes N articles as Parquet input files of ``--per-file``
rows, 5,000 by default (CLICK-ID replicated: replica k of an article gets id
``<id>~r<k>`` and a publication date moved by up to a year; inputs are kept in
``$NEWSANALYSIS_BENCH_DIR``, default ``/tmp/newsanalysis-bench``, and reused), then runs
``na.analyze(folder, engine="dask", out=...)`` on a local cluster of ``--workers``
single-threaded processes. The workers read the files themselves, so the client never
holds the corpus. It prints wall time, CPU time (client and workers: on a shared
machine the figure less disturbed by other jobs), articles/s, the peak RSS of each
worker and of the client (sampled every 0.5 s), the store size, and a lazy DuckDB
aggregate over the result. Peak worker memory should stay flat as N grows. For sizes not run, the last
line gives a projection from the measured rate, labelled as such.

Replicas are exact copies of their text, so duplicate marking finds ~(N - 13k) copies:
the store-wide duplicate/event pass is exercised harder than with real news. The
scheduler runs in this (client) process, so "peak client MB" includes it.
"""

from __future__ import annotations

import argparse
import shutil
import time

from _common import WORK, MemorySampler, machine, print_table, write_replicated

import newsanalysis as na
from newsanalysis.parallel import default_workers


def folder_size_mb(path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20


def run_size(n: int, workers: int, keep: bool, per_file: int) -> dict:
    inputs = WORK / f"input-{n}-{per_file}"
    started = time.perf_counter()
    write_replicated(n, inputs, per_file)
    prepare = time.perf_counter() - started
    out = WORK / f"result-{n}"
    if out.exists():
        shutil.rmtree(out)
    with MemorySampler() as memory:
        started = time.perf_counter()
        result = na.analyze(str(inputs), engine="dask", workers=workers, out=out, progress=False)
        seconds = time.perf_counter() - started
    run = result.runs[-1]
    started = time.perf_counter()
    by_month = result.query(
        "select date_trunc('month', published) as month, count(*) as articles, "
        "count(duplicate_of) as copies from articles group by 1 order by 1"
    )
    query_ms = 1000 * (time.perf_counter() - started)
    row = {
        "articles": n,
        "files": -(-n // per_file),
        "workers": workers,
        "input prep s": round(prepare, 1),
        "wall s": round(seconds, 1),
        "CPU s": round(memory.cpu_seconds(), 1),
        "articles/s": round(n / seconds, 1),
        "CPU ms/article": round(1000 * memory.cpu_seconds() / n, 2),
        "peak worker MB": round(memory.worker_peak()),
        "peak client MB": round(memory.main_peak),
        "store MB": round(folder_size_mb(out)),
        "duckdb month query ms": round(query_ms, 1),
        "months": len(by_month),
        "processed": run["articles_processed"],
    }
    if not keep:
        shutil.rmtree(out)
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="sizes 2,000 and 10,000")
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated corpus sizes")
    parser.add_argument("--workers", type=int, default=default_workers())
    parser.add_argument("--keep", action="store_true", help="keep the result stores")
    parser.add_argument(
        "--per-file", type=int, default=5000, help="articles per input file (= per task)"
    )
    parser.add_argument("--project", type=int, default=1_000_000, help="size to project to")
    args = parser.parse_args()
    sizes = [2000, 10000] if args.quick else [int(s) for s in args.sizes.split(",")]
    print(machine())
    print(f"work folder: {WORK}")
    rows = []
    for n in sizes:
        rows.append(run_size(n, args.workers, args.keep, args.per_file))
        print_table(rows, 'engine="dask", Parquet in, partitioned Parquet store out')
    last = rows[-1]
    if args.project > last["articles"]:
        hours = args.project / last["articles/s"] / 3600
        print(
            f"\nPROJECTION (not measured): {args.project:,} articles at the measured "
            f"{last['articles/s']} articles/s on {args.workers} workers would take "
            f"{hours:.1f} h wall time; worker memory is per partition, so it should stay "
            f"at ~{last['peak worker MB']} MB."
        )
        cpu_hours = args.project * last["CPU ms/article"] / 1000 / 3600
        print(
            f"PROJECTION (not measured), by CPU time: {last['CPU ms/article']} CPU ms/article "
            f"x {args.project:,} = {cpu_hours:.1f} CPU hours, i.e. {cpu_hours / args.workers:.1f} h "
            f"wall time on {args.workers} cores free for it."
        )


if __name__ == "__main__":
    main()
