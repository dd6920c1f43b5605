"""Lesson 7's exercise 2 (07_training, nnlib/exercises/lesson07_momentum.py): the largest stable lr of momentum.

* the truth the check finds by running is the derived edge 2 (1 + mu) / lambda_max = 0.19, and section 3's
  momentum (nnlib.optim's, the same rule as the lesson's numpy version) converges just below it and grows just
  above it, while plain gradient descent's edge 2 / lambda_max = 0.1 is no longer the limit;
* each catalogued wrong answer, written as a student would (a formula, a fraction, a rounded number), leads with
  its own hint, and the right answer passes in several numeric types.
"""
from fractions import Fraction
from functools import partial

import numpy as np
import pytest
from support import replies

from nnlib import optim
from nnlib.exercises import lesson07_momentum as momentum

HINTS = {s.name: s.hint for s in momentum.SLIPS["momentum_lr"]}


reply = partial(replies.reply, "momentum_lr")  # what the check prints for an answer


def distance_after(lr, rule, steps=3000):
    """|w| after `steps` of a hand-written update rule on the bowl from (-4, 1) (section 3's functions)."""
    w, s = np.array([-4.0, 1.0]), {}
    for _ in range(steps):
        rule(w, np.array([1.0, 20.0]) * w, s, lr)
        if np.linalg.norm(w) > 1e6:
            break
    return np.linalg.norm(w)


def lesson_momentum(w, g, s, lr, mu=0.9):          # section 3's momentum_update, as the lesson writes it
    s["v"] = mu * s.get("v", 0.0) - lr * g
    w += s["v"]


def lesson_sgd(w, g, s, lr):
    w -= lr * g


def test_the_run_finds_the_derived_edge():
    assert momentum._largest_stable_lr() == pytest.approx(2 * (1 + 0.9) / 20, abs=1e-4)


@pytest.mark.parametrize("lr, grows", [(0.185, False), (0.189, False), (0.191, True), (0.195, True)])
def test_the_lessons_momentum_changes_at_the_edge(lr, grows):
    start = np.linalg.norm([-4.0, 1.0])
    assert bool(distance_after(lr, lesson_momentum) > start) is grows
    assert momentum.momentum_grows(lr) is grows                  # nnlib.optim's momentum agrees


def test_the_library_momentum_is_the_lessons_rule():
    w_lib, opt = np.array([-4.0, 1.0]), optim.Momentum(mu=0.9)
    w, s = w_lib.copy(), {}
    for _ in range(50):
        lesson_momentum(w, np.array([1.0, 20.0]) * w, s, 0.18)
        opt.step([w_lib], [np.array([1.0, 20.0]) * w_lib], 0.18)
    assert np.array_equal(w, w_lib)


def test_without_momentum_the_edge_is_lesson_2s():
    start = np.linalg.norm([-4.0, 1.0])
    assert distance_after(0.099, lesson_sgd) < start < distance_after(0.101, lesson_sgd)
    assert distance_after(0.15, lesson_momentum) < start                   # momentum converges where SGD cannot


@pytest.mark.parametrize("prediction, slip", [
    (2 / 20, "no momentum"), (0.1, "no momentum"), (2 * (1 - 0.9) / 20, "top speed"), (0.010, "top speed"),
    ((1 + 0.9) / 20, "half"), (0.095, "half"), (round(2 / (20 * 1.9), 3), "divided"), (0.053, "divided"),
    (2 / (20 * 0.1), "speed-up"), (1.0, "speed-up"), (3.8, "shallow"), (2 * 1.9 / (0.1 * 20), "damped"),
    (0.2, "mu one"), (0, "no flip"), (0.05, "one step"), ((2 + 0.9) / 20, "mu dropped"), (0.145, "mu dropped"),
    ((1 + 2 * 0.9) / 20, "algebra"), (0.14, "algebra"), (2 * 1.9 / (20 * 2.8), "nesterov"), (0.068, "nesterov"),
    (2 * 1.1 / 20, "mu for 1-mu"), (0.11, "mu for 1-mu"), (2 * 1.9 / 21, "both curvatures"),
    (0.181, "both curvatures"), (76, "times curvature"), (2 * 1.9 * 20, "times curvature"),
    (0.38, "curvature 10"), (2 * 1.9 / 10, "curvature 10")])
def test_a_wrong_edge_names_its_slip(prediction, slip):
    assert reply(prediction).startswith(f"momentum_lr: not yet. {HINTS[slip]}")


@pytest.mark.parametrize("prediction", [0.19, 0.190, Fraction(19, 100), np.float32(0.19), np.array(0.19),
                                        2 * (1 + 0.9) / 20, 0.1904])
def test_the_edge_passes(prediction):
    assert reply(prediction).startswith("momentum_lr: correct")


@pytest.mark.parametrize("prediction", [0.18, 0.21, 0.17, 0.5])
def test_other_numbers_fail_without_a_slip_hint(prediction):
    text = reply(prediction)
    assert text.startswith("momentum_lr: not yet. You predicted") and not any(h in text for h in HINTS.values())


def test_the_stub_is_neutral():
    assert reply(None).strip() == "momentum_lr: not attempted yet: put your answer (or your fix) in the cell " \
                                  "above, run that cell, then run this one again."
