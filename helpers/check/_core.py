"""What every check shares: how to call a learner's function, compare, and report.

A wrong answer raises ``CheckFailed``, which Jupyter shows in red without a traceback ("Run All"
stops there). When it is the right one changed in a simple way (its negative, twice it, its
transpose...), the message says which, so the learner can find the cause. The learner's function
gets read-only copies of its inputs (``call``), so an in-place change is named with its line and the
expected answer is computed from untouched data.
"""
import dataclasses
import functools
import inspect
import re
import traceback
import warnings

import numpy as np

from ..errors import RESET, FriendlyError
from ._causes import CAUSES

GREEN = "\x1b[32m"


class CheckFailed(FriendlyError):
    """A learner's answer is not right yet; the message says why.

    ``cause`` is the same verdict for a program: a short identifier of the named cause (such as
    ``"transpose"``, one of the keys of ``_causes.CAUSES``), or None where the check cannot tell the cause.
    """

    def __init__(self, message, cause=None):
        super().__init__(message)
        self.cause = cause


# Who is told of each check's outcome: callables ``listener(outcome)``, each given an ``Outcome``.
# Nothing is registered unless a learner chose to (helpers.room.join). A listener must return
# at once (do any slow work elsewhere); whatever it raises is ignored, so it never changes a check.
LISTENERS = []


@dataclasses.dataclass(frozen=True)
class Outcome:
    """One run of one check: which TODO, in which notebook, passed or not, and the named cause."""
    notebook: str  # "03": the number of the notebook whose TODO this check follows
    todo: str  # the check's name, which is the TODO's: "backprop"
    passed: bool
    cause: str | None  # the failure's cause identifier; None when passed or when no cause is known


def reported(check):
    """Decorator for a check: tell every listener of its outcome, then pass or fail as before."""
    notebook = check.__module__.rsplit(".", 1)[-1].removeprefix("nb")

    @functools.wraps(check)
    def run(*args, **kwargs):
        try:
            result = check(*args, **kwargs)
        except CheckFailed as error:
            _tell(Outcome(notebook, check.__name__, False, error.cause))
            raise
        _tell(Outcome(notebook, check.__name__, True, None))
        return result
    return run


def _tell(outcome):
    """Give ``outcome`` to every listener; a listener's error is not the learner's concern."""
    for listener in list(LISTENERS):
        try:
            listener(outcome)
        except Exception:  # noqa: BLE001 -- a check's result never depends on who listens
            pass


def passed(message):
    """Print the one green line of a check that passed."""
    print(f"{GREEN}✔ {message}{RESET}")


def fail(message, hint="", cause=None):
    """Stop the check with ``message``, and the ``hint`` on a line of its own if there is one."""
    raise CheckFailed(message + (f"\nHint: {hint}" if hint else ""), cause)


def call(func, name, *args, hints=(), changeable=()):
    """Call the learner's ``func(*args)`` and return its result.

    Every array argument (and every array in a list argument) is handed over as a read-only copy,
    except the arguments at the positions in ``changeable`` (those the TODO is meant to change):
    an in-place change of an input is then named, with its line, and the caller's arrays stay as
    they were for computing the expected answer. An unfinished TODO or an exception becomes a
    CheckFailed with a plain message; ``hints`` are ``(exception type, hint)`` pairs for errors
    worth explaining.
    """
    if not callable(func):
        fail(f"Pass the function itself to the check, e.g. check.{name}({name}), not {type(func).__name__}.")
    given = [arg if k in changeable else protected(arg) for k, arg in enumerate(args)]
    try:
        return func(*given)
    except NotImplementedError:
        fail(f"{name} is not written yet. Replace the `raise NotImplementedError` line in the "
             "TODO cell above with your code, run that cell, then run this check again.", cause="not-written")
    except Exception as error:  # the learner's code failed: say how, briefly
        if isinstance(error, ValueError) and "read-only" in str(error):
            changed_argument(func, name, error)
        hint = next((hint for kind, hint in hints if isinstance(error, kind)), "")
        fail(f"Your {name} raised {type(error).__name__}: {error}{_where(error)}", hint)


def protected(value):
    """A read-only copy of an array (or of each array in a list); anything else as it is."""
    if isinstance(value, np.ndarray):
        copy = value.copy()
        copy.flags.writeable = False
        return copy
    if isinstance(value, list) and any(isinstance(item, np.ndarray) for item in value):
        return [protected(item) for item in value]
    return value


_WRITES = [r"^\s*(\w+)\s*(?:\[[^\]]*\])?\s*(?:[-+*/%@&|^]|//|\*\*|<<|>>)?=(?!=)",  # Z[...] = 0, X -= m
           r"\bout\s*=\s*(\w+)", r"\bshuffle\(\s*(\w+)", r"\b(\w+)\.(?:sort|fill|put|resize|clip)\("]


def changed_argument(func, name, error):
    """Fail with 'your NAME changed its argument `x` (line N: ...)' for a write into a read-only input."""
    frame = _learner_frame(error)
    line = frame.line.strip() if frame and frame.line else ""
    try:
        parameters = list(inspect.signature(func).parameters)
    except (TypeError, ValueError):
        parameters = []
    targets = [m.group(1) for pattern in _WRITES for m in [re.search(pattern, line)] if m]
    argument = next((t for t in targets if t in parameters), None)
    what = f"its argument `{argument}`" if argument else "one of its arguments"
    where = f" (line {frame.lineno}: `{line}`)" if line else ""
    fail(f"Your {name} changed {what}{where}; compute a new array instead "
         "(`a = a - b` rather than `a -= b`), so that the caller's data stays as it was.",
         cause="in-place")


def call_warning_free(func, name, *args, hint="", hints=()):
    """Like ``call``, but fail if the learner's function returns NaN or emits a warning."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with np.errstate(over="warn", invalid="warn", divide="warn", under="ignore"):
            got = call(func, name, *args, hints=hints)
    got_array = as_array(got, name)
    if np.isnan(got_array).any() or caught:
        problem = "returned NaN" if np.isnan(got_array).any() else f"warned: {caught[0].message}"
        fail(f"{name} on z = {fmt(np.asarray(args[0]))} {problem}: e^z overflows for large |z|.", hint,
             cause="overflow")
    return got_array


def _learner_frame(error):
    """The traceback's last frame in the learner's code (not in helpers, NumPy or Matplotlib), or None."""
    frames = [frame for frame in traceback.extract_tb(error.__traceback__)
              if not any(library in frame.filename for library in ("helpers", "numpy", "matplotlib"))]
    return frames[-1] if frames else None


def _where(error):
    """' (line N: code)' for the last line of the learner's code in the traceback."""
    frame = _learner_frame(error)
    return f"\n    at line {frame.lineno}: {frame.line}" if frame and frame.line else ""


def fmt(value, indent=0):
    """A short, readable form of a number or array for messages (rows aligned after ``indent``)."""
    if isinstance(value, np.ndarray):
        return np.array2string(value, precision=4, threshold=50, edgeitems=3,
                               suppress_small=True, max_line_width=100, prefix=" " * indent)
    if isinstance(value, (float, np.floating)):
        return f"{float(value):.4g}"
    return repr(value)


def expected_got(expected, got):
    """Two aligned lines: '    expected ...' and '    got      ...'."""
    return f"    expected {fmt(expected, indent=13)}\n    got      {fmt(got, indent=13)}"


def as_array(got, name, expected_shape=None):
    """The learner's result as a float array, or a CheckFailed that says what it was."""
    if got is None:
        fail(f"{name} returned None. Did you forget the `return` statement?")
    if isinstance(got, tuple) and expected_shape is not None and len(expected_shape) != 0:
        fail(f"{name} returned a tuple of {len(got)} items; expected one NumPy array of shape {expected_shape}.")
    try:
        return np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        fail(f"{name} returned {type(got).__name__}, which is not an array of numbers.")


def compare(got, expected, name, tried, hint="", rtol=1e-5, atol=1e-6, mistakes=(), sizes=(), related=()):
    """Fail unless ``got`` matches ``expected`` in shape and values.

    ``tried`` says in words what input was used; ``mistakes`` are ``(array a typical mistake would
    give, what that mistake is, cause identifier)``: when the answer matches one of them, the
    message names the mistake. Failing that, ``diagnose`` tries simple changes of the right answer
    (its negative, twice, half, times or divided by one of ``sizes``, its transpose, one of
    ``related``, given like ``mistakes``). ``hint`` is shown only when no cause is found.
    """
    expected = np.asarray(expected, dtype=float)
    got = as_array(got, name, expected.shape)
    same_shape = got.shape == expected.shape
    if same_shape and not np.all(np.isfinite(got)):
        bad = "NaN" if np.isnan(got).any() else "inf"
        fail(f"{name} on {tried} returned {bad} values:\n    got {fmt(got)}", hint)
    if same_shape and np.allclose(got, expected, rtol=rtol, atol=atol):
        return
    if same_shape and got.ndim == 0 and float(got) == np.floor(expected) != expected and float(got) != 0:
        fail(f"{name} on {tried}: the answer is wrong; it is the right answer rounded down to a whole number: "
             "// is integer division; divide with /.\n" + expected_got(expected, got), cause="integer-division")
    problem = "the answer is wrong" if same_shape else f"expected shape {expected.shape}, got shape {got.shape}"
    start = f"{name} on {tried}: {problem}"
    for wrong, mistake, *cause in mistakes:  # a listed mistake first, else the diagnosis
        wrong = np.asarray(wrong, dtype=float)
        if wrong.shape == got.shape and np.allclose(got, wrong, rtol=rtol, atol=atol):
            fail(f"{start}; it looks like {mistake}\n" + expected_got(expected, got), cause=(cause or [None])[0])
    found = diagnose_cause(got, expected, sizes, related, rtol, atol)
    if found:
        fail(f"{start}; it is {found[0]}\n" + expected_got(expected, got), cause=found[1])
    if not same_shape:
        fail(f"{start}.", hint)
    difference = np.abs(got - expected)
    first = np.unravel_index(np.argmax(difference > atol + rtol * np.abs(expected)), got.shape) if got.ndim else ()
    at = f"; the first entry that differs is [{', '.join(map(str, first))}]" if got.ndim and got.size > 1 else ""
    fail(f"{name} on {tried}: the values are wrong (largest difference {difference.max():.3g}{at}).\n"
         + expected_got(expected, got), hint)


def _changes(expected, sizes, related):
    """(array, what it is, cause) for each simple change of the right answer that a slip can make."""
    scales = [(2, "twice the right answer", "a factor 2 too many (a 1/2 forgotten, or something counted twice?)",
               "scale:2"),
              (0.5, "half the right answer", "a factor 1/2 too many (a 1/2 or a mean that does not belong?)",
               "scale:2")]
    for k, what in [(k, what) for k, what in sizes if k != 1]:  # times 1 changes nothing
        scales += [(k, f"{k} times the right answer",
                    f"multiplied by {what} ({k}) once too often (a sum where the mean is wanted?)", "scale:n"),
                   (1 / k, f"the right answer divided by {k}",
                    f"divided by {what} ({k}) once too often (a mean where a sum is wanted, or the mean taken twice?)",
                    "scale:n")]
    found = [(-expected, "the negative of the right answer: a sign is flipped somewhere "
                         "(a - b where b - a is meant, or + where - is meant?)", "sign")]
    for k, amount, cause, kind in scales:
        found += [(k * expected, f"{amount}: {cause}", kind),
                  (-k * expected, f"minus {amount}: a sign is flipped, and {cause}", kind)]
    if expected.ndim == 2:
        found.append((expected.T, "the transpose of the right answer: rows and columns are swapped "
                                  "(a .T too many or too few?)", "transpose"))
    return found + [(np.asarray(array, dtype=float), what, (cause or [None])[0]) for array, what, *cause in related]


def diagnose_cause(got, expected, sizes=(), related=(), rtol=1e-5, atol=1e-6):
    """(what ``got`` is, its cause identifier), when it is one simple change of ``expected``; else None.

    Nothing is said when it could be more than one: an answer of zeros (0 times anything),
    a right answer of zeros (any multiple of it), a change that leaves the right answer
    as it is (the transpose of a symmetric matrix), or two changes that give the same.
    """
    got, expected = np.asarray(got, dtype=float), np.asarray(expected, dtype=float)
    if np.allclose(got, 0, atol=atol) or np.allclose(expected, 0, atol=atol):
        return None
    atol = min(atol, rtol * np.max(np.abs(expected)))  # small answers: match relatively, not within atol

    def same(a, b):
        return a.shape == b.shape and np.allclose(a, b, rtol=rtol, atol=atol)

    matches = {(what, cause) for change, what, cause in _changes(expected, sizes, related)
               if same(got, change) and not same(change, expected)}
    return matches.pop() if len(matches) == 1 else None


def diagnose(got, expected, sizes=(), related=(), rtol=1e-5, atol=1e-6):
    """What ``got`` is, when it is one simple change of ``expected`` and no other; else None."""
    found = diagnose_cause(got, expected, sizes, related, rtol, atol)
    return found[0] if found else None


def rng_properties(run, name, tried):
    """Fail unless ``run(rng)`` uses the generator it is given, and only it.

    Same seed: the same result; another seed: another result; NumPy's global random state
    (np.random.seed, np.random.rand...) untouched. ``run`` returns something np.array_equal compares.
    """
    state = np.random.get_state()
    probe = np.random.random()  # what the global state gives next, if nobody draws from it
    np.random.set_state(state)
    first, again, other = run(np.random.default_rng(0)), run(np.random.default_rng(0)), run(np.random.default_rng(1))
    touched = np.random.random() != probe
    np.random.set_state(state)
    hint = ("draw every random number from the rng argument, e.g. rng.permutation(n) or "
            "rng.standard_normal(shape), never from np.random directly.")
    if touched:
        fail(f"{name} on {tried}: it {CAUSES['global-rng']}, so its results cannot be reproduced.", hint,
             cause="global-rng")
    if not _equal(first, again):
        fail(f"{name} on {tried}: it gives different results for two generators with the same seed: it "
             f"{CAUSES['own-rng']}, so its results cannot be reproduced.", hint, cause="own-rng")
    if _equal(first, other):
        fail(f"{name} on {tried}: it gives the same result for rng = np.random.default_rng(0) and "
             f"default_rng(1): it {CAUSES['fixed-seed']} (or draws nothing at all).",
             "use the rng it is given (rng.permutation, rng.standard_normal...); do not make a new one "
             "with a seed inside the function.", cause="fixed-seed")


def _equal(a, b):
    try:
        return all(np.array_equal(x, y) for x, y in zip(a, b, strict=True)) if isinstance(a, list) \
            else np.array_equal(a, b)
    except ValueError:
        return False
