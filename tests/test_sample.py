"""The bundled sample: found from anywhere, analysed once, then read from the cache."""

import os

import pytest
from demo_analysis import make_demo_analysis

import newsanalysis as na
from newsanalysis import sample


@pytest.fixture
def tiny_sample(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Presiden Joko Widodo bertemu Perdana Menteri Malaysia di Jakarta, Senin (9/9/2019).",
        encoding="utf-8",
    )
    monkeypatch.setenv("NEWSANALYSIS_SAMPLE", str(folder))
    monkeypatch.setenv("NEWSANALYSIS_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("NEWSANALYSIS_SAMPLE_RESULT", raising=False)
    return folder


def test_load_sample_analyses_once_then_reads_the_cache(tiny_sample, tmp_path, capsys, monkeypatch):
    first = na.load_sample()
    assert len(first.articles) == 1
    assert "analysed 1 articles" in capsys.readouterr().out
    cached = list((tmp_path / "cache" / "sample").iterdir())
    assert len(cached) == 1 and (cached[0] / "articles.parquet").is_file()

    def fail(*args, **kwargs):
        raise AssertionError("should not analyse again")

    monkeypatch.setattr("newsanalysis.pipeline.analyze", fail)
    again = na.load_sample()
    assert "cached analysis" in capsys.readouterr().out
    assert again.articles["text"].tolist() == first.articles["text"].tolist()


def test_a_changed_sample_gets_a_fresh_analysis(tiny_sample):
    before = sample.fingerprint(tiny_sample)
    (tiny_sample / "b.txt").write_text("Another article about Jokowi.", encoding="utf-8")
    assert sample.fingerprint(tiny_sample) != before
    assert len(na.load_sample(quiet=True).articles) == 2


def test_prepared_result_replaces_the_sample(tmp_path, monkeypatch):
    saved = make_demo_analysis().save(tmp_path / "demo")
    monkeypatch.setenv("NEWSANALYSIS_SAMPLE_RESULT", str(saved))
    assert len(na.load_sample().meetings) == 16


def test_missing_override_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSANALYSIS_SAMPLE", str(tmp_path / "nope"))
    with pytest.raises(na.NewsAnalysisError, match="NEWSANALYSIS_SAMPLE points at"):
        na.sample_path()


def test_sample_path_is_found_from_the_notebooks_folder(monkeypatch):
    monkeypatch.delenv("NEWSANALYSIS_SAMPLE", raising=False)
    monkeypatch.chdir(sample.REPO / "notebooks")
    try:
        path = na.sample_path()
    except na.NewsAnalysisError:
        pytest.skip("no data/ in this checkout and no ../shared seed")
    assert path.is_dir() and os.listdir(path)
