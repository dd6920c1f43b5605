"""Losses and their gradient at the output's pre-activation z (lessons 3-5).

    mse            J = 1/(2n) sum_i sum_k (y_hat_ik - Y_ik)^2            (lesson 3)
    cross_entropy  J = -1/n sum_i log p_i,true                           (lesson 4: why; lesson 5)
                   (a one-unit sigmoid output: binary cross-entropy)

For the matching pairs the gradient dJ/dz at the output is the same short
expression, (y_hat - Y) / n:  softmax + cross-entropy, sigmoid + binary
cross-entropy, identity + mse.  Other pairs multiply by the output's
derivative (sigmoid + mse) or its Jacobian (softmax + mse).

Y is the target as a float matrix (n, k) of the same shape as y_hat: one-hot for softmax
classifiers. A Y of another shape is refused (ValueError), never broadcast: mse of y_hat (4, 1)
against Y (4,) would otherwise compare every output with every target.
Logs are clipped at EPS so a confident wrong answer costs a large finite loss; CEILING = -log(EPS)
is the most one sample can cost (divergence.diverged treats a loss at CEILING as diverged).

The tables LOSSES and DELTAS hold the unchecked functions MLP uses in its inner loop; the
functions below check their arguments first.
"""
import math

import numpy as np

from .validation import affordable, as_labels, choice, positive, real_array

EPS = 1e-12
CEILING = -math.log(EPS)


def _mse(y_hat, Y):
    return 0.5 * np.sum((y_hat - Y) ** 2) / Y.shape[0]


def _cross_entropy(p, Y):
    return -np.sum(Y * np.log(np.clip(p, EPS, 1.0))) / Y.shape[0]


def _binary_cross_entropy(p, Y):
    p = np.clip(p, EPS, 1.0 - EPS)
    return -np.sum(Y * np.log(p) + (1.0 - Y) * np.log(1.0 - p)) / Y.shape[0]


def _matching(y_hat, Y):  # softmax + cross-entropy, sigmoid + binary cross-entropy, identity + mse
    return (y_hat - Y) / Y.shape[0]


def _sigmoid_mse(y_hat, Y):  # mse through the sigmoid: times sigma'(z) = y_hat (1 - y_hat)
    return (y_hat - Y) / Y.shape[0] * y_hat * (1.0 - y_hat)


def _softmax_mse(y_hat, Y):  # mse through the softmax: J^T g with J = diag(p) - p p^T
    g = (y_hat - Y) / Y.shape[0]
    return y_hat * (g - np.sum(g * y_hat, axis=1, keepdims=True))


LOSSES = {"mse": _mse, "cross_entropy": _cross_entropy, "binary_cross_entropy": _binary_cross_entropy}
# dJ/dz at the output for each (output, loss) pair: DELTAS[output, loss](y_hat, Y)
DELTAS = {("softmax", "cross_entropy"): _matching, ("sigmoid", "cross_entropy"): _matching,
          ("identity", "mse"): _matching, ("sigmoid", "mse"): _sigmoid_mse, ("softmax", "mse"): _softmax_mse}


def _pair(y_hat, Y, name="y_hat", probabilities=False):
    """Both as finite float arrays (n, k) of one shape; probabilities must lie in [0, 1]."""
    arrays = []
    for value, label in ((y_hat, name), (Y, "Y")):
        arr = real_array(value, label, finite=True, what="an array of numbers")
        if arr.ndim == 1:
            arr = arr[:, None]
        if arr.ndim != 2 or arr.shape[0] == 0:
            raise ValueError(f"{label} must have shape (n, k) with n >= 1, got shape {np.shape(value)}")
        arrays.append(arr)
    if np.shape(y_hat) != np.shape(Y):
        raise ValueError(f"Y must have the shape of {name} {np.shape(y_hat)}, got shape {np.shape(Y)} "
                         "(reshape one of them; they are not broadcast)")
    if probabilities and np.any((arrays[0] < 0) | (arrays[0] > 1)):
        raise ValueError(f"{name} must hold probabilities in [0, 1]")
    return arrays


def mse(y_hat, Y):
    """1/(2n) * sum of squared errors; y_hat and Y of one shape, (n,) or (n, k). Lesson 3."""
    return float(_mse(*_pair(y_hat, Y)))


def cross_entropy(p, Y):
    """Categorical cross-entropy of softmax probabilities p (n, k) against one-hot (or soft) Y (n, k). Lesson 5."""
    p, Y = _pair(p, Y, "p", probabilities=True)
    return float(_cross_entropy(p, Y))


def binary_cross_entropy(p, Y):
    """Per-unit binary cross-entropy of sigmoid outputs p (n, k) against 0/1 targets Y (n, k). Lesson 4."""
    p, Y = _pair(p, Y, "p", probabilities=True)
    return float(_binary_cross_entropy(p, Y))


def output_delta(y_hat, Y, output, loss):
    """dJ/dz at the output layer, shape (n, k), for the given output activation and loss. Lessons 4-4."""
    choice(output, "output", ("softmax", "sigmoid", "identity"))
    choice(loss, "loss", ("cross_entropy", "mse"))
    if (output, loss) not in DELTAS:
        raise ValueError(f"loss={loss!r} needs output='softmax' or 'sigmoid', got output={output!r}")
    y_hat, Y = _pair(y_hat, Y)
    return DELTAS[output, loss](y_hat, Y)


def loss_name(loss, output):
    """The loss for an output: None picks the natural one (mse for 'identity', else cross_entropy)."""
    choice(output, "output", ("softmax", "sigmoid", "identity"))
    if loss is None:
        return "mse" if output == "identity" else "cross_entropy"
    choice(loss, "loss", ("cross_entropy", "mse"))
    if loss == "cross_entropy" and output == "identity":
        raise ValueError("loss='cross_entropy' needs output='softmax' or 'sigmoid', this MLP has output='identity'")
    return loss


def targets(y, n, k, output, loss, name="y"):
    """Targets as a checked float matrix Y (n, k) for a network with k outputs: one-hot rows from class
    labels (n,) in 0..k-1 (0/1 for one sigmoid unit); values (n,) or (n, k) for mse; rows in [0, 1]
    for k sigmoid units with cross-entropy. Lessons 4-4."""
    positive(n, "n", integer=True, minimum=1), positive(k, "k", integer=True, minimum=1)
    loss = loss_name(loss, output)
    try:
        arr = np.asarray(y)
    except (TypeError, ValueError):  # ragged lists
        raise TypeError(f"{name} must be an array of labels or targets, got {y!r:.60}") from None
    classes = output == "softmax" or (output == "sigmoid" and k == 1)
    if loss == "cross_entropy" and classes or (arr.ndim == 1 and arr.dtype.kind in "iu" and k > 1):
        labels = as_labels(y, n, name=name, n_classes=2 if k == 1 else k)
        return labels[:, None].astype(float) if k == 1 else _encode(labels, k)
    Y = real_array(y, name, finite=True, what="an array of real numbers")
    if Y.ndim == 1 and k == 1:
        Y = Y[:, None]
    if Y.shape != (n, k):
        want = f"({n},) or ({n}, 1)" if k == 1 else f"({n}, {k})"
        raise ValueError(f"{name} must have shape {want} for loss={loss!r} with {k} outputs, got shape {np.shape(y)}")
    if loss == "cross_entropy" and np.any((Y < 0) | (Y > 1)):
        raise ValueError(f"{name} must lie in [0, 1] for loss='cross_entropy' with sigmoid outputs")
    return Y


def one_hot(labels, k, dtype=float):
    """Rows of k zeros with a 1 at each label in 0..k-1, shape (n, k); refuses sizes beyond memory."""
    positive(k, "k", integer=True, minimum=1)
    if isinstance(labels, (str, bytes)) or not hasattr(labels, "__len__"):
        raise TypeError(f"labels must be an array of integer labels, got {labels!r:.60}")
    return _encode(as_labels(labels, len(labels), "labels", n_classes=k), k, dtype)


def _encode(labels, k, dtype=float):
    """Checked labels (n,) in 0..k-1 as one-hot rows (n, k): the one place labels become targets
    (one_hot and targets both end here); refuses sizes beyond memory."""
    affordable(len(labels) * k, "one-hot targets of shape", (len(labels), k))
    Y = np.zeros((len(labels), k), dtype=dtype)
    Y[np.arange(len(labels)), labels] = 1
    return Y
