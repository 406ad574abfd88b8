"""How many threads NumPy's matrix products use in the workshop: one, unless you choose otherwise.

The workshop's products are small (a mini-batch of 100 images times a 784 x 100 weight matrix). On a
quiet computer a second thread makes an epoch a little faster; on a busy one (a browser, a video
call, a shared screen) OpenBLAS's threads wait for each other, and an epoch took 2 to 7 times as long
as with one thread (README, "Speed": the table of `tools/benchmark.py --busy`). So the workshop asks
for one thread, through threadpoolctl, as soon as ``helpers`` is imported. It holds for the whole
kernel: your own training code, the reference network, the checks and notebook 07's recipe.

The one setting, for an instructor or a learner who wants otherwise:
    WORKSHOP_BLAS_THREADS=4 jupyter lab         # a number of threads, set before Jupyter starts
    WORKSHOP_BLAS_THREADS=numpy jupyter lab     # NumPy's own choice (one thread per core)
or, in a running notebook, ``helpers.use_blas_threads(4)`` (or ``"numpy"``).
"""
import contextlib
import os
import warnings

import threadpoolctl

from .errors import FriendlyError

SETTING = "WORKSHOP_BLAS_THREADS"
DEFAULT = 1
NUMPY = "numpy"  # the setting's word for NumPy's own choice

_original = None  # [(BLAS library, NumPy's own number of threads for it)], seen before any change


def _numpy_threads():
    """The BLAS libraries NumPy loaded, each with the number of threads it had before the workshop set any."""
    global _original
    if _original is None:
        libraries = threadpoolctl.ThreadpoolController().select(user_api="blas").lib_controllers
        _original = [(library, library.num_threads) for library in libraries]
    return _original


def parse(value):
    """The number of threads a setting asks for, or None for NumPy's own choice."""
    text = str(value).strip().lower()
    if text == NUMPY:
        return None
    if text.isdigit() and int(text) >= 1:
        return int(text)
    raise FriendlyError(f"{SETTING} (or helpers.use_blas_threads) takes a number of threads from 1 up, "
                        f"or {NUMPY!r} for NumPy's own choice; got {value!r}.")


def use_blas_threads(threads=DEFAULT):
    """Let NumPy's matrix products use ``threads`` threads (or NumPy's own number, with "numpy").

    Returns the number now in force for each BLAS library NumPy uses, e.g. [1] ([] where threadpoolctl
    finds none whose threads it can set, as with Apple's Accelerate).
    """
    wanted = parse(threads)
    for library, own in _numpy_threads():
        library.set_num_threads(own if wanted is None else wanted)
    return [library.num_threads for library, own in _numpy_threads()]


@contextlib.contextmanager
def limited(threads):
    """``threads`` threads (a number or "numpy") inside the with block, the numbers in force before it after it."""
    before = [library.num_threads for library, own in _numpy_threads()]
    try:
        yield next(iter(use_blas_threads(threads)), None)
    finally:
        for (library, own), count in zip(_numpy_threads(), before):
            library.set_num_threads(count)


def from_setting():
    """Apply WORKSHOP_BLAS_THREADS (one thread if it is not set); a bad value is said and the default kept."""
    value = os.environ.get(SETTING, "").strip() or DEFAULT
    try:
        return use_blas_threads(value)
    except FriendlyError as error:
        warnings.warn(f"{error} Using {DEFAULT} thread.", stacklevel=2)
        return use_blas_threads(DEFAULT)
