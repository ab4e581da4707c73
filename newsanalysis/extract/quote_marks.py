"""Quoted passages of a text, found from its quotation marks alone.

Marks are paired by their *position*, not only their glyph: a mark with a space (or the
paragraph start) before it and a word after it opens a quote; a mark with a word before
it and a space or punctuation after it closes one. That handles curly and straight
marks alike, and the newspaper style (Kompas) that prints ” for both ends. Only when the
position says nothing (spaces on both sides) does the glyph decide.

The scanner degrades gracefully instead of giving up on an article (textacy's failure
mode on an odd number of marks):

- a quote left open at the end of a paragraph continues when the next paragraph opens
  with a quotation mark (the convention for quotes running over several paragraphs:
  each opens with “ and only the last closes); otherwise it ends with its paragraph;
- an opening mark while a quote is already open ends the open quote there;
- a closing mark with no opening one starts its quote at the paragraph start;
- single marks (‘…’, '…') pair only among themselves, never across paragraphs, and are
  ignored inside a double-quoted passage (inner quotes belong to the outer quote);
  ’ between letters is an apostrophe.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text import Span

__all__ = ["QuoteSpan", "find_quote_spans"]

# `` and '' (LaTeX/PTB style) count as double marks
_MARK = re.compile(r"``|''|[“”„‟\"«»‘’‚‛']")
_DOUBLE_OPEN_GLYPHS = frozenset("“„‟«")
_DOUBLE_CLOSE_GLYPHS = frozenset("”»")
_SINGLE_OPEN_GLYPHS = frozenset("‘‚‛")
_SINGLE_CLOSE_GLYPHS = frozenset("’")
_SINGLE = frozenset("‘’‚‛'")
# what may stand before an opening mark / after a closing mark besides a space
_BEFORE_OPEN = frozenset("([{—–-/:…“‘\"'«")
_AFTER_CLOSE = frozenset(".,;:!?)]}—–-…”’\"'»")

OPEN, CLOSE, EITHER = "open", "close", "either"


@dataclass
class QuoteSpan:
    """One quoted passage.

    ``start``/``end`` delimit the quoted words (without the marks); ``pieces`` are the
    ``(start, end)`` spans of the words in each paragraph when the quote runs over
    several paragraphs (one piece otherwise). ``open_mark``/``close_mark`` are the
    offsets of the marks, ``-1`` when the mark is missing.
    """

    start: int
    end: int
    open_mark: int
    close_mark: int
    single: bool = False
    pieces: list[Span] = field(default_factory=list)

    @property
    def closed(self) -> bool:
        return self.close_mark >= 0

    @property
    def opened(self) -> bool:
        return self.open_mark >= 0

    @property
    def outer_start(self) -> int:
        """Start including the opening mark."""
        return self.open_mark if self.open_mark >= 0 else self.start

    @property
    def outer_end(self) -> int:
        """End including the closing mark."""
        return self.close_mark + self._close_len if self.close_mark >= 0 else self.end

    _close_len: int = 1

    def text(self, source: str) -> str:
        """The quoted words; pieces of a multi-paragraph quote are joined by a newline."""
        return "\n".join(source[s:e] for s, e in self.pieces)


@dataclass
class _Mark:
    pos: int
    length: int
    glyph: str
    role: str  # OPEN / CLOSE / EITHER
    single: bool


def find_quote_spans(text: str, paragraphs: list[Span]) -> list[QuoteSpan]:
    """Quoted passages of ``text`` (double and single marks), in text order."""
    marks_by_paragraph = [_marks(text, p_start, p_end) for p_start, p_end in paragraphs]
    spans: list[QuoteSpan] = []
    pending: QuoteSpan | None = None  # a double quote open at the end of a paragraph
    for index, (p_start, p_end) in enumerate(paragraphs):
        marks = marks_by_paragraph[index]
        doubles = [m for m in marks if not m.single]
        if pending is not None:
            first = doubles[0] if doubles else None
            if first is not None and first.pos == p_start and first.role != CLOSE:
                # the quote runs on: this paragraph's opening mark continues it
                doubles = doubles[1:]
                pending.pieces.append((first.pos + first.length, p_end))
            else:
                spans.append(_finish(pending, text))
                pending = None
        found, pending = _pair_doubles(text, doubles, p_start, p_end, pending)
        spans.extend(found)
        inside = [(s.outer_start, s.outer_end) for s in found]
        if pending is not None:
            inside.append((pending.pieces[-1][0] - 1, p_end))
        singles = [m for m in marks if m.single and not _within(m.pos, inside)]
        spans.extend(_pair_singles(text, singles, p_end))
    if pending is not None:
        spans.append(_finish(pending, text))
    spans = [s for s in spans if s.end > s.start]
    spans.sort(key=lambda s: s.start)
    return spans


# --------------------------------------------------------------------------- marks


def _marks(text: str, p_start: int, p_end: int) -> list[_Mark]:
    marks = []
    for match in _MARK.finditer(text, p_start, p_end):
        pos, end = match.span()
        glyph = match.group(0)
        before = text[pos - 1] if pos > p_start else " "
        after = text[end] if end < p_end else " "
        single = glyph in _SINGLE
        if single and before.isalnum() and after.isalnum():
            continue  # apostrophe: Ma’ruf, didn't
        space_before = before.isspace() or before in _BEFORE_OPEN
        space_after = after.isspace() or after in _AFTER_CLOSE
        if space_before and not space_after:
            role = OPEN
        elif space_after and not space_before:
            role = CLOSE
        elif glyph in _DOUBLE_OPEN_GLYPHS or glyph in _SINGLE_OPEN_GLYPHS or glyph == "``":
            role = OPEN
        elif glyph in _DOUBLE_CLOSE_GLYPHS or glyph in _SINGLE_CLOSE_GLYPHS or glyph == "''":
            role = CLOSE
        else:
            role = EITHER
        if single and role == OPEN and after.isdigit():
            continue  # ’90s
        marks.append(_Mark(pos, end - pos, glyph, role, single))
    return marks


def _within(pos: int, spans: list[Span]) -> bool:
    return any(s <= pos < e for s, e in spans)


# --------------------------------------------------------------------------- pairing


def _pair_doubles(
    text: str, marks: list[_Mark], p_start: int, p_end: int, pending: QuoteSpan | None
) -> tuple[list[QuoteSpan], QuoteSpan | None]:
    """Pair the double marks of one paragraph; return the quotes and the one left open."""
    found: list[QuoteSpan] = []
    current = pending  # a quote continued from the previous paragraph stays open
    for mark in marks:
        if current is None:
            if mark.role == CLOSE:
                # closing mark with no opening one: the quote started with the paragraph
                if mark.pos > p_start and not found:
                    found.append(_span(text, -1, p_start, mark))
                continue
            current = _open(mark)
            continue
        if mark.role == OPEN:
            # a new quote opens while one is open: the open one ends here
            found.append(_finish(current, text, until=mark.pos))
            current = _open(mark)
            continue
        current.pieces[-1] = (current.pieces[-1][0], mark.pos)
        current.close_mark = mark.pos
        current._close_len = mark.length
        found.append(_finish(current, text))
        current = None
    if current is not None:
        current.pieces[-1] = (current.pieces[-1][0], p_end)
    return found, current


def _pair_singles(text: str, marks: list[_Mark], p_end: int) -> list[QuoteSpan]:
    """Single marks pair within the paragraph; an unclosed one is an apostrophe."""
    found = []
    current: _Mark | None = None
    for mark in marks:
        if current is None:
            if mark.role != CLOSE:
                current = mark
            continue
        if mark.role == OPEN:
            current = mark
            continue
        span = _span(text, current.pos, current.pos + current.length, mark)
        span.single = True
        found.append(span)
        current = None
    return found


def _open(mark: _Mark) -> QuoteSpan:
    start = mark.pos + mark.length
    return QuoteSpan(start, start, mark.pos, -1, pieces=[(start, start)])


def _span(text: str, open_mark: int, start: int, close: _Mark) -> QuoteSpan:
    span = QuoteSpan(start, close.pos, open_mark, close.pos, pieces=[(start, close.pos)])
    span._close_len = close.length
    return _finish(span, text)


def _finish(span: QuoteSpan, text: str, until: int | None = None) -> QuoteSpan:
    """Trim the spaces around each piece and set ``start``/``end`` from the pieces."""
    if until is not None:
        last_start = span.pieces[-1][0]
        span.pieces[-1] = (last_start, max(last_start, until))
    pieces = []
    for s, e in span.pieces:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            pieces.append((s, e))
    span.pieces = pieces or [(span.start, span.start)]
    span.start = span.pieces[0][0]
    span.end = span.pieces[-1][1]
    return span
