"""The seed actor scorer (newsanalysis/evaluate/seed_actors.py) on the seed article."""

from __future__ import annotations

from conftest import SHARED, shared_path

from newsanalysis.evaluate import seed_actors


def test_seed_actors_found_resolved_and_credit_absent():
    shared_path("eval", "seed_gold.json")
    out = seed_actors.evaluate(str(SHARED), verbose=False)
    assert out["missing_actors"] == []
    precision, recall, f1, *_ = out["surfaces"]
    assert recall > 0.9 and precision > 0.9
    assert all(absent for _, absent in out["not_actors_absent"])  # Anna Chernova
    ok, total, _ = out["country"]
    assert ok == total


def test_seed_people_are_discovered_without_the_knowledge_base():
    shared_path("eval", "seed_gold.json")
    out = seed_actors.evaluate(str(SHARED), verbose=False, discover=True)
    assert out["missing_actors"] == []
    assert out["surfaces"][1] > 0.9  # recall
    ok, total, _ = out["country"]
    assert ok == total
