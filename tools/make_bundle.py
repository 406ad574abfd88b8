"""Build the USB bundle: the workshop and every package it needs, to install with no network.

    .venv/bin/python tools/make_bundle.py                # every platform and Python, into bundle/
    .venv/bin/python tools/make_bundle.py --keras --zip  # with notebook 06's Keras and JAX; also bundle.zip
    .venv/bin/python tools/make_bundle.py --platform linux-x86_64 --python 3.11 --out /tmp/bundle

The bundle (default: bundle/, not committed) holds

    workshop/      the files participants need (notebooks, solutions, helpers, data, requirements,
                   README, INSTRUCTORS, LICENSE, tools/check_bundle.py) and bundle-manifest.json
    wheelhouse/    one folder of wheels for every platform and Python (pure-Python wheels once)
    report.txt     what the script printed
    pip.log        everything pip printed (what it downloaded, and from where)

The wheels come from `pip download --only-binary=:all:` with --platform and --python-version for each
platform and Python, resolving requirements.txt itself (and requirements-keras.txt with --keras):
nothing is picked by hand. A Python "3.11" is resolved as its first patch release, 3.11.0, so that the
bundle installs on every 3.11 a participant may have: where a package's newest release needs a later
patch release (soupsieve 4.1 needs 3.11.5), the bundle holds the newest that installs on 3.11.0
(soupsieve 2.10), and an online install on 3.11.7 gets the newer one. tools/check_bundle.py compares a
participant's install with the bundle, so both are right; the manifest records the patch release. They come from one index, PyPI unless --index-url says otherwise, and from
nowhere else: pip runs isolated from this computer's pip configuration (--isolated, PIP_CONFIG_FILE set
to os.devnull, no PIP_* variables), so an extra index or find-links configured here cannot put other
releases on the stick than an online install gets. (A certificate or proxy still comes from the usual
variables, REQUESTS_CA_BUNDLE and HTTPS_PROXY.) The manifest records the index.
pip evaluates environment markers (`; sys_platform == "win32"`) for the computer it runs on, not for
--platform (pypa/pip#11664), so pip runs here with its marker environment set to the target's:
Windows then gets pywinpty and colorama, and Linux does not.
Then, for each platform and Python, pip resolves the same requirements again from the wheelhouse
alone (--no-index, no pip configuration) to prove that it is complete, and to the very wheels the
download chose (a wheel left from an earlier build is not taken instead); the manifest records what
that resolution chose (each wheel, and the name and version in its metadata) and the sha256 of
every wheel and workshop file.
Wheels no target uses are removed, so an old bundle folder can be reused to download less (only one
built from the same index: otherwise the wheelhouse is emptied first).

Participants install with `pip install --no-index --find-links <stick>/bundle/wheelhouse -r
requirements.txt` (the commands are INSTALL below, and in the README) and check the result with
`.venv/bin/python tools/check_bundle.py`.
"""
import argparse
import email.parser
import hashlib
import importlib.metadata
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHONS = ["3.10", "3.11", "3.12", "3.13"]  # as the README's quick start says
PARTICIPANT_FILES = ["notebooks", "solutions", "helpers", "data", "requirements*.txt", "README.md",
                     "INSTRUCTORS.md", "LICENSE"]
CHECK_SCRIPT = "tools/check_bundle.py"
MANIFEST = "bundle-manifest.json"
SETS = {"workshop": ["requirements.txt"], "keras": ["requirements.txt", "requirements-keras.txt"]}
INDEX_URL = "https://pypi.org/simple"  # where the wheels come from, unless --index-url says otherwise
ISOLATED = "ignored: pip ran with --isolated, PIP_CONFIG_FILE=os.devnull and no PIP_* variables"


@dataclass(frozen=True)
class Platform:
    """A target: the wheel platform tags pip may take (best first) and its environment markers."""
    tags: tuple
    os_name: str
    sys_platform: str
    platform_system: str
    platform_machine: str
    runs_on: str  # the systems its wheels run on, for the report


def manylinux(arch, newest_glibc_minor):
    """pip's --platform values for manylinux wheels up to glibc 2.<newest>, best first (pip 23 does not
    expand manylinux_2_28 to the older tags itself)."""
    legacy = {17: "manylinux2014", 12: "manylinux2010", 5: "manylinux1"}
    tags = []
    for minor in range(newest_glibc_minor, 4, -1):
        tags.append(f"manylinux_2_{minor}_{arch}")
        if minor in legacy:
            tags.append(f"{legacy[minor]}_{arch}")
    return tuple(tags)


PLATFORMS = {
    "windows-x86_64": Platform(("win_amd64",), "nt", "win32", "Windows", "AMD64", "64-bit Windows (x86-64)"),
    "macos-arm64": Platform(("macosx_12_0_arm64",), "posix", "darwin", "Darwin", "arm64",
                            "macOS 12 or later on Apple silicon"),
    "macos-x86_64": Platform(("macosx_10_14_x86_64",), "posix", "darwin", "Darwin", "x86_64",
                             "macOS 10.14 or later on Intel"),
    "linux-x86_64": Platform(manylinux("x86_64", 28), "posix", "linux", "Linux", "x86_64",
                             "Linux on x86-64 with glibc 2.28 or later (2018 on)"),
}

# The participant's one command per system, from the stick (STICK: the stick's name, E: its drive).
STICK = {"linux": "/media/$USER/STICK/bundle", "macos": "/Volumes/STICK/bundle", "windows": r"E:\bundle"}
INSTALL = {
    "linux": 'cp -R "{stick}/workshop" ~/nn-workshop && cd ~/nn-workshop && python3 -m venv .venv'
             ' && .venv/bin/python -m pip install --no-index --find-links "{stick}/wheelhouse" -r requirements.txt'
             ' && .venv/bin/python tools/check_bundle.py',
    "windows": r'xcopy /E /I /Q "{stick}\workshop" "%USERPROFILE%\nn-workshop" && cd /d "%USERPROFILE%\nn-workshop"'
               r' && py -m venv .venv && .venv\Scripts\python -m pip install --no-index --find-links'
               r' "{stick}\wheelhouse" -r requirements.txt && .venv\Scripts\python tools\check_bundle.py',
}
INSTALL["macos"] = INSTALL["linux"]


def install_command(system, stick=None):
    """The participant's command for ``system`` ("linux", "macos", "windows"), from the stick's bundle folder."""
    return INSTALL[system].format(stick=stick or STICK[system])


# pip, with the environment markers of the target platform instead of this computer's.
PIP_FOR_TARGET = """\
import json, sys
from pip._vendor.packaging import markers
target, default_environment = json.loads(sys.argv[1]), markers.default_environment
markers.default_environment = lambda: {**default_environment(), **target}
from pip._internal.cli.main import main
sys.exit(main(sys.argv[2:]))
"""


def marker_environment(platform, python):
    """PEP 508 environment markers of CPython ``python`` ("3.12") on ``platform`` (a PLATFORMS key)."""
    target = PLATFORMS[platform]
    return {"implementation_name": "cpython", "implementation_version": f"{python}.0",
            "os_name": target.os_name, "platform_machine": target.platform_machine,
            "platform_python_implementation": "CPython", "platform_release": "", "platform_system":
            target.platform_system, "platform_version": "", "python_full_version": f"{python}.0",
            "python_version": python, "sys_platform": target.sys_platform}


def target_options(platform, python):
    options = ["--only-binary=:all:", "--implementation", "cp", "--python-version", python]
    for tag in PLATFORMS[platform].tags:
        options += ["--platform", tag]
    return options


def requirement_options(requirements):
    return [option for path in requirements for option in ("-r", str(path))]


def pip_command(platform, python, pip_args):
    """The command line that runs pip with ``pip_args`` and the target's environment markers."""
    return [sys.executable, "-c", PIP_FOR_TARGET, json.dumps(marker_environment(platform, python)), *pip_args]


def download_args(platform, python, requirements, wheelhouse, index_url=INDEX_URL):
    """pip's arguments to download every wheel ``requirements`` need on ``platform`` with ``python``, from
    ``index_url`` alone (run them with isolated_environment(): no pip configuration adds another source)."""
    return ["download", "--isolated", "--index-url", index_url, *target_options(platform, python),
            *requirement_options(requirements), "--dest", str(wheelhouse), "--progress-bar", "off"]


def resolve_args(platform, python, requirements, wheelhouse, dest):
    """pip's arguments to resolve ``requirements`` from ``wheelhouse`` alone, copying what it picks to ``dest``.
    (`pip download`, not `pip install --dry-run --report`: pip 23's install checks Requires-Python against
    the running Python, not --python-version.)"""
    return ["download", "--isolated", "--no-index", "--find-links", str(wheelhouse), *target_options(platform, python),
            *requirement_options(requirements), "--dest", str(dest), "--progress-bar", "off"]


def isolated_environment():
    """os.environ without pip's settings and configuration files: only the command line counts
    (with --isolated on it, pip also skips its user and global configuration files)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
    env["PIP_CONFIG_FILE"] = os.devnull
    return env


def wheel_metadata(path):
    """(name, version) from a wheel's METADATA, as the installed package will report them."""
    with zipfile.ZipFile(path) as wheel:
        metadata = next(n for n in wheel.namelist() if n.count("/") == 1 and n.endswith(".dist-info/METADATA"))
        headers = email.parser.BytesHeaderParser().parsebytes(wheel.read(metadata))
    return headers["Name"], headers["Version"]


def resolution(folder):
    """{"packages": {name: version}, "wheels": [file names]} of the wheels pip copied to ``folder``."""
    wheels = sorted(p.name for p in Path(folder).glob("*.whl"))
    packages = dict(wheel_metadata(Path(folder) / name) for name in wheels)
    return {"packages": dict(sorted(packages.items(), key=lambda item: item[0].lower())), "wheels": wheels}


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def participant_files(root=ROOT):
    """The git-tracked files participants need, and the check script, as paths relative to ``root``."""
    listed = subprocess.run(["git", "-C", str(root), "ls-files", "-z", "--", *PARTICIPANT_FILES],
                            capture_output=True, check=True).stdout.decode().split("\0")
    return sorted({*filter(None, listed), CHECK_SCRIPT})


def untracked_files(root=ROOT):
    """The files in the participants' folders that git does not track (and so the bundle leaves out)."""
    listed = subprocess.run(["git", "-C", str(root), "ls-files", "-z", "--others", "--exclude-standard", "--",
                             *PARTICIPANT_FILES], capture_output=True, check=True).stdout.decode().split("\0")
    return sorted(filter(None, listed))


def make_manifest(targets, wheelhouse, files, workshop, extra=None):
    """The manifest: what each target resolved to, and the sha256 and size of every wheel and file."""
    used = sorted({w for sets in targets.values() for by_set in sets.values() for r in by_set.values()
                   for w in r["wheels"]})
    return {
        **(extra or {}),
        "targets": targets,
        "wheels": {name: {"sha256": sha256(wheelhouse / name), "bytes": (wheelhouse / name).stat().st_size}
                   for name in used},
        "files": {name: sha256(workshop / name) for name in files},
    }


def normalize(name):
    """A package's name as pip compares names (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_names(paths):
    """The normalized names of the requirements listed in ``paths`` (following -r)."""
    names = set()
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].strip()
            if line.startswith("-r"):
                names |= requirement_names([Path(path).parent / line[2:].strip()])
            elif line:
                names.add(normalize(re.match(r"[A-Za-z0-9._-]+", line).group()))
    return names


def megabytes(n):
    return f"{n / 1e6:,.1f} MB"


def report_lines(manifest, failures, top_level):
    """The report: every platform x Python resolved or not, and the sizes."""
    sizes = {name: entry["bytes"] for name, entry in manifest["wheels"].items()}
    lines = [f"The wheels come from {manifest['index_url']} alone (this computer's pip configuration is "
             "ignored).", ""] if "index_url" in manifest else []
    lines += ["Every platform and Python, resolved from the wheelhouse alone (--no-index):", ""]
    for platform, by_python in manifest["targets"].items():
        for python, sets in by_python.items():
            for set_name, r in sets.items():
                missing = sorted(n for n in top_level[set_name] if n not in {normalize(p) for p in r["packages"]})
                state = "MISSING " + ", ".join(missing) if missing else "ok, every requirement is a wheel"
                lines.append(f"  {platform:15} Python {python:5} {set_name:9} {len(r['wheels']):4} wheels "
                             f"{megabytes(sum(sizes[w] for w in r['wheels'])):>11}  {state}")
    for (platform, python, set_name), message in sorted(failures.items()):
        lines.append(f"  {platform:15} Python {python:5} {set_name:9} FAILED: {message}")
    lines += ["", "Wheelhouse size per platform (all its Pythons, shared pure-Python wheels included):", ""]
    for platform, by_python in manifest["targets"].items():
        wheels = {w for sets in by_python.values() for r in sets.values() for w in r["wheels"]}
        lines.append(f"  {platform:15} {len(wheels):4} wheels {megabytes(sum(sizes[w] for w in wheels)):>11}"
                     f"  (for {PLATFORMS[platform].runs_on})")
    lines += ["", f"  {'wheelhouse':15} {len(sizes):4} wheels {megabytes(sum(sizes.values())):>11}  (all of them)"]
    versions = {}
    for platform, by_python in manifest["targets"].items():
        for python, sets in by_python.items():
            for r in sets.values():
                for name, version in r["packages"].items():
                    if normalize(name) in top_level["keras"] | top_level["workshop"]:
                        versions.setdefault(name, {}).setdefault(version, set()).add(f"{platform} {python}")
    differing = {name: v for name, v in versions.items() if len(v) > 1}
    if differing:
        lines += ["", "Requirements resolved to different versions on different targets:", ""]
        for name, by_version in sorted(differing.items()):
            for version, where in sorted(by_version.items()):
                lines.append(f"  {name} {version}: {', '.join(sorted(where))}")
    return lines


def run(command, env=None, log=None):
    """Run ``command``; (return code, the last lines of its error output, its standard output)."""
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if log is not None:
        log.write(done.stdout + done.stderr)
    errors = [line for line in done.stderr.splitlines() if line.strip() and "already downloaded" not in line]
    return done.returncode, " | ".join(errors[-3:]), done.stdout


def downloaded(pip_output):
    """The file names of the wheels `pip download` says it saved or found already downloaded."""
    return {Path(path).name for path in
            re.findall(r"^\s*(?:Saved|File was already downloaded) (.+\.whl)\s*$", pip_output, re.MULTILINE)}


def previous_index(workshop):
    """The index an earlier bundle in this folder came from (None: none, or one from before it was recorded)."""
    try:
        return json.loads((workshop / MANIFEST).read_text(encoding="utf-8")).get("index_url")
    except (OSError, ValueError):
        return None


def build(out, platforms, pythons, keras=False, root=ROOT, say=print, index_url=INDEX_URL):
    """Build the bundle in ``out`` from ``index_url``; return (manifest, report lines, whether every target
    resolved)."""
    start = time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    workshop, wheelhouse = out / "workshop", out / "wheelhouse"
    if wheelhouse.exists() and previous_index(workshop) != index_url:
        say(f"emptying {wheelhouse}: its wheels may come from elsewhere than {index_url}")
        shutil.rmtree(wheelhouse)
    if workshop.exists():
        shutil.rmtree(workshop)
    files = participant_files(root)
    for name in files:
        (workshop / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(root / name, workshop / name)
    say(f"copied {len(files)} workshop files to {workshop}")
    wheelhouse.mkdir(exist_ok=True)
    sets = {name: [root / r for r in SETS[name]] for name in (["workshop", "keras"] if keras else ["workshop"])}
    failures, targets = {}, {}
    with open(out / "pip.log", "w", encoding="utf-8") as log, tempfile.TemporaryDirectory() as scratch:
        for platform in platforms:
            for python in pythons:
                for set_name, requirements in sets.items():
                    say(f"downloading for {platform}, Python {python}, {set_name} ...")
                    code, message, output = run(pip_command(platform, python, download_args(
                        platform, python, requirements, wheelhouse, index_url)), env=isolated_environment(), log=log)
                    if code:
                        failures[platform, python, set_name] = f"pip download: {message}"
                        continue
                    dest = Path(scratch) / f"{platform}-{python}-{set_name}"
                    code, message, _ = run(pip_command(platform, python, resolve_args(
                        platform, python, requirements, wheelhouse, dest)), env=isolated_environment(), log=log)
                    if code:
                        failures[platform, python, set_name] = f"not resolvable from the wheelhouse: {message}"
                        continue
                    picked = resolution(dest)
                    other = sorted(set(picked["wheels"]) ^ downloaded(output))
                    if other:
                        failures[platform, python, set_name] = (
                            f"the wheelhouse resolves to other wheels than pip downloaded: {', '.join(other)}")
                        continue
                    targets.setdefault(platform, {}).setdefault(python, {})[set_name] = picked
                    shutil.rmtree(dest)
    used = {w for by_python in targets.values() for s in by_python.values() for r in s.values() for w in r["wheels"]}
    for path in wheelhouse.iterdir():
        if path.name not in used:
            path.unlink()  # left from an earlier build, or downloaded for a target that then failed
    commit = subprocess.run(["git", "-C", str(root), "describe", "--always", "--dirty"],
                            capture_output=True, text=True).stdout.strip()
    manifest = make_manifest(targets, wheelhouse, files, workshop, extra={
        "commit": commit, "created": time.strftime("%Y-%m-%d"), "pip": importlib.metadata.version("pip"),
        "index_url": index_url, "pip_configuration": ISOLATED,
        "resolved_for": {python: marker_environment(platforms[0], python)["python_full_version"] for python in pythons},
        "requirements": {r: sha256(root / r) for r in sorted({r for s in sets for r in SETS[s]})},
    })
    (workshop / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    top_level = {name: requirement_names(paths) for name, paths in sets.items()}
    top_level.setdefault("keras", set())
    lines = report_lines(manifest, failures, top_level)
    left_out = untracked_files(root)
    if left_out:
        lines += ["", f"Not in the bundle, because git does not track them (commit them if participants need "
                      f"them): {', '.join(left_out)}"]
    if commit.endswith("-dirty"):
        lines += ["", f"The workshop folder holds uncommitted changes (git describe: {commit})."]
    lines.append(f"\nbuilt {out} in {time.perf_counter() - start:.0f} s")
    (out / "report.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    complete = not failures and all(
        set_name in targets.get(p, {}).get(v, {}) for p in platforms for v in pythons for set_name in sets)
    return manifest, lines, complete


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "bundle", help="the bundle folder (default: bundle/)")
    parser.add_argument("--platform", action="append", choices=sorted(PLATFORMS),
                        help="only this platform (repeat for several; default: all)")
    parser.add_argument("--python", action="append", choices=PYTHONS,
                        help="only this Python version (repeat for several; default: all)")
    parser.add_argument("--keras", action="store_true",
                        help="also notebook 06's Keras and JAX (requirements-keras.txt)")
    parser.add_argument("--zip", action="store_true", help="also write the bundle as one zip file next to it")
    parser.add_argument("--index-url", default=INDEX_URL,
                        help=f"the package index the wheels come from (default: {INDEX_URL}); this computer's "
                             "pip configuration is not used")
    args = parser.parse_args(argv)
    out = args.out.resolve()
    _, lines, complete = build(out, args.platform or list(PLATFORMS), args.python or PYTHONS, keras=args.keras,
                               index_url=args.index_url)
    print("\n".join(lines))
    if args.zip:
        archive = shutil.make_archive(str(out), "zip", out.parent, out.name)
        print(f"wrote {archive} ({megabytes(Path(archive).stat().st_size)})")
    return 0 if complete else 1


if __name__ == "__main__":
    sys.exit(main())
