"""A self-contained report: the three views (meetings, quotes, network) with their tables.

``build_report(analysis, "report.html")`` writes one HTML file that works offline
(plotly.js inlined once, interactive charts). With ``pdf=True`` it also writes a PDF:
the same report with static charts, printed by the system Chromium; without Chromium
the PDF holds the matplotlib charts and says where the tables are. The command line is
``newsanalysis report RESULT_DIR --out report.html [--pdf] [--actor NAME] [--from DATE]``.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import os
import shutil
import subprocess
import tempfile
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from . import __version__
from .aggregate import (
    meeting_frequency,
    meeting_reports,
    meeting_timeline,
    meetings_table,
    network_data,
    network_edges,
    network_nodes,
    quote_rows,
    quotes_table,
    select_quotes,
    sentiment_by_speaker,
    sentiment_over_time,
)
from .aggregate.network import edge_evidence
from .charts import (
    actor_network_chart,
    actor_network_chart_mpl,
    find_chromium,
    layout_positions,
    meeting_frequency_chart,
    meeting_frequency_chart_mpl,
    meeting_timeline_chart,
    meeting_timeline_chart_mpl,
    sentiment_by_speaker_chart,
    sentiment_by_speaker_chart_mpl,
    sentiment_over_time_chart,
    sentiment_over_time_chart_mpl,
)
from .charts.export import INSTALL_HINT, write_image
from .charts.tables import title_link
from .errors import NewsAnalysisError

TABLE_LIMIT = 500
#: rows per table in the PDF (all are in the HTML and in the explorers' CSV export)
PDF_TABLE_LIMIT = 100
NETWORK_NODES = 60


@dataclass
class _Section:
    key: str
    heading: str
    intro: str
    figures: list[tuple[go.Figure, object]] = field(default_factory=list)  # (plotly, mpl twin)
    tables: list[tuple[str, pd.DataFrame, dict[str, str]]] = field(default_factory=list)


def build_report(
    analysis,
    out: str | os.PathLike = "report.html",
    *,
    actors: str | Iterable[str] | None = None,
    start=None,
    end=None,
    languages: str | Iterable[str] | None = None,
    sources: str | Iterable[str] | None = None,
    period: str = "month",
    title: str | None = None,
    pdf: bool = False,
) -> dict[str, Path]:
    """Write the report; returns ``{"html": path}`` (and ``"pdf"`` with ``pdf=True``).

    Filters are those of the explorers: ``actors`` (names or ids: their meetings — between
    them when several —, their quotes, their links), ``start``/``end`` (meeting date,
    publication date of quotes and links), ``languages``, ``sources``.
    """
    actors = _check_actors(analysis, actors)
    sections = _sections(analysis, actors, start, end, languages, sources, period)
    heading = title or "newsanalysis report"
    header = _header(analysis, heading, actors, start, end, languages, sources)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(_page(heading, header, sections, static=False), encoding="utf-8")
    written = {"html": out}
    if pdf:
        written["pdf"] = _write_pdf(out.with_suffix(".pdf"), heading, header, sections)
    return written


# --------------------------------------------------------------------------- content


def _check_actors(analysis, actors) -> list[str] | None:
    if actors is None:
        return None
    wanted = [actors] if isinstance(actors, str) else list(actors)
    known = {str(n).casefold() for n in analysis.actors["name"].dropna()}
    known |= {str(a).casefold() for a in analysis.actors["actor_id"].dropna()}
    known |= {str(s).casefold() for s in analysis.quotes["speaker"].dropna()}
    for names in analysis.meetings["participants"].dropna():
        known |= {str(n).casefold() for n in names}
    unknown = [a for a in wanted if str(a).casefold() not in known]
    if unknown:
        top = analysis.mentions["actor_id"].value_counts().head(8).index
        names = dict(zip(analysis.actors["actor_id"], analysis.actors["name"], strict=True))
        hint = ", ".join(names.get(a, a) for a in top)
        raise NewsAnalysisError(
            f"no actor named {', '.join(map(repr, unknown))} in this result"
            + (f" (most mentioned: {hint})" if hint else "")
        )
    return wanted


def _sections(analysis, actors, start, end, languages, sources, period) -> list[_Section]:
    who = f" of {', '.join(actors)}" if actors else ""
    meetings = meetings_table(analysis)
    filters = dict(actors=actors, start=start, end=end, languages=languages, sources=sources)
    freq = meeting_frequency(meetings, period, "pair", top=8, **filters)
    timeline = meeting_timeline(meetings, top=15, **filters)
    ids = [m for group in freq["meeting_ids"] for m in group]
    ids += [m for group in timeline["meeting_ids"] for m in group]
    reports = meeting_reports(meetings, dict.fromkeys(ids))
    meet = _Section(
        "meetings",
        "Meetings: who met whom, and when",
        "Bars count distinct meetings that happened or are planned (planned hatched); one "
        "event reported by several articles counts once. Denied, cancelled and hypothetical "
        "meetings are not counted. Meetings known only to the year are not placed in a month.",
        [
            (meeting_frequency_chart(freq), lambda: meeting_frequency_chart_mpl(freq)),
            (meeting_timeline_chart(timeline), lambda: meeting_timeline_chart_mpl(timeline)),
        ],
        [("Meeting reports", reports, _MEETING_COLUMNS)],
    )

    quotes = quotes_table(analysis)
    picked = select_quotes(quotes, **filters)
    summary = sentiment_by_speaker(picked, top=None if actors else 20)
    over = sentiment_over_time(picked, period, by_speaker=bool(actors) and len(actors) <= 8)
    shown = picked[picked["speaker_key"].isin(set(summary["speaker_id"]))]
    quote = _Section(
        "quotes",
        f"Quotes{who}: who said what, and in what tone",
        "Each dot is a quote placed by its sentiment (−1 … +1); the diamond is the speaker's "
        "mean with its 95% confidence interval. n is the number of quotes: with fewer than "
        "5 the mean says little.",
        [
            (
                sentiment_by_speaker_chart(picked, summary),
                lambda: sentiment_by_speaker_chart_mpl(picked, summary),
            ),
            (sentiment_over_time_chart(over), lambda: sentiment_over_time_chart_mpl(over)),
        ],
        [
            ("Sentiment per speaker", summary, _SUMMARY_COLUMNS),
            ("Quotes", quote_rows(shown), _QUOTE_COLUMNS),
        ],
    )

    net = network_data(analysis)
    net_filters = dict(start=start, end=end, languages=languages, sources=sources)
    edges = network_edges(net, actors=actors, **net_filters)
    nodes = network_nodes(net, edges, **net_filters)
    if actors:
        nodes = nodes[nodes["actor_id"].isin(set(edges["source_id"]) | set(edges["target_id"]))]
    nodes = nodes.head(NETWORK_NODES)
    edges = edges[
        edges["source_id"].isin(set(nodes["actor_id"]))
        & edges["target_id"].isin(set(nodes["actor_id"]))
    ]
    positions = layout_positions(nodes, edges)
    evidence = edge_evidence(net, edges, limit=TABLE_LIMIT)
    network = _Section(
        "network",
        f"Network{who}: who is connected to whom",
        "Links: mentioned in the same sentence (grey), met (blue, meetings that happened), "
        "quoted about (orange, speaker → actor). Node size = mentions, line width = number of "
        f"sentences/meetings/quotes, colour = community. At most {NETWORK_NODES} actors, most "
        "mentioned first.",
        [
            (
                actor_network_chart(nodes, edges, positions, evidence),
                lambda: actor_network_chart_mpl(nodes, edges, positions),
            )
        ],
        [
            ("Links", edges.drop(columns=["evidence"]), _EDGE_COLUMNS),
            ("Sentences behind the links", evidence, _EVIDENCE_COLUMNS),
        ],
    )
    return [meet, quote, network]


_MEETING_COLUMNS = {
    "published": "Published",
    "source": "Source",
    "title": "Article",
    "participants": "Participants",
    "mode": "Mode",
    "status": "Status",
    "meeting_date": "Meeting date",
    "evidence": "Sentence",
}
_SUMMARY_COLUMNS = {
    "speaker": "Speaker",
    "n": "Quotes (n)",
    "mean": "Mean",
    "ci_low": "CI low",
    "ci_high": "CI high",
    "negative": "Negative",
    "neutral": "Neutral",
    "positive": "Positive",
}
_QUOTE_COLUMNS = {
    "published": "Published",
    "source": "Source",
    "title": "Article",
    "speaker": "Speaker",
    "quote": "Quote",
    "sentiment": "Sentiment",
}
_EDGE_COLUMNS = {
    "source": "From",
    "target": "To",
    "kind": "Link",
    "weight": "Weight",
    "articles": "Articles",
    "first": "First",
    "last": "Last",
}
_EVIDENCE_COLUMNS = {
    "kind": "Link",
    "source": "From",
    "target": "To",
    "published": "Published",
    "outlet": "Source",
    "title": "Article",
    "sentence": "Sentence",
}


def _header(analysis, heading, actors, start, end, languages, sources) -> str:
    articles = analysis.articles
    published = articles["published"].dropna()
    span = (
        f"{published.min():%d %b %Y} – {published.max():%d %b %Y}" if len(published) else "no dates"
    )
    filters = []
    if actors:
        filters.append(f"actors: {', '.join(actors)}")
    if start is not None:
        filters.append(f"from {pd.Timestamp(start):%d %b %Y}")
    if end is not None:
        filters.append(f"to {pd.Timestamp(end):%d %b %Y}")
    if languages:
        filters.append(
            f"languages: {', '.join([languages] if isinstance(languages, str) else languages)}"
        )
    if sources:
        filters.append(f"sources: {', '.join([sources] if isinstance(sources, str) else sources)}")
    counts = (
        f"{len(articles):,} articles ({span}), {len(analysis.quotes):,} quotes, "
        f"{len(analysis.meetings):,} meeting reports, {len(analysis.actors):,} actors"
    )
    return (
        f"<h1>{html.escape(heading)}</h1>"
        f"<p class='meta'>Corpus: {html.escape(counts)}.<br>"
        f"View: {html.escape('; '.join(filters) if filters else 'whole corpus')}.<br>"
        f"Made with newsanalysis {__version__} on {dt.date.today():%d %B %Y}.</p>"
    )


# --------------------------------------------------------------------------- HTML


CSS = """
body{font-family:Inter,'Helvetica Neue',Arial,sans-serif;margin:24px auto;max-width:1120px;
color:#222;padding:0 16px}
h1{margin-bottom:4px}h2{margin-top:36px;border-bottom:2px solid #0072B2;padding-bottom:4px}
.meta{color:#555}.intro{color:#444;max-width:900px}
nav a{margin-right:16px}
.tablewrap{max-height:420px;overflow:auto;border:1px solid #ddd;margin:8px 0 20px}
.static .tablewrap{max-height:none;overflow:visible;border:none}
table{border-collapse:collapse;font-size:12px;width:100%}
th{position:sticky;top:0;background:#f4f4f4}
td,th{padding:3px 6px;border-bottom:1px solid #eee;text-align:left;vertical-align:top}
tr:nth-child(even){background:#fafafa}
.figure{margin:12px 0}.figure img{max-width:100%}
.note{color:#666;font-size:12px}
@media print{h2{break-before:page}.figure{break-inside:avoid}tr{break-inside:avoid}}
"""


def _page(heading: str, header: str, sections: list[_Section], static: bool, images=None) -> str:
    import plotly.offline

    nav = "".join(
        f"<a href='#{s.key}'>{html.escape(s.heading.split(':')[0])}</a>" for s in sections
    )
    body = [header, f"<nav>{nav}</nav>"]
    for s_index, section in enumerate(sections):
        body.append(f"<h2 id='{section.key}'>{html.escape(section.heading)}</h2>")
        body.append(f"<p class='intro'>{html.escape(section.intro)}</p>")
        for f_index, (fig, _) in enumerate(section.figures):
            if static:
                body.append(f"<div class='figure'>{images[(s_index, f_index)]}</div>")
            else:
                body.append(
                    "<div class='figure'>"
                    + fig.to_html(
                        full_html=False, include_plotlyjs=False, config={"displaylogo": False}
                    )
                    + "</div>"
                )
        for caption, table, columns in section.tables:
            limit = PDF_TABLE_LIMIT if static else TABLE_LIMIT
            body.append(f"<h3>{html.escape(caption)}</h3>{_table(table, columns, limit)}")
    script = "" if static else f"<script>{plotly.offline.get_plotlyjs()}</script>"
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{html.escape(heading)}</title><style>{CSS}</style>{script}</head>"
        f"<body class='{'static' if static else 'interactive'}'>{''.join(body)}</body></html>"
    )


def _table(rows: pd.DataFrame, columns: dict[str, str], limit: int = TABLE_LIMIT) -> str:
    if rows.empty:
        return "<p class='note'>Nothing to show.</p>"
    shown = rows.head(limit)
    head = "".join(f"<th>{html.escape(h)}</th>" for h in columns.values())
    lines = []
    for record in shown.to_dict("records"):
        cells = "".join(f"<td>{_cell(c, record)}</td>" for c in columns)
        lines.append(f"<tr>{cells}</tr>")
    note = (
        f"<p class='note'>First {limit:,} of {len(rows):,} rows.</p>"
        if len(rows) > limit
        else f"<p class='note'>{len(rows):,} row(s).</p>"
    )
    return (
        f"<div class='tablewrap'><table><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(lines)}</tbody></table></div>{note}"
    )


def _cell(column: str, record: dict) -> str:
    if column == "title":
        return title_link(record, new_tab=False)
    value = record.get(column)
    if value is None or (not isinstance(value, list | tuple) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return f"{value:%Y-%m-%d}"
    if isinstance(value, float):
        return f"{value:+.2f}" if column not in ("n",) else f"{value:.0f}"
    if isinstance(value, bool):
        return "yes" if value else ""
    return html.escape(str(value))


# --------------------------------------------------------------------------- PDF


def _write_pdf(path: Path, heading: str, header: str, sections: list[_Section]) -> Path:
    chromium = find_chromium()
    if chromium is not None:
        try:
            images = {}
            with tempfile.TemporaryDirectory() as tmp:
                for s_index, section in enumerate(sections):
                    for f_index, (fig, _) in enumerate(section.figures):
                        svg = Path(tmp) / f"{s_index}-{f_index}.svg"
                        write_image(fig, svg)
                        data = base64.b64encode(svg.read_bytes()).decode()
                        images[(s_index, f_index)] = f"<img src='data:image/svg+xml;base64,{data}'>"
                page = Path(tmp) / "report.html"
                page.write_text(_page(heading, header, sections, True, images), encoding="utf-8")
                _print_pdf(chromium, page, path)
            return path
        except Exception as exc:  # fall back to matplotlib below
            reason = f"{type(exc).__name__}: {exc}"
    else:
        reason = "no Chrome/Chromium found"
    warnings.warn(
        f"PDF drawn with matplotlib ({reason}); it holds the charts, the tables are in the "
        f"HTML report. For the full PDF, {INSTALL_HINT}.",
        UserWarning,
        stacklevel=3,
    )
    return _matplotlib_pdf(path, heading, sections)


def _print_pdf(chromium: str, page: Path, out: Path) -> None:
    profile = tempfile.mkdtemp(prefix="na-chromium-")
    try:
        command = [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--no-first-run",
            f"--user-data-dir={profile}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={out}",
            page.as_uri(),
        ]
        done = subprocess.run(command, capture_output=True, text=True, timeout=180)
        if not out.is_file() or out.stat().st_size == 0:
            raise RuntimeError(
                f"chromium wrote no PDF (exit {done.returncode}): {done.stderr[-300:]}"
            )
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def _matplotlib_pdf(path: Path, heading: str, sections: list[_Section]) -> Path:
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    with PdfPages(path) as pdf:
        cover = Figure(figsize=(8.27, 11.69))
        cover.text(0.08, 0.9, heading, fontsize=18, fontweight="bold")
        cover.text(
            0.08,
            0.85,
            "Charts drawn with matplotlib (no Chromium); the tables are in the HTML report.",
            fontsize=10,
            color="#555",
        )
        pdf.savefig(cover)
        for section in sections:
            for _, static in section.figures:
                pdf.savefig(static())
    return path
