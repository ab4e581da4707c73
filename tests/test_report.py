"""The report: one offline HTML file with the three views and their tables (+ PDF)."""

import pandas as pd
import pytest
from demo_analysis import make_demo_analysis

import newsanalysis as na
from newsanalysis import report as report_module
from newsanalysis.charts import export as export_module
from newsanalysis.cli import main
from newsanalysis.report import build_report


@pytest.fixture(scope="module")
def demo():
    return make_demo_analysis()


def test_report_has_three_views_with_tables_and_works_offline(demo, tmp_path):
    written = build_report(demo, tmp_path / "report.html")
    page = written["html"].read_text(encoding="utf-8")
    for heading in ("Meetings: who met whom", "Quotes: who said what", "Network: who is connected"):
        assert heading in page
    for caption in (
        "Meeting reports",
        "Sentiment per speaker",
        "Quotes",
        "Links",
        "Sentences behind the links",
    ):
        assert f"<h3>{caption}</h3>" in page
    assert page.count('class="plotly-graph-div"') == 5  # 2 meeting, 2 sentiment, 1 network charts
    head = page.split("<body")[0]
    assert len(head) > 3_000_000 and "<script src" not in page  # plotly.js inlined once, no CDN
    assert "held talks in the Kremlin on Tuesday" in page
    assert "View: whole corpus" in page


def test_report_filter_by_actor_and_date(demo, tmp_path):
    written = build_report(demo, tmp_path / "xi.html", actors=["Xi Jinping"], start="2023-01-01")
    page = written["html"].read_text(encoding="utf-8")
    assert "actors: Xi Jinping; from 01 Jan 2023" in page
    assert (
        "Jokowi bertemu Xi Jinping di Bali"
        not in page.split("<h3>Meeting reports</h3>")[1].split("<h2")[0]
    )
    assert "Quotes of Xi Jinping" in page


def test_unknown_actor_is_a_clear_error(demo, tmp_path):
    with pytest.raises(
        na.NewsAnalysisError, match="no actor named 'Nobody'.*most mentioned: Vladimir Putin"
    ):
        build_report(demo, tmp_path / "r.html", actors="Nobody")


def test_empty_result_gives_a_report_that_says_nothing_to_show(tmp_path):
    page = build_report(na.Analysis(), tmp_path / "empty.html")["html"].read_text(encoding="utf-8")
    assert page.count("Nothing to show") >= 5


def test_pdf_without_chromium_uses_matplotlib(demo, tmp_path, monkeypatch):
    monkeypatch.setattr(report_module, "find_chromium", lambda: None)
    monkeypatch.setattr(export_module, "find_chromium", lambda: None)
    with pytest.warns(UserWarning, match="PDF drawn with matplotlib"):
        written = build_report(demo, tmp_path / "r.html", pdf=True)
    assert written["pdf"].read_bytes()[:4] == b"%PDF"


def test_cli_report(demo, tmp_path, capsys):
    demo.save(tmp_path / "result")
    code = main(
        [
            "report",
            str(tmp_path / "result"),
            "--out",
            str(tmp_path / "r.html"),
            "--actor",
            "Vladimir Putin",
            "--period",
            "quarter",
        ]
    )
    assert code == 0
    assert f"html: {tmp_path / 'r.html'}" in capsys.readouterr().out
    assert (
        main(
            [
                "report",
                str(tmp_path / "result"),
                "--actor",
                "Nobody",
                "--out",
                str(tmp_path / "x.html"),
            ]
        )
        == 2
    )
    assert "no actor named 'Nobody'" in capsys.readouterr().err


def test_cli_report_reads_a_store(tmp_path, capsys):
    pytest.importorskip("duckdb")
    corpus = na.load_table(
        pd.DataFrame(
            {
                "content": [
                    "Presiden Joko Widodo bertemu Presiden China Xi Jinping di Beijing, Senin (9/9/2019).",
                    "Xi Jinping and Vladimir Putin held talks in Moscow on Tuesday, officials said.",
                ],
                "date": ["2019-09-09", "2019-09-10"],
            }
        )
    )
    na.analyze(corpus, engine="serial", out=tmp_path / "store")
    assert main(["report", str(tmp_path / "store"), "--out", str(tmp_path / "r.html")]) == 0
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "Corpus: 2 articles" in page


@pytest.mark.slow
def test_pdf_printed_by_chromium(demo, tmp_path):
    if report_module.find_chromium() is None:
        pytest.skip("no Chromium on this machine (apt-get install chromium)")
    written = build_report(demo, tmp_path / "r.html", pdf=True)
    pdf = written["pdf"].read_bytes()
    assert pdf[:4] == b"%PDF" and pdf.count(b"/Type /Page") + pdf.count(b"/Type/Page") >= 3
