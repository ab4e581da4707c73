"""scripts/meetings_row_changes.py: meeting rows of a CLICK-ID-shaped file, compared by
count between two versions of the package."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location(
    "meetings_row_changes", ROOT / "scripts" / "meetings_row_changes.py"
)
row_changes = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(row_changes)

CSV = (
    "title,source,date,time,category,sub-category,content,url\n"
    '"Jokowi Bertemu Prabowo",tribunnews.com,10-Sep-19,23:04,Nasional,Nasional,'
    '"Presiden Joko Widodo bertemu Prabowo Subianto di Istana Merdeka, Jakarta, '
    'Senin (9/9/2019). Jokowi tidak bertemu Megawati Soekarnoputri.",http://x/1\n'
    '"Cuaca",tribunnews.com,10-Sep-19,23:05,Nasional,Nasional,'
    '"Hujan turun di Jakarta sepanjang hari.",http://x/2\n'
)


def test_rows_of_a_click_id_file_with_this_checkout(tmp_path):
    (tmp_path / "mini.csv").write_text(CSV, encoding="utf-8")
    rows = row_changes.rows_of(str(ROOT), ["mini.csv"], tmp_path)["mini.csv"]
    assert sorted((r[2], sorted(r[3])) for r in rows) == [
        ("happened", ["Joko Widodo", "Prabowo Subianto"]),
        ("negated", ["Joko Widodo", "Megawati Soekarnoputri"]),
    ]
