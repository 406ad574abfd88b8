"""Errors a learner reads: Jupyter shows their message alone, in red, without a traceback.

Importing this module installs the IPython handler that does it, so "Run All"
still stops at the error, as it should, but the learner sees one plain line.
"""
import sys

from IPython import get_ipython

RED, RESET = "\x1b[31m", "\x1b[0m"


class FriendlyError(Exception):
    """An error whose message says all a learner needs: Jupyter shows it without a traceback."""


def _show(shell, etype, evalue, tb, tb_offset=None):
    """IPython handler: show a FriendlyError as its message alone, in red, as the cell's error."""
    message = [f"{RED}✘ {evalue}{RESET}"]
    try:
        shell._showtraceback(etype, evalue, message)  # how IPython publishes an error output
    except AttributeError:
        print(message[0], file=sys.stderr)
    return message


if get_ipython() is not None:  # in Jupyter (or IPython), not in plain Python
    get_ipython().set_custom_exc((FriendlyError,), _show)
