"""Weight penalties: L2 (lesson 6, 06_moons) and L1 (lesson 6, derived beside L2).

With n the number of training samples and the sums over every layer's weights W (never the biases):

    L2   penalty  l2 / (2n) * sum W^2        gradient  (l2 / n) * W         (scikit-learn's alpha)
    L1   penalty  l1 / n    * sum |W|        gradient  (l1 / n) * sign(W)   (sign(0) = 0)

L2 shrinks each weight in proportion to its size; L1 pulls every weight towards 0 by the same step,
so small weights reach exactly 0 (a sparse network). MLP.fit and MLP.train_epoch take both.
"""
import numpy as np

from .validation import positive


def _weights(weights):
    try:
        arrays = [np.asarray(W, dtype=float) for W in weights]
    except (TypeError, ValueError):
        raise TypeError(f"weights must be a list of arrays of numbers, got {weights!r:.60}") from None
    if not all(np.all(np.isfinite(W)) for W in arrays):
        raise ValueError("weights must be finite, got NaN or inf")
    return arrays


def l2_penalty(weights, l2, n):
    """l2 / (2n) * sum of the squares of every array in `weights` (lesson 6)."""
    l2, n = positive(l2, "l2", minimum=0), positive(n, "n", integer=True, minimum=1)
    with np.errstate(over="ignore"):  # weights of 1e200 give an honest inf
        return l2 / (2 * n) * sum(float(np.sum(W * W)) for W in _weights(weights))


def l1_penalty(weights, l1, n):
    """l1 / n * sum of the absolute values of every array in `weights` (lesson 6)."""
    l1, n = positive(l1, "l1", minimum=0), positive(n, "n", integer=True, minimum=1)
    with np.errstate(over="ignore"):
        return l1 / n * sum(float(np.sum(np.abs(W))) for W in _weights(weights))


def l1_gradient(W, l1, n):
    """d(l1 / n * sum |W|) / dW = (l1 / n) * sign(W), shape of W (lesson 6)."""
    l1, n = positive(l1, "l1", minimum=0), positive(n, "n", integer=True, minimum=1)
    return (l1 / n) * np.sign(_weights([W])[0])
