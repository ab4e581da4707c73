"""Actor network: edges of three kinds with weights, dates and evidence, nodes, communities.

Edge kinds:

- ``co_mention`` (undirected): two actors mentioned in the same sentence; weight = the
  number of sentences.
- ``met`` (undirected): two actors took part in a meeting that happened; weight = the
  number of meeting events (an ``event_id`` reported by several articles counts once).
- ``quoted_about`` (directed, speaker -> actor): an actor is mentioned inside a quote of
  the speaker; weight = the number of quotes.

Everything is computed from an *instance* table (one row per sentence / event / quote
that supports an edge), so filtering by date, language or source is a vectorised mask
followed by a group-by, and every edge can be followed back to its sentences.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import networkx as nx
import numpy as np
import pandas as pd

from ._common import (
    actor_lookup,
    article_meta,
    as_set,
    plain_strings,
    resolve_actor_keys,
)
from ._network_index import NetworkIndex, build_index, date_bounds
from .meetings import meeting_events, meetings_table

EDGE_KINDS: tuple[str, ...] = ("co_mention", "met", "quoted_about")
INSTANCE_COLUMNS = ["kind", "source_id", "target_id", "article_id", "ref", "date", "directed"]
EDGE_COLUMNS = [
    "source_id",
    "target_id",
    "source",
    "target",
    "kind",
    "directed",
    "weight",
    "articles",
    "first",
    "last",
    "evidence",
]


@dataclass
class NetworkData:
    """What the network aggregates need, computed once from an Analysis."""

    instances: pd.DataFrame  # one row per supporting sentence / event / quote (index order)
    mentions: pd.DataFrame  # article_id, actor_id
    actors: pd.DataFrame  # actor_id, name, type, country (row = actor code)
    articles: pd.DataFrame  # article metadata + text, most recent first (row = article code)
    meetings: pd.DataFrame  # meeting_id, evidence
    quotes: pd.DataFrame  # quote_id, text, speaker
    index: NetworkIndex | None = None  # integer codes for fast filtering (see _network_index)
    _ids: dict = field(default_factory=dict, repr=False)

    def names(self) -> dict[str, str]:
        """actor_id -> display name (built once: the explorers ask on every change)."""
        if "names" not in self._ids:
            self._ids["names"] = actor_lookup(self.actors)
        return self._ids["names"]

    def positions(self, table: str, ids) -> np.ndarray:
        """Rows of ``table`` (articles, meetings, quotes) holding ``ids`` (-1: none)."""
        if table not in self._ids:
            column = {"articles": "article_id", "meetings": "meeting_id", "quotes": "quote_id"}
            self._ids[table] = pd.Index(getattr(self, table)[column[table]])
        return self._ids[table].get_indexer(ids)


def network_data(analysis, meeting_statuses: Iterable[str] = ("happened",)) -> NetworkData:
    """Edge instances and node mentions of ``analysis`` (see the module docstring)."""
    articles = _ordered_articles(analysis.articles)
    meta = article_meta(articles)
    table = meetings_table(analysis)
    quotes = analysis.quotes[["quote_id", "text", "speaker"]].reset_index(drop=True)
    instances = pd.concat(
        [
            _co_mentions(analysis.mentions),
            _met(table, tuple(meeting_statuses)),
            _quoted_about(analysis.quotes, analysis.mentions),
        ],
        ignore_index=True,
    )
    instances = instances.drop_duplicates(["kind", "source_id", "target_id", "article_id", "ref"])
    instances = instances.merge(
        meta[["article_id", "published", "language", "source"]], on="article_id", how="left"
    )
    instances["date"] = instances["date"].fillna(instances["published"])
    instances = plain_strings(instances)
    mentions = plain_strings(analysis.mentions[["article_id", "actor_id"]])
    actors = analysis.actors[["actor_id", "name", "type", "country"]].drop_duplicates("actor_id")
    extra = set(instances["source_id"]).union(instances["target_id"]) - set(actors["actor_id"])
    if extra:  # participants known only by name
        actors = pd.concat(
            [actors, pd.DataFrame({"actor_id": sorted(extra), "name": sorted(extra)})],
            ignore_index=True,
        )
    actors = plain_strings(actors.reset_index(drop=True))
    index, instances = build_index(instances, articles, actors, mentions)
    return NetworkData(
        instances=instances,
        mentions=mentions,
        actors=actors,
        articles=articles,
        meetings=table[["meeting_id", "evidence"]].reset_index(drop=True),
        quotes=quotes,
        index=index,
    )


def _ordered_articles(articles: pd.DataFrame) -> pd.DataFrame:
    """Article metadata and text, most recent first (so an edge lists recent evidence first)."""
    columns = ["article_id", "title", "url", "published", "source", "language", "text"]
    present = articles.reindex(columns=columns).drop_duplicates("article_id")
    present = present.astype({"published": "datetime64[ns]"})
    return present.sort_values(
        ["published", "article_id"], ascending=[False, True], na_position="last", kind="stable"
    ).reset_index(drop=True)


def _as_data(data) -> NetworkData:
    net = data if isinstance(data, NetworkData) else network_data(data)
    if net.index is None:  # built by hand
        net.index, net.instances = build_index(
            net.instances, net.articles, net.actors, net.mentions
        )
    return net


def _empty_instances() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in INSTANCE_COLUMNS}).astype(
        {"date": "datetime64[ns]", "directed": bool}
    )


def _co_mentions(mentions: pd.DataFrame) -> pd.DataFrame:
    m = mentions[["article_id", "sentence", "actor_id"]].dropna().drop_duplicates()
    if m.empty:
        return _empty_instances()
    m = m.astype({"article_id": str, "actor_id": str, "sentence": int})
    pairs = m.merge(m, on=["article_id", "sentence"], suffixes=("_a", "_b"))
    pairs = pairs[pairs["actor_id_a"] < pairs["actor_id_b"]]
    return pd.DataFrame(
        {
            "kind": "co_mention",
            "source_id": pairs["actor_id_a"].to_numpy(),
            "target_id": pairs["actor_id_b"].to_numpy(),
            "article_id": pairs["article_id"].to_numpy(),
            "ref": pairs["sentence"].astype(str).to_numpy(),
            "date": pd.NaT,
            "directed": False,
        }
    )


def _met(table: pd.DataFrame, statuses: tuple[str, ...]) -> pd.DataFrame:
    events = meeting_events(table, statuses=statuses, undated="published")
    rows = []
    for keys, ids, article_id, when in zip(
        events["actor_keys"],
        events["meeting_ids"],
        events["article_id"],
        events["when"],
        strict=True,
    ):
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                source, target = (a, b) if a < b else (b, a)
                rows.append(("met", source, target, article_id, ids[0], when, False))
    if not rows:
        return _empty_instances()
    return pd.DataFrame(rows, columns=INSTANCE_COLUMNS)


def _quoted_about(quotes: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    q = quotes[["article_id", "quote_id", "speaker_id", "start", "end"]].dropna()
    m = mentions[["article_id", "actor_id", "start", "end"]].dropna()
    if q.empty or m.empty:
        return _empty_instances()
    q = q.astype({"start": "int64", "end": "int64", "article_id": str}).sort_values("start")
    m = m.astype({"start": "int64", "end": "int64", "article_id": str}).sort_values("start")
    # each mention joined to the last quote starting at or before it, in the same article
    joined = pd.merge_asof(
        m.rename(columns={"end": "m_end"}),
        q.rename(columns={"start": "q_start", "end": "q_end"}),
        left_on="start",
        right_on="q_start",
        by="article_id",
        direction="backward",
    )
    inside = joined[
        joined["quote_id"].notna()
        & (joined["m_end"] <= joined["q_end"])
        & (joined["actor_id"] != joined["speaker_id"])
    ].drop_duplicates(["quote_id", "actor_id"])
    return pd.DataFrame(
        {
            "kind": "quoted_about",
            "source_id": inside["speaker_id"].astype(str).to_numpy(),
            "target_id": inside["actor_id"].astype(str).to_numpy(),
            "article_id": inside["article_id"].to_numpy(),
            "ref": inside["quote_id"].astype(str).to_numpy(),
            "date": pd.NaT,
            "directed": True,
        }
    )


# --------------------------------------------------------------------------- edges + nodes


def _instance_mask(net: NetworkData, kinds, start, end, languages, sources, actors=None):
    ix = net.index
    edge_keep = ix.edge_mask(kinds, actors)
    article_keep = ix.article_mask(languages, sources)
    return ix.instance_mask(edge_keep, article_keep, start, end)


def _filters_mask(net: NetworkData, filters: dict, actors=None):
    """:func:`_instance_mask` for the keyword filters of :func:`network_edges`."""
    return _instance_mask(
        net,
        filters.get("kinds", EDGE_KINDS),
        filters.get("start"),
        filters.get("end"),
        filters.get("languages"),
        filters.get("sources"),
        actors,
    )


def select_instances(
    data,
    *,
    kinds: str | Iterable[str] | None = EDGE_KINDS,
    start=None,
    end=None,
    languages: str | Iterable[str] | None = None,
    sources: str | Iterable[str] | None = None,
) -> pd.DataFrame:
    """Edge instances that pass the filters (``start``/``end`` bound their date)."""
    net = _as_data(data)
    return net.instances[_instance_mask(net, kinds, start, end, languages, sources)]


def network_edges(
    data,
    *,
    min_weight: int = 1,
    actors: str | Iterable[str] | None = None,
    evidence: bool = True,
    **filters,
) -> pd.DataFrame:
    """Weighted edges: one row per (source, target, kind).

    Columns: ``source_id``, ``target_id``, ``source``, ``target`` (names), ``kind``,
    ``directed``, ``weight`` (sentences / events / quotes), ``articles``, ``first`` and
    ``last`` (dates), ``evidence`` (list of ``(article_id, ref)``: sentence index,
    meeting_id or quote_id; most recent article first). ``actors`` keeps edges touching
    any of them. Filters are those of :func:`select_instances`. Sorted by weight,
    heaviest first. ``evidence=False`` leaves the evidence lists out (much faster on a
    large corpus; :func:`edge_evidence` with the same filters fetches them for the
    edges you show).
    """
    net = _as_data(data)
    names = net.names()
    wanted = resolve_actor_keys(actors, names)
    keep = _filters_mask(net, filters, wanted or None)
    unknown = set(filters) - {"kinds", "start", "end", "languages", "sources"}
    if unknown:
        raise TypeError(f"unknown filters {sorted(unknown)}")
    counts = net.index.count(keep)
    counts = counts[counts["weight"] >= min_weight]
    if counts.empty:
        out = pd.DataFrame({c: pd.Series(dtype=object) for c in EDGE_COLUMNS})
        out = out.astype({"weight": int, "articles": int})
        return out if evidence else out.drop(columns="evidence")
    out = net.index.edges.iloc[counts["edge"].to_numpy()].reset_index(drop=True)
    for column in ("weight", "articles", "first", "last"):
        out[column] = counts[column].to_numpy()
    out["source"] = out["source_id"].map(names).fillna(out["source_id"])
    out["target"] = out["target_id"].map(names).fillna(out["target_id"])
    out["_edge"] = counts["edge"].to_numpy()
    out = out.sort_values(["weight", "source", "target"], ascending=[False, True, True])
    if evidence:
        out["evidence"] = _evidence_lists(net, out["_edge"].to_numpy(), keep)
        return out[EDGE_COLUMNS].reset_index(drop=True)
    return out[[c for c in EDGE_COLUMNS if c != "evidence"]].reset_index(drop=True)


def _evidence_lists(net: NetworkData, codes: np.ndarray, keep: np.ndarray) -> list[list]:
    """``(article_id, ref)`` of the kept instances of each edge code, in index order."""
    ix = net.index
    article_ids, refs = ix.article_ids, ix.ref
    out = []
    for code in codes:
        rows = np.arange(ix.edge_start[code], ix.edge_start[code + 1])
        rows = rows[keep[rows]]
        out.append(list(zip(article_ids[ix.article[rows]], refs[rows], strict=True)))
    return out


def network_nodes(
    data,
    edges: pd.DataFrame | None = None,
    *,
    with_communities: bool = True,
    top: int | None = None,
    keep: Iterable[str] | None = None,
    **filters,
) -> pd.DataFrame:
    """Actors with their mention counts (``mentions``, ``articles``) under the filters.

    Only actors that are mentioned or on an edge are listed. With ``edges``, adds
    ``degree`` (weighted, all kinds) and, unless ``with_communities`` is False,
    ``community`` (see :func:`communities`). Filters: ``start``, ``end`` (publication
    date), ``languages``, ``sources``. ``top`` lists only the ``top`` most mentioned
    (ties included) plus the actors in ``keep``: on a large corpus the explorer needs a
    few dozen of many thousands.
    """
    net = _as_data(data)
    article_keep = net.index.article_mask(
        filters.get("languages"), filters.get("sources"), filters.get("start"), filters.get("end")
    )
    counts = net.index.mention_counts(article_keep, len(net.actors))
    mentions = counts["mentions"].to_numpy()
    on_edge = np.zeros(len(net.actors), dtype=bool)
    if edges is not None and len(edges):
        on_edge[_codes_of(net, set(edges["source_id"]) | set(edges["target_id"]))] = True
    listed = (mentions > 0) | on_edge
    if top is not None:
        kept = np.zeros(len(net.actors), dtype=bool)
        kept[_codes_of(net, keep or ())] = True
        ranked = np.sort(mentions[listed])[::-1]
        if len(ranked) > top:
            listed &= (mentions >= max(ranked[top - 1], 1) if top > 0 else False) | kept
    rows = np.flatnonzero(listed)
    nodes = net.actors.iloc[rows].assign(
        mentions=mentions[rows], articles=counts["articles"].to_numpy()[rows]
    )
    nodes = nodes.reset_index(drop=True)
    if edges is not None:
        nodes["degree"] = nodes["actor_id"].map(_degree(edges)).fillna(0).astype(int)
        if with_communities:
            groups = communities(edges)
            nodes["community"] = nodes["actor_id"].map(groups).fillna(-1).astype(int)
    return nodes.sort_values(["mentions", "name"], ascending=[False, True]).reset_index(drop=True)


def _codes_of(net: NetworkData, actor_ids: Iterable[str]) -> np.ndarray:
    codes = net.index.actor_codes
    return np.array([codes[a] for a in actor_ids if a in codes], dtype=np.int64)


def _degree(edges: pd.DataFrame) -> pd.Series:
    """Weighted degree per actor id (all kinds summed)."""
    if edges.empty:
        return pd.Series(dtype=int)
    return (
        pd.concat(
            [edges.groupby("source_id")["weight"].sum(), edges.groupby("target_id")["weight"].sum()]
        )
        .groupby(level=0)
        .sum()
    )


def readable_min_weight(weights: pd.Series | np.ndarray, most: int = 150) -> int:
    """The smallest minimum link weight that leaves at most ``most`` of ``weights``."""
    ordered = np.sort(np.asarray(weights, dtype=np.int64))[::-1]
    if len(ordered) <= most:
        return 1
    return int(ordered[most]) + 1 if ordered[most] < ordered[0] else int(ordered[0])


def view_min_weight(
    data,
    *,
    links: int = 150,
    nodes: int = 40,
    actors: str | Iterable[str] | None = None,
    focus: str | None = None,
    depth: int = 1,
    **filters,
) -> int:
    """The minimum weight that keeps a view readable: at most ``links`` links among its
    ``nodes`` most mentioned actors.

    The view is that of the network explorer: the links of ``actors`` (any link when
    none), or the neighbourhood of ``focus`` within ``depth`` steps; filters as for
    :func:`network_edges`. Computed on integer codes (no table of all links is built),
    so it can follow every change of the actors picked.
    """
    net = _as_data(data)
    ix = net.index
    names = net.names()
    wanted = resolve_actor_keys(actors, names) if not focus else None
    keep = _filters_mask(net, filters, wanted or None)
    weight = np.bincount(ix.edge[keep], minlength=len(ix.edges))
    alive = weight > 0
    source, target = ix.edge_source, ix.edge_target
    must = _codes_of(net, (wanted or set()) | ({focus} if focus else set()))
    if focus:
        reach = must
        for _ in range(depth):
            touching = alive & (np.isin(source, reach) | np.isin(target, reach))
            reach = np.union1d(reach, np.union1d(source[touching], target[touching]))
        alive &= np.isin(source, reach) & np.isin(target, reach)
    article_keep = ix.article_mask(
        filters.get("languages"), filters.get("sources"), filters.get("start"), filters.get("end")
    )
    mentions = ix.mention_counts(article_keep, len(net.actors))["mentions"].to_numpy()
    on_edge = np.union1d(source[alive], target[alive])
    candidates = np.union1d(on_edge, must) if len(must) else np.flatnonzero(mentions > 0)
    if not len(must):
        candidates = np.union1d(candidates, on_edge)
    order = candidates[np.argsort(-mentions[candidates], kind="stable")]
    top = np.union1d(order[:nodes], must)
    among = alive & np.isin(source, top) & np.isin(target, top)
    return readable_min_weight(weight[among], links)


def network_graph(edges: pd.DataFrame) -> nx.Graph:
    """An undirected weighted networkx graph (weights of all kinds summed)."""
    graph = nx.Graph()
    for source, target, weight in zip(
        edges["source_id"], edges["target_id"], edges["weight"], strict=True
    ):
        if source == target:
            continue
        if graph.has_edge(source, target):
            graph[source][target]["weight"] += int(weight)
        else:
            graph.add_edge(source, target, weight=int(weight))
    return graph


def communities(edges: pd.DataFrame, seed: int = 0) -> dict[str, int]:
    """actor_id -> community number (0 = largest), by Louvain modularity on the edges."""
    graph = network_graph(edges)
    if graph.number_of_edges() == 0:
        return {}
    groups = nx.community.louvain_communities(graph, weight="weight", seed=seed)
    groups = sorted(groups, key=lambda g: (-len(g), min(g)))
    return {actor: number for number, group in enumerate(groups) for actor in group}


def ego_edges(edges: pd.DataFrame, actor_id: str, depth: int = 1) -> pd.DataFrame:
    """Edges among ``actor_id`` and the actors within ``depth`` steps of it."""
    keep = {actor_id}
    frontier = {actor_id}
    for _ in range(depth):
        touching = edges[edges["source_id"].isin(frontier) | edges["target_id"].isin(frontier)]
        reached = set(touching["source_id"]) | set(touching["target_id"])
        frontier = reached - keep
        keep |= reached
    return edges[edges["source_id"].isin(keep) & edges["target_id"].isin(keep)]


# --------------------------------------------------------------------------- evidence


EVIDENCE_COLUMNS = [
    "kind",
    "source",
    "target",
    "published",
    "outlet",
    "title",
    "url",
    "sentence",
    "article_id",
    "ref",
]


def edge_evidence(
    data,
    edges: pd.DataFrame,
    limit: int | None = 500,
    *,
    per_edge: int | None = None,
    start=None,
    end=None,
    languages: str | Iterable[str] | None = None,
    sources: str | Iterable[str] | None = None,
) -> pd.DataFrame:
    """The sentences behind ``edges``: one row per (edge, sentence / meeting / quote).

    Columns: kind, source, target, published, outlet, title, url, sentence, article_id,
    ref. Edges in the order given (heaviest first from :func:`network_edges`), within an
    edge the most recent articles first; at most ``per_edge`` rows per edge and ``limit``
    rows in all. Only these rows are looked up, so asking for the few rows a view shows
    stays fast on any corpus.

    The instances are those in the ``evidence`` column of ``edges`` when it has one;
    otherwise those that pass ``start``/``end``/``languages``/``sources`` (give the
    filters ``edges`` were computed with).
    """
    net = _as_data(data)
    if edges.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in EVIDENCE_COLUMNS})
    if "evidence" in edges.columns:
        rows = _rows_from_lists(edges, limit, per_edge)
    else:
        rows = _rows_from_index(net, edges, limit, per_edge, start, end, languages, sources)
    return _with_sentences(net, rows)[EVIDENCE_COLUMNS]


def _rows_from_lists(edges: pd.DataFrame, limit, per_edge) -> pd.DataFrame:
    lists = edges["evidence"]
    if per_edge is not None:
        lists = lists.map(lambda items: list(items)[:per_edge] if isinstance(items, list) else [])
    rows = edges[["kind", "source", "target"]].assign(evidence=lists).explode("evidence")
    rows = rows.dropna(subset=["evidence"])
    if limit is not None:
        rows = rows.head(limit)
    return rows.assign(
        article_id=[e[0] for e in rows["evidence"]], ref=[e[1] for e in rows["evidence"]]
    ).drop(columns="evidence")


def _rows_from_index(
    net: NetworkData, edges, limit, per_edge, start, end, languages, sources
) -> pd.DataFrame:
    ix = net.index
    article_keep = ix.article_mask(languages, sources)
    if article_keep.all():
        article_keep = None
    bounds = date_bounds(start, end)
    budget = limit if limit is not None else np.iinfo(np.int64).max
    picked: list[np.ndarray] = []
    labels: list[tuple[str, str, str, int]] = []
    for source_id, target_id, kind, source, target in zip(
        edges["source_id"],
        edges["target_id"],
        edges["kind"],
        edges["source"],
        edges["target"],
        strict=True,
    ):
        if budget <= 0:
            break
        code = ix.edge_of.get((source_id, target_id, kind))
        if code is None:
            continue
        rows = ix.rows_of(code, article_keep, bounds)
        rows = rows[: min(per_edge or len(rows), budget)]
        budget -= len(rows)
        picked.append(rows)
        labels.append((kind, source, target, len(rows)))
    rows = np.concatenate(picked) if picked else np.array([], dtype=np.int64)
    return pd.DataFrame(
        {
            "kind": [k for k, _, _, n in labels for _ in range(n)],
            "source": [s for _, s, _, n in labels for _ in range(n)],
            "target": [t for _, _, t, n in labels for _ in range(n)],
            "article_id": ix.article_ids[ix.article[rows]],
            "ref": ix.ref[rows],
        }
    )


def _with_sentences(net: NetworkData, rows: pd.DataFrame) -> pd.DataFrame:
    """Add article metadata and the sentence (meeting evidence, quote) of each row."""
    articles = net.articles
    position = net.positions("articles", rows["article_id"])
    found = position >= 0
    safe = np.where(found, position, 0)

    def column(name):
        if not len(articles):
            return np.full(len(rows), None, dtype=object)
        values = articles[name].take(safe).to_numpy(dtype=object)
        return np.where(found, values, None)

    rows = rows.reset_index(drop=True).assign(
        published=pd.to_datetime(pd.Series(column("published"), dtype="datetime64[ns]")),
        outlet=column("source"),
        title=column("title"),
        url=column("url"),
    )
    texts, languages = column("text"), column("language")
    kinds = rows["kind"].to_numpy()
    refs = rows["ref"].to_numpy(dtype=object)
    sentences = np.full(len(rows), None, dtype=object)
    for kind, table, column_name in (
        ("met", "meetings", "evidence"),
        ("quoted_about", "quotes", "text"),
    ):
        at = np.flatnonzero(kinds == kind)
        if len(at):
            sentences[at] = _texts(getattr(net, table)[column_name], net.positions(table, refs[at]))
    for i in np.flatnonzero(kinds == "co_mention"):
        sentences[i] = _sentence(texts[i], languages[i], refs[i])
    rows["sentence"] = sentences
    return rows


def _texts(column: pd.Series, positions: np.ndarray) -> np.ndarray:
    """``column`` at ``positions`` (None at -1 and for missing values)."""
    found = positions >= 0
    values = (
        column.take(np.where(found, positions, 0)).to_numpy(dtype=object) if len(column) else []
    )
    return np.array(
        [v if ok and isinstance(v, str) else None for v, ok in zip(values, found, strict=False)]
        if len(column)
        else [None] * len(positions),
        dtype=object,
    )


@lru_cache(maxsize=4096)
def _sentence_spans(text: str, language: str) -> tuple[tuple[int, int], ...]:
    from ..document import Document

    return tuple(Document(article_id="", text=text, language=language).sentences)


def _sentence(text, language, index) -> str | None:
    """Sentence ``index`` of ``text``; None when the text is missing (a result stored
    without texts) or the index is out of range."""
    if not isinstance(text, str) or not text:
        return None
    try:
        index = int(index)
    except (TypeError, ValueError):
        return None
    language = language if isinstance(language, str) else "other"
    spans = _sentence_spans(text, language)
    if 0 <= index < len(spans):
        start, end = spans[index]
        return text[start:end]
    return None


def edge_kinds(values: str | Iterable[str] | None) -> set[str]:
    """Validate edge kinds (``None``: all)."""
    kinds = as_set(values) or set(EDGE_KINDS)
    unknown = kinds - set(EDGE_KINDS)
    if unknown:
        raise ValueError(f"unknown edge kinds {sorted(unknown)}; expected {', '.join(EDGE_KINDS)}")
    return kinds
