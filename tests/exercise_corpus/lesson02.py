"""Lesson 2 (02_gradient_descent): a bowl's safe learning rate, the gradient for labels -1 and +1, a fit whose
loss climbs, the cross-entropy of four predictions."""
import math
from fractions import Fraction

import numpy as np

from . import right, wrong


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


# --- exercise 2: pm_gradient(X, t, w, b) -----------------------------------------------------------------------
def pm_no_n(X, t, w, b):
    dJdz = -t / (1 + np.exp(t * (X @ w + b)))
    return X.T @ dJdz, np.sum(dJdz)


def pm_sign(X, t, w, b):
    dJdz = t / (1 + np.exp(t * (X @ w + b))) / len(t)
    return X.T @ dJdz, np.sum(dJdz)


def pm_sigma_tz(X, t, w, b):
    dJdz = -t * _sigmoid(t * (X @ w + b)) / len(t)
    return X.T @ dJdz, np.sum(dJdz)


def pm_no_t(X, t, w, b):
    dJdz = _sigmoid(-t * (X @ w + b)) / len(t)
    return X.T @ dJdz, np.sum(dJdz)


def pm_t_as_y(X, t, w, b):
    error = _sigmoid(X @ w + b) - t
    return X.T @ error / len(t), np.mean(error)


def _dJdz(X, t, w, b):
    return -t / (1 + np.exp(t * (X @ w + b))) / len(t)     # right: -t sigma(-t z) / n


def pm_mean_bias(X, t, w, b):
    return X.T @ _dJdz(X, t, w, b), np.mean(_dJdz(X, t, w, b))


def pm_no_sum_b(X, t, w, b):
    return X.T @ _dJdz(X, t, w, b), _dJdz(X, t, w, b)


def pm_in_place(X, t, w, b):
    u = t
    u *= -1                          # "u = -t": flips the caller's labels
    dJdz = u * _sigmoid(u * (X @ w + b)) / len(u)
    return X.T @ dJdz, np.sum(dJdz)


def pm_swapped(X, t, w, b):
    return np.sum(_dJdz(X, t, w, b)), X.T @ _dJdz(X, t, w, b)


def pm_exp_only(X, t, w, b):
    dJdz = -t * np.exp(-t * (X @ w + b)) / len(t)        # d/du log(1 + e^u) taken as e^u
    return X.T @ dJdz, np.sum(dJdz)


def pm_loops(X, t, w, b):
    n, d = len(t), len(w)
    dJdw, dJdb = [0.0] * d, 0.0
    for i in range(n):
        z = sum(float(X[i, j]) * float(w[j]) for j in range(d)) + float(b)
        g = -float(t[i]) / (1 + math.exp(float(t[i]) * z)) / n
        dJdb += g
        for j in range(d):
            dJdw[j] += g * float(X[i, j])
    return np.array(dJdw), dJdb


def pm_via_y(X, t, w, b):
    y = (t + 1) / 2
    error = _sigmoid(X @ w + b) - y
    return (error @ X) / len(y), error.mean()


def pm_logaddexp(X, t, w, b):
    z = np.einsum("nd,d->n", X, w) + b
    dJdz = -t * np.exp(-np.logaddexp(0.0, t * z)) / t.shape[0]    # sigma(-t z) = 1 / (1 + e^(t z))
    return np.einsum("nd,n->d", X, dJdz), float(np.einsum("n->", dJdz))


# --- exercise 3: fit_logistic(X, y, lr, epochs) ----------------------------------------------------------------
def fl_stub(X, y, lr, epochs):
    w, b = np.zeros(X.shape[1]), 0.0
    y_hat = _sigmoid(X @ w + b)
    dJdw, dJdb = X.T @ (y_hat - y) / len(y), np.mean(y_hat - y)
    for _ in range(epochs):
        w, b = w - lr * dJdw, b - lr * dJdb
    return w, b


def fl_y_hat_only(X, y, lr, epochs):
    w, b = np.zeros(X.shape[1]), 0.0
    y_hat = _sigmoid(X @ w + b)
    dJdw, dJdb = X.T @ (y_hat - y) / len(y), np.mean(y_hat - y)
    for _ in range(epochs):
        y_hat = _sigmoid(X @ w + b)              # the prediction moved inside, the gradient left outside
        w, b = w - lr * dJdw, b - lr * dJdb
    return w, b


def fl_bias_outside(X, y, lr, epochs):
    w, b = np.zeros(X.shape[1]), 0.0
    dJdb = np.mean(_sigmoid(X @ w + b) - y)
    for _ in range(epochs):
        y_hat = _sigmoid(X @ w + b)
        w = w - lr * X.T @ (y_hat - y) / len(y)
        b = b - lr * dJdb
    return w, b


def fl_ascent(X, y, lr, epochs):
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(epochs):
        y_hat = _sigmoid(X @ w + b)
        w, b = w + lr * X.T @ (y_hat - y) / len(y), b + lr * np.mean(y_hat - y)
    return w, b


def fl_no_n(X, y, lr, epochs):
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(epochs):
        y_hat = _sigmoid(X @ w + b)
        w, b = w - lr * X.T @ (y_hat - y), b - lr * np.mean(y_hat - y)
    return w, b


def fl_no_sigmoid(X, y, lr, epochs):
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(epochs):
        y_hat = X @ w + b
        w, b = w - lr * X.T @ (y_hat - y) / len(y), b - lr * np.mean(y_hat - y)
    return w, b


def fl_sequential(X, y, lr, epochs):
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(epochs):
        w = w - lr * X.T @ (_sigmoid(X @ w + b) - y) / len(y)
        b = b - lr * np.mean(_sigmoid(X @ w + b) - y)     # b's gradient taken at the new w
    return w, b


def _descend(X, y, lr, steps, w):
    b = 0.0
    for _ in range(steps):
        y_hat = _sigmoid(X @ w + b)
        w, b = w - lr * X.T @ (y_hat - y) / len(y), b - lr * np.mean(y_hat - y)
    return w, b


def fl_ones_start(X, y, lr, epochs):
    return _descend(X, y, lr, epochs, np.ones(X.shape[1]))


def fl_one_short(X, y, lr, epochs):
    return _descend(X, y, lr, epochs - 1, np.zeros(X.shape[1]))


def fl_standardise(X, y, lr, epochs):
    X -= X.mean(axis=0)                          # "standardise first" (lesson 10): changes the caller's X
    return _descend(X, y, lr, epochs, np.zeros(X.shape[1]))


def fl_sum_bias(X, y, lr, epochs):
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(epochs):
        y_hat = _sigmoid(X @ w + b)
        w, b = w - lr * X.T @ (y_hat - y) / len(y), b - lr * np.sum(y_hat - y)
    return w, b


def fl_loops(X, y, lr, epochs):
    n, d = X.shape
    w, b = [0.0] * d, 0.0
    for _ in range(epochs):
        dJdw, dJdb = [0.0] * d, 0.0
        for i in range(n):
            z = sum(float(X[i, j]) * w[j] for j in range(d)) + b
            error = 1 / (1 + math.exp(-z)) - float(y[i])
            dJdb += error / n
            for j in range(d):
                dJdw[j] += error * float(X[i, j]) / n
        w, b = [w[j] - lr * dJdw[j] for j in range(d)], b - lr * dJdb
    return np.array(w), b


def fl_augmented(X, y, lr, epochs):
    X1 = np.hstack([X, np.ones((X.shape[0], 1))])        # a column of ones carries b
    theta = np.zeros(X1.shape[1])
    for _ in range(epochs):
        y_hat = 0.5 * (1 + np.tanh(X1 @ theta / 2))    # sigma(z) written with tanh
        theta = theta - lr * (y_hat - y) @ X1 / len(y)
    return theta[:-1], theta[-1]


def fl_library(X, y, lr, epochs):
    from nnlib import logistic
    w, b, _costs = logistic.fit(X, y, lr=lr, epochs=epochs)
    return w, b


ENTRIES = [
    # exercise 1: bowl_lr_limit(prediction); eigenvalues of [[6, 2], [2, 3]] are 7 and 2, so 2/7
    wrong("bowl_lr_limit", 2 / 6, "2 / the largest diagonal entry (6): the tilt ignored",
          ["diagonal", "entry", "entries"]),
    wrong("bowl_lr_limit", 2 / 2, "2 / the smallest eigenvalue: the shallow direction set the limit",
          ["smallest", "shallow", "steepest", "largest eigenvalue"]),
    wrong("bowl_lr_limit", 1 / 7, "1 / lambda_max: the rate that lands in one step, not the limit",
          ["one step", "1/lambda", "twice", "factor of 2", "half"]),
    wrong("bowl_lr_limit", 2 / 9, "2 / trace: the sum of the eigenvalues instead of the largest",
          ["trace", "sum"]),
    wrong("bowl_lr_limit", 7.0, "lambda_max itself, not 2 / lambda_max",
          ["2 / lambda", "2/lambda", "curvature", "eigenvalue itself", "not the learning rate"]),
    wrong("bowl_lr_limit", 2 / 8, "2 / the largest row sum (6 + 2): a bound, not the limit",
          ["row sum", "Gershgorin", "bound", "sum"]),
    wrong("bowl_lr_limit", 2 / ((9 + math.sqrt(17)) / 2),
          "the characteristic equation with the off-diagonal 2 not squared: det = 18 - 2",
          ["off-diagonal", "square", "determinant", "det", "characteristic"]),
    wrong("bowl_lr_limit", 0.3, "2/7 rounded to one decimal, not the 3 the prompt asks for",
          ["decimal", "round", "precision"]),
    wrong("bowl_lr_limit", "2/7", "the right value as a string",
          ["string", "str", "a number"]),
    wrong("bowl_lr_limit", (2 / 7, 2 / 2), "both directions' limits: two numbers instead of one",
          ["one number", "a number", "single", "tuple"]),
    right("bowl_lr_limit", Fraction(2, 7), "a Fraction"),
    right("bowl_lr_limit", np.array(2 / 7), "a 0-d array"),
    right("bowl_lr_limit", np.float32(2 / 7), "a float32"),
    right("bowl_lr_limit", 0.286, "rounded to 3 decimals, as the prompt allows"),
    right("bowl_lr_limit", 2 / np.linalg.eigvalsh(np.array([[6.0, 2.0], [2.0, 3.0]])).max(),
          "computed by numpy (np.float64)"),

    # exercise 2: pm_gradient(X, t, w, b)
    wrong("pm_gradient", pm_no_n, "the 1/n of the mean forgotten: n times too large",
          ["1/n", "mean", "n times", "divide"]),
    wrong("pm_gradient", pm_sign, "+t sigma(-t z): every gradient with the wrong sign",
          ["sign", "minus", "opposite"]),
    wrong("pm_gradient", pm_sigma_tz, "sigma(t z) instead of sigma(-t z)",
          ["-t z", "sigma(-", "sigmoid(-", "sign"]),
    wrong("pm_gradient", pm_no_t, "the chain factor -t of u = -t z forgotten",
          ["-t", "chain", "factor t", "times t"]),
    wrong("pm_gradient", pm_t_as_y, "section 3's gradient with t in place of y in {0, 1}",
          ["(t + 1)", "0 and 1", "-1", "labels"]),
    wrong("pm_gradient", pm_mean_bias, "dJdb as the mean of dJ/dz: divided by n twice",
          ["mean", "sum", "1/n", "n times", "twice"]),
    wrong("pm_gradient", pm_no_sum_b, "dJdb left as a vector over samples, not summed",
          ["number", "sum", "scalar", "shape"]),
    wrong("pm_gradient", pm_in_place, "flips the caller's t in place",
          ["in place", "changed", "unchanged", "modif"]),
    wrong("pm_gradient", pm_swapped, "returns (dJdb, dJdw): the order swapped",
          ["order", "swap", "(dJdw, dJdb)"]),
    wrong("pm_gradient", pm_exp_only, "d/du log(1 + e^u) taken as e^u: the 1 + e^u denominator lost",
          ["denominator", "1 + e", "sigma", "sigmoid"]),
    right("pm_gradient", pm_loops, "per-sample and per-weight loops with math.exp"),
    right("pm_gradient", pm_via_y, "through y = (t + 1)/2 and section 3's prediction minus label"),
    right("pm_gradient", pm_logaddexp, "np.logaddexp and np.einsum, dJdb a Python float"),

    # exercise 3: fit_logistic(X, y, lr, epochs)
    wrong("fit_logistic", fl_stub, "the stub: the gradient computed once, at w = 0, outside the loop",
          ["once", "inside the loop", "outside", "recompute", "every epoch"]),
    wrong("fit_logistic", fl_y_hat_only, "y_hat moved into the loop, the gradient left outside it",
          ["once", "inside the loop", "outside", "recompute", "every epoch"]),
    wrong("fit_logistic", fl_bias_outside, "dJdw recomputed each epoch, dJdb still from w = 0",
          ["dJdb", "bias", "b's", "the b "]),
    wrong("fit_logistic", fl_ascent, "w + lr * gradient: gradient ascent",
          ["sign", "ascent", "uphill", "minus"]),
    wrong("fit_logistic", fl_no_n, "dJdw without 1/n: the sum instead of the mean",
          ["1/n", "mean", "n times", "divide"]),
    wrong("fit_logistic", fl_no_sigmoid, "y_hat = X @ w + b: the sigmoid left out",
          ["sigmoid", "probabilit", "linear"]),
    wrong("fit_logistic", fl_sequential, "b's gradient taken after w moved, not at the same point",
          ["same point", "simultaneous", "before", "both", "order"]),
    wrong("fit_logistic", fl_ones_start, "starts from w = 1 instead of w = 0",
          ["w = 0", "zero", "start"]),
    wrong("fit_logistic", fl_one_short, "range(epochs - 1): one step short",
          ["one step", "one epoch", "epochs - 1", "off by one", "steps"]),
    wrong("fit_logistic", fl_standardise, "centres X in place first: changes the caller's X and the answer",
          ["in place", "changed", "unchanged", "modif"]),
    wrong("fit_logistic", fl_sum_bias, "dJdb as the sum instead of the mean",
          ["sum", "mean", "1/n", "n times"]),
    right("fit_logistic", fl_loops, "pure Python loops with math.exp, w returned from a list"),
    right("fit_logistic", fl_augmented, "a column of ones for b, the sigmoid written with tanh"),
    right("fit_logistic", fl_library, "nnlib.logistic.fit, which the lesson says holds the same functions"),

    # exercise 4: cross_entropy_value(prediction); -(log .9 + log .8 + log .6 + log .5)/4 = 0.3831
    wrong("cross_entropy_value", 4 * 0.38312, "the sum of the four costs, not their mean",
          ["sum", "mean", "average", "divid"]),
    wrong("cross_entropy_value", -(math.log(0.9) + math.log(0.2) + math.log(0.6) + math.log(0.5)) / 4,
          "log y_hat for the sample labelled 0 instead of log(1 - y_hat)",
          ["1 - y_hat", "label 0", "labelled 0", "own label"]),
    wrong("cross_entropy_value", -0.38312, "the minus sign forgotten: the mean log-likelihood",
          ["sign", "minus", "negative"]),
    wrong("cross_entropy_value", 0.38312 / math.log(10), "log10 instead of the natural log",
          ["log10", "base", "natural"]),
    wrong("cross_entropy_value", 0.38312 / math.log(2), "log2 instead of the natural log",
          ["log2", "base", "natural", "bits"]),
    wrong("cross_entropy_value", -(math.log(0.9) + math.log(0.6) + math.log(0.5)) / 4,
          "the sample labelled 0 dropped (only the y log y_hat term kept), mean over 4",
          ["label 0", "labelled 0", "1 - y", "second term"]),
    wrong("cross_entropy_value", (0.1 ** 2 + 0.2 ** 2 + 0.4 ** 2 + 0.5 ** 2) / 4, "the mean squared error",
          ["squared", "MSE", "square"]),
    wrong("cross_entropy_value", (0.1 + 0.2 + 0.4 + 0.5) / 4, "the mean absolute error",
          ["absolute", "|y_hat - y|", "|y - y_hat|"]),
    wrong("cross_entropy_value", -math.log((0.9 + 0.8 + 0.6 + 0.5) / 4), "-log of the mean probability",
          ["log of the mean", "mean of the log", "order"]),
    wrong("cross_entropy_value", 0.9 * 0.8 * 0.6 * 0.5, "the likelihood (a product), not -1/n log of it",
          ["likelihood", "product", "log"]),
    wrong("cross_entropy_value", -(math.log(0.1) + math.log(0.2) + math.log(0.4) + math.log(0.5)) / 4,
          "every sample scored by the probability of the other label",
          ["own label", "other label", "swap", "1 - y_hat"]),
    wrong("cross_entropy_value", [0.105, 0.223, 0.511, 0.693], "the four costs, not their mean",
          ["one number", "a number", "mean", "list"]),
    right("cross_entropy_value", Fraction(383, 1000), "a Fraction, 3 decimals"),
    right("cross_entropy_value", np.array(0.3831), "a 0-d array"),
    right("cross_entropy_value", np.float32(0.38312), "a float32"),
    right("cross_entropy_value", -sum(math.log(p) for p in (0.9, 1 - 0.2, 0.6, 0.5)) / 4, "computed with math.log"),
]
