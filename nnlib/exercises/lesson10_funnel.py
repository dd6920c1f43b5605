"""Exercise check for lesson 10 (10_depth), section 2: how the spread of the backward signal changes down a funnel of
ReLU layers drawn with He's scale (exercise 2). Kept apart from lesson10.py, which re-exports it, so each file stays
short. Data for the engine in engine.py."""
from functools import cache

import numpy as np

from .engine import Slip, prediction_check

FUNNEL = (512, 128, 32, 8)       # the inputs' width, then three ReLU layers, each 4 times narrower
SAMPLES, NETS = 1000, range(8)


def _delta_stds(widths, seed):
    """The std of delta = dJ/dz at each ReLU layer, from the top down, for one random funnel: He's scale, zero
    biases, N(0, 1) inputs, and an N(0, 1) delta at the top passed down as
    delta_(l-1) = (delta_l W_l^T) * f'(z_(l-1))."""
    rng = np.random.RandomState(seed)
    a, weights, zs = rng.randn(SAMPLES, widths[0]), [], []
    for n_in, n_out in zip(widths[:-1], widths[1:]):
        weights.append(rng.randn(n_in, n_out) * np.sqrt(2 / n_in))
        zs.append(a @ weights[-1])
        a = np.maximum(zs[-1], 0)
    delta, stds = rng.randn(SAMPLES, widths[-1]), []
    stds.append(delta.std())
    for W, z_below in zip(weights[:0:-1], zs[-2::-1]):
        delta = (delta @ W.T) * (z_below > 0)
        stds.append(delta.std())
    return np.array(stds)


def _funnel_factor(widths=FUNNEL, seeds=NETS):
    """Run it: std of delta_(l-1) / std of delta_l, the geometric mean over the funnel's layers, averaged over
    the random funnels drawn with `seeds`."""
    return float(np.mean([np.exp(np.mean(np.diff(np.log(_delta_stds(widths, seed))))) for seed in seeds]))


@cache
def _measured():
    """The run behind the truth, once per session (numpy alone, drawn from fixed seeds)."""
    return _funnel_factor()


def _funnel_story():
    measured = _measured()
    return ("Each entry of delta_(l-1) sums n_out terms delta_l W, each of variance s^2 Var delta_l, and the ReLU's "
            "slope is 1 on about half of the units and 0 on the rest, so E[f'(z)^2] = 1/2: Var delta_(l-1) = "
            "n_out (2 / n_in) (1/2) Var delta_l = (n_out / n_in) Var delta_l, a quarter here, and the std halves "
            f"at every layer on the way down (measured over {len(NETS)} funnels: {measured:.2f}). He's scale keeps "
            "the forward spread; it keeps the backward one only where n_out = n_in, which is why Glorot's "
            "compromise uses both.")


SOLUTIONS = {"funnel_backward": 0.5}

SLIPS = {
    "funnel_backward": [
        Slip("kept", "He's scale keeps the forward spread, because each unit sums n_in inputs. On the way down each "
                     "entry of delta sums over the n_out units of the layer above, and in this funnel n_out is not "
                     "n_in.", 1.0),
        Slip("variance", "Check whether your factor is for the variance of delta or for its standard deviation: the "
                         "question asks for the standard deviation.", 0.25),
        Slip("no half", "The ReLU's slope f'(z) is 1 where z > 0 and 0 elsewhere: on the way down it zeroes about "
                        "half of delta's entries, and so halves its second moment. Your factor leaves that out.",
             float(np.sqrt(0.5))),
        Slip("upside down", "Your factor is upside down: it grows where the spread shrinks. Going down, each entry "
                            "of delta_(l-1) sums over the n_out units of the layer above, and in a funnel those are "
                            "fewer than the n_in that He's scale was made for: fewer terms make a smaller sum, not a "
                            "larger one.", 2.0),
        Slip("width ratio", "4 is the ratio of the widths, n_in / n_out. Follow the variance of one entry of "
                            "delta_(l-1): how many terms does it sum, what variance does each have with He's scale, "
                            "and what does the ReLU's slope do to it?", 4.0),
        Slip("lecun", "Your factor fits weights of variance 1 / n_in, LeCun's; He's scale has variance 2 / n_in, "
                      "twice that.", float(np.sqrt(1 / 8))),
        Slip("forward sum", "You followed the forward pass: summed over the n_in inputs of a unit, and left out the "
                            "ReLU's slope. Going down, an entry of delta_(l-1) sums over the n_out units of the "
                            "layer above, and f'(z) zeroes the entries whose unit was off.", float(np.sqrt(2))),
        Slip("whole funnel", "That is the change over more than one layer of the funnel; the question asks for the "
                             "factor from one layer to the next one below it.", 0.125),
        Slip("whole funnel, variance", "That is a change of the variance, and over more than one layer: the "
                                       "question asks for the standard deviation, from one layer to the next.",
             0.0625),
        Slip("upside down, no half", "Two things: your factor grows where the spread shrinks (going down, each "
                                     "entry sums over the fewer n_out units above), and it leaves out the ReLU's "
                                     "slope, which zeroes about half of delta's entries.", float(np.sqrt(2 * 4))),
        Slip("gone", "The spread shrinks on the way down but does not vanish in one layer: a funnel's layer still "
                     "sums n_out terms of delta, each scaled by the weights.", 0.0),
    ],
}


def _as_percent(prediction):
    """The hint for a percentage given where a factor is asked."""
    try:
        value = float(prediction)
    except (TypeError, ValueError):
        return None
    if 10 <= value <= 100:
        return ("That reads like a percentage; give the factor as a plain number: the std of delta one layer down "
                "divided by the std of delta in the layer above.")
    return None


def funnel_backward(prediction, grade=False):
    """Lesson 10, exercise 2 (predict): the factor by which the std of delta changes from one layer to the one
    below it, down a funnel of ReLU layers (each 4 times narrower than its input) drawn with He's scale."""
    return prediction_check("funnel_backward", prediction, truth=lambda: round(_measured(), 2), tol=0.05,
                            right=_funnel_story, slips=SLIPS["funnel_backward"], advice=_as_percent,
                            grade=grade)


__all__ = ["funnel_backward"]
