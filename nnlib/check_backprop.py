"""Named exercise checks for lessons 3-4 (backprop, layers and gates) (plumbing, not lesson): call them as `check.<name>`."""
import numpy as np

from .exercise import fmt_line, report


# --- Lesson 3: backprop ---
def _l34_call(fn, args, shown):
    """(fn(*args), None), or (None, what went wrong) when it raises."""
    try:
        return fn(*args), None
    except Exception as e:  # a learner's bug: show it, do not crash the notebook
        return None, f"calling it with {shown} raised {type(e).__name__}: {e}"


def _l34_array(got, want, what):
    """What is wrong with `got` against the expected array `want` (None when it matches)."""
    if got is None:
        return f"{what} is None; did you forget `return`?"
    try:
        got = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return f"{what} should be numbers, got {got!r:.60}"
    if got.shape != np.shape(want):
        return f"{what} should have shape {np.shape(want)}, got shape {got.shape}"
    if not np.allclose(got, want, atol=1e-6, rtol=1e-5):
        return f"{what}: expected {fmt_line(want)}, got {fmt_line(got)}"
    return None


_L3_FUNCTIONS = [
    ("sum(x**3)", lambda x: np.sum(x ** 3), lambda x: 3 * x ** 2, np.array([1.0, -2.0, 0.5])),
    ("sum(sin(x)) + x[0, 0] * x[1, 1]", lambda x: np.sum(np.sin(x)) + x[0, 0] * x[1, 1],
     lambda x: np.cos(x) + np.array([[x[1, 1], 0.0], [0.0, x[0, 0]]]), np.array([[0.3, -1.2], [2.0, 0.7]])),
]


def central_difference(fn):
    """Lesson 3: central_difference(f, x) -> the gradient of the scalar f(x) at x by central
    differences (h = 1e-5), shaped like x, leaving x unchanged; compared with the exact gradient."""
    name = "central_difference"
    if not callable(fn):
        return report(name, f"expected a function, got {fn!r:.60}")
    for text, f, df, x0 in _L3_FUNCTIONS:
        x = x0.copy()
        shown = f"f(x) = {text}, x = {fmt_line(x0)}"
        got, problem = _l34_call(fn, (f, x), shown)
        if problem is None:
            problem = _l34_array(got, df(x0), f"for {shown}, the gradient")
        if problem is None and not np.array_equal(x, x0):
            problem = (f"for {shown}, it left x changed (off by up to {np.abs(x - x0).max():.0e}); "
                       "put each entry back after nudging it")
        if problem is not None:
            return report(name, problem)
    return report(name)


def _l3_tanh_case():
    rng = np.random.default_rng(3)
    X, y = rng.normal(size=(5, 2)), rng.normal(size=(5, 1))
    W1, b1 = rng.normal(size=(2, 3)), rng.normal(size=3)
    W2, b2 = rng.normal(size=(3, 1)), rng.normal(size=1)
    return X, y, W1, b1, W2, b2


def backprop_tanh(fn):
    """Lesson 3: backprop_tanh(X, y, W1, b1, W2, b2) -> (dJdW1, dJdb1, dJdW2, dJdb2) for a tanh hidden
    layer, a linear output and J = 1/(2n) sum (y_hat - y)^2; compared with nnlib's MLP."""
    from .mlp import MLP
    name = "backprop_tanh"
    if not callable(fn):
        return report(name, f"expected a function, got {fn!r:.60}")
    X, y, W1, b1, W2, b2 = _l3_tanh_case()
    net = MLP([2, 3, 1], activation="tanh", output="identity")
    net.params = [(W1, b1), (W2, b2)]
    _, ((dW1, db1), (dW2, db2)) = net.loss_and_grads(X, y, loss="mse")
    shown = "the fixed X (5, 2), y (5, 1), W1 (2, 3), b1 (3,), W2 (3, 1), b2 (1,)"
    got, problem = _l34_call(fn, [a.copy() for a in (X, y, W1, b1, W2, b2)], shown)
    if problem is None and got is None:
        problem = "it returned None; did you forget `return`?"
    elif problem is None and (not isinstance(got, (tuple, list)) or len(got) != 4):
        problem = f"expected 4 gradients (dJdW1, dJdb1, dJdW2, dJdb2), got {got!r:.60}"
    elif problem is None:
        for part, g, want in zip(("dJdW1", "dJdb1", "dJdW2", "dJdb2"), got, (dW1, db1, dW2, db2)):
            problem = _l34_array(g, want, f"with {shown}, {part}")
            if problem is not None:
                break
    return report(name, problem)


def forward_columns(fn):
    """Lesson 3: forward_columns(X_cols, W1_cols, b1_cols, W2_cols, b2_cols) -> y_hat_cols (k, n), the
    sigmoid/sigmoid forward pass with samples in columns; compared with nnlib's MLP (samples in rows)."""
    from .mlp import MLP
    name = "forward_columns"
    if not callable(fn):
        return report(name, f"expected a function, got {fn!r:.60}")
    rng = np.random.default_rng(4)
    args = (rng.normal(size=(2, 4)), rng.normal(size=(3, 2)), rng.normal(size=(3, 1)),
            rng.normal(size=(1, 3)), rng.normal(size=(1, 1)))
    X_cols, W1_cols, b1_cols, W2_cols, b2_cols = args
    net = MLP([2, 3, 1], activation="sigmoid", output="sigmoid")
    net.params = [(W1_cols.T, b1_cols[:, 0]), (W2_cols.T, b2_cols[:, 0])]
    want = net.forward(X_cols.T).T
    shown = "the fixed X_cols (2, 4), W1_cols (3, 2), b1_cols (3, 1), W2_cols (1, 3), b2_cols (1, 1)"
    got, problem = _l34_call(fn, [a.copy() for a in args], shown)
    if problem is None:
        problem = _l34_array(got, want, f"with {shown}, y_hat_cols")
    return report(name, problem)


# --- Lesson 4: layers and gates ---
def _l4_gate(name, cls, what):
    """(an instance of cls, None), or (None, what went wrong)."""
    if not callable(cls):
        return None, f"expected a class, got {cls!r:.60}"
    try:
        return cls(), None
    except Exception as e:  # a learner's bug: show it, do not crash the notebook
        return None, f"creating {what}() raised {type(e).__name__}: {e}"


def _l4_method(gate, method, args, shown):
    """Call gate.method(*args): (result, None) or (None, what went wrong)."""
    if not callable(getattr(gate, method, None)):
        return None, f"the class has no method {method}"
    return _l34_call(getattr(gate, method), args, shown)


def relu_gate(cls):
    """Lesson 4: a class with forward(z) -> max(z, 0) and backward(dJda) -> dJdz for that z;
    compared with nnlib.layers.relu and its derivative."""
    from .layers import DERIVATIVES, relu
    name = "relu_gate"
    gate, problem = _l4_gate(name, cls, "ReLU")
    z = np.array([[1.5, -0.5, 0.2], [-2.0, 0.7, -0.1]])
    dJda = np.array([[0.3, -1.0, 2.0], [0.5, 0.4, -0.6]])
    if problem is None:
        a, problem = _l4_method(gate, "forward", (z.copy(),), f"z = {fmt_line(z)}")
        if problem is None:
            problem = _l34_array(a, relu(z), f"forward(z) for z = {fmt_line(z)}")
    if problem is None:
        dJdz, problem = _l4_method(gate, "backward", (dJda.copy(),), f"dJda = {fmt_line(dJda)}")
        if problem is None:
            want = np.where(DERIVATIVES["relu"](relu(z)) > 0, dJda, 0.0)
            problem = _l34_array(dJdz, want, f"after that forward, backward(dJda) for dJda = {fmt_line(dJda)}")
    return report(name, problem)


def softmax_ce_grad(fn):
    """Lesson 4: softmax_ce_grad(z, y) -> dJ/dz (n, k) of J = mean cross-entropy of softmax(z) against
    the labels y (n,); compared with a numerical gradient of nnlib's softmax and cross_entropy."""
    from .gradcheck import numerical_gradient
    from .layers import softmax
    from .losses import cross_entropy
    name = "softmax_ce_grad"
    if not callable(fn):
        return report(name, f"expected a function, got {fn!r:.60}")
    cases = [(np.array([[2.0, 1.0, -1.0], [0.5, 0.5, 3.0], [-1.0, 2.0, 0.0], [0.0, 0.0, 0.0]]), np.array([0, 2, 1, 2])),
             (np.array([[1.0, -2.0], [0.3, 0.8]]), np.array([1, 0]))]
    for z, y in cases:
        Y = np.eye(z.shape[1])[y]
        zz = z.copy()
        want = numerical_gradient(lambda: cross_entropy(softmax(zz), Y), zz)
        shown = f"z = {fmt_line(z)}, y = {y.tolist()}"
        got, problem = _l34_call(fn, (z.copy(), y.copy()), shown)
        if problem is None:
            problem = _l34_array(got, want, f"for {shown}, dJ/dz")
        if problem is not None:
            return report(name, problem)
    return report(name)


def mse_gate(cls):
    """Lesson 4: a class with forward(y_hat, y) -> J = 1/(2n) sum (y_hat - y)^2 and backward() -> dJ/dy_hat;
    compared with nnlib.losses.mse and its numerical gradient."""
    from .gradcheck import numerical_gradient
    from .losses import mse
    name = "mse_gate"
    gate, problem = _l4_gate(name, cls, "MSE")
    y_hat = np.array([[0.2, 0.9], [0.6, 0.1], [1.5, -0.3]])
    y = np.array([[0.0, 1.0], [1.0, 0.0], [1.0, 0.0]])
    shown = f"y_hat = {fmt_line(y_hat)}, y = {fmt_line(y)}"
    if problem is None:
        J, problem = _l4_method(gate, "forward", (y_hat.copy(), y.copy()), shown)
        if problem is None:
            problem = _l34_array(J, mse(y_hat, y), f"forward(y_hat, y) for {shown}")
    if problem is None:
        dJdy_hat, problem = _l4_method(gate, "backward", (), "no arguments")
        if problem is None:
            yy = y_hat.copy()
            want = numerical_gradient(lambda: mse(yy, y), yy)
            problem = _l34_array(dJdy_hat, want, f"after forward({shown}), backward()")
    return report(name, problem)
