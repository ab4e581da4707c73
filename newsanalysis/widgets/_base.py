"""The common frame of the explorers: filters on top, the chart (updated in place), the
rows behind it, and an Export button that writes chart + rows to a folder."""

from __future__ import annotations

import html
import os
import time
from collections.abc import Callable
from copy import deepcopy
from pathlib import Path

import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go

from ..charts.export import FORMATS, export_figure, export_table
from ._controls import ResizeKick, figure_widget, sync_figure

DEFAULT_EXPORT_DIR = "exports"


class Explorer(widgets.VBox):
    """Base class: subclasses build ``controls`` and implement :meth:`_compute`.

    ``_compute()`` returns ``(figure, rows, table_html, export_stem, static)`` where
    ``static`` draws the matplotlib twin (used for export when there is no Chromium) and
    ``rows`` is the DataFrame behind the view, or a function that computes it (looked up
    only when ``rows`` is read or exported: the network's sentences on a large corpus).
    After each update: ``figure`` (the FigureWidget), ``rows`` and
    ``last_update_seconds`` are current.
    """

    title: str = ""
    intro: str = ""

    def __init__(self, controls: list[widgets.Widget], export_dir: str | os.PathLike | None = None):
        self.figure = figure_widget()
        self.table = widgets.HTML()
        self.table.add_class("na-rows")
        self.status = widgets.HTML()
        self.status.add_class("na-export-status")
        self.export_dir = widgets.Text(
            value=str(export_dir or DEFAULT_EXPORT_DIR),
            description="Folder",
            layout=widgets.Layout(width="320px"),
            style={"description_width": "50px"},
        )
        self.export_button = widgets.Button(
            description="Export",
            icon="download",
            button_style="primary",
            tooltip="write the chart (PNG, SVG, PDF, HTML) and its rows (CSV) to the folder",
        )
        self.export_button.add_class("na-export")
        self.export_button.on_click(lambda _: self._export_clicked())
        self._rows: pd.DataFrame | Callable[[], pd.DataFrame] = pd.DataFrame()
        self.last_update_seconds = 0.0
        self._stem = self.__class__.__name__.lower()
        self._static = None
        self._current: go.Figure | None = None
        header = widgets.HTML(
            f"<h3 style='margin:4px 0'>{html.escape(self.title)}</h3>"
            f"<div style='color:#444;max-width:900px'>{self.intro}</div>"
        )
        export_row = widgets.HBox(
            [self.export_button, self.export_dir, self.status],
            layout=widgets.Layout(align_items="center", flex_flow="row wrap"),
        )
        rows_header = widgets.HTML("<b>Rows behind this view</b>")
        super().__init__(
            [header, *controls, self.figure, export_row, rows_header, self.table, ResizeKick()],
            layout=widgets.Layout(width="100%"),
        )
        self.add_class("na-explorer")
        self.update()
        # plotly only refreshes these synced copies when the FigureWidget itself is
        # displayed; inside a VBox it is not, so a view (or saved widget state) would
        # start from the empty figure: give it the first one
        self.figure._widget_data = deepcopy(self.figure._data)
        self.figure._widget_layout = deepcopy(self.figure._layout_obj._props)

    # ------------------------------------------------------------------ update

    def _compute(self):  # pragma: no cover - abstract
        raise NotImplementedError

    @property
    def rows(self) -> pd.DataFrame:
        """The rows behind the current view (computed on first use after an update)."""
        if callable(self._rows):
            self._rows = self._rows()
        return self._rows

    def _update_on_change(self, *controls: widgets.Widget) -> None:
        """Re-render when the actor picker or any of ``controls`` changes its value."""
        self.actors.observe_value(self.update)
        for control in controls:
            control.observe(self.update, names="value")

    def update(self, *_args) -> None:
        """Recompute the view from the controls and update chart and table in place."""
        started = time.perf_counter()
        fig, rows, table_html, stem, static = self._compute()
        self._current = fig
        self._rows = rows
        self._stem = stem
        self._static = static
        sync_figure(self.figure, fig)
        self.table.value = table_html
        self.last_update_seconds = time.perf_counter() - started

    # ------------------------------------------------------------------ export

    def export(
        self, folder: str | os.PathLike | None = None, formats=(*FORMATS, "csv")
    ) -> pd.DataFrame:
        """Write the current chart (PNG at scale 2, SVG, PDF, HTML) and its rows (CSV).

        Files go to ``folder`` (default: the Folder box, ``exports/`` next to the
        notebook) and are named after the view, e.g.
        ``meetings_xi-jinping_vladimir-putin_month.png``. ``formats`` picks among png,
        svg, pdf, html and csv. Returns the files written.
        """
        folder = Path(folder or self.export_dir.value or DEFAULT_EXPORT_DIR)
        wanted = [f.lower().lstrip(".") for f in formats]
        fig = self._current if self._current is not None else go.Figure(self.figure)
        images = [f for f in wanted if f != "csv"]
        written = export_figure(fig, folder, self._stem, formats=images, static=self._static)
        if "csv" in wanted:
            csv = export_table(self.rows, folder, self._stem)
            row = pd.DataFrame(
                [("csv", csv, "pandas", f"{len(self.rows):,} rows")], columns=written.columns
            )
            written = pd.concat([written, row], ignore_index=True)
        return written

    def _export_clicked(self) -> None:
        self.export_button.disabled = True
        self.status.value = "<span style='color:#666'>exporting…</span>"
        try:
            import warnings

            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                files = self.export()
            notes = [str(w.message) for w in caught if "matplotlib" in str(w.message)]
            listing = ", ".join(f"<code>{html.escape(Path(p).name)}</code>" for p in files["path"])
            folder = html.escape(str(Path(files["path"].iloc[0]).parent.resolve()))
            message = (
                f"<b style='color:#1a7f37'>Saved:</b> wrote {listing} to <code>{folder}</code>"
            )
            if notes:
                message += f"<br><span style='color:#a15c00'>Note: {html.escape(notes[0])}</span>"
            self.status.value = message
        except Exception as exc:  # show it in the notebook instead of a silent failure
            self.status.value = (
                f"<span style='color:#b00'>export failed: {html.escape(type(exc).__name__)}: "
                f"{html.escape(str(exc))}</span>"
            )
        finally:
            self.export_button.disabled = False
