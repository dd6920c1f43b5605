"""Lesson 6 (06_moons): how fast L2 halves an unused weight, the lr limit with the brake on, an unused weight under
L1, choosing l2, how wide a paired difference is, power iteration."""
import math
from fractions import Fraction

import numpy as np

from . import right, wrong


# --- exercise 5: top_eigenvalue(H) -----------------------------------------------------------------------------
def te_no_normalise(H):
    v = np.ones(H.shape[0])
    for _ in range(500):
        v = H @ v
    return v @ H @ v / (v @ v)


def te_norm_of_v(H):
    v = np.random.default_rng(0).normal(size=H.shape[0])
    for _ in range(300):
        v = H @ v
        v = v / np.linalg.norm(v)
    return np.linalg.norm(v)                 # always 1


def te_in_place(H):
    H /= np.abs(H).max()                     # "scale H first for stability"
    v = np.random.default_rng(0).normal(size=H.shape[0])
    for _ in range(300):
        v = H @ v
        v /= np.linalg.norm(v)
    return v @ H @ v


def te_few(H):
    v = np.random.default_rng(0).normal(size=H.shape[0])
    for _ in range(3):
        v = H @ v
        v = v / np.linalg.norm(v)
    return v @ H @ v


def te_zero_start(H):
    v = np.zeros(H.shape[0])
    for _ in range(300):
        v = H @ v
        v = v / np.linalg.norm(v)
    return v @ H @ v


def te_vector(H):
    v = np.random.default_rng(0).normal(size=H.shape[0])
    for _ in range(300):
        v = H @ v
        v = v / np.linalg.norm(v)
    return v


def te_trace(H):
    return np.trace(H)


def te_diagonal(H):
    return H.diagonal().max()


def te_matrix_norm(H):
    return np.linalg.norm(H, 2)


def te_max_entry(H):
    v = np.random.default_rng(1).random(H.shape[0]) + 0.1
    for _ in range(400):
        w = H @ v
        v = w / np.abs(w).max()
    return float(v @ (H @ v) / (v @ v))


def te_loops(H):
    # H is an operator that only multiplies vectors (the prompt says so): the products are H.dot(v), the rest
    # stays Python lists and loops (this entry once read H[i][j], which the exercise no longer allows).
    d = H.shape[0]
    v = [1.0 + 0.1 * i for i in range(d)]
    for _ in range(500):
        w = list(H.dot(v))
        length = math.sqrt(sum(x * x for x in w))
        v = [x / length for x in w]
    Hv = list(H.dot(v))
    return sum(v[i] * Hv[i] for i in range(d))


# --- exercise 4: choose_l2(losses), a colleague's pooled choice to fix ---------------------------------------------
def cl_report_val(losses):
    best = min(losses, key=lambda l2: losses[l2][1])
    return best, losses[best][1]             # reports the validation loss it won by


def cl_test_both(losses):
    best = min(losses, key=lambda l2: losses[l2][2])     # "the test loss is the honest one": choose and report on it
    return best, losses[best][2]


def cl_train_choice(losses):
    best = min(losses, key=lambda l2: losses[l2][0])
    return best, losses[best][2]


def cl_report_train(losses):
    best = min(losses, key=lambda l2: losses[l2][1])
    return best, losses[best][0]


def cl_swapped_sets(losses):
    best = min(losses, key=lambda l2: losses[l2][2])     # test chooses, validation reports
    return best, losses[best][1]


def cl_pooled_choice(losses):
    pooled = {l2: (val + test) / 2 for l2, (train, val, test) in losses.items()}
    best = min(pooled, key=pooled.get)                    # still chosen on the pooled loss
    return best, losses[best][2]                          # only the report changed


def cl_pooled_report(losses):
    best = min(losses, key=lambda l2: losses[l2][1])
    return best, (losses[best][1] + losses[best][2]) / 2  # chosen right, but reports the pooled loss


def cl_lowest_test(losses):
    best = min(losses, key=lambda l2: losses[l2][1])
    return best, min(test for _, _, test in losses.values())   # the lowest test loss of any strength


def cl_max(losses):
    best = max(losses, key=lambda l2: losses[l2][1])
    return best, losses[best][2]


def cl_whole_tuple(losses):
    best = min(losses, key=lambda l2: losses[l2][1])
    return best, losses[best]


def cl_only_l2(losses):
    return min(losses, key=lambda l2: losses[l2][1])


def cl_mutates(losses):
    for l2 in list(losses):
        if losses[l2][1] > min(v[1] for v in losses.values()):
            del losses[l2]                                # throws the losers away
    (best, (train, val, test)), = losses.items()
    return best, test


def cl_swapped_return(losses):
    best = min(losses, key=lambda l2: losses[l2][1])
    return losses[best][2], best


def cl_position(losses):
    vals = [v[1] for v in losses.values()]
    i = int(np.argmin(vals))
    return i, list(losses.values())[i][2]                  # the position in the dict, not the strength


def cl_loop(losses):
    best, best_val = None, float("inf")
    for l2, (_train, val, _test) in losses.items():
        if val < best_val:
            best, best_val = l2, val
    return best, losses[best][2]


def cl_sorted(losses):
    ranked = sorted(losses.items(), key=lambda item: item[1][1])
    l2, (_, _, test) = ranked[0]
    return l2, test


def cl_argmin(losses):
    keys = list(losses)
    table = np.array([losses[k] for k in keys])           # rows: strengths; columns: train, val, test
    i = int(np.argmin(table[:, 1]))
    return keys[i], float(table[i, 2])


# --- exercise 5: paired_spread(prediction) -------------------------------------------------------------------------
def ps_from_standard_errors(sigma_a, sigma_b, rho, n):
    se_a, se_b = sigma_a / math.sqrt(n), sigma_b / math.sqrt(n)      # each mean's own spread
    return math.sqrt(se_a ** 2 + se_b ** 2 - 2 * rho * se_a * se_b)


ENTRIES = [
    # exercise 5: top_eigenvalue(H)
    wrong("top_eigenvalue", te_no_normalise, "no normalisation: v grows without bound",
          ["normalis", "divide", "||Hv||", "norm", "overflow", "inf"]),
    wrong("top_eigenvalue", te_norm_of_v, "returns ||v|| (always 1), not the Rayleigh quotient",
          ["Rayleigh", "v^T H v", "v @ H @ v", "vᵀHv"]),
    wrong("top_eigenvalue", te_in_place, "rescales H in place",
          ["in place", "changed", "unchanged"]),
    wrong("top_eigenvalue", te_few, "three iterations only",
          ["iterations", "more", "repeat", "few"]),
    wrong("top_eigenvalue", te_zero_start, "starts from the zero vector: 0/0",
          ["zero", "start", "nan"]),
    wrong("top_eigenvalue", te_vector, "returns the vector v, not the eigenvalue",
          ["one number", "vector", "shape"]),
    wrong("top_eigenvalue", te_trace, "the trace: the sum of all eigenvalues",
          ["trace", "sum"]),
    wrong("top_eigenvalue", te_diagonal, "the largest diagonal entry",
          ["diagonal", "power iteration"]),
    wrong("top_eigenvalue", te_matrix_norm, "np.linalg.norm(H, 2): an SVD by another name",
          ["norm", "not allowed", "allowed", "svd"]),
    right("top_eigenvalue", te_max_entry, "normalised by the largest entry, quotient divided by v @ v"),
    right("top_eigenvalue", te_loops, "Python lists and loops, math.sqrt"),
    # exercise 3: l1_unused_weight(prediction); right: (300, 0.0005), steps of lr * l1 / n = 0.001
    wrong("l1_unused_weight", (299, 0.0005),
          "299 = floor(0.2995 / 0.001): the last step still above 0, not the first below",
          ["off by one", "still above", "300th", "one more"]),
    wrong("l1_unused_weight", (300, 0.001), "largest = a whole step lr * l1 / n: the hop is only half a step from 0",
          ["half", "hop", "across"]),
    wrong("l1_unused_weight", (599, 0.00025), "forgot lr: steps of l1 / n = 0.0005",
          ["lr", "learning rate"]),
    wrong("l1_unused_weight", (2, 0.1005), "forgot the 1/n: steps of lr * l1 = 0.2",
          ["/ n", "/n", "n = 200", "divided by n", "200 samples"]),
    wrong("l1_unused_weight", (math.inf, 0.0), "thinks like L2: a fraction off each step, never below 0",
          ["L2", "fraction", "same amount", "whatever its size"]),
    wrong("l1_unused_weight", (300, 0.0), "thinks w lands on 0 and stays there (sign(0) = 0)",
          ["hop", "stays", "exactly 0", "sign(0)"]),
    wrong("l1_unused_weight", (0.0005, 300), "the two numbers in the wrong order",
          ["order", "swap", "(steps, largest)"]),
    wrong("l1_unused_weight", (300, 0.2995), "largest over all steps, the start included, not the steps after",
          ["after", "that follow", "start"]),
    wrong("l1_unused_weight", (300, -0.0005), "the signed value of w, not its size |w|",
          ["|w|", "size", "absolute", "abs"]),
    wrong("l1_unused_weight", 300, "only the number of steps",
          ["pair", "two", "tuple", "largest"]),
    wrong("l1_unused_weight", (150, 0.0015), "differentiated |w| like w^2: a factor 2, steps of 0.002",
          ["twice", "factor 2", "factor of 2", "double"]),
    wrong("l1_unused_weight", (299.5, 0.0005), "0.2995 / 0.001 = 299.5 left unrounded: not a count of steps",
          ["whole", "integer", "count", "round"]),
    right("l1_unused_weight", [300, 5e-4], "a list, 5e-4"),
    right("l1_unused_weight", (np.int64(300), np.float64(0.2995 - 0.299)), "numpy scalars, the remainder computed"),
    right("l1_unused_weight", (300.0, Fraction(1, 2000)), "a float count and a Fraction"),
    right("l1_unused_weight", (300, np.array(0.0005)), "a 0-d array for largest"),

    # exercise 4: choose_l2(losses); right: chosen on validation alone, the winner's test loss reported
    wrong("choose_l2", cl_report_val, "chosen on validation, but reports the validation loss it won by",
          ["flatter", "luck", "won by", "the test set to report"]),
    wrong("choose_l2", cl_test_both, "chooses and reports on the test set",
          ["chooses on the test", "test set to choose", "choice", "picks on"]),
    wrong("choose_l2", cl_train_choice, "chooses on the training loss",
          ["training loss", "training set", "overfit"]),
    wrong("choose_l2", cl_report_train, "chooses on validation, reports the training loss",
          ["training loss", "training set", "fitted"]),
    wrong("choose_l2", cl_swapped_sets, "the roles swapped: the test set chooses, the validation set reports",
          ["swap", "the other way", "test set to choose", "roles"]),
    wrong("choose_l2", cl_pooled_choice, "keeps the pooled choice, only the report is the test loss",
          ["pool", "the choice", "chooses", "test points"]),
    wrong("choose_l2", cl_pooled_report, "chooses on validation, still reports the pooled (val + test) / 2",
          ["pool", "average", "mean of", "validation loss the winner"]),
    wrong("choose_l2", cl_lowest_test, "reports the lowest test loss of any strength, not the winner's",
          ["winner", "chosen", "another", "every strength"]),
    wrong("choose_l2", cl_max, "max instead of min: the worst validation loss",
          ["max", "highest", "largest", "lowest"]),
    wrong("choose_l2", cl_whole_tuple, "returns the winner's whole (train, val, test) tuple as the loss",
          ["tuple", "one number", "three"]),
    wrong("choose_l2", cl_only_l2, "returns only the strength",
          ["two", "pair", "tuple", "(l2, loss)"]),
    wrong("choose_l2", cl_mutates, "deletes the losers from the caller's dict",
          ["modif", "mutat", "in place", "changed"]),
    wrong("choose_l2", cl_swapped_return, "returns (loss, l2): the wrong order",
          ["order", "swap", "l2 first"]),
    wrong("choose_l2", cl_position, "returns the winner's position in the dict, not its l2",
          ["index", "position", "key", "strength itself"]),
    right("choose_l2", cl_loop, "a loop keeping the best validation loss so far"),
    right("choose_l2", cl_sorted, "sorted by validation loss, the first one's test loss"),
    right("choose_l2", cl_argmin, "a numpy table and argmin"),

    # exercise 1: l2_half_life(prediction); right: 693 (give or take one), w kept at 0.999 w each step
    wrong("l2_half_life", 150, "a fixed amount 0.001 off each step, as L1 does: 0.15 / 0.001",
          ["L1", "amount", "fraction"]),
    wrong("l2_half_life", 500, "0.001 of the START off each step (0.0003), linear: 0.15 / 0.0003",
          ["what is left", "compound", "exponential", "geometric"]),
    wrong("l2_half_life", 1386, "forgot lr: keeps 1 - l2 / n = 0.9995 a step",
          ["learning rate", "lr = 2", "times lr", "the lr"]),
    wrong("l2_half_life", 4, "forgot the 1/n: keeps 1 - lr * l2 = 0.8 a step",
          ["/ n", "/n", "divided by n", "n = 200", "200 samples"]),
    wrong("l2_half_life", 347, "differentiated the penalty without cancelling its 1/2: keeps 0.998 a step",
          ["factor 2", "factor of 2", "twice", "cancel", "derivative"]),
    wrong("l2_half_life", 6932, "used the classic run's l2 = 0.01, not 0.1: keeps 0.9999 a step",
          ["l2 = 0.1", "0.01", "classic", "strength"]),
    wrong("l2_half_life", 1000, "1 / 0.001: the time constant (down to 1/e), not the half-life",
          ["1/e", "ln 2", "0.693", "time constant"]),
    wrong("l2_half_life", 302, "log10(2) / 0.001: the base-10 log where the natural log belongs",
          ["log10", "natural log", "base 10", "base e"]),
    wrong("l2_half_life", -693, "ln(1/2) / 0.001: the sign of the log lost",
          ["negative", "sign", "minus"]),
    wrong("l2_half_life", math.inf, "thinks L2, which never reaches 0, never halves the weight either",
          ["finite", "reaches 0", "zero", "inf"]),
    wrong("l2_half_life", 0.15, "answers the value of w at that point (half of 0.3), not the count of steps",
          ["count", "number of steps", "value of w", "the weight itself"]),
    right("l2_half_life", np.int64(693), "a numpy integer"),
    right("l2_half_life", Fraction(693, 1), "a Fraction"),
    right("l2_half_life", np.array(693.0), "a 0-d float array"),
    right("l2_half_life", math.log(0.5) / math.log(0.999), "the unrounded 692.8, within a step"),
    right("l2_half_life", 694, "one step later, within the stated give or take one"),

    # exercise 2: lr_limit(prediction); right: 1/3, curvature mean(x^2) + l2 / n = 4 + 2 = 6, lr = 2 / 6
    wrong("lr_limit", 0.5, "2 / 4: the data's curvature alone, the brake left out",
          ["l2", "brake", "penalty", "regularis"]),
    wrong("lr_limit", 1 / 6, "1 / curvature: the rate that lands in one step, not the limit",
          ["one step", "1/lambda", "twice", "factor of 2"]),
    wrong("lr_limit", 6.0, "the curvature itself, not 2 / curvature",
          ["curvature itself", "2/", "2 /", "not the learning rate"]),
    wrong("lr_limit", 2 / 14, "added l2 = 10 to the curvature, not l2 / n = 2",
          ["/ n", "/n", "divided by n", "n = 5"]),
    wrong("lr_limit", 2 / 5, "the penalty's curvature taken as l2 / (2n) = 1: its 1/2 not cancelled",
          ["factor 2", "factor of 2", "derivative", "cancel"]),
    wrong("lr_limit", 2 / 8, "the penalty's curvature taken as 2 l2 / n = 4: differentiated twice over",
          ["factor 2", "factor of 2", "derivative", "cancel"]),
    wrong("lr_limit", 2 / 10, "dropped the 1/2 of the squared error: data curvature 2 mean(x^2) = 8",
          ["1/2", "½", "factor 2", "factor of 2"]),
    wrong("lr_limit", 2 / 22, "the data term summed (sum x^2 = 20), not averaged, plus l2 / n",
          ["mean", "sum", "1/n", "divided by n"]),
    wrong("lr_limit", 1.0, "mean(x) (= 0) for the data curvature, not mean(x^2): 2 / (0 + 2)",
          ["square", "x²", "x^2", "x_i^2"]),
    wrong("lr_limit", 2 / 8.2, "the targets' mean(y^2) = 6.2 as the data curvature",
          ["target", "y²", "inputs", "x²"]),
    wrong("lr_limit", 2 / 7.5, "dropped the point at x = 0 as useless: n = 4, so 20/4 + 10/4 = 7.5",
          ["n = 5", "five", "x = 0", "every point"]),
    wrong("lr_limit", 8 / 15, "answers the best weight w* = mean(xy) / 6 = 3.2 / 6, another question",
          ["w*", "best weight", "bottom", "the weight"]),
    wrong("lr_limit", 2 / 3, "lesson 2's logistic 1/4 carried over: mean(x^2) / 4 + 2 = 3",
          ["logistic", "1/4", "sigmoid", "squared error"]),
    right("lr_limit", Fraction(1, 3), "a Fraction"),
    right("lr_limit", np.float64(2.0) / 6, "a numpy float"),
    right("lr_limit", np.array(1 / 3), "a 0-d array"),
    right("lr_limit", 0.333, "rounded to the check's grid of 0.001"),
    right("lr_limit", np.float32(1 / 3), "a float32"),
    right("lr_limit", 2 / (np.mean(np.array([0.0, 1.0, -1.0, 3.0, -3.0]) ** 2) + 10 / 5),
          "computed from the data by numpy"),

    # exercise 5: paired_spread(prediction); right: sqrt((0.09 + 0.16 - 2 * 0.98 * 0.3 * 0.4) / 200) = 0.0086
    wrong("paired_spread", math.sqrt((0.3 ** 2 + 0.4 ** 2) / 200),
          "the correlation ignored: the variances added as for two independent sets, 0.035",
          ["correlat", "covariance", "independent", "same points"]),
    wrong("paired_spread", math.sqrt((0.09 + 0.16 + 2 * 0.98 * 0.3 * 0.4) / 200),
          "the covariance added, not subtracted: Var(a - b) taken as Var a + Var b + 2 Cov",
          ["sign", "subtract", "added", "+ 2"]),
    wrong("paired_spread", math.sqrt((0.09 + 0.16 - 0.98 * 0.3 * 0.4) / 200),
          "the covariance subtracted once, its factor 2 dropped",
          ["factor 2", "factor of 2", "twice", "2 Cov"]),
    wrong("paired_spread", math.sqrt(0.0148),
          "one point's standard deviation of a - b, never divided by sqrt(200)",
          ["√n", "sqrt(n)", "one point", "per point"]),
    wrong("paired_spread", 0.0148 / 200, "the variance of the mean difference, not its standard deviation",
          ["variance", "square root", "sqrt"]),
    wrong("paired_spread", math.sqrt(0.0148) / 200, "divided by n = 200, not by sqrt(n)",
          ["√n", "sqrt(n)", "square root of n", "divided by n"]),
    wrong("paired_spread", (0.4 - 0.3) / math.sqrt(200),
          "the difference of the two standard deviations over sqrt(n): as if rho were 1",
          ["ρ = 1", "perfectly", "0.98", "correlation"]),
    wrong("paired_spread", math.sqrt((1 - 0.98) * (0.09 + 0.16) / 200),
          "(1 - rho)(var a + var b): the equal-sigma formula 2 sigma^2 (1 - rho) carried over to unequal sigmas",
          ["equal", "ρ σ_A σ_B", "product", "cross term"]),
    wrong("paired_spread", 0.3 / math.sqrt(200), "answers another question: A's mean loss alone, 0.3 / sqrt(200)",
          ["difference", "A alone", "one net", "both"]),
    wrong("paired_spread", math.sqrt(0.0148 / 20000), "took n as the check's 20,000 sets, not the 200 points",
          ["20,000", "200 points", "n = 200", "number of sets"]),
    wrong("paired_spread", math.sqrt(0.0148 / 400), "counted both nets' losses, n = 400: the pairs are 200",
          ["n = 200", "200 points", "400", "pairs"]),
    wrong("paired_spread", -math.sqrt(0.0148 / 200), "a negative standard deviation (A's loss below B's)",
          ["negative", "positive", "sign"]),
    wrong("paired_spread", 2 * 1.645 * math.sqrt(0.0148 / 200),
          "answers section 5's width of the middle 90%, not the standard deviation",
          ["90%", "width", "range", "one standard deviation"]),
    wrong("paired_spread", math.sqrt((0.3 + 0.4 - 2 * 0.98 * 0.3 * 0.4) / 200),
          "the sigmas used as variances: 0.3 + 0.4, not 0.3^2 + 0.4^2",
          ["square", "variance", "σ²", "0.09"]),
    right("paired_spread", Fraction(43, 5000), "a Fraction, 0.0086"),
    right("paired_spread", np.float64(np.sqrt((0.3 ** 2 + 0.4 ** 2 - 2 * 0.98 * 0.3 * 0.4) / 200)),
          "a numpy float, computed unrounded"),
    right("paired_spread", np.array(0.0086), "a 0-d array"),
    right("paired_spread", np.float32(0.0086), "a float32"),
    right("paired_spread", ps_from_standard_errors(0.3, 0.4, 0.98, 200),
          "each mean's standard error first, then the difference's (the same number)"),
]
