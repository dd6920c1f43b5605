"""Held-out blind set B: answers to lesson 8 exercise 5, lesson 11 exercise 2 and lesson 12 exercise 3.

Written from the notebooks alone, without the checks' catalogues of slips or the first blind set, and with every
entry's words registered before any reply was seen. The wrong answers are a student's: careless, misreading the
question, slipping in the algebra, answering another question, or half-fixing the reasoning.
"""
import numpy as np

from . import right, wrong

T = np.tanh(1.0)                          # tanh(x w) at x = 0.5, w = 2
SIG = 1 / (1 + np.exp(-1.0))              # sigmoid(1), for the student who uses the wrong activation's slope
LETTERS = ["weights drawn too large", "learning rate too high", "label among the inputs", "log base 10 in the loss",
           "averaged over the classes too", "nothing is wrong"]

ENTRIES = [
    # ---- lesson 8, exercise 5: check.bottleneck_rank((rank, directions)) -----------------------------------------
    wrong("bottleneck_rank", (2, 3),
          "answers for the 2-8-8-8-3 network without the squeeze: rank 2 and three boundary directions, ignoring "
          "the 1-unit middle layer", ["squeeze", "bottleneck", "one number", "narrowest"]),
    wrong("bottleneck_rank", (2, 1),
          "takes the rank from the collapsed W's shape (2 x 3, so min(2, 3) = 2) and forgets that the 1-unit layer "
          "caps it, though it sees the boundaries are parallel",
          ["smallest width", "at most", "bottleneck", "passes through"]),
    wrong("bottleneck_rank", (1, 3),
          "gets rank 1 but counts one direction per pair of classes (three pairs, three directions), not seeing "
          "that every boundary's normal is a multiple of the same column u",
          ["parallel", "multiple of", "same normal", "one direction"]),
    wrong("bottleneck_rank", (3, 3),
          "says rank 3 from the three classes (the columns of W), though a 2 x 3 matrix has rank at most 2",
          ["at most", "2 × 3", "2 x 3", "cannot exceed"]),
    wrong("bottleneck_rank", (1, 2),
          "counts the boundary lines between three parallel bands (two lines) instead of their directions (one)",
          ["parallel", "lines", "same direction", "bands"]),
    wrong("bottleneck_rank", (8, 3),
          "takes the rank from the hidden layers' width of 8, not from the collapsed 2 x 3 matrix",
          ["2 × 3", "2 x 3", "at most", "collapsed"]),
    wrong("bottleneck_rank", (3, 1),
          "sees the parallel boundaries but gives the number of classes as the rank",
          ["at most", "2 × 3", "2 x 3", "smallest width"]),
    wrong("bottleneck_rank", 1,
          "answers only the first question, the rank, as a single number instead of the pair (rank, directions)",
          ["two numbers", "pair", "tuple", "(rank, directions)"]),
    wrong("bottleneck_rank", (1, 0),
          "thinks a rank-1 network squeezes every point into one class and so draws no boundary at all",
          ["parallel", "bands", "two boundaries", "still"]),
    right("bottleneck_rank", [1, 1], "the right pair written as a list"),
    right("bottleneck_rank", (np.linalg.matrix_rank(np.ones((2, 1)) @ np.ones((1, 3))), 1),
          "the rank computed with numpy on a 2 x 1 times 1 x 3 product (a numpy integer), and 1 direction"),
    right("bottleneck_rank", np.array([1, 1]), "the right pair as a numpy array"),

    # ---- lesson 11, exercise 2: check.residual_grad(number) ------------------------------------------------------
    wrong("residual_grad", 2 * (1 - T ** 2),
          "forgets the skip path: only the tanh path's share 0.84, without the 1 the add gate hands x",
          ["skip", "add gate", "both paths", "two paths"]),
    wrong("residual_grad", 1.0,
          "only the skip path's 1: forgets the share that comes through the multiply and tanh gates",
          ["tanh path", "through the tanh", "both paths", "two paths"]),
    wrong("residual_grad", 1 + (1 - T ** 2),
          "drops the multiply gate's factor w = 2 on the tanh path: 1 + (1 - tanh^2(1)) = 1.42",
          ["w = 2", "times w", "multiply gate", "factor"]),
    wrong("residual_grad", 1 + 2 * (1 - T),
          "takes tanh's slope as 1 - tanh instead of 1 - tanh^2: 1 + 2 (1 - 0.7616) = 1.48",
          ["square", "tanh²", "1 - a", "tanh(1)**2"]),
    wrong("residual_grad", 1 + 0.5 * (1 - T ** 2),
          "has the multiply gate hand x its own value 0.5 instead of the other input w = 2: 1.21",
          ["other input", "swap", "w = 2", "not x"]),
    wrong("residual_grad", 1 + 2 * T,
          "multiplies by tanh(1) itself instead of tanh's derivative: 1 + 2 * 0.7616 = 2.52",
          ["tanh itself", "slope", "1 - tanh", "1 - a"]),
    wrong("residual_grad", 0.5 * (1 - T ** 2),
          "answers another question: dh/dw = x (1 - tanh^2(x w)) = 0.21 instead of dh/dx",
          ["with respect to w", "∂h/∂w", "dh/dw", "for w"]),
    wrong("residual_grad", 0.5 + T,
          "gives the forward value h = 0.5 + tanh(1) = 1.26 instead of its gradient",
          ["value of h", "forward", "h itself", "not its gradient"]),
    wrong("residual_grad", 0.5 + 2 * (1 - T ** 2),
          "thinks the add gate hands the skip path x (0.5) rather than the upstream gradient 1: 1.34",
          ["add gate", "passes", "1, not", "skip path"]),
    wrong("residual_grad", 1 + 2 * (1 - np.tanh(6.0) ** 2),
          "answers for x = 3 (the 'afterwards' question, tanh saturated) instead of x = 0.5: about 1.00005",
          ["x = 3", "saturat", "x = 0.5"]),
    wrong("residual_grad", 1 - 2 * (1 - T ** 2),
          "a sign slip: subtracts the tanh path's share instead of adding it, 1 - 0.84 = 0.16",
          ["sign", "subtract", "minus", "adds"]),
    wrong("residual_grad", 1 + 2 * SIG * (1 - SIG),
          "uses the sigmoid's slope a (1 - a) at 1 instead of tanh's 1 - a^2: 1 + 2 * 0.197 = 1.39",
          ["sigmoid", "tanh's", "1 - a", "tanh'"]),
    right("residual_grad", 1.84, "the value to two decimals, as the exercise allows"),
    right("residual_grad", 1 + 2 / np.cosh(1.0) ** 2, "tanh' written as 1 / cosh^2, a numpy float"),
    right("residual_grad", 1.8399, "four significant figures from a calculator"),

    # ---- lesson 12, exercise 3: check.letters_start(one of six strings) ------------------------------------------
    wrong("letters_start", LETTERS[0],
          "blames weights drawn too large, which would raise the first loss far above log 26, not to 0.13",
          ["above", "higher", "raise", "far more"]),
    wrong("letters_start", LETTERS[1],
          "blames the learning rate, though no training step has been taken before the first loss",
          ["step has", "no step", "untrained", "not been trained"]),
    wrong("letters_start", LETTERS[2],
          "blames a label among the inputs, though a fresh network's random weights cannot use it yet",
          ["random weights", "cannot use", "fresh", "like any other"]),
    wrong("letters_start", LETTERS[3],
          "blames a base-10 log, which would give log10(26) = 1.41, still about ten times 0.13",
          ["1.41", "1.4", "ten times", "log10"]),
    wrong("letters_start", LETTERS[5],
          "takes 0.13 as a fine low loss, though a fresh 26-class network starts at log 26 = 3.26 or a little above",
          ["log 26", "3.26", "below", "3.3"]),
    wrong("letters_start", float(np.log(26)),
          "answers with the loss a fresh network should report (log 26) instead of choosing one of the six causes",
          ["string", "one of the six", "not a number", "which of"]),
    wrong("letters_start", 4,
          "gives the position of the right cause in the list (0-based) instead of the string itself",
          ["string", "one of the six", "index", "not a number"]),
    wrong("letters_start", [LETTERS[4], LETTERS[3]],
          "hedges with two causes at once instead of choosing one",
          ["only one", "a single", "one string", "both"]),
    wrong("letters_start", "weights drawn too small",
          "invents a seventh cause: tiny weights do not lower the start below log 26 (they give it exactly), and "
          "the cause is not among the six",
          ["log 26", "3.26", "one of the six", "not one of"]),
    right("letters_start", "Averaged over the classes too", "the right cause, capitalised as a sentence"),
    right("letters_start", " averaged over the classes too\n", "the right cause pasted with stray whitespace"),
]
