"""Predict-then-run checks (plumbing, not lesson): a number, several numbers, or one of some options.

A prediction may be any real number (int, float, Fraction, Decimal, a numpy scalar, a 0-d array), several
numbers any sequence or 1-d array; text is refused with a clear reply. A numeric truth is matched within the
check's `tol`, and at least a millionth of it (164.0000001 counts as 164). A wrong number is told how it
relates to the answer, never the answer itself (the lesson's folded solution holds it, for a student who has
tried): the opposite sign, off by one, not a whole number, or too high or too low, with the likely cause when it
is the answer's square or square root, 1 over it or 1 minus it, or a log in another base (never "k times the
answer" nor "the square of the answer": one step of arithmetic from it); of several numbers, which are wrong (each
told so), or that the right ones come in another order. In graded use only which numbers are wrong. The truth is
computed in the library's pristine state, once there is a prediction.
"""
import decimal
import numbers

import numpy as np

from .compare import has_text, show
from .pristine import pristine
from .reply import NOT_ATTEMPTED, verdict
from .stubs import untouched


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


def _prediction_problem(prediction, truth, tol, options, words=True, near=True):
    """What is wrong with a prediction (a number, several numbers, or one of `options`), or None; words=False
    (a slip matched, its hint explains) keeps only the plain facts (the opposite sign, a swapped pair);
    near=False drops "off by one" (for a small count, one step from the answer names it; after a slip's hint, it
    would contradict the hint's own diagnosis)."""
    if isinstance(truth, str):
        if not isinstance(prediction, str) or plain_text(prediction) not in [plain_text(o) for o in options]:
            return f"choose one of {', '.join(repr(o) for o in options)}; got {show(prediction)}" + \
                _several(prediction)
        ok = plain_text(prediction) == plain_text(truth)
    elif isinstance(truth, tuple):
        values = as_reals(prediction, len(truth))
        if values is None:
            if has_text(prediction):
                return f"predict {len(truth)} numbers, not text: got {show(prediction)} (a string: drop the quotes)"
            return _count_problem(prediction, len(truth))
        if not all(np.isfinite(values)):
            return f"predict {len(truth)} finite numbers; got {show(prediction)} (nan or inf is no prediction)"
        ok = all(abs(p - float(t)) <= margin(tol, t) for p, t in zip(values, truth))
    else:
        value = as_real(prediction)
        if value is None:
            if has_text(prediction):
                return f"predict one number, not text: got {show(prediction)} (a string: drop the quotes)"
            if options and _several(prediction):
                listed = ", ".join(show(o) for o in options)
                return f"choose one of {listed}; got {show(prediction)}{_several(prediction)}"
            return f"predict one number; got {show(prediction)}"
        if not np.isfinite(value):
            return f"predict a finite number; got {show(prediction)} (nan or inf is no prediction)"
        if options and not any(abs(value - float(o)) <= margin(tol, o) for o in options):
            listed = ", ".join(show(o) for o in options)
            return f"choose one of {listed}; got {show(prediction)}, which is not one of them"
        ok = abs(value - float(truth)) <= margin(tol, truth)
    if ok:
        return None
    within = f" (within {tol:g} of the answer counts as right)" if tol and not options else ""
    if isinstance(truth, tuple):
        how = _tuple_words(as_reals(prediction, len(truth)), [float(t) for t in truth], tol, words, near)
    elif isinstance(truth, str):
        how = ""
    else:
        how = _told(as_real(prediction), float(truth), tol, words, near)
    return f"you predicted {show(prediction)}, which is not it{within}{how}"


_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}


def _given(prediction):
    """How many numbers a prediction holds (one real, or a flat sequence of reals), else None."""
    if as_real(prediction) is not None:
        return 1
    size = len(prediction) if isinstance(prediction, (tuple, list)) or (
        isinstance(prediction, np.ndarray) and prediction.ndim == 1) else None
    return size if size and as_reals(prediction, size) is not None else None


def _several(prediction):
    """For a choice: why one option, when a sequence of several was given; else ""."""
    if not isinstance(prediction, (tuple, list, np.ndarray)) or np.size(prediction) < 2:
        return ""
    return (" (several answers given: the question asks which one holds, so choose the single option you "
            "expect, not every candidate)")


def _count_problem(prediction, n):
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


def _side(value, truth):
    return "too high" if abs(value) > abs(truth) else "too low"


def _how_far(value, truth, tol):
    """How a wrong number relates to the answer, in words, without telling the answer: sign, off by one, square,
    too high or low, by a simple factor (a diagnosis) when there is one."""
    if _fact(value, truth, tol) or value is None or not truth:
        return _fact(value, truth, tol)
    if not value:
        return ": too low" if truth > 0 else ": too high"
    if value * truth < 0:
        return ": the wrong sign, and another size"
    if truth == round(truth) and value != round(value) and abs(truth) < 1e6:
        return ": the answer is a whole number (a count); yours is not"
    if truth > 0 and (abs(value - truth ** 0.5) <= margin(tol, truth) or abs(value ** 2 - truth) <= 1e-6 * truth):
        return f": {_side(value, truth)}: a square missing, or a standard deviation where a variance belongs?"
    if truth > 0 and abs(value - truth ** 2) <= margin(tol, truth ** 2):
        return f": {_side(value, truth)}: a square too many, or a variance where a standard deviation belongs?"
    if abs(value * truth - 1) <= 1e-3 and abs(truth - 1) > 1e-3:
        return f": {_side(value, truth)}: a fraction upside down, or a division the wrong way round?"
    if 0 < truth < 1 and abs(value - (1 - truth)) <= margin(tol, truth) and abs(truth - 0.5) > margin(tol, truth):
        return f": {_side(value, truth)}: the complement, the other outcome's share or probability?"
    ratio, side = value / truth, _side(value, truth)
    for log, name in ((np.log(10), "ln 10 = 2.303: log10 where the natural log belongs, or the reverse?"),
                      (np.log(2), "ln 2 = 0.693: log2 where the natural log belongs, or the reverse?")):
        if min(abs(ratio - log), abs(ratio - 1 / log)) <= 0.01 * log:
            return f": {side}, by a factor {name}"
    return f": {side}"            # no "k times the answer": one division from the answer, for one number


def _told(value, truth, tol, words=True, near=True):
    """How one wrong number relates to its answer: `_how_far` (words) or the plain fact alone; near=False, nothing
    for a whole number one from its answer."""
    told = (_how_far if words else _fact)(value, truth, tol)
    return "" if not near and told.startswith(": off by one") else told


def _tuple_words(values, truth, tol, words=True, near=True):
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
    wrong = [f"number {i + 1} ({show(v)}{_told(v, t, tol, words, near)})"
             for i, (v, t, good) in enumerate(zip(values, truth, ok)) if not good]
    return f"; wrong: {'; '.join(wrong)}"


def _sealed(prediction, truth, tol):
    """A wrong prediction's reply in graded use: which numbers are wrong, never the answer itself or how it
    relates to the prediction (a student could copy it into the answer cell)."""
    within = f" (within {tol:g} counts as right)" if tol else ""
    if isinstance(truth, tuple):
        values = as_reals(prediction, len(truth))
        wrong = [str(i + 1) for i, (v, t) in enumerate(zip(values, truth)) if abs(v - t) > margin(tol, t)]
        which = (f"none of the {len(truth)} numbers is right" if len(wrong) == len(truth) else
                 f"not right: number{'s' * (len(wrong) > 1)} {', '.join(wrong)}")
        return f"you predicted {show(prediction)}; {which}{within}"
    return f"you predicted {show(prediction)}, which is not the answer{within}"


def _distance(prediction, answer):
    """How far a numeric prediction is from a number or tuple (the largest gap), or None when not comparable."""
    if isinstance(answer, tuple):
        values = as_reals(prediction, len(answer))
        return None if values is None else max(abs(p - float(a)) for p, a in zip(values, answer))
    value = as_real(prediction)
    return None if value is None else abs(value - float(answer))


def _slip_margin(tol, answer, truth):
    """How near a prediction must be to a slip's number to be that slip: the check's `tol`, scaled down in
    proportion for a slip smaller than the truth (a margin of 1.5 around 101 is no licence to call 0.5 the slip
    1.0; a slip of 0 keeps `tol`: within it is "about 0"), and at least margin()'s floor."""
    size = float(np.max(np.abs(answer)))
    scale = float(np.max(np.abs(truth))) if not isinstance(truth, str) else 0.0
    return margin(min(tol, tol * size / scale) if scale and size else tol, size)


def _prediction_distance(prediction, answer, tol, truth=0.0):
    """How far a prediction is from a slip's answer (0 for an equal string), or None when outside its margin."""
    if isinstance(answer, str):
        return 0.0 if isinstance(prediction, str) and plain_text(prediction) == plain_text(answer) else None
    far = _distance(prediction, answer)
    return far if far is not None and far <= _slip_margin(tol, answer, truth) else None


def _prediction_hint(prediction, slips, tol, truth=0.0):
    """The hint of the catalogued wrong answer nearest to the prediction (within its margin), or None."""
    near = [(d, i) for i, s in enumerate(slips)
            if (d := _prediction_distance(prediction, s.answer, tol, truth)) is not None]
    return slips[min(near)[1]].hint if near else None


def prediction_check(name, prediction, truth, *, tol=0.0, right="", slips=(), options=(), advice=None,
                     near=True, sealed=False, grade=False):
    """A predict-then-run check: `truth` (a value, or a function computing it by running the experiment,
    called only once there is a prediction, in the library's pristine state) is a number or a tuple of
    numbers (a shape, say; each right within the absolute `tol`), or a string among `options` (a number among
numeric `options`, when given). On success
    the message adds `right` (why; a function computing it is called after the truth); on failure it leads
    with the hint of the nearest catalogued wrong answer within `tol` (scaled to its size, when smaller than the
    truth), then how the prediction relates to the truth, never the truth itself. `advice(prediction)`, when
    given, is the hint for a wrong answer no catalogued slip names (a percentage where a fraction belongs, two
    numbers where one is asked, an option in other words), or None. near=False: a whole number one from the answer is
    not told so (for a small count, "off by one" names the answer); sealed=True: only which numbers are wrong, as
    in graded use (when the answer's numbers share one size, "the opposite sign" names it). A None prediction is
    not attempted yet."""
    if untouched(prediction):
        return verdict(name, NOT_ATTEMPTED, grade=grade)
    with np.errstate(all="ignore"):
        with pristine():
            truth = truth() if callable(truth) else truth
            right = right() if callable(right) else right
        problem = _prediction_problem(prediction, truth, tol, options, near=near)
        hint = None
        if problem is not None and problem.startswith("you predicted"):
            hint = _prediction_hint(prediction, slips, tol, truth)
        if problem is not None and not hint and advice is not None:
            hint = advice(prediction)
        if hint and problem.startswith("you predicted"):  # the hint explains: no relation guessed besides, and
            problem = _prediction_problem(prediction, truth, tol, options, words=False, near=False)  # no count
        if (grade or sealed) and problem is not None and problem.startswith("you predicted"):
            problem = _sealed(prediction, truth, tol)
    return verdict(name, problem, hint, grade, right)
