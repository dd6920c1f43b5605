"""Input checks for nnlib's public entry points: the one validator module (plumbing, not lesson).

Every message names the argument and shows the bad value, so a learner sees
`ValueError: lr must be > 0, got -0.1` instead of a numpy traceback.
"""
import numbers

import numpy as np


def _show(value, limit=60):
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def as_features(X, name="X", n_features=None):
    """Return X as a finite float array of shape (n, d); raise a clear error otherwise."""
    if isinstance(X, (str, bytes)) or X is None:
        raise TypeError(f"{name} must be an array of numbers, got {_show(X)}")
    try:
        raw = np.asarray(X)
        complex_ = raw.dtype.kind == "c"  # float() would drop the imaginary part with a warning
        arr = None if complex_ else raw.astype(float)
    except (TypeError, ValueError):  # ragged lists, None, text that is not a number
        raise TypeError(f"{name} must be an array of numbers, got {_show(X)}") from None
    if complex_:
        raise TypeError(f"{name} must be real, got complex values {_show(X)}")
    if arr.ndim == 1 and n_features is not None and arr.shape[0] == n_features:
        arr = arr[None, :]
    if arr.ndim != 2:
        raise ValueError(f"{name} must be 2-D with shape (n_samples, n_features), got shape {arr.shape}")
    if arr.shape[0] == 0:
        raise ValueError(f"{name} must hold at least one sample, got shape {arr.shape}")
    if n_features is not None and arr.shape[1] != n_features:
        raise ValueError(f"{name} must have {n_features} features (columns), got shape {arr.shape}")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must be finite, got NaN or inf at rows {np.unique(np.nonzero(~np.isfinite(arr))[0])[:5].tolist()}")
    return arr


def as_labels(y, n, name="y", n_classes=None):
    """Return integer class labels of shape (n,); raise a clear error otherwise."""
    try:
        arr = np.asarray(y)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be an array of integer labels, got {_show(y)}") from None
    if arr.ndim == 2 and arr.shape[1] == 1:
        arr = arr[:, 0]
    if arr.ndim != 1 or arr.shape[0] != n:
        raise ValueError(f"{name} must have shape ({n},) to match X, got shape {arr.shape}")
    if arr.dtype.kind == "f":
        if not np.all(np.isfinite(arr)):
            raise ValueError(f"{name} must be finite, got {_show(arr[~np.isfinite(arr)][:3])}")
        if not np.all(arr == np.round(arr)):
            raise ValueError(f"{name} must hold integer class labels, got {_show(arr[arr != np.round(arr)][:3])}")
    elif arr.dtype.kind not in "iub":
        raise TypeError(f"{name} must hold integer class labels, got dtype {arr.dtype}")
    arr = arr.astype(np.intp)
    if n_classes is not None:
        bad = arr[(arr < 0) | (arr >= n_classes)]
        if bad.size:
            raise ValueError(f"{name} must hold labels in 0..{n_classes - 1}, got {_show(np.unique(bad)[:5].tolist())}")
    return arr


def positive(value, name, integer=False, minimum=None):
    """Check a positive number (int when integer=True); return it."""
    kind = numbers.Integral if integer else numbers.Real
    if isinstance(value, bool) or not isinstance(value, kind):
        raise TypeError(f"{name} must be {'an integer' if integer else 'a number'}, got {_show(value)}")
    if not np.isfinite(value):
        raise ValueError(f"{name} must be finite, got {_show(value)}")
    if minimum is None and not value > 0:
        raise ValueError(f"{name} must be > 0, got {_show(value)}")
    if minimum is not None and value < minimum:
        raise ValueError(f"{name} must be >= {minimum}, got {_show(value)}")
    return value


def choice(value, name, options):
    """Check that value is one of options (a dict or a sequence of names); return it."""
    if not isinstance(value, str) or value not in options:
        raise ValueError(f"{name} must be one of {sorted(options)}, got {_show(value)}")
    return value
