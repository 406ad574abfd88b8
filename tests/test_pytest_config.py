"""The default test run (pyproject.toml's addopts) says why each skipped test was skipped."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_default_run_prints_the_reason_of_a_skip(tmp_path):
    (tmp_path / "test_skips.py").write_text(
        "import pytest\n\n\ndef test_needs_something():\n    pytest.skip('something is not installed')\n")
    done = subprocess.run([sys.executable, "-m", "pytest", "-c", str(ROOT / "pyproject.toml"), "--rootdir",
                           str(tmp_path), "-n", "0", str(tmp_path / "test_skips.py")],
                          capture_output=True, text=True, cwd=tmp_path)
    assert "1 skipped" in done.stdout, done.stdout + done.stderr
    assert "SKIPPED [1] test_skips.py:5: something is not installed" in done.stdout, done.stdout
