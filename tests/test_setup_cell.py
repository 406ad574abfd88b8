"""The setup cell that starts every notebook: locally, and in Google Colab (simulated, no network),
with the public address set and unset (tests/test_address.py checks the notebooks hold the current one)."""
import subprocess
import sys
import types
from pathlib import Path

import nbformat
import pytest

import set_address

ROOT = Path(__file__).resolve().parent.parent
SETUP = next(c.source for c in nbformat.read(ROOT / "solutions" / "01_load_and_plot.ipynb", 4).cells
             if c.cell_type == "code")
COLAB_PATH = "/content/neural-network-from-scratch"
ADDRESS = "https://github.com/example-owner/example-workshop"
PINS = ["anywidget==0.11.0", "psygnal==0.16.1"]
SET, UNSET = set_address.setup_cell(ADDRESS, PINS), set_address.setup_cell(None, PINS)


def run_setup(source, tmp_path, monkeypatch, colab, cwd):
    """Execute the setup cell with Colab simulated or not; return its namespace and the commands it ran."""
    commands, widget_manager = [], []

    def fake_run(command, check):
        commands.append(command)
        if command[:2] == ["git", "clone"]:  # what the clone would bring: the helpers package
            target = Path(command[-1])
            (target / "helpers").mkdir(parents=True)
            (target / "helpers" / "__init__.py").write_text("")
        return subprocess.CompletedProcess(command, 0)

    monkeypatch.setattr(subprocess, "run", fake_run)
    if colab:
        google = types.ModuleType("google")
        google.colab = types.ModuleType("google.colab")
        google.colab.output = types.SimpleNamespace(enable_custom_widget_manager=lambda: widget_manager.append(1))
        monkeypatch.setitem(sys.modules, "google", google)
        monkeypatch.setitem(sys.modules, "google.colab", google.colab)
    monkeypatch.chdir(cwd)
    monkeypatch.setattr(sys, "path", list(sys.path))
    namespace = {}
    exec(source.replace(COLAB_PATH, str(tmp_path / "colab-copy")), namespace)
    return namespace, commands, widget_manager


@pytest.fixture
def content(tmp_path):
    """Colab's working folder, without the workshop."""
    (tmp_path / "content").mkdir()
    return tmp_path / "content"


def test_colab_with_an_address_fetches_the_workshop_once_and_installs_the_pinned_packages(
        tmp_path, monkeypatch, content):
    namespace, commands, widget_manager = run_setup(SET, tmp_path, monkeypatch, colab=True, cwd=content)
    target = tmp_path / "colab-copy"
    assert namespace["REPOSITORY"] == ADDRESS
    assert commands == [["git", "clone", "--depth", "1", ADDRESS, str(target)],
                        [sys.executable, "-m", "pip", "install", "-q", *PINS]]
    assert namespace["root"] == target and sys.path[0] == str(target)
    assert widget_manager == [1]
    _, again, _ = run_setup(SET, tmp_path, monkeypatch, colab=True, cwd=content)
    assert [c[0] for c in again] == [sys.executable], "a second run (another notebook) does not fetch again"


def test_colab_without_an_address_stops_with_what_to_do_and_fetches_nothing(tmp_path, monkeypatch, content):
    with pytest.raises(RuntimeError, match="has no public address yet: upload the folder to Colab .* "
                                             "or ask your instructor"):
        run_setup(UNSET, tmp_path, monkeypatch, colab=True, cwd=content)
    assert not (tmp_path / "colab-copy").exists()


def test_colab_without_an_address_runs_the_uploaded_workshop(tmp_path, monkeypatch, content):
    (tmp_path / "colab-copy" / "helpers").mkdir(parents=True)
    (tmp_path / "colab-copy" / "helpers" / "__init__.py").write_text("")
    namespace, commands, widget_manager = run_setup(UNSET, tmp_path, monkeypatch, colab=True, cwd=content)
    assert commands == [[sys.executable, "-m", "pip", "install", "-q", *PINS]], "no clone, only the packages"
    assert namespace["root"] == tmp_path / "colab-copy" and widget_manager == [1]


@pytest.mark.parametrize("source", [SETUP, SET, UNSET], ids=["stored", "set", "unset"])
@pytest.mark.parametrize("folder", ["", "notebooks", "solutions"])
def test_locally_it_finds_the_workshop_from_any_folder_and_runs_nothing(tmp_path, monkeypatch, folder, source):
    namespace, commands, _ = run_setup(source, tmp_path, monkeypatch, colab=False, cwd=ROOT / folder)
    assert commands == [] and namespace["root"] == ROOT


@pytest.mark.parametrize("source", [SETUP, SET, UNSET], ids=["stored", "set", "unset"])
def test_outside_the_workshop_it_says_where_to_open_it(tmp_path, monkeypatch, source):
    with pytest.raises(FileNotFoundError, match="Open this notebook from inside the workshop folder"):
        run_setup(source, tmp_path, monkeypatch, colab=False, cwd=tmp_path)


def test_the_stored_cell_in_colab_clones_only_from_the_configured_address(tmp_path, monkeypatch, content):
    address, _ = set_address.read_settings((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    if address is None:
        with pytest.raises(RuntimeError, match="no public address yet"):
            run_setup(SETUP, tmp_path, monkeypatch, colab=True, cwd=content)
    else:
        _, commands, _ = run_setup(SETUP, tmp_path, monkeypatch, colab=True, cwd=content)
        assert commands[0][:4] == ["git", "clone", "--depth", "1"] and commands[0][4] == address


def test_binder_configuration():
    """Binder (repo2docker) reads runtime.txt and requirements.txt from the repository's root."""
    runtime = (ROOT / "runtime.txt").read_text().strip()
    assert runtime.startswith("python-3.") and 10 <= int(runtime.split(".")[1]) <= 13
    requirements = (ROOT / "requirements.txt").read_text()
    for package in ("numpy", "matplotlib", "jupyterlab", "ipywidgets", "anywidget"):
        assert f"\n{package}" in requirements
