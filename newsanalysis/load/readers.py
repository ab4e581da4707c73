"""One reader per file type. Each turns a file into article records.

A reader returns a list whose items are article records (dicts with the corpus
columns) or :class:`~newsanalysis.errors.InputError` for a part of the file that could
not be read (a bad JSON line, a feed entry without text). A file that cannot be read at
all raises :class:`InputError`.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from ..errors import InputError

Record = dict
ReadItem = Record | InputError

_TEXT_EXTENSIONS = {".txt", ".text", ".md"}
_SIDECAR_KEYS = {
    "id": "article_id",
    "article_id": "article_id",
    "title": "title",
    "headline": "title",
    "published": "published",
    "date": "published",
    "language": "language",
    "lang": "language",
    "source": "source",
    "url": "url",
    "author": "author",
}


# --------------------------------------------------------------------------- bytes -> text


def decode_bytes(data: bytes, source: str) -> str:
    """Decode a text file: BOMs, UTF-8, then the best guess of charset-normalizer.

    Raises :class:`InputError` for empty and binary files.
    """
    if not data.strip():
        raise InputError(source, "empty file")
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(
                    source, f"starts with a {codec} byte-order mark but is not {codec}: {exc}"
                ) from exc
    if b"\x00" in data[:4096]:
        raise InputError(source, "binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise InputError(source, "binary file or unknown text encoding")
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise InputError(source, f"cannot decode as {best.encoding}: {exc}") from exc


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read file: {exc.strerror or exc}") from exc


# --------------------------------------------------------------------------- readers


def sidecar_path(path: Path) -> Path | None:
    """The ``.json`` metadata file next to a ``.txt`` article, if there is one."""
    candidate = path.with_suffix(".json")
    return candidate if candidate.is_file() else None


def read_txt(path: Path) -> list[ReadItem]:
    """A plain-text article; metadata from a ``.json`` sidecar with the same stem."""
    text = decode_bytes(_read_bytes(path), str(path))
    record: Record = {"article_id": path.name.split(".")[0], "text": text, "path": str(path)}
    sidecar = sidecar_path(path)
    if sidecar is not None:
        try:
            meta = json.loads(decode_bytes(_read_bytes(sidecar), str(sidecar)))
        except (json.JSONDecodeError, InputError) as exc:
            raise InputError(str(sidecar), f"metadata sidecar is not valid JSON: {exc}") from exc
        if not isinstance(meta, dict):
            raise InputError(str(sidecar), "metadata sidecar must hold a JSON object")
        for key, value in meta.items():
            column = _SIDECAR_KEYS.get(key.lower())
            if column and value not in (None, ""):
                record[column] = value
    else:
        first_line = text.strip().split("\n", 1)[0].strip()
        if 0 < len(first_line) <= 200 and not first_line.endswith((".", "”", '"')):
            record["title"] = first_line
    return [record]


def read_html(path: Path) -> list[ReadItem]:
    """An HTML page: the article body and metadata via trafilatura."""
    import trafilatura

    html = decode_bytes(_read_bytes(path), str(path))
    try:
        doc = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, favor_precision=True, as_dict=True
        )
    except Exception as exc:  # trafilatura raises assorted errors on broken markup
        raise InputError(str(path), f"cannot parse HTML: {exc}") from exc
    if doc is None:
        raise InputError(str(path), "no article text found in the HTML")
    if not isinstance(doc, dict):
        doc = doc.as_dict() if hasattr(doc, "as_dict") else vars(doc)
    text = doc.get("text") or ""
    if not text.strip():
        raise InputError(str(path), "no article text found in the HTML")
    return [
        {
            "article_id": path.name.split(".")[0],
            "title": doc.get("title"),
            "text": text,
            "published": doc.get("date"),
            "language": doc.get("language"),
            "source": doc.get("sitename") or doc.get("hostname"),
            "url": doc.get("url"),
            "author": doc.get("author"),
            "path": str(path),
        }
    ]


def read_jsonl(path: Path) -> list[ReadItem]:
    """One JSON object per line; a bad line is an error of its own."""
    text = decode_bytes(_read_bytes(path), str(path))
    items: list[ReadItem] = []
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:line {number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            items.append(InputError(where, f"invalid JSON: {exc.msg}"))
            continue
        if not isinstance(obj, dict):
            items.append(InputError(where, "expected a JSON object per line"))
            continue
        obj["__where__"] = where
        rows.append(obj)
    if not rows and not items:
        raise InputError(str(path), "empty file")
    if rows:
        items.extend(records_from_frame(pd.DataFrame(rows), str(path), where_column="__where__"))
    return items


def read_json(path: Path) -> list[ReadItem]:
    """A JSON file holding one article object or a list of them."""
    text = decode_bytes(_read_bytes(path), str(path))
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(str(path), f"invalid JSON: {exc.msg} (line {exc.lineno})") from exc
    rows = obj if isinstance(obj, list) else [obj]
    if not all(isinstance(r, dict) for r in rows):
        raise InputError(str(path), "expected a JSON object or a list of objects")
    return records_from_frame(pd.DataFrame(rows), str(path))


def read_csv(path: Path) -> list[ReadItem]:
    """A CSV/TSV table; the separator is sniffed and the columns are guessed."""
    text = decode_bytes(_read_bytes(path), str(path))
    sep = "\t" if path.suffix.lower() == ".tsv" else None
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            sep=sep,
            engine="python",
            dtype=str,
            keep_default_na=False,
            on_bad_lines="error",
        )
    except (pd.errors.ParserError, csv.Error) as exc:
        raise InputError(str(path), f"malformed CSV: {exc}") from exc
    except pd.errors.EmptyDataError as exc:
        raise InputError(str(path), "empty file") from exc
    return records_from_frame(frame.replace("", None), str(path))


def read_excel(path: Path) -> list[ReadItem]:
    """Every sheet of a workbook that has a text column."""
    try:
        sheets = pd.read_excel(
            path, sheet_name=None, engine="openpyxl" if path.suffix.lower() != ".xls" else None
        )
    except Exception as exc:  # zipfile.BadZipFile, KeyError, openpyxl errors on corrupt files
        raise InputError(
            str(path), f"cannot read spreadsheet ({type(exc).__name__}: {exc})"
        ) from exc
    items: list[ReadItem] = []
    failures = []
    for name, frame in sheets.items():
        if frame.dropna(how="all").empty:
            continue
        source = str(path) if len(sheets) == 1 else f"{path}[{name}]"
        try:
            items.extend(records_from_frame(frame, source))
        except InputError as exc:
            failures.append(exc)
    if not items:
        raise failures[0] if failures else InputError(str(path), "no rows in any sheet")
    return items + failures


def read_parquet(path: Path) -> list[ReadItem]:
    try:
        frame = pd.read_parquet(path)
    except Exception as exc:  # pyarrow.ArrowInvalid and friends
        raise InputError(str(path), f"cannot read Parquet ({type(exc).__name__}: {exc})") from exc
    return records_from_frame(frame, str(path))


def read_feed(path: Path) -> list[ReadItem]:
    """An RSS or Atom feed: one article per entry, from its content or summary."""
    import feedparser

    data = _read_bytes(path)
    if not data.strip():
        raise InputError(str(path), "empty file")
    feed = feedparser.parse(data)
    if not feed.entries:
        reason = f": {feed.bozo_exception}" if getattr(feed, "bozo", False) else ""
        raise InputError(str(path), f"no feed entries found{reason}")
    source = feed.feed.get("title") if hasattr(feed, "feed") else None
    items: list[ReadItem] = []
    for number, entry in enumerate(feed.entries, start=1):
        where = f"{path}#entry {number}"
        html = ""
        if entry.get("content"):
            html = " ".join(part.get("value", "") for part in entry.content)
        html = html or entry.get("summary", "") or entry.get("description", "")
        text = html_to_text(html)
        if not text.strip():
            items.append(InputError(where, "feed entry has neither content nor summary"))
            continue
        items.append(
            {
                "article_id": entry.get("id") or entry.get("link") or f"{path.stem}:{number}",
                "title": entry.get("title"),
                "text": text,
                "published": entry.get("published") or entry.get("updated"),
                "source": source,
                "url": entry.get("link"),
                "author": entry.get("author"),
                "path": where,
            }
        )
    return items


def html_to_text(html: str) -> str:
    """Text of an HTML fragment, one paragraph per line."""
    if "<" not in html:
        return html
    import lxml.html

    try:
        root = lxml.html.fromstring(f"<div>{html}</div>")
    except Exception:  # lxml.etree.ParserError on fragments that are not markup
        return html
    for block in root.iter("p", "br", "div", "li", "h1", "h2", "h3", "h4", "blockquote"):
        block.tail = "\n" + (block.tail or "")
    return root.text_content().strip()


def _is_feed(path: Path) -> bool:
    head = _read_bytes(path)[:2048].lstrip().lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


READERS: dict[str, Callable[[Path], list[ReadItem]]] = {
    **{ext: read_txt for ext in _TEXT_EXTENSIONS},
    ".html": read_html,
    ".htm": read_html,
    ".xhtml": read_html,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".json": read_json,
    ".csv": read_csv,
    ".tsv": read_csv,
    ".xlsx": read_excel,
    ".xlsm": read_excel,
    ".xls": read_excel,
    ".parquet": read_parquet,
    ".pq": read_parquet,
    ".rss": read_feed,
    ".atom": read_feed,
}


def reader_for(path: Path) -> Callable[[Path], list[ReadItem]]:
    """The reader for ``path`` by its extension (``.xml`` by content: feeds only)."""
    suffix = path.suffix.lower()
    if suffix == ".xml":
        if _is_feed(path):
            return read_feed
        raise InputError(str(path), "XML file that is not an RSS or Atom feed")
    reader = READERS.get(suffix)
    if reader is None:
        known = ", ".join(sorted(set(READERS) | {".xml"}))
        raise InputError(
            str(path),
            f"unsupported file type {suffix or '(no extension)'!r}; expected one of {known}",
        )
    return reader


# --------------------------------------------------------------------------- tables

#: candidate column names (lower case) for each corpus field, in order of preference
COLUMN_GUESSES: dict[str, tuple[str, ...]] = {
    "text": (
        "text",
        "content",
        "body",
        "article",
        "article_text",
        "full_text",
        "isi",
        "konten",
        "berita",
        "story",
    ),
    "title": ("title", "headline", "judul", "heading"),
    "published": (
        "published",
        "date",
        "published_at",
        "publish_date",
        "pubdate",
        "datetime",
        "tanggal",
        "waktu",
        "timestamp",
        "created_at",
    ),
    "url": ("url", "link", "href", "tautan"),
    "source": ("source", "publisher", "outlet", "media", "sumber", "site"),
    "language": ("language", "lang", "bahasa"),
    "article_id": ("article_id", "id", "doc_id", "uid"),
    "time": ("time", "jam", "pukul"),
}


def guess_column(frame: pd.DataFrame, field: str) -> str | None:
    lowered = {str(c).strip().lower(): c for c in frame.columns}
    for name in COLUMN_GUESSES[field]:
        if name in lowered:
            return lowered[name]
    return None


def records_from_frame(
    frame: pd.DataFrame,
    source: str,
    mapping: dict[str, str | None] | None = None,
    where_column: str | None = None,
    use_index_as_id: bool = False,
) -> list[ReadItem]:
    """Rows of a table as records, mapping columns to corpus fields.

    ``mapping`` maps a corpus field to a column name; fields not given are guessed from
    the column names (``content`` -> text, ``tanggal`` -> published, ...). A missing
    text column raises :class:`InputError` naming the columns that are there.
    """
    from .published import parse_published

    mapping = dict(mapping or {})
    for field in COLUMN_GUESSES:
        if mapping.get(field) is None and field not in mapping:
            mapping[field] = guess_column(frame, field)
    for field, column in mapping.items():
        if column is not None and column not in frame.columns:
            raise InputError(
                source,
                f"no column {column!r} for {field}; columns are {list(map(str, frame.columns))}",
            )
    text_column = mapping.get("text")
    if text_column is None:
        raise InputError(
            source,
            f"no text column found; columns are {list(map(str, frame.columns))} (name it with text=...)",
        )
    mapped = {c for c in mapping.values() if c is not None} | (
        {where_column} if where_column else set()
    )
    extra_columns = [c for c in frame.columns if c not in mapped]
    items: list[ReadItem] = []
    rows = frame.to_dict("records")
    index = frame.index.tolist()
    for number, row in enumerate(rows):
        where = (
            row.get(where_column)
            if where_column
            else f"{source}:row {number + 2 if source.endswith(('.csv', '.tsv')) else number + 1}"
        )
        text = row.get(text_column)
        if text is None or (isinstance(text, float) and pd.isna(text)) or not str(text).strip():
            items.append(InputError(where, "empty text"))
            continue
        record: Record = {"text": str(text), "path": where}
        for field in ("title", "url", "source", "language"):
            column = mapping.get(field)
            if column is not None:
                value = row.get(column)
                record[field] = None if _missing(value) else str(value)
        id_column = mapping.get("article_id")
        if id_column is not None and not _missing(row.get(id_column)):
            record["article_id"] = _id_str(row[id_column])
        elif use_index_as_id:
            record["article_id"] = _id_str(index[number])
        published_column = mapping.get("published")
        if published_column is not None:
            value = row.get(published_column)
            time_column = mapping.get("time")
            try:
                stamp = parse_published(value, record.get("url"))
            except ValueError as exc:
                items.append(InputError(where, f"published: {exc}"))
                continue
            if (
                stamp is not None
                and time_column is not None
                and stamp.hour == 0
                and stamp.minute == 0
            ):
                stamp = _with_time(stamp, row.get(time_column))
            record["published"] = stamp
        for column in extra_columns:
            value = row.get(column)
            if not _missing(value):
                record[str(column)] = value
        items.append(record)
    return items


def _with_time(stamp: pd.Timestamp, value) -> pd.Timestamp:
    import datetime as dt
    import re

    if isinstance(value, dt.time):
        return stamp.replace(hour=value.hour, minute=value.minute)
    if isinstance(value, str):
        match = re.search(r"(\d{1,2})[:.](\d{2})", value)
        if match and int(match.group(1)) < 24 and int(match.group(2)) < 60:
            return stamp.replace(hour=int(match.group(1)), minute=int(match.group(2)))
    return stamp


def _missing(value) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _id_str(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
