"""Checks for notebook 02 (the forward pass)."""
import numpy as np

from .. import nn
from ..network import Network
from ._core import as_array, call, call_warning_free, compare, fail, fmt, passed

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
    mistakes = [(1 / (1 + np.exp(z)), "the sign of z is flipped: S(z) = 1 / (1 + e^(-z))."),
                (np.exp(z), "the `1 +` is missing: S(z) = 1 / (1 + e^(-z)).")]  # = 1 / e^(-z)
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


def _variant(X, weights, biases, last_sigmoid=True, layers=None, add_biases=True, bias_inside=True):
    """The forward pass as the reference (helpers.Network) does it, or with one typical mistake switched on."""
    net = Network.from_parameters(weights[:layers], biases[:layers])  # layers=1: the first layer only
    if not add_biases:
        net.biases = [0 * b for b in net.biases]
    if not last_sigmoid:  # the last layer's z, not sigmoid(z)
        net.output_activation = lambda z: z
    if not bias_inside:  # sigmoid(a @ W) + b: each layer adds its bias after the sigmoid
        after = iter(net.biases)
        net.biases = [0 * b for b in net.biases]
        net.activation = net.output_activation = lambda z: nn.sigmoid(z) + next(after)
    return net.feedforward(X)


MISTAKES = [  # the last two only for feedforward, with biases
    (dict(last_sigmoid=False), "the sigmoid is missing on the last layer: every layer computes a = sigmoid(a @ W + b)."),
    (dict(layers=1), "only the first layer was computed: loop over all the layers, feeding each one's a to the next."),
    (dict(add_biases=False), "the biases are missing: z = a @ W + b."),
    (dict(bias_inside=False), "the bias is added after the sigmoid: it goes inside, sigmoid(a @ W + b)."),
]


def _check_forward(func, name, with_biases):
    """Compare the learner's forward pass with the reference on the tiny network, then on random ones."""
    rng = np.random.default_rng(2)
    one, batch = np.array([1.0, 2.0]), rng.standard_normal((5, 2))
    cases = [(one, TINY_WEIGHTS, TINY_BIASES, "the tiny 2-3-1 network, one input x = [1, 2]", MATMUL_HINT),
             (batch, TINY_WEIGHTS, TINY_BIASES, "the tiny network, a batch of 5 inputs (shape (5, 2))",
              "with one sample per row, a batch goes through the same code: X @ W works on all rows at once.")]
    for sizes in ([4, 5, 3], [3, 2], [6, 4, 4, 2]):
        weights, biases = nn.random_network(sizes, rng)
        cases.append((rng.standard_normal((7, sizes[0])), weights, biases,
                      f"a random network with layer sizes {sizes}, a batch of 7", MATMUL_HINT))
    for X, weights, biases, tried, hint in cases:
        if not with_biases:
            biases = [np.zeros_like(b) for b in biases]
        args = (X, weights, biases) if with_biases else (X, weights)
        got = call(func, name, *args, hints=[(ValueError, MATMUL_HINT)])
        mistakes = [(_variant(X, weights, biases, **switches), what)
                    for switches, what in (MISTAKES if with_biases else MISTAKES[:2])]
        related = [(nn.feedforward(nn.sigmoid(X), weights, biases), "the right answer for sigmoid(X) instead of X: "
                    "the sigmoid is applied to the input too; X goes into the first layer as it is.")]
        compare(got, nn.feedforward(X, weights, biases), name, tried, hint=hint, mistakes=mistakes, related=related)


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
    mistakes = [(expected.T, "rows and columns are swapped: one row per label, one column per class."),
                (np.eye(10)[y - 1], "the 1 is one place too early: the digit d has its 1 at index d.")]
    hint = "start from np.zeros((len(y), num_classes)) and put a 1 in column y[i] of row i."
    got = call(func, "one_hot", y)
    compare(got, expected, "one_hot", f"y = {fmt(y)}", hint=hint, mistakes=mistakes, rtol=0, atol=0)
    compare(call(func, "one_hot", np.array([1, 0]), 3), [[0, 1, 0], [1, 0, 0]], "one_hot",
            "y = [1 0] with num_classes=3", hint="use num_classes for the number of columns, not 10.")
    passed("one_hot is right.")


def accuracy(func):
    """Check ``accuracy(outputs, y)``: the fraction of rows whose largest output is at the label."""
    rng = np.random.default_rng(3)
    outputs = rng.random((20, 10))
    y = np.argmax(outputs, axis=1)
    y[:5] = (y[:5] + 1) % 10  # 15 of the 20 are right
    expected = nn.accuracy(outputs, y)
    hints = [(ValueError, "compare the predicted digits np.argmax(outputs, axis=1), shape (n,), with y, shape (n,).")]
    got = as_array(call(func, "accuracy", outputs, y, hints=hints), "accuracy")
    if got.shape != ():
        fail(f"accuracy on 20 samples returned an array of shape {got.shape}; expected one number.\n"
             "Hint: the mean of the comparison, np.mean(predictions == y), is one number.")
    if np.isclose(float(got), 15):
        fail("accuracy on 20 samples (15 right) returned 15, the number right; expected the fraction 0.75.")
    compare(got, expected, "accuracy", "20 samples (15 right)", sizes=[(20, "the number of samples")],
            mistakes=[(100 * expected, "a percentage; return the fraction right, between 0 and 1."),
                      (1 - expected, "the fraction of wrong answers; return the fraction right.")],
            hint="the prediction for each row is np.argmax(outputs, axis=1) (axis=1: across the 10 outputs).")
    passed("accuracy is right.")
