"""The fresh learner answers (tests/learner_answers_fresh.py) through the real checks, as a notebook runs them.

Each answer runs after the notebook's imports and its earlier TODOs (as their second hint writes them, or the
answer's own ``setup``). A right answer must pass; a wrong one must be refused, with its cause and its words.
``python tests/test_check_fresh_answers.py`` prints the table.
"""
import collections
import contextlib
import io
import linecache
import math
import sys
from pathlib import Path

import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

sys.path[:0] = [str(Path(__file__).parent), str(Path(__file__).parent.parent)]
import helpers  # noqa: E402
from helpers import check  # noqa: E402
from helpers.check import CheckFailed  # noqa: E402
from helpers.check._causes import CAUSES  # noqa: E402
from learner_answers_fresh import CASES  # noqa: E402

ORDER = {"02": ["sigmoid", "feedforward_no_bias", "feedforward", "one_hot", "accuracy"],
         "03": ["cost", "sigmoid_prime", "backprop"], "04": ["update_mini_batch", "sgd"],
         "07": ["softmax", "cross_entropy", "scaled_weights", "relu", "momentum_step", "l2_gradient"]}
IMPORTED = {"03": ["sigmoid", "feedforward"], "04": ["backprop", "feedforward", "one_hot", "accuracy"]}
NOTEBOOK_NAMES = {"02": {"x": np.array([1.0, 2.0])}}  # notebook 02's own example input, a global a learner may use
EARLIER = {  # each earlier TODO as the notebook's second hint writes it
    'show_images': "def show_images(X, y, indices):\n    fig, axes = plt.subplots(1, len(indices), squeeze=False)\n    for ax, i in zip(axes[0], indices):\n        ax.imshow(X[i].reshape(28, 28), cmap='gray_r'); ax.set_title(y[i]); ax.axis('off')\n",
    'sigmoid': 'def sigmoid(z):\n    z = np.clip(z, -500, 500)\n    return 1 / (1 + np.exp(-z))\n',
    'feedforward_no_bias': 'def feedforward_no_bias(X, weights):\n    a = X\n    for W in weights:\n        a = sigmoid(a @ W)\n    return a\n',
    'feedforward': 'def feedforward(X, weights, biases):\n    a = X\n    for W, b in zip(weights, biases):\n        a = sigmoid(a @ W + b)\n    return a\n',
    'one_hot': 'def one_hot(y, num_classes=10):\n    Y = np.zeros((len(y), num_classes))\n    Y[np.arange(len(y)), y] = 1\n    return Y\n',
    'accuracy': 'def accuracy(outputs, y):\n    return float(np.mean(np.argmax(outputs, axis=1) == y))\n',
    'cost': 'def cost(outputs, Y):\n    return float(0.5 * np.sum((outputs - Y) ** 2) / len(Y))\n',
    'sigmoid_prime': 'def sigmoid_prime(z):\n    s = sigmoid(z)\n    return s * (1 - s)\n',
    'update_mini_batch': 'def update_mini_batch(weights, biases, X_batch, Y_batch, eta):\n    nabla_w, nabla_b = backprop(X_batch, Y_batch, weights, biases)\n    for l in range(len(weights)):\n        weights[l] -= eta * nabla_w[l]\n        biases[l] -= eta * nabla_b[l]\n',
    'softmax': 'def softmax(Z):\n    E = np.exp(Z - Z.max(axis=1, keepdims=True))\n    return E / E.sum(axis=1, keepdims=True)\n',
    'cross_entropy': 'def cross_entropy(outputs, Y):\n    return float(-np.sum(Y * np.log(outputs)) / len(Y))\n',
    'scaled_weights': 'def scaled_weights(n_in, n_out, rng):\n    return rng.standard_normal((n_in, n_out)) / np.sqrt(n_in)\n',
    'relu': 'def relu(Z):\n    return np.maximum(Z, 0)\n\ndef relu_prime(Z):\n    return (Z > 0).astype(Z.dtype)\n',
    'momentum_step': 'def momentum_step(p, v, g, eta, mu):\n    v = mu * v - eta * g\n    return p + v, v\n',
}


def run(number):
    """(outcome, message, cause) of case ``number``: outcome "pass", "fail" or "error" (a raw exception)."""
    notebook, todo, _, _, _, setup, source = CASES[number]
    namespace = dict(np=np, plt=plt, math=math, helpers=helpers, __name__="__main__", **NOTEBOOK_NAMES.get(notebook, {}),
                     **{name: getattr(helpers, name) for name in IMPORTED.get(notebook, [])})
    earlier = ORDER.get(notebook, [])
    cells = [EARLIER[t] for t in earlier[:earlier.index(todo)]] if todo in earlier else []
    for k, text in enumerate([*cells, setup, source]):
        filename = f"<fresh cell {number}.{k}>"  # as Jupyter does, so tracebacks show the lines
        linecache.cache[filename] = (len(text), None, text.splitlines(True), filename)
        exec(compile(text, filename, "exec"), namespace)
    args = (namespace["relu"], namespace["relu_prime"]) if todo == "relu" else (namespace[todo],)
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            getattr(check, todo)(*args)
    except CheckFailed as error:
        return "fail", str(error), error.cause
    except Exception as error:  # noqa: BLE001 -- a raw error instead of a message
        return "error", f"{type(error).__name__}: {error}", None
    finally:
        plt.close("all")
    return "pass", "", None


@pytest.mark.parametrize("number", range(len(CASES)), ids=[f"{c[1]}-{c[2]}-{i}" for i, c in enumerate(CASES)])
def test_fresh_answer(number):
    _, _, verdict, cause, words, _, _ = CASES[number]
    outcome, message, given = run(number)
    if verdict == "accept":
        assert outcome == "pass", f"a right answer refused ({given}):\n{message}"
        return
    if verdict == "known-pass":
        pytest.xfail(f"a wrong answer the checks cannot see yet: {words[0]}")
    assert outcome == "fail", f"{outcome}: {message}"
    assert given == cause and given in (None, *CAUSES), f"cause {given!r}, expected {cause!r}:\n{message}"
    assert all(word in message.lower() for word in words), message


def test_every_todo_has_fresh_wrong_and_right_answers():
    todos = {c[1] for c in CASES}
    assert len(todos) == 19  # every TODO of 01-05 and 07
    assert {c[1] for c in CASES if c[2] == "accept"} == todos == {c[1] for c in CASES if c[2] == "refuse"}
    assert sum(c[2] != "accept" for c in CASES) >= 60 and sum(c[2] == "accept" for c in CASES) >= 15


def table():
    lines = ["| # | todo | verdict | cause | outcome | first line |", "| --- " * 6 + "|"]
    counts = collections.Counter()
    for n, (_, todo, verdict, cause, _, _, _) in enumerate(CASES):
        outcome, message, given = run(n)
        counts[(verdict, outcome, given is not None)] += 1
        lines.append(f"| {n} | {todo} | {verdict} | {given} | {outcome} | {message.splitlines()[0][:100] if message else ''} |")
    return "\n".join(lines + ["", str(dict(counts))])


if __name__ == "__main__":
    print(table())
