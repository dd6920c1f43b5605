"""Reading a predicted number, and telling in words how a wrong one relates to the answer (plumbing for
predict.py, not lesson): the opposite sign, off by one, not a whole number, a square or square root, 1 over it or
1 minus it, a log in another base; of several numbers, which are wrong, or that the right ones come in another
order or grouping. Never the answer itself, nor one step of arithmetic from it, nor which way it lies (a student
told "too low" can bisect to it).
"""
import decimal
import numbers

import numpy as np

from .compare import show


def as_real(value):
    """A prediction as a float when it is one real number (int, float, Fraction, Decimal, a numpy scalar,
    a 0-d or one-entry array), else None."""
    if isinstance(value, (bool, np.bool_)):
        return None
    if isinstance(value, (numbers.Real, decimal.Decimal, np.integer, np.floating)):
        return float(value)
    if isinstance(value, np.ndarray) and value.size == 1 and value.dtype.kind in "iuf":
        return float(value.reshape(()))
    return None


def as_reals(values, size):
    """A prediction as `size` floats when it is a sequence or 1-d array of real numbers, else None."""
    if isinstance(values, np.ndarray):
        values = list(values) if values.ndim == 1 else None
    if not isinstance(values, (tuple, list)) or len(values) != size:
        return None
    out = [as_real(v) for v in values]
    return None if any(v is None for v in out) else out


def plain_text(text):
    """An option as compared: lower case, without spaces ("x1_sq,x2_sq" is "x1_sq, x2_sq")."""
    return "".join(text.lower().split())


def margin(tol, truth):
    """The absolute margin of a numeric prediction: `tol`, and at least a millionth of the truth (so
    164.0000001 counts as 164)."""
    return max(tol, 1e-6 * max(1.0, abs(float(truth))))


_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}


def _given(prediction):
    """How many numbers a prediction holds (one real, or a flat sequence of reals), else None."""
    if as_real(prediction) is not None:
        return 1
    size = len(prediction) if isinstance(prediction, (tuple, list)) or (
        isinstance(prediction, np.ndarray) and prediction.ndim == 1) else None
    return size if size and as_reals(prediction, size) is not None else None


def several(prediction):
    """For a choice: why one option, when a sequence of several was given; else ""."""
    if not isinstance(prediction, (tuple, list, np.ndarray)) or np.size(prediction) < 2:
        return ""
    return (" (several answers given: the question asks which one holds, so choose the single option you "
            "expect, not every candidate)")


def count_problem(prediction, n):
    """What is wrong with a prediction of several numbers that holds none, too few or too many of them."""
    example = tuple(range(3, 3 + n))
    many = f"{_WORDS.get(n, n)} numbers" + (" (a pair)" if n == 2 else "")
    problem = f"predict {many}: a tuple, a list or an array, such as {example}; got {show(prediction)}"
    given = _given(prediction)
    if given is not None and given < n:
        every = "both" if n == 2 else f"all {_WORDS.get(n, n)}"
        problem += (f"; that is {_WORDS.get(given, given)} where the prompt asks for {every}, one for every "
                    "number it names, in the order it lists them")
    elif given is not None and given > n:
        problem += f"; that is {_WORDS.get(given, given)}, more than the prompt asks for"
    return problem


def _regrouped(values, truth, tol):
    """"a x b" when the prediction is the truth's numbers grouped the other way round (read as an a-by-b table,
    listed column by column instead of row by row), else None."""
    n = len(truth)
    for a in range(2, n // 2 + 1):
        if n % a or n // a < 2:
            continue
        table = np.array(truth, dtype=float).reshape(a, n // a)
        if all(abs(v - t) <= margin(tol, t) for v, t in zip(values, table.T.ravel())):
            return f"{a} x {n // a}"
    return None


def _fact(value, truth, tol=0.0):
    """The plain fact relating a wrong number to the answer, when there is one: the opposite sign (minus the
    answer), or, for whole numbers from 2 up, off by one, without the direction (1 for 2 is as much a factor 2);
    else ""."""
    if value is None or not truth or not value:
        return ""
    if abs(value + truth) <= margin(tol, truth):
        return ": the opposite sign"
    whole = value == round(value) and truth == round(truth)
    if whole and abs(value - truth) == 1 and min(abs(value), abs(truth)) >= 2:
        return ": off by one (where does your count start, and where does it stop?)"
    return ""


def _how_far(value, truth, tol):
    """How a wrong number relates to the answer, in words, without telling the answer or which way it lies (a
    student told "too low" can bisect to the answer without deriving it): sign, off by one, a square, a fraction
    upside down, a log's base (a diagnosis) when there is one, else nothing."""
    if _fact(value, truth, tol) or value is None or not truth:
        return _fact(value, truth, tol)
    if not value:
        return ""
    if value * truth < 0:
        return ": the wrong sign, and another size"
    if truth == round(truth) and value != round(value) and abs(truth) < 1e6:
        return ": the answer is a whole number (a count); yours is not"
    if truth > 0 and (abs(value - truth ** 0.5) <= margin(tol, truth) or abs(value ** 2 - truth) <= 1e-6 * truth):
        return ": a square missing, or a standard deviation where a variance belongs?"
    if truth > 0 and abs(value - truth ** 2) <= margin(tol, truth ** 2):
        return ": a square too many, or a variance where a standard deviation belongs?"
    if abs(value * truth - 1) <= 1e-3 and abs(truth - 1) > 1e-3:
        return ": a fraction upside down, or a division the wrong way round?"
    if 0 < truth < 1 and abs(value - (1 - truth)) <= margin(tol, truth) and abs(truth - 0.5) > margin(tol, truth):
        return ": the complement, the other outcome's share or probability?"
    ratio = value / truth
    for log, name in ((np.log(10), "ln 10 = 2.303: log10 where the natural log belongs, or the reverse?"),
                      (np.log(2), "ln 2 = 0.693: log2 where the natural log belongs, or the reverse?")):
        if min(abs(ratio - log), abs(ratio - 1 / log)) <= 0.01 * log:
            return f": off by a factor {name}"
    return ""            # no "k times the answer" (one division from it) and no direction (a bisection)


def told(value, truth, tol, words=True, near=True):
    """How one wrong number relates to its answer: `_how_far` (words) or the plain fact alone; near=False, nothing
    for a whole number one from its answer."""
    told = (_how_far if words else _fact)(value, truth, tol)
    return "" if not near and told.startswith(": off by one") else told


def tuple_words(values, truth, tol, words=True, near=True):
    """Which of several predicted numbers are wrong, and how (the right numbers in another order, or each
    wrong one told like a single number; with words=False, which ones, with the plain facts alone; near=False,
    nothing for a whole number one from its answer)."""
    ok = [abs(v - t) <= margin(tol, t) for v, t in zip(values, truth)]
    if all(abs(v - t) <= margin(tol, t) for v, t in zip(sorted(values), sorted(truth))):
        off = [i + 1 for i, good in enumerate(ok) if not good]
        if _regrouped(values, truth, tol):
            return (": the right numbers, grouped the other way round: the prompt's order keeps together "
                    "the numbers of one case (or of one quantity); follow the order it lists them in")
        pair = len(off) == 2 and abs(values[off[0] - 1] - truth[off[1] - 1]) <= margin(tol, truth[off[1] - 1])
        if pair:
            return ": the right numbers, but two of them are swapped (which quantity does each place ask for?)"
        return ": the right numbers, in another order (which quantity does each place ask for?)"
    wrong = [f"number {i + 1} ({show(v)}{told(v, t, tol, words, near)})"
             for i, (v, t, good) in enumerate(zip(values, truth, ok)) if not good]
    return f"; wrong: {'; '.join(wrong)}"
