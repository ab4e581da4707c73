"""Explorers for JupyterLab, built from ipywidgets and plotly ``FigureWidget``.

``MeetingExplorer``, ``QuoteSentimentExplorer`` and ``ActorNetworkExplorer`` each show
filters (actors with search, date range, mode/status/language/source, period, minimum
link weight, ego-network focus), a chart that updates in place, the rows behind the
current view (sentence and link to the article), and an Export button that writes the
chart (PNG, SVG, PDF, HTML) and its rows (CSV) to a folder.
"""

from __future__ import annotations

from ._base import Explorer
from .meetings import MeetingExplorer
from .network import ActorNetworkExplorer
from .sentiment import QuoteSentimentExplorer

__all__ = ["ActorNetworkExplorer", "Explorer", "MeetingExplorer", "QuoteSentimentExplorer"]
