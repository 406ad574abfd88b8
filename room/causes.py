"""The words an instructor reads for a failure's cause identifier (such as ``"transpose"``).

The checks name each cause in one table, ``helpers/check/_causes.py``; ``known`` and ``describe``
are the only places in the room that read it. A participant's kernel sends the identifier, and
anyone with the room code can send anything: an identifier the table does not know is never shown
as it came, it becomes ``UNKNOWN`` ("a cause the room does not know").
"""
from helpers.check._causes import CAUSES

NOT_WRITTEN = "not-written"  # the TODO still raises NotImplementedError: its own outcome, not a wrong answer
EARLIER_TODO = "earlier-todo"  # the failure comes from an earlier TODO that this one uses
UNKNOWN = "unknown"
WORDS = {NOT_WRITTEN: "not written yet", EARLIER_TODO: "comes from an earlier TODO",
         UNKNOWN: "a cause the room does not know", None: "no named cause"}


def known(cause):
    """``cause`` if it is None or one of the workshop's identifiers, else UNKNOWN."""
    return cause if cause is None or cause in CAUSES else UNKNOWN


def describe(cause):
    """The words shown for ``cause`` (an identifier, or None when the check named no cause)."""
    cause = known(cause)
    return WORDS.get(cause) or CAUSES[cause]
