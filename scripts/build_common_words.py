"""Build the word-case tables ``newsanalysis/resources/actors/word_case.<lang>.tsv``.

A capitalised word is part of a name only if it is not a common word of the language
("Kunjungan", "Pejabat", "Luar Negeri" are common words written with a capital at a
sentence start or inside an organisation name; "Wang", "Kuleba" are not). The table
gives, for every word written in lower case at least ``--min-count`` times away from
sentence starts, how often it is written in lower case and how often capitalised there;
the actor finder decides from these counts (see ``newsanalysis/actors/lexicon.py``).

Counted on real news: CLICK-ID (Indonesian, CC BY 4.0) and NewsMTSC (English, MIT), both
in ``../shared``. Run from the repository root: ``python scripts/build_common_words.py``.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
OUT = ROOT / "newsanalysis" / "resources" / "actors"
WORD = re.compile(r"(?<![\w'’-])([^\W\d_][\w'’-]*)")
SENTENCE_START = re.compile(r"(^|[.!?:;\"“”(\[]\s*|,\s*[\"“])$")


def _texts_id() -> list[str]:
    folder = SHARED / "corpus" / "click-id"
    texts = []
    for path in sorted(folder.iterdir()):
        frame = pd.read_csv(path) if path.suffix == ".csv" else pd.read_excel(path)
        texts.extend(frame["content"].dropna().astype(str).str.replace(".,", ". ", regex=False))
    return texts


def _texts_en() -> list[str]:
    path = SHARED / "eval" / "sentiment" / "newsmtsc" / "train.jsonl"
    return [json.loads(line)["sentence_normalized"] for line in path.open(encoding="utf-8")]


def count(texts: list[str]) -> tuple[Counter, Counter]:
    lower, upper = Counter(), Counter()
    for text in texts:
        for match in WORD.finditer(text):
            word = match.group(1)
            if SENTENCE_START.search(text[max(0, match.start() - 3) : match.start()]):
                continue
            key = word.lower()
            if word == key:
                lower[key] += 1
            elif word[0].isupper():
                upper[key] += 1
    return lower, upper


def word_case(texts: list[str], min_count: int) -> list[tuple[str, int, int]]:
    lower, upper = count(texts)
    return sorted((w, n, upper[w]) for w, n in lower.items() if n >= min_count and len(w) > 1)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-count", type=int, default=3)
    args = parser.parse_args(argv)
    for language, texts in (("id", _texts_id()), ("en", _texts_en())):
        rows = word_case(texts, args.min_count)
        path = OUT / f"word_case.{language}.tsv"
        lines = ["word\tlower\tcapitalised"] + [f"{w}\t{lo}\t{up}" for w, lo, up in rows]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{language}: {len(rows)} words from {len(texts)} texts -> {path}")


if __name__ == "__main__":
    main()
