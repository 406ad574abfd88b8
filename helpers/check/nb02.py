"""Checks for notebook 02 (the forward pass)."""
import re

import numpy as np

from .. import nn
from ._core import CheckFailed, as_array, call, call_warning_free, compare, fail, fmt, passed

MATMUL_HINT = ("the weights W of a layer have shape (n_in, n_out) and X has one sample per row, "
               "so a layer computes X @ W (not W @ X, not X @ W.T).")

OVERFLOW_HINT = ("e^1000 is too large for a float: it overflows to inf, with a warning (and inf / inf "
                 "is NaN). The sigmoid is already 0 or 1 there, so clip z first: z = np.clip(z, -500, 500).")

# The tiny network of notebook 02: 2 inputs, 3 hidden nodes, 1 output.
TINY_WEIGHTS = [np.array([[1.0, 2.0, 0.4],
                          [0.5, 0.2, 0.4]]),
                np.array([[1.5], [4.0], [0.2]])]
TINY_BIASES = [np.array([0.5, 0.5, 0.5]), np.array([0.3])]


def sigmoid(func):
    """Check ``sigmoid(z)``: right values, elementwise on any shape, no overflow warnings."""
    z = np.array([-2.0, -1.0, 0.0, 1.0, 2.0])
    mistakes = [(1 / (1 + np.exp(z)), "the sign of z is flipped: S(z) = 1 / (1 + e^(-z)).", "sign"),
                (np.exp(z), "the `1 +` is missing: S(z) = 1 / (1 + e^(-z)).", "formula"),  # = 1 / e^(-z)
                (1 + np.exp(-z), "1 / 1 + e^(-z), which is 1 + e^(-z): brackets are missing around the "
                                 "denominator, 1 / (1 + np.exp(-z)).", "precedence")]
    hints = [(TypeError, "use np.exp, which works on whole arrays; math.exp takes a single number.")]
    compare(call(func, "sigmoid", z, hints=hints), 1 / (1 + np.exp(-z)), "sigmoid", f"z = {fmt(z)}", mistakes=mistakes)
    compare(call(func, "sigmoid", 0.0), 0.5, "sigmoid", "z = 0 (a single number)",
            hint="sigmoid(0) is 1 / (1 + 1) = 0.5.")
    Z = np.linspace(-3, 3, 6).reshape(2, 3)
    compare(call(func, "sigmoid", Z), 1 / (1 + np.exp(-Z)), "sigmoid", "a 2x3 array",
            hint="apply the formula elementwise with NumPy; do not sum or loop over rows.")
    big = np.array([-1000.0, 1000.0])
    got_array = call_warning_free(func, "sigmoid", big, hints=hints, hint=OVERFLOW_HINT)
    compare(got_array, [0.0, 1.0], "sigmoid", "z = [-1000, 1000]")
    passed("sigmoid is right, works on arrays of any shape, and does not overflow.")


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
    (dict(skip=[-1]), "the last layer is missing: loop over all the layers, feeding each one's a to the next.",
     "skipped-layer"),
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
    compare(got, nn.feedforward(X, weights, biases), name, tried,
            mistakes=[m for m in mistakes if m[0] is not None], related=related)


def _check_forward(func, name, with_biases):
    """Compare the learner's forward pass with the reference on the tiny network, then on random ones.

    When an answer fails with no named cause (an error, or a wrong shape), it is tried on networks whose
    layers all have the same size, where most mistakes give an answer of the right shape, to name it.
    """
    rng = np.random.default_rng(2)
    square = nn.random_network([3, 3, 3, 3], np.random.default_rng(9))
    probes = [(np.random.default_rng(10).standard_normal((4, 3)), *square,
               "a network with layer sizes [3, 3, 3, 3], a batch of 4"),
              (np.array([0.5, -1.0, 2.0]), *square, "a network with layer sizes [3, 3, 3, 3], one input")]
    for X, weights, biases, tried in _forward_cases(rng):
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
            raise


def _learner_line(error):
    """The code line a CheckFailed quotes ('at line N: code'), or ''."""
    match = re.search(r"at line \d+: (.*)", str(error))
    return match.group(1) if match else ""


def feedforward_no_bias(func):
    """Check ``feedforward_no_bias(X, weights)``: every layer is a = sigmoid(a @ W)."""
    _check_forward(func, "feedforward_no_bias", with_biases=False)
    passed("feedforward_no_bias is right for the tiny network and for random networks, "
           "for one input and for a batch.")


def feedforward(func):
    """Check ``feedforward(X, weights, biases)``: every layer is a = sigmoid(a @ W + b)."""
    _check_forward(func, "feedforward", with_biases=True)
    passed("feedforward is right for the tiny network and for random networks of other sizes, "
           "for one input and for a batch.")


def one_hot(func):
    """Check ``one_hot(y, num_classes=10)``."""
    y = np.array([3, 0, 9, 3])
    expected = nn.one_hot(y)
    mistakes = [(expected.T, "rows and columns are swapped: one row per label, one column per class.", "transpose"),
                (np.eye(10)[y - 1], "the 1 is one place too early: the digit d has its 1 at index d.", "off-by-one")]
    hint = "start from np.zeros((len(y), num_classes)) and put a 1 in column y[i] of row i."
    got = call(func, "one_hot", y)
    _rows(got, y, expected)
    compare(got, expected, "one_hot", f"y = {fmt(y)}", hint=hint, mistakes=mistakes, rtol=0, atol=0)
    if np.shape(call(func, "one_hot", np.array([1, 0]), 3)) == (2, 10):
        fail("one_hot on y = [1 0] with num_classes=3 gave 10 columns: use num_classes for the number of "
             "columns, not 10.", cause="num-classes")
    compare(call(func, "one_hot", np.array([1, 0]), 3), [[0, 1, 0], [1, 0, 0]], "one_hot",
            "y = [1 0] with num_classes=3", hint="use num_classes for the number of columns, not 10.")
    passed("one_hot is right.")


def _rows(got, y, expected):
    """Fail, naming the row, when a one-hot answer of the right shape has a row without exactly one 1."""
    got = np.asarray(got, dtype=float)
    if got.shape != expected.shape:
        return
    ones = (got == 1).sum(axis=1)
    if (ones > 1).all() and (got.sum(axis=1) == len(set(y.tolist()))).all():
        fail(f"one_hot on y = {fmt(y)}: every row has a 1 in every labelled column ({ones[0]} ones per row); each "
             "row should have one 1, in column y[i] of row i. Y[:, y] = 1 sets whole columns; Y[np.arange(len(y)), y] "
             "sets one entry per row.", cause="fancy-index")
    empty = [i for i in range(len(y)) if ones[i] == 0 and np.all(got[i] == 0)]
    if empty and np.array_equal(got[:empty[0]], expected[:empty[0]]) and empty == list(range(empty[0], len(y))):
        last = "the last row has" if len(empty) == 1 else f"the last {len(empty)} rows have"
        fail(f"one_hot on y = {fmt(y)}: {last} no 1 (all zeros); every row needs its 1: does the loop stop "
             "one item early (range(len(y) - 1))?", cause="off-by-one")


def accuracy(func):
    """Check ``accuracy(outputs, y)``: the fraction of rows whose largest output is at the label."""
    rng = np.random.default_rng(3)
    outputs = rng.random((20, 10))
    y = np.argmax(outputs, axis=1)
    y[:5] = (y[:5] + 1) % 10  # 15 of the 20 are right
    expected = nn.accuracy(outputs, y)
    hints = [(ValueError, "compare the predicted digits np.argmax(outputs, axis=1), shape (n,), with y, shape (n,).")]
    try:
        call(func, "accuracy", outputs, y)
    except CheckFailed as error:
        if "ValueError" in str(error) and "(10,) (20,)" in str(error) or "(20,) (10,)" in str(error):
            fail(f"{error}\nThe predictions have shape (10,), one per column: np.argmax with axis=0 goes down the "
                 "columns; np.argmax(outputs, axis=1) gives one predicted digit per row.", cause="axis")
    got = as_array(call(func, "accuracy", outputs, y, hints=hints), "accuracy")
    if got.shape != ():
        fail(f"accuracy on 20 samples returned an array of shape {got.shape}; expected one number.\n"
             "Hint: the mean of the comparison, np.mean(predictions == y), is one number.")
    if np.isclose(float(got), 15):
        fail("accuracy on 20 samples (15 right) returned 15, the number right; expected the fraction 0.75.",
             cause="count")
    if float(got) == 0 and expected != 0:
        ints = call(func, "accuracy", outputs[5:8], y[5:8])  # three right predictions: 3 // 3 = 3 / 3 = 1
        if np.isclose(float(as_array(ints, "accuracy")), 1):
            fail("accuracy on 20 samples (15 right) returned 0, but 1 for three samples that are all right: 15 // 20 is 0. "
                 "// is integer division; divide with / to get the fraction 0.75.", cause="integer-division")
        two_rows = np.eye(10)[[3, 3]] * [[0.5], [1.0]]  # both predict 3; the largest of all is in row 2
        if (float(as_array(call(func, "accuracy", two_rows, np.array([3, 3])), "accuracy")) == 0
                and float(as_array(call(func, "accuracy", np.eye(10)[[2]], np.array([2])), "accuracy")) == 1):
            fail("accuracy on 20 samples (15 right) returned 0; on two rows that both predict 3, with labels [3, 3], "
                 "it also returned 0: np.argmax without axis gives one index for the whole array (13 here). "
                 "np.argmax(outputs, axis=1) gives the predicted digit of every row.", cause="axis")
    compare(got, expected, "accuracy", "20 samples (15 right)", sizes=[(20, "the number of samples")],
            mistakes=[(100 * expected, "a percentage; return the fraction right, between 0 and 1.", "percentage"),
                      (15 / 10, "it divides by the number of outputs per row (10), not by the number of samples "
                                "(20): divide by len(y).", "axis"),
                      *[(no_axis, "np.argmax without axis=1 gives one index for the whole array; "
                                  "np.argmax(outputs, axis=1) gives the predicted digit of every row.", "axis")
                        for no_axis in [np.mean(np.argmax(outputs) == y)] if no_axis != 0],
                      (1 - expected, "the fraction of wrong answers; return the fraction right.", "formula")],
            hint="the prediction for each row is np.argmax(outputs, axis=1) (axis=1: across the 10 outputs).")
    passed("accuracy is right.")
