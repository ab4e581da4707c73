"""Who takes part in a meeting: the actor mentions of the trigger's clause, minus
affiliations, places, means, possessors and unnamed sides, plus the actors that
references stand for and the subject a clause shares with its sentence."""

from __future__ import annotations

import re

from ..actors import resolve_reference
from ..actors.quoted import quotation_around, quote_speaker
from ..actors.references import person_before
from ..document import Mention
from .meeting_clause import _TITLE_WORD, _fronted
from .meeting_references import _home_role_holders, _references
from .meeting_text import (
    _NOUN_PHRASE_WORDS,
    _WORD,
    _WORD_BEFORE,
    _clause_mentions,
    _clause_start,
    _date_starts_at,
    _first_verb,
    _is_place,
    _kb,
    _lexicon,
    _lower_words,
    _mention_starting_at,
    _opens_relative,
    _place_at,
    _skip_spaces,
    _type,
)

#: an affiliation (country / organisation) at most this many characters from a person
_AFFILIATION_GAP = 25


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


def _drop_own_bodies(doc, mentions: list[Mention]) -> list[Mention]:
    """ "SBY akan membuka acara pertemuan dengan seluruh fraksi Partai Demokrat": the body a
    person side holds a role in (the knowledge base's roles, or the title the article gives
    them) is that person's own, no counterpart: a leader meeting his party is its own
    meeting (GUIDELINE §8 single_party)."""
    info = doc.extra.get("actors")
    kb = _kb(doc)
    titled = info.get("roles", {}) if isinstance(info, dict) else {}
    own: set[str] = set()
    for m in mentions:
        if _type(doc, m.actor_id) == "person":
            held = list(titled.get(m.actor_id, [])) + (
                kb.roles_of.get(m.actor_id, []) if kb else []
            )
            own.update(of for _role, of in held if of)
    if not own:
        return mentions
    return [
        m for m in mentions if not (_type(doc, m.actor_id) == "organisation" and m.actor_id in own)
    ]


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
                and not (m.end <= t_start and t_end <= p.start)  # the verb between: sides
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
    definite = (
        v.definite_subject.search(text, max(sentence[0], lo - 20), t_start)
        if v.definite_subject is not None
        else None
    )
    if definite is not None:
        # "saat Tersangka BTO masih bekerja ..., yang bersangkutan bertemu ...": the one
        # concerned is the person the sentence named before; else unresolved
        people = [
            m
            for m in _clause_mentions(doc, sentence[0], definite.start())
            if _type(doc, m.actor_id) == "person"
            and m.actor_id not in {h.actor_id for h in have}
            and not _speaks(doc, v, m)
        ]
        return people[-1] if people else None
    if _opens_relative(v, text, sentence, lo):
        before = _clause_mentions(doc, max(sentence[0], opener.start() - 60), opener.start())
        gap = re.findall(r"\w+", text[before[-1].end : opener.start()]) if before else []
        if before and all(w[:1].isupper() for w in gap):  # "... Multimedia Negara Malaysia"
            antecedent = before[-1]
            if not _is_place(doc, v, antecedent):
                return antecedent
        if before and _apposition_gap(v, text, before[-1].end, opener.start()):
            # "Senator Bob Corker, a Tennessee Republican who has met ... Trump": the
            # relative clause belongs to the apposition of the person named before it
            if _type(doc, before[-1].actor_id) == "person":
                return before[-1]
        if not before:
            # "Ia yang saat itu sedang dalam kunjungan kerja ke Jakarta": the pronoun the
            # relative clause hangs on stands for its subject
            pronoun = _WORD_BEFORE.search(
                text, max(sentence[0], opener.start() - 20), opener.start()
            )
            if pronoun is not None:
                return _reference_at(doc, v, pronoun.start(1), have)
        return None
    subordinate_first = _fronted(v, text, sentence, lo)
    fronted = subordinate_first or not text[sentence[0] : lo].strip(" \"“‘'(")
    after = _main_subject_after(doc, v, hi_full, sentence) if fronted else None
    if after is None and subordinate_first:
        after = _subject_after_first_comma(doc, v, sentence, t_start, hi_full)
    if after is not None:
        return after
    if (
        subordinate_first
        and text[hi_full : hi_full + 1] == ","
        and not _place_continues(doc, v, _skip_spaces(text, hi_full + 1))
    ):
        # "kata Candra, setelah bertemu dengan X, Wakil KSAD melanjutkan ...": the subject
        # is the main clause's (here no named one), not the speaker before the clause
        return _reference_at(doc, v, _skip_spaces(text, hi_full + 1), have)
    if opener is not None:
        speaker = _speaker_before(doc, v, sentence, opener.start())
        if speaker is None:
            speaker = _clitic_agent(doc, v, sentence, opener.start())
        if speaker is not None:
            return speaker
    decided = False
    if opener is not None and v.subordinator and v.subordinator.fullmatch(opener.group(1)):
        appositive = _apposition_before(doc, v, sentence, opener.start(), have)
        if appositive is not None:
            return appositive
        decided, attached = _attached_clause_subject(doc, v, sentence, opener.start(), have)
        if attached is not None:
            # "Abisai Rolio menyampaikan sembilan usulan warga Papua saat bertemu Jokowi":
            # the clause before names its subject; a group noun in its object is no side
            return attached
    if v.group_word is not None:
        # "membawa 64 tokoh Papua untuk menemui Jokowi", "permintaan dari para tokoh, yang
        # disampaikan saat ...": an unnamed group is the side
        if _group_side(v, text, lo, t_start):
            return None
        if opener:
            start = max(sentence[0], opener.start() - 40)
            words = list(_WORD.finditer(text, start, opener.start()))[-3:]
            if words and _group_side(v, text, words[0].start(), opener.start()):
                return None
    if decided:
        return None  # the clause before has a verb but names no actor as its subject
    if _own_common_subject(v, text, lo, t_start):
        return None
    return _sentence_subject(doc, v, sentence, lo, have)


def _speaks(doc, v, m: Mention) -> bool:
    """Is the person the speaker of the sentence ("menurut Syarif", "kata Syarif",
    "Syarif mengatakan"), not someone it tells about?"""
    text = doc.text
    before = _WORD_BEFORE.search(text, max(0, m.start - 25), m.start)
    if before and any(
        p is not None and p.fullmatch(before.group(1).lower())
        for p in (v.press_cue, v.agent_marker)
    ):
        return True
    after = _NEXT_WORD_AFTER.match(text, m.end)
    return bool(after and v.press_cue is not None and v.press_cue.fullmatch(after.group(1)))


_NEXT_WORD_AFTER = re.compile(r",?\s+([\w-]+)")


def _place_continues(doc, v, pos: int) -> bool:
    """Does a place or a date go on at ``pos`` ("..., Jakarta, Kamis (19/9/2019)", "...,
    di lokasi", "..., Selasa (10/9/2019)")? Then no main clause follows the comma."""
    if v.place_word is not None and v.place_word.match(doc.text, pos):
        return True
    return _place_at(doc, pos) is not None or _date_starts_at(doc, pos)


def _apposition_gap(v, text: str, name_end: int, pos: int) -> bool:
    """Is ``text[name_end:pos]`` an apposition opened by an article (", a Tennessee
    Republican")?"""
    if v.apposition_article is None:
        return False
    gap = text[name_end:pos]
    m = v.apposition_article.match(gap)
    return m is not None and not re.search(r"[,;:()\"“”]", gap[m.end() :])


def _modifies_group(doc, v, m: Mention) -> bool:
    """A name right before a group noun says whose group it is ("a lot of Bernie
    supporters", "Trump voters"), a quantifier before a body's name counts its members
    ("some Democrats"): the group is the side, unnamed, not the name."""
    if v.member_quantifier is not None and _type(doc, m.actor_id) == "organisation":
        # "some Democrats have called her": some of its members, not the party
        before = _WORD_BEFORE.search(doc.text, max(0, m.start - 20), m.start)
        if before is not None and v.member_quantifier.fullmatch(before.group(1)):
            return True
    if v.group_word is None:
        return False
    nxt = _NEXT_WORD.match(doc.text, m.end)
    return bool(nxt and v.group_word.fullmatch(nxt.group(1)))


def _group_side(v, text: str, lo: int, hi: int) -> bool:
    """Whether a group noun between ``lo`` and ``hi`` may be a side: not one spoken to
    ("telling reporters during a visit to Scotland")."""
    for w in _WORD.finditer(text, lo, hi):
        if v.group_word.fullmatch(w.group(0).strip(",.;:")) and not (
            v.audience is not None and v.audience.search(text, max(0, w.start() - 20), w.start())
        ):
            return True
    return False


def _own_common_subject(v, text: str, lo: int, t_start: int) -> bool:
    """ "Jamhuri menerangkan, pada Jumat lokasi tersebut telah dikunjungi Wakil Gubernur":
    a noun phrase closed by a demonstrative before the trigger is the clause's own subject,
    an unnamed one; the speaker of the sentence is not borrowed."""
    if v.demonstrative is None:
        return False
    for m in v.demonstrative.finditer(text, lo, t_start):
        word_before = _WORD_BEFORE.search(text, max(lo, m.start() - 30), m.start())
        if word_before is not None and word_before.group(1)[:1].islower():
            return True
    return False


def _apposition_before(doc, v, sentence, pos: int, have: list[Mention]) -> Mention | None:
    """ "permintaan tokoh adat Papua, Abisai Rollo, saat bertemu Presiden": a person named
    in apposition (between commas) right before the subordinator does what it tells."""
    text = doc.text
    taken = {h.actor_id for h in have}
    before = [
        m
        for m in _clause_mentions(doc, sentence[0], pos)
        if _type(doc, m.actor_id) == "person" and m.actor_id not in taken
    ]
    if not before:
        return None
    m = before[-1]
    if (
        text[m.end : pos].strip() != ","
        or not text[max(sentence[0], m.start - 2) : m.start] == ", "
    ):
        return None
    if v.deceased is not None and v.deceased.search(text, max(sentence[0], m.start - 60), m.start):
        return None  # "untuk almarhum presiden ketiga RI, BJ Habibie, saat menyambangi ..."
    return m


def _attached_clause_subject(
    doc, v, sentence, pos: int, have: list[Mention]
) -> tuple[bool, Mention | None]:
    """ "ketika Alfin menyerahkan uang ke Rustam saat bertemu di kantor Kejati": a
    subordinate clause shares the subject of the clause it is attached to, the one right
    before its subordinator, not the sentence's first name (the speaker). Decided only
    when that clause has a verb: its subject is the name before the verb (the agent
    after a passive one), or none when it names no actor there."""
    text = doc.text
    seg_lo = _clause_start(v, text, sentence[0], pos)
    verb_at = _first_verb(doc, seg_lo, pos)
    if verb_at >= pos:
        return False, None  # "X mengatakan, saat bertemu Y": no clause of its own
    if not text[seg_lo:verb_at].strip(" ,"):
        # "kata X saat dikonfirmasi usai pertemuan", "39 kali sejak menjadi pemimpin
        # China, terakhir ... saat pertemuan puncak": a clause without a subject of its
        # own shares the one before it
        return False, None
    taken = {m.actor_id for m in have}
    pool = _clause_mentions(doc, seg_lo, verb_at)
    pool += _references(doc, v, seg_lo, verb_at, pool)
    # the agent of a passive ("disampaikan delegasi China", "oleh pihak Bentoel Grup")
    pool += [m for m in _clause_mentions(doc, verb_at, pos) if _agent_position(doc, v, m)]
    for m in pool:
        kind = _type(doc, m.actor_id)
        if m.actor_id in taken or kind not in ("person", "organisation", "country"):
            continue
        if not _is_place(doc, v, m):
            return True, m
    verb = _WORD.match(text, verb_at)
    if verb is not None and v.passive_prefix is not None and v.passive_prefix.match(verb.group(0)):
        # "keputusan itu akan diambil setelah bertemu Presiden": a passive without its
        # agent leaves the one who acts, and meets, to the sentence
        return False, None
    return True, None


def _clitic_agent(doc, v, sentence, pos: int) -> Mention | None:
    """ "Hal ini dikatakannya saat bertemu Song Tao": the agent clitic of a passive verb
    right before the clause is the subject the clause shares."""
    if v.agent_clitic is None or v.passive_prefix is None:
        return None
    verb = _WORD_BEFORE.search(doc.text, max(sentence[0], pos - 30), pos)
    if verb is None:
        return None
    word = verb.group(1)
    clitic = v.agent_clitic.search(word)
    lex = _lexicon(doc)
    if clitic is None or not v.passive_prefix.match(word) or lex is None:
        return None
    if not lex.is_verb(word[: clitic.start()]):
        return None
    start = verb.start(1) + clitic.start()
    found = resolve_reference(doc, start, verb.end(1))
    if len(found) != 1 or _type(doc, found[0].actor_id) != "person":
        return None
    return Mention(start, verb.end(1), found[0].surface, found[0].actor_id, found[0].method)


def _reference_at(doc, v, pos: int, have: list[Mention]) -> Mention | None:
    """The actor a pronoun at ``pos`` stands for ("..., ia melanjutkan"; of a pair,
    "..., keduanya membahas", the one not named in the clause already), if one."""
    if v.references is None:
        return None
    r = v.references.match(doc.text, pos)
    taken = {m.actor_id for m in have}
    found = [m for m in resolve_reference(doc, r.start(), r.end())] if r else []
    fresh = [m for m in found if m.actor_id not in taken]
    if not fresh or len(found) == 1 and found != fresh:
        return None
    return Mention(r.start(), r.end(), fresh[0].surface, fresh[0].actor_id, fresh[0].method)


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


def _unnamed_counterpart(doc, v, people: list[Mention], t_end: int, hi: int) -> bool:
    """The other side is unnamed: an object marker with no name after it ("bertemu dengan
    warga"), a name only after a long common-noun phrase ("met with local reporters and
    made several statements affirming the United States' commitment"), or a quantified
    side ("meeting with any and every Tea Party group")."""
    text = doc.text
    # the object's first name; not a subject borrowed from the main clause after a fronted
    # one ("After meeting with Al Sharpton and other leaders, Clinton proposed ...")
    after = sorted((m for m in people if t_end <= m.start < hi), key=lambda m: m.start)
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
    tokoh agama", or speaking to it: "Trump told reporters during a visit")."""
    if v.group_word is None:
        return people
    before = [m for m in people if m.end <= t_start]
    if not before:
        return people
    text = doc.text
    last = before[-1].end
    for w in _WORD.finditer(text, last, t_start):
        if _group_side(v, text, w.start(), w.end()):
            if v.joiners is not None and v.joiners.search(text, last, w.start()):
                return people
            return [m for m in people if m.start >= t_start]
    return people


def _drop_first_verbs_objects(doc, v, people: list[Mention], lo: int, t_start: int):
    """ "dia melihat Anton jatuh dari jendela, dan bergegas menelepon ambulans": a verb
    trigger in a clause coordinated after a comma shares the first clause's subject, not
    its object; the names between the first verb and the coordinator are no sides ("Jokowi
    perlu memanggil dan bertemu ...": two verbs of one clause, left alone)."""
    if v.coordinator is None:
        return people
    text = doc.text
    joins = [
        c
        for c in v.coordinator.finditer(text, lo, t_start)
        if len(text[c.end() : t_start].split()) <= 2 and text[lo : c.start()].rstrip().endswith(",")
    ]
    if not joins:
        return people
    join = joins[-1].start()
    verb = _first_verb(doc, lo, join)
    if verb >= join:
        return people
    return [m for m in people if not verb < m.start < join]


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


def _subject_after_first_comma(doc, v, sentence, t_start: int, hi: int) -> Mention | None:
    """ "Setelah bertemu Presiden, Prabowo Subianto mengatakan ...": when the clause
    reaches past the fronted clause's comma, the name right after that comma is the main
    clause's subject if a verb follows it (in a list, "bertemu Jokowi, Prabowo dan Mega",
    none does)."""
    comma = doc.text.find(",", t_start, hi)
    if comma < 0:
        return None
    subject = _main_subject_after(doc, v, comma, sentence)
    if subject is None:
        return None
    nxt = _NEXT_WORD.match(doc.text, subject.end)
    lex = _lexicon(doc)
    word = nxt.group(1) if nxt else ""
    if lex is None or not word[:1].islower() or not lex.is_verb(word):
        return None
    return subject


def _main_subject_after(doc, v, hi, sentence) -> Mention | None:
    """ "setelah bertemu dengan X, Wakil KSAD melanjutkan ...": a subordinate clause
    followed by a comma and a name shares that name's subject; a word for a body's people
    may stand before it ("Saat menyambangi BPBD Sumsel, tim DMC membawa ...")."""
    text = doc.text
    if hi >= sentence[1] or text[hi : hi + 1] != ",":
        return None
    pos = _skip_spaces(text, hi + 1)
    head = v.side_head.match(text, pos) if v.side_head is not None else None
    if head is not None:
        pos = head.end()
    m = _mention_starting_at(doc, pos)
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
    named = _clause_mentions(doc, sentence[0], lo)
    # "Menteri Hukum dan HAM mengklaim telah bertemu ...": a lone role for its holder
    named = sorted(named + _home_role_holders(doc, v, sentence[0], limit, named), key=_start)
    if not named:
        # "Ia pun mengungkapkan bahwa hal itu akan diputuskan setelah bertemu ...": a
        # pronoun subject before the sentence's first verb
        named = _references(doc, v, sentence[0], limit, named)
    candidates = [
        m
        for m in named
        if m.actor_id not in taken
        and quotation_around(doc, m.start) == frame
        and (m.start < limit or _agent_position(doc, v, m))
    ]
    for wanted in ("person", "organisation", "country"):
        for m in candidates:
            if _type(doc, m.actor_id) == wanted and not _is_place(doc, v, m):
                return m
    return None


def _start(m: Mention) -> int:
    return m.start


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


_POSSESSIVE = re.compile(r"['’]s?\s+")


def _possessor(text: str, m: Mention, t_start: int) -> bool:
    """ "met with Obama's chief of staff", "Expert On Hillary Clinton's Past": a possessor
    is not a party, unless what it possesses is the meeting ("Trump's meeting with")."""
    p = _POSSESSIVE.match(text, m.end)
    return p is not None and p.end() != t_start


def _postposed_speaker(v, text: str, t_end: int, m: Mention) -> bool:
    """ "Ryan and Trump will meet sometime next week, Spicer said": a name after the
    trigger directly followed by a speech verb is who reports the meeting, not a side."""
    if v.press_cue is None or m.start < t_end:
        return False
    nxt = _NEXT_WORD.match(text, m.end)
    return nxt is not None and v.press_cue.fullmatch(nxt.group(1)) is not None


_NEXT_WORD = re.compile(r"\s+([\w-]+)")


def _tail_of_other_body(doc, v, m: Mention) -> bool:
    """ "Pansel Calon Pimpinan KPK", "Koalisi Mahasiswa dan Pemuda Cinta KPK": a name at
    the end of the capitalised name of another body (a committee, coalition, forum ...)
    is part of that name, not a side; the body itself is unknown to the actors step."""
    if v.other_body is None or _type(doc, m.actor_id) not in ("organisation", "country"):
        return False
    return v.other_body.search(doc.text, max(0, m.start - 80), m.start) is not None


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
            if nxt is None or not nxt.group(0)[:1].isupper():
                break  # "bertemu Kapolri di Jakarta": the capital is where, not whose
            pos = _skip_spaces(text, nxt.end())
        break
    return out
