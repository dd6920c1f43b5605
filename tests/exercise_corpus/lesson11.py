"""Lesson 11 (11_autograd): a softplus gate, a node used twice, an unbroadcast bug, the cost of a numerical
gradient, an order that loses gradients; the gradient of a residual block."""

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


# --- exercise 5: topological_order(root), run by section 2's backward ----------------------------------------
def to_stub(root):
    order, seen = [], set()

    def visit(node):
        if id(node) in seen:
            return
        seen.add(id(node))
        order.append(node)
        for parent, _ in node.parents:
            visit(parent)

    visit(root)
    return order


def to_no_seen(root):
    order = []

    def visit(node):
        for parent, _ in node.parents:
            visit(parent)
        order.append(node)

    visit(root)
    return order


def to_reversed(root):
    order, seen = [], set()

    def visit(node):
        if id(node) not in seen:
            seen.add(id(node))
            for parent, _ in node.parents:
                visit(parent)
            order.append(node)

    visit(root)
    return order[::-1]                 # "backward walks from the top", so the root first


def to_prepend(root):
    order, seen = [], set()

    def visit(node):
        if id(node) not in seen:
            seen.add(id(node))
            order.insert(0, node)      # each node in front of its parents: reversed pre-order
            for parent, _ in node.parents:
                visit(parent)

    visit(root)
    return order


def to_one_level(root):
    return [parent for parent, _ in root.parents] + [root]


def to_no_leaves(root):
    order, seen = [], set()

    def visit(node):
        if id(node) not in seen and node.parents:      # a leaf hands out nothing, so it is left out
            seen.add(id(node))
            for parent, _ in node.parents:
                visit(parent)
            order.append(node)

    visit(root)
    return order


def to_breadth_first(root):
    order, seen, queue = [], {id(root)}, [root]
    while queue:
        node = queue.pop(0)
        order.append(node)
        for parent, _ in node.parents:
            if id(parent) not in seen:
                seen.add(id(parent))
                queue.append(parent)
    return order[::-1]


def to_first_parent(root):
    order, seen = [], set()

    def visit(node):
        if id(node) not in seen:
            seen.add(id(node))
            if node.parents:
                visit(node.parents[0][0])
            order.append(node)

    visit(root)
    return order


def to_without_root(root):
    order, seen = [], set()

    def visit(node):
        if id(node) not in seen:
            seen.add(id(node))
            for parent, _ in node.parents:
                visit(parent)
            order.append(node)

    for parent, _ in root.parents:
        visit(parent)
    return order


def to_set(root):
    seen, stack = set(), [root]
    while stack:
        node = stack.pop()
        if node not in seen:
            seen.add(node)
            stack.extend(parent for parent, _ in node.parents)
    return seen


def to_last_parent_first(root):
    order, seen = [], set()

    def visit(node):
        if node not in seen:                             # Values hash by identity
            seen.add(node)
            for parent, _ in reversed(node.parents):
                visit(parent)
            order.append(node)

    visit(root)
    return order


def to_guard_at_call(root):
    order, seen = [], {id(root)}

    def visit(node):
        for parent, _ in node.parents:
            if id(parent) not in seen:                  # the seen test before the call, not inside it
                seen.add(id(parent))
                visit(parent)
        order.append(node)

    visit(root)
    return order


def to_generator(root):
    seen = set()

    def visit(node):                                    # a recursive generator: parents first, then the node
        if id(node) in seen:
            return
        seen.add(id(node))
        for parent, _ in node.parents:
            yield from visit(parent)
        yield node

    return list(visit(root))


def to_dict_order(root):
    placed = {}                                         # id -> node, in the order placed (dicts keep it)

    def visit(node):
        if id(node) not in placed:
            for parent, _ in node.parents:
                visit(parent)
            placed[id(node)] = node                     # marked only once placed: no node is its own ancestor

    visit(root)
    return list(placed.values())


def rg_engine_grad():
    x, w = Value(0.5), Value(2.0)                      # what a student runs in a new cell: x.grad, a 0-d array
    h = x + (x * w).tanh()
    h.backward()
    return x.grad


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

    wrong("topo_order", to_stub, "the stub: each node appended before its parents, so the root comes first",
          ["before its parent", "after its parent", "after all", "append"]),
    wrong("topo_order", to_no_seen, "no seen set: a shared node placed, and handing out its shares, twice",
          ["twice", "seen", "once", "duplicate"]),
    wrong("topo_order", to_reversed, "a right order, reversed again: backward then walks from the leaves",
          ["reverse", "root first", "leaves last", "backwards"]),
    wrong("topo_order", to_prepend, "reversed pre-order: right on a tree, wrong where a node is shared",
          ["shared", "used twice", "all of its users", "every user"]),
    wrong("topo_order", to_one_level, "only the root and its own parents: the deeper nodes left out",
          ["every node", "whole graph", "deeper", "missing"]),
    wrong("topo_order", to_no_leaves, "leaves left out: backward never zeroes their grad, so a second run adds up",
          ["leaf", "leaves", "every node", "zero"]),
    wrong("topo_order", to_breadth_first, "reversed breadth-first: a node reached by a short and a long path "
          "comes before one of its users", ["breadth", "depth", "longer path", "after all"]),
    wrong("topo_order", to_first_parent, "visits only each node's first parent",
          ["every parent", "each parent", "all of its parents", "second"]),
    wrong("topo_order", to_without_root, "the root's graph without the root itself",
          ["root", "itself", "the top", "missing f"]),
    wrong("topo_order", to_set, "returns a set of the nodes: no order at all",
          ["list", "set", "sequence", "reversed"]),
    right("topo_order", to_last_parent_first, "recursive, parents in reverse order (another valid order), "
          "the Values themselves in the seen set"),
    right("topo_order", to_guard_at_call, "recursive, the seen test made before each call"),
    right("topo_order", to_generator, "a recursive generator with yield from"),
    right("topo_order", to_dict_order, "recursive, an insertion-ordered dict as order and seen set at once"),

    # exercise 2: residual_grad(prediction); right: 1 + w (1 - tanh(x w)^2) = 1.84
    wrong("residual_grad", 0.84, "the tanh path only: the skip path through the add gate forgotten",
          ["skip", "both paths", "two paths", "add gate"]),
    wrong("residual_grad", 1.0, "the skip path only: the path through the multiply and tanh gates forgotten",
          ["tanh path", "through the tanh", "both paths", "two paths"]),
    wrong("residual_grad", 1.42, "the multiply gate's factor w = 2 left out: 1 + (1 - tanh(1)^2)",
          ["times w", "w = 2", "multiply gate", "other input"]),
    wrong("residual_grad", 1.21, "the multiply gate hands x its own value 0.5 instead of the other input w",
          ["other input", "swap", "w = 2", "not x"]),
    wrong("residual_grad", 1 + 2 * np.tanh(1.0), "tanh(1) itself used as tanh's slope: 2.52",
          ["1 - a", "1 - tanh", "slope"]),
    wrong("residual_grad", 1.48, "tanh's slope as 1 - a, the square forgotten",
          ["square", "a^2", "a²", "a * a", "tanh^2", "tanh²"]),
    wrong("residual_grad", 1.11, "tanh's slope as (1 - a)^2 instead of 1 - a^2",
          ["1 - a^2", "1 - a²", "1 - a * a", "square"]),
    wrong("residual_grad", 1.26, "the value of h (0.5 + tanh(1)), not its gradient",
          ["value of h", "h itself", "forward", "not its gradient"]),
    wrong("residual_grad", 0.21, "dh/dw = x (1 - tanh(1)^2) instead of dh/dx",
          ["dh/dw", "w.grad", "with respect to w", "w's gradient"]),
    wrong("residual_grad", 1 + 2 * (1 - np.tanh(0.5) ** 2), "tanh's slope taken at x = 0.5 instead of at x w = 1",
          ["x w", "xw", "at 0.5", "tanh(0.5)", "argument"]),
    wrong("residual_grad", 1.39, "sigmoid's slope a (1 - a) instead of tanh's",
          ["sigmoid", "tanh's", "a(1 - a)", "a (1 - a)"]),
    wrong("residual_grad", 1.8, "rounded to one decimal, though the question asks for two",
          ["decimal", "round", "precise", "close"]),
    wrong("residual_grad", "1.84", "the right number as a string",
          ["string", "str", "a number"]),
    wrong("residual_grad", (1.0, 0.84), "the two paths' shares as a pair, not added",
          ["one number", "single", "sum", "add"]),
    right("residual_grad", Fraction(46, 25), "a Fraction, 46/25 = 1.84"),
    right("residual_grad", np.float64(1 + 2 * (1 - np.tanh(1.0) ** 2)), "a numpy float, computed"),
    right("residual_grad", rg_engine_grad(), "x.grad from running the engine: a 0-d array"),
    right("residual_grad", 1 + 2 / np.cosh(1.0) ** 2, "tanh's slope written as sech^2 = 1 / cosh^2"),
    right("residual_grad", 1.8399, "rounded to four decimals"),

    # exercise 4: finite_difference_passes(prediction); right: (83, 10), P = 82 for a 2-16-2 net
    wrong("finite_difference_passes", (164, 10), "the central difference's 2P passes",
          ["2P", "central", "shared", "once", "164"]),
    wrong("finite_difference_passes", (82, 10), "one pass per parameter, the shared pass at J(w) forgotten",
          ["J(w)", "unchanged", "+ 1", "shared", "P + 1"]),
    wrong("finite_difference_passes", (83, 100), "the central difference's factor: error taken as proportional "
          "to h^2", ["h^2", "h²", "central", "proportional to h", "first order", "cancel"]),
    wrong("finite_difference_passes", (65, 10), "the biases left out of P: 64 weights",
          ["bias", "82"]),
    wrong("finite_difference_passes", (49, 10), "only the first layer counted: 2 * 16 + 16 = 48",
          ["output layer", "both layers", "16 * 2", "82", "second layer"]),
    wrong("finite_difference_passes", (83, 0.1), "the factor upside down: new error over old",
          ["times smaller", "inverse", "upside", "reciprocal", "greater than 1"]),
    wrong("finite_difference_passes", (1, 10), "passes per parameter, not for the full gradient",
          ["full gradient", "every parameter", "per parameter", "all 82"]),
    wrong("finite_difference_passes", (10, 83), "the two numbers swapped",
          ["order", "swap", "(passes, factor)"]),
    wrong("finite_difference_passes", (83,), "only the number of passes",
          ["two numbers", "factor", "pair"]),
    wrong("finite_difference_passes", "83, 10", "the right numbers as a string",
          ["string", "str", "numbers"]),
    wrong("finite_difference_passes", (164, 100), "both numbers for central differences: answered another "
          "question", ["central", "one-sided", "2P", "forward difference"]),
    wrong("finite_difference_passes", (84, 10), "one pass too many: P + 2 (an extra pass counted, say for the "
          "comparison)", ["one too many", "extra", "P + 1", "backward"]),
    right("finite_difference_passes", [83, 10], "a list"),
    right("finite_difference_passes", (83.0, 10.0), "floats"),
    right("finite_difference_passes", (np.int64(2 * 16 + 16 + 16 * 2 + 2 + 1), np.float64(1e-2 / 1e-3)),
          "computed, as numpy scalars"),
    right("finite_difference_passes", np.array([83, 10]), "a numpy array"),
]
