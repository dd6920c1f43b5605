"""Lesson 7 (07_training): steps per epoch, momentum's largest stable lr, a buggy Adam step, AdamW."""
from fractions import Fraction

import numpy as np

from . import right, wrong


def _adam(p, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8, square=True, correct_m=True, correct_v=True,
          sign=-1, root=True):
    m_new = beta1 * m + (1 - beta1) * g
    v_new = beta2 * v + (1 - beta2) * (g ** 2 if square else np.abs(g))
    m_hat = m_new / (1 - beta1 ** t) if correct_m else m_new
    v_hat = v_new / (1 - beta2 ** t) if correct_v else v_new
    step = m_hat / ((np.sqrt(v_hat) if root else v_hat) + eps)
    return p + sign * lr * step, m_new, v_new


def adam_stub(p, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    m_new = beta1 * m + (1 - beta1) * g
    v_new = beta2 * v + (1 - beta2) * np.abs(g)
    m_hat = m_new / (1 - beta1)
    v_hat = v_new / (1 - beta2 ** t)
    return p - lr * m_hat / (np.sqrt(v_hat) + eps), m_new, v_new


def adam_v_only(p, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    m_new = beta1 * m + (1 - beta1) * g
    v_new = beta2 * v + (1 - beta2) * g ** 2
    m_hat = m_new / (1 - beta1)
    v_hat = v_new / (1 - beta2 ** t)
    return p - lr * m_hat / (np.sqrt(v_hat) + eps), m_new, v_new


def adam_m_only(p, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    return _adam(p, g, m, v, t, lr, beta1, beta2, eps, square=False)


def adam_no_correction(p, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    return _adam(p, g, m, v, t, lr, beta1, beta2, eps, correct_m=False, correct_v=False)


def adam_in_place(p, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    m *= beta1
    m += (1 - beta1) * g
    v *= beta2
    v += (1 - beta2) * g ** 2
    m_hat = m / (1 - beta1 ** t)
    v_hat = v / (1 - beta2 ** t)
    return p - lr * m_hat / (np.sqrt(v_hat) + eps), m, v


def adam_uphill(p, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    return _adam(p, g, m, v, t, lr, beta1, beta2, eps, sign=1)


def adam_no_sqrt(p, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    return _adam(p, g, m, v, t, lr, beta1, beta2, eps, root=False)


def adam_betas_swapped(p, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    return _adam(p, g, m, v, t, lr, beta2, beta1, eps)


def adam_incremental(p, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    m_new = m + (1 - beta1) * (g - m)
    v_new = v + (1 - beta2) * (np.square(g) - v)
    step = (m_new / (1 - np.power(beta1, t))) / (np.sqrt(v_new / (1 - np.power(beta2, t))) + eps)
    return p - lr * step, m_new, v_new


def adam_entrywise(p, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    p, g, m, v = (np.asarray(a, dtype=float) for a in (p, g, m, v))
    p_new, m_new, v_new = np.empty_like(p), np.empty_like(m), np.empty_like(v)
    for i in np.ndindex(p.shape):
        m_new[i] = beta1 * m[i] + (1 - beta1) * g[i]
        v_new[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i]
        p_new[i] = p[i] - lr * (m_new[i] / (1 - beta1 ** t)) / ((v_new[i] / (1 - beta2 ** t)) ** 0.5 + eps)
    return p_new, m_new, v_new


ENTRIES = [
    # exercise 1: steps_per_epoch(prediction); right: ceil(200 / 32) = 7
    wrong("steps_per_epoch", 6, "200 // 32: the last, partial batch forgotten",
          ["partial", "last", "remainder", "round up", "ceil", "smaller"]),
    wrong("steps_per_epoch", 200, "one step per sample",
          ["batch", "32"]),
    wrong("steps_per_epoch", 1, "one step per epoch, as in full-batch training",
          ["batch", "32"]),
    wrong("steps_per_epoch", 6.25, "200 / 32 not rounded to a whole number of steps",
          ["whole", "round", "integer"]),
    wrong("steps_per_epoch", 32, "the batch size",
          ["batch", "200 /", "divide"]),
    wrong("steps_per_epoch", "7", "the right number as a string",
          ["string", "str"]),
    wrong("steps_per_epoch", 8, "one step too many: ceil plus one",
          ["off by one", "one too many"]),
    right("steps_per_epoch", np.int64(7), "a numpy integer"),
    right("steps_per_epoch", -(-200 // 32), "ceil by floor division"),

    # exercise 2: momentum_lr(prediction); from the lesson: the edge w_t = (-1)^t c gives lr = 2(1 + mu)/20 = 0.19
    wrong("momentum_lr", 0.1, "plain gradient descent's limit 2/20: the momentum left out",
          ["plain gradient descent", "without momentum", "2/20", "2 / 20", "ignores"]),
    wrong("momentum_lr", 0.01, "reads momentum's tenfold top speed as a limit ten times smaller: 0.1 (1 - mu)",
          ["1 - mu", "1 - μ", "top speed", "ten times", "10 times"]),
    wrong("momentum_lr", 1.0, "plain gradient descent's 0.1 stretched by the top speed 1/(1 - mu) = 10",
          ["1 - mu", "1 - μ", "top speed", "steady gradient", "ten times"]),
    wrong("momentum_lr", 3.8, "the shallow direction's edge (curvature 1), not the steep one's",
          ["shallow", "w1", "steep", "curvature 1"]),
    wrong("momentum_lr", 0.095, "the factor 2 lost: (1 + mu)/20",
          ["factor 2", "factor of 2", "half", "2(1 + mu)", "2(1+mu)"]),
    wrong("momentum_lr", 0.145, "algebra slip: the second mu dropped, (2 + mu)/20",
          ["2 + mu", "2 + μ", "2(1 + mu)", "2(1+mu)", "mu twice"]),
    wrong("momentum_lr", 0, "the other edge, w_t = c, where lr = 0",
          ["other edge", "w_t = c", "lower edge", "lr = 0", "smallest"]),
    wrong("momentum_lr", 0.2, "'nearly twice 0.1' rounded to one decimal, not three",
          ["3 decimals", "three decimals", "round", "too coarse", "0.190"]),
    wrong("momentum_lr", "0.19", "the right number as a string",
          ["string", "str"]),
    wrong("momentum_lr", 0.02, "the lr section 3 used for momentum on the bowl",
          ["0.02", "section 3", "the lesson's", "table"]),
    wrong("momentum_lr", 0.068, "Nesterov's edge, 2(1 + mu)/(20 (1 + 2 mu)), not plain momentum's",
          ["nesterov", "look-ahead", "lookahead"]),
    wrong("momentum_lr", 0.053, "(1 + mu) on the wrong side: 2/(20 (1 + mu))",
          ["upside", "invert", "instead of multiplying", "divided by 1 +", "divides by"]),
    right("momentum_lr", Fraction(19, 100), "a Fraction"),
    right("momentum_lr", np.float64(0.19), "a numpy scalar"),
    right("momentum_lr", np.array(0.19), "a 0-d array"),
    right("momentum_lr", 2 * (1 + 0.9) / 20, "computed from the formula: 0.19000000000000003"),
    right("momentum_lr", 0.1899, "a bisection's answer just below the edge, 0.190 to 3 decimals"),

    # exercise 3: adam_step
    wrong("adam_step", adam_stub, "the stub: |g| instead of g^2, and 1 - beta1 without the power t",
          ["square", "g**2", "g ** 2", "beta1 ** t", "power"]),
    wrong("adam_step", adam_v_only, "fixed v but not the bias correction of m",
          ["beta1 ** t", "power", "bias correction", "beta1**t", "β1^t"]),
    wrong("adam_step", adam_m_only, "fixed m_hat but v still averages |g|",
          ["square", "g**2", "g ** 2", "abs"]),
    wrong("adam_step", adam_no_correction, "no bias correction at all",
          ["bias correction", "1 - beta", "hat"]),
    wrong("adam_step", adam_in_place, "updates m and v in place",
          ["in place", "changed", "unchanged"]),
    wrong("adam_step", adam_uphill, "p + lr * ...: steps uphill",
          ["sign", "opposite", "downhill", "uphill"]),
    wrong("adam_step", adam_no_sqrt, "divides by v_hat, not its square root",
          ["sqrt", "square root"]),
    wrong("adam_step", adam_betas_swapped, "beta1 and beta2 swapped",
          ["beta1", "beta2", "swap"]),
    right("adam_step", adam_incremental, "m + (1 - beta)(g - m) form, np.power and np.square"),
    right("adam_step", adam_entrywise, "entry by entry with ** 0.5"),

    # exercise 4: adamw_unused(prediction); an unused weight (g = 0), 10 steps at lr = 0.01 from w = 1:
    # AdamW (wd = 0.1) shrinks it by 0.999 a step, 0.999^10 = 0.990; Adam with L2 (l2 = 0.1) steps about lr, 0.90
    wrong("adamw_unused", (0.9, 0.99), "the right numbers in the wrong order: (Adam with L2, AdamW)",
          ["order", "swap", "other way", "reversed", "the wrong way"]),
    wrong("adamw_unused", (0.99, 0.99), "Adam with L2 taken to decay like plain L2, by lr * l2 a step",
          ["about lr", "sqrt", "whatever", "does not enter", "normalis", "scale"]),
    wrong("adamw_unused", (1.0, 0.9), "AdamW: g = 0, so the weight is taken not to move at all; the decay forgotten",
          ["decay", "wd", "0.999", "shrink"]),
    wrong("adamw_unused", (1.0, 1.0), "g = 0 read as nothing happens under either rule",
          ["decay", "l2 * w", "l2·w", "l2 · w", "0.999"]),
    wrong("adamw_unused", (0.999, 0.9), "AdamW: one step's shrink factor, not ten steps'",
          ["10 steps", "ten steps", "0.999^10", "0.999**10", "per step", "one step"]),
    wrong("adamw_unused", (0.9, 0.9), "AdamW's decay also taken as a step of about lr, like Adam's",
          ["lr · wd", "lr*wd", "lr * wd", "0.001", "0.999", "decay alone"]),
    wrong("adamw_unused", (0.349, 0.9), "AdamW's decay without the lr: (1 - wd)^10 = 0.9^10",
          ["lr · wd", "lr*wd", "lr * wd", "times lr", "0.999", "multiplied by lr"]),
    wrong("adamw_unused", (0.89, 0.9), "AdamW: m_hat / sqrt(v_hat) taken as about 1 even at g = 0, plus the decay",
          ["0/0", "m = v = 0", "stay at 0", "stays 0", "adaptive term", "g = 0"]),
    wrong("adamw_unused", (0.01, 0.1), "how far w moved, not where it ends",
          ["where w ends", "how far", "moved by", "the change", "distance"]),
    wrong("adamw_unused", (0.463, 0.9), "Adam with L2 coded without the bias correction, then run",
          ["bias correction", "1 - beta", "correction", "1 - β"]),
    wrong("adamw_unused", (0.904, 0.9), "AdamW's lr * wd slipped to 0.01: 0.99^10",
          ["lr · wd", "lr*wd", "lr * wd", "0.001", "0.999"]),
    wrong("adamw_unused", 0.99, "only the AdamW weight, one number instead of the pair",
          ["two numbers", "pair", "tuple", "both"]),
    wrong("adamw_unused", "0.99, 0.9", "the right pair written as a string",
          ["string", "quotes", "tuple of"]),
    right("adamw_unused", [0.99, 0.9], "a list instead of a tuple"),
    right("adamw_unused", (Fraction(99, 100), Fraction(9, 10)), "Fractions"),
    right("adamw_unused", np.array([0.999 ** 10, 1 - 10 * 0.01]), "a numpy array computed from the reasoning"),
    right("adamw_unused", (np.float64(0.9900), np.float64(0.9003)), "numpy scalars, to 4 decimals"),
    right("adamw_unused", (0.991, 0.901), "rounded within the tolerance"),
]
