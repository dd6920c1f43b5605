"""Held-out blind set H: lesson 3's xor_gradients and lesson 9's jagged_curve.

Written from the notebooks alone (lessons 3 and 9), without seeing the checks, their catalogues of slips, or
the other sets of this corpus; the words were registered before any reply was read.
"""
import numpy as np

from nnlib.layers import sigmoid

from . import right, wrong


def _loop(hidden_delta, output_delta=None, bias_delta=None):
    """The handed-out sample-by-sample backward pass, with the student's line for delta1 (and optionally others)."""
    def gradients(X, y, W1, b1, W2, b2):
        n = X.shape[0]
        dJdW1, dJdb1 = np.zeros_like(W1), np.zeros_like(b1)
        dJdW2, dJdb2 = np.zeros_like(W2), np.zeros_like(b2)
        for x, t in zip(X, y):
            z1 = x @ W1 + b1
            a1 = sigmoid(z1)
            y_hat = sigmoid(a1 @ W2 + b2)
            delta2 = (output_delta or (lambda y_hat, t, n: (y_hat - t) / n * y_hat * (1 - y_hat)))(y_hat, t, n)
            delta1 = hidden_delta(W2, delta2, a1, z1, y_hat)
            dJdW2 += np.outer(a1, delta2)
            dJdb2 += delta2
            dJdW1 += np.outer(x, delta1)
            dJdb1 += delta1 if bias_delta is None else bias_delta(W2, delta2, a1)
        return dJdW1, dJdb1, dJdW2, dJdb2
    return gradients


def _slope_twice(X, y, W1, b1, W2, b2):
    """Fixed delta1, then multiplied the slope in once more where dJdW1 is accumulated."""
    n = X.shape[0]
    dJdW1, dJdb1 = np.zeros_like(W1), np.zeros_like(b1)
    dJdW2, dJdb2 = np.zeros_like(W2), np.zeros_like(b2)
    for x, t in zip(X, y):
        a1 = sigmoid(x @ W1 + b1)
        y_hat = sigmoid(a1 @ W2 + b2)
        delta2 = (y_hat - t) / n * y_hat * (1 - y_hat)
        delta1 = W2 @ delta2 * a1 * (1 - a1)
        dJdW2 += np.outer(a1, delta2)
        dJdb2 += delta2
        dJdW1 += np.outer(x, delta1 * a1 * (1 - a1))
        dJdb1 += delta1
    return dJdW1, dJdb1, dJdW2, dJdb2


def _batch(X, y, W1, b1, W2, b2):
    """Right: section 6's batch form, no loop."""
    n = X.shape[0]
    a1 = sigmoid(X @ W1 + b1)
    y_hat = sigmoid(a1 @ W2 + b2)
    delta2 = (y_hat - y) / n * y_hat * (1 - y_hat)
    delta1 = delta2 @ W2.T * a1 * (1 - a1)
    return X.T @ delta1, delta1.sum(axis=0), a1.T @ delta2, delta2.sum(axis=0)


def _loop_row_form(X, y, W1, b1, W2, b2):
    """Right: the loop, delta1 written as delta2 @ W2.T and the slope from z1 through the sigmoid."""
    n = len(X)
    grads = [np.zeros_like(W1), np.zeros_like(b1), np.zeros_like(W2), np.zeros_like(b2)]
    for i in range(n):
        x, t = X[i], y[i]
        z1 = x @ W1 + b1
        a1 = sigmoid(z1)
        y_hat = sigmoid(a1 @ W2 + b2)
        delta2 = (y_hat - t) * y_hat * (1 - y_hat) / n
        delta1 = (delta2 @ W2.T) * (sigmoid(z1) * (1 - sigmoid(z1)))
        grads[0] = grads[0] + np.outer(x, delta1)
        grads[1] = grads[1] + delta1
        grads[2] = grads[2] + np.outer(a1, delta2)
        grads[3] = grads[3] + delta2
    return tuple(grads)


ENTRIES = [
    # ---- lesson 3, exercise 3: check.xor_gradients(gradients), the sample-by-sample backward pass fixed
    wrong("xor_gradients", _loop(lambda W2, d2, a1, z1, y_hat: W2 @ d2),
          "handed the code back unchanged: delta1 is dJ/da1, the hidden sigmoid's slope is missing",
          ["slope", "sigmoid", "a1 (1 - a1)", "a1 * (1 - a1)", "derivative"]),
    wrong("xor_gradients", _loop(lambda W2, d2, a1, z1, y_hat: W2 @ d2 * y_hat * (1 - y_hat)),
          "multiplied by the output's slope y_hat (1 - y_hat) again instead of the hidden units' a1 (1 - a1)",
          ["hidden", "a1", "output's slope", "y_hat (1 - y_hat)"]),
    wrong("xor_gradients", _loop(lambda W2, d2, a1, z1, y_hat: W2 @ d2 * sigmoid(a1) * (1 - sigmoid(a1))),
          "applied the sigmoid to a1 again: a1 is already sigmoid(z1), the slope is a1 (1 - a1)",
          ["already", "twice", "sigmoid of a1", "sigmoid(a1)"]),
    wrong("xor_gradients", _loop(lambda W2, d2, a1, z1, y_hat: W2 @ d2 * a1),
          "multiplied by a1 only, dropping the (1 - a1) of the slope",
          ["1 - a1", "(1 - a1)", "half of the slope"]),
    wrong("xor_gradients", _loop(lambda W2, d2, a1, z1, y_hat: W2 @ d2 * (1 - a1)),
          "multiplied by (1 - a1) only, dropping the a1 of the slope",
          ["a1 (1 - a1)", "a1 * (1 - a1)", "half of the slope", "missing a1"]),
    wrong("xor_gradients", _loop(lambda W2, d2, a1, z1, y_hat: W2 @ d2 * (1 - a1 ** 2)),
          "used tanh's slope 1 - a1^2 (exercise 2) for a sigmoid hidden layer",
          ["tanh", "1 - a1²", "1 - a1**2", "1 - a1 ** 2"]),
    wrong("xor_gradients", _loop(lambda W2, d2, a1, z1, y_hat: W2 @ d2 / (a1 * (1 - a1))),
          "divided by the slope instead of multiplying",
          ["divid", "multiply by", "multipl"]),
    wrong("xor_gradients", _loop(lambda W2, d2, a1, z1, y_hat: W2 @ d2 * z1 * (1 - z1)),
          "wrote the slope with z1 in place of a1: z1 (1 - z1)",
          ["z1 (1 - z1)", "z1 * (1 - z1)", "not z1", "output a1", "of z1"]),
    wrong("xor_gradients", _slope_twice,
          "fixed delta1, then multiplied the slope in a second time in dJdW1",
          ["twice", "once", "double", "second time"]),
    wrong("xor_gradients", _loop(lambda W2, d2, a1, z1, y_hat: W2 @ d2 * a1 * (1 - a1),
                                 output_delta=lambda y_hat, t, n: (y_hat - t) / n),
          "fixed delta1, but also took the output sigmoid's slope out of delta2 (the cross-entropy's delta2)",
          ["delta2", "output", "y_hat (1 - y_hat)", "squared error", "cross-entropy"]),
    wrong("xor_gradients", _loop(lambda W2, d2, a1, z1, y_hat: W2 @ d2 * a1 * (1 - a1),
                                 bias_delta=lambda W2, d2, a1: W2 @ d2),
          "fixed delta1 for dJdW1 but kept the old W2 @ delta2 for the hidden biases' gradient",
          ["b1", "bias"]),
    wrong("xor_gradients", _loop(lambda W2, d2, a1, z1, y_hat: W2 @ d2 * a1 * (1 - a1),
                                 output_delta=lambda y_hat, t, n: (y_hat - t) * y_hat * (1 - y_hat)),
          "fixed delta1 but dropped the 1/n from delta2 (a summed cost, 4 times the gradient)",
          ["1/n", "divide by n", "divided by n", "mean", "sum"]),
    right("xor_gradients", _batch, "section 6's batch form, no loop"),
    right("xor_gradients", _loop_row_form, "the loop with delta2 @ W2.T and sigmoid(z1) (1 - sigmoid(z1))"),

    # ---- lesson 9, exercise 5: check.jagged_curve(prediction), whose change makes the training curve jump ~30x more
    wrong("jagged_curve", "minibatches of 10",
          "thought minibatch noise shows on the training curve only; but each noisy step moves the weights, so the "
          "validation curve jumps as well",
          ["both curves", "weights move", "moves the weights", "validation curve too", "validation as well"]),
    wrong("jagged_curve", "lr 3",
          "thought a too-large rate makes the training curve oscillate alone; overshooting weights shake the "
          "validation loss as much",
          ["both curves", "overshoot", "weights", "validation as well", "same weights"]),
    wrong("jagged_curve", "Ben",
          "named the colleague (Ben, minibatches) instead of one of the three given strings",
          ["one of", "strings", "the change", "not the name"]),
    wrong("jagged_curve", "Chen",
          "named the colleague (Chen, lr 3) instead of one of the three given strings",
          ["one of", "strings", "the change", "not the name"]),
    wrong("jagged_curve", "all three",
          "answered that all three show the ratio, since all three curves jump",
          ["one of", "only one", "ratio", "which curve"]),
    wrong("jagged_curve", "minibatches of 10 and lr 3",
          "picked the two changes that alter the steps, reasoning that dropout only adds noise at training time",
          ["one of", "only one", "validation", "mask"]),
    wrong("jagged_curve", "dropout 0.5",
          "misremembered Ana's rate",
          ["0.2", "one of", "strings"]),
    wrong("jagged_curve", "lr 0.3",
          "gave section 2's rate, thinking the baseline itself jumps",
          ["lr 3", "one of", "smooth", "section 2"]),
    wrong("jagged_curve", "minibatch",
          "picked minibatches, believing the per-step loss on 10 points is what makes the training curve jagged",
          ["both curves", "weights move", "validation", "averag", "mean"]),
    right("jagged_curve", "Dropout 0.2", "capitalised"),
    right("jagged_curve", " dropout 0.2 ", "with spaces around"),
]
