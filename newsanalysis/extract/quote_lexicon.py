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
    cue_pattern: re.Pattern[str]
    kinds: dict[str, str]  # lower-cased cue phrase -> kind
    clitic: str
    inverted_openers: frozenset[str]
    complementizers: frozenset[str]
    pronouns: frozenset[str]
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
    abbreviations: frozenset[str]  # from the pack's [text] section
    function_words: frozenset[str]  # every non-name word the section lists
    scare_max_words: int

    def find_cues(self, text: str, start: int = 0, end: int | None = None) -> list[Cue]:
        """Every cue in ``text[start:end]``; capitalised forms only where a sentence starts."""
        end = len(text) if end is None else end
        cues = []
        for match in self.cue_pattern.finditer(text, start, end):
            word = match.group("cue")
            low = " ".join(word.lower().split())
            kind = self.kinds.get(low)
            if kind is None:
                continue
            if word[0].isupper() and not _sentence_initial(text, match.start()):
                continue  # "Said Didu", "Kata" in a title: a name, not a cue
            clitic = bool(match.group("clitic"))
            if clitic and kind != INVERTED:
                continue
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
    phrases = sorted(kinds, key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)
    clitic_group = f"(?P<clitic>{re.escape(clitic)})?" if clitic else "(?P<clitic>(?!))?"
    pattern = re.compile(rf"(?<![\w-])(?P<cue>{alternatives}){clitic_group}(?![\w-])", re.I)
    # phrases with several spaces are looked up with single spaces
    kinds = {re.sub(r"\s+", " ", k): v for k, v in kinds.items()}
    return QuoteLexicon(
        code=pack.code,
        cue_pattern=pattern,
        kinds=kinds,
        clitic=clitic,
        inverted_openers=words("inverted_openers"),
        complementizers=words("complementizers"),
        pronouns=words("pronouns"),
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
