"""The drawing pad in Python: drawn strokes of each form and photographed digits, prepared and read.

The photos are made here: a digit drawn with a pen path (tests/test_drawing_pad_handwriting.py), laid
on paper of some colour in some light, turned a little, saved as JPEG or PNG.
"""
import datetime
import io

import numpy as np
import pytest
from PIL import Image

from helpers.augment import thicker
from helpers.digits import PhotoError, load_digit_network, photo_ink, preprocess, preprocess_steps
from helpers.drawing_pad import DrawingPad, best_guesses, digit_reader, reading_in_words
from tests.test_drawing_pad_handwriting import FORMS, PAD, write


@pytest.fixture(scope="module")
def net():
    return load_digit_network()


def photograph(ink, paper, pen, light=None, turn=0.0, kind="JPEG", seed=0):
    """A picture of ``ink`` (PAD, PAD) in [0, 1] written with colour ``pen`` on ``paper`` (RGB 0-255): 240x320
    pixels, the digit somewhere in the middle, ``light`` (h, w) multiplying the brightness, turned ``turn``
    degrees, with sensor noise. Returns the file's bytes."""
    rng = np.random.default_rng(seed)
    sheet = np.zeros((240, 320))
    sheet[60:60 + PAD, 110:110 + PAD] = ink
    sheet = np.asarray(Image.fromarray(np.uint8(sheet * 255)).rotate(turn, Image.BILINEAR), dtype=float)[..., None] / 255
    colour = (1 - sheet) * np.asarray(paper, dtype=float) + sheet * np.asarray(pen, dtype=float)
    if light is not None:
        colour = colour * light[..., None]
    colour = np.clip(colour + rng.normal(0, 4, colour.shape), 0, 255)
    buffer = io.BytesIO()
    Image.fromarray(np.uint8(colour)).save(buffer, kind)
    return buffer.getvalue()


SHADOW = np.linspace(0.35, 1.0, 320)[None, :] * np.linspace(0.8, 1.0, 240)[:, None]  # light from one side
PHOTOS = {  # name: (paper, pen, light, turn, kind)
    "dark ink on white paper": ((245, 245, 240), (20, 20, 30), None, 0, "JPEG"),
    "blue ballpoint on yellow paper": ((250, 235, 160), (30, 40, 160), None, 0, "PNG"),
    "chalk on a blackboard (light on dark)": ((30, 45, 35), (235, 235, 225), None, 0, "JPEG"),
    "pencil in uneven light": ((240, 240, 235), (90, 90, 95), SHADOW, 0, "JPEG"),
    "turned 8 degrees": ((245, 245, 240), (20, 20, 30), None, 8, "PNG"),
}


@pytest.mark.parametrize("name", PHOTOS)
def test_a_photographed_digit_is_found_and_read(net, name):
    paper, pen, light, turn, kind = PHOTOS[name]
    rng = np.random.default_rng(7)
    for form in ("3", "1 with a flag", "7 with a bar", "open 4"):
        drawn = write(form, rng)
        ink = photo_ink(photograph(drawn, paper, pen, light, turn, kind))
        seen = preprocess_steps(ink)["centred"]
        expected = preprocess(np.asarray(Image.fromarray(np.uint8(drawn * 255)).rotate(turn, Image.BILINEAR),
                                         dtype=float) / 255).reshape(28, 28)
        near = np.corrcoef(thicker(seen[None]).ravel(), thicker(expected[None]).ravel())[0, 1]  # a pixel apart is near
        assert near > 0.75, f"{form}: the photo's ink is not the digit (correlation {near:.2f})"
        assert best_guesses(net, seen.reshape(-1))[0][0] == FORMS[form], f"{form} in {name} misread"


def test_not_a_picture_or_an_empty_one_gives_a_clear_message():
    with pytest.raises(PhotoError, match="not a picture"):
        photo_ink(b"%PDF-1.4 this is not an image")
    with pytest.raises(PhotoError, match="No digit found"):
        photo_ink(photograph(np.zeros((PAD, PAD)), (240, 240, 240), (0, 0, 0)))


@pytest.mark.parametrize("form", FORMS)
def test_drawn_strokes_of_each_form_are_prepared_and_read(net, form):
    rng = np.random.default_rng(11)
    images = [write(form, rng) for _ in range(10)]
    rows = np.array([preprocess(image) for image in images])
    assert rows.shape == (10, 784) and rows.max() == pytest.approx(1)
    right = np.mean(net.predict(rows) == FORMS[form])
    assert right >= 0.7, f"{form}: {right:.0%} of 10 read right"


def test_best_guesses_are_the_three_largest_outputs_in_order():
    class Fixed:
        def feedforward(self, X):
            return np.array([[0.05, 0.6, 0.0, 0.25, 0.1, 0, 0, 0, 0, 0]])

    guesses = best_guesses(Fixed(), np.zeros(784))
    assert [d for d, _ in guesses] == [1, 3, 4] and guesses[0][1] == pytest.approx(0.6)
    assert reading_in_words(guesses) == "reads 1 (60.0%); next 3 (25.0%), then 4 (10.0%)"


def test_the_reader_reads_a_drawing_and_a_photo_in_words(net):
    reader = digit_reader({"trained on MNIST": net, "again": net})
    pad, upload = reader.children[0].children[:2]
    words = reader.children[1].children[0]
    assert "There is no digit to read yet" in words.value
    drawn = write("7 with a bar", np.random.default_rng(3))
    pad.pixels = [int(v) for v in np.round(drawn * 255).ravel()]
    assert "Your drawing:" in words.value and "trained on MNIST reads 7 (" in words.value and "again reads 7" in words.value
    photo = photograph(write("3", np.random.default_rng(4)), (245, 245, 240), (20, 20, 30))
    upload.value = ({"name": "three.jpg", "type": "image/jpeg", "size": len(photo), "content": memoryview(photo),
                     "last_modified": datetime.datetime(2026, 1, 1)},)
    assert "The photo three.jpg:" in words.value and "reads 3 (" in words.value
    upload.value = ({"name": "notes.txt", "type": "text/plain", "size": 4, "content": memoryview(b"abcd"),
                     "last_modified": datetime.datetime(2026, 1, 1)},)
    assert "not a picture" in words.value


def test_the_pad_names_its_keys_and_controls():
    pad = DrawingPad()
    for word in ("arrow keys", "Space", "Delete"):
        assert word in pad.key_help
    for attribute in ('tabIndex = 0', 'aria-label', '"Clear the drawing pad"', 'aria-live'):
        assert attribute in pad._esm


def test_a_file_name_is_shown_as_text_and_a_huge_picture_is_refused_in_words(net, monkeypatch):
    from PIL import Image
    reader = digit_reader(net)
    upload, words = reader.children[0].children[1], reader.children[1].children[0]
    photo = photograph(write("3", np.random.default_rng(4)), (245, 245, 240), (20, 20, 30))
    upload.value = ({"name": "<img src=x onerror=alert(1)>.jpg", "type": "image/jpeg", "size": len(photo),
                     "content": memoryview(photo), "last_modified": datetime.datetime(2026, 1, 1)},)
    assert "&lt;img src=x onerror=alert(1)&gt;.jpg" in words.value and "<img" not in words.value
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)  # this photo is then "too large", as a huge one would be
    with pytest.raises(PhotoError, match="not a picture that can be read"):
        photo_ink(photo)
