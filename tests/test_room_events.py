"""The room's event format and its checks (room/events.py), the TODO list, and the room's memory (room/store.py)."""
import json
import sqlite3
import time

import pytest

from helpers.check._causes import CAUSES

import helpers.check
from room import events
from room.events import Refused
from room.store import Room
from room.todos import workshop_todos

TODOS = workshop_todos()
NOW = 1_800_000_000.0


def event(**changes):
    """A valid event (as helpers/room.py sends it), with ``changes``."""
    valid = {"code": "K7Q2", "participant": "3f9c0a1b2c3d4e5f", "id": "9a8b7c6d5e4f3a2b1c0d", "name": "Ada",
             "notebook": "03", "todo": "backprop", "passed": False, "cause": "transpose",
             "time": NOW - 5, "sent": NOW - 2}
    return {**valid, **changes}


def parse(value):
    body = value if isinstance(value, bytes) else json.dumps(value).encode()
    return events.parse(body, set(TODOS), NOW)


def test_the_todos_come_from_the_notebooks_in_order_and_each_has_its_check():
    assert TODOS[:3] == [("01", "show_images"), ("02", "sigmoid"), ("02", "feedforward_no_bias")]
    assert ("03", "backprop") in TODOS and len(TODOS) == len(set(TODOS))
    assert [n for n, _ in TODOS] == sorted(n for n, _ in TODOS)
    for notebook, todo in TODOS:  # the check reports under this notebook and name (helpers/check/_core.py)
        check = getattr(helpers.check, todo)
        assert check.__wrapped__.__module__ == f"helpers.check.nb{notebook}"


def test_a_valid_event_is_taken_with_its_time_on_the_rooms_clock():
    got = parse(event())
    assert got["todo"] == "backprop" and got["cause"] == "transpose"
    assert got["at"] == pytest.approx(NOW - 3)  # it waited 3 s in the kernel, whatever the kernel's clock says
    assert parse(event(time=NOW + 3600 - 5, sent=NOW + 3600))["at"] == pytest.approx(NOW - 5)  # a clock 1 h fast
    assert parse(event(passed=True, cause=None))["passed"] is True


@pytest.mark.parametrize("body, words", [
    (b"{not json", "not JSON"),
    (b"\xff\xfe", "not JSON"),
    (b"[1, 2]", "one JSON object"),
    (json.dumps(event(code_of_learner="x = 1")).encode(), "Unknown fields: code_of_learner"),
    (json.dumps({k: v for k, v in event().items() if k != "todo"}).encode(), "Missing fields: todo"),
    (json.dumps(event(name="x" * 5000)).encode(), "at most 4096"),
    (json.dumps(event(todo="rm_rf")).encode(), "No TODO 'rm_rf'"),
    (json.dumps(event(notebook="02")).encode(), "No TODO 'backprop' in notebook '02'"),
    (json.dumps(event(passed="no")).encode(), "passed must be"),
    (json.dumps(event(passed=1)).encode(), "passed must be"),
    (json.dumps(event(cause="<script>")).encode(), "cause must be"),
    (json.dumps(event(passed=True)).encode(), "has no cause"),
    (json.dumps(event(participant="ADA")).encode(), "participant must be"),
    (json.dumps(event(id=7)).encode(), "id must be a string"),
    (json.dumps(event(name="")).encode(), "The name must be"),
    (json.dumps(event(name="Ada\x00")).encode(), "The name must be"),
    (json.dumps(event(time="yesterday")).encode(), "must be numbers"),
    (json.dumps(event(time=True)).encode(), "must be numbers"),
    (b'{"time": NaN}', "Missing fields"),
    (json.dumps(event(time=NOW, sent=NOW - 10)).encode(), "Absurd times"),  # sent before it happened
    (json.dumps(event(time=NOW - 2 * 86400, sent=NOW)).encode(), "Absurd times"),  # waited two days
    (json.dumps(event(time=1e15, sent=1e15)).encode(), "Absurd times"),  # a clock in the year 31 000 000
    (json.dumps(event(time=0, sent=0)).encode(), "Absurd times"),
])
def test_every_bad_event_is_refused_with_its_reason(body, words):
    with pytest.raises(Refused, match=words) as refused:
        parse(body)
    assert 400 <= refused.value.status < 500


def test_not_a_number_times_are_refused():
    with pytest.raises(Refused, match="must be numbers"):
        parse(json.dumps(event()).replace(f"{NOW - 5}", "NaN").encode())


def test_a_name_is_kept_as_typed_only_trimmed_html_and_all():
    assert parse(event(name="  <b>Ada</b>\t Lovelace "))["name"] == "<b>Ada</b> Lovelace"


HUB_SENDER = {"participant": "a1" * 8, "name": "ada"}  # what room/hub.py knows from the kernel's token


def from_the_hub(**changes):
    """An event as a kernel on the hub sends it: no code, participant or name (the token says who)."""
    return {k: v for k, v in event(**changes).items() if k not in events.FROM_THE_HUB}


def test_on_a_hub_the_sender_is_the_hubs_and_the_body_names_nobody():
    got = events.parse(json.dumps(from_the_hub()).encode(), set(TODOS), NOW, sender=HUB_SENDER)
    assert (got["participant"], got["name"], got["code"], got["todo"]) == ("a1" * 8, "ada", None, "backprop")
    assert got["at"] == pytest.approx(NOW - 3)
    for claimed in ({"participant": "b2" * 8}, {"name": "grace"}, {"code": "K7Q2"}):
        with pytest.raises(Refused, match="On a hub the hub says who sent an event: no " + next(iter(claimed))):
            events.parse(json.dumps({**from_the_hub(), **claimed}).encode(), set(TODOS), NOW, sender=HUB_SENDER)
    with pytest.raises(Refused, match="Missing fields: code, name, participant"):  # and on a laptop, all are needed
        parse(from_the_hub())
    with pytest.raises(Refused, match="No TODO 'rm_rf'"):  # every other check holds on a hub too
        events.parse(json.dumps(from_the_hub(todo="rm_rf")).encode(), set(TODOS), NOW, sender=HUB_SENDER)


def test_on_a_hub_any_number_of_participants_may_post_from_one_address_and_the_secret_stays(tmp_path):
    room = Room(tmp_path / "room.sqlite3", TODOS, per_address=None)
    for i in range(30):  # every kernel posts from 127.0.0.1: the hub says who is who
        add(room, "127.0.0.1", participant=f"{i:016x}", id=f"{i:020x}")
    secret = room.cookie_secret
    room.close()
    assert len(secret) == 64 and Room(tmp_path / "room.sqlite3", TODOS).cookie_secret == secret


def add(room, address="10.0.0.1", now=NOW - 3600, **changes):
    """Add an event (sent ``changes``), the participant first seen an hour before NOW; the event's cell."""
    cells = room.add(parse(event(**changes)), address, now=now)
    return cells if cells is None else cells[0]


def opened_long_ago(path):
    """A new room whose file says it opened a day before NOW (the tests' clock)."""
    room = Room(path, TODOS, per_address=None)
    with room.db:
        room.db.execute("UPDATE settings SET value = ? WHERE name = 'opened'", (repr(NOW - 86400),))
    room.opened = NOW - 86400
    return room


def test_a_cell_says_failing_with_its_cause_attempts_and_since_when_then_passed(tmp_path):
    room = opened_long_ago(tmp_path / "room.sqlite3")
    add(room, id="a" * 16, time=NOW - 60, cause="sign")
    cell = add(room, id="b" * 16, time=NOW - 30)
    assert (cell["status"], cell["cause"], cell["attempts"]) == ("failing", "transpose", 2)
    assert cell["since"] == pytest.approx(NOW - 57, abs=1)
    assert add(room, id="b" * 16) is None  # the same event again: stored once
    cell = add(room, id="c" * 16, time=NOW - 10, passed=True, cause=None)
    assert cell["status"] == "passed" and "attempts" not in cell
    cell = add(room, id="d" * 16, time=NOW - 40)  # arrives late (it waited in a kernel): comes before the pass
    assert cell["status"] == "passed" and cell["runs"] == 4
    cell = add(room, id="e" * 16, time=NOW - 5, cause="scale:n")  # failing again, after the pass: one attempt
    assert (cell["status"], cell["cause"], cell["attempts"]) == ("failing", "scale:n", 1)


def test_the_summary_counts_passed_failing_not_written_and_the_most_common_cause(tmp_path):
    room = opened_long_ago(tmp_path / "room.sqlite3")
    for i, cause in enumerate(["transpose", "transpose", "sign", None, "not-written", "Go.home", "Go.home",
                               "Go.home"]):
        add(room, participant=f"{i:016x}", id=f"{i:020x}", cause=cause)
    add(room, participant=f"{9:016x}", id=f"{9:020x}", passed=True, cause=None)
    assert room.summary("03", "backprop") == {  # a cause the room does not know is never the most common
        "notebook": "03", "todo": "backprop", "passed": 1, "failing": 7, "not_written": 1, "cause": "transpose",
        "cause_text": CAUSES["transpose"], "cause_count": 2}
    assert room.summary("02", "sigmoid")["passed"] == room.summary("02", "sigmoid")["failing"] == 0


def test_the_room_is_as_it_was_after_a_restart_and_can_be_exported_and_deleted(tmp_path):
    path = tmp_path / "room.sqlite3"
    room = Room(path, TODOS)
    add(room, name="=HYPERLINK(1)", id="a" * 16)
    add(room, participant="1" * 16, id="b" * 16, name="Grace", passed=True, cause=None)
    before = room.state()
    room.close()
    again = Room(path, TODOS)
    after = again.state()
    assert (again.code, again.key) == (room.code, room.key)
    assert {k: after[k] for k in ("participants", "cells", "summaries")} == \
           {k: before[k] for k in ("participants", "cells", "summaries")}
    lines = again.csv().splitlines()
    assert lines[0] == "time_utc,participant,name,notebook,todo,passed,cause"
    assert len(lines) == 3 and ",'=HYPERLINK(1),03,backprop,0,transpose" in lines[1]
    again.delete()
    assert again.count_events() == 0 and again.state()["participants"] == []
    again.close()
    assert sqlite3.connect(path).execute("SELECT COUNT(*) FROM participants").fetchone() == (0,)


def test_too_many_participants_from_one_address_are_refused_and_not_stored(tmp_path):
    room = Room(tmp_path / "room.sqlite3", TODOS, per_address=3, max_participants=5)
    assert Room(tmp_path / "default.sqlite3", TODOS).per_address == 4
    for i in range(3):
        add(room, participant=f"{i:016x}", id=f"{i:020x}")
    with pytest.raises(Refused, match="Already 3 participants from this address") as refused:
        add(room, participant=f"{7:016x}", id=f"{7:020x}")
    assert refused.value.status == 429
    add(room, id=f"{8:020x}", participant=f"{0:016x}")  # one who joined already goes on
    add(room, "10.0.0.2", participant=f"{3:016x}", id=f"{3:020x}")
    add(room, "10.0.0.3", participant=f"{4:016x}", id=f"{4:020x}")
    with pytest.raises(Refused, match="full"):
        add(room, "10.0.0.4", participant=f"{5:016x}", id=f"{5:020x}")
    assert room.count_events() == 6 and len(room.names) == 5



def test_a_participant_who_sends_too_many_events_is_refused(tmp_path):
    room = Room(tmp_path / "room.sqlite3", TODOS, max_events=3)
    for n in range(3):
        add(room, id=f"{n:020x}")
    with pytest.raises(Refused, match="sent 3 events already"):
        add(room, id=f"{7:020x}")
    room.close()
    again = Room(tmp_path / "room.sqlite3", TODOS, max_events=3)  # and after a restart
    with pytest.raises(Refused, match="sent 3 events already"):
        add(again, id=f"{8:020x}")
    assert again.count_events() == 3


def test_a_cause_is_shown_in_the_words_of_the_checks_table_and_only_the_workshops():
    from room.causes import describe
    assert describe("transpose") == CAUSES["transpose"] != "transpose"
    assert describe("no-such-cause") == describe("Go.home.now") == "a cause the room does not know"
    assert describe(None) == "no named cause"
    assert describe("not-written") == "not written yet" and describe("earlier-todo") == "comes from an earlier TODO"
    assert {"not-written", "earlier-todo"} <= set(CAUSES)  # the checks' identifiers, as the room spells them


def test_an_invented_cause_never_reaches_the_page(tmp_path):
    room = opened_long_ago(tmp_path / "room.sqlite3")
    cell = add(room, cause="Go.home.now")
    assert (cell["cause"], cell["cause_text"]) == ("unknown", "a cause the room does not know")
    assert "Go.home" not in json.dumps(room.state())


def test_not_written_is_its_own_outcome_and_starts_no_attempts(tmp_path):
    room = opened_long_ago(tmp_path / "room.sqlite3")
    cell = add(room, id="a" * 16, time=NOW - 600, cause="not-written")
    assert (cell["status"], cell["stuck"], "cause" in cell) == ("not-written", False, False)
    add(room, id="b" * 16, time=NOW - 60, cause="sign")
    cell = add(room, id="c" * 16, time=NOW - 30, cause="sign")  # written now, and wrong: stuck since the first
    assert (cell["status"], cell["stuck"], cell["attempts"]) == ("failing", True, 2)
    assert cell["since"] == pytest.approx(NOW - 57)
    cell = add(room, id="d" * 16, time=NOW - 10, cause="earlier-todo")
    assert (cell["cause_text"], cell["attempts"]) == ("comes from an earlier TODO", 3)


def test_stuck_means_where_the_participant_is_now(tmp_path):
    room = opened_long_ago(tmp_path / "room.sqlite3")
    first = add(room, id="a" * 16, notebook="02", todo="sigmoid", time=NOW - 600, cause="sign")
    assert first["stuck"] is True
    cells = room.add(parse(event(id="b" * 16, notebook="03", todo="backprop", time=NOW - 700)), "10.0.0.1")
    assert [c["todo"] for c in cells] == ["backprop"]  # tried before the failure: sigmoid is still where she is
    cells = room.add(parse(event(id="c" * 16, notebook="02", todo="feedforward_no_bias", time=NOW - 300,
                                 cause="not-written")), "10.0.0.1")
    assert [(c["todo"], c["stuck"]) for c in cells] == [("feedforward_no_bias", False), ("sigmoid", False)]
    cells = room.add(parse(event(id="d" * 16, notebook="02", todo="sigmoid", time=NOW - 200, cause="sign")),
                     "10.0.0.1")
    assert [(c["todo"], c["stuck"]) for c in cells] == [("sigmoid", True)]  # back at it, and failing: stuck
    assert {c["todo"]: c["stuck"] for c in room.state()["cells"]} == \
        {"sigmoid": True, "backprop": True, "feedforward_no_bias": False}


def test_nobody_looks_stuck_since_before_they_joined_or_the_room_opened(tmp_path):
    room = Room(tmp_path / "room.sqlite3", TODOS, per_address=None)  # opened now, by the machine's clock
    now = time.time()
    prank = room.add(events.parse(json.dumps(event(time=now - 11 * 3600, sent=now)).encode(), set(TODOS), now),
                     "10.0.0.1", now=now)[0]
    assert prank["since"] == prank["last"] == now  # the room saw them first now: not "failing for 11 hours"
    earlier = opened_long_ago(tmp_path / "earlier.sqlite3")
    add(earlier, participant="1" * 16, id="a" * 20, time=NOW - 10, now=NOW - 3600)  # joined an hour ago
    cell = add(earlier, participant="1" * 16, id="b" * 20, time=NOW - 11 * 3600)
    assert cell["since"] == NOW - 3600 and cell["attempts"] == 2


def test_a_hidden_participant_is_off_the_page_refused_and_stays_hidden(tmp_path):
    room = opened_long_ago(tmp_path / "room.sqlite3")
    for i in range(3):
        add(room, participant=f"{i:016x}", id=f"{i:020x}", cause="sign")
    room.hide(f"{1:016x}")
    with pytest.raises(Refused, match="The instructor took you out of this room") as refused:
        add(room, participant=f"{1:016x}", id="f" * 20)
    assert refused.value.status == 403
    room.close()
    again = Room(tmp_path / "room.sqlite3", TODOS)
    state = again.state()
    assert [p["hidden"] for p in state["participants"]] == [False, True, False]
    assert {c["participant"] for c in state["cells"]} == {f"{0:016x}", f"{2:016x}"}
    assert again.summary("03", "backprop")["failing"] == 2
    again.hide(f"{1:016x}", False)
    assert again.summary("03", "backprop")["failing"] == 3
    with pytest.raises(Refused, match="No such participant"):
        again.hide("f" * 16)


def test_a_room_file_from_before_hiding_opens_as_it_was(tmp_path):
    path = tmp_path / "room.sqlite3"
    with sqlite3.connect(path) as old:
        old.executescript(
            "CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);"
            "INSERT INTO settings VALUES ('code', 'WXYZ');"
            "CREATE TABLE participants (id TEXT PRIMARY KEY, name TEXT NOT NULL, address TEXT NOT NULL, "
            "first_seen REAL NOT NULL);"
            "INSERT INTO participants VALUES ('aaaaaaaaaaaaaaaa', 'Ada', '10.0.0.1', 1800000000.0);")
    room = Room(path, TODOS)
    assert room.code == "WXYZ" and room.state()["participants"] == [{"id": "a" * 16, "name": "Ada", "hidden": False}]
