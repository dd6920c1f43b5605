"""Exercise check for lesson 4 (04_backprop), exercise 1: repair a central-difference gradient checker. Kept
apart from lesson04.py, which re-exports it, so each file stays short. Data for the engine in engine.py."""
import numpy as np

from .engine import Case, Slip, function_check

_H = 1e-5


def _central(f, x, h=_H, kind="central", reset=True):
    """Central differences; `kind` and `reset` make the typical slips."""
    grad, step = np.zeros_like(x), np.zeros_like(x)
    for i in np.ndindex(x.shape):
        step[i] = h
        grad[i] = {"central": lambda: (f(x + step) - f(x - step)) / (2 * h),
                   "forward": lambda: (f(x + step) - f(x)) / h, "backward": lambda: (f(x) - f(x - step)) / h,
                   "over h": lambda: (f(x + step) - f(x - step)) / h,
                   "reversed": lambda: (f(x - step) - f(x + step)) / (2 * h),
                   "precedence": lambda: f(x + step) - f(x - step) / (2 * h),
                   "all at once": lambda: (f(x + h) - f(x - h)) / (2 * h),
                   "unit step": lambda: (f(x + step / h) - f(x - step / h)) / (2 * h),
                   "h = 1": lambda: (f(x + step / h) - f(x - step / h)) / 2,
                   "no division": lambda: f(x + step) - f(x - step),
                   "forward over 2h": lambda: (f(x + step) - f(x)) / (2 * h)}[kind]()
        if reset:
            step[i] = 0.0
    return grad


def _variant(kind):
    """The catalogued slip `kind` of the difference, as a function of (f, x, h) like the student's."""
    return lambda f, x, h=_H: _central(f, x, h, kind)


def _in_place(f, x, h=_H, undo=False):
    """Nudges x itself and never puts it back, or (undo=True) undoes the nudge by arithmetic (+h, -2h, +h):
    then x comes back off in its last bits."""
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        x[i] += h
        plus = f(x)
        x[i] -= 2 * h
        grad[i] = (plus - f(x)) / (2 * h)
        if undo:
            x[i] += h
    return grad


def _undone_by_arithmetic(f, x, h=_H):
    return _in_place(f, x, h, undo=True)


def _on_a_copy(f, x, h=_H):
    """Nudges a copy of x but evaluates f at x: every difference is 0."""
    grad, nudged = np.zeros_like(x), x.copy()
    for i in np.ndindex(x.shape):
        nudged[i] = x[i] + h
        plus = f(x)
        nudged[i] = x[i] - h
        grad[i] = (plus - f(x)) / (2 * h)
        nudged[i] = x[i]
    return grad


def _cube_sum(x):
    return np.sum(x ** 3)


def _sin_product(x):
    return np.sum(np.sin(x)) + x[0, 0] * x[1, 1]


def _first_axis(f, x, h=_H):
    """Loops over x's first axis only: on a 2-D x, a whole row is nudged at once and shares one number."""
    grad, step = np.zeros_like(x), np.zeros_like(x)
    for i in range(len(x)):
        step[i] = h
        grad[i] = (f(x + step) - f(x - step)) / (2 * h)
        step[i] = 0.0
    return grad


SOLUTIONS = {"central_difference": _central}
SLIPS = {
    "central_difference": [
        Slip("given", "From the second entry on, each entry of your gradient is the sum of the slopes of that "
             "entry and of every entry before it. What does the i-th difference nudge?",
             lambda f, x, h=_H: _central(f, x, h, reset=False)),
        Slip("forward", "Your gradient misses by about 1e-5, the size of h: a one-sided difference has an error of "
             "order h. Which difference is centred on x?",
             lambda f, x, h=_H: _central(f, x, h, kind="forward")),
        Slip("over h", "Every entry is twice the gradient: how far apart are the two points you take the difference "
             "of? A slope divides by that distance.",
             lambda f, x, h=_H: _central(f, x, h, kind="over h")),
        Slip("in place", "x comes back changed, and the caller's array must be left as it was: which line nudges x "
             "itself?",
             _in_place),
        Slip("undone by arithmetic", "The gradient is right, but x comes back off in its last bits: adding h back "
             "after +h and -2h does not give back the exact float (here 0.5 comes back as 0.49999999999999994). "
             "Save the entry and put it back, or nudge a copy.",
             _undone_by_arithmetic),
        Slip("copy", "Every entry is 0, or all but: two slips give this. Either f sees the same input at both "
             "nudges (which array do you nudge, and which one do you pass to f?), or the difference is multiplied "
             "by h rather than divided: / 2 * h divides by 2, then multiplies by h (Python reads it left to right).",
             _on_a_copy),
        Slip("backward", "Your gradient misses by about the size of h: (f(x) - f(x - h e_i)) / h is one-sided, "
             "looking back only. Which difference is centred on x?", _variant("backward")),
        Slip("reversed", "Every entry has the wrong sign: a difference taken the other way round. Which point's value "
             "comes first in a slope, the one nudged up or the one nudged down?",
             _variant("reversed")),
        Slip("precedence", "Only f(x - h e_i) was divided: / binds before -, so put the whole difference in "
             "parentheses.", _variant("precedence")),
        Slip("all at once", "Every entry comes out the same: x + h nudges every entry at once, where e_i nudges "
             "entry i alone.", _variant("all at once")),
        Slip("unit step", "Your gradient is enormous: the nudge is 1 while the division is by 2h. The size of the "
             "step you take and the h you divide by must be the same number.",
             _variant("unit step")),
        Slip("h = 1", "Your nudge is a whole 1, far too coarse: over so wide a step the curve bends, so the "
             "difference no longer gives the slope at x. The step size is h.",
             _variant("h = 1")),
        Slip("no division", "Your entries are tiny, about the size of h: a difference of f is a change in f, not "
             "a slope; divide by the distance between the two points.",
             _variant("no division")),
        Slip("forward over 2h", "Your difference is one-sided, from f(x) to f(x + h e_i), but divided by 2h, the "
             "distance a centred difference spans: the two points and the distance you divide by must go together.",
             _variant("forward over 2h")),
        Slip("flat", "The numbers are right, but the gradient is flat: it must have the shape of x, one entry for "
             "each entry of x where it sits.", lambda f, x, h=_H: _central(f, x, h).ravel()),
        Slip("first axis", "On the 2-D x every entry of a row gets the same number: did every entry of x get its "
             "own nudge? A loop over range(len(x)) visits the rows, so step[i] = h nudges a whole row at once "
             "(np.ndindex(x.shape) visits every entry).", _first_axis),
    ],
}


def central_difference(fn, grade=False):
    """Lesson 4, exercise 1 (diagnose): central_difference(f, x, h=1e-5) -> the gradient of the scalar f at
    the array x by central differences, shaped like x, with x left unchanged."""
    cases = [Case((_cube_sum, np.array([1.0, -2.0, 0.5])), "f(x) = sum(x**3), x = [1, -2, 0.5]"),
             Case((_sin_product, np.array([[0.3, -1.2], [2.0, 0.7]])),
                  "f(x) = sum(sin(x)) + x[0, 0] * x[1, 1], x = [[0.3, -1.2], [2, 0.7]]")]
    return function_check("central_difference", fn, reference=_central, cases=cases, outputs=("the gradient",),
                          slips=SLIPS["central_difference"], pure=True,
                          forbid=("nnlib.gradcheck.numerical_gradient", "nnlib.numerical_gradient"),
                          forbid_modules=("nnlib.gradcheck",), grade=grade)


__all__ = ["central_difference"]
