"""Status, count, place and date of a meeting (GUIDELINE §3, §5-7): the markers that
govern the trigger, counted meetings, the place after "di"/"in", the governing date."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..actors.quoted import quotation_around
from .meeting_clause import _fronted
from .meeting_text import _WORD, _WORD_BEFORE, _clause_mentions, _clause_start, _type
from .meeting_vocab import MARKED_STATUSES

try:  # the dates step; without it events are undated
    from .dates import DateMention, find_dates
except ImportError:  # pragma: no cover - only before the dates module exists
    find_dates = None

if TYPE_CHECKING:  # annotations only: the event being built
    from .meetings import _Event


def _marked_status(v, text, lo, t_start, t_end, hi) -> str | None:
    """The status markers in scope of a trigger, by precedence; None when unmarked. A
    trigger right after a purpose word ("mengundang para pemimpin Taliban dan Presiden
    Ghani untuk bertemu", "invited him to meet") is governed by the whole clause before
    it: an invitation, a wish or a plan far from the trigger still scopes over it."""
    words = list(_WORD.finditer(text, lo, t_start))
    if not (words and v.purpose_word and v.purpose_word.fullmatch(words[-1].group(0))):
        window = v.window
        if words and v.coordinator and v.coordinator.fullmatch(words[-1].group(0)):
            # "has no plans to either address the conference or meet with Sanders": a
            # marker before the first of two coordinated verbs governs the second too
            window += _COORDINATED_EXTRA
        words = words[-window:]
    before = text[words[0].start() : t_start] if words else ""
    negation_text = before
    if v.negation_exceptions:
        negation_text = v.negation_exceptions.sub(" ", before)
    after = text[t_end : min(hi, t_end + 90)]
    for status in MARKED_STATUSES:
        pattern = v.statuses.get(status)
        scope = negation_text if status == "negated" else before
        if pattern is not None and pattern.search(scope):
            return status
        if status == "cancelled" and v.cancelled_after and v.cancelled_after.search(after):
            return status
        if status == "negated" and v.negated_after and v.negated_after.search(after):
            return status
        if status == "planned" and v.planned_after and v.planned_after.search(after):
            return status
        if status == "requested" and v.requested_after and v.requested_after.search(after):
            return status  # "Pertemuan Trump-Rouhani digagas oleh Macron": proposed
    return None


#: words added to the status window when the trigger is the second of two coordinated verbs
_COORDINATED_EXTRA = 4


def _complement_status(v, text: str, sentence, lo: int) -> str | None:
    """ "membantah bahwa dirinya bertemu X", "denied that he met X", "berharap bahwa X
    akan menemuinya": a verb of denial or wish right before the complementizer that
    opens the trigger's clause governs it."""
    if v.complementizer is None:
        return None
    m = _COMPLEMENT_BEFORE.search(text, max(sentence[0], lo - 40), lo)
    if m is None or not v.complementizer.fullmatch(m.group(2)):
        return None
    verb = m.group(1)
    for status in ("negated", "refused", "hypothetical"):
        pattern = v.statuses.get(status)
        if pattern is not None and pattern.fullmatch(verb):
            return status
    return None


_COMPLEMENT_BEFORE = re.compile(r"([\w-]+),?\s+([\w-]+)\s*$")


def _sequenced_in_future(v, text: str, sentence, lo: int, hi: int) -> bool:
    """ "Prabowo akan mengumumkan keputusannya setelah bertemu Jokowi", "Setelah bertemu
    Jokowi, Prabowo akan mengumumkan ...", "will decide after meeting Putin": a meeting
    that comes before or after something the clause it is attached to plans is itself
    still ahead. The attached clause is the one before the subordinator (from the last
    clause break), or, for a fronted subordinate clause, the main clause after its comma
    (up to the next clause break)."""
    if v.sequence is None or v.future is None:
        return False
    opener = _WORD_BEFORE.search(text, max(sentence[0], lo - 20), lo)
    if opener is None or not v.sequence.fullmatch(opener.group(1)):
        return False
    if _fronted(v, text, sentence, lo):
        if text[hi : hi + 1] != ",":
            return False
        found = v.clause_break.search(text, hi + 1, sentence[1])
        host = text[hi : found.start() if found else sentence[1]]
    else:
        host = text[_clause_start(v, text, sentence[0], opener.start()) : opener.start()]
    return bool(v.future.search(host))


def _purpose_object(doc, v, lo, t_start) -> bool:
    """ "untuk membantu mengamankan pertemuan dengan X": a nominal trigger that is the
    object of one to three verbs after a purpose word is a goal, not an event (but not
    "untuk bertemu dengan Putin, kunjungan ...", where the verb is itself a trigger)."""
    if v.purpose is None:
        return False
    m = v.purpose.search(doc.text, max(lo, t_start - 60), t_start)
    if m is None:
        return False
    s, e = m.span(1)
    return not v.trigger.search(doc.text, s, e) and not _clause_mentions(doc, s, e)


def _count(v, text, lo, hi) -> int | None:
    if v.count is None:
        return None
    m = v.count.search(text, lo, hi)
    if m is None:
        return None
    raw = m.group(1).lower()
    return int(raw) if raw.isdigit() else v.numbers.get(re.sub(r"\s+", " ", raw))


def _location(doc, v, lo, hi) -> str | None:
    """ "di Istana Negara, Jakarta" / "in Hanoi": a capitalised place after a location word,
    not a person and not a date."""
    if v.location is None or hi <= lo:
        return None
    dates = doc.extra.get("dates") or []
    for m in v.location.finditer(doc.text, lo, hi):
        s, e = m.span(1)
        if any(d.start < e and s < d.end for d in dates):
            continue
        if any(_type(doc, x.actor_id) == "person" for x in _clause_mentions(doc, s, e)):
            continue
        return m.group(1).rstrip(".,")
    return None


def _date(doc, v, lo, hi, t_start, t_end):
    """The date governing the trigger: a date expression of its sentence in the same
    quotation frame (a date after `"...," kata X` tells when X spoke, not when the event
    quoted took place), in the trigger's clause if there is one, else the nearest; not
    one telling a duration ("sejak 2014"). Neighbouring sentences date an event only
    through a restatement ("Pertemuan itu berlangsung Senin", see ``_enrich_antecedent``).
    """
    if find_dates is None:
        return None
    s_lo, s_hi = doc.sentence_of(t_start)
    frame = quotation_around(doc, t_start)
    text = doc.text
    candidates = [
        d
        for d in find_dates(doc)
        if s_lo <= d.start
        and d.end <= s_hi
        and not {"since", "until"} & set(d.flags)
        and not (v.since and v.since.search(text, max(s_lo, d.start - 40), d.start))
        and quotation_around(doc, d.start) == frame
    ]
    if not candidates:
        return _today(doc, v, lo, t_start)
    in_clause = [d for d in candidates if lo <= d.start and d.end <= hi]
    pool = in_clause or candidates
    # a statement's day before the trigger ("announcing on Wednesday he would meet") dates
    # the statement, not the event; one closing the sentence after it may date both, and
    # a month or a year near a speech verb is no statement's date ("bermula pada 2008")
    pool = [d for d in pool if "reporting" not in d.flags] or [
        d for d in pool if d.start > t_end or d.precision != "day"
    ]
    if not pool:
        return None
    return min(pool, key=lambda d: t_start - d.end if d.end <= t_start else d.start - t_end)


def _today(doc, v, lo: int, t_start: int):
    """ "Song Tao pagi tadi juga menemui Presiden", "Koster saat ini sedang berada di
    Jakarta bertemu ...": a word of the present day in the trigger's clause before the
    trigger (after it, it tells of something else: "pertemuan ... yang saat ini menjadi
    isu"), with no date expression in the sentence, dates the event on the publication
    day."""
    if v.today is None or doc.published is None:
        return None
    m = v.today.search(doc.text, lo, t_start)
    if m is None:
        return None
    day = doc.published
    return DateMention(m.start(), m.end(), m.group(0), day, day, "day", ("today",), "today")


def _finish_status(doc, event: _Event) -> None:
    """An unmarked event dated after publication is planned."""
    if event.status is None and event.date is not None and doc.published is not None:
        if event.date.date_start > doc.published:
            event.status = "planned"
