"""Quotes and their speakers: direct, partial and indirect speech.

``extract_quotes(doc)`` returns the rows of the ``quotes`` table for one article (all
columns but ``article_id``, ``quote_id`` and the sentiment ones, which the pipeline
fills). The work is split in small modules:

- :mod:`.quote_lexicon`: the ``[quotes]`` language data, compiled once per language;
- :mod:`.quote_marks`: quoted passages from the quotation marks alone (curly, straight,
  guillemets, ``''``; quotes over several paragraphs; unpaired marks);
- :mod:`.quote_phrases`: speaker phrases next to a cue (names, roles, appositions);
- :mod:`.quote_attribution`: the kind of each quotation, its cue and where its speaker
  is written; :mod:`.quote_indirect`: indirect speech without marks;
- :mod:`.quote_speakers`: the speaker phrase mapped to an actor (``doc.mentions``,
  :func:`~newsanalysis.actors.resolve_reference`), else a cleaned name.

Language knowledge (cue verbs, pronouns, speaker words) lives in the ``[quotes]``
section of ``lang/<code>.toml``. An article in a language without one yields no quotes.
"""

from __future__ import annotations

from typing import Any

from ..document import Document
from .quote_attribution import Attribution, AttributionFinder
from .quote_lexicon import lexicon
from .quote_speakers import SpeakerResolver

__all__ = ["extract_quotes"]


def extract_quotes(doc: Document) -> list[dict[str, Any]]:
    """Quotes of ``doc``: dicts with the ``quotes`` columns except article_id and sentiment.

    Besides the contract columns each row has ``speaker_start``/``speaker_end`` (where
    the speaker is written; for an inherited speaker, the earlier phrase) and
    ``cue_start``/``cue_end``, all offsets into ``doc.text``.
    """
    lex = lexicon(doc.language)
    if lex is None or not doc.text:
        return []
    finder = AttributionFinder(doc, lex)
    attributions = finder.run()
    resolver = SpeakerResolver(doc, lex, finder.in_quote)
    rows = []
    for attribution in attributions:
        speaker = resolver.resolve(attribution)
        cue = attribution.cue
        rows.append(
            {
                "text": _quote_text(doc.text, attribution),
                "start": attribution.start,
                "end": attribution.end,
                "kind": attribution.kind,
                "speaker": speaker.name,
                "speaker_id": speaker.actor_id,
                "speaker_surface": speaker.surface,
                "cue": cue.text(doc.text) if cue is not None else None,
                "speaker_start": speaker.start,
                "speaker_end": speaker.end,
                "cue_start": cue.start if cue is not None else None,
                "cue_end": cue.end if cue is not None else None,
            }
        )
    return rows


def _quote_text(text: str, attribution: Attribution) -> str:
    """The words said: pieces in one paragraph joined by a space, paragraphs by a newline."""
    out = []
    previous_end = None
    for start, end in attribution.pieces:
        if previous_end is not None:
            out.append("\n" if "\n" in text[previous_end:start] else " ")
        out.append(text[start:end])
        previous_end = end
    return "".join(out)
