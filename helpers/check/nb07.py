"""Checks for notebook 07 (going further)."""
import warnings

import numpy as np

from .. import modern
from ._core import as_array, call, call_warning_free, compare, fail, passed, rng_properties


def softmax(func):
    """Check ``softmax(Z)``: each row becomes probabilities that add up to 1; no overflow."""
    Z = np.array([[1.0, 2.0, 3.0], [0.5, 0.0, -1.0], [-1.0, 5.0, 2.0]])
    E = np.exp(Z)
    mistakes = [(E / E.sum(axis=0, keepdims=True), "it normalises each column; each row (one sample) must add up to 1: "
                                                   "sum with axis=1, keepdims=True.", "axis"),
                (np.exp(Z - Z.max(axis=1, keepdims=True)) / np.exp(Z - Z.max(axis=1, keepdims=True)).sum(axis=0),
                 "it normalises each column; each row (one sample) must add up to 1: sum with axis=1, keepdims=True.",
                 "axis"),
                (E / E.sum(axis=0), "it normalises each column; each row (one sample) must add up to 1: "
                                    "sum with axis=1, keepdims=True.", "axis"),
                (E / E.sum(axis=1), "the row sums have shape (n,) without keepdims=True, so they divide the columns: "
                                    "E.sum(axis=1, keepdims=True) has shape (n, 1) and divides each row.", "keepdims"),
                (np.exp(Z - Z.max(axis=1, keepdims=True)) / np.exp(Z - Z.max(axis=1, keepdims=True)).sum(axis=1),
                 "the row sums have shape (n,) without keepdims=True, so they divide the columns: "
                 "E.sum(axis=1, keepdims=True) has shape (n, 1) and divides each row.", "keepdims"),
                (np.exp(Z - Z.max(axis=0)) / np.exp(Z - Z.max(axis=0)).sum(axis=1, keepdims=True),
                 "it subtracts each column's max; subtract each row's own max, Z.max(axis=1, keepdims=True) "
                 "(a row's softmax does not change when one number is taken from the whole row).", "axis"),
                (Z / Z.sum(axis=1, keepdims=True), "np.exp is missing: softmax is e^z_j / sum_i e^z_i.", "formula"),
                (E / E.sum(), "it divides by the sum over the whole batch; divide each row by its own sum.", "axis")]
    compare(call(func, "softmax", Z), modern.softmax(Z), "softmax", "a batch of 3 rows", mistakes=mistakes,
            hint="e^z_j / sum_i e^z_i, row by row: np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True).")
    big = np.array([[1000.0, 0.0, -1000.0]])
    got = call_warning_free(func, "softmax", big, hint="e^1000 overflows. Softmax does not change if you subtract "
                            "the same number from a whole row, so subtract the row's max first: "
                            "Z - Z.max(axis=1, keepdims=True).")
    compare(got, [[1.0, 0.0, 0.0]], "softmax", "z = [[1000, 0, -1000]]")
    scales = np.array([[1000.0, 999.0, 998.0], [1.0, 0.0, -1.0]])  # rows far apart: each needs its own max
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = as_array(call(func, "softmax", scales), "softmax")
    if got.shape != scales.shape or not np.allclose(got, modern.softmax(scales), atol=1e-6):
        fail("softmax on z = [[1000, 999, 998], [1, 0, -1]] (rows of very different sizes) is wrong in the second row: "
             "it subtracts the largest z of the whole batch; subtract each row's own max, "
             "Z.max(axis=1, keepdims=True), so that every row keeps numbers e^z can hold.", cause="global-max")
    passed("softmax is right: rows of probabilities, and no overflow.")


def cross_entropy(func):
    """Check ``cross_entropy(outputs, Y)`` = -mean over the batch of sum_j y_j log o_j."""
    outputs = np.array([[0.7, 0.2, 0.1], [0.1, 0.1, 0.8], [0.3, 0.4, 0.3], [0.25, 0.5, 0.25]])
    Y = np.eye(3)[[0, 2, 0, 1]]
    expected = modern.cross_entropy(outputs, Y)
    log = np.log(outputs)
    mistakes = [(-expected, "the minus sign is missing: log of a probability is negative, the cost must be positive.",
                 "sign"),
                (-np.sum(Y * log), "it sums over the batch instead of taking the mean: divide by len(Y).", "scale:n"),
                (-np.mean(Y * log), "it divides by every number (4 x 3), not by the number of samples (4).", "mean-all"),
                (expected / np.log(10), "it uses log10; ln o_j is the natural logarithm, np.log.", "log10"),
                (-np.sum(log) / 4, "it takes the log of every output; only the output of the right digit counts: "
                                   "multiply by Y first.", "formula")]
    got = call(func, "cross_entropy", outputs, Y)
    if np.shape(got) == () and float(got) == 0:  # 0.8 rounded down? Try an answer above 1, ln 4 = 1.39
        compare(call(func, "cross_entropy", np.full((2, 4), 0.25), np.eye(4)[[1, 2]]), np.log(4), "cross_entropy",
                "2 samples with 4 outputs of 0.25 each")
    if as_array(got, "cross_entropy").shape != ():
        fail(f"cross_entropy on 4 samples returned shape {np.shape(got)}; expected one number (the mean over the batch).")
    compare(got, expected, "cross_entropy", "4 samples with 3 outputs", mistakes=mistakes,
            sizes=[(4, "the number of samples"), (3, "the number of outputs")])
    passed("cross_entropy is right.")


def scaled_weights(func):
    """Check ``scaled_weights(n_in, n_out, rng)``: N(0, 1/n_in) weights of shape (n_in, n_out)."""
    rng_properties(lambda rng: as_array(call(func, "scaled_weights", 4, 3, rng), "scaled_weights"),
                   "scaled_weights", "n_in = 4, n_out = 3")
    got = as_array(call(func, "scaled_weights", 400, 300, np.random.default_rng(0)), "scaled_weights")
    if got.shape != (400, 300):
        fail(f"scaled_weights(400, 300, rng) returned shape {got.shape}, expected (400, 300): "
             "one row per input, one column per node, like every W here.", cause="transpose" if got.shape == (300, 400)
             else "shape")
    if abs(got.mean()) > 5 * got.std() / np.sqrt(got.size):  # 5 standard errors from 0
        fail(f"scaled_weights(400, 300, rng): the mean is {got.mean():.3f}; expected about 0. "
             "Use rng.standard_normal, which is centred on 0.", cause="uniform")
    named = [(1.0, "they are not scaled at all.", "formula"),
             (1 / 400, "they are divided by n_in, not by its square root.", "scale:n"),
             (1 / np.sqrt(300), "they are scaled by n_out; scale by the number of inputs, n_in.", "formula"),
             (np.sqrt(400), "they are multiplied by sqrt(n_in); divide by it.", "scale:n")]
    compare(got.std(), 1 / np.sqrt(400), "scaled_weights' spread (the standard deviation of the weights)",
            "n_in = 400, n_out = 300", rtol=0.1, atol=0,
            mistakes=named, hint="rng.standard_normal((n_in, n_out)) / np.sqrt(n_in).")
    passed("scaled_weights draws weights of the right shape and spread, 1 / sqrt(n_in).")


def relu(relu_func, relu_prime_func):
    """Check ``relu(Z)`` = max(0, z) and ``relu_prime(Z)`` = 1 where z > 0, else 0 (of Z's type)."""
    Z = np.array([[-2.0, -0.5, 0.5, 3.0], [1.0, -1.0, 2.0, -3.0]])
    if np.shape(call(relu_func, "relu", Z)) == (4,):
        fail("relu on a 2x4 array returned shape (4,): np.max(Z, 0) takes the largest of each column; "
             "np.maximum(Z, 0) compares every element with 0.", cause="np-max")
    compare(call(relu_func, "relu", Z), np.maximum(Z, 0), "relu", "a 2x4 array",
            hint="np.maximum(Z, 0) compares elementwise; np.max(Z, 0) would take the largest along an axis.",
            mistakes=[(np.abs(Z), "it is the absolute value: negative z must give 0.", "formula")])
    compare(call(relu_prime_func, "relu_prime", Z), (Z > 0).astype(float), "relu_prime", "a 2x4 array",
            hint="the slope of max(0, z) is 1 where z > 0 and 0 elsewhere: (Z > 0).astype(Z.dtype).",
            mistakes=[(np.maximum(Z, 0), "it is relu itself, not its slope.", "formula"),
                      ((Z < 0).astype(float), "it is 1 where z < 0: the slope is 1 where z > 0.", "sign"),
                      (np.sign(Z), "it is np.sign(Z), which is -1 where z < 0; the slope there is 0.", "formula")])
    zero = np.array([[-1.0, 0.0, 1.0]])
    compare(call(relu_prime_func, "relu_prime", zero), [[0.0, 0.0, 1.0]], "relu_prime", "z = [[-1, 0, 1]]",
            mistakes=[([[0.0, 1.0, 1.0]], "it is 1 at z = 0; the TODO asks for 1 only where z > 0 (> where >= is "
                                          "written?).", "z=0")])
    for dtype in (np.float32, np.float64):
        got = call(relu_prime_func, "relu_prime", Z.astype(dtype))
        kind = getattr(got, "dtype", type(got))
        if kind != dtype:
            what = "True/False (bool)" if kind == bool else str(kind)
            fail(f"relu_prime on a 2x4 array of {np.dtype(dtype).name} returned {what} numbers; the TODO asks for "
                 f"floats of Z's own type ({np.dtype(dtype).name} here), so that a float32 network stays float32 "
                 "(float64 is slower, and mixes types).\nHint: (Z > 0).astype(Z.dtype).", cause="dtype")
    passed("relu and relu_prime are right.")


def momentum_step(func):
    """Check ``momentum_step(p, v, g, eta, mu)`` -> (new p, new v): v = mu v - eta g; p = p + v."""
    rng = np.random.default_rng(7)
    p, v, g = rng.standard_normal((3, 4)), rng.standard_normal((3, 4)), rng.standard_normal((3, 4))
    eta, mu = 0.1, 0.9
    got = call(func, "momentum_step", p.copy(), v.copy(), g, eta, mu, changeable=(0, 1))
    if not isinstance(got, tuple) or len(got) != 2:
        fail(f"momentum_step returned {type(got).__name__}; expected two arrays: `return p, v`.")
    v_new = mu * v - eta * g
    if np.shape(got[0]) == p.shape and np.allclose(got[0], v_new) and np.allclose(got[1], p + v_new):
        fail("momentum_step with eta = 0.1, mu = 0.9 returned (v, p): the order is swapped; return the new p "
             "first, then the new v, `return p, v`.", cause="order")
    compare(got[1], v_new, "momentum_step's new v", "eta = 0.1, mu = 0.9",
            mistakes=[(v - eta * g, "the old velocity is not multiplied by mu.", "formula"),
                      (mu * v + eta * g, "the gradient is added: the velocity moves against it, v = mu v - eta g.",
                       "sign"),
                      (eta * v - mu * g, "eta and mu are swapped: v = mu v - eta g (mu keeps the old velocity, eta "
                                         "scales the gradient).", "swapped"),
                      (-eta * g, "the old velocity is forgotten: v = mu v - eta g.", "formula")])
    got_p = as_array(got[0], "momentum_step's new p")
    if got_p.shape != p.shape:
        compare(got_p, p + v_new, "momentum_step's new p", "eta = 0.1, mu = 0.9")
    compare(got_p - p, v_new, "momentum_step's step for p (new p minus p)", "eta = 0.1, mu = 0.9",
            mistakes=[(v, "p moves by the old velocity; update v first, then p = p + v.", "old-velocity"),
                      (-eta * g, "p takes a plain gradient step; with momentum it moves by v.", "formula")])
    passed("momentum_step is right.")


def l2_gradient(func):
    """Check ``l2_gradient(nabla_W, W, lam)``: the gradient of the cost plus lam/2 * sum(W^2)."""
    rng = np.random.default_rng(8)
    nabla_W, W, lam = rng.standard_normal((4, 3)), rng.standard_normal((4, 3)), 0.01
    compare(call(func, "l2_gradient", nabla_W, W, lam), nabla_W + lam * W, "l2_gradient", "lam = 0.01",
            mistakes=[(nabla_W + lam * W / 2, "the 1/2 in lam/2 * sum(W^2) cancels the 2 of the derivative: add lam * W.",
                       "half"),
                      (nabla_W - lam * W, "the sign is wrong: the penalty grows with W, so its gradient is + lam * W.",
                       "sign"),
                      (nabla_W + 2 * lam * W, "the derivative of lam/2 * W^2 is lam * W, not 2 lam W.", "scale:2"),
                      (nabla_W + lam / 2 * W ** 2, "it adds the penalty itself, lam/2 * W^2; add its gradient, lam * W.",
                       "penalty"),
                      (nabla_W + lam * W / len(W), f"the penalty's gradient is divided by len(W) ({len(W)}): add "
                                                    "lam * W as it is.", "scale:n"),
                      (nabla_W + lam, "it adds lam; the gradient of the penalty is lam * W.", "formula"),
                      (nabla_W + lam * np.sum(W), "it adds lam times the sum of W, one number for every entry; "
                                                  "the gradient of the penalty is lam * W, entry by entry.", "formula")])
    passed("l2_gradient is right.")
