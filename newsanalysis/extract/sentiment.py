"""Quote sentiment: a score in -1..1, a label and the words and rules behind them.

Method (details and figures in ``docs/sentiment.md``):

1. **Rules from the language pack** (``[sentiment]`` in ``lang/<code>.toml``) rewrite the
   tokens of a statement: spelling variants are normalised, a negator marks the next few
   words as negated (``tidak enak`` -> ``not:enak``), a contrast word weighs the clause
   after it more than the one before (``enak, tapi mahal``), intensifiers boost the word
   they modify, and news words that carry no tone (``presiden``, ``government``) are
   dropped.
2. **A linear model** (multinomial logistic regression over those words and word pairs,
   trained by ``scripts/train_sentiment.py`` on SmSA + NusaX for Indonesian and NusaX
   English) gives P(negative), P(neutral), P(positive). English adds two features from
   VADER's valence lexicon (scored with the same rules) and the Indonesian model's
   logits on a word-by-word rendering of the statement through a bilingual word table
   learned from the NusaX parallel training pairs, so the two languages share one scale.
3. ``score = P(positive) - P(negative)`` after temperature calibration; the label is the
   most probable class.

Weights are plain numpy arrays and TSV tables in ``newsanalysis/resources/sentiment/``
(no pickle, no scikit-learn at run time).
"""

from __future__ import annotations

import json
import math
import operator
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

import numpy as np
import pandas as pd

from ..lang import get_pack

__all__ = ["score_texts", "sentiment", "sentiment_scores", "featurize", "LABELS"]

RESOURCES = Path(__file__).resolve().parent.parent / "resources" / "sentiment"
#: class order of every probability array
LABELS = ("negative", "neutral", "positive")
NEGATED = "not:"
_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*|[.,;:!?]")
_BOUNDARY = frozenset(".,;:!?")
_SENTENCE_END = frozenset(".!?")


# --------------------------------------------------------------------------- rules


@dataclass(frozen=True)
class Rules:
    """The ``[sentiment]`` section of a language pack, ready for fast lookups."""

    language: str
    normalise: dict[str, str]
    negators: frozenset[str]
    negator_suffixes: tuple[str, ...]
    negation_scope: int
    contrast: frozenset[str]
    contrast_before: float
    contrast_after: float
    intensifiers_before: frozenset[str]
    intensifiers_after: frozenset[str]
    intensifier_boost: float
    neutral_words: frozenset[str]
    stopwords: frozenset[str] = frozenset()
    clitics: tuple[str, ...] = ()
    emphasis: frozenset[str] = frozenset("!")
    reduplication: bool = False
    rule_words: frozenset[str] = frozenset()  # words that are rules, not features

    def is_negator(self, token: str) -> bool:
        return token in self.negators or (
            bool(self.negator_suffixes) and token.endswith(self.negator_suffixes)
        )


@cache
def rules_for(language: str) -> Rules | None:
    """The sentiment rules of ``language`` (None when its pack has no ``[sentiment]``)."""
    pack = get_pack(language)
    if pack is None or "sentiment" not in pack:
        return None
    section = pack["sentiment"]

    def words(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in section.get(key, []))

    negators, contrast, neutral = words("negators"), words("contrast"), words("neutral_words")
    intensifiers = words("intensifiers_before") | words("intensifiers_after")
    stopwords = words("stopwords")
    return Rules(
        language=language,
        normalise={k.lower(): v.lower() for k, v in section.get("normalise", {}).items()},
        negators=negators,
        negator_suffixes=tuple(section.get("negator_suffixes", [])),
        negation_scope=int(section.get("negation_scope", 3)),
        contrast=contrast,
        contrast_before=float(section.get("contrast_before", 0.5)),
        contrast_after=float(section.get("contrast_after", 1.5)),
        intensifiers_before=words("intensifiers_before"),
        intensifiers_after=words("intensifiers_after"),
        intensifier_boost=float(section.get("intensifier_boost", 1.5)),
        neutral_words=neutral,
        stopwords=stopwords,
        clitics=tuple(section.get("clitics", [])),
        emphasis=frozenset(section.get("emphasis", ["!"])),
        reduplication=bool(section.get("reduplication", False)),
        rule_words=negators | contrast | neutral | intensifiers | stopwords,
    )


class Token:
    """A word of the statement after the rules: its weight and whether it is negated."""

    __slots__ = ("word", "weight", "negated", "boundary")

    def __init__(self, word: str, boundary: bool = False) -> None:
        self.word = word
        self.weight = 1.0
        self.negated = False
        self.boundary = boundary  # punctuation: ends negation scope and word pairs

    def __repr__(self) -> str:
        flags = " negated" if self.negated else ""
        return f"Token({self.word!r}, weight={self.weight:g}{flags})"


def tokenize(text: str, rules: Rules) -> list[Token]:
    """Lower-cased, normalised tokens of ``text`` with negation, contrast and intensifier
    weights applied (the rule notes are produced by :func:`explain_rules`)."""
    raw = _TOKEN.findall(text.lower())
    words = list(map(rules.normalise.get, raw, raw))  # normalise.get(w, w), at C speed
    tokens = list(map(Token, words, map(_BOUNDARY.__contains__, words)))
    present = set(words)
    # each rule runs only when one of its words occurs (most statements need none)
    if not rules.contrast.isdisjoint(present):
        _apply_contrast(tokens, rules)
    if not rules.negators.isdisjoint(present) or (
        rules.negator_suffixes and any(w.endswith(rules.negator_suffixes) for w in present)
    ):
        _apply_negation(tokens, rules)
    if not (
        rules.intensifiers_before.isdisjoint(present)
        and rules.intensifiers_after.isdisjoint(present)
    ):
        _apply_intensifiers(tokens, rules)
    return tokens


def _apply_contrast(tokens: list[Token], rules: Rules) -> None:
    # per sentence: the last contrast word splits it into a weaker and a stronger part
    start = 0
    for i in range(len(tokens) + 1):
        if i < len(tokens) and tokens[i].word not in _SENTENCE_END:
            continue
        pivot = -1
        for j in range(start, i):
            if tokens[j].word in rules.contrast:
                pivot = j
        if pivot >= 0:
            for j in range(start, pivot):
                tokens[j].weight *= rules.contrast_before
            for j in range(pivot + 1, i):
                tokens[j].weight *= rules.contrast_after
        start = i + 1


def _apply_negation(tokens: list[Token], rules: Rules) -> None:
    left = 0
    for token in tokens:
        if token.boundary or token.word in rules.contrast:
            left = 0
        elif rules.is_negator(token.word):
            left = rules.negation_scope
        elif left:
            token.negated = True
            left -= 1


def _apply_intensifiers(tokens: list[Token], rules: Rules) -> None:
    boost = rules.intensifier_boost
    for i, token in enumerate(tokens):
        if token.word in rules.intensifiers_before and i + 1 < len(tokens):
            if not tokens[i + 1].boundary:
                tokens[i + 1].weight *= boost
        elif token.word in rules.intensifiers_after and i > 0 and not tokens[i - 1].boundary:
            tokens[i - 1].weight *= boost


def _is_rule_word(word: str, rules: Rules) -> bool:
    return word in rules.rule_words or (
        bool(rules.negator_suffixes) and word.endswith(rules.negator_suffixes)
    )


def featurize(text: str, rules: Rules) -> dict[str, float]:
    """Sparse features of one statement: rule-weighted content words (``not:`` prefix when
    negated), pairs of neighbouring content words within a clause (function words in
    between are skipped), and the pack's emphasis marks (``!``); L2-normalised. Negators, contrast
    words, intensifiers, stopwords and neutral news words are rules, never features."""
    return _features(tokenize(text, rules), rules)


def _features(tokens: list[Token], rules: Rules) -> dict[str, float]:
    feats: dict[str, float] = {}
    previous: tuple[str, float] | None = None
    neutral = rules.neutral_words
    rule_words, suffixes = rules.rule_words, rules.negator_suffixes  # _is_rule_word, inlined
    for token in tokens:
        word = token.word
        if token.boundary:
            if word in rules.emphasis:
                feats[word] = 1.0
            previous = None
            continue
        if word in neutral:
            previous = None
            continue
        if word in rule_words or (suffixes and word.endswith(suffixes)):
            continue
        name = NEGATED + word if token.negated else word
        feats[name] = feats.get(name, 0.0) + token.weight
        if previous is not None:
            pair = previous[0] + " " + name
            feats[pair] = feats.get(pair, 0.0) + 0.5 * (previous[1] + token.weight)
        previous = (name, token.weight)
    values = feats.values()
    norm = math.sqrt(sum(map(operator.mul, values, values)))
    if norm:
        return {name: value / norm for name, value in feats.items()}
    return feats


def explain_rules(tokens: list[Token], rules: Rules) -> list[str]:
    """Human-readable notes of the rules that fired on ``tokens``."""
    notes = []
    for i, token in enumerate(tokens):
        if rules.is_negator(token.word):
            scope = []
            for later in tokens[i + 1 :]:
                if not later.negated:
                    break
                scope.append(later.word)
            if scope:
                notes.append(f"negation: {token.word} -> {' '.join(scope)}")
        elif token.word in rules.contrast:
            notes.append(
                f"contrast: {token.word} (before x{rules.contrast_before:g}, "
                f"after x{rules.contrast_after:g})"
            )
        elif token.word in rules.intensifiers_before and i + 1 < len(tokens):
            notes.append(f"intensifier: {token.word} -> {tokens[i + 1].word}")
        elif token.word in rules.intensifiers_after and i > 0:
            notes.append(f"intensifier: {tokens[i - 1].word} <- {token.word}")
    return notes


# --------------------------------------------------------------------------- lexicon


@dataclass(frozen=True)
class Lexicon:
    """A word -> valence table (VADER's for English, our news lexicon for Indonesian),
    scored with the language's rules. Two-word entries ("terima kasih") match word pairs;
    a word not in the table is looked up again without a clitic of the language pack
    ("kematiannya" -> "kematian") and, where the pack allows reduplication, as the half of
    a reduplicated word ("syukur-syukur" -> "syukur")."""

    valence: dict[str, float]
    phrases: dict[tuple[str, str], float]

    def lookup(self, tokens: list[Token], rules: Rules) -> list[tuple[int, int, float]]:
        """``(first token, last token, valence)`` of every lexicon match, left to right."""
        matches = []
        i, n = 0, len(tokens)
        rule_words, suffixes = rules.rule_words, rules.negator_suffixes  # _is_rule_word
        phrase_starts = self._phrase_starts
        while i < n:
            token = tokens[i]
            if token.boundary:
                i += 1
                continue
            if i + 1 < n and token.word in phrase_starts:
                value = self.phrases.get((token.word, tokens[i + 1].word))
                if value is not None:
                    matches.append((i, i + 1, value))
                    i += 2
                    continue
            word = token.word
            if not (word in rule_words or (suffixes and word.endswith(suffixes))):
                value = self.valence.get(token.word)
                if value is None and rules.clitics:
                    value = self.valence.get(_strip_clitic(token.word, rules.clitics))
                if value is None and rules.reduplication and "-" in token.word:
                    first, _, second = token.word.partition("-")
                    if first == second:  # "syukur-syukur" -> "syukur"
                        value = self.valence.get(first)
                if value is not None:
                    matches.append((i, i, value))
            i += 1
        return matches

    @cached_property
    def _phrase_starts(self) -> frozenset[str]:
        """First words of the two-word entries (only those need a pair lookup)."""
        return frozenset(first for first, _ in self.phrases)

    def features(self, tokens: list[Token], rules: Rules) -> dict[str, float]:
        """``lexicon:positive`` / ``lexicon:negative``: squashed sums of rule-weighted
        valences (a negated word flips and shrinks, as in VADER)."""
        positive = negative = 0.0
        for first, last, value in self.lookup(tokens, rules):
            token = tokens[last]
            value *= tokens[first].weight * (-0.74 if token.negated else 1.0)
            if value > 0:
                positive += value
            else:
                negative -= value
        return {
            "lexicon:positive": positive / math.sqrt(positive * positive + 15.0),
            "lexicon:negative": negative / math.sqrt(negative * negative + 15.0),
        }


def _strip_clitic(word: str, clitics: tuple[str, ...]) -> str:
    for clitic in clitics:
        if word.endswith(clitic) and len(word) > len(clitic) + 3:
            return word[: -len(clitic)]
    return word


@cache
def load_lexicon(name: str) -> Lexicon:
    """A ``word<TAB>valence`` table from the resources folder (a word may be two words)."""
    valence: dict[str, float] = {}
    phrases: dict[tuple[str, str], float] = {}
    with open(RESOURCES / name, encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            word, value = line.rstrip("\n").split("\t")[:2]
            parts = word.split(" ")
            if len(parts) == 2:
                phrases[(parts[0], parts[1])] = float(value)
            else:
                valence[word] = float(value)
    return Lexicon(valence, phrases)


def lexicon_of(model: Model) -> Lexicon:
    """The lexicon a model was trained with: ``meta["lexicon"]`` names one file or a list
    of files, later ones adding to and overriding earlier ones (VADER, then news words)."""
    names = model.meta["lexicon"]
    return load_lexicons((names,) if isinstance(names, str) else tuple(names))


@cache
def load_lexicons(names: tuple[str, ...]) -> Lexicon:
    """Several lexicon files merged in order."""
    if len(names) == 1:
        return load_lexicon(names[0])
    valence: dict[str, float] = {}
    phrases: dict[tuple[str, str], float] = {}
    for name in names:
        valence.update(load_lexicon(name).valence)
        phrases.update(load_lexicon(name).phrases)
    return Lexicon(valence, phrases)


@cache
def load_word_table(name: str) -> dict[str, str]:
    """A ``source<TAB>target`` word table (the English -> Indonesian bridge)."""
    table = {}
    with open(RESOURCES / name, encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            source, target = line.rstrip("\n").split("\t")[:2]
            table[source] = target
    return table


# --------------------------------------------------------------------------- model


@dataclass
class Model:
    """A shipped linear model: sparse word weights, dense extra features, calibration."""

    language: str
    vocabulary: dict[str, int]
    weights: np.ndarray  # (n_features, 3) in LABELS order
    bias: np.ndarray  # (3,)
    dense_names: tuple[str, ...]  # lexicon / bridge features, in column order
    dense_weights: np.ndarray  # (n_dense, 3)
    temperature: float
    meta: dict

    @classmethod
    def load(cls, path: Path) -> Model:
        with np.load(path, allow_pickle=False) as data:
            vocabulary = {w: i for i, w in enumerate(data["vocabulary"].tolist())}
            meta = json.loads(str(data["meta"]))
            return cls(
                language=meta["language"],
                vocabulary=vocabulary,
                weights=data["weights"].astype(np.float64),
                bias=data["bias"].astype(np.float64),
                dense_names=tuple(data["dense_names"].tolist()),
                dense_weights=data["dense_weights"].astype(np.float64),
                temperature=float(meta["temperature"]),
                meta=meta,
            )

    def logits(
        self, features: Sequence[dict[str, float]], dense: np.ndarray | None = None
    ) -> np.ndarray:
        """Uncalibrated class logits for a batch of feature dicts (and dense features)."""
        rows, cols, values = [], [], []
        index_of = self.vocabulary.get
        for row, feats in enumerate(features):
            for name, value in feats.items():
                index = index_of(name)
                if index is not None:
                    rows.append(row)
                    cols.append(index)
                    values.append(value)
        if rows:
            # per row, the sum of its features' contributions in the order found (one
            # unbuffered ``add.at``, as a ``bincount`` per class sums), then the bias
            sums = np.zeros((len(features), len(self.bias)))
            np.add.at(sums, rows, self.weights[cols] * np.asarray(values)[:, None])
            out = sums + self.bias
        else:
            out = np.tile(self.bias, (len(features), 1))
        if dense is not None and len(self.dense_names):
            out += dense @ self.dense_weights
        return out

    def probabilities(self, logits: np.ndarray) -> np.ndarray:
        """Calibrated class probabilities, with the news-domain prior shift (``meta``:
        ``prior_shift``, log-odds added per class: neutral dominates news quotes)."""
        z = logits / self.temperature + np.asarray(self.meta.get("prior_shift", (0.0, 0.0, 0.0)))
        z = z - z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)


@cache
def load_model(language: str) -> Model | None:
    """The shipped model for ``language`` (None when there is none)."""
    path = RESOURCES / f"model-{language}.npz"
    return Model.load(path) if path.exists() else None


# --------------------------------------------------------------------------- scoring


@dataclass
class _Batch:
    tokens: list[list[Token]]
    features: list[dict[str, float]]
    dense: np.ndarray | None
    bridge: list[dict[str, float]] | None  # features of the rendering in the bridge language


def _prepare(texts: Sequence[str], model: Model, rules: Rules) -> _Batch:
    tokens = [tokenize(t if isinstance(t, str) else "", rules) for t in texts]
    return _prepare_tokens(tokens, model, rules)


def _prepare_tokens(tokens: list[list[Token]], model: Model, rules: Rules) -> _Batch:
    features = [_features(toks, rules) for toks in tokens]
    dense = None
    bridge = None
    if model.dense_names:
        columns: list[np.ndarray] = []
        if "lexicon:positive" in model.dense_names:
            lexicon = lexicon_of(model)
            lex = [lexicon.features(toks, rules) for toks in tokens]
            columns.append(np.array([[f["lexicon:positive"], f["lexicon:negative"]] for f in lex]))
        bridge_language = model.meta.get("bridge_language")
        if bridge_language:
            bridge, bridge_logits = _bridge(tokens, model, bridge_language)
            columns.append(bridge_logits)
        dense = np.hstack(columns) if columns else np.zeros((len(tokens), 0))
    return _Batch(tokens, features, dense, bridge)


def _bridge(
    tokens: list[list[Token]], model: Model, bridge_language: str
) -> tuple[list[dict[str, float]], np.ndarray]:
    """Render each statement word by word into the bridge language and score it there."""
    table = load_word_table(model.meta["bridge_table"])
    bridge_model = load_model(bridge_language)
    bridge_rules = rules_for(bridge_language)
    if bridge_model is None or bridge_rules is None:
        raise RuntimeError(f"sentiment bridge needs the {bridge_language!r} model and rules")
    rendered = [tokenize(render(toks, table), bridge_rules) for toks in tokens]
    batch = _prepare_tokens(rendered, bridge_model, bridge_rules)
    return batch.features, bridge_model.logits(batch.features, batch.dense)


def render(tokens: list[Token], table: dict[str, str]) -> str:
    """The word-by-word rendering of ``tokens`` through a bridge word table (words without
    an entry are dropped; punctuation is kept for the rules of the other language)."""
    words = [t.word if t.boundary else table.get(t.word, "") for t in tokens]
    return " ".join(filter(None, words))


def _check_language(language: str) -> tuple[Model, Rules] | None:
    if not isinstance(language, str):
        raise TypeError(f"language must be a code such as 'id' or 'en', not {language!r}")
    model = load_model(language)
    rules = rules_for(language)
    if model is None or rules is None:
        return None
    return model, rules


def _score(probabilities: np.ndarray) -> np.ndarray:
    return probabilities[:, 2] - probabilities[:, 0]


def _evidence(model: Model, batch: _Batch) -> np.ndarray:
    """Whether each statement has a word with a known tone (a feature of the model, a
    lexicon match, or a known word of its bridge rendering)."""
    vocabulary = model.vocabulary
    known = np.array(
        [any(n in vocabulary for n in feats if n not in _BOUNDARY) for feats in batch.features],
        dtype=bool,
    )
    if batch.dense is not None and "lexicon:positive" in model.dense_names:
        names = model.dense_names
        columns = [names.index("lexicon:positive"), names.index("lexicon:negative")]
        known |= (batch.dense[:, columns] != 0).any(axis=1)
    if batch.bridge is not None:
        bridge_model = load_model(model.meta["bridge_language"])
        if bridge_model is not None:
            bridge_vocabulary = bridge_model.vocabulary
            known |= np.array(
                [any(n in bridge_vocabulary for n in feats) for feats in batch.bridge], dtype=bool
            )
    return known


def _predict(model: Model, batch: _Batch) -> tuple[np.ndarray, np.ndarray]:
    """Class probabilities and the evidence mask; a statement without any word of known
    tone (empty text, punctuation, only names and function words) is neutral, score 0."""
    probabilities = model.probabilities(model.logits(batch.features, batch.dense))
    evidence = _evidence(model, batch)
    probabilities[~evidence] = (0.0, 1.0, 0.0)
    return probabilities, evidence


def score_texts(texts: Sequence[str], language: str) -> list[tuple[float, str | None]]:
    """``(score in -1..1, label)`` for each text; ``(nan, None)`` for a language without a
    sentiment model (e.g. ``"other"``). Used by the pipeline for ``quotes.sentiment``."""
    texts = list(texts)
    checked = _check_language(language) if texts else None
    if checked is None:
        return [(math.nan, None) for _ in texts]
    model, rules = checked
    batch = _prepare(texts, model, rules)
    probabilities, _ = _predict(model, batch)
    scores = _score(probabilities)
    labels = probabilities.argmax(axis=1)
    return [(round(float(s), 4), LABELS[k]) for s, k in zip(scores, labels, strict=True)]


def sentiment(texts: str | Iterable[str], language: str = "id") -> list[str | None]:
    """The label (``positive`` / ``neutral`` / ``negative``) of each text.

    >>> sentiment(["Kami mengutuk invasi itu."], "id")
    ['negative']
    """
    texts = [texts] if isinstance(texts, str) else list(texts)
    return [label for _, label in score_texts(texts, language)]


def sentiment_scores(
    texts: str | Iterable[str], language: str = "id", top: int = 5
) -> pd.DataFrame:
    """Score, label, class probabilities and the reasons for each text.

    Columns: ``text``, ``score`` (-1..1: calibrated P(positive) - P(negative)), ``label``,
    ``p_negative``, ``p_neutral``, ``p_positive``, ``drivers`` (the ``top`` features that
    moved the score most, as ``(feature, contribution)`` pairs; ``not:word`` is a negated
    word, ``lexicon:*`` the lexicon features, ``bridge:*`` the Indonesian model on the
    word-by-word rendering), ``rules`` (negation / contrast / intensifier notes) and
    ``explanation`` (all of it as one readable string).
    """
    texts = [texts] if isinstance(texts, str) else list(texts)
    columns = [
        "text",
        "score",
        "label",
        "p_negative",
        "p_neutral",
        "p_positive",
        "drivers",
        "rules",
        "explanation",
    ]
    checked = _check_language(language) if texts else None
    if checked is None:
        rows = [
            {"text": t, "score": math.nan, "label": None, "drivers": [], "rules": []} for t in texts
        ]
        for row in rows:
            row["explanation"] = f"no sentiment model for language {language!r}"
        return pd.DataFrame(rows, columns=columns)
    model, rules = checked
    batch = _prepare(texts, model, rules)
    probabilities, evidence = _predict(model, batch)
    scores = _score(probabilities)
    rows = []
    for i, text in enumerate(texts):
        drivers = _drivers(model, batch, i, top) if evidence[i] else []
        notes = explain_rules(batch.tokens[i], rules)
        label = LABELS[int(probabilities[i].argmax())]
        reasons = ", ".join(f"{name} {value:+.2f}" for name, value in drivers) or (
            "no words with a known tone"
        )
        explanation = f"{label} ({scores[i]:+.2f}): {reasons}"
        if notes:
            explanation += "; " + "; ".join(notes)
        rows.append(
            {
                "text": text,
                "score": round(float(scores[i]), 4),
                "label": label,
                "p_negative": float(probabilities[i, 0]),
                "p_neutral": float(probabilities[i, 1]),
                "p_positive": float(probabilities[i, 2]),
                "drivers": drivers,
                "rules": notes,
                "explanation": explanation,
            }
        )
    return pd.DataFrame(rows, columns=columns)


def _drivers(model: Model, batch: _Batch, i: int, top: int) -> list[tuple[str, float]]:
    """Features ranked by their push towards positive minus negative (logit units)."""
    polarity = np.array([-1.0, 0.0, 1.0])
    contributions: list[tuple[str, float]] = []
    for name, value in batch.features[i].items():
        index = model.vocabulary.get(name)
        if index is not None:
            contributions.append((name, float(value * model.weights[index] @ polarity)))
    if batch.dense is not None:
        for k, name in enumerate(model.dense_names):
            push = float(batch.dense[i, k] * model.dense_weights[k] @ polarity)
            if name.startswith("bridge:") and batch.bridge is not None:
                continue
            contributions.append((name, push))
        if batch.bridge is not None:
            bridge_cols = [k for k, n in enumerate(model.dense_names) if n.startswith("bridge:")]
            push = float(batch.dense[i, bridge_cols] @ model.dense_weights[bridge_cols] @ polarity)
            words = _top_bridge_words(model, batch.bridge[i])
            contributions.append((f"bridge:{model.meta['bridge_language']}[{words}]", push))
    contributions = [(n, round(v, 3)) for n, v in contributions if abs(v) >= 0.005]
    contributions.sort(key=lambda item: -abs(item[1]))
    return contributions[:top]


def _top_bridge_words(model: Model, feats: dict[str, float], top: int = 3) -> str:
    bridge_model = load_model(model.meta["bridge_language"])
    if bridge_model is None:
        return ""
    polarity = np.array([-1.0, 0.0, 1.0])
    pushes = []
    for name, value in feats.items():
        index = bridge_model.vocabulary.get(name)
        if index is not None:
            pushes.append((abs(value * bridge_model.weights[index] @ polarity), name))
    pushes.sort(reverse=True)
    return " ".join(name for _, name in pushes[:top])
