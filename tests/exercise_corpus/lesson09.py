"""Lesson 9 (09_generalisation): early stopping on paper, dropout left on at prediction time, a broken dropout
layer, the variance dropout adds, a jagged training curve."""

from fractions import Fraction

import numpy as np

from . import right, wrong


# --- exercise 3: dropout_forward(a, rate, u) -------------------------------------------------------------------
def df_stub(a, rate, u):
    keep = u < rate
    mask = keep * (1 - rate)
    a *= mask
    return a, mask


def df_compare_only(a, rate, u):
    keep = u >= rate
    mask = keep * (1 - rate)
    a *= mask
    return a, mask


def df_in_place(a, rate, u):
    keep = u >= rate
    mask = keep / (1 - rate)
    a *= mask
    return a, mask


def df_scale_by_rate(a, rate, u):
    mask = (u >= rate) * rate
    return a * mask, mask


def df_mask_unscaled(a, rate, u):
    keep = u >= rate
    return a * keep / (1 - rate), keep.astype(float)


def df_multiply(a, rate, u):
    mask = (u >= rate) * (1 - rate)
    return a * mask, mask


def df_swapped(a, rate, u):
    mask = (u >= rate) / (1 - rate)
    return mask, a * mask


def df_divide_rate(a, rate, u):
    mask = (u >= rate) / rate
    return a * mask, mask


def df_where(a, rate, u):
    mask = np.where(u >= rate, 1.0 / (1.0 - rate), 0.0)
    return a * mask, mask


def df_not_dropped(a, rate, u):
    mask = ~(u < rate) / (1 - rate)
    out = a.copy()
    out *= mask
    return out, mask


def df_keep_below(a, rate, u):
    mask = (u < 1 - rate) / (1 - rate)
    return a * mask, mask


ENTRIES = [
    wrong("dropout_forward", df_stub, "the stub: keeps with probability rate, multiplies by 1 - rate, in place",
          ["keep", "divide", "1 - rate", "in place", ">="]),
    wrong("dropout_forward", df_compare_only, "fixed the comparison only",
          ["divide", "1/(1 - rate)", "/ (1 - rate)", "scale", "in place"]),
    wrong("dropout_forward", df_in_place, "fixed the mask but still a *= mask on the caller's array",
          ["in place", "changed", "a *="]),
    wrong("dropout_forward", df_scale_by_rate, "scales the kept units by rate",
          ["1 - rate", "divide", "scale"]),
    wrong("dropout_forward", df_mask_unscaled, "scales the output but returns a 0/1 mask for backward",
          ["mask", "scale", "backward"]),
    wrong("dropout_forward", df_multiply, "right comparison, but multiplies by 1 - rate instead of dividing",
          ["divide", "1/(1 - rate)", "multipl", "/ (1 - rate)"]),
    wrong("dropout_forward", df_swapped, "returns (mask, dropped activations)",
          ["order", "swap"]),
    wrong("dropout_forward", df_divide_rate, "divides by rate instead of 1 - rate",
          ["1 - rate", "rate"]),
    right("dropout_forward", df_where, "np.where for the mask"),
    right("dropout_forward", df_not_dropped, "~(u < rate) and a copy multiplied in place"),
    right("dropout_forward", df_keep_below, "keeps u < 1 - rate: also probability 1 - rate, other units"),

    # exercise 1: early_stop(prediction); right: (2, 5, 7, 11), (best_epoch, last_epoch) at patience 3, then 5
    wrong("early_stop", (3, 6, 7, 11), "a tie (epoch 3's 0.70) counted as a new best",
          ["strictly", "tie", "equal", "epoch 3"]),
    wrong("early_stop", (3, 6, 8, 12), "every epoch counted from 1 instead of 0",
          ["from 0", "counted from", "off by one", "index"]),
    wrong("early_stop", (2, 6, 7, 11), "stops one epoch late: patience + 1 epochs without a new best",
          ["2 + 3", "off by one", "one epoch too", "patience epochs past"]),
    wrong("early_stop", (2, 4, 2, 6), "stops one epoch early: patience - 1 epochs without a new best",
          ["2 + 3", "off by one", "one epoch too", "patience epochs past"]),
    wrong("early_stop", (7, 5, 7, 11), "keeps the lowest loss of the whole list at patience 3, though training "
          "stopped before epoch 7", ["never", "epoch 7", "after it stopped", "not seen", "before epoch 7"]),
    wrong("early_stop", (7, 11, 7, 11), "patience ignored: the whole list run and its minimum kept both times",
          ["stop", "patience 3", "epoch 5"]),
    wrong("early_stop", (2, 5, 2, 7), "patience 5 stopped at 2 + 5 = 7 without noticing epoch 7 is a new best",
          ["new best", "epoch 7", "0.66", "reset"]),
    wrong("early_stop", (2, 5, 7, 12), "patience 5: 7 + 5 = 12, past the end of the 12-epoch list",
          ["epoch 11", "whole list", "12 epochs", "runs out", "no epoch 12"]),
    wrong("early_stop", (2, 6, 7, 12), "the number of epochs run instead of the last epoch's index",
          ["from 0", "epochs run", "counted from", "index", "number of epochs"]),
    wrong("early_stop", (5, 2, 11, 7), "each pair the wrong way round: (last_epoch, best_epoch)",
          ["order", "swap", "(best_epoch, last_epoch)", "reversed"]),
    wrong("early_stop", (2, 7, 5, 11), "grouped by quantity: both best epochs, then both last epochs",
          ["order", "pair", "(best_epoch, last_epoch)", "patience 3 first"]),
    wrong("early_stop", (2, 5), "only the pair for patience 3",
          ["four", "patience 5", "two pairs"]),
    wrong("early_stop", "2, 5, 7, 11", "the right numbers as one string",
          ["string", "str", "numbers"]),
    right("early_stop", [2, 5, 7, 11], "a list"),
    right("early_stop", np.array([2, 5, 7, 11]), "a numpy array"),
    right("early_stop", (2.0, 5.0, 7.0, 11.0), "floats"),
    right("early_stop", tuple(np.int64(e) for e in (2, 5, 7, 11)), "numpy integers"),

    # exercise 5: jagged_curve(prediction); right: "dropout 0.2". These entries were written for the earlier prompt
    # (one colleague, five settings to choose from); under today's (three colleagues: "dropout 0.2", "minibatches of
    # 10", "lr 3") most are answers off the list. A fresh reader's blind set for today's prompt is still to come.
    wrong("jagged_curve", "a learning rate too large", "a large step would shake both curves, computed from the "
          "same weights", ["both curves", "same weights", "validation curve would", "shake both"]),
    wrong("jagged_curve", "l2 too strong", "the penalty is deterministic: it adds no noise from epoch to epoch",
          ["noise", "random", "deterministic", "smooth"]),
    wrong("jagged_curve", "patience too short", "patience only decides when training stops",
          ["stop", "noise", "random"]),
    wrong("jagged_curve", "too few hidden units", "50 units, and the hidden size adds no noise per epoch",
          ["50", "underfit", "noise", "random"]),
    wrong("jagged_curve", "full batch", "blames the batch, which is not one of the five settings",
          ["one of", "five", "choose"]),
    wrong("jagged_curve", 0, "the option's index (0-based), not its string",
          ["one of", "string", "five"]),
    wrong("jagged_curve", "learning rate too large", "the wrong setting, and not as written",
          ["both curves", "same weights", "one of"]),
    wrong("jagged_curve", ["dropout 0.2", "l2 too strong"], "two settings, hedging",
          ["single", "list", "only one", "one string"]),
    wrong("jagged_curve", "nothing is wrong", "read the point that it is expected, but not one of the five",
          ["one of", "five", "setting"]),
    wrong("jagged_curve", "batch size too small", "minibatch noise, though every step sees all the points",
          ["full batch", "every step sees", "one of"]),
    right("jagged_curve", "Dropout 0.2", "capitalised"),
    right("jagged_curve", " dropout 0.2\n", "surrounding space and a newline"),
    right("jagged_curve", np.str_("dropout 0.2"), "a numpy string"),

    # exercise 2: dropout_left_on(prediction), p = 0.5, score difference 3 (0.95) with dropout off; right: "below"
    wrong("dropout_left_on", "the same", "inverted dropout keeps the mean score, so assumed the mean probability "
          "stays too: the sigmoid is curved, not straight", ["curve", "linear", "Jensen", "steep"]),
    wrong("dropout_left_on", "above", "the kept units scaled up by 1/(1 - p) = 2 taken to make the scores larger, "
          "the network surer", ["keeps the mean", "on average", "flat", "steep"]),
    wrong("dropout_left_on", "it changes from run to run", "each mask is random, but the average over 100000 "
          "masks is steady", ["100000", "100 000", "steady", "many masks"]),
    wrong("dropout_left_on", "same", "the mean-keeping trap, and typed without 'the'",
          ["curve", "linear", "Jensen", "one of"]),
    wrong("dropout_left_on", "lower", "the right direction in its own word, not one of the four strings",
          ["one of", "four", "below"]),
    wrong("dropout_left_on", 0.9, "a guess at the average probability, a number instead of one of the strings",
          ["one of", "string", "four"]),
    wrong("dropout_left_on", 0.95, "'the same' written as the probability itself",
          ["one of", "string", "curve"]),
    wrong("dropout_left_on", 3, "the average score difference over the masks (the first step of the hint), "
          "not the probability's direction", ["one of", "string", "probabilit"]),
    wrong("dropout_left_on", ["below", "it changes from run to run"], "two answers, hedging",
          ["one of", "single", "list", "only one"]),
    right("dropout_left_on", "Below", "capitalised"),
    right("dropout_left_on", "  below\n", "surrounding spaces and a newline"),
    right("dropout_left_on", np.str_("below"), "a numpy string"),
    right("dropout_left_on", "BELOW", "upper case"),

    # exercise 4: dropout_output_variance(prediction), E[a] = 3, Var(a) = 0.5, p = 0.2; right: 2.875
    wrong("dropout_output_variance", 0.5, "the mask keeps the mean, so assumed it keeps the variance too",
          ["unchanged", "own variance", "without the mask", "no mask"]),
    wrong("dropout_output_variance", 0.625, "Var(a) E[M^2] only: the mean of a left out (the means matter)",
          ["E[a]^2", "the mean of a", "means matter", "2.25"]),
    wrong("dropout_output_variance", 0.78125, "the mask treated as a constant factor 1/(1 - p): Var(a) / (1 - p)^2",
          ["constant", "scale factor", "E[a]^2", "switch"]),
    wrong("dropout_output_variance", 2.75, "Var(a) E[M]^2 + E[a]^2 Var(M), the product term Var(a) Var(M) dropped",
          ["Var(a) Var(M)", "product term", "0.125", "cross term"]),
    wrong("dropout_output_variance", 11.875, "E[(aM)^2], the squared mean not subtracted",
          ["subtract", "E[aM]^2", "second moment", "mean square"]),
    wrong("dropout_output_variance", 8.875, "subtracted the mean E[aM] = 3 instead of its square 9",
          ["squared", "E[aM]^2", "3^2", "minus 9"]),
    wrong("dropout_output_variance", 38.5, "p read as the keep probability: M = 1/p = 5 with probability p",
          ["1 - p", "keep", "drop", "1/(1 - p)"]),
    wrong("dropout_output_variance", 2.02, "Var(M) as a 0/1 Bernoulli's p(1 - p) = 0.16, the 1/(1 - p) scale "
          "forgotten", ["1/(1 - p)", "0.25", "scaled", "p/(1 - p)"]),
    wrong("dropout_output_variance", 5.84375, "E[M^2] = 1/(1 - p)^2, the probability 1 - p of that value left out",
          ["1.25", "with probability", "weighted", "E[M^2] = 1/(1 - p)"]),
    wrong("dropout_output_variance", 0.125, "Var(aM) = Var(a) Var(M), as if both means were 0",
          ["means matter", "E[a]^2", "mean of a", "means are not 0"]),
    wrong("dropout_output_variance", float(np.sqrt(2.875)), "the standard deviation, not the variance",
          ["standard deviation", "square root", "sqrt", "std"]),
    wrong("dropout_output_variance", 3.0, "the output's mean E[aM], not its variance",
          ["mean", "not the variance", "E[aM]"]),
    wrong("dropout_output_variance", (3.0, 2.875), "the mean and the variance together, not one number",
          ["one number", "a number", "tuple", "single"]),
    right("dropout_output_variance", Fraction(23, 8), "a Fraction"),
    right("dropout_output_variance", np.float32(2.875), "a numpy float32"),
    right("dropout_output_variance", np.array(2.875), "a 0-d array"),
    right("dropout_output_variance", 2.88, "rounded to two decimals"),
    right("dropout_output_variance", 9.5 / 0.8 - 9, "the expression E[a^2] E[M^2] - E[aM]^2 in floats"),
]
