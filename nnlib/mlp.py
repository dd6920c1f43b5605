"""A multi-layer perceptron of any depth (derived in lessons 3 and 4; trained in 5 and 6).

Notation (samples in rows, layer l = 1..L, a0 = X):

    z_l = a_{l-1} @ W_l + b_l         a_l = f(z_l)  (hidden)     y_hat = g(z_L)  (output)
    delta_L = dJ/dz_L                 (losses.output_delta: (y_hat - Y) / n for matching pairs)
    dW_l = a_{l-1}.T @ delta_l + (l2 / n) W_l        db_l = sum over rows of delta_l
    delta_{l-1} = (delta_l @ W_l.T) * f'(a_{l-1})

`l2` adds l2 / (2n) * sum ||W_l||^2 to the loss (scikit-learn's `alpha`).
Weights start as randn(n_in, n_out) / sqrt(n_in) from np.random.RandomState(seed),
drawn layer by layer; biases start at zero.
"""
import numbers

import numpy as np

from .validate import as_features, as_labels, choice, positive
from .layers import ACTIVATIONS, DERIVATIVES, OUTPUTS
from .losses import LOSSES, output_delta
from .optim import get_optimizer


class History(dict):
    """What `fit` returns: a dict with "loss" (one value per epoch: the mean training loss of
    the epoch's batches, each measured before its update), "val_loss" and "val_accuracy" when
    `validation` is given (val_loss adds the training loss's l2 penalty, so the two curves differ
    only in their data term), and "diverged" (True when training stopped on a non-finite loss).
    Keys also read as attributes: `history.loss`."""

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


class MLP:
    """MLP(layer_sizes, activation="tanh", output="softmax", seed=None).

    layer_sizes: e.g. [2, 3, 2] = 2 inputs, one hidden layer of 3 units, 2 outputs.
    activation:  hidden units, one of layers.ACTIVATIONS ("sigmoid", "tanh", "relu", ...).
    output:      "softmax" (classes), "sigmoid" (one unit: two classes), "identity" (regression).
    params:      list of (W (n_in, n_out), b (n_out,)) per layer; assign to set the weights.
    """

    def __init__(self, layer_sizes, activation="tanh", output="softmax", seed=None):
        if isinstance(layer_sizes, (str, bytes)) or not hasattr(layer_sizes, "__len__") or len(layer_sizes) < 2:
            raise ValueError(f"layer_sizes must list at least 2 sizes (inputs, outputs), got {layer_sizes!r}")
        for s in layer_sizes:
            if isinstance(s, bool) or not isinstance(s, numbers.Integral) or s < 1:
                raise ValueError(f"layer_sizes must be integers >= 1, got {list(layer_sizes)!r}")
        self.layer_sizes = [int(s) for s in layer_sizes]
        self.activation = choice(activation, "activation", ACTIVATIONS)
        self.output = choice(output, "output", OUTPUTS)
        if output == "softmax" and self.layer_sizes[-1] < 2:  # a one-unit softmax always says 1
            raise ValueError(f"output='softmax' needs at least 2 output units, got layer_sizes {self.layer_sizes!r}; "
                             "use output='sigmoid' for one unit")
        self.seed = seed
        rng = np.random.RandomState(seed)
        self.params = [(rng.randn(a, b) / np.sqrt(a), np.zeros(b))
                       for a, b in zip(self.layer_sizes[:-1], self.layer_sizes[1:])]

    @property
    def params(self):
        return self._params

    @params.setter
    def params(self, pairs):
        pairs = list(pairs)
        if len(pairs) != len(self.layer_sizes) - 1:
            raise ValueError(f"params must hold {len(self.layer_sizes) - 1} (W, b) pairs, got {len(pairs)}")
        new = []
        for l, ((W, b), n_in, n_out) in enumerate(zip(pairs, self.layer_sizes[:-1], self.layer_sizes[1:])):
            W, b = np.array(W, dtype=float), np.array(b, dtype=float).reshape(-1)
            if W.shape != (n_in, n_out) or b.shape != (n_out,):
                raise ValueError(f"params[{l}] must be W {(n_in, n_out)} and b ({n_out},), got {W.shape} and {b.shape}")
            new.append((W, b))
        self._params = new

    def __repr__(self):
        return f"MLP({self.layer_sizes}, activation={self.activation!r}, output={self.output!r}, seed={self.seed!r})"

    # --- forward -------------------------------------------------------------------------
    def _forward(self, X):
        """All activations [a0 = X, a1, ..., y_hat]."""
        f = ACTIVATIONS[self.activation]
        acts = [X]
        for W, b in self._params[:-1]:
            acts.append(f(acts[-1] @ W + b))
        W, b = self._params[-1]
        acts.append(OUTPUTS[self.output](acts[-1] @ W + b))
        return acts

    def forward(self, X):
        """Outputs y_hat (n, k): probabilities for softmax and sigmoid outputs."""
        with np.errstate(all="ignore"):
            return self._forward(as_features(X, n_features=self.layer_sizes[0]))[-1]

    def predict_proba(self, X):
        """Class probabilities (n, classes); a one-unit sigmoid gives columns [1 - p, p]."""
        if self.output == "identity":
            raise ValueError("predict_proba needs output='softmax' or 'sigmoid', this MLP has output='identity'")
        p = self.forward(X)
        return np.hstack([1.0 - p, p]) if p.shape[1] == 1 else p

    def predict(self, X):
        """Labels (n,) for a classifier; the outputs themselves for output='identity'."""
        y_hat = self.forward(X)
        if self.output == "identity":
            return y_hat[:, 0] if y_hat.shape[1] == 1 else y_hat
        return self._labels(y_hat)

    def _labels(self, y_hat):
        """Labels from outputs or targets (n, k): argmax for softmax, 0.5 threshold for sigmoid units."""
        if y_hat.shape[1] == 1:
            return (y_hat[:, 0] >= 0.5).astype(int)
        return np.argmax(y_hat, axis=1) if self.output == "softmax" else (y_hat >= 0.5).astype(int)

    def _loss_fn(self, loss):
        """The loss function for a loss name: cross-entropy on sigmoid units is the binary one."""
        return LOSSES["binary_cross_entropy" if loss == "cross_entropy" and self.output == "sigmoid" else loss]

    # --- loss and gradients ------------------------------------------------------------------
    def _loss_name(self, loss):
        if loss is None:
            return "mse" if self.output == "identity" else "cross_entropy"
        choice(loss, "loss", ("cross_entropy", "mse"))
        if loss == "cross_entropy" and self.output == "identity":
            raise ValueError("loss='cross_entropy' needs output='softmax' or 'sigmoid', this MLP has output='identity'")
        return loss

    def _targets(self, y, n, loss, name="y"):
        """Targets as a float matrix Y (n, k): one-hot for class labels."""
        k = self.layer_sizes[-1]
        arr = np.asarray(y)
        classes = self.output == "softmax" or (self.output == "sigmoid" and k == 1)
        if loss == "cross_entropy" and classes or (arr.ndim == 1 and arr.dtype.kind in "iu" and k > 1):
            labels = as_labels(y, n, name=name, n_classes=2 if k == 1 else k)
            return labels[:, None].astype(float) if k == 1 else np.eye(k)[labels]
        try:
            Y = np.array(y, dtype=float)
        except (TypeError, ValueError):
            raise TypeError(f"{name} must be an array of numbers, got {y!r:.60}") from None
        if Y.ndim == 1 and k == 1:
            Y = Y[:, None]
        if Y.shape != (n, k):
            want = f"({n},) or ({n}, 1)" if k == 1 else f"({n}, {k})"
            raise ValueError(f"{name} must have shape {want} for loss={loss!r} with {k} outputs, got shape {np.shape(y)}")
        if not np.all(np.isfinite(Y)):
            raise ValueError(f"{name} must be finite, got NaN or inf")
        if loss == "cross_entropy" and np.any((Y < 0) | (Y > 1)):
            raise ValueError(f"{name} must lie in [0, 1] for loss='cross_entropy' with sigmoid outputs")
        return Y

    def _loss_grads(self, X, Y, loss, l2, n_reg):
        """(J, [dW1, db1, dW2, db2, ...]) at the current params; l2 scaled by the full set's size n_reg."""
        acts = self._forward(X)
        y_hat = acts[-1]
        J = self._loss_fn(loss)(y_hat, Y)
        delta = output_delta(y_hat, Y, self.output, loss)
        df = DERIVATIVES[self.activation]
        grads = [None] * (2 * len(self._params))
        for l in range(len(self._params) - 1, -1, -1):
            W = self._params[l][0]
            dW = acts[l].T @ delta
            if l2:
                J += l2 / (2 * n_reg) * np.sum(W * W)
                dW += (l2 / n_reg) * W
            grads[2 * l], grads[2 * l + 1] = dW, delta.sum(axis=0)
            if l:
                delta = (delta @ W.T) * df(acts[l])
        return float(J), grads

    def _check_common(self, X, y, loss, l2):
        X = as_features(X, n_features=self.layer_sizes[0])
        loss = self._loss_name(loss)
        positive(l2, "l2", minimum=0)
        return X, self._targets(y, X.shape[0], loss), loss

    def loss_and_grads(self, X, y, loss=None, l2=0.0):
        """(loss, [(dW, db), ...]) for the whole set, matching `params`. Lessons 3-4."""
        X, Y, loss = self._check_common(X, y, loss, l2)
        with np.errstate(all="ignore"):
            J, g = self._loss_grads(X, Y, loss, l2, X.shape[0])
        return J, list(zip(g[::2], g[1::2]))

    def _penalty(self, l2, n):
        """l2 / (2n) * sum ||W||^2 over the layers' weights (not the biases)."""
        return l2 / (2 * n) * sum(np.sum(W * W) for W, _ in self._params)

    def loss(self, X, y, loss=None, l2=0.0):
        """The loss alone (no gradients)."""
        X, Y, loss = self._check_common(X, y, loss, l2)
        with np.errstate(all="ignore"):
            y_hat = self._forward(X)[-1]
            return float(self._loss_fn(loss)(y_hat, Y) + self._penalty(l2, X.shape[0]))

    def accuracy(self, X, y):
        """Fraction of samples predicted right: labels (n,) or (n, 1); rows (n, k) for k sigmoid units."""
        pred, y = self.predict(X), np.asarray(y)
        if pred.ndim == 1 and y.ndim == 2 and y.shape[1] == 1:
            y = y[:, 0]
        elif pred.ndim == 2 and y.ndim == 1 and self.output == "sigmoid":
            y = np.eye(pred.shape[1], dtype=int)[as_labels(y, pred.shape[0], n_classes=pred.shape[1])]
        if y.shape != pred.shape:
            raise ValueError(f"y must have shape {pred.shape} to match the predictions, got shape {y.shape}")
        return float(np.mean(pred == y if pred.ndim == 1 else np.all(pred == y, axis=1)))

    # --- training -----------------------------------------------------------------------------
    def fit(self, X, y, epochs=1000, lr=0.1, loss=None, l2=0.0, batch_size=None, optimizer="sgd",
            seed=None, callback=None, validation=None):
        """Train by gradient descent; returns a History (see its docstring). Lessons 5-6.

        lr: a number, or a schedule epoch -> lr (optim.step_decay, ...).
        batch_size: None = full batch; else shuffled minibatches (with `seed`), each sample once per epoch.
        optimizer: a name in optim.OPTIMIZERS or an Optimizer; its state is reset first.
        callback(epoch, net, history): called after each epoch; returning False stops training.
        validation: (X_val, y_val), scored after each epoch into "val_loss" (and "val_accuracy").
        """
        X, Y, loss = self._check_common(X, y, loss, l2)
        positive(epochs, "epochs", integer=True, minimum=1)
        if not callable(lr):
            positive(lr, "lr")
        n = X.shape[0]
        if batch_size is not None:
            positive(batch_size, "batch_size", integer=True, minimum=1)
        if callback is not None and not callable(callback):
            raise TypeError(f"callback must be callable, got {callback!r:.60}")
        if validation is not None:
            if not isinstance(validation, (tuple, list)) or len(validation) != 2:
                raise ValueError(f"validation must be a pair (X_val, y_val), got {validation!r:.60}")
            X_val = as_features(validation[0], "validation X", n_features=self.layer_sizes[0])
            Y_val = self._targets(validation[1], X_val.shape[0], loss, name="validation y")
            truth = None if self.output == "identity" else self._labels(Y_val)  # labels, compared as predictions are
            loss_fn = self._loss_fn(loss)
        opt = get_optimizer(optimizer)
        opt.reset()
        rng = np.random.default_rng(seed)
        arrays = [a for pair in self._params for a in pair]
        history = History(loss=[], diverged=False)
        if validation is not None:
            history["val_loss"], history["val_accuracy"] = [], []
        full = batch_size is None or batch_size >= n
        with np.errstate(all="ignore"):
            for epoch in range(epochs):
                rate = lr(epoch) if callable(lr) else lr
                if full:
                    J, grads = self._loss_grads(X, Y, loss, l2, n)
                    opt.step(arrays, grads, rate)
                else:
                    order, J = rng.permutation(n), 0.0
                    for start in range(0, n, batch_size):
                        idx = order[start:start + batch_size]
                        Jb, grads = self._loss_grads(X[idx], Y[idx], loss, l2, n)
                        opt.step(arrays, grads, rate)
                        J += Jb * len(idx) / n
                if not np.isfinite(J):
                    history["diverged"] = True
                    break
                history["loss"].append(J)
                if validation is not None:
                    y_hat = self._forward(X_val)[-1]  # one forward pass scores both
                    history["val_loss"].append(float(loss_fn(y_hat, Y_val)) + float(self._penalty(l2, n)))
                    if truth is not None:
                        right = self._labels(y_hat) == truth
                        history["val_accuracy"].append(float(np.mean(right if right.ndim == 1 else right.all(axis=1))))
                if callback is not None and callback(epoch, self, history) is False:
                    break
        return history
