"""What the actor finder compiles once per process and language.

- An Aho–Corasick automaton (``pyahocorasick``) over the lower-cased text holding every
  alias of the knowledge base for the language and every role phrase generated from the
  language pack's ``role_patterns`` × role words × country / organisation names
  ("presiden Rusia", "Russian President", "juru bicara Kremlin").
- Regular expressions for titled names, appositions and organisation names, built from
  the pack's word lists.
- The word-case table (``resources/actors/word_case.<lang>.tsv``): which capitalised
  words are common words of the language rather than parts of names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import ahocorasick

from ..document import Actor
from ..lang import LanguagePack, all_packs, get_pack
from .ids import make_actor_id
from .kb import RESOURCES, KnowledgeBase

#: placeholder characters written over matched spans before the discovery regexes run
MASK_ENTITY = "§"  # a country, organisation, metonym or demonym of the knowledge base
MASK_ROLE = "¤"  # a role phrase ("presiden Rusia")
MASK_PERSON = "¶"  # a person of the knowledge base

UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
NAME_WORD = rf"(?:[{UPPER}]\.(?:[{UPPER}]\.)*(?=[ ,])|[{UPPER}]\w*(?:['’-]\w+)*)"
ACRONYM = rf"[{UPPER}][{UPPER}0-9-]+\b"


#: punctuation becomes a space before the automaton runs, in the keys and in the text
#: (length is kept), so a key can only match from the start of a word: " pdi p" for "PDI-P"
_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~“”‘’«»–—…•·\n\t\r"
SCAN_TABLE = str.maketrans({c: " " for c in _PUNCTUATION})
#: the same replacement as a regex: str.translate looks every character up in a dict
#: once the text is not ASCII (curly quotes), a regex replaces only the punctuation
_SCAN_PUNCTUATION = re.compile("[" + re.escape(_PUNCTUATION) + "]")


def scan_form(text: str) -> str:
    """Lower-cased text with punctuation as spaces, the same length as ``text``."""
    lower = text.lower()
    if len(lower) != len(text):  # a few characters (İ) lengthen when lower-cased
        lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return _SCAN_PUNCTUATION.sub(" ", lower)


@dataclass(frozen=True)
class Entry:
    """What an automaton key stands for."""

    surface: str  # the alias as written in the table (case is checked against it)
    kind: str  # name / metonym / demonym / role / institution
    actor_id: str  # the actor (for role: the country or organisation the role is of)
    role: str | None = None
    part: tuple[int, int] | None = None  # where the country / organisation stands in a role phrase


@dataclass
class Lexicon:
    """Everything compiled for one knowledge base and one language."""

    language: str
    automaton: ahocorasick.Automaton
    titled: re.Pattern  # anchored after a title: qualifiers, then the name
    apposition_after: re.Pattern
    org_head: re.Pattern | None
    org_tail: re.Pattern | None
    name_run: re.Pattern
    role_words: dict[str, str]
    title_words: frozenset[str]
    not_name: frozenset[str]
    particles: frozenset[str]
    demonstratives: frozenset[str]
    metonym_before: frozenset[str]
    metonym_after: frozenset[str]
    pronouns_person: frozenset[str]
    pronouns_plural: frozenset[str]
    pronouns_male: frozenset[str]
    pronouns_female: frozenset[str]
    pair_words: tuple[str, ...]
    male_titles: frozenset[str]
    female_titles: frozenset[str]
    name_after_cue: re.Pattern | None = None  # anchored after "kata", "menurut": ", Eva"
    #: "perwakilan Grab Indonesia": a capitalised run after a word that introduces an
    #: organisation (a representative, a delegation of it)
    org_after_cue: re.Pattern | None = None
    #: "Supani (63)": an age in brackets right after a person's name
    age_after_name: re.Pattern | None = None
    name_before_cue: re.Pattern | None = None  # searched before "mengatakan": "Tumiran "
    acronym: re.Pattern | None = None
    #: "tersangka BTO", "berinisial SB": a person named by initials only
    initials_after: re.Pattern | None = None
    not_org_acronyms: frozenset[str] = frozenset()
    #: the words a title-case headline leaves in lower case ("of", "with"); empty: any
    #: word of four letters or fewer
    title_case_lowercase: frozenset[str] = frozenset()
    #: ends where the possessor of a kin or role noun starts ("Putra sulung Presiden ")
    possessed_role: re.Pattern | None = None
    #: whether a given name of the shipped list (US first names) that is also a common
    #: word or a name particle may open a name ("Bill Bruch", "Al Sharpton")
    given_name_openers: bool = False
    place_suffixes: frozenset[str] = frozenset()
    generation_suffixes: frozenset[str] = frozenset()  # "Jr.": another person than the name
    not_person_before: tuple[str, ...] = ()
    org_place_before: frozenset[str] = frozenset()
    predicative_before: frozenset[str] = frozenset()
    qualified_titles: frozenset[str] = frozenset()
    lowercase_titles: frozenset[str] = frozenset()
    org_connector_words: frozenset[str] = frozenset()
    #: capitalised words joined by spaces and organisation connectors: a title's whole run
    capitalised_run: re.Pattern | None = None
    modifier_starts: frozenset[str] = frozenset()  # first words of title modifiers, and "yang"
    next_name: re.Pattern | None = None  # ", Jurgen Klopp" after a qualifier
    common_any: frozenset[str] = frozenset()  # common words of any installed language
    places: frozenset[str] = frozenset()  # lower-cased place names (resources/actors/places.txt)
    subject_after: frozenset[str] = frozenset()
    #: the lower-case words that may follow a name a meeting verb introduces, where the
    #: language puts modifiers before nouns ("meeting with Orlando community leaders":
    #: a modifier, no name); empty: any word may follow
    party_name_followers: frozenset[str] = frozenset()
    #: relative pronouns after a name and a comma ("Gates, yang juga melakukan pembicaraan
    #: dengan ...", "Richardson, who met ..."): the name is the subject of the clause
    relative_after_name: frozenset[str] = frozenset()
    #: auxiliaries and adverbs that may stand between a subject and its meeting verb
    party_auxiliaries: frozenset[str] = frozenset()
    verb_prefixes: tuple[str, ...] = ()
    pronouns_first: frozenset[str] = frozenset()  # "saya", "kami", "I": a quote's speaker
    facility_words: frozenset[str] = frozenset()  # "bandara": "Bandara Soekarno" is a place
    direction_words: frozenset[str] = frozenset()  # "West Papua", "Papua Barat": places
    facility_words_after: frozenset[str] = frozenset()  # "Trump Tower": a building
    word_case: dict[str, tuple[int, int]] = field(default_factory=dict)
    institutions: dict[str, Actor] = field(default_factory=dict)  # generated per country
    # "I Wayan", "I Nyoman": a name may open with a letter that looks like a roman numeral
    name_openers: frozenset[str] = frozenset()

    def is_common(self, word: str) -> bool:
        """A common word of the language (mostly written in lower case in running text)."""
        counts = self.word_case.get(word.lower())
        return counts is not None and counts[0] >= counts[1]

    def is_common_anywhere(self, word: str) -> bool:
        """Common in this or another installed language ("Financial Times" in Indonesian)."""
        return self.is_common(word) or word.lower() in self.common_any

    def is_verb(self, word: str) -> bool:
        """A common word with a verb prefix of the language ("mendukung", "dipilih")."""
        low = word.lower()
        return self.is_common(low) and any(
            low.startswith(prefix) and len(low) >= len(prefix) + 3  # "di" alone is no verb
            for prefix in self.verb_prefixes
        )

    def is_lowercase_word(self, word: str) -> bool:
        """A word that occurs in lower case at all (a common noun, not only a name)."""
        counts = self.word_case.get(word.lower())
        return counts is not None and counts[0] * 9 >= counts[1]


def get_lexicon(kb: KnowledgeBase, pack: LanguagePack) -> Lexicon:
    """The lexicon of ``kb`` for ``pack``'s language, compiled once per process."""
    return kb.compiled(f"lexicon:{pack.code}", lambda: _build(kb, pack))


def _words(pack: LanguagePack, key: str) -> list[str]:
    return [w for w in pack.words("actors", key) if w]


def _possessed_role(roles: list[str]) -> re.Pattern | None:
    """Kin and role nouns, then lower-case modifiers and capitalised titles up to where
    the possessor's name starts ("Putra sulung Presiden ", "the son of ")."""
    if not roles:
        return None
    # the entries are regex fragments ("(son|daughter) of"), longest first
    fragments = "|".join(r.replace(" ", r"\s+") for r in sorted(set(roles), key=len, reverse=True))
    return re.compile(
        rf"(?<![\w-])({fragments})"
        r"(?:\s+(?-i:[a-z])[\w-]*)?(?:\s+(?-i:[A-Z])[\w.-]*)*\s+$",
        re.IGNORECASE,
    )


def _alternation(words) -> str:
    unique = sorted({w.lower() for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in unique)


#: the pack's cue lists -> the kind of entry the scan reports for them (speech cues,
#: meeting verbs before and after a side, meeting nouns beside a pair of names)
_CUE_LISTS = {
    "name_cues_before": "cue_before",
    "name_cues_after": "cue_after",
    "party_cues_before": "party_before",
    "party_cues_after": "party_after",
    "pair_cues_before": "pair_before",
    "pair_cues_after": "pair_after",
}


def _build(kb: KnowledgeBase, pack: LanguagePack) -> Lexicon:
    code = pack.code
    section = pack.get("actors", {})
    role_words: dict[str, str] = {k.lower(): v for k, v in section.get("roles", {}).items()}
    automaton = ahocorasick.Automaton()
    entries: dict[str, list[Entry]] = {}

    def add(key_surface: str, entry: Entry) -> None:
        key = " " + scan_form(key_surface).strip()
        if len(key) == len(key_surface.strip()) + 1:
            entries.setdefault(key, []).append(entry)

    names_by_kind: dict[str, list[tuple[str, str]]] = {"country": [], "org": [], "demonym": []}
    for alias, actor_id, language, kind in kb.aliases:
        if language and language != code:
            continue
        add(alias, Entry(alias, kind, actor_id))
        actor = kb.actors[actor_id]
        if kind == "demonym":
            names_by_kind["demonym"].append((alias, actor_id))
        elif kind == "name" and actor.type == "country":
            names_by_kind["country"].append((alias, actor_id))
        elif kind == "name" and actor.type in ("organisation", "group"):
            names_by_kind["org"].append((alias, actor_id))
    org_roles = set(section.get("org_roles", []))
    for pattern in section.get("role_patterns", []):
        slot = re.search(r"\{(country|org|demonym)\}", pattern)
        if not slot:
            continue
        for role_word, role in role_words.items():
            if slot.group(1) == "org" and role not in org_roles:
                continue  # "juru bicara Kremlin", not "perdana menteri Kremlin"
            head = pattern[: slot.start()].replace("{role}", role_word)
            for name, actor_id in names_by_kind[slot.group(1)]:
                surface = pattern.replace("{role}", role_word).replace(slot.group(0), name)
                part = (len(head), len(head) + len(name))
                add(surface, Entry(surface, "role", actor_id, role, part))
    institutions = _institutions(kb, section, names_by_kind, add)
    # titles, organisation heads and speech cues are found by the same scan (kept apart)
    for title in _words(pack, "titles") + list(role_words):
        add(title, Entry(title.lower(), "title", ""))
    for head in _words(pack, "org_heads"):
        add(head, Entry(head, "org_head", ""))
    for key, kind in _CUE_LISTS.items():
        for cue in _words(pack, key):
            add(cue, Entry(cue.lower(), kind, ""))
    for key, items in entries.items():
        automaton.add_word(key, (len(key) - 1, tuple(items)))
    automaton.make_automaton()

    # month names are not personal names; their abbreviations may be ("Agus", "Jan")
    dates = pack.get("dates", {})
    abbreviations = {a.lower() for a in dates.get("month_abbreviations", [])}
    months = [m for m in dates.get("months", {}) if m.lower() not in abbreviations]
    weekdays = [d for d in pack.get("dates", {}).get("weekdays", {})]
    # organisation heads ("Kantor", "Komisi", "Partai") are never part of a personal name
    not_name = {
        w.lower()
        for w in _words(pack, "not_name_words") + months + weekdays + _words(pack, "org_heads")
    }
    particles = frozenset(w.lower() for w in _words(pack, "name_particles"))
    titles = _words(pack, "titles") + list(role_words)
    title_alt = _alternation(titles)
    modifier_alt = _alternation(_words(pack, "title_modifiers")) or "(?!)"
    particle_alt = _alternation(particles) or "(?!)"
    # "Khalid al-Sarayreh": a particle joins the next name word by a space or a hyphen
    name = rf"{NAME_WORD}(?:[ ](?:(?:{particle_alt})[ -])?{NAME_WORD}){{0,4}}"
    masked = f"{MASK_ENTITY}{MASK_ROLE}{MASK_PERSON}"
    titled = re.compile(
        rf"\.?(?P<quals>(?:[ ](?:(?i:{modifier_alt})|{MASK_ENTITY}+))*)"
        rf"(?:[ ]yang[ ]\w+)?(?P<comma>,)?[ ](?P<name>{name})"
    )
    apposition_after = re.compile(
        rf"(?P<name>{name}),[ ](?:(?:the|a|an|sang|seorang)[ ])?"
        rf"(?:(?P<entity>{MASK_ENTITY}+)(?:'s|’s)?[ ])?(?:(?i:{modifier_alt})[ ])*"
        rf"(?P<title>(?i:{title_alt})|{MASK_ROLE}+)(?![\w])"
    )
    heads = _words(pack, "org_heads")
    org_cues = _words(pack, "org_cues")
    connectors = _alternation(_words(pack, "org_connectors")) or "(?!)"
    org_word = rf"(?:{NAME_WORD}|{MASK_ENTITY}+|\((?:{ACRONYM})\))"
    # after an organisation head ("Partai", "Kementerian"): the words of the name
    org_head = (
        re.compile(rf"(?P<rest>(?:[ ](?:(?:{connectors})[ ])?{org_word})*)") if heads else None
    )
    tails = _words(pack, "org_tails")
    org_tail = None
    if tails:
        org_tail = re.compile(
            rf"(?<![\w{masked}])(?P<body>(?:{org_word}[ ](?:(?:{connectors})[ ])?){{1,4}})"
            rf"(?P<tail>{'|'.join(re.escape(t) for t in sorted(tails, key=len, reverse=True))})\b"
        )
    name_run = re.compile(rf"(?<![\w{masked}]){name}")
    return Lexicon(
        language=code,
        automaton=automaton,
        titled=titled,
        apposition_after=apposition_after,
        org_head=org_head,
        org_tail=org_tail,
        name_run=name_run,
        role_words=role_words,
        title_words=frozenset(t.lower() for t in titles),
        not_name=frozenset(not_name),
        particles=particles,
        name_openers=frozenset(w.lower() for w in _words(pack, "name_openers")),
        demonstratives=frozenset(w.lower() for w in _words(pack, "demonstratives")),
        metonym_before=frozenset(w.lower() for w in _words(pack, "metonym_before")),
        metonym_after=frozenset(
            w.lower() for w in _words(pack, "metonym_verbs_after") + _words(pack, "name_cues_after")
        ),
        pronouns_person=frozenset(w.lower().lstrip("-") for w in _words(pack, "pronouns_person")),
        pronouns_plural=frozenset(w.lower() for w in _words(pack, "pronouns_plural")),
        pronouns_male=frozenset(w.lower() for w in _words(pack, "pronouns_male")),
        pronouns_female=frozenset(w.lower() for w in _words(pack, "pronouns_female")),
        pair_words=tuple(w.lower() for w in _words(pack, "pair_words")),
        male_titles=frozenset(w.lower() for w in _words(pack, "male_titles")),
        female_titles=frozenset(w.lower() for w in _words(pack, "female_titles")),
        word_case=_word_case(code),
        institutions=institutions,
        name_after_cue=re.compile(rf",?[ ](?P<name>{name})"),
        age_after_name=(
            re.compile(rf"(?<=[ ]){age}")
            if (age := pack.get("actors", {}).get("age_after_name"))
            else None
        ),
        org_after_cue=(
            re.compile(
                rf"(?<![\w])(?i:{_alternation(org_cues)})[ ]"
                rf"(?P<name>{org_word}(?:[ ](?:(?:{connectors})[ ])?{org_word}){{0,3}})"
            )
            if org_cues
            else None
        ),
        name_before_cue=re.compile(rf"(?<![\w{masked}])(?P<name>{name}),?[ ]$"),
        acronym=re.compile(rf"(?<![\w{masked}/-])[{UPPER}]{{3,6}}(?![\w{masked}/-])"),
        not_org_acronyms=frozenset(_words(pack, "not_org_acronyms")),
        title_case_lowercase=frozenset(w.lower() for w in _words(pack, "title_case_lowercase")),
        possessed_role=_possessed_role(_words(pack, "possessed_roles")),
        given_name_openers=bool(section.get("given_name_openers", False)),
        initials_after=(
            re.compile(
                rf"(?<![\w])(?i:{_alternation(cues)})[ ](?P<initials>[{UPPER}]{{2,4}})(?![\w{masked}/-])"
            )
            if (cues := _words(pack, "initials_cues"))
            else None
        ),
        place_suffixes=frozenset(w.lower() for w in _words(pack, "place_suffixes")),
        generation_suffixes=frozenset(_words(pack, "generation_suffixes")),
        not_person_before=tuple(w.lower() for w in _words(pack, "not_person_before")),
        org_place_before=frozenset(w.lower() for w in _words(pack, "org_place_before")),
        predicative_before=frozenset(w.lower() for w in _words(pack, "predicative_before")),
        qualified_titles=frozenset(w.lower() for w in _words(pack, "qualified_titles")),
        lowercase_titles=frozenset(w.lower() for w in _words(pack, "lowercase_titles")),
        org_connector_words=frozenset(w.lower() for w in _words(pack, "org_connectors")),
        capitalised_run=re.compile(
            rf"[A-Z](?:[\w'’-]*|\.)(?: (?:(?:{connectors}) )?[A-Z](?:[\w'’-]*|\.)){{0,11}}"
        ),
        modifier_starts=frozenset(
            [w.split()[0].lower() for w in _words(pack, "title_modifiers")] + ["yang"]
        ),
        next_name=re.compile(rf",?[ ](?:(?i:{title_alt})\.?[ ])?(?P<name>{name})"),
        common_any=_common_elsewhere(code),
        places=_places(),
        subject_after=frozenset(w.lower() for w in _words(pack, "subject_words_after")),
        party_name_followers=frozenset(w.lower() for w in _words(pack, "party_name_followers")),
        relative_after_name=frozenset(w.lower() for w in _words(pack, "relative_after_name")),
        party_auxiliaries=frozenset(w.lower() for w in _words(pack, "party_auxiliaries")),
        verb_prefixes=tuple(w.lower() for w in _words(pack, "verb_prefixes")),
        pronouns_first=frozenset(w.lower() for w in _words(pack, "pronouns_first_person")),
        facility_words=frozenset(w.lower().rstrip(".") for w in _words(pack, "facility_words")),
        facility_words_after=frozenset(_words(pack, "facility_words_after")),
        direction_words=frozenset(
            w.lower() for p in all_packs() for w in p.words("actors", "direction_words")
        ),
    )


def _institutions(kb: KnowledgeBase, section: dict, names_by_kind, add) -> dict[str, Actor]:
    """Foreign ministries, governments, ... of every country, from the pack's patterns."""
    english = get_pack("en")
    canonical = english.get("actors", {}).get("institution_names", {}) if english else {}
    generated: dict[str, Actor] = {}
    for kind, patterns in section.get("institutions", {}).items():
        template = canonical.get(kind, kind.replace("_", " ").title() + " of {country}")
        for pattern in patterns:
            slot = re.search(r"\{(country|demonym)\}", pattern)
            if not slot:
                continue
            for name, country_id in names_by_kind[slot.group(1)]:
                country = kb.actors[country_id]
                full = template.replace("{country}", country.name)
                actor_id = make_actor_id("organisation", full)
                if actor_id not in generated:
                    generated[actor_id] = kb.actors.get(actor_id) or Actor(
                        actor_id, full, "organisation", country.country, []
                    )
                surface = pattern.replace(slot.group(0), name)
                add(surface, Entry(surface, "institution", actor_id))
    return generated


@cache
def _places() -> frozenset[str]:
    path = RESOURCES / "places.txt"
    if not path.exists():
        return frozenset()
    return frozenset(line.strip().lower() for line in path.open(encoding="utf-8") if line.strip())


@cache
def _common_elsewhere(code: str) -> frozenset[str]:
    """Common words of the other languages that have a word-case table."""
    words: set[str] = set()
    for path in RESOURCES.glob("word_case.*.tsv"):
        other = path.name.split(".")[1]
        if other != code:
            words.update(w for w, (lo, up) in _word_case(other).items() if lo * 2 >= up and lo >= 5)
    return frozenset(words)


@cache
def _word_case(code: str) -> dict[str, tuple[int, int]]:
    path: Path = RESOURCES / f"word_case.{code}.tsv"
    if not path.exists():
        return {}
    table = {}
    with path.open(encoding="utf-8") as handle:
        next(handle, None)
        for line in handle:
            word, lower, upper = line.rstrip("\n").split("\t")
            table[word] = (int(lower), int(upper))
    return table
