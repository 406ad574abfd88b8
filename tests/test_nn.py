"""The reference forward pass and backprop of helpers.nn, against independent computations."""
import numpy as np
import pytest

from helpers import Network, nn


def test_sigmoid_values_and_no_overflow():
    with np.errstate(all="raise"):
        s = nn.sigmoid(np.array([-1000.0, -1.0, 0.0, 1.0, 1000.0]))
        assert nn.sigmoid(np.array([-1000.0, 1000.0], np.float32)).tolist() == [0.0, 1.0]
    assert 0 <= s[0] < 1e-200 and s[-1] == 1.0 and s[2] == 0.5
    assert np.isclose(s[3], 1 / (1 + np.exp(-1.0))) and np.isclose(s[1] + s[3], 1.0)
    z = np.linspace(-30, 30, 61)
    assert np.allclose(nn.sigmoid(z), 1 / (1 + np.exp(-z)), rtol=1e-12, atol=1e-15)
    assert nn.sigmoid(np.zeros(3, np.float32)).dtype == np.float32


def test_sigmoid_prime_is_the_slope_of_the_sigmoid():
    z = np.linspace(-6, 6, 25)
    s = 1 / (1 + np.exp(-z))
    assert np.allclose(nn.sigmoid_prime(z), s * (1 - s), rtol=1e-12)
    assert np.allclose(nn.sigmoid_prime(z), (nn.sigmoid(z + 1e-6) - nn.sigmoid(z - 1e-6)) / 2e-6, atol=1e-9)


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


def test_random_network_is_the_networks_standard_normal_start():
    weights, biases = nn.random_network([784, 30, 10], np.random.default_rng(3))
    net = Network([784, 30, 10], seed=3, dtype=np.float64)
    assert all(np.array_equal(p, q) for p, q in zip(weights + biases, net.weights + net.biases))
    assert [W.shape for W in weights] == [(784, 30), (30, 10)] and weights[0].dtype == np.float64
    assert abs(weights[0].std() - 1) < 0.02


def test_cost_and_accuracy():
    outputs = np.array([[0.9, 0.1], [0.2, 0.6], [0.7, 0.4]])
    y = np.array([0, 1, 1])
    assert nn.accuracy(outputs, y) == pytest.approx(2 / 3)
    assert nn.predict(outputs).tolist() == [0, 1, 0]
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
    saved = [p.copy() for p in weights + biases]
    nabla_w, nabla_b = nn.backprop(X, Y, weights, biases)
    assert all(np.array_equal(p, q) for p, q in zip(saved, weights + biases)), "backprop changed the parameters"

    def f():
        return nn.cost(nn.feedforward(X, weights, biases), Y)

    for got, parameter in zip(nabla_w + nabla_b, weights + biases):
        assert got.shape == parameter.shape
        assert nn.relative_error(got, nn.numerical_gradient(f, parameter)) < 1e-7


def test_backprop_of_one_neuron_by_hand():
    """One input, one sigmoid output: dC/dw = (a - y) S'(z) x, averaged over the two samples."""
    X, Y = np.array([[1.0], [2.0]]), np.array([[1.0], [0.0]])
    w, b = 0.5, -0.3
    z = X[:, 0] * w + b
    a = 1 / (1 + np.exp(-z))
    delta = (a - Y[:, 0]) * a * (1 - a)
    nabla_w, nabla_b = nn.backprop(X, Y, [np.array([[w]])], [np.array([b])])
    assert np.isclose(nabla_w[0][0, 0], np.mean(delta * X[:, 0])) and np.isclose(nabla_b[0][0], np.mean(delta))


def test_relative_error_scale():
    assert nn.relative_error([1.0, 2.0], [1.0, 2.0]) == 0.0
    assert nn.relative_error([0.0], [0.0]) == 0.0
    assert nn.relative_error([2.0], [1.0]) == pytest.approx(1 / 3)
