"""One check per TODO, called right after it: ``check.show_images(show_images)``.

A check prints one green line when the answer is right; otherwise it stops
with a short message that says what was tried, expected vs got, and a hint.
"""
from ._core import CheckFailed
from .nb01 import show_images
