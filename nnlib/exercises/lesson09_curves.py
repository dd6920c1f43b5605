"""Lesson 9 (09_generalisation), exercise 5 (diagnose): a training curve that is jagged while the validation curve
is smooth, and the one setting that explains it (dropout: the training loss is measured on thinned networks).
Data for the engine in engine.py; `roughness` runs the experiment the prompt describes."""
import numpy as np

from .engine import Slip, prediction_check

SETTINGS = ("dropout 0.2", "a learning rate too large", "l2 too strong", "patience too short",
            "too few hidden units")


def _jaggedness(curve, skip=100):
    """The mean size of the second difference of a loss curve after its first `skip` epochs: 0 for a smooth one."""
    return float(np.mean(np.abs(np.diff(np.asarray(curve)[skip:], 2))))


def roughness(seed, dropout=0.2, epochs=600):
    """Run it: the colleague's 50-unit network of section 2, full batch, lr 0.3, l2 0.01, patience 200, with this
    dropout; (jaggedness of the training curve, of the validation curve)."""
    from ..data import moons, train_val_test_split
    from ..mlp import MLP
    X_all, y_all = moons(1000, noise=0.3, seed=0)
    X, y, X_val, y_val, _, _ = train_val_test_split(X_all, y_all, val_fraction=0.4, test_fraction=0.5, seed=0)
    hist = MLP([2, 50, 2], seed=seed).fit(X, y, epochs=epochs, lr=0.3, dropout=dropout, seed=seed,
                                          l2=0.01, patience=200, validation=(X_val, y_val))
    return _jaggedness(hist.loss), _jaggedness(hist.val_loss)


SOLUTIONS = {"jagged_curve": "dropout 0.2"}

SLIPS = {"jagged_curve": [
    Slip("lr", "A step too large moves the weights erratically, and both losses are computed from the same "
               "weights after each step: both curves would shake, the validation curve too.",
         "a learning rate too large"),
    Slip("l2", "A strong penalty holds the weights small and the boundary simple; it does not add noise from one "
               "epoch to the next.", "l2 too strong"),
    Slip("patience", "Patience only decides when training stops: it cuts the curves short, it does not change "
                     "how they move before that.", "patience too short"),
    Slip("units", "Too few hidden units make both losses high and close (underfitting), but with full batch "
                  "steps both still fall smoothly.", "too few hidden units"),
]}


def jagged_curve(prediction, grade=False):
    """Lesson 9, exercise 5 (diagnose): which setting makes the training curve jagged and the validation curve
    smooth, full batch."""
    return prediction_check("jagged_curve", prediction, truth="dropout 0.2", options=SETTINGS,
                            right="With dropout every step trains a different thinned network, and `history.loss` "
                                  "is measured on that thinned network, with its own random mask: it jumps from "
                                  "epoch to epoch. The validation loss is measured with dropout off, on the whole "
                                  "network, whose weights change only a little per step: it stays smooth. A jagged "
                                  "training curve under dropout is expected, not a bug.",
                            slips=SLIPS["jagged_curve"], grade=grade)
