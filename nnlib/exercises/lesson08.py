"""Exercise checks for lesson 8 (08_playground): how many neurons enclose the circle, which features let one
neuron do it, (in lesson08_tanh.py) the delta of a tanh output for regression and where it pushes hardest,
(in lesson08_flat.py) which setting leaves a network at 50/50 with every hidden neuron flat, (in
lesson08_bottleneck.py) what a 1-unit layer does to a network without a bend, and which L2 strength wins on
validation data, with the weight budget it leaves.

Each check is data: a reference, or runs of the playground's own Trainer (fixed seeds and data, so the verdict
is the same on every machine), and a catalogue of typical slips (see engine.py). The runs are
cached: a check trains each network once per session, as long as the playground's training code is the same
objects (a cell that patches the Trainer, then undoes it, leaves no stale result behind).
"""
from functools import cache

import numpy as np

from .engine import Slip, prediction_check
from .lesson08_bottleneck import SLIPS as BOTTLENECK_SLIPS
from .lesson08_bottleneck import SOLUTIONS as BOTTLENECK_SOLUTIONS
from .lesson08_bottleneck import bottleneck_rank
from .lesson08_flat import SLIPS as FLAT_SLIPS
from .lesson08_flat import SOLUTIONS as FLAT_SOLUTIONS
from .lesson08_flat import flat_neurons
from .lesson08_slips import MORE
from .lesson08_tanh import SLIPS as TANH_SLIPS
from .lesson08_tanh import SOLUTIONS as TANH_SOLUTIONS
from .lesson08_tanh import tanh_output_delta
from .reply import NotYet, verdict

CIRCLE = {"dataset": "circle", "noise": 0.1, "points": 200, "train_ratio": 0.5, "seed": 0}
OVERFIT = {"dataset": "moons", "noise": 0.4, "points": 100, "train_ratio": 0.3, "neurons": [8, 8, 8, 8],
           "lr": 0.1}
OVERFIT_EPOCHS, SEEDS = 1000, range(5)
CIRCLE_GOAL = 0.9            # exercises 1 and 2: the median validation accuracy over seeds 0-4 to reach
FEATURE_CHOICES = {"x1, x2": ["x1", "x2"], "x1_sq, x2_sq": ["x1_sq", "x2_sq"], "x1x2": ["x1x2"],
                   "sin_x1, sin_x2": ["sin_x1", "sin_x2"]}
L2_CHOICES = (0, 0.03, 3, 10)


def _trainer_state():
    """Identifies the playground's training code as it is now: part of every cache key."""
    from ..playground import training
    return tuple(map(id, vars(training).values())) + tuple(map(id, vars(training.Trainer).values()))


def _circle_accuracy(neurons, features, seed=0):
    return _circle_run(neurons, features, seed, _trainer_state())


@cache
def _circle_run(neurons, features, seed, state):
    """Validation accuracy on the circle (this seed) after 200 epochs of one hidden layer of `neurons` units."""
    from ..playground.training import Trainer
    t = Trainer(**{**CIRCLE, "seed": seed}, neurons=[neurons], features=list(features))
    t.train(200)
    return t.metrics()["val_accuracy"]


def _circle_median(neurons, features):
    """The median over seeds 0-4 of the validation accuracy on the circle."""
    return float(np.median([_circle_accuracy(neurons, features, seed) for seed in SEEDS]))


# --- exercise 1 (predict): the fewest neurons that enclose the circle -----------------------------------------
def _fewest_neurons():
    """Run it: one hidden layer of 1, 2, 3, ... tanh neurons on x1, x2, seeds 0-4; the first whose median
    validation accuracy reaches CIRCLE_GOAL."""
    return next(h for h in range(1, 9) if _circle_median(h, ("x1", "x2")) >= CIRCLE_GOAL)


def _neurons_story():
    medians = ", ".join(f"{h}: {_circle_median(h, ('x1', 'x2')):.2f}" for h in range(1, 5))
    fewest = _fewest_neurons()
    seeds = [_circle_accuracy(fewest, ("x1", "x2"), seed) for seed in SEEDS]
    reached = sum(a >= CIRCLE_GOAL for a in seeds)
    more = min(_circle_accuracy(fewest + 1, ("x1", "x2"), seed) for seed in SEEDS)
    fewer = (f"; with {fewest - 1}, the best seed reaches "
             f"{max(_circle_accuracy(fewest - 1, ('x1', 'x2'), seed) for seed in SEEDS):.2f}" if fewest > 1 else "")
    return (f"Median validation accuracy over seeds 0-4, by neurons: {medians}{fewer}. Each neuron is a soft step "
            "along a line, and three lines are the fewest that close a shape (a triangle) around the disc. That many "
            f"can, but need not: {reached} of the 5 seeds reach {CIRCLE_GOAL:.0%} with them ("
            + ", ".join(f"{a:.2f}" for a in seeds) + f"), while with one neuron more every seed reaches at least "
            f"{more:.2f}. On the others training settled on a shape that does not close. Enough units to draw the "
            "shape is not the same as training finding it.")


# --- exercise 2 (predict): the features that let one neuron do it -------------------------------------------------
def _one_neuron_features():
    """Run it: one neuron on each choice of features, seeds 0-4; the choice whose median reaches CIRCLE_GOAL."""
    return next(name for name, f in FEATURE_CHOICES.items() if _circle_median(1, tuple(f)) >= CIRCLE_GOAL)


def _features_story():
    rows = "; ".join(f"{name}: {_spread([_circle_accuracy(1, tuple(f), seed) for seed in SEEDS])}"
                     for name, f in FEATURE_CHOICES.items())
    return ("The circle x1^2 + x2^2 = r^2 is a straight line in the features x1^2, x2^2, and one neuron draws one "
            f"straight line. Validation accuracy of one neuron over seeds 0-4, median (range), by inputs: {rows}.")


# --- exercise 6 (predict): the L2 strength chosen on validation data, over five seeds ---------------------------
def _overfit_run(l2, seed):
    return _overfit_cached(l2, seed, _trainer_state())


@cache
def _overfit_cached(l2, seed, state):
    """The overfitting 2-8-8-8-8-2 net after 1000 epochs with this L2 strength (0: none), one seed: the Trainer."""
    from ..playground.training import Trainer
    t = Trainer(**OVERFIT, seed=seed, reg="L2" if l2 else "none", reg_rate=l2 or 0.001)
    t.train(OVERFIT_EPOCHS)
    return t


def _val_losses(l2):
    return [_overfit_run(l2, seed).metrics()["val_loss"] for seed in SEEDS]


def _best_l2():
    """Run it: each L2 strength on seeds 0-4, scored on the validation points; the lowest median loss."""
    return min(L2_CHOICES, key=lambda l2: np.median(_val_losses(l2)))


def _wins(l2):
    """On how many seeds this strength has the lowest validation loss of the four."""
    return sum(min(L2_CHOICES, key=lambda c: _overfit_run(c, seed).metrics()["val_loss"]) == l2 for seed in SEEDS)


def _test_losses(l2):
    return _test_loss_cached(l2, _trainer_state())


@cache
def _test_loss_cached(l2, state):
    """The test set, touched once: 1000 fresh points of the same noisy moons (seed 100), for each seed's net."""
    from ..data import moons
    from ..losses import cross_entropy
    P, y = moons(1000, noise=OVERFIT["noise"], seed=100)
    return [float(cross_entropy(_overfit_run(l2, seed).outputs(P), np.eye(2)[y])) for seed in SEEDS]


def _spread(values):
    return f"{np.median(values):.2f} ({min(values):.2f} to {max(values):.2f})"


def _regularise_story():
    rows = "; ".join(f"{l2}: {_spread(_val_losses(l2))}" for l2 in L2_CHOICES)
    best = _best_l2()
    val, test = np.median(_val_losses(best)), np.median(_test_losses(best))
    n_val = int(_overfit_run(0, 0).val.sum())
    gap = (f" The test loss is above the validation loss ({val:.2f}): {n_val} validation points are few, so a "
           "validation loss is itself uncertain by several hundredths (lesson 6), and picking the best of four adds "
           "a little flattery on top (lesson 9)." if round(test, 2) > round(val, 2) else "")
    train = "; ".join(f"{l2}: {_spread([_overfit_run(l2, seed).metrics()['train_loss'] for seed in SEEDS])}"
                      for l2 in L2_CHOICES)
    return (f"Validation loss by L2 strength over seeds 0-4, median (range): {rows}. Training loss: {train}. "
            f"{best} is lowest on "
            f"{_wins(best)} of the 5 seeds. The strength is chosen on validation data; only then is the test set "
            f"touched, once: test loss {_spread(_test_losses(best))} on 1000 fresh points.{gap}")


# The budget: at W = 0 the objective is log 2, so where training ends the penalty l2/(2n) sum W^2 is roughly at most
# log 2, and sum W^2 at most 2 n log 2 / l2 (n = 30 training points). The second answer of exercise 6, for l2 = 3.
N_TRAIN, BUDGET_L2 = 30, 3


def _budget(l2=BUDGET_L2, n=N_TRAIN):
    return 2 * n * np.log(2) / l2


def _squares(l2):
    return [sum(float((W ** 2).sum()) for W, _ in _overfit_run(l2, seed).net.params) for seed in SEEDS]


def _budget_story():
    return (f" The budget at l2 = {BUDGET_L2}: sum W^2 up to about 2 * {N_TRAIN} * log 2 / {BUDGET_L2} = "
            f"{_budget():.1f}; the five trained nets end at {_spread(_squares(BUDGET_L2))}, and at l2 = 10 (budget "
            f"{_budget(10):.1f}) at {_spread(_squares(10))}.")


BUDGET_SLIPS = [
    Slip("two", "Half the budget: the penalty is l2/(2n) sum W^2, so solving l2/(2n) sum W^2 = log 2 keeps the 2 "
                "of 2n on the other side.", _budget() / 2),
    Slip("no n", "The penalty divides by n, the number of training points: that n multiplies the budget when you "
                 "solve for sum W^2.", 2 * np.log(2) / BUDGET_L2),
    Slip("all points", "n in the penalty counts the training points only, 30% of the 100.", _budget(n=100)),
    Slip("validation points", "n in the penalty counts the training points, not the 70 validation points.",
         _budget(n=70)),
    Slip("other strength", "That is the budget at l2 = 10; this answer asks for l2 = 3.", _budget(10)),
    Slip("norm", "That is the norm, the square root of sum W^2; the penalty, and this answer, use sum W^2 itself.",
         np.sqrt(_budget())),
    Slip("no l2", "The penalty is multiplied by l2: solving for sum W^2 divides by it too.", _budget(l2=1)),
    Slip("l2 squared", "l2 divides the budget once: the penalty is l2/(2n) sum W^2, with l2 to the first power.",
         _budget() / BUDGET_L2),
    Slip("0.03", "That is the budget at l2 = 0.03, the weakest nonzero brake of the sweep; this answer asks for "
                 "l2 = 3.", _budget(0.03)),
]


SOLUTIONS = {"playground_neurons": 3, "playground_features": "x1_sq, x2_sq", **TANH_SOLUTIONS,
             "playground_regularise": 3, **BOTTLENECK_SOLUTIONS, **FLAT_SOLUTIONS}

SLIPS = {
    "playground_neurons": [
        Slip("one", "One tanh neuron is a soft step along one straight line: no line separates a disc from the "
                    "ring around it.", 1),
        Slip("two", "Two lines can cut out a band between them, not a closed region: points above and below the "
                    "disc fall in the band too.", 2),
        Slip("four", "Four lines make a square around the disc; the question asks for the fewest. Could fewer "
                     "straight lines close a region around it?", 4),
    ],
    "playground_features": [
        Slip("linear", "On x1, x2 one neuron draws one straight line, and no line separates a disc from a ring.",
             "x1, x2"),
        Slip("product", "x1·x2 is positive in two opposite quadrants: its level lines are hyperbolas, not circles.",
             "x1x2"),
        Slip("sine", "On [-1.5, 1.5] sin x only rises, so a straight line in (sin x1, sin x2) is a rising or falling "
                     "curve in the plane: can such a curve close around the inner circle?",
             "sin_x1, sin_x2"),
    ],
    "playground_regularise": [
        Slip("none", "Without a penalty the 30 training points are memorised: the training loss falls close to 0 and "
                     "the validation loss ends above 0.7 on every seed.", 0),
        Slip("weak", "0.03 is too weak to stop the memorising: the training loss still falls close to 0, and the "
                     "validation loss ends above 0.55 on every seed.", 0.03),
        Slip("strong", "10 is so strong that the network underfits: its training loss is as high as its validation "
                       "loss, 0.69 on every seed, so it has not even fitted the points it was shown.", 10),
    ],
    **TANH_SLIPS,
    **BOTTLENECK_SLIPS,
    **FLAT_SLIPS,
}
for _name, _more in MORE.items():
    SLIPS[_name] = SLIPS[_name] + _more


def playground_neurons(prediction, grade=False):
    """Lesson 8, exercise 1 (predict): the fewest tanh neurons in one hidden layer, inputs x1 and x2, whose median
    validation accuracy on the circle over seeds 0-4 reaches 90%."""
    return prediction_check("playground_neurons", prediction, truth=_fewest_neurons,
                            right=_neurons_story, slips=SLIPS["playground_neurons"], near=False,
                            grade=grade)


def playground_features(prediction, grade=False):
    """Lesson 8, exercise 2 (predict): which features let one neuron reach 90% median validation accuracy on the
    circle over seeds 0-4."""
    return prediction_check("playground_features", prediction, truth=_one_neuron_features,
                            options=tuple(FEATURE_CHOICES),
                            right=_features_story, slips=SLIPS["playground_features"],
                            grade=grade)


_UNSET = object()          # `budget` not passed at all: judge the strength alone


def playground_regularise(prediction, budget=_UNSET, grade=False):
    """Lesson 8, exercise 6 (predict): of l2 = 0, 0.03, 3, 10, the one with the lowest median validation loss
    over seeds 0-4 for the overfitting 2-8-8-8-8-2 net on noisy moons; then the test loss of the chosen nets, once.
    `budget`: the largest sum W^2 the penalty leaves at l2 = 3, judged first (it needs no training)."""
    if prediction is None and budget in (None, _UNSET):
        return prediction_check("playground_regularise", None, truth=None, grade=grade)
    if budget is not _UNSET:
        if budget is None:
            return verdict("playground_regularise", "`budget` is still None: put your answer to the budget question in "
                           "the cell above, run that cell, then run this one again.", grade=grade)
        try:
            prediction_check("playground_regularise", budget, truth=_budget, tol=1.0, slips=BUDGET_SLIPS, grade=True,
                             relate=False)
        except NotYet:
            return prediction_check("playground_regularise", budget, truth=_budget, tol=1.0, slips=BUDGET_SLIPS,
                                    relate=False, grade=grade)
    story = (lambda: _regularise_story() + _budget_story()) if budget is not _UNSET else _regularise_story
    return prediction_check("playground_regularise", prediction, truth=_best_l2, tol=1e-9, options=L2_CHOICES,
                            right=story, slips=SLIPS["playground_regularise"], grade=grade)


__all__ = ["playground_neurons", "playground_features", "tanh_output_delta", "playground_regularise",
           "bottleneck_rank", "flat_neurons"]
