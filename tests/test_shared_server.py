"""helpers.shared_server: on the workshop's hub, each cell's freed memory is given back after the cell."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# A cell leaves a reference cycle behind with automatic collection off: only the hook can free it.
SCRIPT = """
import gc, sys
sys.path.insert(0, {root!r})
gc.disable()
from IPython.core.interactiveshell import InteractiveShell
shell = InteractiveShell.instance()
import helpers, helpers.shared_server as shared_server
shared_server.release_after_each_cell()  # as a second notebook import would: still once
shell.run_cell("import weakref\\nclass C: pass\\nc = C(); c.me = c\\nalive = weakref.ref(c)\\ndel c")
print(shell.events.callbacks["post_run_cell"].count(shared_server.release_memory), shell.user_ns["alive"]() is None)
"""


def run(variable):
    env = {k: v for k, v in os.environ.items() if k != "WORKSHOP_RELEASE_MEMORY"}
    if variable is not None:
        env["WORKSHOP_RELEASE_MEMORY"] = variable
    done = subprocess.run([sys.executable, "-c", SCRIPT.format(root=str(ROOT))], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_on_the_hub_every_cell_is_followed_by_one_release():
    assert run("1") == ["1", "True"]


@pytest.mark.parametrize("variable", [None, "0", ""])
def test_elsewhere_nothing_changes(variable):
    assert run(variable) == ["0", "False"]


def test_outside_ipython_nothing_is_registered(monkeypatch):
    from helpers import shared_server
    monkeypatch.setenv("WORKSHOP_RELEASE_MEMORY", "1")
    monkeypatch.setattr("IPython.get_ipython", lambda: None)
    assert shared_server.release_after_each_cell() is False


@pytest.mark.skipif(not sys.platform.startswith("linux") or os.confstr("CS_GNU_LIBC_VERSION") is None,
                    reason="malloc_trim is glibc's")
def test_glibc_gives_its_free_pages_back():
    from helpers import shared_server
    assert shared_server._trim is not None
    shared_server.release_memory()  # and it runs
