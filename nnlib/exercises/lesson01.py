"""Exercise checks for lesson 1 (01_perceptron): data for the engine in engine.py (plumbing, not lesson)."""
import numpy as np

from .engine import Answers, Case, Slip, function_check, prediction_check
from .lesson01_and_not import _AND_NOT, _AND_NOT_SLIPS, _X, _and_not_diagnosis, _neuron, _step
from .predict import as_reals

_NAND = np.array([1, 1, 1, 0])


def _distance(X, w, b):
    return (X @ w + b) / np.linalg.norm(w)


def _first_epoch_nand():
    from ..perceptron import Perceptron
    p = Perceptron(lr=1.0, epochs=1).fit(_X, _NAND)
    return (float(p.w_[0]), float(p.w_[1]), float(p.b_))


def _history(X, y, lr, epochs):
    w, b, rows = np.zeros(X.shape[1]), 0.0, []
    for _ in range(epochs):
        for x_i, y_i in zip(X, y):
            update = lr * (y_i - _step(x_i @ w + b))
            w, b = w + update * x_i, b + update
        rows.append(w)
    return np.array(rows)


def _history_slip(where):
    """weight_history with a typical bug: 'alias', 'per sample', 'before', 'short', 'start', 'with b', 'reset'."""
    def history(X, y, lr, epochs):
        w, b, rows = np.zeros(X.shape[1]), 0.0, []
        if where == "start":
            rows.append(w.copy())
        for _ in range(epochs - (where == "short")):
            if where == "reset":
                w, b = np.zeros(X.shape[1]), 0.0
            if where == "before":
                rows.append(w.copy())
            for x_i, y_i in zip(X, y):
                update = lr * (y_i - _step(x_i @ w + b))
                w += update * x_i
                b += update
                if where == "per sample":
                    rows.append(w.copy())
            if where == "alias":
                rows.append(w)
            elif where in ("short", "start", "reset"):
                rows.append(w.copy())
            elif where == "with b":
                rows.append(np.append(w, b))
        return np.array(rows)
    return history


def _distance_in_place(X, w, b):
    length = np.linalg.norm(w)
    w /= length
    return X @ w + b / length


SOLUTIONS = {
    "and_not_weights": Answers((np.array([1.0, -1.0]), -0.5)),
    "signed_distance": _distance,
    "first_epoch_nand": (-1.0, -1.0, -1.0),
    "weight_history": _history,
}
SLIPS = {
    "and_not_weights": [Slip(name, _and_not_diagnosis(*answer), answer) for name, answer in _AND_NOT_SLIPS],
    "signed_distance": [
        Slip("z", "You returned z = X @ w + b: divide by the length of w, ||w||, to turn z into a distance.",
             lambda X, w, b: X @ w + b),
        Slip("norm squared", "You divided by ||w||^2 (w @ w): the length of w is its square root.",
             lambda X, w, b: (X @ w + b) / (w @ w)),
        Slip("unsigned", "Your distances have no sign: keep it, positive on the side w points to.",
             lambda X, w, b: np.abs(X @ w + b) / np.linalg.norm(w)),
        Slip("L1", "You divided by |w1| + |w2|: the length of w is sqrt(w1^2 + w2^2).",
             lambda X, w, b: (X @ w + b) / np.abs(w).sum()),
        Slip("with b", "You divided by the length of (w, b): b only shifts the line, so the distance uses the "
             "length of w alone, ||w||.", lambda X, w, b: (X @ w + b) / np.sqrt(w @ w + b ** 2)),
        Slip("flipped", "Your signs are the wrong way round: the distance is positive on the side w points to, "
             "where z = x . w + b > 0.", lambda X, w, b: -(X @ w + b) / np.linalg.norm(w)),
        Slip("no b", "You left b out: the distance is from the line X @ w + b = 0, which b shifts away from the "
             "origin.", lambda X, w, b: X @ w / np.linalg.norm(w)),
        Slip("precedence", "Only b was divided by ||w||: / binds before +, so X @ w + b / ... divides b alone; "
             "put z in parentheses.", lambda X, w, b: X @ w + b / np.linalg.norm(w)),
        Slip("column", "The distances are right, but they come as a column, shape (n, 1): the result has an extra "
             "axis. One distance per row of X makes a flat array.",
             lambda X, w, b: ((X @ w + b) / np.linalg.norm(w))[:, None]),
        Slip("in place", "The distances are right, but you changed w itself (w /= ...): compute with a new array, "
             "so the caller's w is left as it was.", _distance_in_place),
    ],
    "first_epoch_nand": [
        Slip("step(0) = 0", "Two slips give this triple: counting z = 0 as a 0, a step(0) = 0 (the lesson's step "
             "says 1 when z >= 0, so at the start the first three samples are already right), or updating w at the "
             "mistake and leaving b out (the bias b moves with every update too).", (-1.0, -1.0, 0.0)),
        Slip("first sample", "Those are the weights after the first sample alone, with z = 0 counted as a 0 "
             "(step(0) = 0): the lesson's step says 1 when z >= 0, so (0, 0) is no mistake, and an epoch is a pass "
             "through all four samples.", (0.0, 0.0, 1.0)),
        Slip("b twice", "Your bias moved further than your weights: b is updated once per mistake, by the same "
             "lr * (y - y_hat) as each weight (as if its input were always 1). Count the mistakes again.",
             (-1.0, -1.0, -2.0)),
        Slip("b up", "Your bias moved up while the weights moved down: b gets the same update lr * (y - y_hat) as "
             "w, as if its input were always 1, so it moves the same way.", (-1.0, -1.0, 1.0)),
        Slip("b only", "Only your bias moved: at the mistake w moves too, by lr * (y - y_hat) * x, and there both "
             "inputs are 1.", (0.0, 0.0, -1.0)),
        Slip("w1 only", "Only w1 moved: w moves by lr * (y - y_hat) * x, and at the mistake both "
             "inputs are 1, so both weights move.", (-1.0, 0.0, -1.0)),
        Slip("w2 only", "Only w2 moved: w moves by lr * (y - y_hat) * x, and at the mistake both "
             "inputs are 1, so both weights move.", (0.0, -1.0, -1.0)),
        Slip("settled", "Those are the weights the perceptron settles on after several epochs: the prediction "
             "asks where they stand after the first pass through the four samples.", (-2.0, -1.0, 2.0)),
        Slip("wrong way", "You moved the weights the wrong way: at the mistake the label is 0 and the neuron says 1; "
             "what sign does y - y_hat have there, and which way does it move w and b?", (1.0, 1.0, 1.0)),
        Slip("no mistake", "The neuron does make a mistake in the first epoch: go through the four samples with "
             "the lesson's step (1 when z >= 0) and compare each output with NAND's label.", (0.0, 0.0, 0.0)),
        Slip("two epochs", "That is where a second epoch ends: the prediction is (w1, w2, b) after the first pass "
             "through the four samples.", (-2.0, -1.0, 0.0)),
        Slip("AND labels", "You traced AND's labels (0, 0, 0, 1): NAND's are 1, 1, 1, 0.", (1.0, 1.0, 0.0)),
    ],
    "weight_history": [
        Slip("given", "Every row holds the final weights: the list holds one array many times. Which line changes "
             "that array after it was appended? (A slice w[:] is not a copy either.)", _history_slip("alias")),
        Slip("per sample", "Your history has a row per sample, not one per epoch: where in the two loops is w "
             "recorded?",
             _history_slip("per sample")),
        Slip("before", "Your rows are one epoch late: the first row holds the weights before any update. When in "
             "each epoch is w recorded?",
             _history_slip("before")),
        Slip("short", "Your history is one row short: it needs a row for every one of the epochs; count the "
             "passes your loop makes.", _history_slip("short")),
        Slip("start", "Your history has one row too many: a row for the starting weights too? One row per epoch, "
             "recorded after it.", _history_slip("start")),
        Slip("with b", "Each row should hold w alone (d numbers); yours holds b as well.", _history_slip("with b")),
        Slip("reset", "w starts again from zero in every epoch: the weights carry over from one epoch to the "
                      "next, so set w (and b) once, before the loops.", _history_slip("reset")),
    ],
}


def and_not_weights(w, b, grade=False):
    """Lesson 1, exercise 1 (derive): w (2,) and b with step(X @ w + b) = x1 AND NOT x2 = [0, 0, 1, 0]. A wrong
    pair is diagnosed from (w, b) themselves (_and_not_diagnosis), not from its outputs alone."""
    slips = SLIPS["and_not_weights"]
    try:
        hint = _and_not_diagnosis(w, b)
    except (TypeError, ValueError):     # not two numbers and one: the check's own reply says what is wrong
        hint = None
    if hint is not None:
        slips = [Slip("diagnosed", hint, Answers((w, b)))]
    return function_check("and_not_weights", (w, b), reference=lambda X: _AND_NOT,
                          cases=[Case((_X,), "the four inputs (0, 0), (0, 1), (1, 0), (1, 1)")],
                          outputs=("step(X @ w_and_not + b_and_not)",), slips=slips, adapt=_neuron, grade=grade)


def signed_distance(fn, grade=False):
    """Lesson 1, exercise 2 (derive): signed_distance(X, w, b) -> (n,) signed distance of each row from the
    line X @ w + b = 0, positive on the side w points to."""
    cases = [(_X, np.array([1.0, 1.0]), -1.5),
             (np.array([[3.0, 4.0], [0.0, 0.0], [-1.0, 2.0]]), np.array([3.0, -4.0]), 2.0)]
    return function_check("signed_distance", fn, reference=_distance, cases=cases, outputs=("distances",),
                          slips=SLIPS["signed_distance"], pure=True, grade=grade)


def _first_epoch_advice(prediction):
    """The hint for three numbers no catalogued slip names: where to look, not what to find."""
    if as_reals(prediction, 3) is None:
        return None
    return ("Trace the epoch: start from w = (0, 0) and b = 0, take the four samples in order, and at each one "
            "ask whether the neuron's output matches NAND's label. Which samples are mistakes when the neuron "
            "meets them, and which way does each mistake move w1, w2 and b?")


def first_epoch_nand(prediction, grade=False):
    """Lesson 1, exercise 3 (predict): (w1, w2, b) after the first epoch of Perceptron(lr=1) on NAND. A wrong
    prediction is told which numbers are wrong, not how each relates to the answer: the answer's three numbers
    share one size, so "the opposite sign" would hand it over."""
    return prediction_check("first_epoch_nand", prediction, truth=_first_epoch_nand,
                            right="Only (1, 1) is a mistake (z = 0 says 1, NAND says 0): w and b each drop by 1.",
                            slips=SLIPS["first_epoch_nand"], advice=_first_epoch_advice, sealed=True, grade=grade)


def weight_history(fn, grade=False):
    """Lesson 1, exercise 4 (diagnose): weight_history(X, y, lr, epochs) -> (epochs, d), w after each epoch."""
    y_and, y_xor, y_or = np.array([0, 0, 0, 1]), np.array([0, 1, 1, 0]), np.array([0, 1, 1, 1])
    cases = [Case((_X, y_and, 1.0, 6), "AND (X, y_and), lr = 1.0, epochs = 6"),
             Case((_X, y_xor, 0.5, 3), "XOR (X, y_xor), lr = 0.5, epochs = 3"),
             Case((_X, y_or, 1.0, 6), "OR (X, y_or), lr = 1.0, epochs = 6: it has no errors after epoch 4, and "
                                      "the history still holds every epoch")]
    return function_check("weight_history", fn, reference=_history, cases=cases, outputs=("history",),
                          slips=SLIPS["weight_history"], pure=True, grade=grade)


__all__ = ["and_not_weights", "signed_distance", "first_epoch_nand", "weight_history"]
