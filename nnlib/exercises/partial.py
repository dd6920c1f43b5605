"""Slips for one number of several (plumbing, not lesson; used by lesson 6's l1_unused_weight and lesson 8's
bottleneck_rank): a prediction of several numbers whose k-th number is a catalogued wrong value gets that value's
hint, whatever the other numbers are, so a slip in one number is named even when another is wrong too."""
from typing import NamedTuple

from .engine import Slip
from .predict import as_reals, margin


class Part(NamedTuple):
    """A typical wrong value of number `index` (0 for the first) of a several-number prediction, and its hint."""
    index: int
    value: float
    hint: str


def part_slips(prediction, size, parts, tol=0.0):
    """The Slips (at most one, its hints joined) that match `prediction` on the numbers some Part names, for a
    prediction of `size` numbers; [] when it is not `size` finite numbers or no Part matches."""
    values = as_reals(prediction, size)
    if values is None:
        return []
    hints = [p.hint for p in parts if abs(values[p.index] - p.value) <= margin(tol, p.value)]
    return [Slip("part", " ".join(dict.fromkeys(hints)), tuple(values))] if hints else []
