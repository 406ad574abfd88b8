"""Notebook 07's challenge: as accurate as the reference recipe (about 98% on validation), in less time.

``time_to_98(my_training, train, validation)`` times ``my_training(X, y)``, which trains on the
training set and returns a network (with feedforward or predict) or a function predict(X), next to
the reference recipe timed in the same call, on the same data and machine. Both are scored on the
validation set only: the test set is for the very end. Which is more accurate is said by the rule of
``helpers.claims``: a lead smaller than the margin (one run's spread across seeds and computers) is a tie.

The time is the processor time of this process (``time.process_time``): the computing each training
did, which other programs on a busy laptop do not add to as they add to the time on the clock. Both train
with one BLAS thread (helpers/threads.py): several threads that wait for each other spin, and their
waiting would count as processor time. Which is
faster is said by the same rule, on a ratio: within TIME_MARGIN times either way is about the same.
"""
import math
import time

import numpy as np

from . import threads
from .claims import compare
from .errors import FriendlyError
from .modern import ModernNetwork

EPOCHS = 12
# How far one run of the recipe can end from another (other seeds, other computers): the margin of the claim.
FLOOR = 0.003
NAMES = {"yours": "your network", "reference": "the reference"}
# The processor time of one training changes from run to run (caches, other programs, the BLAS threads):
# a ratio within 1.5 times either way is a tie.
TIME_MARGIN = 1.5


class ChallengeError(FriendlyError):
    """A training function failed, or what it returned cannot be scored; the message says why."""


def recipe(X, y, validation=None, callback=None, seed=0, epochs=EPOCHS, hidden=128):
    """Notebook 07's recipe: 784-128-10, ReLU, softmax, cross-entropy, scaled initialisation, momentum 0.9,
    L2 3e-4, mini-batches of 100, eta from 0.15 towards 0 along half a cosine. Returns the network."""
    net = ModernNetwork([784, hidden, 10], seed=seed, momentum=0.9, l2=3e-4)
    net.sgd(X, y, epochs, 100, lambda epoch: 0.075 * (1 + math.cos(math.pi * epoch / epochs)), validation, callback)
    return net


def predictions(trained, X, who="your training function"):
    """The labels (n,) that ``trained``, a network or a function predict(X), gives the rows of X."""
    method = getattr(trained, "feedforward", None) or getattr(trained, "predict", None) or trained
    if not callable(method):
        raise ChallengeError(f"{who} returned {trained!r:.40}; expected the trained network (`return net`) "
                             "or a function predict(X).")
    try:
        result = np.asarray(method(X), dtype=float)
    except Exception as error:
        raise ChallengeError(f"What {who} returned raised {type(error).__name__} on the validation images: "
                             f"{error}") from None
    if np.isnan(result).any():
        raise ChallengeError(f"What {who} returned gives NaN: training diverged. Try a smaller learning rate.")
    if result.shape not in ((len(X), 10), (len(X),)):
        raise ChallengeError(f"What {who} returned gives an array of shape {result.shape} for {len(X)} validation "
                             f"images; expected ({len(X)}, 10) outputs or ({len(X)},) labels.")
    return np.argmax(result, axis=1) if result.ndim == 2 else result


def time_to_98(train_function, train, validation, reference=recipe):
    """Time ``train_function(X, y)`` and the reference on the same (X, y) = train; score both on validation.

    Prints both, then which is more accurate and which is faster (or that they are about the same).
    Returns {"yours": (processor seconds, validation accuracy), "reference": (seconds, accuracy)}.
    """
    results = {}
    for name, function, who in (("yours", train_function, "your training function"),
                                ("reference", reference, "the reference recipe")):
        print(f"training with {who}...", flush=True)  # something moves while it trains
        X, y = train[0].copy(), train[1].copy()  # a copy each: what one run does to its data stays there
        with threads.limited(1):  # threads that wait for each other spin: that is not computing
            start = time.process_time()
            try:
                trained = function(X, y)
            except Exception as error:
                raise ChallengeError(f"{who.capitalize()} raised {type(error).__name__}: {error}") from None
            seconds = max(time.process_time() - start, 1e-6)
        accuracy = float(np.mean(predictions(trained, validation[0], who) == validation[1]))
        results[name] = seconds, accuracy
        print(f"{name:>9}: {seconds:5.1f} s of processor time, validation accuracy {accuracy:.2%}")
    verdict = compare({name: [accuracy] for name, (seconds, accuracy) in results.items()}, floor=FLOOR, name=NAMES.get)
    print(f"accuracy: {verdict}")
    print(f"time: {time_verdict(results['yours'][0], results['reference'][0])}")
    return results


def time_verdict(yours, reference):
    """Which took less processor time, by the rule of helpers.claims on the logarithm of the times: a ratio
    within TIME_MARGIN either way is about the same."""
    verdict = compare({"yours": [-math.log(yours)], "reference": [-math.log(reference)]}, floor=math.log(TIME_MARGIN))
    ratio = yours / reference
    said = {"yours": "yours is faster", "reference": "the reference is faster", None: "about the same"}[verdict.winner]
    where = "beyond" if verdict.winner else "within"
    return (f"{said}: you took {ratio:.2f} times the reference's processor time, {where} the margin of "
            f"{TIME_MARGIN} times either way.")
