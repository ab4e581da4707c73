"""Helpers shared by the benchmark scripts: the CLICK-ID corpus, timing, memory, tables."""

from __future__ import annotations

import os
import platform
import resource
import sys
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSANALYSIS_SHARED", ROOT.parent / "shared"))
CLICK_ID = SHARED / "corpus" / "click-id"
CLICK_ID_FILES = ["kompas.xlsx", "okezone.xlsx", "sindonews.xlsx", "tribunnews.csv"]


def need(path: Path) -> Path:
    if not path.exists():
        sys.exit(f"needs {path} (the shared data; set NEWSANALYSIS_SHARED)")
    return path


def load_click_id(limit: int | None = None):
    """All CLICK-ID articles as one Corpus (first ``limit`` if given), and seconds taken."""
    import newsanalysis as na

    started = time.perf_counter()
    corpus = na.load([need(CLICK_ID / name) for name in CLICK_ID_FILES])
    if limit is not None:
        corpus = na.Corpus(corpus.articles.head(limit), corpus.errors.iloc[:0])
    return corpus, time.perf_counter() - started


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux: ru_maxrss is in kB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_mb() -> float:
    import psutil

    return psutil.Process().memory_info().rss / 2**20


def machine() -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"{platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} cores, load average {load:.1f} at start"
    )


def print_table(rows: list[dict], title: str) -> None:
    print(f"\n{title}")
    print(pd.DataFrame(rows).to_string(index=False))
