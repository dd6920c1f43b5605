"""What a wrong array's numbers say, in plain words (plumbing for the exercise engine's comparisons, not lesson):
not finite, the transpose, the opposite sign, off by one, a constant factor (which slips give it; "N times the
expected one" for arrays of several entries only, one number only when exactly twice or half), a constant offset,
the relations of placement.py (a mask, entries moved or reordered, each entry a simple function of the expected),
rows that should differ, other random numbers; and what a wrong shape usually means."""
import numpy as np

from .placement import mask_words, order_words, relation_words, shift_words
from .tolerance import close

__all__ = ["fact_words", "factor_words", "pattern_words", "shape_words"]

_LOGS = {np.log(10): "a factor ln 10 = 2.303: log10 where the natural log belongs (or the reverse)?",
         np.log(2): "a factor ln 2 = 0.693: log2 where the natural log belongs (or the reverse)?"}


def factor_words(factor):
    """A constant factor between an answer and the expected value in words: which slips give it."""
    for log, words in _LOGS.items():
        if min(abs(factor - log), abs(factor - 1 / log)) < 1e-3:
            return words
    k = round(factor) if abs(factor) >= 1 else (round(1 / factor) if factor else 0)
    simple = k and abs((factor if abs(factor) >= 1 else 1 / factor) - k) < 1e-3 * abs(k)
    if not simple or abs(k) > 10:
        return f"{factor:.3g} times the expected one: a constant factor is off"
    sign = "minus " if k < 0 else ""
    k = abs(k)
    if abs(factor) >= 1:
        return (f"{sign}{k} times the expected one: a factor {k} too many, or a division by {k} missing (a sum where "
                f"a mean belongs, a forgotten 1/n, or the 1/2 of a square?)" + (" and a sign error" if sign else ""))
    part = "half (1/2)" if k == 2 else f"1/{k}"
    return (f"{sign}{part} of the expected one: a factor 1/{k} too many, or a factor {k} missing (a mean where a sum "
            f"belongs, an extra 1/n, or a 1/2 that should cancel a 2?)" + (" and a sign error" if sign else ""))


def _factor(got, want, atol):
    """The constant factor got / want, when there is one worth naming (several entries; or one entry that is not
    a whole number, exactly twice or half the expected), else None."""
    big = np.abs(want) > max(10 * atol, 1e-3 * float(np.max(np.abs(want))))
    whole = np.all(want == np.round(want))
    if not big.any() or (want.size == 1 and whole) or (want.size > 1 and big.sum() < 2):
        return None
    factor = float(np.median(got[big] / want[big]))
    if want.size == 1:               # one number: only an exact simple factor (2, 1/2, ...) means something
        k = round(factor) if abs(factor) >= 1 else (round(1 / factor) if factor else 0)
        exact = k and abs((factor if abs(factor) >= 1 else 1 / factor) - k) <= 1e-6 * abs(k)
        return factor if exact and abs(k) == 2 else None
    simple = factor and min(abs(factor - round(factor)), abs(1 / factor - round(1 / factor))) < 1e-4
    if not (simple or abs(factor - 1) > 0.05) or abs(factor - 1) <= 1e-3 or \
            not np.all(close(got, factor * want, 10 * atol, 1e-4)):
        return None
    return factor


def fact_words(got, want, atol, rtol):
    """The plain facts about a wrong array, kept even when a slip's hint explains it: the transpose, the
    opposite sign, off by one; else ''."""
    if got.ndim == 2 and got.shape[0] == got.shape[1] > 1 and np.all(close(got, want.T, atol, rtol)):
        return " (the transpose of the expected)"
    if np.any(np.abs(want) > atol) and np.all(close(got, -want, atol, rtol)):
        return (" (the opposite sign: every entry is minus the expected one; a sign error, such as a difference "
                "taken the other way round or a minus too many)")
    diff = got - want
    whole = np.all(want == np.round(want)) and np.all(got == np.round(got))
    if whole and np.all(diff == diff.flat[0]) and abs(diff.flat[0]) == 1:
        return " (off by one)"
    return ""


def pattern_words(got, want, atol, rtol):
    """A plain-words pattern in a wrong array: not finite, the transpose, a sign, off by one, a constant factor
    or offset, a mask, rows that should differ, how far."""
    if np.any(np.isinf(got)) and not np.any(np.isinf(want)):
        return (" (inf: a number grew past the largest float, about 1e308: an exp of a large number, or something "
                "that should stay bounded keeps growing)")
    if np.any(np.isnan(got)):
        return " (it holds nan: 0/0, inf - inf, inf / inf after an overflow, or the log of a negative number somewhere)"
    if not got.any():
        return " (all zeros)"
    if not want.any():
        return " (the expected is all zeros: nothing should be there yet)" if want.size > 1 else " (0 was expected)"
    fact = fact_words(got, want, atol, rtol)
    if fact:
        return fact
    diff = got - want
    off = np.max(np.abs(diff))
    if np.all(close(got, want, 1e-9, 1e-4)):
        return (f" (close but not exact: off by up to {off:.1g}, more than rounding error; an approximation "
                "such as finite differences, or a rounded constant?)")
    factor = _factor(got, want, atol)
    if factor is not None:
        if want.size > 1:
            return f" (every entry is {factor_words(factor)})"
        return (" (twice the expected: a factor 2 too many, or the 1/2 of a square missing?)" if abs(factor) > 1 else
                " (half the expected: a factor 1/2 too many, or a factor 2 missing?)")
    related = relation_words(got, want, atol, rtol)
    if related:
        return related
    if want.size > 1 and np.ptp(diff) <= 1e-6 * (1 + np.max(np.abs(want))) and abs(diff.flat[0]) > atol:
        return (f" (every entry is off by the same {diff.flat[0]:.3g}: a constant term missing or added, such as "
                "a bias or an offset?)")
    placed = mask_words(got, want, atol, rtol) or shift_words(got, want, atol, rtol) or \
        order_words(got, want, atol, rtol)
    if placed:
        return placed
    if got.ndim == 2 and got.shape[0] > 1 and np.all(got == got[0]) and not np.all(want == want[0]):
        return (" (every row is the same: a sum or mean over the samples, or over the wrong axis? each sample "
                "should keep its own row)")
    if want.size == 1 and np.all(close(got, want, 1e-9, 0.1)):
        return (f" (within 10% but not exact, off by up to {off:.1g}: a constant or a term slightly off, or an "
                "approximation stopped too early?)")
    if want.size >= 8 and np.std(want) > 0 and 0.7 < np.std(got) / np.std(want) < 1.4 and \
            not np.any(close(got, want, atol, rtol)):
        return (" (the same size but other numbers everywhere: another formula (a factor too many, a missing one?), "
                "or, where the exercise draws random numbers, another generator, seed or order of draws?)")
    wrong = int(np.sum(~close(got, want, atol, rtol)))
    if want.size > 1 and wrong < want.size:
        return f" ({wrong} of {want.size} entries differ, by up to {off:.1g}{_some_entries(got, want, atol, rtol)})"
    return f" (off by up to {off:.1g})"


def _some_entries(got, want, atol, rtol):
    """For an array right in some entries: what every entry that differs shares (the same factor or the same
    offset against the expected), else ''."""
    bad = ~close(got, want, atol, rtol)
    if bad.sum() < 2:
        return ""
    g, w = got[bad], want[bad]
    if np.all(np.abs(w) > 10 * atol):
        k = float(np.median(g / w))
        if abs(k - 1) > 1e-3 and np.all(close(g, k * w, 10 * atol, 1e-4)):
            return (f"; each of them is {k:.3g} times the expected one, the others are right: a factor applied to "
                    "some entries only, or missing from some?")
    d = g - w
    if np.ptp(d) <= 1e-6 * (1 + np.max(np.abs(w))):
        return (f"; each of them is off by the same {d[0]:.3g}, the others are right: a term added to some entries "
                "only, or missing from some?")
    return ""


def shape_words(got, want):
    """What a shape mismatch usually means, in words."""
    if got.ndim == want.ndim == 2 and got.shape[1] == want.shape[1] != want.shape[0]:
        return (f": {got.shape[0]} rows where {want.shape[0]} belong (a row for every sample, step or epoch: some "
                f"{'are missing, a loop stopped early?' if got.shape[0] < want.shape[0] else 'are extra'})")
    if got.ndim == want.ndim == 2 and got.shape != want.shape[::-1]:
        return (f": a matrix of shape {want.shape} is a product of a ({want.shape[0]}, k) and a (k, {want.shape[1]}) "
                "matrix: check which arrays are multiplied (with @, not added or multiplied entry by entry) and in "
                "what order")
    if want.ndim == 0 or want.size == 1:
        return f": one number was expected, you returned {got.size} (an array where a number belongs)"
    if got.size == 1:
        return ": an array was expected, you returned one number (summed or averaged away every entry?)"
    if got.ndim == 2 and got.shape == want.shape[::-1]:
        return ": rows and columns are swapped (a transpose, or the factors of a product in the wrong order?)"
    if got.ndim < want.ndim or got.ndim == want.ndim == 1:
        return ": summed or averaged over the wrong axis (or over one axis too many)?"
    if got.ndim > want.ndim:
        return ": a sum or mean over an axis is missing?"
    return ""

