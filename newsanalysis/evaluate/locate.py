"""Find a gold sentence (and its article) again in what the pipeline produces today.

Gold sets store a sentence as the cleaner of their day cut it, plus where it came from
(corpus, spreadsheet row, title, character offset). The cleaner and the loader keep
improving (mojibake repair, scraper commas, quote styles, row numbering), so an exact
``text.find(sentence)`` silently loses gold items. Here a sentence is matched on a
*key*: its letters and digits only, case-folded and without accents, so whitespace,
punctuation, quote styles and mojibake debris do not matter; offsets are ignored. When
even the key is not found (a word repaired differently), a tolerant fallback aligns
the key with :class:`difflib.SequenceMatcher` and accepts a window that is at least
:data:`FUZZY_MIN_RATIO` similar. Spans are returned in the coordinates of the text.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

import ftfy

#: similarity a fuzzy window needs to count as the gold sentence
FUZZY_MIN_RATIO = 0.85
#: below this many key characters a sentence is too short to locate fuzzily
_FUZZY_MIN_CHARS = 25


def match_key(text: str) -> tuple[str, list[int]]:
    """Letters and digits of ``text``, case-folded, accents removed, with the offset in
    ``text`` of every key character."""
    chars: list[str] = []
    where: list[int] = []
    for i, c in enumerate(text):
        if c.isascii():
            if c.isalnum():
                chars.append(c.lower())
                where.append(i)
            continue
        for d in unicodedata.normalize("NFKD", c):
            if d.isalnum():
                chars.append(d.lower())
                where.append(i)
    return "".join(chars), where


def sentence_key(sentence: str) -> str:
    """The key of a gold sentence, after repairing its mojibake (``â€œ`` -> ``“``)."""
    return match_key(ftfy.fix_text(sentence))[0]


def locate_sentence(text: str, sentence: str) -> tuple[int, int, str] | None:
    """``(start, end, how)`` of ``sentence`` in ``text``, or None.

    ``how`` is ``"exact"`` (the same characters), ``"normalised"`` (the same letters
    and digits) or ``"fuzzy"`` (a window at least :data:`FUZZY_MIN_RATIO` similar).
    """
    found = text.find(sentence)
    if found >= 0:
        return found, found + len(sentence), "exact"
    key = sentence_key(sentence)
    if not key:
        return None
    text_key, where = match_key(text)
    found = text_key.find(key)
    if found >= 0:
        return where[found], where[found + len(key) - 1] + 1, "normalised"
    window = _fuzzy_window(text_key, key)
    if window is None:
        return None
    lo, hi = window
    return where[lo], where[hi - 1] + 1, "fuzzy"


def _fuzzy_window(text_key: str, key: str) -> tuple[int, int] | None:
    """The window of ``text_key`` most similar to ``key`` (anchored on their longest
    common block), if similar enough."""
    if len(key) < _FUZZY_MIN_CHARS or not text_key:
        return None
    matcher = SequenceMatcher(None, key, text_key, autojunk=False)
    block = matcher.find_longest_match(0, len(key), 0, len(text_key))
    if block.size < min(20, len(key) // 3):
        return None
    start = max(0, block.b - block.a)
    best: tuple[float, int, int] | None = None
    slack = max(5, len(key) // 10)
    for lo in range(max(0, start - slack), min(len(text_key), start + slack) + 1, 1):
        hi = min(len(text_key), lo + len(key))
        ratio = SequenceMatcher(None, key, text_key[lo:hi], autojunk=False).ratio()
        if best is None or ratio > best[0]:
            best = (ratio, lo, hi)
    if best is None or best[0] < FUZZY_MIN_RATIO:
        return None
    return best[1], best[2]


_SPACES = re.compile(r"\s+")


def title_key(title: object) -> str:
    """A title compared without case, spacing or punctuation (None for no title)."""
    if not isinstance(title, str) or not title.strip():
        return ""
    return match_key(ftfy.fix_text(_SPACES.sub(" ", title)))[0]
