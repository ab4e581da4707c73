"""Repair and normalise article text, and keep a map back to the original.

Steps, in order: mojibake repair (ftfy, curly quotes kept), whitespace normalisation
(non-breaking and zero-width spaces, line ends), paragraph joins left by scrapers
(``kalimat.,Kalimat`` and ``,,,,``), then boilerplate (contributor credits, author
bios, "More Stories" / "Baca juga" blocks; patterns from the language packs).

Every step is an edit of a :class:`TrackedText`, which remembers for each character of
the cleaned text which character of the original it is (or that it was written by the
cleaner). :func:`to_raw` maps a span of the cleaned text back to the original, so an
extraction can always be shown where it stands in what the user loaded.

Offsets are stored compactly as a flat list of runs ``[clean_start, raw_start, length,
...]``: characters inside a run are copied verbatim from the original; a character
outside every run was written by the cleaner and stands for the original text between
the neighbouring runs.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import ftfy
import numpy as np

__all__ = ["Cleaned", "TrackedText", "clean_text", "to_raw"]


@dataclass
class Cleaned:
    """Result of :func:`clean_text`."""

    text: str
    offsets: list[int]
    removed: list[tuple[int, int, str]] = field(default_factory=list)  # raw spans cut, why
    raw_length: int | None = None

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Span of the original text that the cleaned span ``[start, end)`` came from."""
        return to_raw(self.offsets, start, end, self.raw_length)


class TrackedText:
    """A string under edit that remembers where each character came from.

    ``source[i]`` is the index in the original text of character ``i``, or -1 when the
    cleaner wrote it.
    """

    def __init__(self, raw: str):
        self.raw = raw
        self.text = raw
        self.source = np.arange(len(raw), dtype=np.int64)
        self.removed: list[tuple[int, int, str]] = []

    def sub(
        self,
        pattern: re.Pattern[str],
        repl: str | Callable[[re.Match[str]], str],
        reason: str | None = None,
    ) -> TrackedText:
        """Replace every match of ``pattern``; replaced characters become cleaner-written.

        With ``reason``, deleted spans (replacement ``""``) are recorded in ``removed``.
        """
        pieces: list[str] = []
        sources: list[np.ndarray] = []
        last = 0
        changed = False
        for match in pattern.finditer(self.text):
            start, end = match.span()
            new = repl(match) if callable(repl) else match.expand(repl)
            if new == match.group(0):
                continue
            changed = True
            pieces.append(self.text[last:start])
            sources.append(self.source[last:start])
            pieces.append(new)
            sources.append(np.full(len(new), -1, dtype=np.int64))
            if reason and not new and end > start:
                self._record_removal(start, end, reason)
            last = end
        if changed:
            pieces.append(self.text[last:])
            sources.append(self.source[last:])
            self.text = "".join(pieces)
            self.source = np.concatenate(sources)
        return self

    def delete(self, start: int, end: int, reason: str) -> TrackedText:
        """Remove ``[start, end)`` of the current text, recording why."""
        if end <= start:
            return self
        self._record_removal(start, end, reason)
        self.text = self.text[:start] + self.text[end:]
        self.source = np.concatenate([self.source[:start], self.source[end:]])
        return self

    def rewrite(self, new_text: str) -> TrackedText:
        """Replace the whole text by ``new_text``, aligning both with difflib.

        For transformations done by a library (ftfy) that do not report offsets.
        """
        if new_text == self.text:
            return self
        matcher = difflib.SequenceMatcher(None, self.text, new_text, autojunk=False)
        sources = np.full(len(new_text), -1, dtype=np.int64)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                sources[j1:j2] = self.source[i1:i2]
        self.text = new_text
        self.source = sources
        return self

    def _record_removal(self, start: int, end: int, reason: str) -> None:
        known = self.source[start:end]
        known = known[known >= 0]
        if len(known):
            self.removed.append((int(known.min()), int(known.max()) + 1, reason))

    def offsets(self) -> list[int]:
        """Flat ``[clean_start, raw_start, length, ...]`` runs of verbatim characters."""
        src = self.source
        if not len(src):
            return []
        verbatim = src >= 0
        # a run breaks where verbatim-ness changes or the source index is not consecutive
        breaks = np.ones(len(src), dtype=bool)
        breaks[1:] = ~(verbatim[1:] & verbatim[:-1] & (src[1:] == src[:-1] + 1))
        run_starts = np.flatnonzero(breaks)
        run_ends = np.append(run_starts[1:], len(src))
        flat: list[int] = []
        for start, end in zip(run_starts.tolist(), run_ends.tolist(), strict=True):
            if verbatim[start]:
                flat.extend((start, int(src[start]), end - start))
        return flat

    def result(self) -> Cleaned:
        return Cleaned(self.text, self.offsets(), sorted(self.removed), len(self.raw))


def to_raw(
    offsets: Iterable[int], start: int, end: int, raw_length: int | None = None
) -> tuple[int, int]:
    """Map the cleaned span ``[start, end)`` to the original text's span.

    Verbatim characters map exactly; characters written by the cleaner map to the
    original text between the neighbouring verbatim runs.
    """
    runs = list(offsets)
    if end < start:
        raise ValueError(f"span end {end} is before its start {start}")
    clean_starts = runs[0::3]
    raw_starts = runs[1::3]
    lengths = runs[2::3]
    if not clean_starts:
        return (0, 0)

    def locate(pos: int, side: str) -> int:
        k = bisect.bisect_right(clean_starts, pos) - 1
        if k >= 0 and pos < clean_starts[k] + lengths[k]:
            return raw_starts[k] + pos - clean_starts[k]
        # pos is cleaner-written (or past the end): use the gap between runs k and k+1
        gap_start = raw_starts[k] + lengths[k] if k >= 0 else 0
        if k + 1 < len(clean_starts):
            gap_end = raw_starts[k + 1]
        else:
            gap_end = gap_start if raw_length is None else raw_length
        return gap_start if side == "start" else gap_end

    if start == end:
        pos = locate(start, "start")
        return (pos, pos)
    raw_start = locate(start, "start")
    last = end - 1
    k = bisect.bisect_right(clean_starts, last) - 1
    if k >= 0 and last < clean_starts[k] + lengths[k]:
        raw_end = raw_starts[k] + last - clean_starts[k] + 1
    else:
        raw_end = locate(last, "end")
    return (raw_start, max(raw_start, raw_end))


# --------------------------------------------------------------------------- patterns

_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]+")
_SPACES = re.compile("[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_CRLF = re.compile(r"\r\n?")
_SPACE_AROUND_NEWLINE = re.compile(r"[ \t]*\n[ \t]*")
_MANY_NEWLINES = re.compile(r"\n{2,}")
_WRAPPED_LINE = re.compile(r"(?<=[^\n])\n(?=[^\n])")
# scraper artefacts: "Riau.,Penangkapan" / "(10/9/2019).,Zulmi" / "unit. ,Jika" / ",,,,,,Hingga"
_JOINED_PARAGRAPH = re.compile(r"(?<=[.!?\"”’)])\s?,+(?=[^\s\d,])")
_COMMA_RUN = re.compile(r"\s*,{2,}\s*")
_ORPHAN_COMMA = re.compile(r"[ \t]+,(?=[\s.,])|(?<=\s),(?=[ \t])")
_STRAY_COMMA_PERIOD = re.compile(r"\s+,\.")
_LEADING_JUNK = re.compile(r"\A[\s,\-–—]+")
_TRAILING_JUNK = re.compile(r"[\s,]+\Z")


def _looks_hard_wrapped(text: str) -> bool:
    """Blank lines separate paragraphs and single newlines mostly continue a sentence."""
    if "\n\n" not in text:
        return False
    singles = re.findall(r"(?<=[^\n])\n(?=([^\n]))", text)
    if len(singles) < 3:
        return False
    continued = sum(1 for nxt in singles if nxt.islower())
    return continued / len(singles) >= 0.3


def _fix_mojibake(tracked: TrackedText) -> None:
    """ftfy, paragraph by paragraph (only paragraphs it changes are re-aligned)."""
    text = tracked.text
    if text.isascii():
        return
    fixed = ftfy.fix_text(text, uncurl_quotes=False, fix_line_breaks=False, normalization="NFC")
    if fixed == text:
        return
    # align line by line when the line structure is unchanged (fast), else whole text
    old_lines = text.split("\n")
    new_lines = fixed.split("\n")
    if len(old_lines) != len(new_lines):
        tracked.rewrite(fixed)
        return
    pieces: list[str] = []
    sources: list[np.ndarray] = []
    pos = 0
    for old, new in zip(old_lines, new_lines, strict=True):
        src = tracked.source[pos : pos + len(old)]
        if old == new:
            pieces.append(old)
            sources.append(src)
        else:
            sub = TrackedText(old)
            sub.source = src.copy()
            sub.rewrite(new)
            pieces.append(sub.text)
            sources.append(sub.source)
        pos += len(old)
        if pos < len(text):  # the newline itself
            pieces.append("\n")
            sources.append(tracked.source[pos : pos + 1])
            pos += 1
    tracked.text = "".join(pieces)
    tracked.source = np.concatenate(sources) if sources else tracked.source[:0]


@lru_cache(maxsize=1)
def _boilerplate_patterns() -> dict[str, list[re.Pattern[str]]]:
    """Boilerplate patterns of every installed language pack (cleaning runs before detection)."""
    from .lang import all_packs

    merged: dict[str, list[re.Pattern[str]]] = {"cut_from": [], "drop_paragraph": [], "credit": []}
    for pack in all_packs():
        section = pack.get("boilerplate", {})
        for key in merged:
            merged[key].extend(re.compile(p, re.IGNORECASE) for p in section.get(key, []))
    return merged


def _strip_boilerplate(tracked: TrackedText) -> None:
    patterns = _boilerplate_patterns()
    paragraphs = _paragraph_spans(tracked.text)
    if not paragraphs:
        return
    # 1. a "More Stories" / "Related" marker or a contributor credit in the last third
    #    of the article: cut from there to the end (author bios follow credits)
    tail_from = max(1, len(paragraphs) * 2 // 3) if len(paragraphs) > 3 else 1
    cut_at = None
    for index, (start, end) in enumerate(paragraphs):
        line = tracked.text[start:end]
        if any(p.search(line) for p in patterns["cut_from"]):
            if index >= 1:
                cut_at, why = index, "trailer"
                break
        if index >= tail_from and any(p.search(line) for p in patterns["credit"]):
            cut_at, why = index, "credit"
            break
    if cut_at is not None:
        start = paragraphs[cut_at][0]
        tracked.delete(max(0, start - 1) if start else 0, len(tracked.text), why)
        paragraphs = paragraphs[:cut_at]
    # 2. single boilerplate paragraphs anywhere ("Baca juga: ...", "Editor: ...")
    for start, end in reversed(paragraphs):
        line = tracked.text[start:end]
        if any(p.search(line) for p in patterns["drop_paragraph"]):
            tracked.delete(max(0, start - 1) if start else start, end, "boilerplate paragraph")


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def clean_text(raw: str, boilerplate: bool = True) -> Cleaned:
    """Clean one article's text. Paragraphs come out separated by single newlines."""
    if raw is None:
        raw = ""
    tracked = TrackedText(raw)
    tracked.sub(_CRLF, "\n")
    _fix_mojibake(tracked)
    tracked.sub(_ZERO_WIDTH, "")
    tracked.sub(_SPACES, " ")
    if _looks_hard_wrapped(tracked.text):
        tracked.sub(_WRAPPED_LINE, " ")
    # scraper joins (only where the article shows the pattern at least twice)
    if len(_JOINED_PARAGRAPH.findall(tracked.text)) + len(_COMMA_RUN.findall(tracked.text)) >= 2:
        tracked.sub(_STRAY_COMMA_PERIOD, ".")
        tracked.sub(_COMMA_RUN, "\n")
        tracked.sub(_JOINED_PARAGRAPH, "\n")
        tracked.sub(_ORPHAN_COMMA, "")
    tracked.sub(_SPACE_AROUND_NEWLINE, "\n")
    tracked.sub(_MANY_NEWLINES, "\n")
    tracked.sub(_LEADING_JUNK, "")
    if boilerplate:
        _strip_boilerplate(tracked)
    tracked.sub(_TRAILING_JUNK, "")
    tracked.sub(_SPACES, " ")
    return tracked.result()
