"""Lesson 2's checks (02_gradient_descent) name the slips a student makes, written as a student writes them.

test_exercises.py runs each catalogued Slip through its own check. Here the wrong answers are code and numbers
as a student who has just read the lesson would write them (the half-fixes of exercise 3 among them), and each
reply must lead with the hint of the slip it is; the right answers must still pass.
"""

import numpy as np
import pytest
from support.replies import reply

from nnlib.exercises import lesson02
from nnlib.layers import sigmoid

HINTS = {(name, s.name): s.hint for name, slips in lesson02.SLIPS.items() for s in slips}


def leads_with(text, name, slip):
    return text.startswith(f"{name}: not yet. {HINTS[name, slip]}")


# --- exercise 1 and 4: predictions --------------------------------------------------------------------------
@pytest.mark.parametrize("prediction, slip", [
    (0.333, "diagonal"), (0.667, "second entry"), (1.0, "shallow"), (0.143, "one over"), (7, "curvature"),
    (0.25, "row sum"), (0.222, "trace"), (0.305, "unsquared"), (0.571, "half"), (0.29, "two decimals, rounded"),
    (0.28, "two decimals, cut")])
def test_bowl_lr_limit_names_the_slip(prediction, slip):
    assert leads_with(reply("bowl_lr_limit", prediction), "bowl_lr_limit", slip)


@pytest.mark.parametrize("prediction, slip", [
    (1.532, "sum"), (0.166, "log10"), (0.553, "log2"), (0.730, "label 0"), (0.327, "one term"), (0.436, "three"),
    (1.380, "other label"), (1.034, "one minus"), (0.216, "likelihood"), (0.357, "log of mean"), (-0.383, "sign"),
    (0.115, "squared"), (0.3, "absolute")])
def test_cross_entropy_value_names_the_slip(prediction, slip):
    assert leads_with(reply("cross_entropy_value", prediction), "cross_entropy_value", slip)


@pytest.mark.parametrize("name, prediction", [("bowl_lr_limit", 2 / 7), ("bowl_lr_limit", 0.286),
                                              ("cross_entropy_value", 0.383)])
def test_predictions_right(name, prediction):
    assert reply(name, prediction).startswith(f"{name}: correct")


@pytest.mark.parametrize("prediction", [0.29, 0.288, 0.283])
def test_bowl_lr_limit_refuses_a_rate_past_the_limit_or_short_of_it(prediction):
    assert reply("bowl_lr_limit", prediction).startswith("bowl_lr_limit: not yet")   # 0.29 would grow |w|


# --- exercise 2: the gradient for labels -1 and +1 ----------------------------------------------------------
def pm_mapping(X, t, w, b):
    y = (1 - t) / 2                                  # the labels mapped the wrong way round
    error = sigmoid(X @ w + b) - y
    return X.T @ error / len(t), np.mean(error)


def pm_no_log(X, t, w, b):
    dJdz = -t * np.exp(-t * (X @ w + b)) / len(t)    # d/du e^u, the log forgotten
    return X.T @ dJdz, np.sum(dJdz)


def pm_bias_each(X, t, w, b):
    dJdz = -t * sigmoid(-t * (X @ w + b)) / len(t)
    return X.T @ dJdz, dJdz                           # dJdb not added up


def pm_weights_sum(X, t, w, b):
    dJdz = -t * sigmoid(-t * (X @ w + b))
    return X.T @ dJdz, np.mean(dJdz)                 # the 1/n on b only


def pm_naive_exp(X, t, w, b):
    u = -t * (X @ w + b)
    dJdz = -t * np.exp(u) / (1 + np.exp(u)) / len(t)     # e^u / (1 + e^u): inf / inf for u near 800
    return X.T @ dJdz, np.sum(dJdz)


def pm_exp_other_way(X, t, w, b):
    dJdz = -t / (1 + np.exp(t * (X @ w + b))) / len(t)     # exp may overflow to inf, and 1 / inf is 0: right
    return X.T @ dJdz, np.sum(dJdz)


def pm_right(X, t, w, b):
    y = (t + 1) / 2
    error = sigmoid(X @ w + b) - y
    return X.T @ error / len(t), float(np.mean(error))


@pytest.mark.parametrize("fn, slip", [(pm_mapping, "mapping"), (pm_no_log, "no log"), (pm_bias_each, "bias each"),
                                      (pm_weights_sum, "weights sum"), (pm_naive_exp, "overflow")])
def test_pm_gradient_names_the_slip(fn, slip):
    assert leads_with(reply("pm_gradient", fn), "pm_gradient", slip)


def pm_both_signs_flipped(X, t, w, b):
    z = X @ w + b
    g = t * sigmoid(t * z)                           # the right one is -t sigmoid(-t z): both signs flipped
    return X.T @ g / len(t), float(np.mean(g))


def test_pm_gradient_reply_to_t_sigmoid_t_z_describes_what_was_written():
    text = reply("pm_gradient", pm_both_signs_flipped)
    assert leads_with(text, "pm_gradient", "mapping")
    assert "off from the right one by exactly t" in text and "sigma(t z) and sigma(-t z)" in text, text


@pytest.mark.parametrize("fn", [pm_right, pm_exp_other_way])
def test_pm_gradient_right_through_section_3_or_a_bounded_exp(fn):
    assert reply("pm_gradient", fn).startswith("pm_gradient: correct")


def pm_db_kept_axis(X, t, w, b):
    dJdz = -t * sigmoid(-t * (X @ w + b)) / len(t)
    return X.T @ dJdz, np.sum(dJdz, keepdims=True)    # shape (1,): b is one number in the lesson


def pm_db_column(X, t, w, b):
    error = (sigmoid(X @ w + b) - (t + 1) / 2)[:, None]     # a column, (n, 1)
    return X.T @ error[:, 0] / len(t), error.mean(axis=0, keepdims=True)   # dJdb of shape (1, 1)


@pytest.mark.parametrize("fn, shape", [(pm_db_kept_axis, "(1,)"), (pm_db_column, "(1, 1)")])
def test_pm_gradient_refuses_a_db_that_is_an_array_of_one_entry(fn, shape):
    text = reply("pm_gradient", fn)
    assert text.startswith("pm_gradient: not yet"), text
    assert f"an array of shape {shape}" in text and "one number" in text and "raised" not in text, text


def test_pm_gradient_takes_a_db_that_is_a_numpy_scalar_or_a_0d_array():
    def db_numpy_scalar(X, t, w, b):
        dJdw, dJdb = pm_right(X, t, w, b)
        return dJdw, np.float64(dJdb)

    def db_0d(X, t, w, b):
        dJdw, dJdb = pm_right(X, t, w, b)
        return dJdw, np.array(dJdb)
    for fn in (db_numpy_scalar, db_0d):
        assert reply("pm_gradient", fn).startswith("pm_gradient: correct")


# --- exercise 3: the half-fixes and other fixes of fit_logistic ---------------------------------------------
def fit_fresh_w_only(X, y, lr, epochs):
    w, b = np.zeros(X.shape[1]), 0.0
    y_hat = sigmoid(X @ w + b)
    for _ in range(epochs):
        dJdw = X.T @ (sigmoid(X @ w + b) - y) / len(y)
        dJdb = np.mean(y_hat - y)
        w, b = w - lr * dJdw, b - lr * dJdb
    return w, b


def fit_fresh_b_only(X, y, lr, epochs):
    w, b = np.zeros(X.shape[1]), 0.0
    y_hat = sigmoid(X @ w + b)
    for _ in range(epochs):
        dJdw = X.T @ (y_hat - y) / len(y)
        dJdb = np.mean(sigmoid(X @ w + b) - y)
        w, b = w - lr * dJdw, b - lr * dJdb
    return w, b


def fit_late(X, y, lr, epochs):
    w, b = np.zeros(X.shape[1]), 0.0
    y_hat = sigmoid(X @ w + b)
    for _ in range(epochs):
        dJdw = X.T @ (y_hat - y) / len(y)
        dJdb = np.mean(y_hat - y)
        y_hat = sigmoid(X @ w + b)                   # refreshed, but before w and b move
        w, b = w - lr * dJdw, b - lr * dJdb
    return w, b


def fit_per_sample(X, y, lr, epochs):
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(epochs):
        for i in range(len(y)):                      # lesson 1's loop over the samples
            y_hat = sigmoid(X[i] @ w + b)
            w = w - lr * (y_hat - y[i]) * X[i]
            b = b - lr * (y_hat - y[i])
    return w, b


def fit_small_lr(X, y, lr, epochs):
    lr = 0.1                                         # "the cost climbs, so lower the learning rate"
    w, b = np.zeros(X.shape[1]), 0.0
    y_hat = sigmoid(X @ w + b)
    for _ in range(epochs):
        dJdw, dJdb = X.T @ (y_hat - y) / len(y), np.mean(y_hat - y)
        w, b = w - lr * dJdw, b - lr * dJdb
    return w, b


def fit_with(predict, slope=False, shape=1, first=0):
    def fit(X, y, lr, epochs):
        w, b = np.zeros(X.shape[shape]), 0.0
        for _ in range(first, epochs):
            y_hat = predict(X, w, b)
            error = (y_hat - y) * (y_hat * (1 - y_hat) if slope else 1)
            w, b = w - lr * X.T @ error / len(y), b - lr * np.mean(error)
        return w, b
    return fit


@pytest.mark.parametrize("fn, slip", [
    (fit_fresh_w_only, "stale b"), (fit_fresh_b_only, "stale w"), (fit_late, "lag"),
    (fit_with(lambda X, w, b: sigmoid(X @ w)), "no b in z"), (fit_with(lambda X, w, b: X @ w + b), "no sigmoid"),
    (fit_with(lambda X, w, b: (X @ w + b >= 0).astype(float)), "step"),
    (fit_with(lambda X, w, b: sigmoid(X @ w + b), slope=True), "slope"), (fit_per_sample, "per sample"),
    (fit_small_lr, "small lr"),
    (fit_with(lambda X, w, b: sigmoid(X @ w + b), shape=0), "w shape"),
    (fit_with(lambda X, w, b: sigmoid(X @ w + b), first=1), "one fewer")])
def test_fit_logistic_names_the_slip(fn, slip):
    assert leads_with(reply("fit_logistic", fn), "fit_logistic", slip)


def test_fit_logistic_right_with_fresh_predictions():
    assert reply("fit_logistic", fit_with(lambda X, w, b: sigmoid(X @ w + b))).startswith("fit_logistic: correct")


def test_catalogues_are_long_enough():
    assert all(len(slips) >= 9 for slips in lesson02.SLIPS.values())
