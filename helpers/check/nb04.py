"""Checks for notebook 04 (training with mini-batch SGD)."""
import functools
from unittest import mock

import numpy as np

from .. import nn
from ..data import MNIST_DIR, MNIST_FILES, load_idx
from ._core import as_array, call, compare, fail, passed, rng_properties


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
    call(func, "update_mini_batch", weights, biases, X, Y, eta, changeable=(0, 1))
    tried = "a [4, 5, 3] network, a batch of 6, eta = 0.3"
    if not (np.array_equal(X, X_saved) and np.array_equal(Y, Y_saved)):
        fail(f"update_mini_batch on {tried} changed X_batch or Y_batch; it should only change the parameters.")
    if all(np.array_equal(p, q) for p, q in zip(before, weights + biases)):
        fail(f"update_mini_batch on {tried}: the weights and biases did not change.\n"
             "Hint: in `for W in weights: W = W - ...` the name W gets a new array and the list keeps the old "
             "one. Change the arrays in place, `W -= eta * nW`, or assign to the list, `weights[l] = ...`.",
             cause="rebinding")
    for k, (p0, p1, g) in enumerate(zip(before, weights + biases, nabla_w + nabla_b)):
        what = f"weights[{k}]" if k < len(weights) else f"biases[{k - len(weights)}]"
        if np.array_equal(p0, p1):
            last = "the last layer's " if k in (len(weights) - 1, len(weights + biases) - 1) else ""
            fail(f"update_mini_batch on {tried}: {what} did not change. Update every weight matrix and "
                 f"every bias vector{' (does the loop stop before ' + last + 'layer?)' if last else ''}.",
                 cause="skipped-layer" if last and k < len(weights) else "not-updated")
        mistakes = [(eta * g, "the step goes uphill: subtract the gradient, w = w - eta * nabla_w.", "sign"),
                    (-g, "the step is not multiplied by the learning rate eta.", "formula")]
        p1 = as_array(p1, f"update_mini_batch's new {what}")
        if p1.shape != p0.shape:
            compare(p1, p0 - eta * g, f"update_mini_batch's new {what}", tried)
        compare(p1 - p0, -eta * g, f"update_mini_batch's step for {what} (new value minus old)", tried,
                mistakes=mistakes, sizes=[(len(X), "the number of samples in the batch")],
                hint="each parameter moves by -eta times its gradient from backprop.")
    passed("update_mini_batch takes the right step downhill, for every weight and bias.")


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
        fail(f"sgd on {tried} took {len(seen)} steps (mini-batches of size {sizes}); expected {epochs * per_epoch}: "
             f"{epochs} epochs of {per_epoch} mini-batches.\n"
             "Hint: for every epoch, loop over the starts range(0, len(X), batch_size).")
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
