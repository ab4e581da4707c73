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
from dataclasses import dataclass
from functools import lru_cache

import networkx as nx
import pandas as pd

from ._common import (
    actor_lookup,
    article_meta,
    as_set,
    date_mask,
    plain_strings,
    resolve_actor_keys,
    value_mask,
)
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

    instances: pd.DataFrame  # one row per supporting sentence / event / quote
    mentions: pd.DataFrame  # article_id, actor_id, published, language, source
    actors: pd.DataFrame  # actor_id, name, type, country
    articles: pd.DataFrame  # article metadata + text (for evidence sentences)
    meetings: pd.DataFrame  # meeting_id -> evidence
    quotes: pd.DataFrame  # quote_id -> text


def network_data(analysis, meeting_statuses: Iterable[str] = ("happened",)) -> NetworkData:
    """Edge instances and node mentions of ``analysis`` (see the module docstring)."""
    meta = article_meta(analysis.articles)
    table = meetings_table(analysis)
    instances = pd.concat(
        [
            _co_mentions(analysis.mentions),
            _met(table, tuple(meeting_statuses)),
            _quoted_about(analysis.quotes, analysis.mentions),
        ],
        ignore_index=True,
    )
    instances = instances.merge(
        meta[["article_id", "published", "language", "source"]], on="article_id", how="left"
    )
    instances["date"] = instances["date"].fillna(instances["published"])
    instances = plain_strings(instances)
    mentions = plain_strings(analysis.mentions[["article_id", "actor_id"]]).merge(
        meta[["article_id", "published", "language", "source"]], on="article_id", how="left"
    )
    actors = analysis.actors[["actor_id", "name", "type", "country"]]
    extra = set(instances["source_id"]).union(instances["target_id"]) - set(actors["actor_id"])
    if extra:  # participants known only by name
        actors = pd.concat(
            [actors, pd.DataFrame({"actor_id": sorted(extra), "name": sorted(extra)})],
            ignore_index=True,
        )
    return NetworkData(
        instances=instances,
        mentions=mentions,
        actors=actors.reset_index(drop=True),
        articles=analysis.articles[
            ["article_id", "title", "url", "published", "source", "language", "text"]
        ],
        meetings=table[["meeting_id", "evidence"]],
        quotes=analysis.quotes[["quote_id", "text", "speaker"]],
    )


def _as_data(data) -> NetworkData:
    return data if isinstance(data, NetworkData) else network_data(data)


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
    inst = _as_data(data).instances
    keep = (
        value_mask(inst["kind"], kinds)
        & date_mask(inst["date"], start, end)
        & value_mask(inst["language"], languages)
        & value_mask(inst["source"], sources)
    )
    return inst[keep]


def network_edges(
    data,
    *,
    min_weight: int = 1,
    actors: str | Iterable[str] | None = None,
    **filters,
) -> pd.DataFrame:
    """Weighted edges: one row per (source, target, kind).

    Columns: ``source_id``, ``target_id``, ``source``, ``target`` (names), ``kind``,
    ``directed``, ``weight`` (sentences / events / quotes), ``articles``, ``first`` and
    ``last`` (dates), ``evidence`` (list of ``(article_id, ref)``: sentence index,
    meeting_id or quote_id). ``actors`` keeps edges touching any of them. Filters are
    those of :func:`select_instances`. Sorted by weight, heaviest first.
    """
    net = _as_data(data)
    inst = select_instances(net, **filters)
    names = actor_lookup(net.actors)
    wanted = resolve_actor_keys(actors, names)
    if wanted:
        inst = inst[inst["source_id"].isin(wanted) | inst["target_id"].isin(wanted)]
    if inst.empty:
        out = pd.DataFrame({c: pd.Series(dtype=object) for c in EDGE_COLUMNS})
        return out.astype({"weight": int, "articles": int})
    inst = inst.drop_duplicates(["kind", "source_id", "target_id", "article_id", "ref"])
    grouped = inst.groupby(["source_id", "target_id", "kind"], sort=False)
    out = grouped.agg(
        directed=("directed", "first"),
        weight=("ref", "size"),
        articles=("article_id", "nunique"),
        first=("date", "min"),
        last=("date", "max"),
    ).reset_index()
    pairs = pd.Series(list(zip(inst["article_id"], inst["ref"], strict=True)), index=inst.index)
    evidence = pairs.groupby([inst["source_id"], inst["target_id"], inst["kind"]], sort=False).agg(
        list
    )
    out["evidence"] = evidence.reset_index(drop=True).to_numpy()
    out = out[out["weight"] >= min_weight]
    out["source"] = out["source_id"].map(names).fillna(out["source_id"])
    out["target"] = out["target_id"].map(names).fillna(out["target_id"])
    out = out.sort_values(["weight", "source", "target"], ascending=[False, True, True])
    return out[EDGE_COLUMNS].reset_index(drop=True)


def network_nodes(
    data, edges: pd.DataFrame | None = None, *, with_communities: bool = True, **filters
) -> pd.DataFrame:
    """Actors with their mention counts (``mentions``, ``articles``) under the filters.

    Only actors that are mentioned or on an edge are listed. With ``edges``, adds
    ``degree`` (weighted, all kinds) and, unless ``with_communities`` is False,
    ``community`` (see :func:`communities`). Filters: ``start``, ``end`` (publication
    date), ``languages``, ``sources``.
    """
    net = _as_data(data)
    m = net.mentions
    keep = (
        date_mask(m["published"], filters.get("start"), filters.get("end"))
        & value_mask(m["language"], filters.get("languages"))
        & value_mask(m["source"], filters.get("sources"))
    )
    m = m[keep]
    counts = m.groupby("actor_id").agg(
        mentions=("article_id", "size"), articles=("article_id", "nunique")
    )
    nodes = net.actors.set_index("actor_id").join(counts, how="left")
    nodes[["mentions", "articles"]] = nodes[["mentions", "articles"]].fillna(0).astype(int)
    on_edge: set[str] = set()
    if edges is not None and len(edges):
        on_edge = set(edges["source_id"]) | set(edges["target_id"])
    nodes = nodes[(nodes["mentions"] > 0) | nodes.index.isin(on_edge)].reset_index()
    if edges is not None:
        degree = (
            pd.concat(
                [
                    edges.groupby("source_id")["weight"].sum(),
                    edges.groupby("target_id")["weight"].sum(),
                ]
            )
            .groupby(level=0)
            .sum()
        )
        nodes["degree"] = nodes["actor_id"].map(degree).fillna(0).astype(int)
        if with_communities:
            groups = communities(edges)
            nodes["community"] = nodes["actor_id"].map(groups).fillna(-1).astype(int)
    return nodes.sort_values(["mentions", "name"], ascending=[False, True]).reset_index(drop=True)


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


def edge_evidence(data, edges: pd.DataFrame, limit: int | None = 500) -> pd.DataFrame:
    """The sentences behind ``edges``: one row per (edge, sentence / meeting / quote).

    Columns: kind, source, target, published, source_name (the outlet), title, url,
    sentence, article_id, ref. At most ``limit`` rows (heaviest edges first).
    """
    net = _as_data(data)
    columns = [
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
    if edges.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    rows = edges[["kind", "source", "target", "evidence"]].explode("evidence")
    rows = rows.dropna(subset=["evidence"])
    if limit is not None:
        rows = rows.head(limit)
    rows = rows.assign(
        article_id=rows["evidence"].map(lambda e: e[0]), ref=rows["evidence"].map(lambda e: e[1])
    ).drop(columns="evidence")
    meta = net.articles.set_index("article_id")
    rows = rows.join(
        meta[["published", "source", "title", "url"]].rename(columns={"source": "outlet"}),
        on="article_id",
    )
    meeting_text = dict(zip(net.meetings["meeting_id"], net.meetings["evidence"], strict=True))
    quote_text = dict(zip(net.quotes["quote_id"], net.quotes["text"], strict=True))
    texts = dict(zip(net.articles["article_id"], net.articles["text"], strict=True))
    languages = dict(zip(net.articles["article_id"], net.articles["language"], strict=True))
    sentences = []
    for kind, article_id, ref in zip(rows["kind"], rows["article_id"], rows["ref"], strict=True):
        if kind == "met":
            sentences.append(meeting_text.get(ref))
        elif kind == "quoted_about":
            sentences.append(quote_text.get(ref))
        else:
            sentences.append(
                _sentence(
                    texts.get(article_id) or "", languages.get(article_id) or "other", int(ref)
                )
            )
    rows["sentence"] = sentences
    return rows[columns].reset_index(drop=True)


@lru_cache(maxsize=4096)
def _sentence_spans(text: str, language: str) -> tuple[tuple[int, int], ...]:
    from ..document import Document

    return tuple(Document(article_id="", text=text, language=language).sentences)


def _sentence(text: str, language: str, index: int) -> str | None:
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
