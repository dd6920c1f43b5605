"""Unit tests for nnlib.data: logic gates, the seeded 2-D sets, make() and train_test_split."""
import re

import numpy as np
import pytest

from nnlib import data as datasets
from nnlib.data import logic_gate, train_test_split

TRUTH = {"and": [0, 0, 0, 1], "or": [0, 1, 1, 1], "nand": [1, 1, 1, 0], "xor": [0, 1, 1, 0]}
GENERATORS = ["moons", "circles", "blobs", "xor", "spiral"]


# --- logic gates -------------------------------------------------------------------------------
@pytest.mark.parametrize("name", sorted(TRUTH))
def test_logic_gate_shapes_and_truth_table(name):
    X, y = logic_gate(name)
    assert X.shape == (4, 2) and X.dtype.kind == "f"
    assert y.shape == (4,) and y.dtype.kind == "i"
    np.testing.assert_array_equal(X, [[0, 0], [0, 1], [1, 0], [1, 1]])
    # the truth table from the operator itself, not from a copy of the module's table
    ops = {"and": lambda a, b: a & b, "or": lambda a, b: a | b,
           "nand": lambda a, b: 1 - (a & b), "xor": lambda a, b: a ^ b}
    want = [ops[name](int(a), int(b)) for a, b in X]
    assert y.tolist() == want == TRUTH[name]


@pytest.mark.parametrize("name", ["AND", "Xor", "nAnD"])
def test_logic_gate_is_case_insensitive(name):
    X, y = logic_gate(name)
    assert y.tolist() == TRUTH[name.lower()]


@pytest.mark.parametrize("bad", ["xnor", "NOR", "", 3, None, ["and"]])
def test_logic_gate_unknown_name(bad):
    pattern = r"name must be one of \['and', 'nand', 'or', 'xor'\], got " + re.escape(repr(bad))
    with pytest.raises(ValueError, match=pattern):
        logic_gate(bad)


def test_logic_gate_returns_fresh_arrays():
    X, y = logic_gate("and")
    X[0, 0], y[0] = 9, 9
    X2, y2 = logic_gate("and")
    assert X2[0, 0] == 0 and y2[0] == 0


# --- seeded 2-D sets -----------------------------------------------------------------------------
@pytest.mark.parametrize("gen", GENERATORS)
@pytest.mark.parametrize("n", [2, 7, 60, 301])
def test_generator_shapes_and_dtypes(gen, n):
    if gen == "spiral" and n < 3:  # one point per arm at least
        with pytest.raises(ValueError, match=r"n must be >= 3, got 2"):
            datasets.spiral(n=n)
        return
    X, y = getattr(datasets, gen)(n=n)
    assert X.shape == (n, 2) and X.dtype == np.float64
    assert y.shape == (n,) and y.dtype.kind == "i"
    assert np.all(np.isfinite(X))
    assert set(np.unique(y)) <= set(range(3))


@pytest.mark.parametrize("gen", GENERATORS)
def test_generator_both_classes_present(gen):
    X, y = getattr(datasets, gen)(n=120)
    assert len(np.unique(y)) >= 2


@pytest.mark.parametrize("gen", GENERATORS)
def test_generator_seeding(gen):
    f = getattr(datasets, gen)
    X1, y1 = f(n=50, seed=3)
    X2, y2 = f(n=50, seed=3)
    np.testing.assert_array_equal(X1, X2)
    np.testing.assert_array_equal(y1, y2)
    X3, _ = f(n=50, seed=4)
    assert not np.allclose(X1, X3)


@pytest.mark.parametrize("gen", GENERATORS)
def test_generator_leaves_global_rng_alone(gen):
    np.random.seed(123)
    before = np.random.random()
    np.random.seed(123)
    getattr(datasets, gen)(n=30, seed=1)
    assert np.random.random() == before


def test_spiral_counts_per_class():
    _, y = datasets.spiral(n=200, classes=3)
    assert np.bincount(y).tolist() == [67, 67, 66]
    _, y = datasets.spiral(n=300, classes=3)
    assert np.bincount(y).tolist() == [100, 100, 100]
    _, y = datasets.spiral(n=40, classes=4)
    assert np.bincount(y).tolist() == [10] * 4


def test_blobs_classes():
    _, y = datasets.blobs(n=90, classes=3)
    assert sorted(np.unique(y)) == [0, 1, 2]


def test_xor_labels_follow_quadrants_without_noise():
    X, y = datasets.xor(n=200, noise=0.0)
    np.testing.assert_array_equal(y, (X[:, 0] * X[:, 1] < 0).astype(int))
    assert np.all(np.abs(X) >= 0.05)  # the margin between quadrants


def test_noise_zero_allowed():
    X, y = datasets.moons(n=10, noise=0)
    assert X.shape == (10, 2)


@pytest.mark.parametrize("gen", GENERATORS)
@pytest.mark.parametrize("bad, exc, pattern", [
    (-0.1, ValueError, r"noise must be in \[0, 1000\.0\], got -0\.1"),
    (float("nan"), ValueError, r"noise must be a finite number in \[0, 1000\.0\], got nan"),
    ("a", TypeError, r"noise must be a number, got 'a'"),
    (None, TypeError, r"noise must be a number, got None"),
])
def test_bad_noise(gen, bad, exc, pattern):
    with pytest.raises(exc, match=pattern):
        getattr(datasets, gen)(n=20, noise=bad)


@pytest.mark.parametrize("gen", GENERATORS)
@pytest.mark.parametrize("bad, exc, pattern", [
    (1, ValueError, r"n must be >= \d, got 1"),
    (0, ValueError, r"n must be >= \d, got 0"),
    (-5, ValueError, r"n must be >= \d, got -5"),
    (10.0, TypeError, r"n must be an integer, got 10\.0"),
    (True, TypeError, r"n must be an integer, got True"),
    ("100", TypeError, r"n must be an integer, got '100'"),
])
def test_bad_n(gen, bad, exc, pattern):
    with pytest.raises(exc, match=pattern):
        getattr(datasets, gen)(n=bad)


@pytest.mark.parametrize("gen", ["blobs", "spiral"])
@pytest.mark.parametrize("bad, exc, pattern", [
    (1, ValueError, r"classes must be >= 2, got 1"),
    (2.5, TypeError, r"classes must be an integer, got 2\.5"),
    ("3", TypeError, r"classes must be an integer, got '3'"),
])
def test_bad_classes(gen, bad, exc, pattern):
    with pytest.raises(exc, match=pattern):
        getattr(datasets, gen)(n=30, classes=bad)


# --- make ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("name, gen", [("moons", "moons"), ("circle", "circles"), ("gaussian", "blobs"),
                                       ("xor", "xor"), ("spiral", "spiral")])
def test_make_matches_generator(name, gen):
    X, y = datasets.make(name, n=60, noise=0.1, seed=2)
    X2, y2 = getattr(datasets, gen)(n=60, noise=0.1, seed=2)
    assert X.shape == (60, 2)
    np.testing.assert_array_equal(X, X2)
    np.testing.assert_array_equal(y, y2)


@pytest.mark.parametrize("name", list(datasets.DATASETS))
def test_make_defaults(name):
    X, y = datasets.make(name)
    assert X.shape == (200, 2) and y.shape == (200,)


@pytest.mark.parametrize("bad", ["banana", "Moons", 1])
def test_make_unknown_name(bad):
    with pytest.raises(ValueError, match=r"name must be one of \[.*'moons'.*\], got " + re.escape(repr(bad))):
        datasets.make(bad)


# --- train_test_split ----------------------------------------------------------------------------
def test_split_sizes_and_types():
    X, y = datasets.moons(200, seed=1)
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, seed=0)
    assert X_tr.shape == (150, 2) and X_te.shape == (50, 2)
    assert y_tr.shape == (150,) and y_te.shape == (50,)
    assert y_tr.dtype.kind == "i"


def _rows(A):
    return [tuple(r) for r in np.asarray(A)]


def test_split_disjoint_and_complete():
    X, y = datasets.blobs(101, seed=5, classes=3)
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.3, seed=7)
    assert len(set(_rows(X_tr)) & set(_rows(X_te))) == 0
    assert sorted(_rows(X_tr) + _rows(X_te)) == sorted(_rows(X))
    # each row keeps its own label
    lookup = dict(zip(_rows(X), y.tolist()))
    assert [lookup[r] for r in _rows(X_tr)] == y_tr.tolist()
    assert [lookup[r] for r in _rows(X_te)] == y_te.tolist()


def test_split_stratified():
    X = np.arange(100, dtype=float).reshape(50, 2)
    y = np.array([0] * 40 + [1] * 10)
    _, _, y_tr, y_te = train_test_split(X, y, test_size=0.2, seed=3)
    assert np.bincount(y_te).tolist() == [8, 2]
    assert np.bincount(y_tr).tolist() == [32, 8]


def test_split_stratified_string_labels():
    X = np.arange(40, dtype=float).reshape(20, 2)
    y = np.array(["a"] * 12 + ["b"] * 8)
    _, _, y_tr, y_te = train_test_split(X, y, test_size=0.25, seed=0)
    assert sorted(y_te.tolist()) == ["a"] * 3 + ["b"] * 2


def test_split_regression_targets():
    X = np.arange(40, dtype=float).reshape(20, 2)
    y = np.linspace(0, 1, 20) + 0.013  # real-valued targets: no classes to stratify by
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, seed=0)
    assert X_te.shape == (5, 2) and y_te.shape == (5,)
    np.testing.assert_array_equal(X_te[:, 0] / 2, np.searchsorted(y, y_te))


def test_split_2d_targets():
    X = np.arange(40, dtype=float).reshape(20, 2)
    Y = np.eye(2)[np.arange(20) % 2]
    X_tr, X_te, Y_tr, Y_te = train_test_split(X, Y, test_size=0.25, seed=0)
    assert Y_tr.shape == (15, 2) and Y_te.shape == (5, 2)


def test_split_seeded():
    X, y = datasets.moons(80, seed=2)
    a = train_test_split(X, y, seed=11)
    b = train_test_split(X, y, seed=11)
    c = train_test_split(X, y, seed=12)
    for u, v in zip(a, b):
        np.testing.assert_array_equal(u, v)
    assert not np.array_equal(a[1], c[1])


@pytest.mark.parametrize("bad, exc, pattern", [
    (0, ValueError, r"test_size must be in \(0, 1\), got 0"),
    (-0.2, ValueError, r"test_size must be in \(0, 1\), got -0\.2"),
    (1, ValueError, r"test_size must be in \(0, 1\), got 1"),
    (1.5, ValueError, r"test_size must be in \(0, 1\), got 1\.5"),
    ("0.2", TypeError, r"test_size must be a number, got '0\.2'"),
    (None, TypeError, r"test_size must be a number, got None"),
    (0.001, ValueError, r"test_size=0\.001 leaves one part empty for 20 samples"),
    (0.999, ValueError, r"test_size=0\.999 leaves one part empty for 20 samples"),
])
def test_split_bad_test_size(bad, exc, pattern):
    X = np.arange(40, dtype=float).reshape(20, 2)
    y = np.arange(20) % 2
    with pytest.raises(exc, match=pattern):
        train_test_split(X, y, test_size=bad)


def test_split_bad_shapes():
    X = np.zeros((10, 2))
    with pytest.raises(ValueError, match=r"y must have 10 rows to match X, got shape \(9,\)"):
        train_test_split(X, np.zeros(9, dtype=int))
    with pytest.raises(ValueError, match=r"X must be 2-D"):
        train_test_split(np.zeros(10), np.zeros(10, dtype=int))
    with pytest.raises(ValueError, match=r"X must be finite"):
        train_test_split(np.full((10, 2), np.nan), np.zeros(10, dtype=int))


# --- digits, train_val_test_split, standardise -------------------------------------------------------
def test_digits():
    X, y = datasets.digits()
    assert X.shape == (1797, 64) and X.dtype == float and y.shape == (1797,) and y.dtype.kind == "i"
    assert X.min() == 0 and X.max() == 16 and np.all(np.round(X) == X)
    assert sorted(np.unique(y).tolist()) == list(range(10))
    X2, _ = datasets.digits()
    X2[0, 0] = 99  # a fresh copy each call: changing one does not change the next
    assert datasets.digits()[0][0, 0] == X[0, 0]


def test_train_val_test_split_parts_and_strata():
    X, y = datasets.digits()
    parts = datasets.train_val_test_split(X, y, val_fraction=0.2, test_fraction=0.1, seed=3)
    X_tr, y_tr, X_va, y_va, X_te, y_te = parts
    assert len(X_tr) + len(X_va) + len(X_te) == len(X)
    assert [len(X_va), len(X_te)] == pytest.approx([0.2 * len(X), 0.1 * len(X)], abs=10)
    rows = {r.tobytes() for r in X}  # every sample in exactly one part (digits has duplicate images: count)
    assert len({r.tobytes() for part in (X_tr, X_va, X_te) for r in part}) == len(rows)
    for part_y, f in ((y_va, 0.2), (y_te, 0.1)):  # each class keeps its share
        share = np.bincount(part_y, minlength=10) / np.bincount(y, minlength=10)
        assert np.all(np.abs(share - f) < 0.02)
    again = datasets.train_val_test_split(X, y, val_fraction=0.2, test_fraction=0.1, seed=3)
    assert all(np.array_equal(a, b) for a, b in zip(parts, again))
    other = datasets.train_val_test_split(X, y, val_fraction=0.2, test_fraction=0.1, seed=4)
    assert not np.array_equal(parts[5], other[5])


def test_train_val_test_split_keeps_order_and_pairs():
    X = np.arange(100, dtype=float).reshape(50, 2)
    y = np.arange(50) % 2
    X_tr, y_tr, X_va, y_va, X_te, y_te = datasets.train_val_test_split(X, y, seed=0)
    for Xp, yp in ((X_tr, y_tr), (X_va, y_va), (X_te, y_te)):
        assert np.all(np.diff(Xp[:, 0]) > 0)  # original order
        np.testing.assert_array_equal((Xp[:, 0] // 2) % 2, yp)  # rows still paired with their labels
    assert (len(X_va), len(X_te)) == (10, 10)


def test_train_test_split_draws_unchanged():
    # the same draws as before train_val_test_split shared its code (stored notebook outputs rely on it)
    X = np.arange(40, dtype=float).reshape(20, 2)
    y = np.arange(20) % 2
    rng = np.random.default_rng(0)
    test = sorted(i for k in (0, 1) for i in rng.permutation(np.flatnonzero(y == k))[:2].tolist())
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, seed=0)
    np.testing.assert_array_equal(X_te[:, 0] // 2, test)


@pytest.mark.parametrize("kwargs, pattern", [
    ({"val_fraction": 0}, r"val_fraction must be in \(0, 1\), got 0"),
    ({"test_fraction": 1.0}, r"test_fraction must be in \(0, 1\), got 1\.0"),
    ({"val_fraction": 0.5, "test_fraction": 0.5}, r"val_fraction \+ test_fraction must be below 1"),
    ({"val_fraction": 0.01}, r"val_fraction=0\.01, test_fraction=0\.2 leaves one part empty for 20 samples"),
    ({"seed": -1}, r"seed must be an integer >= 0 or None, got -1"),
])
def test_train_val_test_split_bad(kwargs, pattern):
    X = np.arange(40, dtype=float).reshape(20, 2)
    with pytest.raises(ValueError, match=pattern):
        datasets.train_val_test_split(X, np.arange(20) % 2, **kwargs)


def test_standardise_uses_training_statistics_only():
    rng = np.random.default_rng(0)
    X_train = rng.normal(5.0, 3.0, size=(200, 3))
    X_train[:, 2] = 7.0  # a constant column: std 1, so it becomes 0
    X_test = rng.normal(5.0, 3.0, size=(50, 3))
    A, B = datasets.standardise(X_train, X_test)
    np.testing.assert_allclose(A[:, :2].mean(axis=0), 0, atol=1e-12)
    np.testing.assert_allclose(A[:, :2].std(axis=0), 1)
    np.testing.assert_array_equal(A[:, 2], 0.0)
    mean, std = X_train.mean(axis=0), X_train.std(axis=0)
    np.testing.assert_allclose(B[:, :2], (X_test[:, :2] - mean[:2]) / std[:2])
    assert np.all(B[:, 2] == X_test[:, 2] - 7.0)  # the constant column: only shifted
    assert len(datasets.standardise(X_train)) == 1
    assert len(datasets.standardise(X_train, X_test, X_test[:1], [[1.0, 2.0, 3.0]])) == 4


@pytest.mark.parametrize("args, exc, pattern", [
    ((np.zeros((3, 2)), np.zeros((3, 3))), ValueError, r"others\[0\] must have 2 features"),
    ((np.zeros((0, 2)),), ValueError, r"X_train must hold at least one sample"),
    (([[1.0, np.nan]],), ValueError, r"X_train must be finite"),
    (("abc",), TypeError, r"X_train must be an array of numbers"),
    (([[0.0], [1e-150]], [[1e300]]), ValueError, r"others\[0\] overflows when standardised"),
])
def test_standardise_bad(args, exc, pattern):
    with pytest.raises(exc, match=pattern):
        datasets.standardise(*args)


@pytest.mark.parametrize("name", GENERATORS)
def test_seed_none_leaves_numpys_global_state_alone(name):
    np.random.seed(5)
    before = np.random.get_state()[1].copy()
    X1, _ = getattr(datasets, name)(n=30, seed=None)
    X2, _ = getattr(datasets, name)(n=30, seed=None)
    np.testing.assert_array_equal(np.random.get_state()[1], before)
    assert not np.array_equal(X1, X2)  # a fresh draw each call
