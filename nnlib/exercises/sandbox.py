"""The exercise engine's sandbox (plumbing, not lesson): call a student's function on copies of the inputs,
under a time limit, with library shortcuts refused, and record what it returned, raised and changed.

What the call changes outside its arguments is put back afterwards and named (pristine.py): numpy's error
state, numpy's and Python's global random state, and the attributes of numpy's and nnlib's modules and
classes. References run under `pristine()`: the library as the engine first saw it (a cell that sets
`np.tanh = ...` or `Value.backward = ...` does not change a reference). Every exception the student's code
raises becomes a reply (BaseException included), except KeyboardInterrupt: an interrupt still interrupts.
"""
import copy
import importlib
import importlib.util
import linecache
import os
import signal
import sys
import threading
import warnings
from typing import Any, NamedTuple

import numpy as np

from .pristine import remember, restore, save

LIMIT = 10.0                 # seconds one call of the student's function may take
_ALIASES = {"np": "numpy", "plt": "matplotlib.pyplot"}
_EXERCISES = os.path.dirname(os.path.abspath(__file__))
_NNLIB = os.path.dirname(_EXERCISES)


def raised(e):
    """'ValueError: message', or just the exception's name when it has no message (or a failing __str__)."""
    try:
        text = str(e)
    except BaseException:  # noqa: BLE001 - a student's exception whose __str__ fails
        text = ""
    return f"{type(e).__name__}: {text}" if text else type(e).__name__


# --- shortcuts refused -------------------------------------------------------------------------------------
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
            try:
                owner, attr = _resolve(dotted)
                bound = attr in vars(owner)   # before getattr, which a lazy __getattr__ answers by binding
                original = getattr(owner, attr)
            except (ValueError, AttributeError):
                continue                      # a package that is not installed cannot be called either
            self.saved.append((owner, attr, original, bound))
            setattr(owner, attr, self._raiser(dotted))
        return self

    def __exit__(self, *exc):
        for owner, attr, original, bound in reversed(self.saved):
            if bound:
                setattr(owner, attr, original)
            elif attr in vars(owner):         # as it was: not bound yet (the student's call changed nothing)
                delattr(owner, attr)
        self.saved = []

    def _raiser(self, dotted):
        def forbidden(*args, **kwargs):
            self.used.append(dotted)
            raise RuntimeError(f"{dotted} is not allowed in this exercise")
        return forbidden


def _package_dir(name):
    """Where a package's code lives (its folder), or a plain module's file (so "nnlib.gradcheck" is that file,
    not all of nnlib)."""
    spec = importlib.util.find_spec(name) if name not in sys.modules else sys.modules[name].__spec__
    if not spec or not spec.origin:
        return None
    return os.path.dirname(spec.origin) + os.sep if spec.submodule_search_locations is not None else spec.origin


class _Watch:
    """While active (a profile function), notes a call into a forbidden package's code, whatever name reached
    it, and a call of one of the `codes` (a check's own reference, in graded mode)."""

    def __init__(self, packages, codes=()):
        self.dirs = {p: d for p in packages if (d := _package_dir(p))}
        self.codes, self.used, self.borrowed = frozenset(codes), [], False

    def __call__(self, frame, event, arg):
        if event != "call" or self.used:
            return
        if frame.f_code in self.codes:
            self.borrowed = True
            return
        path = frame.f_code.co_filename
        for package, folder in self.dirs.items():
            if path.startswith(folder):
                self.used.append(package)
                return

    def __enter__(self):
        self.previous = sys.getprofile()
        if (self.dirs or self.codes) and threading.current_thread() is threading.main_thread():
            sys.setprofile(self)
        return self

    def __exit__(self, *exc):
        sys.setprofile(self.previous)


# --- the time limit ----------------------------------------------------------------------------------------
class _TimeUp(BaseException):
    """Raised in the student's code when its call runs over the limit (not an Exception: `except Exception`
    in the student's code does not swallow it)."""


class _Deadline:
    """A SIGALRM timer in the main thread (re-fired every 0.2 s, so a bare `except:` cannot swallow it);
    elsewhere, or without setitimer, no limit."""

    def __init__(self, seconds):
        self.seconds, self.armed = seconds, False
        self.usable = seconds and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()

    def _fire(self, signum, frame):
        if self.armed:
            raise _TimeUp()

    def __enter__(self):
        if self.usable:
            self.previous = signal.signal(signal.SIGALRM, self._fire)
            self.armed = True
            signal.setitimer(signal.ITIMER_REAL, self.seconds, 0.2)
        return self

    def __exit__(self, *exc):
        self.armed = False
        if self.usable:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous)


# --- one call ----------------------------------------------------------------------------------------------
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
    except Exception:  # noqa: BLE001 - an argument whose comparison fails counts as changed
        return False


def _library_file(path):
    return path.startswith((_NNLIB, os.path.dirname(np.__file__), os.path.dirname(os.__file__))) or \
        "site-packages" in path or path.startswith("<frozen")


def _current(code, lineno):
    """Whether the file still holds the code that ran: its `def name` (a lambda's `lambda`) is on a line from
    where the code starts to `lineno`. A file edited since it was imported fails, and its line is not quoted."""
    name = code.co_name
    if not name.isidentifier():                  # <module>, <listcomp>, ...: nothing to look for
        return True
    word = "lambda" if name == "<lambda>" else f"def {name}"
    return any(word in linecache.getline(code.co_filename, n) for n in range(code.co_firstlineno, lineno + 1))


def _quote(tb):
    """The student's line that raised (`tb`'s frame), or '' if the file changed since. On a one-line def
    (`def f(H): return ...`) only the part that raised, not the def header."""
    code, lineno = tb.tb_frame.f_code, tb.tb_lineno
    linecache.checkcache(code.co_filename)       # a file edited since its last quote is read anew
    line = linecache.getline(code.co_filename, lineno)
    if not line.strip() or not _current(code, lineno):
        return ""
    if line.lstrip().startswith(("def ", "async def ")):        # a one-line def (decorated or not)
        positions = list(code.co_positions())
        start, end, column, end_column = positions[tb.tb_lasti // 2] if tb.tb_lasti // 2 < len(positions) else \
            (None,) * 4
        if start == end == lineno and column is not None and end_column is not None:
            return line[column:end_column].strip() or line.strip()
    return line.strip()


def _where(e):
    """The student's line where the exception was raised ('`dJdW1 = delta1.T @ X`'), or ''."""
    tb, line = e.__traceback__, ""
    while tb is not None:
        if not _library_file(tb.tb_frame.f_code.co_filename):
            line = _quote(tb)
        tb = tb.tb_next
    return f"`{line}`" if line else ""


class Outcome(NamedTuple):
    """What one call of a student's (or a slip's) function did."""
    value: Any
    error: str         # "" or what went wrong ("raised ...", "called np.linalg.eigvalsh ...", "ran over 10 s")
    changed: tuple     # indices of the arguments it changed in place
    args: tuple        # the arguments after the call
    where: str = ""    # the student's line that raised, if any
    altered: tuple = ()  # what it changed outside its arguments (put back since)
    kind: str = ""     # the exception's class name, if it raised
    borrowed: bool = False  # it called one of the `codes` (the check's own reference)


def run(fn, args, forbid=(), forbid_modules=(), limit=LIMIT, codes=()):
    """Call fn on deep copies of args, with the `forbid` functions patched to raise and calls into the
    `forbid_modules` packages (or of the `codes`) noted, under a time limit: an Outcome. Global state is put
    back."""
    mine = copy.deepcopy(tuple(args))
    value, error, where, kind = None, "", "", ""
    saved = save(remember())
    with _Forbidden(forbid) as guard, _Watch(forbid_modules, codes) as watch, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            with _Deadline(limit):
                value = fn(*mine)
        except KeyboardInterrupt:           # the user's interrupt still interrupts, with the state put back
            restore(saved)
            raise
        except _TimeUp:
            error, kind = f"ran over {limit:g} s (a loop that never ends?)", "timeout"
        except BaseException as e:  # noqa: BLE001 - a learner's bug: show it, do not crash the notebook
            error, where, kind = f"raised {raised(e)}", _where(e), type(e).__name__
    altered = restore(saved)
    if guard.used:
        error = f"called {guard.used[0]}, which this exercise does not allow"
    elif watch.used:
        error = f"called into {watch.used[0]}, which this exercise does not allow"
    changed = tuple(i for i, (a, b) in enumerate(zip(args, mine)) if not _same(a, b))
    return Outcome(value, error, changed, mine, where, altered, kind, watch.borrowed)
