"""Lesson 5 (05_layers_and_gates): a ReLU gate, a max gate, a value used twice, the L-layer seed. (Exercise 2's
blind entries, the max gate, live in _lesson05_max.py and are added to ENTRIES at the end.)"""

from fractions import Fraction

import numpy as np

from nnlib.layers import sigmoid

from . import right, wrong
from ._lesson05_max import MAX_GATE_ENTRIES


# --- exercise 1: relu_gate(ReLU) -------------------------------------------------------------------------------
class ReluMaskOnly:
    def forward(self, z):
        self.mask = z > 0
        return np.maximum(z, 0)

    def backward(self, dJda):
        return self.mask.astype(float)                      # forgot the upstream gradient


class ReluInPlace:
    def forward(self, z):
        self.mask = z > 0
        z[z < 0] = 0
        return z


ReluInPlace.backward = lambda self, dJda: dJda * self.mask


class ReluTimesOutput:
    def forward(self, z):
        self.a = np.maximum(z, 0)
        return self.a

    def backward(self, dJda):
        return dJda * self.a                                # a, not the 0/1 slope


class ReluWrongSide:
    def forward(self, z):
        self.z = z
        return np.maximum(z, 0)

    def backward(self, dJda):
        return dJda * (self.z < 0)


class ReluIdentityForward:
    def forward(self, z):
        self.z = z
        return z

    def backward(self, dJda):
        return dJda * (self.z > 0)


class ReluPassThrough:
    def forward(self, z):
        return np.maximum(z, 0)

    def backward(self, dJda):
        return dJda


class ReluForgetful:
    def forward(self, z):
        return np.maximum(z, 0)

    def backward(self, dJda):
        return dJda * (self.z > 0)                          # self.z never stored


class ReluLeaky:
    def forward(self, z):
        self.z = z
        return np.where(z > 0, z, 0.01 * z)

    def backward(self, dJda):
        return dJda * np.where(self.z > 0, 1.0, 0.01)


class ReluWhere:
    def forward(self, z):
        self.slope = np.where(z > 0, 1.0, 0.0)
        return z * self.slope

    def backward(self, dJda):
        return np.where(self.slope > 0, dJda, 0.0)


class ReluCopy:
    def forward(self, z):
        self.z = np.array(z, dtype=float, copy=True)
        a = self.z.copy()
        a[a < 0] = 0.0
        return a

    def backward(self, dJda):
        out = np.array(dJda, dtype=float, copy=True)
        out[self.z <= 0] = 0.0
        return out


# --- exercise 4: l_layer_grads(l_layer_loss_and_grads) ---------------------------------------------------------
def _l_layer(params, X, Y, key=lambda l: f"W{l}", J_fix=True, J_sign=-1, J_mean=True, n_div=True,
             slope_index=lambda l: l - 1):
    L = len(params) // 2
    a = [X]
    for l in range(1, L):
        a.append(np.tanh(a[-1] @ params[f"W{l}"] + params[f"b{l}"]))
    y_hat = sigmoid(a[-1] @ params[f"W{L}"] + params[f"b{L}"])
    n = X.shape[0]
    terms = Y * np.log(y_hat) + (1 - Y) * np.log(1 - y_hat if J_fix else y_hat)
    J = J_sign * (np.mean(terms) if J_mean else np.sum(terms))
    grads = {}
    delta = (y_hat - Y) / (n if n_div else 1)
    for l in range(L, 0, -1):
        grads[key(l)] = a[l - 1].T @ delta
        grads[f"b{l}"] = delta.sum(axis=0)
        if l > 1:
            delta = (delta @ params[f"W{l}"].T) * (1 - a[slope_index(l)] ** 2)
    return J, grads


def ll_stub(params, X, Y):
    return _l_layer(params, X, Y, key=lambda l: "W", J_fix=False)


def ll_key_only(params, X, Y):
    return _l_layer(params, X, Y, J_fix=False)


def ll_J_only(params, X, Y):
    return _l_layer(params, X, Y, key=lambda l: "W")


def ll_J_sign(params, X, Y):
    return _l_layer(params, X, Y, J_sign=1)


def ll_J_sum(params, X, Y):
    return _l_layer(params, X, Y, J_mean=False)


def ll_no_n(params, X, Y):
    return _l_layer(params, X, Y, n_div=False)


def ll_key_off_by_one(params, X, Y):
    return _l_layer(params, X, Y, key=lambda l: f"W{l - 1}")


def ll_slope_index(params, X, Y):
    return _l_layer(params, X, Y, slope_index=lambda l: l - 2)


def ll_loops(params, X, Y):
    L = len(params) // 2
    acts = [X]
    for l in range(1, L + 1):
        z = acts[-1] @ params[f"W{l}"] + params[f"b{l}"]
        acts.append(np.tanh(z) if l < L else 1 / (1 + np.exp(-z)))
    p, n = acts[-1], len(X)
    J = -(np.sum(Y * np.log(p)) + np.sum((1 - Y) * np.log(1 - p))) / n
    grads, delta = {}, (p - Y) / n
    for l in reversed(range(1, L + 1)):
        grads.update({f"W{l}": acts[l - 1].T @ delta, f"b{l}": np.sum(delta, axis=0)})
        delta = (delta @ params[f"W{l}"].T) * (1 - acts[l - 1] * acts[l - 1])
    return J, grads


def ll_comprehension(params, X, Y):
    J, grads = _l_layer(params, X, Y)
    return float(J), {key: grads[key] for key in params}


ENTRIES = [
    wrong("relu_gate", ReluMaskOnly, "backward returns the local slope only, not times dJda",
          ["dJda", "upstream", "chain", "multiply", "times"]),
    wrong("relu_gate", ReluInPlace, "forward zeroes the negative entries of z in place",
          ["in place", "changed", "unchanged"]),
    wrong("relu_gate", ReluTimesOutput, "backward multiplies by a instead of the 0/1 slope",
          ["0 or 1", "1 where", "mask", "derivative is 1", "slope"]),
    wrong("relu_gate", ReluWrongSide, "the slope 1 on the negative side instead of the positive",
          ["z > 0", "negative", "positive", "sign"]),
    wrong("relu_gate", ReluIdentityForward, "forward forgets the max: returns z",
          ["max", "negative", "0 where", "zero"]),
    wrong("relu_gate", ReluPassThrough, "backward passes dJda through unchanged",
          ["z > 0", "mask", "0 where", "negative", "zero"]),
    wrong("relu_gate", ReluForgetful, "forward does not remember z; backward fails",
          ["remember", "AttributeError", "forward"]),
    wrong("relu_gate", ReluLeaky, "a leaky ReLU with slope 0.01 below 0",
          ["0.01", "leaky", "negative"]),
    right("relu_gate", ReluWhere, "np.where for the slope and the gradient"),
    right("relu_gate", ReluCopy, "copies and boolean indexing"),

    # exercise 3: shared_input(prediction). At a = b = 2 the gate reports df/da = 1.2 and df/db = 4.8; f = g(x, x).
    wrong("shared_input", 1.2 * 4.8, "multiplies the two gradients (5.76), as along one path, instead of adding",
          ["multipl", "product", "1.2 * 4.8", "1.2 × 4.8"]),
    wrong("shared_input", 4.8, "only the gradient through b: forgets that the nudge moves a too",
          ["both", "only one", "one input", "one of the"]),
    wrong("shared_input", 1.2, "only the gradient through a, the first input: forgets b",
          ["both", "only one", "one input", "one of the"]),
    wrong("shared_input", (1.2 + 4.8) / 2, "averages the two gradients (3.0): thinks a shared value splits them",
          ["average", "mean", "half", "split"]),
    wrong("shared_input", 4.8 - 1.2, "subtracts the gradients (3.6) instead of adding them",
          ["difference", "subtract", "minus", "4.8 - 1.2"]),
    wrong("shared_input", 2 * (1.2 + 4.8), "adds the gradients, then doubles because x is used twice (12)",
          ["double", "2 times", "counted twice", "factor 2"]),
    wrong("shared_input", float(np.hypot(1.2, 4.8)), "the length of the gradient (1.2, 4.8), about 4.95, "
          "not the slope along x", ["length", "norm", "square root", "sqrt"]),
    wrong("shared_input", -6.0, "minus the sum: the direction of a descent step, not the slope",
          ["sign", "minus", "negative", "opposite"]),
    wrong("shared_input", 1 + 1.2 + 4.8, "adds the upstream gradient df/df = 1 to the two gradients (7)",
          ["upstream", "df/df", "∂f/∂f", "extra 1"]),
    wrong("shared_input", "6", "the right number, but as a string",
          ["string", "str", "quotes", "not a number"]),
    wrong("shared_input", (1.2, 4.8), "the two partial derivatives again, not one number",
          ["one number", "two numbers", "single", "a tuple"]),
    wrong("shared_input", 2 * 2.0, "assumes g is a product a * b, so df/dx = 2x = 4, ignoring the reported gradients",
          ["product", "formula", "x * x", "multiply gate"]),
    right("shared_input", Fraction(12, 10) + Fraction(48, 10), "a Fraction, the two gradients added exactly"),
    right("shared_input", np.float64(1.2) + np.float64(4.8), "a numpy scalar"),
    right("shared_input", np.array(6.0), "a 0-d array"),
    right("shared_input", np.float32(6), "a float32"),
    right("shared_input", np.int64(6), "a numpy integer"),
    right("shared_input", 6, "the plain int"),

    wrong("l_layer_grads", ll_stub, "the stub: grads['W'] and log(y_hat) for the 0 labels",
          ["W{l}", "key", "1 - y_hat", "log(1 - y_hat)", "KeyError"]),
    wrong("l_layer_grads", ll_key_only, "fixed the key but not the cost's log(1 - y_hat)",
          ["log(1 - y_hat)", "1 - y_hat", "cross-entropy", "J"]),
    wrong("l_layer_grads", ll_J_only, "fixed the cost but not the key",
          ["key", "W{l}", "missing", "zeros"]),
    wrong("l_layer_grads", ll_J_sign, "both fixed but the cost without its minus sign",
          ["sign", "minus", "negative"]),
    wrong("l_layer_grads", ll_J_sum, "the cost summed, not averaged",
          ["1/n", "mean", "n times"]),
    wrong("l_layer_grads", ll_no_n, "delta without the 1/n",
          ["1/n", "n times", "divide"]),
    wrong("l_layer_grads", ll_key_off_by_one, "the key W{l-1}: every weight gradient one layer off",
          ["key", "off by one", "W{l}"]),
    wrong("l_layer_grads", ll_slope_index, "tanh's slope taken from the activation one layer too low",
          ["a[l - 1]", "index", "layer", "off by one"]),
    right("l_layer_grads", ll_loops, "activations in one list, sums written out, dict.update"),
    right("l_layer_grads", ll_comprehension, "a Python float and a dict rebuilt in params' order"),
]
ENTRIES += MAX_GATE_ENTRIES                 # exercise 2, the max gate
