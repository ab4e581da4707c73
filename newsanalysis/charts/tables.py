"""HTML tables of the rows behind a view (evidence sentences with links to the articles).

Shared by the explorers and the report; values are escaped, titles link to the article.
"""

from __future__ import annotations

import html

import pandas as pd

TABLE_ROWS = 200


def html_table(
    rows: pd.DataFrame,
    columns: dict[str, str],
    limit: int = TABLE_ROWS,
    total: int | None = None,
    exported: int | None = None,
) -> str:
    """The rows behind a view as an HTML table; ``columns`` maps column -> header.

    A ``title`` column becomes a link to the row's ``url``; dates show as ``YYYY-MM-DD``;
    at most ``limit`` rows (the CSV export has all of them). ``total``: how many rows
    are behind the view when ``rows`` holds only the first ones; ``exported``: how many
    of them the CSV export writes, when that is fewer than ``total``.
    """
    if rows.empty:
        return "<div class='na-table na-empty' style='color:#666'>No rows behind this view.</div>"
    shown = rows.head(limit)
    total = max(total or len(rows), len(rows))
    writes = (
        "Export writes them all to CSV"
        if exported is None or exported >= total
        else f"Export writes the first {exported:,} to CSV"
    )
    head = "".join(f"<th>{html.escape(h)}</th>" for h in columns.values())
    body = []
    for record in shown.to_dict("records"):
        cells = []
        for column in columns:
            cells.append(f"<td>{_cell(column, record)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    more = (
        f"<div style='color:#666;margin-top:4px'>Showing {len(shown):,} of {total:,} rows; "
        f"{writes}.</div>"
        if total > len(shown)
        else f"<div style='color:#666;margin-top:4px'>{total:,} row(s).</div>"
    )
    return (
        "<div class='na-table' style='max-height:380px;overflow:auto;border:1px solid #ddd'>"
        "<table style='border-collapse:collapse;font-size:12px;width:100%'>"
        f"<thead style='position:sticky;top:0;background:#f4f4f4'><tr>{head}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table></div>{more}"
        "<style>.na-table td,.na-table th{padding:3px 6px;border-bottom:1px solid #eee;"
        "text-align:left;vertical-align:top}.na-table tr:nth-child(even){background:#fafafa}</style>"
    )


def _missing(value) -> bool:
    return value is None or (not isinstance(value, list | tuple) and pd.isna(value))


def title_link(record: dict, new_tab: bool = True) -> str:
    """The article's title (or its id when it has none) as a link to its URL, if any."""
    title = record.get("title")
    text = (
        str(title)
        if not _missing(title) and str(title).strip()
        else f"article {record.get('article_id', '')}"
    )
    url = record.get("url")
    if isinstance(url, str) and url:
        target = " target='_blank' rel='noopener'" if new_tab else ""
        return f"<a href='{html.escape(url)}'{target}>{html.escape(text)}</a>"
    return html.escape(text)


def _cell(column: str, record: dict) -> str:
    if column == "title":
        return title_link(record)
    value = record.get(column)
    if _missing(value):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float):
        return f"{value:+.2f}"
    if isinstance(value, list | tuple):
        return html.escape(", ".join(map(str, value)))
    return html.escape(str(value))
