"""Training an MLP: one epoch (train_epoch) and a whole run (fit). Lessons 6-8.

An epoch is one pass over the training set: full batch (one gradient step) or shuffled minibatches
(each sample once per epoch), each step through an optim.Optimizer, with optional L2/L1 penalties
(regularise.py) and dropout (dropout.py). `fit` repeats epochs and records a history.History:
the loss per epoch (measured before each step, so it costs no extra forward pass), validation
scores, early stopping (history.EarlyStopping) and the verdict of divergence.diverged.
MLP.train_epoch and MLP.fit call these; the playground calls MLP.train_epoch.
"""
import math
from typing import NamedTuple

import numpy as np

from . import backprop, divergence
from . import dropout as drop
from ._fast import picks as one_hot_picks
from .history import EarlyStopping, History
from .losses import loss_name, targets
from .optim import Optimizer, check_rate, get_optimizer, rate_at
from .validation import affordable, function, network_input, positive
from .validation import seed as as_seed


def _at_least(minimum, integer=False):
    return lambda value, name: positive(value, name, integer=integer, minimum=minimum)


def _optional(check):
    return lambda value, name: None if value is None else check(value, name)


# Each simple option's check, (value, name) -> the checked value (scikit-learn's parameter constraints
# in miniature); fit and train_epoch check their options through this one table.
CONSTRAINTS = {"epochs": _at_least(1, integer=True), "l2": _at_least(0), "l1": _at_least(0),
               "batch_size": _optional(_at_least(1, integer=True)), "callback": _optional(function)}


def _checked(**options):
    """The options, each through its CONSTRAINTS row, as a tuple in the order given."""
    return tuple(CONSTRAINTS[name](value, name) for name, value in options.items())


def _masks(rng, n, rates, units):
    if rates is None:
        return None
    return [drop.mask(rng, (n, u), r) if r else None for u, r in zip(units, rates)]


class Options(NamedTuple):
    """A run's training options, checked once at the public entry point (train_epoch, fit) and then
    passed as one record to every epoch. Lessons 6-8."""
    loss: str  # a name in losses.LOSSES
    l2: float  # L2 penalty (regularise.py)
    l1: float  # L1 penalty
    batch: int  # rows per step; the training set's size for full batch
    rates: list = None  # dropout rate per hidden layer (dropout.rates), or None
    picks: np.ndarray = None  # one-hot targets' flat indices for the fast softmax path (_fast.picks)


def _epoch(net, arrays, X, Y, lr, opt, rng, o):
    """One epoch, unchecked, with options o: the mean loss of its batches, each measured before its update."""
    n = X.shape[0]
    if o.batch >= n:  # full batch: one step
        masks = None if o.rates is None else _masks(rng, n, o.rates, net.layer_sizes[1:-1])
        J, grads = backprop.gradients(net.params, X, Y, net.activation, net.output, o.loss, l2=o.l2, l1=o.l1,
                                      n_reg=n, picks=o.picks, masks=masks)
        opt.step(arrays, grads, lr, check=False)
        return J
    order, J, k = rng.permutation(n), 0.0, Y.shape[1]
    X, Y = X[order], Y[order]  # shuffled once: each batch is then a slice, not a gather
    labels = None if o.picks is None else (o.picks - np.arange(n) * k)[order]
    offsets = np.arange(o.batch) * k  # batch_picks: row * k + label
    for start in range(0, n, o.batch):
        end = min(start + o.batch, n)
        Jb, grads = backprop.gradients(
            net.params, X[start:end], Y[start:end], net.activation, net.output, o.loss, l2=o.l2, l1=o.l1, n_reg=n,
            picks=None if labels is None else offsets[:end - start] + labels[start:end],
            masks=_masks(rng, end - start, o.rates, net.layer_sizes[1:-1]))
        opt.step(arrays, grads, lr, check=False)
        J += Jb * (end - start) / n
    return J


def _checked_targets(net, Y, n, loss):
    """Labels (n,) or an (n, k) target matrix, checked, as a float matrix (n, k)."""
    k = net.layer_sizes[-1]
    try:
        shape = np.shape(Y)
    except ValueError:  # ragged: targets says so
        shape = None
    if shape == (n, k):
        Y = targets(Y, n, k, "identity", "mse", "Y")  # any finite (n, k) matrix ...
        if loss == "cross_entropy" and np.any((Y < 0) | (Y > 1)):  # ... in [0, 1] for cross-entropy
            raise ValueError("Y must lie in [0, 1] for loss='cross_entropy'")
        return Y
    return targets(Y, n, k, net.output, loss, "Y")


def train_epoch(net, X, Y, lr, optimizer, *, loss=None, l2=0.0, l1=0.0, batch_size=None, rng=None, dropout=None):
    """Train `net` one epoch in place; return the epoch's mean training loss. See MLP.train_epoch."""
    X = network_input(X, net.layer_sizes)
    loss = loss_name(loss, net.output)
    n = X.shape[0]
    Y = _checked_targets(net, Y, n, loss)
    lr = positive(lr, "lr")
    l2, l1, batch_size = _checked(l2=l2, l1=l1, batch_size=batch_size)
    if not isinstance(optimizer, Optimizer):
        raise TypeError(f"optimizer must be an nnlib.optim.Optimizer (it keeps its state between epochs), "
                        f"got {optimizer!r:.60}; make one with optim.get_optimizer(name)")
    batch = n if batch_size is None else min(batch_size, n)
    rates = drop.rates(dropout, len(net.layer_sizes) - 2)
    if (batch < n or rates is not None) and not isinstance(rng, np.random.Generator):
        raise TypeError(f"rng must be a np.random.Generator when batch_size < n or dropout is used, got {rng!r:.60}")
    options = Options(loss, l2, l1, batch, rates, one_hot_picks(Y, net.output, loss))
    arrays = [a for pair in net.params for a in pair]
    with np.errstate(all="ignore"):
        return _epoch(net, arrays, X, Y, lr, optimizer, rng, options)


class _Run:
    """One fit's settings and state (a plain record)."""

    def __init__(self, **fields):
        self.bad = None  # the epoch whose loss was not finite
        self.__dict__.update(fields)


def fit(net, X, y, *, epochs=1000, lr=0.1, loss=None, l2=0.0, batch_size=None, optimizer="sgd", seed=None,
        callback=None, validation=None, l1=0.0, dropout=None, patience=None):
    """Train `net` epoch by epoch; return a History. See MLP.fit."""
    run = _setup(net, X, y, dict(epochs=epochs, lr=lr, loss=loss, l2=l2, batch_size=batch_size, optimizer=optimizer,
                                 seed=seed, callback=callback, validation=validation, l1=l1, dropout=dropout,
                                 patience=patience))
    with np.errstate(all="ignore"):
        _loop(net, run)
    return _finish(net, run)


def _setup(net, X, y, given):
    """fit's arguments (the options in the dict `given`), checked, as one record (nothing changes before
    all are checked)."""
    epochs, lr, loss, l2, l1 = given["epochs"], given["lr"], given["loss"], given["l2"], given["l1"]
    batch_size, callback, validation, patience = (given[k] for k in ("batch_size", "callback", "validation",
                                                                      "patience"))
    X = network_input(X, net.layer_sizes)
    loss = loss_name(loss, net.output)
    Y = targets(y, X.shape[0], net.layer_sizes[-1], net.output, loss)
    l2, l1, epochs, batch_size, callback = _checked(l2=l2, l1=l1, epochs=epochs, batch_size=batch_size,
                                                    callback=callback)
    affordable(epochs, "epochs", epochs)  # the history keeps one loss per epoch
    lr = check_rate(lr, epochs)
    stopper = None if patience is None else EarlyStopping(patience)
    if patience is not None and validation is None:
        raise ValueError(f"patience={patience!r} must come with validation=(X_val, y_val): early stopping "
                         "watches the validation loss")
    options = Options(loss, l2, l1, X.shape[0] if batch_size is None else min(int(batch_size), X.shape[0]),
                      drop.rates(given["dropout"], len(net.layer_sizes) - 2), one_hot_picks(Y, net.output, loss))
    run = _Run(X=X, Y=Y, options=options, epochs=epochs, lr=lr, callback=callback, stopper=stopper,
               val=None if validation is None else _validation(net, validation, loss),
               rng=np.random.default_rng(as_seed(given["seed"])), opt=get_optimizer(given["optimizer"]),
               arrays=[a for pair in net.params for a in pair], history=History(loss=[], diverged=False))
    run.opt.reset()
    if run.val is not None:
        run.history["val_loss"], run.history["val_accuracy"] = [], []
    run.saved = [(0, [a.copy() for a in run.arrays])]
    return run


def _validation(net, validation, loss):
    if not isinstance(validation, (tuple, list)) or len(validation) != 2:
        raise ValueError(f"validation must be a pair (X_val, y_val), got {validation!r:.60}")
    X_val = network_input(validation[0], net.layer_sizes, "validation X")
    Y_val = targets(validation[1], X_val.shape[0], net.layer_sizes[-1], net.output, loss, "validation y")
    truth = None if net.output == "identity" else backprop.labels(Y_val, net.output)  # as predictions are
    return X_val, Y_val, truth, backprop.loss_fn(net.output, loss)


def _loop(net, run):
    """fit's epochs; stops on a non-finite loss, on patience, or when the callback returns False."""
    X, Y, options, opt, rng, history = run.X, run.Y, run.options, run.opt, run.rng, run.history
    losses, schedule = history["loss"], run.lr if callable(run.lr) else None
    lr = run.lr
    for epoch in range(run.epochs):
        if schedule is not None:
            lr = rate_at(schedule, epoch)
        arrays = run.arrays
        J = _epoch(net, arrays, X, Y, lr, opt, rng, options)
        losses.append(J)
        if not math.isfinite(J):  # inf or NaN: stop, and put back finite weights (_finish)
            run.bad = epoch
            return
        if losses[0] <= J:  # not below its start: keep these weights, in case it blows up next
            run.saved = [run.saved[-1], (epoch + 1, [a.copy() for a in arrays])]
        if run.val is not None and _score(net, run, epoch):
            return
        if run.callback is not None and _call_back(net, run, epoch) is False:
            return


def _call_back(net, run, epoch):
    """The callback's answer; if it assigned net.params, the run goes on with the arrays the net holds now
    (updating the old ones would train weights nobody uses: the loss would stay flat)."""
    answer = run.callback(epoch, net, run.history)
    if any(a is not b for a, b in zip(run.arrays, (a for pair in net.params for a in pair))):
        run.arrays = [a for pair in net.params for a in pair]
    return answer


def _score(net, run, epoch):
    """Validation loss and accuracy after an epoch; True when early stopping says stop."""
    X_val, Y_val, truth, loss_fn = run.val
    y_hat = backprop.forward(net.params, X_val, net.activation, net.output)[-1]  # one pass scores both
    val_loss = float(loss_fn(y_hat, Y_val))  # the data term alone: what a setting is chosen by (lesson 6)
    run.history["val_loss"].append(val_loss)
    if truth is not None:
        right = backprop.labels(y_hat, net.output) == truth
        run.history["val_accuracy"].append(float(np.mean(right if right.ndim == 1 else right.all(axis=1))))
    return run.stopper is not None and run.stopper.update(epoch, val_loss, net.params)


def _finish(net, run):
    """Divergence verdict, finite weights after a blow-up, the best weights with patience."""
    history, stopper = run.history, run.stopper
    history["diverged"] = divergence.diverged(history["loss"])
    if run.bad is not None:
        _, saved = [s for s in run.saved if s[0] < run.bad][-1] if run.bad else run.saved[0]
        for a, b in zip(run.arrays, saved):
            a[...] = b
    if stopper is not None:
        history["best_epoch"] = stopper.best_epoch
        history["stopped_early"] = stopper.waited >= stopper.patience
        if stopper.best_params is not None:
            for (W, b), (W_best, b_best) in zip(net.params, stopper.best_params):
                W[...], b[...] = W_best, b_best
    return history
