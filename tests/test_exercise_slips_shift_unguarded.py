"""Lesson 12, exercise 4 (check.shift_digits): a fix that blanks an edge even for a move of 0, and where replies
place a wrong pixel.

* a fix with no `if dy:` / `if dx:` guard (a move of 0 taken as up or left, or as down or right) is told that it
  blanked an edge for a move of 0, not that a factor is off;
* a reply names the wrong entry of the flat (n, 64) array as an image's pixel with its row and column, not as
  'row 0, column 48' of the flat array.
"""
from functools import partial

import numpy as np
import pytest
from support import replies

reply = partial(replies.reply, "shift_digits")  # what the check prints for an answer


def _unguarded(zero_moves_like):
    def shift_digits(X, dy, dx):
        moved = np.roll(np.reshape(X, (-1, 8, 8)), (dy, dx), axis=(1, 2))
        down = dy > 0 or (dy == 0 and zero_moves_like == "down")
        right = dx > 0 or (dx == 0 and zero_moves_like == "down")
        moved[:, 0 if down else -1, :] = 0
        moved[:, :, 0 if right else -1] = 0
        return moved.reshape(-1, 64)
    return shift_digits


@pytest.mark.parametrize("zero_moves_like", ["up", "down"])
def test_unguarded_blanking_is_named(zero_moves_like):
    text = reply(_unguarded(zero_moves_like))
    assert text.startswith("shift_digits: not yet.")
    assert "You blanked an edge for a move of 0" in text
    assert "factor" not in text


def test_the_given_roll_is_placed_as_an_image_pixel():
    def shift_digits(X, dy, dx):
        return np.roll(np.reshape(X, (-1, 8, 8)), (dy, dx), axis=(1, 2)).reshape(-1, 64)
    text = reply(shift_digits)
    assert "image 0, pixel 48 (row 6, column 0)" in text
    assert "row 0, column 48" not in text


def test_the_guarded_fix_is_correct():
    def shift_digits(X, dy, dx):
        moved = np.roll(np.reshape(X, (-1, 8, 8)), (dy, dx), axis=(1, 2))
        if dy:
            moved[:, 0 if dy > 0 else -1, :] = 0
        if dx:
            moved[:, :, 0 if dx > 0 else -1] = 0
        return moved.reshape(-1, 64)
    assert reply(shift_digits).startswith("shift_digits: correct")
