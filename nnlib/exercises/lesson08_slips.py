"""More typical wrong answers for lesson 8's checks (08_playground), kept apart from lesson08.py so each file
stays short: `MORE[name]` is appended to lesson08.SLIPS[name]. Data for the engine in engine.py."""
import numpy as np

from .engine import Slip


# --- exercise 3 (derive): the output delta of a regression network --------------------------------------------
def _delta_half(y_hat, y):                    # kept the 1/2 of J and dropped the 2 of the square
    return (y_hat - y) / (2 * y.shape[0])


def _delta_loss(y_hat, y):                    # the loss's own terms, not their derivative
    return (y_hat - y) ** 2 / (2 * y.shape[0])


def _delta_sum(y_hat, y):                     # the errors added up into one number
    return np.sum(y_hat - y)


def _delta_tanh(y_hat, y):                    # multiplied by tanh's slope, as for a hidden layer
    return (y_hat - y) * (1 - y_hat ** 2) / y.shape[0]


def _delta_flat(y_hat, y):                    # right numbers, flattened to shape (n,)
    return ((y_hat - y) / y.shape[0]).ravel()


MORE = {
    "playground_neurons": [
        Slip("zero", "With no hidden neuron the output alone draws one straight line, and no line separates a disc "
                     "from the ring around it.", 0),
        Slip("eight", "8 neurons do reach 95%, but the question is the fewest: how many straight lines does it take "
                      "to close a shape around the disc?", 8),
        Slip("five", "Five lines make a pentagon around the disc, and it reaches 95%, but fewer lines already close "
                     "a shape around it.", 5),
        Slip("six", "Six neurons reach 95% too (a hexagon is rounder), but the question is the fewest that do.", 6),
    ],
    "regression_delta": [
        Slip("half", "Half too small: the 2 that comes down from the square cancels the 1/2 in J; you kept the 1/2 "
                     "and dropped the 2.", _delta_half),
        Slip("loss", "That is the loss's own terms (y_hat - y)^2 / (2n), not their derivative: differentiate the "
                     "square.", _delta_loss),
        Slip("sum", "delta has one entry per sample, shape (n, 1): you added the errors up into one number.",
             _delta_sum),
        Slip("tanh", "You multiplied by 1 - y_hat^2, a tanh's slope; the output of a regression network is linear "
                     "(identity), whose slope is 1.", _delta_tanh),
        Slip("flat", "The numbers are right, but the shape is (n,): keep the column shape (n, 1) of y_hat (no "
                     "ravel or flatten).", _delta_flat),
    ],
}
