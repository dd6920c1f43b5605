"""Lessons 3 to 5: replies a reviewer found to give the answer away or to name a false cause. Each wrong answer
here is written as a student writes it; its reply must name the student's own slip, without the answer."""

import numpy as np
from support.replies import reply

from nnlib.layers import sigmoid


# --- lesson 4, exercise 3: dJ/dX -------------------------------------------------------------------------------
def _input_gradient(X, y, W1, b1, W2, b2, extra_slope=False, transpose=False):
    a1 = sigmoid(X @ W1 + b1)
    y_hat = sigmoid(a1 @ W2 + b2)
    delta2 = (y_hat - y) / X.shape[0] * y_hat * (1 - y_hat)
    delta1 = delta2 @ W2.T * a1 * (1 - a1)
    dX = (W1 @ delta1.T) if transpose else delta1 @ W1.T
    return dX * X * (1 - X) if extra_slope else dX


def test_an_activation_slope_on_x_is_named_not_blamed_on_randomness():
    text = reply("input_gradient", lambda *a: _input_gradient(*a, extra_slope=True))
    assert text.startswith("input_gradient: not yet.") and "linearly" in text, text
    assert "random" not in text and "seed" not in text


def test_the_transposed_answer_gets_the_shape_not_the_formula():
    text = reply("input_gradient", lambda *a: _input_gradient(*a, transpose=True))
    assert text.startswith("input_gradient: not yet.") and "(samples, inputs)" in text, text
    assert "W1^T" not in text and "W1.T" not in text


def test_input_gradient_right_answer_still_passes():
    assert reply("input_gradient", _input_gradient) == "input_gradient: correct"


# --- lesson 4, exercise 2: the tanh network's backward pass with a linear output --------------------------------
def test_a_tanh_slope_on_the_linear_output_is_named():
    def backprop(X, y, W1, b1, W2, b2):
        n = X.shape[0]
        a1 = np.tanh(X @ W1 + b1)
        y_hat = a1 @ W2 + b2
        delta2 = (y_hat - y) / n * (1 - y_hat ** 2)
        delta1 = delta2 @ W2.T * (1 - a1 ** 2)
        return X.T @ delta1, delta1.sum(axis=0), a1.T @ delta2, delta2.sum(axis=0)
    text = reply("backprop_tanh", backprop)
    assert text.startswith("backprop_tanh: not yet.") and "slope is 1" in text, text


# --- lesson 4, exercise 1: the shipped bug with a variable renamed ----------------------------------------------
def test_the_renamed_bug_gets_the_symptom_not_the_cause():
    def central_difference(f, x, h=1e-5):
        grad, nudge = np.zeros_like(x), np.zeros_like(x)
        for i in np.ndindex(x.shape):
            nudge[i] = h
            grad[i] = (f(x + nudge) - f(x - nudge)) / (2 * h)
        return grad
    text = reply("central_difference", central_difference)
    assert text.startswith("central_difference: not yet.") and "sum of the slopes" in text, text
    assert "still in place" not in text and "put it back" not in text.lower()


# --- lesson 3, exercise 1: shapes of the backward pass ----------------------------------------------------------
def test_a_swapped_shape_is_named_without_printing_the_right_shapes():
    for prediction in [(10, 7, 7, 3), (7, 10, 3, 7), (7, 10, 7, 3)]:
        text = reply("gradient_shapes", prediction)
        assert text.startswith("gradient_shapes: not yet.") and ("swapped" in text or "transposed" in text), text
        hint = text.split(" You predicted")[0]
        assert "(3, 7)" not in hint and "(10, 7)" not in hint, hint


# --- lesson 5, exercise 3: a value used twice ------------------------------------------------------------------
def test_one_branch_of_a_shared_input_is_named_without_the_sum():
    text = reply("shared_input", 1.2)
    assert text.startswith("shared_input: not yet. 1.2 is what the first input receives"), text
    hint = text.split(" You predicted")[0]
    assert "sum" not in hint and "6" not in hint and "add" not in hint, hint
