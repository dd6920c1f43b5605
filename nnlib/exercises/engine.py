"""The exercise engine (plumbing, not lesson): one tolerance policy and one message style for every lesson.

Each lesson's checks are data in `nnlib/exercises/lessonNN.py`: a reference solution, fixed cases and a
catalogue of typical wrong answers (`Slip`s), each with a hint. `from nnlib import check` reaches them all.

Usage, in a lesson module::

    import numpy as np
    from .engine import Slip, function_check, prediction_check

    def _double(x):
        return 2 * x

    SOLUTIONS = {"derivative": _double, "init_loss": 0.69}          # what a correct student passes
    SLIPS = {"derivative": [Slip("power", "You kept the power: d/dx x**2 = 2 x, not x**2.", lambda x: x ** 2),
                            ...],                                    # >= 3 per exercise
             "init_loss": [Slip("zero", "At the start the net knows nothing, so its loss is not 0.", 0.0), ...]}

    def derivative(fn, grade=False):
        '''Lesson N, exercise 1 (derive): derivative(x) -> d(x**2)/dx, elementwise.'''
        return function_check("derivative", fn, reference=_double, cases=[(np.array([1.0, -2.0]),)],
                              outputs=("dJdx",), slips=SLIPS["derivative"], pure=True, grade=grade)

    def init_loss(prediction, grade=False):
        '''Lesson N, exercise 2 (predict): the loss of a fresh sigmoid net on balanced labels.'''
        return prediction_check("init_loss", prediction, truth=float(np.log(2)), tol=0.02,
                                right="A fresh net says 0.5 everywhere, and -log(0.5) = log 2.",
                                slips=SLIPS["init_loss"], grade=grade)

    __all__ = ["derivative", "init_loss"]

Message style. A check prints one line and returns True or False: "<name>: correct" (a prediction adds
why it is right), or "<name>: not yet. <hint> <numbers>". The hint is the matched slip's (when the answer
behaves like a catalogued slip on the failing case: same results, same in-place changes, same error);
the numbers name the input, what was expected and what came back, and, when no slip matched, a pattern
(every entry k times the expected, the transpose, off by how much). With grade=True a failed check also
raises AssertionError with the same message, for grading tools.

Tolerance policy. A number `got` matches `want` when |got - want| <= atol + rtol * |want|, entry by entry,
with atol = rtol = 1e-6 unless a check says otherwise (a prediction's `tol` is its own absolute margin).
Shapes must match exactly (a one-entry array matches a scalar). The student's function is called on deep
copies; `pure=True` reports arguments changed in place; `forbid` patches library functions (by dotted
name: "np.linalg.eigvalsh") to raise during the student's call and reports them by name (a name bound
before the check, e.g. `from numpy.linalg import eigvalsh`, escapes the patch).
"""
import copy
import inspect
from typing import Any, NamedTuple

import numpy as np

from .compare import ATOL, RTOL, close, compare, differs, show
from .sandbox import raised, run

__all__ = ["ATOL", "RTOL", "Answers", "Case", "Slip", "close", "compare", "differs", "function_check",
           "prediction_check", "raised", "run", "show", "verdict"]


class Slip(NamedTuple):
    """A typical wrong answer: its `name`, a one- or two-sentence `hint` saying which slip it is and where
    to look, and `answer`: what a student making it passes to the check (like a SOLUTIONS entry)."""
    name: str
    hint: str
    answer: Any


class Case(NamedTuple):
    """One input of a function check: the arguments, and optionally how to show them in a message."""
    args: tuple
    text: str = ""


class Answers(tuple):
    """Several answers for a check that takes them apart, e.g. `check.nand_weights(w, b)`: a SOLUTIONS or
    Slip entry `Answers((w, b))` is passed as check(*answers)."""


def verdict(name, problem=None, hint=None, grade=False, right=""):
    """Print "<name>: correct" or "<name>: not yet. <hint> <problem>"; True when there is no problem.
    With grade=True a failure raises AssertionError with the same message."""
    if problem is None:
        print(f"{name}: correct" + (f". {right}" if right else ""))
        return True
    first = problem.split(" ", 1)[0]
    problem = problem[:1].upper() + problem[1:] if first.isalpha() and first.islower() else problem
    message = f"{name}: not yet. " + (f"{hint} " if hint else "") + problem
    print(message)
    if grade:
        raise AssertionError(message)
    return False


def _agree(a, b, outputs, atol, rtol):
    """Whether two outcomes behave alike: same error, same in-place changes, same results."""
    if a.error != b.error or a.changed != b.changed:
        return False
    if any(differs("", a.args[i], b.args[i], atol, rtol) for i in a.changed):
        return False
    if a.error or (a.value is None and b.value is None):
        return True
    return b.value is not None and compare(a.value, b.value, outputs, atol, rtol) is None


def _problem(outcome, want, names, text, outputs, pure, atol, rtol):
    """What went wrong in one case, as the sentence after the hint, or None."""
    if outcome.error:
        return f"for {text} it {outcome.error}"
    if pure and outcome.changed:
        which = ", ".join(f"`{names[i]}`" if i < len(names) else f"argument {i + 1}" for i in outcome.changed)
        return (f"for {text} it changed {which} in place, which this exercise does not allow: build new "
                "arrays (x = x - ..., not x -= ... or x[...] = ...)")
    problem = compare(outcome.value, want, outputs, atol, rtol)
    return None if problem is None else f"for {text}: {problem}"


def _describe(case, names):
    """How a message shows the inputs of a case."""
    if case.text:
        return case.text
    names = names + [f"argument {i + 1}" for i in range(len(names), len(case.args))]
    return "(" + ", ".join(f"{n}={show(v)}" for n, v in zip(names, case.args)) + ")"


def _slip_hint(slips, adapt, fn, cases, failing, outcome, forbid, outputs, atol, rtol):
    """The hint of the slip that behaves like the student's answer on the failing case (ties: the one
    agreeing with it on the most cases), or None."""
    def slip_fn(slip):
        return adapt(slip.answer) if adapt else slip.answer
    alike = [s for s in slips if _agree(outcome, run(slip_fn(s), failing.args, forbid), outputs, atol, rtol)]
    if len(alike) <= 1:
        return alike[0].hint if alike else None
    mine = [run(fn, c.args, forbid) for c in cases]
    scores = [sum(_agree(m, run(slip_fn(s), c.args, forbid), outputs, atol, rtol) for m, c in zip(mine, cases))
              for s in alike]
    return alike[scores.index(max(scores))].hint


def _as_function(answer, adapt):
    """(callable, None) or (None, what is wrong with the answer)."""
    if answer is None or (adapt is None and not callable(answer)):
        return None, f"expected a function, got {show(answer) if answer is not None else 'None'}"
    if adapt is None:
        return answer, None
    try:
        return adapt(answer), None
    except (TypeError, ValueError) as e:
        return None, str(e)


def function_check(name, answer, reference, cases, outputs=("the result",), slips=(), pure=False,
                   forbid=(), adapt=None, atol=ATOL, rtol=RTOL, grade=False):
    """Compare answer(*args) with reference(*args) for each case (a tuple of arguments or a Case).
    `adapt` turns the answer (and each slip's answer) into such a function, e.g. a class into a call of its
    methods; `outputs` names the results (several: a tuple). See the module docstring for the rest."""
    fn, problem = _as_function(answer, adapt)
    if problem is not None:
        return verdict(name, problem, grade=grade)
    try:
        names = [p.name for p in inspect.signature(reference).parameters.values() if p.kind <= p.POSITIONAL_OR_KEYWORD]
    except (TypeError, ValueError):  # a builtin without a signature
        names = []
    cases = [c if isinstance(c, Case) else Case(tuple(c)) for c in cases]
    for case in cases:
        outcome = run(fn, case.args, forbid)
        problem = _problem(outcome, reference(*copy.deepcopy(case.args)), names, _describe(case, names),
                           outputs, pure, atol, rtol)
        if problem is not None:
            hint = _slip_hint(slips, adapt, fn, cases, case, outcome, forbid, outputs, atol, rtol)
            return verdict(name, problem, hint, grade)
    return verdict(name, grade=grade)


def _numbers(values, size):
    """Whether `values` is a tuple or list of `size` real numbers."""
    return (isinstance(values, (tuple, list)) and len(values) == size
            and all(isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool) for v in values))


def _prediction_problem(prediction, truth, tol, options):
    """What is wrong with a prediction (a number, a tuple of numbers, or one of `options`), or None."""
    if prediction is None:
        return "set `prediction` to your answer before you run the experiment"
    if isinstance(truth, str):
        if not isinstance(prediction, str) or prediction.strip().lower() not in [o.lower() for o in options]:
            return f"choose one of {', '.join(repr(o) for o in options)}; got {show(prediction)}"
        ok = prediction.strip().lower() == truth.lower()
    elif isinstance(truth, tuple):
        if not _numbers(prediction, len(truth)):
            example = tuple(range(3, 3 + len(truth)))
            return f"predict {len(truth)} numbers as a tuple, such as {example}; got {show(prediction)}"
        ok = all(abs(float(p) - float(t)) <= tol for p, t in zip(prediction, truth))
    else:
        if isinstance(prediction, (bool, np.bool_)) or not isinstance(prediction, (int, float, np.number)):
            return f"predict one number; got {show(prediction)}"
        ok = abs(float(prediction) - float(truth)) <= tol
    if ok:
        return None
    margin = f" (within {tol:g} counts as right)" if tol else ""
    return f"you predicted {show(prediction)}; the run gives {show(truth)}{margin}"


def _prediction_distance(prediction, answer, tol):
    """How far a prediction is from a slip's answer (0 for an equal string), or None when outside tol."""
    if isinstance(answer, str):
        return 0.0 if isinstance(prediction, str) and prediction.strip().lower() == answer.lower() else None
    if isinstance(answer, tuple):
        if not _numbers(prediction, len(answer)):
            return None
        far = max(abs(float(p) - a) for p, a in zip(prediction, answer))
    elif _numbers([prediction], 1):
        far = abs(float(prediction) - float(answer))
    else:
        return None
    return far if far <= tol else None


def _prediction_hint(prediction, slips, tol):
    """The hint of the catalogued wrong answer nearest to the prediction (within tol), or None."""
    near = [(d, i) for i, s in enumerate(slips) if (d := _prediction_distance(prediction, s.answer, tol)) is not None]
    return slips[min(near)[1]].hint if near else None


def prediction_check(name, prediction, truth, tol=0.0, right="", slips=(), options=(), grade=False):
    """A predict-then-run check: `truth` (a value, or a function computing it by running the experiment,
    called only once there is a prediction) is a number or a tuple of numbers (a shape, say; each right
    within the absolute `tol`), or a string among `options`. On success the message adds `right` (why); on
    failure it leads with the hint of the nearest catalogued wrong answer within `tol`, then the truth."""
    if prediction is None:
        return verdict(name, _prediction_problem(None, None, tol, options), grade=grade)
    truth = truth() if callable(truth) else truth
    problem = _prediction_problem(prediction, truth, tol, options)
    hint = None
    if problem is not None and not problem.startswith(("choose", "predict")):
        hint = _prediction_hint(prediction, slips, tol)
    return verdict(name, problem, hint, grade, right)
