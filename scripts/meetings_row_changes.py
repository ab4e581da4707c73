"""How many meeting rows a change adds or removes on the whole CLICK-ID corpus, by count only.

Usage::

    .venv/bin/python scripts/meetings_row_changes.py 9725f3e
    .venv/bin/python scripts/meetings_row_changes.py main --files kompas.xlsx

Runs ``process_article`` of this checkout and of git revision ``BEFORE`` (exported with
``git archive``, as ``benchmarks/compare_versions.py`` does) over the CLICK-ID files and
prints, per file, the rows of each version by status and how many rows only one version
has (a row is its article, start, status and participants). It never prints a row: the
size of a rule's effect on ordinary news can be checked on articles that a later blind
gold round may draw from, without reading them.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import warnings
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLICK_ID = ROOT.parent / "shared" / "corpus" / "click-id"
FILES = ("kompas.xlsx", "okezone.xlsx", "sindonews.xlsx", "tribunnews.csv")


def rows_of(source: str, files: list[str], folder: Path = CLICK_ID) -> dict[str, list[list]]:
    """Meeting rows (article, start, status, participants) per file of ``folder``, with the
    package in ``source``."""
    sys.path.insert(0, source)
    import newsanalysis as na
    from newsanalysis.pipeline import Settings, process_article

    if not na.__file__.startswith(source):
        sys.exit(f"imported {na.__file__}, not the package in {source}")
    settings = Settings()
    out: dict[str, list[list]] = {}
    for name in files:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            articles = na.load(str(folder / name)).articles
        rows = []
        for record in articles.to_dict("records"):
            for m in process_article(record, settings)["meetings"]:
                rows.append([record["article_id"], m["start"], m["status"], m["participants"]])
        out[name] = rows
    return out


def run(source: str, files: list[str]) -> dict[str, list[list]]:
    """``rows_of`` in a fresh interpreter, so that each version imports its own package."""
    done = subprocess.run(
        [sys.executable, __file__, "--worker", source, "--files", *files],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(done.stdout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", nargs="?", help="git revision to compare with")
    parser.add_argument("--files", nargs="+", default=list(FILES), help="CLICK-ID files")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        json.dump(rows_of(args.worker, args.files), sys.stdout)
        return 0
    if not args.before:
        parser.error("give the git revision to compare with")
    if not CLICK_ID.is_dir():
        sys.exit(f"CLICK-ID not found: {CLICK_ID}")
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from compare_versions import export

    with tempfile.TemporaryDirectory() as tmp:
        before = run(str(export(args.before, Path(tmp))), args.files)
    after = run(str(ROOT), args.files)
    print(f"meeting rows, {args.before} -> this checkout (counts only, no row is shown)")
    for name in args.files:
        old = {json.dumps(r) for r in before[name]}
        new = {json.dumps(r) for r in after[name]}
        statuses = sorted({r[2] for r in before[name] + after[name]})
        count_old = Counter(r[2] for r in before[name])
        count_new = Counter(r[2] for r in after[name])
        by_status = ", ".join(f"{s} {count_old[s]}->{count_new[s]}" for s in statuses)
        print(
            f"{name}: {len(old)} -> {len(new)} rows; only before {len(old - new)}, "
            f"only after {len(new - old)}; {by_status}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
