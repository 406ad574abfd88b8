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


@pytest.mark.parametrize("answer, message", [
    (unfilled, "softmax is not written yet"),
    (lambda Z: np.exp(Z) / np.exp(Z).sum(axis=0, keepdims=True), "it normalises each column"),
    (lambda Z: Z / Z.sum(axis=1, keepdims=True), "np.exp is missing"),
    (lambda Z: np.exp(Z) / np.exp(Z).sum(), "divides by the sum over the whole batch"),
    (lambda Z: np.exp(Z) / np.exp(Z).sum(axis=1), r"raised ValueError|values are wrong"),
    (lambda Z: np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True), r"\[\[ 1000\.[\s\S]*(warned: overflow|returned NaN)"),
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
])
def test_scaled_weights_wrong(answer, message):
    with pytest.raises(CheckFailed, match=message):
        check.scaled_weights(answer)


@pytest.mark.parametrize("relu, relu_prime, message", [
    (unfilled, modern.relu_prime, "relu is not written yet"),
    (np.abs, modern.relu_prime, "it is the absolute value"),
    (lambda Z: np.max(Z, 0), modern.relu_prime, r"expected shape \(2, 4\), got shape \(4,\)"),
    (modern.relu, modern.relu, "it is relu itself, not its slope"),
    (modern.relu, lambda Z: (Z < 0).astype(float), "it is 1 where z < 0"),
    (modern.relu, unfilled, "relu_prime is not written yet"),
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


def momentum_returns_p_only(p, v, g, eta, mu):
    v = mu * v - eta * g
    return p + v


@pytest.mark.parametrize("answer, message", [
    (unfilled, "momentum_step is not written yet"),
    (momentum_without_mu, "not multiplied by mu"),
    (momentum_plus_gradient, "the gradient is added"),
    (momentum_old_velocity, "p moves by the old velocity"),
    (momentum_returns_p_only, "returned ndarray; expected two arrays"),
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
    (lambda nW, W, lam: nW, "the values are wrong"),
])
def test_l2_gradient_wrong(answer, message):
    with pytest.raises(CheckFailed, match=message):
        check.l2_gradient(answer)
