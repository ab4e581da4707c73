"""Load articles from files, folders, globs and tables into a :class:`Corpus`.

``load`` picks a reader by file type (see :mod:`.readers`); ``load_table`` maps the
columns of any table. Inputs that cannot be read become rows of ``Corpus.errors``
(with ``errors="raise"`` they raise instead), so every input is accounted for.
"""

from __future__ import annotations

import glob
import os
import re
import warnings
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlparse

import pandas as pd

from ..errors import InputError
from ..lang.detect import normalize_language
from .corpus import CORPUS_COLUMNS, Corpus
from .published import parse_published
from .readers import (
    AUTO_ID,
    PROBLEMS,
    READERS,
    ReadOptions,
    Skipped,
    read_csv_frame,
    read_excel_frame,
    read_parquet_frame,
    reader_for,
    records_from_frame,
)

__all__ = ["Corpus", "load", "load_table", "parse_published", "SUPPORTED_EXTENSIONS"]

_SKIP_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini"}
_SKIP_SUFFIXES = {".md", ".license", ".gitkeep"}  # provenance notes next to data files


def load(
    *inputs: str | os.PathLike | Iterable[str | os.PathLike],
    errors: str = "collect",
    language: str | None = None,
    source: str | None = None,
    sheet: str | int | list[str | int] | None = None,
) -> Corpus:
    """Read articles from files, folders (recursively) and glob patterns, by file type.

    Parameters
    ----------
    inputs:
        Paths, ``file://`` URLs, folders or globs (``"news/*.csv"``); several may be given.
        Types: .txt (+ .json metadata sidecar), .html, .jsonl, .json, .csv, .tsv, .xlsx,
        .parquet, RSS/Atom feeds (.xml, .rss, .atom). In folders, hidden files and
        README/LICENSE/PROVENANCE/.md notes are skipped.
    errors:
        ``"collect"`` (default) records each unreadable input (file, row, entry) in
        ``Corpus.errors`` and goes on; ``"raise"`` raises
        :class:`~newsanalysis.errors.InputError` at the first one.
    language:
        Force the language of every article (``"id"``, ``"en"``, ``"other"``); default:
        metadata if the input has it, else detected from the text.
    source:
        Source/outlet name for articles whose metadata has none.
    sheet:
        Workbook sheets to read: ``None`` = the first sheet (other sheets holding data are
        listed in ``Corpus.skipped`` and a warning), ``"all"``, a sheet name or 0-based
        number, or a list of them.

    Every input ends up in ``Corpus.articles`` or ``Corpus.errors``.
    """
    _check_errors_mode(errors)
    forced_language = _check_language(language)
    options = ReadOptions(sheet=sheet)
    paths: list[Path] = []
    problems: list[InputError] = []
    flat = _flatten(inputs)
    for item in flat:
        try:
            paths.extend(_expand(item))
        except InputError as exc:
            if errors == "raise":
                raise
            problems.append(exc)
    if not flat:
        raise InputError("(nothing)", "no input files given")
    records: list[dict] = []
    skipped: list[Skipped] = []
    for path in _without_sidecars(paths):
        try:
            items = reader_for(path)(path, options)
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
            elif isinstance(item, Skipped):
                skipped.append(item)
            else:
                records.append(item)
    if skipped:
        warnings.warn(
            "not read: "
            + "; ".join(f"{s.source}: {s.reason}" for s in skipped)
            + " (see Corpus.skipped)",
            UserWarning,
            stacklevel=2,
        )
    stems = Counter(p.name.split(".")[0] for p in paths)
    return _build_corpus(
        records,
        problems,
        errors=errors,
        language=forced_language,
        source=source,
        skipped=skipped,
        ambiguous={stem for stem, count in stems.items() if count > 1},
    )


def load_table(
    table: pd.DataFrame | str | os.PathLike,
    text: str | None = None,
    title: str | None = None,
    published: str | None = None,
    url: str | None = None,
    id: str | None = None,  # noqa: A002 - the public API name
    language: str | None = None,
    source: str | None = None,
    time: str | None = None,
    sheet: str | int = 0,
    errors: str = "collect",
) -> Corpus:
    """Articles from a table whose columns you name (or that are guessed).

    ``table`` is a DataFrame or a path to a table file (.csv, .tsv, .xlsx, .parquet,
    .jsonl). Each column argument names the column holding that field; fields not named
    are guessed from common column names (``content``, ``judul``, ``tanggal``, ``link``
    ...). ``id=None`` uses the DataFrame index (as str) as ``article_id``. ``language``
    and ``source`` may name a column or give one value for all rows ("id", "en").
    ``time`` names a separate time-of-day column (``"21:48 WIB"``) combined with the date.

    A table that cannot be used at all (unreadable file, a named column that does not
    exist, no text column) raises :class:`~newsanalysis.errors.InputError`; problems of
    single rows (empty text, duplicate id, unreadable date) go to ``Corpus.errors``, or
    raise with ``errors="raise"``.
    """
    _check_errors_mode(errors)
    if isinstance(table, pd.DataFrame):
        frame, where, first_row = table, "table", None
    else:
        path = Path(_local_path(os.fspath(table))).expanduser()
        where = str(path)
        frame, first_row = _read_frame(path, sheet), 2
    forced_language = None
    if language is not None and language not in frame.columns:
        forced_language, language = _check_language(language), None
    mapping = {
        "text": text,
        "title": title,
        "published": published,
        "url": url,
        "language": language,
        "time": time,
    }
    if source is not None and source in frame.columns:
        mapping["source"] = source
        source = None
    mapping = {k: v for k, v in mapping.items() if v is not None}
    mapping["article_id"] = id  # None: do not guess an id column, the index is the id
    wheres = None
    if first_row is None:
        wheres = [f"{where}[index={label!r}]" for label in frame.index]
    items = records_from_frame(
        frame,
        where,
        mapping=mapping,
        use_index_as_id=id is None,
        first_row=first_row or 1,
        wheres=wheres,
    )
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


def _read_frame(path: Path, sheet: str | int = 0) -> pd.DataFrame:
    """A table file as a DataFrame (for :func:`load_table`)."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise InputError(str(path), "no such file")
    if suffix in (".csv", ".tsv"):
        return read_csv_frame(path)
    if suffix in (".xlsx", ".xlsm", ".xls", ".ods"):
        return read_excel_frame(path, sheet)
    if suffix in (".parquet", ".pq"):
        return read_parquet_frame(path)
    if suffix in (".jsonl", ".ndjson"):
        try:
            return pd.read_json(path, lines=True)
        except ValueError as exc:
            raise InputError(str(path), f"invalid JSON lines: {exc}") from exc
    raise InputError(
        str(path), f"load_table reads .csv, .tsv, .xlsx, .parquet or .jsonl, not {suffix!r}"
    )


def _check_errors_mode(errors: str) -> None:
    if errors not in ("collect", "raise"):
        raise ValueError(f"errors must be 'collect' or 'raise', not {errors!r}")


def _check_language(language: str | None) -> str | None:
    """A forced language, normalised ("id-ID" -> "id"); unknown codes raise ValueError."""
    if language is None or language == "auto":
        return None
    code = normalize_language(language)
    if code is None:
        from ..lang import available_languages

        allowed = ", ".join([*available_languages(), "other"])
        raise ValueError(f"unknown language {language!r}; expected one of {allowed}")
    return code


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
            raise InputError(str(path), "folder holds no article files")
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
    if any(part.startswith((".", "__")) for part in relative.parts):
        return True
    if path.name in _SKIP_NAMES or path.suffix.lower() in _SKIP_SUFFIXES:
        return True
    return path.name.upper().startswith(("LICENSE", "LICENCE", "README", "PROVENANCE", "NOTICE"))


def _without_sidecars(paths: list[Path]) -> list[Path]:
    """Drop ``.json`` files that are metadata sidecars of a loaded ``.txt``; drop repeats."""
    texts = {p.with_suffix("") for p in paths if p.suffix.lower() in (".txt", ".text")}
    seen: set[Path] = set()
    kept = []
    for p in paths:
        if p.suffix.lower() == ".json" and p.with_suffix("") in texts:
            continue
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            kept.append(p)
    return kept


def _build_corpus(
    records: list[dict],
    problems: list[InputError],
    errors: str,
    language: str | None,
    source: str | None,
    skipped: list[Skipped] | None = None,
    ambiguous: set[str] | frozenset[str] = frozenset(),
) -> Corpus:
    """Give every record a unique article_id; duplicates of a given id become errors.

    Error rows of inputs that did not load have no ``article_id``; problems of an article
    that did load (an unreadable date) carry its ``article_id``. Files whose stem is in
    ``ambiguous`` (``news.csv`` next to ``news.xlsx``) get ids naming the whole file name.
    """
    articles = []
    error_rows = [
        {"input": exc.source, "article_id": None, "stage": "load", "error": exc.reason}
        for exc in problems
    ]
    seen: dict[str, str] = {}
    for record in records:
        where = record.get("path") or "?"
        auto_id = record.pop(AUTO_ID, None) or Path(where).name.split(".")[0]
        notes = list(record.pop(PROBLEMS, None) or [])
        given = record.get("article_id")
        if given is None or (isinstance(given, float) and pd.isna(given)) or not str(given).strip():
            if re.split(r"[:\[]", auto_id, maxsplit=1)[0] in ambiguous:
                auto_id = _specific_id(where, auto_id)  # news.csv and news.xlsx: "news.csv:2"
            record["article_id"] = _unique(auto_id, seen)
        else:
            article_id = str(given).strip()
            if article_id in seen:
                error = InputError(
                    where,
                    f"duplicate article_id {article_id!r} (already used by {seen[article_id]})",
                )
                if errors == "raise":
                    raise error
                error_rows.append(
                    {"input": where, "article_id": None, "stage": "load", "error": error.reason}
                )
                continue
            record["article_id"] = article_id
        seen[record["article_id"]] = where
        if language is not None:
            record["language"] = language
        elif record.get("language") is not None:  # "id-ID" -> "id"; "auto", "" -> detect
            record["language"] = normalize_language(record["language"])
        if source is not None and not record.get("source"):
            record["source"] = source
        value = record.get("published")
        if value is not None and not isinstance(value, pd.Timestamp):
            try:
                record["published"] = parse_published(value, record.get("url"))
            except ValueError as exc:
                record["published"] = None
                notes.append(f"published: {exc}")
        for note in notes:
            if errors == "raise":
                raise InputError(where, note)
            error_rows.append(
                {"input": where, "article_id": record["article_id"], "stage": "load", "error": note}
            )
        articles.append(record)
    frame = pd.DataFrame(articles) if articles else pd.DataFrame(columns=CORPUS_COLUMNS)
    skipped_rows = [{"input": s.source, "reason": s.reason} for s in skipped or []]
    return Corpus(
        frame,
        pd.DataFrame(error_rows, columns=["input", "article_id", "stage", "error"]),
        skipped=pd.DataFrame(skipped_rows, columns=["input", "reason"]),
    )


_WHERE = re.compile(r"^(?P<file>.*?)(?P<sheet>\[[^\]]*\])?(?::row |:line |#entry )(?P<n>\d+)$")


def _specific_id(where: str, auto_id: str) -> str:
    """An id naming the whole file name (``news.xlsx:2``) for an input at ``where``."""
    match = _WHERE.match(where)
    if match:
        return f"{Path(match['file']).name}{match['sheet'] or ''}:{match['n']}"
    return Path(where).name or auto_id


def _unique(candidate: str, seen: dict[str, str]) -> str:
    if candidate not in seen:
        return candidate
    n = 2
    while f"{candidate}~{n}" in seen:
        n += 1
    return f"{candidate}~{n}"


SUPPORTED_EXTENSIONS = sorted(set(READERS) | {".xml"})
