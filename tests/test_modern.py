"""ModernNetwork: the options of notebook 07, against finite differences and the plain Network."""
import numpy as np
import pytest

from helpers import Network, NetworkFileError, nn, one_hot
from helpers.modern import REFERENCE, ModernNetwork, cross_entropy, softmax


def test_softmax_rows_are_probabilities_and_stable():
    P = softmax(np.array([[1000.0, 0.0, -1000.0], [1.0, 2.0, 3.0]]))
    assert np.allclose(P.sum(axis=1), 1) and np.allclose(P[0], [1, 0, 0])
    assert np.allclose(P[1], np.exp([1, 2, 3]) / np.exp([1, 2, 3]).sum())


@pytest.mark.parametrize("options", [
    dict(hidden="relu", output="softmax", l2=0.0),
    dict(hidden="sigmoid", output="softmax", l2=0.01),
    dict(hidden="relu", output="sigmoid", l2=0.01),
])
def test_gradient_check(options):
    """Backprop of every combination against central differences of its own cost, in float64."""
    net = ModernNetwork([5, 6, 4, 3], seed=1, dtype=np.float64, **options)
    rng = np.random.default_rng(0)
    X, Y = rng.standard_normal((7, 5)), one_hot(rng.integers(0, 3, 7), 3).astype(np.float64)
    nabla_w, nabla_b = net.backprop(X, Y)
    for got, parameter in zip(nabla_w + nabla_b, net.weights + net.biases):
        numerical = nn.numerical_gradient(lambda: net.cost(X, Y), parameter)
        assert nn.relative_error(got, numerical) < 1e-6


def test_sigmoid_quadratic_normal_is_the_plain_network():
    plain = Network([6, 5, 3], seed=2, dtype=np.float64)
    same = ModernNetwork([6, 5, 3], seed=2, dtype=np.float64, init="normal", hidden="sigmoid", output="sigmoid")
    X, Y = np.random.default_rng(0).standard_normal((4, 6)), one_hot(np.array([0, 1, 2, 1]), 3)
    assert np.allclose(plain.feedforward(X), same.feedforward(X))
    for a, b in zip(sum(plain.backprop(X, Y), []), sum(same.backprop(X, Y), [])):
        assert np.allclose(a, b)


def test_scaled_initialisation_spread():
    net = ModernNetwork([784, 300, 10], seed=0)
    assert abs(net.weights[0].std() - 1 / np.sqrt(784)) < 0.002
    assert abs(net.weights[1].std() - 1 / np.sqrt(300)) < 0.01


def test_momentum_accumulates_velocity():
    net = ModernNetwork([3, 2], seed=0, dtype=np.float64, momentum=0.5)
    X, Y = np.ones((1, 3)), np.array([[1.0, 0.0]])
    g = net.backprop(X, Y)[0][0]
    W0 = net.weights[0].copy()
    net.update_mini_batch(X, Y, eta=0.1)
    assert np.allclose(net.weights[0], W0 - 0.1 * g)
    assert np.allclose(net.velocities[0], -0.1 * g)


def test_learner_functions_are_used():
    calls = []

    def my_softmax(Z):
        calls.append("softmax")
        return softmax(Z)

    net = ModernNetwork([4, 3, 2], functions={"softmax": my_softmax})
    net.feedforward(np.ones((2, 4), np.float32))
    assert calls == ["softmax"]
    with pytest.raises(ValueError, match="unknown functions"):
        ModernNetwork([4, 2], functions={"sofmax": my_softmax})
    assert set(REFERENCE) >= {"softmax", "relu", "relu_prime", "cross_entropy", "momentum_step", "l2_gradient"}


def test_cost_is_cross_entropy_with_softmax():
    net = ModernNetwork([4, 3], seed=0, dtype=np.float64)
    X, Y = np.ones((2, 4)), one_hot(np.array([0, 2]), 3)
    assert net.cost(X, Y) == pytest.approx(cross_entropy(net.feedforward(X), Y))


def test_save_and_load(tmp_path):
    net = ModernNetwork([784, 16, 10], seed=3, hidden="relu", output="softmax")
    net.save(tmp_path / "m.npz")
    loaded = ModernNetwork.load(tmp_path / "m.npz")
    assert (loaded.hidden, loaded.output, loaded.sizes) == ("relu", "softmax", [784, 16, 10])
    X = np.random.default_rng(0).random((3, 784)).astype(np.float32)
    assert np.allclose(loaded.feedforward(X), net.feedforward(X))
    Network([4, 2]).save(tmp_path / "plain.npz")
    with pytest.raises(NetworkFileError, match="holds a plain Network"):
        ModernNetwork.load(tmp_path / "plain.npz")
