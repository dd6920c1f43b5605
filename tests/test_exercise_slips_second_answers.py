"""Lesson 8's second answers (08_playground): exercise 3's `hardest` (nnlib/exercises/lesson08_tanh.py) and
exercise 6's `budget` (nnlib/exercises/lesson08.py), each judged after (or, for the budget, before) the first.

* the truths are what the prompts ask: |delta| for the target -1 peaks at y_hat = 1/3, and the budget at l2 = 3 is
  2 * 30 * log 2 / 3; the trained nets stay within their budgets;
* each catalogued wrong second answer leads with its own hint, and right ones pass in several forms;
* a wrong function is judged before `hardest`, whatever `hardest` is; a stub is neutral; a right first answer with
  the second left at None is told what is left to do; called with one answer, each check judges that one alone.
"""
import numpy as np
import pytest
from support.replies import reply

from nnlib.exercises import lesson08
from nnlib.exercises import lesson08_tanh as tanh_delta


def my_delta(y_hat, y):                 # a student's right answer (not the checker's own function)
    return (y_hat - y) * (1 - y_hat ** 2) / y.shape[0]


def _linear(y_hat, y):
    return (y_hat - y) / y.shape[0]


def _stub(y_hat, y):
    raise NotImplementedError


def test_the_truths():
    assert tanh_delta._hardest() == pytest.approx(1 / 3, abs=1e-4)
    assert lesson08._budget() == pytest.approx(2 * 30 * np.log(2) / 3)


@pytest.mark.parametrize("slip", tanh_delta.HARDEST_SLIPS, ids=lambda s: s.name)
def test_each_wrong_hardest_leads_with_its_hint(slip):
    assert reply("tanh_output_delta", my_delta, slip.answer).startswith(f"tanh_output_delta: not yet. {slip.hint}")


@pytest.mark.parametrize("hardest", [1 / 3, 0.33, 0.333, np.float64(0.34), 0.325])
def test_a_right_hardest_passes_and_says_what_it_means(hardest):
    text = reply("tanh_output_delta", my_delta, hardest)
    assert text.startswith("tanh_output_delta: correct") and "weaker the push back" in text


@pytest.mark.parametrize("hardest", [0.5, 0.2, 0.7, "0.33", [0.3, 0.4]])
def test_other_hardest_answers_fail_without_a_slip_hint(hardest):
    text = reply("tanh_output_delta", my_delta, hardest)
    assert text.startswith("tanh_output_delta: not yet.")
    assert not any(s.hint in text for s in tanh_delta.HARDEST_SLIPS)


def test_the_function_comes_first():
    linear = next(s.hint for s in tanh_delta.SLIPS["tanh_output_delta"] if s.name == "linear")
    for hardest in (1 / 3, 1.0, None):
        assert reply("tanh_output_delta", _linear, hardest).startswith(f"tanh_output_delta: not yet. {linear}")
    assert reply("tanh_output_delta", _stub, None).startswith("tanh_output_delta: not attempted yet")
    assert reply("tanh_output_delta", my_delta, None).startswith("tanh_output_delta: not yet. Your function is right")
    assert reply("tanh_output_delta", my_delta).startswith("tanh_output_delta: correct")


@pytest.mark.parametrize("slip", lesson08.BUDGET_SLIPS, ids=lambda s: s.name)
def test_each_wrong_budget_leads_with_its_hint(slip):
    for prediction in (3, 10):
        text = reply("playground_regularise", prediction, slip.answer)
        assert text.startswith(f"playground_regularise: not yet. {slip.hint}"), text


@pytest.mark.parametrize("budget, words", [(41.6, "multiplied by l2"), (1386, "l2 = 0.03"), (4.6, "first power")])
def test_a_reviewers_wrong_budgets_are_named(budget, words):
    """A fresh reviewer's wrong budgets (no division by l2, the weakest brake's, l2 squared), rounded as a student
    would write them."""
    assert words in reply("playground_regularise", 3, budget)


def test_an_unnamed_budget_gets_no_guessed_cause():
    text = reply("playground_regularise", 3, 25.0)
    assert text.endswith("(within 1 of the answer counts as right)"), text


@pytest.mark.parametrize("budget", [14, 13.86, 13.9, 41 / 3, np.float64(14.5)])
def test_a_right_budget_then_the_strength(budget):
    strong = next(s.hint for s in lesson08.SLIPS["playground_regularise"] if s.name == "strong")
    assert reply("playground_regularise", 10, budget).startswith(f"playground_regularise: not yet. {strong}")
    text = reply("playground_regularise", 3, budget)
    assert text.startswith("playground_regularise: correct.") and "The budget at l2 = 3" in text


def test_the_trained_nets_stay_within_their_budgets():
    for l2 in (3, 10):
        assert max(lesson08._squares(l2)) < lesson08._budget(l2)


def test_the_budget_stub_and_one_answer():
    assert reply("playground_regularise", None, None).startswith("playground_regularise: not attempted yet")
    assert reply("playground_regularise", 3, None).startswith("playground_regularise: not yet. `budget` is still")
    text = reply("playground_regularise", 3)
    assert text.startswith("playground_regularise: correct.") and "The budget" not in text
