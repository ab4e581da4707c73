"""Result stores, lazy DuckDB queries, the Dask engine and incremental runs."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import shared_path
from synthetic import synthetic_corpus, synthetic_frame
from test_parallel import assert_same_tables

import newsanalysis as na
from newsanalysis.errors import NewsAnalysisError
from newsanalysis.scale.store import is_store, parts

pytest.importorskip("duckdb")


@pytest.fixture(scope="module")
def corpus() -> na.Corpus:
    return synthetic_corpus(60)


@pytest.fixture(scope="module")
def serial(corpus) -> na.Analysis:
    return na.analyze(corpus, engine="serial", progress=False)


def test_store_holds_exactly_the_serial_tables(tmp_path, corpus, serial):
    lazy = na.analyze(corpus, engine="serial", out=tmp_path / "r", chunk_size=25, progress=False)
    assert isinstance(lazy, na.LazyAnalysis)
    assert is_store(tmp_path / "r")
    assert len(parts(tmp_path / "r", "articles")) == 3
    assert_same_tables(serial, lazy.to_analysis())
    assert_same_tables(serial, na.Analysis.open(tmp_path / "r").to_analysis())


def test_store_refuses_to_overwrite(tmp_path, corpus):
    na.analyze(corpus, engine="serial", out=tmp_path / "r", progress=False)
    with pytest.raises(NewsAnalysisError, match="incremental=True"):
        na.analyze(corpus, engine="serial", out=tmp_path / "r", progress=False)
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "notes.txt").write_text("mine")
    with pytest.raises(NewsAnalysisError, match="not a newsanalysis result store"):
        na.analyze(corpus, engine="serial", out=tmp_path / "other", progress=False)


def test_lazy_queries_match_the_in_memory_tables(tmp_path, corpus, serial):
    lazy = na.analyze(corpus, engine="serial", out=tmp_path / "r", chunk_size=20, progress=False)
    assert lazy.count("articles") == len(serial.articles)
    by_language = lazy.query(
        "select language, count(*) as n from articles group by language order by language"
    )
    expected = serial.articles["language"].value_counts().sort_index()
    assert by_language.set_index("language")["n"].to_dict() == expected.to_dict()
    copies = lazy.query(
        "select article_id, duplicate_of from articles where duplicate_of is not null"
    )
    assert set(copies["article_id"]) == set(
        serial.articles.loc[serial.articles["duplicate_of"].notna(), "article_id"]
    )
    assert lazy.summary()["rows"].tolist() == serial.summary()["rows"].tolist()
    pd.testing.assert_frame_equal(lazy.table("articles"), serial.articles)


def test_lazy_filter_equals_in_memory_filter(tmp_path, corpus, serial):
    lazy = na.analyze(corpus, engine="serial", out=tmp_path / "r", chunk_size=20, progress=False)
    got = lazy.filter(start="2019-09-05", end="2019-09-12", language="id")
    want = serial.filter(start="2019-09-05", end="2019-09-12", language="id")
    assert len(want.articles) > 0
    assert_same_tables(want, got)


def test_to_analysis_without_text_keeps_every_row(tmp_path, corpus, serial):
    lazy = na.analyze(corpus, engine="serial", out=tmp_path / "r", chunk_size=20, progress=False)
    light = lazy.to_analysis(text=False)
    assert light.articles["text"].isna().all() and light.articles["raw_text"].isna().all()
    heavy_columns = ["text", "raw_text", "offsets"]
    pd.testing.assert_frame_equal(
        light.articles.drop(columns=heavy_columns), serial.articles.drop(columns=heavy_columns)
    )
    for name in ("mentions", "quotes", "meetings", "actors", "errors"):
        pd.testing.assert_frame_equal(getattr(light, name), getattr(serial, name), obj=name)


def test_open_result_reads_a_saved_analysis_too(tmp_path, serial):
    serial.save(tmp_path / "saved")
    lazy = na.open_result(tmp_path / "saved")
    assert lazy.count("articles") == len(serial.articles)
    assert lazy.query("select count(*) as n from meetings")["n"][0] == len(serial.meetings)
    with pytest.raises(NewsAnalysisError, match="not a newsanalysis result"):
        na.open_result(tmp_path)


def test_missing_duckdb_names_the_extra(tmp_path, serial, monkeypatch):
    import sys

    serial.save(tmp_path / "saved")
    monkeypatch.setitem(sys.modules, "duckdb", None)
    with pytest.raises(ImportError, match=r"newsanalysis\[scale\]"):
        na.open_result(tmp_path / "saved").count("articles")


# --------------------------------------------------------------------------- incremental


def test_incremental_run_processes_only_new_and_changed_articles(tmp_path):
    frame = synthetic_frame(40)
    first = na.load_table(frame.head(30))
    na.analyze(first, engine="serial", out=tmp_path / "r", chunk_size=10, progress=False)
    changed = frame.copy()
    changed.loc[3, "content"] = changed.loc[3, "content"] + "\n\nPembaruan: jumpa pers ditunda."
    second = na.load_table(changed)  # ids 0..39: 30 known (one changed), 10 new
    lazy = na.update(tmp_path / "r", second, engine="serial", chunk_size=10, progress=False)
    run = lazy.runs[-1]
    assert run["articles_read"] == 40
    assert run["articles_skipped"] == 29
    assert run["articles_changed"] == 1
    result = lazy.to_analysis()
    assert result.articles["article_id"].is_unique
    assert len(result.articles) == 40
    fresh = na.analyze(second, engine="serial", progress=False)
    by_id = result.articles.set_index("article_id").loc[fresh.articles["article_id"]]
    assert by_id["text"].tolist() == fresh.articles["text"].tolist()
    assert by_id["content_hash"].tolist() == fresh.articles["content_hash"].tolist()
    for table in ("mentions", "quotes", "meetings"):
        got = getattr(result, table).sort_values(list(getattr(result, table).columns[:2]))
        want = getattr(fresh, table).sort_values(list(getattr(fresh, table).columns[:2]))
        assert len(got) == len(want), table


def test_incremental_run_without_changes_processes_nothing(tmp_path, corpus):
    na.analyze(corpus, engine="serial", out=tmp_path / "r", progress=False)
    lazy = na.analyze(corpus, engine="serial", out=tmp_path / "r", incremental=True, progress=False)
    assert lazy.runs[-1]["articles_skipped"] == len(corpus)
    assert lazy.count("articles") == len(corpus)


def test_changed_publication_date_reprocesses_the_article(tmp_path):
    frame = synthetic_frame(12)
    na.analyze(na.load_table(frame), engine="serial", out=tmp_path / "r", progress=False)
    frame.loc[2, "date"] = "2019-10-01"
    lazy = na.update(tmp_path / "r", na.load_table(frame), engine="serial", progress=False)
    assert lazy.runs[-1]["articles_changed"] == 1
    stored = lazy.query("select published from articles where article_id = '2'")
    assert str(stored["published"][0])[:10] == "2019-10-01"


def test_incremental_run_replaces_load_errors_of_files_read_again(tmp_path):
    frame = synthetic_frame(8)
    broken = frame.copy()
    broken.loc[3, "content"] = "   "
    first = na.analyze(na.load_table(broken), engine="serial", out=tmp_path / "r", progress=False)
    assert first.count("errors") == 1
    again = na.update(tmp_path / "r", na.load_table(broken), engine="serial", progress=False)
    assert again.count("errors") == 1  # the same failure, recorded once
    fixed = na.update(tmp_path / "r", na.load_table(frame), engine="serial", progress=False)
    assert fixed.count("errors") == 0
    assert fixed.count("articles") == 8


def test_incremental_needs_out():
    with pytest.raises(ValueError, match="needs out"):
        na.analyze(synthetic_corpus(3), incremental=True)


# --------------------------------------------------------------------------- dask

pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    cluster = LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    with Client(cluster) as dask_client:
        yield dask_client
    cluster.close()


def test_dask_in_memory_equals_serial(corpus, serial, client):
    result = na.analyze(corpus, engine="dask", client=client, chunk_size=16, progress=False)
    assert result.meta["engine"] == "dask"
    assert_same_tables(serial, result)


def test_dask_store_equals_serial(tmp_path, corpus, serial, client):
    lazy = na.analyze(
        corpus, engine="dask", client=client, out=tmp_path / "r", chunk_size=16, progress=False
    )
    assert len(parts(tmp_path / "r", "articles")) == 4
    assert_same_tables(serial, lazy.to_analysis())


def test_dask_reads_a_folder_of_parquet_files(tmp_path, client):
    frame = synthetic_frame(30)
    folder = tmp_path / "in"
    folder.mkdir()
    for n, start in enumerate(range(0, 30, 10)):
        frame.iloc[start : start + 10].reset_index(drop=True).to_parquet(folder / f"day{n}.parquet")
    want = na.analyze(na.load(folder), engine="serial", progress=False)
    lazy = na.analyze(str(folder), engine="dask", client=client, out=tmp_path / "r", progress=False)
    assert_same_tables(want, lazy.to_analysis())


def test_dask_dataframe_input(tmp_path, client):
    import dask.dataframe as dd

    frame = synthetic_frame(24)
    frame["article_id"] = [f"n{i}" for i in range(len(frame))]
    ddf = dd.from_pandas(frame, npartitions=3)
    want = na.analyze(na.load_table(frame, id="article_id"), engine="serial", progress=False)
    got = na.analyze(ddf, engine="dask", client=client, progress=False)
    assert ddf.npartitions == 3
    assert_same_tables(want, got)  # paths name the row by its index, as load_table does


def test_dask_incremental(tmp_path, client):
    frame = synthetic_frame(20)
    na.analyze(
        na.load_table(frame.head(15)),
        engine="dask",
        client=client,
        out=tmp_path / "r",
        progress=False,
    )
    lazy = na.analyze(
        na.load_table(frame),
        engine="dask",
        client=client,
        out=tmp_path / "r",
        incremental=True,
        progress=False,
    )
    assert lazy.runs[-1]["articles_skipped"] == 15
    assert lazy.count("articles") == 20


@pytest.mark.slow
def test_engines_agree_on_click_id(client):
    path = shared_path("corpus", "click-id", "tribunnews.csv")
    loaded = na.load(path)
    corpus = na.Corpus(loaded.articles.head(300), loaded.errors)
    serial = na.analyze(corpus, engine="serial", progress=False)
    dask = na.analyze(corpus, engine="dask", client=client, chunk_size=64, progress=False)
    assert_same_tables(serial, dask)


# --------------------------------------------------------------------------- SQL aggregates


def _hand_made_analysis() -> na.Analysis:
    """Rows as the extractors produce them: two reports of one meeting, one other."""
    articles = pd.DataFrame(
        {
            "article_id": ["a", "b", "c"],
            "text": ["x", "y", "z"],
            "published": pd.to_datetime(["2019-09-09", "2019-09-10", "2019-10-02"]),
            "language": ["id"] * 3,
        }
    )
    meetings = pd.DataFrame(
        {
            "article_id": ["a", "b", "c", "c"],
            "meeting_id": ["a:m0", "b:m0", "c:m0", "c:m1"],
            "participants": [["Joko Widodo", "Scott Morrison"]] * 2
            + [["Joko Widodo", "Xi Jinping"], ["Joko Widodo", "Scott Morrison"]],
            "participant_ids": [["Q1", "Q2"], ["Q2", "Q1"], ["Q1", "Q3"], ["Q1", "Q2"]],
            "mode": ["in_person", "in_person", "phone", "in_person"],
            "status": ["happened", "happened", "happened", "planned"],
            "date_start": pd.to_datetime(["2019-09-09", "2019-09-09", None, "2019-11-01"]),
            "date_precision": ["day", "day", None, "month"],
        }
    )
    quotes = pd.DataFrame(
        {
            "article_id": ["a", "a", "b"],
            "quote_id": ["a:q0", "a:q1", "b:q0"],
            "speaker_id": ["Q1", "Q1", "Q2"],
            "speaker": ["Joko Widodo", "Joko Widodo", "Scott Morrison"],
            "sentiment": [0.5, -0.1, 0.0],
            "sentiment_label": ["positive", "neutral", "neutral"],
        }
    )
    mentions = pd.DataFrame(
        {"article_id": ["a", "a", "b", "c"], "actor_id": ["Q1", "Q2", "Q1", "Q3"]}
    )
    actors = pd.DataFrame(
        {
            "actor_id": ["Q1", "Q2", "Q3"],
            "name": ["Joko Widodo", "Scott Morrison", "Xi Jinping"],
            "aliases": [["Jokowi"], ["Morrison"], ["Xi"]],
        }
    )
    result = na.Analysis(
        articles=articles, meetings=meetings, quotes=quotes, mentions=mentions, actors=actors
    )
    from newsanalysis.dedup import assign_events

    result.meetings["event_id"] = assign_events(result.meetings)
    return result


@pytest.fixture(params=["saved", "store"])
def hand_made(request, tmp_path) -> na.LazyAnalysis:
    result = _hand_made_analysis()
    if request.param == "saved":
        result.save(tmp_path / "r")
    else:
        from newsanalysis.scale.runner import refresh_dedup
        from newsanalysis.scale.store import StoreWriter

        writer = StoreWriter(tmp_path / "r")
        writer.write_chunk(0, result)
        refresh_dedup(tmp_path / "r", "exact")
        writer.finish()
    return na.open_result(tmp_path / "r")


def test_meeting_frequency_counts_events_not_reports(hand_made):
    freq = hand_made.meeting_frequency("month")
    # September: one meeting reported twice; October: the undated call, dated by its article
    assert freq["meetings"].tolist() == [1, 1]
    assert [str(p)[:7] for p in freq["period"]] == ["2019-09", "2019-10"]
    rows = hand_made.meeting_frequency("month", per_event=False, status=None)
    assert rows["meetings"].tolist() == [2, 1, 1]


def test_network_edges_weight_distinct_events(hand_made):
    edges = hand_made.network_edges()
    as_dict = {(r.source, r.target): (r.weight, r.reports) for r in edges.itertuples()}
    assert as_dict == {("Q1", "Q2"): (1, 2), ("Q1", "Q3"): (1, 1)}
    everything = hand_made.network_edges(status=None)
    assert everything.set_index(["source", "target"]).loc[("Q1", "Q2"), "weight"] == 2


def test_sentiment_by_speaker_and_top_actors(hand_made):
    speakers = hand_made.sentiment_by_speaker().set_index("speaker_id")
    assert speakers.loc["Q1", "quotes"] == 2
    assert speakers.loc["Q1", "mean_sentiment"] == pytest.approx(0.2)
    assert speakers.loc["Q1", "positive"] == 1
    top = hand_made.top_actors()
    assert top["actor_id"].tolist()[0] == "Q1"
    assert top.set_index("actor_id").loc["Q1", "articles"] == 2
    assert hand_made.actor_ids("jokowi") == ["Q1"]
