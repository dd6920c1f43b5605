"""Unit tests for nnlib.optim (lesson 7): optimizers on a known quadratic, hand-computed steps,
state and reset, learning-rate schedules, get_optimizer."""
import math

import numpy as np
import pytest

from nnlib import MLP, optim

# f(p) = 1/2 p^T A p - b^T p, gradient A p - b, minimiser A^-1 b = (1, 0.2)
from nnlib import data as datasets

A = np.diag([1.0, 10.0])
B = np.array([1.0, 2.0])
P_STAR = np.linalg.solve(A, B)
SETTINGS = {"sgd": (0.15, 300), "momentum": (0.05, 400), "nesterov": (0.05, 300),
            "adagrad": (1.0, 2000), "rmsprop": (0.01, 2000), "adam": (0.05, 2000)}


def test_every_optimizer_has_settings():
    assert set(SETTINGS) == set(optim.OPTIMIZERS)


@pytest.mark.parametrize("name", sorted(SETTINGS))
def test_converges_on_quadratic(name):
    lr, steps = SETTINGS[name]
    opt = optim.get_optimizer(name)
    p = np.zeros(2)
    f = lambda q: 0.5 * q @ A @ q - B @ q  # noqa: E731
    start = f(p)
    for _ in range(steps):
        opt.step([p], [A @ p - B], lr)
    np.testing.assert_allclose(p, P_STAR, atol=1e-4)
    assert f(p) < start


@pytest.mark.parametrize("name", sorted(SETTINGS))
def test_step_updates_in_place(name):
    opt = optim.get_optimizer(name)
    W, b = np.ones((2, 3)), np.zeros(3)
    ids = (id(W), id(b))
    opt.step([W, b], [np.full((2, 3), 0.5), np.full(3, -1.0)], 0.1)
    assert (id(W), id(b)) == ids
    assert np.all(W < 1.0) and np.all(b > 0.0)


# --- each update rule against the formula written out by hand ------------------------------------------
GRADS = [np.array([0.5, -2.0, 0.0]), np.array([1.0, 1.0, -3.0]), np.array([-0.25, 0.5, 2.0])]
P0 = np.array([1.0, -1.0, 0.5])
LR = 0.1


def hand(name, grads, lr=LR, p=P0):
    """The update rules as in the lesson, one plain-Python loop per optimizer."""
    p = p.copy()
    z = np.zeros_like(p)
    v, c, m, s, t = z.copy(), z.copy(), z.copy(), z.copy(), 0
    for g in grads:
        if name == "sgd":
            p = p - lr * g
        elif name == "momentum":
            v = 0.9 * v - lr * g
            p = p + v
        elif name == "nesterov":
            v_prev = v
            v = 0.9 * v - lr * g
            p = p - 0.9 * v_prev + 1.9 * v
        elif name == "adagrad":
            c = c + g ** 2
            p = p - lr * g / (np.sqrt(c) + 1e-8)
        elif name == "rmsprop":
            c = 0.9 * c + 0.1 * g ** 2
            p = p - lr * g / (np.sqrt(c) + 1e-8)
        elif name == "adam":
            t += 1
            m = 0.9 * m + 0.1 * g
            s = 0.999 * s + 0.001 * g ** 2
            p = p - lr * (m / (1 - 0.9 ** t)) / (np.sqrt(s / (1 - 0.999 ** t)) + 1e-8)
    return p


def test_first_steps_by_number():
    # a few values worked out on paper, so the hand() helper is itself checked
    np.testing.assert_allclose(hand("sgd", GRADS[:1]), [0.95, -0.8, 0.5])
    np.testing.assert_allclose(hand("momentum", GRADS[:2]), [0.95 - 0.045 - 0.1, -0.8 + 0.18 - 0.1, 0.5 + 0.3])
    np.testing.assert_allclose(hand("adam", GRADS[:1]), [1.0 - 0.1, -1.0 + 0.1, 0.5], atol=1e-8)  # lr * sign(g)
    np.testing.assert_allclose(hand("adagrad", GRADS[:1]), [0.9, -0.9, 0.5], atol=1e-8)


@pytest.mark.parametrize("name", sorted(SETTINGS))
@pytest.mark.parametrize("n_steps", [1, 2, 3])
def test_steps_match_hand_formula(name, n_steps):
    opt = optim.get_optimizer(name)
    p = P0.copy()
    for g in GRADS[:n_steps]:
        opt.step([p], [g.copy()], LR)
    np.testing.assert_allclose(p, hand(name, GRADS[:n_steps]), rtol=1e-12, atol=1e-14)


@pytest.mark.parametrize("name", sorted(SETTINGS))
def test_state_is_per_parameter(name):
    opt = optim.get_optimizer(name)
    p, q = P0.copy(), -P0
    for g in GRADS:
        opt.step([p, q], [g, 2 * g], LR)
    np.testing.assert_allclose(p, hand(name, GRADS), rtol=1e-12)
    np.testing.assert_allclose(q, hand(name, [2 * g for g in GRADS], p=-P0), rtol=1e-12)


@pytest.mark.parametrize("name", sorted(SETTINGS))
def test_reset_clears_state(name):
    opt = optim.get_optimizer(name)
    p = P0.copy()
    for g in GRADS:
        opt.step([p], [g], LR)
    opt.reset()
    fresh = P0.copy()
    opt.step([fresh], [GRADS[0]], LR)
    np.testing.assert_allclose(fresh, hand(name, GRADS[:1]), rtol=1e-12)


def test_stateful_optimizers_remember():
    for name in ("momentum", "nesterov", "adagrad", "rmsprop", "adam"):
        opt = optim.get_optimizer(name)
        p = P0.copy()
        opt.step([p], [GRADS[0]], LR)
        p2 = P0.copy()
        opt.step([p2], [GRADS[1]], LR)  # a second step differs from a first step with that gradient
        assert not np.allclose(p2, hand(name, GRADS[1:2])), name


def test_hyperparameters_used():
    p = P0.copy()
    optim.Momentum(mu=0.5).step([p], [GRADS[0]], LR)
    optim.Momentum(mu=0.5).step([p], [GRADS[0]], LR)  # fresh instance: no state
    np.testing.assert_allclose(p, P0 - 2 * LR * GRADS[0])
    opt, p = optim.Momentum(mu=0.5), P0.copy()
    opt.step([p], [GRADS[0]], LR)
    opt.step([p], [GRADS[0]], LR)
    np.testing.assert_allclose(p, P0 - LR * GRADS[0] - 1.5 * LR * GRADS[0])


@pytest.mark.parametrize("name", sorted(SETTINGS))
def test_fit_twice_with_same_instance(name):
    X, y = datasets.moons(60, seed=0)
    opt = optim.get_optimizer(name)
    runs = [MLP([2, 4, 2], seed=1).fit(X, y, epochs=15, lr=0.05, optimizer=opt, batch_size=16, seed=3)
            for _ in range(2)]
    assert runs[0].loss == runs[1].loss
    by_name = MLP([2, 4, 2], seed=1).fit(X, y, epochs=15, lr=0.05, optimizer=name, batch_size=16, seed=3)
    assert by_name.loss == runs[0].loss


@pytest.mark.parametrize("name", sorted(SETTINGS))
def test_every_optimizer_trains_an_mlp(name):
    X, y = datasets.moons(100, seed=0)
    lr = {"sgd": 0.5, "momentum": 0.1, "nesterov": 0.1, "adagrad": 0.1, "rmsprop": 0.01, "adam": 0.01}[name]
    h = MLP([2, 6, 2], seed=0).fit(X, y, epochs=200, lr=lr, optimizer=name)
    assert h.loss[-1] < 0.7 * h.loss[0]


# --- get_optimizer ---------------------------------------------------------------------------------------
def test_get_optimizer():
    for name, cls in optim.OPTIMIZERS.items():
        a, b = optim.get_optimizer(name), optim.get_optimizer(name)
        assert type(a) is cls and a is not b
    inst = optim.Adam(beta1=0.5)
    assert optim.get_optimizer(inst) is inst


@pytest.mark.parametrize("bad", ["Adam", "lbfgs", "", None, 3])
def test_get_optimizer_unknown(bad):
    names = r"\['adagrad', 'adam', 'momentum', 'nesterov', 'rmsprop', 'sgd'\]"
    with pytest.raises(ValueError, match=r"optimizer must be one of " + names + ", got "):
        optim.get_optimizer(bad)


# --- schedules ----------------------------------------------------------------------------------------------
def test_step_decay_values():
    s = optim.step_decay(1.0, drop=0.5, every=10)
    assert [s(e) for e in (0, 9, 10, 19, 20, 35)] == [1.0, 1.0, 0.5, 0.5, 0.25, 0.125]
    d = optim.step_decay(0.8)  # defaults: halve every 100
    assert (d(99), d(100), d(250)) == (0.8, 0.4, 0.2)


def test_exponential_decay_values():
    s = optim.exponential_decay(0.5, gamma=0.1)
    for e in (0, 1, 10, 50):
        assert s(e) == pytest.approx(0.5 * math.exp(-0.1 * e), rel=1e-12)
    assert optim.exponential_decay(0.3, gamma=0)(1000) == pytest.approx(0.3)


def test_inverse_time_decay_values():
    s = optim.inverse_time_decay(0.5, gamma=0.1)
    assert [s(e) for e in (0, 10, 30)] == pytest.approx([0.5, 0.25, 0.125])
    assert optim.inverse_time_decay(2.0)(100) == pytest.approx(1.0)  # default k = 0.01


@pytest.mark.parametrize("make, exc, pattern", [
    (lambda: optim.step_decay(0), ValueError, r"lr must be > 0, got 0"),
    (lambda: optim.step_decay(-1.0), ValueError, r"lr must be > 0, got -1\.0"),
    (lambda: optim.step_decay(0.1, drop=0), ValueError, r"drop must be in \(0, 1\], got 0"),
    (lambda: optim.step_decay(0.1, drop=2.0), ValueError, r"drop must be in \(0, 1\], got 2\.0"),
    (lambda: optim.step_decay(0.1, every=0), ValueError, r"every must be >= 1, got 0"),
    (lambda: optim.step_decay(0.1, every=2.5), TypeError, r"every must be an integer, got 2\.5"),
    (lambda: optim.exponential_decay("a"), TypeError, r"lr must be a number, got 'a'"),
    (lambda: optim.exponential_decay(0.1, gamma=-0.1), ValueError, r"gamma must be >= 0, got -0\.1"),
    (lambda: optim.inverse_time_decay(0.0), ValueError, r"lr must be > 0, got 0\.0"),
    (lambda: optim.inverse_time_decay(0.1, gamma=float("nan")), ValueError, r"gamma must be finite, got nan"),
])
def test_schedule_bad_args(make, exc, pattern):
    with pytest.raises(exc, match=pattern):
        make()
