"""Actors: the knowledge base, in-document discovery, and resolution of references.

``find_mentions(doc, kb)`` fills ``doc.mentions`` and ``doc.actors``;
``resolve_reference(doc, start, end)`` resolves a pronoun or role phrase at a place in
the text ("ia", "he", "the spokesman", "kedua pemimpin") to the actor(s) it stands for.
"""

from __future__ import annotations

from .kb import KnowledgeBase, load_kb
from .references import resolve_reference
from .resolve import find_mentions

__all__ = ["KnowledgeBase", "load_kb", "find_mentions", "resolve_reference"]
