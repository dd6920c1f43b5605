"""Named exercise checks for lessons 5-7 (moons, training, playground) (plumbing, not lesson): call them as `check.<name>`."""
import numpy as np

from .exercise import compare_parts, fmt_line, raised, report


# --- Lesson 5: moons ---
def _l56_run(name, fn, reference, cases, arg_names, out_names):
    """Call fn(*args) for each case and compare with reference(*args) (a tuple when several outputs)."""
    if not callable(fn):
        return report(name, f"expected a function, got {fn!r:.60}")
    for args in cases:
        shown = ", ".join(f"{a}={fmt_line(v)}" for a, v in zip(arg_names, args))
        try:
            got = fn(*[v.copy() if isinstance(v, np.ndarray) else v for v in args])
        except Exception as e:  # a learner's bug: show it, do not crash the notebook
            return report(name, f"calling it with ({shown}) raised {raised(e)}")
        want = reference(*args)
        if len(out_names) == 1:  # one result: compare it as a tuple of one
            got, want = (None if got is None else (got,)), (want,)
        problem = compare_parts(got, out_names, want)
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
