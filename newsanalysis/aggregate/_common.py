"""Helpers shared by the aggregates: periods, article metadata, filter arguments."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

#: period name -> pandas period alias (weeks start on Monday)
PERIODS: dict[str, str] = {"week": "W-SUN", "month": "M", "quarter": "Q", "year": "Y"}

#: how coarse a date is (a meeting known to the month cannot be put in a week)
PRECISION_RANK: dict[str, int] = {"day": 0, "month": 1, "year": 2}
#: the coarsest date precision each period can still place
PERIOD_ACCEPTS: dict[str, int] = {"week": 0, "month": 1, "quarter": 1, "year": 2}

ARTICLE_COLUMNS = ["article_id", "published", "title", "url", "source", "language"]


def check_period(period: str) -> str:
    if period not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {period!r}")
    return period


def period_start(dates: pd.Series, period: str) -> pd.Series:
    """The first day of the ``period`` (week/month/quarter/year) each date falls in."""
    check_period(period)
    dates = pd.to_datetime(dates)
    return dates.dt.to_period(PERIODS[period]).dt.start_time.astype("datetime64[ns]")


def article_meta(articles: pd.DataFrame) -> pd.DataFrame:
    """The columns of ``articles`` that evidence tables show (no text)."""
    meta = articles[ARTICLE_COLUMNS].drop_duplicates("article_id")
    return plain_strings(meta.astype({"published": "datetime64[ns]"}))


def plain_strings(frame: pd.DataFrame) -> pd.DataFrame:
    """String columns as Python objects (None for missing).

    The aggregates filter, take and group these tables on every widget update; with
    Arrow-backed strings (pandas' default) each take and each ``isin`` is several times
    slower than on plain object columns.
    """
    out = frame.copy()
    for column in out.columns:
        if isinstance(out[column].dtype, pd.StringDtype):
            values = out[column].astype(object)
            out[column] = values.where(values.notna(), None)
    return out


def as_set(values: str | Iterable[str] | None) -> set[str] | None:
    """``None`` (no filter) or a set of values; one string is one value."""
    if values is None:
        return None
    if isinstance(values, str):
        return {values}
    return set(values)


def date_mask(dates: pd.Series, start=None, end=None) -> pd.Series:
    """Dates within ``[start, end]`` (inclusive; a bare end date includes that whole day)."""
    keep = pd.Series(True, index=dates.index)
    if start is not None:
        keep &= dates >= pd.Timestamp(start)
    if end is not None:
        end_ts = pd.Timestamp(end)
        if end_ts == end_ts.normalize():
            end_ts = end_ts + pd.Timedelta(days=1) - pd.Timedelta(1, "ns")
        keep &= dates <= end_ts
    return keep.fillna(False).astype(bool)


def value_mask(column: pd.Series, values: str | Iterable[str] | None) -> pd.Series:
    """Rows whose ``column`` is one of ``values`` (all rows when ``values`` is None)."""
    wanted = as_set(values)
    if wanted is None:
        return pd.Series(True, index=column.index)
    return column.isin(wanted).fillna(False).astype(bool)


def actor_lookup(actors: pd.DataFrame) -> dict[str, str]:
    """actor_id -> display name."""
    return dict(zip(actors["actor_id"].astype(str), actors["name"].astype(str), strict=True))


def resolve_actor_keys(
    values: str | Iterable[str] | None, names: dict[str, str]
) -> set[str] | None:
    """Actor ids for ``values`` given as ids or display names (case-insensitive).

    Unknown values are kept as they are, so an actor that appears only by name (no id)
    can still be selected by that name.
    """
    wanted = as_set(values)
    if wanted is None:
        return None
    by_name: dict[str, str] = {}
    for actor_id, name in names.items():
        by_name.setdefault(name.casefold(), actor_id)
    keys = set()
    for value in wanted:
        if value in names:
            keys.add(value)
        else:
            keys.add(by_name.get(str(value).casefold(), value))
    return keys
