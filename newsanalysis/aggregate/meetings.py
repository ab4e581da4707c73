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
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ._common import (
    PERIOD_ACCEPTS,
    PRECISION_RANK,
    actor_lookup,
    article_meta,
    as_set,
    check_period,
    date_mask,
    period_start,
    plain_strings,
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
    table["meeting_date"] = [
        date_label(s, e, p)
        for s, e, p in zip(table["date_start"], table["date_end"], table["precision"], strict=True)
    ]
    return plain_strings(table)


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


@dataclass
class _Resolved:
    """Events resolved from the reports of some languages/sources, with long tables."""

    events: pd.DataFrame  # one row per event, index = eid (0..n-1)
    participants: pd.DataFrame  # eid, key, name (one row per event and participant)
    pairs: pd.DataFrame  # eid, key_a, key_b, pair_id, pair (names sorted)
    articles: pd.DataFrame  # eid, article_id (distinct)
    reports: pd.DataFrame  # eid, meeting_id


@dataclass
class MeetingData:
    """The prepared meeting table plus cached event resolutions, for repeated queries.

    Build it once (``meeting_data(analysis)``) and pass it to the meeting aggregates
    instead of the Analysis: the explorers do, so that a filter change does not redo
    the work that does not depend on it.
    """

    table: pd.DataFrame
    _cache: dict = field(default_factory=dict, repr=False)

    def resolved(self, languages=None, sources=None) -> _Resolved:
        key = (_frozen(languages), _frozen(sources))
        if key not in self._cache:
            if len(self._cache) >= 8:
                self._cache.pop(next(iter(self._cache)))
            rows = self.table[
                ~self.table["summary"]
                & value_mask(self.table["language"], languages)
                & value_mask(self.table["source"], sources)
            ]
            self._cache[key] = _resolve(rows)
        return self._cache[key]

    def names(self) -> dict[str, str]:
        if "names" not in self._cache:
            parts = self.resolved().participants
            self._cache["names"] = dict(zip(parts["key"], parts["name"], strict=True))
        return self._cache["names"]


def _frozen(values):
    wanted = as_set(values)
    return frozenset(wanted) if wanted is not None else None


def meeting_data(data) -> MeetingData:
    """``data`` (an Analysis, a :func:`meetings_table` or a MeetingData) as MeetingData."""
    if isinstance(data, MeetingData):
        return data
    if isinstance(data, pd.DataFrame):
        if "actor_keys" not in data.columns:
            raise ValueError("expected an Analysis or the output of meetings_table()")
        return MeetingData(data)
    return MeetingData(meetings_table(data))


def _as_table(data) -> pd.DataFrame:
    return meeting_data(data).table


# --------------------------------------------------------------------------- events


def _resolve(rows: pd.DataFrame) -> _Resolved:
    """Collapse reports into events: the most definite status, then the most precise date.

    Vectorised: one sort, one drop_duplicates, and long (eid, ...) tables for the
    participants, pairs, articles and reports of each event.
    """
    status_rank = rows["status"].map({s: i for i, s in enumerate(STATUS_ORDER)})
    precision_rank = rows["precision"].map(PRECISION_RANK)
    ordered = rows.assign(
        _status=status_rank.fillna(len(STATUS_ORDER)).astype(float),
        _precision=precision_rank.fillna(len(PRECISION_RANK)).astype(float),
    ).sort_values(["event", "_status", "_precision", "date_start", "published"], kind="stable")
    first = ordered.drop_duplicates("event", keep="first").reset_index(drop=True)
    eid_of = pd.Series(np.arange(len(first)), index=first["event"].to_numpy())
    row_eid = ordered["event"].map(eid_of).to_numpy()

    reports = pd.DataFrame({"eid": row_eid, "meeting_id": ordered["meeting_id"].to_numpy()})
    articles = pd.DataFrame(
        {"eid": row_eid, "article_id": ordered["article_id"].to_numpy()}
    ).drop_duplicates()
    members = pd.DataFrame(
        {
            "eid": row_eid,
            "key": ordered["actor_keys"].to_numpy(),
            "name": ordered["actor_names"].to_numpy(),
        }
    )
    members = members[members["key"].map(len) > 0] if len(members) else members
    participants = (
        members.explode(["key", "name"]).drop_duplicates(["eid", "key"]).reset_index(drop=True)
        if len(members)
        else pd.DataFrame(
            {
                "eid": pd.Series(dtype=int),
                "key": pd.Series(dtype=object),
                "name": pd.Series(dtype=object),
            }
        )
    )
    participants["eid"] = participants["eid"].astype(int)

    counts = reports.groupby("eid").size()
    n_articles = articles.groupby("eid").size()
    events = pd.DataFrame(
        {
            "event": first["event"].to_numpy(),
            "when": first["date_start"].to_numpy(),
            "date_end": first["date_end"].to_numpy(),
            "precision": first["precision"].to_numpy(),
            "dated_by": np.where(first["date_start"].notna(), "meeting", None),
            "status": first["status"].to_numpy(),
            "mode": first["mode"].to_numpy(),
            "location": first["location"].to_numpy(),
            "reports": counts.reindex(range(len(first)), fill_value=0).to_numpy(),
            "articles": n_articles.reindex(range(len(first)), fill_value=0).to_numpy(),
            "article_id": first["article_id"].to_numpy(),
            "evidence": first["evidence"].to_numpy(),
            "published": first["published"].to_numpy(),
            "title": first["title"].to_numpy(),
            "url": first["url"].to_numpy(),
            "source": first["source"].to_numpy(),
            "language": first["language"].to_numpy(),
        }
    )
    for column in ("when", "date_end", "published"):
        events[column] = pd.to_datetime(events[column]).astype("datetime64[ns]")
    events = plain_strings(events)
    events.index.name = "eid"
    participants = plain_strings(participants)
    return _Resolved(
        events,
        participants,
        plain_strings(_pair_table(participants)),
        plain_strings(articles),
        plain_strings(reports),
    )


def _pair_table(participants: pd.DataFrame) -> pd.DataFrame:
    """Unordered pairs of participants of each event, ``a`` before ``b`` by name."""
    if participants.empty:
        columns = ["eid", "key_a", "name_a", "key_b", "name_b", "pair_id", "pair"]
        return pd.DataFrame({c: pd.Series(dtype=int if c == "eid" else object) for c in columns})
    left = participants.rename(columns={"key": "key_a", "name": "name_a"})
    right = participants.rename(columns={"key": "key_b", "name": "name_b"})
    pairs = left.merge(right, on="eid")
    pairs = pairs[
        (pairs["name_a"] < pairs["name_b"])
        | ((pairs["name_a"] == pairs["name_b"]) & (pairs["key_a"] < pairs["key_b"]))
    ]
    return pairs.assign(
        pair_id=pairs["key_a"] + "|" + pairs["key_b"],
        pair=pairs["name_a"] + PAIR_SEPARATOR + pairs["name_b"],
    ).reset_index(drop=True)


def _with_lists(events: pd.DataFrame, resolved: _Resolved) -> pd.DataFrame:
    """Add the per-event lists (participants, meeting ids, article ids) to ``events``."""
    eids = events.index.to_numpy()
    parts = resolved.participants
    return events.assign(
        actor_keys=_lists(parts["eid"], parts["key"], eids),
        actor_names=_lists(parts["eid"], parts["name"], eids),
        meeting_ids=_lists(resolved.reports["eid"], resolved.reports["meeting_id"], eids),
        article_ids=_lists(resolved.articles["eid"], resolved.articles["article_id"], eids),
    )


def _lists(keys: pd.Series, values: pd.Series, wanted: np.ndarray) -> list[list]:
    """For each id in ``wanted``, the list of ``values`` whose ``keys`` equal it (in order).

    One stable sort and a split: pandas' ``groupby().agg(list)`` runs Python per group
    and is ~20x slower on tens of thousands of events.
    """
    keep = keys.isin(wanted).to_numpy()
    k = keys.to_numpy()[keep]
    v = values.to_numpy()[keep]
    order = np.argsort(k, kind="stable")
    k, v = k[order], v[order]
    starts = np.searchsorted(k, wanted, side="left")
    ends = np.searchsorted(k, wanted, side="right")
    return [v[i:j].tolist() for i, j in zip(starts, ends, strict=True)]


def _select(
    data: MeetingData,
    actors=None,
    together: bool | None = None,
    statuses=DEFAULT_STATUSES,
    modes=None,
    start=None,
    end=None,
    languages=None,
    sources=None,
    undated: str = "drop",
) -> tuple[_Resolved, pd.DataFrame, set[str], dict]:
    """The events passing the filters (index = eid), the wanted actor keys, what was left out."""
    if undated not in ("drop", "published"):
        raise ValueError(f"undated must be 'drop' or 'published', not {undated!r}")
    resolved = data.resolved(languages, sources)
    events = resolved.events
    events = events[value_mask(events["status"], statuses) & value_mask(events["mode"], modes)]
    wanted = resolve_actor_keys(actors, data.names()) or set()
    if wanted:
        together = len(wanted) > 1 if together is None else together and len(wanted) > 1
        parts = resolved.participants
        hits = parts.loc[parts["key"].isin(wanted), "eid"].value_counts()
        keep = hits.index[hits >= (2 if together else 1)]
        events = events[events.index.isin(keep)]
    undated_mask = events["when"].isna()
    if undated == "published" and undated_mask.any():
        events = events.copy()
        events.loc[undated_mask, "when"] = events.loc[undated_mask, "published"].dt.normalize()
        events.loc[undated_mask, "precision"] = "day"
        events.loc[undated_mask, "dated_by"] = "published"
        undated_mask = events["when"].isna()
    left_out = {"undated": int(undated_mask.sum())}
    events = events[~undated_mask]
    events = events[date_mask(events["when"], start, end)]
    return resolved, events, wanted, left_out


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
        An :class:`~newsanalysis.Analysis`, the output of :func:`meetings_table`, or a
        :class:`MeetingData` (fastest when called repeatedly).
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
    data = meeting_data(data)
    resolved, events, wanted, left_out = _select(
        data, actors, together, statuses, modes, start, end, languages, sources, undated
    )
    out = _with_lists(events, resolved).reset_index(drop=True)[EVENT_COLUMNS]
    out.attrs = {"left_out": left_out, "actors": sorted(wanted)}
    return out


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
    data = meeting_data(data)
    resolved, events, wanted, left_out = _select(data, **filters)
    placeable = events["precision"].map(PRECISION_RANK).fillna(0) <= PERIOD_ACCEPTS[period]
    left_out["imprecise"] = int((~placeable).sum())
    events = events[placeable]
    keyed = _keyed(resolved, events, by, wanted)
    keyed = keyed.join(events[["when", "status", "reports"]], on="eid")
    keyed["period"] = period_start(keyed["when"], period)
    if top is not None:
        keyed = _lump_others(keyed, top, by)
    groups = ["period", "key", "key_id", "status"]
    columns = [*groups, "meetings", "reports", "articles", "meeting_ids"]
    if keyed.empty:
        out = pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
        out["period"] = pd.Series(dtype="datetime64[ns]")
        for c in ("meetings", "reports", "articles"):
            out[c] = pd.Series(dtype=int)
    else:
        grouped = keyed.groupby(groups, sort=True)
        out = grouped.agg(meetings=("eid", "nunique"), reports=("reports", "sum")).reset_index()
        links = keyed[[*groups, "eid"]]
        articles = links.merge(resolved.articles, on="eid").drop_duplicates([*groups, "article_id"])
        ids = links.merge(resolved.reports, on="eid").groupby(groups, sort=True)["meeting_id"]
        out = out.join(articles.groupby(groups).size().rename("articles"), on=groups)
        out = out.join(ids.agg(list).rename("meeting_ids"), on=groups)
        out = out[columns]
    counted = events.index.intersection(keyed["eid"].unique()) if len(keyed) else events.index[:0]
    out.attrs = {
        "period": period,
        "by": by,
        "meetings": len(counted),
        "reports": int(events.loc[counted, "reports"].sum()),
        "articles": int(
            resolved.articles.loc[resolved.articles["eid"].isin(counted), "article_id"].nunique()
        ),
        "left_out": left_out,
        "actors": sorted(wanted),
    }
    return out


def _keyed(resolved: _Resolved, events: pd.DataFrame, by: str, wanted: set[str]) -> pd.DataFrame:
    """(eid, key, key_id) rows: each event once per pair, participant or mode it counts for."""
    if by == "mode":
        return _frame(
            {
                "eid": events.index.to_numpy(),
                "key": events["mode"].fillna("unknown").to_numpy(),
                "key_id": events["mode"].to_numpy(),
            }
        )
    if by == "actor":
        parts = resolved.participants
        parts = parts[parts["eid"].isin(events.index)]
        if wanted:
            parts = parts[parts["key"].isin(wanted)]
        return _frame(
            {
                "eid": parts["eid"].to_numpy(),
                "key": parts["name"].to_numpy(),
                "key_id": parts["key"].to_numpy(),
            }
        )
    pairs = resolved.pairs
    pairs = pairs[pairs["eid"].isin(events.index)]
    if wanted:
        inside = pairs["key_a"].isin(wanted).astype(int) + pairs["key_b"].isin(wanted).astype(int)
        pairs = pairs[inside >= (2 if len(wanted) > 1 else 1)]
    return _frame(
        {
            "eid": pairs["eid"].to_numpy(),
            "key": pairs["pair"].to_numpy(),
            "key_id": pairs["pair_id"].to_numpy(),
        }
    )


def _frame(columns: dict) -> pd.DataFrame:
    """A DataFrame whose text columns stay plain Python strings (fast to filter and group)."""
    return pd.DataFrame(
        {
            name: pd.Series(values, dtype=object) if name != "eid" else pd.Series(values, dtype=int)
            for name, values in columns.items()
        }
    )


def _lump_others(keyed: pd.DataFrame, top: int, by: str) -> pd.DataFrame:
    totals = keyed.groupby("key")["eid"].nunique().sort_values(ascending=False, kind="stable")
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


def meeting_timeline(data, *, top: int | None = None, **filters) -> pd.DataFrame:
    """Events on a time line: one row per (event, pair) with date, mode, status, evidence.

    ``pair`` is the ``"A – B"`` label, ``pair_id`` its ids; filters are those of
    :func:`meeting_events`; ``top`` keeps the pairs with the most meetings
    (``attrs["pairs_not_shown"]`` counts the others). Sorted by pair, then date.
    """
    data = meeting_data(data)
    resolved, events, wanted, left_out = _select(data, **filters)
    keyed = _keyed(resolved, events, "pair", wanted).rename(
        columns={"key": "pair", "key_id": "pair_id"}
    )
    hidden = 0
    if top is not None:
        sizes = keyed["pair"].value_counts().sort_index()
        sizes = sizes.sort_values(ascending=False, kind="stable")
        hidden = max(len(sizes) - top, 0)
        keyed = keyed[keyed["pair"].isin(set(sizes.index[:top]))]
    events = _with_lists(events[events.index.isin(keyed["eid"])], resolved)
    out = keyed.join(events[EVENT_COLUMNS], on="eid").drop(columns="eid")
    out = out.sort_values(["pair", "when"], kind="stable").reset_index(drop=True)
    out.attrs = {"left_out": left_out, "actors": sorted(wanted), "pairs_not_shown": hidden}
    return out


def meeting_reports(data, meeting_ids: Iterable[str] | None = None) -> pd.DataFrame:
    """The meeting rows (reports) behind a view, with the article title, date and link.

    Columns: published, source, title, url, participants, mode, status, meeting_date
    (as precise as known), date_start, date_end, location, count, evidence, article_id,
    meeting_id, event.
    """
    table = _as_table(data)
    if meeting_ids is not None:
        table = table[table["meeting_id"].isin(set(meeting_ids))]
    out = table.assign(participants=table["actor_names"].map(", ".join))
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
