"""Numerical gradient checking (plumbing; the idea is lesson 3, 03_backprop).

    df/dx_i  ~  (f(x + h e_i) - f(x - h e_i)) / (2 h)          (central difference)
    rel_error(a, b) = ||a - b|| / (||a|| + ||b||)                 (0 when equal, 1 when opposite)
"""
import numpy as np


def numerical_gradient(f, x, h=1e-5):
    """Central-difference gradient of a scalar function f() with respect to array x.

    `x` is changed in place and restored, so f may read it through a closure
    (as with a network's weights). Returns an array shaped like x.
    """
    x = np.asarray(x)
    if not np.issubdtype(x.dtype, np.floating):
        raise TypeError(f"x must be a float array, got dtype {x.dtype}")
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):  # index x itself: reshape(-1) would copy a non-contiguous view
        old = x[i]
        x[i] = old + h
        plus = float(f())
        x[i] = old - h
        minus = float(f())
        x[i] = old
        grad[i] = (plus - minus) / (2 * h)
    return grad


def rel_error(a, b):
    """Relative error ||a - b|| / (||a|| + ||b||) between two arrays: 0 when equal, ~1 when unrelated.

    Norms, not elementwise ratios, so a tiny gradient entry cannot blow the error up.
    A NaN or inf in either array gives inf (never a passing check).
    """
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if a.shape != b.shape:
        raise ValueError(f"shapes differ: {a.shape} vs {b.shape}")
    if a.size == 0:
        return 0.0
    if not (np.all(np.isfinite(a)) and np.all(np.isfinite(b))):
        return float("inf")
    denom = np.linalg.norm(a) + np.linalg.norm(b)
    return float(np.linalg.norm(a - b) / denom) if denom > 0 else 0.0


def gradcheck(f, x, analytic, h=1e-5):
    """Relative error between `analytic` and the numerical gradient of f() at x.

    `f` takes no arguments and reads x (changed in place, restored); for a
    function of x itself use `gradcheck(lambda: g(x), x, dg)`. Below ~1e-7 the
    analytic gradient is right; above ~1e-3 it is almost surely wrong.
    """
    return rel_error(analytic, numerical_gradient(f, x, h))
