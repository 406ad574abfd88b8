"""The setup cell that starts every notebook: locally, and in Google Colab (simulated, no network)."""
import subprocess
import sys
import types
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
SETUP = next(c.source for c in nbformat.read(ROOT / "solutions" / "01_load_and_plot.ipynb", 4).cells
             if c.cell_type == "code")
COLAB_PATH = "/content/neural-network-from-scratch"


def run_setup(tmp_path, monkeypatch, colab, cwd):
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
    exec(SETUP.replace(COLAB_PATH, str(tmp_path / "colab-copy")), namespace)
    return namespace, commands, widget_manager


def test_colab_fetches_the_workshop_once_and_continues(tmp_path, monkeypatch):
    empty = tmp_path / "content"
    empty.mkdir()
    namespace, commands, widget_manager = run_setup(tmp_path, monkeypatch, colab=True, cwd=empty)
    target = tmp_path / "colab-copy"
    assert commands[0] == ["git", "clone", "--depth", "1", namespace["REPOSITORY"], str(target)]
    assert commands[1][1:] == ["-m", "pip", "install", "-q", "anywidget"]
    assert namespace["root"] == target and sys.path[0] == str(target)
    assert widget_manager == [1]
    _, again, _ = run_setup(tmp_path, monkeypatch, colab=True, cwd=empty)
    assert again == [], "a second run (another notebook) does not fetch again"


@pytest.mark.parametrize("folder", ["", "notebooks", "solutions"])
def test_locally_it_finds_the_workshop_from_any_folder(tmp_path, monkeypatch, folder):
    namespace, commands, _ = run_setup(tmp_path, monkeypatch, colab=False, cwd=ROOT / folder)
    assert commands == [] and namespace["root"] == ROOT


def test_outside_the_workshop_it_says_where_to_open_it(tmp_path, monkeypatch):
    with pytest.raises(AssertionError, match="Open this notebook from inside the workshop folder"):
        run_setup(tmp_path, monkeypatch, colab=False, cwd=tmp_path)


def test_binder_configuration():
    """Binder (repo2docker) reads runtime.txt and requirements.txt from the repository's root."""
    runtime = (ROOT / "runtime.txt").read_text().strip()
    assert runtime.startswith("python-3.") and 10 <= int(runtime.split(".")[1]) <= 13
    requirements = (ROOT / "requirements.txt").read_text()
    for package in ("numpy", "matplotlib", "jupyterlab", "ipywidgets", "anywidget"):
        assert f"\n{package}" in requirements
    readme = (ROOT / "README.md").read_text()
    repository = SETUP.split('REPOSITORY = "')[1].split('"')[0]
    owner_repo = repository.removeprefix("https://github.com/")
    assert f"https://mybinder.org/v2/gh/{owner_repo}/HEAD?urlpath=lab/tree/notebooks/01_load_and_plot.ipynb" in readme
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        assert f"https://colab.research.google.com/github/{owner_repo}/blob/main/notebooks/{path.name}" in readme
