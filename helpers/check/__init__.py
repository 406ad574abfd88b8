"""One check per TODO, called right after it: ``check.sigmoid(sigmoid)``.

A check prints one green line when the answer is right; otherwise it stops
with a short message that says what was tried, expected vs got, and a hint.
"""
from ._core import CheckFailed
from .nb01 import show_images
from .nb02 import accuracy, feedforward, feedforward_no_bias, one_hot, sigmoid
from .nb03 import backprop, cost, sigmoid_prime
from .nb04 import sgd, update_mini_batch
from .nb05 import best_of_seeds
from .nb06 import keras_learning_rate
from .nb07 import cross_entropy, l2_gradient, momentum_step, relu, scaled_weights, softmax
