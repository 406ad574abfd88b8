"""helpers.Network: gradients, evaluation, training, saving and loading."""
import numpy as np
import pytest

from helpers import Network, NetworkFileError, load_mnist, nn, one_hot


@pytest.fixture(scope="module")
def mnist():
    return load_mnist()


def test_shapes_and_dtype():
    net = Network([784, 30, 10])
    assert [W.shape for W in net.weights] == [(784, 30), (30, 10)]
    assert [b.shape for b in net.biases] == [(30,), (10,)]
    assert net.dtype == np.float32
    assert net.feedforward(np.zeros((3, 784), np.float32)).dtype == np.float32
    assert Network([4, 3], dtype=np.float64).feedforward(np.zeros((2, 4))).dtype == np.float64


def test_same_seed_same_network_and_standard_normal_weights():
    a, b = Network([784, 100, 10], seed=5), Network([784, 100, 10], seed=5)
    assert all(np.array_equal(p, q) for p, q in zip(a.weights + a.biases, b.weights + b.biases))
    assert abs(a.weights[0].mean()) < 0.02 and abs(a.weights[0].std() - 1) < 0.02


def test_feedforward_matches_the_reference_of_notebook_02():
    net = Network([6, 5, 3], seed=1, dtype=np.float64)
    X = np.random.default_rng(0).standard_normal((4, 6)) * 30  # large inputs: saturated sigmoids
    assert np.allclose(net.feedforward(X), nn.feedforward(X, net.weights, net.biases))


@pytest.mark.parametrize("sizes", [[5, 4, 3], [6, 5, 4, 3], [3, 2]])
def test_gradient_check(sizes):
    """Backprop against central differences, in float64: relative error below 1e-7."""
    net = Network(sizes, seed=len(sizes), dtype=np.float64)
    rng = np.random.default_rng(0)
    X = rng.standard_normal((7, sizes[0]))
    Y = one_hot(rng.integers(0, sizes[-1], 7), sizes[-1]).astype(np.float64)
    nabla_w, nabla_b = net.backprop(X, Y)
    for got, parameter in zip(nabla_w + nabla_b, net.weights + net.biases):
        numerical = nn.numerical_gradient(lambda: net.cost(X, Y), parameter)
        assert got.shape == parameter.shape
        assert nn.relative_error(got, numerical) < 1e-7


def test_backprop_matches_the_reference_of_notebook_03():
    net = Network([8, 6, 4], seed=2, dtype=np.float64)
    rng = np.random.default_rng(1)
    X, Y = rng.standard_normal((5, 8)), one_hot(rng.integers(0, 4, 5), 4)
    for got, expected in zip(sum(net.backprop(X, Y), []), sum(nn.backprop(X, Y, net.weights, net.biases), [])):
        assert np.allclose(got, expected)


def test_evaluate_counts_correct_predictions(mnist):
    _, (X_val, y_val), _ = mnist
    net = Network([784, 20, 10], seed=0)
    outputs = net.feedforward(X_val[:300])
    manual = sum(int(np.argmax(row) == label) for row, label in zip(outputs, y_val[:300]))
    assert net.evaluate(X_val[:300], y_val[:300]) == manual
    assert np.array_equal(net.predict(X_val[:300]), np.argmax(outputs, axis=1))


def test_learns_on_a_small_subset(mnist):
    (X, y), (X_val, y_val), _ = mnist
    net = Network([784, 30, 10], seed=3)
    before = net.evaluate(X_val[:1000], y_val[:1000])
    history = net.sgd(X[:3000], y[:3000], epochs=3, batch_size=10, eta=3.0, validation=(X_val[:1000], y_val[:1000]))
    assert set(history) == {"cost", "train_accuracy", "val_accuracy"}
    assert all(len(v) == 3 for v in history.values())
    assert history["cost"][-1] < history["cost"][0]
    assert history["val_accuracy"][-1] > 0.6 > 0.2 > before / 1000
    assert history["val_accuracy"][-1] == net.evaluate(X_val[:1000], y_val[:1000]) / 1000


def test_sgd_does_not_change_the_data(mnist):
    (X, y), _, _ = mnist
    X_part, y_part = X[:200].copy(), y[:200].copy()
    Network([784, 10, 10]).sgd(X_part, y_part, epochs=1, batch_size=7, eta=3.0)
    assert np.array_equal(X_part, X[:200]) and np.array_equal(y_part, y[:200])


def test_callback_is_called_every_epoch():
    calls = []
    X, y = np.random.default_rng(0).random((30, 4)).astype(np.float32), np.arange(30) % 3
    Network([4, 3, 3]).sgd(X, y, epochs=4, batch_size=8, eta=1.0, callback=lambda e, h: calls.append((e, len(h["cost"]))))
    assert calls == [(0, 1), (1, 2), (2, 3), (3, 4)]


def test_save_and_load_round_trip(tmp_path):
    net = Network([784, 12, 10], seed=4)
    net.save(tmp_path / "net.npz")
    loaded = Network.load(tmp_path / "net.npz")
    assert loaded.sizes == [784, 12, 10]
    assert all(np.array_equal(p, q) for p, q in zip(net.weights + net.biases, loaded.weights + loaded.biases))
    X = np.random.default_rng(0).random((5, 784)).astype(np.float32)
    assert np.array_equal(net.feedforward(X), loaded.feedforward(X))


def test_load_rejects_what_is_not_a_saved_network(tmp_path):
    with pytest.raises(NetworkFileError, match="No saved network"):
        Network.load(tmp_path / "missing.npz")
    text = tmp_path / "notes.npz"
    text.write_text("not a network")
    with pytest.raises(NetworkFileError, match="is not a saved network"):
        Network.load(text)
    np.savez(tmp_path / "other.npz", x=np.zeros(3))
    with pytest.raises(NetworkFileError, match="has no 'sizes'"):
        Network.load(tmp_path / "other.npz")
    np.savez(tmp_path / "short.npz", sizes=np.array([4, 3, 2]), W0=np.zeros((4, 3)), b0=np.zeros(3))
    with pytest.raises(NetworkFileError, match="missing the array 'W1'"):
        Network.load(tmp_path / "short.npz")
    np.savez(tmp_path / "bad.npz", sizes=np.array([4, 3]), W0=np.zeros((3, 4)), b0=np.zeros(3))
    with pytest.raises(NetworkFileError, match=r"layer 0 has weights \(3, 4\)"):
        Network.load(tmp_path / "bad.npz")


def test_load_refuses_pickled_arrays(tmp_path):
    np.save(tmp_path / "objects.npy", np.array([{"a": 1}], dtype=object), allow_pickle=True)
    (tmp_path / "objects.npz").write_bytes((tmp_path / "objects.npy").read_bytes())
    with pytest.raises(NetworkFileError):
        Network.load(tmp_path / "objects.npz")
