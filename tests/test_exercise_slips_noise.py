"""Lesson 9's exercise 4 (09_generalisation, nnlib/exercises/lesson09_noise.py): the variance dropout gives a unit's
output when the activation itself varies.

* the experiment the check runs agrees with the derivation E[a^2] E[M^2] - E[a]^2 on several seeds;
* each catalogued wrong answer leads with its own hint, and no two slips sit within the tolerance of each other
  or of the answer;
* the right answer passes in any numeric form, a standard deviation is named as one, and a stub is not attempted.
"""
from fractions import Fraction
from functools import partial

import numpy as np
import pytest
from support import replies

from nnlib.exercises import lesson09
from nnlib.exercises import lesson09_noise as noise

NAME = "dropout_output_variance"
SLIPS = noise.SLIPS[NAME]
TRUTH = noise.SOLUTIONS[NAME]


reply = partial(replies.reply, "dropout_output_variance")  # what the check prints for an answer


@pytest.mark.parametrize("seed", range(3))
def test_the_measured_variance_is_the_derived_one(seed):
    derived = (noise.VARIANCE + noise.MEAN ** 2) / (1 - noise.RATE) - noise.MEAN ** 2
    assert derived == TRUTH
    assert abs(noise._output_variance(seed=seed) - derived) < 0.01


def test_the_check_is_registered_with_its_slips():
    assert lesson09.SLIPS[NAME] is SLIPS and lesson09.SOLUTIONS[NAME] == TRUTH


@pytest.mark.parametrize("slip", SLIPS, ids=lambda s: s.name)
def test_each_slip_gets_its_own_hint(slip):
    assert reply(slip.answer).startswith(f"{NAME}: not yet. {slip.hint}")


def test_slips_are_apart_from_each_other_and_from_the_answer():
    # the closest pairs (0.75 / 0.78125, 2.375 / 2.4) are told apart: each slip's own value gets its own hint above
    values = sorted([s.answer for s in SLIPS] + [TRUTH])
    assert min(np.diff(values)) > 0.02, values
    assert min(abs(v - TRUTH) for v in values if v != TRUTH) > 0.1


HINTS = {s.name: s.hint for s in SLIPS}


@pytest.mark.parametrize("prediction, slip", [
    (0.78, "fixed scale"), (0.5 / 0.8 ** 2, "fixed scale"), (0.75, "sum"), (8.875, "mean not squared"),
    (8.88, "mean not squared"), (2.02, "0/1 mask variance"), (0.5 + 0.16 * 9.5, "0/1 mask variance"),
    (5.84, "unweighted square"), (9.5 / 1.25 ** -2 - 9, "unweighted square"), (3, "the mean"), (3.0, "the mean"),
    (2.4, "rate as variance"), (2.38, "first term dropped"), (9 * 0.25 + 0.5 * 0.25, "first term dropped"),
    (2.56, "read as std"), (9.25 / 0.8 - 9, "read as std"), (9.5, "mask left out")])
def test_rounded_and_worked_forms_name_their_slip(prediction, slip):
    assert reply(prediction).startswith(f"{NAME}: not yet. {HINTS[slip]}"), (prediction, slip)


@pytest.mark.parametrize("prediction", [s.answer for s in SLIPS] + [-1.4, -0.5])
def test_no_reply_to_a_wrong_prediction_states_the_answer(prediction):
    text = reply(prediction).split("You predicted")[0]
    assert "2.875" not in text and "2.88" not in text and "23/8" not in text, text


@pytest.mark.parametrize("prediction", [-1.4, -0.1])
def test_a_negative_variance_is_told_it_cannot_be(prediction):
    assert "never negative" in reply(prediction)


@pytest.mark.parametrize("prediction", [2.875, 2.88, np.float32(2.875), Fraction(23, 8), np.array(2.87)])
def test_the_right_answer_passes_in_any_form(prediction):
    assert reply(prediction).startswith(f"{NAME}: correct")


def test_a_standard_deviation_is_named_and_far_answers_are_not_right():
    assert "standard deviation" in reply(float(np.sqrt(TRUTH)))
    for wrong in (2.8, 2.95, 3.0):
        assert reply(wrong).startswith(f"{NAME}: not yet"), wrong


def test_a_stub_is_not_attempted():
    assert "not attempted yet" in reply(None)
