"""Helpers shared by the benchmark scripts: the CLICK-ID corpus, timing, memory, tables."""

from __future__ import annotations

import os
import platform
import resource
import sys
import time
import warnings
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
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # the label sheets are skipped on purpose
        corpus = na.load([need(CLICK_ID / name) for name in CLICK_ID_FILES])
    # the workbooks' extra sheets (clickbait labelling) repeat rows of the first sheet
    first_sheet = ~corpus.articles["path"].str.contains(r"\.xlsx\[\w+_\w+\]", regex=True)
    corpus = na.Corpus(corpus.articles[first_sheet.to_numpy()], corpus.errors)
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


WORK = Path(os.environ.get("NEWSANALYSIS_BENCH_DIR", "/tmp/newsanalysis-bench"))


def click_id_frame() -> pd.DataFrame:
    """CLICK-ID articles as a table (cached as Parquet in ``WORK``: the xlsx are slow)."""
    cache = WORK / "click-id.parquet"
    if cache.is_file():
        return pd.read_parquet(cache)
    corpus, _ = load_click_id()
    frame = corpus.articles[["article_id", "title", "text", "published", "source", "url"]]
    WORK.mkdir(parents=True, exist_ok=True)
    frame.to_parquet(cache, index=False)
    return frame


def replicated(n: int, start: int = 0, seed: int = 0) -> pd.DataFrame:
    """Articles ``start .. start+n`` of CLICK-ID replicated without end.

    Replica ``k`` of an article gets the id ``<id>~r<k>`` and its publication date moved
    by a random number of days (up to a year either way); text, title and source stay.
    """
    import numpy as np

    base = click_id_frame()
    positions = np.arange(start, start + n)
    rows = base.iloc[positions % len(base)].reset_index(drop=True)
    replica = positions // len(base)
    rng = np.random.default_rng(seed + start)
    days = np.where(replica > 0, rng.integers(-365, 366, size=n), 0)
    rows["published"] = pd.to_datetime(rows["published"]) + pd.to_timedelta(days, unit="D")
    rows["article_id"] = [
        a if r == 0 else f"{a}~r{r}" for a, r in zip(rows["article_id"], replica, strict=True)
    ]
    return rows


def write_replicated(n: int, folder: Path, per_file: int = 5000) -> list[Path]:
    """Write ``n`` replicated articles as Parquet files of ``per_file`` rows (reused if there)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, start in enumerate(range(0, n, per_file)):
        path = folder / f"articles-{number:05d}.parquet"
        if not path.is_file():
            replicated(min(per_file, n - start), start).to_parquet(path, index=False)
        paths.append(path)
    return paths


class MemorySampler:
    """Samples the RSS of this process and of its child processes in a thread."""

    def __init__(self, interval: float = 0.5):
        import threading

        import psutil

        self.interval = interval
        self.process = psutil.Process()
        self.main_peak = 0.0
        self.child_peak: dict[int, float] = {}
        self.child_cpu: dict[int, float] = {}  # last CPU seconds seen of each child
        self.child_cpu_before: dict[int, float] = {}  # of children already running at start
        self._cpu_start = time.process_time()
        self.main_cpu = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        import psutil

        while not self._stop.is_set():
            try:
                self.main_peak = max(self.main_peak, self.process.memory_info().rss / 2**20)
                for child in self.process.children(recursive=True):
                    try:
                        rss = child.memory_info().rss / 2**20
                        times = child.cpu_times()
                    except psutil.Error:
                        continue
                    self.child_peak[child.pid] = max(self.child_peak.get(child.pid, 0.0), rss)
                    self.child_cpu[child.pid] = times.user + times.system
            except psutil.Error:
                pass
            self._stop.wait(self.interval)

    def __enter__(self) -> MemorySampler:
        import psutil

        for child in self.process.children(recursive=True):  # e.g. a forkserver
            try:
                times = child.cpu_times()
            except psutil.Error:
                continue
            self.child_cpu_before[child.pid] = times.user + times.system
        self._cpu_start = time.process_time()
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.main_cpu = time.process_time() - self._cpu_start

    def cpu_seconds(self) -> float:
        """CPU time used while sampling: this process, plus its children as last sampled
        (a child's last half second before it exited may be missed)."""
        children = sum(
            cpu - self.child_cpu_before.get(pid, 0.0) for pid, cpu in self.child_cpu.items()
        )
        return self.main_cpu + children

    def worker_peak(self, minimum_mb: float = 100.0) -> float:
        """Largest child peak among processes that look like workers (> ``minimum_mb``)."""
        peaks = [p for p in self.child_peak.values() if p >= minimum_mb]
        return max(peaks, default=0.0)


def replicate_result(analysis, n_articles: int, seed: int = 0, text: bool = False):
    """An Analysis of ``n_articles`` made of copies of ``analysis`` (for latency tests).

    Copy ``k`` of an article gets ``~r<k>`` appended to its ids (article, quote, meeting,
    event) and all its dates moved by the same random number of days (up to a year),
    so the rows per article, actors and co-occurrences keep the real distribution.
    ``text=False`` leaves the article texts out (the explorers do not use them).
    """
    import numpy as np

    import newsanalysis as na

    base = analysis.articles
    if not text:
        base = base.drop(columns=[c for c in ("text", "raw_text", "offsets") if c in base])
    copies = -(-n_articles // len(base))
    rng = np.random.default_rng(seed)
    tables = {"articles": [], "mentions": [], "quotes": [], "meetings": []}
    for k in range(copies):
        suffix = "" if k == 0 else f"~r{k}"
        days = rng.integers(-365, 366, size=len(base)) if k else np.zeros(len(base), int)
        shift = dict(zip(base["article_id"], pd.to_timedelta(days, unit="D"), strict=True))
        art = base.copy()
        art["published"] = art["published"] + art["article_id"].map(shift)
        for name, source in (
            ("mentions", analysis.mentions),
            ("quotes", analysis.quotes),
            ("meetings", analysis.meetings),
        ):
            rows = source.copy()
            if name == "meetings":
                delta = rows["article_id"].map(shift)
                for column in ("date_start", "date_end"):
                    rows[column] = rows[column] + delta
                rows["meeting_id"] = rows["meeting_id"] + suffix
                if "event_id" in rows:
                    rows["event_id"] = rows["event_id"] + suffix
            if name == "quotes":
                rows["quote_id"] = rows["quote_id"] + suffix
            rows["article_id"] = rows["article_id"] + suffix
            tables[name].append(rows)
        art["article_id"] = art["article_id"] + suffix
        tables["articles"].append(art)
    out = {name: pd.concat(frames, ignore_index=True) for name, frames in tables.items()}
    keep = set(out["articles"]["article_id"].iloc[:n_articles])
    out = {name: frame[frame["article_id"].isin(keep)] for name, frame in out.items()}
    return na.Analysis(**out, actors=analysis.actors)
