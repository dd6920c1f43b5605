"""Input checks for nnlib's public entry points: the one validator module (plumbing, not lesson).

Every message names the argument and shows the bad value, so a learner sees
`ValueError: lr must be > 0, got -0.1` instead of a numpy traceback.

    real_array(x, name, finite, what)   the one converter: a float array, no text/objects/complex
    as_features(X, name, n_features)   finite float array (n, d)
    as_labels(y, n, name, n_classes)   integer labels (n,)
    number(value, name, integer)       a real number of any numeric type as a float (int when integer)
    positive(value, name, integer, minimum)   a finite number > 0 (or >= minimum); returns it as number()
    choice(value, name, options)       one of a table's names
    seed(value, name, maximum)         None, or an int >= 0 (numpy integers too); returns int or None
    in_range(value, name, low, high, low_open, high_open, integer)   a finite number in [low, high]
                                       (an open end excludes it; None: unbounded); returns it as number()
    boolean(value, name)               True/False (numpy bools too); returns a bool
    function(value, name)              a callable; returns it
    affordable(n_values, name, value)  refuses an array of n_values floats needing more than
                                       MAX_GIB GiB, before numpy tries to allocate it
    layer_sizes(value, name)           a network's sizes: a list of >= 2 ints >= 1 (not a set)
    network_input(X, sizes, name)      samples (n, sizes[0]) whose pass through the network fits in memory
"""
import decimal
import numbers

import numpy as np


def _show(value, limit=60):
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _finite(value):
    """math.isfinite for any real number (a Python int too large for a float is finite)."""
    return isinstance(value, numbers.Integral) or bool(np.isfinite(float(value)))


def _scalar(value):
    """A 0-d numeric array's number (np.array(0.5) -> 0.5); anything else as it is."""
    if isinstance(value, np.ndarray) and value.ndim == 0 and value.dtype.kind in "biuf":
        return value[()]
    return value


def number(value, name, integer=False):
    """A real number of any numeric type (int, float, Fraction, Decimal, numpy scalars, 0-d arrays)
    as a float, or as an int when integer=True (then only integer types). bool is refused: True as a
    learning rate or a count is a slip, not a number. NaN and inf come back as floats (the callers
    say what range they need); an int too large for a float raises ValueError."""
    value = _scalar(value)
    kind = numbers.Integral if integer else (numbers.Real, decimal.Decimal)
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, kind):
        raise TypeError(f"{name} must be {'an integer' if integer else 'a number'}, got {_show(value)}")
    if integer:
        return int(value)
    try:
        return float(value)
    except (OverflowError, ValueError):  # 10**400; Decimal("sNaN")
        raise ValueError(f"{name} must be a finite number a float can hold, got {_show(value)}") from None


def real_array(x, name, finite=False, what="a number or an array of numbers", none_is_nan=False):
    """x as a float array (a number becomes a 0-d array): nnlib's one converter for arrays of numbers.
    Text, None, ragged lists, objects and complex numbers are refused (TypeError naming `name`; `what`
    says what was wanted), and NaN or inf too when finite=True (ValueError). none_is_nan: a None inside
    the array is a missing value, NaN, for a caller that then says where its NaNs are."""
    if isinstance(x, (str, bytes)) or x is None:
        raise TypeError(f"{name} must be {what}, got {_show(x)}")
    try:
        raw = np.asarray(x)
        kind = raw.dtype.kind
    except (TypeError, ValueError):  # ragged
        raw, kind = None, "X"
    numeric = (numbers.Real, decimal.Decimal, type(None)) if none_is_nan else (numbers.Real, decimal.Decimal)
    if kind == "O" and raw.size and all(isinstance(v, numeric) for v in raw.flat):
        kind = "f"  # Fractions, Decimals: numbers in an object array
    if kind == "c":  # astype(float) would drop the imaginary part with a warning
        raise TypeError(f"{name} must be real, got complex values {_show(x)}")
    if kind not in "biuf":
        raise TypeError(f"{name} must be {what}, got {_show(x)}")
    try:
        arr = raw.astype(float)
    except (OverflowError, ValueError):  # 10**400, Decimal("sNaN") in an object array
        raise ValueError(f"{name} must hold numbers a float can hold, got {_show(x)}") from None
    if finite and not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must be finite, got NaN or inf")
    return arr


def as_features(X, name="X", n_features=None):
    """Return X as a finite float array of shape (n, d); raise a clear error otherwise."""
    arr = real_array(X, name, what="an array of numbers", none_is_nan=True)
    if arr.ndim == 1 and n_features is not None and arr.shape[0] == n_features:
        arr = arr[None, :]
    if arr.ndim != 2:
        raise ValueError(f"{name} must be 2-D with shape (n_samples, n_features), got shape {arr.shape}")
    if arr.shape[0] == 0:
        raise ValueError(f"{name} must hold at least one sample, got shape {arr.shape}")
    if n_features is not None and arr.shape[1] != n_features:
        raise ValueError(f"{name} must have {n_features} features (columns), got shape {arr.shape}")
    if not np.all(np.isfinite(arr)):
        rows = np.unique(np.nonzero(~np.isfinite(arr))[0])[:5].tolist()
        raise ValueError(f"{name} must be finite, got NaN or inf at rows {rows}")
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
    """Check a positive number (int when integer=True); return it as number() does (a float, or an int)."""
    x = number(value, name, integer)
    if not _finite(x):
        raise ValueError(f"{name} must be finite, got {_show(value)}")
    if minimum is None and not x > 0:
        raise ValueError(f"{name} must be > 0, got {_show(value)}")
    if minimum is not None and x < minimum:
        raise ValueError(f"{name} must be >= {minimum}, got {_show(value)}")
    return x


def choice(value, name, options):
    """Check that value is one of options (a dict or a sequence of names); return it."""
    if not isinstance(value, str) or value not in options:
        raise ValueError(f"{name} must be one of {sorted(options)}, got {_show(value)}")
    return value


MAX_GIB = 2.0  # the largest array (in GiB of float64) a public function agrees to build


def seed(value, name="seed", maximum=None):
    """Check a seed: None, or an integer >= 0 (bool refused; numpy integers accepted); return int or None."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer >= 0 or None, got {_show(value)}")
    if value < 0 or (maximum is not None and value > maximum):
        allowed = ">= 0" if maximum is None else f"between 0 and {maximum}"
        raise ValueError(f"{name} must be an integer {allowed} or None, got {_show(value)}")
    return int(value)


def _interval(low, high, low_open, high_open):
    left = "(" if low_open or low is None else "["
    right = ")" if high_open or high is None else "]"
    return f"{left}{'-inf' if low is None else low}, {'inf' if high is None else high}{right}"


def in_range(value, name, low=None, high=None, low_open=False, high_open=False, integer=False):
    """Check a finite number (an integer when integer=True) in [low, high]; an open end excludes it,
    None leaves that side unbounded. Returns it as number() does (a float, or an int when integer=True).
    Example: in_range(mu, "mu", 0, 1, high_open=True)."""
    x = number(value, name, integer)
    span = _interval(low, high, low_open, high_open)
    if not _finite(x):
        raise ValueError(f"{name} must be a finite number in {span}, got {_show(value)}")
    below = low is not None and (x <= low if low_open else x < low)
    above = high is not None and (x >= high if high_open else x > high)
    if below or above:
        raise ValueError(f"{name} must be in {span}, got {_show(value)}")
    return x


def on_steps(value, low, step):
    """Whether value is low + k * step for a whole k (to 1e-9 of a step): the positions a slider can
    show. The browser moves any other value onto them as soon as it shows the slider."""
    k = (value - low) / step
    return abs(k - round(k)) <= 1e-9


def boolean(value, name):
    """Check True or False (numpy bools too; 0/1 and strings refused); return a bool."""
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be True or False, got {_show(value)}")
    return bool(value)


def function(value, name):
    """Check a callable; return it."""
    if not callable(value):
        raise TypeError(f"{name} must be a function, got {_show(value)}")
    return value


def affordable(n_values, name, value):
    """Refuse an array of n_values float64 numbers bigger than MAX_GIB GiB, naming the argument and value."""
    if n_values * 8 > MAX_GIB * 2**30:
        gib = n_values * 8 // 2**30  # an int: a Python int of any size divides without overflow
        shown = f"{gib:.3g}" if gib < 10**300 else "more than 1e300"
        raise ValueError(f"{name}={_show(value)} would need {shown} GiB of memory (the limit is {MAX_GIB:g} GiB)")


def layer_sizes(value, name="layer_sizes"):
    """Check a network's sizes: a list, tuple or 1-D array of at least 2 integers >= 1 (a set, whose
    order is arbitrary, is refused) whose weights fit in memory; return them as a list of ints."""
    if (not isinstance(value, (list, tuple, np.ndarray)) or isinstance(value, np.ndarray) and value.ndim != 1
            or len(value) < 2):
        raise ValueError(f"{name} must list at least 2 sizes (inputs, outputs) in a list, tuple or array, "
                         f"got {_show(value)}")
    for s in value:
        if isinstance(s, (bool, np.bool_)) or not isinstance(s, numbers.Integral) or s < 1:
            raise ValueError(f"{name} must be integers >= 1, got {_show(list(value), 80)}")
    sizes = [int(s) for s in value]
    affordable(sum(a * b for a, b in zip(sizes[:-1], sizes[1:])), name, sizes)
    return sizes


def network_input(X, sizes, name="X"):
    """Check the samples X (n, sizes[0]) for a network of these layer sizes (as_features), and that one
    pass through it (n * sum(sizes) numbers) fits in memory; return X as a float array."""
    if isinstance(X, np.ndarray) and X.ndim == 2:  # before as_features copies it (a broadcast view costs nothing)
        affordable(X.shape[0] * sum(sizes), f"{name} of shape {X.shape} through layer_sizes", sizes)
    X = as_features(X, name, n_features=sizes[0])
    affordable(X.shape[0] * sum(sizes), f"{name} of shape {X.shape} through layer_sizes", sizes)
    return X
