"""Checks for notebook 01 (load and plot the data)."""
import re
from unittest import mock

import matplotlib.pyplot as plt
import numpy as np

from ._core import CheckFailed, call, fail, passed
from ._compare import diagnose
from ._learner import dedent_source


AXES_HINT = ("the k-th picture goes in the k-th subplot, axes[0][k] or plt.subplot(1, len(indices), k + 1), where k "
             "counts 0, 1, 2... along `indices` (for k, i in enumerate(indices)); i is the row of X, not a subplot.")


def _drawn_images(func, X, y, indices):
    """Call ``func(X, y, indices)`` and return the (array, title) of every image it drew."""
    before = set(plt.get_fignums())
    plt.figure()  # pyplot's current figure is a new one: plt.imshow without a figure of its own draws there
    with mock.patch.object(plt, "show", lambda *args, **kwargs: None):
        try:
            try:
                call(func, "show_images", X, y, indices, hints=[(IndexError, AXES_HINT)])
            except CheckFailed as error:
                if "Invalid shape" in str(error):  # what imshow says of a row of 784 numbers
                    fail(f"{error}\nHint: plt.imshow needs a 2-D picture: reshape the row first, "
                         "X[i].reshape(28, 28).", cause="shape")
                raise
            axes = [ax for n in plt.get_fignums() if n not in before for ax in plt.figure(n).axes]
            LAST_AXES[:] = [(ax.get_title() + " " + ax.get_xlabel(), bool(ax.get_images()), ax.figure.number)
                            for ax in axes]
            return [(np.asarray(image.get_array()), ax.get_title() + " " + ax.get_xlabel(), image, ax)
                    for ax in axes for image in ax.get_images()]
        finally:
            for n in set(plt.get_fignums()) - before:
                plt.close(n)


LAST_AXES = []  # (title, has a picture, figure number) of every axes the last call made


def _title_words(func, k, i, label, drawn):
    """Where the label of image k went, in words, with a hint that does not repeat the learner's line."""
    source = dedent_source(func)
    pictures = [title for _, title, *_ in drawn]
    elsewhere = [m for m, title in enumerate(pictures, start=1) if m != k and label in re.findall(r"\d+", title)]
    empty = [title for title, has_image, _ in LAST_AXES if not has_image and label in re.findall(r"\d+", title)]
    if empty:
        saw = (f" The label {label} is on an axes with no picture: a title set before that image's subplot exists "
               "goes to whatever axes is current then (pyplot makes an empty one if there is none).")
    elif elsewhere:
        saw = f" The label {label} is on image {elsewhere[0]}'s axes instead."
    else:
        titled = [m for m, title in enumerate(pictures, start=1) if title.strip()]
        saw = (f" Only image {titled[0]} has a title, {pictures[titled[0] - 1].strip()!r}: every label went to that "
               "same axes, each one replacing the one before." if len(titled) == 1 and len(pictures) > 1 else "")
    if "plt.title" in source:
        how = ("plt.title labels pyplot's current axes: the one made or chosen last (plt.subplots makes all its "
               "axes at once, so the current one is the last of them), not the ax you drew with. Call plt.title "
               "right after the plt.subplot(...) and plt.imshow(...) of that image, or use ax.set_title(...) on "
               "the ax that drew it.")
        return saw, how
    if "set_title" in source:
        return saw, ("ax.set_title labels the ax it is called on: call it on the ax that drew this image, in the "
                     "same turn of the loop, with that image's own label y[i].")
    return saw, "plt.title(y[i]) or ax.set_title(y[i])."


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
        shown = [i for i in indices if any(np.allclose(p, X[i].reshape(28, 28)) for p, *_ in drawn
                                           if np.shape(p) == (28, 28))]
        missing = [i for i in indices if i not in shown]
        if len(drawn) < len(indices) and shown and missing:
            fail(f"show_images on {tried}: expected {len(indices)} images, one per index, but found {len(drawn)}: "
                 f"rows {shown} are drawn, rows {missing} are not. Does the loop stop before the end of `indices` "
                 "(range(len(indices) - 1)?)", cause="off-by-one")
        fail(f"show_images on {tried}: expected {len(indices)} images, one per index, "
             f"but found {len(drawn)}." + (" Loop over `indices`, not over all of X." if len(drawn) > len(indices) else ""))
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
            saw, how = _title_words(func, k, i, str(y[i]), drawn)
            fail(f"show_images on {tried}: image {k} should be labelled {y[i]} (its label y[{i}]), "
                 f"but its title is {title.strip()!r}.{saw}\nHint: {how}", cause="wrong-label")
    figures = {number for _, has_image, number in LAST_AXES if has_image}
    if len(figures) > 1:
        fail(f"show_images on {tried} drew its {len(drawn)} images in {len(figures)} separate figures; the TODO asks "
             "for them side by side, one subplot per index, in one figure: make the figure once, before the loop, "
             "then one subplot per image.", "plt.subplots(1, len(indices), squeeze=False) before the loop, or "
             "plt.subplot(1, len(indices), k + 1) in it (and no plt.figure() inside the loop).", cause="figures")
    _one_index(func, X, y)
    passed("show_images draws the right images, as 28x28 pictures, with their labels.")
    if any(_ink_light(image) for _, _, image, _ in drawn):
        print("  Its pictures show the ink light on a dark background: right too (MNIST is often shown so); the "
              "workshop's own pictures use cmap=\"gray_r\", dark ink on white paper.")


def _ink_light(image):
    """True if ``image`` (an AxesImage) draws its largest value (ink) lighter than its smallest (paper)."""
    low, high = (image.cmap(image.norm(value))[:3] for value in (image.norm.vmin, image.norm.vmax))
    return sum(high) > sum(low)
