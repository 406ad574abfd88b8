"""Train the workshop's networks over several seeds and print what learners should see.

    python tools/what_you_should_see.py            # 10 seeds (about 4 minutes on 2 cores)
    python tools/what_you_should_see.py --seeds 3

Prints a markdown table: validation and test accuracy (median and range over the
seeds), training seconds, and how many seeds got stuck (a validation accuracy far
below the others: sigmoids saturated by the standard-normal initialisation).
"""
import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import helpers  # noqa: E402

RUNS = {
    "workshop: [784, 50, 10], 15 epochs, mini-batch 25, eta 3.0": ([784, 50, 10], 15, 25, 3.0),
    "classic: [784, 30, 10], 30 epochs, mini-batch 10, eta 3.0": ([784, 30, 10], 30, 10, 3.0),
}
STUCK = 0.90  # a final validation accuracy below this counts as stuck


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=10)
    args = parser.parse_args(argv)
    train, validation, test = helpers.load_mnist()
    print("| run | validation accuracy | test accuracy | seconds | stuck seeds |")
    print("| --- | --- | --- | --- | --- |")
    for label, (sizes, epochs, batch_size, eta) in RUNS.items():
        val, tst, seconds, stuck = [], [], [], []
        for seed in range(args.seeds):
            net = helpers.Network(sizes, seed=seed)
            start = time.perf_counter()
            history = net.sgd(*train, epochs, batch_size, eta, validation=validation)
            seconds.append(time.perf_counter() - start)
            val.append(history["val_accuracy"][-1])
            tst.append(net.accuracy(*test))
            if val[-1] < STUCK:
                stuck.append(seed)
            print(f"  {label} seed {seed}: validation {val[-1]:.2%}, test {tst[-1]:.2%}, "
                  f"{seconds[-1]:.0f} s", file=sys.stderr)

        def summary(values):
            return f"{statistics.median(values):.2%} ({min(values):.2%} to {max(values):.2%})"

        which = f" (seed{'s' * (len(stuck) > 1)} {', '.join(map(str, stuck))})" if stuck else ""
        print(f"| {label} | {summary(val)} | {summary(tst)} | {statistics.median(seconds):.0f} | "
              f"{len(stuck)} of {args.seeds}{which} |")


if __name__ == "__main__":
    main()
