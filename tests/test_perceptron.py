"""Unit tests for nnlib.Perceptron (lesson 1): learning the gates, failing on XOR, input checks."""
import numpy as np
import pytest

from nnlib import Perceptron, logic_gate


def reference_fit(X, y, lr, epochs):
    """Rosenblatt's rule written out independently: w, b start at 0, samples in order,
    prediction 1 when w.x + b >= 0, update w += lr (y - y_hat) x, b += lr (y - y_hat)."""
    w = [0.0] * len(X[0])
    b = 0.0
    errors = []
    for _ in range(epochs):
        mistakes = 0
        for x, t in zip(X, y):
            z = sum(wi * xi for wi, xi in zip(w, x)) + b
            y_hat = 1 if z >= 0 else 0
            if y_hat != t:
                w = [wi + lr * (t - y_hat) * xi for wi, xi in zip(w, x)]
                b += lr * (t - y_hat)
                mistakes += 1
        errors.append(mistakes)
        if mistakes == 0:
            break
    return w, b, errors


@pytest.mark.parametrize("gate", ["and", "or", "nand"])
@pytest.mark.parametrize("seed", [None, 0, 5])
def test_learns_linearly_separable_gates(gate, seed):
    X, y = logic_gate(gate)
    p = Perceptron(seed=seed).fit(X, y)
    assert p.converged_
    assert p.errors_[-1] == 0
    assert all(e > 0 for e in p.errors_[:-1])  # stops after the first clean epoch
    np.testing.assert_array_equal(p.predict(X), y)
    assert p.predict(X).dtype.kind == "i"


def test_never_converges_on_xor():
    X, y = logic_gate("xor")
    p = Perceptron(epochs=100).fit(X, y)
    assert not p.converged_
    assert len(p.errors_) == 100
    assert all(e > 0 for e in p.errors_)
    assert np.any(p.predict(X) != y)


@pytest.mark.parametrize("gate", ["and", "or", "nand", "xor"])
@pytest.mark.parametrize("epochs", [1, 2, 7])
@pytest.mark.parametrize("lr", [1.0, 0.3])
def test_matches_reference_rule(gate, epochs, lr):
    X, y = logic_gate(gate)
    p = Perceptron(lr=lr, epochs=epochs).fit(X, y)
    w, b, errors = reference_fit(X.tolist(), y.tolist(), lr, epochs)
    np.testing.assert_allclose(p.w_, w, rtol=0, atol=1e-12)
    assert p.b_ == pytest.approx(b, abs=1e-12)
    assert p.errors_ == errors


def test_one_epoch_on_and_by_hand():
    # w = 0, b = 0. (0,0): z=0 -> 1, want 0: w=(0,0), b=-1. (0,1): z=-1 -> 0 ok. (1,0): z=-1 -> 0 ok.
    # (1,1): z=-1 -> 0, want 1: w=(1,1), b=0.  Two updates.
    X, y = logic_gate("and")
    p = Perceptron(lr=1.0, epochs=1).fit(X, y)
    np.testing.assert_array_equal(p.w_, [1.0, 1.0])
    assert p.b_ == 0.0
    assert p.errors_ == [2]


def test_weights_start_at_zero_on_every_fit():
    X, y = logic_gate("and")
    p = Perceptron(epochs=1)
    p.fit(X, y)
    first = (p.w_.copy(), p.b_)
    p.fit(X, y)  # refitting must start from zero again, not continue
    np.testing.assert_array_equal(p.w_, first[0])
    assert p.b_ == first[1]


def test_seeded_shuffle_reproducible():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(40, 3))
    y = (X @ [1.0, -2.0, 0.5] > 0).astype(int)
    a = Perceptron(seed=3).fit(X, y)
    b = Perceptron(seed=3).fit(X, y)
    np.testing.assert_array_equal(a.w_, b.w_)
    assert a.errors_ == b.errors_
    assert a.converged_


def test_decision_function_and_predict_shapes():
    X, y = logic_gate("or")
    p = Perceptron().fit(X, y)
    z = p.decision_function(X)
    assert z.shape == (4,)
    np.testing.assert_allclose(z, X @ p.w_ + p.b_)
    np.testing.assert_array_equal(p.predict(X), (z >= 0).astype(int))
    assert p.predict(np.zeros((7, 2))).shape == (7,)
    assert p.predict([1.0, 1.0]).shape == (1,)  # one sample as a 1-D row


def test_bool_and_float_labels_accepted():
    X, y = logic_gate("and")
    a = Perceptron().fit(X, y.astype(bool))
    b = Perceptron().fit(X, y.astype(float))
    np.testing.assert_array_equal(a.w_, b.w_)


@pytest.mark.parametrize("kwargs, exc, pattern", [
    ({"lr": 0}, ValueError, r"lr must be > 0, got 0"),
    ({"lr": -0.1}, ValueError, r"lr must be > 0, got -0\.1"),
    ({"lr": float("nan")}, ValueError, r"lr must be finite, got nan"),
    ({"lr": "1"}, TypeError, r"lr must be a number, got '1'"),
    ({"epochs": 0}, ValueError, r"epochs must be in \[1, 100000\], got 0"),
    ({"epochs": -3}, ValueError, r"epochs must be in \[1, 100000\], got -3"),
    ({"epochs": 2.5}, TypeError, r"epochs must be an integer, got 2\.5"),
    ({"epochs": 10.0}, TypeError, r"epochs must be an integer, got 10\.0"),
    ({"epochs": True}, TypeError, r"epochs must be an integer, got True"),
    ({"epochs": 10**9}, ValueError, r"epochs must be in \[1, 100000\], got 1000000000"),
    ({"seed": -1}, ValueError, r"seed must be an integer >= 0 or None, got -1"),
    ({"seed": "abc"}, TypeError, r"seed must be an integer >= 0 or None, got 'abc'"),
    ({"seed": 1.5}, TypeError, r"seed must be an integer >= 0 or None, got 1\.5"),
])
def test_bad_hyperparameters(kwargs, exc, pattern):
    with pytest.raises(exc, match=pattern):
        Perceptron(**kwargs)


@pytest.mark.parametrize("y, exc, pattern", [
    ([0, 1, 2, 1], ValueError, r"y must hold labels in 0\.\.1, got \[2\]"),
    ([0, -1, 1, 1], ValueError, r"y must hold labels in 0\.\.1, got \[-1\]"),
    ([0, 0.5, 1, 1], ValueError, r"y must hold integer class labels, got .*0\.5"),
    ([0, np.nan, 1, 1], ValueError, r"y must be finite, got .*nan"),
    (["a", "b", "a", "b"], TypeError, r"y must hold integer class labels, got dtype <U1"),
    ([0, 1, 1], ValueError, r"y must have shape \(4,\) to match X, got shape \(3,\)"),
    ([[0, 1], [1, 0], [0, 1], [1, 0]], ValueError, r"y must have shape \(4,\) to match X, got shape \(4, 2\)"),
])
def test_bad_labels(y, exc, pattern):
    X, _ = logic_gate("and")
    with pytest.raises(exc, match=pattern):
        Perceptron().fit(X, y)


@pytest.mark.parametrize("X, exc, pattern", [
    ([[0, 0], [0, np.nan], [1, 0], [1, 1]], ValueError, r"X must be finite, got NaN or inf at rows \[1\]"),
    ([[0, 0], [0, 1], [np.inf, 0], [1, 1]], ValueError, r"X must be finite, got NaN or inf at rows \[2\]"),
    ([0, 1, 1, 0], ValueError, r"X must be 2-D with shape \(n_samples, n_features\), got shape \(4,\)"),
    (np.zeros((4, 2, 1)), ValueError, r"X must be 2-D .*got shape \(4, 2, 1\)"),
    (np.zeros((0, 2)), ValueError, r"X must hold at least one sample, got shape \(0, 2\)"),
    ("abcd", TypeError, r"X must be an array of numbers, got 'abcd'"),
    (None, TypeError, r"X must be an array of numbers, got None"),
    ([[0, 0], [0, 1], [1, None], [1, 1]], ValueError, r"X must be finite, got NaN or inf at rows \[2\]"),
    ([[0, 0], [0, 1], [1], [1, 1]], TypeError, r"X must be an array of numbers, got \[\[0, 0\]"),
    (np.array([[0, 0], [0, 1], [1, 0], [1, 1j]]), TypeError, r"X must be real, got complex values"),
])
def test_bad_features(X, exc, pattern):
    with pytest.raises(exc, match=pattern):
        Perceptron().fit(X, [0, 0, 0, 1])


def test_predict_before_fit():
    with pytest.raises(ValueError, match=r"not fitted yet: call fit\(X, y\) first"):
        Perceptron().predict([[0.0, 1.0]])
    with pytest.raises(ValueError, match=r"not fitted yet"):
        Perceptron().decision_function([[0.0, 1.0]])
    with pytest.raises(ValueError, match=r"not fitted yet"):
        _ = Perceptron().converged_


def test_predict_wrong_feature_count():
    X, y = logic_gate("and")
    p = Perceptron().fit(X, y)
    with pytest.raises(ValueError, match=r"X must have 2 features \(columns\), got shape \(4, 3\)"):
        p.predict(np.zeros((4, 3)))
    with pytest.raises(ValueError, match=r"X must have 2 features \(columns\), got shape \(1, 3\)"):
        p.predict([[0.0, 1.0, 2.0]])
    with pytest.raises(ValueError, match=r"X must be finite"):
        p.predict([[0.0, np.nan]])


def test_large_finite_inputs_do_not_warn():
    X = np.array([[1e6, -1e6], [-1e6, 1e6], [2e6, 1e6], [-2e6, -1e6]])
    y = np.array([1, 0, 1, 0])
    p = Perceptron().fit(X, y)  # warnings are errors in this suite
    assert p.converged_


@pytest.mark.parametrize("gate", ["and", "xor"])
def test_learning_rate_only_scales_the_weights(gate):
    # With w, b starting at 0 every update is a multiple of lr, so w_ and b_ scale with lr and the
    # predictions (hence any picture of the decision boundary) do not depend on lr at all.
    X, y = logic_gate(gate)
    a = Perceptron(lr=1.0, epochs=20).fit(X, y)
    b = Perceptron(lr=4.0, epochs=20).fit(X, y)
    np.testing.assert_allclose(b.w_, 4.0 * a.w_)
    assert b.b_ == pytest.approx(4.0 * a.b_)
    assert a.errors_ == b.errors_
    grid = np.random.default_rng(0).uniform(-1, 2, size=(200, 2))
    np.testing.assert_array_equal(a.predict(grid), b.predict(grid))


@pytest.mark.parametrize("lr, X", [(1e308, [[1.0, 2.0], [2.0, 1.0], [0.0, 0.0]]),
                                   (1.0, [[1e308, 1e308], [-1e308, 1e308], [0.0, 0.0]])])
def test_overflow_is_reported_and_changes_nothing(lr, X):
    p = Perceptron(lr=1.0).fit(*logic_gate("and"))
    before = (p.w_.copy(), p.b_, list(p.errors_))
    p.lr = lr
    with pytest.raises(ValueError, match=r"the weights overflowed in epoch \d+ \(lr=.* times \|x\| up to .*\): "
                                         r"use a smaller lr or rescale X"):
        p.fit(X, [1, 0, 0])  # warnings are errors in this suite: no overflow warning escapes
    np.testing.assert_array_equal(p.w_, before[0])
    assert (p.b_, p.errors_) == before[1:]


def test_settings_changed_after_init_are_checked_at_fit():
    p = Perceptron()
    p.lr = -1.0
    with pytest.raises(ValueError, match=r"lr must be > 0, got -1\.0"):
        p.fit(*logic_gate("and"))


def test_decision_function_overflow_is_reported():
    p = Perceptron().fit(*logic_gate("and"))
    with pytest.raises(ValueError, match=r"X is too large for these weights"):
        p.decision_function([[1e308, 1e308]])


def test_numpy_integer_settings_and_seed_accepted():
    p = Perceptron(lr=np.float32(0.5), epochs=np.int64(50), seed=np.int64(3)).fit(*logic_gate("or"))
    assert p.converged_
