"""Preprocessing a drawing like MNIST, and reading it with the shipped network."""
import numpy as np
import pytest

from helpers import load_mnist
from helpers.digits import (EmptyDrawing, crop_to_ink, load_digit_network, preprocess, preprocess_steps,
                            resize)
from helpers.drawing_pad import DrawingPad


def stroke(size=112, thickness=6):
    """A synthetic '1': a slanted thick line in a blank canvas."""
    image = np.zeros((size, size))
    for t in np.linspace(0, 1, 200):
        r, c = int(20 + 70 * t), int(60 - 15 * t)
        image[r - thickness // 2:r + thickness // 2, c - thickness // 2:c + thickness // 2] = 1
    return image


def test_resize_averages_areas():
    image = np.arange(16, dtype=float).reshape(4, 4)
    assert np.allclose(resize(image, 2, 2), [[2.5, 4.5], [10.5, 12.5]])
    assert resize(np.ones((5, 3)), 7, 2).shape == (7, 2) and np.allclose(resize(np.ones((5, 3)), 7, 2), 1)


def test_synthetic_stroke_becomes_an_mnist_like_image():
    steps = preprocess_steps(stroke())
    centred = steps["centred"]
    assert centred.shape == (28, 28) and 0 <= centred.min() and centred.max() == pytest.approx(1)
    assert max(steps["scaled"].shape) == 20
    rows, cols = np.indices(centred.shape)
    com = (np.sum(rows * centred) / centred.sum(), np.sum(cols * centred) / centred.sum())
    assert abs(com[0] - 13.5) <= 1 and abs(com[1] - 13.5) <= 1
    row = preprocess(stroke())
    assert row.shape == (784,) and row.dtype == np.float32


def test_values_0_to_255_are_accepted():
    assert np.allclose(preprocess(stroke() * 255), preprocess(stroke()))


def test_empty_drawing_gives_a_clear_message():
    with pytest.raises(EmptyDrawing, match="draw one on the pad .* or read a photo"):
        preprocess(np.zeros((112, 112)))
    with pytest.raises(EmptyDrawing):
        crop_to_ink(np.full((10, 10), 0.01))


def test_pad_image_from_pixels():
    pad = DrawingPad()
    assert pad.image().shape == (112, 112) and pad.image().max() == 0
    pad.pixels = [255] * (112 * 112)
    assert pad.image().max() == 1


def dilate(image, radius):
    """Thicker strokes: the max over a (2 radius + 1) square around each pixel."""
    padded = np.pad(image, radius)
    h, w = image.shape
    return np.max([padded[i:i + h, j:j + w] for i in range(2 * radius + 1) for j in range(2 * radius + 1)], axis=0)


def redraw(digit, scale, top, left, thickness=0, size=112):
    """An MNIST digit (28x28) drawn again on a size x size pad: resized, moved, thickened."""
    side = round(28 * scale)
    canvas = np.zeros((size, size))
    canvas[top:top + side, left:left + side] = resize(digit, side, side)
    return dilate(canvas, thickness) if thickness else canvas


TRANSFORMS = {  # name: (scale, top, left, thickness)
    "shifted to a corner": (3.0, 0, 28, 0),
    "shrunk": (1.5, 50, 10, 0),
    "enlarged to fill the pad": (4.0, 0, 0, 0),
    "drawn thicker": (3.0, 14, 14, 3),
}


@pytest.fixture(scope="module")
def reader():
    _, _, (X_test, y_test) = load_mnist()
    return load_digit_network(), X_test[:500].reshape(-1, 28, 28), y_test[:500]


@pytest.mark.parametrize("name", TRANSFORMS)
def test_redrawn_test_digits_are_still_read(reader, name):
    net, digits, labels = reader
    rows = np.array([preprocess(redraw(d, *TRANSFORMS[name])) for d in digits])
    rate = np.mean(net.predict(rows) == labels)
    assert rate >= 0.9, f"{name}: {rate:.1%} of 500 redrawn test digits read right"


def test_shipped_network_reads_the_test_set(reader):
    _, (X_val, y_val), (X_test, y_test) = load_mnist()
    net = reader[0]
    assert net.sizes == [784, 256, 10] and net.hidden == "relu" and net.output == "softmax"
    assert net.accuracy(X_test, y_test) > 0.98
