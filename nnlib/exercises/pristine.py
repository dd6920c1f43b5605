"""The library as the exercise engine first saw it (plumbing, not lesson): what every reference runs in.

`remember()` snapshots numpy's main modules as first imported (at the notebook's `from nnlib import check`)
and every loaded nnlib module as its source file defines it (a function or method whose code is not the
source's was patched, and the source's own is kept), in a registry in sys.modules that a fresh copy of the
engine (graded mode) shares. `pristine()` sets the student's changes aside for a reference and puts them
back; `save()` / `restore()` put back what a student's call changed and name it (a name that a package's
lazy `__getattr__` binds on first use, such as nnlib.numerical_gradient, is not a change).
"""
import importlib.util
import inspect
import random
import sys
import types
from typing import Any, NamedTuple

import numpy as np

_LIBRARY = ("numpy", "numpy.linalg", "numpy.random", "math")
_REGISTRY = "_nnlib_pristine"     # survives a fresh load of the engine (graded mode): the first snapshot wins


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
            if now.get(k, _MISSING) is not before and not _new_module(before, now.get(k)) and \
                    not _lazy(module, k, before, now.get(k)):
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


def _lazy(module, name, before, now):
    """A name a package's lazy `__getattr__` (PEP 562) bound on first use (nnlib.numerical_gradient, from
    nnlib.gradcheck): the defining module's own object, not a change to put back."""
    if before is not _MISSING or "__getattr__" not in vars(module):
        return False
    home = sys.modules.get(getattr(now, "__module__", None) or "")
    return home is not None and home is not module and vars(home).get(name, _MISSING) is now


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
    """What save() keeps: the watched attributes, numpy's error state, the random states."""
    attrs: dict
    err: dict
    np_random: Any
    py_random: Any


def save(snapshot):
    return _Global(_now(snapshot), np.geterr(), np.random.get_state(), random.getstate())


def restore(saved):
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
        self.saved = save(snapshot)
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



remember()            # numpy as the notebook's first `from nnlib import check` finds it
