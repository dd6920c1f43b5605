"""Exercise checks for lesson 4 (04_backprop): data for the engine in engine.py (plumbing, not lesson). Exercise 1,
the central-difference checker, is in lesson04_central.py; exercise 4, where squared error pushes hardest, in
lesson04_push.py."""
import numpy as np

from .engine import Case, Slip, function_check
from .lesson04_central import SLIPS as CENTRAL_SLIPS
from .lesson04_central import SOLUTIONS as CENTRAL_SOLUTIONS
from .lesson04_central import _central, central_difference
from .lesson04_push import SLIPS as PUSH_SLIPS
from .lesson04_push import SOLUTIONS as PUSH_SOLUTIONS
from .lesson04_push import strongest_push

_H = 1e-5


def _sigmoid(z):
    from ..layers import sigmoid
    return sigmoid(np.asarray(z, dtype=float))


# --- exercises 2 and 3: backward passes (derive) --------------------------------------------------------
def _tanh_grads(X, y, W1, b1, W2, b2, slope="a", delta2="linear", scale=1, bias="sum", into_w2="a", per_n=1,
                transposed="", bias2=None):
    n = X.shape[0] ** per_n / scale
    z1 = X @ W1 + b1
    a1 = np.tanh(z1)
    y_hat = _sigmoid(a1 @ W2 + b2) if delta2 == "sigmoid output" else a1 @ W2 + b2
    d2 = (y_hat - y) / n * {"linear": 1.0, "tanh": 1 - y_hat ** 2}.get(delta2, y_hat * (1 - y_hat))
    d1 = d2 @ W2.T * {"a": 1 - a1 ** 2, "z": 1 - z1 ** 2, "none": 1.0, "sigmoid": a1 * (1 - a1), "unsquared": 1 - a1,
                      "plus": 1 + a1 ** 2,
                      "tanh of a": 1 - np.tanh(a1) ** 2}[slope]
    totals = {"sum": np.sum, "mean": np.mean, "axis 1": lambda d, axis: d.sum(axis=1),
              "keepdims": lambda d, axis: d.sum(axis=axis, keepdims=True)}
    dW1 = d1.T @ X if transposed == "W1" else X.T @ d1
    dW2 = d2.T @ a1 if transposed == "W2" else (a1 if into_w2 == "a" else z1).T @ d2
    return dW1, totals[bias](d1, axis=0), dW2, totals[bias2 or bias](d2, axis=0)


def _input_grad(X, y, W1, b1, W2, b2, slope="a", transpose=False, per_sample=True, per_n=1, out_slope=True,
                stop=False, x_slope=False, weight=""):
    n = X.shape[0] ** per_n
    a1 = _sigmoid(X @ W1 + b1)
    y_hat = _sigmoid(a1 @ W2 + b2)
    d2 = (y_hat - y) / n * (y_hat * (1 - y_hat) if out_slope else 1.0)
    if stop:
        return d2 @ W2.T
    d1 = d2 @ W2.T * {"a": a1 * (1 - a1), "none": 1.0, "tanh": 1 - a1 ** 2}[slope]
    if weight:                                          # dJ/dW1 = X^T delta1 (or its transpose), not dJ/dX
        return (X.T @ d1).T if weight == "T" else X.T @ d1
    dX = W1 @ d1.T if transpose else d1 @ W1.T
    dX = dX * X * (1 - X) if x_slope else dX
    return dX if per_sample else dX.sum(axis=0)


def _input_grad_numerically(X, y, W1, b1, W2, b2, h=_H):
    """dJ/dX by central differences: close, but a derive exercise wants the exact chain rule."""
    def J(X):
        y_hat = _sigmoid(_sigmoid(X @ W1 + b1) @ W2 + b2)
        return 0.5 * np.sum((y_hat - y) ** 2) / X.shape[0]
    return _central(J, X, h)


# Saturated hidden units (|z1| from 5.5 to 11): the gradient is small and exact maths gets it to 1e-12,
# while finite differences miss by more than 1e-10 of it whatever their step.
_SATURATED = (np.array([[1.0, 0.5], [0.5, -1.0], [-1.0, -0.5]]), np.array([[1.0], [0.0], [1.0]]),
              np.array([[-10.0, -6.0, 7.0], [2.0, -10.0, -2.0]]), np.zeros(3), np.array([[1.5], [-2.0], [0.5]]),
              np.array([0.1]))


def _net_case(seed, n=5, d=2, h=3, k=1):
    rng = np.random.default_rng(seed)
    return (rng.normal(size=(n, d)), rng.normal(size=(n, k)), rng.normal(size=(d, h)), rng.normal(size=h),
            rng.normal(size=(h, k)), rng.normal(size=k))


def _tanh_slip(**how):
    return lambda X, y, W1, b1, W2, b2: _tanh_grads(X, y, W1, b1, W2, b2, **how)


def _input_w1(X, y, W1, b1, W2, b2):
    a1 = _sigmoid(X @ W1 + b1)
    y_hat = _sigmoid(a1 @ W2 + b2)
    return ((y_hat - y) / len(X) * y_hat * (1 - y_hat)) @ W2.T * a1 * (1 - a1) @ W1


def _input_slip(**how):
    return lambda X, y, W1, b1, W2, b2: _input_grad(X, y, W1, b1, W2, b2, **how)


SOLUTIONS = {
    **CENTRAL_SOLUTIONS,
    "backprop_tanh": _tanh_grads,
    "input_gradient": _input_grad,
    **PUSH_SOLUTIONS,
}
SLIPS = {
    "backprop_tanh": [
        Slip("sigmoid delta2", "The output is linear, y_hat = z2, so delta2 has no slope factor: drop "
             "y_hat (1 - y_hat).", _tanh_slip(delta2="sigmoid")),
        Slip("tanh delta2", "The output is linear, y_hat = a1 W2 + b2: its slope is 1, so delta2 carries no "
             "tanh slope 1 - y_hat^2.", _tanh_slip(delta2="tanh")),
        Slip("sigmoid output", "This network's output is linear, y_hat = a1 W2 + b2 (a regression), not a sigmoid "
             "as in lesson 3: no sigmoid on z2 and no slope factor in delta2.", _tanh_slip(delta2="sigmoid output")),
        Slip("slope of z", "You wrote tanh's slope with z1: it is 1 - tanh(z1)^2 = 1 - a1^2 (lesson 3), "
             "not 1 - z1^2.", _tanh_slip(slope="z")),
        Slip("no 1/n", "Every gradient is n times too large: J is a mean, so delta2 = (y_hat - y) / n.",
             _tanh_slip(per_n=0)),
        Slip("double", "Every gradient is twice too large: the 1/2 in J = 1/(2n) sum (y_hat - y)^2 cancels the 2 of "
             "the square.", _tanh_slip(scale=2)),
        Slip("bias axis", "dJdb1 is summed over the wrong axis: each bias is shared by all samples, so sum "
             "delta1 over the rows (axis=0).", _tanh_slip(bias="axis 1")),
        Slip("b2 axis", "dJdb2 is summed over the wrong axis: you added up each sample's outputs, one number per "
             "sample, but each entry of b2 belongs to one output and is shared by all the samples.",
             _tanh_slip(bias2="axis 1")),
        Slip("bias extra axis", "The bias gradients have an extra axis (keepdims): a gradient has the shape of its "
             "bias, and b1, b2 are flat, one entry per unit.", _tanh_slip(bias="keepdims")),
        Slip("b2 extra axis", "dJdb2 has an extra axis (keepdims): a gradient has the shape of its bias, and b2 is "
             "flat, one entry per output.", _tanh_slip(bias2="keepdims")),
        Slip("bias mean", "You averaged the bias gradients over the samples; the 1/n is already in delta2, so "
             "dJdb sums the rows of delta.", _tanh_slip(bias="mean")),
        Slip("b2 mean", "dJdb2 is n times too small: the 1/n of the mean is already in delta2, and averaging its "
             "rows divides by n a second time.", _tanh_slip(bias2="mean")),
        Slip("unsquared", "delta1's slope factor is off: tanh'(z) = 1 - tanh(z)^2, and with a1 = tanh(z1) that "
             "keeps a square.", _tanh_slip(slope="unsquared")),
        Slip("plus", "delta1's slope factor is off: tanh'(z) = 1 - tanh(z)^2 is at most 1 and falls as |a1| grows; "
             "check its sign.", _tanh_slip(slope="plus")),
        Slip("no slope", "delta1 misses a factor: going back through the tanh layer multiplies by tanh's slope.",
             _tanh_slip(slope="none")),
        Slip("sigmoid slope", "a1 (1 - a1) is the sigmoid's slope; the hidden layer here is tanh (lesson 3's "
             "exercise 2).", _tanh_slip(slope="sigmoid")),
        Slip("tanh of a", "You took tanh of a1: a1 is already tanh(z1), so its slope is written with a1 itself.",
             _tanh_slip(slope="tanh of a")),
        Slip("z into W2", "dJdW2 uses z1: the output layer's input is the activation a1 = tanh(z1), as in "
             "z2 = a1 W2 + b2.", _tanh_slip(into_w2="z")),
        Slip("W1 transposed", "dJdW1 is transposed: a gradient has its weight's shape, and W1 is (inputs, hidden), "
             "so the samples are summed by X^T delta1.", _tanh_slip(transposed="W1")),
        Slip("W2 transposed", "dJdW2 is transposed: a gradient has its weight's shape, and W2 is (hidden, outputs), "
             "so the samples are summed by a1^T delta2.", _tanh_slip(transposed="W2")),
    ],
    "input_gradient": [
        Slip("no slope", "dJ/dX goes back through the hidden sigmoid too: use delta1 = delta2 W2^T * a1 (1 - a1), "
             "not delta2 W2^T.", _input_slip(slope="none")),
        Slip("no output slope", "delta2 misses the output sigmoid's slope y_hat (1 - y_hat): with squared error it "
             "does not cancel (only cross-entropy's does).", _input_slip(out_slope=False)),
        Slip("transposed", "Your result is (inputs, samples), and a gradient has the shape of what it is taken "
             "with respect to: X is (samples, inputs).", _input_slip(transpose=True)),
        Slip("slope of X", "You multiplied by X (1 - X) at the end: dJ/dX stops at z1 = X W1 + b1, where X enters "
             "linearly, with no activation of its own.", _input_slip(x_slope=True)),
        Slip("summed", "You added the samples up: each sample's inputs have their own gradient, so dJ/dX has "
             "one row per sample, the shape of X.", _input_slip(per_sample=False)),
        Slip("no 1/n", "Every entry is n times too large: J is a mean, so delta2 carries 1/n.",
             _input_slip(per_n=0)),
        Slip("twice 1/n", "Every entry is n times too small: the 1/n of the mean belongs in delta2 once.",
             _input_slip(per_n=2)),
        Slip("tanh slope", "1 - a1^2 is tanh's slope; this network's hidden layer is a sigmoid.",
             _input_slip(slope="tanh")),
        Slip("stopped", "That is dJ/da1 = delta2 W2^T, shaped (samples, hidden): go one layer further down, "
             "through the hidden slope and W1.", _input_slip(stop=True)),
        Slip("W1 untransposed", "delta1 @ W1 does not fit: as dJ/da1 = delta2 W2^T, the step through W1 "
             "multiplies by its transpose.", _input_w1),
        *[Slip(f"weight gradient{tail}", "Your result has the shape of W1" + tail + ": you computed a weight "
               "gradient, which sums over the samples. dJ/dX keeps one row per sample, the shape of X: the chain "
               "goes from delta1 down to X, not to W1.", _input_slip(weight=how)) for how, tail in
          [("W", ""), ("T", " turned over (hidden, inputs)")]],
        Slip("numerical", "Your numbers are close but not exact: finite differences approximate the derivative. "
             "This exercise asks you to derive it: follow the chain rule back to X.", _input_grad_numerically),
    ],
    **CENTRAL_SLIPS,
    **PUSH_SLIPS,
}


def backprop_tanh(fn, grade=False):
    """Lesson 4, exercise 2 (derive): backprop_tanh(X, y, W1, b1, W2, b2) -> (dJdW1, dJdb1, dJdW2, dJdb2) for a
    tanh hidden layer, a linear output and J = 1/(2n) sum (y_hat - y)^2."""
    cases = [Case(_net_case(3), "X (5, 2), y (5, 1), W1 (2, 3), b1 (3,), W2 (3, 1), b2 (1,) (seed 3)"),
             Case(_net_case(4, n=4, d=3, h=2, k=2), "X (4, 3), y (4, 2), W1 (3, 2), b1 (2,), W2 (2, 2), b2 (2,)")]
    return function_check("backprop_tanh", fn, reference=_tanh_grads, cases=cases,
                          outputs=("dJdW1", "dJdb1", "dJdW2", "dJdb2"), slips=SLIPS["backprop_tanh"], pure=True,
                          grade=grade)


def input_gradient(fn, grade=False):
    """Lesson 4, exercise 3 (derive): input_gradient(X, y, W1, b1, W2, b2) -> dJ/dX (n, d) for the sigmoid
    network and J = 1/(2n) sum (y_hat - y)^2."""
    cases = [Case(_net_case(5, n=4), "X (4, 2), y (4, 1), W1 (2, 3), b1 (3,), W2 (3, 1), b2 (1,)"),
             Case(_net_case(6, n=3, d=3, h=2, k=2), "X (3, 3), y (3, 2), W1 (3, 2), b1 (2,), W2 (2, 2), b2 (2,)"),
             Case(_SATURATED, "X (3, 2), y (3, 1), W1 (2, 3) with large weights (saturated hidden units), b1 (3,), "
                              "W2 (3, 1), b2 (1,)")]
    return function_check("input_gradient", fn, reference=_input_grad, cases=cases, outputs=("dJdX",),
                          slips=SLIPS["input_gradient"], pure=True, atol=1e-15, rtol=1e-10, grade=grade)


__all__ = ["central_difference", "backprop_tanh", "input_gradient", "strongest_push"]
