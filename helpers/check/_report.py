"""Each check's outcome, told to whoever listens (helpers.room, once a learner joined a room).

A failure that comes from an earlier TODO is found here, once the check has failed (``_earlier``).
"""
import dataclasses
import functools

from ._core import CheckFailed
from ._earlier import earlier_cause

# Who is told of each check's outcome: callables ``listener(outcome)``, each given an ``Outcome``.
# Nothing is registered unless a learner chose to (helpers.room.join). A listener must return
# at once (do any slow work elsewhere); whatever it raises is ignored, so it never changes a check.
LISTENERS = []


@dataclasses.dataclass(frozen=True)
class Outcome:
    """One run of one check: which TODO, in which notebook, passed or not, and the named cause."""
    notebook: str  # "03": the number of the notebook whose TODO this check follows
    todo: str  # the check's name, which is the TODO's: "backprop"
    passed: bool
    cause: str | None  # the failure's cause identifier; None when passed or when no cause is known


def reported(check):
    """Decorator for a check: tell every listener of its outcome, then pass or fail as before."""
    notebook = check.__module__.rsplit(".", 1)[-1].removeprefix("nb")

    @functools.wraps(check)
    def run(*args, **kwargs):
        try:
            result = check(*args, **kwargs)
        except CheckFailed as error:
            error = earlier_cause(check, args, error)
            _tell(Outcome(notebook, check.__name__, False, error.cause))
            raise error from None
        _tell(Outcome(notebook, check.__name__, True, None))
        return result
    return run


def _tell(outcome):
    """Give ``outcome`` to every listener; a listener's error is not the learner's concern."""
    for listener in list(LISTENERS):
        try:
            listener(outcome)
        except Exception:  # noqa: BLE001 -- a check's result never depends on who listens
            pass
