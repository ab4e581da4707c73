"""Run :func:`~newsanalysis.pipeline.process_article` on a pool of local processes.

Articles go out in chunks and come back, in input order, as the chunk's tables (a
:class:`~newsanalysis.chunks.Chunk` of compact DataFrames built in the worker, not
row dicts), so a parallel run gives exactly the tables of a serial run. At most a few
chunks per worker are in flight at once, so memory stays bounded however long the
input is.

Workers are started with ``forkserver`` (``spawn`` where that is missing): a fresh
interpreter that imports newsanalysis once and receives the :class:`Settings` (with the
knowledge base) once, in the pool initializer, not with every chunk.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from .errors import NewsAnalysisError

if TYPE_CHECKING:
    from .chunks import Chunk

#: chunks in flight per worker: enough to keep every worker busy, few enough to bound memory
IN_FLIGHT_PER_WORKER = 3

_SETTINGS = None
_OPTIONS: dict[str, Any] = {}


def process_records(
    records: Iterable[dict], settings, signatures: bool = False
) -> list[dict[str, list]]:
    """Per-article results for ``records``, in order (what every engine runs on a worker).

    With ``signatures=True`` each result also carries ``"signature"``: the MinHash of the
    article's cleaned text, used to find near-duplicate articles (see :mod:`.dedup`).
    A record carrying :data:`KNOWN_HASH` whose cleaned text still has that hash gives
    None instead of a result (it is unchanged since an earlier run).
    """
    from .pipeline import process_article

    results = [
        None if _unchanged(record, settings) else process_article(record, settings)
        for record in records
    ]
    if signatures:
        from .dedup import text_signature

        for result in results:
            if result is None:
                continue
            rows = result["articles"]
            result["signature"] = text_signature(rows[0]["text"]) if rows else None
    return results


#: record key holding the content hash an earlier run stored for the article (incremental)
KNOWN_HASH = "__known_hash"


def _unchanged(record: dict, settings) -> bool:
    """Whether the record's cleaned text still has the hash an earlier run stored."""
    known = record.get(KNOWN_HASH)
    if known is None:
        return False
    from .clean import clean_text
    from .dedup import content_hash

    try:
        text = clean_text(record.get("text") or "", boilerplate=settings.boilerplate).text
    except Exception:  # let process_article record the cleaning error
        return False
    return content_hash(text) == known


def process_chunk(records: list[dict], settings, signatures: bool = False) -> Chunk:
    """The tables of ``records`` as one :class:`~newsanalysis.chunks.Chunk`."""
    from .chunks import build_chunk

    with older_objects_frozen():
        return build_chunk(process_records(records, settings, signatures), signatures)


@contextmanager
def older_objects_frozen() -> Iterator[None]:
    """Keep the objects that exist now out of Python's cyclic garbage collector until
    the block ends (``gc.freeze``, then ``gc.unfreeze``).

    The collector's full passes walk every tracked object: the knowledge base, the
    lexicons, earlier chunks' tables and whatever else the session holds, though none
    of it becomes garbage while a chunk is processed. Two such passes took ~3 % of a
    run on 840 PolNeAR articles; frozen, only the chunk's own objects are walked.
    Nothing is lost: cycles among the frozen objects are collected after the block.
    Does nothing when the collector is off or something (the caller, an outer block)
    has frozen objects already, so that it never unfreezes someone else's.
    """
    freeze = gc.isenabled() and gc.get_freeze_count() == 0
    if freeze:
        gc.freeze()
    try:
        yield
    finally:
        if freeze:
            gc.unfreeze()


def _init_worker(settings, options: dict[str, Any]) -> None:
    global _SETTINGS, _OPTIONS
    _SETTINGS = settings
    _OPTIONS = options


def _process_chunk(records: list[dict]) -> Chunk:
    return process_chunk(records, _SETTINGS, **_OPTIONS)


def chunked(items: Iterable, size: int) -> Iterator[list]:
    """Consecutive lists of ``size`` items (the last may be shorter)."""
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def default_chunk_size(n_records: int, workers: int) -> int:
    """Chunks big enough to amortise inter-process overhead, small enough to balance load.

    About 8 chunks per worker, between 8 and 256 articles each.
    """
    return max(8, min(256, n_records // (workers * 8) or 8))


def default_workers() -> int:
    """The cores this process may use (respects CPU affinity, e.g. in containers)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def mp_context() -> mp.context.BaseContext:
    """``forkserver`` where available (safe with threads), else ``spawn``."""
    methods = mp.get_all_start_methods()
    return mp.get_context("forkserver" if "forkserver" in methods else "spawn")


def run_processes(
    record_chunks: Iterable[list[dict]],
    n_records: int,
    settings,
    workers: int,
    progress: bool,
    signatures: bool = False,
) -> Iterator[Chunk]:
    """The tables of each chunk of records, in input order, computed by ``workers`` processes.

    ``record_chunks`` is consumed lazily (only the chunks in flight are held);
    ``n_records`` (their total) sizes the progress bar.
    """
    bar = _progress_bar(n_records) if progress else None
    done = 0
    pending: list[list[dict]] = []  # chunks sent but not yet returned (for the fallback)

    def remember(chunks: Iterable[list[dict]]) -> Iterator[list[dict]]:
        for chunk in chunks:
            pending.append(chunk)
            yield chunk

    try:
        with ProcessPoolExecutor(
            max_workers=workers,
            mp_context=mp_context(),
            initializer=_init_worker,
            initargs=(settings, {"signatures": signatures}),
        ) as pool:
            for chunk in ordered_map(pool.submit, _process_chunk, remember(record_chunks), workers):
                pending.pop(0)
                if bar is not None:
                    bar.update(chunk.n_records)
                done += chunk.n_records
                yield chunk
    except BrokenProcessPool as exc:
        if done:
            raise NewsAnalysisError(
                f"a worker process died after {done} articles (out of memory?); "
                "try fewer workers or engine='serial'"
            ) from exc
        warnings.warn(
            "worker processes could not start, so the articles are analysed in this "
            "process. In a script, call analyze() under `if __name__ == '__main__':` "
            "(worker processes import the script).",
            RuntimeWarning,
            stacklevel=3,
        )
        yield from _in_this_process([*pending, *record_chunks], settings, signatures, bar)
    if bar is not None:
        bar.close()


def run_serial(
    record_chunks: Iterable[list[dict]],
    n_records: int,
    settings,
    progress: bool,
    signatures: bool = False,
) -> Iterator[Chunk]:
    """The tables of each chunk of records, in input order, computed in this process."""
    bar = _progress_bar(n_records) if progress else None
    yield from _in_this_process(record_chunks, settings, signatures, bar)
    if bar is not None:
        bar.close()


def _in_this_process(
    record_chunks: Iterable[list[dict]], settings, signatures: bool, bar
) -> Iterator[Chunk]:
    for records in record_chunks:
        chunk = process_chunk(records, settings, signatures)
        if bar is not None:
            bar.update(chunk.n_records)
        yield chunk


def ordered_map(
    submit: Callable[..., Future], function: Callable, items: Iterable, workers: int
) -> Iterator[Any]:
    """``function(item)`` for each item, in order, with a bounded number of items in flight."""
    pending: deque[Future] = deque()
    limit = max(1, workers * IN_FLIGHT_PER_WORKER)
    for item in items:
        pending.append(submit(function, item))
        if len(pending) >= limit:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def _progress_bar(total: int):
    from tqdm.auto import tqdm

    return tqdm(total=total, desc="analyzing", unit="article")
