"""Interactive explorers built with ipywidgets (they need a live Jupyter kernel)."""
import ipywidgets as widgets
import matplotlib.pyplot as plt

from .plots import SIDE


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
