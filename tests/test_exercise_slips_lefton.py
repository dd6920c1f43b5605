"""Lesson 9's exercise 2 (09_generalisation, nnlib/exercises/lesson09_lefton.py): inverted dropout left on at
prediction time.

* the experiment shows what the prompt and the reply say, on several seeds: the mean score difference stays 3, and
  the average probability falls clearly below the 0.95 of dropout off;
* each catalogued wrong choice leads with its own hint; the right one passes; a stub is not attempted.
"""
import contextlib
import io

import pytest

from nnlib import check
from nnlib.exercises import lesson09
from nnlib.exercises import lesson09_lefton as lefton


def reply(prediction):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert check.dropout_left_on(prediction) is None
    return out.getvalue()


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
