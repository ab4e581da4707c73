"""One reader per file type. Each turns a file into article records.

A reader returns a list whose items are article records (dicts with the corpus
columns), :class:`~newsanalysis.errors.InputError` for a part of the file that could
not be read (a bad JSON line, a row without text, a feed entry without text), or
:class:`Skipped` for a part left out on purpose (a workbook's other sheets). A file that
cannot be read at all raises :class:`InputError`.

Where an item comes from is written the way a person would find it again:
``kompas.xlsx:row 12`` (row numbers as a spreadsheet shows them: the header is row 1),
``kompas.xlsx[kompas_clickbait]:row 12`` for a sheet other than the first,
``news.jsonl:line 3``, ``feed.xml#entry 4``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..errors import InputError
from .published import parse_published

Record = dict

#: key of the id a record gets when its input names none (file stem, plus row/entry)
AUTO_ID = "__auto_id__"
#: key of a record's list of problems that did not stop it from loading (a bad date)
PROBLEMS = "__problems__"


@dataclass(frozen=True)
class Skipped:
    """A part of an input deliberately not read (e.g. a workbook's other sheets)."""

    source: str
    reason: str


ReadItem = Record | InputError | Skipped


@dataclass(frozen=True)
class ReadOptions:
    """Options of the readers. ``sheet``: which workbook sheets to read.

    ``None`` (default) reads the first sheet and reports the others as skipped;
    ``"all"`` reads every sheet; a name or 0-based index reads that sheet; a list
    reads those sheets.
    """

    sheet: str | int | list[str | int] | None = None


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

#: single-byte encodings of Latin-script text that charset-normalizer confuses with each
#: other on short texts; our languages (Indonesian, English) are written in cp1252's set
_WESTERN_GUESSES = re.compile(
    r"^(cp125[0-8]|cp4\d\d|cp7\d\d|cp8\d\d|iso8859_\d+|latin_?\d|mac_\w+|windows_125\d|ascii)$"
)
_BINARY_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def decode_bytes(data: bytes, source: str) -> str:
    """Decode a text file: byte-order marks, UTF-8, UTF-16 without BOM, then legacy codepages.

    Legacy single-byte files are read as cp1252 (Windows Western, the usual non-UTF-8
    encoding of Indonesian and English text; ISO-8859-1 is its subset), unless
    charset-normalizer is sure of a non-Latin encoding. Raises :class:`InputError` for
    empty and binary files.
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
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(
                    source, f"starts with a {codec} byte-order mark but is not {codec}: {exc}"
                ) from exc
            return _check_text(text.lstrip("\ufeff"), source)
    head = data[:4096]
    if b"\x00" in head:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return _check_text(utf16, source)
        raise InputError(source, "binary file (contains NUL bytes), not text")
    try:
        return _check_text(data.decode("utf-8"), source)
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    encoding = best.encoding if best is not None else "cp1252"
    if _WESTERN_GUESSES.match(encoding):
        encoding = "cp1252"
    for codec in (encoding, "latin-1"):
        try:
            return _check_text(data.decode(codec), source)
        except UnicodeDecodeError:
            continue
    raise InputError(source, "binary file or unknown text encoding")  # pragma: no cover


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a byte-order mark: every other byte of ASCII text is NUL."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_nuls = sample[0::2].count(0) / (len(sample) / 2)
    odd_nuls = sample[1::2].count(0) / (len(sample) / 2)
    codec = "utf-16-le" if odd_nuls > 0.3 > even_nuls else None
    codec = "utf-16-be" if even_nuls > 0.3 > odd_nuls else codec
    if codec is None:
        return None
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _check_text(text: str, source: str) -> str:
    """Refuse decoded 'text' that is mostly control characters (a binary file)."""
    sample = text[:4096]
    if sample and len(_BINARY_CONTROLS.findall(sample)) > 0.05 * len(sample):
        raise InputError(source, "binary file (control characters), not text")
    return text


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read file: {exc.strerror or exc}") from exc


def _stem(path: Path) -> str:
    return path.name.split(".")[0] or path.name


# --------------------------------------------------------------------------- readers


def sidecar_path(path: Path) -> Path | None:
    """The ``.json`` metadata file next to a ``.txt`` article, if there is one."""
    candidate = path.with_suffix(".json")
    return candidate if candidate.is_file() else None


def read_txt(path: Path, options: ReadOptions | None = None) -> list[ReadItem]:
    """A plain-text article; metadata from a ``.json`` sidecar with the same stem.

    Without a sidecar, a short first line that does not end like a sentence is the title.
    """
    text = decode_bytes(_read_bytes(path), str(path))
    record: Record = {AUTO_ID: _stem(path), "text": text, "path": str(path)}
    sidecar = sidecar_path(path)
    if sidecar is not None:
        try:
            meta = json.loads(decode_bytes(_read_bytes(sidecar), str(sidecar)))
        except (json.JSONDecodeError, InputError) as exc:
            raise InputError(
                str(sidecar), f"metadata sidecar of {path.name} is not valid JSON: {exc}"
            ) from exc
        if not isinstance(meta, dict):
            raise InputError(str(sidecar), "metadata sidecar must hold a JSON object")
        for key, value in meta.items():
            column = _SIDECAR_KEYS.get(str(key).lower())
            if column and value not in (None, ""):
                record[column] = value
            elif column is None and key not in ("file",) and value not in (None, ""):
                record[str(key)] = value  # other metadata is kept as extra columns
    else:
        first_line = text.strip().split("\n", 1)[0].strip()
        if 0 < len(first_line) <= 200 and not first_line.endswith((".", "”", '"', ":")):
            record["title"] = first_line
    return [record]


def read_html(path: Path, options: ReadOptions | None = None) -> list[ReadItem]:
    """An HTML page: the article body and metadata (title, date, author) via trafilatura."""
    import trafilatura

    html = decode_bytes(_read_bytes(path), str(path))
    if "<" not in html:
        raise InputError(str(path), "not HTML (no markup found)")
    try:
        doc = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as exc:  # trafilatura raises assorted errors on broken markup
        raise InputError(str(path), f"cannot parse HTML ({type(exc).__name__}: {exc})") from exc
    if doc is None:
        raise InputError(str(path), "no article text found in the HTML")
    if not isinstance(doc, dict):
        doc = doc.as_dict() if hasattr(doc, "as_dict") else vars(doc)
    text = doc.get("text") or ""
    title = doc.get("title")
    if title and text.startswith(title + "\n"):  # the page's <h1> repeats the title
        text = text[len(title) + 1 :]
    if not text.strip():
        raise InputError(str(path), "no article text found in the HTML")
    return [
        {
            AUTO_ID: _stem(path),
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


def read_jsonl(path: Path, options: ReadOptions | None = None) -> list[ReadItem]:
    """One JSON object per line; a bad line is an error of its own."""
    text = decode_bytes(_read_bytes(path), str(path))
    items: list[ReadItem] = []
    rows, wheres, auto_ids = [], [], []
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
        rows.append(obj)
        wheres.append(where)
        auto_ids.append(f"{_stem(path)}:{number}")
    if not rows and not items:
        raise InputError(str(path), "empty file")
    if rows:
        items.extend(
            records_from_frame(pd.DataFrame(rows), str(path), wheres=wheres, auto_ids=auto_ids)
        )
    return items


def read_json(path: Path, options: ReadOptions | None = None) -> list[ReadItem]:
    """A JSON file holding one article object or a list of them."""
    text = decode_bytes(_read_bytes(path), str(path))
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(str(path), f"invalid JSON: {exc.msg} (line {exc.lineno})") from exc
    rows = obj if isinstance(obj, list) else [obj]
    if not rows:
        raise InputError(str(path), "empty JSON list")
    if not all(isinstance(r, dict) for r in rows):
        raise InputError(str(path), "expected a JSON object or a list of objects")
    if len(rows) == 1:
        return records_from_frame(
            pd.DataFrame(rows), str(path), wheres=[str(path)], auto_ids=[_stem(path)]
        )
    return records_from_frame(pd.DataFrame(rows), str(path), first_row=1)


def read_csv(path: Path, options: ReadOptions | None = None) -> list[ReadItem]:
    """A CSV/TSV table; the separator is sniffed and the columns are guessed."""
    return records_from_frame(read_csv_frame(path), str(path), first_row=2)


def read_csv_frame(path: Path) -> pd.DataFrame:
    """A CSV/TSV file as a DataFrame of strings (empty cells are None)."""
    text = decode_bytes(_read_bytes(path), str(path))
    sep = "\t" if path.suffix.lower() == ".tsv" else _sniff_separator(text)
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            sep=sep,
            dtype=str,
            keep_default_na=False,
            on_bad_lines="error",
        )
    except (pd.errors.ParserError, csv.Error) as exc:
        raise InputError(str(path), f"malformed CSV: {exc}") from exc
    except pd.errors.EmptyDataError as exc:
        raise InputError(str(path), "empty file") from exc
    return frame.astype(object).where(frame != "", None)


def _sniff_separator(text: str) -> str:
    """The field separator of a CSV: the first of , ; tab | that the header line uses."""
    header = text.lstrip("\ufeff").split("\n", 1)[0]
    try:
        return csv.Sniffer().sniff(header, delimiters=",;\t|").delimiter
    except csv.Error:
        return ","


def read_excel(path: Path, options: ReadOptions | None = None) -> list[ReadItem]:
    """Sheets of a workbook (see :class:`ReadOptions` for which); the other sheets that
    hold data are reported as :class:`Skipped`, never dropped silently."""
    options = options or ReadOptions()
    book = _Workbook(path)
    wanted = _wanted_sheets(path, book.names, options.sheet)
    items: list[ReadItem] = []
    for name in book.names:
        if name not in wanted:
            rows = book.row_count(name)
            if rows:
                items.append(
                    Skipped(
                        f"{path}[{name}]",
                        f"sheet {name!r} ({rows:,} rows) not read: only the first sheet is "
                        f"read by default; read it with sheet={name!r} (command line: --sheet "
                        f"{name}) or sheet='all'",
                    )
                )
    first = book.names[0]
    for name in wanted:
        label = str(path) if name == first else f"{path}[{name}]"
        stem = _stem(path) if name == first else f"{_stem(path)}[{name}]"
        try:
            frame = book.frame(name)
            if frame.dropna(how="all").empty:
                raise InputError(label, "sheet holds no rows")
            items.extend(records_from_frame(frame, label, first_row=2, id_stem=stem))
        except InputError as exc:
            items.append(exc)
    return items


def read_excel_frame(path: Path, sheet: str | int = 0) -> pd.DataFrame:
    """One sheet of a workbook as a DataFrame (by name or 0-based number)."""
    book = _Workbook(path)
    return book.frame(_wanted_sheets(path, book.names, sheet)[0])


class _Workbook:
    """A workbook opened once: python-calamine (several times faster than openpyxl),
    or pandas' default engine when calamine is not installed."""

    def __init__(self, path: Path):
        self.path = path
        try:
            from python_calamine import CalamineWorkbook
        except ImportError:  # pragma: no cover - calamine is a dependency
            self._book = None
            try:
                self._excel = pd.ExcelFile(path)
                self.names = [str(n) for n in self._excel.sheet_names]
            except Exception as exc:
                raise InputError(str(path), f"cannot read spreadsheet ({_describe(exc)})") from exc
        else:
            try:
                self._book = CalamineWorkbook.from_path(str(path))
                self.names = list(self._book.sheet_names)
            except Exception as exc:  # CalamineError on corrupt or truncated files
                raise InputError(str(path), f"cannot read spreadsheet ({_describe(exc)})") from exc
        if not self.names:
            raise InputError(str(path), "workbook has no sheets")

    def _rows(self, name: str) -> list[list]:
        try:
            return self._book.get_sheet_by_name(name).to_python(skip_empty_area=False)
        except Exception as exc:
            raise InputError(
                f"{self.path}[{name}]", f"cannot read sheet ({_describe(exc)})"
            ) from exc

    def row_count(self, name: str) -> int:
        """Rows holding any value, header excluded."""
        if self._book is None:  # pragma: no cover
            return len(self.frame(name).dropna(how="all"))
        rows = self._rows(name)
        return sum(1 for row in rows[1:] if any(cell not in ("", None) for cell in row))

    def frame(self, name: str) -> pd.DataFrame:
        """The sheet as a DataFrame: first row as header, empty cells as None."""
        if self._book is None:  # pragma: no cover
            try:
                return self._excel.parse(name)
            except Exception as exc:
                raise InputError(
                    f"{self.path}[{name}]", f"cannot read sheet ({_describe(exc)})"
                ) from exc
        rows = self._rows(name)
        if not rows:
            return pd.DataFrame()
        header = _header(rows[0])
        width = len(header)
        body = [
            [None if cell == "" else cell for cell in (list(row) + [None] * width)[:width]]
            for row in rows[1:]
        ]
        return pd.DataFrame(body, columns=header, dtype=object)


def _header(cells: list) -> list[str]:
    """Column names as pandas names them: blanks become ``Unnamed: i``, repeats get ``.1``."""
    names: list[str] = []
    seen: dict[str, int] = {}
    for i, cell in enumerate(cells):
        name = str(cell).strip() if cell not in ("", None) else f"Unnamed: {i}"
        if name in seen:
            seen[name] += 1
            name = f"{name}.{seen[name]}"
        else:
            seen[name] = 0
        names.append(name)
    return names


def _wanted_sheets(path: Path, names: list[str], sheet) -> list[str]:
    if sheet is None:
        return names[:1]
    if sheet == "all":
        return list(names)
    chosen = []
    for item in sheet if isinstance(sheet, list | tuple) else [sheet]:
        if isinstance(item, int) and not isinstance(item, bool):
            if not -len(names) <= item < len(names):
                raise InputError(str(path), f"no sheet number {item}; sheets are {names}")
            chosen.append(names[item])
        elif item in names:
            chosen.append(item)
        else:
            raise InputError(str(path), f"no sheet named {item!r}; sheets are {names}")
    return list(dict.fromkeys(chosen))


def read_parquet(path: Path, options: ReadOptions | None = None) -> list[ReadItem]:
    """A Parquet table (one article per row)."""
    return records_from_frame(read_parquet_frame(path), str(path), first_row=1)


def read_parquet_frame(path: Path) -> pd.DataFrame:
    try:
        return pd.read_parquet(path)
    except Exception as exc:  # pyarrow.ArrowInvalid and friends
        raise InputError(str(path), f"cannot read Parquet ({_describe(exc)})") from exc


def read_feed(path: Path, options: ReadOptions | None = None) -> list[ReadItem]:
    """An RSS or Atom feed: one article per entry, from its content or else its summary."""
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
            html = "\n".join(part.get("value", "") for part in entry.content)
        html = html or entry.get("summary", "") or entry.get("description", "")
        text = html_to_text(html)
        if not text.strip():
            items.append(InputError(where, "feed entry has neither content nor summary"))
            continue
        problems = []
        try:
            published = parse_published(
                entry.get("published") or entry.get("updated"), entry.get("link")
            )
        except ValueError as exc:
            problems.append(f"published: {exc}")
            published = None
        items.append(
            {
                PROBLEMS: problems,
                AUTO_ID: f"{_stem(path)}:{number}",
                "article_id": entry.get("id") or entry.get("link") or None,
                "title": entry.get("title"),
                "text": text,
                "published": published,
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
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    for block in root.iter("p", "br", "div", "li", "h1", "h2", "h3", "h4", "blockquote"):
        block.tail = "\n" + (block.tail or "")
    return root.text_content().strip()


def _is_feed(path: Path) -> bool:
    head = _read_bytes(path)[:2048].lstrip().lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def _describe(exc: Exception) -> str:
    message = str(exc).strip() or "no details"
    return f"{type(exc).__name__}: {message[:200]}"


READERS: dict[str, Callable[..., list[ReadItem]]] = {
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
    ".ods": read_excel,
    ".parquet": read_parquet,
    ".pq": read_parquet,
    ".rss": read_feed,
    ".atom": read_feed,
}


def reader_for(path: Path) -> Callable[..., list[ReadItem]]:
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
    """The column of ``frame`` that most likely holds ``field`` (by its name), or None."""
    lowered = {str(c).strip().lower(): c for c in frame.columns}
    for name in COLUMN_GUESSES[field]:
        if name in lowered:
            return lowered[name]
    return None


def records_from_frame(
    frame: pd.DataFrame,
    source: str,
    mapping: dict[str, str | None] | None = None,
    use_index_as_id: bool = False,
    first_row: int = 1,
    wheres: list[str] | None = None,
    auto_ids: list[str] | None = None,
    id_stem: str | None = None,
) -> list[ReadItem]:
    """Rows of a table as records, mapping columns to corpus fields.

    ``mapping`` maps a corpus field to a column name; fields not given are guessed from
    the column names (``content`` -> text, ``tanggal`` -> published, ...); a field mapped
    to None is not read. A missing text column raises :class:`InputError` naming the
    columns that are there. Row ``i`` is reported as ``<source>:row <first_row + i>``
    unless ``wheres`` names each row's origin.
    """
    mapping = dict(mapping or {})
    for field in COLUMN_GUESSES:
        if field not in mapping:
            mapping[field] = guess_column(frame, field)
    columns = list(map(str, frame.columns))
    for field, column in mapping.items():
        if column is not None and column not in frame.columns:
            raise InputError(source, f"no column {column!r} for {field}; the columns are {columns}")
    text_column = mapping.get("text")
    if text_column is None:
        raise InputError(
            source,
            f"no text column found; the columns are {columns} "
            "(name it with load_table(..., text='column'))",
        )
    mapped = {c for c in mapping.values() if c is not None}
    extra_columns = [c for c in frame.columns if c not in mapped]
    stem = id_stem or source.rsplit("/", 1)[-1].split(".")[0]
    items: list[ReadItem] = []
    rows = frame.to_dict("records")
    index = frame.index.tolist()
    title_column = mapping.get("title")
    for number, row in enumerate(rows):
        where = wheres[number] if wheres else f"{source}:row {number + first_row}"
        text = row.get(text_column)
        if _missing(text) or not _HAS_WORD.search(str(text)):
            title = row.get(title_column) if title_column is not None else None
            about = f" (title: {str(title)[:80]!r})" if not _missing(title) else ""
            items.append(InputError(where, f"empty text in column {text_column!r}{about}"))
            continue
        record: Record = {"text": str(text), "path": where}
        record[AUTO_ID] = auto_ids[number] if auto_ids else f"{stem}:{number + first_row}"
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
                # the article is kept (without a date); the problem is reported
                record[PROBLEMS] = [f"published: {exc}"]
                stamp = None
            if stamp is not None and time_column is not None and _is_midnight(stamp):
                stamp = _with_time(stamp, row.get(time_column))
            record["published"] = stamp
        for column in extra_columns:
            value = row.get(column)
            if not _missing(value):
                record[str(column)] = value
        items.append(record)
    return items


_HAS_WORD = re.compile(r"[^\W_]")  # a text of only spaces and punctuation is empty
_CLOCK = re.compile(r"(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?")


def _is_midnight(stamp: pd.Timestamp) -> bool:
    return stamp.hour == 0 and stamp.minute == 0 and stamp.second == 0


def _with_time(stamp: pd.Timestamp, value) -> pd.Timestamp:
    """Combine a date with a separate time column (``21:48 WIB``, ``08:03:00``, a time)."""
    if isinstance(value, dt.datetime):
        value = value.time()
    if isinstance(value, dt.time):
        return stamp.replace(hour=value.hour, minute=value.minute, second=value.second)
    if isinstance(value, str):
        match = _CLOCK.search(value)
        if match:
            hour, minute = int(match.group(1)), int(match.group(2))
            second = int(match.group(3) or 0)
            if hour < 24 and minute < 60 and second < 60:
                return stamp.replace(hour=hour, minute=minute, second=second)
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
