"""Exercise check for lesson 6 (06_moons), exercise 5 (predict): how much the mean difference of two nets' losses
on one validation set of n points moves from one set to another, when the per-point losses are correlated (a
point hard for one net is hard for the other). The lesson's core skill: is a difference between two settings
real, or sampling noise? Kept apart from lesson06.py, which re-exports it. Data for the engine in engine.py."""
import math

import numpy as np

from .engine import Slip, prediction_check

SD_A, SD_B, RHO, N = 0.3, 0.4, 0.98, 200       # the prompt: per-point spreads, their correlation, points per set
SETS = 20_000                                  # validation sets the check draws to measure the spread


def _run_spread(sd_a=SD_A, sd_b=SD_B, rho=RHO, n=N, sets=SETS, seed=0):
    """Run it: draw `sets` validation sets of n points, each point's two losses correlated by rho (normal, with
    the given spreads), and return the standard deviation, over the sets, of mean(loss_a - loss_b)."""
    rng = np.random.default_rng(seed)
    u, v = rng.standard_normal((2, sets, n))
    loss_a = sd_a * u
    loss_b = sd_b * (rho * u + math.sqrt(1 - rho * rho) * v)
    return float(np.std((loss_a - loss_b).mean(axis=1), ddof=1))


def _spread(var_diff, divide=None):
    """The slips' values: the square root of a variance of one point's difference, divided by `divide` (by
    default the square root of n)."""
    return math.sqrt(var_diff) / (math.sqrt(N) if divide is None else divide)


_VA, _VB, _COV = SD_A ** 2, SD_B ** 2, RHO * SD_A * SD_B
_TRUE_VAR = _VA + _VB - 2 * _COV                 # 0.0148: the variance of one point's difference

SOLUTIONS = {"paired_spread": _spread(_TRUE_VAR)}

SLIPS = {"paired_spread": [
    Slip("unpaired", "That is the spread for two sets of points drawn independently, one per net: the same points "
                     "score both nets here, and a point hard for one is hard for the other, so much of each net's "
                     "scatter cancels in the difference. The correlation belongs in the variance of a difference.",
         _spread(_VA + _VB)),
    Slip("plus", "The covariance enters the variance of a difference with a minus sign: Var(a - b) = Var a + Var b "
                 "- 2 Cov(a, b). With a plus, correlated nets would be harder to tell apart, not easier (and adding "
                 "the two spreads themselves is the same mistake, with a correlation of 1).",
         _spread(_VA + _VB + 2 * _COV)),
    Slip("no 2", "Var(a - b) = Var a + Var b - 2 Cov(a, b): the covariance counts twice, once from each cross term "
                 "of (a - b)^2.", _spread(_VA + _VB - _COV)),
    Slip("rho one", "That treats the correlation as 1, as if the two nets' losses moved in lockstep: then only the "
                    "difference of their spreads would be left. At 0.98 the rest of the scatter still counts, and it "
                    "counts more than you might think.", _spread((SD_B - SD_A) ** 2)),
    Slip("no sqrt n", "That is the spread of one point's difference: the question asks about the mean over the "
                      "validation set's points, which averages much of that scatter away.", _spread(_TRUE_VAR, 1.0)),
    Slip("over n", "The spread of a mean of n independent numbers is their spread over the square root of n, not "
                   "over n (it is the variance that is divided by n).", _spread(_TRUE_VAR, N)),
    Slip("variance", "That is a variance, the square of a spread: the question asks for the standard deviation, "
                     "in the same units as a loss.", _TRUE_VAR / N),
    Slip("net A alone", "That is how much net A's own validation loss moves from set to set: the question asks "
                        "about the difference of the two nets, measured on the same points.", _spread(_VA)),
    Slip("net B alone", "That is how much net B's own validation loss moves from set to set: the question asks "
                        "about the difference of the two nets, measured on the same points.", _spread(_VB)),
    Slip("difference of spreads unpaired", "Subtracting the two spreads is what perfect correlation (1) would "
                                           "give, and it is not divided by the square root of n: the question asks "
                                           "about the mean over the set's points.", SD_B - SD_A),
]}


def paired_spread(prediction, grade=False):
    """Lesson 6, exercise 5 (predict): the standard deviation, over fresh validation sets of n = 200 points, of
    mean(loss_a - loss_b), when the per-point losses have spreads 0.3 and 0.4 and correlation 0.98. The variance of
    one point's difference is 0.09 + 0.16 - 2 * 0.98 * 0.12 = 0.0148, so the answer is sqrt(0.0148 / 200), about
    0.0086; unpaired (independent sets) it would be sqrt(0.25 / 200), about 0.035."""
    return prediction_check("paired_spread", prediction, truth=_run_spread, tol=0.0006,
                            right="One point's difference a - b has variance Var a + Var b - 2 Cov(a, b) = 0.09 + "
                                  "0.16 - 2 * 0.98 * 0.3 * 0.4 = 0.0148, a spread of about 0.12; the mean over 200 "
                                  "independent points divides that by the square root of 200, to about 0.0086. "
                                  "Scored on two independent sets the nets' difference would spread by "
                                  "sqrt(0.25 / 200), about 0.035, four times as much: that is why two settings are "
                                  "compared on the same points. A difference of 0.02 is then more than twice its "
                                  "spread, worth taking seriously; 0.005 is not.",
                            slips=SLIPS["paired_spread"], grade=grade)


__all__ = ["paired_spread"]
