"""Checks for notebook 07 (going further)."""
import numpy as np

from .. import modern
from ._core import as_array, call, call_warning_free, compare, fail, passed


def softmax(func):
    """Check ``softmax(Z)``: each row becomes probabilities that add up to 1; no overflow."""
    Z = np.array([[1.0, 2.0, 3.0], [0.5, 0.0, -1.0], [-1.0, 5.0, 2.0]])
    E = np.exp(Z)
    mistakes = [(E / E.sum(axis=0, keepdims=True), "it normalises each column; each row (one sample) must add up to 1: "
                                                   "sum with axis=1, keepdims=True."),
                (Z / Z.sum(axis=1, keepdims=True), "np.exp is missing: softmax is e^z_j / sum_i e^z_i."),
                (E / E.sum(), "it divides by the sum over the whole batch; divide each row by its own sum.")]
    compare(call(func, "softmax", Z), modern.softmax(Z), "softmax", "a batch of 3 rows", mistakes=mistakes,
            hint="e^z_j / sum_i e^z_i, row by row: np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True).")
    big = np.array([[1000.0, 0.0, -1000.0]])
    got = call_warning_free(func, "softmax", big, hint="e^1000 overflows. Softmax does not change if you subtract "
                            "the same number from a whole row, so subtract the row's max first: "
                            "Z - Z.max(axis=1, keepdims=True).")
    compare(got, [[1.0, 0.0, 0.0]], "softmax", "z = [[1000, 0, -1000]]")
    passed("softmax is right: rows of probabilities, and no overflow.")


def cross_entropy(func):
    """Check ``cross_entropy(outputs, Y)`` = -mean over the batch of sum_j y_j log o_j."""
    outputs = np.array([[0.7, 0.2, 0.1], [0.1, 0.1, 0.8], [0.3, 0.4, 0.3], [0.25, 0.5, 0.25]])
    Y = np.eye(3)[[0, 2, 0, 1]]
    expected = modern.cross_entropy(outputs, Y)
    log = np.log(outputs)
    mistakes = [(-expected, "the minus sign is missing: log of a probability is negative, the cost must be positive."),
                (-np.sum(Y * log), "it sums over the batch instead of taking the mean: divide by len(Y)."),
                (-np.mean(Y * log), "it divides by every number (4 x 3), not by the number of samples (4)."),
                (-np.sum(log) / 4, "it takes the log of every output; only the output of the right digit counts: "
                                   "multiply by Y first.")]
    got = call(func, "cross_entropy", outputs, Y)
    if as_array(got, "cross_entropy").shape != ():
        fail(f"cross_entropy on 4 samples returned shape {np.shape(got)}; expected one number (the mean over the batch).")
    compare(got, expected, "cross_entropy", "4 samples with 3 outputs", mistakes=mistakes,
            sizes=[(4, "the number of samples"), (3, "the number of outputs")])
    passed("cross_entropy is right.")


def scaled_weights(func):
    """Check ``scaled_weights(n_in, n_out, rng)``: N(0, 1/n_in) weights of shape (n_in, n_out)."""
    got = as_array(call(func, "scaled_weights", 400, 300, np.random.default_rng(0)), "scaled_weights")
    if got.shape != (400, 300):
        fail(f"scaled_weights(400, 300, rng) returned shape {got.shape}, expected (400, 300): "
             "one row per input, one column per node, like every W here.")
    if abs(got.mean()) > 0.01:
        fail(f"scaled_weights(400, 300, rng): the mean is {got.mean():.3f}; expected about 0. "
             "Use rng.standard_normal, which is centred on 0.")
    named = [(1.0, "they are not scaled at all."), (1 / 400, "they are divided by n_in, not by its square root."),
             (1 / np.sqrt(300), "they are scaled by n_out; scale by the number of inputs, n_in.")]
    compare(got.std(), 1 / np.sqrt(400), "scaled_weights' spread (the standard deviation of the weights)",
            "n_in = 400, n_out = 300", rtol=0.1, atol=0,
            mistakes=named, hint="rng.standard_normal((n_in, n_out)) / np.sqrt(n_in).")
    passed("scaled_weights draws weights of the right shape and spread, 1 / sqrt(n_in).")


def relu(relu_func, relu_prime_func):
    """Check ``relu(Z)`` = max(0, z) and ``relu_prime(Z)`` = 1 where z > 0, else 0."""
    Z = np.array([[-2.0, -0.5, 0.5, 3.0], [1.0, -1.0, 2.0, -3.0]])
    compare(call(relu_func, "relu", Z), np.maximum(Z, 0), "relu", "a 2x4 array",
            hint="np.maximum(Z, 0) compares elementwise; np.max(Z, 0) would take the largest along an axis.",
            mistakes=[(np.abs(Z), "it is the absolute value: negative z must give 0.")])
    compare(call(relu_prime_func, "relu_prime", Z), (Z > 0).astype(float), "relu_prime", "a 2x4 array",
            hint="the slope of max(0, z) is 1 where z > 0 and 0 elsewhere: (Z > 0).astype(Z.dtype).",
            mistakes=[(np.maximum(Z, 0), "it is relu itself, not its slope."),
                      ((Z < 0).astype(float), "it is 1 where z < 0: the slope is 1 where z > 0.")])
    passed("relu and relu_prime are right.")


def momentum_step(func):
    """Check ``momentum_step(p, v, g, eta, mu)`` -> (new p, new v): v = mu v - eta g; p = p + v."""
    rng = np.random.default_rng(7)
    p, v, g = rng.standard_normal((3, 4)), rng.standard_normal((3, 4)), rng.standard_normal((3, 4))
    eta, mu = 0.1, 0.9
    got = call(func, "momentum_step", p.copy(), v.copy(), g, eta, mu)
    if not isinstance(got, tuple) or len(got) != 2:
        fail(f"momentum_step returned {type(got).__name__}; expected two arrays: `return p, v`.")
    v_new = mu * v - eta * g
    compare(got[1], v_new, "momentum_step's new v", "eta = 0.1, mu = 0.9",
            mistakes=[(v - eta * g, "the old velocity is not multiplied by mu."),
                      (mu * v + eta * g, "the gradient is added: the velocity moves against it, v = mu v - eta g."),
                      (-eta * g, "the old velocity is forgotten: v = mu v - eta g.")])
    got_p = as_array(got[0], "momentum_step's new p")
    if got_p.shape != p.shape:
        compare(got_p, p + v_new, "momentum_step's new p", "eta = 0.1, mu = 0.9")
    compare(got_p - p, v_new, "momentum_step's step for p (new p minus p)", "eta = 0.1, mu = 0.9",
            mistakes=[(v, "p moves by the old velocity; update v first, then p = p + v."),
                      (-eta * g, "p takes a plain gradient step; with momentum it moves by v.")])
    passed("momentum_step is right.")


def l2_gradient(func):
    """Check ``l2_gradient(nabla_W, W, lam)``: the gradient of the cost plus lam/2 * sum(W^2)."""
    rng = np.random.default_rng(8)
    nabla_W, W, lam = rng.standard_normal((4, 3)), rng.standard_normal((4, 3)), 0.01
    compare(call(func, "l2_gradient", nabla_W, W, lam), nabla_W + lam * W, "l2_gradient", "lam = 0.01",
            mistakes=[(nabla_W + lam * W / 2, "the 1/2 in lam/2 * sum(W^2) cancels the 2 of the derivative: add lam * W."),
                      (nabla_W - lam * W, "the sign is wrong: the penalty grows with W, so its gradient is + lam * W."),
                      (nabla_W + 2 * lam * W, "the derivative of lam/2 * W^2 is lam * W, not 2 lam W."),
                      (nabla_W + lam, "it adds lam; the gradient of the penalty is lam * W.")])
    passed("l2_gradient is right.")
