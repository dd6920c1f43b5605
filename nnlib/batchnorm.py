"""Batch normalisation, forward and backward (derived in lesson 10, 10_depth).

A batch-norm layer sits between z = a @ W + b and the activation. In training it standardises each unit
(column) over the batch, then rescales and shifts it with learned gamma and beta:

    mu = mean_i z_i     var = mean_i (z_i - mu)^2     z_hat = (z - mu) / sqrt(var + eps)
    out = gamma * z_hat + beta

and keeps running averages of mu and var (running = momentum * running + (1 - momentum) * batch) for
inference, where the batch statistics are replaced by the running ones. The backward pass (lesson 10):

    dbeta = sum_i dout_i      dgamma = sum_i dout_i * z_hat_i
    dz = gamma / sqrt(var + eps) * (dout - mean_i dout_i - z_hat * mean_i (dout_i * z_hat_i))

Shapes: z, out, dout, dz (n, units); gamma, beta, dgamma, dbeta, mu, var (units,). running is None or a
dict {"mean": (units,), "var": (units,)}, updated in place in training and read at inference.
"""
import numpy as np

from .validation import in_range, real_array


def _floats(x, name):
    """x as a finite float array; a float64 array passes as it is (the lesson's training loop calls
    batchnorm_forward and batchnorm_backward on every layer at every step)."""
    if type(x) is np.ndarray and x.dtype == np.float64 and np.isfinite(x).all():
        return x
    return real_array(x, name, finite=True)


def _vector(v, name, units):
    v = _floats(v, name)
    if v.shape != (units,):
        raise ValueError(f"{name} must have shape ({units},), one entry per unit of z, got shape {v.shape}")
    return v


def _running(running, units):
    """running as a dict of two (units,) float arrays, checked; None stays None."""
    if running is None:
        return None
    if not isinstance(running, dict) or set(running) != {"mean", "var"}:
        raise TypeError(f"running must be None or a dict with keys 'mean' and 'var', got {running!r:.60}")
    for key in ("mean", "var"):
        value = running[key]
        if not isinstance(value, np.ndarray) or value.dtype != np.float64:
            raise TypeError(f"running[{key!r}] must be a float64 numpy array (it is updated in place), "
                            f"got {value!r:.60}")
        _vector(value, f"running[{key!r}]", units)
    if np.any(running["var"] < 0):
        raise ValueError(f"running['var'] must be >= 0, got {running['var']!r:.60}")
    return running


def batchnorm_forward(z, gamma, beta, eps=1e-5, *, training=True, running=None, momentum=0.9):
    """Batch-normalise z (n, units) column by column; returns (out (n, units), cache). Lesson 10.

    training=True: the batch's own mean and variance (n >= 2), and running (if given) is updated in place.
    training=False: running's mean and variance (required), the batch's are not used."""
    z = _floats(z, "z")
    if z.ndim != 2 or z.shape[1] == 0:
        raise ValueError(f"z must have shape (n, units) with units >= 1, got shape {z.shape}")
    units = z.shape[1]
    gamma, beta = _vector(gamma, "gamma", units), _vector(beta, "beta", units)
    eps = in_range(eps, "eps", 0, None, low_open=True)
    momentum = in_range(momentum, "momentum", 0, 1)
    if not isinstance(training, (bool, np.bool_)):
        raise TypeError(f"training must be True or False, got {training!r:.60}")
    running = _running(running, units)
    if training:
        if z.shape[0] < 2:
            raise ValueError(f"z must hold at least 2 samples in training (a batch of 1 has variance 0), "
                             f"got shape {z.shape}")
        mu, var = z.mean(axis=0), z.var(axis=0)
        if running is not None:
            running["mean"] *= momentum
            running["mean"] += (1 - momentum) * mu
            running["var"] *= momentum
            running["var"] += (1 - momentum) * var
    else:
        if running is None:
            raise ValueError("running must be given when training=False: inference uses the running mean "
                             "and variance, got None")
        mu, var = running["mean"].copy(), running["var"].copy()
    inv_std = 1.0 / np.sqrt(var + eps)
    z_hat = (z - mu) * inv_std
    out = gamma * z_hat + beta
    return out, {"z_hat": z_hat, "gamma": gamma, "inv_std": inv_std, "training": bool(training)}


def batchnorm_backward(dout, cache):
    """(dz, dgamma, dbeta) from dout = dJ/dout (n, units) and batchnorm_forward's cache. Lesson 10.

    With the batch's statistics (training) every z_i moved mu and var, hence the two mean terms; at
    inference mu and var are constants and dz = gamma * inv_std * dout."""
    if not isinstance(cache, dict) or not {"z_hat", "gamma", "inv_std", "training"} <= set(cache):
        raise TypeError(f"cache must be the dict batchnorm_forward returned, got {cache!r:.60}")
    z_hat = cache["z_hat"]
    dout = _floats(dout, "dout")
    if dout.shape != z_hat.shape:
        raise ValueError(f"dout must have the shape of the forward pass's z, {z_hat.shape}, got {dout.shape}")
    dbeta = dout.sum(axis=0)
    dgamma = (dout * z_hat).sum(axis=0)
    scale = cache["gamma"] * cache["inv_std"]
    if not cache["training"]:
        return scale * dout, dgamma, dbeta
    n = dout.shape[0]
    dz = scale * (dout - dbeta / n - z_hat * (dgamma / n))
    return dz, dgamma, dbeta
