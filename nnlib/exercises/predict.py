"""Predict-then-run checks (plumbing, not lesson): a number, several numbers, or one of some options.

A prediction may be any real number (int, float, Fraction, Decimal, a numpy scalar, a 0-d array), several
numbers any sequence or 1-d array; text is refused with a clear reply. A numeric truth is matched within the
check's `tol`, and at least a millionth of it (164.0000001 counts as 164). A wrong number is told how it
relates to the answer (wrong_numbers.py), never the answer itself (the lesson's folded solution holds it, for a
student who has tried): the opposite sign, off by one, not a whole number, with the likely cause when it is the
answer's square or square root, 1 over it or 1 minus it, or a log in another base (never "too high" or "too low",
which lets a student bisect to the answer, nor "k times the answer" nor "the square of the answer": one step of
arithmetic from it); of several numbers, which are
wrong (each told so), or that the right ones come in another order. In graded use only which numbers are
wrong. The truth is computed in the library's pristine state, once there is a prediction.
"""

import numpy as np

from .compare import has_text, show
from .pristine import pristine
from .reply import NOT_ATTEMPTED, verdict
from .stubs import untouched
from .wrong_numbers import as_real, as_reals, count_problem, margin, plain_text, several, told, tuple_words


def _prediction_problem(prediction, truth, tol, options, words=True, near=True, upper=None):
    """What is wrong with a prediction (a number, several numbers, or one of `options`), or None; words=False
    (a slip matched, its hint explains) keeps only the plain facts (the opposite sign, a swapped pair);
    near=False drops "off by one" (for a small count, one step from the answer names it; after a slip's hint, it
    would contradict the hint's own diagnosis)."""
    if isinstance(truth, str):
        if not isinstance(prediction, str) or plain_text(prediction) not in [plain_text(o) for o in options]:
            return f"choose one of {', '.join(repr(o) for o in options)}; got {show(prediction)}" + \
                several(prediction)
        ok = plain_text(prediction) == plain_text(truth)
    elif isinstance(truth, tuple):
        values = as_reals(prediction, len(truth))
        if values is None:
            if has_text(prediction):
                return f"predict {len(truth)} numbers, not text: got {show(prediction)} (a string: drop the quotes)"
            return count_problem(prediction, len(truth))
        if not all(np.isfinite(values)):
            return f"predict {len(truth)} finite numbers; got {show(prediction)} (nan or inf is no prediction)"
        ok = all(abs(p - float(t)) <= margin(tol, t) for p, t in zip(values, truth))
    else:
        value = as_real(prediction)
        if value is None:
            if has_text(prediction):
                return f"predict one number, not text: got {show(prediction)} (a string: drop the quotes)"
            if options and several(prediction):
                listed = ", ".join(show(o) for o in options)
                return f"choose one of {listed}; got {show(prediction)}{several(prediction)}"
            return f"predict one number; got {show(prediction)}"
        if not np.isfinite(value):
            return f"predict a finite number; got {show(prediction)} (nan or inf is no prediction)"
        if options and not any(abs(value - float(o)) <= margin(tol, o) for o in options):
            listed = ", ".join(show(o) for o in options)
            return f"choose one of {listed}; got {show(prediction)}, which is not one of them"
        ok = abs(value - float(truth)) <= margin(tol, truth) and \
            not (upper is not None and value > upper + margin(0.0, upper))
    if ok:
        return None
    within = _within(tol, upper) if tol and not options else ""
    if isinstance(truth, tuple):
        how = tuple_words(as_reals(prediction, len(truth)), [float(t) for t in truth], tol, words, near)
    elif isinstance(truth, str):
        how = ""
    else:
        how = told(as_real(prediction), float(truth), tol, words, near)
    return f"you predicted {show(prediction)}, which is not it{within}{how}"


def _within(tol, upper=None):
    """The rule a right answer meets, as a reply states it: within `tol`, or (with an `upper` end) from `tol` below
    the answer up to it and not above (a limit: a step past it, however slight, no longer converges)."""
    if upper is not None:
        return f" (from {tol:g} below the answer up to it counts as right; above it, however slightly, does not)"
    return f" (within {tol:g} of the answer counts as right)"


def _sealed(prediction, truth, tol, upper=None):
    """A wrong prediction's reply in graded use: which numbers are wrong, never the answer itself or how it
    relates to the prediction (a student could copy it into the answer cell)."""
    within = _within(tol, upper) if tol else ""
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
                     near=True, sealed=False, upper=None, relate=True, grade=False):
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
    in graded use (when the answer's numbers share one size, "the opposite sign" names it); `upper`: for a
    limit, a number above it is wrong however near the truth (the truth measured, `upper` the exact edge);
    relate=False: a wrong number no slip names is told only the plain facts, no guessed cause (for answers near 1,
    where the square or root of one is near another and names an unrelated slip). A None prediction is not
    attempted yet."""
    if untouched(prediction):
        return verdict(name, NOT_ATTEMPTED, grade=grade)
    with np.errstate(all="ignore"):
        with pristine():
            truth = truth() if callable(truth) else truth
            right = right() if callable(right) else right
        problem = _prediction_problem(prediction, truth, tol, options, words=relate, near=near, upper=upper)
        hint = None
        if problem is not None and problem.startswith("you predicted"):
            hint = _prediction_hint(prediction, slips, tol, truth)
        if problem is not None and not hint and advice is not None:
            hint = advice(prediction)
        if hint and problem.startswith("you predicted"):  # the hint explains: no relation guessed besides, and
            problem = _prediction_problem(prediction, truth, tol, options, words=False, near=False,  # no count
                                          upper=upper)
        if (grade or sealed) and problem is not None and problem.startswith("you predicted"):
            problem = _sealed(prediction, truth, tol, upper)
    return verdict(name, problem, hint, grade, right)
