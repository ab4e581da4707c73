"""Actor network chart: spring layout, communities coloured, node size by mentions, edge
width by weight, hover showing the evidence sentences.

Edges are drawn as a few line traces (one per kind and width class) plus one invisible
marker trace at the edge midpoints that carries the hover text, so the figure stays light
and updates in place. Pass ``positions`` computed once (:func:`layout_positions`) so that
filtering does not move the nodes.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import networkx as nx
import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ..aggregate.network import network_graph
from .style import OTHER_COLOUR, PALETTE, base_layout, empty_figure, new_figure, plural, wrap

EDGE_STYLE = {
    "co_mention": dict(label="co-mentioned (same sentence)", colour="#A8A8A8", dash="solid"),
    "met": dict(label="met (meetings that happened)", colour="#0072B2", dash="solid"),
    "quoted_about": dict(label="quoted about (speaker → actor)", colour="#E69F00", dash="dot"),
}
#: edge weight classes -> line width (a trace per class keeps the figure light)
WIDTH_CLASSES = ((1, 1.2), (2, 2.4), (4, 3.8), (8, 5.5), (16, 7.5))
#: small sideways shift per kind so that parallel edges of different kinds stay visible
KIND_OFFSET = {"co_mention": 0.0, "met": 1.0, "quoted_about": -1.0}


def layout_positions(
    nodes: pd.DataFrame, edges: pd.DataFrame, seed: int = 7
) -> dict[str, tuple[float, float]]:
    """Node positions, computed once per view so that filtering does not move nodes.

    Each connected group of actors gets its own spring layout (weighted), scaled by the
    square root of its size; groups are then packed in rows, largest first, with the
    actors that have no link in a final row. A plain spring layout of a disconnected
    graph pushes the groups to the corners and crushes each of them into a blob.
    """
    graph = network_graph(edges) if len(edges) else nx.Graph()
    graph.add_nodes_from(nodes["actor_id"])
    if graph.number_of_nodes() == 0:
        return {}
    groups = sorted(nx.connected_components(graph), key=lambda g: (-len(g), min(g)))
    linked = [g for g in groups if len(g) > 1]
    single = sorted(n for g in groups if len(g) == 1 for n in g)
    blocks: list[tuple[dict, float]] = []
    for group in linked:
        pos = _group_layout(graph.subgraph(group), seed)
        pts = np.array(list(pos.values()))
        pts = pts - pts.mean(axis=0)
        radius = float(np.abs(pts).max()) or 1.0
        size = math.sqrt(len(group))
        blocks.append(({n: tuple(p / radius * size) for n, p in zip(pos, pts, strict=True)}, size))
    positions: dict[str, tuple[float, float]] = {}
    row_width = max([2 * s for _, s in blocks[:1]] + [6.0]) * 1.6
    x = y = 0.0
    row_height = 0.0
    for pos, size in blocks:
        if x > 0 and x + 2 * size > row_width:
            x, y = 0.0, y - row_height - 0.8
            row_height = 0.0
        for node, (px, py) in pos.items():
            positions[node] = (x + size + px, y - size + py)
        x += 2 * size + 0.8
        row_height = max(row_height, 2 * size)
    if single:
        y = y - row_height - 1.0 if blocks else 0.0
        per_row = max(int(row_width // 1.6), 1)
        for i, node in enumerate(single):
            positions[node] = (0.8 + (i % per_row) * 1.6, y - (i // per_row) * 1.2)
    return {node: (float(px), float(py)) for node, (px, py) in positions.items()}


def place_nodes(
    positions: dict[str, tuple[float, float]],
    nodes: pd.DataFrame,
    edges: pd.DataFrame,
    seed: int = 7,
) -> dict[str, tuple[float, float]]:
    """Positions for ``nodes`` that keep the ones already placed where they were.

    When at least half of the nodes have a position, the others are placed by a spring
    layout around them (the known ones fixed), so a filter change does not reshuffle the
    picture. Otherwise (a mostly new set of actors) the view gets a fresh layout, which
    suits it better than a corner of the old one. Returns the updated mapping.
    """
    shown = list(nodes["actor_id"])
    known = [a for a in shown if a in positions]
    if not shown:
        return dict(positions)
    out = dict(positions)
    if len(known) * 2 < len(shown):
        out.update(layout_positions(nodes, edges, seed=seed))
        return out
    missing = [a for a in shown if a not in positions]
    if not missing:
        return out
    graph = network_graph(edges[edges["source_id"].isin(shown) & edges["target_id"].isin(shown)])
    graph.add_nodes_from(shown)
    start = {a: positions[a] for a in known}
    spread = _spread(start, set(known))
    k = spread / math.sqrt(max(len(shown), 1))
    pos = nx.spring_layout(
        graph, pos=start, fixed=known, k=k, weight="weight", seed=seed, iterations=60
    )
    out.update({a: (float(pos[a][0]), float(pos[a][1])) for a in missing})
    return out


def _group_layout(sub: nx.Graph, seed: int) -> dict:
    """A weighted spring layout (Fruchterman-Reingold) of one connected group.

    Link weights enter on a log scale: a link of 1,000 sentences must not crush its two
    actors into one point. Kamada-Kawai spaces nodes more evenly but takes 0.5-1 s for
    40 actors, too slow for a view that follows every filter change.
    """
    graph = nx.Graph()
    graph.add_nodes_from(sorted(sub.nodes))
    graph.add_edges_from(
        (a, b, {"strength": 1.0 + math.log2(d["weight"])})
        for a, b, d in sorted(sub.edges(data=True), key=lambda e: (e[0], e[1]))
    )
    k = 1.6 / math.sqrt(graph.number_of_nodes())
    return nx.spring_layout(graph, k=k, weight="strength", seed=seed, iterations=150)


def _complete(positions, nodes: pd.DataFrame, edges: pd.DataFrame) -> dict:
    """``positions`` plus a place for every node it lacks (a new row below the others)."""
    if not positions:
        return layout_positions(nodes, edges)
    positions = dict(positions)
    missing = [a for a in nodes["actor_id"] if a not in positions]
    if missing:
        xs = [p[0] for p in positions.values()]
        bottom = min(p[1] for p in positions.values()) - 1.2
        width = max(max(xs) - min(xs), 6.0)
        per_row = max(int(width // 1.6), 1)
        for i, node in enumerate(missing):
            positions[node] = (min(xs) + 0.8 + (i % per_row) * 1.6, bottom - (i // per_row) * 1.2)
    return positions


def _width_class(weight: int) -> tuple[int, float]:
    chosen = WIDTH_CLASSES[0]
    for threshold, width in WIDTH_CLASSES:
        if weight >= threshold:
            chosen = (threshold, width)
    return chosen


def _evidence_text(evidence: pd.DataFrame | None) -> dict[tuple, list[str]]:
    if evidence is None or evidence.empty:
        return {}
    out: dict[tuple, list[str]] = {}
    for kind, source, target, sentence, outlet, published in zip(
        evidence["kind"],
        evidence["source"],
        evidence["target"],
        evidence["sentence"],
        evidence["outlet"],
        evidence["published"],
        strict=True,
    ):
        items = out.setdefault((kind, source, target), [])
        if len(items) < 3 and isinstance(sentence, str):
            date = f", {pd.Timestamp(published):%d %b %Y}" if pd.notna(published) else ""
            items.append(
                f"“{wrap(sentence, 70, 3)}” <span style='color:#777'>({outlet}{date})</span>"
            )
    return out


def actor_network_chart(
    nodes: pd.DataFrame,
    edges: pd.DataFrame,
    positions: dict[str, tuple[float, float]] | None = None,
    evidence: pd.DataFrame | None = None,
    labels: int = 20,
    title: str | None = None,
    *,
    always: Iterable[str] = (),
    validate: bool = True,
) -> go.Figure:
    """Network of actors from :func:`~newsanalysis.aggregate.network_nodes` / ``network_edges``.

    ``positions``: fixed node positions (default: a spring layout of these nodes);
    ``evidence``: output of :func:`~newsanalysis.aggregate.edge_evidence`, shown on hover;
    ``labels``: at most this many names are written on the chart, largest nodes first,
    below the node when there is no room above, skipping a name that would overlap one
    already written (hover shows every name); ``always``: actor ids named in any case
    (the actors picked in the explorer).
    ``validate=False`` skips plotly's validation (see :func:`~.style.new_figure`).
    """
    title = title or "Actor network"
    if nodes.empty:
        return empty_figure(title, "no actors match these filters", validate=validate)
    positions = _complete(positions, nodes, edges)
    shown = set(nodes["actor_id"])
    edges = edges[edges["source_id"].isin(shown) & edges["target_id"].isin(shown)]
    spread = _spread(positions, shown)
    traces = _edge_traces(edges, positions, spread, _evidence_text(evidence))
    traces += _node_traces(_with_positions(nodes, positions), labels, always)
    fig = new_figure(validate)
    fig.add_traces(traces)
    kinds = ", ".join(
        f"{plural(int((edges['kind'] == k).sum()), EDGE_STYLE[k]['label'].split(' (')[0] + ' link')}"
        for k in EDGE_STYLE
        if (edges["kind"] == k).any()
    )
    subtitle = (
        f"n = {plural(len(nodes), 'actor')}, {plural(len(edges), 'link')}"
        + (f" ({kinds})" if kinds else "")
        + "<br>node size = mentions · line width = weight · colour = community (Louvain)"
    )
    base_layout(fig, title, subtitle, height=640)
    fig.update_layout(
        xaxis=dict(visible=False),
        yaxis=dict(visible=False, scaleanchor="x", scaleratio=1),
        legend=dict(orientation="v", x=1.01, y=1, xanchor="left", font=dict(size=11)),
        margin=dict(l=20, r=20),
        hovermode="closest",
        dragmode="pan",
    )
    return fig


def _spread(positions: dict, shown: set) -> float:
    pts = np.array([positions[a] for a in shown if a in positions] or [(0.0, 0.0)])
    return float(max(np.ptp(pts[:, 0]), np.ptp(pts[:, 1]), 1e-6))


def _edge_traces(edges: pd.DataFrame, positions, spread: float, texts) -> list[dict]:
    traces: list[dict] = []
    mid_x, mid_y, mid_text = [], [], []
    for kind, style in EDGE_STYLE.items():
        part = edges[edges["kind"] == kind]
        if part.empty:
            continue
        classes: dict[tuple[int, float], tuple[list, list, list]] = {}
        unit = {"co_mention": "sentence", "met": "meeting", "quoted_about": "quote"}[kind]
        for r in part.itertuples(index=False):
            (x0, y0), (x1, y1) = positions[r.source_id], positions[r.target_id]
            dx, dy = x1 - x0, y1 - y0
            length = math.hypot(dx, dy) or 1.0
            shift = KIND_OFFSET[kind] * 0.006 * spread
            ox, oy = -dy / length * shift, dx / length * shift
            xs, ys, count = classes.setdefault(_width_class(int(r.weight)), ([], [], [0]))
            xs.extend([x0 + ox, x1 + ox, None])
            ys.extend([y0 + oy, y1 + oy, None])
            count[0] += 1
            mid_x.append((x0 + x1) / 2 + ox)
            mid_y.append((y0 + y1) / 2 + oy)
            arrow = "→" if r.directed else "–"
            lines = [
                f"<b>{_escape(r.source)} {arrow} {_escape(r.target)}</b>",
                f"{style['label']}: {plural(int(r.weight), unit)} in "
                f"{plural(int(r.articles), 'article')}",
                _date_range(r.first, r.last),
                *texts.get((kind, r.source, r.target), []),
            ]
            mid_text.append("<br>".join(line for line in lines if line))
        first = True
        for (threshold, width), (xs, ys, count) in sorted(classes.items()):
            traces.append(
                dict(
                    type="scatter",
                    x=xs,
                    y=ys,
                    mode="lines",
                    line=dict(color=style["colour"], width=width, dash=style["dash"]),
                    opacity=0.75,
                    name=f"{style['label']} (n = {len(part)})",
                    legendgroup=kind,
                    showlegend=first,
                    hoverinfo="skip",
                    meta={"kind": kind, "min_weight": threshold, "edges": count[0]},
                )
            )
            first = False
    if mid_x:
        traces.append(
            dict(
                type="scatter",
                x=mid_x,
                y=mid_y,
                mode="markers",
                marker=dict(size=10, color="rgba(0,0,0,0)"),
                hovertext=mid_text,
                hoverinfo="text",
                showlegend=False,
                name="link details",
            )
        )
    return traces


def _escape(text) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _date_range(first, last) -> str:
    if pd.isna(first):
        return ""
    a, b = pd.Timestamp(first), pd.Timestamp(last)
    return f"{a:%d %b %Y}" if a.normalize() == b.normalize() else f"{a:%d %b %Y} … {b:%d %b %Y}"


def _node_sizes(mentions: pd.Series) -> np.ndarray:
    top = max(int(mentions.max()), 1)
    return 12 + 34 * np.sqrt(mentions.clip(lower=0).to_numpy() / top)


#: the plot area the label placement assumes (px): the chart is 640 px high (about 480
#: for the plot) and as wide as a notebook cell (about 1,000 px), less the legend on the
#: right (about 270); a wider or zoomed chart only has more room
PLOT_PX = (700.0, 480.0)
LABEL_FONT_PX = 12


def label_nodes(nodes: pd.DataFrame, most: int, always: Iterable[str] = ()) -> dict[str, str]:
    """Actors whose name is written on the chart, and where: ``{actor_id: textposition}``.

    ``nodes`` has ``actor_id``, ``name``, ``mentions``, ``x``, ``y``. Largest nodes first;
    a name goes above its node, or below it when the box above (estimated from its length
    at 12 px) would overlap a name already placed; when both would, it is left to the
    hover. Actors in ``always`` (the ones the user picked) are named first, whatever they
    overlap, and count towards ``most``.
    """
    always = set(always)
    if nodes.empty or (most <= 0 and not always):
        return {}
    xs, ys = nodes["x"].to_numpy(float), nodes["y"].to_numpy(float)
    span_x = max(float(np.ptp(xs)), 1e-9)
    span_y = max(float(np.ptp(ys)), 1e-9)
    scale = min(PLOT_PX[0] / span_x, PLOT_PX[1] / span_y)  # px per unit (equal aspect)
    sizes = _node_sizes(nodes["mentions"])
    ids = nodes["actor_id"].to_numpy()
    picked = np.array([a in always for a in ids], dtype=bool)
    order = np.lexsort((-nodes["mentions"].to_numpy(), ~picked))
    placed: list[tuple[float, float, float, float]] = []
    named: dict[str, str] = {}
    for i in order:
        if len(named) >= most and not picked[i]:
            break
        width = 0.6 * LABEL_FONT_PX * len(str(nodes["name"].iat[i])) + 4
        cx, cy, gap = xs[i] * scale, ys[i] * scale, sizes[i] / 2 + 2
        above = (cx - width / 2, cy + gap, cx + width / 2, cy + gap + LABEL_FONT_PX + 4)
        below = (cx - width / 2, cy - gap - LABEL_FONT_PX - 4, cx + width / 2, cy - gap)
        for where, box in (("top center", above), ("bottom center", below)):
            if picked[i] or not any(_overlap(box, other) for other in placed):
                placed.append(box)
                named[ids[i]] = where
                break
    return named


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _node_traces(nodes: pd.DataFrame, labels: int, always: Iterable[str] = ()) -> list[dict]:
    nodes = nodes.reset_index(drop=True)
    named = label_nodes(nodes, labels, always)
    community = (
        nodes["community"] if "community" in nodes.columns else pd.Series(-1, index=nodes.index)
    )
    sizes = _node_sizes(nodes["mentions"])
    order = sorted(set(community), key=lambda c: (c < 0, c))
    traces = []
    for c in order:
        mask = (community == c).to_numpy()
        part = nodes[mask]
        colour = PALETTE[c % len(PALETTE)] if c >= 0 else OTHER_COLOUR
        name = (
            f"community {c + 1} ({plural(len(part), 'actor')})"
            if c >= 0
            else f"no links ({len(part)})"
        )
        hover = [
            f"<b>{_escape(r.name)}</b><br>{r.type if isinstance(r.type, str) else 'actor'}"
            + (f", {r.country}" if isinstance(r.country, str) else "")
            + f"<br>{plural(int(r.mentions), 'mention')} in {plural(int(r.articles), 'article')}"
            + (f"<br>link weight {int(r.degree)}" if hasattr(r, "degree") else "")
            for r in part.itertuples(index=False)
        ]
        traces.append(
            dict(
                type="scatter",
                x=part["x"].tolist(),
                y=part["y"].tolist(),
                mode="markers+text",
                text=[
                    n if a in named else ""
                    for a, n in zip(part["actor_id"], part["name"], strict=True)
                ],
                textposition=[named.get(a, "top center") for a in part["actor_id"]],
                textfont=dict(size=LABEL_FONT_PX, color="#222"),
                marker=dict(
                    size=sizes[mask].tolist(),
                    color=colour,
                    line=dict(color="white", width=1.5),
                    opacity=0.95,
                ),
                hovertext=hover,
                hoverinfo="text",
                name=name,
                customdata=part["actor_id"].tolist(),
            )
        )
    return traces


def _with_positions(nodes: pd.DataFrame, positions: dict) -> pd.DataFrame:
    return nodes.assign(
        x=[positions[a][0] for a in nodes["actor_id"]],
        y=[positions[a][1] for a in nodes["actor_id"]],
    )


# --------------------------------------------------------------------------- matplotlib twin


def actor_network_chart_mpl(
    nodes: pd.DataFrame,
    edges: pd.DataFrame,
    positions: dict[str, tuple[float, float]] | None = None,
    labels: int = 20,
    title: str | None = None,
):
    """Matplotlib twin of :func:`actor_network_chart`."""
    from ._mpl import empty_figure_mpl, new_figure

    title = title or "Actor network"
    if nodes.empty:
        return empty_figure_mpl(title, "no actors match these filters")
    positions = _complete(positions, nodes, edges)
    shown = set(nodes["actor_id"])
    edges = edges[edges["source_id"].isin(shown) & edges["target_id"].isin(shown)]
    fig, ax = new_figure(
        title,
        f"n = {plural(len(nodes), 'actor')}, {plural(len(edges), 'link')} · node size = mentions, "
        "line width = weight",
        width=9,
        height=7,
    )
    for kind, style in EDGE_STYLE.items():
        part = edges[edges["kind"] == kind]
        for i, r in enumerate(part.itertuples(index=False)):
            (x0, y0), (x1, y1) = positions[r.source_id], positions[r.target_id]
            ax.plot(
                [x0, x1],
                [y0, y1],
                color=style["colour"],
                lw=_width_class(int(r.weight))[1] * 0.7,
                ls="-" if style["dash"] == "solid" else ":",
                alpha=0.7,
                zorder=1,
                label=style["label"] if i == 0 else None,
            )
    nodes = nodes.reset_index(drop=True)
    community = (
        nodes["community"] if "community" in nodes.columns else pd.Series(-1, index=nodes.index)
    )
    colours = [PALETTE[c % len(PALETTE)] if c >= 0 else OTHER_COLOUR for c in community]
    xy = np.array([positions[a] for a in nodes["actor_id"]])
    ax.scatter(
        xy[:, 0],
        xy[:, 1],
        s=_node_sizes(nodes["mentions"]) ** 2 / 2.5,
        c=colours,
        edgecolors="white",
        zorder=2,
    )
    named_ids = set(label_nodes(_with_positions(nodes, positions), labels))
    named = nodes[nodes["actor_id"].isin(named_ids)]
    for r in named.itertuples(index=False):
        x, y = positions[r.actor_id]
        ax.annotate(
            r.name,
            (x, y),
            xytext=(0, 9),
            textcoords="offset points",
            ha="center",
            fontsize=8,
            zorder=3,
        )
    ax.set_axis_off()
    ax.set_aspect("equal", adjustable="datalim")
    if len(edges):
        fig.legend(loc="outside lower center", ncol=3, frameon=False, fontsize=8)
    return fig
