"""A result opened lazily: tables stay in Parquet and are queried with DuckDB.

``na.open_result(DIR)`` (or ``na.Analysis.open(DIR)``) works on a result store written by
``na.analyze(..., out=DIR)`` / ``engine="dask"``, and on a folder written by
``Analysis.save``. Nothing is loaded until asked: ``query`` runs SQL over the tables
(``articles``, ``mentions``, ``actors``, ``quotes``, ``meetings``, ``errors``) and returns a
DataFrame; ``filter`` loads the rows of the matching articles as an in-memory
:class:`~newsanalysis.Analysis` for the widgets and charts; the aggregate methods
compute chart data in SQL, so a million-article result can be charted on a laptop.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from ..analysis import Analysis
from ..errors import NewsAnalysisError
from ..schema import TABLES, conform
from .store import DEDUP, is_store, merge_actors, read_analysis, read_manifest


def _duckdb():
    try:
        import duckdb
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise ImportError(
            "querying a result lazily needs DuckDB: pip install 'newsanalysis[scale]'"
        ) from exc
    return duckdb


class LazyAnalysis:
    """The tables of a stored result, queried in place with DuckDB."""

    def __init__(self, directory: str | os.PathLike):
        self.directory = Path(directory)
        if is_store(self.directory):
            self.kind = "store"
        elif (self.directory / "articles.parquet").is_file():
            self.kind = "saved"
        else:
            raise NewsAnalysisError(
                f"{self.directory}: not a newsanalysis result (no store.json or articles.parquet)"
            )
        self._con = None

    # ------------------------------------------------------------------ DuckDB

    @property
    def connection(self):
        """The DuckDB connection with one view per table (created on first use)."""
        if self._con is None:
            duckdb = _duckdb()
            con = duckdb.connect()
            for name in TABLES:
                con.execute(f"create view {name} as {self._table_sql(name)}")
            con.execute(f"create view _actor_rows as {self._actor_rows_sql()}")
            self._con = con
        return self._con

    def _source(self, table: str) -> str | None:
        if self.kind == "saved":
            path = self.directory / f"{table}.parquet"
            return _sql_path(path) if path.is_file() else None
        folder = self.directory / table
        if not folder.is_dir() or not any(folder.glob("part-*.parquet")):
            return None
        return _sql_path(folder / "part-*.parquet")

    def _actor_rows_sql(self) -> str:
        """Actor rows of every part in store order (one actor may appear in several)."""
        source = self._source("actors")
        if source is None:
            return _empty_select("actors")
        return (
            f"select * exclude (filename, file_row_number) from read_parquet({source}, "
            "union_by_name = true, filename = true, file_row_number = true) "
            "order by filename, file_row_number"
        )

    def _table_sql(self, table: str) -> str:
        source = self._source(table)
        if source is None:
            return _empty_select(table)
        scan = (
            f"read_parquet({source}, union_by_name = true, filename = true, file_row_number = true)"
        )
        order = "order by filename, file_row_number"
        if self.kind == "store" and table == "actors":
            return (
                "select actor_id, first(name order by filename, file_row_number) as name, "
                "first(type order by filename, file_row_number) as type, "
                "first(country order by filename, file_row_number) as country, "
                "list_distinct(flatten(list(aliases order by filename, file_row_number))) as aliases, "
                "first(wikidata_id order by filename, file_row_number) as wikidata_id "
                f"from {scan} group by actor_id"
            )
        dedup = self.directory / DEDUP
        if (
            self.kind == "store"
            and table == "articles"
            and (dedup / "duplicates.parquet").is_file()
        ):
            return (
                "select a.* exclude (filename, file_row_number) replace (d.duplicate_of as duplicate_of) "
                f"from {scan} a left join read_parquet({_sql_path(dedup / 'duplicates.parquet')}) d "
                "using (article_id) order by a.filename, a.file_row_number"
            )
        if self.kind == "store" and table == "meetings" and (dedup / "events.parquet").is_file():
            return (
                "select m.* exclude (filename, file_row_number) replace (e.event_id as event_id) "
                f"from {scan} m left join read_parquet({_sql_path(dedup / 'events.parquet')}) e "
                "using (meeting_id) order by m.filename, m.file_row_number"
            )
        return f"select * exclude (filename, file_row_number) from {scan} {order}"

    def query(self, sql: str, params: list | dict | None = None) -> pd.DataFrame:
        """Run SQL over the tables and return the result as a DataFrame.

        >>> result.query("select mode, count(*) as n from meetings group by mode")
        """
        return self.connection.execute(sql, params or []).df()

    def sql(self, sql: str):
        """A lazy DuckDB relation (chain ``.filter``, ``.aggregate``, ``.df()`` ...)."""
        return self.connection.sql(sql)

    # ------------------------------------------------------------------ tables

    def count(self, table: str) -> int:
        """Number of rows of a table."""
        _check_table(table)
        return int(self.connection.execute(f"select count(*) from {table}").fetchone()[0])

    def summary(self) -> pd.DataFrame:
        """Row counts per table (as :meth:`Analysis.summary`)."""
        return pd.DataFrame({"table": list(TABLES), "rows": [self.count(t) for t in TABLES]})

    def table(self, name: str, where: str | None = None, limit: int | None = None) -> pd.DataFrame:
        """A whole table (or the rows matching an SQL condition) as a DataFrame."""
        _check_table(name)
        sql = f"select * from {name}" + (f" where {where}" if where else "")
        if limit is not None:
            sql += f" limit {int(limit)}"
        return conform(name, self.query(sql))

    def __getattr__(self, name: str):
        if name in TABLES:
            return self.table(name)
        raise AttributeError(name)

    @property
    def runs(self) -> list[dict]:
        """The runs that wrote this store (when, how many articles, engine)."""
        return read_manifest(self.directory)["runs"] if self.kind == "store" else []

    def __repr__(self) -> str:
        counts = ", ".join(f"{self.count(name):,} {name}" for name in TABLES)
        return f"LazyAnalysis({str(self.directory)!r}: {counts})"

    def _repr_html_(self) -> str:
        rows = "".join(f"<tr><td>{name}</td><td>{self.count(name):,}</td></tr>" for name in TABLES)
        return (
            f"<b>LazyAnalysis</b> <code>{self.directory}</code>"
            f"<table><tr><th>table</th><th>rows</th></tr>{rows}</table>"
        )

    # ------------------------------------------------------------------ to memory

    def to_analysis(self, text: bool = True) -> Analysis:
        """Load everything into an in-memory :class:`Analysis` (mind the size).

        ``text=False`` leaves out the article texts (``text``, ``raw_text``, ``offsets``),
        the bulk of a result: what the aggregates, charts and explorers need of a large
        result fits in memory then.
        """
        if text:
            if self.kind == "saved":
                return Analysis.load(self.directory)
            return read_analysis(self.directory)
        return self._load(None, text=False)

    def article_ids(
        self,
        actors: str | Iterable[str] | None = None,
        start: str | pd.Timestamp | None = None,
        end: str | pd.Timestamp | None = None,
        language: str | Iterable[str] | None = None,
        source: str | Iterable[str] | None = None,
    ) -> list[str]:
        """Ids of the articles matching the criteria of :meth:`Analysis.filter`."""
        where, params = [], []
        if start is not None:
            where.append("published >= ?")
            params.append(pd.Timestamp(start).to_pydatetime())
        if end is not None:
            end_ts = pd.Timestamp(end)
            if end_ts == end_ts.normalize():
                end_ts = end_ts + pd.Timedelta(days=1) - pd.Timedelta(1, "us")
            where.append("published <= ?")
            params.append(end_ts.to_pydatetime())
        for column, value in (("language", language), ("source", source)):
            if value is not None:
                values = [value] if isinstance(value, str) else list(value)
                where.append(f"{column} in ({', '.join('?' * len(values))})")
                params.extend(values)
        if actors is not None:
            ids = self.actor_ids(actors)
            where.append(
                "article_id in (select article_id from mentions where actor_id in "
                f"({', '.join('?' * len(ids))}))"
            )
            params.extend(ids)
        sql = "select article_id from articles" + (f" where {' and '.join(where)}" if where else "")
        return self.query(sql, params)["article_id"].tolist()

    def actor_ids(self, names: str | Iterable[str]) -> list[str]:
        """Actor ids for names, aliases or ids (case-insensitive); unknown names raise."""
        wanted = [names] if isinstance(names, str) else list(names)
        ids: list[str] = []
        for name in wanted:
            key = str(name).casefold()
            hits = self.query(
                "select actor_id from actors where lower(actor_id) = ? or lower(name) = ? "
                "or exists (select 1 from (select unnest(aliases) as alias) where lower(alias) = ?)",
                [key, key, key],
            )
            if hits.empty:
                raise KeyError(f"no actor named {name!r} in this result")
            ids.extend(hits["actor_id"].tolist())
        return list(dict.fromkeys(ids))

    def filter(
        self,
        actors: str | Iterable[str] | None = None,
        start: str | pd.Timestamp | None = None,
        end: str | pd.Timestamp | None = None,
        language: str | Iterable[str] | None = None,
        source: str | Iterable[str] | None = None,
        text: bool = True,
    ) -> Analysis:
        """The matching articles and their rows, in memory (same as ``Analysis.filter``)."""
        ids = self.article_ids(start=start, end=end, language=language, source=source)
        subset = self.load_articles(ids, text=text)
        return subset.filter(actors=actors) if actors is not None else subset

    def load_articles(self, article_ids: Iterable[str], text: bool = True) -> Analysis:
        """An in-memory :class:`Analysis` of the given articles only (see :meth:`to_analysis`
        for ``text``)."""
        return self._load(list(article_ids), text)

    def _load(self, article_ids: list[str] | None, text: bool) -> Analysis:
        con = self.connection
        wanted = "true"
        if article_ids is not None:
            ids = pd.DataFrame({"article_id": pd.Series(article_ids, dtype="string")})
            con.register("_wanted", ids)
            wanted = "article_id in (select article_id from _wanted)"
        try:
            tables = {}
            for name in ("articles", "mentions", "quotes", "meetings"):
                columns = "*" if text or name != "articles" else _WITHOUT_TEXT
                tables[name] = con.execute(f"select {columns} from {name} where {wanted}").df()
            tables["errors"] = con.execute(
                f"select * from errors where article_id is null or {wanted}"
            ).df()
            used = set(tables["mentions"].get("actor_id", pd.Series(dtype=object)).dropna())
            used |= set(tables["quotes"].get("speaker_id", pd.Series(dtype=object)).dropna())
            for p in tables["meetings"].get("participant_ids", pd.Series(dtype=object)):
                if p is not None:
                    used.update(p)
            con.register("_actors", pd.DataFrame({"actor_id": sorted(used)}, dtype="string"))
            tables["actors"] = merge_actors(
                con.execute(
                    "select * from _actor_rows where actor_id in (select actor_id from _actors)"
                ).df()
            )
        finally:
            if article_ids is not None:
                con.unregister("_wanted")
        return Analysis(**tables, meta={"store": str(self.directory), "text": text})

    # ------------------------------------------------------------------ aggregates (SQL)

    def meeting_frequency(
        self,
        freq: str = "month",
        status: str | Iterable[str] | None = "happened",
        per_event: bool = True,
        by_mode: bool = False,
    ) -> pd.DataFrame:
        """Meetings per period, counted in SQL (chart data for a result of any size).

        ``freq``: ``"day"``, ``"week"``, ``"month"``, ``"quarter"`` or ``"year"``. A meeting is
        dated by ``date_start``, else by its article's publication date. ``per_event``
        counts distinct ``event_id`` (the same meeting reported by five articles counts
        once); otherwise rows. Columns: ``period``, [``mode``], ``meetings``.
        """
        if freq not in ("day", "week", "month", "quarter", "year"):
            raise ValueError(f"freq must be day, week, month, quarter or year, not {freq!r}")
        where, params = _in_clause("m.status", status)
        counted = "count(distinct coalesce(m.event_id, m.meeting_id))" if per_event else "count(*)"
        mode = ", m.mode" if by_mode else ""
        return self.query(
            f"select date_trunc('{freq}', coalesce(m.date_start, a.published)) as period{mode}, "
            f"{counted} as meetings from meetings m left join articles a using (article_id) "
            f"{where} group by all having period is not null order by all",
            params,
        )

    def network_edges(
        self, status: str | Iterable[str] | None = "happened", min_weight: int = 1
    ) -> pd.DataFrame:
        """Who met whom: one row per pair of participants, weighted by distinct events.

        Columns: ``source``, ``target`` (actor ids, ``source < target``), ``weight`` (events),
        ``reports`` (meeting rows), ``articles``.
        """
        where, params = _in_clause("status", status)
        return self.query(
            "with p as (select article_id, meeting_id, coalesce(event_id, meeting_id) as event, "
            "unnest(list_distinct(participant_ids)) as actor from meetings "
            f"{where}) "
            "select a.actor as source, b.actor as target, count(distinct a.event) as weight, "
            "count(distinct a.meeting_id) as reports, count(distinct a.article_id) as articles "
            "from p a join p b on a.meeting_id = b.meeting_id and a.actor < b.actor "
            "group by all having count(distinct a.event) >= ? order by weight desc, source, target",
            [*params, min_weight],
        )

    def sentiment_by_speaker(self, min_quotes: int = 1) -> pd.DataFrame:
        """Quotes and mean sentiment per speaker (``speaker_id``, ``speaker``, ``quotes``,
        ``mean_sentiment``, ``positive``, ``neutral``, ``negative``)."""
        return self.query(
            "select speaker_id, first(speaker) as speaker, count(*) as quotes, "
            "avg(sentiment) as mean_sentiment, "
            "count(*) filter (where sentiment_label = 'positive') as positive, "
            "count(*) filter (where sentiment_label = 'neutral') as neutral, "
            "count(*) filter (where sentiment_label = 'negative') as negative "
            "from quotes where speaker_id is not null group by speaker_id "
            "having count(*) >= ? order by quotes desc, speaker_id",
            [min_quotes],
        )

    def top_actors(self, limit: int = 20) -> pd.DataFrame:
        """Most mentioned actors: ``actor_id``, ``name``, ``mentions``, ``articles``."""
        return self.query(
            "select m.actor_id, any_value(a.name) as name, count(*) as mentions, "
            "count(distinct m.article_id) as articles from mentions m "
            "left join actors a using (actor_id) group by m.actor_id "
            "order by mentions desc, m.actor_id limit ?",
            [limit],
        )


_WITHOUT_TEXT = "* exclude (text, raw_text, offsets)"


def _in_clause(column: str, values) -> tuple[str, list]:
    if values is None:
        return "", []
    values = [values] if isinstance(values, str) else list(values)
    return f"where {column} in ({', '.join('?' * len(values))})", values


def open_result(directory: str | os.PathLike) -> LazyAnalysis:
    """Open a stored result lazily (a store from ``analyze(out=...)`` or a saved Analysis)."""
    return LazyAnalysis(directory)


def _check_table(name: str) -> None:
    if name not in TABLES:
        raise ValueError(f"unknown table {name!r}; expected one of {', '.join(TABLES)}")


def _sql_path(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _empty_select(table: str) -> str:
    from ..schema import SCHEMAS

    duck = {
        "string": "varchar",
        "Int64": "bigint",
        "float64": "double",
        "datetime64[ns]": "timestamp",
        "boolean": "boolean",
    }
    columns = []
    for column, dtype in SCHEMAS[table].items():
        kind = duck.get(dtype)
        if kind is None:
            kind = "bigint[]" if column == "offsets" else "varchar[]"
        columns.append(f"cast(null as {kind}) as {column}")
    return f"select {', '.join(columns)} where false"
