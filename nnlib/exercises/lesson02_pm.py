"""Exercise check for lesson 2 (02_gradient_descent), exercise 2 (derive): the gradient of logistic regression's
cost for labels -1 and +1. Kept apart from lesson02.py, which re-exports it, so each file stays short. Data for
the engine in engine.py (plumbing, not lesson)."""
import numpy as np

from .compare import show
from .engine import Case, Slip, function_check
from .reply import Refused


def _sigmoid(z):
    from ..layers import sigmoid
    return sigmoid(np.asarray(z, dtype=float))


def _data(seed, n, d):
    """n samples of d features and labels that a line separates only roughly."""
    rng = np.random.default_rng(seed)
    X = np.round(rng.normal(size=(n, d)), 2)
    y = (X @ np.arange(1.0, d + 1) + rng.normal(size=n) > 0).astype(float)
    return X, y


def _pm_gradient(X, t, w, b, factor="right", scale="mean", bias="mean"):
    """dJ/dw, dJ/db of J = mean log(1 + exp(-t z)), labels t in {-1, +1}; `factor` and the keywords make
    its typical slips. dJ/dz = -t sigmoid(-t z) / n, which is (y_hat - y) / n with y = (t + 1) / 2."""
    z = X @ w + b
    s = _sigmoid(-t * z)
    with np.errstate(over="ignore", invalid="ignore"):          # the slips' exp may overflow, as a student's does
        e = np.exp(-t * z)
        g = {"right": -t * s, "as y": _sigmoid(z) - t, "sign": t * s, "inside": -t * _sigmoid(t * z), "no t": -s,
             "no -t": s, "no log": -t * e, "slope": -t * s * (1 - s), "mapping": _sigmoid(z) - (1 - t) / 2,
             "overflow": -t * e / (1 + e)}[factor]
        n = len(t) if scale == "mean" else 1
        if bias == "each":
            return X.T @ g / n, g / n
        return X.T @ g / n, float(np.sum(g) / {"mean": len(t), "twice": len(t) ** 2}.get(bias, 1))


def _gradient_slip(**how):
    return lambda X, t, w, b: _pm_gradient(X, t, w, b, **how)


def _gradient_cases():
    """Labels t = 2 y - 1 in {-1, +1}."""
    (X1, y1), (X2, y2) = _data(0, 6, 2), _data(1, 5, 3)
    t1, t2 = 2 * y1 - 1, 2 * y2 - 1
    return [Case((X1, t1, np.array([0.5, -1.0]), 0.25), "6 samples, 2 features, w = [0.5, -1], b = 0.25"),
            Case((X2, t2, np.array([1.0, 0.0, -2.0]), -0.5), "5 samples, 3 features, w = [1, 0, -2], b = -0.5"),
            Case((X1, t1, np.zeros(2), 0.0), "6 samples, 2 features, w = 0, b = 0"),
            Case((X1, t1, np.array([-1000.0, 800.0]), 0.0), "6 samples, 2 features, w = [-1000, 800], b = 0 "
                 "(one |z| is 828)")]

def _one_number_db(fn):
    """The student's pm_gradient, with a dJdb of one entry in an array (shape (1,) or (1, 1)) refused: the
    lesson's b is one number, so its gradient is one number too, not an array."""
    if not callable(fn):
        raise TypeError(f"expected a function pm_gradient(X, t, w, b), got {type(fn).__name__}")

    def one_number(X, t, w, b):
        result = fn(X, t, w, b)
        if isinstance(result, (tuple, list)) and len(result) == 2 and np.ndim(result[1]) > 0 \
                and np.size(result[1]) == 1:
            raise Refused(f"returned dJdb = {show(result[1])}, an array of shape {np.shape(result[1])}: the "
                          "lesson's b is one number, a float with no axis, so dJ/db is one number too. Where "
                          "did the extra axis come from?")
        return result
    return one_number


SOLUTIONS = {"pm_gradient": _pm_gradient}
SLIPS = {"pm_gradient": [
    Slip("as y", "You used t in place of a 0/1 label: section 3's y_hat - y needs y = 0 for the class t = -1, "
         "not -1.",
         _gradient_slip(factor="as y")),
    Slip("as y, bias twice", "Two slips. You used t in place of a 0/1 label: section 3's y_hat - y needs y = 0 "
         "for the class t = -1, not -1. And dJ/db averages dJ/dz again, though its 1/n is already in.",
         _gradient_slip(factor="as y", bias="twice")),
    Slip("mapping", "Each sample's dJ/dz is off from the right one by exactly t. Written with 0/1 labels, that is "
         "t mapped the wrong way round (t = +1 must become y = 1); written with t directly, recheck which of "
         "sigma(t z) and sigma(-t z) the derivative of log(1 + exp(-t z)) gives.",
         _gradient_slip(factor="mapping")),
    Slip("sum", "Your gradient is n times too large: J is a mean over the samples, so its gradient carries "
         "the 1/n too.", _gradient_slip(scale="sum", bias="sum")),
    Slip("sign", "Every entry has the wrong sign: log(1 + e^(-t z)) falls as t z grows, so dJ/dz has the sign "
         "of -t.", _gradient_slip(factor="sign")),
    Slip("inside", "The sigmoid's argument has the wrong sign: differentiate log(1 + e^u) with u = -t z and "
         "write e^u / (1 + e^u) as a sigmoid of u.", _gradient_slip(factor="inside")),
    Slip("no t", "You dropped the inner derivative: du/dz for u = -t z is -t, and that factor stays in.",
         _gradient_slip(factor="no t")),
    Slip("no -t", "You dropped the inner derivative with its sign: du/dz for u = -t z is -t, and that whole "
         "factor, sign and t, stays in.", _gradient_slip(factor="no -t")),
    Slip("no log", "You differentiated e^u but not the log around 1 + e^u: the log's derivative divides by "
         "1 + e^u.", _gradient_slip(factor="no log")),
    Slip("overflow", "Your formula is right, but it overflows: for a sample with -t z near 800, e^(-t z) is "
         "too large for a float (inf), and inf / (1 + inf) gives nan. Write e^u / (1 + e^u) as 1 / (1 + e^(-u)), "
         "a sigmoid, which stays finite.", _gradient_slip(factor="overflow")),
    Slip("slope", "You multiplied by a sigmoid's slope s (1 - s) as well: here the cost is a log of "
         "1 + e^u, and its derivative is one sigmoid, with no further slope.", _gradient_slip(factor="slope")),
    Slip("bias sum", "dJ/dw is right, but dJ/db is n times too large: b enters every sample's z with slope 1 "
         "and J is a mean.", _gradient_slip(bias="sum")),
    Slip("bias twice", "dJ/dw is right, but dJ/db is n times too small: the 1/n of the mean is already in "
         "each sample's dJ/dz, and averaging those again divides by n a second time.",
         _gradient_slip(bias="twice")),
    Slip("weights sum", "dJ/db is right, but dJ/dw is n times too large: J is a mean, so each sample's "
         "share carries the 1/n.", _gradient_slip(scale="sum", bias="mean")),
    Slip("bias each", "Your dJ/db is one number per sample: b enters every sample's z, so its gradient "
         "adds up all the samples' shares into one number.", _gradient_slip(bias="each")),
]}


def pm_gradient(fn, grade=False):
    """Lesson 2, exercise 2 (derive): pm_gradient(X, t, w, b) -> (dJ/dw, dJ/db) of J = mean log(1 + e^(-t z)),
    z = X @ w + b, for labels t in {-1, +1}."""
    return function_check("pm_gradient", fn, reference=_pm_gradient, cases=_gradient_cases(),
                          outputs=("dJdw", "dJdb"), slips=SLIPS["pm_gradient"], pure=True, adapt=_one_number_db,
                          forbid_modules=("sklearn",), grade=grade)
