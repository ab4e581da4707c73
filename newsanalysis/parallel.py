"""Run :func:`~newsanalysis.pipeline.process_article` on a pool of processes.

Articles go out in chunks; results come back in input order, so a parallel run gives
exactly the tables of a serial run.
"""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

_SETTINGS = None


def _init_worker(settings) -> None:
    global _SETTINGS
    _SETTINGS = settings


def _process_chunk(records: list[dict]) -> list[dict]:
    from .pipeline import process_article

    return [process_article(record, _SETTINGS) for record in records]


def chunked(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def run_processes(
    records: list[dict], settings, workers: int, progress: bool, chunk_size: int | None = None
) -> Iterator[dict]:
    """Per-article results, in input order, computed by ``workers`` processes."""
    if chunk_size is None:
        chunk_size = max(8, min(256, len(records) // (workers * 8) or 8))
    context = mp.get_context(
        "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"
    )
    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=len(records), desc="analyzing", unit="article")
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_init_worker, initargs=(settings,)
    ) as pool:
        for results in pool.map(_process_chunk, chunked(records, chunk_size)):
            if bar is not None:
                bar.update(len(results))
            yield from results
    if bar is not None:
        bar.close()
