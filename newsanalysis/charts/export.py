"""Export charts to files: PNG/SVG/PDF through kaleido + a system Chromium, HTML through
plotly, and the matplotlib twin where no Chromium is available.

kaleido 1.x drives a Chromium it finds on the machine (Debian's ``chromium`` package at
``/usr/bin/chromium``; ``BROWSER_PATH`` overrides). It is never asked to download one: if
none is found, or the export fails, the chart's matplotlib twin is written instead and a
warning says so and how to install Chromium. Batch exports share one kaleido server, so
only the first image pays for starting the browser.
"""

from __future__ import annotations

import atexit
import os
import re
import shutil
import threading
import unicodedata
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

FORMATS: tuple[str, ...] = ("png", "svg", "pdf", "html")
IMAGE_FORMATS = ("png", "svg", "pdf")
CHROMIUM_CANDIDATES = (
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
)
CHROMIUM_PATHS = ("/usr/bin/chromium", "/usr/lib/chromium/chromium", "/snap/bin/chromium")
INSTALL_HINT = (
    "install Debian's Chromium with `sudo apt-get install chromium` (or `make chromium` in "
    "the repository), or point BROWSER_PATH at a Chrome/Chromium binary"
)

#: layout width of exported images when the figure sets none (x ``scale`` pixels)
EXPORT_WIDTH = 1000

_server_lock = threading.Lock()
_server_started = False


class NoChromiumWarning(UserWarning):
    """A static image was drawn with matplotlib because kaleido could not be used."""


def find_chromium() -> str | None:
    """Path of a Chrome/Chromium on this machine (``BROWSER_PATH`` first), or None."""
    override = os.environ.get("BROWSER_PATH")
    if override and Path(override).is_file():
        return override
    for name in CHROMIUM_CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    for path in CHROMIUM_PATHS:
        if Path(path).is_file():
            return path
    return None


def slug(text: str, limit: int = 80) -> str:
    """A file-name-safe lower-case slug (``"Xi Jinping"`` -> ``"xi-jinping"``)."""
    ascii_text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    out = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return out[:limit].strip("-") or "all"


def export_name(view: str, *parts: str | Iterable[str] | None) -> str:
    """File stem that says what a file holds: ``meetings_xi-jinping_vladimir-putin_month``."""
    words = [slug(view)]
    for part in parts:
        if part is None:
            continue
        if isinstance(part, str):
            words.append(slug(part))
        else:
            items = [slug(p) for p in part]
            if items:
                words.append(
                    "_".join(items[:4]) + (f"_and-{len(items) - 4}-more" if len(items) > 4 else "")
                )
    return "_".join(w for w in words if w)


def _start_server() -> None:
    global _server_started
    with _server_lock:
        if _server_started:
            return
        import kaleido

        kaleido.start_sync_server(silence_warnings=True)
        atexit.register(_stop_server)
        _server_started = True


def _stop_server() -> None:
    global _server_started
    with _server_lock:
        if not _server_started:
            return
        import kaleido

        try:
            kaleido.stop_sync_server(silence_warnings=True)
        finally:
            _server_started = False


def write_image(fig: go.Figure, path: str | os.PathLike, scale: float = 2.0) -> None:
    """Write ``fig`` as PNG/SVG/PDF (by suffix) with kaleido; raises if it cannot."""
    chromium = find_chromium()
    if chromium is None:
        raise RuntimeError(f"no Chrome/Chromium found for kaleido: {INSTALL_HINT}")
    os.environ.setdefault("BROWSER_PATH", chromium)
    import plotly.io as pio

    _start_server()
    figure = go.Figure(fig)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="The kopts argument is ignored")
        pio.write_image(figure, str(path), scale=scale, width=figure.layout.width or EXPORT_WIDTH)


def export_figure(
    fig: go.Figure,
    folder: str | os.PathLike,
    name: str,
    formats: Iterable[str] = FORMATS,
    static: Callable[[], object] | None = None,
    scale: float = 2.0,
) -> pd.DataFrame:
    """Write ``fig`` to ``folder/name.<format>`` for each format; return what was written.

    PNG is written at ``scale`` 2 (report quality). ``static`` returns the chart's
    matplotlib twin, used for PNG/SVG/PDF when kaleido cannot run (no Chromium): a
    :class:`NoChromiumWarning` says so. Returns a DataFrame with ``format``, ``path``,
    ``engine`` (kaleido / matplotlib / plotly) and ``note``.
    """
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    formats = [f.lower().lstrip(".") for f in formats]
    unknown = set(formats) - set(FORMATS)
    if unknown:
        raise ValueError(f"unknown export formats {sorted(unknown)}; expected {', '.join(FORMATS)}")
    rows = []
    static_figure = None
    kaleido_error: str | None = None
    for fmt in formats:
        path = out / f"{name}.{fmt}"
        if fmt == "html":
            go.Figure(fig).write_html(
                path, include_plotlyjs=True, full_html=True, config={"displaylogo": False}
            )
            rows.append((fmt, path, "plotly", "interactive, works offline"))
            continue
        if kaleido_error is None:
            try:
                write_image(fig, path, scale=scale)
                rows.append((fmt, path, "kaleido", ""))
                continue
            except Exception as exc:  # no browser, browser crash, timeout: fall back
                kaleido_error = f"{type(exc).__name__}: {exc}"
        if static is None:
            raise RuntimeError(
                f"cannot write {path.name}: {kaleido_error}; and no static twin was given"
            )
        if static_figure is None:
            static_figure = static()
            warnings.warn(
                f"PNG/SVG/PDF drawn with matplotlib instead of plotly ({kaleido_error}); "
                f"for the plotly look, {INSTALL_HINT}.",
                NoChromiumWarning,
                stacklevel=2,
            )
        static_figure.savefig(path, format=fmt, dpi=100 * scale, bbox_inches="tight")
        rows.append((fmt, path, "matplotlib", "static twin (no Chromium for kaleido)"))
    return pd.DataFrame(rows, columns=["format", "path", "engine", "note"])


def export_table(rows: pd.DataFrame, folder: str | os.PathLike, name: str) -> Path:
    """Write the rows behind a chart as ``folder/name.csv`` (UTF-8, list cells joined)."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{name}.csv"
    table = rows.copy()
    for column in table.columns:
        if table[column].dtype == object:
            table[column] = table[column].map(
                lambda v: "; ".join(map(str, v)) if isinstance(v, list | tuple) else v
            )
    table.to_csv(path, index=False, encoding="utf-8")
    return path
