"""Every public entry point of the core maths, fed odd values argument by argument: each call
either works or raises ValueError/TypeError with a message of the form "<argument> must ..." (or "...
would need N GiB of memory"), never
a raw numpy/Python error, a warning (warnings are errors here) or a hang."""
import re
import signal

import numpy as np
import pytest

from nnlib import MLP, divergence, dropout, init, layers, losses, optim, regularise
from nnlib.history import EarlyStopping

X = np.random.default_rng(0).normal(size=(6, 2))
Y = np.arange(6) % 2
ODD = [None, "a", [], [[1], [1, 2]], np.nan, np.inf, -1, 0, 1e308, -1e308, 1j, True, {1, 2}, object(), (1, 2), 2**70,
       np.zeros((0, 2)), np.zeros((2, 0)), np.zeros((6, 2, 1)), [1.0] * 6, np.full((6, 2), 1e300), np.array(["a"] * 6)]


FIT_OPTIONS = ["epochs", "lr", "loss", "l2", "batch_size", "optimizer", "seed", "callback", "validation", "l1",
               "dropout", "patience"]  # keyword-only, fed here in this order
EPOCH_OPTIONS = ["loss", "l2", "l1", "batch_size", "rng", "dropout"]   # keyword-only


def mk():
    return MLP([2, 3, 2], seed=0)


CALLS = {  # name: (function, arguments that work)
    "MLP": (MLP, [[2, 3, 2], "tanh", "softmax", 0, "lecun"]),
    "MLP.forward": (lambda *a: mk().forward(*a), [X]),
    "MLP.predict_proba": (lambda *a: mk().predict_proba(*a), [X]),
    "MLP.accuracy": (lambda *a: mk().accuracy(*a), [X, Y]),
    "MLP.loss": (lambda *a: mk().loss(*a), [X, Y, None, 0.0, 0.0]),
    "MLP.loss_and_grads": (lambda *a: mk().loss_and_grads(*a), [X, Y, None, 0.0, 0.0, None]),
    "MLP.targets": (lambda *a: mk().targets(*a), [Y, None]),
    "MLP.fit": (lambda X_, y_, *a: mk().fit(X_, y_, **dict(zip(FIT_OPTIONS, a))),
                [X, Y, 3, 0.1, None, 0.0, None, "sgd", 0, None, None, 0.0, None, None]),
    "MLP.train_epoch": (lambda *a: mk().train_epoch(*a[:4], **dict(zip(EPOCH_OPTIONS, a[4:]))),
                        [X, Y, 0.1, optim.SGD(), None, 0.0, 0.0, 2, np.random.default_rng(0), None]),
    "losses.mse": (losses.mse, [np.zeros((2, 2)), np.ones((2, 2))]),
    "losses.cross_entropy": (losses.cross_entropy, [np.full((2, 2), 0.5), np.ones((2, 2))]),
    "losses.binary_cross_entropy": (losses.binary_cross_entropy, [np.full((2, 2), 0.5), np.ones((2, 2))]),
    "losses.output_delta": (losses.output_delta, [np.zeros((2, 2)), np.ones((2, 2)), "softmax", "cross_entropy"]),
    "losses.targets": (losses.targets, [Y, 6, 2, "softmax", "cross_entropy", "y"]),
    "losses.one_hot": (losses.one_hot, [Y, 2]),
    "losses.loss_name": (losses.loss_name, [None, "softmax"]),
    "layers.softmax": (layers.softmax, [np.zeros((2, 2))]),
    "layers.sigmoid": (layers.sigmoid, [np.zeros(2)]),
    "layers.leaky_relu": (layers.leaky_relu, [np.zeros(2)]),
    "optim.Adam": (optim.Adam, [0.9, 0.999, 1e-8]),
    "optim.Momentum": (optim.Momentum, [0.9]),
    "optim.RMSprop": (optim.RMSprop, [0.9, 1e-8]),
    "optim.Adagrad": (optim.Adagrad, [1e-8]),
    "Adam.step": (lambda *a: optim.Adam().step(*a), [[np.zeros(2)], [np.ones(2)], 0.1]),
    "Momentum.step": (lambda *a: optim.Momentum().step(*a), [[np.zeros(2)], [np.ones(2)], 0.1]),
    "optim.get_optimizer": (optim.get_optimizer, ["sgd"]),
    "optim.step_decay": (optim.step_decay, [0.1, 0.5, 10]),
    "optim.exponential_decay": (optim.exponential_decay, [0.1, 0.01]),
    "optim.inverse_time_decay": (optim.inverse_time_decay, [0.1, 0.01]),
    "a schedule's rate": (lambda e: optim.step_decay(0.1)(e), [3]),
    "optim.rate_at": (optim.rate_at, [lambda e: 0.1, 0]),
    "divergence.diverged": (divergence.diverged, [[0.5, 0.4], 10, None]),
    "divergence.message": (divergence.message, [[0.5, 0.4], 10, None]),
    "init.weights": (init.weights, [[2, 3], "lecun", 0]),
    "dropout.mask": (dropout.mask, [np.random.default_rng(0), (2, 2), 0.5]),
    "dropout.forward": (dropout.forward, [np.ones((2, 2)), np.ones((2, 2))]),
    "dropout.backward": (dropout.backward, [np.ones((2, 2)), np.ones((2, 2))]),
    "dropout.rates": (dropout.rates, [0.5, 1]),
    "regularise.l1_penalty": (regularise.l1_penalty, [[np.ones(2)], 0.1, 2]),
    "regularise.l2_penalty": (regularise.l2_penalty, [[np.ones(2)], 0.1, 2]),
    "regularise.l1_gradient": (regularise.l1_gradient, [np.ones(2), 0.1, 2]),
    "EarlyStopping": (EarlyStopping, [3]),
}


def _alarm(signum, frame):
    raise TimeoutError("took more than 5 s")


@pytest.mark.parametrize("name", sorted(CALLS))
def test_odd_arguments(name):
    fn, args = CALLS[name]
    fn(*args)  # the call works as given
    old = signal.signal(signal.SIGALRM, _alarm)
    try:
        for i, value in ((i, v) for i in range(len(args)) for v in ODD):
            call = args[:i] + [value] + args[i + 1:]
            signal.alarm(5)
            try:
                fn(*call)
            except (ValueError, TypeError) as e:
                assert re.search(" must | would need ", str(e)) and not re.search("numpy|Traceback", str(e)), \
                    f"argument {i} = {value!r:.40}: {type(e).__name__}: {e}"
            finally:
                signal.alarm(0)
    finally:
        signal.signal(signal.SIGALRM, old)
