'''Learner answers for every TODO of notebooks 01-05 and 07, written as learners write them.

Each case is ``(todo, cause, words, source)``: the TODO's check name; the cause identifier a good
message carries (see helpers/check/_core.py CAUSES), or "accept" for a right answer; words that a
message naming that cause contains (lower case); the learner's code, as the text of a cell.
tests/test_check_learner_answers.py runs each through the real check.
'''

CASES = []


def case(todo, cause, words, source):
    CASES.append((todo, cause, tuple(words), source.strip("\n") + "\n"))


# --- 01 show_images ------------------------------------------------------------
case("show_images", "contrast", ["vmin", "range"], '''
def show_images(X, y, indices):
    fig, axes = plt.subplots(1, len(indices), squeeze=False)
    for ax, i in zip(axes[0], indices):
        ax.imshow(X[i].reshape(28, 28), cmap="gray", vmin=0, vmax=255)
        ax.set_title(y[i])
''')
case("show_images", "one-index", ["one index", "squeeze"], '''
def show_images(X, y, indices):
    fig, axes = plt.subplots(1, len(indices))
    for ax, i in zip(axes, indices):
        ax.imshow(X[i].reshape(28, 28), cmap="gray_r")
        ax.set_title(y[i])
''')
case("show_images", "wrong-rows", ["row 0"], '''
def show_images(X, y, indices):
    fig, axes = plt.subplots(1, len(indices), squeeze=False)
    for k in range(len(indices)):
        axes[0, k].imshow(X[k].reshape(28, 28), cmap="gray_r")
        axes[0, k].set_title(y[indices[k]])
''')
case("show_images", "wrong-label", ["label"], '''
def show_images(X, y, indices):
    fig, axes = plt.subplots(1, len(indices), squeeze=False)
    for k, i in enumerate(indices):
        axes[0, k].imshow(X[i].reshape(28, 28), cmap="gray_r")
        axes[0, k].set_title(y[k])
''')
case("show_images", "one-axis", ["one axis per image"], '''
def show_images(X, y, indices):
    row = np.hstack([X[i].reshape(28, 28) for i in indices])
    plt.imshow(row, cmap="gray_r")
    plt.title(" ".join(str(y[i]) for i in indices))
''')
case("show_images", "contrast", ["vmin", "range"], '''
def show_images(X, y, indices):
    for k, i in enumerate(indices):
        plt.subplot(1, len(indices), k + 1)
        plt.imshow(X[i].reshape(28, 28) * 255, cmap="gray", vmin=0, vmax=1)
        plt.title(y[i])
''')
case("show_images", "accept", [], '''
def show_images(X, y, indices):
    plt.figure(figsize=(2 * len(indices), 2))
    for k, i in enumerate(indices):
        plt.subplot(1, len(indices), k + 1)
        plt.imshow(np.reshape(X[i], (28, 28)), cmap="binary")
        plt.xlabel(f"label {y[i]}")
        plt.xticks([]), plt.yticks([])
    plt.show()
''')

# --- 02 sigmoid ----------------------------------------------------------------
case("sigmoid", "overflow", ["overflow"], '''
def sigmoid(z):
    return 1 / (1 + np.exp(-z))
''')
case("sigmoid", "in-place", ["changed its argument", "`z`", "line 3"], '''
def sigmoid(z):
    z = np.asarray(z, dtype=float)
    np.clip(z, -500, 500, out=z)
    return 1 / (1 + np.exp(-z))
''')
case("sigmoid", "sign", ["sign"], '''
def sigmoid(z):
    z = np.clip(z, -500, 500)
    return 1 / (1 + np.exp(z))
''')
case("sigmoid", "precedence", ["brackets"], '''
def sigmoid(z):
    z = np.clip(z, -500, 500)
    return 1 / 1 + np.exp(-z)
''')
case("sigmoid", "overflow", ["overflow"], '''
def sigmoid(z):
    return np.exp(z) / (1 + np.exp(z))
''')
case("sigmoid", "accept", [], '''
def sigmoid(z):
    return 0.5 * (1 + np.tanh(np.asarray(z) / 2))
''')

# --- 02 feedforward_no_bias ----------------------------------------------------
case("feedforward_no_bias", "sigmoid-once", ["only once"], '''
def feedforward_no_bias(X, weights):
    a = X
    for W in weights:
        a = a @ W
    return sigmoid(a)
''')
case("feedforward_no_bias", "stale-input", ["x instead of a"], '''
def feedforward_no_bias(X, weights):
    for W in weights:
        a = sigmoid(X @ W)
    return a
''')
case("feedforward_no_bias", "skipped-layer", ["last layer"], '''
def feedforward_no_bias(X, weights):
    a = X
    for l in range(len(weights) - 1):
        a = sigmoid(a @ weights[l])
    return a
''')
case("feedforward_no_bias", "skipped-layer", ["first layer"], '''
def feedforward_no_bias(X, weights):
    a = X
    for l in range(1, len(weights)):
        a = sigmoid(a @ weights[l])
    return a
''')
case("feedforward_no_bias", "product-order", ["a @ w"], '''
def feedforward_no_bias(X, weights):
    a = X
    for W in weights:
        a = sigmoid(W @ a)
    return a
''')
case("feedforward_no_bias", "accept", [], '''
import functools
def feedforward_no_bias(X, weights):
    return functools.reduce(lambda a, W: sigmoid(np.dot(a, W)), weights, X)
''')

# --- 02 feedforward ------------------------------------------------------------
case("feedforward", "wrong-bias", ["bias", "layer"], '''
def feedforward(X, weights, biases):
    a = X
    for W in weights:
        a = sigmoid(a @ W + biases[0])
    return a
''')
case("feedforward", "stale-input", ["x instead of a"], '''
def feedforward(X, weights, biases):
    a = X
    for W, b in zip(weights, biases):
        z = X @ W + b
        a = sigmoid(z)
    return a
''')
case("feedforward", "sigmoid-once", ["only once"], '''
def feedforward(X, weights, biases):
    a = X
    for W, b in zip(weights, biases):
        a = a @ W + b
    return sigmoid(a)
''')
case("feedforward", "bias-outside", ["after the sigmoid"], '''
def feedforward(X, weights, biases):
    a = X
    for W, b in zip(weights, biases):
        a = sigmoid(a @ W) + b
    return a
''')
case("feedforward", "z-for-activation", ["sigmoid is missing on the last layer"], '''
def feedforward(X, weights, biases):
    a = X
    for W, b in zip(weights, biases):
        z = a @ W + b
        a = sigmoid(z)
    return z
''')
case("feedforward", "wrong-bias", ["bias", "layer"], '''
def feedforward(X, weights, biases):
    a = X
    for l in range(len(weights)):
        a = sigmoid(a @ weights[l] + biases[l - 1])
    return a
''')
case("feedforward", "skipped-layer", ["last layer"], '''
def feedforward(X, weights, biases):
    a = X
    for W, b in zip(weights[:-1], biases[:-1]):
        a = sigmoid(a @ W + b)
    return a
''')
case("feedforward", "accept", [], '''
def feedforward(X, weights, biases):
    a = np.array(X, dtype=float)
    for W, b in zip(weights, biases):
        a = 1 / (1 + np.exp(-(np.matmul(a, W) + b)))
    return a
''')

# --- 02 one_hot ----------------------------------------------------------------
case("one_hot", "num-classes", ["num_classes"], '''
def one_hot(y, num_classes=10):
    return np.eye(10)[y]
''')
case("one_hot", "off-by-one", ["last"], '''
def one_hot(y, num_classes=10):
    Y = np.zeros((len(y), num_classes))
    for i in range(len(y) - 1):
        Y[i, y[i]] = 1
    return Y
''')
case("one_hot", "fancy-index", ["one 1"], '''
def one_hot(y, num_classes=10):
    Y = np.zeros((len(y), num_classes))
    Y[:, y] = 1
    return Y
''')
case("one_hot", "transpose", ["swapped"], '''
def one_hot(y, num_classes=10):
    Y = np.zeros((num_classes, len(y)))
    Y[y, np.arange(len(y))] = 1
    return Y
''')
case("one_hot", "off-by-one", ["one place too early"], '''
def one_hot(y, num_classes=10):
    Y = np.zeros((len(y), num_classes))
    Y[np.arange(len(y)), y - 1] = 1
    return Y
''')
case("one_hot", "accept", [], '''
def one_hot(y, num_classes=10):
    return (np.asarray(y)[:, None] == np.arange(num_classes)).astype(int)
''')

# --- 02 accuracy ---------------------------------------------------------------
case("accuracy", "integer-division", ["//"], '''
def accuracy(outputs, y):
    predictions = np.argmax(outputs, axis=1)
    return np.sum(predictions == y) // len(y)
''')
case("accuracy", "axis", ["axis=1"], '''
def accuracy(outputs, y):
    predictions = np.argmax(outputs, axis=0)
    return np.mean(predictions == y)
''')
case("accuracy", "axis", ["axis=1"], '''
def accuracy(outputs, y):
    predictions = np.argmax(outputs)
    return np.mean(predictions == y)
''')
case("accuracy", "count", ["number right"], '''
def accuracy(outputs, y):
    return np.sum(np.argmax(outputs, axis=1) == y)
''')
case("accuracy", "in-place", ["changed its argument", "`outputs`"], '''
def accuracy(outputs, y):
    outputs[outputs < outputs.max(axis=1, keepdims=True)] = 0
    return np.mean(np.argmax(outputs, axis=1) == y)
''')
case("accuracy", "accept", [], '''
def accuracy(outputs, y):
    return (outputs.argmax(1) == y).sum() / y.size
''')

# --- 03 cost -------------------------------------------------------------------
case("cost", "in-place", ["changed its argument", "`outputs`", "line 2", "outputs -= y"], '''
def cost(outputs, Y):
    outputs -= Y
    return 0.5 * np.sum(outputs ** 2) / len(Y)
''')
case("cost", "mean-all", ["not by the number of samples"], '''
def cost(outputs, Y):
    return 0.5 * np.mean((outputs - Y) ** 2)
''')
case("cost", "half", ["1/2"], '''
def cost(outputs, Y):
    return np.sum((outputs - Y) ** 2) / len(Y)
''')
case("cost", "axis", ["number of outputs", "number of samples"], '''
def cost(outputs, Y):
    return 0.5 * np.sum((outputs - Y) ** 2, axis=0).mean()
''')
case("cost", "integer-division", ["//"], '''
def cost(outputs, Y):
    return 0.5 * np.sum((outputs - Y) ** 2) // len(Y)
''')
case("cost", "accept", [], '''
def cost(outputs, Y):
    return np.mean(np.sum((Y - outputs) ** 2, axis=1)) / 2
''')

# --- 03 sigmoid_prime ----------------------------------------------------------
case("sigmoid_prime", "activation-for-z", ["sigmoid is applied twice"], '''
def sigmoid_prime(z):
    s = sigmoid(z)
    return sigmoid(s) * (1 - sigmoid(s))
''')
case("sigmoid_prime", "activation-for-z", ["z itself"], '''
def sigmoid_prime(z):
    return z * (1 - z)
''')
case("sigmoid_prime", "formula", ["1 - z"], '''
def sigmoid_prime(z):
    return sigmoid(z) * (1 - z)
''')
case("sigmoid_prime", "overflow", ["overflow"], '''
def sigmoid_prime(z):
    return np.exp(-z) / (1 + np.exp(-z)) ** 2
''')
case("sigmoid_prime", "accept", [], '''
def sigmoid_prime(z):
    e = np.exp(-np.abs(z))
    return e / (1 + e) ** 2
''')

# --- 03 backprop ---------------------------------------------------------------
BACKPROP = '''
def backprop(X, Y, weights, biases):
    nabla_w = [None] * len(weights)
    nabla_b = [None] * len(biases)
    activations, zs = [X], []
    for W, b in zip(weights, biases):
        zs.append(activations[-1] @ W + b)
        activations.append(sigmoid(zs[-1]))
    delta = (activations[-1] - Y) * sigmoid_prime(zs[-1])
    n = len(X)
    for l in range(len(weights) - 1, -1, -1):
        nabla_w[l] = activations[l].T @ delta / n
        nabla_b[l] = delta.sum(axis=0) / n
        if l > 0:
            delta = (delta @ weights[l].T) * sigmoid_prime(zs[l - 1])
    return nabla_w, nabla_b
'''


def backprop_case(cause, words, old, new):
    assert old in BACKPROP, old
    case("backprop", cause, words, BACKPROP.replace(old, new))


backprop_case("skipped-layer", ["layer 0", "loop"],
              "range(len(weights) - 1, -1, -1)", "range(len(weights) - 1, 0, -1)")
backprop_case("activation-for-z", ["activation", "where z"],
              "sigmoid_prime(zs[-1])", "sigmoid_prime(activations[-1])")
backprop_case("activation-for-z", ["activation", "where z"],
              "sigmoid_prime(zs[l - 1])", "sigmoid_prime(activations[l])")
backprop_case("scale:n", ["number of samples"], "nabla_w[l] = activations[l].T @ delta / n",
              "nabla_w[l] = activations[l].T @ delta")
backprop_case("transpose", ["transpose"], "activations[l].T @ delta / n", "delta.T @ activations[l] / n")
backprop_case("axis", ["axis=0"], "delta.sum(axis=0) / n", "delta.sum(axis=1) / n")
backprop_case("wrong-layer", ["zs[l - 1]"], "sigmoid_prime(zs[l - 1])", "sigmoid_prime(zs[l])")
backprop_case("wrong-layer", ["weights[l].t"], "delta @ weights[l].T", "delta @ weights[l - 1].T")
backprop_case("in-place", ["changed its argument", "`x`"], "    activations, zs = [X], []",
              "    X -= X.mean(axis=0)\n    activations, zs = [X], []")
case("backprop", "accept", [], '''
def backprop(X, Y, weights, biases):
    nabla_w = [None] * len(weights)
    nabla_b = [None] * len(biases)
    a = [X]
    for W, b in zip(weights, biases):
        a.append(sigmoid(a[-1] @ W + b))
    delta = (a[-1] - Y) * a[-1] * (1 - a[-1]) / len(X)
    for l in reversed(range(len(weights))):
        nabla_w[l] = a[l].T @ delta
        nabla_b[l] = np.sum(delta, axis=0)
        delta = (delta @ weights[l].T) * a[l] * (1 - a[l])
    return nabla_w, nabla_b
''')

# --- 04 update_mini_batch ------------------------------------------------------
case("update_mini_batch", "rebinding", ["in place"], '''
def update_mini_batch(weights, biases, X_batch, Y_batch, eta):
    nabla_w, nabla_b = backprop(X_batch, Y_batch, weights, biases)
    for W, b, nW, nb in zip(weights, biases, nabla_w, nabla_b):
        W = W - eta * nW
        b = b - eta * nb
''')
case("update_mini_batch", "not-updated", ["biases[0] did not change"], '''
def update_mini_batch(weights, biases, X_batch, Y_batch, eta):
    nabla_w, nabla_b = backprop(X_batch, Y_batch, weights, biases)
    for l in range(len(weights)):
        weights[l] -= eta * nabla_w[l]
''')
case("update_mini_batch", "sign", ["uphill"], '''
def update_mini_batch(weights, biases, X_batch, Y_batch, eta):
    nabla_w, nabla_b = backprop(X_batch, Y_batch, weights, biases)
    for l in range(len(weights)):
        weights[l] += eta * nabla_w[l]
        biases[l] += eta * nabla_b[l]
''')
case("update_mini_batch", "scale:n", ["number of samples"], '''
def update_mini_batch(weights, biases, X_batch, Y_batch, eta):
    nabla_w, nabla_b = backprop(X_batch, Y_batch, weights, biases)
    for l in range(len(weights)):
        weights[l] -= eta / len(X_batch) * nabla_w[l]
        biases[l] -= eta / len(X_batch) * nabla_b[l]
''')
case("update_mini_batch", "skipped-layer", ["weights[1] did not change"], '''
def update_mini_batch(weights, biases, X_batch, Y_batch, eta):
    nabla_w, nabla_b = backprop(X_batch, Y_batch, weights, biases)
    for l in range(len(weights) - 1):
        weights[l] -= eta * nabla_w[l]
        biases[l] -= eta * nabla_b[l]
''')
case("update_mini_batch", "in-place", ["changed its argument", "`x_batch`"], '''
def update_mini_batch(weights, biases, X_batch, Y_batch, eta):
    X_batch *= 1.0 / X_batch.max()
    nabla_w, nabla_b = backprop(X_batch, Y_batch, weights, biases)
    for l in range(len(weights)):
        weights[l] -= eta * nabla_w[l]
        biases[l] -= eta * nabla_b[l]
''')
case("update_mini_batch", "accept", [], '''
def update_mini_batch(weights, biases, X_batch, Y_batch, eta):
    nabla_w, nabla_b = backprop(X_batch, Y_batch, weights, biases)
    weights[:] = [W - eta * nW for W, nW in zip(weights, nabla_w)]
    biases[:] = [b - eta * nb for b, nb in zip(biases, nabla_b)]
''')

# --- 04 sgd --------------------------------------------------------------------
SGD = '''
def sgd(weights, biases, X, y, epochs, batch_size, eta, rng):
    Y = one_hot(y)
    for epoch in range(epochs):
        order = rng.permutation(len(X))
        for start in range(0, len(X), batch_size):
            batch = order[start:start + batch_size]
            update_mini_batch(weights, biases, X[batch], Y[batch], eta)
'''


def sgd_case(cause, words, old, new):
    assert old in SGD, old
    case("sgd", cause, words, SGD.replace(old, new))


sgd_case("last-batch-dropped", ["last", "smaller"], "for start in range(0, len(X), batch_size):\n"
         "            batch = order[start:start + batch_size]",
         "for k in range(len(X) // batch_size):\n            batch = order[k * batch_size:(k + 1) * batch_size]")
sgd_case("last-batch-dropped", ["last", "smaller"], "range(0, len(X), batch_size)",
         "range(0, len(X) - batch_size, batch_size)")
sgd_case("global-rng", ["rng", "np.random"], "rng.permutation(len(X))", "np.random.permutation(len(X))")
sgd_case("fixed-seed", ["rng", "seed"], "order = rng.permutation(len(X))",
         "order = np.random.default_rng(0).permutation(len(X))")
sgd_case("same-order", ["same order"], "    for epoch in range(epochs):\n        order = rng.permutation(len(X))",
         "    order = rng.permutation(len(X))\n    for epoch in range(epochs):")
sgd_case("not-shuffled", ["not shuffled"], "order = rng.permutation(len(X))", "order = np.arange(len(X))")
sgd_case("in-place", ["changed its argument", "`x`"], "    Y = one_hot(y)\n",
         "    Y = one_hot(y)\n    X /= X.max()\n")
sgd_case("labels-unshuffled", ["labels were not"], "X[batch], Y[batch]", "X[batch], Y[start:start + batch_size]")
sgd_case("not-one-hot", ["one-hot"], "X[batch], Y[batch]", "X[batch], y[batch]")
case("sgd", "accept", [], '''
def sgd(weights, biases, X, y, epochs, batch_size, eta, rng):
    for _ in range(epochs):
        order = rng.permutation(len(X))
        for start in range(0, len(X), batch_size):
            batch = order[start:][:batch_size]
            update_mini_batch(weights, biases, X[batch], one_hot(y[batch]), eta)
''')

# --- 05 best_of_seeds ----------------------------------------------------------
BEST = '''
def best_of_seeds(sizes, X, y, validation, epochs, batch_size, eta, seeds):
    best, best_history = None, None
    for seed in seeds:
        net = helpers.Network(sizes, seed=seed)
        history = net.sgd(X, y, epochs, batch_size, eta, validation=validation)
        if best is None or history["val_accuracy"][-1] > best_history["val_accuracy"][-1]:
            best, best_history = net, history
    return best, best_history
'''


def best_case(cause, words, old, new):
    assert old in BEST, old
    case("best_of_seeds", cause, words, BEST.replace(old, new))


best_case("best-epoch", ["final", "best epoch"],
          'history["val_accuracy"][-1] > best_history["val_accuracy"][-1]',
          'max(history["val_accuracy"]) > max(best_history["val_accuracy"])')
best_case("chose-training", ["training"], '["val_accuracy"]', '["train_accuracy"]')
best_case("chose-last", ["last network"], "if best is None or", "if True or")
case("best_of_seeds", "history-mismatch", ["own history"], '''
def best_of_seeds(sizes, X, y, validation, epochs, batch_size, eta, seeds):
    best, best_accuracy = None, 0
    for seed in seeds:
        net = helpers.Network(sizes, seed=seed)
        history = net.sgd(X, y, epochs, batch_size, eta, validation=validation)
        if history["val_accuracy"][-1] > best_accuracy:
            best, best_accuracy = net, history["val_accuracy"][-1]
        best_history = history
    return best, best_history
''')
best_case("seed-ignored", ["seed"], "helpers.Network(sizes, seed=seed)", "helpers.Network(sizes)")
best_case("chose-min", ["max"], '] > best_history', '] < best_history')
case("best_of_seeds", "accept", [], '''
from helpers import Network
def best_of_seeds(sizes, X, y, validation, epochs, batch_size, eta, seeds):
    runs = []
    for seed in seeds:
        net = Network(sizes, seed=seed)
        history = net.sgd(X, y, epochs, batch_size, eta, validation=validation)
        runs.append((history["val_accuracy"][-1], seed, net, history))
    runs.sort(key=lambda run: run[0])
    return runs[-1][2], runs[-1][3]
''')

# --- 07 softmax ----------------------------------------------------------------
case("softmax", "in-place", ["changed its argument", "`z`", "line 2"], '''
def softmax(Z):
    Z -= Z.max(axis=1, keepdims=True)
    E = np.exp(Z)
    return E / E.sum(axis=1, keepdims=True)
''')
case("softmax", "axis", ["column"], '''
def softmax(Z):
    E = np.exp(Z - Z.max(axis=1, keepdims=True))
    return E / E.sum(axis=0, keepdims=True)
''')
case("softmax", "overflow", ["overflow"], '''
def softmax(Z):
    E = np.exp(Z)
    return E / E.sum(axis=1, keepdims=True)
''')
case("softmax", "global-max", ["each row", "max"], '''
def softmax(Z):
    E = np.exp(Z - np.max(Z))
    return E / E.sum(axis=1, keepdims=True)
''')
case("softmax", "keepdims", ["keepdims"], '''
def softmax(Z):
    E = np.exp(Z - Z.max(axis=1, keepdims=True))
    return E / E.sum(axis=1)
''')
case("softmax", "accept", [], '''
def softmax(Z):
    shifted = Z - np.max(Z, axis=-1, keepdims=True)
    return np.exp(shifted - np.log(np.sum(np.exp(shifted), axis=-1, keepdims=True)))
''')

# --- 07 cross_entropy ----------------------------------------------------------
case("cross_entropy", "sign", ["minus sign"], '''
def cross_entropy(outputs, Y):
    return np.sum(Y * np.log(outputs)) / len(Y)
''')
case("cross_entropy", "mean-all", ["not by the number of samples"], '''
def cross_entropy(outputs, Y):
    return -np.mean(Y * np.log(outputs))
''')
case("cross_entropy", "integer-division", ["//"], '''
def cross_entropy(outputs, Y):
    return -np.sum(Y * np.log(outputs)) // len(Y)
''')
case("cross_entropy", "log10", ["natural"], '''
def cross_entropy(outputs, Y):
    return -np.sum(Y * np.log10(outputs)) / len(Y)
''')
case("cross_entropy", "accept", [], '''
def cross_entropy(outputs, Y):
    return -np.mean(np.log(outputs[np.arange(len(Y)), Y.argmax(axis=1)]))
''')

# --- 07 scaled_weights ---------------------------------------------------------
case("scaled_weights", "global-rng", ["rng", "np.random"], '''
def scaled_weights(n_in, n_out, rng):
    return np.random.randn(n_in, n_out) / np.sqrt(n_in)
''')
case("scaled_weights", "scale:n", ["square root"], '''
def scaled_weights(n_in, n_out, rng):
    return rng.standard_normal((n_in, n_out)) / n_in
''')
case("scaled_weights", "transpose", ["one row per input"], '''
def scaled_weights(n_in, n_out, rng):
    return rng.standard_normal((n_out, n_in)) / np.sqrt(n_in)
''')
case("scaled_weights", "uniform", ["centred on 0"], '''
def scaled_weights(n_in, n_out, rng):
    return rng.random((n_in, n_out)) / np.sqrt(n_in)
''')
case("scaled_weights", "fixed-seed", ["rng", "seed"], '''
def scaled_weights(n_in, n_out, rng):
    return np.random.default_rng(42).standard_normal((n_in, n_out)) / np.sqrt(n_in)
''')
case("scaled_weights", "accept", [], '''
def scaled_weights(n_in, n_out, rng):
    return rng.normal(0.0, 1 / math.sqrt(n_in), size=(n_in, n_out))
''')

# --- 07 relu and relu_prime ----------------------------------------------------
RELU = '''
def relu(Z):
    return np.maximum(Z, 0)


def relu_prime(Z):
    return (Z > 0).astype(Z.dtype)
'''


def relu_case(cause, words, old, new):
    assert old in RELU, old
    case("relu", cause, words, RELU.replace(old, new))


relu_case("in-place", ["changed its argument", "`z`"], "    return np.maximum(Z, 0)", "    Z[Z < 0] = 0\n    return Z")
relu_case("dtype", ["float32"], "(Z > 0).astype(Z.dtype)", "(Z > 0).astype(float)")
relu_case("z=0", ["z = 0"], "(Z > 0).astype(Z.dtype)", "(Z >= 0).astype(Z.dtype)")
relu_case("np-max", ["np.maximum"], "np.maximum(Z, 0)", "np.max(Z, 0)")
relu_case("dtype", ["bool"], "(Z > 0).astype(Z.dtype)", "Z > 0")
relu_case("in-place", ["changed its argument", "`z`"], "    return (Z > 0).astype(Z.dtype)",
          "    Z[Z > 0] = 1\n    Z[Z <= 0] = 0\n    return Z")
relu_case("accept", [], RELU, '''
def relu(Z):
    return Z * (Z > 0)


def relu_prime(Z):
    return np.heaviside(Z, 0).astype(Z.dtype)
''')

# --- 07 momentum_step ----------------------------------------------------------
case("momentum_step", "old-velocity", ["update v first"], '''
def momentum_step(p, v, g, eta, mu):
    p = p + v
    v = mu * v - eta * g
    return p, v
''')
case("momentum_step", "sign", ["against"], '''
def momentum_step(p, v, g, eta, mu):
    v = mu * v + eta * g
    return p + v, v
''')
case("momentum_step", "order", ["order"], '''
def momentum_step(p, v, g, eta, mu):
    v = mu * v - eta * g
    return v, p + v
''')
case("momentum_step", "swapped", ["eta and mu"], '''
def momentum_step(p, v, g, eta, mu):
    v = eta * v - mu * g
    return p + v, v
''')
case("momentum_step", "in-place", ["changed its argument", "`g`"], '''
def momentum_step(p, v, g, eta, mu):
    g *= eta
    v = mu * v - g
    return p + v, v
''')
case("momentum_step", "in-place", ["changed its argument", "`v`"], '''
def momentum_step(p, v, g, eta, mu):
    v *= mu
    v -= eta * g
    p += v
    return p, v
''')

# --- 07 l2_gradient ------------------------------------------------------------
case("l2_gradient", "in-place", ["changed its argument", "`nabla_w`", "line 2"], '''
def l2_gradient(nabla_W, W, lam):
    nabla_W += lam * W
    return nabla_W
''')
case("l2_gradient", "half", ["1/2"], '''
def l2_gradient(nabla_W, W, lam):
    return nabla_W + lam * W / 2
''')
case("l2_gradient", "penalty", ["penalty itself"], '''
def l2_gradient(nabla_W, W, lam):
    return nabla_W + lam / 2 * W ** 2
''')
case("l2_gradient", "scale:n", ["divided by"], '''
def l2_gradient(nabla_W, W, lam):
    return nabla_W + lam * W / len(W)
''')
case("l2_gradient", "accept", [], '''
def l2_gradient(nabla_W, W, lam):
    return np.add(nabla_W, W * lam)
''')

# --- a second round, written after the checks were changed, before running them ------
case("show_images", "one-axis", ["one axis per image"], '''
def show_images(X, y, indices):
    for i in indices:
        plt.imshow(X[i].reshape(28, 28), cmap="gray_r")
        plt.title(y[i])
''')
case("show_images", "wrong-label", ["label"], '''
def show_images(X, y, indices):
    fig, axes = plt.subplots(1, len(indices), squeeze=False)
    for ax, i in zip(axes[0], indices):
        ax.imshow(X[i].reshape(28, 28), cmap="gray_r")
        ax.set_title(str(y))
''')
case("accuracy", "axis", ["number of samples"], '''
def accuracy(outputs, y):
    return np.sum(np.argmax(outputs, axis=1) == y) / len(outputs[0])
''')
case("cost", "shape", ["one number"], '''
def cost(outputs, Y):
    return np.sum(0.5 * (outputs - Y) ** 2, axis=1)
''')
backprop_case("wrong-layer", ["activations[l]"], "nabla_w[l] = activations[l].T @ delta / n",
              "nabla_w[l] = activations[l + 1].T @ delta / n")
case("best_of_seeds", "order", ["network first"], '''
def best_of_seeds(sizes, X, y, validation, epochs, batch_size, eta, seeds):
    runs = []
    for seed in seeds:
        net = helpers.Network(sizes, seed=seed)
        runs.append((net.sgd(X, y, epochs, batch_size, eta, validation=validation), net))
    return max(runs, key=lambda run: run[0]["val_accuracy"][-1])
''')
case("softmax", "axis", ["each row's"], '''
def softmax(Z):
    E = np.exp(Z - Z.max(axis=0))
    return E / E.sum(axis=1, keepdims=True)
''')
case("scaled_weights", "scale:n", ["multiplied"], '''
def scaled_weights(n_in, n_out, rng):
    return rng.normal(0, np.sqrt(n_in), size=(n_in, n_out))
''')
relu_case("dtype", ["int64"], "(Z > 0).astype(Z.dtype)", "np.where(Z > 0, 1, 0)")
relu_case("formula", ["np.sign"], "(Z > 0).astype(Z.dtype)", "np.sign(Z)")
case("l2_gradient", "formula", ["sum"], '''
def l2_gradient(nabla_W, W, lam):
    return nabla_W + lam * np.sum(W)
''')
case("momentum_step", "sign", ["sign"], '''
def momentum_step(p, v, g, eta, mu):
    v = mu * v - eta * g
    return p - v, v
''')

# --- a third round, written blind like the second ------------------------------------
case("show_images", "contrast", ["vmin", "range"], '''
def show_images(X, y, indices):
    fig, axes = plt.subplots(1, len(indices), squeeze=False)
    for ax, i in zip(axes[0], indices):
        ax.imshow(X[i].reshape(28, 28), cmap="gray", vmin=0.9, vmax=1.0)
        ax.set_title(y[i])
''')
case("sigmoid", "sign", ["sign"], '''
def sigmoid(z):
    z = np.clip(z, -500, 500)
    return np.exp(-z) / (1 + np.exp(-z))
''')
case("feedforward", "no-bias", ["biases are missing"], '''
def feedforward(X, weights, biases):
    a = X
    for W in weights:
        a = sigmoid(a @ W)
    return a
''')
case("feedforward", "stale-input", ["x instead of a"], '''
def feedforward(X, weights, biases):
    for W, b in zip(weights, biases):
        a = sigmoid(X @ W + b)
    return a
''')
case("one_hot", "in-place", ["changed its argument", "`y`"], '''
def one_hot(y, num_classes=10):
    Y = np.zeros((len(y), num_classes))
    for i in range(len(y)):
        Y[i, y[i]] = 1
    y[:] = 0
    return Y
''')
case("cost", "scale:n", ["number of samples"], '''
def cost(outputs, Y):
    return 0.5 * np.sum((outputs - Y) ** 2)
''')
case("sigmoid_prime", "formula", ["sigmoid, not its derivative"], '''
def sigmoid_prime(z):
    return sigmoid(z)
''')
backprop_case("formula", ["missing from the output error"], "delta = (activations[-1] - Y) * sigmoid_prime(zs[-1])",
              "delta = (activations[-1] - Y)")
case("update_mini_batch", "formula", ["learning rate"], '''
def update_mini_batch(weights, biases, X_batch, Y_batch, eta):
    nabla_w, nabla_b = backprop(X_batch, Y_batch, weights, biases)
    for l in range(len(weights)):
        weights[l] -= nabla_w[l]
        biases[l] -= nabla_b[l]
''')
sgd_case("global-rng", ["rng", "np.random"], "        order = rng.permutation(len(X))",
         "        order = np.arange(len(X))\n        np.random.shuffle(order)")
case("cross_entropy", "scale:n", ["mean"], '''
def cross_entropy(outputs, Y):
    return -np.sum(Y * np.log(outputs))
''')
case("l2_gradient", "sign", ["sign"], '''
def l2_gradient(nabla_W, W, lam):
    return nabla_W - lam * W
''')
case("momentum_step", "formula", ["mu"], '''
def momentum_step(p, v, g, eta, mu):
    v = v - eta * g
    return p + v, v
''')
case("scaled_weights", "formula", ["not scaled"], '''
def scaled_weights(n_in, n_out, rng):
    return rng.standard_normal((n_in, n_out))
''')

# --- more right answers, written the ways learners find ------------------------------
case("show_images", "accept", [], '''
def show_images(X, y, indices):
    fig = plt.figure()
    for k, i in enumerate(indices):
        ax = fig.add_subplot(1, len(indices), k + 1)
        ax.imshow(X[i].reshape(28, 28), cmap="gray", vmin=0, vmax=1)
        ax.set_title(f"{i}: {y[i]}")
''')
case("sigmoid", "accept", [], '''
def sigmoid(z):
    z = np.clip(z, -500, 500)
    return np.exp(-np.logaddexp(0, -z))
''')
case("feedforward_no_bias", "accept", [], '''
def feedforward_no_bias(X, weights):
    a = np.asarray(X)
    for l in range(len(weights)):
        a = sigmoid(np.matmul(a, weights[l]))
    return a
''')
case("feedforward", "accept", [], '''
def feedforward(X, weights, biases):
    a = X
    for l, W in enumerate(weights):
        z = a @ W + biases[l]
        a = sigmoid(z)
    return a
''')
case("one_hot", "accept", [], '''
def one_hot(y, num_classes=10):
    Y = np.zeros((len(y), num_classes))
    for i, label in enumerate(y):
        Y[i][label] = 1.0
    return Y
''')
case("accuracy", "accept", [], '''
def accuracy(outputs, y):
    correct = 0
    for row, label in zip(outputs, y):
        if np.argmax(row) == label:
            correct += 1
    return correct / len(y)
''')
case("cost", "accept", [], '''
def cost(outputs, Y):
    n = Y.shape[0]
    return 0.5 * np.linalg.norm(outputs - Y) ** 2 / n
''')
case("sigmoid_prime", "accept", [], '''
def sigmoid_prime(z):
    return sigmoid(z) - sigmoid(z) ** 2
''')
case("backprop", "accept", [], BACKPROP.replace("nabla_b[l] = delta.sum(axis=0) / n", "nabla_b[l] = np.mean(delta, axis=0)"))
case("update_mini_batch", "accept", [], '''
def update_mini_batch(weights, biases, X_batch, Y_batch, eta):
    nabla_w, nabla_b = backprop(X_batch, Y_batch, weights, biases)
    for W, b, nW, nb in zip(weights, biases, nabla_w, nabla_b):
        W -= eta * nW
        b -= eta * nb
''')
case("sgd", "accept", [], '''
def sgd(weights, biases, X, y, epochs, batch_size, eta, rng):
    Y = one_hot(y)
    n = len(X)
    for epoch in range(epochs):
        order = np.arange(n)
        rng.shuffle(order)
        for k in range(math.ceil(n / batch_size)):
            rows = order[k * batch_size:(k + 1) * batch_size]
            update_mini_batch(weights, biases, X[rows], Y[rows], eta)
''')
case("best_of_seeds", "accept", [], '''
def best_of_seeds(sizes, X, y, validation, epochs, batch_size, eta, seeds):
    best = None
    for seed in seeds:
        net = helpers.Network(sizes, seed=seed)
        history = net.sgd(X, y, epochs, batch_size, eta, validation=validation)
        if best is None or history["val_accuracy"][epochs - 1] > best[1]["val_accuracy"][epochs - 1]:
            best = (net, history)
    return best
''')
case("softmax", "accept", [], '''
def softmax(Z):
    out = np.empty_like(Z)
    for i, row in enumerate(Z):
        e = np.exp(row - row.max())
        out[i] = e / e.sum()
    return out
''')
case("cross_entropy", "accept", [], '''
def cross_entropy(outputs, Y):
    return float(np.mean(-np.sum(Y * np.log(outputs), axis=1)))
''')
case("scaled_weights", "accept", [], '''
def scaled_weights(n_in, n_out, rng):
    return rng.standard_normal(size=(n_in, n_out)) * np.sqrt(1.0 / n_in)
''')
relu_case("accept", [], RELU, '''
def relu(Z):
    return np.where(Z > 0, Z, 0.0)


def relu_prime(Z):
    return np.where(Z > 0, 1, 0).astype(Z.dtype)
''')
case("momentum_step", "accept", [], '''
def momentum_step(p, v, g, eta, mu):
    v_new = mu * v - eta * g
    p_new = p + v_new
    return p_new, v_new
''')
case("l2_gradient", "accept", [], '''
def l2_gradient(nabla_W, W, lam):
    grad = nabla_W.copy()
    grad += lam * W
    return grad
''')

# --- a fourth round, written blind ----------------------------------------------------
case("show_images", "contrast", ["vmin"], '''
def show_images(X, y, indices):
    fig, axes = plt.subplots(1, len(indices), squeeze=False)
    for ax, i in zip(axes[0], indices):
        ax.imshow((X[i] * 255).astype(np.uint8).reshape(28, 28), cmap="gray", vmax=1)
        ax.set_title(y[i])
''')
case("show_images", "one-index", ["one index"], '''
def show_images(X, y, indices):
    fig, axes = plt.subplots(1, len(indices))
    for k, i in enumerate(indices):
        axes[k].imshow(X[i].reshape(28, 28), cmap="gray_r")
        axes[k].set_title(y[i])
''')
case("feedforward_no_bias", "skipped-layer", ["first layer"], '''
def feedforward_no_bias(X, weights):
    a = X
    for W in weights[1:]:
        a = sigmoid(a @ W)
    return a
''')
case("feedforward", "z-for-activation", ["sigmoid is missing on the last layer"], '''
def feedforward(X, weights, biases):
    a = X
    for W, b in zip(weights[:-1], biases[:-1]):
        a = sigmoid(a @ W + b)
    return a @ weights[-1] + biases[-1]
''')
case("feedforward", "wrong-bias", ["bias"], '''
def feedforward(X, weights, biases):
    a = X
    for W, b in zip(weights, reversed(biases)):
        a = sigmoid(a @ W + b)
    return a
''')
case("accuracy", "integer-division", ["//"], '''
def accuracy(outputs, y):
    right = int(np.sum(np.argmax(outputs, axis=1) == y))
    return right // len(y)
''')
case("cost", "axis", ["number of outputs"], '''
def cost(outputs, Y):
    return np.mean(0.5 * np.sum((outputs - Y) ** 2, axis=0))
''')
case("sigmoid_prime", "activation-for-z", ["twice"], '''
def sigmoid_prime(z):
    a = sigmoid(z)
    s = sigmoid(a)
    return s * (1 - s)
''')
backprop_case("activation-for-z", ["activation"], "sigmoid_prime(zs[l - 1])", "sigmoid_prime(activations[l])")
backprop_case("skipped-layer", ["layer 0"], "range(len(weights) - 1, -1, -1)", "range(len(weights) - 1, 0, -1)")
sgd_case("last-batch-dropped", ["last"], "range(0, len(X), batch_size)", "range(0, len(X) - batch_size + 1, batch_size)")
sgd_case("own-rng", ["np.random.default_rng()"], "rng.permutation(len(X))", "np.random.default_rng().permutation(len(X))")
case("scaled_weights", "global-rng", ["np.random"], '''
def scaled_weights(n_in, n_out, rng):
    return np.random.normal(0, 1 / np.sqrt(n_in), (n_in, n_out))
''')
relu_case("dtype", ["float32"], "(Z > 0).astype(Z.dtype)", "(Z > 0).astype(np.float64)")
case("softmax", "in-place", ["changed its argument"], '''
def softmax(Z):
    np.exp(Z - Z.max(axis=1, keepdims=True), out=Z)
    return Z / Z.sum(axis=1, keepdims=True)
''')
case("momentum_step", "old-velocity", ["update v first"], '''
def momentum_step(p, v, g, eta, mu):
    return p + v, mu * v - eta * g
''')
case("best_of_seeds", "best-epoch", ["best epoch"], '''
def best_of_seeds(sizes, X, y, validation, epochs, batch_size, eta, seeds):
    best = None
    for seed in seeds:
        net = helpers.Network(sizes, seed=seed)
        history = net.sgd(X, y, epochs, batch_size, eta, validation=validation)
        score = np.max(history["val_accuracy"])
        if best is None or score > best[0]:
            best = (score, net, history)
    return best[1], best[2]
''')
