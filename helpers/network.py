"""The reference network: what notebooks 02-04 build, in one small class.

A fully connected network of sigmoid layers, trained by mini-batch stochastic
gradient descent on the quadratic cost, in the spirit of the classic
``network.py`` but vectorised over a mini-batch and in Python 3.

Conventions, as in the notebooks (rows are samples):
    X (n, sizes[0]); Y (n, sizes[-1]) one-hot; y (n,) labels
    weights[l] (sizes[l], sizes[l+1]); biases[l] (sizes[l+1],)
    z = a @ W + b; a = sigmoid(z)
"""
from pathlib import Path

import numpy as np

from .data import one_hot


def sigmoid(z):
    """1 / (1 + e^(-z)), written as 0.5 (1 + tanh(z / 2)): the same function, but it
    cannot overflow, whatever z and whatever the float type (float32 included)."""
    return 0.5 * (1 + np.tanh(0.5 * z))


class NetworkFileError(ValueError):
    """A file that Network.load cannot read as a saved network."""


class Network:
    """A network with layer sizes like [784, 30, 10].

    init="normal": every weight and bias drawn from N(0, 1), as in the workshop.
    init="scaled": weights drawn from N(0, 1 / n_in), so that z = a @ W + b stays
    of the same size whatever the number of inputs n_in (notebook 07); biases N(0, 1).
    """

    def __init__(self, sizes, seed=0, dtype=np.float32, init="normal"):
        if init not in ("normal", "scaled"):
            raise ValueError(f'init must be "normal" or "scaled", not {init!r}')
        self.sizes = [int(s) for s in sizes]
        self.rng = np.random.default_rng(seed)  # draws the weights, then shuffles the data
        scale = {"normal": lambda n_in: 1.0, "scaled": lambda n_in: 1 / np.sqrt(n_in)}[init]
        self.weights = [(self.rng.standard_normal((m, n)) * scale(m)).astype(dtype)
                        for m, n in zip(self.sizes[:-1], self.sizes[1:])]
        self.biases = [self.rng.standard_normal(n).astype(dtype) for n in self.sizes[1:]]

    @property
    def dtype(self):
        return self.weights[0].dtype

    def feedforward(self, X):
        """Outputs (n, sizes[-1]) for inputs X (n, sizes[0])."""
        a = np.asarray(X, dtype=self.dtype)
        for W, b in zip(self.weights, self.biases):
            a = sigmoid(a @ W + b)
        return a

    def predict(self, X):
        """The predicted digit for each row of X: the index of the largest output."""
        return np.argmax(self.feedforward(X), axis=1)

    def evaluate(self, X, y):
        """How many rows of X are classified as their label in y."""
        return int(np.sum(self.predict(X) == y))

    def cost(self, X, Y):
        """The quadratic cost, averaged over the batch: mean of sum_j 1/2 (o_j - y_j)^2."""
        return self.cost_of_outputs(self.feedforward(X), Y)

    def cost_of_outputs(self, outputs, Y):
        """The cost of outputs already computed (n, sizes[-1]) for one-hot targets Y."""
        return float(0.5 * np.sum((outputs - Y) ** 2) / len(Y))

    def backprop(self, X, Y):
        """Gradients of the mean cost over the batch (X, Y): (nabla_w, nabla_b), shaped like the parameters."""
        activations = [np.asarray(X, dtype=self.dtype)]
        for W, b in zip(self.weights, self.biases):
            activations.append(sigmoid(activations[-1] @ W + b))
        # S'(z) = a (1 - a): computed from the activation, so z need not be kept.
        # The 1/n of the mean is applied once, to the output error.
        a = activations[-1]
        delta = (a - Y) * a * (1 - a) / len(X)
        nabla_w, nabla_b = [None] * len(self.weights), [None] * len(self.biases)
        for l in range(len(self.weights) - 1, -1, -1):
            nabla_w[l] = activations[l].T @ delta
            nabla_b[l] = delta.sum(axis=0)
            if l > 0:
                a = activations[l]
                delta = (delta @ self.weights[l].T) * a * (1 - a)
        return nabla_w, nabla_b

    def update_mini_batch(self, X, Y, eta):
        """One step of gradient descent on the mini-batch: w -= eta * nabla_w, in place."""
        nabla_w, nabla_b = self.backprop(X, Y)
        for W, b, nW, nb in zip(self.weights, self.biases, nabla_w, nabla_b):
            W -= eta * nW
            b -= eta * nb

    def train_epoch(self, X, Y, batch_size, eta):
        """One pass over the data in a new random order, one mini-batch at a time."""
        order = self.rng.permutation(len(X))
        for start in range(0, len(X), batch_size):
            batch = order[start:start + batch_size]
            self.update_mini_batch(X[batch], Y[batch], eta)

    def sgd(self, X, y, epochs, batch_size, eta, validation=None, callback=None):
        """Mini-batch stochastic gradient descent on (X, y) for a number of epochs.

        validation: optional (X_val, y_val), scored after every epoch.
        callback(epoch, history): called after every epoch, e.g. to show progress.
        Returns the history: per epoch, the training cost and the training and
        validation accuracy (fractions; validation ones only with validation data).
        """
        X = np.asarray(X, dtype=self.dtype)
        Y = one_hot(y, self.sizes[-1]).astype(self.dtype)
        history = {"cost": [], "train_accuracy": [], "val_accuracy": []}
        for epoch in range(epochs):
            self.train_epoch(X, Y, batch_size, eta)
            outputs = self.feedforward(X)
            history["cost"].append(self.cost_of_outputs(outputs, Y))
            history["train_accuracy"].append(float(np.mean(np.argmax(outputs, axis=1) == y)))
            if validation is not None:
                X_val, y_val = validation
                history["val_accuracy"].append(self.evaluate(X_val, y_val) / len(y_val))
            if callback is not None:
                callback(epoch, history)
        return history

    def save(self, path):
        """Save the layer sizes, weights and biases to an .npz file (plain arrays, no pickle)."""
        arrays = {"sizes": np.array(self.sizes)}
        for l, (W, b) in enumerate(zip(self.weights, self.biases)):
            arrays[f"W{l}"], arrays[f"b{l}"] = W, b
        np.savez(path, **arrays)

    @classmethod
    def load(cls, path):
        """A network saved by ``save``. Raises NetworkFileError if the file is not one."""
        path = Path(path)
        if not path.is_file():
            raise NetworkFileError(f"No saved network at {path}.")
        try:
            with np.load(path, allow_pickle=False) as data:
                arrays = {key: data[key] for key in data.files}
        except Exception as error:
            raise NetworkFileError(f"{path} is not a saved network (an .npz file written by "
                                   f"Network.save): {error}") from None
        if "sizes" not in arrays:
            raise NetworkFileError(f"{path} is an .npz file but not a saved network: it has no 'sizes'.")
        net = cls([1, 1])
        net.sizes = [int(s) for s in arrays["sizes"]]
        try:
            net.weights = [arrays[f"W{l}"] for l in range(len(net.sizes) - 1)]
            net.biases = [arrays[f"b{l}"] for l in range(len(net.sizes) - 1)]
        except KeyError as missing:
            raise NetworkFileError(f"{path} is missing the array {missing}.") from None
        for l, (W, b) in enumerate(zip(net.weights, net.biases)):
            if W.shape != (net.sizes[l], net.sizes[l + 1]) or b.shape != (net.sizes[l + 1],):
                raise NetworkFileError(f"{path}: layer {l} has weights {W.shape} and biases {b.shape}, "
                                       f"which do not fit the sizes {net.sizes}.")
        return net
