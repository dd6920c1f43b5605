"""Self-checking exercises (plumbing, not lesson): `check.<exercise>(your_answer)`.

Each check prints "correct" or exactly what is wrong (the input, what was
expected, what came back) and returns True or False. Lesson sections below
hold the named checks; each compares against nnlib's own implementation or a
known answer, on fixed inputs, so the printed text is the same on every run.
"""
import numpy as np


def _fmt(a):
    return np.array2string(np.asarray(a, dtype=float), precision=4, suppress_small=True, separator=", ")


def report(name, problem=None):
    """Print the verdict for exercise `name` and return True when there is no problem."""
    print(f"{name}: correct" if problem is None else f"{name}: not yet. {problem}")
    return problem is None


def function(name, fn, reference, cases, atol=1e-6):
    """Compare fn(*args) with reference(*args) for each tuple of args in `cases`."""
    if not callable(fn):
        return report(name, f"expected a function, got {fn!r:.60}")
    for args in cases:
        shown = ", ".join(_fmt(a) for a in args)
        try:
            got = fn(*[a.copy() if isinstance(a, np.ndarray) else a for a in args])  # a copy: the learner may write into it
        except Exception as e:  # a learner's bug: show it, do not crash the notebook
            return report(name, f"calling it with ({shown}) raised {type(e).__name__}: {e}")
        want = reference(*args)
        if got is None:
            return report(name, f"it returned None for ({shown}); did you forget `return`?")
        try:
            got = np.asarray(got, dtype=float)
        except (TypeError, ValueError):
            return report(name, f"for ({shown}) it returned {got!r:.60}, not numbers")
        if got.shape != np.shape(want):
            return report(name, f"for ({shown}) expected shape {np.shape(want)}, got shape {got.shape}")
        if not np.allclose(got, want, atol=atol, rtol=1e-6):
            return report(name, f"for ({shown}) expected {_fmt(want)}, got {_fmt(got)}")
    return report(name)


def value(name, got, want, atol=1e-6):
    """Compare a number or array the learner computed with the known answer."""
    try:
        got_arr = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return report(name, f"expected numbers, got {got!r:.60}")
    if got_arr.shape != np.shape(want):
        return report(name, f"expected shape {np.shape(want)}, got shape {got_arr.shape}")
    if not np.allclose(got_arr, want, atol=atol, rtol=1e-6):
        return report(name, f"expected {_fmt(want)}, got {_fmt(got_arr)}")
    return report(name)


# Named checks, lesson by lesson, follow.


# --- Lesson 1: perceptron ---
_L1_GATE_X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)


def _l1_step(z):
    return (np.asarray(z, dtype=float) >= 0).astype(int)


def _l12_fmt(a):
    """Like _fmt, on one line: [[0., 1.], [1., 0.]]."""
    return " ".join(_fmt(a).split())


def _l12_raised(e):
    return f"{type(e).__name__}: {e}" if str(e) else type(e).__name__


def _l12_parts(got, names, wants):
    """Compare a returned tuple `got` with the expected arrays `wants`, part by part."""
    if got is None:
        return "it returned None; did you forget `return`?"
    if not isinstance(got, (tuple, list)) or len(got) != len(wants):
        shown = f"{len(got)} results" if isinstance(got, (tuple, list)) else f"{got!r:.60}"
        return f"expected {len(wants)} results ({', '.join(names)}), got {shown}"
    for part, g, want in zip(names, got, wants):
        try:
            g = np.asarray(g, dtype=float)
        except (TypeError, ValueError):
            return f"{part} should be numbers, got {g!r:.60}"
        if g.size == 1 and np.size(want) == 1:
            g = g.reshape(np.shape(want))
        if g.shape != np.shape(want):
            return f"{part} should have shape {np.shape(want)}, got shape {g.shape}"
        if not np.allclose(g, want, atol=1e-6, rtol=1e-6):
            return f"{part}: expected {_l12_fmt(want)}, got {_l12_fmt(g)}"
    return None


def perceptron_predict(fn):
    """Lesson 1: predict(X, w, b) -> the labels step(X @ w + b), shape (n,), with step(0) = 1."""
    name = "perceptron_predict"
    if not callable(fn):
        return report(name, f"expected a function, got {fn!r:.60}")
    cases = [(_L1_GATE_X, np.array([1.0, 1.0]), -1.5),
             (_L1_GATE_X, np.array([-2.0, 1.0]), 0.0),
             (np.array([[0.5, -1.0], [2.0, 3.0], [-1.0, 0.0]]), np.array([0.5, -0.25]), 0.5)]
    for X, w, b in cases:
        shown = f"X={_l12_fmt(X)}, w={_l12_fmt(w)}, b={b}"
        try:
            got = fn(X.copy(), w.copy(), b)
        except Exception as e:  # a learner's bug: show it, do not crash the notebook
            return report(name, f"calling it with ({shown}) raised {_l12_raised(e)}")
        problem = _l12_parts(None if got is None else (got,), ("y_hat",), (_l1_step(X @ w + b),))
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
        shown = f"w={_l12_fmt(w)}, b={b}, x={_l12_fmt(x)}, y={y}, lr={lr}"
        update = lr * (y - _l1_step(x @ w + b))
        wants = (w + update * x, np.asarray(b + update))
        try:
            got = fn(w.copy(), b, x.copy(), y, lr)
        except Exception as e:  # a learner's bug: show it, do not crash the notebook
            return report(name, f"calling it with ({shown}) raised {_l12_raised(e)}")
        problem = _l12_parts(got, ("w_new", "b_new"), wants)
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
            return report(name, f"with {shown}, it raised {_l12_raised(e)}")
        problem = _l12_parts(None if got is None else (got,), ("y_hat",), (want,))
        if problem is not None:
            return report(name, f"with {shown} (X = {_l12_fmt(X)}): {problem}")
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
            return report(name, f"with {shown}, it raised {_l12_raised(e)}")
        problem = _l12_parts(got, ("dJdW1", "dJdb1", "dJdW2", "dJdb2"), (dW1, db1, dW2, db2))
        if problem is not None:
            return report(name, f"with {shown}: {problem}")
    return report(name)


# --- Lesson 5: moons ---
def _l56_fmt(a):
    """_fmt on one line: [[0.5, -1.], [2., 0.25]]; integers and booleans as they are."""
    if isinstance(a, (bool, np.bool_)):
        return str(bool(a))
    if isinstance(a, (int, np.integer)):
        return str(int(a))
    return " ".join(_fmt(a).split())


def _l56_compare(got, names, wants):
    """None when `got` matches `wants` (a tuple of expected values named `names`), else what differs."""
    if got is None:
        return "it returned None; did you forget `return`?"
    if len(wants) > 1:
        if not isinstance(got, (tuple, list)) or len(got) != len(wants):
            shown = f"{len(got)} results" if isinstance(got, (tuple, list)) else f"{got!r:.60}"
            return f"expected {len(wants)} results ({', '.join(names)}), got {shown}"
    else:
        got = (got,)
    for part, g, want in zip(names, got, wants):
        try:
            g = np.asarray(g, dtype=float)
        except (TypeError, ValueError):
            return f"{part} should be numbers, got {g!r:.60}"
        if g.size == 1 and np.size(want) == 1:
            g = g.reshape(np.shape(want))
        if g.shape != np.shape(want):
            return f"{part} should have shape {np.shape(want)}, got shape {g.shape}"
        if not np.allclose(g, want, atol=1e-6, rtol=1e-6):
            return f"{part}: expected {_l56_fmt(want)}, got {_l56_fmt(g)}"
    return None


def _l56_run(name, fn, reference, cases, arg_names, out_names):
    """Call fn(*args) for each case and compare with reference(*args) (a tuple when several outputs)."""
    if not callable(fn):
        return report(name, f"expected a function, got {fn!r:.60}")
    for args in cases:
        shown = ", ".join(f"{a}={_l56_fmt(v)}" for a, v in zip(arg_names, args))
        try:
            got = fn(*[v.copy() if isinstance(v, np.ndarray) else v for v in args])
        except Exception as e:  # a learner's bug: show it, do not crash the notebook
            return report(name, f"calling it with ({shown}) raised {type(e).__name__}: {e}" if str(e)
                          else f"calling it with ({shown}) raised {type(e).__name__}")
        want = reference(*args)
        problem = _l56_compare(got, out_names, want if len(out_names) > 1 else (want,))
        if problem is not None:
            return report(name, f"for ({shown}): {problem}")
    return report(name)


def l2_penalty(fn):
    """Lesson 5: l2_penalty(W1, W2, l2, n) -> l2 / (2 n) (||W1||^2 + ||W2||^2), one number
    (compared with the penalty nnlib's MLP.loss adds)."""
    from .mlp import MLP

    def reference(W1, W2, l2, n):
        net = MLP([W1.shape[0], W1.shape[1], W2.shape[1]])
        net.params = [(W1, np.zeros(W1.shape[1])), (W2, np.zeros(W2.shape[1]))]
        X, y = np.zeros((n, W1.shape[0])), np.arange(n) % W2.shape[1]
        return net.loss(X, y, l2=l2) - net.loss(X, y)

    W1 = np.array([[0.5, -1.0, 2.0], [1.5, 0.25, -0.75]])
    W2 = np.array([[1.0, -1.0], [0.5, 2.0], [-0.25, 0.0]])
    cases = [(W1, W2, 0.01, 200), (W1, W2, 1.0, 4), (2.0 * W1[:, :2], W2[:2], 0.5, 10)]
    return _l56_run("l2_penalty", fn, reference, cases, ("W1", "W2", "l2", "n"), ("the penalty",))


def alternates(fn):
    """Lesson 5: alternates(losses) -> True when the successive differences flip sign every time
    (down, up, down, ... or up, down, up, ...) with none zero; False with fewer than 3 losses."""
    def reference(losses):
        d = np.diff(losses)
        return float(d.size >= 2 and np.all(d != 0) and np.all(np.sign(d[1:]) != np.sign(d[:-1])))

    cases = [(np.array([0.5, 0.4, 0.45, 0.41, 0.44]),),   # down up down up: True
             (np.array([0.5, 0.4, 0.3, 0.2]),),            # always down: False
             (np.array([0.1, 0.2, 0.1, 0.2, 0.3]),),       # flips, then up twice: False
             (np.array([0.3, 0.3, 0.2, 0.3]),),            # a zero difference: False
             (np.array([0.7, 0.9, 0.8]),),                 # up down: True
             (np.array([0.2, 0.1]),)]                      # one difference only: False
    return _l56_run("alternates", fn, reference, cases, ("losses",), ("the answer (True/False)",))


def top_eigenvalue(fn):
    """Lesson 5: top_eigenvalue(H) -> the largest eigenvalue of a symmetric positive semi-definite
    matrix H (by power iteration, say), compared with numpy's eigvalsh."""
    def rotated(eigenvalues, seed):
        Q, _ = np.linalg.qr(np.random.default_rng(seed).standard_normal((len(eigenvalues),) * 2))
        return np.round(Q @ np.diag(eigenvalues) @ Q.T, 3)    # symmetric, shown in full

    cases = [(np.array([[2.0, 0.0], [0.0, 1.0]]),),
             (np.array([[1.0, 0.0], [0.0, 3.0]]),),
             (rotated([4.0, 1.0, 0.5], 0),),
             (rotated([0.9, 1.0, 0.2, 0.5], 1),)]            # top two close: needs many iterations
    return _l56_run("top_eigenvalue", fn, lambda H: float(np.linalg.eigvalsh(H)[-1]), cases,
                    ("H",), ("lambda_max",))


# --- Lesson 6: training ---
_L6_P = np.array([[0.5, -1.0], [2.0, 0.25]])
_L6_G = np.array([[0.1, -0.3], [-2.0, 0.05]])
_L6_V = np.array([[0.02, 0.0], [-0.5, 0.1]])


def momentum_step(fn):
    """Lesson 6: momentum_step(p, g, v, lr, mu) -> (p_new, v_new): v_new = mu v - lr g, p_new = p + v_new
    (compared with nnlib.optim.Momentum)."""
    from .optim import Momentum

    def reference(p, g, v, lr, mu):
        opt, p_new = Momentum(mu=mu), p.copy()
        opt.state[0] = v.copy()
        opt.step([p_new], [g], lr)
        return p_new, opt.state[0]

    cases = [(_L6_P, _L6_G, np.zeros_like(_L6_P), 0.1, 0.9),
             (_L6_P, _L6_G, _L6_V, 0.1, 0.9),
             (_L6_P[0], _L6_G[0], _L6_V[0], 0.5, 0.5)]
    return _l56_run("momentum_step", fn, reference, cases, ("p", "g", "v", "lr", "mu"), ("p_new", "v_new"))


def adam_step(fn):
    """Lesson 6: adam_step(p, g, m, v, t, lr) -> (p_new, m_new, v_new); t counts this step (1 for the
    first), beta1 = 0.9, beta2 = 0.999, eps = 1e-8, bias-corrected (compared with nnlib.optim.Adam)."""
    from .optim import Adam

    def reference(p, g, m, v, t, lr):
        opt, p_new = Adam(), p.copy()
        opt.state[("m", 0)], opt.state[("v", 0)], opt.t[0] = m.copy(), v.copy(), t - 1
        opt.step([p_new], [g], lr)
        return p_new, opt.state[("m", 0)], opt.state[("v", 0)]

    zeros = np.zeros_like(_L6_P)
    cases = [(_L6_P, _L6_G, zeros, zeros, 1, 0.01),
             (_L6_P, _L6_G, 0.1 * _L6_V, 0.01 * np.abs(_L6_V), 2, 0.01),
             (_L6_P, _L6_G, _L6_V, np.square(_L6_V), 10, 0.1)]
    return _l56_run("adam_step", fn, reference, cases, ("p", "g", "m", "v", "t", "lr"),
                    ("p_new", "m_new", "v_new"))


def step_decay_lr(fn):
    """Lesson 6: step_decay_lr(lr0, drop, every, epoch) -> lr0 * drop ** (epoch // every), epoch from 0
    (compared with nnlib.optim.step_decay)."""
    from .optim import step_decay
    cases = [(0.5, 0.5, 100, 0), (0.5, 0.5, 100, 99), (0.5, 0.5, 100, 100), (2.0, 0.1, 10, 35),
             (1.0, 0.5, 3, 7)]
    return _l56_run("step_decay_lr", fn, lambda lr0, drop, every, epoch: step_decay(lr0, drop, every)(epoch),
                    cases, ("lr0", "drop", "every", "epoch"), ("lr",))


# --- Lesson 3: backprop ---
def _l34_line(a):
    """_fmt on one line."""
    return " ".join(_fmt(a).split())


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
        return f"{what}: expected {_l34_line(want)}, got {_l34_line(got)}"
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
        shown = f"f(x) = {text}, x = {_l34_line(x0)}"
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
        a, problem = _l4_method(gate, "forward", (z.copy(),), f"z = {_l34_line(z)}")
        if problem is None:
            problem = _l34_array(a, relu(z), f"forward(z) for z = {_l34_line(z)}")
    if problem is None:
        dJdz, problem = _l4_method(gate, "backward", (dJda.copy(),), f"dJda = {_l34_line(dJda)}")
        if problem is None:
            want = np.where(DERIVATIVES["relu"](relu(z)) > 0, dJda, 0.0)
            problem = _l34_array(dJdz, want, f"after that forward, backward(dJda) for dJda = {_l34_line(dJda)}")
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
        shown = f"z = {_l34_line(z)}, y = {y.tolist()}"
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
    shown = f"y_hat = {_l34_line(y_hat)}, y = {_l34_line(y)}"
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

# --- Lesson 7: playground ---
# The checks train the playground's own engine (nnlib.trainer, imported lazily) on fixed data with
# seed 0, so a learner's settings give the same verdict on every run.
_L7_CIRCLE = {"dataset": "circle", "noise": 0.1, "points": 200, "train_ratio": 0.5}
_L7_OVERFIT = {"dataset": "moons", "noise": 0.4, "points": 100, "train_ratio": 0.3, "layers": 4, "hidden": 8,
               "lr": 0.1, "epochs_per_frame": 20, "features": ["x1", "x2"]}


def _l7_train(settings, frames, fixed):
    """Train a Trainer(seed=0, **fixed, **settings) for `frames` frames: (trainer, problem)."""
    from .trainer import Trainer
    if not isinstance(settings, dict):
        return None, f"expected a dict of settings such as dict(layers=1, hidden=3), got {settings!r:.60}"
    clash = sorted(set(settings) & (set(fixed) | {"dataset", "seed", "points", "noise", "train_ratio", "classes"}))
    if clash:
        return None, f"leave out {clash}: this exercise fixes the data ({fixed['dataset']}, seed 0) for you"
    if isinstance(frames, bool) or not isinstance(frames, int) or not 1 <= frames <= 400:
        return None, f"frames must be an integer from 1 to 400, got {frames!r:.40}"
    try:
        t = Trainer(seed=0, **{**fixed, **settings})
    except ValueError as e:
        return None, str(e)
    if frames * t.settings["epochs_per_frame"] > 4000:
        return None, f"at most 4000 epochs please: {frames} frames x {t.settings['epochs_per_frame']} epochs per frame"
    for _ in range(frames):
        if not t.train(t.settings["epochs_per_frame"]) or t.diverged:
            break
    return t, t.diverged


def _l7_accuracy(t, want):
    acc = t.metrics()["test_accuracy"]
    if acc < want:
        return f"test accuracy {100 * acc:.1f}% after {t.epoch} epochs; {100 * want:.0f}% is the goal"
    return None


def playground_circle(settings, frames=40):
    """Exercise 1: >= 95% test accuracy on the circle with only x1, x2 and at most 4 hidden neurons."""
    t, problem = _l7_train(settings, frames, _L7_CIRCLE)
    if problem is None:
        s = t.settings
        if tuple(s["features"]) != ("x1", "x2"):
            problem = f"use only the features x1 and x2, got {list(s['features'])}"
        elif s["layers"] * s["hidden"] > 4:
            problem = f"use at most 4 hidden neurons in all (layers x hidden), got {s['layers']} x {s['hidden']}"
        else:
            problem = _l7_accuracy(t, 0.95)
    return report("playground_circle", problem)


def playground_one_neuron(settings, frames=40):
    """Exercise 2: >= 95% test accuracy on the circle with a single hidden neuron (choose the features)."""
    t, problem = _l7_train(settings, frames, _L7_CIRCLE)
    if problem is None:
        s = t.settings
        if (s["layers"], s["hidden"]) != (1, 1):
            problem = f"use one hidden layer of one neuron (layers=1, hidden=1), got {s['layers']} x {s['hidden']}"
        else:
            problem = _l7_accuracy(t, 0.95)
    return report("playground_one_neuron", problem)


def playground_regularise(reg, reg_rate):
    """Exercise 3: the overfitting 2-8-8-8-8-2 network on noisy moons: test loss < 0.45 after 2000 epochs."""
    if reg not in ("none", "L1", "L2"):
        return report("playground_regularise", f"reg must be 'none', 'L1' or 'L2', got {reg!r:.40}")
    t, problem = _l7_train({}, 100, {**_L7_OVERFIT, "reg": reg, "reg_rate": reg_rate})
    if problem is None and t.metrics()["test_loss"] >= 0.45:
        m = t.metrics()
        problem = (f"test loss {m['test_loss']:.3f} after {t.epoch} epochs (training loss {m['train_loss']:.3f}); "
                   f"below 0.45 is the goal")
    return report("playground_regularise", problem)
