"""Finding actor mentions in one article and resolving what later references stand for.

:func:`find_mentions` scans an article once:

1. Knowledge-base names, metonyms ("Beijing" for China's government, but not "di
   Beijing"), role phrases ("presiden Rusia", "Russian President") and institutions
   ("Kementerian Luar Negeri China") with one Aho–Corasick pass over the lower-cased text.
2. Discovery of actors the knowledge base does not know, from the way news introduces
   them: a title or role before a capitalised name ("juru bicara Kremlin Dmitry
   Peskov", "menteri luar negeri China yang baru, Qin Gang"), a title after it ("Lavrov,
   Russia's foreign minister"), organisation names from their head words ("Kementerian
   ...", "Partai ...", "... Party"), and, optionally, untitled runs of two or more
   capitalised words that are not common words of the language.
3. Resolution inside the article: a surname or other part of a name refers to the person
   introduced most recently with it ("Wang" after "Wang Yi" is Wang Yi, not the earlier
   Wang Wenbin); a role phrase refers to the holder of the role on the publication date
   ("pemimpin Rusia itu" in 2023 is Vladimir Putin); a shortened organisation name refers
   to the full one named before ("Kementerian Luar Negeri" after "Kementerian Luar Negeri
   China").

:func:`resolve_reference` then tells the quote and meeting extractors what a pronoun or
a definite description stands for ("ia", "he", "juru bicara itu", "kedua pemimpin").
"""

from __future__ import annotations

import bisect
import re

from ..document import Actor, Document, Mention
from ..lang import get_pack
from .discover import (
    _discover_acronyms,
    _discover_cued,
    _discover_cued_organisations,
    _discover_initials,
    _discover_organisations,
    _discover_titled,
    _given_name_before_surname,
    _given_name_particle,
    _plausible_name,
)
from .ids import make_actor_id
from .kb import KnowledgeBase
from .known import _mask, _mask_found, _match_known, _speaker_starts
from .lexicon import get_lexicon
from .references import _given_names, resolve_reference
from .sides import lone_name, meeting_side
from .state import (
    _ABBREVIATION_AFTER,
    _NEXT_WORD,
    _after_sentence_break,
    _could_be_a_name,
    _entity_at,
    _follows,
    _Found,
    _is_country,
    _is_person_id,
    _person_name,
    _split_words,
    _State,
    _word,
    _words_before,
)

__all__ = ["find_mentions", "resolve_reference"]


def find_mentions(
    doc: Document, kb: KnowledgeBase, bare_names: bool = True, subject_names: bool = False
) -> None:
    """Fill ``doc.mentions`` (sorted by start) and ``doc.actors`` for one article.

    ``subject_names`` also takes a lone capitalised word that opens a clause before a verb
    for a person ("Hanung juga menjamin"): more recall, but teams, brands and companies
    are taken too ("Liverpool meraih"), so it is off by default.
    ``bare_names`` also finds untitled personal names of two or more capitalised words
    (more recall, some precision lost: see ``docs/actors.md`` for the measured cost).
    """
    pack = doc.pack or get_pack("en")
    doc.mentions = []
    doc.actors = {}
    if pack is None or not doc.text:
        return
    lex = get_lexicon(kb, pack)
    state = _State(doc, kb, lex, doc.text)
    _match_known(state)
    state.head_starts = {s for s, _ in state.heads}
    masked = _mask(state)
    _discover_titled(state, masked)
    masked = _mask_found(masked, state.found)
    _discover_organisations(state, masked)
    masked = _mask_found(masked, state.found)
    _discover_cued_organisations(state, masked)
    masked = _mask_found(masked, state.found)
    _discover_cued(state, masked)
    masked = _mask_found(masked, state.found)
    _discover_initials(state, masked)
    masked = _mask_found(masked, state.found)
    _resolve_roles(state)
    _name_organisations(state)
    _discover_acronyms(state, masked)
    _index_people(state)
    state.subject_names = subject_names
    _partials_and_bare_names(state, masked, bare_names)
    _emit(state)


def _resolve_roles(state: _State) -> None:
    """Role phrases not used as titles become mentions of the role holder on the day."""
    text = state.text
    people = sorted(
        f.start
        for f in state.found
        if f.method in ("titled", "kb") and (f.actor_id is None or _is_person_id(state, f.actor_id))
    )
    for start, end, entry in state.entities:
        if entry.kind != "role":
            continue
        i = bisect.bisect_left(people, end)
        if (
            i < len(people)
            and state.lex.titled.match(text, end)
            and _introduces(state, end, people[i])
        ):
            # a title ("Ketua Umum Partai Golkar Aburizal Bakrie"): the organisation
            # named in it is a mention of its own
            if entry.part is not None and not _is_country(state, entry.actor_id):
                state.found.append(
                    _Found(start + entry.part[0], start + entry.part[1], entry.actor_id, "kb")
                )
            continue
        if any(ts < start < te for ts, te in state.titles):
            # "Wakil Ketua MPR": a longer title holds the role word; its holder is someone
            # else (a deputy), the organisation stays a mention
            if entry.part is not None and not _is_country(state, entry.actor_id):
                part = (start + entry.part[0], start + entry.part[1])
                state.found.append(_Found(*part, entry.actor_id, "kb"))
            continue
        if _follows(state, start, state.lex.predicative_before):
            # "sejak menjadi pemimpin China": a description; the country stays a mention
            if entry.part is not None:
                part = (start + entry.part[0], start + entry.part[1])
                state.found.append(_Found(*part, entry.actor_id, "kb"))
            continue
        end = _with_demonstrative(state, end)
        holder = state.kb.holder(entry.role, entry.actor_id, state.doc.published)
        state.found.append(_Found(start, end, holder, "role", entry.role, entry.actor_id))
        if holder is None and entry.part is not None:
            # unresolved ("Ketua MK" without a date): the organisation is still mentioned
            part = (start + entry.part[0], start + entry.part[1])
            state.found.append(_Found(*part, entry.actor_id, "kb"))


def _introduces(state: _State, end: int, person_start: int) -> bool:
    """Whether only title modifiers and a comma stand between a role phrase and a person."""
    between = state.text[end:person_start]
    if len(between) > 30:
        return False
    m = state.lex.titled.match(between + "X", 0)
    return m is not None and m.start("name") == len(between)


def _with_demonstrative(state: _State, end: int) -> int:
    m = re.match(r"\s+([\w]+)", state.text[end : end + 20])
    if m and m.group(1).lower() in state.lex.demonstratives:
        return end + m.end()
    return end


def _name_organisations(state: _State) -> None:
    """Ids of discovered organisations (a shortened name refers back to the full one)."""
    for f in state.found:
        if f.method == "organisation":
            # "Komite Olahraga Nasional Indonesia (KONI)": the name without its abbreviation
            name = _ABBREVIATION_AFTER.sub("", _person_name(state, f))
            earlier = _earlier_org(state, name)
            if earlier:
                f.actor_id, f.method = earlier, "partial"
            else:
                f.actor_id = make_actor_id("organisation", name)
                state.actors.setdefault(
                    f.actor_id, Actor(f.actor_id, name, "organisation", None, [])
                )
                f.method = "discovered"
                if f.of:
                    state.actors[f.actor_id].country = _country_of(state, f.of)


def _index_people(state: _State) -> None:
    """Give ids to discovered people; index their name parts by introduction."""
    kb = state.kb
    people = sorted(
        (f for f in state.found if f.method in ("kb", "titled", "apposition", "cued")),
        key=lambda f: f.start,
    )
    parts_of: dict[str, list[str]] = {}  # name -> its name parts (a person recurs)
    for f in people:
        if f.of is None and f.qualifiers:
            f.of = _qualifier_actor(state, *f.qualifiers)
        if f.actor_id is None:
            name = _person_name(state, f)
            known = _earlier_person(state, name, f.start)
            if known:
                f.actor_id, f.method = known, "partial"
                continue
            f.actor_id = _kb_person(kb, name) or make_actor_id("person", name)
            if f.actor_id not in kb.actors:
                state.actors.setdefault(
                    f.actor_id, Actor(f.actor_id, name, "person", _country_of(state, f.of), [])
                )
            f.method = "discovered"
        actor = state.actors.get(f.actor_id) or kb.actors.get(f.actor_id)
        if actor is None or actor.type != "person":
            continue
        if f.role:
            state.roles.setdefault(f.actor_id, []).append((f.role, f.of))
        parts = parts_of.get(actor.name)
        if parts is None:
            parts = parts_of[actor.name] = _name_parts(state, actor.name)
        for part in parts:
            _introduce(state, part, f.start, f.actor_id)


def _qualifier_actor(state: _State, start: int, end: int) -> str | None:
    """The country or organisation named between a title and a name, if any."""
    for f in state.found:
        if start <= f.start and f.end <= end and f.actor_id and f.method != "titled":
            return f.actor_id
    entry = _entity_at(state, start, end)
    return entry.actor_id if entry is not None and entry.kind != "title" else None


def _introduce(state: _State, part: str, pos: int, actor_id: str) -> None:
    """Record that ``actor_id`` was introduced at ``pos`` with the name part ``part``."""
    intros = state.intro.setdefault(part, [])
    if all(a != actor_id for _, a in intros):
        intros.append((pos, actor_id))


def _kb_person(kb: KnowledgeBase, name: str) -> str | None:
    actor_id = make_actor_id("person", name)
    return actor_id if actor_id in kb.actors else None


def _country_of(state: _State, of: str | None) -> str | None:
    if of is None:
        return None
    actor = state.kb.actors.get(of) or state.actors.get(of) or state.lex.institutions.get(of)
    return actor.country if actor else None


def _name_parts(state: _State, name: str) -> list[str]:
    """The words of a name that stand for it alone later: no particle, common word or
    place ("Papua" of a mis-read "Papua Center" is still the province)."""
    lex = state.lex
    return [
        p.lower()
        for p in re.split(r"[\s]+", name)
        if len(p) > 1
        and p.lower() not in lex.particles
        and not lex.is_common(p)
        and p.lower() not in lex.places
    ]


def _directed_place(state: _State, run) -> bool:
    """A place with a direction word ("West Papua", "Papua Barat", "North Sumatra")."""
    words = [w[2].lower() for w in run]
    rest = [w for w in words if w not in state.lex.direction_words]
    return 0 < len(rest) < len(words) and " ".join(rest) in state.lex.places


def _earlier_person(state: _State, name: str, pos: int) -> str | None:
    """The person introduced most recently before ``pos`` whose name has all these words.

    A single word that is no name part may shorten one ("Alex" after "Alexander
    Marwata", "Rudy" after "FX Hadi Rudyatmo"): see :func:`_shortened`.
    """
    words = [w.lower() for w in name.split()]
    best = None
    for word in words:
        intros = [(p, a) for p, a in state.intro.get(word, []) if p < pos]
        if not intros:
            return _shortened(state, word, pos) if len(words) == 1 else None
        candidate = max(intros)[1]
        if best is not None and candidate != best:
            return None
        best = candidate
    return best


def _alone(text: str, pos: int) -> bool:
    """A capitalised word inside a sentence after a lower-case word ("bertemu Bobby"), not
    the tail of a capitalised phrase ("Putra Mahkota", "Menteri Perhubungan")."""
    before = text[max(0, pos - 30) : pos].split()
    return bool(before) and before[-1][:1].islower() and not _after_sentence_break(text, pos)


def _later_person(state: _State, word: str, pos: int) -> str | None:
    """The person introduced first after ``pos`` with the name part ``word``: a lead that
    uses the short name before the article introduces the person ("ia sudah dua kali
    bertemu Bobby ...", then "Bobby menyampaikan ...", "Bobby Nasution adalah ...")."""
    intros = [(p, a) for p, a in state.intro.get(word.lower(), []) if p > pos]
    return min(intros)[1] if intros else None


#: shortest word taken for a shortened name part ("Alex"; "Al" or "Ali" are names of their own)
SHORTENED_MIN = 4


def _shortened(state: _State, word: str, pos: int) -> str | None:
    """The one person introduced before ``pos`` with a name part that ``word`` begins.

    News introduces a person by full name and then often uses a short form of one of
    the names ("Alex" for Alexander Marwata, "Rudy" for FX Hadi Rudyatmo). Taken only
    when exactly one person introduced so far has such a part; a word that is itself a
    name part of someone is handled by the exact match before.
    """
    if len(word) < SHORTENED_MIN:
        return None
    found = {
        actor
        for part, intros in state.intro.items()
        if len(part) > len(word) and part.startswith(word)
        for p, actor in intros
        if p < pos
    }
    return found.pop() if len(found) == 1 else None


def _shortens_a_part(parts: list[str], word: str) -> bool:
    """Whether ``word`` begins a longer name part; ``parts`` sorted (a binary search: the
    parts that start with ``word`` follow each other from where it would be inserted)."""
    if len(word) < SHORTENED_MIN:
        return False
    i = bisect.bisect_left(parts, word)
    while i < len(parts) and parts[i].startswith(word):
        if len(parts[i]) > len(word):
            return True
        i += 1
    return False


def _earlier_org(state: _State, name: str) -> str | None:
    """An organisation named before whose name starts with ``name`` (a shortened mention)."""
    low = name.lower()
    for f in state.found:
        if f.actor_id is None or f.method not in ("kb", "discovered"):
            continue
        actor = (
            state.actors.get(f.actor_id)
            or state.kb.actors.get(f.actor_id)
            or state.lex.institutions.get(f.actor_id)
        )
        if actor is None or actor.type not in ("organisation", "group"):
            continue
        surface = state.text[f.start : f.end].lower()
        if surface != low and surface.startswith(low + " "):
            return f.actor_id
    return None


def _partials_and_bare_names(state: _State, masked: str, bare_names: bool) -> None:
    """Surnames and other name parts of people introduced earlier; untitled full names."""
    lex, text = state.lex, state.text
    starts = {s for s in state.doc._sentence_starts} if state.doc.sentences else {0}
    intro, subjects = state.intro, state.subject_names
    parts: list[str] = []  # the name parts in ``intro`` (which only grows), sorted
    for m in lex.name_run.finditer(masked):
        first = _word(0, m.group())[2].lower()
        if not subjects and " " not in m.group() and first not in intro:
            if len(parts) != len(intro):
                parts = sorted(intro)
            if not _shortens_a_part(parts, first) and not meeting_side(state, m.start()):
                continue  # one word that is no part (or short form) of a name given earlier
        words = _split_words(text, m.start(), m.end())
        if (
            words
            and (words[0][0] in starts or _after_sentence_break(text, words[0][0]))
            and (lex.is_common(words[0][2]) or words[0][2].lower() in lex.not_name)
            and not _given_name_before_surname(lex, words, 0)
        ):
            words = words[1:]
        run: list[tuple[int, int, str]] = []
        for i, w in enumerate(words + [None]):
            if (
                w is not None
                and run
                and i + 1 < len(words)
                and w[2] in lex.particles
                and w[2] not in lex.not_person_before  # "Anies di Balai Kota": a place
            ):
                run.append(w)  # "Mohammed bin Zayed al-Nahyan": a particle inside a name
                continue
            # a common word breaks the run unless it is a first name opening it ("Bill Bruch")
            common = w is not None and lex.is_common(w[2])
            if common and not run and _given_name_before_surname(lex, words, i):
                common = False
            if w is not None and not (
                w[2].lower() in lex.not_name
                or common
                or w[2].lower() in lex.title_words
                or w[0] in state.head_starts
            ):
                run.append(w)
                continue
            _take_run(state, run, bare_names)
            run = []
    _merge_meeting_sides(state)


def _merge_meeting_sides(state: _State) -> None:
    """A lone name a meeting verb introduced ("Kivlan menemui Helmi") that the article
    names in full later ("Helmi Kurniawan alias Iwan") is that person, in every mention."""
    for actor_id, first in state.meeting_sides.items():
        actor = state.actors.get(actor_id)
        if actor is None or " " in actor.name:
            continue
        later = _later_person(state, actor.name, first.start)
        if later is None or later == actor_id:
            continue
        for f in state.found:
            if f.actor_id == actor_id:
                f.actor_id, f.method = later, "partial"
        del state.actors[actor_id]


def _in_headline(state: _State, pos: int) -> bool:
    """Whether ``pos`` is in a title-case sentence (a headline) of four or more words:
    only the function words the language pack lists ("of", "with") stay in lower
    case; without a list, only words of four letters or fewer. "Sarah Brady died last
    year." has a lower-case verb: no headline."""
    index = state.doc.sentence_index(pos)
    cache = state.headlines
    if index not in cache:
        start, end = state.doc.sentences[index] if state.doc.sentences else (0, len(state.text))
        words = _LETTER_WORD.findall(state.text, start, end)
        function_words = state.lex.title_case_lowercase
        if function_words:
            lower = [w for w in words if w.islower() and w not in function_words]
        else:
            lower = [w for w in words if w.islower() and len(w) > 4]
        cache[index] = len(words) >= 4 and not lower
    return cache[index]


_LETTER_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _is_subject(state: _State, word: tuple[int, int, str]) -> bool:
    """A lone capitalised word opening a clause and followed by a verb: a person's name."""
    lex, text = state.lex, state.text
    start, end, w = word
    low = w.lower()
    if not _could_be_a_name(lex, w) or (low.endswith("nya") and lex.is_common(low[:-3])):
        return False  # "Baterainya"
    before = text[max(0, start - 2) : start]
    if not (start == 0 or before.endswith(", ") or _after_sentence_break(text, start)):
        return False
    following = _NEXT_WORD.match(text, end)
    return bool(following) and (
        following.group(1).lower() in lex.subject_after or lex.is_verb(following.group(1))
    )


def _initials_before_name(run) -> bool:
    """ "FX Hadi Rudyatmo", "AM Hendropriyono Putra": two capital initials opening a run
    whose next word is a given name are a person's initials, not an acronym."""
    first, rest = run[0][2], run[1:]
    return (
        len(first) == 2
        and first.isupper()
        and len(rest) >= 2
        and not any(w[2].isupper() for w in rest)
        and _given_names().get(rest[0][2].lower()) is not None
    )


def _take_run(state: _State, run, bare_names: bool) -> None:
    if not run:
        return
    start, end = run[0][0], run[-1][1]
    name = " ".join(w[2] for w in run)
    known = _earlier_person(state, name, start)
    if not known and len(run) == 1 and _alone(state.text, start):
        known = _later_person(state, name, start)
    if known:
        state.found.append(_Found(start, end, known, "partial"))
        return
    if len(run) == 1:
        # one word: a part of a person introduced earlier ("Xi", "Kuleba"), or the
        # subject of a clause ("Hanung juga menjamin")
        if state.subject_names and _is_subject(state, run[0]):
            method = "subject"
        elif (side := meeting_side(state, start)) and lone_name(state, run[0], side):
            method = "cued"
        else:
            return
        actor_id = make_actor_id("person", name)
        state.actors.setdefault(actor_id, Actor(actor_id, name, "person", None, []))
        found = _Found(start, end, actor_id, method)
        state.found.append(found)
        if method == "cued":
            state.meeting_sides.setdefault(actor_id, found)
        _introduce(state, name.lower(), start, actor_id)
        return
    particles = state.lex.particles
    if (
        not bare_names
        or run[-1][2].lower() in particles
        or (run[0][2].lower() in particles and not _given_name_particle(state.lex, run[0][2]))
    ):
        return
    if _in_headline(state, start):
        return  # "Elizabeth Warren Hammers Wells Fargo": every word is capitalised
    if any(w[2].isupper() and len(w[2]) > 1 for w in run) and not _initials_before_name(run):
        return  # acronyms: organisations, not people
    opener = 1 if _given_name_before_surname(state.lex, run, 0) else 0
    if any(
        state.lex.is_common_anywhere(w[2]) for w in run[opener:] if w[2] not in particles
    ) or not _plausible_name(state, run):
        return  # "Financial Times", "Jawa Barat"
    if name.lower() in state.lex.places or _directed_place(state, run):
        return  # "Kutai Kartanegara", "West Papua"
    if any(w in state.lex.not_person_before for w in _words_before(state.text, start)):
        return  # "di Beit Hanun", "Kelurahan Talikuran", "Bandara Internasional Sepinggan"
    actor_id = _kb_person(state.kb, name) or make_actor_id("person", name)
    if actor_id not in state.kb.actors:
        state.actors.setdefault(actor_id, Actor(actor_id, name, "person", None, []))
    state.found.append(_Found(start, end, actor_id, "name"))
    for part in _name_parts(state, name):
        _introduce(state, part, start, actor_id)


def _emit(state: _State) -> None:
    doc, kb = state.doc, state.kb
    found = sorted(
        (f for f in state.found if f.actor_id and f.start >= state.dateline_end),
        key=lambda f: (f.start, -f.end),
    )
    mentions: list[Mention] = []
    last_end = -1
    surfaces: dict[str, list[str]] = {}
    for f in found:
        if f.start < last_end:
            continue
        last_end = f.end
        surface = state.text[f.start : f.end]
        mentions.append(Mention(f.start, f.end, surface, f.actor_id, f.method))
        if f.method in ("kb", "discovered", "titled", "apposition", "name", "partial"):
            surfaces.setdefault(f.actor_id, []).append(surface)
    doc.mentions = mentions
    for m in mentions:
        if m.actor_id in doc.actors:
            continue
        base = (
            state.actors.get(m.actor_id)
            or kb.actors.get(m.actor_id)
            or state.lex.institutions.get(m.actor_id)
        )
        if base is None:
            continue
        actor = Actor(
            base.actor_id, base.name, base.type, base.country, list(base.aliases), base.wikidata_id
        )
        for s in surfaces.get(m.actor_id, []):
            if s != actor.name and s not in actor.aliases:
                actor.aliases.append(s)
        doc.actors[m.actor_id] = actor
    doc.extra["actors"] = {
        "kb": kb,
        "lexicon": state.lex,
        "roles": state.roles,
        "speakers": _speaker_starts(state, (m.start for m in mentions)),
    }
