"""The room's memory: one SQLite file holds every event; the view of the room is computed from it.

Stop the server and start it again with the same file, and the room (its code, the instructor's
key, the secret that signs its cookies on a hub, every participant and event) is as it was.
"""
import bisect
import collections
import csv
import io
import secrets
import sqlite3
import time

from .causes import describe
from .events import Refused

CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to confuse
SCHEMA = """
CREATE TABLE IF NOT EXISTS settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS participants (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, address TEXT NOT NULL, first_seen REAL NOT NULL);
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY, participant TEXT NOT NULL REFERENCES participants(id), notebook TEXT NOT NULL,
    todo TEXT NOT NULL, passed INTEGER NOT NULL, cause TEXT, time REAL NOT NULL, at REAL NOT NULL,
    received REAL NOT NULL);
"""


class Room:
    """The room in ``path`` (created if new): its code, key, participants and their checks' outcomes.

    ``todos``: the workshop's ``[(notebook, todo), ...]`` in order. At most ``per_address``
    participants join from one network address (None: no limit; on a hub, which says who is who,
    every kernel may post from the same address), ``max_participants`` in all, and each sends
    at most ``max_events`` events (a whole workshop is about a hundred).
    """

    def __init__(self, path, todos, per_address=20, max_participants=1000, max_events=5000):
        self.todos, self.todo_set = list(todos), set(todos)
        self.per_address, self.max_participants, self.max_events = per_address, max_participants, max_events
        self.db = sqlite3.connect(path)
        self.db.execute("PRAGMA journal_mode=WAL")  # a commit is an append to a log, synced to the disk
        self.db.executescript(SCHEMA)
        self.code = self._setting("code", lambda: "".join(secrets.choice(CODE_LETTERS) for _ in range(4)))
        self.key = self._setting("key", lambda: secrets.token_urlsafe(18))
        self.cookie_secret = self._setting("cookie_secret", lambda: secrets.token_hex(32))
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
        self.names, self.per_ip, self.sent = {}, collections.Counter(), collections.Counter()
        # (participant, notebook, todo) -> [(time, at, passed, cause)], in the order the learner ran them
        self.runs = collections.defaultdict(list)
        self.tried = collections.defaultdict(set)  # (notebook, todo) -> participants who ran its check
        for pid, name, address in self.db.execute("SELECT id, name, address FROM participants"):
            self.names[pid] = name
            self.per_ip[address] += 1
        for pid, notebook, todo, passed, cause, learner_time, at in self.db.execute(
                "SELECT participant, notebook, todo, passed, cause, time, at FROM events ORDER BY time"):
            self.runs[pid, notebook, todo].append((learner_time, at, bool(passed), cause))
            self.sent[pid] += 1
            self.tried[notebook, todo].add(pid)

    def add(self, event, address):
        """Store one parsed event (see events.parse) sent from ``address``; ``commit`` makes it durable.

        Returns the cell it changes (see ``cell``), or None when this event was already stored
        (a kernel sends again what it is not sure arrived). Raises Refused (429) when the
        participant is new and too many have joined from this address or in all, or when
        the participant has sent ``max_events`` already.
        """
        pid, now = event["participant"], time.time()
        if pid not in self.names:
            if self.per_address is not None and self.per_ip[address] >= self.per_address:
                raise Refused(429, f"Already {self.per_address} participants from this address.")
            if len(self.names) >= self.max_participants:
                raise Refused(429, f"The room is full ({self.max_participants} participants).")
            self.db.execute("INSERT INTO participants VALUES (?, ?, ?, ?)", (pid, event["name"], address, now))
            self.per_ip[address] += 1
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
        self.sent[pid] += 1
        key = (pid, event["notebook"], event["todo"])
        # in the learner's order: by their clock (the room's ``at`` is as exact only to the network's delay)
        bisect.insort(self.runs[key], (event["time"], event["at"], event["passed"], event["cause"]),
                      key=lambda run: run[0])
        self.tried[key[1:]].add(pid)
        return self.cell(*key)

    def commit(self):
        """Write what was added to the disk (one commit for many events: the server calls it once per batch)."""
        self.db.commit()

    def cell(self, pid, notebook, todo):
        """One participant's state on one TODO, as a dict (JSON for the page).

        ``status`` is that of the latest run of the check: "passed" or "failing" (no runs: no cell).
        For "failing": ``cause`` of the latest run, ``attempts`` failed in a row, ``since`` the
        first of them (seconds since 1970, the room's clock).
        """
        runs = self.runs[pid, notebook, todo]
        _, at, passed, cause = runs[-1]
        cell = {"participant": pid, "name": self.names[pid], "notebook": notebook, "todo": todo,
                "status": "passed" if passed else "failing", "last": at, "runs": len(runs)}
        if not passed:
            streak = len(runs) - max((i + 1 for i, run in enumerate(runs) if run[2]), default=0)
            cell.update(cause=cause, cause_text=describe(cause), attempts=streak, since=runs[-streak][1])
        return cell

    def summary(self, notebook, todo):
        """For one TODO: how many passed, how many are failing, and the most common named cause now."""
        cells = [self.cell(pid, notebook, todo) for pid in self.tried[notebook, todo]]
        failing = [c for c in cells if c["status"] == "failing"]
        causes = collections.Counter(c["cause"] for c in failing if c["cause"] is not None)
        cause, count = min(causes.items(), key=lambda item: (-item[1], item[0]), default=(None, 0))
        return {"notebook": notebook, "todo": todo, "passed": len(cells) - len(failing), "failing": len(failing),
                "cause": cause, "cause_text": describe(cause) if cause else None, "cause_count": count}

    def state(self):
        """The whole room, for the instructor's page: TODOs, participants, cells, summaries."""
        return {"code": self.code, "now": time.time(),
                "todos": [{"notebook": n, "todo": t} for n, t in self.todos],
                "participants": [{"id": pid, "name": name} for pid, name in self.names.items()],
                "cells": [self.cell(*key) for key in self.runs],
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
