"""Exercise checks for lesson 8 (08_playground): how many neurons enclose the circle, which features let one
neuron do it, the output delta of a regression network, which L2 strength wins on validation data, and (in
lesson08_bottleneck.py) what a 1-unit layer does to a network without a bend.

Each check is data: a reference, fixed cases or a run of the playground's own Trainer (seed 0, fixed data, so
the verdict is the same on every machine), and a catalogue of typical slips (see engine.py). The runs are
cached: a check trains each network once per session, as long as the playground's training code is the same
objects (a cell that patches the Trainer, then undoes it, leaves no stale result behind).
"""
from functools import cache

import numpy as np

from .engine import Slip, function_check, prediction_check
from .lesson08_bottleneck import SLIPS as BOTTLENECK_SLIPS
from .lesson08_bottleneck import SOLUTIONS as BOTTLENECK_SOLUTIONS
from .lesson08_bottleneck import bottleneck_rank
from .lesson08_slips import MORE

CIRCLE = {"dataset": "circle", "noise": 0.1, "points": 200, "train_ratio": 0.5, "seed": 0}
OVERFIT = {"dataset": "moons", "noise": 0.4, "points": 100, "train_ratio": 0.3, "neurons": [8, 8, 8, 8],
           "lr": 0.1, "seed": 0}
FEATURE_CHOICES = {"x1, x2": ["x1", "x2"], "x1_sq, x2_sq": ["x1_sq", "x2_sq"], "x1x2": ["x1x2"],
                   "sin_x1, sin_x2": ["sin_x1", "sin_x2"]}
L2_CHOICES = (0, 0.03, 0.3, 3)


def _trainer_state():
    """Identifies the playground's training code as it is now: part of every cache key."""
    from ..playground import training
    return tuple(map(id, vars(training).values())) + tuple(map(id, vars(training.Trainer).values()))


def _circle_accuracy(neurons, features):
    return _circle_run(neurons, features, _trainer_state())


@cache
def _circle_run(neurons, features, state):
    """Validation accuracy on the circle after 200 epochs of one hidden layer of `neurons` units."""
    from ..playground.training import Trainer
    t = Trainer(**CIRCLE, neurons=[neurons], features=list(features))
    t.train(200)
    return t.metrics()["val_accuracy"]


# --- exercise 1 (predict): the fewest neurons that enclose the circle -----------------------------------------
def _fewest_neurons():
    """Run it: one hidden layer of 1, 2, 3, ... tanh neurons on x1, x2; the first to reach 95% on validation."""
    return next(h for h in range(1, 9) if _circle_accuracy(h, ("x1", "x2")) >= 0.95)


# --- exercise 2 (predict): the features that let one neuron do it -------------------------------------------------
def _one_neuron_features():
    """Run it: one neuron on each choice of features; the choice that reaches 95% on validation."""
    return next(name for name, f in FEATURE_CHOICES.items() if _circle_accuracy(1, tuple(f)) >= 0.95)


# --- exercise 3 (derive): the output delta of a regression network --------------------------------------------------
def _delta(y_hat, y):
    return (y_hat - y) / y.shape[0]


def _delta_no_n(y_hat, y):                    # forgot the 1/n of the mean
    return y_hat - y


def _delta_sign(y_hat, y):                    # differentiated (y - y_hat)^2 with the wrong sign
    return (y - y_hat) / y.shape[0]


def _delta_two(y_hat, y):                     # dropped the 1/2 of J, so the 2 of the square stays
    return 2 * (y_hat - y) / y.shape[0]


def _delta_sigmoid(y_hat, y):                 # multiplied by a sigmoid's slope: the output is linear here
    return (y_hat - y) * y_hat * (1 - y_hat) / y.shape[0]


def _delta_mean(y_hat, y):                    # averaged the errors into one number
    return np.mean(y_hat - y)


def _delta_in_place(y_hat, y):                # right numbers, but overwrites y_hat
    y_hat -= y
    y_hat /= y.shape[0]
    return y_hat


# --- exercise 4 (predict): the L2 strength chosen on validation data ------------------------------------------------
def _overfit_run(l2):
    return _overfit_cached(l2, _trainer_state())


@cache
def _overfit_cached(l2, state):
    """The overfitting 2-8-8-8-8-2 net after 2000 epochs with this L2 strength (0: none): the Trainer."""
    from ..playground.training import Trainer
    t = Trainer(**OVERFIT, reg="L2" if l2 else "none", reg_rate=l2 or 0.001)
    t.train(2000)
    return t


def _best_l2():
    """Run it: each L2 strength, scored on the validation points; the one with the lowest validation loss."""
    return min(L2_CHOICES, key=lambda l2: _overfit_run(l2).metrics()["val_loss"])


def _test_loss(l2):
    return _test_loss_cached(l2, _trainer_state())


@cache
def _test_loss_cached(l2, state):
    """The test set, touched once: 1000 fresh points of the same noisy moons (seed 1), for the chosen net."""
    from ..data import moons
    from ..losses import cross_entropy
    t = _overfit_run(l2)
    P, y = moons(1000, noise=OVERFIT["noise"], seed=1)
    return float(cross_entropy(t.outputs(P), np.eye(2)[y]))


def _regularise_story():
    rows = ", ".join(f"{l2}: {_overfit_run(l2).metrics()['val_loss']:.2f}" for l2 in L2_CHOICES)
    best, n_val = _best_l2(), int(_overfit_run(0).val.sum())
    val, test = _overfit_run(best).metrics()["val_loss"], _test_loss(best)
    gap = (f" It is above the winner's validation loss ({val:.2f}): that score rests on only {n_val} points and won "
           "a contest of four, so it flatters the winner; fresh points do not (lesson 9 returns to this)."
           if round(test, 2) > round(val, 2) else "")
    return (f"Validation loss by L2 strength: {rows}. The winner is chosen on validation data; only then is the "
            f"test set touched, once: test loss {test:.2f} on 1000 fresh points.{gap}")


SOLUTIONS = {"playground_neurons": 3, "playground_features": "x1_sq, x2_sq", "regression_delta": _delta,
             "playground_regularise": 0.3, **BOTTLENECK_SOLUTIONS}

SLIPS = {
    "playground_neurons": [
        Slip("one", "One tanh neuron is a soft step along one straight line: no line separates a disc from the "
                    "ring around it.", 1),
        Slip("two", "Two lines can cut out a band between them, not a closed region: points above and below the "
                    "disc fall in the band too.", 2),
        Slip("four", "Four lines make a square around the disc, but three already close a triangle around it.", 4),
    ],
    "playground_features": [
        Slip("linear", "On x1, x2 one neuron draws one straight line, and no line separates a disc from a ring.",
             "x1, x2"),
        Slip("product", "x1·x2 is positive in two opposite quadrants: its level lines are hyperbolas, not circles.",
             "x1x2"),
        Slip("sine", "On [-1.5, 1.5] sin x is nearly x itself, so this is almost x1, x2 again: one line.",
             "sin_x1, sin_x2"),
    ],
    "regression_delta": [
        Slip("no_n", "Every entry is n times too large: J is a mean, so its derivative keeps the 1/n.", _delta_no_n),
        Slip("sign", "The sign is flipped: d/dy_hat of (y_hat - y)^2 is +2 (y_hat - y).", _delta_sign),
        Slip("two", "Twice too large: the 1/2 in J = 1/(2n) sum (y_hat - y)^2 cancels the 2 of the square.",
             _delta_two),
        Slip("sigmoid", "You multiplied by y_hat (1 - y_hat), a sigmoid's slope; this output is linear "
                        "(identity), whose slope is 1.", _delta_sigmoid),
        Slip("mean", "delta has one entry per sample, shape (n, 1), like y_hat: do not average it away.",
             _delta_mean),
        Slip("in_place", "The numbers are right, but you changed y_hat in place (y_hat -= ...): build a new array.",
             _delta_in_place),
    ],
    "playground_regularise": [
        Slip("none", "Without a penalty the 30 training points are memorised: the training loss goes to 0 and the "
                     "validation loss climbs above 0.8.", 0),
        Slip("weak", "0.03 is too weak to stop the memorising: the validation loss still ends near 0.6.", 0.03),
        Slip("strong", "3 holds the weights so small that the boundary is too simple even for the training points "
                       "(training loss about 0.3): underfitting.", 3),
    ],
    **BOTTLENECK_SLIPS,
}
for _name, _more in MORE.items():
    SLIPS[_name] = SLIPS[_name] + _more


def playground_neurons(prediction, grade=False):
    """Lesson 8, exercise 1 (predict): the fewest tanh neurons in one hidden layer, inputs x1 and x2, that reach
    95% validation accuracy on the circle."""
    return prediction_check("playground_neurons", prediction, truth=_fewest_neurons,
                            right="Each neuron is a soft step along a line; three lines close a triangle around "
                                  "the disc, the smallest closed shape.", slips=SLIPS["playground_neurons"],
                            grade=grade)


def playground_features(prediction, grade=False):
    """Lesson 8, exercise 2 (predict): which features let one neuron reach 95% validation accuracy on the circle."""
    return prediction_check("playground_features", prediction, truth=_one_neuron_features,
                            options=tuple(FEATURE_CHOICES),
                            right="The circle x1^2 + x2^2 = r^2 is a straight line in the features x1^2, x2^2, "
                                  "and one neuron draws one straight line.", slips=SLIPS["playground_features"],
                            grade=grade)


def regression_delta(fn, grade=False):
    """Lesson 8, exercise 3 (derive): regression_delta(y_hat, y) -> dJ/dz at a linear output for
    J = 1/(2n) sum (y_hat - y)^2, shape (n, 1)."""
    cases = [(np.array([[0.5], [-0.2], [1.0]]), np.array([[0.3], [0.1], [1.0]])),
             (np.array([[2.0], [0.0]]), np.array([[-1.0], [0.5]])),
             (np.linspace(-1, 1, 5)[:, None], np.zeros((5, 1)))]
    return function_check("regression_delta", fn, reference=_delta, cases=cases, outputs=("delta",),
                          slips=SLIPS["regression_delta"], pure=True, grade=grade)


def playground_regularise(prediction, grade=False):
    """Lesson 8, exercise 4 (predict): of l2 = 0, 0.03, 0.3, 3, the one with the lowest validation loss for the
    overfitting 2-8-8-8-8-2 net on noisy moons; then the test loss of the chosen net, once."""
    if prediction is None:
        return prediction_check("playground_regularise", None, truth=None, grade=grade)
    return prediction_check("playground_regularise", prediction, truth=_best_l2, tol=1e-9, options=L2_CHOICES,
                            right=_regularise_story, slips=SLIPS["playground_regularise"], grade=grade)


__all__ = ["playground_neurons", "playground_features", "regression_delta", "playground_regularise",
           "bottleneck_rank"]
