"""Unit tests for nnlib.logistic (lesson 2): the loss and its gradient against independent references
(the Bernoulli likelihood written out, central differences, scikit-learn's unpenalised LogisticRegression),
and bad input."""
import math

import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression

from nnlib import logistic
from nnlib.data import blobs
from nnlib.gradcheck import numerical_gradient, rel_error


def _data(n=60, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, 3))
    y = (X @ np.array([1.0, -2.0, 0.5]) + rng.normal(size=n) > 0).astype(int)
    return X, y, rng.normal(size=3), 0.3


def test_loss_is_the_negative_mean_log_likelihood():
    X, y, w, b = _data()
    log_likelihood = 0.0
    for x_i, y_i in zip(X, y):                     # P(y_i | x_i) written out, one sample at a time
        p = 1 / (1 + math.exp(-(sum(a * c for a, c in zip(x_i, w)) + b)))
        log_likelihood += math.log(p if y_i == 1 else 1 - p)
    assert logistic.loss(X, y, w, b) == pytest.approx(-log_likelihood / len(y), rel=1e-12)


def test_loss_stays_finite_for_a_confident_wrong_answer():
    # z = 1000 for a label 0: log(1 - sigmoid(1000)) would be log(0); the loss is 1000 (per sample)
    assert logistic.loss(np.array([[1.0]]), np.array([0]), np.array([1000.0]), 0.0) == pytest.approx(1000.0)
    assert logistic.loss(np.array([[1.0]]), np.array([1]), np.array([1000.0]), 0.0) == pytest.approx(0.0, abs=1e-300)


def test_predict_proba_and_predict():
    X, y, w, b = _data()
    z = X @ w + b
    np.testing.assert_allclose(logistic.predict_proba(X, w, b), 1 / (1 + np.exp(-z)), rtol=1e-12)
    np.testing.assert_array_equal(logistic.predict(X, w, b), (z >= 0).astype(int))
    np.testing.assert_array_equal(logistic.predict(X, w, b), logistic.predict_proba(X, w, b) >= 0.5)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_gradient_matches_central_differences(seed):
    X, y, w, b = _data(seed=seed)
    dJdw, dJdb = logistic.gradient(X, y, w, b)
    params = np.append(w, b)
    numeric = numerical_gradient(lambda: logistic.loss(X, y, params[:-1], params[-1]), params)
    assert rel_error(np.append(dJdw, dJdb), numeric) < 1e-8
    assert dJdw.shape == w.shape and isinstance(dJdb, float)


def test_fit_reaches_scikit_learns_unpenalised_optimum():
    X, y = blobs(n=200, noise=1.5, seed=0)
    w, b, losses = logistic.fit(X, y, lr=1.0, epochs=5000)
    sk = LogisticRegression(C=np.inf, tol=1e-10, max_iter=10_000).fit(X, y)   # C = inf: no penalty
    np.testing.assert_allclose(w, sk.coef_[0], rtol=1e-4)
    assert b == pytest.approx(sk.intercept_[0], abs=1e-4)
    assert np.all(np.diff(losses) <= 1e-15), "a small enough lr never raises a convex loss"
    assert losses[0] == pytest.approx(math.log(2))                  # w = 0, b = 0: y_hat = 0.5 everywhere
    assert np.linalg.norm(np.append(*logistic.gradient(X, y, w, b))) < 1e-6


def test_fit_starts_where_asked_and_one_epoch_is_one_step():
    X, y, w, b = _data()
    w1, b1, losses = logistic.fit(X, y, lr=0.1, epochs=1, w=w, b=b)
    dJdw, dJdb = logistic.gradient(X, y, w, b)
    np.testing.assert_allclose(w1, w - 0.1 * dJdw, rtol=1e-12)
    assert b1 == pytest.approx(b - 0.1 * dJdb, rel=1e-12)
    assert losses.tolist() == [pytest.approx(logistic.loss(X, y, w, b))]


def test_fit_leaves_its_arguments_alone():
    X, y, w, b = _data()
    copies = X.copy(), y.copy(), w.copy()
    logistic.fit(X, y, lr=0.5, epochs=10, w=w, b=b)
    for before, after in zip(copies, (X, y, w)):
        np.testing.assert_array_equal(before, after)


def test_an_overflow_is_named():
    X, y, _, _ = _data()
    with pytest.raises(ValueError, match=r"overflowed.*lr=1e\+300"):
        logistic.fit(X * 1e300, y, lr=1e300, epochs=5)


X0, Y0, W0, B0 = _data(n=5)


@pytest.mark.parametrize("call, exc, words", [
    (lambda: logistic.loss(X0, Y0, np.zeros(2), 0.0), ValueError, ("w", "(3,)", "(2,)")),
    (lambda: logistic.loss(X0, Y0, "abc", 0.0), TypeError, ("w", "'abc'")),
    (lambda: logistic.loss(X0, Y0, [np.nan, 0, 0], 0.0), ValueError, ("w", "finite")),
    (lambda: logistic.loss(X0, Y0, W0, "0.5"), TypeError, ("b", "'0.5'")),
    (lambda: logistic.loss(X0, Y0, W0, float("inf")), ValueError, ("b", "inf")),
    (lambda: logistic.loss(X0, Y0 + 1, W0, B0), ValueError, ("y", "0..1")),
    (lambda: logistic.loss(X0, Y0[:3], W0, B0), ValueError, ("y", "(5,)")),
    (lambda: logistic.gradient(X0[:, :2], Y0, W0, B0), ValueError, ("w", "(2,)")),
    (lambda: logistic.predict_proba([1.0, 2.0, 3.0], W0, B0), ValueError, ("X", "2-D")),
    (lambda: logistic.predict(None, W0, B0), TypeError, ("X", "None")),
    (lambda: logistic.fit(X0, Y0, lr=0), ValueError, ("lr", "0")),
    (lambda: logistic.fit(X0, Y0, lr="fast"), TypeError, ("lr", "'fast'")),
    (lambda: logistic.fit(X0, Y0, epochs=2.5), TypeError, ("epochs", "2.5")),
    (lambda: logistic.fit(X0, Y0, epochs=0), ValueError, ("epochs", "0")),
    (lambda: logistic.fit(X0, Y0, w=np.zeros(4)), ValueError, ("w", "(4,)")),
])
def test_bad_input_names_the_argument(call, exc, words):
    with pytest.raises(exc) as info:
        call()
    for word in words:
        assert word in str(info.value), (word, str(info.value))
