"""The :class:`Corpus`: loaded articles plus every input that could not be loaded."""

from __future__ import annotations

import html
from dataclasses import dataclass, field

import pandas as pd

from ..schema import conform, empty_table

#: columns of ``Corpus.articles`` (raw text, before cleaning); extra metadata may follow
CORPUS_COLUMNS = ["article_id", "title", "text", "published", "language", "source", "url", "path"]
#: columns of ``Corpus.skipped``
SKIPPED_COLUMNS = ["input", "reason"]


@dataclass
class Corpus:
    """Articles as loaded (``articles``) and the inputs that failed (``errors``).

    ``articles.text`` is the text as read; cleaning happens in :func:`newsanalysis.analyze`.
    Every input is in ``articles`` or in ``errors``: error rows without an ``article_id``
    are inputs that did not load; rows with one are problems of a loaded article (e.g. an
    unreadable date). ``skipped`` lists parts of inputs left out on purpose (a
    workbook's other sheets), with how to read them.
    """

    articles: pd.DataFrame = field(default_factory=lambda: _empty_articles())
    errors: pd.DataFrame = field(default_factory=lambda: empty_table("errors"))
    skipped: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=SKIPPED_COLUMNS))

    def __post_init__(self) -> None:
        self.articles = _conform_articles(self.articles)
        self.errors = conform("errors", self.errors)
        if self.skipped is None:
            self.skipped = pd.DataFrame(columns=SKIPPED_COLUMNS)

    def __len__(self) -> int:
        return len(self.articles)

    def __add__(self, other: Corpus) -> Corpus:
        return Corpus(
            pd.concat([self.articles, other.articles], ignore_index=True),
            pd.concat([self.errors, other.errors], ignore_index=True),
            pd.concat([self.skipped, other.skipped], ignore_index=True),
        )

    def __repr__(self) -> str:
        skipped = f", {len(self.skipped)} skipped" if len(self.skipped) else ""
        return f"Corpus({len(self.articles)} articles, {len(self.errors)} errors{skipped})"

    def _repr_html_(self) -> str:
        head = self.articles[["article_id", "title", "published", "language", "source"]].head(10)
        errors = (
            f"<p>{len(self.errors)} inputs could not be loaded: see <code>.errors</code></p>"
            if len(self.errors)
            else ""
        )
        skipped = "".join(
            f"<p>not read: {html.escape(row.input)}: {html.escape(row.reason)}</p>"
            for row in self.skipped.itertuples(index=False)
        )
        return (
            f"<p><b>Corpus</b>: {len(self.articles)} articles</p>"
            f"{head.to_html(index=False)}{errors}{skipped}"
        )


def _empty_articles() -> pd.DataFrame:
    table = empty_table("articles")
    return table[CORPUS_COLUMNS]


def _conform_articles(frame: pd.DataFrame) -> pd.DataFrame:
    table = conform("articles", frame)
    extra = [c for c in table.columns if c not in CORPUS_COLUMNS]
    # the cleaning columns belong to Analysis.articles, not to the raw corpus
    extra = [c for c in extra if c not in ("raw_text", "offsets", "content_hash", "duplicate_of")]
    return table[CORPUS_COLUMNS + extra]
