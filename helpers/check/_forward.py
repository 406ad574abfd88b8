"""The forward pass checks' machinery: the networks tried, the typical mistakes, and the smaller networks
on which a wrong answer is shown when no mistake fits (helpers.check.nb02 has the checks themselves)."""
import functools
import re

import numpy as np

from .. import nn
from ._compare import compare
from ._causes import CAUSES
from ._core import CheckFailed, call, fail, fmt
from ._props import smallest_failure, stateless

MATMUL_HINT = ("the weights W of a layer have shape (n_in, n_out) and X has one sample per row, "
               "so a layer computes X @ W (not W @ X, not X @ W.T).")

# The tiny network of notebook 02: 2 inputs, 3 hidden nodes, 1 output.
TINY_WEIGHTS = [np.array([[1.0, 2.0, 0.4],
                          [0.5, 0.2, 0.4]]),
                np.array([[1.5], [4.0], [0.2]])]
TINY_BIASES = [np.array([0.5, 0.5, 0.5]), np.array([0.3])]


def _variant(X, weights, biases, skip=(), last_sigmoid=True, bias_inside=True, sigmoid_once=False,
             stale=False, bias_for=None, transposed=False):
    """The forward pass with one typical mistake switched on (none: the right answer); None if it cannot run."""
    L = len(weights)
    skip = {l % L for l in skip}
    a = X
    try:
        for l in range(L):
            if l in skip:
                continue
            W = weights[l].T if transposed else weights[l]
            b = biases[bias_for(l) % L] if bias_for else biases[l]
            z = (X if stale else a) @ W + (b if bias_inside else 0)
            a = z if sigmoid_once or (l == L - 1 and not last_sigmoid) else nn.sigmoid(z)
            a = a if bias_inside else a + b
    except ValueError:  # shapes that do not fit: this mistake cannot give this network's answer
        return None
    return nn.sigmoid(a) if sigmoid_once else a


MISTAKES = [  # (switches, what it is, cause); those with biases only for feedforward
    (dict(skip=[-1]), "the last layer is missing: the answer is what the layers before it give. Does the loop stop "
     "early, or `return` from inside the loop? Go through all the layers, feeding each one's a to the next, and return "
     "after the loop.", "skipped-layer"),
    (dict(skip=[0]), "the first layer is missing: start from a = X and go through every layer, weights[0] first.",
     "skipped-layer"),
    (dict(skip=range(1, 9)), "only the first layer was computed: loop over all the layers, feeding each one's a "
     "to the next.", "skipped-layer"),
    (dict(last_sigmoid=False), "the sigmoid is missing on the last layer: every layer computes a = sigmoid(a @ W + b).",
     "z-for-activation"),
    (dict(sigmoid_once=True), "the sigmoid is applied only once, at the end: every layer computes "
     "a = sigmoid(a @ W + b), so the sigmoid goes inside the loop.", "sigmoid-once"),
    (dict(stale=True), "every layer starts from X instead of a, the previous layer's activation: "
     "a = sigmoid(a @ W + b), starting from a = X.", "stale-input"),
    (dict(transposed=True), "each layer computes W @ a (or a @ W.T): with one sample per row and W of shape "
     "(n_in, n_out), a layer computes a @ W.", "product-order"),
    (dict(bias_inside=False), "the bias is added after the sigmoid: it goes inside, sigmoid(a @ W + b).",
     "bias-outside"),
    (dict(bias_for=lambda l: 0), "every layer adds the bias of the first layer, biases[0]: each layer has its "
     "own bias, as in zip(weights, biases).", "wrong-bias"),
    (dict(bias_for=lambda l: l - 1), "each layer adds the bias of the layer before it, biases[l - 1]: layer l "
     "goes with biases[l], as in zip(weights, biases).", "wrong-bias"),
    (dict(bias_for=lambda l: l + 1), "each layer adds the bias of the layer after it, biases[l + 1]: layer l "
     "goes with biases[l], as in zip(weights, biases).", "wrong-bias"),
]
NO_BIAS = (lambda X, weights, biases: _variant(X, weights, [0 * b for b in biases]),
           "the biases are missing: z = a @ W + b.", "no-bias")
PRODUCT_ORDER = re.compile(r"\bW\w*\s*@|dot\(\s*W|@\s*\w+\.T\b|matmul\(\s*W")


def _forward_cases(rng):
    """(X, weights, biases, what was tried) for every network the check runs."""
    one, batch = np.array([1.0, 2.0]), rng.standard_normal((5, 2))
    cases = [(one, TINY_WEIGHTS, TINY_BIASES, "the tiny 2-3-1 network, one input x = [1, 2]"),
             (batch, TINY_WEIGHTS, TINY_BIASES, "the tiny network, a batch of 5 inputs (shape (5, 2))")]
    for sizes in ([4, 5, 3], [3, 2], [6, 4, 4, 2]):
        weights, biases = nn.random_network(sizes, rng)
        cases.append((rng.standard_normal((7, sizes[0])), weights, biases,
                      f"a random network with layer sizes {sizes}, a batch of 7"))
    return cases


def _named(func, name, with_biases, X, weights, biases, tried):
    """Compare the learner's answer on this network with the right one, naming the mistake when it is a known one."""
    if not with_biases:
        biases = [np.zeros_like(b) for b in biases]
    got = call(func, name, *((X, weights, biases) if with_biases else (X, weights)))
    mistakes = [(_variant(X, weights, biases, **switches), what, cause)
                for switches, what, cause in (MISTAKES if with_biases else MISTAKES[:7])]
    if with_biases:
        mistakes.append((NO_BIAS[0](X, weights, biases), *NO_BIAS[1:]))
    related = [(nn.feedforward(nn.sigmoid(X), weights, biases), "the right answer for sigmoid(X) instead of X: "
                "the sigmoid is applied to the input too; X goes into the first layer as it is.", "sigmoid-input")]
    if with_biases:
        related.append((nn.feedforward(X, weights, [-b for b in biases]), "the right answer with every bias "
                        "subtracted: z = a @ W + b adds the bias.", "sign"))
    compare(got, nn.feedforward(X, weights, biases), name, tried,
            mistakes=[m for m in mistakes if m[0] is not None], related=related)


def check_forward(func, name, with_biases):
    """Compare the learner's forward pass with the reference on the tiny network, then on random ones.

    When an answer fails with no named cause (an error, or a wrong shape), it is tried on networks whose
    layers all have the same size, where most mistakes give an answer of the right shape, to name it.
    """
    rng = np.random.default_rng(2)
    square = nn.random_network([3, 3, 3, 3], np.random.default_rng(9))
    probes = [(np.random.default_rng(10).standard_normal((4, 3)), *square,
               "a network with layer sizes [3, 3, 3, 3], a batch of 4"),
              (np.array([0.5, -1.0, 2.0]), *square, "a network with layer sizes [3, 3, 3, 3], one input")]
    cases = _forward_cases(rng)
    other = (np.array([-1.0, 0.5]), TINY_WEIGHTS, TINY_BIASES)  # the same network, another input
    for second, what in ((other, "the tiny network, x = [-1, 0.5]"), (cases[2][:3], cases[2][3])):
        stateless(lambda case: call(func, name, *(case[:3] if with_biases else case[:2])), name,
                  (cases[0][:3], cases[0][3]), (second, what),
                  reference=lambda case: nn.feedforward(case[0], case[1],
                                                        case[2] if with_biases else [0 * b for b in case[2]]))
    try:  # first, while no freed array's id can be reused: a result kept by id(X) shows only here
        _same_array_changed(func, name, with_biases)
    except CheckFailed as error:
        if error.cause == "state":
            raise  # any other failure is for the cases below to explain
    for X, weights, biases, tried in cases:
        try:
            _named(func, name, with_biases, X, weights, biases, tried)
        except CheckFailed as error:
            if error.cause is not None:
                raise
            for probe in probes:  # the same answer where every shape fits: is it a known mistake?
                try:
                    _named(func, name, with_biases, *probe)
                except CheckFailed as named:
                    if named.cause is not None:
                        detail = str(named).split("; it ", 1)
                        fail(f"{error}\nOn {probe[-1]}, where every shape fits, the answer is wrong: "
                             + (f"it {detail[1]}" if len(detail) == 2 else str(named)), cause=named.cause)
            line = _learner_line(error)
            if "ValueError" in str(error) and PRODUCT_ORDER.search(line):
                fail(f"{error}\nHint: {MATMUL_HINT}", cause="product-order")
            raise smallest_failure(error, [(tried, functools.partial(_plain, func, name, with_biases, *case, tried))
                                           for *case, tried in _small_cases(with_biases)]) from None


def _same_array_changed(func, name, with_biases):
    """Fail when the answer for one array object does not follow its new numbers (a result kept by id(X))."""
    biases = TINY_BIASES if with_biases else [0 * b for b in TINY_BIASES]
    X = np.array([[1.0, 2.0], [0.5, -1.0]])
    args = (X, TINY_WEIGHTS, biases) if with_biases else (X, TINY_WEIGHTS)
    try:
        before = np.array(call(func, name, *args, changeable=(0,)), dtype=float)  # the same array object, as it is
        X[:] = [[-1.0, 0.5], [2.0, 0.0]]
        got = np.array(call(func, name, *args, changeable=(0,)), dtype=float)
    except (TypeError, ValueError):
        return  # not numbers at all: the other cases say so
    right = nn.feedforward(X, TINY_WEIGHTS, biases)
    if got.shape == before.shape and np.allclose(got, before) and not (got.shape == right.shape
                                                                        and np.allclose(got, right)):
        fail(f"{name} gave, for an array X whose numbers had changed (the same array object, new values), its answer "
             f"for the old numbers. It {CAUSES['state']}: does it keep results from earlier calls (by id(X), or in "
             "a dictionary)? Compute the answer from X every time.", cause="state")


def _plain(func, name, with_biases, X, weights, biases, tried):
    """Expected and got on a small network, with no cause guessed (on tiny inputs slips look alike)."""
    got = call(func, name, *((X, weights, biases) if with_biases else (X, weights)))
    compare(got, nn.feedforward(X, weights, biases), name, tried, causes=False)


def _small_cases(with_biases):
    """Networks smaller than the check's, smallest first: (X, weights, biases, what it is, with its right answer)."""
    cases = []
    for X, weights, biases in ((np.array([0.5]), [np.array([[2.0]])], [np.array([1.0])]),
                               (np.array([0.5, -1.0]), [np.array([[2.0, -1.0, 0.5], [1.0, 3.0, -2.0]])],
                                [np.array([1.0, -0.5, 0.2])]),
                               (np.array([[0.5], [-1.0], [2.0]]), [np.array([[2.0]]), np.array([[-1.0]])],
                                [np.array([1.0]), np.array([0.5])])):
        b = biases if with_biases else [0 * b for b in biases]
        sizes = [len(weights[0])] + [W.shape[1] for W in weights]
        what = (f"one layer, x = {fmt(X)}, W = {fmt(weights[0])}" + (f", b = {fmt(b[0])}" if with_biases else "")
                if len(weights) == 1 else f"two layers of one node each, a batch of {len(X)} inputs of one number")
        if len(weights) == 1 and X.ndim == 1 and len(X) == 1:
            zs = X @ weights[0] + b[0]
            what += f" (expected S(x W{' + b' if with_biases else ''}) = S({float(zs[0]):g}))"
        cases.append((X, weights, b, what if sizes else what))
    return cases


def _learner_line(error):
    """The code line a CheckFailed quotes ('at line N: code'), or ''."""
    match = re.search(r"at line \d+: (.*)", str(error))
    return match.group(1) if match else ""
