"""The forward and backward pass of an MLP's weights (derived in lessons 4 and 5), unchecked.

These are the inner loop: MLP's methods and training.train_epoch check their arguments once and
then call these, so nothing here repeats a check. params is a list of (W, b) pairs; X (n, d);
Y float targets (n, k); masks None or one dropout mask (n, units) (or None) per hidden layer.

    z_l = a_{l-1} @ W_l + b_l         a_l = f(z_l) (* mask_l)     y_hat = g(z_L)
    delta_L = dJ/dz_L                 dW_l = a_{l-1}.T @ delta_l + (l2/n) W_l + (l1/n) sign(W_l)
    db_l = sum over rows of delta_l   delta_{l-1} = (delta_l @ W_l.T) * f'(a_{l-1}) (* mask)
"""
import numpy as np

from ._fast import softmax_cross_entropy
from .layers import ACTIVATIONS, DERIVATIVES, OUTPUTS
from .losses import DELTAS, EPS, LOSSES


def hidden(params, X, activation, masks=None):
    """[a0 = X, a1, ..., a_{L-1}]: the input of each layer (dropped out where masks are given)."""
    f = ACTIVATIONS[activation]
    acts = [X]
    for l, (W, b) in enumerate(params[:-1]):
        z = acts[-1] @ W
        z += b
        a = f(z)
        acts.append(a if masks is None or masks[l] is None else a * masks[l])
    return acts


def forward(params, X, activation, output):
    """All activations [a0 = X, a1, ..., y_hat]."""
    acts = hidden(params, X, activation)
    W, b = params[-1]
    acts.append(OUTPUTS[output](acts[-1] @ W + b))
    return acts


def labels(y_hat, output):
    """Labels from outputs or targets (n, k): argmax for softmax, 0.5 threshold for sigmoid units
    (one unit: labels (n,); several: rows of 0/1)."""
    if y_hat.shape[1] == 1:
        return (y_hat[:, 0] >= 0.5).astype(int)
    return np.argmax(y_hat, axis=1) if output == "softmax" else (y_hat >= 0.5).astype(int)


def loss_fn(output, loss):
    """The loss function for an output and a loss name: cross-entropy on sigmoid units is the binary one."""
    return LOSSES["binary_cross_entropy" if loss == "cross_entropy" and output == "sigmoid" else loss]


def output_loss(z, Y, output, loss, picks=None):
    """(J, delta): the data loss and dJ/dz at the output, from its pre-activation z (may be overwritten).
    With `picks` (softmax + cross-entropy on one-hot targets, see _fast.picks) the same numbers come
    from a faster in-place path."""
    if picks is not None:
        return softmax_cross_entropy(z, Y, picks, EPS)
    y_hat = OUTPUTS[output](z)
    return loss_fn(output, loss)(y_hat, Y), DELTAS[output, loss](y_hat, Y)


def gradients(params, X, Y, activation, output, loss, *, l2=0.0, l1=0.0, n_reg=None, picks=None, masks=None):
    """(J, [dW1, db1, dW2, db2, ...]) on a batch; penalties scaled by the training set's size n_reg."""
    n_reg = X.shape[0] if n_reg is None else n_reg
    acts = hidden(params, X, activation, masks)
    W, b = params[-1]
    z = acts[-1] @ W
    z += b
    J, delta = output_loss(z, Y, output, loss, picks)
    df = DERIVATIVES[activation]
    grads = [None] * (2 * len(params))
    for l in range(len(params) - 1, -1, -1):
        W = params[l][0]
        dW = acts[l].T @ delta
        if l2:
            decay = (l2 / n_reg) * W
            J += 0.5 * np.vdot(decay, W)  # l2 / (2n) * sum W^2
            dW += decay
        if l1:
            J += l1 / n_reg * np.sum(np.abs(W))
            dW += (l1 / n_reg) * np.sign(W)
        grads[2 * l], grads[2 * l + 1] = dW, np.add.reduce(delta, axis=0)  # delta.sum(axis=0)
        if l:
            delta = _back(delta @ W.T, acts[l], df, None if masks is None else masks[l - 1])
    return float(J), grads


def _back(da, a, df, mask):
    """dJ/dz of a hidden layer from dJ/da; with dropout a = h * mask, and f'(h) needs h = a / mask."""
    if mask is None:
        d = df(a)
        d *= da  # da * f'(a): the plain backprop step, the only one without dropout
        return d
    h = np.divide(a, mask, out=np.zeros_like(a), where=mask > 0)
    return da * mask * df(h)


def penalty(params, l2, l1, n):
    """l2 / (2n) * sum ||W||^2 + l1 / n * sum |W| over the layers' weights (not the biases)."""
    J = l2 / (2 * n) * sum(np.sum(W * W) for W, _ in params)
    return J + l1 / n * sum(np.sum(np.abs(W)) for W, _ in params) if l1 else J
