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
import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import ftfy
import ftfy.badness
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
        if callable(repl):
            replace = repl
        elif "\\" in repl:
            replace = lambda match: match.expand(repl)  # noqa: E731
        else:
            replace = lambda match: repl  # noqa: E731
        return self.apply(pattern.finditer(self.text), replace, reason)

    def apply(
        self,
        matches: Iterable[re.Match[str]],
        repl: Callable[[re.Match[str]], str],
        reason: str | None = None,
    ) -> TrackedText:
        """Replace the given matches of the current text (found with one ``finditer``).

        With ``reason``, deleted spans (replacement ``""``) are recorded in ``removed``.
        """
        pieces: list[str] = []
        spans: list[tuple[int, int, int]] = []
        last = 0
        for match in matches:
            start, end = match.span()
            new = repl(match)
            if new == match.group(0):
                continue
            pieces.append(self.text[last:start])
            pieces.append(new)
            spans.append((start, end, len(new)))
            if reason and not new and end > start:
                self._record_removal(start, end, reason)
            last = end
        if spans:
            pieces.append(self.text[last:])
            self.text = "".join(pieces)
            self.source = spliced_sources(self.source, spans)
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


def spliced_sources(source: np.ndarray, spans: list[tuple[int, int, int]]) -> np.ndarray:
    """``source`` after replacing each ``[start, end)`` of ``spans`` (sorted, not
    overlapping) by ``length`` cleaner-written characters (-1).

    One concatenation; the -1 runs are views of one array, not an array per match
    (whitespace and boilerplate patterns match many times per article).
    """
    written = np.full(max(length for _, _, length in spans), -1, dtype=np.int64)
    pieces: list[np.ndarray] = []
    last = 0
    for start, end, length in spans:
        pieces.append(source[last:start])
        pieces.append(written[:length])
        last = end
    pieces.append(source[last:])
    return np.concatenate(pieces)


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

_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f]+")
_ODD_SPACE = re.compile("[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
# runs of spaces that need rewriting: two or more, or any space other than " "
_SPACES = re.compile(
    "[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]{2,}|[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]"
)
_CRLF = re.compile(r"\r\n?")
_NEWLINE = re.compile("\n")
_SPACE_AROUND_NEWLINE = re.compile(r"[ \t]*\n[ \t]*")
_MANY_NEWLINES = re.compile(r"\n{2,}")
_WRAPPED_LINE = re.compile(r"(?<=[^\n])\n(?=[^\n])")

# Scrapers that join a page's text nodes with "," leave two kinds of comma (CLICK-ID).
# One pattern finds both (one pass over the text); _scraper_repair decides by group.
#
# - paragraph joins: "Riau.,Penangkapan", "(10/9/2019).,Zulmi", "unit. ,Jika",
#   "bandara.,,,,Dengan", "katanya.\",Kemudian", "Baca juga:,,Kendati", and (Kompas)
#   "Denpasar., BPSPL". After a closing quote, bracket or colon only a comma with no space
#   after it (or a run of commas) is one: prose writes "(KPK), kata". A comma before a
#   closing quote is prose: `(diri)," kata Jokowi`, `lagi?," tanya`. After a sentence end,
#   a comma and a space ("Khark., mewartakan") are a join only in text that shows
#   unambiguous joins (:data:`_SCRAPED`); elsewhere only before a capital, since
#   "Flint, Mich., for his wife" is English prose.
# - link gaps: a link's text is gone, its neighbours' commas stay: "Pelatih ,, Julio",
#   "di  ,, Jumat", "pabrik  ,  ,,  ,.", "Korupsi ( ,) menetapkan", "nama,menjadi".
_UPPER = "A-ZÀ-ÖØ-Þ"
_SCRAPER_TEMPLATE = (
    r"(?P<join>(?<=[.!?…])[ \t]*(?:,(?=[^\s,])|,[ \t]*,[ \t,]*|,[ \t]+AFTER_SPACE)"
    r"(?=[^\s,])(?![\"”’](?:\s|$))"
    r"|(?<=[\"”’):])(?:[ \t]*,[ \t]*,[ \t,]*|,)(?=[^\s\d,])(?![\"”’](?:\s|$)))"
    r"|(?P<brackets>\([ \t,]*\))"
    r"|(?P<gap>[ \t]+,[ \t,]*|,{2,}[ \t,]*|(?<=[^\W\d_]),(?=[^\W\d_]))"
)
_SCRAPER_COMMAS = re.compile(
    _SCRAPER_TEMPLATE.replace("AFTER_SPACE", rf"(?=[{_UPPER}]|[\"“‘][{_UPPER}0-9])")
)
_SCRAPER_COMMAS_SCRAPED = re.compile(_SCRAPER_TEMPLATE.replace("AFTER_SPACE", ""))
#: unambiguous scraper joins: a comma glued to a sentence end and the next word, or a run
_SCRAPED = re.compile(r"[.!?\"”’)],(?=[^\s,\d])|,,")
_CLOSING = frozenset(".,;:!?)]…\n")
_LEADING_JUNK = " \t\n,-–—"
_LINE_LEADING_JUNK = re.compile(r"(?<=\n)[ \t]*,[ \t,]*")
_SPACE_BEFORE_COMMA = re.compile(r"(?<=\S)[ \t]+,(?=[ \t])")
_URL_ONLY = re.compile(r"^[ \t]*(?:https?://|www\.)\S+[ \t]*$", re.MULTILINE)


def _scraper_commas(text: str) -> list[re.Match[str]]:
    """The matches of :data:`_SCRAPER_COMMAS`, found fast.

    Every match starts at a comma or at the spaces / bracket just before one, so the
    pattern is tried only there (``str.find`` jumps from comma to comma) instead of at
    every character of the text: the same matches as ``finditer``, several times faster.
    """
    matches: list[re.Match[str]] = []
    pos = 0
    find = text.find
    scraped = len(list(itertools.islice(_SCRAPED.finditer(text), 2))) == 2
    match_at = (_SCRAPER_COMMAS_SCRAPED if scraped else _SCRAPER_COMMAS).match
    while True:
        comma = find(",", pos)
        if comma < 0:
            return matches
        start = comma
        while start > pos and text[start - 1] in " \t(":
            start -= 1
        for candidate in range(start, comma + 1):
            found = match_at(text, candidate)
            if found:
                matches.append(found)
                pos = max(found.end(), comma + 1)
                break
        else:
            pos = comma + 1


def _scraper_repair(match: re.Match[str]) -> str:
    """Replacement of one scraper comma: a line break for a paragraph join; for a lost
    link, nothing before punctuation or a line end, else ", " (names stay apart)."""
    if match.lastgroup == "join":
        before = _WORD_BEFORE.search(match.string, max(0, match.start() - 24), match.start())
        if before and before.group(1).lower().replace(".", "") in _abbreviations():
            return ", "  # "Budi, SH.,M.H." is one name, not two paragraphs
        return "\n"
    if match.lastgroup == "brackets":
        return ""
    text = match.string
    after = text[match.end()] if match.end() < len(text) else "\n"
    before = text[match.start() - 1] if match.start() else "\n"
    if after in _CLOSING or before in "\n(":
        return ""
    if before == ",":  # "Bantul,  ,, Minggu" -> "Bantul, Minggu"
        return " "
    if after in '"”’' and (match.end() + 1 >= len(text) or text[match.end() + 1].isspace()):
        return ","  # closes a quote: `di sektor ,," ujar` -> `di sektor," ujar`
    return ", "


_WORD_BEFORE = re.compile(r"([\w.]+)\.$")


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    """Abbreviations of every pack (``[text] abbreviations``), without their dots."""
    from .lang import all_packs

    return frozenset(
        word.lower().replace(".", "")
        for pack in all_packs()
        for word in pack.words("text", "abbreviations")
    )


def _looks_hard_wrapped(text: str) -> bool:
    """Blank lines separate paragraphs and single newlines mostly continue a sentence."""
    if "\n\n" not in text:
        return False
    singles = re.findall(r"(?<=[^\n])\n(?=([^\n]))", text)
    if len(singles) < 3:
        return False
    continued = sum(1 for nxt in singles if nxt.islower())
    return continued / len(singles) >= 0.3


# --------------------------------------------------------------------------- mojibake

#: a run of non-ASCII characters, with the ASCII letter a combining mark sits on ("A"
#: + U+0303 + "±": decomposed mojibake of "ñ" in PolNeAR texts, "PeÃ±a")
_NON_ASCII_RUN = re.compile(r"[A-Za-z](?=[\u0300-\u036f])[^\x00-\x7f]+|[^\x00-\x7f]+")
_FTFY_OPTIONS = {"uncurl_quotes": False, "fix_line_breaks": False, "normalization": "NFC"}


@lru_cache(maxsize=8192)
def _fix_run(run: str) -> str:
    """ftfy on one run of non-ASCII characters (``‚Äú`` -> ``“``); runs repeat, so cached."""
    return ftfy.fix_text(run, **_FTFY_OPTIONS)


def _fix_mojibake(tracked: TrackedText) -> None:
    """Repair mojibake with ftfy, keeping the offset map exact.

    Mojibake sits in runs of non-ASCII characters (``‚Äú``, ``¬†``), so ftfy is applied
    to each run (fast, and each repaired run maps to its original span). Where the
    non-ASCII parts still look bad to ftfy after that (mojibake that needs its
    neighbours to be recognised), ftfy runs on the whole text and the result is aligned
    line by line.
    """
    if tracked.text.isascii():
        return
    matches = list(_NON_ASCII_RUN.finditer(tracked.text))
    if any(_fix_run(run) != run for run in {m.group(0) for m in matches}):
        tracked.apply(matches, lambda m: _fix_run(m.group(0)))
        matches = list(_NON_ASCII_RUN.finditer(tracked.text))
    # else (most texts: curly quotes, dashes, accents) the text and its runs stay as found
    text = tracked.text
    context = " ".join(text[max(0, m.start() - 2) : m.end() + 2] for m in matches)
    if not context or not ftfy.badness.is_bad(context):
        return
    fixed = ftfy.fix_text(text, **_FTFY_OPTIONS)
    if fixed == text:
        return
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


# --------------------------------------------------------------------------- boilerplate

#: keys of a language pack's ``[boilerplate]`` section, in the order they are applied
BOILERPLATE_KEYS = ("inline", "cut_from", "credit", "drop_paragraph", "end_tag")


@lru_cache(maxsize=1)
def _boilerplate_patterns() -> dict[str, re.Pattern[str] | None]:
    """One regex per ``[boilerplate]`` key, joining the patterns of every installed pack
    (cleaning runs before language detection, and outlets mix languages in their page
    furniture). Line patterns are MULTILINE, so one search scans the whole text."""
    from .lang import all_packs

    merged: dict[str, list[str]] = {key: [] for key in BOILERPLATE_KEYS}
    for pack in all_packs():
        section = pack.get("boilerplate", {})
        for key in merged:
            merged[key].extend(section.get(key, []))
    flags = re.IGNORECASE | re.MULTILINE
    compiled: dict[str, re.Pattern[str] | None] = {}
    for key, patterns in merged.items():
        if key == "end_tag":  # anchored at the end of the text: tried one by one
            compiled[key] = [re.compile(p, re.IGNORECASE) for p in patterns] or None
        else:
            compiled[key] = (
                re.compile("|".join(f"(?:{p})" for p in patterns), flags) if patterns else None
            )
    return compiled


def _line_at(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def _strip_boilerplate(tracked: TrackedText) -> None:
    """Cut page furniture, in this order (patterns: ``[boilerplate]`` of the packs):

    1. ``cut_from``: a trailer heading ("More Stories", "Berita Terkait") after the first
       paragraph: it and everything after it go. ``credit``: a contributor or repost
       credit ("Anna Chernova dari CNN berkontribusi ...", "Artikel ini telah tayang di
       ...") in the last third: it and the author bio or link list after it go.
    2. ``drop_paragraph``: single paragraphs anywhere ("Baca juga: ...", "Editor: X"),
       and paragraphs that are only a URL.
    3. ``end_tag``: reporter / agency / advertorial tags ending the last paragraph
       ("(ant)", "(adv)", "(hp/ts)", "(Tribunjakarta.com/Dwi Putra)").
    """
    patterns = _boilerplate_patterns()
    text = tracked.text
    if not text:
        return
    first_break = text.find("\n")
    if first_break < 0:  # one paragraph: only an end tag can go
        _strip_end_tags(tracked, patterns["end_tag"])
        return
    # 1. trailers after the first paragraph; credits in the last third of the paragraphs
    line_starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]
    tail_index = max(1, len(line_starts) * 2 // 3) if len(line_starts) > 3 else 1
    tail_from = line_starts[tail_index] if tail_index < len(line_starts) else len(text)
    cuts = []
    if patterns["cut_from"] is not None:
        match = patterns["cut_from"].search(text, first_break + 1)
        if match:
            cuts.append((_line_at(text, match.start())[0], "trailer"))
    if patterns["credit"] is not None:
        match = patterns["credit"].search(text, tail_from)
        if match:
            cuts.append((_line_at(text, match.start())[0], "credit"))
    if cuts:
        start, why = min(cuts)
        tracked.delete(max(0, start - 1), len(tracked.text), why)
        text = tracked.text
    # 2. single paragraphs (never the only one)
    spans = []
    for pattern in (patterns["drop_paragraph"], _URL_ONLY):
        if pattern is not None:
            spans.extend(_line_at(text, m.start()) for m in pattern.finditer(text))
    if spans and "\n" in text:
        for start, end in sorted(set(spans), reverse=True):
            tracked.delete(
                max(0, start - 1) if start else start,
                end + (0 if start else 1),
                "boilerplate paragraph",
            )
    _strip_end_tags(tracked, patterns["end_tag"])


def _strip_end_tags(tracked: TrackedText, patterns: list[re.Pattern[str]] | None) -> None:
    for _ in range(3):  # "... (ant) (adv)"
        cut = None
        for pattern in patterns or []:
            match = pattern.search(tracked.text, max(0, len(tracked.text) - 120))
            if match and match.start() > 0:
                cut = match.start() if cut is None else min(cut, match.start())
        if cut is None:
            return
        tracked.delete(cut, len(tracked.text), "end tag")


# --------------------------------------------------------------------------- clean_text


def clean_text(raw: str, boilerplate: bool = True) -> Cleaned:
    """Clean one article's text. Paragraphs come out separated by single newlines.

    Each step is skipped when a cheap test shows it has nothing to do: the budget for
    cleaning plus language detection is well under a millisecond per article.
    """
    if raw is None:
        raw = ""
    tracked = TrackedText(raw)
    if "\r" in raw:
        tracked.sub(_CRLF, "\n")
    _fix_mojibake(tracked)
    if not tracked.text.isascii():
        tracked.sub(_ZERO_WIDTH, "")
    if "  " in tracked.text or _ODD_SPACE.search(tracked.text):
        tracked.sub(_SPACES, " ")
    if _looks_hard_wrapped(tracked.text):
        tracked.sub(_WRAPPED_LINE, " ")
    if boilerplate and _boilerplate_patterns()["inline"] is not None:
        tracked.sub(_boilerplate_patterns()["inline"], "", reason="boilerplate")
    if "," in tracked.text:  # scraper commas, only where the article shows them twice
        matches = _scraper_commas(tracked.text)
        if len(matches) >= 2:
            tracked.apply(matches, _scraper_repair)
            if "\n," in tracked.text or "\n ," in tracked.text:
                tracked.sub(_LINE_LEADING_JUNK, "")
            if " ," in tracked.text:  # left where an empty "( ,)" was cut
                tracked.sub(_SPACE_BEFORE_COMMA, ",")
    if "\n" in tracked.text:
        if " \n" in tracked.text or "\n " in tracked.text or "\t" in tracked.text:
            tracked.sub(_SPACE_AROUND_NEWLINE, "\n")
        if "\n\n" in tracked.text:
            tracked.sub(_MANY_NEWLINES, "\n")
    _strip_ends(tracked, _LEADING_JUNK, "")
    if boilerplate:
        _strip_boilerplate(tracked)
    _strip_ends(tracked, _LEADING_JUNK, " \t\n,")
    if "  " in tracked.text:
        tracked.sub(_SPACES, " ")
    return tracked.result()


def _strip_ends(tracked: TrackedText, leading: str, trailing: str) -> None:
    """Delete leading / trailing characters from the given sets (a scraper's " - ", ",")."""
    text = tracked.text
    if trailing:
        end = len(text.rstrip(trailing))
        if end < len(text):
            tracked.delete(end, len(text), "whitespace")
    if leading:
        start = len(text) - len(text.lstrip(leading))
        if start:
            tracked.delete(0, start, "whitespace")
