"""Lesson 9 (09_generalisation), exercise 5 (diagnose): three colleagues each change one thing from section 2's
50-unit network (dropout 0.2, minibatches of 10, lr 3), and all three get a jagged training curve; the plot shown
has a smooth validation curve, and only dropout explains that (the training loss is measured on thinned networks,
while minibatches and a large step shake the weights, which both losses are computed from).
Data for the engine in engine.py; `roughness` runs the experiment the prompt describes."""
import re

import numpy as np

from .engine import Slip, prediction_check
from .wrong_numbers import plain_text

CHANGES = {"dropout 0.2": {"dropout": 0.2}, "minibatches of 10": {"batch_size": 10}, "lr 3": {"lr": 3.0}}
SETTINGS = tuple(CHANGES)


def _jaggedness(curve, skip=100):
    """The mean size of the second difference of a loss curve after its first `skip` epochs: 0 for a smooth one."""
    return float(np.mean(np.abs(np.diff(np.asarray(curve)[skip:], 2))))


def roughness(seed, change=None, epochs=600):
    """Run it: section 2's 50-unit network, full batch, lr 0.3, l2 0.01, patience 200, with one of CHANGES (None:
    none); (jaggedness of the training curve, of the validation curve)."""
    from ..data import moons, train_val_test_split
    from ..mlp import MLP
    X_all, y_all = moons(1000, noise=0.3, seed=0)
    X, y, X_val, y_val, _, _ = train_val_test_split(X_all, y_all, val_fraction=0.4, test_fraction=0.5, seed=0)
    settings = dict(epochs=epochs, lr=0.3, l2=0.01, patience=200, seed=seed, validation=(X_val, y_val))
    settings.update(CHANGES[change] if change is not None else {})
    hist = MLP([2, 50, 2], seed=seed).fit(X, y, **settings)
    return _jaggedness(hist.loss), _jaggedness(hist.val_loss)


SOLUTIONS = {"jagged_curve": "dropout 0.2"}

SLIPS = {"jagged_curve": [
    Slip("minibatches", "Minibatch noise is noise in the weights: each step follows the gradient of 10 points, so "
                        "after every epoch the whole network stands somewhere a little different, and the validation "
                        "loss, computed from those same weights, would jump with it.", "minibatches of 10"),
    Slip("lr", "A step too large throws the weights about, and both losses are computed from the same weights "
               "after each epoch: the validation curve would jump with the training curve.", "lr 3"),
    Slip("kept", "All three colleagues kept section 2's l2, patience, hidden size and epochs; and those add no noise "
                 "from one epoch to the next. Which of the three changes is behind the plot shown?", "l2 too strong"),
]}

_HINTS = {s.answer: s.hint for s in SLIPS["jagged_curve"]}
_MEANT = (("minibatches of 10", r"batch|\bsgd\b|stochastic"),
          ("lr 3", r"learning rate|\blr\b|step size|\bstep"),
          ("dropout 0.2", r"dropout|drop out|thinned|mask"))
_KEPT = r"\bl2\b|penalty|weight decay|patience|hidden|units|epochs"


def _off_list(prediction):
    """A hint for an answer that is not one of SETTINGS as written (what it seems to mean, or what to give), else
    None."""
    if isinstance(prediction, str) and plain_text(prediction) in map(plain_text, SETTINGS):
        return None
    if isinstance(prediction, (list, tuple, set)):
        return "Name one change, as one string: the plot shown is one colleague's, made with one change."
    if not isinstance(prediction, str):
        return ("Name the change as one of the three strings, not a number: a number (an option's position, say) "
                "does not say which change you mean.")
    text = prediction.lower()
    if re.search(_KEPT, text):
        return _HINTS["l2 too strong"]
    for change, pattern in _MEANT:
        if re.search(pattern, text):
            return f"That reads like {change!r}: write it exactly as listed. {_HINTS.get(change, '')}".strip()
    return ("Each option is one colleague's change. For each, ask what it does to the weights, and what it does to "
            "the way each of the two losses is measured.")


def jagged_curve(prediction, grade=False):
    """Lesson 9, exercise 5 (diagnose): which of three changes (dropout, minibatches, a large step) gives a jagged
    training curve with a smooth validation curve."""
    return prediction_check("jagged_curve", prediction, truth=SOLUTIONS["jagged_curve"], options=SETTINGS,
                            right="With dropout every step trains a different thinned network, and `history.loss` "
                                  "is measured on that thinned network, with its own random mask: it jumps from "
                                  "epoch to epoch. The validation loss is measured with dropout off, on the whole "
                                  "network, whose weights change only a little per step: it stays smooth. "
                                  "Minibatches and a large step shake the weights themselves, so both curves jump. "
                                  "A jagged training curve under dropout is expected, not a bug.",
                            slips=SLIPS["jagged_curve"], advice=_off_list, grade=grade)
