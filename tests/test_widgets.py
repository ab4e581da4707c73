"""The explorers without a kernel or browser: build, change controls, check chart and rows."""

import pandas as pd
import plotly.graph_objects as go
import pytest
from demo_analysis import make_demo_analysis

import newsanalysis as na
from newsanalysis.charts import export as export_module
from newsanalysis.charts import is_empty
from newsanalysis.widgets import ActorNetworkExplorer, MeetingExplorer, QuoteSentimentExplorer
from newsanalysis.widgets._controls import sync_figure


@pytest.fixture(scope="module")
def demo():
    return make_demo_analysis()


@pytest.fixture
def no_chromium(monkeypatch):
    monkeypatch.setattr(export_module, "find_chromium", lambda: None)


def _ys(fig) -> list:
    return [list(t.y) if t.y is not None else None for t in fig.data]


def test_meeting_explorer_filters_update_the_chart_in_place(demo):
    explorer = MeetingExplorer(demo)
    widget = explorer.figure
    assert isinstance(widget, go.FigureWidget)
    before = _ys(widget)
    assert len(widget.data) == 6  # six pairs met or plan to
    explorer.actors.value = ["Xi Jinping", "Vladimir Putin"]
    assert explorer.figure is widget  # updated, not rebuilt
    assert [t.name for t in widget.data] == ["Vladimir Putin – Xi Jinping (n = 2)"]
    assert _ys(widget) != before
    assert (
        widget.layout.title.text
        == "Meetings between Xi Jinping and Vladimir Putin per month, by actor pair"
    )
    assert explorer.rows["meeting_id"].tolist() == [
        "cnn-2023-03-17:m3",
        "cnn-2023-03-17:m0",
        "reuters-2023-03-21:m0",
        "kompas-2023-03-22:m0",
    ]
    assert "held talks in the Kremlin on Tuesday" in explorer.table.value
    assert "href='https://news.example.org/reuters-2023-03-21'" in explorer.table.value
    assert widget.layout.template.layout.plot_bgcolor == "white"  # the charts' own template


def test_meeting_explorer_controls(demo):
    explorer = MeetingExplorer(demo, actors=["Xi Jinping"])
    explorer.period.value = "year"
    assert {pd.Timestamp(x).year for t in explorer.figure.data for x in t.x} == {2022, 2023}
    explorer.statuses.value = ("happened",)
    assert all("planned" not in t.name for t in explorer.figure.data)
    explorer.modes.value = ("phone",)
    assert [t.name for t in explorer.figure.data] == ["Volodymyr Zelensky – Xi Jinping (n = 1)"]
    explorer.modes.value = ()
    explorer.view.value = "timeline"
    assert explorer.figure.data[0].type == "scatter"
    assert explorer.figure.layout.title.text == "Meetings of Xi Jinping: timeline"
    explorer.undated.value = True
    assert "undated" not in (explorer.figure.layout.title.subtitle.text or "")
    explorer.sources.value = ("Reuters",)
    assert set(explorer.rows["source"]) == {"Reuters"}
    explorer.languages.value = ("en",)
    explorer.sources.value = ("Antara",)  # Indonesian outlet + English only: nothing
    assert is_empty(go.Figure(explorer.figure))
    assert "No rows" in explorer.table.value


def test_date_range_slider_limits_the_view(demo):
    explorer = MeetingExplorer(demo)
    months = [v for _, v in explorer.dates.options]
    start = months.index(pd.Timestamp("2023-01-01"))
    explorer.dates.index = (start, len(months) - 1)
    assert explorer.rows["date_start"].min() >= pd.Timestamp("2023-01-01")


def test_actor_search_keeps_the_selection(demo):
    explorer = MeetingExplorer(demo)
    picker = explorer.actors
    picker.value = ["Xi Jinping"]
    picker.search.value = "put"
    labels = [label for label, _ in picker.list.options]
    assert labels[0].startswith("Vladimir Putin") or labels[1].startswith("Vladimir Putin")
    assert any(label.startswith("Xi Jinping") for label in labels)  # still listed: selected
    assert not any(label.startswith("Joko") for label in labels)
    assert picker.value == ("Q15031",)
    with pytest.raises(KeyError):
        picker.value = ["Nobody"]


def test_quote_explorer(demo):
    explorer = QuoteSentimentExplorer(demo)
    mean = next(t for t in explorer.figure.data if t.name.startswith("mean"))
    assert len(mean.x) == 9
    explorer.actors.value = ["Vladimir Putin"]
    mean = next(t for t in explorer.figure.data if t.name.startswith("mean"))
    assert list(mean.x) == pytest.approx([0.5333333])
    assert set(explorer.rows["speaker"]) == {"Vladimir Putin"} and len(explorer.rows) == 3
    explorer.view.value = "over time"
    assert [t.name for t in explorer.figure.data] == ["Vladimir Putin (n = 3)"]
    explorer.actors.value = []
    assert [t.name for t in explorer.figure.data] == ["all speakers (n = 15)"]
    explorer.view.value = "by speaker"
    explorer.min_quotes.value = 3
    mean = next(t for t in explorer.figure.data if t.name.startswith("mean"))
    assert len(mean.x) == 2  # Putin and Zelensky have 3 quotes


def test_network_explorer(demo):
    explorer = ActorNetworkExplorer(demo)

    def nodes():
        return {a for t in explorer.figure.data if t.mode == "markers+text" for a in t.customdata}

    everyone = nodes()
    assert len(everyone) == 11
    explorer.focus.value = "Q4350773"  # Dmytro Kuleba
    assert nodes() == {"Q4350773", "Q17635966"}  # Kuleba and Qin Gang (their phone call)
    assert "around Dmytro Kuleba" in explorer.figure.layout.title.text
    explorer.focus.value = None
    explorer.kinds.value = ("met",)
    assert {t.legendgroup for t in explorer.figure.data if t.mode == "lines"} == {"met"}
    explorer.min_weight.value = 2
    details = next(t for t in explorer.figure.data if t.name == "link details")
    assert len(details.x) == 2  # Jokowi–Putin and Xi–Putin met twice
    assert set(explorer.rows["kind"]) == {"met"}
    explorer.max_nodes.value = 5
    assert len(nodes()) <= 5
    # positions are fixed: the same actor stays where it was
    xs = {
        a: x
        for t in explorer.figure.data
        if t.mode == "markers+text"
        for a, x in zip(t.customdata, t.x, strict=True)
    }
    assert xs["Q7747"] == explorer.positions["Q7747"][0]


def test_explorers_on_an_empty_analysis_show_nothing_to_show():
    empty = na.Analysis()
    for cls in (MeetingExplorer, QuoteSentimentExplorer, ActorNetworkExplorer):
        explorer = cls(empty)
        assert is_empty(go.Figure(explorer.figure)), cls.__name__
        assert explorer.rows.empty
        assert explorer.dates.disabled


def test_export_writes_chart_and_rows(demo, tmp_path, no_chromium):
    explorer = MeetingExplorer(demo, actors=["Xi Jinping", "Vladimir Putin"], export_dir=tmp_path)
    explorer.export_button.click()
    stem = "meetings_xi-jinping_vladimir-putin_month"
    for suffix in ("png", "svg", "pdf", "html", "csv"):
        assert (tmp_path / f"{stem}.{suffix}").is_file(), suffix
    assert "wrote" in explorer.status.value and "matplotlib" in explorer.status.value
    assert len(pd.read_csv(tmp_path / f"{stem}.csv")) == len(explorer.rows) == 4
    files = QuoteSentimentExplorer(demo, speakers=["Xi Jinping"]).export(
        tmp_path, formats=["html", "csv"]
    )
    assert files["path"].map(lambda p: p.name).tolist() == [
        "sentiment_xi-jinping.html",
        "sentiment_xi-jinping.csv",
    ]


def test_export_failure_is_shown_not_raised(demo, tmp_path):
    explorer = MeetingExplorer(demo, export_dir=tmp_path / "file")
    (tmp_path / "file").write_text("not a folder")
    explorer.export_button.click()
    assert "export failed" in explorer.status.value


def test_sync_figure_between_empty_and_full_figures():
    """The explorers' widget does not validate: clearing annotations must still work."""
    from newsanalysis.charts import empty_figure
    from newsanalysis.widgets._controls import figure_widget

    widget = figure_widget()
    full = go.Figure(go.Scatter(x=[1, 2], y=[3, 4]), layout=dict(title=dict(text="full")))
    for fig in (empty_figure("t", "nothing"), full, empty_figure("t", "again"), full):
        sync_figure(widget, fig)
        shown, wanted = go.Figure(widget).to_dict(), fig.to_dict()
        assert [{k: v for k, v in t.items() if k != "uid"} for t in shown["data"]] == wanted["data"]
        for key in ("annotations", "title", "xaxis", "height"):
            assert shown["layout"].get(key) == wanted["layout"].get(key), key


def test_sync_figure_replaces_stale_properties():
    widget = go.FigureWidget(go.Figure(go.Bar(x=[1], y=[1], marker=dict(pattern=dict(shape="/")))))
    sync_figure(widget, go.Figure([go.Bar(x=[2], y=[3]), go.Scatter(x=[1], y=[1])]))
    assert [t.type for t in widget.data] == ["bar", "scatter"]
    assert widget.data[0].marker.pattern.shape is None
    sync_figure(widget, go.Figure(go.Scatter(x=[5], y=[5])))
    assert [t.type for t in widget.data] == ["scatter"] and widget.data[0].x == (5,)


def test_default_min_weight_keeps_the_first_view_readable():
    from newsanalysis.widgets.network import default_min_weight

    assert default_min_weight(pd.Series([1, 1, 2]), most=5) == 1
    weights = pd.Series([9, 7, 5, 3, 3, 2, 1, 1])
    assert default_min_weight(weights, most=3) == 4  # keeps 9, 7, 5
    assert (weights >= default_min_weight(weights, most=4)).sum() <= 4


def test_network_min_weight_follows_the_view_until_the_user_sets_it(demo, monkeypatch):
    import newsanalysis.widgets.network as network_widget

    monkeypatch.setattr(network_widget, "DEFAULT_LINKS", 3)
    explorer = ActorNetworkExplorer(demo)

    def links() -> int:
        details = [t for t in explorer.figure.data if t.name == "link details"]
        return len(details[0].x) if details else 0

    assert explorer.min_weight.value > 1 and 0 < links() <= 3  # a readable first view
    first = explorer.min_weight.value
    explorer.actors.value = ["Q6176"]  # Joko Widodo: fewer, lighter links
    assert explorer.min_weight.value < first and links() > 0
    explorer.actors.value = []
    assert explorer.min_weight.value == first
    explorer.min_weight.value = 1  # the user's choice: kept from now on
    assert links() > 3
    explorer.actors.value = ["Q7747"]
    assert explorer.min_weight.value == 1


def test_month_slider_is_not_stretched_by_a_few_far_dates():
    from newsanalysis.widgets._controls import month_range_slider, slider_bounds

    # 300 dates over 2019-2020, one meeting of 1952 recalled in an article, one of 2045
    dates = pd.Series(
        list(pd.date_range("2019-01-05", "2020-12-20", periods=300))
        + [pd.Timestamp("1952-06-01"), pd.Timestamp("2045-01-01")]
    )
    slider = month_range_slider(dates)
    labels = [label for label, _ in slider.options]
    assert len(labels) <= 24 and labels[0].startswith("≤ ") and labels[-1].startswith("≥ ")
    assert slider_bounds(slider) == (None, None)  # open ends: 1952 and 2045 are in the view
    slider.index = (1, len(labels) - 1)
    start, end = slider_bounds(slider)
    assert start.year == 2019 and end is None
    # a few years: every month stays, even where a small group of dates is far away
    few = pd.Series(
        list(pd.date_range("2019-09-01", "2019-09-30", periods=300)) + [pd.Timestamp("2023-03-17")]
    )
    labels = [label for label, _ in month_range_slider(few).options]
    assert (labels[0], labels[-1], len(labels)) == ("Sep 2019", "Mar 2023", 43)


@pytest.mark.parametrize("cls", [MeetingExplorer, QuoteSentimentExplorer, ActorNetworkExplorer])
def test_filter_changes_reach_the_browser(demo, cls, monkeypatch):
    """The FigureWidget sends the new title and traces to the browser, not only to Python.

    (A widget built with ``_validate=False`` stores layout changes without sending them:
    the browser kept the old title and axes under new traces.)
    """
    explorer = cls(demo)
    widget = explorer.figure
    sent: dict = {}

    def update_msg(restyle_data, relayout_data, trace_indexes=None, **_):
        sent.update(relayout_data)

    def relayout_msg(layout_data, **_):
        sent.update(layout_data)

    monkeypatch.setattr(widget, "_send_update_msg", update_msg)
    monkeypatch.setattr(widget, "_send_relayout_msg", relayout_msg)
    title = widget.layout.title.text
    explorer.actors.value = list(explorer.actors._actors["actor_id"].head(2))
    assert widget.layout.title.text != title
    assert "title" in sent and sent["title"]["text"] == widget.layout.title.text
