"""helpers.Network: gradients, a step, training, evaluation, saving and loading."""
import numpy as np
import pytest

from helpers import Network, NetworkFileError, load_mnist, nn, one_hot


@pytest.fixture(scope="module")
def mnist():
    return load_mnist()


def small_data(n=30, n_in=4, classes=3, seed=0):
    rng = np.random.default_rng(seed)
    return rng.random((n, n_in)).astype(np.float32), rng.integers(0, classes, n)


def test_shapes_and_dtype():
    net = Network([784, 30, 10])
    assert [W.shape for W in net.weights] == [(784, 30), (30, 10)]
    assert [b.shape for b in net.biases] == [(30,), (10,)]
    assert all(p.dtype == np.float32 for p in net.weights + net.biases)
    assert net.feedforward(np.zeros((3, 784), np.float32)).dtype == np.float32
    assert Network([4, 3], dtype=np.float64).feedforward(np.zeros((2, 4))).dtype == np.float64
    with pytest.raises(ValueError, match="init must be"):
        Network([4, 3], init="xavier")


def test_same_seed_same_network_and_standard_normal_weights():
    a, b = Network([784, 100, 10], seed=5), Network([784, 100, 10], seed=5)
    assert all(np.array_equal(p, q) for p, q in zip(a.weights + a.biases, b.weights + b.biases))
    assert not np.array_equal(a.weights[0], Network([784, 100, 10], seed=6).weights[0])
    assert abs(a.weights[0].mean()) < 0.02 and abs(a.weights[0].std() - 1) < 0.02
    assert abs(a.biases[0].std() - 1) < 0.3


def test_scaled_initialisation_divides_the_same_draws_by_sqrt_n_in():
    normal, scaled = Network([784, 100, 10], seed=2), Network([784, 100, 10], seed=2, init="scaled")
    assert np.allclose(scaled.weights[0], normal.weights[0] / 28, rtol=1e-6)
    assert np.allclose(scaled.weights[1], normal.weights[1] / 10, rtol=1e-6)
    assert all(np.array_equal(p, q) for p, q in zip(normal.biases, scaled.biases))


def test_feedforward_matches_the_tiny_network_of_notebook_02():
    net = Network([2, 3, 1], dtype=np.float64)
    net.weights = [np.array([[1.0, 2.0, 0.4], [0.5, 0.2, 0.4]]), np.array([[1.5], [4.0], [0.2]])]
    net.biases = [np.full(3, 0.5), np.array([0.3])]
    hidden = 1 / (1 + np.exp(-(np.array([1.0, 2.0]) @ net.weights[0] + 0.5)))
    expected = 1 / (1 + np.exp(-(hidden @ net.weights[1] + 0.3)))
    assert np.allclose(net.feedforward(np.array([[1.0, 2.0]])), expected)


@pytest.mark.parametrize("sizes", [[5, 4, 3], [6, 5, 4, 3], [3, 2]])
def test_gradient_check(sizes):
    """Backprop against central differences, in float64: relative error below 1e-7."""
    net = Network(sizes, seed=len(sizes), dtype=np.float64)
    rng = np.random.default_rng(0)
    X = rng.standard_normal((7, sizes[0]))
    Y = one_hot(rng.integers(0, sizes[-1], 7), sizes[-1]).astype(np.float64)
    nabla_w, nabla_b, a = net.backprop(X, Y)
    assert np.array_equal(a, net.feedforward(X))
    for got, parameter in zip(nabla_w + nabla_b, net.weights + net.biases):
        numerical = nn.numerical_gradient(lambda: net.cost(X, Y), parameter)
        assert got.shape == parameter.shape
        assert nn.relative_error(got, numerical) < 1e-7


def test_update_mini_batch_takes_one_step_downhill():
    net = Network([4, 5, 3], seed=1, dtype=np.float64)
    X, y = small_data(6)
    Y = one_hot(y, 3).astype(np.float64)
    before = [p.copy() for p in net.weights + net.biases]
    nabla_w, nabla_b, _ = net.backprop(X, Y)
    outputs = net.update_mini_batch(X, Y, eta=0.5)
    assert np.allclose(outputs, nn.feedforward(X, before[:2], before[2:])), "the outputs before the step"
    for p0, p1, g in zip(before, net.weights + net.biases, nabla_w + nabla_b):
        assert np.allclose(p1, p0 - 0.5 * g)
    assert net.cost(X, Y) < nn.cost(outputs, Y)


def test_evaluate_counts_and_accuracy_is_the_fraction(mnist):
    _, (X_val, y_val), _ = mnist
    net = Network([784, 20, 10], seed=0)
    outputs = net.feedforward(X_val[:300])
    manual = sum(int(np.argmax(row) == label) for row, label in zip(outputs, y_val[:300]))
    assert 0 < manual < 300
    assert net.evaluate(X_val[:300], y_val[:300]) == manual
    assert net.accuracy(X_val[:300], y_val[:300]) == pytest.approx(manual / 300)
    assert np.array_equal(net.predict(X_val[:300]), np.argmax(outputs, axis=1))


def test_learns_on_a_small_subset(mnist):
    (X, y), (X_val, y_val), _ = mnist
    net = Network([784, 30, 10], seed=3)
    before = net.accuracy(X_val[:1000], y_val[:1000])
    history = net.sgd(X[:3000], y[:3000], epochs=3, batch_size=10, eta=3.0, validation=(X_val[:1000], y_val[:1000]))
    assert set(history) == {"cost", "train_accuracy", "val_accuracy"}
    assert all(len(v) == 3 for v in history.values())
    assert history["cost"][-1] < history["cost"][0]
    assert before < 0.2 and history["val_accuracy"][-1] > 0.6
    assert history["val_accuracy"][-1] == net.accuracy(X_val[:1000], y_val[:1000])


def test_training_numbers_are_averages_over_the_epochs_mini_batches():
    """With eta = 0 the weights do not move, so the averages must equal one pass over the data."""
    X, y = small_data(37)
    net = Network([4, 6, 3], seed=0)
    history = net.sgd(X, y, epochs=2, batch_size=5, eta=0.0)  # 7 mini-batches of 5 and one of 2
    assert history["cost"] == pytest.approx([net.cost(X, one_hot(y, 3))] * 2, rel=1e-5)
    assert history["train_accuracy"] == pytest.approx([net.accuracy(X, y)] * 2)
    assert history["val_accuracy"] == []


def test_training_numbers_cost_no_extra_pass():
    """One forward pass per image per epoch (in its mini-batch), plus the validation images: no more."""
    class Counting(Network):
        def forward(self, X):
            self.rows += len(X)
            return super().forward(X)

    X, y = small_data(37)
    net = Counting([4, 6, 3])
    net.rows = 0
    net.sgd(X, y, epochs=2, batch_size=5, eta=1.0, validation=(X[:7], y[:7]))
    assert net.rows == 2 * (37 + 7)


class Spy(Network):
    """Records the rows and the learning rate of every mini-batch."""

    def update_mini_batch(self, X, Y, eta):
        self.seen.append((X[:, 0].copy(), eta))
        return super().update_mini_batch(X, Y, eta)


def test_sgd_shuffles_every_epoch_and_uses_every_row_once():
    X, y = small_data(23)
    X[:, 0] = np.arange(23)  # the first column tells the rows apart
    spy = Spy([4, 3, 3])
    spy.seen = []
    spy.sgd(X, y, epochs=3, batch_size=5, eta=1.0)
    assert [len(rows) for rows, _ in spy.seen] == [5, 5, 5, 5, 3] * 3
    epochs = [np.concatenate([rows for rows, _ in spy.seen[k:k + 5]]) for k in (0, 5, 10)]
    assert all(sorted(order) == list(range(23)) for order in epochs)
    assert not np.array_equal(epochs[0], np.arange(23)) and not np.array_equal(epochs[0], epochs[1])


def test_eta_can_be_a_schedule():
    X, y = small_data(10)
    spy = Spy([4, 3, 3])
    spy.seen = []
    spy.sgd(X, y, epochs=3, batch_size=5, eta=lambda epoch: np.float64(0.5) ** epoch)
    assert [rate for _, rate in spy.seen] == [1.0, 1.0, 0.5, 0.5, 0.25, 0.25]
    assert all(type(rate) is float for _, rate in spy.seen), "a NumPy float64 would make float32 steps in float64"


def test_sgd_does_not_change_the_data(mnist):
    (X, y), _, _ = mnist
    X_part, y_part = X[:200].copy(), y[:200].copy()
    Network([784, 10, 10]).sgd(X_part, y_part, epochs=1, batch_size=7, eta=3.0)
    assert np.array_equal(X_part, X[:200]) and np.array_equal(y_part, y[:200])


def test_callback_is_called_every_epoch():
    calls = []
    X, y = small_data(30)
    Network([4, 3, 3]).sgd(X, y, epochs=4, batch_size=8, eta=1.0, callback=lambda e, h: calls.append((e, len(h["cost"]))))
    assert calls == [(0, 1), (1, 2), (2, 3), (3, 4)]


def test_save_and_load_round_trip(tmp_path):
    net = Network([784, 12, 10], seed=4)
    net.save(tmp_path / "net.npz")
    loaded = Network.load(tmp_path / "net.npz")
    assert loaded.sizes == [784, 12, 10] and type(loaded) is Network
    assert all(np.array_equal(p, q) for p, q in zip(net.weights + net.biases, loaded.weights + loaded.biases))
    X = np.random.default_rng(0).random((5, 784)).astype(np.float32)
    assert np.array_equal(net.feedforward(X), loaded.feedforward(X))
    with np.load(tmp_path / "net.npz", allow_pickle=False) as data:
        assert sorted(data.files) == ["W0", "W1", "b0", "b1", "sizes"]


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
    np.savez(tmp_path / "pickled.npz", sizes=np.array([{"a": 1}], dtype=object))
    with pytest.raises(NetworkFileError, match="Object arrays cannot be loaded"):
        Network.load(tmp_path / "pickled.npz")
