"""How many exact and near duplicates CLICK-ID holds, and what they look like.

Usage::

    .venv/bin/python benchmarks/duplicates.py            # all ~13k CLICK-ID articles
    .venv/bin/python benchmarks/duplicates.py --quick    # first 3,000
    .venv/bin/python benchmarks/duplicates.py --examples 20

Cleans every article (as ``analyze`` does), computes the MinHash signature of its
word 5-shingles, and prints: exact copies (same cleaned-text hash), the number of
candidate pairs per similarity band, the near duplicates found at several thresholds,
and example pairs around the threshold with their titles, to be checked by eye.
Needs the ``scale`` extra (datasketch).
"""

from __future__ import annotations

import argparse
import time

import numpy as np
import pandas as pd
from _common import click_id_frame, machine

from newsanalysis.clean import clean_text
from newsanalysis.dedup import (
    NEAR_THRESHOLD,
    content_hash,
    find_duplicates,
    near_duplicate_pairs,
    text_signature,
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="first 3,000 articles only")
    parser.add_argument("--examples", type=int, default=12, help="example pairs to print")
    parser.add_argument(
        "--raw", action="store_true", help="hash and shingle the raw text (skip the cleaner)"
    )
    args = parser.parse_args()
    print(machine())
    started = time.perf_counter()
    articles = click_id_frame()
    if args.quick:
        articles = articles.head(3000)
    print(f"{len(articles):,} articles loaded in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    texts = [t if args.raw else clean_text(t).text for t in articles["text"]]
    signatures = [text_signature(t) for t in texts]
    what = "MinHash of the raw texts" if args.raw else "cleaned + MinHash"
    print(f"{what} in {time.perf_counter() - started:.1f} s")
    frame = pd.DataFrame(
        {
            "article_id": articles["article_id"],
            "content_hash": [content_hash(t) for t in texts],
            "published": articles["published"],
        }
    )
    exact = find_duplicates(frame)
    pairs = near_duplicate_pairs(frame, signatures, threshold=0.5)
    bands = pd.cut(pairs["similarity"], [0.5, 0.6, 0.7, 0.8, 0.9, 0.999, 1.0], right=False)
    rows = []
    for threshold in (0.6, 0.7, NEAR_THRESHOLD, 0.9):
        dup = find_duplicates(frame, signatures, threshold=threshold)
        rows.append(
            {
                "threshold": threshold,
                "marked as copies": int(dup.notna().sum()),
                "of which exact": int(exact.notna().sum()),
                "share of corpus": f"{dup.notna().mean():.2%}",
            }
        )
    print(f"\nexact copies (same cleaned text): {int(exact.notna().sum()):,}")
    print("\ncandidate pairs by estimated Jaccard similarity (word 5-shingles, 64 perms):")
    print(bands.value_counts(sort=False).to_string())
    print("\n" + pd.DataFrame(rows).to_string(index=False))
    meta = articles.set_index("article_id")[["title", "source", "published"]]
    rng = np.random.default_rng(0)
    print(f"\nexample pairs (threshold in use: {NEAR_THRESHOLD}):")
    for low, high in ((0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.0)):
        band = pairs[(pairs["similarity"] >= low) & (pairs["similarity"] < high)]
        pick = band.iloc[rng.permutation(len(band))[: max(1, args.examples // 4)]]
        for row in pick.itertuples(index=False):
            a, b = meta.loc[row.article_id], meta.loc[row.other_id]
            print(
                f"  {row.similarity:.2f}  {a.source} {str(a.published)[:16]} | {a.title}\n"
                f"        {b.source} {str(b.published)[:16]} | {b.title}"
            )


if __name__ == "__main__":
    main()
