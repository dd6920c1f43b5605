"""Lesson 11 (11_autograd): a softplus gate, a node used twice, an unbroadcast bug, the cost of a numerical
gradient."""
from fractions import Fraction

import numpy as np

from nnlib.autograd import Value
from nnlib.layers import sigmoid

from . import right, wrong


# --- exercise 1: softplus_gate(softplus) -----------------------------------------------------------------------
def sp_identity_local(x):
    return Value(np.logaddexp(0, x.data), [(x, lambda g: g)], "softplus")


def sp_no_upstream(x):
    return Value(np.logaddexp(0, x.data), [(x, lambda g: sigmoid(x.data))], "softplus")


def sp_self_derivative(x):
    out = np.logaddexp(0, x.data)
    return Value(out, [(x, lambda g: g * out)], "softplus")


def sp_sign(x):
    return Value(np.logaddexp(0, x.data), [(x, lambda g: g * sigmoid(-x.data))], "softplus")


def sp_other_gates(x):
    return (x.exp() + 1.0).log()


def sp_data_parent(x):
    return Value(np.logaddexp(0, x.data), [(x.data, lambda g: g * sigmoid(x.data))], "softplus")


def sp_of_output(x):
    out = np.logaddexp(0, x.data)
    return Value(out, [(x, lambda g: g * sigmoid(out))], "softplus")


def sp_array(x):
    return np.logaddexp(0, x.data)


def sp_tanh_form(x):
    return Value(np.logaddexp(0, x.data), [(x, lambda g: g * 0.5 * (1 + np.tanh(x.data / 2)))], "softplus")


def sp_exp_of_difference(x):
    out = np.logaddexp(0, x.data)
    return Value(out, [(x, lambda g: np.exp(x.data - out) * g)], "softplus")


# --- exercise 3: unbroadcast(g, shape) -------------------------------------------------------------------------
def ub_stub(g, shape):
    while g.ndim > len(shape):
        g = g.mean(axis=0)
    return g


def ub_leading_only(g, shape):
    while g.ndim > len(shape):
        g = g.sum(axis=0)
    return g


def ub_once(g, shape):
    if g.ndim > len(shape):
        g = g.sum(axis=0)
    for axis, size in enumerate(shape):
        if size == 1 and g.shape[axis] != 1:
            g = g.sum(axis=axis, keepdims=True)
    return g


def ub_last_axis(g, shape):
    while g.ndim > len(shape):
        g = g.sum(axis=-1)
    return g


def ub_broadcast_to(g, shape):
    return np.broadcast_to(g, shape)


def ub_mean_both(g, shape):
    while g.ndim > len(shape):
        g = g.mean(axis=0)
    for axis, size in enumerate(shape):
        if size == 1 and g.shape[axis] != 1:
            g = g.mean(axis=axis, keepdims=True)
    return g


def ub_sum_all(g, shape):
    return g.sum()


def ub_reshape(g, shape):
    return g.sum(axis=0).reshape(shape)


def ub_in_place(g, shape):
    while g.ndim > len(shape):
        for i in range(1, g.shape[0]):
            g[0] += g[i]               # accumulates into the first row: g[0] is a view of the caller's g
        g = g[0]
    for axis, size in enumerate(shape):
        if size == 1 and g.shape[axis] != 1:
            g = g.sum(axis=axis, keepdims=True)
    return g


def ub_axes(g, shape):
    lead = g.ndim - len(shape)
    axes = tuple(range(lead)) + tuple(lead + i for i, s in enumerate(shape) if s == 1 and g.shape[lead + i] != 1)
    return np.sum(g, axis=axes).reshape(shape) if axes else g


def ub_pad(g, shape):
    padded = (1,) * (g.ndim - len(shape)) + tuple(shape)
    out = g
    for axis, size in enumerate(padded):
        if size == 1 and out.shape[axis] != 1:
            out = out.sum(axis=axis, keepdims=True)
    return out.reshape(shape)


ENTRIES = [
    wrong("softplus_gate", sp_identity_local, "local function g -> g: the derivative left out",
          ["derivative", "sigmoid", "local", "slope"]),
    wrong("softplus_gate", sp_no_upstream, "the local derivative without the upstream g",
          ["g", "upstream", "chain", "multiply"]),
    wrong("softplus_gate", sp_self_derivative, "softplus as its own derivative, as for exp",
          ["sigmoid", "1 / (1 + e", "derivative"]),
    wrong("softplus_gate", sp_sign, "sigmoid(-x): the sign of the exponent wrong",
          ["sign", "minus", "-x"]),
    wrong("softplus_gate", sp_other_gates, "built from the exp and log gates, not its own local function",
          ["other gates", "gates", "yourself", "one parent"]),
    wrong("softplus_gate", sp_data_parent, "the parent given as x.data, not the Value x",
          ["parent", "Value"]),
    wrong("softplus_gate", sp_of_output, "the sigmoid of the output instead of the input",
          ["input", "output", "x.data"]),
    wrong("softplus_gate", sp_array, "returns an array, not a Value",
          ["Value"]),
    right("softplus_gate", sp_tanh_form, "sigmoid written as (1 + tanh(x/2))/2"),
    right("softplus_gate", sp_exp_of_difference, "sigmoid as exp(x - softplus(x))"),

    # exercise 2: used_twice(prediction); right: y + 2x = -3 + 4 = 1
    wrong("used_twice", -3, "only the x * y path: dx from the product with y",
          ["both", "paths", "add", "twice", "x * x"]),
    wrong("used_twice", 4, "only the x * x path",
          ["both", "paths", "add", "x * y"]),
    wrong("used_twice", -2, "the value f = -6 + 4, not the derivative",
          ["value", "derivative", "f itself"]),
    wrong("used_twice", -1, "y + x: the x * x gate's derivative taken as x",
          ["2x", "both", "x * x"]),
    wrong("used_twice", 7, "|y| + 2x: the sign of y dropped",
          ["sign", "y = -3", "minus"]),
    wrong("used_twice", "1", "the right number as a string",
          ["string", "str"]),
    wrong("used_twice", 2, "the last path overwrites: the engine bug the lesson shows",
          ["overwrit", "add", "accumulat", "+="]),
    right("used_twice", np.array(1.0), "a 0-d array, as x.grad is"),
    right("used_twice", Fraction(1), "a Fraction"),
    right("used_twice", 1.0, "a float"),

    wrong("unbroadcast", ub_stub, "the stub: averages the copies instead of summing them",
          ["sum", "mean", "average", "n times", "add"]),
    wrong("unbroadcast", ub_leading_only, "sums the leading axes but not a broadcast axis of size 1",
          ["(1, 3)", "size 1", "keepdims", "row"]),
    wrong("unbroadcast", ub_once, "sums one leading axis only (if instead of while)",
          ["while", "more than one", "axes", "dims", "every"]),
    wrong("unbroadcast", ub_last_axis, "sums the last axis instead of the leading one",
          ["axis", "rows", "leading"]),
    wrong("unbroadcast", ub_broadcast_to, "broadcasts g to the shape instead of summing",
          ["sum", "broadcast"]),
    wrong("unbroadcast", ub_mean_both, "handles both cases, but with means",
          ["sum", "mean", "average"]),
    wrong("unbroadcast", ub_sum_all, "sums everything to one number",
          ["shape", "axis"]),
    wrong("unbroadcast", ub_reshape, "one sum then a reshape to the shape",
          ["sum", "axis", "shape"]),
    wrong("unbroadcast", ub_in_place, "sums the leading axis into g[0], a view: changes the caller's g",
          ["in place", "changed", "unchanged"]),
    right("unbroadcast", ub_axes, "one np.sum over a tuple of axes, then reshape"),
    right("unbroadcast", ub_pad, "pads the shape with ones, sums every size-1 axis, reshapes"),

    # exercise 4: finite_difference_passes(prediction); right: 2 * (2*16 + 16 + 16*2 + 2) = 164
    wrong("finite_difference_passes", 82, "one pass per parameter: central differences need two",
          ["central", "two", "2 passes", "twice", "each parameter"]),
    wrong("finite_difference_passes", 83, "forward differences: one per parameter plus the base",
          ["central", "forward", "two"]),
    wrong("finite_difference_passes", 128, "weights only, biases forgotten",
          ["bias"]),
    wrong("finite_difference_passes", 165, "an extra pass at the unperturbed weights",
          ["off by one", "base", "extra", "unperturbed"]),
    wrong("finite_difference_passes", 4, "two passes per layer",
          ["parameter", "one at a time", "every"]),
    wrong("finite_difference_passes", "164", "the right number as a string",
          ["string", "str"]),
    wrong("finite_difference_passes", 160, "the two output biases forgotten",
          ["bias", "b2"]),
    right("finite_difference_passes", np.int64(164), "a numpy integer"),
    right("finite_difference_passes", 2 * (2 * 16 + 16 + 16 * 2 + 2), "computed"),
]
