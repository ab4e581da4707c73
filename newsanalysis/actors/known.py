"""Pass 1 of the actor finder: names, role phrases, institutions, titles and cues that the
knowledge base and the language pack know, found with one Aho–Corasick scan; capitals as
governments only where a government acts; datelines skipped; the masked text the
discovery passes read."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..document import Actor
from .ids import make_actor_id
from .lexicon import MASK_ENTITY, MASK_PERSON, MASK_ROLE, scan_form
from .state import _NEXT_WORD, _after_sentence_break, _follows, _Found, _is_country, _State


def _case_ok(surface: str, alias: str) -> bool:
    """Capitals of the alias must be capitals in the text; acronyms must match exactly."""
    if alias.isupper() and len(alias) <= 6:
        return surface == alias
    for a, s in zip(alias, surface, strict=False):
        if a.isupper() and not s.isupper():
            return False
    return True


def _match_known(state: _State) -> None:
    text, lex = state.text, state.lex
    n = len(text)
    candidates = []
    # keys start with a space: matches begin at a word start of " " + scan form
    for end_index, (length, entries) in lex.automaton.iter(" " + scan_form(text)):
        start, end = end_index - length, end_index
        if end < n and text[end].isalnum():
            continue
        surface = text[start:end]
        for entry in entries:
            if entry.kind == "title":
                if not (entry.surface in lex.lowercase_titles and not surface.islower()):
                    state.titles.append((start, end))
            elif entry.kind == "org_head":
                if surface == entry.surface:
                    state.heads.append((start, end))
            elif entry.kind in _CUE_KINDS:
                state.cues.append((entry.kind, start, end))
            elif _case_ok(surface, entry.surface):
                candidates.append((start, -end, entry))
                break
    candidates.sort(key=lambda c: (c[0], c[1]))
    last_end = -1
    for start, neg_end, entry in candidates:
        if start >= last_end:
            state.entities.append((start, -neg_end, entry))
            last_end = -neg_end
    dateline = _DATELINE.match(text)
    if dateline and _is_dateline_place(state, dateline):
        state.dateline_end = dateline.end()
    for start, end, entry in state.entities:
        if end <= state.dateline_end:
            continue  # "Hongkong (CNN) -", "JAKARTA, KOMPAS.com -": where and who reports
        if entry.kind == "name":
            actor = state.kb.actors[entry.actor_id]
            if actor.type == "organisation" and _is_building(state, start):
                continue  # "di Gedung DPR"
            if actor.type == "country" and _inside_longer_name(state, start, end):
                continue  # "New Jersey", "Laut China Selatan", "Michael Jordan"
            if actor.type == "person" and _named_facility(state, start, end):
                continue  # "Bandara Soekarno-Hatta", "Jalan Sudirman", "Trump Tower"
            suffix_end = _next_generation(state, end) if actor.type == "person" else None
            if suffix_end is not None:
                # "Donald Trump Jr.": the son, a person of his own
                name = state.text[start:suffix_end]
                earlier = [a for a in state.actors.values() if a.name.endswith(" " + name)]
                actor_id = earlier[0].actor_id if earlier else make_actor_id("person", name)
                state.actors.setdefault(
                    actor_id, Actor(actor_id, name, "person", actor.country, [])
                )
                state.found.append(_Found(start, suffix_end, actor_id, "discovered"))
                continue
            if actor.type == "person":
                start = _with_given_name_and_initial(state, actor, start)
            state.found.append(_Found(start, end, actor.actor_id, "kb"))
        elif entry.kind == "institution":
            state.found.append(_Found(start, end, entry.actor_id, "kb"))
        elif entry.kind == "metonym" and _is_government(state, start, end):
            state.found.append(_Found(start, end, entry.actor_id, "metonym"))


#: a news dateline: place names, then the agency in brackets or after a comma, then a dash
_DATELINE = re.compile(
    r"\s*(?P<place>[A-Z][\w.'’-]*(?:[ ,/]+[A-Z][\w.'’-]*){0,3})"
    r"(?:\s*\([^)\n]{1,40}\)\s*[-–—]?|,\s*[\w.]+\.(?:com|co\.id|id|net)\s*[-–—])"
)


_CAPITALISED_AFTER = re.compile(r" [A-Z]")
_WORD_BEFORE = re.compile(r"([\w.]+)[ ]$")


def _with_given_name_and_initial(state: _State, actor, start: int) -> int:
    """ "Sergey V. Lavrov": the person's given name and a middle initial written before the
    surname the knowledge base matched belong to the mention (else "Sergey V." would be
    read as a person of its own)."""
    before = _GIVEN_AND_INITIAL.search(state.text, max(0, start - 40), start)
    if before and before.group(1) == actor.name.split()[0]:
        return before.start()
    return start


#: a given name and a middle initial right before a surname ("Sergey V. ")
_GIVEN_AND_INITIAL = re.compile(r"(?<![\w.])([A-Z][a-z]+) [A-Z]\. $")


def _next_generation(state: _State, end: int) -> int | None:
    """Where a generation suffix right after a name ends ("Donald Trump Jr.", "George Bush
    Sr."): the name is another person's than the one the knowledge base knows."""
    after = _NEXT_WORD.match(state.text, end)
    if after is None or after.group(1).rstrip(".,") not in state.lex.generation_suffixes:
        return None
    return after.start(1) + len(after.group(1).rstrip(","))


def _named_facility(state: _State, start: int, end: int) -> bool:
    """A person's name right after (or before) a facility word is the name of a place or
    building named after them ("Bandara Soekarno-Hatta", "Jalan Sudirman", "Trump
    Tower")."""
    lex = state.lex
    before = _WORD_BEFORE.search(state.text, max(0, start - 20), start)
    if before and before.group(1).lower().rstrip(".") in lex.facility_words:
        return True
    after = _NEXT_WORD.match(state.text, end)
    return bool(after and after.group(1) in lex.facility_words_after)


_CAPITALISED_BEFORE = re.compile(
    r"[A-Za-z][\w.-]*[A-Z][\w.-]* $|(?<![.!?:\"“] )\b[A-Z][\w.-]*,? $"  # "DKI Jakarta", "Tendean, Jakarta"
)


def _inside_longer_name(state: _State, start: int, end: int) -> bool:
    """A capitalised word (not a title, not a sentence start) right before or after."""
    text, lex = state.text, state.lex
    after = _NEXT_WORD.match(text, end)
    if after and after.group(1)[:1].isupper() and after.group(1).lower() not in lex.title_words:
        if not any(s == end + 1 for s, _e, _x in state.entities):
            return True
    before = _CAPITALISED_WORD_BEFORE.search(text, max(0, start - 40), start)
    if before and before.group(1).lower() not in lex.title_words:
        if _after_sentence_break(text, before.start(1)):
            return False  # "New Zealand" aside, a sentence may start with a word before it
        return not any(e == start - 1 for _s, e, _x in state.entities)
    return False


#: speech cues, meeting verbs and meeting nouns beside a pair of names
_CUE_KINDS = frozenset(
    ("cue_before", "cue_after", "party_before", "party_after", "pair_before", "pair_after")
)
_CAPITALISED_WORD_BEFORE = re.compile(r"([A-Z][\w'’-]*) $")


def _speaker_starts(state: _State, positions: Iterable[int]) -> set[int]:
    """The ``positions`` that a speech cue ("kata", "ujar", "said") stands right before,
    directly or through a title ("kata juru bicara Wang Wenbin"); at most two characters
    (a space, a comma) in between. The positions after the cues and titles of the
    article are listed once, then looked up."""
    text = state.text
    after_cue = {
        end + gap for kind, _s, end in state.cues if kind == "cue_before" for gap in (1, 2)
    }
    after_title = {
        end + gap
        for start, end in state.titles
        if start in after_cue
        for gap in (1, 2)
        if text[end : end + gap].strip(" ,") == ""
    }
    return {pos for pos in positions if pos in after_cue or pos in after_title}


def _is_dateline_place(state: _State, match: re.Match) -> bool:
    """A dateline starts with a place: written in capitals, or a known place or country."""
    place = match.group("place").strip(" ,")
    if place.isupper() or place.lower() in state.lex.places:
        return True
    return any(
        s == match.start("place")
        and entry.kind in ("name", "metonym")
        and _is_country(state, entry.actor_id)
        for s, _e, entry in state.entities
    )


def _is_country_name(state: _State, pos: int) -> bool:
    """Whether the known span at ``pos`` is a country's name (not a capital city)."""
    for start, _end, entry in state.entities:
        if start == pos:
            return entry.kind == "name" and _is_country(state, entry.actor_id)
    return False


def _is_building(state: _State, start: int) -> bool:
    return _follows(state, start, state.lex.org_place_before)


def _is_government(state: _State, start: int, end: int) -> bool:
    """Whether the capital at ``[start, end)`` stands for its government.

    Only where a government acts: after words like "dukungan", "oleh", "untuk" or before
    a speech or stance verb ("Moskow menolak"). Next to another capitalised word it is part
    of a longer name ("Real Madrid", "DKI Jakarta", "Jakarta Selatan"); elsewhere a place.
    """
    text, lex = state.text, state.lex
    if _CAPITALISED_AFTER.match(text, end) or _CAPITALISED_BEFORE.search(
        text, max(0, start - 40), start
    ):
        return False
    following = _NEXT_WORD.match(text, end)
    if following and following.group(1).lower() in lex.metonym_after:
        return True
    return _follows(state, start, lex.metonym_before)


def _mask(state: _State) -> str:
    """The text with every known span overwritten by a placeholder of its kind."""
    text, pieces, pos = state.text, [], 0
    for start, end, entry in state.entities:
        if entry.kind == "role":
            char = MASK_ROLE
        elif entry.kind == "name" and state.kb.actors[entry.actor_id].type == "person":
            char = MASK_PERSON
        else:
            char = MASK_ENTITY
        pieces.append(text[pos:start])
        pieces.append(char * (end - start))
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces)


def _mask_found(masked: str, found: list[_Found]) -> str:
    """``masked`` with the discovered spans overwritten (in order: a later span wins)."""
    for f in found:
        if f.method in ("discovered", "titled", "apposition", "organisation", "cued"):
            char = MASK_PERSON if f.method != "organisation" else MASK_ENTITY
            masked = masked[: f.start] + char * (f.end - f.start) + masked[f.end :]
    return masked
