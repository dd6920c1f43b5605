"""Lesson 6, exercise 3 (derive): an unused weight under L1 alone (w = 0.2995, lr = 2, l1 = 0.1, n = 200) first
turns negative after 300 steps and then hops across 0, never farther than half a step. The truth the check runs
is tested against the derivation; answers in other forms pass; each catalogued mistake is named.
"""
import math
from fractions import Fraction
from functools import partial

import numpy as np
import pytest
from support import replies

from nnlib.exercises import lesson06, lesson06_hover

reply = partial(replies.reply, "l1_unused_weight")  # what the check prints for an answer


def test_the_run_agrees_with_the_derivation():
    step = lesson06.LR * lesson06.L1 / lesson06.N
    assert math.isclose(step, 0.001)
    steps = math.ceil(lesson06.W_START / step)                # the first step that takes w past 0
    assert lesson06._unused_weight() == (steps, round(steps * step - lesson06.W_START, 6)) == (300, 0.0005)


def test_after_the_crossing_w_hops_across_0():
    w, ws = lesson06.W_START, []
    for _ in range(400):
        w = w - lesson06.LR * lesson06.L1 / lesson06.N * np.sign(w)
        ws.append(w)
    after = np.array(ws[299:])
    assert after[0] < 0 and np.all(np.sign(after[1:]) != np.sign(after[:-1]))
    assert np.allclose(np.abs(after), 0.0005)


@pytest.mark.parametrize("prediction", [(300, 0.0005), [300, 5e-4], np.array([300.0, 0.0005]),
                                        (Fraction(300), Fraction(1, 2000)), (300, 0.00052)])
def test_right_answers_in_other_forms_pass(prediction):
    assert reply(prediction).startswith("l1_unused_weight: correct")


@pytest.mark.parametrize("prediction, slip", [((300, 0), "stops"), ((300, 0.001), "full step"),
                                              ((2, 0.1005), "no n"), ((599, 0), "half step"),
                                              ((299, 0.0005), "one early"), ((301, 0.0005), "one late"),
                                              ((599, 0.00025), "no lr")])
def test_each_mistake_is_named(prediction, slip):
    want = next(s.hint for s in lesson06.SLIPS["l1_unused_weight"] if s.name == slip)
    assert reply(prediction).startswith(f"l1_unused_weight: not yet. {want}")


def test_a_single_number_is_refused_with_a_reason():
    text = reply(300)
    assert text.startswith("l1_unused_weight: not yet.") and "300" in text


@pytest.mark.parametrize("prediction, words", [
    ((300, 0.2995), "after w first turns negative"), ((300, -0.0005), "the size |w|"),
    ((299.5, 0.0005), "whole number"), ((150, 0.0015), "no factor 2"), ((3, 0.0995), "leaves out both lr"),
    ((600, 0.0), "half the real one"), ((301, 0.001), "Not a whole step"), ((299, 0.0), "does not land exactly")])
def test_a_slip_in_one_number_is_named_whatever_the_other(prediction, words):
    text = reply(prediction)
    assert text.startswith("l1_unused_weight: not yet.") and words in text, text


@pytest.mark.parametrize("prediction", [(math.inf, 0), (float("inf"), 0.0005), [np.inf, 0]])
def test_a_weight_that_never_turns_negative_is_told_l1_is_not_l2(prediction):
    text = reply(prediction)
    assert text.startswith(f"l1_unused_weight: not yet. {lesson06.NEVER}") and "is not it" in text


def test_numbers_no_slip_explains_get_no_hint():
    text = reply((250, 0.003))
    assert text.startswith("l1_unused_weight: not yet. You predicted (250, 0.003)")


@pytest.mark.parametrize("prediction", [(299, 0.0005), (301, 0.0005), (299, 0.001), (301, 0.0)])
def test_a_count_one_off_is_not_told_its_direction(prediction):
    text = reply(prediction)
    assert text.startswith("l1_unused_weight: not yet.")
    for words in ["off by one", "one too", "too low", "too high", "still above 0"]:
        assert words not in text, text


@pytest.mark.parametrize("prediction", [(300, 0.0004), (300, 0.0006), (300, 0.00045)])
def test_a_hop_a_fifth_off_is_refused(prediction):
    assert reply(prediction).startswith("l1_unused_weight: not yet."), reply(prediction)


@pytest.mark.parametrize("prediction, step", [((1498, 0.0001), "0.0002"), ((2995, 0.00005), "0.0001")])
def test_numbers_that_fit_another_step_are_told_that_step(prediction, step):
    text = reply(prediction)
    assert text.startswith(f"l1_unused_weight: not yet. Your two numbers fit a weight that moves by {step} each"), text
    assert "does not land exactly" not in text


@pytest.mark.parametrize("prediction", [(693, 0.0005), (690, 0.0005), (692, 0.0005)])
def test_exercise_1s_l2_count_carried_over_is_named_not_a_log_base(prediction):
    text = reply(prediction)
    assert text.startswith(f"l1_unused_weight: not yet. {lesson06_hover.CARRIED}"), text
    assert "ln 10" not in text and "log10" not in text, text


@pytest.mark.parametrize("prediction", [(300, 0.00025), (300, 0.0003), (300, 0.0004)])
def test_a_small_hop_that_is_not_zero_is_not_told_that_w_stops(prediction):
    text = reply(prediction)
    stops = next(s.hint for s in lesson06.SLIPS["l1_unused_weight"] if s.name == "stops")
    assert stops not in text and "number 2" in text, text
    assert "too low" not in text and "too high" not in text, text       # a direction would let a student bisect
