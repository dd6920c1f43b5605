"""Activations, their derivatives and the affine layer (lessons 2-4).

Name-keyed tables, as in scikit-learn's `neural_network/_base.py`. Each
derivative is written in terms of the activation's *output* a = f(z), which
is what backprop has at hand:

    sigmoid  a = 1 / (1 + e^-z)      da/dz = a (1 - a)         (lesson 2)
    tanh     a = tanh z              da/dz = 1 - a^2           (lesson 4)
    relu     a = max(z, 0)           da/dz = 1 if a > 0 else 0 (lesson 6)
    identity a = z                   da/dz = 1                 (lesson 3)
    softmax  p_k = e^z_k / sum_j e^z_j, row-wise, max subtracted first (lesson 4)

Shapes: samples in rows. z, a: (n, units); X: (n, d); W: (d, units); b: (units,).
"""
import numpy as np
from scipy.special import expit


def sigmoid(z):
    """1 / (1 + exp(-z)), computed without overflow for any finite z."""
    return expit(z)


def tanh(z):
    return np.tanh(z)


def relu(z):
    return np.maximum(z, 0.0)


def leaky_relu(z):
    """max(z, 0.01 z)."""
    return np.where(z > 0, z, 0.01 * z)


def identity(z):
    return z


def softmax(z):
    """Row-wise softmax of z (n, k) (or of one row (k,)): subtracts each row's max, so exp never
    overflows. For extreme finite rows such as [1e308, -1e308] the shifted value -inf gives 0."""
    z = np.asarray(z, dtype=float)
    with np.errstate(over="ignore"):
        e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


ACTIVATIONS = {"sigmoid": sigmoid, "tanh": tanh, "relu": relu, "leaky_relu": leaky_relu,
               "identity": identity}

# da/dz as a function of the output a.
DERIVATIVES = {
    "sigmoid": lambda a: a * (1.0 - a),
    "tanh": lambda a: 1.0 - a * a,
    "relu": lambda a: (a > 0).astype(a.dtype),
    "leaky_relu": lambda a: np.where(a > 0, 1.0, 0.01),
    "identity": lambda a: np.ones_like(a),
}

OUTPUTS = {"softmax": softmax, "sigmoid": sigmoid, "identity": identity}


def affine_forward(x, W, b):
    """z = x @ W + b.  x (n, d), W (d, m), b (m,) -> z (n, m), cache. Lesson 4."""
    return x @ W + b, (x, W)


def affine_backward(dz, cache):
    """Backward pass of the affine layer: dz (n, m) -> dx (n, d), dW (d, m), db (m,). Lesson 4."""
    x, W = cache
    return dz @ W.T, x.T @ dz, dz.sum(axis=0)
