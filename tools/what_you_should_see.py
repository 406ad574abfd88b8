"""Train the workshop's networks over several seeds and print what learners should see.

    .venv/bin/python tools/what_you_should_see.py            # 10 seeds (about 10 minutes on 2 cores)
    .venv/bin/python tools/what_you_should_see.py --seeds 3

Prints a markdown table: validation and test accuracy (median and range over the
seeds), training seconds, and how many seeds got stuck (a validation accuracy far
below the others: sigmoids saturated by the standard-normal initialisation). Then
notebook 05's final model against notebook 04's network, by the rule of helpers.claims
(a lead within the margin is a tie).
"""
import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import helpers  # noqa: E402
from helpers.claims import compare  # noqa: E402

STUCK = 0.90  # a final validation accuracy below this counts as stuck


def workshop(sizes, epochs, batch_size, eta):
    """Notebook 04's way: one network from the N(0, 1) start, trained on all 50,000 images."""
    def train(seed, train, validation):
        net = helpers.Network(sizes, seed=seed)
        return net, net.sgd(*train, epochs, batch_size, eta, validation=validation)
    return train


def tuned(seed, train, validation):
    """Notebook 05's final model: the scaled start, 100 hidden nodes, mini-batches of 10, eta 3.0; 10 epochs
    on the first 10,000 images (the sweep), then 3 on all 50,000."""
    (X, y) = train
    net = helpers.Network([784, 100, 10], seed=seed, init="scaled")
    net.sgd(X[:10_000], y[:10_000], 10, 10, 3.0, validation=validation)
    return net, net.sgd(X, y, 3, 10, 3.0, validation=validation)


RUNS = {
    "04: [784, 50, 10], 15 epochs, mini-batch 25, eta 3.0": workshop([784, 50, 10], 15, 25, 3.0),
    "05's final model: [784, 100, 10], scaled start, 10 epochs on 10,000 images, then 3 on 50,000": tuned,
    "classic: [784, 30, 10], 30 epochs, mini-batch 10, eta 3.0": workshop([784, 30, 10], 30, 10, 3.0),
}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=10)
    args = parser.parse_args(argv)
    train, validation, test = helpers.load_mnist()
    print("| run | validation accuracy | test accuracy | seconds | stuck seeds |")
    print("| --- | --- | --- | --- | --- |")
    finals = {}
    for label, run in RUNS.items():
        val, tst, seconds, stuck = [], [], [], []
        for seed in range(args.seeds):
            start = time.perf_counter()
            net, history = run(seed, train, validation)
            seconds.append(time.perf_counter() - start)
            val.append(history["val_accuracy"][-1])
            tst.append(net.accuracy(*test))
            if val[-1] < STUCK:
                stuck.append(seed)
            print(f"  {label} seed {seed}: validation {val[-1]:.2%}, test {tst[-1]:.2%}, "
                  f"{seconds[-1]:.0f} s", file=sys.stderr)
        finals[label] = val

        def summary(values):
            return f"{statistics.median(values):.2%} ({min(values):.2%} to {max(values):.2%})"

        which = f" (seed{'s' * (len(stuck) > 1)} {', '.join(map(str, stuck))})" if stuck else ""
        print(f"| {label} | {summary(val)} | {summary(tst)} | {statistics.median(seconds):.0f} | "
              f"{len(stuck)} of {args.seeds}{which} |")
    first, second = list(RUNS)[:2]
    seeds = f"{args.seeds} seed{'s' * (args.seeds > 1)}"
    print(f"\nNotebook 05's final model against notebook 04's network (the best of {seeds} each):")
    print(compare({"05": finals[second], "04": finals[first]}, name=lambda nb: f"notebook {nb}"))


if __name__ == "__main__":
    main()
