"""Meeting aggregates: events, frequency per period, timelines and their evidence.

A *report* is one row of ``Analysis.meetings`` (one article saying a meeting took place,
is planned, did not happen, ...). When the table has an ``event_id`` column (the same
event reported by several articles), reports with the same id are one *event* and are
counted once; otherwise each report is its own event. An event's status is the most
definite one its reports give (``happened`` beats ``planned``: the visit announced on
Friday and reported on Tuesday happened), and its date comes from the most precise report
of that status.

Counting rules, so that a chart never counts what did not happen:

- by default only ``happened`` and ``planned`` events are counted (negated, cancelled,
  hypothetical, requested and refused ones are left out unless asked for);
- reports that sum up many meetings (``count`` > 1, "met 39 times") are not events and
  are never placed on a time axis;
- an event is placed at its meeting date; one known only to the month is not placed in a
  week (nor one known only to the year in a month or quarter); undated events are left
  out unless ``undated="published"`` places them at their article's publication date.

What was left out is reported in ``DataFrame.attrs["left_out"]``.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations

import numpy as np
import pandas as pd

from ._common import (
    PERIOD_ACCEPTS,
    PRECISION_RANK,
    actor_lookup,
    article_meta,
    check_period,
    date_mask,
    period_start,
    resolve_actor_keys,
    value_mask,
)

#: statuses counted by default
DEFAULT_STATUSES: tuple[str, ...] = ("happened", "planned")
#: most definite first: an event reported as planned and as happened did happen
STATUS_ORDER: tuple[str, ...] = (
    "happened",
    "cancelled",
    "refused",
    "negated",
    "planned",
    "requested",
    "hypothetical",
)
GROUPINGS: tuple[str, ...] = ("pair", "actor", "mode")
PAIR_SEPARATOR = " – "

EVENT_COLUMNS = [
    "event",
    "when",
    "date_end",
    "precision",
    "dated_by",
    "status",
    "mode",
    "actor_keys",
    "actor_names",
    "location",
    "reports",
    "articles",
    "meeting_ids",
    "article_ids",
    "article_id",
    "evidence",
    "published",
    "title",
    "url",
    "source",
    "language",
]


# --------------------------------------------------------------------------- reports


def meetings_table(analysis) -> pd.DataFrame:
    """One row per meeting report, ready for the aggregates (computed once, reused).

    Adds to the ``meetings`` columns: the article's ``published``, ``title``, ``url``,
    ``source`` and ``language``; ``event`` (``event_id`` where given, else the
    ``meeting_id``); ``actor_keys`` / ``actor_names`` (participant ids, or names where an
    id is missing, and display names, de-duplicated); ``precision`` (``day`` for a date
    without precision); and ``summary`` (True for "met 39 times" rows).
    """
    meetings = analysis.meetings
    table = meetings.merge(article_meta(analysis.articles), on="article_id", how="left")
    names = actor_lookup(analysis.actors)
    keys, labels = [], []
    for ids, plain in zip(table["participant_ids"], table["participants"], strict=True):
        k, n = _participants(ids, plain, names)
        keys.append(k)
        labels.append(n)
    table["actor_keys"] = pd.Series(keys, index=table.index, dtype=object)
    table["actor_names"] = pd.Series(labels, index=table.index, dtype=object)
    if "event_id" in table.columns:
        table["event"] = table["event_id"].astype("string").fillna(table["meeting_id"])
    else:
        table["event"] = table["meeting_id"]
    precision = table["date_precision"].astype("string")
    table["precision"] = precision.where(precision.notna() | table["date_start"].isna(), "day")
    table["summary"] = table["count"].fillna(1).astype(int) > 1
    return table


def _participants(ids, plain, names: dict[str, str]) -> tuple[list[str], list[str]]:
    """Participant keys (id, else name) and display names, in order, without repeats."""
    ids = list(ids) if ids is not None else []
    plain = list(plain) if plain is not None else []
    keys: list[str] = []
    labels: list[str] = []
    for i in range(max(len(ids), len(plain))):
        actor_id = ids[i] if i < len(ids) else None
        name = plain[i] if i < len(plain) else None
        if actor_id is not None and not pd.isna(actor_id):
            key, label = str(actor_id), names.get(str(actor_id)) or name or str(actor_id)
        elif name is not None and not pd.isna(name):
            key, label = str(name), str(name)
        else:
            continue
        if key not in keys:
            keys.append(key)
            labels.append(str(label))
    return keys, labels


def _as_table(data) -> pd.DataFrame:
    if isinstance(data, pd.DataFrame):
        if "actor_keys" not in data.columns:
            raise ValueError("expected an Analysis or the output of meetings_table()")
        return data
    return meetings_table(data)


# --------------------------------------------------------------------------- events


def meeting_events(
    data,
    *,
    actors: str | Iterable[str] | None = None,
    together: bool | None = None,
    statuses: str | Iterable[str] | None = DEFAULT_STATUSES,
    modes: str | Iterable[str] | None = None,
    start=None,
    end=None,
    languages: str | Iterable[str] | None = None,
    sources: str | Iterable[str] | None = None,
    undated: str = "drop",
) -> pd.DataFrame:
    """One row per meeting event that passes the filters, with its place in time.

    Parameters
    ----------
    data:
        An :class:`~newsanalysis.Analysis` or the output of :func:`meetings_table`.
    actors:
        Names or ids. One actor: its meetings. Several: with ``together`` (the default)
        the meetings at least two of them attended; otherwise meetings of any of them.
    statuses, modes, languages, sources:
        Keep only these values (``None``: all). ``statuses`` defaults to happened + planned.
    start, end:
        Inclusive bounds on the meeting date (``when``).
    undated:
        ``"drop"`` (default) leaves undated events out; ``"published"`` places them at
        their article's publication date (``dated_by == "published"``).

    Summary reports ("met 39 times") are never events here. ``attrs["left_out"]`` counts
    the events dropped for having no date.
    """
    if undated not in ("drop", "published"):
        raise ValueError(f"undated must be 'drop' or 'published', not {undated!r}")
    table = _as_table(data)
    rows = table[
        ~table["summary"]
        & value_mask(table["language"], languages)
        & value_mask(table["source"], sources)
    ]
    events = _resolve_events(rows)
    events = events[value_mask(events["status"], statuses) & value_mask(events["mode"], modes)]
    names = _names_of(table)
    wanted = resolve_actor_keys(actors, names)
    if wanted:
        together = len(wanted) > 1 if together is None else together and len(wanted) > 1
        need = 2 if together else 1
        hits = events["actor_keys"].map(lambda keys: len(wanted.intersection(keys)))
        events = events[hits >= need]
    undated_mask = events["when"].isna()
    if undated == "published":
        events = events.copy()
        events.loc[undated_mask, "when"] = events.loc[undated_mask, "published"].dt.normalize()
        events.loc[undated_mask, "precision"] = "day"
        events.loc[undated_mask, "dated_by"] = "published"
        undated_mask = events["when"].isna()
    left_out = {"undated": int(undated_mask.sum())}
    events = events[~undated_mask]
    events = events[date_mask(events["when"], start, end)].reset_index(drop=True)
    events.attrs = {"left_out": left_out, "actors": sorted(wanted) if wanted else []}
    return events


def _names_of(table: pd.DataFrame) -> dict[str, str]:
    names: dict[str, str] = {}
    for keys, labels in zip(table["actor_keys"], table["actor_names"], strict=True):
        names.update(zip(keys, labels, strict=True))
    return names


def _resolve_events(rows: pd.DataFrame) -> pd.DataFrame:
    """Collapse reports into events: the most definite status, then the most precise date."""
    status_rank = rows["status"].map({s: i for i, s in enumerate(STATUS_ORDER)})
    precision_rank = rows["precision"].map(PRECISION_RANK)
    ordered = rows.assign(
        _status=status_rank.fillna(len(STATUS_ORDER)).astype(float),
        _precision=precision_rank.fillna(len(PRECISION_RANK)).astype(float),
    ).sort_values(["event", "_status", "_precision", "date_start", "published"], kind="stable")
    first = ordered.drop_duplicates("event", keep="first").set_index("event")
    grouped = ordered.groupby("event", sort=False)
    reports = grouped.size()
    events = pd.DataFrame(
        {
            "event": first.index,
            "when": first["date_start"].to_numpy(),
            "date_end": first["date_end"].to_numpy(),
            "precision": first["precision"].to_numpy(),
            "dated_by": np.where(first["date_start"].notna(), "meeting", None),
            "status": first["status"].to_numpy(),
            "mode": first["mode"].to_numpy(),
            "actor_keys": first["actor_keys"].to_numpy(),
            "actor_names": first["actor_names"].to_numpy(),
            "location": first["location"].to_numpy(),
            "reports": reports.reindex(first.index).to_numpy(),
            "articles": grouped["article_id"].nunique().reindex(first.index).to_numpy(),
            "meeting_ids": [[m] for m in first["meeting_id"]],
            "article_ids": [[a] for a in first["article_id"]],
            "article_id": first["article_id"].to_numpy(),
            "evidence": first["evidence"].to_numpy(),
            "published": first["published"].to_numpy(),
            "title": first["title"].to_numpy(),
            "url": first["url"].to_numpy(),
            "source": first["source"].to_numpy(),
            "language": first["language"].to_numpy(),
        }
    )
    multi = events["reports"].to_numpy() > 1
    if multi.any():
        # events told by several articles: all their reports and all their participants
        many = ordered[ordered["event"].isin(set(events.loc[multi, "event"]))]
        ids = many.groupby("event", sort=False)["meeting_id"].agg(list)
        article_ids = many.groupby("event", sort=False)["article_id"].agg(
            lambda s: list(dict.fromkeys(s))
        )
        members: dict[str, tuple[list, list]] = {}
        for event, keys, labels in zip(
            many["event"], many["actor_keys"], many["actor_names"], strict=True
        ):
            k, n = members.setdefault(event, ([], []))
            for key, label in zip(keys, labels, strict=True):
                if key not in k:
                    k.append(key)
                    n.append(label)
        idx = events.index[multi]
        events.loc[idx, "meeting_ids"] = pd.Series(
            [ids[e] for e in events.loc[idx, "event"]], index=idx, dtype=object
        )
        events.loc[idx, "article_ids"] = pd.Series(
            [article_ids[e] for e in events.loc[idx, "event"]], index=idx, dtype=object
        )
        events.loc[idx, "actor_keys"] = pd.Series(
            [members[e][0] for e in events.loc[idx, "event"]], index=idx, dtype=object
        )
        events.loc[idx, "actor_names"] = pd.Series(
            [members[e][1] for e in events.loc[idx, "event"]], index=idx, dtype=object
        )
    events["when"] = pd.to_datetime(events["when"]).astype("datetime64[ns]")
    events["date_end"] = pd.to_datetime(events["date_end"]).astype("datetime64[ns]")
    events["published"] = pd.to_datetime(events["published"]).astype("datetime64[ns]")
    return events[EVENT_COLUMNS]


# --------------------------------------------------------------------------- frequency


def meeting_frequency(
    data,
    period: str = "month",
    by: str = "pair",
    *,
    top: int | None = None,
    **filters,
) -> pd.DataFrame:
    """Number of meetings per period, per actor pair / actor / mode and status.

    Returns one row per (``period``, ``key``, ``status``) with ``meetings`` (distinct
    events), ``reports`` (meeting rows behind them), ``articles`` and ``meeting_ids``
    (the evidence rows). ``period`` is the first day of the week/month/quarter/year.
    ``key`` is ``"A – B"`` for pairs (names sorted), an actor's name, or a mode;
    ``key_id`` holds the ids. With ``top``, keys beyond the ``top`` most frequent are
    summed into one ``"other …"`` key. Filters are those of :func:`meeting_events`.

    ``attrs``: ``period``, ``by``, ``meetings`` / ``reports`` / ``articles`` (totals
    counted) and ``left_out`` (undated, date too coarse for the period).
    """
    check_period(period)
    if by not in GROUPINGS:
        raise ValueError(f"by must be one of {', '.join(GROUPINGS)}, not {by!r}")
    if by == "actor":
        filters.setdefault("together", False)
    events = meeting_events(data, **filters)
    accepts = PERIOD_ACCEPTS[period]
    placeable = events["precision"].map(PRECISION_RANK).fillna(0) <= accepts
    left_out = dict(events.attrs.get("left_out", {}))
    left_out["imprecise"] = int((~placeable).sum())
    wanted = set(events.attrs.get("actors") or [])
    events = events[placeable]
    keyed = _keyed(events, by, wanted)
    columns = [
        "period",
        "key",
        "key_id",
        "status",
        "meetings",
        "reports",
        "articles",
        "meeting_ids",
    ]
    if keyed.empty:
        out = pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
        out["period"] = pd.Series(dtype="datetime64[ns]")
        for c in ("meetings", "reports", "articles"):
            out[c] = pd.Series(dtype=int)
    else:
        keyed = keyed.assign(period=period_start(keyed["when"], period))
        if top is not None:
            keyed = _lump_others(keyed, top, by)
        grouped = keyed.groupby(["period", "key", "key_id", "status"], sort=True)
        out = grouped.agg(
            meetings=("event", "nunique"),
            reports=("reports", "sum"),
            articles=("article_ids", _count_distinct),
            meeting_ids=("meeting_ids", _flatten),
        ).reset_index()
    counted = events[events["event"].isin(set(keyed["event"]))] if len(keyed) else events.iloc[:0]
    out.attrs = {
        "period": period,
        "by": by,
        "meetings": int(counted["event"].nunique()),
        "reports": int(counted["reports"].sum()),
        "articles": _count_distinct(counted["article_ids"]),
        "left_out": left_out,
        "actors": sorted(wanted),
    }
    return out


def _flatten(lists: Iterable[list]) -> list:
    return [item for items in lists for item in items]


def _count_distinct(lists: Iterable[list]) -> int:
    return len({item for items in lists for item in items})


def _keyed(events: pd.DataFrame, by: str, wanted: set[str]) -> pd.DataFrame:
    """Events repeated once per key (pair, participant or mode) they count for."""
    if events.empty:
        return events.assign(key=pd.Series(dtype=object), key_id=pd.Series(dtype=object))
    if by == "mode":
        return events.assign(key=events["mode"].fillna("unknown"), key_id=events["mode"])
    if by == "actor":
        items = [
            [(k, n) for k, n in zip(keys, names, strict=True) if not wanted or k in wanted]
            for keys, names in zip(events["actor_keys"], events["actor_names"], strict=True)
        ]
    else:
        items = [
            _pairs(keys, names, wanted)
            for keys, names in zip(events["actor_keys"], events["actor_names"], strict=True)
        ]
    exploded = events.assign(_item=items).explode("_item").dropna(subset=["_item"])
    exploded["key_id"] = exploded["_item"].map(lambda item: item[0])
    exploded["key"] = exploded["_item"].map(lambda item: item[1])
    return exploded.drop(columns="_item")


def _pairs(keys: list[str], names: list[str], wanted: set[str]) -> list[tuple[str, str]]:
    """Unordered pairs of participants as ``(id pair, "A – B")``, names sorted.

    With one wanted actor: the pairs that include it; with several: pairs of wanted actors.
    """
    people = sorted(zip(names, keys, strict=True))
    out = []
    for (name_a, key_a), (name_b, key_b) in combinations(people, 2):
        if wanted:
            inside = (key_a in wanted) + (key_b in wanted)
            if inside < (2 if len(wanted) > 1 else 1):
                continue
        out.append((f"{key_a}|{key_b}", f"{name_a}{PAIR_SEPARATOR}{name_b}"))
    return out


def _lump_others(keyed: pd.DataFrame, top: int, by: str) -> pd.DataFrame:
    totals = keyed.groupby("key")["event"].nunique().sort_values(ascending=False, kind="stable")
    if len(totals) <= top:
        return keyed
    keep = set(totals.index[:top])
    rest = len(totals) - top
    noun = {"pair": "pairs", "actor": "actors", "mode": "modes"}[by]
    other = ~keyed["key"].isin(keep)
    keyed = keyed.copy()
    keyed.loc[other, "key"] = f"other ({rest} {noun})"
    keyed.loc[other, "key_id"] = "other"
    return keyed


# --------------------------------------------------------------------------- timeline + evidence


def meeting_timeline(data, **filters) -> pd.DataFrame:
    """Events on a time line: one row per (event, pair) with date, mode, status, evidence.

    ``pair`` is the ``"A – B"`` label, ``pair_id`` its ids; filters are those of
    :func:`meeting_events`. Sorted by pair, then date.
    """
    events = meeting_events(data, **filters)
    wanted = set(events.attrs.get("actors") or [])
    keyed = _keyed(events, "pair", wanted).rename(columns={"key": "pair", "key_id": "pair_id"})
    keyed = keyed.sort_values(["pair", "when"], kind="stable").reset_index(drop=True)
    keyed.attrs = events.attrs
    return keyed


def date_label(start, end=None, precision=None) -> str:
    """A meeting date as precise as it is known: ``2023-03-20 – 2023-03-22``, ``2022-12``."""
    if start is None or pd.isna(start):
        return ""
    fmt = {"month": "%Y-%m", "year": "%Y"}.get(
        precision if isinstance(precision, str) else "", "%Y-%m-%d"
    )
    text = pd.Timestamp(start).strftime(fmt)
    if end is not None and not pd.isna(end):
        last = pd.Timestamp(end).strftime(fmt)
        if last != text:
            text += f" – {last}"
    return text


def meeting_reports(data, meeting_ids: Iterable[str] | None = None) -> pd.DataFrame:
    """The meeting rows (reports) behind a view, with the article title, date and link.

    Columns: published, source, title, url, participants, mode, status, meeting_date
    (as precise as known), date_start, date_end, location, count, evidence, article_id,
    meeting_id, event.
    """
    table = _as_table(data)
    if meeting_ids is not None:
        table = table[table["meeting_id"].isin(set(meeting_ids))]
    out = table.assign(
        participants=table["actor_names"].map(", ".join),
        meeting_date=[
            date_label(s, e, p)
            for s, e, p in zip(
                table["date_start"], table["date_end"], table["precision"], strict=True
            )
        ],
    )
    columns = [
        "published",
        "source",
        "title",
        "url",
        "participants",
        "mode",
        "status",
        "meeting_date",
        "date_start",
        "date_end",
        "location",
        "count",
        "evidence",
        "article_id",
        "meeting_id",
        "event",
    ]
    return (
        out[columns].sort_values(["date_start", "published"], kind="stable").reset_index(drop=True)
    )
