"""The words an instructor reads for a failure's cause identifier (such as ``"transpose"``).

The checks name each cause in one table, ``helpers/check/_causes.py``; ``describe`` is the only
place in the room that turns an identifier into its words. An identifier the table does not know
(a room run against another version of the workshop) is shown as it is.
"""
from helpers.check._causes import CAUSES


def describe(cause):
    """The words shown for ``cause`` (an identifier, or None when the check named no cause)."""
    if cause is None:
        return "no named cause"
    return CAUSES.get(cause, cause)
