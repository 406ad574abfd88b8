"""The properties every check verifies, each shown by breaking a right answer in that one way.

Kind and type of the result, no state between calls, the smallest input that differs, a constant ratio,
the part that differs, a learner's exception in words about their arrays, a hint that does not repeat
their code, and an earlier TODO named as the cause. Every reason a message gives is checked to be true.
"""
import linecache
import re

import numpy as np
import pytest

from helpers import check, modern, nn
from helpers.check import CheckFailed


def failure(check_function, *answers):
    with pytest.raises(CheckFailed) as error:
        check_function(*answers)
    return error.value


def cell(source, name, **namespace):
    """Define the learner's function from ``source`` as a notebook cell does (tracebacks show its lines)."""
    filename = f"<property cell {name}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    namespace = dict(np=np, **namespace)
    exec(compile(source, filename, "exec"), namespace)
    return namespace[name]


def clipped_sigmoid(z):
    return 1 / (1 + np.exp(-np.clip(z, -500, 500)))


# --- the kind and the type of the result ----------------------------------------------

def test_a_list_where_an_array_is_asked_is_refused_with_words():
    error = failure(check.sigmoid, lambda z: [float(v) for v in clipped_sigmoid(z)] if np.ndim(z) else clipped_sigmoid(z))
    assert error.cause == "kind" and "returned a Python list; a NumPy array is asked" in str(error)


def test_whole_numbers_for_an_integer_input_are_refused():
    def sigmoid(z):
        out = np.zeros_like(z)
        out[...] = clipped_sigmoid(z)
        return out
    error = failure(check.sigmoid, sigmoid)
    assert error.cause == "dtype" and "(integers) returned whole numbers (int64)" in str(error)
    assert np.zeros_like(np.array([1, 2])).dtype.kind == "i"  # the reason given: zeros_like of integers is integers


def test_relu_prime_reasons_are_true():
    bools = failure(check.relu, modern.relu, lambda Z: Z > 0)
    assert "a minus between two of them, or before one, raises TypeError" in str(bools)
    with pytest.raises(TypeError):
        np.array([True]) - np.array([False])
    with pytest.raises(TypeError):
        -np.array([True])
    ints = failure(check.relu, modern.relu, lambda Z: (Z > 0).astype(int))
    assert "int64 times a float32 array is float64" in str(ints)
    assert (np.ones(1, np.int64) * np.ones(1, np.float32)).dtype == np.float64
    assert (np.array([True]) * np.ones(1, np.float32)).dtype == np.float32  # why bool is not refused for this


def test_relu_that_drops_precision_is_refused():
    error = failure(check.relu, lambda Z: np.maximum(Z, 0).astype(np.float32), modern.relu_prime)
    assert error.cause == "dtype" and "relu on a 2x4 array of float64 returned float32" in str(error)


# --- no state between calls ------------------------------------------------------------

def test_a_result_kept_between_calls_is_named():
    feedforward = cell("_outputs = []\n"
                       "def feedforward(X, weights, biases):\n"
                       "    a = X\n"
                       "    for W, b in zip(weights, biases):\n"
                       "        a = sigmoid(a @ W + b)\n"
                       "    _outputs.append(a)\n"
                       "    return _outputs[0]\n", "feedforward", sigmoid=clipped_sigmoid)
    error = failure(check.feedforward, feedforward)
    assert error.cause == "state" and "gave the same answer for two different inputs" in str(error)


def test_a_buffer_never_cleared_is_named():
    one_hot = cell("_buffer = np.zeros((100, 10))\n"
                   "def one_hot(y, num_classes=10):\n"
                   "    Y = _buffer[:len(y), :num_classes]\n"
                   "    Y[np.arange(len(y)), y] = 1\n"
                   "    return Y\n", "one_hot")
    error = failure(check.one_hot, one_hot)
    assert error.cause == "state" and "two different answers for the same input" in str(error)


def test_best_of_seeds_that_keeps_its_runs_is_named():
    best = cell("runs = []\n"
                "def best_of_seeds(sizes, X, y, validation, epochs, batch_size, eta, seeds):\n"
                "    for seed in seeds:\n"
                "        net = helpers.Network(sizes, seed=seed)\n"
                "        runs.append((net, net.sgd(X, y, epochs, batch_size, eta, validation=validation)))\n"
                "    return max(runs, key=lambda run: run[1]['val_accuracy'][-1])\n", "best_of_seeds",
                helpers=__import__("helpers"))
    error = failure(check.best_of_seeds, best)
    assert error.cause == "state" and "called again with seeds [4, 5], returned the network of seed 3" in str(error)


# --- what is known when no cause is: ratio, part, smallest input ---------------------------

def test_a_constant_ratio_is_given():
    assert "it is 4^2 = 16 times the right answer" in str(failure(check.cost, lambda o, Y: 2 * np.sum((o - Y) ** 2)))
    assert "it is 5/3 of the right one" in str(failure(check.cost, lambda o, Y: nn.cost(o, Y) * 5 / 3))


def test_the_part_that_differs_is_given():
    def last_wrong(z):
        out = clipped_sigmoid(np.asarray(z, dtype=float))
        if out.ndim == 1 and len(out) == 5:
            out[-1] = 0.5
        return out
    assert "only entry 4 of 5 differs (the others are right)" in str(failure(check.sigmoid, last_wrong))

    def first_layer_off(X, Y, weights, biases):
        nabla_w, nabla_b = nn.backprop(X, Y, weights, biases)
        return [nabla_w[0] + 0.01, *nabla_w[1:]], nabla_b
    assert "Of all the gradients, only nabla_w[0] is wrong" in str(failure(check.backprop, first_layer_off))


def test_the_smallest_input_that_differs_is_given():
    error = failure(check.cost, lambda o, Y: 0.5 * np.linalg.norm(o - Y) / len(Y))
    assert error.cause is None
    assert re.search(r"The smallest input on which it is wrong: cost on one sample with one output, o = 0.5 and "
                     r"y = 0 \(expected 1/2 \(0.5 - 0\)\^2 = 0.125\): the answer is wrong.\n\s+expected 0.125\n"
                     r"\s+got\s+0.25", str(error))


def test_a_sigmoid_is_tried_one_number_at_a_time():
    error = failure(check.sigmoid, lambda z: 1 / (1 + np.exp(-np.clip(z, -5, 5))))
    assert "wrong at z = 6: expected 0.997527, got 0.993307, the right value for z = 5, as if z were 5" in str(error)


def test_setting_one_input_to_zero_shows_the_wrong_part():
    error = failure(check.momentum_step, lambda p, v, g, eta, mu: (p + mu * (v - eta * g), mu * (v - eta * g)))
    assert "momentum_step(p, v = 0, g, eta, mu) gives a wrong answer" in str(error)
    assert "so the answer should be v = -eta g, then p + v" in str(error)


def test_rounded_results_are_named():
    error = failure(check.accuracy, lambda outputs, y: round(nn.accuracy(outputs, y), 2))
    assert error.cause == "rounded" and "the right one rounded to 2 decimals" in str(error)


# --- a learner's exception, in words about their arrays -------------------------------------

def test_a_matrix_product_that_does_not_fit_names_both_shapes():
    ff = cell("def feedforward_no_bias(X, weights):\n    a = X\n    for W in weights:\n        a = sigmoid(W @ a)\n"
              "    return a\n", "feedforward_no_bias", sigmoid=clipped_sigmoid)
    assert ("In `W @ a`, W has shape (2, 3) and a has shape (2,): a matrix product needs the last size of the left "
            "one (3) to equal the first size of the right one (2)") in str(failure(check.feedforward_no_bias, ff))


def test_one_hot_index_error_says_which_index_and_which_size():
    """`out[y] = 1`: an IndexError in words, with a hint."""
    one_hot = cell("def one_hot(y, num_classes=10):\n    out = np.zeros((len(y), num_classes))\n    out[y] = 1\n"
                   "    return out\n", "one_hot")
    text = str(failure(check.one_hot, one_hot))
    assert "In `out[y]`, out has shape (4, 10): its rows are numbered 0 to 3, and the index 9 is used there." in text
    assert "Hint: row i of the result is sample i, and its label y[i] is the column of its 1" in text


def test_arrays_passed_in_the_wrong_places_are_shown():
    update = cell("def update_mini_batch(weights, biases, X_batch, Y_batch, eta):\n"
                  "    nabla_w, nabla_b = backprop(Y_batch, X_batch, weights, biases)\n"
                  "    for l in range(len(weights)):\n        weights[l] -= eta * nabla_w[l]\n"
                  "        biases[l] -= eta * nabla_b[l]\n", "update_mini_batch", backprop=nn.backprop)
    assert ("Y_batch (shape (6, 3)) as X, X_batch (shape (6, 4)) as Y"
            in str(failure(check.update_mini_batch, update)))


def test_a_broadcast_error_names_both_operands():
    softmax = cell("def softmax(Z):\n    E = np.exp(Z - Z.max(axis=1, keepdims=True))\n"
                   "    return E / E.sum(axis=0).reshape(-1, 1)[:2]\n", "softmax")
    assert "E has shape (3, 3) and E.sum(axis=0).reshape(-1, 1)[:2] has shape (2, 1)" in str(failure(check.softmax, softmax))


def test_a_shape_given_as_two_numbers_is_explained():
    one_hot = cell("def one_hot(y, num_classes=10):\n    Y = np.zeros(len(y), num_classes)\n"
                   "    Y[np.arange(len(y)), y] = 1\n    return Y\n", "one_hot")
    assert "The shape of a new array goes in as one tuple" in str(failure(check.one_hot, one_hot))


# --- a hint never repeats the learner's code ------------------------------------------------------

def test_a_result_thrown_away_is_said_instead_of_the_hint():
    sigmoid = cell("def sigmoid(z):\n    np.clip(z, -500, 500)\n    return 1 / (1 + np.exp(-z))\n", "sigmoid")
    text = str(failure(check.sigmoid, sigmoid))
    assert "your line 2, `np.clip(z, -500, 500)`, computes a new array and throws it away" in text
    assert "clip z first: z = np.clip" not in text


def test_an_update_made_to_copies_points_to_where_they_come_from():
    update = cell("def update_mini_batch(weights, biases, X_batch, Y_batch, eta):\n"
                  "    nabla_w, nabla_b = backprop(X_batch, Y_batch, weights, biases)\n"
                  "    weights_copy = [W.copy() for W in weights]\n"
                  "    for W, nW in zip(weights_copy, nabla_w):\n        W -= eta * nW\n",
                  "update_mini_batch", backprop=nn.backprop)
    text = str(failure(check.update_mini_batch, update))
    assert "Your line 5, `W -= eta * nW`, changes an array in place, which is right, but not one of the arrays" in text
    assert "`W -= eta * nW`, or assign to the list" not in text  # the usual hint is not repeated
    assert "line 4: `for W, nW in zip(weights_copy, nabla_w):`" in text


# --- an earlier TODO as the cause -------------------------------------------------------------------

def feedforward_source():
    return ("def feedforward(X, weights, biases):\n    a = X\n    for W, b in zip(weights, biases):\n"
            "        a = sigmoid(a @ W + b)\n    return a\n")


def test_a_wrong_earlier_todo_is_named():
    flipped = cell("def sigmoid(z):\n    return 1 / (1 + np.exp(np.clip(z, -500, 500)))\n", "sigmoid")
    error = failure(check.feedforward, cell(feedforward_source(), "feedforward", sigmoid=flipped))
    assert error.cause == "earlier-todo"
    assert "Your feedforward uses your sigmoid, which is not right yet" in str(error)
    assert "Its own check says: sigmoid on z = [-2. -1.  0.  1.  2.]: the answer is wrong; it looks like the sign" \
        in str(error)


def test_an_earlier_todo_is_not_blamed_when_this_one_is_wrong_too():
    flipped = cell("def sigmoid(z):\n    return 1 / (1 + np.exp(np.clip(z, -500, 500)))\n", "sigmoid")
    no_bias = feedforward_source().replace("a @ W + b", "a @ W")
    assert failure(check.feedforward, cell(no_bias, "feedforward", sigmoid=flipped)).cause != "earlier-todo"


def test_an_unwritten_earlier_todo_is_named():
    unwritten = cell("def sigmoid(z):\n    raise NotImplementedError\n", "sigmoid")
    error = failure(check.feedforward, cell(feedforward_source(), "feedforward", sigmoid=unwritten))
    assert error.cause == "not-written" and "feedforward uses your sigmoid, which is not written yet" in str(error)


# --- other properties found by breaking right answers -------------------------------------------------

def test_mini_batches_of_other_sizes_are_refused():
    sgd = cell("def sgd(weights, biases, X, y, epochs, batch_size, eta, rng):\n    Y = one_hot(y)\n"
               "    for epoch in range(epochs):\n        order = rng.permutation(len(X))\n"
               "        for batch in np.array_split(order, -(-len(X) // batch_size)):\n"
               "            update_mini_batch(weights, biases, X[batch], Y[batch], eta)\n", "sgd",
               one_hot=nn.one_hot, update_mini_batch=lambda *args: None)
    error = failure(check.sgd, sgd)
    assert "used mini-batches of sizes [13, 13, 12, 12]; expected [15, 15, 15, 5]" in str(error)


def test_best_of_seeds_by_the_mean_over_epochs_shows_both_curves():
    best = cell("def best_of_seeds(sizes, X, y, validation, epochs, batch_size, eta, seeds):\n    runs = []\n"
                "    for seed in seeds:\n        net = helpers.Network(sizes, seed=seed)\n"
                "        runs.append((net, net.sgd(X, y, epochs, batch_size, eta, validation=validation)))\n"
                "    return max(runs, key=lambda run: np.mean(run[1]['val_accuracy']))\n", "best_of_seeds",
                helpers=__import__("helpers"))
    assert "Seed 7's validation accuracy went 95%, 93%, 91%, 89%, epoch by epoch; seed 3's went 81%, 84%, 88%, 91%" \
        in str(failure(check.best_of_seeds, best))


def test_positive_normal_weights_are_not_told_to_use_standard_normal():
    error = failure(check.scaled_weights, lambda n_in, n_out, rng: np.abs(rng.standard_normal((n_in, n_out))) / np.sqrt(n_in))
    assert "no weight is negative" in str(error) and "Use rng.standard_normal" not in str(error)


def test_a_result_kept_by_the_array_object_is_named():
    feedforward = cell("_seen = []  # (array, answer): kept alive, so only the very same array object matches\n"
                       "def feedforward(X, weights, biases):\n"
                       "    for seen, answer in _seen:\n"
                       "        if seen is X:\n"
                       "            return answer\n"
                       "    a = X\n"
                       "    for W, b in zip(weights, biases):\n"
                       "        a = sigmoid(a @ W + b)\n"
                       "    _seen.append((X, a))\n"
                       "    return a\n", "feedforward", sigmoid=clipped_sigmoid)
    error = failure(check.feedforward, feedforward)
    assert error.cause == "state"
    assert "for an array X whose numbers had changed (the same array object, new values)" in str(error)


def test_an_earlier_todo_whose_own_check_passes_is_not_blamed():
    """Swapping in the reference sigmoid can change a stateful answer; the earlier TODO is named only if it is wrong."""
    feedforward = cell("_calls = []\n" + feedforward_source().replace("    return a\n",
                       "    _calls.append(1)\n    return a if len(_calls) > 3 else a + 1\n"), "feedforward",
                       sigmoid=clipped_sigmoid)
    assert failure(check.feedforward, feedforward).cause != "earlier-todo"
