"""Exercise checks for lesson 10 (10_depth), section 5: a batch-norm backward pass that half works (exercise 5)
and the spread of batch norm's output when a unit hardly varies (exercise 6). Kept apart from lesson10.py, which
re-exports them, so each file stays short. Data for the engine in engine.py."""
import numpy as np

from .engine import Case, Slip, function_check, prediction_check

# --- exercise 5 (diagnose): the batch-norm backward pass in training ---------------------------


def _bn_parts(dout, z, eps):
    """(inv_std, z_hat, dbeta, dgamma) of a batch-norm layer in training."""
    inv_std = 1 / np.sqrt(z.var(axis=0) + eps)
    z_hat = (z - z.mean(axis=0)) * inv_std
    return inv_std, z_hat, dout.sum(axis=0), (dout * z_hat).sum(axis=0)


def _bn_ref(dout, z, gamma, eps=1e-5):
    inv_std, z_hat, dbeta, dgamma = _bn_parts(dout, z, eps)
    return gamma * inv_std * (dout - dout.mean(axis=0) - z_hat * (dout * z_hat).mean(axis=0)), dgamma, dbeta


def _bn_constant_stats(dout, z, gamma, eps=1e-5):
    inv_std, _, dbeta, dgamma = _bn_parts(dout, z, eps)
    return gamma * inv_std * dout, dgamma, dbeta


def _bn_mean_only(dout, z, gamma, eps=1e-5):
    inv_std, _, dbeta, dgamma = _bn_parts(dout, z, eps)
    return gamma * inv_std * (dout - dout.mean(axis=0)), dgamma, dbeta


def _bn_var_only(dout, z, gamma, eps=1e-5):
    inv_std, z_hat, dbeta, dgamma = _bn_parts(dout, z, eps)
    return gamma * inv_std * (dout - z_hat * (dout * z_hat).mean(axis=0)), dgamma, dbeta


def _bn_sums(dout, z, gamma, eps=1e-5):
    inv_std, z_hat, dbeta, dgamma = _bn_parts(dout, z, eps)
    return gamma * inv_std * (dout - dbeta - z_hat * dgamma), dgamma, dbeta


def _bn_rows(dout, z, gamma, eps=1e-5):
    inv_std, z_hat, dbeta, dgamma = _bn_parts(dout, z, eps)
    mean = (dout.mean(axis=1, keepdims=True), (dout * z_hat).mean(axis=1, keepdims=True))
    return gamma * inv_std * (dout - mean[0] - z_hat * mean[1]), dgamma, dbeta


def _bn_times_std(dout, z, gamma, eps=1e-5):
    inv_std, z_hat, dbeta, dgamma = _bn_parts(dout, z, eps)
    return gamma / inv_std * (dout - dout.mean(axis=0) - z_hat * (dout * z_hat).mean(axis=0)), dgamma, dbeta


def _bn_no_gamma(dout, z, gamma, eps=1e-5):
    inv_std, z_hat, dbeta, dgamma = _bn_parts(dout, z, eps)
    return inv_std * (dout - dout.mean(axis=0) - z_hat * (dout * z_hat).mean(axis=0)), dgamma, dbeta


def _bn_var_sign(dout, z, gamma, eps=1e-5):
    inv_std, z_hat, dbeta, dgamma = _bn_parts(dout, z, eps)
    return gamma * inv_std * (dout - dout.mean(axis=0) + z_hat * (dout * z_hat).mean(axis=0)), dgamma, dbeta


def _bn_centred(dout, z, gamma, eps=1e-5):        # z - mu where z_hat belongs in the variance term
    inv_std, _, dbeta, dgamma = _bn_parts(dout, z, eps)
    c = z - z.mean(axis=0)
    return gamma * inv_std * (dout - dout.mean(axis=0) - c * (dout * c).mean(axis=0)), dgamma, dbeta


def _bn_over_var(dout, z, gamma, eps=1e-5):       # divided by the variance, not the std
    inv_std, z_hat, dbeta, dgamma = _bn_parts(dout, z, eps)
    return gamma * inv_std ** 2 * (dout - dout.mean(axis=0) - z_hat * (dout * z_hat).mean(axis=0)), dgamma, dbeta


# --- exercise 6 (predict): the spread of the output when a unit hardly varies --------------------------------
SPREAD_EPS = 1e-5


def _spread_batch():
    """(z, gamma, beta) of the prompt: unit 1 has variance 4, unit 2 variance SPREAD_EPS (= eps)."""
    d = np.sqrt(SPREAD_EPS)
    z = np.array([[-1.0, 5 - d], [3.0, 5 + d], [-1.0, 5 - d], [3.0, 5 + d]])
    return z, np.array([2.0, 2.0]), np.array([1.0, 1.0])


def _output_spread():
    """Run it: the std over the batch (np.std) of each unit's training-mode batch-norm output."""
    from ..batchnorm import batchnorm_forward
    out, _ = batchnorm_forward(*_spread_batch(), eps=SPREAD_EPS, training=True)
    return tuple(round(float(s), 3) for s in out.std(axis=0))


_BN_CASES = [Case((np.random.default_rng(0).normal(size=(8, 3)),
                   np.random.default_rng(1).normal([1, -2, 5], [1, 3, 0.5], size=(8, 3)), np.array([1.0, 0.5, 2.0])),
                  "a batch of 8 samples, 3 units"),
             Case((np.array([[1.0, -2.0], [0.5, 3.0]]), np.array([[2.0, 0.0], [-1.0, 4.0]]), np.array([1.0, 1.0])),
                  "dout=[[1, -2], [0.5, 3]], z=[[2, 0], [-1, 4]], gamma=[1, 1]")]


SOLUTIONS = {"bn_backward": _bn_ref, "bn_output_spread": (2.0, 1.414)}

SLIPS = {
    "bn_backward": [
        Slip("given", "This still behaves as the code handed out: its dz still disagrees with the numerical "
             "gradient, and for each unit it still does not sum to 0 over the batch. Your change did not "
             "alter what it computes.", _bn_constant_stats),
        Slip("mean term only", "dz has the term from the mean but not the one from the variance: sigma^2 depends "
             "on z_j too. Which term does that route add? Follow dJ/dsigma^2 through dsigma^2/dz_j.", _bn_mean_only),
        Slip("variance term only", "dz has the term from the variance but not the one from the mean: mu depends "
             "on z_j too. Which term does that route add? Follow dJ/dmu through dmu/dz_j.", _bn_var_only),
        Slip("sums", "The two terms are sums over the batch where section 5's formula averages over it, so they "
             "grow with the batch size.", _bn_sums),
        Slip("rows", "Your means run along the wrong axis: each of them mixes different units of one sample, "
             "while each unit has statistics of its own.", _bn_rows),
        Slip("times the std", "dz is multiplied by the std, while z_hat = (z - mu) / sqrt(var + eps) divides by "
             "it.", _bn_times_std),
        Slip("no gamma", "dz has lost the factor gamma: out = gamma * z_hat + beta, so every route from z to out "
             "passes through gamma.", _bn_no_gamma),
        Slip("variance sign", "The term from the variance has the wrong sign: follow what a larger z_j does to "
             "sigma^2, and what a larger sigma^2 does to every z_hat.", _bn_var_sign),
        Slip("centred", "The variance term uses z - mu where z_hat belongs: once inv_std is factored out in front, "
             "what is left inside is in units of z_hat.", _bn_centred),
        Slip("over var", "dz is divided by the variance: z_hat divides by sqrt(var + eps), so dz carries that factor "
             "once, not squared.", _bn_over_var),
    ],
    "bn_output_spread": [
        Slip("no eps", "Unit 2's variance is as small as eps, so sqrt(sigma^2 + eps) is not sigma there: eps is "
             "negligible only when the variance dwarfs it.", (2.0, 2.0)),
        Slip("no gamma", "Those are the spreads of z_hat; out = gamma * z_hat + beta multiplies the spread by "
             "gamma.", (1.0, 0.707)),
        Slip("z_hat", "z_hat has std 1 only when eps is negligible, and out is gamma * z_hat + beta, not z_hat.",
             (1.0, 1.0)),
        Slip("beta added", "beta shifts every sample by the same amount: it moves the mean, not the spread.",
             (3.0, 2.414)),
        Slip("std halved", "For unit 2 you took the ratio of variances sigma^2 / (sigma^2 + eps) as the ratio of "
             "stds: z_hat divides by sqrt(sigma^2 + eps), so that ratio needs its square root first.", (2.0, 1.0)),
        Slip("std halved, no gamma", "For unit 2 you took the ratio of variances sigma^2 / (sigma^2 + eps) as the "
             "ratio of stds (it needs its square root), and both numbers are z_hat's spreads: out = gamma * z_hat "
             "+ beta multiplies the spread by gamma.", (1.0, 0.5)),
        Slip("eps on the std", "You added eps to the std, outside the root: batch norm divides by "
             "sqrt(sigma^2 + eps), so eps sits under the root with the variance, where it is as large as unit 2's "
             "variance.", (2.0, 1.994)),
        Slip("input", "Unit 2's number is its spread at the input, before batch norm: the output is gamma * z_hat "
             "+ beta, and z_hat divides z - mu by sqrt(sigma^2 + eps), which scales a small spread up.",
             (2.0, 0.00316)),
        Slip("input times gamma", "Unit 2's number is gamma times its spread at the input: z_hat divides z - mu by "
             "sqrt(sigma^2 + eps) first, which scales a small spread up.", (2.0, 0.00632)),
        Slip("root of gamma", "You scaled the variance by gamma (so the std by its root): out = gamma * z_hat + beta "
             "multiplies every sample by gamma, so it multiplies the std by gamma.", (1.414, 1.0)),
        Slip("variances", "Those are variances (gamma^2 times z_hat's); the question asks for standard "
             "deviations.", (4.0, 2.0)),
        Slip("squashed", "A unit that hardly varies is not squashed to a constant: dividing by "
             "sqrt(sigma^2 + eps) scales its small spread up, only not all the way to 1.", (2.0, 0.0)),
        Slip("bessel", "np.std divides by n (ddof=0), as batch norm's sigma^2 does; dividing by n - 1 gives "
             "larger numbers.", (2.309, 1.633)),
        Slip("gamma on unit 2", "Unit 2's spread is z_hat's alone: out = gamma * z_hat + beta multiplies every "
             "unit's spread by gamma, unit 2's too.", (2.0, 0.707)),
        Slip("beta and no eps", "beta shifts every sample by the same amount, so it adds nothing to a spread; and "
             "unit 2's variance is as small as eps, so eps is not negligible there.", (3.0, 3.0)),
    ],
}


def bn_backward(fn, grade=False):
    """Lesson 10, exercise 5 (diagnose): bn_backward(dout, z, gamma, eps) -> (dz, dgamma, dbeta) in training."""
    return function_check("bn_backward", fn, reference=_bn_ref, cases=_BN_CASES, outputs=("dz", "dgamma", "dbeta"),
                          slips=SLIPS["bn_backward"], pure=True, grade=grade)


def bn_output_spread(prediction, grade=False):
    """Lesson 10, exercise 6 (predict): (std of unit 1's output, std of unit 2's output) of a training-mode batch
    norm with gamma = 2, beta = 1, on a unit of variance 4 and one of variance eps."""
    return prediction_check("bn_output_spread", prediction, truth=_output_spread, tol=0.01,
                            right="Unit 1: sqrt(4 / (4 + 1e-5)) is 1 to six digits, times gamma = 2. Unit 2: its "
                                  "variance equals eps, so z_hat has variance 1e-5 / (1e-5 + 1e-5) = 1/2, std 0.707, "
                                  "times gamma: 1.414. eps only matters for a unit that hardly varies over the batch, "
                                  "and there it keeps the noise from being blown up to std 1.",
                            slips=SLIPS["bn_output_spread"], grade=grade)


__all__ = ["bn_backward", "bn_output_spread"]
