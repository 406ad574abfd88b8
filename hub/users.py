"""Each participant a Unix user of their own, made by the hub at first login (hub/jupyterhub_config.py).

JupyterHub's own machinery does the work: LocalAuthenticator creates the user (``add_user_cmd``: no
password, no login shell, a home of their own) and LocalProcessSpawner starts their server as that
user. What is added here:

- ``WorkshopAuthenticator``: the shared password (SharedPasswordAuthenticator) for system users the
  hub makes, and only those: a name that is already someone on the machine (root, daemon, the
  administrator's own account) is refused, or the shared password would let anyone in as them.
- ``WorkshopSpawner``: refuses to start a server as anyone the hub did not make (never as root);
  before a server starts, its home is made 0700, its kernels' socket folder is made 0700 and theirs,
  and the workshop is copied in, as the participant (never as root into a folder they own).
  The server's processes get per-process limits (``limits``), set before the switch to their user,
  so they cannot raise them.
"""
import os
import resource
from pathlib import Path

from jupyterhub.auth import LocalAuthenticator
from jupyterhub.authenticators.shared import SharedPasswordAuthenticator
from jupyterhub.spawner import LocalProcessSpawner
from traitlets import Dict, Unicode

from hub.accounts import COMMENT, copy_workshop, made_by_the_hub, private_folder, pwd_exists


class WorkshopAuthenticator(LocalAuthenticator, SharedPasswordAuthenticator):
    """The shared password; each name becomes a Unix user at first login (create_system_users)."""
    homes = Unicode(help="where participants' homes are made; a user whose home is elsewhere is not ours").tag(config=True)

    async def authenticate(self, handler, data):
        answer = await super().authenticate(handler, data)
        if answer and pwd_exists(answer["name"]) and not made_by_the_hub(answer["name"], self.homes):
            self.log.warning("Refused %r: already a user of this machine, not one the workshop's hub made "
                             "(the shared password must not open an existing account).", answer["name"])
            return None
        return answer


class WorkshopSpawner(LocalProcessSpawner):
    """LocalProcessSpawner (the server runs as the participant), for users the hub made, with limits."""
    homes = Unicode(help="where participants' homes are").tag(config=True)
    kernel_sockets = Unicode(help="a short folder; each participant's kernels' sockets in NAME/ under it").tag(config=True)
    workshop_source = Unicode(help="the folder whose parts are copied into ~/workshop").tag(config=True)
    workshop_parts = Unicode("notebooks helpers data README.md").tag(config=True)
    limits = Dict(help="{resource.RLIMIT_*: value} for every process of the server, hard and soft").tag(config=True)

    def entry(self):
        entry = made_by_the_hub(self.user.name, self.homes)
        if entry is None:
            raise RuntimeError(f"{self.user.name!r} is not a participant this hub made (a user with the comment "
                               f"{COMMENT!r} and a home in {self.homes}): their server is not started.")
        return entry

    def make_preexec_fn(self, name):
        switch = super().make_preexec_fn(name)
        limits = dict(self.limits)

        def preexec():  # after fork, before exec; still root: limits first, so the user cannot raise them
            for which, value in limits.items():
                resource.setrlimit(which, (value, value))
            switch()
        return preexec

    def user_env(self, env):
        env = super().user_env(env)
        env["JUPYTER_RUNTIME_DIR"] = str(Path(self.kernel_sockets) / self.user.name)
        return env

    async def start(self):
        entry = self.entry()
        os.chmod(entry.pw_dir, 0o700)
        sockets = Path(self.kernel_sockets)
        sockets.mkdir(mode=0o711, parents=True, exist_ok=True)  # root's: nobody can make a folder in another's name
        os.chmod(sockets, 0o711)
        private_folder(sockets / self.user.name, entry)
        copy_workshop(Path(self.workshop_source), Path(entry.pw_dir), self.workshop_parts.split(), entry)
        return await super().start()
