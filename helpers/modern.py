"""The improvements of notebook 07, in a subclass of the reference Network: ModernNetwork.

Each one is an option, so the notebook can measure them one at a time:
    output="softmax"   softmax outputs with the cross-entropy cost (else sigmoid + quadratic)
    init="scaled"      weights drawn from N(0, 1 / n_in) (else N(0, 1))
    hidden="relu"      ReLU hidden units (else sigmoid)
    momentum=0.9       SGD with momentum: v = mu v - eta nabla; p = p + v
    l2=1e-4            L2 regularisation: the cost gets + l2/2 * the sum of the squared weights
The functions below are the notebook's TODOs; a learner's own replace them by name:
``ModernNetwork(sizes, softmax=softmax, relu=relu, ...)`` computes with the ones it is given.
"""
import numpy as np

from .network import Network, scaled_weights, sigmoid


def softmax(Z):
    """Rows of Z (n, k) -> rows of probabilities: e^z_j / sum_i e^z_i (the row's max subtracted first)."""
    E = np.exp(Z - Z.max(axis=1, keepdims=True))
    return E / E.sum(axis=1, keepdims=True)


def cross_entropy(outputs, Y):
    """-mean over the batch of sum_j y_j log(o_j), with o clipped away from 0."""
    return float(-np.sum(Y * np.log(np.clip(outputs, 1e-12, None))) / len(Y))


def relu(Z):
    """max(0, z), elementwise."""
    return np.maximum(Z, 0)


def relu_prime(Z):
    """The slope of ReLU: 1 where z > 0, else 0 (in Z's float type)."""
    return (Z > 0).astype(Z.dtype)


def momentum_step(p, v, g, eta, mu):
    """SGD with momentum: v = mu v - eta g, then p = p + v. Returns (p, v)."""
    v = mu * v - eta * g
    return p + v, v


def l2_gradient(nabla_W, W, lam):
    """The gradient of the cost plus lam/2 * sum(W^2): nabla_W + lam * W."""
    return nabla_W + lam * W


class ModernNetwork(Network):
    """Network, with the options listed above."""

    options = ("hidden", "output")  # saved with the parameters

    def __init__(self, sizes, seed=0, dtype=np.float32, init="scaled", hidden="relu", output="softmax",
                 momentum=0.0, l2=0.0, *, softmax=softmax, cross_entropy=cross_entropy, relu=relu,
                 relu_prime=relu_prime, scaled_weights=scaled_weights, momentum_step=momentum_step,
                 l2_gradient=l2_gradient):
        if hidden not in ("sigmoid", "relu") or output not in ("sigmoid", "softmax"):
            raise ValueError('hidden must be "sigmoid" or "relu", output "sigmoid" or "softmax"')
        self.hidden, self.output, self.momentum, self.l2 = hidden, output, momentum, l2
        self.softmax, self.cross_entropy, self.relu, self.relu_prime = softmax, cross_entropy, relu, relu_prime
        self.scaled_weights, self.momentum_step, self.l2_gradient = scaled_weights, momentum_step, l2_gradient
        super().__init__(sizes, seed=seed, dtype=dtype, init=init)
        self.velocity_w = [np.zeros_like(W) for W in self.weights]  # v, one for every parameter
        self.velocity_b = [np.zeros_like(b) for b in self.biases]

    def initial_weights(self, n_in, n_out):
        if self.init == "scaled":
            return self.scaled_weights(n_in, n_out, self.rng)
        return super().initial_weights(n_in, n_out)

    def activation(self, z):
        return self.relu(z) if self.hidden == "relu" else sigmoid(z)

    def activation_prime(self, z, a):
        return self.relu_prime(z) if self.hidden == "relu" else super().activation_prime(z, a)

    def output_activation(self, z):
        return self.softmax(z) if self.output == "softmax" else sigmoid(z)

    def cost_of_outputs(self, a, Y):
        cost = self.cross_entropy(a, Y) if self.output == "softmax" else super().cost_of_outputs(a, Y)
        return cost + self.l2 / 2 * sum(float(np.vdot(W, W)) for W in self.weights)  # vdot(W, W): sum of W^2

    def output_error(self, z, a, Y):
        # softmax with cross-entropy: simply (a - Y) / n, with no S'(z) to saturate
        return (a - Y) / len(Y) if self.output == "softmax" else super().output_error(z, a, Y)

    def backprop(self, X, Y):
        nabla_w, nabla_b, a = super().backprop(X, Y)
        if self.l2:
            nabla_w = [self.l2_gradient(nabla_W, W, self.l2) for nabla_W, W in zip(nabla_w, self.weights)]
        return nabla_w, nabla_b, a

    def update_mini_batch(self, X, Y, eta):
        """One step of SGD with momentum (plain SGD when momentum is 0); returns the outputs before the step."""
        nabla_w, nabla_b, a = self.backprop(X, Y)
        step, mu = self.momentum_step, self.momentum
        for l in range(len(self.weights)):
            self.weights[l], self.velocity_w[l] = step(self.weights[l], self.velocity_w[l], nabla_w[l], eta, mu)
            self.biases[l], self.velocity_b[l] = step(self.biases[l], self.velocity_b[l], nabla_b[l], eta, mu)
        return a
