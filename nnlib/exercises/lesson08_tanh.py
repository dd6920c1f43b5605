"""Exercise check for lesson 8 (08_playground): the output delta of a regression network with a tanh output
(exercise 3, derive). Kept apart from lesson08.py, which re-exports it, so each file stays short. Data for the
engine in engine.py.

The playground's regression output is linear, whose delta lesson 5 derived. Here the output is y_hat = tanh(z)
with the same loss J = 1/(2n) sum (y_hat - y)^2, so the chain rule adds tanh's slope, written with y_hat:
delta = dJ/dz = (y_hat - y) (1 - y_hat^2) / n. It vanishes where the output saturates, y_hat = +-1, whatever y.

The second part, `hardest`, reads the formula: for the target y = -1, the output y_hat at which |delta| is largest.
|delta| = (1 + y_hat)^2 (1 - y_hat) / n peaks at y_hat = 1/3: an output wronger than that is pushed back less."""
import numpy as np

from .engine import Slip, function_check
from .predict import prediction_check
from .reply import NotYet, verdict


def _delta(y_hat, y):
    return (y_hat - y) * (1 - y_hat ** 2) / y.shape[0]


def _linear(y_hat, y):                  # the linear output's delta: tanh's slope left out
    return (y_hat - y) / y.shape[0]


def _no_n(y_hat, y):                    # the 1/n of the mean forgotten
    return (y_hat - y) * (1 - y_hat ** 2)


def _sign(y_hat, y):                    # differentiated with the wrong sign
    return (y - y_hat) * (1 - y_hat ** 2) / y.shape[0]


def _two(y_hat, y):                     # the 2 of the square kept although J has a 1/2
    return 2 * (y_hat - y) * (1 - y_hat ** 2) / y.shape[0]


def _tanh_again(y_hat, y):              # tanh's slope 1 - tanh(.)^2 taken at y_hat, as if y_hat were z
    return (y_hat - y) * (1 - np.tanh(y_hat) ** 2) / y.shape[0]


def _sigmoid(y_hat, y):                 # a sigmoid's slope y_hat (1 - y_hat)
    return (y_hat - y) * y_hat * (1 - y_hat) / y.shape[0]


def _unsquared(y_hat, y):               # the slope 1 - y_hat, without the square
    return (y_hat - y) * (1 - y_hat) / y.shape[0]


def _bent(slope):
    """The delta with tanh's slope replaced by `slope(y_hat, y)` (the slips in the slope)."""
    return lambda y_hat, y: (y_hat - y) * slope(y_hat, y) / y.shape[0]


def _no_error(y_hat, y):                # tanh's slope over n, the error y_hat - y left out
    return (1 - y_hat ** 2) / y.shape[0]


def _no_target(y_hat, y):               # the error taken as y_hat alone
    return y_hat * (1 - y_hat ** 2) / y.shape[0]


def _half(y_hat, y):                    # J's 1/2 kept though the square's 2 cancels it
    return _delta(y_hat, y) / 2


def _mean(y_hat, y):                    # one number, not one delta per sample
    return np.mean((y_hat - y) * (1 - y_hat ** 2))


def _in_place(y_hat, y):                # right numbers, but overwrites y_hat
    slope = 1 - y_hat ** 2
    y_hat -= y
    y_hat *= slope / y.shape[0]
    return y_hat


def _flat(y_hat, y):                    # right numbers, flattened to shape (n,)
    return _delta(y_hat, y).ravel()


SOLUTIONS = {"tanh_output_delta": _delta}

SLIPS = {
    "tanh_output_delta": [
        Slip("linear", "That is the delta of a linear output: here y_hat = tanh(z), so the chain rule multiplies by "
                       "tanh's slope dy_hat/dz as well.", _linear),
        Slip("no_n", "Every entry is n times too large: J is a mean, so its derivative keeps the 1/n.", _no_n),
        Slip("sign", "The sign is flipped: when y_hat rises above y, J grows, so dJ/dy_hat is positive there.", _sign),
        Slip("two", "Twice too large: the 1/2 in J = 1/(2n) sum (y_hat - y)^2 cancels the 2 of the square.", _two),
        Slip("tanh again", "You applied tanh twice: tanh'(z) = 1 - tanh(z)^2, and y_hat is already tanh(z), so "
                           "write the slope with y_hat itself, without another tanh.", _tanh_again),
        Slip("sigmoid", "You multiplied by y_hat (1 - y_hat), a sigmoid's slope; this output is a tanh.", _sigmoid),
        Slip("unsquared", "Your slope 1 - y_hat is not tanh's: it differs at y_hat and -y_hat, while tanh is odd "
                          "(tanh(-z) = -tanh(z)), so its slope is the same at z and -z. Write tanh' = 1 - tanh^2 "
                          "with y_hat.", _unsquared),
        Slip("square of difference", "(1 - y_hat)^2 squares the wrong thing: it differs at y_hat and -y_hat, while "
             "tanh is odd, so its slope is the same at z and -z. Write tanh' = 1 - tanh^2 with y_hat.",
             _bent(lambda y_hat, y: (1 - y_hat) ** 2)),
        Slip("plus", "Your slope grows as y_hat nears +-1, but tanh levels off there, so its slope must shrink: "
                     "check the sign in tanh' = 1 - tanh^2.", _bent(lambda y_hat, y: 1 + y_hat ** 2)),
        Slip("at target", "You took tanh's slope at the target y: the chain rule takes it where the output is, at "
                          "y_hat = tanh(z), whatever y is.", _bent(lambda y_hat, y: 1 - y ** 2)),
        Slip("slope twice", "You multiplied by tanh's slope twice: there is one tanh between z and y_hat, so the "
                            "chain rule brings its slope once.", _bent(lambda y_hat, y: (1 - y_hat ** 2) ** 2)),
        Slip("no error", "Your delta leaves out the error y_hat - y: it is not 0 where y_hat = y, though the loss "
                         "can fall no further there. dJ/dy_hat comes first in the chain rule.", _no_error),
        Slip("no target", "Your delta leaves out the target: dJ/dy_hat of (y_hat - y)^2 / (2n) holds y too.",
             _no_target),
        Slip("z squared", "You squared z (the arctanh of y_hat) in the slope: tanh' = 1 - tanh(z)^2 squares tanh(z), "
                          "the output, not z.", _bent(lambda y_hat, y: 1 - np.arctanh(y_hat) ** 2)),
        Slip("divided", "You divided by tanh's slope: the chain rule multiplies dJ/dy_hat by dy_hat/dz.",
             _bent(lambda y_hat, y: 1 / (1 - y_hat ** 2))),
        Slip("half", "The 1/2 of J is still there: differentiating the square brings a 2 that cancels it.", _half),
        Slip("mean", "delta has one entry per sample, shape (n, 1), like y_hat: do not average it away.", _mean),
        Slip("in_place", "The numbers are right, but you changed y_hat in place (y_hat -= ...): build a new array.",
             _in_place),
        Slip("flat", "The numbers are right, but the shape is (n,): keep the column shape (n, 1) of y_hat.", _flat),
    ],
}

CASES = [(np.array([[0.5], [-0.2], [0.9]]), np.array([[0.3], [0.1], [0.9]])),
         (np.array([[0.99], [0.0]]), np.array([[-1.0], [0.5]])),
         (np.linspace(-0.95, 0.95, 5)[:, None], np.zeros((5, 1)))]


RIGHT = ("The chain rule: dJ/dy_hat = (y_hat - y)/n, times tanh's slope 1 - tanh(z)^2 = 1 - y_hat^2. Where the "
         "output saturates (y_hat near +-1) delta is near 0 even if y is at the other end.")
_UNSET = object()          # `hardest` not passed at all: judge the function alone


def _hardest():
    """Run it: |delta| of one point with target -1 over outputs from -1 to 1; where it is largest."""
    y_hat = np.linspace(-1, 1, 200_001)[:, None]
    return float(y_hat[np.argmax(np.abs(_delta(y_hat, -np.ones_like(y_hat))))][0])


def _hardest_story():
    top = abs(_delta(np.array([[_hardest()]]), np.array([[-1.0]])))[0, 0]
    far = abs(_delta(np.array([[0.99]]), np.array([[-1.0]])))[0, 0]
    return (f"{RIGHT} With y = -1, |delta| = (1 + y_hat)^2 (1 - y_hat) / n, whose slope (1 + y_hat)(1 - 3 y_hat) / n "
            f"is 0 at y_hat = 1/3. For one point, |delta| is {top:.2f} there and {far:.2f} at y_hat = 0.99: past 1/3, "
            "the wronger the output, the weaker the push back, so a confidently wrong output learns slowest.")


HARDEST_SLIPS = [
    Slip("furthest", "The error y_hat - y is largest at the far end, but tanh's slope 1 - y_hat^2 falls to 0 there: "
                     "delta is their product, so find where the product is largest.", 1.0),
    Slip("edge", "At 0.99 tanh's slope 1 - y_hat^2 is only about 0.02: delta is the error times that slope, so look "
                 "for where the product peaks, not where the error does.", 0.99),
    Slip("steepest", "y_hat = 0 is where tanh's slope is largest, but the error keeps growing past it: maximise the "
                     "whole product (y_hat - y)(1 - y_hat^2), not the slope alone.", 0.0),
    Slip("other target", "That is where the push is largest for the target +1; here y = -1, so the error is "
                         "y_hat - (-1) = y_hat + 1.", -1 / 3),
    Slip("no target", "You maximised y_hat (1 - y_hat^2), leaving the target out of the error: with y = -1 the "
                      "error is y_hat + 1.", 3 ** -0.5),
    Slip("right answer", "At y_hat = -1 the output equals the target, so the error and delta are 0 there: the "
                         "question asks where delta is largest.", -1.0),
]


def tanh_output_delta(fn, hardest=_UNSET, grade=False):
    """Lesson 8, exercise 3 (derive): tanh_output_delta(y_hat, y) -> dJ/dz for y_hat = tanh(z) and
    J = 1/(2n) sum (y_hat - y)^2, shape (n, 1), from y_hat and y alone; then `hardest`, the output y_hat at
    which |delta| is largest for the target y = -1 (judged once the function is right)."""
    def function(grade):
        return function_check("tanh_output_delta", fn, reference=_delta, cases=CASES, outputs=("delta",),
                              slips=SLIPS["tanh_output_delta"], pure=True, grade=grade, right=RIGHT)
    if hardest is _UNSET:
        return function(grade)
    try:
        function(True)
    except NotYet:
        return function(grade)
    if hardest is None:
        return verdict("tanh_output_delta", "your function is right; `hardest` is still None: put your answer to the "
                       "second question in the cell above, run that cell, then run this one again.", grade=grade)
    return prediction_check("tanh_output_delta", hardest, truth=_hardest, tol=0.01, right=_hardest_story,
                            slips=HARDEST_SLIPS, relate=False, grade=grade)


__all__ = ["tanh_output_delta"]
