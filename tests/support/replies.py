"""The exercise tests' two helpers (tests/test_exercise_slips_*.py, tests/test_exercise_battery.py): what a check
prints for an answer, and a function defined from source as a notebook cell defines it.

    reply("standardise", fn)              # what check.standardise(fn) prints, stripped
    reply(check.pm_gradient, answer)      # the same, for a check passed itself
    defined(source, "standardise")        # the function `standardise` that `source` defines
"""
import contextlib
import io

import numpy as np

from nnlib import check

from .cells import cell_code


def reply(check_or_name, *answers):
    """What a check prints for these answers, stripped: the check itself, or its name in nnlib.check. It must return
    None (nothing for Jupyter to echo under the reply)."""
    fn = getattr(check, check_or_name) if isinstance(check_or_name, str) else check_or_name
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert fn(*answers) is None
    return out.getvalue().strip()


def defined(source, name, **names):
    """`name` from `source` run as a notebook cell runs (its source readable, as IPython keeps it), with np and the
    given `names` defined before it runs (as earlier cells define them)."""
    namespace = {"np": np, **names}
    exec(cell_code(source), namespace)
    return namespace[name]
