"""The exercise engine's comparisons (plumbing, not lesson): the tolerance policy and how values are shown.

A number `got` matches `want` when |got - want| <= atol + rtol * |want|, entry by entry (atol = rtol = 1e-6
unless a check says otherwise; NaN matches NaN, so a slip that yields NaN is recognised); shapes must match
exactly, except that a one-entry array matches a scalar.
"""
import numpy as np

ATOL = 1e-6
RTOL = 1e-6
SHOWN = 12            # arrays with at most this many entries are printed in full


def close(got, want, atol=ATOL, rtol=RTOL):
    """The tolerance policy, entry by entry: |got - want| <= atol + rtol * |want| (NaN matches only NaN,
    an infinity only the same infinity)."""
    got, want = np.asarray(got, dtype=float), np.asarray(want, dtype=float)
    with np.errstate(invalid="ignore"):
        near = (np.abs(got - want) <= atol + rtol * np.abs(want)) & np.isfinite(want)
    return near | (got == want) | (np.isnan(got) & np.isnan(want))


def _entries(a):
    """Nested lists of an array's entries, each to 6 significant digits: [[0.5, -1], [2, 0.25]]."""
    if a.ndim == 0:
        return "nan" if np.isnan(a) else f"{float(a) + 0.0:.6g}"
    return "[" + ", ".join(_entries(row) for row in a) + "]"


def show(value):
    """A value as a message shows it: small arrays in full on one line, large ones by shape."""
    if callable(value):
        name = getattr(value, "__name__", "<")
        return "a function" if name.startswith("<") else name
    if isinstance(value, (bool, np.bool_, int, np.integer, str)):
        return repr(value.item() if isinstance(value, np.generic) else value)
    try:
        a = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        return f"{value!r:.60}"
    if a.size > SHOWN:
        return f"an array of shape {a.shape}"
    return "(" + _entries(a)[1:-1] + ")" if isinstance(value, tuple) and a.ndim == 1 else _entries(a)


def _pattern(got, want, atol, rtol):
    """A plain-words pattern in a wrong array: not finite, the transpose, a constant factor, how far off."""
    if not np.all(np.isfinite(got)):
        return " (it holds nan or inf)"
    if got.ndim == 2 and got.shape[0] == got.shape[1] > 1 and np.all(close(got, want.T, atol, rtol)):
        return " (the transpose of the expected)"
    if not got.any():
        return " (all zeros)"
    big = np.abs(want) > 1e3 * atol
    if big.any():
        factor = float(np.median(got[big] / want[big]))
        whole = min(abs(factor - round(factor)), abs(1 / factor - round(1 / factor))) < 1e-4 if factor else False
        if (big.sum() > 1 or whole) and abs(factor - 1) > 1e-3 and np.all(close(got, factor * want, 10 * atol, 1e-4)):
            return f" (every entry is {factor:.3g} times the expected one)"
    return f" (off by up to {np.max(np.abs(got - want)):.1g})"


def _worst(got, want):
    """For a large array: the entry furthest from the expected one, as 'expected [i, j] = a, got b'."""
    i = np.unravel_index(int(np.argmax(np.abs(got - want))), want.shape)
    where = ", ".join(str(int(j)) for j in i)
    return f"expected [{where}] = {want[i]:.6g}, got {got[i]:.6g}"


def differs(label, got, want, atol=ATOL, rtol=RTOL):
    """What is wrong with one result `got` against `want` (shape, then values), or None."""
    try:
        got = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return f"{label} should be numbers, got {got!r:.60}"
    want = np.asarray(want, dtype=float)
    if got.size == 1 and want.size == 1:
        got = got.reshape(want.shape)
    if got.shape != want.shape:
        return f"{label} should have shape {want.shape}, got shape {got.shape}"
    if np.all(close(got, want, atol, rtol)):
        return None
    if want.size > SHOWN:
        return f"{label} ({want.shape}): {_worst(got, want)}{_pattern(got, want, atol, rtol)}"
    return f"{label}: expected {show(want)}, got {show(got)}{_pattern(got, want, atol, rtol)}"


def compare(got, want, outputs, atol=ATOL, rtol=RTOL):
    """None when `got` matches `want` (a tuple when there are several `outputs`), else what differs."""
    if got is None:
        return "it returned None; did you forget `return`?"
    if len(outputs) == 1:
        return differs(outputs[0], got, want, atol, rtol)
    if not isinstance(got, (tuple, list)) or len(got) != len(outputs):
        shown = f"{len(got)} results" if isinstance(got, (tuple, list)) else show(got)
        return f"expected {len(outputs)} results ({', '.join(outputs)}), got {shown}"
    for label, g, w in zip(outputs, got, want):
        problem = differs(label, g, w, atol, rtol)
        if problem is not None:
            return problem
    return None
