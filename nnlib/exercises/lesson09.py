"""Exercise checks for lesson 9 (09_generalisation): early stopping on paper, dropout's forward pass, and in their
own modules dropout left on at prediction (lesson09_lefton.py), the spread it adds to a varying activation
(lesson09_noise.py) and a jagged training curve (lesson09_curves.py).

Each check is data: a reference solution, fixed cases and a catalogue of typical slips (see engine.py).
"""
import numpy as np

from .engine import Case, Slip, function_check, prediction_check
from .lesson09_curves import SLIPS as CURVE_SLIPS
from .lesson09_curves import SOLUTIONS as CURVE_SOLUTIONS
from .lesson09_curves import jagged_curve
from .lesson09_lefton import SLIPS as LEFT_ON_SLIPS
from .lesson09_lefton import SOLUTIONS as LEFT_ON_SOLUTIONS
from .lesson09_lefton import dropout_left_on
from .lesson09_noise import SLIPS as NOISE_SLIPS
from .lesson09_noise import SOLUTIONS as NOISE_SOLUTIONS
from .lesson09_noise import dropout_output_variance
from .lesson09_slips import MORE, on_curve


# --- exercise 1 (predict): early stopping on paper, one validation curve at patience 3 and 5 ---------------
def _early_stop(val_losses, patience):
    best, best_epoch = float("inf"), -1
    for epoch, v in enumerate(val_losses):
        if v < best:
            best, best_epoch = v, epoch
        elif epoch - best_epoch >= patience:
            return best_epoch, epoch
    return best_epoch, len(val_losses) - 1


def _stop_ties(val_losses, patience):        # <= : an equal loss counts as better
    best, best_epoch = float("inf"), -1
    for epoch, v in enumerate(val_losses):
        if v <= best:
            best, best_epoch = v, epoch
        elif epoch - best_epoch >= patience:
            return best_epoch, epoch
    return best_epoch, len(val_losses) - 1


def _stop_late(val_losses, patience):        # > patience: one epoch too many
    best, best_epoch = float("inf"), -1
    for epoch, v in enumerate(val_losses):
        if v < best:
            best, best_epoch = v, epoch
        elif epoch - best_epoch > patience:
            return best_epoch, epoch
    return best_epoch, len(val_losses) - 1


def _stop_early(val_losses, patience):       # counts the best epoch itself as a waiting epoch
    best, best_epoch = float("inf"), -1
    for epoch, v in enumerate(val_losses):
        if v < best:
            best, best_epoch = v, epoch
        elif epoch - best_epoch >= patience - 1:
            return best_epoch, epoch
    return best_epoch, len(val_losses) - 1


def _stop_future(val_losses, patience):      # the best of the whole list, epochs never run included
    best = int(np.argmin(val_losses))
    return best, min(best + patience, len(val_losses) - 1)


def _stop_last(val_losses, patience):        # stops right, but keeps the last epoch's weights
    return (_early_stop(val_losses, patience)[1],) * 2


# --- exercise 3 (diagnose): inverted dropout's forward pass -----------------------------------------
def _dropout_forward(a, rate, u):
    mask = (u >= rate) / (1 - rate)
    return a * mask, mask


def _dropout_forward_below(a, rate, u):      # as right: keeps u < 1 - rate, also with probability 1 - rate
    mask = (u < 1 - rate) / (1 - rate)
    return a * mask, mask


def _given_bug(a, rate, u):                  # the function as the notebook hands it out
    keep = u < rate
    mask = keep * (1 - rate)
    a *= mask
    return a, mask


def _bug_scale(a, rate, u):                  # keeps the right units, scales them down
    mask = (u >= rate) * (1 - rate)
    return a * mask, mask


def _bug_keep(a, rate, u):                   # scales right, keeps the wrong units
    mask = (u < rate) / (1 - rate)
    return a * mask, mask


def _bug_by_rate(a, rate, u):                # divides by the rate instead of the keep probability
    mask = (u >= rate) / rate
    return a * mask, mask


def _bug_in_place(a, rate, u):               # right numbers, but changes `a`
    mask = (u >= rate) / (1 - rate)
    a *= mask
    return a, mask


SOLUTIONS = {"early_stop": on_curve(_early_stop), "dropout_forward": _dropout_forward, **LEFT_ON_SOLUTIONS,
             **NOISE_SOLUTIONS, **CURVE_SOLUTIONS}

SLIPS = {
    "early_stop": [
        Slip("ties", "An equal loss is not an improvement: a tie with the best so far is not a new best, and the "
                     "waiting goes on counting from the earlier epoch.", on_curve(_stop_ties)),
        Slip("late", "You let training run one epoch too many: it stops at the epoch that is `patience` epochs "
                     "after the best, not one later.", on_curve(_stop_late)),
        Slip("early", "You stop one epoch too soon: the best epoch itself is not one of the `patience` epochs "
                      "without improvement.", on_curve(_stop_early)),
        Slip("future", "You took the lowest loss of the whole list, but training stops before it sees the later "
                       "epochs: the kept epoch must be one of the epochs actually run.", on_curve(_stop_future)),
        Slip("last", "The epoch to keep is the best one run, not the last one: early stopping restores the best "
                     "weights.", on_curve(_stop_last)),
    ],
    "dropout_forward": [
        Slip("scale", "The right units survive now, but the mean of what comes out is below the mean of what went "
                      "in: look at the factor the kept units are multiplied by (section 5: the mean must stay).",
             _bug_scale),
        Slip("keep", "The scale is right, but the share of units that survive is `rate`, not 1 - rate: look at "
                     "the comparison that decides which units are kept.", _bug_keep),
        Slip("by_rate", "The right units survive, but the mean of what comes out is not the mean of what went in: "
                        "look at which probability the kept units are divided by.", _bug_by_rate),
        Slip("in_place", "The numbers are right, but the caller's array `a` is changed after the call (backward "
                         "still needs it): look at the line that writes into `a`.", _bug_in_place),
        Slip("given", "This still behaves as the function handed out: look at which units are kept and at the "
                      "factor they are scaled by.", _given_bug),
    ],
}
SLIPS.update(LEFT_ON_SLIPS)
SLIPS.update(NOISE_SLIPS)
SLIPS.update(CURVE_SLIPS)
for _name, _more in MORE.items():
    SLIPS[_name] = SLIPS[_name] + _more


def early_stop(prediction, grade=False):
    """Lesson 9, exercise 1 (predict): on CURVE, (best_epoch, last_epoch) at patience 3, then at patience 5."""
    return prediction_check("early_stop", prediction, truth=lambda: on_curve(_early_stop),
                            right="At patience 3 the ties and small wobbles after epoch 2 use up the patience before "
                                  "the lower loss at epoch 7 arrives; patience 5 waits long enough to see it and then "
                                  "never stops, so it runs the whole list. More patience costs epochs and can find a "
                                  "later, lower minimum; how much is worth it is itself a setting chosen on "
                                  "validation data.",
                            slips=SLIPS["early_stop"], grade=grade)


def dropout_forward(fn, grade=False):
    """Lesson 9, exercise 3 (diagnose): dropout_forward(a, rate, u) -> (out, mask), u uniform in [0, 1)."""
    a = np.array([[0.5, -1.0, 2.0, 0.25], [1.5, 0.75, -0.5, 1.0]])
    u = np.array([[0.05, 0.9, 0.3, 0.65], [0.45, 0.1, 0.8, 0.2]])
    cases = [Case((a, 0.25, u), "(a (2, 4), rate=0.25, u=[[0.05, 0.9, 0.3, 0.65], [0.45, 0.1, 0.8, 0.2]])"),
             Case((a, 0.6, u), "(a (2, 4), rate=0.6, u=[[0.05, 0.9, 0.3, 0.65], [0.45, 0.1, 0.8, 0.2]])")]
    return function_check("dropout_forward", fn, reference=_dropout_forward, cases=cases, outputs=("out", "mask"),
                          slips=SLIPS["dropout_forward"], pure=True,
                          also=(_dropout_forward_below,), grade=grade)


__all__ = ["early_stop", "dropout_left_on", "dropout_forward", "dropout_output_variance", "jagged_curve"]
