"""Exercise check for lesson 6 (06_moons), exercise 1 (predict): how many steps the L2 brake alone takes to
halve a weight the data never use, at section 6's chosen strength. Kept apart from lesson06.py, which re-exports
it, so each file stays short. Data for the engine in engine.py."""
import math

from .engine import Slip, prediction_check

W_START, LR, L2, N = 0.3, 2.0, 0.1, 200         # the prompt's setting: each step keeps 1 - lr * l2 / n = 0.999 of w


def _steps_to_half(w=W_START, shrink=LR * L2 / N, limit=100_000):
    """Run it: w <- w - lr * (l2 / n) w from w = W_START (no data gradient); the first step after which w is
    below half its start."""
    for step in range(1, limit + 1):
        w = w - shrink * w
        if w < W_START / 2:
            return step
    return math.inf


def _count(fraction):
    """The steps a slip's per-step fraction would take to halve w: the slips' values."""
    return math.ceil(math.log(0.5) / math.log(1 - fraction))


SOLUTIONS = {"l2_half_life": 693}

SLIPS = {"l2_half_life": [
    Slip("no n", "A shrink that large leaves out the 1/n: the penalty is l2/(2n) times the sum of W^2, so each "
                 "step takes lr * l2 / n of the weight, not lr * l2.", _count(LR * L2)),
    Slip("no lr, no n", "A shrink of l2 = 0.1 a step leaves out both lr and the 1/n: each step takes lr times "
                        "the gradient (l2/n) w.", _count(L2)),
    Slip("half fraction", "Your count shrinks w by half the real fraction each step: the gradient of "
                          "(l2/2n) w^2 is (l2/n) w (the 1/2 cancels the 2 of the square), and the step is lr "
                          "times that gradient.", _count(LR * L2 / N / 2)),
    Slip("double fraction", "Your count halves w twice as fast as the brake does: it halves w^2 (the penalty) "
                            "or takes 2 (l2/n) w a step. The 1/2 in the penalty cancels the 2 of the "
                            "derivative, and the question is about w itself.", _count(2 * LR * L2 / N)),
    Slip("same amount", "That count takes the same amount off every step, as L1 does (exercise 3). L2 takes a "
                        "fraction of what is left, and the same fraction of a smaller weight is a smaller "
                        "amount, so the steps slow down as w shrinks.", 1 / (2 * LR * L2 / N)),
    Slip("to zero", "That is how many steps of a fixed size would take w all the way to 0, as L1 does. L2 takes "
                    "a fraction of what is left each step; the question asks when w is first below half its "
                    "start.", 1 / (LR * L2 / N)),
]}


def _advice(prediction):
    """The hint for an answer that says w never halves."""
    try:
        never = math.isinf(float(prediction)) and float(prediction) > 0
    except (TypeError, ValueError):
        return None
    if never:
        return ("The brake never takes w to 0, true: each step takes a fraction of what is left. But the question "
                "asks for half, and a fixed fraction a step brings w below half in a finite number of steps.")
    return None


def l2_half_life(prediction, grade=False):
    """Lesson 6, exercise 1 (predict): the first step after which an unused weight w = 0.3 is below half its
    start under L2 alone at lr = 2, l2 = 0.1, n = 200. Each step keeps 0.999 of w, so the answer is 693,
    whatever the start."""
    return prediction_check("l2_half_life", prediction, truth=_steps_to_half, tol=1.0,
                            right="Each step subtracts lr * (l2/n) w = 0.001 w, so it keeps 0.999 of w, whatever "
                                  "its size: after k steps w is 0.3 * 0.999^k, below half once 0.999^k < 1/2, "
                                  "that is k > ln 2 / -ln 0.999, about 0.693 / 0.001 = 693. The start does not "
                                  "matter: the brake halves any weight in the same number of steps, and it never "
                                  "takes it to 0. For 8000 epochs at a fixed lr = 2 the brake alone would leave "
                                  "0.999^8000, about 1/3000 of a weight; the weights that survive are the ones "
                                  "the data gradient keeps pushing back up.",
                            slips=SLIPS["l2_half_life"], advice=_advice, grade=grade)


__all__ = ["l2_half_life"]
