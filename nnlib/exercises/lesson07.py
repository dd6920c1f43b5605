"""Exercise checks for lesson 7 (07_training): steps per epoch, the largest stable step of momentum on a bowl
(in lesson07_momentum.py), a buggy Adam step, and (in lesson07_adamw.py) what AdamW and Adam with L2 do to a
weight the loss does not use.

Each check is data: a reference solution, fixed cases and a catalogue of typical slips (see engine.py).
"""
import numpy as np

from .engine import Slip, function_check, prediction_check
from .lesson07_adamw import SLIPS as ADAMW_SLIPS
from .lesson07_adamw import SOLUTIONS as ADAMW_SOLUTIONS
from .lesson07_adamw import adamw_unused
from .lesson07_momentum import SLIPS as MOMENTUM_SLIPS
from .lesson07_momentum import SOLUTIONS as MOMENTUM_SOLUTIONS
from .lesson07_momentum import momentum_lr

BETA1, BETA2, EPS = 0.9, 0.999, 1e-8


# --- exercise 1 (predict): steps per epoch with minibatches of 32 out of 200 ----------------------------
def _steps_per_epoch():
    """Run it: count the optimizer's steps in one epoch of MLP.fit with batch_size=32 on 200 samples."""
    from ..data import moons
    from ..mlp import MLP
    from ..optim import SGD

    class Counting(SGD):
        steps = 0

        def step(self, params, grads, lr, *args, **kwargs):
            Counting.steps += 1
            return super().step(params, grads, lr, *args, **kwargs)

    X, y = moons(200, noise=0.2, seed=0)
    MLP([2, 3, 2], seed=0).fit(X, y, epochs=1, lr=0.1, batch_size=32, optimizer=Counting(), seed=0)
    return Counting.steps


# --- exercise 3 (diagnose): a buggy Adam step -------------------------------------------------------------
def _adam(p, g, m, v, t, lr, v_of=lambda g: g * g, m_power=True, correct=True, betas=(BETA1, BETA2),
          root=np.sqrt, sign=1, hats=False, t_shift=0, correct_m=True, correct_v=True, eps_inside=False):
    """Adam's step; the keywords make the handed-out bugs and the other typical slips."""
    b1, b2 = betas
    m_new = b1 * m + (1 - b1) * g
    v_new = b2 * v + (1 - b2) * v_of(g)
    m_hat = m_new / (1 - b1 ** (t + t_shift if m_power else 1)) if correct and correct_m else m_new
    v_hat = v_new / (1 - b2 ** (t + t_shift)) if correct and correct_v else v_new
    scale = root(v_hat + EPS) if eps_inside else root(v_hat) + EPS
    return p - sign * lr * m_hat / scale, *((m_hat, v_hat) if hats else (m_new, v_new))


def _adam_slip(**how):
    return lambda p, g, m, v, t, lr: _adam(p, g, m, v, t, lr, **how)


def _adam_in_place(p, g, m, v, t, lr):        # right numbers, but overwrites p, m and v
    m *= BETA1
    m += (1 - BETA1) * g
    v *= BETA2
    v += (1 - BETA2) * g * g
    p -= lr * (m / (1 - BETA1 ** t)) / (np.sqrt(v / (1 - BETA2 ** t)) + EPS)
    return p, m, v


_P = np.array([[0.5, -1.0], [2.0, 0.25]])
_G = np.array([[0.1, -0.3], [-2.0, 0.05]])
_M = np.array([[0.02, 0.0], [-0.5, 0.1]])
_ZERO = np.zeros_like(_P)       # m and v get a copy each (never the same array twice: a student's in-place
                                 # update of m would then change v too)

SOLUTIONS = {"steps_per_epoch": 7, **MOMENTUM_SOLUTIONS, "adam_step": _adam, **ADAMW_SOLUTIONS}

SLIPS = {
    "steps_per_epoch": [
        Slip("floor", "200 // 32 counts the full batches only; the samples left over are used in every epoch too: "
                      "how?", 6),
        Slip("fraction", "Steps come in whole numbers: count the full batches of 32, then ask what the samples left "
                         "over make.", 6.25),
        Slip("samples", "One step per batch, not per sample: batch_size=1 would give 200.", 200),
        Slip("batch", "32 is the batch size; the number of steps is how many batches 200 samples make.", 32),
        Slip("leftover", "8 is the number of samples left over after the full batches, not a number of steps: "
                         "what do they make?", 8),
        Slip("one", "One epoch is one pass over the data, not one step: every batch of 32 makes a step.", 1),
        Slip("upside down", "32 / 200 is the share of the data in one batch; the steps are the batches it takes to "
                            "cover all 200 samples.", 0.16),
    ],
    **MOMENTUM_SLIPS,
    "adam_step": [
        Slip("given", "This still behaves as the step handed out: its first step, from m = v = 0, still moves "
                      "by 2, 1 and 0.1 times lr for gradients 4, 1 and 0.01 instead of about lr each, and its "
                      "second step under a steady gradient still by 1.9 times lr. Your change did not alter what "
                      "it computes: compare each line with section 3's formulas.",
             _adam_slip(v_of=np.abs, m_power=False)),
        Slip("square", "The bias correction is right now; v is not: in Adam, what is v a running mean of?",
             _adam_slip(v_of=np.abs)),
        Slip("power", "v is right now; m's bias correction is not: it should fade as the steps go by, so it depends"
             " on the step number t.", _adam_slip(m_power=False)),
        Slip("no_correction", "You dropped the bias correction: m and v start at 0, and v, which averages over "
                              "about 1000 steps, starts much further below its true size than m, which averages "
                              "over about 10. Uncorrected, m / sqrt(v) is too large: at t = 1 it is "
                              "0.1 g / sqrt(0.001 g^2), about 3.2 times the corrected step, and the excess fades "
                              "only over thousands of steps.", _adam_slip(correct=False)),
        Slip("m uncorrected", "m_hat is missing: m's bias correction, like v's, divides by 1 - beta1 ** t.",
             _adam_slip(correct_m=False)),
        Slip("v uncorrected", "v_hat is not bias-corrected: after the first step v is too small by the factor "
                              "1 - beta2 = 0.001, so sqrt(v) is 31.6 times too small and the step 31.6 times too "
                              "big. v's correction, like m's, divides by 1 - beta2 ** t.", _adam_slip(correct_v=False)),
        Slip("g itself", "v averages g itself, so it can go negative and its root is nan: v is a running mean of "
                         "the squared gradient.", _adam_slip(v_of=lambda g: g)),
        Slip("no root", "The step divides by v_hat itself: v is a mean of squares, so Adam divides by its square "
                        "root, which has g's scale.", _adam_slip(root=lambda v: v)),
        Slip("betas swapped", "beta1 and beta2 are exchanged: m, the mean of g, uses beta1 = 0.9 and v, the mean of "
                              "its square, beta2 = 0.999.", _adam_slip(betas=(BETA2, BETA1))),
        Slip("uphill", "The step goes uphill: p moves against m_hat, p - lr * m_hat / (sqrt(v_hat) + eps).",
             _adam_slip(sign=-1)),
        Slip("hats returned", "You returned m_hat and v_hat: the next step needs the running means m_new and v_new "
                              "themselves; the correction is applied afresh at every step.", _adam_slip(hats=True)),
        Slip("t - 1", "t counts from 1: with t - 1 in the powers, the first step's correction divides by "
                      "1 - beta ** 0 = 0.", _adam_slip(t_shift=-1)),
        Slip("in_place", "The numbers are right, but `m *= ...`, `v += ...` and `p -= ...` changed the caller's "
                         "arrays: build new ones.", _adam_in_place),
        Slip("eps in root", "eps went inside the square root: sqrt(v_hat + eps) is not section 3's "
                            "sqrt(v_hat) + eps. With eps = 1e-8 under the root it acts like 1e-4 outside it, so "
                            "for a gradient of 1e-5 the first step is about a tenth of lr instead of about lr. "
                            "eps only keeps the division away from 0: add it after the root.",
             _adam_slip(eps_inside=True)),
    ],
    **ADAMW_SLIPS,
}


def steps_per_epoch(prediction, grade=False):
    """Lesson 7, exercise 1 (predict): optimizer steps in one epoch of fit(batch_size=32) on 200 samples."""
    return prediction_check("steps_per_epoch", prediction, truth=_steps_per_epoch,
                            right="Six full batches of 32 and one of the 8 samples left over: ceil(200 / 32) = 7 "
                                  "steps, each sample once.",
                            slips=SLIPS["steps_per_epoch"], grade=grade)


def adam_step(fn, grade=False):
    """Lesson 7, exercise 3 (diagnose): adam_step(p, g, m, v, t, lr) -> (p_new, m_new, v_new), t from 1."""
    cases = [(_P, _G, _ZERO, _ZERO.copy(), 1, 0.01),
             (_P, _G, 0.1 * _M, 0.01 * np.abs(_M), 2, 0.01),
             (_P, _G, _M, np.square(_M), 10, 0.1),
             (_P, 1e-5 * _G, _ZERO, _ZERO.copy(), 1, 0.01)]     # tiny gradients: eps's place shows
    return function_check("adam_step", fn, reference=_adam, cases=cases, outputs=("p_new", "m_new", "v_new"),
                          slips=SLIPS["adam_step"], pure=True, grade=grade,
                          right="v is a running mean of g^2, so sqrt(v_hat) has g's scale, and both corrections "
                                "divide by 1 - beta^t, which tends to 1 as t grows: they undo the zero start of m "
                                "and v in the first steps, then fade.")


__all__ = ["steps_per_epoch", "momentum_lr", "adam_step", "adamw_unused"]
