"""More typical wrong answers for lesson 11's checks (11_autograd), kept apart from lesson11.py so each file stays
short: `MORE[name]` is appended to lesson11.SLIPS[name]. Data for the engine in engine.py."""
import numpy as np

from ..autograd import Value
from ..layers import sigmoid
from .engine import Slip


# --- exercise 1 (derive): the softplus gate ------------------------------------------------------------------
def _softplus(x, local):
    return Value(np.logaddexp(0, x.data), [(x, local)], "softplus")


def _softplus_slope(x):                     # sigmoid's own slope s (1 - s): the derivative one step too far
    s = sigmoid(x.data)
    return _softplus(x, lambda g: g * s * (1 - s))


def _softplus_step(x):                      # ReLU's step: the slope of the function softplus smooths
    return _softplus(x, lambda g: g * (x.data > 0))


def _softplus_plus(x):                      # the upstream gradient added to the local derivative
    return _softplus(x, lambda g: g + sigmoid(x.data))


def _softplus_identity(x):                  # g passed through: the local derivative left out
    return _softplus(x, lambda g: g)


def _softplus_of_output(x):                 # the slope taken at the gate's output, softplus(z), not at z
    return _softplus(x, lambda g: g * sigmoid(np.logaddexp(0, x.data)))


def _softplus_over_value(x):                # the log's 1/u taken at the log's value
    return _softplus(x, lambda g: g / np.logaddexp(0, x.data))


def _softplus_exp_minus(x):                 # e^-z: the exp's derivative with a sign slip
    return _softplus(x, lambda g: g * np.exp(-x.data))


def _softplus_nan_slope(x):                 # the right slope written as e^z / (1 + e^z): inf / inf at z = 800
    with np.errstate(over="ignore", invalid="ignore"):
        return _softplus(x, lambda g: g * np.exp(x.data) / (1 + np.exp(x.data)))


def _softplus_naive(x):                     # right slope, but log(1 + e^z) overflows for large z
    with np.errstate(over="ignore"):
        out = np.log(1 + np.exp(x.data))
    return Value(out, [(x, lambda g: g * sigmoid(x.data))], "softplus")


# --- exercise 3 (diagnose): unbroadcast ---------------------------------------------------------------------
def _size_one_axes(g, shape, reduce):
    for axis, size in enumerate(shape):
        if size == 1 and g.shape[axis] != 1:
            g = reduce(g, axis)
    return g


def _unbroadcast_once(g, shape):            # `if` where `while` belongs: one extra leading axis summed at most
    if g.ndim > len(shape):
        g = g.sum(axis=0)
    return _size_one_axes(g, shape, lambda g, a: g.sum(axis=a, keepdims=True))


def _unbroadcast_leading_mean(g, shape):    # the size-1 axes fixed, the leading axes still averaged
    while g.ndim > len(shape):
        g = g.mean(axis=0)
    return _size_one_axes(g, shape, lambda g, a: g.sum(axis=a, keepdims=True))


def _unbroadcast_axis_zero(g, shape):       # every size-1 axis summed as if it were axis 0
    while g.ndim > len(shape):
        g = g.sum(axis=0)
    return _size_one_axes(g, shape, lambda g, a: g.sum(axis=0, keepdims=True))


MORE = {
    "softplus_gate": [
        Slip("sigmoid slope", "You multiplied g by s (1 - s), the slope of the sigmoid: that is softplus's second "
             "derivative, one differentiation too many.", _softplus_slope),
        Slip("identity", "Your local function passes g through unchanged, as if the local derivative were 1 "
             "(a gate whose output moves exactly as its input): softplus bends, so multiply g by its slope at z.",
             _softplus_identity),
        Slip("at output", "You took the slope at the gate's output, softplus(z): a local derivative is evaluated at "
             "the gate's input, x.data.", _softplus_of_output),
        Slip("over value", "You divided g by softplus itself: the log's derivative 1/u is taken at the log's "
             "argument u = 1 + e^z, not at its value, and the chain rule then multiplies by du/dz.",
             _softplus_over_value),
        Slip("e^-z", "You used e^-z as the local derivative: it falls as z grows, but softplus gets steeper as z "
             "grows; and the log contributes its own factor (the chain rule through log(u), u = 1 + e^z).",
             _softplus_exp_minus),
        Slip("nan slope", "Your slope is right for moderate z, but e^z / (1 + e^z) is inf / inf = nan at z = 800: "
             "write it so that no e^z of a large z is taken (the library's sigmoid does so).", _softplus_nan_slope),
        Slip("relu step", "You used ReLU's step (1 for z > 0, else 0); softplus is the smooth version, and its slope "
             "changes gradually: differentiate log(1 + e^z).", _softplus_step),
        Slip("plus", "Your local function adds g to the local derivative: the chain rule multiplies them.",
             _softplus_plus),
        Slip("overflow", "The slope is right, but np.log(1 + np.exp(z)) overflows for large z (e^800 is past the "
                         "largest float, about 1e308): compute the value with np.logaddexp(0, z), which does not.",
             _softplus_naive),
    ],
    "unbroadcast": [
        Slip("once", "One extra leading axis is summed, but g can have several (a (2, 4, 3) gradient for a (3,) "
                     "bias): keep summing while g has more axes than `shape`.", _unbroadcast_once),
        Slip("leading mean", "The size-1 axes are right now, but the extra leading axes are still averaged: the "
                             "chain rule adds the shares of every use.", _unbroadcast_leading_mean),
        Slip("axis zero", "Every axis of size 1 in `shape` is summed as if it were axis 0, whatever its position: "
                          "look at which axis of g each size-1 entry of `shape` stands for.", _unbroadcast_axis_zero),
    ],
}
