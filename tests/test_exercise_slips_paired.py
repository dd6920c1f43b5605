"""Lesson 6, exercise 5 (predict) `paired_spread`: the spread over fresh validation sets of two nets' mean
paired difference. The truth is measured by drawing sets, not stored; each catalogued wrong answer, written as a
student writes it, gets a reply naming its own slip and never the answer; the untouched stub gets only the
neutral reply; right answers in several forms pass; lesson 6's step-limit slip of a sum without the penalty is
named.
"""
import math
from fractions import Fraction

import numpy as np
import pytest
from support.replies import reply

from nnlib.exercises import lesson06, lesson06_paired
from nnlib.exercises.reply import NOT_ATTEMPTED


def hint(slip):
    return next(s.hint for s in lesson06_paired.SLIPS["paired_spread"] if s.name == slip)


def test_untouched_stub_gets_only_the_neutral_reply():
    assert reply("paired_spread", None) == f"paired_spread: {NOT_ATTEMPTED}"


def test_truth_is_measured_by_drawing_sets_and_agrees_with_the_formula():
    measured = lesson06_paired._run_spread()
    assert abs(measured - math.sqrt(0.0148 / 200)) < 2e-4
    unpaired = lesson06_paired._run_spread(rho=0.0)                  # independent losses: the spreads add up
    assert abs(unpaired - math.sqrt(0.25 / 200)) < 6e-4
    assert lesson06_paired._run_spread(n=50) > 1.9 * measured         # four times fewer points: twice the spread


@pytest.mark.parametrize("prediction", [0.0086, math.sqrt(0.0148 / 200), np.float64(0.0085), Fraction(43, 5000),
                                        lesson06.SOLUTIONS["paired_spread"]])
def test_right_answers_pass(prediction):
    text = reply("paired_spread", prediction)
    assert text.startswith("paired_spread: correct") and "same points" in text


@pytest.mark.parametrize("prediction, slip", [
    (math.sqrt((0.09 + 0.16) / 200), "unpaired"),                    # the correlation left out
    (0.035, "unpaired"),
    (math.sqrt((0.09 + 0.16 + 2 * 0.98 * 0.12) / 200), "plus"),      # + 2 Cov
    (0.7 / math.sqrt(200), "plus"),                                  # the two spreads added
    (math.sqrt((0.25 - 0.98 * 0.12) / 200), "no 2"),                 # Cov once
    (0.1 / math.sqrt(200), "rho one"),                               # lockstep: only 0.4 - 0.3 left
    (math.sqrt(0.0148), "no sqrt n"),                                # one point's difference
    (math.sqrt(0.0148) / 200, "over n"),
    (0.0148 / 200, "variance"),
    (0.3 / math.sqrt(200), "net A alone"),
    (0.4 / math.sqrt(200), "net B alone"),
    (0.1, "difference of spreads unpaired"),
])
def test_each_slip_is_named_without_the_answer(prediction, slip):
    text = reply("paired_spread", prediction)
    assert text.startswith(f"paired_spread: not yet. {hint(slip)}")
    assert "0.0086" not in text and "0.0148" not in text


@pytest.mark.parametrize("prediction", [0.012, 0.005])
def test_unnamed_wrong_answer_gets_no_direction(prediction):
    text = reply("paired_spread", prediction)          # a direction would let a student bisect to the answer
    assert text.endswith("counts as right)") and "0.0086" not in text, text


def test_slips_are_far_enough_apart_to_be_told_from_each_other_and_the_truth():
    answers = sorted(s.answer for s in lesson06_paired.SLIPS["paired_spread"])
    truth = lesson06.SOLUTIONS["paired_spread"]
    assert all(abs(a - truth) > 0.001 for a in answers)
    assert all(b - a > 0.0006 or b > 1.2 * a for a, b in zip(answers, answers[1:]))


def test_lr_limit_sum_without_the_penalty_is_named():
    text = reply("lr_limit", 0.1)
    assert text.startswith("lr_limit: not yet. That sums x^2 over the 5 points and leaves the penalty out")
    assert "1/3" not in text and "0.333" not in text
