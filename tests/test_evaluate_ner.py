"""The idNER scorer (newsanalysis/evaluate/ner.py)."""

from __future__ import annotations

from pathlib import Path

from conftest import shared_path

from newsanalysis.evaluate import ner

CONLL = """\
Presiden PROPN O
Joko PROPN B-PER
Widodo PROPN I-PER
bertemu VERB O
Ketua NOUN O
KPK PROPN B-ORG
Agus PROPN B-PER
Rahardjo PROPN I-PER
di ADP O
Jakarta PROPN B-LOC
. PUNCT O

kata VERB O
Eva PROPN I-PER
. PUNCT O
"""


def test_reads_sentences_and_bio_entities(tmp_path: Path):
    path = tmp_path / "mini.txt"
    path.write_text(CONLL, encoding="utf-8")
    sentences = ner.read_conll(path)
    assert len(sentences) == 2
    assert sentences[0].text.startswith("Presiden Joko Widodo")
    assert ner.gold_entities(sentences[0]) == {("PER", 1, 2), ("ORG", 5, 5), ("PER", 6, 7)}
    # an entity may start with I- (annotation slips): still one entity
    assert ner.gold_entities(sentences[1]) == {("PER", 1, 1)}


def test_scores_exact_and_overlap(tmp_path: Path):
    path = tmp_path / "mini.txt"
    path.write_text(CONLL, encoding="utf-8")
    result = ner.score(ner.read_conll(path))
    exact = result["counts"][("exact", "PER")]
    assert exact["tp"] + exact["fn"] == 3  # three gold people
    assert result["counts"][("exact", "ORG")]["tp"] == 1  # KPK from the knowledge base
    assert exact["tp"] >= 2  # Joko Widodo (KB) and Eva (after "kata")


def test_dev_split_runs_and_reports(capsys):
    path = shared_path("eval", "ner", "idner-news-2k", "dev.txt")
    ner.main(["--path", str(path)])
    out = capsys.readouterr().out
    assert "exact    all" in out and "overlap  PER" in out
