"""The public address is set in one place, pyproject.toml, and everything agrees with it (tools/set_address.py)."""
import importlib.metadata
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from packaging.requirements import Requirement

import set_address

ROOT = Path(__file__).resolve().parent.parent
ADDRESS, PINS = set_address.read_settings((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
NOTEBOOKS = sorted((ROOT / "solutions").glob("*.ipynb")) + sorted((ROOT / "notebooks").glob("*.ipynb"))
FIX = "run `python tools/set_address.py` and commit the result"
ONLINE = re.compile(r"(?:colab\.research\.google\.com/github|mybinder\.org/v2/gh)/([\w.-]+/[\w.-]+)")
EXAMPLE = "https://github.com/example-owner/example-workshop"


def setup_source(path):
    return next(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[f"{p.parent.name}/{p.name}" for p in NOTEBOOKS])
def test_every_notebook_starts_with_the_setup_cell_for_the_configured_address(path):
    assert setup_source(path) == set_address.setup_cell(ADDRESS, PINS), f"{path.name}: its setup cell is stale: {FIX}"


def test_the_readme_online_section_is_written_for_the_configured_address():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert set_address.render_readme(readme, ADDRESS, set_address.notebook_names()) == readme, (
        f"README.md's online section is stale: {FIX}")


def test_nothing_points_online_anywhere_but_to_the_configured_address():
    """No Colab or Binder link, and no address in a setup cell, other than the one set (none while unset)."""
    skip = {"tools/set_address.py", "tests/test_address.py", "tests/test_setup_cell.py"}
    allowed = {set_address.owner_repo(ADDRESS)} if ADDRESS else set()
    seen = set()

    def check(path, relative):
        text = path.read_text(encoding="utf-8", errors="replace")
        for target in ONLINE.findall(text):
            assert target in allowed, f"{relative} links to {target}, not to the address in pyproject.toml"
            seen.add(relative)
        for address in re.findall(r'REPOSITORY = \\?"([^"\\]*)', text):
            assert address == ADDRESS, f"{relative} clones from {address}, not from the address in pyproject.toml"

    for folder, folders, files in os.walk(ROOT):
        folders[:] = [f for f in folders if not f.startswith(".") and f not in {"bundle", "screenshots"}]
        for name in files:
            path = Path(folder) / name
            relative = path.relative_to(ROOT).as_posix()
            if relative not in skip and path.suffix in {".md", ".py", ".ipynb", ".txt", ".toml", ".cfg"}:
                check(path, relative)
    if ADDRESS:
        assert "README.md" in seen
    else:
        assert not seen


@pytest.mark.parametrize("address", [
    "http://github.com/owner/repo", "https://github.com/owner/repo.git", "https://github.com/owner/repo/",
    "https://gitlab.com/owner/repo", "https://github.com/owner", "https://github.com/owner/repo/tree/main",
    'https://github.com/owner/repo"; import os; "', "https://github.com/-owner/repo", "https://github.com/owner/..",
])
def test_only_a_github_repository_address_is_accepted(address):
    with pytest.raises(ValueError):
        set_address.check_address(address)


def test_the_address_is_written_into_pyproject_and_read_back():
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    with_address = set_address.write_address(text, EXAMPLE)
    assert set_address.read_settings(with_address) == (EXAMPLE, PINS)
    assert set_address.write_address(with_address, None) == set_address.write_address(text, None)


def test_the_colab_pins_are_the_versions_the_tests_run_with():
    """What Colab installs: pinned, at the versions installed here, within requirements.txt's ranges."""
    assert "anywidget" in [pin.split("==")[0] for pin in PINS], "the drawing pad needs anywidget in Colab"
    ranges = {}
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith(("#", "-")):
            requirement = Requirement(line)
            ranges[requirement.name.lower()] = requirement.specifier
    for pin in PINS:
        name, version = pin.split("==")
        if name.lower() in ranges:
            allowed = ranges[name.lower()]
            assert allowed.contains(version), f"{pin} is outside requirements.txt's {name}{allowed}"
        installed = importlib.metadata.version(name)
        assert installed == version, (
            f"the tests run with {name} {installed}, Colab installs {version}: set colab-install in "
            f"pyproject.toml to {name}=={installed}, then {FIX}")


def test_the_tool_sets_and_unsets_the_address_in_a_copy(tmp_path):
    """The whole round trip on a copy (two notebooks, for speed): set an address, unset it, then back."""
    for name in ["pyproject.toml", "README.md", "tools/set_address.py", "tools/make_student.py"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, tmp_path / name)
    names = ["01_load_and_plot.ipynb", "06_keras.ipynb"]
    for folder in ["solutions", "notebooks"]:
        (tmp_path / folder).mkdir()
        for name in names:
            shutil.copy(ROOT / folder / name, tmp_path / folder / name)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file() and p.suffix != ".py"}
    address = EXAMPLE if ADDRESS != EXAMPLE else EXAMPLE + "-2"  # not the committed one

    done = subprocess.run([sys.executable, tmp_path / "tools" / "set_address.py", address],
                          capture_output=True, text=True)  # the command line, on the copy
    assert done.returncode == 0, done.stderr
    assert "wrote solutions/01_load_and_plot.ipynb" in done.stdout and "wrote notebooks/06_keras.ipynb" in done.stdout
    assert set_address.read_settings((tmp_path / "pyproject.toml").read_text(encoding="utf-8")) == (address, PINS)
    readme = (tmp_path / "README.md").read_text(encoding="utf-8")
    owner_repo = set_address.owner_repo(address)
    assert f"https://mybinder.org/v2/gh/{owner_repo}/HEAD?urlpath=lab/tree/notebooks/01_load_and_plot.ipynb" in readme
    for name in names:
        assert f"https://colab.research.google.com/github/{owner_repo}/blob/main/notebooks/{name}" in readme
    for folder in ["solutions", "notebooks"]:
        for name in names:
            path = tmp_path / folder / name
            assert f'REPOSITORY = "{address}"' in setup_source(path)
            old, new = json.loads(before[path]), json.loads(path.read_text(encoding="utf-8"))
            index = next(i for i, c in enumerate(new["cells"]) if c["cell_type"] == "code")
            old["cells"][index]["source"] = new["cells"][index]["source"] = ""
            assert new == old, f"{folder}/{name}: more than the setup cell changed"
    assert set_address.out_of_date(tmp_path) == {} and set_address.stale_student_notebooks(tmp_path) == {}

    set_address.apply(tmp_path, None, quiet=True)
    readme = (tmp_path / "README.md").read_text(encoding="utf-8")
    assert "no public address yet" in readme and not ONLINE.search(readme)
    assert "REPOSITORY = None" in setup_source(tmp_path / "solutions" / "01_load_and_plot.ipynb")
    assert "REPOSITORY = None" in setup_source(tmp_path / "notebooks" / "06_keras.ipynb")

    set_address.apply(tmp_path, ADDRESS, quiet=True)
    readme = before.pop(tmp_path / "README.md").decode()  # its links: only for the two notebooks copied
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == set_address.render_readme(readme, ADDRESS, names)
    changed = [p.relative_to(tmp_path).as_posix() for p, data in before.items() if p.read_bytes() != data]
    assert changed == [], f"back at the committed address, these differ from the committed files: {changed}: {FIX}"

    check = [sys.executable, tmp_path / "tools" / "set_address.py", "--check"]
    done = subprocess.run(check, capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.startswith("up to date: "), done.stdout + done.stderr
    assert f"repository: {ADDRESS or 'unset'}" in done.stdout
    nb = nbformat.read(tmp_path / "solutions" / "06_keras.ipynb", as_version=4)
    set_address.first_code_cell(nb, tmp_path / "solutions" / "06_keras.ipynb").source += "\n# edited"
    nbformat.write(nb, tmp_path / "solutions" / "06_keras.ipynb")
    done = subprocess.run(check, capture_output=True, text=True)
    assert done.returncode == 1 and "out of date: solutions/06_keras.ipynb" in done.stdout
    assert f"run `{set_address.RUN}` to rewrite them" in done.stdout and "up to date" not in done.stdout


def test_the_tool_prints_the_setup_cell(capsys):
    assert set_address.main(["--show"]) == 0
    assert capsys.readouterr().out == set_address.setup_cell(ADDRESS, PINS) + "\n"
