"""Language packs: everything the extractors know about a language, as data.

One TOML file per language in this folder (``id.toml``, ``en.toml``, ...). Adding a
language is adding a file with the same sections; no code changes. Sections:

- ``[language]``     code, name
- ``[text]``         abbreviations (no sentence break after them), function words
- ``[boilerplate]``  patterns of credits, "More Stories" trailers, "Baca juga" lines
- ``[actors]``       titles/roles, pronouns, organisation words, metonyms
- ``[quotes]``       speech-cue verbs, attribution patterns
- ``[meetings]``     meeting vocabulary with modes, negation/modality markers
- ``[dates]``        month and weekday names, relative date words
- ``[sentiment]``    negators, intensifiers, contrast words

Users may point ``NEWSANALYSIS_LANG_PATH`` at a folder of their own packs; a pack there
overrides the shipped pack of the same code.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import tomllib

from ..errors import NewsAnalysisError

__all__ = ["LanguagePack", "get_pack", "all_packs", "available_languages"]

_HERE = Path(__file__).parent


class LanguagePack(dict):
    """A language pack: a dict of TOML sections with a ``code`` attribute."""

    @property
    def code(self) -> str:
        return self["language"]["code"]

    def words(self, section: str, key: str) -> list[str]:
        """A list from the pack, empty if absent (e.g. ``pack.words("quotes", "cues")``)."""
        return list(self.get(section, {}).get(key, []))


def _pack_dirs() -> list[Path]:
    dirs = [_HERE]
    extra = os.environ.get("NEWSANALYSIS_LANG_PATH")
    if extra:
        dirs.extend(Path(p) for p in extra.split(os.pathsep) if p)
    return dirs


@cache
def _load_all() -> dict[str, LanguagePack]:
    packs: dict[str, LanguagePack] = {}
    for folder in _pack_dirs():
        for path in sorted(folder.glob("*.toml")):
            try:
                data = tomllib.loads(path.read_text(encoding="utf-8"))
            except tomllib.TOMLDecodeError as exc:
                raise NewsAnalysisError(f"language pack {path}: invalid TOML: {exc}") from exc
            if "language" not in data or "code" not in data["language"]:
                raise NewsAnalysisError(f"language pack {path}: missing [language] code")
            packs[data["language"]["code"]] = LanguagePack(data)
    return packs


def available_languages() -> list[str]:
    """Codes of the installed language packs."""
    return sorted(_load_all())


def all_packs() -> list[LanguagePack]:
    return [_load_all()[code] for code in available_languages()]


def get_pack(code: str | None) -> LanguagePack | None:
    """The pack for ``code`` ("id", "en"), or None when there is none (e.g. "other")."""
    if not code:
        return None
    return _load_all().get(code)
