"""Lesson 8 (08_playground): neurons for a circle, features instead of neurons, choosing
L2 on validation data, the rank and boundary directions of a bottleneck without a bend."""
import numpy as np

from . import right, wrong

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
