"""tools/benchmark.py compares like with like: its one-example loop takes the same step as Network."""
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

import benchmark  # noqa: E402
from helpers import Network, one_hot  # noqa: E402


@pytest.fixture
def batch():
    rng = np.random.default_rng(1)
    X = rng.random((10, 784))
    return X, one_hot(rng.integers(0, 10, 10), 10)


def test_the_loop_takes_the_same_step_as_the_vectorised_network(batch):
    vectorised = Network([784, 30, 10], seed=0, dtype=np.float64)
    loop = benchmark.OneAtATime([784, 30, 10], seed=0, dtype=np.float64)
    outputs = vectorised.update_mini_batch(*batch, 3.0)
    loop_outputs = loop.update_mini_batch(*batch, 3.0)
    np.testing.assert_allclose(loop_outputs, outputs, rtol=1e-12)
    for W, W_loop in zip(vectorised.weights + vectorised.biases, loop.weights + loop.biases):
        np.testing.assert_allclose(W_loop, W, rtol=1e-12, atol=1e-14)
    assert not np.allclose(vectorised.weights[0], Network([784, 30, 10], seed=0, dtype=np.float64).weights[0])


def test_the_flop_bound_counts_six_operations_per_parameter_and_image():
    # [784, 100, 10] has 79,510 parameters: 6 x 79,510 x 50,000 operations at 100 GFLOP/s
    assert benchmark.flop_bound([784, 100, 10], 50_000, 100) == pytest.approx(6 * 79_510 * 50_000 / 100e9)


class Recorder(np.ndarray):
    """An array that notes the shapes of every matrix product it takes part in (on the left)."""
    shapes = []

    def __matmul__(self, other):
        Recorder.shapes.append((self.shape, other.shape))
        return (np.asarray(self) @ np.asarray(other)).view(Recorder)


class RecordingGenerator:
    """Stands in for np.random.default_rng(seed): its arrays are Recorders."""
    default_rng = np.random.default_rng

    def __init__(self, seed):
        self.generator = RecordingGenerator.default_rng(seed)

    def standard_normal(self, *args, **kwargs):
        return self.generator.standard_normal(*args, **kwargs).view(Recorder)


def test_the_products_alone_are_the_products_of_backprop(monkeypatch, batch):
    X, Y = batch
    Recorder.shapes = []
    Network([784, 100, 10], seed=0).backprop(X.astype(np.float32).view(Recorder), Y)
    one_batch = Recorder.shapes
    assert len(one_batch) == 5

    Recorder.shapes = []
    monkeypatch.setattr(benchmark.np.random, "default_rng", RecordingGenerator)
    benchmark.products_alone([784, 100, 10], len(X), 3 * len(X), 50)()
    validation = [((50, 784), (784, 100)), ((50, 100), (100, 10))]
    assert sorted(Recorder.shapes) == sorted(one_batch * 3 + validation)


def test_where_the_time_goes_has_a_row_for_all_threads_and_for_one():
    rng = np.random.default_rng(0)
    train = rng.random((200, 784), dtype=np.float32), rng.integers(0, 10, 200)
    validation = rng.random((50, 784), dtype=np.float32), rng.integers(0, 10, 50)
    rows = benchmark.where_the_time_goes(train, validation, repeats=1)
    assert len(rows) == 2 and rows[1].startswith("| 1 |")
    assert all(len(row.split("|")) == 9 for row in rows)
