"""How fast is the reference network? Seconds per epoch over the 50,000 training images.

    python tools/benchmark.py               # 3 runs of each, the median (a few minutes)
    python tools/benchmark.py --repeats 5 --skip-loop
    python tools/benchmark.py --threads     # only the second table: all BLAS threads, or one?
    python tools/benchmark.py --busy        # only the third: an epoch on a quiet and on a busy machine

Times the real code of helpers/, for the same algorithm (sigmoid layers, quadratic cost,
mini-batch SGD), one epoch of ``Network.sgd`` with the validation set scored after it:
  numpy      helpers.Network, vectorised over the mini-batch, float32
  loop       helpers.Network's own backprop called on one example at a time, the gradients
             summed over the mini-batch, float64: the classic textbook way (one run only)
  torch      PyTorch on the CPU, the same model and loop (only if PyTorch is installed)
and the flop bound: the time 6 x parameters x images floating-point operations take at this
machine's float32 matrix-multiply speed (a 1024 x 1024 product), measured again before each row (the
machine may be busier at times). The matrix products an epoch really runs are fewer, about three
quarters of that for [784, 100, 10]: the first layer passes no error back, and biases need no product.
Then, for [784, 100, 10] at mini-batch 100, where the epoch's time goes, with all of NumPy's BLAS
threads and with one (threadpoolctl sets them): the bound, the epoch's matrix products run alone
(the same shapes and layouts, as many) and their speed, and the whole epoch. Then the same epoch on
a quiet machine and while one and two other programs keep a core busy each (the tool starts them and
stops them, each at most BUSY_SECONDS), with NumPy's own number of BLAS threads and with the workshop's
(helpers/threads.py). Last, notebook 07's recipe (helpers.challenge.recipe): the seconds until it
reaches 98% on the validation set.
Not part of the tests: timings depend on the machine and on what else it is doing.
"""
import argparse
import contextlib
import math
import os
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import helpers  # noqa: E402
from helpers import challenge  # noqa: E402

CONFIGS = [([784, 30, 10], 10), ([784, 30, 10], 100), ([784, 100, 10], 10), ([784, 100, 10], 32),
           ([784, 100, 10], 100)]
ETA = 3.0
THREADS_TITLE = ("\nWhere the time of one epoch goes ([784, 100, 10], mini-batch 100), with all of NumPy's BLAS threads "
                 "and with one:\n")
BUSY_TITLE = ("\nOne epoch ([784, 100, 10], mini-batch 100) on a quiet machine and with other programs each keeping a "
              "core busy, with NumPy's own BLAS threads and with the workshop's choice:\n")
RECIPE_TARGET = 0.98  # the validation accuracy of notebook 07's challenge
BUSY_SECONDS = 300  # the longest a busy program runs, should this tool be stopped before it stops them
BUSY_LOOP = "import time\nend = time.monotonic() + {seconds}\nwhile time.monotonic() < end: pass"


blas_threads = helpers.threads.limited  # NumPy's products with n threads (or "numpy") inside, as before after


@contextlib.contextmanager
def busy_programs(count, seconds=BUSY_SECONDS):
    """``count`` other processes, each keeping one core busy, stopped on leaving (or after ``seconds``)."""
    programs = [subprocess.Popen([sys.executable, "-c", BUSY_LOOP.format(seconds=seconds)]) for _ in range(count)]
    try:
        time.sleep(0.5 if count else 0)  # let them take their cores
        yield programs
    finally:
        for program in programs:
            program.kill()
            program.wait()


def median_seconds(run, repeats):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


class OneAtATime(helpers.Network):
    """The textbook loop: Network.backprop on one example at a time, the gradients summed over the mini-batch."""

    def update_mini_batch(self, X, Y, eta):
        nabla_w, nabla_b = [np.zeros_like(W) for W in self.weights], [np.zeros_like(b) for b in self.biases]
        outputs = []
        for x, y in zip(X, Y):
            delta_nabla_w, delta_nabla_b, a = self.backprop(x[None], y[None])
            nabla_w = [nw + dnw for nw, dnw in zip(nabla_w, delta_nabla_w)]
            nabla_b = [nb + dnb for nb, dnb in zip(nabla_b, delta_nabla_b)]
            outputs.append(a[0])
        for l in range(len(self.weights)):
            self.weights[l] -= eta / len(X) * nabla_w[l]
            self.biases[l] -= eta / len(X) * nabla_b[l]
        return np.array(outputs)


def epoch(network_class, sizes, batch_size, train, validation, dtype=np.float32):
    net = network_class(sizes, seed=0, dtype=dtype)
    return lambda: net.sgd(*train, 1, batch_size, ETA, validation=validation)


def torch_epoch(sizes, batch_size, train, validation):
    import torch

    layers = []
    for m, n in zip(sizes[:-1], sizes[1:]):
        layers += [torch.nn.Linear(m, n), torch.nn.Sigmoid()]
    model = torch.nn.Sequential(*layers)
    optimizer = torch.optim.SGD(model.parameters(), lr=ETA)
    X, Y = torch.from_numpy(train[0]), torch.from_numpy(helpers.one_hot(train[1]))
    X_val, y_val = torch.from_numpy(validation[0]), torch.from_numpy(validation[1])
    generator = torch.Generator().manual_seed(0)

    def run():
        order = torch.randperm(len(X), generator=generator)
        for start in range(0, len(X), batch_size):
            batch = order[start:start + batch_size]
            optimizer.zero_grad()
            loss = 0.5 * ((model(X[batch]) - Y[batch]) ** 2).sum() / len(batch)
            loss.backward()
            optimizer.step()
        with torch.no_grad():
            return float((model(X_val).argmax(dim=1) == y_val).float().mean())
    return run


def matmul_gflops(repeats=5):
    """This machine's float32 matrix-multiply speed, in GFLOP/s (best of a few 1024^3 products)."""
    a = np.random.default_rng(0).standard_normal((1024, 1024)).astype(np.float32)
    a @ a
    best = min(median_seconds(lambda: a @ a, 1) for _ in range(repeats))
    return 2 * 1024 ** 3 / best / 1e9


def flop_bound(sizes, n_images, gflops):
    """Seconds for an epoch's 6 x parameters x images floating-point operations at this speed."""
    parameters = sum(m * n + n for m, n in zip(sizes[:-1], sizes[1:]))
    return 6 * parameters * n_images / (gflops * 1e9)


def epoch_products(sizes, batch_size, n_train, n_val):
    """The operands (A, B) of one epoch's matrix products A @ B, as Network.sgd computes them, on random numbers.

    Per mini-batch and layer l: the forward a @ W, the gradient a.T @ delta and, for every layer but the
    first, the error passed back, delta @ W.T; then the validation set's forward pass. The same shapes and
    memory layouts (a.T and W.T are transposed views), as many times.
    """
    rng = np.random.default_rng(0)
    weights = [rng.standard_normal((m, n), dtype=np.float32) for m, n in zip(sizes[:-1], sizes[1:])]
    a = [rng.standard_normal((batch_size, n), dtype=np.float32) for n in sizes]  # a[l + 1] stands in for delta
    per_batch = []
    for l, W in enumerate(weights):
        per_batch += [(a[l], W), (a[l].T, a[l + 1])] + ([(a[l + 1], W.T)] if l > 0 else [])
    validation = [(rng.standard_normal((n_val, m), dtype=np.float32), W) for m, W in zip(sizes, weights)]
    return per_batch * math.ceil(n_train / batch_size) + validation


def where_the_time_goes(train, validation, repeats, sizes=(784, 100, 10), batch_size=100):
    """The second table: the bound, the products alone and the whole epoch, with all BLAS threads and with one."""
    with blas_threads("numpy") as own:
        if own is None:
            return ["(threadpoolctl finds no BLAS library under NumPy whose threads it can set)"]
    sizes = list(sizes)
    pairs = epoch_products(sizes, batch_size, len(train[1]), len(validation[1]))
    product_flops = sum(2 * A.shape[0] * A.shape[1] * B.shape[1] for A, B in pairs)

    def products_alone():
        for A, B in pairs:
            A @ B

    lines = ["| BLAS threads | GFLOP/s | flop bound (s) | products alone (s) | their GFLOP/s | epoch (s) "
             "| products / bound | epoch / bound |", "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for limit in (own, 1):
        with blas_threads(limit):
            gflops = matmul_gflops()
            bound = flop_bound(sizes, len(train[1]), gflops)
            products = median_seconds(products_alone, repeats)
            whole = median_seconds(epoch(helpers.Network, sizes, batch_size, train, validation), repeats)
        lines.append(f"| {limit} | {gflops:.0f} | {bound:.3f} | {products:.3f} | {product_flops / products / 1e9:.0f} "
                     f"| {whole:.3f} | {products / bound:.2f} | {whole / bound:.2f} |")
    return lines


def busy_table(train, validation, repeats, sizes=(784, 100, 10), batch_size=100):
    """The third table: one epoch quiet, with one and with two busy programs, for NumPy's threads and the workshop's.

    The two settings take turns within each row (so both see the same machine), each epoch ``repeats`` times.
    """
    settings = {"numpy": None, helpers.threads.DEFAULT: None}
    run = epoch(helpers.Network, list(sizes), batch_size, train, validation)
    rows = {setting: [] for setting in settings}
    for busy in (0, 1, 2):
        times = {setting: [] for setting in settings}
        with busy_programs(busy):
            for _ in range(repeats):
                for setting in settings:
                    with blas_threads(setting) as count:
                        settings[setting] = count
                        times[setting].append(median_seconds(run, 1))
        for setting in settings:
            rows[setting].append(statistics.median(times[setting]))
    lines = ["| BLAS threads | quiet (s) | one busy program (s) | two busy (s) | one busy / quiet | two busy / quiet |",
             "| --- | --- | --- | --- | --- | --- |"]
    for setting, (quiet, one, two) in rows.items():
        name = (f"NumPy's own: {settings[setting]}" if setting == "numpy"
                else f"the workshop's: {settings[setting]}")
        lines.append(f"| {name} | {quiet:.3f} | {one:.3f} | {two:.3f} | {one / quiet:.2f} | {two / quiet:.2f} |")
    (numpy_quiet, *_), (workshop_quiet, *_) = rows.values()
    lines.append(f"\nQuiet, the workshop's choice takes {workshop_quiet / numpy_quiet:.2f} times NumPy's own epoch.")
    return lines


def peak_training_memory(train, validation):
    """Peak memory (MB) that NumPy allocates during one epoch of [784, 100, 10], mini-batch 100."""
    run = epoch(helpers.Network, [784, 100, 10], 100, train, validation)
    tracemalloc.start()
    run()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1e6


def recipe_to_98(train, validation, test):
    """Notebook 07's recipe: seconds until 98% on validation, seconds in all, final accuracies."""
    reached = []
    start = time.perf_counter()

    def watch(epoch, history):
        if history["val_accuracy"][-1] >= RECIPE_TARGET and not reached:
            reached.append((epoch + 1, time.perf_counter() - start))

    net = challenge.recipe(*train, validation=validation, callback=watch)
    seconds = time.perf_counter() - start
    return reached, seconds, net.accuracy(*validation), net.accuracy(*test)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3, help="runs of each; the median is shown")
    parser.add_argument("--skip-loop", action="store_true", help="leave out the slow per-example loop")
    parser.add_argument("--threads", action="store_true",
                        help="only the second table: one epoch with all BLAS threads and with one (a few seconds)")
    parser.add_argument("--busy", action="store_true",
                        help="only the third table: one epoch quiet and with busy programs (half a minute)")
    args = parser.parse_args(argv)

    train, validation, test = helpers.load_mnist()
    if args.threads or args.busy:
        title, table = (THREADS_TITLE, where_the_time_goes) if args.threads else (BUSY_TITLE, busy_table)
        print(title)
        print("\n".join(table(train, validation, args.repeats)))
        return
    try:
        import torch
        torch_note = f"PyTorch {torch.__version__}, {torch.get_num_threads()} threads"
    except ImportError:
        torch = None
        torch_note = "PyTorch is not installed: its column is left empty (pip install torch to fill it)"
    print(f"NumPy {np.__version__}, {os.cpu_count()} cores; {torch_note}\n")
    print("| network | mini-batch | numpy (s) | loop (s) | torch (s) | loop / numpy | torch / numpy | GFLOP/s "
          "| flop bound (s) | numpy / bound |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for sizes, batch_size in CONFIGS:
        gflops = matmul_gflops()
        bound = flop_bound(sizes, len(train[1]), gflops)
        numpy_s = median_seconds(epoch(helpers.Network, sizes, batch_size, train, validation), args.repeats)
        loop = None if args.skip_loop else epoch(OneAtATime, sizes, batch_size, train, validation, np.float64)
        loop_s = loop and median_seconds(loop, 1)
        torch_s = median_seconds(torch_epoch(sizes, batch_size, train, validation), args.repeats) if torch else None

        def cell(value, digits=2):
            return "-" if value is None else f"{value:.{digits}f}"

        print(f"| {sizes} | {batch_size} | {cell(numpy_s)} | {cell(loop_s)} | {cell(torch_s)} | "
              f"{cell(loop_s and loop_s / numpy_s, 1)} | {cell(torch_s and torch_s / numpy_s, 1)} | {gflops:.0f} | "
              f"{bound:.2f} | {numpy_s / bound:.2f} |", flush=True)
    print(THREADS_TITLE)
    print("\n".join(where_the_time_goes(train, validation, args.repeats)), flush=True)
    print(BUSY_TITLE)
    print("\n".join(busy_table(train, validation, args.repeats)), flush=True)
    print(f"\nPeak memory NumPy allocates while training one epoch ([784, 100, 10], mini-batch 100): "
          f"{peak_training_memory(train, validation):.1f} MB (the data itself: {train[0].nbytes / 1e6:.0f} MB)")
    runs = [recipe_to_98(train, validation, test) for _ in range(args.repeats)]
    reached = [r[0][0] for r in runs if r[0]]
    print(f"\nNotebook 07's recipe (helpers.challenge.recipe), {args.repeats} runs: 98% on validation "
          + (f"after {reached[0][0]} epochs, in {statistics.median(s for _, s in reached):.1f} s"
             if len(reached) == len(runs) else f"not reached in {len(runs) - len(reached)} of {len(runs)} runs")
          + f"; all {challenge.EPOCHS} epochs in {statistics.median(r[1] for r in runs):.1f} s; "
          f"validation {runs[0][2]:.2%}, test {runs[0][3]:.2%}")


if __name__ == "__main__":
    main()
