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

import calendar
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from ..document import Document
from .date_grammar import DateGrammar, grammar, norm

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


# --------------------------------------------------------------------------- calendar helpers


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def _week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# --------------------------------------------------------------------------- resolution


@dataclass
class _Resolved:
    date_start: date
    date_end: date
    precision: str
    flags: list[str]


def _direction(tense: str | None, flags: list[str]) -> int:
    """-1 (past) or +1 (future) for an expression without a direction of its own."""
    if tense == "future":
        flags.append("assumed_future")
        return 1
    flags.append("assumed_past")
    if tense is None:
        flags.append("no_tense")
    return -1


def _count(g: DateGrammar, fields: dict[str, str | None]) -> tuple[int | None, str | None]:
    """The (number, unit) of "dua hari", "3 pekan", "sepekan", "a week"."""
    if fields.get("one_unit"):
        return 1, g.one_unit.get(norm(fields["one_unit"]))
    if fields.get("unit1"):
        return 1, g.units.get(norm(fields["unit1"]))
    raw = fields.get("count")
    unit = g.units.get(norm(fields["unit"])) if fields.get("unit") else None
    if raw is None:
        return None, unit
    number = int(raw) if raw.isdigit() else g.numbers.get(norm(raw))
    return (number or None), unit  # 0 stands for vague words ("beberapa", "several")


def _month_of(g: DateGrammar, raw: str) -> int | None:
    if raw.isdigit():
        return int(raw)
    return g.months.get(norm(raw).rstrip("."))


def _span_of_unit(anchor: date, unit: str, flags: list[str]) -> _Resolved:
    """The calendar week, month or year containing ``anchor`` (or the day itself)."""
    if unit == "week":
        start = _week_start(anchor)
        return _Resolved(start, start + timedelta(days=6), "day", [*flags, "week"])
    if unit == "month":
        return _Resolved(
            anchor.replace(day=1), _month_end(anchor.year, anchor.month), "month", flags
        )
    if unit == "year":
        return _Resolved(date(anchor.year, 1, 1), date(anchor.year, 12, 31), "year", flags)
    return _Resolved(anchor, anchor, "day", flags)


def _shift_unit(published: date, unit: str, n: int) -> date:
    if unit == "day":
        return published + timedelta(days=n)
    if unit == "week":
        return published + timedelta(weeks=n)
    if unit == "month":
        y, m = _add_months(published.year, published.month, n)
        return date(y, m, min(published.day, calendar.monthrange(y, m)[1]))
    return _safe_date(published.year + n, published.month, published.day) or date(
        published.year + n, published.month, 28
    )


def _apply_part(r: _Resolved, part: str | None, published: date) -> _Resolved:
    """Early / mid / late keep the whole interval and add a flag; earlier / later cut it
    at the publication date ("earlier this month")."""
    if not part:
        return r
    if part == "earlier" and r.date_start <= published <= r.date_end:
        r.date_end = published
    elif part == "later" and r.date_start <= published <= r.date_end:
        r.date_start = published
    r.flags.append(part)
    return r


def _resolve_fields(
    g: DateGrammar,
    fields: dict[str, str | None],
    published: date | None,
    tense_of: Callable[[], str | None],
) -> _Resolved | None:
    """Interval meant by one match, given its named groups."""
    flags: list[str] = []
    pre = fields.get("pre")
    if pre:
        flag = g.prepositions.get(norm(pre), "")
        if flag:
            flags.append(flag)
    part = g.parts.get(norm(fields["part"])) if fields.get("part") else None
    weekday = g.weekdays.get(norm(fields["weekday"])) if fields.get("weekday") else None
    shift = g.shifts.get(norm(fields["shift"])) if fields.get("shift") else None

    # explicit day, month (and year)
    if fields.get("day") and fields.get("month"):
        day, month = int(fields["day"]), _month_of(g, fields["month"])
        if month is None or not 1 <= month <= 12:
            return None
        year_raw = fields.get("year")
        if fields.get("year_shift") and published is not None:
            year_raw = str(published.year + g.shifts.get(norm(fields["year_shift"]), 0))
        if year_raw:
            year = int(year_raw) + (2000 if len(year_raw) == 2 else 0)
            start = _safe_date(year, month, day)
        else:
            if published is None:
                return None
            start = _closest_year(published, month, day, tense_of)
            flags.append("year_inferred")
        if start is None:
            return None
        end = start
        if fields.get("day2"):
            end = _safe_date(start.year, start.month, int(fields["day2"]))
            if end is None or end < start:
                return None
            flags.append("range")
        if weekday is not None and start.isoweekday() != weekday:
            flags.append("weekday_mismatch")
        return _Resolved(start, end, "day", flags)

    # month with a year, a year shift or a shift ("Maret 2019", "Februari tahun lalu")
    if fields.get("month"):
        month = _month_of(g, fields["month"])
        if month is None:
            return None
        if fields.get("year"):
            year = int(fields["year"])
        elif published is None:
            return None
        elif fields.get("year_shift"):
            year = published.year + g.shifts.get(norm(fields["year_shift"]), 0)
        elif shift is not None:
            year = published.year
            if shift < 0 and month >= published.month:
                year -= 1
            elif shift > 0 and month <= published.month:
                year += 1
        else:
            year = published.year
            direction = _direction(tense_of(), flags)
            if direction < 0 and month > published.month:
                year -= 1
            elif direction > 0 and month < published.month:
                year += 1
        r = _Resolved(date(year, month, 1), _month_end(year, month), "month", flags)
        if fields.get("month2"):  # "September-Desember", "January to March"
            month2 = _month_of(g, fields["month2"])
            if month2 is None:
                return None
            end_year = year + (month2 < month)
            if fields.get("year"):  # the year written is the end's: "Desember-Februari 2020"
                year, end_year = year - (month2 < month), year
                r.date_start = date(year, month, 1)
            r.date_end = _month_end(end_year, month2)
            r.flags.append("range")
        return _apply_part(r, part, published) if published else r

    # a year alone ("pada 2019", "awal 2020")
    if fields.get("year"):
        year = int(fields["year"])
        r = _Resolved(date(year, 1, 1), date(year, 12, 31), "year", flags)
        return _apply_part(r, part, published) if published else r

    if published is None:
        return None

    # weekday of a shifted week ("Senin pekan depan", "Monday next week")
    if weekday is not None and fields.get("week_shift"):
        week = g.shifts.get(norm(fields["week_shift"]), 0)
        day = _week_start(published) + timedelta(weeks=week, days=weekday - 1)
        return _Resolved(day, day, "day", flags)

    # weekday, with or without its own direction ("Kamis", "Senin lalu", "next Tuesday")
    if weekday is not None:
        today = published.isoweekday()
        if shift == 0:  # "Jumat ini", "this Tuesday": this week's, or the coming one
            day = _week_start(published) + timedelta(days=weekday - 1)
            if day < published and tense_of() != "past":
                day += timedelta(weeks=1)
        elif shift is not None:
            if shift < 0:
                back = (today - weekday) % 7 or 7
                day = published - timedelta(days=back)
                if g.last_weekday_previous_week and day >= _week_start(published):
                    day -= timedelta(weeks=1)  # "last Monday" said on a Wednesday
            else:
                ahead = (weekday - today) % 7 or 7
                day = published + timedelta(days=ahead)
        elif weekday == today:
            day = published
        elif _direction(tense_of(), flags) < 0:
            day = published - timedelta(days=(today - weekday) % 7)
        else:
            day = published + timedelta(days=(weekday - today) % 7)
        return _Resolved(day, day, "day", flags)

    if fields.get("deictic"):
        offset = g.deictic.get(norm(fields["deictic"]))
        if offset is None:
            return None
        day = published + timedelta(days=offset)
        return _Resolved(day, day, "day", flags)

    # the weekend: Saturday and Sunday of this, the last or the next week
    if fields.get("_kind") == "weekend":
        if shift is None:
            shift = (
                0
                if published.isoweekday() >= 6
                else (-1 if _direction(tense_of(), flags) < 0 else 0)
            )
        saturday = _week_start(published) + timedelta(weeks=shift, days=5)
        return _Resolved(saturday, saturday + timedelta(days=1), "day", [*flags, "range"])

    number, unit = _count(g, fields)

    # a period that ends at publication ("sepekan terakhir", "the past two weeks")
    if fields.get("back"):
        if not number or unit is None:
            return None
        start = _shift_unit(published, unit, -number)
        return _Resolved(start, published, "day", [*flags, "range", "period"])

    # a period that starts at publication ("enam bulan ke depan", "the next two weeks")
    if fields.get("forward"):
        if not number or unit is None:
            return None
        end = _shift_unit(published, unit, number)
        return _Resolved(published, end, "day", [*flags, "range", "period"])

    # N units ago / from now ("dua hari lalu", "three weeks ago", "dua pekan lagi")
    if fields.get("direction"):
        if not number or unit is None:
            return None
        sign = g.directions.get(norm(fields["direction"]), -1)
        return _span_of_unit(_shift_unit(published, unit, sign * number), unit, flags)

    # the current, last or next week/month/year ("pekan lalu", "awal bulan depan")
    if fields.get("unit") and shift is not None:
        if unit is None:
            return None
        r = _span_of_unit(_shift_unit(published, unit, shift), unit, flags)
        return _apply_part(r, part, published)
    return None


def _closest_year(
    published: date, month: int, day: int, tense_of: Callable[[], str | None]
) -> date | None:
    """The year of "10/9" or "March 20": the candidate nearest publication, unless the
    tense of the sentence points the other way by more than a month."""
    candidates = [
        d
        for y in (published.year - 1, published.year, published.year + 1)
        if (d := _safe_date(y, month, day)) is not None
    ]
    if not candidates:
        return None
    best = min(candidates, key=lambda d: abs((d - published).days))
    distance = (best - published).days
    tense = tense_of() if abs(distance) > 31 else None
    if tense == "past" and distance > 31:
        earlier = [d for d in candidates if d <= published]
        best = max(earlier) if earlier else best
    elif tense == "future" and distance < -31:
        later = [d for d in candidates if d >= published]
        best = min(later) if later else best
    return best


def _anchored_offset(g: DateGrammar, fields: dict[str, str | None]) -> tuple[int, str] | None:
    """(offset, unit) of an expression counted from another date of the article."""
    if fields.get("anchored"):
        offset = g.anchored.get(norm(fields["anchored"]))
        return (offset, "day") if offset is not None else None
    if fields.get("anchored_dir"):
        number, unit = _count(g, fields)
        if not number or unit is None:
            return None
        return g.anchored_dir.get(norm(fields["anchored_dir"]), 1) * number, unit
    return None


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
        anchored = _anchored_offset(g, match.fields)
        if anchored is not None:
            mention = _resolve_anchored(match, anchored, out, published, text)
        else:
            span = (match.start, match.end)
            r = _resolve_fields(g, match.fields, published, lambda span=span: tense_of(span))
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
        if _COARSER[base.precision] > _COARSER.get(unit, 0):
            unit = base.precision  # "tahun 2001 ... sebulan kemudian": still only 2001
            if _COARSER[base.precision] >= _COARSER["month"]:
                offset = 0
    elif published is not None:
        anchor, flags = published, ["anchored", "anchored_to_published"]
    else:
        return None
    r = _span_of_unit(_shift_unit(anchor, unit, offset), unit, flags)
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


_COARSER = {"day": 0, "month": 1, "year": 2}


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
            moved = _safe_date(year, first.date_start.month, first.date_start.day)
            if moved is not None:
                start = moved
                first = replace(first, flags=tuple(f for f in first.flags if f != "year_inferred"))
        if end < start and first.kind.startswith("weekday") and current.kind == first.kind:
            end += timedelta(weeks=1)  # "Jumat hingga Senin": the Monday after
        if end < start:
            out.append(current)
            continue
        precision = max(first.precision, current.precision, key=_COARSER.__getitem__)
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
    doc.extra["dates"] = mentions
    return mentions


_GUESSED = frozenset({"year_inferred", "assumed_past", "assumed_future", "no_tense"})
_YEARLESS_KINDS = frozenset({"date", "weekday_date", "weekday_numeric", "month", "part_month"})


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
            start = _safe_date(year, m.date_start.month, m.date_start.day)
            end = _safe_date(year, m.date_end.month, m.date_end.day)
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
    Expressions flagged "since" or "until" describe a duration, not the event, and are
    used only when nothing else is there.
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
