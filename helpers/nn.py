"""What notebooks 02 and 03 teach, as functions of lists of weights and biases, for later notebooks.

The forward pass and backpropagation are helpers.Network's (network.py), run on the lists given.
Conventions (rows are samples): X (n, n_in); weights[l] (n_in, n_out); biases[l] (n_out,);
z = a @ W + b, then a = sigmoid(z), layer after layer; Y (n, n_out) one-hot targets.
"""
import numpy as np

from .data import one_hot  # noqa: F401  (taught in notebook 02; re-exported here)
from .network import Network, quadratic_cost as cost, sigmoid, sigmoid_prime  # noqa: F401


def feedforward(X, weights, biases):
    """The network's outputs for X: (n, n_in) -> (n, n_out), or (n_in,) -> (n_out,)."""
    return Network.from_parameters(weights, biases).feedforward(X)


def backprop(X, Y, weights, biases):
    """Gradients of the mean quadratic cost over the batch (X, Y): (nabla_w, nabla_b), shaped like the parameters."""
    nabla_w, nabla_b, _ = Network.from_parameters(weights, biases).backprop(X, Y)
    return nabla_w, nabla_b


def random_network(sizes, rng, dtype=np.float64):
    """Standard-normal weights and biases for layer sizes like [784, 30, 10], drawn with rng: (weights, biases)."""
    net = Network(sizes, seed=rng, dtype=dtype)
    return net.weights, net.biases


def predict(outputs):
    """The predicted digit of each row of outputs (n, 10): the index of its largest value."""
    return np.argmax(outputs, axis=1)


def accuracy(outputs, y):
    """The fraction of rows of outputs (n, 10) whose largest value is at the label y (n,)."""
    return float(np.mean(predict(outputs) == y))


def numerical_gradient(f, parameter, h=1e-5):
    """Central differences: d f / d parameter[i] ~ (f(p + h) - f(p - h)) / 2h, for every i.

    ``f()`` computes the cost from the current parameters; ``parameter`` is changed
    in place while measuring and restored afterwards.
    """
    gradient = np.zeros_like(parameter)
    for i in np.ndindex(parameter.shape):
        saved = parameter[i]
        parameter[i] = saved + h
        plus = f()
        parameter[i] = saved - h
        minus = f()
        parameter[i] = saved
        gradient[i] = (plus - minus) / (2 * h)
    return gradient


def relative_error(a, b):
    """max |a - b| / max(|a| + |b|): about 1e-7 or less means the two agree."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    scale = np.max(np.abs(a) + np.abs(b))
    return float(np.max(np.abs(a - b)) / scale) if scale > 0 else 0.0
