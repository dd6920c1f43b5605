"""Graded mode of the exercise checks, for nbgrader's test cells (plumbing, not lesson; every lesson).

STAND-IN written on the grading branch against the interface agreed with the engine's branch; the
engine's own graded.py replaces this file when the branches merge (keep theirs).

- `run(exercise_name, *answers)`: runs that exercise's check from fresh copies of the engine and the
  lesson modules (so rebinding `check.x` or patching the engine in a student's cells changes nothing);
  prints nothing and returns None when correct; raises `NotYet` (an AssertionError rendering as the short
  wrapped message, no traceback) when not.
- `test_cell_source(exercise_name, answer_names)`: the exact code of an nbgrader test cell.
"""
import contextlib
import importlib
import io
import sys
import textwrap
import types
from pathlib import Path

__all__ = ["NotYet", "run", "test_cell_source"]
_PRIVATE = "_nn_course_graded"
WIDTH = 88


class NotYet(AssertionError):
    """A failed graded check: shown as its message, wrapped, without a traceback."""

    def _render_traceback_(self):
        return textwrap.wrap(str(self), WIDTH, break_on_hyphens=False) or [""]


def _forget():
    for key in [k for k in sys.modules if k == _PRIVATE or k.startswith(_PRIVATE + ".")]:
        del sys.modules[key]


def _fresh_check(name):
    """The check `name` from fresh copies of nnlib's modules (nothing a student's cells did reaches it);
    they stay loaded until the next graded run (a check may import lesson code when it runs)."""
    _forget()
    package = types.ModuleType(_PRIVATE)
    package.__path__ = [str(Path(__file__).resolve().parents[1])]
    sys.modules[_PRIVATE] = package
    for path in sorted(Path(__file__).parent.glob("lesson[0-9][0-9].py")):
        lesson = importlib.import_module(f"{_PRIVATE}.exercises.{path.stem}")
        if name in getattr(lesson, "__all__", ()):
            return getattr(lesson, name)
    _forget()
    raise ValueError(f"exercise_name={name!r} is no exercise of any lesson")


def run(exercise_name, *answers):
    """Lesson-independent graded check: None when correct, else NotYet with the check's message."""
    if not isinstance(exercise_name, str):
        raise TypeError(f"exercise_name must be a str, got {exercise_name!r}")
    check = _fresh_check(exercise_name)
    with contextlib.redirect_stdout(io.StringIO()):
        try:
            check(*answers, grade=True)
        except AssertionError as e:
            message = str(e)
        else:
            return None
    raise NotYet(message) from None


def test_cell_source(exercise_name, answer_names):
    """The code of the nbgrader test cell of an exercise whose check takes `answer_names`."""
    return (f"from nnlib.exercises.graded import run\n\n"
            f"run({exercise_name!r}, {', '.join(answer_names)})")
