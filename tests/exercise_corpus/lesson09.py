"""Lesson 9 (09_generalisation): early stopping on paper, dropout without rescaling, a broken dropout layer,
the variance of a mask entry."""
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
    # exercise 2: dropout_without_scaling(prediction); right: 1 / (1 - 0.75) = 4
    wrong("dropout_without_scaling", 0.25, "the ratio upside down: training over prediction",
          ["invert", "other way", "1/(1 - p)", "upside", "reciprocal"]),
    wrong("dropout_without_scaling", 1 / 0.75, "1/p instead of 1/(1 - p)",
          ["1 - p", "keep", "kept"]),
    wrong("dropout_without_scaling", 0.75, "p itself",
          ["1 - p", "ratio", "keep"]),
    wrong("dropout_without_scaling", 1, "thinks the average is unchanged",
          ["1 - p", "average", "kept", "fewer"]),
    wrong("dropout_without_scaling", 3, "p / (1 - p): the odds of being dropped",
          ["1/(1 - p)", "1 / (1 - p)", "keep"]),
    wrong("dropout_without_scaling", "4", "the right number as a string",
          ["string", "str"]),
    right("dropout_without_scaling", Fraction(4), "a Fraction"),
    right("dropout_without_scaling", np.float64(1 / (1 - 0.75)), "computed, as a numpy scalar"),
    right("dropout_without_scaling", 4, "the plain int"),

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

    # exercise 4: mask_variance(prediction); right: p / (1 - p) = 0.25
    wrong("mask_variance", 0.16, "p(1 - p): the variance of a 0/1 mask, forgetting the 1/(1 - p) scale",
          ["scale", "1/(1 - p)", "1.25", "0 or 1"]),
    wrong("mask_variance", 1.25, "E[M^2] without subtracting E[M]^2",
          ["mean", "E[M]^2", "minus", "subtract"]),
    wrong("mask_variance", 0.2, "the rate p itself",
          ["p", "1.25"]),
    wrong("mask_variance", 0.5, "the standard deviation, not the variance",
          ["square", "std", "standard deviation"]),
    wrong("mask_variance", 0, "thinks a mean-1 mask has no spread",
          ["spread", "two values", "0 or"]),
    wrong("mask_variance", "0.25", "the right number as a string",
          ["string", "str"]),
    wrong("mask_variance", 0.0625, "the variance squared",
          ["square", "variance"]),
    right("mask_variance", Fraction(1, 4), "a Fraction"),
    right("mask_variance", 0.2 / 0.8, "p / (1 - p) computed"),
    right("mask_variance", np.float32(0.25), "a float32 scalar"),
]
