"""How a wrong array relates to the expected one (plumbing for every lesson's checks): right values masked the
wrong way, every entry moved one place along an axis (an index counted from 1 instead of 0), the right entries in
another order, or each entry a simple function of the expected (its square, square root, reciprocal, 1 minus)."""
import numpy as np

from .tolerance import close

__all__ = ["mask_words", "order_words", "relation_words", "shift_words"]

# got as a function of want, each with what usually produces it (checked in this order, all entries at once)
_RELATIONS = {
    "the square of the expected": (np.square, "a variance where a std belongs, or a square too many?"),
    "the square root of the expected": (np.sqrt, "a std where a variance belongs, or a square missing?"),
    "1 over the expected": (np.reciprocal, "a fraction upside down: a division the wrong way round?"),
    "1 minus the expected": (lambda w: 1 - w, "the complement: the other class's probability, or what is dropped "
                                              "where what is kept belongs (or the reverse)?"),
}


def mask_words(got, want, atol, rtol):
    """Words for an array right except where the expected is 0 (or the other way round), else ''."""
    zero_w, zero_g = np.abs(want) <= atol, np.abs(got) <= atol
    if want.size < 2 or not zero_w.any() or zero_w.all():
        return ""
    if np.array_equal(zero_g, ~zero_w):
        return (" (nonzero exactly where the expected is zero, and zero where it is not: a mask or comparison the "
                "wrong way round, keeping the negative side instead of the positive one?)")
    if np.all(close(got[~zero_w], want[~zero_w], atol, rtol)):
        return (" (right where the expected is nonzero, but not zero where the expected is zero: entries that "
                "should be masked to zero are not)")
    return ""


def _few_values(want):
    """True for an array of two kinds of value (labels, a 0/1 output): any rearrangement of it holds "the right
    entries", so an order or a shift found in a short one is chance, not a diagnosis."""
    return np.unique(want).size < 3


def shift_words(got, want, atol, rtol):
    """Words for an array that is the expected one with its entries moved one place along some axes, else ''."""
    if want.size < 2 or got.shape != want.shape or np.all(close(want, want.flat[0], atol, rtol)):
        return ""
    if _few_values(want) and want.size <= 8:
        return ""
    axes = [a for a in range(want.ndim) if want.shape[a] > 1]
    for shift in (1, -1):
        for chosen in _subsets(axes):
            if np.all(close(got, np.roll(want, shift, axis=chosen), atol, rtol)):
                return (" (every entry sits one place away from where it belongs: an index off by one, such as "
                        "labels or positions counted from 1 instead of 0, or a shift of the data?)")
    return ""


def _subsets(axes):
    """Every non-empty tuple of the given axes (arrays here have at most a few axes)."""
    out = [()]
    for a in axes:
        out += [s + (a,) for s in out]
    return [s for s in out if s]


def order_words(got, want, atol, rtol):
    """Words for an array holding the expected entries in another order (reversed, or shuffled), else ''."""
    if want.size < 2 or got.shape != want.shape or np.all(close(got, want, atol, rtol)):
        return ""
    if np.all(close(got, np.flip(want), atol, rtol)):
        return " (the expected entries in reverse order)"
    if not _few_values(want) and np.all(close(np.sort(got, axis=None), np.sort(want, axis=None), atol, rtol)):
        return (" (the right entries, but in the wrong places: an order mixed up, such as rows or columns swapped, "
                "sorted, or shuffled differently?)")
    return ""


def relation_words(got, want, atol, rtol):
    """Words for an array whose every entry is the same simple function of the expected one, else ''."""
    if np.all(close(got, want, atol, rtol)) or np.all(np.abs(want - 1) <= atol) or np.all(np.abs(want) <= atol):
        return ""
    with np.errstate(all="ignore"):
        for what, (fn, why) in _RELATIONS.items():
            if np.all(close(got, fn(want), atol, rtol)) and not np.all(close(fn(want), want, atol, rtol)):
                return f" ({what}: {why})"
    return ""
