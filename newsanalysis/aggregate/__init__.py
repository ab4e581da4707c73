"""Aggregates of an :class:`~newsanalysis.Analysis`: pure pandas, no plotting.

- meetings: :func:`meeting_frequency` (per week/month/quarter/year, per actor pair,
  actor or mode, happened vs planned), :func:`meeting_timeline`, :func:`meeting_events`,
  :func:`meeting_reports` (the evidence rows);
- sentiment: :func:`sentiment_by_speaker` (mean, confidence interval, n),
  :func:`sentiment_over_time`, :func:`select_quotes`;
- network: :func:`network_edges` (co-mention, met, quoted-about, with weights, first/last
  date and evidence), :func:`network_nodes`, :func:`communities`, :func:`edge_evidence`.

Each function takes an ``Analysis`` (or, for speed when called repeatedly, the prepared
table of :func:`meetings_table` / :func:`quotes_table` / :func:`network_data`) and
returns a DataFrame; totals and what was left out are in ``DataFrame.attrs``.
"""

from __future__ import annotations

from ._common import PERIODS
from .meetings import (
    DEFAULT_STATUSES,
    STATUS_ORDER,
    MeetingData,
    meeting_data,
    meeting_events,
    meeting_frequency,
    meeting_reports,
    meeting_timeline,
    meetings_table,
)
from .network import (
    EDGE_KINDS,
    NetworkData,
    communities,
    edge_evidence,
    ego_edges,
    network_data,
    network_edges,
    network_graph,
    network_nodes,
    readable_min_weight,
    select_instances,
    view_min_weight,
)
from .sentiment import (
    LOW_N,
    mean_ci,
    quote_rows,
    quotes_table,
    select_quotes,
    sentiment_by_speaker,
    sentiment_over_time,
)

__all__ = [
    "DEFAULT_STATUSES",
    "EDGE_KINDS",
    "LOW_N",
    "PERIODS",
    "STATUS_ORDER",
    "MeetingData",
    "NetworkData",
    "communities",
    "edge_evidence",
    "ego_edges",
    "mean_ci",
    "meeting_data",
    "meeting_events",
    "meeting_frequency",
    "meeting_reports",
    "meeting_timeline",
    "meetings_table",
    "network_data",
    "network_edges",
    "network_graph",
    "network_nodes",
    "quote_rows",
    "quotes_table",
    "readable_min_weight",
    "select_instances",
    "select_quotes",
    "sentiment_by_speaker",
    "sentiment_over_time",
    "view_min_weight",
]
