"""Run the solution notebooks as other machines would, and print a table (a maintainer script).

    python tools/other_machines.py                 # every solution notebook
    python tools/other_machines.py solutions/04_training.ipynb

A matrix product sums in an order that depends on the CPU's kernel and on the number
of threads, and training turns the last bit into a visible difference. This re-runs
the solutions (strict nbval, as the test command does) under NumPy's OpenBLAS kernels
for other CPUs (OPENBLAS_CORETYPE: this machine's own, Haswell, Sandybridge, Nehalem),
each with 1 and 2 threads, so that an output which holds on one machine only shows up
here. Run it by hand after re-recording outputs; no test calls it.

Where the environment already sets OPENBLAS_CORETYPE, some machines need that value to
compute correctly: the script then keeps it and varies only the thread count.
"""
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KERNELS = [None, "Haswell", "Sandybridge", "Nehalem"]  # None: the kernel OpenBLAS picks for this CPU
THREADS = ["1", "2"]


def run(paths, coretype, threads):
    """Run strict nbval on ``paths``; return (passed, failed, failing cells, seconds)."""
    env = {**os.environ, "OPENBLAS_NUM_THREADS": threads}
    if coretype is not None:
        env["OPENBLAS_CORETYPE"] = coretype
    # One thread: a worker per core, as the test command runs. More: one process, or they fight.
    workers = "auto" if threads == "1" else "0"
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-rf", "-n", workers, "-p", "no:randomly", *paths],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    counts = {kind: int(n) for n, kind in re.findall(r"(\d+) (passed|failed|error)", result.stdout)}
    failing = re.findall(r"^FAILED (.+?)(?: - |$)", result.stdout, flags=re.MULTILINE)
    if not counts:
        failing = [result.stdout[-500:] + result.stderr[-500:]]
    return counts.get("passed", 0), counts.get("failed", 0) + counts.get("error", 0), failing, seconds


def main(paths):
    paths = paths or ["solutions"]
    preset = os.environ.get("OPENBLAS_CORETYPE")
    if preset:
        print(f"OPENBLAS_CORETYPE={preset} is set on this machine, so OpenBLAS computes correctly here: "
              "it is kept, and only the thread count varies.\n")
        kernels = [preset]
    else:
        kernels = KERNELS
    print(f"| kernel | threads | passed | failed | seconds |\n| --- | --- | --- | --- | --- |")
    all_failing = {}
    for coretype in kernels:
        for threads in THREADS:
            passed, failed, failing, seconds = run(paths, None if coretype == preset else coretype, threads)
            name = coretype or "this CPU's own"
            print(f"| {name} | {threads} | {passed} | {failed} | {seconds:.0f} |", flush=True)
            if failing:
                all_failing[f"{name}, {threads} thread(s)"] = failing
    for setting, failing in all_failing.items():
        print(f"\nfailed with {setting}:")
        for test in failing:
            print(f"    {test}")
    return 1 if all_failing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
