"""The best accuracy any classifier can reach on the moons (the Bayes ceiling). Lesson 8 derives it; lesson 9
draws it under its learning curve.

scikit-learn's make_moons spreads each class evenly along a half circle and adds Gaussian noise of standard
deviation `noise`, so each class's density is known: the ceiling is the share of fresh points at which the
likelier class is the true one.
"""
import numpy as np

from ..validation import in_range, positive
from ..validation import seed as check_seed
from .sets import MAX_SEED, moons

ARC_POINTS = 400   # the half circles as 400 evenly spaced centres: the density of an even spread along the arc
CHUNK = 5000       # points per block: (CHUNK, ARC_POINTS, 2) floats at a time


def class_densities(X, noise):
    """Each moon's density at the points X (n, 2), up to a common factor: (n, 2), column c for class c."""
    arc = np.linspace(0, np.pi, ARC_POINTS)
    centres = [np.column_stack([np.cos(arc), np.sin(arc)]), np.column_stack([1 - np.cos(arc), 0.5 - np.sin(arc)])]
    return np.column_stack([np.exp(-((X[:, None, :] - c) ** 2).sum(-1) / (2 * noise**2)).mean(1) for c in centres])


def moons_bayes_accuracy(noise, n=100_000, seed=1):
    """The Bayes ceiling of the moons with this `noise` (> 0), estimated on n fresh points (standard error
    sqrt(a (1 - a) / n)). Lessons 8 and 9."""
    noise = in_range(noise, "noise", 0, 10, low_open=True)
    n = positive(n, "n", integer=True, minimum=1)
    if n > 10_000_000:
        raise ValueError(f"n must be at most 10000000 (about a minute of work), got {n!r}")
    X, y = moons(n, noise=noise, seed=check_seed(seed, maximum=MAX_SEED))
    right = sum(int(np.sum(class_densities(X[s:s + CHUNK], noise).argmax(1) == y[s:s + CHUNK]))
                for s in range(0, n, CHUNK))
    return right / n
