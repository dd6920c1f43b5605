"""Bad-input rows for the MLP (see bad_input_row.Row): construction, weights, prediction, loss, targets,
train_epoch, fit. (Losses, layers, optimizers and schedules, divergence, init, dropout, regularise and
early stopping: bad_input_parts.)

Each argument handed to a checker of nnlib/validation has one route row (each), whose bad value must
raise from that checker, named; the checkers' bad values are their tables (bad_input_checkers). An
argument checked by the entry point itself keeps a row per bad value (every_value). Then extreme
inputs that must be handled (no warning escapes, nothing silently wrong) and legitimate edge cases
that must work.
"""
import contextlib
from functools import partial

import numpy as np
from support.bad_input_row import Table

from nnlib import MLP, optim

TABLE = Table("mlp: ")
ROWS = TABLE.rows
bad, route, handled, legit, each = TABLE.bad, TABLE.route, TABLE.handled, TABLE.legit, TABLE.each
NAN, INF = float("nan"), float("inf")
RNG = np.random.default_rng(0)
X = RNG.normal(size=(12, 2))
Y = np.arange(12) % 2


def net(*sizes, **kw):
    return MLP(list(sizes) or [2, 3, 2], seed=kw.pop("seed", 0), **kw)


def every_value(prefix, fn, arg, cases, **kwargs):
    """One row per (value, exception, *words) of an argument no checker sees: fn(**kwargs, arg=value) names it."""
    for value, exc, *words in cases:
        bad(f"{prefix} {arg}={value!r:.40}", partial(fn, **{**kwargs, arg: value}), exc, arg, *words)


# --- MLP(...) -----------------------------------------------------------------------------------------
each("MLP", MLP, "layer_sizes", [({5, 2}, ValueError, "{2, 5}")])
each("MLP", MLP, "activation", [("softmax", ValueError, "'softmax'")], layer_sizes=[2, 3, 2])
each("MLP", MLP, "output", [("linear", ValueError, "'linear'")],
     layer_sizes=[2, 3, 2])
each("MLP", MLP, "init", [("Lecun", ValueError, "'Lecun'")], layer_sizes=[2, 3, 2])
each("MLP", MLP, "seed", [("abc", TypeError, "'abc'")], layer_sizes=[2, 3, 2])
bad("MLP softmax with one output unit", lambda: MLP([2, 3, 1]), ValueError, "output='softmax'", "sigmoid")
legit("MLP sizes as a tuple", lambda: MLP((2, 3, 2), seed=0), lambda n: n.layer_sizes == [2, 3, 2])
legit("MLP sizes as a numpy array", lambda: MLP(np.array([2, 4, 2]), seed=0), lambda n: n.layer_sizes == [2, 4, 2])
legit("MLP numpy integer seed", lambda: MLP([2, 3, 2], seed=np.int64(3)).seed, lambda s: s == 3 and type(s) is int)
legit("MLP numpy integer sizes", lambda: MLP([np.int32(2), np.int64(3), 2]), lambda n: n.layer_sizes == [2, 3, 2])
legit("MLP no hidden layer", lambda: MLP([2, 2], seed=0).predict(X), lambda p: p.shape == (12,))

# --- net.params = ... -----------------------------------------------------------------------------------
GOOD = [(np.zeros((2, 3)), np.zeros(3)), (np.zeros((3, 2)), np.zeros(2))]


def set_params(value):
    n = net()
    n.params = value
    return n


for label, value, exc, words in [
        ("NaN weight", [(np.full((2, 3), NAN), np.zeros(3)), GOOD[1]], ValueError, ("params[0][0]", "finite")),
        ("inf bias", [GOOD[0], (np.zeros((3, 2)), [0, INF])], ValueError, ("params[1][1]", "finite")),
        ("complex weight", [(np.zeros((2, 3)) + 1j, np.zeros(3)), GOOD[1]], TypeError, ("params[0][0]", "complex")),
        ("text weight", [("abc", np.zeros(3)), GOOD[1]], TypeError, ("params[0][0]",)),
        ("one pair short", GOOD[:1], ValueError, ("params", "2 (W, b) pairs", "got 1")),
        ("one pair too many", GOOD + GOOD[:1], ValueError, ("params", "got 3")),
        ("transposed W", [(np.zeros((3, 2)), np.zeros(3)), GOOD[1]], ValueError, ("params[0]", "(2, 3)", "(3, 2)")),
        ("wrong bias length", [GOOD[0], (np.zeros((3, 2)), np.zeros(3))], ValueError, ("params[1]", "(2,)")),
        ("a triple", [GOOD[0] + (1,), GOOD[1]], ValueError, ("params[0]", "pair")),
        ("a dict", {0: GOOD[0], 1: GOOD[1]}, TypeError, ("params",)),
        ("None", None, TypeError, ("params", "None")),
        ("a set", {1, 2}, TypeError, ("params",)),
        ("ragged W", [([[0, 0, 0], [0, 0]], np.zeros(3)), GOOD[1]], TypeError, ("params[0][0]",))]:
    bad(f"params = {label}", partial(set_params, value), exc, *words)
legit("params as nested lists", lambda: set_params([([[1, 0, 0], [0, 1, 0]], [0, 0, 0]), (np.ones((3, 2)), [0, 1])]),
      lambda n: n.params[1][1].dtype == float)

# --- forward, predict, predict_proba, activations, accuracy, loss: the samples X -----------------------------
BAD_X = [("1-D of wrong length", [0.0, 1.0, 2.0], ValueError, ("X",))]
for method in ("forward", "predict", "predict_proba", "activations"):
    for label, value, exc, words in BAD_X[:1]:
        route(f"{method} X {label}", partial(lambda m, v: getattr(net(), m)(v), method, value), exc, *words)
for label, value, exc, words in BAD_X[:1]:
    route(f"loss X {label}", partial(lambda v: net().loss(v, [0]), value), exc, *words)
    route(f"fit X {label}", partial(lambda v: net().fit(v, [0], epochs=2), value), exc, *words)
legit("predict one sample as a 1-D row", lambda: net().predict([0.5, -0.5]), lambda p: p.shape == (1,))
legit("predict float32 samples", lambda: net().predict(X.astype(np.float32)), lambda p: p.shape == (12,))
legit("predict a list of lists", lambda: net().predict([[0, 1], [1, 0]]), lambda p: p.shape == (2,))
handled("predict on 1e300 samples without warning", lambda: net().predict(np.full((3, 2), 1e300)),
        lambda p: p.shape == (3,))
handled("activations on huge samples stay finite or saturate", lambda: net(activation="relu").activations(
    np.full((3, 2), 1e300)), lambda a: len(a) == 3)

# --- accuracy: the labels y -------------------------------------------------------------------------------
for label, value, exc, words in [("string labels", np.array(["a", "b"] * 6), TypeError, ("y", "integer class labels"))]:
    route(f"accuracy {label}", partial(lambda v: net().accuracy(X, v), value), exc, *words)
bad("accuracy of a regression net", lambda: net(output="identity").accuracy(X, Y), ValueError, "accuracy",
    "'identity'")
bad("accuracy several sigmoid units with 0.5 targets", lambda: net(2, 3, output="sigmoid").accuracy(
    X, np.full((12, 3), 0.5)), ValueError, "y", "0 or 1")
bad("accuracy several sigmoid units label 3", lambda: net(2, 3, output="sigmoid").accuracy(X, np.full(12, 3)),
    ValueError, "y", "0..2")
legit("accuracy with boolean labels", lambda: net().accuracy(X, Y.astype(bool)), lambda a: 0 <= a <= 1)
legit("accuracy with float labels 0.0/1.0", lambda: net().accuracy(X, Y.astype(float)), lambda a: 0 <= a <= 1)
legit("accuracy with (n, 1) labels", lambda: net(2, 3, 1, output="sigmoid").accuracy(X, Y[:, None]),
      lambda a: 0 <= a <= 1)
legit("accuracy with one class present", lambda: net().accuracy(X, np.zeros(12, dtype=int)), lambda a: 0 <= a <= 1)

# --- loss, loss_and_grads, targets ----------------------------------------------------------------------------
for method in ("loss", "loss_and_grads"):
    call = partial(lambda m, **kw: getattr(net(), m)(X, Y, **kw), method)
    each(method, call, "l2", [(-0.1, ValueError, "-0.1")])
    each(method, call, "l1", [(-1, ValueError, "-1")])
    each(method, call, "loss", [("hinge", ValueError, "'hinge'")])
bad("loss cross_entropy on a regression net", lambda: net(output="identity").loss(X, np.zeros((12, 2)),
    loss="cross_entropy"), ValueError, "cross_entropy", "'identity'")
bad("loss regression targets wrong shape", lambda: net(output="identity").loss(X, np.zeros(12)), ValueError, "y",
    "(12, 2)")
bad("loss regression targets NaN", lambda: net(2, 1, output="identity").loss(X, np.full(12, NAN)), ValueError,
    "y", "finite")
bad("loss regression targets text", lambda: net(2, 1, output="identity").loss(X, ["a"] * 12), TypeError, "y")
bad("loss sigmoid targets above 1", lambda: net(2, 2, output="sigmoid").loss(X, np.full((12, 2), 1.5)), ValueError,
    "y", "[0, 1]")
MASK_CASES = [("masks not a list", np.ones((12, 3)), ValueError, ("masks", "1 arrays")),
              ("masks too many", [np.ones((12, 3))] * 2, ValueError, ("masks",)),
              ("mask wrong shape", [np.ones((12, 4))], ValueError, ("masks[0]", "(12, 3)")),
              ("mask negative", [-np.ones((12, 3))], ValueError, ("masks[0]", ">= 0")),
              ("mask NaN", [np.full((12, 3), NAN)], ValueError, ("masks[0]", "finite")),
              ("mask text", ["abc"], TypeError, ("masks[0]", "'abc'"))]
for label, value, exc, words in MASK_CASES:
    bad(f"loss_and_grads {label}", partial(lambda v: net().loss_and_grads(X, Y, masks=v), value), exc, *words)
for label, value, exc, words in [("text", "abc", TypeError, ("y",)), ("None", None, TypeError, ("y",)),
                                 ("a number", 3, TypeError, ("y",)), ("label 7", [0, 7], ValueError, ("y", "[7]")),
                                 ("NaN label", [0, NAN], ValueError, ("y", "finite")),
                                 ("float label", [0, 0.5], ValueError, ("y", "integer")),
                                 ("ragged", [[0], [1, 2]], TypeError, ("y",))]:
    bad(f"targets {label}", partial(lambda v: net().targets(v), value), exc, *words)
bad("targets cross_entropy for a regression net", lambda: net(output="identity").targets([0.5], loss="cross_entropy"),
    ValueError, "cross_entropy")
legit("targets of numpy integer labels", lambda: net().targets(np.array([1, 0], dtype=np.int8)),
      lambda T: T.tolist() == [[0, 1], [1, 0]])

# --- fit ----------------------------------------------------------------------------------------------------
FIT = partial(lambda **kw: net().fit(X, Y, **{"epochs": 3, **kw}))
each("fit", FIT, "lr", [(0, ValueError, "> 0")])
each("fit", FIT, "epochs", [(0, ValueError, ">= 1")])
each("fit", FIT, "batch_size", [(0, ValueError)])
each("fit", FIT, "l2", [(-0.1, ValueError, "-0.1")])
each("fit", FIT, "l1", [(-0.1, ValueError, "-0.1")])
each("fit", FIT, "dropout", [(1.0, ValueError, "[0, 1)")])
each("fit", FIT, "dropout", [([1.5], ValueError, "dropout[0]")])
every_value("fit", FIT, "dropout", [("0.5", ValueError), ([0.5, 0.5], ValueError, "1 rates"), ({0.5}, ValueError)])
each("fit", FIT, "seed", [("abc", TypeError, "'abc'")], batch_size=4)
each("fit", FIT, "optimizer", [("adamw", ValueError, "'adamw'")])
each("fit", FIT, "callback", [("print", TypeError, "'print'")])
every_value("fit", FIT, "patience", [(0, ValueError, ">= 1"), (2.5, ValueError, "2.5"), ("3", ValueError),
                                     (True, ValueError)], validation=(X, Y))
bad("fit patience without validation", lambda: FIT(patience=5), ValueError, "patience", "validation")
bad("fit dropout without a hidden layer", lambda: MLP([2, 2]).fit(X, Y, epochs=2, dropout=0.5), ValueError,
    "dropout", "hidden layer")
for label, value, exc, words in [("not a pair", np.zeros((3, 2)), ValueError, ("validation", "pair")),
                                 ("one element", (X,), ValueError, ("validation", "pair")),
                                 ("wrong features", (np.zeros((3, 3)), [0, 1, 0]), ValueError,
                                  ("validation X", "(3, 3)")),
                                 ("NaN X", (np.full((3, 2), NAN), [0, 1, 0]), ValueError, ("validation X", "finite")),
                                 ("label 5", (np.zeros((3, 2)), [0, 1, 5]), ValueError, ("validation y", "[5]")),
                                 ("short labels", (np.zeros((3, 2)), [0, 1]), ValueError, ("validation y", "(3,)"))]:
    bad(f"fit validation {label}", partial(FIT, validation=value), exc, *words)
for label, fn, words in [("negative", lambda e: -1.0, ("got -1.0", "epoch 0")),
                         ("zero at epoch 2", lambda e: 0.1 if e < 2 else 0.0, ("got 0.0", "epoch 2")),
                         ("NaN", lambda e: NAN, ("nan",)), ("text", lambda e: "0.1", ("'0.1'",)),
                         ("None", lambda e: None, ("None",))]:
    bad(f"fit schedule returns {label}", partial(FIT, lr=fn), ValueError, "lr (a schedule)", *words)
for label, y_bad, exc, words in [("string labels", np.array(list("ab") * 6), TypeError, ("y", "integer class labels"))]:
    route(f"fit {label}", partial(lambda v: net().fit(X, v, epochs=2), y_bad), exc, *words)


def weights_unchanged_after(call):
    n = net()
    before = [a.copy() for pair in n.params for a in pair]
    with contextlib.suppress(TypeError, ValueError):
        call(n)
    return all(np.array_equal(a, b) for a, b in zip(before, [a for pair in n.params for a in pair]))


handled("fit checks everything before it trains", lambda: weights_unchanged_after(
    lambda n: n.fit(X, Y, epochs=5, validation=(X, np.full(12, 9)))), bool)
handled("fit lr 1e6 on the moons is diverged although finite", lambda: net().fit(X, Y, epochs=30, lr=1e6),
        lambda h: h.diverged and all(np.isfinite(h.loss)))
handled("fit lr 1e300 stops with finite weights", lambda: (lambda n: (n.fit(X, Y, epochs=50, lr=1e300), n))(
    net(activation="relu")), lambda r: r[0].diverged and all(np.isfinite(a).all() for p in r[1].params for a in p))
handled("fit on 1e300 inputs without warning", lambda: net().fit(X * 1e300, Y, epochs=5, batch_size=5, seed=0),
        lambda h: isinstance(h.diverged, bool))
handled("fit adam with huge inputs without warning", lambda: net().fit(X * 1e150, Y, epochs=5, optimizer="adam"),
        lambda h: isinstance(h.diverged, bool))
legit("fit batch size 1", lambda: net().fit(X, Y, epochs=2, batch_size=1, seed=0), lambda h: len(h.loss) == 2)
legit("fit batch size above n", lambda: net().fit(X, Y, epochs=2, batch_size=1000), lambda h: len(h.loss) == 2)
legit("fit one sample", lambda: net().fit(X[:1], Y[:1], epochs=3), lambda h: len(h.loss) == 3)
legit("fit one class", lambda: net().fit(X, np.zeros(12, dtype=int), epochs=3), lambda h: h.loss[-1] < h.loss[0])
legit("fit float32 lists", lambda: net().fit(X.astype(np.float32).tolist(), Y.tolist(), epochs=2),
      lambda h: len(h.loss) == 2)
legit("fit numpy scalars", lambda: net().fit(X, Y, epochs=np.int64(2), lr=np.float32(0.1), batch_size=np.int32(4),
                                             seed=np.int64(1)), lambda h: len(h.loss) == 2)
legit("fit dropout per layer", lambda: net(2, 4, 4, 2).fit(X, Y, epochs=2, dropout=[0.5, 0.0], seed=0),
      lambda h: len(h.loss) == 2)
legit("fit patience stops", lambda: net().fit(X, Y, epochs=500, lr=0.01, validation=(X, 1 - Y), patience=3),
      lambda h: h.stopped_early and h.best_epoch is not None)

# --- train_epoch -----------------------------------------------------------------------------------------------
TE = partial(lambda **kw: net().train_epoch(**{"X": X, "Y": Y, "lr": 0.1, "optimizer": optim.SGD(), **kw}))
every_value("train_epoch", TE, "optimizer", [("sgd", TypeError, "'sgd'", "get_optimizer"), (None, TypeError),
                                             (optim.Adam, TypeError)])
every_value("train_epoch", TE, "rng", [(None, TypeError, "Generator"), (0, TypeError),
                                       (np.random.RandomState(0), TypeError)], batch_size=4)
each("train_epoch", TE, "lr", [(0, ValueError)])
each("train_epoch", TE, "l1", [(-1, ValueError)])
each("train_epoch", TE, "batch_size", [(0, ValueError)])
each("train_epoch", TE, "dropout", [(1, ValueError)], rng=np.random.default_rng(0))
every_value("train_epoch", TE, "dropout", [([0.1, 0.1], ValueError)], rng=np.random.default_rng(0))
for label, value, exc, words in [("NaN targets", np.full((12, 2), NAN), ValueError, ("Y", "finite")),
                                 ("targets above 1", np.full((12, 2), 2.0), ValueError, ("Y", "[0, 1]")),
                                 ("wrong shape", np.zeros((12, 3)), ValueError, ("Y",)),
                                 ("label 4", np.full(12, 4), ValueError, ("Y", "0..1")),
                                 ("text", "ab", ValueError, ("Y",)),
                                 ("complex", np.zeros((12, 2)) + 1j, TypeError, ("Y",))]:
    bad(f"train_epoch Y {label}", partial(TE, Y=value), exc, *words)
bad("train_epoch dropout without rng", lambda: net().train_epoch(X, Y, 0.1, optim.SGD(), dropout=0.5), TypeError,
    "rng", "dropout")
legit("train_epoch soft targets", lambda: TE(Y=np.full((12, 2), 0.5)), lambda J: np.isfinite(J))
legit("train_epoch full batch needs no rng", lambda: TE(), lambda J: J > 0)

# --- rows that need this module's net, TE and FIT (the other parts: bad_input_parts) --------------------
bad("targets of a huge one-hot", lambda: MLP([2, 10**5], seed=0).targets(np.zeros(10**5, dtype=int)), ValueError,
    "one-hot", "GiB")
bad("train_epoch ragged Y", lambda: TE(Y=[[0.0], [1.0, 0.0]] * 6), TypeError, "Y")
bad("MLP seed 2**32", lambda: MLP([2, 3, 2], seed=2**32), ValueError, "seed", "4294967295")
bad("fit epochs 2**70 (no endless run)", lambda: net().fit(X, Y, epochs=2**70), ValueError, "epochs", "GiB")
legit("fit seed 2**70 (a Generator takes any size)", lambda: net().fit(X, Y, epochs=2, batch_size=4, seed=2**70),
      lambda h: len(h.loss) == 2)
