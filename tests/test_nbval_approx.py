"""The tolerance comparison of notebook cells (tests/nbval_approx.py): exact words, numbers within a stated tolerance."""
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbval.plugin import get_sanitize_patterns

from tests.nbval_approx import numbers_and_rest, numbers_differ, tolerance_of

ROOT = Path(__file__).resolve().parent.parent


def test_numbers_are_split_from_the_words_around_them():
    numbers, rest = numbers_and_rest("seed 3: validation 95.41%, 1,000 steps, error 6e-11, change -0.5")
    assert numbers == [3, 95.41, 1000, 6e-11, -0.5]
    assert rest == "seed <number>: validation <number>%, <number> steps, error <number>, change <number>"


def test_a_list_of_numbers_is_not_read_as_thousands():
    assert numbers_and_rest("[10, 100]")[0] == [10, 100]


def test_only_numbers_beyond_the_tolerance_are_reported():
    assert numbers_differ([95.41, 3.0], [95.2, 3.0], 0.5) == []
    assert numbers_differ([95.41, 3.0], [85.0, 3.0], 0.5) == [(0, 95.41, 85.0)]


@pytest.mark.parametrize("spec", [{"abs": -1}, {"rel": 0.1}, 0.5, {"abs": 0.5, "why": "x"}])
def test_a_malformed_tolerance_is_an_error(spec):
    with pytest.raises(ValueError, match="approx"):
        tolerance_of(nbformat.v4.new_code_cell(metadata={"approx": spec}))


def cell(code, stored, approx=None):
    """A code cell that prints ``code``'s output now, stored as if it had printed ``stored``."""
    metadata = {"approx": {"abs": approx}} if approx is not None else {}
    c = nbformat.v4.new_code_cell(code, metadata=metadata, execution_count=1)
    c.outputs = [nbformat.v4.new_output("stream", name="stdout", text=stored)]
    return c


CASES = {  # cell number: (code, stored output, tolerance, should it pass?)
    0: ('print("validation 95.20%")', "validation 95.41%\n", 0.5, True),
    1: ('print("validation 85.00%")', "validation 95.41%\n", 0.5, False),  # a training that broke
    2: ('print("best eta 0.3")', "best eta 3.0\n", 0.5, False),  # another choice won
    3: ('print("training 95.20%")', "validation 95.41%\n", 0.5, False),  # the words differ
    4: ('print("validation 95.20% 1")', "validation 95.41%\n", 0.5, False),  # one more number
    5: ('print("validation 95.40%")', "validation 95.41%\n", None, False),  # no tolerance: exact
    6: ('print("validation 95.41%")', "validation 95.41%\n", None, True),
}


def test_nbval_compares_tagged_cells_with_their_tolerance(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [cell(code, stored, approx) for code, stored, approx, _ in CASES.values()]
    for count, c in enumerate(nb.cells, 1):
        c.execution_count = count
    path = tmp_path / "cases.ipynb"
    nbformat.write(nb, path)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-o", "addopts=", "-p", "tests.nbval_approx", "--nbval",
         "--nbval-current-env", "-p", "no:cacheprovider", "-rA", str(path)],
        cwd=ROOT, capture_output=True, text=True, timeout=300)
    report = result.stdout
    for number, (_, _, _, passes) in CASES.items():
        verdict, where = ("PASSED" if passes else "FAILED"), f"{path.name}::Cell {number}"
        assert any(l.startswith(verdict) and where in l for l in report.splitlines()), (
            f"expected {verdict} {where}:\n{report[-3000:]}")
    assert "difference 10.4" in report  # the failure says which number and by how much


def test_a_training_that_steps_uphill_fails_notebook_04(tmp_path):
    """Break the training on purpose (the step's sign flipped, in a copy of helpers/): the suite must fail.

    Notebook 04 runs from a copy of the workshop whose Network climbs the cost instead of descending it;
    its training cells must fail the tolerance comparison, not pass within it.
    """
    shutil.copytree(ROOT / "helpers", tmp_path / "helpers")
    shutil.copytree(ROOT / "data", tmp_path / "data")
    network = tmp_path / "helpers" / "network.py"
    step = "self.weights[l] -= eta * nabla_w[l]"
    assert network.read_text().count(step) == 1, "the step in Network.update_mini_batch has changed: update this test"
    network.write_text(network.read_text().replace(step, step.replace("-=", "+=")))
    notebook = tmp_path / "solutions" / "04_training.ipynb"
    notebook.parent.mkdir()
    shutil.copy(ROOT / "solutions" / notebook.name, notebook)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-o", "addopts=", "-p", "tests.nbval_approx", "--nbval",
         "--nbval-current-env", "--nbval-sanitize-with", str(ROOT / "tests" / "nbval_sanitize.cfg"),
         "-p", "no:cacheprovider", "-rA", str(notebook)],
        cwd=ROOT, capture_output=True, text=True, timeout=600)
    report = result.stdout
    assert result.returncode == 1, report[-3000:]
    assert "numbers further apart than the cell's tolerance" in report, report[-3000:]
    failed = [line for line in report.splitlines() if line.startswith("FAILED")]
    assert len(failed) >= 3, f"only {len(failed)} cells failed:\n" + "\n".join(failed)


def test_timings_are_replaced_with_their_padding():
    """A time printed padded to a width ("{:5.1f} s") may take one more digit on a slower machine."""
    patterns = get_sanitize_patterns((ROOT / "tests" / "nbval_sanitize.cfg").read_text())

    def sanitize(text):  # as nbval does, pattern after pattern
        for regex, replace in patterns:
            text = re.sub(regex, replace, text)
        return text

    assert sanitize("reference:   4.2 s, validation") == sanitize("reference:  10.4 s, validation")
    assert sanitize("trained in 5.2 s") == sanitize("trained in 123.0 s")
    assert sanitize("validation 95.41%") == "validation 95.41%"  # only seconds are replaced
