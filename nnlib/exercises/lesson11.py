"""Exercise checks for lesson 11 (11_autograd): a new gate, (in lesson11_residual.py) the gradient of a residual
block, an unbroadcast that gets a broadcast array's gradient wrong, (in lesson11_onesided.py) the cost and error
of a one-sided difference, and (in lesson11_order.py) a topological order that places nodes before their parents.
Data for the engine in engine.py."""
import numpy as np

from .. import autograd
from ..autograd import Value
from ..layers import sigmoid
from .engine import Case, Slip, function_check
from .lesson11_onesided import SLIPS as ONESIDED_SLIPS
from .lesson11_onesided import SOLUTIONS as ONESIDED_SOLUTIONS
from .lesson11_onesided import finite_difference_passes
from .lesson11_order import SLIPS as ORDER_SLIPS
from .lesson11_order import SOLUTIONS as ORDER_SOLUTIONS
from .lesson11_order import topo_order
from .lesson11_residual import SLIPS as RESIDUAL_SLIPS
from .lesson11_residual import SOLUTIONS as RESIDUAL_SOLUTIONS
from .lesson11_residual import reference_backward, residual_grad
from .lesson11_slips import MORE
from .reply import verdict

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
        if not out.parents:
            raise ValueError("your result has no parents, so backward cannot reach x: give it x as its one parent, "
                             "with the local derivative as its function")
        if len(out.parents) != 1 or out.parents[0][0] is not x:
            raise ValueError("your result does not have x as its one parent (built from other gates?): write the "
                             "local derivative yourself")
        reference_backward((out * G).sum())
        return out.data, x.grad
    return run


def _softplus_truth(z, G):
    return np.logaddexp(0, z), G * sigmoid(z)


_Z = np.array([[-3.0, -0.5, 0.0], [0.7, 1.5, 4.0]])
_G = np.array([[0.5, -1.0, 2.0], [1.5, -0.3, 0.8]])
_Z_LARGE = np.array([[800.0, -800.0, 30.0]])            # the prompt asks for a softplus that does not overflow
_G_LARGE = np.array([[1.0, 2.0, -0.5]])

# --- exercise 3 (diagnose): unbroadcast ------------------------------------------------------------


def _unbroadcast(g, shape):                 # a private copy of the reference (nnlib.autograd.unbroadcast)
    while g.ndim > len(shape):
        g = g.sum(axis=0)
    for axis, size in enumerate(shape):
        if size == 1 and g.shape[axis] != 1:
            g = g.sum(axis=axis, keepdims=True)
    return g


def _unbroadcast_given(g, shape):           # the function as the notebook hands it out
    return g.mean(axis=tuple(range(g.ndim - len(shape))))


def _unbroadcast_mean(g, shape):            # the copies' gradients averaged instead of added
    while g.ndim > len(shape):
        g = g.mean(axis=0)
    for axis, size in enumerate(shape):
        if size == 1 and g.shape[axis] != 1:
            g = g.mean(axis=axis, keepdims=True)
    return g


def _unbroadcast_leading_only(g, shape):    # only the extra leading axes summed, size-1 axes left stretched
    while g.ndim > len(shape):
        g = g.sum(axis=0)
    return g


def _unbroadcast_last_axis(g, shape):       # the extra axes taken from the right, as if shapes lined up on the left
    while g.ndim > len(shape):
        g = g.sum(axis=-1)
    for axis, size in enumerate(shape):
        if size == 1 and g.shape[axis] != 1:
            g = g.sum(axis=axis, keepdims=True)
    return g


def _unbroadcast_drops_axis(g, shape):      # a size-1 axis summed away instead of kept
    while g.ndim > len(shape):
        g = g.sum(axis=0)
    for axis, size in reversed(list(enumerate(shape))):
        if size == 1 and g.shape[axis] != 1:
            g = g.sum(axis=axis)
    return g


def _grad(*shape):
    """A fixed upstream gradient of this shape (small integers, so sums are easy to follow)."""
    return (np.arange(np.prod(shape), dtype=float).reshape(shape) % 7) - 3.0


_UNBROADCAST_CASES = [
    Case((_grad(4, 3), (3,)), "g of shape (4, 3) (a bias b of shape (3,) added to 4 rows), shape = (3,)"),
    Case((_grad(4, 3), (1, 3)), "g of shape (4, 3), shape = (1, 3) (the bias kept as a row)"),
    Case((_grad(4, 3), (4, 1)), "g of shape (4, 3), shape = (4, 1) (one number per row, times 3 columns)"),
    Case((_grad(2, 4, 3), (3,)), "g of shape (2, 4, 3), shape = (3,)"),
    Case((_grad(2, 4, 3), (4, 3)), "g of shape (2, 4, 3), shape = (4, 3)"),
    Case((_grad(4, 3), (4, 3)), "g of shape (4, 3), shape = (4, 3) (nothing was broadcast)"),
    Case((_grad(5, 2), ()), "g of shape (5, 2), shape = () (a plain number times an array)"),
]

SOLUTIONS = {"softplus_gate": _softplus_ref, **RESIDUAL_SOLUTIONS, "unbroadcast": _unbroadcast,
             **ONESIDED_SOLUTIONS, **ORDER_SOLUTIONS}

SLIPS = {
    "softplus_gate": [
        Slip("exp", "You used e^z as the local derivative, the inner derivative alone: the log contributes its "
             "own factor too (the chain rule through log(u) with u = 1 + e^z).", _softplus_exp),
        Slip("no upstream", "Your local function ignores g: it must return g times the local derivative "
             "(the chain rule), not the derivative alone.", _softplus_no_g),
        Slip("sign", "Your slope 1 / (1 + e^z) falls as z grows, but softplus gets steeper as z grows. Two slips "
             "give it: the log's derivative 1/u alone, without the chain rule's du/dz for u = 1 + e^z, or a "
             "sigmoid with the sign of the exponent flipped, sigmoid(-z).", _softplus_sign),
        Slip("value", "Your local function multiplies g by softplus itself, the gate's value: it needs the "
             "derivative of softplus at z.", _softplus_value),
    ],
    "unbroadcast": [
        Slip("mean", "The shapes are right now, but b's gradient is n times too small on a batch of n rows: numpy "
                     "used the array once per row, so ask how the chain rule combines the gradients of several "
                     "uses (lesson 5's add gate).", _unbroadcast_mean),
        Slip("leading only", "An axis of size 1 in `shape` keeps the size numpy stretched it to (a (1, 3) row added "
                             "to 4 rows comes back (4, 3)): look at the axes that are 1 in `shape` but not in g.",
             _unbroadcast_leading_only),
        Slip("last axis", "The result has the right shape but the wrong numbers when g has extra axes: look at "
                          "which side numpy adds the extra axes on when it lines up shapes.", _unbroadcast_last_axis),
        Slip("drops axis", "The result has fewer axes than `shape` when `shape` has an axis of size 1: look at "
                           "what summing does to that axis.", _unbroadcast_drops_axis),
        Slip("given", "This still behaves as the function handed out: compare b.grad with the central differences on a "
                      "batch, and look at shapes with an axis of size 1.", _unbroadcast_given),
    ],
}
SLIPS.update(RESIDUAL_SLIPS)
SLIPS.update(ORDER_SLIPS)
SLIPS.update(ONESIDED_SLIPS)
for _name, _more in MORE.items():
    SLIPS[_name] = SLIPS[_name] + _more


def softplus_gate(softplus, grade=False):
    """Lesson 11, exercise 1 (derive): softplus(x) -> Value of log(1 + e^x) with x as its one parent."""
    shown = " ".join(np.array2string(_Z, separator=", ").split())
    cases = [Case((_Z, _G), f"z = {shown} (J = sum(G * softplus(z)) for a fixed G)"),
             Case((_Z_LARGE, _G_LARGE), "z = [[800, -800, 30]], large enough for e^z to overflow (J = sum(G * "
                                        "softplus(z)) for a fixed G)")]
    return function_check("softplus_gate", softplus, reference=_softplus_truth, cases=cases,
                          outputs=("softplus(z)", "dJ/dz"), slips=SLIPS["softplus_gate"], adapt=_run_gate,
                          grade=grade)


def unbroadcast(fn, grade=False):
    """Lesson 11, exercise 3 (diagnose): unbroadcast(g, shape) -> g summed down to `shape` over the axes numpy
    broadcast (the extra leading ones, and those of size 1 in `shape`). nnlib.autograd's own unbroadcast (the
    notebook's unbroadcast_full) is refused, as a name or called inside: it is the answer, not a fix."""
    if fn is autograd.unbroadcast:
        return verdict("unbroadcast", _LIBRARY, grade=grade)
    return function_check("unbroadcast", fn, reference=_unbroadcast, cases=_UNBROADCAST_CASES,
                          outputs=("the summed gradient",), slips=SLIPS["unbroadcast"], pure=True,
                          forbid=("nnlib.autograd.unbroadcast",), grade=grade)


_LIBRARY = ("that is nnlib.autograd's own unbroadcast (the notebook's unbroadcast_full): fix section 1's function "
            "instead")


__all__ = ["softplus_gate", "residual_grad", "unbroadcast", "finite_difference_passes", "topo_order"]
