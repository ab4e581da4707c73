"""``resolve_reference``: what a pronoun, pair or description stands for ("ia", "he",
"keduanya", "the two leaders", "juru bicara itu", "pemimpin Rusia itu")."""

from __future__ import annotations

import bisect
import re
from functools import cache
from typing import NamedTuple

from ..document import Document, Mention
from .kb import RESOURCES, KnowledgeBase
from .lexicon import Lexicon
from .quoted import quote_speaker

#: role keys that "pemimpin" / "leader" covers when the knowledge base names no leader
_LEADER_ROLES = {"leader", "president", "prime_minister", "chancellor", "supreme_leader", "monarch"}


def resolve_reference(doc: Document, start: int, end: int) -> list[Mention]:
    """The actor mention(s) a pronoun or description at ``[start, end)`` refers to.

    First-person pronouns inside a quotation ("saya", "kami", "I", "we") resolve to the
    quote's speaker (``quoted.quote_speaker``); a third-person pronoun inside a quotation
    is someone other than its speaker. Singular pronouns ("ia", "dia", "beliau", "-nya",
    "he", "she") resolve to the most
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
    if _singular_pronoun(word, lex):
        gender = word_gender(word, lex)
        # inside a quotation, "beliau" / "he" is someone other than the one speaking
        speaker = quote_speaker(doc, start, lambda pos, g: person_before(doc, pos, g))
        if speaker is not None:
            before = [m for m in before if m.actor_id != speaker.actor_id]
        found = _salient(doc, before, start, gender, lex)
        if found is None:
            return []
        return [Mention(start, end, doc.text[start:end], found.mention.actor_id, "pronoun")]
    role_key, role_phrase, words = _role_phrase_in(surface, lex)
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
        if not people and role_phrase:
            # "juru bicara itu" after "Juru bicara … Wang Wenbin", a person the knowledge
            # base knows without that role
            candidates = dict.fromkeys(m.actor_id for m in reversed(before))
            found_id = next((a for a in candidates if _introduced_as(doc, a, role_phrase)), None)
            people = [found_id] if found_id else []
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
    found = _salient(doc, before, pos, gender, info["lexicon"])
    return found.mention if found else None


def _is_person(doc: Document, actor_id: str) -> bool:
    actor = doc.actors.get(actor_id)
    return actor is not None and actor.type == "person"


class Antecedent(NamedTuple):
    """The mention a pronoun stands for, and why it was chosen: ``"speaker"`` (named
    after a speech cue), ``"subject"`` (a verb follows it) or ``"first"`` (the first
    person of its sentence)."""

    mention: Mention
    rank: str


def antecedent(doc: Document, start: int, end: int) -> Antecedent | None:
    """The person the singular pronoun or clitic at ``[start, end)`` ("ia", "-nya",
    "katanya", "he", "she") stands for, with the antecedent mention itself (see
    ``_salient``), so that a caller can weigh it against what it knows (the quote step
    against the speaker it quoted last). None for other words, or when unsure."""
    info = doc.extra.get("actors")
    if not info:
        return None
    lex = info["lexicon"]
    word = re.sub(r"\s+", " ", doc.text[start:end].strip()).lower().lstrip("-")
    if not _singular_pronoun(word, lex):
        return None
    gender = word_gender(word, lex)
    before = [m for m in doc.mentions if m.end <= start and _is_person(doc, m.actor_id)]
    return _salient(doc, before, start, gender, lex)


def pronoun_gender(doc: Document, start: int, end: int) -> str | None:
    """ "m" for "he", "f" for "she", None for a pronoun without gender ("ia", "-nya")."""
    info = doc.extra.get("actors")
    if not info:
        return None
    lex = info["lexicon"]
    word = doc.text[start:end].strip().lower().lstrip("-")
    return word_gender(word, lex)


def word_gender(word: str, lex: Lexicon) -> str | None:
    """ "m" for a male pronoun ("he", "him"), "f" for a female one, else None."""
    return "m" if word in lex.pronouns_male else "f" if word in lex.pronouns_female else None


def _singular_pronoun(word: str, lex: Lexicon) -> bool:
    """A personal pronoun, the clitic alone ("nya") or a word that carries it
    ("katanya", "negaranya"; not "keduanya", two people)."""
    return word in lex.pronouns_person or (
        word.endswith("nya")
        and "nya" in lex.pronouns_person
        and " " not in word
        and word not in lex.pronouns_plural
    )


def _salient(
    doc: Document,
    before: list[Mention],
    start: int,
    gender: str | None,
    lex: Lexicon,
    depth: int = 0,
) -> Antecedent | None:
    """The person a singular pronoun at ``start`` stands for: in the nearest sentence that
    names a plausible person (this one, then up to ``_WINDOW`` before, not counting
    sentences inside quotation marks), the speaker of a cue ("..., kata X"), else a
    clause subject ("X mengatakan", "X said"), else the first one.

    Plausible: not inside quotation marks when the pronoun is outside them (the
    "-nya" of `"... Anies Baswedan menjanjikan ...," ujarnya` is not Anies), not after a
    word that introduces places or things ("di", "Kabupaten", "in", "the"), not a bare
    name the actor step guessed that ends with a place ("Kepulauan Aru"), and of the
    pronoun's gender where it is known.
    """
    if not before or not doc.sentences:
        return None
    quoted = quote_spans(doc)
    outside_only = not _inside(start, quoted)
    by_sentence: dict[int, list[Mention]] = {}
    for m in before:
        by_sentence.setdefault(doc.sentence_index(m.start), []).append(m)
    speakers = doc.extra["actors"].get("speakers", set())
    strong = _strong_actors(doc)
    here = index = doc.sentence_index(start)
    counted = 0
    while index >= 0 and counted <= _WINDOW:
        if index < here and depth < _CHAIN_DEPTH:
            opening = _opening_pronoun(doc, index, gender, lex)
            if opening is not None and not (outside_only and _inside(opening[0], quoted)):
                # "Teo Chee Hean ... . Ia mengaku sedih mendengar kabar meninggalnya BJ
                # Habibie. Ia yang saat itu ...": a sentence opened by a pronoun goes on
                # about the one that pronoun stands for, not about the others it names
                earlier = [m for m in before if m.end <= opening[0]]
                found = _salient(doc, earlier, opening[0], gender, lex, depth + 1)
                if found is not None:
                    return Antecedent(found.mention, "subject")
        candidates = [
            m
            for m in by_sentence.get(index, ())
            if (gender is None or _gender(doc, m.actor_id, lex) in (None, gender))
            and not (outside_only and _inside(m.start, quoted))
            and _plausible_person(doc, m, lex, strong)
        ]
        if candidates:
            spoken = [m for m in candidates if m.start in speakers]
            if spoken:
                return Antecedent(spoken[0], "speaker")
            # whose son or founder the next name is ("Putra sulung Presiden Jokowi,
            # Gibran ...") is not the one the sentence is about
            heads = [m for m in candidates if not role_possessor(doc, m)]
            subjects = [m for m in heads if _is_subject(doc, m, lex) or _opens_clause(doc, m, lex)]
            if subjects:
                return Antecedent(subjects[0], "subject")
            # nor is a possessor ("Hillary Clinton's email scandal")
            owning = [m for m in heads if not _POSSESSIVE.match(doc.text, m.end)]
            return Antecedent((owning or candidates)[0], "first")
        s_start, s_end = doc.sentences[index]
        if not (outside_only and _inside_one(s_start, s_end, quoted)):
            counted += 1
        index -= 1
    return None


_POSSESSIVE = re.compile(r"['’]s?(?!\w)")
#: how many sentences opened by a pronoun a chain of them may reach back over
_CHAIN_DEPTH = 3
_FIRST_WORD = re.compile(r"\s*([^\W\d_]+)(?=[\s,])")


def _opening_pronoun(doc: Document, index: int, gender: str | None, lex: Lexicon):
    """The span of the singular personal pronoun that opens sentence ``index`` ("Ia
    mengaku ...", "He said ..."), if one and of a compatible gender; else None."""
    s_start, s_end = doc.sentences[index]
    m = _FIRST_WORD.match(doc.text, s_start, s_end)
    if m is None:
        return None
    word = m.group(1).lower()
    if word not in lex.pronouns_person or word in lex.pronouns_first:
        return None
    own = pronoun_gender(doc, m.start(1), m.end(1))
    if gender is not None and own is not None and own != gender:
        return None
    return m.start(1), m.end(1)


#: how many sentences before its own a pronoun's antecedent may stand
_WINDOW = 3


def _inside_one(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``[start, end)`` lies within one quoted passage (marks included)."""
    k = bisect.bisect_right(spans, (start, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= start and end <= spans[k][1] + 1


def quote_spans(doc: Document) -> list[tuple[int, int]]:
    """Quoted passages of ``doc`` (marks included), sorted: the quote step's, else found
    here from the quotation marks and kept in ``doc.extra["quote_spans"]``."""
    spans = doc.extra.get("quote_spans")
    if spans is None:
        from ..extract.quote_marks import find_quote_spans  # a text helper; no cycle

        spans = [(q.outer_start, q.outer_end) for q in find_quote_spans(doc.text, doc.paragraphs)]
        doc.extra["quote_spans"] = spans
    return spans


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    k = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return k >= 0 and spans[k][0] < pos < spans[k][1]


def _words_before(text: str, pos: int) -> list[str]:
    """The one or two words right before ``pos``, lower case, nearest last."""
    words = re.findall(r"[\w'’-]+", text[max(0, pos - 40) : pos])
    gap = text[max(0, pos - 40) : pos]
    if not words or not gap.rstrip().endswith(words[-1]):
        return []  # punctuation ("," "(") right before: nothing introduces the name
    return [w.lower() for w in words[-2:]]


def _plausible_person(doc: Document, m: Mention, lex: Lexicon, strong: set[str]) -> bool:
    """Not a place or thing the actor step typed as a person (see ``_salient``)."""
    words = _words_before(doc.text, m.start)
    if words and (words[-1] in lex.not_person_before or " ".join(words) in lex.not_person_before):
        # "di Kabupaten Kepulauan Aru"; but a known person followed by a verb is a
        # subject: "di sepanjang jalan Risma terus mengingatkan warga"
        if not (m.actor_id in strong and _is_subject(doc, m, lex)):
            return False
    if m.actor_id not in strong:
        actor = doc.actors.get(m.actor_id)
        last = actor.name.split()[-1].lower() if actor and actor.name.split() else ""
        if last in lex.places:
            return False
    return True


def _strong_actors(doc: Document) -> set[str]:
    """Actors found from the knowledge base or with a title, not only as a bare name."""
    return {m.actor_id for m in doc.mentions if m.method not in ("name", "partial")}


# the word after a mention, maybe after a bracket ("(19)", "(D-Mo.)") and a comma
_NEXT = re.compile(r"\s*(?:\([^()]{0,30}\)\s*)?,?\s*([\w'’-]+)")
# the word after an apposition set off by commas ("Trump, her opponent, bemoaned")
_AFTER_APPOSITION = re.compile(r"\s*,[^,.;:!?“”\"()\n]{1,60},\s*([\w'’-]+)")


def _opens_clause(doc: Document, m: Mention, lex: Lexicon) -> bool:
    """Only titles and capitalised words (a role, an organisation) stand between the
    start of its sentence and the mention: "Managing Director Bank DBS Taimur
    Baig optimistis, …", "Sen. Claire McCaskill …"."""
    s_start = doc.sentence_of(m.start)[0]
    for word in re.findall(r"[^\W_][\w'’.-]*", doc.text[s_start : m.start]):
        low = word.lower().rstrip(".")
        if low in lex.title_words or low in lex.particles:
            continue
        if not word[0].isupper() or lex.is_common(word):
            return False  # "Selain Presiden Joko Widodo, …": a fronted phrase
    return True


def _is_subject(doc: Document, m: Mention, lex: Lexicon) -> bool:
    """A verb, auxiliary or speech verb follows the mention (maybe after a bracket or an
    apposition): "Abhan mengatakan", "Risma terus mengingatkan", "Lynch said", "Donald
    Trump, her Republican opponent, bemoaned"."""
    for pattern in (_NEXT, _AFTER_APPOSITION):
        following = pattern.match(doc.text, m.end)
        if following and _verb_like(following.group(1), lex):
            return True
    return False


def _verb_like(word: str, lex: Lexicon) -> bool:
    low = word.lower()
    return (
        low in lex.subject_after
        or low in lex.metonym_after
        or (word[0].islower() and lex.is_verb(word))
    )


def gender_of(doc: Document, actor_id: str | None) -> str | None:
    """ "m", "f" or None: from a title before a mention of the actor ("Mr.", "Ms.",
    "spokeswoman"), else from the first given name of its name ("Donald" m, "Hillary" f;
    ``resources/actors/given_names.tsv``, US baby-name counts)."""
    info = doc.extra.get("actors")
    if not info or actor_id is None:
        return None
    return _gender(doc, actor_id, info["lexicon"])


def _gender(doc: Document, actor_id: str, lex: Lexicon) -> str | None:
    """:func:`gender_of`, worked out once per actor and article (kept with the actor
    step's results in ``doc.extra["actors"]``: the mentions are final by then)."""
    info = doc.extra.get("actors")
    known = info.setdefault("genders", {}) if info and info.get("lexicon") is lex else {}
    if actor_id not in known:
        known[actor_id] = _gender_from_mentions(doc, actor_id, lex)
    return known[actor_id]


def _gender_from_mentions(doc: Document, actor_id: str, lex: Lexicon) -> str | None:
    for m in doc.mentions:
        if m.actor_id != actor_id:
            continue
        before = doc.text[max(0, m.start - 20) : m.start].lower().split()
        if before and before[-1] in lex.male_titles:
            return "m"
        if before and before[-1] in lex.female_titles:
            return "f"
    actor = doc.actors.get(actor_id)
    if actor is None or actor.type != "person":
        return None
    for word in actor.name.split():
        low = word.strip(".").lower()
        if low in lex.title_words or low in lex.male_titles or low in lex.female_titles:
            continue
        return _given_names().get(low) if len(low) > 1 else None
    return None


@cache
def _given_names() -> dict[str, str]:
    path = RESOURCES / "given_names.tsv"
    if not path.exists():
        return {}
    table: dict[str, str] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            name, _, gender = line.rstrip("\n").partition("\t")
            if gender in ("m", "f"):
                table[name] = gender
    return table


def _role_phrase_in(surface: str, lex: Lexicon) -> tuple[str | None, str | None, list[str]]:
    """The role key, the role words as written ("juru bicara") and the words."""
    words = surface.split()
    for size in range(len(words), 0, -1):
        for i in range(0, len(words) - size + 1):
            phrase = " ".join(words[i : i + size])
            if phrase in lex.role_words:
                return lex.role_words[phrase], phrase, words
            if phrase in lex.title_words:
                return phrase, phrase, words
            if phrase.endswith("s") and phrase[:-1] in lex.role_words:  # "the two leaders"
                return lex.role_words[phrase[:-1]], phrase[:-1], words
    return None, None, words


def _introduced_as(doc: Document, actor_id: str, phrase: str) -> bool:
    """Whether a mention of the actor follows the role words in its sentence, as a title
    ("Juru bicara Kementerian Luar Negeri China Wang Wenbin"): the knowledge base may
    not know the role, the article says it."""
    for m in doc.mentions:
        if m.actor_id != actor_id:
            continue
        s_start = doc.sentence_of(m.start)[0]
        before = doc.text[max(s_start, m.start - 60) : m.start].lower()
        if re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)[^.,;:!?]*$", before):
            return True
    return False


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


def role_possessor(doc: Document, m: Mention) -> bool:
    """ "Putra sulung Presiden Jokowi, Gibran menemui ...", "pendiri Suwe Ora Jamu, Ibu
    Nova Dewi", "the son of Donald Trump, Eric Trump,": a name after a kin or role noun
    and before the comma of an apposition is whose son or founder the next name is, not
    a side; so is a name after such a noun right before the verb ("Putra Sulung Presiden
    Joko Widodo (Jokowi) mendadak bertemu ...": the son, unnamed here, is the side). A
    capitalised noun is one only before a modifier or a title ("Istri Presiden Jokowi,"),
    not inside a title of its own ("Putra Mahkota Arab Saudi Mohammed bin Salman,
    Macron")."""
    info = doc.extra.get("actors")
    lex = info["lexicon"] if info else None
    text = doc.text
    if (
        lex is None
        or lex.possessed_role is None
        or not (_APPOSITION_NEXT.match(text, m.end) or _PREDICATE_NEXT.match(text, m.end))
    ):
        return False
    role = lex.possessed_role.search(text, max(0, m.start - 60), m.start)
    if role is None:
        return False
    if role.group(1)[:1].islower():
        return True
    nxt = _NEXT_WORD.match(text, role.end(1))
    word = nxt.group(1) if nxt else ""
    return word[:1].islower() or word.lower() in lex.title_words


#: a lower-case word (the verb or an adverb) right after a name and its bracketed short
#: form: "Putra Sulung Presiden Joko Widodo (Jokowi) mendadak bertemu ...": the role
#: phrase is the subject and its holder is not named here
_PREDICATE_NEXT = re.compile(r"(?:\s*\([^()]{1,40}\))?\s+(?-i:[a-z])")

#: the comma of an apposition after a name (and the rest of a name the actors step cut:
#: "pendiri Suwe Ora Jamu, Ibu Nova Dewi"; or its bracketed short form: "Presiden Joko
#: Widodo (Jokowi), Gibran"), then a capitalised word
_APPOSITION_NEXT = re.compile(r"(?:\s+[A-Z][\w-]*)*(?:\s*\([^()]{1,40}\))?\s*,\s*[A-Z]")

_NEXT_WORD = re.compile(r"\s+([\w-]+)")
