"""Pass 2 of the actor finder: people and organisations the knowledge base does not know,
from the way news introduces them (titles and roles, appositions, speech cues,
organisation head words, abbreviations)."""

from __future__ import annotations

import bisect
import re
import sys

from ..document import Actor
from .ids import make_actor_id
from .known import _is_country_name
from .lexicon import MASK_ENTITY, MASK_PERSON, MASK_ROLE, Lexicon
from .references import _given_names
from .state import (
    _ABBREVIATION_AFTER,
    _MASKED_WORD,
    _NEXT_WORD,
    _after_sentence_break,
    _entity_at,
    _Found,
    _in_title,
    _is_country,
    _is_organisation,
    _is_person_id,
    _split_words,
    _State,
    _words_in,
)


def _clean_name(
    state: _State, start: int, words: list[tuple[int, int, str]], qualified: bool = False
) -> list[tuple[int, int, str]]:
    """Name words after a title: leading common words extend the title ("Menteri Pertanian
    Syahrul"), and the name stops at the first common word, day, month or non-name word."""
    lex = state.lex
    if words and state.doc.sentences:
        # "... at Bedminster, N.J. Roger Ailes, the former chairman": a name never
        # reaches back over a sentence end
        opens = state.doc.sentence_of(words[-1][0])[0]
        words = [w for w in words if w[0] >= opens]
    i = 0  # "Ketua Serikat Petani ...": organisation heads and common words are no name
    while i < len(words) and (
        _in_title(state, words[i][0])  # "Kabid Humas"
        or words[i][0] in state.head_starts
        or lex.is_lowercase_word(words[i][2])
        or words[i][2].lower() in lex.not_name
        or words[i][2].lower() in lex.title_words  # "nominee Gov. Mike Pence"
    ):
        i += 1
    out = []
    for w in words[i:]:
        low = w[2].lower()
        if low in lex.not_name or lex.is_common(w[2]) or low in lex.title_words:
            break
        out.append(w)
    if qualified and (opener := _opener_at(lex, out)) not in (None, 0):
        out = out[opener:]  # "Bupati Klungkung I Nyoman Suwirta": the name opens at "I"
    if qualified:  # "Menteri Perhubungan Budi Karya": a portfolio word before the name
        while len(out) > 1 and _sometimes_lowercase(lex, out[0][2]):
            out = out[1:]
    while out and out[-1][2].lower() in lex.particles:
        out.pop()
    if out and out[0][2].lower() in lex.particles and not _given_name_particle(lex, out[0][2]):
        return []
    return out if _plausible_name(state, out) else []


def _given_name_particle(lex: Lexicon, word: str) -> bool:
    """A name particle written with a capital that is also a given name opens a name
    ("Rev. Al Sharpton", "Al Gore"; where the pack allows it: the shipped given names
    are US first names); "al" of "Bashar al-Assad" does not."""
    return (
        lex.given_name_openers
        and word[:1].isupper()
        and _given_names().get(word.lower()) is not None
    )


#: how often, at least, a common word that is also a given name must be written with a
#: capital inside sentences to open a name ("bill" 41%, "mark" 80%; not "even" 3%, "can")
_NAME_SHARE = 0.2


def _given_name_before_surname(lex, words, i: int) -> bool:
    """ "Bill Bruch", "Mark Sungkar": a given name that is also a common word ("bill",
    "mark") opens a name when a capitalised word that is no common word follows it and
    the word is often enough a name inside sentences (the word-case counts)."""
    if not lex.given_name_openers or i + 1 >= len(words):
        return False
    if _given_names().get(words[i][2].lower()) is None:
        return False
    lower, capitalised = lex.word_case.get(words[i][2].lower(), (0, 1))
    if capitalised < _NAME_SHARE * (lower + capitalised):
        return False
    surname = words[i + 1][2]
    return (
        surname[:1].isupper()
        and not surname.isupper()
        and not lex.is_common_anywhere(surname)
        and surname.lower() not in lex.not_name
        and surname.lower() not in lex.title_words
    )


_ROMAN = re.compile(r"^[IVXLC]+$")
#: a regnal number after a name: II to XXXIX ("I" and "V" alone close company and event
#: names: "Angkasa Pura I", "Rapimnas V")
_REGNAL = re.compile(r"^(?=[IVX]{2}|X$)X{0,3}(?:IX|IV|V?I{0,3})$")
_NEXT_WORD_START = re.compile(r"[\s,]*")


def _initial(text: str, word: tuple[int, int, str]) -> bool:
    """A single capital written with its period ("C." in "Manuel C. Ayap")."""
    return len(word[2]) == 1 and text[word[1] - 1 : word[1]] == "."


def _opener_at(lex: Lexicon, words: list[tuple[int, int, str]]) -> int | None:
    """Where a name opener ("I Wayan", "I Nyoman") starts among ``words``, followed by at
    least one more name word; the opener's "I" is then no roman numeral."""
    if not lex.name_openers:
        return None
    for i in range(len(words) - 2):
        if f"{words[i][2]} {words[i + 1][2]}".lower() in lex.name_openers:
            return i
    return None


def _sometimes_lowercase(lex: Lexicon, word: str) -> bool:
    counts = lex.word_case.get(word.lower())
    return counts is not None and counts[0] >= 5 and counts[0] * 25 >= counts[1]


def _plausible_name(state: _State, words: list[tuple[int, int, str]]) -> bool:
    """Not a roman numeral, a lone abbreviation ("UGM") or a place ("Jawa Barat")."""
    if not words:
        return False
    romans = [i for i, w in enumerate(words) if _ROMAN.match(w[2]) and not _initial(state.text, w)]
    # "Raja Abdullah II", "Paus Yohanes XXIII": a regnal number closes a name ("LLC" is none)
    regnal = [len(words) - 1] if len(words) > 1 and _REGNAL.match(words[-1][2]) else []
    if romans and romans not in ([_opener_at(state.lex, words)], regnal):  # "I Wayan Koster"
        return False  # a lone "X", but not the initial of "Manuel C. Ayap"
    if len(words) == 1 and (len(words[0][2]) < 2 or (words[0][2].isupper())):
        return False  # "M", "UGM"
    if " ".join(w[2] for w in words).lower() in state.lex.places:
        return False  # "warga Kutai Kartanegara"
    following = _NEXT_WORD.match(state.text, words[-1][1])
    return not (following and following.group(1).lower() in state.lex.place_suffixes)


_NAME_BEFORE = re.compile(r"[A-Z][\w-]+ [A-Z][\w-]+$")


_NUMBER_BEFORE = re.compile(r"\d[\d.,]*(?: \w+)? $")


def _title_info(
    state: _State, title: str, quals_span: tuple[int, int], title_span: tuple[int, int]
):
    """(role key or title word, actor id the role is of) of a title and its qualifiers."""
    lex = state.lex
    of = None
    role = lex.role_words.get(re.sub(r"\s+", " ", title.lower().rstrip(".")))
    entry = _entity_at(state, *title_span)
    if entry is not None and entry.kind == "role":
        return entry.role, entry.actor_id
    entry = _entity_at(state, *quals_span) if quals_span[1] > quals_span[0] else None
    if entry is not None:
        of = entry.actor_id if entry.kind != "institution" else entry.actor_id
    return role or title.lower().rstrip("."), of


def _title_spans(state: _State, masked: str) -> list[tuple[int, int]]:
    """Role phrases and titles outside known names, longest first."""
    masks = (MASK_ENTITY, MASK_PERSON, MASK_ROLE)
    spans = [(s, e) for s, e, entry in state.entities if entry.kind == "role"]
    spans += [
        (s, e) for s, e in state.titles if masked[s] not in masks and masked[e - 1] not in masks
    ]
    return sorted(set(spans), key=lambda span: span[0] - span[1])


class _Spans:
    """Spans kept sorted, to ask whether one of them contains a span: only those that
    start at most the longest span's length before its end can."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []
        self.longest = 0

    def add(self, start: int, end: int) -> None:
        bisect.insort(self.spans, (start, end))
        self.longest = max(self.longest, end - start)

    def contain(self, start: int, end: int) -> bool:
        """Whether a span ``(s, e)`` with ``s <= start`` and ``end <= e`` was added."""
        lo = bisect.bisect_left(self.spans, (end - self.longest, -1))
        hi = bisect.bisect_right(self.spans, (start, sys.maxsize))
        return any(end <= e for _s, e in self.spans[lo:hi])


def _discover_titled(state: _State, masked: str) -> None:
    text = state.text
    named: set[int] = set()
    tried = _Spans()
    for t_start, t_end in _title_spans(state, masked):
        if tried.contain(t_start, t_end):
            continue  # "Menko" inside "Menko Polhukam"
        tried.add(t_start, t_end)
        following = _NEXT_WORD.match(masked, t_end)
        if following and following.group(1)[0].islower():
            if following.group(1).lower() not in state.lex.modifier_starts:
                continue  # "warga desa", "kata dia": no name follows
        m = state.lex.titled.match(masked, t_end)
        if m is None or _in_title(state, m.start("name")):
            continue  # "Plt Kepala Dinas ...": the inner title introduces the name
        title = re.sub(r"\s+", " ", text[t_start:t_end].lower().rstrip("."))
        qualified = title in state.lex.qualified_titles
        words = _clean_name(state, m.start("name"), _words_in(text, *m.span("name")), qualified)
        tail = _name_after_jurisdiction(state, m.start("name")) if qualified else []
        if tail:
            words = tail
        elif qualified:
            # "pelatih Liverpool, Jurgen Klopp", "Kapolda Jateng Irjen Rycko Amelza": the
            # first run is what the title is of, the name comes next
            nxt = state.lex.next_name.match(masked, m.end("name"))
            later = _clean_name(state, 0, _words_in(text, *nxt.span("name"))) if nxt else []
            if later and len(words) <= 2:
                words = later
            elif len(words) == 1:
                continue  # "Kapolda Jateng", "Menteri Perhubungan": no name
            # "Wali Kota Surakarta FX Hadi Rudyatmo", "Gubernur Riau Syamsuar": a place
            # opening the run is where the title is of, when a word that is no place follows
            places = state.lex.places
            while len(words) > 1 and words[0][2].lower() in places:
                if words[1][2].lower() in places:
                    break
                words = words[1:]
        if not words or words[0][0] in named:
            continue
        start, end = words[0][0], words[-1][1]
        named.add(start)
        role, of = _title_info(state, text[t_start:t_end], m.span("quals"), (t_start, t_end))
        if of is None:  # "Chinese Foreign Ministry spokesman Wang Wenbin"
            of = _entity_before(state, t_start)
        title_entry = _entity_at(state, t_start, t_end)
        holder = None
        if title_entry is not None and title_entry.kind == "role":
            holder = state.kb.holder(title_entry.role, title_entry.actor_id, state.doc.published)
        state.found.append(
            _Found(
                start,
                end,
                _holder_if_named(state, holder, words),
                "titled",
                role,
                of,
                (t_end, start),
            )
        )
    for m in state.lex.apposition_after.finditer(masked):
        words = _clean_name(state, m.start("name"), _words_in(text, *m.span("name")))
        if not words or any(f.start <= words[0][0] < f.end for f in state.found):
            continue
        entry = _entity_at(state, *m.span("entity")) if m.group("entity") else None
        title = _entity_at(state, *m.span("title"))
        if title is not None and title.kind == "role":  # "Lavrov, Russia's foreign minister"
            role, of = title.role, title.actor_id
        else:
            role = state.lex.role_words.get(m.group("title").lower(), m.group("title").lower())
            of = entry.actor_id if entry else None
        state.found.append(_Found(words[0][0], words[-1][1], None, "apposition", role, of))


def _name_after_jurisdiction(state: _State, pos: int):
    """ "Kepala Dinas Pendidikan Kota Bandung Hikmat Ginanjar", "Ketua DPRD Kota Malang I
    Made Rian": after a qualified title, a body's name that ends with its place is what the
    title is of; the one to four capitalised words after the place are the holder's name,
    even where they are also common words ("Hikmat", "Ida Ayu Made"). Empty when the run
    has no body and place before a name."""
    lex = state.lex
    whole = lex.capitalised_run.match(state.text, pos)
    run = [  # "Dinas Kebudayaan dan Pariwisata ...": connectors stay inside the body's name
        w
        for w in (_words_in(state.text, *whole.span()) if whole else [])
        if w[2].lower() not in lex.org_connector_words
    ]
    if len(run) < 3 or run[0][0] not in state.head_starts:
        return []
    places = [i for i, w in enumerate(run) if w[2].lower() in lex.places]
    if not places:
        return []
    tail = run[places[-1] + 1 :]
    if not 1 <= len(tail) <= 4 or lex.is_common(tail[-1][2]):
        return []
    for w in tail:
        low = w[2].lower()
        if low in lex.not_name or low in lex.title_words or w[0] in state.head_starts:
            return []
    return tail


def _entity_before(state: _State, pos: int) -> str | None:
    """The known country or organisation that ends right before ``pos`` (one space)."""
    for _start, end, entry in state.entities:
        if end == pos - 1 and entry.kind in ("name", "institution", "demonym"):
            actor = state.kb.actors.get(entry.actor_id)
            if actor is None or actor.type != "person":
                return entry.actor_id
    return None


def _holder_if_named(state: _State, holder: str | None, words) -> str | None:
    """The role holder when the name after the role phrase is (part of) the holder's name."""
    if holder is None:
        return None
    names = {
        state.kb.actors[holder].name.lower(),
        *(a.lower() for a in state.kb.actors[holder].aliases),
    }
    parts = {p for n in names for p in n.split()}
    said = " ".join(w[2] for w in words).lower()
    if said in names or all(w[2].lower() in parts for w in words):
        return holder
    return None


def _discover_organisations(state: _State, masked: str) -> None:
    lex, text = state.lex, state.text
    taken = [(f.start, f.end) for f in state.found]
    spans = []
    if lex.org_head is not None:
        for h_start, h_end in state.heads:
            if masked[h_start] in (MASK_ENTITY, MASK_PERSON, MASK_ROLE):
                continue
            m = lex.org_head.match(masked, h_end)
            end = h_end
            first, after_connector = True, False
            for w in _MASKED_WORD.finditer(masked, h_end, m.end()):
                word = w.group(0)
                if text[w.start() - 1] == "(":
                    word = "(" + word  # "Komite Olahraga Nasional Indonesia (KONI)"
                if (
                    (word[0] == MASK_ENTITY and _is_country_name(state, w.start()))
                    or lex.is_lowercase_word(word)
                    or word.lower() in ("dan", "and", "&")
                ):
                    end = w.end()
                elif word.startswith("("):
                    close = text.find(")", w.start(), w.start() + 12)
                    if close < 0:
                        break
                    end = close + 1
                elif word.isupper():
                    end = w.end()
                elif (
                    (first or after_connector)
                    and word[0].isupper()
                    and word.lower() not in lex.not_name
                ):
                    end = w.end()  # "Partai Buruh", "Kementerian Komunikasi dan Informatika"
                    if after_connector:
                        break
                else:
                    place = _place_at(state, text, w.start())
                    if place:  # "Pengadilan Negeri Jakarta Selatan", "Polda Jawa Tengah"
                        end = place
                    break
                first = False
                after_connector = word.lower() in lex.org_connector_words
            end = _trim_connector(text, h_start, end)
            if end > h_end:
                spans.append((h_start, end))
    if lex.org_tail is not None:
        for m in lex.org_tail.finditer(masked):
            start = m.start()
            for w in _words_in(text, m.start(), m.start("tail")):
                # a common word capitalised only because it opens the sentence ("Pihak
                # Bentoel Grup"); inside a sentence a capital makes it part of the name
                # ("the National Rifle Association")
                if not lex.is_lowercase_word(w[2]) or not _after_sentence_break(text, w[0]):
                    break
                start = _NEXT_WORD_START.match(text, w[1]).end()
            if start < m.start("tail"):
                spans.append((start, m.end()))
    for start, end in spans:
        inside = [f for f in state.found if start <= f.start and f.end <= end]
        if any(
            f.method not in ("kb", "metonym") or _is_person_id(state, f.actor_id) for f in inside
        ):
            continue
        if any(s < end and start < e for s, e in taken if not (start <= s and e <= end)):
            continue
        for f in inside:  # "Serikat Petani Indonesia": the country is part of the name
            state.found.remove(f)
        taken.append((start, end))
        surface = text[start:end].rstrip(" ,")
        of = next(
            (
                entry.actor_id
                for s, e, entry in state.entities
                if start <= s
                and e <= end
                and entry.kind == "name"
                and _is_country(state, entry.actor_id)
            ),
            None,
        )
        state.found.append(_Found(start, start + len(surface), None, "organisation", of=of))


def _discover_cued_organisations(state: _State, masked: str) -> None:
    """ "bertemu dengan perwakilan Grab Indonesia", "delegasi Kernel Oil": a capitalised
    run after a word that introduces an organisation (``org_cues``) is one, unless it is
    known already or opens with a given name ("perwakilan Ahmad Dhani": a person's side)."""
    lex, text = state.lex, state.text
    if lex.org_after_cue is None:
        return
    taken = [(f.start, f.end) for f in state.found]
    for m in lex.org_after_cue.finditer(masked):
        start, end = m.span("name")
        words = _split_words(text, start, end)
        run = []
        for w in words:
            if w[2].lower() in lex.not_name or lex.is_common(w[2]):
                break
            run.append(w)
        if not run or all(masked[w[0]] in (MASK_ENTITY, MASK_PERSON, MASK_ROLE) for w in run):
            continue  # nothing new: "perwakilan Indonesia", "perwakilan KPK"
        if masked[run[0][0]] in (MASK_ENTITY, MASK_PERSON, MASK_ROLE):
            continue  # "perwakilan Partai Golkar Jawa Barat": the known name leads
        if _given_names().get(run[0][2].lower()) or _plausible_name(state, run) is False:
            continue
        start, end = run[0][0], run[-1][1]
        if any(s < end and start < e for s, e in taken):
            continue
        taken.append((start, end))
        state.found.append(_Found(start, end, None, "organisation"))


def _discover_cued(state: _State, masked: str) -> None:
    """Names next to a speech verb or "menurut"/"according to" ("kata Eva"), and before
    an age in brackets ("Supani (63)")."""
    lex, text = state.lex, state.text
    taken = {f.start for f in state.found}
    ages = lex.age_after_name.finditer(text) if lex.age_after_name is not None else ()
    speech_cues = [c for c in state.cues if c[0] in ("cue_before", "cue_after")]
    for kind, start, end in [*speech_cues, *(("cue_after", a.start(), a.end()) for a in ages)]:
        if kind == "cue_before":
            m = lex.name_after_cue.match(masked, end)
            keep_last = False
        else:
            m = lex.name_before_cue.search(masked, max(0, start - 80), start)
            keep_last = True
        if m is None:
            continue
        run: list[tuple[int, int, str]] = []
        words = _split_words(text, *m.span("name"))
        for i, w in enumerate(words):
            low = w[2].lower()
            if low in lex.not_name or lex.is_common(w[2]) or low in lex.title_words:
                if not run and _given_name_before_surname(lex, words, i):
                    run.append(w)  # "Bill Bruch said"
                    continue
                if keep_last:
                    run = []
                    continue
                break
            run.append(w)
        if not run or run[0][0] in taken or not _plausible_name(state, run):
            continue
        if len(run) == 1 and lex.is_common_anywhere(run[0][2]):
            continue
        if any(ts <= run[0][0] < te for ts, te in state.titles):
            continue  # "Menko Polhukam menyampaikan": a title, not a name
        taken.add(run[0][0])
        state.found.append(_Found(run[0][0], run[-1][1], None, "cued"))


def _discover_initials(state: _State, masked: str) -> None:
    """Initials after a word of the crime and court pages ("tersangka BTO", "berinisial
    SB", "terdakwa AW"): a person the paper names by initials only; later bare uses of
    the same initials in the article are that person."""
    lex = state.lex
    if lex.initials_after is None:
        return
    taken = {f.start for f in state.found}
    people: dict[str, str] = {}
    for m in lex.initials_after.finditer(masked):
        start, end = m.span("initials")
        if start in taken:
            continue
        word = m.group("initials")
        if word in lex.not_org_acronyms or lex.is_common_anywhere(word):
            continue  # "pelaku UMKM", "korban PHK": abbreviations of things
        actor_id = make_actor_id("person", word)
        state.actors.setdefault(actor_id, Actor(actor_id, word, "person", None, []))
        state.found.append(_Found(start, end, actor_id, "initials"))
        taken.add(start)
        people[word] = actor_id
    for word, actor_id in people.items():
        for m in re.finditer(rf"(?<![\w-]){word}(?![\w-])", masked):
            if m.start() not in taken:
                state.found.append(_Found(m.start(), m.end(), actor_id, "initials"))
                taken.add(m.start())


def _discover_acronyms(state: _State, masked: str) -> None:
    """Unknown abbreviations are organisations ("QVC", "KGB"); "Nama Panjang (NP)" defines one."""
    lex, text = state.lex, state.text
    defined: dict[str, str] = {}
    orgs = {f.end: f for f in state.found if f.actor_id and _is_organisation(state, f.actor_id)}
    for f in orgs.values():  # "Komite Olahraga Nasional Indonesia (KONI)"
        inner = _ABBREVIATION_AFTER.search(text, f.start, f.end)
        if inner:
            defined[inner.group(0).strip(" ()")] = f.actor_id
    for m in lex.acronym.finditer(masked):
        word = m.group(0)
        if word in lex.not_org_acronyms or word.lower() in lex.title_words or _ROMAN.match(word):
            continue
        if (
            lex.is_common_anywhere(word)
            or lex.is_lowercase_word(word)
            or _CAPS_NEIGHBOUR.search(text, max(0, m.start() - 30), min(len(text), m.end() + 30))
            and _in_caps_run(text, m.start(), m.end())
        ):
            continue  # "FULL TEXT", "THE": words written in capitals
        start, end = m.span()
        if text[start - 1 : start] == "(" and text[start - 2 : start - 1] == " ":
            full = orgs.get(start - 2)
            if (
                full is None
                and _NAME_BEFORE.search(text, 0, start - 2)
                and not _used_alone(text, word, start)
            ):
                continue  # "Lomba Kompetensi Siswa (LKS)": defined by a name that is no organisation
        else:
            full = None
        if _NUMBER_BEFORE.search(text, max(0, start - 12), start):
            continue  # "46 juta KL": a unit
        if (
            full is None
            and _spells_phrase_before(text, start, word)
            and not (text[start - 1 : start] == "(" and _used_alone(text, word, start))
        ):
            continue  # "Net Interest Margin NIM": the abbreviation of a phrase, no organisation
        if full is not None:
            defined[word] = full.actor_id
            state.found.append(_Found(start, end, full.actor_id, "alias"))
            continue
        if word in defined:
            state.found.append(_Found(start, end, defined[word], "alias"))
            continue
        actor_id = make_actor_id("organisation", word)
        state.actors.setdefault(actor_id, Actor(actor_id, word, "organisation", None, []))
        state.found.append(_Found(start, end, actor_id, "acronym"))


_CAPS_NEIGHBOUR = re.compile(r"\b[A-Z]{2,}\b")


def _used_alone(text: str, word: str, defined_at: int) -> bool:
    """Whether an abbreviation defined in brackets at ``defined_at`` also stands alone
    elsewhere in the text: then it names an organisation there and at its definition
    ("United Nation Office in Drugs and Crime (UNODC) ... pertemuan dengan UNODC")."""
    for m in re.finditer(rf"(?<![\w(]){re.escape(word)}(?![\w)])", text):
        if m.start() != defined_at:
            return True
    return False


def _in_caps_run(text: str, start: int, end: int) -> bool:
    """Whether the word at ``[start, end)`` stands next to another word in capitals."""
    before = re.search(r"([A-Z]{2,})\W{1,3}$", text[max(0, start - 30) : start])
    after = re.match(r"\W{1,3}([A-Z]{2,})\b", text[end : end + 30])
    return bool(before or after)


def _spells_phrase_before(text: str, start: int, word: str) -> bool:
    """Whether ``word`` is the initials of the capitalised words right before it."""
    before = re.findall(r"[\w'’-]+", text[max(0, start - 80) : start])[-8:]
    capitals = "".join(w[0] for w in before if w[:1].isupper())
    initials = "".join(w[0] for w in before).upper()  # "Return on Equity ROE"
    return capitals.endswith(word) or initials.endswith(word)


def _place_at(state: _State, text: str, pos: int) -> int:
    """End of a known place name (one to three words, with a direction) at ``pos``, else 0."""
    words = _split_words(text, pos, min(len(text), pos + 60))[:4]
    best = 0
    for n in range(1, len(words) + 1):
        name = " ".join(w[2] for w in words[:n]).rstrip(",.")
        if not name[:1].isupper():
            break
        if name.lower() in state.lex.places:
            best = words[n - 1][1]
        elif n > 1 and words[n - 1][2].lower() in state.lex.place_suffixes and best:
            best = words[n - 1][1]
    return best


def _trim_connector(text: str, start: int, end: int) -> int:
    words = text[start:end].split(" ")
    while words and words[-1].lower() in ("dan", "and", "&", "of", "for", "untuk"):
        words.pop()
    return start + len(" ".join(words))
