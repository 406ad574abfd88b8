"""Reference versions of what notebooks 02 and 03 teach: the forward pass and backpropagation.

Later notebooks import these, so they do not depend on a learner's own code.
Conventions (rows are samples, as in NumPy, Keras and PyTorch):
    X        (n, n_in)        a batch of inputs, one sample per row
    W        (n_in, n_out)    the weights of one layer; weights is a list of them
    b        (n_out,)         the biases of one layer; biases is a list of them
    z = X @ W + b, a = sigmoid(z)   for every layer in turn
    Y        (n, n_out)       one-hot targets
"""
import numpy as np

from .data import one_hot  # noqa: F401  (taught in notebook 02; re-exported here)


def sigmoid(z):
    """S(z) = 1 / (1 + e^(-z)), elementwise. z is clipped so e^(-z) cannot overflow."""
    z = np.clip(z, -500, 500)
    return 1 / (1 + np.exp(-z))


def sigmoid_prime(z):
    """The derivative of the sigmoid: S'(z) = S(z) (1 - S(z)), elementwise."""
    s = sigmoid(z)
    return s * (1 - s)


def feedforward(X, weights, biases):
    """The network's outputs for X: (n, n_in) -> (n, n_out), or (n_in,) -> (n_out,)."""
    a = X
    for W, b in zip(weights, biases):
        a = sigmoid(a @ W + b)
    return a


def predict(outputs):
    """The predicted digit of each row of outputs (n, 10): the index of its largest value."""
    return np.argmax(outputs, axis=1)


def accuracy(outputs, y):
    """The fraction of rows of outputs (n, 10) whose largest value is at the label y (n,)."""
    return float(np.mean(predict(outputs) == y))


def cost(outputs, Y):
    """Quadratic cost, averaged over the batch: mean over samples of sum_j 1/2 (o_j - y_j)^2."""
    return float(0.5 * np.sum((outputs - Y) ** 2) / len(Y))


def backprop(X, Y, weights, biases):
    """Gradients of the mean quadratic cost over the batch (X, Y).

    Returns (nabla_w, nabla_b): lists shaped like weights and biases.
    """
    # 1. forward pass, keeping every z and every activation a
    activations, zs = [X], []
    for W, b in zip(weights, biases):
        zs.append(activations[-1] @ W + b)
        activations.append(sigmoid(zs[-1]))
    # 2. the error of the output layer: delta = (a - Y) * S'(z)
    delta = (activations[-1] - Y) * sigmoid_prime(zs[-1])
    nabla_w, nabla_b = [None] * len(weights), [None] * len(biases)
    # 3. walk back through the layers: gradients, then the error of the layer before
    for l in range(len(weights) - 1, -1, -1):
        nabla_w[l] = activations[l].T @ delta
        nabla_b[l] = delta.sum(axis=0)
        if l > 0:
            delta = (delta @ weights[l].T) * sigmoid_prime(zs[l - 1])
    # 4. the cost is a mean over the batch, so are its gradients
    n = len(X)
    return [nw / n for nw in nabla_w], [nb / n for nb in nabla_b]


def random_network(sizes, rng, dtype=np.float64):
    """Standard-normal weights and biases for layer sizes like [784, 30, 10]."""
    weights = [rng.standard_normal((m, n)).astype(dtype) for m, n in zip(sizes[:-1], sizes[1:])]
    biases = [rng.standard_normal(n).astype(dtype) for n in sizes[1:]]
    return weights, biases


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
