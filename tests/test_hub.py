"""The workshop's JupyterHub (hub/jupyterhub_config.py) with its room, started for real on 127.0.0.1 (hub/launch.py).

Runs on its own (marker `hub`): it needs configurable-http-proxy from npm, e.g.
    npm install --no-save --no-package-lock configurable-http-proxy@5   # into ./node_modules, looked at first
    python -m pytest -n 0 -m hub tests/test_hub.py
First the room as a service on its own, the hub's API unreachable: it takes the word of the hub, and
nobody else's, for who is who. Then the hub: participants log in with the shared password, their servers
start, and in each one a kernel joins the room (helpers.room.join(), nothing typed) and runs notebook 02's
cells as a participant would: the TODO as shipped, a wrong answer, the right one, each followed by its
check; the MNIST arrays come from the one cache the administrator made. The instructor, logged in to the
hub, sees each one's progress in the room; a participant sees nothing of it and cannot report as someone else.
"""
import asyncio
import concurrent.futures
import csv
import http.client
import io
import json
import os
import pwd
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from hub import launch
from room.store import Room
from room.todos import workshop_todos
from tests.chromium import CHROMIUM, browser  # noqa: F401 (browser: a fixture)

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "workshop-password"
ADMIN_PASSWORD = "an-instructor-password-of-32-characters-or-more"
ADA, GRACE, ALAN = "hubtest-ada", "hubtest-grace", "hubtest-alan"  # Unix users made by the hub, then removed
PARTICIPANTS = [ADA, GRACE, ALAN]
INSTRUCTOR = "hubtest-instructor"
ROOM = "/services/room/"

pytestmark = pytest.mark.hub


def participant_id(name):
    """The room's number for the hub user ``name`` (room/hub.py needs JupyterHub: imported here, not on collection)."""
    from room.hub import participant_id
    return participant_id(name)


@pytest.fixture
def room_on_a_hub_that_is_down(tmp_path):
    """``python -m room --hub`` as JupyterHub starts it, but the hub's API is unreachable (http://127.0.0.1:9)."""
    port = launch.free_port()
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("JUPYTERHUB_")},
           "JUPYTERHUB_SERVICE_NAME": "room", "JUPYTERHUB_SERVICE_URL": f"http://127.0.0.1:{port}",
           "JUPYTERHUB_SERVICE_PREFIX": "/services/room/", "JUPYTERHUB_API_URL": "http://127.0.0.1:9/hub/api",
           "JUPYTERHUB_API_TOKEN": "the-services-token", "JUPYTERHUB_CLIENT_ID": "service-room",
           "JUPYTERHUB_OAUTH_CALLBACK_URL": "/services/room/oauth_callback",
           "JUPYTERHUB_OAUTH_ACCESS_SCOPES": json.dumps(["access:services", "access:services!service=room"])}
    process = subprocess.Popen([sys.executable, "-m", "room", "--hub", "--db", str(tmp_path / "room.sqlite3")],
                               cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert "The room is open at /services/room/ on the hub" in process.stdout.readline()
        yield http.client.HTTPConnection("127.0.0.1", port, timeout=30), tmp_path / "room.sqlite3"
    finally:
        process.kill()
        process.wait(timeout=10)
        assert "Traceback" not in process.stderr.read()


def test_as_a_hub_service_the_hub_says_who_is_who_and_nobody_else(room_on_a_hub_that_is_down):
    connection, db = room_on_a_hub_that_is_down

    def ask(method, path, body=None, headers=()):
        connection.request(method, path, body, dict(headers))
        response = connection.getresponse()
        return response.status, response.getheader("Location"), response.read()
    room = Room(db, workshop_todos())
    key = room.key  # the laptop's key: it opens nothing on a hub
    for path in ("/services/room/instructor", f"/services/room/instructor?key={key}"):
        status, location, _ = ask("GET", path)  # not logged in: to the hub's login (OAuth), with a state
        assert status == 302 and location.startswith("/hub/api/oauth2/authorize?client_id=service-room&")
        assert "redirect_uri=%2Fservices%2Froom%2Foauth_callback" in location and "state=" in location
    assert ask("GET", "/services/room/")[:2] == (302, "/services/room/instructor")
    for path in ("api/state", "api/stream", "export.csv"):
        status, _, body = ask("GET", "/services/room/" + path)
        assert (status, json.loads(body)["error"]) == (403, "Log in to the hub as an instructor first.")
    event = {"id": "2" * 20, "notebook": "02", "todo": "sigmoid", "passed": True, "cause": None,
             "time": time.time() - 1, "sent": time.time()}  # as a kernel on a hub sends it: it names nobody
    status, _, body = ask("POST", "/services/room/api/events", json.dumps(event))  # no token
    assert status == 403 and "a participant's kernel reports with its server's token" in json.loads(body)["error"]
    status, _, body = ask("POST", "/services/room/api/events", json.dumps(event),
                          {"Authorization": "token a-kernels-token"})  # the hub cannot be asked: later
    assert (status, json.loads(body)["error"]) == (503, "The room cannot ask the hub who you are right now; "
                                                        "try again in a minute.")
    assert room.count_events() == 0
    room.close()


def test_a_hub_not_started_as_root_refuses_with_words_unless_asked_for_a_rehearsal():
    work = launch.open_folder("workshop-hub-test-")
    try:
        for folder in ("refused", "rehearsal"):
            (work / folder).mkdir(mode=0o755)
        with pytest.raises(RuntimeError) as refused:  # as the user nobody: it cannot switch users
            launch.start(work / "refused", PASSWORD, ADMIN_PASSWORD, work / "cache", as_user="nobody")
        assert "must be started as root (sudo) to give each participant a Unix user of their own" in str(refused.value)
        rehearsal = launch.start(work / "rehearsal", PASSWORD, ADMIN_PASSWORD, work / "cache", as_user="nobody",
                                 env={"WORKSHOP_REHEARSAL": "1", "WORKSHOP_ADMINS": INSTRUCTOR})
        try:
            words = "participants are not separated"
            started = rehearsal.log_tail(10**6)
            assert f"Rehearsal: every participant's server runs as the hub's own user, so {words}" in started
            assert words in requests.get(f"{rehearsal.url}/hub/login", timeout=30).text  # before logging in
            session, response = launch.log_in(rehearsal.url, INSTRUCTOR, ADMIN_PASSWORD)
            assert response.status_code == 302
            assert words in session.get(f"{rehearsal.url}/hub/home", timeout=30).text  # the instructor's page
            assert launch.accounts.leftovers([INSTRUCTOR]) == []  # and no Unix user was made
        finally:
            rehearsal.stop()
    finally:
        shutil.rmtree(work)


@pytest.fixture(scope="module")
def hub():
    """A running hub, started as root, its MNIST cache made by the administrator first; stopped by PID after,
    and the Unix users it made removed (with their homes), as is the folder it ran in."""
    if os.geteuid() != 0:
        pytest.fail("The hub's tests start it as root, as an administrator does (it makes a Unix user per participant).")
    launch.remove_leftovers([*PARTICIPANTS, INSTRUCTOR, "mallory"])  # of an earlier run that was killed
    work = launch.open_folder("workshop-hub-test-")
    try:
        launch.make_cache(work / "cache")  # as hub/README.md says
        try:
            running = launch.start(work, PASSWORD, ADMIN_PASSWORD, work / "cache", env={"WORKSHOP_ADMINS": INSTRUCTOR})
        except RuntimeError as error:
            pytest.fail(str(error))
        yield running
        running.stop()
        assert running.participants() == [] and not any(name in PARTICIPANTS for name in os.listdir(running.homes))
    finally:
        shutil.rmtree(work)


STUDENT = launch.notebook_cells("notebooks/02_forward_pass.ipynb")
SOLUTION = launch.notebook_cells("solutions/02_forward_pass.ipynb")
TODO = next(i for i, code in enumerate(STUDENT) if code.startswith("def sigmoid(z):"))
WRONG = "def sigmoid(z):\n    return 1 / (1 + np.exp(z))\n"
WHERE = ("import helpers.data\nfrom pathlib import Path\nX = helpers.load_mnist()[0][0]\n"
         "while not hasattr(X, 'filename'):\n    X = X.base\nprint(Path(X.filename).parent.parent)")
MEMORY = ("import json, os, ipykernel, helpers.shared_server\n"  # one BLAS thread, memory given back, Unix sockets
          "print(helpers.shared_server.release_memory in get_ipython().events.callbacks['post_run_cell'],"
          " os.environ['OPENBLAS_NUM_THREADS'], json.load(open(ipykernel.get_connection_file()))['transport'])")
CELLS = [STUDENT[0], STUDENT[1],  # the setup cell, the imports
         "helpers.room.join()",  # joining the hub's room: nothing to type
         STUDENT[TODO], STUDENT[TODO + 1],  # the TODO as shipped, and its check
         WRONG, STUDENT[TODO + 1],  # a wrong answer
         SOLUTION[TODO], STUDENT[TODO + 1],  # the right one
         WHERE, MEMORY]


@pytest.fixture(scope="module")
def notebook_02(hub):
    """Each participant logs in, their server starts, a kernel runs CELLS; returns {name: (ws_url, token, results)}."""
    assert "raise NotImplementedError" in STUDENT[TODO] and STUDENT[TODO + 1] == "check.sigmoid(sigmoid)"
    for name in PARTICIPANTS:
        assert launch.log_in(hub.url, name, PASSWORD)[1].status_code == 302
        launch.start_server(hub, name)
    kernels = {}
    for name in PARTICIPANTS:
        launch.wait_until_ready(hub, name)
        token = launch.user_token(hub, name)
        kernels[name] = (launch.open_kernel(hub, name, token, "workshop/notebooks/02_forward_pass.ipynb"), token)

    async def all_at_once():  # as in a room: everyone at the same time
        return await asyncio.gather(*(launch.run_cells(ws_url, token, CELLS) for ws_url, token in kernels.values()))
    return {name: (*kernels[name], results) for name, results in zip(kernels, asyncio.run(all_at_once()))}


def run(notebook_02, name, code):
    """Run one more cell in ``name``'s kernel; returns (its status, its text).

    In a thread of its own, whose event loop is free (Playwright's sync API runs one in this thread)."""
    ws_url, token, _ = notebook_02[name]
    with concurrent.futures.ThreadPoolExecutor(1) as thread:
        return thread.submit(asyncio.run, launch.run_cells(ws_url, token, [code])).result()[0]


def room_session(hub, name, password):
    """Log in to the hub through its form, then open the room's page as a browser does (OAuth); (session, page)."""
    session, response = launch.log_in(hub.url, name, password)
    assert response.status_code == 302, response.text
    page = session.get(f"{hub.url}{ROOM}instructor", timeout=30)  # to the hub's authorize, back, then the page
    return session, page


def test_the_shared_password_logs_participants_in_and_nothing_else(hub):
    for name in PARTICIPANTS:
        session, response = launch.log_in(hub.url, name, PASSWORD)
        assert response.status_code == 302, response.text
        assert session.get(f"{hub.url}/hub/api/user", timeout=30).json()["name"] == name
    session, response = launch.log_in(hub.url, "mallory", "not-the-password")
    assert response.status_code == 403 and "jupyterhub-session-id" not in response.cookies
    assert hub.api("GET", "/users/mallory").status_code == 404
    assert launch.accounts.leftovers(["mallory"]) == []  # and no Unix user
    # An account the machine already has is nobody's to open with the shared password; nor is a name useradd refuses.
    for name in ("root", "daemon", "ada lovelace"):
        assert launch.log_in(hub.url, name, PASSWORD)[1].status_code == 403, name
        assert hub.api("GET", f"/users/{name}").status_code == 404
    assert "Refused 'root': already a user of this machine" in hub.log_tail(10**6)
    # The instructor's name needs the admin password: the participants' one does not let anyone in as them.
    assert launch.log_in(hub.url, INSTRUCTOR, PASSWORD)[1].status_code == 403
    assert launch.log_in(hub.url, INSTRUCTOR, ADMIN_PASSWORD)[1].status_code == 302
    assert hub.api("GET", f"/users/{INSTRUCTOR}").json()["admin"] is True
    assert hub.api("GET", f"/users/{ADA}").json()["admin"] is False


def test_participants_run_notebook_02_in_their_own_servers(hub, notebook_02):
    for name in PARTICIPANTS:
        assert (hub.homes / name / "workshop" / "notebooks" / "02_forward_pass.ipynb").is_file()
    # A participant's token does not open another participant's server.
    other = requests.get(f"{hub.url}/user/{GRACE}/api/sessions", timeout=30, allow_redirects=False,
                         headers={"Authorization": f"token {notebook_02[ADA][1]}"})
    assert other.status_code in (302, 403)
    for name in PARTICIPANTS:
        results = notebook_02[name][2]
        statuses = [status for status, text in results]
        assert statuses[:4] == ["ok"] * 4 and statuses[5] == statuses[7] == statuses[9] == "ok", results
        joined, not_written, after_wrong, after_right, cache = (results[i][1] for i in (2, 4, 6, 8, 9))
        assert f"You joined the hub's room as {name}." in joined and "cannot be reached" not in joined
        assert "sigmoid is not written yet" in not_written and "✔" not in not_written
        assert "sigmoid" in after_wrong and "✔" not in after_wrong and statuses[6] == "error"
        assert "✔" in after_right and statuses[8] == "ok"
        assert cache.strip() == str(hub.cache), cache  # the arrays are the administrator's cache, shared
        assert results[10] == ("ok", "True 1 ipc\n"), results[10]  # hub.MEMORY_ENVIRONMENT, and no ports to race for


WHO = """import json, os
from pathlib import Path
server = Path(f"/proc/{os.getppid()}/status").read_text().split("Uid:")[1].split()[:2]
sockets = Path(os.environ["JUPYTER_RUNTIME_DIR"]).stat()
print(json.dumps([os.getuid(), os.geteuid(), [int(uid) for uid in server], os.getgroups(),
                  sockets.st_uid, oct(sockets.st_mode & 0o777), str(Path.home())]))"""


def test_each_participant_is_a_unix_user_of_their_own_and_never_root(hub, notebook_02):
    entries = {name: pwd.getpwnam(name) for name in PARTICIPANTS}
    assert len({entry.pw_uid for entry in entries.values()}) == len(PARTICIPANTS)
    shadow = dict(line.split(":")[:2] for line in Path("/etc/shadow").read_text().splitlines())
    for name, entry in entries.items():
        assert entry.pw_uid != 0 and entry.pw_gid != 0 and entry.pw_shell == "/usr/sbin/nologin"
        assert shadow[name].startswith(("!", "*"))  # no password: nobody logs in as them but through the hub
        home = Path(entry.pw_dir).stat()
        assert Path(entry.pw_dir).parent == hub.homes and (home.st_uid, oct(home.st_mode & 0o777)) == (entry.pw_uid, "0o700")
        status, text = run(notebook_02, name, WHO)
        assert status == "ok", text
        uid, euid, server, groups, sockets_owner, sockets_mode, home_folder = json.loads(text)
        assert uid == euid == entry.pw_uid and server == [entry.pw_uid] * 2  # the kernel, and its server
        assert groups == [entry.pw_gid] and (sockets_owner, sockets_mode) == (entry.pw_uid, "0o700")
        assert home_folder == entry.pw_dir


PROBE = """import json, os
from pathlib import Path


def attempt(action):
    try:
        action()
        return "allowed"
    except PermissionError:
        return "denied"
    except FileNotFoundError:
        return "missing"


tries = {{
    "own home: list": lambda: os.listdir(Path.home()),
    "own home: write": lambda: (Path.home() / "mine.txt").write_text("mine"),
    "other home: list": lambda: os.listdir({other_home!r}),
    "other notebook: read": lambda: open({other_notebook!r}).read(),
    "other home: write": lambda: open({other_home!r} + "/from-another.txt", "x").write("x"),
    "other kernel sockets: list": lambda: os.listdir({other_sockets!r}),
    "other kernel: signal": lambda: os.kill({other_kernel}, 0),
    "/etc/shadow": lambda: open("/etc/shadow").read(),
    "hub environment": lambda: open("/proc/{hub_pid}/environ", "rb").read(),
    "hub files: list": lambda: os.listdir({files!r}),
    "cookie secret": lambda: open({files!r} + "/jupyterhub_cookie_secret", "rb").read(),
    "hub database": lambda: open({files!r} + "/jupyterhub.sqlite", "rb").read(),
    "room database": lambda: open({room_db!r}, "rb").read(),
}}
print(json.dumps({{what: attempt(action) for what, action in tries.items()}}))"""


def test_a_participant_cannot_reach_another_participant_or_the_hubs_secrets(hub, notebook_02):
    grace = pwd.getpwnam(GRACE)
    kernels = [pid for pid in launch.accounts.processes_of({grace.pw_uid})
               if b"ipykernel" in Path(f"/proc/{pid}/cmdline").read_bytes()]
    paths = {"other_home": grace.pw_dir, "other_notebook": f"{grace.pw_dir}/workshop/notebooks/02_forward_pass.ipynb",
             "other_sockets": str(hub.homes.parent / "k" / GRACE), "files": str(hub.files), "room_db": str(hub.room_db)}
    for path in [*paths.values(), hub.files / "jupyterhub_cookie_secret", hub.files / "jupyterhub.sqlite"]:
        assert Path(path).exists(), path  # so that "denied" cannot be a file that is not there
    assert "WORKSHOP_ADMIN_PASSWORD" in Path(f"/proc/{hub.process.pid}/environ").read_text(errors="replace")
    assert len(kernels) == 1
    status, text = run(notebook_02, ADA, PROBE.format(**paths, other_kernel=kernels[0], hub_pid=hub.process.pid))
    assert status == "ok", text
    outcome = json.loads(text)
    assert outcome.pop("own home: list") == outcome.pop("own home: write") == "allowed"  # the probe works
    assert outcome == dict.fromkeys(outcome, "denied"), outcome
    assert not Path(grace.pw_dir, "from-another.txt").exists()


LIMITS = """import resource, threading
import numpy as np
soft, hard = resource.getrlimit(resource.RLIMIT_AS)
try:
    resource.setrlimit(resource.RLIMIT_AS, (hard * 2, hard * 2))
    raised = "raised"
except ValueError:
    raised = "refused"
try:
    too_big = np.empty(hard + 2**30, dtype=np.uint8)  # only reserved, never written: no memory taken
    allocation = "allowed"
    del too_big
except MemoryError as error:
    allocation = "MemoryError"
processes = resource.getrlimit(resource.RLIMIT_NPROC)
threading.stack_size(256 * 1024)
release, started, refused = threading.Event(), [], None
try:
    for _ in range(processes[1] + 50):
        started.append(threading.Thread(target=release.wait))
        started[-1].start()
except RuntimeError as error:
    started.pop()
    refused = str(error)
release.set()
for thread in started:
    thread.join()
print(soft, hard, raised, allocation, processes, len(started), refused)"""


def test_a_participants_processes_have_limits_they_cannot_raise(hub, notebook_02):
    status, text = run(notebook_02, ALAN, LIMITS)
    assert status == "ok", text
    soft, hard, raised, allocation, rest = text.split(" ", 4)
    assert int(soft) == int(hard) == 8192 * 2**20 and raised == "refused"  # WORKSHOP_PROCESS_MEMORY: 8192 MB
    assert allocation == "MemoryError"  # an array past the limit: an error in this kernel, not the machine's memory
    assert rest.startswith("(1024, 1024) ")  # WORKSHOP_PROCESSES: threads and processes of the participant
    threads, refused = rest.split(") ", 1)[1].split(" ", 1)
    assert int(threads) < 1024 and refused.strip() == "can't start new thread", text
    assert run(notebook_02, ALAN, "print(1 + 1)") == ("ok", "2\n")  # and the kernel goes on


def test_the_instructor_sees_each_participants_progress_in_the_room(hub, notebook_02):
    session, page = room_session(hub, INSTRUCTOR, ADMIN_PASSWORD)
    assert page.status_code == 200 and "<title>The room</title>" in page.text, page.text[:500]
    assert page.url == f"{hub.url}{ROOM}instructor"

    def sigmoid_cells():
        state = session.get(f"{hub.url}{ROOM}api/state", timeout=30).json()
        return state, {c["name"]: c for c in state["cells"] if (c["notebook"], c["todo"]) == ("02", "sigmoid")}
    deadline = time.monotonic() + 30  # the kernels send in the background: wait until all has arrived
    while len(sigmoid_cells()[1]) < 3 or any(c["runs"] < 3 for c in sigmoid_cells()[1].values()):
        assert time.monotonic() < deadline, sigmoid_cells()
        time.sleep(0.2)
    state, cells = sigmoid_cells()
    assert state["hub"] is True
    assert sorted(p["name"] for p in state["participants"]) == sorted(PARTICIPANTS)  # the hub's names
    for name in PARTICIPANTS:  # the latest of: not written, the wrong answer, the right one
        assert (cells[name]["status"], cells[name]["runs"]) == ("passed", 3)
        assert cells[name]["participant"] == participant_id(name)
    export = session.get(f"{hub.url}{ROOM}export.csv", timeout=30)
    rows = [row for row in csv.DictReader(io.StringIO(export.text)) if row["todo"] == "sigmoid"]
    for name in PARTICIPANTS:  # in order: not written, a sign flipped, passed
        assert [(row["passed"], row["cause"]) for row in rows if row["name"] == name][1:] == [("0", "sign"), ("1", "")]
        assert [row["passed"] for row in rows if row["name"] == name][0] == "0"
    status, text = run(notebook_02, ADA, "helpers.room.status()")
    assert status == "ok" and f"as {ADA}: 3 events sent, 0 waiting." in text, text


def test_a_participant_sees_nothing_of_the_room(hub, notebook_02):
    session, page = room_session(hub, ADA, PASSWORD)
    assert page.status_code == 403 and ADA not in page.text and GRACE not in page.text
    assert page.json()["error"] == "Only the hub's admins (the instructors) see the room."
    for path in ("api/state", "api/stream", "export.csv"):
        assert session.get(f"{hub.url}{ROOM}{path}", timeout=30).status_code == 403
    # Nor with the token of their own server, from their kernel; nor does anyone without a token.
    status, text = run(notebook_02, ADA, f"""
import os, requests
url = os.environ["WORKSHOP_ROOM_URL"]
mine = {{"Authorization": "token " + os.environ["JUPYTERHUB_API_TOKEN"]}}
print([requests.get(url + path, headers=mine).status_code for path in ("api/state", "export.csv")],
      requests.get(url + "api/state").status_code,
      requests.post(url + "api/delete", json={{"confirm": "delete"}}, headers=mine).status_code)""")
    assert (status, text.strip()) == ("ok", "[403, 403] 403 403")
    assert requests.get(f"{hub.url}{ROOM}instructor", allow_redirects=False, timeout=30).status_code == 302  # to log in


def test_a_participants_kernel_reports_as_its_hub_user_and_nobody_else(hub, notebook_02):
    status, text = run(notebook_02, ADA, """
import json, os, time, requests
url, token = os.environ["WORKSHOP_ROOM_URL"], os.environ["JUPYTERHUB_API_TOKEN"]
hub_api = os.environ["JUPYTERHUB_API_URL"]
print(json.dumps(requests.get(hub_api + "/user", headers={"Authorization": "token " + token}).json()["scopes"]))
event = {"id": "f00d" * 5, "notebook": "02", "todo": "feedforward_no_bias", "passed": False, "cause": None,
         "time": time.time() - 1, "sent": time.time()}
as_grace = {**event, "participant": "%s", "name": "%s"}
for body in (as_grace, {**event, "name": "%s"}, event):
    answer = requests.post(url + "api/events", json=body, headers={"Authorization": "token " + token})
    print(answer.status_code, answer.json())
print(requests.post(url + "api/events", json=event).status_code)""" % (participant_id(GRACE), GRACE, GRACE))
    assert status == "ok", text
    scopes, as_grace, named, plain, no_token = text.strip().split("\n")
    # The server's token: JupyterHub's defaults for a server, and the room.
    assert {"access:services!service=room", f"users:activity!user={ADA}", f"access:servers!server={ADA}/"} <= \
        set(json.loads(scopes))
    words = "On a hub the hub says who sent an event"
    assert as_grace.startswith("400") and words in as_grace and "name, participant" in as_grace
    assert named.startswith("400") and words in named
    assert plain == "201 {'stored': True}" and no_token == "403"
    session, _ = room_session(hub, INSTRUCTOR, ADMIN_PASSWORD)
    cells = session.get(f"{hub.url}{ROOM}api/state", timeout=30).json()["cells"]
    feedforward = [(c["name"], c["participant"]) for c in cells if c["todo"] == "feedforward_no_bias"]
    assert feedforward == [(ADA, participant_id(ADA))]  # stored as ada, and only as ada
    # A hub service's token is not a participant's; a token of ada's without the room's scope may not report.
    assert requests.post(f"{hub.url}{ROOM}api/events", json={}, timeout=30,
                         headers={"Authorization": f"token {hub.token}"}).status_code == 403
    narrow = launch.user_token(hub, ADA, scopes=[f"read:users:activity!user={ADA}"])
    answer = requests.post(f"{hub.url}{ROOM}api/join", json={}, timeout=30,
                           headers={"Authorization": f"token {narrow}"})
    assert answer.status_code == 403 and "both need the scope access:services!service=room" in answer.json()["error"]


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine (apt-get install chromium)")
def test_the_instructors_page_works_on_the_hub_in_chromium(hub, notebook_02, browser):  # noqa: F811
    from playwright.sync_api import expect  # the browser fixture skips this test without Playwright
    page = browser.new_page()
    page.set_default_timeout(10_000)
    problems = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(f"{hub.url}{ROOM}instructor")  # not logged in: the hub's login page, then back to the room
    page.fill("#username_input", INSTRUCTOR)
    page.fill("#password_input", ADMIN_PASSWORD)
    page.click("#login_submit")
    page.wait_for_url(f"{hub.url}{ROOM}instructor")
    page.wait_for_selector("#live:text('live')")  # state and stream are allowed: the page sends the hub's _xsrf
    assert page.locator("#join").inner_text() == "helpers.room.join()"
    ada = page.locator("#cards li", has_text=ADA)
    expect(ada.locator(".count")).to_have_text("✔ 1")  # 02 sigmoid passed (waits: a busy machine draws the cards later)
    assert run(notebook_02, GRACE, WRONG + STUDENT[TODO + 1])[0] == "error"  # a new event appears by itself
    grace = page.locator("#cards li", has_text=GRACE)
    expect(grace).to_contain_text(re.compile(r"✘ sigmoid: wrong answer|⚑ .* on sigmoid"))
    page.on("dialog", lambda dialog: dialog.accept())  # "Delete every participant...?": yes (the last test)
    page.click("#delete")
    expect(page.locator("#count")).to_have_text(re.compile(r"^\(0\b"))
    assert problems == []
    page.close()
