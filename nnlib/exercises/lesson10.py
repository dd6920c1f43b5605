"""Exercise checks for lesson 10 (10_autograd): a new gate, a node used twice, a backward pass that
loses gradients, and the cost of a numerical gradient. Data for the engine in engine.py."""
import numpy as np

from ..autograd import Value, topological_order
from ..layers import sigmoid
from .engine import Case, Slip, function_check, prediction_check

# --- exercise 1 (derive): the softplus gate ------------------------------------------------------


def _softplus_ref(x):
    return Value(np.logaddexp(0, x.data), [(x, lambda g: g * sigmoid(x.data))], "softplus")


def _softplus_exp(x):                       # forgot the 1 / (1 + e^z) that the log contributes
    return Value(np.logaddexp(0, x.data), [(x, lambda g: g * np.exp(x.data))], "softplus")


def _softplus_no_g(x):                      # the local derivative alone, not times the upstream g
    return Value(np.logaddexp(0, x.data), [(x, lambda g: sigmoid(x.data) + 0 * g)], "softplus")


def _softplus_sign(x):                      # 1 / (1 + e^z) = sigmoid(-z)
    return Value(np.logaddexp(0, x.data), [(x, lambda g: g / (1 + np.exp(x.data)))], "softplus")


def _softplus_value(x):                     # the function itself instead of its derivative
    return Value(np.logaddexp(0, x.data), [(x, lambda g: g * np.logaddexp(0, x.data))], "softplus")


def _run_gate(gate):
    """The student's gate as a function (z, G) -> (softplus(z), dJ/dz) for J = sum(G * gate(z))."""
    def run(z, G):
        x = Value(z)
        out = gate(x)
        if not isinstance(out, Value):
            raise TypeError(f"softplus must return a Value (nnlib.autograd.Value), got {type(out).__name__}")
        if len(out.parents) != 1 or out.parents[0][0] is not x:
            raise ValueError("the result must have x as its one parent: write the local derivative yourself")
        _backward_ref((out * G).sum())
        return out.data, x.grad
    return run


def _softplus_truth(z, G):
    return np.logaddexp(0, z), G * sigmoid(z)


_Z = np.array([[-3.0, -0.5, 0.0], [0.7, 1.5, 4.0]])
_G = np.array([[0.5, -1.0, 2.0], [1.5, -0.3, 0.8]])

# --- exercise 3 (diagnose): the backward pass --------------------------------------------------


def _backward_ref(J):
    """The reference engine, written out here: never the live Value.backward, which the lesson's own idiom
    `Value.backward = backward` replaces with the student's."""
    order = topological_order(J)
    for node in order:
        node.grad = np.zeros_like(node.data)
    J.grad = np.ones_like(J.data)
    for node in reversed(order):
        for parent, local in node.parents:
            parent.grad = parent.grad + local(node.grad)


def _backward_overwrite(J):
    order = topological_order(J)
    for node in order:
        node.grad = np.zeros_like(node.data)
    J.grad = np.ones_like(J.data)
    for node in reversed(order):
        for parent, local in node.parents:
            parent.grad = local(node.grad)


def _backward_forward_order(J):
    order = topological_order(J)
    for node in order:
        node.grad = np.zeros_like(node.data)
    J.grad = np.ones_like(J.data)
    for node in order:                      # not reversed: a node hands out its share before it is complete
        for parent, local in node.parents:
            parent.grad = parent.grad + local(node.grad)


def _backward_no_seed(J):
    order = topological_order(J)
    for node in order:
        node.grad = np.zeros_like(node.data)
    for node in reversed(order):
        for parent, local in node.parents:
            parent.grad = parent.grad + local(node.grad)


def _backward_no_reset(J):
    J.grad = np.ones_like(J.data)
    for node in reversed(topological_order(J)):
        for parent, local in node.parents:
            parent.grad = parent.grad + local(node.grad)


_GRAPHS = {
    "f = (u + v) * 3": lambda u, v: (u + v) * 3.0,
    "f = (u + v) * u": lambda u, v: (u + v) * u,
    "f = tanh(u * v) * u + v * v": lambda u, v: (u * v).tanh() * u + v * v,
}


def _run_engine(backward):
    """The student's backward as a function (graph, u, v) -> (df/du, df/dv), run twice on the same
    graph (as a training loop does with its parameters) so that forgetting to reset shows."""
    def run(graph, u, v):
        u, v = Value(u), Value(v)
        f = _GRAPHS[graph](u, v)
        backward(f)
        backward(f)
        return float(u.grad), float(v.grad)
    return run


def _engine_truth(graph, u, v):
    return _run_engine(_backward_ref)(graph, u, v)


SOLUTIONS = {"softplus_gate": _softplus_ref, "used_twice": 1.0, "backward_engine": _backward_ref,
             "finite_difference_passes": 164}

SLIPS = {
    "softplus_gate": [
        Slip("exp", "You used e^z as the local derivative: the log contributes a factor 1 / (1 + e^z) too, "
             "so the derivative is e^z / (1 + e^z) = sigmoid(z).", _softplus_exp),
        Slip("no upstream", "Your local function ignores g: it must return g times the local derivative "
             "(the chain rule), not the derivative alone.", _softplus_no_g),
        Slip("sign", "You wrote 1 / (1 + e^z), which is sigmoid(-z): the derivative of log(1 + e^z) is "
             "e^z / (1 + e^z) = 1 / (1 + e^-z).", _softplus_sign),
        Slip("value", "Your local function multiplies g by softplus itself; it needs the derivative of "
             "softplus, sigmoid(z).", _softplus_value),
    ],
    "used_twice": [
        Slip("one share of x*x", "You counted x * x once: both of its inputs are x, so it hands x two shares "
             "(x and x), as in lesson 10's x * x = 2x.", -1.0),
        Slip("no x*y path", "You left out the path through x * y, whose share for x is y = -3.", 4.0),
        Slip("only x*y", "You kept only the path through x * y; x also feeds both inputs of x * x.", -3.0),
        Slip("last share", "That is what an engine that overwrites gets (the last share wins); the chain rule "
             "adds the shares of all three paths.", 2.0),
    ],
    "backward_engine": [
        Slip("given", "Each share overwrites the gradient, so where a value is used twice only the last "
             "one survives: add the shares (parent.grad + local(node.grad)).", _backward_overwrite),
        Slip("forward order", "You visit the nodes in topological order: a node then hands out its share before "
             "all its users have given it theirs. Walk the order in reverse.", _backward_forward_order),
        Slip("no seed", "Every gradient is 0: the output's own gradient dJ/dJ = 1 has to be set before the loop "
             "(after the reset).", _backward_no_seed),
        Slip("no reset", "Run twice on the same graph, your gradients grow: set every node's grad to zero "
             "before you seed and accumulate.", _backward_no_reset),
    ],
    "finite_difference_passes": [
        Slip("one per parameter", "Central differences run the forward pass twice per parameter (at +h and "
             "at -h), so it is 2P.", 82),
        Slip("forward difference", "P + 1 is a forward difference (one baseline pass and one per parameter); "
             "the central difference needs two per parameter.", 83),
        Slip("no biases", "You left out the biases: b1 (16) and b2 (2) are parameters too.", 128),
        Slip("backprop", "That is backprop's cost (one forward and one backward pass); finite differences "
             "nudge every parameter separately.", 2),
    ],
}


def softplus_gate(softplus, grade=False):
    """Lesson 10, exercise 1 (derive): softplus(x) -> Value of log(1 + e^x) with x as its one parent."""
    shown = " ".join(np.array2string(_Z, separator=", ").split())
    cases = [Case((_Z, _G), f"z = {shown} (J = sum(G * softplus(z)) for a fixed G)")]
    return function_check("softplus_gate", softplus, reference=_softplus_truth, cases=cases,
                          outputs=("softplus(z)", "dJ/dz"), slips=SLIPS["softplus_gate"], adapt=_run_gate,
                          grade=grade)


def used_twice(prediction, grade=False):
    """Lesson 10, exercise 2 (predict): df/dx for f = x * y + x * x at x = 2, y = -3."""
    def run():
        x, y = Value(2.0), Value(-3.0)
        f = x * y + x * x
        _backward_ref(f)
        return float(x.grad)
    return prediction_check("used_twice", prediction, truth=run, tol=1e-6,
                            right="Three paths, three shares: y + x + x = -3 + 2 + 2 = 1.",
                            slips=SLIPS["used_twice"], grade=grade)


def backward_engine(backward, grade=False):
    """Lesson 10, exercise 3 (diagnose): backward(J) fills node.grad for every node of J's graph."""
    cases = [Case((graph, -2.0, 5.0) if i < 2 else (graph, 0.5, -1.5),
                  f"{graph} at " + ("u = -2, v = 5" if i < 2 else "u = 0.5, v = -1.5"))
             for i, graph in enumerate(_GRAPHS)]
    return function_check("backward_engine", backward, reference=_engine_truth, cases=cases,
                          outputs=("df/du", "df/dv"),
                          slips=SLIPS["backward_engine"], adapt=_run_engine, grade=grade)


def finite_difference_passes(prediction, grade=False):
    """Lesson 10, exercise 4 (predict): forward passes for one central-difference gradient of a 2-16-2 net."""
    return prediction_check("finite_difference_passes", prediction, truth=2 * (2 * 16 + 16 + 16 * 2 + 2), tol=0,
                            right="P = 82 parameters, two forward passes each.",
                            slips=SLIPS["finite_difference_passes"], grade=grade)


__all__ = ["softplus_gate", "used_twice", "backward_engine", "finite_difference_passes"]
