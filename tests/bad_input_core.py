"""Bad-input rows for nnlib's lesson maths and plumbing (see bad_input_row.Row): the validator itself,
data sets and splits, the perceptron and gradient checks (plotting and widgets: bad_input_drawing).

For each public function and each argument it hands to a checker of nnlib/validation, one route row:
a bad value raises from that checker, named (the checker's bad values are its tables, in
bad_input_checkers). Then the errors the functions raise themselves (every value), the extreme inputs
that must be handled and the legitimate edge cases that must work.
"""
import contextlib
from functools import partial

import numpy as np
from support.bad_input_row import Table, shown

from nnlib import data as datasets
from nnlib import gradcheck
from nnlib import validation as validate
from nnlib.perceptron import Perceptron

TABLE = Table()
ROWS = TABLE.rows
bad, route, handled, legit = TABLE.bad, TABLE.route, TABLE.handled, TABLE.legit
every_value, bad_values, _shown = TABLE.every_value, TABLE.bad_values, shown
NAN, INF = float("nan"), float("inf")


# --- the first bad value of each kind (the route rows'; all of them are in bad_input_checkers) -----------
COUNTS = [(0, ValueError)]
HUGE_COUNTS = [(10**10, ValueError, "GiB")]
SEEDS = [(-1, ValueError)]
NONNEG_REALS = [(-0.1, ValueError)]
FRACTIONS = [(0, ValueError)]
BAD_FEATURES = [("1-D", [0.0, 1.0, 2.0], ValueError, ("X", "2-D", "(3,)")),
                ("text", "abcd", TypeError, ("X", "'abcd'"))]
X4 = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
Y4 = np.array([0, 0, 0, 1])


# --- the validator itself -------------------------------------------------------------------------------
def _validator_rows():
    """The validator's bad values are its tables (bad_input_checkers); here what it must accept."""
    for value in (None, 0, np.int64(5), np.uint8(3), 2**40):
        legit(f"validate.seed accepts {_shown(value)}", partial(validate.seed, value),
              lambda out, v=value: out == (None if v is None else int(v)))
    for value in (0, 1, 0.5, np.float32(0.25), np.int64(1)):
        legit(f"validate.in_range accepts {_shown(value)}", partial(validate.in_range, value, "p", 0, 1),
              lambda out, v=value: out == v)
    legit("validate.boolean numpy bool", partial(validate.boolean, np.bool_(True), "flag"), lambda out: out is True)
    handled("validate.affordable 1e6 values", partial(validate.affordable, 10**6, "n", 10**6), lambda out: out is None)


_validator_rows()


# --- data sets ------------------------------------------------------------------------------------------
GENERATORS = {"moons": datasets.moons, "circles": datasets.circles, "blobs": datasets.blobs,
              "xor": datasets.xor, "spiral": datasets.spiral}


def _is_data(n, classes=None):
    def check(out):
        X, y = out
        return (X.shape == (n, 2) and y.shape == (n,) and bool(np.all(np.isfinite(X)))
                and (classes is None or len(np.unique(y)) == classes))
    return check


def _dataset_rows():
    for name, gen in GENERATORS.items():
        bad_values(name, gen, "n", COUNTS)
        bad_values(name, gen, "n", HUGE_COUNTS)
        bad_values(name, gen, "noise", NONNEG_REALS)
        bad_values(name, gen, "seed", SEEDS)
        handled(f"{name} noise at its maximum stays finite", partial(gen, n=50, noise=datasets.MAX_NOISE), _is_data(50))
        legit(f"{name} numpy scalars", partial(gen, n=np.int64(30), noise=np.float32(0.1), seed=np.uint32(7)),
              _is_data(30))
        legit(f"{name} noise 0, seed None", partial(gen, n=12, noise=0, seed=None), _is_data(12))
        legit(f"{name} largest seed", partial(gen, n=10, seed=2**32 - 1), _is_data(10))
        legit(f"{name} same seed same data", lambda gen=gen: [gen(n=20, seed=3)[0], gen(n=20, seed=3)[0]],
              lambda out: np.array_equal(*out))
    for name in ("moons", "circles", "blobs", "xor"):
        legit(f"{name} n=2 (smallest)", partial(GENERATORS[name], n=2), _is_data(2))
    for gen, name in ((datasets.blobs, "blobs"), (datasets.spiral, "spiral")):
        bad_values(name, gen, "classes", [(1, ValueError)], n=40)
    bad("blobs classes=30 > n=20", partial(datasets.blobs, n=20, classes=30), ValueError, "classes", "30", "n=20")
    bad("spiral n=2 < classes=3", partial(datasets.spiral, n=2, classes=3), ValueError, "n", "2")
    legit("blobs classes=n", partial(datasets.blobs, n=5, classes=5), _is_data(5, classes=5))
    legit("blobs 8 classes", partial(datasets.blobs, n=80, classes=np.int64(8)), _is_data(80, classes=8))
    legit("spiral 2 classes, 3 points", partial(datasets.spiral, n=3, classes=2), _is_data(3, classes=2))
    bad_values("circles", datasets.circles, "factor", [(-0.1, ValueError)])
    legit("circles factor 0", partial(datasets.circles, n=20, factor=0), _is_data(20))
    bad_values("make", datasets.make, "name", [("moon", ValueError)])
    bad("make passes n on", partial(datasets.make, "xor", n=0), ValueError, "n", "0")
    bad("make passes seed on", partial(datasets.make, "spiral", seed="abc"), TypeError, "seed", "'abc'")
    legit("make every name", lambda: [datasets.make(k, n=30) for k in datasets.DATASETS],
          lambda out: all(X.shape == (30, 2) for X, _ in out))
    for name in ("xnor", "", 3, None, ["and"]):
        bad(f"logic_gate {_shown(name)}", partial(datasets.logic_gate, name), ValueError, "name", _shown(name))
    legit("logic_gate upper case", partial(datasets.logic_gate, "XOR"), lambda out: out[1].tolist() == [0, 1, 1, 0])
    legit("digits", datasets.digits, lambda out: out[0].shape == (1797, 64) and out[1].shape == (1797,))


_dataset_rows()

# --- splits and standardise -----------------------------------------------------------------------------
X20 = np.arange(40, dtype=float).reshape(20, 2)
Y20 = np.arange(20) % 2


def _parts_ok(n_parts, total):
    def check(out):
        Xs = out[0::2] if n_parts == 3 else out[:2]
        return len(out) == 2 * n_parts and sum(len(X) for X in Xs) == total and all(len(X) for X in Xs)
    return check


def _split_rows():
    tts, tvts = datasets.train_test_split, datasets.train_val_test_split
    for label, X, exc, words in BAD_FEATURES[:1]:
        route(f"train_test_split X {label}", partial(tts, X, [0, 1, 0, 1]), exc, *words)
        route(f"train_val_test_split X {label}", partial(tvts, X, [0, 1, 0, 1]), exc, *words)
    for fn, name in ((tts, "train_test_split"), (tvts, "train_val_test_split")):
        bad(f"{name} y too short", partial(fn, X20, Y20[:5]), ValueError, "y", "20", "(5,)")
        bad(f"{name} y 2-D wrong rows", partial(fn, X20, np.zeros((3, 2))), ValueError, "y", "(3, 2)")
        bad_values(name, fn, "seed", SEEDS, X=X20, y=Y20)
    bad_values("train_test_split", tts, "test_size", FRACTIONS, X=X20, y=Y20)
    bad("train_test_split test_size too small", partial(tts, X20, Y20, 0.001), ValueError, "test_size=0.001", "empty")
    bad_values("train_val_test_split", tvts, "val_fraction", FRACTIONS, X=X20, y=Y20)
    bad_values("train_val_test_split", tvts, "test_fraction", FRACTIONS, X=X20, y=Y20)
    bad("train_val_test_split fractions sum to 1", partial(tvts, X20, Y20, 0.5, 0.5), ValueError,
        "val_fraction + test_fraction", "0.5")
    bad("train_val_test_split empty part", partial(tvts, X20, Y20, 0.01, 0.2), ValueError, "val_fraction=0.01", "empty")
    legit("train_test_split lists and string labels", partial(tts, X20.tolist(), list("ab" * 10), 0.3),
          _parts_ok(2, 20))
    legit("train_test_split float32, numpy seed", partial(tts, X20.astype(np.float32), Y20, np.float32(0.25),
                                                          np.int64(2)), _parts_ok(2, 20))
    legit("train_test_split regression targets", partial(tts, X20, np.linspace(0, 1, 20)), _parts_ok(2, 20))
    legit("train_test_split one class", partial(tts, X20, np.zeros(20)), _parts_ok(2, 20))
    legit("train_val_test_split digits", lambda: tvts(*datasets.digits(), seed=1), _parts_ok(3, 1797))
    legit("train_val_test_split lists, one class", partial(tvts, X20.tolist(), [1] * 20), _parts_ok(3, 20))
    legit("train_val_test_split 2-D targets", partial(tvts, X20, np.ones((20, 2))), _parts_ok(3, 20))
    legit("train_val_test_split smallest", partial(tvts, X20[:3], Y20[:3] * 0, 1 / 3, 1 / 3), _parts_ok(3, 3))


def _standardise_rows():
    std = datasets.standardise
    for label, X, exc, words in BAD_FEATURES[:1]:
        route(f"standardise X_train {label}", partial(std, X), exc, "X_train", *words[1:])
    bad("standardise others wrong width", partial(std, X20, np.zeros((2, 3))), ValueError, "others[0]", "2 features")
    bad("standardise others NaN", partial(std, X20, X20, [[NAN, 0.0]]), ValueError, "others[1]", "finite")
    handled("standardise near the float limit", partial(std, [[1.7e308], [-1.7e308]]),
            lambda out: np.array_equal(out[0].ravel(), [1, -1]))
    bad("standardise others overflow", partial(std, [[0.0], [1e-150]], [[1e300]]), ValueError, "others[0]", "overflows")
    legit("standardise one sample", partial(std, [[3.0, 4.0]]), lambda out: np.array_equal(out[0], [[0.0, 0.0]]))
    legit("standardise constant column", partial(std, [[1.0, 5.0], [2.0, 5.0]]), lambda out: np.all(out[0][:, 1] == 0))
    legit("standardise float32 and 1-D row", partial(std, X20.astype(np.float32), X20[0]),
          lambda out: out[1].shape == (1, 2) and abs(out[0].mean()) < 1e-12)
    handled("standardise large finite", partial(std, [[1e300], [-1e300]]),
            lambda out: np.allclose(out[0].ravel(), [1, -1]))


_split_rows()
_standardise_rows()


# --- perceptron (lesson 1) ------------------------------------------------------------------------------
def _fitted():
    return Perceptron().fit(X4, Y4)


def _perceptron_rows():
    bad_values("Perceptron", Perceptron, "lr", [(0, ValueError)])
    bad_values("Perceptron", Perceptron, "epochs", COUNTS)
    bad_values("Perceptron", Perceptron, "seed", SEEDS)
    label, X, exc, words = BAD_FEATURES[0]
    route(f"Perceptron.fit X {label}", partial(Perceptron().fit, X, [0, 0, 0, 1]), exc, *words)
    label, X, exc, words = BAD_FEATURES[1]
    route(f"Perceptron.predict X {label}", lambda X=X: _fitted().predict(X), exc, *words)
    for label, y, exc, words in [("label 2", [0, 1, 2, 1], ValueError, ("y", "0..1", "[2]"))]:
        route(f"Perceptron.fit y {label}", partial(Perceptron().fit, X4, y), exc, *words)
    for method in ("predict", "decision_function"):
        bad(f"Perceptron.{method} before fit", lambda m=method: getattr(Perceptron(), m)(X4), ValueError, "fit(X, y)")
        bad(f"Perceptron.{method} wrong width", lambda m=method: getattr(_fitted(), m)(np.zeros((2, 3))), ValueError,
            "X", "2 features", "(2, 3)")
    bad("Perceptron.converged_ before fit", lambda: Perceptron().converged_, ValueError, "not fitted")
    bad("Perceptron lr 1e308 overflows", partial(Perceptron(lr=1e308).fit, [[1.0, 2.0], [2.0, 1.0]], [1, 0]),
        ValueError, "overflowed", "lr=1e+308", "smaller lr")
    bad("Perceptron X near 1e308 overflows", partial(Perceptron().fit, [[1e308, 1e308], [-1e308, 1e308]], [1, 0]),
        ValueError, "overflowed", "rescale X")
    bad("Perceptron lr set to -1 after init", lambda: _set(Perceptron(), lr=-1.0).fit(X4, Y4), ValueError, "lr", "-1.0")
    bad("Perceptron.decision_function overflow", lambda: _fitted().decision_function([[1e308, 1e308]]), ValueError,
        "X", "overflows")
    handled("Perceptron failed fit keeps the old weights", _failed_fit_keeps_weights, lambda out: out)
    handled("Perceptron xor stops after epochs", partial(Perceptron(epochs=7).fit, *datasets.logic_gate("xor")),
            lambda p: len(p.errors_) == 7 and not p.converged_)
    legit("Perceptron one sample", partial(Perceptron().fit, [[1.0, 2.0]], [1]),
          lambda p: p.predict([[1.0, 2.0]]) == [1])
    legit("Perceptron one class", partial(Perceptron().fit, X4, [1, 1, 1, 1]), lambda p: p.converged_)
    legit("Perceptron lists, bool labels", partial(Perceptron().fit, X4.tolist(), [False, False, False, True]),
          lambda p: p.converged_)
    legit("Perceptron float32, numpy settings", lambda: Perceptron(np.float32(0.5), np.int64(20), np.uint8(1)).fit(
        X4.astype(np.float32), Y4.astype(np.int8)), lambda p: p.converged_)
    legit("Perceptron predict one 1-D sample", lambda: _fitted().predict([1.0, 1.0]), lambda out: out.tolist() == [1])
    legit("Perceptron tiny lr", partial(Perceptron(lr=1e-300).fit, X4, Y4), lambda p: p.converged_)
    legit("Perceptron large finite X", partial(Perceptron().fit, [[1e150, 1e150], [-1e150, -1e150]], [1, 0]),
          lambda p: p.converged_)


def _set(obj, **attrs):
    for k, v in attrs.items():
        setattr(obj, k, v)
    return obj


def _failed_fit_keeps_weights():
    p = _fitted()
    w, b = p.w_.copy(), p.b_
    p.lr = 1e308
    with contextlib.suppress(ValueError):
        p.fit([[1.0, 2.0], [2.0, 1.0]], [1, 0])
    return np.array_equal(p.w_, w) and p.b_ == b


_perceptron_rows()


# --- gradient checks (lesson 4) -------------------------------------------------------------------------
def _x():
    return np.array([1.0, -2.0])


def _gradcheck_rows():
    ng, rel = gradcheck.numerical_gradient, gradcheck.rel_error
    bad("numerical_gradient list x", lambda: ng(lambda: 0.0, [1.0, 2.0]), TypeError, "x", "list", "[1.0, 2.0]")
    bad("numerical_gradient tuple x", lambda: ng(lambda: 0.0, (1.0, 2.0)), TypeError, "x", "tuple")
    bad("numerical_gradient int array", lambda: ng(lambda: 0.0, np.arange(3)), TypeError, "x", "dtype int64")
    bad("numerical_gradient float16", lambda: ng(lambda: 0.0, np.ones(2, np.float16)), TypeError, "x", "float16")
    bad("numerical_gradient complex", lambda: ng(lambda: 0.0, np.ones(2, complex)), TypeError, "x", "complex128")
    bad("numerical_gradient read-only", lambda: ng(lambda: 0.0, np.broadcast_to(1.0, (2,))), ValueError,
        "x", "writeable")
    bad("numerical_gradient f not callable", lambda: ng(3.0, _x()), TypeError, "f", "3.0")
    bad("numerical_gradient f returns array", lambda: ng(lambda: np.ones(3), _x()), TypeError, "f", "one number")
    bad("numerical_gradient f returns text", lambda: ng(lambda: "a", _x()), TypeError, "f", "'a'")
    route("numerical_gradient h=0", lambda: ng(lambda: 0.0, _x(), 0), ValueError, "h", "0")
    bad("rel_error shapes", lambda: rel(np.zeros(3), np.zeros((1, 3))), ValueError, "a and b", "(3,)", "(1, 3)")
    bad("rel_error text", lambda: rel("abc", [1.0]), TypeError, "a", "'abc'")
    bad("rel_error complex", lambda: rel([1.0], [1j]), TypeError, "b", "complex")
    bad("rel_error None", lambda: rel(None, [1.0]), TypeError, "a", "None")
    bad("gradcheck analytic shape", lambda: gradcheck.gradcheck(lambda: 0.0, _x(), np.zeros(3)), ValueError,
        "analytic", "(2,)", "(3,)")
    handled("rel_error at 1e308", lambda: rel([1e308, 1.5e308], [1e308, 1.5e308]), lambda out: out == 0.0)
    handled("rel_error opposite at 1e308", lambda: rel([1e308], [-1e308]), lambda out: abs(out - 1) < 1e-12)
    handled("rel_error subnormal", lambda: rel([1e-320], [2e-320]), lambda out: abs(out - 1 / 3) < 0.01)
    handled("rel_error NaN never passes", lambda: rel([NAN], [1.0]), lambda out: out == INF)
    handled("rel_error empty", lambda: rel([], []), lambda out: out == 0.0)
    handled("numerical_gradient restores x when f raises", _restores_x, lambda out: out)
    legit("numerical_gradient float32", lambda: _grad_of_square(np.array([1.0, -2.0], np.float32), 1e-2),
          lambda g: np.allclose(g, [2, -4], rtol=1e-3))
    legit("numerical_gradient 0-d array", lambda: _grad_of_square(np.array(3.0)), lambda g: abs(g - 6) < 1e-6)
    legit("numerical_gradient column view", lambda: _grad_of_square(np.ones((3, 2))[:, 1]), lambda g: np.allclose(g, 2))
    legit("numerical_gradient numpy h", lambda: _grad_of_square(_x(), np.float32(1e-3)),
          lambda g: np.allclose(g, [2, -4]))
    legit("rel_error lists", lambda: rel([1.0, 2.0], [1.0, 2.0]), lambda out: out == 0.0)


def _grad_of_square(x, h=1e-5):
    return gradcheck.numerical_gradient(lambda: float(np.sum(x.astype(float) ** 2)), x, h)


def _restores_x():
    x = _x()

    def f():
        raise RuntimeError("boom")
    with contextlib.suppress(RuntimeError):
        gradcheck.numerical_gradient(f, x)
    return np.array_equal(x, _x())


_gradcheck_rows()
