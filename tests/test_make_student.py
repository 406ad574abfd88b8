"""The solution-to-student conversion of tools/make_student.py."""
import pytest

from make_student import MarkerError, strip_solution

SOLUTION = '''def sigmoid(z):
    """The sigmoid."""
    ### BEGIN SOLUTION
    # TODO: return 1 / (1 + e^(-z)),
    #       elementwise.
    z = np.clip(z, -500, 500)
    # a comment inside the answer
    return 1 / (1 + np.exp(-z))
    ### END SOLUTION

print("after")'''


def test_block_becomes_todo_and_raise_with_the_same_indentation():
    assert strip_solution(SOLUTION) == '''def sigmoid(z):
    """The sigmoid."""
    # TODO: return 1 / (1 + e^(-z)),
    #       elementwise.
    raise NotImplementedError

print("after")'''


def test_source_without_markers_is_unchanged():
    assert strip_solution("x = 1\nprint(x)") == "x = 1\nprint(x)"


@pytest.mark.parametrize("source, message", [
    ("### BEGIN SOLUTION\nx = 1\n### END SOLUTION", "must open with a '# TODO"),
    ("### BEGIN SOLUTION\n# TODO: x\nx = 1", "without ### END"),
    ("x = 1\n### END SOLUTION", "without ### BEGIN"),
    ("### BEGIN SOLUTION\n# TODO: a\n### BEGIN SOLUTION\n", "inside another"),
])
def test_malformed_markers_are_reported(source, message):
    with pytest.raises(MarkerError, match=message):
        strip_solution(source)
