"""Lesson 12, exercise 4 (check.shift_digits): the fix must keep the colleague's np.roll call.

* right images written without np.roll (section 9.4's pad-and-slice, loops) are refused with their own reply,
  which neither names the bug nor the fix;
* wrong images written without np.roll still get the reply about what is wrong with them;
* the roll kept and the wrapped edge blanked is correct, however np.roll is spelled.
"""
from functools import partial

import numpy as np
from support import replies

from nnlib.exercises import lesson12, lesson12_roll

reply = partial(replies.reply, "shift_digits")  # what the check prints for an answer


def _padded(X, dy, dx):                          # section 9.4's shift, pasted in
    images = np.pad(np.reshape(X, (-1, 8, 8)), ((0, 0), (1, 1), (1, 1)))
    return images[:, 1 - dy:9 - dy, 1 - dx:9 - dx].reshape(-1, 64)


def _loops(X, dy, dx):
    out = np.zeros_like(np.asarray(X, dtype=float))
    for r in range(8):
        for c in range(8):
            if 0 <= r - dy < 8 and 0 <= c - dx < 8:
                out[:, 8 * r + c] = X[:, 8 * (r - dy) + (c - dx)]
    return out


def _padded_reversed(X, dy, dx):                 # no roll, and the ink moved the wrong way
    return _padded(X, -dy, -dx)


def _roll_imported_alone(X, dy, dx):
    from numpy import roll
    moved = roll(np.reshape(X, (-1, 8, 8)), (dy, dx), axis=(1, 2))
    if dy:
        moved[:, 0 if dy > 0 else -1, :] = 0
    if dx:
        moved[:, :, 0 if dx > 0 else -1] = 0
    return moved.reshape(-1, 64)


def test_section_9_4s_shift_pasted_in_is_refused():
    text = reply(_padded)
    assert text.startswith("shift_digits: not yet.")
    assert "np.roll" in text and "diagnosis" in text


def test_a_loop_without_roll_is_refused_too():
    assert "keeping the `np.roll` call" in reply(_loops)


def test_the_refusal_names_neither_the_bug_nor_the_fix():
    text = lesson12_roll.NOT_THE_FIX.lower()
    for giveaway in ("wrap", "blank", "other side", "comes back", "column 0", "row 0"):
        assert giveaway not in text


def test_wrong_images_without_roll_are_told_what_is_wrong_not_refused():
    text = reply(_padded_reversed)
    assert text.startswith("shift_digits: not yet.") and "wrong way" in text and "diagnosis" not in text


def test_the_roll_kept_is_correct_however_it_is_spelled():
    assert reply(_roll_imported_alone).startswith("shift_digits: correct")
    assert reply(lesson12.SOLUTIONS["shift_digits"]).startswith("shift_digits: correct")


def test_the_unchanged_stub_is_not_refused_for_want_of_a_fix():
    assert "diagnosis" not in reply(lesson12._shift_roll)
