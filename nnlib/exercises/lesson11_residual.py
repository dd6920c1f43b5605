"""Exercise check for lesson 11 (11_autograd): the gradient of a residual block h = x + tanh(x w) (exercise 2,
predict), which uses x twice, once through the skip path and once through the multiply and tanh gates. Kept apart
from lesson11.py, which re-exports it, so each file stays short. Data for the engine in engine.py.

The check builds the block with nnlib.autograd Values and runs a backward pass written out here (never the live
Value.backward, which the lesson's `Value.backward = backward` may replace)."""
import numpy as np

from ..autograd import Value, topological_order
from .engine import Slip, prediction_check
from .predict import as_reals

X, W = 0.5, 2.0                             # the prompt's numbers: x w = 1, tanh(1) = 0.7616
_T = float(np.tanh(X * W))
_SLOPE = 1 - _T * _T                        # tanh's slope at x w, 0.420
_SIG = float(1 / (1 + np.exp(-X * W)))      # the sigmoid at x w, for a slip


def reference_backward(J):
    """The reference engine of lesson 11's checks, written out here: never the live Value.backward, which the
    lesson's own idiom `Value.backward = backward` replaces with the student's."""
    order = topological_order(J)
    for node in order:
        node.grad = np.zeros_like(node.data)
    J.grad = np.ones_like(J.data)
    for node in reversed(order):
        for parent, local in node.parents:
            parent.grad = parent.grad + local(node.grad)


def _residual_grad():
    """dh/dx for h = x + tanh(x * w) at the prompt's x and w, by the engine's gates and the reference backward."""
    x, w = Value(X), Value(W)
    reference_backward(x + (x * w).tanh())
    return float(x.grad)


SOLUTIONS = {"residual_grad": 1 + W * _SLOPE}

SLIPS = {"residual_grad": [
    Slip("no skip", "That is the share of the path through tanh alone: the skip path adds x itself to the result, "
         "so the add gate hands x the whole upstream gradient as a second share, and the shares add up.",
         W * _SLOPE),
    Slip("no w", "The path through tanh runs through the multiply gate x * w first, and that gate hands x its "
         "upstream gradient times the other input: a factor is missing.", 1 + _SLOPE),
    Slip("one minus tanh", "tanh's slope is 1 - tanh(z)^2 (section 4's tanh gate passes on g (1 - a^2)), not "
         "1 - tanh(z).", 1 + W * (1 - _T)),
    Slip("tanh for slope", "You used tanh(x w) itself where its slope belongs: the tanh gate passes on "
         "g (1 - a^2), with a = tanh(z).", 1 + W * _T),
    Slip("tanh, no w", "You used tanh(x w) itself where its slope belongs (the tanh gate passes on g (1 - a^2), "
         "with a = tanh(z)), and the multiply gate's factor is missing too: x's share of x * w is g times the "
         "other input.", 1 + _T),
    Slip("sech", "1 / cosh(z) is sech(z); tanh's slope is its square, sech(z)^2 = 1 - tanh(z)^2.",
         1 + W / np.cosh(X * W)),
    Slip("x for w", "The multiply gate swaps its inputs: x's share of x * w is g times w, the other input "
         "(g times x is w's share).", 1 + X * _SLOPE),
    Slip("skip only", "1 is the skip path's share alone: x also reaches h along a second path, through x * w and "
         "the tanh gate, and that path hands it a share too; the two shares add up.", 1.0),
    Slip("(1 - a)^2", "tanh's slope is 1 - a^2, one minus the square of a = tanh(z), not the square of 1 - a.",
         1 + W * (1 - _T) ** 2),
    Slip("slope at x", "tanh's slope belongs at its own input, z = x w, not at x: the gate passes on "
         "g (1 - a^2) with a = tanh(x w).", 1 + W * (1 - np.tanh(X) ** 2)),
    Slip("slope at w", "tanh's slope belongs at its own input, z = x w, not at w: the gate passes on "
         "g (1 - a^2) with a = tanh(x w).", 1 + W * (1 - np.tanh(W) ** 2)),
    Slip("sigmoid slope", "a (1 - a) is the sigmoid's slope; the tanh gate passes on g (1 - a^2).",
         1 + W * _SIG * (1 - _SIG)),
    Slip("sigmoid slope of tanh", "a (1 - a) is the sigmoid's slope, here with a = tanh(x w); the tanh gate "
         "passes on g (1 - a^2).", 1 + W * _T * (1 - _T)),
    Slip("plus", "tanh's slope is 1 - tanh(z)^2, with a minus: it is at most 1, and smaller the more tanh "
         "saturates.", 1 + W * (1 + _T * _T)),
    Slip("both grads", "That adds dh/dw to dh/dx: the question asks for the gradient with respect to x alone.",
         1 + W * _SLOPE + X * _SLOPE),
    Slip("rounded", "Rounded to one decimal, which misses the 0.01 allowed: the question asks for two decimals.",
         round(1 + W * _SLOPE, 1)),
    Slip("value", "That is h itself, x + tanh(x w); the question asks for its derivative with respect to x.",
         X + _T),
    Slip("slope only", "That is tanh's slope alone: x reaches h along two paths (the skip path and the one through "
         "x * w and tanh), and the multiply gate on the second adds a factor of its own.", _SLOPE),
    Slip("slope 1", "tanh's slope is 1 only at z = 0: wherever tanh bends it is smaller, and here z = x w is 1, "
         "well into the bend.", 1 + W),
    Slip("dh/dw", "That is dh/dw (the share w gets from the multiply gate, x (1 - tanh^2)); the question asks "
         "for dh/dx.", X * _SLOPE),
]}


def _as_shares(prediction):
    """The hint for two numbers (the two paths' shares, given apart), else None."""
    if as_reals(prediction, 2) is None:
        return None
    return ("Two numbers look like the two paths' shares, one each: how do shares that reach x along different "
            "paths combine into its gradient?")


def residual_grad(prediction, grade=False):
    """Lesson 11, exercise 2 (predict): dh/dx for the residual block h = x + tanh(x * w) at x = 0.5, w = 2."""
    return prediction_check("residual_grad", prediction, truth=_residual_grad, tol=0.01,
                            right=f"Two paths, two shares: the skip path hands x the whole g = 1, the path "
                                  f"through tanh g (1 - tanh^2(x w)) w = {_SLOPE:.2f} times {W:g} = {W * _SLOPE:.2f}; "
                                  f"they add up to {1 + W * _SLOPE:.2f}.",
                            slips=SLIPS["residual_grad"], advice=_as_shares, grade=grade)


__all__ = ["residual_grad"]
