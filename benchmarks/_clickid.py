"""CLICK-ID articles as cleaned Documents, for the date benchmarks and coverage counts."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

import newsanalysis as na
from newsanalysis.clean import clean_text
from newsanalysis.document import Document

ROOT = Path(__file__).resolve().parents[1]
CLICK_ID = ROOT.parent / "shared" / "corpus" / "click-id"
FILES = ("kompas.xlsx", "okezone.xlsx", "sindonews.xlsx", "tribunnews.csv")


def click_id_documents(limit: int | None = None, files=FILES) -> list[Document]:
    """Cleaned Indonesian Documents of the CLICK-ID files (first ``limit`` overall)."""
    if not CLICK_ID.is_dir():
        raise SystemExit(f"CLICK-ID not found at {CLICK_ID} (needs ../shared)")
    docs: list[Document] = []
    for name in files:
        articles = na.load(str(CLICK_ID / name)).articles
        for row in articles.itertuples(index=False):
            text = clean_text(row.text or "").text
            published = None if pd.isna(row.published) else pd.Timestamp(row.published).date()
            docs.append(Document(str(row.article_id), text, "id", published))
            if limit is not None and len(docs) >= limit:
                return docs
    return docs
