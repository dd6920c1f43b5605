"""What MLP.fit records (lessons 6-9): the History it returns, and early stopping (lesson 9).

Early stopping with patience: after each epoch the validation loss is compared with the lowest so
far; after `patience` epochs without a new lowest, training stops, and the weights of the best
epoch are put back (the network that did best on data it did not train on).
"""
import numbers

import numpy as np

from . import divergence


class History(dict):
    """What `fit` returns: a dict with "loss" (one value per epoch: the mean training loss of
    the epoch's batches, each measured before its update; a diverged run's last value may be inf
    or NaN), "val_loss" and "val_accuracy" when `validation` is given (val_loss is the data term alone,
    net.loss(X_val, y_val), the number settings are chosen by; "loss" includes the l2/l1 penalty), "diverged"
    (divergence.diverged(loss)), and with `patience` "best_epoch" (the index into val_loss of its
    lowest value, whose weights the net ends with) and "stopped_early". Keys also read as
    attributes: `history.loss`. `history.verdict` is nnlib.divergence's message on the training loss:
    "", "diverged at epoch 3: ..." (where the loss blew up) or "unstable: ..." (it spiked and came back)."""

    @property
    def verdict(self):
        return divergence.message(self["loss"])

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


class EarlyStopping:
    """EarlyStopping(patience): call `update(epoch, val_loss, params)` after each epoch; it returns
    True when training should stop. `best_epoch`, `best_loss` and `best_params` (copies) hold the
    best epoch so far. Lesson 9."""

    def __init__(self, patience):
        if isinstance(patience, bool) or not isinstance(patience, numbers.Integral) or patience < 1:
            raise ValueError("patience must be an integer >= 1 (epochs without a lower val_loss), "
                             f"got {patience!r:.60}")
        self.patience = int(patience)
        self.best_epoch, self.best_loss, self.best_params, self.waited = None, np.inf, None, 0

    def update(self, epoch, val_loss, params):
        """Record epoch's val_loss (params: list of (W, b) pairs); True when patience has run out."""
        if val_loss < self.best_loss:
            self.best_epoch, self.best_loss, self.waited = epoch, val_loss, 0
            self.best_params = [(W.copy(), b.copy()) for W, b in params]
            return False
        self.waited += 1
        return self.waited >= self.patience
