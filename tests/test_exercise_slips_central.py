"""Lesson 4, exercise 1 (nnlib/exercises/lesson04_central.py): a central-difference checker whose loop runs over
the first axis only is named (on a 2-D x a whole row is nudged at once), and so is one that undoes its
nudge by arithmetic; the handed-out fix still passes."""
from functools import partial

import numpy as np
from support import replies

from nnlib.exercises import lesson04_central

reply = partial(replies.reply, "central_difference")  # what the check prints for an answer


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


def test_a_nudge_undone_by_arithmetic_is_named_and_saving_the_entry_passes():
    def undone(f, x, h=1e-5):
        grad = np.zeros_like(x)
        for i in np.ndindex(x.shape):
            x[i] += h
            plus = f(x)
            x[i] -= 2 * h
            minus = f(x)
            x[i] += h
            grad[i] = (plus - minus) / (2 * h)
        return grad

    def saved(f, x, h=1e-5):
        grad = np.zeros_like(x)
        for i in np.ndindex(x.shape):
            old = x[i]
            x[i] = old + h
            plus = f(x)
            x[i] = old - h
            minus = f(x)
            x[i] = old
            grad[i] = (plus - minus) / (2 * h)
        return grad
    slip = next(s for s in lesson04_central.SLIPS["central_difference"] if s.name == "undone by arithmetic")
    text = reply(undone)
    assert text.startswith(f"central_difference: not yet. {slip.hint}"), text
    assert reply(saved) == "central_difference: correct"
