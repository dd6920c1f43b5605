"""The course's data sets, all made locally, nothing downloaded (plumbing, not lesson).

Lesson 1 uses the logic gates; lessons 6-8 the seeded 2-D sets; lesson 12 the 8x8 digits. Every
2-D generator returns `X` float of shape (n, 2) and `y` int of shape (n,), and takes `seed` (an int
in [0, 2**32), or None) as an argument: nothing here touches numpy's global state.
"""
import numpy as np

from ..validation import affordable, choice, in_range, positive
from ..validation import seed as check_seed

MAX_NOISE = 1000.0  # more noise than this drowns every pattern (and 1e308 would overflow to inf)
MAX_SEED = 2**32 - 1  # scikit-learn's generators take seeds below 2**32

_GATES = {
    "and": [0, 0, 0, 1],
    "or": [0, 1, 1, 1],
    "nand": [1, 1, 1, 0],
    "xor": [0, 1, 1, 0],
}


def logic_gate(name):
    """Truth table of a 2-input gate ("and", "or", "nand", "xor"): X (4, 2) float, y (4,) int.

    Lesson 1 (perceptron) and lesson 3 (XOR by hand).
    """
    key = name.lower() if isinstance(name, str) else name
    if not isinstance(key, str) or key not in _GATES:
        choice(name, "name", _GATES)  # raises, showing the value as given
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    return X, np.array(_GATES[key], dtype=int)


def _check(n, noise, seed, min_n=2):
    """Validate a generator's n, noise and seed; return n (int), noise (float) and the seed (int or None)."""
    n = positive(n, "n", integer=True, minimum=min_n)
    affordable(3 * n, "n", n)  # X (n, 2) and y (n,)
    noise = in_range(noise, "noise", 0, MAX_NOISE)
    return n, noise, check_seed(seed, maximum=MAX_SEED)


def _random_state(n, noise, seed):
    """n, noise and scikit-learn's random_state for a validated seed: None becomes a fresh generator, so
    numpy's global one is never drawn from."""
    n, noise, seed = _check(n, noise, seed)
    return n, noise, np.random.RandomState() if seed is None else seed


def moons(n=200, noise=0.2, seed=0):
    """Two interleaving half circles (scikit-learn's make_moons). Lesson 6."""
    n, noise, seed = _random_state(n, noise, seed)
    from sklearn.datasets import make_moons  # imported here: sklearn is slow to import
    X, y = make_moons(int(n), noise=noise, random_state=seed)
    return X, y.astype(int)


def circles(n=200, noise=0.1, seed=0, factor=0.5):
    """A disc inside a ring (scikit-learn's make_circles); class 1 is the inner disc, `factor` its
    radius relative to the ring's, in [0, 1). Lesson 8."""
    n, noise, seed = _random_state(n, noise, seed)
    factor = in_range(factor, "factor", 0, 1, high_open=True)
    from sklearn.datasets import make_circles
    X, y = make_circles(int(n), noise=noise, factor=factor, random_state=seed)
    return X, y.astype(int)


def blobs(n=200, noise=1.0, seed=0, classes=2):
    """Gaussian blobs with standard deviation `noise` around `classes` fixed centres (2 <= classes <= n).
    Lesson 8."""
    classes = positive(classes, "classes", integer=True, minimum=2)
    n, noise, seed = _random_state(n, noise, seed)
    if classes > n:
        raise ValueError(f"classes must be at most n={n} (one sample per class at least), got {classes!r}")
    angles = 2 * np.pi * np.arange(classes) / classes + np.pi / 4
    centers = 2.0 * np.column_stack([np.cos(angles), np.sin(angles)])
    from sklearn.datasets import make_blobs
    X, y = make_blobs(int(n), centers=centers, cluster_std=noise, random_state=seed)
    return X, y.astype(int)


def xor(n=200, noise=0.0, seed=0):
    """Points in the square [-1, 1]^2 labelled by the sign of x1*x2 (1 where x1*x2 < 0). Lesson 8."""
    n, noise, seed = _check(n, noise, seed)
    rng = np.random.default_rng(seed)
    X = rng.uniform(-1, 1, size=(n, 2))
    X[:, 0] += np.where(X[:, 0] > 0, 0.05, -0.05)  # a small margin between the quadrants
    X[:, 1] += np.where(X[:, 1] > 0, 0.05, -0.05)
    y = (X[:, 0] * X[:, 1] < 0).astype(int)
    return X + noise * rng.standard_normal(X.shape), y


def spiral(n=300, noise=0.2, seed=0, classes=3):
    """`classes` interleaved spiral arms (the cs231n spiral), n points in all: n // classes per
    arm, the first n % classes arms one more. Lesson 7."""
    classes = positive(classes, "classes", integer=True, minimum=2)
    n, noise, seed = _check(n, noise, seed, min_n=classes)
    rng = np.random.default_rng(seed)
    counts = [n // classes + (k < n % classes) for k in range(classes)]
    y = np.repeat(np.arange(classes), counts)
    r = np.concatenate([np.linspace(0.0, 1.0, c) for c in counts])
    t = y * 4.0 + np.concatenate([np.linspace(0, 4, c) for c in counts]) + noise * rng.standard_normal(n)
    X = np.column_stack([r * np.sin(t), r * np.cos(t)])
    return X, y


DATASETS = {"moons": moons, "circle": circles, "gaussian": blobs, "xor": xor, "spiral": spiral}


def make(name, n=200, noise=0.2, seed=0):
    """Any data set above by name: "moons", "circle", "gaussian", "xor", "spiral". Lesson 8."""
    choice(name, "name", DATASETS)
    return DATASETS[name](n=n, noise=noise, seed=seed)


def digits():
    """scikit-learn's bundled 8x8 handwritten digits (no download): X (1797, 64) float, each pixel an
    ink count in [0, 16], and y (1797,) int in 0..9. Lesson 12."""
    from sklearn.datasets import load_digits
    data = load_digits()
    return data.data.astype(float), data.target.astype(int)
