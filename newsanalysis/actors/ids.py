"""Stable actor ids: the Wikidata id when there is one, else a typed slug of the name."""

from __future__ import annotations

import re
import unicodedata

#: type -> id prefix of actors without a Wikidata id
PREFIXES = {"person": "per", "organisation": "org", "country": "cty", "group": "grp"}


def slug(name: str) -> str:
    """``"Wang Wenbin"`` -> ``"wang-wenbin"`` (accents dropped, ASCII letters and digits)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "x"


def make_actor_id(type_: str, name: str, wikidata_id: str | None = None) -> str:
    """The id of an actor: ``Q7747`` or ``per:wang-wenbin`` / ``org:kremlin``."""
    if wikidata_id and re.fullmatch(r"Q\d+", str(wikidata_id)):
        return str(wikidata_id)
    return f"{PREFIXES.get(type_, 'per')}:{slug(name)}"
