"""``analyze``: run every article through clean -> language -> extract, build the tables.

One article is processed by :func:`process_article`, a pure function of the article
record and the :class:`Settings`; the engines only decide where it runs (this process,
a pool of processes, or a Dask cluster) and gather the rows.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from .actors import KnowledgeBase, find_mentions, load_kb
from .analysis import Analysis
from .chunks import Chunk, build_chunk, combine
from .clean import clean_text
from .document import Document
from .errors import NewsAnalysisError
from .extract.meetings import extract_meetings
from .extract.quotes import extract_quotes
from .extract.sentiment import score_texts
from .lang.detect import detect_language
from .load import Corpus, load, load_table
from .parallel import (
    default_chunk_size,
    default_workers,
    run_processes,
    run_serial,
)

#: below this many articles, ``engine="auto"`` stays in one process
PARALLEL_THRESHOLD = 400
ROW_TABLES = ("articles", "mentions", "quotes", "meetings", "errors")  # see chunks.py
ENGINES = ("auto", "serial", "processes", "dask")


@dataclass
class Settings:
    """What :func:`process_article` needs besides the article."""

    kb: KnowledgeBase = field(default_factory=load_kb)
    boilerplate: bool = True
    errors: str = "collect"


# --------------------------------------------------------------------------- one article


def process_article(record: dict[str, Any], settings: Settings) -> dict[str, list]:
    """All table rows for one article record (a row of ``Corpus.articles``).

    Returns ``{"articles": [...], "mentions": [...], "quotes": [...], "meetings": [...],
    "errors": [...], "actors": [Actor, ...]}``. A failing step records an error and the
    article keeps what the other steps found.
    """
    out: dict[str, list] = {name: [] for name in ROW_TABLES}
    out["actors"] = []
    article_id = str(record["article_id"])
    raw = record.get("text") or ""

    def fail(stage: str, exc: Exception) -> None:
        if settings.errors == "raise":
            raise NewsAnalysisError(f"article {article_id!r}, {stage}: {exc}") from exc
        out["errors"].append(
            {
                "input": record.get("path") or article_id,
                "article_id": article_id,
                "stage": stage,
                "error": f"{type(exc).__name__}: {exc}",
            }
        )

    try:
        cleaned = clean_text(raw, boilerplate=settings.boilerplate)
    except Exception as exc:  # never lose the article over a cleaning bug
        fail("clean", exc)
        cleaned = None
    text = cleaned.text if cleaned is not None else raw
    language = record.get("language")
    if not isinstance(language, str) or not language or language == "auto":
        language = detect_language(text)
    published = record.get("published")
    published = None if published is None or pd.isna(published) else pd.Timestamp(published)
    article_row = {
        k: v for k, v in record.items() if not (isinstance(k, str) and k.startswith("__"))
    }
    article_row.update(
        {
            "article_id": article_id,
            "text": text,
            "raw_text": raw,
            "language": language,
            "offsets": cleaned.offsets if cleaned is not None else None,
            "content_hash": hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest(),
        }
    )
    out["articles"].append(article_row)

    doc = Document(
        article_id=article_id,
        text=text,
        language=language,
        published=published.date() if published is not None else None,
        title=record.get("title") if isinstance(record.get("title"), str) else None,
    )
    if isinstance(record.get("category"), str):  # the paper's section: a genre signal
        doc.extra["section"] = record["category"]
    for stage, step in STEPS:
        try:
            step(doc, settings)
        except Exception as exc:
            fail(stage, exc)

    sentence_index = doc.sentence_index
    for m in doc.mentions:
        out["mentions"].append(
            {
                "article_id": article_id,
                "actor_id": m.actor_id,
                "surface": m.surface,
                "start": m.start,
                "end": m.end,
                "method": m.method,
                "sentence": sentence_index(m.start),
            }
        )
    for n, q in enumerate(doc.quotes):
        out["quotes"].append({"article_id": article_id, "quote_id": f"{article_id}:q{n}", **q})
    for n, mt in enumerate(doc.meetings):
        out["meetings"].append({"article_id": article_id, "meeting_id": f"{article_id}:m{n}", **mt})
    out["actors"] = list(doc.actors.values())
    return out


def _step_actors(doc: Document, settings: Settings) -> None:
    find_mentions(doc, settings.kb)


def _step_quotes(doc: Document, settings: Settings) -> None:
    doc.quotes = extract_quotes(doc)


def _step_meetings(doc: Document, settings: Settings) -> None:
    doc.meetings = extract_meetings(doc)


def _step_sentiment(doc: Document, settings: Settings) -> None:
    if not doc.quotes:
        return
    scores = score_texts([q["text"] for q in doc.quotes], doc.language)
    for quote, (score, label) in zip(doc.quotes, scores, strict=True):
        quote["sentiment"] = score
        quote["sentiment_label"] = label


STEPS: list[tuple[str, Callable[[Document, Settings], None]]] = [
    ("extract:actors", _step_actors),
    ("extract:quotes", _step_quotes),
    ("extract:meetings", _step_meetings),
    ("extract:sentiment", _step_sentiment),
]


# --------------------------------------------------------------------------- many articles


def analyze(
    corpus: Corpus | pd.DataFrame | str | os.PathLike | Iterable,
    engine: str = "auto",
    workers: int | None = None,
    kb: KnowledgeBase | None = None,
    progress: bool | None = None,
    errors: str = "collect",
    boilerplate: bool = True,
    out: str | os.PathLike | None = None,
    incremental: bool = False,
    duplicates: str | None = "auto",
    client: Any = None,
    chunk_size: int | None = None,
):
    """Extract actors, quotes, meetings and sentiment from every article.

    Parameters
    ----------
    corpus:
        A :class:`Corpus` from :func:`load` / :func:`load_table`, a DataFrame of articles,
        or paths/globs/folders (loaded with :func:`load`). With ``engine="dask"`` also a
        Dask DataFrame, or a folder of Parquet/JSONL files that the workers read.
    engine:
        ``"auto"`` (processes for :data:`PARALLEL_THRESHOLD` articles or more, else one
        process), ``"serial"``, ``"processes"`` or ``"dask"``. Every engine gives the
        same tables, row for row.
    workers:
        Number of processes / Dask workers (default: all cores).
    kb:
        Actor knowledge base (default: the shipped one plus nothing else).
    progress:
        Show a progress bar (default: for corpora of 200 articles or more).
    errors:
        ``"collect"`` records failures in ``Analysis.errors``; ``"raise"`` raises.
    out:
        A folder: write the result as a partitioned Parquet store there and return a
        lazy :class:`~newsanalysis.scale.LazyAnalysis` over it (nothing is kept in memory).
        Default: return an in-memory :class:`Analysis`.
    incremental:
        With ``out`` holding an earlier result: analyse only new articles and articles
        whose cleaned text (content hash) or publication date changed; changed articles
        replace their old rows. See ``docs/performance.md``.
    duplicates:
        ``"near"`` (exact + MinHash near copies; needs the ``scale`` extra), ``"exact"``
        (same cleaned text only), ``None`` (do not mark), or ``"auto"``: near when
        available, else exact. Fills ``articles.duplicate_of``.
    client:
        A ``dask.distributed.Client`` to run on (``engine="dask"``); default: a local
        cluster of ``workers`` processes, closed afterwards.
    chunk_size:
        Articles per task (processes) or per part / Dask partition (with ``out`` or Dask).
    """
    from .dedup import resolve_duplicates

    started = time.perf_counter()
    duplicates = resolve_duplicates(duplicates)
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {', '.join(map(repr, ENGINES))}, not {engine!r}")
    if incremental and out is None:
        raise ValueError("incremental=True needs out=<folder of the earlier result>")
    settings = Settings(
        kb=kb if kb is not None else load_kb(), boilerplate=boilerplate, errors=errors
    )
    n_workers = workers or default_workers()
    if engine == "dask":
        from .scale.dask_engine import analyze_dask

        return analyze_dask(
            corpus,
            settings=settings,
            workers=n_workers,
            progress=progress,
            out=out,
            incremental=incremental,
            duplicates=duplicates,
            client=client,
            chunk_size=chunk_size,
        )
    corpus = _as_corpus(corpus, errors)
    articles = corpus.articles
    if progress is None:
        progress = len(articles) >= 200
    parallel = engine == "processes" or (
        engine == "auto" and len(articles) >= PARALLEL_THRESHOLD and n_workers > 1
    )
    run_info = {
        "engine": "processes" if parallel else "serial",
        "workers": n_workers if parallel else 1,
    }
    if out is not None:
        from .scale.runner import analyze_to_store

        return analyze_to_store(
            articles,
            corpus.errors,
            settings,
            out,
            incremental=incremental,
            duplicates=duplicates,
            parallel=parallel,
            workers=n_workers,
            progress=progress,
            chunk_size=chunk_size,
            run_info=run_info,
        )
    chunks = run_chunks(
        articles,
        settings,
        parallel=parallel,
        workers=n_workers,
        progress=progress,
        signatures=duplicates == "near",
        chunk_size=chunk_size,
    )
    analysis, signatures = combine(chunks, corpus.errors)
    mark_duplicates_and_events(analysis, signatures, duplicates)
    analysis.meta.update(
        {
            "articles_read": len(articles),
            "seconds": round(time.perf_counter() - started, 3),
            "duplicates": duplicates,
            **run_info,
        }
    )
    return analysis


#: articles per chunk in this process (rows become columnar tables chunk by chunk)
SERIAL_CHUNK_SIZE = 256


def record_chunks(articles: pd.DataFrame, size: int) -> Iterator[list[dict]]:
    """Rows of ``articles`` as lists of ``size`` record dicts, made one list at a time.

    The texts become Python strings only for the chunk at hand, not for the whole corpus.
    """
    for start in range(0, len(articles), size):
        yield articles.iloc[start : start + size].to_dict("records")


def run_chunks(
    articles: pd.DataFrame,
    settings: Settings,
    parallel: bool,
    workers: int,
    progress: bool,
    signatures: bool = False,
    chunk_size: int | None = None,
) -> Iterator[Chunk]:
    """The tables of consecutive chunks of ``articles``, in input order.

    In this process, or on a pool of ``workers`` processes. A record marked as unchanged
    since an earlier run (see :mod:`.scale.runner`) is skipped (``Chunk.processed``).
    """
    n = len(articles)
    if parallel:
        size = chunk_size or default_chunk_size(n, workers)
        return run_processes(
            record_chunks(articles, size), n, settings, workers, progress, signatures
        )
    return run_serial(
        record_chunks(articles, chunk_size or SERIAL_CHUNK_SIZE), n, settings, progress, signatures
    )


def mark_duplicates_and_events(
    analysis: Analysis, signatures: list | None, duplicates: str | None
) -> None:
    """Fill ``articles.duplicate_of`` and ``meetings.event_id`` (see :mod:`.dedup`)."""
    from .dedup import assign_events, find_duplicates

    if duplicates is not None:
        analysis.articles["duplicate_of"] = find_duplicates(analysis.articles, signatures)
    analysis.meetings["event_id"] = assign_events(analysis.meetings)


def collect(
    results: Iterable[dict[str, list]], load_errors: pd.DataFrame | None = None
) -> Analysis:
    """Gather per-article results (of :func:`process_article`) into an :class:`Analysis`."""
    analysis, _ = combine([build_chunk(list(results))], load_errors)
    return analysis


def _as_corpus(corpus, errors: str) -> Corpus:
    if isinstance(corpus, Corpus):
        return corpus
    if isinstance(corpus, pd.DataFrame):
        id_column = "article_id" if "article_id" in corpus.columns else None
        return load_table(corpus, id=id_column, errors=errors)
    if isinstance(corpus, str | os.PathLike) or isinstance(corpus, Iterable):
        return load(corpus, errors=errors)
    raise TypeError(
        f"cannot analyze {type(corpus).__name__}: expected a Corpus, DataFrame or paths"
    )
