"""Exercise check for lesson 7 (07_training): AdamW against Adam with L2 on a weight the loss does not use
(exercise 4, predict). Kept apart from lesson07.py, which re-exports it, so each file stays short. Data for the
engine in engine.py.

The truth is a run of section 3's Adam step: a weight w = 1 whose loss gradient is 0, 10 steps at lr = 0.01.
AdamW (wd = 0.1) leaves m and v at 0 and decays w by the factor 1 - lr * wd per step: (1 - 0.001)^10 = 0.990.
Adam with L2 (l2 = 0.1) feeds the gradient l2 * w into m and v, and m_hat / sqrt(v_hat) is about 1 whatever the
gradient's size, so each step is about lr: 1 - 10 * 0.01 = 0.90, and the same for any l2."""
import numpy as np

from .engine import Slip, prediction_check

BETA1, BETA2, EPS = 0.9, 0.999, 1e-8
STEPS, LR, DECAY = 10, 0.01, 0.1


def _adam_move(w, g, m, v, t, lr):
    """Section 3's Adam step on one weight: the new (w, m, v)."""
    m, v = BETA1 * m + (1 - BETA1) * g, BETA2 * v + (1 - BETA2) * g * g
    return w - lr * (m / (1 - BETA1 ** t)) / (np.sqrt(v / (1 - BETA2 ** t)) + EPS), m, v


def unused_weight(decay=DECAY, steps=STEPS, lr=LR):
    """Run it: (w under AdamW with wd = decay, w under Adam with L2 l2 = decay) after `steps` steps from w = 1,
    the loss's own gradient being 0."""
    w_decoupled = w_l2 = 1.0
    m_d = v_d = m_l = v_l = 0.0
    for t in range(1, steps + 1):
        w_new, m_d, v_d = _adam_move(w_decoupled, 0.0, m_d, v_d, t, lr)
        w_decoupled = w_new - lr * decay * w_decoupled
        w_l2, m_l, v_l = _adam_move(w_l2, decay * w_l2, m_l, v_l, t, lr)
    return round(w_decoupled, 4), round(w_l2, 4)


def _story():
    small = unused_weight(decay=DECAY / 10)
    return (f"AdamW shrinks w by the factor 1 - lr * wd = 0.999 per step, whatever the gradients: "
            f"{unused_weight()[0]:.3f} after {STEPS} steps. Adam with L2 divides the gradient l2 * w by sqrt(v_hat), "
            f"its own size, so each step is about lr and w loses about 0.01 per step: {unused_weight()[1]:.3f}. "
            f"That does not depend on l2: with l2 = wd = {DECAY / 10:g}, Adam with L2 still ends at {small[1]:.3f}, "
            f"AdamW at {small[0]:.4f}. Under Adam with L2 a weight with small gradients decays fast and one with "
            "large gradients barely; AdamW decays all weights by the same share.")


SOLUTIONS = {"adamw_unused": (0.99, 0.9)}

SLIPS = {
    "adamw_unused": [
        Slip("sgd", "AdamW is right, but Adam with L2 is not SGD with L2: Adam divides the gradient l2 * w by "
                    "sqrt(v_hat), which has the gradient's own size, so how large is each step?", (0.99, 0.99)),
        Slip("both adaptive", "Adam with L2 is right, but AdamW's decay lr * wd * w stands outside the adaptive "
                              "fraction: nothing divides it by sqrt(v_hat).", (0.9, 0.9)),
        Slip("swapped", "The two are swapped: AdamW's decay is outside the adaptive step; Adam with L2's is inside.",
             (0.9, 0.99)),
        Slip("no decay", "With a loss gradient of 0, AdamW's m and v stay 0, but its decay lr * wd * w still acts "
                         "at every step.", (1.0, 0.9)),
        Slip("nothing moves", "The loss's gradient is 0, but neither rule leaves w alone: AdamW decays it directly, "
                              "and Adam with L2 sees the gradient l2 * w.", (1.0, 1.0)),
        Slip("no l2 gradient", "AdamW is right; with L2 the gradient is not 0 but l2 * w = 0.1 at the start, and "
                               "it goes into Adam's m and v like any gradient.", (0.99, 1.0)),
        Slip("once", "AdamW is right for one step, but the decay acts at each of the 10 steps, each on the w the "
             "step before left.", (0.999, 0.9)),
        Slip("no lr, share", "Your AdamW weight loses a share wd of itself at every step: the decay is scaled by the "
             "learning rate like every other move of w, lr * wd * w per step.", (0.9 ** 10, 0.9)),
        Slip("no lr, amount", "Your AdamW weight loses wd at every step: the decay is scaled by the learning rate like "
             "every other move of w, lr * wd * w per step.", (0.0, 0.9)),
        Slip("product", "Your AdamW weight shrinks too fast: per step w loses lr * wd * w, a share lr * wd of itself; "
             "check that product.", (0.99 ** 10, 0.9)),
        Slip("adaptive at 0", "Your AdamW weight takes an Adam step of about lr as well as the decay: with a loss "
             "gradient of 0, m and v stay 0, so m_hat / sqrt(v_hat) is 0 / (0 + eps) = 0 and only the decay acts.",
             (0.891, 0.9)),
        Slip("moved, both", "Those are how far w moved, not where it ends: the prediction is w itself after the "
             "10 steps, starting from 1.", (0.01, 0.1)),
        Slip("moved, L2", "Your number for Adam with L2 is how far w moved, not where it ends: the prediction "
             "is w itself after the 10 steps, starting from 1.", (0.99, 0.1)),
        Slip("moved, AdamW", "Your number for AdamW is how far w moved, not where it ends: the prediction is w "
             "itself after the 10 steps, starting from 1.", (0.01, 0.9)),
        Slip("no correction", "0.463 is Adam with L2 run without the bias correction: m and v start at 0, and "
             "without dividing by 1 - beta^t the early steps come out several times lr. Section 3's step "
             "corrects both.", (0.99, 0.463)),
        Slip("no correction, swapped", "0.463 is Adam with L2 run without the bias correction (and in AdamW's "
             "place): m and v start at 0, and without dividing by 1 - beta^t the early steps come out several "
             "times lr. Section 3's step corrects both.", (0.463, 0.9)),
        Slip("m uncorrected", "Your Adam with L2 weight is what the run gives when v is corrected for its start at 0 "
             "but m is not: section 3's step divides m by 1 - beta1^t as well, and without that the early steps "
             "fall short of lr.", (0.99, 0.9587)),
        Slip("a share", "Your Adam with L2 takes a share of w at each step, but its step does not shrink with w: "
             "m_hat / sqrt(v_hat) has about the same size whatever the gradient's size, so the step is no share "
             "of w.", (0.99, 0.99 ** 10)),
    ],
}


def adamw_unused(prediction, grade=False):
    """Lesson 7, exercise 4 (predict): (w under AdamW, w under Adam with L2) for a weight w = 1 with loss gradient
    0, after 10 steps at lr = 0.01 with wd = l2 = 0.1, each to about 0.003."""
    # relate=False: both answers are near 1, so the engine's guessed causes (a square, a root) would name
    # unrelated slips; a wrong pair no slip above names gets the plain reply
    return prediction_check("adamw_unused", prediction, truth=unused_weight, tol=0.003, right=_story,
                            slips=SLIPS["adamw_unused"], relate=False, grade=grade)


__all__ = ["adamw_unused"]
