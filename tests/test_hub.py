"""The workshop's JupyterHub (hub/jupyterhub_config.py), started for real on 127.0.0.1.

Runs on its own (marker `hub`): it needs configurable-http-proxy from npm, e.g.
    npm install configurable-http-proxy      # into ./node_modules, where this test looks first
    python -m pytest -m hub tests/test_hub.py
Participants log in with the shared password, their servers start, and in each one a kernel runs
notebook 02's cells as a participant would: the TODO as shipped, a wrong answer, the right one,
each followed by its check; the MNIST arrays come from the one cache the administrator made.
"""
import asyncio
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import requests
from tornado.httpclient import HTTPRequest
from tornado.websocket import websocket_connect

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "workshop-password"
ADMIN_PASSWORD = "an-instructor-password-of-32-characters-or-more"
TOKEN = uuid.uuid4().hex  # the test's own service, to start servers and make tokens
PARTICIPANTS = ["ada", "grace", "alan"]

pytestmark = pytest.mark.hub


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def proxy_command():
    local = ROOT / "node_modules" / ".bin" / "configurable-http-proxy"
    found = str(local) if local.exists() else shutil.which("configurable-http-proxy")
    if not found:
        pytest.fail("configurable-http-proxy not found: run `npm install configurable-http-proxy` in the repository")
    return found


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    """A running hub: yields its base URL and the administrator's shared cache folder; stopped by PID after."""
    work = tmp_path_factory.mktemp("hub")
    cache = work / "shared-cache"
    env = {**os.environ, "WORKSHOP_PASSWORD": PASSWORD, "WORKSHOP_ADMIN_PASSWORD": ADMIN_PASSWORD,
           "WORKSHOP_HOMES": str(work / "homes"), "WORKSHOP_CACHE_DIR": str(cache),
           "WORKSHOP_HUB_PORT": str(free_port()), "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    # The administrator makes the cache once, as hub/README.md says.
    subprocess.run([sys.executable, "-c", "import helpers; helpers.load_mnist()"], cwd=ROOT, env=env, check=True,
                   timeout=300)
    config = work / "test_config.py"
    config.write_text(f"""
load_subconfig({str(ROOT / "hub" / "jupyterhub_config.py")!r})
c.JupyterHub.services.append({{"name": "tester", "api_token": {TOKEN!r}}})
c.JupyterHub.load_roles.append({{"name": "tester", "services": ["tester"],
                                "scopes": ["admin:users", "admin:servers", "tokens", "list:users"]}})
c.JupyterHub.hub_port = {free_port()}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{free_port()}"
c.ConfigurableHTTPProxy.command = [{proxy_command()!r}]
""")
    log = open(work / "hub.log", "w")
    process = subprocess.Popen([sys.executable, "-m", "jupyterhub", "-f", str(config)], cwd=work, env=env,
                               stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{env['WORKSHOP_HUB_PORT']}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                if requests.get(f"{url}/hub/api", timeout=5).ok:
                    break
            except requests.ConnectionError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail("the hub did not start:\n" + (work / "hub.log").read_text()[-3000:])
            time.sleep(0.5)
        yield {"url": url, "cache": cache, "homes": work / "homes", "log": work / "hub.log"}
    finally:
        process.send_signal(signal.SIGTERM)  # the hub stops the users' servers and its proxy
        try:
            process.wait(timeout=60)
        finally:
            try:
                os.killpg(process.pid, signal.SIGKILL)  # whatever of this hub's process group is left
            except ProcessLookupError:
                pass
            log.close()


def api(hub, method, path, token=TOKEN, **kwargs):
    response = requests.request(method, f"{hub['url']}/hub/api{path}", headers={"Authorization": f"token {token}"},
                                timeout=60, **kwargs)
    return response


def log_in(hub, name, password):
    """Log in through the hub's login form, as a browser does; returns the session and the response."""
    session = requests.Session()
    session.get(f"{hub['url']}/hub/login", timeout=30)
    form = {"username": name, "password": password, "_xsrf": session.cookies.get("_xsrf")}
    response = session.post(f"{hub['url']}/hub/login?next=", data=form, allow_redirects=False, timeout=30)
    return session, response


def start_server(hub, name):
    response = api(hub, "POST", f"/users/{name}/server")
    assert response.status_code in (201, 202), response.text


def wait_until_ready(hub, name, timeout=180):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        server = api(hub, "GET", f"/users/{name}").json()["servers"].get("", {})
        if server.get("ready"):
            return server
        time.sleep(1)
    pytest.fail(f"{name}'s server did not start:\n" + hub["log"].read_text()[-3000:])


def notebook_cells(name):
    cells = json.loads((ROOT / name).read_text())["cells"]
    return ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]


async def run_cells(ws_url, token, cells):
    """Run the cells in the kernel behind ws_url; return for each its status and all the text it showed."""
    ws = await websocket_connect(HTTPRequest(ws_url, headers={"Authorization": f"token {token}"}))
    results = []
    try:
        for code in cells:
            msg_id = uuid.uuid4().hex
            await ws.write_message(json.dumps({
                "header": {"msg_id": msg_id, "msg_type": "execute_request", "username": "test", "session": msg_id,
                           "version": "5.3"},
                "parent_header": {}, "metadata": {}, "channel": "shell",
                "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                            "allow_stdin": False, "stop_on_error": False}}))
            texts, status, idle = [], None, False
            while status is None or not idle:
                message = json.loads(await asyncio.wait_for(ws.read_message(), timeout=180))
                if message.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                kind, content = message["msg_type"], message["content"]
                if kind == "stream":
                    texts.append(content["text"])
                elif kind in ("display_data", "execute_result"):
                    texts.append(content["data"].get("text/plain", ""))
                elif kind == "error":
                    texts.append(f"{content['ename']}: {content['evalue']}")
                elif kind == "execute_reply":
                    status = content["status"]
                elif kind == "status" and content["execution_state"] == "idle":
                    idle = True
            results.append((status, "".join(texts)))
    finally:
        ws.close()
    return results


def test_the_shared_password_logs_participants_in_and_nothing_else(hub):
    for name in PARTICIPANTS:
        session, response = log_in(hub, name, PASSWORD)
        assert response.status_code == 302, response.text
        assert session.get(f"{hub['url']}/hub/api/user", timeout=30).json()["name"] == name
    session, response = log_in(hub, "mallory", "not-the-password")
    assert response.status_code == 403 and "jupyterhub-session-id" not in response.cookies
    assert api(hub, "GET", "/users/mallory").status_code == 404
    # The instructor's name needs the admin password: the participants' one does not let anyone in as them.
    assert log_in(hub, "instructor", PASSWORD)[1].status_code == 403
    assert log_in(hub, "instructor", ADMIN_PASSWORD)[1].status_code == 302
    assert api(hub, "GET", "/users/instructor").json()["admin"] is True
    assert api(hub, "GET", "/users/ada").json()["admin"] is False


def test_participants_run_notebook_02_in_their_own_servers(hub):
    for name in PARTICIPANTS:
        assert log_in(hub, name, PASSWORD)[1].status_code == 302
        start_server(hub, name)
    tokens = {}
    for name in PARTICIPANTS:
        wait_until_ready(hub, name)
        assert (hub["homes"] / name / "workshop" / "notebooks" / "02_forward_pass.ipynb").is_file()
        response = api(hub, "POST", f"/users/{name}/tokens", json={"note": "test", "expires_in": 600})
        assert response.status_code in (200, 201), response.text
        tokens[name] = response.json()["token"]
    # A participant's token does not open another participant's server.
    other = requests.get(f"{hub['url']}/user/grace/api/sessions", headers={"Authorization": f"token {tokens['ada']}"},
                         timeout=30, allow_redirects=False)
    assert other.status_code in (302, 403)

    student = notebook_cells("notebooks/02_forward_pass.ipynb")
    solution = notebook_cells("solutions/02_forward_pass.ipynb")
    todo = next(i for i, code in enumerate(student) if code.startswith("def sigmoid(z):"))
    assert "raise NotImplementedError" in student[todo] and student[todo + 1] == "check.sigmoid(sigmoid)"
    wrong = "def sigmoid(z):\n    return 1 / (1 + np.exp(z))\n"
    where = ("import helpers.data\nfrom pathlib import Path\nX = helpers.load_mnist()[0][0]\nwhile not hasattr(X, 'filename'):\n"
             "    X = X.base\nprint(Path(X.filename).parent.parent)")
    cells = [student[0], student[1],   # the setup cell, the imports
             student[todo], student[todo + 1],  # the TODO as shipped, and its check
             wrong, student[todo + 1],  # a wrong answer
             solution[todo], student[todo + 1],  # the right one
             where]
    for name in PARTICIPANTS:
        headers = {"Authorization": f"token {tokens[name]}"}
        response = requests.post(f"{hub['url']}/user/{name}/api/sessions", headers=headers, timeout=120, json={
            "path": "workshop/notebooks/02_forward_pass.ipynb", "type": "notebook", "name": "02_forward_pass.ipynb",
            "kernel": {"name": "python3"}})
        assert response.status_code == 201, response.text
        kernel = response.json()["kernel"]["id"]
        ws_url = f"ws://127.0.0.1:{hub['url'].rsplit(':', 1)[1]}/user/{name}/api/kernels/{kernel}/channels"
        results = asyncio.run(run_cells(ws_url, tokens[name], cells))
        statuses = [status for status, text in results]
        assert statuses[:3] == ["ok"] * 3 and statuses[4] == statuses[6] == statuses[8] == "ok", results
        not_written, after_wrong, after_right, cache = (results[i][1] for i in (3, 5, 7, 8))
        assert "sigmoid is not written yet" in not_written and "✔" not in not_written
        assert "sigmoid" in after_wrong and "✔" not in after_wrong and statuses[5] == "error"
        assert "✔" in after_right and statuses[7] == "ok"
        assert cache.strip() == str(hub["cache"]), cache  # the arrays are the administrator's cache, shared
