"""QuoteSentimentExplorer: who said what, in what tone, with n and confidence intervals."""

from __future__ import annotations

import os
from collections.abc import Iterable

import ipywidgets as widgets
import pandas as pd

from ..aggregate.sentiment import (
    UNATTRIBUTED,
    quote_rows,
    quotes_table,
    select_quotes,
    sentiment_by_speaker,
    sentiment_over_time,
)
from ..charts.export import export_name
from ..charts.sentiment import (
    sentiment_by_speaker_chart,
    sentiment_by_speaker_chart_mpl,
    sentiment_over_time_chart,
    sentiment_over_time_chart_mpl,
)
from ..charts.tables import html_table
from ._base import Explorer
from ._controls import (
    ActorPicker,
    choice_list,
    month_range_slider,
    slider_bounds,
    toggle,
)

TABLE_COLUMNS = {
    "published": "Published",
    "source": "Source",
    "title": "Article",
    "speaker": "Speaker",
    "quote": "Quote",
    "kind": "Kind",
    "sentiment": "Sentiment",
    "sentiment_label": "Label",
}
#: above this many picked speakers, "over time" shows one line for all of them
MAX_LINES = 8


class QuoteSentimentExplorer(Explorer):
    """Quote sentiment per speaker (each quote a dot, mean with CI) or over time."""

    title = "Quotes: who said what, and in what tone"
    intro = (
        "Each dot is a quote, placed by its sentiment (−1 negative … +1 positive); the "
        "diamond is the speaker's mean with its 95% confidence interval. Every speaker shows "
        "its number of quotes (n): with fewer than 5 the mean says little. Pick speakers to "
        "compare them, or switch to <i>over time</i>. The table lists the quotes behind the chart."
    )

    def __init__(
        self,
        analysis,
        speakers: Iterable[str] | None = None,
        period: str = "month",
        export_dir: str | os.PathLike | None = None,
    ):
        self.data = quotes_table(analysis)
        self.actors = ActorPicker(_speaker_counts(self.data), "Speakers (quotes)")
        if speakers:
            self.actors.value = speakers
        self.dates = month_range_slider(self.data["published"], "Published")
        self.view = toggle("Chart", ["by speaker", "over time"], "by speaker")
        self.period = toggle("Period", ["week", "month", "quarter", "year"], period)
        self.top = widgets.IntSlider(
            value=15,
            min=3,
            max=40,
            description="Speakers",
            style={"description_width": "80px"},
            continuous_update=False,
        )
        self.min_quotes = widgets.IntSlider(
            value=1,
            min=1,
            max=20,
            description="Min quotes",
            style={"description_width": "80px"},
            continuous_update=False,
        )
        self.kinds = choice_list("Kind", sorted(self.data["kind"].dropna().unique()), rows=3)
        self.languages = choice_list(
            "Language", sorted(self.data["language"].dropna().unique()), rows=3
        )
        self.sources = choice_list("Source", sorted(self.data["source"].dropna().unique()), rows=4)
        hint = widgets.HTML("<span style='color:#666'>none selected = all</span>")
        controls = widgets.HBox(
            [
                self.actors,
                widgets.VBox([self.dates, self.view, self.period, self.top, self.min_quotes]),
                widgets.VBox([self.kinds, self.languages, self.sources, hint]),
            ],
            layout=widgets.Layout(flex_flow="row wrap", align_items="flex-start"),
        )
        super().__init__([controls], export_dir)
        self._update_on_change(
            self.dates,
            self.view,
            self.period,
            self.top,
            self.min_quotes,
            self.kinds,
            self.languages,
            self.sources,
        )

    def filters(self) -> dict:
        """The current filters, as keyword arguments of :func:`select_quotes`."""
        start, end = slider_bounds(self.dates)
        return dict(
            actors=self.actors.value or None,
            kinds=self.kinds.value or None,
            languages=self.languages.value or None,
            sources=self.sources.value or None,
            start=start,
            end=end,
        )

    def _compute(self):
        quotes = select_quotes(self.data, **self.filters())
        names = self.actors.names()
        if self.view.value == "over time":
            period = self.period.value
            by_speaker = 0 < len(names) <= MAX_LINES
            over = sentiment_over_time(quotes, period, by_speaker=by_speaker)
            title = f"Mean quote sentiment per {period}" + (
                f": {', '.join(names)}" if by_speaker else ", all speakers"
            )
            fig = sentiment_over_time_chart(over, title=title)
            static = lambda: sentiment_over_time_chart_mpl(over, title=title)  # noqa: E731
            rows = quote_rows(quotes)
            stem = export_name("sentiment-over-time", names, period)
        else:
            summary = sentiment_by_speaker(
                quotes, min_quotes=self.min_quotes.value, top=None if names else self.top.value
            )
            title = "Quote sentiment by speaker" + (
                f": {', '.join(names)}" if names and len(names) <= 4 else ""
            )
            fig = sentiment_by_speaker_chart(quotes, summary, title=title)
            static = lambda: sentiment_by_speaker_chart_mpl(quotes, summary, title=title)  # noqa: E731
            rows = quote_rows(quotes[quotes["speaker_key"].isin(set(summary["speaker_id"]))])
            stem = export_name("sentiment", names)
        return fig, rows, html_table(rows, TABLE_COLUMNS), stem, static


def _speaker_counts(table: pd.DataFrame) -> pd.DataFrame:
    """Speakers with their number of quotes, most quoted first (for the picker)."""
    quotes = table[table["speaker_key"] != UNATTRIBUTED]
    if quotes.empty:
        return pd.DataFrame({"actor_id": [], "name": [], "n": []})
    counts = (
        quotes.groupby(["speaker_key", "speaker_name"])
        .size()
        .rename("n")
        .reset_index()
        .drop_duplicates("speaker_key")
        .rename(columns={"speaker_key": "actor_id", "speaker_name": "name"})
    )
    return counts.sort_values(["n", "name"], ascending=[False, True]).reset_index(drop=True)
