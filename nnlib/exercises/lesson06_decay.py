"""Exercise check for lesson 6 (06_moons), exercise 1 (predict): how many steps the L2 brake alone takes to
halve a weight the data never use, at section 6's chosen strength. Kept apart from lesson06.py, which re-exports
it, so each file stays short. Data for the engine in engine.py."""
import math

from .engine import Slip, prediction_check
from .predict import as_real

W_START, LR, L2, N = 0.3, 2.0, 0.1, 200         # the prompt's setting: each step keeps 1 - lr * l2 / n = 0.999 of w


def _steps_to_half(w=W_START, shrink=LR * L2 / N, limit=100_000):
    """Run it: w <- w - lr * (l2 / n) w from w = W_START (no data gradient); the first step after which w is
    below half its start."""
    for step in range(1, limit + 1):
        w = w - shrink * w
        if w < W_START / 2:
            return step
    return math.inf


def _count_to(share, fraction):
    """The steps that a per-step fraction would take to bring w below `share` of its start: the slips' values."""
    return math.ceil(math.log(share) / math.log(1 - fraction))


def _count(fraction):
    """The steps a per-step fraction would take to halve w."""
    return _count_to(0.5, fraction)


def _decaying_lr(epoch, epochs=8000):
    """Section 5's schedule, as the lesson defines it: 2.0 at the first epoch, 0.04 at the last."""
    return LR * 0.02 ** (epoch / (epochs - 1))


def _left_after(lr_at, epochs=8000):
    """The share of an unused weight the L2 brake alone leaves after `epochs` steps at the rates lr_at(epoch)."""
    return math.prod(1 - lr_at(epoch) * L2 / N for epoch in range(epochs))


SOLUTIONS = {"l2_half_life": 693}

SLIPS = {"l2_half_life": [
    Slip("no n", "A shrink that large leaves out the 1/n: the penalty is l2/(2n) times the sum of W^2, so each "
                 "step takes lr * l2 / n of the weight, not lr * l2.", _count(LR * L2)),
    Slip("no lr, no n", "A shrink of l2 = 0.1 a step leaves out both lr and the 1/n: each step takes lr times "
                        "the gradient (l2/n) w.", _count(L2)),
    Slip("half fraction", "Your count leaves lr out of each step, or keeps the penalty's 1/2 in its gradient: each "
                          "step moves w by lr times the gradient (and lr = 2 here), and the gradient of (l2/2n) w^2 "
                          "is (l2/n) w, the 1/2 cancelling the 2 of the square.", _count(LR * L2 / N / 2)),
    Slip("double fraction", "Your count follows w^2 (the penalty), which halves sooner than w, or takes 2 (l2/n) w "
                            "a step. The 1/2 in the penalty cancels the 2 of the derivative, and the question is "
                            "about w itself.", _count(2 * LR * L2 / N)),
    Slip("same amount", "That count takes the same amount off every step, as L1 does (exercise 3). L2 takes a "
                        "fraction of what is left, and the same fraction of a smaller weight is a smaller "
                        "amount, so the steps slow down as w shrinks.", 1 / (2 * LR * L2 / N)),
    Slip("to zero", "That is one over the fraction a step takes: the steps that would take w all the way to 0 if "
                    "each took the same amount, a thousandth of the start (L1's way), and also L2's time constant, "
                    "after which about 1/e = 0.37 of w is left, not half.", 1 / (LR * L2 / N)),
    Slip("amount", "150 steps of 0.001 each take 0.15 off w, the way L1's pull does (exercise 3): L2's pull is "
                   "(l2/n) w, in proportion to w, so each step takes less as w shrinks.", 0.15 / (LR * L2 / N)),
    Slip("amount to zero", "That many steps of a fixed 0.001 would take w all the way to 0, L1's way. L2's step "
                           "is a fraction of what is left: it never takes w to 0, and the question asks when w "
                           "is first below half its start.", W_START / (LR * L2 / N)),
    *[Slip(f"log10 {which}", f"That count mixes two bases: the {top} log of 2, divided by the {bottom} log of the "
                             "factor a step keeps. Take both logs in one base.", value)
      for which, top, bottom, value in (("above", "base-10", "natural", math.log10(2) / (LR * L2 / N)),
                                        ("below", "natural", "base-10", math.log(2) / -math.log10(1 - LR * L2 / N)))],
    Slip("ln 2", "That is ln 2 itself, not a count of steps: the question asks how many steps it takes w to fall "
                 "below half its start.", math.log(2)),
    Slip("classic l2", "That count takes too small a fraction a step: l2 = 0.01 is the classic 2-3-2 run's "
                       "strength, and the prompt's brake is section 6's chosen l2 = 0.1; if you used that, work out "
                       "lr * l2 / n again.", _count(LR * 0.01 / N)),
    Slip("units for n", "A count that small takes a hundredth of w a step: work out lr * l2 / n again, with n the "
                        "number of samples, 200 (not 20, the chosen net's hidden units).", _count(LR * L2 / 20)),
    Slip("start", "That count takes a weight from 1 down to 0.15, half of 0.3: the weight starts at 0.3, and each "
                  "step keeps the same fraction of it, so the start multiplies every later w and cancels when w is "
                  "compared with half of it.", _count_to(W_START / 2, LR * L2 / N)),
]}


def _advice(prediction):
    """The hint for an answer that says w never halves, or for a slip's number rounded another way (within 1%, and
    within one step of a count), else None."""
    value = as_real(prediction)
    if value is None:
        return None
    if math.isinf(value) and value > 0:
        return ("The brake never takes w to 0, true: each step takes a fraction of what is left. But the question "
                "asks for half, and a fixed fraction a step brings w below half in a finite number of steps.")
    if not math.isinf(value) and value != round(value) and 1 < abs(value - _steps_to_half()) <= 50:
        return ("A count of steps is a whole number: find the first step after which w is below half its start "
                "(and check the count itself: this one is more than a step from it).")
    near = [(abs(value - s.answer), s.hint) for s in SLIPS["l2_half_life"]
            if abs(value - s.answer) <= max(1.0 if s.answer >= 2 else 0.0, 0.01 * s.answer)]
    return min(near)[1] if near else None


def l2_half_life(prediction, grade=False):
    """Lesson 6, exercise 1 (predict): the first step after which an unused weight w = 0.3 is below half its
    start under L2 alone at lr = 2, l2 = 0.1, n = 200. Each step keeps 0.999 of w, so the answer is 693,
    whatever the start."""
    return prediction_check("l2_half_life", prediction, truth=_steps_to_half, tol=1.0,
                            right="Each step subtracts lr * (l2/n) w = 0.001 w, so it keeps 0.999 of w, whatever "
                                  "its size: after t steps w is 0.3 * 0.999^t, below half once 0.999^t < 1/2, "
                                  "that is t > ln 2 / -ln 0.999, about 0.693 / 0.001 = 693. The start does not "
                                  "matter: the brake halves any weight in the same number of steps, and it never "
                                  "takes it to 0. For 8000 epochs at a fixed lr = 2 the brake alone would leave "
                                  f"0.999^8000 = {_left_after(lambda epoch: LR):.4f} of a weight, about 1/3000; on "
                                  "section 6's runs, whose schedule shrinks lr from 2 to 0.04, it leaves "
                                  f"{_left_after(_decaying_lr):.3f}, about 1/{1 / _left_after(_decaying_lr):.0f}. "
                                  "The weights that survive are the ones the data gradient keeps pushing back up.",
                            slips=SLIPS["l2_half_life"], advice=_advice, grade=grade)


__all__ = ["l2_half_life"]
