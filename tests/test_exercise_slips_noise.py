"""Lesson 9's exercise 4 (09_generalisation, nnlib/exercises/lesson09_noise.py): the variance dropout gives a unit's
output when the activation itself varies.

* the experiment the check runs agrees with the derivation E[a^2] E[M^2] - E[a]^2 on several seeds;
* each catalogued wrong answer leads with its own hint, and no two slips sit within the tolerance of each other
  or of the answer;
* the right answer passes in any numeric form, a standard deviation is named as one, and a stub is not attempted.
"""
import contextlib
import io
from fractions import Fraction

import numpy as np
import pytest

from nnlib import check
from nnlib.exercises import lesson09
from nnlib.exercises import lesson09_noise as noise

NAME = "dropout_output_variance"
SLIPS = noise.SLIPS[NAME]
TRUTH = noise.SOLUTIONS[NAME]


def reply(prediction):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert check.dropout_output_variance(prediction) is None
    return out.getvalue()


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
    values = sorted([s.answer for s in SLIPS] + [TRUTH])
    assert min(np.diff(values)) > 0.1, values


@pytest.mark.parametrize("prediction", [2.875, 2.88, np.float32(2.875), Fraction(23, 8), np.array(2.87)])
def test_the_right_answer_passes_in_any_form(prediction):
    assert reply(prediction).startswith(f"{NAME}: correct")


def test_a_standard_deviation_is_named_and_far_answers_are_not_right():
    assert "standard deviation" in reply(float(np.sqrt(TRUTH)))
    for wrong in (2.8, 2.95, 3.0):
        assert reply(wrong).startswith(f"{NAME}: not yet"), wrong


def test_a_stub_is_not_attempted():
    assert "not attempted yet" in reply(None)
