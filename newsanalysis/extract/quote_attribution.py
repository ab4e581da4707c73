"""Attributions: which words were said, by which speaker phrase, with which cue.

Works on one :class:`~newsanalysis.document.Document` and its language's
:class:`~.quote_lexicon.QuoteLexicon`; finds *where* the speaker is written, not *who*
it is (that is :mod:`.quote_speakers`). Three kinds, as in the ``quotes`` table:

- **direct**: a quotation standing as its own sentence(s), attributed by a frame right
  after it ("“…,” kata X", "“…,” the spokesman said"), right before it ("X
  mengatakan, “…”", "Menurut X: “…”"), or continuing the previous quotation;
- **partial**: quoted words inside a sentence the journalist wrote ("Putin memberi tahu
  Wang bahwa hubungan … “mencapai tahap baru”"), attributed to the subject of the
  nearest cue verb on their left, or to the sentence's closing attribution
  ("…, menurut juru bicara Kremlin Dmitry Peskov");
- **indirect**: reported speech without quotation marks ("Kuleba mengatakan di Twitter
  bahwa …", "X said that …", "menurut X, …", "…, sources said"): :mod:`.quote_indirect`,
  run after the quotations on the cues they did not use.

Quoted words with no cue at all and at most ``scare_max_words`` words are scare quotes,
titles or nicknames ("hubungan “tak terbatas”"), and a paragraph that is nothing but a
short quotation without a sentence end is a subheading: neither is a quote.
"""

from __future__ import annotations

import bisect

from ..document import Document
from ..text import Span
from .quote_indirect import find_indirect
from .quote_lexicon import INVERTED, NAMING, PREPOSITION, VERB, Cue, QuoteLexicon
from .quote_marks import QuoteSpan, find_quote_spans
from .quote_phrases import (
    Tok,
    after_comma,
    frame_phrase,
    in_nickname,
    is_cap,
    phrase_after,
    phrase_before,
    skip_dateline,
    speaker_after_cue,
    subject_before,
    tokenize,
)
from .quote_types import (
    CLITIC,
    DIRECT,
    INHERIT,
    MAX_OBJECT,
    NONE,
    PARTIAL,
    PHRASE,
    SENTENCE_END,
    Attribution,
)

__all__ = ["Attribution", "AttributionFinder", "find_attributions"]

_SENTENCE_END = SENTENCE_END
_DASHES = "—―–-"
_MAX_OBJECT = MAX_OBJECT
_MAX_SOURCE = 12  # words of a source after "according to" ("a new Washington Post-ABC News poll")


def find_attributions(doc: Document, lex: QuoteLexicon) -> list[Attribution]:
    """Direct, partial and indirect quotes of ``doc`` with their cue and speaker phrase."""
    return AttributionFinder(doc, lex).run()


class AttributionFinder:
    """Finds the attributions of one article (``run``); ``in_quote(pos)`` tells
    whether a position lies inside quotation marks."""

    def __init__(self, doc: Document, lex: QuoteLexicon):
        self.doc = doc
        self.lex = lex
        self.text = doc.text
        self.quotes = find_quote_spans(self.text, doc.paragraphs)
        quoted = [(q.outer_start, q.outer_end) for q in self.quotes]
        doc.extra["quote_spans"] = sorted(quoted)  # for resolve_reference
        self.quoted_starts = [s for s, _ in quoted]
        self.quoted = quoted
        self.cues = [c for c in lex.find_cues(self.text) if not self.in_quote(c.start)]
        self.cue_at = {c.start: c for c in self.cues}
        self.cue_starts = [c.start for c in self.cues]
        self.used_cues: set[int] = set()
        self._tokens: dict[int, tuple[list[Tok], list[int]]] = {}
        self.sentences = doc.sentences
        self.sentence_index = doc.sentence_index
        self.sentence_of = doc.sentence_of

    # ------------------------------------------------------------------ helpers

    def in_quote(self, pos: int) -> bool:
        k = bisect.bisect_right(self.quoted_starts, pos) - 1
        return k >= 0 and self.quoted[k][0] < pos < self.quoted[k][1]

    def tokens(self, pos: int) -> tuple[list[Tok], list[int]]:
        """Tokens of the paragraph containing ``pos`` and their start offsets."""
        index = self.doc.paragraph_index(pos)
        cached = self._tokens.get(index)
        if cached is None:
            p_start, p_end = self.doc.paragraphs[index]
            toks = tokenize(self.text, p_start, p_end)
            cached = (toks, [t.start for t in toks])
            self._tokens[index] = cached
        return cached

    def cues_in(self, start: int, end: int) -> list[Cue]:
        lo = bisect.bisect_left(self.cue_starts, start)
        hi = bisect.bisect_left(self.cue_starts, end)
        return self.cues[lo:hi]

    def span_of(self, toks: list[Tok], rng: tuple[int, int] | None) -> Span | None:
        if rng is None:
            return None
        return (toks[rng[0]].start, toks[rng[1] - 1].end)

    def words(self, start: int, end: int) -> int:
        """Number of words in ``[start, end)`` outside quotation marks."""
        toks, starts = self.tokens(start)
        lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        k = bisect.bisect_left(self.quoted_starts, end)
        if (
            k == 0
            or self.quoted[k - 1][1] <= start
            and all(e <= start for _, e in self.quoted[max(0, k - 8) : k])
        ):
            return sum(1 for t in toks[lo:hi] if t.text[0].isalnum())  # no quote inside
        return sum(1 for t in toks[lo:hi] if t.text[0].isalnum() and not self.in_quote(t.start))

    # ------------------------------------------------------------------ main

    def run(self) -> list[Attribution]:
        found: list[Attribution] = []
        by_cue: dict[int, Attribution] = {}
        for quote in self.quotes:
            attribution = self.attribute_quote(quote, found)
            if attribution is None or attribution in found:
                continue
            cue = attribution.cue
            owner = by_cue.get(cue.start) if cue is not None else None
            if owner is not None and (
                self._same_sentence(owner.end, attribution.start)
                if owner.kind == PARTIAL
                else self._same_paragraph(owner.end, attribution.start)
            ):
                # one cue, one speech act: "“A,” he said, but “B”" is one quotation,
                # "called him a “nasty guy,” an “anchor baby” and “sick”" one partial quote
                owner.pieces = owner.pieces + attribution.pieces
                owner.merged.append(quote)
                continue
            if cue is not None:
                by_cue[cue.start] = attribution
            found.append(attribution)
        found.extend(find_indirect(self, found))
        found.sort(key=lambda a: a.start)
        return found

    def _same_sentence(self, a: int, b: int) -> bool:
        return self.sentence_index(a) == self.sentence_index(b)

    def _same_paragraph(self, a: int, b: int) -> bool:
        return self.doc.paragraph_index(a) == self.doc.paragraph_index(b)

    # ------------------------------------------------------------------ quotes

    def attribute_quote(self, q: QuoteSpan, found: list[Attribution]) -> Attribution | None:
        text = self.text
        s_start, s_end = self.sentence_of(q.outer_start)
        toks, starts = self.tokens(q.outer_start)
        left_lo = bisect.bisect_left(starts, s_start)
        left_hi = bisect.bisect_left(starts, q.outer_start)
        left = toks[left_lo:left_hi]
        left_is_frame_only = self._only_openers(left)

        if self._is_nickname(q):
            return None

        # 1. a frame right after the quote: "“…,” kata X" / "“…,” X said"
        right = self.right_frame(q)
        if right is not None:
            cue, speaker, speaker_kind = right
            kind = DIRECT if left_is_frame_only or not left else PARTIAL
            if kind == PARTIAL and self._is_title(q):
                return None
            return self._use(Attribution(kind, q.pieces, cue, speaker, speaker_kind, quote=q))

        # 2. a frame right before it: "X mengatakan, “…”" / "Menurut X: “…”"
        if not left:
            framed = self.colon_frame(q)
            if framed is not None:
                return framed
        else:
            framed = self.left_frame(q, toks, left_lo, left_hi)
            if framed is not None:
                return framed

        if self._is_title(q):
            return None  # "Peran Perempuan dalam Pengembangan Pariwisata": a title

        # "“… jail time” for criminal behavior, she said.": the quote opens the sentence
        # and a closing attribution ends it
        if not left:
            final = self.final_attribution(q.outer_end, s_end)
            if final is not None and self.words(q.outer_end, final[3]) <= _MAX_OBJECT:
                cue, speaker, speaker_kind, _ = final
                return self._use(Attribution(DIRECT, q.pieces, cue, speaker, speaker_kind, quote=q))

        # 3. partial: the nearest cue on the left in the sentence, or the sentence's
        #    closing attribution
        if left and not left_is_frame_only:
            partial = self.partial(q, toks, left_lo, left_hi, s_end)
            if partial is not None:
                return partial
            if self.words_in_quote(q) <= self.lex.scare_max_words or left:
                return None  # scare quote, title, nickname

        # 4. a quotation standing alone: continues the previous speaker, or unknown
        if self._is_heading(q):
            return None
        previous = self._previous_quote(q, found)
        if previous is not None and self._same_paragraph(previous.end, q.start):
            # "“A,” X said. “B.”": one quotation interrupted by its attribution
            previous.pieces = previous.pieces + q.pieces
            previous.merged.append(q)
            return None
        if self.words_in_quote(q) <= self.lex.scare_max_words:
            return None
        if previous is not None and self._adjacent(previous, q):
            return Attribution(
                DIRECT, q.pieces, previous.cue, previous.speaker, INHERIT, previous, quote=q
            )
        introduced = self.introduced_by_previous_sentence(q)
        if introduced is not None:
            return introduced
        if previous is not None:
            return Attribution(
                DIRECT, q.pieces, previous.cue, previous.speaker, INHERIT, previous, quote=q
            )
        if text[q.end - 1 : q.end] not in _SENTENCE_END and not q.closed:
            return None
        return Attribution(DIRECT, q.pieces, quote=q)

    def words_in_quote(self, q: QuoteSpan) -> int:
        return sum(len(self.text[s:e].split()) for s, e in q.pieces)

    def _use(self, a: Attribution) -> Attribution:
        if a.cue is not None:
            self.used_cues.add(a.cue.start)
        return a

    def _only_openers(self, toks: list[Tok]) -> bool:
        """Nothing but sentence openers / punctuation (or a fronted adverbial + comma)."""
        if not toks:
            return True
        return all(t.low in self.lex.sentence_openers or not t.text[0].isalnum() for t in toks)

    def _is_nickname(self, q: QuoteSpan) -> bool:
        """One or two capitalised words quoted inside a name: Marcia "Cia" Price."""
        words = self.text[q.start : q.end].split()
        if not 1 <= len(words) <= 2 or not all(w[0].isupper() for w in words):
            return False
        before = self.text[max(0, q.outer_start - 30) : q.outer_start].split()
        after = self.text[q.outer_end : q.outer_end + 30].split()
        return bool(before and after and before[-1][0].isupper() and after[0][0].isupper())

    def _is_title(self, q: QuoteSpan) -> bool:
        """Three words or more, mostly capitalised: the title of a book, event or
        programme, not something said."""
        words = [w for s, e in q.pieces for w in self.text[s:e].split() if w[0].isalpha()]
        if len(words) < 3 or not words[0][0].isupper():
            return False
        capitalised = sum(1 for w in words if w[0].isupper())
        return capitalised * 3 >= len(words) * 2

    def _is_heading(self, q: QuoteSpan) -> bool:
        """A paragraph that is only a short quotation without a sentence end."""
        p_start, p_end = self.doc.paragraphs[self.doc.paragraph_index(q.outer_start)]
        if q.outer_start > p_start + 1 or q.outer_end < p_end - 1:
            return False
        last = self.text[q.end - 1]
        return last not in _SENTENCE_END and last != "," and self.words_in_quote(q) <= 12

    def _adjacent(self, previous: Attribution, q: QuoteSpan) -> bool:
        """Nothing but spaces between the previous quotation's sentence and this one."""
        s_prev = self.sentence_index(previous.end)
        return self.sentence_index(q.outer_start) - s_prev <= 1

    def introduced_by_previous_sentence(self, q: QuoteSpan) -> Attribution | None:
        """ "Trump took aim at Clinton's record. “She failed.”": the subject of a cue in
        the sentence right before a quotation standing alone."""
        index = self.sentence_index(q.outer_start)
        if index == 0 or self.sentences[index][0] < q.outer_start - 1:
            return None
        p_start, p_end = self.sentences[index - 1]
        if self.doc.paragraph_index(q.outer_start) - self.doc.paragraph_index(p_start) > 1:
            return None
        toks, starts = self.tokens(p_start)
        lo = bisect.bisect_left(starts, p_start)
        for cue in reversed(self.cues_in(p_start, p_end)):
            if cue.kind not in (VERB, NAMING) or cue.clitic:
                continue
            ci = bisect.bisect_left(starts, cue.start)
            phrase = subject_before(toks, ci, self.lex, floor=lo)
            if phrase is not None:
                return Attribution(
                    DIRECT, q.pieces, cue, self.span_of(toks, phrase), PHRASE, quote=q
                )
        return None

    def _previous_quote(self, q: QuoteSpan, found: list[Attribution]) -> Attribution | None:
        """The previous direct quote if it is in this paragraph or the one before."""
        for a in reversed(found):
            if a.kind != DIRECT or a.quote is None or a.speaker_kind == NONE:
                continue
            gap = self.doc.paragraph_index(q.start) - self.doc.paragraph_index(a.end)
            return a if 0 <= gap <= 1 else None
        return None

    # ------------------------------------------------------------------ frames

    def right_frame(self, q: QuoteSpan) -> tuple[Cue | None, Span | None, str] | None:
        """ "“…,” kata X" / "“…,” katanya" / "“…,” X said" / "“…,” according to X"."""
        toks, starts = self.tokens(q.outer_end - 1)
        k = bisect.bisect_left(starts, q.outer_end)
        end = self._clause_end(toks, k)
        dash = k < end and toks[k].text in _DASHES
        if k < end and (toks[k].text in "," or dash):
            k += 1
        if k >= end:
            return None
        if dash and self.text[q.end - 1] in _SENTENCE_END + "”":
            # "“…” ― Pamela Padilla": a signature line closing the paragraph
            phrase = phrase_after(toks, k, self.lex)
            if phrase is not None and all(not t.text[0].isalnum() for t in toks[phrase[1] :]):
                return None, self.span_of(toks, phrase), PHRASE
        if toks[k].low in self.lex.inverted_openers:
            k += 1
        cue = self.cue_at.get(toks[k].start) if k < end else None
        if cue is not None and cue.kind != NAMING:
            after = self._after(toks, cue, k, end)
            if cue.clitic:
                return cue, (cue.end - len(self.lex.clitic), cue.end), CLITIC
            phrase = speaker_after_cue(toks[:end], after, self.lex)
            if phrase is None and cue.kind == VERB:
                # "“…” suggests that …", "“…,” adding that …": the quote is the subject,
                # or the participle continues the sentence's subject; no frame here
                return None
            return cue, self.span_of(toks, phrase), PHRASE if phrase else NONE
        # "“…,” the spokesman said" / "“…,” Anto menambahkan"
        full_stop = self.text[q.end - 1] in ".!?"
        for cue in self.cues_in(toks[k].start, toks[end - 1].end if end > k else toks[k].end):
            if cue.kind not in (VERB, INVERTED) or cue.clitic:
                continue
            ci = bisect.bisect_left(starts, cue.start)
            phrase = frame_phrase(toks, k, ci, self.lex)
            if phrase is not None and full_stop:
                # after “… kami.” a new sentence may start: "Putin mengatakan …" is
                # not an attribution, "Sen. McCaskill said." is
                if not self._tail_ok(toks, self._after(toks, cue, ci, end), end):
                    phrase = None
            if phrase is not None:
                return cue, self.span_of(toks, phrase), PHRASE
            break
        return None

    def _after(self, toks: list[Tok], cue: Cue, k: int, end: int) -> int:
        """Index of the first token after the cue (which may span several tokens)."""
        while k < end and toks[k].start < cue.end:
            k += 1
        return k

    def _clause_end(self, toks: list[Tok], k: int) -> int:
        """Index of the token that ends the sentence starting at or after ``toks[k]``."""
        n = len(toks)
        j = k
        depth = 0
        while j < n:
            t = toks[j].text
            if t == "(":
                depth += 1
            elif t == ")" and depth:
                depth -= 1
            elif depth:
                pass  # "(D-Wis.)"
            elif t in _SENTENCE_END and not (
                t == "."
                and j > 0
                and toks[j - 1].end == toks[j].start
                and (
                    (len(toks[j - 1].text) <= 3 and toks[j - 1].text[0].isupper())
                    or toks[j - 1].low in self.lex.abbreviations
                )
            ):
                return j
            if t in '“”"«»' and j > k and not in_nickname(toks, j):
                return j
            j += 1
        return n

    def colon_frame(self, q: QuoteSpan) -> Attribution | None:
        """A quotation opening its paragraph after "X mengatakan:" / "X said:"."""
        p_index = self.doc.paragraph_index(q.outer_start)
        p_start = self.doc.paragraphs[p_index][0]
        if q.outer_start > p_start or p_index == 0:
            intro_end = q.outer_start
        else:
            intro_end = self.doc.paragraphs[p_index - 1][1]
        before = self.text[max(0, intro_end - 2) : intro_end].strip()
        if not before.endswith(":"):
            return None
        toks, starts = self.tokens(intro_end - 1)
        hi = bisect.bisect_left(starts, intro_end)
        s_start = self.sentence_of(intro_end - 1)[0]
        lo = bisect.bisect_left(starts, s_start)
        return self._frame_before(q, toks, lo, hi)

    def left_frame(self, q: QuoteSpan, toks: list[Tok], lo: int, hi: int) -> Attribution | None:
        """ "X mengatakan, “…”" / "Kata X: “…”" / "Menurut X, “…”" / "He said: “…”"."""
        return self._frame_before(q, toks, lo, hi)

    def _frame_before(self, q: QuoteSpan, toks: list[Tok], lo: int, hi: int) -> Attribution | None:
        end = hi
        while end > lo and toks[end - 1].text in ":,—–-":
            end -= 1
        if end == lo:
            return None
        cues = self.cues_in(toks[lo].start, toks[end - 1].end)
        if not cues:
            return None
        cue = cues[-1]
        ci = _cue_token(toks, lo, end, cue)
        after = self._after(toks, cue, ci, end)
        # "Kata X:" / "Menurut X," / "said Smith:"
        if cue.kind in (INVERTED, PREPOSITION, VERB) and not cue.clitic:
            phrase = phrase_after(toks[:end], after, self.lex)
            if phrase is not None and phrase[1] == end and self._only_openers(toks[lo:ci]):
                return self._use(
                    Attribution(DIRECT, q.pieces, cue, self.span_of(toks, phrase), PHRASE, quote=q)
                )
        if cue.kind == NAMING or end - after > _MAX_OBJECT:
            return None
        if after < end and end == hi:
            return None  # words between cue and quote and no ":" / ",": a partial quote
        # "X mengatakan:" / "He told reporters:" / "Katanya:"
        if cue.clitic:
            speaker, speaker_kind, s = (cue.end - len(self.lex.clitic), cue.end), CLITIC, ci
        else:
            phrase = subject_before(toks, ci, self.lex, floor=lo)
            if phrase is None:
                return None
            speaker, speaker_kind, s = self.span_of(toks, phrase), PHRASE, phrase[0]
        kind = DIRECT if self._clause_start(toks, lo, s) else PARTIAL
        if kind == PARTIAL:
            return None
        return self._use(Attribution(kind, q.pieces, cue, speaker, speaker_kind, quote=q))

    def _clause_start(self, toks: list[Tok], lo: int, s: int) -> bool:
        """Only openers, or a fronted adverbial closed by a comma, before ``toks[s]``."""
        if self._only_openers(toks[lo:s]):
            return True
        return after_comma(toks, lo, s) if s > lo else True

    # ------------------------------------------------------------------ partial quotes

    def partial(
        self, q: QuoteSpan, toks: list[Tok], lo: int, hi: int, s_end: int
    ) -> Attribution | None:
        """Quoted words inside a sentence: the nearest cue on their left, else the
        sentence's closing attribution."""
        cues = self.cues_in(toks[lo].start, q.outer_start)
        nearest: Cue | None = None
        for cue in reversed(cues):
            ci = _cue_token(toks, lo, hi, cue)
            if cue.kind == PREPOSITION or (cue.kind == INVERTED and not cue.clitic):
                phrase = phrase_after(toks[:hi], self._after(toks, cue, ci, hi), self.lex)
                if phrase is not None:
                    return Attribution(
                        PARTIAL,
                        q.pieces,
                        nearest or cue,
                        self.span_of(toks, phrase),
                        PHRASE,
                        quote=q,
                    )
                continue
            if cue.kind == INVERTED:
                continue
            nearest = nearest or cue
            phrase = subject_before(toks, ci, self.lex, floor=lo)
            if phrase is not None:
                return Attribution(
                    PARTIAL, q.pieces, nearest, self.span_of(toks, phrase), PHRASE, quote=q
                )
        final = self.final_attribution(q.outer_end, s_end)
        if final is not None:
            cue, speaker, speaker_kind, _ = final
            return Attribution(PARTIAL, q.pieces, cue, speaker, speaker_kind, quote=q)
        if nearest is not None:
            # "Trump is questioning the system, encouraging supporters to make sure
            # everything is “on the up and up”": the sentence's subject
            subject = self.sentence_subject(toks, lo, hi)
            speaker = self.span_of(toks, subject) if subject else None
            return Attribution(
                PARTIAL, q.pieces, nearest, speaker, PHRASE if speaker else NONE, quote=q
            )
        return None

    def sentence_subject(self, toks: list[Tok], lo: int, hi: int) -> tuple[int, int] | None:
        """The subject opening the sentence ``toks[lo:hi]`` (after a dateline, openers or a
        fronted prepositional phrase and its comma), followed by its verb."""
        k = skip_dateline(toks, lo, hi)
        while k < hi and (
            toks[k].low in self.lex.sentence_openers
            or not toks[k].text[0].isalnum()
            or self.in_quote(toks[k].start)  # quoted words are no subject
        ):
            k += 1
        if k > lo and toks[lo].low in self.lex.speaker_stop:
            # "In an interview on CBS, House Speaker Paul Ryan ...": the subject
            # comes after the fronted prepositional phrase and its comma
            comma = next((j for j in range(k, hi) if toks[j].text == ","), None)
            k = comma + 1 if comma is not None else hi
        subject = phrase_after(toks[:hi], k, self.lex) if k < hi else None
        if subject is not None and not (
            subject[1] < hi
            and toks[subject[1]].text[0].isalpha()
            and toks[subject[1]].text[0].islower()
        ):
            return None  # a subject is followed by its verb
        return subject

    def final_attribution(self, start: int, s_end: int) -> tuple[Cue, Span | None, str, int] | None:
        """A sentence-closing attribution after ``start``: ", kata X." / ", X said." /
        ", menurut X." / ", katanya.", also before a trailing clause ("…, lawmakers
        said Friday, as they bristled …"). Returns cue, speaker, kind and the comma
        offset."""
        toks, starts = self.tokens(start)
        lo = bisect.bisect_left(starts, start)
        hi = bisect.bisect_left(starts, s_end)
        end = hi
        while end > lo and not toks[end - 1].text[0].isalnum():
            end -= 1  # the sentence's final period
        # the commas of the sentence outside quotes, from the last one, back to a quote
        commas = []
        for c in range(end - 1, lo - 1, -1):
            if toks[c].text in '“”"«»':
                break
            if toks[c].text in ",;" and not self.in_quote(toks[c].start):
                commas.append(c)
        for n, c in enumerate(commas[:2]):
            if n == 1:
                # the last comma opens a trailing clause: "…, as they bristled"
                tail = toks[commas[0] + 1] if commas[0] + 1 < end else None
                if tail is None or not (
                    tail.low in self.lex.clause_breaks or tail.low in self.lex.speaker_stop
                ):
                    break
                end = commas[0]
            found = self._attribution_after_comma(toks, starts, c, end)
            if found is not None:
                return found
        return None

    def _attribution_after_comma(
        self, toks: list[Tok], starts: list[int], c: int, end: int
    ) -> tuple[Cue, Span | None, str, int] | None:
        k = c + 1
        if k >= end:
            return None
        if toks[k].low in self.lex.inverted_openers:
            k += 1
        cue = self.cue_at.get(toks[k].start) if k < end else None
        if cue is not None and cue.kind != NAMING:
            after = self._after(toks, cue, k, end)
            if cue.clitic:
                if after == end:
                    return cue, (cue.end - len(self.lex.clitic), cue.end), CLITIC, toks[c].start
                return None
            phrase = speaker_after_cue(toks[:end], after, self.lex)
            if phrase is None and cue.kind == PREPOSITION:
                phrase = self._source_phrase(toks, after, end)  # "according to exit polls"
            if phrase is not None and self._tail_ok(toks, phrase[1], end):
                return cue, self.span_of(toks, phrase), PHRASE, toks[c].start
            return None
        for cue in self.cues_in(toks[k].start, toks[end - 1].end + 1):
            if cue.kind not in (VERB,) or cue.clitic:
                continue
            ci = bisect.bisect_left(starts, cue.start)
            phrase = phrase_before(toks, ci, self.lex, floor=k, frame=True)
            if (
                phrase is not None
                and phrase[0] == k
                and self._tail_ok(toks, self._after(toks, cue, ci, end), end)
            ):
                return cue, self.span_of(toks, phrase), PHRASE, toks[c].start
            break
        return None

    def _source_phrase(self, toks: list[Tok], k: int, end: int) -> tuple[int, int] | None:
        """After "according to" / "menurut": any short noun phrase up to ``end`` (a
        comma or the sentence end), not only names: "according to exit polls"."""
        if not 0 < end - k <= _MAX_SOURCE:
            return None
        if any(t.text in '“”"«».!?;' or t.low in self.lex.complementizers for t in toks[k:end]):
            return None
        return (k, end)

    def _tail_ok(self, toks: list[Tok], k: int, end: int) -> bool:
        """After an attribution only adverbials may follow ("on Tuesday", "dalam
        keterangan tertulis, Senin (13/4)"): no second verb clause."""
        if end - k > 10 or (k < end and toks[k].low in self.lex.complementizers):
            return False  # "Russia insisted that Pyongyang …": a sentence of its own
        while k < end and is_cap(toks[k]):
            k += 1  # "Monday", "Sen. X": but "said North Korea had …" is a new clause
        return (
            k >= end
            or toks[k].low in self.lex.speaker_stop
            or not toks[k].text[0].isalnum()
            or toks[k].text[0].isdigit()
        )


def _cue_token(toks: list[Tok], lo: int, hi: int, cue: Cue) -> int:
    """Index of the first token of ``toks[lo:hi]`` at or after the cue; the last token
    when the cue sits inside it, glued to the word before ("Filipina.Lanjutnya")."""
    return next((i for i in range(lo, hi) if toks[i].start >= cue.start), hi - 1)
