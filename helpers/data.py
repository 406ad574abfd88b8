"""Loading MNIST (and any other IDX file) from the files shipped in ``data/``.

Nothing here downloads anything and nothing uses pickle: the IDX format is a
tiny binary header followed by raw numbers, which NumPy reads directly.

Conventions used by every notebook:
    X  float32, shape (n, 784), pixel values in [0, 1], one image per row
    y  int64,   shape (n,),     the digit 0-9 that each row shows
"""
import gzip
import hashlib
import zlib
from pathlib import Path

import numpy as np

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
MNIST_DIR = DATA_DIR / "mnist"

MNIST_FILES = {
    "train_images": "train-images-idx3-ubyte.gz",
    "train_labels": "train-labels-idx1-ubyte.gz",
    "test_images": "t10k-images-idx3-ubyte.gz",
    "test_labels": "t10k-labels-idx1-ubyte.gz",
}
NUM_TRAIN = 50_000  # the first 50,000 training images; the last 10,000 are the validation set

# The third byte of an IDX magic number says what kind of number follows the header.
IDX_DTYPES = {0x08: "u1", 0x09: "i1", 0x0B: ">i2", 0x0C: ">i4", 0x0D: ">f4", 0x0E: ">f8"}


class DataError(Exception):
    """A data file is missing, damaged, or not in the expected format."""


def _restore(path):
    """How to get a shipped file back, with its path relative to the repository when it is inside it."""
    resolved, repository = Path(path).resolve(), DATA_DIR.parent
    shown = resolved.relative_to(repository).as_posix() if resolved.is_relative_to(repository) else path
    return ("The repository ships this file: restore it with\n"
            f"    git checkout -- {shown}\nor download the repository again.")


def load_idx(path):
    """Read an IDX file (gzip-compressed or not) into a NumPy array.

    The header gives the type of the numbers and the size of every dimension,
    e.g. MNIST training images give a uint8 array of shape (60000, 28, 28).
    Works for any IDX data set (MNIST, Fashion-MNIST, EMNIST, ...).
    """
    path = Path(path)
    if not path.is_file():
        raise DataError(f"Data file not found: {path}\n" + _restore(path))
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":  # gzip-compressed
        try:
            data = gzip.decompress(data)
        except (EOFError, OSError, zlib.error) as error:
            raise DataError(f"{path.name} is damaged: it cannot be decompressed ({error}).\n"
                            + _restore(path)) from None
    if len(data) < 4 or data[0] != 0 or data[1] != 0 or data[2] not in IDX_DTYPES:
        magic = int.from_bytes(data[:4], "big") if len(data) >= 4 else None
        raise DataError(f"{path.name} is not an IDX file: its magic number is {magic}, "
                        "expected two zero bytes, a type code and the number of dimensions "
                        "(2051 for MNIST images, 2049 for labels).")
    dtype, ndim = np.dtype(IDX_DTYPES[data[2]]), data[3]
    header_size = 4 + 4 * ndim
    if len(data) < header_size:
        raise DataError(f"{path.name} is cut short: it ends inside its header.")
    shape = tuple(int.from_bytes(data[4 + 4 * i: 8 + 4 * i], "big") for i in range(ndim))
    expected = int(np.prod(shape, dtype=np.int64)) * dtype.itemsize
    actual = len(data) - header_size
    if actual != expected:
        raise DataError(f"{path.name} does not match its header: the header says shape {shape}, "
                        f"which is {expected:,} bytes of data, but the file holds {actual:,}.")
    array = np.frombuffer(data, dtype=dtype, offset=header_size).reshape(shape)
    return array.astype(dtype.newbyteorder("="))


def read_checksums(folder):
    """The ``{file name: sha256}`` pairs listed in ``folder/SHA256SUMS``."""
    manifest = Path(folder) / "SHA256SUMS"
    if not manifest.is_file():
        raise DataError(f"Checksum list not found: {manifest}\n" + _restore(manifest))
    pairs = [line.split() for line in manifest.read_text().splitlines() if line.strip()]
    return {name.lstrip("*"): digest for digest, name in pairs}


def verify_file(path, expected_sha256):
    """Raise DataError unless the file exists and has the expected SHA-256."""
    path = Path(path)
    if not path.is_file():
        raise DataError(f"Data file not found: {path}\n" + _restore(path))
    actual = hashlib.sha256(path.read_bytes()).hexdigest()
    if actual != expected_sha256:
        raise DataError(f"{path.name} is damaged or was changed: its checksum does not match.\n"
                        f"    expected sha256 {expected_sha256}\n"
                        f"    actual   sha256 {actual}\n" + _restore(path))


def load_mnist(folder=MNIST_DIR):
    """Load MNIST as ``train, validation, test``, each a pair ``(X, y)``.

    X: float32, shape (n, 784), pixel values in [0, 1] (0 is background)
    y: int64, shape (n,), labels 0-9
    train: 50,000 images, validation: 10,000, test: 10,000 (the classic split).
    The files are checked against ``SHA256SUMS`` first.
    """
    folder = Path(folder)
    sums = read_checksums(folder)
    for name in MNIST_FILES.values():
        verify_file(folder / name, sums[name])
    arrays = {key: load_idx(folder / name) for key, name in MNIST_FILES.items()}
    sets = {}
    for part in ("train", "test"):
        images, labels = arrays[f"{part}_images"], arrays[f"{part}_labels"]
        if len(images) != len(labels):
            raise DataError(f"MNIST {part} set: {len(images)} images but {len(labels)} labels.")
        X = images.reshape(len(images), -1).astype(np.float32)
        X /= 255
        sets[part] = X, labels.astype(np.int64)
    (X, y), test = sets["train"], sets["test"]
    return (X[:NUM_TRAIN], y[:NUM_TRAIN]), (X[NUM_TRAIN:], y[NUM_TRAIN:]), test


def one_hot(y, num_classes=10):
    """Labels (n,) -> one-hot rows (n, num_classes): the digit 3 is [0,0,0,1,0,0,0,0,0,0]."""
    y = np.asarray(y)
    if y.ndim != 1 or not np.issubdtype(y.dtype, np.integer):
        raise ValueError(f"one_hot expects a 1-D array of integer labels, got shape {y.shape} of {y.dtype}.")
    if y.size and (y.min() < 0 or y.max() >= num_classes):
        raise ValueError(f"Labels must be in 0..{num_classes - 1}, got values from {y.min()} to {y.max()}.")
    Y = np.zeros((len(y), num_classes), dtype=np.float32)
    Y[np.arange(len(y)), y] = 1
    return Y
