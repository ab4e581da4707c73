"""The :class:`Analysis`: the result tables of a run, saved and loaded as Parquet."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .errors import NewsAnalysisError
from .schema import LIST_COLUMNS, TABLES, conform, empty_table

FORMAT_VERSION = 1


@dataclass
class Analysis:
    """Tables extracted from a corpus (see DESIGN.md for their columns).

    ``articles``, ``mentions``, ``actors``, ``quotes``, ``meetings`` and ``errors`` are
    pandas DataFrames; offsets in the other tables index ``articles.text``.
    """

    articles: pd.DataFrame = field(default_factory=lambda: empty_table("articles"))
    mentions: pd.DataFrame = field(default_factory=lambda: empty_table("mentions"))
    actors: pd.DataFrame = field(default_factory=lambda: empty_table("actors"))
    quotes: pd.DataFrame = field(default_factory=lambda: empty_table("quotes"))
    meetings: pd.DataFrame = field(default_factory=lambda: empty_table("meetings"))
    errors: pd.DataFrame = field(default_factory=lambda: empty_table("errors"))
    meta: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name in TABLES:
            setattr(self, name, conform(name, getattr(self, name)))

    # ------------------------------------------------------------------ access

    @property
    def tables(self) -> dict[str, pd.DataFrame]:
        return {name: getattr(self, name) for name in TABLES}

    def __repr__(self) -> str:
        counts = ", ".join(f"{len(getattr(self, name))} {name}" for name in TABLES)
        return f"Analysis({counts})"

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><td>{name}</td><td>{len(getattr(self, name)):,}</td></tr>" for name in TABLES
        )
        return f"<b>Analysis</b><table><tr><th>table</th><th>rows</th></tr>{rows}</table>"

    def summary(self) -> pd.DataFrame:
        """Row counts per table."""
        return pd.DataFrame(
            {"table": list(TABLES), "rows": [len(getattr(self, n)) for n in TABLES]}
        )

    def actor_ids(self, names: str | Iterable[str]) -> list[str]:
        """Actor ids for names, aliases or ids (case-insensitive); unknown names raise."""
        wanted = [names] if isinstance(names, str) else list(names)
        ids = []
        table = self.actors
        for name in wanted:
            key = str(name).casefold()
            hits = table[
                (table["actor_id"].str.casefold() == key)
                | (table["name"].str.casefold() == key)
                | table["aliases"].map(lambda a, k=key: bool(a) and k in {x.casefold() for x in a})
            ]
            if hits.empty:
                raise KeyError(f"no actor named {name!r} in this analysis")
            ids.extend(hits["actor_id"].tolist())
        return list(dict.fromkeys(ids))

    # ------------------------------------------------------------------ filtering

    def filter(
        self,
        actors: str | Iterable[str] | None = None,
        start: str | pd.Timestamp | None = None,
        end: str | pd.Timestamp | None = None,
        language: str | Iterable[str] | None = None,
        source: str | Iterable[str] | None = None,
        articles: Iterable[str] | None = None,
    ) -> Analysis:
        """A new Analysis restricted to matching articles (and, for ``actors``, rows).

        ``actors``: names or ids; keeps articles that mention any of them, and the
        quotes spoken by them / meetings they took part in. ``start``/``end``: inclusive
        publication-date bounds. ``language``/``source``: one value or several.
        """
        keep = pd.Series(True, index=self.articles.index)
        published = self.articles["published"]
        if start is not None:
            keep &= published >= pd.Timestamp(start)
        if end is not None:
            end_ts = pd.Timestamp(end)
            if end_ts == end_ts.normalize():
                end_ts = end_ts + pd.Timedelta(days=1) - pd.Timedelta(1, "ns")
            keep &= published <= end_ts
        if language is not None:
            keep &= self.articles["language"].isin(_as_set(language))
        if source is not None:
            keep &= self.articles["source"].isin(_as_set(source))
        if articles is not None:
            keep &= self.articles["article_id"].isin(set(articles))
        ids = set(self.articles.loc[keep, "article_id"])
        mentions = self.mentions[self.mentions["article_id"].isin(ids)]
        quotes = self.quotes[self.quotes["article_id"].isin(ids)]
        meetings = self.meetings[self.meetings["article_id"].isin(ids)]
        if actors is not None:
            actor_ids = set(self.actor_ids(actors))
            ids &= set(mentions.loc[mentions["actor_id"].isin(actor_ids), "article_id"])
            mentions = mentions[mentions["article_id"].isin(ids)]
            quotes = quotes[quotes["speaker_id"].isin(actor_ids)]
            meetings = meetings[
                meetings["participant_ids"].map(lambda p: bool(p) and bool(actor_ids & set(p)))
            ]
        articles_out = self.articles[self.articles["article_id"].isin(ids)]
        used = set(mentions["actor_id"]) | set(quotes["speaker_id"].dropna())
        for p in meetings["participant_ids"]:
            used.update(p or [])
        return Analysis(
            articles=articles_out,
            mentions=mentions,
            actors=self.actors[self.actors["actor_id"].isin(used)],
            quotes=quotes,
            meetings=meetings,
            errors=self.errors[
                self.errors["article_id"].isin(ids) | self.errors["article_id"].isna()
            ],
            meta=dict(self.meta),
        )

    # ------------------------------------------------------------------ storage

    def save(self, directory: str | os.PathLike) -> Path:
        """Write every table as ``<table>.parquet`` plus ``meta.json`` into ``directory``."""
        out = Path(directory)
        out.mkdir(parents=True, exist_ok=True)
        for name in TABLES:
            getattr(self, name).to_parquet(out / f"{name}.parquet", index=False)
        meta = {"format_version": FORMAT_VERSION, **self.meta}
        (out / "meta.json").write_text(json.dumps(meta, indent=2, default=str), encoding="utf-8")
        return out

    @staticmethod
    def open(directory: str | os.PathLike):
        """Open a stored result lazily (tables stay on disk, queried with DuckDB).

        Works on a store written by ``na.analyze(..., out=DIR)`` and on a folder written by
        :meth:`save`. Returns a :class:`~newsanalysis.scale.LazyAnalysis`.
        """
        from .scale import open_result

        return open_result(directory)

    @classmethod
    def load(cls, directory: str | os.PathLike) -> Analysis:
        """Read an Analysis written by :meth:`save`."""
        folder = Path(directory)
        if not folder.is_dir():
            raise NewsAnalysisError(f"{folder}: no such result folder")
        missing = [n for n in TABLES if not (folder / f"{n}.parquet").is_file()]
        if missing:
            raise NewsAnalysisError(
                f"{folder}: not a saved Analysis (missing {', '.join(missing)}.parquet)"
            )
        tables = {}
        for name in TABLES:
            frame = pd.read_parquet(folder / f"{name}.parquet")
            for column in LIST_COLUMNS[name]:
                if column in frame.columns:
                    frame[column] = frame[column].map(_to_list).astype(object)
            tables[name] = frame
        meta_path = folder / "meta.json"
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.is_file() else {}
        meta.pop("format_version", None)
        return cls(**tables, meta=meta)


def _as_set(value) -> set:
    return {value} if isinstance(value, str) else set(value)


def _to_list(value):
    if value is None:
        return None
    if hasattr(value, "tolist"):
        return value.tolist()
    return list(value)
