"""Lesson 7's exercise 1 (07_training, nnlib/exercises/lesson07.py): steps per epoch. A floor division's 6 is
told that the left-over samples are used too, without being told what they make or how many steps there are."""
from functools import partial

from support import replies

reply = partial(replies.reply, "steps_per_epoch")  # what the check prints for an answer


def test_the_floor_is_told_the_left_over_samples_are_used_without_the_answer():
    text = reply(6)
    hint = text.split(" You predicted")[0]
    assert text.startswith("steps_per_epoch: not yet.") and "left over" in hint, text
    assert "7" not in hint and "batch of 8" not in hint and "smaller batch" not in hint, hint


def test_the_right_count_passes():
    assert reply(7).startswith("steps_per_epoch: correct")
