"""notebooks/ is exactly what tools/make_student.py generates from solutions/ (fast: nothing is executed)."""
import re
from pathlib import Path

import nbformat
import pytest

import make_student

ROOT = Path(__file__).resolve().parent.parent
SOLUTIONS = sorted((ROOT / "solutions").glob("*.ipynb"))
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
FIX = "run `python tools/make_student.py` and commit the result"


def names(paths):
    return [p.name for p in paths]


def test_both_folders_hold_the_same_notebooks():
    assert SOLUTIONS, "no solution notebooks found"
    assert names(NOTEBOOKS) == names(SOLUTIONS), f"solutions/ and notebooks/ differ: {FIX}"


def test_names_are_numbered():
    for path in SOLUTIONS:
        assert re.fullmatch(r"\d\d_[a-z0-9_]+\.ipynb", path.name), f"{path.name}: name it NN_short_name.ipynb"


@pytest.mark.parametrize("solution", SOLUTIONS, ids=names(SOLUTIONS))
def test_student_notebook_is_current(solution):
    student = ROOT / "notebooks" / solution.name
    assert student.exists(), f"notebooks/{solution.name} is missing: {FIX}"
    assert student.read_text(encoding="utf-8") == make_student.render(solution), (
        f"notebooks/{solution.name} is stale (it differs from what solutions/{solution.name} generates): {FIX}")


@pytest.mark.parametrize("student", NOTEBOOKS, ids=names(NOTEBOOKS))
def test_no_solution_leaks_into_student_notebook(student):
    nb = nbformat.read(student, as_version=4)
    for cell in nb.cells:
        assert "BEGIN SOLUTION" not in cell.source and "END SOLUTION" not in cell.source
        assert "solution" not in cell.metadata.get("tags", [])
        assert cell.get("outputs", []) == [] and cell.get("execution_count") is None
