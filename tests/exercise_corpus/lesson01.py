"""Lesson 1 (01_perceptron): NAND weights, signed distance, the first epoch on NAND, a forgetful history."""
import math

import numpy as np

from . import right, wrong


def step(z):
    return (np.asarray(z) >= 0).astype(int)


# --- exercise 2: signed_distance -------------------------------------------------------------------------------
def sd_no_norm(X, w, b):
    return X @ w + b


def sd_squared_norm(X, w, b):
    return (X @ w + b) / (w @ w)


def sd_abs(X, w, b):
    return np.abs(X @ w + b) / np.linalg.norm(w)


def sd_no_bias(X, w, b):
    return (X @ w) / np.linalg.norm(w)


def sd_in_place(X, w, b):
    w /= np.linalg.norm(w)          # "normalise w first": changes the caller's w
    return X @ w + b / np.linalg.norm(w)


def sd_norm_with_b(X, w, b):
    return (X @ w + b) / np.linalg.norm(np.append(w, b))


def sd_column(X, w, b):
    return (X @ w[:, None] + b) / np.linalg.norm(w)


def sd_flipped(X, w, b):
    return -(X @ w + b) / np.linalg.norm(w)


def sd_l1(X, w, b):
    return (X @ w + b) / np.abs(w).sum()


def sd_strings(X, w, b):
    return ((X @ w + b) / np.linalg.norm(w)).astype(str)


def sd_loop(X, w, b):
    length = math.sqrt(sum(float(wi) ** 2 for wi in w))
    return np.array([(sum(float(xi) * float(wi) for xi, wi in zip(row, w)) + b) / length for row in X])


def sd_einsum(X, w, b):
    return (np.einsum("nd,d->n", X, w) + b) / np.sqrt(np.einsum("d,d->", w, w))


# --- exercise 4: weight_history --------------------------------------------------------------------------------
def _history(X, y, lr, epochs, record, update_rule=None):
    w = np.zeros(X.shape[1])
    b = 0.0
    history = []
    for _epoch in range(epochs):
        for x_i, y_i in zip(X, y):
            update = lr * (y_i - step(x_i @ w + b))
            w += update * x_i
            b += update
        history.append(record(w))
    return np.array(history)


def wh_stub(X, y, lr, epochs):
    return _history(X, y, lr, epochs, lambda w: w)


def wh_slice(X, y, lr, epochs):
    return _history(X, y, lr, epochs, lambda w: w[:])


def wh_every_sample(X, y, lr, epochs):
    w = np.zeros(X.shape[1])
    b = 0.0
    history = []
    for _epoch in range(epochs):
        for x_i, y_i in zip(X, y):
            update = lr * (y_i - step(x_i @ w + b))
            w += update * x_i
            b += update
            history.append(w.copy())
    return np.array(history)


def wh_before_epoch(X, y, lr, epochs):
    w = np.zeros(X.shape[1])
    b = 0.0
    history = []
    for _epoch in range(epochs):
        history.append(w.copy())
        for x_i, y_i in zip(X, y):
            update = lr * (y_i - step(x_i @ w + b))
            w += update * x_i
            b += update
    return np.array(history)


def wh_changes_X(X, y, lr, epochs):
    w = np.zeros(X.shape[1])
    b = 0.0
    history = []
    for _epoch in range(epochs):
        for x_i, y_i in zip(X, y):
            update = lr * (y_i - step(x_i @ w + b))
            x_i *= update               # reuses the row as scratch: changes X
            w += x_i
            b += update
        history.append(w.copy())
    return np.array(history)


def wh_no_bias(X, y, lr, epochs):
    w = np.zeros(X.shape[1])
    b = 0.0
    history = []
    for _epoch in range(epochs):
        for x_i, y_i in zip(X, y):
            update = lr * (y_i - step(x_i @ w + b))
            w += update * x_i
        history.append(w.copy())
    return np.array(history)


def wh_sign(X, y, lr, epochs):
    w = np.zeros(X.shape[1])
    b = 0.0
    history = []
    for _epoch in range(epochs):
        for x_i, y_i in zip(X, y):
            update = lr * (step(x_i @ w + b) - y_i)
            w += update * x_i
            b += update
        history.append(w.copy())
    return np.array(history)


def wh_with_bias_column(X, y, lr, epochs):
    w = np.zeros(X.shape[1])
    b = 0.0
    history = []
    for _epoch in range(epochs):
        for x_i, y_i in zip(X, y):
            update = lr * (y_i - step(x_i @ w + b))
            w += update * x_i
            b += update
        history.append(np.append(w, b))
    return np.array(history)


def wh_rebind(X, y, lr, epochs):
    w = np.zeros(X.shape[1])
    b = 0.0
    history = []
    for _epoch in range(epochs):
        for x_i, y_i in zip(X, y):
            update = lr * (y_i - step(x_i @ w + b))
            w = w + update * x_i        # a new array each time: the list holds different arrays
            b = b + update
        history.append(w)
    return np.array(history)


def wh_list_copy(X, y, lr, epochs):
    return _history(X, y, lr, epochs, lambda w: list(w))


def wh_preallocated(X, y, lr, epochs):
    history = np.zeros((epochs, X.shape[1]))
    w = np.zeros(X.shape[1])
    b = 0.0
    for epoch in range(epochs):
        for i in range(len(X)):
            update = lr * (y[i] - (1 if X[i] @ w + b >= 0 else 0))
            w = w + update * X[i]
            b += update
        history[epoch] = w
    return history


ENTRIES = [
    # exercise 1: and_not_weights(w_and_not, b_and_not), the gate x1 AND NOT x2 (1 only at (1, 0))
    wrong("and_not_weights", (np.array([1.0, 1.0]), -1.5), "the AND neuron of section 2 itself",
          ["AND", "inequalit", "labels"], args=True),
    wrong("and_not_weights", (np.array([-1.0, -1.0]), 1.5), "AND's signs flipped: that is NAND",
          ["NAND", "flip", "opposite"], args=True),
    wrong("and_not_weights", (np.array([-1.0, 1.0]), -0.5), "the weights swapped: x2 AND NOT x1",
          ["swap", "roles", "wrong one"], args=True),
    wrong("and_not_weights", (np.array([1.0, -1.0]), "-0.5"), "the bias given as a string",
          ["string", "str", "number"], args=True),
    wrong("and_not_weights", (np.array([1.0, -1.0, -0.5]), 0.0), "the bias folded into w as a third weight",
          ["shape", "two numbers", "2 numbers", "length", "three"], args=True),
    wrong("and_not_weights", (np.array([1.0, -1.0]), None), "forgot to set the bias",
          ["None", "b_and_not"], args=True),
    wrong("and_not_weights", (np.array([[1.0], [-1.0]]), -0.5), "w as a column (2, 1): X @ w is (4, 1)",
          ["shape", "column", "(2,)"], args=True),
    wrong("and_not_weights", (np.array([1.0, -1.0]), 0.0), "bias 0: (0, 0) and (1, 1) sit on the line, z = 0",
          ["tie", "step(0)", "z = 0", "strictly"], args=True),
    right("and_not_weights", (np.array([1.0, -1.0]), -0.5), "the reference: x1 up, x2 down, bias below 0",
          args=True),
    right("and_not_weights", ([2, -3], -1), "a list and an int, other sizes", args=True),
    right("and_not_weights", ((1, -1), np.float64(-1)), "a tuple and a numpy scalar; relies on step(0) = 1",
          args=True),

    # exercise 2: signed_distance(X, w, b)
    wrong("signed_distance", sd_no_norm, "returns z itself, not divided by ||w||",
          ["length", "norm", "||w||", "divide"]),
    wrong("signed_distance", sd_squared_norm, "divides by ||w||^2 (w @ w) instead of ||w||",
          ["squared", "square", "||w||^2", "||w||²", "sqrt"]),
    wrong("signed_distance", sd_abs, "takes the absolute value: loses the sign",
          ["sign", "negative", "abs", "absolute"]),
    wrong("signed_distance", sd_no_bias, "forgets the bias b",
          ["bias", "forgot b", "without b", "+ b"]),
    wrong("signed_distance", sd_in_place, "normalises w in place, changing the caller's w",
          ["in place", "changed", "unchanged", "modif"]),
    wrong("signed_distance", sd_norm_with_b, "divides by the length of (w, b) instead of w",
          ["only", "||w||", "length of w"]),
    wrong("signed_distance", sd_column, "returns a column (n, 1) instead of shape (n,)",
          ["shape", "column", "(n,)"]),
    wrong("signed_distance", sd_flipped, "wrong sign: positive on the side w points away from",
          ["sign", "opposite", "negative", "minus"]),
    wrong("signed_distance", sd_l1, "divides by the sum of |w| (L1 length) instead of the Euclidean one",
          ["length", "euclid", "norm", "||w||"]),
    wrong("signed_distance", sd_strings, "right numbers returned as strings",
          ["string", "str", "number"]),
    right("signed_distance", sd_loop, "plain Python loops and math.sqrt"),
    right("signed_distance", sd_einsum, "np.einsum for the product and the length"),

    # exercise 3: first_epoch_nand(prediction)
    wrong("first_epoch_nand", (0, 0, 0), "thinks no sample is misclassified in the first epoch",
          ["(1, 1)", "update", "mistake", "misclassif", "wrong"]),
    wrong("first_epoch_nand", (-1, -1, 0), "updates w but forgets the bias update (or takes step(0) = 0)",
          ["bias", "step(0)", "tie"]),
    wrong("first_epoch_nand", (1, 1, 1), "the update with the wrong sign (y_hat - y)",
          ["sign", "y - y_hat", "opposite"]),
    wrong("first_epoch_nand", (0, 0, 1), "takes step(0) = 0 and stops after the first update",
          ["step(0)", "tie", "z = 0"]),
    wrong("first_epoch_nand", "(-1, -1, -1)", "the right numbers as a string",
          ["string", "str", "number"]),
    wrong("first_epoch_nand", (-1, -1), "only w, the bias left out",
          ["three", "3 numbers", "bias", "(w1, w2, b)"]),
    wrong("first_epoch_nand", (-1, -1, -2), "counts the (1, 1) update twice in the bias",
          ["bias", "b "]),
    right("first_epoch_nand", np.array([-1, -1, -1]), "the right numbers as a numpy array"),
    right("first_epoch_nand", [-1.0, -1.0, -1.0], "a list of floats"),
    right("first_epoch_nand", (np.int64(-1), np.float64(-1), -1), "a tuple of numpy scalars"),

    # exercise 4: weight_history(X, y, lr, epochs)
    wrong("weight_history", wh_stub, "the stub: appends the same array w every epoch",
          ["copy", "same array", "one array", "alias", "reference"]),
    wrong("weight_history", wh_slice, "appends w[:], which is a view, not a copy",
          ["copy", "view", "slice", "same array", "w[:]"]),
    wrong("weight_history", wh_every_sample, "records after every sample, not every epoch",
          ["shape", "per epoch", "every sample", "rows", "each epoch"]),
    wrong("weight_history", wh_before_epoch, "records w before each epoch: off by one epoch",
          ["before", "after", "first row", "zeros", "off by one"]),
    wrong("weight_history", wh_changes_X, "uses the rows of X as scratch space, changing X",
          ["X", "changed", "in place", "unchanged"]),
    wrong("weight_history", wh_no_bias, "forgets the bias update",
          ["bias", "b "]),
    wrong("weight_history", wh_sign, "the update with the wrong sign",
          ["sign", "opposite", "y - "]),
    wrong("weight_history", wh_with_bias_column, "records (w, b) as rows of d + 1",
          ["shape", "d + 1", "column", "bias"]),
    right("weight_history", wh_rebind, "w = w + ... makes a new array each step"),
    right("weight_history", wh_list_copy, "list(w) as the copy"),
    right("weight_history", wh_preallocated, "a preallocated (epochs, d) array and index loops"),
]
