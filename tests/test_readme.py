"""The README's Python quick start runs as written (on the bundled sample)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _quickstart_code() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start in Python", 1)[1]
    match = re.search(r"```python\n(.*?)```", section, re.S)
    assert match, "README has no python block under 'Quick start in Python'"
    return match.group(1)


def test_quickstart_reads_a_folder_placeholder():
    code = _quickstart_code()
    assert 'na.load("my-news/")' in code
    assert "na.analyze(corpus)" in code


@pytest.mark.slow
def test_quickstart_runs_on_the_sample(tmp_path, monkeypatch):
    import newsanalysis as na

    code = _quickstart_code().replace('"my-news/"', repr(str(na.sample_path())))
    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    exec(compile(code, "README.md quick start", "exec"), namespace)
    result = namespace["result"]
    assert len(result.articles) > 250
    assert len(result.meetings) > 0 and len(result.quotes) > 0
    assert (tmp_path / "results" / "my-news").is_dir()
    again = na.Analysis.load(tmp_path / "results" / "my-news")
    assert len(again.quotes) == len(result.quotes)
    assert len(namespace["xi"].articles) <= len(result.articles)
