"""Lesson 10 (10_depth): the scale for leaky ReLU, gradients down a funnel, a standardisation that looks right,
He's scale almost, a batch-norm backward pass that half works (exercise 5's entries were written by the engineer
who wrote the exercise, not by the fresh reader), a unit that hardly varies."""
import math
from fractions import Fraction

import numpy as np

from . import right, wrong


# --- exercise 1: leaky_relu_std(n_in, alpha) -------------------------------------------------------------------
def lr_he(n_in, alpha):
    return np.sqrt(2 / n_in)


def lr_alpha_not_squared(n_in, alpha):
    return np.sqrt(2 / ((1 + alpha) * n_in))


def lr_xavier(n_in, alpha):
    return np.sqrt(1 / ((1 + alpha ** 2) * n_in))


def lr_variance(n_in, alpha):
    return 2 / ((1 + alpha ** 2) * n_in)


def lr_minus(n_in, alpha):
    return np.sqrt(2 / ((1 - alpha ** 2) * n_in))


def lr_inverted(n_in, alpha):
    return np.sqrt(2 * (1 + alpha ** 2) / n_in)


def lr_string(n_in, alpha):
    return str(math.sqrt(2 / ((1 + alpha ** 2) * n_in)))


def lr_alpha_on_top(n_in, alpha):
    return np.sqrt((2 + alpha) / n_in)


def lr_math(n_in, alpha):
    return math.sqrt(2.0 / (n_in + n_in * alpha * alpha))


def lr_power(n_in, alpha):
    return (0.5 * (1 + alpha ** 2) * n_in) ** -0.5


# --- exercise 3: standardise(X_train, X_val) -------------------------------------------------------------------
def _scale(X, mean, std):
    return (X - mean) / np.where(std > 0, std, 1.0)


def st_stub(X_train, X_val):
    def scale(X):
        std = X.std(axis=0)
        return (X - X.mean(axis=0)) / np.where(std > 0, std, 1.0)
    return scale(X_train), scale(X_val)


def st_own_std(X_train, X_val):
    v_std = X_val.std(axis=0)
    return _scale(X_train, X_train.mean(axis=0), X_train.std(axis=0)), _scale(X_val, X_train.mean(axis=0), v_std)


def st_in_place(X_train, X_val):
    mean, std = X_train.mean(axis=0), X_train.std(axis=0)
    std = np.where(std > 0, std, 1.0)
    X_val -= mean
    X_val /= std
    return (X_train - mean) / std, X_val


def st_no_guard(X_train, X_val):
    mean, std = X_train.mean(axis=0), X_train.std(axis=0)
    return (X_train - mean) / std, (X_val - mean) / std


def st_own_mean(X_train, X_val):
    std = X_train.std(axis=0)
    return _scale(X_train, X_train.mean(axis=0), std), _scale(X_val, X_val.mean(axis=0), std)


def st_per_row(X_train, X_val):
    def scale(X):
        mean, std = X_train.mean(axis=1, keepdims=True)[: len(X)], X_train.std(axis=1, keepdims=True)[: len(X)]
        return (X - mean) / np.where(std > 0, std, 1.0)
    return scale(X_train), scale(X_val)


def st_pooled(X_train, X_val):
    both = np.vstack([X_train, X_val])
    mean, std = both.mean(axis=0), both.std(axis=0)
    return _scale(X_train, mean, std), _scale(X_val, mean, std)


def st_val_only(X_train, X_val):
    return _scale(X_val, X_train.mean(axis=0), X_train.std(axis=0))


def st_loops(X_train, X_val):
    out_train, out_val = np.empty(X_train.shape), np.empty(X_val.shape)
    for j in range(X_train.shape[1]):
        col = X_train[:, j]
        mu = col.sum() / len(col)
        sd = math.sqrt(((col - mu) ** 2).sum() / len(col))
        sd = sd if sd > 0 else 1.0
        out_train[:, j] = (col - mu) / sd
        out_val[:, j] = (X_val[:, j] - mu) / sd
    return out_train, out_val


def st_once(X_train, X_val):
    mean = np.mean(X_train, axis=0, keepdims=True)
    std = np.std(X_train, axis=0, keepdims=True)
    std[std == 0] = 1.0
    return tuple((X - mean) / std for X in (X_train, X_val))


# --- exercise 4: he_init(sizes, seed) --------------------------------------------------------------------------
def he_stub(sizes, seed):
    rng = np.random.RandomState(seed)
    return [(rng.randn(n_in, n_out) * np.sqrt(2 / n_out), np.zeros(n_out))
            for n_in, n_out in zip(sizes[:-1], sizes[1:])]


def he_no_two(sizes, seed):
    rng = np.random.RandomState(seed)
    return [(rng.randn(n_in, n_out) * np.sqrt(1 / n_in), np.zeros(n_out))
            for n_in, n_out in zip(sizes[:-1], sizes[1:])]


def he_reseed(sizes, seed):
    return [(np.random.RandomState(seed).randn(n_in, n_out) * np.sqrt(2 / n_in), np.zeros(n_out))
            for n_in, n_out in zip(sizes[:-1], sizes[1:])]


def he_transposed_draw(sizes, seed):
    rng = np.random.RandomState(seed)
    return [(rng.randn(n_out, n_in).T * np.sqrt(2 / n_in), np.zeros(n_out))
            for n_in, n_out in zip(sizes[:-1], sizes[1:])]


def he_global(sizes, seed):
    np.random.RandomState(seed)                       # made, then not used
    return [(np.random.randn(n_in, n_out) * np.sqrt(2 / n_in), np.zeros(n_out))
            for n_in, n_out in zip(sizes[:-1], sizes[1:])]


def he_random_bias(sizes, seed):
    rng = np.random.RandomState(seed)
    return [(rng.randn(n_in, n_out) * np.sqrt(2 / n_in), rng.randn(n_out) * np.sqrt(2 / n_in))
            for n_in, n_out in zip(sizes[:-1], sizes[1:])]


def he_no_sqrt(sizes, seed):
    rng = np.random.RandomState(seed)
    return [(rng.randn(n_in, n_out) * (2 / n_in), np.zeros(n_out))
            for n_in, n_out in zip(sizes[:-1], sizes[1:])]


def he_new_generator(sizes, seed):
    rng = np.random.default_rng(seed)
    return [(rng.standard_normal((n_in, n_out)) * np.sqrt(2 / n_in), np.zeros(n_out))
            for n_in, n_out in zip(sizes[:-1], sizes[1:])]


def he_normal(sizes, seed):
    rng = np.random.RandomState(seed)
    layers = []
    for n_in, n_out in zip(sizes[:-1], sizes[1:]):
        layers.append((rng.normal(0.0, math.sqrt(2.0 / n_in), size=(n_in, n_out)), np.zeros(n_out)))
    return layers


def he_divide(sizes, seed):
    rng = np.random.RandomState(seed)
    return [(rng.randn(n_in, n_out) / np.sqrt(n_in / 2), np.zeros((n_out,)))
            for n_in, n_out in zip(sizes, sizes[1:])]


# --- exercise 5: bn_backward(dout, z, gamma, eps) ----------------------------------------------------------------
def _bn_hat(z, eps):
    std = np.sqrt(z.var(axis=0) + eps)
    return (z - z.mean(axis=0)) / std, std


def bn_stub(dout, z, gamma, eps=1e-5):
    z_hat, std = _bn_hat(z, eps)
    return gamma * dout / std, (dout * z_hat).sum(axis=0), dout.sum(axis=0)


def bn_only_mu(dout, z, gamma, eps=1e-5):
    z_hat, std = _bn_hat(z, eps)
    return gamma * (dout - dout.mean(axis=0)) / std, (dout * z_hat).sum(axis=0), dout.sum(axis=0)


def bn_no_n(dout, z, gamma, eps=1e-5):
    z_hat, std = _bn_hat(z, eps)
    dgamma, dbeta = (dout * z_hat).sum(axis=0), dout.sum(axis=0)
    return gamma / std * (dout - dbeta - z_hat * dgamma), dgamma, dbeta


def bn_std_times(dout, z, gamma, eps=1e-5):
    z_hat, std = _bn_hat(z, eps)
    return (gamma * std * (dout - dout.mean(axis=0) - z_hat * (dout * z_hat).mean(axis=0)),
            (dout * z_hat).sum(axis=0), dout.sum(axis=0))


def bn_loop_no_var(dout, z, gamma, eps=1e-5):
    n, units = z.shape
    dz = np.zeros_like(z)
    z_hat, std = _bn_hat(z, eps)
    for k in range(units):
        for j in range(n):
            dz[j, k] = gamma[k] / std[k] * (dout[j, k] - sum(dout[:, k]) / n)
    return dz, (dout * z_hat).sum(axis=0), dout.sum(axis=0)


def bn_dgamma_z(dout, z, gamma, eps=1e-5):
    z_hat, std = _bn_hat(z, eps)
    dz = gamma / std * (dout - dout.mean(axis=0) - z_hat * (dout * z_hat).mean(axis=0))
    return dz, (dout * z).sum(axis=0), dout.sum(axis=0)


def bn_eps_outside(dout, z, gamma, eps=1e-5):
    std = z.std(axis=0) + 1e-3
    z_hat = (z - z.mean(axis=0)) / std
    return (gamma / std * (dout - dout.mean(axis=0) - z_hat * (dout * z_hat).mean(axis=0)),
            (dout * z_hat).sum(axis=0), dout.sum(axis=0))


def bn_loops(dout, z, gamma, eps=1e-5):
    n, units = z.shape
    dz, dgamma, dbeta = np.zeros_like(z), np.zeros(units), np.zeros(units)
    for k in range(units):
        mu = sum(z[:, k]) / n
        s = 1 / math.sqrt(sum((z[:, k] - mu) ** 2) / n + eps)
        z_hat = (z[:, k] - mu) * s
        dbeta[k], dgamma[k] = sum(dout[:, k]), sum(dout[:, k] * z_hat)
        for j in range(n):
            dz[j, k] = gamma[k] * s * (dout[j, k] - dbeta[k] / n - z_hat[j] * dgamma[k] / n)
    return dz, dgamma, dbeta


def bn_einsum(dout, z, gamma, eps=1e-5):
    n = z.shape[0]
    z_hat, std = _bn_hat(z, eps)
    jac = (np.eye(n)[:, :, None] - 1 / n - np.einsum("ik,jk->ijk", z_hat, z_hat) / n) / std
    return (np.einsum("ijk,ik->jk", jac, gamma * dout), np.einsum("ik,ik->k", dout, z_hat),
            np.einsum("ik->k", dout))


ENTRIES = [
    wrong("leaky_relu_std", lr_he, "He's scale whatever alpha: the negative side ignored",
          ["alpha", "α"]),
    wrong("leaky_relu_std", lr_alpha_not_squared, "(1 + alpha) instead of (1 + alpha^2)",
          ["square", "alpha**2", "α²", "α^2", "alpha²", "alpha^2"]),
    wrong("leaky_relu_std", lr_xavier, "lost the 2: half of z's variance comes from each side",
          ["factor 2", "half", "2 times"]),
    wrong("leaky_relu_std", lr_variance, "returns the variance, not the standard deviation",
          ["sqrt", "square root", "variance", "std"]),
    wrong("leaky_relu_std", lr_minus, "(1 - alpha^2): the wrong sign",
          ["sign", "plus", "1 + "]),
    wrong("leaky_relu_std", lr_inverted, "the factor (1 + alpha^2) multiplied instead of divided",
          ["invert", "divide", "1/"]),
    wrong("leaky_relu_std", lr_string, "the right number as a string",
          ["string", "str"]),
    wrong("leaky_relu_std", lr_alpha_on_top, "(2 + alpha)/n_in: alpha added, not squared and halved",
          ["alpha**2", "α²", "square", "alpha^2"]),
    right("leaky_relu_std", lr_math, "math.sqrt, the denominator multiplied out"),
    right("leaky_relu_std", lr_power, "a power of -0.5"),

    # exercise 2: funnel_backward(prediction); right: sqrt(n_out * (2 / n_in) * 1/2) = sqrt(1/4) = 0.5 (within 0.05)
    wrong("funnel_backward", 1.0, "He's scale taken to keep the backward spread too: the sum over n_out missed",
          ["n_out", "forward", "fewer terms", "n_in / 4"]),
    wrong("funnel_backward", 0.25, "the ratio of the variances: the square root not taken",
          ["variance", "square root", "sqrt"]),
    wrong("funnel_backward", 2.0, "the ratio upside down: the layer above over the layer below",
          ["upside", "invert", "inverse", "reciprocal", "other way"]),
    wrong("funnel_backward", 0.707, "ReLU's slope left out: f'(z) is 0 on about half of the units",
          ["slope", "f'", "derivative", "half of the units"]),
    wrong("funnel_backward", 0.354, "ReLU's 1/2 counted twice (forward's E[a^2] and backward's f'^2): sqrt(1/8)",
          ["twice", "once", "double"]),
    wrong("funnel_backward", 0.125, "the change over the three layers of the funnel, not from one layer to the next",
          ["per layer", "one layer", "each layer", "whole funnel", "three layers"]),
    wrong("funnel_backward", 50, "a percentage: the std falls to 50%",
          ["percent", "%", "fraction", "ratio"]),
    wrong("funnel_backward", "0.5", "the right number as a string",
          ["string", "str", "quotes"]),
    wrong("funnel_backward", [0.5, 0.5, 0.5], "one ratio per weight matrix: a list instead of one number",
          ["one number", "single number", "a number", "list"]),
    wrong("funnel_backward", 1.414, "summed over n_in as the forward pass does, and ReLU's slope forgotten",
          ["n_out", "slope", "f'", "derivative"]),
    wrong("funnel_backward", -0.5, "the change written as -0.5 (falls by half) instead of the factor",
          ["negative", "sign", "positive", "minus"]),
    wrong("funnel_backward", 4.0, "the funnel's narrowing n_in / n_out taken for the factor: inverted and unrooted",
          ["square root", "sqrt", "variance", "invert", "upside", "reciprocal"]),
    right("funnel_backward", Fraction(1, 2), "a Fraction"),
    right("funnel_backward", np.float64(0.5), "a numpy float"),
    right("funnel_backward", np.array(0.5), "a 0-d numpy array"),
    right("funnel_backward", 0.49, "a rounded value from the student's own simulation, within 0.05"),
    right("funnel_backward", math.sqrt(32 / 128), "computed as sqrt(n_out / n_in) with math.sqrt"),
    right("funnel_backward", np.float32(0.5), "a float32 scalar"),

    wrong("standardise", st_stub, "the stub: the validation part standardised with its own mean and std",
          ["training", "train", "own"]),
    wrong("standardise", st_own_std, "the training mean but the validation part's own std",
          ["std", "train"]),
    wrong("standardise", st_in_place, "standardises X_val in place",
          ["in place", "changed", "unchanged"]),
    wrong("standardise", st_no_guard, "drops the guard for constant features",
          ["constant", "guard", "zero", "nan"]),
    wrong("standardise", st_own_mean, "the training std but the validation part's own mean",
          ["mean", "train"]),
    wrong("standardise", st_per_row, "standardises along rows (per sample) instead of per feature",
          ["axis", "feature", "column"]),
    wrong("standardise", st_pooled, "statistics of training and validation together",
          ["train", "only", "validation"]),
    wrong("standardise", st_val_only, "returns only the validation part",
          ["both", "pair", "two"]),
    right("standardise", st_loops, "feature by feature with math.sqrt"),
    right("standardise", st_once, "keepdims statistics and a generator into a tuple"),

    wrong("he_init", he_stub, "the stub: sqrt(2 / n_out), the fan-out",
          ["n_in", "fan-in", "inputs", "n_out"]),
    wrong("he_init", he_no_two, "sqrt(1 / n_in): LeCun's scale, the 2 lost",
          ["factor 2", "2 / n_in", "Xavier", "LeCun", "2/n_in"]),
    wrong("he_init", he_reseed, "a new RandomState(seed) for every layer",
          ["one RandomState", "same generator", "per layer", "reseed", "stream", "once"]),
    wrong("he_init", he_transposed_draw, "draws (n_out, n_in) and transposes: other numbers",
          ["order", "shape", "draws", "transpos"]),
    wrong("he_init", he_global, "draws from numpy's global generator, not the seeded one",
          ["seed", "RandomState"]),
    wrong("he_init", he_random_bias, "random biases",
          ["bias", "zero"]),
    wrong("he_init", he_no_sqrt, "2 / n_in without the square root",
          ["sqrt", "square root", "variance"]),
    wrong("he_init", he_new_generator, "np.random.default_rng: another generator, other numbers",
          ["RandomState", "generator", "default_rng"]),
    right("he_init", he_normal, "rng.normal with the scale as its std, a loop"),
    right("he_init", he_divide, "divided by sqrt(n_in / 2), zip(sizes, sizes[1:])"),

    wrong("bn_backward", bn_stub, "the stub: mu and var treated as constants, no mean terms",
          ["mean", "constant", "mu"]),
    wrong("bn_backward", bn_only_mu, "the mean's term but not the variance's",
          ["variance", "sigma"]),
    wrong("bn_backward", bn_no_n, "sums where the formula has means: the 1/n lost",
          ["1/n", "mean"]),
    wrong("bn_backward", bn_std_times, "multiplies by the std instead of dividing",
          ["std", "1 / sqrt", "inv"]),
    wrong("bn_backward", bn_loop_no_var, "loops, with the variance's route forgotten",
          ["variance", "sigma"]),
    wrong("bn_backward", bn_dgamma_z, "dgamma from z instead of z_hat",
          ["dgamma", "z_hat"]),
    wrong("bn_backward", bn_eps_outside, "eps added to the std, and far too large",
          ["eps"]),
    right("bn_backward", bn_loops, "unit by unit and sample by sample, with math.sqrt"),
    right("bn_backward", bn_einsum, "the Jacobian d z_hat_i / d z_j built with einsum"),

    # exercise 6: bn_output_spread(prediction); right: (gamma * sqrt(4 / (4 + eps)), gamma * sqrt(1 / 2)) = (2, 1.414)
    wrong("bn_output_spread", (2.0, 2.0), "eps ignored: both units standardised to std 1, times gamma",
          ["eps", "epsilon", "ε"]),
    wrong("bn_output_spread", (1.0, 0.707), "gamma forgotten: the spread of z_hat, not of the output",
          ["gamma", "γ"]),
    wrong("bn_output_spread", (1.0, 1.0), "the output read as z_hat standardised: gamma and eps both ignored",
          ["gamma", "γ", "eps"]),
    wrong("bn_output_spread", (3.0, 2.414), "beta added to the spread: a shift taken for a stretch",
          ["beta", "β", "shift"]),
    wrong("bn_output_spread", (4.0, 2.0), "the variances of the outputs, not their stds",
          ["variance", "square root", "sqrt"]),
    wrong("bn_output_spread", (2.0, 1.0), "gamma * var / (var + eps): the ratio of variances without its root",
          ["sqrt", "square root", "root"]),
    wrong("bn_output_spread", (2.0, 0.0), "eps taken to swamp unit 2 entirely: its output flat",
          ["half", "1/2", "equal", "not 0"]),
    wrong("bn_output_spread", (2.0, 1.994), "eps added to the std (sigma + eps), not under the root",
          ["inside", "under the", "var + eps", "σ² + ε"]),
    wrong("bn_output_spread", (1.414, 2.0), "the two units swapped",
          ["swap", "order", "other way"]),
    wrong("bn_output_spread", (2.309, 1.633), "sample stds (ddof=1, divides by n - 1)",
          ["ddof", "n - 1", "n-1", "divides by n"]),
    wrong("bn_output_spread", (2.0, 0.00316), "the stds of the input z, not of the output",
          ["input", "std of z", "output"]),
    wrong("bn_output_spread", (2.0, 1.4), "1.414 rounded to 1.4: outside the 0.01 the check allows",
          ["0.01", "round", "digits"]),
    wrong("bn_output_spread", 2.0, "a single number, not the pair",
          ["pair", "two numbers", "both"]),
    right("bn_output_spread", np.array([2.0, 1.414]), "a numpy array"),
    right("bn_output_spread", [2, 1.41], "a list, an int and a float"),
    right("bn_output_spread", (np.array(2.0), np.array(np.sqrt(2))), "a pair of 0-d arrays"),
    right("bn_output_spread", (2 * np.sqrt(4 / (4 + 1e-5)), 2 * math.sqrt(1e-5 / (1e-5 + 1e-5))),
          "computed: numpy and math floats"),
    right("bn_output_spread", (np.float32(2.0), np.float32(1.4142)), "float32 scalars"),
]
