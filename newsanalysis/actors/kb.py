"""The actor knowledge base (placeholder until the actors issue lands)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..document import Actor


@dataclass
class KnowledgeBase:
    """Known actors with their aliases and dated roles."""

    actors: dict[str, Actor] = field(default_factory=dict)


def load_kb(user_tables=None) -> KnowledgeBase:
    """The shipped knowledge base, with the user's tables taking precedence."""
    return KnowledgeBase()
