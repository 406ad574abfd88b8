"""Notebook 06 says how to install its optional packages when they are missing."""
import importlib.util

import pytest

from helpers import keras_setup


def test_missing_packages_give_the_install_command(monkeypatch):
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    assert keras_setup.missing() == ["keras", "jax"]
    with pytest.raises(keras_setup.MissingPackages, match=r"needs keras and jax, which are not installed"
                                                          r"[\s\S]*pip install -r requirements-keras.txt"):
        keras_setup.require_keras()
