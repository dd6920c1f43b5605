"""Lesson 8 (08_playground): neurons for a circle, features instead of neurons, a tanh output's delta, choosing
L2 on validation data, the rank and boundary directions of a bottleneck without a bend, the setting that flattens
every hidden neuron."""
from fractions import Fraction

import numpy as np

from . import right, wrong


# --- exercise 3: tanh_output_delta(y_hat, y); right: (y_hat - y) * (1 - y_hat ** 2) / n -------------------------
def tod_linear(y_hat, y):
    return (y_hat - y) / y.shape[0]                             # the linear output's delta: tanh's slope left out


def tod_no_n(y_hat, y):
    return (y_hat - y) * (1 - y_hat ** 2)


def tod_sign(y_hat, y):
    return (y - y_hat) * (1 - y_hat ** 2) / y.shape[0]


def tod_tanh_again(y_hat, y):
    return (y_hat - y) * (1 - np.tanh(y_hat) ** 2) / y.shape[0]  # y_hat taken as z


def tod_sigmoid_slope(y_hat, y):
    return (y_hat - y) * y_hat * (1 - y_hat) / y.shape[0]


def tod_slope_squared_wrong(y_hat, y):
    return (y_hat - y) * (1 - y_hat) ** 2 / y.shape[0]


def tod_two_n(y_hat, y):
    return (y_hat - y) * (1 - y_hat ** 2) / (2 * y.shape[0])    # the 2 of the square not cancelled


def tod_mean(y_hat, y):
    return np.mean((y_hat - y) * (1 - y_hat ** 2))              # summed over samples: the bias's gradient


def tod_in_place(y_hat, y):
    n = y.shape[0]
    slope = 1 - y_hat ** 2
    y_hat -= y
    y_hat *= slope / n
    return y_hat


def tod_target_slope(y_hat, y):
    return (y_hat - y) * (1 - y ** 2) / y.shape[0]


def tod_slope_only(y_hat, y):
    return (1 - y_hat ** 2) / y.shape[0]


def tod_plus(y_hat, y):
    return (y_hat - y) * (1 + y_hat ** 2) / y.shape[0]


def tod_flat(y_hat, y):
    return ((y_hat - y) * (1 - y_hat ** 2) / len(y)).ravel()


def tod_slope_twice(y_hat, y):
    return (y_hat - y) * (1 - y_hat ** 2) ** 2 / y.shape[0]


def tod_factored(y_hat, y):
    return (y_hat - y) * (1 - y_hat) * (1 + y_hat) / len(y)


def tod_loop(y_hat, y):
    n = y_hat.shape[0]
    delta = np.zeros_like(y_hat, dtype=float)
    for i in range(n):
        delta[i, 0] = (y_hat[i, 0] - y[i, 0]) * (1 - y_hat[i, 0] * y_hat[i, 0]) / n
    return delta


def tod_numpy_ufuncs(y_hat, y):
    return np.multiply(np.subtract(y_hat, y), 1 - np.square(y_hat)) / y_hat.size


def tod_dJ_dyhat_first(y_hat, y):
    n = len(y_hat)
    dJ_dyhat = (y_hat - y) / n
    slope = 1.0 - y_hat * y_hat
    return dJ_dyhat * slope


ENTRIES = [
    # exercise 1: playground_neurons(prediction); right: 3
    wrong("playground_neurons", 1, "one neuron: one straight line cannot enclose the disc",
          ["line", "straight", "enclose", "closed"]),
    wrong("playground_neurons", 2, "two neurons: two lines only cut out a band",
          ["band", "line", "closed", "triangle"]),
    wrong("playground_neurons", 4, "a square around the disc: one more than needed",
          ["triangle", "fewest", "fewer"]),
    wrong("playground_neurons", 8, "the playground's default layer width",
          ["fewest", "fewer", "triangle"]),
    wrong("playground_neurons", "3", "the right number as a string",
          ["string", "str"]),
    wrong("playground_neurons", 3.5, "not a whole number",
          ["whole", "integer"]),
    wrong("playground_neurons", 0, "no hidden layer needed",
          ["line", "straight", "hidden"]),
    right("playground_neurons", np.int64(3), "a numpy integer"),
    right("playground_neurons", 3, "the plain int"),
    # added for the prompt that asks for the median of five seeds reaching 90% validation accuracy (right: still 3)
    wrong("playground_neurons", 5, "one neuron per seed: five seeds, five neurons",
          ["fewest", "fewer", "triangle"]),
    wrong("playground_neurons", 4, "the median misread as every seed: four neurons reach 90% on all five",
          ["median", "every seed", "all five", "three of the five"]),
    wrong("playground_neurons", 0.9, "the accuracy target answered instead of a number of neurons",
          ["number of neurons", "accuracy", "count of neurons", "not the accuracy"]),
    wrong("playground_neurons", 6, "a hexagon, to look more like a circle",
          ["fewest", "fewer", "triangle", "closed"]),
    wrong("playground_neurons", [3, 3, 3, 3, 3], "one answer per seed: a list instead of one number",
          ["one number", "single", "list", "a whole number"]),
    wrong("playground_neurons", "three", "the right number written as a word",
          ["string", "str", "digits"]),
    wrong("playground_neurons", True, "a yes/no answer (yes, a hidden layer can enclose it) instead of a count",
          ["bool", "True", "yes or no"]),

    # exercise 2: playground_features(prediction); right: "x1_sq, x2_sq"
    wrong("playground_features", "x1, x2", "the raw inputs: one neuron draws one line",
          ["line", "straight", "square", "circle"]),
    wrong("playground_features", "x1x2", "the product: its boundary is a hyperbola, not a circle",
          ["hyperbola", "square", "circle", "x1_sq"]),
    wrong("playground_features", "sin_x1, sin_x2", "the sines: a wavy boundary",
          ["square", "circle", "x1_sq"]),
    wrong("playground_features", "x1_sq", "only one of the two squares",
          ["one of", "choose", "x2_sq"]),
    wrong("playground_features", "x1², x2²", "the right idea written with superscripts, not one of the choices",
          ["one of", "choose", "x1_sq"]),
    wrong("playground_features", ["x1_sq", "x2_sq"], "the right features as a list, not one of the strings",
          ["one of", "string", "choose"]),
    wrong("playground_features", None, "the stub left as it is",
          ["not attempted", "None", "choose"]),
    right("playground_features", "x1_sq,x2_sq", "the right choice without the space"),
    right("playground_features", " x1_sq, x2_sq ", "the right choice with spaces around it"),

    # exercise 3: tanh_output_delta(function)
    wrong("tanh_output_delta", tod_linear, "the linear output's delta (y_hat - y)/n: tanh's slope left out",
          ["slope", "1 - y_hat", "tanh'", "derivative of tanh", "chain rule"]),
    wrong("tanh_output_delta", tod_no_n, "the mean's 1/n forgotten",
          ["/ n", "1/n", "divide", "mean", "n times"]),
    wrong("tanh_output_delta", tod_sign, "y - y_hat: the sign flipped",
          ["sign", "opposite", "y - y_hat", "negative"]),
    wrong("tanh_output_delta", tod_tanh_again, "slope 1 - tanh(y_hat)^2: y_hat taken as z, tanh applied twice",
          ["tanh(y_hat)", "twice", "already", "not z", "y_hat is"]),
    wrong("tanh_output_delta", tod_sigmoid_slope, "sigmoid's slope y_hat (1 - y_hat) instead of tanh's",
          ["sigmoid", "1 - y_hat**2", "1 - y_hat ** 2", "1 - ŷ²"]),
    wrong("tanh_output_delta", tod_slope_squared_wrong, "algebra slip: (1 - y_hat)^2 for 1 - y_hat^2",
          ["1 - y_hat**2", "1 - y_hat ** 2", "1 - ŷ²", "(1 - y_hat)"]),
    wrong("tanh_output_delta", tod_two_n, "the 2 of the square not cancelled: divides by 2n",
          ["factor 2", "factor of 2", "half", "2n", "2 n"]),
    wrong("tanh_output_delta", tod_mean, "np.mean over the samples: one number, the bias's gradient",
          ["shape", "scalar", "one number", "n × 1", "n x 1", "per sample"]),
    wrong("tanh_output_delta", tod_in_place, "writes the delta into y_hat in place",
          ["in place", "changed", "modif", "overwr"]),
    wrong("tanh_output_delta", tod_target_slope, "the slope taken at the target: 1 - y^2",
          ["target", "1 - y**2", "1 - y ** 2", "1 - y²", "instead of y_hat"]),
    wrong("tanh_output_delta", tod_slope_only, "only the slope over n: the error y_hat - y left out",
          ["y_hat - y", "error", "residual", "ŷ - y"]),
    wrong("tanh_output_delta", tod_plus, "sign slip in tanh's slope: 1 + y_hat^2",
          ["1 - y_hat**2", "1 - y_hat ** 2", "1 - ŷ²", "1 + y_hat", "plus"]),
    wrong("tanh_output_delta", tod_flat, "right values flattened to shape (n,)",
          ["shape", "(n, 1)", "n × 1", "n x 1", "flat", "ravel"]),
    wrong("tanh_output_delta", tod_slope_twice, "tanh's slope multiplied in twice",
          ["twice", "square", "once"]),
    right("tanh_output_delta", tod_factored, "the slope factored as (1 - y_hat)(1 + y_hat), len(y)"),
    right("tanh_output_delta", tod_loop, "a loop over the rows"),
    right("tanh_output_delta", tod_numpy_ufuncs, "np.multiply, np.subtract, np.square, y_hat.size"),
    right("tanh_output_delta", tod_dJ_dyhat_first, "dJ/dy_hat first, then the slope, by the chain rule"),

    # exercise 4: playground_regularise(prediction); one of 0, 0.03, 3, 10; right: 3
    wrong("playground_regularise", 0, "no penalty: the big network memorises the 30 training points",
          ["memoris", "overfit", "no penalty", "without regularisation"]),
    wrong("playground_regularise", 0.03, "a weak brake, taken as the safe choice: it still memorises",
          ["weak", "memoris", "overfit", "too little"]),
    wrong("playground_regularise", 10, "the strongest brake, smallest gap taken for lowest validation loss",
          ["log 2", "50/50", "too strong", "underfit", "same output"]),
    wrong("playground_regularise", 1, "section 5's reg. rate 1, not one of the four strengths",
          ["one of", "not among", "choices", "choose"]),
    wrong("playground_regularise", "3", "the right strength written as a string",
          ["string", "quotes", "str"]),
    wrong("playground_regularise", 0.3, "the training share 0.3 answered instead of the strength",
          ["training share", "one of", "not among", "choices"]),
    wrong("playground_regularise", 0.69, "log 2, a loss, answered instead of the strength that gives the lowest",
          ["a loss", "not a strength", "one of", "log 2"]),
    wrong("playground_regularise", "L2", "the kind of penalty named instead of its strength",
          ["strength", "number", "one of"]),
    wrong("playground_regularise", [3, 10], "two strengths to hedge, not one",
          ["one strength", "single", "list", "only one"]),
    wrong("playground_regularise", 0.1, "the learning rate 0.1 answered instead of the L2 strength",
          ["learning rate", "one of", "not among", "choices"]),
    right("playground_regularise", 3.0, "a float"),
    right("playground_regularise", np.float64(3.0), "a numpy float"),
    right("playground_regularise", Fraction(3, 1), "a Fraction"),
    right("playground_regularise", np.array(3), "a 0-d numpy array"),
    right("playground_regularise", np.int64(3), "a numpy integer"),

    # exercise 5: bottleneck_rank(prediction); a 2-8-1-8-3 identity network: right (rank, directions) = (1, 1)
    wrong("bottleneck_rank", (2, 3), "the network without the squeeze: the one-unit layer ignored",
          ["bottleneck", "squeeze", "width 1", "one unit", "single unit", "1 neuron"]),
    wrong("bottleneck_rank", (1, 3), "rank right, but the boundaries taken to meet at a point, one direction per pair",
          ["parallel", "multiple of u", "same normal", "same direction"]),
    wrong("bottleneck_rank", (1, 2), "counts the two boundaries between neighbouring bands, not their directions",
          ["parallel", "same direction", "bands"]),
    wrong("bottleneck_rank", (3, 3), "rank taken as the number of classes, one direction per pair",
          ["at most 2", "2 × 3", "2 x 3", "smaller side", "bottleneck", "squeeze"]),
    wrong("bottleneck_rank", (8, 3), "rank taken as the hidden layers' width, more than a 2 × 3 matrix can have",
          ["at most", "2 × 3", "2 x 3", "bottleneck", "width 1"]),
    wrong("bottleneck_rank", (2, 1), "rank read off W's shape, min(2, 3) = 2: the squeeze missed",
          ["bottleneck", "squeeze", "width 1", "one unit", "single unit", "1 neuron"]),
    wrong("bottleneck_rank", (3, 1), "rank taken as the number of classes; the parallel boundaries seen",
          ["at most 2", "2 × 3", "2 x 3", "smaller side", "two rows"]),
    wrong("bottleneck_rank", 1, "only the rank, one number instead of the pair",
          ["two numbers", "pair", "tuple", "(rank, directions)"]),
    wrong("bottleneck_rank", "1, 1", "the right pair written as a string",
          ["string", "quotes", "tuple of"]),
    right("bottleneck_rank", [1, 1], "a list instead of a tuple"),
    right("bottleneck_rank", (np.int64(1), np.int64(1)), "numpy integers, as np.linalg.matrix_rank returns"),
    right("bottleneck_rank", np.array([1, 1]), "a numpy array of the two numbers"),

    # exercise 6: flat_neurons(prediction); one of "lr 0.001", "lr 10", "identity", "noise 0.5", "batch size full",
    # "l2 0.03", "l2 10"; right: "l2 10"
    wrong("flat_neurons", "identity", "no bend: the best line on the symmetric circle is 50/50, as on XOR, but "
          "identity neurons are linear in x and still shade across the plane",
          ["shade", "spread", "still change", "linear"]),
    wrong("flat_neurons", "lr 0.001", "a tiny step leaves the network near its start, but the random starting "
          "weights still shade every neuron across the plane",
          ["start", "random", "initial", "shade"]),
    wrong("flat_neurons", "lr 10", "too large a step: it would blow the loss up and the status line report it",
          ["diverg", "blow", "status line", "confident"]),
    wrong("flat_neurons", "noise 0.5", "noise lowers the accuracy towards a ceiling, not to 0.50 with flat neurons",
          ["overlap", "ceiling", "still learn", "scatter"]),
    wrong("flat_neurons", "batch size full", "full batch: one step per epoch, slower, read as a network that "
          "never learns; its neurons still shade",
          ["fewer", "one step", "slower", "shade"]),
    wrong("flat_neurons", "l2 0.03", "the right kind of brake, but the weak one: it cannot pull every weight to 0",
          ["weak", "too small", "too little", "stronger"]),
    wrong("flat_neurons", "l2", "the kind of penalty named without its strength",
          ["strength", "how strong", "one of", "which l2"]),
    wrong("flat_neurons", 10, "the strength alone, a number instead of one of the seven strings",
          ["string", "one of", "str", "quotes"]),
    wrong("flat_neurons", "relu", "dead relu neurons guessed, a setting not among the seven",
          ["one of", "not among", "choices", "not a choice"]),
    wrong("flat_neurons", ["identity", "l2 10"], "two settings to hedge, though the classmate changed one",
          ["one setting", "only one", "single", "list"]),
    wrong("flat_neurons", 0.69, "the loss the curves sit at answered instead of the setting",
          ["one of", "string", "not the loss", "a setting"]),
    wrong("flat_neurons", "l2 3", "exercise 4's chosen strength, not among the seven settings",
          ["one of", "not among", "choices", "not a choice"]),
    wrong("flat_neurons", "lr 0.1", "the default learning rate: the setting read off the network's description",
          ["default", "not a change", "unchanged", "one of"]),
    right("flat_neurons", "l2 10", "the plain string"),
    right("flat_neurons", "L2 10", "the right setting with a capital L, as the dashboard writes L2"),
    right("flat_neurons", " l2 10\n", "the right setting with whitespace around it"),
    right("flat_neurons", np.str_("l2 10"), "a numpy string"),
]
