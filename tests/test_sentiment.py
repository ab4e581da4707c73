"""Quote sentiment: rules, shipped models, public API, political statements, gold figures."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from conftest import shared_path

import newsanalysis as na
from newsanalysis.evaluate import sentiment as ev
from newsanalysis.extract import sentiment as sa

# --------------------------------------------------------------------------- rules


def test_negation_marks_the_words_in_scope_only():
    rules = sa.rules_for("id")
    tokens = sa.tokenize("Makanannya tidak enak, pelayanannya ramah.", rules)
    negated = [t.word for t in tokens if t.negated]
    assert negated == ["enak"]  # the comma ends the scope
    feats = sa.featurize("makanannya tidak enak", rules)
    assert "not:enak" in feats and "enak" not in feats
    assert "tidak" not in feats  # the negator itself is a rule, not a word with a tone


def test_english_contractions_negate():
    rules = sa.rules_for("en")
    feats = sa.featurize("This doesn't help anyone", rules)
    assert "not:help" in feats
    assert "not:anyone" in feats


def test_contrast_weights_the_clause_after_it():
    rules = sa.rules_for("id")
    tokens = {t.word: t.weight for t in sa.tokenize("enak tapi mahal", rules)}
    assert tokens["enak"] == pytest.approx(0.5)
    assert tokens["mahal"] == pytest.approx(1.5)


def test_intensifiers_boost_the_word_they_modify():
    rules = sa.rules_for("id")
    weights = {t.word: t.weight for t in sa.tokenize("sangat baik dan enak banget", rules)}
    assert weights["baik"] == pytest.approx(1.5)
    assert weights["enak"] == pytest.approx(1.5)
    assert weights["dan"] == pytest.approx(1.0)


def test_slang_is_normalised_before_the_rules():
    rules = sa.rules_for("id")
    feats = sa.featurize("gak enak", rules)
    assert "not:enak" in feats


def test_news_words_carry_no_features():
    rules = sa.rules_for("id")
    feats = sa.featurize("Presiden dan pemerintah", rules)
    assert "presiden" not in feats and "pemerintah" not in feats


def test_features_are_unit_length():
    feats = sa.featurize("harga murah, rasa enak sekali!", sa.rules_for("id"))
    assert math.isclose(math.sqrt(sum(v * v for v in feats.values())), 1.0)


# --------------------------------------------------------------------------- shipped models


@pytest.mark.parametrize("language", ["id", "en"])
def test_shipped_models_load_from_plain_arrays(language):
    model = sa.load_model(language)
    assert model is not None
    assert model.weights.shape == (len(model.vocabulary), 3)
    assert model.temperature > 0
    path = sa.RESOURCES / f"model-{language}.npz"
    assert path.stat().st_size < 4 * 1024 * 1024
    with np.load(path, allow_pickle=False) as data:  # no pickled objects inside
        assert set(data.files) >= {"vocabulary", "weights", "bias", "meta"}


def test_bridge_table_maps_common_words():
    table = sa.load_word_table("bridge_en_id.tsv")
    assert table.get("not") == "tidak"
    assert len(table) > 200


def test_score_is_probability_difference_and_label_is_argmax():
    df = na.sentiment_scores(["Pelayanannya sangat buruk dan lambat."], "id")
    row = df.iloc[0]
    assert row.score == pytest.approx(row.p_positive - row.p_negative, abs=1e-3)
    probs = {"negative": row.p_negative, "neutral": row.p_neutral, "positive": row.p_positive}
    assert row.label == max(probs, key=probs.get)
    assert -1 <= row.score <= 1


# --------------------------------------------------------------------------- public API


def test_public_functions_are_exported():
    assert na.sentiment is sa.sentiment
    assert na.sentiment_scores is sa.sentiment_scores


@pytest.mark.parametrize(
    ("language", "text", "label"),
    [
        ("id", "Kedua pemimpin mendesak perdamaian di kawasan itu.", "positive"),
        pytest.param(
            "id",
            "Hubungan kedua negara mencapai tahap baru.",
            "positive",
            marks=pytest.mark.xfail(
                reason="known miss: predicted neutral (docs/sentiment.md, limits)"
            ),
        ),
        ("id", "Ini adalah hubungan yang terbaik dalam sejarah.", "positive"),
        ("id", "Moskow menolak tuduhan yang dibantah oleh Kremlin.", "negative"),
        ("id", "Serangan itu sangat mematikan.", "negative"),
        ("id", "Kami mengutuk invasi ke negara tetangga.", "negative"),
        ("id", "Kunjungan itu akan berlangsung dari Senin hingga Rabu.", "neutral"),
        pytest.param(
            "en",
            "The leaders urged peace in the region.",
            "positive",
            marks=pytest.mark.xfail(
                reason="known miss: predicted neutral (docs/sentiment.md, limits)"
            ),
        ),
        pytest.param(
            "en",
            "Relations have reached a new stage, the best in history.",
            "positive",
            marks=pytest.mark.xfail(
                reason="known miss: predicted neutral (docs/sentiment.md, limits)"
            ),
        ),
        ("en", "We condemn the invasion and the deadly attacks.", "negative"),
        ("en", "The visit will take place from Monday to Wednesday.", "neutral"),
    ],
)
def test_political_quote_sanity(language, text, label):
    assert na.sentiment([text], language) == [label]


def test_negation_turns_the_label():
    assert na.sentiment(["Pelayanannya bagus."], "id") == ["positive"]
    assert na.sentiment(["Pelayanannya tidak bagus."], "id") == ["negative"]
    assert na.sentiment(["The service was good."], "en") == ["positive"]
    assert na.sentiment(["The service was not good."], "en") == ["negative"]


def test_contrast_follows_the_second_clause():
    assert na.sentiment(["Tempatnya bagus, tapi makanannya mengecewakan."], "id") == ["negative"]
    assert na.sentiment(["The place is nice, but the food was disappointing."], "en") == [
        "negative"
    ]


def test_sentiment_scores_explains_the_score():
    df = na.sentiment_scores(["Makanannya tidak enak, tapi pelayanannya sangat ramah."], "id")
    assert list(df.columns) == [
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
    row = df.iloc[0]
    names = [name for name, _ in row.drivers]
    assert any(name.startswith("not:") or "ramah" in name for name in names)
    assert any(note.startswith("negation: tidak") for note in row.rules)
    assert any(note.startswith("contrast: tapi") for note in row.rules)
    assert any(note.startswith("intensifier: sangat") for note in row.rules)
    assert row.label in row.explanation


def test_english_explanation_shows_lexicon_and_bridge():
    df = na.sentiment_scores(["This is a terrible, shameful decision."], "en", top=10)
    names = [name for name, _ in df.iloc[0].drivers]
    assert any(name.startswith("lexicon:") for name in names)
    assert any(name.startswith("bridge:id[") for name in names)


def test_unsupported_language_gives_no_score():
    assert sa.score_texts(["Bonjour"], "other") == [(pytest.approx(math.nan, nan_ok=True), None)]
    df = na.sentiment_scores(["Bonjour"], "fr")
    assert df.label.isna().all() and "no sentiment model" in df.explanation[0]


def test_empty_and_odd_inputs():
    assert sa.score_texts([], "id") == []
    assert na.sentiment("Bagus sekali!", "id") == ["positive"]  # a single string is one text
    out = sa.score_texts(["", "...", "12345"], "id")
    assert len(out) == 3 and all(label in sa.LABELS for _, label in out)
    with pytest.raises(TypeError):
        sa.score_texts(["x"], None)


def test_pipeline_fills_quote_sentiment(tmp_path):
    text = (
        'Jakarta - Menteri itu menyampaikan kabar baik. "Kami sangat senang dengan hasil yang '
        'luar biasa ini," kata Menteri Luar Negeri Retno Marsudi di Jakarta, Senin.'
    )
    corpus = pd.DataFrame({"content": [text], "date": ["2023-03-20"]})
    result = na.analyze(na.load_table(corpus, text="content", published="date", language="id"))
    quotes = result.quotes
    if quotes.empty:
        pytest.skip("the quote extractor of this branch finds no quote yet")
    assert quotes.sentiment.between(-1, 1).all()
    assert set(quotes.sentiment_label) <= set(sa.LABELS)


# --------------------------------------------------------------------------- statements


@pytest.mark.parametrize("language", ["id", "en"])
def test_political_statements_agree_with_our_labels(language):
    table = ev.load_statements(language)
    assert len(table) >= 60
    assert set(table.label) == set(sa.LABELS)
    predicted = na.sentiment(table.text, language)
    agreement = float(np.mean([p == g for p, g in zip(predicted, table.label, strict=True)]))
    # measured 0.536 (id) and 0.526 (en) when the tables were made: far from the
    # review-domain figures (docs/sentiment.md); this guards against regressions
    assert agreement >= 0.48, agreement


# --------------------------------------------------------------------------- gold figures


def test_near_duplicates_catch_retokenised_copies():
    refs = ["Rasanya enak, harganya murah!"]
    assert ev.near_duplicates(["rasanya enak , harganya murah !", "tempatnya jauh"], refs) == [
        True,
        False,
    ]


@pytest.mark.slow
def test_quality_bars_on_gold():
    shared_path("eval", "sentiment")
    figures = ev.evaluate(newsmtsc=False)
    assert figures["smsa_valid"] >= 0.75
    assert figures["nusax_id_valid"] >= 0.75
    assert figures["nusax_en_valid"] >= 0.70
    assert figures["nusax_agreement"] >= 0.80
