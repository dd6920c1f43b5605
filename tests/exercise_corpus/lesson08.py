"""Lesson 8 (08_playground): neurons for a circle, features instead of neurons, the regression delta, choosing
L2 on validation data, the rank and boundary directions of a bottleneck without a bend."""
import numpy as np

from . import right, wrong


# --- exercise 3: regression_delta(y_hat, y) --------------------------------------------------------------------
def rd_no_n(y_hat, y):
    return y_hat - y


def rd_sign(y_hat, y):
    return (y - y_hat) / len(y)


def rd_mean(y_hat, y):
    return np.mean(y_hat - y)


def rd_half(y_hat, y):
    return (y_hat - y) / (2 * len(y))


def rd_sigmoid_factor(y_hat, y):
    return (y_hat - y) / len(y) * y_hat * (1 - y_hat)


def rd_in_place(y_hat, y):
    y_hat -= y
    return y_hat / len(y_hat)


def rd_loss_terms(y_hat, y):
    return (y_hat - y) ** 2 / (2 * len(y))


def rd_flat(y_hat, y):
    return ((y_hat - y) / len(y)).ravel()


def rd_subtract(y_hat, y):
    return np.subtract(y_hat, y) / y_hat.shape[0]


def rd_loop(y_hat, y):
    n = len(y_hat)
    return np.array([[(y_hat[i, 0] - y[i, 0]) / n] for i in range(n)])


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

    # exercise 3: regression_delta(y_hat, y)
    wrong("regression_delta", rd_no_n, "the 1/n forgotten",
          ["1/n", "n times", "divide"]),
    wrong("regression_delta", rd_sign, "(y - y_hat)/n: wrong sign",
          ["sign", "opposite", "y_hat - y"]),
    wrong("regression_delta", rd_mean, "one number, the mean error, not one delta per sample",
          ["shape", "one per", "per sample", "(n, 1)"]),
    wrong("regression_delta", rd_half, "kept the 1/2 of the cost: divides by 2n",
          ["1/2", "half", "2 times", "factor 2"]),
    wrong("regression_delta", rd_sigmoid_factor, "the sigmoid's slope y_hat(1 - y_hat) on a linear output",
          ["linear", "sigmoid", "identity", "y_hat(1 - y_hat)"]),
    wrong("regression_delta", rd_in_place, "subtracts y from y_hat in place",
          ["in place", "changed", "unchanged"]),
    wrong("regression_delta", rd_loss_terms, "returns the loss terms, not their derivative",
          ["derivative", "square"]),
    wrong("regression_delta", rd_flat, "the right numbers flattened to shape (n,)",
          ["shape", "(n, 1)", "column"]),
    right("regression_delta", rd_subtract, "np.subtract and shape[0]"),
    right("regression_delta", rd_loop, "a loop building the (n, 1) array"),

    # exercise 4: playground_regularise(prediction); right: 0.3
    wrong("playground_regularise", 0, "no regularisation: the network memorises the training points",
          ["memoris", "overfit", "validation"]),
    wrong("playground_regularise", 0.03, "too little L2",
          ["too little", "validation", "memoris", "overfit"]),
    wrong("playground_regularise", 3, "too much L2: even the training data is underfit",
          ["too much", "underfit", "too simple", "training loss"]),
    wrong("playground_regularise", "0.3", "the right number as a string",
          ["string", "str"]),
    wrong("playground_regularise", 0.1, "a value not among the four",
          ["one of", "four"]),
    wrong("playground_regularise", 30, "reads 'stronger is safer'",
          ["one of", "too much"]),
    right("playground_regularise", np.float64(0.3), "a numpy scalar"),
    right("playground_regularise", 3 / 10, "a computed float"),

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
]
