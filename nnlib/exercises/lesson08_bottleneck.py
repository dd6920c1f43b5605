"""Exercise check for lesson 8 (08_playground): a bottleneck without a bend (exercise 5, predict). Kept apart
from lesson08.py, which re-exports it, so each file stays short. Data for the engine in engine.py.

The truth is a run: the playground's own Trainer (seed 0, fixed data, so the same on every machine) trains a
2-8-1-8-3 identity network on three gaussian classes; its layers are collapsed into one, X W + b (lesson 2's
rule, layer after layer), and the check counts the rank of W and the directions of the three boundaries, where
two classes' scores are equal: (W[:, i] - W[:, j]) . x + (b[i] - b[j]) = 0."""
from functools import cache

import numpy as np

from .engine import Slip, prediction_check
from .partial import Part, part_slips

BLOBS = {"dataset": "gaussian", "classes": 3, "noise": 0.5, "activation": "identity", "seed": 0}
SQUEEZED, WIDE = (8, 1, 8), (8, 8, 8)


def collapse(params):
    """The single layer (W, b) that computes what identity layers compute: each bias carried through the
    weights after it."""
    W, b = params[0]
    for W_next, b_next in params[1:]:
        W, b = W @ W_next, b @ W_next + b_next
    return W, b


def directions(W):
    """How many different directions the boundaries between pairs of classes have: their normals
    W[:, i] - W[:, j], each up to its length and sign."""
    found = []
    for i in range(W.shape[1]):
        for j in range(i + 1, W.shape[1]):
            n = W[:, i] - W[:, j]
            if np.linalg.norm(n) > 1e-9 * np.linalg.norm(W):
                n = n / np.linalg.norm(n)
                if not any(abs(n @ m) > 1 - 1e-9 for m in found):
                    found.append(n)
    return len(found)


def _run(neurons):
    from ..playground import training
    state = tuple(map(id, vars(training).values())) + tuple(map(id, vars(training.Trainer).values()))
    return _trained(neurons, state)


@cache
def _trained(neurons, state, seed=0):
    """(rank of the collapsed W, boundary directions, validation accuracy) after 200 epochs (40 frames of 5)."""
    from ..playground.training import Trainer
    t = Trainer(**{**BLOBS, "seed": seed}, neurons=list(neurons))
    t.train(200)
    W, _ = collapse(t.net.params)
    return int(np.linalg.matrix_rank(W)), directions(W), t.metrics()["val_accuracy"]


def _accuracies(neurons):
    """Validation accuracy on seeds 0-4 (five data sets, splits and starting weights)."""
    from ..playground import training
    state = tuple(map(id, vars(training).values())) + tuple(map(id, vars(training.Trainer).values()))
    return [_trained(neurons, state, seed)[2] for seed in range(5)]


def _squeezed():
    """Run it: the rank of the 2-8-1-8-3 network's collapsed W, and its boundaries' directions."""
    return _run(SQUEEZED)[:2]


def _spread(values):
    return f"{np.median(values):.2f} ({min(values):.2f} to {max(values):.2f})"


def _story():
    (r1, d1, _), (r2, d2, _) = _run(SQUEEZED), _run(WIDE)
    squeezed, wide = _accuracies(SQUEEZED), _accuracies(WIDE)
    cost = (f" The three blobs sit at the corners of a triangle, not in a row, so bands cost accuracy: validation "
            f"accuracy on seeds 0-4, median (range), {_spread(squeezed)} squeezed against {_spread(wide)} wide."
            if np.median(squeezed) < np.median(wide) else "")
    return (f"W = W1 W2 W3 W4 passes through one number per point, so it is a column times a row, W = u v, and "
            "every class score is an affine function of the same number X u: the boundaries are parallel lines and "
            "the three classes can only be parallel bands, one after another along u. The run (seed 0): "
            f"2-8-1-8-3, rank {r1}, {d1} direction; without the squeeze (2-8-8-8-3), rank {r2}, {d2} directions, "
            f"which meet at a point.{cost}")


SOLUTIONS = {"bottleneck_rank": (1, 1)}

SLIPS = {
    "bottleneck_rank": [
        Slip("wide", "That is the picture without the squeeze (2-8-8-8-3). Here W = W1 W2 W3 W4 passes through the "
                     "middle layer: how many numbers per point does that layer hand on to the rest?", (2, 3)),
        Slip("shape", "The rank is at most min(2, 3) for a 2 x 3 matrix, but a product's rank is also at most the "
                      "rank of each factor: look at the 1-unit bottleneck in the middle, W2 (8 x 1) and W3 (1 x 8).",
             (2, 1)),
        Slip("classes", "A 2 x 3 matrix has rank at most 2 (it has two rows); and the 1-unit layer in the middle "
                        "lowers that further.", (3, 3)),
        Slip("width", "8 is the width of the other hidden layers, but W itself is only 2 x 3, so its rank is at most "
                      "2; and the product also passes through the 1-unit bottleneck, which limits it further.", (8, 3)),
        Slip("pairs", "The rank is right. Write each boundary's normal W[:, i] - W[:, j] in terms of the columns of W: "
                      "with that rank, what do the three normals have in common?", (1, 3)),
        Slip("lines", "The rank is right, and there can be two boundary lines between neighbouring bands; but the "
                      "question counts directions, not lines. What do the normals W[:, i] - W[:, j] have in common "
                      "when W has rank 1?", (1, 2)),
        Slip("zero", "The 1-unit layer passes one number per point on, not none: W is not all zero, so some "
                     "class can still win over another somewhere.", (0, 0)),
    ],
}

# A wrong value of one of the two numbers, named whatever the other one is.
PARTS = [
    Part(0, 3, "The rank cannot be 3: a 2 x 3 matrix has two rows, so its rank is at most 2, and the 1-unit "
               "layer in the middle lowers that further."),
    Part(0, 8, "8 is the width of the other hidden layers, but W itself is only 2 x 3 (rank at most 2), and the "
               "product also passes through the 1-unit bottleneck."),
    Part(0, 2, "A rank of 2 is the most a 2 x 3 matrix can have, but W = W1 W2 W3 W4 is a product, and a product's "
               "rank is at most each factor's: look at the 1-unit bottleneck, W2 (8 x 1) and W3 (1 x 8)."),
    Part(0, 0, "A rank of 0 means W is all zero, every class scoring the same everywhere: the 1-unit layer passes "
               "one number per point on, not none."),
    Part(1, 3, "Three directions would mean three boundaries meeting at a point, one per pair of classes; count "
               "how many different directions the normals W[:, i] - W[:, j] can take when W has the rank you found."),
    Part(1, 2, "Count directions, not lines: what do the normals W[:, i] - W[:, j] have in common when W has the "
               "rank you found?"),
    Part(1, 0, "No boundary at all would mean one class wins everywhere; where each of the three classes wins "
               "somewhere, there are boundary lines between them, each with a direction."),
]


def bottleneck_rank(prediction, grade=False):
    """Lesson 8, exercise 5 (predict): (rank of the collapsed W, number of boundary directions) for a 2-8-1-8-3
    network with identity activations trained on three gaussian classes."""
    return prediction_check("bottleneck_rank", prediction, truth=_squeezed, right=_story,
                            slips=SLIPS["bottleneck_rank"] + part_slips(prediction, 2, PARTS), grade=grade)


__all__ = ["bottleneck_rank"]
