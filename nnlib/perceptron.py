"""Rosenblatt's perceptron, derived in lesson 1 (01_perceptron).

    z = X @ w + b,    y_hat = 1 if z >= 0 else 0
    for each sample:  w += lr * (y - y_hat) * x,   b += lr * (y - y_hat)
"""
import numpy as np

from .validate import as_features, as_labels, positive


class Perceptron:
    """A single threshold neuron trained by the perceptron rule (lesson 1).

    Weights `w_` (d,) and bias `b_` start at zero. `fit` walks the samples in
    order (shuffled each epoch when `seed` is given), updates after each
    mistake, records `errors_` (updates per epoch) and stops after the first
    epoch with no update, or after `epochs` epochs.
    """

    def __init__(self, lr=1.0, epochs=100, seed=None):
        self.lr = positive(lr, "lr")
        self.epochs = positive(epochs, "epochs", integer=True, minimum=1)
        self.seed = seed

    def fit(self, X, y):
        """Train on X (n, d) float and y (n,) in {0, 1}; returns self."""
        X = as_features(X)
        y = as_labels(y, X.shape[0], n_classes=2)
        rng = np.random.default_rng(self.seed) if self.seed is not None else None
        self.w_ = np.zeros(X.shape[1])
        self.b_ = 0.0
        self.errors_ = []
        for _ in range(self.epochs):
            order = rng.permutation(len(y)) if rng is not None else range(len(y))
            errors = 0
            for i in order:
                update = self.lr * (y[i] - (X[i] @ self.w_ + self.b_ >= 0))
                if update != 0:
                    self.w_ += update * X[i]
                    self.b_ += update
                    errors += 1
            self.errors_.append(errors)
            if errors == 0:
                break
        return self

    @property
    def converged_(self):
        """True when the last epoch made no update."""
        if not hasattr(self, "errors_"):
            raise ValueError("this Perceptron is not fitted yet: call fit(X, y) first")
        return self.errors_[-1] == 0

    def _check_fitted(self, X):
        if not hasattr(self, "w_"):
            raise ValueError("this Perceptron is not fitted yet: call fit(X, y) first")
        return as_features(X, n_features=self.w_.shape[0])

    def decision_function(self, X):
        """z = X @ w + b, shape (n,)."""
        return self._check_fitted(X) @ self.w_ + self.b_

    def predict(self, X):
        """Labels 1 where z >= 0 else 0, shape (n,)."""
        return (self.decision_function(X) >= 0).astype(int)
