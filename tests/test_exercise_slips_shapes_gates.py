"""Lessons 3 and 5 (03_xor_by_hand, 05_layers_and_gates): replies that name the slip a reviewer found unnamed.
Each wrong answer is written as a student writes it; its reply names the slip without handing over the answer."""

import numpy as np
from support.replies import reply


def hint_of(text):
    return text.split(" You predicted")[0].split(" For (")[0]


# --- lesson 3, exercise 1: the samples kept as an axis of dJdW1 -------------------------------------------------
def test_the_samples_as_an_axis_of_dJdW1_are_named():
    for prediction in [(10, 7, 3, 10), [10, 7, 3, 10]]:
        text = reply("gradient_shapes", prediction)
        assert text.startswith("gradient_shapes: not yet.") and "W1's shape" in text and "sums" in text, text
        assert "(3, 7)" not in hint_of(text) and "7)" not in hint_of(text), text


def test_dJdW1_given_the_shape_of_X_is_named():
    text = reply("gradient_shapes", (10, 7, 10, 3))
    assert text.startswith("gradient_shapes: not yet.") and "X's shape" in text, text
    assert "log10" not in text and "(3, 7)" not in hint_of(text), text


# --- lesson 5, exercise 4: tanh applied to an activation that is already tanh(z) --------------------------------
def _l_layer(params, X, Y, slope):
    L = len(params) // 2
    a = [X]
    for l in range(1, L):
        a.append(np.tanh(a[-1] @ params[f"W{l}"] + params[f"b{l}"]))
    y_hat = 1 / (1 + np.exp(-(a[-1] @ params[f"W{L}"] + params[f"b{L}"])))
    J = -np.mean(Y * np.log(y_hat) + (1 - Y) * np.log(1 - y_hat))
    grads, delta = {}, (y_hat - Y) / X.shape[0]
    for l in range(L, 0, -1):
        grads[f"W{l}"] = a[l - 1].T @ delta
        grads[f"b{l}"] = delta.sum(axis=0)
        if l > 1:
            delta = (delta @ params[f"W{l}"].T) * slope(a[l - 1])
    return J, grads


def test_tanh_applied_twice_in_the_hidden_slope_is_named():
    text = reply("l_layer_grads", lambda params, X, Y: _l_layer(params, X, Y, lambda a: 1 - np.tanh(a) ** 2))
    assert text.startswith("l_layer_grads: not yet.") and "already tanh(z)" in text, text


def test_the_fixed_l_layer_network_still_passes():
    text = reply("l_layer_grads", lambda params, X, Y: _l_layer(params, X, Y, lambda a: 1 - a ** 2))
    assert text.startswith("l_layer_grads: correct"), text
