"""How a check answers (plumbing, not lesson): one line printed, or in graded mode a NotYet raised.

"<name>: correct[. why]", "<name>: not yet. <hint> <problem>", or for an untouched stub the same neutral
"<name>: not attempted yet: ..." for every exercise. A check returns None: nothing for Jupyter to echo.
"""
import textwrap

NOT_ATTEMPTED = ("not attempted yet: put your answer (or your fix) in the cell above, run that cell, then run "
                 "this one again.")
WIDTH = 90


class NotYet(AssertionError):
    """A failed check in graded mode: IPython (and so nbgrader's feedback) shows the message alone, wrapped
    at 90 columns, with no traceback into the engine."""

    def _render_traceback_(self):
        return textwrap.wrap(str(self), WIDTH) or [""]


class Refused(TypeError):
    """Raised by a check's own wrapper (not the student's code) to refuse a result: a reply quotes its message
    as what the function did ("it returned ..."), without "raised"."""


def _note(altered):
    if not altered:
        return ""
    return f" (Your code changed {', '.join(altered)}; the check put it back.)"


def verdict(name, problem=None, hint=None, grade=False, right="", altered=()):
    """Print "<name>: correct" or "<name>: not yet. <hint> <problem>" and return None. With grade=True print
    nothing and raise NotYet with that message on a failure."""
    if problem is None:
        message = f"{name}: correct" + (f". {right}" if right else "") + _note(altered)
    elif problem is NOT_ATTEMPTED:
        message = f"{name}: {NOT_ATTEMPTED}"
    else:
        first = problem.split(" ", 1)[0]
        problem = problem[:1].upper() + problem[1:] if first.isalpha() and first.islower() else problem
        message = f"{name}: not yet. " + (f"{hint} " if hint else "") + problem + _note(altered)
    if grade:
        if problem is not None:
            raise NotYet(message)
        return None
    print(message)
    return None
