"""Replies that teachers trying the exercises found weak: each wrong answer here, written as a student writes it,
must get a reply naming its own mistake (not a generic factor, not nan words, not the answer itself), and the right
answer must still be accepted.
"""
import contextlib
import io
import re

import numpy as np
import pytest

from nnlib import check
from nnlib.exercises import lesson03, lesson06


def reply(name, *answers):
    """What check.<name> prints for this answer (a check returns None)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert getattr(check, name)(*answers) is None
    return out.getvalue().strip()


def hint(lesson, name, slip):
    return next(s.hint for s in lesson.SLIPS[name] if s.name == slip)


# --- lesson 6, exercise 2: the curvature of a loss made from data -----------------------------------------------
@pytest.mark.parametrize("prediction, words", [(0.1, "sum of x^2"), (2 / 20, "sum of x^2"), (0.4, "n - 1"),
                                               (0.222, "largest x^2")])
def test_lr_limit_names_the_sum_where_the_mean_belongs(prediction, words):
    text = reply("lr_limit", prediction)
    assert text.startswith("lr_limit: not yet.") and words in text
    assert "a factor 5" not in text


def test_lr_limit_right_answer_names_the_curvature_from_the_data():
    text = reply("lr_limit", 0.5)
    assert text.startswith("lr_limit: correct") and "mean(x^2) = 4" in text
    assert lesson06.LAM == np.mean(np.square([0, 1, -1, 3, -3])) == 4.0


def test_lr_limit_docstring_describes_the_prompt_not_the_old_bowl():
    doc = check.lr_limit.__doc__
    assert "4/2 w^2" not in doc and "(0, 1, -1, 3, -3)" in doc and "mean squared" in doc


# --- lesson 6, exercise 3: L2's 1/(2n) on the L1 penalty only -----------------------------------------------------
def l1_half_penalty(W, l1, n):
    return l1 / (2 * n) * np.sum(np.abs(W)), l1 / n * np.sign(W)


def l1_right(W, l1, n):
    return l1 / n * np.abs(W).sum(), l1 / n * np.sign(W)


def test_l1_half_penalty_with_the_right_gradient_is_named():
    text = reply("l1_penalty_and_grad", l1_half_penalty)
    assert text.startswith(f"l1_penalty_and_grad: not yet. {hint(lesson06, 'l1_penalty_and_grad', 'half penalty')}")
    assert "half the expected" not in text and "dW is right" in text
    assert reply("l1_penalty_and_grad", l1_right) == "l1_penalty_and_grad: correct"


# --- lesson 6, exercise 4: power iteration normalised only at the end ---------------------------------------------
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


def test_top_eigenvalue_normalised_at_every_step_is_right():
    def top_eigenvalue(H):
        v = np.ones(H.shape[0])
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
