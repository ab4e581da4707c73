"""Scale: result stores on disk, lazy DuckDB queries, the Dask engine, incremental runs.

- :func:`open_result` / :class:`LazyAnalysis`: a stored result queried in place.
- :func:`update`: add new and changed articles to a store (incremental run).
- ``na.analyze(..., out=DIR)`` writes a store; ``engine="dask"`` runs on a Dask cluster.

DuckDB and Dask are optional (``pip install 'newsanalysis[scale]'``); writing and reading a
store in full needs only pandas and pyarrow.
"""

from __future__ import annotations

from .lazy import LazyAnalysis, open_result
from .runner import update
from .store import is_store

__all__ = ["LazyAnalysis", "open_result", "update", "is_store"]
