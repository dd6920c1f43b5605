"""Lesson 9 (09_generalisation), exercise 4 (predict): how much dropout spreads a unit's output when the unit's
activation itself varies from sample to sample. Data for the engine in engine.py; `_output_variance` runs the
experiment the prompt describes."""
import numpy as np

from .engine import Slip, prediction_check

MEAN, VARIANCE, RATE = 3.0, 0.5, 0.2


def _output_variance(samples=4_000_000, seed=0):
    """Run it: the variance of a * M over `samples` draws, a normal with MEAN and VARIANCE, M an inverted-dropout
    mask entry at RATE drawn independently of a."""
    rng = np.random.default_rng(seed)
    a = MEAN + np.sqrt(VARIANCE) * rng.standard_normal(samples)
    mask = (rng.random(samples) >= RATE) / (1 - RATE)
    return round(float((a * mask).var()), 2)


_KEEP = 1 - RATE
_MASK_VAR = RATE / _KEEP                                   # Var(M) = p / (1 - p)
_SQUARE = VARIANCE + MEAN ** 2                             # E[a^2]

SOLUTIONS = {"dropout_output_variance": 2.875}

SLIPS = {"dropout_output_variance": [
    Slip("unchanged", "That is the activation's own variance, as it is without the mask. Dropout keeps the mean "
                      "of the output, not its spread: the mask adds noise of its own on top of the activation's.",
         VARIANCE),
    Slip("mask only", "That is the spread of the mask alone; the activation's own spread is still there, and the "
                      "mask multiplies it.", _MASK_VAR),
    Slip("no mean", "You scaled the activation's variance by E[M^2], but left out the mean of a: a unit whose "
                    "activation never varied (variance 0) would still come out noisy, because the mask switches "
                    "its mean of 3 on and off.", VARIANCE / _KEEP),
    Slip("sum", "Variances add for a sum of independent terms; a * M is a product, and the spread of a product "
                "depends on the means as well.", VARIANCE + _MASK_VAR),
    Slip("product", "The variance of a product of independent terms is not the product of their variances: "
                    "work out E[(aM)^2] - E[aM]^2, where the means matter too.", VARIANCE * _MASK_VAR),
    Slip("no cross term", "Close: you added the activation's variance and the mask's noise on the mean, but "
                          "missed the term where the two spreads meet (the activation's own variation is "
                          "amplified by the mask too).", VARIANCE + MEAN ** 2 * _MASK_VAR),
    Slip("mean times mask", "That is only the mask's noise on the mean: the activation's own variation is also "
                            "still in the output.", MEAN ** 2 * _MASK_VAR),
    Slip("second moment", "That is E[(aM)^2]; the variance subtracts the squared mean of the output, and the mask "
                          "keeps that mean at 3.", _SQUARE / _KEEP),
    Slip("plain", "That is plain dropout, which keeps units without dividing by 1 - p; section 5's inverted mask "
                  "is 0 or 1 / (1 - p).", _SQUARE * _KEEP - (MEAN * _KEEP) ** 2),
    Slip("keep is p", "Each unit is kept with probability 1 - p = 0.8, not p = 0.2: the mask is 0 or "
                      "1 / (1 - p) = 1.25.", _SQUARE * (1 / RATE) - MEAN ** 2),
    Slip("fixed scale", "You treated the mask as a fixed scale 1 / (1 - p) applied to every sample. It is random: "
                        "0 on some samples, 1 / (1 - p) on the rest, and that switching adds spread of its own, "
                        "even to a unit that never varied.", VARIANCE / _KEEP ** 2),
    Slip("mean not squared", "You took the output's mean itself away from E[(aM)^2]; the variance takes away the "
                             "square of the mean, E[aM]^2.", _SQUARE / _KEEP - MEAN),
    Slip("0/1 mask variance", "You used the variance of a mask of 0s and 1s, p(1 - p). The inverted mask's values "
                              "are 0 and 1 / (1 - p), so its variance is that of a 0/1 mask scaled up by the "
                              "square of 1 / (1 - p).", VARIANCE + (_SQUARE) * RATE * _KEEP),
    Slip("unweighted square", "You took E[M^2] as the square of the kept value alone; M takes that value only "
                              "with probability 1 - p and is 0 otherwise, so weight each value's square by its "
                              "probability.", _SQUARE / _KEEP ** 2 - MEAN ** 2),
    Slip("the mean", "That is the output's mean, E[aM], which the mask keeps; the question asks for its variance, "
                     "the spread around that mean.", MEAN),
    Slip("rate as variance", "You used the rate p itself as the mask's variance. Work Var(M) out from the two values "
                             "M takes and how often it takes each.", VARIANCE + _SQUARE * RATE),
    Slip("first term dropped", "You kept the mask's noise but left out the activation's own spread, which the "
                               "mask carries through before adding noise of its own: without dropout at all, your "
                               "formula would give the output no spread.", (MEAN ** 2 + VARIANCE) * _MASK_VAR),
    Slip("read as std", "You squared the 0.5, as if it were the activation's standard deviation; the prompt gives "
                        "its variance, which goes into E[a^2] as it is.",
         (VARIANCE ** 2 + MEAN ** 2) / _KEEP - MEAN ** 2),
    Slip("mask left out", "That is E[a^2], the activation's second moment before the mask: the mask has not acted "
                          "on it yet, and the output's squared mean has not been taken away.", _SQUARE),
]}


def _advice(prediction):
    """The hint for a standard deviation given where the variance is asked, or for a negative variance."""
    try:
        value = float(prediction)
    except (TypeError, ValueError):
        return None
    if abs(value ** 2 - SOLUTIONS["dropout_output_variance"]) < 0.05:
        return "That looks like a standard deviation; the question asks for the variance of the output."
    if value < 0:
        return ("A variance is never negative: it is the mean of squared distances from the mean. Check E[M^2], "
                "the mask's second moment, and whether you multiplied where the inverted mask divides.")
    return None


def dropout_output_variance(prediction, grade=False):
    """Lesson 9, exercise 4 (predict): an activation with mean 3 and variance 0.5 times an independent inverted-dropout
    mask entry at p = 0.2: the variance of the product."""
    return prediction_check("dropout_output_variance", prediction, truth=_output_variance, tol=0.03,
                            right="With M independent of a: E[(aM)^2] = E[a^2] E[M^2] = (0.5 + 9) / 0.8 = 11.875 and "
                                  "E[aM] = 3, so the variance is 11.875 - 9 = 2.875, almost six times the 0.5 the "
                                  "unit had. Most of it comes from the mean: the mask switches a value near 3 on "
                                  "and off. Dropout's noise grows with the size of the activation, not only its "
                                  "spread; at prediction time (no mask) the 0.5 is all that is left.",
                            slips=SLIPS["dropout_output_variance"], advice=_advice, grade=grade)
