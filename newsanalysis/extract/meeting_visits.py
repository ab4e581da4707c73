"""Visits (GUIDELINE §2): the host, the visited place and its country, and when a visit
is no interaction between actors (a domestic working visit)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..document import Mention
from .meeting_text import (
    _CAPITALISED,
    _body_in_building,
    _clause_mentions,
    _country,
    _mention_starting_at,
    _place_at,
    _skip_spaces,
    _type,
)

if TYPE_CHECKING:  # annotations only: the event being built
    from .meetings import _Event


#: a hosting verb needs its object after at most this many lower-case words ("menjamu
#: diplomat top China Wang Yi"); "hosting a competing event after a feud with" has more
_OBJECT_GAP = 3


def _visit_roles(doc, v, event: _Event, people, places, t_start, t_end) -> None:
    """Host and counterpart of a visit (GUIDELINE §2)."""
    text = doc.text
    trigger_text = event.triggers[0]  # without a clitic ("menjamunya")
    before = [m for m in people if m.start < t_start]
    after = [m for m in people if m.start >= t_end and _type(doc, m.actor_id) != "country"]
    if event.nominal and v.place_word is not None:
        # "kunjungan Wakil Wali Kota Bogor, Dedie Rachim ke Utrecht": the name after the
        # noun is the visitor; the host comes after the destination word
        to = v.place_word.search(text, t_end, event.end)
        if to is not None:
            before += [m for m in after if m.start < to.start()]
            after = [m for m in after if m.start >= to.end()]
    if v.object_required and v.object_required.fullmatch(trigger_text):
        first = next((m for m in people if m.start >= t_end), None)
        between = text[t_end : first.start].split() if first is not None else []
        if (
            first is None
            or sum(1 for w in between if w[:1].islower()) > _OBJECT_GAP
            or _type(doc, first.actor_id) not in ("person", "country", "organisation")
            or (between and v.joiners and v.joiners.fullmatch(between[0]))
        ):
            event.participants.clear()
            return
    passive_host = v.passive_hosting and v.passive_hosting.fullmatch(trigger_text)
    passive_visited = v.passive_visited and v.passive_visited.fullmatch(trigger_text)
    destination = _destination(doc, v, places, t_end, event)
    if event.hosting or passive_visited:
        event.host_id = before[0].actor_id if before else None
    elif passive_host:
        event.host_id = after[0].actor_id if after else None
    elif after:
        event.host_id = after[0].actor_id
    if destination is None:
        _require_counterpart(event, before)
        return
    event.location = destination.surface
    country = _country(doc, destination.actor_id)
    hosts = [
        m for m in _clause_mentions(doc, *event.sentence) if _type(doc, m.actor_id) == "person"
    ]
    local = next((m for m in hosts if country and _country(doc, m.actor_id) == country), None)
    if event.host_id is None and local is not None:
        event.host_id = local.actor_id
        if local.actor_id not in event.participants:
            event.participants.append(local.actor_id)
            event.surfaces[local.actor_id] = local.surface
        return
    if event.host_id is not None:
        return
    visitor = before[0].actor_id if before else (event.participants or [None])[0]
    home = (_country(doc, visitor) if visitor else None) or v.home_country
    if country is None or home is None or country == home:
        _require_counterpart(event, before)
        return  # a domestic visit (or one we cannot tell) is not an interaction
    if destination.actor_id not in event.participants:
        event.participants.append(destination.actor_id)
        event.surfaces[destination.actor_id] = destination.surface
    event.host_id = destination.actor_id


def _drop_facilities(doc, v, people: list[Mention], t_end: int) -> list[Mention]:
    """Without the units and facilities visited after the trigger ("mengunjungi Polres
    Tangerang Selatan", "mendatangi Rumah Sakit Pusat Angkatan Darat"): a working visit
    to a police station, hospital or school is no interaction between actors (§2)."""
    if v.facility is None:
        return people
    text = doc.text
    kept = []
    for m in people:
        if m.start >= t_end:
            first_word = re.match(r"\S+", text[m.start : m.end])
            head_end = m.start + (first_word.end() if first_word else 0)
            if v.facility.search(text, max(t_end, m.start - 80), head_end):
                continue
        kept.append(m)
    return kept


def _drop_visited_places(doc, v, people: list[Mention], t_end: int) -> list[Mention]:
    """Without the names after a common noun of a place visited ("mengunjungi perkemahan
    Saka Wira Kartika", "berkunjung ke rumah sakit tempat Zain dirawat", "mengunjungi
    rumah duka Habibie", "visited the grave of"): whose place it is, not a host. The noun
    is in lower case and no comma comes between (GUIDELINE §2: a visit to a place
    without a named host)."""
    if v.visited_place is None:
        return people
    text = doc.text
    kept = []
    for m in people:
        if m.start >= t_end and "," not in text[t_end : m.start]:
            if v.visited_place.search(text, t_end, m.start):
                continue
        kept.append(m)
    return kept


def _require_counterpart(event: _Event, visitors: list[Mention]) -> None:
    """A visit without a host or a foreign destination has no counterpart: the people
    named before the verb are fellow visitors ("Jokowi dan Iriana mengunjungi ...")."""
    if event.host_id is None and not event.hosting:
        event.participants.clear()


def _destination(doc, v, places, t_end, event: _Event) -> Mention | None:
    """The visited place: a city (capital) or country after the trigger ("ke Warsawa",
    "mengunjungi Beijing"), as a mention of the country it belongs to."""
    after = [m for m in places if m.start >= t_end]
    text = doc.text
    pos = _skip_spaces(text, t_end)
    direct = _mention_starting_at(doc, pos)
    if v.place_word is not None and not (
        direct is not None and _type(doc, direct.actor_id) == "country"
    ):
        # "kunjungan kerja ke Warsawa": up to two words, then a destination word (not
        # past a country named right after the trigger: "visited Mexico in 2011")
        for w in v.place_word.finditer(text, pos, min(len(text), pos + 40)):
            if len(text[pos : w.start()].split()) <= 2:
                pos = w.end()
            break
    nxt = _mention_starting_at(doc, pos)
    if nxt is not None and _type(doc, nxt.actor_id) == "country":
        if nxt.actor_id in event.participants:
            event.participants.remove(nxt.actor_id)
        after.insert(0, nxt)
    place = _place_at(doc, pos)
    if place is not None:
        after.insert(0, place)
    before = [m for m in places if m.end <= t_end and m not in after]
    cities = [m for m in after + before if m.method == "metonym"]
    if cities:
        return cities[0]
    return after[0] if after else (before[-1] if before else None)


def _visited_body(doc, v, t_end: int, hi: int) -> Mention | None:
    """ "Yasonna menyambangi Gedung DPR", "berkunjung ke Kantor KPK": a visit to a body's
    building meets that body (its host); a building of no known body is a place."""
    pos = _skip_spaces(doc.text, t_end)
    to = v.place_word.match(doc.text, pos) if v.place_word is not None else None
    body = _body_in_building(doc, to.end() if to else pos)
    return body if body is not None and body.end <= hi else None


def _clause_places(doc, v, lo, hi, known: list[Mention]) -> list[Mention]:
    """Capitals and countries after "ke"/"di"/"to"/"in" in the clause that are not
    mentions ("menuju ke Moskow")."""
    if v.place_word is None:
        return []
    out = []
    for w in v.place_word.finditer(doc.text, lo, hi):
        if any(m.start == w.end() for m in known):
            continue
        place = _place_at(doc, w.end())
        if place is not None and place.end <= hi:
            out.append(place)
        elif place is None:
            country = _country_after_city(doc, w.end())
            if country is not None:
                out.append(country)
    return out


def _country_after_city(doc, pos: int) -> Mention | None:
    """ "ke Utrecht, Belanda": a city the knowledge base does not know, then its country."""
    text = doc.text
    run = _CAPITALISED.match(text, pos)
    if run is None:
        return None
    comma = _COMMA.match(text, run.end())
    if comma is None:
        return None
    found = _mention_starting_at(doc, comma.end())
    if found is not None and _type(doc, found.actor_id) == "country":
        return found
    return _place_at(doc, comma.end())


_COMMA = re.compile(r"\s*,\s*")
