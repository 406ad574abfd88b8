"""Checks for notebook 04 (training with mini-batch SGD)."""
import functools
import re
from unittest import mock

import numpy as np

from .. import nn
from ..data import MNIST_DIR, MNIST_FILES, load_idx
from ._compare import compare
from ._core import CheckFailed, as_array, call, fail, passed
from ._learner import inputs_of, source_lines
from ._props import rng_properties, with_words


def update_mini_batch(func):
    """Check ``update_mini_batch(weights, biases, X_batch, Y_batch, eta)``: one step downhill, in place."""
    rng = np.random.default_rng(6)
    weights, biases = nn.random_network([4, 5, 3], rng)
    X = rng.standard_normal((6, 4))
    Y = nn.one_hot(rng.integers(0, 3, 6), 3)
    eta = 0.3
    before = [p.copy() for p in weights + biases]
    X_saved, Y_saved = X.copy(), Y.copy()
    nabla_w, nabla_b = nn.backprop(X, Y, weights, biases)
    returned = call(func, "update_mini_batch", weights, biases, X, Y, eta, changeable=(0, 1))
    tried = "a [4, 5, 3] network, a batch of 6, eta = 0.3"
    if not (np.array_equal(X, X_saved) and np.array_equal(Y, Y_saved)):
        fail(f"update_mini_batch on {tried} changed X_batch or Y_batch; it should only change the parameters.")
    if all(np.array_equal(p, q) for p, q in zip(before, weights + biases)):
        _unchanged(func, tried, returned)
        fail(f"update_mini_batch on {tried}: the weights and biases did not change.\n"
             "Hint: in `for W in weights: W = W - ...` the name W gets a new array and the list keeps the old "
             "one. Change the arrays in place, `W -= eta * nW`, or assign to the list, `weights[l] = ...`.",
             cause="rebinding")
    for k, (p0, p1, g) in enumerate(zip(before, weights + biases, nabla_w + nabla_b)):
        what = f"weights[{k}]" if k < len(weights) else f"biases[{k - len(weights)}]"
        if np.array_equal(p0, p1):
            last = "the last layer's " if k in (len(weights) - 1, len(weights + biases) - 1) else ""
            fail(f"update_mini_batch on {tried}: {what} did not change. Update every weight matrix and "
                 f"every bias vector{' (does the loop stop before the last layer?)' if last else ''}.",
                 cause="skipped-layer" if last and k < len(weights) else "not-updated")
        mistakes = [(eta * g, "the step goes uphill: subtract the gradient, w = w - eta * nabla_w.", "sign"),
                    (-g, "the step is not multiplied by the learning rate eta.", "formula")]
        mistakes += [(-eta * moved[k], "the step of a gradient computed again after other parameters had already "
                      "moved: compute nabla_w and nabla_b once, with backprop, before changing anything.", "moved")
                     for moved in _moved_gradients(before, X, Y, eta, len(weights))]
        p1 = as_array(p1, f"update_mini_batch's new {what}")
        if p1.shape != p0.shape:
            compare(p1, p0 - eta * g, f"update_mini_batch's new {what}", tried)
        try:
            compare(p1 - p0, -eta * g, f"update_mini_batch's step for {what} (new value minus old)", tried,
                    mistakes=mistakes, sizes=[(len(X), "the number of samples in the batch")],
                    hint="each parameter moves by -eta times its gradient from backprop.")
        except CheckFailed as error:
            if error.cause is not None:
                raise
            steps = [(q - p, -eta * h) for p, q, h in zip(before, weights + biases, nabla_w + nabla_b)]
            raise with_words(error, _steps_words(steps, len(weights)), keep_hint=True) from None
    passed("update_mini_batch takes the right step downhill, for every weight and bias.")


def _unchanged(func, tried, returned):
    """Fail with what the learner's code did, when no parameter changed: new lists returned, or copies changed."""
    if returned is not None:
        fail(f"update_mini_batch on {tried} returned {type(returned).__name__}, and the weights and biases in the "
             "lists it was given did not change: the TODO changes those arrays themselves (nothing to return), "
             "because the caller keeps using its own lists.", "change each array where it is, `W -= ...`, or put "
             "the new array into the caller's list, `weights[l] = ...`.", cause="rebinding")
    lines, first = source_lines(func)
    for k, line in enumerate(lines):
        if re.match(r"\s*(weights|biases)\s*=[^=]", line):
            name = line.split("=")[0].strip()
            fail(f"update_mini_batch on {tried}: the weights and biases did not change. Your line {first + k}, "
                 f"`{line.strip()}`, makes a new list and gives it the name {name}; the caller's list is another "
                 f"object, and keeps its old arrays.", f"put the new arrays into the caller's list, `{name}[:] = ...` "
                 f"or `{name}[l] = ...`, or change each array in place, `W -= ...`.", cause="rebinding")
    for k, line in enumerate(lines):
        if re.search(r"(-=|\[[^\]]*\]\s*=[^=]|out\s*=)", line) and not line.strip().startswith("#"):
            fail(f"update_mini_batch on {tried}: the weights and biases did not change. Your line {first + k}, "
                 f"`{line.strip()}`, changes an array in place, which is right, but not one of the arrays in the "
                 "lists it was given: a copy (np.array(w), w.copy(), a new list...) is changed, and the caller's "
                 "arrays stay as they were." + inputs_of(lines, first, line.strip(), func), cause="rebinding")


def _moved_gradients(before, X, Y, eta, L):
    """Gradients (all parameters, flat) computed after some parameters already moved: the weights first, or
    the layers before."""
    weights, biases = [p.copy() for p in before[:L]], [p.copy() for p in before[L:]]
    nabla_w, nabla_b = nn.backprop(X, Y, weights, biases)
    moved_weights = [W - eta * g for W, g in zip(weights, nabla_w)]
    after_weights = nn.backprop(X, Y, moved_weights, biases)
    layer_by_layer, w, b = [], list(weights), list(biases)
    for l in range(L):
        gw, gb = nn.backprop(X, Y, w, b)
        layer_by_layer.append((gw[l], gb[l]))
        w[l], b[l] = w[l] - eta * gw[l], b[l] - eta * gb[l]
    return [list(nabla_w) + list(after_weights[1]),
            [g for g, _ in layer_by_layer] + [g for _, g in layer_by_layer]]


def _steps_words(steps, n_weights):
    """'\nOf all the steps, only ... is wrong; ... are right' for the parameters' steps (got, expected)."""
    names = [f"weights[{k}]" if k < n_weights else f"biases[{k - n_weights}]" for k in range(len(steps))]
    wrong = [n for n, (g, e) in zip(names, steps) if g.shape != e.shape or not np.allclose(g, e, rtol=1e-5, atol=1e-6)]
    right = [n for n in names if n not in wrong]
    if not right:
        return "\nEvery weight and bias takes a wrong step."
    return (f"\nOf all the steps, {'only ' if len(wrong) == 1 else ''}{', '.join(wrong)} {'is' if len(wrong) == 1 else 'are'} "
            f"wrong; {', '.join(right)} {'is' if len(right) == 1 else 'are'} right: what differs for those?")


@functools.lru_cache(maxsize=1)
def _sorted_pixels(n):
    """The first n training images as read (uint8, 0.8 MB for 1000), sorted by label, and their labels."""
    images = load_idx(MNIST_DIR / MNIST_FILES["train_images"])[:n].reshape(n, -1)
    labels = load_idx(MNIST_DIR / MNIST_FILES["train_labels"])[:n].astype(np.int64)
    order = np.argsort(labels, kind="stable")
    return images[order], labels[order]


def _sorted_digits(n=1000):
    """The first n training images, sorted by label, and their labels (float64 X, a new array each call).

    The files are read once per kernel and kept as bytes, not as the 8 times larger float64.
    """
    images, labels = _sorted_pixels(n)
    return images / 255.0, labels.copy()


def _record(func, module_globals, X, y, epochs, batch_size, rng):
    """Run the learner's sgd with update_mini_batch replaced by a recorder that does not train.

    Returns the fingerprints of the images of every mini-batch, and the Y_batch of every one.
    """
    fingerprint_of = np.random.default_rng(0).standard_normal(X.shape[1])
    seen, labels = [], []

    def recorder(*args, **kwargs):
        X_batch = args[2] if len(args) > 2 else kwargs.get("X_batch")
        Y_batch = args[3] if len(args) > 3 else kwargs.get("Y_batch")
        seen.append(np.asarray(X_batch) @ fingerprint_of)
        labels.append(np.copy(Y_batch) if isinstance(Y_batch, np.ndarray) else Y_batch)

    weights, biases = nn.random_network([X.shape[1], 3, 10], np.random.default_rng(3))
    with mock.patch.dict(module_globals, {"update_mini_batch": recorder}):
        call(func, "sgd", weights, biases, X, y, epochs, batch_size, 3.0, rng, changeable=(0, 1))
    return seen, labels, X @ fingerprint_of


def _check_batches(func, module_globals, X, y, epochs, batch_size):
    """The mini-batches of sgd on X: how many, which images, shuffled how, with which labels."""
    tried = f"{len(X)} images, epochs={epochs}, batch_size={batch_size} (its last mini-batch is smaller)"
    seen, labels, fingerprints = _record(func, module_globals, X, y, epochs, batch_size, np.random.default_rng(0))
    if not seen:
        fail(f"sgd on {tried} never called update_mini_batch. Call it once for every mini-batch.")
    per_epoch = -(-len(X) // batch_size)
    sizes = sorted({len(s) for s in seen})
    if len(seen) == epochs * (len(X) // batch_size) and sizes == [batch_size]:
        fail(f"sgd on {tried} took {len(seen) // epochs} mini-batches per epoch, all of {batch_size}; expected "
             f"{per_epoch}: the last, smaller mini-batch ({len(X) % batch_size} images) is left out, so those "
             "images are never used.\nHint: loop over the starts range(0, len(X), batch_size); the last slice "
             "order[start:start + batch_size] is simply shorter.", cause="last-batch-dropped")
    if len(seen) != epochs * per_epoch:
        whole = (f" That is {len(seen) // per_epoch} epoch{'s' if len(seen) // per_epoch != 1 else ''} of "
                 f"{per_epoch}: does the epoch loop run `epochs` times?"
                 if len(seen) % per_epoch == 0 and len(seen) < epochs * per_epoch else "")
        fail(f"sgd on {tried} took {len(seen)} steps (mini-batches of size {sizes}); expected {epochs * per_epoch}: "
             f"{epochs} epochs of {per_epoch} mini-batches.{whole}\n"
             "Hint: for every epoch, loop over the starts range(0, len(X), batch_size).")
    asked = [batch_size] * (len(X) // batch_size) + ([len(X) % batch_size] if len(X) % batch_size else [])
    for e in range(epochs):
        made = [len(s) for s in seen[e * per_epoch:(e + 1) * per_epoch]]
        if made != asked:
            fail(f"sgd on {tried}: epoch {e + 1} used mini-batches of sizes {made}; expected {asked}: every "
                 f"mini-batch holds batch_size = {batch_size} images, and the last one the rest.",
                 "the mini-batch that starts at `start` is order[start:start + batch_size].", cause="shape")
    epochs_seen = [np.concatenate(seen[e * per_epoch:(e + 1) * per_epoch]) for e in range(epochs)]
    for e, order in enumerate(epochs_seen, start=1):
        if len(order) != len(X) or not np.allclose(np.sort(order), np.sort(fingerprints)):
            fail(f"sgd on {tried}: epoch {e} did not use every image exactly once.\n"
                 "Hint: take consecutive slices of one shuffled order: batch = order[start:start + batch_size].")
    if np.allclose(epochs_seen[0], fingerprints):
        fail(f"sgd on {tried}: the images were not shuffled; epoch 1 went through them in their stored order "
             "(here sorted by label, so the network first sees only zeros, then only ones...).\n"
             "Hint: order = rng.permutation(len(X)) at the start of every epoch.", cause="not-shuffled")
    rng_properties(lambda rng: np.concatenate(_record(func, module_globals, X, y, epochs, batch_size, rng)[0]),
                   "sgd", tried)
    if np.allclose(epochs_seen[0], epochs_seen[1]):
        fail(f"sgd on {tried}: every epoch used the same order. Shuffle again at the start of every epoch.",
             cause="same-order")
    if np.allclose(epochs_seen[0][::-1], epochs_seen[1]):
        fail(f"sgd on {tried}: epoch 2 went through the images in the reverse order of epoch 1, so the order of "
             "every epoch follows from the first. Draw a new random order at the start of every epoch, "
             "rng.permutation(len(X)).", cause="same-order")
    rows = np.abs(seen[0][:, None] - fingerprints[None, :]).argmin(axis=1)  # the images of batch 1
    compare(labels[0], nn.one_hot(y[rows], 10), "sgd's first Y_batch (the labels it gave update_mini_batch)", tried,
            mistakes=[(y[rows], "the digits themselves; update_mini_batch needs them one-hot: "
                                "Y = one_hot(y), then Y[batch].", "not-one-hot")],
            related=[(nn.one_hot(y[:len(rows)], 10), f"the labels of the first {len(rows)} images in their stored "
                      "order, not of the images in this mini-batch: the images were shuffled but the labels were "
                      "not. Take X[batch] and Y[batch] with the same indices.", "labels-unshuffled")],
            hint="update_mini_batch needs the one-hot labels of the same images: Y = one_hot(y), "
                 "then X[batch] and Y[batch] with the same indices.")


def sgd(func):
    """Check ``sgd(weights, biases, X, y, epochs, batch_size, eta, rng)``.

    The learner's ``update_mini_batch`` is first replaced by a recorder, to see how many
    mini-batches there are, which images each epoch uses and how the rng is used; then sgd
    trains a network for real, with the learner's update_mini_batch.
    """
    X, y = _sorted_digits()
    module_globals = getattr(func, "__globals__", {})
    learner_update = module_globals.get("update_mini_batch")
    if learner_update is None:
        fail("sgd should call your update_mini_batch for every mini-batch; run the cell that defines it first.")
    _check_batches(func, module_globals, X[::20], y[::20], 2, 15)  # 50 images: 3 batches of 15, then 5
    weights, biases = nn.random_network([784, 30, 10], np.random.default_rng(3))
    epochs, batch_size, eta = 3, 10, 3.0
    tried = f"1,000 training images, epochs={epochs}, batch_size={batch_size}, eta={eta}"
    call(func, "sgd", weights, biases, X, y, epochs, batch_size, eta, np.random.default_rng(0), changeable=(0, 1))
    accuracy = nn.accuracy(nn.feedforward(X, weights, biases), y)
    if accuracy < 0.5:
        fail(f"sgd on {tried}: after training, only {accuracy:.0%} of the training images are classified "
             "right; a correct sgd gets about 70%. Check that Y is one_hot(y) and that every mini-batch updates the parameters.")
    passed(f"sgd shuffles every epoch, uses every image once per epoch, and learns "
           f"({accuracy:.0%} right on the 1,000 training images after 3 epochs).")
