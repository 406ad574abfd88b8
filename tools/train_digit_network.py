"""Train the network that notebook 07's drawing pad uses, and ship it in data/.

    python tools/train_digit_network.py

Writes data/digit_network.npz (plain arrays, loaded without pickle) and its
checksum in data/SHA256SUMS. The recipe is notebook 07's, helpers.challenge.recipe:
784-128-10, ReLU, softmax with cross-entropy, scaled initialisation, momentum 0.9,
L2, mini-batches of 100 and a cosine learning-rate schedule.
"""
import hashlib
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import helpers  # noqa: E402
from helpers.challenge import recipe  # noqa: E402

TARGET = ROOT / "data" / "digit_network.npz"


def main():
    train, validation, test = helpers.load_mnist()
    start = time.perf_counter()
    net = recipe(*train)
    print(f"trained in {time.perf_counter() - start:.1f} s; validation {net.accuracy(*validation):.2%}, "
          f"test {net.accuracy(*test):.2%}")
    net.save(TARGET)
    digest = hashlib.sha256(TARGET.read_bytes()).hexdigest()
    (ROOT / "data" / "SHA256SUMS").write_text(f"{digest}  {TARGET.name}\n")
    print(f"wrote {TARGET.relative_to(ROOT)} ({TARGET.stat().st_size / 1e3:.0f} kB), sha256 {digest}")


if __name__ == "__main__":
    main()
