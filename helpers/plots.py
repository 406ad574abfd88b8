"""Pictures of the data. Display code only: nothing here is part of a lesson's TODO.

Images come in as rows of 784 pixel values (shape (n, 784)), as everywhere in
the workshop, and are reshaped to 28x28 only to be drawn. The functions draw and
return nothing, so a notebook shows each figure once.
"""
import matplotlib.pyplot as plt
import numpy as np

SIDE = 28  # MNIST images are 28x28 pixels


def show_images(X, y, indices, predictions=None, columns=10):
    """Draw the rows ``X[indices]`` as 28x28 images in a grid, titled with their labels.

    X: (n, 784), y: (n,). With ``predictions`` (n,), titles read "predicted / actual"
    and wrong predictions are drawn in red.
    """
    indices = list(indices)
    rows = max(1, -(-len(indices) // columns))
    fig, axes = plt.subplots(rows, columns, figsize=(1.2 * columns, 1.4 * rows), squeeze=False)
    for ax in axes.flat:
        ax.axis("off")
    for ax, i in zip(axes.flat, indices):
        ax.imshow(X[i].reshape(SIDE, SIDE), cmap="gray_r", vmin=0, vmax=1)
        if predictions is None:
            ax.set_title(str(y[i]))
        else:
            right = predictions[i] == y[i]
            ax.set_title(f"{predictions[i]} / {y[i]}", color="black" if right else "red")
    fig.tight_layout()


def plot_digit_counts(y, title="How many of each digit"):
    """A bar chart of how often each label 0-9 occurs in ``y`` (n,)."""
    counts = np.bincount(y, minlength=10)
    fig, ax = plt.subplots(figsize=(6, 3))
    ax.bar(range(10), counts, color="tab:blue")
    ax.set_xticks(range(10))
    ax.set_xlabel("digit")
    ax.set_ylabel("number of images")
    ax.set_title(title)


def plot_mean_images(X, y):
    """The average image of each digit: X (n, 784), y (n,)."""
    fig, axes = plt.subplots(1, 10, figsize=(12, 1.6))
    for digit, ax in enumerate(axes):
        ax.imshow(X[y == digit].mean(axis=0).reshape(SIDE, SIDE), cmap="gray_r", vmin=0, vmax=1)
        ax.set_title(str(digit))
        ax.axis("off")


def plot_pixel_histogram(X, bins=50):
    """How the pixel values in X (n, 784) are spread between 0 (background) and 1 (ink)."""
    fig, ax = plt.subplots(figsize=(6, 3))
    ax.hist(X.ravel(), bins=bins, color="tab:gray", log=True)
    ax.set_xlabel("pixel value")
    ax.set_ylabel("number of pixels (log scale)")
