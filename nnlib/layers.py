"""Activations and their derivatives (lessons 3-7).

Name-keyed tables, as in scikit-learn's `neural_network/_base.py`. Each
derivative is written in terms of the activation's *output* a = f(z), which
is what backprop has at hand:

    sigmoid    a = 1 / (1 + e^-z)      da/dz = a (1 - a)            (lesson 3)
    tanh       a = tanh z              da/dz = 1 - a^2              (lesson 5)
    relu       a = max(z, 0)           da/dz = 1 if a > 0 else 0    (lesson 7)
    leaky_relu a = max(z, 0.01 z)      da/dz = 1 if a > 0 else 0.01 (lesson 7: a dead relu unit
                                       gets no gradient; the small slope keeps it learning)
    identity   a = z                   da/dz = 1                    (lesson 4)
    softmax    p_k = e^z_k / sum_j e^z_j, row-wise, max subtracted first (lesson 5)

Shapes: samples in rows. z, a: (n, units); X: (n, d); W: (d, units); b: (units,).
The tables hold the unchecked functions MLP uses in its inner loop; the functions below check
that z is real numbers first.
"""
import numpy as np
from scipy.special import expit

from ._fast import row_max, row_sum
from .validation import real_array

LEAK = 0.01  # leaky_relu's slope for z < 0


def _real(z, name="z"):
    """z as a float array (a number becomes a 0-d array); text, None and complex numbers refused.
    A float array passes as it is (the functions below make new arrays): lesson 3's own training loop
    calls sigmoid a few thousand times a redraw."""
    if type(z) is np.ndarray and z.dtype == np.float64:
        return z
    return real_array(z, name)


def _softmax(z):
    if z.ndim != 2:  # one row (k,)
        with np.errstate(over="ignore"):
            e = np.exp(z - z.max(axis=-1, keepdims=True))
        return e / e.sum(axis=-1, keepdims=True)
    with np.errstate(over="ignore"):
        e = np.exp(z - row_max(z))
    return e / row_sum(e)


def _leaky_relu(z):
    return np.where(z > 0, z, LEAK * z)


def _relu(z):
    return np.maximum(z, 0.0)


def _identity(z):
    return z


def sigmoid(z):
    """1 / (1 + exp(-z)) by scipy's expit: no overflow warning and no nan for any finite z (below about
    z = -709.8 exp(-z) overflows inside it and it returns exactly 0). Lesson 3."""
    return expit(_real(z))


def tanh(z):
    """tanh z. Lesson 5."""
    return np.tanh(_real(z))


def relu(z):
    """max(z, 0). Lesson 7."""
    return _relu(_real(z))


def leaky_relu(z):
    """max(z, 0.01 z): relu with a small slope for z < 0, so a unit whose z is negative on every
    sample still gets a gradient (derived in lesson 7, 07_training; used in the playground)."""
    return _leaky_relu(_real(z))


def identity(z):
    """z itself, as a new array (regression outputs). Lesson 4."""
    return _real(z).copy()


def softmax(z):
    """Row-wise softmax of z (n, k) (or of one row (k,)): subtracts each row's max, so exp never
    overflows. For extreme finite rows such as [1e308, -1e308] the shifted value -inf gives 0. Lesson 5."""
    z = _real(z)
    if z.ndim not in (1, 2) or z.shape[-1] == 0:
        raise ValueError(f"z must have shape (k,) or (n, k) with k >= 1, got shape {z.shape}")
    if not np.all(np.isfinite(z)):
        raise ValueError("z must be finite, got NaN or inf")
    return _softmax(z)


ACTIVATIONS = {"sigmoid": expit, "tanh": np.tanh, "relu": _relu, "leaky_relu": _leaky_relu,
               "identity": _identity}


def _d_sigmoid(a):
    return a * (1.0 - a)


def _d_tanh(a):
    return 1.0 - a * a


def _d_relu(a):
    return (a > 0).astype(a.dtype)


def _d_leaky_relu(a):
    return np.where(a > 0, 1.0, LEAK)


def _d_identity(a):
    return np.ones_like(a)


# da/dz as a function of the output a.
DERIVATIVES = {"sigmoid": _d_sigmoid, "tanh": _d_tanh, "relu": _d_relu, "leaky_relu": _d_leaky_relu,
               "identity": _d_identity}

OUTPUTS = {"softmax": _softmax, "sigmoid": expit, "identity": _identity}
