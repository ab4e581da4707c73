"""Analyse into a result store, and update a store incrementally.

``na.analyze(corpus, out=DIR)`` writes the tables part by part as the articles are
processed (so memory does not grow with the corpus) and returns a lazy result.
``na.analyze(corpus, out=DIR, incremental=True)`` — or ``na.update(DIR, corpus)`` — reads
what the store already holds and analyses only:

- articles whose ``article_id`` is new;
- articles whose cleaned text has a different ``content_hash`` than the stored one, or
  whose publication date changed (dates are resolved against it).

Unchanged articles are skipped (their text is cleaned once to compare hashes). Changed
articles are written to the new run's parts and their old rows are removed. Articles
the store has but the input lacks are kept: a store only grows. Duplicates and meeting
events are then recomputed over the whole store.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from ..parallel import KNOWN_HASH
from .store import (
    SIGNATURES,
    StoreWriter,
    article_index,
    input_file,
    is_store,
    read_table,
    remove_articles,
    write_dedup,
)

#: articles per part of a store (parts are the unit of writing and of incremental rewrites)
DEFAULT_PART_SIZE = 2000


def analyze_to_store(
    articles: pd.DataFrame,
    load_errors: pd.DataFrame,
    settings,
    out: str | os.PathLike,
    incremental: bool,
    duplicates: str | None,
    parallel: bool,
    workers: int,
    progress: bool,
    chunk_size: int | None,
    run_info: dict,
):
    """Run the local engines over ``articles`` (``Corpus.articles``) into the store at ``out``."""
    from ..chunks import combine
    from ..pipeline import run_chunks
    from .lazy import LazyAnalysis

    writer = StoreWriter(out, engine=run_info["engine"], append=incremental)
    stale_parts: dict[str, str] = {}
    if incremental and is_store(out):
        articles, stale_parts = mark_known(articles, out)
    part_size = chunk_size or DEFAULT_PART_SIZE
    chunks = run_chunks(
        articles,
        settings,
        parallel=parallel,
        workers=workers,
        progress=progress,
        signatures=duplicates == "near",
        chunk_size=chunk_size,
    )
    buffer: list = []
    buffered = 0
    part = 0
    skipped = 0
    changed: dict[str, set[str]] = {}

    def flush() -> None:
        nonlocal part, buffer, buffered
        if not buffer:
            return
        analysis, signatures = combine(buffer)
        writer.write_chunk(part, analysis, signatures)
        part += 1
        buffer, buffered = [], 0

    for chunk in chunks:
        skipped += chunk.n_records - chunk.n_processed
        for article_id in chunk.tables["articles"]["article_id"]:
            old_part = stale_parts.get(article_id)
            if old_part is not None:
                changed.setdefault(old_part, set()).add(article_id)
        if chunk.n_processed:
            buffer.append(chunk)
            buffered += chunk.n_processed
        if buffered >= part_size:
            flush()
    flush()
    files_read = {input_file(p) for p in articles["path"].astype(object).fillna("")}
    writer.write_load_errors(load_errors, files_read)
    remove_articles(out, changed)
    refresh_dedup(out, duplicates)
    writer.finish(
        articles_read=len(articles),
        articles_skipped=skipped,
        articles_changed=sum(len(ids) for ids in changed.values()),
        duplicates=duplicates,
        **{k: v for k, v in run_info.items() if k != "engine"},
    )
    return LazyAnalysis(out)


def mark_known(
    articles: pd.DataFrame, directory: str | os.PathLike
) -> tuple[pd.DataFrame, dict[str, str]]:
    """Tag articles the store already has (same id and date) with their stored hash.

    Returns the articles with a :data:`KNOWN_HASH` column (None where the article is new
    or its date changed) and ``{article_id: part}`` for every stored article that the
    input has again (if it turns out changed, its rows in that part are replaced).
    """
    index = article_index(directory).drop_duplicates("article_id", keep="last")
    stored = index.set_index(index["article_id"].astype(str))
    ids = articles["article_id"].astype(str)
    part = ids.map(stored["part"])
    found = part.notna().to_numpy()
    parts = dict(zip(ids[found], part[found], strict=True))
    known = [
        stored_hash if here and _same_date(published, stored_published) else None
        for here, published, stored_published, stored_hash in zip(
            found,
            articles["published"],
            ids.map(stored["published"]),
            ids.map(stored["content_hash"]),
            strict=True,
        )
    ]
    column = pd.Series(known, index=articles.index, dtype=object)
    return articles.assign(**{KNOWN_HASH: column}), parts


def _same_date(a, b) -> bool:
    a_missing, b_missing = a is None or pd.isna(a), b is None or pd.isna(b)
    if a_missing or b_missing:
        return a_missing and b_missing
    return pd.Timestamp(a) == pd.Timestamp(b)


def refresh_dedup(directory: str | os.PathLike, duplicates: str | None) -> None:
    """Recompute ``duplicate_of`` and ``event_id`` over the whole store."""
    from ..dedup import assign_events, find_duplicates

    index = article_index(directory)
    if duplicates is None:
        dup = pd.Series([None] * len(index), dtype="string")
    else:
        signatures = None
        if duplicates == "near":
            table = read_table(directory, SIGNATURES)
            by_id = dict(zip(table.get("article_id", []), table.get("signature", []), strict=True))
            signatures = [by_id.get(a) for a in index["article_id"]]
        dup = find_duplicates(index, signatures)
    duplicates_frame = pd.DataFrame(
        {"article_id": index["article_id"].astype("string"), "duplicate_of": dup.to_numpy()}
    ).astype("string")
    meetings = read_table(
        directory,
        "meetings",
        columns=[
            "meeting_id",
            "participant_ids",
            "participants",
            "mode",
            "date_start",
            "date_end",
            "date_precision",
        ],
    )
    if len(meetings):
        events = pd.DataFrame(
            {"meeting_id": meetings["meeting_id"], "event_id": assign_events(meetings).to_numpy()}
        )
    else:
        events = pd.DataFrame({"meeting_id": [], "event_id": []})
    write_dedup(directory, duplicates_frame, events.astype("string"))


def update(
    directory: str | os.PathLike,
    inputs,
    **options,
):
    """Add new and changed articles of ``inputs`` to the result store at ``directory``.

    Same as ``na.analyze(inputs, out=directory, incremental=True, **options)``.
    """
    from ..pipeline import analyze

    return analyze(inputs, out=Path(directory), incremental=True, **options)
