"""ActorNetworkExplorer: who is connected to whom, by co-mention, meetings and quotes."""

from __future__ import annotations

import os
from collections.abc import Iterable

import ipywidgets as widgets
import pandas as pd

from ..aggregate.network import (
    EDGE_KINDS,
    communities,
    edge_evidence,
    ego_edges,
    network_data,
    network_edges,
    network_nodes,
    readable_min_weight,
    view_min_weight,
)
from ..charts.export import export_name
from ..charts.network import actor_network_chart, actor_network_chart_mpl, place_nodes
from ..charts.tables import TABLE_ROWS, html_table
from ._base import Explorer
from ._controls import (
    ActorPicker,
    choice_list,
    month_range_slider,
    slider_bounds,
    toggle,
)

KIND_LABELS = {"co_mention": "co-mentioned", "met": "met", "quoted_about": "quoted about"}
TABLE_COLUMNS = {
    "link": "Link",
    "source": "From",
    "target": "To",
    "published": "Published",
    "outlet": "Source",
    "title": "Article",
    "sentence": "Sentence",
}
#: actors shown at first, and the most links a first view should draw (a readable picture)
DEFAULT_NODES = 40
DEFAULT_LINKS = 150
#: actors named on the chart (the most mentioned; hover shows the others)
LABELS = 15
#: rows behind the view (table + export), and the sentences shown on hovering a link
EVIDENCE_ROWS = 5000
HOVER_PER_LINK = 3
HOVER_SENTENCES = 600


class ActorNetworkExplorer(Explorer):
    """Actor network with edge kinds, minimum weight and an ego-network focus."""

    title = "Network: who is connected to whom"
    intro = (
        "Actors are linked when they are <b>mentioned in the same sentence</b> (grey), "
        "<b>met</b> (blue; meetings that happened) or one is <b>quoted about</b> the other "
        "(orange, dotted: speaker → actor). Node size is the number of mentions, line width "
        "the number of sentences, meetings or quotes behind a link; colours are communities. "
        "Hover over a link to read its sentences; <i>Focus</i> shows one actor's neighbourhood."
    )

    def __init__(
        self,
        analysis,
        actors: Iterable[str] | None = None,
        focus: str | None = None,
        export_dir: str | os.PathLike | None = None,
    ):
        self.data = network_data(analysis)
        full_edges = network_edges(self.data, evidence=False)
        self._all_nodes = network_nodes(self.data)
        self._communities = communities(full_edges)
        self.positions: dict[str, tuple[float, float]] = {}  # filled view by view
        # the minimum weight follows the view (about DEFAULT_LINKS links) until the user
        # moves the slider
        self._auto_weight = True
        self._silent = False
        picker_rows = self._all_nodes.rename(columns={"mentions": "n"})[["actor_id", "name", "n"]]
        self.actors = ActorPicker(picker_rows, "Actors (mentions)")
        if actors:
            self.actors.value = actors
        options = [("— none —", None)] + [
            (n, a) for a, n in zip(picker_rows["actor_id"], picker_rows["name"], strict=True)
        ]
        self.focus = widgets.Dropdown(
            options=options,
            value=self.actors.ids([focus])[0] if focus else None,
            description="Focus",
            style={"description_width": "80px"},
            layout=widgets.Layout(width="300px"),
        )
        self.focus.add_class("na-focus")
        self.depth = toggle("Steps", [1, 2], 1)
        self.kinds = choice_list("Links", list(EDGE_KINDS), EDGE_KINDS, rows=3, labels=KIND_LABELS)
        max_weight = int(full_edges["weight"].max()) if len(full_edges) else 1
        self.min_weight = widgets.IntSlider(
            value=1,
            min=1,
            max=max(max_weight, 2),
            description="Min weight",
            style={"description_width": "80px"},
            continuous_update=False,
        )
        self.max_nodes = widgets.IntSlider(
            value=DEFAULT_NODES,
            min=5,
            max=150,
            step=5,
            description="Max actors",
            style={"description_width": "80px"},
            continuous_update=False,
        )
        self.dates = month_range_slider(self.data.instances["date"], "Dates")
        self.languages = choice_list(
            "Language", sorted(self.data.articles["language"].dropna().unique()), rows=3
        )
        self.sources = choice_list(
            "Source", sorted(self.data.articles["source"].dropna().unique()), rows=4
        )
        hint = widgets.HTML("<span style='color:#666'>none selected = all</span>")
        controls = widgets.HBox(
            [
                self.actors,
                widgets.VBox([self.dates, self.focus, self.depth, self.min_weight, self.max_nodes]),
                widgets.VBox([self.kinds, self.languages, self.sources, hint]),
            ],
            layout=widgets.Layout(flex_flow="row wrap", align_items="flex-start"),
        )
        super().__init__([controls], export_dir)
        self.min_weight.observe(self._on_min_weight, names="value")
        self._update_on_change(
            self.focus,
            self.depth,
            self.kinds,
            self.max_nodes,
            self.dates,
            self.languages,
            self.sources,
        )

    def _on_min_weight(self, change) -> None:
        if not self._silent:  # the user moved it: from now on it is theirs
            self._auto_weight = False
            self.update()

    def _set_min_weight(self, value: int) -> None:
        """Show the automatic minimum weight on the slider without a second update."""
        value = min(max(int(value), self.min_weight.min), self.min_weight.max)
        if value != self.min_weight.value:
            self._silent = True
            try:
                self.min_weight.value = value
            finally:
                self._silent = False

    def filters(self) -> dict:
        start, end = slider_bounds(self.dates)
        return dict(
            kinds=self.kinds.value,
            start=start,
            end=end,
            languages=self.languages.value or None,
            sources=self.sources.value or None,
        )

    def _compute(self):
        filters = self.filters()
        picked = list(self.actors.value)
        focus = self.focus.value
        if self._auto_weight:
            self._set_min_weight(
                view_min_weight(
                    self.data,
                    links=DEFAULT_LINKS,
                    nodes=self.max_nodes.value,
                    actors=picked or None,
                    focus=focus,
                    depth=self.depth.value,
                    **filters,
                )
            )
        edges = network_edges(
            self.data,
            min_weight=self.min_weight.value,
            actors=None if focus else (picked or None),
            evidence=False,
            **filters,
        )
        if focus:
            edges = ego_edges(edges, focus, self.depth.value)
        must = set(picked) | ({focus} if focus else set())
        on_edge = set(edges["source_id"]) | set(edges["target_id"])
        nodes = network_nodes(
            self.data,
            edges,
            with_communities=False,
            top=self.max_nodes.value,
            keep=on_edge | must,
            start=filters["start"],
            end=filters["end"],
            languages=filters["languages"],
            sources=filters["sources"],
        )
        if must:
            nodes = nodes[nodes["actor_id"].isin(on_edge | must)]
        ranked = _rank_nodes(nodes)
        chosen = set(ranked["actor_id"].head(self.max_nodes.value)) | (
            must & set(ranked["actor_id"])
        )
        nodes = ranked[ranked["actor_id"].isin(chosen)].copy()
        nodes["community"] = nodes["actor_id"].map(self._communities).fillna(-1).astype(int)
        edges = edges[edges["source_id"].isin(chosen) & edges["target_id"].isin(chosen)]
        # sentences only for what is shown: a few per link for the hover, the first rows
        # of the table; the full rows (up to EVIDENCE_ROWS) when read or exported
        where = {k: filters[k] for k in ("start", "end", "languages", "sources")}
        hover = edge_evidence(
            self.data, edges, limit=HOVER_SENTENCES, per_edge=HOVER_PER_LINK, **where
        )
        table = _with_link(edge_evidence(self.data, edges, limit=TABLE_ROWS, **where))
        rows = lambda: _with_link(  # noqa: E731
            edge_evidence(self.data, edges, limit=EVIDENCE_ROWS, **where)
        )
        names = self.actors.names()
        title = "Actor network"
        if focus:
            title += f" around {dict((v, k) for k, v in self.focus.options).get(focus, focus)}"
        elif names:
            title += f": links of {', '.join(names[:4])}" + (" …" if len(names) > 4 else "")
        self.positions = place_nodes(self.positions, nodes, edges)
        fig = actor_network_chart(
            nodes,
            edges,
            self.positions,
            hover,
            labels=LABELS,
            title=title,
            always=must,
            validate=False,
        )
        positions = dict(self.positions)
        static = lambda: actor_network_chart_mpl(nodes, edges, positions, LABELS, title)  # noqa: E731
        focus_name = self.actors.names([focus]) if focus else None
        stem = export_name("network", names, f"focus-{focus_name[0]}" if focus_name else None)
        total = int(edges["weight"].sum()) if len(edges) else 0
        html = html_table(table, TABLE_COLUMNS, total=total, exported=EVIDENCE_ROWS)
        return fig, rows, html, stem, static


def _with_link(evidence: pd.DataFrame) -> pd.DataFrame:
    evidence.insert(1, "link", evidence["kind"].map(KIND_LABELS))
    return evidence


def default_min_weight(weights: pd.Series, most: int = DEFAULT_LINKS) -> int:
    """The smallest minimum link weight that leaves at most ``most`` links (a readable start)."""
    return readable_min_weight(weights, most)


def _rank_nodes(nodes: pd.DataFrame) -> pd.DataFrame:
    """Nodes most mentioned first, then most connected (``degree``), then by name."""
    return nodes.sort_values(["mentions", "degree", "name"], ascending=[False, False, True])
