"""Lesson 2 (02_gradient_descent): the bowl's largest safe lr, the gradient for labels -1 and +1, a gradient
descent loop that goes wrong, the cross-entropy of a given prediction."""
from fractions import Fraction

import numpy as np

from . import right, wrong


def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


# --- exercise 2: pm_gradient(X, t, w, b), labels t in {-1, +1} ------------------------------------------------
def pg_labels_as_y(X, t, w, b):
    error = _sigmoid(X @ w + b) - t
    return X.T @ error / len(t), error.mean()


def pg_summed(X, t, w, b):
    g = -t * _sigmoid(-t * (X @ w + b))
    return X.T @ g, g.sum()


def pg_sign(X, t, w, b):
    g = t / (1 + np.exp(t * (X @ w + b)))
    return X.T @ g / len(t), g.mean()


def pg_inside(X, t, w, b):
    g = -t * _sigmoid(t * (X @ w + b))
    return X.T @ g / len(t), g.mean()


def pg_no_t(X, t, w, b):
    g = -np.exp(-t * (X @ w + b)) / (1 + np.exp(-t * (X @ w + b)))
    return X.T @ g / len(t), g.mean()


def pg_exp_only(X, t, w, b):
    g = -t * np.exp(-t * (X @ w + b))                   # the derivative of e^u, the log forgotten
    return X.T @ g / len(t), g.mean()


def pg_in_place(X, t, w, b):
    t *= -1
    g = t * _sigmoid(t * (X @ w + b))
    return X.T @ g / len(t), g.mean()


def pg_via_y(X, t, w, b):
    y = (t + 1) / 2                                     # the same loss: back to 0/1 labels
    error = _sigmoid(X @ w + b) - y
    return X.T @ error / len(t), error.mean()


def pg_loop(X, t, w, b):
    dJdw, dJdb = np.zeros_like(w), 0.0
    for x_i, t_i in zip(X, t):
        u = -t_i * (x_i @ w + b)
        dJdz = np.exp(u) / (1 + np.exp(u)) * -t_i / len(t)
        dJdw, dJdb = dJdw + dJdz * x_i, dJdb + dJdz
    return dJdw, dJdb


# --- exercise 3: fit_logistic(X, y, lr, epochs) ------------------------------------------------------------------
def _grad(X, y, w, b):
    error = _sigmoid(X @ w + b) - y
    return X.T @ error / len(y), np.mean(error)


def fl_uphill(X, y, lr, epochs):
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(epochs):
        dJdw, dJdb = _grad(X, y, w, b)
        w, b = w + lr * dJdw, b + lr * dJdb
    return w, b


def fl_summed(X, y, lr, epochs):
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(epochs):
        error = _sigmoid(X @ w + b) - y
        w, b = w - lr * X.T @ error, b - lr * error.sum()
    return w, b


def fl_no_bias(X, y, lr, epochs):
    w = np.zeros(X.shape[1])
    for _ in range(epochs):
        w = w - lr * _grad(X, y, w, 0.0)[0]
    return w, 0.0


def fl_return_in_loop(X, y, lr, epochs):
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(epochs):
        dJdw, dJdb = _grad(X, y, w, b)
        w, b = w - lr * dJdw, b - lr * dJdb
        return w, b


def fl_bias_without_lr(X, y, lr, epochs):
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(epochs):
        dJdw, dJdb = _grad(X, y, w, b)
        w, b = w - lr * dJdw, b - dJdb
    return w, b


def fl_half_updated(X, y, lr, epochs):
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(epochs):
        w = w - lr * _grad(X, y, w, b)[0]
        b = b - lr * _grad(X, y, w, b)[1]            # the new w's gradient: not one step of gradient descent
    return w, b


def fl_fresh(X, y, lr, epochs):
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(epochs):
        dJdw, dJdb = _grad(X, y, w, b)
        w, b = w - lr * dJdw, b - lr * dJdb
    return w, b


def fl_stacked(X, y, lr, epochs):
    Xb = np.hstack([X, np.ones((len(X), 1))])         # the bias as a last weight on a column of ones
    theta = np.zeros(Xb.shape[1])
    for _ in range(epochs):
        theta = theta - lr * Xb.T @ (_sigmoid(Xb @ theta) - y) / len(y)
    return theta[:-1], theta[-1]


ENTRIES = [
    # exercise 1: bowl_lr_limit(prediction), the right answer 2/7
    wrong("bowl_lr_limit", 2 / 6, "2 over the largest diagonal entry", ["diagonal", "tilt"]),
    wrong("bowl_lr_limit", 1.0, "2 over the shallow curvature", ["shallow", "steepest"]),
    wrong("bowl_lr_limit", 1 / 7, "1 over the steepest curvature: one step to the bottom", ["one step", "-1"]),
    wrong("bowl_lr_limit", 0.25, "2 over a row sum", ["row", "upper bound"]),
    wrong("bowl_lr_limit", 2 / 9, "2 over the trace", ["trace", "steepest curvature alone"]),
    wrong("bowl_lr_limit", 3.5, "the curvature over 2: upside down", ["1 over", "times"]),
    wrong("bowl_lr_limit", "2/7", "the right number as text", ["text", "number"]),
    right("bowl_lr_limit", 0.2857, "four decimals"),
    right("bowl_lr_limit", Fraction(2, 7), "a Fraction"),
    right("bowl_lr_limit", np.float64(2) / np.linalg.eigvalsh(np.array([[6.0, 2], [2, 3]])).max(), "numpy's own"),

    # exercise 2: pm_gradient(X, t, w, b)
    wrong("pm_gradient", pg_labels_as_y, "t used as a 0/1 label in y_hat - y", ["0/1 label", "t = -1", "y = 0"]),
    wrong("pm_gradient", pg_summed, "summed over the samples: the 1/n forgotten", ["n times", "1/n", "mean"]),
    wrong("pm_gradient", pg_sign, "every sign wrong", ["sign"]),
    wrong("pm_gradient", pg_inside, "sigmoid(t z) for sigmoid(-t z)", ["argument", "inside", "-t z"]),
    wrong("pm_gradient", pg_no_t, "the inner derivative -t dropped", ["inner derivative", "factor"]),
    wrong("pm_gradient", pg_exp_only, "the derivative of e^u instead of log(1 + e^u)", ["log", "too large"]),
    wrong("pm_gradient", pg_in_place, "flips the caller's t in place", ["in place", "changed"]),
    right("pm_gradient", pg_via_y, "back to 0/1 labels: y_hat - y with y = (t + 1) / 2"),
    right("pm_gradient", pg_loop, "one sample at a time, the sigmoid written out"),

    # exercise 3: fit_logistic(X, y, lr, epochs)
    wrong("fit_logistic", fl_uphill, "steps along the gradient: uphill", ["climbs", "against the gradient"]),
    wrong("fit_logistic", fl_summed, "summed gradient: steps n times too long", ["n times", "1/n"]),
    wrong("fit_logistic", fl_no_bias, "the bias never updated", ["bias", "origin"]),
    wrong("fit_logistic", fl_return_in_loop, "returns after the first epoch", ["first epoch", "return"]),
    wrong("fit_logistic", fl_bias_without_lr, "the bias step without lr", ["bias", "learning rate"]),
    wrong("fit_logistic", fl_half_updated, "b's gradient taken at the new w", ["same point", "after w"]),
    right("fit_logistic", fl_fresh, "the gradient recomputed every epoch"),
    right("fit_logistic", fl_stacked, "the bias as a weight on a column of ones"),

    # exercise 4: cross_entropy_value(prediction), the right answer 0.383
    wrong("cross_entropy_value", 1.5325, "the sum of the four losses", ["mean", "added"]),
    wrong("cross_entropy_value", 0.1664, "log base 10", ["log base 10", "natural"]),
    wrong("cross_entropy_value", 0.7297, "log y_hat for the sample labelled 0 too", ["1 - y_hat", "labelled 0"]),
    wrong("cross_entropy_value", -0.383, "the sign dropped", ["positive", "sign"]),
    wrong("cross_entropy_value", 0.115, "the mean squared error", ["squared"]),
    wrong("cross_entropy_value", 0.0575, "half the mean squared error", ["too low", "squared"]),
    wrong("cross_entropy_value", "0.383", "the right number as text", ["text", "number"]),
    right("cross_entropy_value", 0.383, "three decimals"),
    right("cross_entropy_value", -np.log(0.9 * 0.8 * 0.6 * 0.5) / 4, "the log of the likelihood"),
]
