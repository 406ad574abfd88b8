"""Checks for notebook 02 (the forward pass)."""

import numpy as np

from .. import nn
from ._compare import compare
from ._core import CheckFailed, as_array, call, call_warning_free, fail, fmt, passed
from ._forward import check_forward
from ._props import elementwise_sizes, first_wrong_number, smallest_failure, stateless, with_words

OVERFLOW_HINT = ("e^1000 is too large for a float: it overflows to inf, with a warning (and inf / inf "
                 "is NaN). The sigmoid is already 0 or 1 there, so clip z first: z = np.clip(z, -500, 500).")

POINTS = [0.0, 0.5, -0.5, 1.0, -1.0, 2.0, -2.0, 3.5, -3.5, 6.0, -6.0, 10.0, -10.0, 30.0, -30.0, 100.0, -100.0,
          499.0, -499.0, 1000.0, -1000.0]  # single numbers, tried one at a time when an answer is wrong


def sigmoid(func):
    """Check ``sigmoid(z)``: right values, elementwise on any shape and type, no overflow warnings.

    A wrong answer with no named cause is then tried one number at a time, to say where it goes wrong.
    """
    try:
        _sigmoid(func)
    except CheckFailed as error:
        if error.cause is not None:
            raise
        raise with_words(error, first_wrong_number(func, "sigmoid", nn.sigmoid, POINTS, call)) from None
    passed("sigmoid is right, works on arrays of any shape, and does not overflow.")


def _sigmoid(func):
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
    elementwise_sizes(func, "sigmoid", nn.sigmoid, seed=12)


def feedforward_no_bias(func):
    """Check ``feedforward_no_bias(X, weights)``: every layer is a = sigmoid(a @ W)."""
    check_forward(func, "feedforward_no_bias", with_biases=False)
    passed("feedforward_no_bias is right for the tiny network and for random networks, "
           "for one input and for a batch.")


def feedforward(func):
    """Check ``feedforward(X, weights, biases)``: every layer is a = sigmoid(a @ W + b)."""
    check_forward(func, "feedforward", with_biases=True)
    passed("feedforward is right for the tiny network and for random networks of other sizes, "
           "for one input and for a batch.")


def one_hot(func):
    """Check ``one_hot(y, num_classes=10)``."""
    y = np.array([3, 0, 9, 3])
    expected = nn.one_hot(y)
    mistakes = [(expected.T, "rows and columns are swapped: one row per label, one column per class.", "transpose"),
                (np.eye(10)[y - 1], "the 1 is one place too early: the digit d has its 1 at index d.", "off-by-one")]
    hint = "start from np.zeros((len(y), num_classes)) and put a 1 in column y[i] of row i."
    index_hint = [(IndexError, "row i of the result is sample i, and its label y[i] is the column of its 1: the row "
                               "index comes first, then the column, Y[i, y[i]] (or, for all rows at once, "
                               "Y[np.arange(len(y)), y]).")]
    other = np.array([5, 1, 1, 8])
    stateless(lambda labels: call(func, "one_hot", labels, hints=index_hint), "one_hot",
              (y, f"y = {fmt(y)}"), (other, f"y = {fmt(other)}"), reference=nn.one_hot)
    got = call(func, "one_hot", y, hints=index_hint)
    _rows(got, y, expected)
    _values_at_places(got, y, expected)
    compare(got, expected, "one_hot", f"y = {fmt(y)}", hint=hint, mistakes=mistakes, rtol=0, atol=0)
    for labels, what in ((np.array([7]), "one label, y = [7]"), (np.arange(10)[::-1].copy(), "y = [9 8 ... 0]"),
                         (np.random.default_rng(13).integers(0, 10, 9), "9 random labels")):
        compare(call(func, "one_hot", labels, hints=index_hint), nn.one_hot(labels), "one_hot", what,
                hint=hint, rtol=0, atol=0)
    if np.shape(call(func, "one_hot", np.array([1, 0]), 3)) == (2, 10):
        fail("one_hot on y = [1 0] with num_classes=3 gave 10 columns: use num_classes for the number of "
             "columns, not 10.", cause="num-classes")
    compare(call(func, "one_hot", np.array([1, 0]), 3), [[0, 1, 0], [1, 0, 0]], "one_hot",
            "y = [1 0] with num_classes=3", hint="use num_classes for the number of columns, not 10.")
    passed("one_hot is right.")


def _accuracy_20(got, expected, outputs, y):
    """The comparison on 20 samples, with the mistakes it can name."""
    compare(got, expected, "accuracy", "20 samples (15 right)", sizes=[(20, "the number of samples")],
            mistakes=[(100 * expected, "a percentage; return the fraction right, between 0 and 1.", "percentage"),
                      (15 / 10, "it divides by the number of outputs per row (10), not by the number of samples "
                                "(20): divide by len(y).", "axis"),
                      *[(no_axis, "np.argmax without axis=1 gives one index for the whole array; "
                                  "np.argmax(outputs, axis=1) gives the predicted digit of every row.", "axis")
                        for no_axis in [np.mean(np.argmax(outputs) == y)] if no_axis != 0],
                      (1 - expected, "the fraction of wrong answers; return the fraction right.", "formula"),
                      (np.mean(np.argmax(outputs, axis=1) == y[:, None]), "it compares every prediction with every "
                       "label: y[:, None] (or y.reshape(-1, 1)) against predictions of shape (n,) makes an (n, n) "
                       "table. Compare the predictions (n,) with y (n,) as they are.", "shape"),
                      *[(np.sum(right[rows]) / len(y), f"the right answer without the {which} sample: a loop that "
                         f"leaves out the {which} row ({loop})?", "off-by-one")
                        for right in [np.argmax(outputs, axis=1) == y]
                        for rows, which, loop in ((slice(1, None), "first", "range(1, n)"),
                                                  (slice(None, -1), "last", "range(n - 1)")) if right[rows].sum() != right.sum()]],
            hint="the prediction for each row is np.argmax(outputs, axis=1) (axis=1: across the 10 outputs).")


def _small_accuracies(func):
    """(what, attempt) on one sample, then a few: inputs whose answer can be worked out by hand."""
    cases = []
    runner_up = np.array([[0.1, 0.6, 0.9, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]])
    what = "1 sample, outputs [0.1 0.6 0.9 0.1 ...], label 1 (the largest output is at 2: expected 0)"
    cases.append((what, lambda what=what: compare(as_array(call(func, "accuracy", runner_up, np.array([1])), "accuracy"), 0.0,
                                        "accuracy", what, causes=False)))
    for n, right in ((1, 1), (1, 0), (3, 2)):
        outputs = np.eye(10)[[3, 1, 7][:n]] * 0.5 + 0.2  # the largest output of row k is at [3, 1, 7][k]
        labels = np.array([3, 1, 7][:n])
        labels[right:] = (labels[right:] + 1) % 10
        what = (f"{n} sample{'s' if n > 1 else ''} whose largest outputs are at {[3, 1, 7][:n]}, labels "
                f"{labels.tolist()} (expected {right}/{n} = {right / n:.4g})")
        cases.append((what, lambda o=outputs, t=labels, what=what, e=right / n: compare(
            as_array(call(func, "accuracy", o, t), "accuracy"), e, "accuracy", what, causes=False)))
    return cases


def _values_at_places(got, y, expected):
    """Fail when the non-zero entries sit in the right places but are not 1."""
    got = np.asarray(got, dtype=float) if not isinstance(got, (list, tuple)) else None
    if got is None or got.shape != expected.shape or np.array_equal(got, expected):
        return
    places = expected == 1
    empty = [i for i in range(len(got)) if not got[i].any()]
    if np.all(got[~places] == 0) and empty and np.all(got[places][[i not in empty for i in range(len(got))]] == 1):
        which = "first" if empty == [0] else "last" if empty == [len(got) - 1] else None
        fail(f"one_hot on y = {fmt(y)}: row{'s' * (len(empty) > 1)} {', '.join(map(str, empty))} "
             f"{'are' if len(empty) > 1 else 'is'} all zeros; every other row has its 1 in the right place."
             + (f" A loop that leaves out the {which} row ({'range(1, n)' if which == 'first' else 'range(n - 1)'})?"
                if which else " Every row, the label y[i] of sample i, gets its 1."), cause="off-by-one")
    if np.all(got[~places] == 0) and len(set(got[places].tolist())) > 1:  # constant multiples: compare names them
        fail(f"one_hot on y = {fmt(y)}: the labelled places are right (row i, column y[i]), but what is written "
             f"there is {fmt(got[places])}, not 1: a one-hot row holds a 1 in the label's column, whatever the "
             "label is.", cause="formula")


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
    try:
        _accuracy_20(got, expected, outputs, y)
    except CheckFailed as error:
        raise smallest_failure(error, _small_accuracies(func)) from None
    for n, right in ((1, 1), (7, 5), (13, 4)):  # one sample, odd numbers: fractions with many decimals
        sample_outputs = np.random.default_rng(n).random((n, 10))
        labels = np.argmax(sample_outputs, axis=1)
        labels[right:] = (labels[right:] + 1) % 10
        try:
            compare(as_array(call(func, "accuracy", sample_outputs, labels), "accuracy"), right / n, "accuracy",
                    f"{n} sample{'s' if n > 1 else ''} ({right} right)", sizes=[(n, "the number of samples")])
        except CheckFailed as error:
            raise smallest_failure(error, _small_accuracies(func)) from None
    stateless(lambda a: call(func, "accuracy", *a), "accuracy", ((outputs, y), "20 samples (15 right)"),
              ((outputs[:7], y[:7] * 0 + np.argmax(outputs[:7], axis=1)), "7 samples (all right)"),
              reference=lambda a: nn.accuracy(*a))
    passed("accuracy is right.")
