"""The exercise engine's comparisons (plumbing, not lesson): the tolerance policy and how values are shown.

A number `got` matches `want` when |got - want| <= atol + rtol * |want|, entry by entry (atol = rtol = 1e-6
unless a check says otherwise; NaN matches only NaN, so a slip that yields NaN is recognised; references are
computed in the library's pristine state, so a reference is NaN only where the maths says so); shapes must
match exactly, except that a one-entry array matches a scalar. Text is never a number: "0.3" is refused.
What differs is named in words where a pattern shows: a transpose, a swapped pair of results, a sum over the
wrong axis, a shape from the wrong product, the opposite sign, an off-by-one, a constant factor (which slips
give it; "N times the expected one" for arrays of several entries only, one number only when exactly twice or
half), a constant offset, a mask the wrong way round or not applied, entries one place off or in another order,
each entry the square, root, reciprocal or complement of the expected (placement.py), rows that should differ, a
step taken from an argument the wrong way, never taken or mis-sized, other random numbers, an overflow to inf.
"""
import numpy as np

from .placement import mask_words, order_words, relation_words, shift_words
from .tolerance import ATOL, RTOL, close

SHOWN = 12            # arrays with at most this many entries are printed in full


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
        if has_text(value):
            return f"{value!r:.60}"
        a = np.asarray(value, dtype=float)
    except Exception:  # noqa: BLE001 - any object a student returns can be shown somehow
        try:
            return f"{value!r:.60}"
        except Exception:  # noqa: BLE001
            return f"a {type(value).__name__}"
    if a.size > SHOWN:
        return f"an array of shape {a.shape}"
    return "(" + _entries(a)[1:-1] + ")" if isinstance(value, tuple) and a.ndim == 1 else _entries(a)


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


def _facts(got, want, atol, rtol):
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


def _pattern(got, want, atol, rtol):
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
    fact = _facts(got, want, atol, rtol)
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


def _shape_words(got, want):
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


def has_text(value):
    """Whether a value holds text where numbers belong ("0.3", ["1", "2"])."""
    if isinstance(value, (str, bytes, np.str_, np.bytes_)):
        return True
    if isinstance(value, np.ndarray):
        return value.dtype.kind in "USO" and (value.dtype.kind != "O" or any(has_text(v) for v in value.flat))
    if isinstance(value, (list, tuple)):
        return any(has_text(v) for v in value)
    return False


class Named(str):
    """An output's name with `where(index)`, which names an entry's place in words (a plain str: 'row i, column j')."""

    def __new__(cls, name, where):
        label = super().__new__(cls, name)
        label.where = where
        return label


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
            (_shape_words(got, want) if words or swapped else "")
    if np.all(close(got, want, atol, rtol)):
        return None
    pattern = (_pattern if words else _facts)(got, want, atol, rtol)
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
