"""Column names and dtypes of the result tables (the public contract of DESIGN.md).

Every table an :class:`~newsanalysis.Analysis` holds is built through
:func:`empty_table` / :func:`conform`, so a table always has its columns and dtypes,
even when no row was extracted. Extra columns beyond the contract come after the
contract columns and are kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

STRING = "string"
INT = "Int64"
FLOAT = "float64"
DATETIME = "datetime64[ns]"
OBJECT = "object"  # lists (participants, participant_ids, aliases, offsets)
BOOL = "boolean"

#: table name -> ordered {column: dtype}
SCHEMAS: dict[str, dict[str, str]] = {
    "articles": {
        "article_id": STRING,
        "title": STRING,
        "text": STRING,  # cleaned text: every offset in other tables indexes this
        "published": DATETIME,
        "language": STRING,  # "id", "en" or "other"
        "source": STRING,
        "url": STRING,
        "path": STRING,  # input file (and row / entry) the article came from
        "raw_text": STRING,  # the text as loaded, before cleaning
        "offsets": OBJECT,  # flat [clean_start, raw_start, length, ...] runs: see clean.py
        "content_hash": STRING,
        "duplicate_of": STRING,  # article_id of the first copy of a syndicated story
    },
    "mentions": {
        "article_id": STRING,
        "actor_id": STRING,
        "surface": STRING,
        "start": INT,
        "end": INT,
        "method": STRING,  # kb / alias / discovered / role / pronoun / metonym / ...
        "sentence": INT,  # index of the sentence in the article
    },
    "actors": {
        "actor_id": STRING,
        "name": STRING,
        "type": STRING,  # person / organisation / country / group
        "country": STRING,
        "aliases": OBJECT,  # list[str]
        "wikidata_id": STRING,
    },
    "quotes": {
        "article_id": STRING,
        "quote_id": STRING,
        "text": STRING,
        "start": INT,
        "end": INT,
        "kind": STRING,  # direct / partial / indirect
        "speaker": STRING,
        "speaker_id": STRING,
        "speaker_surface": STRING,
        "cue": STRING,
        "sentiment": FLOAT,
        "sentiment_label": STRING,
        "speaker_start": INT,  # where the speaker is written (offsets into articles.text)
        "speaker_end": INT,
        "cue_start": INT,  # where the cue word(s) are written
        "cue_end": INT,
    },
    "meetings": {
        "article_id": STRING,
        "meeting_id": STRING,
        "participants": OBJECT,  # list[str] of actor names
        "participant_ids": OBJECT,  # list[str] of actor ids
        "mode": STRING,  # in_person / visit / phone / virtual / summit / talks
        "status": STRING,  # happened / planned / negated / cancelled / refused / hypothetical / requested
        "date_start": DATETIME,
        "date_end": DATETIME,
        "date_precision": STRING,  # day / month / year / <NA>
        "location": STRING,
        "count": INT,
        "start": INT,
        "end": INT,
        "evidence": STRING,
        "event_id": STRING,  # same meeting reported by several rows/articles (see dedup.py)
        # extra columns (meetings step): who receives a visit, event codes for GDELT /
        # ICEWS / POLECAT users, the trigger words and how the date was read
        "host": STRING,
        "host_id": STRING,
        "cameo": STRING,  # CAMEO 040-046 (CONSULT)
        "plover_mode": STRING,  # PLOVER CONSULT mode: visit / third-party / multilateral / phone
        "trigger": STRING,
        "date_flags": STRING,
        # "start:end;start:end": later sentences telling the same event again (merged
        # into this row, so an event told twice in an article is counted once)
        "restated_at": STRING,
    },
    "errors": {
        "input": STRING,
        "article_id": STRING,
        "stage": STRING,
        "error": STRING,
    },
}

TABLES: tuple[str, ...] = tuple(SCHEMAS)
LIST_COLUMNS: dict[str, tuple[str, ...]] = {
    name: tuple(col for col, dtype in schema.items() if dtype == OBJECT)
    for name, schema in SCHEMAS.items()
}


def empty_table(name: str) -> pd.DataFrame:
    """An empty DataFrame with the columns and dtypes of table ``name``."""
    schema = _schema(name)
    return pd.DataFrame({col: pd.Series(dtype=dtype) for col, dtype in schema.items()})


def conform(name: str, data: pd.DataFrame | Iterable[Mapping] | None) -> pd.DataFrame:
    """Return ``data`` as table ``name``: contract columns first, in order, with their dtypes.

    Missing contract columns are added empty; extra columns are kept after them.
    """
    schema = _schema(name)
    if data is None:
        return empty_table(name)
    frame = data if isinstance(data, pd.DataFrame) else pd.DataFrame(list(data))
    if frame.empty and not len(frame.columns):
        return empty_table(name)
    frame = frame.reset_index(drop=True)
    out = {}
    for col, dtype in schema.items():
        if col in frame.columns:
            out[col] = _cast(frame[col], dtype)
        else:
            out[col] = pd.Series([None] * len(frame), dtype=dtype if dtype != OBJECT else OBJECT)
    for col in frame.columns:
        if col not in schema:
            out[col] = frame[col]
    return pd.DataFrame(out)


def _cast(series: pd.Series, dtype: str) -> pd.Series:
    if dtype == OBJECT:
        return series.map(_as_list).astype(OBJECT)
    if series.dtype == pd.api.types.pandas_dtype(dtype):
        return series  # already right: no round trip of every value through Python
    if dtype == DATETIME:
        return pd.to_datetime(series, errors="coerce").astype(DATETIME)
    if dtype == STRING:
        return series.astype(OBJECT).where(series.notna(), None).astype(STRING)
    return series.astype(dtype)


def _as_list(value):
    """Lists stay lists; numpy arrays (as Parquet returns them) become lists; None stays None."""
    if value is None:
        return None
    if isinstance(value, list):
        return value
    if hasattr(value, "tolist"):
        return value.tolist()
    if isinstance(value, tuple):
        return list(value)
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return value


def _schema(name: str) -> dict[str, str]:
    try:
        return SCHEMAS[name]
    except KeyError:
        raise ValueError(f"unknown table {name!r}; expected one of {', '.join(TABLES)}") from None
