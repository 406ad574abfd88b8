"""The workshop's BLAS threads (helpers/threads.py): one once helpers is imported, unless WORKSHOP_BLAS_THREADS says
otherwise; a bad setting is said in words and the default kept. Each case runs in a fresh Python, as a kernel would."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROBE = """
import json, warnings
import numpy as np
from threadpoolctl import threadpool_info
def blas():
    return [info["num_threads"] for info in threadpool_info() if info["user_api"] == "blas"]
before = blas()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    import helpers
after = blas()
helpers.use_blas_threads("numpy")
restored = blas()
helpers.use_blas_threads(2)
two = blas()
print(json.dumps({"before": before, "after": after, "restored": restored, "two": two,
                  "warnings": [str(w.message) for w in caught]}))
"""


def probe(setting=None):
    """What a fresh Python sees around `import helpers` (NumPy's own choice: one BLAS thread per core)."""
    env = {k: v for k, v in os.environ.items() if k not in ("WORKSHOP_BLAS_THREADS", "OPENBLAS_NUM_THREADS")}
    if setting is not None:
        env["WORKSHOP_BLAS_THREADS"] = setting
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120, check=True)
    return json.loads(done.stdout.splitlines()[-1])


def test_importing_helpers_gives_numpy_one_thread_and_numpy_gets_its_own_back_on_request():
    seen = probe()
    assert seen["before"][0] >= 1 and seen["after"] == [1]
    assert seen["restored"] == seen["before"] and seen["two"] == [2]
    assert seen["warnings"] == []


@pytest.mark.parametrize("setting, expected", [("2", [2]), (" 4 ", [4]), ("", [1])])
def test_the_setting_chooses_the_threads(setting, expected):
    assert probe(setting)["after"] == expected


@pytest.mark.parametrize("setting", ["numpy", "NumPy"])
def test_the_setting_numpy_keeps_numpys_own_threads(setting):
    seen = probe(setting)
    assert seen["after"] == seen["before"] and seen["before"][0] >= 1


@pytest.mark.parametrize("setting", ["0", "-1", "two", "1.5"])
def test_a_bad_setting_is_said_in_words_and_one_thread_kept(setting):
    seen = probe(setting)
    assert seen["after"] == [1]
    assert len(seen["warnings"]) == 1
    assert "WORKSHOP_BLAS_THREADS" in seen["warnings"][0] and repr(setting) in seen["warnings"][0]
    assert "a number of threads from 1 up, or 'numpy'" in seen["warnings"][0]


def test_use_blas_threads_refuses_a_bad_number_in_words():
    from helpers import use_blas_threads
    from helpers.errors import FriendlyError
    with pytest.raises(FriendlyError, match="got 0"):
        use_blas_threads(0)
