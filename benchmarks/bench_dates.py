"""Speed of the date resolver on CLICK-ID, and what dateparser would cost instead.

    .venv/bin/python benchmarks/bench_dates.py [--limit N] [--analyze N] [--dateparser N]

Prints milliseconds per article for ``find_dates`` (sentences split beforehand: they
belong to the Document and are shared by every step), the rate in articles per second
on one core; ``na.analyze`` (one process) on CLICK-ID articles as the pipeline stands,
and with a step that runs ``find_dates`` on every article added, so the share of the
dates in the whole is visible; and the cost of ``dateparser`` on the expressions we
found, for comparison.
Wall-clock and CPU (process) time are both printed: on a shared machine the wall figures
are inflated by other people's jobs, the CPU figures much less. Run with ``nice``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _clickid import click_id_documents  # noqa: E402

from newsanalysis.extract.date_grammar import grammar  # noqa: E402
from newsanalysis.extract.dates import find_dates  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=4000, help="articles (default 4000)")
    parser.add_argument(
        "--analyze", type=int, default=1000, help="articles for na.analyze (0: skip)"
    )
    parser.add_argument(
        "--dateparser", type=int, default=300, help="expressions to parse with dateparser (0: skip)"
    )
    args = parser.parse_args()

    docs = click_id_documents(args.limit)
    chars = sum(len(d.text) for d in docs)
    for d in docs:  # sentence splitting is the Document's, not the resolver's
        _ = d.sentences
    grammar("id")  # compiled once per process

    wall, cpu = [], []
    for _ in range(5):
        for d in docs:
            d.extra.pop("dates", None)
        started, started_cpu = time.perf_counter(), time.process_time()
        found = sum(len(find_dates(d)) for d in docs)
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    print(
        f"articles: {len(docs)}, mean length {chars / len(docs):.0f} chars, expressions found: {found}"
    )
    for label, rounds in (("wall", wall), ("cpu", cpu)):
        best = min(rounds)
        print(
            f"find_dates ({label} time, best of 5; median {statistics.median(rounds) / len(docs) * 1000:.3f}): "
            f"{best / len(docs) * 1000:.3f} ms/article, {best / chars * 3000 * 1000:.3f} ms per 3,000 chars, "
            f"{len(docs) / best:,.0f} articles/s on one core"
        )

    if args.analyze:
        _analyze_rate(args.analyze)
    if args.dateparser:
        _dateparser_cost(docs, args.dateparser)


def _analyze_rate(limit: int) -> None:
    """Articles per second of ``na.analyze`` (serial), without and with a dates step."""
    from _clickid import click_id_articles

    import newsanalysis as na
    from newsanalysis import pipeline

    articles = click_id_articles(limit)
    corpus = na.load_table(articles, text="text", title="title", published="published", url="url")
    configurations = {
        "pipeline as it stands": pipeline.STEPS,
        "+ find_dates on every article": [*pipeline.STEPS, ("extract:dates", _dates_step)],
    }
    rates: dict[str, tuple[float, float]] = {}
    for _ in range(3):  # alternate, keep the best: the first runs warm caches up
        for label, steps in configurations.items():
            saved, pipeline.STEPS = pipeline.STEPS, steps
            try:
                started, started_cpu = time.perf_counter(), time.process_time()
                result = na.analyze(corpus, engine="serial", progress=False)
                n = len(result.articles)
                rate = (
                    n / (time.perf_counter() - started),
                    n / (time.process_time() - started_cpu),
                )
            finally:
                pipeline.STEPS = saved
            best = rates.get(label, (0.0, 0.0))
            rates[label] = (max(best[0], rate[0]), max(best[1], rate[1]))
    for label, (rate, rate_cpu) in rates.items():
        print(
            f"na.analyze ({len(corpus)} articles, serial): {rate:,.0f} articles/s wall, "
            f"{rate_cpu:,.0f} per cpu-second  [{label}]"
        )


def _dates_step(doc, settings) -> None:
    find_dates(doc)


def _dateparser_cost(docs, limit: int) -> None:
    """What dateparser would cost per expression, and how often it agrees with us."""
    import datetime as dt

    import dateparser

    pairs = list(_with_docs(docs, limit))
    agree = parsed = 0
    elapsed = 0.0
    for doc, mention in pairs:
        base = dt.datetime.combine(doc.published, dt.time(12))
        settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
        t0 = time.perf_counter()
        value = dateparser.parse(mention.text, languages=["id"], settings=settings)
        elapsed += time.perf_counter() - t0
        if value is not None:
            parsed += 1
            agree += mention.date_start <= value.date() <= mention.date_end
    n = len(pairs)
    print(
        f"dateparser.parse on {n} of our expressions: {elapsed / n * 1000:.2f} ms each; "
        f"parsed {parsed} ({parsed / n:.0%}), inside our interval {agree} ({agree / n:.0%})"
    )


def _with_docs(docs, limit):
    count = 0
    for d in docs:
        if d.published is None:
            continue
        for m in find_dates(d):
            yield d, m
            count += 1
            if count >= limit:
                return


if __name__ == "__main__":
    main()
