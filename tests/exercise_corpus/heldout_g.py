"""Held-out blind set G: lesson 1's and_not_weights (x1 AND NOT x2 by hand).

Written from the notebook alone (lesson 1), without seeing the check, its catalogue of slips, or the other sets of
this corpus; the words were registered before any reply was read. Each answer is the pair (w_and_not, b_and_not).
"""
import numpy as np

from . import right, wrong

ENTRIES = [
    # ---- lesson 1, exercise 1: check.and_not_weights(w_and_not, b_and_not); 1 only at (1, 0)
    wrong("and_not_weights", (np.array([1.0, 1.0]), -1.5),
          "copied the lesson's AND neuron: fires at (1, 1), not at (1, 0); w2 must be negative",
          ["computes and", "is and", "(1, 1)", "w2 <", "w2 must", "sign of w2", "negative w2"], args=True),
    wrong("and_not_weights", (np.array([-1.0, -1.0]), 1.5),
          "flipped the signs of the AND neuron, which gives NAND",
          ["nand", "flip", "sign"], args=True),
    wrong("and_not_weights", (np.array([-1.0, 1.0]), -0.5),
          "gave w1 and w2 each other's signs: this is x2 AND NOT x1, it fires at (0, 1)",
          ["swap", "x2 and not x1", "the other way", "revers", "(0, 1)", "mirror"], args=True),
    wrong("and_not_weights", (np.array([1.0, -1.0]), 0.0),
          "b = 0: at (0, 0) z is exactly 0 and step(0) = 1, so the neuron fires there",
          ["step(0)", "z = 0", "(0, 0)", "b < 0", "strict", "tie", "exactly 0"], args=True),
    wrong("and_not_weights", (np.array([1.0, -1.0]), 0.5),
          "a positive bias: the neuron fires at (0, 0) (and its (0, 0) inequality was b >= 0)",
          ["(0, 0)", "b < 0", "negative b", "positive"], args=True),
    wrong("and_not_weights", (np.array([1.0, -1.0]), -1.5),
          "bias too negative: at (1, 0) z = w1 + b = -0.5 < 0, so it never fires",
          ["(1, 0)", "w1 + b", "too negative", "never fires", "too low", "too large"], args=True),
    wrong("and_not_weights", (np.array([2.0, -0.5]), -1.0),
          "w2 not negative enough: w1 + w2 + b = 0.5 >= 0, so it also fires at (1, 1)",
          ["(1, 1)", "w1 + w2 + b", "not negative enough", "too small", "large enough"], args=True),
    wrong("and_not_weights", (np.array([1.0, 0.0]), -0.5),
          "w2 = 0: the neuron ignores x2 and computes x1 alone, firing at (1, 1)",
          ["x1 alone", "ignores x2", "w2 = 0", "(1, 1)", "just x1", "only x1"], args=True),
    wrong("and_not_weights", (np.array([1.0, -1.0, -0.5]), 0.0),
          "put the bias into w as a third number (the lifted point of the aside) instead of two weights",
          ["two numbers", "three", "length", "shape", "2 numbers"], args=True),
    wrong("and_not_weights", (-0.5, np.array([1.0, -1.0])),
          "passed the bias first and the weights second: the arguments swapped",
          ["order", "swap", "two numbers", "first argument", "w_and_not first"], args=True),
    wrong("and_not_weights", (np.array([0, 0, 1, 0]), 0),
          "gave the gate's truth table (the labels) as w, not two weights",
          ["two numbers", "truth table", "label", "shape", "four", "length"], args=True),
    right("and_not_weights", (np.array([1.0, -1.0]), -0.5), "w = (1, -1), b = -0.5: z = 0.5 only at (1, 0)",
          args=True),
    right("and_not_weights", ([2, -3], -1), "a list and ints, (1, 0) exactly on the line: z = 0, step(0) = 1",
          args=True),
]
