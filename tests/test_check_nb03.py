"""The checks of notebook 03 pass right answers and explain typical wrong ones."""
import numpy as np
import pytest

from helpers import check, nn
from helpers.check import CheckFailed


def unfilled(*args):
    raise NotImplementedError


def returns_none(*args):
    return None


def raises(*args):
    raise IndexError("list index out of range")


# --- cost ---------------------------------------------------------------------

def cost_no_half(outputs, Y):
    return np.sum((outputs - Y) ** 2) / len(Y)


def cost_sum(outputs, Y):
    return 0.5 * np.sum((outputs - Y) ** 2)


def cost_mean_everything(outputs, Y):
    return 0.5 * np.mean((outputs - Y) ** 2)


def cost_per_sample(outputs, Y):
    return 0.5 * np.sum((outputs - Y) ** 2, axis=1)


def cost_not_squared(outputs, Y):
    return 0.5 * np.sum(np.abs(outputs - Y)) / len(Y)


# --- sigmoid_prime --------------------------------------------------------------

def prime_of_activation(z):
    return z * (1 - z)


def prime_one_plus(z):
    s = nn.sigmoid(z)
    return s * (1 + s)


def prime_unclipped(z):
    s = 1 / (1 + np.exp(-z))
    return s * (1 - s)


def test_sigmoid_prime_right_values_with_a_warning_pass():
    """The TODO asks for S(z)(1 - S(z)); an overflow warning on the way to the right 0 is not a wrong answer."""
    with np.errstate(over="warn"):
        check.sigmoid_prime(prime_unclipped)


# --- backprop --------------------------------------------------------------------

def forward(X, weights, biases):
    activations, zs = [X], []
    for W, b in zip(weights, biases):
        zs.append(activations[-1] @ W + b)
        activations.append(nn.sigmoid(zs[-1]))
    return activations, zs


def make_backprop(output_prime=True, hidden_prime=True, mean=True, swap=False, bias_not_summed=False,
                  backward_transpose=True, in_place=False, returns="tuple", y_minus_a=False, error_factor=1,
                  mean_twice=False, appended=False):
    """A backprop written from the notebook's formulas, with one mistake switched on."""
    def backprop(X, Y, weights, biases):
        activations, zs = forward(X, weights, biases)
        delta = (Y - activations[-1] if y_minus_a else activations[-1] - Y) * error_factor
        if output_prime:
            delta = delta * nn.sigmoid_prime(zs[-1])
        n = (len(X) if mean else 1) * (len(X) if mean_twice else 1)
        nabla_w, nabla_b = [None] * len(weights), [None] * len(biases)
        for l in range(len(weights) - 1, -1, -1):
            nabla_w[l] = (delta.T @ activations[l] if swap else activations[l].T @ delta) / n
            nabla_b[l] = delta / n if bias_not_summed else delta.sum(axis=0) / n
            if l > 0:
                delta = delta @ (weights[l].T if backward_transpose else weights[l])
                if hidden_prime:
                    delta = delta * nn.sigmoid_prime(zs[l - 1])
        if in_place:
            weights[0] -= 1.0
        if returns == "weights only":
            return nabla_w
        if returns == "dict":
            return {"w": nabla_w, "b": nabla_b}
        if appended:  # filled from the last layer to the first, as a loop that appends would
            return nabla_w[::-1], nabla_b[::-1]
        return nabla_w, nabla_b
    return backprop


def test_right_answers_pass(capsys):
    check.cost(nn.cost)
    check.sigmoid_prime(nn.sigmoid_prime)
    check.backprop(nn.backprop)
    check.backprop(make_backprop())
    out = capsys.readouterr().out
    assert out.count("✔") == 4


@pytest.mark.parametrize("answer, message", [
    (unfilled, "cost is not written yet"),
    (returns_none, "returned None"),
    (raises, "raised IndexError"),
    (cost_no_half, "the 1/2 is missing"),
    (cost_sum, "it is the sum over the batch, not the mean"),
    (cost_mean_everything, r"divides by every number \(4 x 10\)"),
    (cost_per_sample, r"returned shape \(4,\); expected one number"),
    (cost_not_squared, "the difference is not squared"),
    # the right answer changed in a simple way: the check names the change
    (lambda outputs, Y: -nn.cost(outputs, Y), "the negative of the right answer: a sign is flipped"),
    (lambda outputs, Y: nn.cost(outputs, Y) / 2, "half the right answer"),
    (lambda outputs, Y: nn.cost(outputs, Y) / len(Y), r"divided by the number of samples \(4\).*the mean taken twice"),
    (lambda outputs, Y: nn.cost(outputs, Y) * 10, r"10 times the right answer: multiplied by the number of outputs"),
])
def test_cost_wrong(answer, message):
    with pytest.raises(CheckFailed, match=message):
        check.cost(answer)


@pytest.mark.parametrize("answer, message", [
    (unfilled, "sigmoid_prime is not written yet"),
    (returns_none, "returned None"),
    (prime_of_activation, "it is applied to z itself"),
    (prime_one_plus, r"it has \(1 \+ S\)"),
    (nn.sigmoid, "it is the sigmoid, not its derivative"),
    (lambda z: np.exp(-z) / (1 + np.exp(-z)) ** 2, r"z = \[-1000, 1000\] returned NaN[\s\S]*overflows[\s\S]*use your sigmoid"),
    (lambda z: nn.sigmoid(z) * (nn.sigmoid(z) - 1), "the negative of the right answer: a sign is flipped"),
    (lambda z: 2 * nn.sigmoid_prime(z), "twice the right answer"),
    (lambda z: nn.sigmoid_prime(z) / 2, "half the right answer"),
    (lambda z: nn.sigmoid_prime(nn.sigmoid(z)), r"the right answer for sigmoid\(z\) instead of z: the sigmoid is applied twice"),
])
def test_sigmoid_prime_wrong(answer, message):
    with pytest.raises(CheckFailed, match=message):
        check.sigmoid_prime(answer)


@pytest.mark.parametrize("answer, message", [
    (unfilled, "backprop is not written yet"),
    (returns_none, "backprop .* returned NoneType; expected two lists"),
    (raises, "raised IndexError"),
    (make_backprop(output_prime=False), "sigmoid_prime\\(z\\) is missing from the output error"),
    (make_backprop(hidden_prime=False), "sigmoid_prime\\(z\\) is missing when the error goes back"),
    (make_backprop(output_prime=False, hidden_prime=False), "sigmoid_prime\\(z\\) is missing everywhere"),
    (make_backprop(mean=False), "summed over the batch, not averaged"),
    (make_backprop(swap=True), r"nabla_w\[0\] has shape \(4, 3\), expected \(3, 4\)[\s\S]*a.T @ delta"),
    (make_backprop(bias_not_summed=True), r"nabla_b\[0\] has shape \(5, 4\), expected \(4,\)[\s\S]*delta.sum\(axis=0\)"),
    (make_backprop(backward_transpose=False), r"raised ValueError[\s\S]*delta @ W.T"),
    (make_backprop(in_place=True), "changed its argument `weights`"),
    (make_backprop(returns="weights only"), r"nabla_w should be a list of 2 arrays|returned list"),
    (make_backprop(returns="dict"), "returned dict; expected two lists"),
    (make_backprop(y_minus_a=True), r"nabla_w\[0\].*the negative of the right answer: a sign is flipped"),
    (make_backprop(error_factor=2), r"nabla_w\[0\].*twice the right answer"),
    (make_backprop(error_factor=0.5), r"nabla_w\[0\].*half the right answer"),
    (make_backprop(mean_twice=True), r"nabla_w\[0\].*divided by the number of samples \(5\).*the mean taken twice"),
    (make_backprop(appended=True), r"nabla_w\[0\].*expected shape \(3, 4\), got shape \(4, 2\); it is what belongs in "
                                   r"nabla_w\[1\]: the list is in the wrong order"),
])
def test_backprop_wrong(answer, message):
    with pytest.raises(CheckFailed, match=message):
        check.backprop(answer)
