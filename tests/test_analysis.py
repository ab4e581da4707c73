import pandas as pd

import newsanalysis as na
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


def test_empty_tables_have_contract_columns():
    result = na.Analysis()
    for name in TABLES:
        assert list(getattr(result, name).columns)[: len(SCHEMAS[name])] == list(SCHEMAS[name])


def test_analyze_returns_every_table_with_dtypes():
    result = na.analyze(_small_corpus(), engine="serial")
    assert len(result.articles) == 2
    assert str(result.articles["published"].dtype) == "datetime64[ns]"
    assert result.articles["language"].tolist() == ["id", "en"]
    for name in TABLES:
        table = getattr(result, name)
        for column, dtype in SCHEMAS[name].items():
            assert str(table[column].dtype) == dtype or dtype == "object", (name, column)


def test_save_load_round_trip(tmp_path):
    result = na.analyze(_small_corpus(), engine="serial")
    result.save(tmp_path / "out")
    again = na.Analysis.load(tmp_path / "out")
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(result, name), getattr(again, name), check_like=False)


def test_filter_by_language_and_dates():
    result = na.analyze(_small_corpus(), engine="serial")
    assert len(result.filter(language="en").articles) == 1
    assert len(result.filter(start="2019-09-10").articles) == 1
    assert len(result.filter(end="2019-09-09").articles) == 1
