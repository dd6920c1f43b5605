"""Lesson 3 (03_xor_by_hand): shapes of the backward pass, the slope of tanh, the classic backward pass."""
import math

import numpy as np

from nnlib.layers import sigmoid

from . import right, wrong


# --- exercise 2: tanh_derivative(a) ----------------------------------------------------------------------------
def td_sigmoid_form(a):
    return a * (1 - a)


def td_no_square(a):
    return 1 - a


def td_plus(a):
    return 1 + a ** 2


def td_minus_two_a(a):
    return -2 * a


def td_in_place(a):
    a **= 2
    return 1 - a


def td_tanh_again(a):
    return 1 - np.tanh(a) ** 2


def td_math(a):
    return 1 - math.pow(a, 2)


def td_cosh(a):
    return 1 / np.cosh(a) ** 2


def td_product(a):
    return (1 - a) * (1 + a)


def td_ufuncs(a):
    return np.subtract(1.0, np.square(a))


def td_one_minus_square(a):
    return 1 - (1 - a) ** 2


# --- exercise 3: gradients(X, y, W1, b1, W2, b2) ---------------------------------------------------------------
def _forward(X, W1, b1, W2, b2):
    a1 = sigmoid(X @ W1 + b1)
    return a1, sigmoid(a1 @ W2 + b2)


def xg_stub(X, y, W1, b1, W2, b2):
    n = X.shape[0]
    a1, y_hat = _forward(X, W1, b1, W2, b2)
    delta2 = (y_hat - y) / n * y_hat * (1 - y_hat)
    delta1 = delta2 @ W2.T
    return delta1.T @ X, delta1.sum(axis=0), a1.T @ delta2, delta2.sum(axis=0)


def xg_transpose_only(X, y, W1, b1, W2, b2):
    n = X.shape[0]
    a1, y_hat = _forward(X, W1, b1, W2, b2)
    delta2 = (y_hat - y) / n * y_hat * (1 - y_hat)
    delta1 = delta2 @ W2.T
    return X.T @ delta1, delta1.sum(axis=0), a1.T @ delta2, delta2.sum(axis=0)


def xg_slope_only(X, y, W1, b1, W2, b2):
    n = X.shape[0]
    a1, y_hat = _forward(X, W1, b1, W2, b2)
    delta2 = (y_hat - y) / n * y_hat * (1 - y_hat)
    delta1 = (delta2 @ W2.T) * a1 * (1 - a1)
    return delta1.T @ X, delta1.sum(axis=0), a1.T @ delta2, delta2.sum(axis=0)


def xg_output_slope(X, y, W1, b1, W2, b2):
    n = X.shape[0]
    a1, y_hat = _forward(X, W1, b1, W2, b2)
    delta2 = (y_hat - y) / n * y_hat * (1 - y_hat)
    delta1 = (delta2 @ W2.T) * y_hat * (1 - y_hat)
    return X.T @ delta1, delta1.sum(axis=0), a1.T @ delta2, delta2.sum(axis=0)


def xg_mean_bias(X, y, W1, b1, W2, b2):
    n = X.shape[0]
    a1, y_hat = _forward(X, W1, b1, W2, b2)
    delta2 = (y_hat - y) / n * y_hat * (1 - y_hat)
    delta1 = (delta2 @ W2.T) * a1 * (1 - a1)
    return X.T @ delta1, delta1.mean(axis=0), a1.T @ delta2, delta2.sum(axis=0)


def xg_no_transpose_W2(X, y, W1, b1, W2, b2):
    n = X.shape[0]
    a1, y_hat = _forward(X, W1, b1, W2, b2)
    delta2 = (y_hat - y) / n * y_hat * (1 - y_hat)
    delta1 = (delta2 @ W2) * a1 * (1 - a1)
    return X.T @ delta1, delta1.sum(axis=0), a1.T @ delta2, delta2.sum(axis=0)


def xg_twice_n(X, y, W1, b1, W2, b2):
    n = X.shape[0]
    a1, y_hat = _forward(X, W1, b1, W2, b2)
    delta2 = (y_hat - y) / n * y_hat * (1 - y_hat)
    delta1 = (delta2 @ W2.T) * a1 * (1 - a1) / n
    return X.T @ delta1, delta1.sum(axis=0), a1.T @ delta2, delta2.sum(axis=0)


def xg_sign(X, y, W1, b1, W2, b2):
    n = X.shape[0]
    a1, y_hat = _forward(X, W1, b1, W2, b2)
    delta2 = (y - y_hat) / n * y_hat * (1 - y_hat)
    delta1 = (delta2 @ W2.T) * a1 * (1 - a1)
    return X.T @ delta1, delta1.sum(axis=0), a1.T @ delta2, delta2.sum(axis=0)


def xg_einsum(X, y, W1, b1, W2, b2):
    n = X.shape[0]
    a1 = 1 / (1 + np.exp(-(np.einsum("nd,dh->nh", X, W1) + b1)))
    y_hat = 1 / (1 + np.exp(-(np.einsum("nh,hk->nk", a1, W2) + b2)))
    delta2 = (y_hat - y) * y_hat * (1 - y_hat) / n
    delta1 = np.einsum("nk,hk->nh", delta2, W2) * a1 * (1 - a1)
    return (np.einsum("nd,nh->dh", X, delta1), np.einsum("nh->h", delta1),
            np.einsum("nh,nk->hk", a1, delta2), np.einsum("nk->k", delta2))


def xg_per_sample(X, y, W1, b1, W2, b2):
    n = X.shape[0]
    grads = [np.zeros_like(W1), np.zeros_like(b1), np.zeros_like(W2), np.zeros_like(b2)]
    for x_i, y_i in zip(X, y):
        a1 = sigmoid(x_i @ W1 + b1)
        y_hat = sigmoid(a1 @ W2 + b2)
        d2 = (y_hat - y_i) * y_hat * (1 - y_hat) / n
        d1 = (W2 @ d2) * a1 * (1 - a1)
        for g, part in zip(grads, (np.outer(x_i, d1), d1, np.outer(a1, d2), d2)):
            g += part
    return tuple(grads)


ENTRIES = [
    # exercise 1: gradient_shapes(prediction), the right answer (10, 7, 3, 7)
    wrong("gradient_shapes", (7, 10, 3, 7), "delta1 transposed: units in rows, samples in columns",
          ["transpos", "swap", "rows", "samples in rows"]),
    wrong("gradient_shapes", (10, 7, 7, 3), "dJdW1 transposed: not the shape of W1",
          ["transpos", "shape of W1", "like W1", "W1"]),
    wrong("gradient_shapes", (10, 2, 3, 7), "delta1 given delta2's shape (outputs instead of hidden units)",
          ["delta2", "hidden", "7 hidden", "hidden units"]),
    wrong("gradient_shapes", (10, 7, 10, 7), "dJdW1 given one row per sample: the sum over samples forgotten",
          ["sum", "samples", "W1"]),
    wrong("gradient_shapes", (1, 7, 3, 7), "delta1 for one sample, not the batch of 10",
          ["batch", "10 samples", "rows", "one row per sample"]),
    wrong("gradient_shapes", "10, 7, 3, 7", "the right numbers as one string",
          ["string", "str", "numbers"]),
    wrong("gradient_shapes", (10, 7), "only delta1's shape: two numbers instead of four",
          ["four", "4 numbers"]),
    right("gradient_shapes", np.array([10, 7, 3, 7]), "a numpy array"),
    right("gradient_shapes", [10, 7, 3, 7], "a list"),
    right("gradient_shapes", (np.int64(10), 7, 3, np.int32(7)), "a tuple with numpy integers"),

    # exercise 2: tanh_derivative(a)
    wrong("tanh_derivative", td_sigmoid_form, "the sigmoid's slope a(1 - a), not tanh's",
          ["sigmoid", "a(1 - a)", "a * (1 - a)"]),
    wrong("tanh_derivative", td_no_square, "1 - a: the square forgotten",
          ["square", "a**2", "a²", "a^2", "a ** 2"]),
    wrong("tanh_derivative", td_plus, "1 + a^2: the sign of the square wrong",
          ["sign", "minus", "1 - a"]),
    wrong("tanh_derivative", td_minus_two_a, "-2a: differentiated 1 - a^2 once more",
          ["a**2", "1 - a", "square"]),
    wrong("tanh_derivative", td_in_place, "squares a in place, changing the caller's array",
          ["in place", "changed", "unchanged", "modif"]),
    wrong("tanh_derivative", td_tanh_again, "applies tanh again to a (and uses np.tanh)",
          ["np.tanh", "not allowed", "forbidden", "allowed"]),
    wrong("tanh_derivative", td_math, "math.pow: works on a number, not elementwise on an array",
          ["array", "elementwise", "math"]),
    wrong("tanh_derivative", td_cosh, "1/cosh(a)^2: treats a as z, with np.cosh",
          ["np.cosh", "not allowed", "allowed", "forbidden"]),
    wrong("tanh_derivative", td_one_minus_square, "1 - (1 - a)^2: squared the wrong thing",
          ["a**2", "square of a", "1 - a"]),
    right("tanh_derivative", td_product, "(1 - a)(1 + a)"),
    right("tanh_derivative", td_ufuncs, "np.subtract and np.square"),

    # exercise 3: xor_gradients(gradients)
    wrong("xor_gradients", xg_stub, "the stub: sigma'(z1) missing and dJdW1 transposed",
          ["sigma'", "a1 * (1 - a1)", "a1(1 - a1)", "slope", "transpos", "X.T"]),
    wrong("xor_gradients", xg_transpose_only, "fixed the transpose but not the missing sigma'(z1)",
          ["sigma'", "a1 * (1 - a1)", "a1(1 - a1)", "slope", "sigmoid's"]),
    wrong("xor_gradients", xg_slope_only, "added sigma'(z1) but kept dJdW1 = delta1.T @ X",
          ["transpos", "X.T", "shape"]),
    wrong("xor_gradients", xg_output_slope, "the hidden slope taken from y_hat instead of a1",
          ["a1", "hidden"]),
    wrong("xor_gradients", xg_mean_bias, "dJdb1 as the mean over samples instead of the sum",
          ["mean", "sum", "1/n", "n times"]),
    wrong("xor_gradients", xg_no_transpose_W2, "delta2 @ W2 instead of delta2 @ W2.T",
          ["transpos", "W2.T", "shape"]),
    wrong("xor_gradients", xg_twice_n, "divides by n again in delta1",
          ["1/n", "n times", "divide", "twice"]),
    wrong("xor_gradients", xg_sign, "y - y_hat: every gradient with the wrong sign",
          ["sign", "opposite", "minus"]),
    right("xor_gradients", xg_einsum, "np.einsum and the sigmoid written out"),
    right("xor_gradients", xg_per_sample, "one sample at a time, outer products summed"),
]
