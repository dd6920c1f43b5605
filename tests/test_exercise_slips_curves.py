"""Lesson 9's exercise 5 (09_generalisation, nnlib/exercises/lesson09_curves.py): a jagged training curve.

* the symptom the prompt states holds on every one of seeds 0 to 4: with dropout 0.2, full batch, the training
  curve jumps about 30 times as much from epoch to epoch as the validation curve; without dropout (and with a strong
  l2) the training curve is smooth, so dropout is the setting that explains it;
* each catalogued wrong answer leads with its own hint, and the right answer passes.
"""
from functools import partial

import pytest
from support import replies

from nnlib.exercises import lesson09_curves as curves

HINTS = {s.name: s.hint for s in curves.SLIPS["jagged_curve"]}


reply = partial(replies.reply, "jagged_curve")  # what the check prints for an answer


@pytest.mark.parametrize("seed", range(5))
def test_dropout_makes_the_training_curve_jagged_on_every_seed(seed):
    train, val = curves.roughness(seed, dropout=0.2)
    plain_train, plain_val = curves.roughness(seed, dropout=None)
    assert 25 < train / val < 45, (train, val)                 # "about 30 times as much"
    assert plain_train < train / 100 and plain_val < val / 100  # without dropout both curves are smooth


@pytest.mark.parametrize("slip", curves.SLIPS["jagged_curve"], ids=lambda s: s.name)
def test_each_wrong_setting_gets_its_own_hint(slip):
    assert reply(slip.answer).startswith(f"jagged_curve: not yet. {HINTS[slip.name]}")


def test_the_right_setting_passes_and_a_stub_is_not_attempted():
    assert reply("dropout 0.2").startswith("jagged_curve: correct")
    assert "not attempted yet" in reply(None)
