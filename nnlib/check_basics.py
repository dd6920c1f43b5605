"""Named exercise checks for lessons 1-2 (perceptron, XOR by hand) (plumbing, not lesson): call them as `check.<name>`."""
import numpy as np

from .exercise import compare_parts, fmt_line, function, raised, report


# --- Lesson 1: perceptron ---
_L1_GATE_X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)


def _l1_step(z):
    return (np.asarray(z, dtype=float) >= 0).astype(int)


def perceptron_predict(fn):
    """Lesson 1: predict(X, w, b) -> the labels step(X @ w + b), shape (n,), with step(0) = 1."""
    name = "perceptron_predict"
    if not callable(fn):
        return report(name, f"expected a function, got {fn!r:.60}")
    cases = [(_L1_GATE_X, np.array([1.0, 1.0]), -1.5),
             (_L1_GATE_X, np.array([-2.0, 1.0]), 0.0),
             (np.array([[0.5, -1.0], [2.0, 3.0], [-1.0, 0.0]]), np.array([0.5, -0.25]), 0.5)]
    for X, w, b in cases:
        shown = f"X={fmt_line(X)}, w={fmt_line(w)}, b={b}"
        try:
            got = fn(X.copy(), w.copy(), b)
        except Exception as e:  # a learner's bug: show it, do not crash the notebook
            return report(name, f"calling it with ({shown}) raised {raised(e)}")
        problem = compare_parts(None if got is None else (got,), ("y_hat",), (_l1_step(X @ w + b),))
        if problem is not None:
            return report(name, f"for ({shown}): {problem}")
    return report(name)


def perceptron_update(fn):
    """Lesson 1: perceptron_update(w, b, x, y, lr) -> (w_new, b_new) after one sample."""
    name = "perceptron_update"
    if not callable(fn):
        return report(name, f"expected a function, got {fn!r:.60}")
    cases = [(np.array([0.0, 0.0]), 0.0, np.array([1.0, 1.0]), 0, 1.0),    # says 1, should say 0
             (np.array([1.0, 1.0]), -1.5, np.array([1.0, 1.0]), 1, 1.0),   # right: no change
             (np.array([1.0, -1.0]), -0.5, np.array([0.0, 1.0]), 1, 0.5),  # says 0, should say 1
             (np.array([2.0, 1.0]), -1.0, np.array([1.0, 0.0]), 0, 0.25)]
    for w, b, x, y, lr in cases:
        shown = f"w={fmt_line(w)}, b={b}, x={fmt_line(x)}, y={y}, lr={lr}"
        update = lr * (y - _l1_step(x @ w + b))
        wants = (w + update * x, np.asarray(b + update))
        try:
            got = fn(w.copy(), b, x.copy(), y, lr)
        except Exception as e:  # a learner's bug: show it, do not crash the notebook
            return report(name, f"calling it with ({shown}) raised {raised(e)}")
        problem = compare_parts(got, ("w_new", "b_new"), wants)
        if problem is not None:
            return report(name, f"for ({shown}): {problem}")
    return report(name)


def nand_weights(w, b):
    """Lesson 1: weights w (2,) and bias b with step(X @ w + b) equal to NAND = [1, 1, 1, 0]."""
    name = "nand_weights"
    if w is None or b is None:
        return report(name, "w or b is still None: set them to numbers")
    try:
        w_arr, b_arr = np.asarray(w, dtype=float), np.asarray(b, dtype=float)
    except (TypeError, ValueError):
        return report(name, f"expected numbers, got w={w!r:.40} and b={b!r:.40}")
    if w_arr.shape != (2,):
        return report(name, f"w must hold 2 numbers (w1, w2), got shape {w_arr.shape}")
    if b_arr.size != 1:
        return report(name, f"b must be one number, got shape {b_arr.shape}")
    if not np.all(np.isfinite(w_arr)) or not np.isfinite(b_arr).all():
        return report(name, "w and b must be finite numbers")
    y_hat = _l1_step(_L1_GATE_X @ w_arr + b_arr.item())
    want = np.array([1, 1, 1, 0])
    wrong = [f"x = ({int(x1)}, {int(x2)}) gives {p}, NAND is {t}"
             for (x1, x2), p, t in zip(_L1_GATE_X, y_hat, want) if p != t]
    return report(name, None if not wrong else "; ".join(wrong))


# --- Lesson 2: XOR by hand ---
def _l2_sigmoid(z):
    from .layers import sigmoid
    return sigmoid(np.asarray(z, dtype=float))


def _l2_cases():
    """Two fixed small networks: (X, y, W1, b1, W2, b2)."""
    X = _L1_GATE_X.copy()
    y = np.array([[0.0], [1.0], [1.0], [0.0]])
    W1 = np.array([[0.5, -1.0, 0.25], [1.5, 0.5, -0.75]])
    b1 = np.array([0.1, -0.2, 0.3])
    W2 = np.array([[1.0], [-2.0], [0.5]])
    b2 = np.array([0.25])
    X2 = np.array([[0.5, -1.0], [2.0, 0.0], [-1.5, 1.0]])
    y2 = np.array([[1.0], [0.0], [1.0]])
    W1b = np.array([[-0.5, 2.0], [1.0, 0.75]])
    b1b = np.array([0.5, -1.0])
    W2b = np.array([[1.25], [-0.5]])
    b2b = np.array([-0.1])
    return [(X, y, W1, b1, W2, b2, "the XOR inputs, 3 hidden units"),
            (X2, y2, W1b, b1b, W2b, b2b, "3 other samples, 2 hidden units")]


def _l2_forward(X, W1, b1, W2, b2):
    return _l2_sigmoid(_l2_sigmoid(X @ W1 + b1) @ W2 + b2)


def sigmoid_derivative(fn):
    """Lesson 2: sigmoid_derivative(z) -> d sigmoid / dz = sigmoid(z) (1 - sigmoid(z)), elementwise."""
    def reference(z):
        s = _l2_sigmoid(z)
        return s * (1.0 - s)
    cases = [(0.0,), (np.array([-2.0, 0.0, 1.0, 3.0]),), (np.array([[-10.0, 10.0], [0.5, -0.5]]),)]
    return function("sigmoid_derivative", fn, reference, cases)


def xor_forward(fn):
    """Lesson 2: forward(X, W1, b1, W2, b2) -> y_hat = sigmoid(sigmoid(X @ W1 + b1) @ W2 + b2), shape (n, 1)."""
    name = "xor_forward"
    if not callable(fn):
        return report(name, f"expected a function, got {fn!r:.60}")
    for X, y, W1, b1, W2, b2, shown in _l2_cases():
        want = _l2_forward(X, W1, b1, W2, b2)
        try:
            got = fn(X.copy(), W1.copy(), b1.copy(), W2.copy(), b2.copy())
        except Exception as e:  # a learner's bug: show it, do not crash the notebook
            return report(name, f"with {shown}, it raised {raised(e)}")
        problem = compare_parts(None if got is None else (got,), ("y_hat",), (want,))
        if problem is not None:
            return report(name, f"with {shown} (X = {fmt_line(X)}): {problem}")
    return report(name)


def xor_gradients(fn):
    """Lesson 2: gradients(X, y, W1, b1, W2, b2) -> (dJdW1, dJdb1, dJdW2, dJdb2) of
    J = 1/(2n) sum (y_hat - y)^2, compared with nnlib's MLP (sigmoid hidden and output, loss="mse")."""
    from .mlp import MLP
    name = "xor_gradients"
    if not callable(fn):
        return report(name, f"expected a function, got {fn!r:.60}")
    for X, y, W1, b1, W2, b2, shown in _l2_cases():
        net = MLP([W1.shape[0], W1.shape[1], 1], activation="sigmoid", output="sigmoid")
        net.params = [(W1, b1), (W2, b2)]
        _, ((dW1, db1), (dW2, db2)) = net.loss_and_grads(X, y, loss="mse")
        try:
            got = fn(X.copy(), y.copy(), W1.copy(), b1.copy(), W2.copy(), b2.copy())
        except Exception as e:  # a learner's bug: show it, do not crash the notebook
            return report(name, f"with {shown}, it raised {raised(e)}")
        problem = compare_parts(got, ("dJdW1", "dJdb1", "dJdW2", "dJdb2"), (dW1, db1, dW2, db2))
        if problem is not None:
            return report(name, f"with {shown}: {problem}")
    return report(name)
