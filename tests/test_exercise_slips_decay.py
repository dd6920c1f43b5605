"""Lesson 6's second pass: exercise 1 (predict) `l2_half_life`, the steps L2 alone takes to halve an unused
weight; exercise 2 `lr_limit` with the brake's l2/n in the curvature; exercise 4's choice on training plus
validation loss; exercise 5's power iteration stopped too early from a random start. Each wrong answer, written as
a student writes it, gets a reply naming its own slip and never the answer; the untouched stub gets only the
neutral reply; the right answer passes.
"""
import math

import numpy as np
import pytest
from support.replies import reply

from nnlib.exercises import lesson06, lesson06_decay
from nnlib.exercises.reply import NOT_ATTEMPTED


def hint(name, slip):
    return next(s.hint for s in lesson06.SLIPS[name] if s.name == slip)


def test_half_life_untouched_stub_gets_only_the_neutral_reply():
    assert reply("l2_half_life", None) == f"l2_half_life: {NOT_ATTEMPTED}"


def test_half_life_truth_is_run_not_stored():
    assert lesson06_decay._steps_to_half() == 693
    assert lesson06_decay._steps_to_half(shrink=0.002) == 347         # the run answers for other settings too
    assert 0.999 ** 692 >= 0.5 > 0.999 ** 693


@pytest.mark.parametrize("prediction", [693, 692.8, math.log(2) / 0.001, np.int64(694)])
def test_half_life_right_answers_pass(prediction):
    text = reply("l2_half_life", prediction)
    assert text.startswith("l2_half_life: correct") and "whatever its size" in text


def test_half_life_right_reply_gives_the_brake_over_a_fixed_lr_and_over_section_6s_schedule():
    text = reply("l2_half_life", 693)
    assert "0.999^8000 = 0.0003 of a weight" in text                   # 8000 steps at a fixed lr = 2
    assert "it leaves 0.135, about 1/7" in text                        # the schedule's rates sum to about 4009
    assert math.isclose(lesson06_decay._left_after(lesson06_decay._decaying_lr), math.exp(-0.0005 * 4008.7),
                        rel_tol=1e-3)


@pytest.mark.parametrize("prediction, slip", [
    (4, "no n"),                                       # 0.8 a step: lr * l2 without the 1/n
    (7, "no lr, no n"),                                # 0.9 a step
    (1386, "half fraction"),                           # l2/(2n), or lr left out
    (math.log(2) / 0.0005, "half fraction"),
    (347, "double fraction"),                          # halves w^2, or 2 l2/n
    (500, "same amount"),                              # L1's fixed amount, halfway
    (1000, "to zero"),                                 # L1's fixed amount, all the way
])
def test_half_life_names_each_slip_without_the_answer(prediction, slip):
    text = reply("l2_half_life", prediction)
    assert text.startswith(f"l2_half_life: not yet. {hint('l2_half_life', slip)}")
    assert "693" not in text and "0.999" not in text


def test_half_life_never_is_told_half_is_reached():
    text = reply("l2_half_life", math.inf)
    assert text.startswith("l2_half_life: not yet.") and "finite number of steps" in text and "693" not in text


def test_half_life_unnamed_wrong_answer_gets_no_direction():
    text = reply("l2_half_life", 600)           # a direction would let a student bisect to 693
    assert "too low" not in text and "too high" not in text and "693" not in text
    assert "not it" in text


@pytest.mark.parametrize("prediction, slip", [(0.5, "no l2"), (2 / 14, "l2 not over n"), (0.4, "half l2"),
                                              (1.0, "l2 alone"), (1 / 6, "one over"), (6.0, "lambda"),
                                              (2 / 30, "sum, l2"), (2 / 3, "half")])
def test_lr_limit_names_the_brake_slips(prediction, slip):
    text = reply("lr_limit", prediction)
    assert text.startswith(f"lr_limit: not yet. {hint('lr_limit', slip)}")
    assert "1/3" not in text and "0.333" not in text


def test_lr_limit_truth_is_run_on_the_curvature_with_the_brake():
    assert lesson06._largest_stable_lr() == 0.333
    assert lesson06._largest_stable_lr(lam=4.0) == 0.5                # the data alone: lesson 2's limit


def test_choose_l2_on_training_plus_validation_is_named_as_such():
    def choose_l2(losses):
        best = min(losses, key=lambda l2: losses[l2][0] + losses[l2][1])
        return best, losses[best][2]
    text = reply("choose_l2", choose_l2)
    assert text.startswith("choose_l2: not yet. The strength is chosen by its training and validation losses")


def power_from_random(steps, seed=0):
    def top_eigenvalue(H):
        v = np.random.default_rng(seed).standard_normal(H.shape[0])
        for _ in range(steps):
            v = H @ v
            v = v / np.linalg.norm(v)
        return v @ H @ v
    return top_eigenvalue


@pytest.mark.parametrize("steps, seed", [(3, 0), (5, 0), (5, 7)])
def test_top_eigenvalue_too_few_repetitions_is_named(steps, seed):
    text = reply("top_eigenvalue", power_from_random(steps, seed))
    assert text.startswith("top_eigenvalue: not yet. Right where the two largest eigenvalues are far apart")


def test_top_eigenvalue_enough_repetitions_pass_and_other_bugs_are_not_called_too_few():
    assert reply("top_eigenvalue", power_from_random(500)).startswith("top_eigenvalue: correct")
    text = reply("top_eigenvalue", lambda H: float(np.ones(H.shape[0]) @ (H @ np.ones(H.shape[0]))))
    assert "far apart" not in text


def test_top_eigenvalue_runaway_reply_names_the_length_a_student_returned():
    def top_eigenvalue(H):                       # never normalised, returns the length of H @ v
        v = np.ones(H.shape[0])
        for _ in range(100):
            v = H @ v
        return np.linalg.norm(H @ v)
    text = reply("top_eigenvalue", top_eigenvalue)
    assert text.startswith("top_eigenvalue: not yet. Your lambda_max ran away") and "the length of H @ v" in text
