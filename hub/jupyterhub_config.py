"""JupyterHub for a day's workshop on one machine: the settings tests/test_hub.py runs.

    WORKSHOP_PASSWORD=... WORKSHOP_ADMIN_PASSWORD=... jupyterhub -f hub/jupyterhub_config.py

Participants log in with any name and the one shared password (JupyterHub's shared-password
authenticator, 5.3 or later); the instructor logs in as "instructor" with the admin password.
Each participant gets a copy of the workshop (notebooks, helpers, data) in their home folder
at their first start; every kernel maps the same MNIST cache ($WORKSHOP_CACHE_DIR, made once
by the administrator, see hub/README.md). Idle servers are stopped after an hour. The room (the
instructor's live view) is the hub's service at /services/room/: admins see it, and participants who
run helpers.room.join() report to it with their server's token.

Users' servers run as the hub's own user (SimpleLocalProcessSpawner), with no isolation between
participants and no memory limit enforced: fine for a rehearsal on a laptop or a room that trusts
itself. For a real room use The Littlest JupyterHub or Zero to JupyterHub (hub/README.md), which
enforce the same memory limit. Every setting can be changed by environment variables:
    WORKSHOP_PASSWORD        the participants' password (at least 8 characters; required)
    WORKSHOP_ADMIN_PASSWORD  the instructor's password (at least 32 characters; optional)
    WORKSHOP_ADMINS          the instructors' user names, comma-separated (default: instructor)
    WORKSHOP_HUB_IP, WORKSHOP_HUB_PORT   where the hub listens (default 127.0.0.1 and 8000)
    WORKSHOP_SOURCE          the workshop folder copied for each participant (default: this repository)
    WORKSHOP_HOMES           where participants' home folders are made (default /srv/workshop-homes)
    WORKSHOP_CACHE_DIR       the shared MNIST cache (default /srv/workshop-cache)
    WORKSHOP_CULL_TIMEOUT    seconds idle before a server is stopped (default 3600)
    WORKSHOP_ROOM_PORT       the port of the room service, on 127.0.0.1 (default 8766)
    WORKSHOP_ROOM_DB         the room's SQLite file, kept across restarts (default /srv/workshop-room/room.sqlite3)
"""
import os
import shutil
import sys
import tempfile
from pathlib import Path

c = get_config()  # noqa: F821 (JupyterHub's config loader defines get_config)

REPOSITORY = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY))
from hub import MEMORY_ENVIRONMENT  # noqa: E402 (tools/memory.py --hub measures kernels with the same)
BIN = Path(sys.executable).parent  # the hub's environment: jupyterhub-singleuser and the workshop's packages
WORKSHOP_PARTS = ["notebooks", "helpers", "data", "README.md"]  # what a participant needs (solutions stay out)

# Where the hub listens. The proxy is configurable-http-proxy (npm), found on PATH.
c.JupyterHub.ip = os.environ.get("WORKSHOP_HUB_IP", "127.0.0.1")
c.JupyterHub.port = int(os.environ.get("WORKSHOP_HUB_PORT", "8000"))
c.JupyterHub.hub_ip = "127.0.0.1"

# Login: one shared password for participants, any user name; instructors are admins.
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = os.environ["WORKSHOP_PASSWORD"]
c.SharedPasswordAuthenticator.admin_password = os.environ.get("WORKSHOP_ADMIN_PASSWORD") or None
c.Authenticator.admin_users = set(filter(None, os.environ.get("WORKSHOP_ADMINS", "instructor").split(",")))
c.Authenticator.allow_all = True  # anyone with the password (JupyterHub 5 requires saying so)

# Participants' servers: JupyterLab, opened on the first notebook of their copy of the workshop.
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = os.environ.get("WORKSHOP_HOMES", "/srv/workshop-homes") + "/{username}"
c.Spawner.cmd = [str(BIN / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab/tree/workshop/notebooks/00_introduction.ipynb"
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
# Kernels talk to their server over Unix sockets, not TCP ports on 127.0.0.1: with 30 servers on one machine
# starting kernels at once, a port one server picked was taken by another before its kernel bound it
# ("Address already in use"; the kernel died and could not restart): tools/hub_load.py, 1 to 2 of 30 kernels.
c.Spawner.args = ["--KernelManager.transport=ipc"]
# A socket's path has at most 107 characters, too few for ~/.local/share/jupyter/runtime/kernel-UUID-ipc-N in
# a deep home folder: each user's kernels' sockets go in a short folder of their own (all run as the hub's user).
KERNEL_SOCKETS = Path(tempfile.gettempdir()) / "workshop-kernels"
c.Spawner.environment = {"JUPYTER_RUNTIME_DIR": lambda spawner: str(KERNEL_SOCKETS / spawner.user.name)}
if os.geteuid() == 0:
    c.Spawner.args.append("--allow-root")  # without it a server started as root stops at once
# Memory, measured with tools/memory.py --hub: with 30 kernels sharing the MNIST cache, a kernel that has
# run notebook 04 takes about 97 MB PSS (143 MB without MEMORY_ENVIRONMENT; 310 MB each without the cache),
# 89 MB of it its own (Python, NumPy, Matplotlib); the single-user server about 110 MB. The first kernel
# to read the cache is charged its 220 MB of page cache. This spawner enforces neither value; TLJH and
# Zero to JupyterHub do (hub/README.md).
c.Spawner.mem_guarantee = "512M"
c.Spawner.mem_limit = "1G"
c.Spawner.environment.update({
    # Every kernel maps the same cache of the MNIST arrays (helpers/data.py): one copy in memory.
    "WORKSHOP_CACHE_DIR": os.environ.get("WORKSHOP_CACHE_DIR", "/srv/workshop-cache"),
    **MEMORY_ENVIRONMENT,  # one BLAS thread, and freed memory given back after every cell (hub/__init__.py)
})


def copy_workshop(spawner):
    """Before a participant's server starts: a copy of the workshop in their home folder, if they have none."""
    source = Path(os.environ.get("WORKSHOP_SOURCE", REPOSITORY))
    target = Path(spawner.home_dir) / "workshop"
    if target.exists():
        return  # their own work, kept across restarts
    target.mkdir(parents=True)
    for part in WORKSHOP_PARTS:
        if (source / part).is_dir():
            shutil.copytree(source / part, target / part, ignore=shutil.ignore_patterns("cache", "__pycache__"))
        elif (source / part).is_file():
            shutil.copy2(source / part, target / part)


c.Spawner.pre_spawn_hook = copy_workshop

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
                "--db", os.environ.get("WORKSHOP_ROOM_DB", "/srv/workshop-room/room.sqlite3")],
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
