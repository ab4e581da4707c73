"""Throughput of the dates + meetings step, and of the whole ``na.analyze``, on CLICK-ID.

The budget (docs/ARCHITECTURE.md): dates + meetings <= 1 ms per ~3,000-character
article, and the whole pipeline >= 200 articles/s per core. The articles are cleaned and
their actors found before the clock starts for the first figure; the second times
``na.analyze`` end to end in one process.

    python benchmarks/bench_meetings.py                 # 2,000 kompas/okezone/sindonews articles
    python benchmarks/bench_meetings.py --limit 0       # all of them

Times are CPU seconds of this process (``time.process_time``), which other jobs on the
machine disturb less than wall-clock time; still, the lead re-runs them on a quiet machine.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _clickid import CLICK_ID, click_id_documents  # noqa: E402

import newsanalysis as na  # noqa: E402
from newsanalysis.actors import find_mentions, load_kb  # noqa: E402
from newsanalysis.extract.dates import find_dates  # noqa: E402
from newsanalysis.extract.meeting_vocab import vocab  # noqa: E402
from newsanalysis.extract.meetings import extract_meetings  # noqa: E402

FILES = ("kompas.xlsx", "okezone.xlsx", "sindonews.xlsx")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=2000, help="articles (0: all)")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes (best is reported)")
    args = parser.parse_args(argv)
    limit = args.limit or None

    docs = click_id_documents(limit, files=FILES)
    kb = load_kb()
    for doc in docs:
        _ = doc.sentences
        find_mentions(doc, kb)
    chars = sum(len(d.text) for d in docs)
    trigger = vocab("id").trigger
    with_trigger = sum(1 for d in docs if trigger.search(d.text))

    best_both = best_meetings = float("inf")
    rows = 0
    for _ in range(args.repeat):
        for doc in docs:
            doc.extra.pop("dates", None)
        started = time.process_time()
        rows = 0
        for doc in docs:
            find_dates(doc)
            rows += len(extract_meetings(doc))
        best_both = min(best_both, time.process_time() - started)
        started = time.process_time()
        for doc in docs:
            extract_meetings(doc)  # dates cached: the meetings rules alone
        best_meetings = min(best_meetings, time.process_time() - started)

    n = len(docs)
    print(f"articles: {n} ({chars / n:.0f} characters on average), with a trigger: {with_trigger}")
    print(f"meeting rows: {rows} ({rows / n:.2f} per article)")
    print(
        f"dates + meetings: {1000 * best_both / n:.3f} ms/article "
        f"({n / best_both:.0f} articles/s on one core)"
    )
    print(f"meetings alone (dates cached): {1000 * best_meetings / n:.3f} ms/article")

    frames = [na.load(str(CLICK_ID / name)).articles for name in FILES]
    import pandas as pd

    articles = pd.concat(frames, ignore_index=True)
    if limit:
        articles = articles.head(limit)
    corpus = na.load_table(articles, id="article_id")
    started, cpu = time.perf_counter(), time.process_time()
    result = na.analyze(corpus, engine="serial", progress=False)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(
        f"na.analyze (serial, one core): {len(articles)} articles, {cpu:.1f} s CPU = "
        f"{len(articles) / cpu:.0f} articles/s per core (wall {seconds:.1f} s); "
        f"{len(result.meetings)} meetings"
    )


if __name__ == "__main__":
    main()
