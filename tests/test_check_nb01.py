"""check.show_images passes the right answer and explains typical wrong ones."""
import matplotlib.pyplot as plt
import pytest

from helpers import check
from helpers.check import CheckFailed


def right(X, y, indices):
    fig, axes = plt.subplots(1, len(indices), squeeze=False)
    for ax, i in zip(axes[0], indices):
        ax.imshow(X[i].reshape(28, 28), cmap="gray_r")
        ax.set_title(y[i])
    plt.show()


def one_figure_per_image(X, y, indices):
    for i in indices:
        plt.figure()
        plt.imshow(X[i].reshape(28, 28))
        plt.title(f"label: {y[i]}")


def unfilled(X, y, indices):
    raise NotImplementedError


def draws_nothing(X, y, indices):
    return None


def no_reshape(X, y, indices):
    for i in indices:
        plt.figure()
        plt.imshow(X[i])


def transposed(X, y, indices):
    for i in indices:
        plt.figure()
        plt.imshow(X[i].reshape(28, 28).T)
        plt.title(y[i])


def first_rows_instead_of_indices(X, y, indices):
    for k in range(len(indices)):
        plt.figure()
        plt.imshow(X[k].reshape(28, 28))
        plt.title(y[k])


def every_row(X, y, indices):
    for i in range(len(X)):
        plt.figure()
        plt.imshow(X[i].reshape(28, 28))


def no_labels(X, y, indices):
    for i in indices:
        plt.figure()
        plt.imshow(X[i].reshape(28, 28))


def labels_in_another_order(X, y, indices):
    for i, label in zip(indices, y[indices[::-1]]):
        plt.figure()
        plt.imshow(X[i].reshape(28, 28))
        plt.title(label)


def negated(X, y, indices):
    for i in indices:
        plt.figure()
        plt.imshow(-X[i].reshape(28, 28))
        plt.title(y[i])


def halved(X, y, indices):
    for i in indices:
        plt.figure()
        plt.imshow(X[i].reshape(28, 28) / 2)
        plt.title(y[i])


def wrong_shape(X, y, indices):
    for i in indices:
        plt.figure()
        plt.imshow(X[i].reshape(1, 784))


def raises(X, y, indices):
    return X[indices[0]].undefined_attribute


def test_one_figure_per_image_is_refused_with_its_reason():
    """The TODO asks for one subplot per index, side by side; a figure per image draws them one under another."""
    with pytest.raises(CheckFailed) as error:
        check.show_images(one_figure_per_image)
    assert error.value.cause == "figures"
    assert "drew its 3 images in 3 separate figures; the TODO asks for them side by side" in str(error.value)
    assert plt.get_fignums() == []


def title_on_current_axes(X, y, indices):
    fig, axes = plt.subplots(1, len(indices), squeeze=False)
    for k, i in enumerate(indices):
        axes[0][k].imshow(X[i].reshape(28, 28))
        plt.title(y[i])


def title_before_subplot(X, y, indices):
    for k, i in enumerate(indices):
        plt.title(y[i])
        plt.subplot(1, len(indices), k + 1)
        plt.imshow(X[i].reshape(28, 28))


@pytest.mark.parametrize("answer, saw", [
    (title_on_current_axes, "Only image 3 has a title, '3': every label went to that same axes"),
    (title_before_subplot, "The label 6 is on an axes with no picture: a title set before that image's subplot"),
])
def test_a_plt_title_that_went_elsewhere_is_found_and_not_hinted_again(answer, saw):
    """The message says where the title went; the hint is not the learner's own plt.title(y[i])."""
    with pytest.raises(CheckFailed) as error:
        check.show_images(answer)
    text = str(error.value)
    assert saw in text and "plt.title labels pyplot's current axes" in text
    assert "Hint: plt.title(y[i]) or ax.set_title(y[i])" not in text


@pytest.mark.parametrize("answer", [right])
def test_right_answers_pass(answer, capsys):
    check.show_images(answer)
    assert "✔ show_images draws the right images" in capsys.readouterr().out
    assert plt.get_fignums() == [], "the check closes the figures it made"


@pytest.mark.parametrize("answer, message", [
    (unfilled, "show_images is not written yet"),
    (draws_nothing, "drew no image"),
    (no_reshape, r"raised TypeError: .*\n.*at line \d+: plt.imshow\(X\[i\]\)\nHint: .*reshape"),
    (transposed, "image 1 is transposed"),
    (first_rows_instead_of_indices, "image 1 should show row 7 of X, but shows row 0"),
    (every_row, "expected 3 images, one per index, but found 12"),
    (no_labels, r"image 1 should be labelled 6 \(its label y\[7\]\), but its title is ''"),
    (wrong_shape, r"image 1 has shape \(1, 784\), expected \(28, 28\)"),
    (raises, "raised AttributeError"),
    (labels_in_another_order, r"image 1 should be labelled 6 \(its label y\[7\]\), but its title is '3'"),
    (negated, "image 1 should show row 7 of X as it is, but it shows the negative of the right answer"),
    (halved, "image 1 should show row 7 of X as it is, but it shows half the right answer"),
])
def test_wrong_answers_fail_with_a_plain_message(answer, message):
    with pytest.raises(CheckFailed, match=message):
        check.show_images(answer)
    assert plt.get_fignums() == []


def test_passing_something_that_is_not_a_function():
    with pytest.raises(CheckFailed, match=r"Pass the function itself"):
        check.show_images(None)


@pytest.mark.parametrize("cmap, light", [("gray_r", False), ("gray", True), ("viridis", True), ("binary", False)])
def test_light_ink_passes_and_is_said(cmap, light, capsys):
    def show_images(X, y, indices):
        fig, axes = plt.subplots(1, len(indices), squeeze=False)
        for k, i in enumerate(indices):
            axes[0][k].imshow(X[i].reshape(28, 28), cmap=cmap)
            axes[0][k].set_title(y[i])
    check.show_images(show_images)
    out = capsys.readouterr().out
    assert "show_images draws the right images" in out
    assert ("ink light on a dark background" in out) == light


def test_a_figure_left_open_by_an_earlier_cell_changes_nothing(capsys):
    """pyplot draws into its current figure: one made before the check must not hide what the learner drew."""
    import numpy as np
    left_open = plt.figure()
    left_open.add_subplot().plot([1, 2])

    def one_axis(X, y, indices):
        plt.imshow(np.hstack([X[i].reshape(28, 28) for i in indices]))
        plt.title(" ".join(str(y[i]) for i in indices))

    def with_plt_subplot(X, y, indices):
        for k, i in enumerate(indices):
            plt.subplot(1, len(indices), k + 1)
            plt.imshow(X[i].reshape(28, 28), cmap="gray_r")
            plt.title(y[i])

    with pytest.raises(CheckFailed, match="drew all the pictures in one axis"):
        check.show_images(one_axis)
    check.show_images(with_plt_subplot)
    assert "show_images draws the right images" in capsys.readouterr().out
    assert plt.fignum_exists(left_open.number) and len(left_open.axes[0].get_images()) == 0
    plt.close(left_open)
