"""Exercise check for lesson 6 (06_moons), exercise 3 (derive): where L1 alone leaves a weight the data never use,
the step at which it first turns negative and how far it hops across 0 after that. Kept apart from lesson06.py,
which re-exports it, so each file stays short. Data for the engine in engine.py."""
import numpy as np

from .compare import show
from .engine import Slip, prediction_check
from .partial import Part, part_slips
from .predict import as_reals
from .reply import verdict

W_START, LR, L1, N = 0.2995, 2.0, 0.1, 200      # the prompt's setting: each step moves w by lr * l1 / n = 0.001
TOL = 3e-5                                      # 0.0004 and 0.0006 are not 0.0005; a count must be exact


def _unused_weight(w=W_START, step=LR * L1 / N, steps=1000):
    """Run it: w <- w - lr * (l1 / n) sign(w) from w = W_START (no data gradient). (The first step at which w
    is below 0, the largest |w| over the steps after it, rounded to 6 decimals.)"""
    ws = []
    for _ in range(steps):
        w = w - step * np.sign(w)
        ws.append(w)
    ws = np.array(ws)
    first = int(np.argmax(ws < 0))
    return first + 1, round(float(np.abs(ws[first + 1:]).max()), 6)


SOLUTIONS = {"l1_unused_weight": (300, 0.0005)}

CROSSING = ("Not the first step below 0: follow w near 0, one step at a time, and count the step at which it "
            "crosses.", "Not the first step below 0: write out w's last values before and after it crosses 0, and "
            "count again.")            # two wordings for the two neighbours, neither telling which side is right
SLIPS = {"l1_unused_weight": [
    Slip("stops", "w does not land exactly on 0 and stay there: sign(w) turns when w crosses 0, and the pull "
                  "turns with it, so w hops back. It lands on 0 only if its start is a whole number of steps "
                  "from 0.", (300, 0.0)),
    Slip("full step", "Not a whole step: the jump that crosses 0 starts from w's last value above 0, less than "
                      "a whole step from it. How far past 0 does it land, and where does the next hop across "
                      "bring it back?", (300, 0.001)),
    Slip("no n", "A step of lr * l1 = 0.2 leaves out the 1/n: the penalty is l1/n times the sum of |W|, so its "
                 "pull on each weight is l1/n.", (2, 0.1005)),
    Slip("half step", "A step of 0.0005 is half the real one: the step is lr times the gradient l1/n sign(w) "
                      "(and L1's penalty has no 1/2 to cancel).", (599, 0.0)),
    Slip("no lr", "Steps of l1 / n = 0.0005 leave out the learning rate: each step moves w by lr times the "
                  "gradient.", (599, 0.00025)),
    Slip("one early", CROSSING[0], (299, 0.0005)),
    Slip("one late", CROSSING[1], (301, 0.0005)),
]}

# A wrong value of one of the two numbers, named whatever the other one is.
PARTS = [
    Part(0, 299.5, "A count of steps is a whole number: which step is the first to take w below 0?"),
    Part(0, 150, "The derivative of |w| is sign(w), with no factor 2 (that is w^2's 2 w): each step is lr * l1 / n."),
    Part(0, 3, "A step of l1 = 0.1 leaves out both lr and the 1/n: each step moves w by lr times l1/n sign(w)."),
    Part(0, 600, "A step of 0.0005 is half the real one: the step is lr times the gradient l1/n sign(w)."),
    Part(1, 0.2995, "The largest |w| asked for is over the steps after w first turns negative, not from the start."),
    Part(1, -0.0005, "The question asks for the size |w|, which is never negative."),
    Part(1, 0.001, SLIPS["l1_unused_weight"][1].hint),
    Part(1, 0.0, SLIPS["l1_unused_weight"][0].hint),
]
NEVER = ("A step count of inf says w never turns negative, which is how L2's brake behaves: its pull is a fraction "
         "of w and shrinks with it. L1's pull is lr * l1 / n whatever w's size, so w reaches 0 in a whole number of "
         "steps.")


def step_slip(prediction):
    """[Slip] naming the step size s = 2 * largest that the prediction's two numbers fit (w hops within half a
    step of 0, and first turns negative after about W_START / s + 1/2 steps), when s is not the real step; else
    []."""
    values = as_reals(prediction, 2)
    if values is None or not all(np.isfinite(values)) or values[1] <= TOL or values[0] < 1:
        return []
    s = 2 * values[1]
    if abs(s - LR * L1 / N) <= 2 * TOL or abs(values[0] - (W_START / s + 0.5)) > 1:
        return []
    return [Slip("step", f"Your two numbers fit a weight that moves by {s:.6g} each step (its hop across 0 is half "
                         "a step). Is that the step? Each step moves w by lr times the penalty's gradient, "
                         "(l1/n) sign(w): work its size out from the prompt's numbers.", tuple(values))]


CARRIED = ("That count is exercise 1's, for L2's brake, which takes a fraction of what is left. L1's pull takes the "
           "same amount, lr * l1 / n, at every step whatever w's size: how many such steps does the start 0.2995 "
           "hold?")


def carried_slip(prediction):
    """[Slip] naming exercise 1's L2 count (693, give or take a few) carried over as the first number; else []."""
    values = as_reals(prediction, 2)
    if values is None or not all(np.isfinite(values)) or abs(values[0] - 693) > 3:
        return []
    return [Slip("L2 count carried over", CARRIED, tuple(values))]


def _own_slips(values):
    """The catalogued slips, less "stops" (w lands on 0) unless the predicted |w| is 0 within the tolerance: the
    engine would otherwise name it for any small |w|, such as 0.00025, that the student did not claim is 0."""
    near_zero = values is not None and np.isfinite(values[1]) and abs(values[1]) <= TOL
    return [slip for slip in SLIPS["l1_unused_weight"] if slip.name != "stops" or near_zero]


def l1_unused_weight(prediction, grade=False):
    """Lesson 6, exercise 3 (derive): (the step at which an unused weight w = 0.2995 first turns negative under
    L1 alone at lr = 2, l1 = 0.1, n = 200, the largest |w| after it) = (300, 0.0005). A count one step off is
    not told its direction (near=False), which would hand over the answer."""
    values = as_reals(prediction, 2)
    if values is not None and np.isinf(values[0]) and values[0] > 0:
        return verdict("l1_unused_weight", f"you predicted {show(prediction)}, which is not it", NEVER, grade)
    return prediction_check("l1_unused_weight", prediction, truth=_unused_weight, tol=TOL,
                            right="Each step moves w by lr * l1 / n = 2 * 0.1 / 200 = 0.001 towards 0, whatever "
                                  "its size: 299 steps leave 0.0005, the 300th lands at -0.0005. Then sign(w) "
                                  "flips, the next step lands at +0.0005, and so on: w hops across 0 and stays "
                                  "within half a step of it. L1 switches a weight off to within lr * l1 / n, "
                                  "which is why section 6 counts weights below 0.001 in size.",
                            slips=_own_slips(values) + part_slips(prediction, 2, PARTS, TOL)
                            + step_slip(prediction) + carried_slip(prediction), near=False, grade=grade)


__all__ = ["l1_unused_weight"]
