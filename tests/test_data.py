"""Loading MNIST and IDX files, and the clear errors on bad data files."""
import gzip
import shutil

import numpy as np
import pytest

import helpers
from helpers.data import MNIST_DIR, MNIST_FILES, DataError, load_idx, load_mnist, one_hot

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
    """A copy of data/mnist to damage."""
    folder = tmp_path / "mnist"
    shutil.copytree(MNIST_DIR, folder)
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
