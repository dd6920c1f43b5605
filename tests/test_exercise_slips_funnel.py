"""Lesson 10's exercise 2 (10_depth, nnlib/exercises/lesson10_funnel.py): the backward spread down a funnel of ReLU
layers drawn with He's scale.

* the run behind the truth: the std of delta halves from each layer to the one below (the variance argument gives
  n_out / n_in = 1/4 on the variance), on each random funnel to within a few hundredths, and a square stack keeps it;
* each catalogued wrong prediction, written as a student would, leads with its own hint, and no reply to a wrong
  prediction states the answer; the right one passes in several forms; the stub is neutral;
* the notebook's prompt and folded solution are the ones the check judges.
"""
import json
import re
from functools import partial
from pathlib import Path

import numpy as np
import pytest
from support import replies

from nnlib.exercises import lesson10_funnel as funnel

HINTS = {s.name: s.hint for s in funnel.SLIPS["funnel_backward"]}
NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "10_depth.ipynb"


reply = partial(replies.reply, "funnel_backward")  # what the check prints for an answer


def test_the_run_behind_the_truth_halves_the_std_per_layer():
    assert abs(funnel._funnel_factor() - 0.5) < 0.02
    for seed in funnel.NETS:
        ratios = np.exp(np.diff(np.log(funnel._delta_stds(funnel.FUNNEL, seed))))
        assert len(ratios) == 2 and np.all(np.abs(ratios - 0.5) < 0.1), ratios


def test_a_square_stack_keeps_the_backward_spread():
    # the control: where n_out = n_in, He's scale keeps the backward spread too, so the funnel is what halves it
    assert abs(funnel._funnel_factor(widths=(128, 128, 128, 128), seeds=range(4)) - 1.0) < 0.06


@pytest.mark.parametrize("prediction, slip", [
    (1, "kept"), (1.0, "kept"), (0.25, "variance"), (1 / 4, "variance"), (0.707, "no half"), (np.sqrt(0.5), "no half"),
    (0.71, "no half"), (2, "upside down"), (4.0, "width ratio"), (0.354, "lecun"), (np.sqrt(1 / 8), "lecun"),
    (0, "gone"), (1.414, "forward sum"), (np.sqrt(2), "forward sum"), (1.41, "forward sum"), (0.125, "whole funnel"),
    (1 / 8, "whole funnel"), (0.0625, "whole funnel, variance"), (2.83, "upside down, no half"),
    (np.sqrt(8), "upside down, no half")])
def test_a_wrong_prediction_names_its_slip(prediction, slip):
    text = reply(prediction)
    assert text.startswith(f"funnel_backward: not yet. {HINTS[slip]}"), text


@pytest.mark.parametrize("prediction", [0.6, 0.4, 0.17, 8, 16, 0.9, -0.5, 200])
def test_other_answers_fail_without_a_slip_hint(prediction):
    text = reply(prediction)
    assert text.startswith("funnel_backward: not yet.") and not any(h in text for h in HINTS.values()), text


@pytest.mark.parametrize("prediction", [0.25, 0.707, 1, 2, 4, 0.354, 0, 0.6, 0.125, 0.0625, 1.414, 2.83, 50, 25,
                                        70.7])
def test_no_reply_to_a_wrong_prediction_states_the_answer(prediction):
    text = reply(prediction).split("which is not it")[0]
    assert not re.search(r"(?<![\d.])0?\.50*(?!\d)|std halves|deviation halves|halves at every", text), text


@pytest.mark.parametrize("prediction", [10, 25, 50, 70.7, 100])
def test_a_percentage_is_asked_for_as_a_plain_factor(prediction):
    text = reply(prediction)
    assert text.startswith("funnel_backward: not yet. That reads like a percentage"), text


@pytest.mark.parametrize("prediction", [0.5, 1 / 2, np.float32(0.5), np.sqrt(0.25), 0.52, np.array(0.48),
                                        np.array([0.5])])
def test_the_right_prediction_passes_in_any_form_and_says_what_was_measured(prediction):
    text = reply(prediction)
    assert text.startswith("funnel_backward: correct") and "measured over 8 funnels: 0.5" in text, text


@pytest.mark.parametrize("prediction", ["0.5", (0.5, 0.5), [0.5, 0.25]])
def test_text_or_several_numbers_are_refused(prediction):
    assert reply(prediction).startswith("funnel_backward: not yet.")


def test_the_stub_is_neutral():
    assert reply(None) == "funnel_backward: not attempted yet: put your answer (or your fix) in the cell above, " \
                          "run that cell, then run this one again."


def test_the_notebook_asks_what_the_check_judges():
    cells = ["".join(c["source"]) for c in json.loads(NOTEBOOK.read_text())["cells"]]
    at = next(i for i, text in enumerate(cells) if "check.funnel_backward(prediction)" in text)
    prompt, stub, solution = cells[at - 2], cells[at - 1], cells[at + 1]
    assert "128, 32 and 8 units" in prompt.replace("\n", " ")
    assert "He's scale" in prompt and "eight random funnels" in prompt and "within 0.05" in prompt
    assert funnel.FUNNEL == (512, 128, 32, 8) and len(funnel.NETS) == 8 and funnel.SAMPLES == 1000
    assert stub.startswith("prediction = None")
    answer = float(re.search(r"prediction = ([\d.]+)", solution).group(1))
    assert answer == funnel.SOLUTIONS["funnel_backward"] and reply(answer).startswith("funnel_backward: correct")
