"""Meeting charts: frequency bars per period and a timeline per actor pair.

Each builder takes the DataFrame of an aggregate (:func:`~newsanalysis.aggregate.
meeting_frequency`, :func:`~newsanalysis.aggregate.meeting_timeline`) and returns a
plotly figure; the ``*_mpl`` twin draws the same chart with matplotlib for print.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ..aggregate.meetings import STATUS_ORDER
from .style import (
    MODE_MARKER_MPL,
    MODE_SYMBOL,
    PERIOD_BAR_WIDTH,
    PERIOD_TICKFORMAT,
    PERIOD_XPERIOD,
    STATUS_COLOUR,
    STATUS_PATTERN,
    base_layout,
    colour_for,
    empty_figure,
    iso_dates,
    period_ticks,
    plural,
    wrap,
)

LEGEND_TITLE = {"pair": "actor pair (n)", "actor": "actor (n)", "mode": "mode (n)"}
BY_LABEL = {"pair": "actor pair", "actor": "actor", "mode": "mode"}
MPL_HATCH = {"": "", "/": "///", ".": "..", "x": "xx"}


def _frequency_title(freq: pd.DataFrame) -> str:
    period = freq.attrs.get("period", "month")
    by = freq.attrs.get("by", "pair")
    return f"Meetings per {period}, by {BY_LABEL.get(by, by)}"


def _frequency_subtitle(freq: pd.DataFrame) -> str:
    a = freq.attrs
    n = a.get("meetings", int(freq["meetings"].sum()) if len(freq) else 0)
    parts = [
        f"n = {plural(n, 'meeting')} (distinct events; "
        f"{plural(a.get('reports', 0), 'report')} in {plural(a.get('articles', 0), 'article')})"
    ]
    statuses = [s for s in STATUS_ORDER if s in set(freq["status"])] if len(freq) else []
    if "planned" in statuses:
        parts.append("hatched = planned")
    parts.append(_left_out_note(a))
    return " · ".join(p for p in parts if p)


def _left_out_note(attrs: dict) -> str:
    left = attrs.get("left_out") or {}
    notes = []
    if left.get("undated"):
        notes.append(f"{plural(left['undated'], 'undated meeting')}")
    if left.get("imprecise"):
        notes.append(
            f"{left['imprecise']:,} dated too coarsely for a {attrs.get('period', 'period')}"
        )
    return ("not shown: " + ", ".join(notes)) if notes else ""


def _ordered_keys(freq: pd.DataFrame) -> list[str]:
    totals = freq.groupby("key")["meetings"].sum().sort_values(ascending=False, kind="stable")
    keys = [k for k in totals.index if not str(k).startswith("other")]
    return keys + [k for k in totals.index if str(k).startswith("other")]


def meeting_frequency_chart(freq: pd.DataFrame, title: str | None = None) -> go.Figure:
    """Stacked bars: meetings per period, one colour per pair/actor/mode, planned hatched.

    ``freq`` is the output of :func:`~newsanalysis.aggregate.meeting_frequency`; the
    legend gives each group's n, the subtitle the totals and what was left out.
    """
    title = title or _frequency_title(freq)
    if freq.empty:
        note = _left_out_note(freq.attrs)
        return empty_figure(
            title, "no meetings match these filters" + (f" ({note})" if note else "")
        )
    period = freq.attrs.get("period", "month")
    fig = go.Figure()
    statuses = [s for s in STATUS_ORDER if s in set(freq["status"])]
    statuses += sorted(set(freq["status"]) - set(statuses))
    for i, key in enumerate(_ordered_keys(freq)):
        colour = colour_for(i, str(key))
        for status in statuses:
            rows = freq[(freq["key"] == key) & (freq["status"] == status)]
            if rows.empty:
                continue
            n = int(rows["meetings"].sum())
            label = f"{key} (n = {n})" if len(statuses) == 1 else f"{key}, {status} (n = {n})"
            fig.add_trace(
                go.Bar(
                    x=iso_dates(rows["period"]),
                    y=rows["meetings"],
                    name=label,
                    legendgroup=str(key),
                    marker=dict(
                        color=colour,
                        pattern=dict(
                            shape=STATUS_PATTERN.get(status, "x"), fillmode="overlay", size=7
                        ),
                        opacity=1.0 if status == "happened" else 0.75,
                        line=dict(color=colour, width=1),
                    ),
                    customdata=list(zip(rows["reports"], rows["articles"], strict=True)),
                    hovertemplate=(
                        f"<b>{key}</b><br>%{{x|{PERIOD_TICKFORMAT[period]}}}<br>"
                        f"{status}: %{{y}} meeting(s)<br>"
                        "%{customdata[0]} report(s) in %{customdata[1]} article(s)<extra></extra>"
                    ),
                    xperiod=PERIOD_XPERIOD[period],
                    xperiodalignment="middle",
                    width=[PERIOD_BAR_WIDTH[period]] * len(rows),
                )
            )
    base_layout(fig, title, _frequency_subtitle(freq), height=480)
    fig.update_layout(
        showlegend=True,
        barmode="stack",
        bargap=0.2,
        legend=dict(
            orientation="v",
            x=1.01,
            xanchor="left",
            y=1,
            yanchor="top",
            title_text=LEGEND_TITLE.get(freq.attrs.get("by", "pair"), ""),
        ),
    )
    fig.update_xaxes(
        title_text=f"{period.capitalize()} of the meeting",
        **period_ticks(freq["period"], period),
    )
    fig.update_yaxes(
        title_text="Meetings (distinct events)", rangemode="tozero", tick0=0, dtick=_dtick(freq)
    )
    return fig


def _dtick(freq: pd.DataFrame) -> int | None:
    """Whole-number ticks for small counts (no "0.5 meetings")."""
    highest = freq.groupby("period")["meetings"].sum().max()
    return 1 if highest <= 8 else None


def meeting_timeline_chart(timeline: pd.DataFrame, title: str | None = None) -> go.Figure:
    """Each meeting as a marker on a date axis, one row per actor pair.

    Colour = status (happened, planned, ...), symbol = mode; the hover shows the date,
    place, number of reports and the evidence sentence. ``timeline`` is the output of
    :func:`~newsanalysis.aggregate.meeting_timeline`.
    """
    title = title or "Meeting timeline by actor pair"
    if timeline.empty:
        return empty_figure(title, "no dated meetings match these filters")
    pairs = timeline.groupby("pair")["when"].min().sort_values(kind="stable").index.tolist()
    fig = go.Figure()
    statuses = [s for s in STATUS_ORDER if s in set(timeline["status"])]
    for status in statuses:
        rows = timeline[timeline["status"] == status]
        name = f"{status} (n = {rows['event'].nunique()})"
        colour = STATUS_COLOUR.get(status, "#555")
        exact = rows["precision"] == "day"
        # one trace per mode and date precision: a scalar symbol per trace (a symbol per
        # point costs plotly a validation per point)
        for (mode, is_exact), part in rows.groupby([rows["mode"].fillna(""), exact], sort=False):
            symbol = MODE_SYMBOL.get(mode, "circle") + ("" if is_exact else "-open")
            fig.add_trace(
                go.Scatter(
                    x=iso_dates(_positions(part)),
                    y=part["pair"],
                    mode="markers",
                    name=name,
                    legendgroup=status,
                    showlegend=False,  # the legend entry below has a neutral symbol
                    meta={"status": status, "mode": mode, "exact": bool(is_exact)},
                    marker=dict(
                        color=colour,
                        symbol=symbol,
                        size=np.minimum(10 + 3 * (part["reports"].to_numpy() - 1), 22),
                        line=dict(color=colour, width=1.5),
                        opacity=0.9,
                    ),
                    hovertext=[_timeline_hover(r) for r in part.itertuples(index=False)],
                    hoverinfo="text",
                )
            )
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                name=f"{status} (n = {rows['event'].nunique()})",
                legendgroup=status,
                legendgrouptitle_text="status" if status == statuses[0] else None,
                marker=dict(color=STATUS_COLOUR.get(status, "#555"), symbol="square", size=11),
                hoverinfo="skip",
            )
        )
    for mode in [m for m in MODE_SYMBOL if m in set(timeline["mode"])]:
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                name=mode.replace("_", " "),
                legendgroup="modes",
                legendgrouptitle_text="mode",
                marker=dict(color="#777", symbol=MODE_SYMBOL[mode], size=10),
                hoverinfo="skip",
            )
        )
    n = timeline["event"].nunique()
    subtitle = (
        f"n = {plural(n, 'meeting')} between {plural(len(pairs), 'pair')} · "
        "colour = status, symbol = mode, larger = more reports"
    )
    if (timeline["precision"] != "day").any():
        subtitle += "<br>hollow = date known only to the month or year (placed mid-period)"
    note = _left_out_note({**timeline.attrs, "period": "day"})
    if note:
        subtitle += f" · {note}"
    hidden = timeline.attrs.get("pairs_not_shown", 0)
    if hidden:
        subtitle += f"<br>{plural(hidden, 'other pair')} not shown (pick actors to see them)"
    base_layout(fig, title, subtitle, height=max(320, 170 + 48 * len(pairs)))
    fig.update_yaxes(
        categoryorder="array", categoryarray=pairs[::-1], title_text="", automargin=True
    )
    fig.update_xaxes(title_text="Date of the meeting", type="date")
    return fig


def _positions(rows: pd.DataFrame) -> pd.Series:
    """Where a meeting sits on the time axis: its day, or the middle of its month/year."""
    middle = rows["when"] + (rows["date_end"] - rows["when"]) / 2
    coarse = (rows["precision"] != "day") & rows["date_end"].notna()
    return middle.where(coarse, rows["when"])


def _timeline_hover(r) -> str:
    when = r.when.strftime("%d %b %Y") if r.precision == "day" else r.when.strftime("%b %Y")
    if r.precision == "year":
        when = r.when.strftime("%Y")
    if r.dated_by == "published":
        when += " (publication date)"
    place = f" in {r.location}" if isinstance(r.location, str) and r.location else ""
    return (
        f"<b>{r.pair}</b><br>{when}: {str(r.mode).replace('_', ' ')}{place}, {r.status}<br>"
        f"{plural(int(r.reports), 'report')} in {plural(int(r.articles), 'article')}<br>"
        f"<i>{wrap(r.evidence)}</i>"
    )


# --------------------------------------------------------------------------- matplotlib twins


def meeting_frequency_chart_mpl(freq: pd.DataFrame, title: str | None = None):
    """Matplotlib twin of :func:`meeting_frequency_chart` (for print and PDF)."""
    from ._mpl import empty_figure_mpl, new_figure

    title = title or _frequency_title(freq)
    if freq.empty:
        return empty_figure_mpl(title, "no meetings match these filters")
    import matplotlib.dates as mdates

    period = freq.attrs.get("period", "month")
    fig, ax = new_figure(title, _frequency_subtitle(freq))
    width = {"week": 5, "month": 24, "quarter": 75, "year": 300}[period]
    offsets = {"week": 3, "month": 15, "quarter": 45, "year": 182}[period]
    periods = sorted(freq["period"].unique())
    bottom = pd.Series(0.0, index=periods)
    centres = pd.to_datetime(periods) + pd.Timedelta(days=offsets)
    statuses = [s for s in STATUS_ORDER if s in set(freq["status"])]
    for i, key in enumerate(_ordered_keys(freq)):
        colour = colour_for(i, str(key))
        for status in statuses:
            rows = freq[(freq["key"] == key) & (freq["status"] == status)]
            if rows.empty:
                continue
            values = rows.groupby("period")["meetings"].sum().reindex(periods, fill_value=0)
            n = int(values.sum())
            some = values.to_numpy() > 0
            ax.bar(
                centres[some],
                values.to_numpy()[some],
                width=width,
                bottom=bottom.to_numpy()[some],
                color=colour if status == "happened" else "white",
                edgecolor=colour,
                hatch=MPL_HATCH.get(STATUS_PATTERN.get(status, "x"), "xx"),
                label=f"{key}, {status} (n = {n})" if len(statuses) > 1 else f"{key} (n = {n})",
            )
            bottom += values.to_numpy()
    ax.set_ylabel("Meetings (distinct events)")
    ax.set_xlabel(f"{period.capitalize()} of the meeting")
    if len(periods) <= 24:  # label the bars themselves
        ax.set_xticks(centres, [_period_label(p, period) for p in pd.to_datetime(periods)])
    else:
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
    ax.yaxis.get_major_locator().set_params(integer=True)
    fig.legend(loc="outside lower center", ncol=2, frameon=False, fontsize=9)
    fig.autofmt_xdate()
    return fig


def _period_label(start: pd.Timestamp, period: str) -> str:
    if period == "quarter":
        return f"Q{start.quarter} {start.year}"
    return start.strftime(PERIOD_TICKFORMAT[period])


def meeting_timeline_chart_mpl(timeline: pd.DataFrame, title: str | None = None):
    """Matplotlib twin of :func:`meeting_timeline_chart`."""
    from ._mpl import empty_figure_mpl, new_figure

    title = title or "Meeting timeline by actor pair"
    if timeline.empty:
        return empty_figure_mpl(title, "no dated meetings match these filters")
    pairs = timeline.groupby("pair")["when"].min().sort_values(kind="stable").index.tolist()
    rows_of = {p: len(pairs) - 1 - i for i, p in enumerate(pairs)}
    n = timeline["event"].nunique()
    fig, ax = new_figure(
        title,
        f"n = {plural(n, 'meeting')} · colour = status, marker = mode",
        height=max(3.2, 1.5 + 0.45 * len(pairs)),
    )
    seen: set[str] = set()
    for r in timeline.itertuples(index=False):
        label = r.status if r.status not in seen else None
        seen.add(r.status)
        exact = r.precision == "day" or pd.isna(r.date_end)
        colour = STATUS_COLOUR.get(r.status, "#555")
        ax.scatter(
            [r.when if exact else r.when + (r.date_end - r.when) / 2],
            [rows_of[r.pair]],
            marker=MODE_MARKER_MPL.get(r.mode, "o"),
            s=60 + 25 * (int(r.reports) - 1),
            color=colour if exact else "white",
            edgecolor=colour,
            label=label,
            zorder=3,
        )
    ax.set_yticks(range(len(pairs)), [p for p in pairs[::-1]])
    ax.set_xlabel("Date of the meeting")
    ax.grid(axis="y", color="#eee")
    fig.legend(loc="outside lower center", ncol=4, frameon=False, fontsize=9)
    fig.autofmt_xdate()
    return fig
