"""scripts/meetings_agreement.py: two annotations of the same sentences compared with the
meetings scorer's matching (no extractor is run)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location(
    "meetings_agreement", ROOT / "scripts" / "meetings_agreement.py"
)
agreement_script = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(agreement_script)


def _event(participants, status="happened", mode="in_person", date=None, precision=None):
    return {
        "participants": participants,
        "host": None,
        "mode": mode,
        "status": status,
        "date_start": date,
        "date_end": None,
        "precision": precision,
        "location": None,
        "count": None,
    }


def _record(gid, events=(), reason=None, language="id"):
    return {
        "gid": gid,
        "split": "test9",
        "language": language,
        "events": list(events),
        "reason": None if events else reason,
    }


A = [
    # named alternatives on both sides: B's alias "Jokowi" is one of A's alternatives
    _record(
        "s:1",
        [
            _event(
                ["Joko Widodo|Jokowi", "Prabowo Subianto|Prabowo"],
                date="2019-10-11",
                precision="day",
            )
        ],
    ),
    # an optional participant in A; B's extra optional one is left out
    _record("s:2", [_event(["Retno Marsudi|Retno", "Wang Yi", "?China"], mode="talks")]),
    # B lists a participant A does not: a false positive and a miss
    _record("s:3", [_event(["Ma'ruf Amin", "Bambang Soesatyo|Bamsoet"])]),
    # same actors, different status: no match for P/R, a status disagreement
    _record("s:4", [_event(["Xi Jinping", "Vladimir Putin|Putin"], status="planned")]),
    _record("s:5", reason="anaphoric"),
    _record("s:6", reason="idiom"),
    _record("s:7", reason="press", language="en"),
    # B's name is only an alias of A's: found through B's alternatives
    _record("s:8", [_event(["Bambang Soesatyo", "Ma'ruf Amin|KH Ma'ruf Amin"])]),
]
B = [
    _record(
        "s:1",
        [
            _event(
                ["Presiden Jokowi|Jokowi", "Prabowo Subianto"], date="2019-10-11", precision="day"
            )
        ],
    ),
    _record(
        "s:2", [_event(["Retno Marsudi", "Wang Yi|Menlu Wang Yi", "?Kemlu"], mode="in_person")]
    ),
    _record("s:3", [_event(["Ma'ruf Amin", "Bambang Soesatyo", "Puan Maharani"])]),
    _record("s:4", [_event(["Xi Jinping", "Putin"], status="hypothetical")]),
    _record("s:5", reason="anaphoric"),
    _record("s:6", reason="no_interaction"),
    _record("s:7", [_event(["Hillary Clinton", "Bernie Sanders"], mode="phone")], language="en"),
    _record("s:8", [_event(["Bamsoet|Bambang Soesatyo", "KH Ma'ruf Amin"])]),
]


def test_events_are_matched_with_the_scorers_participant_rules():
    s = agreement_script.agreement(A, B)
    # s:1, s:2 and s:8 match; s:3 (extra participant) and s:7 (B only) are false positives;
    # s:3 and s:4 (planned in A, hypothetical in B) are misses
    assert (s["tp"], s["fp"], s["fn"]) == (3, 2, 2)
    assert s["dates"] == 3  # s:1 same day; s:2 and s:8 undated on both sides
    assert s["modes"] == 2  # s:2 talks / in_person


def test_status_is_compared_over_events_paired_by_participants():
    s = agreement_script.agreement(A, B)
    assert s["paired"] == 4  # s:1, s:2, s:4, s:8 (s:3 has an extra participant)
    assert s["status_same"] == 3
    assert s["status_diff"] == {("planned", "hypothetical"): 1}


def test_empty_sentences_and_reasons():
    s = agreement_script.agreement(A, B)
    assert s["sentences"]["both have events"] == 5
    assert s["sentences"]["only B has events"] == 1
    assert s["both_empty"] == 2 and s["same_reason"] == 1
    assert -1.0 <= s["kappa"] < 1.0


def test_identical_annotations_agree_fully_and_a_missing_record_is_empty():
    s = agreement_script.agreement(A, A)
    assert (s["fp"], s["fn"]) == (0, 0) and s["kappa"] == pytest.approx(1.0)
    missing = agreement_script.agreement(A, A[:-1])
    assert missing["missing"] == 1 and missing["sentences"]["both empty"] == 3


def test_a_wrong_alias_does_not_match():
    wrong = [_record("s:1", [_event(["Joko Susilo", "Prabowo Subianto"])])]
    s = agreement_script.agreement(A[:1], wrong)
    assert (s["tp"], s["fp"], s["fn"]) == (0, 1, 1)


def test_command_line_on_two_files(tmp_path, capsys):
    a_path, b_path = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    for path, records in ((a_path, A), (b_path, B)):
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    assert agreement_script.main([str(b_path), "--a", str(a_path), "--split", "test9"]) == 0
    out = capsys.readouterr().out
    assert "[test9] happened+planned events, B against A: P=0.600 R=0.600 F1=0.600" in out
    assert "[test9/en]" in out and "[test9/id]" in out
