"""Speaker phrases next to a cue: the noun phrase that says who is speaking.

Rule-based and language-neutral; the words come from the ``[quotes]`` section of the
language pack. A speaker phrase is a run of capitalised words (names, organisations,
titles), lower-case words that the pack lists as parts of speaker phrases ("juru
bicara", "the spokesman", "a senior official"), name particles ("bin", "van") and
abbreviation periods ("Mr. Obama"). It starts at a pronoun when the cue is followed
by one ("kata dia", "he said").

- :func:`phrase_after` reads the phrase that follows a cue ("kata *juru bicara Kremlin
  Dmitry Peskov*", "said *Donna Brazile*");
- :func:`phrase_before` reads the subject before a cue ("*Kremlin* mengatakan",
  "*the source* added", "*Wang* berjanji"), skipping adverbs ("juga", "has also").
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .quote_lexicon import QuoteLexicon

__all__ = [
    "Tok",
    "speaker_after_cue",
    "tokenize",
    "phrase_after",
    "phrase_before",
    "frame_phrase",
    "subject_before",
    "skip_dateline",
    "is_cap",
    "after_comma",
]

_TOKEN = re.compile(r"\w+(?:[-'’.&]\w+)*|[^\w\s]", re.UNICODE)
MAX_PHRASE = 16  # words: "Manajer Badan Usaha Milik Desa Lembaga Keuangan Mikro (BUMDes LKM) …"


class Tok(NamedTuple):
    text: str
    start: int
    end: int
    low: str


def tokenize(text: str, start: int, end: int) -> list[Tok]:
    """Word and punctuation tokens of ``text[start:end]``."""
    new = tuple.__new__  # twice as fast as calling the NamedTuple class
    return [
        new(Tok, (word, a, a + len(word), word.lower()))
        for m in _TOKEN.finditer(text, start, end)
        for word, a in ((m.group(), m.start()),)
    ]


def is_cap(tok: Tok) -> bool:
    """A capitalised word (a name, an organisation, a title)."""
    first = tok.text[0]
    return first.isupper() or (first.isdigit() and any(c.isupper() for c in tok.text))


def _is_word(tok: Tok) -> bool:
    return tok.text[0].isalnum()


def _abbreviation_period(toks: list[Tok], k: int) -> bool:
    """``toks[k]`` is the period of "Mr." / "M." / "Sen." inside a name."""
    if toks[k].text != "." or k == 0 or k + 1 >= len(toks):
        return False
    before, after = toks[k - 1], toks[k + 1]
    return (
        before.end == toks[k].start
        and is_cap(before)
        and len(before.text) <= 4
        and (is_cap(after) or in_nickname(toks, k + 1))  # Robert C. "Bobby" Scott
    )


def _bracketed_ok(toks: list[Tok], a: int, b: int) -> bool:
    """Brackets around an acronym or party tag: "(ALFI)", "(R-Wis.)", "(D)"."""
    return a < b and is_cap(toks[a]) and all(is_cap(t) or t.text in ".-" for t in toks[a:b])


def _inside_brackets(toks: list[Tok], k: int) -> bool:
    before = next((j for j in range(k - 1, max(-1, k - 5), -1) if toks[j].text in "()"), None)
    after = next((j for j in range(k + 1, min(len(toks), k + 5)) if toks[j].text in "()"), None)
    return (
        before is not None
        and after is not None
        and toks[before].text == "("
        and toks[after].text == ")"
    )


_MARKS = frozenset('“”"«»')


def in_nickname(toks: list[Tok], j: int) -> bool:
    """``toks[j]`` is a quotation mark around a nickname inside a name: Marcia "Cia"
    Price, Robert C. "Bobby" Scott (one or two capitalised words, a name on each side)."""
    if toks[j].text not in _MARKS:
        return False
    n = len(toks)
    for a in range(max(1, j - 3), j + 1):
        for size in (1, 2):
            b = a + size + 1
            if not (a <= j <= b and b + 1 < n):
                continue
            if toks[a].text not in _MARKS or toks[b].text not in _MARKS:
                continue
            inner = toks[a + 1 : b]
            if not all(_is_word(t) and is_cap(t) for t in inner):
                continue
            if toks[a].end != inner[0].start or inner[-1].end != toks[b].start:
                continue
            left = toks[a - 1]
            name_before = is_cap(left) or (left.text == "." and a >= 2 and is_cap(toks[a - 2]))
            if name_before and is_cap(toks[b + 1]):
                return True
    return False


def _is_adverb(tok: Tok, lex: QuoteLexicon) -> bool:
    """An adverb between a subject and its cue: listed ("juga", "has also") or formed
    with an adverb suffix of the language ("forcefully")."""
    if is_cap(tok):
        return False
    low = tok.low
    return low in lex.verb_adverbs or (
        low.endswith(lex.adverb_suffixes)  # one C call rules out most words
        and any(low.endswith(s) and len(low) > len(s) + 3 for s in lex.adverb_suffixes)
    )


def _short_abbreviation(toks: list[Tok], k: int) -> bool:
    """``toks[k]`` is the period of a short capitalised abbreviation ("Md.", "Jr.",
    "B."): no sentence end."""
    if toks[k].text != "." or k == 0:
        return False
    before = toks[k - 1]
    return before.end == toks[k].start and is_cap(before) and len(before.text) <= 3


def _accepts(toks: list[Tok], k: int, lex: QuoteLexicon, frame: bool) -> bool:
    tok = toks[k]
    n = len(toks)
    if tok.text in _MARKS:
        return in_nickname(toks, k)
    if tok.low in lex.phrase_links and not is_cap(tok):
        # "pengamat dari Universitas X", "chairwoman of the Democratic ..."
        return (
            0 < k < n - 1
            and _is_word(toks[k - 1])
            and (
                is_cap(toks[k + 1])
                or toks[k + 1].low in lex.determiners
                or _stem(toks[k + 1].low) in lex.speaker_words  # "Federal and state officials"
            )
        )
    if tok.low in lex.speaker_stop and not is_cap(tok):
        return False
    if tok.text == "(":  # "(ALFI)" after an organisation, "(R-Wis.)" after a name
        close = next((j for j in range(k + 1, min(n, k + 6)) if toks[j].text == ")"), None)
        return close is not None and _bracketed_ok(toks, k + 1, close)
    if tok.text == ")":
        open_ = next((j for j in range(k - 1, max(-1, k - 6), -1) if toks[j].text == "("), None)
        return open_ is not None and _bracketed_ok(toks, open_ + 1, k)
    if tok.text in ".-" and _inside_brackets(toks, k):
        return True
    if tok.text == "." and k > 0 and toks[k - 1].end == tok.start:
        before = toks[k - 1]
        if before.low in lex.name_particles or before.low + "." in lex.name_particles:
            return True  # "Joseph R. Biden Jr." before its verb
        if "." in before.text and is_cap(before):
            return True  # "The S.E.C. said"
    if _is_word(tok):
        if is_cap(tok) or _stem(tok.low) in lex.speaker_words or tok.low in lex.determiners:
            return True  # "the state’s campaign chairman"
        if tok.low in lex.name_particles or tok.low in lex.titles:
            # "bin" in "Ali bin Alwi", a title in lower case: "Covid-19 Kendari dr Algazali"
            return k + 1 < len(toks) and is_cap(toks[k + 1])
        return frame
    if tok.text in "-–'’&":
        return 0 < k < len(toks) - 1 and _is_word(toks[k - 1]) and _is_word(toks[k + 1])
    return _abbreviation_period(toks, k)


def _stem(low: str) -> str:
    """A word without its possessive ending ("state’s" -> "state")."""
    return low[:-2] if low.endswith(("'s", "’s")) and len(low) > 3 else low


def _meaningful(toks: list[Tok], lex: QuoteLexicon) -> bool:
    """At least one word that is not a determiner: a name, a role, a pronoun."""
    return any(_is_word(t) and t.low not in lex.determiners for t in toks)


def phrase_after(
    toks: list[Tok], i: int, lex: QuoteLexicon, frame: bool = False, after_cue: bool = False
) -> tuple[int, int] | None:
    """Token range ``[i, j)`` of the speaker phrase starting at ``toks[i]``, if any.

    With ``frame``, any word is accepted up to the first stop word or punctuation
    (used where the frame itself bounds the phrase). With ``after_cue`` (right after an
    inverted cue: "kata Hari"), a capitalised word is a name even if the lower-case
    word is a function word ("hari").
    """
    if i >= len(toks):
        return None
    if toks[i].low in lex.pronouns:
        return (i, i + 1)
    if (
        is_cap(toks[i])
        and toks[i].low in lex.function_words
        and toks[i].low not in lex.determiners
        and not (after_cue and toks[i].low not in lex.sentence_openers)
    ):
        return None  # "If", "With", "Perhaps" opening a phrase are not names
    if toks[i].low in lex.calendar_words and not (i + 1 < len(toks) and is_cap(toks[i + 1])):
        return None  # "Friday", "Senin" alone; "Juni Rahmawati" is a name
    if toks[i].low in lex.determiners and not is_cap(toks[i]):
        # "said the ruling", "kata seorang warga": a determiner and its nouns
        j = i + 1
        while (
            j < len(toks)
            and j - i <= 5
            and _is_word(toks[j])
            and toks[j].low not in lex.function_words
        ):
            j += 1
        if j > i + 1:
            return (i, j)
    j = i
    while j < len(toks) and j - i < MAX_PHRASE and _accepts(toks, j, lex, frame):
        j += 1
    # a phrase does not end on a determiner, link word or hyphen
    while j > i and (
        toks[j - 1].low in lex.determiners
        or toks[j - 1].low in lex.phrase_links
        or (not _is_word(toks[j - 1]) and toks[j - 1].text != ")")
    ):
        j -= 1
    if j == i or not _meaningful(toks[i:j], lex):
        return None
    if j < len(toks) and toks[j].low in lex.demonstratives:
        j += 1  # "presiden Rusia itu"
    return (i, j)


def speaker_after_cue(toks: list[Tok], i: int, lex: QuoteLexicon) -> tuple[int, int] | None:
    """The speaker after an inverted cue, with appositions when the clause ends after
    them: "kata *Kepala Puskesmas Cilincing, Edison Sahputra*.", "kata *Kepala Dusun
    Nglahar, Kelurahan Sumbersari, Wahyu Wibowo* di Sleman", "said *John Smith, a
    spokesman for the campaign*." (not "kata Anto, Senin (13/4)": a date)."""
    first = phrase_after(toks, i, lex, after_cue=True)
    if first is None or toks[first[0]].low in lex.pronouns:
        return first
    whole = first
    for _ in range(MAX_APPOSITIONS):
        j = whole[1]
        if j + 1 >= len(toks) or toks[j].text != "," or toks[j + 1].low in lex.calendar_words:
            break
        second = phrase_after(toks, j + 1, lex)
        if second is None or toks[second[0]].low in lex.pronouns:
            break
        k = second[1]
        if k < len(toks) and _is_word(toks[k]) and toks[k].low not in lex.speaker_stop:
            return first  # "kata Anto, warga setempat menilai …": a new clause
        if (
            k + 1 < len(toks)
            and toks[k].text == ","
            and (toks[k + 1].low in lex.calendar_words or toks[k + 1].text[0].isdigit())
        ):
            return whole  # "ujar Prita, Jakarta, Senin (13/4)": a place and a date
        whole = (first[0], k)
    return whole


#: comma-separated parts of a speaker phrase after the first one
MAX_APPOSITIONS = 3


def _determiner_phrase(toks: list[Tok], s: int, e: int, lex: QuoteLexicon, floor: int) -> int:
    """Extend a subject back over common nouns to its determiner ("*The New York
    businessman* says", "*a doctor* said"), when the determiner opens the clause."""
    for d in range(s - 1, max(floor, s - 6) - 1, -1):
        t = toks[d]
        if t.low in lex.determiners:
            before = toks[d - 1] if d > floor else None
            if before is None or before.text in ",;:" or before.low in lex.sentence_openers:
                return d
            return s
        if not t.text[0].isalpha() or t.low in lex.function_words:
            return s
    return s


def phrase_before(
    toks: list[Tok], i: int, lex: QuoteLexicon, floor: int = 0, frame: bool = False
) -> tuple[int, int] | None:
    """Token range ``[s, e)`` of the subject that ends before the cue at ``toks[i]``.

    Adverbs between subject and cue are skipped ("Kremlin *juga* mengatakan"); the
    phrase does not reach below ``floor``. With ``frame``, any word down to ``floor``
    is accepted unless it is a stop word ("“…,” *a senior administration official*
    said").
    """
    e = i
    while e > floor and _is_adverb(toks[e - 1], lex):
        e -= 1
    if e == floor:
        return None
    if toks[e - 1].low in lex.pronouns:
        return (e - 1, e)
    s = e
    if toks[e - 1].low in lex.demonstratives and e - 1 > floor:
        s = e - 1  # "Perusahaan itu", "pejabat tersebut"
    while s > floor and e - s < MAX_PHRASE and _accepts(toks, s - 1, lex, frame):
        s -= 1
    if s > floor and toks[s - 1].text[0].isalpha() and not is_cap(toks[s - 1]):
        s = _determiner_phrase(toks, s, e, lex, floor)
    # drop words that open the sentence rather than the phrase ("Namun Rakhmat")
    while s < e and (
        toks[s].low in lex.sentence_openers
        or toks[s].low in lex.phrase_links
        or not _is_word(toks[s])
    ):
        s += 1
    if s == e or not _meaningful(toks[s:e], lex) or toks[s].low in lex.demonstratives:
        return None
    if all(t.low in lex.calendar_words for t in toks[s:e] if _is_word(t)):
        return None  # "early Friday saying": a date, not a speaker
    if toks[s].low in lex.pronouns and e - s > 1:
        return None  # "he also" handled above; "it said the" is not a phrase
    return (s, e)


def subject_before(
    toks: list[Tok], i: int, lex: QuoteLexicon, floor: int = 0
) -> tuple[int, int] | None:
    """The subject of the cue at ``toks[i]``, also when commas separate them.

    Besides the plain "*X* mengatakan", two newspaper patterns:

    - an apposition: "*Pengajar Sekolah Tinggi X, Sutaryono*, mengungkapkan",
      "*Donna Brazile, the interim chairwoman*, said";
    - an adverbial between subject and cue: "*Kepala Dinas Kesehatan Febria
      Rachmanita* di Surabaya, Rabu (16/9/2020), mengatakan".

    The phrase must open its clause (only openers, or a fronted adverbial closed by a
    comma, before it).
    """
    plain = phrase_before(toks, i, lex, floor)
    if plain is not None:
        return plain
    e = i
    while e > floor and _is_adverb(toks[e - 1], lex):
        e -= 1
    d = _aside_start(toks, e, floor)
    if d is not None:
        # an aside between dashes before the cue: "*John Dickey, the chief executive of
        # Ora Media* -- the company that owns … -- told me", "*Obama* -- in Ohio -- said":
        # the subject as if the aside were a comma, else as if it were not there
        comma = Tok(",", toks[d].start, toks[d].start + 1, ",")
        for rest in ([comma], []):
            phrase = subject_before(toks[:d] + rest + toks[e:], d + len(rest), lex, floor)
            if phrase is not None and phrase[1] <= d:
                return phrase
        return None
    if e - 2 > floor and toks[e - 1].low in lex.relative_pronouns and toks[e - 2].text == ",":
        # "…, Stevie Wonder, who joked …": the name before the relative pronoun, the
        # last of a list ("Patti LaBelle and Stevie Wonder, who joked")
        phrase = phrase_before(toks, e - 2, lex, floor)
        if phrase is not None:
            for j in range(phrase[1] - 2, phrase[0], -1):
                if toks[j].low in lex.conjunctions and is_cap(toks[j + 1]):
                    return (j + 1, phrase[1])
        return phrase
    if e - 1 <= floor or toks[e - 1].text != ",":
        return None
    k = skip_dateline(toks, floor, e)
    while k < e and (toks[k].low in lex.sentence_openers or not _is_word(toks[k])):
        k += 1
    # apposition: "Douglas Brinkley, a historian who attended the session," opening the
    # clause (at the sentence start or after a fronted adverbial and its comma)
    starts = [k] + [c + 1 for c in range(k, e - 1) if toks[c].text == ","]
    for start in starts:
        first = phrase_after(toks[:e], start, lex)
        if first is None or first[1] >= e - 1 or toks[first[1]].text != ",":
            if not _role_then_name(toks, start, e, lex):
                continue
        apposition = frame_phrase(toks, start, e, lex)
        if apposition is not None:
            return apposition
    # a clause-initial phrase, then an adverbial set off by commas
    if k < e and toks[k].low in lex.pronouns:
        phrase: tuple[int, int] | None = (k, k + 1)
    else:
        phrase = phrase_after(toks[:e], k, lex)
    if phrase is None or not clause_start(toks, floor, phrase[0], lex):
        return None
    gap = toks[phrase[1] : e - 1]
    if not gap or len(gap) > 16:
        return None
    if not (gap[0].text == "," or gap[0].low in lex.speaker_stop):
        return None
    if any(
        _is_word(t) and not is_cap(t) and t.low not in lex.speaker_stop and not t.text[0].isdigit()
        for t in gap
    ):
        return None
    return phrase


_DASHES = frozenset("-—–")


def _aside_start(toks: list[Tok], e: int, floor: int) -> int | None:
    """Index of the dash that opens an aside closed by the dash(es) right before
    ``toks[e]``, within the clause (no sentence end or quotation mark inside)."""
    c = e
    while c > floor and toks[c - 1].text in _DASHES:
        c -= 1
    if c == e:
        return None
    for j in range(c - 1, floor, -1):
        t = toks[j]
        if t.text in '.!?;:“”"«»' and not _short_abbreviation(toks, j):
            return None
        if t.text in _DASHES:
            d = j
            while d - 1 > floor and toks[d - 1].text in _DASHES:
                d -= 1
            return d if c - j >= 3 else None
    return None


def _role_then_name(toks: list[Tok], start: int, e: int, lex: QuoteLexicon) -> bool:
    """ "*A lawyer for the news outlets, David Schulz,* said": a noun phrase opened by a
    determiner, a comma, then a name and a comma right before the cue."""
    if start >= e or toks[start].low not in lex.determiners:
        return False
    comma = next((j for j in range(start + 1, min(e, start + 10)) if toks[j].text == ","), None)
    if comma is None or comma + 1 >= e - 1 or not is_cap(toks[comma + 1]):
        return False
    name = phrase_after(toks[: e - 1], comma + 1, lex)
    return name is not None and name[1] == e - 1 and toks[e - 1].text == ","


def skip_dateline(toks: list[Tok], k: int, end: int) -> int:
    """Index after a dateline opening the sentence ("WASHINGTON --", "JAKARTA, KOMPAS —",
    "CHARLOTTE -"): upper-case words, maybe an agency, then a dash."""
    j = k
    while j < end and (toks[j].text.isupper() or toks[j].text in ",()"):
        j += 1
    if j == k or j >= end or toks[j].text not in "-—–":
        return k
    while j < end and toks[j].text in "-—–":
        j += 1
    return j


def clause_start(toks: list[Tok], lo: int, s: int, lex: QuoteLexicon) -> bool:
    """Only sentence openers, or a fronted adverbial closed by a comma, before ``toks[s]``."""
    if all(t.low in lex.sentence_openers or not _is_word(t) for t in toks[lo:s]):
        return True
    return after_comma(toks, lo, s)


def after_comma(toks: list[Tok], lo: int, s: int) -> bool:
    """A comma right before ``toks[s]``, maybe inside closing quotation marks
    ("On “Fox News Sunday,” Mike Pence said"), or a semicolon or colon that ends a
    clause ("… fireworks on Friday: Republicans said …")."""
    j = s - 1
    while j > lo and toks[j].text in _CLOSING_MARKS:
        j -= 1
    return j >= lo and toks[j].text in ",;:"


_CLOSING_MARKS = frozenset("”’\"'»")


def frame_phrase(toks: list[Tok], k: int, i: int, lex: QuoteLexicon) -> tuple[int, int] | None:
    """The speaker phrase filling ``toks[k:i]`` between a quote and its cue: "“…,”
    *a senior administration official* said", with appositions: "“…,” *Scott
    Pruitt, the Republican attorney general of Oklahoma,* said", "*Mr. King, 82,*"."""
    e = i
    while e > k and toks[e - 1].text == ",":
        e -= 1
    if e <= k or e - k > 30:
        return None
    # an apposition after the first comma may be any words ("Douglas Brinkley, a
    # historian who attended the session, said"); the first part must be a phrase
    first_end = next((j for j in range(k, e) if toks[j].text == ","), e)
    if any(
        (t.text in _MARKS and not in_nickname(toks, j))
        or (t.text in ".!?" and not _short_abbreviation(toks, j))
        for j, t in ((j, toks[j]) for j in range(first_end, e))
    ):
        return None
    depth = 0
    determined = toks[k].low in lex.determiners and not is_cap(toks[k])
    for j in range(k, first_end):
        t = toks[j]
        if t.text == "(":  # "Rep. Gwen Moore (D-Wis.)"
            depth += 1
            continue
        if t.text == ")" and depth:
            depth -= 1
            continue
        if depth:
            continue
        if t.low in lex.clause_breaks or t.low in lex.complementizers:
            return None
        if determined and j > k + 1 and _is_word(t):
            continue  # "a narrator in the Clinton ad": a modifier of a determined noun
        if t.low in lex.sentence_openers and not (
            t.low in lex.phrase_links or t.low in lex.speaker_words or t.low in lex.determiners
        ):
            return None
        if t.text == "," or t.text[0].isdigit() or _accepts(toks, j, lex, frame=True):
            continue
        return None
    if toks[k].low in lex.pronouns and e - k > 1:
        return None
    if not _meaningful(toks[k:e], lex):
        return None
    return (k, e)
