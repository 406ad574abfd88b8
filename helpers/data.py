"""Loading MNIST (and any other IDX file) from the files shipped in ``data/``.

Nothing here downloads anything and nothing uses pickle: the IDX format is a
tiny binary header followed by raw numbers, which NumPy reads directly.

Conventions used by every notebook:
    X  float32, shape (n, 784), pixel values in [0, 1], one image per row
    y  int64,   shape (n,),     the digit 0-9 that each row shows

The float32 arrays take 220 MB. ``load_mnist`` converts the IDX files once and keeps
the result as .npy files (the cache); every later call, in any kernel on the machine,
maps those files into memory instead, so that 30 kernels share one copy. The mapping is
copy-on-write: a kernel that changes the arrays changes its own copy of the pages it
writes, never the file and never another kernel's arrays.
"""
import gzip
import hashlib
import json
import os
import tempfile
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
    The files are checked against ``SHA256SUMS`` first. The arrays come from the
    cache (see ``cached_arrays``); changing them changes this copy only.
    """
    folder = Path(folder)
    sums = read_checksums(folder)
    for name in MNIST_FILES.values():
        verify_file(folder / name, sums[name])
    arrays = cached_arrays(folder, sums)
    X, y, test = arrays["train_X"], arrays["train_y"], (arrays["test_X"], arrays["test_y"])
    return (X[:NUM_TRAIN], y[:NUM_TRAIN]), (X[NUM_TRAIN:], y[NUM_TRAIN:]), test


def mnist_from_idx(folder):
    """The arrays of ``load_mnist``, made from the IDX files: ``{"train_X": X (60000, 784) float32, ...}``.

    The reference: what the cache holds, computed from the shipped files (checked beforehand).
    """
    arrays = {}
    for part in ("train", "test"):
        images = load_idx(Path(folder) / MNIST_FILES[f"{part}_images"])
        labels = load_idx(Path(folder) / MNIST_FILES[f"{part}_labels"])
        if len(images) != len(labels):
            raise DataError(f"MNIST {part} set: {len(images)} images but {len(labels)} labels.")
        X = images.reshape(len(images), -1).astype(np.float32)
        X /= 255
        arrays[f"{part}_X"], arrays[f"{part}_y"] = X, labels.astype(np.int64)
    return arrays


# The cache: one .npy file per array and checksums.json, in a folder named after the
# checksums of the IDX files it was made from (so new data never meets an old cache).
MNIST_KEYS = ("train_X", "train_y", "test_X", "test_y")  # the arrays in the cache, one file each
CACHE_FORMAT = 1  # change it when the cached arrays change, so old caches are not used
CACHE_VARIABLE = "WORKSHOP_CACHE_DIR"  # a folder for the cache, e.g. one shared by every user of a hub


def cache_folders(folder, sums):
    """Where the cache of the data in ``folder`` may be, in the order they are tried.

    $WORKSHOP_CACHE_DIR if set, otherwise ``folder/cache`` (next to the data); then the
    user's cache folder ($XDG_CACHE_HOME or ~/.cache), for when the first is read-only.
    """
    sources = [sums[name] for name in MNIST_FILES.values()]
    tag = hashlib.sha256(json.dumps([CACHE_FORMAT, sources]).encode()).hexdigest()[:16]
    first = Path(os.environ.get(CACHE_VARIABLE) or Path(folder) / "cache")
    user = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "neural-network-workshop"
    return [first / f"mnist-{tag}", user / f"mnist-{tag}"]


def array_digest(array):
    """SHA-256 of an array's dtype, shape and bytes: equal digests mean equal arrays."""
    digest = hashlib.sha256(f"{array.dtype.str} {array.shape}\n".encode())
    digest.update(np.ascontiguousarray(array).data)
    return digest.hexdigest()


def open_cache(place):
    """The cached arrays in ``place``, mapped copy-on-write; None if missing or damaged (checksum mismatch)."""
    try:
        expected = json.loads((place / "checksums.json").read_text())
        if not isinstance(expected, dict) or sorted(expected) != sorted(MNIST_KEYS):
            return None
        arrays = {key: np.load(place / f"{key}.npy", mmap_mode="c", allow_pickle=False) for key in MNIST_KEYS}
    except (OSError, ValueError, EOFError):  # missing, unreadable, cut short or not .npy
        return None
    if any(array_digest(arrays[key]) != expected[key] for key in MNIST_KEYS):
        return None
    return {key: np.asarray(array) for key, array in arrays.items()}  # plain arrays, backed by the files


def write_cache(place, arrays):
    """Write the arrays and their checksums into ``place``; False if it cannot be written there.

    Every file is written under a temporary name, then renamed (atomic): a reader sees
    the old file or the new one, never half of one; checksums.json comes last.
    """
    files = {f"{key}.npy": array for key, array in arrays.items()}
    files["checksums.json"] = json.dumps({key: array_digest(array) for key, array in arrays.items()})
    temporary = None
    try:
        place.mkdir(parents=True, exist_ok=True)
        for name, content in files.items():
            handle, temporary = tempfile.mkstemp(dir=place, prefix=f".{name}.", suffix=".tmp")
            with os.fdopen(handle, "wb") as file:
                if isinstance(content, str):
                    file.write(content.encode())
                else:
                    np.save(file, content, allow_pickle=False)
            os.chmod(temporary, 0o644)  # readable by every user of a shared folder
            os.replace(temporary, place / name)
            temporary = None
    except OSError:  # read-only, not ours, full, or (Windows) a file still mapped by a kernel
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        return False
    return True


def cached_arrays(folder, sums):
    """The arrays of ``mnist_from_idx(folder)``, from the first cache that is intact.

    Without one, they are made from the IDX files and written into the first folder
    that can be written; where none can, this kernel keeps its own copy in memory.
    """
    places = cache_folders(folder, sums)
    for place in places:
        arrays = open_cache(place)
        if arrays is not None:
            return arrays
    arrays = mnist_from_idx(folder)
    for place in places:
        if write_cache(place, arrays):
            return open_cache(place) or arrays
    return arrays


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
