"""Check that the installed packages are the ones the USB bundle holds (for participants; no network).

    .venv/bin/python tools/check_bundle.py                     # in the workshop folder copied from the bundle
    .venv/bin/python tools/check_bundle.py --wheelhouse DIR    # also check the wheels' checksums (a copied stick)

(Windows: `.venv\\Scripts\\python tools\\check_bundle.py`.)

It reads bundle-manifest.json (written by tools/make_bundle.py into the bundle's workshop folder),
finds the packages the bundle resolved for this computer (platform and Python version) and compares
them with what this Python has installed. It prints "matches the bundle" or what differs, and exits
with 0 or 1. Only the standard library is used, so it runs before anything is installed.
"""
import argparse
import hashlib
import importlib.metadata
import json
import platform
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / "bundle-manifest.json"


def normalize(name):
    """A package's name as pip compares names (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def platform_key(system=sys.platform, machine=None):
    """The bundle's name for this computer's platform, e.g. "macos-arm64"."""
    machine = (machine or platform.machine()).lower()
    arch = {"amd64": "x86_64", "x86_64": "x86_64", "arm64": "arm64", "aarch64": "arm64"}.get(machine, machine)
    system = {"win32": "windows", "darwin": "macos"}.get(system, system)
    return f"{system}-{arch}"


def installed_versions():
    """{normalized name: version} of every package this Python has installed."""
    return {normalize(d.metadata["Name"]): d.version for d in importlib.metadata.distributions()
            if d.metadata["Name"]}


def compare(manifest, installed, key, python):
    """(matches, lines to print): the installed packages against the bundle's for ``key`` and ``python``."""
    where = f"{key}, Python {python}"
    sets = manifest["targets"].get(key, {}).get(python)
    if not sets:
        have = ", ".join(f"{k} (Python {', '.join(v)})" for k, v in manifest["targets"].items())
        return False, [f"This bundle has no packages for {where}. It has: {have}."]
    name = "keras" if "keras" in sets and "keras" in installed else "workshop"
    wanted = sets[name]["packages"]
    problems = []
    for package, version in sorted(wanted.items()):
        have = installed.get(normalize(package))
        if have is None:
            problems.append(f"  {package}: not installed (the bundle has {version})")
        elif have != version:
            problems.append(f"  {package}: {have} installed, the bundle has {version}")
    label = "with Keras" if name == "keras" else "without Keras"
    if problems:
        return False, [f"Does NOT match the bundle ({where}, {label}):", *problems,
                       "Delete .venv and install again from the stick (README: 'From a USB stick, without network')."]
    return True, [f"Installed packages match the bundle: all {len(wanted)} at its versions ({where}, {label})."]


def verify_wheelhouse(manifest, wheelhouse):
    """Lines naming every wheel that is missing from ``wheelhouse`` or differs from the manifest."""
    problems = []
    for filename, entry in sorted(manifest["wheels"].items()):
        path = Path(wheelhouse) / filename
        if not path.is_file():
            problems.append(f"  missing: {filename}")
        elif hashlib.sha256(path.read_bytes()).hexdigest() != entry["sha256"]:
            problems.append(f"  damaged (checksum differs): {filename}")
    return problems


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--manifest", type=Path, default=MANIFEST, help="default: bundle-manifest.json here")
    parser.add_argument("--wheelhouse", type=Path, help="also check the checksum of every wheel in this folder")
    args = parser.parse_args(argv)
    if not args.manifest.is_file():
        print(f"No {args.manifest.name} in {args.manifest.parent}: this folder was not copied from a USB bundle.")
        return 1
    manifest = json.loads(args.manifest.read_text(encoding="utf-8"))
    python = f"{sys.version_info.major}.{sys.version_info.minor}"
    ok, lines = compare(manifest, installed_versions(), platform_key(), python)
    if args.wheelhouse:
        problems = verify_wheelhouse(manifest, args.wheelhouse)
        ok = ok and not problems
        lines += ([f"Wheelhouse {args.wheelhouse}: {len(problems)} of {len(manifest['wheels'])} wheels wrong:",
                   *problems] if problems else
                  [f"Wheelhouse {args.wheelhouse}: all {len(manifest['wheels'])} wheels present and intact."])
    print("\n".join(lines))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
