"""Execute solution notebooks top to bottom and store their outputs in place.

    python tools/run_solutions.py                      # every solution
    python tools/run_solutions.py solutions/02_*.ipynb # some of them

Run it after every change to a solution: the tests re-execute the solutions
and compare the fresh outputs with the stored ones. Then regenerate the
student notebooks with tools/make_student.py.
"""
import re
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def run(path, timeout=900):
    """Execute the notebook at ``path`` in a fresh kernel and save it with its outputs."""
    nb = nbformat.read(path, as_version=4)
    for index, cell in enumerate(nb.cells):
        cell.setdefault("id", f"cell-{index}")
        cell.metadata.pop("execution", None)
    client = NotebookClient(
        nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}},
        record_timing=False,
    )
    client.execute()
    nb.metadata["kernelspec"] = KERNELSPEC
    nb.metadata.pop("widgets", None)  # live widget state: random ids, useless once the kernel is gone
    for cell in nb.cells:
        for k, output in enumerate(cell.get("outputs", [])):
            view = output.get("data", {}).get(WIDGET_VIEW)
            if view:  # a fixed id instead of a random one, so re-running changes nothing
                view["model_id"] = f"{cell.id}-{k}"
                # and its plain-text stand-in (shown where widgets are not) without memory addresses
                output["data"]["text/plain"] = re.sub(r" at 0x[0-9a-fA-F]+", "", output["data"].get("text/plain", ""))
    nbformat.write(nb, path)


def main(paths):
    paths = [Path(p).resolve() for p in paths] or sorted((ROOT / "solutions").glob("*.ipynb"))
    for path in paths:
        start = time.perf_counter()
        run(path)
        print(f"executed {path.relative_to(ROOT)} in {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main(sys.argv[1:])
