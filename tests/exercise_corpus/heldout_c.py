"""Held-out set C: a second blind set for five exercises, written from the lessons alone.

Lesson 1 `first_epoch_nand`, lesson 3 `tanh_derivative`, lesson 4 `central_difference`, lesson 7 `adamw_unused`,
lesson 8 `tanh_output_delta`. The writer read the notebooks, this package's Entry format and the corpus test, and
neither the checks nor any other set of answers. Each wrong answer's words were registered before any reply was seen.
"""
import numpy as np

from . import right, wrong

# ---------------------------------------------------------------------------------------------------------------
# Lesson 1, exercise 3: (w1, w2, b) after the first epoch of the perceptron rule on NAND, from zero, lr = 1.
# By hand: z = 0 everywhere at the start, step(0) = 1, so (0, 0), (0, 1), (1, 0) are right; (1, 1) is a mistake
# with y - y_hat = -1: w = (-1, -1), b = -1.
# ---------------------------------------------------------------------------------------------------------------
NAND = "first_epoch_nand"

ENTRIES = [
    wrong(NAND, (-1.0, -1.0, 0.0),
          "took step(0) as 0 (z > 0 fires): (0, 0) becomes a mistake that raises b, and (1, 1) lowers it back",
          ["step(0)", "z = 0", "tie", "z >= 0"]),
    wrong(NAND, (1.0, 1.0, 1.0),
          "used y_hat - y instead of y - y_hat: the one update at (1, 1) goes the wrong way",
          ["sign", "y - y_hat", "opposite", "wrong way"]),
    wrong(NAND, (1.0, 1.0, 0.0),
          "traced the epoch with AND's labels (the lesson's own trace), not NAND's",
          ["on AND", "for AND", "of AND", "labels"]),
    wrong(NAND, (0.0, -1.0, -1.0),
          "mixed NAND up with NOR (1 only at (0, 0)) and traced that gate",
          ["NOR gate", "not or", "on NOR", "labels"]),
    wrong(NAND, (-2.0, -1.0, 2.0),
          "trained NAND until an epoch without errors (the converged weights), not just the first epoch",
          ["first epoch", "one epoch", "converge", "epochs=1"]),
    wrong(NAND, (-2.0, -1.0, 0.0),
          "traced two epochs instead of one",
          ["two epochs", "second epoch", "one epoch", "first epoch"]),
    wrong(NAND, (0.0, 0.0, 1.0),
          "took the samples in the reverse order, (1, 1) first",
          ["order", "reverse", "(0, 0) first"]),
    wrong(NAND, (-0.1, -0.1, -0.1),
          "used lr = 0.1 (section 5's caveat) instead of the asked lr = 1",
          ["lr", "learning rate", "scale"]),
    wrong(NAND, (0.0, 0.0, 0.0),
          "thought every sample of the first epoch was right, forgetting that NAND says 0 at (1, 1)",
          ["(1, 1)", "last sample", "mistake", "update"]),
    wrong(NAND, (-1.0, -1.0, 1.0),
          "at the one update, took w down by x but moved the bias up instead of down",
          ["bias", "b loses", "sign of b"]),
    wrong(NAND, (-1.0, -1.0),
          "gave only the two weights, left out the bias",
          ["three", "bias", "(w1, w2, b)"]),
    wrong(NAND, 1,
          "answered the number of errors (updates) in the first epoch instead of the weights",
          ["three numbers", "(w1, w2, b)", "tuple", "weights"]),
    right(NAND, [-1, -1, -1], "a list of ints"),
    right(NAND, np.array([-1.0, -1.0, -1.0]), "a numpy array"),
    right(NAND, (-1.0, -1.0, -1.0), "a tuple of floats, as the solution writes it"),
]


# ---------------------------------------------------------------------------------------------------------------
# Lesson 3, exercise 2: tanh'(z) written with a = tanh(z): 1 - a^2.
# ---------------------------------------------------------------------------------------------------------------
TANH = "tanh_derivative"


def tanh_d_sigmoid_copy(a):
    return a * (1 - a)                      # copied the sigmoid's slope


def tanh_d_no_square(a):
    return 1 - a


def tanh_d_plus(a):
    return 1 + a ** 2


def tanh_d_flipped(a):
    return a ** 2 - 1


def tanh_d_wrt_a(a):
    return -2 * a                           # differentiated 1 - a^2 with respect to a


def tanh_d_square_of_difference(a):
    return (1 - a) ** 2


def tanh_d_reciprocal(a):
    return 1 / (1 - a ** 2)                 # the slope of arctanh, upside down


def tanh_d_in_place(a):
    a *= a                                  # squares the caller's array
    return 1 - a


def tanh_d_tanh_again(a):
    return 1 - np.tanh(a) ** 2              # treats a as z


def tanh_d_half(a):
    return (1 - a ** 2) / 2                 # from tanh = 2 sigmoid(2z) - 1, a factor lost


def tanh_d_list(a):
    return [1 - v ** 2 for v in a]          # a loop over entries: no good for a plain number


def tanh_d_caret(a):
    return 1 - a ^ 2                        # ^ is xor in Python, not a power


def tanh_d_dot(a):
    return 1 - np.dot(a, a)                 # a dot product: one number for the whole array


def tanh_d_times_two(a):
    return 1 - a * 2                        # typo for a ** 2


def tanh_d_right_square(a):
    return 1.0 - np.square(a)


def tanh_d_right_factored(a):
    return (1 - a) * (1 + a)


def tanh_d_right_product(a):
    a = np.asarray(a, dtype=float)
    return 1 - a * a


ENTRIES += [
    wrong(TANH, tanh_d_sigmoid_copy, "copied the sigmoid's slope a(1 - a)",
          ["sigmoid", "a(1 - a)", "a * (1 - a)", "a (1 - a)"]),
    wrong(TANH, tanh_d_no_square, "1 - a: forgot the square",
          ["square", "a**2", "a ** 2", "a²"]),
    wrong(TANH, tanh_d_plus, "1 + a^2: sign slip in the quotient rule",
          ["sign", "minus", "plus"]),
    wrong(TANH, tanh_d_flipped, "a^2 - 1: the whole slope negated",
          ["sign", "negative", "minus"]),
    wrong(TANH, tanh_d_wrt_a, "-2a: differentiated 1 - a^2 with respect to a instead of z",
          ["-2a", "-2 a", "with respect to a", "respect to z"]),
    wrong(TANH, tanh_d_square_of_difference, "(1 - a)^2: squared the difference instead of a",
          ["(1 - a)", "square of", "squared the difference"]),
    wrong(TANH, tanh_d_reciprocal, "1 / (1 - a^2): the reciprocal (arctanh's slope)",
          ["reciprocal", "inverse", "upside down", "arctanh"]),
    wrong(TANH, tanh_d_in_place, "right values, but squares the given array in place (a comes back changed)",
          ["in place", "changed", "unchanged", "modif"]),
    wrong(TANH, tanh_d_tanh_again, "applied tanh to a again (treated a as z), with the forbidden np.tanh",
          ["np.tanh", "not allowed", "already", "a is tanh"]),
    wrong(TANH, tanh_d_half, "(1 - a^2) / 2: lost a factor 2 going through the sigmoid",
          ["half", "factor", "scaled", "twice"]),
    wrong(TANH, tanh_d_list, "a list comprehension: returns a list, and fails for a plain number",
          ["number", "scalar", "float", "elementwise"]),
    wrong(TANH, tanh_d_caret, "1 - a ^ 2: ^ is bitwise xor in Python, not a power",
          ["^", "xor", "**", "power"]),
    wrong(TANH, tanh_d_dot, "1 - np.dot(a, a): a dot product, one number for an array, not elementwise",
          ["elementwise", "dot", "sum", "matrix"]),
    wrong(TANH, tanh_d_times_two, "1 - 2a: typed a * 2 for a ** 2",
          ["a * 2", "2a", "times 2", "square"]),
    right(TANH, tanh_d_right_square, "1 - np.square(a)"),
    right(TANH, tanh_d_right_factored, "(1 - a)(1 + a), factored"),
    right(TANH, tanh_d_right_product, "converts to a float array, then 1 - a * a"),
]


# ---------------------------------------------------------------------------------------------------------------
# Lesson 4, exercise 1: central differences whose nudge must be reset for each entry.
# ---------------------------------------------------------------------------------------------------------------
CD = "central_difference"


def cd_new_zeros_outside(f, x, h=1e-5):
    # "fix": a plain np.zeros instead of zeros_like, still made once, outside the loop
    grad = np.zeros(x.shape)
    step = np.zeros(x.shape)
    for i in np.ndindex(x.shape):
        step[i] = h
        grad[i] = (f(x + step) - f(x - step)) / (2 * h)
    return grad


def cd_fresh_too_early(f, x, h=1e-5):
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        step = np.zeros_like(x)
        step[i] = h
        step = np.zeros_like(x)             # the fresh step, put one line too late: it wipes the nudge
        grad[i] = (f(x + step) - f(x - step)) / (2 * h)
    return grad


def cd_over_h(f, x, h=1e-5):
    grad = np.zeros_like(x)
    step = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        step[i] = h
        grad[i] = (f(x + step) - f(x - step)) / h
        step[i] = 0.0
    return grad


def cd_forward(f, x, h=1e-5):
    grad = np.zeros_like(x)
    step = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        step[i] = h
        grad[i] = (f(x + step) - f(x)) / h
        step[i] = 0.0
    return grad


def cd_sign(f, x, h=1e-5):
    grad = np.zeros_like(x)
    step = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        step[i] = h
        grad[i] = (f(x - step) - f(x + step)) / (2 * h)
        step[i] = 0.0
    return grad


def cd_scalar_h(f, x, h=1e-5):
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        grad[i] = (f(x + h) - f(x - h)) / (2 * h)   # nudges every entry at once
    return grad


def cd_no_restore(f, x, h=1e-5):
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        x[i] += h
        up = f(x)
        x[i] -= 2 * h
        down = f(x)
        grad[i] = (up - down) / (2 * h)     # x[i] is left h below where it was
    return grad


def cd_rows(f, x, h=1e-5):
    grad = np.zeros_like(x)
    for i in range(len(x)):                 # one index per row: a matrix gets whole rows nudged
        step = np.zeros_like(x)
        step[i] = h
        grad[i] = (f(x + step) - f(x - step)) / (2 * h)
    return grad


def cd_reset_previous(f, x, h=1e-5):
    grad = np.zeros_like(x)
    step = np.zeros_like(x)
    for k in range(x.size):
        step.flat[k] = h
        grad.flat[k] = (f(x + step) - f(x - step)) / (2 * h)
        if k > 0:
            step.flat[k - 1] = 0.0          # resets the previous entry, one step too late
    return grad


def cd_precedence(f, x, h=1e-5):
    grad = np.zeros_like(x)
    step = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        step[i] = h
        grad[i] = (f(x + step) - f(x - step)) / 2 * h    # divides by 2, then multiplies by h
        step[i] = 0.0
    return grad


def cd_alias(f, x, h=1e-5):
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        x_plus = x                          # not a copy: the same array
        x_plus[i] += h
        x_minus = x
        x_minus[i] -= h
        grad[i] = (f(x_plus) - f(x_minus)) / (2 * h)
    return grad


def cd_right_fresh(f, x, h=1e-5):
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        step = np.zeros_like(x)
        step[i] = h
        grad[i] = (f(x + step) - f(x - step)) / (2 * h)
    return grad


def cd_right_copies(f, x, h=1e-5):
    x = np.asarray(x, dtype=float)
    grad = np.empty_like(x)
    for i in np.ndindex(x.shape):
        x_plus, x_minus = x.copy(), x.copy()
        x_plus[i] += h
        x_minus[i] -= h
        grad[i] = (f(x_plus) - f(x_minus)) / (2 * h)
    return grad


def cd_right_restore(f, x, h=1e-5):
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + h
        up = f(x)
        x[i] = old - h
        down = f(x)
        x[i] = old                          # put the entry back exactly
        grad[i] = (up - down) / (2 * h)
    return grad


ENTRIES += [
    wrong(CD, cd_new_zeros_outside, "swapped zeros_like for zeros, still once outside the loop: the nudges pile up",
          ["reset", "step[i]", "accumulat", "earlier entries"]),
    wrong(CD, cd_fresh_too_early, "a fresh step, made after setting step[i]: every nudge is wiped, gradient all 0",
          ["all zeros", "zero", "before"]),
    wrong(CD, cd_over_h, "divides by h instead of 2h: every entry twice too large",
          ["2h", "2 * h", "twice", "factor 2"]),
    wrong(CD, cd_forward, "a forward difference (f(x + h) - f(x)) / h instead of the central one",
          ["forward", "one-sided", "f(x)", "x - h"]),
    wrong(CD, cd_sign, "f(x - step) - f(x + step): the gradient's sign flipped",
          ["sign", "minus", "negative", "opposite"]),
    wrong(CD, cd_scalar_h, "x + h nudges every entry at once: each entry gets the sum of all slopes",
          ["every entry", "all entries", "one entry", "e_i"]),
    wrong(CD, cd_no_restore, "nudges x in place and never puts it back: x comes back changed",
          ["changed", "restore", "in place", "comes back"]),
    wrong(CD, cd_rows, "loops over range(len(x)): for a matrix it nudges whole rows",
          ["2-D", "matrix", "row", "every entry"]),
    wrong(CD, cd_reset_previous, "resets the previous entry after computing: each difference nudges two entries",
          ["previous", "two entries", "one entry", "reset"]),
    wrong(CD, cd_precedence, "/ 2 * h: operator precedence multiplies by h/2 instead of dividing by 2h",
          ["parenthes", "bracket", "precedence", "2 * h"]),
    wrong(CD, cd_alias, "x_plus = x and x_minus = x are the same array: both evaluate the unnudged x, gradient 0",
          ["copy", "same array", "alias", "view"]),
    right(CD, cd_right_fresh, "a fresh step array inside the loop"),
    right(CD, cd_right_copies, "two copies of x per entry"),
    right(CD, cd_right_restore, "nudges x in place and restores each entry exactly"),
]


# ---------------------------------------------------------------------------------------------------------------
# Lesson 7, exercise 4: an unused weight (g = 0), 10 steps at lr 0.01 from w = 1:
# AdamW with wd 0.1: 0.999^10 ~ 0.990; Adam with L2 0.1: about lr per step, ~ 0.90.
# ---------------------------------------------------------------------------------------------------------------
ADAMW = "adamw_unused"

ENTRIES += [
    wrong(ADAMW, (0.9, 0.99), "the two answers in the wrong order (Adam with L2 first)",
          ["swapped", "order", "other way round", "reversed"]),
    wrong(ADAMW, (0.99, 0.99),
          "treated Adam with L2 like SGD with L2 (a step of lr * l2 * w), missing that Adam's step is about lr",
          ["about lr", "lr in size", "normalis", "whatever"]),
    wrong(ADAMW, (1.0, 0.9), "thought AdamW leaves an unused weight alone (m = v = 0), forgetting the decay term",
          ["decay", "wd", "0.999", "shrink"]),
    wrong(ADAMW, (1.0, 1.0), "thought a weight with g = 0 never moves under either optimizer",
          ["decay", "l2 * w", "l2·w", "shrink"]),
    wrong(ADAMW, (0.349, 0.9), "AdamW's decay without the lr: w times 0.9 per step, 0.9^10",
          ["lr * wd", "lr·wd", "learning rate", "0.999"]),
    wrong(ADAMW, (0.01, 0.1), "gave how far w moved, not where it ends",
          ["moved", "change", "where w ends", "distance"]),
    wrong(ADAMW, (0.999, 0.99), "worked out one step instead of ten",
          ["10 steps", "ten steps", "one step", "per step"]),
    wrong(ADAMW, (0.99, 1.1), "Adam with L2 stepping uphill: w grows by lr per step",
          ["sign", "grows", "towards 0", "toward 0"]),
    wrong(ADAMW, (0.9, 0.9), "put AdamW's decay through Adam's normalisation too (not decoupled)",
          ["decoupled", "directly", "not divided", "0.999"]),
    wrong(ADAMW, (99, 90), "answered in percent of the starting weight",
          ["percent", "%", "fraction", "scale"]),
    wrong(ADAMW, 0.99, "gave only AdamW's number, not the pair",
          ["two numbers", "pair", "tuple", "both"]),
    right(ADAMW, (0.999 ** 10, 0.9), "AdamW's exact decay factor, Adam's lr per step"),
    right(ADAMW, [0.99, 0.901], "a list, rounded"),
]


# ---------------------------------------------------------------------------------------------------------------
# Lesson 8, exercise 3: squared error through a tanh output: delta = (y_hat - y)(1 - y_hat^2) / n.
# ---------------------------------------------------------------------------------------------------------------
TOD = "tanh_output_delta"


def tod_no_n(y_hat, y):
    return (y_hat - y) * (1 - y_hat ** 2)


def tod_no_slope(y_hat, y):
    return (y_hat - y) / len(y)             # the linear output's delta


def tod_sigmoid_slope(y_hat, y):
    return (y_hat - y) * y_hat * (1 - y_hat) / len(y)


def tod_sign(y_hat, y):
    return (y - y_hat) * (1 - y_hat ** 2) / len(y)


def tod_no_square(y_hat, y):
    return (y_hat - y) * (1 - y_hat) / len(y)


def tod_target_slope(y_hat, y):
    return (y_hat - y) * (1 - y ** 2) / len(y)


def tod_tanh_again(y_hat, y):
    out = np.tanh(y_hat)                    # treats y_hat as z
    return (out - y) * (1 - out ** 2) / len(y)


def tod_half(y_hat, y):
    return (y_hat - y) * (1 - y_hat ** 2) / (2 * len(y))   # kept the 1/2 of the loss


def tod_mean(y_hat, y):
    return np.mean((y_hat - y) * (1 - y_hat ** 2))        # one number


def tod_in_place(y_hat, y):
    slope = 1 - y_hat ** 2
    y_hat -= y                              # reuses the caller's array for the error
    return y_hat * slope / len(y)


def tod_divide_slope(y_hat, y):
    return (y_hat - y) / (1 - y_hat ** 2) / len(y)


def tod_plus(y_hat, y):
    return (y_hat - y) * (1 + y_hat ** 2) / len(y)


def tod_columns(y_hat, y):
    return (y_hat - y) * (1 - y_hat ** 2) / y.shape[1]     # the number of columns, 1, not of samples


def tod_right_factored(y_hat, y):
    return (y_hat - y) * (1 - y_hat) * (1 + y_hat) / len(y)


def tod_right_square(y_hat, y):
    n = y_hat.shape[0]
    return np.multiply(y_hat - y, 1.0 - np.square(y_hat)) / n


def tod_right_size(y_hat, y):
    error = np.asarray(y_hat, dtype=float) - y
    return error * (1 - y_hat * y_hat) / y.size           # y is (n, 1): size is n


ENTRIES += [
    wrong(TOD, tod_no_n, "forgot the 1/n of the mean", ["1/n", "divide", "number of samples", "mean"]),
    wrong(TOD, tod_no_slope, "left out tanh's slope: the linear output's delta",
          ["slope", "1 - y_hat", "derivative", "tanh'"]),
    wrong(TOD, tod_sigmoid_slope, "used the sigmoid's slope y_hat(1 - y_hat)",
          ["sigmoid", "y_hat (1 - y_hat)", "y_hat * (1 - y_hat)", "y_hat(1 - y_hat)"]),
    wrong(TOD, tod_sign, "(y - y_hat): the sign flipped", ["sign", "y_hat - y", "opposite"]),
    wrong(TOD, tod_no_square, "slope 1 - y_hat: forgot the square",
          ["square", "y_hat**2", "y_hat ** 2", "y_hat²"]),
    wrong(TOD, tod_target_slope, "the slope taken at the target, 1 - y^2, not at the output",
          ["target", "y**2", "y ** 2", "instead of y_hat"]),
    wrong(TOD, tod_tanh_again, "applied tanh to y_hat again (treated it as z)",
          ["twice", "again", "already", "np.tanh"]),
    wrong(TOD, tod_half, "kept the loss's 1/2: divides by 2n", ["half", "2n", "factor 2", "factor of 2"]),
    wrong(TOD, tod_mean, "averaged into one number instead of one delta per sample",
          ["shape", "scalar", "per sample", "one number"]),
    wrong(TOD, tod_in_place, "right values, but subtracts y from y_hat in place (y_hat comes back changed)",
          ["in place", "changed", "modif", "unchanged"]),
    wrong(TOD, tod_divide_slope, "divided by the slope instead of multiplying",
          ["divide", "multipl", "instead of multiplying", "reciprocal"]),
    wrong(TOD, tod_plus, "slope 1 + y_hat^2: a sign slip", ["sign", "minus", "1 - y_hat", "plus"]),
    wrong(TOD, tod_columns, "n taken as y.shape[1] (1 column), so no division by the number of samples",
          ["rows", "shape[0]", "number of samples", "divide"]),
    right(TOD, tod_right_factored, "(1 - y_hat)(1 + y_hat), factored, / len(y)"),
    right(TOD, tod_right_square, "np.multiply and np.square, / y_hat.shape[0]"),
    right(TOD, tod_right_size, "an explicit error array, / y.size"),
]
