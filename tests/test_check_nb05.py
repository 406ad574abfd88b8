"""check.best_of_seeds passes the right answer and explains typical wrong ones."""
import pytest

import helpers
from helpers import Network, check
from helpers.check import CheckFailed


def trained(sizes, X, y, validation, epochs, batch_size, eta, seeds):
    """(network, history) for every seed, trained as best_of_seeds should."""
    runs = []
    for seed in seeds:
        net = helpers.Network(sizes, seed=seed)
        runs.append((net, net.sgd(X, y, epochs, batch_size, eta, validation=validation)))
    return runs


def best_of_seeds(*args):
    return max(trained(*args), key=lambda run: run[1]["val_accuracy"][-1])


def imported_name(sizes, X, y, validation, epochs, batch_size, eta, seeds):
    best = None
    for seed in seeds:
        net = Network(sizes, seed=seed)
        history = net.sgd(X, y, epochs, batch_size, eta, validation=validation)
        if best is None or history["val_accuracy"][-1] > best[1]["val_accuracy"][-1]:
            best = net, history
    return best


def by_training(*args):
    return max(trained(*args), key=lambda run: run[1]["train_accuracy"][-1])


def last_one(*args):
    return trained(*args)[-1]


def worst_on_validation(*args):
    return min(trained(*args), key=lambda run: run[1]["val_accuracy"][-1])


def worst_on_training(*args):
    return min(trained(*args), key=lambda run: run[1]["train_accuracy"][-1])


def never_replaces_first(*args):
    return trained(*args)[0]


def no_validation(sizes, X, y, validation, epochs, batch_size, eta, seeds):
    runs = [(net, net.sgd(X, y, epochs, batch_size, eta)) for net in (helpers.Network(sizes, seed=s) for s in seeds)]
    return max(runs, key=lambda run: run[1]["train_accuracy"][-1])


def same_seed(sizes, X, y, validation, epochs, batch_size, eta, seeds):
    return best_of_seeds(sizes, X, y, validation, epochs, batch_size, eta, [0] * len(seeds))


def fixed_eta(sizes, X, y, validation, epochs, batch_size, eta, seeds):
    return best_of_seeds(sizes, X, y, validation, epochs, batch_size, 3.5, seeds)


def history_only(*args):
    return best_of_seeds(*args)[1]


def network_only(*args):
    return best_of_seeds(*args)[0]


def mixed_up(*args):
    """The best network, with the history of another seed."""
    runs = trained(*args)
    best = max(runs, key=lambda run: run[1]["val_accuracy"][-1])
    return best[0], runs[0][1]


def returns_accuracy(*args):
    return best_of_seeds(*args)[1]["val_accuracy"][-1]


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
    (same_seed, r"trained networks with seeds \[0, 0, 0, 0, 0, 0, 0, 0\]"),
    (worst_on_validation, "it chose the worst on the validation set .*min where max is meant"),
    (worst_on_training, "it chose the worst on the training data"),
    (never_replaces_first, "it returned the first network trained"),
    (fixed_eta, "pass X, y, epochs, batch_size and eta on"),
    (history_only, "returned a dict; expected a pair"),
    (network_only, "returned a network; expected a pair"),
    (mixed_up, "the history is not the network's"),
    (returns_accuracy, "returned a float; expected a pair"),
])
def test_wrong(answer, message):
    with pytest.raises(CheckFailed, match=message):
        check.best_of_seeds(answer)
