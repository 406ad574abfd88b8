"""How fast is the reference network? Seconds per epoch over the 50,000 training images.

    python tools/benchmark.py               # 3 runs of each, the median (a few minutes)
    python tools/benchmark.py --repeats 5

Compares, for the same algorithm (sigmoid layers, quadratic cost, mini-batch SGD):
  numpy      helpers.Network: vectorised over the mini-batch, float32
  loop       one example at a time, column vectors, float64: the classic textbook way
  torch      PyTorch on the CPU, the same model and loop (only if PyTorch is installed)
and prints the floating-point bound: the time the epoch's ~6 x parameters x samples
floating-point operations take at this machine's measured float32 matrix-multiply speed.
Not part of the tests: timings depend on the machine and on what else it is doing.
"""
import argparse
import os
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import helpers  # noqa: E402

CONFIGS = [([784, 30, 10], 10), ([784, 30, 10], 32), ([784, 30, 10], 100),
           ([784, 100, 10], 10), ([784, 100, 10], 32), ([784, 100, 10], 100)]
ETA = 3.0


def median_seconds(run, repeats):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def numpy_epoch(sizes, batch_size, X, Y):
    net = helpers.Network(sizes, seed=0)
    return lambda: net.train_epoch(X, Y, batch_size, ETA)


class LoopNetwork:
    """The textbook implementation: one example at a time, as column vectors (float64)."""

    def __init__(self, sizes, seed=0):
        rng = np.random.default_rng(seed)
        self.weights = [rng.standard_normal((n, m)) for m, n in zip(sizes[:-1], sizes[1:])]
        self.biases = [rng.standard_normal((n, 1)) for n in sizes[1:]]

    def backprop(self, x, y):
        activations, zs = [x], []
        for W, b in zip(self.weights, self.biases):
            zs.append(W @ activations[-1] + b)
            activations.append(1 / (1 + np.exp(-zs[-1])))
        s = activations[-1]
        delta = (s - y) * s * (1 - s)
        nabla_w, nabla_b = [None] * len(self.weights), [None] * len(self.biases)
        for l in range(len(self.weights) - 1, -1, -1):
            nabla_w[l], nabla_b[l] = delta @ activations[l].T, delta
            if l > 0:
                s = activations[l]
                delta = (self.weights[l].T @ delta) * s * (1 - s)
        return nabla_w, nabla_b

    def train_epoch(self, X, Y, batch_size, rng):
        order = rng.permutation(len(X))
        for start in range(0, len(X), batch_size):
            batch = order[start:start + batch_size]
            sum_w = [np.zeros_like(W) for W in self.weights]
            sum_b = [np.zeros_like(b) for b in self.biases]
            for i in batch:
                nabla_w, nabla_b = self.backprop(X[i].reshape(-1, 1), Y[i].reshape(-1, 1))
                sum_w = [s + n for s, n in zip(sum_w, nabla_w)]
                sum_b = [s + n for s, n in zip(sum_b, nabla_b)]
            self.weights = [W - ETA / len(batch) * s for W, s in zip(self.weights, sum_w)]
            self.biases = [b - ETA / len(batch) * s for b, s in zip(self.biases, sum_b)]


def loop_epoch(sizes, batch_size, X, Y):
    net, rng = LoopNetwork(sizes), np.random.default_rng(0)
    X64, Y64 = X.astype(np.float64), Y.astype(np.float64)
    return lambda: net.train_epoch(X64, Y64, batch_size, rng)


def torch_epoch(sizes, batch_size, X, Y):
    import torch

    layers = []
    for m, n in zip(sizes[:-1], sizes[1:]):
        layers += [torch.nn.Linear(m, n), torch.nn.Sigmoid()]
    model = torch.nn.Sequential(*layers)
    optimizer = torch.optim.SGD(model.parameters(), lr=ETA)
    X_t, Y_t = torch.from_numpy(X), torch.from_numpy(Y)
    generator = torch.Generator().manual_seed(0)

    def run():
        order = torch.randperm(len(X_t), generator=generator)
        for start in range(0, len(X_t), batch_size):
            batch = order[start:start + batch_size]
            optimizer.zero_grad()
            outputs = model(X_t[batch])
            loss = 0.5 * ((outputs - Y_t[batch]) ** 2).sum() / len(batch)
            loss.backward()
            optimizer.step()
    return run


def matmul_gflops(repeats=5):
    """This machine's float32 matrix-multiply speed, in GFLOP/s (best of a few 1024^3 products)."""
    a = np.random.default_rng(0).standard_normal((1024, 1024)).astype(np.float32)
    a @ a
    best = min(median_seconds(lambda: a @ a, 1) for _ in range(repeats))
    return 2 * 1024 ** 3 / best / 1e9


def peak_training_memory(X, Y):
    """Peak memory (MB) that NumPy allocates during one epoch of [784, 100, 10], mini-batch 100."""
    net = helpers.Network([784, 100, 10], seed=0)
    tracemalloc.start()
    net.train_epoch(X, Y, 100, ETA)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1e6


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3, help="runs of each; the median is shown")
    parser.add_argument("--skip-loop", action="store_true", help="leave out the slow per-example loop")
    args = parser.parse_args(argv)

    (X, y), _, _ = helpers.load_mnist()
    Y = helpers.one_hot(y)
    try:
        import torch
        torch_note = f"PyTorch {torch.__version__}, {torch.get_num_threads()} threads"
    except ImportError:
        torch = None
        torch_note = "PyTorch is not installed: its column is left empty (pip install torch to fill it)"
    gflops = matmul_gflops()
    print(f"NumPy {np.__version__}, {os.cpu_count()} cores; {torch_note}")
    print(f"float32 matrix multiply: {gflops:.0f} GFLOP/s\n")
    print("| network | mini-batch | numpy (s) | loop (s) | torch (s) | loop / numpy | torch / numpy | flop bound (s) | numpy / bound |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for sizes, batch_size in CONFIGS:
        parameters = sum(m * n + n for m, n in zip(sizes[:-1], sizes[1:]))
        bound = 6 * parameters * len(X) / (gflops * 1e9)
        numpy_s = median_seconds(numpy_epoch(sizes, batch_size, X, Y), args.repeats)
        loop_s = None if args.skip_loop else median_seconds(loop_epoch(sizes, batch_size, X, Y), args.repeats)
        torch_s = median_seconds(torch_epoch(sizes, batch_size, X, Y), args.repeats) if torch else None

        def cell(value, digits=2):
            return "-" if value is None else f"{value:.{digits}f}"

        print(f"| {sizes} | {batch_size} | {cell(numpy_s)} | {cell(loop_s)} | {cell(torch_s)} | "
              f"{cell(loop_s and loop_s / numpy_s, 1)} | {cell(torch_s and torch_s / numpy_s, 1)} | "
              f"{bound:.2f} | {numpy_s / bound:.1f} |", flush=True)
    print(f"\nPeak memory NumPy allocates while training one epoch ([784, 100, 10], mini-batch 100): "
          f"{peak_training_memory(X, Y):.1f} MB (the data itself: {(X.nbytes + Y.nbytes) / 1e6:.0f} MB)")


if __name__ == "__main__":
    main()
