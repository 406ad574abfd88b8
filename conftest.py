"""Test configuration for the whole repository (the unit tests and the solution notebooks)."""
import matplotlib
import pytest

from helpers import keras_setup

matplotlib.use("Agg")  # draw off-screen: the checks inspect figures, nobody looks at them

pytest_plugins = ["tests.nbval_approx"]  # cells with an "approx" tolerance (see that module)

KERAS_NOTEBOOK = "06_keras.ipynb"


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
