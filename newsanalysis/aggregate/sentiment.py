"""Quote sentiment aggregates: per speaker (mean, confidence interval, n) and over time.

A speaker's mood from two quotes is not a finding: every roll-up carries ``n`` (the
number of quotes) and a t-based confidence interval of the mean, which is undefined
(NaN) for a single quote, and ``low_n`` flags speakers with fewer than
:data:`LOW_N` quotes. Quotes are dated by their article's publication date.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from ._common import (
    article_meta,
    check_period,
    date_mask,
    period_start,
    plain_strings,
    resolve_actor_keys,
    value_mask,
)

#: fewer quotes than this and a speaker's mean is flagged as resting on few quotes
LOW_N = 5
UNATTRIBUTED = "(unattributed)"
LABELS = ("negative", "neutral", "positive")


def quotes_table(analysis) -> pd.DataFrame:
    """One row per quote with its article's date, title, link, source and language.

    ``speaker_key`` is the speaker id (or the speaker's name when there is no id, or
    ``"(unattributed)"``); ``speaker_name`` the display name.
    """
    quotes = analysis.quotes.merge(article_meta(analysis.articles), on="article_id", how="left")
    names = dict(zip(analysis.actors["actor_id"], analysis.actors["name"], strict=True))
    speaker_id = quotes["speaker_id"].astype("string")
    speaker = quotes["speaker"].astype("string")
    key = speaker_id.fillna(speaker).fillna(UNATTRIBUTED)
    display = speaker_id.map(names).astype("string").fillna(speaker).fillna(UNATTRIBUTED)
    out = quotes.assign(speaker_key=key.astype(object), speaker_name=display.astype(object))
    return plain_strings(out)


def _as_table(data) -> pd.DataFrame:
    if isinstance(data, pd.DataFrame):
        if "speaker_key" not in data.columns:
            raise ValueError("expected an Analysis or the output of quotes_table()")
        return data
    return quotes_table(data)


def select_quotes(
    data,
    *,
    actors: str | Iterable[str] | None = None,
    start=None,
    end=None,
    languages: str | Iterable[str] | None = None,
    sources: str | Iterable[str] | None = None,
    kinds: str | Iterable[str] | None = None,
    attributed: bool = True,
    scored: bool = True,
) -> pd.DataFrame:
    """Quotes that pass the filters (``actors`` are speakers, by name or id).

    ``attributed`` keeps only quotes with a speaker; ``scored`` only quotes with a
    sentiment score. ``start``/``end`` bound the publication date (inclusive).
    """
    table = _as_table(data)
    keep = (
        date_mask(table["published"], start, end)
        & value_mask(table["language"], languages)
        & value_mask(table["source"], sources)
        & value_mask(table["kind"], kinds)
    )
    if attributed:
        keep &= table["speaker_key"] != UNATTRIBUTED
    if scored:
        keep &= table["sentiment"].notna()
    if actors is not None:
        names = dict(zip(table["speaker_key"], table["speaker_name"], strict=True))
        keep &= table["speaker_key"].isin(resolve_actor_keys(actors, names) or set())
    return table[keep]


def mean_ci(values: pd.Series, confidence: float = 0.95) -> tuple[float, float, float]:
    """Mean and t-based confidence interval of ``values`` (NaN bounds for fewer than 2)."""
    values = pd.to_numeric(values, errors="coerce").dropna()
    n = len(values)
    if n == 0:
        return (np.nan, np.nan, np.nan)
    mean = float(values.mean())
    if n < 2:
        return (mean, np.nan, np.nan)
    sem = float(values.std(ddof=1)) / np.sqrt(n)
    half = float(_t_quantile(0.5 + confidence / 2, n - 1)) * sem
    return (mean, mean - half, mean + half)


def _t_quantile(p: float, df):
    """Quantile of Student's t (scipy.special: much lighter to import than scipy.stats)."""
    from scipy.special import stdtrit

    return stdtrit(df, p)


def _rollup(groups, confidence: float) -> pd.DataFrame:
    """n, mean, sd and CI per group of a grouped ``sentiment`` column, vectorised."""
    agg = groups["sentiment"].agg(["count", "mean", "std"])
    agg.columns = ["n", "mean", "sd"]
    n = agg["n"].astype(float)
    sem = agg["sd"] / np.sqrt(n)
    t = pd.Series(
        np.where(n > 1, _t_quantile(0.5 + confidence / 2, np.maximum(n - 1, 1)), np.nan),
        index=agg.index,
    )
    agg["ci_low"] = (agg["mean"] - t * sem).clip(lower=-1.0)
    agg["ci_high"] = (agg["mean"] + t * sem).clip(upper=1.0)
    agg["n"] = agg["n"].astype(int)
    return agg


def sentiment_by_speaker(
    data,
    *,
    confidence: float = 0.95,
    min_quotes: int = 1,
    top: int | None = None,
    **filters,
) -> pd.DataFrame:
    """Mean quote sentiment per speaker with its confidence interval and number of quotes.

    Columns: ``speaker_id`` (key), ``speaker``, ``n``, ``mean``, ``sd``, ``ci_low``,
    ``ci_high`` (clipped to -1..1; NaN for one quote), ``negative`` / ``neutral`` /
    ``positive`` (quote counts by label) and ``low_n`` (fewer than :data:`LOW_N`
    quotes). Sorted by ``n`` (most quoted first); ``top`` keeps the first rows.
    Filters are those of :func:`select_quotes`. ``attrs["quotes"]`` is the total n.
    """
    quotes = select_quotes(data, **filters)
    columns = ["speaker_id", "speaker", "n", "mean", "sd", "ci_low", "ci_high", *LABELS, "low_n"]
    if quotes.empty:
        out = pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
        out.attrs = {"quotes": 0, "confidence": confidence}
        return out
    groups = quotes.groupby(["speaker_key", "speaker_name"], sort=False)
    out = _rollup(groups, confidence)
    labels = quotes.groupby(["speaker_key", "speaker_name"], sort=False)["sentiment_label"]
    counts = labels.value_counts().unstack(fill_value=0).reindex(columns=list(LABELS), fill_value=0)
    out = out.join(counts).reset_index()
    out = out.rename(columns={"speaker_key": "speaker_id", "speaker_name": "speaker"})
    out["low_n"] = out["n"] < LOW_N
    out = out[out["n"] >= min_quotes]
    out = out.sort_values(["n", "speaker"], ascending=[False, True], kind="stable")
    if top is not None:
        out = out.head(top)
    out = out[columns].reset_index(drop=True)
    out.attrs = {"quotes": int(out["n"].sum()), "confidence": confidence}
    return out


def sentiment_over_time(
    data,
    period: str = "month",
    *,
    by_speaker: bool = False,
    confidence: float = 0.95,
    **filters,
) -> pd.DataFrame:
    """Mean quote sentiment per period (and per speaker with ``by_speaker``).

    Columns: ``period`` (first day), ``speaker_id`` / ``speaker`` (``"all speakers"``
    without ``by_speaker``), ``n``, ``mean``, ``sd``, ``ci_low``, ``ci_high``.
    """
    check_period(period)
    quotes = select_quotes(data, **filters)
    columns = ["period", "speaker_id", "speaker", "n", "mean", "sd", "ci_low", "ci_high"]
    quotes = quotes[quotes["published"].notna()]
    if quotes.empty:
        out = pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
        out["period"] = pd.Series(dtype="datetime64[ns]")
        out.attrs = {"quotes": 0, "period": period, "confidence": confidence}
        return out
    quotes = quotes.assign(period=period_start(quotes["published"], period))
    if not by_speaker:
        quotes = quotes.assign(speaker_key="all", speaker_name="all speakers")
    groups = quotes.groupby(["period", "speaker_key", "speaker_name"], sort=True)
    out = _rollup(groups, confidence).reset_index()
    out = out.rename(columns={"speaker_key": "speaker_id", "speaker_name": "speaker"})
    out = out[columns]
    out.attrs = {"quotes": int(out["n"].sum()), "period": period, "confidence": confidence}
    return out


def quote_rows(quotes: pd.DataFrame) -> pd.DataFrame:
    """The quotes behind a view, with speaker, sentiment, date, title and link."""
    columns = [
        "published",
        "source",
        "title",
        "url",
        "speaker_name",
        "text",
        "kind",
        "cue",
        "sentiment",
        "sentiment_label",
        "article_id",
        "quote_id",
    ]
    out = quotes[columns].rename(columns={"speaker_name": "speaker", "text": "quote"})
    return out.sort_values(["published", "quote_id"], kind="stable").reset_index(drop=True)
