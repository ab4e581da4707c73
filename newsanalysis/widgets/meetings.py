"""MeetingExplorer: meetings per period between the actors you pick, with the evidence."""

from __future__ import annotations

import os
from collections.abc import Iterable

import ipywidgets as widgets
import pandas as pd

from ..aggregate.meetings import (
    DEFAULT_STATUSES,
    STATUS_ORDER,
    meeting_data,
    meeting_frequency,
    meeting_reports,
    meeting_timeline,
)
from ..charts.export import export_name
from ..charts.meetings import (
    meeting_frequency_chart,
    meeting_frequency_chart_mpl,
    meeting_timeline_chart,
    meeting_timeline_chart_mpl,
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
    "participants": "Participants",
    "mode": "Mode",
    "status": "Status",
    "meeting_date": "Meeting date",
    "evidence": "Sentence",
}
TOP_KEYS = 8
#: pairs shown on the timeline (the busiest; picking actors narrows the view)
TIMELINE_PAIRS = 15


class MeetingExplorer(Explorer):
    """Meetings per week/month/quarter/year by actor pair, actor or mode; or a timeline.

    Pick two or more actors to see the meetings between them, one actor to see all its
    meetings. ``explorer.rows`` holds the meeting reports behind the chart.
    """

    title = "Meetings: who met whom, and when"
    intro = (
        "Pick actors on the left: two or more show the meetings <i>between</i> them, one shows "
        "all of its meetings, none shows the busiest pairs. Bars count distinct meetings (one "
        "event reported by several articles counts once); planned meetings are hatched; "
        "denied, cancelled and hypothetical ones are left out unless you select them under "
        "<i>Status</i>. The table lists the reports behind the chart, with their sentence and "
        "a link to the article."
    )

    def __init__(
        self,
        analysis,
        actors: Iterable[str] | None = None,
        period: str = "month",
        by: str = "pair",
        export_dir: str | os.PathLike | None = None,
    ):
        self.data = meeting_data(analysis)
        table = self.data.table
        self.actors = ActorPicker(_actor_counts(table), "Actors (meetings reported)")
        if actors:
            self.actors.value = actors
        dates = pd.concat([table["date_start"], table["published"]])
        self.dates = month_range_slider(dates, "Dates")
        self.period = toggle("Period", ["week", "month", "quarter", "year"], period)
        self.group = toggle("Group by", ["pair", "actor", "mode"], by)
        self.view = toggle("Chart", ["bars", "timeline"], "bars")
        self.undated = widgets.Checkbox(
            value=False,
            description="place undated meetings at their article's publication date",
            indent=False,
            layout=widgets.Layout(width="460px"),
        )
        present = set(table["status"].dropna())
        statuses = [s for s in STATUS_ORDER if s in present] + sorted(present - set(STATUS_ORDER))
        for s in DEFAULT_STATUSES:  # always offer the two counted by default
            if s not in statuses:
                statuses.insert(0 if s == "happened" else 1, s)
        self.statuses = choice_list("Status", statuses, DEFAULT_STATUSES, rows=5)
        self.modes = choice_list("Mode", sorted(table["mode"].dropna().unique()), rows=5)
        self.languages = choice_list(
            "Language", sorted(table["language"].dropna().unique()), rows=3
        )
        self.sources = choice_list("Source", sorted(table["source"].dropna().unique()), rows=4)
        hint = widgets.HTML("<span style='color:#666'>none selected = all</span>")
        controls = widgets.HBox(
            [
                self.actors,
                widgets.VBox([self.dates, self.period, self.group, self.view, self.undated]),
                widgets.VBox([self.statuses, self.modes]),
                widgets.VBox([self.languages, self.sources, hint]),
            ],
            layout=widgets.Layout(flex_flow="row wrap", align_items="flex-start"),
        )
        super().__init__([controls], export_dir)
        self._update_on_change(
            self.dates,
            self.period,
            self.group,
            self.view,
            self.undated,
            self.statuses,
            self.modes,
            self.languages,
            self.sources,
        )

    def filters(self) -> dict:
        """The current filters, as keyword arguments of the meeting aggregates."""
        start, end = slider_bounds(self.dates)
        return dict(
            actors=self.actors.value or None,
            statuses=self.statuses.value,
            modes=self.modes.value or None,
            languages=self.languages.value or None,
            sources=self.sources.value or None,
            start=start,
            end=end,
            undated="published" if self.undated.value else "drop",
        )

    def _compute(self):
        filters = self.filters()
        names = self.actors.names()
        period, by = self.period.value, self.group.value
        if self.view.value == "timeline":
            timeline = meeting_timeline(self.data, top=TIMELINE_PAIRS, **filters)
            title = _timeline_title(names)
            ids = [m for ids in timeline["meeting_ids"] for m in ids]
            fig = meeting_timeline_chart(timeline, title=title)
            static = lambda: meeting_timeline_chart_mpl(timeline, title=title)  # noqa: E731
            stem = export_name("meetings-timeline", names)
        else:
            freq = meeting_frequency(self.data, period, by, top=TOP_KEYS, **filters)
            title = _frequency_title(names, period, by)
            ids = [m for ids in freq["meeting_ids"] for m in ids]
            fig = meeting_frequency_chart(freq, title=title)
            static = lambda: meeting_frequency_chart_mpl(freq, title=title)  # noqa: E731
            stem = export_name("meetings", names, None if by == "pair" else f"by-{by}", period)
        rows = meeting_reports(self.data, ids)
        return fig, rows, html_table(rows, TABLE_COLUMNS), stem, static


def _actor_counts(table: pd.DataFrame) -> pd.DataFrame:
    """Actors that appear in meeting reports, most reported first (for the picker)."""
    pairs = [
        (k, n)
        for keys, names in zip(table["actor_keys"], table["actor_names"], strict=True)
        for k, n in zip(keys, names, strict=True)
    ]
    if not pairs:
        return pd.DataFrame({"actor_id": [], "name": [], "n": []})
    frame = pd.DataFrame(pairs, columns=["actor_id", "name"])
    counts = frame.groupby(["actor_id", "name"]).size().rename("n").reset_index()
    counts = counts.drop_duplicates("actor_id")
    return counts.sort_values(["n", "name"], ascending=[False, True]).reset_index(drop=True)


def _join_names(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    if len(names) > 4:
        return f"{', '.join(names[:3])} and {len(names) - 3} others"
    return f"{', '.join(names[:-1])} and {names[-1]}"


def _frequency_title(names: list[str], period: str, by: str) -> str:
    what = {"pair": "by actor pair", "actor": "by actor", "mode": "by mode"}[by]
    if len(names) >= 2 and by != "actor":
        return f"Meetings between {_join_names(names)} per {period}, {what}"
    if len(names) >= 2:
        return f"Meetings of {_join_names(names)} per {period}, {what}"
    if len(names) == 1:
        return f"Meetings of {names[0]} per {period}, {what}"
    return f"Meetings per {period}, {what}"


def _timeline_title(names: list[str]) -> str:
    if len(names) >= 2:
        return f"Meetings between {_join_names(names)}: timeline"
    if len(names) == 1:
        return f"Meetings of {names[0]}: timeline"
    return "Meeting timeline by actor pair"
