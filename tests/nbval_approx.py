"""Compare the outputs of some notebook cells with a stated numeric tolerance (a pytest plugin for nbval).

nbval compares a re-executed cell's outputs with the stored ones exactly. That is right
for data, shapes and the tiny hand-made network, but not for numbers that come out of
thousands of SGD steps: a matrix product sums in an order that depends on the CPU and on
the number of threads, and training turns the last bit into a visible difference.

A cell whose output depends on that order says so in its metadata, with its tolerance:

    "metadata": {"approx": {"abs": 0.5}}

Then every number it prints may differ from the stored one by at most ``abs`` (in the
printed units: 0.5 means half a percentage point for "95.41%"), and everything else (the
words, the order of the lines, how many numbers there are) must match exactly. A training
run that reaches 85% where 95% is stored, or a sweep whose best setting changes, still fails.
"""
import copy
import re

import pytest

KEY = "approx"
# A number as the notebooks print it: 95.41, -3, 1,000 (thousands separators), 6e-11.
NUMBER = re.compile(r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][-+]?\d+)?")
PLACEHOLDER = "<number>"
TEXT_FIELDS = ("text", "text/plain")  # stream text, and the plain-text form of a result


def numbers_and_rest(text):
    """Split printed text into its numbers (floats) and the text around them (numbers replaced)."""
    numbers = [float(match.replace(",", "")) for match in NUMBER.findall(text)]
    return numbers, NUMBER.sub(PLACEHOLDER, text)


def numbers_differ(stored, fresh, abs_tol):
    """The pairs of numbers (index, stored, fresh) further apart than ``abs_tol``."""
    return [(i, s, f) for i, (s, f) in enumerate(zip(stored, fresh)) if abs(s - f) > abs_tol]


def tolerance_of(cell):
    """The cell's stated tolerance, or None for a cell compared exactly."""
    spec = cell.metadata.get(KEY)
    if spec is None:
        return None
    if not isinstance(spec, dict) or set(spec) != {"abs"} or not float(spec["abs"]) >= 0:
        raise ValueError(f'cell metadata "{KEY}" must be {{"abs": <tolerance>}}, not {spec!r}')
    return float(spec["abs"])


def _texts(output):
    """Where an output keeps its text: (container, key) pairs."""
    places = []
    if "text" in output:
        places.append((output, "text"))
    for key in TEXT_FIELDS:
        if key in output.get("data", {}):
            places.append((output["data"], key))
    return places


def _masked(outputs, item):
    """The outputs with every number replaced by a placeholder, and the numbers in order."""
    outputs = copy.deepcopy(outputs)
    numbers = []
    for output in outputs:
        for container, key in _texts(output):
            text = container[key]
            text = "".join(text) if isinstance(text, list) else text
            found, container[key] = numbers_and_rest(item.sanitize(text))
            numbers.extend(found)
    return outputs, numbers


def _approx_compare(item, abs_tol, exact_compare):
    def compare_outputs(test, ref, skip_compare=None):
        test_masked, fresh = _masked(test, item)
        ref_masked, stored = _masked(ref, item)
        if not exact_compare(test_masked, ref_masked, skip_compare):
            item.comparison_traceback.insert(
                0, f"(numbers are compared with a tolerance of {abs_tol:g} in this cell; the text around them "
                   f"must match exactly, and it does not)")
            return False
        if len(fresh) != len(stored):
            item.comparison_traceback = [f"the cell printed {len(fresh)} numbers; {len(stored)} are stored"]
            return False
        far = numbers_differ(stored, fresh, abs_tol)
        if far:
            item.comparison_traceback = [
                f"numbers further apart than the cell's tolerance of {abs_tol:g}:"] + [
                f"    number {i + 1}: stored {s:g}, got {f:g} (difference {abs(s - f):.3g})" for i, s, f in far]
            return False
        return True
    return compare_outputs


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Give every nbval cell with an "approx" tolerance the comparison above."""
    for item in items:
        cell = getattr(item, "cell", None)
        if cell is None or not hasattr(item, "compare_outputs"):
            continue
        abs_tol = tolerance_of(cell)
        if abs_tol is not None:
            item.compare_outputs = _approx_compare(item, abs_tol, item.compare_outputs)
