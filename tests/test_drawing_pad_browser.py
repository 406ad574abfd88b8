"""The drawing pad in JupyterLab, in a real (headless) Chromium: the keyboard reaches the canvas and draws,
and a photo given to the upload is read.

Uses the JupyterLab server of tests/test_browser.py (a copy of the workshop on 127.0.0.1).
"""
import io
import json
import urllib.request

import numpy as np
import nbformat
import pytest
from PIL import Image

from tests.chromium import CHROMIUM, browser  # noqa: F401 (browser: a fixture)
from tests.test_browser import lab, open_and_run, SHOTS  # noqa: F401 (lab: a fixture)
from tests.test_drawing_pad_handwriting import write

pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (pip install playwright)")
pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine (apt-get install chromium)")]

PATH = "solutions/pad.ipynb"


def put_notebook(lab):
    """A notebook with the setup cell of 07 and the pad, written into the server's copy of the workshop."""
    url, token, _ = lab
    first = nbformat.read("solutions/07_going_further.ipynb", as_version=4)
    setup = next(cell.source for cell in first.cells if cell.cell_type == "code")
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(setup), nbformat.v4.new_code_cell(
        "from helpers.drawing_pad import digit_reader\nfrom helpers.digits import load_digit_network\n"
        "digit_reader(load_digit_network())")]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    body = json.dumps({"type": "notebook", "format": "json", "content": json.loads(nbformat.writes(nb))}).encode()
    request = urllib.request.Request(f"{url}/api/contents/{PATH}?token={token}", data=body, method="PUT",
                                     headers={"Content-Type": "application/json"})
    urllib.request.urlopen(request, timeout=30)


def photo_of_a_seven():
    """A PNG: a 7 with a bar in blue ink on cream paper."""
    ink = np.zeros((200, 260))
    ink[40:152, 70:182] = write("7 with a bar", np.random.default_rng(5))
    colour = (1 - ink[..., None]) * [250, 240, 200] + ink[..., None] * [30, 40, 150]
    buffer = io.BytesIO()
    Image.fromarray(np.uint8(colour)).save(buffer, "PNG")
    return buffer.getvalue()


def test_keyboard_draws_on_the_pad_and_a_photo_is_read(browser, lab):
    put_notebook(lab)
    page, state = open_and_run(browser, lab, PATH, timeout=200)
    try:
        assert state is not None and state["waiting"] == 0 and state["errors"] == [], state
        canvas = page.locator(".digit-pad-canvas").first
        reader = canvas.locator("xpath=ancestor::div[contains(@class, 'widget-hbox')][1]")
        reader.get_by_text("There is no digit to read yet").wait_for(timeout=30_000)
        assert canvas.get_attribute("aria-label").startswith("Drawing pad")
        # the keyboard reaches the canvas: from the Clear button, one Shift+Tab back
        clear = page.get_by_role("button", name="Clear the drawing pad")
        clear.focus()
        page.keyboard.press("Shift+Tab")
        assert page.evaluate("document.activeElement.classList.contains('digit-pad-canvas')")
        # and draws: pen down, a stroke down the middle, pen up
        page.keyboard.press("ArrowUp")
        for _ in range(4):
            page.keyboard.press("ArrowUp")
        page.keyboard.press(" ")
        for _ in range(9):
            page.keyboard.press("ArrowDown")
        page.keyboard.press(" ")
        reader.get_by_text("Your drawing:").wait_for(timeout=30_000)
        assert "reads 1 (" in reader.inner_text(), reader.inner_text()
        assert page.evaluate("document.activeElement.classList.contains('digit-pad-canvas')"), "focus left the pad"
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=SHOTS / "07_drawing_pad_keyboard.png")
        # Delete clears
        page.keyboard.press("Delete")
        reader.get_by_text("There is no digit to read yet").wait_for(timeout=30_000)
        # a photo
        with page.expect_file_chooser() as chooser:
            reader.get_by_role("button", name="Read a photo").click()
        chooser.value.set_files(files=[{"name": "seven.png", "mimeType": "image/png", "buffer": photo_of_a_seven()}])
        reader.get_by_text("The photo seven.png:").wait_for(timeout=30_000)
        assert "reads 7 (" in reader.inner_text(), reader.inner_text()
        page.screenshot(path=SHOTS / "07_drawing_pad_photo.png")
    finally:
        page.close()
