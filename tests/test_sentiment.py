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

#: accuracy bars of the held-out statement tables: measured 0.619 (id, 52 of 84) and
#: 0.692 (en, 54 of 78) with the shipped models (docs/sentiment.md), less two or three
#: statements of slack; below the 0.75 the issue aims at (docs/sentiment.md, limits)
HELD_OUT_BAR = {"id": 0.59, "en": 0.66}
#: macro-F1 bars on the news dev quotes and the held-out NewsMTSC fold: measured 0.642,
#: 0.631 and 0.587 (main before this round: 0.473, 0.437, 0.410), less 0.03
NEWS_BAR = {"news_dev_id": 0.61, "news_dev_en": 0.60, "newsmtsc_heldout": 0.55}

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
    feats = sa.featurize("This doesn't help the economy", rules)
    assert "not:help" in feats
    assert "not:economy" in feats  # "the" is skipped but counts towards the scope


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
        # the phrases, bare and in a sentence
        ("id", "mendesak perdamaian", "positive"),
        ("id", "mencapai tahap baru", "positive"),
        ("id", "yang terbaik dalam sejarah", "positive"),
        ("id", "tuduhan yang dibantah", "negative"),
        ("id", "mematikan", "negative"),
        ("id", "mengutuk invasi", "negative"),
        ("id", "Kedua pemimpin mendesak perdamaian di kawasan itu.", "positive"),
        pytest.param(
            "id",
            "Hubungan kedua negara mencapai tahap baru.",
            "positive",
            marks=pytest.mark.xfail(
                strict=True,
                reason="known miss: neutral; the review data gives 'hubungan' -0.93 and the "
                "news prior shift favours neutral (docs/sentiment.md, limits)",
            ),
        ),
        ("id", "Ini adalah hubungan yang terbaik dalam sejarah.", "positive"),
        pytest.param(
            "id",
            "Moskow menolak tuduhan yang dibantah oleh Kremlin.",
            "negative",
            marks=pytest.mark.xfail(
                strict=True,
                reason="known miss: neutral; the review data gives 'menolak' +1.71 against "
                "the news lexicon's -1.4 (docs/sentiment.md, limits)",
            ),
        ),
        ("id", "Serangan itu sangat mematikan.", "negative"),
        ("id", "Kami mengutuk invasi ke negara tetangga.", "negative"),
        ("id", "Kunjungan itu akan berlangsung dari Senin hingga Rabu.", "neutral"),
        ("en", "urged peace", "positive"),
        ("en", "reached a new stage", "positive"),
        ("en", "the best in history", "positive"),
        ("en", "the allegations that were denied", "negative"),
        ("en", "deadly", "negative"),
        ("en", "condemned the invasion", "negative"),
        ("en", "The leaders urged peace in the region.", "positive"),
        ("en", "Relations have reached a new stage, the best in history.", "positive"),
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
    with pytest.raises(TypeError):
        sa.score_texts(["x"], None)


@pytest.mark.parametrize("language", ["id", "en"])
def test_no_known_word_means_neutral_zero(language):
    function_words = "dan di ke dari" if language == "id" else "of the and to"
    texts = ["", "...", "12345", "yang" if language == "id" else "the", function_words]
    assert sa.score_texts(texts, language) == [(0.0, "neutral")] * len(texts)
    row = na.sentiment_scores([""], language).iloc[0]
    assert "no words with a known tone" in row.explanation


def test_function_words_carry_no_features():
    rules = sa.rules_for("id")
    assert sa.featurize("yang itu dan saja bisa", rules) == {}
    feats = sa.featurize("harga yang murah", rules)
    assert "harga murah" in feats  # word pairs skip the function word
    assert not any("yang" in name for name in feats)
    assert sa.featurize("the and of it", sa.rules_for("en")) == {}


def test_lexicon_matches_phrases_and_clitics():
    rules = sa.rules_for("id")
    lexicon = sa.load_lexicon("lexicon_id_news.tsv")
    tokens = sa.tokenize("Terima kasih, kematiannya mengejutkan", rules)
    matches = {(a, b): v for a, b, v in lexicon.lookup(tokens, rules)}
    assert matches[(0, 1)] == lexicon.phrases[("terima", "kasih")]
    assert lexicon.valence["kematian"] in matches.values()  # "kematiannya" without "-nya"


def test_english_lexicon_adds_news_words_to_vader():
    lexicon = sa.lexicon_of(sa.load_model("en"))
    assert lexicon.valence["invasion"] < 0 and lexicon.valence["milestone"] > 0
    assert "invasion" not in sa.load_lexicon("vader_lexicon.tsv").valence


def test_news_prior_shift_favours_neutral():
    for language in ("id", "en"):
        shift = sa.load_model(language).meta.get("prior_shift", [0, 0, 0])
        assert shift[1] >= shift[0] and shift[1] >= shift[2]


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
    """The held-out tables (not looked at while choosing methods; docs/sentiment.md)."""
    table = ev.load_statements(language)
    assert len(table) >= 60
    assert set(table.label) == set(sa.LABELS)
    predicted = na.sentiment(table.text, language)
    agreement = float(np.mean([p == g for p, g in zip(predicted, table.label, strict=True)]))
    assert agreement >= HELD_OUT_BAR[language], agreement


def test_news_dev_set_is_labelled_and_separate_from_the_held_out_tables():
    shared_path("eval", "polnear")
    for language in ("id", "en"):
        dev = ev.load_dev(language)
        assert len(dev) >= 150
        assert set(dev.label) == set(sa.LABELS)
        assert dev.text.str.len().min() > 10  # English texts resolved from PolNeAR
        held_out = list(ev.load_statements(language).text)
        assert not any(ev.near_duplicates(list(dev.text), held_out))


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
    figures = ev.evaluate(newsmtsc=False, held_out=False)
    assert figures["smsa_valid"] >= 0.75
    assert figures["nusax_id_valid"] >= 0.75
    assert figures["nusax_en_valid"] >= 0.70
    assert figures["nusax_agreement"] >= 0.80


def test_newsmtsc_heldout_fold_is_whole_articles():
    shared_path("eval", "sentiment", "newsmtsc")
    news = ev.load_newsmtsc()
    assert 0.1 < news.heldout.mean() < 0.3
    held = set(news.group[news.heldout])
    assert held.isdisjoint(set(news.group[~news.heldout]))
    assert ev.newsmtsc_group("polusa_v1_113704059_-1_35_Northam_148_155") == "polusa_v1_113704059"


@pytest.mark.slow
def test_news_domain_figures():
    """News-domain bars: the dev quotes and the NewsMTSC fold the model never saw."""
    shared_path("eval", "polnear")
    figures = ev.evaluate(held_out=False)
    assert figures["newsmtsc_heldout"] >= NEWS_BAR["newsmtsc_heldout"]
    assert figures["news_dev_id"] >= NEWS_BAR["news_dev_id"]
    assert figures["news_dev_en"] >= NEWS_BAR["news_dev_en"]


def test_lexicon_pairs_are_looked_up_from_their_first_word():
    from newsanalysis.extract.sentiment import Lexicon, Token, rules_for

    lexicon = Lexicon({"kasih": 0.5, "baik": 1.0}, {("terima", "kasih"): 2.0})
    assert lexicon._phrase_starts == frozenset({"terima"})
    tokens = [Token(w) for w in ("terima", "kasih", "baik", "kasih")]
    assert lexicon.lookup(tokens, rules_for("id")) == [(0, 1, 2.0), (2, 2, 1.0), (3, 3, 0.5)]
    assert Lexicon({"baik": 1.0}, {})._phrase_starts == frozenset()


def test_model_logits_are_bias_plus_the_weights_of_known_features():
    model = sa.load_model("en")
    rules = sa.rules_for("en")
    feats = [
        sa.featurize("The minister was very happy with the deal, but not with the tariffs!", rules),
        {"no-such-feature-in-any-vocabulary": 1.0},
        sa.featurize("A terrible, shameful failure.", rules),
    ]
    logits = model.logits(feats)
    assert logits.shape == (3, len(model.bias))
    for row, f in zip(logits, feats, strict=True):
        expected = model.bias.copy()
        for name, value in f.items():
            if name in model.vocabulary:
                expected = expected + model.weights[model.vocabulary[name]] * value
        np.testing.assert_allclose(row, expected, rtol=1e-12, atol=1e-12)
    np.testing.assert_array_equal(logits[1], model.bias)  # nothing known: the bias alone
    assert model.logits([]).shape == (0, len(model.bias))
