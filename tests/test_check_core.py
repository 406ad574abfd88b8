"""The shared core of the checks: compare, and the diagnosis that names a simple change of the right answer."""
import numpy as np
import pytest

from helpers.check import CheckFailed
from helpers.check._compare import compare, diagnose
from helpers.check._core import call

E = np.array([[0.5, -1.0, 2.0], [1.5, 0.25, -0.75]])  # a right answer: not symmetric, no zeros
S = np.array([[1.0, 2.0], [2.0, 3.0]])  # a symmetric one: its own transpose


def message(got, expected=E, **options):
    with pytest.raises(CheckFailed) as error:
        compare(got, expected, "f", "a test input", **options)
    return str(error.value)


@pytest.mark.parametrize("got, named", [
    (-E, "the negative of the right answer: a sign is flipped"),
    (2 * E, "twice the right answer"),
    (E / 2, "half the right answer"),
    (-2 * E, "minus twice the right answer: a sign is flipped, and a factor 2 too many"),
    (E.T, "the transpose of the right answer: rows and columns are swapped"),
])
def test_a_simple_change_is_named(got, named):
    assert f"; it is {named}" in message(got)


def test_the_sizes_a_check_passes_are_named():
    sizes = [(5, "the number of samples"), (3, "the number of outputs")]
    assert "5 times the right answer: multiplied by the number of samples (5)" in message(5 * E, sizes=sizes)
    assert ("the right answer divided by 3: divided by the number of outputs (3) once too often (a mean"
            in message(E / 3, sizes=sizes))


def test_the_shape_comes_before_the_cause():
    text = message(E.T)
    assert text.startswith("f on a test input: expected shape (2, 3), got shape (3, 2); it is the transpose")
    assert text.index("expected shape") < text.index("transpose") < text.index("    expected [[")


def test_a_related_answer_is_named():
    other = E[::-1]
    assert "; it is the right answer for another input" in message(
        other, related=[(other, "the right answer for another input")])
    assert "; it is the right answer for another layer" in message(
        np.ones(4), related=[(np.ones(4), "the right answer for another layer")])  # of another shape


def test_a_listed_mistake_wins_over_the_diagnosis():
    text = message(-E, mistakes=[(-E, "the special mistake.")])
    assert "it looks like the special mistake." in text and "negative" not in text


@pytest.mark.parametrize("got, expected, options", [
    (np.zeros_like(E), E, {}),                                     # zeros are 0 x anything
    (E, np.zeros_like(E), {}),                                     # any multiple of zeros is zeros
    (2 * E, E, {"sizes": [(2, "the number of samples")]}),         # twice, or 2 = n times? cannot tell
    (-E, E, {"related": [(-E, "the right answer for -X")]}),      # a sign, or another input? cannot tell
    (-1.01 * E, E, {}),                                            # close to a change is not that change
    (E + 1, E, {}),                                                # no simple change at all
    (np.array([[1.0, 2.0], [2.0, 3.5]]), S, {}),                   # a symmetric answer has no transpose to name
])
def test_no_cause_is_named_when_it_is_not_clear(got, expected, options):
    text = message(got, expected, **options)
    assert "the values are wrong (largest difference" in text and "; it is" not in text


def test_changes_that_leave_the_right_answer_as_it_is_are_never_named():
    assert diagnose(-S, S) == "the negative of the right answer: a sign is flipped somewhere " \
                              "(a - b where b - a is meant, or + where - is meant?)"
    assert "transpose" not in (diagnose(2 * S, S) or "")
    assert diagnose(-E, E, related=[(E, "the right answer itself")]).startswith("the negative")
    assert diagnose(-E, E, sizes=[(1, "the number of samples")]).startswith("the negative")


def test_small_answers_are_matched_relatively():
    small = np.array([1e-5, 2e-5, -3e-5])
    assert diagnose(0.5 * small, small).startswith("half the right answer")
    assert diagnose(0.45 * small, small) is None  # within atol=1e-6 of half, but not half


def test_single_numbers_and_exact_comparisons():
    assert "; it is the negative" in message(-0.5, 0.5)
    assert "; it is twice" in message(1.0, 0.5)
    assert "; it is" not in message(0.0, 0.5)
    Y = np.eye(3)[[0, 2, 1, 1]]
    assert "; it is the negative" in message(-Y, Y, rtol=0, atol=0)


def test_existing_behaviour_is_kept():
    assert message(np.ones(3), np.ones(2)) == "f on a test input: expected shape (2,), got shape (3,)."
    assert "returned NaN values" in message(np.full(2, np.nan), np.ones(2))
    compare(E + 1e-9, E, "f", "a test input")  # close enough passes

    def unfinished(z):
        raise NotImplementedError
    with pytest.raises(CheckFailed, match="f is not written yet"):
        call(unfinished, "f", 1.0)


def test_every_check_tells_its_listeners_what_happened():
    from helpers import check
    from helpers.check import LISTENERS, Outcome
    heard = []
    LISTENERS.append(heard.append)
    LISTENERS.append(lambda outcome: 1 / 0)  # a broken listener changes nothing
    try:
        check.sigmoid(lambda z: 1 / (1 + np.exp(-np.clip(z, -500, 500))))
        with pytest.raises(CheckFailed):
            check.sigmoid(lambda z: -1 / (1 + np.exp(-z)))
    finally:
        del LISTENERS[-2:]
    assert heard[0] == Outcome("02", "sigmoid", True, None)
    assert heard[1].notebook == "02" and heard[1].todo == "sigmoid" and heard[1].passed is False

