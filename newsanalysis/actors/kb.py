"""The actor knowledge base: three plain tables a user can read and extend.

- ``actors``  (actor_id, name, type, country, wikidata_id[, leader_role])
- ``aliases`` (actor_id, alias, language, kind) — ``kind`` is ``name`` (the actor is
  mentioned), ``metonym`` (a capital standing for its government: "Beijing"), or
  ``demonym`` (an adjective used in role phrases: "Russian President"); ``language`` is
  a language code or empty for every language.
- ``roles``   (actor_id, role, of, valid_from, valid_to) — ``of`` is an ISO-3166 alpha-3
  code or an actor id; dates are ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

The shipped tables live in ``newsanalysis/resources/actors/`` (built by
``scripts/build_kb.py``). ``load_kb(user_tables)`` adds the user's tables, which take
precedence: an actor with the same id (or, without an id, the same name) is replaced, an
alias the user gives to another actor moves to it, and the user's roles win over the
shipped ones wherever both have a holder.
"""

from __future__ import annotations

import calendar
import os
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd

from ..document import Actor
from ..errors import NewsAnalysisError
from .ids import make_actor_id

__all__ = ["KnowledgeBase", "RoleSpan", "load_kb", "RESOURCES"]

RESOURCES = Path(__file__).resolve().parents[1] / "resources" / "actors"
COLUMNS = {
    "actors": ["actor_id", "name", "type", "country", "wikidata_id", "leader_role"],
    "aliases": ["actor_id", "alias", "language", "kind"],
    "roles": ["actor_id", "role", "of", "valid_from", "valid_to"],
}
TYPES = ("person", "organisation", "country", "group")
ALIAS_KINDS = ("name", "metonym", "demonym")


@dataclass(frozen=True)
class RoleSpan:
    """One holder of a role over a period (``end`` None: still in office)."""

    actor_id: str
    start: date | None
    end: date | None
    exact: bool  # the start is known to the day
    priority: int  # 1 for the user's rows, 0 for the shipped ones

    def covers(self, on: date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)


class KnowledgeBase:
    """Known actors, their aliases and their dated roles (see the module docstring).

    ``kb.actors`` maps actor ids to :class:`~newsanalysis.document.Actor`;
    ``kb.tables`` holds the three tables as DataFrames.
    """

    def __init__(
        self,
        actors: pd.DataFrame | None = None,
        aliases: pd.DataFrame | None = None,
        roles: pd.DataFrame | None = None,
    ) -> None:
        self.tables = {
            "actors": _frame(actors, "actors"),
            "aliases": _frame(aliases, "aliases"),
            "roles": _frame(roles, "roles"),
        }
        self.actors: dict[str, Actor] = {}
        self.leader_roles: dict[str, str] = {}
        self.country_by_code: dict[str, str] = {}  # ISO alpha-3 -> actor id of the country
        for row in self.tables["actors"].itertuples(index=False):
            actor = Actor(
                actor_id=row.actor_id,
                name=row.name,
                type=row.type,
                country=row.country or None,
                aliases=[],
                wikidata_id=row.wikidata_id or None,
            )
            self.actors[row.actor_id] = actor
            if row.type == "country" and row.country:
                self.country_by_code.setdefault(row.country, row.actor_id)
            if row.leader_role:
                self.leader_roles[row.actor_id] = row.leader_role
        self.aliases: list[tuple[str, str, str, str]] = []  # (alias, actor_id, language, kind)
        for row in self.tables["aliases"].itertuples(index=False):
            if row.actor_id not in self.actors:
                continue
            self.aliases.append((row.alias, row.actor_id, row.language, row.kind))
            if row.kind == "name" and row.alias not in self.actors[row.actor_id].aliases:
                self.actors[row.actor_id].aliases.append(row.alias)
        self._roles: dict[tuple[str, str], list[RoleSpan]] = defaultdict(list)
        self.roles_of: dict[str, list[tuple[str, str]]] = defaultdict(list)  # actor -> (role, of)
        priorities = self.tables["roles"].get("priority")
        for n, row in enumerate(self.tables["roles"].itertuples(index=False)):
            of = self.resolve_of(row.of)
            if of is None or row.actor_id not in self.actors:
                continue
            start, exact = _parse_date(row.valid_from, end=False)
            end, _ = _parse_date(row.valid_to, end=True)
            priority = int(priorities.iloc[n]) if priorities is not None else 0
            self._roles[(row.role, of)].append(RoleSpan(row.actor_id, start, end, exact, priority))
            self.roles_of[row.actor_id].append((row.role, of))
        self._compiled: dict[str, Any] = {}

    # ------------------------------------------------------------------ queries

    def __len__(self) -> int:
        return len(self.actors)

    def __repr__(self) -> str:
        return f"<KnowledgeBase: {len(self.actors)} actors, {len(self.aliases)} aliases>"

    def __getstate__(self) -> dict:  # compiled matchers are rebuilt in each process
        state = dict(self.__dict__)
        state["_compiled"] = {}
        return state

    def resolve_of(self, value: str | None) -> str | None:
        """An ``of`` value (ISO alpha-3 code, actor id or name) as an actor id."""
        if not value:
            return None
        if value in self.country_by_code:
            return self.country_by_code[value]
        if value in self.actors:
            return value
        for actor in self.actors.values():
            if actor.name == value:
                return actor.actor_id
        return None

    def holders(self, role: str, of: str, on: date | None) -> list[str]:
        """Who held ``role`` of ``of`` (an actor id) on ``on``, most recently appointed first.

        ``role="leader"`` is the country's ``leader_role`` (president, prime minister, ...)
        unless the tables name leaders explicitly. Empty when ``on`` is None.
        """
        if on is None:
            return []
        spans = self._roles.get((role, of), [])
        if not spans and role == "leader" and of in self.leader_roles:
            spans = self._roles.get((self.leader_roles[of], of), [])
        if not spans and role == "head_of_state":
            spans = self._roles.get(("president", of), []) or self._roles.get(("monarch", of), [])
        current = [s for s in spans if s.covers(on)]
        if any(s.priority for s in current):
            current = [s for s in current if s.priority]
        current.sort(key=lambda s: s.start or date.min, reverse=True)
        seen: list[str] = []
        for span in current:
            if span.actor_id not in seen:
                seen.append(span.actor_id)
        return seen

    def holder(self, role: str, of: str, on: date | None) -> str | None:
        """The single holder of ``role`` of ``of`` on ``on``, or None when unknown or unsure.

        On a handover day the newer holder wins when the start dates are exact; two
        holders known only to the year are left unresolved.
        """
        ids = self.holders(role, of, on)
        if len(ids) == 1:
            return ids[0]
        if len(ids) > 1:
            spans = {s.actor_id: s for s in self._all_spans(role, of) if s.covers(on)}
            if spans[ids[0]].exact:
                return ids[0]
        return None

    def _all_spans(self, role: str, of: str) -> list[RoleSpan]:
        spans = self._roles.get((role, of), [])
        if not spans and role == "leader" and of in self.leader_roles:
            spans = self._roles.get((self.leader_roles[of], of), [])
        return spans

    def has_role(self, actor_id: str, roles: set[str], on: date | None = None) -> bool:
        """Whether the actor holds (on ``on``; at any time if None) one of ``roles``."""
        for role, of in self.roles_of.get(actor_id, []):
            names = {role}
            if self.leader_roles.get(of) == role:
                names.add("leader")
            if names & roles:
                if on is None:
                    return True
                if any(s.actor_id == actor_id and s.covers(on) for s in self._roles[(role, of)]):
                    return True
        return False

    def compiled(self, key: str, build) -> Any:
        """A per-process cache of things compiled from this KB (matchers per language)."""
        if key not in self._compiled:
            self._compiled[key] = build()
        return self._compiled[key]


# ---------------------------------------------------------------------------- loading


def load_kb(user_tables: Any = None) -> KnowledgeBase:
    """The shipped knowledge base, with the user's tables taking precedence.

    ``user_tables`` may be a folder holding ``actors.csv`` / ``aliases.csv`` /
    ``roles.csv`` (any of them), a CSV path or DataFrame of actors (columns ``name``,
    ``type``, optional ``actor_id``, ``country``, ``wikidata_id``, and ``aliases``
    separated by ``|``), or a dict ``{"actors": ..., "aliases": ..., "roles": ...}``.
    """
    if user_tables is None:
        return _shipped()
    user = _user_frames(user_tables)
    shipped = _shipped()
    return _merge(shipped.tables, user)


@cache
def _shipped() -> KnowledgeBase:
    frames = {name: _read_csv(RESOURCES / f"{name}.csv", name) for name in COLUMNS}
    return KnowledgeBase(frames["actors"], frames["aliases"], frames["roles"])


def _read_csv(path: Path, name: str) -> pd.DataFrame:
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False, comment=None)
    except (OSError, ValueError) as exc:
        raise NewsAnalysisError(f"knowledge base table {name} ({path}): {exc}") from exc


def _user_frames(user_tables: Any) -> dict[str, pd.DataFrame]:
    if isinstance(user_tables, pd.DataFrame):
        parts: dict[str, Any] = {"actors": user_tables}
    elif isinstance(user_tables, dict):
        unknown = set(user_tables) - set(COLUMNS)
        if unknown:
            raise NewsAnalysisError(
                f"load_kb: unknown table(s) {sorted(unknown)}; expected actors, aliases, roles"
            )
        parts = dict(user_tables)
    elif isinstance(user_tables, str | os.PathLike):
        path = Path(user_tables)
        if path.is_dir():
            parts = {n: path / f"{n}.csv" for n in COLUMNS if (path / f"{n}.csv").exists()}
            if not parts:
                raise NewsAnalysisError(
                    f"load_kb: {path} holds none of actors.csv, aliases.csv, roles.csv"
                )
        elif path.exists():
            parts = {"actors": path}
        else:
            raise NewsAnalysisError(f"load_kb: {path} does not exist")
    else:
        raise NewsAnalysisError(
            f"load_kb: cannot read {type(user_tables).__name__}; expected a folder, a CSV "
            "path, a DataFrame or a dict of them"
        )
    frames = {}
    for name, value in parts.items():
        frame = value if isinstance(value, pd.DataFrame) else _read_csv(Path(value), name)
        frames[name] = frame.astype(object).where(frame.notna(), "").astype(str)
    return frames


def _merge(shipped: dict[str, pd.DataFrame], user: dict[str, pd.DataFrame]) -> KnowledgeBase:
    actors = shipped["actors"].copy()
    aliases = shipped["aliases"].copy()
    roles = shipped["roles"].copy()
    roles["priority"] = 0
    name_to_id = dict(zip(actors["name"], actors["actor_id"], strict=False))
    user_actors = user.get("actors")
    extra_aliases = []
    if user_actors is not None and len(user_actors):
        missing = {"name", "type"} - set(user_actors.columns)
        if missing:
            raise NewsAnalysisError(
                f"load_kb: the actors table needs columns name and type (missing {sorted(missing)})"
            )
        bad = sorted(set(user_actors["type"]) - set(TYPES))
        if bad:
            raise NewsAnalysisError(f"load_kb: unknown actor type(s) {bad}; expected {TYPES}")
        ua = user_actors.copy()
        if "actor_id" not in ua.columns:
            ua["actor_id"] = ""
        ua["actor_id"] = [
            aid
            or name_to_id.get(name)
            or make_actor_id(type_, name, ua.get("wikidata_id", pd.Series([""] * len(ua))).iloc[i])
            for i, (aid, name, type_) in enumerate(
                zip(ua["actor_id"], ua["name"], ua["type"], strict=True)
            )
        ]
        if "aliases" in ua.columns:
            for aid, field in zip(ua["actor_id"], ua["aliases"], strict=True):
                for alias in str(field).split("|"):
                    if alias.strip():
                        extra_aliases.append({"actor_id": aid, "alias": alias.strip()})
        for aid, name in zip(ua["actor_id"], ua["name"], strict=True):
            extra_aliases.append({"actor_id": aid, "alias": name})
        ua = _frame(ua, "actors")
        name_to_id.update(zip(ua["name"], ua["actor_id"], strict=True))
        actors = pd.concat([actors[~actors["actor_id"].isin(ua["actor_id"])], ua])
    user_aliases = [user["aliases"]] if "aliases" in user else []
    if extra_aliases:
        user_aliases.append(pd.DataFrame(extra_aliases))
    if user_aliases:
        ual = _frame(pd.concat(user_aliases, ignore_index=True), "aliases")
        taken = set(zip(ual["alias"], ual["language"], ual["kind"], strict=True))
        keep = [
            (a, lang, k) not in taken
            for a, lang, k in zip(
                aliases["alias"], aliases["language"], aliases["kind"], strict=True
            )
        ]
        aliases = pd.concat([aliases[keep], ual])
    if "roles" in user and len(user["roles"]):
        ur = _frame(user["roles"], "roles")
        ur["actor_id"] = [name_to_id.get(a, a) for a in ur["actor_id"]]
        ur["priority"] = 1
        roles = pd.concat([roles, ur])
    return KnowledgeBase(actors, aliases.reset_index(drop=True), roles.reset_index(drop=True))


def _frame(data: pd.DataFrame | None, name: str) -> pd.DataFrame:
    """``data`` with the table's columns (missing ones empty), every value a string."""
    columns = COLUMNS[name]
    if data is None:
        return pd.DataFrame({c: pd.Series(dtype=str) for c in columns})
    frame = data.copy()
    required = {
        "actors": ["name", "type"],
        "aliases": ["actor_id", "alias"],
        "roles": ["actor_id", "role", "of"],
    }[name]
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise NewsAnalysisError(f"knowledge base table {name}: missing column(s) {missing}")
    for column in columns:
        if column not in frame.columns:
            frame[column] = "name" if column == "kind" else ""
    extra = [c for c in frame.columns if c not in columns and c == "priority"]
    frame = frame[columns + extra].astype(object).where(frame[columns + extra].notna(), "")
    for column in columns:
        frame[column] = frame[column].astype(str).str.strip()
    if name == "actors":
        frame["actor_id"] = [
            aid or make_actor_id(t, n, w)
            for aid, t, n, w in zip(
                frame["actor_id"], frame["type"], frame["name"], frame["wikidata_id"], strict=True
            )
        ]
    if name == "aliases":
        frame.loc[frame["kind"] == "", "kind"] = "name"
    return frame.reset_index(drop=True)


_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")


def _parse_date(value: str | None, end: bool) -> tuple[date | None, bool]:
    """``"2019"`` -> 2019-01-01 (or 2019-12-31 for an end); returns (date, exact to the day)."""
    if not value:
        return None, False
    match = _DATE.match(str(value).strip())
    if not match:
        return None, False
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else None
    day = int(match.group(3)) if match.group(3) else None
    if month is None:
        return (date(year, 12, 31) if end else date(year, 1, 1)), False
    if day is None:
        last = calendar.monthrange(year, month)[1]
        return (date(year, month, last) if end else date(year, month, 1)), False
    return date(year, month, day), True
