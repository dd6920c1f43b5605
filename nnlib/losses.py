"""Losses and their gradient at the output's pre-activation z (lessons 2-4).

    mse            J = 1/(2n) sum_i sum_k (y_hat_ik - Y_ik)^2            (lesson 2)
    cross_entropy  J = -1/n sum_i log p_i,true                           (lesson 4)
                   (a one-unit sigmoid output: binary cross-entropy)

For the matching pairs the gradient dJ/dz at the output is the same short
expression, (y_hat - Y) / n:  softmax + cross-entropy, sigmoid + binary
cross-entropy, identity + mse.  Other pairs multiply by the output's
derivative (sigmoid + mse) or its Jacobian (softmax + mse).

Y is the target as a float matrix (n, k): one-hot for softmax classifiers.
Logs are clipped at EPS so a confident wrong answer costs a large finite loss.
"""
import numpy as np

EPS = 1e-12


def mse(y_hat, Y):
    return 0.5 * np.sum((y_hat - Y) ** 2) / Y.shape[0]


def cross_entropy(p, Y):
    """Categorical cross-entropy of softmax probabilities p (n, k) against one-hot Y (n, k)."""
    return -np.sum(Y * np.log(np.clip(p, EPS, 1.0))) / Y.shape[0]


def binary_cross_entropy(p, Y):
    """Per-unit binary cross-entropy of sigmoid outputs p (n, k) against 0/1 targets Y (n, k)."""
    p = np.clip(p, EPS, 1.0 - EPS)
    return -np.sum(Y * np.log(p) + (1.0 - Y) * np.log(1.0 - p)) / Y.shape[0]


LOSSES = {"mse": mse, "cross_entropy": cross_entropy, "binary_cross_entropy": binary_cross_entropy}


def output_delta(y_hat, Y, output, loss):
    """dJ/dz at the output layer, shape (n, k), for the given output activation and loss."""
    n = Y.shape[0]
    g = (y_hat - Y) / n
    if loss == "cross_entropy" or output == "identity":
        return g
    if output == "sigmoid":  # mse through the sigmoid
        return g * y_hat * (1.0 - y_hat)
    # mse through the softmax: J^T g with J = diag(p) - p p^T
    return y_hat * (g - np.sum(g * y_hat, axis=1, keepdims=True))
