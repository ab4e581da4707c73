"""lang/detect.py: language of short and long texts, Indonesian, English and others."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import shared_path

import newsanalysis as na
from newsanalysis.lang.detect import detect_language, normalize_language

INDONESIAN = [
    "Jokowi Bertemu Prabowo di Istana",  # headline
    "KPK Tetapkan Menpora Imam Nahrawi Tersangka",
    "salut pak jokowi",  # a comment
    "Presiden Joko Widodo menerima kunjungan Perdana Menteri Malaysia di Istana Bogor.",
    "Menteri Luar Negeri Retno Marsudi mengatakan bahwa pemerintah akan terus memantau "
    "situasi di Hong Kong dan memastikan warga negara Indonesia di sana dalam keadaan aman. "
    "Ia juga meminta WNI untuk menghindari lokasi unjuk rasa.",
]
ENGLISH = [
    "Xi and Putin hold talks in Moscow",
    "Trump calls Erdogan",
    "President Donald Trump spoke by telephone with Turkish President Erdogan on Sunday.",
    "The Kremlin said the two leaders would discuss the further development of their "
    "comprehensive partnership, and that several bilateral documents would be signed.",
]
OTHER = [
    "Le président a rencontré hier le Premier ministre pour discuter de la réforme.",
    "Die Bundeskanzlerin traf am Montag den russischen Präsidenten in Berlin.",
    "中国国家主席习近平周一在莫斯科与俄罗斯总统普京举行会谈。",
    "Президент России встретился с председателем КНР в Москве.",
]


@pytest.mark.parametrize("text", INDONESIAN)
def test_indonesian(text):
    assert detect_language(text) == "id"


@pytest.mark.parametrize("text", ENGLISH)
def test_english(text):
    assert detect_language(text) == "en"


@pytest.mark.parametrize("text", OTHER)
def test_other_languages(text):
    assert detect_language(text) == "other"


def test_empty_and_wordless_texts_are_other():
    for text in (None, "", "   ", "12345 678", "!!! ---"):
        assert detect_language(text) == "other"


def test_seed_article_is_indonesian(seed_path):
    assert detect_language(seed_path.read_text(encoding="utf-8")) == "id"


def test_normalize_language():
    assert normalize_language("id-ID") == "id"
    assert normalize_language("EN_us") == "en"
    assert normalize_language("Indonesian") == "id"
    assert normalize_language("in") == "id"
    assert normalize_language("fr") == "other"
    assert normalize_language("other") == "other"
    assert normalize_language("") is None and normalize_language(None) is None


def test_analyze_detects_unless_the_user_overrides():
    frame = pd.DataFrame({"text": [INDONESIAN[3], ENGLISH[2], OTHER[0]]})
    detected = na.analyze(na.load_table(frame), engine="serial", progress=False)
    assert detected.articles["language"].tolist() == ["id", "en", "other"]
    forced = na.analyze(na.load_table(frame, language="en"), engine="serial", progress=False)
    assert set(forced.articles["language"]) == {"en"}
    per_row = frame.assign(lang=["en", "id", None])
    mixed = na.analyze(na.load_table(per_row, language="lang"), engine="serial", progress=False)
    assert mixed.articles["language"].tolist() == ["en", "id", "other"]


@pytest.mark.slow
def test_measured_accuracy_on_shared_data():
    from newsanalysis.evaluate.language import evaluate

    result = evaluate(shared_path(), "dev")
    confusion = result["confusion"]
    correct = sum(n for (expected, got), n in confusion.items() if expected == got)
    assert correct / result["n"] > 0.99
