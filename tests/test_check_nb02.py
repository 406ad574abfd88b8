"""The checks of notebook 02 pass right answers and explain typical wrong ones."""
import math

import numpy as np
import pytest

from helpers import check, nn
from helpers.check import CheckFailed


def unfilled(*args):
    raise NotImplementedError


def returns_none(*args):
    return None


def raises(*args):
    raise KeyError("oops")


# --- sigmoid -----------------------------------------------------------------

def sigmoid_unclipped(z):
    return 1 / (1 + np.exp(-z))


def sigmoid_sign_flipped(z):
    z = np.clip(z, -500, 500)
    return 1 / (1 + np.exp(z))


def sigmoid_without_one(z):
    return 1 / np.exp(-np.clip(z, -500, 500))


def sigmoid_math_exp(z):
    return 1 / (1 + math.exp(-z))


def sigmoid_nan_for_large_z(z):
    return np.exp(z) / (1 + np.exp(z))


def sigmoid_mean(z):
    return np.mean(nn.sigmoid(z))


def sigmoid_nan(z):
    return np.full(np.shape(z), np.nan)


def test_sigmoid_right(capsys):
    check.sigmoid(nn.sigmoid)
    assert "✔ sigmoid is right" in capsys.readouterr().out


@pytest.mark.parametrize("answer, message", [
    (unfilled, "sigmoid is not written yet"),
    (returns_none, "sigmoid returned None. Did you forget the `return`"),
    (raises, "Your sigmoid raised KeyError"),
    (sigmoid_sign_flipped, "the sign of z is flipped"),
    (sigmoid_without_one, r"the `1 \+` is missing"),
    (sigmoid_math_exp, r"raised TypeError[\s\S]*Hint: use np.exp"),
    (sigmoid_unclipped, r"z = \[-1000\.  1000\.\] warned: overflow[\s\S]*np.clip"),
    (sigmoid_nan_for_large_z, r"z = \[-1000\.  1000\.\] (returned NaN|warned)"),
    (sigmoid_mean, r"expected shape \(5,\), got shape \(\)"),
    (sigmoid_nan, "returned NaN values"),
    # the right answer changed in a simple way: the check names the change
    (lambda z: -nn.sigmoid(z), "the negative of the right answer: a sign is flipped"),
    (lambda z: 2 * nn.sigmoid(z), "twice the right answer"),
    (lambda z: nn.sigmoid(z) / 2, "half the right answer"),
])
def test_sigmoid_wrong(answer, message):
    with pytest.raises(CheckFailed, match=message):
        check.sigmoid(answer)


# --- feedforward -------------------------------------------------------------

def ff_no_bias(X, weights):
    a = X
    for W in weights:
        a = nn.sigmoid(a @ W)
    return a


def ff_no_bias_transposed(X, weights):
    a = X
    for W in weights:
        a = nn.sigmoid(a @ W.T)
    return a


def ff_no_bias_first_layer_only(X, weights):
    return nn.sigmoid(X @ weights[0])


def ff_no_bias_no_last_activation(X, weights):
    a = X
    for W in weights[:-1]:
        a = nn.sigmoid(a @ W)
    return a @ weights[-1]


def ff_no_bias_loops_over_rows_only(X, weights):
    a = np.atleast_2d(X)
    for W in weights:
        a = nn.sigmoid(a @ W)
    return a  # (1, n_out) for a single input


def ff(X, weights, biases):
    return nn.feedforward(X, weights, biases)


def ff_forgets_biases(X, weights, biases):
    return ff_no_bias(X, weights)


def ff_bias_after_sigmoid(X, weights, biases):
    a = X
    for W, b in zip(weights, biases):
        a = nn.sigmoid(a @ W) + b
    return a


def ff_no_last_activation(X, weights, biases):
    a = X
    for l, (W, b) in enumerate(zip(weights, biases)):
        a = a @ W + b
        if l < len(weights) - 1:
            a = nn.sigmoid(a)
    return a


def ff_W_times_X(X, weights, biases):
    a = X
    for W, b in zip(weights, biases):
        a = nn.sigmoid(W @ a + b)
    return a


def ff_negated(X, weights, biases):
    return -nn.feedforward(X, weights, biases)


def ff_doubled(X, weights, biases):
    return 2 * nn.feedforward(X, weights, biases)


def ff_transposed_output(X, weights, biases):
    return nn.feedforward(X, weights, biases).T


def ff_sigmoid_on_input(X, weights, biases):
    return nn.feedforward(nn.sigmoid(X), weights, biases)


def no_bias(answer):
    """The feedforward_no_bias(X, weights) made from a feedforward(X, weights, biases)."""
    return lambda X, weights: answer(X, weights, [np.zeros(W.shape[1]) for W in weights])


def test_feedforward_right(capsys):
    check.feedforward_no_bias(ff_no_bias)
    check.feedforward(ff)
    out = capsys.readouterr().out
    assert "✔ feedforward_no_bias is right" in out and "✔ feedforward is right" in out


@pytest.mark.parametrize("answer, message", [
    (unfilled, "feedforward_no_bias is not written yet"),
    (returns_none, "returned None"),
    (ff_no_bias_transposed, r"raised ValueError[\s\S]*each layer computes W @ a \(or a @ W.T\)"),
    (ff_no_bias_first_layer_only, "the last layer is missing"),
    (ff_no_bias_no_last_activation, "the sigmoid is missing on the last layer"),
    (ff_no_bias_loops_over_rows_only, r"one input x = \[1, 2\]: expected shape \(1,\), got shape \(1, 1\)"),
    (no_bias(ff_negated), "the negative of the right answer: a sign is flipped"),
    (no_bias(ff_doubled), "twice the right answer"),
    (no_bias(ff_transposed_output), r"expected shape \(5, 1\), got shape \(1, 5\); it is the transpose"),
    (no_bias(ff_sigmoid_on_input), r"the right answer for sigmoid\(X\) instead of X"),
])
def test_feedforward_no_bias_wrong(answer, message):
    with pytest.raises(CheckFailed, match=message):
        check.feedforward_no_bias(answer)


@pytest.mark.parametrize("answer, message", [
    (unfilled, "feedforward is not written yet"),
    (raises, "raised KeyError"),
    (ff_forgets_biases, "the biases are missing"),
    (ff_bias_after_sigmoid, "the bias is added after the sigmoid"),
    (ff_no_last_activation, "the sigmoid is missing on the last layer"),
    (ff_W_times_X, r"raised ValueError[\s\S]*a layer computes a @ W"),
    (ff_negated, "the negative of the right answer: a sign is flipped"),
    (lambda X, weights, biases: nn.feedforward(X, weights, biases) / 2, "half the right answer"),
    (ff_transposed_output, r"expected shape \(5, 1\), got shape \(1, 5\); it is the transpose"),
    (ff_sigmoid_on_input, r"the right answer for sigmoid\(X\) instead of X: the sigmoid is applied to the input too"),
])
def test_feedforward_wrong(answer, message):
    with pytest.raises(CheckFailed, match=message):
        check.feedforward(answer)


# --- one_hot and accuracy ----------------------------------------------------

def one_hot_transposed(y, num_classes=10):
    return nn.one_hot(y, num_classes).T


def one_hot_off_by_one(y, num_classes=10):
    Y = np.zeros((len(y), num_classes))
    Y[np.arange(len(y)), y - 1] = 1
    return Y


def one_hot_ignores_num_classes(y, num_classes=10):
    return nn.one_hot(y, 10)


def accuracy_count(outputs, y):
    return np.sum(np.argmax(outputs, axis=1) == y)


def accuracy_wrong_axis(outputs, y):
    return np.mean(np.argmax(outputs, axis=0)[: len(y)] == y[:10])


def accuracy_per_sample(outputs, y):
    return np.argmax(outputs, axis=1) == y


def accuracy_compares_outputs(outputs, y):
    return np.mean(outputs == y)


def test_one_hot_and_accuracy_right(capsys):
    check.one_hot(nn.one_hot)
    check.accuracy(nn.accuracy)
    out = capsys.readouterr().out
    assert "✔ one_hot is right" in out and "✔ accuracy is right" in out


@pytest.mark.parametrize("answer, message", [
    (unfilled, "one_hot is not written yet"),
    (returns_none, "returned None"),
    (one_hot_transposed, "rows and columns are swapped"),
    (one_hot_off_by_one, "the 1 is one place too early"),
    (one_hot_ignores_num_classes, r"num_classes=3 gave 10 columns: use num_classes"),
    (lambda y, num_classes=10: -nn.one_hot(y, num_classes), "the negative of the right answer: a sign is flipped"),
    (lambda y, num_classes=10: 2 * nn.one_hot(y, num_classes), "twice the right answer"),
])
def test_one_hot_wrong(answer, message):
    with pytest.raises(CheckFailed, match=message):
        check.one_hot(answer)


@pytest.mark.parametrize("answer, message", [
    (unfilled, "accuracy is not written yet"),
    (returns_none, "returned None"),
    (accuracy_count, "returned 15, the number right; expected the fraction 0.75"),
    (accuracy_wrong_axis, r"the values are wrong[\s\S]*expected 0.75\n\s+got[\s\S]*axis=1"),
    (accuracy_per_sample, r"array of shape \(20,\); expected one number"),
    (accuracy_compares_outputs, r"raised ValueError|expected 0.75"),
    (lambda outputs, y: -nn.accuracy(outputs, y), "the negative of the right answer: a sign is flipped"),
    (lambda outputs, y: nn.accuracy(outputs, y) / len(y), r"divided by 20.*the number of samples.*the mean taken twice"),
    (lambda outputs, y: 100 * nn.accuracy(outputs, y), "a percentage; return the fraction right"),
    (lambda outputs, y: 1 - nn.accuracy(outputs, y), "the fraction of wrong answers"),
])
def test_accuracy_wrong(answer, message):
    with pytest.raises(CheckFailed, match=message):
        check.accuracy(answer)
