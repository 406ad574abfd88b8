"""Fresh learner answers (issue 31), written from the student notebooks alone, for every TODO of 01-05 and 07.

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
case('02', 'accuracy', 'refuse', None, ['accuracy on 1 sample whose largest outputs are at [3], label'], '''
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
case('03', 'cost', 'refuse', 'scale:2', ['half the right answer: a factor 1/2 too many (a 1/2 or a mea'], '''
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
case('02', 'accuracy', 'refuse', None, ['accuracy on 3 samples whose largest outputs are at [3, 1, 7]'], '''
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
