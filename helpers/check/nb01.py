"""Checks for notebook 01 (load and plot the data)."""
import re
from unittest import mock

import matplotlib.pyplot as plt
import numpy as np

from ._core import call, diagnose, fail, passed


def _drawn_images(func, X, y, indices):
    """Call ``func(X, y, indices)`` and return the (array, title) of every image it drew."""
    before = set(plt.get_fignums())
    with mock.patch.object(plt, "show", lambda *args, **kwargs: None):
        try:
            call(func, "show_images", X, y, indices,
                 hints=[(TypeError, "plt.imshow needs a 2-D picture: reshape the row first, "
                                    "X[i].reshape(28, 28).")])
            axes = [ax for n in plt.get_fignums() if n not in before for ax in plt.figure(n).axes]
            return [(np.asarray(image.get_array()), ax.get_title() + " " + ax.get_xlabel())
                    for ax in axes for image in ax.get_images()]
        finally:
            for n in set(plt.get_fignums()) - before:
                plt.close(n)


def show_images(func):
    """Check ``show_images(X, y, indices)``: one 28x28 image per index, titled with its label."""
    rng = np.random.default_rng(1)
    X = rng.random((12, 784)).astype(np.float32)
    y = np.array([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8])
    indices = [7, 2, 9]
    tried = f"12 random images, indices={indices}"
    drawn = _drawn_images(func, X, y, indices)
    if not drawn:
        fail(f"show_images on {tried} drew no image. Draw each one with plt.imshow(...) "
             "(or ax.imshow(...) on a subplot).")
    if len(drawn) != len(indices):
        fail(f"show_images on {tried}: expected {len(indices)} images, one per index, "
             f"but found {len(drawn)}. Loop over `indices`, not over all of X.")
    for k, ((picture, title), i) in enumerate(zip(drawn, indices), start=1):
        expected = X[i].reshape(28, 28)
        if picture.shape != (28, 28):
            fail(f"show_images on {tried}: image {k} has shape {picture.shape}, expected (28, 28).\n"
                 "Hint: one row of X is 784 numbers in a row; X[i].reshape(28, 28) makes it a square again.")
        if np.allclose(picture, expected.T):
            fail(f"show_images on {tried}: image {k} is transposed (mirrored along the diagonal).\n"
                 "Hint: use X[i].reshape(28, 28) without .T and without order='F'.")
        if not np.allclose(picture, expected):
            rows = [j for j in range(len(X)) if np.allclose(picture, X[j].reshape(28, 28))]
            cause = diagnose(picture, expected)
            if cause and not rows:
                fail(f"show_images on {tried}: image {k} should show row {i} of X as it is, but it shows "
                     f"{cause}\nHint: draw X[i].reshape(28, 28) without changing its values.")
            got = f"row {rows[0]}" if rows else "something else"
            fail(f"show_images on {tried}: image {k} should show row {i} of X, but shows {got}.\n"
                 "Hint: draw X[i] for each i in indices, in that order.")
        if str(y[i]) not in re.findall(r"\d+", title):
            fail(f"show_images on {tried}: image {k} should be labelled {y[i]} (its label y[{i}]), "
                 f"but its title is {title.strip()!r}.\nHint: plt.title(y[i]) or ax.set_title(y[i]).")
    passed("show_images draws the right images, as 28x28 pictures, with their labels.")
