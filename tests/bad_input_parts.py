"""Bad-input rows for the parts of the core maths (see bad_input_row.Row): losses, layers, optimizers and
schedules, divergence, init, dropout, regularise, early stopping. Split from bad_input_mlp (their ids
keep its "mlp: " prefix).

Each argument handed to a checker of nnlib/validation has one route row (each), whose bad value must
raise from that checker, named; the checkers' bad values are their tables (bad_input_checkers). Then
the errors the functions raise themselves, extreme inputs that must be handled and legitimate ones.
"""
from functools import partial

import numpy as np
from support.bad_input_row import Table

from nnlib import divergence, dropout, init, layers, losses, optim, regularise
from nnlib.history import EarlyStopping

TABLE = Table("mlp: ")
ROWS = TABLE.rows
bad, route, handled, legit, each = TABLE.bad, TABLE.route, TABLE.handled, TABLE.legit, TABLE.each
NAN, INF = float("nan"), float("inf")
RNG = np.random.default_rng(0)


# --- losses ------------------------------------------------------------------------------------------------------
for fn in (losses.mse, losses.binary_cross_entropy, losses.cross_entropy):
    name = fn.__name__
    bad(f"losses.{name} (4, 1) against (4,)", partial(fn, np.full((4, 1), 0.5), np.ones(4)), ValueError, "Y",
        "(4, 1)", "(4,)")
    bad(f"losses.{name} (4, 2) against (2, 4)", partial(fn, np.full((4, 2), 0.5), np.ones((2, 4))), ValueError, "Y",
        "(2, 4)")
    bad(f"losses.{name} NaN", partial(fn, np.full((2, 2), NAN), np.ones((2, 2))), ValueError, "finite")
    bad(f"losses.{name} text", partial(fn, "ab", np.ones((2, 2))), TypeError, "'ab'")
    bad(f"losses.{name} complex", partial(fn, np.ones((2, 2)) + 1j, np.ones((2, 2))), TypeError, "complex")
    bad(f"losses.{name} empty", partial(fn, np.zeros((0, 2)), np.zeros((0, 2))), ValueError, "n >= 1")
    bad(f"losses.{name} 3-D", partial(fn, np.zeros((2, 2, 2)), np.zeros((2, 2, 2))), ValueError, "(n, k)")
    legit(f"losses.{name} lists", partial(fn, [[0.5, 0.5]], [[1.0, 0.0]]), lambda J: np.isfinite(J))
for fn in (losses.binary_cross_entropy, losses.cross_entropy):
    bad(f"losses.{fn.__name__} probabilities above 1", partial(fn, np.full((2, 2), 1.5), np.ones((2, 2))),
        ValueError, "p", "[0, 1]")
legit("losses.mse (4,) against (4,) is 0.5", lambda: losses.mse(np.zeros(4), np.ones(4)), lambda J: J == 0.5)
handled("losses.cross_entropy of a confident wrong answer is finite", lambda: losses.cross_entropy(
    [[0.0, 1.0]], [[1.0, 0.0]]), lambda J: J == losses.CEILING)
bad("losses.output_delta bad output", lambda: losses.output_delta(np.zeros((2, 2)), np.zeros((2, 2)), "tanh", "mse"),
    ValueError, "output", "'tanh'")
bad("losses.output_delta bad loss", lambda: losses.output_delta(np.zeros((2, 2)), np.zeros((2, 2)), "softmax", "l1"),
    ValueError, "loss", "'l1'")
bad("losses.output_delta identity with cross_entropy", lambda: losses.output_delta(
    np.zeros((2, 2)), np.zeros((2, 2)), "identity", "cross_entropy"), ValueError, "cross_entropy", "identity")
bad("losses.output_delta shapes", lambda: losses.output_delta(np.zeros((2, 1)), np.zeros(2), "identity", "mse"),
    ValueError, "Y", "(2, 1)", "(2,)")

# --- layers --------------------------------------------------------------------------------------------------------
for fn in (layers.sigmoid, layers.tanh, layers.relu, layers.leaky_relu, layers.identity, layers.softmax):
    name = fn.__name__
    route(f"layers.{name} text", partial(fn, "abc"), TypeError, "z", "'abc'")
    handled(f"layers.{name} of +-1e308 without warning", partial(fn, np.array([[1e308, -1e308]])),
            lambda a: a.shape == (1, 2))
bad("layers.softmax 3-D", lambda: layers.softmax(np.zeros((2, 2, 2))), ValueError, "z", "(2, 2, 2)")
bad("layers.softmax inf", lambda: layers.softmax([[INF, 0.0]]), ValueError, "z", "finite")
bad("layers.softmax NaN", lambda: layers.softmax([NAN, 0.0]), ValueError, "z", "finite")
bad("layers.softmax empty rows", lambda: layers.softmax(np.zeros((2, 0))), ValueError, "z", "(2, 0)")
legit("layers.sigmoid of a number", lambda: layers.sigmoid(0.0), lambda a: a == 0.5)
legit("layers.tanh of a list", lambda: layers.tanh([0.0, 1.0]), lambda a: a.shape == (2,))

# --- optimizers and schedules ----------------------------------------------------------------------------------------
each("Adam", optim.Adam, "beta1", [(1, ValueError, "[0, 1)")])
each("Adam", optim.Adam, "beta2", [(1.0, ValueError)])
each("Adam", optim.Adam, "eps", [(0, ValueError, "> 0")])
each("Adagrad", optim.Adagrad, "eps", [(0, ValueError, "> 0")])
each("Momentum", optim.Momentum, "mu", [(1, ValueError, "[0, 1)")])
each("Nesterov", optim.Nesterov, "mu", [(1.2, ValueError)])
each("RMSprop", optim.RMSprop, "rho", [(2, ValueError, "[0, 1)")])
each("RMSprop", optim.RMSprop, "eps", [(0.0, ValueError)])
P2 = [np.zeros((2, 3)), np.zeros(3)]
for name in sorted(optim.OPTIMIZERS):
    step = partial(lambda nm, *a: optim.get_optimizer(nm).step(*a), name)
    bad(f"{name}.step too few grads", partial(step, [np.zeros(2), np.zeros(3)], [np.zeros(2)], 0.1), ValueError,
        "params and grads", "2 and 1")
    bad(f"{name}.step wrong grad shape", partial(step, [np.zeros((2, 3))], [np.zeros((3, 2))], 0.1), ValueError,
        "grads[0]", "(2, 3)", "(3, 2)")
    bad(f"{name}.step lr 0", partial(step, [np.zeros(2)], [np.ones(2)], 0), ValueError, "lr", "> 0")
    bad(f"{name}.step NaN gradient", partial(step, [np.zeros(2)], [np.array([NAN, 0.0])], 0.1), ValueError,
        "grads[0]", "finite")
    bad(f"{name}.step integer params", partial(step, [np.zeros(2, dtype=int)], [np.ones(2)], 0.1), TypeError,
        "params[0]", "float")
    handled(f"{name}.step gradients of 1e300 without warning", partial(
        lambda st: (lambda p: (st([p], [np.full(2, 1e300)], 0.1), p)[1])(np.zeros(2)), step),
        lambda p: p.shape == (2,))
bad("sgd.step params a single array", lambda: optim.SGD().step(np.zeros(2), [np.ones(2)], 0.1), TypeError, "params")
bad("sgd.step params as lists", lambda: optim.SGD().step([[0.0, 0.0]], [[1.0, 1.0]], 0.1), TypeError, "params[0]")
bad("sgd.step text gradient", lambda: optim.SGD().step([np.zeros(2)], ["ab"], 0.1), TypeError, "grads[0]")
legit("sgd.step list gradient", lambda: (lambda p: (optim.SGD().step([p], [[1.0, 2.0]], 0.5), p)[1])(np.zeros(2)),
      lambda p: p.tolist() == [-0.5, -1.0])
each("step_decay", optim.step_decay, "drop", [(2.0, ValueError, "(0, 1]")], lr=0.1)
each("exponential_decay", optim.exponential_decay, "gamma", [(-0.1, ValueError)], lr=0.1)
bad("schedule at epoch -1", lambda: optim.step_decay(0.1)(-1), ValueError, "epoch", "-1")
bad("schedule at epoch 1.5", lambda: optim.inverse_time_decay(0.1)(1.5), ValueError, "epoch", "1.5")
bad("schedule at epoch 'a'", lambda: optim.exponential_decay(0.1)("a"), ValueError, "epoch", "'a'")
handled("step_decay far out underflows to 0 without error", lambda: optim.step_decay(0.1)(10**6), lambda r: r >= 0)

# --- divergence, init, dropout, regularise, early stopping ---------------------------------------------------
for fn in (divergence.diverged, divergence.message, divergence.epoch):
    name = fn.__name__
    bad(f"divergence.{name} text", partial(fn, "abc"), TypeError, "losses")
    bad(f"divergence.{name} None", partial(fn, None), TypeError, "losses")
    bad(f"divergence.{name} 2-D", partial(fn, [[0.5, 0.4]]), ValueError, "losses", "one-dimensional")
    bad(f"divergence.{name} warmup -1", partial(fn, [0.5], warmup=-1), ValueError, "warmup", "-1")
    bad(f"divergence.{name} warmup 1.5", partial(fn, [0.5], warmup=1.5), ValueError, "warmup", "1.5")
    bad(f"divergence.{name} ceiling 0", partial(fn, [0.5], ceiling=0), ValueError, "ceiling")
bad("divergence.diverged text losses", lambda: divergence.diverged(["a", "b"]), TypeError, "losses")
legit("divergence.diverged of nothing", lambda: divergence.diverged([]), lambda d: d is False)
legit("divergence.diverged numpy array", lambda: divergence.diverged(np.array([0.7, 0.5])), lambda d: d is False)
handled("divergence.diverged inf loss", lambda: divergence.diverged([0.7, INF]), lambda d: d is True)
handled("divergence.message NaN", lambda: divergence.message([0.7, NAN]), lambda m: "epoch 2" in m)
bad("init.weights a set", lambda: init.weights({2, 3}), ValueError, "layer_sizes")
bad("init.weights bad init", lambda: init.weights([2, 3], init="uniform"), ValueError, "init", "'uniform'")
bad("init.weights bad seed", lambda: init.weights([2, 3], seed="x"), TypeError, "seed", "'x'")
bad("dropout.mask RandomState", lambda: dropout.mask(np.random.RandomState(0), (2, 2), 0.5), TypeError, "rng",
    "Generator")
bad("dropout.mask rate 1", lambda: dropout.mask(RNG, (2, 2), 1.0), ValueError, "rate", "[0, 1)")
bad("dropout.mask shape 3-D", lambda: dropout.mask(RNG, (2, 2, 2), 0.5), ValueError, "shape", "(n, units)")
bad("dropout.mask huge shape", lambda: dropout.mask(RNG, (10**6, 10**6), 0.5), ValueError, "shape", "GiB")
bad("dropout.mask shape of floats", lambda: dropout.mask(RNG, (2.0, 2), 0.5), ValueError, "shape")
bad("dropout.forward shapes differ", lambda: dropout.forward(np.zeros((2, 3)), np.ones((3, 2))), ValueError, "a", "M")
bad("dropout.backward shapes differ", lambda: dropout.backward(np.zeros((2, 3)), np.ones(3)), ValueError, "da", "M")
bad("dropout.rates wrong count", lambda: dropout.rates([0.1, 0.2], 3), ValueError, "dropout", "3 rates")
bad("regularise.l1_penalty negative", lambda: regularise.l1_penalty([np.ones(2)], -1, 4), ValueError, "l1")
bad("regularise.l2_penalty n 0", lambda: regularise.l2_penalty([np.ones(2)], 0.1, 0), ValueError, "n", ">= 1")
bad("regularise.l1_gradient NaN", lambda: regularise.l1_gradient(np.array([NAN]), 0.1, 4), ValueError, "weights",
    "finite")
bad("regularise.l2_penalty text", lambda: regularise.l2_penalty(["ab"], 0.1, 4), TypeError, "weights")
bad("EarlyStopping patience 0", lambda: EarlyStopping(0), ValueError, "patience", ">= 1")
bad("EarlyStopping patience text", lambda: EarlyStopping("3"), ValueError, "patience", "'3'")
bad("losses.one_hot label 3 of 3", lambda: losses.one_hot([0, 3], 3), ValueError, "labels", "0..2")
bad("losses.one_hot k 0", lambda: losses.one_hot([0], 0), ValueError, "k", ">= 1")
bad("losses.one_hot text", lambda: losses.one_hot("ab", 2), TypeError, "labels")
legit("losses.one_hot", lambda: losses.one_hot(np.array([1, 0]), 2), lambda Y: Y.tolist() == [[0, 1], [1, 0]])
