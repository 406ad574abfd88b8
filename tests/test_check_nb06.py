"""check.keras_learning_rate passes the right answer and explains typical wrong ones."""
import pytest

from helpers import check
from helpers.check import CheckFailed


def right(eta, num_outputs):
    return eta * num_outputs / 2


@pytest.mark.parametrize("answer, message", [
    (lambda eta, k: eta, "the same number as eta"),
    (lambda eta, k: eta * k, "the 1/2 is forgotten"),
    (lambda eta, k: eta / 2, "the mean over the outputs is forgotten"),
    (lambda eta, k: 2 * eta / k, "upside down"),
    (lambda eta, k: 2 * eta * k, "the 1/2 goes the other way"),
    (lambda eta, k: 15.0, r"eta = 0.5, num_outputs = 10: the values are wrong"),
    (lambda eta, k: None, "returned None"),
    # the right answer changed in a simple way: the check names the change
    (lambda eta, k: -eta * k / 2, "the negative of the right answer: a sign is flipped"),
    (lambda eta, k: eta * k / 4, "half the right answer"),
    (lambda eta, k: eta * k * k / 2, r"10 times the right answer: multiplied by num_outputs \(10\) once too often"),
])
def test_wrong(answer, message):
    with pytest.raises(CheckFailed, match=message):
        check.keras_learning_rate(answer)


def test_right(capsys):
    check.keras_learning_rate(right)
    assert "✔ keras_learning_rate is right" in capsys.readouterr().out
