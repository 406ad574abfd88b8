"""Participants' Unix users on the hub's machine (hub/users.py makes them), without JupyterHub: for launch.py too."""
import os
import pwd
import re
import signal
import shutil
import stat
import subprocess
import time
from pathlib import Path

COMMENT = "workshop hub participant"  # in /etc/passwd: how the hub (and tests' clean-up) knows its own users
NAME_PATTERN = r"^[a-z][a-z0-9_-]{0,30}$"  # what useradd accepts everywhere: lower-case, a letter first


def made_by_the_hub(name, homes):
    """The passwd entry of ``name`` if the hub made it (its comment, a home in ``homes``, not root), else None."""
    try:
        entry = pwd.getpwnam(name)
    except KeyError:
        return None
    ours = entry.pw_gecos == COMMENT and Path(entry.pw_dir).parent == Path(homes) and entry.pw_uid != 0
    return entry if ours else None


def add_user_command(homes):
    """LocalAuthenticator.add_user_cmd: useradd, the name appended by JupyterHub (USERNAME is replaced)."""
    return ["useradd", "--create-home", "--home-dir", f"{homes}/USERNAME", "--shell", "/usr/sbin/nologin",
            "--comment", COMMENT, "--key", "HOME_MODE=0700", "--user-group"]  # no password: locked


def leftovers(names):
    """The passwd entries among ``names`` that a workshop hub made (its comment), wherever their home is."""
    return [entry for entry in pwd.getpwall() if entry.pw_name in names and entry.pw_gecos == COMMENT]


def pwd_exists(name):
    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False


def private_folder(path, entry):
    """``path`` a folder of ``entry``'s alone (0700): made if need be, or taken back from anyone else."""
    path = Path(path)
    if path.is_symlink():
        path.unlink()  # a link left there points somewhere the participant chose: not used
    path.mkdir(mode=0o700, exist_ok=True)
    os.chown(path, entry.pw_uid, entry.pw_gid)
    os.chmod(path, 0o700)


def copy_workshop(source, home, parts, entry=None):
    """A copy of the workshop's ``parts`` in ``home``/workshop, unless there is one (their own work is kept).

    With ``entry`` (a passwd entry), the copy is written by that user (root reads the workshop, the
    participant writes): root never writes in a folder a participant owns. Caches stay out."""
    target = home / "workshop"
    if os.path.lexists(target):
        return
    parts = [part for part in parts if (source / part).exists()]
    as_user = {} if entry is None else {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": [], "umask": 0o077}
    subprocess.run(["mkdir", "--", str(target)], check=True, cwd=home, **as_user)
    reader = subprocess.Popen(["tar", "--exclude=cache", "--exclude=__pycache__", "-C", str(source), "-cf", "-", "--",
                               *parts], stdout=subprocess.PIPE)
    writer = subprocess.run(["tar", "-C", str(target), "-xf", "-"], stdin=reader.stdout, cwd=home, **as_user)
    reader.stdout.close()
    if reader.wait() or writer.returncode:
        raise RuntimeError(f"The workshop could not be copied into {target} "
                           f"(tar: {reader.returncode}, {writer.returncode}).")


def unreachable(path):
    """None if every user may run ``path`` (each folder on its way, and the file it links to, open to
    others), else the first folder or file that is not."""
    path = Path(path).absolute()
    for end in (path, path.resolve()):
        for part in [*reversed(end.parents), end]:
            if not part.stat().st_mode & stat.S_IXOTH:
                return part
    return None


def processes_of(uids):
    """The pids of the processes whose real user is one of ``uids``."""
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            uid = int(re.search(r"^Uid:\s+(\d+)", status.read_text(), re.M).group(1))
        except (FileNotFoundError, ProcessLookupError, AttributeError):
            continue
        if uid in uids:
            found.append(int(status.parent.name))
    return found


def remove_users(entries):
    """Stop what the users ``entries`` (passwd entries the hub made) still run, then remove them and their homes."""
    uids = {entry.pw_uid for entry in entries}
    for attempt in range(50):  # a server's kernels may outlive it for a moment
        pids = processes_of(uids)
        if not pids:
            break
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        time.sleep(0.1)
    for entry in entries:
        subprocess.run(["userdel", "--remove", entry.pw_name], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if Path(entry.pw_dir).exists():
            shutil.rmtree(entry.pw_dir)
