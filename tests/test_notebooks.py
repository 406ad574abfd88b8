"""Student notebooks are generated from the solutions, and both are in a usable state."""
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

import make_student
from helpers import keras_setup

ROOT = Path(__file__).resolve().parent.parent
SOLUTIONS = sorted((ROOT / "solutions").glob("*.ipynb"))
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def names(paths):
    return [p.name for p in paths]


def code_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code"]


@pytest.mark.parametrize("solution", SOLUTIONS, ids=names(SOLUTIONS))
def test_solution_is_stored_executed_in_order(solution):
    nb = nbformat.read(solution, as_version=4)
    counts = [c.execution_count for c in code_cells(nb) if c.source.strip()]
    assert None not in counts, f"{solution.name} has unexecuted cells: run `python tools/run_solutions.py {solution.relative_to(ROOT)}`"
    assert counts == list(range(1, len(counts) + 1)), f"{solution.name} was not executed top to bottom in one run"
    for cell in code_cells(nb):
        errors = [o for o in cell.outputs if o.output_type == "error"]
        assert not errors, f"{solution.name}: a cell stored an error: {errors[0].get('ename')}"


@pytest.mark.parametrize("solution", SOLUTIONS, ids=names(SOLUTIONS))
def test_no_memory_address_is_stored(solution):
    """A repr such as '<... object at 0x7f...>' differs on every run and means nothing to a reader."""
    for cell in code_cells(nbformat.read(solution, as_version=4)):
        for output in cell.outputs:
            text = output.get("text", "") + str(output.get("data", {}).get("text/plain", ""))
            assert " at 0x" not in text, (f"{solution.name}, cell {cell.id}: a memory address is stored: print "
                                          "something meaningful instead, or end the cell with a helper that returns nothing")


@pytest.mark.parametrize("solution", SOLUTIONS, ids=names(SOLUTIONS))
def test_every_todo_is_followed_by_its_check(solution):
    cells = code_cells(nbformat.read(solution, as_version=4))
    for cell, following in zip(cells, cells[1:] + [None]):
        if make_student.BEGIN in cell.source:
            assert following is not None and "check." in following.source, (
                f"{solution.name}: the TODO cell\n{cell.source[:200]}\nis not followed by a check cell")


def test_every_notebook_starts_with_the_same_setup_cell():
    setups = {path.name: code_cells(nbformat.read(path, as_version=4))[0].source for path in SOLUTIONS}
    first = next(iter(setups.values()))
    assert "sys.path.insert" in first
    for name, source in setups.items():
        assert source == first, f"{name}: its setup cell differs from the other notebooks'"


@pytest.mark.parametrize("student", NOTEBOOKS, ids=names(NOTEBOOKS))
def test_student_notebook_stops_at_its_first_todo_with_a_friendly_message(student):
    nb = nbformat.read(student, as_version=4)
    todos = [i for i, c in enumerate(nb.cells) if "raise NotImplementedError" in c.source]
    if not todos:  # a notebook without exercises (the introduction) runs to the end
        NotebookClient(nb, timeout=600, kernel_name="python3",
                       resources={"metadata": {"path": str(student.parent)}}).execute()
        return
    todo = todos[0]
    check_cell = next(i for i in range(todo + 1, len(nb.cells)) if nb.cells[i].cell_type == "code")
    nb.cells = nb.cells[: check_cell + 1]
    client = NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(student.parent)}})
    with pytest.raises(CellExecutionError) as failure:
        client.execute()
    if student.name == "06_keras.ipynb" and keras_setup.missing():
        # Without the optional packages, the notebook stops in its first cells, saying how to install them.
        assert failure.value.ename == "MissingPackages" and "requirements-keras.txt" in failure.value.evalue
        return
    assert failure.value.ename == "CheckFailed", f"{student.name} failed before its first check: {failure.value}"
    assert "is not written yet" in failure.value.evalue
    errors = [i for i, c in enumerate(nb.cells) if any(o.output_type == "error" for o in c.get("outputs", []))]
    assert errors == [check_cell], f"{student.name}: the error came from cell {errors}, not the check cell {check_cell}"
    shown = "".join(nb.cells[check_cell].outputs[-1].traceback)
    assert "Traceback" not in shown and "is not written yet" in shown
