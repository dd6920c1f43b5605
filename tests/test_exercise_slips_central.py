"""Lesson 4, exercise 1 (nnlib/exercises/lesson04_central.py): a central-difference checker whose loop runs over
the first axis only is named (on a 2-D x a whole row is nudged at once), and the handed-out fix still passes."""
import contextlib
import io

import numpy as np

from nnlib import check
from nnlib.exercises import lesson04_central


def reply(fn):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert check.central_difference(fn) is None
    return out.getvalue().strip()


def rows_only(f, x, h=1e-5):
    grad = np.zeros_like(x)
    for i in range(len(x)):
        step = np.zeros_like(x)
        step[i] = h
        grad[i] = (f(x + step) - f(x - step)) / (2 * h)
    return grad


def test_a_loop_over_the_rows_only_is_named():
    slip = next(s for s in lesson04_central.SLIPS["central_difference"] if s.name == "first axis")
    text = reply(rows_only)
    assert text.startswith(f"central_difference: not yet. {slip.hint}"), text
    assert "its own nudge" in text and "x = [[0.3, -1.2], [2, 0.7]]" in text


def test_every_entry_nudged_in_turn_passes():
    def every_entry(f, x, h=1e-5):
        grad = np.zeros_like(x)
        for i in np.ndindex(x.shape):
            step = np.zeros_like(x)
            step[i] = h
            grad[i] = (f(x + step) - f(x - step)) / (2 * h)
        return grad
    assert reply(every_entry) == "central_difference: correct"
