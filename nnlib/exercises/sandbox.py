"""The exercise engine's sandbox (plumbing, not lesson): call a student's function on copies of the inputs,
under a time limit, with library shortcuts refused, and record what it returned, raised and changed.

What the call changes outside its arguments is put back afterwards and named: numpy's error state, numpy's
and Python's global random state, and the attributes of numpy's and nnlib's modules and classes. References
run under `pristine()`: the library as it was when the engine was first imported (a cell that sets
`np.tanh = ...` or `Value.backward = ...` does not change a reference). Every exception the student's code
raises becomes a reply (BaseException included), except KeyboardInterrupt: an interrupt still interrupts.
"""
import copy
import importlib
import importlib.util
import inspect
import linecache
import os
import random
import signal
import sys
import threading
import types
import warnings
from typing import Any, NamedTuple

import numpy as np

LIMIT = 10.0                 # seconds one call of the student's function may take
_ALIASES = {"np": "numpy", "plt": "matplotlib.pyplot"}
_LIBRARY = ("numpy", "numpy.linalg", "numpy.random", "math")
_EXERCISES = os.path.dirname(os.path.abspath(__file__))
_NNLIB = os.path.dirname(_EXERCISES)
_REGISTRY = "_nnlib_pristine"     # survives a fresh load of the engine (graded mode): the first snapshot wins


def raised(e):
    """'ValueError: message', or just the exception's name when it has no message (or a failing __str__)."""
    try:
        text = str(e)
    except BaseException:  # noqa: BLE001 - a student's exception whose __str__ fails
        text = ""
    return f"{type(e).__name__}: {text}" if text else type(e).__name__


# --- the library as first imported -------------------------------------------------------------------------
def _tracked():
    """The modules whose attributes are watched: numpy's main ones and every loaded nnlib module but the
    exercise engine itself."""
    names = [n for n in _LIBRARY if n in sys.modules]
    names += [n for n in list(sys.modules) if (n == "nnlib" or n.startswith("nnlib.")) and
              not n.startswith(("nnlib.exercises", "nnlib.check"))]
    return [(n, sys.modules[n]) for n in names if isinstance(sys.modules.get(n), types.ModuleType)]


def _attributes(module):
    """{name: value} of a module, and {class name: {name: value}} of the classes it defines."""
    attrs = dict(vars(module))
    classes = {k: {a: v for a, v in vars(c).items() if a not in ("__dict__", "__weakref__")}
               for k, c in attrs.items() if isinstance(c, type) and c.__module__ == module.__name__}
    return attrs, classes


def _fresh(module):
    """A new copy of an nnlib module run from its source file (its imports are the live modules), or None."""
    path = getattr(module, "__file__", None)
    if not path or not path.endswith(".py"):
        return None
    try:
        spec = importlib.util.spec_from_file_location(module.__name__, path)
        copy_ = importlib.util.module_from_spec(spec)
        copy_.__package__ = module.__package__
        spec.loader.exec_module(copy_)
    except Exception:  # noqa: BLE001 - a module that cannot be re-run is snapshot as it is
        return None
    return copy_


def _same_code(live, fresh):
    return inspect.isfunction(live) and live.__code__ == fresh.__code__


def _original(module):
    """A module's attributes as its source defines them: a function (or a class's method) whose code is
    not the source's was patched before the engine saw the module, and the source's own is taken."""
    attrs, classes = _attributes(module)
    fresh = _fresh(module) if module.__name__.startswith("nnlib") else None
    for k, v in vars(fresh).items() if fresh else ():
        if inspect.isfunction(v) and not _same_code(attrs.get(k), v):
            attrs[k] = v
        if isinstance(v, type) and k in classes:
            for a, fv in vars(v).items():
                if inspect.isfunction(fv) and not _same_code(classes[k].get(a), fv):
                    classes[k][a] = fv
    return attrs, classes


def remember():
    """The first snapshot of the library in this process (numpy as first seen, nnlib as its source defines
    it), extended by modules loaded since; kept in sys.modules so a fresh copy of the engine shares it."""
    reg = sys.modules.get(_REGISTRY)
    if reg is None:
        reg = sys.modules[_REGISTRY] = types.ModuleType(_REGISTRY)
        reg.modules = {}
    for name, module in _tracked():
        if name not in reg.modules:
            reg.modules[name] = (module, *_original(module))
    return reg.modules


def _differences(snapshot):
    """[(label, setter, original)] for every watched attribute that differs from `snapshot`."""
    out = []
    for name, (module, attrs, classes) in snapshot.items():
        now = vars(module)
        for k in set(now) | set(attrs):
            before = attrs.get(k, _MISSING)
            if now.get(k, _MISSING) is not before and not _new_module(before, now.get(k)):
                out.append((f"{name}.{k}", module, k, attrs.get(k, _MISSING)))
        for cname, cattrs in classes.items():
            cls = attrs.get(cname)
            cnow = {a: v for a, v in vars(cls).items() if a not in ("__dict__", "__weakref__")}
            for k in set(cnow) | set(cattrs):
                if cnow.get(k, _MISSING) is not cattrs.get(k, _MISSING):
                    out.append((f"{name}.{cname}.{k}", cls, k, cattrs.get(k, _MISSING)))
    return out


_MISSING = object()


def _new_module(before, now):
    """A submodule imported since (numpy.fft, nnlib.mlp): not a change to put back."""
    return before is _MISSING and isinstance(now, types.ModuleType)


def _put(owner, attr, value):
    if value is _MISSING:
        if attr in vars(owner):
            delattr(owner, attr)
    else:
        setattr(owner, attr, value)


def _now(snapshot):
    """The current values of everything `snapshot` watches, as a snapshot of its own."""
    return {name: (module, *_attributes(module)) for name, (module, _, _) in snapshot.items()}


class _Global(NamedTuple):
    attrs: dict
    err: dict
    np_random: Any
    py_random: Any


def _save(snapshot):
    return _Global(_now(snapshot), np.geterr(), np.random.get_state(), random.getstate())


def _restore(saved):
    """Put everything back as `saved` holds it; the names of what had changed."""
    changed = []
    for label, owner, attr, value in _differences(saved.attrs):
        _put(owner, attr, value)
        changed.append(label)
    if np.geterr() != saved.err:
        np.seterr(**saved.err)
        changed.append("numpy's error state (np.seterr)")
    state = np.random.get_state()
    if state[0] != saved.np_random[0] or not np.array_equal(state[1], saved.np_random[1]) or \
            state[2:] != saved.np_random[2:]:
        np.random.set_state(saved.np_random)
        changed.append("numpy's global random state")
    if random.getstate() != saved.py_random:
        random.setstate(saved.py_random)
        changed.append("Python's random state")
    return tuple(sorted(changed))


class pristine:  # noqa: N801 - used as a context manager, like np.errstate
    """While active, the library is as the engine first saw it (the student's changes set aside, then put
    back), with numpy's default error state: the state every reference is computed in."""

    def __enter__(self):
        snapshot = remember()
        self.saved = _save(snapshot)
        for _, owner, attr, value in _differences(snapshot):
            _put(owner, attr, value)
        self.err = np.seterr(all="warn", under="ignore")
        return self

    def __exit__(self, *exc):
        for _, owner, attr, value in _differences(self.saved.attrs):
            _put(owner, attr, value)
        np.seterr(**self.err)
        np.random.set_state(self.saved.np_random)
        random.setstate(self.saved.py_random)


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
            except (ValueError, AttributeError):
                continue                      # a package that is not installed cannot be called either
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


def _package_dir(name):
    spec = importlib.util.find_spec(name) if name not in sys.modules else sys.modules[name].__spec__
    return os.path.dirname(spec.origin) + os.sep if spec and spec.origin else None


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


def _where(e):
    """The student's line where the exception was raised ('`dJdW1 = delta1.T @ X`'), or ''."""
    tb, line = e.__traceback__, ""
    while tb is not None:
        code = tb.tb_frame.f_code
        if not _library_file(code.co_filename):
            line = linecache.getline(code.co_filename, tb.tb_lineno).strip()
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
    saved = _save(remember())
    with _Forbidden(forbid) as guard, _Watch(forbid_modules, codes) as watch, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            with _Deadline(limit):
                value = fn(*mine)
        except KeyboardInterrupt:
            raise
        except _TimeUp:
            error, kind = f"ran over {limit:g} s (a loop that never ends?)", "timeout"
        except BaseException as e:  # noqa: BLE001 - a learner's bug: show it, do not crash the notebook
            error, where, kind = f"raised {raised(e)}", _where(e), type(e).__name__
    altered = _restore(saved)
    if guard.used:
        error = f"called {guard.used[0]}, which this exercise does not allow"
    elif watch.used:
        error = f"called into {watch.used[0]}, which this exercise does not allow"
    changed = tuple(i for i, (a, b) in enumerate(zip(args, mine)) if not _same(a, b))
    return Outcome(value, error, changed, mine, where, altered, kind, watch.borrowed)


remember()            # numpy as the notebook's first `from nnlib import check` finds it
