"""Turning a drawing into an MNIST-like image, the way MNIST's digits were prepared.

MNIST's digits were scaled to fit a 20x20 box (keeping their proportions) and
centred by their centre of mass in a 28x28 frame. A drawing must go through the
same steps, or the network sees something unlike anything it trained on.
A photo or scan of a digit on paper first becomes a drawing: ``photo_ink`` finds
the ink against the paper, whatever their colours and the light.
"""
import io

import numpy as np

from .data import DATA_DIR, read_checksums, verify_file
from .errors import FriendlyError
from .modern import ModernNetwork

BOX, FRAME = 20, 28
INK = 0.05  # pixel values above this count as ink when cropping
DIGIT_NETWORK = DATA_DIR / "digit_network.npz"


class EmptyDrawing(FriendlyError):
    """There is no ink to read."""


class PhotoError(FriendlyError):
    """A file that is not a picture, or a picture with no digit to find."""


PHOTO_SIDE = 256  # a photo is shrunk to at most this many pixels a side: enough for one digit


def resize(image, height, width):
    """Resize a 2-D image by area averaging: each new pixel is the mean of the old area it covers."""
    h, w = image.shape
    rows = np.repeat(image, height, axis=0).reshape(height, h, w).mean(axis=1)
    return np.repeat(rows, width, axis=1).reshape(height, width, w).mean(axis=2)


def crop_to_ink(image):
    """The smallest rectangle of the image that holds all its ink."""
    ink = image > INK
    if not ink.any():
        raise EmptyDrawing("There is no digit to read yet: draw one on the pad (mouse, finger or keyboard), "
                           "or read a photo.")
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


def photo_ink(data):
    """A photo or scan of a digit on paper (the file's bytes: PNG, JPEG...) -> ink (h, w) in [0, 1].

    The paper is what most of the picture is; the ink is what stands out from the paper around it:
    1. shrink the picture to at most PHOTO_SIDE pixels a side, turned upright as the camera saw it;
    2. for each colour, subtract the paper seen from afar (a wide blur), which removes uneven light;
    3. the ink is on the side (darker or lighter) where the picture strays furthest from the paper;
    4. scale so that the strongest ink is 1, and drop what is fainter than a third of it (paper grain).
    Raises PhotoError for a file that is not a picture or a picture with nothing on it.
    """
    from PIL import Image, ImageFilter, ImageOps, UnidentifiedImageError
    try:
        picture = ImageOps.exif_transpose(Image.open(io.BytesIO(bytes(data)))).convert("RGB")
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError) as error:
        raise PhotoError(f"This file is not a picture that can be read (PNG or JPEG): {error}") from None
    picture.thumbnail((PHOTO_SIDE, PHOTO_SIDE))
    paper = picture.filter(ImageFilter.GaussianBlur(max(picture.size) / 8))
    difference = (np.asarray(picture, dtype=float) - np.asarray(paper, dtype=float)) / 255  # (h, w, 3)
    darker, lighter = np.maximum(-difference, 0).max(axis=2), np.maximum(difference, 0).max(axis=2)
    ink = darker if np.percentile(darker, 99.5) >= np.percentile(lighter, 99.5) else lighter
    edge = max(2, round(0.02 * max(ink.shape)))  # the picture's own border is not the digit
    ink[:edge], ink[-edge:], ink[:, :edge], ink[:, -edge:] = 0, 0, 0, 0
    strongest = np.percentile(ink, 99.9)
    if strongest < 0.08:
        raise PhotoError("No digit found in this picture: it is all one shade. Write the digit darker, "
                         "or take the photo closer.")
    ink = np.clip(ink / strongest, 0, 1)
    return np.where(ink > 1 / 3, (ink - 1 / 3) * 1.5, 0)


def load_digit_network():
    """The trained network shipped in data/ (tools/train_digit_network.py makes it), checksum verified."""
    verify_file(DIGIT_NETWORK, read_checksums(DIGIT_NETWORK.parent)[DIGIT_NETWORK.name])
    return ModernNetwork.load(DIGIT_NETWORK)
