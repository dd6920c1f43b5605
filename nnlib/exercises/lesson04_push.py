"""Exercise check for lesson 4 (04_backprop), exercise 4: at which output y_hat squared error pushes hardest on
z2 for a sample labelled 1. Kept apart from lesson04.py, which re-exports it, so each file stays short. Data for
the engine in engine.py."""
import numpy as np

from .engine import Slip, prediction_check
from .predict import as_real

TOL = 0.01


def _strongest_push():
    """Run it: sweep z2 finely, take squared error's |delta2| for one sample with y = 1 (n = 1) through the
    library's sigmoid, and return the output y_hat where it is largest, to 3 decimals."""
    from ..layers import sigmoid
    y_hat = sigmoid(np.linspace(-12.0, 12.0, 2_400_001))
    push = np.abs((y_hat - 1.0) * y_hat * (1 - y_hat))
    return round(float(y_hat[np.argmax(push)]), 3)


SOLUTIONS = {"strongest_push": 1 / 3}

PERCENT = ("y_hat is a probability, a number between 0 and 1, not a percentage: give it as a fraction of 1.")
ROUNDED = ("Close, but rounded too coarsely for the 0.01 allowed: find the exact y_hat where the derivative is zero, "
           "then give it to 2 or 3 decimals.")

SLIPS = {
    "strongest_push": [
        Slip("slope alone", "0.5 is where the sigmoid's slope alone, y_hat (1 - y_hat), is largest. The push also "
             "carries the error factor |y_hat - y| = 1 - y_hat, which grows as y_hat falls: find the peak of the "
             "whole product. (If a derivative gave you 0.5, redo the chain rule on (1 - y_hat)^2.)", 0.5),
        Slip("most wrong", "At y_hat = 0 the error is largest, but the slope y_hat (1 - y_hat) is 0 there, so the "
             "push is 0: the most wrong sample is not pushed hardest. Write |delta2| as one function of y_hat and "
             "set its derivative to zero.", 0.0),
        Slip("target 0", "2/3 is the peak for a target of 0, where the error is y_hat itself; here y = 1, so the "
             "error is 1 - y_hat. (Or did you report 1 - y_hat instead of y_hat?)", 2 / 3),
        Slip("other root", "The derivative is zero at y_hat = 1 too, but there the push is 0, its smallest value, "
             "not its largest: which other y_hat makes the derivative zero?", 1.0),
        Slip("peak size", "0.148 looks like the size of the largest push, |delta2| itself; the question asks at "
             "which y_hat it is reached.", 4 / 27),
        Slip("slope's top", "1/4 is where y_hat (1 - y_hat)^3 peaks, the error counted twice: the cost squares the "
             "error, but its derivative carries it once, (y_hat - y), times the slope. (1/4 is also the largest "
             "value of the slope itself, a size, not a y_hat.)", 0.25),
        Slip("z2", "That looks like z2 at the peak, the sigmoid's input; the question asks for its output "
             "y_hat = sigma(z2) there.", float(np.log(0.5))),
        Slip("z2 size", "That looks like ln 2, a value of z2, the sigmoid's input; the question asks for y_hat, "
             "its output sigma(z2), a probability.", float(np.log(2))),
        Slip("inverted root", "A y_hat of 3 is outside what a sigmoid can give (always between 0 and 1): an equation "
             "solved the wrong way round? Solve the derivative's factors for y_hat again.", 3.0),
        Slip("rounded", ROUNDED, 0.3),
    ],
}


def _as_percent(prediction):
    """The hint for a y_hat given as a percentage (10 to 100), else None."""
    value = as_real(prediction)
    return PERCENT if value is not None and 10 <= value <= 100 else None


def strongest_push(prediction, grade=False):
    """Lesson 4, exercise 4 (derive): the output y_hat at which squared error's |delta2| is largest, for one
    sample with y = 1 and a sigmoid output."""
    return prediction_check("strongest_push", prediction, truth=_strongest_push, tol=TOL,
                            right="Squared error's push is y_hat (1 - y_hat)^2, whose derivative "
                                  "(1 - y_hat)(1 - 3 y_hat) is zero at 1/3 (the peak) and at 1 (no push). Below 1/3 "
                                  "the push falls, to 0 at y_hat = 0: squared error pushes weakest on the samples "
                                  "that are most confidently wrong: the small delta2 this lesson measured at the "
                                  "saturated start (486 times smaller at epoch 1, back to 0.1 by epoch 41). "
                                  "Cross-entropy's push, 1 - y_hat, is largest there.",
                            slips=SLIPS["strongest_push"], advice=_as_percent, grade=grade)
