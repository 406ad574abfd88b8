"""ModernNetwork: the options of notebook 07, against finite differences and the plain Network."""
import numpy as np
import pytest

from helpers import Network, NetworkFileError, load_mnist, nn, one_hot
from helpers import modern
from helpers.modern import ModernNetwork


def test_softmax_rows_are_probabilities_and_stable():
    P = modern.softmax(np.array([[1000.0, 0.0, -1000.0], [1.0, 2.0, 3.0]]))
    assert np.allclose(P.sum(axis=1), 1) and np.allclose(P[0], [1, 0, 0])
    assert np.allclose(P[1], np.exp([1, 2, 3]) / np.exp([1, 2, 3]).sum())


def test_cross_entropy_relu_and_its_slope_by_hand():
    outputs, Y = np.array([[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]]), np.eye(3)[[0, 2]]
    assert modern.cross_entropy(outputs, Y) == pytest.approx(-(np.log(0.7) + np.log(0.8)) / 2)
    assert np.isfinite(modern.cross_entropy(np.array([[0.0, 1.0]]), np.array([[1.0, 0.0]])))
    Z = np.array([[-2.0, 0.0, 3.0]], np.float32)
    assert modern.relu(Z).tolist() == [[0.0, 0.0, 3.0]]
    assert modern.relu_prime(Z).tolist() == [[0.0, 0.0, 1.0]] and modern.relu_prime(Z).dtype == np.float32


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
    nabla_w, nabla_b, _ = net.backprop(X, Y)
    for got, parameter in zip(nabla_w + nabla_b, net.weights + net.biases):
        numerical = nn.numerical_gradient(lambda: net.cost(X, Y), parameter)
        assert nn.relative_error(got, numerical) < 1e-6


def test_cost_is_cross_entropy_plus_the_l2_penalty():
    net = ModernNetwork([4, 3], seed=0, dtype=np.float64, l2=0.1)
    X, Y = np.ones((2, 4)), one_hot(np.array([0, 2]), 3)
    outputs = modern.softmax(X @ net.weights[0] + net.biases[0])
    by_hand = -np.mean(np.log(outputs[[0, 1], [0, 2]])) + 0.05 * np.sum(net.weights[0] ** 2)
    assert net.cost(X, Y) == pytest.approx(by_hand)


def test_sigmoid_quadratic_normal_is_the_plain_network():
    plain = Network([6, 5, 3], seed=2, dtype=np.float64)
    same = ModernNetwork([6, 5, 3], seed=2, dtype=np.float64, init="normal", hidden="sigmoid", output="sigmoid")
    X, Y = np.random.default_rng(0).standard_normal((4, 6)), one_hot(np.array([0, 1, 2, 1]), 3)
    assert np.allclose(plain.feedforward(X), same.feedforward(X))
    assert plain.cost(X, Y) == pytest.approx(same.cost(X, Y))
    for a, b in zip(sum(plain.backprop(X, Y)[:2], []), sum(same.backprop(X, Y)[:2], [])):
        assert np.allclose(a, b)


def test_scaled_initialisation_is_the_networks():
    net = ModernNetwork([784, 300, 10], seed=0)
    assert all(np.array_equal(p, q) for p, q in zip(net.weights + net.biases,
                                                    Network([784, 300, 10], seed=0, init="scaled").weights
                                                    + Network([784, 300, 10], seed=0, init="scaled").biases))
    assert abs(net.weights[0].std() - 1 / np.sqrt(784)) < 0.002
    assert abs(net.weights[1].std() - 1 / np.sqrt(300)) < 0.01


def test_momentum_accumulates_velocity():
    """Two steps: the second moves by mu times the first step plus its own."""
    net = ModernNetwork([3, 2], seed=0, dtype=np.float64, momentum=0.5)
    X, Y = np.ones((1, 3)), np.array([[1.0, 0.0]])
    W0 = net.weights[0].copy()
    g0 = net.backprop(X, Y)[0][0]
    net.update_mini_batch(X, Y, eta=0.1)
    assert np.allclose(net.weights[0], W0 - 0.1 * g0)
    g1 = net.backprop(X, Y)[0][0]
    net.update_mini_batch(X, Y, eta=0.1)
    assert np.allclose(net.velocity_w[0], 0.5 * (-0.1 * g0) - 0.1 * g1)
    assert np.allclose(net.weights[0], W0 - 0.1 * g0 + 0.5 * (-0.1 * g0) - 0.1 * g1)
    assert not np.allclose(net.weights[0], W0 - 0.1 * g0 - 0.1 * g1), "without momentum"


def test_learner_functions_are_used():
    calls = []

    def spy(function):
        def wrapped(*args):
            calls.append(function.__name__)
            return function(*args)
        return wrapped

    names = ["softmax", "cross_entropy", "relu", "relu_prime", "scaled_weights", "momentum_step", "l2_gradient"]
    net = ModernNetwork([4, 3, 2], momentum=0.9, l2=0.01, **{name: spy(getattr(modern, name)) for name in names})
    assert calls == ["scaled_weights", "scaled_weights"]
    X, y = np.ones((5, 4), np.float32), np.array([0, 1, 1, 0, 1])
    net.sgd(X, y, epochs=1, batch_size=5, eta=0.1)
    assert set(calls) == set(names)
    with pytest.raises(TypeError, match="sofmax"):
        ModernNetwork([4, 2], sofmax=modern.softmax)


def test_learns_with_every_option_and_a_schedule():
    (X, y), (X_val, y_val), _ = load_mnist()
    net = ModernNetwork([784, 32, 10], seed=0, momentum=0.9, l2=1e-4)
    history = net.sgd(X[:2000], y[:2000], 4, 20, lambda epoch: 0.05 / (1 + epoch), validation=(X_val[:500], y_val[:500]))
    assert history["val_accuracy"][-1] > 0.8 and history["cost"][-1] < history["cost"][0]


def test_save_and_load(tmp_path):
    net = ModernNetwork([784, 16, 10], seed=3, hidden="sigmoid", output="sigmoid")
    net.save(tmp_path / "m.npz")
    loaded = ModernNetwork.load(tmp_path / "m.npz")
    assert (loaded.hidden, loaded.output, loaded.sizes) == ("sigmoid", "sigmoid", [784, 16, 10])
    X = np.random.default_rng(0).random((3, 784)).astype(np.float32)
    assert np.array_equal(loaded.feedforward(X), net.feedforward(X))
    ModernNetwork([784, 16, 10], seed=3).save(tmp_path / "relu.npz")
    assert np.allclose(ModernNetwork.load(tmp_path / "relu.npz").feedforward(X).sum(axis=1), 1), "softmax outputs"
    Network([4, 2]).save(tmp_path / "plain.npz")
    with pytest.raises(NetworkFileError, match="holds another kind of network than ModernNetwork"):
        ModernNetwork.load(tmp_path / "plain.npz")
    with pytest.raises(NetworkFileError, match="holds another kind of network than Network"):
        Network.load(tmp_path / "m.npz")
