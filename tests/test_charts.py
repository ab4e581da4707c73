"""Every chart builder: the right traces and counts, a message for empty input, a
matplotlib twin, and export (kaleido where Chromium is present, matplotlib otherwise)."""

import warnings

import pandas as pd
import pytest
from demo_analysis import make_demo_analysis
from matplotlib.figure import Figure

import newsanalysis as na
from newsanalysis import aggregate as ag
from newsanalysis import charts
from newsanalysis.charts import export as export_module


@pytest.fixture(scope="module")
def demo():
    return make_demo_analysis()


def test_meeting_frequency_chart_traces(demo):
    freq = ag.meeting_frequency(
        demo, "month", actors=["Xi Jinping", "Vladimir Putin"], statuses=None
    )
    fig = charts.meeting_frequency_chart(freq)
    assert [t.type for t in fig.data] == ["bar"]
    (bars,) = fig.data
    assert bars.name == "Vladimir Putin – Xi Jinping (n = 2)"
    assert list(bars.y) == [1, 1]  # Dec 2022 virtual meeting, the Moscow visit (3 reports, 1 event)
    assert "n = 2 meetings" in fig.layout.title.subtitle.text
    assert "1 dated too coarsely" in fig.layout.title.subtitle.text
    assert fig.layout.yaxis.title.text == "Meetings (distinct events)"
    assert fig.layout.barmode == "stack"


def test_meeting_frequency_chart_patterns_planned(demo):
    freq = ag.meeting_frequency(demo, "year", "actor", actors=["Xi Jinping"])
    fig = charts.meeting_frequency_chart(freq)
    names = [t.name for t in fig.data]
    # Bali (Nov 2022), virtual (Dec 2022), Moscow (Mar 2023, 3 reports), Zelensky call
    assert names == ["Xi Jinping, happened (n = 4)", "Xi Jinping, planned (n = 1)"]
    assert fig.data[0].marker.pattern.shape == "" and fig.data[1].marker.pattern.shape == "/"
    assert "hatched = planned" in fig.layout.title.subtitle.text


def test_meeting_timeline_chart(demo):
    timeline = ag.meeting_timeline(demo, statuses=None)
    fig = charts.meeting_timeline_chart(timeline)
    status_traces = [t for t in fig.data if t.meta and "status" in t.meta]
    assert sum(len(t.x) for t in status_traces) == len(timeline)
    assert {t.name.split(" (")[0] for t in status_traces} == set(timeline["status"])
    legend = [t.name for t in fig.data if t.showlegend is not False and t.legendgroup != "modes"]
    assert legend == list(dict.fromkeys(t.name for t in status_traces))  # one entry per status
    phone = [t for t in fig.data if t.name == "phone"]
    assert phone and phone[0].marker.symbol == "triangle-up"
    # a meeting known only to the month is hollow and sits mid-month
    virtual = next(t for t in status_traces if t.meta["mode"] == "virtual")
    assert virtual.marker.symbol == "hexagon-open" and not virtual.meta["exact"]
    assert pd.Timestamp(virtual.x[0]) == pd.Timestamp("2022-12-16")


def test_sentiment_by_speaker_chart(demo):
    quotes = ag.select_quotes(demo)
    summary = ag.sentiment_by_speaker(quotes)
    fig = charts.sentiment_by_speaker_chart(quotes, summary)
    dots = [t for t in fig.data if "quote" in t.name]
    assert sum(len(t.x) for t in dots) == len(quotes) == 15
    mean = next(t for t in fig.data if t.name.startswith("mean"))
    assert len(mean.x) == len(summary) == 9
    assert fig.layout.yaxis.ticktext[0] == "Vladimir Putin  (n = 3 · few quotes)"
    assert "fewer than 5 quotes" in fig.layout.title.subtitle.text


def test_sentiment_over_time_chart(demo):
    over = ag.sentiment_over_time(
        demo, "quarter", by_speaker=True, actors=["Xi Jinping", "Vladimir Putin"]
    )
    fig = charts.sentiment_over_time_chart(over)
    assert sorted(t.name for t in fig.data) == ["Vladimir Putin (n = 3)", "Xi Jinping (n = 2)"]
    assert fig.layout.yaxis.range == (-1.08, 1.08)


def network_tables(demo):
    """The network of the demo Analysis: (network data, edges, nodes) as the explorer builds them."""
    net = ag.network_data(demo)
    edges = ag.network_edges(net)
    return net, edges, ag.network_nodes(net, edges)


def test_actor_network_chart(demo):
    net, edges, nodes = network_tables(demo)
    positions = charts.layout_positions(nodes, edges)
    evidence = ag.edge_evidence(net, edges)
    fig = charts.actor_network_chart(nodes, edges, positions, evidence)
    node_traces = [t for t in fig.data if t.mode == "markers+text"]
    assert sum(len(t.x) for t in node_traces) == len(nodes)
    for kind in ("co_mention", "met", "quoted_about"):
        lines = [t for t in fig.data if t.mode == "lines" and t.legendgroup == kind]
        assert sum(t.meta["edges"] for t in lines) == int((edges["kind"] == kind).sum())
    details = next(t for t in fig.data if t.name == "link details")
    assert len(details.x) == len(edges)
    assert any("held talks in the Kremlin" in text for text in details.hovertext)
    # the same positions give the same node coordinates after filtering
    small = charts.actor_network_chart(nodes.head(3), edges, positions)
    first = nodes.iloc[0]["actor_id"]
    xs = {
        a: x
        for t in small.data
        if t.mode == "markers+text"
        for a, x in zip(t.customdata, t.x, strict=True)
    }
    assert xs[first] == positions[first][0]


def test_network_chart_is_the_same_without_validation(demo):
    """The explorers build the chart without plotly's validation: same JSON."""
    import json

    net, edges, nodes = network_tables(demo)
    positions = charts.layout_positions(nodes, edges)
    evidence = ag.edge_evidence(net, edges)
    checked = charts.actor_network_chart(nodes, edges, positions, evidence)
    fast = charts.actor_network_chart(nodes, edges, positions, evidence, validate=False)
    assert json.loads(fast.to_json()) == json.loads(checked.to_json())
    empty = charts.empty_figure("t", "nothing", validate=False)
    assert json.loads(empty.to_json()) == json.loads(charts.empty_figure("t", "nothing").to_json())


def test_network_labels_do_not_overlap():
    from newsanalysis.charts.network import label_nodes

    nodes = pd.DataFrame(
        {
            "actor_id": ["a", "b", "c", "d"],
            "name": ["Vladimir Putin", "Xi Jinping", "Wang Yi", "Joko Widodo"],
            "mentions": [40, 30, 20, 10],
            # b sits right next to a (its name would cover a's); c and d are far apart
            "x": [0.0, 0.02, 5.0, 10.0],
            "y": [0.0, 0.0, 0.0, 5.0],
        }
    )
    # b's name would cover a's above it: it goes below its node
    assert label_nodes(nodes, 10) == {
        "a": "top center",
        "b": "bottom center",
        "c": "top center",
        "d": "top center",
    }
    assert set(label_nodes(nodes, 2)) == {"a", "b"}  # largest first
    assert label_nodes(nodes, 0) == {}
    # a third name at the same place has no room left: hover only
    crowded = pd.concat([nodes, nodes.iloc[[1]].assign(actor_id="e", mentions=5)])
    assert "e" not in label_nodes(crowded, 10)
    # a picked actor is named in any case, before the others
    assert label_nodes(crowded, 1, always=["e"]) == {"e": "top center"}


def test_layout_keeps_groups_apart(demo):
    _, edges, nodes = network_tables(demo)
    pos = charts.layout_positions(nodes, edges)
    assert set(pos) == set(nodes["actor_id"])
    coords = list(pos.values())
    closest = min(
        ((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5
        for i, a in enumerate(coords)
        for b in coords[i + 1 :]
    )
    assert closest > 0.05  # nothing piled on top of each other


def test_empty_inputs_say_nothing_to_show():
    empty = na.Analysis()
    freq = ag.meeting_frequency(empty, "month")
    quotes = ag.select_quotes(empty)
    figures = [
        charts.meeting_frequency_chart(freq),
        charts.meeting_timeline_chart(ag.meeting_timeline(empty)),
        charts.sentiment_by_speaker_chart(quotes, ag.sentiment_by_speaker(quotes)),
        charts.sentiment_over_time_chart(ag.sentiment_over_time(empty)),
        charts.actor_network_chart(ag.network_nodes(empty), ag.network_edges(empty)),
    ]
    for fig in figures:
        assert charts.is_empty(fig)
        assert fig.layout.annotations[0].text.startswith("Nothing to show")
    statics = [
        charts.meeting_frequency_chart_mpl(freq),
        charts.meeting_timeline_chart_mpl(ag.meeting_timeline(empty)),
        charts.sentiment_by_speaker_chart_mpl(quotes, ag.sentiment_by_speaker(quotes)),
        charts.sentiment_over_time_chart_mpl(ag.sentiment_over_time(empty)),
        charts.actor_network_chart_mpl(ag.network_nodes(empty), ag.network_edges(empty)),
    ]
    assert all(isinstance(f, Figure) for f in statics)


def test_matplotlib_twins_draw_the_same_data(demo):
    freq = ag.meeting_frequency(demo, "month")
    fig = charts.meeting_frequency_chart_mpl(freq)
    heights = sorted(p.get_height() for p in fig.axes[0].patches)
    assert sum(heights) == freq["meetings"].sum()
    timeline = ag.meeting_timeline(demo)
    assert len(charts.meeting_timeline_chart_mpl(timeline).axes[0].collections) == len(timeline)
    quotes = ag.select_quotes(demo)
    summary = ag.sentiment_by_speaker(quotes)
    twin = charts.sentiment_by_speaker_chart_mpl(quotes, summary)
    ticks = dict(zip(twin.axes[0].get_yticks(), twin.axes[0].get_yticklabels(), strict=True))
    assert ticks[max(ticks)].get_text().startswith("Vladimir Putin")  # most quoted on top
    over = ag.sentiment_over_time(demo, "month")
    assert charts.sentiment_over_time_chart_mpl(over).axes[0].lines
    _, edges, nodes = network_tables(demo)
    net_fig = charts.actor_network_chart_mpl(nodes, edges)
    assert len(net_fig.axes[0].lines) == len(edges)


def test_export_name():
    assert (
        charts.export_name("meetings", ["Xi Jinping", "Vladimir Putin"], "month")
        == "meetings_xi-jinping_vladimir-putin_month"
    )
    assert charts.export_name("network", [], None) == "network"
    assert (
        export_module.slug("Prabowo Subianto Djojohadikusumo (Menhan)")
        == "prabowo-subianto-djojohadikusumo-menhan"
    )


def test_export_falls_back_to_matplotlib_without_chromium(demo, tmp_path, monkeypatch):
    monkeypatch.setattr(export_module, "find_chromium", lambda: None)
    freq = ag.meeting_frequency(demo, "month")
    fig = charts.meeting_frequency_chart(freq)
    with pytest.warns(charts.NoChromiumWarning, match="apt-get install chromium"):
        files = charts.export_figure(
            fig,
            tmp_path,
            "meetings_all_month",
            static=lambda: charts.meeting_frequency_chart_mpl(freq),
        )
    assert files["format"].tolist() == ["png", "svg", "pdf", "html"]
    assert files["engine"].tolist() == ["matplotlib"] * 3 + ["plotly"]
    assert (tmp_path / "meetings_all_month.png").read_bytes()[:4] == b"\x89PNG"
    assert (tmp_path / "meetings_all_month.pdf").read_bytes()[:4] == b"%PDF"
    assert "<svg" in (tmp_path / "meetings_all_month.svg").read_text()
    assert "plotly" in (tmp_path / "meetings_all_month.html").read_text()[:200000].lower()


def test_export_without_twin_and_without_chromium_raises(demo, tmp_path, monkeypatch):
    monkeypatch.setattr(export_module, "find_chromium", lambda: None)
    with pytest.raises(RuntimeError, match="no static twin"):
        charts.export_figure(charts.empty_figure("t", "m"), tmp_path, "x", formats=["png"])


def test_export_table(tmp_path, demo):
    rows = ag.meeting_reports(demo)
    path = charts.export_table(rows, tmp_path, "meetings")
    again = pd.read_csv(path)
    assert len(again) == len(rows) and "evidence" in again.columns


@pytest.mark.slow
def test_export_with_kaleido_and_system_chromium(demo, tmp_path):
    if charts.find_chromium() is None:
        pytest.skip("no Chromium on this machine (apt-get install chromium)")
    freq = ag.meeting_frequency(demo, "month")
    with warnings.catch_warnings():
        warnings.simplefilter("error", charts.NoChromiumWarning)
        files = charts.export_figure(
            charts.meeting_frequency_chart(freq), tmp_path, "m", formats=["png", "svg"]
        )
    assert files["engine"].tolist() == ["kaleido", "kaleido"]
    png = (tmp_path / "m.png").read_bytes()
    width = int.from_bytes(png[16:20], "big")
    assert width == 2000  # 1000 px layout at scale 2: report quality


def test_html_table_links_titles_escapes_and_caps_rows():
    from newsanalysis.charts.tables import html_table

    rows = pd.DataFrame(
        {
            "title": ["Xi <b>visits</b>", None],
            "url": ["https://example.org/a?x=1&y=2", None],
            "article_id": ["a", "seed-1"],
            "sentiment": [0.25, -0.5],
        }
    )
    page = html_table(rows, {"title": "Article", "sentiment": "Sentiment"}, limit=1)
    assert "<a href='https://example.org/a?x=1&amp;y=2'" in page
    assert "Xi &lt;b&gt;visits&lt;/b&gt;" in page and "+0.25" in page
    assert "Showing 1 of 2 rows" in page and "seed-1" not in page
    assert "article seed-1" in html_table(rows.iloc[1:], {"title": "Article"})  # no title: the id


def test_period_ticks_label_every_month_when_few():
    from newsanalysis.charts.style import period_ticks

    months = pd.to_datetime(["2022-02-01", "2023-01-01"])
    assert period_ticks(months, "month")["dtick"] == "M1"
    assert "dtick" not in period_ticks(pd.to_datetime(["2015-01-01", "2023-03-01"]), "month")
    assert period_ticks(months, "quarter")["dtick"] == "M3"
