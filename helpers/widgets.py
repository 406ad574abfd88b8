"""Interactive explorers built with ipywidgets (they need a live Jupyter kernel)."""
import ipywidgets as widgets
import matplotlib.pyplot as plt

from .network import Network
from .plots import SIDE, draw_history


def explore_digits(X, y):
    """Browse the images in X (n, 784) with labels y (n,), optionally only one digit."""
    digit = widgets.Dropdown(options=[("all", -1)] + [(str(d), d) for d in range(10)],
                             value=-1, description="digit")
    position = widgets.IntSlider(value=0, min=0, max=len(y) - 1, description="image")

    def matching(d):
        return range(len(y)) if d < 0 else (y == d).nonzero()[0]

    def on_digit(change):
        position.max = max(len(matching(change["new"])) - 1, 0)
        position.value = 0

    digit.observe(on_digit, names="value")

    def show(d, k):
        i = matching(d)[k]
        fig, ax = plt.subplots(figsize=(3, 3))
        ax.imshow(X[i].reshape(SIDE, SIDE), cmap="gray_r", vmin=0, vmax=1)
        ax.set_title(f"row {i}: label {y[i]}")
        ax.axis("off")
        plt.show()

    return widgets.interactive(show, d=digit, k=position)


STARTS = {"scaled": "scaled, N(0, 1/n_in)", "normal": "N(0, 1), as in notebook 04"}  # the "start" menu


def hyperparameter_explorer(train, validation, train_size=10_000):
    """Sliders for the hyperparameters and a Train button that draws the learning curves.

    Trains a fresh helpers.Network on the first ``train_size`` training images, from the start chosen in
    the "start" menu: the scaled one (the default, as in notebook 05's sweeps) or N(0, 1). The button
    is ipywidgets' own (``interactive`` with manual=True): it is disabled while training runs.
    """
    X, y = train[0][:train_size], train[1][:train_size]

    def train_and_plot(hidden, epochs, eta, batch_size, seed, init):
        print(f"training {hidden} hidden nodes on {len(y):,} images (start: {STARTS[init]}; seed {seed})...")
        net = Network([784, hidden, 10], seed=seed, init=init)
        history = net.sgd(X, y, epochs, batch_size, eta, validation=validation)
        print(f"validation accuracy after {epochs} epochs: {history['val_accuracy'][-1]:.2%}")
        draw_history(history)
        plt.show()

    explorer = widgets.interactive(
        train_and_plot, {"manual": True, "manual_name": "Train"},
        hidden=widgets.IntSlider(value=30, min=5, max=200, step=5, description="hidden nodes"),
        epochs=widgets.IntSlider(value=10, min=1, max=30, description="epochs"),
        eta=widgets.SelectionSlider(options=[0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0, 30.0, 100.0], value=3.0,
                                    description="eta"),
        batch_size=widgets.Dropdown(options=[1, 10, 25, 100, 1000], value=10, description="batch size"),
        seed=widgets.IntText(value=0, description="seed"),
        init=widgets.Dropdown(options=[(text, init) for init, text in STARTS.items()], value="scaled",
                              description="start"))
    explorer.manual_button.button_style = "primary"
    return explorer
