"""The room's server, for real (python -m room on 127.0.0.1): what it refuses, and that it keeps running.

Posting needs the room code; the instructor's page and data need the instructor's key; a participant
can read nothing; every bad request gets a clear 4xx, nothing is stored, and the server goes on; a
participant the instructor hid is refused, and stays hidden when the room is restarted.
"""
import http.client
import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from room import launch

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def room(tmp_path_factory):
    running = launch.start(tmp_path_factory.mktemp("room") / "room.sqlite3", None, "--per-address", "1000")
    yield running
    running.stop()
    assert "Traceback" not in running.errors()


def event(room, n=0, **changes):
    """Participant ``n``'s event (a new one for each ``n``), as a kernel sends it, with ``changes``."""
    return {"code": room.code, "participant": f"{n:016x}", "id": f"{n:08x}" + "ab" * 6, "name": f"P{n}",
            "notebook": "02", "todo": "sigmoid", "passed": False, "cause": None,
            "time": time.time() - 1, "sent": time.time(), **changes}


def stored(room):
    return len(room.state()["cells"]), sum(c["runs"] for c in room.state()["cells"])


def answer(status_body):
    status, body = status_body
    return status, json.loads(body)["error"] if status >= 400 else body


def test_an_event_with_the_code_is_stored_once(room):
    before = stored(room)
    assert room.post("/api/events", event(room, 1))[0] == 201
    assert room.post("/api/events", event(room, 1)) == (200, b'{"stored": false}')  # sent again: once
    assert stored(room) == (before[0] + 1, before[1] + 1)


@pytest.mark.parametrize("body, status, words", [
    (lambda r: event(r, 2, code="AAAA"), 403, "Wrong room code"),
    (lambda r: {k: v for k, v in event(r, 2).items() if k != "code"}, 400, "Missing fields: code"),
    (lambda r: event(r, 2, user="ada", path="/home/ada/work"), 400, "Unknown fields: path, user"),
    (lambda r: json.dumps(event(r, 2))[:-5].encode(), 400, "not JSON"),
    (lambda r: json.dumps(event(r, 2, name="x" * 6000)).encode(), 413, "at most 4096"),
    (lambda r: event(r, 2, todo="all_answers"), 400, "No TODO 'all_answers'"),
    (lambda r: event(r, 2, time=-1e12, sent=-1e12), 400, "Absurd times"),
    (lambda r: event(r, 2, time=4e9, sent=4e9), 400, "Absurd times"),
])
def test_a_bad_event_gets_a_clear_4xx_and_nothing_is_stored(room, body, status, words):
    before = stored(room)
    got_status, message = answer(room.post("/api/events", body(room)))
    assert (got_status, words in message) == (status, True), message
    assert stored(room) == before
    assert room.post("/api/events", event(room, 3, cause="sign"))[0] in (200, 201)  # and it goes on


@pytest.mark.parametrize("path", ["/api/events", "/api/join", "/api/delete", "/api/hide"])
@pytest.mark.parametrize("size", [4097, 200_000, 10_000_000])
def test_any_body_over_the_limit_gets_a_413_in_words_and_the_server_goes_on(room, path, size):
    cookie = {"Cookie": f"room_key={room.key}"}  # the instructor's routes too
    status, message = answer(room.post(path, b"x" * size, headers=cookie))  # sent whole, then the answer read
    assert (status, message) == (413, f"The body is {size} bytes; the room takes at most 4096.")
    assert room.post("/api/events", event(room, 4))[0] in (200, 201)


def test_a_chunked_body_over_the_limit_gets_a_413_too(room):
    connection = http.client.HTTPConnection(urllib.parse.urlsplit(room.url).netloc, timeout=30)
    connection.request("POST", "/api/events", body=iter([b"x" * 65536] * 100), encode_chunked=True,
                       headers={"Content-Type": "application/json", "Transfer-Encoding": "chunked"})
    response = connection.getresponse()
    assert (response.status, json.loads(response.read())["error"]) == \
        (413, "The body is 6553600 bytes; the room takes at most 4096.")
    connection.close()


@pytest.mark.parametrize("path", ["/instructor", "/api/state", "/api/stream", "/export.csv"])
def test_the_instructors_pages_need_the_key(room, path):
    assert room.get(path, key=False)[0] == 403
    forged = {"Cookie": f"room_key={room.code}"}  # the room code is not the key
    connection = http.client.HTTPConnection(urllib.parse.urlsplit(room.url).netloc, timeout=10)
    connection.request("GET", path, headers=forged)
    assert connection.getresponse().status == 403
    connection.close()


def test_the_printed_link_sets_the_key_and_takes_it_out_of_the_address(room):
    netloc = urllib.parse.urlsplit(room.url).netloc
    connection = http.client.HTTPConnection(netloc, timeout=10)
    connection.request("GET", f"/instructor?key={room.key}")
    response = connection.getresponse()
    response.read()
    assert response.status == 302 and response.getheader("Location") == "instructor"
    cookie = response.getheader("Set-Cookie")
    assert f"room_key={room.key}" in cookie and "HttpOnly" in cookie and "SameSite=Strict" in cookie
    connection.request("GET", "/instructor?key=" + room.key[:-1] + "x")
    assert connection.getresponse().status == 403
    connection.close()
    status, page = room.get("/instructor")
    assert status == 200 and b"<title>The room</title>" in page


def test_a_participant_can_read_nothing(room):
    assert room.get("/api/events", key=False)[0] == 405
    assert room.post("/api/join", {"code": room.code}) == (204, b"")  # the code is right, and that is all
    status, home = room.get("/", key=False)
    assert status == 200 and b"P1" not in home and room.code.encode() not in home


def test_deleting_needs_the_key_and_a_json_confirmation(room):
    before = stored(room)
    assert room.post("/api/delete", {"confirm": "delete"})[0] == 403  # no key
    cookie = {"Cookie": f"room_key={room.key}"}
    assert room.post("/api/delete", b"confirm=delete", "application/x-www-form-urlencoded", cookie)[0] == 400
    assert room.post("/api/delete", {"confirm": "yes"}, headers=cookie)[0] == 400
    assert stored(room) == before


def test_the_page_allows_nothing_from_elsewhere(room):
    netloc = urllib.parse.urlsplit(room.url).netloc
    connection = http.client.HTTPConnection(netloc, timeout=10)
    connection.request("GET", "/instructor", headers={"Cookie": f"room_key={room.key}"})
    response = connection.getresponse()
    assert response.getheader("Content-Security-Policy") == "default-src 'self'; frame-ancestors 'none'"
    assert response.getheader("Referrer-Policy") == "no-referrer"
    connection.close()


def test_thousands_of_made_up_participants_from_one_address_are_refused(tmp_path):
    running = launch.start(tmp_path / "room.sqlite3", None, "--per-address", "20")
    try:
        connection = http.client.HTTPConnection(urllib.parse.urlsplit(running.url).netloc, timeout=10)
        statuses = []
        for n in range(2000):
            connection.request("POST", "/api/events", json.dumps(event(running, n)),
                               {"Content-Type": "application/json"})
            response = connection.getresponse()
            statuses.append(response.status)
            message = response.read()
        assert statuses.count(201) == 20 and statuses.count(429) == 1980
        assert b"Already 20 participants from this address" in message
        assert len(running.state()["participants"]) == 20 and stored(running) == (20, 20)
        assert answer(running.post("/api/events", event(running, 1, id="e" * 20)))[0] == 201  # one who joined goes on
        assert running.post("/api/events", event(running, 5, id="f" * 20))[0] == 201  # one who joined goes on
    finally:
        running.stop()


def test_by_default_four_participants_may_join_from_one_address(tmp_path):
    running = launch.start(tmp_path / "room.sqlite3")  # python -m room's default
    try:
        statuses = [running.post("/api/events", event(running, n))[0] for n in range(20)]
        assert statuses == [201] * 4 + [429] * 16 and len(running.state()["participants"]) == 4
    finally:
        running.stop()


def test_guessing_the_code_is_stopped(tmp_path):
    running = launch.start(tmp_path / "room.sqlite3")
    try:
        for guess in range(20):
            assert running.post("/api/join", {"code": f"{guess:04d}"})[0] == 403
        request = urllib.request.Request(running.url + "/api/join", data=json.dumps({"code": running.code}).encode(),
                                         method="POST", headers={"Content-Type": "application/json"})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.build_opener(urllib.request.ProxyHandler({})).open(request, timeout=10)
        assert refused.value.code == 429 and "Too many wrong room codes" in json.loads(refused.value.read())["error"]
        assert refused.value.headers["Retry-After"] == "600"  # a kernel tries again later, not never
        assert running.post("/api/events", event(running, 1))[0] == 429
        assert stored(running) == (0, 0)
    finally:
        running.stop()


@pytest.mark.parametrize("body, status, words", [
    ({"participant": "0" * 16}, 400, "exactly: hidden, participant"),
    ({"participant": "0" * 16, "hidden": "yes"}, 400, "hidden true or false"),
    ({"participant": ["0" * 16], "hidden": True}, 400, "participant must be"),
    ({"participant": "f" * 16, "hidden": True}, 404, "No such participant"),
    (b"participant=1&hidden=1", 400, "as application/json"),
])
def test_a_bad_hide_request_gets_a_clear_4xx(room, body, status, words):
    kind = "application/x-www-form-urlencoded" if isinstance(body, bytes) else "application/json"
    got_status, message = answer(room.post("/api/hide", body, kind, {"Cookie": f"room_key={room.key}"}))
    assert (got_status, words in message) == (status, True), message
    assert room.post("/api/hide", {"participant": "0" * 16, "hidden": True})[0] == 403  # and only the instructor


def test_the_room_is_as_it_was_after_the_server_is_killed(tmp_path):
    running = launch.start(tmp_path / "room.sqlite3")
    for n in range(4):
        assert running.post("/api/events", event(running, n, cause="sign"))[0] == 201
    cookie = {"Cookie": f"room_key={running.key}"}
    assert running.post("/api/hide", {"participant": f"{3:016x}", "hidden": True}, headers=cookie) == \
        (200, b'{"hidden": true}')
    before = running.state()
    running.stop()  # SIGKILL: no chance to tidy up
    again = launch.start(tmp_path / "room.sqlite3")
    try:
        assert (again.code, again.key) == (running.code, running.key)
        after = again.state()
        assert after["cells"] == before["cells"] and after["participants"] == before["participants"]
        assert [p["hidden"] for p in after["participants"]] == [False, False, False, True]
        assert len(after["cells"]) == 3  # the hidden participant's are not on the page
        status, message = answer(again.post("/api/events", event(again, 3, id="d" * 20)))
        assert (status, message) == (403, "The instructor took you out of this room: your checks are not sent "
                                          "to it any more.")
        status, csv = again.get("/export.csv")
        assert status == 200 and csv.decode().count(",02,sigmoid,0,sign") == 4
        assert again.post("/api/delete", {"confirm": "delete"}, headers={"Cookie": f"room_key={again.key}"}) \
            == (200, b'{"deleted": true}')
        assert again.state()["cells"] == [] and again.get("/export.csv")[1].count(b"\n") == 1
    finally:
        again.stop()


def test_as_a_hub_service_without_the_hubs_address_the_room_says_so(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("JUPYTERHUB_")}
    done = subprocess.run([sys.executable, "-m", "room", "--hub", "--db", str(tmp_path / "room.sqlite3")],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and "--hub is for the room JupyterHub starts as its service" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_laptops_room_never_imports_the_hubs():
    """room/hub.py builds on room/server.py, never the reverse: a laptop's room needs no JupyterHub."""
    done = subprocess.run([sys.executable, "-c", "import sys, room.server, room.__main__; "
                           "print('room.hub' in sys.modules, 'jupyterhub' in sys.modules)"],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert (done.stdout, done.stderr) == ("False False\n", "")
