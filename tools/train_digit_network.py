"""Train the network that notebook 07's drawing pad uses, and ship it in data/.

    python tools/train_digit_network.py [elsewhere.npz]

Writes data/digit_network.npz (plain arrays, loaded without pickle) and its checksum in
data/SHA256SUMS. The recipe is notebook 07's, helpers.challenge.recipe, with 256 hidden nodes
(784-256-10, ReLU, softmax with cross-entropy, scaled initialisation, momentum 0.9, L2, mini-batches
of 100, a cosine schedule, 15 epochs), trained on MNIST's 50,000 training images and copies made by helpers.augment, all from one seed:
two variations of every image (slant, rotation, stretch, thinner or thicker strokes, size and
position), and the forms MNIST's writers rarely used (a 1 with a flag, a 7 with a bar, a 9 with a
straight stem, an open 4): 170,000 images. Prints its progress; 78 s of processor time measured
on 2 busy cores (3 minutes on the clock).
"""
import hashlib
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import helpers  # noqa: E402
from helpers import augment  # noqa: E402
from helpers.challenge import recipe  # noqa: E402

TARGET = ROOT / "data" / "digit_network.npz"
SEED, COPIES, FORMS, EPOCHS, HIDDEN = 0, 2, 5000, 15, 256


def training_set(X, y, seed=SEED):
    """MNIST's (X, y), COPIES variations of each image, and FORMS images of each rare form: (rows, labels)."""
    rng = np.random.default_rng(seed)
    parts = [(X, y)]
    for copy in range(COPIES):
        parts.append(augment.variations(X, y, rng))
        print(f"made variation {copy + 1} of {COPIES} of the {len(y):,} training images", flush=True)
    parts.append(augment.forms(X, y, FORMS, rng))
    print(f"made {FORMS:,} of each rare form", flush=True)
    return np.concatenate([p[0] for p in parts]).astype(np.float32), np.concatenate([p[1] for p in parts])


def main(target=TARGET):
    """Train; save to target (the shipped network and its checksum, unless another file is given)."""
    train, validation, test = helpers.load_mnist()
    start = time.process_time()
    X, y = training_set(*train)

    def progress(epoch, history):
        print(f"epoch {epoch + 1:>2}/{EPOCHS}: validation {history['val_accuracy'][-1]:.2%}", flush=True)

    net = recipe(X, y, validation=validation, callback=progress, seed=SEED, epochs=EPOCHS, hidden=HIDDEN)
    print(f"{len(y):,} training images; processor time {time.process_time() - start:.0f} s; "
          f"validation {net.accuracy(*validation):.2%}, test {net.accuracy(*test):.2%}")
    net.save(target)
    digest = hashlib.sha256(Path(target).read_bytes()).hexdigest()
    if Path(target) == TARGET:
        (ROOT / "data" / "SHA256SUMS").write_text(f"{digest}  {TARGET.name}\n")
    print(f"wrote {target} ({Path(target).stat().st_size / 1e3:.0f} kB), sha256 {digest}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else TARGET)
