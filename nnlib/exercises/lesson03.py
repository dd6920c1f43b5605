"""Exercise checks for lesson 3 (03_xor_by_hand): data for the engine in engine.py (plumbing, not lesson)."""
import numpy as np

from .compare import has_text, show
from .engine import Case, Slip, function_check, prediction_check
from .pristine import pristine
from .reply import Refused, verdict
from .stubs import untouched
from .tolerance import close
from .wrong_numbers import as_reals


def _sigmoid(z):
    from ..layers import sigmoid
    return sigmoid(np.asarray(z, dtype=float))


def _tanh_derivative(a):
    return 1 - a ** 2


def _gradients(X, y, W1, b1, W2, b2, slope="a", transpose=False, bias="sum", out="full"):
    """The explicit-bias XOR network's backward pass; the keywords make its typical slips."""
    n = X.shape[0]
    z1 = X @ W1 + b1
    a1 = _sigmoid(z1)
    y_hat = _sigmoid(a1 @ W2 + b2)
    delta2 = {"full": (y_hat - y) / n * y_hat * (1 - y_hat), "no slope": (y_hat - y) / n,
              "no n": (y_hat - y) * y_hat * (1 - y_hat)}[out]
    hidden_slope = {"a": a1 * (1 - a1), "none": 1.0, "of a": _sigmoid(a1) * (1 - _sigmoid(a1)),
                    "output": y_hat * (1 - y_hat), "tanh": 1 - a1 ** 2, "a only": a1,
                    "of z": z1 * (1 - z1)}[slope]
    delta1 = delta2 @ W2.T * hidden_slope
    dJdW1 = delta1.T @ X if transpose else X.T @ delta1
    dJdb1 = {"sum": delta1.sum(axis=0), "axis 1": delta1.sum(axis=1), "mean": delta1.mean(axis=0),
             "none": delta1, "keepdims": delta1.sum(axis=0, keepdims=True)}[bias]
    return dJdW1, dJdb1, a1.T @ delta2, delta2.sum(axis=0)


def _caret(a):
    return 1 - a ^ 2


def _tanh_in_place(a):
    if isinstance(a, np.ndarray):
        a *= a
        return 1 - a
    return 1 - a ** 2


def _slip(**how):
    return lambda X, y, W1, b1, W2, b2: _gradients(X, y, W1, b1, W2, b2, **how)


def _cases():
    """The XOR inputs with 3 hidden units (W1 not square), then 3 samples with 2 (W1 square)."""
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    y = np.array([[0.0], [1.0], [1.0], [0.0]])
    W1, b1 = np.array([[0.5, -1.0, 0.25], [1.5, 0.5, -0.75]]), np.array([0.1, -0.2, 0.3])
    W2, b2 = np.array([[1.0], [-2.0], [0.5]]), np.array([0.25])
    X2, y2 = np.array([[0.5, -1.0], [2.0, 0.0], [-1.5, 1.0]]), np.array([[1.0], [0.0], [1.0]])
    W1b, b1b = np.array([[-0.5, 2.0], [1.0, 0.75]]), np.array([0.5, -1.0])
    W2b, b2b = np.array([[1.25], [-0.5]]), np.array([-0.1])
    return [Case((X, y, W1, b1, W2, b2), "the XOR inputs and a 2-3-1 network (W1 (2, 3))"),
            Case((X2, y2, W1b, b1b, W2b, b2b), "3 other samples and a 2-2-1 network (W1 (2, 2), square)")]


SOLUTIONS = {
    "gradient_shapes": (10, 7, 3, 7),
    "tanh_derivative": _tanh_derivative,
    "xor_gradients": _gradients,
}
SLIPS = {
    "gradient_shapes": [
        Slip("column of ones", "With explicit biases X has no column of ones: the biases' gradient is dJdb1, "
             "apart from dJdW1.", (10, 7, 4, 7)),
        Slip("XOR's inputs", "This uses the XOR network's 2 inputs: this network's X is the one the prompt "
             "gives, not section 6's.", (10, 7, 2, 7)),
        Slip("bias unit", "This counts a bias unit in every layer, as courses do that put a 1 in front of each "
             "layer's activations (and then drop its delta): with explicit biases b1 and b2, neither X nor a1 has "
             "that extra column, and dJdb1 holds the hidden biases' gradient.", (10, 8, 4, 8)),
        Slip("hidden bias unit", "This counts a bias unit in the hidden layer, as courses do that put a 1 in front "
             "of a1: with explicit biases, a1 has no such column (b2 carries the output's bias), and so neither has "
             "z1 nor delta1.", (10, 8, 3, 8)),
        Slip("W1 like delta1", "dJdW1 should not be shaped like delta1: every gradient has its weight's shape. What is "
             "W1's shape, in z1 = X @ W1?", (10, 7, 10, 7)),
        Slip("transposed W1", "The rows and columns of dJdW1 are swapped: which of W1's axes runs over the inputs, "
             "in z1 = X @ W1?", (10, 7, 7, 3)),
        Slip("delta per unit", "The rows and columns of delta1 are swapped: delta1 = dJ/dz1 has the shape of z1. "
             "Which of z1's axes runs over the samples?", (7, 10, 3, 7)),
        Slip("outputs", "The 2 outputs enter neither delta1 nor dJdW1: which layer's sizes give the axes of z1, "
             "and of W1?", (10, 2, 3, 2)),
        Slip("delta1 like delta2", "delta1 = dJ/dz1 is shaped like z1, not like delta2 = dJ/dz2: how many columns "
             "does z1 have?", (10, 2, 3, 7)),
        Slip("both transposed", "Both are transposed: which axis of z1 = X @ W1 runs over the samples, and which "
             "axis of W1 over the inputs?", (7, 10, 7, 3)),
        Slip("W2's shape", "(hidden, outputs) is W2's shape; dJdW1 is the gradient of W1, the weights from the "
             "inputs to the hidden units.", (10, 7, 7, 2)),
        Slip("delta1 per input", "delta1 = dJ/dz1 is shaped like z1: does z1 = X @ W1 have a column per input?",
             (10, 3, 3, 7)),
        Slip("summed delta1", "delta1 = dJ/dz1 keeps one row per sample of the batch, as z1 does; only dJdW1 and "
             "dJdb1 sum over the samples.",
             (1, 7, 3, 7)),
        Slip("samples in dJdW1", "dJdW1 has W1's shape, and W1 has no axis for the samples: the product "
             "X.T @ delta1 sums over them. Which two sizes give W1's axes, in z1 = X @ W1?", (10, 7, 3, 10)),
        Slip("X's shape", "(samples, inputs) is X's shape: dJdW1 has W1's shape, and the product X.T @ delta1 "
             "sums the samples away.", (10, 7, 10, 3)),
        Slip("delta2 for delta1", "These are the output layer's shapes, of delta2 and dJdW2: delta1 belongs to "
             "the hidden layer. Which layer's sizes give the axes of z1 = X @ W1 + b1, and of W1?", (10, 2, 7, 2)),
        Slip("XOR's shapes", "These are the XOR network's shapes from section 4 (4 samples, 5 hidden units, a "
             "column of ones): redo them for this network's 10 samples, 3 inputs and 7 hidden units.",
             (4, 5, 3, 5)),
        Slip("XOR's shapes, explicit biases", "These are the XOR network's shapes from section 6 (4 samples, 5 "
             "hidden units): redo them for this network's 10 samples, 3 inputs and 7 hidden units.", (4, 5, 2, 5)),
    ],
    "tanh_derivative": [
        Slip("sigmoid form", "a (1 - a) is the sigmoid's slope; tanh's is different: differentiate "
             "(e^z - e^-z) / (e^z + e^-z) with the quotient rule, then write the result with a.",
             lambda a: a * (1 - a)),
        Slip("no square", "Something the quotient rule squares got lost: 1 - a gives different slopes "
             "at a = 0.5 and a = -0.5, while tanh is odd (tanh(-z) = -tanh(z)), so its slope is the same at z and "
             "-z. Redo the quotient rule, and test your formula at a = 0.5 against a central difference of tanh at "
             "z = arctanh(0.5).", lambda a: 1 - a),
        Slip("tanh of a", "You treated a as z: the argument is already a = tanh(z), so do not apply tanh again; "
             "write the slope with a itself.", lambda a: 1 - np.tanh(a) ** 2),
        Slip("twice", "-2a is 0 at a = 0, where tanh rises fastest, and negative for a > 0, where tanh still rises: "
             "a rising function's slope is never negative. It looks like a derivative taken with respect to a, or "
             "one derivative too many: the slope asked is d tanh(z)/dz, only written with a. Test your formula at "
             "a = 0.5 against a central difference.", lambda a: -2 * a),
        Slip("wrong square", "1 - (1 - a)^2 is 0 at a = 0, where tanh rises fastest, and negative at a = -0.9, "
             "where tanh still rises: the bracket squares the wrong thing; check which quantity the quotient rule "
             "squares, written with a.", lambda a: 1 - (1 - a) ** 2),
        Slip("flipped", "Your slope is negative everywhere, but tanh rises everywhere, so its slope is positive: "
             "a subtraction is the wrong way round.", lambda a: a ** 2 - 1),
        Slip("chain factor", "Your slope misses a factor the chain rule brings: through tanh(z) = 2 sigmoid(2z) - 1 "
             "both the outer 2 and the inner 2z give one, and the quotient rule has none to lose. Test your formula "
             "at a = 0 against a central difference.", lambda a: (1 - a ** 2) / 2),
        Slip("factor two", "Your slope is 2 at a = 0, but near z = 0 tanh(z) is close to z itself, so its slope "
             "there is 1: a factor 2 crept in. Test your formula at a = 0 against a central difference.",
             lambda a: 2 * (1 - a ** 2)),
        Slip("inverse", "Your slope grows without bound as |a| nears 1, but tanh levels off there, so its slope must "
             "die away: you wrote dz/da, the slope of arctanh, rather than da/dz.", lambda a: 1 / (1 - a ** 2)),
        Slip("plus", "Your slope grows as |a| nears 1, but tanh levels off there (at -1 and 1), so its slope must "
             "shrink: check the sign each term gets in the quotient rule.", lambda a: 1 + a ** 2),
        Slip("square of difference", "(1 - a)^2 gives 2.25 at a = -0.5 but 0.25 at a = 0.5, while tanh is odd, so "
             "its slope is the same at z and -z: check what the quotient rule squares.",
             lambda a: (1 - a) ** 2),
        Slip("times two", "1 - a * 2 is negative for a > 0.5, where tanh still rises: a * 2 doubles a, it is no "
             "power (Python writes powers with **).", lambda a: 1 - a * 2),
        Slip("caret", "^ is not a power in Python (it is bitwise XOR, refused on floats): powers are written **.",
             _caret),
        Slip("in place", "The numbers are right; only the way they are computed is not.", _tanh_in_place),
        Slip("flattened", "The slope comes back flattened: an elementwise function returns one slope per entry "
             "of a, in a's own shape.", lambda a: np.ravel(_tanh_derivative(np.asarray(a)))),
    ],
    "xor_gradients": [
        Slip("given", "This still behaves as the code handed out: trained with it, the cost stays on the plateau "
                      "from every start. Your change did not alter what it computes: for each line of the loop, "
                      "write which derivative its comment claims, and work that derivative out with the chain "
                      "rule, one step back at a time.", _slip(slope="none")),
        Slip("no slope, transposed", "dJdW1 is transposed: it does not have W1's shape (inputs, hidden). That is "
             "not all: with it fixed, the hidden gradients would still miss a factor on the way back through the "
             "hidden sigmoid.", _slip(slope="none", transpose=True)),
        Slip("transposed", "dJdW1 does not have W1's shape (inputs, hidden), and every gradient has its "
             "weight's shape: check the order of the product that makes it (a square W1 hides this from the shapes).",
             _slip(transpose=True)),
        Slip("slope of a", "The hidden slope is taken at the wrong place: sigma' belongs at z1, and a1 is already "
             "sigmoid(z1). How is sigma'(z1) written with a1?", _slip(slope="of a")),
        Slip("slope of z", "The hidden slope is written with z1, the sigmoid's input: the form x (1 - x) of "
             "sigma' takes the sigmoid's output, as delta2's factor takes y_hat.", _slip(slope="of z")),
        Slip("output slope", "The hidden slope is the output's: delta1 goes back through the hidden sigmoid, so its "
             "slope is written with the hidden activation a1, not with y_hat.", _slip(slope="output")),
        Slip("bias axis", "dJdb1 is summed over the wrong axis: each bias is shared by all samples, so dJdb1 holds one "
             "number per hidden unit.", _slip(bias="axis 1")),
        Slip("bias mean", "dJdb1 averages delta1 over the samples: the 1/n is already inside delta2, so the bias "
             "gradient sums the rows of delta1.", _slip(bias="mean")),
        Slip("bias keepdims", "dJdb1 keeps the summed axis, with length 1: b1 is a vector (hidden,), and its "
             "gradient must have its shape.", _slip(bias="keepdims")),
        Slip("bias unsummed", "dJdb1 keeps a row per sample: each bias is shared by all samples, so its gradient adds "
             "up their rows of delta1.", _slip(bias="none")),
        Slip("tanh slope", "The hidden slope is tanh's (exercise 2's): this network's hidden units are sigmoids, "
             "whose slope is written differently with a1.", _slip(slope="tanh")),
        Slip("half slope", "The hidden slope is only part of the sigmoid's: sigma'(z1) written with a1 has two "
             "factors.", _slip(slope="a only")),
        Slip("output no slope", "delta2 misses the output sigmoid's slope: y_hat - y alone is the cross-entropy's "
             "delta, and this J is the squared error.", _slip(out="no slope")),
        Slip("no n", "Every gradient is n times too large: J is a mean over the n samples, so its 1/n belongs in "
             "delta2.", _slip(out="no n")),
    ],
}


def _shapes():
    """The shapes of delta1 and dJdW1 in the explicit-bias backward pass of a 3-7-2 network on 10 samples."""
    rng = np.random.default_rng(0)
    X, Y = rng.normal(size=(10, 3)), rng.uniform(size=(10, 2))
    W1, b1, W2, b2 = rng.normal(size=(3, 7)), np.zeros(7), rng.normal(size=(7, 2)), np.zeros(2)
    a1 = _sigmoid(X @ W1 + b1)
    y_hat = _sigmoid(a1 @ W2 + b2)
    delta1 = ((y_hat - Y) / 10 * y_hat * (1 - y_hat)) @ W2.T * a1 * (1 - a1)
    return delta1.shape + (X.T @ delta1).shape


SHAPES_ADVICE = ("Write down the shape of every matrix in z1 = X @ W1 + b1 for this network, then ask which of "
                 "them delta1 = dJ/dz1 and dJdW1 must share a shape with.")


def gradient_shapes(prediction, grade=False):
    """Lesson 3, exercise 1 (predict): (rows, columns) of delta1, then of dJdW1, for a 3-7-2 network on 10 samples.
    Four wrong numbers are told which slip they look like, never which of them is wrong nor which way it is off:
    with four small counts, either would let a student home in on the answer by guessing."""
    values = None if untouched(prediction) else as_reals(prediction, 4)
    if values is not None and all(np.isfinite(values)):
        with pristine():
            truth = _shapes()
        # a reordering is told as such, which locates nothing; graded mode would say which numbers are wrong
        if sorted(values) != sorted(truth) or (grade and tuple(values) != truth):
            slip = next((s for s in SLIPS["gradient_shapes"] if tuple(values) == s.answer), None)
            problem = f"you predicted {show(prediction)}, which is not it"
            return verdict("gradient_shapes", problem, slip.hint if slip else SHAPES_ADVICE, grade)
    return prediction_check("gradient_shapes", prediction, truth=_shapes,
                            right="delta1 = dJ/dz1 is shaped like z1 (samples, hidden) and dJdW1 like W1 "
                                  "(inputs, hidden).", slips=SLIPS["gradient_shapes"], grade=grade)


def _truth_withheld(fn):
    """The student's tanh_derivative, with a wrong slope refused by how far off it is: the true slopes at the
    test points would hand over the formula, and deriving it is the exercise."""
    if not callable(fn):
        raise TypeError(f"expected a function tanh_derivative(a), got {type(fn).__name__}")

    def slope(a):
        # on a copy, before fn can change a; written out, as graded mode refuses any call of the reference
        want = 1 - np.array(a, dtype=float) ** 2
        got = fn(a)
        try:
            wrong = not has_text(got) and np.shape(got) == np.shape(want) and not np.all(close(got, want))
        except (TypeError, ValueError):                       # not numbers: the engine words it
            return got
        if not wrong:
            return got
        off = np.max(np.abs(np.asarray(got, dtype=float) - want))
        how = f"off by up to {off:.2g} from the true one" if np.isfinite(off) else "not all finite numbers"
        raise Refused(f"returned the slope {show(got)}, {how} (the check keeps "
                      "the true values to itself: compare yours with a central difference of np.tanh at "
                      "z = np.arctanh(a), in a cell of your own)")
    return slope


def tanh_derivative(fn, grade=False):
    """Lesson 3, exercise 2 (derive): tanh_derivative(a) -> d tanh(z)/dz written with a = tanh(z)."""
    cases = [(np.array([0.0, 0.5, -0.9, 0.99]),), (np.array([[0.25, -0.25], [0.75, -0.6]]),), (0.3,)]
    return function_check("tanh_derivative", fn, reference=_tanh_derivative, cases=cases, outputs=("the slope",),
                          slips=SLIPS["tanh_derivative"], pure=True, adapt=_truth_withheld,
                          forbid=("np.tanh", "np.arctanh", "np.cosh", "np.exp"), grade=grade)


def xor_gradients(fn, grade=False):
    """Lesson 3, exercise 3 (diagnose): gradients(X, y, W1, b1, W2, b2) -> (dJdW1, dJdb1, dJdW2, dJdb2) of
    J = 1/(2n) sum (y_hat - y)^2 for the sigmoid/sigmoid network with explicit biases."""
    return function_check("xor_gradients", fn, reference=_gradients, cases=_cases(),
                          outputs=("dJdW1", "dJdb1", "dJdW2", "dJdb2"), slips=SLIPS["xor_gradients"], pure=True,
                          grade=grade)


__all__ = ["gradient_shapes", "tanh_derivative", "xor_gradients"]
