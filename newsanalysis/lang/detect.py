"""Language of an article: a language-pack code ("id", "en", ...) or "other".

Two signals, both offline: the share of each pack's function words (reliable from a
handful of words for the languages we have packs for), and py3langid's classifier
(shipped inside its wheel) to tell "some other language" apart. Malay is reported as
Indonesian: the two share their function words and our rules work on both.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import all_packs

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_ALIASES = {"ms": "id"}  # langid code -> pack code
_SAMPLE_CHARS = 4000


#: other names of the languages we have packs for (ISO 639-2/3 codes, old codes, names)
_LANGUAGE_NAMES = {
    "in": "id",
    "ind": "id",
    "indonesian": "id",
    "bahasa indonesia": "id",
    "eng": "en",
    "english": "en",
}


def normalize_language(value) -> str | None:
    """A language code as the packs name it (``"id-ID"`` -> ``"id"``, ``"English"`` ->
    ``"en"``); ``"other"`` for a language without a pack; None for no value."""
    if value is None or not isinstance(value, str) or not value.strip():
        return None
    key = value.strip().lower().replace("_", "-")
    key = _LANGUAGE_NAMES.get(key, key)
    code = _LANGUAGE_NAMES.get(key.split("-")[0], key.split("-")[0])
    if code == "other" or code in _function_words():
        return code
    if code == "auto":
        return None
    return "other" if len(code) in (2, 3) or key.isalpha() else None


@lru_cache(maxsize=1)
def _function_words() -> dict[str, frozenset[str]]:
    return {pack.code: frozenset(pack.words("text", "function_words")) for pack in all_packs()}


@lru_cache(maxsize=1)
def _identifier():
    from py3langid import langid

    return langid._get_identifier()


def detect_language(text: str | None) -> str:
    """Best guess of the language of ``text``: a pack code or ``"other"``."""
    if not text or not text.strip():
        return "other"
    sample = text[:_SAMPLE_CHARS]
    words = [w.lower() for w in _WORD.findall(sample)]
    if not words:
        return "other"
    shares = {
        code: sum(1 for w in words if w in vocab) / len(words)
        for code, vocab in _function_words().items()
    }
    ranked = sorted(shares.items(), key=lambda kv: kv[1], reverse=True)
    best, best_share = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    # running text in a packed language has 20-45 % function words; other languages far less
    if len(words) >= 6 and best_share >= 0.12 and best_share >= 2 * runner_up:
        return best
    code, _probability = _identifier().classify(sample)
    code = _ALIASES.get(code, code)
    if code in shares:
        return code
    if len(words) < 6 and best_share > 0 and best_share > runner_up:
        return best
    return "other"
