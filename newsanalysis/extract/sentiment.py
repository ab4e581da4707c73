"""Quote sentiment (placeholder until the sentiment issue lands)."""

from __future__ import annotations

from collections.abc import Sequence


def score_texts(texts: Sequence[str], language: str) -> list[tuple[float, str]]:
    """``(score in -1..1, label)`` for each text."""
    return [(0.0, "neutral") for _ in texts]
