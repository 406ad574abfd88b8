"""Checks for notebook 04 (training with mini-batch SGD)."""
from unittest import mock

import numpy as np

from .. import nn
from ..data import MNIST_DIR, MNIST_FILES, load_idx
from ._core import as_array, call, compare, fail, passed


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
    call(func, "update_mini_batch", weights, biases, X, Y, eta)
    tried = "a [4, 5, 3] network, a batch of 6, eta = 0.3"
    if not (np.array_equal(X, X_saved) and np.array_equal(Y, Y_saved)):
        fail(f"update_mini_batch on {tried} changed X_batch or Y_batch; it should only change the parameters.")
    if all(np.array_equal(p, q) for p, q in zip(before, weights + biases)):
        fail(f"update_mini_batch on {tried}: the weights and biases did not change.\n"
             "Hint: in `for W in weights: W = W - ...` the name W gets a new array and the list keeps the old "
             "one. Change the arrays in place, `W -= eta * nW`, or assign to the list, `weights[l] = ...`.")
    for k, (p0, p1, g) in enumerate(zip(before, weights + biases, nabla_w + nabla_b)):
        what = f"weights[{k}]" if k < len(weights) else f"biases[{k - len(weights)}]"
        if np.array_equal(p0, p1):
            fail(f"update_mini_batch on {tried}: {what} did not change. Update every weight matrix and "
                 "every bias vector.")
        mistakes = [(eta * g, "the step goes uphill: subtract the gradient, w = w - eta * nabla_w."),
                    (-g, "the step is not multiplied by the learning rate eta.")]
        p1 = as_array(p1, f"update_mini_batch's new {what}")
        if p1.shape != p0.shape:
            compare(p1, p0 - eta * g, f"update_mini_batch's new {what}", tried)
        compare(p1 - p0, -eta * g, f"update_mini_batch's step for {what} (new value minus old)", tried,
                mistakes=mistakes, sizes=[(len(X), "the number of samples in the batch")],
                hint="each parameter moves by -eta times its gradient from backprop.")
    passed("update_mini_batch takes the right step downhill, for every weight and bias.")


def _sorted_digits(n=1000):
    """The first n training images, sorted by label, and their labels (float64 X)."""
    images = load_idx(MNIST_DIR / MNIST_FILES["train_images"])[:n].reshape(n, -1) / 255.0
    labels = load_idx(MNIST_DIR / MNIST_FILES["train_labels"])[:n].astype(np.int64)
    order = np.argsort(labels, kind="stable")
    return images[order], labels[order]


def sgd(func):
    """Check ``sgd(weights, biases, X, y, epochs, batch_size, eta, rng)``.

    The learner's ``update_mini_batch`` is watched while sgd runs, to see how
    many mini-batches there are and which images each epoch uses.
    """
    X, y = _sorted_digits()
    X_saved, y_saved = X.copy(), y.copy()
    weights, biases = nn.random_network([784, 30, 10], np.random.default_rng(3))
    epochs, batch_size, eta = 3, 10, 3.0
    tried = f"1,000 training images, epochs={epochs}, batch_size={batch_size}, eta={eta}"
    fingerprint_of = np.random.default_rng(0).standard_normal(784)
    fingerprints = X @ fingerprint_of  # one number per image, to tell which images a mini-batch holds
    seen, labels = [], []
    module_globals = getattr(func, "__globals__", {})
    learner_update = module_globals.get("update_mini_batch")
    if learner_update is None:
        fail("sgd should call your update_mini_batch for every mini-batch; run the cell that defines it first.")

    def watched(*args, **kwargs):
        X_batch = args[2] if len(args) > 2 else kwargs.get("X_batch")
        Y_batch = args[3] if len(args) > 3 else kwargs.get("Y_batch")
        seen.append(np.asarray(X_batch) @ fingerprint_of)
        labels.append(np.copy(Y_batch) if isinstance(Y_batch, np.ndarray) else Y_batch)
        return learner_update(*args, **kwargs)

    with mock.patch.dict(module_globals, {"update_mini_batch": watched}):
        call(func, "sgd", weights, biases, X, y, epochs, batch_size, eta, np.random.default_rng(0))
    if not (np.array_equal(X, X_saved) and np.array_equal(y, y_saved)):
        fail(f"sgd on {tried} changed X or y (shuffled them in place?), which mixes up images and labels.\n"
             "Hint: shuffle an index instead, order = rng.permutation(len(X)), and take X[batch], Y[batch].")
    if not seen:
        fail(f"sgd on {tried} never called update_mini_batch. Call it once for every mini-batch.")
    expected_steps = epochs * -(-len(X) // batch_size)
    if len(seen) != expected_steps:
        sizes = sorted({len(s) for s in seen})
        fail(f"sgd on {tried} took {len(seen)} steps (mini-batches of size {sizes}); expected {expected_steps}: "
             f"{epochs} epochs of {len(X) // batch_size} mini-batches of {batch_size}.\n"
             "Hint: for every epoch, loop over the starts range(0, len(X), batch_size).")
    per_epoch = len(seen) // epochs
    epochs_seen = [np.concatenate(seen[e * per_epoch:(e + 1) * per_epoch]) for e in range(epochs)]
    for e, order in enumerate(epochs_seen, start=1):
        if len(order) != len(X) or not np.allclose(np.sort(order), np.sort(fingerprints)):
            fail(f"sgd on {tried}: epoch {e} did not use every image exactly once.\n"
                 "Hint: take consecutive slices of one shuffled order: batch = order[start:start + batch_size].")
    if np.allclose(epochs_seen[0], fingerprints):
        fail(f"sgd on {tried}: the images were not shuffled; epoch 1 went through them in their stored order "
             "(here sorted by label, so the network first sees only zeros, then only ones...).\n"
             "Hint: order = rng.permutation(len(X)) at the start of every epoch.")
    if np.allclose(epochs_seen[0], epochs_seen[1]):
        fail(f"sgd on {tried}: every epoch used the same order. Shuffle again at the start of every epoch.")
    rows = np.abs(seen[0][:, None] - fingerprints[None, :]).argmin(axis=1)  # the images of batch 1
    compare(labels[0], nn.one_hot(y[rows], 10), "sgd's first Y_batch (the labels it gave update_mini_batch)", tried,
            mistakes=[(y[rows], "the digits themselves; update_mini_batch needs them one-hot: "
                                "Y = one_hot(y), then Y[batch].")],
            related=[(nn.one_hot(y[:len(rows)], 10), f"the labels of the first {len(rows)} images in their stored "
                      "order, not of the images in this mini-batch: the images were shuffled but the labels were "
                      "not. Take X[batch] and Y[batch] with the same indices.")],
            hint="update_mini_batch needs the one-hot labels of the same images: Y = one_hot(y), "
                 "then X[batch] and Y[batch] with the same indices.")
    accuracy = nn.accuracy(nn.feedforward(X, weights, biases), y)
    if accuracy < 0.5:
        fail(f"sgd on {tried}: after training, only {accuracy:.0%} of the training images are classified "
             "right; a correct sgd gets about 70%. Check that Y is one_hot(y) and that every mini-batch updates the parameters.")
    passed(f"sgd shuffles every epoch, uses every image once per epoch, and learns "
           f"({accuracy:.0%} right on the 1,000 training images after 3 epochs).")
