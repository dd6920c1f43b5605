"""The engine behind the self-checking exercises (plumbing, not lesson); see `nnlib.check`.

Each check prints "correct" or exactly what is wrong (the input, what was
expected, what came back) and returns True or False. Lesson sections below
hold the named checks; each compares against nnlib's own implementation or a
known answer, on fixed inputs, so the printed text is the same on every run.
"""
import numpy as np


def _fmt(a):
    return np.array2string(np.asarray(a, dtype=float), precision=4, suppress_small=True, separator=", ")


def report(name, problem=None):
    """Print the verdict for exercise `name` and return True when there is no problem."""
    print(f"{name}: correct" if problem is None else f"{name}: not yet. {problem}")
    return problem is None


def function(name, fn, reference, cases, atol=1e-6):
    """Compare fn(*args) with reference(*args) for each tuple of args in `cases`."""
    if not callable(fn):
        return report(name, f"expected a function, got {fn!r:.60}")
    for args in cases:
        shown = ", ".join(_fmt(a) for a in args)
        try:
            got = fn(*[a.copy() if isinstance(a, np.ndarray) else a for a in args])  # a copy: the learner may write into it
        except Exception as e:  # a learner's bug: show it, do not crash the notebook
            return report(name, f"calling it with ({shown}) raised {type(e).__name__}: {e}")
        want = reference(*args)
        if got is None:
            return report(name, f"it returned None for ({shown}); did you forget `return`?")
        try:
            got = np.asarray(got, dtype=float)
        except (TypeError, ValueError):
            return report(name, f"for ({shown}) it returned {got!r:.60}, not numbers")
        if got.shape != np.shape(want):
            return report(name, f"for ({shown}) expected shape {np.shape(want)}, got shape {got.shape}")
        if not np.allclose(got, want, atol=atol, rtol=1e-6):
            return report(name, f"for ({shown}) expected {_fmt(want)}, got {_fmt(got)}")
    return report(name)


def value(name, got, want, atol=1e-6):
    """Compare a number or array the learner computed with the known answer."""
    try:
        got_arr = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return report(name, f"expected numbers, got {got!r:.60}")
    if got_arr.shape != np.shape(want):
        return report(name, f"expected shape {np.shape(want)}, got shape {got_arr.shape}")
    if not np.allclose(got_arr, want, atol=atol, rtol=1e-6):
        return report(name, f"expected {_fmt(want)}, got {_fmt(got_arr)}")
    return report(name)
