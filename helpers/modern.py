"""The improvements of notebook 07, in a subclass of the reference Network.

Each one can be switched on or off, so the notebook can measure them one at a time:
    output="softmax"   softmax outputs with the cross-entropy cost (else sigmoid + quadratic)
    init="scaled"      weights drawn from N(0, 1 / n_in) (else N(0, 1))
    hidden="relu"      ReLU hidden units (else sigmoid)
    momentum=0.9       SGD with momentum: v = mu v - eta grad; w += v
    l2=1e-4            L2 regularisation: the cost gets + l2/2 * sum of squared weights
The learner's own functions can replace the reference ones (REFERENCE lists their names):
``ModernNetwork(sizes, functions={"softmax": softmax, "relu": relu, ...})``.
"""
import numpy as np

from .network import Network, NetworkFileError, sigmoid


def softmax(Z):
    """Rows of Z (n, k) -> rows of probabilities: e^z_j / sum_i e^z_i (the row's max subtracted first)."""
    E = np.exp(Z - Z.max(axis=1, keepdims=True))
    return E / E.sum(axis=1, keepdims=True)


def relu(Z):
    """max(0, z), elementwise."""
    return np.maximum(Z, 0)


def relu_prime(Z):
    """The slope of ReLU: 1 where z > 0, else 0 (in Z's float type)."""
    return (Z > 0).astype(Z.dtype)


def cross_entropy(outputs, Y):
    """-mean over the batch of sum_j y_j log(o_j), with o clipped away from 0."""
    return float(-np.sum(Y * np.log(np.clip(outputs, 1e-12, None))) / len(Y))


def scaled_weights(n_in, n_out, rng):
    """Weights (n_in, n_out) drawn from N(0, 1 / n_in)."""
    return rng.standard_normal((n_in, n_out)) / np.sqrt(n_in)


def momentum_step(p, v, g, eta, mu):
    """SGD with momentum: v = mu v - eta g, then p = p + v. Returns (p, v)."""
    v = mu * v - eta * g
    return p + v, v


def l2_gradient(nabla_W, W, lam):
    """The gradient of the cost plus lam/2 * sum(W^2): nabla_W + lam * W."""
    return nabla_W + lam * W


REFERENCE = {"softmax": softmax, "relu": relu, "relu_prime": relu_prime, "cross_entropy": cross_entropy,
             "scaled_weights": scaled_weights, "momentum_step": momentum_step, "l2_gradient": l2_gradient}


class ModernNetwork(Network):
    """Network, with the options listed above (see the module's docstring)."""

    def __init__(self, sizes, seed=0, dtype=np.float32, init="scaled", hidden="relu", output="softmax",
                 momentum=0.0, l2=0.0, functions=None):
        super().__init__(sizes, seed=seed, dtype=dtype, init=init)
        if hidden not in ("sigmoid", "relu") or output not in ("sigmoid", "softmax"):
            raise ValueError('hidden must be "sigmoid" or "relu", output "sigmoid" or "softmax"')
        self.hidden, self.output, self.momentum, self.l2 = hidden, output, momentum, l2
        unknown = set(functions or {}) - set(REFERENCE)
        if unknown:
            raise ValueError(f"unknown functions {sorted(unknown)}; the names are {sorted(REFERENCE)}")
        self.f = {**REFERENCE, **(functions or {})}
        if init == "scaled":
            self.weights = [np.asarray(self.f["scaled_weights"](m, n, self.rng), dtype=dtype)
                            for m, n in zip(self.sizes[:-1], self.sizes[1:])]
        self.velocities = [np.zeros_like(p) for p in self.weights + self.biases]

    def _hidden(self, z):
        return self.f["relu"](z) if self.hidden == "relu" else sigmoid(z)

    def _hidden_slope(self, z, a):
        return self.f["relu_prime"](z) if self.hidden == "relu" else a * (1 - a)

    def _forward(self, X):
        """Every z and every activation a, from the input to the output."""
        activations, zs = [np.asarray(X, dtype=self.dtype)], []
        for l, (W, b) in enumerate(zip(self.weights, self.biases)):
            zs.append(activations[-1] @ W + b)
            last = l == len(self.weights) - 1
            if last:
                activations.append(self.f["softmax"](zs[-1]) if self.output == "softmax" else sigmoid(zs[-1]))
            else:
                activations.append(self._hidden(zs[-1]))
        return activations, zs

    def feedforward(self, X):
        return self._forward(X)[0][-1]

    def cost_of_outputs(self, outputs, Y):
        data = self.f["cross_entropy"](outputs, Y) if self.output == "softmax" else super().cost_of_outputs(outputs, Y)
        return data + 0.5 * self.l2 * sum(float(np.sum(W * W)) for W in self.weights)

    def backprop(self, X, Y):
        activations, zs = self._forward(X)
        a = activations[-1]
        # softmax + cross-entropy: the output error is simply a - Y (sigmoid + quadratic: times S'(z))
        delta = (a - Y) / len(X) if self.output == "softmax" else (a - Y) * a * (1 - a) / len(X)
        nabla_w, nabla_b = [None] * len(self.weights), [None] * len(self.biases)
        for l in range(len(self.weights) - 1, -1, -1):
            nabla_w[l] = activations[l].T @ delta
            if self.l2:
                nabla_w[l] = self.f["l2_gradient"](nabla_w[l], self.weights[l], self.l2)
            nabla_b[l] = delta.sum(axis=0)
            if l > 0:
                delta = (delta @ self.weights[l].T) * self._hidden_slope(zs[l - 1], activations[l])
        return nabla_w, nabla_b

    def update_mini_batch(self, X, Y, eta):
        """One step: v = momentum * v - eta * gradient; parameter += v (plain SGD when momentum is 0)."""
        nabla_w, nabla_b = self.backprop(X, Y)
        for p, v, g in zip(self.weights + self.biases, self.velocities, nabla_w + nabla_b):
            p[...], v[...] = self.f["momentum_step"](p, v, g, eta, self.momentum)

    def save(self, path):
        """Save as Network.save does, plus the choice of hidden and output units."""
        arrays = {"sizes": np.array(self.sizes), "hidden": np.array(self.hidden), "output": np.array(self.output)}
        for l, (W, b) in enumerate(zip(self.weights, self.biases)):
            arrays[f"W{l}"], arrays[f"b{l}"] = W, b
        np.savez(path, **arrays)

    @classmethod
    def load(cls, path):
        """A network saved by ModernNetwork.save (read without pickle)."""
        plain = Network.load(path)
        with np.load(path, allow_pickle=False) as data:
            if "hidden" not in data.files or "output" not in data.files:
                raise NetworkFileError(f"{path} holds a plain Network; load it with Network.load.")
            hidden, output = str(data["hidden"]), str(data["output"])
        net = cls(plain.sizes, hidden=hidden, output=output)
        net.weights, net.biases = plain.weights, plain.biases
        net.velocities = [np.zeros_like(p) for p in net.weights + net.biases]
        return net
