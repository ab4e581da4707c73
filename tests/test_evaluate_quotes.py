"""The quote scorers (evaluate/quotes_pfsa.py, quotes_polnear.py, quotes_seed.py).

Format tests use small hand-made snippets in the gold formats (the gold itself is not
redistributable); the slow tests run the scorers on ../shared and guard the measured
quality.
"""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import shared_path

from newsanalysis.evaluate import quotes_pfsa, quotes_polnear

PFSA_SNIPPET = """\
JAKARTA\tO
,\tO
KOMPAS\tO
—\tO
Menteri\tB-ISSUE
bicara\tL-ISSUE
.\tO
”\tB-STATEMENT

Kami\tI-STATEMENT
siap\tI-STATEMENT
bekerja\tI-STATEMENT
.\tI-STATEMENT

Semua\tI-STATEMENT
jalan\tI-STATEMENT
,\tI-STATEMENT
”\tL-STATEMENT
kata\tU-CUE
Menteri\tU-ROLE
Budi\tB-PERSON
Santoso\tL-PERSON
.\tO

Rapat\tO
selesai\tO
.\tO
”\tB-STATEMENT

Tidak\tI-STATEMENT
ada\tI-STATEMENT
masalah\tI-STATEMENT
,\tI-STATEMENT
”\tL-STATEMENT
ujarnya\tU-CUECOREF
.\tO

BANDUNG\tO
,\tO
KOMPAS\tO
—\tO
Harga\tB-ISSUE
naik\tL-ISSUE
.\tO
”\tB-STATEMENT

Harga\tI-STATEMENT
cabai\tI-STATEMENT
naik\tI-STATEMENT
,\tI-STATEMENT
”\tL-STATEMENT
kata\tU-CUE
Budi\tU-PERSONCOREF
.\tO
"""


@pytest.fixture
def pfsa_articles(tmp_path):
    path = tmp_path / "dev.txt"
    path.write_text(PFSA_SNIPPET, encoding="utf-8")
    articles = quotes_pfsa.split_articles(quotes_pfsa.read_sentences(path))
    for article in articles:
        quotes_pfsa.rebuild_text(article)
        article.statements = quotes_pfsa.gold_statements(article)
    return articles


def test_pfsa_articles_text_and_speakers(pfsa_articles):
    first, second = pfsa_articles
    assert first.text == (
        "JAKARTA, KOMPAS — Menteri bicara.\n"
        "”Kami siap bekerja. Semua jalan,” kata Menteri Budi Santoso. Rapat selesai.\n"
        "”Tidak ada masalah,” ujarnya."
    )
    assert [s.text for s in first.statements] == [
        "”Kami siap bekerja. Semua jalan,”",
        "”Tidak ada masalah,”",
    ]
    # the clitic cue goes to the person named before; a coref name is completed
    assert first.statements[1].speaker == ["Budi Santoso"]
    assert second.statements[0].speaker == ["Budi"]


def test_pfsa_scoring_matches_coverage_and_speakers(pfsa_articles):
    first = pfsa_articles[0]
    statement = first.statements[0]
    rows = [
        # covers the first statement, right speaker
        {
            "article_id": first.article_id,
            "start": statement.start + 1,
            "end": statement.end - 1,
            "speaker": "Budi Santoso",
            "speaker_surface": "Menteri Budi Santoso",
            "kind": "direct",
        },
        # covers a quarter of nothing: a false positive
        {
            "article_id": first.article_id,
            "start": 0,
            "end": 7,
            "speaker": None,
            "speaker_surface": None,
            "kind": "partial",
        },
    ]
    r = quotes_pfsa.score([first], pd.DataFrame(rows))
    assert (r["matched"], r["predicted"], r["statements"]) == (1, 2, 2)
    assert r["precision"] == 0.5 and r["recall"] == 0.5
    assert r["speaker_accuracy"] == 1.0


def test_pfsa_speaker_comparison_ignores_titles():
    from newsanalysis.extract.quote_lexicon import lexicon

    lex = lexicon("id")
    ignore = lex.titles | lex.speaker_words
    assert quotes_pfsa.speaker_ok(["Kombes Yusri Yunus"], ["Yusri Yunus"], ignore)
    assert not quotes_pfsa.speaker_ok(["Kombes Yusri Yunus"], ["Kombes Budi"], ignore)
    assert quotes_pfsa.speaker_ok(["Presiden"], [None, "Presiden"], ignore)


ANN = """\
T1\tSource 0 5\tSmith
T2\tCue 6 10\tsaid
T3\tContent 11 47\tthat the plan was "dead on arrival."
E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1
T4\tContent 49 60;70 80\tplaceholder
T5\tCue 61 65\tsaid
E2\tAttribution-no-source:T5 Content:T4 Cue:T5
"""


def test_polnear_reads_brat_and_finds_quoted_words(tmp_path):
    text = "Smith said that the plan was \"dead on arrival.\" ''It works,'' she said. ok"
    path = tmp_path / "a.ann"
    path.write_text(ANN, encoding="utf-8")
    gold = quotes_polnear.read_ann(path, text)
    assert len(gold) == 2
    assert gold[0].source_text == "Smith"
    assert [text[s:e] for s, e in gold[0].quoted] == ["dead", "on", "arrival"]
    assert gold[0].direct
    assert gold[1].source == [] and len(gold[1].content) == 2


def test_polnear_apostrophes_are_not_quotation_marks():
    text = "It’s the leaders’ plan, and ‘in their heads.’"
    words = quotes_polnear._quoted_words(text, [(0, len(text))])
    assert [text[s:e] for s, e in words] == ["in", "their", "heads"]


# --------------------------------------------------------------------------- real data


@pytest.mark.slow
def test_pfsa_quality_does_not_regress():
    shared_path("eval", "pfsa-id", "dev-20.txt")
    articles = quotes_pfsa.load()
    chosen = quotes_pfsa.select(articles, "a")
    predictions, _ = quotes_pfsa.predict(chosen)
    r = quotes_pfsa.score(chosen, predictions)
    assert r["f1"] >= 0.90
    assert r["speaker_accuracy"] >= 0.88


@pytest.mark.slow
def test_polnear_quality_does_not_regress():
    shared_path("eval", "polnear", "metadata.tsv")
    articles = quotes_polnear.load("read")
    r = quotes_polnear.score(articles, quotes_polnear.predict(articles))
    assert r["direct"]["f1"] >= 0.88
    assert r["direct"]["speaker_accuracy"] >= 0.86
