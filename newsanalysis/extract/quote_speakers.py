"""From a speaker phrase to a speaker: an actor when one is known, else a clean name.

In order of preference:

1. an actor mention inside the phrase (``doc.mentions``, filled by the actors step):
   the last person in it ("juru bicara Kremlin *Dmitry Peskov*"), else the longest;
2. for pronouns, clitics ("katanya") and role phrases ("presiden Rusia", "the
   spokesman"): :func:`newsanalysis.actors.resolve_reference`;
3. when the actor step knows nothing:

   - a pronoun or clitic goes to the latest *salient person* before it: an earlier
     speaker, or a name introduced with a title or role at the start of a clause
     ("Pengamat politik ... Robi Cahyadi Kurniawan menilai, ..."; "Wali Kota Risma
     terus mengingatkan ...") or mentioned again there ("Piter menilai");
   - a name loses its titles and role words ("Kombes Yusri Yunus" -> "Yusri Yunus")
     and a leading organisation that the article also names without this person
     ("Kremlin Dmitry Peskov" -> "Dmitry Peskov"); a lone name is completed from the
     closest full name before it ("Wang" after "Wang Yi" -> "Wang Yi", not the earlier
     "Wang Wenbin").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, cached_property

from ..actors import resolve_reference
from ..actors.references import antecedent, gender_of, pronoun_gender
from ..document import Document, Mention
from .quote_lexicon import QuoteLexicon
from .quote_types import CLITIC, INHERIT, NONE, PHRASE, Attribution

__all__ = ["Speaker", "SpeakerResolver"]

_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
#: a clitic speaker ("katanya") continues a speaker quoted this many sentences before
RECENT_SENTENCES = 3
_BRACKETS = re.compile(r"\([^()]*\)")
_NICKNAME = re.compile(r"[“”\"«»][^“”\"«»\s]+(?: [^“”\"«»\s]+)?[“”\"«»]")
_VERB_AFTER = re.compile(r"[ \t]*,?[ \t]*[a-z]")


@dataclass(frozen=True)
class Speaker:
    name: str | None
    actor_id: str | None
    surface: str | None
    start: int | None
    end: int | None


NO_SPEAKER = Speaker(None, None, None, None, None)


@dataclass
class _Run:
    """A run of capitalised words in the text (a name, a title, an organisation)."""

    start: int
    end: int
    words: tuple[str, ...]

    @cached_property
    def keys(self) -> tuple[str, ...]:
        return tuple(_key(w) for w in self.words)


@cache
def _run_pattern(abbreviations: frozenset[str], particles: frozenset[str]) -> re.Pattern[str]:
    """Capitalised words, with initials / listed abbreviations ("J.", "Mr.") and name
    particles ("Ali bin Alwi") inside."""
    abbrev = "|".join(
        sorted((re.escape(a) for a in abbreviations if "." not in a), key=len, reverse=True)
    )
    abbrev = rf"(?i:(?:{abbrev}))\.|" if abbrev else ""
    word = rf"(?:(?=[{_UPPER}])(?:{abbrev}[{_UPPER}]\.|[{_UPPER}](?:[\w'’-]|\.(?=\w))*))"
    joined = "|".join(sorted(map(re.escape, particles), key=len, reverse=True)) or "(?!)"
    return re.compile(rf"{word}(?:[ \t]+(?:{word}|(?:{joined})(?=[ \t]+[{_UPPER}])))*")


class SpeakerResolver:
    """Resolves the speakers of one article's attributions, in text order."""

    def __init__(
        self, doc: Document, lex: QuoteLexicon, in_quote: Callable[[int], bool] | None = None
    ):
        self.doc = doc
        self.lex = lex
        self.in_quote = in_quote or (lambda pos: False)
        self.resolved: dict[int, Speaker] = {}  # id(attribution) -> speaker
        self._speakers: list[tuple[int, Speaker]] = []  # named speakers, by position
        self._last: list[tuple[int, Speaker]] = []  # every resolved speaker, by position

    def resolve(self, a: Attribution) -> Speaker:
        speaker = self._resolve(a)
        self.resolved[id(a)] = speaker
        if (
            speaker.name
            and speaker.start is not None
            and a.speaker_kind == PHRASE
            and (speaker.actor_id or not self._is_role_phrase(speaker.surface.split()))
            and speaker.surface.lower() not in self.lex.pronouns
        ):
            self._speakers.append((speaker.start, speaker))
        if speaker.name and speaker.start is not None and a.speaker_kind != INHERIT:
            self._last.append((speaker.start, speaker))
        return speaker

    def _resolve(self, a: Attribution) -> Speaker:
        if a.speaker_kind == INHERIT and a.inherit_from is not None:
            return self.resolved.get(id(a.inherit_from), NO_SPEAKER)
        if a.speaker is None or a.speaker_kind == NONE:
            return NO_SPEAKER
        start, end = a.speaker
        surface = self.doc.text[start:end]
        words = surface.split()
        pronoun = a.speaker_kind == CLITIC or (
            len(words) == 1 and words[0].lower() in self.lex.pronouns
        )
        if pronoun:
            if a.speaker_kind != CLITIC and words[0].lower() not in self.lex.singular_pronouns:
                return Speaker(None, None, surface, start, end)  # "they", "we": as written
            anchor = a.start if a.quote is not None else start
            return self._pronoun(start, end, surface, anchor)
        mention = self._mention_in(start, end)
        if mention is not None and not self._name_after(mention, end):
            return self._from_mention(mention, surface, start, end)
        if self._is_role_phrase(words) or self._common_noun(start, words):
            refs = resolve_reference(self.doc, start, end)
            if len(refs) == 1:
                return self._from_mention(refs[0], surface, start, end)
            return Speaker(surface, None, surface, start, end)
        return Speaker(self._clean_name(start, end), None, surface, start, end)

    # ------------------------------------------------------------------ actors

    def _mention_in(self, start: int, end: int) -> Mention | None:
        inside = [
            m
            for m in self._mentions_overlapping(start, end)
            if m.start < end and m.end > start and not self._possessor(m, end)
        ]
        if not inside:
            return None
        people = [m for m in inside if self._type(m) == "person"]
        if people:
            return people[-1]
        # an organisation or place in brackets after a name the actor step did not find
        # is the person's affiliation: "Marcia Price (D-Newport News)", "Anto (OJK)"
        brackets = [b.span() for b in _BRACKETS.finditer(self.doc.text, start, end)]
        outside = [m for m in inside if not any(a <= m.start and m.end <= b for a, b in brackets)]
        if len(outside) < len(inside) and not outside and self._name_outside(start, end):
            return None
        return max(outside or inside, key=lambda m: m.end - m.start)

    def _mentions_overlapping(self, start: int, end: int) -> list[Mention]:
        """The mentions that may overlap ``[start, end)``, in order: found by binary
        search when the mentions follow each other without overlapping (as the actor
        step leaves them), else all of them."""
        bounds = self._mention_bounds
        if bounds is None:
            return self.doc.mentions
        starts, ends = bounds
        return self.doc.mentions[bisect.bisect_right(ends, start) : bisect.bisect_left(starts, end)]

    @cached_property
    def _mention_bounds(self) -> tuple[list[int], list[int]] | None:
        mentions = self.doc.mentions
        starts = [m.start for m in mentions]
        ends = [m.end for m in mentions]
        in_order = all(s <= e for s, e in zip(starts, ends, strict=True)) and all(
            e <= s for e, s in zip(ends, starts[1:], strict=False)
        )
        return (starts, ends) if in_order else None

    def _possessor(self, mention: Mention, end: int) -> bool:
        """ "*Scott's* niece": a possessive inside the phrase names someone else."""
        tail = self.doc.text[mention.end : min(end, mention.end + 2)]
        return mention.end + 2 < end and tail in ("'s", "’s")

    def _name_outside(self, start: int, end: int) -> bool:
        """A capitalised word outside brackets that is not a title or function word."""
        rest = _BRACKETS.sub(" ", self.doc.text[start:end])
        return any(
            w[0].isupper() and not self._is_title(w) and _key(w) not in self.lex.function_words
            for w in re.findall(r"[^\W\d_][\w'’.-]*", rest)
        )

    def _name_after(self, mention: Mention, end: int) -> bool:
        """A name the actor step did not find follows an organisation or place in the
        phrase: "Direktur BPTJ Kementerian Perhubungan (Kemenhub) *Edi Nursalam*"."""
        if self._type(mention) == "person":
            return False
        tail = _BRACKETS.sub(" ", self.doc.text[mention.end : end])
        return any(
            w[0].isupper() and not self._is_title(w) and _key(w) not in self.lex.function_words
            for w in re.findall(r"[^\W\d_][\w'’.-]*", tail)
        )

    def _type(self, mention: Mention) -> str | None:
        actor = self.doc.actors.get(mention.actor_id)
        return actor.type if actor else None

    def _from_mention(self, mention: Mention, surface: str, start: int, end: int) -> Speaker:
        name = self.doc.actor_name(mention.actor_id) or mention.surface
        return Speaker(name, mention.actor_id, surface, start, end)

    def _pronoun(self, start: int, end: int, surface: str, anchor: int) -> Speaker:
        """A pronoun or clitic speaker ("ia", "katanya", "he"): the speaker quoted last,
        if at most ``RECENT_SENTENCES`` sentences before the quotation (``anchor``) and
        nobody was named after it; else the pronoun's antecedent from the actor step."""
        last = self._recent_speaker(anchor)
        gender = pronoun_gender(self.doc, start, end)
        if (
            last is not None
            and gender
            and gender_of(self.doc, last[1].actor_id) not in (None, gender)
        ):
            last = None  # "she" after a quote of Donald Trump
        found = antecedent(self.doc, start, end)
        if last is not None and (
            found is None
            or found.mention.start < last[0]
            # a person named since is the new topic when a subject or speaker, or in the
            # pronoun's own sentence ("Trump, her opponent, said he thought ...")
            or (found.rank == "first" and not self._same_sentence(found.mention.start, start))
        ):
            return Speaker(last[1].name, last[1].actor_id, surface, start, end)
        if found is not None:
            return self._from_mention(found.mention, surface, start, end)
        refs = resolve_reference(self.doc, start, end)
        if len(refs) == 1:
            return self._from_mention(refs[0], surface, start, end)
        salient = self._salient_before(start)
        if salient is not None and not (
            gender and gender_of(self.doc, salient.actor_id) not in (None, gender)
        ):
            return Speaker(salient.name, salient.actor_id, surface, start, end)
        return Speaker(None, None, surface, start, end)

    def _same_sentence(self, a: int, b: int) -> bool:
        return self.doc.sentence_index(a) == self.doc.sentence_index(b)

    def _recent_speaker(self, pos: int) -> tuple[int, Speaker] | None:
        """The last speaker, with where it is written, if quoted at most
        ``RECENT_SENTENCES`` sentences before ``pos``."""
        for position, speaker in reversed(self._last):
            if position < pos:
                gap = self.doc.sentence_index(pos) - self.doc.sentence_index(position)
                return (position, speaker) if gap <= RECENT_SENTENCES else None
        return None

    # ------------------------------------------------------------------ salience

    def _salient_before(self, pos: int) -> Speaker | None:
        """The latest earlier speaker or clause-initial titled name before ``pos``."""
        best: tuple[int, Speaker] | None = None
        for position, speaker in reversed(self._speakers):
            if position < pos:
                best = (position, speaker)
                break
        k = bisect.bisect_left(self._subject_starts, pos) - 1
        if k >= 0 and (best is None or self._subjects[k][0] > best[0]):
            best = self._subjects[k]
        return best[1] if best else None

    @cached_property
    def _subjects(self) -> list[tuple[int, Speaker]]:
        """Clause-initial person names: the last name of a clause-initial chain of
        titles, roles and organisations ("Pengamat politik dari Universitas Lampung
        Robi Cahyadi Kurniawan"), or a re-mention of such a name ("Piter menilai")."""
        out: list[tuple[int, Speaker]] = []
        known: dict[str, str] = {}  # name word -> full name
        text = self.doc.text
        runs = self._runs
        i = 0
        while i < len(runs):
            first = runs[i]
            j = i
            while j + 1 < len(runs) and self._linked(runs[j].end, runs[j + 1].start):
                j += 1
            last = runs[j]
            known_word = j == i and len(first.words) == 1 and first.keys[0] in known
            titled = j > i or self._is_title(first.words[0])
            if not titled and not known_word:
                titled = self._role_before(first.start) < first.start
            if not titled and not known_word:
                i = j + 1
                continue
            lead = self._role_before(first.start)
            name_words = self._strip(list(last.words))
            is_name = not all(self._is_title(w) for w in name_words)
            if titled and is_name and self._not_a_person(last.start, last.end):
                is_name = False  # "Gubernur Kalimantan Barat": the actor step knows a place
            if titled and is_name:
                name = self._finish(name_words, last.start)
                self._remember(known, name.split())
                if self._clause_initial(lead) and self._verb_follows(last.end):
                    out.append(
                        (
                            last.start,
                            Speaker(name, None, text[last.start : last.end], last.start, last.end),
                        )
                    )
            elif known_word:
                if self._clause_initial(lead) and self._verb_follows(first.end):
                    name = known[first.keys[0]]
                    out.append(
                        (first.start, Speaker(name, None, first.words[0], first.start, first.end))
                    )
            i = j + 1
        return out

    def _not_a_person(self, start: int, end: int) -> bool:
        """The actor step found only non-person actors (countries, organisations) here."""
        inside = [m for m in self.doc.mentions if m.start < end and m.end > start]
        return bool(inside) and all(self._type(m) not in (None, "person") for m in inside)

    def _verb_follows(self, pos: int) -> bool:
        """A lower-case word (the verb) follows, maybe after an apposition comma."""
        return bool(_VERB_AFTER.match(self.doc.text, pos))

    def _linked(self, end: int, start: int) -> bool:
        """Two runs joined by brackets, link words or role words ("politik dari")."""
        gap = self.doc.text[end:start]
        if "\n" in gap or len(gap) > 40:
            return False
        for word in re.findall(r"[^\s()]+", gap):
            low = word.lower()
            if not (
                low in self.lex.phrase_links
                or low in self.lex.name_particles
                or low in self.lex.speaker_words
                or (len(low) <= 3 and low.isalpha() and low not in self.lex.function_words)
            ):
                return False
        return True

    @cached_property
    def _subject_starts(self) -> list[int]:
        return [p for p, _ in self._subjects]

    def _remember(self, known: dict[str, str], words: list[str]) -> None:
        if len(words) >= 2:
            for w in words:
                if not self._is_title(w):
                    known.setdefault(_key(w), " ".join(words))

    def _role_before(self, pos: int) -> int:
        """Start of the lower-case role words right before ``pos`` ("pengamat politik")."""
        text = self.doc.text
        start = pos
        while True:
            m = re.search(r"(\w+)\s+$", text[max(0, start - 40) : start])
            if not m:
                return start
            word = m.group(1).lower()
            if (
                word in self.lex.speaker_words
                or word in self.lex.titles
                or word in self.lex.phrase_links
            ):
                start = start - len(m.group(0))
            else:
                return start

    def _clause_initial(self, pos: int, sentence: bool = False) -> bool:
        """Only openers, or a comma / sentence end, before ``pos`` in its clause
        (with ``sentence``: in its sentence)."""
        i = pos
        text = self.doc.text
        ends = '\n.!?:“”"' if sentence else '\n.!?,;:“”"'
        while True:
            j = i - 1
            while j >= 0 and text[j] in " \t":
                j -= 1
            if j < 0 or text[j] in ends:
                return True
            m = re.search(r"(\w+)$", text[max(0, j - 30) : j + 1])
            if m and m.group(1).lower() in self.lex.sentence_openers:
                i = j + 1 - len(m.group(1))
                continue
            return False

    # ------------------------------------------------------------------ names without an actor

    def _is_title(self, word: str) -> bool:
        key = _key(word)
        return key in self.lex.titles or key in self.lex.speaker_words

    def _common_noun(self, start: int, words: list[str]) -> bool:
        """A lone word capitalised only because it opens the sentence ("Perusahaan
        itu mengonfirmasi"): a name is capitalised elsewhere too."""
        names = [w for w in words if w[0].isupper()]
        if len(names) != 1 or not self._clause_initial(start, sentence=True):
            return False
        return _key(names[0]) not in self._mid_sentence_keys

    @cached_property
    def _mid_sentence_keys(self) -> set[str]:
        """Words capitalised somewhere other than at the start of a sentence."""
        keys: set[str] = set()
        for run in self._runs:
            keys.update(run.keys[1:])
            if run.keys[0] not in keys and not self._clause_initial(run.start, sentence=True):
                keys.add(run.keys[0])
        return keys

    def _is_role_phrase(self, words: list[str]) -> bool:
        """ "Presiden", "the spokesman", "presiden Rusia", "juru bicara Kremlin": a role,
        maybe of an organisation or a country, but no person's name."""
        names = [w for w in words if w[0].isupper() and not self._is_title(w)]
        if (
            words[-1][0].islower()
            and _key(words[-1]) in self.lex.speaker_words
            and not any("," in w for w in words)
        ):
            return True  # a description with its head noun last: "A New York judge"
        return not names or (words[0][0].islower() and len(names) == 1)

    @cached_property
    def _runs(self) -> list[_Run]:
        """Capitalised word runs of the article, without a leading function word
        ("Menurut Armanunsah" -> "Armanunsah")."""
        pattern = _run_pattern(self.lex.abbreviations, self.lex.name_particles)
        runs = []
        for m in pattern.finditer(self.doc.text):
            if self.in_quote(m.start()):
                continue
            words = m.group(0).split()
            start = m.start()
            while words and _key(words[0]) in self.lex.function_words:
                start = (
                    self.doc.text.index(words[1], start + len(words[0]))
                    if len(words) > 1
                    else m.end()
                )
                words = words[1:]
            if words:
                runs.append(_Run(start, m.end(), tuple(words)))
        return runs

    @cached_property
    def _runs_by_first(self) -> dict[str, list[tuple[str, ...]]]:
        """Word keys of every run, by their first word."""
        index: dict[str, list[tuple[str, ...]]] = {}
        for run in self._runs:
            index.setdefault(run.keys[0], []).append(run.keys)
        return index

    def _named_apart(self, prefix: tuple[str, ...], following: str) -> bool:
        """Whether the article names ``prefix`` without ``following`` after it."""
        n = len(prefix)
        return any(
            keys[:n] == prefix and (keys[n] if len(keys) > n else "") != following
            for keys in self._runs_by_first.get(prefix[0], ())
        )

    def _strip(self, words: list[str]) -> list[str]:
        """Drop titles, role words and a leading organisation, keeping two words or more."""
        words = [w for w in words if w != "."]
        titles = 0
        while titles < len(words) and self._is_title(words[titles]):
            titles += 1
        if len(words) - titles >= 2:  # "Kementerian Luar Negeri China" stays whole
            words = words[titles:]
        # a leading acronym is an organisation ("ALFI Yukki Nugrahawan", "OJK Anto")
        while len(words) > 2 and words[0].isupper() and len(words[0]) >= 2 and words[0].isalpha():
            words = words[1:]
        # a leading organisation that the article also names without this person
        # ("Kremlin" in "Kremlin Dmitry Peskov", "China" in "China Wang Yi")
        keys = tuple(_key(w) for w in words)
        for n in range(len(words) - 2, 0, -1):
            if self._named_apart(keys[:n], keys[n]):
                return words[n:]
        return words

    def _clean_name(self, start: int, end: int) -> str:
        surface = _BRACKETS.sub(" ", self.doc.text[start:end])  # "(D-Mo.)", "(ALFI)"
        surface = re.sub(r"\s+", " ", _NICKNAME.sub(" ", surface))  # Marcia "Cia" Price
        if "," in surface:
            # an apposition: the part that is a name, not a role ("Pengajar X, Sutaryono")
            parts = [p.strip() for p in surface.split(",") if p.strip()]
            # the part that is a name, not a role: one opening with a name ("Kepala X,
            # *Edison Sahputra*"), else one with a name after its title ("*President
            # Obama*, dedicating ...")
            # a possessor is no name of the speaker: "*Scott's* niece, Marcia Price"
            holding = [
                p
                for p in parts
                if any(
                    w[0].isupper() and not self._is_title(w) and not w.endswith(("'s", "’s"))
                    for w in p.split()
                )
            ]
            opening = [p for p in holding if p[0].isupper() and not self._is_title(p.split()[0])]
            if opening or holding:
                surface = (opening or holding)[0]
        pattern = _run_pattern(self.lex.abbreviations, self.lex.name_particles)
        runs = [m.group(0).split() for m in pattern.finditer(surface)]
        runs = [[w for w in r if _key(w) not in self.lex.function_words] for r in runs]
        runs = [r for r in runs if r]
        if not runs:
            return surface
        return self._finish(self._strip(runs[-1]), start)

    def _finish(self, words: list[str], before: int) -> str:
        while len(words) > 1 and _key(words[0]) in self.lex.titles:
            words = words[1:]
        if len(words) == 1:
            return self._complete(words[0], before)
        return " ".join(words)

    @cached_property
    def _runs_by_word(self) -> dict[str, list[_Run]]:
        """Runs of two words or more, by each of their words, in text order."""
        index: dict[str, list[_Run]] = {}
        for run in self._runs:
            if len(run.words) >= 2:
                for key in set(run.keys):
                    index.setdefault(key, []).append(run)
        return index

    def _complete(self, word: str, before: int) -> str:
        """A lone name completed from the closest longer name before it."""
        key = _key(word)
        for run in reversed(self._runs_by_word.get(key, [])):
            if run.start >= before:
                continue
            name = self._strip(list(run.words))
            name_keys = [_key(w) for w in name]
            if key in name_keys and len(name) >= 2:
                i = name_keys.index(key)
                if i == len(name) - 1:
                    return " ".join(name[max(0, i - 2) :])
                return " ".join(name[i : i + 3])
        return word


@cache
def _key(word: str) -> str:
    return word.lower().rstrip(".")
