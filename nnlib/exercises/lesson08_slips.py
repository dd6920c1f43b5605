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


# --- exercise 5 (derive): identity layers collapse into one --------------------------------------------------
def _product(params):
    W = params[0][0]
    for W_next, _ in params[1:]:
        W = W @ W_next
    return W


def _collapse_first_bias(params):             # b1 carried through every later W, the later biases forgotten
    b = params[0][1]
    for W_next, _ in params[1:]:
        b = b @ W_next
    return _product(params), b


def _collapse_two_layers(params):             # the two-layer formula, the layers after the second ignored
    (W1, b1), (W2, b2) = params[:2]
    return W1 @ W2, b1 @ W2 + b2


def _collapse_first_carried(params):          # b1 carried through the later weights, the later biases added as they are
    b = params[0][1]
    for W_next, _ in params[1:]:
        b = b @ W_next
    return _product(params), b + sum(b_next for _, b_next in params[1:])


def _collapse_sequential(params):             # W updated first, then the bias multiplied by the new (running) W
    W, b = params[0]
    for W_next, b_next in params[1:]:
        W = W @ W_next
        b = b @ W + b_next
    return W, b


def _collapse_elementwise(params):           # * (entry by entry) where the matrix product @ belongs
    W, b = params[0]
    for W_next, b_next in params[1:]:
        W, b = W * W_next, b * W_next + b_next
    return W, b


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
    "collapse_layers": [
        Slip("first bias only", "Only b1 reaches your b: every later layer adds its own bias too, after b1 has been "
                                "multiplied by its weights.", _collapse_first_bias),
        Slip("two layers", "Your b and W are right for two layers only: a third layer (and each one after it) "
                           "multiplies what the first two give and adds its bias again.", _collapse_two_layers),
        Slip("later biases not carried", "b1 is carried through the weights after it, but so is every later bias "
                                         "except the last: b2 passes through W3, and so on.", _collapse_first_carried),
        Slip("sequential update", "The bias is multiplied by the running product W after W was updated: update W and "
                                  "b together from the old values (b @ W_next, not b @ the new W).",
             _collapse_sequential),
        Slip("elementwise", "You multiplied entry by entry (*): composing layers is a matrix product (@), which "
                            "sums over the units in between.", _collapse_elementwise),
    ],
}
