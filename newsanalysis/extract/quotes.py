"""Quotes and their speakers (placeholder until the quotes issue lands)."""

from __future__ import annotations

from typing import Any

from ..document import Document


def extract_quotes(doc: Document) -> list[dict[str, Any]]:
    """Quotes of ``doc``: dicts with the ``quotes`` columns except article_id and sentiment."""
    return []
