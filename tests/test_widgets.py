"""The widgets of notebooks 01 and 05, driven from Python (the browser test drives them in JupyterLab)."""
import matplotlib
import numpy as np

from helpers import widgets
from helpers.widgets import explore_digits, hyperparameter_explorer

matplotlib.use("Agg")
RNG = np.random.default_rng(0)
X, y = RNG.random((60, 784), dtype=np.float32), np.arange(60) % 10


def test_explore_digits_limits_the_slider_to_the_chosen_digit():
    explorer = explore_digits(X, y)
    digit, position = explorer.kwargs_widgets
    assert position.max == 59
    digit.value = 3
    assert position.max == 5 and position.value == 0


def test_hyperparameter_explorer_trains_when_the_button_is_pressed(capsys):
    explorer = hyperparameter_explorer((X, y), (X[:20], y[:20]), train_size=40)
    assert explorer.manual_button.description == "Train"
    assert [w.description for w in explorer.kwargs_widgets] == ["hidden nodes", "epochs", "eta", "batch size", "seed",
                                                                "start"]
    explorer.kwargs_widgets[1].value = 2
    explorer.manual_button.click()
    out = capsys.readouterr().out
    assert "on 40 images" in out and "validation accuracy after 2 epochs" in out
    assert not explorer.manual_button.disabled


def test_hyperparameter_explorer_starts_scaled_and_says_so(capsys, monkeypatch):
    """By default it trains from the scaled start, as notebook 05's sweeps do; the menu offers N(0, 1)."""
    made = []

    class Recorded(widgets.Network):
        def __init__(self, sizes, seed=0, init="normal"):
            made.append((sizes, seed, init))
            super().__init__(sizes, seed=seed, init=init)

    monkeypatch.setattr(widgets, "Network", Recorded)
    explorer = hyperparameter_explorer((X, y), (X[:20], y[:20]), train_size=40)
    start = explorer.kwargs_widgets[-1]
    explorer.kwargs_widgets[1].value = 1
    explorer.manual_button.click()
    assert made[-1] == ([784, 30, 10], 0, "scaled")
    assert "(start: scaled, N(0, 1/n_in); seed 0)" in capsys.readouterr().out
    start.value = "normal"
    explorer.manual_button.click()
    assert made[-1] == ([784, 30, 10], 0, "normal")
    assert "(start: N(0, 1), as in notebook 04; seed 0)" in capsys.readouterr().out
