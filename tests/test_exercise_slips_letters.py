"""Lesson 12's letter-reader exercise (check.letters_start, nnlib/exercises/lesson12_letters.py) and the axis
named by check.shift_digits for a fix that blanks only rows or only columns.

* the prompt's 0.13 is measured: a fresh 64-16-26 network gives it when the mean runs over all n x 26 entries,
  and none of the other causes on the list gives it;
* every catalogued slip gets its own hint; the stub is neutral; the right cause passes, however it is spelled;
* a shift that blanks only the wrapped column is told to look at the row, and the other way round.
"""

import numpy as np
import pytest
from support.replies import reply

from nnlib import MLP
from nnlib.exercises import engine, lesson12_letters

SLIPS = lesson12_letters.SLIPS["letters_start"]
RIGHT = lesson12_letters.SOLUTIONS["letters_start"]


def _fresh_reader(seed, factor=1.0):
    """A fresh 64-16-26 network's probabilities on 2600 standardised-like images, 100 of each letter."""
    X = np.random.default_rng(seed).standard_normal((2600, 64))
    net = MLP([64, 16, 26], seed=seed)
    net.params = [(factor * W, b) for W, b in net.params]
    return net.predict_proba(X), np.eye(26)[np.arange(2600) % 26]


@pytest.mark.parametrize("seed", range(3))
def test_only_averaging_over_the_classes_reports_about_0_13(seed):
    p, Y = _fresh_reader(seed)
    right = np.mean(-np.sum(Y * np.log(p), axis=1))
    assert np.log(26) <= right < np.log(26) + 0.3                      # log 26 or a little above
    assert round(float(np.mean(-Y * np.log(p))), 2) == 0.13             # the bug: divided by n x 26
    assert np.mean(-np.sum(Y * np.log10(p), axis=1)) > 1.4              # log base 10: about ten times 0.13
    p_big, _ = _fresh_reader(seed, factor=10.0)
    assert np.mean(-np.sum(Y * np.log(p_big), axis=1)) > 2 * np.log(26)  # weights too large: far above


@pytest.mark.parametrize("slip", SLIPS, ids=[s.name for s in SLIPS])
def test_each_slip_gets_its_own_hint(slip):
    assert reply("letters_start", slip.answer).startswith(f"letters_start: not yet. {slip.hint}")


def test_every_cause_but_the_right_one_has_a_hint():
    assert {s.answer for s in SLIPS} | {RIGHT} == set(lesson12_letters.CAUSES)


@pytest.mark.parametrize("answer", [RIGHT, "Averaged over the classes too", " averaged over the  classes too "])
def test_the_right_cause_passes(answer):
    assert reply("letters_start", answer).startswith("letters_start: correct. A fresh network starts at log 26")


@pytest.mark.parametrize("answer, words", [
    ("leak", "That reads like 'label among the inputs': write it exactly as listed. A fresh network cannot use"),
    ("log10", "That reads like 'log base 10 in the loss'"), ("mean over classes", "'averaged over the classes"),
    ("the lr", "That reads like 'learning rate too high'"), ("weights drawn too small", "too small make every score"),
    (0.13, "not a number"), (5, "not a number"), (["nothing is wrong", RIGHT], "Name one cause"),
    ("bigger network", "what it would do to the loss before the first step")])
def test_an_answer_off_the_list_is_told_the_choices_and_what_it_seems_to_mean(answer, words):
    text = reply("letters_start", answer)
    assert text.startswith("letters_start: not yet.") and words in text, text
    assert "Choose one of 'weights drawn too large'" in text and "correct" not in text


def test_the_stub_is_neutral():
    assert reply("letters_start", None) == f"letters_start: {engine.NOT_ATTEMPTED}"


def _roll_then_blank(rows, columns):
    def shift_digits(X, dy, dx):
        moved = np.roll(np.reshape(X, (-1, 8, 8)), (dy, dx), axis=(1, 2))
        if rows and dy:
            moved[:, 0 if dy > 0 else -1, :] = 0
        if columns and dx:
            moved[:, :, 0 if dx > 0 else -1] = 0
        return moved.reshape(-1, 64)
    return shift_digits


@pytest.mark.parametrize("rows, columns, axis, move", [(False, True, "row", "dy=-1"),
                                                       (True, False, "column", "dx=1")])
def test_a_shift_fixed_on_one_axis_is_told_the_other_axis(rows, columns, axis, move):
    text = reply("shift_digits", _roll_then_blank(rows, columns))
    assert text.startswith("shift_digits: not yet.") and f"look at the {axis} the ink moves away from" in text
    assert move in text
    assert reply("shift_digits", _roll_then_blank(True, True)) == "shift_digits: correct"


def test_graded_mode_accepts_the_right_cause():
    from nnlib.exercises import graded
    assert not graded.rebound("letters_start")
    assert graded.run("letters_start", RIGHT) is None
