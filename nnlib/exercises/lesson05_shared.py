"""Exercise check for lesson 5 (05_layers_and_gates), exercise 3 (predict): a gate whose code is hidden sees the
same value on both inputs, f = g(x, x); how fast does f change with x? Kept apart from lesson05.py, which
re-exports it, so each file stays short. Data for the engine in engine.py."""
import numpy as np

from .engine import Slip, prediction_check
from .predict import as_real

GRADS = (1.2, 4.8)          # what the gate's backward reports at a = b = 2, the prompt's numbers


def _hidden_gate(a, b):
    """The prompt's gate, whose code the student does not see: at a = b = 2 its gradients are 1.2 and 4.8."""
    return 0.3 * a ** 2 + 4.8 * b


def _shared_input(x=2.0, h=1e-4):
    """Run it: nudge x in f = g(x, x), both inputs at once, and measure the slope by central differences."""
    return float((_hidden_gate(x + h, x + h) - _hidden_gate(x - h, x - h)) / (2 * h))


_STEEPEST = ("the slope of g along its steepest direction; a nudge of x moves a and b by the same amount, which is "
             "another direction: how much does each input's move change f?")

SOLUTIONS = {"shared_input": 6.0}

SLIPS = {"shared_input": [
    Slip("first branch", "1.2 is what the first input receives. x is both inputs: how does f change when x moves "
                         "both?", 1.2),
    Slip("second branch", "4.8 is what the second input receives. x is both inputs: how does f change when x "
                          "moves both?", 4.8),
    Slip("mean", "3 is the two inputs' gradients averaged: a nudge of x nudges both inputs by the full amount, not "
                 "half each.", 3.0),
    Slip("product", "5.76 is the two gradients multiplied: the chain rule multiplies along one path, but here x "
                    "reaches f along two paths, side by side.", 5.76),
    *[Slip(f"doubled {which}", f"{twice:g} is twice the {which} input's gradient, as if both inputs received it; "
                               "this gate's two inputs receive different ones.", twice)
      for which, twice in (("first", 2.4), ("second", 9.6))],
    Slip("upstream", "1 is the upstream gradient df/df that backward starts from, not df/dx.", 1.0),
    Slip("x", "2 is x itself, not how fast f changes with it; or, if you took g to be a + b, a guessed formula: "
              "g's code is hidden, and its backward reported the two gradients to reason from.", 2.0),
    *[Slip(f"difference {sign}", f"{value:g} is one gradient minus the other: a nudge of x moves both inputs the "
                                 "same way, up together, so neither input's effect on f works against the other.",
           value) for sign, value in (("+", 3.6), ("-", -3.6))],
    Slip("twice over", "12 doubles for x being used twice, but the two reported gradients already are one per use, "
                       "through a and through b, so no extra factor 2 belongs.", 12.0),
    Slip("upstream term", "7 counts the upstream gradient df/df = 1 as a term of its own: it is the factor backward "
                          "multiplies each input's gradient by (here 1, which changes nothing), not a path from x "
                          "to f.", 7.0),
    Slip("length", f"That is the length of the gradient (1.2, 4.8), {_STEEPEST}", float(np.hypot(*GRADS))),
    Slip("squares", f"24.48 is the sum of the two gradients' squares, the squared length of the gradient (1.2, "
                    f"4.8): its length is {_STEEPEST}", 24.48),
    Slip("formula", "4 comes from a guessed formula (a product a * b, or x^2, whose slope at x = 2 is 4) or from "
                    "the ratio 4.8 / 1.2: g's code is hidden, so reason from the two gradients its backward "
                    "reported and from what a nudge of x does to each input.", 4.0),
    Slip("ratio", "0.25 is one gradient divided by the other, 1.2 / 4.8: a ratio says which input matters more, "
                  "not how fast f changes when x moves both.", 0.25),
]}


def _advice(prediction):
    """The hint for an answer that no slip names exactly: two numbers (the prompt's gradients, not combined
    yet), or a slip's value rounded (within 1%: the check's own tolerance is 1e-6)."""
    if isinstance(prediction, (tuple, list, np.ndarray)) and np.size(prediction) == 2:
        return "Those are the gradients of the gate's two inputs; here x is both: how fast does f change when x moves?"
    value = as_real(prediction)
    if value is None:
        return None
    near = [(abs(value - s.answer), s.hint) for s in SLIPS["shared_input"]
            if abs(value - s.answer) <= 0.01 * abs(s.answer)]
    return min(near)[1] if near else None


def shared_input(prediction, grade=False):
    """Lesson 5, exercise 3 (predict): df/dx for f = g(x, x) at x = 2, from g's two input gradients."""
    return prediction_check("shared_input", prediction, truth=_shared_input, tol=1e-6,
                            right="The check nudged x in f = g(x, x), both inputs at once, and measured the slope: "
                                  "1.2 + 4.8 = 6. Where a value is used twice, its gradients add up.",
                            slips=SLIPS["shared_input"], advice=_advice, grade=grade)


__all__ = ["shared_input"]
