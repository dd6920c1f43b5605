"""Lesson 9's exercise 2 (09_generalisation, nnlib/exercises/lesson09_lefton.py): inverted dropout left on at
prediction time.

* the experiment shows what the prompt and the reply say, on several seeds: the mean score difference stays 3, and
  the average probability falls clearly below the 0.95 of dropout off;
* each catalogued wrong choice leads with its own hint; the right one passes; a stub is not attempted.
"""
from functools import partial

import pytest
from support import replies

from nnlib.exercises import lesson09
from nnlib.exercises import lesson09_lefton as lefton

reply = partial(replies.reply, "dropout_left_on")  # what the check prints for an answer


@pytest.mark.parametrize("seed", range(3))
def test_the_mean_score_stays_and_the_mean_probability_falls(seed):
    mean_z, mean_p, p_off = lefton.left_on(seed=seed)
    assert abs(mean_z - lefton.SCORE) < 0.02
    assert round(p_off, 2) == 0.95
    assert mean_p < p_off - 0.03, (mean_p, p_off)


@pytest.mark.parametrize("slip", lefton.SLIPS["dropout_left_on"], ids=lambda s: s.name)
def test_each_wrong_choice_gets_its_own_hint(slip):
    assert slip in lesson09.SLIPS["dropout_left_on"]
    assert reply(slip.answer).startswith(f"dropout_left_on: not yet. {slip.hint}")


def test_the_right_choice_passes_and_a_stub_is_not_attempted():
    assert lefton._truth() == lesson09.SOLUTIONS["dropout_left_on"] == "below"
    assert reply("below").startswith("dropout_left_on: correct")
    assert "not attempted yet" in reply(None)


HINTS = {s.answer: s.hint for s in lefton.SLIPS["dropout_left_on"]}


@pytest.mark.parametrize("prediction, option", [
    ("same", "the same"), ("Same", "the same"), ("about the same", "the same"), ("equal", "the same"),
    ("unchanged", "the same"), ("no change", "the same"), ("higher", "above"), ("Greater", "above"),
    ("the network is surer", "above"), ("random", "it changes from run to run"),
    ("it depends on the masks", "it changes from run to run"), ("varies", "it changes from run to run")])
def test_an_option_in_other_words_gets_that_options_explanation(prediction, option):
    text = reply(prediction)
    assert text.startswith(f"dropout_left_on: not yet. That reads like {option!r}"), text
    assert HINTS[option] in text


@pytest.mark.parametrize("prediction", ["lower", "less sure", "it drops", "smaller", "no idea", "curved"])
def test_other_words_are_asked_for_a_listed_option_without_a_verdict_on_them(prediction):
    text = reply(prediction)
    assert "exactly as listed" in text and "reads like" not in text, text
    assert not any(hint in text for hint in HINTS.values()), text


@pytest.mark.parametrize("prediction, words", [
    (0.95, "reads like 'the same'"), (3, "score difference"), (3.0, "score difference"), (0.5, "dropout rate"),
    (0.9, "A number is not one of the options"), (0.99, "A number is not one of the options"),
    (0.8, "A number is not one of the options")])
def test_a_number_is_read_for_what_it_is(prediction, words):
    text = reply(prediction)
    assert text.startswith("dropout_left_on: not yet.") and words in text, text
    assert "below" not in text.split("Choose one of")[0]


def test_the_reply_to_a_wrong_answer_never_names_the_right_option():
    for prediction in ["same", "the same", "above", "higher", "random", "lower", 0.95, 0.9, 3, True]:
        assert "'below'" not in reply(prediction).split("Choose one of")[0], prediction
