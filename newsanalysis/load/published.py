"""Publication dates from what scrapers write: mixed types and formats in one column.

Handles Excel datetimes, ISO strings, day-first strings (``16/09/2019``,
``10-Sep-19``), month names of any language pack (``28 Agustus 2019``,
``March 20, 2019``), RFC 822 feed dates and epoch seconds.

News URLs often carry the date the story was filed (``/read/2019/09/10/...``), written
by the publishing system, not by hand. The URL date corrects the parsed date when the
two cannot both be right: the day and month swapped (a spreadsheet read ``10/09/2019``
month first), or a date before the URL's (a story is not published before it is filed)
or more than :data:`URL_LAG_DAYS` days after it. The time of day is kept. Stories do go
online a day or more after they were filed, so smaller lags keep the outlet's date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from email.utils import parsedate_to_datetime
from functools import lru_cache

import pandas as pd
from dateutil import parser as dateutil_parser

from ..lang import all_packs

_URL_DATE = re.compile(
    r"/(20\d\d|19\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?=[/-]|\d{2,}|$)"
)
_NUMERIC_DMY = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})\b")
_ISO = re.compile(r"^\s*\d{4}-\d{2}-\d{2}")
_TIME_SUFFIX = re.compile(r"\b(WIB|WITA|WIT)\b", re.IGNORECASE)

#: largest accepted delay (days) between the date in a story's URL and its publication
URL_LAG_DAYS = 7


@lru_cache(maxsize=1)
def _month_names() -> dict[str, int]:
    names: dict[str, int] = {}
    for pack in all_packs():
        for name, number in pack.get("dates", {}).get("months", {}).items():
            names.setdefault(name.lower(), int(number))
    return names


@lru_cache(maxsize=1)
def _month_pattern() -> re.Pattern[str]:
    names = sorted(_month_names(), key=len, reverse=True)
    alternatives = "|".join(re.escape(n) for n in names)
    return re.compile(
        rf"(?:(?P<d1>\d{{1,2}})[\s-]+(?P<m1>{alternatives})\.?[\s,-]+(?P<y1>\d{{2,4}})"
        rf"|(?P<m2>{alternatives})\.?\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>\d{{4}}))\b",
        re.IGNORECASE,
    )


def url_date(url: str | None) -> dt.date | None:
    """The date in a news URL (``/2019/09/10/``), if any."""
    if not url or not isinstance(url, str):
        return None
    match = _URL_DATE.search(url)
    if not match:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def parse_published(value, url: str | None = None) -> pd.Timestamp | None:
    """One publication date, or None when ``value`` holds no date.

    Raises ``ValueError`` when ``value`` is text that looks like a date but is not one.
    """
    stamp = _parse_cached(value) if isinstance(value, _HASHABLE) else _parse(value)
    from_url = url_date(url)
    if stamp is None:
        return pd.Timestamp(from_url) if from_url else None
    if from_url is not None and not _consistent(stamp.date(), from_url):
        stamp = pd.Timestamp.combine(from_url, stamp.time())
    return stamp


def _consistent(day: dt.date, filed: dt.date) -> bool:
    """Whether a publication day fits the day in the story's URL (see module docstring).

    One day before is allowed: a URL may carry the date in another time zone.
    """
    if (day.year, day.day, day.month) == (filed.year, filed.month, filed.day):
        return day == filed  # swapped day and month
    return -1 <= (day - filed).days <= URL_LAG_DAYS


_HASHABLE = (str, dt.datetime, dt.date, int, float)


@lru_cache(maxsize=65536)
def _parse_cached(value) -> pd.Timestamp | None:
    """Scraped columns repeat the same few dates thousands of times: parse each once."""
    return _parse(value)


def parse_published_column(
    values: Iterable, urls: Iterable | None = None
) -> tuple[pd.Series, list[tuple[int, str]]]:
    """Parse a column; returns the datetimes and ``(row, reason)`` for unparseable values."""
    values = list(values)
    urls = list(urls) if urls is not None else [None] * len(values)
    out: list[pd.Timestamp | None] = []
    problems: list[tuple[int, str]] = []
    for row, (value, url) in enumerate(zip(values, urls, strict=True)):
        try:
            out.append(parse_published(value, url))
        except ValueError as exc:
            out.append(None)
            problems.append((row, str(exc)))
    return pd.Series(pd.to_datetime(out, errors="coerce"), dtype="datetime64[ns]"), problems


def _parse(value) -> pd.Timestamp | None:
    if value is None:
        return None
    if isinstance(value, float) and pd.isna(value):
        return None
    if value is pd.NaT or (not isinstance(value, str) and pd.isna(value) is True):
        return None
    if isinstance(value, pd.Timestamp):
        return _naive(value)
    if isinstance(value, dt.datetime):
        return _naive(pd.Timestamp(value))
    if isinstance(value, dt.date):
        return pd.Timestamp(value)
    if isinstance(value, int | float):
        return _from_number(value)
    text = str(value).strip()
    if not text:
        return None
    return _from_text(text)


def _naive(stamp: pd.Timestamp) -> pd.Timestamp:
    """Timestamps are stored naive, in the article's own local time."""
    return stamp.tz_localize(None) if stamp.tzinfo is not None else stamp


def _from_number(value: float) -> pd.Timestamp:
    if 1e9 <= value < 1e10:  # epoch seconds
        return pd.Timestamp(int(value), unit="s")
    if 1e12 <= value < 1e13:  # epoch milliseconds
        return pd.Timestamp(int(value), unit="ms")
    if 20000 <= value < 80000:  # Excel serial day
        return pd.Timestamp("1899-12-30") + pd.Timedelta(days=float(value))
    raise ValueError(f"number {value!r} is not a date")


def _from_text(text: str) -> pd.Timestamp:
    text = _TIME_SUFFIX.sub("", text).strip()
    if _ISO.match(text):
        return _naive(pd.Timestamp(dateutil_parser.isoparse(text)))
    numeric = _NUMERIC_DMY.match(text)
    if numeric:  # news in Indonesia and most of the world write day first
        day, month, year = (int(g) for g in numeric.groups())
        year += 2000 if year < 100 else 0
        if month > 12 and day <= 12:  # unambiguously month first (US style)
            day, month = month, day
        rest = text[numeric.end() :].strip(" ,")
        clock = _clock(rest)
        return pd.Timestamp(dt.datetime(year, month, day, *clock))
    named = _month_pattern().search(text)
    if named:
        day = int(named.group("d1") or named.group("d2"))
        month = _month_names()[(named.group("m1") or named.group("m2")).lower()]
        year = int(named.group("y1") or named.group("y2"))
        year += 2000 if year < 100 else 0
        clock = _clock(text[named.end() :])
        return pd.Timestamp(dt.datetime(year, month, day, *clock))
    try:
        return _naive(pd.Timestamp(parsedate_to_datetime(text)))  # RSS: "Tue, 10 Sep 2019 ..."
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return _naive(pd.Timestamp(dateutil_parser.parse(text, dayfirst=True)))
    except (ValueError, OverflowError) as exc:
        raise ValueError(f"cannot read date {text!r}") from exc


def _clock(rest: str) -> tuple[int, int]:
    match = re.search(r"\b(\d{1,2})[:.](\d{2})\b", rest)
    if match and int(match.group(1)) < 24 and int(match.group(2)) < 60:
        return int(match.group(1)), int(match.group(2))
    return 0, 0
