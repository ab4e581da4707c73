"""What the actor finder shares between its passes over one article: the found spans,
the per-article state, and small helpers on words and positions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..document import Actor, Document
from .kb import KnowledgeBase
from .lexicon import MASK_ENTITY, MASK_PERSON, MASK_ROLE, Entry, Lexicon

_WORD = re.compile(r"[\w'’.-]+")


_MASKED_WORD = re.compile(rf"[\w'’.-]+|[{MASK_ENTITY}{MASK_ROLE}{MASK_PERSON}]+")


_PREV_WORDS = re.compile(r"([\w'’-]+(?:\s+[\w'’-]+)?)\s*$")


@dataclass
class _Found:
    """A span found in the text before it becomes a mention."""

    start: int
    end: int
    actor_id: str | None
    method: str
    role: str | None = None  # role key or title word the person was introduced with
    of: str | None = None  # actor id of the role's country / organisation
    qualifiers: tuple[int, int] | None = None  # text between title and name


@dataclass
class _State:
    doc: Document
    kb: KnowledgeBase
    lex: Lexicon
    text: str
    entities: list[tuple[int, int, Entry]] = field(default_factory=list)
    titles: list[tuple[int, int]] = field(default_factory=list)
    heads: list[tuple[int, int]] = field(default_factory=list)
    head_starts: set[int] = field(default_factory=set)
    cues: list[tuple[str, int, int]] = field(default_factory=list)
    dateline_end: int = 0
    subject_names: bool = False
    #: where the article's meeting words put a side (sides._MeetingCues), listed once
    meeting_cues: object | None = None
    #: people a lone name beside a meeting verb introduced, by id: their first mention
    meeting_sides: dict[str, _Found] = field(default_factory=dict)
    headlines: dict[int, bool] = field(default_factory=dict)
    title_chars: set[int] | None = None  # positions inside titles, built on first use
    found: list[_Found] = field(default_factory=list)
    actors: dict[str, Actor] = field(default_factory=dict)
    roles: dict[str, list[tuple[str, str | None]]] = field(default_factory=dict)
    intro: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # name part -> intros


def _follows(state: _State, start: int, words: frozenset[str]) -> bool:
    """Whether the one or two words before ``start`` are one of ``words``."""
    match = _PREV_WORDS.search(state.text[max(0, start - 30) : start])
    if not match:
        return False
    before = match.group(1).lower()
    return before in words or before.split()[-1] in words


def _entity_at(state: _State, start: int, end: int) -> Entry | None:
    for s, e, entry in state.entities:
        if s >= start and e <= end:
            return entry
    return None


_NEXT_WORD = re.compile(r" ([\w'’-]+)")


def _in_title(state: _State, pos: int) -> bool:
    if state.title_chars is None:
        state.title_chars = {i for s, e in state.titles for i in range(s, e)}
    return pos in state.title_chars


def _words_in(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [_word(m.start(), m.group(0)) for m in _WORD.finditer(text, start, end)]


def _split_words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Words of a name run (single spaces between them) as (start, end, word without '.')."""
    out, pos = [], start
    for word in text[start:end].split(" "):
        if word:
            out.append(_word(pos, word))
        pos += len(word) + 1
    return out


def _word(pos: int, word: str) -> tuple[int, int, str]:
    """(start, end, word): a final period dropped from the word, a possessive ("Clinton's")
    from the word and its span."""
    if word.endswith(("'s", "’s")) and len(word) > 3:
        word = word[:-2]
    return (pos, pos + len(word), word.rstrip("."))


def _is_organisation(state: _State, actor_id: str) -> bool:
    actor = (
        state.kb.actors.get(actor_id)
        or state.actors.get(actor_id)
        or state.lex.institutions.get(actor_id)
    )
    return actor is not None and actor.type in ("organisation", "group")


def _is_country(state: _State, actor_id: str) -> bool:
    actor = state.kb.actors.get(actor_id)
    return actor is not None and actor.type == "country"


def _is_person_id(state: _State, actor_id: str) -> bool:
    actor = state.kb.actors.get(actor_id) or state.actors.get(actor_id)
    return actor is not None and actor.type == "person"


def _person_name(state: _State, f: _Found) -> str:
    return re.sub(r"\s+", " ", state.text[f.start : f.end])


_ABBREVIATION_AFTER = re.compile(r"\s*\([^)]*\)$")


def _words_before(text: str, pos: int) -> list[str]:
    """The one or two words before ``pos`` (lower case), nearest last."""
    m = _PREV_WORDS.search(text[max(0, pos - 40) : pos])
    return m.group(1).lower().split() if m else []


def _after_sentence_break(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3) : pos].rstrip(" \"“'‘(")
    return not before or before[-1] in ".!?:\n"


def _could_be_a_name(lex: Lexicon, word: str) -> bool:
    """Whether a lone capitalised word may be a person's name: not too short, no
    abbreviation, place, common word (of any installed language), word only ever written
    in lower case, non-name word or title."""
    low = word.lower()
    return not (
        len(word) < 3
        or word.isupper()
        or low in lex.places
        or lex.is_common_anywhere(word)
        or lex.is_lowercase_word(word)
        or low in lex.not_name
        or low in lex.title_words
    )
