"""Run the solution notebooks as other machines would, and print a table (a maintainer script).

    .venv/bin/python tools/other_machines.py                                  # every solution notebook
    .venv/bin/python tools/other_machines.py solutions/04_training.ipynb      # only these notebooks
    .venv/bin/python tools/other_machines.py --plan                           # the kernels it would run, and why

A matrix product sums in an order that depends on the CPU's kernel and on the number
of threads, and training turns the last bit into a visible difference. This re-runs
the solutions (strict nbval, as the test command does) under NumPy's OpenBLAS kernels
for other CPUs (OPENBLAS_CORETYPE), each with 1 and 2 threads, so that an output which
holds on one machine only shows up here. Run it by hand after re-recording outputs; no
test calls it.

The kernels: this machine's own, Nehalem, Sandybridge, Haswell, on AMD Zen, and where the
CPU has AVX-512 SkylakeX, Cooperlake and SapphireRapids. A kernel needs the instructions it
is written in: one the CPU lacks (say, SkylakeX without `avx512f`) stops Python with an
illegal instruction, so it is skipped, saying which flags are missing (read from
/proc/cpuinfo). OpenBLAS replaces a name it does not know, or a kernel its build has not,
by another one without a word: each kernel is therefore first asked for in a small Python,
and threadpoolctl says which one OpenBLAS runs (`architecture` in threadpool_info()). A
kernel that turns out to be another one, or one already in the table, is skipped, saying so.

Where the environment already sets OPENBLAS_CORETYPE, some machines need that value to
compute correctly: the script then keeps it and varies only the thread count.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
THREADS = ["1", "2"]

AVX512 = {"avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"}  # what OpenBLAS's SkylakeX kernels use
# Each kernel OpenBLAS can be asked for, and the CPU flags (as /proc/cpuinfo names them) it needs.
KERNELS = {
    "Nehalem": {"sse4_2"},
    "Sandybridge": {"avx"},
    "Haswell": {"avx2", "fma"},
    "Zen": {"avx2", "fma"},  # and an AMD CPU
    "SkylakeX": AVX512,
    "Cooperlake": AVX512 | {"avx512_bf16"},
    "SapphireRapids": AVX512 | {"avx512_bf16", "amx_bf16", "amx_tile"},
}
AMD = {"AuthenticAMD", "HygonGenuine"}

# Asked in a fresh Python: which BLAS NumPy loaded, and which kernel OpenBLAS runs.
PROBE = """\
import json, numpy, threadpoolctl
print(json.dumps([i for i in threadpoolctl.threadpool_info() if i["user_api"] == "blas"]))
"""


def read_cpu(cpuinfo="/proc/cpuinfo"):
    """(vendor, set of flags) of this CPU from ``cpuinfo``; (None, None) where there is none (not Linux)."""
    try:
        text = Path(cpuinfo).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None, None
    vendor = re.search(r"^vendor_id\s*:\s*(\S+)", text, re.MULTILINE)
    flags = re.search(r"^flags\s*:(.*)$", text, re.MULTILINE)
    return (vendor.group(1) if vendor else None), (set(flags.group(1).split()) if flags else set())


def choose_kernels(vendor, flags):
    """([kernels to try], {kernel: why it is skipped}) for a CPU with ``vendor`` and ``flags``."""
    chosen, skipped = [], {}
    for kernel, needed in KERNELS.items():
        if flags is None:
            skipped[kernel] = "this CPU's flags are unknown (no /proc/cpuinfo): it might not run"
        elif kernel == "Zen" and vendor not in AMD:
            skipped[kernel] = f"AMD's kernel, and this CPU is {vendor or 'of an unknown maker'}"
        elif needed - flags:
            skipped[kernel] = f"the CPU cannot run it: it lacks {', '.join(sorted(needed - flags))}"
        else:
            chosen.append(kernel)
    return chosen, skipped


def running_kernel(coretype, python=sys.executable):
    """The kernel OpenBLAS runs in a fresh ``python`` given OPENBLAS_CORETYPE=``coretype`` (None: unset),
    or None where NumPy's BLAS is not OpenBLAS."""
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_CORETYPE"}
    if coretype is not None:
        env["OPENBLAS_CORETYPE"] = coretype
    done = subprocess.run([python, "-c", PROBE], env=env, capture_output=True, text=True)
    if done.returncode:
        last = (done.stderr.strip().splitlines() or ["no error output"])[-1]
        raise RuntimeError(f"could not ask OpenBLAS which kernel it runs ({last}): this needs NumPy and "
                           "threadpoolctl (.venv/bin/python -m pip install -r requirements-dev.txt)")
    return next((i.get("architecture") for i in json.loads(done.stdout) if i["internal_api"] == "openblas"), None)


def verify(requested, own, runs):
    """([kernels to run, None first for this CPU's own], {kernel: why skipped}), from what OpenBLAS
    runs: ``own`` with no OPENBLAS_CORETYPE, ``runs[kernel]`` when asked for each of ``requested``."""
    chosen, skipped, seen = [None], {}, {own.lower()}
    for kernel in requested:
        actual = runs[kernel]
        if actual is None or actual.lower() != kernel.lower():
            skipped[kernel] = (f"asked for {kernel}, this OpenBLAS runs {actual}: it has no {kernel} kernel "
                               "of its own, or none for this CPU")
        elif actual.lower() in seen:
            skipped[kernel] = "the kernel OpenBLAS picks for this CPU itself (in the first row)"
        else:
            chosen.append(kernel)
            seen.add(actual.lower())
    return chosen, skipped


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
    return (*parse_pytest(result.stdout, result.stderr), seconds)


def parse_pytest(stdout, stderr=""):
    """(passed, failed, failing tests) from pytest's output (-q -rf); failed counts errors too."""
    summaries = re.findall(r"^=*\s*(\d+ \w+.* in [\d.]+s.*)$", stdout, flags=re.MULTILINE)
    counts = {kind: int(n) for n, kind in re.findall(r"(\d+) (passed|failed|errors?)", (summaries or [""])[-1])}
    failing = re.findall(r"^(?:FAILED|ERROR) (.+?)(?: - |$)", stdout, flags=re.MULTILINE)
    failed = counts.get("failed", 0) + counts.get("error", 0) + counts.get("errors", 0)
    if not counts:  # pytest did not get as far as a summary
        failed, failing = 1, [f"pytest ended without a summary: {(stdout[-300:] + stderr[-300:]).strip()}"]
    return counts.get("passed", 0), failed, failing


def cell(passed, failed):
    return f"{passed} passed" + (f", **{failed} FAILED**" if failed else "")


def table(results, own, skipped):
    """The report: ``results`` {(kernel, threads): (passed, failed, failing, seconds)}, kernel None for
    this CPU's own (``own``), then what failed and what was skipped."""
    kernels = list(dict.fromkeys(kernel for kernel, _ in results))
    lines = ["| kernel | " + " | ".join(f"{t} thread{'s' if t != '1' else ''}" for t in THREADS) + " | seconds |",
             "| --- | " + " | ".join("---" for _ in THREADS) + " | --- |"]
    for kernel in kernels:
        name = f"{own} (this CPU's own)" if kernel is None else kernel
        cells = [cell(*results[kernel, t][:2]) if (kernel, t) in results else "not run" for t in THREADS]
        seconds = " + ".join(f"{results[kernel, t][3]:.0f}" for t in THREADS if (kernel, t) in results)
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {seconds} |")
    for (kernel, threads), (_, failed, failing, _) in results.items():
        if failed:
            lines += ["", f"failed with {own if kernel is None else kernel}, {threads} thread(s):",
                      *(f"    {test}" for test in failing)]
    if skipped:
        lines += ["", "skipped:", *(f"    {kernel}: {why}" for kernel, why in skipped.items())]
    return lines


def plan(preset):
    """(this CPU's own kernel, [kernels to run, None for the own one], {kernel: why skipped})."""
    own = running_kernel(preset)
    if own is None:
        return "NumPy's BLAS (not OpenBLAS)", [None], {k: "NumPy does not use OpenBLAS here" for k in KERNELS}
    if preset:
        return f"OPENBLAS_CORETYPE={preset} ({own})", [None], {
            k: f"OPENBLAS_CORETYPE={preset} is set on this machine and kept" for k in KERNELS}
    vendor, flags = read_cpu()
    requested, skipped = choose_kernels(vendor, flags)
    chosen, not_running = verify(requested, own, {k: running_kernel(k) for k in requested})
    return own, chosen, {**not_running, **skipped}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=[str(ROOT / "solutions")],
                        help="notebooks or folders to run (default: every solution notebook)")
    parser.add_argument("--plan", action="store_true", help="say which kernels would run and why, run nothing")
    args = parser.parse_args(argv)
    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        parser.error(f"no such notebook or folder: {', '.join(missing)}")
    paths = [str(Path(p).resolve()) for p in args.paths]  # pytest runs in the repository's folder
    preset = os.environ.get("OPENBLAS_CORETYPE")
    if preset:
        print(f"OPENBLAS_CORETYPE={preset} is set on this machine, so OpenBLAS computes correctly here: "
              "it is kept, and only the thread count varies.\n")
    try:
        own, kernels, skipped = plan(preset)
    except RuntimeError as error:
        parser.error(str(error))
    print(f"this CPU's own kernel: {own}; running {', '.join(k or own for k in kernels)} "
          f"on {' '.join(args.paths)}")
    if args.plan:
        print("\n".join(f"skipped {kernel}: {why}" for kernel, why in skipped.items()))
        return 0
    results = {}
    for kernel in kernels:
        for threads in THREADS:
            results[kernel, threads] = run(paths, kernel, threads)
            print(f"  {kernel or own}, {threads} thread(s): {cell(*results[kernel, threads][:2])}", flush=True)
    print("\n" + "\n".join(table(results, own, skipped)))
    return 1 if any(r[1] for r in results.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
