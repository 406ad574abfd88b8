"""Test configuration for the whole repository (the unit tests and the solution notebooks)."""
import os

import matplotlib
import pytest

from helpers import keras_setup

matplotlib.use("Agg")  # draw off-screen: the checks inspect figures, nobody looks at them
import matplotlib.pyplot as plt  # noqa: E402

pytest_plugins = ["tests.nbval_approx"]  # cells with an "approx" tolerance (see that module)

KERAS_NOTEBOOK = "06_keras.ipynb"


def pytest_configure(config):
    """With several workers (pytest-xdist, `-n` in pyproject.toml), give each one BLAS thread.

    Each worker runs its notebooks' kernels; with NumPy's default of one thread per core they
    would fight over the cores and all run slower. (The kernels use one thread anyway once they
    import helpers, unless WORKSHOP_BLAS_THREADS says otherwise: helpers/threads.py; this covers
    the unit tests' own processes.) Set in the main process, before the workers start, so that
    the workers and their kernels inherit it. An explicit OPENBLAS_NUM_THREADS wins.
    """
    workers = getattr(config.option, "numprocesses", None)
    if workers and workers > 1:
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def pytest_collection_modifyitems(config, items):
    """Skip the Keras notebook, with the reason, where its optional packages are not installed."""
    missing = keras_setup.missing()
    if not missing:
        return
    reason = (f"{' and '.join(missing)} not installed: notebook 06 needs the optional packages "
              "(python -m pip install -r requirements-keras.txt)")
    for item in items:
        if item.path.name == KERAS_NOTEBOOK and item.path.parent.name == "solutions":
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(autouse=True)
def close_figures():
    """Close every pyplot figure a test leaves open: what one test draws must not change what another sees."""
    yield
    plt.close("all")
