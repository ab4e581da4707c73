"""Paragraphs, sentences and tokens of a cleaned text, as character spans.

Rule-based and fast: paragraphs are lines; a sentence ends at ``.``, ``!`` or ``?``
(with any closing quotes or brackets after it) followed by whitespace and a capital,
digit or opening quote (“ « ‘ and also ” », which open quotes in some newspapers:
Kompas prints ” at both ends), unless the word before the period is an abbreviation of
the language pack (``Dr.``, ``Jl.``, ``Sept.``) or an initial (``J. Smith``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from .lang import LanguagePack, all_packs

Span = tuple[int, int]

# a sentence end with its closing quotes or brackets, then space and the next sentence's
# first character, maybe after opening quotes or brackets (” and » included)
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+[\"'“‘«”»„(\[]*[A-Z0-9À-Ý])")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]", re.UNICODE)


@cache
def _abbreviations(code: str | None) -> frozenset[str]:
    words: set[str] = set()
    for pack in all_packs():
        if code is None or pack.code == code:
            words.update(w.lower() for w in pack.words("text", "abbreviations"))
    return frozenset(words)


def paragraphs(text: str) -> list[Span]:
    """Non-empty lines of ``text`` as ``(start, end)`` spans."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            spans.append((pos + lead, pos + lead + len(stripped)))
        pos += len(line) + 1
    return spans


def sentences(
    text: str, pack: LanguagePack | None = None, within: Iterable[Span] | None = None
) -> list[Span]:
    """Sentence spans of ``text`` (never crossing a paragraph)."""
    abbreviations = _abbreviations(pack.code if pack is not None else None)
    spans: list[Span] = []
    for p_start, p_end in within if within is not None else paragraphs(text):
        start = p_start
        for match in _SENTENCE_END.finditer(text, p_start, p_end):
            end = match.end()
            if text[match.start()] == "." and _is_abbreviation(
                text, start, match.start(), abbreviations
            ):
                continue
            if end > start:
                spans.append((start, end))
            start = _skip_space(text, end, p_end)
        if start < p_end:
            spans.append((start, p_end))
    return spans


def _is_abbreviation(
    text: str, sentence_start: int, period: int, abbreviations: frozenset[str]
) -> bool:
    word = _word_before(text, sentence_start, period).lower().rstrip(".")
    if not word:
        return False
    if word in abbreviations:
        return True
    # initials: "J. Smith", "Moh. Hatta"; not a lone digit ("tahun 2019. Dia")
    return len(word) == 1 and word.isalpha()


def _word_before(text: str, start: int, end: int) -> str:
    """The run of word characters and periods that ends at ``end`` (not before
    ``start``): what ``_WORD_BEFORE.search(text, start, end)`` finds, read backwards
    from ``end`` instead of trying the pattern at every position of the sentence."""
    if end > start and text[end - 1] == "\n":  # "$" also matches before a final newline
        end -= 1
    pos = end
    while pos > start and (text[pos - 1].isalnum() or text[pos - 1] in "._"):
        pos -= 1
    return text[pos:end]


def _skip_space(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos].isspace():
        pos += 1
    return pos


def tokens(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
    """Word and punctuation tokens of ``text[start:end]`` as ``(token, start, end)``."""
    end = len(text) if end is None else end
    return [(m.group(0), m.start(), m.end()) for m in TOKEN.finditer(text, start, end)]
