"""The calendar arithmetic of the date resolver: one match's named groups -> an interval.

Kept apart from the scanning (``dates.py``) and the grammar (``date_grammar.py``): the
functions here see only the groups a pattern captured (``day``, ``month``, ``weekday``,
``shift``, ``count``, ``unit``, ...), the pack's word tables, the publication date and,
when an expression has no direction of its own, the tense of its sentence.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from .date_grammar import DateGrammar, norm

Fields = dict[str, str | None]
TenseOf = Callable[[], str | None]

#: precisions from the finest to the coarsest
COARSER = {"day": 0, "month": 1, "year": 2}


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


@dataclass
class Resolved:
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


def span_of_unit(anchor: date, unit: str, flags: list[str]) -> Resolved:
    """The calendar week, month or year containing ``anchor`` (or the day itself)."""
    if unit == "week":
        start = week_start(anchor)
        return Resolved(start, start + timedelta(days=6), "day", [*flags, "week"])
    if unit == "month":
        return Resolved(anchor.replace(day=1), month_end(anchor.year, anchor.month), "month", flags)
    if unit == "year":
        return Resolved(date(anchor.year, 1, 1), date(anchor.year, 12, 31), "year", flags)
    return Resolved(anchor, anchor, "day", flags)


def shift_unit(published: date, unit: str, n: int) -> date:
    if unit == "day":
        return published + timedelta(days=n)
    if unit == "week":
        return published + timedelta(weeks=n)
    if unit == "month":
        y, m = add_months(published.year, published.month, n)
        return date(y, m, min(published.day, calendar.monthrange(y, m)[1]))
    return safe_date(published.year + n, published.month, published.day) or date(
        published.year + n, published.month, 28
    )


def _apply_part(r: Resolved, part: str | None, published: date) -> Resolved:
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


def resolve_fields(
    g: DateGrammar, fields: Fields, published: date | None, tense_of: TenseOf
) -> Resolved | None:
    """The interval meant by one match, or None when it cannot be placed."""
    flags: list[str] = []
    pre = fields.get("pre")
    if pre and g.prepositions.get(norm(pre)):
        flags.append(g.prepositions[norm(pre)])
    if fields.get("day") and fields.get("month"):
        return _explicit_day(g, fields, published, tense_of, flags)
    if fields.get("month"):
        return _month(g, fields, published, tense_of, flags)
    if fields.get("year"):  # a year alone ("pada 2019", "awal 2020")
        year = int(fields["year"])
        r = Resolved(date(year, 1, 1), date(year, 12, 31), "year", flags)
        return _apply_part(r, _part(g, fields), published)
    if published is None:
        return None
    if fields.get("weekday"):
        return _weekday(g, fields, published, tense_of, flags)
    if fields.get("deictic"):
        offset = g.deictic.get(norm(fields["deictic"]))
        if offset is None:
            return None
        day = published + timedelta(days=offset)
        return Resolved(day, day, "day", flags)
    if fields.get("_kind") == "weekend":
        return _weekend(g, fields, published, tense_of, flags)
    return _relative(g, fields, published, flags)


def _part(g: DateGrammar, fields: Fields) -> str | None:
    return g.parts.get(norm(fields["part"])) if fields.get("part") else None


def _shift(g: DateGrammar, fields: Fields, key: str = "shift") -> int | None:
    return g.shifts.get(norm(fields[key])) if fields.get(key) else None


def _explicit_day(
    g: DateGrammar, fields: Fields, published: date | None, tense_of: TenseOf, flags: list[str]
) -> Resolved | None:
    """ "Selasa (10/9/2019)", "24 Mei", "March 20, 2019", "13-14 September 2019"."""
    day, month = int(fields["day"]), _month_of(g, fields["month"])
    if month is None or not 1 <= month <= 12:
        return None
    year_raw = fields.get("year")
    if fields.get("year_shift") and published is not None:
        year_raw = str(published.year + (_shift(g, fields, "year_shift") or 0))
    if year_raw:
        start = safe_date(int(year_raw) + (2000 if len(year_raw) == 2 else 0), month, day)
    elif published is None:
        return None
    else:
        start = _closest_year(published, month, day, tense_of)
        flags.append("year_inferred")
    if start is None:
        return None
    end = start
    if fields.get("day2"):
        end = safe_date(start.year, start.month, int(fields["day2"]))
        if end is None or end < start:
            return None
        flags.append("range")
    weekday = g.weekdays.get(norm(fields["weekday"])) if fields.get("weekday") else None
    if weekday is not None and start.isoweekday() != weekday:
        flags.append("weekday_mismatch")
    return Resolved(start, end, "day", flags)


def _month(
    g: DateGrammar, fields: Fields, published: date | None, tense_of: TenseOf, flags: list[str]
) -> Resolved | None:
    """ "Maret 2019", "Februari tahun lalu", "Juli lalu", "pada bulan Desember",
    "September-Oktober"."""
    month = _month_of(g, fields["month"])
    shift = _shift(g, fields)
    if month is None:
        return None
    if fields.get("year"):
        year = int(fields["year"])
    elif published is None:
        return None
    elif fields.get("year_shift"):
        year = published.year + (_shift(g, fields, "year_shift") or 0)
    else:
        year = published.year
        if shift is None:  # a bare month: before or after publication by the tense
            direction = _direction(tense_of(), flags)
            if direction < 0 and month > published.month:
                year -= 1
            elif direction > 0 and month < published.month:
                year += 1
        elif shift < 0 and month >= published.month:  # "Juli lalu"
            year -= 1
        elif shift > 0 and month <= published.month:  # "Oktober mendatang"
            year += 1
    r = Resolved(date(year, month, 1), month_end(year, month), "month", flags)
    if fields.get("month2"):  # "September-Desember", "January to March"
        month2 = _month_of(g, fields["month2"])
        if month2 is None:
            return None
        end_year = year + (month2 < month)
        if fields.get("year"):  # the year written is the end's: "Desember-Februari 2020"
            year, end_year = year - (month2 < month), year
            r.date_start = date(year, month, 1)
        r.date_end = month_end(end_year, month2)
        r.flags.append("range")
    return _apply_part(r, _part(g, fields), published)


def _weekday(
    g: DateGrammar, fields: Fields, published: date, tense_of: TenseOf, flags: list[str]
) -> Resolved:
    """ "Kamis", "Senin lalu", "Jumat ini", "next Tuesday", "Senin pekan depan"."""
    weekday = g.weekdays[norm(fields["weekday"])]
    today = published.isoweekday()
    shift = _shift(g, fields)
    if fields.get("week_shift"):  # "Senin pekan depan", "Monday next week"
        week = _shift(g, fields, "week_shift") or 0
        day = week_start(published) + timedelta(weeks=week, days=weekday - 1)
    elif shift == 0:  # "Jumat ini", "this Tuesday": this week's, or the coming one
        day = week_start(published) + timedelta(days=weekday - 1)
        if day < published and tense_of() != "past":
            day += timedelta(weeks=1)
    elif shift is not None and shift < 0:  # "Senin lalu", "last Monday"
        day = published - timedelta(days=(today - weekday) % 7 or 7)
        if g.last_weekday_previous_week and day >= week_start(published):
            day -= timedelta(weeks=1)  # "last Monday" said on a Wednesday
    elif shift is not None:  # "Senin depan", "next Monday"
        day = published + timedelta(days=(weekday - today) % 7 or 7)
    elif weekday == today:  # "Jumat" in an article of a Friday
        day = published
    elif _direction(tense_of(), flags) < 0:
        day = published - timedelta(days=(today - weekday) % 7)
    else:
        day = published + timedelta(days=(weekday - today) % 7)
    return Resolved(day, day, "day", flags)


def _weekend(
    g: DateGrammar, fields: Fields, published: date, tense_of: TenseOf, flags: list[str]
) -> Resolved:
    """Saturday and Sunday of this, the last or the next week ("akhir pekan lalu")."""
    shift = _shift(g, fields)
    if shift is None:
        if published.isoweekday() >= 6:
            shift = 0
        else:
            shift = -1 if _direction(tense_of(), flags) < 0 else 0
    saturday = week_start(published) + timedelta(weeks=shift, days=5)
    return Resolved(saturday, saturday + timedelta(days=1), "day", [*flags, "range"])


def _relative(g: DateGrammar, fields: Fields, published: date, flags: list[str]) -> Resolved | None:
    """Counted from publication: "dua hari lalu", "sepekan terakhir", "enam bulan ke
    depan", "pekan lalu", "awal bulan depan"."""
    number, unit = _count(g, fields)
    if fields.get("back"):  # a period that ends at publication
        if not number or unit is None:
            return None
        start = shift_unit(published, unit, -number)
        return Resolved(start, published, "day", [*flags, "range", "period"])
    if fields.get("forward"):  # a period that starts at publication
        if not number or unit is None:
            return None
        end = shift_unit(published, unit, number)
        return Resolved(published, end, "day", [*flags, "range", "period"])
    if fields.get("direction"):  # N units ago / from now
        if not number or unit is None:
            return None
        sign = g.directions.get(norm(fields["direction"]), -1)
        return span_of_unit(shift_unit(published, unit, sign * number), unit, flags)
    shift = _shift(g, fields)
    if unit is not None and shift is not None:  # this, the last or the next week/month/year
        r = span_of_unit(shift_unit(published, unit, shift), unit, flags)
        return _apply_part(r, _part(g, fields), published)
    return None


def _closest_year(
    published: date, month: int, day: int, tense_of: Callable[[], str | None]
) -> date | None:
    """The year of "10/9" or "March 20": the candidate nearest publication, unless the
    tense of the sentence points the other way by more than a month."""
    candidates = [
        d
        for y in (published.year - 1, published.year, published.year + 1)
        if (d := safe_date(y, month, day)) is not None
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


def anchored_offset(g: DateGrammar, fields: dict[str, str | None]) -> tuple[int, str] | None:
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
