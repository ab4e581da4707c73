"""scripts/meetings_unlabelled_sample.py: leaving out the articles whose rows were already
judged (``--exclude-judged``)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pandas as pd
from conftest import shared_path

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location(
    "meetings_unlabelled_sample", ROOT / "scripts" / "meetings_unlabelled_sample.py"
)
sample = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(sample)


def _judged_csvs(tmp_path: Path) -> list[Path]:
    first = tmp_path / "round6.csv"
    first.write_text(
        "article_id,section,title,participants,trigger,evidence,right,note\n"
        "kompas:3112,Money/Rilis,t,A; B,bertemu,e,1,\n"
        "sindonews:116,International/eropa,t,C; D,pertemuan,e,0,own meeting\n",
        encoding="utf-8",
    )
    second = tmp_path / "new_rows.csv"
    second.write_text(
        "article_id,participants,trigger,right,note\nokezone:2247,E; F,pertemuan,1,\n",
        encoding="utf-8",
    )
    return [first, second]


def test_judged_ids_gathers_every_file(tmp_path):
    assert sample.judged_ids(_judged_csvs(tmp_path)) == {
        "kompas:3112",
        "sindonews:116",
        "okezone:2247",
    }
    assert sample.judged_ids([]) == set()


def test_drop_articles_leaves_out_only_the_judged_ids(tmp_path):
    articles = pd.DataFrame(
        {
            "article_id": ["kompas:3112", "kompas:311", "okezone:2247", "sindonews:1160"],
            "title": ["a", "b", "c", "d"],
        }
    )
    kept = sample.drop_articles(articles, sample.judged_ids(_judged_csvs(tmp_path)))
    assert kept["article_id"].tolist() == ["kompas:311", "sindonews:1160"]


def test_cli_passes_the_judged_ids_to_the_draw(tmp_path, monkeypatch):
    seen = {}

    def fake_sample(per_source, seed, exclude_seed=None, exclude_ids=None):
        seen["ids"] = exclude_ids
        return pd.DataFrame({"article_id": ["kompas:1"]})

    monkeypatch.setattr(sample, "sample_articles", fake_sample)
    monkeypatch.setattr(sample, "happened_rows", lambda articles: pd.DataFrame(columns=sample.KEY))
    out = tmp_path / "out.csv"
    csvs = [str(p) for p in _judged_csvs(tmp_path)]
    assert sample.main(["--out", str(out), "--exclude-judged", *csvs]) == 0
    assert seen["ids"] == {"kompas:3112", "sindonews:116", "okezone:2247"}


def test_sample_articles_never_draws_an_excluded_article():
    shared_path("corpus", "click-id", "kompas.xlsx")
    first = sample.sample_articles(50, seed=59)
    excluded = set(first["article_id"].iloc[::2])
    again = sample.sample_articles(50, seed=59, exclude_ids=excluded)
    assert len(again) == len(first)
    assert not excluded & set(again["article_id"])
