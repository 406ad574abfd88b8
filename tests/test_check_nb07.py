"""The checks of notebook 07 pass right answers and explain typical wrong ones."""
import numpy as np
import pytest

from helpers import check, modern
from helpers.check import CheckFailed


def unfilled(*args):
    raise NotImplementedError


def test_right_answers_pass(capsys):
    check.softmax(modern.softmax)
    check.cross_entropy(modern.cross_entropy)
    check.scaled_weights(modern.scaled_weights)
    check.relu(modern.relu, modern.relu_prime)
    check.momentum_step(modern.momentum_step)
    check.l2_gradient(modern.l2_gradient)
    assert capsys.readouterr().out.count("✔") == 6


def test_scaled_weights_of_either_sign_are_right(capsys):
    """-W is drawn from the same distribution as W: no sign to get wrong, so the check passes it."""
    check.scaled_weights(lambda n_in, n_out, rng: -modern.scaled_weights(n_in, n_out, rng))
    assert "✔ scaled_weights draws weights" in capsys.readouterr().out


@pytest.mark.parametrize("answer, message", [
    (unfilled, "softmax is not written yet"),
    (lambda Z: np.exp(Z) / np.exp(Z).sum(axis=0, keepdims=True), "it normalises each column"),
    (lambda Z: Z / Z.sum(axis=1, keepdims=True), "np.exp is missing"),
    (lambda Z: np.exp(Z) / np.exp(Z).sum(), "divides by the sum over the whole batch"),
    (lambda Z: np.exp(Z) / np.exp(Z).sum(axis=1), r"without keepdims=True"),
    (lambda Z: np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True), r"\[\[ 1000\.[\s\S]*(warned: overflow|returned NaN)"),
    # the right answer changed in a simple way: the check names the change
    (lambda Z: -modern.softmax(Z), "the negative of the right answer: a sign is flipped"),
    (lambda Z: 2 * modern.softmax(Z), "twice the right answer"),
    (lambda Z: modern.softmax(Z).T, "the transpose of the right answer: rows and columns are swapped"),
])
def test_softmax_wrong(answer, message):
    with pytest.raises(CheckFailed, match=message):
        check.softmax(answer)


@pytest.mark.parametrize("answer, message", [
    (unfilled, "cross_entropy is not written yet"),
    (lambda O, Y: np.sum(Y * np.log(O)) / len(Y), "the minus sign is missing"),
    (lambda O, Y: -np.sum(Y * np.log(O)), "sums over the batch instead of taking the mean"),
    (lambda O, Y: -np.mean(Y * np.log(O)), r"divides by every number \(4 x 3\)"),
    (lambda O, Y: -np.sum(np.log(O)) / len(Y), "it takes the log of every output"),
    (lambda O, Y: -np.sum(Y * np.log(O), axis=1), r"returned shape \(4,\)"),
    (lambda O, Y: -2 * np.sum(Y * np.log(O)) / len(Y), "twice the right answer"),
    (lambda O, Y: -0.5 * np.sum(Y * np.log(O)) / len(Y), "half the right answer"),
    (lambda O, Y: -np.sum(Y * np.log(O)) / len(Y) ** 2, r"divided by the number of samples \(4\).*the mean taken twice"),
    (lambda O, Y: -np.sum(Y * np.log(O)) / len(Y) * 3, r"multiplied by the number of outputs \(3\) once too often"),
])
def test_cross_entropy_wrong(answer, message):
    with pytest.raises(CheckFailed, match=message):
        check.cross_entropy(answer)


@pytest.mark.parametrize("answer, message", [
    (unfilled, "scaled_weights is not written yet"),
    (lambda n_in, n_out, rng: rng.standard_normal((n_in, n_out)), "they are not scaled at all"),
    (lambda n_in, n_out, rng: rng.standard_normal((n_in, n_out)) / n_in, "divided by n_in, not by its square root"),
    (lambda n_in, n_out, rng: rng.standard_normal((n_in, n_out)) / np.sqrt(n_out), "scaled by n_out"),
    (lambda n_in, n_out, rng: rng.standard_normal((n_out, n_in)) / np.sqrt(n_in), r"shape \(300, 400\), expected \(400, 300\)"),
    (lambda n_in, n_out, rng: rng.random((n_in, n_out)) / np.sqrt(n_in), "the mean is"),
    (lambda n_in, n_out, rng: 2 * rng.standard_normal((n_in, n_out)) / np.sqrt(n_in), r"spread .*twice the right answer"),
    (lambda n_in, n_out, rng: rng.standard_normal((n_in, n_out)) / np.sqrt(4 * n_in), r"spread .*half the right answer"),
    (lambda n_in, n_out, rng: rng.standard_normal((n_in, n_out)) * 0.07,
     r"spread \(standard deviation\) of the weights is 0.0701 = 1/sqrt\(204\); expected 1/sqrt\(n_in\)"),
])
def test_scaled_weights_wrong(answer, message):
    with pytest.raises(CheckFailed, match=message):
        check.scaled_weights(answer)


@pytest.mark.parametrize("relu, relu_prime, message", [
    (unfilled, modern.relu_prime, "relu is not written yet"),
    (np.abs, modern.relu_prime, "it is the absolute value"),
    (lambda Z: np.max(Z, 0), modern.relu_prime, r"returned shape \(4,\): np.max\(Z, 0\) takes the largest of each column"),
    (modern.relu, modern.relu, "it is relu itself, not its slope"),
    (modern.relu, lambda Z: (Z < 0).astype(float), "it is 1 where z < 0"),
    (modern.relu, unfilled, "relu_prime is not written yet"),
    (lambda Z: -modern.relu(Z), modern.relu_prime, "the negative of the right answer: a sign is flipped"),
    (lambda Z: 2 * modern.relu(Z), modern.relu_prime, "twice the right answer"),
    (lambda Z: modern.relu(Z).T, modern.relu_prime, r"expected shape \(2, 4\), got shape \(4, 2\); it is the transpose"),
    (modern.relu, lambda Z: -modern.relu_prime(Z), "relu_prime .*the negative of the right answer: a sign is flipped"),
    (modern.relu, lambda Z: 2 * modern.relu_prime(Z), "relu_prime .*twice the right answer"),
])
def test_relu_wrong(relu, relu_prime, message):
    with pytest.raises(CheckFailed, match=message):
        check.relu(relu, relu_prime)


def momentum_without_mu(p, v, g, eta, mu):
    v = v - eta * g
    return p + v, v


def momentum_plus_gradient(p, v, g, eta, mu):
    v = mu * v + eta * g
    return p + v, v


def momentum_old_velocity(p, v, g, eta, mu):
    return p + v, mu * v - eta * g


def momentum_velocity_sign(p, v, g, eta, mu):
    v = eta * g - mu * v  # p - v is then right; v is not
    return p - v, v


def momentum_p_minus_v(p, v, g, eta, mu):
    v = mu * v - eta * g
    return p - v, v


def momentum_velocity_doubled(p, v, g, eta, mu):
    v = 2 * (mu * v - eta * g)
    return p + v / 2, v


def momentum_half_step(p, v, g, eta, mu):
    v = mu * v - eta * g
    return p + v / 2, v


def momentum_returns_p_only(p, v, g, eta, mu):
    v = mu * v - eta * g
    return p + v


@pytest.mark.parametrize("answer, message", [
    (unfilled, "momentum_step is not written yet"),
    (momentum_without_mu, "not multiplied by mu"),
    (momentum_plus_gradient, "the gradient is added"),
    (momentum_old_velocity, "p moves by the old velocity"),
    (momentum_returns_p_only, "returned ndarray; expected two arrays"),
    (momentum_velocity_sign, "new v .*the negative of the right answer: a sign is flipped"),
    (momentum_p_minus_v, r"step for p \(new p minus p\) .*the negative of the right answer: a sign is flipped"),
    (momentum_velocity_doubled, "new v .*twice the right answer"),
    (momentum_half_step, r"step for p \(new p minus p\) .*half the right answer"),
])
def test_momentum_step_wrong(answer, message):
    with pytest.raises(CheckFailed, match=message):
        check.momentum_step(answer)


@pytest.mark.parametrize("answer, message", [
    (unfilled, "l2_gradient is not written yet"),
    (lambda nW, W, lam: nW + lam * W / 2, "the 1/2 in lam/2"),
    (lambda nW, W, lam: nW - lam * W, "the sign is wrong"),
    (lambda nW, W, lam: nW + 2 * lam * W, "not 2 lam W"),
    (lambda nW, W, lam: nW + lam, "it adds lam"),
    (lambda nW, W, lam: nW, r"l2_gradient\(nabla_W = 0, W, lam\) gives a wrong answer: .* lam \* W\. It returns 0 "
                            r"there: the part of the formula without nabla_W is missing"),
    (lambda nW, W, lam: -(nW + lam * W), "the negative of the right answer: a sign is flipped"),
    (lambda nW, W, lam: 2 * (nW + lam * W), "twice the right answer"),
    (lambda nW, W, lam: (nW + lam * W) / 2, "half the right answer"),
])
def test_l2_gradient_wrong(answer, message):
    with pytest.raises(CheckFailed, match=message):
        check.l2_gradient(answer)
