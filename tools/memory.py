"""How much memory do the kernels of a room take? PSS per kernel, with 1, 10 and 30 kernels at once.

    python tools/memory.py                          # 1, 10, 30 kernels that ran helpers.load_mnist()
    python tools/memory.py --kernels 1 10 --notebook 04 --epochs 1
    python tools/memory.py --loader idx             # as before the cache: every kernel converts the files
    python tools/memory.py --hub --notebook 04      # with the environment the workshop's hub gives kernels

Starts real Jupyter kernels (jupyter_client, as JupyterLab does), each in its own empty folder,
has each run the same code, lets them idle, and reads each kernel's PSS (proportional set size)
from /proc/PID/smaps_rollup (Linux only). PSS shares every page among the processes that map it,
so the PSS of all kernels adds up to the memory they really take; RSS would count the shared
data once in every kernel. What each kernel runs:
  load       the notebooks' first cell: import helpers, helpers.load_mnist()
  notebook   the code cells of solutions/NN_*.ipynb, in order, with every `epochs=` set to --epochs
             (the pages a training touches are the same after one epoch as after fifteen)
--hub starts the kernels with hub.MEMORY_ENVIRONMENT, as the workshop's JupyterHub does (one BLAS
thread, freed memory given back after every cell).
--loader idx makes the kernels convert the IDX files in their own memory, as load_mnist did before
the cache (helpers.data.mnist_from_idx); --loader cache (the default) maps the shared cache: one written for this run into a temporary folder ($WORKSHOP_CACHE_DIR), so that no other process on
the machine maps the same file and takes a share of its pages.
The kernels run their code one after the other (a 2-core machine runs 30 trainings slowly), then
all idle together while their PSS is read; then every kernel is shut down. A benchmark, not a test:
the numbers depend on NumPy, BLAS and Python; timings printed are as noisy as the machine is busy.
"""
import argparse
import json
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from jupyter_client.manager import KernelManager

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from helpers import data  # noqa: E402
from hub import MEMORY_ENVIRONMENT  # noqa: E402
SETUP = f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nimport helpers\n"
USE_IDX = "helpers.data.cached_arrays = lambda folder, sums: helpers.data.mnist_from_idx(folder)\n"
LOAD = "train, validation, test = helpers.load_mnist()\nX_train, y_train = train\n"
FIELDS = ("Pss", "Pss_Anon", "Pss_File", "Rss")


def pss(pid):
    """{"Pss": MB, "Pss_Anon": MB, "Pss_File": MB, "Rss": MB} of a process, from /proc/PID/smaps_rollup."""
    text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    kilobytes = {name: int(value) for name, value in re.findall(r"^(\w+):\s+(\d+) kB", text, re.M)}
    return {name: kilobytes[name] / 1024 for name in FIELDS}


def notebook_cells(number, epochs):
    """The code cells of solutions/NUMBER_*.ipynb after its setup cell, with epochs=... set to epochs."""
    path = next((ROOT / "solutions").glob(f"{number}_*.ipynb"))
    cells = [c for c in json.loads(path.read_text())["cells"] if c["cell_type"] == "code"]
    sources = ["".join(c["source"]) for c in cells if "COLAB_COPY" not in "".join(c["source"])]
    return [re.sub(r"\bepochs=\d+", f"epochs={epochs}", source).replace("TrainingProgress(15)", f"TrainingProgress({epochs})")
            for source in sources]


def run(client, code, timeout):
    """Run code in a kernel; raise RuntimeError with the kernel's error if it fails."""
    errors = []

    def keep_errors(message):
        if message["msg_type"] == "error":
            errors.append("\n".join(message["content"]["traceback"]))

    reply = client.execute_interactive(code, timeout=timeout, output_hook=keep_errors, store_history=False)
    if reply["content"]["status"] != "ok":
        raise RuntimeError(f"a kernel failed to run:\n{code}\n" + "\n".join(errors))


def measure(count, cells, timeout, environment=None):
    """Start count kernels, run cells in each (one kernel at a time), then read every kernel's PSS."""
    kernels, seconds = [], []
    with tempfile.TemporaryDirectory() as workdir:
        try:
            for k in range(count):
                folder = Path(workdir) / f"participant-{k:02d}"
                folder.mkdir()
                manager = KernelManager(kernel_name="python3", transport="ipc", ip=str(folder / "kernel"))
                manager.start_kernel(cwd=str(folder), env={**os.environ, **(environment or {})})
                client = manager.client()
                client.start_channels()
                kernels.append((manager, client))
                client.wait_for_ready(timeout=timeout)
                start = time.perf_counter()
                for code in cells:
                    run(client, code, timeout)
                seconds.append(time.perf_counter() - start)
            time.sleep(2)  # all idle
            sizes = [pss(manager.provisioner.process.pid) for manager, client in kernels]
        finally:
            for manager, client in kernels:
                client.stop_channels()
                manager.shutdown_kernel(now=True)
    return sizes, seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kernels", type=int, nargs="+", default=[1, 10, 30], help="how many kernels at once")
    parser.add_argument("--notebook", help="run this solution notebook's code cells (e.g. 04) instead of the load")
    parser.add_argument("--epochs", type=int, default=1, help="with --notebook: every epochs=... set to this")
    parser.add_argument("--loader", choices=["cache", "idx"], default="cache",
                        help="cache: the shared .npy files (load_mnist); idx: each kernel converts the files itself")
    parser.add_argument("--hub", action="store_true",
                        help="kernels with the environment the workshop's hub gives them (hub.MEMORY_ENVIRONMENT)")
    parser.add_argument("--timeout", type=float, default=900, help="seconds a kernel may take to start or run a cell")
    args = parser.parse_args()
    if not Path("/proc/self/smaps_rollup").exists():
        sys.exit("PSS is read from /proc/PID/smaps_rollup: Linux 4.14 or later only.")
    with tempfile.TemporaryDirectory() as cache:
        if args.loader == "cache":  # a cache of our own, that no other process on the machine maps
            os.environ[data.CACHE_VARIABLE] = cache
            sums = data.read_checksums(data.MNIST_DIR)
            data.write_cache(data.cache_folders(data.MNIST_DIR, sums)[0], data.mnist_from_idx(data.MNIST_DIR))
        report(args)


def report(args):
    """Print the table: one row per number of kernels."""
    preamble = SETUP + (USE_IDX if args.loader == "idx" else "")
    cells = [preamble] + (notebook_cells(args.notebook, args.epochs) if args.notebook else [LOAD])
    what = f"notebook {args.notebook} (epochs={args.epochs})" if args.notebook else "helpers.load_mnist()"
    print(f"Kernels that ran {what}, the data from {'the shared cache' if args.loader == 'cache' else 'the IDX files, each its own'}"
          + (f", with the hub's environment {MEMORY_ENVIRONMENT}." if args.hub else "."))
    print("MB per kernel: mean (min-max); all kernels together: the sum of their PSS.\n")
    print(f"{'kernels':>7} {'PSS':>19} {'anonymous':>14} {'shared files':>13} {'RSS':>7} {'all PSS':>9} {'run s':>6}")
    for count in args.kernels:
        sizes, seconds = measure(count, cells, args.timeout, MEMORY_ENVIRONMENT if args.hub else None)
        column = {name: [size[name] for size in sizes] for name in FIELDS}
        spread = f"{statistics.mean(column['Pss']):6.0f} ({min(column['Pss']):.0f}-{max(column['Pss']):.0f})"
        print(f"{count:>7} {spread:>19} {statistics.mean(column['Pss_Anon']):>14.0f} "
              f"{statistics.mean(column['Pss_File']):>13.0f} {statistics.mean(column['Rss']):>7.0f} "
              f"{sum(column['Pss']):>9.0f} {statistics.median(seconds):>6.1f}", flush=True)
    print("\n'anonymous' is PSS of the kernel's own memory, 'shared files' PSS of mapped files "
          "(the cache, libraries), split among the kernels that map them; 'run s': median seconds per kernel.")


if __name__ == "__main__":
    main()
