"""A result store: the tables of an analysis as partitioned Parquet in a folder.

Layout (every table split into parts that share their names across tables)::

    OUT/store.json                      format, runs (when, how many articles, engine)
    OUT/<table>/part-RRRRR-cNNNNNN.parquet   rows of chunk NNNNNN of run RRRRR
    OUT/errors/part-RRRRR-a-load.parquet     inputs that could not be loaded in run RRRRR
    OUT/_signatures/part-*.parquet      MinHash of each article (near-duplicate search)
    OUT/_dedup/duplicates.parquet       article_id -> duplicate_of (whole store)
    OUT/_dedup/events.parquet           meeting_id -> event_id (whole store)

Parts sort in input order (run, then chunk), so reading them in name order gives the
rows of a serial run. ``duplicate_of`` and ``event_id`` depend on the whole store and are
recomputed after every run into ``_dedup/``; readers overlay them on the parts.

Only pyarrow and pandas are needed to write and read a store; DuckDB (the ``scale``
extra) is used to query one lazily (:mod:`.lazy`).
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd

from ..analysis import Analysis
from ..errors import NewsAnalysisError
from ..schema import TABLES, conform

FORMAT = "newsanalysis-store/1"
MANIFEST = "store.json"
SIGNATURES = "_signatures"
DEDUP = "_dedup"


def is_store(directory: str | os.PathLike) -> bool:
    """Whether ``directory`` holds a partitioned result store."""
    return (Path(directory) / MANIFEST).is_file()


def part_name(run: int, chunk: int) -> str:
    return f"part-{run:05d}-c{chunk:06d}.parquet"


def load_errors_part_name(run: int) -> str:
    return f"part-{run:05d}-a-load.parquet"


class StoreWriter:
    """Writes one run of an analysis into a store (creating the store if needed)."""

    def __init__(self, directory: str | os.PathLike, engine: str = "", append: bool = False):
        self.directory = Path(directory)
        manifest = read_manifest(self.directory) if is_store(self.directory) else None
        if manifest is None:
            if self.directory.exists() and any(self.directory.iterdir()):
                raise NewsAnalysisError(
                    f"{self.directory}: exists and is not a newsanalysis result store; "
                    "choose an empty or new folder"
                )
            manifest = {"format": FORMAT, "runs": []}
        elif not append:
            raise NewsAnalysisError(
                f"{self.directory}: already holds a result; use incremental=True "
                "(or na.update) to add to it, or choose a new folder"
            )
        self.manifest = manifest
        self.run = 1 + max((r["run"] for r in manifest["runs"]), default=0)
        self.engine = engine
        self.started = time.time()
        self.articles = 0
        self.directory.mkdir(parents=True, exist_ok=True)

    def write_chunk(
        self, chunk: int, analysis: Analysis, signatures: list | None = None
    ) -> dict[str, int]:
        """Write the tables of one chunk; returns row counts."""
        return write_part(
            self.directory, part_name(self.run, chunk), analysis, signatures, self.articles_add
        )

    def articles_add(self, n: int) -> None:
        self.articles += n

    def write_load_errors(self, errors: pd.DataFrame, files_read: Iterable[str] = ()) -> None:
        """Record this run's load errors; earlier load errors of files read again go.

        ``files_read``: the input files of this run (their old errors are outdated: a
        file that now loads, or fails again, is judged by this run).
        """
        errors = conform("errors", errors)
        files = {input_file(i) for i in errors["input"].dropna()} | set(files_read)
        replace_load_errors(self.directory, files, before_run=self.run)
        if len(errors):
            path = self.directory / "errors" / load_errors_part_name(self.run)
            path.parent.mkdir(parents=True, exist_ok=True)
            _write_parquet(errors, path)

    def finish(self, **info) -> dict:
        """Record the run in the manifest."""
        self.manifest["runs"].append(
            {
                "run": self.run,
                "started": time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime(self.started)),
                "seconds": round(time.time() - self.started, 3),
                "articles_processed": self.articles,
                "engine": self.engine,
                **info,
            }
        )
        write_manifest(self.directory, self.manifest)
        return self.manifest


def write_part(
    directory: Path,
    name: str,
    analysis: Analysis,
    signatures: list | None = None,
    on_articles=None,
) -> dict[str, int]:
    """Write every table of ``analysis`` as ``directory/<table>/<name>`` (used by workers)."""
    counts = {}
    for table in TABLES:
        frame = getattr(analysis, table)
        if table != "articles" and frame.empty:
            continue
        path = directory / table / name
        path.parent.mkdir(parents=True, exist_ok=True)
        _write_parquet(frame, path)
        counts[table] = len(frame)
    if signatures is not None and len(analysis.articles):
        path = directory / SIGNATURES / name
        path.parent.mkdir(parents=True, exist_ok=True)
        _write_parquet(signature_frame(analysis.articles["article_id"], signatures), path)
    if on_articles is not None:
        on_articles(len(analysis.articles))
    return counts


def signature_frame(article_ids: Iterable, signatures: list) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "article_id": pd.Series(list(article_ids), dtype="string"),
            "signature": [None if s is None else np.asarray(s, np.uint32) for s in signatures],
        }
    )


def _write_parquet(frame: pd.DataFrame, path: Path) -> None:
    """Write atomically (a reader never sees half a part)."""
    tmp = path.with_name(path.name + ".tmp")
    frame.to_parquet(tmp, index=False)
    os.replace(tmp, path)


def read_manifest(directory: Path) -> dict:
    manifest = json.loads((Path(directory) / MANIFEST).read_text(encoding="utf-8"))
    if manifest.get("format") != FORMAT:
        raise NewsAnalysisError(f"{directory}: unknown store format {manifest.get('format')!r}")
    return manifest


def write_manifest(directory: Path, manifest: dict) -> None:
    path = Path(directory) / MANIFEST
    tmp = path.with_name(MANIFEST + ".tmp")
    tmp.write_text(json.dumps(manifest, indent=2, default=str), encoding="utf-8")
    os.replace(tmp, path)


# --------------------------------------------------------------------------- reading


def parts(directory: str | os.PathLike, table: str) -> list[Path]:
    """The part files of ``table``, in input order."""
    folder = Path(directory) / table
    return sorted(folder.glob("part-*.parquet")) if folder.is_dir() else []


def read_table(
    directory: str | os.PathLike,
    table: str,
    columns: list[str] | None = None,
    article_ids: set[str] | None = None,
) -> pd.DataFrame:
    """One table of a store, in input order (optionally some columns / some articles)."""
    frames = []
    for path in parts(directory, table):
        frame = pd.read_parquet(path, columns=_existing(path, columns))
        if article_ids is not None and "article_id" in frame.columns:
            frame = frame[frame["article_id"].isin(article_ids)]
        frames.append(frame)
    frames = [f for f in frames if len(f.columns)]
    if not frames:
        return pd.DataFrame(columns=columns) if columns else pd.DataFrame()
    frame = pd.concat([f for f in frames if len(f)] or frames[:1], ignore_index=True)
    return frame


def read_run_table(directory: str | os.PathLike, table: str, run: int) -> pd.DataFrame:
    """The rows of ``table`` that run number ``run`` wrote (e.g. its errors)."""
    prefix = f"part-{run:05d}-"
    frames = [pd.read_parquet(p) for p in parts(directory, table) if p.name.startswith(prefix)]
    frames = [f for f in frames if len(f)]
    if not frames:
        return conform(table, None)
    return conform(table, pd.concat(frames, ignore_index=True))


def _existing(path: Path, columns: list[str] | None) -> list[str] | None:
    if columns is None:
        return None
    import pyarrow.parquet as pq

    names = set(pq.read_schema(path).names)
    return [c for c in columns if c in names]


def read_analysis(
    directory: str | os.PathLike, article_ids: Iterable[str] | None = None
) -> Analysis:
    """The whole store (or the rows of some articles) as an in-memory :class:`Analysis`."""
    wanted = None if article_ids is None else {str(a) for a in article_ids}
    tables = {
        name: read_table(directory, name, article_ids=wanted) for name in TABLES if name != "actors"
    }
    if wanted is not None:
        errors = read_table(directory, "errors")
        if len(errors):
            tables["errors"] = errors[
                errors["article_id"].isin(wanted) | errors["article_id"].isna()
            ]
    tables["actors"] = merge_actors(read_table(directory, "actors"))
    overlay_dedup(directory, tables)
    if wanted is not None:
        used = set(tables["mentions"].get("actor_id", pd.Series(dtype=object)).dropna())
        used |= set(tables["quotes"].get("speaker_id", pd.Series(dtype=object)).dropna())
        for ids in tables["meetings"].get("participant_ids", pd.Series(dtype=object)):
            if ids is not None:
                used.update(ids)
        actors = tables["actors"]
        tables["actors"] = actors[actors["actor_id"].isin(used)] if len(actors) else actors
    manifest = read_manifest(Path(directory))
    return Analysis(**tables, meta={"store": str(directory), "runs": manifest["runs"]})


def merge_actors(frame: pd.DataFrame) -> pd.DataFrame:
    """Actors of all parts, one row per actor_id, aliases merged in order (as ``collect``)."""
    if frame.empty:
        return frame
    merged: dict[str, dict] = {}
    for row in frame.to_dict("records"):
        aliases = row.get("aliases")
        aliases = [] if aliases is None else list(aliases)
        known = merged.get(row["actor_id"])
        if known is None:
            merged[row["actor_id"]] = {**row, "aliases": aliases}
        else:
            known["aliases"].extend(a for a in aliases if a not in known["aliases"])
    return pd.DataFrame(list(merged.values()))


def overlay_dedup(directory: str | os.PathLike, tables: dict[str, pd.DataFrame]) -> None:
    """Put the store-wide ``duplicate_of`` and ``event_id`` into loaded tables."""
    folder = Path(directory) / DEDUP
    articles, meetings = tables.get("articles"), tables.get("meetings")
    dup_path, ev_path = folder / "duplicates.parquet", folder / "events.parquet"
    if articles is not None and len(articles) and dup_path.is_file():
        dups = pd.read_parquet(dup_path).set_index("article_id")["duplicate_of"]
        articles["duplicate_of"] = articles["article_id"].map(dups)
    if meetings is not None and len(meetings) and ev_path.is_file():
        events = pd.read_parquet(ev_path).set_index("meeting_id")["event_id"]
        meetings["event_id"] = meetings["meeting_id"].map(events)


# --------------------------------------------------------------------------- updating


def article_index(directory: str | os.PathLike) -> pd.DataFrame:
    """``article_id, content_hash, published, part`` of every stored article."""
    frames = []
    for path in parts(directory, "articles"):
        frame = pd.read_parquet(path, columns=["article_id", "content_hash", "published"])
        frame["part"] = path.name
        frames.append(frame)
    if not frames:
        return pd.DataFrame(columns=["article_id", "content_hash", "published", "part"])
    return pd.concat(frames, ignore_index=True)


def remove_articles(directory: str | os.PathLike, stale: dict[str, set[str]]) -> None:
    """Drop the rows of articles from the parts that hold them (``{part: {article_id}}``).

    Used when a changed article has been re-analysed into a new part: its old rows go.
    """
    directory = Path(directory)
    for name, ids in stale.items():
        for table in (*TABLES, SIGNATURES):
            if table == "actors":
                continue
            path = directory / table / name
            if not path.is_file():
                continue
            frame = pd.read_parquet(path)
            keep = ~frame["article_id"].isin(ids)
            if keep.all():
                continue
            if keep.any() or table == "articles":
                _write_parquet(frame[keep], path)
            else:
                path.unlink()


_INPUT_PART = re.compile(r"(?:\[[^\]]*\])?(?::row \d+|:line \d+|#entry \d+)?$")


def input_file(where: str) -> str:
    """The file of an input location (``news.csv:row 5`` -> ``news.csv``)."""
    return _INPUT_PART.sub("", str(where), count=1)


def replace_load_errors(directory: Path, files: set[str], before_run: int) -> None:
    """Remove load errors of runs before ``before_run`` whose input file was read again."""
    if not files:
        return
    for path in parts(directory, "errors"):
        if "-a-" not in path.name or int(path.name.split("-")[1]) >= before_run:
            continue
        frame = pd.read_parquet(path)
        keep = ~frame["input"].map(input_file).isin(files)
        if keep.all():
            continue
        if keep.any():
            _write_parquet(frame[keep], path)
        else:
            path.unlink()


def write_dedup(
    directory: str | os.PathLike, duplicates: pd.DataFrame, events: pd.DataFrame
) -> None:
    folder = Path(directory) / DEDUP
    folder.mkdir(parents=True, exist_ok=True)
    _write_parquet(duplicates, folder / "duplicates.parquet")
    _write_parquet(events, folder / "events.parquet")
