"""The ``[dates]`` section of a language pack, compiled into regular expressions.

Everything language-specific about dates is data in ``lang/<code>.toml``: the words
(months, weekdays, units, shifts such as "lalu" / "depan", tense markers, ...) and the
expression patterns, regular expressions with ``{slot}`` placeholders that are filled
with alternations of those words. This module turns one pack into:

- ``regex``: all patterns as one alternation (tried in pack order at a position), each
  wrapped in a group ``p<i>`` whose named sub-groups (``p<i>_day``, ``p<i>_month``...)
  the resolver reads; an optional preposition (``pada``, ``since``) comes first;
- ``trigger``: a fast regex of the words a pattern can begin with (a trie, so that the
  engine rejects most positions on their first letter); the big regex is only tried
  where it fires, which keeps a scan well under a millisecond per article;
- ``tense``: the past and future markers, also as tries.

Compiled once per process and language (:func:`grammar` is cached).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..lang import get_pack

_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_GROUP = re.compile(r"\(\?P<(\w+)>")
_FIRST_WORD = re.compile(r"\w+")
_NAME_SLOTS = frozenset({"weekday", "weekday_name", "month", "month_name", "bare_month"})


@dataclass(frozen=True)
class PatternInfo:
    kind: str
    groups: tuple[str, ...]  # the pattern's own group names (without the p<i>_ prefix)


@dataclass
class DateGrammar:
    """The compiled ``[dates]`` section of one language pack."""

    code: str
    regex: re.Pattern[str]
    trigger: re.Pattern[str]
    starters: dict[str, frozenset[int]]  # first word (or "#digit") -> patterns it may begin
    pre_words: frozenset[str]  # first words of the prepositions
    pre_next: re.Pattern[str]  # a preposition and the word after it (group "next")
    patterns: list[PatternInfo]
    tense: re.Pattern[str]
    reporting: re.Pattern[str]  # speech verbs ("kata", "said")
    range_gap: re.Pattern[str]
    range_opener: re.Pattern[str]
    gap_needs_opener: frozenset[str]
    months: dict[str, int]
    weekdays: dict[str, int]
    units: dict[str, str]
    one_unit: dict[str, str]
    numbers: dict[str, int]
    shifts: dict[str, int]
    directions: dict[str, int]
    deictic: dict[str, int]
    anchored: dict[str, int]
    anchored_dir: dict[str, int]
    parts: dict[str, str]
    prepositions: dict[str, str]
    last_weekday_previous_week: bool
    _prefix: str = ""
    _alternatives: list[str] = field(default_factory=list)
    _compiled: dict[frozenset[int], re.Pattern[str]] = field(default_factory=dict)

    def regex_for(self, indices: frozenset[int]) -> re.Pattern[str]:
        """The patterns ``indices`` (in pack order) as one regex, compiled once."""
        compiled = self._compiled.get(indices)
        if compiled is None:
            chosen = "|".join(self._alternatives[i] for i in sorted(indices))
            compiled = re.compile(self._prefix + chosen + r")(?!\w)", re.IGNORECASE)
            self._compiled[indices] = compiled
        return compiled


def norm(word: str) -> str:
    """Lower case, one space, straight apostrophe: the key form of pack words."""
    return " ".join(word.lower().replace("’", "'").split())


def alternation(words, capitalised: frozenset[str] = frozenset()) -> str:
    """A regex matching any of ``words`` (as a trie, longest first); spaces match any
    whitespace; words in ``capitalised`` only match written with a capital."""
    words = {norm(w) for w in words}
    names = sorted(words & capitalised, key=len, reverse=True)
    branches = [f"(?-i:{re.escape(w[:1].upper() + w[1:])}|{re.escape(w.upper())})" for w in names]
    rest = words - capitalised
    if rest:
        branches.append(trie_regex(rest))
    return "(?:" + "|".join(branches) + ")" if branches else "(?!)"


def trie_regex(words) -> str:
    """An alternation of ``words`` as a character trie: "sen(?:in|in)..." so that the
    regex engine discards a position on its first letter."""
    trie: dict[str, Any] = {}
    for word in {norm(w) for w in words if w}:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = []
        for char in sorted(c for c in node if c):
            head = r"\s+" if char == " " else ("['’]" if char == "'" else re.escape(char))
            branches.append(head + build(node[char]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            body = f"(?:{body})?"
        return body

    body = build(trie)
    return f"(?:{body})" if body else "(?!)"


def _first_word(phrase: str) -> str:
    match = _FIRST_WORD.match(norm(phrase))
    return match.group(0) if match else norm(phrase)


def _table(section: dict[str, Any], key: str) -> dict[str, Any]:
    return {norm(k): v for k, v in section.get(key, {}).items()}


# --------------------------------------------------------------------------- first words


def first_tokens(template: str) -> set[str]:
    """What a pattern template can begin with: ``{slot}`` names, literal words, or
    ``#digit`` / ``#other`` (a digit or another character)."""
    tokens, _, _ = _parse_alternatives(template, 0)
    return tokens


def _parse_alternatives(src: str, pos: int) -> tuple[set[str], bool, int]:
    tokens: set[str] = set()
    nullable = False
    while True:
        first, seq_nullable, pos = _parse_sequence(src, pos)
        tokens |= first
        nullable |= seq_nullable
        if pos < len(src) and src[pos] == "|":
            pos += 1
            continue
        return tokens, nullable, pos


def _parse_sequence(src: str, pos: int) -> tuple[set[str], bool, int]:
    tokens: set[str] = set()
    open_ = True  # all items so far could be empty
    while pos < len(src) and src[pos] not in "|)":
        item, item_nullable, pos = _parse_item(src, pos)
        pos, optional = _quantifier(src, pos)
        if open_:
            tokens |= item
            if not (item_nullable or optional):
                open_ = False
    return tokens, open_, pos


def _parse_item(src: str, pos: int) -> tuple[set[str], bool, int]:
    char = src[pos]
    if char == "(":
        if src.startswith(("(?=", "(?!", "(?<=", "(?<!"), pos):  # zero width
            inner = pos + (4 if src.startswith("(?<", pos) else 3)
            _, _, end = _parse_alternatives(src, inner)
            return set(), True, end + 1
        inner = pos + 1
        if src.startswith("(?P<", pos):
            inner = src.index(">", pos) + 1
        elif src.startswith("(?:", pos):
            inner = pos + 3
        tokens, nullable, end = _parse_alternatives(src, inner)
        return tokens, nullable, end + 1
    if char == "{":
        end = src.index("}", pos)
        return {"{" + src[pos + 1 : end] + "}"}, False, end + 1
    if char == "\\":
        code = src[pos + 1]
        token = "#digit" if code == "d" else ("#space" if code == "s" else "#other")
        return {token}, False, pos + 2
    if char == "[":
        end = src.index("]", pos + 2)
        return {"#other"}, False, end + 1
    if char.isdigit():
        return {"#digit"}, False, pos + 1
    if char.isalpha():
        end = pos
        while end < len(src) and src[end].isalpha():
            end += 1
        return {src[pos:end].lower()}, False, end
    return {"#other"}, False, pos + 1


def _quantifier(src: str, pos: int) -> tuple[int, bool]:
    if pos < len(src) and src[pos] in "?*":
        return pos + 1 + (pos + 1 < len(src) and src[pos + 1] == "?"), True
    if pos < len(src) and src[pos] == "+":
        return pos + 1, False
    if pos < len(src) and src[pos] == "{" and (m := re.match(r"\{(\d*),?\d*\}", src[pos:])):
        return pos + m.end(), m.group(1) in ("", "0")
    return pos, False


# --------------------------------------------------------------------------- compile


@cache
def grammar(code: str) -> DateGrammar | None:
    """The compiled date grammar of language ``code``; None without a ``[dates]`` section
    that has patterns."""
    pack = get_pack(code)
    section = pack.get("dates", {}) if pack is not None else {}
    if not section.get("patterns"):
        return None
    capitalised = frozenset(norm(w) for w in section.get("capitalised_only", []))
    months = _table(section, "months")
    abbreviations = {norm(w) for w in section.get("month_abbreviations", [])}
    units = _table(section, "units")
    numbers = _table(section, "numbers")

    def unit_words(meaning: str) -> list[str]:
        return [w for w, u in units.items() if u == meaning]

    # slot -> (regex, the words it stands for; "#digit" for numbers)
    vocab: dict[str, list[str]] = {
        "weekday": list(_table(section, "weekdays")),
        "weekday_name": [
            w
            for w in _table(section, "weekdays")
            if w not in {norm(a) for a in section.get("weekday_abbreviations", [])}
        ],
        "month": list(months),
        "month_name": [m for m in months if m not in abbreviations],
        "bare_month": [
            m
            for m in months
            if m not in abbreviations
            and m not in {norm(w) for w in section.get("months_needing_preposition", [])}
        ],
        "month_num": ["#digit"],
        "day": ["#digit"],
        "year": ["#digit"],
        "count": ["#digit", *numbers],
        "unit": list(units),
        "one_unit": list(_table(section, "one_unit")),
        "week": unit_words("week"),
        "month_unit": unit_words("month"),
        "year_unit": unit_words("year"),
        "day_unit": unit_words("day"),
        "shift": list(_table(section, "shifts")),
        "direction": list(_table(section, "directions")),
        "back": list(section.get("period_back", [])),
        "forward": list(section.get("period_forward", [])),
        "after": list(section.get("trailing_words", [])),
        "part": list(_table(section, "parts")),
        "weekend": list(section.get("weekend", [])),
        "tod": list(section.get("times_of_day", [])),
        "deictic": list(_table(section, "deictic_days")),
        "anchored": list(_table(section, "anchored_days")),
        "anchored_dir": list(_table(section, "anchored_directions")),
        "pre": list(_table(section, "prepositions")),
    }
    # only names are capitalised: "Minggu" is Sunday, "minggu depan" is next week
    slots = {
        name: alternation(words, capitalised if name in _NAME_SLOTS else frozenset())
        for name, words in vocab.items()
    }
    slots.update(
        {
            "month_num": r"(?:1[0-2]|0?[1-9])(?!\d)",
            "day": r"(?:3[01]|[12]\d|0?[1-9])(?!\d)",
            "year": r"(?:19|20)\d\d(?!\d)",
            "count": r"(?:(?<![\d.,])\d{1,3}(?!\d)|" + alternation(numbers)[3:],
        }
    )

    def fill(match: re.Match[str]) -> str:
        return slots.get(match.group(1), match.group(0))

    alternatives, patterns = [], []
    # first word of an expression -> indices of the patterns that can begin with it
    starters: dict[str, set[int]] = {}
    for i, spec in enumerate(section["patterns"]):
        template = spec["re"]
        for token in first_tokens(template):
            if token in ("#other", "#space"):
                raise ValueError(
                    f"language pack {code!r}: [dates] pattern {template!r} may begin with a "
                    "character that is not a word or a digit; begin with a word, a digit or "
                    "a {slot}"
                )
            slot = token[1:-1] if token.startswith("{") else None
            for word in vocab.get(slot, [token]) if slot else [token]:
                first = "#digit" if word == "#digit" else _first_word(word)
                starters.setdefault(first, set()).add(i)
        body = _PLACEHOLDER.sub(fill, template)
        if spec.get("needs_preposition"):  # "pada September", "in 2016": not "September"
            body = f"(?(pre){body}|(?!))"
        groups = tuple(dict.fromkeys(_GROUP.findall(body)))
        body = _GROUP.sub(lambda m, i=i: f"(?P<p{i}_{m.group(1)}>", body)
        alternatives.append(f"(?P<p{i}>{body})")
        patterns.append(PatternInfo(kind=spec.get("kind", "date"), groups=groups))

    prefix = r"(?<!\w)(?:(?P<pre>" + slots["pre"] + r")\s+)?(?:"
    regex = re.compile(prefix + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)
    pre_words = frozenset(_first_word(w) for w in vocab["pre"])
    words = [w for w in {*starters, *pre_words} if w != "#digit"]
    trigger = re.compile(r"(?<!\w)(?:\d|" + trie_regex(words) + r"(?!\w))", re.IGNORECASE)
    # "pada", "sejak" ...: the word after the preposition decides which patterns to try
    pre_next = re.compile(r"(?:" + slots["pre"] + r")\s+(?P<next>\w+)", re.IGNORECASE)

    markers = []
    for name in ("future", "past"):
        body = "|".join(
            [trie_regex(section.get(f"{name}_markers", [])), *section.get(f"{name}_patterns", [])]
        )
        markers.append(f"(?P<{name}>{body})")
    tense = re.compile(r"(?<!\w)(?:" + "|".join(markers) + r")(?!\w)", re.IGNORECASE)

    connectors = [norm(w) for w in section.get("range_connectors", [])]
    range_gap = re.compile(r"\s*(?P<gap>" + alternation(connectors)[3:] + r"\s*", re.IGNORECASE)
    range_opener = re.compile(
        alternation(section.get("range_openers", [])) + r"\s+$", re.IGNORECASE
    )
    return DateGrammar(
        code=code,
        regex=regex,
        trigger=trigger,
        starters={w: frozenset(i) for w, i in starters.items()},
        pre_words=pre_words,
        pre_next=pre_next,
        _prefix=prefix,
        _alternatives=alternatives,
        patterns=patterns,
        tense=tense,
        reporting=re.compile(
            r"(?<!\w)" + trie_regex(section.get("reporting_cues", [])) + r"(?!\w)", re.IGNORECASE
        ),
        range_gap=range_gap,
        range_opener=range_opener,
        gap_needs_opener=frozenset(
            norm(w) for w in section.get("range_connectors_need_opener", [])
        ),
        months=months,
        weekdays={k: int(v) for k, v in _table(section, "weekdays").items()},
        units=units,
        one_unit=_table(section, "one_unit"),
        numbers=numbers,
        shifts=_table(section, "shifts"),
        directions=_table(section, "directions"),
        deictic=_table(section, "deictic_days"),
        anchored=_table(section, "anchored_days"),
        anchored_dir=_table(section, "anchored_directions"),
        parts=_table(section, "parts"),
        prepositions=_table(section, "prepositions"),
        last_weekday_previous_week=section.get("last_weekday") == "previous_week",
    )
