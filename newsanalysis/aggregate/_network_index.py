"""Integer index of the network instances, for filter changes in milliseconds.

The explorers recompute the network on every filter change. Grouping a million instance
rows by three string columns takes a second at 100,000 articles; the same counts over
integer codes with ``np.bincount`` take a few milliseconds. :class:`NetworkIndex` holds,
once per result:

- per instance (sorted by edge, then article, most recent article first, then date):
  the edge code, the article code and the date in int64 nanoseconds;
- per edge: source and target actor codes, kind code, and where its instances start;
- per article (code = row of the ordered articles table): language and source codes;
- mentions collapsed to (actor, article, count), for node sizes under a filter.

A filter is then a boolean mask over instances (per-edge and per-article masks are
gathered with fancy indexing), and every aggregate a ``bincount`` or ``reduceat``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ._common import as_set

NAT = np.iinfo(np.int64).min
#: an instance's (edge, article) run counts one article; see :meth:`NetworkIndex.count`


def as_ns(values: pd.Series) -> np.ndarray:
    """Dates as int64 nanoseconds (NaT = ``NAT``)."""
    return pd.to_datetime(values).astype("datetime64[ns]").to_numpy().view("int64")


def date_bounds(start=None, end=None) -> tuple[int, int] | None:
    """``[start, end]`` as int64 nanoseconds (a bare end date includes that whole day)."""
    if start is None and end is None:
        return None
    lo = pd.Timestamp(start).as_unit("ns").value if start is not None else NAT + 1
    hi = np.iinfo(np.int64).max
    if end is not None:
        end_ts = pd.Timestamp(end).as_unit("ns")
        if end_ts == end_ts.normalize():
            end_ts = end_ts + pd.Timedelta(days=1) - pd.Timedelta(1, "ns")
        hi = end_ts.value
    return lo, hi


def _codes(values: pd.Series) -> tuple[np.ndarray, dict]:
    """Integer codes of ``values`` (-1 for missing) and value -> code."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    return codes.astype(np.int64), {v: i for i, v in enumerate(uniques)}


def _wanted(lookup: dict, values: str | Iterable[str] | None) -> np.ndarray | None:
    wanted = as_set(values)
    if wanted is None:
        return None
    return np.array([lookup[v] for v in wanted if v in lookup], dtype=np.int64)


@dataclass
class NetworkIndex:
    """See the module docstring. Build with :func:`build_index`."""

    # per instance, sorted by (edge, article, date)
    edge: np.ndarray
    article: np.ndarray
    date: np.ndarray
    ref: np.ndarray  # object: sentence index, meeting_id or quote_id (as str)
    new_run: np.ndarray  # True where an (edge, article) run starts
    # per edge (code = row of ``edges``)
    edges: pd.DataFrame  # source_id, target_id, kind, directed
    edge_source: np.ndarray
    edge_target: np.ndarray
    edge_kind: np.ndarray
    edge_start: np.ndarray  # first instance of each edge (len = edges + 1)
    edge_of: dict  # (source_id, target_id, kind) -> code
    kind_codes: dict
    # per actor
    actor_codes: dict  # actor_id -> code (= row of NetworkData.actors)
    # per article (code = row of NetworkData.articles; one extra row for "unknown")
    article_ids: np.ndarray  # object
    article_language: np.ndarray
    article_source: np.ndarray
    article_date: np.ndarray
    language_codes: dict
    source_codes: dict
    # mentions collapsed: one row per (actor, article)
    mention_actor: np.ndarray
    mention_article: np.ndarray
    mention_count: np.ndarray

    # ------------------------------------------------------------------ masks

    def article_mask(self, languages=None, sources=None, start=None, end=None) -> np.ndarray:
        """Articles (plus the trailing "unknown" one) that pass the filters."""
        keep = np.ones(len(self.article_language), dtype=bool)
        for codes, lookup, values in (
            (self.article_language, self.language_codes, languages),
            (self.article_source, self.source_codes, sources),
        ):
            wanted = _wanted(lookup, values)
            if wanted is not None:
                keep &= np.isin(codes, wanted)
        bounds = date_bounds(start, end)
        if bounds is not None:
            keep &= _in_bounds(self.article_date, bounds)
        return keep

    def edge_mask(self, kinds=None, actors: set[str] | None = None) -> np.ndarray:
        """Edges of these kinds touching any of these actor ids (``None``: no filter)."""
        keep = np.ones(len(self.edges), dtype=bool)
        wanted = _wanted(self.kind_codes, kinds)
        if wanted is not None:
            keep &= np.isin(self.edge_kind, wanted)
        if actors:
            codes = np.array(
                [self.actor_codes[a] for a in actors if a in self.actor_codes], dtype=np.int64
            )
            keep &= np.isin(self.edge_source, codes) | np.isin(self.edge_target, codes)
        return keep

    def instance_mask(
        self,
        edge_keep: np.ndarray | None = None,
        article_keep: np.ndarray | None = None,
        start=None,
        end=None,
    ) -> np.ndarray:
        """Instances whose edge, article and date pass."""
        keep = np.ones(len(self.edge), dtype=bool)
        if edge_keep is not None and not edge_keep.all():
            keep &= edge_keep[self.edge]
        if article_keep is not None and not article_keep.all():
            keep &= article_keep[self.article]
        bounds = date_bounds(start, end)
        if bounds is not None:
            keep &= _in_bounds(self.date, bounds)
        return keep

    # ------------------------------------------------------------------ counts

    def count(self, keep: np.ndarray) -> pd.DataFrame:
        """Per edge with at least one kept instance: weight, articles, first, last.

        Articles: instances are sorted by (edge, article, date) and a filter keeps an
        interval of dates, so the kept rows of an (edge, article) run are contiguous and
        the run is counted once, at its first kept row.
        """
        n_edges = len(self.edges)
        weight = np.bincount(self.edge[keep], minlength=n_edges)
        first_kept = keep.copy()
        first_kept[1:] &= self.new_run[1:] | ~keep[:-1]
        articles = np.bincount(self.edge[first_kept], minlength=n_edges)
        present = np.flatnonzero(weight)
        rows = np.flatnonzero(keep)
        dates = self.date[rows]
        if len(rows):
            starts = np.flatnonzero(np.r_[True, self.edge[rows][1:] != self.edge[rows][:-1]])
            low = np.where(dates == NAT, np.iinfo(np.int64).max, dates)
            first = np.minimum.reduceat(low, starts)
            last = np.maximum.reduceat(dates, starts)
            first = np.where(first == np.iinfo(np.int64).max, NAT, first)
        else:
            first = last = np.array([], dtype=np.int64)
        return pd.DataFrame(
            {
                "edge": present,
                "weight": weight[present],
                "articles": articles[present],
                "first": first.view("datetime64[ns]"),
                "last": last.view("datetime64[ns]"),
            }
        )

    def mention_counts(self, article_keep: np.ndarray | None, n_actors: int) -> pd.DataFrame:
        """Mentions and articles per actor code among the kept articles."""
        if article_keep is None or article_keep.all():
            kept = np.ones(len(self.mention_actor), dtype=bool)
        else:
            kept = article_keep[self.mention_article]
        actor = self.mention_actor[kept]
        mentions = np.bincount(actor, weights=self.mention_count[kept], minlength=n_actors)
        articles = np.bincount(actor, minlength=n_actors)
        return pd.DataFrame({"mentions": mentions.astype(int), "articles": articles.astype(int)})

    def rows_of(self, code: int, keep_articles: np.ndarray | None, bounds) -> np.ndarray:
        """Instance rows of one edge that pass the article and date filters, in order."""
        rows = np.arange(self.edge_start[code], self.edge_start[code + 1])
        ok = np.ones(len(rows), dtype=bool)
        if keep_articles is not None:
            ok &= keep_articles[self.article[rows]]
        if bounds is not None:
            ok &= _in_bounds(self.date[rows], bounds)
        return rows[ok]


def _in_bounds(dates: np.ndarray, bounds: tuple[int, int]) -> np.ndarray:
    lo, hi = bounds
    return (dates != NAT) & (dates >= lo) & (dates <= hi)


def build_index(
    instances: pd.DataFrame, articles: pd.DataFrame, actors: pd.DataFrame, mentions: pd.DataFrame
) -> tuple[NetworkIndex, pd.DataFrame]:
    """The index, and ``instances`` re-ordered to match it (row i = index row i).

    ``articles`` must already be in article-code order; ``actors`` in actor-code order.
    """
    article_pos = pd.Index(articles["article_id"])
    inst_article = article_pos.get_indexer(instances["article_id"]).astype(np.int64)
    edge_keys = instances[["source_id", "target_id", "kind"]]
    edge_code = edge_keys.groupby(["source_id", "target_id", "kind"], sort=False).ngroup()
    edge_code = edge_code.to_numpy().astype(np.int64)
    # the unknown article (-1) sorts last
    sort_article = np.where(inst_article < 0, len(articles), inst_article)
    dates = as_ns(instances["date"])
    order = np.lexsort((dates, sort_article, edge_code))
    instances = instances.iloc[order].reset_index(drop=True)
    edge_code, inst_article, dates = edge_code[order], inst_article[order], dates[order]
    new_run = np.ones(len(order), dtype=bool)
    if len(order) > 1:
        new_run[1:] = (edge_code[1:] != edge_code[:-1]) | (inst_article[1:] != inst_article[:-1])

    firsts = np.flatnonzero(np.r_[True, edge_code[1:] != edge_code[:-1]]) if len(order) else []
    edges = instances.iloc[firsts][["source_id", "target_id", "kind", "directed"]].reset_index(
        drop=True
    )
    edge_start = np.r_[np.asarray(firsts, dtype=np.int64), len(order)]
    actor_codes = {a: i for i, a in enumerate(actors["actor_id"])}
    source_codes = edges["source_id"].map(actor_codes).fillna(-1).astype(np.int64).to_numpy()
    target_codes = edges["target_id"].map(actor_codes).fillna(-1).astype(np.int64).to_numpy()
    kind_codes_arr, kind_codes = _codes(edges["kind"])
    edge_of = {
        key: i
        for i, key in enumerate(
            zip(edges["source_id"], edges["target_id"], edges["kind"], strict=True)
        )
    }

    language, language_codes = _codes(articles["language"])
    source, source_codes_map = _codes(articles["source"])
    published = as_ns(articles["published"])

    m = mentions[["actor_id", "article_id"]].dropna()
    m_actor = m["actor_id"].map(actor_codes)
    m_article = pd.Series(article_pos.get_indexer(m["article_id"]), index=m.index)
    ok = m_actor.notna() & (m_article >= 0)
    collapsed = (
        pd.DataFrame({"actor": m_actor[ok].astype(np.int64), "article": m_article[ok]})
        .groupby(["actor", "article"], sort=False)
        .size()
        .reset_index(name="count")
    )

    index = NetworkIndex(
        edge=edge_code,
        article=inst_article,
        date=dates,
        ref=instances["ref"].to_numpy(dtype=object),
        new_run=new_run,
        edges=edges,
        edge_source=source_codes,
        edge_target=target_codes,
        edge_kind=kind_codes_arr,
        edge_start=edge_start,
        edge_of=edge_of,
        kind_codes=kind_codes,
        actor_codes=actor_codes,
        article_ids=np.r_[articles["article_id"].to_numpy(dtype=object), None],
        article_language=np.r_[language, -1],
        article_source=np.r_[source, -1],
        article_date=np.r_[published, NAT],
        language_codes=language_codes,
        source_codes=source_codes_map,
        mention_actor=collapsed["actor"].to_numpy(np.int64),
        mention_article=collapsed["article"].to_numpy(np.int64),
        mention_count=collapsed["count"].to_numpy(np.int64),
    )
    return index, instances
