"""Who speaks a quotation: the speaker that first-person pronouns inside it stand for.

News quotes name their speaker with a speech cue right after the closing mark
(`"...," kata Wawan`, `"...," ujarnya`, `"...," she said`, `"...," Lynch said`) or
before the opening one (`Wawan mengatakan, "..."`, `Lynch said: "..."`). "Saya",
"kami", "I", "we" inside the quotation are that speaker. The cue words are the
``name_cues_before`` / ``name_cues_after`` lists of the ``[actors]`` section.
"""

from __future__ import annotations

import re
from functools import cache

from ..document import Document, Mention
from ..lang import get_pack

_OPENING = "“«"
_CLOSING = "”»"
#: how far after the closing mark the cue and the speaker may be
_AFTER_REACH = 80


@cache
def _cues(language: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """(cue before a name, anchored after a quote; cue after a name, at its end)."""
    pack = get_pack(language)
    section = pack.get("actors", {}) if pack else {}
    before = [w for w in section.get("name_cues_before", []) if w]
    after = [w for w in section.get("name_cues_after", []) if w]

    def alternation(words: list[str]) -> str:
        ordered = sorted({w.lower() for w in words}, key=len, reverse=True)
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)

    cue_before = (
        re.compile(rf"[\s,]*(?i:(?P<cue>{alternation(before)})(?P<nya>nya)?)(?![\w-])")
        if before
        else None
    )
    cue_after = re.compile(rf"(?i:{alternation(after)})(?![\w-])") if after else None
    return cue_before, cue_after


@cache
def _pronouns(language: str) -> dict[str, str | None]:
    """Third-person pronouns that may name a speaker, with their gender (or None)."""
    pack = get_pack(language)
    section = pack.get("actors", {}) if pack else {}
    male = {w.lower() for w in section.get("pronouns_male", [])}
    female = {w.lower() for w in section.get("pronouns_female", [])}
    out: dict[str, str | None] = {}
    for w in section.get("pronouns_person", []):
        w = w.lower().lstrip("-")
        out[w] = "m" if w in male else "f" if w in female else None
    return out


def quotation_around(doc: Document, pos: int) -> tuple[int, int | None] | None:
    """``(open, close)`` of the quotation holding ``pos`` in its paragraph; ``open`` is the
    paragraph start for a quote that began in an earlier paragraph, ``close`` is None for
    one that goes on into the next paragraph. None outside quotations."""
    if not doc.paragraphs:
        return None
    p_start, p_end = doc.paragraphs[doc.paragraph_index(pos)]
    text = doc.text
    spans: list[tuple[int, int | None]] = []
    open_at: int | None = None
    straight_open = False
    first_close_seen = False
    for i in range(p_start, p_end):
        c = text[i]
        if c in _OPENING:
            open_at = i
        elif c in _CLOSING:
            if open_at is None and not first_close_seen and not spans:
                spans.append((p_start, i))  # a quote that opened in an earlier paragraph
            elif open_at is not None:
                spans.append((open_at, i))
            open_at = None
            first_close_seen = True
        elif c == '"':
            if straight_open or open_at is not None:  # closes a straight or a curly opening
                spans.append((open_at if open_at is not None else p_start, i))
                open_at, straight_open = None, False
            else:
                open_at, straight_open = i, True
    if open_at is not None:
        spans.append((open_at, None))
    for lo, hi in spans:
        if lo < pos and (hi is None or pos < hi):
            return lo, hi
    return None


def quote_speaker(doc: Document, pos: int, before) -> Mention | None:
    """The speaker of the quotation holding ``pos`` (an actor mention), or None.

    ``before(pos, gender)`` is the salient person before a position: a pronoun speaker
    ("ujarnya", "she said") is the one before the opening of the quotation, not someone
    named inside it.
    """
    quote = quotation_around(doc, pos)
    if quote is None:
        return None
    cue_before, cue_after = _cues(doc.language)
    lo, hi = quote
    text = doc.text

    def resolve(start: int, end: int) -> list[Mention]:
        word = text[start:end].lower()
        if word not in _pronouns(doc.language):
            return []
        found = before(lo, _pronouns(doc.language)[word])
        return [found] if found is not None else []

    if hi is not None and cue_before is not None:
        m = cue_before.match(text, hi + 1)
        if m is not None:
            return _speaker_after_cue(doc, m, resolve)
        found = _named_before_cue(doc, hi + 1, cue_after, resolve)
        if found is not None:
            return found
    if cue_after is not None:
        return _speaker_before_quote(doc, lo, cue_after)
    return None


def _speaker_after_cue(doc: Document, cue: re.Match[str], resolve) -> Mention | None:
    """`"...," kata Wawan` / `"...," ujarnya` / `"...," said Mr. Lou`."""
    if cue.group("nya"):
        found = resolve(cue.start("nya"), cue.end("nya"))
        return found[0] if len(found) == 1 else None
    end = cue.end()
    limit = min(len(doc.text), end + _AFTER_REACH)
    for m in doc.mentions:
        if m.start < end:
            continue
        if m.start >= limit:
            break
        if _is_person(doc, m.actor_id):
            between = doc.text[end : m.start]
            if any(c in between for c in '.;"“”'):
                return None
            return m
    # "kata dia", "said he"
    word = re.match(r"\s+(\w+)", doc.text[end:limit])
    if word:
        found = resolve(end + word.start(1), end + word.end(1))
        return found[0] if len(found) == 1 else None
    return None


_WORDS_AFTER = re.compile(r"[\s,]*((?:[\w.'’-]+\s+){1,5})")


def _named_before_cue(doc: Document, pos: int, cue_after, resolve) -> Mention | None:
    """`"...," Lynch said` / `"...," she said`: a name or pronoun, then the cue."""
    if cue_after is None:
        return None
    text = doc.text
    run = _WORDS_AFTER.match(text, pos)
    if run is None:
        return None
    for word in re.finditer(r"\S+", text[run.start(1) : run.end(1)]):
        at = run.start(1) + word.start()
        if cue_after.match(text, at):
            if at == run.start(1):
                return None
            lo, hi = run.start(1), at
            break
    else:
        return None
    for mention in doc.mentions:
        if lo <= mention.start and mention.end <= hi and _is_person(doc, mention.actor_id):
            return mention
    words = text[lo:hi].split()
    if len(words) != 1:
        return None
    found = resolve(lo, lo + len(words[0]))
    return found[0] if len(found) == 1 else None


def _speaker_before_quote(doc: Document, lo: int, cue_after) -> Mention | None:
    """`Wawan mengatakan, "..."` / `Lynch said: "..."`: the person named before a speech
    verb that ends right before the opening mark."""
    text = doc.text
    s_lo = doc.sentences[doc.sentence_index(lo)][0] if doc.sentences else 0
    head = text[s_lo:lo]
    cue = None
    for found in cue_after.finditer(head):
        cue = found
    if cue is None or head[cue.end() :].strip(" ,:") != "":
        return None
    people = [
        m
        for m in doc.mentions
        if s_lo <= m.start and m.end <= s_lo + cue.start() and _is_person(doc, m.actor_id)
    ]
    return people[0] if people else None


def _is_person(doc: Document, actor_id: str) -> bool:
    actor = doc.actors.get(actor_id)
    return actor is not None and actor.type == "person"
