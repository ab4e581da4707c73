"""Every notebook runs top to bottom on a fresh kernel (nbclient), on the bundled sample
and, for the explorers, on the demo analysis (so the widgets are exercised with data
even while the sample yields few meetings)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import nbformat
import pytest
from demo_analysis import make_demo_analysis
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError

import newsanalysis as na
from newsanalysis.errors import NewsAnalysisError

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
EXPLORERS = ["01_meeting_frequency", "02_quote_sentiment", "03_actor_network"]
CELL_TIMEOUT = 300


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(scope="module")
def demo_result(tmp_path_factory) -> Path:
    return make_demo_analysis().save(tmp_path_factory.mktemp("demo") / "result")


def _run(name: str, workdir: Path) -> nbformat.NotebookNode:
    """Execute a copy of the notebook in ``workdir``; one retry if the kernel hangs."""
    source = NOTEBOOKS / f"{name}.ipynb"
    target = workdir / source.name
    shutil.copy(source, target)
    for attempt in (1, 2):
        nb = nbformat.read(target, as_version=4)
        client = NotebookClient(
            nb,
            timeout=CELL_TIMEOUT,
            kernel_name="python3",
            resources={"metadata": {"path": str(workdir)}},
            store_widget_state=True,
        )
        try:
            client.execute()
            return nb
        except (CellTimeoutError, DeadKernelError):
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def _outputs(nb) -> list:
    return [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]


def _figure_traces(nb) -> list[dict]:
    """The traces of the plotly FigureWidget(s) saved in the notebook's widget state."""
    state = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {})
    traces = []
    for model in state.get("state", {}).values():
        fields = model.get("state", {})
        data = fields.get("_widget_data", fields.get("_data"))  # plotly 7 (anywidget) / 5
        if isinstance(data, list):
            traces.extend(data)
    return traces


def _length(values) -> int:
    """Number of points in a saved trace array (a list, or a typed array ``{shape: [n]}``)."""
    if isinstance(values, list):
        return len(values)
    if isinstance(values, dict) and values.get("shape"):
        return int(values["shape"][0])
    return 0


def _check_explorer_output(nb) -> None:
    outputs = _outputs(nb)
    assert not [o for o in outputs if o.output_type == "error"]
    views = [o for o in outputs if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
    assert len(views) == 1, "the explorer is displayed once"


@pytest.fixture
def sample_env(monkeypatch, cache_dir):
    try:
        na.sample_path()
    except NewsAnalysisError as exc:
        pytest.skip(f"no bundled sample: {exc}")
    monkeypatch.setenv("NEWSANALYSIS_CACHE", str(cache_dir))
    monkeypatch.delenv("NEWSANALYSIS_SAMPLE_RESULT", raising=False)


@pytest.mark.slow
def test_quickstart_runs(tmp_path, sample_env):
    nb = _run("00_quickstart", tmp_path)
    assert not [o for o in _outputs(nb) if o.output_type == "error"]
    saved = tmp_path / "results" / "my-corpus"
    assert (saved / "articles.parquet").is_file()
    assert len(na.Analysis.load(saved).articles) >= 1


@pytest.mark.slow
@pytest.mark.parametrize("name", EXPLORERS)
def test_explorer_notebook_runs_on_the_sample(name, tmp_path, sample_env):
    nb = _run(name, tmp_path)
    _check_explorer_output(nb)
    assert _figure_traces(nb) is not None


@pytest.mark.slow
@pytest.mark.parametrize("name", EXPLORERS)
def test_explorer_notebook_shows_data(name, tmp_path, monkeypatch, demo_result):
    monkeypatch.setenv("NEWSANALYSIS_SAMPLE_RESULT", str(demo_result))
    nb = _run(name, tmp_path)
    _check_explorer_output(nb)
    traces = _figure_traces(nb)
    assert traces, "the chart has traces"
    points = sum(_length(t.get("x")) for t in traces)
    assert points > 0, json.dumps(traces)[:500]


def test_notebooks_are_committed_without_outputs():
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), path.name
        assert nb.metadata.kernelspec.name == "python3"
        assert (path.with_suffix(".py")).is_file(), f"{path.name} has no paired .py"
