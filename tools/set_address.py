"""Set the workshop's public address, and rewrite everything that depends on it (a maintainer script).

    .venv/bin/python tools/set_address.py https://github.com/OWNER/REPO   # set it: Binder and Colab links, Colab clone
    .venv/bin/python tools/set_address.py --unset                          # no public address: no links, no clone
    .venv/bin/python tools/set_address.py                                  # apply the current setting again
    .venv/bin/python tools/set_address.py --check                          # say what is out of date, write nothing
    .venv/bin/python tools/set_address.py --show                           # print the setup cell for the current setting

(Windows: `.venv\\Scripts\\python tools\\set_address.py ...`.)

The address lives in one place, ``repository`` under ``[tool.workshop]`` in pyproject.toml, next to
``colab-install``: what the setup cell installs in Google Colab, pinned. From these two settings this
script writes

- the README's online section (between its ``<!-- online`` marker comments): the Binder badge and one
  "Open in Colab" link per notebook, or, with no address, how to get them;
- the setup cell (the first code cell) of every solution notebook: in Colab it clones the workshop
  from the address, or, with no address, stops and says what to do instead. Only that cell's source
  changes (it has no outputs, so nothing needs to be re-executed);
- notebooks/, regenerated from the solutions with tools/make_student.py.

Only a repository you control may be set: a notebook opened in Colab runs the code it clones.
tests/test_address.py checks that everything agrees with pyproject.toml.
"""
import argparse
import re
import sys
from pathlib import Path

import nbformat

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: tomli comes with pytest
    import tomli as tomllib

import make_student

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = ROOT / "pyproject.toml"

ADDRESS = re.compile(r"https://github\.com/[A-Za-z0-9](?:[A-Za-z0-9-]{0,37}[A-Za-z0-9])?/[A-Za-z0-9_.-]{1,100}")
PIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*==[A-Za-z0-9.+!-]+")
BRANCH = "main"  # the branch the Colab links open
FIRST_NOTEBOOK = "notebooks/01_load_and_plot.ipynb"  # where Binder opens
BEGIN = "<!-- online: written by tools/set_address.py from pyproject.toml, do not edit by hand -->"
END = "<!-- end online -->"
RUN = ".venv/bin/python tools/set_address.py"  # as the README writes it (Windows: .venv\\Scripts\\python)

SETUP_CELL = '''\
# Setup: make `import helpers` work wherever this notebook was opened from.
# In Google Colab, first fetch the workshop (code and data) and what Colab lacks.
import subprocess
import sys
from pathlib import Path

REPOSITORY = {repository}  # the workshop's public address (set by tools/set_address.py)
COLAB_PACKAGES = [{packages}]  # what Colab lacks, at the versions tested
COLAB_COPY = Path("/content/neural-network-from-scratch")
folders = [Path.cwd(), *Path.cwd().parents, COLAB_COPY]
root = next((p for p in folders if (p / "helpers" / "__init__.py").is_file()), None)
if "google.colab" in sys.modules:
    if root is None:
        if not REPOSITORY:
            raise RuntimeError("This copy of the workshop has no public address yet: "
                               f"upload the folder to Colab (as {{COLAB_COPY}}), or ask your instructor.")
        subprocess.run(["git", "clone", "--depth", "1", REPOSITORY, str(COLAB_COPY)], check=True)
        root = COLAB_COPY
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", *COLAB_PACKAGES], check=True)
    from google.colab import output
    output.enable_custom_widget_manager()
if root is None:
    raise FileNotFoundError("Open this notebook from inside the workshop folder (the one that holds helpers/).")
if str(root) not in sys.path:
    sys.path.insert(0, str(root))'''

UNSET_TEXT = """\
This copy of the workshop has no public address yet, so it has no Binder or Colab links, and a notebook
opened in Colab stops in its first cell, saying so. To put it online, a maintainer publishes the
repository on GitHub, then runs `.venv/bin/python tools/set_address.py https://github.com/OWNER/REPO` (see
[For maintainers](#for-maintainers)), which adds the links here and lets Colab fetch the workshop."""


def check_address(address):
    """``address`` if it is a GitHub repository's address; a ValueError saying why not otherwise."""
    if address.endswith(".git") or address.endswith("/"):
        raise ValueError(f"{address}: give the repository's page, without .git or a final /")
    if not ADDRESS.fullmatch(address) or address.rsplit("/", 1)[1] in (".", ".."):
        raise ValueError(f"{address}: not a GitHub repository's address (https://github.com/OWNER/REPO)")
    return address


def read_settings(pyproject_text):
    """(address or None, pins) from the text of pyproject.toml."""
    table = tomllib.loads(pyproject_text)["tool"]["workshop"]
    address = table["repository"] or None
    if address is not None:
        check_address(address)
    pins = list(table["colab-install"])
    for pin in pins:
        if not PIN.fullmatch(pin):
            raise ValueError(f"colab-install: {pin!r} is not pinned as name==version")
    return address, pins


def write_address(pyproject_text, address):
    """The text of pyproject.toml with ``repository`` set to ``address`` (None: unset)."""
    line = re.compile(r'^repository = ".*"$', re.MULTILINE)
    assert len(line.findall(pyproject_text)) == 1, 'pyproject.toml needs one line `repository = "..."`'
    new = line.sub(lambda _: f'repository = "{address or ""}"', pyproject_text)
    assert read_settings(new)[0] == address
    return new


def setup_cell(address, pins):
    """The source of the setup cell that starts every notebook."""
    return SETUP_CELL.format(repository=f'"{address}"' if address else "None",
                             packages=", ".join(f'"{pin}"' for pin in pins))


def owner_repo(address):
    return address.removeprefix("https://github.com/")


def binder_url(address):
    return f"https://mybinder.org/v2/gh/{owner_repo(address)}/HEAD?urlpath=lab/tree/{FIRST_NOTEBOOK}"


def colab_url(address, name):
    return f"https://colab.research.google.com/github/{owner_repo(address)}/blob/{BRANCH}/notebooks/{name}"


def notebook_names(root=ROOT):
    return [p.name for p in sorted((root / "solutions").glob("*.ipynb"))]


def online_section(address, titles):
    """The README's text between the markers. ``titles``: (file name, title) of every notebook."""
    if not address:
        return UNSET_TEXT
    links = " ·\n".join(f"[{title}]({colab_url(address, name)})" for name, title in titles)
    return f"""\
[![Launch on Binder](https://mybinder.org/badge_logo.svg)]({binder_url(address)})
JupyterLab in the browser with everything installed: click the badge (it takes a few minutes to start;
a session ends after about 10 minutes idle, so download your notebooks to keep them).

In Google Colab (needs a Google account; the first cell fetches the workshop from {address}):
{links}"""


def readme_titles(readme_text, names):
    """(name, title) for every notebook, the title as the README's table links it ("01 · Load and plot")."""
    found = dict((name, title) for title, name in re.findall(r"\[([^\]]+)\]\(notebooks/([^)]+\.ipynb)\)", readme_text))
    return [(name, found.get(name, name.removesuffix(".ipynb"))) for name in names]


def render_readme(readme_text, address, names):
    """The README with its online section written for ``address``."""
    assert readme_text.count(BEGIN) == 1 and readme_text.count(END) == 1, (
        f"README.md needs the marker lines {BEGIN} and {END}, once each")
    before, rest = readme_text.split(BEGIN)
    _, after = rest.split(END)
    section = online_section(address, readme_titles(before + after, names))
    return f"{before}{BEGIN}\n{section}\n{END}{after}"


def first_code_cell(nb, path):
    cell = next((c for c in nb.cells if c.cell_type == "code"), None)
    if cell is None or "REPOSITORY = " not in cell.source or "sys.path.insert" not in cell.source:
        raise ValueError(f"{path.name}: its first code cell is not the setup cell")
    return cell


def out_of_date(root=ROOT):
    """What differs from the settings in pyproject.toml: {path: new text} (notebooks/ not included)."""
    address, pins = read_settings((root / "pyproject.toml").read_text(encoding="utf-8"))
    names = notebook_names(root)
    changes = {}
    readme = (root / "README.md").read_text(encoding="utf-8")
    new_readme = render_readme(readme, address, names)
    if new_readme != readme:
        changes[root / "README.md"] = new_readme
    source = setup_cell(address, pins)
    for path in sorted((root / "solutions").glob("*.ipynb")):
        text = path.read_text(encoding="utf-8")
        nb = nbformat.reads(text, as_version=4)
        cell = first_code_cell(nb, path)
        if cell.source != source:
            cell.source = source
            changes[path] = nbformat.writes(nb) + "\n"  # as nbformat.write does: only that cell changes
    return changes


def stale_student_notebooks(root=ROOT):
    """{path: new text} of the notebooks/ that differ from what tools/make_student.py makes of solutions/."""
    changes = {}
    for solution in sorted((root / "solutions").glob("*.ipynb")):
        target = root / "notebooks" / solution.name
        text = make_student.render(solution)
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            changes[target] = text
    return changes


def apply(root=ROOT, address=..., quiet=False):
    """Set ``address`` (None: unset; ...: keep the current one) and rewrite what depends on it."""
    pyproject = root / "pyproject.toml"
    if address is not ...:
        text = pyproject.read_text(encoding="utf-8")
        new = write_address(text, check_address(address) if address else None)
        if new != text:
            pyproject.write_text(new, encoding="utf-8")
            if not quiet:
                print(f"wrote pyproject.toml: repository = {address or 'unset'}")
    for changes in (out_of_date, stale_student_notebooks):  # the solutions first: notebooks/ is made from them
        for path, text in changes(root).items():
            path.write_text(text, encoding="utf-8")
            if not quiet:
                print(f"wrote {path.relative_to(root)}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("address", nargs="?", help="https://github.com/OWNER/REPO, a repository you control")
    parser.add_argument("--unset", action="store_true", help="no public address: no online links, no clone")
    parser.add_argument("--check", action="store_true", help="report what is out of date, write nothing")
    parser.add_argument("--show", action="store_true", help="print the setup cell for the current setting")
    args = parser.parse_args(argv)
    if args.address and args.unset:
        parser.error("give an address or --unset, not both")
    if args.check or args.show:
        if args.address or args.unset:
            parser.error("--check and --show use the setting in pyproject.toml: give no address")
        if args.show:
            print(setup_cell(*read_settings(PYPROJECT.read_text(encoding="utf-8"))))
            return 0
        stale = [*out_of_date(), *stale_student_notebooks()]
        for path in stale:
            print(f"out of date: {path.relative_to(ROOT)}")
        if stale:
            print(f"run `{RUN}` to rewrite them")
        else:
            address = read_settings(PYPROJECT.read_text(encoding="utf-8"))[0]
            print(f"up to date: the README's online section, the setup cell of all {len(notebook_names())} "
                  f"solutions and notebooks/ agree with pyproject.toml (repository: {address or 'unset'})")
        return 1 if stale else 0
    try:
        apply(address=None if args.unset else (args.address or ...))
    except ValueError as error:
        parser.error(str(error))
    return 0


if __name__ == "__main__":
    sys.exit(main())
