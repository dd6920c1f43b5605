"""Unit tests for nnlib.datasets: logic gates, the seeded 2-D sets, make() and train_test_split."""
import re

import numpy as np
import pytest

from nnlib import datasets
from nnlib.datasets import logic_gate, train_test_split

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
    with pytest.raises(ValueError, match=r"name must be one of \['and', 'nand', 'or', 'xor'\], got " + re.escape(repr(bad))):
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
    (-0.1, ValueError, r"noise must be >= 0, got -0\.1"),
    (float("nan"), ValueError, r"noise must be finite, got nan"),
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
    (0, ValueError, r"test_size must be > 0, got 0"),
    (-0.2, ValueError, r"test_size must be > 0, got -0\.2"),
    (1, ValueError, r"test_size must be a fraction between 0 and 1, got 1"),
    (1.5, ValueError, r"test_size must be a fraction between 0 and 1, got 1\.5"),
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
