"""Rosenblatt's perceptron, derived in lesson 1 (01_perceptron).

    z = X @ w + b,    y_hat = 1 if z >= 0 else 0
    for each sample:  w += lr * (y - y_hat) * x,   b += lr * (y - y_hat)
"""
import numpy as np

from .validation import as_features, as_labels, in_range, positive
from .validation import seed as check_seed

MAX_EPOCHS = 100_000  # more would take minutes of pure Python on the lesson's data


class Perceptron:
    """A single threshold neuron trained by the perceptron rule (lesson 1).

    Weights `w_` (d,) and bias `b_` start at zero. `fit` walks the samples in
    order (shuffled each epoch when `seed` is given), updates after each
    mistake, records `errors_` (updates per epoch) and stops after the first
    epoch with no update, or after `epochs` epochs. When lr * |x| is so large
    that the weights overflow, `fit` raises a ValueError saying so and keeps
    the perceptron as it was.
    """

    def __init__(self, lr=1.0, epochs=100, seed=None):
        self.lr, self.epochs, self.seed = lr, epochs, seed
        self._check_settings()

    def _check_settings(self):
        self.lr = positive(self.lr, "lr")
        in_range(self.epochs, "epochs", 1, MAX_EPOCHS, integer=True)
        return check_seed(self.seed)

    def fit(self, X, y):
        """Train on X (n, d) float and y (n,) in {0, 1} by the perceptron rule (lesson 1); returns self."""
        seed = self._check_settings()
        X = as_features(X)
        y = as_labels(y, X.shape[0], n_classes=2)
        rng = np.random.default_rng(seed) if seed is not None else None
        w, b, errors = np.zeros(X.shape[1]), 0.0, []
        with np.errstate(over="ignore", invalid="ignore"):  # an overflow is caught below, by name
            for epoch in range(1, self.epochs + 1):
                order = rng.permutation(len(y)) if rng is not None else range(len(y))
                w, b, mistakes = self._epoch(X, y, order, w, b, epoch)
                errors.append(mistakes)
                if mistakes == 0:
                    break
        self.w_, self.b_, self.errors_ = w, b, errors
        return self

    def _epoch(self, X, y, order, w, b, epoch):
        """One pass of the perceptron rule over the samples in `order`: the new w, b and the update count."""
        mistakes = 0
        for i in order:
            z = X[i] @ w + b
            update = self.lr * (y[i] - (z >= 0))
            if update != 0:
                w, b, mistakes = w + update * X[i], b + update, mistakes + 1
            if not (np.isfinite(z) and np.isfinite(b) and np.all(np.isfinite(w))):
                raise ValueError(f"the weights overflowed in epoch {epoch} (lr={self.lr!r} times |x| up to "
                                 f"{np.abs(X).max():.3g}): use a smaller lr or rescale X")
        return w, b, mistakes

    @property
    def converged_(self):
        """True when the last epoch made no update (lesson 1: the data were separated)."""
        if not hasattr(self, "errors_"):
            raise ValueError("this Perceptron is not fitted yet: call fit(X, y) first")
        return self.errors_[-1] == 0

    def _check_fitted(self, X):
        if not hasattr(self, "w_"):
            raise ValueError("this Perceptron is not fitted yet: call fit(X, y) first")
        return as_features(X, n_features=self.w_.shape[0])

    def decision_function(self, X):
        """z = X @ w + b, shape (n,) (lesson 1)."""
        X = self._check_fitted(X)
        with np.errstate(over="ignore", invalid="ignore"):
            z = X @ self.w_ + self.b_
        if not np.all(np.isfinite(z)):
            raise ValueError(f"X is too large for these weights: X @ w + b overflows (|x| up to {np.abs(X).max():.3g})")
        return z

    def predict(self, X):
        """Labels 1 where z >= 0 else 0, shape (n,) (lesson 1)."""
        return (self.decision_function(X) >= 0).astype(int)
