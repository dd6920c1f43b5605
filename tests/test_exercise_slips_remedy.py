"""Lesson 12's exercise 5 (12_digits, nnlib/exercises/lesson12_curves.py): a learning curve whose gap is closing
while the training accuracy falls short of the target.

* the table in the notebook's prompt is the module's table, and it shows what the right reply says: the gap closes,
  the training accuracy falls, and both end below the target;
* each catalogued wrong remedy leads with its own hint; the right one passes with the reply's reasons.
"""
import json
from functools import partial
from pathlib import Path

import pytest
from support import replies

from nnlib.exercises import lesson12
from nnlib.exercises import lesson12_curves as curves

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "12_digits.ipynb"


reply = partial(replies.reply, "curve_remedy")  # what the check prints for an answer


def test_the_prompt_shows_the_modules_table():
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    prompt = next("".join(c["source"]) for c in cells if "Exercise 5 (diagnose)" in "".join(c["source"]))
    for label, row in [("training images", curves.TRAINING_IMAGES), ("training accuracy", curves.TRAINING_ACCURACY),
                       ("validation accuracy", curves.VALIDATION_ACCURACY)]:
        cells_of_row = " | ".join(f"`{v:.2f}`" if isinstance(v, float) else str(v) for v in row)
        assert f"| {label} | {cells_of_row} |" in prompt, label
    assert f"${curves.TARGET:.2f}$" in prompt


def test_the_table_is_the_case_the_reply_describes():
    gaps = curves.gaps()
    assert all(a > b for a, b in zip(gaps, gaps[1:])), "the gap closes"
    assert all(a > b for a, b in zip(curves.TRAINING_ACCURACY, curves.TRAINING_ACCURACY[1:])), "training falls"
    assert all(a < b for a, b in zip(curves.VALIDATION_ACCURACY, curves.VALIDATION_ACCURACY[1:])), "validation rises"
    assert curves.TRAINING_ACCURACY[-1] < curves.TARGET, "the ceiling is below the target"


@pytest.mark.parametrize("slip", curves.SLIPS["curve_remedy"], ids=lambda s: s.name)
def test_each_wrong_remedy_gets_its_own_hint(slip):
    assert slip in lesson12.SLIPS["curve_remedy"]
    assert reply(slip.answer).startswith(f"curve_remedy: not yet. {slip.hint}")


def test_the_right_remedy_passes_with_its_reasons():
    text = reply("bigger network")
    assert text.startswith("curve_remedy: correct") and "0.30, 0.17, 0.07, 0.02" in text
    assert "not attempted yet" in reply(None)
