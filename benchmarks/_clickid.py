"""CLICK-ID articles as cleaned Documents, for the date benchmarks and coverage counts."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd

import newsanalysis as na
from newsanalysis.clean import clean_text
from newsanalysis.document import Document

ROOT = Path(__file__).resolve().parents[1]
CLICK_ID = ROOT.parent / "shared" / "corpus" / "click-id"
FILES = ("kompas.xlsx", "okezone.xlsx", "sindonews.xlsx", "tribunnews.csv")


def click_id_articles(limit: int | None = None, files=FILES) -> pd.DataFrame:
    """The CLICK-ID articles as loaded (raw text), ``limit`` of them spread evenly over
    the files (all when None)."""
    if not CLICK_ID.is_dir():
        raise SystemExit(f"CLICK-ID not found at {CLICK_ID} (needs ../shared)")
    per_file = None if limit is None else -(-limit // len(files))
    with warnings.catch_warnings():  # the other sheets (clickbait labels) are not articles
        warnings.simplefilter("ignore", UserWarning)
        frames = [na.load(str(CLICK_ID / name)).articles.head(per_file) for name in files]
    articles = pd.concat(frames, ignore_index=True)
    return articles if limit is None else articles.head(limit)


def click_id_documents(limit: int | None = None, files=FILES) -> list[Document]:
    """Cleaned Indonesian Documents of the CLICK-ID files (see :func:`click_id_articles`)."""
    docs: list[Document] = []
    for row in click_id_articles(limit, files).itertuples(index=False):
        text = clean_text(row.text or "").text
        published = None if pd.isna(row.published) else pd.Timestamp(row.published).date()
        docs.append(Document(str(row.article_id), text, "id", published))
    return docs
