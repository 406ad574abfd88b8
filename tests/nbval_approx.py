"""Compare the outputs of some notebook cells with a stated numeric tolerance (a pytest plugin for nbval).

nbval compares a re-executed cell's outputs with the stored ones exactly. That is right
for data, shapes and the tiny hand-made network, but not for numbers that come out of
thousands of SGD steps: a matrix product sums in an order that depends on the CPU and on
the number of threads, and training turns the last bit into a visible difference.

A cell whose output depends on that order says so in its metadata: which of its numbers
may differ, and by how much. Each rule names numbers by where they are printed:

    "metadata": {"approx": {"numbers": [
        {"at": "cost #", "rel": 0.1},
        {"at": "accuracy #%", "abs": 0.6}
    ]}}

``at`` is a regular expression, searched in each line of the output in which the number
being placed is written ``#`` and every other number ``<number>``: "cost #" is every number
printed just after "cost ", "# wrong" every number just before " wrong". The first rule
that matches a number gives its tolerance, in the printed units:

- ``"abs": a``: the fresh number may differ from the stored one by at most ``a``
  (0.6 for "95.41%" is 0.6 percentage points);
- ``"rel": r``: by at most ``r`` times the stored number (0.1 for a cost: 10% of it);
- both: by at most the larger of the two.

A number that no rule matches must equal the stored one exactly (an epoch number, a count
of images, a layer size). A rule that matches none of the stored numbers is an error (a typo,
or the output changed under it). ``{"abs": a}`` or ``{"rel": r}`` at the top, with or without
rules, is the tolerance of every number that no rule matches; ``{"abs": 0.5}`` alone is the
older form: every number within 0.5.

Everything else (the words, the order of the lines, how many numbers there are) must match
exactly. A training run that reaches 85% where 95% is stored, a cost ten times too small,
or a sweep whose best setting changes, still fails.
"""
import copy
import re

import pytest

KEY = "approx"
# A number as the notebooks print it: 95.41, -3, 1,000 (thousands separators), 6e-11; not the digits of a
# word such as "L2" or "float32".
NUMBER = re.compile(r"(?<!\w)-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][-+]?\d+)?")
PLACEHOLDER = "<number>"
HERE = "#"  # where the number a rule places stands, in the line its "at" is searched in
TEXT_FIELDS = ("text", "text/plain")  # stream text, and the plain-text form of a result
TOLERANCES = ("abs", "rel")


def numbers_and_rest(text):
    """Split printed text into its numbers (floats) and the text around them (numbers replaced)."""
    numbers = [float(match.replace(",", "")) for match in NUMBER.findall(text)]
    return numbers, NUMBER.sub(PLACEHOLDER, text)


def numbers_in_place(text):
    """Each number of ``text`` with its place: [(number, line)], the line with this number as "#", others as "<number>"."""
    placed = []
    for line in text.splitlines():
        for match in NUMBER.finditer(line):
            place = (NUMBER.sub(PLACEHOLDER, line[:match.start()]) + HERE
                     + NUMBER.sub(PLACEHOLDER, line[match.end():]))
            placed.append((float(match.group().replace(",", "")), place))
    return placed


def _tolerance(spec, where):
    """The (abs, rel) pair of a rule or of the top level, checked; None where it states neither."""
    values = {}
    for name in TOLERANCES:
        if name in spec:
            value = spec[name]
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not value >= 0:
                raise ValueError(f'cell metadata "{KEY}": {where} "{name}" must be a number >= 0, not {value!r}')
            values[name] = float(value)
    if not values:
        return None
    return values.get("abs", 0.0), values.get("rel", 0.0)


class Tolerance:
    """What a cell's "approx" metadata says: for each number it prints, how far it may move.

    rules: [(at, compiled at, (abs, rel))], in order; default: (abs, rel) for the numbers no rule
    matches, or None: those must be exact.
    """

    def __init__(self, spec):
        form = (f'cell metadata "{KEY}" must be {{"numbers": [{{"at": "cost #", "rel": 0.1}}, ...]}} '
                f'and/or {{"abs": <tolerance>}} or {{"rel": <tolerance>}}, not {spec!r}')
        if not isinstance(spec, dict) or not spec or set(spec) - {"numbers", *TOLERANCES}:
            raise ValueError(form)
        self.default = _tolerance(spec, "the top-level")
        self.rules = []
        rules = spec.get("numbers", [])
        if "numbers" in spec and (not isinstance(rules, list) or not rules):
            raise ValueError(form)
        for rule in rules:
            if (not isinstance(rule, dict) or set(rule) - {"at", *TOLERANCES} or not isinstance(rule.get("at"), str)
                    or rule["at"].count(HERE) != 1):
                raise ValueError(f'cell metadata "{KEY}": each rule must be {{"at": "<words> # <words>", '
                                 f'"abs" and/or "rel": <tolerance>}}, with one "#" where the number is, not {rule!r}')
            tolerance = _tolerance(rule, f"the rule {rule['at']!r}:")
            if tolerance is None:
                raise ValueError(f'cell metadata "{KEY}": the rule {rule["at"]!r} states no tolerance ("abs" or "rel")')
            try:
                pattern = re.compile(rule["at"])
            except re.error as error:
                raise ValueError(f'cell metadata "{KEY}": the rule {rule["at"]!r} is not a regular expression: {error}')
            self.rules.append((rule["at"], pattern, tolerance))

    def rule_of(self, place):
        """The index of the first rule that matches a number at ``place`` (see numbers_in_place), or None."""
        return next((i for i, (_, pattern, _) in enumerate(self.rules) if pattern.search(place)), None)

    def allowed(self, stored, place):
        """How far a number printed at ``place`` may move from ``stored``; 0 for an exact number."""
        rule = self.rule_of(place)
        tolerance = self.default if rule is None else self.rules[rule][2]
        if tolerance is None:
            return 0.0
        absolute, relative = tolerance
        return max(absolute, relative * abs(stored))

    def describe(self, place):
        """The tolerance of a number at ``place``, in words."""
        rule = self.rule_of(place)
        tolerance = self.default if rule is None else self.rules[rule][2]
        if tolerance is None:
            return "exact (no rule matches it)"
        words = " or ".join(f"{name} {value:g}" for name, value in zip(TOLERANCES, tolerance) if value)
        return f"{words or 'abs 0'} ({'rule ' + repr(self.rules[rule][0]) if rule is not None else 'the cell'})"

    def unused_rules(self, places):
        """The rules that match none of the numbers at ``places``."""
        used = {self.rule_of(place) for place in places}
        return [at for i, (at, _, _) in enumerate(self.rules) if i not in used]

    def differences(self, stored, fresh):
        """The numbers that moved further than allowed: [(index, stored, fresh, place)].

        stored, fresh: [(number, place)] as numbers_in_place gives them, of the same length.
        """
        return [(i, s, f, place) for i, ((s, place), (f, _)) in enumerate(zip(stored, fresh))
                if not abs(s - f) <= self.allowed(s, place)]


def tolerance_of(cell):
    """The cell's stated tolerance (a Tolerance), or None for a cell compared exactly."""
    spec = cell.metadata.get(KEY)
    return None if spec is None else Tolerance(spec)


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
    """The outputs with every number replaced by a placeholder, and the numbers in order, with their places."""
    outputs = copy.deepcopy(outputs)
    numbers = []
    for output in outputs:
        for container, key in _texts(output):
            text = container[key]
            text = item.sanitize("".join(text) if isinstance(text, list) else text)
            numbers.extend(numbers_in_place(text))
            container[key] = NUMBER.sub(PLACEHOLDER, text)
    return outputs, numbers


def _approx_compare(item, tolerance, exact_compare):
    def compare_outputs(test, ref, skip_compare=None):
        test_masked, fresh = _masked(test, item)
        ref_masked, stored = _masked(ref, item)
        if not exact_compare(test_masked, ref_masked, skip_compare):
            item.comparison_traceback.insert(
                0, "(numbers are compared with this cell's tolerances; the text around them must match exactly, "
                   "and it does not)")
            return False
        unused = tolerance.unused_rules([place for _, place in stored])
        if unused:
            item.comparison_traceback = [
                f'rules of this cell\'s "{KEY}" metadata that match none of its stored numbers: {unused} '
                f'(see tests/nbval_approx.py)']
            return False
        if len(fresh) != len(stored):
            item.comparison_traceback = [f"the cell printed {len(fresh)} numbers; {len(stored)} are stored"]
            return False
        far = tolerance.differences(stored, fresh)
        if far:
            item.comparison_traceback = ["numbers further apart than the cell's tolerance allows:"] + [
                f"    number {i + 1}, in {place.strip()!r}: stored {s:g}, got {f:g} (difference {abs(s - f):.3g}, "
                f"allowed {tolerance.allowed(s, place):.3g}: {tolerance.describe(place)})"
                for i, s, f, place in far]
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
        tolerance = tolerance_of(cell)
        if tolerance is not None:
            item.compare_outputs = _approx_compare(item, tolerance, item.compare_outputs)
