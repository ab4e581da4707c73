"""Meetings between actors: who met whom, how, where, when, and what did not happen.

Method (rules, precision first; vocabulary in the ``[meetings]`` section of the language
packs, see ``gold/meetings/GUIDELINE.md`` for what counts):

1. One regex pass over the article finds trigger words, one named group per mode
   (``bertemu``, ``kunjungan``, ``KTT``, ``melalui telepon``, ``met``, ``summit`` ...);
   triggers inside non-meeting phrases ("sampai bertemu lagi", "saat ditemui",
   "meet the deadline"), inside event names ("Panitia Pertemuan Nasional ...") and
   restatements ("pertemuan itu", "pertemuan di Policy Exchange tersebut") make no new
   row. Sentences without a trigger are never analysed.
2. Each trigger gets a clause (``meeting_clause``): the sentence cut at subordinators,
   relative pronouns, reporting verbs and strong punctuation; after the trigger the
   object ends at the first comma unless a name in apposition to a title follows, at
   the topic ("terkait ..."), at the place and at a new phrase.
3. Participants (``meeting_parties``) are the actor mentions of the clause plus the
   actors that pronouns, clitics and first-person pronouns in quotations stand for,
   minus affiliations ("Presiden AS Donald Trump"), places, the means ("melalui"),
   possessors, the body that names a summit and unnamed sides (group nouns, long
   common-noun phrases, quantifiers). A clause without a subject takes its relative
   pronoun's antecedent, the quote's speaker or the subject of its sentence (before the
   first verb, or the agent of a passive or a cue). Visits (``meeting_visits``): the
   host, and a foreign destination as counterpart; a domestic visit is no meeting.
4. Status (``meeting_status``) comes from markers in the clause before the trigger, from
   a verb of denial or wish before the complementizer of its clause, or just after a
   nominal trigger; an unmarked event dated after the publication date is planned. The
   date is the expression governing the trigger in its sentence and quotation frame.
5. Triggers of one sentence with the same participants are one event (most specific
   mode wins) unless a word of sequence separates them; restatements add their date and
   place to the event told before instead of making a new row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..actors.references import role_possessor
from ..document import Document, Mention
from .meeting_clause import (
    _anaphoric,
    _anaphoric_np,
    _between_start,
    _clause,
    _counterpart_after_topic,
    _event_name,
    _in_place,
    _object_end,
    _place_end,
    _place_spans,
    _press_clause,
    _reported_event,
    _tail_end,
)
from .meeting_parties import (
    _borrowed_subject,
    _drop_affiliations,
    _drop_causers,
    _drop_far_objects,
    _drop_first_verbs_objects,
    _drop_group_senders,
    _drop_own_bodies,
    _drop_parenthetical,
    _drop_summit_names,
    _join_split_names,
    _means,
    _modifies_group,
    _possessor,
    _postposed_speaker,
    _role_countries,
    _tail_of_other_body,
    _unnamed_counterpart,
)
from .meeting_references import _clitic_reference, _home_role_holders, _references
from .meeting_status import (
    _complement_status,
    _count,
    _date,
    _finish_status,
    _location,
    _marked_status,
    _purpose_object,
    _sequenced_in_future,
)
from .meeting_text import (
    _clause_mentions,
    _first_verb,
    _headline_end,
    _is_place,
    _opens_relative,
    _skip_spaces,
    _type,
)
from .meeting_visits import (
    _clause_places,
    _drop_facilities,
    _drop_visited_places,
    _visit_roles,
    _visited_body,
)
from .meeting_vocab import CAMEO, CAMEO_HOSTING, HAPPENED, MARKED_STATUSES, PLOVER, vocab

try:  # the dates step (branch ``dates``); without it events are undated
    from .dates import find_dates
except ImportError:  # pragma: no cover - only before the dates module exists
    find_dates = None

__all__ = ["extract_meetings", "meetings_table"]

#: "pertemuan itu" refers to an event told at most this many sentences before
_ANAPHORA_REACH = 8


@dataclass
class _Event:
    """One event while it is being built (a row of the ``meetings`` table in the end)."""

    start: int
    end: int
    mode: str
    triggers: list[str]
    sentence: tuple[int, int]
    participants: list[str] = field(default_factory=list)  # actor ids, in text order
    surfaces: dict[str, str] = field(default_factory=dict)
    host_id: str | None = None
    status: str | None = None  # explicit status from a marker; None = unmarked
    count: int | None = None
    location: str | None = None
    date: Any = None  # a DateMention
    hosting: bool = False
    inherited: bool = False
    relative: bool = False  # the clause is a relative one ("Macron, yang ... KTT")
    anchor: int = 0  # where the (first) trigger starts
    nominal: bool = False  # the trigger is a noun ("pertemuan", "KTT", "talks")
    restated_at: list[tuple[int, int]] = field(default_factory=list)  # merged retellings

    @property
    def final_status(self) -> str:
        return self.status or HAPPENED


# --------------------------------------------------------------------------- public API


def extract_meetings(doc: Document) -> list[dict[str, Any]]:
    """Meetings of ``doc``: dicts with the ``meetings`` columns except article_id/meeting_id.

    Needs ``doc.mentions`` (the actors step); returns ``[]`` for languages without a
    ``[meetings]`` section in their pack.
    """
    v = vocab(doc.language) if doc.language else None
    if v is None or not doc.text:
        return []
    text = doc.text
    by_sentence: dict[int, list[re.Match[str]]] = {}
    for index in _candidate_sentences(doc, v):
        s_lo, s_hi = doc.sentences[index]
        found = list(v.trigger.finditer(text, s_lo, s_hi))
        if not found or v.non_political is not None and v.non_political.search(text, s_lo, s_hi):
            continue  # no trigger, or a sports fixture or the afterlife (GUIDELINE §8)
        blocked = (
            [m.span() for m in v.not_trigger.finditer(text, s_lo, s_hi)] if v.not_trigger else []
        )
        kept = [m for m in found if not any(s < m.end() and m.start() < e for s, e in blocked)]
        if kept:
            by_sentence[index] = kept
    if not by_sentence or _offtopic(doc, v):
        return []
    events: list[_Event] = []
    for index in sorted(by_sentence):
        sentence = doc.sentences[index]
        events.extend(_sentence_events(doc, v, sentence, by_sentence[index], events))
    kept = _merge_article(doc, events)
    _headline_cancellation(doc, v, kept)
    return [_row(doc, e) for e in kept]


def _headline_cancellation(doc: Document, v, events: list[_Event]) -> None:
    """ "Gubernur Batalkan Kunjungan ke Luar Negeri": a title that tells a visit (a meeting
    ...) was called off makes the body's planned event of that mode cancelled (the body
    often still tells the plan: "ia akan berkunjung ke Romania")."""
    pattern = v.statuses.get("cancelled")
    if not doc.title or pattern is None:
        return
    for m in v.trigger.finditer(doc.title):
        before = doc.title[max(0, m.start() - 30) : m.start()]
        if not pattern.search(before):
            continue
        for e in events:
            if e.final_status == "planned" and e.mode == m.lastgroup:
                e.status = "cancelled"


def _offtopic(doc: Document, v) -> bool:
    """A sports, celebrity or lifestyle story (the paper's section, when the corpus has
    one) whose title tells no meeting: its trigger words tell fixtures, film plots and
    private life, not meetings (GUIDELINE §8 non_political)."""
    section = doc.extra.get("section")
    if not isinstance(section, str) or section.strip().lower() not in v.offtopic_sections:
        return False
    return not (doc.title and v.trigger.search(doc.title))


def _candidate_sentences(doc: Document, v) -> list[int]:
    """Indices of the sentences holding an anchor word (one Aho-Corasick pass), or of
    every sentence when the pack has no anchors or lower-casing changes the length."""
    if not doc.sentences:
        return []
    lowered = doc.text.lower()
    if v.anchors is None or len(lowered) != len(doc.text):
        return list(range(len(doc.sentences)))
    return sorted({doc.sentence_index(end) for end, _ in v.anchors.iter(lowered)})


def meetings_table(doc: Document):
    """The meetings of one document as a pandas DataFrame (the ``meetings`` schema)."""
    from ..schema import conform

    return conform("meetings", [{"article_id": doc.article_id, **r} for r in extract_meetings(doc)])


# --------------------------------------------------------------------------- one sentence


def _sentence_events(doc, v, sentence, matches, earlier: list[_Event]) -> list[_Event]:
    events: list[_Event] = []
    for m in matches:
        mode = m.lastgroup or v.modes[-1]
        t_start, t_end = m.span()
        word_end = m.end(mode) if m.lastgroup else t_end
        clitic = (word_end, t_end) if t_end > word_end else None  # "menemuinya"
        demonstrative = bool(v.anaphora and _anaphoric(v, doc.text, t_start, t_end))
        if (
            demonstrative
            or _anaphoric_np(v, doc.text, t_start, t_end, sentence)
            or _reported_event(v, doc.text, t_start, t_end, sentence)
        ):
            told = _enrich_antecedent(doc, v, earlier + events, mode, t_start, t_end)
            latent = None if told or not demonstrative else _latent_event(doc, v, mode, m)
            if latent is not None:
                events.append(latent)
            continue
        if _event_name(doc.text, t_start, t_end, sentence):
            continue
        if _habitual(v, doc.text, sentence, t_start):
            continue
        if events and _adverbial_of(doc, v, events[-1], t_start, t_end):
            _fold_adverbial(doc, v, events[-1], mode, t_start, t_end)
            continue
        event = _event_for_trigger(doc, v, sentence, mode, t_start, t_end, clitic)
        if len(event.participants) < 2 and events and _may_inherit(v, doc.text, event, events[-1]):
            _inherit(event, events[-1])
        if len(event.participants) < 2:
            continue
        target = next((e for e in events if _same_event(e, event, v, doc.text)), None)
        if target is None:
            events.append(event)
        else:
            _absorb(v, target, event)
    for event in events:
        _finish_status(doc, event)
    return events


def _adverbial_of(doc, v, previous: _Event, t_start: int, t_end: int) -> bool:
    """Is the trigger a place adverbial of the trigger before it in its clause ("bisa
    bertemu di sela-sela sidang Majelis Umum PBB", "met on the sidelines of the
    summit")? Such a phrase tells how that event took place, not another event."""
    text = doc.text
    first = text[t_start:t_end].split()[0]
    if v.at_place is None or not v.at_place.match(first + " "):
        return False
    if not previous.start <= previous.anchor < t_start <= previous.end + 1:
        return False
    return not v.clause_break.search(text, previous.anchor, t_start)


def _fold_adverbial(doc, v, event: _Event, mode: str, t_start: int, t_end: int) -> None:
    """Give ``event`` the mode of its adverbial trigger and drop the body that names the
    summit or session ("PBB" of "sidang Majelis Umum PBB") from its participants."""
    if v.mode_rank(mode) < v.mode_rank(event.mode):
        event.mode = mode
    event.triggers.append(doc.text[t_start:t_end])
    named = {
        m.actor_id
        for m in _clause_mentions(doc, t_end, event.end)
        if _type(doc, m.actor_id) in ("organisation", "group")
    }
    kept = [pid for pid in event.participants if pid not in named]
    if len(kept) >= 2:
        event.participants = kept


def _predicate_start(doc, v, t_end: int, hi: int) -> int:
    """Where the first word with a verb prefix of ``predicate_prefixes`` ("menjamin",
    "dibahas", "berlangsung"; not the adjectives "tertutup", "terakhir") starts after a
    nominal trigger, else ``hi``."""
    if v.predicate_prefix is None:
        return hi

    def predicate(word: str) -> bool:  # not "bersama", a preposition with a verb's prefix
        joiner = v.joiners is not None and v.joiners.fullmatch(word)
        return not joiner and bool(v.predicate_prefix.match(word))

    return _first_verb(doc, t_end, hi, predicate)


_PAIR_AFTER_MODIFIERS = re.compile(r"(?:\s+[a-z][\w]*){1,2}\s+(?=[A-Z])")


def _modified_pair(doc, v, t_end: int, hi: int) -> int | None:
    """Where a pair of actors ("AS-China", "China dan AS") starts after one or two
    lower-case topic words following a nominal trigger ("perundingan dagang AS-China",
    "pertemuan tingkat tinggi China dan AS"), else None. The topic words are no
    preposition or joiner ("pertemuan tertutup dengan Prabowo" is told the usual way)."""
    gap = _PAIR_AFTER_MODIFIERS.match(doc.text, t_end, hi)
    if gap is None:
        return None
    for word in doc.text[t_end : gap.end()].split():
        if any(
            p is not None and p.fullmatch(word)
            for p in (v.joiners, v.object_marker, v.between, v.list_marker)
        ) or (v.place_word is not None and v.place_word.match(word + " ")):
            return None
    return gap.end() if len(_pair_chain(doc, v, gap.end(), hi)) >= 2 else None


def _name_after_noun(v, text: str, t_end: int) -> int | None:
    """Where a capitalised name starts right after a nominal trigger, or after its
    genitive word ("meeting of the Swiss People's Party"), else None."""
    pos = _skip_spaces(text, t_end)
    if v.genitive is not None and (of := v.genitive.match(text, t_end)) is not None:
        pos = of.end()
    return pos if text[pos : pos + 1].isupper() else None


def _pair_chain(doc, v, pos: int, hi: int) -> list[Mention]:
    """The mentions joined by hyphens or joiners from ``pos`` on ("AS-China",
    "Rusia-Turki-Iran", "China dan AS")."""
    text = doc.text
    chain: list[Mention] = []
    for m in _clause_mentions(doc, pos, hi):
        if m.start != pos:
            break
        chain.append(m)
        if text[m.end : m.end + 1] in ("-", "–"):
            pos = m.end + 1
            continue
        joiner = _JOINER_AFTER.match(text, m.end)
        if joiner is None or v.joiners is None or not v.joiners.fullmatch(joiner.group(1)):
            break
        pos = joiner.end()
    return chain


_JOINER_AFTER = re.compile(r"\s+([\w&]+)\s+")


def _listed_members(doc, v, sentence, lo: int, t_end: int) -> list[Mention]:
    """ "Tokoh yang telah mengunjungi Habibie antara lain Presiden Joko Widodo, Wakil
    Presiden Jusuf Kalla, dan SBY": in a relative clause whose head names no one, the
    people and bodies a list marker introduces after the trigger are that head."""
    text = doc.text
    if v.list_marker is None or not _opens_relative(v, text, sentence, lo):
        return []
    marker = v.list_marker.search(text, t_end, sentence[1])
    if marker is None:
        return []
    return [
        m
        for m in _clause_mentions(doc, marker.end(), sentence[1])
        if _type(doc, m.actor_id) in ("person", "organisation")
    ]


def _reported_future(v, text: str, sentence, t_start: int) -> bool:
    """ "Trump announced on Wednesday he would meet with ...": the future of the past
    right before the trigger, in a clause a reporting verb governs, with no condition in
    the sentence."""
    if v.reported_future is None:
        return False
    if v.condition is not None and v.condition.search(text, sentence[0], sentence[1]):
        return False
    before = text[max(sentence[0], t_start - 120) : t_start]
    return v.reported_future.search(before) is not None


def _habitual(v, text: str, sentence, t_start: int) -> bool:
    """A habit, not one event ("sudah sering bertemu", "kerap melakukan kunjungan kerja",
    "often meet"): GUIDELINE §8 generic. Counted meetings ("39 kali") keep their row."""
    if v.habitual is None:
        return False
    lo = max(sentence[0], t_start - 40)
    return bool(v.habitual.search(text, lo, t_start)) and not (
        v.count is not None and v.count.search(text, t_start, sentence[1])
    )


def _event_for_trigger(doc, v, sentence, mode, t_start, t_end, clitic=None) -> _Event:
    text = doc.text
    lo, hi_full = _clause(doc, v, sentence, t_start, t_end)
    object_end = _object_end(v, text, t_end, hi_full)
    hi = object_end
    hi = _place_end(doc, v, t_end, hi)
    hi = _tail_end(doc, v, t_end, hi)
    trigger_text = text[t_start : clitic[0] if clitic else t_end]  # without its clitic
    event = _Event(lo, hi, mode, [trigger_text], sentence)
    if mode in ("phone", "virtual") and _press_clause(doc, v, sentence, lo, t_start):
        return event  # "kata X kepada wartawan, melalui telepon": how the quote was got
    event.relative = _opens_relative(v, text, sentence, lo)
    event.anchor = t_start
    event.hosting = bool(v.hosting and v.hosting.fullmatch(trigger_text))
    nominal = bool(v.nominal and v.nominal.fullmatch(trigger_text)) and not (
        v.verb_before_nominal and v.verb_before_nominal.search(text, max(lo, t_start - 12), t_start)
    )
    after_between = _between_start(doc, v, t_end, hi_full, nominal)
    event.nominal = nominal
    if nominal:
        # a verb after a nominal trigger opens the predicate, its names are no sides
        # ("Pompeo dalam percakapan telepon menjamin AS ...", "pertemuan itu membahas ...")
        hi = _predicate_start(doc, v, t_end, hi)
    pair_at = _modified_pair(doc, v, t_end, hi) if nominal else None
    if after_between is not None:
        mentions = _clause_mentions(doc, after_between, hi_full)
    elif pair_at is not None:
        # "perundingan dagang AS-China", "pembicaraan nuklir AS-Korut": the sides are the
        # pair after the noun and its topic word, and nothing after it
        mentions = _pair_chain(doc, v, pair_at, hi)
        after_between = pair_at
    elif nominal and (named_at := _name_after_noun(v, text, t_end)) is not None:
        # "pertemuan Firli dengan TGB", "pertemuan Fraksi Gerindra", "a meeting of the
        # Swiss People's Party": a name right after the noun (or its "of"); the
        # participants follow it (one name alone: a body's own meeting)
        mentions = _clause_mentions(doc, named_at, hi)
        after_between = named_at
    else:
        mentions = _clause_mentions(doc, lo, hi)
    mentions = [m for m in mentions if not (m.start < t_end and t_start < m.end)]
    if nominal and after_between is None:
        # "pertemuan terkait penanganan pencemaran ... dengan Ombudsman RI"
        side = _counterpart_after_topic(doc, v, object_end, hi_full)
        if side is not None:
            mentions += _clause_mentions(doc, *side)
    if mode == "visit" and (body := _visited_body(doc, v, t_end, hi)) is not None:
        mentions = sorted([*mentions, body], key=lambda m: m.start)
    mentions = _drop_parenthetical(doc.text, mentions)
    mentions = _join_split_names(doc, mentions)
    mentions = [m for m in mentions if not _means(v, text, lo, m)]
    mentions = [m for m in mentions if not _postposed_speaker(v, text, t_end, m)]
    possessors = [m for m in mentions if role_possessor(doc, m)]
    mentions = [m for m in mentions if m not in possessors]
    mentions = [m for m in mentions if not _tail_of_other_body(doc, v, m)]
    mentions = [m for m in mentions if not _possessor(text, m, t_start)]
    if mode == "summit":
        mentions = _drop_summit_names(doc, v, mentions, t_end, hi)
    spans = _place_spans(doc, v, t_end, hi_full)
    places = [m for m in mentions if _is_place(doc, v, m) or _in_place(doc, m, spans)]
    people = [m for m in mentions if m not in places and not _modifies_group(doc, v, m)]
    people = _drop_affiliations(doc, v, people, t_start, t_end)
    people = _drop_far_objects(doc, people, t_end)
    if after_between is None:
        people += _references(doc, v, lo, hi, people, t_end)
        people += _home_role_holders(doc, v, lo, hi, people)
        possessor = nominal and any(
            m.start < t_start and _type(doc, m.actor_id) == "person" for m in people
        )
        if clitic is not None and not possessor:
            # ("Mike Pompeo, dalam kunjungannya ke Arab Saudi": "-nya" is the person the
            # clause names before the noun, already a side)
            people += _clitic_reference(doc, clitic, t_start, nominal)
        if not any(m.start >= t_end for m in people):
            people += _role_countries(doc, v, t_end, hi)
    people.sort(key=lambda m: m.start)
    people = _drop_group_senders(doc, v, people, t_start)
    if not nominal:
        people = _drop_causers(doc, v, people, t_start)
        people = _drop_first_verbs_objects(doc, v, people, lo, t_start)
    unnamed_subject = False
    if v.causative and v.causative.fullmatch(trigger_text):
        # "BIN mempertemukan tokoh Papua dengan Presiden": the objects meet each other;
        # who brings them together is no side
        people = [m for m in people if m.start >= t_end]
    elif after_between is None and not any(m.start < t_start for m in people):
        # "Putra Sulung Presiden Joko Widodo (Jokowi) bertemu ...": the subject is the
        # unnamed son, not a subject borrowed from elsewhere
        own_subject = any(m.end <= t_start for m in possessors)
        subject = (
            None
            if own_subject
            else _borrowed_subject(doc, v, sentence, lo, hi_full, t_start, people)
        )
        listed = [] if subject is not None else _listed_members(doc, v, sentence, lo, t_end)
        if subject is not None:
            people.insert(0, subject)
        elif listed and any(m.start >= t_end for m in people):
            people = sorted({m.start: m for m in people + listed}.values(), key=lambda m: m.start)
        else:
            # "Wali Kota melanjutkan pertemuan dengan Sesmenko Polhukam Agus Suwandono",
            # "When I met with Mr. VandeHei and Mr. Allen": the names after the trigger
            # are one side; the subject, the other side, is unnamed ("setelah berkunjung
            # ke Saudi serta UEA": the visitor is unnamed, the places are no pair)
            people, unnamed_subject = [], True
    people = _drop_own_bodies(doc, people)
    if len({m.actor_id for m in people if _type(doc, m.actor_id) == "person"}) >= 2:
        # two people meet: the organisations and countries around them are their
        # affiliations or the topic ("Imam bertemu Dedi Mulyadi ... depan kantor BNI")
        people = [m for m in people if _type(doc, m.actor_id) == "person"]
    if mode == "visit":
        people = _drop_facilities(doc, v, people, t_end)
        people = _drop_visited_places(doc, v, people, t_end)
    for m in people:
        if m.actor_id not in event.surfaces and not _short_form_of(doc, m, people):
            event.participants.append(m.actor_id)
            event.surfaces[m.actor_id] = m.surface
    if _unnamed_counterpart(doc, v, people, t_end, hi):
        event.participants.clear()  # "bertemu dengan warga": the other side is unnamed
        return event
    if mode == "visit" and not unnamed_subject:
        places += _clause_places(doc, v, lo, hi, places)
        _visit_roles(doc, v, event, people, places, t_start, t_end)
    # markers after the trigger only for nouns ("pertemuan yang akan digelar",
    # "pertemuan itu dibatalkan"); after a verb they belong to the next clause
    event.status = _marked_status(v, text, lo, t_start, t_end, sentence[1] if nominal else t_end)
    if event.status is None and _sequenced_in_future(v, text, sentence, lo, hi_full):
        event.status = "planned"
    if event.status is None and nominal and _purpose_object(doc, v, lo, t_start):
        event.status = "hypothetical"
    governing = _complement_status(v, text, sentence, lo)
    if governing is not None and (
        event.status is None
        or MARKED_STATUSES.index(governing) < MARKED_STATUSES.index(event.status)
    ):
        event.status = governing
    if event.status == "hypothetical" and _reported_future(v, text, sentence, t_start):
        event.status = "planned"  # "announced he would meet with the NRA"
    cancel = v.cancelled_later
    if event.status == "planned" and cancel is not None and cancel.search(text, hi, sentence[1]):
        # "akan menjamu Taliban ... sebelum tiba-tiba membatalkannya": a plan called off
        event.status = "cancelled"
    event.count = _count(v, text, lo, hi)
    brk = v.clause_break.search(text, t_end, sentence[1])
    place_hi = brk.start() if brk else sentence[1]  # a place may follow commas
    event.location = (
        event.location or _location(doc, v, t_end, place_hi) or _location(doc, v, lo, t_start)
    )
    if event.count is None:
        event.date = _date(doc, v, lo, hi_full, t_start, t_end)
    return event


def _short_form_of(doc, m, people) -> bool:
    """ "He met Ali" after "Muhammad Ali" (the pronoun resolved to him, "Ali" to an actor of
    its own): a person whose whole name is the last words of another side's name is that
    side named short, not a second person (a pronoun cannot be its own verb's object)."""
    if _type(doc, m.actor_id) != "person":
        return False
    short = (doc.actor_name(m.actor_id) or m.surface).split()
    for other in people:
        if other.actor_id == m.actor_id or _type(doc, other.actor_id) != "person":
            continue
        full = (doc.actor_name(other.actor_id) or other.surface).split()
        if len(full) > len(short) and full[-len(short) :] == short:
            return True
        if (
            other.start < m.start
            and len(full) == len(short) >= 3
            and full[-2:] == short[-2:]
            and full[0] != short[0]
        ):
            return True  # "Bali Wayan Koster" and "I Wayan Koster": one person, a word
    return False  # of the title taken into the name once


# --------------------------------------------------------------------------- merging


def _may_inherit(v, text: str, event: _Event, previous: _Event) -> bool:
    """May a clause without its own participants take those of the event before it? Not
    a relative clause (its subject is its antecedent), and not a noun after a word of
    sequence ("sebelum pertemuan puncak berikutnya": another event, maybe of others); a
    verb shares the subject of its sentence ("Keduanya sepakat ... setelah bertemu")."""
    if event.relative:
        return False
    if event.nominal and v.sequence is not None:
        return not v.sequence.search(text, previous.anchor, event.anchor)
    return True


def _inherit(event: _Event, previous: _Event) -> None:
    """A clause without its own participants ("terakhir pada September saat pertemuan
    puncak") takes those of the event told before it in the sentence."""
    if not set(event.participants) <= set(previous.participants):
        return
    for pid in previous.participants:
        if pid not in event.participants:
            event.participants.append(pid)
            event.surfaces[pid] = previous.surfaces[pid]
    event.host_id = event.host_id or previous.host_id
    event.inherited = True


def _same_event(a: _Event, b: _Event, v=None, text: str = "") -> bool:
    """Can the later trigger ``b`` of a sentence be folded into event ``a``? Same
    participants; ``b`` unmarked or with the same status ("akan bertemu …, kunjungan
    pertamanya": one planned event); a marked ``b`` after an unmarked ``a`` is a separate
    event ("berbicara melalui telepon untuk menyerukan pembicaraan damai"); a word of
    sequence between them tells two events ("sepakat melanjutkan perundingan setelah
    bertemu di Panmunjom")."""
    if set(a.participants) != set(b.participants):
        return False
    if v is not None and v.sequence is not None and v.sequence.search(text, a.anchor, b.anchor):
        return False
    if b.status is not None and b.status != a.status:
        return False
    if (a.count is None) != (b.count is None) or a.count != b.count and a.count and b.count:
        return False
    if a.date is not None and b.date is not None:
        return (a.date.date_start, a.date.date_end) == (b.date.date_start, b.date.date_end)
    return not (b.inherited and b.date is not None)


def _absorb(v, target: _Event, other: _Event) -> None:
    if v.mode_rank(other.mode) < v.mode_rank(target.mode):
        target.mode = other.mode
        target.hosting = other.hosting
        target.host_id = other.host_id or target.host_id
    else:
        target.host_id = target.host_id or other.host_id
    target.triggers += other.triggers
    target.start, target.end = min(target.start, other.start), max(target.end, other.end)
    target.status = target.status or other.status
    target.count = target.count or other.count
    target.location = target.location or other.location
    target.date = target.date or other.date


def _enrich_antecedent(doc, v, events: list[_Event], mode, t_start, t_end) -> bool:
    """ "Kunjungan itu akan berlangsung dari Senin hingga Rabu": give the earlier event the
    date (when finer or missing) and place that its restatement adds. False when no event
    was told close enough before to be the one referred to."""
    if not events:
        return False
    target = next((e for e in reversed(events) if e.mode == mode), events[-1])
    if doc.sentence_index(target.start) < doc.sentence_index(t_start) - _ANAPHORA_REACH:
        return False
    lo, hi = _clause(doc, v, doc.sentence_of(t_start), t_start, t_end)
    target.location = target.location or _location(doc, v, t_end, hi)
    if target.count is not None:
        return True
    goal = v.purpose_word.search(doc.text, t_end, hi) if v.purpose_word else None
    hi = goal.start() if goal else hi  # "dimaksudkan untuk mengundang JK ... pada November"
    d = _date(doc, v, lo, hi, t_start, t_end)
    if d is None or not (lo <= d.start and d.end <= hi):
        return True  # a date outside the restatement's own clause tells of something else
    old = target.date
    if old is None or (old.date_start <= d.date_start and d.date_end <= old.date_end and d != old):
        target.date = d
        if doc.published is not None and target.status in (None, "planned"):
            if d.date_start > doc.published:
                target.status = "planned"
    return True


#: how many sentences before a demonstrative meeting noun its unnamed gathering may be told
_LATENT_REACH = 2


def _latent_event(doc, v, mode: str, noun: re.Match[str]) -> _Event | None:
    """ "Presiden Jokowi mengundang Buya Syafii Maarif ke Istana ... Dalam pertemuan itu,
    ...": a demonstrative meeting noun with no meeting told before it refers to the
    gathering one of the two sentences before tells without a trigger word (the pack's
    ``latent_triggers``: "mengundang", "menggelar rapat antara"). The event is
    that clause's sides, told at the noun (GUIDELINE: a meeting first told without a
    trigger word is annotated at its first trigger); the noun's clause gives its status
    (an invitation referred to as "the meeting" took place), date and place first."""
    if v.latent_trigger is None:
        return None
    text = doc.text
    t_start, t_end = noun.span()
    here = doc.sentence_index(t_start)
    for index in range(here - 1, max(-1, here - 1 - _LATENT_REACH), -1):
        sentence = doc.sentences[index]
        if v.trigger.search(text, sentence[0], t_start):
            return None  # a meeting told with a trigger word is the one referred to
        for found in reversed(list(v.latent_trigger.finditer(text, *sentence))):
            told = _event_for_trigger(doc, v, sentence, mode, *found.span())
            if len(told.participants) >= 2:
                return _told_at_noun(doc, v, told, mode, t_start, t_end)
    return None


def _told_at_noun(doc, v, told: _Event, mode: str, t_start: int, t_end: int) -> _Event:
    """The latent gathering ``told`` as an event of the demonstrative noun's clause: its
    sides, date and place, with the markers around the noun ("pertemuan itu batal")."""
    text = doc.text
    sentence = doc.sentence_of(t_start)
    lo, hi = _clause(doc, v, sentence, t_start, t_end)
    hi = _object_end(v, text, t_end, hi)
    event = _Event(lo, hi, mode, [text[t_start:t_end]], sentence)
    event.anchor, event.nominal = t_start, True
    event.participants, event.surfaces, event.host_id = (
        told.participants,
        told.surfaces,
        told.host_id,
    )
    event.status = _marked_status(v, text, lo, t_start, t_end, hi)
    if event.status is None and told.status in ("planned", "negated", "cancelled"):
        event.status = told.status
    event.date = told.date or _date(doc, v, lo, hi, t_start, t_end)
    event.location = told.location or _location(doc, v, t_end, hi)
    return event


def _merge_article(doc, events: list[_Event]) -> list[_Event]:
    """Drop restatements of an event told earlier in the article: same participants and
    status, and undated or dated within the earlier event's dates (the "pertemuan empat
    mata" on Monday of a visit planned from Monday to Wednesday)."""
    kept: list[_Event] = []
    headline = _headline_end(doc)
    for e in events:
        if e.count is None:
            twin = next((k for k in kept if _restates(k, e)), None)
            if twin is not None and twin.start < headline <= e.start:
                # the headline announces what the body tells: the body's sentence is the
                # event's evidence, with the headline's date and place when it has none
                e.location = e.location or twin.location
                e.date = e.date or twin.date
                e.restated_at += [(twin.start, twin.end), *twin.restated_at]
                kept[kept.index(twin)] = e
                continue
            if twin is not None:
                twin.restated_at += [(e.start, e.end), *e.restated_at]
                twin.location = twin.location or e.location
                if twin.date is None and doc.paragraph_index(twin.start) == doc.paragraph_index(
                    e.start
                ):
                    twin.date = e.date  # a restatement far away may tell another event
                continue
        kept.append(e)
    return kept


def _restates(earlier: _Event, later: _Event) -> bool:
    """Does ``later`` tell again (some sides of) ``earlier``: its sides among the earlier
    ones ("pertemuan dengan Putin" after the Rouhani-Putin-Erdogan summit), same status,
    a compatible place and date?"""
    if earlier.count is not None or not set(later.participants) <= set(earlier.participants):
        return False
    if earlier.final_status != later.final_status:
        return False
    if earlier.location and later.location:
        a, b = earlier.location.lower(), later.location.lower()
        if a not in b and b not in a:
            return False  # "di Hanoi" then "di desa Panmunjom": two meetings
    if later.date is None or earlier.date is None:
        return True
    return (
        earlier.date.date_start <= later.date.date_start
        and later.date.date_end <= earlier.date.date_end
    )


# --------------------------------------------------------------------------- helpers


def _row(doc: Document, e: _Event) -> dict[str, Any]:
    d = e.date
    s_lo, s_hi = e.sentence
    mode = e.mode
    cameo = CAMEO_HOSTING if mode == "visit" and e.hosting else CAMEO.get(mode)
    return {
        "participants": [doc.actor_name(pid) or e.surfaces.get(pid) for pid in e.participants],
        "participant_ids": list(e.participants),
        "mode": mode,
        "status": e.final_status,
        "date_start": d.date_start if d is not None else None,
        "date_end": d.date_end if d is not None else None,
        "date_precision": d.precision if d is not None else None,
        "location": e.location,
        "count": e.count,
        "start": e.start,
        "end": e.end,
        "evidence": doc.text[s_lo:s_hi],
        "host": doc.actor_name(e.host_id) if e.host_id else None,
        "host_id": e.host_id,
        "cameo": cameo,
        "plover_mode": PLOVER.get(mode),
        "trigger": " + ".join(e.triggers),
        "date_flags": ",".join(d.flags) if d is not None and d.flags else None,
        "restated_at": ";".join(f"{a}:{b}" for a, b in sorted(e.restated_at)) or None,
    }
