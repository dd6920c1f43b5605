"""Unit tests for nnlib.MLP (lessons 4-7): gradients for every activation x output x loss,
shapes, params, loss definitions, input checks, and training (fit, minibatches, history)."""
import itertools
import math

import numpy as np
import pytest
from support.reference import ref_forward

from nnlib import MLP, backprop, logic_gate
from nnlib import data as datasets
from nnlib.gradcheck import numerical_gradient, rel_error
from nnlib.layers import ACTIVATIONS
from nnlib.optim import SGD


def ref_loss(params, X, y, activation, output, loss, l2=0.0):
    """Hand formulas: CE = mean -log p(true); one sigmoid unit: binary CE; several sigmoid
    units: per-unit binary CE summed over units; mse = 1/2 mean over samples of the squared
    error summed over outputs; l2 adds l2/(2n) sum ||W||^2 over weights (not biases)."""
    n = X.shape[0]
    out = ref_forward(params, X, activation, output)
    if loss == "cross_entropy" and output == "softmax":
        J = -np.mean(np.log(out[np.arange(n), y]))
    elif loss == "cross_entropy":  # sigmoid
        Y = y.reshape(n, -1).astype(float)
        J = -np.sum(Y * np.log(out) + (1 - Y) * np.log(1 - out)) / n
    else:
        Y = np.eye(out.shape[1])[y] if (y.ndim == 1 and y.dtype.kind == "i" and out.shape[1] > 1) else y.reshape(n, -1)
        J = 0.5 * np.sum((out - Y) ** 2) / n
    return J + l2 / (2 * n) * sum(np.sum(W ** 2) for W, _ in params)


def make_targets(output, loss, k, n, rng):
    if output == "softmax" or (output == "sigmoid" and k == 1 and loss == "cross_entropy"):
        return rng.permutation(np.arange(n) % max(k, 2))  # every class present
    if output == "sigmoid" and loss == "cross_entropy":
        return rng.integers(0, 2, size=(n, k)).astype(float)  # several independent 0/1 targets
    if output == "sigmoid":
        return rng.uniform(0.1, 0.9, size=(n, k))
    return rng.normal(size=(n, k))


def random_net(sizes, activation, output, seed):
    net = MLP(sizes, activation=activation, output=output, seed=seed)
    rng = np.random.default_rng(seed + 100)
    # weights ~ N(0, 1/n_in), random biases: outputs stay away from saturation, where the reference's
    # log(1 - p) would lose digits and the check would measure the reference's rounding, not nnlib
    net.params = [(rng.normal(size=W.shape) / np.sqrt(W.shape[0]), rng.normal(scale=0.5, size=b.shape))
                  for W, b in net.params]
    return net


COMBOS = [(o, lo) for o in ("softmax", "sigmoid", "identity") for lo in ("cross_entropy", "mse")
          if (o, lo) != ("identity", "cross_entropy")]
DEPTHS = [[3, 4], [3, 4, 5]]


def _grad_cases():
    for act, (output, loss), hidden, l2 in itertools.product(sorted(ACTIVATIONS), COMBOS, DEPTHS, [0.0, 0.3]):
        for k in ([2] if output == "softmax" else [1, 2]):
            yield pytest.param(act, output, loss, hidden + [k], l2, id=f"{act}-{output}-{loss}-{hidden + [k]}-l2={l2}")


@pytest.mark.parametrize("act, output, loss, sizes, l2", list(_grad_cases()))
def test_gradients_numerically(act, output, loss, sizes, l2):
    rng = np.random.default_rng(7)
    n = 6
    X = rng.normal(size=(n, sizes[0]))
    y = make_targets(output, loss, sizes[-1], n, rng)
    net = random_net(sizes, act, output, seed=3)
    if act in ("relu", "leaky_relu"):
        # relu/leaky_relu have a kink at 0: a central difference straddling it is wrong. With these
        # seeds no hidden pre-activation is within 1e-3 of 0, far beyond any h * |input| = O(1e-4).
        pre = []
        ref_forward(net.params, X, act, output, pre)
        assert min(np.abs(z).min() for z in pre) > 1e-3
    J, grads = net.loss_and_grads(X, y, loss=loss, l2=l2)
    assert pytest.approx(ref_loss(net.params, X, y, act, output, loss, l2), rel=1e-12) == J
    assert net.loss(X, y, loss=loss, l2=l2) == pytest.approx(J, rel=1e-12)
    assert len(grads) == len(net.params)
    for (W, b), (dW, db) in zip(net.params, grads):
        assert dW.shape == W.shape and db.shape == b.shape
        for p, g in ((W, dW), (b, db)):
            num = numerical_gradient(lambda: ref_loss(net.params, X, y, act, output, loss, l2), p)
            assert rel_error(g, num) < 1e-7, (rel_error(g, num), g, num)


def test_identity_output_rejects_cross_entropy():
    net = MLP([3, 4, 2], output="identity", seed=0)
    X, Y = np.zeros((2, 3)), np.zeros((2, 2))
    for call in (net.loss, net.loss_and_grads, net.fit):
        with pytest.raises(ValueError, match=r"loss='cross_entropy' needs output='softmax' or 'sigmoid'"):
            call(X, Y, loss="cross_entropy")


def test_default_loss_per_output():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(5, 3))
    y = np.array([0, 1, 1, 0, 1])
    for output, k, default in (("softmax", 2, "cross_entropy"), ("sigmoid", 1, "cross_entropy"),
                               ("identity", 1, "mse")):
        net = MLP([3, 4, k], output=output, seed=1)
        target = y if output != "identity" else y.astype(float)
        assert net.loss(X, target) == pytest.approx(net.loss(X, target, loss=default))


# --- loss definitions on small hand examples ---------------------------------------------------------
def _one_layer(output, W, b):
    net = MLP([2, len(b)], output=output, seed=0)
    net.params = [(np.array(W, dtype=float), np.array(b, dtype=float))]
    return net


def test_cross_entropy_is_mean_neg_log_p_true():
    net = _one_layer("softmax", [[1.0, -1.0, 0.0], [0.5, 0.0, 2.0]], [0.0, 0.1, -0.2])
    X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    y = np.array([0, 2, 1])
    z = X @ net.params[0][0] + net.params[0][1]
    p = [math.exp(r[t]) / sum(math.exp(v) for v in r) for r, t in zip(z.tolist(), y)]
    assert net.loss(X, y) == pytest.approx(-sum(math.log(v) for v in p) / 3, rel=1e-12)


def test_binary_cross_entropy_for_one_sigmoid_unit():
    net = _one_layer("sigmoid", [[2.0], [-1.0]], [0.5])
    X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 2.0], [-1.0, 0.0]])
    y = np.array([1, 0, 0, 1])
    p = [1 / (1 + math.exp(-(2 * a - b + 0.5))) for a, b in X.tolist()]
    want = -sum(math.log(q) if t else math.log(1 - q) for q, t in zip(p, y)) / 4
    assert net.loss(X, y) == pytest.approx(want, rel=1e-12)
    assert net.loss(X, y[:, None]) == pytest.approx(want, rel=1e-12)  # (n, 1) labels too


def test_mse_is_half_mean_of_summed_squares():
    net = _one_layer("identity", [[1.0, 0.0], [0.0, 1.0]], [0.0, 0.0])  # y_hat = X
    X = np.array([[1.0, 2.0], [3.0, -1.0]])
    Y = np.array([[0.0, 0.0], [1.0, 1.0]])
    assert net.loss(X, Y) == pytest.approx(0.5 * ((1 + 4) + (4 + 4)) / 2)


def test_mse_one_output_accepts_flat_targets():
    net = _one_layer("identity", [[1.0], [1.0]], [0.0])
    X = np.array([[1.0, 2.0], [0.0, 0.0], [1.0, -1.0]])
    assert net.loss(X, [3.0, 1.0, 2.0]) == pytest.approx(0.5 * (0 + 1 + 4) / 3)


def test_l2_adds_weights_only():
    rng = np.random.default_rng(2)
    net = MLP([3, 5, 2], seed=4)
    net.params = [(W, rng.normal(scale=10.0, size=b.shape)) for W, b in net.params]  # big biases
    X, y = rng.normal(size=(8, 3)), rng.integers(0, 2, 8)
    wsq = sum(np.sum(W ** 2) for W, _ in net.params)
    for l2 in (0.01, 1.0, 5.0):
        assert net.loss(X, y, l2=l2) - net.loss(X, y) == pytest.approx(l2 / (2 * 8) * wsq, rel=1e-10)
        J, _ = net.loss_and_grads(X, y, l2=l2)
        assert J - net.loss(X, y) == pytest.approx(l2 / (2 * 8) * wsq, rel=1e-10)
    _, g0 = net.loss_and_grads(X, y)
    _, g1 = net.loss_and_grads(X, y, l2=2.0)
    for (W, _), (dW0, db0), (dW1, db1) in zip(net.params, g0, g1):
        np.testing.assert_allclose(dW1 - dW0, 2.0 / 8 * W, atol=1e-12)
        np.testing.assert_array_equal(db1, db0)


def test_confident_wrong_answer_has_finite_loss():
    net = _one_layer("softmax", [[1000.0, -1000.0], [0.0, 0.0]], [0.0, 0.0])
    loss = net.loss([[1.0, 0.0]], [1])
    assert np.isfinite(loss) and loss > 20


# --- shapes and params ---------------------------------------------------------------------------------
@pytest.mark.parametrize("output, k", [("softmax", 3), ("sigmoid", 1), ("sigmoid", 2), ("identity", 1),
                                       ("identity", 2)])
def test_shapes(output, k):
    net = MLP([4, 5, 3, k], output=output, seed=0)
    X = np.random.default_rng(0).normal(size=(7, 4))
    assert net.forward(X).shape == (7, k)
    assert net.forward(X[0]).shape == (1, k)  # one sample as a 1-D row
    pred = net.predict(X)
    if output == "identity":
        assert pred.shape == ((7,) if k == 1 else (7, k))
        with pytest.raises(ValueError, match=r"predict_proba needs output='softmax' or 'sigmoid'"):
            net.predict_proba(X)
        y = np.zeros(7) if k == 1 else np.zeros((7, k))
    else:
        assert pred.shape == ((7,) if (output == "softmax" or k == 1) else (7, k))
        assert pred.dtype.kind == "i"
        proba = net.predict_proba(X)
        assert proba.shape == (7, max(k, 2))
        if output == "softmax" or k == 1:
            np.testing.assert_allclose(proba.sum(axis=1), 1.0)
            np.testing.assert_array_equal(np.argmax(proba, axis=1), pred)
        y = np.arange(7) % max(k, 2) if output == "softmax" or k == 1 else np.zeros((7, k))
    J, grads = net.loss_and_grads(X, y)
    assert isinstance(J, float)
    assert [(dW.shape, db.shape) for dW, db in grads] == [((4, 5), (5,)), ((5, 3), (3,)), ((3, k), (k,))]


def test_params_structure_and_init():
    net = MLP([2, 3, 4, 1], output="sigmoid", seed=5)
    assert [(W.shape, b.shape) for W, b in net.params] == [((2, 3), (3,)), ((3, 4), (4,)), ((4, 1), (1,))]
    rs = np.random.RandomState(5)  # documented: randn(n_in, n_out) / sqrt(n_in), layer by layer
    for (W, b), (a, c) in zip(net.params, [(2, 3), (3, 4), (4, 1)]):
        np.testing.assert_array_equal(W, rs.randn(a, c) / np.sqrt(a))
        np.testing.assert_array_equal(b, np.zeros(c))
    assert not np.array_equal(MLP([2, 3, 1], output="sigmoid", seed=6).params[0][0], net.params[0][0])


def test_params_writable():
    net = MLP([2, 3, 2], seed=0)
    X = np.array([[1.0, -1.0], [0.5, 2.0]])
    before = net.forward(X)
    net.params = [(np.zeros((2, 3)), np.zeros(3)), (np.zeros((3, 2)), np.array([0.0, np.log(3.0)]))]
    np.testing.assert_allclose(net.forward(X), [[0.25, 0.75], [0.25, 0.75]])
    assert not np.allclose(before, net.forward(X))
    net.params[1][1][:] = 0.0  # in place, too
    np.testing.assert_allclose(net.forward(X), 0.5)


def test_params_setter_copies():
    net = MLP([2, 2], seed=0)
    W = np.eye(2)
    net.params = [(W, [0, 0])]
    W[0, 0] = 5.0
    assert net.params[0][0][0, 0] == 1.0
    assert net.params[0][1].dtype == float


@pytest.mark.parametrize("pairs, pattern", [
    ([(np.zeros((2, 3)), np.zeros(3))], r"params must hold 2 \(W, b\) pairs, got 1"),
    ([(np.zeros((3, 2)), np.zeros(3)), (np.zeros((3, 2)), np.zeros(2))],
     r"params\[0\] must be W \(2, 3\) and b \(3,\), got \(3, 2\) and \(3,\)"),
    ([(np.zeros((2, 3)), np.zeros(3)), (np.zeros((3, 2)), np.zeros(3))],
     r"params\[1\] must be W \(3, 2\) and b \(2,\), got \(3, 2\) and \(3,\)"),
])
def test_params_setter_validates(pairs, pattern):
    net = MLP([2, 3, 2], seed=0)
    with pytest.raises(ValueError, match=pattern):
        net.params = pairs


def test_repr():
    assert repr(MLP([2, 3, 2], seed=1)) == "MLP([2, 3, 2], activation='tanh', output='softmax', seed=1)"


# --- bad input ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("kwargs, exc, pattern", [
    ({"layer_sizes": [2]}, ValueError, r"layer_sizes must list at least 2 sizes .*got \[2\]"),
    ({"layer_sizes": "23"}, ValueError, r"layer_sizes must list at least 2 sizes .*got '23'"),
    ({"layer_sizes": 3}, ValueError, r"layer_sizes must list at least 2 sizes .*got 3"),
    ({"layer_sizes": [2, 0, 2]}, ValueError, r"layer_sizes must be integers >= 1, got \[2, 0, 2\]"),
    ({"layer_sizes": [2, -3, 2]}, ValueError, r"layer_sizes must be integers >= 1, got \[2, -3, 2\]"),
    ({"layer_sizes": [2, 2.5, 2]}, ValueError, r"layer_sizes must be integers >= 1, got \[2, 2\.5, 2\]"),
    ({"layer_sizes": [2, True, 2]}, ValueError, r"layer_sizes must be integers >= 1, got \[2, True, 2\]"),
    ({"activation": "softmax"}, ValueError, r"activation must be one of \[.*'tanh'\], got 'softmax'"),
    ({"activation": "Tanh"}, ValueError, r"activation must be one of .*, got 'Tanh'"),
    ({"output": "linear"}, ValueError, r"output must be one of \['identity', 'sigmoid', 'softmax'\], got 'linear'"),
    ({"layer_sizes": [2, 3, 1]}, ValueError, r"output='softmax' needs at least 2 output units.*use output='sigmoid'"),
])
def test_bad_constructor(kwargs, exc, pattern):
    args = {"layer_sizes": [2, 3, 2], **kwargs}
    with pytest.raises(exc, match=pattern):
        MLP(**args)


@pytest.fixture
def clf():
    rng = np.random.default_rng(0)
    return MLP([2, 3, 2], seed=0), rng.normal(size=(10, 2)), np.arange(10) % 2


@pytest.mark.parametrize("method", ["loss", "loss_and_grads", "fit"])
@pytest.mark.parametrize("change, exc, pattern", [
    (lambda X, y: (X, y[:-1]), ValueError, r"y must have shape \(10,\) to match X, got shape \(9,\)"),
    (lambda X, y: (X, np.eye(2)[y]), ValueError, r"y must have shape \(10,\) to match X, got shape \(10, 2\)"),
    (lambda X, y: (X, y + 1), ValueError, r"y must hold labels in 0\.\.1, got \[2\]"),
    (lambda X, y: (X, y - 1), ValueError, r"y must hold labels in 0\.\.1, got \[-1\]"),
    (lambda X, y: (X, np.where(y == 1, np.nan, 0.0)), ValueError, r"y must be finite"),
    (lambda X, y: (X, y + 0.5), ValueError, r"y must hold integer class labels"),
    (lambda X, y: (X, y.astype(str)), TypeError, r"y must hold integer class labels, got dtype <U"),
    (lambda X, y: (np.where(X > 0.5, np.nan, X), y), ValueError, r"X must be finite, got NaN or inf at rows"),
    (lambda X, y: (X[:, :1], y), ValueError, r"X must have 2 features \(columns\), got shape \(10, 1\)"),
    (lambda X, y: (X.ravel(), y), ValueError, r"X must be 2-D with shape \(n_samples, n_features\), got shape \(20,\)"),
    (lambda X, y: ("X", y), TypeError, r"X must be an array of numbers, got 'X'"),
])
def test_bad_data(clf, method, change, exc, pattern):
    net, X, y = clf
    X, y = change(X, y)
    with pytest.raises(exc, match=pattern):
        getattr(net, method)(X, y)


@pytest.mark.parametrize("make, pattern", [
    (lambda: (MLP([2, 2], output="identity", seed=0), np.zeros(4)),
     r"y must have shape \(4, 2\) for loss='mse' with 2 outputs, got shape \(4,\)"),
    (lambda: (MLP([2, 1], output="identity", seed=0), np.zeros((4, 2))),
     r"y must have shape \(4,\) or \(4, 1\) for loss='mse' with 1 outputs, got shape \(4, 2\)"),
    (lambda: (MLP([2, 1], output="identity", seed=0), [0, np.inf, 0, 0]), r"y must be finite, got NaN or inf"),
    (lambda: (MLP([2, 2], output="sigmoid", seed=0), np.full((4, 2), 1.5)),
     r"y must lie in \[0, 1\] for loss='cross_entropy' with sigmoid outputs"),
    (lambda: (MLP([2, 1], output="sigmoid", seed=0), [0, 1, 2, 0]), r"y must hold labels in 0\.\.1, got \[2\]"),
])
def test_bad_targets_for_other_outputs(make, pattern):
    net, y = make()
    with pytest.raises(ValueError, match=pattern):
        net.loss(np.zeros((4, 2)), y)


@pytest.mark.parametrize("kwargs, exc, pattern", [
    ({"loss": "hinge"}, ValueError, r"loss must be one of \['cross_entropy', 'mse'\], got 'hinge'"),
    ({"loss": "binary_cross_entropy"}, ValueError, r"loss must be one of .*got 'binary_cross_entropy'"),
    ({"optimizer": "adamw"}, ValueError, r"optimizer must be one of \[.*'sgd'\], got 'adamw'"),
    ({"optimizer": SGD}, ValueError, r"optimizer must be one of .*got <class"),
    ({"lr": 0}, ValueError, r"lr must be > 0, got 0"),
    ({"lr": -0.5}, ValueError, r"lr must be > 0, got -0\.5"),
    ({"lr": "0.1"}, TypeError, r"lr must be a number, got '0\.1'"),
    ({"lr": float("inf")}, ValueError, r"lr must be finite, got inf"),
    ({"epochs": 0}, ValueError, r"epochs must be >= 1, got 0"),
    ({"epochs": 10.0}, TypeError, r"epochs must be an integer, got 10\.0"),
    ({"batch_size": 0}, ValueError, r"batch_size must be >= 1, got 0"),
    ({"batch_size": 2.5}, TypeError, r"batch_size must be an integer, got 2\.5"),
    ({"l2": -0.1}, ValueError, r"l2 must be >= 0, got -0\.1"),
    ({"l2": None}, TypeError, r"l2 must be a number, got None"),
    ({"callback": "print"}, TypeError, r"callback must be a function, got 'print'"),
    ({"validation": np.zeros((3, 2))}, ValueError, r"validation must be a pair \(X_val, y_val\), got array"),
    ({"validation": (np.zeros((3, 2)),)}, ValueError, r"validation must be a pair \(X_val, y_val\), got \(array"),
    ({"validation": (np.zeros((3, 3)), [0, 1, 0])}, ValueError,
     r"validation X must have 2 features \(columns\), got shape \(3, 3\)"),
    ({"validation": (np.full((3, 2), np.nan), [0, 1, 0])}, ValueError, r"validation X must be finite"),
    ({"validation": (np.zeros((3, 2)), [0, 1, 5])}, ValueError, r"validation y must hold labels in 0\.\.1, got \[5\]"),
    ({"validation": (np.zeros((3, 2)), [0, 1])}, ValueError,
     r"validation y must have shape \(3,\) to match X, got shape \(2,\)"),
])
def test_bad_fit_arguments(clf, kwargs, exc, pattern):
    net, X, y = clf
    before = [W.copy() for W, _ in net.params]
    with pytest.raises(exc, match=pattern):
        net.fit(X, y, epochs=kwargs.pop("epochs", 3), **kwargs)
    for W, (W_now, _) in zip(before, net.params):  # checked before any update
        np.testing.assert_array_equal(W, W_now)


def test_accuracy_checks_shape():
    net = MLP([2, 3, 1], output="sigmoid", seed=0)
    X, y = datasets.moons(20, seed=0)
    acc = net.accuracy(X, y)
    assert acc == np.mean(net.predict(X) == y)
    assert net.accuracy(X, y[:, None]) == acc  # (n, 1) labels: same answer, not an (n, n) broadcast
    with pytest.raises(ValueError, match=r"y must have shape \(20,\) to match X, got shape \(19,\)"):
        net.accuracy(X, y[:-1])
    soft = MLP([2, 3, 2], seed=0)
    with pytest.raises(ValueError, match=r"y must have shape \(20,\) to match X, got shape \(20, 2\)"):
        soft.accuracy(X, np.eye(2)[y])


def test_accuracy_several_sigmoid_units():
    net = MLP([2, 3], output="sigmoid", seed=0)
    X = np.random.default_rng(0).normal(size=(12, 2))
    pred = net.predict(X)
    assert net.accuracy(X, pred) == 1.0
    flipped = pred.copy()
    flipped[:3, 0] = 1 - flipped[:3, 0]
    assert net.accuracy(X, flipped) == pytest.approx(9 / 12)


# --- training ----------------------------------------------------------------------------------------------
def test_fit_learns_xor():
    X, y = logic_gate("xor")
    net = MLP([2, 4, 2], activation="tanh", seed=0)
    h = net.fit(X, y, epochs=2000, lr=1.0)
    assert net.accuracy(X, y) == 1.0
    assert h.loss[-1] < 0.01 < h.loss[0]
    assert len(h.loss) == 2000 and h.diverged is False and h["loss"] is h.loss
    assert sorted(h) == ["diverged", "loss"]


def test_fit_full_batch_matches_hand_gradient_descent():
    X, y = datasets.moons(40, seed=1)
    net, ref = MLP([2, 3, 2], seed=2), MLP([2, 3, 2], seed=2)
    h = net.fit(X, y, epochs=5, lr=0.7, l2=0.1)
    for e in range(5):
        J, grads = ref.loss_and_grads(X, y, l2=0.1)
        assert h.loss[e] == pytest.approx(J, rel=1e-12)  # loss measured before the update
        ref.params = [(W - 0.7 * dW, b - 0.7 * db) for (W, b), (dW, db) in zip(ref.params, grads)]
    for (W, b), (W2, b2) in zip(net.params, ref.params):
        np.testing.assert_allclose(W, W2, rtol=1e-12)
        np.testing.assert_allclose(b, b2, rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("batch_size", [None, 16])
def test_fit_lowers_loss_on_moons(batch_size):
    X, y = datasets.moons(200, noise=0.2, seed=0)
    net = MLP([2, 8, 2], seed=1)
    h = net.fit(X, y, epochs=300, lr=0.5, batch_size=batch_size, seed=0)
    assert h.loss[-1] < 0.5 * h.loss[0]
    assert net.accuracy(X, y) > 0.85


@pytest.mark.parametrize("batch_size", [None, 7])
def test_same_seed_same_history(batch_size):
    X, y = datasets.moons(50, seed=3)
    runs = [MLP([2, 5, 2], seed=4).fit(X, y, epochs=30, lr=0.3, batch_size=batch_size, seed=9) for _ in range(2)]
    assert runs[0].loss == runs[1].loss


def test_different_seeds_differ():
    X, y = datasets.moons(50, seed=3)
    a = MLP([2, 5, 2], seed=4).fit(X, y, epochs=20, lr=0.3)
    b = MLP([2, 5, 2], seed=5).fit(X, y, epochs=20, lr=0.3)
    assert a.loss != b.loss
    c = MLP([2, 5, 2], seed=4).fit(X, y, epochs=20, lr=0.3, batch_size=7, seed=1)
    d = MLP([2, 5, 2], seed=4).fit(X, y, epochs=20, lr=0.3, batch_size=7, seed=2)
    assert c.loss != d.loss


@pytest.mark.parametrize("n, batch_size", [(23, 5), (20, 4), (10, 1), (10, 9)])
def test_minibatches_see_each_sample_once_per_epoch(n, batch_size, monkeypatch):
    X = np.column_stack([np.arange(n, dtype=float) / n, np.zeros(n)])  # column 0 tags the sample
    y = np.arange(n) % 2
    net = MLP([2, 3, 2], seed=0)
    calls = []
    original = backprop.gradients

    def recording(params, Xb, Yb, activation, output, loss, *, l2, l1, n_reg, picks, masks):
        calls.append((np.rint(Xb[:, 0] * n).astype(int), n_reg))
        J, grads = original(params, Xb, Yb, activation, output, loss, l2=l2, l1=l1, n_reg=n_reg, picks=picks,
                            masks=masks)
        plain = original(params, Xb, Yb, activation, output, loss, l2=l2, l1=l1, n_reg=n_reg)[0]
        assert pytest.approx(plain, rel=1e-12) == J
        calls[-1] += (J,)
        return J, grads

    monkeypatch.setattr(backprop, "gradients", recording)
    epochs = 4
    h = net.fit(X, y, epochs=epochs, lr=0.1, batch_size=batch_size, seed=0, l2=0.5)
    per_epoch = -(-n // batch_size)
    assert len(calls) == epochs * per_epoch
    orders = []
    for e in range(epochs):
        batches = calls[e * per_epoch:(e + 1) * per_epoch]
        idx = np.concatenate([b[0] for b in batches])
        assert sorted(idx.tolist()) == list(range(n))  # each sample exactly once
        assert [len(b[0]) for b in batches[:-1]] == [batch_size] * (per_epoch - 1)
        assert all(b[1] == n for b in batches)  # l2 scaled by the full set's size
        assert h.loss[e] == pytest.approx(sum(b[2] * len(b[0]) for b in batches) / n, rel=1e-12)
        orders.append(idx.tolist())
    if batch_size > 1:
        assert len({tuple(o) for o in orders}) > 1  # reshuffled between epochs


def test_batch_size_at_least_n_is_full_batch():
    X, y = datasets.moons(30, seed=0)
    a = MLP([2, 4, 2], seed=1).fit(X, y, epochs=10, lr=0.5)
    b = MLP([2, 4, 2], seed=1).fit(X, y, epochs=10, lr=0.5, batch_size=30)
    c = MLP([2, 4, 2], seed=1).fit(X, y, epochs=10, lr=0.5, batch_size=1000)
    assert a.loss == b.loss == c.loss


def test_callback_false_stops_and_receives_arguments():
    X, y = datasets.moons(30, seed=0)
    net = MLP([2, 4, 2], seed=1)
    seen = []

    def cb(epoch, model, history):
        seen.append((epoch, model is net, len(history["loss"])))
        return False if epoch == 4 else None

    h = net.fit(X, y, epochs=50, lr=0.5, callback=cb)
    assert len(h.loss) == 5
    assert seen == [(e, True, e + 1) for e in range(5)]
    assert len(MLP([2, 4, 2], seed=1).fit(X, y, epochs=7, callback=lambda *a: 0).loss) == 7  # only False stops


@pytest.mark.parametrize("l2", [0.0, 0.5])
def test_validation_fills_history(l2):
    X, y = datasets.moons(120, seed=0)
    X_tr, X_va, y_tr, y_va = datasets.train_test_split(X, y, test_size=0.25, seed=0)
    net = MLP([2, 6, 2], seed=2)
    h = net.fit(X_tr, y_tr, epochs=40, lr=0.5, l2=l2, validation=(X_va, y_va))
    assert len(h.val_loss) == len(h.val_accuracy) == len(h.loss) == 40
    assert h.val_loss[-1] == pytest.approx(net.loss(X_va, y_va), rel=1e-12)     # no penalty: the data term
    assert h.val_accuracy[-1] == net.accuracy(X_va, y_va)
    assert h.val_loss[-1] < h.val_loss[0]


def test_validation_regression_has_no_accuracy():
    rng = np.random.default_rng(0)
    X = rng.uniform(-1, 1, (30, 1))
    y = np.sin(2 * X[:, 0])
    h = MLP([1, 5, 1], output="identity", seed=0).fit(X, y, epochs=5, lr=0.1, validation=(X[:5], y[:5]))
    assert len(h.val_loss) == 5 and h.val_accuracy == []


def test_divergence_is_reported_without_warning():
    X = np.linspace(-1, 1, 20)[:, None]
    y = np.sin(3 * X[:, 0])
    net = MLP([1, 8, 1], activation="relu", output="identity", seed=0)
    h = net.fit(X, y, epochs=500, lr=1e6)  # warnings are errors in this suite
    assert h.diverged is True
    assert 1 < len(h.loss) < 500
    assert all(np.isfinite(h.loss[:-1])) and not np.isfinite(h.loss[-1])  # it stopped at the blow-up
    assert all(np.all(np.isfinite(a)) for pair in net.params for a in pair)  # finite weights kept
    assert np.isfinite(net.loss(X, y))  # ... whose loss is finite: the last good epoch's
    assert np.all(np.isfinite(net.predict(X)))


def test_fit_accepts_schedule():
    X, y = datasets.moons(30, seed=0)
    rates = []

    def schedule(epoch):
        rates.append(epoch)
        return 0.5 / (1 + epoch)

    MLP([2, 3, 2], seed=0).fit(X, y, epochs=6, lr=schedule)
    assert rates == list(range(6)) * 2  # every rate checked before the first step, then asked at each epoch


@pytest.mark.parametrize("scale", [1e6, 1e150, 1e300])
@pytest.mark.parametrize("act, output, k", [("tanh", "softmax", 2), ("relu", "identity", 1),
                                            ("sigmoid", "sigmoid", 1), ("leaky_relu", "softmax", 3)])
def test_no_warning_for_large_finite_inputs(scale, act, output, k):
    rng = np.random.default_rng(0)
    X = scale * rng.normal(size=(12, 2))
    y = rng.normal(size=12) if output == "identity" else np.arange(12) % k
    net = MLP([2, 4, k], activation=act, output=output, seed=0)
    net.forward(X), net.predict(X), net.loss(X, y), net.loss_and_grads(X, y)
    if output != "identity":
        net.predict_proba(X), net.accuracy(X, y)
    h = net.fit(X, y, epochs=5, lr=0.1, batch_size=5, seed=0)
    assert isinstance(h.diverged, bool)


def test_wildml_reproduction():
    # wildml's "neural network from scratch": moons(200, noise 0.2), 2-3-2 tanh/softmax, lr 2.0, l2 0.01.
    X, y = datasets.moons(200, noise=0.2, seed=0)
    net = MLP([2, 3, 2], seed=0)
    h = net.fit(X, y, epochs=20000, lr=2.0, l2=0.01)
    assert h.loss[-1] == pytest.approx(0.0713, abs=0.002)
    assert net.accuracy(X, y) >= 0.97
