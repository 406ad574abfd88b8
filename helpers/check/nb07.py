"""Checks for notebook 07 (going further)."""
import warnings

import numpy as np

from .. import augment, modern
from ._compare import array_kind, compare
from ._learner import dedent_source
from ._core import CheckFailed, as_array, call, call_warning_free, fail, fmt, passed
from ._props import rng_properties, smallest_failure, stateless, unless_named, with_words, zero_probes


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
    stateless(lambda A: call(func, "softmax", A), "softmax", (Z, "a batch of 3 rows"), (Z[:, ::-1].copy(), "its columns reversed"),
              reference=modern.softmax)
    try:
        compare(call(func, "softmax", Z), modern.softmax(Z), "softmax", "a batch of 3 rows", mistakes=mistakes,
                hint="e^z_j / sum_i e^z_i, row by row, after taking each row's max from it: "
                     "E = np.exp(Z - Z.max(axis=1, keepdims=True)), then E / E.sum(axis=1, keepdims=True).")
    except CheckFailed as error:
        if error.cause is not None:
            raise
        raise _softmax_words(func, Z, error) from None
    for rows, what in ((np.array([[0.5, -1.0, 2.0, 0.0]]), "one row"),
                       (np.random.default_rng(16).normal(0, 3, (7, 5)), "a random batch of 7 rows of 5")):
        compare(call(func, "softmax", rows), modern.softmax(rows), "softmax", what)
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


def _softmax_words(func, Z, error):
    """``error`` with what is known: whether the rows add up to 1, and whether one row alone is right."""
    got = np.asarray(call(func, "softmax", Z), dtype=float)
    words = ""
    if got.shape == Z.shape:
        sums = got.sum(axis=1)
        if not np.allclose(sums, 1):
            words += f"\nIts rows add up to {fmt(sums)}; softmax makes every row add up to 1 (one sample, its probabilities)."
    one = Z[:1]
    alone = np.asarray(call(func, "softmax", one), dtype=float)
    if alone.shape == one.shape and np.allclose(alone, modern.softmax(one)):
        words += ("\nOn the first row alone, shape (1, 3), it is right: with several rows, a max or a sum is not "
                  "taken row by row, or does not line up with its row. One number per row, in shape (n, 1), is what "
                  "divides each row: Z.max(axis=1, keepdims=True).")
    elif alone.shape == one.shape:
        words += (f"\nOn the first row alone it is wrong too: expected {fmt(modern.softmax(one))}, got {fmt(alone)}: "
                  "look at the formula itself, o_j = e^(z_j) / (sum over the row of e^(z_i)).")
    return with_words(error, words)


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
                                   "multiply by Y first.", "formula"),
                (-np.mean(np.log(outputs.max(axis=1))), "it takes each row's largest output, the network's guess; "
                 "the cost looks at the output of the right digit, the one where Y has its 1: multiply by Y.", "formula")]
    got = call(func, "cross_entropy", outputs, Y)
    if np.shape(got) == () and float(got) == 0:  # 0.8 rounded down? Try an answer above 1, ln 4 = 1.39
        compare(call(func, "cross_entropy", np.full((2, 4), 0.25), np.eye(4)[[1, 2]]), np.log(4), "cross_entropy",
                "2 samples with 4 outputs of 0.25 each")
    if as_array(got, "cross_entropy").shape != ():
        fail(f"cross_entropy on 4 samples returned shape {np.shape(got)}; expected one number (the mean over the batch).")
    try:
        compare(got, expected, "cross_entropy", "4 samples with 3 outputs", mistakes=mistakes,
                sizes=[(4, "the number of samples"), (3, "the number of outputs")])
    except CheckFailed as error:
        small = [(np.array([[0.5, 0.25, 0.25]]), np.array([[1.0, 0.0, 0.0]]),
                  "one sample, o = [0.5 0.25 0.25], y = [1 0 0] (expected -ln 0.5 = 0.6931)"),
                 (np.array([[0.5, 0.25, 0.25], [0.2, 0.8, 0.0 + 1e-300]]), np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]),
                  "two samples, o = [[0.5 0.25 0.25] [0.2 0.8 0]], y = [[1 0 0] [0 1 0]] "
                  "(expected -(ln 0.5 + ln 0.8) / 2 = 0.4581)")]
        raise smallest_failure(error, [(what, lambda o=o, T=T, what=what: compare(
            call(func, "cross_entropy", o, T), modern.cross_entropy(o, T), "cross_entropy", what, causes=False))
            for o, T, what in small]) from None
    stateless(lambda a: call(func, "cross_entropy", *a), "cross_entropy", ((outputs, Y), "4 samples"),
              ((outputs[:3], np.eye(3)), "3 other samples"),
              reference=lambda a: modern.cross_entropy(*a))
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
        positive = " and no weight is negative" if np.all(got >= 0) else ""
        if "standard_normal" in dedent_source(func) or "normal(" in dedent_source(func):
            fail(f"scaled_weights(400, 300, rng): the mean is {got.mean():.3f}{positive}; expected about 0. Your "
                 "code draws normal numbers, which are centred on 0: something after the draw moves them "
                 "(np.abs, a square, an added number?).", cause="formula")
        fail(f"scaled_weights(400, 300, rng): the mean is {got.mean():.3f}{positive}; expected about 0. "
             "Use rng.standard_normal, which is centred on 0.", cause="uniform")
    named = [(1.0, "they are not scaled at all.", "formula"),
             (1 / 400, "they are divided by n_in, not by its square root.", "scale:n"),
             (1 / np.sqrt(300), "they are scaled by n_out; scale by the number of inputs, n_in.", "formula"),
             (np.sqrt(400), "they are multiplied by sqrt(n_in); divide by it.", "scale:n")]
    def spread_words():
        spread = got.std()
        fail(f"scaled_weights(400, 300, rng): the spread (standard deviation) of the weights is {spread:.4f} = "
             f"1/sqrt({1 / spread ** 2:.0f}); expected 1/sqrt(n_in) = 1/sqrt(400) = 0.05. What is under your square "
             "root is not n_in alone.", cause="formula")
    unless_named(lambda: compare(got.std(), 1 / np.sqrt(400), "scaled_weights' spread (the standard deviation of the weights)",
            "n_in = 400, n_out = 300", rtol=0.1, atol=0,
            mistakes=named, hint="rng.standard_normal((n_in, n_out)) / np.sqrt(n_in)."), spread_words)
    passed("scaled_weights draws weights of the right shape and spread, 1 / sqrt(n_in).")


def relu(relu_func, relu_prime_func):
    """Check ``relu(Z)`` = max(0, z) and ``relu_prime(Z)`` = 1 where z > 0, else 0 (of Z's type)."""
    Z = np.array([[-2.0, -0.5, 0.5, 3.0], [1.0, -1.0, 2.0, -3.0]])
    for f, name in ((relu_func, "relu"), (relu_prime_func, "relu_prime")):
        stateless(lambda A, f=f, name=name: call(f, name, A), name, (Z, "a 2x4 array"), (Z[::-1].copy(), "its rows swapped"),
                  reference=getattr(modern, name))
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
            why = ("True/False are not numbers to every NumPy operation: a minus between two of them, or before one, "
                   "raises TypeError" if kind == bool else
                   f"{kind} times a float32 array is float64, so a float32 network would turn float64 (slower, and "
                   "twice the memory)" if dtype == np.float32 else
                   f"{kind} holds fewer digits than Z's own float64")
            fail(f"relu_prime on a 2x4 array of {np.dtype(dtype).name} returned {what} numbers; the TODO asks for "
                 f"floats of Z's own type ({np.dtype(dtype).name} here): {why}.\nHint: (Z > 0).astype(Z.dtype).",
                 cause="dtype")
    for dtype in (np.float32, np.float64):
        got = call(relu_func, "relu", Z.astype(dtype))
        kind = getattr(got, "dtype", type(got))
        if np.dtype(kind).itemsize < np.dtype(dtype).itemsize or not np.issubdtype(kind, np.floating):
            fail(f"relu on a 2x4 array of {np.dtype(dtype).name} returned {np.dtype(kind).name} numbers; relu keeps "
                 f"Z's own type: {np.dtype(kind).name} holds fewer digits, so z > 0 comes back changed.",
                 "np.maximum(Z, 0) keeps the type of Z.", cause="dtype")
    passed("relu and relu_prime are right.")


def momentum_step(func):
    """Check ``momentum_step(p, v, g, eta, mu)`` -> (new p, new v): v = mu v - eta g; p = p + v."""
    rng = np.random.default_rng(7)
    p, v, g = rng.standard_normal((3, 4)), rng.standard_normal((3, 4)), rng.standard_normal((3, 4))
    eta, mu = 0.1, 0.9
    other = tuple(rng.standard_normal((3, 4)) for _ in range(3))
    stateless(lambda a: call(func, "momentum_step", a[0].copy(), a[1].copy(), *a[2:], changeable=()),
              "momentum_step", ((p, v, g, eta, mu), "p, v, g of shape (3, 4), eta = 0.1, mu = 0.9"),
              ((*other, 0.5, 0.5), "other p, v, g, eta = mu = 0.5"), reference=lambda a: modern.momentum_step(*a))
    got = call(func, "momentum_step", p.copy(), v.copy(), g, eta, mu)
    if not isinstance(got, tuple) or len(got) != 2:
        fail(f"momentum_step returned {type(got).__name__}; expected two arrays: `return p, v`.")
    v_new = mu * v - eta * g
    if np.shape(got[0]) == p.shape and np.allclose(got[0], v_new) and np.allclose(got[1], p + v_new):
        fail("momentum_step with eta = 0.1, mu = 0.9 returned (v, p): the order is swapped; return the new p "
             "first, then the new v, `return p, v`.", cause="order")
    def probes():
        zero_probes(func, "momentum_step", (p, v, g, eta, mu), ("p", "v", "g", "eta", "mu"), modern.momentum_step,
                    call, changeable=(), meanings={"v": "v = -eta g, then p + v", "g": "v = mu v, then p + v",
                                                       "mu": "v = -eta g, then p + v", "eta": "v = mu v, then p + v",
                                                       "p": "v = mu v - eta g, and p = v"})
    unless_named(lambda: compare(
        got[1], v_new, "momentum_step's new v", "eta = 0.1, mu = 0.9",
        mistakes=[(v - eta * g, "the old velocity is not multiplied by mu.", "formula"),
                  (mu * v + eta * g, "the gradient is added: the velocity moves against it, v = mu v - eta g.",
                   "sign"),
                  (eta * v - mu * g, "eta and mu are swapped: v = mu v - eta g (mu keeps the old velocity, eta "
                                     "scales the gradient).", "swapped"),
                  (-eta * g, "the old velocity is forgotten: v = mu v - eta g.", "formula")]), probes)
    got_p = as_array(got[0], "momentum_step's new p")
    if got_p.shape != p.shape:
        compare(got_p, p + v_new, "momentum_step's new p", "eta = 0.1, mu = 0.9")
    unless_named(lambda: compare(
        got_p - p, v_new, "momentum_step's step for p (new p minus p)", "eta = 0.1, mu = 0.9",
        mistakes=[(v, "p moves by the old velocity; update v first, then p = p + v.", "old-velocity"),
                  (-eta * g, "p takes a plain gradient step; with momentum it moves by v.", "formula")]), probes)
    passed("momentum_step is right.")


def l2_gradient(func):
    """Check ``l2_gradient(nabla_W, W, lam)``: the gradient of the cost plus lam/2 * sum(W^2)."""
    rng = np.random.default_rng(8)
    nabla_W, W, lam = rng.standard_normal((4, 3)), rng.standard_normal((4, 3)), 0.01
    stateless(lambda a: call(func, "l2_gradient", *a), "l2_gradient", ((nabla_W, W, lam), "arrays (4, 3), lam = 0.01"),
              ((rng.standard_normal((4, 3)), rng.standard_normal((4, 3)), 0.5), "other arrays, lam = 0.5"),
              reference=lambda a: modern.l2_gradient(*a))
    got = call(func, "l2_gradient", nabla_W, W, lam)
    unless_named(lambda: compare(got, nabla_W + lam * W, "l2_gradient", "lam = 0.01",
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
                                                  "the gradient of the penalty is lam * W, entry by entry.", "formula")]),
                 lambda: zero_probes(func, "l2_gradient", (nabla_W, W, lam), ("nabla_W", "W", "lam"), modern.l2_gradient,
                                     call, meanings={"nabla_W": "lam * W", "W": "nabla_W as it is",
                                                     "lam": "nabla_W as it is"}))
    passed("l2_gradient is right.")


def thicker(func):
    """Check ``thicker(images)``: each pixel the largest of its 3x3 square, blank beyond the edges. (n, 28, 28)."""
    side = augment.SIDE
    images = np.zeros((3, side, side))
    images[0, 10, 12] = 1.0  # one dot in the middle: a 3x3 square
    images[1, 0, side - 1] = 0.5  # a dot in a corner: a 2x2 square there, and nothing on the opposite edges
    images[2, 5:20, 14] = np.linspace(0.2, 1.0, 15)  # a vertical stroke: three pixels wide
    other = np.zeros((1, side, side))
    other[0, 27, 3] = 0.7  # one image, a dot on the bottom edge
    stateless(lambda a: as_array(call(func, "thicker", *a), "thicker"), "thicker",
              ((images,), "3 images"), ((other,), "1 image"), reference=lambda a: augment.thicker(*a))
    for tried, X in (("1 image of 28x28", other), ("3 images of 28x28", images)):
        got = call(func, "thicker", X)
        array_kind(got, "thicker", tried, expected_ndim=3)
        got = as_array(got, "thicker")
        expected = augment.thicker(X)
        if got.shape != expected.shape:
            fail(f"thicker on {tried} returned shape {got.shape}; expected {expected.shape}, "
                 "the same shape as the images it was given.", cause="shape")
        if not np.allclose(got, expected):
            _thicker_words(got, expected, X)
    passed("thicker is right: the ink one pixel wider all round, and nothing wraps around the edges.")


def _thicker_words(got, expected, images):
    """Fail with the mistake ``thicker`` made on ``images``: added neighbours, wrap-around, 4 neighbours, or where."""
    if got.max() > images.max() + 1e-9:
        fail(f"thicker gives values up to {got.max():.2f}, above the image's largest {images.max():.2f}: it adds "
             "the neighbours; keep the largest of them (np.maximum) instead.", cause="formula")
    wrapped = sum(np.roll(np.roll(images, dr, 1), dc, 2) for dr in (-1, 0, 1) for dc in (-1, 0, 1))
    if np.any((got > 0) & (expected == 0) & (wrapped > 0)):
        fail("a dot at one edge also made ink at the opposite edge: the shift wraps around the edge (np.roll "
             "does). Pixels beyond the edge are blank: pad with zeros first.", cause="wrap")
    plus = augment._neighbours(images.astype(np.float32), [(-1, 0), (1, 0), (0, -1), (0, 1)], np.maximum)
    if np.allclose(got, plus):
        fail("a dot became a plus sign: only the 4 nearest neighbours count. Take the largest of all 8 "
             "neighbours and the pixel itself (the 3x3 square), diagonals too.", cause="neighbours")
    wrong = np.argwhere(~np.isclose(got, expected))[0]
    fail(f"thicker is wrong at image {wrong[0]}, row {wrong[1]}, column {wrong[2]}: expected "
         f"{expected[tuple(wrong)]:.2f}, got {got[tuple(wrong)]:.2f}. Each new pixel is the largest value of the "
         "3x3 square around the old one (itself and its 8 neighbours), 0 beyond the edges.")
