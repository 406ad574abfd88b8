"""Notebook 07's challenge: a learner's training function timed next to the reference recipe."""
import numpy as np
import pytest

from helpers import challenge, load_mnist
from helpers.challenge import ChallengeError, time_to_98
from helpers.modern import ModernNetwork

RNG = np.random.default_rng(0)
TRAIN = (RNG.random((40, 784), dtype=np.float32), RNG.integers(0, 10, 40))
VALIDATION = (RNG.random((20, 784), dtype=np.float32), RNG.integers(0, 10, 20))


class Knows:
    """A 'network' that reads the validation labels off a table: right every time, or wrong on some."""

    def __init__(self, wrong=0):
        self.table = {row.tobytes(): label for row, label in zip(*VALIDATION)}
        self.wrong = wrong

    def predict(self, X):
        labels = np.array([self.table[row.tobytes()] for row in X])
        labels[:self.wrong] = (labels[:self.wrong] + 1) % 10
        return labels


def test_reports_both_times_and_accuracies_and_which_is_better(capsys):
    got = time_to_98(lambda X, y: Knows(), TRAIN, VALIDATION, reference=lambda X, y: Knows(wrong=1))
    assert got["yours"][1] == 1.0 and got["reference"][1] == 0.95
    assert all(seconds >= 0 for seconds, _ in got.values())
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "training with your training function..."
    assert lines[1].startswith("    yours:") and lines[1].endswith(" s of processor time, validation accuracy 100.00%")
    assert lines[2] == "training with the reference recipe..."
    assert lines[3].startswith("reference:") and lines[3].endswith(" s of processor time, validation accuracy 95.00%")
    assert lines[4] == ("accuracy: your network is better: 100.00% against 95.00% for the reference, a lead of "
                        f"5.00 points, more than the margin of {challenge.FLOOR * 100:.2f} points.")
    assert lines[5].startswith("time: ") and " times the reference's processor time, " in lines[5]


def test_a_lead_within_the_margin_is_about_the_same(capsys):
    X_val, y_val = RNG.random((1000, 784), dtype=np.float32), RNG.integers(0, 10, 1000)
    wrong = y_val.copy()
    wrong[:2] = (wrong[:2] + 1) % 10  # 99.8%: 0.2 points behind, within the margin of 0.3
    time_to_98(lambda X, y: lambda X: wrong, TRAIN, (X_val, y_val), reference=lambda X, y: lambda X: y_val)
    assert ("accuracy: about the same: the reference 100.00%, your network 99.80%; 0.20 points apart, "
            "within the margin of 0.30 points.") in capsys.readouterr().out


def test_networks_functions_and_outputs_are_all_scored():
    outputs = np.eye(10)[VALIDATION[1]]
    assert challenge.predictions(lambda X: outputs, VALIDATION[0]).tolist() == VALIDATION[1].tolist()
    assert challenge.predictions(Knows().predict, VALIDATION[0]).tolist() == VALIDATION[1].tolist()
    net = ModernNetwork([784, 5, 10])
    assert np.array_equal(challenge.predictions(net, VALIDATION[0]), net.predict(VALIDATION[0]))


def test_each_run_gets_its_own_copy_of_the_data():
    seen = []

    def spoils(X, y):
        X[:] = 0
        return Knows()

    def looks(X, y):
        seen.append(X.sum())
        return Knows()

    time_to_98(spoils, TRAIN, VALIDATION, reference=looks)
    assert seen[0] == TRAIN[0].sum() > 0


@pytest.mark.parametrize("returned, message", [
    (None, r"returned None; expected the trained network \(`return net`\)"),
    (42, "returned 42; expected the trained network"),
    (lambda X: np.full((len(X), 10), np.nan), "gives NaN: training diverged"),
    (lambda X: np.zeros((len(X), 3)), r"shape \(20, 3\) .* expected \(20, 10\)"),
    (lambda X: 1 / 0, "raised ZeroDivisionError on the validation images"),
])
def test_clear_messages_for_what_cannot_be_scored(returned, message):
    with pytest.raises(ChallengeError, match=message):
        time_to_98(lambda X, y: returned, TRAIN, VALIDATION, reference=lambda X, y: Knows())


def test_an_exception_in_training_is_reported_plainly():
    def broken(X, y):
        raise ValueError("shapes (100,784) and (30,10) not aligned")

    with pytest.raises(ChallengeError, match=r"Your training function raised ValueError: shapes"):
        time_to_98(broken, TRAIN, VALIDATION, reference=lambda X, y: Knows())


def test_the_recipe_trains_a_modern_network_with_a_falling_learning_rate(monkeypatch):
    rates = []

    class Watched(ModernNetwork):
        def update_mini_batch(self, X, Y, eta):
            rates.append(eta)
            return super().update_mini_batch(X, Y, eta)

    monkeypatch.setattr(challenge, "ModernNetwork", Watched)
    (X, y), (X_val, y_val), _ = load_mnist()
    net = challenge.recipe(X[:3000], y[:3000], epochs=4)
    assert isinstance(net, ModernNetwork) and net.sizes == [784, 128, 10] and net.l2 > 0 and net.momentum > 0
    assert net.accuracy(X_val[:1000], y_val[:1000]) > 0.85
    per_epoch = rates[::30]
    assert len(rates) == 4 * 30 and per_epoch[0] == pytest.approx(0.15) and per_epoch == sorted(per_epoch, reverse=True)
    assert per_epoch[-1] < 0.15 / 4


def test_a_lead_beyond_the_margin_names_the_reference(capsys):
    X_val, y_val = RNG.random((1000, 784), dtype=np.float32), RNG.integers(0, 10, 1000)
    wrong = y_val.copy()
    wrong[:4] = (wrong[:4] + 1) % 10  # 99.6%: 0.4 points behind, more than the margin of 0.3
    got = time_to_98(lambda X, y: lambda X: wrong, TRAIN, (X_val, y_val), reference=lambda X, y: lambda X: y_val)
    assert got["yours"][1] == pytest.approx(0.996)
    assert ("accuracy: the reference is better: 100.00% against 99.60% for your network, a lead of 0.40 points, "
            "more than the margin of 0.30 points.") in capsys.readouterr().out


@pytest.mark.parametrize("yours, reference, said", [
    (1.0, 5.0, "time: yours is faster: you took 0.20 times the reference's processor time, beyond the margin of 1.5 "
               "times either way."),
    (5.0, 1.0, "time: the reference is faster: you took 5.00 times the reference's processor time, beyond the margin "
               "of 1.5 times either way."),
    (1.2, 1.0, "time: about the same: you took 1.20 times the reference's processor time, within the margin of 1.5 "
               "times either way."),
    (1.0, 1.4, "time: about the same: you took 0.71 times the reference's processor time, within the margin of 1.5 "
               "times either way."),
])
def test_the_time_verdict_is_a_claim_with_a_margin(monkeypatch, capsys, yours, reference, said):
    """The processor time each training took, from a clock the test controls: a ratio within 1.5 is a tie."""
    clock = [0.0]
    monkeypatch.setattr(challenge.time, "process_time", lambda: clock[0])

    def training(seconds):
        def train(X, y):
            clock[0] += seconds
            return Knows()
        return train

    time_to_98(training(yours), TRAIN, VALIDATION, reference=training(reference))
    assert said in capsys.readouterr().out.splitlines()


def test_waiting_is_not_counted_as_computing(capsys):
    """A training function that waits (as a busy laptop makes one wait) takes no processor time; one that computes does."""
    import time

    def waits(X, y):
        time.sleep(0.2)
        return Knows()

    def computes(X, y):
        total, start = 0, time.process_time()
        while time.process_time() - start < 0.1:
            total += sum(range(1000))
        return Knows()

    got = time_to_98(waits, TRAIN, VALIDATION, reference=computes)
    assert got["yours"][0] < 0.1 <= got["reference"][0]
    assert "time: yours is faster" in capsys.readouterr().out


def test_both_train_with_one_blas_thread_and_the_kernels_threads_come_back():
    """Spinning BLAS threads would count as processor time: both runs get one, whatever the kernel had."""
    from helpers import threads
    seen = []

    def counts(X, y):
        seen.append([library.num_threads for library, own in threads._numpy_threads()])
        return Knows()

    with threads.limited(2):
        time_to_98(counts, TRAIN, VALIDATION, reference=counts)
        assert [library.num_threads for library, own in threads._numpy_threads()] == [2]
    assert seen == [[1], [1]]
