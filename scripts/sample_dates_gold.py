"""Draw the sentences of the date gold sets (annotated by hand afterwards).

    .venv/bin/python scripts/sample_dates_gold.py clickid > gold/dates/new.jsonl
    .venv/bin/python scripts/sample_dates_gold.py polnear > gold/dates/new.jsonl
    .venv/bin/python scripts/sample_dates_gold.py clickid-relative 40 > gold/dates/new.jsonl

Reproducible (seeded). Sentences are drawn from random articles: three in four contain
a word that often belongs to a date (weekday or month name, "lalu", "yesterday", ...),
one in four is any sentence, so that the gold also holds sentences without dates and
expressions without those words. Half of the articles go to ``dev`` (rules may be
written while looking at it), half to ``test`` (scored, never looked at for rules).
CLICK-ID (CC BY 4.0) sentences are stored with their text; PolNeAR (no licence) only by
file name and offsets, the scorer reads the text from ../shared at run time.

``clickid-relative`` draws only sentences with a *relative* expression candidate (a
weekday not followed by a bracketed date, a month without a day before it, "lalu",
"depan", "kemarin", "besok", "terakhir", ...): the random draw is dominated by the easy
"Selasa (10/9/2019)" form, this one measures the harder cases.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import pandas as pd  # noqa: E402

import newsanalysis as na  # noqa: E402
from newsanalysis.clean import clean_text  # noqa: E402
from newsanalysis.document import Document  # noqa: E402

SHARED = ROOT.parent / "shared"


def _candidates(language: str):
    from dates_coverage import candidate_regex

    return candidate_regex(language)


RELATIVE_ID = re.compile(
    r"\b(?:senin|selasa|rabu|kamis|jumat|sabtu|minggu|ahad)\b(?!\s*[,(]?\s*\(?\d)"
    r"|(?<!\d\s)\b(?:januari|februari|maret|april|mei|juni|juli|agustus|september|oktober"
    r"|november|desember)\b(?!\s+\d{4})"
    r"|\b(?:lalu|depan|kemarin|besok|lusa|mendatang|terakhir|silam|tadi|semalam|hari ini)\b",
    re.IGNORECASE,
)


def _pick(
    doc: Document, rng: random.Random, language: str, only: re.Pattern[str] | None = None
) -> tuple[int, int] | None:
    candidates = _candidates(language)
    sentences = [s for s in doc.sentences if 40 <= s[1] - s[0] <= 400]
    if not sentences:
        return None
    if only is not None:
        chosen = [s for s in sentences if only.search(doc.text, s[0], s[1])]
        return rng.choice(chosen) if chosen else None
    if rng.random() < 0.75:
        dated = [s for s in sentences if candidates.search(doc.text, s[0], s[1])]
        if dated:
            return rng.choice(dated)
    return rng.choice(sentences)


def clickid(n_articles: int, rng: random.Random, only: re.Pattern[str] | None = None):
    frames = []
    for name in ("kompas.xlsx", "okezone.xlsx", "sindonews.xlsx", "tribunnews.csv"):
        articles = na.load(str(SHARED / "corpus" / "click-id" / name)).articles
        articles["file"] = name
        frames.append(articles)
    articles = pd.concat(frames, ignore_index=True)
    rows = articles.sample(n=n_articles, random_state=rng.randrange(2**31))
    for i, row in enumerate(rows.itertuples(index=False)):
        text = clean_text(row.text or "").text
        published = pd.Timestamp(row.published).date()
        doc = Document(str(row.article_id), text, "id", published)
        span = _pick(doc, rng, "id", only)
        if span is None:
            continue
        yield {
            "id": f"click-id{'-relative' if only is not None else ''}:{i}",
            "split": "dev" if i % 2 == 0 else "test",
            "source": f"CLICK-ID {row.file}",
            "url": row.url,
            "published": published.isoformat(),
            "language": "id",
            "text": text[span[0] : span[1]],
            "dates": [],
        }


def polnear(n_articles: int, rng: random.Random):
    meta = pd.read_csv(SHARED / "eval" / "polnear" / "metadata.tsv", sep="\t")
    meta = meta.sample(n=n_articles, random_state=rng.randrange(2**31))
    for i, row in enumerate(meta.itertuples(index=False)):
        path = SHARED / "eval" / "polnear" / row.compartment / "text" / f"{row.filename}.txt"
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        doc = Document(row.filename, text, "en", pd.Timestamp(row.publication_date).date())
        span = _pick(doc, rng, "en")
        if span is None:
            continue
        yield {
            "id": f"polnear:{i}",
            "split": "dev" if i % 2 == 0 else "test",
            "source": f"PolNeAR {row.compartment}/text/{row.filename}.txt",
            "published": doc.published.isoformat(),
            "language": "en",
            "sentence": [span[0], span[1]],
            "dates": [],
        }


def main() -> None:
    which = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 80
    seeds = {"clickid": 20190910, "polnear": 20160912, "clickid-relative": 20191001}
    rng = random.Random(seeds[which])
    if which == "polnear":
        rows = polnear(n, rng)
    else:
        rows = clickid(n, rng, RELATIVE_ID if which == "clickid-relative" else None)
    for row in rows:
        print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main()
