"""Finding and resolving actor mentions (placeholder until the actors issue lands)."""

from __future__ import annotations

from ..document import Document, Mention
from .kb import KnowledgeBase


def find_mentions(doc: Document, kb: KnowledgeBase) -> None:
    """Fill ``doc.mentions`` (sorted by start) and ``doc.actors``."""
    doc.mentions = []


def resolve_reference(doc: Document, start: int, end: int) -> list[Mention]:
    """The actor mention(s) a pronoun / role phrase at ``[start, end)`` refers to."""
    return []
