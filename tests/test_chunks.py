"""Tables built chunk by chunk equal the tables built from all row dicts at once."""

from __future__ import annotations

import pandas as pd
import pytest
from synthetic import synthetic_corpus

import newsanalysis as na
from newsanalysis.chunks import ROW_TABLES, build_chunk, combine, table_frame
from newsanalysis.pipeline import Settings, process_article
from newsanalysis.schema import TABLES, conform


@pytest.fixture(scope="module")
def results() -> list[dict]:
    corpus = synthetic_corpus(40)
    settings = Settings()
    return [process_article(r, settings) for r in corpus.articles.to_dict("records")]


def test_table_frame_equals_conform_of_all_rows(results):
    for name in ROW_TABLES:
        rows = [row for result in results for row in result[name]]
        expected = conform(name, pd.DataFrame(rows)) if rows else conform(name, None)
        pd.testing.assert_frame_equal(table_frame(name, rows), expected, obj=name)
    assert sum(len(r["mentions"]) for r in results) > 0  # the test saw real rows


def test_table_frame_keeps_extra_columns_and_combine_infers_their_dtype():
    rows = [{"article_id": "a", "text": "x", "outlet_rank": 1}, {"article_id": "b", "text": "y"}]
    frame = table_frame("articles", rows)
    assert list(frame.columns)[-1] == "outlet_rank"
    combined, _ = combine([build_chunk([{**_empty_result(), "articles": rows}])])
    assert combined.articles["outlet_rank"].dtype == float  # 1 and NaN, as one frame gives


def _empty_result() -> dict:
    return {name: [] for name in ROW_TABLES} | {"actors": []}


def test_chunk_boundaries_do_not_change_the_tables(results):
    whole, _ = combine([build_chunk(results)])
    for size in (1, 7, 16):
        parts = [build_chunk(results[i : i + size]) for i in range(0, len(results), size)]
        chunked, _ = combine(parts)
        for name in TABLES:
            pd.testing.assert_frame_equal(
                getattr(chunked, name), getattr(whole, name), obj=f"{name} (chunks of {size})"
            )


def test_skipped_records_are_counted_not_tabled(results):
    chunk = build_chunk([results[0], None, results[1]])
    assert chunk.processed == [True, False, True]
    assert (chunk.n_records, chunk.n_processed) == (3, 2)
    assert len(chunk.tables["articles"]) == 2


def test_serial_chunk_size_does_not_change_analyze():
    corpus = synthetic_corpus(30)
    small = na.analyze(corpus, engine="serial", chunk_size=4, progress=False)
    large = na.analyze(corpus, engine="serial", chunk_size=1000, progress=False)
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(small, name), getattr(large, name), obj=name)
