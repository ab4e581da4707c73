"""What the date resolver finds in CLICK-ID, and what it leaves: a guide for the rules.

    .venv/bin/python benchmarks/dates_coverage.py [--limit N] [--sample 40] [--seed 0]

Prints, over the CLICK-ID articles: expressions found per kind and how many resolved;
flags; and a sample of *unresolved candidates*: words that often belong to a date
(weekday and month names, "kemarin", "sepekan", "d/m" numbers, ...) that
are not inside any resolved expression, with their context.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _clickid import click_id_documents  # noqa: E402

from newsanalysis.extract.date_grammar import grammar, norm  # noqa: E402
from newsanalysis.extract.dates import _scan, find_dates  # noqa: E402
from newsanalysis.lang import get_pack  # noqa: E402


def candidate_regex(language: str) -> re.Pattern[str]:
    """Words that usually belong to a date expression, from the language pack."""
    section = get_pack(language)["dates"]
    abbreviations = {norm(w) for w in section.get("month_abbreviations", [])}
    words = [
        *section["weekdays"],
        *(m for m in section["months"] if norm(m) not in abbreviations),
        *section.get("deictic_days", {}),
        *section.get("one_unit", {}),
    ]  # shift words alone ("lalu", "lagi", "depan") are mostly not about time
    alternatives = "|".join(re.escape(norm(w)) for w in sorted(set(words), key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b|\b\d{{1,2}}/\d{{1,2}}\b", re.IGNORECASE)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=None, help="articles (default: all)")
    parser.add_argument("--sample", type=int, default=40, help="unresolved candidates to show")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    docs = click_id_documents(args.limit)
    g = grammar("id")
    candidates = candidate_regex("id")
    matched: Counter[str] = Counter()
    resolved: Counter[str] = Counter()
    flags: Counter[str] = Counter()
    unresolved_words: Counter[str] = Counter()
    unresolved: list[str] = []
    with_dates = 0
    for doc in docs:
        found = find_dates(doc)
        with_dates += bool(found)
        for m in _scan(g, doc.text):
            matched[m.kind] += 1
        for m in found:
            resolved[m.kind] += 1
            flags.update(m.flags)
        covered = [(m.start, m.end) for m in found]
        for c in candidates.finditer(doc.text):
            if any(s <= c.start() < e for s, e in covered):
                continue
            unresolved_words[c.group(0).lower()] += 1
            left = doc.text[max(0, c.start() - 40) : c.start()].replace("\n", " ")
            right = doc.text[c.end() : c.end() + 30].replace("\n", " ")
            unresolved.append(f"…{left}[{c.group(0)}]{right}…")

    print(f"articles: {len(docs)}, with at least one resolved date: {with_dates}")
    print(f"expressions: matched {sum(matched.values())}, resolved {sum(resolved.values())}")
    print(f"{'kind':<16} {'matched':>8} {'resolved':>9}")
    for kind in sorted(set(matched) | set(resolved), key=lambda k: -resolved[k]):
        print(f"{kind:<16} {matched[kind]:>8} {resolved[kind]:>9}")
    print("flags:", ", ".join(f"{f} {n}" for f, n in flags.most_common()))
    print(f"unresolved candidate words: {sum(unresolved_words.values())}")
    print("  most frequent:", ", ".join(f"{w} {n}" for w, n in unresolved_words.most_common(25)))
    random.seed(args.seed)
    for line in random.sample(unresolved, min(args.sample, len(unresolved))):
        print("  ", line)


if __name__ == "__main__":
    main()
