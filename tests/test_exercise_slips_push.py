"""Lesson 4, exercise 4 (nnlib/exercises/lesson04_push.py): where squared error pushes hardest on z2 for a sample
labelled 1. The run finds the peak the derivation gives; the right answer is accepted in the forms a student writes
it; each catalogued wrong answer gets its own reply, which never gives the answer away; the right reply ties the
answer back to the lesson's point."""
from fractions import Fraction
from functools import partial

import numpy as np
import pytest
from support import replies

from nnlib.exercises import lesson04_push

reply = partial(replies.reply, "strongest_push")  # what the check prints for an answer


def test_the_run_finds_the_derived_peak():
    y_hat = np.linspace(1e-6, 1 - 1e-6, 999_999)
    push = y_hat * (1 - y_hat) ** 2                      # |delta2| for y = 1, n = 1, written out by hand
    assert abs(y_hat[np.argmax(push)] - 1 / 3) < 1e-5
    assert lesson04_push._strongest_push() == 0.333


@pytest.mark.parametrize("prediction", [1 / 3, 0.33, 0.333, Fraction(1, 3), np.float32(1 / 3), np.array(0.34)])
def test_the_right_answer_in_any_form(prediction):
    text = reply(prediction)
    assert text.startswith("strongest_push: correct") and "most confidently wrong" in text


@pytest.mark.parametrize("prediction, words", [(0.5, "slope alone, y_hat (1 - y_hat)"), (0, "the push is 0"),
                                               (0.01, "the push is 0"), (2 / 3, "target of 0"), (0.67, "target of 0"),
                                               (1, "its smallest value"), (0.148, "size of the largest push"),
                                               (0.25, "the error counted twice"), (-0.69, "z2 at the peak")])
def test_each_slip_gets_its_own_reply(prediction, words):
    text = reply(prediction)
    assert text.startswith("strongest_push: not yet.") and words in text, text


@pytest.mark.parametrize("slip", lesson04_push.SLIPS["strongest_push"], ids=lambda s: s.name)
def test_no_hint_gives_the_answer_away(slip):
    for answer in ("1/3", "1 / 3", "0.33", "(1 - 3 y_hat)", "1 - 3", "third"):
        assert answer not in slip.hint, (slip.name, answer)


@pytest.mark.parametrize("prediction", [0.2, 0.45])
def test_an_uncatalogued_miss_is_not_told_its_direction(prediction):
    text = reply(prediction)                             # a direction would let a student bisect to 1/3
    assert text.startswith("strongest_push: not yet.") and "too low" not in text and "too high" not in text


@pytest.mark.parametrize("prediction, words", [(100 / 3, "not a percentage"), (33.3, "not a percentage"),
                                               (33, "not a percentage"), (50, "not a percentage"),
                                               (0.3, "rounded too coarsely"), (0.69, "ln 2, a value of z2"),
                                               (3, "outside what a sigmoid can give")])
def test_a_percentage_a_coarse_rounding_z2_and_a_root_upside_down_are_named(prediction, words):
    text = reply(prediction)
    assert text.startswith("strongest_push: not yet.") and words in text, text
