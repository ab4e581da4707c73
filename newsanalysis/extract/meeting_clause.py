"""The clause of a meeting trigger: where it starts and ends, where its object, place and
tail end, and triggers that are no new event (restatements, event names, press)."""

from __future__ import annotations

import re

from ..document import Mention
from .meeting_text import (
    _WORD,
    _WORD_BEFORE,
    _clause_mentions,
    _clause_start,
    _first_verb,
    _is_place,
    _lexicon,
    _mention_starting_at,
    _opens_relative,
    _skip_spaces,
    _type,
)


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


def _counterpart_after_topic(doc, v, hi: int, hi_full: int) -> tuple[int, int] | None:
    """ "menghadiri pertemuan terkait penanganan pencemaran Sungai Cileungsi dengan
    Ombudsman RI di Jalan Rasuna Said": after a nominal trigger whose topic comes first,
    "dengan" and a name before any verb or place name the other side. Not when "dengan"
    belongs to the topic ("terkait kerja sama dengan Jepang"). The span of that side."""
    if v.topic_word is None or v.object_marker is None:
        return None
    text = doc.text
    topic = v.topic_word.match(text, hi)
    if topic is None:
        return None
    verb = _first_verb(doc, topic.end(), hi_full)  # "terkait ... yang dibahas dengan"
    for w in _WORD.finditer(text, topic.end(), verb):
        word = w.group(0).strip(",.;:")
        if v.object_marker.fullmatch(word):
            if v.relational_noun is not None and v.relational_noun.search(
                text, topic.end(), w.start()
            ):
                return None
            start = _skip_spaces(text, w.end())
            if not text[start : start + 1].isupper():
                return None
            end = hi_full
            if v.at_place is not None:
                for p in _PLACE_WORD.finditer(text, start, hi_full):
                    if v.at_place.search(text, p.start(), p.end()):
                        end = p.start()
                        break
            return start, end
    return None


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


def _object_end(v, text, t_end, hi) -> int:
    """After the trigger, the participants end where the topic or a relative clause
    begins ("bertemu Jokowi terkait revisi UU KPK")."""
    if v.object_breaks is not None:
        m = v.object_breaks.search(text, t_end, hi)
        if m:
            hi = m.start()
    return hi


def _fronted(v, text: str, sentence, lo: int) -> bool:
    """Does the clause at ``lo`` follow a subordinator fronted at the start of the
    sentence or after a comma ("Setelah bertemu ...", "kata Candra, setelah bertemu")?"""
    if v.subordinator is None:
        return False
    opener = _WORD_BEFORE.search(text, max(sentence[0], lo - 20), lo)
    if opener is None or not v.subordinator.fullmatch(opener.group(1)):
        return False
    head = text[sentence[0] : opener.start()].rstrip(" \"“”'‘’(")
    return not head or head.endswith(",")


def _after_fronted_clause(doc, v, sentence, lo: int, t_start: int) -> int:
    """ "Setelah bertemu dengan X, Wali Kota melanjutkan pertemuan dengan Y": a fronted
    subordinate clause ends at its first comma when it holds a verb (or a trigger), and
    the main clause after it is the trigger's clause; "Saat Jokowi, Prabowo dan Mega
    bertemu" (a list, no verb before the comma) stays one clause."""
    if not _fronted(v, doc.text, sentence, lo):
        return _after_fronted_purpose(doc, v, sentence, lo, t_start)
    comma = doc.text.find(",", lo, t_start)
    if comma < 0:
        return lo
    if v.trigger.search(doc.text, lo, comma) or _has_verb(doc, lo, comma):
        return comma + 1
    return lo


def _after_fronted_purpose(doc, v, sentence, lo: int, t_start: int) -> int:
    """ "Untuk memenuhi permintaan Kivlan, Helmi menemui saksi Asmaizulfi": a purpose
    phrase opening the sentence ends at its first comma when it holds a verb; the
    request and the name in it are not the trigger's clause."""
    text = doc.text
    first = _FIRST_WORD.match(text, sentence[0])
    if (
        v.purpose_word is None
        or first is None
        or lo > first.start(1)
        or not v.purpose_word.fullmatch(first.group(1))
    ):
        return lo
    comma = text.find(",", first.end(), t_start)
    if comma >= 0 and _has_verb(doc, first.end(), comma):
        return comma + 1
    return lo


_FIRST_WORD = re.compile(r"[\s\"“‘'(]*([\w-]+)")


def _pronoun_subject_start(v, text: str, lo: int, t_start: int) -> int:
    """ "..., and in addition to a private meeting he had with Rubio, he also hosted
    Bush": a pronoun right after the last comma before the trigger is the subject of a
    clause of its own, which starts there."""
    comma = text.rfind(",", lo, t_start)
    if comma < 0 or v.references is None:
        return lo
    start = _skip_spaces(text, comma + 1)
    r = v.references.match(text, start)
    if r is None or v.clause_break.search(text, r.end(), t_start):
        return lo
    return start


def _has_verb(doc, lo: int, hi: int) -> bool:
    lex = _lexicon(doc)
    if lex is None or not lex.verb_prefixes:
        return False
    return any(
        w[:1].islower() and lex.is_verb(w.strip(',.;:"“”()')) for w in doc.text[lo:hi].split()
    )


def _clause(doc, v, sentence, t_start, t_end) -> tuple[int, int]:
    """The clause of a trigger: cut at breaks; after the trigger, at the first comma
    unless the name in apposition to a title follows it: no name came yet and a
    capitalised word follows ("bertemu Wakil Presiden terpilih, KH Ma'ruf Amin"), or a
    title phrase with only its organisation or country came and a person's name follows
    ("menemui Ketua DPC PDIP Solo, FX Hadi Rudyatmo"); but "kunjungan Erdogan, Kepala
    Rostec ..." ends at the comma."""
    text = doc.text
    s_lo, s_hi = sentence
    lo = _clause_start(v, text, s_lo, t_start)
    lo = _after_fronted_clause(doc, v, sentence, lo, t_start)
    lo = _pronoun_subject_start(v, text, lo, t_start)
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
        before = _clause_mentions(doc, t_end, comma)
        if nxt < hi and not before and _title_list_goes_on(doc, v, text, t_end, nxt):
            pos = nxt  # "menemui Menteri Desa, Pembangunan Daerah Tertinggal, dan
            continue  # Transmigrasi, Eko Putro Sandjojo": one title listing portfolios
        if nxt >= hi or not text[nxt].isupper():
            hi = comma
            break
        listed = _name_list_end(doc, v, nxt, hi) if before else None
        if listed is not None:  # "talks with India, South Korea and China"
            pos = listed
            continue
        if before and not _title_apposition(doc, v, t_end, before, nxt):
            hi = comma
            break
        pos = nxt
    return lo, hi


_CAPITALISED_AFTER = re.compile(r"\s*[A-Z]")


def _title_list_goes_on(doc, v, text: str, t_end: int, nxt: int) -> bool:
    """A joiner and a capitalised word after the comma, and a capitalised phrase (a title,
    no name yet) between the trigger and the comma: the comma lists the portfolios of
    one title, the name in apposition still to come."""
    if v.joiners is None:
        return False
    joiner = v.joiners.match(text, nxt)
    if joiner is None or not _CAPITALISED_AFTER.match(text, joiner.end()):
        return False
    return _title_word_at(doc, v, t_end)


def _name_list_end(doc, v, pos: int, hi: int) -> int | None:
    """End of a list of names that goes on after a comma and ends with a joiner ("India,
    South Korea and China"), or None when what follows the comma is no such list."""
    text = doc.text
    while True:
        m = _mention_starting_at(doc, pos)
        if m is None or m.end > hi:
            return None
        after = _skip_spaces(text, m.end)
        if text.startswith(",", after):
            pos = _skip_spaces(text, after + 1)
            continue
        joiner = v.joiners.match(text, after) if v.joiners is not None else None
        if joiner is None:
            return None
        last = _mention_starting_at(doc, _skip_spaces(text, joiner.end()))
        return last.end if last is not None and last.end <= hi else None


def _title_apposition(doc, v, t_end: int, before: list[Mention], nxt: int) -> bool:
    """Is the name at ``nxt`` (after a comma) in apposition to a title phrase that opens
    the object ("dengan Presiden Amerika Serikat (AS), Donald Trump")?"""
    if any(_type(doc, m.actor_id) == "person" and m.method != "role" for m in before):
        return False
    following = _mention_starting_at(doc, _after_title_words(doc, nxt))
    if following is None or _type(doc, following.actor_id) != "person":
        return False
    pos = _object_start(doc, v, t_end)
    if any(m.start == pos and m.method == "role" for m in before):
        return True
    return _title_word_at(doc, v, t_end)


def _after_title_words(doc, pos: int) -> int:
    """Past the title words at ``pos`` ("Jenderal Khalid al-Sarayreh": the name)."""
    info = doc.extra.get("actors")
    lex = info.get("lexicon") if isinstance(info, dict) else None
    if lex is None:
        return pos
    while (word := _TITLE_WORD.match(doc.text, pos)) and word.group(0).lower() in lex.title_words:
        pos = _skip_spaces(doc.text, word.end())
    return pos


def _object_start(doc, v, t_end: int) -> int:
    """Where the object of a trigger starts: after the spaces and an object marker."""
    text = doc.text
    pos = _skip_spaces(text, t_end)
    marker = v.object_marker.match(text, pos) if v.object_marker is not None else None
    return _skip_spaces(text, marker.end()) if marker is not None else pos


def _title_word_at(doc, v, t_end: int) -> bool:
    """Does the object of the trigger open with a title word ("Menteri", "Ketua")?"""
    word = _TITLE_WORD.match(doc.text, _object_start(doc, v, t_end))
    info = doc.extra.get("actors")
    lex = info.get("lexicon") if isinstance(info, dict) else None
    return bool(word and lex is not None and word.group(0).lower() in lex.title_words)


#: words between a nominal trigger and its "antara"/"between": a few always, more when
#: none of them is a verb ("pertemuan sebelumnya pada hari yang sama di Jerusalem antara
#: X dan Y"; "pertemuan itu membahas hubungan antara kedua negara" has a verb)
BETWEEN_NEAR, BETWEEN_FAR = 3, 8


def _between_start(doc, v, t_end, hi, nominal: bool) -> int | None:
    """Where "antara X dan Y" / "between X and Y" after a nominal trigger starts; after a
    verb, only right after it ("bertemu di Zona Demiliterisasi antara kedua Korea": the
    zone lies between them)."""
    if v.between is None:
        return None
    text = doc.text
    m = v.between.search(text, t_end, min(hi, t_end + 90))
    if m is None:
        return None
    gap = len(text[t_end : m.start()].split())
    if gap <= BETWEEN_NEAR or (
        nominal and gap <= BETWEEN_FAR and not _has_verb(doc, t_end, m.start())
    ):
        return m.end()
    return None


def _anaphoric_np(v, text: str, t_start: int, t_end: int, sentence) -> bool:
    """ "pertemuan di Policy Exchange tersebut", "acara pertemuan Anggota Legislatif Fraksi
    Partai Demokrat itu": a nominal trigger whose phrase (names, places) ends with a
    demonstrative is a later mention of an event told before."""
    if v.demonstrative is None or v.nominal is None or not v.nominal.fullmatch(text[t_start:t_end]):
        return False
    words = _names_then_demonstrative(v, text, t_end, sentence)
    return words is not None and words > 0  # "pertemuan itu" itself is the plain anaphora


def _reported_event(v, text: str, t_start: int, t_end: int, sentence) -> bool:
    """ "Kabar Anies mengunjungi BJ Habibie ini diinfokan Pemprov DKI": a report noun
    ("kabar", "berita") opening a noun phrase of names, the trigger and its named object,
    closed by a demonstrative, is a later mention of an event told before."""
    if v.report_noun is None or v.demonstrative is None:
        return False
    head = v.report_noun.search(text, max(sentence[0], t_start - 60), t_start)
    if head is None:
        return False
    subject = text[head.end() : t_start].split()
    if not subject or not all(w[:1].isupper() for w in subject):
        return False
    return _names_then_demonstrative(v, text, t_end, sentence) is not None


def _names_then_demonstrative(v, text: str, t_end: int, sentence) -> int | None:
    """How many words of names and places stand between ``t_end`` and a demonstrative that
    closes them; None when something else comes first."""
    m = _NOUN_PHRASE.match(text, t_end, min(sentence[1], t_end + 90))
    if m is None:
        return None
    for i, word in enumerate(m.group(0).split()):
        if v.demonstrative.fullmatch(word.strip(",.")):
            return i
        if not (word[:1].isupper() or word[:1].isdigit() or word in _PHRASE_GLUE):
            return None
    return None


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
    if nxt and nxt.group(1)[:1].isupper():
        return True
    # "kegiatan Upgrading Trainer Terampil Berunding dalam ...": the last word of a name
    # (two capitalised words before it), unless every word of the sentence is capitalised
    previous = before.split()[-2:]
    return (
        len(previous) == 2
        and all(w[:1].isupper() and w[-1:].isalnum() for w in previous)
        and not _all_capitalised(text[sentence[0] : sentence[1]])
    )


def _all_capitalised(sentence_text: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", sentence_text) if len(w) > 3]
    return len(words) >= 3 and all(w[0].isupper() for w in words)


_NEXT_WORD = re.compile(r"\s+([\w'’-]+)")


def _anaphoric(v, text, t_start, t_end) -> bool:
    m = v.anaphora.match(text, t_start)
    return m is not None and m.end() > t_end - 1


def _press_clause(doc, v, sentence, lo: int, t_start: int) -> bool:
    """Is the trigger in the clause a speech cue opens ("kata Kepala Suku Malik Rahat Gul
    kepada wartawan, melalui telepon")? Not when that clause has a verb of its own before
    the trigger: then it is what was said ("Kantor Kepresidenan menuturkan, Moon telah
    melakukan pembicaraan melalui sambungan telepon dengan ..."), a call told."""
    if v.press_cue is None:
        return False
    text = doc.text
    opener = _WORD_BEFORE.search(text, max(sentence[0], lo - 20), lo)
    return bool(opener and v.press_cue.fullmatch(opener.group(1))) and not _has_verb(
        doc, lo, t_start
    )


_TITLE_WORD = re.compile(r"[A-Za-z][\w-]*")
