"""List the ``happened`` meetings found in a random sample of unlabelled CLICK-ID articles.

The gold measures precision on sentences drawn for their trigger words; this sample shows
how the extractor behaves on ordinary news. It draws ``--per-source`` articles from each
of kompas, okezone and sindonews (all sections, fixed ``--seed``), leaves out every
article of a gold round (matched by corpus and title), runs the whole pipeline
(``process_article``) on each and writes one line per ``happened`` row (article, section,
title, participants, trigger, evidence) to a CSV, to be judged by reading each row:
right (a political or public meeting with the right two sides) or wrong.

    python scripts/meetings_unlabelled_sample.py --out /tmp/happened.csv
    python scripts/meetings_unlabelled_sample.py --judged old.csv more.csv --out new.csv
    python scripts/meetings_unlabelled_sample.py --seed 7 --exclude-seed 99 --out fresh.csv
    python scripts/meetings_unlabelled_sample.py --seed 59 \
        --exclude-judged gold/meetings/unlabelled/*.csv --out fresh.csv

With ``--exclude-judged`` (CSVs with an ``article_id`` column), every article whose id
appears in them is left out before drawing, so that the sample holds only articles whose
rows nobody has read yet.

With ``--judged`` (CSVs of earlier runs with a filled ``right`` column, 1 or 0), rows
with the same article, participants and trigger keep their judgement, so that only new
rows need reading; the script prints precision over the judged rows.
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import newsanalysis as na  # noqa: E402
from newsanalysis.evaluate.locate import title_key  # noqa: E402
from newsanalysis.pipeline import Settings, process_article  # noqa: E402

SHARED = ROOT.parent / "shared"
GOLD = ROOT / "gold" / "meetings" / "gold.jsonl"
SOURCES = ("kompas.xlsx", "okezone.xlsx", "sindonews.xlsx")
KEY = ["article_id", "participants", "trigger"]


def judged_ids(paths: list[Path]) -> set[str]:
    """The article ids listed in earlier judged CSVs (their ``article_id`` column)."""
    ids: set[str] = set()
    for path in paths:
        ids.update(pd.read_csv(path, usecols=["article_id"])["article_id"].astype(str))
    return ids


def drop_articles(articles: pd.DataFrame, ids: set[str]) -> pd.DataFrame:
    """``articles`` without the rows whose ``article_id`` is in ``ids``."""
    return articles[~articles["article_id"].astype(str).isin(ids)]


def sample_articles(
    per_source: int,
    seed: int,
    exclude_seed: int | None = None,
    exclude_ids: set[str] | None = None,
) -> pd.DataFrame:
    """``per_source`` random articles of each source, none of them in a gold round nor,
    with ``exclude_seed``, in the sample that seed draws (a fresh sample for checking
    rules written while reading another one), nor among ``exclude_ids`` (articles whose
    rows were already judged)."""
    gold = [json.loads(line) for line in GOLD.open(encoding="utf-8") if line.strip()]
    used = {(g["corpus"], title_key(g.get("title"))) for g in gold}
    frames = []
    for name in SOURCES:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            articles = na.load(str(SHARED / "corpus" / "click-id" / name)).articles
        fresh = [(f"click-id/{name}", title_key(t)) not in used for t in articles["title"].tolist()]
        articles = articles[fresh]
        if exclude_ids:
            articles = drop_articles(articles, exclude_ids)
        if exclude_seed is not None:
            seen = articles.sample(n=min(per_source, len(articles)), random_state=exclude_seed)
            articles = articles.drop(index=seen.index)
        frames.append(articles.sample(n=min(per_source, len(articles)), random_state=seed))
    return pd.concat(frames, ignore_index=True)


def happened_rows(articles: pd.DataFrame) -> pd.DataFrame:
    settings = Settings()
    rows = []
    for record in articles.to_dict("records"):
        for m in process_article(record, settings)["meetings"]:
            if m["status"] != "happened":
                continue
            rows.append(
                {
                    "article_id": record["article_id"],
                    "section": f"{record.get('category')}/{record.get('sub-category')}",
                    "title": record.get("title"),
                    "participants": "; ".join(str(p) for p in m["participants"]),
                    "trigger": m["trigger"],
                    "evidence": m["evidence"],
                }
            )
    return pd.DataFrame(rows, columns=[*KEY[:1], "section", "title", *KEY[1:], "evidence"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-source", type=int, default=700)
    parser.add_argument("--seed", type=int, default=99)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument(
        "--judged", type=Path, nargs="*", default=[], help="earlier judged CSVs to carry over"
    )
    parser.add_argument(
        "--exclude-seed", type=int, help="leave out the articles this seed's sample draws"
    )
    parser.add_argument(
        "--exclude-judged",
        type=Path,
        nargs="*",
        default=[],
        help="leave out every article whose id appears in these CSVs",
    )
    args = parser.parse_args(argv)
    excluded = judged_ids(args.exclude_judged)
    articles = sample_articles(args.per_source, args.seed, args.exclude_seed, excluded)
    if excluded:
        left = len(excluded & set(articles["article_id"].astype(str)))
        print(f"{len(excluded)} judged article ids excluded ({left} drawn anyway)")
    rows = happened_rows(articles)
    rows["right"] = pd.NA
    if args.judged:
        old = pd.concat([pd.read_csv(p)[[*KEY, "right"]] for p in args.judged])
        rows = rows.drop(columns="right").merge(old.drop_duplicates(KEY), on=KEY, how="left")
    rows.to_csv(args.out, index=False)
    judged = rows["right"].dropna()
    print(f"{len(articles)} articles, {len(rows)} happened rows -> {args.out}")
    if len(judged):
        print(
            f"judged {len(judged)}/{len(rows)}: right {int(judged.sum())}, "
            f"precision {judged.mean():.3f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
