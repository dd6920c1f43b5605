"""The exercise engine's comparisons (plumbing, not lesson): whether a result matches the expected one, and if not,
what differs.

A number `got` matches `want` when |got - want| <= atol + rtol * |want|, entry by entry (tolerance.py: atol = rtol =
1e-6 unless a check says otherwise; NaN matches only NaN, so a slip that yields NaN is recognised; references are
computed in the library's pristine state, so a reference is NaN only where the maths says so); shapes must match
exactly, except that a one-entry array matches a scalar. Text is never a number: "0.3" is refused. Values are shown
as shown.py shows them. A swapped pair of results is named here; what a wrong array or shape shows (a transpose, a
sum over the wrong axis, a shape from the wrong product, the opposite sign, an off-by-one, a constant factor or
offset, a mask, entries moved or reordered, rows that should differ, an overflow to inf) is named in words by
patterns.py and placement.py; a step taken from an argument the wrong way, never taken or mis-sized, by steps.py.
"""
import numpy as np

from .patterns import fact_words, pattern_words, shape_words
from .shown import SHOWN, Named, has_text, show
from .tolerance import ATOL, RTOL, close

# has_text, show, Named, ATOL, RTOL and close are imported from here by the lessons' checks and the engine
__all__ = ["ATOL", "NONE_RETURNED", "RTOL", "Named", "close", "compare", "differs", "has_text", "show"]


def _worst(got, want, label=""):
    """For a large array: the entry furthest from the expected one, as 'at row i, column j: expected a, got b'."""
    i = np.unravel_index(int(np.argmax(np.abs(got - want))), want.shape)
    names = ("row", "column") if want.ndim == 2 else ("index",) * want.ndim
    where = label.where(i) if isinstance(label, Named) else ", ".join(f"{name} {int(j)}" for name, j in zip(names, i))
    return f"the furthest entry is at {where}: expected {want[i]:.6g}, got {got[i]:.6g}"


def differs(label, got, want, atol=ATOL, rtol=RTOL, words=True):
    """What is wrong with one result `got` against `want` (shape, then values), or None; with words=False the
    numbers and the plain facts (a transpose, the opposite sign, off by one) alone, without the pattern guessed in
    words (a matched slip's hint explains instead)."""
    if has_text(got):
        return f"{label} should be numbers, not text: got {show(got)} (a string: drop the quotes)"
    try:
        got = np.asarray(got, dtype=float)
    except Exception:  # noqa: BLE001 - whatever the student returned
        return f"{label} should be numbers, got {show(got)}"
    want = np.asarray(want, dtype=float)
    if got.size == 1 and want.size == 1:
        got = got.reshape(want.shape)
    if got.shape != want.shape:
        swapped = got.ndim == 2 and got.shape == want.shape[::-1]
        return f"{label} should have shape {want.shape}, got shape {got.shape}" + \
            (shape_words(got, want) if words or swapped else "")
    if np.all(close(got, want, atol, rtol)):
        return None
    pattern = (pattern_words if words else fact_words)(got, want, atol, rtol)
    if want.size > SHOWN:
        return f"{label} ({want.shape}): {_worst(got, want, label)}{pattern}"
    return f"{label}: expected {show(want)}, got {show(got)}{pattern}"


def _swapped(got, want, outputs, atol, rtol):
    """'a and b are swapped' when two results come back in each other's places, else None."""
    n = len(outputs)
    for i in range(n):
        for j in range(i + 1, n):
            if differs("", got[i], want[i], atol, rtol) and not differs("", got[i], want[j], atol, rtol) and \
                    not differs("", got[j], want[i], atol, rtol):
                return (f"{outputs[i]} and {outputs[j]} are swapped: your function returns them in each other's "
                        f"places (the order is {', '.join(outputs)})")
    return None


NONE_RETURNED = ("it returned None: the function must end with `return` and its result (a `return None` left "
                 "from the stub, or a path that ends without `return`, gives None)")


def compare(got, want, outputs, atol=ATOL, rtol=RTOL, words=True):
    """None when `got` matches `want` (a tuple when there are several `outputs`), else what differs (with
    words=False: the numbers without a pattern guessed in words)."""
    if got is None:
        return NONE_RETURNED
    if len(outputs) == 1:
        return differs(outputs[0], got, want, atol, rtol, words)
    if not isinstance(got, (tuple, list)) or len(got) != len(outputs):
        shown = f"{len(got)} results" if isinstance(got, (tuple, list)) else f"one: {show(got)}"
        every = "both (a pair)" if len(outputs) == 2 else f"all {len(outputs)} (a tuple)"
        return f"expected {len(outputs)} results ({', '.join(outputs)}), got {shown}: return {every}"
    swapped = _swapped(got, want, outputs, atol, rtol)
    if swapped:
        return swapped
    for label, g, w in zip(outputs, got, want):
        problem = differs(label, g, w, atol, rtol, words)
        if problem is not None:
            return problem
    return None
