"""How does the room hold up under a whole class? 100, then 300 simulated participants.

    python tools/room_load.py                  # 100 then 300 participants
    python tools/room_load.py --participants 30 --attempts 4

Each participant is the real reporter of helpers/room.py (its own queue and thread, as in a
kernel), and sends the events of a whole workshop: for each TODO in workshop order, a few failed
attempts (0 to --attempts-1, with a named cause) and then the pass. The TODOs come in bursts:
everyone runs the same check at the same moment (harder than "in the same minute"). The room is
the real server (python -m room, on 127.0.0.1, its own SQLite file).

Printed: events per second (all events / the time from the first burst to the last event stored),
the time the room took to accept an event (median, 99th percentile, worst: from the start of the
POST to its answer), events lost (given to a reporter but not in the database: must be 0), events
sent twice (a POST that timed out but had arrived; stored once), the server's memory (PSS, from
/proc/PID/smaps_rollup, highest seen) and CPU (user + system seconds, and per event), and how many
messages an instructor's page, open all along, got (one per batch of events written together) and
the cells they changed.
Not a test: the numbers depend on the machine and on what else it is doing (the client and the
server share its cores).
"""
import argparse
import json
import multiprocessing
import random
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import helpers.room  # noqa: E402
from helpers.check import Outcome  # noqa: E402
from room import launch  # noqa: E402
from room.todos import workshop_todos  # noqa: E402

CAUSES = ["transpose", "sign", "scale:n", "in-place", None]


class TimedReporter(helpers.room.Reporter):
    """helpers.room's reporter, timing each POST."""

    def __init__(self, *args, **kwargs):
        self.times, self.retries = [], 0
        super().__init__(*args, **kwargs)

    def _send(self, event):
        started = time.perf_counter()
        result = super()._send(event)
        self.times.append(time.perf_counter() - started)
        self.retries += result == "later"
        return result


def pss_kb(pid):
    """The process's proportional set size in kB (shared pages split among the processes that share them)."""
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1])
    raise RuntimeError("no Pss line")


def cpu_seconds(pid):
    """User + system CPU seconds the process has used."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / 100  # utime, stime in clock ticks (100 per second on Linux)


def simulate(url, code, ids, attempts, seed, barrier, results):
    """One client process: the participants ``ids``, burst after burst in step with the other processes."""
    rng = random.Random(seed)
    reporters = [TimedReporter(url, code, f"Participant {i}", f"{i:016x}") for i in ids]
    given = 0
    barrier.wait()
    started = time.monotonic()  # the same clock in every process
    for notebook, todo in workshop_todos():
        barrier.wait()  # a burst: everyone runs this check now
        for reporter in reporters:
            for _ in range(rng.randrange(attempts)):
                reporter(Outcome(notebook, todo, False, rng.choice(CAUSES)))
                given += 1
            reporter(Outcome(notebook, todo, True, None))
            given += 1
        while any(reporter.queue for reporter in reporters):  # the burst is over when everything is sent
            time.sleep(0.01)
    barrier.wait()
    results.put({"started": started, "ended": time.monotonic(), "given": given, "times": [t for r in reporters for t in r.times], "sent": sum(r.sent for r in reporters),
                 "retries": sum(r.retries for r in reporters), "dropped": sum(r.dropped for r in reporters)})
    for reporter in reporters:
        reporter.close()


def run(participants, attempts, processes):
    """One room, ``participants`` reporters in ``processes`` client processes; returns the measurements."""
    context = multiprocessing.get_context("fork")
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "room.sqlite3"
        room = launch.start(db, None, "--per-address", str(participants))
        pid = room.process.pid
        barrier, results = context.Barrier(processes), context.Queue()
        clients = [context.Process(target=simulate, args=(room.url, room.code, range(k, participants, processes),
                                                          attempts, k, barrier, results)) for k in range(processes)]
        for client in clients:
            client.start()
        peak, cpu_before, done = [pss_kb(pid)], cpu_seconds(pid), threading.Event()
        watched = [0, 0]  # messages the instructor's page got (server-sent events), and cells changed in them

        def watch():  # the instructor's page is open all along
            request = urllib.request.Request(room.url + "/api/stream", headers={"Cookie": f"room_key={room.key}"})
            with urllib.request.build_opener(urllib.request.ProxyHandler({})).open(request, timeout=600) as stream:
                for line in stream:
                    if line.startswith(b"data: "):
                        watched[0] += 1
                        watched[1] += len(json.loads(line[6:]).get("cells", []))
        threading.Thread(target=watch, daemon=True).start()

        def sample():  # the server's memory, five times a second
            while not done.wait(0.2):
                peak.append(pss_kb(pid))
        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        parts = [results.get(timeout=600) for _ in clients]
        cpu = cpu_seconds(pid) - cpu_before
        time.sleep(0.5)  # the last changes on their way to the page
        done.set()
        sampler.join()
        elapsed = max(p["ended"] for p in parts) - min(p["started"] for p in parts)
        for client in clients:
            client.join(timeout=30)
        stored = sqlite3.connect(db).execute("SELECT COUNT(*) FROM events").fetchone()[0]
        room.stop()
    given, times = sum(p["given"] for p in parts), sorted(t for p in parts for t in p["times"])
    return {"participants": participants, "events": given, "seconds": elapsed, "per_second": given / elapsed,
            "median_ms": 1000 * statistics.median(times), "p99_ms": 1000 * times[int(0.99 * (len(times) - 1))],
            "worst_ms": 1000 * times[-1], "lost": given - stored, "twice": sum(p["sent"] for p in parts) - stored,
            "retries": sum(p["retries"] for p in parts), "dropped": sum(p["dropped"] for p in parts),
            "pss_mb": max(peak) / 1024, "cpu_s": cpu, "cpu_ms_per_event": 1000 * cpu / given,
            "messages": watched[0], "cells": watched[1]}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--participants", type=int, nargs="+", default=[100, 300])
    parser.add_argument("--attempts", type=int, default=4, help="each TODO: 0 to ATTEMPTS-1 failures, then a pass")
    parser.add_argument("--processes", type=int, default=2, help="client processes the participants are spread over")
    args = parser.parse_args()
    print(f"{len(workshop_todos())} TODOs in bursts; each: 0 to {args.attempts - 1} failed attempts, then a pass; "
          f"participants spread over {args.processes} client processes.")
    print(f"{'participants':>12} {'events':>7} {'events/s':>8} {'median ms':>9} {'p99 ms':>7} {'worst ms':>8} "
          f"{'lost':>4} {'twice':>5} {'retries':>7} {'PSS MB':>6} {'CPU s':>6} {'CPU ms/event':>12} {'page messages':>13} {'cells':>6}")
    for n in args.participants:
        r = run(n, args.attempts, args.processes)
        print(f"{r['participants']:>12} {r['events']:>7} {r['per_second']:>8.0f} {r['median_ms']:>9.1f} "
              f"{r['p99_ms']:>7.1f} {r['worst_ms']:>8.0f} {r['lost']:>4} {r['twice']:>5} {r['retries']:>7} "
              f"{r['pss_mb']:>6.1f} {r['cpu_s']:>6.1f} {r['cpu_ms_per_event']:>12.2f} {r['messages']:>13} {r['cells']:>6}", flush=True)
        if r["lost"] or r["dropped"]:
            print(f"  LOST {r['lost']} events ({r['dropped']} dropped from full queues)")


if __name__ == "__main__":
    main()
