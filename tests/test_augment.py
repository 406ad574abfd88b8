"""Augmentation (helpers.augment): the same seed gives the same images, every label is kept, and each change
does what it says; the check of notebook 07's `thicker` TODO names each likely mistake."""
import numpy as np
import pytest

from helpers import augment, check, load_mnist
from helpers.check._core import CheckFailed
from helpers.digits import load_digit_network


@pytest.fixture(scope="module")
def mnist():
    (X, y), _, (X_test, y_test) = load_mnist()
    return X[:2000], y[:2000], X_test[:1000], y_test[:1000]


def test_the_same_seed_gives_the_same_images_and_every_label_is_kept(mnist):
    X, y, _, _ = mnist
    first, labels = augment.variations(X, y, np.random.default_rng(3))
    again, _ = augment.variations(X, y, np.random.default_rng(3))
    other, _ = augment.variations(X, y, np.random.default_rng(4))
    assert first.shape == (2000, 784) and first.dtype == np.float32
    assert np.array_equal(first, again) and not np.array_equal(first, other)
    assert np.array_equal(labels, y)
    assert first.min() >= 0 and np.allclose(first.max(axis=1), 1)


def test_the_forms_are_labelled_and_reproducible(mnist):
    X, y, _, _ = mnist
    images, labels = augment.forms(X, y, 20, np.random.default_rng(0))
    again, _ = augment.forms(X, y, 20, np.random.default_rng(0))
    assert images.shape == (80, 784) and np.array_equal(images, again)
    assert labels.tolist() == [1] * 20 + [7] * 20 + [9] * 20 + [4] * 20
    assert (images.reshape(80, -1).max(axis=1) > 0.9).all()


def test_variations_of_test_digits_are_still_those_digits(mnist):
    """The shipped network never saw these test digits: varied, it still reads almost all of them right."""
    _, _, X_test, y_test = mnist
    varied, labels = augment.variations(X_test, y_test, np.random.default_rng(9))
    assert np.mean(load_digit_network().predict(varied) == labels) > 0.9


def test_warp_by_the_identity_changes_nothing_and_a_shift_moves(mnist):
    images = augment.as_images(mnist[0][:5])
    same = augment.warp(images, np.tile(np.eye(2), (5, 1, 1)), np.zeros((5, 2)))
    assert np.allclose(same, images, atol=1e-6)
    moved = augment.warp(images, np.tile(np.eye(2), (5, 1, 1)), np.tile([0.0, 2.0], (5, 1)))
    assert np.allclose(moved[:, :, :-2], images[:, :, 2:], atol=1e-6) and (moved[:, :, -2:] == 0).all()


def test_thicker_and_thinner():
    dot = np.zeros((1, 28, 28), dtype=np.float32)
    dot[0, 0, 5] = 1
    assert augment.thicker(dot)[0, :2, 4:7].sum() == 6 and augment.thicker(dot).sum() == 6  # nothing wraps
    bar = np.zeros((1, 28, 28), dtype=np.float32)
    bar[0, 5:20, 10:13] = 1
    assert augment.thinner(bar)[0].sum() == 13  # three columns wide -> one, and one pixel shorter at each end
    blend = augment.thickness(np.concatenate([bar, bar, bar]), [-1.0, 0.0, 2.0])
    assert blend[0].sum() < bar.sum() == blend[1].sum() < blend[2].sum()


def test_normalise_fits_the_box_and_centres_the_mass():
    image = np.zeros((1, 28, 28), dtype=np.float32)
    image[0, 2:12, 2:7] = 1  # 10 x 5, in a corner
    out = augment.normalise(image)[0]
    rows, cols = np.flatnonzero(out.max(axis=1) > 0.05), np.flatnonzero(out.max(axis=0) > 0.05)
    assert 19 <= rows[-1] - rows[0] + 1 <= 22 and 8 <= cols[-1] - cols[0] + 1 <= 12
    centre = np.array([np.arange(28) @ out.sum(axis=1), np.arange(28) @ out.sum(axis=0)]) / out.sum()
    assert np.allclose(centre, 13.5, atol=0.6)


def right(images):
    padded = np.pad(images, ((0, 0), (1, 1), (1, 1)))
    out = images.copy()
    for dr in (-1, 0, 1):
        for dc in (-1, 0, 1):
            out = np.maximum(out, padded[:, 1 + dr:29 + dr, 1 + dc:29 + dc])
    return out


def rolled(images):
    return np.max([np.roll(images, (dr, dc), axis=(1, 2)) for dr in (-1, 0, 1) for dc in (-1, 0, 1)], axis=0)


def plus(images):
    padded = np.pad(images, ((0, 0), (1, 1), (1, 1)))
    return np.max([padded[:, 1 + dr:29 + dr, 1 + dc:29 + dc] for dr, dc in ((0, 0), (1, 0), (-1, 0), (0, 1), (0, -1))],
                  axis=0)


_canvas = np.zeros((3, 28, 28))


def remembered(images):
    """Thicker strokes drawn onto a buffer kept outside the function and never cleared."""
    _canvas[:len(images)] = np.maximum(_canvas[:len(images)], right(images))
    return _canvas[:len(images)].copy()


def added(images):
    padded = np.pad(images, ((0, 0), (1, 1), (1, 1)))
    return sum(padded[:, 1 + dr:29 + dr, 1 + dc:29 + dc] for dr in (-1, 0, 1) for dc in (-1, 0, 1))


def test_the_check_of_thicker_passes_the_answer(capsys):
    check.thicker(right)
    assert "thicker is right" in capsys.readouterr().out


@pytest.mark.parametrize("answer, message", [
    (rolled, "wraps around the edge"),
    (plus, "a dot became a plus sign"),
    (added, "it adds the neighbours"),
    (lambda images: images[:, 1:], r"on 1 image of 28x28 returned shape \(1, 27, 28\)"),
    (lambda images: images, "thicker is wrong at image 0, row 26, column 2"),
    (lambda images: [list(image) for image in right(images)], "returned a Python list"),
    (remembered, "two different answers for the same input"),
])
def test_the_check_of_thicker_names_each_mistake(answer, message):
    with pytest.raises(CheckFailed, match=message):
        check.thicker(answer)


def test_the_check_of_thicker_leaves_the_images_as_they_were():
    def in_place(images):
        images[:] = right(images)
        return images
    with pytest.raises(CheckFailed, match="changed its argument `images`"):
        check.thicker(in_place)
