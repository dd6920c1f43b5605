"""Lesson 1's first_epoch_nand and and_not_weights replies (01_perceptron, exercises 1 and 3): a wrong triple is told
which numbers are wrong and, for a catalogued slip, what went wrong, but never how each number relates to the
answer (the answer's three numbers share one size, so "the opposite sign" would hand it over); a triple no slip
names gets a prompt to trace the epoch; and_not_weights' slips leave the student the step.
"""

import numpy as np
import pytest
from support.replies import reply

from nnlib.exercises import lesson01
from nnlib.exercises.reply import NotYet

RELATIONS = ["opposite sign", "too high", "too low", "off by one", "wrong sign", "another size"]


@pytest.mark.parametrize("prediction", [(1, 1, 1), (1, 1, 2), (1, -1, -1), (0, 0, 0), (-1, -1, 1), (2, 2, 2)])
def test_a_wrong_triple_is_told_which_numbers_not_how(prediction):
    text = reply("first_epoch_nand", prediction)
    assert text.startswith("first_epoch_nand: not yet."), text
    assert "not right: number" in text or "none of the 3 numbers is right" in text, text
    assert not [word for word in RELATIONS if word in text], text
    assert "-1, -1, -1" not in text, text


def test_the_wrong_way_slip_is_still_named_and_the_wrong_numbers_listed():
    text = reply("first_epoch_nand", (1, 1, 1))
    assert "moved the weights the wrong way" in text and "none of the 3 numbers is right" in text, text
    assert "number 3" in reply("first_epoch_nand", (-1, -1, 0))


def test_an_unnamed_triple_gets_the_prompt_to_trace_the_epoch():
    text = reply("first_epoch_nand", (1, 1, 2))
    assert "Trace the epoch" in text and "Which samples are mistakes" in text, text
    assert "Trace the epoch" not in reply("first_epoch_nand", (2, 2))       # a count problem keeps its own reply


def test_right_untouched_and_graded_replies_are_unchanged():
    assert reply("first_epoch_nand", (-1, -1, -1)).startswith("first_epoch_nand: correct. Only (1, 1)")
    assert reply("first_epoch_nand", None).startswith("first_epoch_nand: not attempted yet")
    assert lesson01.first_epoch_nand(np.array([-1.0, -1.0, -1.0]), grade=True) is None
    with pytest.raises(NotYet, match="none of the 3 numbers is right"):
        lesson01.first_epoch_nand((1, 1, 1), grade=True)


def test_and_not_weights_slips_leave_the_step_and_the_shape_reply_names_the_flat_shape():
    def hint(w, b):                                 # the reply before it shows the four inputs and the outputs
        return reply("and_not_weights", np.array(w), b).split(" For the four inputs")[0]
    text = hint([1.0, 1.0], -1.5)
    assert "computes AND" in text and "(1, 0)" not in text, text
    text = hint([-1.0, -1.0], 1.5)                  # AND's signs flipped: NAND, not this gate
    assert "computes NAND" in text and "(1, 0)" not in text, text
    text = hint([-1.0, 1.0], -0.5)                  # x1 and x2 swapped
    assert "x2 AND NOT x1" in text and "negative" not in text and "(1, 0)" not in text, text
    text = reply("and_not_weights", np.array([[2.0], [-2.0]]), -1.0)
    assert "flat array" in text and "(2,)" in text and "(2, 1)" in text, text
    assert reply("and_not_weights", np.array([2.0, -2.0]), -1.0).startswith("and_not_weights: correct")
    assert reply("and_not_weights", [1, -1], -1).startswith("and_not_weights: correct")   # z = 0 at (1, 0): a 1


def _hint(w, b):
    return reply("and_not_weights", np.array(w, dtype=float), b).split(" For the four inputs")[0]


@pytest.mark.parametrize("w, b, named, not_named", [
    ([1, -2], 0, ["At (0, 0) z = b = 0", "a tie"], ["ignores", "(1, 1)"]),         # the review's three answers
    ([1, -0.5], -0.5, ["At (1, 1) z = w1 + w2 + b = 0", "a tie"], ["ignores", "(0, 0)"]),
    ([1, -1], 0.5, ["At (0, 0) z = b = 0.5 >= 0", "At (1, 1) z = w1 + w2 + b = 0.5 >= 0"], ["tie", "ignores"]),
    ([1, -1], 0, ["At (0, 0) z = b = 0 and at (1, 1) z = w1 + w2 + b = 0", "ties"], ["ignores", "says 1 where"]),
    ([2, -0.5], -1, ["At (1, 1) z = w1 + w2 + b = 0.5 >= 0"], ["ignores", "tie"]),  # w2 too weak, not 0
    ([1, -1], -1.5, ["At (1, 0) z = w1 + b = -0.5 < 0", "says 0 where the gate is 1"], ["ignores", "tie", "bias"]),
    ([-1, -1], -0.5, ["At (1, 0) z = w1 + b = -1.5 < 0"], ["bias keeps", "ignores"]),  # all 0 from w1, not b
    ([1, 0], -0.5, ["Your w2 is 0", "ignores x2", "At (1, 1)"], ["x1", "tie"]),
    ([0, -1], 0.5, ["Your w1 is 0", "ignores x1", "At (0, 0) z = b = 0.5"], ["ignores x2", "tie"]),
    ([1, 1e-4], -0.5, ["w2 is about 0", "ignores x2"], ["ignores x1"]),
    ([0, 0], 0, ["w1 and w2 are 0", "ignores x1 and x2", "ties"], []),
    ([1, 1], -1, ["At (0, 1) z = w2 + b = 0: a tie", "At (1, 1) z = w1 + w2 + b = 1 >= 0"], ["computes OR"]),
])
def test_and_not_weights_is_diagnosed_from_w_and_b(w, b, named, not_named):
    text = _hint(w, b)
    assert all(word in text for word in named), text
    assert not [word for word in not_named if word in text], text
    assert not [word for word in ("b < 0", "b must", "w2 <", "w2 must", "negative") if word in text], text


def test_and_not_weights_ties_up_to_rounding_and_whole_gates_keep_their_names():
    text = _hint([0.1 + 0.2, -1.0], -0.3)            # z = 5.6e-17 at (1, 0): the gate is 1 there, a 1: right
    assert reply("and_not_weights", np.array([0.1 + 0.2, -1.0]), -0.3).startswith("and_not_weights: correct"), text
    text = _hint([1.0, 0.1 + 0.2], -0.3)             # z = 5.6e-17 at (0, 1), where the gate is 0: a tie
    assert "At (0, 1) z = w2 + b = 5.551e-17 (0 up to rounding): a tie" in text, text
    assert "not yet. Your neuron computes OR" in _hint([1, 1], -0.5), "OR with no tie and no weight about 0"
    assert "not yet. Your neuron computes NAND" in _hint([-2, -1], 2.5)
    assert "AND" in _hint([2, 1], -2.5) and "inequalities" in _hint([2, 1], -2.5)


def test_and_not_weights_arguments_swapped_are_told_the_order():
    text = reply("and_not_weights", -0.5, np.array([1.0, -1.0]))
    assert text.startswith("and_not_weights: not yet.") and "swapped" in text and "w_and_not first" in text, text
