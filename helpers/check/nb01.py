"""Checks for notebook 01 (load and plot the data)."""
import re
from unittest import mock

import matplotlib.pyplot as plt
import numpy as np

from ._core import CheckFailed, call, diagnose, fail, passed


def _drawn_images(func, X, y, indices):
    """Call ``func(X, y, indices)`` and return the (array, title) of every image it drew."""
    before = set(plt.get_fignums())
    with mock.patch.object(plt, "show", lambda *args, **kwargs: None):
        try:
            try:
                call(func, "show_images", X, y, indices)
            except CheckFailed as error:
                if "Invalid shape" in str(error):  # what imshow says of a row of 784 numbers
                    fail(f"{error}\nHint: plt.imshow needs a 2-D picture: reshape the row first, "
                         "X[i].reshape(28, 28).", cause="shape")
                raise
            axes = [ax for n in plt.get_fignums() if n not in before for ax in plt.figure(n).axes]
            return [(np.asarray(image.get_array()), ax.get_title() + " " + ax.get_xlabel(), image, ax)
                    for ax in axes for image in ax.get_images()]
        finally:
            for n in set(plt.get_fignums()) - before:
                plt.close(n)


def _visible(picture, image, k, tried):
    """Fail if the colour limits of ``image`` do not fit its pixels: what the learner sees is blank or saturated."""
    low, high = float(np.min(picture)), float(np.max(picture))
    vmin, vmax = image.norm.vmin, image.norm.vmax
    if vmin is None or vmax is None or high <= low or vmax <= vmin:
        return
    overlap = max(0.0, min(high, vmax) - max(low, vmin))
    if overlap < 0.5 * (high - low) or overlap < 0.5 * (vmax - vmin):
        looks = "blank (all one colour)" if overlap < 0.5 * (vmax - vmin) else "saturated (most pixels one colour)"
        fail(f"show_images on {tried}: image {k}'s pixels go from {low:.3g} to {high:.3g}, but its colours are "
             f"spread over vmin={vmin:.3g} to vmax={vmax:.3g}, so the picture looks {looks}.\n"
             "Hint: leave out vmin and vmax (imshow then spreads the colours over the pixels' own range), or "
             "set them to the range of the pixels, vmin=0 and vmax=1 for these images.", cause="contrast")


def _one_index(func, X, y):
    """Fail unless show_images also works, and draws one picture, for a single index."""
    try:
        drawn = _drawn_images(func, X, y, [4])
    except CheckFailed as error:
        axes_error = "Axes" in str(error) and ("TypeError" in str(error) or "AttributeError" in str(error))
        fail(f"show_images works for several indices but not for one index, indices=[4]: {error}"
             + ("\nHint: for one image, plt.subplots(1, 1) returns a single Axes, not an array of them; "
                "plt.subplots(1, len(indices), squeeze=False) always returns a 2-D array, axes[0][k]."
                if axes_error else ""), cause="one-index")
    if len(drawn) != 1:
        fail(f"show_images with one index, indices=[4], drew {len(drawn)} images; expected 1.", cause="one-index")


def show_images(func):
    """Check ``show_images(X, y, indices)``: one 28x28 image per index, titled with its label."""
    rng = np.random.default_rng(1)
    X = rng.random((12, 784)).astype(np.float32)
    y = np.array([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8])
    indices = [7, 2, 9]
    tried = f"12 random images, indices={indices}"
    drawn = _drawn_images(func, X, y, indices)
    if drawn and len({id(ax) for *_, ax in drawn}) < len(drawn) or (len(drawn) == 1 and len(indices) > 1
                                                                     and drawn[0][0].size == 784 * len(indices)):
        fail(f"show_images on {tried} drew all the pictures in one axis; draw one axis per image, side by side.\n"
             "Hint: fig, axes = plt.subplots(1, len(indices), squeeze=False) gives one ax per index "
             "(axes[0][k]); draw each picture with its own ax.imshow(...).", cause="one-axis")
    if not drawn:
        fail(f"show_images on {tried} drew no image. Draw each one with plt.imshow(...) "
             "(or ax.imshow(...) on a subplot).")
    if len(drawn) != len(indices):
        fail(f"show_images on {tried}: expected {len(indices)} images, one per index, "
             f"but found {len(drawn)}. Loop over `indices`, not over all of X.")
    for k, ((picture, title, image, _), i) in enumerate(zip(drawn, indices), start=1):
        expected = X[i].reshape(28, 28)
        _visible(picture, image, k, tried)
        if picture.shape != (28, 28):
            fail(f"show_images on {tried}: image {k} has shape {picture.shape}, expected (28, 28).\n"
                 "Hint: one row of X is 784 numbers in a row; X[i].reshape(28, 28) makes it a square again.")
        if np.allclose(picture, expected.T):
            fail(f"show_images on {tried}: image {k} is transposed (mirrored along the diagonal).\n"
                 "Hint: use X[i].reshape(28, 28) without .T and without order='F'.", cause="transpose")
        if not np.allclose(picture, expected):
            rows = [j for j in range(len(X)) if np.allclose(picture, X[j].reshape(28, 28))]
            cause = diagnose(picture, expected)
            if cause and not rows:
                fail(f"show_images on {tried}: image {k} should show row {i} of X as it is, but it shows "
                     f"{cause}\nHint: draw X[i].reshape(28, 28) without changing its values.")
            got = f"row {rows[0]}" if rows else "something else"
            fail(f"show_images on {tried}: image {k} should show row {i} of X, but shows {got}.\n"
                 "Hint: draw X[i] for each i in indices, in that order." if rows else
                 f"show_images on {tried}: image {k} should show row {i} of X, but shows something else.",
                 cause="wrong-rows" if rows else None)
        numbers = re.findall(r"\d+", title)
        if str(y[i]) in numbers and len(numbers) > 3:
            fail(f"show_images on {tried}: image {k}'s title is {title.strip()!r}, which shows many labels; it should "
                 f"show its own label, y[{i}] = {y[i]}.\nHint: plt.title(y[i]) or ax.set_title(y[i]), with the i of "
                 "this image.", cause="wrong-label")
        if str(y[i]) not in numbers:
            fail(f"show_images on {tried}: image {k} should be labelled {y[i]} (its label y[{i}]), "
                 f"but its title is {title.strip()!r}.\nHint: plt.title(y[i]) or ax.set_title(y[i]).", cause="wrong-label")
    _one_index(func, X, y)
    passed("show_images draws the right images, as 28x28 pictures, with their labels.")
