"""Checks for notebook 03 (backpropagation)."""
import numpy as np

from .. import nn
from ..network import Network
from ._core import as_array, call, call_warning_free, compare, fail, fmt, passed


def cost(func):
    """Check ``cost(outputs, Y)``: the mean over the batch of sum_j 1/2 (o_j - y_j)^2."""
    rng = np.random.default_rng(4)
    outputs = rng.random((4, 10))
    Y = nn.one_hot(np.array([3, 0, 9, 3]))
    expected = nn.cost(outputs, Y)
    squares = (outputs - Y) ** 2
    mistakes = [(np.sum(squares) / 4, "the 1/2 is missing: e = 1/2 (o - y)^2."),
                (0.5 * np.sum(squares), "it is the sum over the batch, not the mean: divide by the number of samples."),
                (0.5 * np.mean(squares), "it divides by every number (4 x 10), not by the number of samples (4): "
                                         "sum over the 10 outputs, average over the samples."),
                (0.5 * np.sum(np.abs(outputs - Y)) / 4, "the difference is not squared.")]
    got = call(func, "cost", outputs, Y)
    if as_array(got, "cost").shape != ():
        fail(f"cost on 4 samples returned shape {np.shape(got)}; expected one number.\n"
             "Hint: sum over the outputs and average over the samples, e.g. np.sum(...) / len(Y).")
    compare(got, expected, "cost", "4 samples with 10 outputs each", mistakes=mistakes,
            sizes=[(4, "the number of samples"), (10, "the number of outputs")])
    passed("cost is right.")


def sigmoid_prime(func):
    """Check ``sigmoid_prime(z)`` = S(z) (1 - S(z))."""
    z = np.array([-2.0, -1.0, 0.0, 1.0, 2.0])
    s = 1 / (1 + np.exp(-z))
    mistakes = [(z * (1 - z), "it is applied to z itself: compute s = sigmoid(z) first, then s * (1 - s)."),
                (s * (1 + s), "it has (1 + S) where the formula has (1 - S)."),
                (s, "it is the sigmoid, not its derivative S(z) (1 - S(z))."),
                (1 - s, "it is 1 - S(z); the derivative is S(z) (1 - S(z)).")]
    compare(call(func, "sigmoid_prime", z), s * (1 - s), "sigmoid_prime", f"z = {fmt(z)}", mistakes=mistakes,
            related=[(nn.sigmoid_prime(s), "the right answer for sigmoid(z) instead of z: the sigmoid is applied "
                      "twice; sigmoid_prime takes z, and applies the sigmoid once.")])
    hint = "use your sigmoid (which clips z) rather than np.exp directly."
    big = np.array([-1000.0, 1000.0])
    compare(call_warning_free(func, "sigmoid_prime", big, hint=hint), [0.0, 0.0], "sigmoid_prime",
            "z = [-1000, 1000]", hint=hint)
    passed("sigmoid_prime is right.")


def _variant(X, Y, weights, biases, output_prime=True, hidden_prime=True, mean=True):
    """Backprop as the reference (helpers.Network) does it, or with one typical mistake switched on."""
    net = Network.from_parameters(weights, biases)
    if not output_prime:  # the output error without S'(z)
        net.output_error = lambda z, a, Y: (a - Y) / len(Y)
    if not hidden_prime:  # the error sent back without S'(z)
        net.activation_prime = lambda z, a: 1
    nabla_w, nabla_b, _ = net.backprop(X, Y)
    n = 1 if mean else len(X)  # summed over the batch: n times the mean
    return [n * w for w in nabla_w], [n * b for b in nabla_b]


MISTAKES = [
    (dict(output_prime=False), "sigmoid_prime(z) is missing from the output error: delta = (a - Y) * sigmoid_prime(z)."),
    (dict(hidden_prime=False), "sigmoid_prime(z) is missing when the error goes back a layer: "
                               "delta = (delta @ W.T) * sigmoid_prime(z)."),
    (dict(output_prime=False, hidden_prime=False), "sigmoid_prime(z) is missing everywhere."),
    (dict(mean=False), "the gradients are summed over the batch, not averaged: divide by the number of samples."),
]


def backprop(func):
    """Check ``backprop(X, Y, weights, biases)`` -> (nabla_w, nabla_b) against the reference."""
    rng = np.random.default_rng(5)
    for sizes, n in (([3, 4, 2], 5), ([4, 5, 3, 2], 6)):
        weights, biases = nn.random_network(sizes, rng)
        X = rng.standard_normal((n, sizes[0]))
        Y = nn.one_hot(rng.integers(0, sizes[-1], n), sizes[-1])
        tried = f"a network with layer sizes {sizes} and a batch of {n}"
        saved = [p.copy() for p in weights + biases]
        got = call(func, "backprop", X, Y, weights, biases,
                   hints=[(ValueError, "check each shape: delta is (n, n_out), a layer's input a is (n, n_in); "
                                       "nabla_w = a.T @ delta and the error goes back with delta @ W.T.")])
        if any(not np.array_equal(p, q) for p, q in zip(saved, weights + biases)):
            fail(f"backprop on {tried} changed the weights or biases it was given; it should only compute gradients.")
        if not isinstance(got, (tuple, list)) or len(got) != 2:
            fail(f"backprop on {tried} returned {type(got).__name__}; expected two lists, "
                 "`return nabla_w, nabla_b`.")
        expected = nn.backprop(X, Y, weights, biases)
        variants = [(_variant(X, Y, weights, biases, **switches), what) for switches, what in MISTAKES]
        for part, (name, parameters) in enumerate([("nabla_w", "weights"), ("nabla_b", "biases")]):
            got_list, expected_list = got[part], expected[part]
            if not isinstance(got_list, (tuple, list)) or len(got_list) != len(expected_list):
                of = f" of {len(got_list)}" if isinstance(got_list, (tuple, list)) else ""
                fail(f"backprop on {tried}: {name} should be a list of {len(expected_list)} arrays, one per layer; "
                     f"got {type(got_list).__name__}{of}.")
            for l, (g, e) in enumerate(zip(got_list, expected_list)):
                g = as_array(g, f"{name}[{l}]")
                if g.shape == e.shape[::-1] and e.ndim == 2 and e.shape[0] != e.shape[1]:  # only weights are 2-D
                    fail(f"backprop on {tried}: {name}[{l}] has shape {g.shape}, expected {e.shape} "
                         "(the shape of the layer's weights).\n"
                         "Hint: the transpose is on the other side: nabla_w = a.T @ delta, with a of shape (n, n_in).")
                if parameters == "biases" and g.shape == (n, e.shape[0]):
                    fail(f"backprop on {tried}: {name}[{l}] has shape {g.shape}, expected {e.shape}.\n"
                         "Hint: sum delta over the samples, delta.sum(axis=0), then divide by their number.")
                others = [(o, f"what belongs in {name}[{k}]: the list is in the wrong order; {name}[l] goes with "
                              f"{parameters}[l] (appending while going backwards fills it back to front).")
                          for k, o in enumerate(expected_list) if k != l]
                compare(g, e, f"backprop's {name}[{l}]", tried,
                        hint="follow the steps above one by one, and check the shape of every array.",
                        mistakes=[(v[part][l], what) for v, what in variants], rtol=1e-6, atol=1e-9,
                        sizes=[(n, "the number of samples")], related=others)
    passed("backprop's gradients are right, for every layer, for networks of 2 and 3 layers.")
