"""The exercise engine's sandbox (plumbing, not lesson): call a student's function on copies of the inputs,
with library shortcuts patched to raise, and record what it returned, raised and changed in place."""
import copy
import importlib
from typing import Any, NamedTuple

import numpy as np

_ALIASES = {"np": "numpy", "plt": "matplotlib.pyplot"}


def raised(e):
    """'ValueError: message', or just the exception's name when it has no message."""
    return f"{type(e).__name__}: {e}" if str(e) else type(e).__name__


def _resolve(dotted):
    """(owner, attribute) for a dotted name such as 'np.linalg.eigvalsh'."""
    parts = dotted.split(".")
    parts[0] = _ALIASES.get(parts[0], parts[0])
    for i in range(len(parts) - 1, 0, -1):
        try:
            owner = importlib.import_module(".".join(parts[:i]))
        except ImportError:
            continue
        for attr in parts[i:-1]:
            owner = getattr(owner, attr)
        return owner, parts[-1]
    raise ValueError(f"forbid: cannot find {dotted!r}")


class _Forbidden:
    """While active, the named functions record that they were called and raise."""

    def __init__(self, names):
        self.names, self.used, self.saved = tuple(names), [], []

    def __enter__(self):
        for dotted in self.names:
            owner, attr = _resolve(dotted)
            self.saved.append((owner, attr, getattr(owner, attr)))
            setattr(owner, attr, self._raiser(dotted))
        return self

    def __exit__(self, *exc):
        for owner, attr, original in reversed(self.saved):
            setattr(owner, attr, original)
        self.saved = []

    def _raiser(self, dotted):
        def forbidden(*args, **kwargs):
            self.used.append(dotted)
            raise RuntimeError(f"{dotted} is not allowed in this exercise")
        return forbidden


def _same(a, b):
    """Whether an argument is unchanged (arrays entry by entry, NaN equal to NaN)."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        a, b = np.asarray(a), np.asarray(b)
        return a.shape == b.shape and a.dtype == b.dtype and np.array_equal(a, b, equal_nan=a.dtype.kind in "fc")
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return type(a) is type(b) and len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    try:
        return a is b or bool(a == b)
    except (TypeError, ValueError):
        return False


class Outcome(NamedTuple):
    """What one call of a student's (or a slip's) function did."""
    value: Any
    error: str         # "" or what went wrong ("raised ...", "called np.linalg.eigvalsh ...")
    changed: tuple     # indices of the arguments it changed in place
    args: tuple        # the arguments after the call


def run(fn, args, forbid=()):
    """Call fn on deep copies of args, with the `forbid` functions patched to raise: an Outcome."""
    mine = copy.deepcopy(tuple(args))
    value, error = None, ""
    with _Forbidden(forbid) as guard:
        try:
            value = fn(*mine)
        except Exception as e:  # a learner's bug: show it, do not crash the notebook
            error = f"raised {raised(e)}"
    if guard.used:
        error = f"called {guard.used[0]}, which this exercise does not allow"
    changed = tuple(i for i, (a, b) in enumerate(zip(args, mine)) if not _same(a, b))
    return Outcome(value, error, changed, mine)
