"""The per-article object the extractors share.

A :class:`Document` is built once per article from its cleaned text; each extraction
step reads it and adds its own results (``mentions`` first, then ``quotes`` and
``meetings``), so later steps can use earlier ones (a quote's speaker is an actor
mention; a meeting's participants are actor mentions).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from .lang import LanguagePack, get_pack
from .text import Span, paragraphs, sentences


@dataclass
class Actor:
    """An actor as the extractors know it (a row of the ``actors`` table)."""

    actor_id: str
    name: str
    type: str  # person / organisation / country / group
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    wikidata_id: str | None = None


@dataclass
class Mention:
    """One reference to an actor in the text (a row of the ``mentions`` table)."""

    start: int
    end: int
    surface: str
    actor_id: str
    method: str  # kb / alias / discovered / partial / role / pronoun / metonym / ...


@dataclass
class Document:
    """One cleaned article and what has been extracted from it so far."""

    article_id: str
    text: str
    language: str
    published: date | None = None
    title: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    actors: dict[str, Actor] = field(default_factory=dict)  # actor_id -> Actor
    quotes: list[dict[str, Any]] = field(default_factory=list)
    meetings: list[dict[str, Any]] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)  # scratch space shared by steps

    @cached_property
    def pack(self) -> LanguagePack | None:
        return get_pack(self.language)

    @cached_property
    def paragraphs(self) -> list[Span]:
        return paragraphs(self.text)

    @cached_property
    def sentences(self) -> list[Span]:
        return sentences(self.text, self.pack, self.paragraphs)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s for s, _ in self.sentences]

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [s for s, _ in self.paragraphs]

    def sentence_index(self, pos: int) -> int:
        """Index of the sentence containing character ``pos`` (or the last one before it)."""
        return max(0, bisect.bisect_right(self._sentence_starts, pos) - 1)

    def paragraph_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self._paragraph_starts, pos) - 1)

    def sentence_of(self, pos: int) -> Span:
        return self.sentences[self.sentence_index(pos)] if self.sentences else (0, 0)

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Mentions that lie inside ``[start, end)``, in text order."""
        return [m for m in self.mentions if m.start >= start and m.end <= end]

    def mention_at(self, start: int, end: int) -> Mention | None:
        """The longest mention overlapping ``[start, end)``, if any."""
        best = None
        for m in self.mentions:
            if (
                m.start < end
                and m.end > start
                and (best is None or m.end - m.start > best.end - best.start)
            ):
                best = m
        return best

    def actor_name(self, actor_id: str | None) -> str | None:
        if actor_id is None:
            return None
        actor = self.actors.get(actor_id)
        return actor.name if actor else None
