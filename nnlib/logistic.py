"""Logistic regression by gradient descent, derived in lesson 2 (02_gradient_descent).

One sigmoid neuron, samples in rows, labels y in {0, 1}:

    z = X @ w + b,    y_hat = sigmoid(z) = P(y = 1 | x)
    J = -(1/n) sum [y log y_hat + (1 - y) log(1 - y_hat)]       (binary cross-entropy = -log likelihood / n)
    dJ/dz = (y_hat - y) / n,   dJ/dw = X.T @ (y_hat - y) / n,   dJ/db = mean(y_hat - y)
    gradient descent:  w <- w - lr dJ/dw,   b <- b - lr dJ/db

The loss is computed from z (log(1 + e^z) - y z, with np.logaddexp), so a confident wrong answer costs a
large finite number instead of log(0) = -inf.
"""
import numpy as np

from .validation import as_features, as_labels, in_range, number, positive, real_array

MAX_EPOCHS = 1_000_000


def _parameters(X, w, b):
    """X (n, d) and w (d,) as float arrays, b as a float, each checked and named."""
    X = as_features(X)
    w = real_array(w, "w", finite=True, what="an array of d weights")
    if w.shape != (X.shape[1],):
        raise ValueError(f"w must have shape ({X.shape[1]},) to match X's {X.shape[1]} columns, got shape {w.shape}")
    b = number(b, "b")
    if not np.isfinite(b):
        raise ValueError(f"b must be finite, got {b!r}")
    return X, w, b


def _data(X, y, w, b):
    X, w, b = _parameters(X, w, b)
    return X, as_labels(y, X.shape[0], n_classes=2).astype(float), w, b


def _sigmoid(z):
    from .layers import sigmoid
    return sigmoid(z)


def predict_proba(X, w, b):
    """y_hat = sigmoid(X @ w + b), shape (n,): the probability of class 1 for each row of X (lesson 2)."""
    X, w, b = _parameters(X, w, b)
    return _sigmoid(X @ w + b)


def predict(X, w, b):
    """Labels 1 where y_hat >= 0.5 (that is z >= 0, a line as in lesson 1), else 0; shape (n,) (lesson 2)."""
    X, w, b = _parameters(X, w, b)
    return (X @ w + b >= 0).astype(int)


def loss(X, y, w, b):
    """Mean binary cross-entropy of labels y (n,) in {0, 1} under y_hat = sigmoid(X @ w + b) (lesson 2)."""
    X, y, w, b = _data(X, y, w, b)
    z = X @ w + b
    return float(np.mean(np.logaddexp(0.0, z) - y * z))


def gradient(X, y, w, b):
    """(dJ/dw (d,), dJ/db) of the mean binary cross-entropy: X.T @ (y_hat - y) / n and mean(y_hat - y)
    (lesson 2)."""
    X, y, w, b = _data(X, y, w, b)
    error = _sigmoid(X @ w + b) - y
    return X.T @ error / len(y), float(np.mean(error))


def fit(X, y, lr=0.5, epochs=1000, w=None, b=0.0):
    """Full-batch gradient descent on the mean binary cross-entropy from w (zeros when None) and b.
    Returns (w, b, losses): the final weights and the loss before each of the `epochs` steps (lesson 2)."""
    X = as_features(X)
    lr = positive(lr, "lr")
    epochs = int(in_range(epochs, "epochs", 1, MAX_EPOCHS, integer=True))
    X, y, w, b = _data(X, y, np.zeros(X.shape[1]) if w is None else w, b)
    losses = np.empty(epochs)
    n = len(y)
    with np.errstate(over="ignore", invalid="ignore"):   # an overflow is caught below, by name
        for epoch in range(epochs):
            z = X @ w + b
            losses[epoch] = np.mean(np.logaddexp(0.0, z) - y * z)
            error = _sigmoid(z) - y
            w = w - lr * (X.T @ error) / n
            b = b - lr * float(np.mean(error))
            if not (np.isfinite(b) and np.all(np.isfinite(w))):
                raise ValueError(f"the weights overflowed in epoch {epoch + 1} (lr={lr!r}, |x| up to "
                                 f"{np.abs(X).max():.3g}): use a smaller lr or rescale X")
    return w, b, losses


__all__ = ["fit", "gradient", "loss", "predict", "predict_proba"]
