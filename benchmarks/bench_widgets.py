"""Render and update latency of the three explorers (Python side, no browser).

*Render* is building the explorer: precomputing its tables and drawing the first chart
(what a notebook cell does before the browser shows it). *Update* is one filter change:
the chart and the rows table recomputed and pushed into the FigureWidget. Each figure is
the median of ``--repeat`` runs, wall-clock and CPU seconds (the machines are shared:
wall time grows with other work, CPU time mostly does not). The load average is printed.

    .venv/bin/python benchmarks/bench_widgets.py                 # the bundled sample
    .venv/bin/python benchmarks/bench_widgets.py --result DIR    # any saved Analysis
    .venv/bin/python benchmarks/bench_widgets.py --synthetic 20000
        # the tests' demo analysis copied to ~20,000 articles (ids and dates shifted),
        # to see how the latencies grow with the corpus
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]


def _timed(function):
    wall, cpu = time.perf_counter(), time.process_time()
    value = function()
    return value, time.perf_counter() - wall, time.process_time() - cpu


def synthetic(n_articles: int):
    """The demo analysis of the tests repeated until it has about ``n_articles`` articles."""
    sys.path.insert(0, str(ROOT / "tests"))
    from demo_analysis import make_demo_analysis

    import newsanalysis as na

    base = make_demo_analysis()
    copies = max(1, n_articles // len(base.articles))
    tables = {name: [] for name in ("articles", "mentions", "quotes", "meetings")}
    for k in range(copies):
        shift = pd.Timedelta(days=7 * (k % 150))  # spread over ~3 years

        def rename(frame, column="article_id", k=k):
            return frame[column].map(lambda a: f"{a}~{k}")

        articles = base.articles.assign(
            article_id=rename(base.articles), published=base.articles["published"] + shift
        )
        mentions = base.mentions.assign(article_id=rename(base.mentions))
        quotes = base.quotes.assign(
            article_id=rename(base.quotes), quote_id=rename(base.quotes, "quote_id")
        )
        meetings = base.meetings.assign(
            article_id=rename(base.meetings),
            meeting_id=rename(base.meetings, "meeting_id"),
            event_id=base.meetings["event_id"].map(
                lambda e, k=k: None if pd.isna(e) else f"{e}~{k}"
            ),
            date_start=base.meetings["date_start"] + shift,
            date_end=base.meetings["date_end"] + shift,
        )
        for name, frame in zip(tables, (articles, mentions, quotes, meetings), strict=True):
            tables[name].append(frame)
    return na.Analysis(
        **{name: pd.concat(frames, ignore_index=True) for name, frames in tables.items()},
        actors=base.actors,
    )


def _apply(explorer, settings: dict) -> None:
    """Set controls: ``actors`` ("top2" or []), ``dates`` ("full" / "late"), others by value."""
    for name, value in settings.items():
        if name == "actors":
            top2 = [v for _, v in explorer.actors.list.options[:2]]
            explorer.actors.value = top2 if value == "top2" else []
        elif name == "dates":
            n = len(explorer.dates.options)
            explorer.dates.index = (0, n - 1) if value == "full" or n < 2 else (n // 2, n - 1)
        elif name == "focus":
            top = explorer.actors.list.options[0][1] if explorer.actors.list.options else None
            explorer.focus.value = top if value == "top" else None
        else:
            getattr(explorer, name).value = value


#: explorer -> (baseline, [(step, untimed setup, timed change), ...])
def scenarios():
    from newsanalysis.widgets import ActorNetworkExplorer, MeetingExplorer, QuoteSentimentExplorer

    return [
        (
            MeetingExplorer,
            {"actors": [], "period": "month", "view": "bars", "dates": "full"},
            [
                ("pick 2 actors", {}, {"actors": "top2"}),
                ("clear actors", {"actors": "top2"}, {"actors": []}),
                ("period -> quarter", {}, {"period": "quarter"}),
                ("dates -> later half", {}, {"dates": "late"}),
                ("timeline, 2 actors", {"actors": "top2"}, {"view": "timeline"}),
                ("timeline, busiest 15 pairs", {}, {"view": "timeline"}),
            ],
        ),
        (
            QuoteSentimentExplorer,
            {"actors": [], "view": "by speaker", "dates": "full"},
            [
                ("pick 2 speakers", {}, {"actors": "top2"}),
                ("clear speakers", {"actors": "top2"}, {"actors": []}),
                ("by speaker -> over time", {}, {"view": "over time"}),
                ("dates -> later half", {}, {"dates": "late"}),
            ],
        ),
        (
            ActorNetworkExplorer,
            {"actors": [], "min_weight": 1, "dates": "full", "focus": None},
            [
                ("pick 2 actors", {}, {"actors": "top2"}),
                ("clear actors", {"actors": "top2"}, {"actors": []}),
                ("min weight -> 2", {}, {"min_weight": 2}),
                ("dates -> later half", {}, {"dates": "late"}),
                ("focus on top actor", {}, {"focus": "top"}),
            ],
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--result", help="a folder written by Analysis.save")
    parser.add_argument("--synthetic", type=int, metavar="N", help="demo analysis x ~N articles")
    parser.add_argument("--repeat", type=int, default=5, help="runs per figure (median)")
    args = parser.parse_args()

    import newsanalysis as na

    if args.result:
        analysis, label = na.Analysis.load(args.result), args.result
    elif args.synthetic:
        analysis, label = synthetic(args.synthetic), f"synthetic ({args.synthetic:,} requested)"
    else:
        analysis, label = na.load_sample(quiet=True), "bundled sample"
    print(f"data: {label}: {analysis}")
    print(
        f"load average: {', '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores"
    )
    print(f"median of {args.repeat} runs; wall / cpu seconds\n")
    print(f"{'explorer':<24}{'step':<32}{'wall s':>9}{'cpu s':>9}")
    for cls, baseline, changes in scenarios():
        walls, cpus, explorer = [], [], None
        for _ in range(args.repeat):
            explorer, wall, cpu = _timed(lambda cls=cls: cls(analysis))
            walls.append(wall)
            cpus.append(cpu)
        name = cls.__name__
        print(
            f"{name:<24}{'render':<32}{statistics.median(walls):>9.3f}{statistics.median(cpus):>9.3f}"
        )
        for step, setup, change in changes:
            walls, cpus = [], []
            for _ in range(args.repeat):
                _apply(explorer, {**baseline, **setup})
                _, wall, cpu = _timed(lambda change=change, e=explorer: _apply(e, change))
                walls.append(wall)
                cpus.append(cpu)
            print(
                f"{'':<24}{'update: ' + step:<32}{statistics.median(walls):>9.3f}{statistics.median(cpus):>9.3f}"
            )


if __name__ == "__main__":
    main()
