"""Date expressions of an article, resolved against its publication date.

Finds every date expression of a text ("Selasa (10/9/2019)", "Jumat, 24 Mei 2019",
"pekan lalu", "pada hari Kamis", "Februari tahun lalu", "March 20", "two days ago",
"dari Senin hingga Rabu", ...) and turns it into a day, month or year interval.

Method: one compiled regular expression per language, built once per process from the
``[dates]`` section of the language pack (vocabulary *and* expression patterns are data:
``lang/id.toml``, ``lang/en.toml``), one pass over the text; then a small resolver reads
the named groups of each match (weekday, day, month, year, count, unit, shift, ...) and
computes the interval relative to the publication date. Expressions that carry no
direction of their own (a bare weekday or month) take it from the tense of their
sentence: the nearest past or future marker of the pack ("telah", "akan", "said",
"will"); without one they are placed in the past (news mostly reports). Adjacent
expressions joined by a range word ("dari Senin hingga Rabu") become one range.
``dateparser`` is not used: it costs milliseconds per call and misses most Indonesian
relative forms (see ``benchmarks/bench_dates.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from ..document import Document
from .date_grammar import DateGrammar, grammar, norm
from .date_resolve import (
    COARSER,
    anchored_offset,
    resolve_fields,
    safe_date,
    shift_unit,
    span_of_unit,
)

__all__ = ["DateMention", "find_dates", "resolve_date", "date_for_span", "dates_table"]

PRECISIONS = ("day", "month", "year")


@dataclass(frozen=True)
class DateMention:
    """One resolved date expression.

    ``start``/``end`` index ``doc.text``; ``date_start``..``date_end`` is the interval
    meant (both inclusive); ``precision`` is "day", "month" or "year"; ``flags`` say how
    it was read: "range", "week", "weekday_mismatch", "assumed_past", "assumed_future",
    "no_tense", "anchored", "since", "until", "early"/"mid"/"late", ...; ``kind`` names
    the pattern that matched (for statistics).
    """

    start: int
    end: int
    text: str
    date_start: date
    date_end: date
    precision: str
    flags: tuple[str, ...] = ()
    kind: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "date_start": self.date_start,
            "date_end": self.date_end,
            "precision": self.precision,
            "flags": list(self.flags),
            "kind": self.kind,
        }


# --------------------------------------------------------------------------- scanning


@dataclass
class _Match:
    start: int
    end: int
    kind: str
    fields: dict[str, str | None]


def _scan(g: DateGrammar, text: str) -> list[_Match]:
    """Every match of the grammar in ``text``, prepositions left out of the spans.

    The big regex is tried only where the trigger regex finds a word a pattern can
    begin with (or a digit), in text order; a match consumes its text."""
    out = []
    starters, pre_words, patterns = g.starters, g.pre_words, g.patterns
    empty: frozenset[int] = frozenset()
    done = 0
    for trigger in g.trigger.finditer(text):
        pos = trigger.start()
        if pos < done:
            continue
        word = trigger.group(0).lower()
        indices = starters.get("#digit" if word[0].isdigit() else word, empty)
        if word in pre_words:  # "pada Kamis": the patterns that can begin with "Kamis"
            after = g.pre_next.match(text, pos)
            if after is not None:
                following = after.group("next").lower()
                key = "#digit" if following[0].isdigit() else following
                indices = indices | starters.get(key, empty)
        if not indices:
            continue
        m = g.regex_for(indices).match(text, pos)
        if m is None or m.lastgroup is None:
            continue
        done = m.end()
        name = m.lastgroup
        pattern = patterns[int(name[1:])]
        prefix = f"{name}_"
        fields = {local: m.group(prefix + local) for local in pattern.groups}
        fields["pre"] = m.group("pre")
        fields["_kind"] = pattern.kind
        span_start = m.start()
        if fields["pre"]:
            span_start = m.end("pre")
            while span_start < m.end() and text[span_start].isspace():
                span_start += 1
        out.append(_Match(span_start, m.end(), pattern.kind, fields))
    return out


def _nearest_tense(
    g: DateGrammar, text: str, span: tuple[int, int], sentence: tuple[int, int]
) -> str | None:
    """Tense of the marker nearest to ``span`` inside ``sentence`` (outside the span)."""
    best, best_distance = None, None
    for m in g.tense.finditer(text, sentence[0], sentence[1]):
        m_start, m_end = m.span()
        if m_start < span[1] and m_end > span[0]:
            continue  # the expression's own words ("pekan lalu")
        distance = span[0] - m_end if m_end <= span[0] else m_start - span[1]
        if best_distance is None or distance < best_distance:
            best = "future" if m.group("future") is not None else "past"
            best_distance = distance
    return best


def resolve_date(
    text: str, published: date | None, language: str, tense: str | None = None
) -> DateMention | None:
    """Resolve one date expression (``"Selasa (10/9)"``, ``"pekan lalu"``, ``"March 20"``).

    ``published`` is the article's publication date; ``tense`` ("past" / "future" /
    None) is the tense of the sentence the expression stands in, used for bare weekdays
    and months. Returns None when ``text`` holds no expression that can be resolved.
    Expressions counted from another date ("keesokan harinya") are counted from
    ``published`` here (flag "anchored_to_published").
    """
    g = grammar(language)
    if g is None:
        return None
    if tense not in (None, "past", "future"):
        raise ValueError(f"tense must be 'past', 'future' or None, not {tense!r}")
    mentions = _resolve_all(g, text, published, lambda span: tense)
    if not mentions:
        return None
    return max(mentions, key=lambda m: m.end - m.start)


def _resolve_all(g: DateGrammar, text: str, published: date | None, tense_of) -> list[DateMention]:
    out: list[DateMention] = []
    for match in _scan(g, text):
        if match.kind == "not_a_date":  # "UU Nomor 30 Tahun 2002", "31 tahun ini"
            continue
        anchored = anchored_offset(g, match.fields)
        if anchored is not None:
            mention = _resolve_anchored(match, anchored, out, published, text)
        else:
            span = (match.start, match.end)
            r = resolve_fields(g, match.fields, published, lambda span=span: tense_of(span))
            mention = (
                DateMention(
                    match.start,
                    match.end,
                    text[match.start : match.end],
                    r.date_start,
                    r.date_end,
                    r.precision,
                    tuple(dict.fromkeys(r.flags)),
                    match.kind,
                )
                if r is not None
                else None
            )
        if mention is not None:
            out.append(mention)
    return _merge_ranges(g, text, out)


def _resolve_anchored(
    match: _Match,
    anchored: tuple[int, str],
    previous: list[DateMention],
    published: date | None,
    text: str,
) -> DateMention | None:
    """ "keesokan harinya", "the previous day": counted from the last day-precise date of
    the text before it, or from publication when there is none."""
    offset, unit = anchored
    base = next(
        (m for m in reversed(previous) if not {"range", "period", "week"} & set(m.flags)),
        None,
    )
    if base is not None:
        anchor, flags = base.date_start, ["anchored"]
        if COARSER[base.precision] > COARSER.get(unit, 0):
            unit = base.precision  # "tahun 2001 ... sebulan kemudian": still only 2001
            if COARSER[base.precision] >= COARSER["month"]:
                offset = 0
    elif published is not None:
        anchor, flags = published, ["anchored", "anchored_to_published"]
    else:
        return None
    r = span_of_unit(shift_unit(anchor, unit, offset), unit, flags)
    return DateMention(
        match.start,
        match.end,
        text[match.start : match.end],
        r.date_start,
        r.date_end,
        r.precision,
        tuple(r.flags),
        match.kind,
    )


def _merge_ranges(g: DateGrammar, text: str, mentions: list[DateMention]) -> list[DateMention]:
    """Join "Senin hingga Rabu", "from March 1 to March 5", "2019-2020" into ranges."""
    if len(mentions) < 2:
        return mentions
    out: list[DateMention] = [mentions[0]]
    for current in mentions[1:]:
        first = out[-1]
        gap = g.range_gap.fullmatch(text, first.end, current.start)
        if gap is None or "range" in first.flags or "period" in first.flags:
            out.append(current)
            continue
        opener = g.range_opener.search(text, max(0, first.start - 20), first.start)
        if norm(gap.group("gap")) in g.gap_needs_opener and opener is None:
            out.append(current)
            continue
        start, end = first.date_start, current.date_end
        if "year_inferred" in first.flags and "year_inferred" not in current.flags:
            # "1 Juli sampai dengan 9 Agustus 2009": the first date takes the second's year
            year = current.date_start.year - (first.date_start.month > current.date_start.month)
            moved = safe_date(year, first.date_start.month, first.date_start.day)
            if moved is not None:
                start = moved
                first = replace(first, flags=tuple(f for f in first.flags if f != "year_inferred"))
        if end < start and first.kind.startswith("weekday") and current.kind == first.kind:
            end += timedelta(weeks=1)  # "Jumat hingga Senin": the Monday after
        if end < start:
            out.append(current)
            continue
        precision = max(first.precision, current.precision, key=COARSER.__getitem__)
        flags = [*first.flags, *(f for f in current.flags if f not in ("until", "since"))]
        span_start = first.start
        if opener is not None:
            span_start = opener.start()
        out[-1] = DateMention(
            span_start,
            current.end,
            text[span_start : current.end],
            start,
            end,
            precision,
            tuple(dict.fromkeys([*flags, "range"])),
            "range",
        )
    return out


# --------------------------------------------------------------------------- documents


def find_dates(doc: Document) -> list[DateMention]:
    """Every resolved date expression of ``doc``, in text order.

    Bare weekdays and months take their direction from the tense of their sentence.
    The result is cached in ``doc.extra["dates"]``.
    """
    cached = doc.extra.get("dates")
    if cached is not None:
        return cached
    g = grammar(doc.language)
    if g is None:
        doc.extra["dates"] = []
        return []
    sentence_of = doc.sentence_of

    def tense_of(span: tuple[int, int]) -> str | None:
        return _nearest_tense(g, doc.text, span, sentence_of(span[0]))

    mentions = _year_from_sentence(doc, _resolve_all(g, doc.text, doc.published, tense_of))
    mentions = _deictic_from_statement(doc, _flag_reporting(doc, g, mentions))
    doc.extra["dates"] = mentions
    return mentions


_GUESSED = frozenset({"year_inferred", "assumed_past", "assumed_future", "no_tense"})
_YEARLESS_KINDS = frozenset({"date", "weekday_date", "weekday_numeric", "month", "part_month"})


_COMMA_BEFORE = re.compile(r",\s*$")
_ONLY_PUNCTUATION = re.compile(r"[\s.,;:!?\"'”’)\]]*")


def _flag_reporting(
    doc: Document, g: DateGrammar, mentions: list[DateMention]
) -> list[DateMention]:
    """Flag "reporting" the dates that tell when a statement was made: right after a
    speech verb ("said Tuesday") or ending the sentence after one (", kata Yusri, Senin
    (16/9/2019).")."""
    out = []
    for m in mentions:
        s, e = doc.sentence_of(m.start)
        cues = list(g.reporting.finditer(doc.text, max(s, m.start - 150), m.start))
        cue = cues[-1] if cues else None  # the last speech verb before the date
        closing = (  # ", kata Yusri di Jakarta, Senin (16/9/2019)." ends the sentence
            m.precision == "day"
            and _COMMA_BEFORE.search(doc.text, max(s, m.start - 4), m.start) is not None
            and _ONLY_PUNCTUATION.fullmatch(doc.text, m.end, max(m.end, e)) is not None
        )
        if cue is not None and (m.start - cue.end() <= 25 or closing):
            m = replace(m, flags=(*m.flags, "reporting"))
        out.append(m)
    return out


def _deictic_from_statement(doc: Document, mentions: list[DateMention]) -> list[DateMention]:
    """ "hari ini" / "kemarin" in a sentence whose statement is dated (", kata Argo, Senin
    (9/9/2019)." in an article of 10 September) count from the day the words were said."""
    if doc.published is None:
        return mentions
    said: dict[int, date] = {}
    for m in mentions:
        if "reporting" in m.flags and m.precision == "day" and m.date_start == m.date_end:
            said[doc.sentence_index(m.start)] = m.date_start
    if not said:
        return mentions
    out = []
    for m in mentions:
        day = said.get(doc.sentence_index(m.start))
        own = "reporting" in m.flags  # "katanya kemarin": the statement date itself
        if (
            m.kind == "deictic"
            and not own
            and day is not None
            and 0 < (doc.published - day).days <= 7
        ):
            shift = day - doc.published
            m = replace(
                m,
                date_start=m.date_start + shift,
                date_end=m.date_end + shift,
                flags=(*m.flags, "from_statement_date"),
            )
        out.append(m)
    return out


def _year_from_sentence(doc: Document, mentions: list[DateMention]) -> list[DateMention]:
    """A month or day without a year takes the year of an explicit date earlier in the
    same sentence ("In 2008, ... in mid-September" -> September 2008)."""
    out: list[DateMention] = []
    last_year: tuple[int, int] | None = None  # (sentence index, year)
    for m in mentions:
        sentence = doc.sentence_index(m.start)
        guessed = _GUESSED & set(m.flags)
        if guessed and m.kind in _YEARLESS_KINDS and last_year and last_year[0] == sentence:
            year = last_year[1]
            start = safe_date(year, m.date_start.month, m.date_start.day)
            end = safe_date(year, m.date_end.month, m.date_end.day)
            if start is not None and end is not None:
                flags = tuple(f for f in m.flags if f not in _GUESSED) + ("year_from_context",)
                m = DateMention(m.start, m.end, m.text, start, end, m.precision, flags, m.kind)
        elif (
            not guessed
            and m.date_start.year == m.date_end.year
            and m.kind
            not in (
                "deictic",
                "anchored",
                "ago",
                "period",
                "period_back",
                "weekend",
                "weekday",
                "weekday_week",
                "part_period",
                "range",
            )
        ):
            last_year = (sentence, m.date_start.year)
        out.append(m)
    return out


def date_for_span(doc: Document, start: int, end: int) -> DateMention | None:
    """The date governing the event told in ``doc.text[start:end]``.

    Looks in the sentence(s) of the span first (a date inside the span, else the nearest
    one in the sentence), then in the previous and next sentences of the same paragraph.
    Expressions flagged "since" or "until" describe a duration, and "reporting" dates
    tell when a statement was made; they are used only when nothing else is there.
    """
    mentions = find_dates(doc)
    if not mentions or not doc.sentences:
        return None
    first = doc.sentence_index(start)
    last = doc.sentence_index(max(start, end - 1))
    paragraph = doc.paragraphs[doc.paragraph_index(start)] if doc.paragraphs else (0, len(doc.text))
    lo, hi = doc.sentences[first][0], doc.sentences[last][1]

    def pick(span_lo: int, span_hi: int) -> DateMention | None:
        inside = [m for m in mentions if m.start >= span_lo and m.end <= span_hi]
        if not inside:
            return None
        good = [m for m in inside if not {"since", "until"} & set(m.flags)] or inside
        good = [m for m in good if "reporting" not in m.flags] or good
        within = [m for m in good if m.start >= start and m.end <= end]
        if within:
            return within[0]
        return min(good, key=lambda m: start - m.end if m.end <= start else m.start - end)

    found = pick(lo, hi)
    if found is not None:
        return found
    for step in (1, 2):
        for index in (first - step, last + step):
            if 0 <= index < len(doc.sentences):
                s, e = doc.sentences[index]
                if s >= paragraph[0] and e <= paragraph[1]:
                    found = pick(s, e)
                    if found is not None:
                        return found
    return None


def dates_table(doc: Document):
    """The date expressions of ``doc`` as a pandas DataFrame (one row per expression)."""
    import pandas as pd

    columns = ["start", "end", "text", "date_start", "date_end", "precision", "flags", "kind"]
    return pd.DataFrame([m.as_dict() for m in find_dates(doc)], columns=columns)
