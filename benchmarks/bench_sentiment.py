"""Quote-sentiment throughput: quotes per second on one core.

    nice .venv/bin/python benchmarks/bench_sentiment.py [--quotes 20000] [--batch 8]

Statements are real quoted sentences: the direct quotes of the CLICK-ID Indonesian
corpus (``../shared/corpus/click-id/tribunnews.csv``) and the PolNeAR English quote
contents, or, without ``../shared``, the labelled statements in ``tests/data``. Scored in
batches of ``--batch`` (the pipeline scores one article's quotes at a time; a few quotes
per article), after a warm-up that loads the models. Timings on a shared machine are
noisy: take the best of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import csv
import re
import time
from pathlib import Path

from newsanalysis.evaluate.sentiment import load_statements
from newsanalysis.extract.sentiment import score_texts

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
_QUOTE = re.compile(r'"([^"]{20,400})"')


def indonesian_quotes() -> list[str]:
    path = SHARED / "corpus" / "click-id" / "tribunnews.csv"
    if not path.exists():
        return list(load_statements("id").text)
    quotes = []
    with path.open(encoding="utf-8", errors="replace") as handle:
        for row in csv.DictReader(handle):
            quotes.extend(m.group(1) for m in _QUOTE.finditer(row["content"] or ""))
    return quotes


def english_quotes() -> list[str]:
    folder = SHARED / "eval" / "polnear" / "train" / "attributions"
    if not folder.exists():
        return list(load_statements("en").text)
    quotes = []
    for path in sorted(folder.iterdir()):
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) == 3 and parts[1].startswith("Content ") and len(parts[2]) >= 20:
                quotes.append(parts[2])
    return quotes


def bench(texts: list[str], language: str, n: int, batch: int, repeat: int) -> None:
    texts = (texts * (n // max(len(texts), 1) + 1))[:n]
    score_texts(texts[:10], language)  # load the models
    best = best_cpu = float("inf")
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        for i in range(0, len(texts), batch):
            score_texts(texts[i : i + batch], language)
        best = min(best, time.perf_counter() - started)
        best_cpu = min(best_cpu, time.process_time() - started_cpu)
    chars = sum(len(t) for t in texts) / len(texts)
    print(
        f"{language}: {len(texts)} quotes (mean {chars:.0f} chars), batches of {batch}: "
        f"{len(texts) / best:,.0f} quotes/s wall clock ({best / len(texts) * 1e6:.0f} us/quote), "
        f"{len(texts) / best_cpu:,.0f} quotes/s per CPU-second of this process"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quotes", type=int, default=20000)
    parser.add_argument("--batch", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    bench(indonesian_quotes(), "id", args.quotes, args.batch, args.repeat)
    bench(english_quotes(), "en", args.quotes, args.batch, args.repeat)


if __name__ == "__main__":
    main()
