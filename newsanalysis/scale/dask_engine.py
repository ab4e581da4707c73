"""``engine="dask"``: the same per-article extraction, on a Dask cluster.

Inputs: a :class:`~newsanalysis.Corpus` (or anything ``na.load`` reads), a Dask
DataFrame (one task per partition), or a folder / glob of Parquet or JSONL files (one
task per file, read by the worker, so the client never holds the corpus).

With ``out=DIR`` every task writes its rows to ``DIR/<table>/part-*.parquet`` and
returns only counts; the run returns a :class:`~.lazy.LazyAnalysis`. Without ``out`` the
per-article rows come back to the client and are gathered exactly as a serial run
gathers them, so the tables are identical.

The cluster is the user's ``Client`` if one is given, else a ``LocalCluster`` of
``workers`` single-threaded processes that is closed at the end. At most a few
partitions per worker are in flight, so worker memory does not grow with the corpus.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import NewsAnalysisError

#: articles per partition when splitting an in-memory corpus
DEFAULT_PARTITION_SIZE = 2000
#: partitions in flight per worker
IN_FLIGHT_PER_WORKER = 2
#: file types a worker reads itself (other inputs are loaded by the client first)
WORKER_READABLE = {".parquet", ".pq", ".jsonl", ".ndjson"}


def _require_distributed():
    try:
        import distributed
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise ImportError(
            "engine='dask' needs dask and distributed: pip install 'newsanalysis[scale]'"
        ) from exc
    return distributed


def analyze_dask(
    corpus,
    settings,
    workers: int,
    progress: bool | None,
    out: str | os.PathLike | None = None,
    incremental: bool = False,
    duplicates: str | None = "exact",
    client=None,
    chunk_size: int | None = None,
):
    """Run the pipeline on Dask (see the module docstring)."""
    distributed = _require_distributed()
    started = time.perf_counter()
    specs, load_errors, n_articles = _partition_specs(corpus, settings, chunk_size)
    own_client = client is None
    if own_client:
        cluster = distributed.LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
        client = distributed.Client(cluster)
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})) or workers)
        if progress is None:
            progress = n_articles is None or n_articles >= 200
        if out is not None:
            return _run_to_store(
                client, specs, load_errors, settings, out, incremental, duplicates,
                n_workers, progress, started,
            )  # fmt: skip
        if incremental:
            raise ValueError("incremental=True needs out=<folder of the earlier result>")
        return _run_in_memory(
            client, specs, load_errors, settings, duplicates, n_workers, progress, started
        )
    finally:
        if own_client:
            client.close()
            cluster.close()


# --------------------------------------------------------------------------- inputs


def _partition_specs(corpus, settings, chunk_size):
    """``(specs, load_errors, n_articles)``: what each task gets, and client-side errors."""
    from ..pipeline import _as_corpus

    size = chunk_size or DEFAULT_PARTITION_SIZE
    if hasattr(corpus, "to_delayed") and hasattr(corpus, "npartitions"):
        return [("frame", (i, part)) for i, part in enumerate(corpus.to_delayed())], None, None
    files = _worker_readable_files(corpus)
    if files is not None:
        return [("file", str(path)) for path in files], None, None
    loaded = _as_corpus(corpus, settings.errors)
    articles = loaded.articles
    specs = [("table", articles.iloc[i : i + size]) for i in range(0, len(articles), size)]
    return specs, loaded.errors, len(articles)


def _worker_readable_files(corpus) -> list[Path] | None:
    """The files of a folder/glob when all of them are Parquet/JSONL, else None."""
    if not isinstance(corpus, str | os.PathLike):
        return None
    from ..load import _expand

    try:
        files = _expand(corpus)
    except Exception:
        return None
    if files and all(p.suffix.lower() in WORKER_READABLE for p in files):
        return files
    return None


def _records_of(spec, settings) -> tuple[list[dict], pd.DataFrame | None]:
    """Article records of one partition (read on the worker) and its load errors."""
    from ..load import load, load_table

    kind, payload = spec
    if kind == "table":  # rows of a Corpus loaded by the client
        return payload.to_dict("records"), None
    if kind == "file":
        corpus = load(payload, errors=settings.errors)
    elif kind == "frame":
        _, part = payload
        frame = part.compute() if hasattr(part, "compute") else part
        id_column = next((c for c in ("article_id", "id") if c in frame.columns), None)
        corpus = load_table(frame, id=id_column, errors=settings.errors)
    else:  # pragma: no cover
        raise ValueError(f"unknown partition kind {kind!r}")
    return corpus.articles.to_dict("records"), corpus.errors


# --------------------------------------------------------------------------- tasks


def _task_results(spec, settings, signatures: bool):
    """``(Chunk, load_errors)`` of one partition: its tables, built on the worker."""
    from ..parallel import process_chunk

    records, load_errors = _records_of(spec, settings)
    return process_chunk(records, settings, signatures), load_errors


def _task_write(
    spec, settings, out: str, run: int, index: int, signatures: bool, known
) -> dict[str, Any]:
    """Process one partition and write its parts; returns counts (and changed ids)."""
    from ..parallel import KNOWN_HASH, process_chunk
    from .runner import _same_date
    from .store import load_errors_part_name, part_name, write_part

    records, load_errors = _records_of(spec, settings)
    stale: dict[str, list[str]] = {}
    if known is not None:
        for record in records:
            row = known.get(str(record["article_id"]))
            if row is None:
                continue
            stored_hash, stored_published, stored_part = row
            stale.setdefault(stored_part, []).append(str(record["article_id"]))
            if _same_date(record.get("published"), stored_published):
                record[KNOWN_HASH] = stored_hash
    chunk = process_chunk(records, settings, signatures)
    processed_ids = set(chunk.tables["articles"]["article_id"])
    stale = {p: [i for i in ids if i in processed_ids] for p, ids in stale.items()}
    directory = Path(out)
    if load_errors is not None and len(load_errors):
        from .store import _write_parquet

        path = (
            directory / "errors" / load_errors_part_name(run).replace("-a-load", f"-a-{index:06d}")
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        _write_parquet(load_errors, path)
    if chunk.n_processed:
        write_part(directory, part_name(run, index), chunk.analysis(), chunk.signatures)
    return {
        "articles": len(records),
        "processed": chunk.n_processed,
        "skipped": len(records) - chunk.n_processed,
        "stale": {p: ids for p, ids in stale.items() if ids},
    }


def _known_index(out) -> dict[str, tuple[str, Any, str]]:
    """``{article_id: (content_hash, published, part)}`` of a store (for incremental runs)."""
    from .store import article_index

    index = article_index(out).drop_duplicates("article_id", keep="last")
    return {
        str(row.article_id): (row.content_hash, row.published, row.part)
        for row in index.itertuples(index=False)
    }


# --------------------------------------------------------------------------- runs


def _bounded(client, function, specs, n_workers, *args) -> Iterator[tuple[int, Any]]:
    """Submit ``function(spec, *args)`` for every spec, a few at a time; yield (i, result).

    ``_INDEX`` among ``args`` is replaced by the spec's position.
    """
    from distributed import as_completed

    limit = max(1, n_workers * IN_FLIGHT_PER_WORKER)
    queue = iter(enumerate(specs))
    positions: dict[str, int] = {}
    pending = as_completed()

    def submit_next() -> None:
        item = next(queue, None)
        if item is not None:
            i, spec = item
            future = client.submit(function, spec, *_args_for(args, i), pure=False)
            positions[future.key] = i
            pending.add(future)

    for _ in range(limit):
        submit_next()
    for future in pending:
        i = positions.pop(future.key)
        result = future.result()
        future.release()
        submit_next()
        yield i, result


def _args_for(args: tuple, index: int) -> tuple:
    return tuple(index if a is _INDEX else a for a in args)


_INDEX = object()


def _run_in_memory(client, specs, load_errors, settings, duplicates, n_workers, progress, started):
    from ..chunks import combine
    from ..pipeline import mark_duplicates_and_events

    settings_future = client.scatter(settings, broadcast=True, hash=False)
    near = duplicates == "near"
    done: dict[int, tuple[Any, Any]] = {}
    bar = _bar(len(specs), progress)
    for i, result in _bounded(client, _task_results, specs, n_workers, settings_future, near):
        done[i] = result
        if bar is not None:
            bar.update(1)
    if bar is not None:
        bar.close()
    errors = [e for e in [load_errors] + [done[i][1] for i in range(len(specs))] if e is not None]
    all_errors = pd.concat(errors, ignore_index=True) if errors else None
    analysis, signatures = combine((done.pop(i)[0] for i in range(len(specs))), all_errors)
    mark_duplicates_and_events(analysis, signatures, duplicates)
    analysis.meta.update(
        {
            "articles_read": len(analysis.articles),
            "seconds": round(time.perf_counter() - started, 3),
            "duplicates": duplicates,
            "engine": "dask",
            "workers": n_workers,
        }
    )
    return analysis


def _run_to_store(
    client, specs, load_errors, settings, out, incremental, duplicates, n_workers, progress, started
):
    from .lazy import LazyAnalysis
    from .runner import refresh_dedup
    from .store import StoreWriter, is_store, remove_articles

    writer = StoreWriter(out, engine="dask", append=incremental)
    known = _known_index(out) if incremental and is_store(out) else None
    settings_future = client.scatter(settings, broadcast=True, hash=False)
    known_future = client.scatter(known, broadcast=True, hash=False) if known else None
    files_read = [payload for kind, payload in specs if kind == "file"]
    if load_errors is not None or files_read:
        writer.write_load_errors(
            load_errors if load_errors is not None else pd.DataFrame(), files_read
        )
    totals = {"articles": 0, "processed": 0, "skipped": 0}
    stale: dict[str, set[str]] = {}
    bar = _bar(len(specs), progress)
    for _, summary in _bounded(
        client,
        _task_write,
        specs,
        n_workers,
        settings_future,
        str(Path(out).resolve()),
        writer.run,
        _INDEX,
        duplicates == "near",
        known_future,
    ):
        for key in totals:
            totals[key] += summary[key]
        for part, ids in summary["stale"].items():
            stale.setdefault(part, set()).update(ids)
        if bar is not None:
            bar.update(1)
    if bar is not None:
        bar.close()
    remove_articles(out, stale)
    refresh_dedup(out, duplicates)
    writer.articles = totals["processed"]
    writer.finish(
        articles_read=totals["articles"],
        articles_skipped=totals["skipped"],
        articles_changed=sum(len(ids) for ids in stale.values()),
        duplicates=duplicates,
        workers=n_workers,
        partitions=len(specs),
        wall_seconds=round(time.perf_counter() - started, 3),
    )
    return LazyAnalysis(out)


def _bar(total: int, enabled: bool):
    if not enabled:
        return None
    from tqdm.auto import tqdm

    return tqdm(total=total, desc="analyzing (dask partitions)", unit="partition")


__all__ = ["analyze_dask", "NewsAnalysisError"]
