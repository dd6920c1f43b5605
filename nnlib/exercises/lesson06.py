"""Exercise checks for lesson 6 (06_moons): (in lesson06_decay.py) how fast L2 alone halves a weight, the
largest step that does not grow on a loss made from data plus the L2 brake, (in lesson06_hover.py) where L1 leaves
an unused weight, power iteration for the sharpest curvature, (in lesson06_split.py) a choice of l2 that lets
the test set leak, and (in lesson06_paired.py) the spread of two nets' paired difference.

Each check is data: a reference solution, fixed cases and a catalogue of typical slips (see engine.py).
"""
import numpy as np

from .engine import Slip, function_check, prediction_check
from .handles import matrix_only
from .lesson06_decay import SLIPS as DECAY_SLIPS
from .lesson06_decay import SOLUTIONS as DECAY_SOLUTIONS
from .lesson06_decay import l2_half_life
from .lesson06_hover import L1, LR, NEVER, W_START, N, _unused_weight, l1_unused_weight  # noqa: F401 (re-exported)
from .lesson06_hover import SLIPS as HOVER_SLIPS
from .lesson06_hover import SOLUTIONS as HOVER_SOLUTIONS
from .lesson06_paired import SLIPS as PAIRED_SLIPS
from .lesson06_paired import SOLUTIONS as PAIRED_SOLUTIONS
from .lesson06_paired import paired_spread
from .lesson06_runaway import named_or_runaway
from .lesson06_split import SLIPS as SPLIT_SLIPS
from .lesson06_split import SOLUTIONS as SPLIT_SOLUTIONS
from .lesson06_split import choose_l2

# --- exercise 2 (derive): the step limit of half the mean squared error of y_hat = x w on 5 points, plus L2 ----
X_POINTS = (0.0, 1.0, -1.0, 3.0, -3.0)          # the prompt's inputs: the data's curvature is mean(x^2) = 4
L2_BRAKE = 10.0                                 # the prompt's l2: the penalty (l2 / 2n) w^2 adds l2 / n = 2
LAM = float(np.mean(np.square(X_POINTS))) + L2_BRAKE / len(X_POINTS)


def _largest_stable_lr(lam=LAM, steps=100):
    """Run it: gradient descent on a loss of curvature lam (J = lam/2 (w - w*)^2, w* = 0) from w = 1 at lr = 0.001,
    0.002, ..., 2; the largest lr before the first at which |w - w*| ends above where it started."""
    last = None
    for k in range(1, 2001):
        lr, w = k / 1000, 1.0
        for _ in range(steps):
            w = w - lr * lam * w
        if abs(w) > 1.0:
            return last
        last = lr
    return last


# --- exercise 5 (implement): power iteration -------------------------------------------------------
def _exact_top(H):                            # the reference (numpy, outside the student's call)
    return float(np.linalg.eigvalsh(H)[-1])


def _top_eigenvalue(H):
    v = np.random.default_rng(0).standard_normal(H.shape[0])
    for _ in range(500):
        v = H @ v
        v = v / np.linalg.norm(v)
    return float(v @ H @ v)


def _power_few(H):                            # too few repetitions
    v = np.ones(H.shape[0])
    for _ in range(5):
        v = H @ v
        v = v / np.linalg.norm(v)
    return float(v @ H @ v)


def _power_unnormalised(H):                   # never divides by the norm: v grows like lambda_max^steps
    v = np.ones(H.shape[0])
    for _ in range(100):
        v = H @ v
    return float(v @ H @ v)


def _random(n):
    return np.random.default_rng(0).standard_normal(n)


def _overflow(start):                         # normalised only in the quotient at the end: v overflows, inf / inf
    def top(H):
        v = start(H.shape[0])
        for _ in range(1000):
            v = H @ v
        return float(v @ H @ v / (v @ v))
    return top


def _power_diagonal(H):                       # the largest diagonal entry (read as e_i @ H @ e_i)
    return float(max(e @ (H @ e) for e in np.eye(H.shape[0])))


def _power_numpy(H):                          # the library shortcut the exercise forbids
    return float(np.linalg.eigvalsh(H)[-1])


def _power_vector(H):                         # returns the eigenvector, not the eigenvalue
    v = np.random.default_rng(0).standard_normal(H.shape[0])
    for _ in range(500):
        v = H @ v
        v = v / np.linalg.norm(v)
    return v


def _power(normalise=lambda v: v / np.linalg.norm(v), start=np.ones, value=lambda v, H: float(v @ H @ v)):
    """Power iteration from `start`, `normalise`-d at each of 300 steps, then `value`: the slips' variants."""
    def top(H):
        v = start(H.shape[0])
        for _ in range(300):
            v = normalise(H @ v)
        return value(v, H)
    return top


def _rotated(eigenvalues, seed):
    """A symmetric matrix with the given eigenvalues, rounded to 3 decimals so it can be shown."""
    Q, _ = np.linalg.qr(np.random.default_rng(seed).standard_normal((len(eigenvalues),) * 2))
    return np.round(Q @ np.diag(eigenvalues) @ Q.T, 3)


OVERFLOW = ("v is never rescaled inside the loop, so it grows like lambda_max^steps until it passes the largest float "
            "(about 1e308), and the quotient at the end is inf / inf = nan: normalise v at every repetition, not "
            "only at the end.")
SOLUTIONS = {"lr_limit": 1 / 3, "top_eigenvalue": _top_eigenvalue,
             **SPLIT_SOLUTIONS, **DECAY_SOLUTIONS, **HOVER_SOLUTIONS, **PAIRED_SOLUTIONS}

SLIPS = {
    "lr_limit": [
        Slip("no l2", "That is the limit for the data's curvature alone, mean(x^2): the penalty is part of J too, "
                      "and its second derivative adds to the curvature.", 0.5),
        Slip("l2 not over n", "The penalty is (l2/2n) w^2, not (l2/2) w^2: its curvature is l2/n, divided by the "
                              "number of points n like the data's.", 2 / 14),
        Slip("half l2", "The curvature of (l2/2n) w^2 is l2/n: the 1/2 cancels the 2 of the square, as it does "
                        "in the data term.", 2 / 5),
        Slip("double l2", "Your penalty's curvature keeps a 2: the second derivative of (l2/2n) w^2 is l2/n, the "
                          "1/2 cancelling the 2 that comes down from the square.", 2 / 8),
        Slip("double data", "Your data term's curvature keeps a 2: the 1/2 in J's 1/(2n) cancels the 2 that comes "
                            "down from each square, so the data's curvature has no factor 2.", 2 / 10),
        Slip("l2 alone", "That is the limit for the penalty's curvature alone: the data's curvature mean(x^2) adds "
                         "to it (the square of the mean x, 0 here, is not that curvature).", 2 / 2),
        Slip("one over", "1/lambda is the step that lands on the bottom w* at once; above it each step jumps across "
                         "w* (section 4's swing) but the distance still shrinks while |1 - lr lambda| < 1. If you "
                         "meant 2 over the curvature, yours kept the 2 of each square, which the 1/2 in front of each "
                         "term cancels.", 1 / 6),
        Slip("product", "2 is the limit of the product lr times lambda, not of lr: divide by the curvature.", 2.0),
        Slip("upside down", "Solve |1 - lr lambda| <= 1 for lr again: your limit grows with the curvature, but a "
                            "sharper bowl needs a smaller step.", 12.0),
        Slip("half", "Your curvature is too small: either the 2 that comes down from each square was dropped (it "
                     "cancels the 1/2 in front of each term), or lesson 2's 1/4 came along, the sigmoid's slope in "
                     "logistic regression's curvature: squared error has no such factor.", 2 / 3),
        Slip("lambda", "The question asks for a learning rate, the largest one the curvature allows, not the "
                       "curvature itself.", 6.0),
        Slip("quarter limit", "1/(2 lambda) halves the step that lands on the bottom at once; the distance to w* "
                              "keeps shrinking for steps well past it, as long as |1 - lr lambda| <= 1.", 1 / 12),
        Slip("sum", "That uses the sum of x^2 over the 5 points: J is a mean (the 1/(2n) in front), so its "
                    "curvature averages x^2 over the points too.", 2 / 22),
        Slip("sum, no l2", "That sums x^2 over the 5 points and leaves the penalty out: J is a mean (the 1/(2n) in "
                           "front), so its curvature averages x^2 over the points, and the penalty's l2/n adds to "
                           "it.", 2 / 20),
        Slip("sum, l2", "That sums x^2 over the points and leaves the 1/n out of the penalty: both terms of J are "
                        "divided by n.", 2 / 30),
        Slip("n - 1", "You divided by n - 1 = 4, or left the point x = 0 out of the count: J's 1/(2n) divides by "
                      "n = 5, every point included.", 2 / 7.5),
        Slip("x = 0 dropped", "Your data term divides by 4: by n - 1, as a sample variance does, or with the point "
                              "x = 0 left out. J's 1/(2n) divides by n = 5, and x = 0 counts though its x^2 is 0.",
             2 / 7),
        Slip("quarter all", "Lesson 2's 1/4 is the sigmoid's slope in logistic regression's curvature: squared error "
                            "has no such factor, and neither has the penalty.", 2 / 1.5),
        Slip("largest x", "That uses the largest x^2 alone: every point adds its x^2 to the curvature, and the mean "
                          "weighs them equally.", 2 / 11),
        *[Slip(f"targets {what}", f"Your curvature uses the targets, as {what}: the second derivative of "
                                  "(x w - y)^2 in w has no y in it. The targets only place the bottom w*; the inputs "
                                  "alone set the curvature.", 2 / (value + 2)) for what, value in
          (("mean(y^2)", 6.2), ("mean(x y)", 3.2))],
        *[Slip(f"best weight{which}", f"That is the best weight w*{which}, where {loss} bottoms out, not a step "
                                      "size: the question asks how large lr can be before a step leaves w farther "
                                      "from w* than it was.", value) for which, loss, value in
          (("", "J", 3.2 / 6), (" of the data alone", "the data term", 3.2 / 4))],
    ],
    "top_eigenvalue": [
        Slip("few", "Right idea, stopped too early: when the two largest eigenvalues are close, v turns slowly and "
                    "the quotient creeps up by a little at every step, so neither a handful of repetitions nor a stop "
                    "once it changes by little is convergence. How many repetitions bring 0.9^k below the error "
                    "you accept?", _power_few),
        Slip("unnormalised", "Without dividing by the norm, v grows (or shrinks) like lambda_max^steps, and so "
                             "does v @ H @ v: normalise v at every repetition.", _power_unnormalised),
        Slip("overflow", OVERFLOW, _overflow(np.ones)),
        Slip("overflow, random start", OVERFLOW + " A random start does not prevent it.", _overflow(_random)),
        Slip("diagonal", "The largest diagonal entry is the curvature along one axis, not along the top "
                         "eigenvector: rotate H and it changes.", _power_diagonal),
        Slip("numpy", "The point is to find lambda_max without numpy's routines, which cannot read H here: "
                      "use repeated products H @ v.", _power_numpy),
        Slip("vector", "You returned the vector v; return the number v @ H @ v (the Rayleigh quotient).",
             _power_vector),
        Slip("v @ v", "v @ v is 1 once v is normalised: the eigenvalue is the Rayleigh quotient v @ H @ v.",
             _power(start=_random, value=lambda v, H: float(v @ v))),
        Slip("first axis", "Your answer is another eigenvalue of diag(1, 3), whose top eigenvector (0, 1) has a 0 "
                           "first entry. Two slips do that: a start along the first axis, such as v[0] = 1 and the "
                           "rest 0, has no part along the top eigenvector and never gains one; and one entry of "
                           "H @ v over the same entry of v divides two vanishing numbers. Start from a random v, "
                           "and read the eigenvalue with the Rayleigh quotient v @ H @ v, which uses every entry.",
             _power(start=lambda n: np.eye(n)[0])),
        Slip("ones start", "Your start has no part along the top eigenvector: for H = [[2, -1], [-1, 2]] the top "
                           "eigenvector is (1, -1), at right angles to a start of ones, and every product H @ v keeps "
                           "it at right angles, so v turns to the next eigenvector and you read 1, not 3. Start from "
                           "a random vector: it has some part along every direction.", _power()),
        Slip("unit quotient", "v @ H @ v is the eigenvalue only for a unit v: divide by v @ v, or scale v by its "
                              "length np.linalg.norm(v), not by its largest entry.",
             _power(normalise=lambda v: v / np.abs(v).max())),
        Slip("zero start", "v starts at 0, so H @ v stays 0 and 0/0 = nan: start from a vector that is not 0.",
             _power(start=np.zeros)),
        Slip("sum", "Dividing by the sum of v's entries does not make v a unit vector: the Rayleigh quotient "
                    "needs v / ||v||.", _power(start=_random, normalise=lambda v: v / v.sum())),
    ],
    **SPLIT_SLIPS,
    **DECAY_SLIPS,
    **HOVER_SLIPS,
    **PAIRED_SLIPS,
}


LR_RIGHT = ("The curvature d^2J/dw^2 is mean(x^2) + l2/n = 4 + 2 = 6 whatever the targets (they only place the "
            "bottom w*): the brake adds l2/n to the curvature of every weight. One step multiplies w - w* by "
            "1 - lr lambda, and |1 - lr lambda| <= 1 for lr up to 2 / lambda = 1/3, down from the 0.5 of the data "
            "alone.")


def lr_limit(prediction, grade=False):
    """Lesson 6, exercise 2 (derive): the largest lr at which full-batch gradient descent on half the mean squared
    error of y_hat = x w, on the inputs x = (0, 1, -1, 3, -3), plus the L2 penalty (l2/2n) w^2 with l2 = 10, does
    not move w farther from the best w*. The curvature is mean(x^2) + l2/n = 4 + 2 = 6 whatever the targets, so
    the answer is 2 / 6 = 1/3."""
    return prediction_check("lr_limit", prediction, truth=_largest_stable_lr, tol=0.01, right=LR_RIGHT,
                            slips=SLIPS["lr_limit"], upper=2 / LAM, grade=grade)   # no side told: a bisection


def top_eigenvalue(fn, grade=False):
    """Lesson 6, exercise 6 (implement): top_eigenvalue(H) by power iteration. H is given as a matrix the
    function can only multiply vectors by (handles.MatrixOnly), so no library routine can shortcut it. An answer
    whose lambda_max ran away (v not normalised in the loop) and that no slip names is told so."""
    cases = [(_rotated([4.0, 1.0, 0.5], 0),),
             (_rotated([0.9, 1.0, 0.2, 0.5], 1),),              # top two close: needs many repetitions
             (np.array([[1.0, 0.0], [0.0, 3.0]]),),             # top eigenvector (0, 1): no part along e_1
             (np.array([[2.0, -1.0], [-1.0, 2.0]]),)]           # top eigenvector (1, -1): none along the ones
    forbid = ("scipy", "sklearn")

    def check(grade):
        return function_check("top_eigenvalue", fn, reference=_exact_top, cases=cases, outputs=("lambda_max",),
                              slips=SLIPS["top_eigenvalue"], adapt=matrix_only, atol=1e-4, rtol=1e-4,
                              forbid_modules=forbid, grade=grade)
    return named_or_runaway("top_eigenvalue", fn, check, SLIPS["top_eigenvalue"], cases, _exact_top, forbid, grade)


__all__ = ["l2_half_life", "lr_limit", "l1_unused_weight", "top_eigenvalue", "choose_l2", "paired_spread"]
