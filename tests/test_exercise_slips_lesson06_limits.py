"""Lesson 6, exercises 1, 2 and 4: a half-life count a little off and not whole is told so, but not which way; the
step limit is one-sided (a step just above 1/3 already moves w away from w*, so it is refused); reporting the mean
test loss of every strength is named as such.
"""

import pytest
from support.replies import reply

from nnlib import check
from nnlib.exercises import lesson06_split


@pytest.mark.parametrize("prediction", [694.9, 691.2, 720.5])
def test_a_count_off_and_not_whole_is_not_told_which_way(prediction):
    text = reply("l2_half_life", prediction)         # a direction would let a student bisect to the count
    assert text.startswith("l2_half_life: not yet.") and "whole number" in text, text
    assert "too high" not in text and "too low" not in text, text


@pytest.mark.parametrize("prediction", [0.3334, 0.334, 0.3345, 0.335, 0.34, 0.343])
def test_a_step_just_above_the_limit_is_refused(prediction):
    text = reply("lr_limit", prediction)
    assert text.startswith("lr_limit: not yet.") and "too high" not in text, text     # no side: a bisection
    assert "above it, however slightly, does not" in text and "within 0.01 of the answer" not in text, text


@pytest.mark.parametrize("prediction", [1 / 3, 0.333, 0.33333, 0.33, 0.324])
def test_the_limit_and_just_below_it_pass(prediction):
    assert reply("lr_limit", prediction).startswith("lr_limit: correct")


def test_the_mean_test_loss_of_all_strengths_is_named():
    def choose_l2(losses):
        best = min(losses, key=lambda l2: losses[l2][1])
        return best, sum(row[2] for row in losses.values()) / len(losses)
    hint = next(s.hint for s in lesson06_split.SLIPS["choose_l2"] if s.name == "mean test reported")
    assert reply("choose_l2", choose_l2).startswith(f"choose_l2: not yet. {hint}")


@pytest.mark.parametrize("prediction", [0.1667, 0.2, 0.25, 0.5, 0.32])
def test_every_wrong_rate_states_the_one_sided_rule(prediction):
    text = reply("lr_limit", prediction)
    assert "above it, however slightly, does not" in text and "within 0.01" not in text, text
    with pytest.raises(AssertionError, match="above it, however slightly, does not") as raised:
        check.lr_limit(prediction, grade=True)
    assert "within 0.01" not in str(raised.value)


def test_the_fixed_step_count_for_l2_says_it_lands_on_0_and_gives_no_count_away():
    text = reply("l2_half_life", 300)
    assert "all the way to 0" in text and "below 0" not in text and "exercise 3" not in text, text
