"""Lesson 2 (02_gradient_descent): the bowl's largest safe lr, the logistic-regression gradient, a gradient
descent loop that goes wrong, the cross-entropy of a given prediction."""
from fractions import Fraction

import numpy as np

from . import right, wrong


def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


# --- exercise 2: logistic_gradient(X, y, w, b) ------------------------------------------------------------------
def lg_summed(X, y, w, b):
    error = _sigmoid(X @ w + b) - y
    return X.T @ error, error.sum()


def lg_sign(X, y, w, b):
    error = y - _sigmoid(X @ w + b)
    return X.T @ error / len(y), error.mean()


def lg_squared_error(X, y, w, b):
    y_hat = _sigmoid(X @ w + b)
    delta = (y_hat - y) * y_hat * (1 - y_hat) / len(y)
    return X.T @ delta, delta.sum()


def lg_z(X, y, w, b):
    z = X @ w + b
    return X.T @ (z - y) / len(y), np.mean(z - y)


def lg_bias_sum(X, y, w, b):
    error = _sigmoid(X @ w + b) - y
    return X.T @ error / len(y), np.sum(error)


def lg_column(X, y, w, b):
    error = (_sigmoid(X @ w + b) - y)[:, None]
    return X.T @ error / len(y), float(error.mean())


def lg_in_place(X, y, w, b):
    X /= len(y)
    error = _sigmoid(X @ w * len(y) + b) - y
    return X.T @ error, error.mean()


def lg_loop(X, y, w, b):
    dJdw, dJdb = np.zeros_like(w), 0.0
    for x_i, y_i in zip(X, y):
        p = 1 / (1 + np.exp(-(x_i @ w + b)))
        dJdw = dJdw + (p - y_i) * x_i / len(y)
        dJdb += (p - y_i) / len(y)
    return dJdw, dJdb


def lg_einsum(X, y, w, b):
    error = np.tanh((X @ w + b) / 2) / 2 + 0.5 - y      # sigmoid(z) = (1 + tanh(z / 2)) / 2
    return np.einsum("nd,n->d", X, error) / len(y), np.einsum("n->", error) / len(y)


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

    # exercise 2: logistic_gradient(X, y, w, b)
    wrong("logistic_gradient", lg_summed, "summed over the samples: the 1/n forgotten", ["n times", "1/n", "mean"]),
    wrong("logistic_gradient", lg_sign, "y - y_hat: every sign wrong", ["sign"]),
    wrong("logistic_gradient", lg_squared_error, "the squared error's gradient, with the sigmoid's slope",
          ["slope", "y_hat (1 - y_hat)"]),
    wrong("logistic_gradient", lg_z, "z in place of y_hat", ["sigmoid(z)", "z where"]),
    wrong("logistic_gradient", lg_bias_sum, "dJ/db summed, not averaged", ["dJ/db", "n times"]),
    wrong("logistic_gradient", lg_column, "dJdw as a (d, 1) column", ["shape", "column"]),
    wrong("logistic_gradient", lg_in_place, "divides the caller's X in place", ["in place", "changed"]),
    right("logistic_gradient", lg_loop, "one sample at a time"),
    right("logistic_gradient", lg_einsum, "np.einsum, the sigmoid through tanh"),

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
