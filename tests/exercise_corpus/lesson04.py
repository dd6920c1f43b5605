"""Lesson 4 (04_backprop): central differences, backprop through tanh, the input gradient, the strongest push."""
import math
from fractions import Fraction

import numpy as np

from nnlib.gradcheck import numerical_gradient
from nnlib.layers import sigmoid

from . import right, wrong


# --- exercise 1: central_difference(f, x, h) -------------------------------------------------------------------
def cd_stub(f, x, h=1e-5):
    grad = np.zeros_like(x)
    step = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        step[i] = h
        grad[i] = (f(x + step) - f(x - step)) / (2 * h)
    return grad


def cd_forward(f, x, h=1e-5):
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        step = np.zeros_like(x)
        step[i] = h
        grad[i] = (f(x + step) - f(x)) / h
    return grad


def cd_one_h(f, x, h=1e-5):
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        step = np.zeros_like(x)
        step[i] = h
        grad[i] = (f(x + step) - f(x - step)) / h
    return grad


def cd_in_place(f, x, h=1e-5):
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        x[i] += h
        f_plus = f(x)
        x[i] -= 2 * h
        f_minus = f(x)
        grad[i] = (f_plus - f_minus) / (2 * h)      # x[i] is left at x - h
    return grad


def cd_unit_step(f, x, h=1e-5):
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        step = np.zeros_like(x)
        step[i] = 1
        grad[i] = (f(x + step) - f(x - step)) / (2 * h)
    return grad


def cd_library(f, x, h=1e-5):
    return numerical_gradient(lambda: f(x), x, h)      # nnlib's f takes no argument: a closure over x


def cd_flat(f, x, h=1e-5):
    grad = np.zeros(x.size)
    for i in range(x.size):
        step = np.zeros(x.size)
        step[i] = h
        grad[i] = (f(x + step.reshape(x.shape)) - f(x - step.reshape(x.shape))) / (2 * h)
    return grad


def cd_sign(f, x, h=1e-5):
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        step = np.zeros_like(x)
        step[i] = h
        grad[i] = (f(x - step) - f(x + step)) / (2 * h)
    return grad


def cd_reset(f, x, h=1e-5):
    grad = np.zeros_like(x)
    step = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        step[i] = h
        grad[i] = (f(x + step) - f(x - step)) / (2 * h)
        step[i] = 0.0
    return grad


def cd_copies(f, x, h=1e-5):
    grad = np.zeros(x.shape)
    flat = x.astype(float).ravel()
    for k in range(flat.size):
        up, down = flat.copy(), flat.copy()
        up[k] += h
        down[k] -= h
        grad.flat[k] = (f(up.reshape(x.shape)) - f(down.reshape(x.shape))) / (2 * h)
    return grad


# --- exercise 2: backprop_tanh(X, y, W1, b1, W2, b2), linear output, J = 1/(2n) sum (y_hat - y)^2 -------------
def _bt(X, y, W1, b1, W2, b2, hidden_slope=None, out=lambda z: z, out_slope=None, n_div=True, bias=np.sum,
        order=None):
    n = X.shape[0]
    z1 = X @ W1 + b1
    a1 = np.tanh(z1)
    y_hat = out(a1 @ W2 + b2)
    delta2 = (y_hat - y) / (n if n_div else 1)
    if out_slope is not None:
        delta2 = delta2 * out_slope(y_hat)
    slope = (1 - a1 ** 2) if hidden_slope is None else hidden_slope(z1, a1)
    delta1 = (delta2 @ W2.T) * slope
    grads = (X.T @ delta1, bias(delta1, axis=0), a1.T @ delta2, bias(delta2, axis=0))
    return grads if order is None else tuple(grads[k] for k in order)


def bt_sigmoid_slope(X, y, W1, b1, W2, b2):
    return _bt(X, y, W1, b1, W2, b2, hidden_slope=lambda z1, a1: a1 * (1 - a1))


def bt_output_slope(X, y, W1, b1, W2, b2):
    return _bt(X, y, W1, b1, W2, b2, out=sigmoid, out_slope=lambda y_hat: y_hat * (1 - y_hat))


def bt_no_n(X, y, W1, b1, W2, b2):
    return _bt(X, y, W1, b1, W2, b2, n_div=False)


def bt_mean_bias(X, y, W1, b1, W2, b2):
    return _bt(X, y, W1, b1, W2, b2, bias=np.mean)


def bt_transposed_W1(X, y, W1, b1, W2, b2):
    dW1, db1, dW2, db2 = _bt(X, y, W1, b1, W2, b2)
    return dW1.T, db1, dW2, db2


def bt_slope_of_z(X, y, W1, b1, W2, b2):
    return _bt(X, y, W1, b1, W2, b2, hidden_slope=lambda z1, a1: 1 - z1 ** 2)


def bt_order(X, y, W1, b1, W2, b2):
    return _bt(X, y, W1, b1, W2, b2, order=(0, 2, 1, 3))


def bt_tanh_output(X, y, W1, b1, W2, b2):
    return _bt(X, y, W1, b1, W2, b2, out=np.tanh)


def bt_einsum(X, y, W1, b1, W2, b2):
    a1 = np.tanh(np.einsum("nd,dh->nh", X, W1) + b1)
    delta2 = (np.einsum("nh,hk->nk", a1, W2) + b2 - y) / len(X)
    delta1 = np.einsum("nk,hk->nh", delta2, W2) * (1 - a1 * a1)
    return (np.einsum("nd,nh->dh", X, delta1), delta1.sum(0), np.einsum("nh,nk->hk", a1, delta2), delta2.sum(0))


def bt_loops(X, y, W1, b1, W2, b2):
    n = len(X)
    dW1, db1, dW2, db2 = (np.zeros(np.shape(p)) for p in (W1, b1, W2, b2))
    for x_i, y_i in zip(X, y):
        a1 = np.tanh(x_i @ W1 + b1)
        d2 = (a1 @ W2 + b2 - y_i) / n
        d1 = (W2 @ d2) * (1 - a1 ** 2)
        dW1 += np.outer(x_i, d1)
        db1 += d1
        dW2 += np.outer(a1, d2)
        db2 += d2
    return dW1, db1, dW2, db2


# --- exercise 3: input_gradient(X, y, W1, b1, W2, b2), sigmoid hidden and output, squared error -----------------
def _ig(X, y, W1, b1, W2, b2, hidden=True, output=True, n_div=True):
    n = X.shape[0]
    a1 = sigmoid(X @ W1 + b1)
    y_hat = sigmoid(a1 @ W2 + b2)
    delta2 = (y_hat - y) / (n if n_div else 1) * (y_hat * (1 - y_hat) if output else 1)
    return (delta2 @ W2.T) * (a1 * (1 - a1) if hidden else 1)


def ig_no_transpose(X, y, W1, b1, W2, b2):
    return _ig(X, y, W1, b1, W2, b2) @ W1


def ig_weight_gradient(X, y, W1, b1, W2, b2):
    return X.T @ _ig(X, y, W1, b1, W2, b2)


def ig_no_hidden_slope(X, y, W1, b1, W2, b2):
    return _ig(X, y, W1, b1, W2, b2, hidden=False) @ W1.T


def ig_no_output_slope(X, y, W1, b1, W2, b2):
    return _ig(X, y, W1, b1, W2, b2, output=False) @ W1.T


def ig_no_n(X, y, W1, b1, W2, b2):
    return _ig(X, y, W1, b1, W2, b2, n_div=False) @ W1.T


def ig_summed(X, y, W1, b1, W2, b2):
    delta1 = _ig(X, y, W1, b1, W2, b2)
    return np.broadcast_to(delta1.sum(axis=0) @ W1.T, X.shape).copy()


def ig_central(X, y, W1, b1, W2, b2):
    def cost(Xs):
        y_hat = sigmoid(sigmoid(Xs @ W1 + b1) @ W2 + b2)
        return np.sum((y_hat - y) ** 2) / (2 * len(Xs))
    grad = np.zeros(X.shape)
    for i in np.ndindex(X.shape):
        step = np.zeros(X.shape)
        step[i] = 1e-5
        grad[i] = (cost(X + step) - cost(X - step)) / 2e-5
    return grad


def ig_sign(X, y, W1, b1, W2, b2):
    return -_ig(X, y, W1, b1, W2, b2) @ W1.T


def ig_einsum(X, y, W1, b1, W2, b2):
    a1 = sigmoid(np.einsum("nd,dh->nh", X, W1) + b1)
    y_hat = sigmoid(np.einsum("nh,hk->nk", a1, W2) + b2)
    delta2 = (y_hat - y) * y_hat * (1 - y_hat) / X.shape[0]
    delta1 = np.einsum("nk,hk->nh", delta2, W2) * a1 * (1 - a1)
    return np.einsum("nh,dh->nd", delta1, W1)


def ig_loops(X, y, W1, b1, W2, b2):
    n, d = X.shape
    out = np.zeros((n, d))
    for i in range(n):
        a1 = sigmoid(X[i] @ W1 + b1)
        y_hat = sigmoid(a1 @ W2 + b2)
        d2 = (y_hat - y[i]) * y_hat * (1 - y_hat) / n
        d1 = (W2 @ d2) * a1 * (1 - a1)
        for l in range(d):
            out[i, l] = sum(W1[l, j] * d1[j] for j in range(W1.shape[1]))
    return out


# --- exercise 4: strongest_push(prediction); |delta2| = y_hat (1 - y_hat)^2 for y = 1, n = 1: largest at 1/3 ------
def _sp_grid():
    y_hat = np.linspace(0.001, 0.999, 999)
    return y_hat[np.argmax(np.abs((y_hat - 1) * y_hat * (1 - y_hat)))]       # np.float64, 0.333


ENTRIES = [
    # exercise 1: central_difference
    wrong("central_difference", cd_stub, "the stub: the step is never reset, so entries accumulate",
          ["reset", "e_i", "accumulat", "back to 0", "previous", "zero again"]),
    wrong("central_difference", cd_forward, "a forward difference (f(x + h) - f(x)) / h, not central",
          ["forward", "central", "one-sided", "f(x - "]),
    wrong("central_difference", cd_one_h, "divides by h instead of 2h",
          ["2h", "2 * h", "twice", "factor 2", "2 times"]),
    wrong("central_difference", cd_in_place, "nudges x in place and leaves it at x - h",
          ["unchanged", "in place", "changed", "restore"]),
    wrong("central_difference", cd_unit_step, "steps by 1 instead of h",
          ["size of the step", "step size", "step of h", "by h"]),
    wrong("central_difference", cd_library, "calls nnlib's numerical_gradient instead of writing it",
          ["numerical_gradient", "not allowed", "allowed"]),
    wrong("central_difference", cd_flat, "returns a flat array instead of x's shape",
          ["shape", "flat"]),
    wrong("central_difference", cd_sign, "f(x - h) - f(x + h): the sign flipped",
          ["sign", "opposite", "minus"]),
    right("central_difference", cd_reset, "the stub with the step set back to 0 after each entry"),
    right("central_difference", cd_copies, "two copies of the flattened x per entry"),

    # exercise 2: backprop_tanh
    wrong("backprop_tanh", bt_sigmoid_slope, "the sigmoid's slope a1(1 - a1) for the tanh layer",
          ["1 - a1**2", "1 - a1 ** 2", "a1 * (1 - a1)", "sigmoid's", "tanh'", "1 - a1²"]),
    wrong("backprop_tanh", bt_output_slope, "keeps a sigmoid output and its slope: the output is linear",
          ["linear", "identity", "y_hat * (1 - y_hat)", "sigmoid"]),
    wrong("backprop_tanh", bt_no_n, "the 1/n of the cost forgotten",
          ["1/n", "n times", "mean", "divide"]),
    wrong("backprop_tanh", bt_mean_bias, "bias gradients as means over samples instead of sums",
          ["sum", "mean", "bias"]),
    wrong("backprop_tanh", bt_transposed_W1, "dJdW1 transposed",
          ["transpos", "shape"]),
    wrong("backprop_tanh", bt_slope_of_z, "1 - z1^2: the slope written with z1 instead of a1",
          ["z1", "a1"]),
    wrong("backprop_tanh", bt_order, "returns (dJdW1, dJdW2, dJdb1, dJdb2): the wrong order",
          ["order", "swap"]),
    wrong("backprop_tanh", bt_tanh_output, "a tanh output instead of a linear one, slope left out",
          ["linear", "identity", "output"]),
    right("backprop_tanh", bt_einsum, "np.einsum throughout"),
    right("backprop_tanh", bt_loops, "one sample at a time with outer products"),

    # exercise 3: input_gradient
    wrong("input_gradient", ig_no_transpose, "delta1 @ W1 instead of delta1 @ W1.T",
          ["transpos", "W1.T", "shape"]),
    wrong("input_gradient", ig_weight_gradient, "X.T @ delta1: the gradient of W1, not of X",
          ["W1", "shape of X", "weights", "like X"]),
    wrong("input_gradient", ig_no_hidden_slope, "sigma'(z1) left out",
          ["sigma'", "a1 * (1 - a1)", "a1(1 - a1)", "slope", "hidden"]),
    wrong("input_gradient", ig_no_output_slope, "the output's slope y_hat(1 - y_hat) left out",
          ["y_hat * (1 - y_hat)", "y_hat(1 - y_hat)", "output", "sigma'(z2)", "slope"]),
    wrong("input_gradient", ig_no_n, "the 1/n of the cost forgotten",
          ["1/n", "n times", "mean", "divide"]),
    wrong("input_gradient", ig_summed, "delta1 summed over samples, every row the same",
          ["sum", "per sample", "each sample", "own sample"]),
    wrong("input_gradient", ig_central, "central differences instead of a derivation",
          ["derive", "numerical", "finite", "differences"]),
    wrong("input_gradient", ig_sign, "the sign flipped",
          ["sign", "opposite"]),
    right("input_gradient", ig_einsum, "np.einsum throughout"),
    right("input_gradient", ig_loops, "explicit loops over samples, inputs and hidden units"),

    # exercise 4: strongest_push(prediction)
    wrong("strongest_push", 0.0, "the guess left standing: the most wrong sample, where the push is in fact 0",
          ["most wrong", "confidently wrong", "push is 0", "weakest", "vanish"]),
    wrong("strongest_push", 0.5, "maximised the sigmoid's slope y_hat(1 - y_hat) alone, the error factor dropped",
          ["slope alone", "error factor", "sigma'", "y_hat(1 - y_hat)"]),
    wrong("strongest_push", 2 / 3, "the mirror image y_hat^2 (1 - y_hat), as for target 0 (or 1 - y_hat reported)",
          ["y = 1", "y = 0", "target", "mirror"]),
    wrong("strongest_push", 0.25, "the error squared, as in the cost: y_hat (1 - y_hat)^3, largest at 1/4",
          ["the cost", "(1 - y_hat)^3", "(1 - y_hat)**3", "(1 - ŷ)³", "squared the error"]),
    wrong("strongest_push", 4 / 27, "the largest push itself, 4/27, not the y_hat where it happens",
          ["4/27", "0.148", "size of the push", "height", "the push itself"]),
    wrong("strongest_push", 1.0, "the other root of the derivative, y_hat = 1, where the push is 0",
          ["other root", "push is 0", "no push", "minimum", "smallest"]),
    wrong("strongest_push", math.log(1 / 2), "z2 at the peak, ln(1/2), instead of y_hat",
          ["z2", "z_2", "ln 1/2", "log", "negative"]),
    wrong("strongest_push", 100 / 3, "1/3 as a percentage, 33.3",
          ["percent", "%", "between 0 and 1", "fraction"]),
    wrong("strongest_push", 0.3, "1/3 rounded to one decimal: 0.033 off, outside the 0.01",
          ["decimal", "round", "0.01", "precision"]),
    wrong("strongest_push", "1/3", "the right value as a string",
          ["string", "str", "a number"]),
    wrong("strongest_push", (1 / 3, 1.0), "both zeros of the derivative: two numbers instead of one",
          ["one number", "a number", "single", "tuple", "two"]),
    right("strongest_push", Fraction(1, 3), "a Fraction"),
    right("strongest_push", np.array(1 / 3), "a 0-d array"),
    right("strongest_push", np.float32(1 / 3), "a float32"),
    right("strongest_push", 0.33, "rounded to 2 decimals, within the 0.01 allowed"),
    right("strongest_push", _sp_grid(), "argmax on a grid of y_hat (np.float64)"),
]
