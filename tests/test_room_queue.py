"""The participant's side (helpers/room.py): a check never waits for the room; events wait while it is down;
a participant the room refuses for good is told once, and their kernel stops sending.

Unreachable rooms are http://127.0.0.1:9/ (nothing listens there) or a free port where the room starts later;
a room that takes a request and never answers is a socket of the test's own.
"""
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest

import helpers.room
from helpers import check
from helpers.check import LISTENERS, CheckFailed, Outcome
from helpers.errors import FriendlyError
from room import launch

ROOT = Path(__file__).resolve().parent.parent
FAST = (0.05, 0.2)  # retry delays, so the tests need not wait 10 s


def wait_for(condition, seconds=30):  # a bound for a busy machine, not a measure
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def count_events(db):
    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT COUNT(*) FROM events").fetchone()[0]


def test_a_room_that_never_answers_holds_up_no_check():
    """The room takes the reporter's request and never answers: every put still goes straight into the queue."""
    with socket.create_server(("127.0.0.1", 0)) as silent:
        silent.settimeout(30)
        reporter = helpers.room.Reporter(f"http://127.0.0.1:{silent.getsockname()[1]}", "K7Q2", "Ada", "0" * 16,
                                         timeout=120, retry=FAST)
        try:
            reporter(Outcome("02", "sigmoid", False, None))
            connection, _ = silent.accept()  # the reporter's POST of the first event: read, never answered
            request = b""
            while b'"sent"' not in request:
                request += connection.recv(65536)
            putter = threading.Thread(target=lambda: [reporter(Outcome("02", "sigmoid", n % 2 == 0, None))
                                                      for n in range(100)])
            putter.start()
            putter.join(timeout=60)  # a bound, for a test that would otherwise hang: not a measure
            assert not putter.is_alive()  # every put returned while the room held the first event unanswered
            assert len(reporter.queue) == 101 and reporter.sent == 0 and reporter.thread.is_alive()
            assert reporter.queue[0]["id"].encode() in request  # the first one, in flight; the others wait
            connection.close()
        finally:
            reporter.close()


def test_an_unreachable_room_keeps_the_events_waiting():
    reporter = helpers.room.Reporter("http://127.0.0.1:9/", "K7Q2", "Ada", "0" * 16, retry=FAST)
    try:
        for _ in range(100):
            reporter(Outcome("02", "sigmoid", False, None))
        assert wait_for(lambda: reporter.problem is not None)
        assert reporter.problem == "the room cannot be reached (URLError)"
        assert len(reporter.queue) == 100 and reporter.sent == 0 and reporter.thread.is_alive()
    finally:
        reporter.close()


def test_the_queue_is_bounded_and_keeps_the_latest():
    reporter = helpers.room.Reporter("http://127.0.0.1:9/", "K7Q2", "Ada", "0" * 16, retry=FAST)
    try:
        for n in range(helpers.room.QUEUE_SIZE + 100):
            reporter(Outcome("02", "sigmoid", n % 2 == 0, None))
        assert len(reporter.queue) == helpers.room.QUEUE_SIZE and reporter.dropped == 100
        assert reporter.queue[-1]["passed"] is False and reporter.queue[0]["passed"] is True
    finally:
        reporter.close()


def test_events_sent_while_the_room_is_down_arrive_once_when_it_is_back(tmp_path):
    port = launch.free_port()
    reporter = helpers.room.Reporter(f"http://127.0.0.1:{port}", "WXYZ", "Ada", "1" * 16, retry=FAST)
    try:
        for cause in ("sign", "transpose", None):
            reporter(Outcome("03", "backprop", False, cause))
        reporter(Outcome("03", "backprop", True, None))
        assert wait_for(lambda: reporter.problem is not None) and reporter.sent == 0
        db = tmp_path / "room.sqlite3"
        sqlite3.connect(db).executescript(  # the room whose code the learner has (the room keeps its code here)
            "CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);"
            "INSERT INTO settings VALUES ('code', 'WXYZ');")
        room = launch.start(db, port)
        try:
            assert wait_for(lambda: not reporter.queue)
            assert reporter.sent == 4 and reporter.problem is None and count_events(db) == 4
            cell = room.state()["cells"][0]
            assert (cell["name"], cell["todo"], cell["status"], cell["runs"]) == ("Ada", "backprop", "passed", 4)
        finally:
            room.stop()
    finally:
        reporter.close()


def test_an_event_the_room_refuses_is_not_sent_again(tmp_path):
    room = launch.start(tmp_path / "room.sqlite3")
    reporter = helpers.room.Reporter(room.url, room.code, "Ada", "2" * 16, retry=FAST)
    try:
        reporter(Outcome("99", "not_a_todo", False, None))
        reporter(Outcome("02", "sigmoid", True, None))
        assert wait_for(lambda: not reporter.queue)
        assert reporter.sent == 1 and count_events(tmp_path / "room.sqlite3") == 1
    finally:
        reporter.close()
        room.stop()


@pytest.mark.parametrize("refusal", ["wrong code", "hidden", "too many from the address"])
def test_a_participant_refused_for_good_is_told_once_and_nothing_more_is_sent(tmp_path, capsys, refusal):
    room = launch.start(tmp_path / "room.sqlite3", None, "--per-address", "1")
    cookie = {"Cookie": f"room_key={room.key}"}
    code = room.code if refusal != "wrong code" else "ZZZZ" if room.code != "ZZZZ" else "YYYY"
    if refusal != "wrong code":  # Grace is in the room first
        grace = helpers.room.Reporter(room.url, room.code, "Grace", "4" * 16, retry=FAST)
        grace(Outcome("02", "sigmoid", True, None))
        assert wait_for(lambda: grace.sent == 1)
        grace.close()
    pid = "4" * 16 if refusal == "hidden" else "5" * 16
    if refusal == "hidden":
        assert room.post("/api/hide", {"participant": pid, "hidden": True}, headers=cookie)[0] == 200
    reporter = helpers.room.Reporter(room.url, code, "Ada", pid, retry=FAST)
    try:
        for _ in range(3):
            reporter(Outcome("02", "sigmoid", False, "sign"))
        assert wait_for(lambda: not reporter.thread.is_alive())  # it stopped by itself
        assert reporter.refused is not None and not reporter.queue and reporter.sent == 0
        capsys.readouterr()
        for _ in range(3):  # the next checks: told once, in words; and nothing is queued
            reporter(Outcome("02", "sigmoid", True, None))
        printed = capsys.readouterr().out
        assert printed.count("The room refused this notebook's reports: ") == 1 and not reporter.queue
        words = {"wrong code": "Wrong room code.", "hidden": "The instructor took you out of this room",
                 "too many from the address": "Already 1 participants from this address."}
        assert words[refusal] in printed
        assert count_events(tmp_path / "room.sqlite3") == (0 if refusal == "wrong code" else 1)
    finally:
        reporter.close()
        room.stop()


def test_a_room_that_says_try_later_is_tried_again(tmp_path):
    """Too many wrong codes from this address: 429 with Retry-After, which passes; the reporter keeps its events."""
    room = launch.start(tmp_path / "room.sqlite3")
    try:
        for guess in range(20):
            room.post("/api/join", {"code": f"{guess:04d}"})
        reporter = helpers.room.Reporter(room.url, room.code, "Ada", "6" * 16, retry=FAST)
        reporter(Outcome("02", "sigmoid", True, None))
        assert wait_for(lambda: reporter.problem is not None and "429" in reporter.problem)
        assert reporter.refused is None and reporter.thread.is_alive() and len(reporter.queue) == 1
        reporter.close()
    finally:
        room.stop()


@pytest.fixture
def room_file(tmp_path, monkeypatch):
    """helpers.room's file in a temporary folder, and no room joined before or after."""
    monkeypatch.setattr(helpers.room, "FILE", tmp_path / ".room.json")
    yield tmp_path / ".room.json"
    helpers.room._start(None)
    assert all(not isinstance(listener, helpers.room.Reporter) for listener in LISTENERS)


def test_join_writes_the_file_reports_and_leave_stops(tmp_path, room_file, capsys):
    room = launch.start(tmp_path / "room.sqlite3")
    try:
        helpers.room.join(room.url, code=room.code.lower(), name="  Ada  Lovelace ")
        settings = json.loads(room_file.read_text())
        assert set(settings) == {"url", "code", "name", "participant"}
        assert (settings["url"], settings["code"], settings["name"]) == (room.url, room.code, "Ada Lovelace")
        printed = capsys.readouterr().out
        assert f"You joined the room at {room.url} as Ada Lovelace." in printed
        assert helpers.room.WHAT_IS_SENT in printed
        check.sigmoid(lambda z: 1 / (1 + np.exp(-np.clip(z, -500, 500))))
        assert wait_for(lambda: count_events(tmp_path / "room.sqlite3") == 1)
        helpers.room.join(room.url, code=room.code, name="Ada")  # joined again: the same participant, renamed
        assert json.loads(room_file.read_text())["participant"] == settings["participant"]
        helpers.room.leave()
        assert not room_file.exists() and helpers.room._reporter is None
        with pytest.raises(CheckFailed):
            check.sigmoid(lambda z: z)  # after leaving: the check as before, and nothing sent
        time.sleep(0.3)
        assert count_events(tmp_path / "room.sqlite3") == 1
    finally:
        room.stop()


def test_join_with_a_wrong_code_says_so_and_joins_nothing(tmp_path, room_file):
    room = launch.start(tmp_path / "room.sqlite3")
    try:
        with pytest.raises(FriendlyError, match="refused to let you join: Wrong room code"):
            helpers.room.join(room.url, code="ZZZZ" if room.code != "ZZZZ" else "YYYY", name="Ada")
        assert not room_file.exists() and helpers.room._reporter is None
    finally:
        room.stop()


@pytest.mark.parametrize("url, code, name, words", [
    ("192.168.1.20:8765", "K7Q2", "Ada", "looks like"),
    ("http://127.0.0.1:9", "K7 Q2; rm", "Ada", "room code"),
    ("http://127.0.0.1:9", "K7Q2", "", "Your name"),
    ("http://127.0.0.1:9", "K7Q2", "A" * 41, "Your name"),
])
def test_join_explains_a_mistyped_argument(room_file, url, code, name, words):
    with pytest.raises(FriendlyError, match=words):
        helpers.room.join(url, code=code, name=name)
    assert not room_file.exists()


def test_join_an_unreachable_room_still_joins_and_says_so(room_file, capsys):
    helpers.room.join("http://127.0.0.1:9/", code="K7Q2", name="Ada")
    assert "It cannot be reached right now" in capsys.readouterr().out
    assert room_file.exists() and helpers.room._reporter in LISTENERS


IMPORT = ("import sys, helpers; loaded = 'helpers.check' in sys.modules; from helpers.check import LISTENERS; "
          "print(loaded, len(LISTENERS), *(type(listener).__name__ for listener in LISTENERS))")


def test_only_a_learner_who_joined_reports_from_every_notebook(tmp_path):
    """In a fresh Python, ``import helpers``: is helpers.check loaded, who listens to it; without and with the file."""
    workshops = [tmp_path / "alone", tmp_path / "joined"]
    for workshop in workshops:
        shutil.copytree(ROOT / "helpers", workshop / "helpers")
    (workshops[1] / ".room.json").write_text(json.dumps(
        {"url": "http://127.0.0.1:9", "code": "K7Q2", "name": "Ada", "participant": "3" * 16}))
    runs = [subprocess.Popen([sys.executable, "-c", IMPORT], cwd=workshop, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(workshop)})
            for workshop in workshops]
    (alone, error), (joined, error_joined) = (run.communicate(timeout=60) for run in runs)
    assert (error, error_joined) == ("", "")
    assert alone.split() == ["False", "0"]  # nobody listens; the checks are not even loaded
    assert joined.split() == ["True", "1", "Reporter"]


@pytest.mark.parametrize("text", ["{damaged", '{"url": "http://127.0.0.1:9"}', "[]", "5", "\xff"])
def test_a_damaged_room_file_joins_nothing(room_file, text):
    room_file.write_text(text)
    assert helpers.room._read() is None


@pytest.fixture
def no_hub(monkeypatch):
    """Not on a JupyterHub: none of the variables the workshop's hub sets in every server."""
    for name in (*helpers.room.ON_THE_HUB, "JUPYTERHUB_USER"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_join_with_nothing_in_the_brackets_off_the_hub_says_what_to_type(room_file, no_hub):
    with pytest.raises(FriendlyError, match=r"is for the workshop's JupyterHub, and this is not one.*code=\"K7Q2\""):
        helpers.room.join()
    no_hub.setenv("JUPYTERHUB_API_TOKEN", "a-token")  # a JupyterHub, but not one with the workshop's room
    with pytest.raises(FriendlyError, match="This JupyterHub has no room for the workshop"):
        helpers.room.join()
    assert not room_file.exists() and helpers.room._reporter is None


def test_on_the_hub_join_sends_the_servers_token_and_no_name_and_leave_stops(room_file, no_hub, capsys):
    no_hub.setenv("WORKSHOP_ROOM_URL", "http://127.0.0.1:9/services/room/")  # the room is down, for now
    no_hub.setenv("JUPYTERHUB_API_TOKEN", "this-servers-token")
    no_hub.setenv("JUPYTERHUB_USER", "ada")
    helpers.room.join()
    printed = capsys.readouterr().out
    assert "You joined the hub's room as ada. It cannot be reached right now" in printed
    assert helpers.room.WHAT_IS_SENT_ON_THE_HUB in printed
    assert json.loads(room_file.read_text()) == {"hub_user": "ada"}  # no token in the file
    reporter = helpers.room._reporter
    assert reporter in LISTENERS and reporter.address == "http://127.0.0.1:9/services/room/api/events"
    assert reporter.headers["Authorization"] == "token this-servers-token" and reporter.fields == {}
    reporter(Outcome("02", "sigmoid", True, None))
    assert set(reporter.queue[0]) == {"id", "notebook", "todo", "passed", "cause", "time"}  # nobody is named
    helpers.room.status()
    assert "In the room at http://127.0.0.1:9/services/room as ada: 0 events sent, 1 waiting" in capsys.readouterr().out
    helpers.room.leave()
    assert not room_file.exists() and helpers.room._reporter is None


def test_a_hub_room_file_off_the_hub_reports_nowhere(tmp_path):
    """The workshop folder taken home from the hub: its .room.json names the hub's room, but there is no token here."""
    shutil.copytree(ROOT / "helpers", tmp_path / "helpers")
    (tmp_path / ".room.json").write_text(json.dumps({"hub_user": "ada"}))
    env = {k: v for k, v in os.environ.items() if k not in helpers.room.ON_THE_HUB}
    runs = [subprocess.run([sys.executable, "-c", IMPORT], cwd=tmp_path, capture_output=True, text=True, timeout=60,
                           env={**env, "PYTHONPATH": str(tmp_path), **hub}) for hub in
            ({}, {"WORKSHOP_ROOM_URL": "http://127.0.0.1:9/", "JUPYTERHUB_API_TOKEN": "this-servers-token"})]
    assert [run.stderr for run in runs] == ["", ""]
    assert runs[0].stdout.split() == ["True", "0"] and runs[1].stdout.split() == ["True", "1", "Reporter"]
