"""Language of an article: a language-pack code ("id", "en", ...) or "other".

Two signals, both offline:

1. The share of each pack's function words (``[text] function_words``): running text in
   a packed language is 20-45 % function words, so from six words on a clear winner
   decides.
2. Otherwise py3langid's classifier (its model ships inside the wheel), as normalised
   probabilities. Its codes map to packs by ``[text] langid_codes`` (Malay is reported
   as Indonesian). Short texts are where it errs: a headline or a one-word comment in
   Indonesian often comes out as Javanese or even Finnish. So a pack language still
   wins when the classifier is unsure (top probability below :data:`CONFIDENT`) or
   when the top language is a relative listed in ``[text] langid_related``, provided the
   pack language has at least :data:`FAIR_SHARE` of the top probability.

Measured by ``python -m newsanalysis.evaluate.language`` (NusaX, SmSA, PolNeAR titles
and articles, CLICK-ID headlines, and other languages).
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import all_packs

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_SAMPLE_CHARS = 4000
#: below this top probability the classifier is "unsure"
CONFIDENT = 0.5
#: share of the top probability a pack language needs to win over an unsure or related top
FAIR_SHARE = 0.25


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
    # another ISO 639 code ("fr", "jav") or a language name ("French"): no pack
    return "other" if re.fullmatch(r"[a-z]{2,3}|[a-z ]{4,30}", key) else None


@lru_cache(maxsize=1)
def _function_words() -> dict[str, frozenset[str]]:
    return {pack.code: frozenset(pack.words("text", "function_words")) for pack in all_packs()}


@lru_cache(maxsize=1)
def _langid_codes() -> tuple[dict[str, str], dict[str, str]]:
    """py3langid code -> pack code, for the pack's own codes and for related languages."""
    own: dict[str, str] = {}
    related: dict[str, str] = {}
    for pack in all_packs():
        for code in pack.words("text", "langid_codes") or [pack.code]:
            own[code] = pack.code
        for code in pack.words("text", "langid_related"):
            related[code] = pack.code
    return own, related


@lru_cache(maxsize=1)
def _identifier():
    from py3langid import langid
    from py3langid.langid import LanguageIdentifier

    model = langid.MODEL_FILE
    return LanguageIdentifier.from_model_file(model, norm_probs=True)


def detect_language(text: str | None) -> str:
    """Best guess of the language of ``text``: a pack code or ``"other"``."""
    if not text or not text.strip():
        return "other"
    sample = text[:_SAMPLE_CHARS]
    words = list(map(str.lower, _WORD.findall(sample)))
    if not words:
        return "other"
    shares = {
        code: sum(map(vocab.__contains__, words)) / len(words)
        for code, vocab in _function_words().items()
    }
    ranked = sorted(shares.items(), key=lambda kv: kv[1], reverse=True)
    best, best_share = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    if len(words) >= 6 and best_share >= 0.12 and best_share >= 2 * runner_up:
        return best
    own, related = _langid_codes()
    probabilities = dict(_identifier().rank(sample))
    top, top_probability = max(probabilities.items(), key=lambda kv: kv[1])
    if top in own:
        return own[top]
    by_pack: dict[str, float] = {}
    for code, pack_code in own.items():
        by_pack[pack_code] = by_pack.get(pack_code, 0.0) + probabilities.get(code, 0.0)
    pack_code, pack_probability = max(by_pack.items(), key=lambda kv: kv[1])
    fair = pack_probability >= FAIR_SHARE * top_probability
    if (
        related.get(top) is not None
        and by_pack.get(related[top], 0.0) >= FAIR_SHARE * top_probability
    ):
        return related[top]
    if top_probability < CONFIDENT and fair:
        return pack_code
    if len(words) < 6 and best_share > runner_up:
        return best
    return "other"
