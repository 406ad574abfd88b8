"""The workshop's TODOs in order, read from the notebooks: each ``check.NAME(`` call is one TODO."""
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHECK_CALL = re.compile(r"\bcheck\.([A-Za-z_]\w*)\(")


def workshop_todos(root=ROOT):
    """``[(notebook, todo), ...]`` in workshop order, e.g. ``("02", "sigmoid")``.

    Taken from the code cells of ``solutions/NN_*.ipynb`` (the single source; ``notebooks/``
    where there are no solutions), in notebook order and, within a notebook, in cell order.
    """
    folder = next((root / name for name in ("solutions", "notebooks") if (root / name).is_dir()), None)
    if folder is None:
        raise FileNotFoundError(f"No solutions/ or notebooks/ folder in {root}: run the room from the workshop.")
    todos = []
    for path in sorted(folder.glob("[0-9][0-9]_*.ipynb")):
        notebook = path.name[:2]
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] == "code":
                source = "".join(cell["source"])
                todos += [(notebook, name) for name in CHECK_CALL.findall(source)
                          if (notebook, name) not in todos]
    return todos
