"""Fresh learner answers, written from the student notebooks alone, for every TODO of 01-05 and 07.

Each case is ``(notebook, todo, verdict, cause, words, setup, source)``: verdict "accept" for a right answer,
"refuse" for a wrong one (with the cause identifier its message carries, or None when the message says what
is known without a cause, and words that message contains, in lower case), or "known-pass" for a wrong answer
the checks cannot see yet (tests/test_check_fresh_answers.py marks it as an expected failure, with the reason).
``setup`` is code of the learner's earlier TODO cells that differs from the notebook's hint-2 code ('' if none).
"""

CASES = []


def case(notebook, todo, verdict, cause, words, source, setup=""):
    CASES.append((notebook, todo, verdict, cause, tuple(words), setup.strip("\n") + "\n" if setup else "",
                  source.strip("\n") + "\n"))


# Titles every picture with the whole label array y instead of y[i].
case('01', 'show_images', 'refuse', 'wrong-label', ["image 1's title is '[3 1 4 1 5 9 2 6 5 3 5 8]', which shows "], '''
def show_images(X, y, indices):
    fig, axes = plt.subplots(1, len(indices), squeeze=False)
    for ax, i in zip(axes[0], indices):
        ax.imshow(X[i].reshape(28, 28), cmap="gray_r")
        ax.set_title(y)
        ax.axis("off")
''')

# Loop stops one early: the last index is never drawn.
case('01', 'show_images', 'refuse', 'off-by-one', ['expected 3 images, one per index, but found 2: rows [7, 2] a'], '''
def show_images(X, y, indices):
    fig, axes = plt.subplots(1, len(indices), squeeze=False)
    for k in range(len(indices) - 1):
        i = indices[k]
        axes[0][k].imshow(X[i].reshape(28, 28), cmap="gray_r")
        axes[0][k].set_title(y[i])
        axes[0][k].axis("off")
''')

# Uses the image number i as the subplot position, axes[0][i], which breaks for indices other than 0..k-1.
case('01', 'show_images', 'refuse', None, ['index 7 is out of bounds for axis 0 with size 3'], '''
def show_images(X, y, indices):
    fig, axes = plt.subplots(1, len(indices), squeeze=False)
    for i in indices:
        axes[0][i].imshow(X[i].reshape(28, 28), cmap="gray_r")
        axes[0][i].set_title(y[i])
        axes[0][i].axis("off")
''')

# Titles each picture with its row number i instead of its label y[i].
case('01', 'show_images', 'refuse', 'wrong-label', ['image 1 should be labelled 6 (its label y[7]), but its title'], '''
def show_images(X, y, indices):
    fig, axes = plt.subplots(1, len(indices), squeeze=False)
    for ax, i in zip(axes[0], indices):
        ax.imshow(X[i].reshape(28, 28), cmap="gray_r")
        ax.set_title(i)
        ax.axis("off")
''')

# Draws X[k] (the position in the list) but titles with y[i]: picture and title disagree.
case('01', 'show_images', 'refuse', 'wrong-rows', ['image 1 should show row 7 of x, but shows row 0.'], '''
def show_images(X, y, indices):
    fig, axes = plt.subplots(1, len(indices), squeeze=False)
    for k, i in enumerate(indices):
        axes[0][k].imshow(X[k].reshape(28, 28), cmap="gray_r")
        axes[0][k].set_title(y[i])
        axes[0][k].axis("off")
''')

# Transposes the picture (.T), so every digit is mirrored along the diagonal.
case('01', 'show_images', 'refuse', 'transpose', ['image 1 is transposed (mirrored along the diagonal).'], '''
def show_images(X, y, indices):
    fig, axes = plt.subplots(1, len(indices), squeeze=False)
    for ax, i in zip(axes[0], indices):
        ax.imshow(X[i].reshape(28, 28).T, cmap="gray_r")
        ax.set_title(y[i])
        ax.axis("off")
''')

# Calls plt.imshow/plt.title instead of ax.imshow: every image lands on the last subplot.
case('01', 'show_images', 'refuse', 'one-axis', ['show_images on 12 random images, indices=[7, 2, 9] drew all '], '''
def show_images(X, y, indices):
    fig, axes = plt.subplots(1, len(indices), squeeze=False)
    for ax, i in zip(axes[0], indices):
        plt.imshow(X[i].reshape(28, 28), cmap="gray_r")
        plt.title(y[i])
        ax.axis("off")
''')

# Leaves out squeeze=False and zips over axes: fails when there is one index.
case('01', 'show_images', 'refuse', 'one-index', ["your show_images raised typeerror: 'axes' object is not iter"], '''
def show_images(X, y, indices):
    fig, axes = plt.subplots(1, len(indices))
    for ax, i in zip(axes, indices):
        ax.imshow(X[i].reshape(28, 28), cmap="gray_r")
        ax.set_title(y[i])
        ax.axis("off")
''')

# Reshapes to (14, 56): a picture, but the wrong shape, so the digit is scrambled.
case('01', 'show_images', 'refuse', None, ['image 1 has shape (14, 56), expected (28, 28).'], '''
def show_images(X, y, indices):
    fig, axes = plt.subplots(1, len(indices), squeeze=False)
    for ax, i in zip(axes[0], indices):
        ax.imshow(X[i].reshape(14, 56), cmap="gray_r")
        ax.set_title(y[i])
        ax.axis("off")
''')

# Makes a new figure for every image instead of one grid of subplots.
case('01', 'show_images', 'refuse', 'figures', ['show_images on 12 random images, indices=[7, 2, 9] drew its '], '''
def show_images(X, y, indices):
    for i in indices:
        plt.figure(figsize=(1.2, 1.6))
        plt.imshow(X[i].reshape(28, 28), cmap="gray_r")
        plt.title(y[i])
        plt.axis("off")
''')

# plt.subplot(1, n, k + 1) in a loop with string titles.
case('01', 'show_images', 'accept', None, [], '''
def show_images(X, y, indices):
    indices = list(indices)
    plt.figure(figsize=(1.2 * len(indices), 1.6))
    for k, i in enumerate(indices):
        plt.subplot(1, len(indices), k + 1)
        plt.imshow(np.reshape(X[i], (28, -1)), cmap="gray_r")
        plt.title(str(y[i]))
        plt.axis("off")
''')

# fig.add_subplot with f-string titles and reshape(-1, 28).
case('01', 'show_images', 'accept', None, [], '''
def show_images(X, y, indices):
    fig = plt.figure()
    n = len(indices)
    for k, i in enumerate(indices):
        ax = fig.add_subplot(1, n, k + 1)
        ax.imshow(X[i].reshape(-1, 28), cmap="gray_r")
        ax.set_title(f"{y[i]}")
        ax.set_axis_off()
''')

# Sign flipped: e^(+z) instead of e^(-z).
case('02', 'sigmoid', 'refuse', 'sign', ['the sign of z is flipped: s(z) = 1 / (1 + e^(-z)).'], '''
def sigmoid(z):
    z = np.clip(z, -500, 500)
    return 1 / (1 + np.exp(z))
''')

# No clipping, so z = -1000 overflows with a warning.
case('02', 'sigmoid', 'refuse', 'overflow', ['overflow encountered in exp: e^z overflows for large |z|.'], '''
def sigmoid(z):
    return 1 / (1 + np.exp(-z))
''')

# Calls np.clip but throws its result away, so it still overflows.
case('02', 'sigmoid', 'refuse', 'overflow', ['overflow encountered in exp: e^z overflows for large |z|.'], '''
def sigmoid(z):
    np.clip(z, -500, 500)
    return 1 / (1 + np.exp(-z))
''')

# Uses math.exp, which takes only one number, not arrays.
case('02', 'sigmoid', 'refuse', None, ['only 0-dimensional arrays can be converted to python scalars'], '''
import math
def sigmoid(z):
    z = np.clip(z, -500, 500)
    return 1 / (1 + math.exp(-z))
''')

# Missing brackets: 1 / 1 + e^(-z) is 1 + e^(-z).
case('02', 'sigmoid', 'refuse', 'precedence', ['1 / 1 + e^(-z), which is 1 + e^(-z): brackets are missing ar'], '''
def sigmoid(z):
    z = np.clip(z, -500, 500)
    return 1 / 1 + np.exp(-z)
''')

# Clips z to [-5, 5], far too tight: S(10) comes out as S(5).
case('02', 'sigmoid', 'refuse', None, ['expected 0.997527, got 0.993307, the right value for z = 5, '], '''
def sigmoid(z):
    z = np.clip(z, -5, 5)
    return 1 / (1 + np.exp(-z))
''')

# The 'stable' np.where form still evaluates both branches, so e^1000 overflows with a warning.
case('02', 'sigmoid', 'refuse', 'overflow', ['overflow encountered in exp: e^z overflows for large |z|.'], '''
def sigmoid(z):
    return np.where(z >= 0, 1 / (1 + np.exp(-z)), np.exp(z) / (1 + np.exp(z)))
''')

# Negates and clips the caller's array in place (np.asarray does not copy), changing their z.
case('02', 'sigmoid', 'refuse', 'in-place', ['`np.negative(z, out=z)`); compute a new array instead (`a = '], '''
def sigmoid(z):
    z = np.asarray(z, dtype=float)
    np.negative(z, out=z)
    np.clip(z, -500, 500, out=z)
    return 1 / (1 + np.exp(z))
''')

# Returns a Python list for arrays (a list comprehension over the flattened input).
case('02', 'sigmoid', 'refuse', 'kind', ["numpy's arithmetic, slicing and indexing with arrays (y[batc"], '''
def sigmoid(z):
    if np.ndim(z) == 0:
        return 1 / (1 + np.exp(-np.clip(z, -500, 500)))
    return [1 / (1 + np.exp(-np.clip(v, -500, 500))) for v in np.ravel(z)]
''')

# Clips then casts to int, so fractional z are truncated: S(0.7) becomes S(0).
case('02', 'sigmoid', 'refuse', None, ['expected 0.622459, got 0.5, the right value for z = 0, as if'], '''
def sigmoid(z):
    z = np.clip(z, -500, 500).astype(int)
    return 1 / (1 + np.exp(-z))
''')

# Computes e^-z / (1 + e^-z), which is S(-z) = 1 - S(z).
case('02', 'sigmoid', 'refuse', 'sign', ['the sign of z is flipped: s(z) = 1 / (1 + e^(-z)).'], '''
def sigmoid(z):
    z = np.clip(z, -500, 500)
    return np.exp(-z) / (1 + np.exp(-z))
''')

# The tanh form 0.5 (1 + tanh(z/2)), which cannot overflow.
case('02', 'sigmoid', 'accept', None, [], '''
def sigmoid(z):
    return 0.5 * (1 + np.tanh(0.5 * np.asarray(z, dtype=float)))
''')

# exp(-logaddexp(0, -z)), stable without clipping.
case('02', 'sigmoid', 'accept', None, [], '''
def sigmoid(z):
    return np.exp(-np.logaddexp(0, -z))
''')

# scipy.special.expit.
case('02', 'sigmoid', 'accept', None, [], '''
from scipy.special import expit
def sigmoid(z):
    return expit(z)
''')

# Returns inside the loop: only the first layer is applied.
case('02', 'feedforward_no_bias', 'refuse', 'skipped-layer', ['the last layer is missing: the answer is what the layers bef'], '''
def feedforward_no_bias(X, weights):
    a = X
    for W in weights:
        a = sigmoid(a @ W)
        return a
''')

# Multiplies W @ a instead of a @ W.
case('02', 'feedforward_no_bias', 'refuse', 'product-order', ['matmul: input operand 1 has a mismatch in its core dimension'], '''
def feedforward_no_bias(X, weights):
    a = X
    for W in weights:
        a = sigmoid(W @ a)
    return a
''')

# Loops over weights[:-1], skipping the last layer.
case('02', 'feedforward_no_bias', 'refuse', 'skipped-layer', ['the last layer is missing: the answer is what the layers bef'], '''
def feedforward_no_bias(X, weights):
    a = X
    for W in weights[:-1]:
        a = sigmoid(a @ W)
    return a
''')

# Uses X instead of a inside the loop (every layer fed the input).
case('02', 'feedforward_no_bias', 'refuse', 'stale-input', ['matmul: input operand 1 has a mismatch in its core dimension'], '''
def feedforward_no_bias(X, weights):
    a = X
    for W in weights:
        a = sigmoid(X @ W)
    return a
''')

# No sigmoid on the output layer (only hidden layers get it).
case('02', 'feedforward_no_bias', 'refuse', 'z-for-activation', ['the sigmoid is missing on the last layer: every layer comput'], '''
def feedforward_no_bias(X, weights):
    a = X
    for W in weights[:-1]:
        a = sigmoid(a @ W)
    return a @ weights[-1]
''')

# Forgets to return.
case('02', 'feedforward_no_bias', 'refuse', None, ['feedforward_no_bias returned none. did you forget the `retur'], '''
def feedforward_no_bias(X, weights):
    a = X
    for W in weights:
        a = sigmoid(a @ W)
''')

# Applies sigmoid before the product: sigmoid(a) @ W.
case('02', 'feedforward_no_bias', 'refuse', None, ['feedforward_no_bias on one layer, x = [0.5], w = [[2.]] (exp'], '''
def feedforward_no_bias(X, weights):
    a = X
    for W in weights:
        a = sigmoid(a) @ W
    return a
''')

# Uses the notebook's global x (the tiny example) instead of the argument X.
case('02', 'feedforward_no_bias', 'refuse', 'state', ['feedforward_no_bias gave the same answer for two different i'], '''
def feedforward_no_bias(X, weights):
    a = x
    for W in weights:
        a = sigmoid(a @ W)
    return a
''')

# Correct loop, but the learner's earlier sigmoid has the sign flipped (e^+z).
case('02', 'feedforward_no_bias', 'refuse', 'earlier-todo', ['the sign of z is flipped: s(z) = 1 / (1 + e^(-z)).'], '''
def feedforward_no_bias(X, weights):
    a = X
    for W in weights:
        a = sigmoid(a @ W)
    return a
''', setup='''
def sigmoid(z):
    z = np.clip(z, -500, 500)
    return 1 / (1 + np.exp(z))
''')

# Multiplies by W.T (thinking of slides' W x), wrong for non-square layers.
case('02', 'feedforward_no_bias', 'refuse', 'product-order', ['shapes (2,) and (3,2) not aligned: 2 (dim 0) != 3 (dim 0)'], '''
def feedforward_no_bias(X, weights):
    a = X
    for W in weights:
        a = sigmoid(np.dot(a, W.T))
    return a
''')

# functools.reduce over the layers.
case('02', 'feedforward_no_bias', 'accept', None, [], '''
from functools import reduce
def feedforward_no_bias(X, weights):
    return reduce(lambda a, W: sigmoid(a @ W), weights, X)
''')

# Recursion with np.matmul.
case('02', 'feedforward_no_bias', 'accept', None, [], '''
def feedforward_no_bias(X, weights):
    if not weights:
        return X
    return feedforward_no_bias(sigmoid(np.matmul(X, weights[0])), weights[1:])
''')

# Adds the bias after the sigmoid: S(aW) + b.
case('02', 'feedforward', 'refuse', 'bias-outside', ['the bias is added after the sigmoid: it goes inside, sigmoid'], '''
def feedforward(X, weights, biases):
    a = X
    for W, b in zip(weights, biases):
        a = sigmoid(a @ W) + b
    return a
''')

# Adds the bias to the weight matrix: S(a (W + b)), which broadcasts silently.
case('02', 'feedforward', 'refuse', None, ['feedforward on one layer, x = [0.5], w = [[2.]], b = [1.] (e'], '''
def feedforward(X, weights, biases):
    a = X
    for W, b in zip(weights, biases):
        a = sigmoid(a @ (W + b))
    return a
''')

# Subtracts the bias: S(aW - b).
case('02', 'feedforward', 'refuse', 'sign', ['the right answer with every bias subtracted: z = a @ w + b a'], '''
def feedforward(X, weights, biases):
    a = X
    for W, b in zip(weights, biases):
        a = sigmoid(a @ W - b)
    return a
''')

# Builds z on top of the bias array itself (z = b; z += aW): changes the caller's biases in place.
case('02', 'feedforward', 'refuse', 'in-place', ['`z += a @ w`); compute a new array instead (`a = a - b` rath'], '''
def feedforward(X, weights, biases):
    a = X
    for W, b in zip(weights, biases):
        z = b
        z += a @ W
        a = sigmoid(z)
    return a
''')

# Keeps the outputs in a global list between calls and returns the first call's result.
case('02', 'feedforward', 'refuse', 'state', ['feedforward gave the same answer for two different inputs (t'], '''
_outputs = []
def feedforward(X, weights, biases):
    a = X
    for W, b in zip(weights, biases):
        a = sigmoid(a @ W + b)
    _outputs.append(a)
    return _outputs[0]
''')

# Linear output layer: the sigmoid only on hidden layers.
case('02', 'feedforward', 'refuse', 'z-for-activation', ['the sigmoid is missing on the last layer: every layer comput'], '''
def feedforward(X, weights, biases):
    a = X
    for W, b in zip(weights[:-1], biases[:-1]):
        a = sigmoid(a @ W + b)
    return a @ weights[-1] + biases[-1]
''')

# Reshapes the bias into a column (-1, 1), so it broadcasts the wrong way.
case('02', 'feedforward', 'refuse', None, ['feedforward on one layer, x = [0.5], w = [[2.]], b = [1.] (e'], '''
def feedforward(X, weights, biases):
    a = X
    for W, b in zip(weights, biases):
        a = sigmoid(a @ W + b.reshape(-1, 1))
    return a
''')

# Pairs the layers with the biases in reverse order.
case('02', 'feedforward', 'refuse', 'wrong-bias', ['each layer adds the bias of the layer before it, biases[l - '], '''
def feedforward(X, weights, biases):
    a = X
    for W, b in zip(weights, biases[::-1]):
        a = sigmoid(a @ W + b)
    return a
''')

# Correct loop, but reuses the learner's earlier sigmoid, which clipped to [-5, 5].
case('02', 'feedforward', 'refuse', 'earlier-todo', ['with a correct sigmoid in its place, your feedforward passes'], '''
def feedforward(X, weights, biases):
    a = X
    for W, b in zip(weights, biases):
        a = sigmoid(a @ W + b)
    return a
''', setup='''
def sigmoid(z):
    z = np.clip(z, -5, 5)
    return 1 / (1 + np.exp(-z))
''')

# Bias as the weight of an extra input of 1s (stack b under W).
case('02', 'feedforward', 'accept', None, [], '''
def feedforward(X, weights, biases):
    a = np.asarray(X, dtype=float)
    for W, b in zip(weights, biases):
        ones = np.ones(a.shape[:-1] + (1,))
        a = sigmoid(np.concatenate([a, ones], axis=-1) @ np.vstack([W, b]))
    return a
''')

# np.einsum for the product.
case('02', 'feedforward', 'accept', None, [], '''
def feedforward(X, weights, biases):
    a = X
    for W, b in zip(weights, biases):
        a = sigmoid(np.einsum("...i,ij->...j", a, W) + b)
    return a
''')

# Y[:, y] = 1 sets whole columns.
case('02', 'one_hot', 'refuse', 'fancy-index', ['every row has a 1 in every labelled column (3 ones per row);'], '''
def one_hot(y, num_classes=10):
    Y = np.zeros((len(y), num_classes))
    Y[:, y] = 1
    return Y
''')

# np.zeros(len(y), num_classes): the shape not given as one tuple.
case('02', 'one_hot', 'refuse', None, ["your one_hot raised typeerror: cannot interpret '10' as a da"], '''
def one_hot(y, num_classes=10):
    Y = np.zeros(len(y), num_classes)
    Y[np.arange(len(y)), y] = 1
    return Y
''')

# Loop over range(len(y) - 1): the last row stays all zeros.
case('02', 'one_hot', 'refuse', 'off-by-one', ['the last row has no 1 (all zeros); every row needs its 1: do'], '''
def one_hot(y, num_classes=10):
    Y = np.zeros((len(y), num_classes))
    for i in range(len(y) - 1):
        Y[i, y[i]] = 1
    return Y
''')

# Hard-codes 10 columns, ignoring num_classes.
case('02', 'one_hot', 'refuse', 'num-classes', ['use num_classes for the number of columns, not 10.'], '''
def one_hot(y, num_classes=10):
    Y = np.zeros((len(y), 10))
    Y[np.arange(len(y)), y] = 1
    return Y
''')

# Row and column index swapped: Y[y, arange] = 1.
case('02', 'one_hot', 'refuse', None, ['your one_hot raised indexerror: index 9 is out of bounds for'], '''
def one_hot(y, num_classes=10):
    Y = np.zeros((len(y), num_classes))
    Y[y, np.arange(len(y))] = 1
    return Y
''')

# Returns a Python list of lists instead of an array.
case('02', 'one_hot', 'refuse', 'kind', ["numpy's arithmetic, slicing and indexing with arrays (y[batc"], '''
def one_hot(y, num_classes=10):
    return [[1 if j == label else 0 for j in range(num_classes)] for label in y]
''')

# Off by one: puts the 1 in column y - 1 (label 0 lands in the last column).
case('02', 'one_hot', 'refuse', 'off-by-one', ['the 1 is one place too early: the digit d has its 1 at index'], '''
def one_hot(y, num_classes=10):
    Y = np.zeros((len(y), num_classes))
    Y[np.arange(len(y)), y - 1] = 1
    return Y
''')

# Reuses one preallocated global buffer without clearing it: 1s from earlier calls stay.
case('02', 'one_hot', 'refuse', 'state', ['one_hot gave two different answers for the same input (y = ['], '''
_buffer = np.zeros((1000, 10))
def one_hot(y, num_classes=10):
    Y = _buffer[:len(y), :num_classes]
    Y[np.arange(len(y)), y] = 1
    return Y
''')

# Sets Y[i] = y[i] (the label's value) instead of a 1 in column y[i].
case('02', 'one_hot', 'refuse', 'formula', ['the labelled places are right (row i, column y[i]), but what'], '''
def one_hot(y, num_classes=10):
    Y = np.zeros((len(y), num_classes))
    for i in range(len(y)):
        Y[i, y[i]] = y[i]
    return Y
''')

# Rows of the identity matrix: np.eye(num_classes)[y].
case('02', 'one_hot', 'accept', None, [], '''
def one_hot(y, num_classes=10):
    return np.eye(num_classes)[y]
''')

# Broadcast comparison with arange, cast to float.
case('02', 'one_hot', 'accept', None, [], '''
def one_hot(y, num_classes=10):
    return (np.asarray(y)[:, None] == np.arange(num_classes)).astype(float)
''')

# Integer (uint8) one-hot: the right 0/1 values in a small integer type.
case('02', 'one_hot', 'accept', None, [], '''
def one_hot(y, num_classes=10):
    Y = np.zeros((len(y), num_classes), dtype=np.uint8)
    Y[np.arange(len(y)), y] = 1
    return Y
''')

# np.argmax without axis: one index for the whole array.
case('02', 'accuracy', 'refuse', 'axis', ['np.argmax without axis gives one index for the whole array ('], '''
def accuracy(outputs, y):
    return float(np.mean(np.argmax(outputs) == y))
''')

# Returns the count of correct rows (sum), not the fraction.
case('02', 'accuracy', 'refuse', 'count', ['accuracy on 20 samples (15 right) returned 15, the number ri'], '''
def accuracy(outputs, y):
    return float(np.sum(np.argmax(outputs, axis=1) == y))
''')

# argmax along axis=0 (per column).
case('02', 'accuracy', 'refuse', 'axis', ['operands could not be broadcast together with shapes (10,) ('], '''
def accuracy(outputs, y):
    return float(np.mean(np.argmax(outputs, axis=0) == y))
''')

# Returns a percentage (times 100).
case('02', 'accuracy', 'refuse', 'percentage', ['a percentage; return the fraction right, between 0 and 1.'], '''
def accuracy(outputs, y):
    return 100 * float(np.mean(np.argmax(outputs, axis=1) == y))
''')

# Compares the largest output's value (np.max) with the label, not its position.
case('02', 'accuracy', 'refuse', None, ['accuracy on 1 sample whose largest outputs are at [3], label'], '''
def accuracy(outputs, y):
    return float(np.mean(np.max(outputs, axis=1) == y))
''')

# Forgets the mean: returns the True/False array.
case('02', 'accuracy', 'refuse', None, ['accuracy on 20 samples returned an array of shape (20,); exp'], '''
def accuracy(outputs, y):
    return np.argmax(outputs, axis=1) == y
''')

# Integer division // of the count by n: always 0 or 1.
case('02', 'accuracy', 'refuse', 'integer-division', ['15 // 20 is 0. // is integer division; divide with / to get '], '''
def accuracy(outputs, y):
    return np.sum(np.argmax(outputs, axis=1) == y) // len(y)
''')

# Loop skips the last row but still divides by n.
case('02', 'accuracy', 'refuse', 'off-by-one', ['leaves out the last row (range(n - 1))'], '''
def accuracy(outputs, y):
    correct = 0
    for i in range(len(y) - 1):
        if np.argmax(outputs[i]) == y[i]:
            correct += 1
    return correct / len(y)
''')

# Rounds the result to 2 decimals.
case('02', 'accuracy', 'refuse', 'rounded', ['the answer is the right one rounded to 2 decimals; return it'], '''
def accuracy(outputs, y):
    return round(float(np.mean(np.argmax(outputs, axis=1) == y)), 2)
''')

# np.count_nonzero over y.size.
case('02', 'accuracy', 'accept', None, [], '''
def accuracy(outputs, y):
    return np.count_nonzero(outputs.argmax(axis=1) == y) / y.size
''')

# A plain loop over the rows with enumerate.
case('02', 'accuracy', 'accept', None, [], '''
def accuracy(outputs, y):
    right = 0
    for row, label in zip(outputs, y):
        right += int(list(row).index(max(row)) == label)
    return right / len(y)
''')

# np.mean divides by n x 10 instead of n.
case('03', 'cost', 'refuse', 'mean-all', ['it divides by every number (4 x 10), not by the number of sa'], '''
def cost(outputs, Y):
    return float(0.5 * np.mean((outputs - Y) ** 2))
''')

# Forgets the 1/2.
case('03', 'cost', 'refuse', 'half', ['the 1/2 is missing: e = 1/2 (o - y)^2.'], '''
def cost(outputs, Y):
    return float(np.sum((outputs - Y) ** 2) / len(Y))
''')

# Forgets to divide by n.
case('03', 'cost', 'refuse', 'scale:n', ['it is the sum over the batch, not the mean: divide by the nu'], '''
def cost(outputs, Y):
    return float(0.5 * np.sum((outputs - Y) ** 2))
''')

# Absolute value instead of the square.
case('03', 'cost', 'refuse', 'formula', ['the difference is not squared.'], '''
def cost(outputs, Y):
    return float(0.5 * np.sum(np.abs(outputs - Y)) / len(Y))
''')

# Divides by the number of outputs (10) instead of samples.
case('03', 'cost', 'refuse', 'axis', ['it divides by the number of outputs (10), not by the number '], '''
def cost(outputs, Y):
    return float(0.5 * np.sum((outputs - Y) ** 2) / outputs.shape[1])
''')

# Sums along axis=1 only: returns one number per sample, an array.
case('03', 'cost', 'refuse', 'shape', ['cost on 4 samples returned shape (4,); expected one number.'], '''
def cost(outputs, Y):
    return 0.5 * np.sum((outputs - Y) ** 2, axis=1) / len(Y)
''')

# Halves inside the square: (0.5 (o - y))^2 is a quarter.
case('03', 'cost', 'refuse', 'scale:2', ['is the 1/2 inside the square'], '''
def cost(outputs, Y):
    return float(np.sum((0.5 * (outputs - Y)) ** 2) / len(Y))
''')

# Uses the norm without squaring it.
case('03', 'cost', 'refuse', None, ['cost on one sample with one output, o = 0.5 and y = 0 (expec'], '''
def cost(outputs, Y):
    return float(0.5 * np.linalg.norm(outputs - Y) / len(Y))
''')

# Loop over samples skipping the first (range(1, n)).
case('03', 'cost', 'refuse', 'off-by-one', ['the right answer without the first sample: a loop that leave'], '''
def cost(outputs, Y):
    total = 0.0
    for i in range(1, len(Y)):
        total += 0.5 * np.sum((outputs[i] - Y[i]) ** 2)
    return total / len(Y)
''')

# einsum of the difference with itself, over 2n.
case('03', 'cost', 'accept', None, [], '''
def cost(outputs, Y):
    d = outputs - Y
    return float(np.einsum("ij,ij->", d, d) / (2 * len(Y)))
''')

# Mean over samples of each row's half sum of squares, with (Y - o).
case('03', 'cost', 'accept', None, [], '''
def cost(outputs, Y):
    return float(np.mean(0.5 * np.sum((Y - outputs) ** 2, axis=1)))
''')

# Applies the formula to z: z (1 - z).
case('03', 'sigmoid_prime', 'refuse', 'activation-for-z', ['it is applied to z itself: compute s = sigmoid(z) first, the'], '''
def sigmoid_prime(z):
    return z * (1 - z)
''')

# Mixes: S(z) (1 - z).
case('03', 'sigmoid_prime', 'refuse', 'formula', ['it has (1 - z) where the formula has (1 - s(z)).'], '''
def sigmoid_prime(z):
    return sigmoid(z) * (1 - z)
''')

# Sign flipped: S (S - 1).
case('03', 'sigmoid_prime', 'refuse', 'sign', ['the negative of the right answer: a sign is flipped somewher'], '''
def sigmoid_prime(z):
    s = sigmoid(z)
    return s * (s - 1)
''')

# Uses the tanh derivative 1 - S^2.
case('03', 'sigmoid_prime', 'refuse', None, ['one number at a time, it is wrong at z = 0: expected 0.25, g'], '''
def sigmoid_prime(z):
    return 1 - sigmoid(z) ** 2
''')

# Overwrites the caller's z with S(z) in place (z[:] = ...), then uses it.
case('03', 'sigmoid_prime', 'refuse', 'in-place', ['`z[...] = sigmoid(z)`); compute a new array instead (`a = a '], '''
def sigmoid_prime(z):
    z[...] = sigmoid(z)
    return z * (1 - z)
''')

# Correct formula, but the learner's own sigmoid clips to [-5, 5]: S'(10) is far too big.
case('03', 'sigmoid_prime', 'refuse', 'earlier-todo', ['with a correct sigmoid in its place, your sigmoid_prime pass'], '''
def sigmoid_prime(z):
    s = sigmoid(z)
    return s * (1 - s)
''', setup='''
def sigmoid(z):
    z = np.clip(z, -5, 5)
    return 1 / (1 + np.exp(-z))
''')

# Squares instead of multiplying by 1 - S: S(z)^2.
case('03', 'sigmoid_prime', 'refuse', None, ['expected 0.235004, got 0.387456.'], '''
def sigmoid_prime(z):
    s = sigmoid(z)
    return s * s
''')

# Rounds the result to 3 decimals to 'keep it tidy'.
case('03', 'sigmoid_prime', 'refuse', 'rounded', ['the answer is the right one rounded to 3 decimals; return it'], '''
def sigmoid_prime(z):
    s = sigmoid(z)
    return np.round(s * (1 - s), 3)
''')

# S(z) S(-z).
case('03', 'sigmoid_prime', 'accept', None, [], '''
def sigmoid_prime(z):
    return sigmoid(z) * sigmoid(-z)
''')

# e^-z / (1 + e^-z)^2 with clipping.
case('03', 'sigmoid_prime', 'accept', None, [], '''
def sigmoid_prime(z):
    z = np.clip(z, -500, 500)
    e = np.exp(-z)
    return e / (1 + e) ** 2
''')

# sigmoid_prime of the activation instead of z.
case('03', 'backprop', 'refuse', 'activation-for-z', ['sigmoid_prime is given activations where z is meant: keep th'], '''
def backprop(X, Y, weights, biases):
    nabla_w = [None] * len(weights)
    nabla_b = [None] * len(biases)

    activations, zs = [X], []
    for W, b in zip(weights, biases):
        zs.append(activations[-1] @ W + b)
        activations.append(sigmoid(zs[-1]))

    delta = (activations[-1] - Y) * sigmoid_prime(activations[-1])
    n = len(X)
    for l in range(len(weights) - 1, -1, -1):
        nabla_w[l] = activations[l].T @ delta / n
        nabla_b[l] = delta.sum(axis=0) / n
        if l > 0:
            delta = (delta @ weights[l].T) * sigmoid_prime(activations[l])
    return nabla_w, nabla_b
''')

# Forgets to divide by n (sums over the batch).
case('03', 'backprop', 'refuse', 'scale:n', ['the gradients are summed over the batch, not averaged: divid'], '''
def backprop(X, Y, weights, biases):
    nabla_w = [None] * len(weights)
    nabla_b = [None] * len(biases)

    activations, zs = [X], []
    for W, b in zip(weights, biases):
        zs.append(activations[-1] @ W + b)
        activations.append(sigmoid(zs[-1]))

    delta = (activations[-1] - Y) * sigmoid_prime(zs[-1])
    for l in range(len(weights) - 1, -1, -1):
        nabla_w[l] = activations[l].T @ delta
        nabla_b[l] = delta.sum(axis=0)
        if l > 0:
            delta = (delta @ weights[l].T) * sigmoid_prime(zs[l - 1])
    return nabla_w, nabla_b
''')

# nabla_w[l] = delta.T @ activations[l]: the transpose of the right shape.
case('03', 'backprop', 'refuse', 'transpose', ['nabla_w[0] has shape (4, 3), expected (3, 4) (the shape of t'], '''
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
        nabla_w[l] = delta.T @ activations[l] / n
        nabla_b[l] = delta.sum(axis=0) / n
        if l > 0:
            delta = (delta @ weights[l].T) * sigmoid_prime(zs[l - 1])
    return nabla_w, nabla_b
''')

# Uses zs[l] (this layer's z) instead of zs[l - 1] for the earlier layer's delta.
case('03', 'backprop', 'refuse', 'wrong-layer', ['operands could not be broadcast together with shapes (5,4) ('], '''
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
            delta = (delta @ weights[l].T) * sigmoid_prime(zs[l])
    return nabla_w, nabla_b
''')

# Moves delta back one layer before using it for this layer's gradients.
case('03', 'backprop', 'refuse', 'wrong-layer', ['matmul: input operand 1 has a mismatch in its core dimension'], '''
def backprop(X, Y, weights, biases):
    nabla_w = [None] * len(weights)
    nabla_b = [None] * len(biases)

    activations, zs = [X], []
    for W, b in zip(weights, biases):
        zs.append(activations[-1] @ W + b)
        activations.append(sigmoid(zs[-1]))

    delta = (activations[-1] - Y) * sigmoid_prime(zs[-1])
    n = len(X)
    nabla_w[-1] = activations[-2].T @ delta / n
    nabla_b[-1] = delta.sum(axis=0) / n
    for l in range(len(weights) - 2, -1, -1):
        delta = (delta @ weights[l].T) * sigmoid_prime(zs[l])
        nabla_w[l] = activations[l].T @ delta / n
        nabla_b[l] = delta.sum(axis=0) / n
    return nabla_w, nabla_b
''')

# nabla_b averages along axis=1 (per sample) instead of over the samples.
case('03', 'backprop', 'refuse', 'axis', ['nabla_b[0] has shape (5,), one number per sample; expected ('], '''
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
        nabla_b[l] = delta.mean(axis=1)
        if l > 0:
            delta = (delta @ weights[l].T) * sigmoid_prime(zs[l - 1])
    return nabla_w, nabla_b
''')

# Forward pass leaves out the biases.
case('03', 'backprop', 'refuse', 'no-bias', ['the gradient of a network without biases: the forward pass l'], '''
def backprop(X, Y, weights, biases):
    nabla_w = [None] * len(weights)
    nabla_b = [None] * len(biases)

    activations, zs = [X], []
    for W in weights:
        zs.append(activations[-1] @ W)
        activations.append(sigmoid(zs[-1]))

    delta = (activations[-1] - Y) * sigmoid_prime(zs[-1])
    n = len(X)
    for l in range(len(weights) - 1, -1, -1):
        nabla_w[l] = activations[l].T @ delta / n
        nabla_b[l] = delta.sum(axis=0) / n
        if l > 0:
            delta = (delta @ weights[l].T) * sigmoid_prime(zs[l - 1])
    return nabla_w, nabla_b
''')

# Stops the backward loop at l = 1: the first layer's gradients stay None.
case('03', 'backprop', 'refuse', 'skipped-layer', ['nabla_w[0] is still none: the backward loop stopped before l'], '''
def backprop(X, Y, weights, biases):
    nabla_w = [None] * len(weights)
    nabla_b = [None] * len(biases)

    activations, zs = [X], []
    for W, b in zip(weights, biases):
        zs.append(activations[-1] @ W + b)
        activations.append(sigmoid(zs[-1]))

    delta = (activations[-1] - Y) * sigmoid_prime(zs[-1])
    n = len(X)
    for l in range(len(weights) - 1, 0, -1):
        nabla_w[l] = activations[l].T @ delta / n
        nabla_b[l] = delta.sum(axis=0) / n
        delta = (delta @ weights[l].T) * sigmoid_prime(zs[l - 1])
    return nabla_w, nabla_b
''')

# Output error with the sign flipped: Y - a.
case('03', 'backprop', 'refuse', 'sign', ['the negative of the right answer: a sign is flipped somewher'], '''
def backprop(X, Y, weights, biases):
    nabla_w = [None] * len(weights)
    nabla_b = [None] * len(biases)

    activations, zs = [X], []
    for W, b in zip(weights, biases):
        zs.append(activations[-1] @ W + b)
        activations.append(sigmoid(zs[-1]))

    delta = (Y - activations[-1]) * sigmoid_prime(zs[-1])
    n = len(X)
    for l in range(len(weights) - 1, -1, -1):
        nabla_w[l] = activations[l].T @ delta / n
        nabla_b[l] = delta.sum(axis=0) / n
        if l > 0:
            delta = (delta @ weights[l].T) * sigmoid_prime(zs[l - 1])
    return nabla_w, nabla_b
''')

# nabla_b keeps dims: shape (1, n_out) instead of (n_out,).
case('03', 'backprop', 'refuse', None, ['look at what differs for those.'], '''
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
        nabla_b[l] = delta.sum(axis=0, keepdims=True) / n
        if l > 0:
            delta = (delta @ weights[l].T) * sigmoid_prime(zs[l - 1])
    return nabla_w, nabla_b
''')

# Propagates delta with weights[l - 1].T (the earlier layer's matrix).
case('03', 'backprop', 'refuse', 'wrong-layer', ['matmul: input operand 1 has a mismatch in its core dimension'], '''
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
            delta = (delta @ weights[l - 1].T) * sigmoid_prime(zs[l - 1])
    return nabla_w, nabla_b
''')

# Correct code, but the learner's own sigmoid_prime from above is z (1 - z).
case('03', 'backprop', 'refuse', 'earlier-todo', ['it is applied to z itself: compute s = sigmoid(z) first, the'], '''
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
''', setup='''
def sigmoid_prime(z):
    return z * (1 - z)
''')

# Gradients averaged over n twice (delta divided by n, then nabla divided by n again).
case('03', 'backprop', 'refuse', 'scale:n', ['the right answer divided by 5: divided by the number of samp'], '''
def backprop(X, Y, weights, biases):
    nabla_w = [None] * len(weights)
    nabla_b = [None] * len(biases)

    activations, zs = [X], []
    for W, b in zip(weights, biases):
        zs.append(activations[-1] @ W + b)
        activations.append(sigmoid(zs[-1]))

    n = len(X)
    delta = (activations[-1] - Y) * sigmoid_prime(zs[-1]) / n
    for l in range(len(weights) - 1, -1, -1):
        nabla_w[l] = activations[l].T @ delta / n
        nabla_b[l] = delta.sum(axis=0) / n
        if l > 0:
            delta = (delta @ weights[l].T) * sigmoid_prime(zs[l - 1])
    return nabla_w, nabla_b
''')

# S'(z) taken as a (1 - a) from the kept activations, gradients with einsum.
case('03', 'backprop', 'accept', None, [], '''
def backprop(X, Y, weights, biases):
    nabla_w = [None] * len(weights)
    nabla_b = [None] * len(biases)

    activations, zs = [X], []
    for W, b in zip(weights, biases):
        zs.append(activations[-1] @ W + b)
        activations.append(sigmoid(zs[-1]))

    delta = (activations[-1] - Y) * activations[-1] * (1 - activations[-1])
    n = X.shape[0]
    for l in reversed(range(len(weights))):
        nabla_w[l] = np.einsum("ni,nj->ij", activations[l], delta) / n
        nabla_b[l] = np.mean(delta, axis=0)
        if l:
            a = activations[l]
            delta = (delta @ weights[l].T) * a * (1 - a)
    return nabla_w, nabla_b
''')

# Per-sample loop summing outer products, then dividing by n.
case('03', 'backprop', 'accept', None, [], '''
def backprop(X, Y, weights, biases):
    nabla_w = [None] * len(weights)
    nabla_b = [None] * len(biases)

    activations, zs = [X], []
    for W, b in zip(weights, biases):
        zs.append(activations[-1] @ W + b)
        activations.append(sigmoid(zs[-1]))

    n = len(X)
    L = len(weights)
    for l in range(L):
        nabla_w[l] = np.zeros_like(weights[l])
        nabla_b[l] = np.zeros_like(biases[l])
    for k in range(n):
        delta = (activations[-1][k] - Y[k]) * sigmoid_prime(zs[-1][k])
        for l in range(L - 1, -1, -1):
            nabla_w[l] += np.outer(activations[l][k], delta) / n
            nabla_b[l] += delta / n
            if l > 0:
                delta = (weights[l] @ delta) * sigmoid_prime(zs[l - 1][k])
    return nabla_w, nabla_b
''')

# for W, nW in zip(...): W = W - eta nW rebinds the name, the list keeps the old arrays.
case('04', 'update_mini_batch', 'refuse', 'rebinding', ['the weights and biases did not change.'], '''
def update_mini_batch(weights, biases, X_batch, Y_batch, eta):
    nabla_w, nabla_b = backprop(X_batch, Y_batch, weights, biases)
    for W, nW in zip(weights, nabla_w):
        W = W - eta * nW
    for b, nb in zip(biases, nabla_b):
        b = b - eta * nb
''')

# Plus instead of minus: climbs uphill.
case('04', 'update_mini_batch', 'refuse', 'sign', ['the step goes uphill: subtract the gradient, w = w - eta * n'], '''
def update_mini_batch(weights, biases, X_batch, Y_batch, eta):
    nabla_w, nabla_b = backprop(X_batch, Y_batch, weights, biases)
    for l in range(len(weights)):
        weights[l] += eta * nabla_w[l]
        biases[l] += eta * nabla_b[l]
''')

# weights = [...] rebinds the local name; the caller's list is unchanged.
case('04', 'update_mini_batch', 'refuse', 'rebinding', ["makes a new list and gives it the name weights; the caller's"], '''
def update_mini_batch(weights, biases, X_batch, Y_batch, eta):
    nabla_w, nabla_b = backprop(X_batch, Y_batch, weights, biases)
    weights = [W - eta * nW for W, nW in zip(weights, nabla_w)]
    biases = [b - eta * nb for b, nb in zip(biases, nabla_b)]
''')

# Forgets the biases.
case('04', 'update_mini_batch', 'refuse', 'not-updated', ['biases[0] did not change. update every weight matrix and eve'], '''
def update_mini_batch(weights, biases, X_batch, Y_batch, eta):
    nabla_w, nabla_b = backprop(X_batch, Y_batch, weights, biases)
    for l in range(len(weights)):
        weights[l] -= eta * nabla_w[l]
''')

# range(len(weights) - 1): the last layer is never updated.
case('04', 'update_mini_batch', 'refuse', 'skipped-layer', ['weights[1] did not change. update every weight matrix and ev'], '''
def update_mini_batch(weights, biases, X_batch, Y_batch, eta):
    nabla_w, nabla_b = backprop(X_batch, Y_batch, weights, biases)
    for l in range(len(weights) - 1):
        weights[l] -= eta * nabla_w[l]
        biases[l] -= eta * nabla_b[l]
''')

# Subtracts the bias gradient from the weights (broadcasts silently).
case('04', 'update_mini_batch', 'refuse', None, ['what differs for those?'], '''
def update_mini_batch(weights, biases, X_batch, Y_batch, eta):
    nabla_w, nabla_b = backprop(X_batch, Y_batch, weights, biases)
    for l in range(len(weights)):
        weights[l] -= eta * nabla_b[l]
        biases[l] -= eta * nabla_b[l]
''')

# Calls backprop again inside the layer loop, after earlier layers already moved.
case('04', 'update_mini_batch', 'refuse', 'moved', ['the step of a gradient computed again after other parameters'], '''
def update_mini_batch(weights, biases, X_batch, Y_batch, eta):
    for l in range(len(weights)):
        nabla_w, nabla_b = backprop(X_batch, Y_batch, weights, biases)
        weights[l] -= eta * nabla_w[l]
        biases[l] -= eta * nabla_b[l]
''')

# Divides eta by the batch size again, though backprop already averages.
case('04', 'update_mini_batch', 'refuse', 'scale:n', ['the right answer divided by 6: divided by the number of samp'], '''
def update_mini_batch(weights, biases, X_batch, Y_batch, eta):
    nabla_w, nabla_b = backprop(X_batch, Y_batch, weights, biases)
    m = len(X_batch)
    for l in range(len(weights)):
        weights[l] -= eta / m * nabla_w[l]
        biases[l] -= eta / m * nabla_b[l]
''')

# Returns the new lists instead of changing the arrays in place.
case('04', 'update_mini_batch', 'refuse', 'rebinding', ['update_mini_batch on a [4, 5, 3] network, a batch of 6, eta '], '''
def update_mini_batch(weights, biases, X_batch, Y_batch, eta):
    nabla_w, nabla_b = backprop(X_batch, Y_batch, weights, biases)
    return ([W - eta * nW for W, nW in zip(weights, nabla_w)],
            [b - eta * nb for b, nb in zip(biases, nabla_b)])
''')

# Swaps X_batch and Y_batch in the backprop call.
case('04', 'update_mini_batch', 'refuse', None, ['matmul: input operand 1 has a mismatch in its core dimension'], '''
def update_mini_batch(weights, biases, X_batch, Y_batch, eta):
    nabla_w, nabla_b = backprop(Y_batch, X_batch, weights, biases)
    for l in range(len(weights)):
        weights[l] -= eta * nabla_w[l]
        biases[l] -= eta * nabla_b[l]
''')

# Slice assignment weights[:] = [...] replaces the list's contents.
case('04', 'update_mini_batch', 'accept', None, [], '''
def update_mini_batch(weights, biases, X_batch, Y_batch, eta):
    nabla_w, nabla_b = backprop(X_batch, Y_batch, weights, biases)
    weights[:] = [W - eta * nW for W, nW in zip(weights, nabla_w)]
    biases[:] = [b - eta * nb for b, nb in zip(biases, nabla_b)]
''')

# np.subtract with out= over zipped arrays.
case('04', 'update_mini_batch', 'accept', None, [], '''
def update_mini_batch(weights, biases, X_batch, Y_batch, eta):
    nabla_w, nabla_b = backprop(X_batch, Y_batch, weights, biases)
    for p, g in zip(weights + biases, nabla_w + nabla_b):
        np.subtract(p, eta * g, out=p)
''')

# Shuffles X in place with rng.shuffle but not the labels: images and labels separated.
case('04', 'sgd', 'refuse', 'in-place', ['`rng.shuffle(x)`); compute a new array instead (`a = a - b` '], '''
def sgd(weights, biases, X, y, epochs, batch_size, eta, rng):
    Y = one_hot(y)
    for epoch in range(epochs):
        rng.shuffle(X)
        for start in range(0, len(X), batch_size):
            update_mini_batch(weights, biases, X[start:start + batch_size], Y[start:start + batch_size], eta)
''')

# Shuffles once, before the epoch loop: every epoch uses the same order.
case('04', 'sgd', 'refuse', 'same-order', ['every epoch used the same order. shuffle again at the start '], '''
def sgd(weights, biases, X, y, epochs, batch_size, eta, rng):
    Y = one_hot(y)
    order = rng.permutation(len(X))
    for epoch in range(epochs):
        for start in range(0, len(X), batch_size):
            batch = order[start:start + batch_size]
            update_mini_batch(weights, biases, X[batch], Y[batch], eta)
''')

# range(0, len(X) - batch_size, batch_size) skips the last mini-batch.
case('04', 'sgd', 'refuse', 'last-batch-dropped', ['sgd on 50 images, epochs=2, batch_size=15 (its last mini-bat'], '''
def sgd(weights, biases, X, y, epochs, batch_size, eta, rng):
    Y = one_hot(y)
    for epoch in range(epochs):
        order = rng.permutation(len(X))
        for start in range(0, len(X) - batch_size, batch_size):
            batch = order[start:start + batch_size]
            update_mini_batch(weights, biases, X[batch], Y[batch], eta)
''')

# Makes the shuffled order but slices X and Y directly by position (no shuffle in effect).
case('04', 'sgd', 'refuse', 'not-shuffled', ['the images were not shuffled; epoch 1 went through them in t'], '''
def sgd(weights, biases, X, y, epochs, batch_size, eta, rng):
    Y = one_hot(y)
    for epoch in range(epochs):
        order = rng.permutation(len(X))
        for start in range(0, len(X), batch_size):
            update_mini_batch(weights, biases, X[start:start + batch_size], Y[start:start + batch_size], eta)
''')

# len(X) // batch_size mini-batches: drops the smaller last one.
case('04', 'sgd', 'refuse', 'last-batch-dropped', ['sgd on 50 images, epochs=2, batch_size=15 (its last mini-bat'], '''
def sgd(weights, biases, X, y, epochs, batch_size, eta, rng):
    Y = one_hot(y)
    for epoch in range(epochs):
        order = rng.permutation(len(X))
        for k in range(len(X) // batch_size):
            batch = order[k * batch_size:(k + 1) * batch_size]
            update_mini_batch(weights, biases, X[batch], Y[batch], eta)
''')

# Passes the labels y[batch] instead of the one-hot Y[batch].
case('04', 'sgd', 'refuse', 'not-one-hot', ['the digits themselves; update_mini_batch needs them one-hot:'], '''
def sgd(weights, biases, X, y, epochs, batch_size, eta, rng):
    Y = one_hot(y)
    for epoch in range(epochs):
        order = rng.permutation(len(X))
        for start in range(0, len(X), batch_size):
            batch = order[start:start + batch_size]
            update_mini_batch(weights, biases, X[batch], y[batch], eta)
''')

# Uses np.random.permutation (global) instead of rng: not reproducible.
case('04', 'sgd', 'refuse', 'global-rng', ["it draws from numpy's global random state (np.random...) ins"], '''
def sgd(weights, biases, X, y, epochs, batch_size, eta, rng):
    Y = one_hot(y)
    for epoch in range(epochs):
        order = np.random.permutation(len(X))
        for start in range(0, len(X), batch_size):
            batch = order[start:start + batch_size]
            update_mini_batch(weights, biases, X[batch], Y[batch], eta)
''')

# range(epochs - 1): one epoch too few.
case('04', 'sgd', 'refuse', None, ['sgd on 50 images, epochs=2, batch_size=15 (its last mini-bat'], '''
def sgd(weights, biases, X, y, epochs, batch_size, eta, rng):
    Y = one_hot(y)
    for epoch in range(epochs - 1):
        order = rng.permutation(len(X))
        for start in range(0, len(X), batch_size):
            batch = order[start:start + batch_size]
            update_mini_batch(weights, biases, X[batch], Y[batch], eta)
''')

# order[start:batch_size] (forgot start +): after the first, mini-batches are empty.
case('04', 'sgd', 'refuse', 'shape', ['epoch 1 used mini-batches of sizes [15, 0, 0, 0]; expected ['], '''
def sgd(weights, biases, X, y, epochs, batch_size, eta, rng):
    Y = one_hot(y)
    for epoch in range(epochs):
        order = rng.permutation(len(X))
        for start in range(0, len(X), batch_size):
            batch = order[start:batch_size]
            update_mini_batch(weights, biases, X[batch], Y[batch], eta)
''')

# np.array_split into ceil(n / batch_size) pieces: equal-ish sizes, not batch_size each.
case('04', 'sgd', 'refuse', 'shape', ['epoch 1 used mini-batches of sizes [13, 13, 12, 12]; expecte'], '''
def sgd(weights, biases, X, y, epochs, batch_size, eta, rng):
    Y = one_hot(y)
    for epoch in range(epochs):
        order = rng.permutation(len(X))
        for batch in np.array_split(order, int(np.ceil(len(X) / batch_size))):
            update_mini_batch(weights, biases, X[batch], Y[batch], eta)
''')

# Steps by 1 instead of batch_size: overlapping mini-batches, n steps per epoch.
case('04', 'sgd', 'refuse', None, ['sgd on 50 images, epochs=2, batch_size=15 (its last mini-bat'], '''
def sgd(weights, biases, X, y, epochs, batch_size, eta, rng):
    Y = one_hot(y)
    for epoch in range(epochs):
        order = rng.permutation(len(X))
        for start in range(len(X)):
            batch = order[start:start + batch_size]
            update_mini_batch(weights, biases, X[batch], Y[batch], eta)
''')

# Shuffles with rng.permutation(X) (the images themselves), then one-hots y in the old order.
case('04', 'sgd', 'refuse', 'labels-unshuffled', ['the labels of the first 15 images in their stored order, not'], '''
def sgd(weights, biases, X, y, epochs, batch_size, eta, rng):
    Y = one_hot(y)
    for epoch in range(epochs):
        Xs = rng.permutation(X)
        for start in range(0, len(X), batch_size):
            update_mini_batch(weights, biases, Xs[start:start + batch_size], Y[start:start + batch_size], eta)
''')

# A while loop over the shuffled order, one-hot via the reference helper.
case('04', 'sgd', 'accept', None, [], '''
def sgd(weights, biases, X, y, epochs, batch_size, eta, rng):
    Y = helpers.one_hot(y)
    n = X.shape[0]
    epoch = 0
    while epoch < epochs:
        order = rng.permutation(n)
        start = 0
        while start < n:
            rows = order[start:min(start + batch_size, n)]
            update_mini_batch(weights, biases, X[rows], Y[rows], eta)
            start += batch_size
        epoch += 1
''')

# np.split at multiples of batch_size.
case('04', 'sgd', 'accept', None, [], '''
def sgd(weights, biases, X, y, epochs, batch_size, eta, rng):
    Y = one_hot(y)
    for _ in range(epochs):
        order = rng.permutation(len(X))
        for rows in np.split(order, np.arange(batch_size, len(X), batch_size)):
            update_mini_batch(weights, biases, X[rows], Y[rows], eta)
''')

# Chooses by the final training accuracy, not validation.
case('05', 'best_of_seeds', 'refuse', 'chose-training', ['best_of_seeds with sizes [784, 30, 10], epochs 4, batch_size'], '''
def best_of_seeds(sizes, X, y, validation, epochs, batch_size, eta, seeds):
    runs = []
    for seed in seeds:
        net = helpers.Network(sizes, seed=seed)
        runs.append((net, net.sgd(X, y, epochs, batch_size, eta, validation=validation)))
    return max(runs, key=lambda run: run[1]["train_accuracy"][-1])
''')

# Chooses by the best validation accuracy of any epoch, not the final one.
case('05', 'best_of_seeds', 'refuse', 'best-epoch', ['best_of_seeds with sizes [784, 30, 10], epochs 4, batch_size'], '''
def best_of_seeds(sizes, X, y, validation, epochs, batch_size, eta, seeds):
    runs = []
    for seed in seeds:
        net = helpers.Network(sizes, seed=seed)
        runs.append((net, net.sgd(X, y, epochs, batch_size, eta, validation=validation)))
    return max(runs, key=lambda run: max(run[1]["val_accuracy"]))
''')

# Forgets validation=validation in sgd.
case('05', 'best_of_seeds', 'refuse', None, ['your best_of_seeds raised indexerror: list index out of rang'], '''
def best_of_seeds(sizes, X, y, validation, epochs, batch_size, eta, seeds):
    runs = []
    for seed in seeds:
        net = helpers.Network(sizes, seed=seed)
        runs.append((net, net.sgd(X, y, epochs, batch_size, eta)))
    return max(runs, key=lambda run: run[1]["val_accuracy"][-1])
''')

# Returns only the network, not the pair.
case('05', 'best_of_seeds', 'refuse', None, ['best_of_seeds with sizes [784, 30, 10], epochs 4, batch_size'], '''
def best_of_seeds(sizes, X, y, validation, epochs, batch_size, eta, seeds):
    runs = []
    for seed in seeds:
        net = helpers.Network(sizes, seed=seed)
        runs.append((net, net.sgd(X, y, epochs, batch_size, eta, validation=validation)))
    return max(runs, key=lambda run: run[1]["val_accuracy"][-1])[0]
''')

# Makes one network before the loop and keeps training it for every seed.
case('05', 'best_of_seeds', 'refuse', 'seed-ignored', ['best_of_seeds with sizes [784, 30, 10], epochs 4, batch_size'], '''
def best_of_seeds(sizes, X, y, validation, epochs, batch_size, eta, seeds):
    net = helpers.Network(sizes, seed=seeds[0])
    runs = []
    for seed in seeds:
        runs.append((net, net.sgd(X, y, epochs, batch_size, eta, validation=validation)))
    return max(runs, key=lambda run: run[1]["val_accuracy"][-1])
''')

# min instead of max: keeps the worst run.
case('05', 'best_of_seeds', 'refuse', 'chose-min', ['best_of_seeds with sizes [784, 30, 10], epochs 4, batch_size'], '''
def best_of_seeds(sizes, X, y, validation, epochs, batch_size, eta, seeds):
    runs = []
    for seed in seeds:
        net = helpers.Network(sizes, seed=seed)
        runs.append((net, net.sgd(X, y, epochs, batch_size, eta, validation=validation)))
    return min(runs, key=lambda run: run[1]["val_accuracy"][-1])
''')

# Returns the pair in the wrong order: (history, net).
case('05', 'best_of_seeds', 'refuse', 'order', ['best_of_seeds with sizes [784, 30, 10], epochs 4, batch_size'], '''
def best_of_seeds(sizes, X, y, validation, epochs, batch_size, eta, seeds):
    runs = []
    for seed in seeds:
        net = helpers.Network(sizes, seed=seed)
        runs.append((net.sgd(X, y, epochs, batch_size, eta, validation=validation), net))
    return max(runs, key=lambda run: run[0]["val_accuracy"][-1])
''')

# Never updates best_accuracy, so it returns the last run (every accuracy beats 0).
case('05', 'best_of_seeds', 'refuse', 'chose-last', ['best_of_seeds with sizes [784, 30, 10], epochs 4, batch_size'], '''
def best_of_seeds(sizes, X, y, validation, epochs, batch_size, eta, seeds):
    best, best_accuracy = None, 0.0
    for seed in seeds:
        net = helpers.Network(sizes, seed=seed)
        history = net.sgd(X, y, epochs, batch_size, eta, validation=validation)
        if history["val_accuracy"][-1] > best_accuracy:
            best = (net, history)
    return best
''')

# Forgets seed=seed: every network starts from the default seed.
case('05', 'best_of_seeds', 'refuse', 'seed-ignored', ['best_of_seeds with sizes [784, 30, 10], epochs 4, batch_size'], '''
def best_of_seeds(sizes, X, y, validation, epochs, batch_size, eta, seeds):
    runs = []
    for seed in seeds:
        net = helpers.Network(sizes)
        runs.append((net, net.sgd(X, y, epochs, batch_size, eta, validation=validation)))
    return max(runs, key=lambda run: run[1]["val_accuracy"][-1])
''')

# Chooses by the lowest final training cost.
case('05', 'best_of_seeds', 'refuse', 'chose-training', ['best_of_seeds with sizes [784, 30, 10], epochs 4, batch_size'], '''
def best_of_seeds(sizes, X, y, validation, epochs, batch_size, eta, seeds):
    runs = []
    for seed in seeds:
        net = helpers.Network(sizes, seed=seed)
        runs.append((net, net.sgd(X, y, epochs, batch_size, eta, validation=validation)))
    return min(runs, key=lambda run: run[1]["cost"][-1] if "cost" in run[1] else run[1]["train_cost"][-1])
''')

# Trains on the validation set (sgd(*validation, ...)).
case('05', 'best_of_seeds', 'refuse', None, ['best_of_seeds with sizes [784, 30, 10], epochs 4, batch_size'], '''
def best_of_seeds(sizes, X, y, validation, epochs, batch_size, eta, seeds):
    runs = []
    for seed in seeds:
        net = helpers.Network(sizes, seed=seed)
        runs.append((net, net.sgd(*validation, epochs, batch_size, eta, validation=validation)))
    return max(runs, key=lambda run: run[1]["val_accuracy"][-1])
''')

# Keeps the best while looping, comparing with >, from -1.
case('05', 'best_of_seeds', 'accept', None, [], '''
def best_of_seeds(sizes, X, y, validation, epochs, batch_size, eta, seeds):
    best_score, best_run = -1.0, None
    for seed in seeds:
        net = helpers.Network(sizes, seed=seed)
        history = net.sgd(X, y, epochs, batch_size, eta, validation=validation)
        if history["val_accuracy"][-1] > best_score:
            best_score, best_run = history["val_accuracy"][-1], (net, history)
    return best_run
''')

# np.argmax over a list of final accuracies.
case('05', 'best_of_seeds', 'accept', None, [], '''
def best_of_seeds(sizes, X, y, validation, epochs, batch_size, eta, seeds):
    nets = [helpers.Network(sizes, seed=s) for s in seeds]
    histories = [n.sgd(X, y, epochs, batch_size, eta, validation=validation) for n in nets]
    k = int(np.argmax([h["val_accuracy"][-1] for h in histories]))
    return nets[k], histories[k]
''')

# Works along axis=0 (columns) for both the max and the sum.
case('07', 'softmax', 'refuse', 'axis', ['it normalises each column; each row (one sample) must add up'], '''
def softmax(Z):
    E = np.exp(Z - Z.max(axis=0, keepdims=True))
    return E / E.sum(axis=0, keepdims=True)
''')

# No keepdims: the (n,) row maxima and sums line up with the columns.
case('07', 'softmax', 'refuse', None, ['its rows add up to [  6.5149   0.8949 130.2574]; softmax mak'], '''
def softmax(Z):
    E = np.exp(Z - Z.max(axis=1))
    return E / E.sum(axis=1)
''')

# Does not subtract the maximum: overflows for large z.
case('07', 'softmax', 'refuse', 'overflow', ['e^z overflows for large |z|.'], '''
def softmax(Z):
    E = np.exp(Z)
    return E / E.sum(axis=1, keepdims=True)
''')

# Subtracts the maximum of the whole array, not each row's: far-below rows underflow to 0/0.
case('07', 'softmax', 'refuse', 'global-max', ['it subtracts the largest z of the whole batch; subtract each'], '''
def softmax(Z):
    E = np.exp(Z - Z.max())
    return E / E.sum(axis=1, keepdims=True)
''')

# Divides by the sum of the z's, not of the exponentials.
case('07', 'softmax', 'refuse', None, ['its rows add up to [ 0.2505 -3.6593  0.1754]; softmax makes '], '''
def softmax(Z):
    E = np.exp(Z - Z.max(axis=1, keepdims=True))
    return E / Z.sum(axis=1, keepdims=True)
''')

# Divides by the sum of the whole array: rows do not add up to 1.
case('07', 'softmax', 'refuse', None, ['its rows add up to [0.3428 0.4172 0.24  ]; softmax makes eve'], '''
def softmax(Z):
    E = np.exp(Z - Z.max(axis=1, keepdims=True))
    return E / E.sum()
''')

# Subtracts each row's minimum instead of its maximum: still overflows.
case('07', 'softmax', 'refuse', 'overflow', ['e^z overflows for large |z|.'], '''
def softmax(Z):
    E = np.exp(Z - Z.min(axis=1, keepdims=True))
    return E / E.sum(axis=1, keepdims=True)
''')

# Subtracts the row maxima in place (Z -= ...): changes the caller's Z.
case('07', 'softmax', 'refuse', 'in-place', ['`z -= z.max(axis=1, keepdims=true)`); compute a new array in'], '''
def softmax(Z):
    Z -= Z.max(axis=1, keepdims=True)
    E = np.exp(Z)
    return E / E.sum(axis=1, keepdims=True)
''')

# Uses the sigmoid on each z instead of the exponential share (rows do not add up to 1).
case('07', 'softmax', 'refuse', None, ['its rows add up to [2.5644 1.3914 2.143 ]; softmax makes eve'], '''
def softmax(Z):
    return 1 / (1 + np.exp(-np.clip(Z, -500, 500)))
''')

# scipy.special.softmax along axis 1.
case('07', 'softmax', 'accept', None, [], '''
from scipy.special import softmax as _sp_softmax
def softmax(Z):
    return _sp_softmax(Z, axis=1)
''')

# exp(Z - logsumexp) per row, with a row loop.
case('07', 'softmax', 'accept', None, [], '''
def softmax(Z):
    out = np.empty_like(Z, dtype=float)
    for i, row in enumerate(Z):
        m = row.max()
        lse = m + np.log(np.sum(np.exp(row - m)))
        out[i] = np.exp(row - lse)
    return out
''')

# np.mean over all elements divides by n x k.
case('07', 'cross_entropy', 'refuse', 'mean-all', ['it divides by every number (4 x 3), not by the number of sam'], '''
def cross_entropy(outputs, Y):
    return float(-np.mean(Y * np.log(outputs)))
''')

# Missing the minus sign.
case('07', 'cross_entropy', 'refuse', 'sign', ['the minus sign is missing: log of a probability is negative,'], '''
def cross_entropy(outputs, Y):
    return float(np.sum(Y * np.log(outputs)) / len(Y))
''')

# log10 instead of the natural log.
case('07', 'cross_entropy', 'refuse', 'log10', ['it uses log10; ln o_j is the natural logarithm, np.log.'], '''
def cross_entropy(outputs, Y):
    return float(-np.sum(Y * np.log10(outputs)) / len(Y))
''')

# Forgets Y: sums the logs of all outputs.
case('07', 'cross_entropy', 'refuse', 'formula', ['it takes the log of every output; only the output of the rig'], '''
def cross_entropy(outputs, Y):
    return float(-np.sum(np.log(outputs)) / len(Y))
''')

# Returns one cost per sample (sum along axis=1 only).
case('07', 'cross_entropy', 'refuse', None, ['cross_entropy on 4 samples returned shape (4,); expected one'], '''
def cross_entropy(outputs, Y):
    return -np.sum(Y * np.log(outputs), axis=1)
''')

# Divides by the number of classes (Y.shape[1]).
case('07', 'cross_entropy', 'refuse', None, ['4/3 of the right one: divided by the number of outputs (3) w'], '''
def cross_entropy(outputs, Y):
    return float(-np.sum(Y * np.log(outputs)) / Y.shape[1])
''')

# Uses the binary formula with (1 - y) ln(1 - o) terms for all ten outputs.
case('07', 'cross_entropy', 'refuse', None, ['cross_entropy on one sample, o = [0.5 0.25 0.25], y = [1 0 0'], '''
def cross_entropy(outputs, Y):
    return float(-np.sum(Y * np.log(outputs) + (1 - Y) * np.log(1 - outputs)) / len(Y))
''')

# Arguments mixed up: Y ln-of-outputs swapped to outputs * ln(Y) with a clip.
case('07', 'cross_entropy', 'refuse', None, ['cross_entropy on one sample, o = [0.5 0.25 0.25], y = [1 0 0'], '''
def cross_entropy(outputs, Y):
    return float(-np.sum(outputs * np.log(np.clip(Y, 1e-12, 1))) / len(Y))
''')

# Picks the right digit's output with fancy indexing, then the mean of -ln.
case('07', 'cross_entropy', 'accept', None, [], '''
def cross_entropy(outputs, Y):
    rows = np.arange(len(Y))
    return float(-np.mean(np.log(outputs[rows, Y.argmax(axis=1)])))
''')

# einsum of Y with log(outputs), with a tiny epsilon inside the log.
case('07', 'cross_entropy', 'accept', None, [], '''
def cross_entropy(outputs, Y):
    return -np.einsum("ij,ij->", Y, np.log(outputs + 1e-12)) / Y.shape[0]
''')

# Divides by n_in (variance) instead of sqrt(n_in).
case('07', 'scaled_weights', 'refuse', 'scale:n', ['they are divided by n_in, not by its square root.'], '''
def scaled_weights(n_in, n_out, rng):
    return rng.standard_normal((n_in, n_out)) / n_in
''')

# Multiplies by sqrt(n_in) instead of dividing.
case('07', 'scaled_weights', 'refuse', 'scale:n', ['they are multiplied by sqrt(n_in); divide by it.'], '''
def scaled_weights(n_in, n_out, rng):
    return rng.standard_normal((n_in, n_out)) * np.sqrt(n_in)
''')

# Shape (n_out, n_in), transposed.
case('07', 'scaled_weights', 'refuse', 'transpose', ['one row per input, one column per node, like every w here.'], '''
def scaled_weights(n_in, n_out, rng):
    return rng.standard_normal((n_out, n_in)) / np.sqrt(n_in)
''')

# Uses the global np.random instead of rng.
case('07', 'scaled_weights', 'refuse', 'global-rng', ["it draws from numpy's global random state (np.random...) ins"], '''
def scaled_weights(n_in, n_out, rng):
    return np.random.standard_normal((n_in, n_out)) / np.sqrt(n_in)
''')

# Divides by sqrt(n_out) instead of sqrt(n_in).
case('07', 'scaled_weights', 'refuse', 'formula', ['they are scaled by n_out; scale by the number of inputs, n_i'], '''
def scaled_weights(n_in, n_out, rng):
    return rng.standard_normal((n_in, n_out)) / np.sqrt(n_out)
''')

# rng.normal with scale 1/n_in (the variance passed as the spread).
case('07', 'scaled_weights', 'refuse', 'scale:n', ['they are divided by n_in, not by its square root.'], '''
def scaled_weights(n_in, n_out, rng):
    return rng.normal(0, 1 / n_in, size=(n_in, n_out))
''')

# Shape given as two arguments: rng.standard_normal(n_in, n_out).
case('07', 'scaled_weights', 'refuse', None, ["your scaled_weights raised typeerror: cannot interpret '3' a"], '''
def scaled_weights(n_in, n_out, rng):
    return rng.standard_normal(n_in, n_out) / np.sqrt(n_in)
''')

# Uniform [0, 1) numbers (rng.random) instead of normal.
case('07', 'scaled_weights', 'refuse', 'uniform', ['the mean is 0.025 and no weight is negative; expected about '], '''
def scaled_weights(n_in, n_out, rng):
    return rng.random((n_in, n_out)) / np.sqrt(n_in)
''')

# Ignores rng and makes a new generator with seed 0 every call.
case('07', 'scaled_weights', 'refuse', 'fixed-seed', ['it gives the same result for rng = np.random.default_rng(0) '], '''
def scaled_weights(n_in, n_out, rng):
    return np.random.default_rng(0).standard_normal((n_in, n_out)) / np.sqrt(n_in)
''')

# Absolute values of normals: all weights positive (half-normal).
case('07', 'scaled_weights', 'refuse', 'formula', ['the mean is 0.040 and no weight is negative; expected about '], '''
def scaled_weights(n_in, n_out, rng):
    return np.abs(rng.standard_normal((n_in, n_out))) / np.sqrt(n_in)
''')

# rng.normal(0, 1/sqrt(n_in), shape).
case('07', 'scaled_weights', 'accept', None, [], '''
def scaled_weights(n_in, n_out, rng):
    return rng.normal(0.0, 1.0 / np.sqrt(n_in), size=(n_in, n_out))
''')

# Multiply by n_in ** -0.5, math.sqrt.
case('07', 'scaled_weights', 'accept', None, [], '''
import math
def scaled_weights(n_in, n_out, rng):
    return rng.standard_normal(size=(n_in, n_out)) * (1 / math.sqrt(n_in))
''')

# np.max(Z, 0) takes the maximum along axis 0, not elementwise.
case('07', 'relu', 'refuse', 'np-max', ['np.max(z, 0) takes the largest of each column; np.maximum(z,'], '''
def relu(Z):
    return np.max(Z, 0)

def relu_prime(Z):
    return (Z > 0).astype(Z.dtype)
''')

# relu_prime returns the True/False array, not floats.
case('07', 'relu', 'refuse', 'dtype', ['relu_prime on a 2x4 array of float32 returned true/false (bo'], '''
def relu(Z):
    return np.maximum(Z, 0)

def relu_prime(Z):
    return Z > 0
''')

# relu_prime is 1 at z = 0 too (Z >= 0).
case('07', 'relu', 'refuse', 'z=0', ['it is 1 at z = 0; the todo asks for 1 only where z > 0 (> wh'], '''
def relu(Z):
    return np.maximum(Z, 0)

def relu_prime(Z):
    return (Z >= 0).astype(Z.dtype)
''')

# relu sets negatives to 0 in the caller's array (in place) and returns it.
case('07', 'relu', 'refuse', 'in-place', ['`z[z < 0] = 0`); compute a new array instead (`a = a - b` ra'], '''
def relu(Z):
    Z[Z < 0] = 0
    return Z

def relu_prime(Z):
    return (Z > 0).astype(Z.dtype)
''')

# relu_prime as integers (astype(int)).
case('07', 'relu', 'refuse', 'dtype', ['int64 times a float32 array is float64, so a float32 network'], '''
def relu(Z):
    return np.maximum(Z, 0)

def relu_prime(Z):
    return (Z > 0).astype(int)
''')

# relu_prime always float64, even for float32 Z.
case('07', 'relu', 'refuse', 'dtype', ['float64 times a float32 array is float64, so a float32 netwo'], '''
def relu(Z):
    return np.maximum(Z, 0)

def relu_prime(Z):
    return (Z > 0).astype(float)
''')

# relu_prime = np.sign(Z): -1 for negative z.
case('07', 'relu', 'refuse', 'formula', ['it is np.sign(z), which is -1 where z < 0; the slope there i'], '''
def relu(Z):
    return np.maximum(Z, 0)

def relu_prime(Z):
    return np.sign(Z)
''')

# relu_prime as relu(Z) / Z: nan at z = 0.
case('07', 'relu', 'refuse', None, ['relu_prime on z = [[-1, 0, 1]] returned nan values at entrie'], '''
def relu(Z):
    return np.maximum(Z, 0)

def relu_prime(Z):
    with np.errstate(invalid="ignore", divide="ignore"):
        return relu(Z) / Z
''')

# relu returns np.abs(Z) (negatives flipped, not zeroed).
case('07', 'relu', 'refuse', 'formula', ['it is the absolute value: negative z must give 0.'], '''
def relu(Z):
    return np.abs(Z)

def relu_prime(Z):
    return (Z > 0).astype(Z.dtype)
''')

# relu via np.maximum(Z, 0.0).astype(np.float32): downcasts float64 input.
case('07', 'relu', 'refuse', 'dtype', ['float32 holds fewer digits, so z > 0 comes back changed.'], '''
def relu(Z):
    return np.maximum(Z, 0.0).astype(np.float32)

def relu_prime(Z):
    return (Z > 0).astype(Z.dtype)
''')

# Z * (Z > 0) and np.heaviside(Z, 0) cast to Z.dtype.
case('07', 'relu', 'accept', None, [], '''
def relu(Z):
    return Z * (Z > 0)

def relu_prime(Z):
    return np.heaviside(Z, 0).astype(Z.dtype)
''')

# np.where for both.
case('07', 'relu', 'accept', None, [], '''
def relu(Z):
    return np.where(Z > 0, Z, 0).astype(Z.dtype)

def relu_prime(Z):
    return np.where(Z > 0, 1, 0).astype(Z.dtype)
''')

# Moves p with the old velocity, then updates v.
case('07', 'momentum_step', 'refuse', 'old-velocity', ['p moves by the old velocity; update v first, then p = p + v.'], '''
def momentum_step(p, v, g, eta, mu):
    p = p + v
    v = mu * v - eta * g
    return p, v
''')

# Plus eta g in the velocity: climbs uphill.
case('07', 'momentum_step', 'refuse', 'sign', ['the gradient is added: the velocity moves against it, v = mu'], '''
def momentum_step(p, v, g, eta, mu):
    v = mu * v + eta * g
    return p + v, v
''')

# Returns (v, p), the wrong order.
case('07', 'momentum_step', 'refuse', 'order', ['the order is swapped; return the new p first, then the new v'], '''
def momentum_step(p, v, g, eta, mu):
    v = mu * v - eta * g
    return v, p + v
''')

# mu multiplies the whole bracket: v = mu (v - eta g).
case('07', 'momentum_step', 'refuse', None, ['with v = 0 every term with v in it is 0, so the answer shoul'], '''
def momentum_step(p, v, g, eta, mu):
    v = mu * (v - eta * g)
    return p + v, v
''')

# Forgets mu: v = v - eta g.
case('07', 'momentum_step', 'refuse', 'formula', ['the old velocity is not multiplied by mu.'], '''
def momentum_step(p, v, g, eta, mu):
    v = v - eta * g
    return p + v, v
''')

# Returns only the new p.
case('07', 'momentum_step', 'refuse', None, ['momentum_step returned ndarray; expected two arrays: `return'], '''
def momentum_step(p, v, g, eta, mu):
    v = mu * v - eta * g
    return p + v
''')

# Velocity without eta (v = mu v - g), eta applied to the step: the v returned is 1/eta too large.
case('07', 'momentum_step', 'refuse', None, ['with v = 0 every term with v in it is 0, so the answer shoul'], '''
def momentum_step(p, v, g, eta, mu):
    v = mu * v - g
    return p + eta * v, v
''')

# Keeps the velocity in a global instead of using v (state between calls).
case('07', 'momentum_step', 'refuse', 'state', ['momentum_step gave two different answers for the same input '], '''
_velocity = [0.0]
def momentum_step(p, v, g, eta, mu):
    _velocity[0] = mu * _velocity[0] - eta * g
    return p + _velocity[0], _velocity[0]
''')

# Swaps mu and eta: v = eta v - mu g.
case('07', 'momentum_step', 'refuse', 'swapped', ['eta and mu are swapped: v = mu v - eta g (mu keeps the old v'], '''
def momentum_step(p, v, g, eta, mu):
    v = eta * v - mu * g
    return p + v, v
''')

# Computes the new p first, then v as the step taken (p_new - p).
case('07', 'momentum_step', 'accept', None, [], '''
def momentum_step(p, v, g, eta, mu):
    p_new = p + mu * v - eta * g
    return p_new, p_new - p
''')

# np.multiply / np.add ufuncs.
case('07', 'momentum_step', 'accept', None, [], '''
def momentum_step(p, v, g, eta, mu):
    v_new = np.subtract(np.multiply(mu, v), np.multiply(eta, g))
    return np.add(p, v_new), v_new
''')

# lam / 2 * W: keeps the 1/2 of the cost in its derivative.
case('07', 'l2_gradient', 'refuse', 'half', ['the 1/2 in lam/2 * sum(w^2) cancels the 2 of the derivative:'], '''
def l2_gradient(nabla_W, W, lam):
    return nabla_W + lam / 2 * W
''')

# lam * W ** 2: the cost term, not its derivative.
case('07', 'l2_gradient', 'refuse', None, ['with nabla_w = 0 every term with nabla_w in it is 0, so the '], '''
def l2_gradient(nabla_W, W, lam):
    return nabla_W + lam * W ** 2
''')

# Adds in place (nabla_W += ...): changes the caller's gradient.
case('07', 'l2_gradient', 'refuse', 'in-place', ['`nabla_w += lam * w`); compute a new array instead (`a = a -'], '''
def l2_gradient(nabla_W, W, lam):
    nabla_W += lam * W
    return nabla_W
''')

# Minus instead of plus.
case('07', 'l2_gradient', 'refuse', 'sign', ['the sign is wrong: the penalty grows with w, so its gradient'], '''
def l2_gradient(nabla_W, W, lam):
    return nabla_W - lam * W
''')

# Forgets nabla_W: returns lam W only.
case('07', 'l2_gradient', 'refuse', None, ['with w = 0 every term with w in it is 0, so the answer shoul'], '''
def l2_gradient(nabla_W, W, lam):
    return lam * W
''')

# lam times the sum of W (one number added to every entry).
case('07', 'l2_gradient', 'refuse', 'formula', ['it adds lam times the sum of w, one number for every entry; '], '''
def l2_gradient(nabla_W, W, lam):
    return nabla_W + lam * np.sum(W)
''')

# Swaps the roles: lam nabla_W + W.
case('07', 'l2_gradient', 'refuse', None, ['with nabla_w = 0 every term with nabla_w in it is 0, so the '], '''
def l2_gradient(nabla_W, W, lam):
    return lam * nabla_W + W
''')

# Multiplies instead of adding: nabla_W (1 + lam W).
case('07', 'l2_gradient', 'refuse', None, ['with nabla_w = 0 every term with nabla_w in it is 0, so the '], '''
def l2_gradient(nabla_W, W, lam):
    return nabla_W * (1 + lam * W)
''')

# np.add(nabla_W, lam * W).
case('07', 'l2_gradient', 'accept', None, [], '''
def l2_gradient(nabla_W, W, lam):
    return np.add(nabla_W, np.multiply(lam, W))
''')

# Copies first, then adds in place on the copy.
case('07', 'l2_gradient', 'accept', None, [], '''
def l2_gradient(nabla_W, W, lam):
    g = nabla_W.copy()
    g += lam * W
    return g
''')

# Caches results in a mutable default argument keyed by len(y): a new y of the same length gets the old rows.
case('02', 'one_hot', 'refuse', 'state', ['one_hot gave the same answer for two different inputs (y = ['], '''
def one_hot(y, num_classes=10, _cache={}):
    key = (len(y), num_classes)
    if key not in _cache:
        Y = np.zeros((len(y), num_classes))
        Y[np.arange(len(y)), y] = 1
        _cache[key] = Y
    return _cache[key]
''')

# Compares with y.reshape(-1, 1): broadcasts to an (n, n) table and takes its mean.
case('02', 'accuracy', 'refuse', 'shape', ['compares every prediction with every label'], '''
def accuracy(outputs, y):
    return float(np.mean(np.argmax(outputs, axis=1) == y.reshape(-1, 1)))
''')

# Counts a row as right when the label's output is above 0.5 instead of the largest.
case('02', 'accuracy', 'refuse', None, ['accuracy on 1 sample, outputs [0.1 0.6 0.9 0.1 ...], label 1'], '''
def accuracy(outputs, y):
    return float(np.mean(outputs[np.arange(len(y)), y] > 0.5))
''')

# Clips to [-700, 700] instead of [-500, 500] (e^700 still fits in a float).
case('02', 'sigmoid', 'accept', None, [], '''
def sigmoid(z):
    z = np.clip(z, -700, 700)
    return 1.0 / (1.0 + np.exp(-z))
''')

# Caches the output by id(X): a changed X (same array object) returns the stale answer.
case('02', 'feedforward', 'refuse', 'state', ['feedforward gave, for an array x whose numbers had changed ('], '''
_seen = {}
def feedforward(X, weights, biases):
    key = (id(X), len(weights))
    if key not in _seen:
        a = X
        for W, b in zip(weights, biases):
            a = sigmoid(a @ W + b)
        _seen[key] = a
    return _seen[key]
''')

# Titles with y[k], the label at the position in the list, not y[i].
case('01', 'show_images', 'refuse', 'wrong-label', ['image 1 should be labelled 6 (its label y[7]), but its title'], '''
def show_images(X, y, indices):
    fig, axes = plt.subplots(1, len(indices), squeeze=False)
    for k, i in enumerate(indices):
        axes[0][k].imshow(X[i].reshape(28, 28), cmap="gray_r")
        axes[0][k].set_title(y[k])
        axes[0][k].axis("off")
''')

# Divides by 2 len(Y[0]) (Y[0] is one row: the number of outputs) instead of 2 n.
case('03', 'cost', 'refuse', 'axis', ['it divides by the number of outputs (10), not by the number '], '''
def cost(outputs, Y):
    return float(np.sum((outputs - Y) ** 2) / (2 * len(Y[0])))
''')

# Computes in float32 (as the reference network stores its weights).
case('03', 'cost', 'accept', None, [], '''
def cost(outputs, Y):
    d = (outputs - Y).astype(np.float32)
    return float(np.float32(0.5) * np.sum(d * d) / np.float32(len(Y)))
''')

# Divides by the number of outputs len(Y[0]) instead of the number of samples.
case('03', 'backprop', 'refuse', None, ['every one of the gradients is wrong (all layers, weights and'], '''
def backprop(X, Y, weights, biases):
    nabla_w = [None] * len(weights)
    nabla_b = [None] * len(biases)

    activations, zs = [X], []
    for W, b in zip(weights, biases):
        zs.append(activations[-1] @ W + b)
        activations.append(sigmoid(zs[-1]))

    delta = (activations[-1] - Y) * sigmoid_prime(zs[-1])
    n = len(Y[0])
    for l in range(len(weights) - 1, -1, -1):
        nabla_w[l] = activations[l].T @ delta / n
        nabla_b[l] = delta.sum(axis=0) / n
        if l > 0:
            delta = (delta @ weights[l].T) * sigmoid_prime(zs[l - 1])
    return nabla_w, nabla_b
''')

# Multiplies the propagated error by sigmoid_prime(zs[l - 1]) twice.
case('03', 'backprop', 'refuse', None, ['look at what differs for those.'], '''
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
            delta = (delta @ weights[l].T) * sigmoid_prime(zs[l - 1]) * sigmoid_prime(zs[l - 1])
    return nabla_w, nabla_b
''')

# Uses the activations' mean over the batch (one row) in nabla_w: mean(a) outer mean(delta).
case('03', 'backprop', 'refuse', None, ['look at what differs for those.'], '''
def backprop(X, Y, weights, biases):
    nabla_w = [None] * len(weights)
    nabla_b = [None] * len(biases)

    activations, zs = [X], []
    for W, b in zip(weights, biases):
        zs.append(activations[-1] @ W + b)
        activations.append(sigmoid(zs[-1]))

    delta = (activations[-1] - Y) * sigmoid_prime(zs[-1])
    for l in range(len(weights) - 1, -1, -1):
        nabla_w[l] = np.outer(activations[l].mean(axis=0), delta.mean(axis=0))
        nabla_b[l] = delta.mean(axis=0)
        if l > 0:
            delta = (delta @ weights[l].T) * sigmoid_prime(zs[l - 1])
    return nabla_w, nabla_b
''')

# Assigns a new array into the list: weights[l] = weights[l] - eta * nabla_w[l].
case('04', 'update_mini_batch', 'accept', None, [], '''
def update_mini_batch(weights, biases, X_batch, Y_batch, eta):
    nabla_w, nabla_b = backprop(X_batch, Y_batch, weights, biases)
    for l in range(len(weights)):
        weights[l] = weights[l] - eta * nabla_w[l]
        biases[l] = biases[l] - eta * nabla_b[l]
''')

# Updates the weights, then calls backprop again for the biases with the new weights.
case('04', 'update_mini_batch', 'refuse', 'moved', ['the step of a gradient computed again after other parameters'], '''
def update_mini_batch(weights, biases, X_batch, Y_batch, eta):
    nabla_w, _ = backprop(X_batch, Y_batch, weights, biases)
    for l in range(len(weights)):
        weights[l] -= eta * nabla_w[l]
    _, nabla_b = backprop(X_batch, Y_batch, weights, biases)
    for l in range(len(biases)):
        biases[l] -= eta * nabla_b[l]
''')

# Draws each mini-batch with replacement (rng.integers): some images twice, some never.
case('04', 'sgd', 'refuse', None, ['epoch 1 did not use every image exactly once.'], '''
def sgd(weights, biases, X, y, epochs, batch_size, eta, rng):
    Y = one_hot(y)
    for epoch in range(epochs):
        for start in range(0, len(X), batch_size):
            batch = rng.integers(0, len(X), size=min(batch_size, len(X) - start))
            update_mini_batch(weights, biases, X[batch], Y[batch], eta)
''')

# Loops swapped: the epoch loop is inside the mini-batch loop, so each mini-batch gets all its epochs in a row (and the order is drawn once).
case('04', 'sgd', 'refuse', 'shape', ['epoch 1 used mini-batches of sizes [15, 15, 15, 15]; expecte'], '''
def sgd(weights, biases, X, y, epochs, batch_size, eta, rng):
    Y = one_hot(y)
    order = rng.permutation(len(X))
    for start in range(0, len(X), batch_size):
        batch = order[start:start + batch_size]
        for epoch in range(epochs):
            update_mini_batch(weights, biases, X[batch], Y[batch], eta)
''')

# Reverses the previous epoch's order instead of drawing a new one (order = order[::-1]).
case('04', 'sgd', 'refuse', 'same-order', ['epoch 2 went through the images in the reverse order of epoc'], '''
def sgd(weights, biases, X, y, epochs, batch_size, eta, rng):
    Y = one_hot(y)
    order = rng.permutation(len(X))
    for epoch in range(epochs):
        for start in range(0, len(X), batch_size):
            batch = order[start:start + batch_size]
            update_mini_batch(weights, biases, X[batch], Y[batch], eta)
        order = order[::-1]
''')

# Adds init='scaled' to the networks: not the networks asked for.
case('05', 'best_of_seeds', 'refuse', None, ['best_of_seeds with sizes [784, 30, 10], epochs 4, batch_size'], '''
def best_of_seeds(sizes, X, y, validation, epochs, batch_size, eta, seeds):
    runs = []
    for seed in seeds:
        net = helpers.Network(sizes, seed=seed, init="scaled")
        runs.append((net, net.sgd(X, y, epochs, batch_size, eta, validation=validation)))
    return max(runs, key=lambda run: run[1]["val_accuracy"][-1])
''')

# Chooses by the mean validation accuracy over all epochs.
case('05', 'best_of_seeds', 'refuse', None, ['best_of_seeds with sizes [784, 30, 10], epochs 4, batch_size'], '''
def best_of_seeds(sizes, X, y, validation, epochs, batch_size, eta, seeds):
    runs = []
    for seed in seeds:
        net = helpers.Network(sizes, seed=seed)
        runs.append((net, net.sgd(X, y, epochs, batch_size, eta, validation=validation)))
    return max(runs, key=lambda run: np.mean(run[1]["val_accuracy"]))
''')

# Passes sgd's arguments positionally with epochs and batch_size swapped.
case('05', 'best_of_seeds', 'refuse', None, ['best_of_seeds with sizes [784, 30, 10], epochs 4, batch_size'], '''
def best_of_seeds(sizes, X, y, validation, epochs, batch_size, eta, seeds):
    runs = []
    for seed in seeds:
        net = helpers.Network(sizes, seed=seed)
        runs.append((net, net.sgd(X, y, batch_size, epochs, eta, validation)))
    return max(runs, key=lambda run: run[1]["val_accuracy"][-1])
''')

# Loop with >= (on a tie keeps the later seed).
case('05', 'best_of_seeds', 'accept', None, [], '''
def best_of_seeds(sizes, X, y, validation, epochs, batch_size, eta, seeds):
    best = None
    for seed in seeds:
        net = helpers.Network(sizes, seed=seed)
        history = net.sgd(X, y, epochs, batch_size, eta, validation=validation)
        if best is None or history["val_accuracy"][-1] >= best[1]["val_accuracy"][-1]:
            best = (net, history)
    return best
''')

# He initialisation sqrt(2 / n_in) instead of 1 / sqrt(n_in).
case('07', 'scaled_weights', 'refuse', 'formula', ['the spread (standard deviation) of the weights is 0.0708 = 1'], '''
def scaled_weights(n_in, n_out, rng):
    return rng.standard_normal((n_in, n_out)) * np.sqrt(2 / n_in)
''')

# Divides by sqrt(n_in + n_out) (Glorot-like) instead of sqrt(n_in).
case('07', 'scaled_weights', 'refuse', 'formula', ['the spread (standard deviation) of the weights is 0.0378 = 1'], '''
def scaled_weights(n_in, n_out, rng):
    return rng.standard_normal((n_in, n_out)) / np.sqrt(n_in + n_out)
''')

# Draws float32 numbers directly (dtype=np.float32), the network's own type.
case('07', 'scaled_weights', 'accept', None, [], '''
def scaled_weights(n_in, n_out, rng):
    return rng.standard_normal((n_in, n_out), dtype=np.float32) / np.float32(np.sqrt(n_in))
''')

# Updates p and v in place (v *= mu ...; p += v): changes the caller's arrays.
case('07', 'momentum_step', 'refuse', 'in-place', ['changed its argument `v`'], '''
def momentum_step(p, v, g, eta, mu):
    v *= mu
    v -= eta * g
    p += v
    return p, v
''')

# Nesterov-style: moves p by mu v_new - eta g instead of by v_new.
case('07', 'momentum_step', 'refuse', None, ['with v = 0 every term with v in it is 0, so the answer shoul'], '''
def momentum_step(p, v, g, eta, mu):
    v = mu * v - eta * g
    return p + mu * v - eta * g, v
''')

# Clips the caller's outputs in place (out=outputs) to avoid log(0).
case('07', 'cross_entropy', 'refuse', 'in-place', ['`np.clip(outputs, 1e-12, 1.0, out=outputs)`); compute a new '], '''
def cross_entropy(outputs, Y):
    np.clip(outputs, 1e-12, 1.0, out=outputs)
    return float(-np.sum(Y * np.log(outputs)) / len(Y))
''')

# Averages per sample with mean over axis 1 then sums: -(1/k) sum over samples.
case('07', 'cross_entropy', 'refuse', None, ['4/3 of the right one: divided by the number of outputs (3) w'], '''
def cross_entropy(outputs, Y):
    return float(-np.sum(np.mean(Y * np.log(outputs), axis=1)))
''')

# Subtracts the row maximum but normalises with the row maximum of E (always 1) instead of the sum.
case('07', 'softmax', 'refuse', None, ['its rows add up to [1.5032 1.8297 1.0523]; softmax makes eve'], '''
def softmax(Z):
    E = np.exp(Z - Z.max(axis=1, keepdims=True))
    return E / E.max(axis=1, keepdims=True)
''')

# Keeps float32 input as float32 (computes in the input's type).
case('07', 'softmax', 'accept', None, [], '''
def softmax(Z):
    Z = np.asarray(Z)
    shifted = Z - np.max(Z, axis=1, keepdims=True)
    E = np.exp(shifted)
    return E / np.sum(E, axis=1, keepdims=True)
''')

# relu_prime keeps a module-level mask from the first call (state between calls).
case('07', 'relu', 'refuse', 'state', ['relu_prime gave the same answer for two different inputs (a '], '''
def relu(Z):
    return np.maximum(Z, 0)

_mask = []
def relu_prime(Z):
    if not _mask:
        _mask.append((Z > 0).astype(Z.dtype))
    return _mask[0]
''')

# Adds lam * W only to the first row (a loop that breaks early).
case('07', 'l2_gradient', 'refuse', None, ['with nabla_w = 0 every term with nabla_w in it is 0, so the '], '''
def l2_gradient(nabla_W, W, lam):
    g = nabla_W.copy()
    for i in range(len(W)):
        g[i] += lam * W[i]
        break
    return g
''')

# Uses the sign of W (the L1 gradient) instead of W.
case('07', 'l2_gradient', 'refuse', None, ['with nabla_w = 0 every term with nabla_w in it is 0, so the '], '''
def l2_gradient(nabla_W, W, lam):
    return nabla_W + lam * np.sign(W)
''')


# A second set, written later by another person from the student notebooks alone (notebooks 01-05 and 07,
# thicker included). Each is kept with the cause its message gives today.

# imshow of the flat row X[i] (784,), without reshape(28, 28).
case('01', 'show_images', 'refuse', 'shape', [], 'def show_images(X, y, indices):\n    fig, axes = plt.subplots(1, len(indices), squeeze=False)\n    for ax, i in zip(axes[0], indices):\n        ax.imshow(X[i], cmap="gray_r")\n        ax.set_title(y[i])\n        ax.axis("off")\n', setup='')

# titles each picture with its row number i instead of its label y[i].
case('01', 'show_images', 'refuse', 'wrong-label', [], 'def show_images(X, y, indices):\n    fig, axes = plt.subplots(1, len(indices), squeeze=False)\n    for ax, i in zip(axes[0], indices):\n        ax.imshow(X[i].reshape(28, 28), cmap="gray_r")\n        ax.set_title(i)\n        ax.axis("off")\n', setup='')

# draws X[k] and y[k] for k = 0, 1, ... (the position in the grid), not the requested rows indices[k].
case('01', 'show_images', 'refuse', 'wrong-rows', [], 'def show_images(X, y, indices):\n    fig, axes = plt.subplots(1, len(indices), squeeze=False)\n    for k, ax in enumerate(axes[0]):\n        ax.imshow(X[k].reshape(28, 28), cmap="gray_r")\n        ax.set_title(y[k])\n        ax.axis("off")\n', setup='')

# shows every picture transposed (reshape then .T): digits mirrored across the diagonal.
case('01', 'show_images', 'refuse', 'transpose', ['is transposed (mirrored along the diagon'], 'def show_images(X, y, indices):\n    fig, axes = plt.subplots(1, len(indices), squeeze=False)\n    for ax, i in zip(axes[0], indices):\n        picture = X[i].reshape(28, 28).T\n        ax.imshow(picture, cmap="gray_r")\n        ax.set_title(y[i])\n        ax.axis("off")\n', setup='')

# colour map 'gray' instead of 'gray_r': ink drawn white on black.  # passes, and says so in words: a choice, not a mistake
case('01', 'show_images', 'accept', None, [], 'def show_images(X, y, indices):\n    fig, axes = plt.subplots(1, len(indices), squeeze=False)\n    for ax, i in zip(axes[0], indices):\n        ax.imshow(X[i].reshape(28, 28), cmap="gray")\n        ax.set_title(y[i])\n        ax.axis("off")\n', setup='')

# no squeeze=False and loops over axes directly: fails when there is a single index (axes is one Axes).
case('01', 'show_images', 'refuse', 'one-index', ['images works for several indices but not'], 'def show_images(X, y, indices):\n    fig, axes = plt.subplots(1, len(indices))\n    for ax, i in zip(axes, indices):\n        ax.imshow(X[i].reshape(28, 28), cmap="gray_r")\n        ax.set_title(y[i])\n        ax.axis("off")\n', setup='')

# loop runs to len(indices) - 1: the last picture is never drawn (its subplot stays empty).
case('01', 'show_images', 'refuse', 'off-by-one', ['images, one per index, but found '], 'def show_images(X, y, indices):\n    fig, axes = plt.subplots(1, len(indices), squeeze=False)\n    for k in range(len(indices) - 1):\n        i = indices[k]\n        axes[0][k].imshow(X[i].reshape(28, 28), cmap="gray_r")\n        axes[0][k].set_title(y[i])\n        axes[0][k].axis("off")\n', setup='')

# reshapes to (784, 1) thinking 'a column', giving a thin 784-pixel strip instead of a 28x28 picture.
case('01', 'show_images', 'refuse', None, [], 'def show_images(X, y, indices):\n    fig, axes = plt.subplots(1, len(indices), squeeze=False)\n    for ax, i in zip(axes[0], indices):\n        ax.imshow(X[i].reshape(784, 1), cmap="gray_r", aspect="auto")\n        ax.set_title(y[i])\n        ax.axis("off")\n', setup='')

# axes.flat with enumerate, plt.cm.gray_r object, str title, ticks removed instead of axis('off').
case('01', 'show_images', 'accept', None, [], 'def show_images(X, y, indices):\n    indices = list(indices)\n    fig, axes = plt.subplots(nrows=1, ncols=len(indices), squeeze=False, figsize=(1.5 * len(indices), 2))\n    for k, ax in enumerate(axes.flat):\n        i = indices[k]\n        ax.imshow(np.reshape(X[i], (28, 28)), cmap=plt.cm.gray_r, vmin=0, vmax=1)\n        ax.set_title(str(y[i]))\n        ax.set_xticks([])\n        ax.set_yticks([])\n', setup='')

# builds the figure with fig.add_subplot one at a time, titles with f-string.
case('01', 'show_images', 'accept', None, [], 'def show_images(X, y, indices):\n    fig = plt.figure(figsize=(12, 2))\n    n = len(indices)\n    for k, i in enumerate(indices):\n        ax = fig.add_subplot(1, n, k + 1)\n        ax.imshow(X[i].reshape(28, 28), cmap="gray_r")\n        ax.set_title(f"{y[i]}")\n        ax.axis("off")\n', setup='')

# calls np.clip but throws its result away, so e^(1000) still overflows.
case('02', 'sigmoid', 'refuse', 'overflow', ['overflow encountered in exp'], 'def sigmoid(z):\n    np.clip(z, -500, 500)\n    return 1 / (1 + np.exp(-z))\n', setup='')

# sign slip: e^(+z) instead of e^(-z), a mirrored sigmoid.
case('02', 'sigmoid', 'refuse', 'sign', ['it looks like the sign of z is flipped'], 'def sigmoid(z):\n    z = np.clip(z, -500, 500)\n    return 1 / (1 + np.exp(z))\n', setup='')

# math.exp: works on one number, TypeError on arrays.
case('02', 'sigmoid', 'refuse', None, ['your sigmoid raised typeerror'], 'import math\n\ndef sigmoid(z):\n    z = np.clip(z, -500, 500)\n    return 1 / (1 + math.exp(-z))\n', setup='')

# np.clip(..., out=z) clips the caller's array in place (and fails for a plain number).
case('02', 'sigmoid', 'refuse', 'in-place', ['your sigmoid changed its argument '], 'def sigmoid(z):\n    np.clip(z, -500, 500, out=z)\n    return 1 / (1 + np.exp(-z))\n', setup='')

# precedence: 1 / 1 + e^(-z), i.e. 1 + e^(-z).
case('02', 'sigmoid', 'refuse', 'precedence', ['brackets are missing around the denomina'], 'def sigmoid(z):\n    z = np.clip(z, -500, 500)\n    return 1 / 1 + np.exp(-z)\n', setup='')

# tanh form without the halving of z: 0.5 (1 + tanh(z)) is S(2z).
case('02', 'sigmoid', 'refuse', None, ['the values are wrong (largest difference'], 'def sigmoid(z):\n    return 0.5 * (1 + np.tanh(z))\n', setup='')

# a list comprehension over z: returns a Python list, fails on numbers and on 2-d arrays.
case('02', 'sigmoid', 'refuse', 'kind', ["numpy's arithmetic, slicing and indexing"], 'def sigmoid(z):\n    return [1 / (1 + np.exp(-min(max(v, -500), 500))) for v in z]\n', setup='')

# tanh identity 0.5 (1 + tanh(z / 2)), which needs no clipping.
case('02', 'sigmoid', 'accept', None, [], 'def sigmoid(z):\n    return 0.5 * (1 + np.tanh(z / 2))\n', setup='')

# exp(-logaddexp(0, -z)): stable without clipping.
case('02', 'sigmoid', 'accept', None, [], 'def sigmoid(z):\n    return np.exp(-np.logaddexp(0, -z))\n', setup='')

# clips to [-100, 100] instead of [-500, 500] (the sigmoid is already 0 or 1 there).
case('02', 'sigmoid', 'accept', None, [], 'def sigmoid(z):\n    z = np.clip(np.asarray(z, dtype=float), -100, 100)\n    return 1.0 / (1.0 + np.exp(-z))\n', setup='')

# W.T @ a order: right for a single input (n_in,), a shape error for a batch.
case('02', 'feedforward_no_bias', 'refuse', None, ['has a mismatch in its core dimension '], 'def feedforward_no_bias(X, weights):\n    a = X\n    for W in weights:\n        a = sigmoid(W.T @ a)\n    return a\n', setup='')

# return inside the loop: only the first layer is applied.
case('02', 'feedforward_no_bias', 'refuse', 'skipped-layer', ['it looks like the last layer is missing'], 'def feedforward_no_bias(X, weights):\n    a = X\n    for W in weights:\n        a = sigmoid(a @ W)\n        return a\n', setup='')

# no sigmoid on the last layer (it returns the raw product).
case('02', 'feedforward_no_bias', 'refuse', 'z-for-activation', ['it looks like the sigmoid is missing on '], 'def feedforward_no_bias(X, weights):\n    a = X\n    for W in weights[:-1]:\n        a = sigmoid(a @ W)\n    return a @ weights[-1]\n', setup='')

# wrong variable: multiplies X (not the current a) by each W.
case('02', 'feedforward_no_bias', 'refuse', 'stale-input', ['has a mismatch in its core dimension '], 'def feedforward_no_bias(X, weights):\n    a = X\n    for W in weights:\n        a = sigmoid(X @ W)\n    return a\n', setup='')

# sigmoid applied before the product: S(a) W, so the input gets squashed and the output does not.
case('02', 'feedforward_no_bias', 'refuse', None, ['the values are wrong (largest difference'], 'def feedforward_no_bias(X, weights):\n    a = X\n    for W in weights:\n        a = sigmoid(a) @ W\n    return a\n', setup='')

# the loop runs backwards over the layers (reversed(weights)).
case('02', 'feedforward_no_bias', 'refuse', 'product-order', ['has a mismatch in its core dimension '], 'def feedforward_no_bias(X, weights):\n    a = X\n    for W in reversed(weights):\n        a = sigmoid(a @ W.T)\n    return a\n', setup='')

# feedforward itself is right, but the learner's sigmoid (written earlier) has e^(+z).
case('02', 'feedforward_no_bias', 'refuse', 'earlier-todo', ['bias uses your sigmoid, which is not rig'], 'def feedforward_no_bias(X, weights):\n    a = X\n    for W in weights:\n        a = sigmoid(a @ W)\n    return a\n', setup='def sigmoid(z):\n    z = np.clip(z, -500, 500)\n    return 1 / (1 + np.exp(z))\n')

# functools.reduce with np.dot.
case('02', 'feedforward_no_bias', 'accept', None, [], 'from functools import reduce\n\ndef feedforward_no_bias(X, weights):\n    return reduce(lambda a, W: sigmoid(np.dot(a, W)), weights, X)\n', setup='')

# bias added after the sigmoid: S(a W) + b.
case('02', 'feedforward', 'refuse', 'bias-outside', ['it looks like the bias is added after th'], 'def feedforward(X, weights, biases):\n    a = X\n    for W, b in zip(weights, biases):\n        a = sigmoid(a @ W) + b\n    return a\n', setup='')

# always the first layer's bias (biases[0]); broadcasting hides it as a wrong output shape.
case('02', 'feedforward', 'refuse', 'wrong-bias', ['it looks like every layer adds the bias '], 'def feedforward(X, weights, biases):\n    a = X\n    for W in weights:\n        a = sigmoid(a @ W + biases[0])\n    return a\n', setup='')

# subtracts the bias: S(a W - b).
case('02', 'feedforward', 'refuse', 'sign', ['it is the right answer with every bias s'], 'def feedforward(X, weights, biases):\n    a = X\n    for W, b in zip(weights, biases):\n        a = sigmoid(a @ W - b)\n    return a\n', setup='')

# loop over range(len(weights) - 1): the output layer is skipped.
case('02', 'feedforward', 'refuse', 'skipped-layer', ['it looks like the last layer is missing'], 'def feedforward(X, weights, biases):\n    a = X\n    for l in range(len(weights) - 1):\n        a = sigmoid(a @ weights[l] + biases[l])\n    return a\n', setup='')

# feedforward is right; the learner's earlier sigmoid forgot the minus sign (e^(+z)).
case('02', 'feedforward', 'refuse', 'earlier-todo', ['your feedforward uses your sigmoid, whic'], 'def feedforward(X, weights, biases):\n    a = X\n    for W, b in zip(weights, biases):\n        a = sigmoid(a @ W + b)\n    return a\n', setup='def sigmoid(z):\n    z = np.clip(z, -500, 500)\n    return 1 / (1 + np.exp(z))\n')

# bias added to the layer's input, S((a + b) W), a shape mix-up.
case('02', 'feedforward', 'refuse', None, ['your feedforward raised valueerror'], 'def feedforward(X, weights, biases):\n    a = X\n    for W, b in zip(weights, biases):\n        a = sigmoid((a + b) @ W)\n    return a\n', setup='')

# wrong variable: loops over the notebook's tiny W1, W2 (globals) instead of the weights given.
case('02', 'feedforward', 'refuse', None, ['your feedforward raised nameerror'], 'def feedforward(X, weights, biases):\n    a = X\n    for W, b in zip([W1, W2], biases):\n        a = sigmoid(a @ W + b)\n    return a\n', setup='')

# bias as the weight of an extra input 1: [a, 1] @ [[W], [b]].
case('02', 'feedforward', 'accept', None, [], 'def feedforward(X, weights, biases):\n    a = X\n    for W, b in zip(weights, biases):\n        ones = np.ones(a.shape[:-1] + (1,))\n        a = sigmoid(np.concatenate([a, ones], axis=-1) @ np.vstack([W, b]))\n    return a\n', setup='')

# enumerate and index, with np.matmul and np.add.
case('02', 'feedforward', 'accept', None, [], 'def feedforward(X, weights, biases):\n    a = np.asarray(X, dtype=float)\n    for l, W in enumerate(weights):\n        a = sigmoid(np.add(np.matmul(a, W), biases[l]))\n    return a\n', setup='')

# Y[:, y] = 1 sets whole columns.
case('02', 'one_hot', 'refuse', 'fancy-index', ['in every labelled column ('], 'def one_hot(y, num_classes=10):\n    Y = np.zeros((len(y), num_classes))\n    Y[:, y] = 1\n    return Y\n', setup='')

# ignores num_classes: always 10 columns.
case('02', 'one_hot', 'refuse', 'num-classes', ['classes for the number of columns, not '], 'def one_hot(y, num_classes=10):\n    Y = np.zeros((len(y), 10))\n    Y[np.arange(len(y)), y] = 1\n    return Y\n', setup='')

# number of columns from the largest label present (y.max() + 1), not num_classes.
case('02', 'one_hot', 'refuse', None, [], 'def one_hot(y, num_classes=10):\n    Y = np.zeros((len(y), y.max() + 1))\n    Y[np.arange(len(y)), y] = 1\n    return Y\n', setup='')

# loop starts at 1: the first row stays all zeros.
case('02', 'one_hot', 'refuse', 'off-by-one', ['a loop that leaves out the first row (ra'], 'def one_hot(y, num_classes=10):\n    Y = np.zeros((len(y), num_classes))\n    for i in range(1, len(y)):\n        Y[i, y[i]] = 1\n    return Y\n', setup='')

# transposed: (num_classes, n), one column per sample.
case('02', 'one_hot', 'refuse', 'transpose', ['it looks like rows and columns are swapp'], 'def one_hot(y, num_classes=10):\n    Y = np.zeros((num_classes, len(y)))\n    Y[y, np.arange(len(y))] = 1\n    return Y\n', setup='')

# labels taken as 1..10: the 1 goes in column y[i] - 1 (digit 0 lands in the last column).
case('02', 'one_hot', 'refuse', 'off-by-one', [], 'def one_hot(y, num_classes=10):\n    Y = np.zeros((len(y), num_classes))\n    Y[np.arange(len(y)), y - 1] = 1\n    return Y\n', setup='')

# returns a Python list of lists, not an array.
case('02', 'one_hot', 'refuse', 'kind', ["numpy's arithmetic, slicing and indexing"], 'def one_hot(y, num_classes=10):\n    rows = []\n    for label in y:\n        row = [0.0] * num_classes\n        row[label] = 1.0\n        rows.append(row)\n    return rows\n', setup='')

# rows of the identity matrix: np.eye(num_classes)[y].
case('02', 'one_hot', 'accept', None, [], 'def one_hot(y, num_classes=10):\n    return np.eye(num_classes)[y]\n', setup='')

# comparison with broadcasting, as floats.
case('02', 'one_hot', 'accept', None, [], 'def one_hot(y, num_classes=10):\n    return (np.asarray(y)[:, None] == np.arange(num_classes)).astype(float)\n', setup='')

# np.argmax without axis: one index for the whole array.
case('02', 'accuracy', 'refuse', 'axis', ['on two rows that both predict '], 'def accuracy(outputs, y):\n    return float(np.mean(np.argmax(outputs) == y))\n', setup='')

# argmax over axis=0 (per column, 10 values).
case('02', 'accuracy', 'refuse', 'axis', ['your accuracy raised valueerror'], 'def accuracy(outputs, y):\n    predictions = np.argmax(outputs, axis=0)\n    return float(np.mean(predictions == y))\n', setup='')

# returns the count of correct rows, not the fraction.
case('02', 'accuracy', 'refuse', 'count', [], 'def accuracy(outputs, y):\n    predictions = np.argmax(outputs, axis=1)\n    return int(np.sum(predictions == y))\n', setup='')

# returns a percentage (x 100).
case('02', 'accuracy', 'refuse', 'percentage', ['it looks like a percentage'], 'def accuracy(outputs, y):\n    predictions = np.argmax(outputs, axis=1)\n    return float(np.mean(predictions == y)) * 100\n', setup='')

# compares the largest output value (not its position) with the label.
case('02', 'accuracy', 'refuse', None, ['the values are wrong (largest difference'], 'def accuracy(outputs, y):\n    return float(np.mean(np.max(outputs, axis=1) == y))\n', setup='')

# integer division: correct // n is 0 unless every row is right.
case('02', 'accuracy', 'refuse', 'integer-division', ['for three samples that are all right'], 'def accuracy(outputs, y):\n    correct = np.sum(np.argmax(outputs, axis=1) == y)\n    return correct // len(y)\n', setup='')

# loop skips the last row but still divides by n.
case('02', 'accuracy', 'refuse', 'off-by-one', ['it looks like the right answer without t'], 'def accuracy(outputs, y):\n    correct = 0\n    for i in range(len(y) - 1):\n        if np.argmax(outputs[i]) == y[i]:\n            correct += 1\n    return correct / len(y)\n', setup='')

# a plain loop that counts and divides.
case('02', 'accuracy', 'accept', None, [], 'def accuracy(outputs, y):\n    correct = 0\n    for row, label in zip(outputs, y):\n        if row.argmax() == label:\n            correct += 1\n    return correct / len(y)\n', setup='')

# count_nonzero / size, returned as np.float64 without float().
case('02', 'accuracy', 'accept', None, [], 'def accuracy(outputs, y):\n    return np.count_nonzero(outputs.argmax(axis=-1) == y) / np.size(y)\n', setup='')

# np.mean over all elements (divides by n x 10).
case('03', 'cost', 'refuse', 'mean-all', ['it looks like it divides by every number'], 'def cost(outputs, Y):\n    return float(0.5 * np.mean((outputs - Y) ** 2))\n', setup='')

# forgot the 1/2.
case('03', 'cost', 'refuse', 'half', [], 'def cost(outputs, Y):\n    return float(np.sum((outputs - Y) ** 2) / len(Y))\n', setup='')

# the 1/2 inside the square: (1/2 (o - y))^2, a quarter.
case('03', 'cost', 'refuse', 'scale:2', ['it looks like it is half the right answe'], 'def cost(outputs, Y):\n    return float(np.sum((0.5 * (outputs - Y)) ** 2) / len(Y))\n', setup='')

# sum over axis=1 and no mean: returns one error per sample (an array).
case('03', 'cost', 'refuse', 'shape', [], 'def cost(outputs, Y):\n    return 0.5 * np.sum((outputs - Y) ** 2, axis=1)\n', setup='')

# divides by the number of outputs per sample (Y.shape[1]) instead of n.
case('03', 'cost', 'refuse', 'axis', ['it looks like it divides by the number o'], 'def cost(outputs, Y):\n    return float(0.5 * np.sum((outputs - Y) ** 2) / Y.shape[1])\n', setup='')

# outputs -= Y changes the caller's outputs in place.
case('03', 'cost', 'refuse', 'in-place', ['your cost changed its argument '], 'def cost(outputs, Y):\n    outputs -= Y\n    return float(0.5 * np.sum(outputs ** 2) / len(Y))\n', setup='')

# absolute value instead of the square.
case('03', 'cost', 'refuse', 'formula', ['it looks like the difference is not squa'], 'def cost(outputs, Y):\n    return float(0.5 * np.sum(np.abs(outputs - Y)) / len(Y))\n', setup='')

# einsum of the difference with itself, divided by 2n.
case('03', 'cost', 'accept', None, [], 'def cost(outputs, Y):\n    d = outputs - Y\n    return float(np.einsum("ij,ij->", d, d) / (2 * len(Y)))\n', setup='')

# loop over samples with np.dot, mean of the per-sample errors.
case('03', 'cost', 'accept', None, [], 'def cost(outputs, Y):\n    errors = []\n    for o, y in zip(outputs, Y):\n        errors.append(0.5 * np.dot(o - y, o - y))\n    return sum(errors) / len(errors)\n', setup='')

# z (1 - z): the formula applied to z instead of S(z).
case('03', 'sigmoid_prime', 'refuse', 'activation-for-z', ['it looks like it is applied to z itself'], 'def sigmoid_prime(z):\n    return z * (1 - z)\n', setup='')

# mixes the two: S(z) (1 - z).
case('03', 'sigmoid_prime', 'refuse', 'formula', ['z) where the formula has ('], 'def sigmoid_prime(z):\n    return sigmoid(z) * (1 - z)\n', setup='')

# precedence: s * 1 - s is 0 everywhere.
case('03', 'sigmoid_prime', 'refuse', None, ['the values are wrong (largest difference'], 'def sigmoid_prime(z):\n    s = sigmoid(z)\n    return s * 1 - s\n', setup='')

# derivative by hand missing the square: e^(-z) / (1 + e^(-z)).
case('03', 'sigmoid_prime', 'refuse', 'formula', [], 'def sigmoid_prime(z):\n    z = np.clip(z, -500, 500)\n    return np.exp(-z) / (1 + np.exp(-z))\n', setup='')

# right formula e^(-z)/(1+e^(-z))^2 unclipped: inf/inf = nan for very negative z.
case('03', 'sigmoid_prime', 'refuse', 'overflow', [], 'def sigmoid_prime(z):\n    return np.exp(-z) / (1 + np.exp(-z)) ** 2\n', setup='')

# uses S(-z) (1 - S(-z)), equal by symmetry.
case('03', 'sigmoid_prime', 'accept', None, [], 'def sigmoid_prime(z):\n    s = sigmoid(-z)\n    return s * (1 - s)\n', setup='')

# S(z) - S(z)^2 with np.square.
case('03', 'sigmoid_prime', 'accept', None, [], 'def sigmoid_prime(z):\n    s = sigmoid(z)\n    return s - np.square(s)\n', setup='')

# sigmoid_prime of the activations instead of the zs (both deltas).
case('03', 'backprop', 'refuse', 'activation-for-z', ['on a network with layer sizes '], 'def backprop(X, Y, weights, biases):\n    nabla_w = [None] * len(weights)\n    nabla_b = [None] * len(biases)\n\n    activations, zs = [X], []\n    for W, b in zip(weights, biases):\n        zs.append(activations[-1] @ W + b)\n        activations.append(sigmoid(zs[-1]))\n    delta = (activations[-1] - Y) * sigmoid_prime(activations[-1])\n    n = len(X)\n    for l in range(len(weights) - 1, -1, -1):\n        nabla_w[l] = activations[l].T @ delta / n\n        nabla_b[l] = delta.sum(axis=0) / n\n        if l > 0:\n            delta = (delta @ weights[l].T) * sigmoid_prime(activations[l])\n    return nabla_w, nabla_b\n', setup='')

# no division by n: summed, not averaged, gradients.
case('03', 'backprop', 'refuse', 'scale:n', ['on a network with layer sizes '], 'def backprop(X, Y, weights, biases):\n    nabla_w = [None] * len(weights)\n    nabla_b = [None] * len(biases)\n\n    activations, zs = [X], []\n    for W, b in zip(weights, biases):\n        zs.append(activations[-1] @ W + b)\n        activations.append(sigmoid(zs[-1]))\n    delta = (activations[-1] - Y) * sigmoid_prime(zs[-1])\n    for l in range(len(weights) - 1, -1, -1):\n        nabla_w[l] = activations[l].T @ delta\n        nabla_b[l] = delta.sum(axis=0)\n        if l > 0:\n            delta = (delta @ weights[l].T) * sigmoid_prime(zs[l - 1])\n    return nabla_w, nabla_b\n', setup='')

# index slip: sigmoid_prime(zs[l]) instead of zs[l - 1] for the earlier delta (shape clash).
case('03', 'backprop', 'refuse', 'wrong-layer', ['your backprop raised valueerror'], 'def backprop(X, Y, weights, biases):\n    nabla_w = [None] * len(weights)\n    nabla_b = [None] * len(biases)\n\n    activations, zs = [X], []\n    for W, b in zip(weights, biases):\n        zs.append(activations[-1] @ W + b)\n        activations.append(sigmoid(zs[-1]))\n    delta = (activations[-1] - Y) * sigmoid_prime(zs[-1])\n    n = len(X)\n    for l in range(len(weights) - 1, -1, -1):\n        nabla_w[l] = activations[l].T @ delta / n\n        nabla_b[l] = delta.sum(axis=0) / n\n        if l > 0:\n            delta = (delta @ weights[l].T) * sigmoid_prime(zs[l])\n    return nabla_w, nabla_b\n', setup='')

# nabla_w[l] = delta.T @ activations[l]: the transpose of the right gradient.
case('03', 'backprop', 'refuse', 'transpose', ['backprop on a network with layer sizes '], 'def backprop(X, Y, weights, biases):\n    nabla_w = [None] * len(weights)\n    nabla_b = [None] * len(biases)\n\n    activations, zs = [X], []\n    for W, b in zip(weights, biases):\n        zs.append(activations[-1] @ W + b)\n        activations.append(sigmoid(zs[-1]))\n    delta = (activations[-1] - Y) * sigmoid_prime(zs[-1])\n    n = len(X)\n    for l in range(len(weights) - 1, -1, -1):\n        nabla_w[l] = delta.T @ activations[l] / n\n        nabla_b[l] = delta.sum(axis=0) / n\n        if l > 0:\n            delta = (delta @ weights[l].T) * sigmoid_prime(zs[l - 1])\n    return nabla_w, nabla_b\n', setup='')

# loop stops before layer 0 (range(L-1, 0, -1)): nabla_w[0], nabla_b[0] stay None.
case('03', 'backprop', 'refuse', 'skipped-layer', ['backprop on a network with layer sizes '], 'def backprop(X, Y, weights, biases):\n    nabla_w = [None] * len(weights)\n    nabla_b = [None] * len(biases)\n\n    activations, zs = [X], []\n    for W, b in zip(weights, biases):\n        zs.append(activations[-1] @ W + b)\n        activations.append(sigmoid(zs[-1]))\n    delta = (activations[-1] - Y) * sigmoid_prime(zs[-1])\n    n = len(X)\n    for l in range(len(weights) - 1, 0, -1):\n        nabla_w[l] = activations[l].T @ delta / n\n        nabla_b[l] = delta.sum(axis=0) / n\n        delta = (delta @ weights[l].T) * sigmoid_prime(zs[l - 1])\n    return nabla_w, nabla_b\n', setup='')

# forward pass without the biases (z = a W).
case('03', 'backprop', 'refuse', 'no-bias', ['on a network with layer sizes '], 'def backprop(X, Y, weights, biases):\n    nabla_w = [None] * len(weights)\n    nabla_b = [None] * len(biases)\n\n    activations, zs = [X], []\n    for W in weights:\n        zs.append(activations[-1] @ W)\n        activations.append(sigmoid(zs[-1]))\n    delta = (activations[-1] - Y) * sigmoid_prime(zs[-1])\n    n = len(X)\n    for l in range(len(weights) - 1, -1, -1):\n        nabla_w[l] = activations[l].T @ delta / n\n        nabla_b[l] = delta.sum(axis=0) / n\n        if l > 0:\n            delta = (delta @ weights[l].T) * sigmoid_prime(zs[l - 1])\n    return nabla_w, nabla_b\n', setup='')

# output error (Y - a) instead of (a - Y): every gradient has the wrong sign.
case('03', 'backprop', 'refuse', 'sign', ['on a network with layer sizes '], 'def backprop(X, Y, weights, biases):\n    nabla_w = [None] * len(weights)\n    nabla_b = [None] * len(biases)\n\n    activations, zs = [X], []\n    for W, b in zip(weights, biases):\n        zs.append(activations[-1] @ W + b)\n        activations.append(sigmoid(zs[-1]))\n    delta = (Y - activations[-1]) * sigmoid_prime(zs[-1])\n    n = len(X)\n    for l in range(len(weights) - 1, -1, -1):\n        nabla_w[l] = activations[l].T @ delta / n\n        nabla_b[l] = delta.sum(axis=0) / n\n        if l > 0:\n            delta = (delta @ weights[l].T) * sigmoid_prime(zs[l - 1])\n    return nabla_w, nabla_b\n', setup='')

# nabla_b averaged along axis=1 (per sample) instead of over the samples: wrong shape (n,).
case('03', 'backprop', 'refuse', 'axis', ['backprop on a network with layer sizes '], 'def backprop(X, Y, weights, biases):\n    nabla_w = [None] * len(weights)\n    nabla_b = [None] * len(biases)\n\n    activations, zs = [X], []\n    for W, b in zip(weights, biases):\n        zs.append(activations[-1] @ W + b)\n        activations.append(sigmoid(zs[-1]))\n    delta = (activations[-1] - Y) * sigmoid_prime(zs[-1])\n    n = len(X)\n    for l in range(len(weights) - 1, -1, -1):\n        nabla_w[l] = activations[l].T @ delta / n\n        nabla_b[l] = delta.mean(axis=1)\n        if l > 0:\n            delta = (delta @ weights[l].T) * sigmoid_prime(zs[l - 1])\n    return nabla_w, nabla_b\n', setup='')

# uses the activation of the layer after (activations[l + 1]) as the input in nabla_w.
case('03', 'backprop', 'refuse', 'wrong-layer', ['on a network with layer sizes '], 'def backprop(X, Y, weights, biases):\n    nabla_w = [None] * len(weights)\n    nabla_b = [None] * len(biases)\n\n    activations, zs = [X], []\n    for W, b in zip(weights, biases):\n        zs.append(activations[-1] @ W + b)\n        activations.append(sigmoid(zs[-1]))\n    delta = (activations[-1] - Y) * sigmoid_prime(zs[-1])\n    n = len(X)\n    for l in range(len(weights) - 1, -1, -1):\n        nabla_w[l] = activations[l + 1].T @ delta / n\n        nabla_b[l] = delta.sum(axis=0) / n\n        if l > 0:\n            delta = (delta @ weights[l].T) * sigmoid_prime(zs[l - 1])\n    return nabla_w, nabla_b\n', setup='')

# backprop itself right; the learner's own sigmoid_prime (earlier TODO) is z (1 - z).
case('03', 'backprop', 'refuse', 'earlier-todo', ['your backprop uses your sigmoid'], 'def backprop(X, Y, weights, biases):\n    nabla_w = [None] * len(weights)\n    nabla_b = [None] * len(biases)\n\n    activations, zs = [X], []\n    for W, b in zip(weights, biases):\n        zs.append(activations[-1] @ W + b)\n        activations.append(sigmoid(zs[-1]))\n    delta = (activations[-1] - Y) * sigmoid_prime(zs[-1])\n    n = len(X)\n    for l in range(len(weights) - 1, -1, -1):\n        nabla_w[l] = activations[l].T @ delta / n\n        nabla_b[l] = delta.sum(axis=0) / n\n        if l > 0:\n            delta = (delta @ weights[l].T) * sigmoid_prime(zs[l - 1])\n    return nabla_w, nabla_b\n', setup='def sigmoid_prime(z):\n    return z * (1 - z)\n')

# bias gradient left without the 1/n (weights averaged, biases summed).
case('03', 'backprop', 'refuse', 'scale:n', ['on a network with layer sizes '], 'def backprop(X, Y, weights, biases):\n    nabla_w = [None] * len(weights)\n    nabla_b = [None] * len(biases)\n\n    activations, zs = [X], []\n    for W, b in zip(weights, biases):\n        zs.append(activations[-1] @ W + b)\n        activations.append(sigmoid(zs[-1]))\n    delta = (activations[-1] - Y) * sigmoid_prime(zs[-1])\n    n = len(X)\n    for l in range(len(weights) - 1, -1, -1):\n        nabla_w[l] = activations[l].T @ delta / n\n        nabla_b[l] = np.sum(delta, axis=0)\n        if l > 0:\n            delta = (delta @ weights[l].T) * sigmoid_prime(zs[l - 1])\n    return nabla_w, nabla_b\n', setup='')

# delta moved back at the top of the loop (uses weights[l + 1] and zs[l]).
case('03', 'backprop', 'accept', None, [], 'def backprop(X, Y, weights, biases):\n    nabla_w = [None] * len(weights)\n    nabla_b = [None] * len(biases)\n\n    activations, zs = [X], []\n    for W, b in zip(weights, biases):\n        z = activations[-1] @ W + b\n        zs.append(z)\n        activations.append(sigmoid(z))\n    L = len(weights)\n    n = X.shape[0]\n    delta = (activations[-1] - Y) * sigmoid_prime(zs[-1])\n    for l in reversed(range(L)):\n        if l < L - 1:\n            delta = (delta @ weights[l + 1].T) * sigmoid_prime(zs[l])\n        nabla_w[l] = np.einsum("ni,no->io", activations[l], delta) / n\n        nabla_b[l] = delta.mean(axis=0)\n    return nabla_w, nabla_b\n', setup='')

# recursion over the layers: each call returns the delta it gets from the next layer.
case('03', 'backprop', 'accept', None, [], 'def backprop(X, Y, weights, biases):\n    nabla_w = [None] * len(weights)\n    nabla_b = [None] * len(biases)\n\n    n = len(X)\n\n    def layer(l, a):\n        z = a @ weights[l] + biases[l]\n        s = sigmoid(z)\n        if l == len(weights) - 1:\n            delta = (s - Y) * s * (1 - s)\n        else:\n            delta = (layer(l + 1, s) @ weights[l + 1].T) * s * (1 - s)\n        nabla_w[l] = a.T @ delta / n\n        nabla_b[l] = delta.sum(axis=0) / n\n        return delta\n\n    layer(0, X)\n    return nabla_w, nabla_b\n', setup='')

# for W, nW in zip(...): W = W - eta nW rebinds the name; the list is unchanged.
case('04', 'update_mini_batch', 'refuse', 'rebinding', ['the weights and biases did not change'], 'def update_mini_batch(weights, biases, X_batch, Y_batch, eta):\n    nabla_w, nabla_b = backprop(X_batch, Y_batch, weights, biases)\n    for W, nW in zip(weights, nabla_w):\n        W = W - eta * nW\n    for b, nb in zip(biases, nabla_b):\n        b = b - eta * nb\n', setup='')

# plus instead of minus: steps uphill.
case('04', 'update_mini_batch', 'refuse', 'sign', ['new value minus old) on a '], 'def update_mini_batch(weights, biases, X_batch, Y_batch, eta):\n    nabla_w, nabla_b = backprop(X_batch, Y_batch, weights, biases)\n    for l in range(len(weights)):\n        weights[l] += eta * nabla_w[l]\n        biases[l] += eta * nabla_b[l]\n', setup='')

# forgets the biases.
case('04', 'update_mini_batch', 'refuse', 'not-updated', ['update every weight matrix and every bia'], 'def update_mini_batch(weights, biases, X_batch, Y_batch, eta):\n    nabla_w, nabla_b = backprop(X_batch, Y_batch, weights, biases)\n    for l in range(len(weights)):\n        weights[l] -= eta * nabla_w[l]\n', setup='')

# returns new lists instead of changing the given ones.
case('04', 'update_mini_batch', 'refuse', 'rebinding', ['returned tuple, and the weights and bias'], 'def update_mini_batch(weights, biases, X_batch, Y_batch, eta):\n    nabla_w, nabla_b = backprop(X_batch, Y_batch, weights, biases)\n    new_weights = [W - eta * nW for W, nW in zip(weights, nabla_w)]\n    new_biases = [b - eta * nb for b, nb in zip(biases, nabla_b)]\n    return new_weights, new_biases\n', setup='')

# backprop called inside the layer loop: later layers get gradients of the half-updated network.
case('04', 'update_mini_batch', 'refuse', 'moved', ['new value minus old) on a '], 'def update_mini_batch(weights, biases, X_batch, Y_batch, eta):\n    for l in range(len(weights)):\n        nabla_w, nabla_b = backprop(X_batch, Y_batch, weights, biases)\n        weights[l] -= eta * nabla_w[l]\n        biases[l] -= eta * nabla_b[l]\n', setup='')

# divides by the batch size again (backprop already averages): steps m times too small.
case('04', 'update_mini_batch', 'refuse', 'scale:n', ['new value minus old) on a '], 'def update_mini_batch(weights, biases, X_batch, Y_batch, eta):\n    nabla_w, nabla_b = backprop(X_batch, Y_batch, weights, biases)\n    m = len(X_batch)\n    for l in range(len(weights)):\n        weights[l] -= eta / m * nabla_w[l]\n        biases[l] -= eta / m * nabla_b[l]\n', setup='')

# unpacks backprop's result in the wrong order (nabla_b, nabla_w).
case('04', 'update_mini_batch', 'refuse', None, ['broadcastable output operand with shape '], 'def update_mini_batch(weights, biases, X_batch, Y_batch, eta):\n    nabla_b, nabla_w = backprop(X_batch, Y_batch, weights, biases)\n    for l in range(len(weights)):\n        weights[l] -= eta * nabla_w[l]\n        biases[l] -= eta * nabla_b[l]\n', setup='')

# only the last layer is updated (weights[-1], biases[-1]), as in the 1-d example of notebook 03.
case('04', 'update_mini_batch', 'refuse', 'not-updated', ['update every weight matrix and every bia'], 'def update_mini_batch(weights, biases, X_batch, Y_batch, eta):\n    nabla_w, nabla_b = backprop(X_batch, Y_batch, weights, biases)\n    weights[-1] -= eta * nabla_w[-1]\n    biases[-1] -= eta * nabla_b[-1]\n', setup='')

# np.subtract with out= on each array.
case('04', 'update_mini_batch', 'accept', None, [], 'def update_mini_batch(weights, biases, X_batch, Y_batch, eta):\n    nabla_w, nabla_b = backprop(X_batch, Y_batch, weights, biases)\n    for W, nW in zip(weights, nabla_w):\n        np.subtract(W, eta * nW, out=W)\n    for b, nb in zip(biases, nabla_b):\n        np.subtract(b, eta * nb, out=b)\n', setup='')

# replaces the list's elements by slice assignment (new arrays, same lists).
case('04', 'update_mini_batch', 'accept', None, [], 'def update_mini_batch(weights, biases, X_batch, Y_batch, eta):\n    nabla_w, nabla_b = backprop(X_batch, Y_batch, weights, biases)\n    weights[:] = [W - eta * nW for W, nW in zip(weights, nabla_w)]\n    biases[:] = [b - eta * nb for b, nb in zip(biases, nabla_b)]\n', setup='')

# shuffles once, before the epoch loop: every epoch in the same order.
case('04', 'sgd', 'refuse', 'same-order', ['every epoch used the same order'], 'def sgd(weights, biases, X, y, epochs, batch_size, eta, rng):\n    Y = one_hot(y)\n    order = rng.permutation(len(X))\n    for epoch in range(epochs):\n        for start in range(0, len(X), batch_size):\n            batch = order[start:start + batch_size]\n            update_mini_batch(weights, biases, X[batch], Y[batch], eta)\n', setup='')

# shuffles X and Y with two different permutations: images and labels separated.
case('04', 'sgd', 'refuse', None, ['batch (the labels it gave update'], 'def sgd(weights, biases, X, y, epochs, batch_size, eta, rng):\n    Y = one_hot(y)\n    for epoch in range(epochs):\n        X_shuffled = X[rng.permutation(len(X))]\n        Y_shuffled = Y[rng.permutation(len(Y))]\n        for start in range(0, len(X), batch_size):\n            update_mini_batch(weights, biases, X_shuffled[start:start + batch_size],\n                              Y_shuffled[start:start + batch_size], eta)\n', setup='')

# np.random.permutation instead of the given rng: not reproducible, ignores the seed.
case('04', 'sgd', 'refuse', 'global-rng', ["it draws from numpy's global random stat"], 'def sgd(weights, biases, X, y, epochs, batch_size, eta, rng):\n    Y = one_hot(y)\n    for epoch in range(epochs):\n        order = np.random.permutation(len(X))\n        for start in range(0, len(X), batch_size):\n            batch = order[start:start + batch_size]\n            update_mini_batch(weights, biases, X[batch], Y[batch], eta)\n', setup='')

# drops the last, smaller mini-batch (range stops at n - batch_size + 1).
case('04', 'sgd', 'refuse', 'last-batch-dropped', ['batches per epoch, all of '], 'def sgd(weights, biases, X, y, epochs, batch_size, eta, rng):\n    Y = one_hot(y)\n    n = len(X)\n    for epoch in range(epochs):\n        order = rng.permutation(n)\n        for start in range(0, n - batch_size + 1, batch_size):\n            batch = order[start:start + batch_size]\n            update_mini_batch(weights, biases, X[batch], Y[batch], eta)\n', setup='')

# off-by-one slice: order[start:start + batch_size + 1] makes batches one too big that overlap.
case('04', 'sgd', 'refuse', 'shape', ['images, and the last one the rest'], 'def sgd(weights, biases, X, y, epochs, batch_size, eta, rng):\n    Y = one_hot(y)\n    for epoch in range(epochs):\n        order = rng.permutation(len(X))\n        for start in range(0, len(X), batch_size):\n            batch = order[start:start + batch_size + 1]\n            update_mini_batch(weights, biases, X[batch], Y[batch], eta)\n', setup='')

# passes the labels y[batch] instead of the one-hot targets Y[batch].
case('04', 'sgd', 'refuse', 'not-one-hot', ['batch (the labels it gave update'], 'def sgd(weights, biases, X, y, epochs, batch_size, eta, rng):\n    Y = one_hot(y)\n    for epoch in range(epochs):\n        order = rng.permutation(len(X))\n        for start in range(0, len(X), batch_size):\n            batch = order[start:start + batch_size]\n            update_mini_batch(weights, biases, X[batch], y[batch], eta)\n', setup='')

# np.array_split into ceil(n / batch_size) parts: equal-ish sizes, not batch_size each.
case('04', 'sgd', 'refuse', 'shape', ['images, and the last one the rest'], 'def sgd(weights, biases, X, y, epochs, batch_size, eta, rng):\n    Y = one_hot(y)\n    n_batches = int(np.ceil(len(X) / batch_size))\n    for epoch in range(epochs):\n        order = rng.permutation(len(X))\n        for batch in np.array_split(order, n_batches):\n            update_mini_batch(weights, biases, X[batch], Y[batch], eta)\n', setup='')

# slice order[start:batch_size] (forgot start +): only the first mini-batch has rows.
case('04', 'sgd', 'refuse', 'shape', ['images, and the last one the rest'], 'def sgd(weights, biases, X, y, epochs, batch_size, eta, rng):\n    Y = one_hot(y)\n    for epoch in range(epochs):\n        order = rng.permutation(len(X))\n        for start in range(0, len(X), batch_size):\n            batch = order[start:batch_size]\n            update_mini_batch(weights, biases, X[batch], Y[batch], eta)\n', setup='')

# rng.shuffle(X) then rng.shuffle(Y): two different orders, and the caller's X is shuffled in place.
case('04', 'sgd', 'refuse', 'in-place', ['your sgd changed its argument '], 'def sgd(weights, biases, X, y, epochs, batch_size, eta, rng):\n    Y = one_hot(y)\n    for epoch in range(epochs):\n        rng.shuffle(X)\n        rng.shuffle(Y)\n        for start in range(0, len(X), batch_size):\n            update_mini_batch(weights, biases, X[start:start + batch_size], Y[start:start + batch_size], eta)\n', setup='')

# np.split at multiples of batch_size; one-hot made with np.eye.
case('04', 'sgd', 'accept', None, [], 'def sgd(weights, biases, X, y, epochs, batch_size, eta, rng):\n    Y = np.eye(10)[y]\n    n = len(X)\n    for epoch in range(epochs):\n        order = rng.permutation(n)\n        for batch in np.split(order, np.arange(batch_size, n, batch_size)):\n            update_mini_batch(weights, biases, X[batch], Y[batch], eta)\n', setup='')

# a while loop over positions, with X and Y permuted together by one index.
case('04', 'sgd', 'accept', None, [], 'def sgd(weights, biases, X, y, epochs, batch_size, eta, rng):\n    Y = one_hot(y)\n    epoch = 0\n    while epoch < epochs:\n        order = rng.permutation(X.shape[0])\n        X_epoch, Y_epoch = X[order], Y[order]\n        start = 0\n        while start < len(order):\n            update_mini_batch(weights, biases, X_epoch[start:start + batch_size],\n                              Y_epoch[start:start + batch_size], eta)\n            start += batch_size\n        epoch += 1\n', setup='')

# chooses on the final training accuracy, not validation.
case('05', 'best_of_seeds', 'refuse', 'chose-training', ['the final validation accuracies are '], 'def best_of_seeds(sizes, X, y, validation, epochs, batch_size, eta, seeds):\n    runs = []\n    for seed in seeds:\n        net = helpers.Network(sizes, seed=seed)\n        runs.append((net, net.sgd(X, y, epochs, batch_size, eta, validation=validation)))\n    return max(runs, key=lambda run: run[1]["train_accuracy"][-1])\n', setup='')

# chooses on the best validation accuracy of any epoch, not the final one.
case('05', 'best_of_seeds', 'refuse', 'best-epoch', ['the final validation accuracies are '], 'def best_of_seeds(sizes, X, y, validation, epochs, batch_size, eta, seeds):\n    runs = []\n    for seed in seeds:\n        net = helpers.Network(sizes, seed=seed)\n        runs.append((net, net.sgd(X, y, epochs, batch_size, eta, validation=validation)))\n    return max(runs, key=lambda run: max(run[1]["val_accuracy"]))\n', setup='')

# returns only the network, not the pair (net, history).
case('05', 'best_of_seeds', 'refuse', None, ['the best network and its history (the di'], 'def best_of_seeds(sizes, X, y, validation, epochs, batch_size, eta, seeds):\n    runs = []\n    for seed in seeds:\n        net = helpers.Network(sizes, seed=seed)\n        runs.append((net, net.sgd(X, y, epochs, batch_size, eta, validation=validation)))\n    return max(runs, key=lambda run: run[1]["val_accuracy"][-1])[0]\n', setup='')

# min instead of max: keeps the worst seed.
case('05', 'best_of_seeds', 'refuse', 'chose-min', ['the final validation accuracies are '], 'def best_of_seeds(sizes, X, y, validation, epochs, batch_size, eta, seeds):\n    runs = []\n    for seed in seeds:\n        net = helpers.Network(sizes, seed=seed)\n        runs.append((net, net.sgd(X, y, epochs, batch_size, eta, validation=validation)))\n    return min(runs, key=lambda run: run[1]["val_accuracy"][-1])\n', setup='')

# never passes the seed: every network starts from seed 0.
case('05', 'best_of_seeds', 'refuse', 'seed-ignored', ['trained networks with seeds [0, 0, 0'], 'def best_of_seeds(sizes, X, y, validation, epochs, batch_size, eta, seeds):\n    runs = []\n    for seed in seeds:\n        net = helpers.Network(sizes)\n        runs.append((net, net.sgd(X, y, epochs, batch_size, eta, validation=validation)))\n    return max(runs, key=lambda run: run[1]["val_accuracy"][-1])\n', setup='')

# forgets to update best_accuracy in the loop: returns the last run, not the best.
case('05', 'best_of_seeds', 'refuse', 'chose-last', ['the final validation accuracies are '], 'def best_of_seeds(sizes, X, y, validation, epochs, batch_size, eta, seeds):\n    best, best_accuracy = None, 0.0\n    for seed in seeds:\n        net = helpers.Network(sizes, seed=seed)\n        history = net.sgd(X, y, epochs, batch_size, eta, validation=validation)\n        if history["val_accuracy"][-1] > best_accuracy:\n            best = (net, history)\n    return best\n', setup='')

# no validation passed to sgd: the history has no val_accuracy (IndexError).
case('05', 'best_of_seeds', 'refuse', None, [], 'def best_of_seeds(sizes, X, y, validation, epochs, batch_size, eta, seeds):\n    runs = []\n    for seed in seeds:\n        net = helpers.Network(sizes, seed=seed)\n        runs.append((net, net.sgd(X, y, epochs, batch_size, eta)))\n    return max(runs, key=lambda run: run[1]["val_accuracy"][-1])\n', setup='')

# state kept between calls: the list of runs lives outside the function and keeps growing.
case('05', 'best_of_seeds', 'refuse', 'state', ['seeds, called again with seeds '], 'all_runs = []\n\n\ndef best_of_seeds(sizes, X, y, validation, epochs, batch_size, eta, seeds):\n    for seed in seeds:\n        net = helpers.Network(sizes, seed=seed)\n        all_runs.append((net, net.sgd(X, y, epochs, batch_size, eta, validation=validation)))\n    return max(all_runs, key=lambda run: run[1]["val_accuracy"][-1])\n', setup='')

# one network made before the loop and trained on for every seed (no new network per seed).
case('05', 'best_of_seeds', 'refuse', 'seed-ignored', ['trained networks with seeds [0, 0, 0'], 'def best_of_seeds(sizes, X, y, validation, epochs, batch_size, eta, seeds):\n    net = helpers.Network(sizes, seed=seeds[0])\n    runs = []\n    for seed in seeds:\n        history = net.sgd(X, y, epochs, batch_size, eta, validation=validation)\n        runs.append((net, history))\n    return max(runs, key=lambda run: run[1]["val_accuracy"][-1])\n', setup='')

# returns the pair the other way round: (history, net).
case('05', 'best_of_seeds', 'refuse', 'order', ['returned a pair of a dict and a network'], 'def best_of_seeds(sizes, X, y, validation, epochs, batch_size, eta, seeds):\n    runs = []\n    for seed in seeds:\n        net = helpers.Network(sizes, seed=seed)\n        history = net.sgd(X, y, epochs, batch_size, eta, validation=validation)\n        runs.append((history, net))\n    return max(runs, key=lambda run: run[0]["val_accuracy"][-1])\n', setup='')

# a loop that keeps the best with >, no list.
case('05', 'best_of_seeds', 'accept', None, [], 'def best_of_seeds(sizes, X, y, validation, epochs, batch_size, eta, seeds):\n    best_net, best_history, best_accuracy = None, None, -1.0\n    for seed in seeds:\n        net = helpers.Network(sizes, seed=seed)\n        history = net.sgd(X, y, epochs, batch_size, eta, validation=validation)\n        if history["val_accuracy"][-1] > best_accuracy:\n            best_net, best_history, best_accuracy = net, history, history["val_accuracy"][-1]\n    return best_net, best_history\n', setup='')

# a dict from seed to run, then max over its values; returns a tuple built explicitly.
case('05', 'best_of_seeds', 'accept', None, [], 'def best_of_seeds(sizes, X, y, validation, epochs, batch_size, eta, seeds):\n    runs = {}\n    for seed in seeds:\n        net = helpers.Network(sizes, seed=seed)\n        runs[seed] = (net, net.sgd(X, y, epochs, batch_size, eta, validation=validation))\n    best_seed = max(runs, key=lambda s: runs[s][1]["val_accuracy"][-1])\n    net, history = runs[best_seed]\n    return (net, history)\n', setup='')

# no max subtracted: e^z overflows for large z (nan).
case('07', 'softmax', 'refuse', 'overflow', [], 'def softmax(Z):\n    E = np.exp(Z)\n    return E / E.sum(axis=1, keepdims=True)\n', setup='')

# Z.max(axis=1) without keepdims: lines up with the columns (error, or silently wrong when n = k).
case('07', 'softmax', 'refuse', None, ['the values are wrong (largest difference'], 'def softmax(Z):\n    E = np.exp(Z - Z.max(axis=1))\n    return E / E.sum(axis=1, keepdims=True)\n', setup='')

# normalises each column (sum over axis=0) instead of each row.
case('07', 'softmax', 'refuse', 'axis', ['it looks like it normalises each column'], 'def softmax(Z):\n    E = np.exp(Z - Z.max(axis=0, keepdims=True))\n    return E / E.sum(axis=0, keepdims=True)\n', setup='')

# subtracts the maximum of the whole array: a row far below it underflows to 0/0.
case('07', 'softmax', 'refuse', 'global-max', ['rows of very different sizes) is wrong i'], 'def softmax(Z):\n    E = np.exp(Z - Z.max())\n    return E / E.sum(axis=1, keepdims=True)\n', setup='')

# computes in place in Z: the caller's Z is overwritten with the probabilities.
case('07', 'softmax', 'refuse', 'in-place', ['your softmax changed its argument '], 'def softmax(Z):\n    Z -= Z.max(axis=1, keepdims=True)\n    np.exp(Z, out=Z)\n    Z /= Z.sum(axis=1, keepdims=True)\n    return Z\n', setup='')

# divides by the sum of the z's instead of the sum of the e^z's.
case('07', 'softmax', 'refuse', None, ['the values are wrong (largest difference'], 'def softmax(Z):\n    E = np.exp(Z - Z.max(axis=1, keepdims=True))\n    return E / Z.sum(axis=1, keepdims=True)\n', setup='')

# row loop that returns a Python list of arrays.
case('07', 'softmax', 'refuse', 'kind', ['rows returned a python list'], 'def softmax(Z):\n    rows = []\n    for z in Z:\n        e = np.exp(z - z.max())\n        rows.append(e / e.sum())\n    return rows\n', setup='')

# subtracts each row's minimum, not its maximum: e^z still overflows.
case('07', 'softmax', 'refuse', 'overflow', [], 'def softmax(Z):\n    E = np.exp(Z - Z.min(axis=1, keepdims=True))\n    return E / E.sum(axis=1, keepdims=True)\n', setup='')

# row loop filling np.empty_like.
case('07', 'softmax', 'accept', None, [], 'def softmax(Z):\n    out = np.empty_like(Z)\n    for i in range(Z.shape[0]):\n        e = np.exp(Z[i] - np.max(Z[i]))\n        out[i] = e / np.sum(e)\n    return out\n', setup='')

# log-sum-exp form: exp(Z - m - log sum exp(Z - m)).
case('07', 'softmax', 'accept', None, [], 'def softmax(Z):\n    m = np.max(Z, axis=-1, keepdims=True)\n    log_sum = np.log(np.sum(np.exp(Z - m), axis=-1, keepdims=True))\n    return np.exp(Z - m - log_sum)\n', setup='')

# forgot the minus sign: the cost is negative.
case('07', 'cross_entropy', 'refuse', 'sign', ['it looks like the minus sign is missing'], 'def cross_entropy(outputs, Y):\n    return float(np.sum(Y * np.log(outputs)) / len(Y))\n', setup='')

# np.mean over all elements (divides by n x k).
case('07', 'cross_entropy', 'refuse', 'mean-all', ['it looks like it divides by every number'], 'def cross_entropy(outputs, Y):\n    return float(-np.mean(Y * np.log(outputs)))\n', setup='')

# the binary cross-entropy of notebook 07's single neuron: adds (1 - y) ln(1 - o) for every output.
case('07', 'cross_entropy', 'refuse', None, ['the values are wrong (largest difference'], 'def cross_entropy(outputs, Y):\n    return float(-np.sum(Y * np.log(outputs) + (1 - Y) * np.log(1 - outputs)) / len(Y))\n', setup='')

# log base 10 instead of the natural log.
case('07', 'cross_entropy', 'refuse', 'log10', ['it looks like it uses log'], 'def cross_entropy(outputs, Y):\n    return float(-np.sum(Y * np.log10(outputs)) / len(Y))\n', setup='')

# uses the largest output of each row (the prediction) instead of the output of the right digit.
case('07', 'cross_entropy', 'refuse', 'formula', ["each row's largest output"], 'def cross_entropy(outputs, Y):\n    return float(-np.mean(np.log(outputs.max(axis=1))))\n', setup='')

# sums over axis=1 only: returns one cost per sample.
case('07', 'cross_entropy', 'refuse', None, ['expected one number (the mean over the b'], 'def cross_entropy(outputs, Y):\n    return -np.sum(Y * np.log(outputs), axis=1)\n', setup='')

# arguments swapped inside: Y ln... becomes outputs * ln(Y) (0 * -inf = nan).
case('07', 'cross_entropy', 'refuse', None, ['outputs returned inf values (inf comes f'], 'def cross_entropy(outputs, Y):\n    return float(-np.sum(outputs * np.log(Y)) / len(Y))\n', setup='')

# divides by the number of classes (Y.shape[1]) instead of the number of samples.
case('07', 'cross_entropy', 'refuse', None, ['the values are wrong (largest difference'], 'def cross_entropy(outputs, Y):\n    return float(-np.sum(Y * np.log(outputs)) / Y.shape[1])\n', setup='')

# picks ln o of the right digit by fancy indexing, then the mean.
case('07', 'cross_entropy', 'accept', None, [], 'def cross_entropy(outputs, Y):\n    n = len(Y)\n    labels = np.argmax(Y, axis=1)\n    return float(-np.mean(np.log(outputs[np.arange(n), labels])))\n', setup='')

# einsum, with outputs clipped away from 0 first.
case('07', 'cross_entropy', 'accept', None, [], 'def cross_entropy(outputs, Y):\n    logs = np.log(np.clip(outputs, 1e-12, 1.0))\n    return float(-np.einsum("ij,ij->", Y, logs) / Y.shape[0])\n', setup='')

# divides by n_in (the variance) instead of sqrt(n_in).
case('07', 'scaled_weights', 'refuse', 'scale:n', ["weights' spread (the standard deviation "], 'def scaled_weights(n_in, n_out, rng):\n    return rng.standard_normal((n_in, n_out)) / n_in\n', setup='')

# shape swapped: (n_out, n_in).
case('07', 'scaled_weights', 'refuse', 'transpose', ['one row per input, one column per node, '], 'def scaled_weights(n_in, n_out, rng):\n    return rng.standard_normal((n_out, n_in)) / np.sqrt(n_in)\n', setup='')

# np.random.standard_normal instead of the given rng: the seed is ignored.
case('07', 'scaled_weights', 'refuse', 'global-rng', ["it draws from numpy's global random stat"], 'def scaled_weights(n_in, n_out, rng):\n    return np.random.standard_normal((n_in, n_out)) / np.sqrt(n_in)\n', setup='')

# rng.normal(0, 1 / n_in): the variance given where numpy wants the spread.
case('07', 'scaled_weights', 'refuse', 'scale:n', ["weights' spread (the standard deviation "], 'def scaled_weights(n_in, n_out, rng):\n    return rng.normal(0, 1 / n_in, size=(n_in, n_out))\n', setup='')

# scaled by the number of outputs, 1/sqrt(n_out).
case('07', 'scaled_weights', 'refuse', 'formula', ["weights' spread (the standard deviation "], 'def scaled_weights(n_in, n_out, rng):\n    return rng.standard_normal((n_in, n_out)) / np.sqrt(n_out)\n', setup='')

# rng.random: uniform on [0, 1), mean 0.5, not normal.
case('07', 'scaled_weights', 'refuse', 'uniform', ['and no weight is negative'], 'def scaled_weights(n_in, n_out, rng):\n    return rng.random((n_in, n_out)) / np.sqrt(n_in)\n', setup='')

# rng.normal with scale 1/sqrt(n_in).
case('07', 'scaled_weights', 'accept', None, [], 'def scaled_weights(n_in, n_out, rng):\n    return rng.normal(loc=0.0, scale=1 / np.sqrt(n_in), size=(n_in, n_out))\n', setup='')

# a flat draw reshaped, multiplied by (1/n_in) ** 0.5.
case('07', 'scaled_weights', 'accept', None, [], 'def scaled_weights(n_in, n_out, rng):\n    return rng.standard_normal(n_in * n_out).reshape(n_in, n_out) * (1 / n_in) ** 0.5\n', setup='')

# relu with np.max(Z, 0): the largest element of each column.
case('07', 'relu', 'refuse', 'np-max', ['takes the largest of each column'], 'def relu(Z):\n    return np.max(Z, 0)\n\n\ndef relu_prime(Z):\n    return (Z > 0).astype(Z.dtype)\n', setup='')

# relu_prime returns the boolean array Z > 0.
case('07', 'relu', 'refuse', 'dtype', ["the todo asks for floats of z's own type"], 'def relu(Z):\n    return np.maximum(Z, 0)\n\n\ndef relu_prime(Z):\n    return Z > 0\n', setup='')

# relu_prime with >=: slope 1 at z = 0.
case('07', 'relu', 'refuse', 'z=0', [], 'def relu(Z):\n    return np.maximum(Z, 0)\n\n\ndef relu_prime(Z):\n    return (Z >= 0).astype(Z.dtype)\n', setup='')

# relu_prime as integers (astype(int)).
case('07', 'relu', 'refuse', 'dtype', ["the todo asks for floats of z's own type"], 'def relu(Z):\n    return np.maximum(Z, 0)\n\n\ndef relu_prime(Z):\n    return (Z > 0).astype(int)\n', setup='')

# relu sets the negatives of the caller's Z to 0 in place.
case('07', 'relu', 'refuse', 'in-place', ['your relu changed its argument '], 'def relu(Z):\n    Z[Z < 0] = 0\n    return Z\n\n\ndef relu_prime(Z):\n    return (Z > 0).astype(Z.dtype)\n', setup='')

# relu_prime = np.sign(Z): -1 for negative z.
case('07', 'relu', 'refuse', 'formula', [], 'def relu(Z):\n    return np.maximum(Z, 0)\n\n\ndef relu_prime(Z):\n    return np.sign(Z)\n', setup='')

# relu_prime as float64 whatever Z's type (astype(float)).
case('07', 'relu', 'refuse', 'dtype', ["the todo asks for floats of z's own type"], 'def relu(Z):\n    return np.maximum(Z, 0)\n\n\ndef relu_prime(Z):\n    return (Z > 0).astype(float)\n', setup='')

# relu_prime = relu(Z) / Z: 0/0 = nan at z = 0.
case('07', 'relu', 'refuse', None, ['returned nan values at entries '], 'def relu(Z):\n    return np.maximum(Z, 0)\n\n\ndef relu_prime(Z):\n    return relu(Z) / Z\n', setup='')

# relu as Z * (Z > 0); relu_prime with np.heaviside(Z, 0) in Z's type.
case('07', 'relu', 'accept', None, [], 'def relu(Z):\n    return Z * (Z > 0)\n\n\ndef relu_prime(Z):\n    return np.heaviside(Z, 0).astype(Z.dtype)\n', setup='')

# np.where for both, and np.clip.
case('07', 'relu', 'accept', None, [], 'def relu(Z):\n    return np.clip(Z, 0, None)\n\n\ndef relu_prime(Z):\n    return np.where(Z > 0, 1, 0).astype(Z.dtype)\n', setup='')

# moves p by the old velocity, then updates v (order reversed).
case('07', 'momentum_step', 'refuse', 'old-velocity', ["step's step for p (new p minus p) on eta"], 'def momentum_step(p, v, g, eta, mu):\n    p = p + v\n    v = mu * v - eta * g\n    return p, v\n', setup='')

# plus eta g: the velocity goes uphill.
case('07', 'momentum_step', 'refuse', 'sign', ['it looks like the gradient is added'], 'def momentum_step(p, v, g, eta, mu):\n    v = mu * v + eta * g\n    return p + v, v\n', setup='')

# returns (v, p) instead of (p, v).
case('07', 'momentum_step', 'refuse', 'order', ['return the new p first, then the new v, '], 'def momentum_step(p, v, g, eta, mu):\n    v = mu * v - eta * g\n    p = p + v\n    return v, p\n', setup='')

# forgets mu: v = v - eta g (no friction).
case('07', 'momentum_step', 'refuse', 'formula', ['it looks like the old velocity is not mu'], 'def momentum_step(p, v, g, eta, mu):\n    v = v - eta * g\n    return p + v, v\n', setup='')

# parenthesis: v = mu (v - eta g), the gradient damped by mu too.
case('07', 'momentum_step', 'refuse', None, ['g, eta, mu) gives a wrong answer (the fi'], 'def momentum_step(p, v, g, eta, mu):\n    v = mu * (v - eta * g)\n    return p + v, v\n', setup='')

# state kept between calls: its own velocity per shape in a dict, the given v ignored.
case('07', 'momentum_step', 'refuse', 'state', ['step gave two different answers for the '], 'velocities = {}\n\n\ndef momentum_step(p, v, g, eta, mu):\n    key = p.shape\n    velocities[key] = mu * velocities.get(key, 0) - eta * g\n    return p + velocities[key], velocities[key]\n', setup='')

# returns the new p and the old v (v never updated).
case('07', 'momentum_step', 'refuse', None, ['g, eta, mu) gives a wrong answer (the se'], 'def momentum_step(p, v, g, eta, mu):\n    return p + mu * v - eta * g, v\n', setup='')

# the two formulas inlined: p + mu v - eta g, and mu v - eta g.
case('07', 'momentum_step', 'accept', None, [], 'def momentum_step(p, v, g, eta, mu):\n    return p + mu * v - eta * g, mu * v - eta * g\n', setup='')

# works on copies in place (v.copy(), *=, -=).
case('07', 'momentum_step', 'accept', None, [], 'def momentum_step(p, v, g, eta, mu):\n    new_v = v.copy()\n    new_v *= mu\n    new_v -= eta * g\n    new_p = p.copy()\n    new_p += new_v\n    return new_p, new_v\n', setup='')

# lam / 2 * W: the 1/2 kept from the cost.
case('07', 'l2_gradient', 'refuse', 'half', [], 'def l2_gradient(nabla_W, W, lam):\n    return nabla_W + lam / 2 * W\n', setup='')

# lam * W ** 2: the penalty, not its derivative.
case('07', 'l2_gradient', 'refuse', None, ['w, lam) gives a wrong answer'], 'def l2_gradient(nabla_W, W, lam):\n    return nabla_W + lam * W ** 2\n', setup='')

# minus: nabla_W - lam W.
case('07', 'l2_gradient', 'refuse', 'sign', ['it looks like the sign is wrong'], 'def l2_gradient(nabla_W, W, lam):\n    return nabla_W - lam * W\n', setup='')

# forgets the cost's gradient: returns lam W alone.
case('07', 'l2_gradient', 'refuse', None, ['lam) gives a wrong answer'], 'def l2_gradient(nabla_W, W, lam):\n    return lam * W\n', setup='')

# lam times the sum of W (a number) added to every element.
case('07', 'l2_gradient', 'refuse', 'formula', ['it looks like it adds lam times the sum '], 'def l2_gradient(nabla_W, W, lam):\n    return nabla_W + lam * np.sum(W)\n', setup='')

# wrong variable: lam * nabla_W instead of lam * W.
case('07', 'l2_gradient', 'refuse', None, ['w, lam) gives a wrong answer'], 'def l2_gradient(nabla_W, W, lam):\n    return nabla_W + lam * nabla_W\n', setup='')

# nabla_W += lam W changes the caller's gradient array in place.
case('07', 'l2_gradient', 'refuse', 'in-place', ['gradient changed its argument '], 'def l2_gradient(nabla_W, W, lam):\n    nabla_W += lam * W\n    return nabla_W\n', setup='')

# np.add and np.multiply.
case('07', 'l2_gradient', 'accept', None, [], 'def l2_gradient(nabla_W, W, lam):\n    return np.add(nabla_W, np.multiply(lam, W))\n', setup='')

# np.roll: ink that leaves one edge wraps round to the other.
case('07', 'thicker', 'refuse', 'wrap', ['a dot at one edge also made ink at the o'], 'def thicker(images):\n    out = images.copy()\n    for dr in (-1, 0, 1):\n        for dc in (-1, 0, 1):\n            out = np.maximum(out, np.roll(images, (dr, dc), axis=(1, 2)))\n    return out\n', setup='')

# only the 4 neighbours up, down, left and right (a plus, not the 3x3 square).
case('07', 'thicker', 'refuse', 'neighbours', ['neighbours and the pixel itself (the '], 'def thicker(images):\n    padded = np.pad(images, ((0, 0), (1, 1), (1, 1)))\n    out = images.copy()\n    for dr, dc in [(-1, 0), (1, 0), (0, -1), (0, 1)]:\n        out = np.maximum(out, padded[:, 1 + dr:29 + dr, 1 + dc:29 + dc])\n    return out\n', setup='')

# np.pad(images, 1) pads the image axis too: shapes (n+2, 28, 28) and (n, 28, 28) clash.
case('07', 'thicker', 'refuse', 'shape', ['the same shape as the images it was give'], 'def thicker(images):\n    padded = np.pad(images, 1)\n    out = images.copy()\n    for dr in (-1, 0, 1):\n        for dc in (-1, 0, 1):\n            out = np.maximum(out, padded[:, 1 + dr:29 + dr, 1 + dc:29 + dc])\n    return out\n', setup='')

# pixel loop that writes into the image it reads: the ink spreads further than one pixel.
case('07', 'thicker', 'refuse', None, ['thicker is wrong at image '], 'def thicker(images):\n    out = images.copy()\n    n, rows, cols = out.shape\n    for k in range(n):\n        for r in range(rows):\n            for c in range(cols):\n                out[k, r, c] = out[k, max(r - 1, 0):r + 2, max(c - 1, 0):c + 2].max()\n    return out\n', setup='')

# windows start at 0 and 1 only (range(2)): a 2x2 square, the ink grows only down and right.
case('07', 'thicker', 'refuse', None, ['thicker is wrong at image '], 'def thicker(images):\n    padded = np.pad(images, ((0, 0), (1, 1), (1, 1)))\n    out = images.copy()\n    for r in range(2):\n        for c in range(2):\n            out = np.maximum(out, padded[:, r:r + 28, c:c + 28])\n    return out\n', setup='')

# np.pad with mode='edge' (meant as wrong, but the copied border pixels are already in each 3x3 window, so for images >= 0 it equals zero padding).
case('07', 'thicker', 'accept', None, [], 'def thicker(images):\n    padded = np.pad(images, ((0, 0), (1, 1), (1, 1)), mode="edge")\n    windows = [padded[:, r:r + 28, c:c + 28] for r in range(3) for c in range(3)]\n    return np.max(windows, axis=0)\n', setup='')

# result array made with dtype=int: grey values truncated to 0.
case('07', 'thicker', 'refuse', None, ['thicker is wrong at image '], 'def thicker(images):\n    padded = np.pad(images, ((0, 0), (1, 1), (1, 1)))\n    out = np.zeros(images.shape, dtype=int)\n    for r in range(3):\n        for c in range(3):\n            out = np.maximum(out, padded[:, r:r + 28, c:c + 28]).astype(int)\n    return out\n', setup='')

# writes the result into the given images (images[...] = ...), changing the caller's array.
case('07', 'thicker', 'refuse', 'in-place', ['your thicker changed its argument '], 'def thicker(images):\n    padded = np.pad(images, ((0, 0), (1, 1), (1, 1)))\n    for r in range(3):\n        for c in range(3):\n            np.maximum(images, padded[:, r:r + 28, c:c + 28], out=images)\n    return images\n', setup='')

# max over axis=0 of the stacked windows forgotten: takes np.max of the whole stack (one number).
case('07', 'thicker', 'refuse', 'shape', ['the same shape as the images it was give'], 'def thicker(images):\n    padded = np.pad(images, ((0, 0), (1, 1), (1, 1)))\n    windows = np.stack([padded[:, r:r + 28, c:c + 28] for r in range(3) for c in range(3)])\n    return np.max(windows)\n', setup='')

# sliding_window_view over the padded images, max over the 3x3 windows.
case('07', 'thicker', 'accept', None, [], 'from numpy.lib.stride_tricks import sliding_window_view\n\n\ndef thicker(images):\n    padded = np.pad(images, ((0, 0), (1, 1), (1, 1)))\n    return sliding_window_view(padded, (3, 3), axis=(1, 2)).max(axis=(-2, -1))\n', setup='')

# separable: max over rows first (3 shifted copies), then over columns.
case('07', 'thicker', 'accept', None, [], 'def thicker(images):\n    p = np.pad(images, ((0, 0), (1, 1), (0, 0)))\n    rows_max = np.maximum(np.maximum(p[:, :-2], p[:, 1:-1]), p[:, 2:])\n    q = np.pad(rows_max, ((0, 0), (0, 0), (1, 1)))\n    return np.maximum(np.maximum(q[:, :, :-2], q[:, :, 1:-1]), q[:, :, 2:])\n', setup='')

# plain pixel loops reading the original and writing a new array.
case('07', 'thicker', 'accept', None, [], 'def thicker(images):\n    n, rows, cols = images.shape\n    out = np.zeros_like(images)\n    for k in range(n):\n        for r in range(rows):\n            for c in range(cols):\n                out[k, r, c] = images[k, max(r - 1, 0):r + 2, max(c - 1, 0):c + 2].max()\n    return out\n', setup='')

# plt.imshow / plt.title inside the loop: every picture goes into the last subplot, the others stay empty.
case('01', 'show_images', 'refuse', 'one-axis', ['drew all the pictures in one axis'], 'def show_images(X, y, indices):\n    fig, axes = plt.subplots(1, len(indices), squeeze=False)\n    for ax, i in zip(axes[0], indices):\n        plt.imshow(X[i].reshape(28, 28), cmap="gray_r")\n        plt.title(y[i])\n        plt.axis("off")\n', setup='')

# np.e ** -z instead of np.exp, after clipping.
case('02', 'sigmoid', 'accept', None, [], 'def sigmoid(z):\n    z = np.clip(z, -500, 500)\n    return 1 / (1 + np.e ** -z)\n', setup='')

# the slides' column form: (W^T a^T)^T + b, for one input and for a batch.
case('02', 'feedforward', 'accept', None, [], 'def feedforward(X, weights, biases):\n    a = X\n    for W, b in zip(weights, biases):\n        a = sigmoid(np.dot(W.T, a.T).T + b)\n    return a\n', setup='')

# an integer one-hot array (dtype=int); the TODO does not ask for floats.
case('02', 'one_hot', 'accept', None, [], 'def one_hot(y, num_classes=10):\n    Y = np.zeros((len(y), num_classes), dtype=int)\n    Y[np.arange(len(y)), y] = 1\n    return Y\n', setup='')

# compares with y[:, None]: an (n, n) table of every prediction against every label, then its mean.
case('02', 'accuracy', 'refuse', 'shape', ['it looks like it compares every predicti'], 'def accuracy(outputs, y):\n    predictions = np.argmax(outputs, axis=1)\n    return float(np.mean(predictions == y[:, None]))\n', setup='')

# activations list started empty (not [X]): every activations[l] is one layer too far on.
case('03', 'backprop', 'refuse', 'wrong-layer', ['on a network with layer sizes '], 'def backprop(X, Y, weights, biases):\n    nabla_w = [None] * len(weights)\n    nabla_b = [None] * len(biases)\n\n    activations, zs = [], []\n    a = X\n    for W, b in zip(weights, biases):\n        zs.append(a @ W + b)\n        a = sigmoid(zs[-1])\n        activations.append(a)\n    delta = (activations[-1] - Y) * sigmoid_prime(zs[-1])\n    n = len(X)\n    for l in range(len(weights) - 1, -1, -1):\n        nabla_w[l] = activations[l].T @ delta / n\n        nabla_b[l] = delta.sum(axis=0) / n\n        if l > 0:\n            delta = (delta @ weights[l].T) * sigmoid_prime(zs[l - 1])\n    return nabla_w, nabla_b\n', setup='')

# wrong constant: n = X.shape[1], the number of inputs, instead of the number of samples.
case('03', 'backprop', 'refuse', None, ['on a network with layer sizes '], 'def backprop(X, Y, weights, biases):\n    nabla_w = [None] * len(weights)\n    nabla_b = [None] * len(biases)\n\n    activations, zs = [X], []\n    for W, b in zip(weights, biases):\n        zs.append(activations[-1] @ W + b)\n        activations.append(sigmoid(zs[-1]))\n    delta = (activations[-1] - Y) * sigmoid_prime(zs[-1])\n    n = X.shape[1]\n    for l in range(len(weights) - 1, -1, -1):\n        nabla_w[l] = activations[l].T @ delta / n\n        nabla_b[l] = delta.sum(axis=0) / n\n        if l > 0:\n            delta = (delta @ weights[l].T) * sigmoid_prime(zs[l - 1])\n    return nabla_w, nabla_b\n', setup='')

# range(epochs - 1): one epoch too few.
case('04', 'sgd', 'refuse', None, [], 'def sgd(weights, biases, X, y, epochs, batch_size, eta, rng):\n    Y = one_hot(y)\n    for epoch in range(epochs - 1):\n        order = rng.permutation(len(X))\n        for start in range(0, len(X), batch_size):\n            batch = order[start:start + batch_size]\n            update_mini_batch(weights, biases, X[batch], Y[batch], eta)\n', setup='')

# rng.choice per step: random mini-batches drawn with replacement, so an epoch skips some images and repeats others.
case('04', 'sgd', 'refuse', 'shape', ['images, and the last one the rest'], 'def sgd(weights, biases, X, y, epochs, batch_size, eta, rng):\n    Y = one_hot(y)\n    steps = int(np.ceil(len(X) / batch_size))\n    for epoch in range(epochs):\n        for step in range(steps):\n            batch = rng.choice(len(X), batch_size)\n            update_mini_batch(weights, biases, X[batch], Y[batch], eta)\n', setup='')

# finds the best seed, then trains that seed again from scratch (the same network, as the seed fixes everything) to return it.
case('05', 'best_of_seeds', 'accept', None, [], 'def best_of_seeds(sizes, X, y, validation, epochs, batch_size, eta, seeds):\n    scores = {}\n    for seed in seeds:\n        history = helpers.Network(sizes, seed=seed).sgd(X, y, epochs, batch_size, eta, validation=validation)\n        scores[seed] = history["val_accuracy"][-1]\n    best = max(scores, key=scores.get)\n    net = helpers.Network(sizes, seed=best)\n    history = net.sgd(X, y, epochs, batch_size, eta, validation=validation)\n    return net, history\n', setup='')

# boolean mask Y == 1 picks the right digit's output.
case('07', 'cross_entropy', 'accept', None, [], 'def cross_entropy(outputs, Y):\n    return float(-np.sum(np.log(outputs[Y == 1])) / len(Y))\n', setup='')

# log(outputs + 1e-9) to keep away from log 0 (changes the cost by about 1e-9).
case('07', 'cross_entropy', 'accept', None, [], 'def cross_entropy(outputs, Y):\n    return float(-np.sum(Y * np.log(outputs + 1e-9)) / len(Y))\n', setup='')

# returns float32 weights (the network's own type).
case('07', 'scaled_weights', 'accept', None, [], 'def scaled_weights(n_in, n_out, rng):\n    return (rng.standard_normal((n_in, n_out)) / np.sqrt(n_in)).astype(np.float32)\n', setup='')

# relu as (|z| + z) / 2; relu_prime from np.sign clipped at 0.
case('07', 'relu', 'accept', None, [], 'def relu(Z):\n    return (np.abs(Z) + Z) / 2\n\n\ndef relu_prime(Z):\n    return np.clip(np.sign(Z), 0, 1).astype(Z.dtype)\n', setup='')

# p += v changes the caller's parameter array in place.
case('07', 'momentum_step', 'refuse', 'in-place', ['step changed its argument '], 'def momentum_step(p, v, g, eta, mu):\n    v = mu * v - eta * g\n    p += v\n    return p, v\n', setup='')

# lam * W.T: the transpose (a shape error, or silently wrong for a square W).
case('07', 'l2_gradient', 'refuse', None, ['gradient raised valueerror'], 'def l2_gradient(nabla_W, W, lam):\n    return nabla_W + lam * W.T\n', setup='')

# the 8 neighbours without the pixel itself: a lone dot of ink disappears from its own place.
case('07', 'thicker', 'refuse', None, ['thicker is wrong at image '], 'def thicker(images):\n    padded = np.pad(images, ((0, 0), (1, 1), (1, 1)))\n    out = np.zeros_like(images)\n    for dr in (-1, 0, 1):\n        for dc in (-1, 0, 1):\n            if dr == 0 and dc == 0:\n                continue\n            out = np.maximum(out, padded[:, 1 + dr:29 + dr, 1 + dc:29 + dc])\n    return out\n', setup='')

# second attempt after the batch-size message: rng.choice without replacement per mini-batch, last one smaller; mini-batches still overlap within an epoch, so some images are used twice and others never.
case('04', 'sgd', 'refuse', None, ['did not use every image exactly once'], 'def sgd(weights, biases, X, y, epochs, batch_size, eta, rng):\n    Y = one_hot(y)\n    n = len(X)\n    for epoch in range(epochs):\n        for start in range(0, n, batch_size):\n            size = min(batch_size, n - start)\n            batch = rng.choice(n, size, replace=False)\n            update_mini_batch(weights, biases, X[batch], Y[batch], eta)\n', setup='')
