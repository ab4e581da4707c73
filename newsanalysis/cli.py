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
  newsanalysis analyze news/ --out store/ --store          # large corpora: on disk as it goes
  newsanalysis analyze news/ --out store/ --incremental    # later: only new/changed articles
  newsanalysis analyze "news/*.parquet" --out store/ --store --engine dask --workers 8
  newsanalysis summary results/
  newsanalysis report results/ --out report.html --pdf --actor "Xi Jinping" --from 2022-01-01

input files: .txt (+ .json metadata sidecar), .html, .jsonl, .json, .csv, .tsv,
.xlsx, .parquet, RSS/Atom feeds (.xml, .rss, .atom); folders are read recursively.
In Python: import newsanalysis as na; na.Analysis.load("results/").
"""

ANALYZE_EPILOG = """\
Every input that cannot be read (an empty or binary file, a row without text, a bad
date ...) is reported on stderr and recorded in errors.parquet; the rest is processed.
Workbooks: only the first sheet is read unless --sheet says otherwise; other sheets
holding data are reported as notes.

Output: by default the whole result is kept in memory and saved at the end as one
Parquet file per table (DIR/articles.parquet, ...; na.Analysis.load("DIR")). With
--store the tables are written part by part while the articles are processed, so
memory stays flat however large the corpus (a result store; open it lazily with
na.open_result("DIR")). --incremental adds to a store: only articles that are new, or
whose cleaned text or date changed, are analysed; the first run creates the store.
With --engine dask, --store and a single folder or glob of Parquet/JSON-lines files,
the workers read the files themselves. See docs/performance.md.

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
        "--store",
        action="store_true",
        help="write DIR as a result store, part by part while processing (flat memory)",
    )
    analyze.add_argument(
        "--incremental",
        action="store_true",
        help="add to the result store in DIR: analyse only new and changed articles "
        "(implies --store; creates the store if DIR is new)",
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
        "--chunk-size",
        type=_positive_int,
        metavar="N",
        help="articles per task, and per part of a store (default: chosen from the size)",
    )
    analyze.add_argument(
        "--duplicates",
        default="auto",
        choices=["auto", "near", "exact", "none"],
        help="mark copies of a story in articles.duplicate_of: near (MinHash), exact "
        "(same cleaned text), none; auto: near when available (default)",
    )
    analyze.add_argument(
        "--strict",
        action="store_true",
        help="stop at the first unreadable input instead of recording it",
    )
    analyze.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    analyze.set_defaults(func=_cmd_analyze)

    summary = commands.add_parser(
        "summary", help="print the row counts and errors of a saved result or result store"
    )
    summary.add_argument("result", metavar="RESULT_DIR")
    summary.set_defaults(func=_cmd_summary)
    _add_report_command(commands)
    return parser


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def _cmd_analyze(args: argparse.Namespace) -> int:
    import warnings

    import newsanalysis as na
    from newsanalysis.scale import is_store

    started = time.perf_counter()
    errors = "raise" if args.strict else "collect"
    store = args.store or args.incremental
    if store and is_store(args.out) and not args.incremental:
        print(
            f"newsanalysis: error: {args.out} already holds a result store; add --incremental "
            "to add new and changed articles to it, or choose a new folder",
            file=sys.stderr,
        )
        return 2
    sheet = args.sheet
    if sheet is not None and sheet.isdigit():
        sheet = int(sheet)
    options = {
        "engine": args.engine,
        "workers": args.workers,
        "progress": False if args.quiet else None,
        "errors": errors,
        "duplicates": None if args.duplicates == "none" else args.duplicates,
        "chunk_size": args.chunk_size,
    }
    if store and _workers_read_inputs(args):
        result = na.analyze(args.inputs[0], out=args.out, incremental=args.incremental, **options)
        return _report_store(result, args.out, started)
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
    if store:
        result = na.analyze(corpus, out=args.out, incremental=args.incremental, **options)
        return _report_store(result, args.out, started)
    result = na.analyze(corpus, **options)
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


def _workers_read_inputs(args: argparse.Namespace) -> bool:
    """Whether Dask workers can read the input themselves (one folder/glob of Parquet/JSONL)."""
    if args.engine != "dask" or len(args.inputs) != 1 or args.language or args.sheet:
        return False
    from newsanalysis.scale.dask_engine import _worker_readable_files

    return _worker_readable_files(args.inputs[0]) is not None


def _report_store(lazy, out: str, started: float) -> int:
    """Print this run's errors and a summary of a store run; the exit status."""
    from newsanalysis.scale.store import read_run_table

    run = lazy.runs[-1]
    errors = read_run_table(out, "errors", run["run"])
    _print_errors(errors)
    seconds = time.perf_counter() - started
    read = run.get("articles_read", run["articles_processed"])
    rate = read / seconds if seconds > 0 else 0.0
    not_loaded = int(errors["article_id"].isna().sum()) if len(errors) else 0
    skipped, changed = run.get("articles_skipped", 0), run.get("articles_changed", 0)
    incremental = (
        f" ({skipped:,} unchanged, skipped; {changed:,} changed)" if run["run"] > 1 else ""
    )
    counts = {t: lazy.count(t) for t in ("articles", "quotes", "meetings", "actors")}
    print(
        f"{read:,} articles read{incremental}, {len(errors):,} errors "
        f"({not_loaded:,} inputs not loaded) in {seconds:.1f} s ({rate:,.0f} articles/s)\n"
        f"result store {out}/ (run {run['run']}) holds {counts['articles']:,} articles, "
        f"{counts['quotes']:,} quotes, {counts['meetings']:,} meetings, "
        f"{counts['actors']:,} actors; open it with na.open_result({str(out)!r})"
    )
    return 1 if len(errors) else 0


def _print_errors(errors) -> None:
    """Each error on stderr: ``error: <input>: [<stage>] <reason>``."""
    for row in errors.itertuples(index=False):
        print(f"error: {row.input}: [{row.stage}] {row.error}", file=sys.stderr)


def _cmd_summary(args: argparse.Namespace) -> int:
    import newsanalysis as na
    from newsanalysis.scale import is_store

    if is_store(args.result):  # counted in place, nothing loaded
        result = na.open_result(args.result)
        errors = result.table("errors")
        print(result.summary().to_string(index=False))
        for run in result.runs:
            print(
                f"run {run['run']} ({run['started']}, {run.get('engine', '')}): "
                f"{run.get('articles_read', run['articles_processed']):,} articles read, "
                f"{run['articles_processed']:,} analysed, "
                f"{run.get('articles_skipped', 0):,} unchanged"
            )
    else:
        result = na.Analysis.load(args.result)
        errors = result.errors
        print(result.summary().to_string(index=False))
    if len(errors):
        print(f"\nerrors by stage:\n{errors['stage'].value_counts().to_string()}")
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
    from newsanalysis.scale import is_store

    # a store (na.analyze(..., out=DIR)) is read lazily; a saved Analysis in full
    result = na.open_result(args.result) if is_store(args.result) else na.Analysis.load(args.result)
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
