"""One check per TODO, called right after it: ``check.sigmoid(sigmoid)``.

A check prints one green line when the answer is right; otherwise it stops
with a short message that says what was tried, expected vs got, and a hint.
"""
from . import nb01, nb02, nb03, nb04, nb05, nb06, nb07
from ._core import CheckFailed
from ._report import LISTENERS, Outcome, reported

# Every check tells helpers.check.LISTENERS its outcome (nobody listens unless a learner joined a room).
show_images = reported(nb01.show_images)
accuracy, feedforward, feedforward_no_bias, one_hot, sigmoid = map(
    reported, (nb02.accuracy, nb02.feedforward, nb02.feedforward_no_bias, nb02.one_hot, nb02.sigmoid))
backprop, cost, sigmoid_prime = map(reported, (nb03.backprop, nb03.cost, nb03.sigmoid_prime))
sgd, update_mini_batch = map(reported, (nb04.sgd, nb04.update_mini_batch))
best_of_seeds = reported(nb05.best_of_seeds)
keras_learning_rate = reported(nb06.keras_learning_rate)
cross_entropy, l2_gradient, momentum_step, relu, scaled_weights, softmax, thicker = map(
    reported, (nb07.cross_entropy, nb07.l2_gradient, nb07.momentum_step, nb07.relu, nb07.scaled_weights,
               nb07.softmax, nb07.thicker))
