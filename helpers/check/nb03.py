"""Checks for notebook 03 (backpropagation)."""
import warnings

import numpy as np

from .. import nn
from ._compare import compare
from ._core import CheckFailed, as_array, call, fail, fmt, passed
from ._props import elementwise_sizes, first_wrong_number, smallest_failure, stateless, with_words
from .nb02 import POINTS


def cost(func):
    """Check ``cost(outputs, Y)``: the mean over the batch of sum_j 1/2 (o_j - y_j)^2."""
    rng = np.random.default_rng(4)
    outputs = rng.random((4, 10))
    Y = nn.one_hot(np.array([3, 0, 9, 3]))
    expected = nn.cost(outputs, Y)
    squares = (outputs - Y) ** 2
    mistakes = [(np.sum(squares) / 4, "the 1/2 is missing: e = 1/2 (o - y)^2.", "half"),
                (0.5 * np.sum(squares), "it is the sum over the batch, not the mean: divide by the number of samples.",
                 "scale:n"),
                (0.5 * np.mean(squares), "it divides by every number (4 x 10), not by the number of samples (4): "
                                         "sum over the 10 outputs, average over the samples.", "mean-all"),
                (0.5 * np.sum(squares) / 10, "it divides by the number of outputs (10), not by the number of samples "
                                             "(4): sum over the outputs, average over the samples.", "axis"),
                (0.5 * np.sum(np.abs(outputs - Y)) / 4, "the difference is not squared.", "formula"),
                (0.25 * np.sum(squares) / 4, "it is half the right answer: is the 1/2 inside the square ((1/2 (o - y))^2 "
                                             "is 1/4 (o - y)^2), or taken twice? Square the difference first, then "
                                             "take half of it, once: 1/2 (o - y)^2.", "scale:2")]
    got = call(func, "cost", outputs, Y)
    if as_array(got, "cost").shape != ():
        fail(f"cost on 4 samples returned shape {np.shape(got)}; expected one number.\n"
             "Hint: sum over the outputs and average over the samples, e.g. np.sum(...) / len(Y).", cause="shape")
    dropped = [(0.5 * np.sum(squares[rows]) / 4, f"the right answer without the {which} sample: a loop that leaves "
                f"out the {which} row ({loop})?", "off-by-one")
               for rows, which, loop in ((slice(1, None), "first", "range(1, n)"),
                                         (slice(None, -1), "last", "range(n - 1)"))]
    try:
        compare(got, expected, "cost", "4 samples with 10 outputs each", mistakes=mistakes,
                sizes=[(4, "the number of samples"), (10, "the number of outputs")], related=dropped)
    except CheckFailed as error:
        raise smallest_failure(error, _small_costs(func)) from None
    other = rng.random((3, 10))
    stateless(lambda a: call(func, "cost", *a), "cost", ((outputs, Y), "4 samples"),
              ((other, nn.one_hot(np.array([1, 2, 3]))), "3 other samples"),
              reference=lambda a: nn.cost(*a))
    for n in (1, 7):
        o, T = rng.random((n, 10)), nn.one_hot(rng.integers(0, 10, n))
        compare(call(func, "cost", o, T), nn.cost(o, T), "cost", f"{n} sample{'s' if n > 1 else ''}",
                sizes=[(n, "the number of samples"), (10, "the number of outputs")])
    passed("cost is right.")


def _small_costs(func):
    """(what, attempt) for costs small enough to work out by hand, smallest first."""
    cases = [(np.array([[0.5]]), np.array([[0.0]]), "one sample with one output, o = 0.5 and y = 0 "
              "(expected 1/2 (0.5 - 0)^2 = 0.125)"),
             (np.array([[0.5, 0.25]]), np.array([[0.0, 1.0]]), "one sample, o = [0.5 0.25], y = [0 1] "
              "(expected 1/2 (0.5^2 + 0.75^2) = 0.4375)"),
             (np.array([[0.5, 0.25], [1.0, 0.0]]), np.array([[0.0, 1.0], [0.0, 1.0]]), "two samples, "
              "o = [[0.5 0.25] [1 0]], y = [[0 1] [0 1]] (expected (0.4375 + 1) / 2 = 0.71875)")]
    return [(what, lambda o=o, T=T, what=what: compare(call(func, "cost", o, T), nn.cost(o, T), "cost", what,
                                                                    causes=False))
            for o, T, what in cases]


def _sigmoid_prime(func):
    z = np.array([-2.0, -1.0, 0.0, 1.0, 2.0])
    s = 1 / (1 + np.exp(-z))
    mistakes = [(z * (1 - z), "it is applied to z itself: compute s = sigmoid(z) first, then s * (1 - s).",
                 "activation-for-z"),
                (s * (1 + s), "it has (1 + S) where the formula has (1 - S).", "sign"),
                (s * (1 - z), "it has (1 - z) where the formula has (1 - S(z)).", "formula"),
                (s, "it is the sigmoid, not its derivative S(z) (1 - S(z)).", "formula"),
                (1 - s, "it is 1 - S(z); the derivative is S(z) (1 - S(z)).", "formula")]
    compare(call(func, "sigmoid_prime", z), s * (1 - s), "sigmoid_prime", f"z = {fmt(z)}", mistakes=mistakes,
            related=[(nn.sigmoid_prime(s), "the right answer for sigmoid(z) instead of z: the sigmoid is applied "
                      "twice; sigmoid_prime takes z, and applies the sigmoid once.", "activation-for-z")])
    hint = "use your sigmoid (which clips z) rather than np.exp directly."
    big = np.array([-1000.0, 1000.0])
    with np.errstate(all="ignore"), warnings.catch_warnings():  # the TODO asks for the values: a warning on the
        warnings.simplefilter("ignore")                          # way to a right one is not refused
        got = as_array(call(func, "sigmoid_prime", big), "sigmoid_prime")
    if got.shape == big.shape and np.isnan(got).any():
        fail(f"sigmoid_prime on z = [-1000, 1000] returned NaN ({fmt(got)}): e^z overflows for large |z| (to inf, "
             "and inf / inf is NaN).", hint, cause="overflow")
    compare(got, [0.0, 0.0], "sigmoid_prime", "z = [-1000, 1000]", hint=hint)
    elementwise_sizes(func, "sigmoid_prime", nn.sigmoid_prime, seed=14)


def sigmoid_prime(func):
    """Check ``sigmoid_prime(z)`` = S(z) (1 - S(z)); a wrong answer with no named cause is tried number by number."""
    try:
        _sigmoid_prime(func)
    except CheckFailed as error:
        if error.cause is not None:
            raise
        raise with_words(error, first_wrong_number(func, "sigmoid_prime", nn.sigmoid_prime, POINTS, call)) from None
    passed("sigmoid_prime is right.")


def _variant(X, Y, weights, biases, output_prime=True, hidden_prime=True, mean=True, output_of="z",
             hidden_of="z", z_shift=0, w_shift=0, a_shift=0):
    """Backprop with one typical mistake switched on (none: the right answer); None where shapes do not fit.

    output_of / hidden_of = "a": sigmoid_prime of the activation where z is meant; z_shift / w_shift = 1:
    zs[l] where zs[l - 1] is meant, weights[l - 1] where weights[l] is meant.
    """
    L = len(weights)
    activations, zs = [X], []
    for W, b in zip(weights, biases):
        zs.append(activations[-1] @ W + b)
        activations.append(nn.sigmoid(zs[-1]))
    of = {"z": zs, "a": activations[1:]}
    n = len(X) if mean else 1
    try:
        delta = (activations[-1] - Y) * (nn.sigmoid_prime(of[output_of][-1]) if output_prime else 1)
        nabla_w, nabla_b = [None] * L, [None] * L
        for l in range(L - 1, -1, -1):
            nabla_w[l] = activations[l + a_shift].T @ delta / n
            nabla_b[l] = delta.sum(axis=0) / n
            if l > 0:
                delta = (delta @ weights[l - w_shift].T) * (
                    nn.sigmoid_prime(of[hidden_of][l - 1 + z_shift]) if hidden_prime else 1)
    except ValueError:
        return None
    return nabla_w, nabla_b


MISTAKES = [
    (dict(output_prime=False), "sigmoid_prime(z) is missing from the output error: delta = (a - Y) * sigmoid_prime(z).",
     "formula"),
    (dict(hidden_prime=False), "sigmoid_prime(z) is missing when the error goes back a layer: "
                               "delta = (delta @ W.T) * sigmoid_prime(z).", "formula"),
    (dict(output_prime=False, hidden_prime=False), "sigmoid_prime(z) is missing everywhere.", "formula"),
    (dict(mean=False), "the gradients are summed over the batch, not averaged: divide by the number of samples.",
     "scale:n"),
    (dict(output_of="a"), "the output error takes sigmoid_prime of the activation where z is meant: "
                          "sigmoid_prime(zs[-1]), not sigmoid_prime(activations[-1]).", "activation-for-z"),
    (dict(hidden_of="a"), "the error sent back takes sigmoid_prime of an activation where z is meant: "
                          "sigmoid_prime(zs[l - 1]).", "activation-for-z"),
    (dict(output_of="a", hidden_of="a"), "sigmoid_prime is given activations where z is meant: keep the zs of the "
                                         "forward pass and use them.", "activation-for-z"),
    (dict(z_shift=1), "the error sent back to layer l - 1 uses the z of layer l: delta = (delta @ weights[l].T) "
                      "* sigmoid_prime(zs[l - 1]).", "wrong-layer"),
    (dict(a_shift=1), "nabla_w[l] uses the activation that layer l makes, not the one it takes in: "
                      "nabla_w[l] = activations[l].T @ delta, with activations[0] = X.", "wrong-layer"),
    (dict(w_shift=1), "the error sent back to layer l - 1 uses the weights of layer l - 1: delta = "
                      "(delta @ weights[l].T) * sigmoid_prime(zs[l - 1]).", "wrong-layer"),
]


def _square_probe(func, error):
    """After a failure with no named cause, name the mistake on a network whose layers all have 3 nodes."""
    rng = np.random.default_rng(11)
    weights, biases = nn.random_network([3, 3, 3, 3], rng)
    X, Y = rng.standard_normal((4, 3)), nn.one_hot(rng.integers(0, 3, 4), 3)
    try:
        nabla_w, nabla_b = call(func, "backprop", X, Y, weights, biases)
        got = [np.asarray(g, dtype=float) for g in [*nabla_w, *nabla_b]]
    except (CheckFailed, TypeError, ValueError):  # it fails here too: nothing more to learn
        return
    for switches, what, cause in MISTAKES:
        variant = _variant(X, Y, weights, biases, **switches)
        if variant is not None and _same(got, [*variant[0], *variant[1]]):
            known = str(error).split("\nHint:")[0]  # what failed, without the general hint: the cause is known
            fail(f"{known}\nOn a network with layer sizes [3, 3, 3, 3], where every shape fits, it looks like "
                 f"{what}", cause=cause)


def _same(arrays, others):
    """True if the two lists hold arrays of the same shapes and values."""
    return len(arrays) == len(others) and all(a.shape == b.shape and np.allclose(a, b) for a, b in zip(arrays, others))


def backprop(func):
    """Check ``backprop(X, Y, weights, biases)`` -> (nabla_w, nabla_b) against the reference."""
    rng = np.random.default_rng(5)
    for sizes, n in (([3, 4, 2], 5), ([4, 5, 3, 2], 6)):
        weights, biases = nn.random_network(sizes, rng)
        X = rng.standard_normal((n, sizes[0]))
        Y = nn.one_hot(rng.integers(0, sizes[-1], n), sizes[-1])
        tried = f"a network with layer sizes {sizes} and a batch of {n}"
        try:
            got = call(func, "backprop", X, Y, weights, biases,
                       hints=[(ValueError, "check each shape: delta is (n, n_out), a layer's input a is (n, n_in); "
                                           "nabla_w = a.T @ delta and the error goes back with delta @ W.T.")])
        except CheckFailed as error:
            if error.cause is None:
                _square_probe(func, error)
            raise
        if not isinstance(got, (tuple, list)) or len(got) != 2:
            fail(f"backprop on {tried} returned {type(got).__name__}; expected two lists, "
                 "`return nabla_w, nabla_b`.")
        expected = nn.backprop(X, Y, weights, biases)
        zero = nn.backprop(X, Y, weights, [0 * b for b in biases])
        variants = [(_variant(X, Y, weights, biases, **switches), what, cause) for switches, what, cause in MISTAKES]
        for part, (name, parameters) in enumerate([("nabla_w", "weights"), ("nabla_b", "biases")]):
            got_list, expected_list = got[part], expected[part]
            if not isinstance(got_list, (tuple, list)) or len(got_list) != len(expected_list):
                of = f" of {len(got_list)}" if isinstance(got_list, (tuple, list)) else ""
                fail(f"backprop on {tried}: {name} should be a list of {len(expected_list)} arrays, one per layer; "
                     f"got {type(got_list).__name__}{of}.")
            if any(g is None for g in got_list) and got_list[-1] is not None:
                missing = [l for l, g in enumerate(got_list) if g is None]
                fail(f"backprop on {tried}: {name}[{missing[0]}] is still None: the backward loop stopped before "
                     f"layer {missing[0]}. It goes from the last layer down to layer 0 included: "
                     "range(len(weights) - 1, -1, -1).", cause="skipped-layer")
            for l, (g, e) in enumerate(zip(got_list, expected_list)):
                no_bias = [(zero[part][l], "the gradient of a network without biases: the forward pass leaves out "
                            "the biases, z = a @ W + b.", "no-bias")]
                g = as_array(g, f"{name}[{l}]")
                if parameters == "biases" and g.shape == (n,):
                    fail(f"backprop on {tried}: {name}[{l}] has shape {g.shape}, one number per sample; expected "
                         f"{e.shape}, one per node.\nHint: sum delta over the samples, delta.sum(axis=0) "
                         "(axis=0 goes down the rows), then divide by their number.", cause="axis")
                if g.shape == e.shape[::-1] and e.ndim == 2 and e.shape[0] != e.shape[1]:  # only weights are 2-D
                    fail(f"backprop on {tried}: {name}[{l}] has shape {g.shape}, expected {e.shape} "
                         "(the shape of the layer's weights).\n"
                         "Hint: the transpose is on the other side: nabla_w = a.T @ delta, with a of shape (n, n_in).",
                         cause="transpose")
                if parameters == "biases" and g.shape == (n, e.shape[0]):
                    fail(f"backprop on {tried}: {name}[{l}] has shape {g.shape}, expected {e.shape}.\n"
                         "Hint: sum delta over the samples, delta.sum(axis=0), then divide by their number.",
                         cause="axis")
                others = [(o, f"what belongs in {name}[{k}]: the list is in the wrong order; {name}[l] goes with "
                              f"{parameters}[l] (appending while going backwards fills it back to front).", "order")
                          for k, o in enumerate(expected_list) if k != l]
                try:
                    compare(g, e, f"backprop's {name}[{l}]", tried,
                            mistakes=[(v[part][l], what, cause) for v, what, cause in variants if v is not None],
                            rtol=1e-6, atol=1e-9, sizes=[(n, "the number of samples")], related=others + no_bias,
                            more_sizes=[(sizes[-1], "the number of outputs")])
                except CheckFailed as error:
                    if error.cause is None:
                        _square_probe(func, error)
                        raise with_words(error, _parts_words(got, expected), keep_hint=True) from None
                    raise
    rng = np.random.default_rng(15)
    weights, biases = nn.random_network([3, 4, 2], rng)
    cases = [(rng.standard_normal((n, 3)), nn.one_hot(rng.integers(0, 2, n), 2)) for n in (1, 7)]
    stateless(lambda a: call(func, "backprop", *a, weights, biases), "backprop",
              (cases[0], "one sample"), (cases[1], "a batch of 7"),
              reference=lambda a: nn.backprop(*a, weights, biases))
    for (X, Y), what in zip(cases, ("one sample (a batch of 1)", "a batch of 7")):
        got, expected = call(func, "backprop", X, Y, weights, biases), nn.backprop(X, Y, weights, biases)
        for part, name in enumerate(("nabla_w", "nabla_b")):
            for l in range(2):
                compare(got[part][l], expected[part][l], f"backprop's {name}[{l}]",
                        f"a network with layer sizes [3, 4, 2] and {what}", rtol=1e-6, atol=1e-9,
                        sizes=[(len(X), "the number of samples")])
    passed("backprop's gradients are right, for every layer, for networks of 2 and 3 layers.")


def _parts_words(got, expected):
    """'\nOf all the gradients, only nabla_w[0] is wrong...' : which of the arrays differ, which are right."""
    wrong, right = [], []
    for part, name in enumerate(("nabla_w", "nabla_b")):
        for l, e in enumerate(expected[part]):
            try:
                g = np.asarray(got[part][l], dtype=float)
            except (TypeError, ValueError, IndexError):
                return ""
            (right if g.shape == e.shape and np.allclose(g, e, rtol=1e-6, atol=1e-9) else wrong).append(f"{name}[{l}]")
    if not right:
        return "\nEvery one of the gradients is wrong (all layers, weights and biases)."
    return (f"\nOf all the gradients, {'only ' if len(wrong) == 1 else ''}{', '.join(wrong)} "
            f"{'is' if len(wrong) == 1 else 'are'} wrong; {', '.join(right)} {'is' if len(right) == 1 else 'are'} "
            "right: look at what differs for those.")
