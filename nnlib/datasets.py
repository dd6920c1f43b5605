"""Toy data sets for the course, all made locally (plumbing, not lesson).

Lesson 1 uses the logic gates; lessons 5-7 use the seeded 2-D sets. Every
generator returns `X` float of shape (n, 2) and `y` int of shape (n,), and
takes `seed` as an argument: nothing here touches numpy's global state.
"""
import numpy as np

from .validate import as_features, choice, positive

_GATES = {
    "and": [0, 0, 0, 1],
    "or": [0, 1, 1, 1],
    "nand": [1, 1, 1, 0],
    "xor": [0, 1, 1, 0],
}


def logic_gate(name):
    """Truth table of a 2-input gate ("and", "or", "nand", "xor"): X (4, 2) float, y (4,) int.

    Lesson 1 (perceptron) and lesson 2 (XOR by hand).
    """
    key = name.lower() if isinstance(name, str) else name
    if not isinstance(key, str) or key not in _GATES:
        choice(name, "name", _GATES)  # raises, showing the value as given
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    return X, np.array(_GATES[key], dtype=int)


def _check(n, noise, min_n=2):
    positive(n, "n", integer=True, minimum=min_n)
    positive(noise, "noise", minimum=0)


def moons(n=200, noise=0.2, seed=0):
    """Two interleaving half circles (scikit-learn's make_moons). Lesson 5."""
    _check(n, noise)
    from sklearn.datasets import make_moons  # imported here: sklearn is slow to import
    X, y = make_moons(n, noise=noise, random_state=seed)
    return X, y.astype(int)


def circles(n=200, noise=0.1, seed=0, factor=0.5):
    """A disc inside a ring (scikit-learn's make_circles); class 1 is the inner disc. Lesson 7."""
    _check(n, noise)
    from sklearn.datasets import make_circles
    X, y = make_circles(n, noise=noise, factor=factor, random_state=seed)
    return X, y.astype(int)


def blobs(n=200, noise=1.0, seed=0, classes=2):
    """Gaussian blobs with standard deviation `noise` around `classes` fixed centres. Lesson 7."""
    _check(n, noise)
    positive(classes, "classes", integer=True, minimum=2)
    angles = 2 * np.pi * np.arange(classes) / classes + np.pi / 4
    centers = 2.0 * np.column_stack([np.cos(angles), np.sin(angles)])
    from sklearn.datasets import make_blobs
    X, y = make_blobs(n, centers=centers, cluster_std=noise, random_state=seed)
    return X, y.astype(int)


def xor(n=200, noise=0.0, seed=0):
    """Points in the square [-1, 1]^2 labelled by the sign of x1*x2 (1 where x1*x2 < 0). Lesson 7."""
    _check(n, noise)
    rng = np.random.default_rng(seed)
    X = rng.uniform(-1, 1, size=(n, 2))
    X[:, 0] += np.where(X[:, 0] > 0, 0.05, -0.05)  # a small margin between the quadrants
    X[:, 1] += np.where(X[:, 1] > 0, 0.05, -0.05)
    y = (X[:, 0] * X[:, 1] < 0).astype(int)
    return X + noise * rng.standard_normal(X.shape), y


def spiral(n=300, noise=0.2, seed=0, classes=3):
    """`classes` interleaved spiral arms (the cs231n spiral), n points in all: n // classes per
    arm, the first n % classes arms one more. Lesson 6."""
    positive(classes, "classes", integer=True, minimum=2)
    _check(n, noise, min_n=classes)
    rng = np.random.default_rng(seed)
    counts = [n // classes + (k < n % classes) for k in range(classes)]
    y = np.repeat(np.arange(classes), counts)
    r = np.concatenate([np.linspace(0.0, 1.0, c) for c in counts])
    t = y * 4.0 + np.concatenate([np.linspace(0, 4, c) for c in counts]) + noise * rng.standard_normal(n)
    X = np.column_stack([r * np.sin(t), r * np.cos(t)])
    return X, y


DATASETS = {"moons": moons, "circle": circles, "gaussian": blobs, "xor": xor, "spiral": spiral}


def make(name, n=200, noise=0.2, seed=0):
    """Any data set above by name: "moons", "circle", "gaussian", "xor", "spiral". Lesson 7."""
    choice(name, "name", DATASETS)
    return DATASETS[name](n=n, noise=noise, seed=seed)


def train_test_split(X, y, test_size=0.25, seed=0):
    """Draw a random test set with `seed`: returns X_train, X_test, y_train, y_test.

    Each part keeps the samples in their original order (`MLP.fit` shuffles minibatches itself).

    Stratified when y is 1-D class labels (integers or strings), so each class keeps its share in both
    parts; other targets (2-D, or real-valued regression targets) are split without. Lesson 5.
    """
    X = as_features(X)
    y = np.asarray(y)
    if y.shape[:1] != X.shape[:1]:
        raise ValueError(f"y must have {X.shape[0]} rows to match X, got shape {y.shape}")
    positive(test_size, "test_size")
    if not test_size < 1:
        raise ValueError(f"test_size must be a fraction between 0 and 1, got {test_size!r}")
    rng = np.random.default_rng(seed)
    is_labels = y.ndim == 1 and (y.dtype.kind in "iubUS" or (y.dtype.kind == "f" and np.all(y == np.round(y))))
    labels = np.unique(y, return_inverse=True)[1] if is_labels else np.zeros(X.shape[0], dtype=int)
    test = np.zeros(X.shape[0], dtype=bool)
    for k in np.unique(labels):
        idx = rng.permutation(np.flatnonzero(labels == k))
        test[idx[: int(round(test_size * idx.size))]] = True
    if test.all() or not test.any():
        raise ValueError(f"test_size={test_size!r} leaves one part empty for {X.shape[0]} samples")
    return X[~test], X[test], y[~test], y[test]
