"""The instructor's page in a real (headless) Chromium, as projected in front of a room.

A room open for an hour, 30 participants some way into the workshop, at 1366x768: every name on
the first screen, who is stuck on what and for how long, unwritten TODOs apart; what a prankster
with the room code can do to it; ~200 participants; a phone; a restart. Uses Playwright with the
system's Chromium (tests/chromium.py); skipped, with the reason, without them. Screenshots go to
screenshots/room*.png.
"""
import json
import re
import sqlite3
import time
from pathlib import Path

import pytest

from tests.chromium import CHROMIUM, browser  # noqa: F401 (browser: a fixture)

from helpers.check._causes import CAUSES

from room import events, launch
from room.causes import WORDS
from room.store import Room
from room.todos import workshop_todos

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "screenshots"
TODOS = workshop_todos()
HOUR = 3600

playwright = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (pip install playwright)")
expect = playwright.expect
pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine (apt-get install chromium)")]

NAMES = ["Ada", "Grace", "Linus", "Margaret", "Katherine", "Alan", "Barbara", "Edsger", "Frances", "Guido", "Hedy",
         "Ivan", "Jean", "Ken", "Lynn", "Mary", "Niklaus", "Ole", "Radia", "Sophie", "Tim", "Ursula", "Vint", "Wendy",
         "Xiaoyun", "Yukihiro", "Anita", "Bjarne", "Carol", '<img src=x onerror="window.pwned=1">Ev']
WRONG = ["sign", "transpose", "scale:n", None]
KINDS = ["stuck", "not written", "passed", "earlier TODO", "moved past"]


def participant(n):
    """Participant ``n`` of a room: (name, kind, the index of the TODO they are on, their runs).

    Runs are (notebook, todo, passed, cause, seconds ago): one TODO every 3 minutes from 50 minutes
    ago, and at the TODO they are on, by ``kind``: failing twice (stuck), not written yet, passed,
    failing because of an earlier TODO (stuck), or failing on the TODO before and now trying this one."""
    name = NAMES[n % len(NAMES)] + ("" if n < len(NAMES) else f" {n // len(NAMES) + 1}")
    kind, on = KINDS[n % len(KINDS)], 1 + (7 * n) % 12
    runs = [(*TODOS[i], True, None, 3000 - 180 * i) for i in range(on)]
    start = 3000 - 180 * on
    if kind == "stuck":
        runs += [(*TODOS[on], False, WRONG[n % 4], start), (*TODOS[on], False, WRONG[n % 4], start - 60)]
    elif kind == "not written":
        runs += [(*TODOS[on], False, "not-written", start)]
    elif kind == "passed":
        runs += [(*TODOS[on], True, None, start)]
    elif kind == "earlier TODO":
        runs += [(*TODOS[on], False, "earlier-todo", start)]
    else:
        runs[-1:] = [(*TODOS[on - 1], False, "sign", start + 100), (*TODOS[on], False, "not-written", start)]
    return name, kind, on, runs


def history(db, count):
    """A room file as if it opened an hour ago and ``count`` participants, each from their own laptop, worked since."""
    room, now = Room(db, TODOS), time.time()
    for n in range(count):
        name, _, _, runs = participant(n)
        for k, (notebook, todo, passed, cause, ago) in enumerate(runs):
            body = {"code": room.code, "participant": f"{n:016x}", "id": f"{n:08x}{k:08x}", "name": name,
                    "notebook": notebook, "todo": todo, "passed": passed, "cause": cause, "time": now - ago,
                    "sent": now - ago}
            event = events.parse(json.dumps(body).encode(), room.todo_set, now - ago)
            room.add(event, f"10.0.{n // 200}.{n % 200 + 1}", now=now - HOUR)
    room.close()
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE settings SET value = ? WHERE name = 'opened'", (repr(now - HOUR),))
    return now - HOUR  # when they joined (their first event reached the room)


def post(room, n, name, notebook, todo, passed, cause, ago, k=0):
    """Participant ``n``'s event over HTTP, as a kernel sends it (``ago``: seconds since the check ran)."""
    now = time.time()
    event = {"code": room.code, "participant": f"{n:016x}", "id": f"{n:08x}{k:04x}ffff", "name": name,
             "notebook": notebook, "todo": todo, "passed": passed, "cause": cause, "time": now - ago, "sent": now}
    status, body = room.post("/api/events", event)
    return status, json.loads(body)


@pytest.fixture
def room30(tmp_path):
    joined = history(tmp_path / "room.sqlite3", 30)
    running = launch.start(tmp_path / "room.sqlite3")
    running.joined = joined
    yield running
    running.stop()


def open_page(browser, room, count, **context):
    """The instructor's page, once it has drawn ``count`` participants' cards."""
    page = browser.new_page(**context)
    page.set_default_timeout(10_000)
    problems, elsewhere = [], []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("request", lambda request: None if request.url.startswith(room.url) else elsewhere.append(request.url))
    page.goto(f"{room.url}/instructor?key={room.key}")
    expect(page.locator("#live")).to_have_text("● live")
    expect(page.locator("#cards .card")).to_have_count(count)
    return page, problems, elsewhere


def outside(page, selector):
    """The texts of the elements of ``selector`` not wholly inside the viewport."""
    return page.evaluate("""(selector) => [...document.querySelectorAll(selector)].filter((e) => {
        const r = e.getBoundingClientRect();
        return r.left < 0 || r.top < 0 || r.right > innerWidth || r.bottom > innerHeight;
    }).map((e) => e.textContent)""", selector)


def card(page, name):
    return page.locator("#cards .card", has=page.locator(".name", has_text=re.compile("^" + re.escape(name) + "$")))


def test_thirty_participants_fit_one_projected_screen_with_who_is_stuck_on_what(browser, room30):
    page, problems, elsewhere = open_page(browser, room30, 30, viewport={"width": 1366, "height": 768})
    assert page.url == f"{room30.url}/instructor"  # the key is out of the address bar (and off the projector)
    assert outside(page, "#cards .name") == [] and outside(page, "#cards .now") == []
    assert page.evaluate("document.scrollingElement.scrollHeight <= innerHeight && "
                         "document.scrollingElement.scrollWidth <= innerWidth")  # nothing to scroll to
    people = [participant(n) for n in range(30)]
    stuck = sorted((p for p in people if p[1] in ("stuck", "earlier TODO")), key=lambda p: -p[3][-2][4]
                   if p[1] == "stuck" else -p[3][-1][4])
    items = page.locator("#stuck li").all_inner_texts()
    assert len(items) == len(stuck) and outside(page, "#stuck li:first-child") == []
    for item, (name, kind, on, runs) in zip(items, stuck):  # longest first: name, TODO, for how long, cause
        since = runs[-2][4] if kind == "stuck" else runs[-1][4]
        assert item.startswith(f"⚑ {name}: {TODOS[on][1]} ({TODOS[on][0]}), {since // 60} min, "), item
        cause = runs[-1][3]
        assert item.endswith(WORDS["earlier-todo"] if kind == "earlier TODO" else
                             CAUSES[cause] if cause else WORDS[None]), item
    for name, kind, on, runs in people:
        now, classes = card(page, name).locator(".now").inner_text(), card(page, name).get_attribute("class")
        if kind in ("stuck", "earlier TODO"):
            assert re.fullmatch(rf"⚑ \d+ min on {TODOS[on][1]}", now) and "stuck" in classes
        elif kind in ("not written", "moved past"):  # apart from a wrong answer, and not stuck
            assert now == f"○ {TODOS[on][1]}: not written yet" and "stuck" not in classes
        else:
            assert now == f"✔ {TODOS[on][1]}: passed"
    moved = next(p for p in people if p[1] == "moved past")  # the failure they moved past flags nothing
    eve = page.locator("#cards .name", has_text="onerror")
    assert eve.inner_text() == NAMES[-1]  # the name as text, not as HTML
    assert page.evaluate("window.pwned") is None and page.locator("#cards img").count() == 0
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "room-30.png"))

    card(page, moved[0]).locator(".who").click()  # the details: every TODO in words
    rows = page.locator("#details tbody tr").all_inner_texts()
    assert rows[moved[2] - 1].split("\t")[1:4] == ["✘ wrong answer", CAUSES["sign"], "1"]
    assert rows[moved[2]].split("\t")[1] == "○ not written yet" and rows[moved[2] + 1].split("\t")[1] == "· not tried"
    page.keyboard.press("Escape")

    page.evaluate("window.notReloaded = true")
    assert post(room30, 99, "Zoe", "02", "sigmoid", False, "sign", 0)[0] == 201
    expect(card(page, "Zoe").locator(".now")).to_have_text(re.compile(r"^⚑ \d+ s on sigmoid$"))
    expect(page.locator("#stuck li")).to_have_count(len(stuck) + 1)
    assert page.evaluate("window.notReloaded") is True
    assert problems == [] and elsewhere == []
    page.close()


def test_what_a_prankster_with_the_code_puts_on_the_projector_is_bounded(browser, room30, tmp_path):
    status, answer = post(room30, 100, "Prank: class dismissed, go home", "02", "sigmoid", False, "Go.home.now",
                          11 * HOUR)
    assert status == 201  # taken, but shown as the room sees it
    status, answer = post(room30, 0, "Ada", *TODOS[participant(0)[2]], False, "sign", 11 * HOUR, k=1)
    assert status == 201
    made_up = [post(room30, 200 + n, f"Made-up participant number {n:02d} xxxxxxxx", "02", "sigmoid", True,
                    None, 0)[0] for n in range(20)]
    per_address = 4  # python -m room's default: a laptop shared by a few
    assert made_up.count(201) == per_address - 1 and made_up.count(429) == 20 - (per_address - 1)
    page, problems, _ = open_page(browser, room30, 30 + per_address, viewport={"width": 1366, "height": 768})
    assert outside(page, "#cards .name") == []
    text = page.locator("body").inner_text()
    assert "Go.home.now" not in text and "11 h" not in text and "10 h" not in text
    prank = page.locator("#stuck li", has_text="Prank")
    assert prank.inner_text().endswith(WORDS["unknown"]) and re.search(r", \d+ s, 1 try", prank.inner_text())
    cells = {(c["name"], c["todo"]): c for c in room30.state()["cells"]}
    assert cells["Ada", TODOS[participant(0)[2]][1]]["since"] == room30.joined  # not before Ada joined, an hour ago
    page.screenshot(path=str(SHOTS / "room-prank.png"))

    card(page, "Prank: class dismissed, go home").locator(".hide").click()  # one click
    expect(page.locator("#cards .card")).to_have_count(30 + per_address - 1)
    expect(page.locator("#hidden-count")).to_have_text("(1)")
    assert "Prank" not in page.locator("#stuck").inner_text()
    status, answer = post(room30, 100, "Prank: class dismissed, go home", "02", "sigmoid", False, "sign", 0, k=2)
    assert status == 403 and "took you out of this room" in answer["error"]

    assert problems == []
    room30.stop()  # killed, and started again with the same file: still hidden
    expect(page.locator("#live")).to_have_text("✘ reconnecting…")
    page.evaluate("document.getElementById('cards').replaceChildren()")  # so that what follows is drawn anew
    again = launch.start(tmp_path / "room.sqlite3", int(room30.url.rsplit(":", 1)[1]))
    try:
        expect(page.locator("#live")).to_have_text("● live")
        expect(page.locator("#cards .card")).to_have_count(30 + per_address - 1)
        assert page.locator("#hidden li").all_text_contents() == ["Prank: class dismissed, go home Show again"]
        assert post(again, 100, "Prank", "02", "sigmoid", True, None, 0, k=3)[0] == 403
        page.locator("#hidden-box summary").click()
        page.get_by_role("button", name="Show Prank: class dismissed, go home again").click()
        expect(page.locator("#cards .card")).to_have_count(30 + per_address)
    finally:
        again.stop()
    page.close()


def test_two_hundred_participants_summary_first_and_a_search(browser, tmp_path):
    history(tmp_path / "room.sqlite3", 200)
    room = launch.start(tmp_path / "room.sqlite3")
    try:
        page, problems, _ = open_page(browser, room, 200, viewport={"width": 1366, "height": 768})
        stuck = sum(participant(n)[1] in ("stuck", "earlier TODO") for n in range(200))
        expect(page.locator("#count")).to_have_text(f"(200; ⚑ {stuck} stuck)")
        todos = {participant(n)[2] for n in range(200) if participant(n)[1] in ("stuck", "earlier TODO")}
        assert page.locator("#stuck li").count() == len(todos)  # one line per TODO: how many, and who
        assert outside(page, "#stuck li") == []
        page.screenshot(path=str(SHOTS / "room-200.png"))
        page.locator("#search").fill("Grace")
        expect(page.locator("#cards .card")).to_have_count(len([n for n in range(200) if n % 30 == 1]))
        page.locator("#search").fill("")
        page.locator("#only-stuck").check()
        expect(page.locator("#cards .card")).to_have_count(stuck)
        assert problems == []
        page.close()
    finally:
        room.stop()


def test_the_page_comes_back_by_itself_when_the_room_is_restarted(browser, room30, tmp_path):
    page, problems, _ = open_page(browser, room30, 30)
    room30.stop()
    expect(page.locator("#live")).to_have_text("✘ reconnecting…")
    again = launch.start(tmp_path / "room.sqlite3", int(room30.url.rsplit(":", 1)[1]))
    try:
        expect(page.locator("#live")).to_have_text("● live")
        assert post(again, 99, "Zoe", "02", "sigmoid", True, None, 0)[0] == 201
        expect(page.locator("#cards .card")).to_have_count(31)
    finally:
        again.stop()
    page.close()


def test_the_page_reads_on_a_phone(browser, room30):
    page, problems, _ = open_page(browser, room30, 30, viewport={"width": 390, "height": 844},
                                  device_scale_factor=2, is_mobile=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scrolling
    page.screenshot(path=str(SHOTS / "room_phone.png"))
    assert problems == []
    page.close()


def test_without_the_key_the_page_shows_nothing(browser, room30):
    page = browser.new_page()
    response = page.goto(f"{room30.url}/instructor")
    assert response.status == 403 and "Ada" not in page.content()
    page.close()
