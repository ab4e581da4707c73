"""Draw the candidate quotes of the news-domain sentiment dev set (before labelling).

    .venv/bin/python scripts/sample_sentiment_dev.py --out /tmp/candidates

Indonesian: direct quotes ("...") of the news sections of three CLICK-ID outlets
(kompas, okezone, sindonews; tribunnews is left to the speed benchmark), one quote per
article. English: quote contents of the PolNeAR *dev* split. Both are sampled with a
fixed seed and exclude near-duplicates of the held-out statement tables in
``tests/data``. The candidates were then labelled by hand, by reading, following
``gold/sentiment/GUIDELINE.md``, into ``gold/sentiment/dev_{id,en}.tsv``.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsanalysis.evaluate import sentiment as ev  # noqa: E402
from newsanalysis.evaluate import shared_dir  # noqa: E402

SEED = 2024
_QUOTE = re.compile(r"[\"“”]([^\"“”]{40,300})[\"“”]")
NEWS_SECTIONS = {"news", "nasional", "international", "internasional", "hukum", "peristiwa"}


def indonesian_candidates(n: int) -> pd.DataFrame:
    rows = []
    for outlet in ("kompas", "okezone", "sindonews"):
        path = shared_dir() / "corpus" / "click-id" / f"{outlet}.xlsx"
        df = pd.read_excel(path)
        for record in df.itertuples():
            sections = {str(record.category).lower(), str(record._6).lower()}
            if not sections & NEWS_SECTIONS or not isinstance(record.content, str):
                continue
            quotes = [m.group(1).strip() for m in _QUOTE.finditer(record.content)]
            quotes = [q for q in quotes if len(q.split()) >= 6]
            if quotes:
                rows.append({"text": quotes[len(quotes) // 2], "source": record.url})
    return _sample(rows, "id", n)


def english_candidates(n: int, round_: int = 1, exclude: list[str] = ()) -> pd.DataFrame:
    rows = []
    folder = shared_dir() / "eval" / "polnear" / "dev"
    for path in sorted((folder / "attributions").glob("*.ann")):
        text = (folder / "text" / (path.stem.rsplit("_", 1)[0] + ".txt")).read_text(
            encoding="utf-8"
        )
        contents = []
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) == 3 and parts[1].startswith("Content ") and ";" not in parts[1]:
                _, start, end = parts[1].split()
                start, end = int(start), int(end)
                if 40 <= end - start <= 300 and text[start:end] == parts[2]:
                    contents.append({"text": parts[2], "source": f"{path.stem}:{start}:{end}"})
        random.Random(path.stem).shuffle(contents)
        rows.extend(contents[2 * (round_ - 1) : 2 * round_])
    return _sample(rows, "en", n, list(exclude))


def _sample(rows: list[dict], language: str, n: int, exclude: list[str] = ()) -> pd.DataFrame:
    held_out = list(ev.load_statements(language).text) + list(exclude)
    random.Random(SEED).shuffle(rows)
    kept: list[dict] = []
    for row in rows:
        seen = [k["text"] for k in kept]
        if ev.near_duplicates([row["text"]], held_out + seen, threshold=0.6)[0]:
            continue
        kept.append(row)
        if len(kept) == n:
            break
    return pd.DataFrame(kept)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("/tmp/candidates"))
    parser.add_argument("-n", type=int, default=180)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    first = english_candidates(args.n)
    draws = {
        "id": indonesian_candidates(args.n),
        "en": first,
        # PolNeAR dev has 94 articles: a second round takes two more contents of each
        # (many contents are noun phrases, not statements, and are dropped when labelling)
        "en-2": english_candidates(args.n, round_=2, exclude=list(first.text)),
    }
    for name, df in draws.items():
        df.to_csv(args.out / f"{name}.tsv", sep="\t", index=False)
        print(f"{name}: {len(df)} candidates -> {args.out / f'{name}.tsv'}")


if __name__ == "__main__":
    main()
