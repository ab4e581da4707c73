"""Load articles from files, folders, globs and tables into a :class:`Corpus`.

``load`` picks a reader by file type (see :mod:`.readers`); ``load_table`` maps the
columns of any table. Inputs that cannot be read become rows of ``Corpus.errors``
(with ``errors="raise"`` they raise instead), so every input is accounted for.
"""

from __future__ import annotations

import glob
import io
import os
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlparse

import pandas as pd

from ..errors import InputError
from .corpus import CORPUS_COLUMNS, Corpus
from .published import parse_published
from .readers import READERS, decode_bytes, reader_for, records_from_frame

__all__ = ["Corpus", "load", "load_table", "parse_published"]

_SKIP_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini"}
_SKIP_SUFFIXES = {".md", ".license", ".gitkeep"}  # provenance notes next to data files


def load(
    *inputs: str | os.PathLike | Iterable[str | os.PathLike],
    errors: str = "collect",
    language: str | None = None,
    source: str | None = None,
) -> Corpus:
    """Read articles from files, folders (recursively) and glob patterns.

    Parameters
    ----------
    inputs:
        Paths, ``file://`` URLs, folders or globs (``"news/*.csv"``); several may be given.
    errors:
        ``"collect"`` (default) records unreadable inputs in ``Corpus.errors`` and goes on;
        ``"raise"`` raises :class:`~newsanalysis.errors.InputError` at the first one.
    language:
        Force the language of every article (``"id"``, ``"en"``); default: detect it.
    source:
        Source/outlet name for articles whose metadata has none.
    """
    _check_errors_mode(errors)
    paths: list[Path] = []
    problems: list[InputError] = []
    for item in _flatten(inputs):
        try:
            paths.extend(_expand(item))
        except InputError as exc:
            if errors == "raise":
                raise
            problems.append(exc)
    if not paths and not problems:
        raise InputError(
            ", ".join(map(str, _flatten(inputs))) or "(nothing)", "no input files given"
        )
    records: list[dict] = []
    for path in _without_sidecars(paths):
        try:
            items = reader_for(path)(path)
        except InputError as exc:
            if errors == "raise":
                raise
            problems.append(exc)
            continue
        for item in items:
            if isinstance(item, InputError):
                if errors == "raise":
                    raise item
                problems.append(item)
            else:
                records.append(item)
    return _build_corpus(records, problems, errors=errors, language=language, source=source)


def load_table(
    table: pd.DataFrame | str | os.PathLike,
    text: str | None = None,
    title: str | None = None,
    published: str | None = None,
    url: str | None = None,
    id: str | None = None,  # noqa: A002 - the public API name
    language: str | None = None,
    source: str | None = None,
    errors: str = "collect",
) -> Corpus:
    """Articles from a table whose columns you name (or that are guessed).

    ``table`` is a DataFrame or a path to any table file (.csv, .xlsx, .parquet, .jsonl).
    Column arguments name the column holding that field; unnamed fields are guessed
    from common column names (``content``, ``tanggal``, ``link`` ...). ``id=None`` uses the
    DataFrame index (as str) as ``article_id``. ``language`` may name a column or be a
    language code ("id", "en") for all rows.
    """
    _check_errors_mode(errors)
    if isinstance(table, pd.DataFrame):
        frame, where = table, "table"
    else:
        path = Path(_local_path(str(table)))
        where = str(path)
        frame = _read_frame(path)
    forced_language = None
    if language is not None and language not in frame.columns:
        forced_language, language = language, None
    mapping = {
        "text": text,
        "title": title,
        "published": published,
        "url": url,
        "article_id": id,
        "language": language,
    }
    if source is not None and source in frame.columns:
        mapping["source"] = source
        source = None
    mapping = {k: v for k, v in mapping.items() if v is not None}
    if id is None:
        mapping["article_id"] = None  # do not guess an id column: the index is the id
    items = records_from_frame(frame, where, mapping=mapping, use_index_as_id=id is None)
    records, problems = [], []
    for item in items:
        if isinstance(item, InputError):
            if errors == "raise":
                raise item
            problems.append(item)
        else:
            records.append(item)
    return _build_corpus(records, problems, errors=errors, language=forced_language, source=source)


# --------------------------------------------------------------------------- helpers


def _read_frame(path: Path) -> pd.DataFrame:
    """A table file as a DataFrame (for :func:`load_table`)."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise InputError(str(path), "no such file")
    if suffix in (".csv", ".tsv"):
        text = decode_bytes(path.read_bytes(), str(path))
        return pd.read_csv(
            io.StringIO(text),
            sep="\t" if suffix == ".tsv" else None,
            engine="python",
            dtype=str,
            keep_default_na=False,
        ).replace("", None)
    if suffix in (".xlsx", ".xlsm", ".xls"):
        try:
            return pd.read_excel(path)
        except Exception as exc:
            raise InputError(
                str(path), f"cannot read spreadsheet ({type(exc).__name__}: {exc})"
            ) from exc
    if suffix in (".parquet", ".pq"):
        return pd.read_parquet(path)
    if suffix in (".jsonl", ".ndjson"):
        return pd.read_json(path, lines=True)
    raise InputError(
        str(path), f"load_table reads .csv, .tsv, .xlsx, .parquet or .jsonl, not {suffix!r}"
    )


def _check_errors_mode(errors: str) -> None:
    if errors not in ("collect", "raise"):
        raise ValueError(f"errors must be 'collect' or 'raise', not {errors!r}")


def _flatten(inputs) -> list:
    flat = []
    for item in inputs:
        if isinstance(item, str | os.PathLike):
            flat.append(item)
        elif isinstance(item, Iterable):
            flat.extend(_flatten(item))
        else:
            raise TypeError(f"cannot load {item!r}: expected a path, folder, glob or list of them")
    return flat


def _local_path(item: str) -> str:
    if item.startswith("file://"):
        return unquote(urlparse(item).path)
    if "://" in item:
        raise InputError(item, "only local files can be loaded (no downloads); save the page first")
    return item


def _expand(item) -> list[Path]:
    """Files named by a path, folder or glob."""
    text = _local_path(os.fspath(item))
    path = Path(text).expanduser()
    if path.is_dir():
        files = [p for p in sorted(path.rglob("*")) if p.is_file() and not _skipped(p, path)]
        if not files:
            raise InputError(str(path), "folder holds no files")
        return files
    if path.is_file():
        return [path]
    if any(ch in text for ch in "*?["):
        matches = [Path(p) for p in sorted(glob.glob(text, recursive=True)) if Path(p).is_file()]
        if not matches:
            raise InputError(text, "glob pattern matches no files")
        return matches
    raise InputError(text, "no such file or folder")


def _skipped(path: Path, root: Path) -> bool:
    relative = path.relative_to(root)
    if any(part.startswith(".") for part in relative.parts):
        return True
    if path.name in _SKIP_NAMES or path.suffix.lower() in _SKIP_SUFFIXES:
        return True
    return path.name.upper().startswith(("LICENSE", "LICENCE", "README", "PROVENANCE"))


def _without_sidecars(paths: list[Path]) -> list[Path]:
    """Drop ``.json`` files that are metadata sidecars of a loaded ``.txt``."""
    texts = {p.with_suffix("") for p in paths if p.suffix.lower() in (".txt", ".text")}
    seen: set[Path] = set()
    kept = []
    for p in paths:
        if p.suffix.lower() == ".json" and p.with_suffix("") in texts:
            continue
        if p not in seen:
            seen.add(p)
            kept.append(p)
    return kept


def _build_corpus(
    records: list[dict],
    problems: list[InputError],
    errors: str,
    language: str | None,
    source: str | None,
) -> Corpus:
    """Give every record a unique article_id; duplicates of a given id become errors."""
    articles = []
    seen: dict[str, str] = {}
    for record in records:
        given = record.get("article_id")
        where = record.get("path") or "?"
        if given is None or str(given).strip() == "":
            record["article_id"] = _unique(_auto_id(where), seen)
        else:
            article_id = str(given)
            if article_id in seen:
                error = InputError(
                    where,
                    f"duplicate article_id {article_id!r} (already used by {seen[article_id]})",
                )
                if errors == "raise":
                    raise error
                problems.append(error)
                continue
            record["article_id"] = article_id
        seen[record["article_id"]] = where
        if language is not None:
            record["language"] = language
        if source is not None and not record.get("source"):
            record["source"] = source
        if "published" in record and not isinstance(record["published"], pd.Timestamp):
            try:
                record["published"] = parse_published(record["published"], record.get("url"))
            except ValueError as exc:
                error = InputError(where, f"published: {exc}")
                if errors == "raise":
                    raise error from exc
                problems.append(error)
                continue
        articles.append(record)
    frame = pd.DataFrame(articles) if articles else pd.DataFrame(columns=CORPUS_COLUMNS)
    error_rows = [
        {"input": exc.source, "article_id": None, "stage": "load", "error": exc.reason}
        for exc in problems
    ]
    return Corpus(
        frame, pd.DataFrame(error_rows, columns=["input", "article_id", "stage", "error"])
    )


def _auto_id(where: str) -> str:
    """An id from the input's location: file stem, plus the row/entry when there is one."""
    path, _, part = where.partition(":row ")
    if part:
        return f"{Path(path).stem}:{part}"
    path, _, part = where.partition(":line ")
    if part:
        return f"{Path(path).stem}:{part}"
    path, _, part = where.partition("#entry ")
    if part:
        return f"{Path(path).stem}:{part}"
    return Path(where).name.split(".")[0]


def _unique(candidate: str, seen: dict[str, str]) -> str:
    if candidate not in seen:
        return candidate
    n = 2
    while f"{candidate}~{n}" in seen:
        n += 1
    return f"{candidate}~{n}"


SUPPORTED_EXTENSIONS = sorted(set(READERS) | {".xml"})
