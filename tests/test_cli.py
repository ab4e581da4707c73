"""cli.py: the ``newsanalysis`` command: help, summary line, errors on stderr, exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import newsanalysis as na
from newsanalysis.cli import main
from newsanalysis.scale import is_store

FORMATS = Path(__file__).parent / "data" / "formats"


def test_help_lists_commands_formats_and_examples(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    text = capsys.readouterr().out
    for expected in ("analyze", "summary", "newsanalysis analyze data/ --out results/", ".xlsx"):
        assert expected in text


def test_analyze_help_explains_errors_and_exit_status(capsys):
    with pytest.raises(SystemExit):
        main(["analyze", "--help"])
    text = capsys.readouterr().out
    assert "--out DIR" in text and "--sheet" in text and "--strict" in text
    assert "exit status: 0" in text


def test_no_command_prints_help(capsys):
    assert main([]) == 0
    assert "usage: newsanalysis" in capsys.readouterr().out


def test_analyze_clean_inputs_summary_and_saved_tables(tmp_path, capsys):
    out = tmp_path / "out"
    code = main(
        ["analyze", str(FORMATS / "articles.jsonl"), "--out", str(out), "-q", "--engine", "serial"]
    )
    captured = capsys.readouterr()
    assert code == 0
    assert captured.out.startswith("3 articles read, 0 errors (0 inputs not loaded)")
    assert f"tables saved to {out}/" in captured.out
    assert captured.err == ""
    result = na.Analysis.load(out)
    assert result.articles["article_id"].tolist() == ["jl-1", "jl-2", "jl-3"]


def test_analyze_reports_errors_on_stderr_and_exits_1(tmp_path, capsys):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "ok.txt").write_text("Presiden bertemu menteri di Jakarta.", encoding="utf-8")
    code = main(
        [
            "analyze",
            str(tmp_path),
            str(FORMATS / "articles.xlsx"),
            "--out",
            str(tmp_path / "o"),
            "-q",
            "--engine",
            "serial",
        ]
    )
    captured = capsys.readouterr()
    assert code == 1
    assert f"error: {tmp_path / 'empty.txt'}: [load] empty file" in captured.err
    assert "note: " in captured.err and "berita_label" in captured.err
    assert captured.out.startswith("4 articles read, 1 errors (1 inputs not loaded)")
    assert len(na.Analysis.load(tmp_path / "o").errors) == 1


def test_analyze_strict_and_nothing_readable_exit_2(tmp_path, capsys):
    (tmp_path / "empty.txt").write_bytes(b"")
    assert main(["analyze", str(tmp_path), "--out", str(tmp_path / "o"), "-q"]) == 2
    assert "no article could be read" in capsys.readouterr().err
    (tmp_path / "ok.txt").write_text("Presiden bertemu menteri.", encoding="utf-8")
    assert main(["analyze", str(tmp_path), "--out", str(tmp_path / "o"), "--strict", "-q"]) == 2
    assert "empty.txt: empty file" in capsys.readouterr().err
    assert main(["analyze", str(tmp_path), "--out", str(tmp_path / "o"), "--language", "xx!"]) == 2


def test_summary_command(tmp_path, capsys):
    main(
        [
            "analyze",
            str(FORMATS / "feed.rss"),
            "--out",
            str(tmp_path / "o"),
            "-q",
            "--engine",
            "serial",
        ]
    )
    capsys.readouterr()
    assert main(["summary", str(tmp_path / "o")]) == 0
    assert "articles     2" in capsys.readouterr().out
    assert main(["summary", str(tmp_path / "nothing")]) == 2


def test_console_script_runs_as_a_module():
    done = subprocess.run(
        [sys.executable, "-m", "newsanalysis", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.startswith("newsanalysis ")


# --------------------------------------------------------------------------- result stores


def _write_articles(folder: Path, texts: dict[str, str]) -> None:
    folder.mkdir(exist_ok=True)
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")


NEWS = {
    "a": "Presiden Joko Widodo bertemu Perdana Menteri Mahathir Mohamad di Bogor, Jumat. "
    '"Kami sepakat memperkuat kerja sama," kata Jokowi kepada wartawan.',
    "b": "President Joko Widodo spoke by telephone with Prime Minister Scott Morrison on "
    "Monday, the palace said.",
    "c": "Menteri Luar Negeri Retno Marsudi menerima kunjungan Menteri Luar Negeri Jepang "
    "di Jakarta, Selasa.",
}


def test_analyze_help_documents_store_options(capsys):
    with pytest.raises(SystemExit):
        main(["analyze", "--help"])
    text = capsys.readouterr().out
    for option in ("--store", "--incremental", "--engine", "dask", "--chunk-size", "--duplicates"):
        assert option in text
    assert "na.open_result" in text and "docs/performance.md" in text


def test_store_option_writes_a_store_with_the_saved_tables(tmp_path, capsys):
    _write_articles(tmp_path / "news", NEWS)
    inputs = [str(tmp_path / "news"), "-q", "--engine", "serial"]
    assert main(["analyze", *inputs, "--out", str(tmp_path / "saved")]) == 0
    capsys.readouterr()
    code = main(["analyze", *inputs, "--out", str(tmp_path / "store"), "--store"])
    out = capsys.readouterr().out
    assert code == 0
    assert out.startswith("3 articles read, 0 errors (0 inputs not loaded)")
    assert f"result store {tmp_path / 'store'}/ (run 1) holds 3 articles" in out
    assert is_store(tmp_path / "store")
    assert not (tmp_path / "store" / "articles.parquet").exists()
    saved = na.Analysis.load(tmp_path / "saved")
    stored = na.open_result(tmp_path / "store").to_analysis()
    for table in ("articles", "mentions", "quotes", "meetings"):
        assert_same_rows(getattr(saved, table), getattr(stored, table), table)


def assert_same_rows(a, b, name):
    import pandas as pd

    pd.testing.assert_frame_equal(a.reset_index(drop=True), b.reset_index(drop=True), obj=name)


def test_incremental_option_analyses_only_new_and_changed_articles(tmp_path, capsys):
    news, store = tmp_path / "news", tmp_path / "store"
    _write_articles(news, {k: NEWS[k] for k in ("a", "b")})
    run = ["analyze", str(news), "--out", str(store), "-q", "--engine", "serial"]
    assert main([*run, "--incremental"]) == 0  # the first run creates the store
    assert "holds 2 articles" in capsys.readouterr().out
    _write_articles(news, {"b": NEWS["b"] + " They discussed trade.", "c": NEWS["c"]})
    assert main([*run, "--incremental"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("3 articles read (1 unchanged, skipped; 1 changed), 0 errors")
    assert "(run 2) holds 3 articles" in out
    lazy = na.open_result(store)
    assert lazy.runs[-1]["articles_processed"] == 2
    texts = lazy.query("select article_id, text from articles order by article_id")
    assert texts["article_id"].tolist() == ["a", "b", "c"]
    assert texts["text"].iloc[1].endswith("They discussed trade.")


def test_store_refuses_an_existing_store_without_incremental(tmp_path, capsys):
    _write_articles(tmp_path / "news", {"a": NEWS["a"]})
    run = ["analyze", str(tmp_path / "news"), "--out", str(tmp_path / "s"), "-q", "--store"]
    assert main(run) == 0
    capsys.readouterr()
    assert main(run) == 2
    assert "already holds a result store; add --incremental" in capsys.readouterr().err


def test_store_run_reports_its_errors_and_exits_1(tmp_path, capsys):
    _write_articles(tmp_path / "news", {"a": NEWS["a"]})
    (tmp_path / "news" / "empty.txt").write_bytes(b"")
    code = main(["analyze", str(tmp_path / "news"), "--out", str(tmp_path / "s"), "-q", "--store"])
    captured = capsys.readouterr()
    assert code == 1
    assert "empty.txt: [load] empty file" in captured.err
    assert captured.out.startswith("1 articles read, 1 errors (1 inputs not loaded)")


def test_summary_of_a_store_lists_counts_and_runs(tmp_path, capsys):
    _write_articles(tmp_path / "news", NEWS)
    main(["analyze", str(tmp_path / "news"), "--out", str(tmp_path / "s"), "-q", "--store"])
    capsys.readouterr()
    assert main(["summary", str(tmp_path / "s")]) == 0
    out = capsys.readouterr().out
    assert "articles     3" in out
    assert "run 1 (" in out and "3 articles read, 3 analysed, 0 unchanged" in out


def test_duplicates_and_chunk_size_options(tmp_path, capsys):
    _write_articles(tmp_path / "news", {"a": NEWS["a"], "copy": NEWS["a"], "b": NEWS["b"]})
    run = ["analyze", str(tmp_path / "news"), "-q", "--engine", "serial", "--chunk-size", "1"]
    assert main([*run, "--out", str(tmp_path / "exact"), "--duplicates", "exact"]) == 0
    assert main([*run, "--out", str(tmp_path / "none"), "--duplicates", "none"]) == 0
    marked = na.Analysis.load(tmp_path / "exact").articles.set_index("article_id")["duplicate_of"]
    assert marked.dropna().to_dict() == {"copy": "a"}
    assert na.Analysis.load(tmp_path / "none").articles["duplicate_of"].isna().all()
    with pytest.raises(SystemExit) as exit_info:
        main([*run[:-2], "--chunk-size", "0", "--out", str(tmp_path / "x")])
    assert exit_info.value.code == 2
    assert "must be at least 1" in capsys.readouterr().err


@pytest.mark.slow
def test_dask_store_run_reads_parquet_inputs_on_the_workers(tmp_path, capsys):
    pytest.importorskip("distributed")
    import pandas as pd

    frame = pd.DataFrame(
        {"article_id": list(NEWS), "content": list(NEWS.values()), "date": "2019-11-12"}
    )
    (tmp_path / "in").mkdir()
    frame.iloc[:2].to_parquet(tmp_path / "in" / "part-0.parquet")
    frame.iloc[2:].to_parquet(tmp_path / "in" / "part-1.parquet")
    code = main(
        ["analyze", str(tmp_path / "in"), "--out", str(tmp_path / "s"), "--store", "-q",
         "--engine", "dask", "--workers", "1"]
    )  # fmt: skip
    assert code == 0, capsys.readouterr().err
    lazy = na.open_result(tmp_path / "s")
    assert lazy.runs[-1]["engine"] == "dask" and lazy.runs[-1]["partitions"] == 2
    assert sorted(lazy.query("select article_id from articles")["article_id"]) == ["a", "b", "c"]
