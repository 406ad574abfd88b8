"""A TODO that uses an earlier TODO of the learner's (feedforward uses their sigmoid): when the earlier
one is what makes the check fail, say so, with cause "earlier-todo".

The test is a fact, not a guess: the check is run again with the reference version of the earlier
function in the learner's namespace; if it then passes (and fails without it, and the earlier TODO's own
check fails too), the earlier TODO is the cause.
"""
import contextlib
import io
from unittest import mock

import numpy as np

from . import nb02, nb03, nb04, nb07
from ._core import CheckFailed, quiet


def _reference_update(weights, biases, X_batch, Y_batch, eta):
    from .. import nn
    nabla_w, nabla_b = nn.backprop(X_batch, Y_batch, weights, biases)
    for l in range(len(weights)):
        weights[l] -= eta * nabla_w[l]
        biases[l] -= eta * nabla_b[l]


def references():
    """Name of an earlier TODO -> its reference version."""
    from .. import modern, nn
    return {"sigmoid": nn.sigmoid, "sigmoid_prime": nn.sigmoid_prime, "one_hot": nn.one_hot,
            "feedforward": nn.feedforward, "feedforward_no_bias": lambda X, weights: nn.feedforward(
                X, weights, [np.zeros(W.shape[1]) for W in weights]),
            "backprop": nn.backprop, "cost": nn.cost, "accuracy": nn.accuracy, "softmax": modern.softmax,
            "relu": modern.relu, "relu_prime": modern.relu_prime, "update_mini_batch": _reference_update}


def _names(code):
    """Every global name a function's code (and the code nested in it) reads."""
    names = set(code.co_names)
    for const in code.co_consts:
        if hasattr(const, "co_names"):
            names |= _names(const)
    return names


def earlier_todos(func):
    """[(name, the learner's function)] of the earlier TODOs ``func`` uses from its own namespace."""
    code, namespace = getattr(func, "__code__", None), getattr(func, "__globals__", None)
    if code is None or namespace is None:
        return []
    found = []
    for name in sorted(_names(code) & set(references())):
        used = namespace.get(name)
        if callable(used) and not str(getattr(used, "__module__", "")).startswith("helpers") and used is not func:
            found.append((name, used))
    return found


def _its_check_says(name, used):
    """(False, '') when the earlier TODO's own check passes; else (True, the first line of what it says)."""
    check = next((getattr(m, name) for m in (nb02, nb03, nb04, nb07) if hasattr(m, name)), None)
    if check is None or name in ("relu", "relu_prime"):
        return True, ""  # no check of its own to ask (relu_prime is checked together with relu)
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            check(used)
    except CheckFailed as error:
        return True, f" Its own check says: {str(error).splitlines()[0]}"
    except Exception:  # noqa: BLE001 -- a check that cannot run says nothing either way
        return True, ""
    return False, ""


def earlier_cause(check, args, error):
    """``error``, or a CheckFailed with cause "earlier-todo" when an earlier TODO of the learner's is the cause."""
    if error.cause in ("not-written", "earlier-todo") or quiet(check, *args):
        return error  # a check that passes when run again: the answer changes from call to call, not the TODO
    for func in [a for a in args if callable(a)]:
        used = earlier_todos(func)
        if not used:
            continue
        namespace = func.__globals__
        tries = [[item] for item in used] + ([used] if len(used) > 1 else [])
        for group in tries:
            with mock.patch.dict(namespace, {name: references()[name] for name, _ in group}):
                fixed = quiet(check, *args)
            verdicts = [_its_check_says(name, f) for name, f in group] if fixed else []
            if fixed and all(wrong for wrong, _ in verdicts):
                names = " and ".join(name for name, _ in group)
                says = "".join(words for _, words in verdicts)
                what = getattr(func, "__name__", "this function")
                return CheckFailed(
                    f"Your {what} uses your {names}, which is not right yet: with a correct {names} in its "
                    f"place, your {what} passes this check. The cause comes from that earlier TODO: fix {names} "
                    f"first (run its check, check.{group[0][0]}(...)), then run this check again.{says}",
                    "earlier-todo")
    return error
