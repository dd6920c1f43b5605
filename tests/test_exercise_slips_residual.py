"""Lesson 11's residual-block exercise (check.residual_grad, nnlib/exercises/lesson11_residual.py).

* the truth is the engine's own gradient, and agrees with central differences;
* every catalogued slip gets its own hint, and the slips are far enough apart that none shadows another;
* the number an overwriting engine gives is named as a lost share;
* an untouched stub is neutral, rounded right answers pass, a near miss does not.
"""
from functools import partial

import numpy as np
import pytest
from support import replies

from nnlib.autograd import Value, topological_order
from nnlib.exercises import engine, lesson11_residual

SLIPS = lesson11_residual.SLIPS["residual_grad"]
TRUTH = lesson11_residual.SOLUTIONS["residual_grad"]
X, W = lesson11_residual.X, lesson11_residual.W


reply = partial(replies.reply, "residual_grad")  # what the check prints for an answer


def test_the_truth_is_the_engines_gradient_and_the_central_difference():
    x, w = Value(X), Value(W)
    h = x + (x * w).tanh()
    h.backward()
    step = 1e-6
    central = ((X + step + np.tanh((X + step) * W)) - (X - step + np.tanh((X - step) * W))) / (2 * step)
    assert abs(float(x.grad) - TRUTH) < 1e-12 and abs(central - TRUTH) < 1e-8
    assert round(TRUTH, 2) == 1.84


@pytest.mark.parametrize("slip", SLIPS, ids=[s.name for s in SLIPS])
def test_each_slip_gets_its_own_hint(slip):
    assert reply(slip.answer).startswith(f"residual_grad: not yet. {slip.hint}")


def test_no_slip_shadows_another_or_the_truth():
    values = sorted([float(s.answer) for s in SLIPS] + [TRUTH])
    assert min(np.diff(values)) > 2 * 0.01


def test_an_overwriting_engine_is_told_the_shares_add():
    x, w = Value(X), Value(W)
    h = x + (x * w).tanh()
    h.grad = np.ones_like(h.data)
    for node in reversed(topological_order(h)):
        for parent, local in node.parents:
            parent.grad = local(node.grad)                  # the bug: the last share wins
    text = reply(float(x.grad))
    assert text.startswith("residual_grad: not yet.") and "shares add up" in text


@pytest.mark.parametrize("prediction", [1.84, 1.835, 1.845, np.float32(1.8399), 1 + 2 * (1 - np.tanh(1.0) ** 2)])
def test_rounded_right_answers_pass(prediction):
    assert reply(prediction).startswith("residual_grad: correct. Two paths, two shares")


@pytest.mark.parametrize("prediction", [1.82, 1.86, 2.0, -1.84])
def test_near_misses_fail(prediction):
    assert reply(prediction).startswith("residual_grad: not yet.")


def test_the_stub_is_neutral():
    assert reply(None) == f"residual_grad: {engine.NOT_ATTEMPTED}"


def test_graded_mode_accepts_a_check_kept_in_a_part_module():
    from nnlib.exercises import graded
    assert not graded.rebound("residual_grad") and not graded.rebound("topo_order")
    assert graded.run("residual_grad", 1.84) is None
    with pytest.raises(AssertionError, match="skip path"):
        graded.run("residual_grad", 0.84)


@pytest.mark.parametrize("prediction", [(1.0, 0.84), [1, 0.84], np.array([0.84, 1.0])])
def test_the_two_shares_as_a_pair_are_asked_how_they_combine(prediction):
    text = reply(prediction)
    assert text.startswith("residual_grad: not yet. Two numbers look like the two paths' shares") and \
        "Predict one number" in text


@pytest.mark.parametrize("prediction", [1.76, 1.762, 1 + np.tanh(1.0)])
def test_tanh_value_without_w_is_named_not_just_too_low(prediction):
    text = reply(prediction)
    assert text.startswith("residual_grad: not yet. You used tanh(x w) itself where its slope belongs")
    assert "factor is missing too" in text and "too low" not in text
