"""Lesson 12, exercise 4 (check.shift_digits): replies to fixes that handle only some directions.

* a fix that blanks the wrapped edge only for moves down or right is told that up and left moves still wrap,
  and is never told that left (or up) moves are right;
* a fix that blanks row 0 and column 0 on every call gets its own reply, not a generic one;
* the check tries every sign of dy and of dx, each on its own, so one-direction fixes cannot pass.
"""
from functools import partial

import numpy as np
import pytest
from support import replies

from nnlib.exercises import lesson12

reply = partial(replies.reply, "shift_digits")  # what the check prints for an answer


def _rolled_then(blank):
    def shift_digits(X, dy, dx):
        moved = np.roll(np.reshape(X, (-1, 8, 8)), (dy, dx), axis=(1, 2))
        blank(moved, dy, dx)
        return moved.reshape(-1, 64)
    return shift_digits


def _positive_only(moved, dy, dx):
    if dy > 0:
        moved[:, 0, :] = 0
    if dx > 0:
        moved[:, :, 0] = 0


def _negative_only(moved, dy, dx):
    if dy < 0:
        moved[:, -1, :] = 0
    if dx < 0:
        moved[:, :, -1] = 0


def _first_edge_always(moved, dy, dx):
    moved[:, 0, :] = 0
    moved[:, :, 0] = 0


def test_positive_moves_only_is_told_up_and_left_still_wrap():
    text = reply(_rolled_then(_positive_only))
    assert text.startswith("shift_digits: not yet.")
    assert "a move up or to the left still brings the row or column" in text
    assert "left and right are right" not in text and "Moves left" not in text


def test_negative_moves_only_is_not_praised_for_a_direction_it_gets_wrong():
    text = reply(_rolled_then(_negative_only))
    assert text.startswith("shift_digits: not yet.")
    assert "are right now" not in text and "come out right" not in text


def test_blanking_row_0_and_column_0_always_gets_its_own_reply():
    text = reply(_rolled_then(_first_edge_always))
    assert text.startswith("shift_digits: not yet.")
    assert "row 0 and column 0 on every call" in text and "factor" not in text


@pytest.mark.parametrize("dy, dx", [(dy, dx) for dy in (-1, 0, 1) for dx in (-1, 0, 1)])
def test_the_new_slips_differ_from_the_right_shift_where_they_should(dy, dx):
    X = np.random.default_rng(0).integers(1, 17, size=(2, 64)).astype(float)
    right = lesson12._shift(X, dy, dx)
    positive = _rolled_then(_positive_only)(X, dy, dx)
    assert np.array_equal(positive, right) == (dy >= 0 and dx >= 0)


def test_every_sign_of_dy_and_dx_is_tried_on_its_own():
    import inspect
    source = inspect.getsource(lesson12.shift_digits)
    for move in ("dy=0, dx=1", "dy=0, dx=-1", "dy=1, dx=0", "dy=-1, dx=0"):
        assert move in source
