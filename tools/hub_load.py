"""How many participants does one machine hold? A room of simulated participants on the workshop's hub.

    sudo .venv/bin/python tools/hub_load.py                # 30 participants, notebooks 01 to 04, as root
    sudo .venv/bin/python tools/hub_load.py --users 10 --notebooks 02 04
    sudo .venv/bin/python tools/hub_load.py --log hub.log  # keep the hub's, servers' and kernels' log

Starts the workshop's JupyterHub (hub/jupyterhub_config.py, through hub/launch.py) on 127.0.0.1, as
root (every participant a Unix user of their own, hubload-001 and on, removed at the end), with its
proxy and its room service, and makes the shared MNIST cache first, as hub/README.md says.
Then every participant, all at once, as in a room: logs in through the hub's form, has their
server started, joins the room (`helpers.room.join()`), and runs the notebooks one after the other,
each in a kernel of its own: every code cell of the completed notebook (solutions/NN_*.ipynb), in
order, whole (15 epochs of training in 04), in the participant's copy of the workshop. A participant
shuts a notebook's kernel down before opening the next, as "Shut Down Kernel" does; the last one
(notebook 04's) stays, and is measured.

Once every participant is done, it prints: the time until all finished, how many cells failed
(an error, or a cell that did not finish), how many TODO checks the room saw pass (every check of
every participant should), and the memory, as PSS (proportional set size, /proc/PID/smaps_rollup:
shared pages divided among the processes that map them, so the PSS of all processes adds up to the
memory they take; RSS would count the shared MNIST cache once in every kernel): per participant,
their single-user server and their kernel; the hub, its proxy and the room. Linux only.

A benchmark, not a test: the times depend on the machine and on what else it is doing. What each
process takes also depends on how many share its libraries: measure with as many participants as
you plan for (or more), not with one.
"""
import argparse
import asyncio
import os
import re
import shutil
import sqlite3
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import memory as memory_tool  # noqa: E402 (tools/memory.py, beside this file)
from hub import launch  # noqa: E402

PASSWORD = "participants-password"
ADMIN_PASSWORD = "an-instructor-password-of-32-characters-or-more"
INSTRUCTOR = "hubload-instructor"
CELL_TIMEOUT = 3600  # seconds a cell may go without output: 30 trainings share the cores


def pss_mb(pid):
    """The PSS of process ``pid`` in MB (tools/memory.py reads it), or None once it has gone."""
    try:
        return memory_tool.pss(pid)["Pss"]
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return None


def processes(root):
    """{pid: (command line, JUPYTERHUB_USER or None)} of process ``root`` and all its descendants.

    (Descendants by parent, not by session: the hub starts each server in a session of its own.)"""
    table = {}
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            parent = int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1])  # after the name: state, ppid
            command = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
            environ = (proc / "environ").read_bytes().split(b"\0")
        except (FileNotFoundError, ProcessLookupError, PermissionError, IndexError):
            continue
        user = next((e.split(b"=", 1)[1].decode() for e in environ if e.startswith(b"JUPYTERHUB_USER=")), None)
        table[int(proc.name)] = (parent, command, user)
    found, todo = {}, [root]
    while todo:
        pid = todo.pop()
        if pid in table:
            found[pid] = table[pid][1:]
            todo += [child for child, (parent, _, _) in table.items() if parent == pid]
    return found


def address_space_mb(pid):
    """The largest address space process ``pid`` has reserved (VmPeak), in MB: what RLIMIT_AS limits."""
    try:
        return int(re.search(r"^VmPeak:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text(), re.M).group(1)) / 1024
    except (FileNotFoundError, ProcessLookupError, AttributeError):
        return 0.0


def memory(hub, users):
    """PSS in MB: {"hub", "proxy", "room", "culler", "others"} and, per user, {"server", "kernels"} (the sum of theirs),
    and "reserved": the largest address space of any of their processes (VmPeak)."""
    found = processes(hub.process.pid)
    parts = {"hub": 0.0, "proxy": 0.0, "room": 0.0, "culler": 0.0, "others": 0.0}
    per_user = {name: {"server": 0.0, "kernels": 0.0, "reserved": 0.0} for name in users}
    for pid, (command, user) in found.items():
        size = pss_mb(pid) or 0.0
        if user in per_user:
            per_user[user]["reserved"] = max(per_user[user]["reserved"], address_space_mb(pid))
        if pid == hub.process.pid:
            parts["hub"] += size
        elif "configurable-http-proxy" in command:
            parts["proxy"] += size
        elif "-m room" in command:
            parts["room"] += size
        elif user in per_user and "jupyterhub.singleuser" in command.replace("-", "."):
            per_user[user]["server"] += size
        elif user in per_user and "ipykernel" in command:
            per_user[user]["kernels"] += size
        elif "jupyterhub_idle_culler" in command:
            parts["culler"] += size
        else:
            parts["others"] += size  # nothing else is expected: a process a participant left running, say
    return parts, per_user


def available_mb():
    """MemAvailable of the machine, in MB."""
    return int(re.search(r"^MemAvailable:\s+(\d+) kB", Path("/proc/meminfo").read_text(), re.M).group(1)) / 1024


def todos_passed(room_db):
    """{participant's hub name: how many distinct TODOs their checks passed}, from the room's own file."""
    with sqlite3.connect(f"file:{room_db}?mode=ro", uri=True) as db:
        rows = db.execute("SELECT name, COUNT(DISTINCT notebook || ':' || todo) FROM events "
                          "JOIN participants ON participants.id = events.participant WHERE passed GROUP BY name")
        return dict(rows.fetchall())


def todos_of(numbers):
    """How many TODO checks the completed notebooks ``numbers`` run (each `check.NAME(` call)."""
    return sum(len(set(re.findall(r"^check\.(\w+)\(", "\n".join(notebook(n)[1]), re.M))) for n in numbers)


def notebook(number):
    """(path in a participant's copy of the workshop, the completed notebook's code cells) of notebook ``number``."""
    path = next((ROOT / "solutions").glob(f"{number}_*.ipynb"))
    return f"workshop/notebooks/{path.name}", launch.notebook_cells(f"solutions/{path.name}")


async def participant(hub, name, numbers, log):
    """One participant: log in, start the server, join the room, run each notebook. Returns failed cells."""
    session, response = await asyncio.to_thread(launch.log_in, hub.url, name, PASSWORD)
    if response.status_code != 302:
        raise RuntimeError(f"{name} could not log in: {response.status_code}")
    await asyncio.to_thread(launch.start_server, hub, name)
    await asyncio.to_thread(launch.wait_until_ready, hub, name, 600)
    token = await asyncio.to_thread(launch.user_token, hub, name, 4 * 3600)
    failed, ws_url = [], None
    for k, number in enumerate(numbers):
        path, cells = notebook(number)
        if ws_url is not None:
            await asyncio.to_thread(launch.shut_down_kernel, hub, name, token, ws_url)
        ws_url = await asyncio.to_thread(launch.open_kernel, hub, name, token, path)
        if k == 0:  # joining the room: after the notebook's setup cell, which makes `import helpers` work
            cells = cells[:1] + ["import helpers\nhelpers.room.join()"] + cells[1:]
        try:
            results = await launch.run_cells(ws_url, token, cells, timeout=CELL_TIMEOUT)
        except (RuntimeError, asyncio.TimeoutError) as error:
            failed.append(f"{name}, {number}: {error or 'no answer'}")
            continue
        failed += [f"{name}, {number}, cell {i}: {text.strip().splitlines()[-1:] or status}"
                   for i, (status, text) in enumerate(results) if status != "ok"]
        log(f"{name} finished {number}")
    return failed


async def room_of(hub, users, numbers, log):
    """Every participant at once; returns (failed cells, seconds until the last one finished)."""
    start = time.perf_counter()
    outcomes = await asyncio.gather(*(participant(hub, name, numbers, log) for name in users), return_exceptions=True)
    failed = []
    for name, outcome in zip(users, outcomes):
        failed += [f"{name}: {type(outcome).__name__}: {outcome}"] if isinstance(outcome, BaseException) else outcome
    return failed, time.perf_counter() - start


def summary(values):
    return f"{statistics.median(values):.0f} (from {min(values):.0f} to {max(values):.0f})"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=30, help="simulated participants (default: 30)")
    parser.add_argument("--notebooks", nargs="+", default=["01", "02", "03", "04"],
                        help="the notebooks each runs, in order (default: 01 02 03 04)")
    parser.add_argument("--log", type=Path, help="keep the log of the hub and of every server and kernel in this file")
    args = parser.parse_args(argv)
    if os.geteuid() != 0:
        sys.exit("Run it as root, as the hub runs for a course: it makes a Unix user per participant.")
    users = [f"hubload-{n:03d}" for n in range(1, args.users + 1)]
    launch.remove_leftovers([*users, INSTRUCTOR])  # of an earlier run that was killed
    started = time.perf_counter()

    def log(message):
        print(f"{time.perf_counter() - started:7.0f} s  {message}", flush=True)

    work = launch.open_folder("hub-load-")  # every participant's user enters it: their homes are in it
    try:
        before = available_mb()
        log("making the shared MNIST cache")
        launch.make_cache(work / "cache")
        hub = launch.start(work, PASSWORD, ADMIN_PASSWORD, work / "cache", env={"WORKSHOP_ADMINS": INSTRUCTOR})
        try:
            log(f"the hub is up at {hub.url}; {len(users)} participants start")
            failed, seconds = asyncio.run(room_of(hub, users, args.notebooks, log))
            time.sleep(5)  # every kernel idle, the room's last events in
            parts, per_user = memory(hub, users)
            passed = todos_passed(hub.room_db)
            after = available_mb()
        finally:
            hub.stop()
            if args.log:
                shutil.copyfile(hub.log, args.log)
    finally:
        shutil.rmtree(work)
    expected = todos_of(args.notebooks)
    servers = [m["server"] for m in per_user.values()]
    kernels = [m["kernels"] for m in per_user.values()]
    totals = [m["server"] + m["kernels"] for m in per_user.values()]
    everything = sum(totals) + sum(parts.values())
    print(f"\n{len(users)} participants, notebooks {' '.join(args.notebooks)}, each in a kernel of its own "
          f"(the last one kept), all at once; {os.cpu_count()} cores\n")
    print("| what | measured |\n| --- | --- |")
    print(f"| time until every participant finished | {seconds:.0f} s |")
    print(f"| cells that failed | {len(failed)} |")
    print(f"| participants whose room shows every TODO passed ({expected}) | "
          f"{sum(passed.get(name) == expected for name in users)} of {len(users)} |")
    print(f"| PSS per participant: single-user server | {summary(servers)} MB |")
    print(f"| PSS per participant: notebook {args.notebooks[-1]}'s kernel | {summary(kernels)} MB |")
    print(f"| PSS per participant: both | {summary(totals)} MB |")
    print(f"| address space reserved by a participant's largest process (VmPeak) | "
          f"{summary([m['reserved'] for m in per_user.values()])} MB |")
    print(f"| PSS of the hub, its proxy, the room, the culler, any other | {parts['hub']:.0f}, {parts['proxy']:.0f}, "
          f"{parts['room']:.0f}, {parts['culler']:.0f}, {parts['others']:.0f} MB |")
    print(f"| PSS of all of it | {everything:.0f} MB ({everything / len(users):.0f} MB per participant) |")
    print(f"| the machine's available memory, before and at the end | {before:.0f} MB, {after:.0f} MB |")
    for line in failed[:20]:
        print("failed:", line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
