"""The engine behind the self-checking exercises (plumbing, not lesson); see `nnlib.check`.

Each check prints "correct" or exactly what is wrong (the input, what was
expected, what came back) and returns True or False. Lesson sections below
hold the named checks; each compares against nnlib's own implementation or a
known answer, on fixed inputs, so the printed text is the same on every run.
"""
import numpy as np


def _fmt(a):
    return np.array2string(np.asarray(a, dtype=float), precision=4, suppress_small=True, separator=", ")


def fmt_line(a):
    """_fmt on one line: [[0.5, -1.], [2., 0.25]]; integers and booleans as they are."""
    if isinstance(a, (bool, np.bool_)):
        return str(bool(a))
    if isinstance(a, (int, np.integer)):
        return str(int(a))
    return " ".join(_fmt(a).split())


def raised(e):
    """'ValueError: message', or just the exception's name when it has no message."""
    return f"{type(e).__name__}: {e}" if str(e) else type(e).__name__


def compare_parts(got, names, wants):
    """None when the tuple `got` matches the expected values `wants` (named `names`) part by part,
    else what differs."""
    if got is None:
        return "it returned None; did you forget `return`?"
    if not isinstance(got, (tuple, list)) or len(got) != len(wants):
        shown = f"{len(got)} results" if isinstance(got, (tuple, list)) else f"{got!r:.60}"
        return f"expected {len(wants)} results ({', '.join(names)}), got {shown}"
    for part, g, want in zip(names, got, wants):
        try:
            g = np.asarray(g, dtype=float)
        except (TypeError, ValueError):
            return f"{part} should be numbers, got {g!r:.60}"
        if g.size == 1 and np.size(want) == 1:
            g = g.reshape(np.shape(want))
        if g.shape != np.shape(want):
            return f"{part} should have shape {np.shape(want)}, got shape {g.shape}"
        if not np.allclose(g, want, atol=1e-6, rtol=1e-6):
            return f"{part}: expected {fmt_line(want)}, got {fmt_line(g)}"
    return None


def _differs(got, want, atol):
    """What differs between the float array `got` and `want` (shape, then values), or None."""
    if got.shape != np.shape(want):
        return f"expected shape {np.shape(want)}, got shape {got.shape}"
    if not np.allclose(got, want, atol=atol, rtol=1e-6):
        return f"expected {_fmt(want)}, got {_fmt(got)}"
    return None


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
        problem = _differs(got, want, atol)
        if problem is not None:
            return report(name, f"for ({shown}) {problem}")
    return report(name)


def value(name, got, want, atol=1e-6):
    """Compare a number or array the learner computed with the known answer."""
    try:
        got_arr = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return report(name, f"expected numbers, got {got!r:.60}")
    return report(name, _differs(got_arr, want, atol))
