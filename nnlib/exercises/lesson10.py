"""Exercise checks for lesson 10 (10_depth): the initialisation for leaky ReLU, (in lesson10_funnel.py) how the
backward spread changes down a funnel of ReLU layers, a standardisation that leaks, a He initialisation with a
hidden bug, a batch-norm backward pass that half works and the spread of batch norm's output (both in
lesson10_batchnorm.py). Data for the engine in engine.py."""
import numpy as np

from .engine import Case, Slip, function_check
from .lesson10_batchnorm import SLIPS as BN_SLIPS
from .lesson10_batchnorm import SOLUTIONS as BN_SOLUTIONS
from .lesson10_batchnorm import bn_backward, bn_output_spread
from .lesson10_funnel import SLIPS as FUNNEL_SLIPS
from .lesson10_funnel import SOLUTIONS as FUNNEL_SOLUTIONS
from .lesson10_funnel import funnel_backward
from .lesson10_slips import MORE

# --- exercise 1 (derive): the std that keeps the variance for leaky ReLU -------------------------


def _leaky_std_ref(n_in, alpha):
    return np.sqrt(2.0 / ((1 + alpha ** 2) * n_in))


def _leaky_std_he(n_in, alpha):
    return np.sqrt(2.0 / n_in)


def _leaky_std_variance(n_in, alpha):
    return 2.0 / ((1 + alpha ** 2) * n_in)


def _leaky_std_alpha(n_in, alpha):
    return np.sqrt(2.0 / ((1 + alpha) * n_in))


def _leaky_std_upside(n_in, alpha):
    return np.sqrt(2.0 * (1 + alpha ** 2) / n_in)


def _leaky_std_lecun(n_in, alpha):
    return np.sqrt(1.0 / n_in)


# --- exercise 3 (diagnose): standardise -----------------------------------------------------------


def _standardise_ref(X_train, X_val):
    mean, std = X_train.mean(axis=0), X_train.std(axis=0)
    std = np.where(std > 0, std, 1.0)
    return (X_train - mean) / std, (X_val - mean) / std


def _standardise_given(X_train, X_val):      # the handed-out bug: the mean taken again after X_train was rebound
    std = X_train.std(axis=0)
    std = np.where(std > 0, std, 1.0)
    X_train = (X_train - X_train.mean(axis=0)) / std
    X_val = (X_val - X_train.mean(axis=0)) / std
    return X_train, X_val


def _standardise_own(X_train, X_val):
    def scale(X):
        std = X.std(axis=0)
        return (X - X.mean(axis=0)) / np.where(std > 0, std, 1.0)
    return scale(X_train), scale(X_val)


def _standardise_rows(X_train, X_val):
    mean, std = X_train.mean(axis=1, keepdims=True), X_train.std(axis=1, keepdims=True)
    std = np.where(std > 0, std, 1.0)
    return (X_train - mean) / std, (X_val - mean.mean()) / std.mean()


def _standardise_var(X_train, X_val):
    mean, var = X_train.mean(axis=0), X_train.var(axis=0)
    var = np.where(var > 0, var, 1.0)
    return (X_train - mean) / var, (X_val - mean) / var


def _standardise_in_place(X_train, X_val):
    mean, std = X_train.mean(axis=0), X_train.std(axis=0)
    std = np.where(std > 0, std, 1.0)
    X_train -= mean
    X_train /= std
    X_val -= mean
    X_val /= std
    return X_train, X_val


# --- exercise 4 (diagnose): He initialisation ----------------------------------------------------


def _layers(sizes):
    """(n_in, n_out) of each weight matrix."""
    return zip(sizes[:-1], sizes[1:])


def _he_ref(sizes, seed):
    rng = np.random.RandomState(seed)
    return [(rng.randn(n_in, n_out) * np.sqrt(2 / n_in), np.zeros(n_out)) for n_in, n_out in _layers(sizes)]


def _he_n_out(sizes, seed):
    rng = np.random.RandomState(seed)
    return [(rng.randn(n_in, n_out) * np.sqrt(2 / n_out), np.zeros(n_out)) for n_in, n_out in _layers(sizes)]


def _he_variance(sizes, seed):
    rng = np.random.RandomState(seed)
    return [(rng.randn(n_in, n_out) * (2 / n_in), np.zeros(n_out)) for n_in, n_out in _layers(sizes)]


def _he_lecun(sizes, seed):
    rng = np.random.RandomState(seed)
    return [(rng.randn(n_in, n_out) / np.sqrt(n_in), np.zeros(n_out)) for n_in, n_out in _layers(sizes)]


def _he_transposed(sizes, seed):
    rng = np.random.RandomState(seed)
    return [(rng.randn(n_out, n_in).T * np.sqrt(2 / n_in), np.zeros(n_out)) for n_in, n_out in _layers(sizes)]


def _he_fresh_rng(sizes, seed):
    return [(np.random.RandomState(seed).randn(n_in, n_out) * np.sqrt(2 / n_in), np.zeros(n_out))
            for n_in, n_out in _layers(sizes)]


def _flat_weights(init):
    """The student's init(sizes, seed) as a function returning (W1, b1, W2, b2, ...)."""
    def run(sizes, seed):
        pairs = init(sizes, seed)
        if pairs is None:
            return None
        if not isinstance(pairs, (list, tuple)) or len(pairs) != len(sizes) - 1 or \
                not all(isinstance(p, (list, tuple)) and len(p) == 2 for p in pairs):
            raise TypeError(f"he_init must return a list of {len(sizes) - 1} pairs (W, b), got {pairs!r:.60}")
        return tuple(a for pair in pairs for a in pair)
    return run


def _he_truth(sizes, seed):
    return _flat_weights(_he_ref)(sizes, seed)


_X_TRAIN = np.array([[100.0, -3.0], [140.0, -1.0], [60.0, 1.0], [120.0, 3.0]])
_X_VAL = np.array([[180.0, 0.0], [80.0, 2.0]])
_X_CONST = np.array([[1.0, 5.0], [3.0, 5.0], [2.0, 5.0]])
_X_CONST_VAL = np.array([[2.0, 6.0]])

SOLUTIONS = {"leaky_relu_std": _leaky_std_ref, **FUNNEL_SOLUTIONS, "standardise": _standardise_ref,
             "he_init": _he_ref, **BN_SOLUTIONS}

SLIPS = {
    "leaky_relu_std": [
        Slip("he", "That is He's std for ReLU, whose negative half adds nothing to E[a^2]. A leaky ReLU keeps "
             "alpha * z on the negative side: what does that half contribute to E[a^2] now?", _leaky_std_he),
        Slip("variance", "You returned the variance 2 / ((1 + alpha^2) n_in); the weights are drawn as "
             "randn * std, so take its square root.", _leaky_std_variance),
        Slip("alpha not squared", "The factor is in E[a^2], the mean of the square: on the negative side a is "
             "alpha * z, so how does alpha enter a^2?", _leaky_std_alpha),
        Slip("lecun", "1 / sqrt(n_in) keeps the variance for units with slope 1 everywhere; a leaky ReLU "
             "shrinks the negative half by alpha.", _leaky_std_lecun),
        Slip("upside down", "The factor (1 + alpha^2) is on the wrong side of your fraction: solve "
             "n_in Var(w) (1 + alpha^2) / 2 = 1 for Var(w) again.", _leaky_std_upside),
    ],
    "standardise": [
        Slip("given", "This still behaves as the code handed out: its X_val still does not depend on X_train's "
             "mean (shift every training point by the same amount and X_val comes out unchanged). Your "
             "change did not alter what it computes.", _standardise_given),
        Slip("own", "X_val is scaled with statistics of its own, so the two parts go through different "
             "transformations, and something is learned from the validation part.", _standardise_own),
        Slip("rows", "Your statistics run along the wrong axis: each feature (a column) gets its own mean and "
             "std.", _standardise_rows),
        Slip("variance", "After your scaling the features do not end with std 1: what do you divide by?",
             _standardise_var),
        Slip("in place", "You changed X_train or X_val in place (-= or /=): build new arrays.",
             _standardise_in_place),
    ],
    "he_init": [
        Slip("given", "This still behaves as the code handed out: on sizes [3, 8, 8, 2] some of its layers still "
             "differ from MLP's. Your change did not alter what it computes.", _he_n_out),
        Slip("variance", "Your weights have the wrong spread: randn has std 1, so the factor you multiply it by "
             "becomes the weights' std, not their variance.", _he_variance),
        Slip("lecun", "That is LeCun's scale, for units that pass their whole input on; a ReLU zeroes half of it. "
             "How does He's variance make up for that?", _he_lecun),
        Slip("transposed", "The right numbers land in the wrong places: draw each W in the shape MLP draws it, "
             "(n_in, n_out).", _he_transposed),
        Slip("fresh generator", "Every layer starts with the same numbers, but the layers must share one "
             "stream of random numbers: where is your generator created?", _he_fresh_rng),
    ],
    **FUNNEL_SLIPS,
    **BN_SLIPS,
}
for _name, _more in MORE.items():
    SLIPS[_name] = SLIPS[_name] + _more


def leaky_relu_std(fn, grade=False):
    """Lesson 10, exercise 1 (derive): leaky_relu_std(n_in, alpha) -> the weights' std that keeps Var z."""
    return function_check("leaky_relu_std", fn, reference=_leaky_std_ref,
                          cases=[(100, 0.2), (64, 0.5), (10, 0.01)], outputs=("std",),
                          slips=SLIPS["leaky_relu_std"], grade=grade)


def standardise(fn, grade=False):
    """Lesson 10, exercise 3 (diagnose): standardise(X_train, X_val) with X_train's statistics only."""
    return function_check("standardise", fn, reference=_standardise_ref,
                          cases=[Case((_X_TRAIN, _X_VAL)), Case((_X_CONST, _X_CONST_VAL))],
                          outputs=("X_train scaled", "X_val scaled"), slips=SLIPS["standardise"], pure=True,
                          grade=grade)


def he_init(fn, grade=False):
    """Lesson 10, exercise 4 (diagnose): he_init(sizes, seed) -> [(W1, b1), ...] as MLP(sizes, init="he")."""
    sizes = [3, 8, 8, 2]
    names = tuple(f"{p}{l}" for l in range(1, len(sizes)) for p in ("W", "b"))
    return function_check("he_init", fn, reference=_he_truth, cases=[Case((sizes, 0), f"sizes={sizes}, seed=0")],
                          outputs=names, slips=SLIPS["he_init"], adapt=_flat_weights, grade=grade)


__all__ = ["leaky_relu_std", "funnel_backward", "standardise", "he_init", "bn_backward", "bn_output_spread"]
