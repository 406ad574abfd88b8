"""The reference forward pass and backprop of helpers.nn, against independent computations."""
import numpy as np
import pytest

from helpers import nn


def test_sigmoid_values_and_no_overflow():
    with np.errstate(all="raise"):
        s = nn.sigmoid(np.array([-1000.0, -1.0, 0.0, 1.0, 1000.0]))
    assert 0 <= s[0] < 1e-200 and s[-1] == 1.0 and s[2] == 0.5
    assert np.isclose(s[3], 1 / (1 + np.exp(-1.0))) and np.isclose(s[1] + s[3], 1.0)
    assert nn.sigmoid(np.zeros(3, np.float32)).dtype == np.float32


def test_feedforward_of_the_tiny_network_by_hand():
    W1 = np.array([[1.0, 2.0, 0.4], [0.5, 0.2, 0.4]])
    W2 = np.array([[1.5], [4.0], [0.2]])
    x = np.array([1.0, 2.0])
    hidden = [1 / (1 + np.exp(-z)) for z in (1 + 0.5 * 2, 2 + 0.2 * 2, 0.4 + 0.4 * 2)]
    output = 1 / (1 + np.exp(-(1.5 * hidden[0] + 4 * hidden[1] + 0.2 * hidden[2])))
    assert np.isclose(nn.feedforward(x, [W1, W2], [np.zeros(3), np.zeros(1)])[0], output)
    with_bias = [1 / (1 + np.exp(-(z + 0.5))) for z in (2.0, 2.4, 1.2)]
    output = 1 / (1 + np.exp(-(1.5 * with_bias[0] + 4 * with_bias[1] + 0.2 * with_bias[2] + 0.3)))
    assert np.isclose(nn.feedforward(x, [W1, W2], [np.full(3, 0.5), np.array([0.3])])[0], output)


def test_feedforward_batch_equals_one_row_at_a_time():
    rng = np.random.default_rng(0)
    weights, biases = nn.random_network([6, 4, 3], rng)
    X = rng.standard_normal((5, 6))
    rows = np.array([nn.feedforward(x, weights, biases) for x in X])
    assert np.allclose(nn.feedforward(X, weights, biases), rows)


def test_cost_and_accuracy():
    outputs = np.array([[0.9, 0.1], [0.2, 0.6], [0.7, 0.4]])
    y = np.array([0, 1, 1])
    assert nn.accuracy(outputs, y) == pytest.approx(2 / 3)
    Y = nn.one_hot(y, 2)
    by_hand = (0.5 * (0.1**2 + 0.1**2) + 0.5 * (0.2**2 + 0.4**2) + 0.5 * (0.7**2 + 0.6**2)) / 3
    assert nn.cost(outputs, Y) == pytest.approx(by_hand)


@pytest.mark.parametrize("sizes", [[3, 4, 2], [4, 5, 3, 2], [5, 3]])
def test_backprop_matches_finite_differences(sizes):
    """The gradient check of the reference backprop: relative error below 1e-7 in float64."""
    rng = np.random.default_rng(len(sizes))
    weights, biases = nn.random_network(sizes, rng)
    X = rng.standard_normal((6, sizes[0]))
    Y = nn.one_hot(rng.integers(0, sizes[-1], 6), sizes[-1])
    nabla_w, nabla_b = nn.backprop(X, Y, weights, biases)

    def f():
        return nn.cost(nn.feedforward(X, weights, biases), Y)

    for got, parameter in zip(nabla_w + nabla_b, weights + biases):
        assert got.shape == parameter.shape
        assert nn.relative_error(got, nn.numerical_gradient(f, parameter)) < 1e-7


def test_relative_error_scale():
    assert nn.relative_error([1.0, 2.0], [1.0, 2.0]) == 0.0
    assert nn.relative_error([0.0], [0.0]) == 0.0
    assert nn.relative_error([2.0], [1.0]) == pytest.approx(1 / 3)
