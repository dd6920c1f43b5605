"""Self-checking exercises: `check.<exercise>(your_answer)` prints "correct", what is not yet right, or, for
the untouched stub, "not attempted yet"; it returns None (nothing for Jupyter to echo). Graded use (nbgrader's
test cells) goes through nnlib/exercises/graded.py, which loads the checks afresh from their source files.

Every lesson's checks live as data in nnlib/exercises/lessonNN.py (the engine is nnlib/exercises/engine.py);
this module gathers the names each lesson lists in its `__all__`, so a notebook needs only
`from nnlib import check`. (Plumbing, not lesson.)
"""
from importlib import import_module as _import

from . import exercises

# exercises.LESSONS is the one list of lessons ("lesson01" ... "lesson12"); these are their modules
LESSONS = tuple(_import(f"{__package__}.exercises.{name}") for name in exercises.LESSONS)
for _lesson in LESSONS:
    globals().update({_name: getattr(_lesson, _name) for _name in _lesson.__all__})
__all__ = sorted({name for lesson in LESSONS for name in lesson.__all__})
