"""Scorers against gold data: each module runs as ``python -m newsanalysis.evaluate.<name>``
and prints precision, recall and F1. Gold from ``../shared`` is read at run time and never
copied into the repository."""

from __future__ import annotations

from pathlib import Path

#: default location of the shared evaluation data (next to the repository)
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


def shared_dir(override: str | None = None) -> Path:
    """The shared data folder: ``override``, ``$NEWSANALYSIS_SHARED`` or ``../shared``."""
    import os

    path = Path(override or os.environ.get("NEWSANALYSIS_SHARED") or SHARED).resolve()
    if not path.is_dir():
        raise SystemExit(f"shared evaluation data not found at {path} (set NEWSANALYSIS_SHARED)")
    return path


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts (0.0 where undefined)."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
