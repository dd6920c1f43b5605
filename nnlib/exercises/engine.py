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

Message style. A check prints one line and returns None (nothing for Jupyter to echo): "<name>: correct" (a
prediction, or a check given `right`, adds why), "<name>: not yet. <hint> <numbers>", or, for an untouched stub
(None, a function whose body is still the stub's `raise NotImplementedError` / `return None`, or a diagnose
exercise's handed-out function, unchanged: the slip named "given", whose code handed_out.py holds; a changed
version that still behaves like it gets that slip's hint), the same neutral "<name>: not attempted yet: ..." for every
exercise, with no hint. The hint is the matched slip's (when the answer behaves like a catalogued slip on
the failing case, to the engine's tolerance or the check's if stricter: same results, same in-place changes,
same error); the numbers name the input, what was expected and what came back, and, only when no slip
matched (a slip's hint is then the one explanation), a pattern in words (a sum over the wrong axis, a constant
factor, an overflow); plain facts (the transpose, the opposite sign, off by one, a swapped pair) are named
either way. In graded use a wrong prediction's reply never shows the answer. With grade=True a check prints
nothing: a failure raises NotYet (an AssertionError whose IPython rendering is the message alone, wrapped),
and an answer that is the checker's own reference (imported from nnlib.exercises) is refused.

Tolerance policy. A number `got` matches `want` when |got - want| <= atol + rtol * |want|, entry by entry,
with atol = rtol = 1e-6 unless a check says otherwise (a prediction's `tol` is its own absolute margin, at
least 1e-6 of the truth). Shapes must match exactly (a one-entry array matches a scalar); text is refused.
A prediction may be any real number (int, float, Fraction, Decimal, a numpy scalar, a 0-d array), several
numbers any sequence or 1-d array.

Fairness. Every reference (and every slip) is computed before the student's function runs, under
`sandbox.pristine()`: numpy and nnlib as first imported, so a cell that rebinds `np.tanh` or
`Value.backward` changes no reference. The student's function is called on deep copies, at most once per
case, under a time limit (sandbox.LIMIT seconds, "ran over N s"); what it changes outside its arguments
(numpy's error state, the random states, numpy's and nnlib's attributes) is put back and named in the
reply; whatever it raises becomes a "not yet" naming it (KeyboardInterrupt still interrupts). `pure=True`
reports arguments changed in place; `forbid` patches library functions (by dotted name) to raise during the
student's call; `forbid_modules` refuses any call into a package's code ("sklearn", "scipy"), whatever name
reached it. A shortcut is best refused by what the function is given (lesson 6's `top_eigenvalue` gets an
operator it can only multiply vectors by).
"""
import copy
import inspect
from typing import Any, NamedTuple

import numpy as np

from . import sandbox
from .compare import ATOL, NONE_RETURNED, RTOL, close, compare, differs, show
from .errors import error_key, error_words
from .predict import margin, prediction_check
from .pristine import pristine
from .reply import NOT_ATTEMPTED, WIDTH, NotYet, verdict
from .sandbox import LIMIT, raised, run
from .steps import step_words
from .stubs import BORROWED, changed_given, from_checker, stub_function, untouched

__all__ = ["ATOL", "LIMIT", "NOT_ATTEMPTED", "RTOL", "WIDTH", "Answers", "BORROWED", "Case", "NotYet", "Slip",
           "close", "compare", "differs", "function_check", "margin", "prediction_check", "raised", "run", "show",
           "verdict"]


class Slip(NamedTuple):
    """A typical wrong answer: its `name`, a one- or two-sentence `hint` saying which slip it is and where
    to look, and `answer`: what a student making it passes to the check (like a SOLUTIONS entry). The slip
    named "given" is a diagnose exercise's handed-out function: an answer behaving like it on every case
    gets the neutral "not attempted yet" reply."""
    name: str
    hint: str
    answer: Any


class Case(NamedTuple):
    """One input of a function check: the arguments, and optionally how to show them in a message."""
    args: tuple
    text: str = ""


class Answers(tuple):
    """Several answers for a check that takes them apart, e.g. `check.and_not_weights(w, b)`: a SOLUTIONS or
    Slip entry `Answers((w, b))` is passed as check(*answers)."""


# --- function checks ---------------------------------------------------------------------------------------
def _agree(a, b, outputs, atol, rtol):
    """Whether two outcomes behave alike: same error, same in-place changes, same results."""
    if error_key(a) != error_key(b) or a.changed != b.changed:
        return False
    if any(differs("", a.args[i], b.args[i], atol, rtol) for i in a.changed):
        return False
    if a.error or (a.value is None and b.value is None):
        return True
    return b.value is not None and compare(a.value, b.value, outputs, atol, rtol) is None


def _problem(outcome, want, names, text, outputs, pure, atol, rtol, args=(), words=True):
    """What went wrong in one case, as the sentence after the hint, or None; words=False (a slip matched, its
    hint explains) keeps the numbers and drops the patterns guessed in words."""
    if outcome.error:
        return f"for {text} it {error_words(outcome)}"
    if pure and outcome.changed:
        which = ", ".join(f"`{names[i]}`" if i < len(names) else f"argument {i + 1}" for i in outcome.changed)
        if not words:   # a slip matched: its hint says what went wrong with the change and what to do instead
            return f"for {text} it changed {which}, and left it changed"
        return (f"for {text} it changed {which} in place, which this exercise does not allow: build new "
                "arrays (x = x - ..., not x -= ... or x[...] = ...)")
    problem = compare(outcome.value, want, outputs, atol, rtol, words)
    if problem == NONE_RETURNED:
        return f"for {text} {problem}"
    if problem is None:
        return None
    return f"for {text}: {problem}" + (step_words(outcome.value, want, outputs, args, names) if words else "")


def _describe(case, names):
    """How a message shows the inputs of a case."""
    if case.text:
        return case.text
    names = names + [f"argument {i + 1}" for i in range(len(names), len(case.args))]
    return "(" + ", ".join(f"{n}={show(v)}" for n, v in zip(names, case.args)) + ")"


class _Trial:
    """The student's function on the cases, each call made at most once (and none after a time-out)."""

    def __init__(self, fn, cases, forbid, forbid_modules, limit, codes=()):
        self.fn, self.cases, self.outcomes, self.timed_out = fn, cases, {}, False
        self.forbid, self.forbid_modules, self.limit, self.codes = forbid, forbid_modules, limit, codes

    def __call__(self, i):
        if i not in self.outcomes and not self.timed_out:
            self.outcomes[i] = run(self.fn, self.cases[i].args, self.forbid, self.forbid_modules, self.limit,
                                   self.codes)
            self.timed_out = self.outcomes[i].kind == "timeout"
        return self.outcomes.get(i)

    def all(self):
        out = [self(i) for i in range(len(self.cases))]
        return None if self.timed_out else out

    def altered(self):
        return tuple(sorted({a for o in self.outcomes.values() for a in o.altered}))


def _slip_outcomes(slip, adapt, cases, forbid, forbid_modules):
    fn = adapt(slip.answer) if adapt else slip.answer
    with pristine():
        return [run(fn, c.args, forbid, forbid_modules) for c in cases]


class _SlipRuns:
    """Each slip's outcome on a case, run (in the pristine library) only when a comparison needs it: most
    answers are told apart from most slips on the failing case alone."""

    def __init__(self, adapt, cases, forbid, forbid_modules):
        self.adapt, self.cases, self.forbid, self.forbid_modules, self.done = adapt, cases, forbid, forbid_modules, {}

    def __call__(self, slip, i):
        if (id(slip), i) not in self.done:
            fn = self.adapt(slip.answer) if self.adapt else slip.answer
            with pristine():
                self.done[id(slip), i] = run(fn, self.cases[i].args, self.forbid, self.forbid_modules)
        return self.done[id(slip), i]


def _slip_hint(slips, adapt, trial, failing, forbid, forbid_modules, outputs, atol, rtol):
    """The hint of the slip that behaves like the student's answer on the failing case (ties: the one
    agreeing with it on the most cases), or None. Alike means to the engine's own tolerance (or the check's,
    when stricter): a check's looser margin for approximations is no licence to name a slip."""
    atol, rtol = min(atol, ATOL), min(rtol, RTOL)
    mine, slip_run = trial(failing), _SlipRuns(adapt, trial.cases, forbid, forbid_modules)
    alike = [s for s in slips if _agree(mine, slip_run(s, failing), outputs, atol, rtol)]
    if alike and _blown_up(mine):           # nan or inf from two different slips look alike: ask every case
        every = trial.all()
        alike = [s for s in alike if every is not None
                 and all(_agree(m, slip_run(s, i), outputs, atol, rtol) for i, m in enumerate(every))]
    if len(alike) <= 1:
        return alike[0].hint if alike else None
    every = trial.all()
    if every is None:
        return alike[0].hint
    scores = [sum(_agree(m, slip_run(s, i), outputs, atol, rtol) for i, m in enumerate(every)) for s in alike]
    return alike[scores.index(max(scores))].hint


def _blown_up(outcome):
    """Whether a call returned only nan or inf (no finite number to tell one slip from another)."""
    try:
        values = np.concatenate([np.ravel(np.asarray(v, dtype=float)) for v in
                                 (outcome.value if isinstance(outcome.value, tuple) else (outcome.value,))])
    except (TypeError, ValueError):
        return False
    return not outcome.error and values.size > 0 and not np.isfinite(values).any()


def _is_given(name, answer, slips, adapt, trial, forbid, forbid_modules, outputs, atol, rtol):
    """Whether the answer is the handed-out function (the slip named "given"), unchanged: it behaves like it on
    every case, and its code is known to be the handed-out code."""
    given = next((s for s in slips if s.name == "given"), None)
    every = trial.all() if given is not None and not changed_given(name, answer, given.answer) else None
    if every is None:
        return False
    theirs = _slip_outcomes(given, adapt, trial.cases, forbid, forbid_modules)
    return all(_agree(m, o, outputs, atol, rtol) for m, o in zip(every, theirs))


def _matches_other(trial, others, outputs, pure, atol, rtol):
    """Whether the answer matches one of the other right references on every case."""
    every = trial.all() if others else None
    if every is None:
        return False
    def right(o, want):
        return not o.error and not (pure and o.changed) and o.value is not None and \
            compare(o.value, want, outputs, atol, rtol) is None
    return any(all(right(o, w) for o, w in zip(every, wants)) for wants in others)


def _as_function(answer, adapt):
    """(callable, None) or (None, what is wrong with the answer)."""
    if adapt is None and not callable(answer):
        return None, f"expected a function, got {show(answer)}"
    if adapt is None:
        return answer, None
    try:
        return adapt(answer), None
    except (TypeError, ValueError) as e:
        return None, raised(e).split(": ", 1)[-1]


def function_check(name, answer, reference, cases, *, outputs=("the result",), slips=(), pure=False,
                   forbid=(), adapt=None, atol=ATOL, rtol=RTOL, grade=False, forbid_modules=(), limit=None,
                   also=(), right=""):
    """Compare answer(*args) with reference(*args) for each case (a tuple of arguments or a Case).
    `adapt` turns the answer (and each slip's answer) into such a function, e.g. a class into a call of its
    methods; `outputs` names the results (several: a tuple); `also` lists other right references (an answer
    matching one on every case passes); `right`: why a passing answer is right. See the module docstring."""
    if untouched(answer):
        return verdict(name, NOT_ATTEMPTED, grade=grade)
    fn, problem = _as_function(answer, adapt)
    if problem is not None:
        return verdict(name, problem, grade=grade)
    try:
        names = [p.name for p in inspect.signature(reference).parameters.values() if p.kind <= p.POSITIONAL_OR_KEYWORD]
    except (TypeError, ValueError):  # a builtin without a signature
        names = []
    cases = [c if isinstance(c, Case) else Case(tuple(c)) for c in cases]
    limit = sandbox.LIMIT if limit is None else limit
    with np.errstate(all="ignore"):
        with pristine():
            wants = [reference(*copy.deepcopy(c.args)) for c in cases]
            others = [[other(*copy.deepcopy(c.args)) for c in cases] for other in also]
        codes = (reference.__code__,) if grade and hasattr(reference, "__code__") else ()
        trial = _Trial(fn, cases, forbid, forbid_modules, limit, codes)
        for i, (case, want) in enumerate(zip(cases, wants)):
            outcome = trial(i)
            problem = _problem(outcome, want, names, _describe(case, names), outputs, pure, atol, rtol, case.args)
            if problem is None:
                continue
            if _matches_other(trial, others, outputs, pure, atol, rtol):
                break
            if (i == 0 and outcome.kind == "NotImplementedError" and stub_function(answer) is None) or \
                    _is_given(name, answer, slips, adapt, trial, forbid, forbid_modules, outputs, atol, rtol):
                return verdict(name, NOT_ATTEMPTED, grade=grade)
            hint = None if outcome.kind == "timeout" else \
                _slip_hint(slips, adapt, trial, i, forbid, forbid_modules, outputs, atol, rtol)
            if hint:                                 # the slip's hint explains: no pattern guessed besides
                problem = _problem(outcome, want, names, _describe(case, names), outputs, pure, atol, rtol,
                                   case.args, words=False)
            return verdict(name, problem, hint, grade, altered=trial.altered())
    if grade and (from_checker(answer) or any(o.borrowed for o in trial.outcomes.values())):
        return verdict(name, BORROWED, grade=grade)
    return verdict(name, grade=grade, right=right, altered=trial.altered())
