"""Exercise check for lesson 7 (07_training), section 3: the largest stable learning rate of momentum on the
bowl (exercise 2, derive). Kept apart from lesson07.py, which re-exports it, so each file stays short. Data for
the engine in engine.py.

The truth is a run: section 3's momentum (nnlib.optim's, v = mu v - lr g, w = w + v, which section 3 checks
path for path against its numpy version) on the bowl J = (w1^2 + 20 w2^2) / 2 from (-4, 1), and the largest
lr, found by bisection, at which the distance to the bottom does not grow."""
import numpy as np

from .engine import Slip, prediction_check

MU, CURVATURE, START = 0.9, np.array([1.0, 20.0]), np.array([-4.0, 1.0])


def momentum_grows(lr, steps=2000):
    """Whether `steps` of section 3's momentum at this lr end further from the bowl's bottom than the start."""
    from ..optim import Momentum
    w, opt = START.copy(), Momentum(mu=MU)
    for _ in range(steps):
        opt.step([w], [CURVATURE * w], lr)
        if np.linalg.norm(w) > 1e6:                              # far out already: it has grown
            return True
    return bool(np.linalg.norm(w) > np.linalg.norm(START))


def _largest_stable_lr():
    """Run it: bisect lr in [0, 1] between a rate that converges and one that grows, to 1e-5."""
    low, high = 0.0, 1.0
    while high - low > 1e-5:
        mid = (low + high) / 2
        low, high = (low, mid) if momentum_grows(mid) else (mid, high)
    return round(low, 4)


SOLUTIONS = {"momentum_lr": 2 * (1 + MU) / 20}

SLIPS = {
    "momentum_lr": [
        Slip("no momentum", "That is plain gradient descent's limit, 2 / 20 (lesson 2): the velocity carries part "
                            "of the last step into this one, so the recurrence has a w_(t-1) term too.", 2 / 20),
        Slip("top speed", "That divides plain SGD's limit by 1 / (1 - mu) = 10, the top speed on a steady slope; "
                          "across the valley the gradient flips sign each step, and the swings do not add up like "
                          "that. Or a sign slip on mu in the recurrence gives this number too: check the sign of its "
                          "w_(t-1) term. Write the recurrence and try w_t = (-1)^t c.", 2 * (1 - MU) / 20),
        Slip("half", "A term went missing: with w_t = (-1)^t c, both w_(t+1) and w_(t-1) equal -w_t, so the "
                     "w_(t-1) term counts as well as the w_(t+1) one (and the curvature across is 20, the factor in "
                     "g = 20 w2).",
             (1 + MU) / 20),
        Slip("divided", "You divided by (1 + mu) where the recurrence multiplies: at the edge, "
                        "w_(t+1) + w_(t-1) = -2 w_t; put that into your recurrence and solve for lr.",
             round(2 / (20 * (1 + MU)), 3)),
        Slip("speed-up", "Momentum does not let the steep direction take a 1 / (1 - mu) = 10 times larger lr: "
                         "that is the speed-up along a steady slope, not the edge of a swing that flips sign each "
                         "step.", 2 / (20 * (1 - MU))),
        Slip("shallow", "That is the edge for the shallow direction (curvature 1); every direction must stay "
                        "stable, and the steep one (curvature 20) breaks first.", 2 * (1 + MU)),
        Slip("damped", "That is the edge for a velocity that averages (1 - mu) g, as Adam's m does; section 3's "
                       "momentum adds the whole step, v = mu v - lr g.", 2 * (1 + MU) / ((1 - MU) * 20)),
        Slip("mu one", "0.2 would be the edge if the velocity kept all of itself (mu = 1); here it keeps 0.9 of "
                       "itself: put mu = 0.9 into the recurrence's coefficients.", 4 / 20),
        Slip("mu dropped", "A mu went missing in the algebra: mu appears twice in the recurrence (once with w_t, "
                           "once with w_(t-1)); with w_t = (-1)^t c, keep both.", (2 + MU) / 20),
        Slip("algebra", "An algebra slip when solving for lr: put your lr back into the recurrence with "
                        "w_t = (-1)^t c and check whether both sides balance.", (1 + 2 * MU) / 20),
        Slip("nesterov", "That is Nesterov's edge, which takes the gradient at the look-ahead point w + mu v; "
                         "section 3's momentum takes it at w itself, g = 20 w2.",
             2 * (1 + MU) / (20 * (1 + 2 * MU))),
        Slip("mu for 1-mu", "That puts 1 - mu = 0.1 where mu belongs: the velocity keeps mu = 0.9 of itself each "
                            "step.", 2 * (2 - MU) / 20),
        Slip("both curvatures", "That adds the two curvatures (1 + 20): each direction has its own recurrence and "
                                "its own edge, and the steep one (curvature 20) breaks first.", 2 * (1 + MU) / 21),
        Slip("times curvature", "The curvature multiplies lr in the recurrence (the term 20 lr w_t), so solving for lr "
                                "divides by it: that number multiplies instead, far too large a step.",
             2 * (1 + MU) * 20),
        Slip("no flip", "A swing that keeps its sign (w_t = c) stays put only at lr = 0; the edge that breaks as lr "
                        "grows is the swing that flips sign each step, w_t = (-1)^t c.", 0.0),
        Slip("curvature 10", "That is the edge for curvature 10, the steep direction of lesson 2's bowl; this "
                             "bowl's steep direction has curvature 20 (g = 20 w2).", 2 * (1 + MU) / 10),
        Slip("one step", "That lr lands plain gradient descent at the bottom of the steep direction in one step "
                         "(1 - 20 lr = 0); the question is where the swings stop shrinking.", 1 / 20),
    ],
}


def momentum_lr(prediction, grade=False):
    """Lesson 7, exercise 2 (derive): the edge of the stable range of section 3's momentum (mu = 0.9) on
    J = (w1^2 + 20 w2^2) / 2, the lr above which it diverges, to 3 decimals."""
    return prediction_check("momentum_lr", prediction, truth=_largest_stable_lr, tol=0.0005,
                            right="Along w2, w_(t+1) = (1 + mu - 20 lr) w_t - mu w_(t-1). With w_t = (-1)^t c: "
                                  "-1 = (1 + mu - 20 lr) + mu, so lr = 2 (1 + mu) / 20 = 0.19, against 2 / 20 = 0.1 "
                                  "without momentum. The velocity keeps part of the last jump across the valley, "
                                  "which went the other way, so it cancels part of each overshoot; near the edge the "
                                  "swings still die out slowly.", slips=SLIPS["momentum_lr"], grade=grade)


__all__ = ["momentum_lr"]
