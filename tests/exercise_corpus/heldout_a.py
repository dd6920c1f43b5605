"""Held-out blind set A: answers to four exercises, written from the lessons alone.

Lesson 4 exercise 4 (strongest_push), lesson 6 exercises 3 and 4 (l1_unused_weight, choose_l2) and lesson 7
exercise 2 (momentum_lr). Written without the checks' catalogues of slips and without the first blind set
(lessonNN.py); each wrong answer's words were registered before any reply was seen.
"""
import numpy as np

from . import right, wrong

# ---------------------------------------------------------------- lesson 4, exercise 4: strongest_push
# y = 1, n = 1: |delta2| = (1 - y_hat) * y_hat * (1 - y_hat) = y_hat (1 - y_hat)^2, largest at y_hat = 1/3.

STRONGEST_PUSH = [
    wrong("strongest_push", 0.0,
          "kept the guess: the most wrong sample (y_hat near 0) is pushed hardest; in fact the push is 0 there",
          ["most wrong", "confidently wrong", "saturat", "push is 0"]),
    wrong("strongest_push", 0.5,
          "maximised the sigmoid's slope y_hat (1 - y_hat) alone and forgot the error factor (1 - y_hat)",
          ["slope", "error factor", "forgot the error", "sigma'"]),
    wrong("strongest_push", 2 / 3,
          "used the error y_hat - 0 (target 0) instead of 1 - y_hat: maximised y_hat^2 (1 - y_hat)",
          ["target 0", "y = 0", "y_hat - 0", "2/3"]),
    wrong("strongest_push", 4 / 27,
          "gave the largest push itself (4/27 = 0.148), not the y_hat where it happens",
          ["4/27", "size of the push", "not where", "the push itself"]),
    wrong("strongest_push", 0.25,
          "gave the largest value of the sigmoid's slope, 1/4, as if it were the location",
          ["1/4", "slope", "value of the", "sigma'"]),
    wrong("strongest_push", float(np.log(0.5)),
          "answered in z2 (ln 1/2 = -0.693), where the question asks for y_hat",
          ["z2", "z_2", "pre-activation", "log"]),
    wrong("strongest_push", 1.0,
          "found the other root of the derivative, y_hat = 1, where the push is smallest (0), not largest",
          ["smallest", "minimum", "other root", "push is 0"]),
    wrong("strongest_push", 33.3,
          "gave 1/3 as a percentage",
          ["percent", "%", "between 0 and 1", "fraction"]),
    wrong("strongest_push", 0.3,
          "rounded 1/3 to one decimal: 0.033 away, outside the 0.01 allowed",
          ["round", "decimal", "more precisely", "not precise"]),
    right("strongest_push", 1 / 3, "1/3 as a fraction"),
    right("strongest_push", 0.334, "1/3 to three decimals, rounded up"),
    right("strongest_push", np.float64(0.3333), "1/3 as a numpy float"),
]

# ---------------------------------------------------------------- lesson 6, exercise 3: l1_unused_weight
# step lr * l1 / n = 0.001 towards 0: 300 steps to cross 0, then it hops between -0.0005 and +0.0005.

L1_UNUSED_WEIGHT = [
    wrong("l1_unused_weight", (299, 0.0005),
          "off by one: 299 steps leave 0.0005, still above 0; the 300th crosses",
          ["off by one", "still above", "one more", "one step short"]),
    wrong("l1_unused_weight", (300, 0.001),
          "took the hop to be a full step; w lands 0.0005 past 0 and hops back and forth, half a step from 0",
          ["half a step", "half", "full step", "past 0"]),
    wrong("l1_unused_weight", (300, 0.0),
          "thinks the weight stays at 0 once it gets there; it overshoots and hops across 0 for ever",
          ["hop", "stays", "overshoot", "across 0"]),
    wrong("l1_unused_weight", (2, 0.1005),
          "forgot to divide by n: a step of lr * l1 = 0.2 instead of lr * l1 / n = 0.001",
          ["/ n", "divide", "n = 200", "/n"]),
    wrong("l1_unused_weight", (599, 0.0),
          "forgot lr: a step of l1 / n = 0.0005, and thinks it then lands exactly on 0 and stays",
          ["learning rate", "forgot lr", "without lr", "times lr"]),
    wrong("l1_unused_weight", (0.0005, 300),
          "the two numbers swapped: (largest, steps) instead of (steps, largest)",
          ["swap", "order", "reversed", "the other way round"]),
    wrong("l1_unused_weight", (float("inf"), 0.0),
          "reasoned as for L2 (a fraction off each step): the weight never reaches 0",
          ["L2", "fraction", "same amount", "never"]),
    wrong("l1_unused_weight", (300, -0.0005),
          "gave the signed weight after the crossing, where the size |w| is asked",
          ["absolute", "negative", "minus sign", "distance"]),
    wrong("l1_unused_weight", (150, 0.0015),
          "took the penalty's gradient as 2 l1 / n sign(w) (L2's factor 2): a step of 0.002",
          ["factor 2", "twice", "double", "0.002"]),
    wrong("l1_unused_weight", (299.5, 0.0005),
          "divided 0.2995 by 0.001 and gave a fractional number of steps",
          ["whole number", "integer", "fraction", "round"]),
    right("l1_unused_weight", (300, 5e-4), "the answer in scientific notation"),
    right("l1_unused_weight", (np.int64(300), np.float64(0.2995 - 0.299)), "numpy numbers, worked out in the code"),
    right("l1_unused_weight", [300, 0.0005], "a list instead of a tuple"),
]

# ---------------------------------------------------------------- lesson 6, exercise 4: choose_l2
# losses[l2] = (train, val, test): choose on validation alone, report the winner's test loss.


def _pooled_unchanged(losses):
    pooled = {l2: (val + test) / 2 for l2, (train, val, test) in losses.items()}
    best = min(pooled, key=pooled.get)
    return best, pooled[best]


def _report_validation(losses):
    best = min(losses, key=lambda l2: losses[l2][1])
    return best, losses[best][1]


def _choose_on_test(losses):
    best = min(losses, key=lambda l2: losses[l2][2])
    return best, losses[best][2]


def _pooled_choice_test_report(losses):
    best = min(losses, key=lambda l2: losses[l2][1] + losses[l2][2])
    return best, losses[best][2]


def _validation_choice_pooled_report(losses):
    best = min(losses, key=lambda l2: losses[l2][1])
    return best, (losses[best][1] + losses[best][2]) / 2


def _choose_on_training(losses):
    best = min(losses, key=lambda l2: losses[l2][0])
    return best, losses[best][2]


def _roles_swapped(losses):
    best = min(losses, key=lambda l2: losses[l2][2])      # chooses on test ...
    return best, losses[best][1]                           # ... and reports validation


def _max_not_min(losses):
    best = max(losses, key=lambda l2: losses[l2][1])
    return best, losses[best][2]


def _best_test_anywhere(losses):
    best = min(losses, key=lambda l2: losses[l2][1])
    return best, min(test for _, _, test in losses.values())


def _returned_swapped(losses):
    best = min(losses, key=lambda l2: losses[l2][1])
    return losses[best][2], best


def _mean_test_over_sweep(losses):
    best = min(losses, key=lambda l2: losses[l2][1])
    return best, float(np.mean([test for _, _, test in losses.values()]))


def _right_loop(losses):
    chosen, lowest = None, float("inf")
    for l2, (_train, val, _test) in losses.items():
        if val < lowest:
            chosen, lowest = l2, val
    return chosen, losses[chosen][2]


def _right_sorted(losses):
    by_validation = sorted(losses.items(), key=lambda item: item[1][1])
    l2, (_train, _val, test) = by_validation[0]
    return l2, test


def _right_numpy(losses):
    strengths = list(losses)
    table = np.array([losses[l2] for l2 in strengths])
    i = int(np.argmin(table[:, 1]))
    return strengths[i], float(table[i, 2])


CHOOSE_L2 = [
    wrong("choose_l2", _pooled_unchanged,
          "the colleague's function unchanged: pools validation and test to choose and to report",
          ["pool", "averag", "twice", "mix"]),
    wrong("choose_l2", _report_validation,
          "chooses on validation (right) but reports the winner's validation loss, which carries its luck",
          ["flatter", "luck", "reports the validation", "report the test"]),
    wrong("choose_l2", _choose_on_test,
          "chooses on the test set and reports its test loss: the test set helps to choose",
          ["chooses on the test", "choose on the test", "chosen on the test", "picks on the test"]),
    wrong("choose_l2", _pooled_choice_test_report,
          "half-fixed: reports the test loss, but still chooses on validation + test together",
          ["pool", "chooses on", "choice", "validation and test"]),
    wrong("choose_l2", _validation_choice_pooled_report,
          "half-fixed the other way: chooses on validation, but reports the average of validation and test",
          ["averag", "pool", "mix", "half"]),
    wrong("choose_l2", _choose_on_training,
          "chooses on the training loss, which always favours the weakest brake",
          ["training loss", "training set", "overfit", "weakest"]),
    wrong("choose_l2", _roles_swapped,
          "the roles swapped: chooses on the test loss and reports the validation loss",
          ["swap", "roles", "the other way", "reports the validation"]),
    wrong("choose_l2", _max_not_min,
          "picks the strength with the highest validation loss (max for min)",
          ["highest", "largest", "max", "worst"]),
    wrong("choose_l2", _best_test_anywhere,
          "chooses on validation but reports the lowest test loss of the whole sweep, not the winner's",
          ["lowest test", "winner's", "another strength", "not the chosen"]),
    wrong("choose_l2", _returned_swapped,
          "returns (loss, l2) instead of (l2, loss)",
          ["order", "swap", "(l2, loss)", "the other way"]),
    wrong("choose_l2", _mean_test_over_sweep,
          "chooses on validation but reports the mean test loss over every strength of the sweep",
          ["mean", "averag", "every strength", "winner's"]),
    right("choose_l2", _right_loop, "an explicit loop over the sweep"),
    right("choose_l2", _right_sorted, "sorted by validation loss, first item"),
    right("choose_l2", _right_numpy, "a numpy table and argmin"),
]

# ---------------------------------------------------------------- lesson 7, exercise 2: momentum_lr
# Along w2 (curvature 20): w_{t+1} = (1 + mu - 20 lr) w_t - mu w_{t-1}; w_t = (-1)^t c gives lr = 2(1 + mu)/20 = 0.19.

MOMENTUM_LR = [
    wrong("momentum_lr", 0.1,
          "plain gradient descent's limit 2/20, as if momentum did not change it",
          ["plain", "without momentum", "2/20", "ignor"]),
    wrong("momentum_lr", 0.01,
          "divided plain GD's limit by 1/(1 - mu) = 10, since momentum's top speed is 10 lr g",
          ["top speed", "1 - mu", "1/(1 - mu)", "ten times"]),
    wrong("momentum_lr", 0.02,
          "gave the lr section 3 happened to use for momentum on the bowl, not the edge",
          ["section 3", "used on the bowl", "not the largest", "the lr used"]),
    wrong("momentum_lr", 3.8,
          "used the shallow direction's curvature 1 instead of the steep 20: 2(1 + mu)/1",
          ["curvature 1", "shallow", "steep", "w1"]),
    wrong("momentum_lr", 0.095,
          "dropped the factor 2: (1 + mu)/20",
          ["factor 2", "factor of 2", "half", "twice"]),
    wrong("momentum_lr", 1.0,
          "multiplied plain GD's limit 0.1 by 1/(1 - mu) = 10",
          ["1 - mu", "top speed", "ten times", "times 10"]),
    wrong("momentum_lr", 0.145,
          "algebra slip: wrote the velocity term as -mu w_{t-1} without the +mu w_t, giving (2 + mu)/20",
          ["mu w_t", "w_t - w_{t-1}", "2 + mu", "v = w_t"]),
    wrong("momentum_lr", 0.0,
          "took the other edge, w_t = c (no sign flip), which gives lr = 0",
          ["other edge", "zero", "(-1)^t", "flip"]),
    wrong("momentum_lr", 0.0679,
          "answered for Nesterov momentum (section 3's other rule) instead of plain momentum",
          ["nesterov", "look-ahead", "plain momentum", "look ahead"]),
    wrong("momentum_lr", 0.0526,
          "divided by (1 + mu) instead of multiplying: 2/(20 (1 + mu))",
          ["divided by", "instead of multiplying", "multiply by", "upside"]),
    wrong("momentum_lr", 0.2,
          "rounded 0.19 to one decimal, where 3 decimals are asked",
          ["decimal", "round", "precision", "precise"]),
    right("momentum_lr", 0.190, "to 3 decimals"),
    right("momentum_lr", 2 * (1 + 0.9) / 20, "the formula 2(1 + mu)/lambda_max, as an expression"),
    right("momentum_lr", np.float64(0.19), "a numpy float"),
]

ENTRIES = STRONGEST_PUSH + L1_UNUSED_WEIGHT + CHOOSE_L2 + MOMENTUM_LR
