"""newsanalysis: who met whom and when, who said what and in what tone, who is connected to whom.

Quick start::

    import newsanalysis as na
    corpus = na.load("data/")
    result = na.analyze(corpus)
    result.quotes.head()
    result.save("out/")
"""

from __future__ import annotations

from .analysis import Analysis
from .errors import InputError, NewsAnalysisError
from .extract.sentiment import sentiment, sentiment_scores
from .load import Corpus, load, load_table
from .pipeline import analyze
from .sample import load_sample, sample_path
from .scale import LazyAnalysis, open_result, update

__version__ = "0.1.0"

__all__ = [
    "Analysis",
    "Corpus",
    "InputError",
    "NewsAnalysisError",
    "LazyAnalysis",
    "analyze",
    "open_result",
    "update",
    "load",
    "load_table",
    "load_sample",
    "sample_path",
    "sentiment",
    "sentiment_scores",
    "__version__",
]

#: heavier submodules (plotting, widgets) load on first use: ``na.charts``, ``na.widgets``
_LAZY_SUBMODULES = ("aggregate", "charts", "widgets", "report")


def __getattr__(name: str):
    if name in _LAZY_SUBMODULES:
        import importlib

        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
