"""check.best_of_seeds passes the right answer and explains typical wrong ones."""
import pytest

import helpers
from helpers import Network, check
from helpers.check import CheckFailed


def best_of_seeds(sizes, X, y, validation, epochs, batch_size, eta, seeds):
    histories = [helpers.Network(sizes, seed=seed).sgd(X, y, epochs, batch_size, eta, validation=validation)
                 for seed in seeds]
    return max(histories, key=lambda h: h["val_accuracy"][-1])


def imported_name(sizes, X, y, validation, epochs, batch_size, eta, seeds):
    best = None
    for seed in seeds:
        history = Network(sizes, seed=seed).sgd(X, y, epochs, batch_size, eta, validation=validation)
        if best is None or history["val_accuracy"][-1] > best["val_accuracy"][-1]:
            best = history
    return best


def by_training(sizes, X, y, validation, epochs, batch_size, eta, seeds):
    histories = [helpers.Network(sizes, seed=s).sgd(X, y, epochs, batch_size, eta, validation=validation)
                 for s in seeds]
    return max(histories, key=lambda h: h["train_accuracy"][-1])


def last_one(sizes, X, y, validation, epochs, batch_size, eta, seeds):
    for s in seeds:
        history = helpers.Network(sizes, seed=s).sgd(X, y, epochs, batch_size, eta, validation=validation)
    return history


def worst_on_validation(sizes, X, y, validation, epochs, batch_size, eta, seeds):
    histories = [helpers.Network(sizes, seed=s).sgd(X, y, epochs, batch_size, eta, validation=validation)
                 for s in seeds]
    return min(histories, key=lambda h: h["val_accuracy"][-1])


def worst_on_training(sizes, X, y, validation, epochs, batch_size, eta, seeds):
    histories = [helpers.Network(sizes, seed=s).sgd(X, y, epochs, batch_size, eta, validation=validation)
                 for s in seeds]
    return min(histories, key=lambda h: h["train_accuracy"][-1])


def never_replaces_first(sizes, X, y, validation, epochs, batch_size, eta, seeds):
    best = None
    for seed in seeds:
        history = Network(sizes, seed=seed).sgd(X, y, epochs, batch_size, eta, validation=validation)
        if best is None or history["val_accuracy"][-1] > 1:
            best = history
    return best


def no_validation(sizes, X, y, validation, epochs, batch_size, eta, seeds):
    histories = [helpers.Network(sizes, seed=s).sgd(X, y, epochs, batch_size, eta) for s in seeds]
    return max(histories, key=lambda h: h["train_accuracy"][-1])


def same_seed(sizes, X, y, validation, epochs, batch_size, eta, seeds):
    histories = [helpers.Network(sizes).sgd(X, y, epochs, batch_size, eta, validation=validation) for s in seeds]
    return max(histories, key=lambda h: h["val_accuracy"][-1])


def fixed_eta(sizes, X, y, validation, epochs, batch_size, eta, seeds):
    histories = [helpers.Network(sizes, seed=s).sgd(X, y, epochs, batch_size, 3.5, validation=validation)
                 for s in seeds]
    return max(histories, key=lambda h: h["val_accuracy"][-1])


def returns_accuracy(sizes, X, y, validation, epochs, batch_size, eta, seeds):
    return best_of_seeds(sizes, X, y, validation, epochs, batch_size, eta, seeds)["val_accuracy"][-1]


def unfilled(*args):
    raise NotImplementedError


@pytest.mark.parametrize("answer", [best_of_seeds, imported_name])
def test_right(answer, capsys):
    check.best_of_seeds(answer)
    assert "✔ best_of_seeds trains one network per seed" in capsys.readouterr().out
    assert helpers.Network is Network, "the check puts the real Network back"


@pytest.mark.parametrize("answer, message", [
    (unfilled, "best_of_seeds is not written yet"),
    (by_training, "it chose the best on the training data"),
    (last_one, "it returned the last network trained"),
    (no_validation, "called sgd without validation data"),
    (same_seed, r"trained networks with seeds \[0, 0, 0, 0, 0, 0\]"),
    (worst_on_validation, "it chose the worst on the validation set .*min where max is meant"),
    (worst_on_training, "it chose the worst on the training data"),
    (never_replaces_first, "it returned the first network trained"),
    (fixed_eta, "pass X, y, epochs, batch_size and eta on"),
    (returns_accuracy, "returned float; expected the history"),
])
def test_wrong(answer, message):
    with pytest.raises(CheckFailed, match=message):
        check.best_of_seeds(answer)
