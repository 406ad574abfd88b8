"""Pictures of the data. Display code only: nothing here is part of a lesson's TODO.

Images come in as rows of 784 pixel values (shape (n, 784)), as everywhere in
the workshop, and are reshaped to 28x28 only to be drawn. The functions draw and
return nothing, so a notebook shows each figure once.
"""
import matplotlib.pyplot as plt
import numpy as np

SIDE = 28  # MNIST images are 28x28 pixels


def _grid(images, titles, columns=10, colors=None, cmap="gray_r", limits=lambda image: (0, 1)):
    """Draw images (each 784 values, drawn 28x28) in a grid, each with its title (and title colour)."""
    rows = max(1, -(-len(images) // columns))
    fig, axes = plt.subplots(rows, columns, figsize=(1.2 * columns, 1.4 * rows), squeeze=False)
    for ax in axes.flat:
        ax.axis("off")
    for ax, image, title, color in zip(axes.flat, images, titles, colors or ["black"] * len(images)):
        low, high = limits(image)
        ax.imshow(np.reshape(image, (SIDE, SIDE)), cmap=cmap, vmin=low, vmax=high)
        ax.set_title(title, color=color, fontsize=9)
    fig.tight_layout()


def show_images(X, y, indices, predictions=None, columns=10):
    """Draw the rows ``X[indices]`` as 28x28 images in a grid, titled with their labels.

    X: (n, 784), y: (n,). With ``predictions`` (n,), titles read "predicted / actual"
    and wrong predictions are drawn in red.
    """
    indices = list(indices)
    titles = [str(y[i]) if predictions is None else f"{predictions[i]} / {y[i]}" for i in indices]
    colors = None if predictions is None else ["black" if predictions[i] == y[i] else "red" for i in indices]
    _grid([X[i] for i in indices], titles, columns, colors)


def plot_digit_counts(y, title="How many of each digit"):
    """A bar chart of how often each label 0-9 occurs in ``y`` (n,)."""
    counts = np.bincount(y, minlength=10)
    fig, ax = plt.subplots(figsize=(6, 3))
    ax.bar(range(10), counts, color="tab:blue")
    ax.set(xticks=range(10), xlabel="digit", ylabel="number of images", title=title)


def plot_mean_images(X, y):
    """The average image of each digit: X (n, 784), y (n,)."""
    _grid([X[y == digit].mean(axis=0) for digit in range(10)], [str(digit) for digit in range(10)])


def plot_pixel_histogram(X, bins=50):
    """How the pixel values in X (n, 784) are spread between 0 (background) and 1 (ink)."""
    fig, ax = plt.subplots(figsize=(6, 3))
    ax.hist(X.ravel(), bins=bins, color="tab:gray", log=True)
    ax.set(xlabel="pixel value", ylabel="number of pixels (log scale)")


def draw_network(sizes, weights=None, biases=None, title=None):
    """A diagram of a small fully connected network, e.g. sizes [2, 3, 1].

    The inputs are named x1, x2, ... and the hidden nodes numbered from 1. With ``weights`` (a list
    of (n_in, n_out) arrays) each arrow carries its weight, written on the arrow along its direction;
    with ``biases`` each node shows its bias.
    """
    dx, dy, r = 3.0, 1.4, 0.24  # space between layers, and between nodes of a layer; a node's radius
    fig, ax = plt.subplots(figsize=(2.4 * len(sizes), 1.1 * max(sizes) + 0.8))
    ys = [dy * np.linspace((n - 1) / 2, -(n - 1) / 2, n) for n in sizes]
    for l, (left, right) in enumerate(zip(ys[:-1], ys[1:])):
        for i, y0 in enumerate(left):
            for j, y1 in enumerate(right):
                start, end = np.array([dx * l + r, y0]), np.array([dx * (l + 1) - r, y1])
                ax.annotate("", xy=end, xytext=start,
                            arrowprops=dict(arrowstyle="->", color="tab:gray", lw=1, shrinkA=0, shrinkB=0))
                if weights is not None:  # on the arrow, at the end where the arrows fan apart
                    x, y = start + (0.7 if len(right) >= len(left) else 0.3) * (end - start)
                    ax.text(x, y, f"{weights[l][i, j]:g}", fontsize=10, ha="center", va="center",
                            rotation=np.degrees(np.arctan2(*(end - start)[::-1])), rotation_mode="anchor",
                            bbox=dict(fc="white", ec="none", pad=0.15))
    names = ["input"] + ["hidden"] * (len(sizes) - 2) + ["output"]
    for l, column in enumerate(ys):
        for k, y in enumerate(column):
            ax.add_patch(plt.Circle((dx * l, y), r, color="tab:orange" if names[l] == "hidden" else "tab:blue"))
            label = f"$x_{k + 1}$" if l == 0 else (str(k + 1) if names[l] == "hidden" else "")
            ax.text(dx * l, y, label, fontsize=11, ha="center", va="center", color="white" if l == 0 else "black")
            if biases is not None and l > 0:
                ax.text(dx * l, y - 0.34, f"b = {biases[l - 1][k]:g}", fontsize=8, ha="center", va="top")
        ax.text(dx * l, max(column) + 0.45, names[l], ha="center", fontsize=10)
    top = dy * (max(sizes) - 1) / 2
    ax.set(xlim=(-0.6, dx * (len(sizes) - 1) + 0.6), ylim=(-top - 0.8, top + 0.8), aspect="equal", title=title or "")
    ax.axis("off")


def plot_descent(f, paths, x_range=(-3, 3), title="Gradient descent on f(x) = x²"):
    """For each label in ``paths``, the curve f and the points x visited, from the start (a square).

    Each panel shows x_range, widened evenly about 0 to every point of its path (and f up to that width),
    so that a path that climbs out of the bowl stays in view.
    """
    fig, axes = plt.subplots(1, len(paths), figsize=(3.5 * len(paths), 3), squeeze=False)
    for ax, (label, xs) in zip(axes[0], paths.items()):
        xs = np.asarray(xs)
        reach = max(np.abs(x_range).max(), 1.1 * np.abs(xs).max())
        x = np.linspace(-reach, reach, 200)
        ax.plot(x, f(x), color="tab:gray")
        ax.plot(xs, f(xs), "o-", color="tab:red", markersize=4)
        ax.plot(xs[:1], f(xs[:1]), "s", color="black", markersize=7, label="start")
        ax.set(title=label, ylim=(-0.05 * f(x).max(), 1.05 * f(x).max()), xlabel="x")
    axes[0][0].set_ylabel("f(x)")
    axes[0][0].legend(loc="upper center")
    fig.suptitle(title)
    fig.tight_layout()


def plot_curve(values, ylabel, xlabel="step", title=None):
    """One line: e.g. the cost after each step of training."""
    fig, ax = plt.subplots(figsize=(6, 3))
    ax.plot(np.arange(len(values)), values)
    ax.set(xlabel=xlabel, ylabel=ylabel, title=title or "")


def draw_history(history):
    """Learning curves from a history of Network.sgd; returns the figure."""
    epochs = np.arange(1, len(history["cost"]) + 1)
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 3))
    left.plot(epochs, history["cost"], "o-")
    left.set(xlabel="epoch", ylabel="training cost")
    right.plot(epochs, history["train_accuracy"], "o-", label="training")
    if history.get("val_accuracy"):
        right.plot(epochs, history["val_accuracy"], "o-", label="validation")
    right.set(xlabel="epoch", ylabel="accuracy")
    right.legend()
    fig.tight_layout()
    return fig


def plot_confusion_matrix(y, predictions):
    """How often each digit (row) was predicted as each digit (column); y, predictions: (n,)."""
    counts = np.zeros((10, 10), dtype=int)
    np.add.at(counts, (y, predictions), 1)
    fig, ax = plt.subplots(figsize=(5.5, 5))
    ax.imshow(np.log1p(counts), cmap="Blues")
    for i, j in np.ndindex(counts.shape):
        if counts[i, j]:
            ax.text(j, i, counts[i, j], ha="center", va="center", fontsize=8, color="white" if i == j else "black")
    ax.set(xticks=range(10), yticks=range(10), xlabel="predicted", ylabel="actual", title="Confusion matrix")


def plot_hidden_weights(W, count=20, columns=10):
    """The weights into the first ``count`` hidden nodes, each column of W (784, n_hidden) as a 28x28 image.

    Red: a pixel with ink pushes the node up; blue: pushes it down.
    """
    count = min(count, W.shape[1])
    _grid([W[:, k] for k in range(count)], [f"node {k}" for k in range(count)], columns, cmap="RdBu_r",
          limits=lambda w: (-np.abs(w).max(), np.abs(w).max()))


def plot_curves(curves, ylabel, xlabel="epoch", title=None):
    """Several lines in one plot: ``curves`` maps a label to its values (one per epoch)."""
    fig, ax = plt.subplots(figsize=(6, 3.5))
    for label, values in curves.items():
        ax.plot(np.arange(1, len(values) + 1), values, "o-", markersize=3, label=label)
    ax.set(xlabel=xlabel, ylabel=ylabel, title=title or "")
    ax.legend()


def plot_grid(values, row_labels, column_labels, row_name, column_name, title=None):
    """A heat map of a table of scores, e.g. validation accuracy for each eta and batch size."""
    values = np.asarray(values)
    fig, ax = plt.subplots(figsize=(1.3 * len(column_labels) + 2, 0.8 * len(row_labels) + 1.5))
    ax.imshow(values, cmap="viridis")
    for i, j in np.ndindex(values.shape):
        ax.text(j, i, f"{values[i, j]:.1%}", ha="center", va="center", color="white", fontsize=9)
    ax.set(xticks=range(len(column_labels)), xticklabels=[str(c) for c in column_labels], xlabel=column_name,
           yticks=range(len(row_labels)), yticklabels=[str(r) for r in row_labels], ylabel=row_name, title=title or "")

