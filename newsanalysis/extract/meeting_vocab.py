"""The ``[meetings]`` section of a language pack, compiled into regular expressions.

Built once per language and process (``functools.cache``). All word lists come from the
pack; this module only turns them into patterns matched on word boundaries, so adding a
language is adding a ``[meetings]`` section to its pack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

import ahocorasick

from ..lang import get_pack

#: status of an event whose clause carries no marker
HAPPENED = "happened"
#: statuses with markers, in order of precedence when several markers are in scope
MARKED_STATUSES = ("cancelled", "refused", "negated", "requested", "hypothetical", "planned")

#: CAMEO codes (CONSULT, 04x) and PLOVER modes by mode (GUIDELINE §4)
CAMEO = {
    "in_person": "040",
    "virtual": "040",
    "phone": "041",
    "visit": "042",
    "summit": "044",
    "talks": "046",
}
CAMEO_HOSTING = "043"
PLOVER = {"visit": "visit", "summit": "multilateral", "phone": "phone", "virtual": "phone"}


def _alternation(phrases: list[str]) -> str:
    """Phrases (regex fragments) as one alternation, longest first, spaces flexible."""
    ordered = sorted({p for p in phrases if p}, key=len, reverse=True)
    return "|".join(p.replace(" ", r"\s+") for p in ordered)


def _around(phrases: list[str], before: str = "", after: str = "") -> re.Pattern[str] | None:
    """The phrases as one case-insensitive alternation between the regex fragments
    ``before`` and ``after``; None when there are no phrases (the pack has no such list)."""
    if not phrases:
        return None
    return re.compile(rf"{before}(?:{_alternation(phrases)}){after}", re.IGNORECASE)


def _words(phrases: list[str]) -> re.Pattern[str] | None:
    return _around(phrases, r"(?<![\w-])", r"(?![\w-])")


@dataclass(frozen=True)
class MeetingVocab:
    """Compiled meeting vocabulary of one language."""

    language: str
    trigger: re.Pattern[str]  # one named group per mode
    modes: tuple[str, ...]  # in priority order (most specific first)
    hosting: re.Pattern[str] | None
    passive_hosting: re.Pattern[str] | None
    passive_visited: re.Pattern[str] | None
    not_trigger: re.Pattern[str] | None
    anaphora: re.Pattern[str] | None
    statuses: dict[str, re.Pattern[str]]
    cancelled_after: re.Pattern[str] | None
    planned_after: re.Pattern[str] | None
    future: re.Pattern[str] | None  # tense of a clause a meeting comes before or after
    negated_after: re.Pattern[str] | None
    requested_after: re.Pattern[str] | None
    negation_exceptions: re.Pattern[str] | None
    window: int
    coordinator: re.Pattern[str] | None  # "or" right before a trigger: the scope is the pair's
    clause_break: re.Pattern[str]
    references: re.Pattern[str] | None
    object_pronoun: re.Pattern[str] | None  # "met with him": someone else than the subject
    count: re.Pattern[str] | None
    numbers: dict[str, int]
    since: re.Pattern[str] | None
    destination: re.Pattern[str] | None
    place_word: re.Pattern[str] | None
    location: re.Pattern[str] | None
    between: re.Pattern[str] | None
    #: "Tokoh yang telah mengunjungi Habibie antara lain Presiden Joko Widodo, ...": the
    #: names a list marker introduces after a relative clause are its unnamed head's members
    list_marker: re.Pattern[str] | None
    #: verb prefixes that open the predicate after a nominal trigger ("menjamin")
    predicate_prefix: re.Pattern[str] | None
    #: a cancelling verb later in the sentence, with its clitic ("membatalkannya")
    cancelled_later: re.Pattern[str] | None
    #: "tim DMC", "pihak Kemendagri": a word for a body's people before its name
    side_head: re.Pattern[str] | None
    #: "yang bersangkutan": a definite description as a clause's own subject
    definite_subject: re.Pattern[str] | None
    #: "almarhum", "the late": the person after it is dead and does no new deed
    deceased: re.Pattern[str] | None
    joiners: re.Pattern[str] | None
    object_breaks: re.Pattern[str] | None
    nominal: re.Pattern[str] | None
    #: words before a noun-or-verb trigger that make it the verb ("will visit", "to call")
    verb_before_nominal: re.Pattern[str] | None
    object_required: re.Pattern[str] | None
    place_before: re.Pattern[str] | None
    at_place: re.Pattern[str] | None
    group_noun: re.Pattern[str] | None
    group_word: re.Pattern[str] | None
    naming: re.Pattern[str] | None  # "yang bernama", "named": a name follows
    audience: re.Pattern[str] | None  # ends where a group spoken to starts ("told reporters")
    object_marker: re.Pattern[str] | None
    purpose: re.Pattern[str] | None
    relative: re.Pattern[str] | None
    purpose_word: re.Pattern[str] | None
    sequence: re.Pattern[str] | None
    complementizer: re.Pattern[str] | None
    demonstrative: re.Pattern[str] | None
    report_noun: re.Pattern[str] | None  # "Kabar X mengunjungi Y ini": an event told before
    apposition_article: re.Pattern[str] | None  # ", a Tennessee Republican who": an apposition
    topic_word: re.Pattern[str] | None  # "pertemuan terkait ...": the topic opens the object
    relational_noun: re.Pattern[str] | None  # "kerja sama dengan Jepang": "dengan" of the topic
    passive_prefix: re.Pattern[str] | None
    agent_clitic: re.Pattern[str] | None  # "dikatakannya": the clitic is the agent
    agent_marker: re.Pattern[str] | None
    press_cue: re.Pattern[str] | None
    #: "announced he would meet": a reporting verb, up to six words, then the future of
    #: the past right before the trigger (a plan reported, not a hypothesis)
    reported_future: re.Pattern[str] | None
    #: condition words: with one in the sentence, "would" stays hypothetical
    condition: re.Pattern[str] | None
    not_participant_before: re.Pattern[str] | None
    generic: re.Pattern[str] | None
    facility: re.Pattern[str] | None  # ends where a visited mention starts
    non_political: re.Pattern[str] | None  # a sports fixture, the afterlife
    habitual: re.Pattern[str] | None  # ends where a trigger starts: no single event
    offtopic_sections: frozenset[str]  # sports, celebrity: meetings only in meeting stories
    subordinator: re.Pattern[str] | None  # a fronted clause they open ends at its comma
    causative: re.Pattern[str] | None  # triggers whose objects meet each other
    visited_place: re.Pattern[str] | None  # a lower-case place noun: no host after it
    other_body: re.Pattern[str] | None  # ends where a name inside another body's name starts
    home_country: str | None
    anchors: ahocorasick.Automaton | None
    today: re.Pattern[str] | None = None  # "pagi tadi", "saat ini": on the publication day
    home_role: re.Pattern[str] | None = None  # "Presiden" alone: the home country's
    home_role_keys: dict[str, str] = field(default_factory=dict)  # role words -> role key
    other_holder: re.Pattern[str] | None = None  # "terpilih", "2019-2024": not the holder today
    latent_trigger: re.Pattern[str] | None = None  # a gathering told without a trigger word
    member_quantifier: re.Pattern[str] | None = None  # "some Democrats": members, unnamed
    genitive: re.Pattern[str] | None = None  # "meeting of the": the name after it holds it
    defendant_word: re.Pattern[str] | None = None  # "Terdakwa": the article's defendant
    charged_after: re.Pattern[str] | None = None  # after a name: "(atau Romi) didakwa"

    def mode_rank(self, mode: str) -> int:
        return self.modes.index(mode) if mode in self.modes else len(self.modes)


@cache
def vocab(language: str) -> MeetingVocab | None:
    """The compiled vocabulary for ``language``, or None when its pack has no ``[meetings]``."""
    pack = get_pack(language)
    section = pack.get("meetings") if pack else None
    if not section or not section.get("triggers"):
        return None
    triggers: dict[str, list[str]] = section["triggers"]
    modes = tuple(m for m in section.get("mode_priority", list(triggers)) if m in triggers)
    groups = "|".join(f"(?P<{mode}>{_alternation(triggers[mode])})" for mode in modes)
    clitics = _alternation(section.get("clitics", []))
    clitic = rf"(?:{clitics})?" if clitics else ""
    trigger = re.compile(rf"(?<![\w-])(?:{groups}){clitic}(?![\w-])", re.IGNORECASE)

    # the roles the actors step resolves ("presiden", "menteri luar negeri"), which stand
    # alone for their home holder when written with capitals ("bertemu Presiden")
    home_roles = pack.get("actors", {}).get("roles", {}) if section.get("home_country") else {}
    statuses = {s: _words(section.get(s, [])) for s in MARKED_STATUSES}
    reporting = pack.get("dates", {}).get("reporting_cues", [])
    numbers = {k.lower(): int(v) for k, v in section.get("numbers", {}).items()}
    count = None
    if section.get("count"):
        number_words = _alternation(list(numbers)) or "(?!)"
        count = re.compile(section["count"].replace("{numbers}", number_words), re.IGNORECASE)
    breaks = _alternation(section.get("clause_breaks", []))
    clause_break = re.compile(
        r"[;:]|\s[—–-]{1,2}\s|—" + (rf"|(?<![\w-])(?:{breaks})(?![\w-])" if breaks else ""),
        re.IGNORECASE,
    )
    prepositions = section.get("destination", [])
    destination = _around(prepositions, after=r"\s+$")
    location_words = section.get("location", [])
    place_nouns = _alternation(section.get("place_nouns", []))
    # "di desa kepercayaan Panmunjom": a lower-case place noun (and one word) before the name
    place_noun = rf"(?:(?:{place_nouns})(?:\s+[a-z][\w-]*)?\s+)?" if place_nouns else ""
    location = (
        re.compile(
            rf"(?<![\w-])(?:{_alternation(location_words)})\s+{place_noun}"
            r"((?:[A-Z][\w'.-]*)(?:\s+(?:[A-Z][\w'.-]*|de|di|of|al|bin))*"
            r"(?:,\s+[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*)*)?)"
        )
        if location_words
        else None
    )
    return MeetingVocab(
        language=language,
        trigger=trigger,
        modes=modes,
        hosting=_words(section.get("hosting", [])),
        passive_hosting=_words(section.get("passive_hosting", [])),
        passive_visited=_words(section.get("passive_visited", [])),
        not_trigger=_words(section.get("not_triggers", [])),
        anaphora=_words(section.get("anaphora", [])),
        statuses={k: v for k, v in statuses.items() if v is not None},
        cancelled_after=_words(section.get("cancelled_after", [])),
        planned_after=_words(section.get("planned_after", [])),
        future=_words(section.get("future_tense", [])),
        negated_after=_words(section.get("negated_after", [])),
        requested_after=_words(section.get("requested_after", [])),
        negation_exceptions=_words(section.get("negation_exceptions", [])),
        window=int(section.get("window", 6)),
        coordinator=_words(section.get("coordinators", [])),
        clause_break=clause_break,
        references=_words(section.get("references", [])),
        object_pronoun=_words(section.get("object_pronouns", [])),
        count=count,
        numbers=numbers,
        since=_words(section.get("since", [])),
        destination=destination,
        place_word=_around(prepositions, r"(?<![\w-])", r"\s+"),
        location=location,
        between=_words(section.get("between", [])),
        list_marker=_words(section.get("list_markers", [])),
        definite_subject=_words(section.get("definite_subjects", [])),
        deceased=_words(section.get("deceased", [])),
        side_head=_around(section.get("side_heads", []), after=r"\s+"),
        cancelled_later=_around(section.get("cancelled", []), r"(?<![\w-])", rf"{clitic}(?![\w-])"),
        predicate_prefix=_around(section.get("predicate_prefixes", []), after=r"\w{3,}"),
        joiners=_words(section.get("joiners", [])),
        object_breaks=_words(section.get("object_breaks", [])),
        nominal=_words(section.get("nominal", [])),
        verb_before_nominal=_around(
            section.get("verb_before_nominal", []), r"(?<![\w'’-])", r"\s+$"
        ),
        object_required=_words(section.get("object_required", [])),
        purpose=_around(section.get("purpose", []), r"(?<![\w-])", r"((?:\s+[\w-]+){1,3})\s+$"),
        object_marker=_around(section.get("object_markers", []), r"\s*", r"(?![\w-])"),
        group_noun=_ending(section.get("group_nouns", [])),
        group_word=_words(section.get("group_nouns", [])),
        naming=_words(section.get("naming_words", [])),
        audience=_ending(section.get("audience_markers", [])),
        at_place=_ending(section.get("at_place", [])),
        place_before=_around(section.get("place_before", []), r"(?<![\w-])", r"\s*$"),
        relative=_words(section.get("relative", [])),
        purpose_word=_words(section.get("purpose", [])),
        sequence=_words(section.get("sequence", [])),
        complementizer=_words(section.get("complementizers", [])),
        demonstrative=_words(section.get("demonstratives", [])),
        report_noun=_around(section.get("report_nouns", []), r"(?<![\w-])", r"\s+"),
        apposition_article=_around(section.get("apposition_articles", []), r",\s+", r"\s+"),
        topic_word=_around(section.get("topic_words", []), r"\s*", r"(?![\w-])"),
        relational_noun=_words(section.get("relational_nouns", [])),
        agent_marker=_words(section.get("agent_markers", [])),
        press_cue=_words(section.get("press_cues", [])),
        reported_future=(
            re.compile(  # the speech verbs of the dates step ("said Tuesday")
                rf"(?<![\w-])(?:{_alternation(reporting)})"
                rf"(?:\s+[\w.'’-]+){{1,6}}?\s+(?:{_alternation(section['reported_future'])})\s+$",
                re.IGNORECASE,
            )
            if reporting and section.get("reported_future")
            else None
        ),
        condition=_words(section.get("conditions", [])),
        passive_prefix=_around(section.get("passive_prefixes", []), after=r"\w"),
        agent_clitic=_around(section.get("clitics", []), after="$"),
        not_participant_before=_ending(section.get("not_participant_before", [])),
        generic=_words(section.get("generic_quantifiers", [])),
        facility=_around(
            section.get("facilities", []), r"(?<![\w-])", r"(?:\s+(?-i:[A-Z])[\w-]*)*\s*$"
        ),
        non_political=_words(section.get("non_political_context", [])),
        habitual=_around(section.get("habitual", []), r"(?<![\w-])", r"(?:\s+[\w-]+){0,2}\s+$"),
        offtopic_sections=frozenset(w.lower() for w in section.get("offtopic_sections", [])),
        subordinator=_words(section.get("subordinators", [])),
        causative=_words(section.get("causatives", [])),
        other_body=(
            re.compile(
                rf"(?<![\w-])(?-i:{_alternation(section['other_body_heads'])})"
                rf"(?:\s+(?:(?-i:[A-Z])[\w-]*|{_alternation(section.get('name_inner_words', ['&']))}))*"
                r"\s+$"
            )
            if section.get("other_body_heads")
            else None
        ),
        visited_place=(
            re.compile(rf"(?<![\w-])(?:{_alternation(section['visited_places'])})(?![\w-])")
            if section.get("visited_places")
            else None
        ),
        home_country=section.get("home_country"),
        anchors=_automaton(section.get("anchors", [])),
        today=_words(section.get("today", [])),
        home_role=_capitalised_roles(home_roles, section.get("role_connectors", [])),
        home_role_keys={" ".join(k.split()): r for k, r in home_roles.items()},
        defendant_word=_words(section.get("defendant_words", [])),
        charged_after=_around(
            section.get("charged_after", []),
            rf"\s+(?:(?:{_alternation(section.get('alias_words', [])) or '(?!)'})\s+\S+\s+)?",
            r"(?![\w-])",
        ),
        other_holder=_around(section.get("other_holder", []), r"\s*", r"(?![\w-])"),
        latent_trigger=_words(section.get("latent_triggers", [])),
        member_quantifier=_words(section.get("member_quantifiers", [])),
        genitive=_around(section.get("genitive", []), r"\s+", r"\s+"),
    )


def _capitalised_roles(roles: dict[str, str], connectors: list[str]) -> re.Pattern[str] | None:
    """The role phrases ("menteri luar negeri", "panglima tni") as a pattern that matches
    them written as titles: each word with a capital first letter, its other letters in any
    case ("Menteri Luar Negeri", "Panglima TNI"), connectors in lower case ("Menteri Hukum
    dan HAM")."""
    if not roles:
        return None
    small = {c.lower() for c in connectors}

    def titled(phrase: str) -> str:
        words = []
        for word in phrase.split():
            if word in small:
                words.append(re.escape(word))
            else:
                head, rest = word[0], word[1:]
                words.append(re.escape(head.upper()) + (f"(?i:{re.escape(rest)})" if rest else ""))
        return r"\s+".join(words)

    ordered = sorted(roles, key=len, reverse=True)
    return re.compile(rf"(?<![\w-])(?:{'|'.join(titled(p) for p in ordered)})(?![\w-])")


def _ending(phrases: list[str]) -> re.Pattern[str] | None:
    """The phrases as a pattern that must end where the search ends ("melalui ")."""
    return _around(phrases, r"(?<![\w-])", r"\s+$")


def _automaton(words: list[str]) -> ahocorasick.Automaton | None:
    """An Aho-Corasick automaton of the (lower-case) anchor words, or None without any."""
    if not words:
        return None
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word.lower(), word)
    automaton.make_automaton()
    return automaton
