"""Exercise checks for lesson 5 (05_layers_and_gates): a ReLU gate, (in lesson05_max.py) a max gate, (in
lesson05_shared.py) a gate that sees its input twice, and the L-layer seed's two bugs.

Each check is data: a reference solution, fixed cases and a catalogue of typical slips (see engine.py). The gate
exercises pass a class; `adapt` turns it into a function (inputs -> (forward's output, backward's output)).
"""
import numpy as np

from .engine import Case, Slip, function_check
from .lesson05_max import SLIPS as MAX_SLIPS
from .lesson05_max import SOLUTIONS as MAX_SOLUTIONS
from .lesson05_max import _gate, max_gate
from .lesson05_shared import SLIPS as SHARED_SLIPS
from .lesson05_shared import SOLUTIONS as SHARED_SOLUTIONS
from .lesson05_shared import shared_input


# --- exercise 1 (derive): a ReLU gate --------------------------------------------------------------------
def _relu(z, dJda):  # the argument names are the ones a reply uses
    return np.maximum(z, 0), dJda * (z > 0)


def _relu_gate(forward=lambda z: np.maximum(z, 0), backward=lambda a, G: G * (a > 0), in_place=False):
    """A ReLU gate class with the given forward and backward(a, dJda); the arguments make its typical slips."""
    def fwd(self, z):
        if in_place:
            z[z < 0] = 0
        self.a = z if in_place else forward(z)
        return self.a
    return type("ReLU", (), {"forward": fwd, "backward": lambda self, G: backward(self.a, G)})


_ReLU = _relu_gate()


# --- exercise 2 (derive): a max gate, in lesson05_max.py ------------------------------------------------


# --- exercise 3 (predict): a gate that sees its input twice, in lesson05_shared.py ----------------------


# --- exercise 4 (diagnose): the L-layer seed ---------------------------------------------------------------
def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


def _forward(params, X):
    L = len(params) // 2
    a = [X]
    for l in range(1, L):
        a.append(np.tanh(a[-1] @ params[f"W{l}"] + params[f"b{l}"]))
    return L, a, _sigmoid(a[-1] @ params[f"W{L}"] + params[f"b{L}"])


def _backward(params, a, delta, L, key=lambda p, l: f"{p}{l}", transpose=False, slope=lambda a: 1 - a ** 2):
    grads = {}
    for l in range(L, 0, -1):
        grads[key("W", l)] = delta.T @ a[l - 1] if transpose else a[l - 1].T @ delta
        grads[key("b", l)] = delta.sum(axis=0)
        if l > 1:
            delta = (delta @ params[f"W{l}"].T) * slope(a[l - 1])
    return grads


def _bce(Y, y_hat):
    return -np.mean(Y * np.log(y_hat) + (1 - Y) * np.log(1 - y_hat))


def _bce_wrong_log(Y, y_hat):                 # the seed's bug: log(y_hat) where log(1 - y_hat) belongs
    return -np.mean(Y * np.log(y_hat) + (1 - Y) * np.log(y_hat))


_LOSSES = {"right": _bce, "wrong log": _bce_wrong_log, "plus": lambda Y, y_hat: -_bce(Y, y_hat),
           "sum": lambda Y, y_hat: len(Y) * _bce(Y, y_hat)}
_KEYS = {"right": lambda p, l: f"{p}{l}", "W": lambda p, l: "W" if p == "W" else f"b{l}",
         "off": lambda p, l: f"W{l - 1}" if p == "W" else f"b{l}"}


def _l_layer(params, X, Y, loss="right", keys="right", transpose=False, per_n=True, tanh_again=False,
             no_slope=False):
    """The L-layer network's (J, grads); the keywords make the seed's bugs and other slips."""
    L, a, y_hat = _forward(params, X)
    delta = (y_hat - Y) / (X.shape[0] if per_n else 1)
    slope = (lambda a: 1 - np.tanh(a) ** 2) if tanh_again else (lambda a: 1 - a ** 2)
    slope = (lambda a: 1.0) if no_slope else slope
    return _LOSSES[loss](Y, y_hat), _backward(params, a, delta, L, _KEYS[keys], transpose, slope)


def _l_slip(**how):
    return lambda params, X, Y: _l_layer(params, X, Y, **how)


def _grads_by_layer(fn):
    """The student's (J, grads dict) as (J, dW1, db1, dW2, db2, ...); a missing key shows as zeros."""
    if not callable(fn):
        raise TypeError(f"expected a function, got {fn!r:.60}")

    def run(params, X, Y):
        out = fn(params, X, Y)
        if not (isinstance(out, tuple) and len(out) == 2 and isinstance(out[1], dict)):
            return out
        J, grads = out
        parts = [J]
        for l in range(1, len(params) // 2 + 1):
            for p in "Wb":
                parts.append(grads.get(f"{p}{l}", np.zeros(np.shape(params[f"{p}{l}"]))))
        return tuple(parts)
    return run


def _seed_params(sizes, seed):
    rng = np.random.default_rng(seed)
    params = {}
    for l, (m, h) in enumerate(zip(sizes[:-1], sizes[1:]), 1):
        params[f"W{l}"] = np.round(rng.standard_normal((m, h)) / np.sqrt(m), 3)
        params[f"b{l}"] = np.round(0.1 * rng.standard_normal(h), 3)
    return params


SOLUTIONS = {"relu_gate": _ReLU, "l_layer_grads": _l_layer, **MAX_SOLUTIONS, **SHARED_SOLUTIONS}

SLIPS = {
    "relu_gate": [
        Slip("no_mask", "backward passes dJda through unchanged: a ReLU blocks the gradient wherever z <= 0 "
                        "(its slope there is 0). A mask a >= 0 does this: a = max(z, 0) is never "
                        "negative, so a >= 0 is True everywhere.", _relu_gate(backward=lambda a, G: G)),
        Slip("mask_only", "backward returns only the local derivative (1 or 0); multiply it by the upstream "
                          "gradient dJda.", _relu_gate(backward=lambda a, G: (a > 0).astype(float))),
        Slip("upstream_mask", "The mask must come from the gate's own input z (or output a), not from the sign "
                              "of the upstream gradient dJda.", _relu_gate(backward=lambda a, G: G * (G > 0))),
        Slip("in_place", "The numbers are right, but forward set the caller's negative z to 0 in place: compute "
                         "np.maximum(z, 0) as a new array.", _relu_gate(in_place=True)),
        Slip("times a", "backward multiplies dJda by a itself: ReLU's slope is 1 where z > 0 and 0 elsewhere, "
                        "whatever the size of a.", _relu_gate(backward=lambda a, G: G * a)),
        Slip("mask reversed", "The mask is the wrong way round: the gradient passes where z > 0 and is blocked "
                              "where z <= 0.", _relu_gate(backward=lambda a, G: G * (a <= 0))),
        Slip("np.max", "np.max(z, 0) is the largest entry along axis 0; the elementwise max(z, 0) is "
                       "np.maximum(z, 0).", _relu_gate(forward=lambda z: np.max(z, 0))),
        Slip("forward mask", "forward returns the mask (1 or 0): a = max(z, 0) keeps each positive z as it is.",
             _relu_gate(forward=lambda z: (z > 0).astype(float))),
        Slip("returns a", "backward returns self.a, the forward output: backward returns a gradient, dJ/dz, "
                          "made from dJda and the gate's local slope, whatever the size of a.",
             _relu_gate(backward=lambda a, G: a)),
    ],
    "l_layer_grads": [
        Slip("given", "This still behaves as the function handed out: a loop that updates every parameter with "
                      "params[key] -= lr * grads.get(key, 0) still leaves every weight matrix where it started, and "
                      "a numerical check of grads['b1'] against its J still fails. Your change did not alter what it "
                      "computes: decide whether J or the gradient is at fault, then work one sample out by hand.",
             _l_slip(loss="wrong log", keys="W")),
        Slip("keys", "J is right now, but grads['W1'], grads['W2'], ... are missing: look at the key under which "
             "the backward loop stores each layer's weight gradient.", _l_slip(keys="W")),
        Slip("log", "The gradients are right, J is not: look at what each of its two logs is taken of (the "
             "probability of which class?).", _l_slip(loss="wrong log")),
        Slip("transposed", "Each dW has the transposed shape, and a gradient has its weight's shape: check "
             "the order of the product that makes dW.", _l_slip(transpose=True)),
        Slip("keys off", "Each weight gradient is stored one layer off: layer l's goes under 'W' + str(l), as "
                         "its bias's does.", _l_slip(keys="off")),
        Slip("J sign", "J comes out negative: the logs of probabilities are negative, so the cross-entropy has a "
                       "minus in front.", _l_slip(loss="plus")),
        Slip("J sum", "J is n times too large: the cross-entropy is a mean over the n samples.", _l_slip(loss="sum")),
        Slip("no 1/n", "Every gradient is n times too large: J is a mean, so delta = (y_hat - Y) / n.",
             _l_slip(per_n=False)),
        Slip("tanh again", "The hidden slope applies tanh to a[l - 1], which is already tanh(z): the slope "
                           "1 - tanh(z)^2 is written with the activation itself.", _l_slip(tanh_again=True)),
        Slip("no slope", "The hidden delta lost tanh's slope 1 - a^2: sending delta back through W gives dJ/da, "
                         "and the tanh gate multiplies it by its slope to give dJ/dz.", _l_slip(no_slope=True)),
    ],
    **MAX_SLIPS,
    **SHARED_SLIPS,
}


def relu_gate(cls, grade=False):
    """Lesson 5, exercise 1 (derive): a class ReLU with forward(z) -> a and backward(dJda) -> dJdz."""
    z = np.array([[1.5, -0.5, 0.2], [-2.0, 0.7, -0.1]])
    G = np.array([[0.3, -1.0, 2.0], [0.5, -0.4, 1.0]])
    cases = [Case((z, G), "z = [[1.5, -0.5, 0.2], [-2, 0.7, -0.1]], dJda = [[0.3, -1, 2], [0.5, -0.4, 1]]"),
             Case((-z.T, G.T), "z = [[-1.5, 2], [0.5, -0.7], [-0.2, 0.1]], dJda = [[0.3, 0.5], [-1, -0.4], [2, 1]]")]
    return function_check("relu_gate", cls, reference=_relu, cases=cases, outputs=("forward's a", "backward's dJdz"),
                          slips=SLIPS["relu_gate"], pure=True, adapt=lambda c: _gate(c, "check.relu_gate(ReLU)"),
                          grade=grade)


def l_layer_grads(fn, grade=False):
    """Lesson 5, exercise 4 (diagnose): l_layer_loss_and_grads(params, X, Y) -> (J, grads) for tanh hidden
    layers, one sigmoid output unit and binary cross-entropy, grads keyed like params ("W1", "b1", ...)."""
    rng = np.random.default_rng(4)
    X1, X2 = np.round(rng.standard_normal((5, 2)), 2), np.round(rng.standard_normal((6, 3)), 2)
    Y1, Y2 = np.array([[1.0], [0.0], [0.0], [1.0], [1.0]]), np.array([[0.0], [1.0], [1.0], [0.0], [1.0], [0.0]])
    cases = [Case((_seed_params([2, 3, 3, 1], 0), X1, Y1), "(the params of a [2, 3, 3, 1] net, X (5, 2), Y (5, 1))"),
             Case((_seed_params([3, 4, 2, 1], 1), X2, Y2), "(the params of a [3, 4, 2, 1] net, X (6, 3), Y (6, 1))")]
    outputs = ("J", "grads['W1']", "grads['b1']", "grads['W2']", "grads['b2']", "grads['W3']", "grads['b3']")
    return function_check("l_layer_grads", fn, reference=lambda params, X, Y: _grads_by_layer(_l_layer)(params, X, Y),
                          cases=cases, outputs=outputs, slips=SLIPS["l_layer_grads"], pure=True,
                          adapt=_grads_by_layer, grade=grade)


__all__ = ["relu_gate", "max_gate", "shared_input", "l_layer_grads"]
