"""The date scorer: matching rules, and the gold files it reads."""

from __future__ import annotations

import json
from datetime import date

import pytest
from conftest import shared_path

from newsanalysis.document import Document
from newsanalysis.evaluate.dates import GOLD, Score, _gold_interval, score_item, score_pfsa


def _item(text: str, dates: list[dict]) -> dict:
    return {"id": "t", "text": text, "dates": dates}


def test_score_item_counts_detection_and_resolution():
    text = "Rapat digelar Selasa (10/9/2019) dan dilanjutkan besok."
    gold = [
        {
            "text": "Selasa (10/9/2019)",
            "start": 14,
            "end": 32,
            "date_start": "2019-09-10",
            "date_end": "2019-09-10",
            "precision": "day",
        },
        {
            "text": "besok",
            "start": 49,
            "end": 54,
            "date_start": "2019-09-12",
            "date_end": "2019-09-12",
            "precision": "day",
        },
    ]
    score = Score()
    doc = Document("t", text, "id", date(2019, 9, 10))
    score_item(_item(text, gold), doc, (0, len(text)), 0, score)
    # "besok" resolves to 11 September, not the (deliberately wrong) gold 12th
    assert (score.gold, score.found, score.detected, score.resolved) == (2, 2, 2, 1)
    assert any("besok" in e for e in score.errors)


def test_score_item_counts_spurious_and_missed():
    text = "Tahun lalu dia datang."
    score = Score()
    score_item(
        _item(text, []), Document("t", text, "id", date(2019, 9, 10)), (0, len(text)), 0, score
    )
    assert (score.gold, score.found, score.detected) == (0, 1, 0)
    lines = score.lines("x")
    assert "P 0.000" in lines[1]


def test_seed_gold_months_become_intervals():
    assert _gold_interval({"date_start": "2022-02", "precision": "month"}) == (
        "2022-02-01",
        "2022-02-28",
        "month",
    )
    assert _gold_interval(
        {"date_start": "2023-03-20", "date_end": "2023-03-22", "precision": "day"}
    ) == ("2023-03-20", "2023-03-22", "day")


@pytest.mark.parametrize("name", ["click-id", "polnear"])
def test_gold_files_are_consistent(name):
    for line in (GOLD / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        assert item["split"] in ("dev", "test")
        for d in item["dates"]:
            assert d["precision"] in ("day", "month", "year")
            assert date.fromisoformat(d["date_start"]) <= date.fromisoformat(d["date_end"])
            if "text" in item:
                assert item["text"][d["start"] : d["end"]] == d["text"]


def test_polnear_gold_offsets_point_at_the_expressions():
    root = shared_path("eval", "polnear")
    for line in (GOLD / "polnear.jsonl").read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        text = (root / item["source"].split(" ", 1)[1]).read_text(encoding="utf-8")
        for d in item["dates"]:
            assert text[d["start"] : d["end"]] == d["text"]


def test_pfsa_datetime_spans_are_found_with_their_day():
    shared = shared_path("eval", "pfsa-id").parent.parent
    gold, found, right, _ = score_pfsa(shared)
    assert gold > 100
    # the only misses allowed: spans without a year (no publication date to place them)
    assert found >= gold - 5
    assert right >= found - 3  # a few spans lack a year: their day is not compared
