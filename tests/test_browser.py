"""Real-browser test: JupyterLab + Debian's Chromium through Playwright.

Starts JupyterLab on 127.0.0.1 with a fixed token on copies of the notebooks, opens each
one in the system Chromium (no browser download), waits for the kernel to be idle, runs
all cells, checks that the explorer renders, changes the actor filter and checks that the
chart's data change, clicks Export and checks the files. Screenshots go to
``artifacts/screenshots/`` (printed). The explorers run on the bundled sample when it
gives each explorer something to show, else on the demo analysis of the tests.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from demo_analysis import make_demo_analysis

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
TOKEN = "newsanalysis-browser-test"
CHROMIUM = ("/usr/lib/chromium/chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser")
TIMEOUT_MS = 120_000


def _chromium() -> str:
    for path in CHROMIUM:
        if Path(path).is_file():
            return path
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _data_for_explorers(tmp: Path) -> tuple[Path, str]:
    """A saved result for the explorers: the sample if every explorer has data, else the demo."""
    import newsanalysis as na
    from newsanalysis.aggregate import meeting_events

    try:
        sample = na.load_sample(quiet=True)
        rich = (
            len(meeting_events(sample)) >= 2
            and sample.quotes["speaker_id"].nunique() >= 2
            and sample.mentions["actor_id"].nunique() >= 2
        )
        if rich:
            return sample.save(tmp / "sample-result"), "bundled sample"
    except na.NewsAnalysisError:
        pass
    return make_demo_analysis().save(tmp / "demo-result"), "demo analysis"


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab server on copies of the notebooks; yields (base url, folder, data)."""
    pytest.importorskip("playwright")
    _chromium()
    tmp = tmp_path_factory.mktemp("lab")
    folder = tmp / "notebooks"
    folder.mkdir()
    for path in (ROOT / "notebooks").glob("*.ipynb"):
        shutil.copy(path, folder / path.name)
    result, label = _data_for_explorers(tmp)
    settings = tmp / "settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True)
    (settings / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False})
    )
    port = _free_port()
    env = dict(
        os.environ,
        NEWSANALYSIS_SAMPLE_RESULT=str(result),
        NEWSANALYSIS_CACHE=str(tmp / "cache"),
        JUPYTER_PLATFORM_DIRS="1",
    )
    log = open(tmp / "jupyterlab.log", "w")  # noqa: SIM115 - closed at teardown
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jupyterlab",
            "--no-browser",
            "--ip=127.0.0.1",
            f"--port={port}",
            f"--IdentityProvider.token={TOKEN}",
            "--allow-root",
            "--LabApp.expose_app_in_browser=True",
            f"--LabApp.user_settings_dir={tmp / 'settings'}",
            f"--LabApp.workspaces_dir={tmp / 'workspaces'}",
            f"--ServerApp.root_dir={folder}",
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 90
        while True:
            try:
                urllib.request.urlopen(f"{base}/api/status?token={TOKEN}", timeout=2)
                break
            except OSError:
                if server.poll() is not None or time.time() > deadline:
                    raise RuntimeError(
                        "JupyterLab did not start:\n" + (tmp / "jupyterlab.log").read_text()[-2000:]
                    ) from None
                time.sleep(0.5)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        print(f"\nscreenshots: {SCREENSHOTS} (explorers on the {label})")
        yield base, folder, label
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


@pytest.fixture(scope="module")
def browser(lab):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=_chromium(),
            headless=True,
            args=["--no-sandbox", "--disable-background-networking", "--disable-gpu"],
        )
        yield chromium
        chromium.close()


KERNEL_IDLE = """() => {
  const app = window.jupyterapp;
  const panel = app && app.shell.currentWidget;
  const session = panel && panel.sessionContext && panel.sessionContext.session;
  const kernel = session && session.kernel;
  return !!kernel && kernel.connectionStatus === 'connected' && kernel.status === 'idle';
}"""

ALL_RAN = """() => {
  const prompts = [...document.querySelectorAll('.jp-Notebook .jp-InputArea-prompt')];
  const code = [...document.querySelectorAll('.jp-Notebook .jp-CodeCell')];
  return code.length > 0 && prompts.every(p => !p.textContent.includes('*'))
    && code.every(c => /\\[\\d+\\]/.test(c.querySelector('.jp-InputArea-prompt').textContent));
}"""

CHART_DATA = """() => {
  const plot = document.querySelector('.na-explorer .js-plotly-plot');
  if (!plot || !plot.data) return null;
  return JSON.stringify(plot.data.map(t => [t.name, t.x ? Array.from(t.x).length : 0,
                                            t.y ? Array.from(t.y).map(String) : []]));
}"""


#: the actor list shows only names matching the search, plus the actors already picked
LISTED = """([query, picked]) => {
  const options = [...document.querySelectorAll('.na-explorer .na-actor-list select option')];
  return options.length > 0 && options.every(o =>
    o.textContent.toLowerCase().includes(query.toLowerCase()) || picked.includes(o.textContent));
}"""

#: explorers tested along the issue's path: search and pick these actors (query, name)
USER_PICKS = {
    "01_meeting_frequency": [("Xi", "Xi Jinping"), ("Putin", "Vladimir Putin")],
}


@pytest.fixture
def page(browser, request):
    """A browser page; if the test fails, a screenshot is saved as ``FAILED-<test>.png``."""
    page = browser.new_page(viewport={"width": 1500, "height": 2400})
    page.set_default_timeout(TIMEOUT_MS)
    failures = request.session.testsfailed
    yield page
    if request.session.testsfailed > failures:
        name = "".join(c if c.isalnum() or c in "-_" else "_" for c in request.node.name)
        page.screenshot(path=str(SCREENSHOTS / f"FAILED-{name}.png"))
    page.close()


def _open_and_run(page, base: str, name: str):
    page.goto(f"{base}/lab/tree/{name}.ipynb?token={TOKEN}&reset")
    page.wait_for_selector(".jp-Notebook .jp-CodeCell")
    page.wait_for_function(KERNEL_IDLE, polling=250)
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    page.wait_for_function(ALL_RAN, polling=500)
    page.wait_for_function(KERNEL_IDLE, polling=250)
    errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
    tracebacks = [t for t in errors.all_inner_texts() if "Traceback" in t or "Error" in t]
    assert not tracebacks, tracebacks
    return page


def test_quickstart_runs_in_jupyterlab(lab, page):
    base, folder, _ = lab
    _open_and_run(page, base, "00_quickstart")
    page.screenshot(path=str(SCREENSHOTS / "00_quickstart.png"))
    assert (folder / "results" / "my-corpus" / "articles.parquet").is_file()


@pytest.mark.parametrize(
    "name, stem",
    [
        ("01_meeting_frequency", "meetings_{a}_{b}_month"),
        ("02_quote_sentiment", "sentiment_{a}_{b}"),
        ("03_actor_network", "network_{a}_{b}"),
    ],
)
def test_explorer_renders_filters_and_exports(lab, page, name, stem):
    from newsanalysis.charts.export import slug

    base, folder, _ = lab
    _open_and_run(page, base, name)
    explorer = page.locator(".na-explorer")
    explorer.wait_for()
    page.wait_for_selector(".na-explorer .js-plotly-plot .main-svg")
    assert page.locator(".na-explorer .na-actor-list select option").count() >= 2
    before = page.wait_for_function(CHART_DATA).json_value()
    explorer.screenshot(path=str(SCREENSHOTS / f"{name}-1-opened.png"))

    actor_list = page.locator(".na-explorer .na-actor-list select")
    if name in USER_PICKS:
        # the user's path of the issue: search each name, pick it; earlier picks stay listed
        picked = []
        for query, full_name in USER_PICKS[name]:
            page.locator(".na-explorer .na-actor-search input").fill(query)
            # wait until the kernel has re-listed the actors (as a user sees it happen)
            page.wait_for_function(LISTED, arg=[query, picked], polling=250)
            option = page.locator(
                ".na-explorer .na-actor-list select option", has_text=full_name
            ).first
            option.wait_for()
            picked.append(option.inner_text())
            actor_list.select_option(label=picked)
            page.wait_for_function(KERNEL_IDLE, polling=250)
    else:
        # the two actors at the top of the list (the most frequent ones)
        options = page.locator(".na-explorer .na-actor-list select option").all_inner_texts()
        picked = options[:2]
        actor_list.select_option(label=picked)
    page.wait_for_function(
        f"() => {{ const d = ({CHART_DATA})(); return d !== null && d !== {json.dumps(before)}; }}",
        polling=250,
    )
    after = page.evaluate(CHART_DATA)
    assert after != before
    if name in USER_PICKS:
        # their meetings are drawn (bars with counts) and the evidence rows are listed
        assert any(n_points > 0 for _, n_points, _ in json.loads(after)), after
        page.wait_for_selector(".na-explorer .na-rows table tbody tr")
    page.wait_for_function(KERNEL_IDLE, polling=250)
    explorer.screenshot(path=str(SCREENSHOTS / f"{name}-2-filtered.png"))

    page.locator(".na-explorer .na-export").click()
    page.wait_for_function(
        "() => /wrote|failed/.test(document.querySelector('.na-explorer .na-export-status').textContent)",
        polling=250,
    )
    status = page.locator(".na-explorer .na-export-status").inner_text()
    assert "wrote" in status, status
    # the explorer names its files after the picked actors in the order of its list
    listed = page.eval_on_selector_all(
        ".na-explorer .na-actor-list select option",
        "options => options.filter(o => o.selected).map(o => o.textContent)",
    )
    assert sorted(listed) == sorted(picked)
    names = [slug(re.sub(r"\s*·\s*[\d,]+\s*$", "", label)) for label in listed]
    expected = stem.format(a=names[0], b=names[1])
    for suffix in ("png", "svg", "pdf", "html", "csv"):
        assert (folder / "exports" / f"{expected}.{suffix}").is_file(), f"{expected}.{suffix}"
    explorer.screenshot(path=str(SCREENSHOTS / f"{name}-3-exported.png"))
