"""Names beside meeting words (part of pass 3 of the actor finder).

A side of a meeting is a person or a body, and bodies and places are known or found
before: so a lone capitalised word that a meeting word introduces is a person ("he met
Epstein in Ireland", "bertemu dengan Sutrisno", "the Trump-Kim summit", "Dorsey’s meeting
with Trump"). The meeting words are cue lists of the language pack's ``[actors]`` section
(``party_cues_*``, ``pair_cues_*``, ``relative_after_name``, ``party_auxiliaries``,
``party_name_followers``); the meetings step itself runs later and is not used here.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .state import _NEXT_WORD, _could_be_a_name, _is_person_id, _State

__all__ = ["lone_name", "meeting_side"]


@dataclass(frozen=True)
class _MeetingCues:
    """Where the meeting words of an article put a side: right after a verb ("met |X"),
    right before one ("X| met"), after or before a meeting noun a pair stands by
    ("pertemuan |Trump-Kim", "Trump-Kim| summit"); and where any of them starts."""

    after_verb: frozenset[int]
    before_verb: frozenset[int]
    after_noun: frozenset[int]
    before_noun: frozenset[int]
    starts: list[int]


def _meeting_cues(state: _State) -> _MeetingCues:
    """The meeting words of the article, listed once (the cues the first scan found)."""
    if state.meeting_cues is None:
        cues = state.cues
        state.meeting_cues = _MeetingCues(
            frozenset(end + 1 for kind, _s, end in cues if kind == "party_before"),
            frozenset(start - 1 for kind, start, _e in cues if kind == "party_after"),
            frozenset(end + 1 for kind, _s, end in cues if kind == "pair_before"),
            frozenset(start - 1 for kind, start, _e in cues if kind == "pair_after"),
            sorted(start for kind, start, _e in cues if kind in _MEETING_CUE_KINDS),
        )
    return state.meeting_cues


def meeting_side(state: _State, pos: int) -> str | None:
    """Whether a word at ``pos`` stands right after a meeting verb ("met Epstein",
    "bertemu dengan Sutrisno": "object"), right before one ("Kislyak met": "subject") or
    in a pair of names next to a meeting noun ("the Trump-Kim summit"). A side of a
    meeting is a person or a body, and bodies and places are known or found before."""
    text = state.text
    cues = _meeting_cues(state)
    i = bisect.bisect_left(cues.starts, pos - _CUE_REACH)
    if i == len(cues.starts) or cues.starts[i] > pos + _CUE_REACH:
        return None  # no meeting word anywhere near: most capitalised words
    word = _WORD_AT.match(text, pos)
    if word is None:
        return None
    plain = _PLAIN_WORD.match(text, pos)
    if _in_pair(state, cues, pos, plain.end()):
        return "subject"  # "the Trump-Kim summit", "pertemuan Jokowi dan Prabowo"
    if word.group().endswith(("’s", "'s")) and word.end() in cues.before_noun:
        return "subject"  # "Dorsey’s meeting with Trump": the owner of a meeting noun
    if (pos in cues.after_verb or _coordinated_after_cue(state, cues, pos)) and (
        "-" not in word.group()
    ):
        return "object"
    if _joined_to_a_person(state, pos, word.end()):
        return "subject"  # "Trump and Kim conclude their first meeting"
    end = word.end()
    joined = _JOINED_AFTER.match(text, end)  # "Romney, Bush meet": the first of two subjects
    if (
        _before_meeting_verb(state, end, cues.before_verb)
        or (joined is not None and _before_meeting_verb(state, joined.end(), cues.before_verb))
        or _relative_subject(state, end)
    ):
        return "subject"
    return None


def _before_meeting_verb(state: _State, end: int, before_cue: frozenset[int]) -> bool:
    """Whether a meeting verb follows the word ending at ``end``, right after it or behind
    auxiliaries and adverbs where the language lists them ("Kim is expected to meet")."""
    auxiliaries = state.lex.party_auxiliaries
    for _ in range(4):
        if end in before_cue:
            return True
        following = _NEXT_WORD.match(state.text, end)
        if following is None or following.group(1).lower() not in auxiliaries:
            return False
        end = following.end(1)
    return False


#: how far after a name and its relative pronoun a meeting verb may stand
_RELATIVE_REACH = 80


def _relative_subject(state: _State, end: int) -> bool:
    """A name followed by a comma and a relative pronoun whose clause holds a meeting verb
    ("Gates, yang juga melakukan pembicaraan dengan ...", "Beshir, yang dua kali bertemu
    dengan ...", "Richardson, who met ..."): the name is the clause's subject, a side."""
    lex, text = state.lex, state.text
    if not lex.relative_after_name or text[end : end + 2] != ", ":
        return False
    pronoun = _WORD_AT.match(text, end + 2)
    if pronoun is None or pronoun.group().lower() not in lex.relative_after_name:
        return False
    reach = min(len(text), pronoun.end() + _RELATIVE_REACH)
    clause_end = next((i for i in range(pronoun.end(), reach) if text[i] in ",.;"), reach)
    return any(
        kind in ("party_before", "party_after") and pronoun.end() < start < clause_end
        for kind, start, _e in state.cues
    )


def _in_pair(state: _State, cues: _MeetingCues, pos: int, end: int) -> bool:
    """Whether the word at ``pos`` (ending at ``end``) is one of a pair of names joined by
    a hyphen or "and" right after or before a meeting noun ("the Trump-Kim summit", "the
    Kerry and Lavrov meeting", "pertemuan Trump-Kim")."""
    text = state.text
    pair = _PAIR_FROM.match(text, pos)
    if pair is not None:
        return pair.start() in cues.after_noun or pair.end() in cues.before_noun
    pair = _PAIR_TO.search(text, max(0, pos - 40), pos)
    return pair is not None and (pair.start() in cues.after_noun or end in cues.before_noun)


_MEETING_CUE_KINDS = frozenset(("party_before", "party_after", "pair_before", "pair_after"))
#: how far from a meeting word a side may start (a title, a coordinated side, a relative
#: clause or auxiliaries in between)
_CUE_REACH = 120


def _joined_to_a_person(state: _State, pos: int, end: int) -> bool:
    """Whether the word at ``pos`` is joined by "and" to a person the article names ("Trump
    and Kim conclude their first meeting", "Kim and Trump"): near a meeting word, one
    side of a pair of people is a person too."""
    text = state.text
    before = _AND_BEFORE.search(text, max(0, pos - 6), pos)
    after = _AND_AFTER.match(text, end)
    for f in state.found:
        if f.actor_id is None or not _is_person_id(state, f.actor_id):
            continue
        if (before is not None and f.end == before.start()) or (
            after is not None and f.start == after.end()
        ):
            return True
    return False


_AND_BEFORE = re.compile(r" (?:and|dan|&) $")
_AND_AFTER = re.compile(r" (?:and|dan|&) ")


def _coordinated_after_cue(state: _State, cues: _MeetingCues, pos: int) -> bool:
    """The second of two sides a meeting verb introduces ("met Trump and Kim", "the
    summit between Trump and Kim", "bertemu Prabowo dan Sandiaga"): the word after a
    joiner whose first side stands right after the verb, maybe behind its title."""
    joined = _JOINED_BEFORE.search(state.text, max(0, pos - 60), pos)
    if joined is None:
        return False
    first = joined.start()
    return first in cues.after_verb or any(
        f.end == first and f.start in cues.after_verb for f in state.found
    )


#: a capitalised run (a name with its title) and a joiner right before a position
_JOINED_BEFORE = re.compile(r"(?:[A-Z][\w.'’-]*[ ])*?[A-Z][\w.'’-]*(?: and| dan| &|,) $")
#: a joiner and a capitalised run (a name with its title) right after a position
_JOINED_AFTER = re.compile(r"(?:,| and| dan| &) [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)*")
#: a pair of names joined by a hyphen or "and" ("Trump-Kim", "Jokowi dan Prabowo")
_PAIR_JOINER = r"(?:-| and | dan | & )"
_PAIR_FROM = re.compile(rf"[A-Z][\w'’]*{_PAIR_JOINER}[A-Z][\w'’]*(?![\w-])")
_PAIR_TO = re.compile(rf"(?<![\w'’-])[A-Z][\w'’]*{_PAIR_JOINER}$")


def lone_name(state: _State, word: tuple[int, int, str], side: str) -> bool:
    """A lone capitalised word next to a meeting verb taken for a person: not a common
    word, place, title, abbreviation or contraction ("I’ve met"); not the first word of a
    web address ("Kompas.com"); after the verb, not a modifier of the word after it where
    the language puts modifiers first ("meeting with Orlando community leaders")."""
    lex, text = state.lex, state.text
    start, end, w = word
    if not _could_be_a_name(lex, w) or w[1].isupper() or _CONTRACTION.search(w):
        return False  # "SINDOmedia": a brand; "I’ve"
    if text[end : end + 1] == "." and text[end + 1 : end + 2].isalpha():
        return False
    following = _NEXT_WORD.match(text, end)
    if following is not None and following.group(1).lower() in lex.title_words:
        return False  # "Obama and Cuban President Raul Castro met": a title's modifier
    if side == "subject":
        return True
    if following is None or not following.group(1)[:1].isalpha():
        return True
    nxt = following.group(1)
    if nxt[:1].isupper():
        return False  # "met Boston Mayor Marty Walsh"
    return not lex.party_name_followers or nxt.lower() in lex.party_name_followers


_CONTRACTION = re.compile(r"['’](?:ve|ll|re|m|d|s|t)$")
_WORD_AT = re.compile(r"[\w'’-]+")
_PLAIN_WORD = re.compile(r"[\w'’]+")
