"""Numerical gradient checking (plumbing; the idea is lesson 4, 04_backprop).

    df/dx_i  ~  (f(x + h e_i) - f(x - h e_i)) / (2 h)          (central difference)
    rel_error(a, b) = ||a - b|| / (||a|| + ||b||)                 (0 when equal, 1 when opposite)
"""
import numpy as np

from .validation import function, in_range, real_array

ARRAY = "an array of numbers"


def numerical_gradient(f, x, h=1e-5):
    """Central-difference gradient of a scalar function f() with respect to array x (lesson 4).

    `x` is changed in place and restored (also when f raises), so f may read it through a
    closure (as with a network's weights): it must be a writeable float numpy array, not a
    list (np.asarray would copy a list, and f would never see the change). Returns an array
    shaped like x.
    """
    function(f, "f")
    h = in_range(h, "h", 0, 1, low_open=True)
    if not isinstance(x, np.ndarray):
        raise TypeError(f"x must be the float array that f reads (e.g. np.array(...)); a {type(x).__name__} "
                        f"would be copied and f would never see the change, got {x!r:.60}")
    if x.dtype not in (np.float32, np.float64):
        raise TypeError(f"x must be a float32 or float64 array (h={h!r} needs the precision), got dtype {x.dtype}")
    if not x.flags.writeable:
        raise ValueError("x must be writeable: numerical_gradient changes it in place (and restores it)")
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):  # index x itself: reshape(-1) would copy a non-contiguous view
        old = x[i]
        try:
            x[i] = old + h
            plus = _value(f)
            x[i] = old - h
            minus = _value(f)
        finally:
            x[i] = old
        grad[i] = (plus - minus) / (2 * h)
    return grad


def _value(f):
    """f() as one float, or a TypeError saying what f returned instead."""
    out = f()
    try:
        return float(np.asarray(out, dtype=float).reshape(()))
    except (TypeError, ValueError):
        raise TypeError(f"f must return one number, got {out!r:.60}") from None


def rel_error(a, b):
    """Relative error ||a - b|| / (||a|| + ||b||) between two arrays: 0 when equal, ~1 when unrelated
    (lesson 4).

    Norms, not elementwise ratios, so a tiny gradient entry cannot blow the error up; both arrays
    are first divided by their largest entry, so values near 1e308 do not overflow.
    A NaN or inf in either array gives inf (never a passing check).
    """
    a, b = real_array(a, "a", what=ARRAY), real_array(b, "b", what=ARRAY)
    if a.shape != b.shape:
        raise ValueError(f"a and b must have the same shape, got {a.shape} and {b.shape}")
    if a.size == 0:
        return 0.0
    if not (np.all(np.isfinite(a)) and np.all(np.isfinite(b))):
        return float("inf")
    scale = max(np.abs(a).max(), np.abs(b).max())
    if scale == 0:
        return 0.0
    a, b = a / scale, b / scale
    return float(np.linalg.norm(a - b) / (np.linalg.norm(a) + np.linalg.norm(b)))


def gradcheck(f, x, analytic, h=1e-5):
    """Relative error between `analytic` and the numerical gradient of f() at x (lesson 4).

    `f` takes no arguments and reads x (changed in place, restored); for a
    function of x itself use `gradcheck(lambda: g(x), x, dg)`. Below ~1e-7 the
    analytic gradient is right; above ~1e-3 it is almost surely wrong.
    """
    numeric = numerical_gradient(f, x, h)
    analytic = real_array(analytic, "analytic", what=ARRAY)
    if analytic.shape != numeric.shape:
        raise ValueError(f"analytic must have x's shape {numeric.shape}, got {analytic.shape}")
    return rel_error(analytic, numeric)
