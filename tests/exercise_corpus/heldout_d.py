"""Held-out blind set D: lesson 9 (early_stop), lesson 10 (bn_output_spread) and lesson 11 (softplus_gate, topo_order,
finite_difference_passes), written from the notebooks alone, without the checks, their slips or the other sets."""
import numpy as np

from nnlib.autograd import Value
from nnlib.layers import sigmoid

from . import right, wrong

# --------------------------------------------------------------------------------------------------------------------
# Lesson 9, exercise 1: early stopping on paper. Right: (2, 5, 7, 11).

EARLY_STOP = [
    wrong("early_stop", (3, 6, 7, 11),
          "counts epoch 3's tie (0.70 = 0.70) as a new best, so patience 3 keeps epoch 3 and stops at 6",
          ["tie", "strictly", "equal", "not lower"]),
    wrong("early_stop", (3, 6, 8, 12),
          "the right epochs counted from 1 instead of from 0",
          ["from 0", "from 1", "off by one", "shifted"]),
    wrong("early_stop", (2, 4, 2, 6),
          "stops one epoch too early: counts the best epoch itself as one of the patience epochs",
          ["one epoch early", "too early", "too soon", "patience epochs past"]),
    wrong("early_stop", (2, 6, 7, 11),
          "stops one epoch too late at patience 3: waits for patience + 1 epochs without a new best",
          ["one epoch late", "too late", "one extra", "patience epochs past"]),
    wrong("early_stop", (5, 5, 11, 11),
          "gives the last epoch run as the weights kept: forgets that the best weights are restored",
          ["restor", "best epoch's weights", "last weights", "not the last"]),
    wrong("early_stop", (7, 5, 7, 11),
          "takes the lowest loss of the whole list (epoch 7) as the best at patience 3, although training stopped "
          "at epoch 5 and never saw it",
          ["never sees", "never reach", "stopped before", "after training stopped"]),
    wrong("early_stop", (5, 2, 11, 7),
          "each pair written the other way round: (last_epoch, best_epoch)",
          ["swapped", "the other way round", "reversed", "best_epoch first"]),
    wrong("early_stop", (2, 5, 2, 7),
          "patience 5: stops at 2 + 5 = 7 keeping epoch 2, missing that epoch 7 (0.66) is itself a new best",
          ["new best", "epoch 7", "0.66", "resets"]),
    wrong("early_stop", (2, 5),
          "answers only patience 3: two numbers instead of four",
          ["four numbers", "four", "patience 5", "both patiences"]),
    wrong("early_stop", (2, 6, 7, 12),
          "best epoch as an index but the last epoch as the number of epochs run (counted from 1)",
          ["number of epochs", "epochs run", "from 0", "index"]),
    wrong("early_stop", (2, 5, 7, 12),
          "patience 5: adds 7 + 5 = 12 without noticing the list ends at epoch 11 (it runs the whole list)",
          ["list ends", "end of the list", "whole list", "only 12"]),
    wrong("early_stop", (7, 11, 7, 11),
          "counts patience against the previous epoch (epochs in a row that got worse), not against the best so far: "
          "never stops",
          ["previous epoch", "best so far", "lowest so far", "the epoch before"]),
    right("early_stop", [2, 5, 7, 11], "a list instead of a tuple"),
    right("early_stop", np.array([2.0, 5.0, 7.0, 11.0]), "a float array"),
]

# --------------------------------------------------------------------------------------------------------------------
# Lesson 10, exercise 6: the spread of a batch-norm output for a unit that hardly varies. Right: (2.0, 1.414).

BN_OUTPUT_SPREAD = [
    wrong("bn_output_spread", (2.0, 2.0),
          "ignores eps: every unit standardised to std 1, times gamma",
          ["eps", "epsilon", "ε"]),
    wrong("bn_output_spread", (1.0, 0.707),
          "the spread of z_hat, forgetting to multiply by gamma = 2",
          ["gamma", "γ", "scale"]),
    wrong("bn_output_spread", (3.0, 2.414),
          "adds beta to the spread (beta only shifts)",
          ["beta", "β", "shift"]),
    wrong("bn_output_spread", (4.0, 2.0),
          "gives the variances of the outputs, not their standard deviations",
          ["variance", "squared", "square root"]),
    wrong("bn_output_spread", (2.0, 1.994),
          "adds eps to the standard deviation instead of to the variance: sigma + eps in the denominator",
          ["eps", "epsilon", "square root", "inside"]),
    wrong("bn_output_spread", (2.0, 1.0),
          "unit 2: sigma^2 / (sigma^2 + eps) = 1/2 taken as the std, without the square root",
          ["square root", "sqrt", "0.707", "variance"]),
    wrong("bn_output_spread", (2.0, 0.0),
          "thinks a unit that hardly varies still hardly varies after batch norm (eps keeps it flat)",
          ["eps", "epsilon", "ε", "1/2"]),
    wrong("bn_output_spread", (1.414, 2.0),
          "the two units in the wrong order",
          ["swapped", "order", "the other way round", "unit 1 first"]),
    wrong("bn_output_spread", (1.732, 1.309),
          "batch norm's variance taken with n - 1 (unbiased), the output's std with n",
          ["n - 1", "n-1", "divides by n", "ddof"]),
    wrong("bn_output_spread", (1.0, 1.0),
          "answers the mean of each output (beta), not its standard deviation",
          ["mean", "beta", "β", "shift"]),
    wrong("bn_output_spread", (1.0, 316.2),
          "divides by sigma^2 + eps without the square root: unit 1 2/4 * 2, unit 2 blown up",
          ["square root", "sqrt", "variance", "σ²"]),
    right("bn_output_spread", [2, np.sqrt(2)], "a list with sqrt(2)"),
    right("bn_output_spread", np.array([2 * np.sqrt(4 / (4 + 1e-5)), 2 * np.sqrt(1e-5 / (1e-5 + 1e-5))]),
          "the formula gamma * sqrt(var / (var + eps)) for each unit, as an array"),
]

# --------------------------------------------------------------------------------------------------------------------
# Lesson 11, exercise 1: a softplus gate. Right: Value(logaddexp(0, x), [(x, lambda g: g * sigmoid(x))]).


def softplus_no_upstream(x):
    s = sigmoid(x.data)
    return Value(np.logaddexp(0, x.data), [(x, lambda g: s)], "softplus")


def softplus_minus_sigmoid(x):
    # derivative of log(1 + u) as 1 / (1 + u) with u = e^z, without the inner e^z: sigmoid(-z)
    return Value(np.logaddexp(0, x.data), [(x, lambda g: g / (1 + np.exp(x.data)))], "softplus")


def softplus_exp_only(x):
    return Value(np.logaddexp(0, x.data), [(x, lambda g: g * np.exp(x.data))], "softplus")


def softplus_output_as_slope(x):
    out = np.logaddexp(0, x.data)
    return Value(out, [(x, lambda g: g * out)], "softplus")


def softplus_naive_log(x):
    e = np.exp(x.data)
    return Value(np.log(1 + e), [(x, lambda g: g * e / (1 + e))], "softplus")


def softplus_parents_not_pairs(x):
    s = sigmoid(x.data)
    return Value(np.logaddexp(0, x.data), (x, lambda g: g * s), "softplus")


def softplus_sigmoid_slope(x):
    s = sigmoid(x.data)
    return Value(np.logaddexp(0, x.data), [(x, lambda g: g * s * (1 - s))], "softplus")


def softplus_from_gates(x):
    return (x.exp() + 1).log()


def softplus_sigmoid_of_output(x):
    out = np.logaddexp(0, x.data)
    return Value(out, [(x, lambda g: g * sigmoid(out))], "softplus")


def softplus_plain_array(x):
    return np.logaddexp(0, x.data)


def softplus_stable_exp(x):
    out = np.logaddexp(0, x.data)
    slope = np.exp(x.data - out)                 # e^z / (1 + e^z), computed without overflow
    return Value(out, [(x, lambda g: slope * g)])


def softplus_one_minus(x):
    out = np.logaddexp(0, x.data)
    slope = -np.expm1(-out)                      # 1 - e^-softplus = 1 - 1 / (1 + e^z) = sigmoid(z)
    return Value(out, [(x, lambda g: g * slope)], "softplus")


SOFTPLUS_GATE = [
    wrong("softplus_gate", softplus_no_upstream,
          "the local function returns sigmoid(x) without multiplying by the upstream gradient g",
          ["upstream", "chain rule", "multipl", "times g"]),
    wrong("softplus_gate", softplus_minus_sigmoid,
          "derivative 1 / (1 + e^z): the inner derivative e^z forgotten, which is sigmoid(-z)",
          ["sigmoid(-", "1 - sigmoid", "sign", "σ(-"]),
    wrong("softplus_gate", softplus_exp_only,
          "derivative e^z: the 1 / (1 + e^z) of the log forgotten",
          ["1 + e", "denominator", "divid", "e^z alone"]),
    wrong("softplus_gate", softplus_output_as_slope,
          "uses softplus itself (the output) as its derivative, as if it were exp",
          ["output", "softplus itself", "the value", "log(1 + e"]),
    wrong("softplus_gate", softplus_naive_log,
          "computes log(1 + exp(x)) directly instead of logaddexp: overflows for large x",
          ["overflow", "inf", "logaddexp", "large"]),
    wrong("softplus_gate", softplus_parents_not_pairs,
          "parents given as one (x, local) tuple instead of a list of (parent, local) pairs",
          ["pairs", "list of", "tuple of", "(parent, local)"]),
    wrong("softplus_gate", softplus_sigmoid_slope,
          "copies the sigmoid gate's local g * s * (1 - s): the derivative of sigmoid, not of softplus",
          ["second derivative", "derivative of sigmoid", "sigmoid's derivative", "σ(1 - σ)"]),
    wrong("softplus_gate", softplus_from_gates,
          "built from the exp, add and log gates: x is not its one parent and it overflows",
          ["one parent", "its parent", "other gates", "directly"]),
    wrong("softplus_gate", softplus_sigmoid_of_output,
          "writes the slope with the output, like tanh's: sigmoid(softplus(x)) instead of sigmoid(x)",
          ["output", "at x", "the input", "of z"]),
    wrong("softplus_gate", softplus_plain_array,
          "returns the plain array log(1 + e^x), not a Value with x as parent",
          ["not a Value", "a Value", "array", "graph"]),
    right("softplus_gate", softplus_stable_exp, "slope exp(z - softplus(z)), no op name"),
    right("softplus_gate", softplus_one_minus, "slope 1 - exp(-softplus(z)), by expm1"),
]

# --------------------------------------------------------------------------------------------------------------------
# Lesson 11, exercise 5: a recursive topological order. Right: append each node after visiting its parents.


def topo_unchanged(root):
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


def topo_reversed_preorder(root):
    order, seen = [], set()

    def visit(node):
        if id(node) in seen:
            return
        seen.add(id(node))
        order.append(node)
        for parent, _ in node.parents:
            visit(parent)

    visit(root)
    return order[::-1]                           # "the leaves first, the root last"


def topo_no_seen(root):
    order = []

    def visit(node):
        for parent, _ in node.parents:
            visit(parent)
        order.append(node)

    visit(root)
    return order


def topo_both_appends(root):
    order, seen = [], set()

    def visit(node):
        if id(node) in seen:
            return
        seen.add(id(node))
        order.append(node)
        for parent, _ in node.parents:
            visit(parent)
        order.append(node)

    visit(root)
    return order


def topo_root_first(root):
    order, seen = [], set()

    def visit(node):
        if id(node) in seen:
            return
        seen.add(id(node))
        for parent, _ in node.parents:
            visit(parent)
        order.append(node)

    visit(root)
    return list(reversed(order))                 # "backward starts at the root, so the root first"


def topo_one_level(root):
    order, seen = [], set()

    def visit(node):
        if id(node) in seen:
            return
        seen.add(id(node))
        for parent, _ in node.parents:
            if id(parent) not in seen:
                seen.add(id(parent))
                order.append(parent)
        order.append(node)

    visit(root)
    return order


def topo_without_root(root):
    order, seen = [], set()

    def visit(node):
        if id(node) in seen:
            return
        seen.add(id(node))
        for parent, _ in node.parents:
            visit(parent)
        order.append(node)

    visit(root)
    return order[:-1]                            # "the root is seeded by backward itself"


def topo_append_in_loop(root):
    order, seen = [], set()

    def visit(node):
        if id(node) in seen:
            return
        seen.add(id(node))
        for parent, _ in node.parents:
            visit(parent)
            order.append(node)

    visit(root)
    return order


def topo_guarded(root):
    order, seen = [], set()

    def visit(node):
        if id(node) not in seen:
            seen.add(id(node))
            for parent, _ in node.parents:
                visit(parent)
            order.append(node)

    visit(root)
    return order


def topo_returning_lists(root):
    seen = set()

    def visit(node):
        if id(node) in seen:
            return []
        seen.add(id(node))
        out = []
        for parent, _ in node.parents:
            out += visit(parent)
        return out + [node]

    return visit(root)


TOPO_ORDER = [
    wrong("topo_order", topo_unchanged,
          "the handed-out code unchanged: each node appended before its parents",
          ["before its parents", "after its parents", "after all of its parents", "before visiting"]),
    wrong("topo_order", topo_reversed_preorder,
          "half-fix: keeps the append before the parents and reverses the list; right on a tree, wrong when a node "
          "is used by two later gates",
          ["shared", "used twice", "every user", "before all"]),
    wrong("topo_order", topo_no_seen,
          "moves the append after the parents but drops the seen set: a shared node is listed (and hands out its "
          "shares) more than once",
          ["twice", "more than once", "duplicate", "seen"]),
    wrong("topo_order", topo_both_appends,
          "adds the append after the loop but forgets to delete the one before: every node listed twice",
          ["twice", "more than once", "duplicate", "once"]),
    wrong("topo_order", topo_root_first,
          "over-fix: the right order, then reversed so the root comes first (backward reverses it again)",
          ["revers", "root first", "backwards", "wrong way"]),
    wrong("topo_order", topo_one_level,
          "does not recurse: lists only the root's parents and the root, so deeper nodes are missing",
          ["recurs", "grandparent", "deeper", "missing"]),
    wrong("topo_order", topo_without_root,
          "leaves the root out of the order, thinking backward seeds it: nothing hands out any share",
          ["root", "the output node", "itself", "missing"]),
    wrong("topo_order", topo_append_in_loop,
          "the append indented inside the loop over parents: leaves never listed, a node with two parents twice",
          ["inside the loop", "indent", "twice", "leaves"]),
    right("topo_order", topo_guarded, "one guarded block instead of an early return"),
    right("topo_order", topo_returning_lists, "recursion that returns lists instead of filling one"),
]

# --------------------------------------------------------------------------------------------------------------------
# Lesson 11, exercise 4: one-sided differences on a 2-16-2 net. Right: (83, 10).

FINITE_DIFFERENCE_PASSES = [
    wrong("finite_difference_passes", (82, 10),
          "one pass per parameter, forgetting the shared pass at the unchanged weights",
          ["shared", "J(w)", "+ 1", "unchanged"]),
    wrong("finite_difference_passes", (164, 100),
          "answers for central differences: 2P passes and an error that falls 100 times",
          ["central", "2P", "one-sided"]),
    wrong("finite_difference_passes", (83, 100),
          "the passes right, but the error taken to fall as h^2 (the central difference's order)",
          ["proportional to h", "first order", "first-order", "order h"]),
    wrong("finite_difference_passes", (65, 10),
          "counts the weights only (64), forgetting the biases",
          ["bias", "biases"]),
    wrong("finite_difference_passes", (21, 10),
          "counts units (2 + 16 + 2 = 20) instead of parameters",
          ["units", "neurons", "weights and biases", "parameters"]),
    wrong("finite_difference_passes", (83, 0.1),
          "the factor inverted: new error / old error instead of how many times smaller",
          ["times smaller", "ratio", "invert", "upside"]),
    wrong("finite_difference_passes", (2, 10),
          "passes for one parameter (J(w) and J(w + h e_i)) instead of the whole gradient",
          ["each parameter", "every parameter", "per parameter", "whole gradient"]),
    wrong("finite_difference_passes", (10, 83),
          "the two numbers in the wrong order",
          ["swapped", "order", "the other way round"]),
    wrong("finite_difference_passes", (164, 10),
          "recomputes J(w) for every parameter: two passes each instead of one shared pass",
          ["shared", "J(w)", "once", "same for every"]),
    wrong("finite_difference_passes", (81, 10),
          "miscounts P as 80: forgets the output layer's 2 biases",
          ["bias", "output bias", "82"]),
    right("finite_difference_passes", [83, 10.0], "a list, the factor as a float"),
    right("finite_difference_passes", np.array([2 * 16 + 16 + 16 * 2 + 2 + 1, 10]), "computed, as an array"),
]

ENTRIES = EARLY_STOP + BN_OUTPUT_SPREAD + SOFTPLUS_GATE + TOPO_ORDER + FINITE_DIFFERENCE_PASSES
