"""analysis.py: contract tables and dtypes, Parquet round trip, filtering helpers."""

from __future__ import annotations

import pandas as pd
import pytest

import newsanalysis as na
from newsanalysis.errors import NewsAnalysisError
from newsanalysis.schema import SCHEMAS, TABLES


def _small_corpus() -> na.Corpus:
    frame = pd.DataFrame(
        {
            "content": [
                "Presiden Joko Widodo bertemu Perdana Menteri Malaysia di Jakarta, Senin (9/9/2019).",
                "The president met the prime minister in Hanoi on Tuesday, officials said.",
            ],
            "title": ["Jokowi bertemu PM Malaysia", "Leaders meet in Hanoi"],
            "date": ["09/09/2019", "2019-09-10"],
            "link": ["https://example.org/a", "https://example.org/b"],
        }
    )
    return na.load_table(frame)


def _filled() -> na.Analysis:
    """An Analysis with rows in every table (as the extraction steps will give)."""
    articles = pd.DataFrame(
        {
            "article_id": ["a1", "a2", "a3"],
            "title": ["Jokowi terima Mahathir", "Xi meets Putin", "Retno telepon Wang Yi"],
            "text": ["Jokowi bertemu Mahathir.", "Xi met Putin.", "Retno menelepon Wang Yi."],
            "published": pd.to_datetime(
                ["2019-09-09 10:00", "2019-09-10 00:00", "2019-09-12 21:48"]
            ),
            "language": ["id", "en", "id"],
            "source": ["Kompas.com", "Reuters", "okezone.com"],
            "url": [None, "https://x/2", "https://x/3"],
            "path": ["data/a.csv:row 2", "data/b.jsonl:line 1", "data/c.csv:row 2"],
            "category": ["News", None, "News"],  # an extra column
        }
    )
    mentions = pd.DataFrame(
        {
            "article_id": ["a1", "a1", "a2", "a2", "a3"],
            "actor_id": ["Q3260", "Q181648", "Q15031", "Q7747", "per:retno-marsudi"],
            "surface": ["Jokowi", "Mahathir", "Xi", "Putin", "Retno"],
            "start": [0, 15, 0, 7, 0],
            "end": [6, 23, 2, 12, 5],
            "method": ["kb", "kb", "alias", "alias", "kb"],
            "sentence": [0, 0, 0, 0, 0],
        }
    )
    actors = pd.DataFrame(
        {
            "actor_id": ["Q3260", "Q181648", "Q15031", "Q7747", "per:retno-marsudi"],
            "name": [
                "Joko Widodo",
                "Mahathir Mohamad",
                "Xi Jinping",
                "Vladimir Putin",
                "Retno Marsudi",
            ],
            "type": ["person"] * 5,
            "country": ["ID", "MY", "CN", "RU", "ID"],
            "aliases": [["Jokowi"], ["Mahathir"], ["Xi"], ["Putin"], []],
        }
    )
    quotes = pd.DataFrame(
        {
            "article_id": ["a1"],
            "quote_id": ["a1:q0"],
            "text": ["Kami sepakat"],
            "start": [1],
            "end": [13],
            "kind": ["direct"],
            "speaker": ["Joko Widodo"],
            "speaker_id": ["Q3260"],
            "speaker_surface": ["Jokowi"],
            "cue": ["kata"],
            "sentiment": [0.4],
            "sentiment_label": ["positive"],
        }
    )
    meetings = pd.DataFrame(
        {
            "article_id": ["a1", "a2"],
            "meeting_id": ["a1:m0", "a2:m0"],
            "participants": [["Joko Widodo", "Mahathir Mohamad"], ["Xi Jinping", "Vladimir Putin"]],
            "participant_ids": [["Q3260", "Q181648"], ["Q15031", "Q7747"]],
            "mode": ["in_person", "visit"],
            "status": ["happened", "planned"],
            "date_start": pd.to_datetime(["2019-09-09", "2023-03-20"]),
            "date_end": pd.to_datetime(["2019-09-09", "2023-03-22"]),
            "date_precision": ["day", "day"],
            "location": ["Bogor", "Moscow"],
            "count": [None, 39],
            "start": [0, 0],
            "end": [24, 13],
            "evidence": ["Jokowi bertemu Mahathir.", "Xi met Putin."],
        }
    )
    errors = pd.DataFrame(
        {
            "input": ["data/bad.txt"],
            "article_id": [None],
            "stage": ["load"],
            "error": ["empty file"],
        }
    )
    return na.Analysis(
        articles, mentions, actors, quotes, meetings, errors, meta={"engine": "serial"}
    )


def test_empty_tables_have_contract_columns_and_dtypes():
    result = na.Analysis()
    for name in TABLES:
        table = getattr(result, name)
        assert list(table.columns)[: len(SCHEMAS[name])] == list(SCHEMAS[name])
        for column, dtype in SCHEMAS[name].items():
            assert str(table[column].dtype) == dtype, (name, column)


def test_analyze_returns_every_table_with_dtypes():
    result = na.analyze(_small_corpus(), engine="serial")
    assert len(result.articles) == 2
    assert result.articles["language"].tolist() == ["id", "en"]
    for name in TABLES:
        table = getattr(result, name)
        for column, dtype in SCHEMAS[name].items():
            assert str(table[column].dtype) == dtype, (name, column)
    row = result.articles.iloc[0]
    assert row["raw_text"] == _small_corpus().articles["text"].iloc[0]
    assert row["published"] == pd.Timestamp("2019-09-09")


def test_save_load_round_trip_is_lossless(tmp_path):
    for result in (na.analyze(_small_corpus(), engine="serial"), _filled()):
        result.save(tmp_path / "out")
        again = na.Analysis.load(tmp_path / "out")
        for name in TABLES:
            pd.testing.assert_frame_equal(getattr(result, name), getattr(again, name))
        assert again.meta == result.meta
    assert again.meetings["participants"].iloc[0] == ["Joko Widodo", "Mahathir Mohamad"]
    assert again.actors["aliases"].iloc[4] == []
    category = again.articles["category"]
    assert category.iloc[0] == "News" and pd.isna(category.iloc[1])


def test_load_of_a_folder_that_is_not_a_result(tmp_path):
    with pytest.raises(NewsAnalysisError, match="no such result folder"):
        na.Analysis.load(tmp_path / "missing")
    (tmp_path / "articles.parquet").write_bytes(b"")
    with pytest.raises(NewsAnalysisError, match="not a saved Analysis"):
        na.Analysis.load(tmp_path)


def test_filter_by_language_source_and_dates():
    result = _filled()
    assert result.filter(language="en").articles["article_id"].tolist() == ["a2"]
    assert result.filter(language=["id"]).articles["article_id"].tolist() == ["a1", "a3"]
    assert result.filter(source="Kompas.com").articles["article_id"].tolist() == ["a1"]
    assert result.filter(start="2019-09-10").articles["article_id"].tolist() == ["a2", "a3"]
    # an end date given as a day includes the whole day
    assert result.filter(end="2019-09-12").articles["article_id"].tolist() == ["a1", "a2", "a3"]
    assert result.filter(start="2019-09-10", end="2019-09-11").articles["article_id"].tolist() == [
        "a2"
    ]
    only = result.filter(language="en")
    assert only.quotes.empty and only.meetings["meeting_id"].tolist() == ["a2:m0"]
    assert set(only.actors["actor_id"]) == {"Q15031", "Q7747"}


def test_filter_by_actor_names_aliases_or_ids():
    result = _filled()
    by_alias = result.filter(actors="jokowi")
    assert by_alias.articles["article_id"].tolist() == ["a1"]
    assert by_alias.quotes["speaker_id"].tolist() == ["Q3260"]
    assert by_alias.meetings["meeting_id"].tolist() == ["a1:m0"]
    by_name = result.filter(actors=["Vladimir Putin", "per:retno-marsudi"])
    assert by_name.articles["article_id"].tolist() == ["a2", "a3"]
    assert by_name.quotes.empty
    assert result.filter(articles=["a3"]).mentions["surface"].tolist() == ["Retno"]
    with pytest.raises(KeyError, match="no actor named 'Nobody'"):
        result.filter(actors="Nobody")


def test_filter_keeps_load_errors_and_the_errors_of_kept_articles():
    result = _filled()
    errors = pd.concat(
        [
            result.errors,
            pd.DataFrame(
                [{"input": "x", "article_id": "a2", "stage": "extract:quotes", "error": "boom"}]
            ),
        ]
    )
    result = na.Analysis(result.articles, errors=errors)
    assert len(result.filter(language="en").errors) == 2
    assert len(result.filter(language="id").errors) == 1


def test_summary_and_repr():
    result = _filled()
    assert result.summary().set_index("table")["rows"].to_dict() == {
        "articles": 3,
        "mentions": 5,
        "actors": 5,
        "quotes": 1,
        "meetings": 2,
        "errors": 1,
    }
    assert repr(result).startswith("Analysis(3 articles")
    assert "<table>" in result._repr_html_()


def test_language_column_values_are_normalised_or_detected():
    frame = pd.DataFrame(
        {
            "text": [
                "Presiden bertemu menteri di istana negara hari ini.",
                "The minister met the envoy.",
            ],
            "lang": ["auto", "en-GB"],
        }
    )
    result = na.analyze(na.load_table(frame, language="lang"), engine="serial", progress=False)
    assert result.articles["language"].tolist() == ["id", "en"]
