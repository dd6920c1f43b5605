"""Held-out blind set F: lesson 5's shared_input, lesson 6's l2_half_life and lr_limit.

Written from the notebooks alone (lessons 2, 5 and 6), without seeing the checks, their catalogues of slips, or
the other sets of this corpus; the words were registered before any reply was read.
"""
import math

import numpy as np

from . import right, wrong


def _halving_steps_by_loop():
    """Steps until an unused weight under L2 alone (lr 2, l2 0.1, n 200) is first below half its start."""
    w, steps = 0.3, 0
    while w >= 0.15:
        w = w - 2.0 * (0.1 / 200) * w
        steps += 1
    return steps


_x = np.array([0.0, 1.0, -1.0, 3.0, -3.0])

ENTRIES = [
    # ---- lesson 5, exercise 3: check.shared_input(prediction), df/dx of g(x, x) with df/da = 1.2, df/db = 4.8
    wrong("shared_input", 1.2 * 4.8,
          "multiplied the two gradients (chain rule habit) instead of adding them",
          ["add", "sum", "multipl"]),
    wrong("shared_input", (1.2 + 4.8) / 2,
          "averaged the two gradients: the nudge moves both inputs, so they add",
          ["add", "sum", "average", "mean"]),
    wrong("shared_input", 4.8,
          "took only the gradient through b, the larger one, ignoring the path through a",
          ["both", "add", "sum"]),
    wrong("shared_input", 1.2,
          "took only the gradient through a (x is 'the first input')",
          ["both", "add", "sum"]),
    wrong("shared_input", 4.8 - 1.2,
          "subtracted the two gradients, as if the inputs pulled against each other",
          ["add", "sum", "subtract", "difference"]),
    wrong("shared_input", 4.0,
          "assumed g is the multiply gate x * x and answered 2x at x = 2",
          ["multiply gate", "x * x", "formula", "x²"]),
    wrong("shared_input", 2 * (1.2 + 4.8),
          "added the gradients, then multiplied by x = 2 once more for the chain rule",
          ["multiplied by", "by 2", "twice", "double"]),
    wrong("shared_input", math.hypot(1.2, 4.8),
          "gave the length of the gradient vector (1.2, 4.8) instead of the slope along x",
          ["length", "norm", "add", "sum"]),
    wrong("shared_input", 1.0,
          "answered the upstream gradient df/df = 1 given in the question",
          ["upstream", "add", "sum"]),
    wrong("shared_input", (1.2, 4.8),
          "gave both partial derivatives as a pair instead of the one number df/dx",
          ["one number", "single", "add", "sum"]),
    right("shared_input", 1.2 + 4.8, "the two paths' gradients added (6.000000000000001 in floating point)"),
    right("shared_input", np.float64(6.0), "6 as a numpy scalar"),

    # ---- lesson 6, exercise 1: check.l2_half_life(prediction), steps until w first below half its start
    wrong("l2_half_life", 500,
          "treated L2 as taking the same amount each step (0.001 * 0.3 = 0.0003), so 0.15 / 0.0003 = 500",
          ["fraction", "same amount", "fixed amount", "exponential"]),
    wrong("l2_half_life", 150,
          "subtracted lr * l2 / n = 0.001 from w itself each step, as L1 would: 0.15 / 0.001 = 150",
          ["fraction", "same amount", "fixed amount", "0.001 w"]),
    wrong("l2_half_life", 1000,
          "gave 1 / 0.001, the steps to fall to 1/e of the start, not to a half (forgot the ln 2)",
          ["ln 2", "ln(2)", "1/e", "0.693"]),
    wrong("l2_half_life", 4,
          "forgot the 1/n: a shrink of lr * l2 = 0.2 per step, 0.8^k < 1/2 at k = 4",
          ["n = 200", "divided by n", "200", "samples"]),
    wrong("l2_half_life", 1387,
          "left the learning rate out: a shrink of l2 / n = 0.0005 per step",
          ["learning rate", "lr = 2", "the lr", "step size"]),
    wrong("l2_half_life", 347,
          "differentiated the penalty l2/(2n) w^2 to 2 l2/n w (did not let the 1/2 cancel the 2): 0.002 per step",
          ["1/2", "½", "factor of 2", "twice", "double"]),
    wrong("l2_half_life", 302,
          "used the base-10 log: log10(2) / 0.001",
          ["natural log", "log10", "base 10", "base-10"]),
    wrong("l2_half_life", 6932,
          "used the classic run's l2 = 0.01 instead of the exercise's 0.1",
          ["0.01", "l2 = 0.1", "classic", "strength"]),
    wrong("l2_half_life", 0.15,
          "misread the question and gave the value w reaches (half of 0.3), not the count of steps",
          ["number of steps", "count of steps", "steps, not", "value of w"]),
    wrong("l2_half_life", float("inf"),
          "confused 'L2 never reaches 0' with 'never gets below half'",
          ["never reaches", "does get below", "finite", "infinite"]),
    right("l2_half_life", 693, "ln 2 / -ln 0.999, rounded up to the first step below half"),
    right("l2_half_life", math.log(2) / 0.001, "ln 2 / 0.001 = 693.1, the small-rate approximation"),
    right("l2_half_life", _halving_steps_by_loop(), "counted by a loop of the steps"),

    # ---- lesson 6, exercise 2: check.lr_limit(prediction), largest lr for J = MSE/2 + l2/(2n) w^2, l2 = 10, n = 5
    wrong("lr_limit", 0.5,
          "left the penalty out: 2 / mean(x^2) = 2 / 4, the data's limit alone",
          ["penalty", "brake", "l2/n", "regulari"]),
    wrong("lr_limit", 2 / 14,
          "added l2 = 10 to the curvature instead of l2 / n = 2",
          ["l2/n", "l2 / n", "divided by n", "by n"]),
    wrong("lr_limit", 1 / 6,
          "gave 1 / curvature, the lr that lands on the bottom in one step, not 2 / curvature",
          ["1/λ", "one step", "lands", "twice"]),
    wrong("lr_limit", 6.0,
          "gave the curvature itself instead of the learning rate it allows",
          ["curvature", "second derivative"]),
    wrong("lr_limit", 2 / 22,
          "summed x^2 over the points (20) instead of taking the mean, but kept l2 / n = 2",
          ["mean", "1/n", "divided by n", "sum"]),
    wrong("lr_limit", 2 / 3,
          "took the 1/2 of the cost into the curvature: (1/2) mean(x^2) + l2/(2n) = 3",
          ["1/2", "½", "factor of 2", "twice"]),
    wrong("lr_limit", 0.4,
          "took the penalty's curvature as its coefficient l2/(2n) = 1 instead of l2/n = 2: 2 / 5",
          ["1/2", "½", "factor of 2", "penalty"]),
    wrong("lr_limit", 2 / 5.2,
          "used mean(x * y) + l2/n as the curvature: let the targets in",
          ["target", "x²", "x^2", "do not matter"]),
    wrong("lr_limit", 2 / 11,
          "took the sharpest single point, max x^2 = 9, plus l2/n as the curvature, not the mean over points",
          ["mean", "average", "largest", "every point"]),
    wrong("lr_limit", 1.0,
          "used only the penalty's curvature l2/n = 2, forgetting the data term",
          ["data", "x²", "x^2", "squared error"]),
    right("lr_limit", 1 / 3, "2 / (mean(x^2) + l2/n) = 2 / 6"),
    right("lr_limit", 2 / (np.mean(_x ** 2) + 10 / len(_x)), "computed with numpy from the inputs"),
    right("lr_limit", 0.333, "1/3 to three decimals"),
]
