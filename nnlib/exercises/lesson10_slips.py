"""More typical wrong answers for lesson 10's checks (10_depth) on initialisation and standardisation, kept apart
from lesson10.py so each file stays short: `MORE[name]` is appended to lesson10.SLIPS[name]. Data for the engine
in engine.py. (Batch norm's slips are in lesson10_batchnorm.py.)"""
import numpy as np

from .engine import Slip


# --- exercise 1 (derive): the std that keeps the variance for leaky ReLU ----------------------------------------
def _leaky_no_half(n_in, alpha):              # E[f(z)^2] taken as (1 + alpha^2) Var z, the 1/2 forgotten
    return np.sqrt(1.0 / ((1 + alpha ** 2) * n_in))


def _leaky_minus(n_in, alpha):                # the negative side subtracted
    return np.sqrt(2.0 / ((1 - alpha ** 2) * n_in))


def _leaky_n_outside(n_in, alpha):            # n_in left outside the square root
    return np.sqrt(2.0 / (1 + alpha ** 2)) / n_in


def _leaky_sum_squared(n_in, alpha):          # (1 + alpha)^2 for 1 + alpha^2
    return np.sqrt(2.0 / ((1 + alpha) ** 2 * n_in))


# --- exercise 3 (diagnose): standardise ----------------------------------------------------------------------
def _guard(std):
    return np.where(std > 0, std, 1.0)


def _stand_no_guard(X_train, X_val):          # the guard for constant features dropped
    mean, std = X_train.mean(axis=0), X_train.std(axis=0)
    return (X_train - mean) / std, (X_val - mean) / std


def _stand_val_std(X_train, X_val):           # X_train's mean for both, but X_val divided by its own std
    mean = X_train.mean(axis=0)
    return (X_train - mean) / _guard(X_train.std(axis=0)), (X_val - mean) / _guard(X_val.std(axis=0))


def _stand_val_mean(X_train, X_val):          # X_train's std for both, but X_val centred on its own mean
    std = _guard(X_train.std(axis=0))
    return (X_train - X_train.mean(axis=0)) / std, (X_val - X_val.mean(axis=0)) / std


def _stand_ddof(X_train, X_val):              # the sample std (ddof=1) where section 4 uses np.std's default
    mean, std = X_train.mean(axis=0), _guard(X_train.std(axis=0, ddof=1))
    return (X_train - mean) / std, (X_val - mean) / std


def _stand_pooled(X_train, X_val):            # statistics of both parts together
    both = np.concatenate([X_train, X_val])
    mean, std = both.mean(axis=0), _guard(both.std(axis=0))
    return (X_train - mean) / std, (X_val - mean) / std


def _stand_no_axis(X_train, X_val):           # one mean and one std over every entry, not per feature
    mean, std = X_train.mean(), X_train.std()
    return (X_train - mean) / std, (X_val - mean) / std


# --- exercise 4 (diagnose): He initialisation ---------------------------------------------------------------
def _pairs(sizes):
    return list(zip(sizes[:-1], sizes[1:]))


def _he_glorot(sizes, seed):                  # Glorot's 2 / (n_in + n_out)
    rng = np.random.RandomState(seed)
    return [(rng.randn(n_in, n_out) * np.sqrt(2 / (n_in + n_out)), np.zeros(n_out)) for n_in, n_out in _pairs(sizes)]


def _he_default_rng(sizes, seed):             # numpy's new Generator, not RandomState
    rng = np.random.default_rng(seed)
    return [(rng.standard_normal((n_in, n_out)) * np.sqrt(2 / n_in), np.zeros(n_out)) for n_in, n_out in _pairs(sizes)]


def _he_shape(sizes, seed):                   # drawn (n_out, n_in)
    rng = np.random.RandomState(seed)
    return [(rng.randn(n_out, n_in) * np.sqrt(2 / n_in), np.zeros(n_out)) for n_in, n_out in _pairs(sizes)]


def _he_seed_per_layer(sizes, seed):          # a generator per layer, seeded seed, seed + 1, ...
    return [(np.random.RandomState(seed + i).randn(n_in, n_out) * np.sqrt(2 / n_in), np.zeros(n_out))
            for i, (n_in, n_out) in enumerate(_pairs(sizes))]


MORE = {
    "leaky_relu_std": [
        Slip("no half", "Your std is sqrt(2) too small: a symmetric z is negative only half of the time, so each "
                        "side's square contributes with weight 1/2.", _leaky_no_half),
        Slip("minus", "The negative side adds to E[f(z)^2] (alpha^2 z^2 is not negative): the factor is "
                      "1 + alpha^2, not 1 - alpha^2.", _leaky_minus),
        Slip("n outside", "n_in belongs under the square root: the variance n_in s^2 (1 + alpha^2) / 2 = 1 is "
                          "solved for s^2 first.", _leaky_n_outside),
        Slip("sum squared", "You squared 1 + alpha: the two sides contribute 1 and alpha^2 separately, so the factor "
                            "is 1 + alpha^2.", _leaky_sum_squared),
    ],
    "standardise": [
        Slip("no guard", "Without the guard a feature that is constant in X_train divides by 0 (nan and inf): keep "
                         "the std > 0 guard.", _stand_no_guard),
        Slip("val std", "X_val is centred with X_train's mean but divided by its own std: both statistics must "
                        "come from X_train.", _stand_val_std),
        Slip("val mean", "X_val is divided by X_train's std but centred on its own mean: both statistics must "
                         "come from X_train.", _stand_val_mean),
        Slip("ddof", "You used the sample std (ddof=1); section 4 uses np.std's default (ddof=0), so each "
                     "standardised feature has std exactly 1.", _stand_ddof),
        Slip("pooled", "Your statistics include X_val: they must come from X_train alone, so nothing about the "
                       "validation part leaks into the transformation.", _stand_pooled),
        Slip("no axis", "One mean and one std over every entry mixes the features: each feature (column) gets its "
                        "own, axis=0.", _stand_no_axis),
    ],
    "he_init": [
        Slip("glorot", "That is Glorot's scale, 2 / (n_in + n_out): He's uses the inputs alone, because a ReLU "
                       "unit's variance is set by the n_in terms it sums.", _he_glorot),
        Slip("default rng", "The numbers come from numpy's newer Generator; MLP draws with "
                            "np.random.RandomState(seed).randn, so use that one to get the same weights.",
             _he_default_rng),
        Slip("shape", "Your W has rows and columns the wrong way round: with samples in rows, z = a @ W, so W's "
                      "rows run over the inputs of the layer.",
             _he_shape),
        Slip("seed per layer", "Each layer gets its own generator: MLP draws every layer from one "
                               "RandomState(seed), one layer after the other.", _he_seed_per_layer),
    ],
}
