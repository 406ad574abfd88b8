"""The tolerance comparison of notebook cells (tests/nbval_approx.py): exact words, numbers within a stated tolerance."""
import inspect
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbval.plugin import get_sanitize_patterns

from helpers import Network
from helpers.modern import ModernNetwork
from tests.nbval_approx import KEY, Tolerance, numbers_and_rest, numbers_in_place, tolerance_of

ROOT = Path(__file__).resolve().parent.parent
SOLUTIONS = sorted((ROOT / "solutions").glob("*.ipynb"))
TRAINING = {"numbers": [{"at": "cost #", "rel": 0.1}, {"at": "accuracy #%", "abs": 0.6}]}


def test_numbers_are_split_from_the_words_around_them():
    numbers, rest = numbers_and_rest("seed 3: validation 95.41%, 1,000 steps, error 6e-11, change -0.5")
    assert numbers == [3, 95.41, 1000, 6e-11, -0.5]
    assert rest == "seed <number>: validation <number>%, <number> steps, error <number>, change <number>"


def test_the_digits_of_a_word_are_part_of_the_word():
    assert numbers_and_rest("with L2: 381, in float32") == ([381], "with L2: <number>, in float32")


def test_a_list_of_numbers_is_not_read_as_thousands():
    assert numbers_and_rest("[10, 100]")[0] == [10, 100]


def test_each_number_is_placed_in_its_line_as_a_hash():
    assert numbers_in_place("epoch 2/15: cost 0.0837\n31 wrong") == [
        (2, "epoch #/<number>: cost <number>"), (15, "epoch <number>/#: cost <number>"),
        (0.0837, "epoch <number>/<number>: cost #"), (31, "# wrong")]


def differences(spec, stored, fresh):
    """The stored and fresh numbers (index, stored, fresh) that ``spec`` does not allow, for two printed texts."""
    return [(i, s, f) for i, s, f, _ in Tolerance(spec).differences(numbers_in_place(stored), numbers_in_place(fresh))]


LINE = "epoch {}/15: cost {}, training accuracy {}%, validation accuracy {}%"


def test_each_number_gets_the_tolerance_of_the_first_rule_that_matches_where_it_is():
    stored = LINE.format(3, 0.0673, 92.03, 92.98)
    assert differences(TRAINING, stored, LINE.format(3, 0.0650, 92.5, 92.4)) == []  # a little apart: another machine
    assert differences(TRAINING, stored, LINE.format(3, 0.00673, 92.03, 92.98)) == [(2, 0.0673, 0.00673)]  # cost / 10
    assert differences(TRAINING, stored, LINE.format(3, 0.0673, 92.03, 92.98 - 0.7)) == [(4, 92.98, 92.28)]
    assert differences(TRAINING, stored, LINE.format(4, 0.0673, 92.03, 92.98)) == [(0, 3, 4)]  # no rule: exact
    first = {"numbers": [{"at": "validation accuracy #", "abs": 0.1}, {"at": "accuracy #", "abs": 5}]}
    assert differences(first, stored, LINE.format(3, 0.0673, 95, 95)) == [(4, 92.98, 95)]  # training: the second rule


def test_abs_rel_and_both_allow_what_they_say():
    def allowed(spec, stored=50.0):
        return Tolerance({"numbers": [{"at": "#", **spec}]}).allowed(stored, "#")

    assert allowed({"abs": 0.5}) == 0.5
    assert allowed({"rel": 0.1}) == 5.0
    assert allowed({"rel": 0.1}, stored=-50.0) == 5.0
    assert allowed({"abs": 0.5, "rel": 0.001}) == 0.5  # the larger of the two
    assert allowed({"abs": 0.5, "rel": 0.1}) == 5.0


def test_a_top_level_tolerance_is_for_the_numbers_no_rule_matches():
    stored = "cost 0.5, 10 images"
    assert differences({"abs": 1}, stored, "cost 1.4, 11 images") == []  # the older form: every number
    assert differences({"abs": 1, "numbers": [{"at": "cost #", "rel": 0.1}]}, stored, "cost 1.4, 11 images") == [
        (0, 0.5, 1.4)]
    assert differences({"numbers": [{"at": "cost #", "rel": 0.1}]}, stored, "cost 0.5, 11 images") == [(1, 10, 11)]


def test_rules_that_match_no_number_are_named():
    assert Tolerance({"numbers": [{"at": "cost #", "rel": 0.1}, {"at": "coast #", "rel": 0.1}]}).unused_rules(
        [place for _, place in numbers_in_place("cost 0.5")]) == ["coast #"]


@pytest.mark.parametrize("spec", [
    {"abs": -1}, 0.5, {}, {"abs": 0.5, "why": "x"}, {"abs": True}, {"rel": "0.1"}, {"numbers": []},
    {"numbers": {"at": "cost #", "rel": 0.1}}, {"numbers": [{"at": "cost", "rel": 0.1}]},
    {"numbers": [{"at": "cost # #", "rel": 0.1}]}, {"numbers": [{"at": "cost #"}]},
    {"numbers": [{"at": "cost #", "rel": 0.1, "why": "x"}]}, {"numbers": [{"at": "(cost #", "rel": 0.1}]},
    {"numbers": ["cost #"]},
])
def test_a_malformed_tolerance_is_an_error(spec):
    with pytest.raises(ValueError, match="approx"):
        tolerance_of(nbformat.v4.new_code_cell(metadata={"approx": spec}))


def stored_cells_with_a_tolerance():
    """(notebook name, cell) for every cell of the solutions that states a tolerance."""
    return [(path.name, cell) for path in SOLUTIONS for cell in nbformat.read(path, as_version=4).cells
            if cell.cell_type == "code" and KEY in cell.metadata]


@pytest.mark.parametrize("name, cell", stored_cells_with_a_tolerance(),
                         ids=[f"{n}:{c.get('id')}" for n, c in stored_cells_with_a_tolerance()])
def test_every_rule_of_the_solutions_places_a_stored_number(name, cell):
    """A rule that matches nothing is a typo, or the output changed under it: it would guard nothing."""
    text = "".join(o.get("text", "") + str(o.get("data", {}).get("text/plain", "")) for o in cell.outputs)
    places = [place for _, place in numbers_in_place(text)]
    assert places, f"{name}, cell {cell.id}: a tolerance, but no number in its stored output"
    assert not tolerance_of(cell).unused_rules(places), f"{name}, cell {cell.id}: rules that match no stored number"


def cell(code, stored, approx=None):
    """A code cell that prints ``code``'s output now, stored as if it had printed ``stored``."""
    metadata = {"approx": approx} if approx is not None else {}
    c = nbformat.v4.new_code_cell(code, metadata=metadata, execution_count=1)
    c.outputs = [nbformat.v4.new_output("stream", name="stdout", text=stored)]
    return c


HALF = {"abs": 0.5}  # the older form: one tolerance for every number
EPOCH = "epoch 3/15: cost {}, validation accuracy {}%"
CASES = {  # cell number: (code, stored output, tolerance, should it pass?)
    0: ('print("validation 95.20%")', "validation 95.41%\n", HALF, True),
    1: ('print("validation 85.00%")', "validation 95.41%\n", HALF, False),  # a training that broke
    2: ('print("best eta 0.3")', "best eta 3.0\n", HALF, False),  # another choice won
    3: ('print("training 95.20%")', "validation 95.41%\n", HALF, False),  # the words differ
    4: ('print("validation 95.20% 1")', "validation 95.41%\n", HALF, False),  # one more number
    5: ('print("validation 95.40%")', "validation 95.41%\n", None, False),  # no tolerance: exact
    6: ('print("validation 95.41%")', "validation 95.41%\n", None, True),
    7: (f'print("{EPOCH.format(0.0650, 95.2)}")', EPOCH.format(0.0673, 95.41) + "\n", TRAINING, True),
    8: (f'print("{EPOCH.format(0.00673, 95.41)}")', EPOCH.format(0.0673, 95.41) + "\n", TRAINING, False),  # cost / 10
    9: (f'print("{EPOCH.format(0.00673, 95.41)}")', EPOCH.format(0.0673, 95.41) + "\n", HALF, True),  # what abs let by
    10: (f'print("{EPOCH.format(0.0673, 95.41).replace("3/", "4/")}")', EPOCH.format(0.0673, 95.41) + "\n",
         TRAINING, False),  # a number no rule names is exact
    11: ('print("cost 0.5")', "cost 0.5\n", {"numbers": [{"at": "coast #", "rel": 0.1}]}, False),  # a rule for nothing
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
    assert "in 'epoch <number>/<number>: cost #, validation accuracy <number>%': stored 0.0673, got 0.00673" in report
    assert "rel 0.1 (rule 'cost #')" in report  # and which rule allowed how much
    assert "match none of its stored numbers: ['coast #']" in report


# Ways to break the reference networks on purpose, each appended to a copy of the helper module that
# defines them: they wrap methods by name, so they break the copy whatever the lines inside them say.
BREAKS = {  # name: (the module it is appended to, the code)
    "steps uphill": ("network.py", """
_descend = Network.update_mini_batch
Network.update_mini_batch = lambda self, X, Y, eta: _descend(self, X, Y, -eta)
"""),
    "prints the cost divided by 10": ("network.py", """
_cost = Network.cost_of_outputs
Network.cost_of_outputs = lambda self, a, Y: _cost(self, a, Y) / 10
"""),
    "never moves its biases": ("network.py", """
_step = Network.update_mini_batch
def _frozen_biases(self, X, Y, eta):
    saved = [b.copy() for b in self.biases]
    outputs = _step(self, X, Y, eta)
    for b, start in zip(self.biases, saved):
        b[...] = start
    return outputs
Network.update_mini_batch = _frozen_biases
"""),
    "ignores L2": ("modern.py", """
_init = ModernNetwork.__init__
def _without_l2(self, *args, **kwargs):
    _init(self, *args, **kwargs)
    self.l2 = 0.0
ModernNetwork.__init__ = _without_l2
"""),
}
# For each notebook, the cells that train and score a reference network (with the cells they need),
# and for each break, the notebook and the cells that must fail.
NOTEBOOK_CELLS = {
    "04_training.ipynb": ["04-002", "04-003", "04-015", "04-016", "04-018", "04-026"],
    "07_going_further.ipynb": ["07-002", "07-003", "07-005", "07-010", "07-014", "07-018", "07-020", "07-025",
                               "07-030", "07-033", "07-034-weights", "07-035", "07-038", "07-042"],
}
MUST_FAIL = {
    "steps uphill": ("04_training.ipynb", ["04-015", "04-016", "04-018", "04-026"]),
    "prints the cost divided by 10": ("04_training.ipynb", ["04-015"]),
    "never moves its biases": ("04_training.ipynb", ["04-015"]),
    "ignores L2": ("07_going_further.ipynb", ["07-038", "07-042"]),
}


def test_the_breaks_wrap_methods_that_exist():
    """If the networks' methods are renamed or take other arguments, say so here, not as a puzzling pass."""
    assert list(inspect.signature(Network.update_mini_batch).parameters) == ["self", "X", "Y", "eta"]
    assert list(inspect.signature(Network.cost_of_outputs).parameters) == ["self", "a", "Y"]
    assert "history[\"cost\"].append(self.cost_of_outputs(" in inspect.getsource(Network.sgd)
    assert "self.l2" in inspect.getsource(ModernNetwork.backprop)
    assert set(MUST_FAIL) == set(BREAKS)


@pytest.mark.regression  # about a minute each: its own CI step (pyproject.toml)
@pytest.mark.parametrize("name", BREAKS)
def test_a_broken_training_fails_its_notebook(tmp_path, name):
    """Break a reference network on purpose, in a copy of the workshop: the notebook's training cells must fail.

    Each break moves the numbers the cells print by more than their tolerances allow (and a cost
    divided by 10, or biases that never move, stay within one absolute tolerance of 0.6 meant for
    percentages: that is why the training cell's costs have a relative one; a network without L2
    is as accurate in a short run, but its weights are larger: that is why 07 prints their size).
    """
    module, code = BREAKS[name]
    notebook_name, must_fail = MUST_FAIL[name]
    shutil.copytree(ROOT / "helpers", tmp_path / "helpers")
    shutil.copytree(ROOT / "data", tmp_path / "data", ignore=shutil.ignore_patterns("cache"))
    broken = tmp_path / "helpers" / module
    broken.write_text(broken.read_text() + "\n" + code)
    nb = nbformat.read(ROOT / "solutions" / notebook_name, as_version=4)
    cells, wanted = {cell.get("id"): cell for cell in nb.cells}, NOTEBOOK_CELLS[notebook_name]
    assert set(wanted) <= set(cells), f"{notebook_name}'s cells have new ids: update NOTEBOOK_CELLS"
    nb.cells = [cells[i] for i in wanted]
    notebook = tmp_path / "solutions" / notebook_name
    notebook.parent.mkdir()
    nbformat.write(nb, notebook)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-o", "addopts=", "-p", "tests.nbval_approx", "--nbval",
         "--nbval-current-env", "--nbval-sanitize-with", str(ROOT / "tests" / "nbval_sanitize.cfg"),
         "-p", "no:cacheprovider", "-rA", str(notebook)],
        cwd=ROOT, capture_output=True, text=True, timeout=1800)  # minutes on a busy machine
    report = result.stdout
    verdicts = {wanted[int(n)]: verdict for verdict, n in re.findall(r"^(PASSED|FAILED) \S*::Cell (\d+)", report,
                                                                   flags=re.MULTILINE)}
    assert len(verdicts) == len(wanted), report[-3000:]
    assert [i for i in must_fail if verdicts[i] != "FAILED"] == [], report[-5000:]
    assert "numbers further apart than the cell's tolerance allows" in report, report[-3000:]


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
