"""Graded use of the exercise checks (plumbing, not lesson): what nbgrader's test cells run.

- `run(exercise_name, *answers)` runs that exercise's check in graded mode from FRESH copies of the engine
  and of the lesson's module, loaded from their source files under a private package name (not the objects
  in sys.modules): `check.signed_distance = lambda *a, **k: True`, patching `engine.verdict` or
  `compare.close`, or passing an answer imported from a lesson's SOLUTIONS change nothing (a reference
  answer is refused, whatever wraps it). The rest of nnlib (autograd, layers, ...) is the kernel's own, so
  the student's objects (a Value) are the classes the check knows; the references run with the library
  restored to how the kernel first imported it (sandbox.pristine), so `np.tanh = ...` or
  `Value.backward = ...` in a student's cell changes no reference. Correct: prints nothing, returns None.
  Not correct: raises `NotYet`, an AssertionError whose IPython rendering is the message alone, wrapped at
  90 columns (nbgrader's feedback shows the hint once, with no engine traceback and no paths).
- `test_cell_source(exercise_name, answer_names)` is the code of an nbgrader test cell for that exercise:
  it loads this file by path from nnlib's package directory (importlib.util.find_spec("nnlib"), which works
  for an editable install too), so rebinding `nnlib.exercises.graded` or `run` in sys.modules, or the name
  `graded` in the notebook, changes nothing.
- A replaced check is marked for the teacher: when `nnlib.check.<name>` in the kernel is no longer the
  library's function, or the notebook's `check` is not nnlib.check, `run` writes the line
  "<name>: REBOUND: check was rebound in this notebook" to stderr (nbgrader keeps it in the graded
  notebook's outputs), and a NotYet's message ends with "(check was rebound in this notebook)". The
  grade itself always comes from the library's own check. `rebound(exercise_name)` tells the same.

What this cannot stop: code running in the same kernel can do anything the kernel can (patch numpy's C
functions' callers, replace this file's loader, edit files). The README's "How far the checks can be
trusted" says what the teacher can do about it.
"""
import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import itertools
import os
import re
import sys
import textwrap
import types

WIDTH = 90
MARK = "check was rebound in this notebook"
_HERE = os.path.dirname(os.path.abspath(__file__))
_NNLIB = os.path.dirname(_HERE)
_COUNT = itertools.count()


class NotYet(AssertionError):
    """A failed graded check: IPython shows the message alone, wrapped, with no traceback."""

    def _render_traceback_(self):
        return textwrap.wrap(str(self), WIDTH) or [""]


def _lesson_of(exercise_name):
    """'lesson01' for 'signed_distance', read from the lessons' source files (a lesson's checks may sit in
    lessonNN.py or in a part of it, lessonNN_<part>.py, which lessonNN.py re-exports)."""
    if not isinstance(exercise_name, str) or not exercise_name.isidentifier():
        raise ValueError(f"exercise_name must be a check's name such as 'signed_distance', got {exercise_name!r}")
    for file in sorted(os.listdir(_HERE)):
        if (lesson := re.fullmatch(r"(lesson\d\d)(_\w+)?\.py", file)):
            with open(os.path.join(_HERE, file), encoding="utf-8") as f:
                if re.search(rf"^def {exercise_name}\(", f.read(), flags=re.M):
                    return lesson.group(1)
    raise ValueError(f"exercise_name: no lesson has a check named {exercise_name!r}")


class _Alias(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """<private>.<module> outside <private>.exercises is the kernel's own nnlib.<module>."""

    def __init__(self, private):
        self.private = private

    def find_spec(self, fullname, path=None, target=None):
        if fullname.startswith(self.private + ".") and not fullname.startswith(self.private + ".exercises"):
            return importlib.util.spec_from_loader(fullname, self)
        return None

    def create_module(self, spec):
        return importlib.import_module("nnlib" + spec.name[len(self.private):])

    def exec_module(self, module):
        pass


class _Fresh:
    """A fresh copy of nnlib.exercises from its source files, under a private name, for one run."""

    def __init__(self, lesson):
        self.lesson = lesson

    def __enter__(self):
        self.private = f"_nnlib_graded_{os.getpid()}_{next(_COUNT)}"
        package = types.ModuleType(self.private)
        package.__path__, package.__package__ = [_NNLIB], self.private
        package.__spec__ = importlib.machinery.ModuleSpec(self.private, None, is_package=True)
        package.__spec__.submodule_search_locations = [_NNLIB]
        sys.modules[self.private] = package
        self.finder = _Alias(self.private)
        sys.meta_path.insert(0, self.finder)
        try:
            return importlib.import_module(f"{self.private}.exercises.{self.lesson}")
        except BaseException:
            self.__exit__()
            raise

    def __exit__(self, *exc):
        if self.finder in sys.meta_path:
            sys.meta_path.remove(self.finder)
        for name in [n for n in sys.modules if n == self.private or n.startswith(self.private + ".")]:
            del sys.modules[name]


def rebound(exercise_name, namespace=None):
    """Whether the kernel's nnlib.check.<name> (or the notebook's `check`, given its namespace) is no longer
    the library's own."""
    lesson = _lesson_of(exercise_name)
    live = sys.modules.get("nnlib.check")
    if namespace is not None and "check" in namespace and namespace["check"] is not live:
        return True
    if live is None:
        return False
    fn = getattr(live, exercise_name, None)
    code = getattr(fn, "__code__", None)
    where, file = os.path.split(code.co_filename) if code is not None else ("", "")
    return where != _HERE or not re.fullmatch(rf"{lesson}(_\w+)?\.py", file) or code.co_name != exercise_name


def run(exercise_name, *answers):
    """Run one exercise's check in graded mode on the student's answers: None when correct, else NotYet."""
    lesson = _lesson_of(exercise_name)
    caller = sys._getframe(1).f_globals
    replaced = rebound(exercise_name, caller)
    if replaced:
        print(f"{exercise_name}: REBOUND: {MARK}", file=sys.stderr)
    note = f" ({MARK})" if replaced else ""
    with _Fresh(lesson) as module:
        engine = sys.modules[module.__name__.rsplit(".", 1)[0] + ".engine"]
        try:
            getattr(module, exercise_name)(*answers, grade=True)
        except engine.NotYet as e:
            message = str(e)
        except (KeyboardInterrupt, SystemExit):
            raise
        except Exception as e:  # noqa: BLE001 - e.g. the wrong number of answers: say so, no traceback
            message = f"{exercise_name}: not yet. The check could not judge these answers: {type(e).__name__}: {e}"
        else:
            return None
    raise NotYet(message + note) from None


def test_cell_source(exercise_name, answer_names):
    """The code of an nbgrader test cell that grades `exercise_name` on the notebook's variables
    `answer_names` (e.g. ["w_and_not", "b_and_not"]): it loads this file by path and calls run."""
    _lesson_of(exercise_name)
    if isinstance(answer_names, str) or not all(isinstance(a, str) and a.isidentifier() for a in answer_names):
        raise ValueError(f"answer_names must be a list of variable names, got {answer_names!r}")
    args = "".join(f", {a}" for a in answer_names)
    return ("from importlib import util as _util\n"
            '_spec = _util.spec_from_file_location("_graded", _util.find_spec("nnlib").submodule_search_locations[0]'
            ' + "/exercises/graded.py")\n'
            "_graded = _util.module_from_spec(_spec); _spec.loader.exec_module(_graded)\n"
            f'_graded.run("{exercise_name}"{args})')
