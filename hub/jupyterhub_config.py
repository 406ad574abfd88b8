"""JupyterHub for a course on one machine, every participant a Unix user of their own: the settings tests/test_hub.py runs.

    sudo env WORKSHOP_PASSWORD=... WORKSHOP_ADMIN_PASSWORD=... .venv/bin/jupyterhub -f hub/jupyterhub_config.py

Participants log in with a name of their choice and the one shared password (JupyterHub's shared-password
authenticator, 5.3 or later); the instructor logs in as "instructor" with the admin password. Started as
root (as it must be), the hub makes each name a Unix user at its first login (no password, no login shell,
a home only they can read: hub/users.py) and starts their server as that user, never as root; a name that
is already an account of the machine is refused. Each participant gets a copy of the workshop (notebooks,
helpers, data) in their home at their first start; every kernel maps the same MNIST cache
($WORKSHOP_CACHE_DIR, made once by the administrator, see hub/README.md). Idle servers are stopped after an
hour. The room (the instructor's live view) is the hub's service at /services/room/: admins see it, and
participants who run helpers.room.join() report to it with their server's token. The hub's own files (its
database, cookie secret, the proxy's pid, the room's file) are in a folder only root can open.

Not started as root, the hub cannot switch users: it stops with words, unless WORKSHOP_REHEARSAL=1 asks
for a rehearsal, in which every participant's server runs as the hub's own user and can read everything
the hub can (its log says so when it starts, and every hub page shows it). Every setting can be changed by
environment variables:
    WORKSHOP_PASSWORD        the participants' password (at least 8 characters; required)
    WORKSHOP_ADMIN_PASSWORD  the instructor's password (at least 32 characters; optional)
    WORKSHOP_ADMINS          the instructors' user names, comma-separated (default: instructor)
    WORKSHOP_HUB_IP, WORKSHOP_HUB_PORT   where the hub listens (default 127.0.0.1 and 8000)
    WORKSHOP_HUB_DIR         the hub's own files, made 0700 (default /srv/workshop-hub; ~/workshop-hub in a rehearsal)
    WORKSHOP_HOMES           where participants' home folders are made
                             (default /srv/workshop-homes; HUB_DIR/homes in a rehearsal)
    WORKSHOP_PYTHON          the Python participants' servers run, every user must be able to run it (default: the hub's)
    WORKSHOP_SOURCE          the workshop folder copied for each participant (default: this repository)
    WORKSHOP_CACHE_DIR       the shared MNIST cache (default /srv/workshop-cache)
    WORKSHOP_KERNEL_SOCKETS  a short folder for kernels' sockets, NAME/ in it per participant (default /tmp/workshop-kernels)
    WORKSHOP_PROCESS_MEMORY  the address space each process of a participant may reserve, in MB (default 8192)
    WORKSHOP_PROCESSES       the processes and threads each participant may run at once (default 1024)
    WORKSHOP_CULL_TIMEOUT    seconds idle before a server is stopped (default 3600)
    WORKSHOP_ROOM_PORT       the port of the room service, on 127.0.0.1 (default 8766)
    WORKSHOP_ROOM_DB         the room's SQLite file, kept across restarts (default HUB_DIR/room.sqlite3)
"""
import os
import resource
import sys
from pathlib import Path

c = get_config()  # noqa: F821 (JupyterHub's config loader defines get_config)

REPOSITORY = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY))
from hub import MEMORY_ENVIRONMENT, accounts, users  # noqa: E402 (MEMORY_ENVIRONMENT: tools/memory.py --hub too)
SEPARATE = os.geteuid() == 0  # only root can make users and start servers as them
REHEARSAL = os.environ.get("WORKSHOP_REHEARSAL") == "1"
if SEPARATE and REHEARSAL:
    sys.exit("WORKSHOP_REHEARSAL=1 but the hub runs as root: it separates participants. Unset WORKSHOP_REHEARSAL.")
if not SEPARATE and not REHEARSAL:
    sys.exit("The workshop's hub must be started as root (sudo) to give each participant a Unix user of their "
             "own: started as a user, every participant's code would run as that user and could read the others' "
             "work and the hub's passwords. For a rehearsal on your own, where that does not matter, set "
             "WORKSHOP_REHEARSAL=1.")
HUB_DIR = Path(os.environ.get("WORKSHOP_HUB_DIR") or ("/srv/workshop-hub" if SEPARATE else Path.home() / "workshop-hub"))
HOMES = os.environ.get("WORKSHOP_HOMES") or ("/srv/workshop-homes" if SEPARATE else str(HUB_DIR / "homes"))
PYTHON = os.environ.get("WORKSHOP_PYTHON") or sys.executable
SOURCE = os.environ.get("WORKSHOP_SOURCE") or str(REPOSITORY)
KERNEL_SOCKETS = Path(os.environ.get("WORKSHOP_KERNEL_SOCKETS") or "/tmp/workshop-kernels")

# The hub's own files: database, cookie secret, the proxy's pid, the room's file; root's alone.
HUB_DIR.mkdir(mode=0o700, parents=True, exist_ok=True)
os.chmod(HUB_DIR, 0o700)
c.JupyterHub.db_url = f"sqlite:///{HUB_DIR / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(HUB_DIR / "jupyterhub_cookie_secret")
c.ConfigurableHTTPProxy.pid_file = str(HUB_DIR / "jupyterhub-proxy.pid")

# Where the hub listens. The proxy is configurable-http-proxy (npm): this folder's node_modules, else on PATH.
PROXY = REPOSITORY / "node_modules" / ".bin" / "configurable-http-proxy"
if PROXY.exists():
    c.ConfigurableHTTPProxy.command = [str(PROXY)]
c.JupyterHub.ip = os.environ.get("WORKSHOP_HUB_IP", "127.0.0.1")
c.JupyterHub.port = int(os.environ.get("WORKSHOP_HUB_PORT", "8000"))
c.JupyterHub.hub_ip = "127.0.0.1"

# Login: one shared password for participants, any user name; instructors are admins.
c.SharedPasswordAuthenticator.user_password = os.environ["WORKSHOP_PASSWORD"]
c.SharedPasswordAuthenticator.admin_password = os.environ.get("WORKSHOP_ADMIN_PASSWORD") or None
c.Authenticator.admin_users = set(filter(None, os.environ.get("WORKSHOP_ADMINS", "instructor").split(",")))
c.Authenticator.allow_all = True  # anyone with the password (JupyterHub 5 requires saying so)
c.Authenticator.username_pattern = accounts.NAME_PATTERN  # a name useradd takes
NAMES = "Your name: lower-case letters, digits, - and _, starting with a letter (e.g. ada or ada_l)."
c.JupyterHub.template_vars = {"announcement_login": NAMES}

# Participants' servers: JupyterLab, opened on the first notebook of their copy of the workshop.
c.Spawner.cmd = [PYTHON, "-m", "jupyterhub.singleuser"]
c.Spawner.default_url = "/lab/tree/workshop/notebooks/00_introduction.ipynb"
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
# Kernels talk to their server over Unix sockets, not TCP ports on 127.0.0.1: with 30 servers on one machine
# starting kernels at once, a port one server picked was taken by another before its kernel bound it
# ("Address already in use"; the kernel died and could not restart): tools/hub_load.py, 1 to 2 of 30 kernels.
c.Spawner.args = ["--KernelManager.transport=ipc"]
# A socket's path has at most 107 characters, too few for ~/.local/share/jupyter/runtime/kernel-UUID-ipc-N in
# a deep home folder: each user's kernels' sockets go in a short folder of their own ($JUPYTER_RUNTIME_DIR).
RUNTIME = {}  # a rehearsal sets it here; separated, the spawner does (hub/users.py)
if SEPARATE:
    c.JupyterHub.authenticator_class = users.WorkshopAuthenticator
    c.WorkshopAuthenticator.create_system_users = True
    c.WorkshopAuthenticator.add_user_cmd = accounts.add_user_command(HOMES)
    c.WorkshopAuthenticator.homes = HOMES
    c.JupyterHub.spawner_class = users.WorkshopSpawner
    c.WorkshopSpawner.homes = HOMES
    c.WorkshopSpawner.kernel_sockets = str(KERNEL_SOCKETS)
    c.WorkshopSpawner.workshop_source = SOURCE
    unreachable = accounts.unreachable(PYTHON)
    if unreachable:
        sys.exit(f"Participants cannot run {PYTHON}: {unreachable} is closed to other users. Make the workshop's "
                 f"environment from a Python every user can run (hub/README.md), or name one in WORKSHOP_PYTHON.")
    Path(HOMES).mkdir(mode=0o755, parents=True, exist_ok=True)
    # Limits per process of a participant, set before their server switches to their user (hub/README.md):
    # address space (a runaway array is a MemoryError in their kernel, not the machine's memory gone), and
    # processes and threads per participant (no fork bomb).
    c.WorkshopSpawner.limits = {
        resource.RLIMIT_AS: int(os.environ.get("WORKSHOP_PROCESS_MEMORY", "8192")) * 2**20,
        resource.RLIMIT_NPROC: int(os.environ.get("WORKSHOP_PROCESSES", "1024")),
    }
else:
    REHEARSAL_WORDS = ("Rehearsal: every participant's server runs as the hub's own user, so participants are not "
                       "separated: each can read the others' work and the hub's passwords, with no memory limit. "
                       "Start the hub as root for a course.")
    print(f"[workshop hub] {REHEARSAL_WORDS}", file=sys.stderr, flush=True)
    c.JupyterHub.authenticator_class = "shared-password"
    c.JupyterHub.spawner_class = "simple"
    c.SimpleLocalProcessSpawner.home_dir_template = HOMES + "/{username}"
    RUNTIME = {"JUPYTER_RUNTIME_DIR": lambda spawner: str(KERNEL_SOCKETS / spawner.user.name)}
    c.Spawner.pre_spawn_hook = lambda spawner: accounts.copy_workshop(
        Path(SOURCE), Path(spawner.home_dir), ["notebooks", "helpers", "data", "README.md"], None)
    c.JupyterHub.template_vars = {"announcement": REHEARSAL_WORDS, "announcement_login": f"{REHEARSAL_WORDS} {NAMES}"}
# Memory, measured with tools/memory.py --hub and tools/hub_load.py: a participant's server and its kernel
# after notebook 04 take about 200 MB PSS (INSTRUCTORS.md). mem_limit and mem_guarantee are what TLJH and
# Zero to JupyterHub enforce for a whole server (hub/README.md); this spawner only passes them on ($MEM_LIMIT).
c.Spawner.mem_guarantee = "512M"
c.Spawner.mem_limit = "1G"
c.Spawner.environment = {
    **RUNTIME,
    # Every kernel maps the same cache of the MNIST arrays (helpers/data.py): one copy in memory.
    "WORKSHOP_CACHE_DIR": os.environ.get("WORKSHOP_CACHE_DIR", "/srv/workshop-cache"),
    **MEMORY_ENVIRONMENT,  # one BLAS thread, and freed memory given back after every cell (hub/__init__.py)
}

# Idle servers (no kernel activity, no open tab) are stopped after an hour; their files stay.
c.JupyterHub.services = [{
    "name": "idle-culler",
    "command": [sys.executable, "-m", "jupyterhub_idle_culler",
                f"--timeout={os.environ.get('WORKSHOP_CULL_TIMEOUT', '3600')}",
                f"--cull-every={min(600, int(os.environ.get('WORKSHOP_CULL_TIMEOUT', '3600')) // 2)}"],
}]
c.JupyterHub.load_roles = [{
    "name": "idle-culler",
    "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
    "services": ["idle-culler"],
}]

# The room (room/, the instructor's live view) as the hub's service at /services/room/. The hub starts it,
# and restarts it with the hub; everything it received is in WORKSHOP_ROOM_DB. Hub admins see its page
# (they log in through the hub: HubOAuth, no confirmation page); participants get 403 there.
ROOM_PORT = int(os.environ.get("WORKSHOP_ROOM_PORT", "8766"))
c.JupyterHub.services.append({
    "name": "room",
    "url": f"http://127.0.0.1:{ROOM_PORT}",
    "command": [sys.executable, "-m", "room", "--hub",
                "--db", os.environ.get("WORKSHOP_ROOM_DB") or str(HUB_DIR / "room.sqlite3")],
    "cwd": str(REPOSITORY),
    "oauth_no_confirm": True,
})
# A participant's kernel reports with its server's token ($JUPYTERHUB_API_TOKEN), which may reach the room
# only when both the token's scopes and its user's hold "access:services!service=room" (either alone: 403).
# The server token keeps JupyterHub's defaults (the "server" role's scopes, jupyterhub/roles.py), and
# the "user" role its default "self".
ROOM_ACCESS = "access:services!service=room"
c.Spawner.server_token_scopes = ["users:activity!user", "access:servers!server", ROOM_ACCESS]
c.JupyterHub.load_roles.append({"name": "user", "scopes": ["self", ROOM_ACCESS]})
# Where kernels report (helpers/room.py): straight to the service on this machine, under its prefix.
c.Spawner.environment["WORKSHOP_ROOM_URL"] = f"http://127.0.0.1:{ROOM_PORT}/services/room/"
