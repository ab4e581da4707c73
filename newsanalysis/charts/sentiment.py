"""Quote sentiment charts: a strip per speaker with mean and confidence interval, and
sentiment over time. Every speaker label carries its number of quotes, and speakers with
few quotes are marked, so a mood read from two quotes never looks like a finding."""

from __future__ import annotations

import zlib

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ..aggregate.sentiment import LOW_N
from .style import (
    PALETTE,
    PERIOD_TICKFORMAT,
    PERIOD_XPERIOD,
    base_layout,
    colour_for,
    empty_figure,
    iso_dates,
    period_ticks,
    plural,
    wrap,
)

LABEL_COLOUR = {"negative": "#D55E00", "neutral": "#9A9A9A", "positive": "#0072B2"}
X_TITLE = "Sentiment of the quote (−1 negative … +1 positive)"


def _speaker_label(row) -> str:
    few = " · few quotes" if row.n < LOW_N else ""
    return f"{row.speaker}  (n = {row.n}{few})"


def _jitter(keys: pd.Series, spread: float = 0.28) -> np.ndarray:
    """Deterministic vertical jitter from each quote's id (same picture on every run)."""
    return np.array([((zlib.crc32(str(k).encode()) % 1000) / 999 - 0.5) * 2 * spread for k in keys])


def sentiment_by_speaker_chart(
    quotes: pd.DataFrame, summary: pd.DataFrame, title: str | None = None
) -> go.Figure:
    """One row per speaker: each quote as a dot, the mean as a diamond with its CI.

    ``quotes`` is the output of :func:`~newsanalysis.aggregate.select_quotes`,
    ``summary`` that of :func:`~newsanalysis.aggregate.sentiment_by_speaker` (its rows,
    most quoted first, are the speakers shown).
    """
    title = title or "Quote sentiment by speaker"
    if summary.empty:
        return empty_figure(title, "no scored quotes with a speaker match these filters")
    confidence = summary.attrs.get("confidence", 0.95)
    summary = summary.reset_index(drop=True)
    labels = [_speaker_label(r) for r in summary.itertuples(index=False)]
    row_of = {sid: len(summary) - 1 - i for i, sid in enumerate(summary["speaker_id"])}
    shown = quotes[quotes["speaker_key"].isin(row_of)]
    fig = go.Figure()
    for label in ("negative", "neutral", "positive"):
        part = shown[shown["sentiment_label"] == label]
        if part.empty:
            continue
        fig.add_trace(_quote_dots(part, row_of, label, LABEL_COLOUR[label]))
    other = shown[~shown["sentiment_label"].isin(list(LABEL_COLOUR))]
    if len(other):
        fig.add_trace(_quote_dots(other, row_of, "unlabelled", "#777"))
    with_ci = summary["ci_low"].notna()
    fig.add_trace(
        go.Scatter(
            x=summary["mean"],
            y=[row_of[s] for s in summary["speaker_id"]],
            mode="markers",
            name=f"mean, {confidence:.0%} CI",
            marker=dict(
                # hollow where a mean rests on few quotes: the quote dots stay visible
                symbol=["diamond" if n >= LOW_N else "diamond-open" for n in summary["n"]],
                size=13,
                color="#000",
                line=dict(color="#000", width=2),
            ),
            error_x=dict(
                type="data",
                symmetric=False,
                array=np.where(with_ci, summary["ci_high"] - summary["mean"], np.nan),
                arrayminus=np.where(with_ci, summary["mean"] - summary["ci_low"], np.nan),
                color="#000",
                thickness=1.6,
                width=6,
            ),
            customdata=np.column_stack(
                [summary["speaker"], summary["n"], summary["ci_low"], summary["ci_high"]]
            ),
            hovertemplate=(
                "<b>%{customdata[0]}</b><br>mean %{x:.2f} from %{customdata[1]} quote(s)<br>"
                f"{confidence:.0%} CI %{{customdata[2]:.2f}} … %{{customdata[3]:.2f}}<extra></extra>"
            ),
        )
    )
    n_quotes = int(summary["n"].sum())
    few = int(summary["low_n"].sum())
    subtitle = (
        f"n = {plural(n_quotes, 'quote')} by {plural(len(summary), 'speaker')} · each dot is a "
        f"quote, ◆ = mean with {confidence:.0%} confidence interval"
    )
    if few:
        subtitle += (
            f"<br>{plural(few, 'speaker')} with fewer than {LOW_N} quotes: "
            "too few for a firm conclusion"
        )
    base_layout(fig, title, subtitle, height=max(320, 150 + 46 * len(summary)))
    fig.update_yaxes(
        tickmode="array",
        tickvals=[row_of[s] for s in summary["speaker_id"]],
        ticktext=labels,
        range=[-0.7, len(summary) - 0.3],
        automargin=True,
        showgrid=True,
        gridcolor="#eee",
        zeroline=False,
    )
    fig.update_xaxes(title_text=X_TITLE, range=[-1.08, 1.08], zeroline=True, zerolinecolor="#999")
    fig.update_layout(legend=dict(orientation="v", x=1.01, xanchor="left", y=1, yanchor="top"))
    return fig


def _quote_dots(part: pd.DataFrame, row_of: dict, label: str, colour: str) -> go.Scatter:
    y = np.array([row_of[s] for s in part["speaker_key"]]) + _jitter(part["quote_id"])
    hover = [
        f"<b>{speaker}</b> ({score:+.2f}, {label})<br><i>“{wrap(text, 60, 5)}”</i><br>"
        f"{source}, {pd.Timestamp(date):%d %b %Y}"
        if pd.notna(date)
        else f"<b>{speaker}</b>"
        for speaker, score, text, source, date in zip(
            part["speaker_name"],
            part["sentiment"],
            part["text"],
            part["source"],
            part["published"],
            strict=True,
        )
    ]
    return go.Scatter(
        x=part["sentiment"],
        y=y,
        mode="markers",
        name=f"{label} quote (n = {len(part)})",
        marker=dict(color=colour, size=9, opacity=0.75, line=dict(color="white", width=0.5)),
        hovertext=hover,
        hoverinfo="text",
    )


def sentiment_over_time_chart(over_time: pd.DataFrame, title: str | None = None) -> go.Figure:
    """Mean sentiment per period (one line per speaker), with CI bars; hollow = few quotes.

    ``over_time`` is the output of :func:`~newsanalysis.aggregate.sentiment_over_time`.
    """
    period = over_time.attrs.get("period", "month")
    confidence = over_time.attrs.get("confidence", 0.95)
    title = title or f"Mean quote sentiment per {period}"
    if over_time.empty:
        return empty_figure(title, "no dated, scored quotes match these filters")
    fig = go.Figure()
    order = over_time.groupby("speaker")["n"].sum().sort_values(ascending=False, kind="stable")
    for i, speaker in enumerate(order.index):
        rows = over_time[over_time["speaker"] == speaker]
        colour = PALETTE[i % len(PALETTE)] if len(order) > 1 else PALETTE[0]
        has_ci = rows["ci_low"].notna()
        fig.add_trace(
            go.Scatter(
                x=iso_dates(rows["period"]),
                y=rows["mean"],
                mode="lines+markers",
                name=f"{speaker} (n = {int(rows['n'].sum())})",
                line=dict(color=colour, width=2),
                marker=dict(
                    color=colour,
                    size=[min(7 + 2 * np.sqrt(n), 20) for n in rows["n"]],
                    symbol=["circle" if n >= LOW_N else "circle-open" for n in rows["n"]],
                    line=dict(color=colour, width=2),
                ),
                error_y=dict(
                    type="data",
                    symmetric=False,
                    array=np.where(has_ci, rows["ci_high"] - rows["mean"], np.nan),
                    arrayminus=np.where(has_ci, rows["mean"] - rows["ci_low"], np.nan),
                    color=colour,
                    thickness=1.2,
                    width=4,
                ),
                customdata=np.column_stack([rows["n"], rows["ci_low"], rows["ci_high"]]),
                hovertemplate=(
                    f"<b>{speaker}</b><br>%{{x|{PERIOD_TICKFORMAT[period]}}}: mean %{{y:.2f}} "
                    "from %{customdata[0]} quote(s)<br>"
                    f"{confidence:.0%} CI %{{customdata[1]:.2f}} … %{{customdata[2]:.2f}}<extra></extra>"
                ),
                xperiod=PERIOD_XPERIOD[period],
                xperiodalignment="middle",
            )
        )
    n = int(over_time["n"].sum())
    subtitle = (
        f"n = {plural(n, 'quote')} · bars = {confidence:.0%} CI · hollow markers: fewer than "
        f"{LOW_N} quotes in the {period}"
    )
    base_layout(fig, title, subtitle, height=440)
    fig.update_yaxes(
        title_text="Mean sentiment (−1 … +1)",
        range=[-1.08, 1.08],
        zeroline=True,
        zerolinecolor="#999",
    )
    fig.update_xaxes(
        title_text=f"{period.capitalize()} of publication",
        **period_ticks(over_time["period"], period),
    )
    fig.update_layout(
        showlegend=True,
        legend=dict(
            orientation="v", x=1.01, xanchor="left", y=1, yanchor="top", title_text="speaker (n)"
        ),
    )
    return fig


# --------------------------------------------------------------------------- matplotlib twins


def sentiment_by_speaker_chart_mpl(
    quotes: pd.DataFrame, summary: pd.DataFrame, title: str | None = None
):
    """Matplotlib twin of :func:`sentiment_by_speaker_chart`."""
    from ._mpl import empty_figure_mpl, new_figure

    title = title or "Quote sentiment by speaker"
    if summary.empty:
        return empty_figure_mpl(title, "no scored quotes with a speaker match these filters")
    confidence = summary.attrs.get("confidence", 0.95)
    summary = summary.reset_index(drop=True)
    row_of = {sid: len(summary) - 1 - i for i, sid in enumerate(summary["speaker_id"])}
    n_quotes = int(summary["n"].sum())
    fig, ax = new_figure(
        title,
        f"n = {plural(n_quotes, 'quote')} · dots = quotes, ◆ = mean with {confidence:.0%} CI",
        height=max(3.0, 1.4 + 0.42 * len(summary)),
    )
    shown = quotes[quotes["speaker_key"].isin(row_of)]
    for label, colour in LABEL_COLOUR.items():
        part = shown[shown["sentiment_label"] == label]
        if len(part):
            y = np.array([row_of[s] for s in part["speaker_key"]]) + _jitter(part["quote_id"])
            ax.scatter(part["sentiment"], y, s=22, color=colour, alpha=0.75, label=label, zorder=2)
    y_mean = [row_of[s] for s in summary["speaker_id"]]
    err = np.vstack(
        [
            (summary["mean"] - summary["ci_low"]).fillna(0).to_numpy(),
            (summary["ci_high"] - summary["mean"]).fillna(0).to_numpy(),
        ]
    )
    ax.errorbar(
        summary["mean"],
        y_mean,
        xerr=err,
        fmt="D",
        color="black",
        ms=6,
        capsize=3,
        label=f"mean, {confidence:.0%} CI",
        zorder=3,
    )
    ax.set_yticks(y_mean, [_speaker_label(r) for r in summary.itertuples(index=False)])
    ax.set_xlim(-1.08, 1.08)
    ax.axvline(0, color="#999", lw=0.8)
    ax.set_xlabel(X_TITLE)
    fig.legend(loc="outside lower center", ncol=4, frameon=False, fontsize=8)
    return fig


def sentiment_over_time_chart_mpl(over_time: pd.DataFrame, title: str | None = None):
    """Matplotlib twin of :func:`sentiment_over_time_chart`."""
    from ._mpl import empty_figure_mpl, new_figure

    period = over_time.attrs.get("period", "month")
    title = title or f"Mean quote sentiment per {period}"
    if over_time.empty:
        return empty_figure_mpl(title, "no dated, scored quotes match these filters")
    n = int(over_time["n"].sum())
    fig, ax = new_figure(title, f"n = {plural(n, 'quote')} · bars = CI")
    order = over_time.groupby("speaker")["n"].sum().sort_values(ascending=False, kind="stable")
    for i, speaker in enumerate(order.index):
        rows = over_time[over_time["speaker"] == speaker]
        err = np.vstack(
            [
                (rows["mean"] - rows["ci_low"]).fillna(0).to_numpy(),
                (rows["ci_high"] - rows["mean"]).fillna(0).to_numpy(),
            ]
        )
        ax.errorbar(
            rows["period"],
            rows["mean"],
            yerr=err,
            fmt="-o",
            color=colour_for(i),
            capsize=3,
            label=f"{speaker} (n = {int(rows['n'].sum())})",
        )
    ax.set_ylim(-1.08, 1.08)
    ax.axhline(0, color="#999", lw=0.8)
    ax.set_ylabel("Mean sentiment (−1 … +1)")
    ax.set_xlabel(f"{period.capitalize()} of publication")
    fig.legend(loc="outside lower center", ncol=3, frameon=False, fontsize=8)
    fig.autofmt_xdate()
    return fig
