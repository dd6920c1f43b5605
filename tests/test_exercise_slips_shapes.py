"""Shape and scale slips of lessons 1, 2 and 4's derive exercises (signed_distance, pm_gradient, backprop_tanh),
written as a student writes them.

* a result with an extra axis, or a sum over the wrong axis, is named as that slip, not as "a number expected" or
  "a sum missing";
* a bias gradient divided by n twice is named;
* the right answers, with and without those shapes, still pass.
"""

import numpy as np
import pytest
from support.replies import reply

from nnlib.exercises import lesson01, lesson02, lesson04
from nnlib.layers import sigmoid

HINTS = {(name, s.name): s.hint for module in (lesson01, lesson02, lesson04)
         for name, slips in module.SLIPS.items() for s in slips}


def leads_with(text, name, slip):
    return text.startswith(f"{name}: not yet. {HINTS[name, slip]}")


# --- lesson 1, signed_distance ----------------------------------------------------------------------------
def distance_column(X, w, b):
    return (X @ w.reshape(-1, 1) + b) / np.linalg.norm(w)      # w as a column: the result is (n, 1)


def distance_right(X, w, b):
    return (X @ w + b) / np.sqrt(np.sum(w ** 2))


# --- lesson 2, pm_gradient --------------------------------------------------------------------------------
def pm_bias_twice(X, t, w, b):
    dJdz = -t * sigmoid(-t * (X @ w + b)) / len(t)
    return X.T @ dJdz, dJdz.mean()                              # the 1/n is already in dJdz


def pm_right(X, t, w, b):
    dJdz = -t * sigmoid(-t * (X @ w + b)) / len(t)
    return X.T @ dJdz, dJdz.sum()


# --- lesson 4, backprop_tanh ------------------------------------------------------------------------------
def tanh_backprop(sum_b1, sum_b2):
    def backprop(X, y, W1, b1, W2, b2):
        a1 = np.tanh(X @ W1 + b1)
        delta2 = (a1 @ W2 + b2 - y) / len(X)
        delta1 = delta2 @ W2.T * (1 - a1 ** 2)
        return X.T @ delta1, sum_b1(delta1), a1.T @ delta2, sum_b2(delta2)
    return backprop


ROWS = lambda d: d.sum(axis=0)                                 # noqa: E731
EACH_SAMPLE = lambda d: d.sum(axis=1)                          # noqa: E731
KEPT = lambda d: np.sum(d, axis=0, keepdims=True)              # noqa: E731


@pytest.mark.parametrize("name, fn, slip", [
    ("signed_distance", distance_column, "column"),
    ("pm_gradient", pm_bias_twice, "bias twice"),
    ("backprop_tanh", tanh_backprop(ROWS, EACH_SAMPLE), "b2 axis"),
    ("backprop_tanh", tanh_backprop(ROWS, KEPT), "b2 extra axis"),
    ("backprop_tanh", tanh_backprop(KEPT, KEPT), "bias extra axis"),
])
def test_the_slip_is_named(name, fn, slip):
    assert leads_with(reply(name, fn), name, slip)


def test_a_wrong_axis_is_not_called_a_number():
    text = reply("backprop_tanh", tanh_backprop(ROWS, EACH_SAMPLE))
    assert "wrong axis" in text and "one number was expected" not in text


def test_an_extra_axis_is_not_called_a_missing_sum():
    text = reply("signed_distance", distance_column)
    assert "extra axis" in text and "is missing" not in text


@pytest.mark.parametrize("name, fn", [("signed_distance", distance_right), ("pm_gradient", pm_right),
                                      ("backprop_tanh", tanh_backprop(ROWS, ROWS))])
def test_the_right_answers_pass(name, fn):
    assert reply(name, fn).startswith(f"{name}: correct")
