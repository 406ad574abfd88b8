"""On a shared server, give back after every cell the memory the cell freed.

Python and the C library keep the memory a cell frees (a training's temporaries, a figure of
30 images) to reuse it, so an idle kernel holds the high-water mark of all it ran. On a laptop that
costs nothing; on a server with 30 kernels it is about 25 MB each (tools/memory.py). The workshop's
JupyterHub sets WORKSHOP_RELEASE_MEMORY=1 in every participant's environment (hub/__init__.py), and
then, after each cell, helpers collects Python's garbage and asks glibc to return free pages
(malloc_trim). Elsewhere, or without glibc (macOS, Windows, musl), nothing changes.
"""
import ctypes
import ctypes.util
import gc
import os

VARIABLE = "WORKSHOP_RELEASE_MEMORY"


def _malloc_trim():
    """glibc's malloc_trim, or None where the C library has none."""
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError, TypeError):
        return None


def release_memory(*_):
    """Collect garbage and return free pages to the machine (an IPython post_run_cell callback)."""
    gc.collect()
    if _trim is not None:
        _trim(0)


_trim = _malloc_trim()


def release_after_each_cell():
    """If $WORKSHOP_RELEASE_MEMORY is 1 and this runs in IPython: release_memory after every cell. True if so."""
    if os.environ.get(VARIABLE) != "1":
        return False
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    if shell is None:
        return False
    shell.events.register("post_run_cell", release_memory)  # IPython registers a callback once
    return True
