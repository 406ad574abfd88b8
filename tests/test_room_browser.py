"""The instructor's page in a real (headless) Chromium: it renders, and an event appears within a second.

Uses Playwright with the system's Chromium (as tests/test_browser.py); skipped, with the reason,
without them. Screenshots go to screenshots/room*.png.
"""
import time
from pathlib import Path

import pytest

from tests.chromium import CHROMIUM, browser  # noqa: F401 (browser: a fixture)

from helpers.check._causes import CAUSES

from room import launch

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "screenshots"

playwright = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (pip install playwright)")
expect = playwright.expect
pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine (apt-get install chromium)")]

# (name, [(todo's notebook, todo, passed, cause, seconds ago)]): a room some way into notebook 03
ROOM = [("Ada", [("02", "sigmoid", True, None, 900), ("03", "cost", True, None, 400),
                 ("03", "backprop", False, "transpose", 300), ("03", "backprop", False, "transpose", 120)]),
        ("Grace", [("02", "sigmoid", True, None, 800), ("03", "cost", True, None, 500),
                   ("03", "backprop", True, None, 60)]),
        ("Linus", [("02", "sigmoid", False, "sign", 700), ("02", "sigmoid", False, "sign", 640)]),
        ("Margaret", [("02", "sigmoid", True, None, 600), ("03", "backprop", False, "transpose", 200)]),
        ('<img src=x onerror="window.pwned=1">Eve', [("02", "sigmoid", True, None, 100)])]


def post(room, n, name, notebook, todo, passed, cause, ago):
    now = time.time()
    event = {"code": room.code, "participant": f"{n:016x}", "id": f"{n:04x}{int(ago * 1000):016x}", "name": name,
             "notebook": notebook, "todo": todo, "passed": passed, "cause": cause, "time": now - ago, "sent": now}
    status, body = room.post("/api/events", event)
    assert status == 201, body


@pytest.fixture
def room(tmp_path):
    running = launch.start(tmp_path / "room.sqlite3")
    for n, (name, runs) in enumerate(ROOM):
        for run in runs:
            post(running, n, name, *run)
    yield running
    running.stop()


def open_page(browser, room, **context):
    page = browser.new_page(**context)
    page.set_default_timeout(5000)
    problems, elsewhere = [], []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("request", lambda request: None if request.url.startswith(room.url) else elsewhere.append(request.url))
    page.goto(f"{room.url}/instructor?key={room.key}")
    page.wait_for_selector("#live:text('live')", timeout=10_000)
    return page, problems, elsewhere


def test_the_page_shows_the_room_and_a_new_event_within_a_second(browser, room):
    SHOTS.mkdir(exist_ok=True)
    page, problems, elsewhere = open_page(browser, room, viewport={"width": 1600, "height": 900})
    assert page.url == f"{room.url}/instructor"  # the key is out of the address bar (and off the projector)
    headers = page.locator("#grid thead th").all_inner_texts()
    assert headers[0] == "Participant" and headers[1].startswith("01 show_images") and len(headers) == 20
    assert headers[2].endswith("✔ 4 · ✘ 1") and headers[9].endswith("✔ 1 · ✘ 2")  # 02 sigmoid; 03 backprop
    stuck = page.locator("#stuck li").all_inner_texts()
    assert stuck == [f"backprop: 2 failing, 2 of them: {CAUSES['transpose']}; 1 passed",
                     f"sigmoid: 1 failing, 1 of them: {CAUSES['sign']}; 4 passed"]
    assert page.locator("#longest").inner_text().startswith("⚑ Stuck longest: Linus, on sigmoid (notebook 02): "
                                                            f"failing for 11 min, 2 attempts, cause: {CAUSES['sign']}")
    linus = page.locator("tr", has=page.locator("th", has_text="Linus")).locator("td").all_inner_texts()
    assert linus[0] == "· not started" and linus[1].split("\n") == ["⚑ failing", CAUSES["sign"], "2 attempts, 11 min"]
    eve = page.locator("#grid tbody th", has_text="onerror")
    assert eve.inner_text() == '<img src=x onerror="window.pwned=1">Eve'  # the name as text, not as HTML
    assert page.evaluate("window.pwned") is None and page.locator("#grid img").count() == 0
    page.screenshot(path=str(SHOTS / "room.png"), full_page=True)

    page.evaluate("window.notReloaded = true")
    post(room, 9, "Katherine", "03", "backprop", False, "transpose", 0)
    started = time.monotonic()
    page.locator("#grid tbody th", has_text="Katherine").wait_for(timeout=1000)
    expect(page.locator("#stuck li").first).to_have_text(f"backprop: 3 failing, 3 of them: {CAUSES['transpose']}; 1 passed",
                                                         timeout=1000)
    assert time.monotonic() - started < 1.0
    assert page.evaluate("window.notReloaded") is True
    assert problems == [] and elsewhere == []
    page.close()


def test_the_page_comes_back_by_itself_when_the_room_is_restarted(browser, room, tmp_path):
    page, problems, _ = open_page(browser, room)
    room.stop()
    expect(page.locator("#live")).to_have_text("✘ reconnecting…")
    again = launch.start(tmp_path / "room.sqlite3", int(room.url.rsplit(":", 1)[1]))
    try:
        expect(page.locator("#live")).to_have_text("● live", timeout=10_000)
        post(again, 9, "Katherine", "02", "sigmoid", True, None, 0)
        page.locator("#grid tbody th", has_text="Katherine").wait_for(timeout=1000)
        assert page.locator("#grid tbody tr").count() == len(ROOM) + 1
    finally:
        again.stop()
    page.close()


def test_the_page_reads_on_a_phone(browser, room):
    page, problems, _ = open_page(browser, room, viewport={"width": 390, "height": 844}, device_scale_factor=2,
                                  is_mobile=True)
    assert page.locator("#stuck li").count() == 2
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390  # the page fits; only the table scrolls sideways, in its own box
    page.screenshot(path=str(SHOTS / "room_phone.png"))
    assert problems == []
    page.close()


def test_without_the_key_the_page_shows_nothing(browser, room):
    page = browser.new_page()
    response = page.goto(f"{room.url}/instructor")
    assert response.status == 403 and "Ada" not in page.content()
    page.close()
