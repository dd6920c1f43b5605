"""Lesson 5's exercise 4 (05_layers_and_gates, nnlib/exercises/lesson05.py): a "fix" of the L-layer gradients that
deletes the tanh slope from the hidden delta is named, not left at expected/got; the right answer still passes."""
from functools import partial

from support import replies

from nnlib.exercises import lesson05

reply = partial(replies.reply, "l_layer_grads")  # what the check prints for an answer


def test_the_deleted_slope_is_named():
    text = reply(lesson05._l_slip(no_slope=True))
    assert "lost tanh's slope 1 - a^2" in text, text
    assert not text.startswith("l_layer_grads: correct"), text


def test_the_deleted_slope_differs_from_the_right_gradients():
    assert reply(lesson05._l_slip(no_slope=True)) != reply(lesson05._l_layer)


def test_the_right_answer_still_passes():
    assert reply(lesson05._l_layer).startswith("l_layer_grads: correct")
