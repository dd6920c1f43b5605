"""An independent reference for the MLP tests: forward pass written out here, not taken from nnlib."""
import numpy as np

REF_ACT = {
    "sigmoid": lambda z: 1.0 / (1.0 + np.exp(-z)),
    "tanh": np.tanh,
    "relu": lambda z: np.where(z > 0, z, 0.0),
    "leaky_relu": lambda z: np.where(z > 0, z, 0.01 * z),
    "identity": lambda z: z,
}


def ref_softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


REF_OUT = {"softmax": ref_softmax, "sigmoid": REF_ACT["sigmoid"], "identity": lambda z: z}


def ref_forward(params, X, activation, output, pre=None):
    a = X
    for W, b in params[:-1]:
        z = a @ W + b
        if pre is not None:
            pre.append(z)
        a = REF_ACT[activation](z)
    W, b = params[-1]
    return REF_OUT[output](a @ W + b)
