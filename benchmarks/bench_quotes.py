"""Speed of the quotes step (``extract_quotes``) on real articles.

Usage: ``nice python benchmarks/bench_quotes.py [--articles 2000] [--repeat 3]``

Indonesian: the first N articles of the CLICK-ID corpus (``../shared/corpus/click-id``,
all four outlets in turn); English: PolNeAR dev + train texts. Each article is cleaned
and turned into a :class:`~newsanalysis.document.Document` with its paragraphs and
sentences computed beforehand, so the figure is the quotes step alone (the budget in
docs/ARCHITECTURE.md: ~1 ms per article); the actor step runs first when the
``--with-actors`` flag is given, as in the pipeline. Prints ms per article (best of
``--repeat`` runs, in CPU time of this process), articles per second and quotes found.
Timings on a shared machine are noisy even in CPU time.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from newsanalysis.actors import find_mentions, load_kb  # noqa: E402
from newsanalysis.clean import clean_text  # noqa: E402
from newsanalysis.document import Document  # noqa: E402
from newsanalysis.extract.quotes import extract_quotes  # noqa: E402


def click_id(n: int) -> list[str]:
    folder = SHARED / "corpus" / "click-id"
    texts: list[str] = []
    for name in ("kompas.xlsx", "okezone.xlsx", "sindonews.xlsx", "tribunnews.csv"):
        if len(texts) >= n:
            break
        path = folder / name
        frame = pd.read_excel(path) if path.suffix == ".xlsx" else pd.read_csv(path)
        texts.extend(str(t) for t in frame["content"].dropna().head(n - len(texts)))
    return texts


def polnear(n: int) -> list[str]:
    folder = SHARED / "eval" / "polnear"
    paths = sorted(folder.glob("*/text/*.txt"))[:n]
    return [p.read_text(encoding="utf-8") for p in paths]


def documents(texts: list[str], language: str, with_actors: bool) -> list[Document]:
    kb = load_kb() if with_actors else None
    docs = []
    for i, raw in enumerate(texts):
        doc = Document(str(i), clean_text(raw).text, language)
        doc.sentences  # noqa: B018 - computed before timing: shared by every step
        if kb is not None:
            find_mentions(doc, kb)
        docs.append(doc)
    return docs


def bench(name: str, docs: list[Document], repeat: int) -> None:
    best = float("inf")
    found = 0
    for _ in range(repeat):
        started = time.process_time()  # CPU time: less disturbed by a busy machine
        found = sum(len(extract_quotes(doc)) for doc in docs)
        best = min(best, time.process_time() - started)
    chars = sum(len(d.text) for d in docs) / max(1, len(docs))
    per_article = best / max(1, len(docs)) * 1000
    print(
        f"{name:10s} {len(docs):6d} articles (mean {chars:,.0f} chars)  "
        f"{per_article:.3f} ms/article  {len(docs) / best:,.0f} articles/s  "
        f"{found} quotes"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--with-actors", action="store_true", help="run the actor step first")
    args = parser.parse_args()
    if not SHARED.exists():
        raise SystemExit(f"needs the shared corpora at {SHARED}")
    print("quotes step only (documents cleaned and split beforehand); CPU time, best of runs")
    bench("CLICK-ID", documents(click_id(args.articles), "id", args.with_actors), args.repeat)
    bench("PolNeAR", documents(polnear(args.articles), "en", args.with_actors), args.repeat)


if __name__ == "__main__":
    main()
