"""Three real Jupyter kernels join a real room and run notebook 02's cells with right and wrong answers.

Each kernel works in its own copy of the workshop's helpers/ (three laptops). The room's state must
show exactly what each kernel's checks said (an unwritten TODO apart from a wrong answer); a
participant the instructor hides is told once, in the notebook; when the room takes a request and
never answers, every check still returns; and when the room is killed and started again in the
middle, no kernel sees an exception, and every event arrives exactly once.
"""
import json
import os
import queue
import shutil
import socket
import sqlite3
import time
from pathlib import Path

import nbformat
import pytest
from jupyter_client import KernelManager

from room import launch

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = nbformat.read(ROOT / "notebooks" / "02_forward_pass.ipynb", as_version=4)
SOLUTION = nbformat.read(ROOT / "solutions" / "02_forward_pass.ipynb", as_version=4)
NAMES = ["Ada", "Grace", "<b>Linus</b>"]


def cell(notebook, starts):
    """The source of the first code cell of ``notebook`` that starts with ``starts``."""
    return next(c.source for c in notebook.cells if c.cell_type == "code" and c.source.startswith(starts))


SETUP = cell(NOTEBOOK, "# Setup")
IMPORTS = cell(NOTEBOOK, "import numpy as np")
STUDENT_SIGMOID = cell(NOTEBOOK, "def sigmoid")  # the TODO as a learner finds it: raise NotImplementedError
RIGHT_SIGMOID = cell(SOLUTION, "def sigmoid")
SIGN_FLIPPED_SIGMOID = RIGHT_SIGMOID.replace("np.exp(-z)", "np.exp(z)")
STUDENT_FEEDFORWARD = cell(NOTEBOOK, "def feedforward_no_bias")
CHECK_SIGMOID, CHECK_FEEDFORWARD = "check.sigmoid(sigmoid)", "check.feedforward_no_bias(feedforward_no_bias)"
RECORD = "import dataclasses, json; seen = []; helpers.check.LISTENERS.append(seen.append)"
SEEN = "print(json.dumps([dataclasses.asdict(outcome) for outcome in seen]))"
PROBE = (RIGHT_SIGMOID + "\ncheck.sigmoid(sigmoid)\ntry:\n    check.sigmoid(lambda z: 1 / (1 + np.exp(z)))\n"
         "except helpers.check.CheckFailed as error:\n    print(error)")  # what a check prints, passed and failed


def run(client, code, timeout=120):
    """Run ``code`` in the kernel; returns (its stdout, [the names of the errors it raised])."""
    return collect(client, client.execute(code), timeout)


def collect(client, msg_id, timeout=120):
    """Wait for the kernel to finish the code sent as ``msg_id``; returns (its stdout, [its errors' names])."""
    out, errors = "", []
    deadline = time.monotonic() + timeout
    while True:
        try:
            message = client.get_iopub_msg(timeout=max(0.1, deadline - time.monotonic()))
        except queue.Empty:
            raise TimeoutError(f"The kernel did not finish in {timeout} s.") from None
        if message["parent_header"].get("msg_id") != msg_id:
            continue
        kind, content = message["msg_type"], message["content"]
        if kind == "stream" and content["name"] == "stdout":
            out += content["text"]
        elif kind == "error":
            errors.append(content["ename"])
        elif kind == "status" and content["execution_state"] == "idle":
            return out, errors


@pytest.fixture(scope="module")
def kernels(tmp_path_factory):
    """Three kernels, each in its own copy of the workshop, past notebook 02's setup cells."""
    started = []
    try:
        for name in NAMES:  # all three start at once
            folder = tmp_path_factory.mktemp("laptop")
            shutil.copytree(ROOT / "helpers", folder / "helpers")
            manager = KernelManager(kernel_name="python3")
            manager.start_kernel(cwd=str(folder), env={**os.environ, "OPENBLAS_NUM_THREADS": "1",
                                                        "MPLBACKEND": "Agg"})
            started.append((manager, manager.client()))
        for _, client in started:
            client.start_channels()
            client.wait_for_ready(timeout=120)
        ids = [client.execute(SETUP + "\n" + IMPORTS + "\n" + RECORD) for _, client in started]
        assert [collect(client, msg_id)[1] for (_, client), msg_id in zip(started, ids)] == [[], [], []]
        yield [client for _, client in started]
    finally:
        for manager, client in started:
            client.stop_channels()
            manager.shutdown_kernel(now=True)


def join(client, room, name):
    out, errors = run(client, f"helpers.room.join({room.url!r}, code={room.code!r}, name={name!r})")
    assert errors == [] and f"You joined the room at {room.url} as {name}." in out


def test_the_room_shows_exactly_what_each_kernels_checks_said(kernels, tmp_path):
    room = launch.start(tmp_path / "room.sqlite3")
    try:
        ada, grace, linus = kernels
        alone = run(linus, PROBE)
        for client, name in zip(kernels, NAMES):
            join(client, room, name)
            run(client, "seen.clear()")
        # Ada: runs the check before writing the TODO, then writes it right.
        assert run(ada, STUDENT_SIGMOID)[1] == [] and run(ada, CHECK_SIGMOID)[1] == ["CheckFailed"]
        assert run(ada, RIGHT_SIGMOID)[1] == [] and run(ada, CHECK_SIGMOID)[1] == []
        # Grace: the sign of z flipped, twice.
        assert run(grace, SIGN_FLIPPED_SIGMOID)[1] == []
        assert [run(grace, CHECK_SIGMOID)[1] for _ in range(2)] == [["CheckFailed"]] * 2
        # Linus: sigmoid right, then checks feedforward_no_bias before writing it.
        for code in (RIGHT_SIGMOID, CHECK_SIGMOID, STUDENT_FEEDFORWARD):
            assert run(linus, code)[1] == []
        assert run(linus, CHECK_FEEDFORWARD)[1] == ["CheckFailed"]
        seen = {name: json.loads(run(client, SEEN)[0]) for client, name in zip(kernels, NAMES)}
        assert [len(seen[name]) for name in NAMES] == [2, 2, 2]

        def state():
            cells = room.state()["cells"]
            return {(c["name"], c["todo"]): (c["status"], c.get("cause"), c.get("attempts"), c["runs"])
                    for c in cells}
        assert [o["cause"] for o in seen["Ada"]] == ["not-written", None] and seen["Grace"][-1]["cause"] is not None
        expected = {
            ("Ada", "sigmoid"): ("passed", None, None, 2),
            ("Grace", "sigmoid"): ("failing", seen["Grace"][-1]["cause"], 2, 2),
            ("<b>Linus</b>", "sigmoid"): ("passed", None, None, 1),
            ("<b>Linus</b>", "feedforward_no_bias"): ("not-written", None, None, 1)}  # not a wrong answer
        deadline = time.monotonic() + 60
        while state() != expected and time.monotonic() < deadline:
            time.sleep(0.05)
        assert state() == expected
        assert [o["passed"] for o in seen["Ada"]] == [False, True]
        summary = {(s["notebook"], s["todo"]): s for s in room.state()["summaries"]}
        assert (summary["02", "sigmoid"]["passed"], summary["02", "sigmoid"]["failing"]) == (2, 1)
        assert summary["02", "sigmoid"]["cause"] == seen["Grace"][-1]["cause"]
        assert (summary["02", "feedforward_no_bias"]["failing"], summary["02", "feedforward_no_bias"]["not_written"]) \
            == (0, 1)
        assert run(linus, PROBE) == alone and "✔ sigmoid is right" in alone[0]  # a check prints the same in a room

        # The instructor hides Grace: her next check's report is refused; the one after says so, once.
        grace_id = next(p["id"] for p in room.state()["participants"] if p["name"] == "Grace")
        assert room.post("/api/hide", {"participant": grace_id, "hidden": True},
                         headers={"Cookie": f"room_key={room.key}"})[0] == 200
        assert run(grace, RIGHT_SIGMOID + "\n" + CHECK_SIGMOID)[1] == []
        assert run(grace, "import time\nfor _ in range(200):\n    if helpers.room._reporter.refused: break\n"
                          "    time.sleep(0.05)\nprint(helpers.room._reporter.refused)")[0].startswith(
            "The instructor took you out of this room")
        told = [run(grace, CHECK_SIGMOID)[0] for _ in range(2)]
        assert told[0].count("The room refused this notebook's reports: The instructor took you out") == 1
        assert "refused" not in told[1] and "✔ sigmoid is right" in told[1]
        out, errors = run(grace, "print(helpers.room._reporter.thread.is_alive(), len(helpers.room._reporter.queue))")
        assert (out, errors) == ("False 0\n", [])  # her kernel sends nothing more
    finally:
        room.stop()
    assert "Traceback" not in room.errors()


CHECKS = """
import contextlib, io
seen.clear()
for i in range({n}):
    try:
        with contextlib.redirect_stdout(io.StringIO()):  # the green line, n times: not needed here
            check.sigmoid(sigmoid if i % 2 else lambda z: z)
    except helpers.check.CheckFailed:
        pass
print(json.dumps({{"outcomes": len(seen), "waiting": len(helpers.room._reporter.queue),
                  "sent": helpers.room._reporter.sent}}))
"""


def test_every_check_returns_while_the_room_takes_a_request_and_never_answers(kernels):
    with socket.create_server(("127.0.0.1", 0)) as silent:  # a room that accepts and never answers
        silent.settimeout(60)
        url = f"http://127.0.0.1:{silent.getsockname()[1]}"
        joining = kernels[0].execute(f"helpers.room.join({url!r}, code='K7Q2', name='Ada')")
        silent.accept()[0].close()  # join asks whether the code is right: hung up on, it joins all the same
        out, errors = collect(kernels[0], joining)
        assert errors == [] and "It cannot be reached right now" in out
        run(kernels[0], RIGHT_SIGMOID + "\nhelpers.room._reporter.timeout = 600")  # it waits as long as the test
        out, errors = collect(kernels[0], kernels[0].execute(CHECKS.format(n=20)))
        assert errors == [] and json.loads(out) == {"outcomes": 20, "waiting": 20, "sent": 0}
        held, _ = silent.accept()  # the first event's POST, sent while the checks ran: still waiting for an answer
        request = b""
        while b'"sent"' not in request:
            request += held.recv(65536)
        held.setblocking(False)
        with pytest.raises(BlockingIOError):  # nothing more, and not closed: the kernel's thread is still waiting
            held.recv(1)
        held.close()
        run(kernels[0], "helpers.room.leave()")


FAULT_RUN = """
import contextlib, io, time
seen.clear()
for i in range({n}):
    try:
        with contextlib.redirect_stdout(io.StringIO()):  # the green line, n times: not needed here
            check.sigmoid(sigmoid if i % 2 else lambda z: z)
    except helpers.check.CheckFailed:
        pass
    time.sleep(0.05)  # a learner's pace, so that the room is killed in the middle
print(json.dumps({{"sent": len(seen)}}))
"""


def test_a_room_killed_and_restarted_midway_loses_no_event_and_sends_none_twice(kernels, tmp_path):
    db = tmp_path / "room.sqlite3"
    room = launch.start(db)
    port = int(room.url.rsplit(":", 1)[1])
    try:
        for client, name in zip(kernels, NAMES):
            join(client, room, name)
            run(client, RIGHT_SIGMOID)
        n = 60
        ids = [client.execute(FAULT_RUN.format(n=n)) for client in kernels]

        def arrived():
            with sqlite3.connect(db) as connection:
                return connection.execute("SELECT COUNT(*) FROM events").fetchone()[0]
        deadline = time.monotonic() + 60
        while arrived() < 10 and time.monotonic() < deadline:  # the kernels are checking away
            time.sleep(0.02)
        room.stop()  # killed mid-way: events in flight, events queued
        assert 0 < arrived() < 3 * n  # it was killed in the middle
        time.sleep(1.5)
        room = launch.start(db, port)
        results = []
        for client, msg_id in zip(kernels, ids):
            out, errors = collect(client, msg_id)
            assert errors == []  # no exception in any kernel
            results.append(json.loads(out))
        for result in results:
            assert result["sent"] == n

        def counts():
            with sqlite3.connect(db) as connection:
                return dict(connection.execute(
                    "SELECT name, COUNT(*) FROM events JOIN participants ON participants.id = participant "
                    "WHERE todo = 'sigmoid' GROUP BY name").fetchall())
        deadline = time.monotonic() + 30
        while counts() != {name: n for name in NAMES} and time.monotonic() < deadline:
            time.sleep(0.1)
        assert counts() == {name: n for name in NAMES}  # each queued event once: none lost, none twice
        for client in kernels:
            out, errors = run(client, "helpers.room.status()")
            assert errors == [] and "0 waiting" in out and "dropped" not in out
    finally:
        room.stop()
