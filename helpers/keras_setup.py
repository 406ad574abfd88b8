"""Notebook 06 uses Keras with the JAX backend, an optional install (requirements-keras.txt)."""
import importlib.util
import os

from .errors import FriendlyError

INSTALL = ("In a terminal, in the workshop folder, run\n"
           "    .venv/bin/python -m pip install -r requirements-keras.txt\n"
           "(on Windows: .venv\\Scripts\\python -m pip install -r requirements-keras.txt),\n"
           "then restart the kernel (Kernel > Restart Kernel) and run this notebook again.")


class MissingPackages(FriendlyError):
    """Packages that a notebook needs are not installed."""


def missing():
    """The names of the packages notebook 06 needs that are not installed."""
    return [name for name in ("keras", "jax") if importlib.util.find_spec(name) is None]


def require_keras():
    """Import and return Keras with the JAX backend, or stop with the command that installs it."""
    os.environ.setdefault("KERAS_BACKEND", "jax")
    if missing():
        raise MissingPackages(f"This notebook needs {' and '.join(missing())}, which "
                              f"{'is' if len(missing()) == 1 else 'are'} not installed.\n" + INSTALL)
    import keras

    return keras
