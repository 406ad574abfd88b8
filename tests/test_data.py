"""Loading MNIST and IDX files, the clear errors on bad data files, and the cache that kernels share."""
import gzip
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import matplotlib
import numpy as np
import pytest

import helpers
from helpers.data import (CACHE_VARIABLE, MNIST_DIR, MNIST_FILES, NUM_TRAIN, DataError, cache_folders,
                          load_idx, load_mnist, one_hot, open_cache, read_checksums)

ROOT = Path(__file__).resolve().parent.parent

# From data/mnist/README.md: how many of each digit the canonical files hold.
TRAIN_COUNTS = [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]
TEST_COUNTS = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]


@pytest.fixture(scope="module")
def mnist():
    return load_mnist()


def test_split_shapes_and_types(mnist):
    sizes = [50_000, 10_000, 10_000]
    for (X, y), n in zip(mnist, sizes):
        assert X.shape == (n, 784) and X.dtype == np.float32
        assert y.shape == (n,) and y.dtype == np.int64
        assert 0.0 == X.min() and X.max() == 1.0
        assert set(np.unique(y)) == set(range(10))


def test_split_is_the_classic_one(mnist):
    (X_train, y_train), (X_val, y_val), (X_test, y_test) = mnist
    assert np.bincount(np.concatenate([y_train, y_val])).tolist() == TRAIN_COUNTS
    assert np.bincount(y_test).tolist() == TEST_COUNTS
    raw = load_idx(MNIST_DIR / MNIST_FILES["train_images"])
    assert np.array_equal(X_val[0] * 255, raw[50_000].reshape(-1).astype(np.float32))
    assert np.array_equal(X_train[-1] * 255, raw[49_999].reshape(-1).astype(np.float32))


def test_load_idx_gives_header_shape_and_dtype():
    images = load_idx(MNIST_DIR / MNIST_FILES["test_images"])
    labels = load_idx(MNIST_DIR / MNIST_FILES["test_labels"])
    assert images.shape == (10_000, 28, 28) and images.dtype == np.uint8
    assert labels.shape == (10_000,) and labels.dtype == np.uint8
    assert labels[:10].tolist() == [7, 2, 1, 0, 4, 1, 4, 9, 5, 9]


def write_idx(path, array, type_code, compress=False):
    """Write ``array`` as an IDX file, the way the format's documentation lays it out."""
    header = bytes([0, 0, type_code, array.ndim]) + b"".join(n.to_bytes(4, "big") for n in array.shape)
    big_endian = array.astype(array.dtype.newbyteorder(">"))
    data = header + big_endian.tobytes()
    path.write_bytes(gzip.compress(data) if compress else data)


@pytest.mark.parametrize("dtype, code", [("u1", 0x08), ("i1", 0x09), ("i2", 0x0B),
                                         ("i4", 0x0C), ("f4", 0x0D), ("f8", 0x0E)])
@pytest.mark.parametrize("compress", [False, True])
def test_load_idx_reads_every_idx_type(tmp_path, dtype, code, compress):
    array = (np.arange(2 * 3 * 4) - 5).reshape(2, 3, 4).astype(dtype)
    path = tmp_path / "x.idx"
    write_idx(path, array, code, compress)
    loaded = load_idx(path)
    assert loaded.shape == (2, 3, 4) and loaded.dtype == np.dtype(dtype)
    assert np.array_equal(loaded, array)


def test_missing_file_says_which_and_how_to_restore(tmp_path):
    with pytest.raises(DataError, match=r"not found: .*nowhere\.gz[\s\S]*git checkout"):
        load_idx(tmp_path / "nowhere.gz")


@pytest.fixture
def mnist_copy(tmp_path):
    """A copy of data/mnist (without its cache) to damage."""
    folder = tmp_path / "mnist"
    shutil.copytree(MNIST_DIR, folder, ignore=shutil.ignore_patterns("cache"))
    return folder


def test_missing_mnist_file(mnist_copy):
    (mnist_copy / MNIST_FILES["test_labels"]).unlink()
    with pytest.raises(DataError, match=r"not found: .*t10k-labels-idx1-ubyte\.gz[\s\S]*restore"):
        load_mnist(mnist_copy)


def test_truncated_file_fails_its_checksum(mnist_copy):
    path = mnist_copy / MNIST_FILES["train_labels"]
    path.write_bytes(path.read_bytes()[:1000])
    with pytest.raises(DataError, match=r"train-labels-idx1-ubyte\.gz is damaged[\s\S]*"
                                        r"expected sha256 1787548b[0-9a-f]+\n\s+actual   sha256 [0-9a-f]{64}"):
        load_mnist(mnist_copy)


def test_altered_file_fails_its_checksum(mnist_copy):
    path = mnist_copy / MNIST_FILES["test_images"]
    data = bytearray(path.read_bytes())
    data[5000] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(DataError, match=r"t10k-images-idx3-ubyte\.gz is damaged or was changed"):
        load_mnist(mnist_copy)


def test_truncated_gzip_is_reported_by_load_idx(tmp_path):
    source = MNIST_DIR / MNIST_FILES["test_labels"]
    path = tmp_path / source.name
    path.write_bytes(source.read_bytes()[:2000])
    with pytest.raises(DataError, match=r"t10k-labels-idx1-ubyte\.gz is damaged: it cannot be decompressed"):
        load_idx(path)


def test_not_an_idx_file(tmp_path):
    path = tmp_path / "notes.gz"
    path.write_bytes(gzip.compress(b"this is not an IDX file at all"))
    with pytest.raises(DataError, match=r"notes\.gz is not an IDX file: its magic number is"):
        load_idx(path)


def test_header_that_does_not_match_the_data(tmp_path):
    path = tmp_path / "short.idx"
    write_idx(path, np.zeros((10, 28, 28), np.uint8), 0x08)
    path.write_bytes(path.read_bytes()[:-100])
    with pytest.raises(DataError, match=r"header says shape \(10, 28, 28\), which is 7,840 bytes.*holds 7,740"):
        load_idx(path)


def test_file_cut_inside_its_header(tmp_path):
    path = tmp_path / "stub.idx"
    path.write_bytes(bytes([0, 0, 8, 3, 0, 0]))
    with pytest.raises(DataError, match="ends inside its header"):
        load_idx(path)


def test_missing_checksum_list(mnist_copy):
    (mnist_copy / "SHA256SUMS").unlink()
    with pytest.raises(DataError, match="Checksum list not found"):
        load_mnist(mnist_copy)


def test_one_hot():
    Y = one_hot(np.array([3, 0, 9]))
    assert Y.shape == (3, 10) and Y.dtype == np.float32
    assert Y[0].tolist() == [0, 0, 0, 1, 0, 0, 0, 0, 0, 0]
    assert Y.sum(axis=1).tolist() == [1, 1, 1] and Y[2, 9] == 1 and Y[1, 0] == 1
    assert one_hot(np.array([1, 2]), num_classes=3).tolist() == [[0, 1, 0], [0, 0, 1]]


@pytest.mark.parametrize("bad", [np.array([10]), np.array([-1]), np.array([0.5]), np.zeros((2, 2), int)])
def test_one_hot_rejects_bad_labels(bad):
    with pytest.raises(ValueError, match="one_hot expects|Labels must be in"):
        one_hot(bad)


def test_exported_names():
    assert helpers.load_mnist is load_mnist and helpers.one_hot is one_hot


# The cache: load_mnist maps .npy files that it wrote once, copy-on-write.

def backing_file(array):
    """The file whose mapping holds the array's numbers, or None if they are in the process's own memory."""
    while array is not None and not isinstance(array, np.memmap):
        array = array.base
    return None if array is None else Path(array.filename)


def sets_from_idx(folder):
    """What load_mnist returned before it had a cache, written out here: the IDX files, in memory.

    Pixels divided by 255 as float32, labels as int64; train, validation, test as (X, y) pairs.
    """
    def part(kind):
        images = load_idx(Path(folder) / MNIST_FILES[f"{kind}_images"])
        labels = load_idx(Path(folder) / MNIST_FILES[f"{kind}_labels"])
        return images.reshape(len(images), -1).astype(np.float32) / np.float32(255), labels.astype(np.int64)

    (X, y), test = part("train"), part("test")
    return (X[:NUM_TRAIN], y[:NUM_TRAIN]), (X[NUM_TRAIN:], y[NUM_TRAIN:]), test


def assert_same_sets(got, expected):
    """The same three (X, y) pairs: shapes, dtypes, layout and every value."""
    for (X, y), (X_ref, y_ref) in zip(got, expected, strict=True):
        for array, reference in ((X, X_ref), (y, y_ref)):
            assert type(array) is np.ndarray and array.dtype == reference.dtype and array.shape == reference.shape
            assert array.flags.c_contiguous and array.flags.writeable
            assert np.array_equal(array, reference)


def file_sha256(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def cache_place(folder, root=None):
    """Where load_mnist keeps the cache of the data in folder: under root, or next to the data."""
    name = cache_folders(folder, read_checksums(folder))[-1].name  # a folder named after the data's checksums
    return (Path(root) if root else Path(folder) / "cache") / name


@pytest.fixture
def caches(tmp_path, monkeypatch):
    """No shared cache folder, and the user's cache folder in tmp_path: tests never touch ~/.cache.

    Returns the folder where load_mnist would keep its cache there. (Matplotlib keeps its own.)
    """
    monkeypatch.delenv(CACHE_VARIABLE, raising=False)
    monkeypatch.setenv("MPLCONFIGDIR", matplotlib.get_cachedir())
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    return tmp_path / "user-cache" / "neural-network-workshop"


@pytest.fixture(scope="module")
def reference():
    return sets_from_idx(MNIST_DIR)


@pytest.fixture
def small_mnist(tmp_path):
    """A small data set in MNIST's files (120 training images, 30 test), for the cache's tests to damage."""
    folder = tmp_path / "small"
    folder.mkdir()
    rng = np.random.default_rng(0)
    sizes = {"train": 120, "test": 30}
    for part, n in sizes.items():
        write_idx(folder / MNIST_FILES[f"{part}_images"], rng.integers(0, 256, (n, 28, 28)).astype(np.uint8), 0x08, True)
        write_idx(folder / MNIST_FILES[f"{part}_labels"], rng.integers(0, 10, n).astype(np.uint8), 0x08, True)
    (folder / "SHA256SUMS").write_text("".join(f"{file_sha256(folder / name)}  {name}\n"
                                               for name in MNIST_FILES.values()))
    return folder


def test_the_cache_gives_the_arrays_of_the_idx_files(mnist_copy, caches, reference):
    first = load_mnist(mnist_copy)  # makes the cache next to the data
    place = cache_place(mnist_copy)
    assert (place / "checksums.json").is_file()
    again = load_mnist(mnist_copy)  # maps it
    for sets in (first, again):
        assert_same_sets(sets, reference)
        assert [backing_file(X).parent for X, y in sets] == [place] * 3
    assert not caches.exists()  # the folder next to the data could be written: nothing in the user's cache


def test_writing_into_the_arrays_changes_only_this_copy(mnist_copy, caches, reference):
    (X_train, y_train), (X_val, y_val), test = load_mnist(mnist_copy)
    cache_file = backing_file(X_train)
    before = file_sha256(cache_file)
    X_train /= 255
    X_val[0] = 0
    y_train[:10] = 3
    assert X_train.max() == np.float32(1) / 255 and not X_val[0].any() and y_train[:10].tolist() == [3] * 10
    assert file_sha256(cache_file) == before  # the file (and so every other kernel's arrays) is unchanged
    assert_same_sets(load_mnist(mnist_copy), reference)
    code = "import sys, helpers; X = helpers.load_mnist(sys.argv[1])[0][0]; print(X.max(), X[0].sum())"
    other_kernel = subprocess.run([sys.executable, "-c", code, str(mnist_copy)], cwd=ROOT, capture_output=True,
                                  text=True, timeout=120, check=True)
    assert other_kernel.stdout.split() == [str(reference[0][0].max()), str(reference[0][0][0].sum())]


def damage_one_byte(place):
    with open(place / "train_X.npy", "r+b") as file:  # in place: as a disk error would
        file.seek(-100, os.SEEK_END)
        byte = file.read(1)
        file.seek(-100, os.SEEK_END)
        file.write(bytes([byte[0] ^ 0x01]))


def cut_short(place):
    path = place / "test_X.npy"
    path.write_bytes(path.read_bytes()[:-784 * 4])


def garbled_checksums(place):
    (place / "checksums.json").write_text("not JSON")


def another_array(place):
    np.save(place / "test_y.npy", np.zeros(30, np.int64))  # a good .npy file of the right shape, other numbers


def lost_file(place):
    (place / "train_y.npy").unlink()


@pytest.mark.parametrize("damage", [damage_one_byte, cut_short, garbled_checksums, another_array, lost_file])
def test_a_damaged_cache_is_not_trusted_but_made_again(small_mnist, caches, damage):
    expected = sets_from_idx(small_mnist)
    load_mnist(small_mnist)
    place = cache_place(small_mnist)
    good = {path.name: file_sha256(path) for path in place.iterdir()}
    damage(place)
    assert open_cache(place) is None
    sets = load_mnist(small_mnist)
    assert_same_sets(sets, expected)
    assert {path.name: file_sha256(path) for path in place.iterdir()} == good  # made again, in the same place
    assert backing_file(sets[0][0]).parent == place


KERNEL = """
import json, sys
from pathlib import Path
import numpy as np
import helpers
sets = helpers.load_mnist(sys.argv[1])
files = []
for X, y in sets:
    while X is not None and not isinstance(X, np.memmap):
        X = X.base
    files.append(None if X is None else str(Path(X.filename).parent))
X = sets[0][0]
digest = helpers.data.array_digest(X)
X /= 2  # a learner's change in place works wherever the arrays come from
print(json.dumps({"files": files, "digest": digest, "max after X /= 2": float(X.max())}))
"""


def run_with_read_only(folders, env):
    """Run KERNEL on the data in folders[0] with every folder mounted read-only (Linux's unshare)."""
    mounts = " && ".join(f'mount --bind "{f}" "{f}" && mount -o remount,bind,ro "{f}"' for f in folders)
    command = ["unshare", "--map-root-user", "--mount", "sh", "-c", f'{mounts} && exec "$@"', "sh",
               sys.executable, "-c", KERNEL, str(folders[0])]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture
def read_only(tmp_path):
    """run_with_read_only; skipped where Linux's unshare cannot mount a folder read-only."""
    probe = tmp_path / "probe"
    probe.mkdir()
    command = ["unshare", "--map-root-user", "--mount", "sh", "-c",
               f'mount --bind "{probe}" "{probe}" && mount -o remount,bind,ro "{probe}" && ! touch "{probe}/x"']
    try:
        usable = subprocess.run(command, capture_output=True, timeout=30).returncode == 0
    except FileNotFoundError:
        usable = False
    if not usable:
        pytest.skip("making a folder read-only needs Linux's unshare with user namespaces")
    return run_with_read_only


def test_a_read_only_workshop_folder(small_mnist, caches, tmp_path, read_only):
    env = dict(os.environ)  # as the caches fixture set it
    digest = helpers.data.array_digest(sets_from_idx(small_mnist)[0][0])  # all 120: no validation set
    # 1. No cache yet and the data folder read-only: the cache is made in the user's cache folder.
    result = read_only([small_mnist], env)
    assert result == {"files": [str(cache_place(small_mnist, caches))] * 3,
                      "digest": digest, "max after X /= 2": 0.5}
    assert not (small_mnist / "cache").exists()
    # 2. Nothing can be written: the arrays are made in memory, as they were before the cache.
    shutil.rmtree(caches)
    caches.mkdir()
    result = read_only([small_mnist, caches], env)
    assert result == {"files": [None] * 3, "digest": digest, "max after X /= 2": 0.5}
    assert not any(caches.iterdir())
    # 3. The cache made once next to the data, then read-only: it is used.
    load_mnist(small_mnist)
    result = read_only([small_mnist, caches], env)
    assert result == {"files": [str(cache_place(small_mnist))] * 3, "digest": digest, "max after X /= 2": 0.5}
    assert not any(caches.iterdir())
    # 4. $WORKSHOP_CACHE_DIR names the folder instead (a hub's shared one): made there once, then used read-only.
    shared = tmp_path / "shared"
    made = read_only([small_mnist, caches], {**env, CACHE_VARIABLE: str(shared)})
    used = read_only([small_mnist, caches, shared], {**env, CACHE_VARIABLE: str(shared)})
    assert made == used == {"files": [str(cache_place(small_mnist, shared))] * 3, "digest": digest,
                            "max after X /= 2": 0.5}
    assert not any(caches.iterdir())


def test_kernels_racing_to_make_the_cache_all_get_it(mnist_copy, caches, tmp_path, reference):
    shared = tmp_path / "shared"
    env = {**os.environ, CACHE_VARIABLE: str(shared)}
    kernels = [subprocess.Popen([sys.executable, "-c", KERNEL, str(mnist_copy)], cwd=ROOT, env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(3)]
    outputs = [kernel.communicate(timeout=120) for kernel in kernels]
    assert [kernel.returncode for kernel in kernels] == [0] * 3, [err for out, err in outputs]
    place = cache_place(mnist_copy, shared)
    expected = {"files": [str(place)] * 3, "digest": helpers.data.array_digest(reference[0][0]), "max after X /= 2": 0.5}
    assert [json.loads(out) for out, err in outputs] == [expected] * 3
    assert sorted(path.name for path in place.iterdir()) == [
        "checksums.json", "test_X.npy", "test_y.npy", "train_X.npy", "train_y.npy"]  # no temporary file left
    assert open_cache(place) is not None
    assert not (mnist_copy / "cache").exists() and not caches.exists()
