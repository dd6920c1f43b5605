"""Lesson 11 (11_autograd), exercise 4 (predict): a one-sided difference, its cost in forward passes and how its
error shrinks with the step eps, against section 6's central differences. Data for the engine in engine.py."""
import numpy as np

from .engine import Slip, prediction_check

_SIZES = [2, 16, 2]
_STEPS = (1e-2, 1e-3)


def _one_sided_gradient(net, X, y, eps, passes):
    """(J(w + eps e_i) - J(w)) / eps for every weight and bias, the pass at w shared; `passes` counts the forward
    passes."""
    passes[0] += 1
    base = net.loss(X, y)
    grads = []
    for pair in net.params:
        for p in pair:
            g = np.zeros_like(p)
            for i in np.ndindex(p.shape):
                p[i] += eps
                passes[0] += 1
                g[i] = (net.loss(X, y) - base) / eps
                p[i] -= eps
            grads.append(g)
    return grads


def _measured():
    """Run it: the forward passes of one one-sided gradient of a 2-16-2 net, and how many times smaller its error
    (against backprop) gets when eps goes from 1e-2 to 1e-3."""
    from ..data import moons
    from ..mlp import MLP
    X, y = moons(50, noise=0.2, seed=0)
    net = MLP(_SIZES, seed=0)
    exact = [g for pair in net.loss_and_grads(X, y)[1] for g in pair]
    errors, passes = [], [0]
    for eps in _STEPS:
        passes[0] = 0
        numeric = _one_sided_gradient(net, X, y, eps, passes)
        errors.append(np.sqrt(sum(np.sum((n - g) ** 2) for n, g in zip(numeric, exact))))
    return passes[0], round(float(errors[0] / errors[1]), 1)


_P = 2 * 16 + 16 + 16 * 2 + 2


def _one_layer(layer, weights, count, shared):
    """The slip of counting one layer's parameters (and the shared pass at w, or not)."""
    hint = (f"You counted the {layer} layer's parameters only ({weights}): a 2-16-2 net has two layers of weights "
            "and biases, and every one of them is nudged" +
            ("." if shared else "; and the one pass at the unchanged weights is missing too."))
    return Slip(f"{layer} layer" + ("" if shared else ", no baseline"), hint, (count + shared, 10.0))
SOLUTIONS = {"finite_difference_passes": (_P + 1, 10.0)}

SLIPS = {"finite_difference_passes": [
    Slip("no baseline", "A one-sided difference needs J at the unchanged weights too; one pass there serves every "
                        "parameter, so count it once.", (_P, 10.0)),
    Slip("central count", "Two slips give this count: section 6's count for central differences (two nudged passes "
                          "per parameter), where a one-sided difference nudges each parameter once; or the pass at "
                          "the unchanged weights run again for every parameter, where one serves them all.",
         (2 * _P, 10.0)),
    Slip("central order", "The eps^2 error is the central difference's: there the eps^2 J''/2 terms of "
                          "J(w + eps) and J(w - eps) cancel. A one-sided difference keeps that term; what is left, "
                          "divided by eps?",
         (_P + 1, 100.0)),
    Slip("central both", "Both numbers are the central difference's (section 6): this one nudges each parameter once, "
                         "and nothing cancels in its Taylor expansion.", (2 * _P, 100.0)),
    Slip("no baseline, central order", "Two slips. The count: a one-sided difference needs J at the unchanged "
                                       "weights too, and one pass there serves every parameter, so count it once. "
                                       "The factor: the eps^2 error is the central difference's, where the eps^2 "
                                       "J''/2 terms cancel; a one-sided difference keeps that term, so divide it "
                                       "by eps.", (_P, 100.0)),
    Slip("no h", "The error does depend on eps: expand J(w + eps) by Taylor to the eps^2 term and divide by eps.",
         (_P + 1, 1.0)),
    Slip("no biases", "You left out the biases: b1 (16) and b2 (2) are parameters too.", (2 * 16 + 16 * 2 + 1, 10.0)),
    Slip("no biases, no baseline", "You left out the biases (b1 and b2 are parameters too) and the one pass at "
                                   "the unchanged weights, which the one-sided difference needs as well.",
         (2 * 16 + 16 * 2, 10.0)),
    *[_one_layer(layer, weights, count, shared)
      for layer, weights, count in (("first", "W1 and b1", 2 * 16 + 16), ("second", "W2 and b2", 16 * 2 + 2))
      for shared in (True, False)],
    Slip("per parameter", "That is the count for one parameter's nudge; the prompt asks for one full gradient, "
                          "with every parameter of the net nudged in turn.", (1, 10.0)),
    Slip("per parameter, shared", "That is the count for one parameter (its nudged pass and the pass at w); the "
                                  "prompt asks for one full gradient, with every parameter nudged in turn.",
         (2, 10.0)),
    Slip("units", "You counted the units (neurons) of the net: the passes go by parameters, one for each weight "
                  "and each bias.", (2 + 16 + 2 + 1, 10.0)),
    Slip("upside down", "Your factor is below 1: it is the new error over the old one. The prompt asks how many "
                        "times smaller the error gets, old over new, a number above 1.", (_P + 1, 0.1)),
    Slip("upside down, central", "Your factor is below 1, the new error over the old one (the prompt asks how "
                                 "many times smaller it gets, old over new), and the eps^2 order is the central "
                                 "difference's: a one-sided difference keeps the eps J''/2 term.", (_P + 1, 0.01)),
]}


def finite_difference_passes(prediction, grade=False):
    """Lesson 11, exercise 4 (predict): (forward passes of one one-sided-difference gradient of a 2-16-2 net,
    how many times smaller its error gets when eps goes from 1e-2 to 1e-3)."""
    return prediction_check("finite_difference_passes", prediction, truth=_measured, tol=0.5,
                            right="P = 82 parameters, one nudged pass each plus one shared pass at w: 83, just over "
                                  "half of central differences' 164. But J(w + eps) = J + eps J' + eps^2 J''/2 + ..., "
                                  "so (J(w + eps) - J(w)) / eps = J' + eps J''/2 + ...: the error falls only in "
                                  "proportion to eps (10 times), while the central difference's eps^2 error falls 100 "
                                  "times. A gradient check wants the small error, so it pays for the second pass.",
                            slips=SLIPS["finite_difference_passes"], grade=grade)
