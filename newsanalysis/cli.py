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

input files: .txt (+ .json metadata sidecar), .html, .jsonl, .json, .csv, .tsv,
.xlsx, .parquet, RSS/Atom feeds (.xml, .rss, .atom); folders are read recursively.
In Python: import newsanalysis as na; na.Analysis.load("results/").
"""

ANALYZE_EPILOG = """\
Every input that cannot be read (an empty or binary file, a row without text, a bad
date ...) is reported on stderr and recorded in errors.parquet; the rest is processed.
Workbooks: only the first sheet is read unless --sheet says otherwise; other sheets
holding data are reported as notes.

exit status: 0 all inputs processed; 1 done, but some inputs had errors (see stderr);
2 nothing processed (bad arguments, no readable article, or an error with --strict).
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
        description=(
            "Read articles, extract actors, quotes, meetings and sentiment, and save\n"
            "the result tables (Parquet) to a folder."
        ),
        epilog=ANALYZE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    analyze.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="files, folders or glob patterns"
    )
    analyze.add_argument(
        "--out", "-o", required=True, metavar="DIR", help="folder for the result tables"
    )
    analyze.add_argument(
        "--language",
        metavar="CODE",
        help="language of every article (id, en, other); default: detected per article",
    )
    analyze.add_argument(
        "--sheet",
        metavar="NAME",
        help="workbook sheet to read: a name, a number (0 = first) or 'all' (default: first)",
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
    return parser


def _cmd_analyze(args: argparse.Namespace) -> int:
    import warnings

    import newsanalysis as na

    started = time.perf_counter()
    errors = "raise" if args.strict else "collect"
    sheet = args.sheet
    if sheet is not None and sheet.isdigit():
        sheet = int(sheet)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # skipped sheets: reported below
        corpus = na.load(args.inputs, errors=errors, language=args.language, sheet=sheet)
    for row in corpus.skipped.itertuples(index=False):
        print(f"note: {row.input}: {row.reason}", file=sys.stderr)
    if len(corpus.articles) == 0:
        _print_errors(corpus.errors)
        print(
            f"newsanalysis: error: no article could be read from {len(args.inputs)} input(s)",
            file=sys.stderr,
        )
        return 2
    result = na.analyze(
        corpus,
        engine=args.engine,
        workers=args.workers,
        progress=False if args.quiet else None,
        errors=errors,
    )
    out = result.save(args.out)
    _print_errors(result.errors)
    seconds = time.perf_counter() - started
    rate = len(result.articles) / seconds if seconds > 0 else 0.0
    not_loaded = int(result.errors["article_id"].isna().sum())
    print(
        f"{len(result.articles):,} articles read, {len(result.errors):,} errors "
        f"({not_loaded:,} inputs not loaded), {len(result.quotes):,} quotes, "
        f"{len(result.meetings):,} meetings, {len(result.actors):,} actors "
        f"in {seconds:.1f} s ({rate:,.0f} articles/s)\n"
        f"tables saved to {out}/"
    )
    return 1 if len(result.errors) else 0


def _print_errors(errors) -> None:
    """Each error on stderr: ``error: <input>: [<stage>] <reason>``."""
    for row in errors.itertuples(index=False):
        print(f"error: {row.input}: [{row.stage}] {row.error}", file=sys.stderr)


def _cmd_summary(args: argparse.Namespace) -> int:
    import newsanalysis as na

    result = na.Analysis.load(args.result)
    print(result.summary().to_string(index=False))
    if len(result.errors):
        print(f"\nerrors by stage:\n{result.errors['stage'].value_counts().to_string()}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    from .errors import NewsAnalysisError

    try:
        return args.func(args)
    except (NewsAnalysisError, ValueError) as exc:
        print(f"newsanalysis: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("newsanalysis: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
