"""Splitting data into training, validation and test parts, and scaling it with the training part's
statistics: `train_test_split` (lesson 6), `train_val_test_split` (lesson 9), `standardise` (lesson 10).
Every split is stratified by class and takes `seed` as an argument.
"""
import numpy as np

from ..validation import as_features, in_range
from ..validation import seed as check_seed


def _strata(X, y):
    """Validated X, y, and the stratum of each sample: its class for 1-D labels (integers, strings,
    whole floats), one stratum for other targets (2-D, or real-valued regression targets)."""
    X = as_features(X)
    y = np.asarray(y)
    if y.shape[:1] != X.shape[:1]:
        raise ValueError(f"y must have {X.shape[0]} rows to match X, got shape {y.shape}")
    whole = y.dtype.kind == "f" and bool(np.all(np.isfinite(y))) and bool(np.all(y == np.round(y)))
    is_labels = y.ndim == 1 and (y.dtype.kind in "iubUS" or whole)
    labels = np.unique(y, return_inverse=True)[1] if is_labels else np.zeros(X.shape[0], dtype=int)
    return X, y, labels


def _assign(labels, fractions, rng):
    """Part of each sample (0 = train, j = the j-th fraction's part), drawn class by class."""
    part = np.zeros(labels.size, dtype=int)
    for k in np.unique(labels):
        idx = rng.permutation(np.flatnonzero(labels == k))
        start = 0
        for j, fraction in enumerate(fractions, 1):
            stop = start + int(round(fraction * idx.size))
            part[idx[start:stop]] = j
            start = stop
    return part


def _split(X, y, fractions, names, seed):
    """The parts [(X_0, y_0), (X_1, y_1), ...] of a stratified random split (train first)."""
    X, y, labels = _strata(X, y)
    rng = np.random.default_rng(check_seed(seed))
    part = _assign(labels, fractions, rng)
    counts = np.bincount(part, minlength=len(fractions) + 1)
    if np.any(counts == 0):
        shown = ", ".join(f"{n}={f!r}" for n, f in zip(names, fractions))
        raise ValueError(f"{shown} leaves one part empty for {X.shape[0]} samples")
    return [(X[part == j], y[part == j]) for j in range(len(fractions) + 1)]


def train_test_split(X, y, test_size=0.25, seed=0):
    """Draw a random test set with `seed`: returns X_train, X_test, y_train, y_test.

    Each part keeps the samples in their original order (`MLP.fit` shuffles minibatches itself).
    Stratified when y is 1-D class labels (integers or strings), so each class keeps its share in both
    parts; other targets (2-D, or real-valued regression targets) are split without. Lesson 6.
    """
    test_size = in_range(test_size, "test_size", 0, 1, low_open=True, high_open=True)
    (X_train, y_train), (X_test, y_test) = _split(X, y, [test_size], ["test_size"], seed)
    return X_train, X_test, y_train, y_test


def train_val_test_split(X, y, val_fraction=0.2, test_fraction=0.2, seed=0):
    """Split into training, validation and test sets: returns X_train, y_train, X_val, y_val, X_test, y_test.

    Lesson 9: settings are chosen on the validation set; the test set is touched once, to report.
    Stratified like `train_test_split` (each class keeps its share in every part); each part keeps
    the samples in their original order. Both fractions in (0, 1), their sum below 1.
    """
    val_fraction = in_range(val_fraction, "val_fraction", 0, 1, low_open=True, high_open=True)
    test_fraction = in_range(test_fraction, "test_fraction", 0, 1, low_open=True, high_open=True)
    if not val_fraction + test_fraction < 1:
        raise ValueError(f"val_fraction + test_fraction must be below 1 to leave training data, got "
                         f"{val_fraction!r} + {test_fraction!r}")
    parts = _split(X, y, [val_fraction, test_fraction], ["val_fraction", "test_fraction"], seed)
    return tuple(a for pair in parts for a in pair)


def standardise(X_train, *others):
    """Rescale each feature to mean 0 and standard deviation 1, using X_train's mean and std only
    (a constant column gets std 1). Returns [X_train_s, *others_s], each `(X - mean) / std`.

    Lesson 10: the test set must not leak into the scaling, so its statistics come from X_train alone.
    """
    X_train = as_features(X_train, "X_train")
    arrays = [X_train] + [as_features(X, f"others[{i}]", n_features=X_train.shape[1]) for i, X in enumerate(others)]
    # Work in units of a power of two near each column's largest |value|: exact, and nothing overflows
    # (the std of values near 1e308 would square them).
    scale = np.ldexp(1.0, np.frexp(np.abs(X_train).max(axis=0))[1] - 1)  # |X_train / scale| < 2
    mean, std = (X_train / scale).mean(axis=0), (X_train / scale).std(axis=0)
    std = np.where(std > 0, std, 1.0 / scale)  # a constant column: std 1 in X's own units
    out = []
    for i, X in enumerate(arrays):
        with np.errstate(over="ignore", invalid="ignore"):
            scaled = (X / scale - mean) / std
        if not np.all(np.isfinite(scaled)):
            name = "X_train" if i == 0 else f"others[{i - 1}]"
            raise ValueError(f"{name} overflows when standardised (values too far from X_train's range)")
        out.append(scaled)
    return out
