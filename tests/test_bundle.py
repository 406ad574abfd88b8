"""The USB bundle (tools/make_bundle.py) and the participants' check (tools/check_bundle.py).

The fast tests check the logic offline. The `bundle` test builds a real bundle for Linux and this
Python (downloads from PyPI), then installs from it with no index reachable and runs a notebook:

    python -m pytest -m bundle tests/test_bundle.py
"""
import hashlib
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import check_bundle
import make_bundle

ROOT = Path(__file__).resolve().parent.parent
HERE = f"{sys.version_info.major}.{sys.version_info.minor}"


@pytest.mark.parametrize("python", make_bundle.PYTHONS)
@pytest.mark.parametrize("platform", sorted(make_bundle.PLATFORMS))
def test_pip_download_command_for_every_platform_and_python(platform, python, tmp_path):
    requirements = [ROOT / "requirements.txt", ROOT / "requirements-keras.txt"]
    command = make_bundle.pip_command(platform, python, make_bundle.download_args(
        platform, python, requirements, tmp_path / "wheelhouse"))
    assert command[:3] == [sys.executable, "-c", make_bundle.PIP_FOR_TARGET]
    markers, args = json.loads(command[3]), command[4:]
    assert args[0] == "download" and "--only-binary=:all:" in args
    assert args[args.index("--python-version") + 1] == python and args[args.index("--implementation") + 1] == "cp"
    assert args[args.index("--dest") + 1] == str(tmp_path / "wheelhouse")
    assert [args[i + 1] for i, a in enumerate(args) if a == "-r"] == [str(r) for r in requirements]
    tags = [args[i + 1] for i, a in enumerate(args) if a == "--platform"]
    assert markers["python_version"] == python and markers["implementation_name"] == "cpython"
    if platform == "windows-x86_64":
        assert tags == ["win_amd64"]
        assert (markers["sys_platform"], markers["os_name"], markers["platform_system"]) == ("win32", "nt", "Windows")
    elif platform.startswith("macos"):
        arch = platform.split("-")[1]
        assert tags == [f"macosx_12_0_{arch}" if arch == "arm64" else "macosx_10_14_x86_64"]
        assert (markers["sys_platform"], markers["platform_machine"]) == ("darwin", arch)
    else:
        assert tags[0] == "manylinux_2_28_x86_64" and {"manylinux2014_x86_64", "manylinux1_x86_64"} < set(tags)
        assert len(tags) == len(set(tags)) and all(t.endswith("_x86_64") and t.startswith("manylinux") for t in tags)
        assert (markers["sys_platform"], markers["platform_system"]) == ("linux", "Linux")


def test_resolving_from_the_wheelhouse_uses_no_index_and_no_pip_configuration(tmp_path, monkeypatch):
    args = make_bundle.resolve_args("linux-x86_64", "3.12", [ROOT / "requirements.txt"], tmp_path / "w",
                                    tmp_path / "picked")
    assert args[0] == "download" and "--no-index" in args and "--only-binary=:all:" in args
    assert args[args.index("--find-links") + 1] == str(tmp_path / "w")
    assert args[args.index("--dest") + 1] == str(tmp_path / "picked")
    assert args[args.index("--python-version") + 1] == "3.12"
    monkeypatch.setenv("PIP_FIND_LINKS", "/somewhere/else")
    monkeypatch.setenv("PIP_INDEX_URL", "https://example.org/simple")
    env = make_bundle.isolated_environment()
    assert env["PIP_CONFIG_FILE"] == os.devnull and not {k for k in env if k.startswith("PIP_")} - {"PIP_CONFIG_FILE"}


def test_downloads_come_from_the_index_alone_with_no_pip_configuration(tmp_path):
    args = make_bundle.download_args("linux-x86_64", "3.12", [ROOT / "requirements.txt"], tmp_path / "w")
    assert args[:2] == ["download", "--isolated"]
    assert args[args.index("--index-url") + 1] == make_bundle.INDEX_URL == "https://pypi.org/simple"
    assert not {"--extra-index-url", "--find-links", "-f", "--no-index", "-c", "--constraint"} & set(args)
    args = make_bundle.download_args("linux-x86_64", "3.12", [], tmp_path / "w", "https://mirror.example.org/simple")
    assert args[args.index("--index-url") + 1] == "https://mirror.example.org/simple"


def test_a_find_links_in_the_builders_pip_configuration_is_not_used(tmp_path, monkeypatch):
    """Offline: the builder's pip configuration offers a soupsieve wheel in a folder; the index is unreachable.
    Run as make_bundle runs it, pip does not take that wheel (and fails); with the configuration, it would."""
    elsewhere = tmp_path / "elsewhere"
    make_wheel(elsewhere, "soupsieve-2.10-py3-none-any.whl", "soupsieve", "2.10")
    with zipfile.ZipFile(elsewhere / "soupsieve-2.10-py3-none-any.whl", "a") as wheel:
        wheel.writestr("soupsieve-2.10.dist-info/WHEEL",
                       "Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n")
        wheel.writestr("soupsieve-2.10.dist-info/RECORD", "")
    (tmp_path / "pip.conf").write_text(f"[global]\nfind-links = {elsewhere}\n")
    monkeypatch.setenv("PIP_CONFIG_FILE", str(tmp_path / "pip.conf"))
    monkeypatch.setenv("PIP_FIND_LINKS", str(elsewhere))
    requirement = tmp_path / "requirements.txt"
    requirement.write_text("soupsieve==2.10\n")
    args = make_bundle.download_args("linux-x86_64", HERE, [requirement], tmp_path / "wheelhouse",
                                     "http://127.0.0.1:9/") + ["--retries", "0", "--timeout", "2"]
    command = make_bundle.pip_command("linux-x86_64", HERE, args)
    done = subprocess.run(command, env=make_bundle.isolated_environment(), capture_output=True, text=True)
    assert done.returncode != 0 and not list(tmp_path.glob("wheelhouse/*.whl")), done.stdout
    assert "elsewhere" not in done.stdout + done.stderr
    with_configuration = [a for a in command if a != "--isolated"]  # what the tool did before
    done = subprocess.run(with_configuration, env=dict(os.environ), capture_output=True, text=True)
    assert done.returncode == 0 and (tmp_path / "wheelhouse" / "soupsieve-2.10-py3-none-any.whl").exists(), (
        "the test's configuration is not one pip uses: it cannot show that the tool ignores it")
    assert make_bundle.downloaded(done.stdout) == {"soupsieve-2.10-py3-none-any.whl"}


def test_what_pip_download_saved_is_read_from_its_output():
    output = ("Collecting tqdm\n  File was already downloaded /b/wheelhouse/tqdm-4.70.1-py3-none-any.whl\n"
              "Collecting soupsieve\n  Downloading soupsieve-4.1.3-py3-none-any.whl (59 kB)\n"
              "Saved ./b/wheelhouse/soupsieve-4.1.3-py3-none-any.whl\nSuccessfully downloaded tqdm soupsieve\n")
    assert make_bundle.downloaded(output) == {"tqdm-4.70.1-py3-none-any.whl", "soupsieve-4.1.3-py3-none-any.whl"}


def test_an_old_wheelhouse_is_reused_only_from_the_same_index(tmp_path):
    assert make_bundle.previous_index(tmp_path) is None
    (tmp_path / make_bundle.MANIFEST).write_text(json.dumps({"targets": {}}))
    assert make_bundle.previous_index(tmp_path) is None, "a bundle from before the index was recorded"
    (tmp_path / make_bundle.MANIFEST).write_text(json.dumps({"index_url": make_bundle.INDEX_URL}))
    assert make_bundle.previous_index(tmp_path) == make_bundle.INDEX_URL


@pytest.mark.parametrize("platform, wanted", [("windows-x86_64", True), ("linux-x86_64", False),
                                              ("macos-arm64", False)])
def test_pip_follows_the_target_platforms_environment_markers(platform, wanted, tmp_path):
    """pip evaluates `; sys_platform == "win32"` for the target (offline: an empty wheelhouse, no index)."""
    requirement = tmp_path / "requirements.txt"
    requirement.write_text('colorama; sys_platform == "win32"\n')
    (tmp_path / "empty").mkdir()
    args = make_bundle.resolve_args(platform, HERE, [requirement], tmp_path / "empty", tmp_path / "picked")
    done = subprocess.run(make_bundle.pip_command(platform, HERE, args), env=make_bundle.isolated_environment(),
                          capture_output=True, text=True)
    if wanted:  # pip looked for colorama (and found none in the empty folder)
        assert done.returncode != 0 and "colorama" in done.stderr
    else:
        assert done.returncode == 0, done.stderr
        assert make_bundle.resolution(tmp_path / "picked") == {"packages": {}, "wheels": []}


def make_wheel(folder, filename, name, version):
    """A minimal wheel: just its METADATA."""
    folder.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(folder / filename, "w") as wheel:
        wheel.writestr(f"{name}-{version}.dist-info/METADATA",
                       f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n")
    return folder / filename


NUMPY, TQDM, KERAS = ("numpy-2.4.6-cp311-cp311-manylinux_2_28_x86_64.whl", "tqdm-4.70.1-py3-none-any.whl",
                      "keras-3.0-py3-none-any.whl")


def fake_bundle(tmp_path):
    """A wheelhouse with three wheels, a workshop file, and the targets pip would have resolved."""
    wheelhouse, workshop = tmp_path / "wheelhouse", tmp_path / "workshop"
    (workshop / "notebooks").mkdir(parents=True)
    (workshop / "notebooks" / "01.ipynb").write_text("{}")
    for filename, name, version in [(NUMPY, "numpy", "2.4.6"), (TQDM, "tqdm", "4.70.1"), (KERAS, "Keras", "3.0")]:
        make_wheel(wheelhouse, filename, name, version)
        for picked in (["workshop", "keras"] if name != "Keras" else ["keras"]):  # what pip would pick
            (tmp_path / f"picked-{picked}").mkdir(exist_ok=True)
            shutil.copy(wheelhouse / filename, tmp_path / f"picked-{picked}" / filename)
    targets = {"linux-x86_64": {"3.11": {"workshop": make_bundle.resolution(tmp_path / "picked-workshop"),
                                         "keras": make_bundle.resolution(tmp_path / "picked-keras")}}}
    return make_bundle.make_manifest(targets, wheelhouse, ["notebooks/01.ipynb"], workshop), wheelhouse


def test_the_manifest_records_versions_and_checksums(tmp_path):
    manifest, wheelhouse = fake_bundle(tmp_path)
    assert manifest["targets"]["linux-x86_64"]["3.11"] == {
        "workshop": {"packages": {"numpy": "2.4.6", "tqdm": "4.70.1"}, "wheels": [NUMPY, TQDM]},
        "keras": {"packages": {"Keras": "3.0", "numpy": "2.4.6", "tqdm": "4.70.1"}, "wheels": [KERAS, NUMPY, TQDM]}}
    data = (wheelhouse / TQDM).read_bytes()
    assert manifest["wheels"][TQDM] == {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
    assert sorted(manifest["wheels"]) == [KERAS, NUMPY, TQDM]
    assert manifest["files"] == {"notebooks/01.ipynb": hashlib.sha256(b"{}").hexdigest()}


def test_the_report_says_every_requirement_resolved_and_the_sizes(tmp_path):
    manifest, _ = fake_bundle(tmp_path)
    top_level = {"workshop": {"numpy", "tqdm"}, "keras": {"numpy", "tqdm", "keras"}}
    failures = {("windows-x86_64", "3.13", "workshop"): "pip download: no wheel for something"}
    text = "\n".join(make_bundle.report_lines(manifest, failures, top_level))
    assert re.search(r"linux-x86_64 +Python 3\.11 +workshop +2 wheels +0\.0 MB +ok, every requirement is a wheel",
                     text)
    assert re.search(r"linux-x86_64 +Python 3\.11 +keras +3 wheels", text)
    assert "windows-x86_64  Python 3.13  workshop  FAILED: pip download: no wheel for something" in text
    assert re.search(r"linux-x86_64 +3 wheels +0\.0 MB +\(for Linux on x86-64", text)
    missing = make_bundle.report_lines(manifest, {}, {"workshop": {"numpy", "tqdm", "scipy"}, "keras": set()})
    assert any("MISSING scipy" in line for line in missing)


def test_requirement_names_follow_included_files():
    assert {"numpy", "anywidget", "nbval"} <= make_bundle.requirement_names([ROOT / "requirements.txt"])
    assert {"numpy", "keras", "jax", "playwright"} <= make_bundle.requirement_names([ROOT / "requirements-dev.txt"])


@pytest.mark.parametrize("system, machine, key", [
    ("linux", "x86_64", "linux-x86_64"), ("darwin", "arm64", "macos-arm64"), ("darwin", "x86_64", "macos-x86_64"),
    ("win32", "AMD64", "windows-x86_64"), ("linux", "aarch64", "linux-arm64")])
def test_the_check_names_the_platform_as_the_bundle_does(system, machine, key):
    assert check_bundle.platform_key(system, machine) == key
    assert key in make_bundle.PLATFORMS or key == "linux-arm64"


def test_the_check_compares_the_installed_packages_with_the_bundle(tmp_path):
    manifest, wheelhouse = fake_bundle(tmp_path)
    installed = {"numpy": "2.4.6", "tqdm": "4.70.1", "pip": "24.0"}
    ok, lines = check_bundle.compare(manifest, installed, "linux-x86_64", "3.11")
    assert ok and "match the bundle: all 2" in lines[0] and "without Keras" in lines[0]
    ok, lines = check_bundle.compare(manifest, {"numpy": "2.3.0"}, "linux-x86_64", "3.11")
    assert not ok and "numpy: 2.3.0 installed, the bundle has 2.4.6" in "\n".join(lines)
    assert "tqdm: not installed (the bundle has 4.70.1)" in "\n".join(lines)
    installed = {"numpy": "2.4.6", "tqdm": "4.70.1", "keras": "2.9"}
    ok, lines = check_bundle.compare(manifest, installed, "linux-x86_64", "3.11")
    assert not ok and "Keras: 2.9 installed, the bundle has 3.0" in "\n".join(lines), "with Keras, its set counts"
    ok, lines = check_bundle.compare(manifest, {}, "linux-x86_64", "3.14")
    assert not ok and "no packages for linux-x86_64, Python 3.14" in lines[0]
    assert "It has: linux-x86_64 (Python 3.11)" in lines[0]
    assert check_bundle.verify_wheelhouse(manifest, wheelhouse) == []
    (wheelhouse / TQDM).write_bytes(b"broken")
    (wheelhouse / KERAS).unlink()
    assert check_bundle.verify_wheelhouse(manifest, wheelhouse) == [
        f"  missing: {KERAS}", f"  damaged (checksum differs): {TQDM}"]


def test_the_check_runs_as_a_script_on_a_manifest(tmp_path):
    manifest, _ = fake_bundle(tmp_path)
    here = {"workshop": {"packages": {"pytest": pytest.__version__}, "wheels": []}}
    manifest["targets"][check_bundle.platform_key()] = {HERE: here}
    (tmp_path / "m.json").write_text(json.dumps(manifest))
    done = subprocess.run([sys.executable, ROOT / "tools" / "check_bundle.py", "--manifest", tmp_path / "m.json"],
                          capture_output=True, text=True)
    assert done.returncode == 0 and "Installed packages match the bundle: all 1" in done.stdout
    done = subprocess.run([sys.executable, ROOT / "tools" / "check_bundle.py", "--manifest", tmp_path / "none.json"],
                          capture_output=True, text=True)
    assert done.returncode == 1 and "not copied from a USB bundle" in done.stdout


def test_the_bundle_holds_what_participants_need():
    files = make_bundle.participant_files()
    for needed in ["README.md", "INSTRUCTORS.md", "LICENSE", "requirements.txt", "requirements-keras.txt",
                   "notebooks/01_load_and_plot.ipynb", "solutions/01_load_and_plot.ipynb", "helpers/__init__.py",
                   "data/mnist/train-images-idx3-ubyte.gz", "tools/check_bundle.py"]:
        assert needed in files
    maintainers = [f for f in files if f.startswith(("tests/", ".ci/", ".git")) or f.endswith("conftest.py")]
    assert not maintainers and "tools/make_bundle.py" not in files


def test_files_git_does_not_track_are_named_as_left_out(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "helpers").mkdir()
    for name in ["helpers/__init__.py", "helpers/room.py", "notes.txt"]:
        (tmp_path / name).write_text("")
    subprocess.run(["git", "-C", str(tmp_path), "add", "helpers/__init__.py"], check=True)
    assert make_bundle.participant_files(tmp_path) == ["helpers/__init__.py", make_bundle.CHECK_SCRIPT]
    assert make_bundle.untracked_files(tmp_path) == ["helpers/room.py"]


def test_the_docs_give_the_install_commands_and_the_supported_pythons():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    guide = (ROOT / "INSTRUCTORS.md").read_text(encoding="utf-8")
    for system in ["linux", "macos", "windows"]:
        command = make_bundle.install_command(system)
        assert "--no-index --find-links" in command and command.endswith("check_bundle.py")
        assert command in readme and command in guide
    assert f"You need Python {make_bundle.PYTHONS[0]} to {make_bundle.PYTHONS[-1]}" in readme
    assert "tools/check_bundle.py" in guide


@pytest.mark.bundle
def test_bundle_installs_offline_and_runs_a_notebook(tmp_path):
    """Build for Linux x86-64 and this Python; install with the README's command, no index reachable."""
    if check_bundle.platform_key() != "linux-x86_64":
        pytest.skip("the offline install runs on Linux x86-64")
    bundle = tmp_path / "bundle"
    manifest, lines, complete = make_bundle.build(bundle, ["linux-x86_64"], [HERE])
    print("\n".join(lines))  # the report, in the test's output
    assert complete, "\n".join(lines)
    assert not {w for w in os.listdir(bundle / "wheelhouse")} - set(manifest["wheels"])
    assert manifest["index_url"] == make_bundle.INDEX_URL and manifest["pip_configuration"] == make_bundle.ISOLATED
    assert manifest["resolved_for"] == {HERE: f"{HERE}.0"}  # the first patch release: installs on every one
    assert lines[0] == (f"The wheels come from {make_bundle.INDEX_URL} alone "
                        "(this computer's pip configuration is ignored).")
    log = (bundle / "pip.log").read_text(encoding="utf-8")
    assert "Looking in indexes" not in log, "pip looked in another index than the one the tool passes"
    links = set(re.findall(r"^Looking in links: (.*)$", log, re.MULTILINE))
    assert links == {str(bundle / "wheelhouse")}, f"pip looked for wheels elsewhere: {links}"
    assert (bundle / "report.txt").read_text(encoding="utf-8") == "\n".join(lines) + "\n"

    home = tmp_path / "home"
    home.mkdir()
    command = make_bundle.install_command("linux", stick=str(bundle)).replace(
        "python3 -m venv", f"{shlex.quote(sys.executable)} -m venv")  # this Python, the one the bundle is for
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8",
           "PIP_CONFIG_FILE": os.devnull,  # no pip configuration: no find-links or index from this machine
           "PIP_INDEX_URL": "http://127.0.0.1:9/"}  # unreachable: a look at any index would fail
    done = subprocess.run(["bash", "-c", command], env=env, cwd=home, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "Installed packages match the bundle" in done.stdout
    assert "127.0.0.1" not in done.stdout + done.stderr

    workshop = home / "nn-workshop"
    python = workshop / ".venv" / "bin" / "python"
    run_notebook = """
import sys
import nbformat
from nbclient import NotebookClient
path = sys.argv[1]
nb = nbformat.read(path, as_version=4)
nb.cells.append(nbformat.v4.new_code_cell("import sys; print(sys.prefix)"))
NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(sys.argv[2])}}).execute()
errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
assert not errors, errors
print("kernel:", nb.cells[-1].outputs[0]["text"].strip())
"""
    done = subprocess.run([python, "-c", run_notebook, workshop / "solutions" / "01_load_and_plot.ipynb",
                           workshop / "solutions"], env=env, cwd=workshop, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert f"kernel: {workshop / '.venv'}" in done.stdout, "the notebook ran in the bundle's environment"
    done = subprocess.run([python, "tools/check_bundle.py", "--wheelhouse", bundle / "wheelhouse"],
                          env=env, cwd=workshop, capture_output=True, text=True)
    assert done.returncode == 0 and "wheels present and intact" in done.stdout, done.stdout
