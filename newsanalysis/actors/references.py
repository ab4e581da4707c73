"""``resolve_reference``: what a pronoun, pair or description stands for ("ia", "he",
"keduanya", "the two leaders", "juru bicara itu", "pemimpin Rusia itu")."""

from __future__ import annotations

import re

from ..document import Document, Mention
from .kb import KnowledgeBase
from .lexicon import Lexicon
from .quoted import quote_speaker

#: role keys that "pemimpin" / "leader" covers when the knowledge base names no leader
_LEADER_ROLES = {"leader", "president", "prime_minister", "chancellor", "supreme_leader", "monarch"}


def resolve_reference(doc: Document, start: int, end: int) -> list[Mention]:
    """The actor mention(s) a pronoun or description at ``[start, end)`` refers to.

    First-person pronouns inside a quotation ("saya", "kami", "I", "we") resolve to the
    quote's speaker (``quoted.quote_speaker``). Singular pronouns ("ia", "dia", "beliau", "-nya", "he", "she") resolve to the most
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
    if word in lex.pronouns_first:
        # "saya", "kami", "I" inside a quotation: its speaker ("..., kata Wawan")
        speaker = quote_speaker(doc, start, lambda pos, gender: person_before(doc, pos, gender))
        if speaker is None:
            return []
        return [Mention(start, end, doc.text[start:end], speaker.actor_id, "speaker")]
    if word in lex.pronouns_person or (
        # the clitic alone ("nya") or a word that carries it ("katanya", "negaranya")
        word.endswith("nya")
        and "nya" in lex.pronouns_person
        and " " not in word
        and word not in lex.pronouns_plural  # "keduanya" is two people
    ):
        gender = "m" if word in lex.pronouns_male else "f" if word in lex.pronouns_female else None
        # inside a quotation, "beliau" / "he" is someone other than the one speaking
        speaker = quote_speaker(doc, start, lambda pos, g: person_before(doc, pos, g))
        if speaker is not None:
            before = [m for m in before if m.actor_id != speaker.actor_id]
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


def person_before(doc: Document, pos: int, gender: str | None = None) -> Mention | None:
    """The most salient person before ``pos`` (as "ia" at ``pos`` would resolve): the
    speaker a cue with a clitic after a quotation stands for, looked for from the
    opening of the quotation (`"... Saya ... ," ujarnya`)."""
    info = doc.extra.get("actors")
    if not info:
        return None
    before = [m for m in doc.mentions if m.end <= pos and _is_person(doc, m.actor_id)]
    actor_id = _salient(doc, before, pos, gender, info["lexicon"])
    if actor_id is None:
        return None
    return next(m for m in reversed(before) if m.actor_id == actor_id)


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
            # a possessor ("Hillary Clinton's email scandal") is not the subject
            owning = [m for m in outside if not _POSSESSIVE.match(doc.text, m.end)]
            candidates = spoken or owning or outside or candidates
        if candidates:
            return candidates[0].actor_id
    return None


_POSSESSIVE = re.compile(r"['’]s?(?!\w)")
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
