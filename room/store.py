"""The room's memory: one SQLite file holds every event; the view of the room is computed from it.

Stop the server and start it again with the same file, and the room (its code, the instructor's
key, the secret that signs its cookies on a hub, every participant, whom the instructor hid, and
every event) is as it was.
"""
import bisect
import collections
import csv
import io
import secrets
import sqlite3
import time

from .causes import NOT_WRITTEN, UNKNOWN, describe, known
from .events import Refused

CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to confuse
SCHEMA = """
CREATE TABLE IF NOT EXISTS settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS participants (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, address TEXT NOT NULL, first_seen REAL NOT NULL,
    hidden INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY, participant TEXT NOT NULL REFERENCES participants(id), notebook TEXT NOT NULL,
    todo TEXT NOT NULL, passed INTEGER NOT NULL, cause TEXT, time REAL NOT NULL, at REAL NOT NULL,
    received REAL NOT NULL);
"""
HIDDEN = "The instructor took you out of this room: your checks are not sent to it any more."


class Room:
    """The room in ``path`` (created if new): its code, key, participants and their checks' outcomes.

    ``todos``: the workshop's ``[(notebook, todo), ...]`` in order. At most ``per_address``
    participants join from one network address (None: no limit; on a hub, which says who is who,
    every kernel may post from the same address), ``max_participants`` in all, and each sends
    at most ``max_events`` events (a whole workshop is about a hundred).
    """

    def __init__(self, path, todos, per_address=4, max_participants=1000, max_events=5000):
        self.todos, self.todo_set = list(todos), set(todos)
        self.order = {todo: i for i, todo in enumerate(self.todos)}
        self.per_address, self.max_participants, self.max_events = per_address, max_participants, max_events
        self.db = sqlite3.connect(path)
        self.db.execute("PRAGMA journal_mode=WAL")  # a commit is an append to a log, synced to the disk
        self.db.executescript(SCHEMA)
        if "hidden" not in [row[1] for row in self.db.execute("PRAGMA table_info(participants)")]:
            with self.db:  # a room file from before participants could be hidden
                self.db.execute("ALTER TABLE participants ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0")
        self.code = self._setting("code", lambda: "".join(secrets.choice(CODE_LETTERS) for _ in range(4)))
        self.key = self._setting("key", lambda: secrets.token_urlsafe(18))
        self.cookie_secret = self._setting("cookie_secret", lambda: secrets.token_hex(32))
        self.opened = float(self._setting("opened", lambda: repr(time.time())))
        self._load()

    def _setting(self, name, new):
        row = self.db.execute("SELECT value FROM settings WHERE name = ?", (name,)).fetchone()
        if row:
            return row[0]
        value = new()
        with self.db:
            self.db.execute("INSERT INTO settings VALUES (?, ?)", (name, value))
        return value

    def _load(self):
        """Read the participants and events back from the file."""
        self.names, self.first_seen, self.hidden = {}, {}, set()
        self.per_ip, self.sent = collections.Counter(), collections.Counter()
        # (participant, notebook, todo) -> [(time, at, passed, cause)], in the order the learner ran them
        self.runs = collections.defaultdict(list)
        self.tried = collections.defaultdict(set)  # (notebook, todo) -> participants who ran its check
        self.keys = collections.defaultdict(set)  # participant -> the (participant, notebook, todo) they ran
        for pid, name, address, first_seen, hidden in self.db.execute(
                "SELECT id, name, address, first_seen, hidden FROM participants"):
            self.names[pid], self.first_seen[pid] = name, first_seen
            self.per_ip[address] += 1
            if hidden:
                self.hidden.add(pid)
        for pid, notebook, todo, passed, cause, learner_time, at in self.db.execute(
                "SELECT participant, notebook, todo, passed, cause, time, at FROM events ORDER BY time"):
            self._remember(pid, notebook, todo, (learner_time, at, bool(passed), cause))

    def _remember(self, pid, notebook, todo, run):
        bisect.insort(self.runs[pid, notebook, todo], run, key=lambda r: r[0])  # in the learner's order
        self.sent[pid] += 1
        self.tried[notebook, todo].add(pid)
        self.keys[pid].add((pid, notebook, todo))

    def add(self, event, address, now=None):
        """Store one parsed event (see events.parse) sent from ``address``; ``commit`` makes it durable.

        Returns the cells it changes (see ``cell``): the event's own, and those of earlier TODOs that
        are no longer stuck because of it; None when this event was already stored (a kernel sends
        again what it is not sure arrived). Raises Refused (429) when the participant is new and too
        many have joined from this address or in all, or when the participant has sent ``max_events``
        already; (403) when the instructor hid the participant. ``now``: the room's clock (default: now).
        """
        pid, now = event["participant"], now or time.time()
        if pid in self.hidden:
            raise Refused(403, HIDDEN)
        if pid not in self.names:
            if self.per_address is not None and self.per_ip[address] >= self.per_address:
                raise Refused(429, f"Already {self.per_address} participants from this address.")
            if len(self.names) >= self.max_participants:
                raise Refused(429, f"The room is full ({self.max_participants} participants).")
            self.db.execute("INSERT INTO participants (id, name, address, first_seen) VALUES (?, ?, ?, ?)",
                            (pid, event["name"], address, now))
            self.per_ip[address] += 1
            self.first_seen[pid] = now
        elif self.sent[pid] >= self.max_events:
            raise Refused(429, f"This participant has sent {self.max_events} events already.")
        elif self.names[pid] != event["name"]:
            self.db.execute("UPDATE participants SET name = ? WHERE id = ?", (event["name"], pid))
        self.names[pid] = event["name"]
        stored = self.db.execute(
            "INSERT OR IGNORE INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (event["id"], pid, event["notebook"], event["todo"], event["passed"], event["cause"],
             event["time"], event["at"], now)).rowcount
        if not stored:
            return None
        key = (pid, event["notebook"], event["todo"])
        earlier = [other for other in self.keys[pid] if self.order[other[1:]] < self.order[key[1:]]]
        stuck_before = [self.stuck(*other) for other in earlier]  # only a later TODO's check moves someone past
        self._remember(*key, (event["time"], event["at"], event["passed"], event["cause"]))
        return [self.cell(*key)] + [self.cell(*other) for other, was in zip(earlier, stuck_before)
                                    if self.stuck(*other) != was]

    def commit(self):
        """Write what was added to the disk (one commit for many events: the server calls it once per batch)."""
        self.db.commit()

    def hide(self, pid, hidden=True):
        """Hide participant ``pid`` from the room's page and refuse their events (False: show them again)."""
        if pid not in self.names:
            raise Refused(404, "No such participant in this room.")
        with self.db:
            self.db.execute("UPDATE participants SET hidden = ? WHERE id = ?", (int(hidden), pid))
        (self.hidden.add if hidden else self.hidden.discard)(pid)

    @staticmethod
    def status(run):
        """"passed", "not-written" (the TODO still raises NotImplementedError) or "failing"."""
        return "passed" if run[2] else "not-written" if run[3] == NOT_WRITTEN else "failing"

    def stuck(self, pid, notebook, todo):
        """True when the participant's latest run of this check failed and they have not moved past it.

        Moved past: they ran the check of a later TODO (workshop order) after it, whatever its outcome."""
        runs = self.runs[pid, notebook, todo]
        if self.status(runs[-1]) != "failing":
            return False
        later = self.order[notebook, todo]
        return not any(self.order[key[1:]] > later and self.runs[key][-1][0] > runs[-1][0] for key in self.keys[pid])

    def cell(self, pid, notebook, todo):
        """One participant's state on one TODO, as a dict (JSON for the page).

        ``status`` is that of the latest run of the check (no runs: no cell); ``stuck`` see ``stuck``.
        For "failing": ``cause`` of the latest run (an identifier of the workshop's, or "unknown"),
        ``attempts`` failed in a row since the last pass or "not written", ``since`` the first of
        them. Times are the room's clock, never before the participant's first event reached it.
        """
        runs = self.runs[pid, notebook, todo]
        floor = max(self.first_seen[pid], self.opened)
        status = self.status(runs[-1])
        cell = {"participant": pid, "name": self.names[pid], "notebook": notebook, "todo": todo, "status": status,
                "stuck": self.stuck(pid, notebook, todo), "last": max(runs[-1][1], floor), "runs": len(runs)}
        if status == "failing":
            streak = len(runs) - max((i + 1 for i, run in enumerate(runs) if self.status(run) != "failing"),
                                     default=0)
            cause = runs[-1][3]
            cell.update(cause=known(cause), cause_text=describe(cause), attempts=streak,
                        since=max(runs[-streak][1], floor))
        return cell

    def summary(self, notebook, todo):
        """For one TODO, among the participants not hidden: how many passed, are failing, have not written
        it yet; and the most common named cause of the failing (one of the workshop's)."""
        latest = [self.runs[pid, notebook, todo][-1] for pid in self.tried[notebook, todo] - self.hidden]
        count = collections.Counter(self.status(run) for run in latest)
        causes = collections.Counter(known(run[3]) for run in latest if self.status(run) == "failing")
        causes.pop(None, None)
        causes.pop(UNKNOWN, None)
        cause, cause_count = min(causes.items(), key=lambda item: (-item[1], item[0]), default=(None, 0))
        return {"notebook": notebook, "todo": todo, "passed": count["passed"], "failing": count["failing"],
                "not_written": count["not-written"], "cause": cause,
                "cause_text": describe(cause) if cause else None, "cause_count": cause_count}

    def state(self):
        """The whole room, for the instructor's page: TODOs, participants, cells (none of the hidden), summaries."""
        return {"code": self.code, "now": time.time(),
                "todos": [{"notebook": n, "todo": t} for n, t in self.todos],
                "participants": [{"id": pid, "name": name, "hidden": pid in self.hidden}
                                 for pid, name in self.names.items()],
                "cells": [self.cell(*key) for key in self.runs if key[0] not in self.hidden],
                "summaries": [self.summary(n, t) for n, t in self.todos]}

    def count_events(self):
        """How many events are stored."""
        return self.db.execute("SELECT COUNT(*) FROM events").fetchone()[0]

    def csv(self):
        """Every event, oldest first, as CSV text (times in UTC)."""
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["time_utc", "participant", "name", "notebook", "todo", "passed", "cause"])
        for at, pid, name, notebook, todo, passed, cause in self.db.execute(
                "SELECT at, participant, name, notebook, todo, passed, cause FROM events "
                "JOIN participants ON participants.id = events.participant ORDER BY at"):
            stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(at))
            writer.writerow([stamp, pid, _spreadsheet_safe(name), notebook, todo, int(passed), cause or ""])
        return out.getvalue()

    def delete(self):
        """Delete every participant and event (the room's code and key stay)."""
        with self.db:
            self.db.execute("DELETE FROM events")
            self.db.execute("DELETE FROM participants")
        self._load()

    def close(self):
        """Commit and close the file."""
        self.commit()
        self.db.close()


def _spreadsheet_safe(text):
    """A name a spreadsheet will not run as a formula ("=HYPERLINK(...)" becomes "'=HYPERLINK(...)")."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
