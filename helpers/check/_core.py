"""What every check shares: how to call a learner's function, compare, and report.

A wrong answer raises ``CheckFailed``, which Jupyter shows in red without a traceback ("Run All"
stops there). When it is the right one changed in a simple way (its negative, twice it, its
transpose...), the message says which, so the learner can find the cause. The learner's function
gets read-only copies of its inputs (``call``), so an in-place change is named with its line and the
expected answer is computed from untouched data.
"""
import contextlib
import inspect
import io
import re
import warnings

import numpy as np

from ..errors import RESET, FriendlyError
from ._learner import learner_line, shape_words, unrepeated

GREEN = "\x1b[32m"


class CheckFailed(FriendlyError):
    """A learner's answer is not right yet; the message says why.

    ``cause`` is the same verdict for a program: a short identifier of the named cause (such as
    ``"transpose"``, one of the keys of ``_causes.CAUSES``), or None where the check cannot tell the cause.
    """

    def __init__(self, message, cause=None):
        super().__init__(message)
        self.cause = cause


def passed(message):
    """Print the one green line of a check that passed."""
    print(f"{GREEN}✔ {message}{RESET}")


# The learner's function that the check called last: a hint that quotes code already in it is not repeated.
CALLED = {"func": None}


def fail(message, hint="", cause=None):
    """Stop the check with ``message``, and the ``hint`` on a line of its own if there is one.

    A hint whose code is already in the learner's function becomes words that say so (``_learner.unrepeated``).
    """
    hint = unrepeated(CALLED["func"], hint)
    raise CheckFailed(message + (f"\nHint: {hint}" if hint else ""), cause)


def quiet(check, *args):
    """Run ``check(*args)`` without its green line: True if it passed, False if it failed."""
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            check(*args)
    except CheckFailed:
        return False
    return True


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
    CALLED["func"] = func
    try:
        return func(*given)
    except NotImplementedError as error:
        frame, _ = learner_line(error)
        other = frame.name if frame and frame.name not in (name, getattr(func, "__name__", name), "<module>") else ""
        if other:
            fail(f"{name} uses your {other}, which is not written yet. Write {other} first (replace its "
                 "`raise NotImplementedError` line), run its cell and its check, then run this check again.",
                 cause="not-written")
        fail(f"{name} is not written yet. Replace the `raise NotImplementedError` line in the "
             "TODO cell above with your code, run that cell, then run this check again.", cause="not-written")
    except Exception as error:  # the learner's code failed: say how, briefly
        if isinstance(error, ValueError) and "read-only" in str(error):
            changed_argument(func, name, error)
        hint = next((hint for kind, hint in hints if isinstance(error, kind)), "")
        fail(f"Your {name} raised {type(error).__name__}: {error}{_where(error)}{shape_words(error)}", hint)


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
    return learner_line(error)[0]


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
