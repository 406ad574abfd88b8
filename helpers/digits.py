"""Turning a drawing into an MNIST-like image, the way MNIST's digits were prepared.

MNIST's digits were scaled to fit a 20x20 box (keeping their proportions) and
centred by their centre of mass in a 28x28 frame. A drawing must go through the
same steps, or the network sees something unlike anything it trained on.
"""
import numpy as np

from .data import DATA_DIR, read_checksums, verify_file
from .errors import FriendlyError
from .modern import ModernNetwork

BOX, FRAME = 20, 28
INK = 0.05  # pixel values above this count as ink when cropping
DIGIT_NETWORK = DATA_DIR / "digit_network.npz"


class EmptyDrawing(FriendlyError):
    """There is no ink to read."""


def resize(image, height, width):
    """Resize a 2-D image by area averaging: each new pixel is the mean of the old area it covers."""
    h, w = image.shape
    rows = np.repeat(image, height, axis=0).reshape(height, h, w).mean(axis=1)
    return np.repeat(rows, width, axis=1).reshape(height, width, w).mean(axis=2)


def crop_to_ink(image):
    """The smallest rectangle of the image that holds all its ink."""
    ink = image > INK
    if not ink.any():
        raise EmptyDrawing("There is no digit to read yet: draw one on the pad (with the mouse or a finger).")
    rows, columns = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    return image[rows[0]:rows[-1] + 1, columns[0]:columns[-1] + 1]


def scale_to_box(image, box=BOX):
    """Scale so that the longer side is ``box`` pixels, keeping the proportions."""
    h, w = image.shape
    factor = box / max(h, w)
    return resize(image, max(1, round(h * factor)), max(1, round(w * factor)))


def centre_in_frame(image, frame=FRAME):
    """Paste the image in a frame x frame square so that its centre of mass is at the centre."""
    h, w = image.shape
    total = image.sum()
    com_row = (image.sum(axis=1) @ np.arange(h)) / total
    com_col = (image.sum(axis=0) @ np.arange(w)) / total
    top = int(np.clip(round((frame - 1) / 2 - com_row), 0, frame - h))
    left = int(np.clip(round((frame - 1) / 2 - com_col), 0, frame - w))
    out = np.zeros((frame, frame))
    out[top:top + h, left:left + w] = image
    return out


def preprocess_steps(image):
    """Every step from a drawing (2-D, ink > 0) to an MNIST-like 28x28 image with values in [0, 1].

    Returns a dict of the images after each step: "drawn", "cropped", "scaled", "centred".
    Raises EmptyDrawing if there is no ink.
    """
    drawn = np.asarray(image, dtype=float)
    if drawn.ndim != 2:
        raise ValueError(f"expected a 2-D image, got shape {drawn.shape}")
    if drawn.max() > 1:
        drawn = drawn / drawn.max()
    cropped = crop_to_ink(drawn)
    scaled = scale_to_box(cropped)
    centred = centre_in_frame(scaled / scaled.max())
    return {"drawn": drawn, "cropped": cropped, "scaled": scaled, "centred": centred}


def preprocess(image):
    """A drawing (2-D, ink > 0) -> one MNIST-like row (784,), float32, values in [0, 1]."""
    return preprocess_steps(image)["centred"].reshape(-1).astype(np.float32)


def load_digit_network():
    """The trained network shipped in data/ (tools/train_digit_network.py makes it), checksum verified."""
    verify_file(DIGIT_NETWORK, read_checksums(DIGIT_NETWORK.parent)[DIGIT_NETWORK.name])
    return ModernNetwork.load(DIGIT_NETWORK)
