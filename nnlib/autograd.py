"""A tiny reverse-mode autograd engine, built in lesson 11 (11_autograd) from lesson 5's gates.

A `Value` holds a number or a numpy array (`data`), its gradient `grad` (same shape) and its
`parents`: pairs (parent, local), where `local(g)` turns g = dJ/d(this value) into this value's
share of dJ/d(parent). That is lesson 5's gate `backward`, one function per input:

    z = a @ W        (a, g -> g @ W.T),  (W, g -> a.T @ g)            multiply gate: swap, transpose
    z = u + b        (u, g -> g),        (b, g -> g summed over rows)  add gate (numpy broadcast b)
    a = tanh(z)      (z, g -> g * (1 - a**2))                          an activation gate

Gates check their inputs' shapes; `backward` checks that each local function returns a gradient shaped
like its input (naming the gate) and that no input's data changed since the graph was built (a checksum).

`J.backward()` sets every gradient in J's graph to zero, seeds dJ/dJ = 1 and visits the nodes in
reverse topological order (each node after every node that uses it), *adding* each local share to
its parent's gradient: a value used twice gets a gradient along both paths (lesson 11 shows the bug
when it is overwritten instead). Samples in rows, as everywhere in the course: z = X @ W + b.
"""
import functools
import zlib

import numpy as np

from .layers import sigmoid
from .losses import one_hot
from .validation import as_features, as_labels, choice, positive, real_array

__all__ = ["Value", "cross_entropy", "mlp_loss", "topological_order"]


def unbroadcast(g, shape):
    """Sum g down to `shape`: where numpy repeated an array (a bias added to every row), the
    gradient of the copies adds up (lesson 5's add gate: dJ/db = sum over rows)."""
    while g.ndim > len(shape):
        g = g.sum(axis=0)
    for axis, size in enumerate(shape):
        if size == 1 and g.shape[axis] != 1:
            g = g.sum(axis=axis, keepdims=True)
    return g


def _quiet(gate):
    """gate without numpy's floating-point warnings: log 0 = -inf, sqrt's slope at 0, overflow are honest."""
    @functools.wraps(gate)
    def run(*args, **kwargs):
        with np.errstate(all="ignore"):
            return gate(*args, **kwargs)
    return run


def _stamp(data):
    """A checksum of an array's shape and values: a value built from it records it, and backward()
    compares (x.data changed since, by assignment or in place, would mix old values and new gradients)."""
    return zlib.crc32(np.ascontiguousarray(data), hash(data.shape) & 0xFFFFFFFF)


def _broadcast(a, b, op):
    try:
        np.broadcast_shapes(a.data.shape, b.data.shape)
    except ValueError:
        raise ValueError(f"a {op} b needs shapes that broadcast (from the right, each size equal or 1), got "
                         f"{a.data.shape} and {b.data.shape}") from None


def as_value(x):
    """x itself if it is a Value, else a Value holding x (a constant: nothing asks for its grad)."""
    return x if isinstance(x, Value) else Value(x)


class Value:
    """Value(data, parents=(), op=""): a number or array that remembers how it was made.

    data:    float array (a number is a 0-d array); grad: dJ/d(data), same shape, set by backward().
    parents: pairs (parent Value, local) with local(g) -> the parent's share of the gradient.
    op:      a label for printing ("+", "*", "@", "tanh", ...).
    """

    __array_ufunc__ = None          # ndarray @ Value, ndarray + Value, ...: numpy hands over to Value

    def __init__(self, data, parents=(), op=""):
        self._data = real_array(data, "data")
        self.grad = np.zeros_like(self._data)
        self.parents = tuple(parents)
        for pair in self.parents:
            if not (isinstance(pair, tuple) and len(pair) == 2 and isinstance(pair[0], Value) and callable(pair[1])):
                raise TypeError(f"parents must be pairs (Value, local function), got {pair!r:.80}")
        self.op = op
        self.seen = tuple(_stamp(parent.data) for parent, _ in self.parents)  # the parents' data this value used

    @property
    def data(self):
        return self._data

    @data.setter
    def data(self, value):
        """A new value (x.data = ..., x.data -= lr * x.grad): a graph built before it is stale, and its
        backward() says so (as it does after a change in place, x.data[0] = ...)."""
        self._data = real_array(value, "data")

    def __repr__(self):
        if self.data.ndim == 0:
            return f"Value(data={float(self.data):.6g}, grad={float(self.grad):.6g})"
        return f"Value(shape={self.data.shape}, op={self.op!r})"

    # --- gates: each returns a new Value with its parents and their local derivatives (quietly: -inf = log 0) --
    @_quiet
    def __add__(self, other):
        other = as_value(other)
        _broadcast(self, other, "+")
        return Value(self.data + other.data, [(self, lambda g: unbroadcast(g, self.data.shape)),
                                              (other, lambda g: unbroadcast(g, other.data.shape))], "+")

    @_quiet
    def __mul__(self, other):
        other = as_value(other)
        _broadcast(self, other, "*")
        return Value(self.data * other.data, [(self, lambda g: unbroadcast(g * other.data, self.data.shape)),
                                              (other, lambda g: unbroadcast(g * self.data, other.data.shape))], "*")

    @_quiet
    def __matmul__(self, other):
        other = as_value(other)
        if self.data.ndim != 2 or other.data.ndim != 2 or self.data.shape[1] != other.data.shape[0]:
            raise ValueError(f"a @ W needs shapes (n, m) and (m, h), got {self.data.shape} and {other.data.shape}")
        return Value(self.data @ other.data, [(self, lambda g: g @ other.data.T),
                                              (other, lambda g: self.data.T @ g)], "@")

    @_quiet
    def __pow__(self, p):
        if isinstance(p, Value) or not np.isscalar(p):
            raise TypeError(f"the exponent must be a plain number, got {p!r:.60}")
        if p == 0:                                    # x ** 0 = 1 everywhere: no gradient (0 * 0 ** -1 is NaN)
            return Value(np.ones_like(self.data), [(self, lambda g: np.zeros_like(self.data))], "**0")
        return Value(self.data ** p, [(self, lambda g: g * p * self.data ** (p - 1))], f"**{p}")

    @_quiet
    def tanh(self):
        a = np.tanh(self.data)
        return Value(a, [(self, lambda g: g * (1 - a * a))], "tanh")

    @_quiet
    def sigmoid(self):
        a = sigmoid(self.data)                        # lesson 3's 1 / (1 + exp(-z)), without overflow
        return Value(a, [(self, lambda g: g * a * (1 - a))], "sigmoid")

    @_quiet
    def relu(self):
        return Value(np.maximum(self.data, 0), [(self, lambda g: g * (self.data > 0))], "relu")

    @_quiet
    def exp(self):
        e = np.exp(self.data)
        return Value(e, [(self, lambda g: g * e)], "exp")

    @_quiet
    def log(self):
        return Value(np.log(self.data), [(self, lambda g: g / self.data)], "log")

    def sum(self, axis=None, keepdims=False, dtype=None, out=None):
        """Sum over all entries or along `axis` (np.sum(v) calls it too; dtype and out are refused)."""
        if dtype is not None or out is not None:
            raise TypeError(f"Value.sum and Value.mean take no dtype or out (got dtype={dtype!r:.30}, out="
                            f"{type(out).__name__}): use v.sum(), v.mean(), or with axis=...")

        def local(g):
            if axis is not None and not keepdims:
                g = np.expand_dims(g, axis)
            return np.broadcast_to(g, self.data.shape).copy()     # every summand gets the whole g
        return Value(self.data.sum(axis=axis, keepdims=keepdims), [(self, local)], "sum")

    # --- the rest, written with the gates above ------------------------------------------------
    def __neg__(self):
        return self * -1.0

    def __sub__(self, other):
        return self + (-as_value(other))

    def __truediv__(self, other):
        return self * as_value(other) ** -1

    def __radd__(self, other):
        return self + other

    def __rmul__(self, other):
        return self * other

    def __rsub__(self, other):
        return as_value(other) - self

    def __rtruediv__(self, other):
        return as_value(other) / self

    def __rmatmul__(self, other):
        return as_value(other) @ self

    def mean(self, axis=None, keepdims=False, dtype=None, out=None):
        """Mean over all entries or along `axis` (np.mean(v) calls it too; dtype and out are refused)."""
        total = self.sum(axis, keepdims, dtype, out)
        return total / (self.data.size // max(total.data.size, 1))

    # --- backward --------------------------------------------------------------------------------
    @_quiet
    def backward(self):
        """dJ/d(node) into node.grad for every node of this value's graph (this value is J)."""
        if self.data.ndim != 0:
            raise ValueError(f"backward() starts from a single number (a loss), got shape {self.data.shape}")
        order = topological_order(self)
        for node in order:
            node.grad = np.zeros_like(node.data)
        self.grad = np.ones_like(self.data)                      # dJ/dJ = 1
        for node in reversed(order):                             # every user of a node comes before it
            for parent, share in _shares(node):
                parent.grad += share                             # add: a value used twice gets both shares


def _shares(node):
    """(parent, its share of dJ/d(parent)) for each parent of node, checked: no parent's data changed since
    node was built from it, and each share has its parent's shape (numpy would broadcast it silently)."""
    for (parent, _), stamp in zip(node.parents, node.seen):
        if _stamp(parent.data) != stamp:
            raise ValueError(f"the data of a Value {parent.data.shape} changed after the graph was built (gate "
                             f"{node.op!r} used its old value), so its gradients would mix old and new values: "
                             "run the forward pass again to build a new graph, then call backward()")
    for parent, local in node.parents:
        share = local(node.grad)
        if np.shape(share) != parent.data.shape:
            raise ValueError(f"gate {node.op!r} returned a gradient of shape {np.shape(share)} for an input of "
                             f"shape {parent.data.shape}: its local function must return dJ/d(input), shaped like "
                             "the input")
        yield parent, share


def topological_order(root):
    """Every node of root's graph once, each after all of its parents (depth first, no recursion,
    so a long chain of scalar gates is fine)."""
    order, seen, stack = [], set(), [(root, False)]
    while stack:
        node, parents_done = stack.pop()
        if parents_done:                        # its parents are all in `order` now
            order.append(node)
        elif id(node) not in seen:
            seen.add(id(node))
            stack.append((node, True))
            stack.extend((parent, False) for parent, _ in node.parents if id(parent) not in seen)
    return order


def cross_entropy(z, Y):
    """Mean cross-entropy of softmax(z) (n, k) against one-hot targets Y (n, k) in [0, 1], or labels
    (n,) in 0..k-1 (made one-hot; any other shape is refused) (lesson 5), from the
    gates above: log p = z - m - log(sum(exp(z - m))), with m each row's maximum (a constant that
    cancels, so exp never overflows)."""
    z = as_value(z)
    Y = _targets(Y, z.data.shape)
    shifted = z - z.data.max(axis=1, keepdims=True)
    log_p = shifted - shifted.exp().sum(axis=1, keepdims=True).log()
    return -(log_p * Y).sum() / z.data.shape[0]


def _targets(Y, shape):
    """One-hot targets Y of z's shape (n, k), or labels (n,) made one-hot; anything else refused (labels
    of shape (n,) against n = k columns would otherwise broadcast into a wrong loss without a word)."""
    if len(shape) != 2:
        raise ValueError(f"z must have shape (n, k), got {shape}")
    if isinstance(Y, Value):
        Y = Y.data
    if np.ndim(Y) == 1 and np.shape(Y) == shape[:1]:
        return one_hot(as_labels(Y, shape[0], "Y", n_classes=shape[1]), shape[1])
    Y = real_array(Y, "Y", finite=True)
    if Y.shape != shape:
        raise ValueError(f"Y must be one-hot targets of z's shape {shape} or labels ({shape[0]},), got shape {Y.shape}")
    if np.any((Y < 0) | (Y > 1)):
        raise ValueError("Y must lie in [0, 1] (one-hot rows, or probabilities)")
    return Y


ACTIVATIONS = {"tanh": Value.tanh, "sigmoid": Value.sigmoid, "relu": Value.relu}


def mlp_loss(params, X, Y, activation="tanh", l2=0.0):
    """The loss of lesson 5's network on Values: params [(W1, b1), ...] as Values, X (n, d), one-hot
    Y (n, k) or labels (n,); hidden layers of `activation`, softmax output, cross-entropy, plus l2 / (2n) sum ||W||^2
    (each W then feeds two paths: the layer and the penalty)."""
    choice(activation, "activation", ACTIVATIONS)
    l2 = positive(l2, "l2", minimum=0)
    if isinstance(params, (str, bytes)) or not hasattr(params, "__len__") or not all(
            isinstance(pair, (tuple, list)) and len(pair) == 2 for pair in params) or not params:
        raise TypeError(f"params must be a list of pairs (W, b), got {params!r:.60}")
    X = X.data if isinstance(X, Value) else X
    a, f = as_value(as_features(X, "X", n_features=as_value(params[0][0]).data.shape[0])), ACTIVATIONS[activation]
    for l, (W, b) in enumerate(params):
        z = a @ W + b
        a = f(z) if l < len(params) - 1 else z
    J = cross_entropy(a, Y)
    if l2:
        J = J + l2 / (2 * a.data.shape[0]) * sum((W * W).sum() for W, _ in params)
    return J
