"""Bad-input rows for runs that were lost or results that were silently wrong (see bad_input_row.Row):
learning-rate schedules that underflow, callbacks that reassign the weights, real numbers of any
numeric type, the optimizer base class, the autograd engine (labels, gates, exponents, data) and the
playground's JSON import (counters, random state, epoch, points).

Each row was seen failing before its fix: a raw numpy or Python error, a run lost half-way, or a
wrong number returned without a word.
"""
import json
from decimal import Decimal
from fractions import Fraction

import numpy as np
from support.bad_input_row import Row

from nnlib import MLP, dropout, optim, regularise
from nnlib import data as datasets
from nnlib.autograd import Value, cross_entropy
from nnlib.drawing import plotting, widgets
from nnlib.gradcheck import numerical_gradient
from nnlib.perceptron import Perceptron
from nnlib.playground import Playground

ROWS = []
NAN, INF = float("nan"), float("inf")
RNG = np.random.default_rng(0)
X = RNG.normal(size=(12, 2))
Y = np.arange(12) % 2
W0 = np.linspace(-1.0, 1.0, 4)


def bad(id, call, exc, *words):
    ROWS.append(Row(f"runs: {id}", call, exc, tuple(words)))


def handled(id, call, check=None):
    ROWS.append(Row(f"runs: {id}", call, check=check))


def legit(id, call, check=None):
    ROWS.append(Row(f"runs: {id}", call, check=check, legit=True))


def net(*sizes, **kw):
    return MLP(list(sizes) or [2, 3, 2], seed=0, **kw)


def flat(n):
    return [a.copy() for pair in n.params for a in pair]


def same(a, b):
    return len(a) == len(b) and all(np.array_equal(x, y) for x, y in zip(a, b))


# --- schedules that underflow keep the run ----------------------------------------------------------------------
def complete(epochs):
    return lambda h: len(h.loss) == epochs and np.all(np.isfinite(h.loss)) and not h.diverged


handled("fit exponential_decay underflowing to 0 keeps its run",
        lambda: net().fit(X, Y, epochs=800, lr=optim.exponential_decay(0.2, 1.0)), complete(800))
handled("fit step_decay underflowing to 0 keeps its run",
        lambda: net().fit(X, Y, epochs=1100, lr=optim.step_decay(0.2, drop=0.5, every=1)), complete(1100))
for _name, _make in (("exponential_decay", lambda: optim.exponential_decay(0.2, 0.03)),
                     ("step_decay", lambda: optim.step_decay(0.2, drop=0.5, every=20)),
                     ("inverse_time_decay", lambda: optim.inverse_time_decay(0.2, 1.0))):
    handled(f"{_name} stays above 0 at epoch 10**6 and 10**400", lambda m=_make: (m()(10**6), m()(10**400)),
            lambda r: all(isinstance(v, float) and v > 0 for v in r) and r[1] <= r[0])


def schedule_fails_late(epochs, schedule):
    """A schedule going wrong late in the run: the error comes before the first step."""
    n = net()
    before = flat(n)
    try:
        n.fit(X, Y, epochs=epochs, lr=schedule)
    finally:
        assert same(before, flat(n)), "the net was trained before the bad rate was found"


bad("fit schedule going wrong at epoch 7 changes nothing", lambda: schedule_fails_late(20, lambda e: 0.1 if e < 7
                                                                                       else NAN),
    ValueError, "lr (a schedule)", "nan", "epoch 7")
bad("fit own schedule underflowing to 0 changes nothing", lambda: schedule_fails_late(1200, lambda e: 0.2 * 0.5 ** e),
    ValueError, "lr (a schedule)", "got 0.0", f"epoch {next(e for e in range(2000) if 0.2 * 0.5 ** e == 0)}")


# --- a callback that reassigns net.params ------------------------------------------------------------------------
def clipped_run(reassign, **kw):
    def callback(epoch, n, history):
        if reassign:
            n.params = [(np.clip(W, -0.5, 0.5), b) for W, b in n.params]
        else:
            for W, _ in n.params:
                W[...] = np.clip(W, -0.5, 0.5)
    n = net(2, 8, 2)
    h = n.fit(X, Y, epochs=60, lr=kw.pop("lr", 1.0), callback=callback, **kw)
    return h, flat(n)


handled("fit trains the params a callback assigned (as if clipped in place)",
        lambda: (clipped_run(True), clipped_run(False)),
        lambda r: r[0][0].loss == r[1][0].loss and same(r[0][1], r[1][1]) and r[0][0].loss[-1] < r[0][0].loss[1])
handled("fit with a reassigning callback and patience ends on the best weights",
        lambda: (clipped_run(True, validation=(X, Y), patience=2), clipped_run(False, validation=(X, Y), patience=2)),
        lambda r: r[0][0].best_epoch == r[1][0].best_epoch and same(r[0][1], r[1][1]))
handled("fit blowing up after a reassigning callback keeps finite weights",
        lambda: clipped_run(True, lr=1e300),
        lambda r: all(np.isfinite(a).all() for a in r[1]))


# --- real numbers of any numeric type --------------------------------------------------------------------------
def fit_with(**kw):
    return net().fit(X, Y, epochs=5, **kw).loss


for _arg, _plain, _values in (("lr", 0.5, (Fraction(1, 2), Decimal("0.5"), np.array(0.5), np.float16(0.5))),
                              ("l2", 0.25, (Fraction(1, 4), Decimal("0.25"), np.array(0.25))),
                              ("l1", 0.25, (Fraction(1, 4), Decimal("0.25"), np.array(0.25)))):
    for _value in _values:
        legit(f"fit {_arg}={_value!r}", lambda a=_arg, v=_value, p=_plain: (fit_with(**{a: v}), fit_with(**{a: p})),
              lambda r: r[0] == r[1])
legit("fit schedule returning Fractions", lambda: (fit_with(lr=lambda e: Fraction(1, e + 2)),
                                                   fit_with(lr=lambda e: 1 / (e + 2))), lambda r: r[0] == r[1])
legit("fit epochs as a 0-d integer array", lambda: fit_with(lr=0.1) == net().fit(X, Y, epochs=np.array(5)).loss, bool)
legit("train_epoch lr Fraction", lambda: net().train_epoch(X, Y, Fraction(1, 10), optim.SGD()),
      lambda J: np.isfinite(J))
legit("optim.Adam step lr Decimal", lambda: optim.Adam().step([np.zeros(2)], [np.ones(2)], Decimal("0.1")), None)
legit("optim.Momentum mu Fraction", lambda: optim.Momentum(Fraction(9, 10)).mu, lambda mu: mu == 0.9)
legit("step_decay of Fractions", lambda: optim.step_decay(Fraction(1, 5), Fraction(1, 2), 1)(2),
      lambda r: r == 0.05)
for _arg, _value, _exc in (("lr", True, TypeError), ("lr", Decimal("NaN"), ValueError),
                           ("lr", np.array(NAN), ValueError), ("lr", np.array([0.1]), TypeError),
                           ("lr", Fraction(-1, 2), ValueError), ("l2", Decimal("-1"), ValueError),
                           ("l2", np.array(1j), TypeError), ("lr", 10**400, ValueError)):
    bad(f"fit {_arg}={_value!r:.30}", lambda a=_arg, v=_value: fit_with(**{a: v}), _exc, _arg)
for _id, _call, _plain in (  # the plumbing's real-valued arguments, as a Fraction, a Decimal and a 0-d array
        ("datasets.moons noise", lambda v: datasets.moons(20, noise=v, seed=0)[0], 0.25),
        ("datasets.circles factor", lambda v: datasets.circles(20, factor=v, seed=0)[0], 0.5),
        ("datasets.train_test_split test_size", lambda v: datasets.train_test_split(X, Y, test_size=v)[1], 0.25),
        ("regularise.l2_penalty l2", lambda v: regularise.l2_penalty([X], v, 4), 0.5),
        ("dropout.mask rate", lambda v: dropout.mask(np.random.default_rng(0), (3, 4), v), 0.5),
        ("fit dropout", lambda v: net(2, 4, 2).fit(X, Y, epochs=2, dropout=v, seed=0).loss, 0.5),
        ("Perceptron lr", lambda v: Perceptron(lr=v, seed=0).fit(X, Y).w_, 0.5),
        ("gradcheck.numerical_gradient h", lambda v: numerical_gradient(lambda: float(np.sum(W0 ** 3)), W0, h=v), 0.25),
        ("plotting.grid margin", lambda v: plotting.grid(X, 5, margin=v)[2], 0.5),
        ("widgets.float_slider step", lambda v: widgets.float_slider(0.5, 0, 1, "x", step=v).step, 0.25)):
    for _value in (Fraction(_plain), Decimal(str(_plain)), np.array(_plain)):
        legit(f"{_id}={_value!r}", lambda c=_call, v=_value, p=_plain: (c(v), c(p)),
              lambda r: np.array_equal(r[0], r[1]))
bad("optim.Optimizer() is a base class", lambda: optim.Optimizer().step([np.zeros(2)], [np.ones(2)], 0.1),
    TypeError, "Optimizer", "subclass", "_update")


class _NoUpdate(optim.Optimizer):
    pass


bad("an Optimizer subclass without _update", lambda: _NoUpdate().step([np.zeros(2)], [np.ones(2)], 0.1),
    NotImplementedError, "_NoUpdate", "_update")


# --- autograd ----------------------------------------------------------------------------------------------------
def backward_of(J, *inputs):
    J.backward()
    return [x.grad for x in inputs]


legit("autograd cross_entropy of labels with n = k equals one-hot",
      lambda: (float(cross_entropy(Value(np.eye(3)), np.array([0, 1, 2])).data),
               float(cross_entropy(Value(np.eye(3)), np.eye(3)).data)), lambda r: r[0] == r[1] and r[0] < 0.6)
bad("autograd cross_entropy targets (3,) for z (4, 3)", lambda: cross_entropy(Value(np.zeros((4, 3))), np.ones(3)),
    ValueError, "Y", "(3,)", "(4, 3)")
bad("autograd cross_entropy label 3 of 3 classes", lambda: cross_entropy(Value(np.zeros((3, 3))), [0, 1, 3]),
    ValueError, "Y", "0..2")
bad("autograd cross_entropy one-hot of another shape", lambda: cross_entropy(Value(np.zeros((4, 3))), np.eye(4)),
    ValueError, "Y", "(4, 4)", "(4, 3)")


def wrong_shape_gate():
    x = Value(np.ones((2, 3)))
    return Value(x.data.sum(), [(x, lambda g: g * np.ones(3))], "mysum").backward()


bad("autograd gate returning a gradient of the wrong shape", wrong_shape_gate, ValueError, "'mysum'", "(3,)", "(2, 3)")
handled("autograd x ** 0 at x = 0 has gradient 0", lambda: (lambda x: backward_of(x ** 0, x))(Value(0.0)),
        lambda g: g[0] == 0.0)
handled("autograd x ** 0 of an array with zeros", lambda: (lambda x: backward_of((x ** 0).sum(), x))(Value([0.0, 2.0])),
        lambda g: np.array_equal(g[0], [0.0, 0.0]))
for _value, _exc, _word in ((None, TypeError, "None"), ("abc", TypeError, "'abc'"), ([1.0, None], TypeError, "None"),
                            (1j, TypeError, "complex"), ({1: 2}, TypeError, "{1: 2}")):
    bad(f"autograd Value({_value!r})", lambda v=_value: Value(v), _exc, "data", _word)
legit("autograd Value(True) and numpy scalars", lambda: (Value(True).data, Value(np.float32(2)).data),
      lambda r: r == (1.0, 2.0))
handled("autograd np.sum(v) is v.sum()", lambda: (lambda x: backward_of(np.sum(x * x), x))(Value([1.0, 2.0])),
        lambda g: np.array_equal(g[0], [2.0, 4.0]))
handled("autograd np.mean(v) is v.mean()", lambda: (lambda x: backward_of(np.mean(x * x), x))(Value([1.0, 2.0])),
        lambda g: np.array_equal(g[0], [1.0, 2.0]))
handled("autograd np.mean(v, axis=0)", lambda: (lambda x: backward_of(np.mean(x, axis=0).sum(), x))(
    Value(np.ones((2, 3)))), lambda g: np.array_equal(g[0], np.full((2, 3), 0.5)))
bad("autograd np.sum(v, out=...)", lambda: np.sum(Value([1.0]), out=np.zeros(())), TypeError, "out", "v.sum()")


def changed_after_graph(assign):
    x = Value(2.0)
    J = x * x
    assign(x)
    J.backward()
    return x.grad


bad("autograd x.data = 3 after building the graph", lambda: changed_after_graph(
    lambda x: setattr(x, "data", np.array(3.0))), ValueError, "data", "changed", "forward")
def step(x):
    x.data -= 0.5


bad("autograd x.data -= 0.5 after building the graph", lambda: changed_after_graph(step), ValueError,
    "data", "changed")
legit("autograd a gradient step, then a new graph", lambda: changed_after_graph(lambda x: None), lambda g: g == 4.0)


# --- playground JSON import ------------------------------------------------------------------------------------------
SHARED = []


def export(change):
    """An Adam playground's export, changed by change(d) (a dict)."""
    if not SHARED:
        pg = Playground(seed=0, points=40)
        pg.set(optimizer="adam")
        pg.step(2)
        SHARED.append(pg.export_json())
        pg.close()
    d = json.loads(SHARED[0])
    change(d)
    return d


def imported(change, then=lambda pg: pg.message):
    def call():
        pg = Playground(seed=0, points=40)
        before = pg.export_json()
        try:
            pg.import_json(export(change))
            return then(pg)
        except (TypeError, ValueError):
            assert pg.export_json() == before, "a failed import changed the playground"
            raise
        finally:
            pg.close()
    return call


def counters(value):
    return lambda d: d["optimizer"]["counters"]["t"][0].__setitem__(1, value)


for _label, _value in (("-5", -5), ("Infinity", INF), ("NaN", NAN), ("2.5", 2.5), ("true", True), ("'3'", "3"),
                       ("10**30", 10**30)):
    bad(f"playground import Adam counter {_label}", imported(counters(_value)), ValueError, "optimizer", "counter")
bad("playground import rng state 10**50", imported(lambda d: d["rng"]["state"].__setitem__("state", 10**50)),
    ValueError, "rng")
bad("playground import rng of another generator", imported(lambda d: d["rng"].__setitem__("bit_generator", "MT19937")),
    ValueError, "rng")
for _label, _value in (("10**309", 10**309), ("10**20", 10**20), ("1e9", 1e9)):
    bad(f"playground import epoch {_label}", imported(lambda d, v=_value: d.__setitem__("epoch", v)), ValueError,
        "epoch")
bad("playground import 10**6 points", imported(lambda d: d.update(points=[[0.0, 0.0]] * 10**6,
                                                                  labels=[0, 1] * (10**6 // 2),
                                                                  validation=[False] * 10**6)),
    ValueError, "points", "5000")
handled("playground import NaN in the saved losses is not a divergence",
        imported(lambda d: d.update(losses=[NAN] + d["losses"]), then=lambda pg: (pg.step(2), pg.trainer.diverged)),
        lambda r: r[1] == "")
handled("playground import losses [10**400] are judged afresh",
        imported(lambda d: d.update(losses=[10**400]), then=lambda pg: (pg.step(1), pg.trainer.diverged)),
        lambda r: r[1] == "")
legit("playground import without rng starts the batch order from the seed",
      imported(lambda d: d.pop("rng"), then=lambda pg: pg.epoch), lambda e: e == 10)
