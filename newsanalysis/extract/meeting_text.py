"""Shared helpers of the meetings extractor: the actor mentions of a span, their types,
places (capitals and countries of the knowledge base), words of a span."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from ..document import Document, Mention
from .meeting_vocab import vocab

try:  # the dates step; without it no date is skipped when words are counted
    from .dates import find_dates
except ImportError:  # pragma: no cover
    find_dates = None


_WORD = re.compile(r"\S+")


_QUOTE = re.compile(r"[\"“”]")


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


_WORD_BEFORE = re.compile(r"([\w-]+)[\W]*$")


def _opens_relative(v, text: str, sentence, lo: int) -> bool:
    """Does the clause starting at ``lo`` follow a relative pronoun ("..., yang")?"""
    opener = _WORD_BEFORE.search(text, max(sentence[0], lo - 20), lo)
    return bool(opener and v.relative and v.relative.fullmatch(opener.group(1)))


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
    if v is not None and v.naming is not None:
        # "bertemu dengan pengendara mobil yang bernama Tavipuddin": the phrase before a
        # naming word introduces the name after it, it does not stand between
        for named in v.naming.finditer(text, lo, hi):
            lo = named.end()
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


def _first_verb(doc, lo: int, hi: int, accept: Callable[[str], bool] | None = None) -> int:
    """Where the first verb of ``[lo, hi)`` starts (languages whose verbs the actors'
    lexicon can tell by their prefixes), else ``hi``: names after it are its objects
    ("tidak bisa melihat aktivitas karyawan Alibaba Group karena saat melakukan
    kunjungan"), not the subject a later clause shares. ``accept`` keeps only some verbs
    (a nominal trigger's predicate: not "bersama", not "tertutup")."""
    lex = _lexicon(doc)
    if lex is None or not lex.verb_prefixes:
        return hi
    for w in _WORD.finditer(doc.text, lo, hi):
        word = w.group(0).strip(',.;:"“”()')
        if word[:1].islower() and lex.is_verb(word) and (accept is None or accept(word)):
            return w.start()
    return hi


def _date_starts_at(doc, pos: int) -> bool:
    """Does a date expression the dates step found start at ``pos`` ("Selasa
    (10/9/2019)")?"""
    return find_dates is not None and any(d.start == pos for d in find_dates(doc))


def _headline_end(doc) -> int:
    """Where the article's title ends when the text starts with it (PolNeAR texts open
    with their headline), else 0."""
    cached = doc.extra.get("_headline_end")
    if cached is not None:
        return cached
    end = 0
    title = re.sub(r"\W+", "", doc.title or "").lower()
    if title:
        seen = 0
        for i, c in enumerate(doc.text[: len(doc.title) * 2 + 20]):
            if c.isalnum() or c == "_":
                if c.lower() != title[seen]:
                    break
                seen += 1
                if seen == len(title):
                    end = i + 1
                    break
    doc.extra["_headline_end"] = end
    return end


#: lower-case words an object marker may have before the name ("dengan perwakilan
#: United Nations ...", "with top Senate Democrats"); more is a phrase of its own
_NOUN_PHRASE_WORDS = 4


def _lexicon(doc):
    info = doc.extra.get("actors")
    return info.get("lexicon") if isinstance(info, dict) else None


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


def _kb(doc):
    info = doc.extra.get("actors")
    return info.get("kb") if isinstance(info, dict) else None


def _place_index(doc) -> dict[str, tuple[str, str]]:
    """lower-cased country name / capital -> (country actor id, "name"/"metonym")."""
    kb = _kb(doc)
    return kb.compiled("meetings:places", lambda: _build_place_index(kb)) if kb else {}


def _build_place_index(kb) -> dict[str, tuple[str, str]]:
    index: dict[str, tuple[str, str]] = {}
    countries = {a for a, actor in kb.actors.items() if actor.type == "country"}
    for row in kb.tables["aliases"].itertuples(index=False):
        if row.actor_id in countries and row.kind in ("name", "metonym"):
            index.setdefault(str(row.alias).lower(), (row.actor_id, row.kind))
    for a in countries:
        index.setdefault(kb.actors[a].name.lower(), (a, "name"))
    return index


_LETTERS = re.compile(r"[^\W\d_]+")


def _body_index(doc) -> dict[str, str]:
    """Organisation name or alias of the knowledge base, as written -> its actor id."""
    kb = _kb(doc)
    return kb.compiled("meetings:bodies", lambda: _build_body_index(kb)) if kb else {}


def _build_body_index(kb) -> dict[str, str]:
    bodies = {a for a, actor in kb.actors.items() if actor.type == "organisation"}
    index = {
        str(row.alias): row.actor_id
        for row in kb.tables["aliases"].itertuples(index=False)
        if row.actor_id in bodies and row.kind == "name"
    }
    for a in bodies:
        index.setdefault(kb.actors[a].name, a)
    return index


def _body_in_building(doc, pos: int) -> Mention | None:
    """ "menyambangi Gedung DPR", "mendatangi Kantor KPK": the body whose building is named
    at ``pos`` (the actors step leaves "Gedung DPR" a place, not a mention of the DPR)."""
    lex = _lexicon(doc)
    building = _LETTERS.match(doc.text, pos)
    if lex is None or building is None or building.group(0).lower() not in lex.org_place_before:
        return None
    start = _skip_spaces(doc.text, building.end())
    run = _CAPITALISED.match(doc.text, start)
    if run is None:
        return None
    index = _body_index(doc)
    words = run.group(0).split()
    for n in range(len(words), 0, -1):
        surface = " ".join(words[:n])
        actor_id = index.get(surface)
        if actor_id is not None:
            kb = doc.extra["actors"]["kb"]
            doc.actors.setdefault(actor_id, kb.actors[actor_id])
            return Mention(start, start + len(surface), surface, actor_id, "building")
    return None


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


def _clause_start(v, text: str, lo: int, pos: int) -> int:
    """Where the clause that reaches ``pos`` starts: after the last clause break of
    ``[lo, pos)``, else at ``lo``."""
    for b in v.clause_break.finditer(text, lo, pos):
        lo = b.end()
    return lo


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
