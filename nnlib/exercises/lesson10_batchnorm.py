"""Exercise check for lesson 10 (10_depth), section 6: a batch-norm backward pass that half works (exercise 5).
Kept apart from lesson10.py, which re-exports it, so each file stays short. Data for the engine in engine.py."""
import numpy as np

from .engine import Case, Slip, function_check

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


_BN_CASES = [Case((np.random.default_rng(0).normal(size=(8, 3)),
                   np.random.default_rng(1).normal([1, -2, 5], [1, 3, 0.5], size=(8, 3)), np.array([1.0, 0.5, 2.0])),
                  "a batch of 8 samples, 3 units"),
             Case((np.array([[1.0, -2.0], [0.5, 3.0]]), np.array([[2.0, 0.0], [-1.0, 4.0]]), np.array([1.0, 1.0])),
                  "dout=[[1, -2], [0.5, 3]], z=[[2, 0], [-1, 4]], gamma=[1, 1]")]


SOLUTIONS = {"bn_backward": _bn_ref}

SLIPS = {
    "bn_backward": [
        Slip("given", "dz treats the batch mean and variance as constants (that is the formula at "
             "prediction, with running statistics); in training every z_j also moves mu and sigma^2, which adds "
             "the two mean terms.", _bn_constant_stats),
        Slip("mean term only", "dz has the term from the mean but not the one from the variance: sigma^2 depends "
             "on z_j too, which adds - z_hat * mean(dout * z_hat).", _bn_mean_only),
        Slip("variance term only", "dz has the term from the variance but not the one from the mean: mu depends "
             "on z_j too, which adds - mean(dout).", _bn_var_only),
        Slip("sums", "The two terms are means over the batch, not sums: each is dbeta / n or dgamma / n (a missing "
             "1/n).", _bn_sums),
        Slip("rows", "The means are over each row (axis=1), across units; each unit has its own statistics, so "
             "take them over the batch, axis=0.", _bn_rows),
        Slip("times the std", "dz is multiplied by the std: z_hat = (z - mu) / sqrt(var + eps), so dz carries the "
             "factor 1 / sqrt(var + eps).", _bn_times_std),
    ],
}


def bn_backward(fn, grade=False):
    """Lesson 10, exercise 5 (diagnose): bn_backward(dout, z, gamma, eps) -> (dz, dgamma, dbeta) in training."""
    return function_check("bn_backward", fn, reference=_bn_ref, cases=_BN_CASES, outputs=("dz", "dgamma", "dbeta"),
                          slips=SLIPS["bn_backward"], pure=True, grade=grade)


__all__ = ["bn_backward"]
