"""Inverted dropout (derived in lesson 9, 09_generalisation).

During training each hidden unit is kept with probability 1 - rate and its output divided by
1 - rate, so a unit's expected output is unchanged and prediction needs no rescaling (dropout is
simply off). With a mask M drawn once per batch (entries 0 or 1 / (1 - rate)):

    forward   a_dropped = a * M
    backward  da = da_dropped * M          (the mask is a constant: the same entries pass back)

Shapes: a, M (n, units). `mask` draws from a np.random.Generator; MLP.fit draws from its `seed`.
"""
import decimal
import numbers

import numpy as np

from .validation import affordable, in_range, real_array


def mask(rng, shape, rate):
    """A dropout mask of `shape`: 0 with probability `rate`, else 1 / (1 - rate). Lesson 9."""
    if not isinstance(rng, np.random.Generator):
        raise TypeError(f"rng must be a np.random.Generator (np.random.default_rng(seed)), got {rng!r:.60}")
    rate = in_range(rate, "rate", 0, 1, high_open=True)
    if (not isinstance(shape, tuple) or len(shape) != 2
            or not all(isinstance(s, numbers.Integral) and not isinstance(s, bool) and s >= 1 for s in shape)):
        raise ValueError(f"shape must be a pair of integers >= 1 (n, units), got {shape!r:.60}")
    affordable(shape[0] * shape[1], "shape", shape)
    return (rng.random(shape) >= rate) / (1.0 - rate)


def forward(a, M):
    """a * M: the layer's outputs with the dropped units zeroed and the kept ones scaled. Lesson 9."""
    a, M = _pair(a, M, "a")
    return a * M


def backward(da, M):
    """da * M: the gradient reaches only the units that were kept, scaled the same way. Lesson 9."""
    da, M = _pair(da, M, "da")
    return da * M


def _pair(x, M, name):
    x, M = real_array(x, name), real_array(M, "M")
    if x.shape != M.shape:
        raise ValueError(f"{name} and M must have the same shape, got {x.shape} and {M.shape}")
    return x, M


def rates(dropout, n_hidden):
    """One dropout rate per hidden layer from a rate or a list of rates (None: no dropout). Lesson 9."""
    in_range(n_hidden, "n_hidden", 0, 10**6, integer=True)
    if dropout is None:
        return None
    if isinstance(dropout, (numbers.Number, decimal.Decimal)) or isinstance(dropout, np.ndarray) and dropout.ndim == 0:
        dropout = in_range(dropout, "dropout", 0, 1, high_open=True)
        if dropout and not n_hidden:
            raise ValueError(f"dropout={dropout!r} must be 0 or None: this network has no hidden layer to drop "
                             "units from")
        dropout = [dropout] * n_hidden
    if isinstance(dropout, (str, bytes, dict, set)) or not hasattr(dropout, "__len__") or len(dropout) != n_hidden:
        raise ValueError(f"dropout must be a rate in [0, 1) or a list of {n_hidden} rates (one per hidden layer), "
                         f"got {dropout!r:.60}")
    out = [float(in_range(r, f"dropout[{i}]", 0, 1, high_open=True)) for i, r in enumerate(dropout)]
    return out if any(out) else None
