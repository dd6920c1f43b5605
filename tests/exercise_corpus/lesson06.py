"""Lesson 6 (06_moons): the loss before training, the largest stable lr, power iteration."""
import math
from fractions import Fraction

import numpy as np

from . import right, wrong


# --- exercise 4: top_eigenvalue(H) -----------------------------------------------------------------------------
def te_no_normalise(H):
    v = np.ones(H.shape[0])
    for _ in range(500):
        v = H @ v
    return v @ H @ v / (v @ v)


def te_norm_of_v(H):
    v = np.random.default_rng(0).normal(size=H.shape[0])
    for _ in range(300):
        v = H @ v
        v = v / np.linalg.norm(v)
    return np.linalg.norm(v)                 # always 1


def te_in_place(H):
    H /= np.abs(H).max()                     # "scale H first for stability"
    v = np.random.default_rng(0).normal(size=H.shape[0])
    for _ in range(300):
        v = H @ v
        v /= np.linalg.norm(v)
    return v @ H @ v


def te_few(H):
    v = np.random.default_rng(0).normal(size=H.shape[0])
    for _ in range(3):
        v = H @ v
        v = v / np.linalg.norm(v)
    return v @ H @ v


def te_zero_start(H):
    v = np.zeros(H.shape[0])
    for _ in range(300):
        v = H @ v
        v = v / np.linalg.norm(v)
    return v @ H @ v


def te_vector(H):
    v = np.random.default_rng(0).normal(size=H.shape[0])
    for _ in range(300):
        v = H @ v
        v = v / np.linalg.norm(v)
    return v


def te_trace(H):
    return np.trace(H)


def te_diagonal(H):
    return H.diagonal().max()


def te_matrix_norm(H):
    return np.linalg.norm(H, 2)


def te_max_entry(H):
    v = np.random.default_rng(1).random(H.shape[0]) + 0.1
    for _ in range(400):
        w = H @ v
        v = w / np.abs(w).max()
    return float(v @ (H @ v) / (v @ v))


def te_loops(H):
    # H is an operator that only multiplies vectors (the prompt says so): the products are H.dot(v), the rest
    # stays Python lists and loops (this entry once read H[i][j], which the exercise no longer allows).
    d = H.shape[0]
    v = [1.0 + 0.1 * i for i in range(d)]
    for _ in range(500):
        w = list(H.dot(v))
        length = math.sqrt(sum(x * x for x in w))
        v = [x / length for x in w]
    Hv = list(H.dot(v))
    return sum(v[i] * Hv[i] for i in range(d))


ENTRIES = [
    # exercise 1: init_loss(prediction); right: log 4 = 1.386
    wrong("init_loss", math.log(2), "log 2: the binary cross-entropy of a coin, not k = 4 classes",
          ["4 classes", "log k", "log(k)", "k = 4", "four"]),
    wrong("init_loss", 0.25, "the probability 1/k, not its minus log",
          ["log", "-log"]),
    wrong("init_loss", 4, "k itself",
          ["log"]),
    wrong("init_loss", 0, "thinks a net that knows nothing has no loss",
          ["log", "1/k", "uniform", "equal"]),
    wrong("init_loss", -math.log(4), "log(1/4) without the minus sign",
          ["sign", "minus", "negative"]),
    wrong("init_loss", math.log10(4), "log base 10 instead of the natural log",
          ["natural", "ln", "log10", "base"]),
    wrong("init_loss", "1.386", "the right number as a string",
          ["string", "str"]),
    right("init_loss", np.log(4), "np.log(4), a numpy scalar"),
    right("init_loss", 1.4, "rounded to one decimal"),
    right("init_loss", Fraction(139, 100), "a Fraction"),

    # exercise 2: lr_limit(prediction); right: 2 / lambda = 0.5
    wrong("lr_limit", 0.25, "1/lambda: the lr that lands on the bottom, not the largest that does not grow",
          ["2/λ", "2 / λ", "twice", "2 times", "factor 2", "largest"]),
    wrong("lr_limit", 2, "reads the rule lr * lambda < 2 as lr < 2",
          ["λ", "lambda", "curvature", "divide"]),
    wrong("lr_limit", 0.125, "1/(2 lambda): confused lambda/2 in J with the curvature",
          ["λ/2", "factor", "2/λ", "curvature"]),
    wrong("lr_limit", 8, "2 lambda instead of 2 / lambda",
          ["λ", "invert", "2/λ", "divide"]),
    wrong("lr_limit", "0.5", "the right number as a string",
          ["string", "str"]),
    wrong("lr_limit", -0.5, "a negative learning rate",
          ["sign", "positive", "negative"]),
    wrong("lr_limit", 1.0, "2 / (lambda/2): took the lambda/2 of J as the curvature",
          ["curvature", "second derivative", "λ/2"]),
    right("lr_limit", Fraction(1, 2), "a Fraction"),
    right("lr_limit", np.float64(2 / 4), "2/lambda as a numpy scalar"),

    # exercise 4: top_eigenvalue(H)
    wrong("top_eigenvalue", te_no_normalise, "no normalisation: v grows without bound",
          ["normalis", "divide", "||Hv||", "norm", "overflow", "inf"]),
    wrong("top_eigenvalue", te_norm_of_v, "returns ||v|| (always 1), not the Rayleigh quotient",
          ["Rayleigh", "v^T H v", "v @ H @ v", "vᵀHv"]),
    wrong("top_eigenvalue", te_in_place, "rescales H in place",
          ["in place", "changed", "unchanged"]),
    wrong("top_eigenvalue", te_few, "three iterations only",
          ["iterations", "more", "repeat", "few"]),
    wrong("top_eigenvalue", te_zero_start, "starts from the zero vector: 0/0",
          ["zero", "start", "nan"]),
    wrong("top_eigenvalue", te_vector, "returns the vector v, not the eigenvalue",
          ["one number", "vector", "shape"]),
    wrong("top_eigenvalue", te_trace, "the trace: the sum of all eigenvalues",
          ["trace", "sum"]),
    wrong("top_eigenvalue", te_diagonal, "the largest diagonal entry",
          ["diagonal", "power iteration"]),
    wrong("top_eigenvalue", te_matrix_norm, "np.linalg.norm(H, 2): an SVD by another name",
          ["norm", "not allowed", "allowed", "svd"]),
    right("top_eigenvalue", te_max_entry, "normalised by the largest entry, quotient divided by v @ v"),
    right("top_eigenvalue", te_loops, "Python lists and loops, math.sqrt"),
]
