"""Who the pronouns, clitics and lone roles of a meeting clause stand for: "ia", "-nya",
"keduanya", a quotation's speaker, the indictment's "Terdakwa", and capitalised roles
alone ("bertemu Presiden") for their home holder (GUIDELINE §2)."""

from __future__ import annotations

import re

from ..actors import resolve_reference
from ..actors.references import gender_of, word_gender
from ..document import Mention
from .meeting_text import _WORD_BEFORE, _kb, _lexicon, _skip_spaces, _type


def _references(doc, v, lo, hi, have: list[Mention], t_end: int | None = None) -> list[Mention]:
    """Actors that pronouns and plural references in the clause stand for; an object
    pronoun only as the trigger's object (right after it or its object marker, which
    ends at ``t_end``)."""
    if v.references is None:
        return []
    out: list[Mention] = []
    for r in v.references.finditer(doc.text, lo, hi):
        if any(m.start <= r.start() < m.end for m in have):
            continue
        if v.defendant_word is not None and v.defendant_word.fullmatch(r.group(0)):
            found = _article_defendant(doc, v, r.start(), r.end())
        else:
            found = (
                resolve_reference(doc, r.start(), r.end())
                or _quoted_first_person(doc, r.start(), r.end())
                or _speaker_of_quote_before(doc, r.start(), r.end())
            )
        for m in found:
            out.append(Mention(r.start(), r.end(), m.surface, m.actor_id, m.method))
    if t_end is not None:
        out += _object_pronoun(doc, v, t_end, hi, have + out)
    return out


def _object_pronoun(doc, v, t_end: int, hi: int, taken: list[Mention]) -> list[Mention]:
    """The trigger's object when it is a pronoun: right after the trigger or its object
    marker ("met him", "met with her"); "dispatched him to meet some" has none."""
    if v.object_pronoun is None:
        return []
    text = doc.text
    marker = v.object_marker.match(text, t_end) if v.object_marker is not None else None
    pos = _skip_spaces(text, marker.end() if marker is not None else t_end)
    r = v.object_pronoun.match(text, pos)
    if r is None or r.end() > hi or any(m.start <= r.start() < m.end for m in taken):
        return []
    found = _object_antecedent(doc, r.start(), r.group(0), taken)
    if found is None:
        return []
    return [Mention(r.start(), r.end(), found.surface, found.actor_id, "pronoun")]


#: how many sentences back an object pronoun's antecedent may be
_OBJECT_PRONOUN_REACH = 2


def _object_antecedent(doc, start: int, word: str, taken: list[Mention]) -> Mention | None:
    """ "McConnell met with her", "Cruz ..., meeting with him": an object pronoun stands
    for the last person named before it (in its sentence or the two before) who is not
    already a side of the clause and whose known gender does not contradict it."""
    lex = _lexicon(doc)
    if lex is None:
        return None
    low = word.lower()
    gender = word_gender(low, lex)
    first = doc.sentences[max(0, doc.sentence_index(start) - _OBJECT_PRONOUN_REACH)][0]
    sides = {m.actor_id for m in taken}
    for m in reversed(doc.mentions):
        if m.end > start or m.start < first or m.actor_id in sides:
            continue
        if _type(doc, m.actor_id) != "person":
            continue
        known = gender_of(doc, m.actor_id)
        if gender is not None and known is not None and known != gender:
            continue
        return m
    return None


def _quoted_first_person(doc, start: int, end: int) -> list[Mention]:
    """ "Saya akan bertemu Trump ...," sambungnya: a first-person pronoun in a quotation
    whose speaker only the quotes step found (a cue the actors step's quick look does not
    read: "sambungnya" after a speaker named in the quote before, "urai Taufan")."""
    lex = _lexicon(doc)
    if lex is None or doc.text[start:end].lower() not in lex.pronouns_first:
        return []
    for q in doc.quotes:
        if q["start"] <= start < q["end"] and q.get("speaker_id"):
            return [Mention(start, end, doc.text[start:end], q["speaker_id"], "speaker")]
    return []


def _speaker_of_quote_before(doc, start: int, end: int) -> list[Mention]:
    """ "...," katanya setelah kembali dari kunjungannya di Rusia, di mana ia bertemu
    dengan Presiden Vladimir Putin": a third-person pronoun after a quotation in the same
    sentence, with no antecedent of its own, is the quotation's speaker."""
    lex = _lexicon(doc)
    if lex is None or doc.text[start:end].lower() not in lex.pronouns_person:
        return []
    sentence = doc.sentence_index(start)
    for q in reversed(doc.quotes):
        if q["end"] <= start and doc.sentence_index(max(q["start"], q["end"] - 1)) == sentence:
            if q.get("speaker_id"):
                return [Mention(start, end, doc.text[start:end], q["speaker_id"], "speaker")]
            return []
    return []


def _article_defendant(doc, v, start: int, end: int) -> list[Mention]:
    """ "Terdakwa melakukan pertemuan dengan Haris": the indictment's word for the one
    person the article names as charged ("Romahurmuziy atau Romi didakwa ...", "terdakwa
    Kivlan Zen"); nothing when it names none or several."""
    if _NAME_AFTER.match(doc.text, end):
        return []  # "terdakwa Kivlan Zen": the name itself is the mention
    text = doc.text
    charged = set()
    for m in doc.mentions:
        if _type(doc, m.actor_id) != "person":
            continue
        before = _WORD_BEFORE.search(text, max(0, m.start - 20), m.start)
        if before and v.defendant_word.fullmatch(before.group(1)):
            charged.add(m.actor_id)
        elif v.charged_after is not None and v.charged_after.match(text, m.end):
            charged.add(m.actor_id)
    if len(charged) != 1:
        return []
    return [Mention(start, end, text[start:end], charged.pop(), "defendant")]


_CAPITAL_WORD_BEFORE = re.compile(r"([\w-]+)\s+$")
_NAME_AFTER = re.compile(r"\s*[(A-Z0-9]")


def _home_role_holders(doc, v, lo: int, hi: int, have: list[Mention]) -> list[Mention]:
    """ "saat ia dan sejumlah tokoh lain bertemu Presiden, di Istana Negara": a capitalised
    role standing alone (no name, country or bracket after it, no capitalised word before
    it: not "Istana Presiden") is its holder in the home country on the publication date
    (the knowledge base's dated roles), unless the article points to another holder."""
    kb = _kb(doc)
    if v.home_role is None or not v.home_country or kb is None or doc.published is None:
        return []
    text = doc.text
    out: list[Mention] = []
    for r in v.home_role.finditer(text, lo, hi):
        if any(m.start <= r.start() < m.end for m in have) or _NAME_AFTER.match(text, r.end()):
            continue
        if v.other_holder is not None and v.other_holder.match(text, r.end()):
            continue
        before = _CAPITAL_WORD_BEFORE.search(text, max(0, r.start() - 30), r.start())
        if before is not None and before.group(1)[:1].isupper():
            continue
        role = v.home_role_keys.get(" ".join(r.group(0).lower().split()))
        country = _home_country_id(kb, v.home_country)
        holder = kb.holder(role, country, doc.published) if role and country else None
        if holder is not None and _home_holder_meant(doc, v, kb, role, holder):
            if holder not in doc.actors and holder in kb.actors:
                doc.actors[holder] = kb.actors[holder]
            out.append(Mention(r.start(), r.end(), r.group(0), holder, "role"))
    return out


def _home_holder_meant(doc, v, kb, role: str, holder: str) -> bool:
    """Whether a lone role in this article stands for the home holder: the article names
    the holder, or it names no one else holding such a role that day and never writes the
    role with a foreign country after it ("Presiden AS"): in a story about another
    country, "Presiden" alone is that country's president."""
    if any(m.actor_id == holder for m in doc.mentions):
        return True
    home = _home_country_id(kb, v.home_country)
    for m in doc.mentions:
        if m.actor_id == holder:
            continue
        kind = _type(doc, m.actor_id)
        if kind == "person" and kb.has_role(m.actor_id, {role}, doc.published):
            return False
        if kind == "country" and m.actor_id != home:
            before = doc.text[max(0, m.start - 40) : m.start].rstrip()
            found = v.home_role.search(before, max(0, len(before) - 30))
            if found is not None and found.end() == len(before):
                return False
    return True


def _home_country_id(kb, code: str) -> str | None:
    """The knowledge base's id of the country with ISO code ``code``."""
    found = kb.compiled(
        f"meetings:country:{code}",
        lambda: next(
            (a.actor_id for a in kb.actors.values() if a.type == "country" and a.country == code),
            "",
        ),
    )
    return found or None


def _clitic_reference(doc, clitic: tuple[int, int], t_start: int, nominal: bool) -> list[Mention]:
    """The person a clitic on the trigger stands for: the object of a verb ("akan
    menemuinya": him), the possessor of a noun ("pertemuannya dengan Jokowi": his)."""
    found = resolve_reference(doc, *clitic)
    if len(found) != 1:
        return []
    start = t_start - 1 if nominal else clitic[0]  # a possessor comes first, like a subject
    return [Mention(start, start + 1, found[0].surface, found[0].actor_id, found[0].method)]
