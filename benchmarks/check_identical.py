"""Does ``na.analyze`` still give the same tables? Save a baseline, compare later runs.

Usage::

    .venv/bin/python benchmarks/check_identical.py --save      # before changing anything
    .venv/bin/python benchmarks/check_identical.py             # after: compare with it
    .venv/bin/python benchmarks/check_identical.py --polnear 100 --click-id 100  # quicker

Runs ``na.analyze(engine="serial")`` on a fixed sample (the PolNeAR train texts as
``peer_spacy.py`` builds them, and the first CLICK-ID articles), and keeps every table
of the result plus the MinHash signature of each cleaned text (the near-duplicate
search reads them; the tables only show their effect). The comparison is
``pandas.testing.assert_frame_equal`` per table (values, dtypes, column order, index)
and exact equality of the signatures. Meant for speed work, where the output must not
change: it prints one line per table and exits 1 on any difference.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from pathlib import Path

import numpy as np
import pandas as pd
from _common import WORK, click_id_frame
from peer_spacy import polnear_texts

import newsanalysis as na
from newsanalysis.dedup import text_signature

BASELINE = WORK / "identical-baseline.pkl"


def sample(n_polnear: int | None, n_click_id: int) -> dict[str, na.Corpus]:
    polnear = polnear_texts(n_polnear)
    click = click_id_frame().head(n_click_id)
    return {
        "polnear": na.load_table(polnear, id="article_id", published="date", title="title"),
        "click-id": na.load_table(click, id="article_id", published="published", title="title"),
    }


def outputs(corpora: dict[str, na.Corpus]) -> dict[str, object]:
    """Every table of each corpus's analysis, and the signatures of its cleaned texts."""
    out: dict[str, object] = {}
    for name, corpus in corpora.items():
        result = na.analyze(corpus, engine="serial", progress=False)
        for table, frame in result.tables.items():
            out[f"{name}/{table}"] = frame
        out[f"{name}/signatures"] = [text_signature(t) for t in result.articles["text"]]
    return out


def same_signatures(left: list, right: list) -> bool:
    return len(left) == len(right) and all(
        (a is None and b is None)
        or (a is not None and b is not None and np.array_equal(a, b) and a.dtype == b.dtype)
        for a, b in zip(left, right, strict=True)
    )


def compare(baseline: dict[str, object], current: dict[str, object]) -> bool:
    ok = True
    for key, expected in baseline.items():
        got = current.get(key)
        if isinstance(expected, pd.DataFrame):
            try:
                pd.testing.assert_frame_equal(got, expected)
                status = f"identical ({len(expected):,} rows)"
            except AssertionError as exc:
                ok = False
                status = "DIFFERENT: " + str(exc).replace("\n", " ")[:300]
        else:
            same = got is not None and same_signatures(expected, got)
            ok &= same
            status = f"identical ({len(expected):,} signatures)" if same else "DIFFERENT"
        print(f"{key:24} {status}")
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--save", action="store_true", help="write the baseline")
    parser.add_argument("--polnear", type=int, help="PolNeAR train texts (default: all 840)")
    parser.add_argument("--click-id", type=int, default=500, help="CLICK-ID articles")
    parser.add_argument("--baseline", type=Path, default=BASELINE)
    args = parser.parse_args()
    current = outputs(sample(args.polnear, args.click_id))
    if args.save:
        args.baseline.parent.mkdir(parents=True, exist_ok=True)
        args.baseline.write_bytes(pickle.dumps(current))
        print(f"baseline saved: {args.baseline} ({len(current)} tables)")
        return
    baseline = pickle.loads(args.baseline.read_bytes())
    ok = compare(baseline, current)
    print("\nALL IDENTICAL" if ok else "\nDIFFERENCES FOUND")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
