"""Checks for notebook 06 (the same network in Keras)."""
from ._compare import compare
from ._core import call, passed


def keras_learning_rate(func):
    """Check ``keras_learning_rate(eta, num_outputs)``: the Keras SGD rate that takes our step eta."""
    for eta, num_outputs in ((3.0, 10), (0.5, 10), (3.0, 4)):
        expected = eta * num_outputs / 2
        mistakes = [(eta, "the same number as eta, but Keras's mse is not our cost: it is a mean over the "
                          "outputs too, and has no 1/2."),
                    (eta * num_outputs, "the 1/2 is forgotten: our cost has 1/2 (o - y)^2, Keras's mse has (o - y)^2."),
                    (eta / 2, "the mean over the outputs is forgotten: Keras divides by num_outputs, so its "
                              "gradient is smaller."),
                    (2 * eta / num_outputs, "upside down: Keras's gradient is smaller than ours, so its rate "
                                            "must be larger."),
                    (eta * num_outputs * 2, "the 1/2 goes the other way: Keras's loss is 2 / num_outputs times ours.")]
        compare(call(func, "keras_learning_rate", eta, num_outputs), expected, "keras_learning_rate",
                f"eta = {eta}, num_outputs = {num_outputs}", mistakes=mistakes, sizes=[(num_outputs, "num_outputs")],
                hint="Keras's loss is (2 / num_outputs) times our cost, so its gradient is too; "
                     "the Keras rate times that factor must equal eta.")
    passed("keras_learning_rate is right: with it, a Keras step is the same size as our step.")
