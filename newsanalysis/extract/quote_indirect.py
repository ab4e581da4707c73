"""Indirect speech: reported speech without quotation marks.

One attribution per sentence at most, from the cues no quotation used:

- "Menurut X, …" / "According to X, …" (a preposition or inverted cue opening the
  sentence, the speaker, a comma, the content);
- "X mengatakan (bahwa) …" / "X said (that) …" with X opening the clause (after openers
  or a fronted adverbial and its comma, with an apposition);
- "…, menurut X, …" / "The plan, he said, is dead." (an attribution set off by
  commas inside the sentence: the content is what stands before and after it);
- "…, kata X." / "…, sources said." / "…, menurut X." (a closing attribution).

The content runs to the sentence end or to a new clause ("…, sementara …") and needs
``MIN_INDIRECT_WORDS`` words outside quotation marks (else it is a quotation).
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from ..text import Span
from .quote_lexicon import INVERTED, NAMING, PREPOSITION, VERB
from .quote_phrases import Tok, phrase_after, phrase_before, subject_before
from .quote_types import (
    CLITIC,
    DIRECT,
    INDIRECT,
    MAX_OBJECT,
    MIN_INDIRECT_WORDS,
    PHRASE,
    Attribution,
)

if TYPE_CHECKING:
    from .quote_attribution import AttributionFinder

__all__ = ["find_indirect"]


def find_indirect(f: AttributionFinder, found: list[Attribution]) -> list[Attribution]:
    """Reported speech without quotation marks: one per sentence, and a closing
    attribution around it ("…, the source added") as a second."""
    direct_pieces = [(s, e) for a in found if a.kind == DIRECT for s, e in a.pieces]
    out: list[Attribution] = []
    with_cues = sorted(
        {
            f.sentence_index(c.start)
            for c in f.cues
            if c.kind != NAMING and c.start not in f.used_cues
        }
    )
    for index in with_cues:
        s_start, s_end = f.sentences[index]
        if any(s <= s_start and s_end <= e + 2 for s, e in direct_pieces):
            continue
        attribution = _indirect_in(f, s_start, s_end)
        if attribution is not None:
            out.append(attribution)
            # "Clinton had told police that she did not want the escort, but the NYPD
            # overruled it, the source added.": a report inside a closing attribution
            if attribution.cue is not None and attribution.cue.start in f.used_cues:
                closing = _final(f, s_start, s_end)
                if closing is not None and closing.cue.start != attribution.cue.start:
                    out.append(closing)
    return out


def _indirect_in(f: AttributionFinder, s_start: int, s_end: int) -> Attribution | None:
    toks, starts = f.tokens(s_start)
    lo = bisect.bisect_left(starts, s_start)
    hi = bisect.bisect_left(starts, s_end)
    if hi - lo < 4:
        return None
    cues = [c for c in f.cues_in(s_start, s_end) if c.start not in f.used_cues]
    if not cues:
        return None
    # "Menurut X, …" / "According to X, …"
    first = cues[0]
    ci = bisect.bisect_left(starts, first.start)
    if first.kind in (PREPOSITION, INVERTED) and f._only_openers(toks[lo:ci]):
        after = f._after(toks, first, ci, hi)
        phrase = phrase_after(toks[:hi], after, f.lex) if not first.clitic else None
        if first.kind == PREPOSITION and not first.clitic and phrase is None:
            # "According to exit polls, …": any short noun phrase up to the comma
            comma = next((j for j in range(after, hi) if toks[j].text == ","), None)
            source = f._source_phrase(toks, after, comma) if comma is not None else None
            phrase = source or phrase
        k = phrase[1] if phrase else after
        if k < hi and toks[k].text == ",":
            content = _content(f, toks, k + 1, hi)
            if content is not None:
                speaker = (
                    f.span_of(toks, phrase)
                    if phrase
                    else (first.end - len(f.lex.clitic), first.end)
                )
                return f._use(
                    Attribution(INDIRECT, [content], first, speaker, PHRASE if phrase else CLITIC)
                )
    # "…, menurut X, …" / "…, lanjut Teguh, …" / "The plan, he said, is dead."
    middle = _middle_attribution(f, toks, starts, lo, hi, cues)
    if middle is not None:
        return f._use(middle)
    # "X mengatakan (bahwa) …" with X opening the sentence
    for cue in cues:
        if cue.kind != VERB:
            continue
        ci = bisect.bisect_left(starts, cue.start)
        phrase = subject_before(toks, ci, f.lex, floor=lo)
        if phrase is None and _participle(f, toks, ci, lo):
            # "A judge has rejected the request, saying the courts have no business …"
            phrase = f.sentence_subject(toks, lo, ci)
        if phrase is None or not f._clause_start(toks, lo, phrase[0]):
            continue
        k = _content_start(f, toks, f._after(toks, cue, ci, hi), hi)
        content = _content(f, toks, k, hi)
        if content is not None:
            return f._use(Attribution(INDIRECT, [content], cue, f.span_of(toks, phrase), PHRASE))
        break
    # "…, kata X." / "…, he said." / "…, menurut X." (final)
    return _final(f, s_start, s_end)


def _participle(f: AttributionFinder, toks: list[Tok], ci: int, lo: int) -> bool:
    """A participle cue after a comma ("…, saying", "…, seraya menegaskan") or a cue
    right after "and" / "dan": it has no subject of its own and reports what the
    sentence's subject said."""
    if toks[ci].low in f.lex.participles:
        return ci > lo and toks[ci - 1].text == ","
    if ci - 1 > lo and toks[ci - 1].low in f.lex.conjunctions:
        return True  # a second verb of the subject: "Cruz exhorted … and said he …"
    return ci - 1 > lo and toks[ci - 1].low in f.lex.participle_markers and toks[ci - 2].text == ","


def _final(f: AttributionFinder, s_start: int, s_end: int) -> Attribution | None:
    """The sentence before a closing attribution: "…, kata X." / "…, he said."."""
    toks, starts = f.tokens(s_start)
    lo = bisect.bisect_left(starts, s_start)
    hi = bisect.bisect_left(starts, s_end)
    final = f.final_attribution(s_start, s_end)
    if final is not None:
        cue, speaker, speaker_kind, comma = final
        if cue.start in f.used_cues:
            return None
        k = lo
        while k < hi and toks[k].low in f.lex.sentence_openers:
            k += 1
        content = (toks[k].start, comma) if k < hi else None
        if content and content[1] > content[0] and f.words(*content) >= MIN_INDIRECT_WORDS:
            if not _single_quote(f, content):
                return f._use(Attribution(INDIRECT, [content], cue, speaker, speaker_kind))
    return None


def _middle_attribution(
    f: AttributionFinder, toks: list[Tok], starts: list[int], lo: int, hi: int, cues: list
) -> Attribution | None:
    """An attribution set off by commas inside the sentence: the content is what stands
    before and after it ("Saat ini, menurut Presiden, masyarakat sudah menunggu")."""
    for cue in cues:
        ci = bisect.bisect_left(starts, cue.start)
        after = f._after(toks, cue, ci, hi)
        if cue.kind in (PREPOSITION, INVERTED) and ci > lo and toks[ci - 1].text == ",":
            left_comma = ci - 1
            if cue.clitic:
                speaker, kind, k = (cue.end - len(f.lex.clitic), cue.end), CLITIC, after
            else:
                phrase = phrase_after(toks[:hi], after, f.lex)
                if phrase is None:
                    continue
                speaker, kind, k = f.span_of(toks, phrase), PHRASE, phrase[1]
        elif cue.kind == VERB and after < hi and toks[after].text == ",":
            # only a pronoun: "Role, Name, said, …" is an apposition, not an aside
            phrase = phrase_before(toks, ci, f.lex, floor=lo)
            if (
                phrase is None
                or phrase[1] - phrase[0] != 1
                or toks[phrase[0]].low not in f.lex.pronouns
            ):
                continue
            if phrase[0] - 1 <= lo or toks[phrase[0] - 1].text != ",":
                continue
            left_comma, speaker, kind, k = phrase[0] - 1, f.span_of(toks, phrase), PHRASE, after
        else:
            continue
        if k >= hi - 1 or toks[k].text != ",":
            continue
        first = lo
        while first < left_comma and toks[first].low in f.lex.sentence_openers:
            first += 1
        if first >= left_comma:
            continue
        rest = _content(f, toks, k + 1, hi)
        if rest is None:
            continue
        before = (toks[first].start, toks[left_comma - 1].end)
        return Attribution(INDIRECT, [before, rest], cue, speaker, kind)
    return None


def _content_start(f: AttributionFinder, toks: list[Tok], k: int, hi: int) -> int:
    """Skip the object and adverbials up to a complementizer ("told reporters that"),
    or the comma / colon right after the cue."""
    for j in range(k, min(hi, k + MAX_OBJECT + 1)):
        if toks[j].low in f.lex.complementizers:
            return j + 1
        if toks[j].text in '.;“”"':
            break
    while k < hi and toks[k].text in ",:—–-":
        k += 1
    return k


def _content(f: AttributionFinder, toks: list[Tok], k: int, hi: int) -> Span | None:
    """The reported clause from ``toks[k]`` to the sentence end or a clause break."""
    end = hi
    for j in range(k + 1, hi):
        if toks[j].low in f.lex.clause_breaks and toks[j - 1].text in ",;":
            end = j - 1
            break
    while end > k and not toks[end - 1].text[0].isalnum() and toks[end - 1].text not in '”"»’)':
        end -= 1
    if end <= k:
        return None
    span = (toks[k].start, toks[end - 1].end)
    if f.words(*span) < MIN_INDIRECT_WORDS or _single_quote(f, span):
        return None
    return span


def _single_quote(f: AttributionFinder, span: Span) -> bool:
    """The span is (almost) entirely one quotation: that is a direct quote."""
    for q in f.quotes:
        if q.outer_start <= span[0] + 1 and q.outer_end >= span[1] - 1:
            return True
    return False
