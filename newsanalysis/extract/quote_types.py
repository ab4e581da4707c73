"""The attribution record shared by the quote modules, and its constants."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..text import Span
from .quote_lexicon import Cue
from .quote_marks import QuoteSpan

__all__ = ["Attribution", "DIRECT", "PARTIAL", "INDIRECT", "PHRASE", "CLITIC", "INHERIT", "NONE"]

#: kinds of quotes (the ``kind`` column)
DIRECT, PARTIAL, INDIRECT = "direct", "partial", "indirect"
#: how the speaker is written: a phrase, a clitic on the cue, carried over, or not at all
PHRASE, CLITIC, INHERIT, NONE = "phrase", "clitic", "inherit", "none"
SENTENCE_END = ".!?…"
MAX_OBJECT = 6  # words between a cue and its quote or clause ("told reporters on Monday")
MIN_INDIRECT_WORDS = 2  # words outside quotation marks in reported speech


@dataclass
class Attribution:
    """One quote before its speaker is resolved to an actor."""

    kind: str  # direct / partial / indirect
    pieces: list[Span]  # the words said (several pieces: multi-paragraph or split quote)
    cue: Cue | None = None
    speaker: Span | None = None  # where the speaker is written
    speaker_kind: str = NONE  # phrase / clitic / inherit / none
    inherit_from: Attribution | None = None
    quote: QuoteSpan | None = None
    merged: list[QuoteSpan] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]
