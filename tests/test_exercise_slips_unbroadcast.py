"""Lesson 11's exercise 3 (11_autograd, nnlib/exercises/lesson11.py): unbroadcast needs more than section 1 shows.

* section 1's `unbroadcast`, pasted as it stands, does not pass the check: it sums only the extra leading axes, and
  the check names the size-1 axes it leaves stretched;
* nnlib.autograd's `unbroadcast` (the notebook's `unbroadcast_full`, which its gates use from section 4 on) is
  refused, by name and when called inside an answer: it is the answer one name away, not a fix.
"""
import json
from functools import partial
from pathlib import Path

import numpy as np
from support import replies

from nnlib import autograd
from nnlib.exercises import lesson11

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "11_autograd.ipynb"


reply = partial(replies.reply, "unbroadcast")  # what the check prints for an answer


def section_one_unbroadcast():
    """The first `def unbroadcast` of the notebook (section 1's), executed on its own."""
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    source = next("".join(c["source"]) for c in cells
                  if c["cell_type"] == "code" and "def unbroadcast" in "".join(c["source"]))
    code = source[source.index("def unbroadcast"):source.index("\n\n\n")]
    namespace = {"np": np}
    exec(code, namespace)
    return namespace["unbroadcast"]


def test_section_one_pasted_is_not_enough():
    hint = next(s.hint for s in lesson11.SLIPS["unbroadcast"] if s.name == "leading only")
    assert reply(section_one_unbroadcast()).startswith(f"unbroadcast: not yet. {hint}")


def test_the_library_unbroadcast_is_refused():
    assert "nnlib.autograd's own unbroadcast" in reply(autograd.unbroadcast)
    assert not reply(autograd.unbroadcast).startswith("unbroadcast: correct")

    def borrowed(g, shape):
        return autograd.unbroadcast(g, shape)
    assert "not allow" in reply(borrowed)


def test_a_copy_of_the_reference_is_right():
    assert reply(lesson11.SOLUTIONS["unbroadcast"]).startswith("unbroadcast: correct")
