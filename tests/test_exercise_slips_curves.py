"""Lesson 9's exercise 5 (09_generalisation, nnlib/exercises/lesson09_curves.py): a jagged training curve.

* the symptoms the prompt states hold on every one of seeds 0 to 4: each of the three changes (dropout 0.2,
  minibatches of 10, lr 3) makes the training curve jagged where the unchanged run's is smooth; with dropout the
  training curve jumps 30 to 37 times as much from epoch to epoch as the validation curve, while with minibatches
  or a large step the two jump about equally (the noise is in the weights), so only dropout explains the plot;
* each rival gets its own hint, as does blaming a setting none of the three changed (l2, patience, hidden size);
  other answers off the list get advice that does not name the answer, and the right answer passes.
"""
from functools import partial

import numpy as np
import pytest
from support import replies

from nnlib.exercises import lesson09_curves as curves

HINTS = {s.name: s.hint for s in curves.SLIPS["jagged_curve"]}


reply = partial(replies.reply, "jagged_curve")  # what the check prints for an answer


@pytest.mark.parametrize("seed", range(5))
def test_only_dropout_makes_the_training_curve_alone_jagged_on_every_seed(seed):
    plain_train, plain_val = curves.roughness(seed)
    for change in curves.SETTINGS:
        train, val = curves.roughness(seed, change)
        assert train > 1e4 * plain_train, (change, train, plain_train)  # "all three get a jagged training curve"
        if change == "dropout 0.2":
            assert 30 <= train / val < 38, (train, val)                # "30 to 37 times as much"
        else:
            assert 0.5 < train / val < 2, (change, train, val)          # the two curves jump about equally


def test_every_rival_is_a_slip_with_its_own_hint():
    answers = {s.answer for s in curves.SLIPS["jagged_curve"]}
    assert set(curves.SETTINGS) - {"dropout 0.2"} <= answers and "dropout 0.2" not in answers


@pytest.mark.parametrize("slip", curves.SLIPS["jagged_curve"], ids=lambda s: s.name)
def test_each_wrong_change_gets_its_own_hint(slip):
    assert reply(slip.answer).startswith(f"jagged_curve: not yet. {HINTS[slip.name]}")


@pytest.mark.parametrize("answer, words", [
    ("a learning rate too large", ["reads like 'lr 3'", HINTS["lr"]]),
    ("batch size too small", ["reads like 'minibatches of 10'", HINTS["minibatches"]]),
    ("dropout", ["reads like 'dropout 0.2'", "exactly as listed"]),
    ("l2 too strong", ["kept section 2's", "no noise"]),
    ("too few hidden units", ["kept section 2's", "no noise"]),
    ("patience too short", ["kept section 2's", "no noise"]),
    (["dropout 0.2", "lr 3"], ["one change, as one string"]),
    (0, ["not a number"]),
    ("nothing is wrong", ["each of the two losses is measured"]),
])
def test_an_answer_off_the_list_gets_advice(answer, words):
    text = reply(answer)
    assert text.startswith("jagged_curve: not yet.") and "Choose one of" in text
    for word in words:
        assert word in text, (word, text)


@pytest.mark.parametrize("answer", ["l2 too strong", "nothing is wrong", 0, ["minibatches of 10", "lr 3"]])
def test_advice_off_the_list_does_not_name_the_answer(answer):
    body = reply(answer).split("Choose one of")[0]
    assert "dropout" not in body.lower() and "thinned" not in body and "mask" not in body


def test_the_right_change_passes_and_a_stub_is_not_attempted():
    assert reply("dropout 0.2").startswith("jagged_curve: correct")
    assert reply(np.str_(" Dropout 0.2\n")).startswith("jagged_curve: correct")
    assert "not attempted yet" in reply(None)
