"""The notebooks as people use them: JupyterLab in a real (headless) Chromium.

Starts JupyterLab on 127.0.0.1 with a temporary token, in a copy of the workshop
(so nothing in the repository is saved over). Runs a notebook that shows every widget
of the workshop and uses each one (nbval has already executed the solutions
themselves), one student notebook, and notebook 00 as slides, and looks at the page. Screenshots go to screenshots/.
Needs Playwright (pip) and the system's Chromium (Debian's chromium package);
skipped, with the reason, without them.
"""
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest

from tests.chromium import CHROMIUM, browser  # noqa: F401 (browser: a fixture)

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "screenshots"
SOLUTIONS = sorted(p.name for p in (ROOT / "solutions").glob("*.ipynb"))

playwright = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (pip install playwright)")
pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine (apt-get install chromium)")]

# JavaScript run in the page: is the notebook done (kernel idle, and every cell run or an error shown)?
STATE = """() => {
  const panel = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  if (!panel || !panel.content || !panel.content.model || !panel.sessionContext.session) return null;
  const kernel = panel.sessionContext.session.kernel;
  const cells = panel.content.model.cells;
  let waiting = 0, errors = [];
  for (let i = 0; i < cells.length; i++) {
    const cell = cells.get(i);
    if (cell.type !== "code" || !cell.sharedModel.getSource().trim()) continue;
    if (cell.executionCount === null) waiting++;
    for (const output of cell.outputs.toJSON())
      if (output.output_type === "error") errors.push(output.ename + ": " + output.evalue);
  }
  return {idle: kernel !== null && kernel.status === "idle", waiting, errors};
}"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab server on a copy of the workshop; yields its base URL, token and the widgets notebook."""
    workdir = tmp_path_factory.mktemp("workshop")
    for name in ("helpers", "data", "solutions", "notebooks"):
        shutil.copytree(ROOT / name, workdir / name)
    settings = tmp_path_factory.mktemp("settings")  # render every cell, not only those in view
    tracker = settings / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings"
    tracker.parent.mkdir(parents=True)
    tracker.write_text('{"windowingMode": "none"}')
    news = settings / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
    news.parent.mkdir(parents=True)
    news.write_text('{"fetchNews": "false", "checkForUpdates": false}')
    port, token = free_port(), secrets.token_hex(16)
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "lab", "--no-browser", f"--ServerApp.port={port}",
         "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={workdir}",
         "--LabApp.expose_app_in_browser=True", "--ServerApp.port_retries=0", "--ServerApp.allow_root=True",
         f"--LabApp.user_settings_dir={settings}", f"--LabApp.workspaces_dir={settings}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "JUPYTER_PLATFORM_DIRS": "1"})
    url = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2)
            break
        except OSError:
            time.sleep(0.5)
    else:
        server.terminate()
        pytest.fail("JupyterLab did not start within 60 s")
    yield url, token, widgets_notebook(workdir)
    server.terminate()
    server.wait(timeout=30)


def open_and_run(browser, lab, path, timeout=400):
    """Open a notebook in JupyterLab, run all its cells, wait until done; return the page and final state."""
    url, token, _ = lab
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    workspace = secrets.token_hex(4)  # a fresh workspace: no tabs restored from an earlier test
    page.goto(f"{url}/lab/workspaces/{workspace}/tree/{path}?token={token}&reset")
    page.wait_for_function(f"""() => {{
        const panel = window.jupyterapp && window.jupyterapp.shell.currentWidget;
        return panel && panel.context && panel.context.path === "{path}" && ({STATE})() && ({STATE})().idle;
    }}""", timeout=120_000)
    page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
    deadline = time.time() + timeout
    state = None
    while time.time() < deadline:
        page.wait_for_timeout(1000)
        state = page.evaluate(STATE)
        if state and state["idle"] and (state["waiting"] == 0 or state["errors"]):
            break
    return page, state


def widgets_notebook(workdir):
    """A notebook that shows every widget of the workshop, called as the notebooks call them.

    The solution notebooks themselves are executed by nbval; here only the page matters:
    does each widget render in JupyterLab, and does it respond?
    """
    first = nbformat.read(ROOT / "solutions" / SOLUTIONS[1], as_version=4)
    setup = next(cell.source for cell in first.cells if cell.cell_type == "code")
    cells = [setup, "import helpers\ntrain, validation, test = helpers.load_mnist()", *WIDGET_CELLS]
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(source) for source in cells]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, workdir / "solutions" / "widgets.ipynb")
    return "solutions/widgets.ipynb"


WIDGET_CELLS = [
    "from helpers.widgets import explore_digits\nexplore_digits(*validation)",
    "net = helpers.Network([784, 10, 10])\n"
    "history = net.sgd(*[a[:2000] for a in train], 2, 100, 3.0, validation=validation,\n"
    "                  callback=helpers.TrainingProgress(2))",
    "from helpers.widgets import hyperparameter_explorer\nhyperparameter_explorer(train, validation, train_size=1000)",
    "from helpers.drawing_pad import digit_reader\nfrom helpers.digits import load_digit_network\n"
    "digit_reader(load_digit_network())",
]


def test_widgets_render_and_respond_in_jupyterlab(browser, lab):
    page, state = open_and_run(browser, lab, lab[2])
    SHOTS.mkdir(exist_ok=True)
    try:
        assert state is not None and state["waiting"] == 0, f"not every cell ran: {state}"
        assert state["errors"] == [], f"errors in the page: {state['errors']}"
        # 01: the image explorer redraws when the slider moves
        explorer = page.locator(".widget-interact").first
        image = explorer.locator("img").first
        image.wait_for(timeout=30_000)
        before = image.get_attribute("src")
        explorer.locator(".widget-slider .noUi-handle").first.focus()
        page.keyboard.press("ArrowRight")
        page.wait_for_function("""before => {
            const image = document.querySelector('.widget-interact img');
            return image !== null && image.getAttribute('src') !== before;
        }""", arg=before, timeout=30_000)
        # 04: the progress bar of training
        page.locator(".widget-hprogress").first.wait_for(state="attached", timeout=30_000)
        # 05: the hyperparameter sliders; pressing the button trains and reports
        button = page.locator(".widget-button", has_text="Train").first
        button.scroll_into_view_if_needed()
        button.click()
        page.get_by_text("validation accuracy after").first.wait_for(timeout=120_000)
        page.screenshot(path=SHOTS / "widgets.png")
        # 07: the drawing pad reads a stroke
        draw_a_digit(page)
    finally:
        page.close()


def draw_a_digit(page):
    """Draw a stroke on the pad with the mouse: the network's reading must appear next to it."""
    canvas = page.locator(".digit-pad-canvas").first
    reader = canvas.locator("xpath=ancestor::div[contains(@class, 'widget-hbox')][1]")
    reader.get_by_text("There is no digit to read yet").wait_for(timeout=30_000)
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    x, top, bottom = box["x"] + box["width"] * 0.5, box["y"] + box["height"] * 0.15, box["y"] + box["height"] * 0.85
    page.mouse.move(x, top)
    page.mouse.down()
    for k in range(1, 21):
        page.mouse.move(x - k * 0.5, top + (bottom - top) * k / 20)
    page.mouse.up()
    reader.locator("img").first.wait_for(timeout=30_000)
    assert reader.get_by_text("There is no digit to read yet").count() == 0
    page.screenshot(path=SHOTS / "07_drawing_pad.png")


def test_student_notebook_shows_the_friendly_message(browser, lab):
    page, state = open_and_run(browser, lab, "notebooks/01_load_and_plot.ipynb")
    try:
        assert state["errors"] and state["errors"][0].startswith("CheckFailed"), state
        message = page.get_by_text("show_images is not written yet").first
        message.wait_for(timeout=30_000)
        message.scroll_into_view_if_needed()
        assert page.get_by_text("Traceback").count() == 0
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=SHOTS / "student_01_first_todo.png")
    finally:
        page.close()


def test_introduction_presents_as_slides_in_rise(browser, lab):
    """Notebook 00 opens as a slide show with JupyterLab's RISE extension."""
    url, token, _ = lab
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    try:
        page.goto(f"{url}/rise/solutions/00_introduction.ipynb?token={token}")
        page.wait_for_function("document.querySelectorAll('.reveal .slides section').length >= 10", timeout=60_000)
        page.keyboard.press("ArrowRight")
        page.locator("h2:visible", has_text="Why machine learning?").first.wait_for(timeout=30_000)
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=SHOTS / "00_introduction_rise.png")
    finally:
        page.close()
