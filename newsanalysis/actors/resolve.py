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
from dataclasses import dataclass, field

from ..document import Actor, Document, Mention
from ..lang import get_pack
from .ids import make_actor_id
from .kb import KnowledgeBase
from .lexicon import MASK_ENTITY, MASK_PERSON, MASK_ROLE, Entry, Lexicon, get_lexicon, scan_form

__all__ = ["find_mentions", "resolve_reference"]

_WORD = re.compile(r"[\w'’.-]+")
_MASKED_WORD = re.compile(rf"[\w'’.-]+|[{MASK_ENTITY}{MASK_ROLE}{MASK_PERSON}]+")
_PREV_WORDS = re.compile(r"([\w'’-]+(?:\s+[\w'’-]+)?)\s*$")
#: role keys that "pemimpin" / "leader" covers when the knowledge base names no leader
_LEADER_ROLES = {"leader", "president", "prime_minister", "chancellor", "supreme_leader", "monarch"}


@dataclass
class _Found:
    """A span found in the text before it becomes a mention."""

    start: int
    end: int
    actor_id: str | None
    method: str
    role: str | None = None  # role key or title word the person was introduced with
    of: str | None = None  # actor id of the role's country / organisation
    qualifiers: tuple[int, int] | None = None  # text between title and name


@dataclass
class _State:
    doc: Document
    kb: KnowledgeBase
    lex: Lexicon
    text: str
    entities: list[tuple[int, int, Entry]] = field(default_factory=list)
    titles: list[tuple[int, int]] = field(default_factory=list)
    heads: list[tuple[int, int]] = field(default_factory=list)
    head_starts: set[int] = field(default_factory=set)
    cues: list[tuple[str, int, int]] = field(default_factory=list)
    dateline_end: int = 0
    subject_names: bool = False
    headlines: dict[int, bool] = field(default_factory=dict)
    title_chars: set[int] | None = None  # positions inside titles, built on first use
    found: list[_Found] = field(default_factory=list)
    actors: dict[str, Actor] = field(default_factory=dict)
    roles: dict[str, list[tuple[str, str | None]]] = field(default_factory=dict)
    intro: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # name part -> intros


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
    _discover_cued(state, masked)
    masked = _mask_found(masked, state.found)
    _resolve_roles(state)
    _name_organisations(state)
    _discover_acronyms(state, masked)
    _index_people(state)
    state.subject_names = subject_names
    _partials_and_bare_names(state, masked, bare_names)
    _emit(state)


# --------------------------------------------------------------------------- step 1: known


def _case_ok(surface: str, alias: str) -> bool:
    """Capitals of the alias must be capitals in the text; acronyms must match exactly."""
    if alias.isupper() and len(alias) <= 6:
        return surface == alias
    for a, s in zip(alias, surface, strict=False):
        if a.isupper() and not s.isupper():
            return False
    return True


def _match_known(state: _State) -> None:
    text, lex = state.text, state.lex
    n = len(text)
    candidates = []
    # keys start with a space: matches begin at a word start of " " + scan form
    for end_index, (length, entries) in lex.automaton.iter(" " + scan_form(text)):
        start, end = end_index - length, end_index
        if end < n and text[end].isalnum():
            continue
        surface = text[start:end]
        for entry in entries:
            if entry.kind == "title":
                if not (entry.surface in lex.lowercase_titles and not surface.islower()):
                    state.titles.append((start, end))
            elif entry.kind == "org_head":
                if surface == entry.surface:
                    state.heads.append((start, end))
            elif entry.kind in ("cue_before", "cue_after"):
                state.cues.append((entry.kind, start, end))
            elif _case_ok(surface, entry.surface):
                candidates.append((start, -end, entry))
                break
    candidates.sort(key=lambda c: (c[0], c[1]))
    last_end = -1
    for start, neg_end, entry in candidates:
        if start >= last_end:
            state.entities.append((start, -neg_end, entry))
            last_end = -neg_end
    dateline = _DATELINE.match(text)
    if dateline and _is_dateline_place(state, dateline):
        state.dateline_end = dateline.end()
    for start, end, entry in state.entities:
        if end <= state.dateline_end:
            continue  # "Hongkong (CNN) -", "JAKARTA, KOMPAS.com -": where and who reports
        if entry.kind == "name":
            actor = state.kb.actors[entry.actor_id]
            if actor.type == "organisation" and _is_building(state, start):
                continue  # "di Gedung DPR"
            if actor.type == "country" and _inside_longer_name(state, start, end):
                continue  # "New Jersey", "Laut China Selatan", "Michael Jordan"
            state.found.append(_Found(start, end, actor.actor_id, "kb"))
        elif entry.kind == "institution":
            state.found.append(_Found(start, end, entry.actor_id, "kb"))
        elif entry.kind == "metonym" and _is_government(state, start, end):
            state.found.append(_Found(start, end, entry.actor_id, "metonym"))


#: a news dateline: place names, then the agency in brackets or after a comma, then a dash
_DATELINE = re.compile(
    r"\s*(?P<place>[A-Z][\w.'’-]*(?:[ ,/]+[A-Z][\w.'’-]*){0,3})"
    r"(?:\s*\([^)\n]{1,40}\)\s*[-–—]?|,\s*[\w.]+\.(?:com|co\.id|id|net)\s*[-–—])"
)


_CAPITALISED_AFTER = re.compile(r" [A-Z]")
_CAPITALISED_BEFORE = re.compile(
    r"[A-Za-z][\w.-]*[A-Z][\w.-]* $|(?<![.!?:\"“] )\b[A-Z][\w.-]*,? $"  # "DKI Jakarta", "Tendean, Jakarta"
)


def _inside_longer_name(state: _State, start: int, end: int) -> bool:
    """A capitalised word (not a title, not a sentence start) right before or after."""
    text, lex = state.text, state.lex
    after = _NEXT_WORD.match(text, end)
    if after and after.group(1)[:1].isupper() and after.group(1).lower() not in lex.title_words:
        if not any(s == end + 1 for s, _e, _x in state.entities):
            return True
    before = _CAPITALISED_WORD_BEFORE.search(text, max(0, start - 40), start)
    if before and before.group(1).lower() not in lex.title_words:
        if _after_sentence_break(text, before.start(1)):
            return False  # "New Zealand" aside, a sentence may start with a word before it
        return not any(e == start - 1 for _s, e, _x in state.entities)
    return False


_CAPITALISED_WORD_BEFORE = re.compile(r"([A-Z][\w'’-]*) $")


def _after_cue(state: _State, pos: int) -> bool:
    """Whether a speech cue ("kata", "ujar", "said") stands right before ``pos``."""
    return any(kind == "cue_before" and 0 < pos - end <= 2 for kind, _s, end in state.cues) or any(
        0 < pos - e <= 2 and state.text[e:pos].strip(" ,") == "" and _in_title_after_cue(state, s)
        for s, e in state.titles
    )


def _in_title_after_cue(state: _State, title_start: int) -> bool:
    """A title right after a cue: "kata juru bicara Wang Wenbin"."""
    return any(kind == "cue_before" and 0 < title_start - end <= 2 for kind, _s, end in state.cues)


def _is_dateline_place(state: _State, match: re.Match) -> bool:
    """A dateline starts with a place: written in capitals, or a known place or country."""
    place = match.group("place").strip(" ,")
    if place.isupper() or place.lower() in state.lex.places:
        return True
    return any(
        s == match.start("place")
        and entry.kind in ("name", "metonym")
        and _is_country(state, entry.actor_id)
        for s, _e, entry in state.entities
    )


def _is_country_name(state: _State, pos: int) -> bool:
    """Whether the known span at ``pos`` is a country's name (not a capital city)."""
    for start, _end, entry in state.entities:
        if start == pos:
            return entry.kind == "name" and _is_country(state, entry.actor_id)
    return False


def _is_building(state: _State, start: int) -> bool:
    return _follows(state, start, state.lex.org_place_before)


def _follows(state: _State, start: int, words: frozenset[str]) -> bool:
    """Whether the one or two words before ``start`` are one of ``words``."""
    match = _PREV_WORDS.search(state.text[max(0, start - 30) : start])
    if not match:
        return False
    before = match.group(1).lower()
    return before in words or before.split()[-1] in words


def _is_government(state: _State, start: int, end: int) -> bool:
    """Whether the capital at ``[start, end)`` stands for its government.

    Only where a government acts: after words like "dukungan", "oleh", "untuk" or before
    a speech or stance verb ("Moskow menolak"). Next to another capitalised word it is part
    of a longer name ("Real Madrid", "DKI Jakarta", "Jakarta Selatan"); elsewhere a place.
    """
    text, lex = state.text, state.lex
    if _CAPITALISED_AFTER.match(text, end) or _CAPITALISED_BEFORE.search(
        text, max(0, start - 40), start
    ):
        return False
    following = _NEXT_WORD.match(text, end)
    if following and following.group(1).lower() in lex.metonym_after:
        return True
    return _follows(state, start, lex.metonym_before)


def _mask(state: _State) -> str:
    """The text with every known span overwritten by a placeholder of its kind."""
    text, pieces, pos = state.text, [], 0
    for start, end, entry in state.entities:
        if entry.kind == "role":
            char = MASK_ROLE
        elif entry.kind == "name" and state.kb.actors[entry.actor_id].type == "person":
            char = MASK_PERSON
        else:
            char = MASK_ENTITY
        pieces.append(text[pos:start])
        pieces.append(char * (end - start))
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces)


def _mask_found(masked: str, found: list[_Found]) -> str:
    chars = list(masked)
    for f in found:
        if f.method in ("discovered", "titled", "apposition", "organisation", "cued"):
            for i in range(f.start, f.end):
                chars[i] = MASK_PERSON if f.method != "organisation" else MASK_ENTITY
    return "".join(chars)


def _entity_at(state: _State, start: int, end: int) -> Entry | None:
    for s, e, entry in state.entities:
        if s >= start and e <= end:
            return entry
    return None


# --------------------------------------------------------------------------- step 2: discovery


def _clean_name(
    state: _State, start: int, words: list[tuple[int, int, str]], qualified: bool = False
) -> list[tuple[int, int, str]]:
    """Name words after a title: leading common words extend the title ("Menteri Pertanian
    Syahrul"), and the name stops at the first common word, day, month or non-name word."""
    lex = state.lex
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
    if qualified:  # "Menteri Perhubungan Budi Karya": a portfolio word before the name
        while len(out) > 2 and _sometimes_lowercase(lex, out[0][2]):
            out = out[1:]
    while out and out[-1][2].lower() in lex.particles:
        out.pop()
    if out and out[0][2].lower() in lex.particles:
        return []
    return out if _plausible_name(state, out) else []


_ROMAN = re.compile(r"^[IVXLC]+$")


def _sometimes_lowercase(lex: Lexicon, word: str) -> bool:
    counts = lex.word_case.get(word.lower())
    return counts is not None and counts[0] >= 5 and counts[0] * 25 >= counts[1]


def _plausible_name(state: _State, words: list[tuple[int, int, str]]) -> bool:
    """Not a roman numeral, a lone abbreviation ("UGM") or a place ("Jawa Barat")."""
    if not words:
        return False
    if any(_ROMAN.match(w[2]) for w in words):
        return False
    if len(words) == 1 and (len(words[0][2]) < 2 or (words[0][2].isupper())):
        return False  # "M", "UGM"
    if " ".join(w[2] for w in words).lower() in state.lex.places:
        return False  # "warga Kutai Kartanegara"
    following = _NEXT_WORD.match(state.text, words[-1][1])
    return not (following and following.group(1).lower() in state.lex.place_suffixes)


_NAME_BEFORE = re.compile(r"[A-Z][\w-]+ [A-Z][\w-]+$")
_NUMBER_BEFORE = re.compile(r"\d[\d.,]*(?: \w+)? $")
_NEXT_WORD = re.compile(r" ([\w'’-]+)")


def _in_title(state: _State, pos: int) -> bool:
    if state.title_chars is None:
        state.title_chars = {i for s, e in state.titles for i in range(s, e)}
    return pos in state.title_chars


def _words_in(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [_word(m.start(), m.group(0)) for m in _WORD.finditer(text, start, end)]


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


def _discover_titled(state: _State, masked: str) -> None:
    text = state.text
    named: set[int] = set()
    tried: list[tuple[int, int]] = []
    for t_start, t_end in _title_spans(state, masked):
        if any(s <= t_start and t_end <= e for s, e in tried):
            continue  # "Menko" inside "Menko Polhukam"
        tried.append((t_start, t_end))
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
        if qualified:
            # "pelatih Liverpool, Jurgen Klopp", "Kapolda Jateng Irjen Rycko Amelza": the
            # first run is what the title is of, the name comes next
            nxt = state.lex.next_name.match(masked, m.end("name"))
            later = _clean_name(state, 0, _words_in(text, *nxt.span("name"))) if nxt else []
            if later and len(words) <= 2:
                words = later
            elif len(words) == 1:
                continue  # "Kapolda Jateng", "Menteri Perhubungan": no name
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
                    break
                first = False
                after_connector = word.lower() in lex.org_connector_words
            end = _trim_connector(text, h_start, end)
            if end > h_end:
                spans.append((h_start, end))
    if lex.org_tail is not None:
        for m in lex.org_tail.finditer(masked):
            spans.append((m.start(), m.end()))
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


def _discover_cued(state: _State, masked: str) -> None:
    """Names next to a speech verb or "menurut"/"according to" ("kata Eva")."""
    lex, text = state.lex, state.text
    taken = {f.start for f in state.found}
    for kind, start, end in state.cues:
        if kind == "cue_before":
            m = lex.name_after_cue.match(masked, end)
            keep_last = False
        else:
            m = lex.name_before_cue.search(masked, max(0, start - 80), start)
            keep_last = True
        if m is None:
            continue
        run: list[tuple[int, int, str]] = []
        for w in _split_words(text, *m.span("name")):
            low = w[2].lower()
            if low in lex.not_name or lex.is_common(w[2]) or low in lex.title_words:
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


def _split_words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Words of a name run (single spaces between them) as (start, end, word without '.')."""
    out, pos = [], start
    for word in text[start:end].split(" "):
        if word:
            out.append(_word(pos, word))
        pos += len(word) + 1
    return out


def _word(pos: int, word: str) -> tuple[int, int, str]:
    """(start, end, word): a final period dropped from the word, a possessive ("Clinton's")
    from the word and its span."""
    if word.endswith(("'s", "’s")) and len(word) > 3:
        word = word[:-2]
    return (pos, pos + len(word), word.rstrip("."))


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
            if full is None and _NAME_BEFORE.search(text, 0, start - 2):
                continue  # "Lomba Kompetensi Siswa (LKS)": defined by a name that is no organisation
        else:
            full = None
        if _NUMBER_BEFORE.search(text, max(0, start - 12), start):
            continue  # "46 juta KL": a unit
        if full is None and _spells_phrase_before(text, start, word):
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


def _trim_connector(text: str, start: int, end: int) -> int:
    words = text[start:end].split(" ")
    while words and words[-1].lower() in ("dan", "and", "&", "of", "for", "untuk"):
        words.pop()
    return start + len(" ".join(words))


# --------------------------------------------------------------------------- step 3: resolution


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


def _is_organisation(state: _State, actor_id: str) -> bool:
    actor = (
        state.kb.actors.get(actor_id)
        or state.actors.get(actor_id)
        or state.lex.institutions.get(actor_id)
    )
    return actor is not None and actor.type in ("organisation", "group")


def _is_country(state: _State, actor_id: str) -> bool:
    actor = state.kb.actors.get(actor_id)
    return actor is not None and actor.type == "country"


def _is_person_id(state: _State, actor_id: str) -> bool:
    actor = state.kb.actors.get(actor_id) or state.actors.get(actor_id)
    return actor is not None and actor.type == "person"


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


def _person_name(state: _State, f: _Found) -> str:
    return re.sub(r"\s+", " ", state.text[f.start : f.end])


_ABBREVIATION_AFTER = re.compile(r"\s*\([^)]*\)$")


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
        for part in _name_parts(state, actor.name):
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
    return [
        p.lower()
        for p in re.split(r"[\s]+", name)
        if len(p) > 1 and p.lower() not in state.lex.particles and not state.lex.is_common(p)
    ]


def _earlier_person(state: _State, name: str, pos: int) -> str | None:
    """The person introduced most recently before ``pos`` whose name has all these words."""
    words = [w.lower() for w in name.split()]
    best = None
    for word in words:
        intros = [(p, a) for p, a in state.intro.get(word, []) if p < pos]
        if not intros:
            return None
        candidate = max(intros)[1]
        if best is not None and candidate != best:
            return None
        best = candidate
    return best


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
    for m in lex.name_run.finditer(masked):
        if not subjects and " " not in m.group() and _word(0, m.group())[2].lower() not in intro:
            continue  # one word that is no part of a name given earlier: nothing to do
        words = _split_words(text, m.start(), m.end())
        if (
            words
            and (words[0][0] in starts or _after_sentence_break(text, words[0][0]))
            and (lex.is_common(words[0][2]) or words[0][2].lower() in lex.not_name)
        ):
            words = words[1:]
        run: list[tuple[int, int, str]] = []
        for w in words + [None]:
            if w is not None and not (
                w[2].lower() in lex.not_name
                or lex.is_common(w[2])
                or w[2].lower() in lex.title_words
                or w[0] in state.head_starts
            ):
                run.append(w)
                continue
            _take_run(state, run, bare_names)
            run = []


def _in_headline(state: _State, pos: int) -> bool:
    """Whether ``pos`` is in a title-case sentence (a headline) of four or more words."""
    index = state.doc.sentence_index(pos)
    cache = state.headlines
    if index not in cache:
        start, end = state.doc.sentences[index] if state.doc.sentences else (0, len(state.text))
        words = _LETTER_WORD.findall(state.text, start, end)
        # title case: only short function words ("at", "of", "the") stay in lower case
        cache[index] = len(words) >= 4 and not any(w.islower() and len(w) > 4 for w in words)
    return cache[index]


_LETTER_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _is_subject(state: _State, word: tuple[int, int, str]) -> bool:
    """A lone capitalised word opening a clause and followed by a verb: a person's name."""
    lex, text = state.lex, state.text
    start, end, w = word
    low = w.lower()
    if (
        len(w) < 3
        or w.isupper()
        or (low.endswith("nya") and lex.is_common(low[:-3]))  # "Baterainya"
        or low in lex.places
        or lex.is_common_anywhere(w)
        or lex.is_lowercase_word(w)
        or low in lex.not_name
        or low in lex.title_words
    ):
        return False
    before = text[max(0, start - 2) : start]
    if not (start == 0 or before.endswith(", ") or _after_sentence_break(text, start)):
        return False
    following = _NEXT_WORD.match(text, end)
    return bool(following) and (
        following.group(1).lower() in lex.subject_after or lex.is_verb(following.group(1))
    )


def _words_before(text: str, pos: int) -> list[str]:
    """The one or two words before ``pos`` (lower case), nearest last."""
    m = _PREV_WORDS.search(text[max(0, pos - 40) : pos])
    return m.group(1).lower().split() if m else []


def _after_sentence_break(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3) : pos].rstrip(" \"“'‘(")
    return not before or before[-1] in ".!?:\n"


def _take_run(state: _State, run, bare_names: bool) -> None:
    if not run:
        return
    start, end = run[0][0], run[-1][1]
    name = " ".join(w[2] for w in run)
    known = _earlier_person(state, name, start)
    if known:
        state.found.append(_Found(start, end, known, "partial"))
        return
    if len(run) == 1:
        # one word: a part of a person introduced earlier ("Xi", "Kuleba"), or the
        # subject of a clause ("Hanung juga menjamin")
        if state.subject_names and _is_subject(state, run[0]):
            actor_id = make_actor_id("person", name)
            state.actors.setdefault(actor_id, Actor(actor_id, name, "person", None, []))
            state.found.append(_Found(start, end, actor_id, "subject"))
            _introduce(state, name.lower(), start, actor_id)
        return
    if not bare_names or any(w[2].lower() in state.lex.particles for w in (run[0], run[-1])):
        return
    if _in_headline(state, start):
        return  # "Elizabeth Warren Hammers Wells Fargo": every word is capitalised
    if any(w[2].isupper() and len(w[2]) > 1 for w in run):
        return  # acronyms: organisations, not people
    if any(state.lex.is_common_anywhere(w[2]) for w in run) or not _plausible_name(state, run):
        return  # "Financial Times", "Jawa Barat"
    if name.lower() in state.lex.places:
        return  # "Kutai Kartanegara"
    if any(w in state.lex.not_person_before for w in _words_before(state.text, start)):
        return  # "di Beit Hanun", "Kelurahan Talikuran", "Bandara Internasional Sepinggan"
    actor_id = _kb_person(state.kb, name) or make_actor_id("person", name)
    if actor_id not in state.kb.actors:
        state.actors.setdefault(actor_id, Actor(actor_id, name, "person", None, []))
    state.found.append(_Found(start, end, actor_id, "name"))
    for part in _name_parts(state, name):
        _introduce(state, part, start, actor_id)


# --------------------------------------------------------------------------- output


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
        "speakers": {m.start for m in mentions if _after_cue(state, m.start)},
    }


# --------------------------------------------------------------------------- references


def resolve_reference(doc: Document, start: int, end: int) -> list[Mention]:
    """The actor mention(s) a pronoun or description at ``[start, end)`` refers to.

    Singular pronouns ("ia", "dia", "beliau", "-nya", "he", "she") resolve to the most
    salient person before them: the first person named earlier in the same sentence,
    else the first person of the nearest preceding sentence that names one (for "he"/"she"
    skipping people of the other gender where it is known). Pairs ("keduanya", "kedua
    pemimpin", "the two leaders", "both") resolve to the two people named last, among
    those with that role when a role is given. Definite descriptions ("juru bicara itu",
    "the spokesman", "pemimpin Rusia itu") resolve to the holder of the role on the
    publication date, else to the last person introduced with that role. Returns ``[]``
    when unsure, and the mention itself when ``[start, end)`` is already a mention.
    """
    info = doc.extra.get("actors")
    if not info:
        return []
    kb, lex = info["kb"], info["lexicon"]
    for m in doc.mentions:
        if (
            m.start <= start
            and end <= m.end
            or (start <= m.start and m.end <= end and m.method == "role")
        ):
            return [m]
    surface = re.sub(r"\s+", " ", doc.text[start:end].strip()).lower()
    if not surface:
        return []
    before = [m for m in doc.mentions if m.end <= start and _is_person(doc, m.actor_id)]
    word = surface.lstrip("-")
    if word in lex.pronouns_person or (
        word.endswith("nya") and "nya" in lex.pronouns_person and len(word) == 3
    ):
        gender = "m" if word in lex.pronouns_male else "f" if word in lex.pronouns_female else None
        target = _salient(doc, before, start, gender, lex)
        return [Mention(start, end, doc.text[start:end], target, "pronoun")] if target else []
    role_key, words = _role_in(surface, lex)
    is_pair = surface in lex.pronouns_plural or any(
        surface.startswith(p + " ") for p in lex.pair_words
    )
    if is_pair:
        if surface not in lex.pronouns_plural and role_key is None:
            return []  # "kedua negara", "both sides": not two people
        people = _last_people(doc, before, start, role_key, kb, info["roles"], 2)
        if len(people) == 2:
            return [Mention(start, end, doc.text[start:end], a, "plural") for a in people]
        return []
    if role_key:
        people = _last_people(doc, before, start, role_key, kb, info["roles"], 1)
        if people:
            return [Mention(start, end, doc.text[start:end], people[0], "role")]
    return []


def _is_person(doc: Document, actor_id: str) -> bool:
    actor = doc.actors.get(actor_id)
    return actor is not None and actor.type == "person"


def _salient(
    doc: Document, before: list[Mention], start: int, gender: str | None, lex: Lexicon
) -> str | None:
    if not before:
        return None
    sentence = doc.sentence_index(start)
    by_sentence: dict[int, list[Mention]] = {}
    for m in before:
        by_sentence.setdefault(doc.sentence_index(m.start), []).append(m)
    speakers = doc.extra["actors"].get("speakers", set())
    for index in sorted(by_sentence, reverse=True):
        if index < sentence - 3:
            break
        candidates = [
            m
            for m in by_sentence[index]
            if gender is None or _gender(doc, m.actor_id, lex) in (None, gender)
        ]
        if index != sentence:  # the subject of an earlier sentence: the speaker of
            # "..., kata X", else the first person outside quotation marks
            quoted = _quoted_spans(doc, *doc.sentences[index]) if doc.sentences else []
            outside = [m for m in candidates if not any(a <= m.start < b for a, b in quoted)]
            spoken = [m for m in outside if m.start in speakers]
            candidates = spoken or outside or candidates
        if candidates:
            return candidates[0].actor_id
    return None


_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|‘[^’]*’")


def _quoted_spans(doc: Document, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in _QUOTED.finditer(doc.text, start, end)]


def _gender(doc: Document, actor_id: str, lex: Lexicon) -> str | None:
    for m in doc.mentions:
        if m.actor_id != actor_id:
            continue
        before = doc.text[max(0, m.start - 20) : m.start].lower().split()
        if before and before[-1] in lex.male_titles:
            return "m"
        if before and before[-1] in lex.female_titles:
            return "f"
    return None


def _role_in(surface: str, lex: Lexicon) -> tuple[str | None, list[str]]:
    words = surface.split()
    for size in range(len(words), 0, -1):
        for i in range(0, len(words) - size + 1):
            phrase = " ".join(words[i : i + size])
            if phrase in lex.role_words:
                return lex.role_words[phrase], words
            if phrase in lex.title_words:
                return phrase, words
            if phrase.endswith("s") and phrase[:-1] in lex.role_words:  # "the two leaders"
                return lex.role_words[phrase[:-1]], words
    return None, words


def _has_role(kb: KnowledgeBase, doc_roles, actor_id: str, role: str, on) -> bool:
    wanted = _LEADER_ROLES if role == "leader" else {role}
    for r, _of in doc_roles.get(actor_id, []):
        if r in wanted or (role in ("menteri", "minister") and "minister" in (r or "")):
            return True
    if role in ("menteri", "minister"):
        return any("minister" in r for r, _ in kb.roles_of.get(actor_id, []))
    return kb.has_role(actor_id, wanted, on)


def _last_people(doc, before, start, role, kb, doc_roles, count) -> list[str]:
    seen: list[str] = []
    for m in reversed(before):
        if m.actor_id in seen:
            continue
        if role and not _has_role(kb, doc_roles, m.actor_id, role, doc.published):
            continue
        seen.append(m.actor_id)
        if len(seen) == count:
            break
    return seen
