"""Replies that teachers trying the exercises found weak: each wrong answer here, written as a student writes it,
must get a reply naming its own mistake (not a generic factor, not nan words, not the answer itself), and the right
answer must still be accepted.
"""
import re

import numpy as np
import pytest
from support.replies import reply

from nnlib import check
from nnlib.exercises import lesson03, lesson06


def hint(lesson, name, slip):
    return next(s.hint for s in lesson.SLIPS[name] if s.name == slip)


# --- lesson 6, exercise 2: the curvature of a loss made from data, plus the L2 brake ------------------------------
@pytest.mark.parametrize("prediction, words", [(2 / 22, "sum of x^2"), (0.091, "sum of x^2"),
                                               (2 / 7.5, "n - 1"), (2 / 11, "largest x^2")])
def test_lr_limit_names_the_sum_where_the_mean_belongs(prediction, words):
    text = reply("lr_limit", prediction)
    assert text.startswith("lr_limit: not yet.") and words in text
    assert "a factor" not in text


def test_lr_limit_right_answer_names_the_curvature_from_the_data_and_the_brake():
    text = reply("lr_limit", 1 / 3)
    assert text.startswith("lr_limit: correct") and "mean(x^2) + l2/n = 4 + 2 = 6" in text
    assert lesson06.LAM == np.mean(np.square([0, 1, -1, 3, -3])) + 10 / 5 == 6.0


def test_lr_limit_docstring_describes_the_prompt_not_the_old_bowl():
    doc = check.lr_limit.__doc__
    assert "4/2 w^2" not in doc and "(0, 1, -1, 3, -3)" in doc and "mean squared" in doc and "l2 = 10" in doc


# --- lesson 6, exercise 5: power iteration normalised only at the end ---------------------------------------------
def power_overflowing(steps, seed):
    def top_eigenvalue(H):
        v = np.random.default_rng(seed).standard_normal(H.shape[0]) if seed is not None else np.ones(H.shape[0])
        for _ in range(steps):
            v = H @ v
        return float(v @ H @ v / (v @ v))
    return top_eigenvalue


@pytest.mark.parametrize("steps, seed", [(500, 0), (1000, None), (3000, 42)])
def test_top_eigenvalue_overflow_is_named_not_generic_nan(steps, seed):
    text = reply("top_eigenvalue", power_overflowing(steps, seed))
    assert text.startswith(f"top_eigenvalue: not yet. {hint(lesson06, 'top_eigenvalue', 'overflow')}")
    assert "it holds nan" not in text and "normalise v at every repetition" in text


def power_never_normalised(steps, seed, normalise_after=False):
    def top_eigenvalue(H):
        v = np.random.default_rng(seed).standard_normal(H.shape[0]) if seed is not None else np.ones(H.shape[0])
        for _ in range(steps):
            v = H @ v
        if normalise_after:
            v = v / np.linalg.norm(v)
        return v @ H @ v
    return top_eigenvalue


@pytest.mark.parametrize("steps, seed, normalise_after", [(500, 0, False), (300, None, False), (60, 7, False),
                                                           (500, 0, True)])
def test_top_eigenvalue_never_normalised_is_told_to_normalise(steps, seed, normalise_after):
    # inf, a huge finite number, or 0 (the norm overflowed after the loop): whatever the start and the count
    text = reply("top_eigenvalue", power_never_normalised(steps, seed, normalise_after))
    assert text.startswith("top_eigenvalue: not yet. Your lambda_max ran away")
    assert "normalise v after every product" in text and "a number grew past the largest float" not in text


def test_top_eigenvalue_runaway_leaves_other_wrong_answers_alone():
    def few(H):                                  # normalised, but 5 repetitions: wrong, and nothing ran away
        v = np.ones(H.shape[0])
        for _ in range(5):
            v = H @ v
            v = v / np.linalg.norm(v)
        return float(v @ H @ v)
    text = reply("top_eigenvalue", few)
    assert text.startswith(f"top_eigenvalue: not yet. {hint(lesson06, 'top_eigenvalue', 'few')}")
    assert "ran away" not in reply("top_eigenvalue", lambda H: 2.0)


def test_top_eigenvalue_normalised_at_every_step_is_right():
    def top_eigenvalue(H):
        v = np.random.default_rng(1).standard_normal(H.shape[0])     # random: a start of ones misses some H
        for _ in range(1000):
            v = H @ v
            v = v / np.sqrt(v @ v)
        return float(v @ H @ v)
    assert reply("top_eigenvalue", top_eigenvalue) == "top_eigenvalue: correct"


# --- lesson 3, exercise 2: the hints name the mistake without handing over 1 - a^2 ---------------------------------
ANSWER = re.compile(r"1\s*-\s*a\s*(\*\*\s*2|\^\s*2|²|\*\s*a)|1 minus a squared|squares a alone")


@pytest.mark.parametrize("fn, slip", [(lambda a: 1 - a, "no square"), (lambda a: -2 * a, "twice"),
                                      (lambda a: (1 - a) ** 2, "square of difference")])
def test_tanh_derivative_hint_names_the_mistake_not_the_formula(fn, slip):
    text = reply("tanh_derivative", fn)
    assert text.startswith(f"tanh_derivative: not yet. {hint(lesson03, 'tanh_derivative', slip)}")
    assert not ANSWER.search(text), text


def test_no_tanh_derivative_hint_states_the_formula():
    assert not [s.name for s in lesson03.SLIPS["tanh_derivative"] if ANSWER.search(s.hint)]
    assert reply("tanh_derivative", lambda a: 1 - a * a) == "tanh_derivative: correct"


# --- lesson 7, exercise 3: a right step is told why, as the predictions are -----------------------------
def test_adam_correct_reply_restates_the_reason():
    from nnlib.exercises import lesson07
    assert reply("adam_step", lesson07._adam).startswith("adam_step: correct. v is a running mean of g^2")
    assert "1 - beta^t" in reply("adam_step", lesson07._adam)


def test_a_function_check_without_a_reason_still_says_only_correct():
    assert reply("tanh_derivative", lambda a: 1 - a * a) == "tanh_derivative: correct"


# --- lesson 12: a roll of the flat row, a float matrix ---------------------------------------
@pytest.mark.parametrize("fn", [lambda X, dy, dx: np.roll(X, 8 * dy + dx, axis=1),
                                lambda X, dy, dx: np.roll(X, 8 * dy + dx, axis=-1),
                                lambda X, dy, dx: np.roll(X, 8 * dy + dx)])
def test_shift_digits_flat_roll_is_told_ink_wraps_into_the_next_row(fn):
    text = reply("shift_digits", fn)
    assert text.startswith("shift_digits: not yet.") and "wraps ink from the end of one image row" in text
    assert "should be masked" not in text


def test_shift_digits_right_shift_without_roll_is_asked_to_keep_the_roll():
    def shift(X, dy, dx):
        images = np.zeros((len(X), 8, 8))
        moved = np.reshape(X, (-1, 8, 8))
        images[:, max(dy, 0):8 + min(dy, 0), max(dx, 0):8 + min(dx, 0)] = \
            moved[:, max(-dy, 0):8 + min(-dy, 0), max(-dx, 0):8 + min(-dx, 0)]
        return images.reshape(-1, 64)
    text = reply("shift_digits", shift)
    assert text.startswith("shift_digits: not yet.") and "keeping the `np.roll` call" in text


def test_confusion_matrix_of_floats_is_not_said_to_have_raised():
    def confusion(y, y_hat, k):
        C = np.zeros((k, k))
        np.add.at(C, (y, y_hat), 1)
        return C
    text = reply("confusion_matrix", confusion)
    assert text.startswith("confusion_matrix: not yet.") and "raised" not in text
    assert "it returned an array of dtype float64, but C should hold integers" in text
    assert reply("confusion_matrix", lambda y, y_hat, k: confusion(y, y_hat, k).astype(int)).startswith(
        "confusion_matrix: correct")


# --- lesson 4: averaged bias gradients ------------------------------------------------------------------------------
def test_backprop_tanh_averaged_biases_reply_says_what_the_student_did():
    from nnlib.exercises import lesson04
    slip = next(s for s in lesson04.SLIPS["backprop_tanh"] if s.name == "bias mean")
    assert reply("backprop_tanh", slip.answer).startswith("backprop_tanh: not yet. You averaged the bias gradients")


# --- lesson 1, exercise 3: (-1, -1, 0) has two routes -----------------------------------------------------------
def test_first_epoch_nand_names_both_routes_to_minus_one_minus_one_zero():
    text = reply("first_epoch_nand", (-1, -1, 0))
    assert "z = 0 as a 0" in text and "leaving b out" in text
    assert reply("first_epoch_nand", (-1, -1, -1)).startswith("first_epoch_nand: correct")
