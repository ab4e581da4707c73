"""The ``newsanalysis`` command."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence

DESCRIPTION = """\
Turn news articles into tables of who met whom and when, who said what (and in
what tone), and who is connected to whom. Indonesian and English.
"""

EPILOG = """\
examples:
  newsanalysis analyze data/ --out results/
  newsanalysis analyze "news/*.xlsx" feed.xml --out results/ --language id
  newsanalysis summary results/
  newsanalysis report results/ --out report.html --pdf --actor "Xi Jinping" --from 2022-01-01

input files: .txt (+ .json metadata sidecar), .html, .jsonl, .json, .csv, .tsv,
.xlsx, .parquet, RSS/Atom feeds (.xml, .rss, .atom); folders are read recursively.
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsanalysis",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    from . import __version__

    parser.add_argument("--version", action="version", version=f"newsanalysis {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    analyze = commands.add_parser(
        "analyze",
        help="extract actors, quotes, meetings and sentiment; save the tables as Parquet",
        description="Read articles, extract everything, and save the result tables (Parquet) to a folder.",
    )
    analyze.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="files, folders or glob patterns"
    )
    analyze.add_argument(
        "--out", "-o", required=True, metavar="DIR", help="folder for the result tables"
    )
    analyze.add_argument(
        "--language", metavar="CODE", help="force the language of every article (id, en)"
    )
    analyze.add_argument(
        "--engine",
        default="auto",
        choices=["auto", "serial", "processes", "dask"],
        help="where to run (default: auto)",
    )
    analyze.add_argument(
        "--workers", type=int, metavar="N", help="processes to use (default: all cores)"
    )
    analyze.add_argument(
        "--strict",
        action="store_true",
        help="stop at the first unreadable input instead of recording it",
    )
    analyze.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    analyze.set_defaults(func=_cmd_analyze)

    summary = commands.add_parser(
        "summary", help="print the row counts and errors of a saved result"
    )
    summary.add_argument("result", metavar="RESULT_DIR")
    summary.set_defaults(func=_cmd_summary)
    _add_report_command(commands)
    return parser


def _cmd_analyze(args: argparse.Namespace) -> int:
    import newsanalysis as na

    started = time.perf_counter()
    errors = "raise" if args.strict else "collect"
    corpus = na.load(args.inputs, errors=errors, language=args.language)
    result = na.analyze(
        corpus,
        engine=args.engine,
        workers=args.workers,
        progress=not args.quiet and None,
        errors=errors,
    )
    out = result.save(args.out)
    for row in result.errors.itertuples(index=False):
        print(f"error: {row.input}: [{row.stage}] {row.error}", file=sys.stderr)
    seconds = time.perf_counter() - started
    rate = len(result.articles) / seconds if seconds > 0 else 0.0
    print(
        f"{len(result.articles):,} articles read, {len(result.errors):,} errors, "
        f"{len(result.quotes):,} quotes, {len(result.meetings):,} meetings, "
        f"{len(result.actors):,} actors in {seconds:.1f} s ({rate:,.0f} articles/s)\n"
        f"tables saved to {out}/"
    )
    return 0


def _cmd_summary(args: argparse.Namespace) -> int:
    import newsanalysis as na

    result = na.Analysis.load(args.result)
    print(result.summary().to_string(index=False))
    if len(result.errors):
        print(f"\nerrors by stage:\n{result.errors['stage'].value_counts().to_string()}")
    return 0


# --------------------------------------------------------------------------- report


def _add_report_command(commands) -> None:
    report = commands.add_parser(
        "report",
        help="write a self-contained HTML (and PDF) report: meetings, quotes, network",
        description=(
            "Write one offline HTML file with the three views (meetings, quote sentiment, "
            "actor network) and the tables behind them, for the whole corpus or a filter. "
            "--pdf also writes a PDF (printed by the system Chromium; matplotlib charts "
            "without it)."
        ),
    )
    report.add_argument("result", metavar="RESULT_DIR", help="a folder written by 'analyze'")
    report.add_argument(
        "--out",
        "-o",
        default="report.html",
        metavar="FILE",
        help="HTML file (default: report.html)",
    )
    report.add_argument("--pdf", action="store_true", help="also write FILE.pdf")
    report.add_argument(
        "--actor",
        action="append",
        metavar="NAME",
        help="only this actor's meetings, quotes and links (repeat for several: meetings between them)",
    )
    report.add_argument("--from", dest="start", metavar="DATE", help="first date (YYYY-MM-DD)")
    report.add_argument("--to", dest="end", metavar="DATE", help="last date (YYYY-MM-DD)")
    report.add_argument("--language", action="append", metavar="CODE", help="only these languages")
    report.add_argument("--source", action="append", metavar="NAME", help="only these sources")
    report.add_argument(
        "--period",
        default="month",
        choices=["week", "month", "quarter", "year"],
        help="time unit of the meeting and sentiment charts (default: month)",
    )
    report.add_argument("--title", help="title of the report")
    report.set_defaults(func=_cmd_report)


def _cmd_report(args: argparse.Namespace) -> int:
    import warnings

    import newsanalysis as na
    from newsanalysis.report import build_report

    result = na.Analysis.load(args.result)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        written = build_report(
            result,
            args.out,
            actors=args.actor,
            start=args.start,
            end=args.end,
            languages=args.language,
            sources=args.source,
            period=args.period,
            title=args.title,
            pdf=args.pdf,
        )
    for warning in caught:
        if "matplotlib" in str(warning.message):
            print(f"note: {warning.message}", file=sys.stderr)
    for kind, path in written.items():
        print(f"{kind}: {path}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    from .errors import NewsAnalysisError

    try:
        return args.func(args)
    except NewsAnalysisError as exc:
        print(f"newsanalysis: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
