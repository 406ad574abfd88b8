"""tools/benchmark.py compares like with like: its one-example loop takes the same step as Network, its
products alone are an epoch's own, its thread table measures with all BLAS threads, then one, and its busy
table runs both settings in turns beside the busy programs it starts and stops."""
import contextlib
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

import benchmark  # noqa: E402
import helpers  # noqa: E402
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


def layout(A, B):
    """What decides how a product A @ B is computed: the shapes, and which operand is a transposed view."""
    return A.shape, A.flags.f_contiguous, B.shape, B.flags.f_contiguous


class Recorder(np.ndarray):
    """An array that notes the layout of every matrix product it takes part in (on the left)."""
    layouts = []

    def __matmul__(self, other):
        Recorder.layouts.append(layout(self, other))
        return (np.asarray(self) @ np.asarray(other)).view(Recorder)


def test_the_products_alone_are_those_of_an_epoch(batch):
    X, Y = batch
    net = Network([784, 100, 10], seed=0)
    Recorder.layouts = []
    net.backprop(X.astype(np.float32).view(Recorder), Y)
    one_batch = Recorder.layouts
    Recorder.layouts = []
    net.feedforward(np.zeros((50, 784), np.float32).view(Recorder))
    validation = Recorder.layouts
    assert len(one_batch) == 5 and len(validation) == 2

    pairs = benchmark.epoch_products([784, 100, 10], len(X), 3 * len(X), 50)
    assert sorted(layout(A, B) for A, B in pairs) == sorted(one_batch * 3 + validation)
    assert all(A.dtype == B.dtype == np.float32 for A, B in pairs)


@pytest.fixture
def small_data():
    rng = np.random.default_rng(0)
    train = rng.random((200, 784), dtype=np.float32), rng.integers(0, 10, 200)
    validation = rng.random((50, 784), dtype=np.float32), rng.integers(0, 10, 50)
    return train, validation


def blas_threads():
    from threadpoolctl import threadpool_info
    return next(library["num_threads"] for library in threadpool_info() if library["user_api"] == "blas")


def numpy_own_threads():
    return helpers.threads._numpy_threads()[0][1]


def test_where_the_time_goes_measures_with_numpys_threads_then_one_and_restores_the_workshops(monkeypatch,
                                                                                              small_data):
    measured_with, own, workshop = [], numpy_own_threads(), blas_threads()
    monkeypatch.setattr(benchmark, "matmul_gflops", lambda: measured_with.append(blas_threads()) or 100.0)
    lines = benchmark.where_the_time_goes(*small_data, repeats=1)
    assert measured_with == [own, 1] and blas_threads() == workshop == 1
    assert [line.split(" | ")[0] for line in lines[2:]] == [f"| {own}", "| 1"]
    assert all(len(line.split("|")) == 10 for line in lines)


def test_the_busy_table_takes_turns_beside_0_1_2_busy_programs_and_stops_them(monkeypatch, small_data):
    started, seen = [], []  # the busy programs; (how many run, BLAS threads) at each epoch
    real = benchmark.busy_programs

    @contextlib.contextmanager
    def recorded(count):
        with real(count, seconds=60) as programs:
            started.extend(programs)
            yield programs

    def timed(run, repeats):
        seen.append((sum(program.poll() is None for program in started), blas_threads()))
        return 1.0
    monkeypatch.setattr(benchmark, "busy_programs", recorded)
    monkeypatch.setattr(benchmark, "median_seconds", timed)
    lines = benchmark.busy_table(*small_data, repeats=2)
    own = numpy_own_threads()
    assert seen == [(busy, threads) for busy in (0, 1, 2) for _ in range(2) for threads in (own, 1)]
    assert len(started) == 3 and all(program.poll() is not None for program in started)  # all stopped
    assert blas_threads() == 1  # the workshop's choice again
    assert lines[2].startswith(f"| NumPy's own: {own} |") and lines[3].startswith("| the workshop's: 1 |")


def test_the_recipe_line_measures_notebook_07s_recipe(small_data):
    train, validation = small_data
    reached, seconds, val_accuracy, test_accuracy = benchmark.recipe_to_98(train, validation, validation)
    assert reached == [] and seconds > 0  # random pixels and labels: 98% is out of reach
    assert 0 <= val_accuracy <= 1 and test_accuracy == val_accuracy
