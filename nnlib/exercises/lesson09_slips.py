"""More typical wrong answers for lesson 9's checks (09_generalisation), kept apart from lesson09.py so each file
stays short: `MORE[name]` is appended to lesson09.SLIPS[name]. Data for the engine in engine.py."""
from .engine import Slip

# --- exercise 1 (predict): the early-stopping rule on paper ------------------------------------------------
CURVE = (1.00, 0.80, 0.70, 0.70, 0.74, 0.73, 0.71, 0.66, 0.68, 0.69, 0.67, 0.70)
PATIENCES = (3, 5)


def on_curve(rule):
    """(best_epoch, last_epoch) at patience 3, then at patience 5, by `rule(val_losses, patience)` on CURVE."""
    return tuple(x for patience in PATIENCES for x in rule(list(CURVE), patience))


def _stop(val_losses, patience, better=lambda v, best: v < best):
    best, best_epoch = float("inf"), -1
    for epoch, v in enumerate(val_losses):
        if better(v, best):
            best, best_epoch = v, epoch
        elif epoch - best_epoch >= patience:
            return best_epoch, epoch
    return best_epoch, len(val_losses) - 1


def _stop_one_based(val_losses, patience):        # epochs counted from 1
    best, last = _stop(val_losses, patience)
    return best + 1, last + 1


def _stop_previous(val_losses, patience):         # an improvement is a loss below the previous epoch's, not the best
    best_epoch, wait = 0, 0
    for epoch in range(1, len(val_losses)):
        if val_losses[epoch] < val_losses[epoch - 1]:
            best_epoch, wait = epoch, 0
        else:
            wait += 1
            if wait >= patience:
                return best_epoch, epoch
    return best_epoch, len(val_losses) - 1


def _stop_end(val_losses, patience):              # never stopping returns len(val_losses), one past the last epoch
    best, last = _stop(val_losses, patience)
    stopped = any(e - best >= patience for e in range(best, len(val_losses)))
    return best, last if stopped else len(val_losses)


def _stop_no_reset(val_losses, patience):         # the count of epochs without improvement never goes back to 0
    best, best_epoch, wait = float("inf"), -1, 0
    for epoch, v in enumerate(val_losses):
        if v < best:
            best, best_epoch = v, epoch
        else:
            wait += 1
            if wait >= patience:
                return best_epoch, epoch
    return best_epoch, len(val_losses) - 1


def _stop_seen_best(val_losses, patience):       # stops right, but keeps the lowest loss of the whole list
    return min(range(len(val_losses)), key=val_losses.__getitem__), _stop(val_losses, patience)[1]


def _stop_never(val_losses, patience):            # patience ignored: the whole list run, its minimum kept
    return min(range(len(val_losses)), key=val_losses.__getitem__), len(val_losses) - 1


def _stop_count(val_losses, patience):            # the number of epochs run where the last epoch's index belongs
    best, last = _stop(val_losses, patience)
    return best, last + 1


def _stop_stuck_best(val_losses, patience):      # at patience 5 the early best kept, though a lower loss was run
    best, last = _stop(val_losses, patience)
    return _stop(val_losses, 3)[0], last


def _stop_swapped(val_losses, patience):          # each pair as (last_epoch, best_epoch)
    best, last = _stop(val_losses, patience)
    return last, best


def _stop_not_run(val_losses, patience):          # the epoch that shows the patience ran out taken as not run
    best, last = _stop(val_losses, patience)
    return best, last - 1 if last < len(val_losses) - 1 else last


def _stop_loss(val_losses, patience):             # the best loss returned where the best epoch belongs
    best, last = _stop(val_losses, patience)
    return val_losses[best], last


# --- exercise 3 (diagnose): inverted dropout's forward pass --------------------------------------------------
def _drop_keep_scale(a, rate, u):                 # only the in-place write fixed
    mask = (u < rate) * (1 - rate)
    return a * mask, mask


def _drop_keep_in_place(a, rate, u):              # only the scale fixed
    mask = (u < rate) / (1 - rate)
    a *= mask
    return a, mask


def _drop_scale_in_place(a, rate, u):             # only the comparison fixed
    mask = (u >= rate) * (1 - rate)
    a *= mask
    return a, mask


def _drop_bool_mask(a, rate, u):                  # out right, the mask returned as the 0/1 keep array
    keep = u >= rate
    return a * keep / (1 - rate), keep


def _drop_keep_high(a, rate, u):                  # keeps u > 1 - rate: the share kept is the rate
    mask = (u > 1 - rate) / (1 - rate)
    return a * mask, mask


def _stop_before_best(val_losses, patience):     # the count checked before the epoch's own loss
    best, best_epoch = float("inf"), -1
    for epoch, v in enumerate(val_losses):
        if epoch - best_epoch >= patience:
            return best_epoch, epoch
        if v < best:
            best, best_epoch = v, epoch
    return best_epoch, len(val_losses) - 1


MORE = {
    "early_stop": [
        Slip("before best", "You stopped at an epoch whose loss is a new best: a new best restarts the count, so "
                            "training stops only after `patience` epochs in a row without one; look at each epoch's "
                            "own loss before stopping.",
             on_curve(_stop_before_best)),
        Slip("one based", "Epochs are counted from 0 here (the first loss is epoch 0); yours are counted from "
                          "1.", on_curve(_stop_one_based)),
        Slip("previous", "You compared each loss with the previous epoch's; an improvement is a loss below the best "
                         "so far, and the waiting counts from the best epoch.", on_curve(_stop_previous)),
        Slip("end", "When training never stops (the list runs out before the patience does), the last epoch run "
                    "is the last epoch of the list, counted from 0: there is no epoch past it, however much "
                    "patience is left.", on_curve(_stop_end)),
        Slip("seen best", "You kept the lowest loss of the whole list at patience 3, but training stopped before "
                          "that epoch was ever run: the kept epoch must be one of the epochs actually run.",
             on_curve(_stop_seen_best)),
        Slip("never stops", "You ran the whole list at patience 3 as well: count the epochs in a row without a new "
                            "best after the best one; the patience can run out before the loss improves again.",
             on_curve(_stop_never)),
        Slip("count", "Your last epochs count the epochs run; the prompt asks for the last epoch's index, counted "
                      "from 0 like the best epoch's.", on_curve(_stop_count)),
        Slip("stuck best", "At patience 5 training runs on past a loss lower than the early best: a new best seen "
                           "along the way replaces the kept epoch.", on_curve(_stop_stuck_best)),
        Slip("pair swapped", "Each pair is (best_epoch, last_epoch): the epoch to keep comes first, then the last "
                             "epoch run.", on_curve(_stop_swapped)),
        Slip("stop not run", "The epoch at which training stops is run: its loss is what shows the patience has run "
                             "out, so it counts as the last epoch.", on_curve(_stop_not_run)),
        Slip("no reset", "Your count of epochs without improvement kept growing after a new best: it must start "
                         "again from the best epoch.", on_curve(_stop_no_reset)),
        Slip("loss", "The first number of each pair is an epoch (counted from 0), not the loss at that epoch.",
             on_curve(_stop_loss)),
    ],
    "dropout_forward": [
        Slip("keep and scale", "The caller's `a` is safe now, but the share of units that survive is `rate`, not "
                               "1 - rate, and the kept units are shrunk, not scaled up: look at the comparison and "
                               "at the factor.", _drop_keep_scale),
        Slip("keep and in place", "The scale is right now, but the share of units that survive is `rate`, not "
                                  "1 - rate, and the caller's `a` is still overwritten.", _drop_keep_in_place),
        Slip("scale and in place", "The right units survive now, but they are shrunk instead of scaled up, and the "
                                   "caller's `a` is still overwritten.", _drop_scale_in_place),
        Slip("bool mask", "`out` is right, but the mask you return is the 0/1 keep array: the backward pass "
                          "multiplies by the mask, so it must carry the same factor as the forward pass.",
             _drop_bool_mask),
        Slip("keep high", "The scale is right, but keeping u > 1 - rate keeps a share `rate` of the units, not "
                          "1 - rate: look at the threshold.", _drop_keep_high),
    ],
}
