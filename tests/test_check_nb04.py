"""The checks of notebook 04 pass right answers and explain typical wrong ones."""
import numpy as np
import pytest

from helpers import check, nn
from helpers.check import CheckFailed


def update_mini_batch(weights, biases, X_batch, Y_batch, eta):
    nabla_w, nabla_b = nn.backprop(X_batch, Y_batch, weights, biases)
    for l in range(len(weights)):
        weights[l] -= eta * nabla_w[l]
        biases[l] -= eta * nabla_b[l]


def update_by_assignment(weights, biases, X_batch, Y_batch, eta):
    nabla_w, nabla_b = nn.backprop(X_batch, Y_batch, weights, biases)
    for l in range(len(weights)):
        weights[l] = weights[l] - eta * nabla_w[l]
        biases[l] = biases[l] - eta * nabla_b[l]


def update_rebinds(weights, biases, X_batch, Y_batch, eta):
    nabla_w, nabla_b = nn.backprop(X_batch, Y_batch, weights, biases)
    for W, nW in zip(weights, nabla_w):
        W = W - eta * nW  # noqa: F841 (the mistake under test)


def update_uphill(weights, biases, X_batch, Y_batch, eta):
    nabla_w, nabla_b = nn.backprop(X_batch, Y_batch, weights, biases)
    for l in range(len(weights)):
        weights[l] += eta * nabla_w[l]
        biases[l] += eta * nabla_b[l]


def update_without_eta(weights, biases, X_batch, Y_batch, eta):
    nabla_w, nabla_b = nn.backprop(X_batch, Y_batch, weights, biases)
    for l in range(len(weights)):
        weights[l] -= nabla_w[l]
        biases[l] -= nabla_b[l]


def update_scaled(factor=1.0, mean_again=False):
    """An update_mini_batch whose step is `factor` times the right one, or divided by the batch size again."""
    def update(weights, biases, X_batch, Y_batch, eta):
        nabla_w, nabla_b = nn.backprop(X_batch, Y_batch, weights, biases)
        n = len(X_batch) if mean_again else 1
        for l in range(len(weights)):
            weights[l] -= factor * eta * nabla_w[l] / n
            biases[l] -= factor * eta * nabla_b[l] / n
    return update


def update_weights_only(weights, biases, X_batch, Y_batch, eta):
    nabla_w, _ = nn.backprop(X_batch, Y_batch, weights, biases)
    for l in range(len(weights)):
        weights[l] -= eta * nabla_w[l]


def update_unfilled(weights, biases, X_batch, Y_batch, eta):
    raise NotImplementedError


def sgd(weights, biases, X, y, epochs, batch_size, eta, rng):
    Y = nn.one_hot(y)
    for epoch in range(epochs):
        order = rng.permutation(len(X))
        for start in range(0, len(X), batch_size):
            batch = order[start:start + batch_size]
            update_mini_batch(weights, biases, X[batch], Y[batch], eta)


def sgd_keywords(weights, biases, X, y, epochs, batch_size, eta, rng):
    Y = nn.one_hot(y)
    for epoch in range(epochs):
        order = rng.permutation(len(X))
        for start in range(0, len(X), batch_size):
            batch = order[start:start + batch_size]
            update_mini_batch(weights, biases, X_batch=X[batch], Y_batch=Y[batch], eta=eta)


def sgd_no_shuffle(weights, biases, X, y, epochs, batch_size, eta, rng):
    Y = nn.one_hot(y)
    for epoch in range(epochs):
        for start in range(0, len(X), batch_size):
            update_mini_batch(weights, biases, X[start:start + batch_size], Y[start:start + batch_size], eta)


def sgd_shuffle_once(weights, biases, X, y, epochs, batch_size, eta, rng):
    Y = nn.one_hot(y)
    order = rng.permutation(len(X))
    for epoch in range(epochs):
        for start in range(0, len(X), batch_size):
            batch = order[start:start + batch_size]
            update_mini_batch(weights, biases, X[batch], Y[batch], eta)


def sgd_shuffles_X_in_place(weights, biases, X, y, epochs, batch_size, eta, rng):
    Y = nn.one_hot(y)
    for epoch in range(epochs):
        rng.shuffle(X)
        for start in range(0, len(X), batch_size):
            update_mini_batch(weights, biases, X[start:start + batch_size], Y[start:start + batch_size], eta)


def sgd_one_epoch(weights, biases, X, y, epochs, batch_size, eta, rng):
    Y = nn.one_hot(y)
    order = rng.permutation(len(X))
    for start in range(0, len(X), batch_size):
        batch = order[start:start + batch_size]
        update_mini_batch(weights, biases, X[batch], Y[batch], eta)


def sgd_batch_index_off(weights, biases, X, y, epochs, batch_size, eta, rng):
    Y = nn.one_hot(y)
    for epoch in range(epochs):
        order = rng.permutation(len(X))
        for k in range(len(X) // batch_size):
            batch = order[k:k + batch_size]  # starts at k, not k * batch_size
            update_mini_batch(weights, biases, X[batch], Y[batch], eta)


def sgd_labels_not_one_hot(weights, biases, X, y, epochs, batch_size, eta, rng):
    Y = np.repeat(y[:, None], 10, axis=1).astype(float) / 9
    for epoch in range(epochs):
        order = rng.permutation(len(X))
        for start in range(0, len(X), batch_size):
            batch = order[start:start + batch_size]
            update_mini_batch(weights, biases, X[batch], Y[batch], eta)


def sgd_labels_not_shuffled(weights, biases, X, y, epochs, batch_size, eta, rng):
    Y = nn.one_hot(y)
    for epoch in range(epochs):
        order = rng.permutation(len(X))
        for start in range(0, len(X), batch_size):
            batch = order[start:start + batch_size]
            update_mini_batch(weights, biases, X[batch], Y[start:start + batch_size], eta)


def sgd_digit_labels(weights, biases, X, y, epochs, batch_size, eta, rng):
    for epoch in range(epochs):
        order = rng.permutation(len(X))
        for start in range(0, len(X), batch_size):
            batch = order[start:start + batch_size]
            update_mini_batch(weights, biases, X[batch], y[batch], eta)


def sgd_tiny_eta(weights, biases, X, y, epochs, batch_size, eta, rng):
    Y = nn.one_hot(y)
    for epoch in range(epochs):
        order = rng.permutation(len(X))
        for start in range(0, len(X), batch_size):
            batch = order[start:start + batch_size]
            update_mini_batch(weights, biases, X[batch], Y[batch], eta / 1000)


def sgd_skips_update(weights, biases, X, y, epochs, batch_size, eta, rng):
    Y = nn.one_hot(y)
    for epoch in range(epochs):
        nabla_w, nabla_b = nn.backprop(X, Y, weights, biases)


def sgd_unfilled(weights, biases, X, y, epochs, batch_size, eta, rng):
    raise NotImplementedError


@pytest.mark.parametrize("answer", [update_mini_batch, update_by_assignment])
def test_update_mini_batch_right(answer, capsys):
    check.update_mini_batch(answer)
    assert "✔ update_mini_batch takes the right step" in capsys.readouterr().out


@pytest.mark.parametrize("answer, message", [
    (update_unfilled, "update_mini_batch is not written yet"),
    (update_rebinds, r"did not change[\s\S]*W -= eta \* nW"),
    (update_uphill, "the step goes uphill"),
    (update_without_eta, "not multiplied by the learning rate eta"),
    (update_weights_only, r"biases\[0\] did not change"),
    (update_scaled(-1.0), "the step goes uphill"),
    (update_scaled(2.0), r"step for weights\[0\] .*twice the right answer"),
    (update_scaled(0.5), r"step for weights\[0\] .*half the right answer"),
    (update_scaled(-0.5), r"step for weights\[0\] .*minus half the right answer: a sign is flipped"),
    (update_scaled(mean_again=True), r"divided by the number of samples in the batch \(6\).*the mean taken twice"),
])
def test_update_mini_batch_wrong(answer, message):
    with pytest.raises(CheckFailed, match=message):
        check.update_mini_batch(answer)


@pytest.mark.parametrize("answer", [sgd, sgd_keywords])
def test_sgd_right(answer, capsys):
    check.sgd(answer)
    assert "✔ sgd shuffles every epoch" in capsys.readouterr().out


@pytest.mark.parametrize("answer, message", [
    (sgd_unfilled, "sgd is not written yet"),
    (sgd_no_shuffle, "the images were not shuffled"),
    (sgd_shuffle_once, "every epoch used the same order"),
    (sgd_shuffles_X_in_place, r"changed its argument `X` \(line \d+: `rng.shuffle\(X\)`\)"),
    (sgd_one_epoch, "took 4 steps .* expected 8"),
    (sgd_batch_index_off, "the last, smaller mini-batch .* is left out"),
    (sgd_labels_not_one_hot, r"first Y_batch[\s\S]*Hint: update_mini_batch needs the one-hot labels"),
    (sgd_labels_not_shuffled, r"first Y_batch .*it is the labels of the first 15 images in their stored order"),
    (sgd_digit_labels, r"expected shape \(15, 10\), got shape \(15,\); it looks like the digits themselves"),
    (sgd_tiny_eta, r"only \d+% of the training images are classified right"),
    (sgd_skips_update, "never called update_mini_batch"),
])
def test_sgd_wrong(answer, message):
    with pytest.raises(CheckFailed, match=message):
        check.sgd(answer)
