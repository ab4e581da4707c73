"""Shared look of the charts: colour-blind-safe palette, fonts, titles, empty figures."""

from __future__ import annotations

import functools
import re

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

#: Okabe & Ito (2008) colour-blind-safe palette, most distinct colours first
PALETTE: tuple[str, ...] = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#D55E00",  # vermillion
    "#56B4E9",  # sky blue
    "#CC79A7",  # reddish purple
    "#F0E442",  # yellow
    "#000000",  # black
)
OTHER_COLOUR = "#9A9A9A"
FONT = "Inter, 'Helvetica Neue', Arial, sans-serif"

#: happened solid, planned hatched, the rest patterned and paler
STATUS_PATTERN: dict[str, str] = {
    "happened": "",
    "planned": "/",
    "requested": ".",
    "hypothetical": ".",
    "cancelled": "x",
    "refused": "x",
    "negated": "x",
}
STATUS_COLOUR: dict[str, str] = {
    "happened": "#0072B2",
    "planned": "#E69F00",
    "requested": "#CC79A7",
    "hypothetical": "#CC79A7",
    "cancelled": "#D55E00",
    "refused": "#D55E00",
    "negated": "#000000",
}
MODE_SYMBOL: dict[str, str] = {
    "in_person": "circle",
    "visit": "diamond",
    "summit": "star",
    "talks": "square",
    "phone": "triangle-up",
    "virtual": "hexagon",
}
MODE_MARKER_MPL: dict[str, str] = {
    "in_person": "o",
    "visit": "D",
    "summit": "*",
    "talks": "s",
    "phone": "^",
    "virtual": "h",
}
PERIOD_LABEL: dict[str, str] = {
    "week": "week",
    "month": "month",
    "quarter": "quarter",
    "year": "year",
}
PERIOD_TICKFORMAT: dict[str, str] = {
    "week": "%d %b %Y",
    "month": "%b %Y",
    "quarter": "Q%q %Y",
    "year": "%Y",
}
#: bar width per period, in milliseconds (85% of the period: bars never touch)
DAY_MS = 24 * 3600 * 1000
PERIOD_BAR_WIDTH: dict[str, float] = {
    "week": 0.85 * 7 * DAY_MS,
    "month": 0.85 * 30.4 * DAY_MS,
    "quarter": 0.85 * 91.3 * DAY_MS,
    "year": 0.85 * 365.25 * DAY_MS,
}
PERIOD_XPERIOD: dict[str, object] = {
    "week": 7 * 24 * 3600 * 1000,
    "month": "M1",
    "quarter": "M3",
    "year": "M12",
}


def iso_dates(values) -> list[str]:
    """Dates as ISO strings for plotly.

    ``FigureWidget`` sends numpy datetime64 arrays to the browser as raw nanosecond
    integers (the axis then shows 1.65e18 instead of dates); strings work everywhere.
    """
    stamps = pd.to_datetime(pd.Series(values))
    return [
        None if pd.isna(t) else t.strftime("%Y-%m-%d %H:%M:%S").removesuffix(" 00:00:00")
        for t in stamps
    ]


def period_ticks(periods, period: str, most: int = 13) -> dict:
    """x-axis settings for period charts: a label under every period when they are few.

    Labels sit in the middle of their period (``ticklabelmode="period"``), like the bars.
    """
    settings = dict(type="date", tickformat=PERIOD_TICKFORMAT[period], ticklabelmode="period")
    stamps = pd.to_datetime(pd.Series(list(periods))).dropna()
    if stamps.empty or period == "week":
        return settings
    months = {"month": 1, "quarter": 3, "year": 12}[period]
    first, last = stamps.min(), stamps.max()
    span = (last.year - first.year) * 12 + last.month - first.month
    if span // months + 1 <= most:
        settings.update(dtick=f"M{months}", tick0=first.strftime("%Y-%m-01"))
    return settings


def colour_for(index: int, label: str = "") -> str:
    """Palette colour number ``index`` (grey for the lumped "other" group)."""
    if label.startswith("other"):
        return OTHER_COLOUR
    return PALETTE[index % len(PALETTE)]


def base_layout(
    fig: go.Figure, title: str, subtitle: str = "", height: int | None = None
) -> go.Figure:
    """Apply the house style: white template, readable fonts, title with a subtitle line."""
    fig.update_layout(
        template=pio.templates["plotly_white"],  # the object: 3x faster than the name
        font=dict(family=FONT, size=13, color="#222"),
        title=dict(
            text=title,
            subtitle=dict(text=subtitle, font=dict(size=12, color="#555")),
            x=0.01,
            xanchor="left",
            y=0.97,
            yanchor="top",
        ),
        margin=dict(l=70, r=30, t=90, b=60),
        hoverlabel=dict(font=dict(family=FONT, size=12), align="left"),
        legend=dict(font=dict(size=12)),
    )
    if height:
        fig.update_layout(height=height)
    return fig


def new_figure(validate: bool = True) -> go.Figure:
    """An empty figure; ``validate=False`` skips plotly's property validation.

    Validation checks every property a chart sets and costs ~10x the time of building
    the figure itself. The charts are validated when built with the default (the tests
    do); explorers redraw the same charts on every filter change and build them without
    (plotly's own templates are built that way). Both give the same JSON.
    """
    return go.Figure() if validate else go.Figure(_validate=False)


def empty_figure(title: str, message: str, validate: bool = True) -> go.Figure:
    """A figure that says there is nothing to show, and why (never an exception)."""
    fig = new_figure(validate)
    base_layout(fig, title, "n = 0", height=360)
    fig.update_layout(
        annotations=[
            dict(
                text=f"Nothing to show: {message}",
                x=0.5,
                y=0.5,
                xref="paper",
                yref="paper",
                showarrow=False,
                font=dict(size=15, color="#555"),
            )
        ],
        xaxis=dict(visible=False),
        yaxis=dict(visible=False),
        meta={"empty": True},
    )
    return fig


def is_empty(fig: go.Figure) -> bool:
    """Whether ``fig`` came from :func:`empty_figure`."""
    meta = fig.layout.meta
    return isinstance(meta, dict) and bool(meta.get("empty"))


@functools.lru_cache(maxsize=8)
def _line_pattern(width: int) -> re.Pattern:
    return re.compile(rf"(.{{1,{width}}})(?:\s+|$)|(\S{{{width + 1},}})")


def wrap(text: str | None, width: int = 70, lines: int = 6) -> str:
    """Text wrapped for a hover label (``<br>`` line breaks), at most ``lines`` lines.

    One regex pass (hover labels are built for thousands of points per update).
    """
    if not text:
        return ""
    text = " ".join(str(text)[: width * (lines + 1)].split())
    parts = [m.group(1) or m.group(2) for m in _line_pattern(width).finditer(text)]
    parts = [p for p in parts if p]
    if len(parts) > lines:
        parts = parts[:lines]
        parts[-1] += " …"
    return "<br>".join(_escape(p) for p in parts)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def plural(n: int, noun: str, nouns: str | None = None) -> str:
    """``"1 meeting"`` / ``"3 meetings"``."""
    return f"{n:,} {noun if n == 1 else (nouns or noun + 's')}"
