"""Lesson 7's exercise 4 (07_training, nnlib/exercises/lesson07_adamw.py): AdamW against Adam with L2 on a weight
the loss does not use.

* the run behind the truth is section 3's Adam step: AdamW's end is (1 - lr wd)^10, Adam with L2's is near
  1 - 10 lr and the same for any l2 (Adam's step does not depend on the gradient's scale);
* each catalogued wrong prediction leads with its own hint; the right one passes in several forms; the stub is
  neutral; the right reply says why, with the numbers it ran.
"""
from functools import partial

import numpy as np
import pytest
from support import replies

from nnlib import optim
from nnlib.exercises import lesson07_adamw as adamw

SLIPS = adamw.SLIPS["adamw_unused"]


reply = partial(replies.reply, "adamw_unused")  # what the check prints for an answer


def test_the_truth_is_what_the_formulas_give():
    w_decoupled, w_l2 = adamw.unused_weight()
    assert w_decoupled == pytest.approx((1 - 0.01 * 0.1) ** 10, abs=1e-4)
    assert abs(w_l2 - (1 - 10 * 0.01)) < 0.003
    for decay in (0.001, 0.01, 1.0):                      # Adam with L2: the same end, whatever l2
        assert adamw.unused_weight(decay=decay)[1] == pytest.approx(w_l2, abs=1e-3), decay


def test_the_run_matches_the_library_adam():
    w, opt = [np.array([[1.0]])], optim.Adam()
    for _ in range(adamw.STEPS):
        opt.step(w, [adamw.DECAY * w[0]], adamw.LR)
    assert float(w[0][0, 0]) == pytest.approx(adamw.unused_weight()[1], abs=1e-4)


@pytest.mark.parametrize("slip", SLIPS, ids=lambda s: s.name)
def test_each_slip_leads_with_its_hint(slip):
    assert reply(slip.answer).startswith(f"adamw_unused: not yet. {slip.hint}")


@pytest.mark.parametrize("answer", [(0.99, 0.9), [0.990, 0.900], np.array([0.99, 0.9]), (0.999 ** 10, 0.9)],
                         ids=["tuple", "list", "array", "computed"])
def test_right_answers_pass(answer):
    text = reply(answer)
    assert text.startswith("adamw_unused: correct.") and "does not depend on l2" in text


def test_the_stub_is_neutral():
    assert reply(None).startswith("adamw_unused: not attempted yet")


def test_the_m_uncorrected_slip_is_what_that_run_gives():
    # Adam with L2, v divided by 1 - beta2^t but m left as it is: the slip's second number
    w, m, v = 1.0, 0.0, 0.0
    for t in range(1, adamw.STEPS + 1):
        g = adamw.DECAY * w
        m, v = adamw.BETA1 * m + (1 - adamw.BETA1) * g, adamw.BETA2 * v + (1 - adamw.BETA2) * g * g
        w -= adamw.LR * m / (np.sqrt(v / (1 - adamw.BETA2 ** t)) + adamw.EPS)
    slip = next(s for s in SLIPS if s.name == "m uncorrected")
    assert slip.answer[1] == pytest.approx(w, abs=1e-4)
    assert reply((0.99, round(w, 3))).startswith(f"adamw_unused: not yet. {slip.hint}")


@pytest.mark.parametrize("answer", [(0.99, 0.95), (0.99, 0.81), (0.95, 0.9), (0.5, 0.9)])
def test_an_uncatalogued_pair_gets_the_plain_reply(answer):
    # near 1 the square or root of one answer lies near the other: no guessed cause (a square, a variance)
    text = reply(answer)
    assert text.startswith("adamw_unused: not yet. You predicted")
    for words in ("square", "variance", "standard deviation", "too high", "too low", "complement"):
        assert words not in text, (answer, text)
