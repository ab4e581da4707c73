"""Charts: plotly figures (interactive) with a matplotlib twin (``*_mpl``) for print.

Builders take the DataFrames of :mod:`newsanalysis.aggregate` and never extract; empty
inputs give a "nothing to show" figure, never an exception. Export with
:func:`export_figure` (kaleido + system Chromium, matplotlib fallback) and
:func:`export_table`.
"""

from __future__ import annotations

from .export import (
    FORMATS,
    NoChromiumWarning,
    export_figure,
    export_name,
    export_table,
    find_chromium,
    write_image,
)
from .meetings import (
    meeting_frequency_chart,
    meeting_frequency_chart_mpl,
    meeting_timeline_chart,
    meeting_timeline_chart_mpl,
)
from .network import actor_network_chart, actor_network_chart_mpl, layout_positions, place_nodes
from .sentiment import (
    sentiment_by_speaker_chart,
    sentiment_by_speaker_chart_mpl,
    sentiment_over_time_chart,
    sentiment_over_time_chart_mpl,
)
from .style import PALETTE, empty_figure, is_empty

__all__ = [
    "FORMATS",
    "PALETTE",
    "NoChromiumWarning",
    "actor_network_chart",
    "actor_network_chart_mpl",
    "empty_figure",
    "export_figure",
    "export_name",
    "export_table",
    "find_chromium",
    "is_empty",
    "layout_positions",
    "place_nodes",
    "meeting_frequency_chart",
    "meeting_frequency_chart_mpl",
    "meeting_timeline_chart",
    "meeting_timeline_chart_mpl",
    "sentiment_by_speaker_chart",
    "sentiment_by_speaker_chart_mpl",
    "sentiment_over_time_chart",
    "sentiment_over_time_chart_mpl",
    "write_image",
]
