"""Lesson 8 (08_playground), exercise 4 (diagnose): a network stuck at 50/50 whose hidden neurons are all flat,
and the one setting that explains both (an L2 penalty so strong that it pulls every weight to about 0). Kept apart
from lesson08.py, which re-exports it. Data for the engine in engine.py; `symptom` runs the experiment the prompt
describes, in the playground's own Trainer."""
from functools import cache

import numpy as np

from .engine import Slip, prediction_check

# The student's run: the default network (2-8-8-2 tanh, lr 0.1, batch size 10) on the circle, 200 epochs,
# with one setting changed. Each option is that one change, as the playground's settings.
OPTIONS = {
    "lr 0.001": {"lr": 0.001},
    "lr 10": {"lr": 10.0},
    "identity": {"activation": "identity"},
    "noise 0.5": {"noise": 0.5},
    "batch size full": {"batch_size": 0},
    "l2 0.03": {"reg": "L2", "reg_rate": 0.03},
    "l2 10": {"reg": "L2", "reg_rate": 10.0},
}
EPOCHS, SEEDS = 200, range(5)


def symptom(option, seed):
    """Run it: the circle, the default network with this one change, 200 epochs, one seed. Returns the training
    loss at epoch 10 and at the end, the validation loss and accuracy, the largest spread (max - min over the
    picture's grid) of any hidden neuron's output, the largest |weight|, the largest |probability - 0.5| over the
    grid, and whether the playground judged the run diverged."""
    from ..playground import training
    state = tuple(map(id, vars(training).values())) + tuple(map(id, vars(training.Trainer).values()))
    return _symptom(option, seed, state)


@cache
def _symptom(option, seed, state):
    from ..playground.training import Trainer
    if option not in OPTIONS:
        raise ValueError(f"option must be one of {list(OPTIONS)}, got {option!r:.60}")
    t = Trainer(seed=seed, dataset="circle", **OPTIONS[option])
    t.train(10)
    early = t.metrics()["train_loss"]
    t.train(EPOCHS - 10)
    m = t.metrics()
    layers = t.grid_activations()
    spread = max(float((a.max(axis=0) - a.min(axis=0)).max()) for a in layers[1:-1])
    weight = max(float(np.abs(W).max()) for W, _ in t.net.params)
    return {"early_loss": early, "train_loss": m["train_loss"], "val_loss": m["val_loss"],
            "val_accuracy": m["val_accuracy"], "neuron_spread": spread, "largest_weight": weight,
            "surest": float(np.abs(layers[-1] - 0.5).max()), "diverged": bool(t.diverged)}


def _largest(option, key):
    return max(symptom(option, seed)[key] for seed in SEEDS)


def _story():
    flat = _largest("l2 10", "neuron_spread")
    flat = "below 0.001" if flat < 1e-3 else f"{flat:.3f}"
    return ("With l2 = 10 the penalty costs more than anything the data can give back, so it pulls every weight to "
            f"about 0 (largest |weight| over seeds 0-4: {_largest('l2 10', 'largest_weight'):.3f}). The biases are "
            "not penalised, so each hidden neuron computes tanh of its bias alone, one value over the whole plane "
            f"(largest spread of a neuron's output: {flat}), and the output says "
            "50/50 everywhere: the loss is log 2 = 0.69 on every point. A network without a bend (identity) sits "
            "near 0.69 on the circle too, since the best line is the flat one by symmetry, as on XOR in section 2; "
            "but its neurons are ramps whose outputs spread by up to "
            f"{_largest('identity', 'neuron_spread'):.1f} over the plane. The neurons' pictures tell the two apart.")


SOLUTIONS = {"flat_neurons": "l2 10"}

SLIPS = {"flat_neurons": [
    Slip("tiny step", "A tiny step leaves the network near its random start: its hidden neurons keep the soft "
                      "steps of their random starting weights, each shading across the plane, not one flat colour.",
         "lr 0.001"),
    Slip("huge step", "A step that large throws the loss far above 0.69 (to 4 or more) and the playground reports "
                      "the run as diverged; this loss sits at 0.69.", "lr 10"),
    Slip("no bend", "A network without a bend does sit near 0.69 on the circle (the best line is the flat one, as on "
                    "XOR in section 2), but its hidden neurons are ramps over the plane, not flat: what could make "
                    "every neuron's output the same everywhere?", "identity"),
    Slip("noise", "Noisier points blur the circle, but the network still learns part of it: the training loss falls "
                  "well below 0.69, and its neurons shade across the plane.", "noise 0.5"),
    Slip("full batch", "Full batches mean one step per epoch, slower but still downhill: within 200 epochs the "
                       "training loss falls below 0.69, and the neurons keep their shading.", "batch size full"),
    Slip("weak penalty", "A penalty this weak hardly holds the weights back: the network learns the circle, and its "
                         "training loss falls far below 0.69.", "l2 0.03"),
]}


def flat_neurons(prediction, grade=False):
    """Lesson 8, exercise 4 (diagnose): which one change to the default network on the circle leaves the loss at
    0.69 and every hidden neuron's output flat over the plane."""
    return prediction_check("flat_neurons", prediction, truth=SOLUTIONS["flat_neurons"], options=tuple(OPTIONS),
                            right=_story, slips=SLIPS["flat_neurons"], grade=grade)


__all__ = ["flat_neurons"]
