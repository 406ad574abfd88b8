"""The reference network: what notebooks 02-04 build, in one small class.

Sigmoid layers trained by mini-batch SGD on the quadratic cost, as in the classic ``network.py``,
vectorised over a mini-batch, with the notebooks' names. The forward pass and backpropagation are
written here only: helpers/nn.py runs them for notebooks 02-03, and helpers/modern.py's
ModernNetwork (notebook 07) changes a few small methods. Conventions (rows are samples):
    X (n, sizes[0]) inputs; Y (n, sizes[-1]) one-hot targets; y (n,) labels
    weights[l] (sizes[l], sizes[l+1]); biases[l] (sizes[l+1],)
    z = a @ W + b, then a = sigmoid(z), layer after layer
"""
from pathlib import Path

import numpy as np

from .data import one_hot


def sigmoid(z):
    """S(z) = 1 / (1 + e^(-z)), computed as 0.5 (1 + tanh(z / 2)): the same, with no overflow in any float type."""
    return 0.5 * (1 + np.tanh(0.5 * z))


def sigmoid_prime(z):
    """The derivative of the sigmoid: S'(z) = S(z) (1 - S(z))."""
    s = sigmoid(z)
    return s * (1 - s)


def quadratic_cost(a, Y):
    """The mean over the batch of sum_j 1/2 (a_j - y_j)^2, for outputs a and one-hot targets Y (n, k)."""
    return float(0.5 * np.sum((a - Y) ** 2) / len(Y))


def scaled_weights(n_in, n_out, rng):
    """Weights (n_in, n_out) from N(0, 1 / n_in): z = a @ W + b keeps its size whatever n_in."""
    return rng.standard_normal((n_in, n_out)) / np.sqrt(n_in)


class NetworkFileError(ValueError):
    """A file that Network.load cannot read as a saved network."""


class Network:
    """A network with layer sizes like [784, 30, 10]; the same seed (an int or a NumPy Generator) gives the same one.

    init="normal": weights and biases drawn from N(0, 1), as in the workshop;
    init="scaled": the weights drawn from N(0, 1 / n_in) instead (notebooks 06 and 07).
    """

    options = ()  # what save keeps besides the parameters (ModernNetwork: its choice of units)

    def __init__(self, sizes, seed=0, dtype=np.float32, init="normal"):
        if init not in ("normal", "scaled"):
            raise ValueError(f'init must be "normal" or "scaled", not {init!r}')
        self.sizes, self.init = [int(s) for s in sizes], init
        self.rng = np.random.default_rng(seed)  # draws the weights, then shuffles the data
        self.weights = [self.initial_weights(m, n).astype(dtype) for m, n in zip(self.sizes[:-1], self.sizes[1:])]
        self.biases = [self.rng.standard_normal(n).astype(dtype) for n in self.sizes[1:]]

    def initial_weights(self, n_in, n_out):
        if self.init == "scaled":
            return scaled_weights(n_in, n_out, self.rng)
        return self.rng.standard_normal((n_in, n_out))

    @classmethod
    def from_parameters(cls, weights, biases):
        """A Network that computes with these lists of weights and biases (not copied)."""
        net = cls.__new__(cls)  # skips __init__: nothing to draw
        net.weights, net.biases = weights, biases
        return net

    # What the layers compute; ModernNetwork changes these.
    def activation(self, z):
        return sigmoid(z)

    def activation_prime(self, z, a):
        return a * (1 - a)  # sigmoid_prime(z), from the activation a = S(z) already computed

    def output_activation(self, z):
        return sigmoid(z)

    def cost_of_outputs(self, a, Y):
        return quadratic_cost(a, Y)

    def output_error(self, z, a, Y):
        """delta = dC/dz at the output, for the mean cost over the batch: (a - Y) S'(z) / n, with S'(z) = a (1 - a)."""
        return (a - Y) * (a * (1 - a)) / len(Y)

    def forward(self, X):
        """The forward pass, keeping every z and every activation a: (zs, activations)."""
        a, zs, activations = X, [], [X]
        for l, (W, b) in enumerate(zip(self.weights, self.biases)):
            z = a @ W + b
            a = self.output_activation(z) if l == len(self.weights) - 1 else self.activation(z)
            zs.append(z)
            activations.append(a)
        return zs, activations

    def feedforward(self, X):
        """The outputs (n, sizes[-1]) for inputs X (n, sizes[0])."""
        return self.forward(X)[1][-1]

    def predict(self, X):
        """The predicted digit for each row of X: the index of the largest output."""
        return np.argmax(self.feedforward(X), axis=1)

    def evaluate(self, X, y):
        """How many rows of X are classified as their label in y."""
        return int(np.sum(self.predict(X) == y))

    def accuracy(self, X, y):
        """The fraction of rows of X classified as their label in y."""
        return self.evaluate(X, y) / len(y)

    def cost(self, X, Y):
        return self.cost_of_outputs(self.feedforward(X), Y)

    def backprop(self, X, Y):
        """Gradients of the mean cost over the batch (X, Y).

        Returns (nabla_w, nabla_b, a): lists shaped like weights and biases, and the
        outputs a (n, sizes[-1]) that the forward pass computed on the way.
        """
        # 1. the forward pass, keeping every z and every activation a
        zs, activations = self.forward(X)
        # 2. the error of the output layer (the 1/n of the mean over the batch is in it)
        delta = self.output_error(zs[-1], activations[-1], Y)
        nabla_w, nabla_b = [None] * len(self.weights), [None] * len(self.biases)
        # 3. walk back through the layers: the gradients, then the error of the layer before
        for l in range(len(self.weights) - 1, -1, -1):
            nabla_w[l] = activations[l].T @ delta
            nabla_b[l] = delta.sum(axis=0)
            if l > 0:
                delta = (delta @ self.weights[l].T) * self.activation_prime(zs[l - 1], activations[l])
        return nabla_w, nabla_b, activations[-1]

    def update_mini_batch(self, X, Y, eta):
        """One step of gradient descent on the mini-batch, in place; returns its outputs (before the step)."""
        nabla_w, nabla_b, a = self.backprop(X, Y)
        for l in range(len(self.weights)):
            self.weights[l] -= eta * nabla_w[l]
            self.biases[l] -= eta * nabla_b[l]
        return a

    def sgd(self, X, y, epochs, batch_size, eta, validation=None, callback=None):
        """Mini-batch stochastic gradient descent on (X, y) for a number of epochs.

        eta: the learning rate, or a function of the epoch (0, 1, ...) that returns it (a schedule).
        validation: optional (X_val, y_val). callback(epoch, history): called after every epoch.
        Returns the history, a number per epoch in each list: "cost" and "train_accuracy" of the outputs
        computed for each mini-batch as it was trained on (free, and a little behind the weights at the
        end of the epoch, as in Keras); "val_accuracy" on the validation data after the epoch.
        """
        X, y = np.asarray(X, dtype=self.weights[0].dtype), np.asarray(y)
        Y = one_hot(y, self.sizes[-1]).astype(X.dtype)
        history = {"cost": [], "train_accuracy": [], "val_accuracy": []}
        for epoch in range(epochs):
            rate = float(eta(epoch) if callable(eta) else eta)
            order = self.rng.permutation(len(X))  # a new random order every epoch
            outputs = np.empty_like(Y)  # each image's outputs, as computed when it was trained on
            for start in range(0, len(X), batch_size):
                batch = order[start:start + batch_size]
                outputs[batch] = self.update_mini_batch(X[batch], Y[batch], rate)
            history["cost"].append(self.cost_of_outputs(outputs, Y))
            history["train_accuracy"].append(float(np.mean(np.argmax(outputs, axis=1) == y)))
            if validation is not None:
                history["val_accuracy"].append(self.accuracy(*validation))
            if callback is not None:
                callback(epoch, history)
        return history

    def save(self, path):
        """Save the layer sizes, weights and biases (and options) to an .npz file: plain arrays, no pickle."""
        arrays = {name: np.array(getattr(self, name)) for name in ("sizes", *self.options)}
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
            raise NetworkFileError(f"{path} is not a saved network (an .npz file written by save): {error}") from None
        if "sizes" not in arrays:
            raise NetworkFileError(f"{path} is an .npz file but not a saved network: it has no 'sizes'.")
        if sorted(key for key in arrays if key[:1] not in ("W", "b") and key != "sizes") != sorted(cls.options):
            raise NetworkFileError(f"{path} holds another kind of network than {cls.__name__}: load it with the "
                                   "class that saved it (helpers.Network or helpers.modern.ModernNetwork).")
        sizes = [int(s) for s in arrays["sizes"]]
        net = cls(sizes, **{name: str(arrays[name]) for name in cls.options})
        for l in range(len(sizes) - 1):
            if f"W{l}" not in arrays or f"b{l}" not in arrays:
                raise NetworkFileError(f"{path} is missing the array 'W{l}' or 'b{l}'.")
            W, b = arrays[f"W{l}"], arrays[f"b{l}"]
            if W.shape != (sizes[l], sizes[l + 1]) or b.shape != (sizes[l + 1],):
                raise NetworkFileError(f"{path}: layer {l} has weights {W.shape} and biases {b.shape}, "
                                       f"which do not fit the sizes {sizes}.")
            net.weights[l], net.biases[l] = W, b
        return net
