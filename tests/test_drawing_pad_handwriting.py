"""How the shipped network reads handwriting drawn on the pad: MNIST's test digits changed as people change
them, and digits of other writers, in forms MNIST's writers rarely used.

The other writers are made here, independently of the training copies (helpers.augment): their own
digit shapes, smooth pen paths drawn with Pillow as the pad's pen draws them (9 pixels wide on the
112x112 pad), each writer with a size, place, slant and tilt of their own, from their own seed.

    python -m tests.test_drawing_pad_handwriting [network.npz]   prints the README's table
"""
import sys

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter

from helpers import load_mnist
from helpers.digits import load_digit_network, preprocess
from helpers.modern import ModernNetwork

PAD, PEN, FINE = 112, 9, 4  # the pad's size and pen width; drawn FINE times larger, then averaged down

# Each form: strokes of (x, y) points in a unit box, y downwards; "s" a smooth curve through them, "l" straight.
SHAPES = {
    0: {"0": [("s", [(.5, 0), (.15, .2), (.05, .55), (.3, .95), (.7, .95), (.95, .55), (.85, .2), (.5, 0), (.4, .06)])]},
    1: {"1": [("l", [(.55, 0), (.45, 1)])],
        "1 with a flag": [("l", [(.1, .35), (.6, 0), (.5, 1)])],
        "1 with a flag and a foot": [("l", [(.15, .3), (.6, 0), (.55, 1)]), ("l", [(.2, 1), (.9, 1)])]},
    2: {"2": [("s", [(.1, .25), (.4, 0), (.8, .1), (.85, .35), (.5, .65), (.1, .95)]), ("l", [(.1, .95), (.05, 1), (.95, 1)])],
        "2 with a loop": [("s", [(.1, .25), (.45, 0), (.85, .2), (.6, .6), (.1, .95), (.3, .8), (.5, 1), (.95, .95)])]},
    3: {"3": [("s", [(.1, .1), (.5, 0), (.85, .2), (.45, .48), (.9, .7), (.55, 1), (.1, .9)])]},
    4: {"4": [("l", [(.65, 1), (.65, 0), (.05, .7), (.95, .7)])],
        "open 4": [("l", [(.2, 0), (.05, .6), (.95, .6)]), ("l", [(.7, .1), (.7, 1)])]},
    5: {"5": [("l", [(.85, 0), (.2, 0), (.15, .45)]), ("s", [(.15, .45), (.55, .38), (.9, .65), (.6, 1), (.1, .9)])]},
    6: {"6": [("s", [(.75, 0), (.3, .3), (.1, .7), (.4, 1), (.85, .8), (.6, .5), (.15, .65)])]},
    7: {"7": [("l", [(.05, 0), (.95, 0), (.35, 1)])],
        "7 with a bar": [("l", [(.05, 0), (.95, 0), (.35, 1)]), ("l", [(.3, .5), (.85, .5)])]},
    8: {"8": [("s", [(.8, .1), (.5, 0), (.15, .2), (.5, .48), (.9, .75), (.5, 1), (.1, .75), (.5, .48), (.85, .2),
                     (.8, .1)])]},
    9: {"9": [("s", [(.85, .25), (.5, 0), (.15, .2), (.3, .5), (.85, .3)]), ("s", [(.85, .3), (.8, .6), (.6, 1)])],
        "9 with a straight stem": [("s", [(.85, .25), (.5, 0), (.15, .2), (.3, .5), (.85, .35)]),
                                   ("l", [(.85, .1), (.85, 1)])]},
}
FORMS = {name: digit for digit, forms in SHAPES.items() for name in forms}
OTHER_FORMS = ["1 with a flag", "1 with a flag and a foot", "7 with a bar", "9 with a straight stem", "open 4"]


def smooth(points, steps=12):
    """A Catmull-Rom curve through the points: (k, 2) -> ((k - 1) steps + 1, 2)."""
    P = np.asarray(points, dtype=float)
    P = np.vstack([2 * P[0] - P[1], P, 2 * P[-1] - P[-2]])
    t = np.linspace(0, 1, steps, endpoint=False)[:, None]
    pieces = [0.5 * (2 * P[i] + (P[i + 1] - P[i - 1]) * t + (2 * P[i - 1] - 5 * P[i] + 4 * P[i + 1] - P[i + 2]) * t ** 2
                     + (3 * P[i] - P[i - 1] - 3 * P[i + 1] + P[i + 2]) * t ** 3) for i in range(1, len(P) - 2)]
    return np.vstack(pieces + [P[-2:-1]])


def write(form, rng, pen=PEN):
    """One writer's ``form`` on the pad: a (PAD, PAD) ink image in [0, 1], drawn with a round pen."""
    height = rng.uniform(30, 100)
    width = height * rng.uniform(0.45, 0.9)
    slant, tilt = rng.uniform(-0.25, 0.45), np.radians(rng.uniform(-8, 8))
    turn = np.array([[np.cos(tilt), -np.sin(tilt)], [np.sin(tilt), np.cos(tilt)]])
    fit = min(1, (PAD - 10) / (width + abs(slant) * height))  # a wide, slanted digit drawn smaller to fit
    height, width = height * fit, width * fit
    top = rng.uniform(4, PAD - height - 4)
    left = rng.uniform(4 + abs(slant) * height / 2, PAD - width - 4 - abs(slant) * height / 2)
    canvas = Image.new("L", (PAD * FINE, PAD * FINE))
    draw = ImageDraw.Draw(canvas)
    for kind, points in SHAPES[FORMS[form]][form]:
        P = np.asarray(points) + rng.normal(0, 0.05, (len(points), 2))
        P = smooth(P) if kind == "s" else P
        xy = np.column_stack([(P[:, 0] - 0.5) * width + slant * (0.5 - P[:, 1]) * height, (P[:, 1] - 0.5) * height])
        xy = xy @ turn.T + [left + width / 2, top + height / 2]
        xy = [tuple(p) for p in xy * FINE]
        draw.line(xy, fill=255, width=round(pen * FINE), joint="curve")
        for x, y in (xy[0], xy[-1]):  # round ends, as the pad's pen has
            r = pen * FINE / 2
            draw.ellipse([x - r, y - r, x + r, y + r], fill=255)
    return np.asarray(canvas.resize((PAD, PAD), Image.BOX), dtype=float) / 255


def on_pad(digit, scale=3.0, top=14, left=14):
    """An MNIST digit (28x28 in [0, 1]) redrawn on the pad, scaled and placed: (PAD, PAD)."""
    side = round(28 * scale)
    small = Image.fromarray(np.uint8(digit * 255)).resize((side, side), Image.BILINEAR)
    canvas = Image.new("L", (PAD, PAD))
    canvas.paste(small, (left, top))
    return canvas


def slanted(image, amount):
    """Slanted: the top moved right by ``amount`` pixels per pixel of height (left for negative)."""
    return image.transform(image.size, Image.AFFINE, (1, amount, -amount * PAD / 2, 0, 1, 0), Image.BILINEAR)


MNIST_CHANGES = {  # name: a test digit -> the pad's image
    "as they are": lambda d: on_pad(d),
    "thin (strokes 4 pixels thinner)": lambda d: on_pad(d).filter(ImageFilter.MinFilter(5)),
    "thick (strokes 6 pixels thicker)": lambda d: on_pad(d).filter(ImageFilter.MaxFilter(7)),
    "slanted right": lambda d: slanted(on_pad(d), 0.35),
    "slanted left": lambda d: slanted(on_pad(d), -0.35),
    "shifted to a corner": lambda d: on_pad(d, 3.0, 0, 28),
    "shrunk": lambda d: on_pad(d, 1.5, 50, 10),
    "enlarged to fill the pad": lambda d: on_pad(d, 4.0, 0, 0),
}


def read_rate(net, images, labels):
    """The fraction of pad images (k, PAD, PAD) that ``net`` reads as their label, after the pad's preparation."""
    rows = np.array([preprocess(np.asarray(image, dtype=float)) for image in images])
    return float(np.mean(net.predict(rows) == np.asarray(labels)))


def mnist_rates(net, count=1000):
    """{change: read rate} on the first ``count`` MNIST test digits, never trained on."""
    _, _, (X_test, y_test) = load_mnist()
    digits = X_test[:count].reshape(-1, 28, 28)
    return {name: read_rate(net, [change(d) for d in digits], y_test[:count]) for name, change in MNIST_CHANGES.items()}


def writer_rates(net, per_form=200, seed=2024, pen=PEN):
    """{form: read rate} for ``per_form`` writers of every form, and {digit: read rate} over all its forms."""
    rng = np.random.default_rng(seed)
    forms = {form: read_rate(net, [write(form, rng, pen) for _ in range(per_form)], [digit] * per_form)
             for form, digit in FORMS.items()}
    digits = {d: float(np.mean([forms[f] for f in SHAPES[d]])) for d in SHAPES}
    return forms, digits


@pytest.fixture(scope="module")
def shipped():
    return load_digit_network()


def test_writers_are_drawn_like_the_pad_draws():
    image = write("1 with a flag", np.random.default_rng(0))
    assert image.shape == (PAD, PAD) and image.max() == 1 and 0.02 < image.mean() < 0.3
    assert np.array_equal(image, write("1 with a flag", np.random.default_rng(0)))


def test_other_writers_are_read(shipped):
    forms, digits = writer_rates(shipped, per_form=60)
    overall = float(np.mean(list(digits.values())))
    assert overall >= 0.93, f"other writers: {overall:.1%} read right ({forms})"
    assert min(digits.values()) >= 0.8, f"some digit below 80%: {digits}"
    for form in OTHER_FORMS:
        assert forms[form] >= 0.8, f"{form}: {forms[form]:.0%} read right"


def test_mnist_test_digits_changed_as_people_change_them_are_read(shipped):
    rates = mnist_rates(shipped, count=300)
    assert all(rate >= 0.9 for rate in rates.values()), rates


def table(path=None):
    """The README's table for a network file (default: the shipped one)."""
    net = ModernNetwork.load(path) if path else load_digit_network()
    _, _, test = load_mnist()
    print(f"MNIST test set: {net.accuracy(*test):.2%}")
    for name, rate in mnist_rates(net).items():
        print(f"| MNIST test digits, {name} | {rate:.1%} |")
    forms, digits = writer_rates(net)
    print(f"| other writers, every digit (each form of it alike) | {np.mean(list(digits.values())):.1%} |")
    print("| other writers, the digit read worst | " + ", ".join(f"{d}: {r:.0%}" for d, r in digits.items()) + " |")
    for form, rate in forms.items():
        print(f"| other writers, {form} | {rate:.1%} |")
    _, digits = writer_rates(net, per_form=100, seed=7, pen=16)
    print(f"| other writers with a pen 16 pixels wide (a photo of a marker), every digit | "
          f"{np.mean(list(digits.values())):.1%} |")


if __name__ == "__main__":
    table(sys.argv[1] if len(sys.argv) > 1 else None)
