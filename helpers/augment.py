"""Augmentation: new training images made from old ones, so a network learns handwriting its data lacks.

MNIST's writers were American Census Bureau employees and high-school students: a network trained on
their digits knows only how they wrote. Each function here makes images (n, 28, 28) with values in
[0, 1] and keeps every label: the same digit, written another way.

    warp(images, A, t)          every image sampled at A (p - c) + c + t: slant, rotation, scale, shift
    thicker(images)             the ink one pixel wider in every direction (the exercise of notebook 07)
    thinner(images)             the ink one pixel narrower, where a stroke is wide enough
    normalise(images)           scaled to a 20-pixel box and centred by the centre of mass, as MNIST was
    strokes(paths, width)       pen strokes drawn in a 28x28 frame (the forms MNIST's writers rarely used)
    variations(X, y, rng)       random copies of MNIST images: all of the above, seeded
    forms(n, rng)               a 1 with a flag (and a foot), a 7 with a bar, a 9 with a straight stem, an open 4

Everything is vectorised over the images; the same seed gives the same images.
"""
import numpy as np

SIDE, BOX = 28, 20
CENTRE = (SIDE - 1) / 2
_GRID = np.stack(np.indices((SIDE, SIDE)), axis=-1).reshape(-1, 2).astype(float)  # (784, 2): (row, column)
CHUNK = 4000  # images warped at once (bounded memory)


def as_images(X):
    """Rows (n, 784) or images (n, 28, 28) -> float images (n, 28, 28)."""
    return np.asarray(X, dtype=np.float32).reshape(-1, SIDE, SIDE)


def warp(images, A, t):
    """Each image (n, 28, 28) resampled: output pixel p takes the value at A_i (p - c) + c + t_i (bilinear).

    A: (n, 2, 2) maps output positions to input positions around the centre c, in (row, column);
    t: (n, 2) a shift. Outside the input is blank (0).
    """
    images = as_images(images)
    out = np.empty_like(images)
    for s in range(0, len(images), CHUNK):
        out[s:s + CHUNK] = _warp(images[s:s + CHUNK], np.asarray(A)[s:s + CHUNK], np.asarray(t)[s:s + CHUNK])
    return out


def _warp(images, A, t):
    n, wide = len(images), SIDE + 2
    rows, cols = (_GRID - CENTRE).T  # (784,) each
    Q = [A[:, i, 0, None] * rows + A[:, i, 1, None] * cols + (CENTRE + 1) + t[:, i, None] for i in (0, 1)]
    Q = [np.clip(q, 0, SIDE + 1) for q in Q]  # +1 above: positions in the image with a blank border
    r0, c0 = [np.minimum(np.floor(q), SIDE) for q in Q]
    fr, fc = Q[0] - r0, Q[1] - c0
    flat = np.pad(images, ((0, 0), (1, 1), (1, 1))).reshape(-1)
    index = (r0 * wide + c0).astype(np.intp) + (np.arange(n) * wide * wide)[:, None]
    out = ((1 - fr) * ((1 - fc) * flat[index] + fc * flat[index + 1])
           + fr * ((1 - fc) * flat[index + wide] + fc * flat[index + wide + 1]))
    return out.reshape(n, SIDE, SIDE)


def _neighbours(images, offsets, combine):
    """The images combined (np.maximum or np.minimum) with their copies shifted by each (row, column) offset,
    blank where shifted in from outside."""
    padded = np.pad(images, ((0, 0), (1, 1), (1, 1)))
    out = images.copy()
    for dr, dc in offsets:
        combine(out, padded[:, 1 + dr:1 + dr + SIDE, 1 + dc:1 + dc + SIDE], out=out)
    return out


def thicker(images):
    """The ink one pixel wider: each pixel becomes the largest of itself and its 8 neighbours. (n, 28, 28)."""
    return _neighbours(as_images(images), [(dr, dc) for dr in (-1, 0, 1) for dc in (-1, 0, 1)], np.maximum)


def thinner(images):
    """The ink one pixel narrower: the smallest of each pixel and its 4 nearest neighbours. (n, 28, 28)."""
    return _neighbours(as_images(images), [(-1, 0), (1, 0), (0, -1), (0, 1)], np.minimum)


def thickness(images, amount):
    """Stroke width changed by amount (n,) in [-1, 2]: -1 thinner, 0 as it is, 1 and 2 that many pixels thicker.

    Fractional amounts blend between the whole steps. An image that thinning would erase stays as it is.
    """
    images, amount = as_images(images), np.asarray(amount, dtype=float)[:, None, None]
    thick = thicker(images)
    thin = thinner(images)
    thin = np.where(thin.max(axis=(1, 2), keepdims=True) > 0.5, thin, images)
    out = np.where(amount < 0, images - amount * (thin - images), images + np.minimum(amount, 1) * (thick - images))
    return np.where(amount > 1, thick + (amount - 1) * (thicker(thick) - thick), out)


def normalise(images, box=BOX, shift=None):
    """Each image scaled so its ink's longer side is ``box`` pixels, its centre of mass at the centre (+ shift).

    MNIST's own preparation (and the drawing pad's): box 20, no shift. box: a number or (n,); shift: (n, 2).
    Images without ink stay blank. Values are rescaled so each image's darkest ink is 1.
    """
    images = as_images(images)
    n = len(images)
    ink = images > 0.05
    rows, cols = ink.any(axis=2), ink.any(axis=1)
    height = SIDE - rows.argmax(axis=1) - rows[:, ::-1].argmax(axis=1)
    width = SIDE - cols.argmax(axis=1) - cols[:, ::-1].argmax(axis=1)
    scale = np.broadcast_to(np.asarray(box, dtype=float), (n,)) / np.maximum(np.maximum(height, width), 1)
    total = np.maximum(images.sum(axis=(1, 2)), 1e-9)
    mass = np.stack([images.sum(axis=2) @ np.arange(SIDE), images.sum(axis=1) @ np.arange(SIDE)], axis=1)
    mass = mass / total[:, None]  # the centre of mass, (row, column)
    target = CENTRE + (np.zeros((n, 2)) if shift is None else np.asarray(shift, dtype=float))
    A = np.eye(2)[None] / scale[:, None, None]
    t = mass - CENTRE - (target - CENTRE) / scale[:, None]
    out = warp(images, A, t)
    return out / np.maximum(out.max(axis=(1, 2), keepdims=True), 1e-9)


def strokes(paths, width):
    """Pen strokes drawn in 28x28 frames: paths (n, k, 2) of (row, column) points, NaN between strokes.

    Consecutive points are joined by straight lines of the given width (n,) in pixels, with soft edges.
    Returns (n, 28, 28) ink in [0, 1].
    """
    paths = np.asarray(paths, dtype=float)
    start, end = paths[:, :-1, None, :], paths[:, 1:, None, :]  # (n, k-1, 1, 2)
    along = end - start
    length2 = np.maximum((along ** 2).sum(axis=-1), 1e-9)
    u = np.clip(((_GRID - start) * along).sum(axis=-1) / length2, 0, 1)  # (n, k-1, 784)
    distance = np.sqrt((((start + u[..., None] * along) - _GRID) ** 2).sum(axis=-1))
    distance = np.where(np.isnan(distance), np.inf, distance).min(axis=1)  # NaN: no segment there
    half = np.asarray(width, dtype=float)[:, None] / 2
    return np.clip(half + 0.5 - distance, 0, 1).reshape(-1, SIDE, SIDE)


def random_affine(n, rng, rotate=12, slant=0.35, stretch=0.15):
    """(n, 2, 2) output-to-input maps: rotations up to ``rotate`` degrees, slants up to ``slant`` (columns per
    row) both ways, widths and heights stretched by up to ``stretch``."""
    angle = np.radians(rng.uniform(-rotate, rotate, n))
    cos, sin = np.cos(angle), np.sin(angle)
    rotation = np.stack([np.stack([cos, -sin], -1), np.stack([sin, cos], -1)], 1)
    shear = np.zeros((n, 2, 2))
    shear[:, 0, 0] = shear[:, 1, 1] = 1
    shear[:, 1, 0] = -rng.uniform(-slant, slant, n)  # the top moves right for a positive slant
    size = np.zeros((n, 2, 2))
    size[:, 0, 0], size[:, 1, 1] = rng.uniform(1 - stretch, 1 + stretch, (2, n))
    return np.linalg.inv(rotation @ shear @ size)  # forward: stretch, slant, rotate; warp wants the inverse


def variations(X, y, rng):
    """A random variation of every image: slanted, rotated, stretched, thinner or thicker, then normalised
    like MNIST with a box of 18 to 22 pixels and a shift of up to a pixel. Returns (rows (n, 784) float32, y)."""
    images = as_images(X)
    n = len(images)
    images = warp(images, random_affine(n, rng), np.zeros((n, 2)))
    images = thickness(images, rng.choice([-1.0, 0.0, 0.5, 1.0, 1.5, 2.0], n, p=[.15, .2, .15, .25, .15, .1]))
    images = normalise(images, rng.uniform(18, 22, n), rng.uniform(-1, 1, (n, 2)))
    return images.reshape(n, -1).astype(np.float32), np.asarray(y).copy()


def _ends(images, label_rows):
    """For each image: its top and bottom ink rows, and the ink's mean column in the given rows (n,)."""
    rows = (images > 0.5).any(axis=2)
    top, bottom = rows.argmax(axis=1), SIDE - 1 - rows[:, ::-1].argmax(axis=1)
    line = images[np.arange(len(images)), np.clip(label_rows(top, bottom), 0, SIDE - 1)]
    column = (line @ np.arange(SIDE)) / np.maximum(line.sum(axis=1), 1e-9)
    return top, bottom, np.where(line.sum(axis=1) > 0, column, CENTRE)


def _path(*points):
    """Points (each (n,) rows and columns, or NaN for a pen lift) -> paths (n, k, 2)."""
    n = max(np.size(r) for r, c in points)
    return np.stack([np.stack(np.broadcast_arrays(np.broadcast_to(r, n), np.broadcast_to(c, n)), -1)
                     for r, c in points], axis=1).astype(float)


def flagged_ones(ones, rng):
    """MNIST 1s (n, 28, 28) given a flag down to the left from the top, and half of them a foot."""
    n = len(ones)
    top, bottom, c_top = _ends(ones, lambda top, bottom: top + 1)
    _, _, c_bottom = _ends(ones, lambda top, bottom: bottom - 1)
    width = np.clip(ones.sum(axis=(1, 2)) / np.maximum(bottom - top, 1), 1.5, 4)
    flag = rng.uniform(5, 10, n)
    foot = np.where(rng.random(n) < 0.5, rng.uniform(3, 6, n), np.nan)
    lift = (np.nan, np.nan)
    paths = _path((top + 0.5, c_top), (top + flag * rng.uniform(0.4, 1.0, n), c_top - flag), lift,
                  (bottom, c_bottom - foot), (bottom, c_bottom + foot))
    return np.maximum(ones, strokes(paths, width))


def barred_sevens(sevens, rng):
    """MNIST 7s (n, 28, 28) with a bar across the middle of the stem."""
    n = len(sevens)
    place = rng.uniform(0.45, 0.65, n)
    top, bottom, column = _ends(sevens, lambda top, bottom: np.round(top + place * (bottom - top)).astype(int))
    row = np.round(top + place * (bottom - top))
    width = rng.uniform(1.6, 3.0, n)
    half, tilt = rng.uniform(3, 6, n), rng.uniform(-1, 1, n)
    return np.maximum(sevens, strokes(_path((row + tilt, column - half), (row - tilt, column + half)), width))


def _drawn(n, rng, kind):
    """Forms drawn with a pen from scratch: "1" (flag, sometimes a foot), "7" (with a bar), "9" (a straight
    stem), "4" (open at the top). Returns (n, 28, 28)."""
    u, lift = (lambda low, high: rng.uniform(low, high, n)), (np.nan, np.nan)
    if kind == "1":
        c = u(11, 17)
        foot = np.where(rng.random(n) < 0.5, u(3, 6), np.nan)
        paths = _path((4 + u(4, 9), c - u(6, 10)), (4, c), (24, c - u(-2, 3)), lift, (24, c - foot), (24, c + foot))
    elif kind == "7":
        left, right, end = u(6, 10), u(17, 22), u(9, 14)
        row = u(12, 16)
        paths = _path((4 + u(0, 3), left), (4, right), (24, end), lift, (row, (right + end) / 2 - u(4, 7)),
                      (row, (right + end) / 2 + u(3, 5)))
    elif kind == "9":
        ry, rx, cc = u(3.5, 5.5), u(3.5, 6), u(11, 15)
        cr = 4 + ry
        angles = np.linspace(0, 2 * np.pi, 17)[:, None]
        loop = [(cr - ry * np.sin(a), cc + rx * np.cos(a)) for a in angles]
        paths = _path(*loop, (24, cc + rx + u(-2, 1)))
    elif kind == "4":
        c0 = u(7, 11)
        paths = _path((4, c0 + u(0, 3)), (15, c0 - u(1, 3)), (15, c0 + u(11, 14)), lift,
                      (4 + u(0, 4), c0 + u(6, 9)), (24, c0 + u(4, 8)))
    else:
        raise ValueError(f'kind must be "1", "7", "9" or "4", not {kind!r}')
    return strokes(paths, u(1.6, 4.0))


FORMS = {"1 with a flag": 1, "7 with a bar": 7, "9 with a straight stem": 9, "open 4": 4}


def forms(X, y, n, rng):
    """n images of each form MNIST's writers rarely used (FORMS), half made from MNIST's own 1s and 7s, the
    rest drawn with a pen, each then varied like ``variations``. Returns (rows (4n, 784) float32, labels (4n,))."""
    images, y = as_images(X), np.asarray(y)
    made = []
    for digit, change in ((1, flagged_ones), (7, barred_sevens)):
        chosen = rng.choice(np.flatnonzero(y == digit), n // 2)
        made += [change(images[chosen], rng), _drawn(n - n // 2, rng, str(digit))]
    made += [_drawn(n, rng, "9"), _drawn(n, rng, "4")]
    labels = np.repeat([1, 7, 9, 4], n)
    return variations(np.concatenate(made), labels, rng)


def drawn(kind, n, rng):
    """n digits of one of the rare forms ("1" with a flag, "7" with a bar, "9" with a straight stem, "4" open)
    drawn with a pen and prepared like MNIST: rows (n, 784) float32."""
    return normalise(_drawn(n, rng, kind)).reshape(n, -1).astype(np.float32)
