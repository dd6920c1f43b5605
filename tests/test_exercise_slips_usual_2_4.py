"""Usual slips of lessons 2 (02_gradient_descent) and 4 (04_backprop), written as a student writes them.

cross_entropy_value: one sample labelled 1 costed with 1 - y_hat (the log 0.1 and log 0.4 the prompt lists);
pm_gradient: section 3's y_hat - y with t in place of y, and its bias averaged again; backprop_tanh: dJdb2
averaged a second time, tanh' written as 1 - a1 or 1 + a1**2. Each reply must lead with its own slip's hint,
and the right answers must still pass.
"""

import numpy as np
import pytest
from support.replies import reply

from nnlib.exercises import lesson02, lesson04

HINTS = {(name, s.name): s.hint for module in (lesson02, lesson04) for name, slips in module.SLIPS.items()
         for s in slips}


def leads_with(text, name, slip):
    return text.startswith(f"{name}: not yet. {HINTS[name, slip]}")


@pytest.mark.parametrize("prediction, slip", [
    ((2.303 + 0.223 + 0.511 + 0.693) / 4, "first flipped"), (0.9325, "first flipped"),
    ((0.105 + 0.223 + 0.916 + 0.693) / 4, "third flipped"), (0.484, "third flipped")])
def test_cross_entropy_value_names_a_label_1_costed_with_1_minus_y_hat(prediction, slip):
    assert leads_with(reply("cross_entropy_value", prediction), "cross_entropy_value", slip)


def test_cross_entropy_value_right_answer_passes():
    assert reply("cross_entropy_value", (0.105 + 0.223 + 0.511 + 0.693) / 4).startswith("cross_entropy_value: correct")


def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


def pm_t_as_y(X, t, w, b):
    dJdz = (_sigmoid(X @ w + b) - t) / len(t)
    return X.T @ dJdz, dJdz.sum()


def pm_t_as_y_mean(X, t, w, b):
    dJdz = (_sigmoid(X @ w + b) - t) / len(t)
    return X.T @ dJdz, dJdz.mean()


def pm_right(X, t, w, b):
    y = (t + 1) / 2
    dJdz = (_sigmoid(X @ w + b) - y) / len(t)
    return X.T @ dJdz, dJdz.sum()


@pytest.mark.parametrize("answer, slip", [(pm_t_as_y, "as y"), (pm_t_as_y_mean, "as y, bias twice")])
def test_pm_gradient_names_t_in_place_of_y(answer, slip):
    assert leads_with(reply("pm_gradient", answer), "pm_gradient", slip)


def test_pm_gradient_right_answer_passes():
    assert reply("pm_gradient", pm_right).startswith("pm_gradient: correct")


def backprop(slope="right", b2="sum"):
    def fn(X, y, W1, b1, W2, b2_):
        a1 = np.tanh(X @ W1 + b1)
        delta2 = (a1 @ W2 + b2_ - y) / len(X)
        tanh_slope = {"right": 1 - a1 ** 2, "unsquared": 1 - a1, "plus": 1 + a1 ** 2}[slope]
        delta1 = delta2 @ W2.T * tanh_slope
        dJdb2 = delta2.mean(axis=0) if b2 == "mean" else delta2.sum(axis=0)
        return X.T @ delta1, delta1.sum(axis=0), a1.T @ delta2, dJdb2
    return fn


@pytest.mark.parametrize("answer, slip", [(backprop(b2="mean"), "b2 mean"), (backprop(slope="unsquared"), "unsquared"),
                                          (backprop(slope="plus"), "plus")])
def test_backprop_tanh_names_the_usual_slips(answer, slip):
    assert leads_with(reply("backprop_tanh", answer), "backprop_tanh", slip)


def test_backprop_tanh_right_answer_passes():
    assert reply("backprop_tanh", backprop()).startswith("backprop_tanh: correct")
