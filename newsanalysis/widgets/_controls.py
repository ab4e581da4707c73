"""Controls shared by the explorers: actor picker with search, date range, choice lists,
the evidence table, and the in-place update of a plotly FigureWidget."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

import anywidget
import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import traitlets


class ActorPicker(widgets.VBox):
    """A search box over a multi-select list of actors (label "Xi Jinping · 12").

    ``value`` is the tuple of selected actor ids; the list shows the actors whose name
    matches the search, plus those already selected (so a search never drops a choice).
    """

    def __init__(self, actors: pd.DataFrame, description: str = "Actors", rows: int = 9):
        """``actors``: columns ``actor_id``, ``name``, ``n`` (sorted as they should be listed)."""
        self._actors = actors.reset_index(drop=True)
        self._label = {
            a: f"{name} · {n:,}"
            for a, name, n in zip(actors["actor_id"], actors["name"], actors["n"], strict=True)
        }
        self._name = dict(zip(actors["actor_id"], actors["name"], strict=True))
        self._searching = False
        self.search = widgets.Text(
            placeholder="search actors…",
            layout=widgets.Layout(width="100%"),
            continuous_update=True,
        )
        self.list = widgets.SelectMultiple(
            options=self._options(""),
            rows=rows,
            layout=widgets.Layout(width="100%"),
        )
        self.list.add_class("na-actor-list")
        self.search.add_class("na-actor-search")
        self.clear = widgets.Button(
            description="clear", layout=widgets.Layout(width="70px"), tooltip="select no actor"
        )
        self.clear.on_click(lambda _: setattr(self.list, "value", ()))
        self.search.observe(self._on_search, names="value")
        title = widgets.HTML(
            f"<b>{html.escape(description)}</b> <span style='color:#666'>"
            "(Ctrl/Cmd-click for several; none = all)</span>"
        )
        super().__init__(
            [title, widgets.HBox([self.search, self.clear]), self.list],
            layout=widgets.Layout(width="300px", min_width="260px"),
        )

    def _options(self, query: str, selected=()) -> list[tuple[str, str]]:
        query = query.strip().casefold()
        selected = set(selected)
        return [
            (self._label[a], a)
            for a, name in zip(self._actors["actor_id"], self._actors["name"], strict=True)
            if not query or query in name.casefold() or a in selected
        ]

    def _on_search(self, change) -> None:
        keep = self.list.value
        self._searching = True
        try:
            self.list.options = self._options(change["new"], keep)
            self.list.value = tuple(
                v for v in keep if v in {value for _, value in self.list.options}
            )
        finally:
            self._searching = False

    @property
    def value(self) -> tuple[str, ...]:
        return tuple(self.list.value)

    @value.setter
    def value(self, ids: Iterable[str]) -> None:
        self.list.value = tuple(self.ids(ids))

    def ids(self, names_or_ids: Iterable[str]) -> list[str]:
        """Actor ids for names or ids (case-insensitive names); unknown ones raise KeyError."""
        by_name = {n.casefold(): a for a, n in self._name.items()}
        out = []
        for item in [names_or_ids] if isinstance(names_or_ids, str) else names_or_ids:
            if item in self._name:
                out.append(item)
            elif str(item).casefold() in by_name:
                out.append(by_name[str(item).casefold()])
            else:
                raise KeyError(f"no actor {item!r} in this list")
        return out

    def names(self, ids: Sequence[str] | None = None) -> list[str]:
        return [self._name.get(a, a) for a in (self.value if ids is None else ids)]

    def observe_value(self, handler) -> None:
        """Call ``handler`` when the selection changes (not while the search re-lists)."""

        def call(change) -> None:
            if not self._searching:
                handler(change)

        self.list.observe(call, names="value")


def choice_list(
    description: str,
    values: Iterable,
    selected: Iterable | None = None,
    rows: int = 4,
    labels: dict | None = None,
) -> widgets.SelectMultiple:
    """A small multi-select; ``selected`` defaults to none (= no filter).

    ``labels`` maps values to what the list shows (``in_person`` -> ``in person``).
    """
    options = [v for v in values if v is not None and not pd.isna(v)]
    chosen = tuple(v for v in (selected or ()) if v in options)
    shown = labels or {}
    box = widgets.SelectMultiple(
        options=[(str(shown.get(v, str(v).replace("_", " "))), v) for v in options],
        value=chosen,
        rows=min(max(len(options), 2), rows),
        description=description,
        layout=widgets.Layout(width="250px"),
        style={"description_width": "80px"},
    )
    box.add_class(f"na-filter-{description.lower().replace(' ', '-')}")
    return box


#: a month slider over more months than this leaves the earliest and latest
#: ``SLIDER_OUTLIERS`` of the dates beyond its ends: a few dates far from the rest (a
#: meeting of 1952 recalled in a 2019 article) must not stretch it over decades of
#: empty months
SLIDER_MAX_MONTHS = 120
SLIDER_OUTLIERS = 0.01


def month_range_slider(
    dates: pd.Series, description: str = "Dates"
) -> widgets.SelectionRangeSlider:
    """A range slider over the months that ``dates`` span (value: two month starts).

    When ``dates`` span more than ten years, the slider spans the months of all but the
    earliest and latest 1% of them. Its ends are open (no bound, see
    :func:`slider_bounds`), so the dates beyond them stay in the view while a handle is
    there; such an end is labelled "≤ Mar 2017" / "≥ Sep 2020".
    """
    dates = pd.to_datetime(dates).dropna()
    if dates.empty:
        months = [pd.Timestamp("2000-01-01")]
        labels = [months[0].strftime("%b %Y")]
    else:
        low, high = dates.min(), dates.max()
        if (high.to_period("M") - low.to_period("M")).n > SLIDER_MAX_MONTHS:
            low, high = dates.quantile([SLIDER_OUTLIERS, 1 - SLIDER_OUTLIERS])
        first, last = low.to_period("M"), high.to_period("M")
        months = list(pd.period_range(first, last, freq="M").start_time)
        labels = [m.strftime("%b %Y") for m in months]
        if dates.min() < first.start_time:
            labels[0] = "≤ " + labels[0]
        if dates.max() > last.end_time:
            labels[-1] = "≥ " + labels[-1]
    slider = widgets.SelectionRangeSlider(
        options=list(zip(labels, months, strict=True)),
        index=(0, len(months) - 1),
        description=description,
        continuous_update=False,
        disabled=dates.empty,
        layout=widgets.Layout(width="460px"),
        style={"description_width": "80px"},
    )
    slider.add_class("na-date-range")
    return slider


def slider_bounds(
    slider: widgets.SelectionRangeSlider,
) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    """``(start, end)`` of a month slider: None where the slider is at its end (no bound)."""
    if slider.disabled:
        return None, None
    lo, hi = slider.index
    months = [v for _, v in slider.options]
    start = months[lo] if lo > 0 else None
    end = (months[hi] + pd.offsets.MonthEnd(0)) if hi < len(months) - 1 else None
    return start, end


def toggle(description: str, options: Sequence, value) -> widgets.ToggleButtons:
    buttons = widgets.ToggleButtons(
        options=list(options),
        value=value,
        description=description,
        style={"button_width": "auto", "description_width": "80px"},
    )
    buttons.add_class(f"na-toggle-{description.lower().replace(' ', '-')}")
    return buttons


# --------------------------------------------------------------------------- figure + table


class ResizeKick(anywidget.AnyWidget):
    """Invisible helper: fires a window ``resize`` shortly after the explorer is shown.

    A FigureWidget inside a VBox is drawn before JupyterLab attaches it to the page, so
    plotly cannot measure the cell and falls back to 700 px; with the ``responsive``
    config the resize event makes it take the cell's width.
    """

    _esm = traitlets.Unicode(
        """
export default {
  render({ el }) {
    el.style.display = "none";
    for (const ms of [100, 500, 1500, 4000]) {
      setTimeout(() => window.dispatchEvent(new Event("resize")), ms);
    }
  }
};
"""
    ).tag(sync=True)


def figure_widget() -> go.FigureWidget:
    """An empty FigureWidget that follows the width of its cell.

    It must validate what it is given: a FigureWidget built with ``_validate=False``
    stores property changes without sending them to the browser (the chart there keeps
    the old title, axes and traces).
    """
    widget = go.FigureWidget()
    widget.layout.template = pio.templates["plotly_white"]  # the charts' template, set once
    widget._config = {"responsive": True, "displaylogo": False}
    return widget


def sync_figure(widget: go.FigureWidget, fig: go.Figure) -> None:
    """Make ``widget`` show ``fig``, updating traces in place (one batch, one message)."""
    with widget.batch_update():
        same_types = len(widget.data) <= len(fig.data) and all(
            old.type == new.type for old, new in zip(widget.data, fig.data, strict=False)
        )
        if not same_types:
            widget.data = []
        elif len(widget.data) > len(fig.data):
            widget.data = widget.data[: len(fig.data)]
        for old, new in zip(widget.data, fig.data, strict=False):
            props = new.to_plotly_json()
            for key in set(old.to_plotly_json()) - set(props) - {"uid", "type"}:
                props[key] = _cleared(old, key)  # clear what the new trace does not set
            old.update(props, overwrite=True)
        if len(fig.data) > len(widget.data):
            widget.add_traces(list(fig.data[len(widget.data) :]))
        layout = fig.layout.to_plotly_json()
        if layout.get("template") == widget.layout.template.to_plotly_json():
            layout.pop("template")  # unchanged (the charts share one): do not resend it
        for key in set(widget.layout.to_plotly_json()) - set(layout) - {"template"}:
            layout[key] = _cleared(widget.layout, key)
        widget.layout.update(layout, overwrite=True)
        widget.layout.autosize = True


def _cleared(obj, key: str):
    """The value that removes property ``key``: an empty list for arrays of objects
    (annotations, shapes), None for the others."""
    return [] if isinstance(obj[key], tuple) else None
