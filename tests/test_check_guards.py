"""The guards every check shares: protected inputs, the rng, edge sizes, dtypes, pictures, choices.

Each test here fails when its guard is taken out of helpers/check (tried: see the notes in each).
"""
import re
from pathlib import Path

import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from helpers import check, nn  # noqa: E402
from helpers.check import CheckFailed  # noqa: E402
from helpers.check._causes import CAUSES  # noqa: E402
from helpers.check._core import call  # noqa: E402
from helpers.check._props import rng_properties  # noqa: E402


def failure(check_function, *answers):
    with pytest.raises(CheckFailed) as error:
        check_function(*answers)
    return error.value


# --- protected inputs ------------------------------------------------------------

def cost_in_place(outputs, Y):
    outputs -= Y
    return 0.5 * np.sum(outputs ** 2) / len(Y)


def test_an_in_place_change_is_named_with_its_argument_and_line():
    error = failure(check.cost, cost_in_place)
    assert error.cause == "in-place"
    assert re.search(r"Your cost changed its argument `outputs` \(line \d+: `outputs -= Y`\); compute a new array "
                     "instead", str(error))


def test_the_callers_arrays_stay_as_they_were():
    outputs, Y = np.ones((2, 3)), np.zeros((2, 3))
    with pytest.raises(CheckFailed):
        call(cost_in_place, "cost", outputs, Y)
    assert np.array_equal(outputs, np.ones((2, 3)))


def test_arrays_in_lists_are_protected_but_changeable_arguments_are_not():
    def shift_first(weights, X):
        weights[0] += 1
        return X

    weights = [np.zeros(2)]
    with pytest.raises(CheckFailed, match="changed its argument `weights`"):
        call(shift_first, "f", weights, np.zeros(1))
    call(shift_first, "f", weights, np.zeros(1), changeable=(0,))
    assert np.array_equal(weights[0], [1, 1])


def l2_gradient_in_place(nabla_W, W, lam):
    nabla_W += lam * W
    return nabla_W


def test_the_expected_answer_comes_from_untouched_data():
    """Before: the check computed 'expected' from the overwritten nabla_W and showed right numbers as wrong."""
    error = failure(check.l2_gradient, l2_gradient_in_place)
    assert error.cause == "in-place" and "expected" not in str(error)


# --- the rng -----------------------------------------------------------------------

def test_a_function_given_rng_must_use_it_and_only_it():
    with pytest.raises(CheckFailed) as error:
        rng_properties(lambda rng: np.random.permutation(5), "f", "n = 5")
    assert error.value.cause == "global-rng"
    with pytest.raises(CheckFailed) as error:
        rng_properties(lambda rng: np.random.default_rng(7).permutation(5), "f", "n = 5")
    assert error.value.cause == "fixed-seed"
    with pytest.raises(CheckFailed) as error:
        rng_properties(lambda rng: np.random.default_rng().permutation(5), "f", "n = 5")
    assert error.value.cause == "own-rng"
    state = np.random.get_state()
    rng_properties(lambda rng: rng.permutation(5), "f", "n = 5")
    assert np.array_equal(np.random.get_state()[1], state[1])  # the check itself leaves the global state alone


def scaled_weights_global(n_in, n_out, rng):
    return np.random.standard_normal((n_in, n_out)) / np.sqrt(n_in)


def test_scaled_weights_from_the_global_state_is_refused():
    assert failure(check.scaled_weights, scaled_weights_global).cause == "global-rng"


def sgd_global(weights, biases, X, y, epochs, batch_size, eta, rng):
    Y = nn.one_hot(y)
    for epoch in range(epochs):
        order = np.random.permutation(len(X))
        for start in range(0, len(X), batch_size):
            batch = order[start:start + batch_size]
            update_mini_batch(weights, biases, X[batch], Y[batch], eta)


def update_mini_batch(weights, biases, X_batch, Y_batch, eta):
    nabla_w, nabla_b = nn.backprop(X_batch, Y_batch, weights, biases)
    for l in range(len(weights)):
        weights[l] -= eta * nabla_w[l]
        biases[l] -= eta * nabla_b[l]


def test_sgd_from_the_global_state_is_refused():
    assert failure(check.sgd, sgd_global).cause == "global-rng"


# --- edge sizes and dtypes -----------------------------------------------------------

def sgd_drops_last(weights, biases, X, y, epochs, batch_size, eta, rng):
    Y = nn.one_hot(y)
    for epoch in range(epochs):
        order = rng.permutation(len(X))
        for k in range(len(X) // batch_size):
            batch = order[k * batch_size:(k + 1) * batch_size]
            update_mini_batch(weights, biases, X[batch], Y[batch], eta)


def test_sgd_that_drops_the_last_partial_mini_batch_is_refused():
    error = failure(check.sgd, sgd_drops_last)
    assert error.cause == "last-batch-dropped" and "the last, smaller mini-batch (5 images) is left out" in str(error)


def relu(Z):
    return np.maximum(Z, 0)


def test_relu_prime_keeps_float32():
    error = failure(check.relu, relu, lambda Z: (Z > 0).astype(float))
    assert error.cause == "dtype" and "float32 returned float64" in str(error)


def test_relu_prime_is_0_at_z_0():
    assert failure(check.relu, relu, lambda Z: (Z >= 0).astype(Z.dtype)).cause == "z=0"


def test_softmax_needs_each_rows_own_max():
    def softmax_global_max(Z):
        E = np.exp(Z - np.max(Z))
        return E / E.sum(axis=1, keepdims=True)
    assert failure(check.softmax, softmax_global_max).cause == "global-max"


# --- pictures ---------------------------------------------------------------------------

def images_0_255(X, y, indices):
    fig, axes = plt.subplots(1, len(indices), squeeze=False)
    for ax, i in zip(axes[0], indices):
        ax.imshow(X[i].reshape(28, 28), cmap="gray", vmin=0, vmax=255)
        ax.set_title(y[i])


def images_unsqueezed(X, y, indices):
    fig, axes = plt.subplots(1, len(indices))
    for ax, i in zip(axes, indices):
        ax.imshow(X[i].reshape(28, 28), cmap="gray_r")
        ax.set_title(y[i])


def images_in_one_axis(X, y, indices):
    plt.imshow(np.hstack([X[i].reshape(28, 28) for i in indices]))
    plt.title(" ".join(str(y[i]) for i in indices))


@pytest.mark.parametrize("answer, cause, words", [
    (images_0_255, "contrast", "colours are spread over vmin=0 to vmax=255, so the picture looks blank"),
    (images_unsqueezed, "one-index", "squeeze=False"),
    (images_in_one_axis, "one-axis", "drew all the pictures in one axis"),
])
def test_a_picture_is_checked_for_what_the_learner_sees(answer, cause, words):
    error = failure(check.show_images, answer)
    assert error.cause == cause and words in str(error)


# --- a choice where the alternatives disagree -------------------------------------------

def best_by_best_epoch(sizes, X, y, validation, epochs, batch_size, eta, seeds):
    import helpers
    runs = []
    for seed in seeds:
        net = helpers.Network(sizes, seed=seed)
        runs.append((net, net.sgd(X, y, epochs, batch_size, eta, validation=validation)))
    return max(runs, key=lambda run: max(run[1]["val_accuracy"]))


def test_best_of_seeds_by_the_best_epoch_is_refused():
    assert failure(check.best_of_seeds, best_by_best_epoch).cause == "best-epoch"


# --- hints only where the evidence supports them -----------------------------------------

def feedforward_sigmoid_once(X, weights, biases):
    a = X
    for W, b in zip(weights, biases):
        a = a @ W + b
    return nn.sigmoid(a)


def test_no_product_order_hint_when_the_product_order_is_right():
    error = failure(check.feedforward, feedforward_sigmoid_once)
    assert error.cause == "sigmoid-once" and "W @" not in str(error) and "X @ W.T" not in str(error)


def backprop_stops_early(X, Y, weights, biases):
    nabla_w, nabla_b = [None] * len(weights), [None] * len(biases)
    full = nn.backprop(X, Y, weights, biases)
    for l in range(len(weights) - 1, 0, -1):
        nabla_w[l], nabla_b[l] = full[0][l], full[1][l]
    return nabla_w, nabla_b


def test_a_loop_that_stops_early_is_not_a_missing_return():
    error = failure(check.backprop, backprop_stops_early)
    assert error.cause == "skipped-layer" and "return" not in str(error).split("range")[0]


def test_every_cause_the_checks_name_is_in_the_table():
    sources = "".join(path.read_text() for path in Path(check.__file__).parent.glob("nb*.py"))
    named = set(re.findall(r'cause="([^"]+)"', sources)) | set(re.findall(r'"([a-z0-9:=-]+)"\)', sources))
    named = {cause for cause in named if cause in CAUSES or "-" in cause or ":" in cause}
    assert named <= set(CAUSES), named - set(CAUSES)


def feedforward_nudged(X, weights, biases):
    a = X
    for W, b in zip(weights, biases):
        a = nn.sigmoid(a @ W + b)
    return a + 0.01


def test_an_unknown_cause_gets_what_is_known_and_no_hint():
    error = failure(check.feedforward, feedforward_nudged)
    assert error.cause is None
    assert "the values are wrong (largest difference 0.01)" in str(error)
    assert "Hint" not in str(error)
