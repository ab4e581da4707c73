"""Meetings between actors (placeholder until the meetings issue lands)."""

from __future__ import annotations

from typing import Any

from ..document import Document


def extract_meetings(doc: Document) -> list[dict[str, Any]]:
    """Meetings of ``doc``: dicts with the ``meetings`` columns except article_id."""
    return []
