"""Start the workshop's JupyterHub (hub/jupyterhub_config.py) on 127.0.0.1, and use it as participants do.

For tests/test_hub.py and the tools that load a hub. ``start`` runs the hub as its own process group,
with its own proxy (configurable-http-proxy from npm), every port free, and a service token of its own
(``Running.token``) that may start servers and make tokens; ``Running.stop`` stops all of it, and, when
the hub ran as root, removes the Unix users it made for participants (their processes, then the users and
their homes). The work folder must be one every user can enter (``open_folder``): the participants'
homes, their kernels' sockets and the MNIST cache are in it; the hub's own files in ``hub/``, root's alone.

    workdir = launch.open_folder()
    launch.make_cache(workdir / "cache")
    hub = launch.start(workdir, "participants-password", "admin-password-of-32-characters-or-more", workdir / "cache")
    session, response = launch.log_in(hub.url, "ada", "participants-password")
    launch.start_server(hub, "ada"); launch.wait_until_ready(hub, "ada")
    token = launch.user_token(hub, "ada")
    ws_url = launch.open_kernel(hub, "ada", token, "workshop/notebooks/02_forward_pass.ipynb")
    results = asyncio.run(launch.run_cells(ws_url, token, ["1 + 1"]))   # [("ok", "2")]
    hub.stop()
"""
import asyncio
import dataclasses
import json
import os
import pwd
import re
import secrets
import shutil
import signal
import subprocess
import sys
import sysconfig
import tempfile
import time
import uuid
from pathlib import Path

import requests
from tornado.httpclient import HTTPRequest
from tornado.websocket import websocket_connect

from hub import accounts
from room.launch import free_port

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "hub" / "jupyterhub_config.py"


def proxy_command():
    """configurable-http-proxy: the repository's node_modules first, then PATH; RuntimeError without it."""
    local = ROOT / "node_modules" / ".bin" / "configurable-http-proxy"
    found = str(local) if local.exists() else shutil.which("configurable-http-proxy")
    if not found:
        raise RuntimeError("configurable-http-proxy not found: run "
                           "`npm install --no-save --no-package-lock configurable-http-proxy@5` in the repository")
    return found


def make_cache(cache_dir):
    """Make the shared MNIST cache in ``cache_dir``, once, as the administrator does (hub/README.md)."""
    subprocess.run([sys.executable, "-c", "import helpers; helpers.load_mnist()"], cwd=ROOT, check=True,
                   env={**os.environ, "WORKSHOP_CACHE_DIR": str(cache_dir)}, timeout=300)


def open_folder(prefix="workshop-hub-"):
    """A new folder in the system's temporary folder that every user may enter (0755): for ``start``."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    folder.chmod(0o755)
    return folder


def participants_python(workdir):
    """A Python the participants' users can run, with the packages of this one (sys.executable).

    This one, if every user can run it. If not (an interpreter under /root, e.g. pyenv's, as on the test
    machine), a virtual environment in ``workdir`` made from the system's Python of the same version, which
    finds this environment's packages (a .pth file) and its Jupyter files (share/, etc/). An administrator
    makes the environment from a Python every user can run instead (hub/README.md)."""
    if os.geteuid() != 0 or accounts.unreachable(sys.executable) is None:
        return sys.executable
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    system = next((f"{folder}/{version}" for folder in ("/usr/bin", "/usr/local/bin")
                   if Path(f"{folder}/{version}").exists() and accounts.unreachable(f"{folder}/{version}") is None), None)
    if system is None:
        raise RuntimeError(f"Participants cannot run {sys.executable}, and there is no /usr/bin/{version} they can.")
    target = Path(workdir) / "python"
    subprocess.run([system, "-m", "venv", "--without-pip", str(target)], check=True)
    site = target / "lib" / version / "site-packages"
    (site / "workshop-hub-packages.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    for folder in ("share", "etc"):
        (target / folder).symlink_to(Path(sys.prefix) / folder)
    return str(target / "bin" / "python")


@dataclasses.dataclass
class Running:
    """A hub being served: its process, public address, service token, and where it keeps things."""
    process: subprocess.Popen
    url: str     # the proxy's address: http://127.0.0.1:PORT
    token: str   # the test service's token: admin:users, admin:servers, tokens, list:users
    log: Path    # the hub's output (its log, the proxy's, the room's, the users' servers')
    homes: Path  # the participants' home folders
    cache: Path  # the shared MNIST cache every kernel maps
    room_db: Path  # the room service's SQLite file
    files: Path  # the hub's own files: database, cookie secret, the room's file, its log (0700)

    def api(self, method, path, token=None, **kwargs):
        """A request to the hub's REST API (``path`` after /hub/api), with the service token by default."""
        return requests.request(method, f"{self.url}/hub/api{path}", timeout=60,
                                headers={"Authorization": f"token {token or self.token}"}, **kwargs)

    def log_tail(self, characters=3000):
        return self.log.read_text(errors="replace")[-characters:]

    def participants(self):
        """The passwd entries of the Unix users this hub made (hub/users.py: its comment, a home in ``homes``)."""
        return [entry for entry in pwd.getpwall() if accounts.made_by_the_hub(entry.pw_name, self.homes)]

    def stop(self):
        """SIGTERM (the hub stops the users' servers, its services and its proxy), then kill what is left;
        then remove the users it made: what they still run (by pid), then each user, their group and home."""
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=60)
        finally:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)  # whatever of this hub's process group is left
            except ProcessLookupError:
                pass
            if os.geteuid() == 0:
                accounts.remove_users(self.participants())


def remove_leftovers(names):
    """Remove the users among ``names`` a workshop hub made and left behind (a run that was killed)."""
    accounts.remove_users(accounts.leftovers(names))


def start(workdir, users_password, admin_password, cache_dir, extra_config="", env=None, timeout=90, as_user=None):
    """Start the hub with its settings (hub/jupyterhub_config.py) in ``workdir``; returns a Running once it answers.

    ``workdir`` must be open to every user (``open_folder``): participants' homes and their kernels'
    sockets go in it, the hub's own files in ``workdir``/hub (0700). Every kernel maps the MNIST cache in
    ``cache_dir`` (see make_cache). ``extra_config``: Python lines added after the settings;
    ``env``: more environment variables for the hub (e.g. WORKSHOP_CULL_TIMEOUT, WORKSHOP_ADMINS);
    ``as_user``: a user name to run the hub as, instead of this process's user (root): a rehearsal.
    """
    workdir = Path(workdir)
    if os.geteuid() == 0 and accounts.unreachable(workdir):
        raise RuntimeError(f"{accounts.unreachable(workdir)} is closed to other users: the participants' homes cannot "
                           "be in it (use launch.open_folder()).")
    files = workdir / "hub"
    files.mkdir(mode=0o700)
    token = secrets.token_hex(16)
    hub_port = free_port()
    python = participants_python(workdir)
    env = {**os.environ, "WORKSHOP_PASSWORD": users_password, "WORKSHOP_ADMIN_PASSWORD": admin_password,
           "WORKSHOP_HUB_DIR": str(files), "WORKSHOP_HOMES": str(workdir / "homes"),
           "WORKSHOP_KERNEL_SOCKETS": str(workdir / "k"), "WORKSHOP_CACHE_DIR": str(cache_dir),
           "WORKSHOP_PYTHON": python, "WORKSHOP_HUB_PORT": str(hub_port), "WORKSHOP_ROOM_PORT": str(free_port()),
           "PATH": f"{Path(python).parent}{os.pathsep}{os.environ['PATH']}", **(env or {})}
    config = files / "jupyterhub_config.py"
    config.write_text(f"""
load_subconfig({str(CONFIG)!r})
c.JupyterHub.services.append({{"name": "tester", "api_token": {token!r}}})
c.JupyterHub.load_roles.append({{"name": "tester", "services": ["tester"],
                                "scopes": ["admin:users", "admin:servers", "tokens", "list:users"]}})
c.JupyterHub.hub_port = {free_port()}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{free_port()}"
c.ConfigurableHTTPProxy.command = [{proxy_command()!r}]
{extra_config}
""")
    hub_python, as_user_options = sys.executable, {}
    if as_user:  # a rehearsal: the hub as a user who may not switch users, with a Python they can run
        entry = pwd.getpwnam(as_user)
        for folder in (files, workdir / "homes", workdir / "k"):
            folder.mkdir(exist_ok=True)
            os.chown(folder, entry.pw_uid, entry.pw_gid)
        os.chown(config, entry.pw_uid, entry.pw_gid)
        hub_python, env["HOME"] = python, str(files)
        as_user_options = {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": []}
    log = files / "hub.log"
    with open(log, "w") as output:  # the child keeps its own copy of the file
        process = subprocess.Popen([hub_python, "-m", "jupyterhub", "-f", str(config)], cwd=files, env=env,
                                   stdout=output, stderr=subprocess.STDOUT, start_new_session=True, **as_user_options)
    hub = Running(process, f"http://127.0.0.1:{hub_port}", token, log, workdir / "homes", Path(cache_dir),
                  Path(env.get("WORKSHOP_ROOM_DB") or files / "room.sqlite3"), files)
    deadline = time.monotonic() + timeout
    while True:
        try:
            if requests.get(f"{hub.url}/hub/api", timeout=5).ok:
                return hub
        except requests.ConnectionError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            hub.stop()
            raise RuntimeError("The hub did not start:\n" + hub.log_tail())
        time.sleep(0.5)


def notebook_cells(relative_path):
    """The code cells' sources of the notebook at ``relative_path`` (in this repository), in order."""
    cells = json.loads((ROOT / relative_path).read_text(encoding="utf-8"))["cells"]
    return ["".join(cell["source"]) for cell in cells if cell["cell_type"] == "code"]


def log_in(url, name, password):
    """Log in at the hub ``url`` through its login form, as a browser does; returns (the session, the response)."""
    session = requests.Session()
    session.get(f"{url}/hub/login", timeout=30)
    form = {"username": name, "password": password, "_xsrf": session.cookies.get("_xsrf")}
    response = session.post(f"{url}/hub/login?next=", data=form, allow_redirects=False, timeout=30)
    return session, response


def start_server(hub, name):
    """Ask the hub to start ``name``'s server (it goes on starting in the background)."""
    response = hub.api("POST", f"/users/{name}/server")
    if response.status_code not in (201, 202):
        raise RuntimeError(f"{name}'s server was not started: {response.status_code} {response.text}")


def wait_until_ready(hub, name, timeout=180):
    """Wait until ``name``'s server is ready; returns the hub's model of it."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        server = hub.api("GET", f"/users/{name}").json()["servers"].get("", {})
        if server.get("ready"):
            return server
        time.sleep(1)
    raise RuntimeError(f"{name}'s server did not start:\n" + hub.log_tail())


def user_token(hub, name, expires_in=600, scopes=None):
    """A new API token of ``name``'s, made with the service token: the user's own permissions, or only ``scopes``."""
    response = hub.api("POST", f"/users/{name}/tokens", json={"note": "launch", "expires_in": expires_in,
                                                              **({"scopes": scopes} if scopes else {})})
    if response.status_code not in (200, 201):
        raise RuntimeError(f"No token for {name}: {response.status_code} {response.text}")
    return response.json()["token"]


def open_kernel(hub, name, token, notebook_path):
    """Open ``notebook_path`` (in ``name``'s home) with a new kernel, as JupyterLab does; returns its websocket URL."""
    response = requests.post(f"{hub.url}/user/{name}/api/sessions", headers={"Authorization": f"token {token}"},
                             timeout=120, json={"path": notebook_path, "type": "notebook",
                                                "name": Path(notebook_path).name, "kernel": {"name": "python3"}})
    if response.status_code != 201:
        raise RuntimeError(f"No kernel for {name}: {response.status_code} {response.text}")
    kernel = response.json()["kernel"]["id"]
    return f"{hub.url.replace('http://', 'ws://')}/user/{name}/api/kernels/{kernel}/channels"


def shut_down_kernel(hub, name, token, ws_url):
    """Shut down the kernel behind ``ws_url`` (from open_kernel), as JupyterLab's "Shut Down Kernel" does."""
    kernel = ws_url.rstrip("/").split("/")[-2]
    response = requests.delete(f"{hub.url}/user/{name}/api/kernels/{kernel}", timeout=60,
                               headers={"Authorization": f"token {token}"})
    if response.status_code != 204:
        raise RuntimeError(f"{name}'s kernel was not shut down: {response.status_code} {response.text}")


async def run_cells(ws_url, token, cells, timeout=180):
    """Run the cells in the kernel behind ``ws_url``; returns for each (its status, all the text it showed)."""
    # A browser waits for a busy server; tornado's default of 20 s does not (30 participants on 2 cores: over 20 s).
    ws = await websocket_connect(HTTPRequest(ws_url, headers={"Authorization": f"token {token}"},
                                             connect_timeout=timeout, request_timeout=timeout))
    results = []
    try:
        for code in cells:
            msg_id = uuid.uuid4().hex
            await ws.write_message(json.dumps({
                "header": {"msg_id": msg_id, "msg_type": "execute_request", "username": "launch", "session": msg_id,
                           "version": "5.3"},
                "parent_header": {}, "metadata": {}, "channel": "shell",
                "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                            "allow_stdin": False, "stop_on_error": False}}))
            texts, status, idle = [], None, False
            while status is None or not idle:
                message = await asyncio.wait_for(ws.read_message(), timeout=timeout)
                if message is None:
                    raise RuntimeError("The kernel's connection closed in the middle of a cell.")
                message = json.loads(message)
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
