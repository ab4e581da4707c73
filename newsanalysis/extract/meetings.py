"""Meetings between actors: who met whom, how, where, when, and what did not happen.

Method (rules, precision first; vocabulary in the ``[meetings]`` section of the language
packs, see ``gold/meetings/GUIDELINE.md`` for what counts):

1. One regex pass over the article finds trigger words, one named group per mode
   (``bertemu``, ``kunjungan``, ``KTT``, ``melalui telepon``, ``met``, ``summit`` ...);
   triggers inside non-meeting phrases ("sampai bertemu lagi", "saat ditemui",
   "meet the deadline") are dropped. Sentences without a trigger are never analysed.
2. Each trigger gets a clause: the sentence cut at subordinators, reporting verbs and
   strong punctuation; after the trigger the clause ends at the first comma unless an
   apposition (a name) follows.
3. Participants are the actor mentions of the clause (from the actors step), plus the
   actors that pronouns and plural references ("keduanya", "the two leaders") resolve to
   (``resolve_reference``). A country or organisation right next to a person is that
   person's affiliation ("Presiden AS Donald Trump"), not a participant; a country after
   "di"/"ke"/"in" is a place. A clause without a subject takes the sentence's subject.
   A visit to a foreign place has the visited country as counterpart unless someone of
   that country is named in the sentence (then that person is the host).
4. Status comes from markers in the clause just before the trigger (negation, modality,
   cancellation, refusal, request; precedence in ``MARKED_STATUSES``) or just after a
   nominal trigger ("pertemuan itu dibatalkan"); an unmarked event dated after the
   publication date is planned.
5. Triggers of one sentence with the same participants are one event (most specific
   mode wins); "pertemuan itu" / "the meeting" adds its date and place to the event told
   before and is not a new row; an undated restatement of an earlier event of the
   article (same participants and status) is not a new row either.

Dates come from the dates step (``date_for_span``); expressions of duration ("sejak",
"since") do not date an event, and counted events ("39 kali") have no date.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from ..actors import resolve_reference
from ..actors.quoted import quotation_around, quote_speaker
from ..actors.references import person_before
from ..document import Document, Mention
from .meeting_vocab import CAMEO, CAMEO_HOSTING, HAPPENED, MARKED_STATUSES, PLOVER, vocab

try:  # the dates step (branch ``dates``); without it events are undated
    from .dates import find_dates
except ImportError:  # pragma: no cover - only before the dates module exists
    find_dates = None

__all__ = ["extract_meetings", "meetings_table"]

_WORD = re.compile(r"\S+")
_QUOTE = re.compile(r"[\"“”]")
#: an affiliation (country / organisation) at most this many characters from a person
_AFFILIATION_GAP = 25
#: a hosting verb needs its object after at most this many lower-case words ("menjamu
#: diplomat top China Wang Yi"); "hosting a competing event after a feud with" has more
_OBJECT_GAP = 3
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
        if not found:
            continue
        blocked = (
            [m.span() for m in v.not_trigger.finditer(text, s_lo, s_hi)] if v.not_trigger else []
        )
        kept = [m for m in found if not any(s < m.end() and m.start() < e for s, e in blocked)]
        if kept:
            by_sentence[index] = kept
    if not by_sentence:
        return []
    events: list[_Event] = []
    for index in sorted(by_sentence):
        sentence = doc.sentences[index]
        events.extend(_sentence_events(doc, v, sentence, by_sentence[index], events))
    return [_row(doc, e) for e in _merge_article(doc, events)]


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
        if (
            v.anaphora
            and _anaphoric(v, doc.text, t_start, t_end)
            or _anaphoric_np(v, doc.text, t_start, t_end, sentence)
        ):
            _enrich_antecedent(doc, v, earlier + events, mode, t_start, t_end)
            continue
        if _event_name(doc.text, t_start, t_end, sentence):
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


def _event_for_trigger(doc, v, sentence, mode, t_start, t_end, clitic=None) -> _Event:
    text = doc.text
    lo, hi_full = _clause(doc, v, sentence, t_start, t_end)
    hi = _object_end(v, text, t_end, hi_full)
    hi = _place_end(doc, v, t_end, hi)
    hi = _tail_end(doc, v, t_end, hi)
    trigger_text = text[t_start : clitic[0] if clitic else t_end]  # without its clitic
    event = _Event(lo, hi, mode, [trigger_text], sentence)
    if mode in ("phone", "virtual") and _press_clause(v, text, sentence, lo, t_start):
        return event  # "kata X kepada wartawan, melalui telepon": how the quote was got
    event.relative = _opens_relative(v, text, sentence, lo)
    event.anchor = t_start
    event.hosting = bool(v.hosting and v.hosting.fullmatch(trigger_text))
    after_between = _between_start(v, text, t_end, hi_full)
    nominal = bool(v.nominal and v.nominal.fullmatch(trigger_text))
    event.nominal = nominal
    if after_between is not None:
        mentions = _clause_mentions(doc, after_between, hi_full)
    elif nominal and text[_skip_spaces(text, t_end) : _skip_spaces(text, t_end) + 1].isupper():
        # "pertemuan Firli dengan TGB", "pertemuan Fraksi Gerindra": a name right after
        # the noun; the participants follow it (one name alone: a body's own meeting)
        mentions = _clause_mentions(doc, t_end, hi)
        after_between = t_end
    else:
        mentions = _clause_mentions(doc, lo, hi)
    mentions = [m for m in mentions if not (m.start < t_end and t_start < m.end)]
    mentions = _drop_parenthetical(doc.text, mentions)
    mentions = _join_split_names(doc, mentions)
    mentions = [m for m in mentions if not _means(v, text, lo, m)]
    mentions = [m for m in mentions if not _possessor(text, m, t_start)]
    if mode == "summit":
        mentions = _drop_summit_names(doc, v, mentions, t_end, hi)
    spans = _place_spans(doc, v, t_end, hi_full)
    places = [m for m in mentions if _is_place(doc, v, m) or _in_place(doc, m, spans)]
    people = [m for m in mentions if m not in places]
    people = _drop_affiliations(doc, v, people, t_start, t_end)
    people = _drop_far_objects(doc, people, t_end)
    if after_between is None:
        people += _references(doc, v, lo, hi, people)
        if clitic is not None:
            people += _clitic_reference(doc, clitic, t_start, nominal)
        if not any(m.start >= t_end for m in people):
            people += _role_countries(doc, v, t_end, hi)
    people.sort(key=lambda m: m.start)
    people = _drop_group_senders(doc, v, people, t_start)
    if not nominal:
        people = _drop_causers(doc, v, people, t_start)
    if after_between is None and not any(m.start < t_start for m in people):
        subject = _borrowed_subject(doc, v, sentence, lo, hi_full, t_start, people)
        if subject is not None:
            people.insert(0, subject)
    if sum(1 for m in people if _type(doc, m.actor_id) == "person") >= 2:
        # two people meet: the organisations and countries around them are their
        # affiliations or the topic ("Imam bertemu Dedi Mulyadi ... depan kantor BNI")
        people = [m for m in people if _type(doc, m.actor_id) == "person"]
    for m in people:
        if m.actor_id not in event.surfaces:
            event.participants.append(m.actor_id)
            event.surfaces[m.actor_id] = m.surface
    if _unnamed_counterpart(doc, v, people, t_end, hi):
        event.participants.clear()  # "bertemu dengan warga": the other side is unnamed
        return event
    if mode == "visit":
        places += _clause_places(doc, v, lo, hi, places)
        _visit_roles(doc, v, event, people, places, t_start, t_end)
    # markers after the trigger only for nouns ("pertemuan yang akan digelar",
    # "pertemuan itu dibatalkan"); after a verb they belong to the next clause
    event.status = _marked_status(v, text, lo, t_start, t_end, sentence[1] if nominal else t_end)
    if event.status is None and nominal and _purpose_object(doc, v, lo, t_start):
        event.status = "hypothetical"
    governing = _complement_status(v, text, sentence, lo)
    if governing is not None and (
        event.status is None
        or MARKED_STATUSES.index(governing) < MARKED_STATUSES.index(event.status)
    ):
        event.status = governing
    event.count = _count(v, text, lo, hi)
    brk = v.clause_break.search(text, t_end, sentence[1])
    place_hi = brk.start() if brk else sentence[1]  # a place may follow commas
    event.location = (
        event.location or _location(doc, v, t_end, place_hi) or _location(doc, v, lo, t_start)
    )
    if event.count is None:
        event.date = _date(doc, v, lo, hi_full, t_start, t_end)
    return event


def _tail_end(doc, v, t_end, hi) -> int:
    """After the first name following the trigger, a run of three lower-case words starts
    a new phrase (purpose, complement): "bertemu Presiden Jokowi menyerahkan surat
    pengunduran diri ... KONI oleh KPK" ends before "menyerahkan". The first person
    counts before other names ("pertemuan di 10 Downing Street bersama pembantu-pembantu
    terdekat Perdana Menteri Boris Johnson")."""
    after = [m for m in _clause_mentions(doc, t_end, hi) if not _is_place(doc, v, m)]
    people = [m for m in after if _type(doc, m.actor_id) == "person"]
    first = people[0] if people else next(iter(after), None)
    if first is None:
        return hi
    m = _LOWER_RUN.search(doc.text, first.end, hi)
    return m.start() if m else hi


_LOWER_RUN = re.compile(r"(?<![\w-])[a-z][\w-]*\s+[a-z][\w-]*\s+[a-z][\w-]*(?![\w-])")


def _place_end(doc, v, t_end, hi) -> int:
    """After a named object, "di <Place>" / "in <Place>" starts the place of the meeting:
    names after it are the place ("menemui KH Ma'ruf Amin di kediaman Ma'ruf, ...,
    Jakarta Pusat"), not participants."""
    if v.at_place is None:
        return hi
    text = doc.text
    for m in _PLACE_WORD.finditer(text, t_end, hi):
        if v.at_place.search(text, m.start(), m.end()) and _clause_mentions(doc, t_end, m.start()):
            return m.start()
    return hi


_PLACE_WORD = re.compile(r"(?<![\w-])\w+\s+")


def _place_spans(doc, v, t_end: int, hi: int) -> list[tuple[int, int]]:
    """The places after the trigger: "di" / "in" and the capitalised words after it, with
    the names after commas that go on naming it ("di Jalan Taman Jatibaru, Tanah Abang,
    Jakarta Pusat")."""
    if v.at_place is None or v.location is None:
        return []
    out = []
    for m in v.location.finditer(doc.text, t_end, hi):
        word = doc.text[m.start() : m.start(1)].strip()
        if v.at_place.search(word + " "):
            out.append(m.span(1))
    return out


def _in_place(doc, m: Mention, spans: list[tuple[int, int]]) -> bool:
    """A name inside a place phrase ("di Jalan Taman Jatibaru, Tanah Abang", "di RSPAD
    Gatot Soebroto"): part of the place, not a party."""
    return any(s <= m.start and m.end <= e for s, e in spans)


def _drop_parenthetical(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "Bank Sentral Eropa (European Central Bank/ECB)": the name in brackets right after
    another name is the same actor, whatever id it got."""
    out: list[Mention] = []
    for m in mentions:
        if out:
            gap = text[out[-1].end : m.start]
            if len(gap) <= 40 and gap.count("(") > gap.count(")"):
                continue
        out.append(m)
    return out


def _object_end(v, text, t_end, hi) -> int:
    """After the trigger, the participants end where the topic or a relative clause
    begins ("bertemu Jokowi terkait revisi UU KPK")."""
    if v.object_breaks is not None:
        m = v.object_breaks.search(text, t_end, hi)
        if m:
            hi = m.start()
    return hi


def _clause(doc, v, sentence, t_start, t_end) -> tuple[int, int]:
    """The clause of a trigger: cut at breaks; after the trigger, at the first comma
    unless the name in apposition to a title follows it: no name came yet and a
    capitalised word follows ("bertemu Wakil Presiden terpilih, KH Ma'ruf Amin"), or a
    title phrase with only its organisation or country came and a person's name follows
    ("menemui Ketua DPC PDIP Solo, FX Hadi Rudyatmo"); but "kunjungan Erdogan, Kepala
    Rostec ..." ends at the comma."""
    text = doc.text
    s_lo, s_hi = sentence
    lo = s_lo
    for b in v.clause_break.finditer(text, s_lo, t_start):
        lo = b.end()
    if _opens_relative(v, text, sentence, lo):
        comma = text.find(",", lo, t_start)
        if comma >= 0:  # "Prabowo, yang tidak hadir kemarin, bertemu Jokowi": the
            lo = comma + 1  # relative clause closed before the trigger
    b = v.clause_break.search(text, t_end, s_hi)
    hi = b.start() if b else s_hi
    pos = t_end
    while True:
        comma = text.find(",", pos, hi)
        if comma < 0:
            break
        nxt = _skip_spaces(text, comma + 1)
        if nxt >= hi or not text[nxt].isupper():
            hi = comma
            break
        before = _clause_mentions(doc, t_end, comma)
        if before and not _title_apposition(doc, v, t_end, before, nxt):
            hi = comma
            break
        pos = nxt
    return lo, hi


def _title_apposition(doc, v, t_end: int, before: list[Mention], nxt: int) -> bool:
    """Is the name at ``nxt`` (after a comma) in apposition to a title phrase that opens
    the object ("dengan Presiden Amerika Serikat (AS), Donald Trump")?"""
    if any(_type(doc, m.actor_id) == "person" and m.method != "role" for m in before):
        return False
    following = _mention_starting_at(doc, nxt)
    if following is None or _type(doc, following.actor_id) != "person":
        return False
    text = doc.text
    pos = _skip_spaces(text, t_end)
    marker = v.object_marker.match(text, pos) if v.object_marker is not None else None
    if marker is not None:
        pos = _skip_spaces(text, marker.end())
    if any(m.start == pos and m.method == "role" for m in before):
        return True
    word = _TITLE_WORD.match(text, pos)
    info = doc.extra.get("actors")
    lex = info.get("lexicon") if isinstance(info, dict) else None
    return bool(word and lex is not None and word.group(0).lower() in lex.title_words)


def _between_start(v, text, t_end, hi) -> int | None:
    """Where "antara X dan Y" / "between X and Y" right after a nominal trigger starts."""
    if v.between is None:
        return None
    m = v.between.search(text, t_end, min(hi, t_end + 40))
    if m and len(text[t_end : m.start()].split()) <= 3:
        return m.end()
    return None


def _anaphoric_np(v, text: str, t_start: int, t_end: int, sentence) -> bool:
    """ "pertemuan di Policy Exchange tersebut", "acara pertemuan Anggota Legislatif Fraksi
    Partai Demokrat itu": a nominal trigger whose phrase (names, places) ends with a
    demonstrative is a later mention of an event told before."""
    if v.demonstrative is None or v.nominal is None or not v.nominal.fullmatch(text[t_start:t_end]):
        return False
    m = _NOUN_PHRASE.match(text, t_end, min(sentence[1], t_end + 90))
    if m is None:
        return False
    words = m.group(0).split()
    for i, word in enumerate(words):
        if v.demonstrative.fullmatch(word.strip(",.")):
            return i > 0  # "pertemuan itu" itself is the plain anaphora
        if not (word[:1].isupper() or word[:1].isdigit() or word in _PHRASE_GLUE):
            return False
    return False


#: words that may stand inside a noun phrase of names and places ("di", "dan")
_PHRASE_GLUE = frozenset({"di", "dan", "ke", "dengan", "antara", "&", "in", "and", "with"})
_NOUN_PHRASE = re.compile(r"(?:\s+[^\s]+){1,8}")


def _event_name(text: str, t_start: int, t_end: int, sentence) -> bool:
    """ "Ketua Panitia Pelaksana Pertemuan Anggota Legislatif ...", "dalam Pertemuan
    Tahunan IMF": a capitalised trigger word inside a sentence, followed by a capitalised
    word, is part of the name of an event, not an interaction."""
    word = text[t_start:t_end]
    if not (word[:1].isupper() and not word.isupper()):
        return False
    before = text[sentence[0] : t_start].rstrip()
    if not before or before[-1] in '"“‘(:':
        return False  # the first word of the sentence or of a quotation
    nxt = _NEXT_WORD.match(text, t_end)
    return bool(nxt and nxt.group(1)[:1].isupper())


_NEXT_WORD = re.compile(r"\s+([\w'’-]+)")


def _anaphoric(v, text, t_start, t_end) -> bool:
    m = v.anaphora.match(text, t_start)
    return m is not None and m.end() > t_end - 1


def _is_place(doc, v, m: Mention) -> bool:
    """A country-type mention introduced by a place preposition ("di Moskow", "in Hanoi")."""
    actor = doc.actors.get(m.actor_id)
    if actor is None:
        return False
    lo = max(0, m.start - 12)
    if actor.type != "person" and v.at_place and v.at_place.search(doc.text, lo, m.start):
        return True
    if actor.type == "country" and v.group_noun and v.group_noun.search(doc.text, lo - 4, m.start):
        return True  # "tokoh Papua": people of a place
    if actor.type != "country" or v.place_before is None:
        return False
    return v.place_before.search(doc.text, lo, m.start) is not None


def _drop_affiliations(doc, v, mentions: list[Mention], t_start: int, t_end: int) -> list[Mention]:
    """Drop countries/organisations that qualify a nearby person ("Presiden AS Donald Trump",
    "mitranya dari Ukraina, Dmytro Kuleba") unless a joiner ("dan") links them."""
    text = doc.text
    organisations = [m for m in mentions if _type(doc, m.actor_id) == "organisation"]
    mentions = [
        m
        for m in mentions
        if not (
            _type(doc, m.actor_id) == "country"
            and any(0 <= m.start - o.end <= 2 for o in organisations)
        )
    ]
    # "Dewan Pengurus Cabang Partai Kebangkitan Bangsa", "Majelis Umum PBB": a body right
    # before another is part of it; the one named last stands for both
    mentions = [
        m
        for i, m in enumerate(mentions)
        if not (
            _type(doc, m.actor_id) == "organisation"
            and i + 1 < len(mentions)
            and _type(doc, mentions[i + 1].actor_id) == "organisation"
            and 0 <= mentions[i + 1].start - m.end <= 1
        )
    ]
    persons = [m for m in mentions if _type(doc, m.actor_id) == "person"]
    if not persons:
        return mentions
    # a role phrase followed by another person's name is part of that person's title
    # ("Utusan Presiden Rusia untuk Afghanistan, Zamir Kabulov")
    named = [p for p in persons if p.method != "role"]
    mentions = [
        m
        for m in mentions
        if not (
            m.method == "role"
            and any(
                0 < p.start - m.end <= _AFFILIATION_GAP + 15
                and p.actor_id != m.actor_id
                and not (v.joiners and v.joiners.search(text, m.end, p.start))
                for p in named
            )
        )
    ]
    persons = [m for m in mentions if _type(doc, m.actor_id) == "person"]
    kept = []
    for m in mentions:
        if _type(doc, m.actor_id) == "person":
            kept.append(m)
            continue
        affiliation = False
        for p in persons:
            lo, hi = (m.end, p.start) if m.end <= p.start else (p.end, m.start)
            across = lo <= t_start and t_end <= hi
            if (
                0 <= hi - lo <= _AFFILIATION_GAP
                and not across
                and not (v.joiners and v.joiners.search(text, lo, hi))
            ):
                affiliation = True
                break
        if not affiliation:
            kept.append(m)
    return kept


def _references(doc, v, lo, hi, have: list[Mention]) -> list[Mention]:
    """Actors that pronouns and plural references in the clause stand for."""
    if v.references is None:
        return []
    out: list[Mention] = []
    for r in v.references.finditer(doc.text, lo, hi):
        if any(m.start <= r.start() < m.end for m in have):
            continue
        for m in resolve_reference(doc, r.start(), r.end()):
            out.append(Mention(r.start(), r.end(), m.surface, m.actor_id, m.method))
    return out


def _clitic_reference(doc, clitic: tuple[int, int], t_start: int, nominal: bool) -> list[Mention]:
    """The person a clitic on the trigger stands for: the object of a verb ("akan
    menemuinya": him), the possessor of a noun ("pertemuannya dengan Jokowi": his)."""
    found = resolve_reference(doc, *clitic)
    if len(found) != 1:
        return []
    start = t_start - 1 if nominal else clitic[0]  # a possessor comes first, like a subject
    return [Mention(start, start + 1, found[0].surface, found[0].actor_id, found[0].method)]


def _borrowed_subject(
    doc, v, sentence, lo, hi_full, t_start, have: list[Mention]
) -> Mention | None:
    """The subject of a clause that names none before its trigger: the name a relative
    pronoun refers to ("Macron, yang ... KTT"), the subject of the main clause after a
    fronted subordinate one ("setelah bertemu X, Wakil KSAD ..."), else the subject of
    the sentence, unless a group noun right before the clause is its subject ("permintaan
    tokoh-tokoh Papua saat bertemu Presiden": an unnamed side)."""
    text = doc.text
    opener = _WORD_BEFORE.search(text, max(sentence[0], lo - 20), lo)
    if _opens_relative(v, text, sentence, lo):
        before = _clause_mentions(doc, max(sentence[0], opener.start() - 60), opener.start())
        gap = re.findall(r"\w+", text[before[-1].end : opener.start()]) if before else []
        if before and all(w[:1].isupper() for w in gap):  # "... Multimedia Negara Malaysia"
            antecedent = before[-1]
            if not _is_place(doc, v, antecedent):
                return antecedent
        return None
    after = _main_subject_after(doc, hi_full, sentence)
    if after is not None:
        return after
    if opener is not None:
        speaker = _speaker_before(doc, v, sentence, opener.start())
        if speaker is not None:
            return speaker
    if v.group_word is not None:
        words = text[lo:t_start].split()  # "membawa 64 tokoh Papua untuk menemui Jokowi"
        if opener:
            words += text[max(sentence[0], opener.start() - 40) : opener.start()].split()[-3:]
        if any(v.group_word.fullmatch(w) for w in words):
            return None
    return _sentence_subject(doc, v, sentence, lo, have)


_WORD_BEFORE = re.compile(r"([\w-]+)[\W]*$")


def _speaker_before(doc, v, sentence, pos: int) -> Mention | None:
    """`"...," katanya saat bertemu Ganjar Pranowo`: the clause after a quotation and its
    cue shares the quote's speaker."""
    text = doc.text
    cue = _WORD_BEFORE.search(text, max(sentence[0], pos - 25), pos)
    if cue is None or v.press_cue is None or not v.press_cue.fullmatch(cue.group(1)):
        return None
    head = text[sentence[0] : cue.start()].rstrip(" ,")
    if not head or head[-1] not in '"”»':
        return None
    quote_end = sentence[0] + len(head) - 1
    return quote_speaker(doc, quote_end - 1, lambda p, g: person_before(doc, p, g))


def _press_clause(v, text: str, sentence, lo: int, t_start: int) -> bool:
    """Is the trigger in the clause a speech cue opens ("kata Kepala Suku Malik Rahat Gul
    kepada wartawan, melalui telepon")?"""
    if v.press_cue is None:
        return False
    opener = _WORD_BEFORE.search(text, max(sentence[0], lo - 20), lo)
    return bool(opener and v.press_cue.fullmatch(opener.group(1)))


def _opens_relative(v, text: str, sentence, lo: int) -> bool:
    """Does the clause starting at ``lo`` follow a relative pronoun ("..., yang")?"""
    opener = _WORD_BEFORE.search(text, max(sentence[0], lo - 20), lo)
    return bool(opener and v.relative and v.relative.fullmatch(opener.group(1)))


def _unnamed_counterpart(doc, v, people: list[Mention], t_end: int, hi: int) -> bool:
    """The other side is unnamed: an object marker with no name after it ("bertemu dengan
    warga"), a name only after a long common-noun phrase ("met with local reporters and
    made several statements affirming the United States' commitment"), or a quantified
    side ("meeting with any and every Tea Party group")."""
    text = doc.text
    after = [m for m in people if m.start >= t_end]
    first = after[0] if after else None
    gap = text[t_end : first.start] if first is not None else text[t_end:hi]
    if v.generic is not None and first is not None and v.generic.search(gap):
        return True
    if _group_object(doc, v, gap, t_end, first):
        return True
    if v.object_marker is None or not v.object_marker.match(text, t_end):
        return False
    if first is None:
        return True
    return _lower_words(doc, t_end, first.start) > _NOUN_PHRASE_WORDS


def _drop_far_objects(doc, people: list[Mention], t_end: int) -> list[Mention]:
    """Names after the trigger that only come after a long common-noun phrase are not its
    object ("mengunjungi keluarga dan memberikan penghormatan terakhir kepada almarhum di
    kediaman BJ Habibie": the family was visited, not Habibie)."""
    after = [m for m in people if m.start >= t_end]
    if not after:
        return people
    if _lower_words(doc, t_end, after[0].start) <= _NOUN_PHRASE_WORDS:
        return people
    return [m for m in people if m.start < t_end]


def _drop_group_senders(doc, v, people: list[Mention], t_start: int) -> list[Mention]:
    """ "Budi Gunawan membawa 64 tokoh Papua untuk menemui Presiden Jokowi": a group noun
    between the names before the trigger and the trigger is the side that meets; the
    names before it bring, send or lead that group (unless joined to it: "Jokowi bersama
    tokoh agama")."""
    if v.group_word is None:
        return people
    before = [m for m in people if m.end <= t_start]
    if not before:
        return people
    text = doc.text
    last = before[-1].end
    for w in _WORD.finditer(text, last, t_start):
        if v.group_word.fullmatch(w.group(0).strip(".,")):
            if v.joiners is not None and v.joiners.search(text, last, w.start()):
                return people
            return [m for m in people if m.start >= t_start]
    return people


def _drop_causers(doc, v, people: list[Mention], t_start: int) -> list[Mention]:
    """ "Taufiq menyarankan pimpinan KPK untuk bertemu dengan Presiden", "Jokowi mengutus
    Retno untuk menemui Wang Yi": the one named right before the purpose word is the
    subject of the meeting; who advises, sends or invites is not a party."""
    if v.purpose_word is None:
        return people
    before = [m for m in people if m.end <= t_start and not _is_place(doc, v, m)]
    if len(before) < 2:
        return people
    text = doc.text
    last, prev = before[-1], before[-2]
    gap = text[last.end : t_start]
    if not _PURPOSE_GAP.match(gap) or not v.purpose_word.search(gap):
        return people
    between = text[prev.end : last.start]
    if v.joiners is not None and v.joiners.search(between):
        return people  # "Jokowi dan Retno untuk bertemu": both
    if not any(w[:1].islower() for w in between.split()):
        return people
    return [m for m in people if m.start >= last.start]


#: between the subject and a verb trigger: a purpose word and a few small words
_PURPOSE_GAP = re.compile(r"\W*(?:\w+\W+){1,4}$")


def _lower_words(doc, lo: int, hi: int) -> int:
    """Lower-case words in ``[lo, hi)``, not counting dates and counts ("bertemu dua
    kali tahun ini dengan Macron")."""
    text = doc.text
    v = vocab(doc.language)
    found = find_dates(doc) if find_dates is not None else []
    spans = [(d.start, d.end) for d in found if d.start < hi and lo < d.end]
    if v is not None and v.count is not None:
        spans += [m.span() for m in v.count.finditer(text, lo, hi)]
    headline = _title_case(doc, lo)
    if headline:
        spans += [(m.start, m.end) for m in _clause_mentions(doc, lo, hi)]
    n = 0
    for w in _WORD.finditer(text, lo, hi):
        word = w.group(0)
        if (word[:1].islower() or headline and word[:1].isupper()) and not any(
            s <= w.start() < e for s, e in spans
        ):
            n += 1
    return n


def _title_case(doc, pos: int) -> bool:
    """Is the sentence at ``pos`` a headline with every word capitalised ("Trump Meets
    With Expert On Hillary Clinton's Past")?"""
    s_lo, s_hi = doc.sentence_of(pos)
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", doc.text[s_lo:s_hi]) if len(w) > 3]
    return len(words) >= 3 and all(w[0].isupper() for w in words)


def _group_object(doc, v, gap: str, t_end: int, first: Mention | None) -> bool:
    """ "menemui ratusan massa aksi dari Universitas Sriwijaya", "dikunjungi banyak
    wisatawan": a group noun opens the other side; unless a person's name follows it
    with only capitalised words between ("bertemu aktivis Hong Kong Joshua Wong")."""
    if v.group_word is None:
        return False
    words = list(_WORD.finditer(gap))
    if len(words) > _NOUN_PHRASE_WORDS + 1:
        return False  # far away: another phrase of the clause
    for w in words:
        if v.group_word.fullmatch(w.group(0).strip(",.")):
            if first is None or _type(doc, first.actor_id) != "person":
                return True
            between = doc.text[t_end + w.end() : first.start].split()
            return any(b[:1].islower() for b in between)  # "aktivis Hong Kong Joshua Wong"
    return False


#: lower-case words an object marker may have before the name ("dengan perwakilan
#: United Nations ...", "with top Senate Democrats"); more is a phrase of its own
_NOUN_PHRASE_WORDS = 4


def _main_subject_after(doc, hi, sentence) -> Mention | None:
    """ "setelah bertemu dengan X, Wakil KSAD melanjutkan ...": a subordinate clause
    followed by a comma and a name shares that name's subject."""
    text = doc.text
    if hi >= sentence[1] or text[hi : hi + 1] != ",":
        return None
    m = _mention_starting_at(doc, _skip_spaces(text, hi + 1))
    return m if m is not None and _type(doc, m.actor_id) in ("person", "organisation") else None


def _sentence_subject(doc, v, sentence, lo, have: list[Mention]) -> Mention | None:
    """The first person (else organisation, else country that is no place) of the
    sentence before the clause, outside quotation marks: the subject an elliptical or
    subordinate clause shares ("Hal itu disampaikan delegasi China saat pertemuan ...")."""
    if lo <= sentence[0]:
        return None
    taken = {m.actor_id for m in have}
    frame = quotation_around(doc, lo)
    limit = _first_verb(doc, sentence[0], lo)
    candidates = [
        m
        for m in _clause_mentions(doc, sentence[0], lo)
        if m.actor_id not in taken
        and quotation_around(doc, m.start) == frame
        and (m.start < limit or _agent_position(doc, v, m))
    ]
    for wanted in ("person", "organisation", "country"):
        for m in candidates:
            if _type(doc, m.actor_id) == wanted and not _is_place(doc, v, m):
                return m
    return None


def _first_verb(doc, lo: int, hi: int) -> int:
    """Where the first verb of ``[lo, hi)`` starts (languages whose verbs the actors'
    lexicon can tell by their prefixes), else ``hi``: names after it are its objects
    ("tidak bisa melihat aktivitas karyawan Alibaba Group karena saat melakukan
    kunjungan"), not the subject a later clause shares."""
    lex = _lexicon(doc)
    if lex is None or not lex.verb_prefixes:
        return hi
    for w in _WORD.finditer(doc.text, lo, hi):
        word = w.group(0).strip(',.;:"“”()')
        if word[:1].islower() and lex.is_verb(word):
            return w.start()
    return hi


def _agent_position(doc, v, m: Mention) -> bool:
    """The agent of a passive or the speaker after a cue ("Hal itu disampaikan delegasi
    China", "dikatakan Gubernur Jabar Ridwan Kamil", "kata Wawan", "oleh pihak Bentoel
    Grup"): a name after a passive verb, an agent word or a speech cue, with only titles,
    capitalised words and at most two other words between."""
    info = doc.extra.get("actors")
    if isinstance(info, dict) and m.start in info.get("speakers", set()):
        return True
    lex = _lexicon(doc)
    if lex is None:
        return False
    words = list(_WORD.finditer(doc.text, max(0, m.start - 60), m.start))
    common = 0
    for w in reversed(words):
        word = w.group(0).strip(",.")
        if v.agent_marker is not None and v.agent_marker.fullmatch(word):
            return True  # "oleh pihak Bentoel Grup", "kata Presiden Parlemen Eropa David Sassoli"
        if v.passive_prefix is not None and v.passive_prefix.match(word) and lex.is_verb(word):
            return True
        if word[:1].isupper() or word.lower() in lex.title_words:
            continue
        common += 1
        if common > 2:
            return False
    return False


def _lexicon(doc):
    info = doc.extra.get("actors")
    return info.get("lexicon") if isinstance(info, dict) else None


_POSSESSIVE = re.compile(r"['’]s?\s+")


def _possessor(text: str, m: Mention, t_start: int) -> bool:
    """ "met with Obama's chief of staff", "Expert On Hillary Clinton's Past": a possessor
    is not a party, unless what it possesses is the meeting ("Trump's meeting with")."""
    p = _POSSESSIVE.match(text, m.end)
    return p is not None and p.end() != t_start


def _means(v, text: str, lo: int, m: Mention) -> bool:
    """ "Melalui Direktorat Jenderal PSP, ...": a name after a word of means."""
    pattern = v.not_participant_before
    return pattern is not None and pattern.search(text, max(0, m.start - 12), m.start) is not None


def _join_split_names(doc, mentions: list[Mention]) -> list[Mention]:
    """ "(Perdana Menteri India Narenda) Modi": two person mentions with only a bracket
    between them are one name; the later one (usually the known surname) stays."""
    out: list[Mention] = []
    for m in mentions:
        if (
            out
            and _type(doc, m.actor_id) == "person"
            and _type(doc, out[-1].actor_id) == "person"
            and doc.text[out[-1].end : m.start].strip() in (")", "(")
        ):
            out[-1] = m
            continue
        out.append(m)
    return out


def _drop_summit_names(doc, v, mentions: list[Mention], t_end: int, hi: int) -> list[Mention]:
    """ "KTT G7", "KTT negara-negara kaya Kelompok Tujuh (G7)", "the NATO summit": the
    organisation that names a summit is not one of the parties meeting at it."""
    text = doc.text
    out = []
    for m in mentions:
        if _type(doc, m.actor_id) in ("organisation", "group"):
            gap = text[t_end : m.start]
            named_after = (
                m.start >= t_end
                and len(re.findall(r"\w+", gap)) <= 5
                and not (v.joiners and v.joiners.search(gap))
            )
            named_before = m.end <= t_end and text[m.end : t_end].strip() == ""  # NATO summit
            if named_after or named_before:
                continue
        out.append(m)
    return out


def _role_countries(doc, v, t_end: int, hi: int) -> list[Mention]:
    """ "bertemu Putra Mahkota Abu Dhabi", "met the Saudi foreign minister": a title with a
    country or capital and no name after it stands for that country (GUIDELINE §8:
    unnamed officials of a named country stand for it)."""
    info = doc.extra.get("actors")
    lex = info.get("lexicon") if isinstance(info, dict) else None
    if lex is None:
        return []
    text = doc.text
    out = []
    for w in _TITLE_WORD.finditer(text, t_end, hi):
        if len(text[t_end : w.start()].split()) > 3:
            break
        if w.group(0).lower() not in lex.title_words and w.group(0).lower() not in lex.role_words:
            continue
        pos = _skip_spaces(text, w.end())
        for _ in range(3):  # "Putra Mahkota Abu Dhabi": more title words before the place
            place = _place_at(doc, pos)
            if place is not None and place.end <= hi:
                out.append(place)
                return out
            nxt = _TITLE_WORD.match(text, pos)
            if nxt is None:
                break
            pos = _skip_spaces(text, nxt.end())
        break
    return out


_TITLE_WORD = re.compile(r"[A-Za-z][\w-]*")


def _visit_roles(doc, v, event: _Event, people, places, t_start, t_end) -> None:
    """Host and counterpart of a visit (GUIDELINE §2)."""
    text = doc.text
    trigger_text = event.triggers[0]  # without a clitic ("menjamunya")
    before = [m for m in people if m.start < t_start]
    after = [m for m in people if m.start >= t_end and _type(doc, m.actor_id) != "country"]
    if event.nominal and v.place_word is not None:
        # "kunjungan Wakil Wali Kota Bogor, Dedie Rachim ke Utrecht": the name after the
        # noun is the visitor; the host comes after the destination word
        to = v.place_word.search(text, t_end, event.end)
        if to is not None:
            before += [m for m in after if m.start < to.start()]
            after = [m for m in after if m.start >= to.end()]
    if v.object_required and v.object_required.fullmatch(trigger_text):
        first = next((m for m in people if m.start >= t_end), None)
        between = text[t_end : first.start].split() if first is not None else []
        if (
            first is None
            or sum(1 for w in between if w[:1].islower()) > _OBJECT_GAP
            or _type(doc, first.actor_id) not in ("person", "country")
            or (between and v.joiners and v.joiners.fullmatch(between[0]))
        ):
            event.participants.clear()
            return
    passive_host = v.passive_hosting and v.passive_hosting.fullmatch(trigger_text)
    passive_visited = v.passive_visited and v.passive_visited.fullmatch(trigger_text)
    destination = _destination(doc, v, places, t_end, event)
    if event.hosting or passive_visited:
        event.host_id = before[0].actor_id if before else None
    elif passive_host:
        event.host_id = after[0].actor_id if after else None
    elif after:
        event.host_id = after[0].actor_id
    if destination is None:
        _require_counterpart(event, before)
        return
    event.location = destination.surface
    country = _country(doc, destination.actor_id)
    hosts = [
        m for m in _clause_mentions(doc, *event.sentence) if _type(doc, m.actor_id) == "person"
    ]
    local = next((m for m in hosts if country and _country(doc, m.actor_id) == country), None)
    if event.host_id is None and local is not None:
        event.host_id = local.actor_id
        if local.actor_id not in event.participants:
            event.participants.append(local.actor_id)
            event.surfaces[local.actor_id] = local.surface
        return
    if event.host_id is not None:
        return
    visitor = before[0].actor_id if before else (event.participants or [None])[0]
    home = (_country(doc, visitor) if visitor else None) or v.home_country
    if country is None or home is None or country == home:
        _require_counterpart(event, before)
        return  # a domestic visit (or one we cannot tell) is not an interaction
    if destination.actor_id not in event.participants:
        event.participants.append(destination.actor_id)
        event.surfaces[destination.actor_id] = destination.surface
    event.host_id = destination.actor_id


def _require_counterpart(event: _Event, visitors: list[Mention]) -> None:
    """A visit without a host or a foreign destination has no counterpart: the people
    named before the verb are fellow visitors ("Jokowi dan Iriana mengunjungi ...")."""
    if event.host_id is None and not event.hosting:
        event.participants.clear()


def _destination(doc, v, places, t_end, event: _Event) -> Mention | None:
    """The visited place: a city (capital) or country after the trigger ("ke Warsawa",
    "mengunjungi Beijing"), as a mention of the country it belongs to."""
    after = [m for m in places if m.start >= t_end]
    text = doc.text
    pos = _skip_spaces(text, t_end)
    if v.place_word is not None:
        # "kunjungan kerja ke Warsawa": up to two words, then a destination word
        for w in v.place_word.finditer(text, pos, min(len(text), pos + 40)):
            if len(text[pos : w.start()].split()) <= 2:
                pos = w.end()
            break
    nxt = _mention_starting_at(doc, pos)
    if nxt is not None and _type(doc, nxt.actor_id) == "country":
        if nxt.actor_id in event.participants:
            event.participants.remove(nxt.actor_id)
        after.insert(0, nxt)
    place = _place_at(doc, pos)
    if place is not None:
        after.insert(0, place)
    before = [m for m in places if m.end <= t_end and m not in after]
    cities = [m for m in after + before if m.method == "metonym"]
    if cities:
        return cities[0]
    return after[0] if after else (before[-1] if before else None)


def _clause_places(doc, v, lo, hi, known: list[Mention]) -> list[Mention]:
    """Capitals and countries after "ke"/"di"/"to"/"in" in the clause that are not
    mentions ("menuju ke Moskow")."""
    if v.place_word is None:
        return []
    out = []
    for w in v.place_word.finditer(doc.text, lo, hi):
        if any(m.start == w.end() for m in known):
            continue
        place = _place_at(doc, w.end())
        if place is not None and place.end <= hi:
            out.append(place)
        elif place is None:
            country = _country_after_city(doc, w.end())
            if country is not None:
                out.append(country)
    return out


def _country_after_city(doc, pos: int) -> Mention | None:
    """ "ke Utrecht, Belanda": a city the knowledge base does not know, then its country."""
    text = doc.text
    run = _CAPITALISED.match(text, pos)
    if run is None:
        return None
    comma = _COMMA.match(text, run.end())
    if comma is None:
        return None
    found = _mention_starting_at(doc, comma.end())
    if found is not None and _type(doc, found.actor_id) == "country":
        return found
    return _place_at(doc, comma.end())


_COMMA = re.compile(r"\s*,\s*")


def _place_at(doc, pos) -> Mention | None:
    """A capital or country name of the knowledge base starting at ``pos`` even where the
    actors step did not make it a mention (a capital is an actor only when its
    government acts: "Beijing menolak")."""
    places = _place_index(doc)
    if not places:
        return None
    m = _CAPITALISED.match(doc.text, pos)
    if m is None:
        return None
    words = m.group(0).split()
    for n in range(len(words), 0, -1):
        surface = " ".join(words[:n])
        found = places.get(surface.lower())
        if found is not None:
            actor_id, kind = found
            if actor_id not in doc.actors:
                kb = doc.extra["actors"]["kb"]
                if actor_id in kb.actors:
                    doc.actors[actor_id] = kb.actors[actor_id]
            end = pos + len(surface)
            return Mention(pos, end, doc.text[pos:end], actor_id, kind)
    return None


_CAPITALISED = re.compile(r"[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3}")
_PLACE_CACHE: dict[int, dict[str, tuple[str, str]]] = {}


def _place_index(doc) -> dict[str, tuple[str, str]]:
    """lower-cased country name / capital -> (country actor id, "name"/"metonym")."""
    info = doc.extra.get("actors")
    kb = info.get("kb") if isinstance(info, dict) else None
    if kb is None:
        return {}
    key = id(kb)
    index = _PLACE_CACHE.get(key)
    if index is None:
        index = {}
        aliases = kb.tables["aliases"]
        countries = {a for a, actor in kb.actors.items() if actor.type == "country"}
        for row in aliases.itertuples(index=False):
            if row.actor_id in countries and row.kind in ("name", "metonym"):
                index.setdefault(str(row.alias).lower(), (row.actor_id, row.kind))
        for a in countries:
            index.setdefault(kb.actors[a].name.lower(), (a, "name"))
        _PLACE_CACHE.clear()
        _PLACE_CACHE[key] = index
    return index


def _marked_status(v, text, lo, t_start, t_end, hi) -> str | None:
    """The status markers in scope of a trigger, by precedence; None when unmarked."""
    words = list(_WORD.finditer(text, lo, t_start))[-v.window :]
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
    return None


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
        return None
    in_clause = [d for d in candidates if lo <= d.start and d.end <= hi]
    pool = in_clause or candidates
    pool = [d for d in pool if "reporting" not in d.flags] or pool
    return min(pool, key=lambda d: t_start - d.end if d.end <= t_start else d.start - t_end)


def _finish_status(doc, event: _Event) -> None:
    """An unmarked event dated after publication is planned."""
    if event.status is None and event.date is not None and doc.published is not None:
        if event.date.date_start > doc.published:
            event.status = "planned"


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


def _enrich_antecedent(doc, v, events: list[_Event], mode, t_start, t_end) -> None:
    """ "Kunjungan itu akan berlangsung dari Senin hingga Rabu": give the earlier event the
    date (when finer or missing) and place that its restatement adds."""
    if not events:
        return
    target = next((e for e in reversed(events) if e.mode == mode), events[-1])
    if doc.sentence_index(target.start) < doc.sentence_index(t_start) - _ANAPHORA_REACH:
        return
    lo, hi = _clause(doc, v, doc.sentence_of(t_start), t_start, t_end)
    target.location = target.location or _location(doc, v, t_end, hi)
    if target.count is not None:
        return
    d = _date(doc, v, lo, hi, t_start, t_end)
    if d is None:
        return
    old = target.date
    if old is None or (old.date_start <= d.date_start and d.date_end <= old.date_end and d != old):
        target.date = d
        if doc.published is not None and target.status in (None, "planned"):
            if d.date_start > doc.published:
                target.status = "planned"


def _merge_article(doc, events: list[_Event]) -> list[_Event]:
    """Drop restatements of an event told earlier in the article: same participants and
    status, and undated or dated within the earlier event's dates (the "pertemuan empat
    mata" on Monday of a visit planned from Monday to Wednesday)."""
    kept: list[_Event] = []
    for e in events:
        if e.count is None:
            twin = next((k for k in kept if _restates(k, e)), None)
            if twin is not None:
                twin.location = twin.location or e.location
                if twin.date is None and doc.paragraph_index(twin.start) == doc.paragraph_index(
                    e.start
                ):
                    twin.date = e.date  # a restatement far away may tell another event
                continue
        kept.append(e)
    return kept


def _restates(earlier: _Event, later: _Event) -> bool:
    if earlier.count is not None or set(earlier.participants) != set(later.participants):
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


def _clause_mentions(doc: Document, lo: int, hi: int) -> list[Mention]:
    """Mentions inside ``[lo, hi)`` (binary search on the sorted mentions)."""
    starts = doc.extra.get("_mention_starts")
    if starts is None or len(starts) != len(doc.mentions):
        starts = [m.start for m in doc.mentions]
        doc.extra["_mention_starts"] = starts
    i = bisect.bisect_left(starts, lo)
    out = []
    while i < len(starts) and starts[i] < hi:
        m = doc.mentions[i]
        if m.end <= hi:
            out.append(m)
        i += 1
    return out


def _mention_starting_at(doc: Document, pos: int) -> Mention | None:
    """The (longest) mention that starts at ``pos``."""
    starts = doc.extra.get("_mention_starts")
    if starts is None or len(starts) != len(doc.mentions):
        _clause_mentions(doc, 0, 0)
        starts = doc.extra["_mention_starts"]
    i = bisect.bisect_left(starts, pos)
    found = None
    while i < len(starts) and starts[i] == pos:
        m = doc.mentions[i]
        if found is None or m.end > found.end:
            found = m
        i += 1
    return found


def _skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] == " ":
        pos += 1
    return pos


def _inside_quotes(text: str, lo: int, pos: int) -> bool:
    return len(_QUOTE.findall(text, lo, pos)) % 2 == 1


def _type(doc: Document, actor_id: str | None) -> str | None:
    actor = doc.actors.get(actor_id) if actor_id else None
    return actor.type if actor else None


def _country(doc: Document, actor_id: str | None) -> str | None:
    actor = doc.actors.get(actor_id) if actor_id else None
    return actor.country if actor and actor.country else None


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
    }
