"""The ``[quotes]`` section of a language pack, compiled once per language.

Everything the quote extractor knows about a language (cue verbs, pronouns, words of
speaker phrases, ...) comes from ``lang/<code>.toml``; this module only turns those
lists into sets and one regular expression that finds every cue of an article in a
single scan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..lang import get_pack

__all__ = ["Cue", "QuoteLexicon", "lexicon"]

VERB, NAMING, INVERTED, PREPOSITION = "verb", "naming", "inverted", "preposition"


@dataclass(frozen=True)
class Cue:
    """A cue word (or phrase) found in the text."""

    start: int
    end: int
    kind: str  # verb / naming / inverted / preposition
    clitic: bool = False  # "katanya": the speaker is the clitic pronoun

    def text(self, source: str) -> str:
        return source[self.start : self.end]


@dataclass(frozen=True)
class QuoteLexicon:
    code: str
    cue_pattern: re.Pattern[str]  # on lower-cased text
    cue_pattern_any_case: re.Pattern[str]
    kinds: dict[str, str]  # lower-cased cue phrase -> kind
    clitic: str
    inverted_openers: frozenset[str]
    complementizers: frozenset[str]
    pronouns: frozenset[str]
    singular_pronouns: frozenset[str]  # one person ("he", "ia"); the clitic counts too
    verb_adverbs: frozenset[str]
    speaker_words: frozenset[str]
    name_particles: frozenset[str]
    speaker_stop: frozenset[str]
    clause_breaks: frozenset[str]
    sentence_openers: frozenset[str]
    determiners: frozenset[str]
    titles: frozenset[str]
    phrase_links: frozenset[str]
    demonstratives: frozenset[str]
    relative_pronouns: frozenset[str]
    participles: frozenset[str]  # cue forms without a subject ("saying")
    participle_markers: frozenset[str]  # words that make a cue one ("seraya menegaskan")
    conjunctions: frozenset[str]  # "and": a relative pronoun refers to the last conjunct
    adverb_suffixes: tuple[str, ...]
    calendar_words: frozenset[str]  # month and weekday names, from the [dates] section
    abbreviations: frozenset[str]  # from the pack's [text] section
    function_words: frozenset[str]  # every non-name word the section lists
    scare_max_words: int

    def find_cues(self, text: str, start: int = 0, end: int | None = None) -> list[Cue]:
        """Every cue in ``text[start:end]``; capitalised forms only where a sentence starts."""
        end = len(text) if end is None else end
        lowered = text.lower()
        if len(lowered) == len(text):
            matches = self.cue_pattern.finditer(lowered, start, end)
        else:  # a character whose lower case is longer ("İ"): search the text itself
            matches = self.cue_pattern_any_case.finditer(text, start, end)
        cues = []
        for match in matches:
            low = " ".join(match.group("cue").lower().split())
            word = text[match.start("cue") : match.end("cue")]
            kind = self.kinds.get(low)
            if kind is None:
                continue
            if word[0].isupper() and not _sentence_initial(text, match.start()):
                continue  # "Said Didu", "Kata" in a title: a name, not a cue
            clitic = bool(match.group("clitic"))
            if clitic and kind not in (INVERTED, PREPOSITION):
                continue  # "katanya", "menurutnya"; not "mengatakannya"
            cues.append(Cue(match.start(), match.end(), kind, clitic))
        return cues


def _sentence_initial(text: str, pos: int) -> bool:
    """Whether only spaces, quotes or brackets stand between ``pos`` and a sentence end."""
    i = pos - 1
    while i >= 0 and (text[i].isspace() or text[i] in "“”\"'‘’«»(["):
        if text[i] == "\n":
            return True
        i -= 1
    return i < 0 or text[i] in ".!?:;"


def _trie_pattern(phrases: list[str]) -> str:
    """One regular expression for many phrases, factored by prefix (a trie), so the
    engine tries one branch per character instead of every phrase at every position.
    Spaces inside a phrase match any run of spaces."""
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [
            (r"\s+" if ch == " " else re.escape(ch)) + build(child)
            for ch, child in sorted(node.items())
            if ch
        ]
        if not branches:
            return ""
        if len(branches) == 1 and not ends:
            return branches[0]
        group = "(?:" + "|".join(branches) + ")"
        return group + "?" if ends else group

    return build(trie)


@cache
def lexicon(code: str | None) -> QuoteLexicon | None:
    """The compiled ``[quotes]`` data of language ``code`` (None if it has none)."""
    pack = get_pack(code)
    if pack is None or "quotes" not in pack:
        return None
    section = pack["quotes"]

    def words(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in section.get(key, []))

    kinds: dict[str, str] = {}
    for key, kind in (
        ("prepositions", PREPOSITION),
        ("naming_verbs", NAMING),
        ("verbs", VERB),
        ("inverted", INVERTED),
    ):
        for phrase in section.get(key, []):
            kinds.setdefault(phrase.lower(), kind)
    clitic = section.get("clitic", "")
    alternatives = _trie_pattern(list(kinds))
    clitic_group = f"(?P<clitic>{re.escape(clitic)})?" if clitic else "(?P<clitic>(?!))?"
    first = "".join(sorted({re.escape(p[0]) for p in kinds})) or "(?!)"
    body = rf"(?<![\w-])(?=[{first}])(?P<cue>{alternatives}){clitic_group}(?![\w-])"
    pattern = re.compile(body)
    pattern_any_case = re.compile(body, re.I)
    # phrases with several spaces are looked up with single spaces
    kinds = {re.sub(r"\s+", " ", k): v for k, v in kinds.items()}
    return QuoteLexicon(
        code=pack.code,
        cue_pattern=pattern,
        cue_pattern_any_case=pattern_any_case,
        kinds=kinds,
        clitic=clitic,
        inverted_openers=words("inverted_openers"),
        complementizers=words("complementizers"),
        pronouns=words("pronouns"),
        singular_pronouns=words("singular_pronouns"),
        verb_adverbs=words("verb_adverbs"),
        speaker_words=words("speaker_words"),
        name_particles=words("name_particles"),
        speaker_stop=words("speaker_stop"),
        clause_breaks=words("clause_breaks"),
        sentence_openers=words("sentence_openers"),
        determiners=words("determiners"),
        titles=words("titles"),
        phrase_links=words("phrase_links"),
        demonstratives=words("demonstratives"),
        relative_pronouns=words("relative_pronouns"),
        participles=words("participles"),
        participle_markers=words("participle_markers"),
        conjunctions=words("conjunctions"),
        adverb_suffixes=tuple(section.get("adverb_suffixes", [])),
        calendar_words=frozenset(
            w.lower() for key in ("months", "weekdays") for w in pack.get("dates", {}).get(key, {})
        ),
        abbreviations=frozenset(w.lower() for w in pack.words("text", "abbreviations")),
        function_words=frozenset(kinds)
        | words("sentence_openers")
        | words("speaker_stop")
        | words("verb_adverbs")
        | words("complementizers")
        | words("pronouns")
        | words("clause_breaks")
        | words("determiners")
        | words("inverted_openers"),
        scare_max_words=int(section.get("scare_max_words", 4)),
    )
