"""Bad-input rows from a tester's odd inputs beyond the issue's list (see bad_input_row.Row): autograd
at the edges of its functions (0 ** -1, log 0, overflow), shapes that do not broadcast, targets out of
[0, 1], mlp_loss's arguments, data changed in place after a graph was built; optimizers reused on other
parameters; playground exports with impossible optimizer state or history.

Each row was seen failing before its fix (a RuntimeWarning escaping, a raw numpy error, or a result
silently wrong: a healthy imported run marked diverged, a gradient mixing old and new values).
"""
import json

import numpy as np
from support.bad_input_row import Row

from nnlib import MLP, optim
from nnlib.autograd import Value, cross_entropy, mlp_loss
from nnlib.playground import Playground

ROWS = []
NAN, INF = float("nan"), float("inf")
RNG = np.random.default_rng(0)
X = RNG.normal(size=(12, 2))
Y = np.arange(12) % 2


def bad(id, call, exc, *words):
    ROWS.append(Row(f"odd: {id}", call, exc, tuple(words)))


def handled(id, call, check=None):
    ROWS.append(Row(f"odd: {id}", call, check=check))


def legit(id, call, check=None):
    ROWS.append(Row(f"odd: {id}", call, check=check, legit=True))


# --- autograd at the edges -------------------------------------------------------------------------------------
def grad_of(f, x0):
    """(f(x).data, df/dx) at x0, for a scalar f."""
    x = Value(x0)
    J = f(x)
    J.backward()
    return float(J.data), float(x.grad)


handled("autograd sqrt at 0: slope inf, no warning", lambda: grad_of(lambda x: x ** 0.5, 0.0),
        lambda r: r == (0.0, INF))
handled("autograd 1 / x at 0: inf, no warning", lambda: grad_of(lambda x: x ** -1, 0.0), lambda r: r == (INF, -INF))
handled("autograd log 0: -inf, no warning", lambda: grad_of(lambda x: x.log(), 0.0), lambda r: r == (-INF, INF))
handled("autograd exp 1000 overflows to inf, no warning", lambda: grad_of(lambda x: x.exp(), 1000.0),
        lambda r: r == (INF, INF))
handled("autograd 1e200 * 1e200 overflows to inf, no warning", lambda: grad_of(lambda x: x * x, 1e200),
        lambda r: r == (INF, 2e200))
bad("autograd (2,) + (3,)", lambda: Value(np.ones(2)) + Value(np.ones(3)), ValueError, "+", "(2,)", "(3,)")
bad("autograd (2,) * (3,)", lambda: Value(np.ones(2)) * np.ones(3), ValueError, "*", "(2,)", "(3,)")
bad("autograd cross_entropy targets of 5", lambda: cross_entropy(Value(np.zeros((2, 2))), np.full((2, 2), 5.0)),
    ValueError, "Y", "[0, 1]")
bad("autograd cross_entropy NaN targets", lambda: cross_entropy(Value(np.zeros((2, 2))), np.full((2, 2), NAN)),
    ValueError, "Y", "finite")


def in_place(x):
    J = x * x
    x.data[()] = 5.0  # in place: the graph's product used 3
    J.backward()
    return x.grad


bad("autograd x.data[()] = 5 after building the graph", lambda: in_place(Value(3.0)), ValueError, "changed",
    "forward pass")

PARAMS = [(np.ones((2, 2)), np.zeros(2))]
for _id, _kw, _exc, _words in (("l2=-1", {"l2": -1}, ValueError, ("l2", "-1")),
                               ("l2='a'", {"l2": "a"}, TypeError, ("l2", "'a'")),
                               ("params [1, 2]", {"params": [1, 2]}, TypeError, ("params", "pairs")),
                               ("X NaN", {"X": np.full((12, 2), NAN)}, ValueError, ("X", "finite")),
                               ("X of 3 features", {"X": np.ones((12, 3))}, ValueError, ("X", "2 features")),
                               ("activation 'softmax'", {"activation": "softmax"}, ValueError, ("activation",))):
    bad(f"autograd mlp_loss {_id}", lambda kw=_kw: mlp_loss(**{"params": PARAMS, "X": X, "Y": np.eye(2)[Y], **kw}),
        _exc, *_words)
legit("autograd mlp_loss with labels and a Value X", lambda: (float(mlp_loss(PARAMS, Value(X), Y).data),
                                                               float(mlp_loss(PARAMS, X, np.eye(2)[Y]).data)),
      lambda r: r[0] == r[1])


# --- optimizers reused --------------------------------------------------------------------------------------------
def reused(opt):
    opt.step([np.zeros(2)], [np.ones(2)], 0.1)
    return opt.step([np.zeros(3)], [np.ones(3)], 0.1)


for _name in ("momentum", "nesterov", "adagrad", "rmsprop", "adam"):
    bad(f"{_name} reused on params of another shape", lambda n=_name: reused(optim.get_optimizer(n)), ValueError,
        "(2,)", "(3,)", "reset()")
def reset_between(opt):
    p = np.zeros(3)
    opt.step([np.zeros(2)], [np.ones(2)], 0.1)
    opt.reset()
    opt.step([p], [np.ones(3)], 0.1)
    return p


legit("adam reused after reset()", lambda: reset_between(optim.Adam()), lambda p: np.allclose(p, -0.1))
def halved_by_callback():
    """A rate the callback halves every 5 epochs, read by the schedule: as step_decay(0.5, 0.5, 5)."""
    state = {"lr": 0.5}

    def callback(epoch, net, history):
        if epoch % 5 == 4:
            state["lr"] /= 2
    return MLP([2, 3, 2], seed=0).fit(X, Y, epochs=20, lr=lambda e: state["lr"], callback=callback).loss


legit("fit schedule following a callback's changes", lambda: (
    halved_by_callback(), MLP([2, 3, 2], seed=0).fit(X, Y, epochs=20, lr=optim.step_decay(0.5, 0.5, 5)).loss),
    lambda r: r[0] == r[1])
legit("fit with bool labels is fit with 0/1", lambda: (MLP([2, 3, 2], seed=0).fit(X, Y.astype(bool), epochs=3).loss,
                                                       MLP([2, 3, 2], seed=0).fit(X, Y, epochs=3).loss),
      lambda r: r[0] == r[1])


# --- playground exports with impossible optimizer state or history -----------------------------------------------
SAVED = []


def imported(change, then=lambda pg: pg.message):
    """Import an Adam playground's export changed by change(d); a failure must change nothing."""
    def call():
        if not SAVED:
            pg = Playground(seed=0, points=40)
            pg.set(optimizer="adam")
            pg.step(2)
            SAVED.append(pg.export_json())
            pg.close()
        d = json.loads(SAVED[0])
        change(d)
        pg = Playground(seed=0, points=40)
        before = pg.export_json()
        try:
            pg.import_json(d)
            return then(pg)
        except (TypeError, ValueError):
            assert pg.export_json() == before, "a failed import changed the playground"
            raise
        finally:
            pg.close()
    return call


def entries(d, part):
    return [e for e in d["optimizer"]["state"] if e[0][0] == part]


bad("playground import Adam's v below 0", imported(lambda d: [e.__setitem__(1, (-np.abs(e[1]) - 1).tolist())
                                                           for e in entries(d, "v")]),
    ValueError, "optimizer", ">= 0")
bad("playground import an entry Adam does not keep",
    imported(lambda d: d["optimizer"]["state"].append([["x", 0], 1.0])),
    ValueError, "optimizer", "'x'")
bad("playground import an entry for params[-1]",
    imported(lambda d: d["optimizer"]["state"].append([["m", -1], [0.0, 0.0]])),
    ValueError, "optimizer", "-1")
handled("playground import a history epoch of 400 digits is rebuilt",
        imported(lambda d: d["history"]["epoch"].__setitem__(0, 10**400), then=lambda pg: (pg.step(1), pg.epoch)),
        lambda r: r[1] == 15)
