"""cli.py: the ``newsanalysis`` command: help, summary line, errors on stderr, exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import newsanalysis as na
from newsanalysis.cli import main

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
