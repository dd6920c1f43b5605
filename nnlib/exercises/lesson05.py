"""Exercise checks for lesson 5 (05_moons): the loss at initialisation, which learning rate diverges,
the L1 penalty and its gradient, power iteration for the sharpest curvature.

Each check is data: a reference solution, fixed cases and a catalogue of typical slips (see engine.py).
"""
import numpy as np

from .engine import Slip, function_check, prediction_check
from .handles import matrix_only


# --- exercise 1 (predict): the cross-entropy of a fresh 2-20-4 net on a 4-class spiral ---------------
def _init_loss():
    """Run it: the loss of MLP([2, 20, 4], seed=0) before training, on spiral(400, classes=4, seed=0)."""
    from ..datasets import spiral
    from ..mlp import MLP
    return MLP([2, 20, 4], seed=0).loss(*spiral(400, classes=4, seed=0))


# --- exercise 2 (predict): the smallest of four learning rates that diverges --------------------------
_RATES = (0.5, 2, 4, 64)


def _smallest_diverging():
    """Run it: the 2-3-2 net, l2 = 0.01, 300 epochs on the training moons at each rate; the first that diverges."""
    from ..datasets import moons
    from ..divergence import diverged
    from ..mlp import MLP
    X, y = moons(200, noise=0.2, seed=0)
    for lr in _RATES:
        history = MLP([2, 3, 2], seed=0).fit(X, y, epochs=300, lr=lr, l2=0.01)
        if history["diverged"] or diverged(history["loss"]):
            return lr
    return None


# --- exercise 3 (derive): the L1 penalty and its gradient ---------------------------------------------
def _l1(W, l1, n):
    return l1 / n * np.sum(np.abs(W)), l1 / n * np.sign(W)


def _l1_no_n(W, l1, n):                       # forgot the 1 / n
    return l1 * np.sum(np.abs(W)), l1 * np.sign(W)


def _l1_as_l2(W, l1, n):                      # the L2 gradient: proportional to W
    return l1 / n * np.sum(np.abs(W)), l1 / n * W


def _l1_half(W, l1, n):                       # L2's 1 / (2n) carried over
    return l1 / (2 * n) * np.sum(np.abs(W)), l1 / (2 * n) * np.sign(W)


def _l1_abs_grad(W, l1, n):                   # the derivative of |w| taken as |w| (or 1) instead of sign(w)
    return l1 / n * np.sum(np.abs(W)), l1 / n * np.ones_like(W)


def _l1_in_place(W, l1, n):                   # right numbers, but overwrites W with its signs
    penalty = l1 / n * np.sum(np.abs(W))
    np.sign(W, out=W)
    W *= l1 / n
    return penalty, W


# --- exercise 4 (implement): power iteration -------------------------------------------------------
def _exact_top(H):                            # the reference (numpy, outside the student's call)
    return float(np.linalg.eigvalsh(H)[-1])


def _top_eigenvalue(H):
    v = np.random.default_rng(0).standard_normal(H.shape[0])
    for _ in range(500):
        v = H @ v
        v = v / np.linalg.norm(v)
    return float(v @ H @ v)


def _power_few(H):                            # too few repetitions
    v = np.ones(H.shape[0])
    for _ in range(5):
        v = H @ v
        v = v / np.linalg.norm(v)
    return float(v @ H @ v)


def _power_unnormalised(H):                   # never divides by the norm: v grows like lambda_max^steps
    v = np.ones(H.shape[0])
    for _ in range(100):
        v = H @ v
    return float(v @ H @ v)


def _power_diagonal(H):                       # the largest diagonal entry (read as e_i @ H @ e_i)
    return float(max(e @ (H @ e) for e in np.eye(H.shape[0])))


def _power_numpy(H):                          # the library shortcut the exercise forbids
    return float(np.linalg.eigvalsh(H)[-1])


def _power_vector(H):                         # returns the eigenvector, not the eigenvalue
    v = np.random.default_rng(0).standard_normal(H.shape[0])
    for _ in range(500):
        v = H @ v
        v = v / np.linalg.norm(v)
    return v


def _rotated(eigenvalues, seed):
    """A symmetric matrix with the given eigenvalues, rounded to 3 decimals so it can be shown."""
    Q, _ = np.linalg.qr(np.random.default_rng(seed).standard_normal((len(eigenvalues),) * 2))
    return np.round(Q @ np.diag(eigenvalues) @ Q.T, 3)


SOLUTIONS = {"init_loss": float(np.log(4)), "diverging_lr": 64, "l1_penalty_and_grad": _l1,
             "top_eigenvalue": _top_eigenvalue}

SLIPS = {
    "init_loss": [
        Slip("zero", "A net that knows nothing is not right with certainty: it gives every class about the same "
                     "probability, and -log of that is far from 0.", 0.0),
        Slip("log2", "That is log 2, the loss for two classes; with k = 4 classes each gets about 1/4.",
             float(np.log(2))),
        Slip("prob", "0.25 is the probability of the true class; the loss is -log of it.", 0.25),
        Slip("bits", "That is log base 2 (bits); the cross-entropy uses the natural log: -ln(1/4).", 2.0),
    ],
    "diverging_lr": [
        Slip("swing", "At lr = 2 the loss swings between two values but stays near 0.07: a period-2 cycle is not "
                      "divergence.", 2),
        Slip("edge", "At lr = 4 gradient descent moves to flatter ground, where lr times the curvature is below 2 "
                     "again, and the loss still ends low (the edge of stability).", 4),
        Slip("small", "lr = 0.5 is below 2 / lambda_max everywhere along the way: the loss only goes down.", 0.5),
    ],
    "l1_penalty_and_grad": [
        Slip("no_n", "Both parts are n times too large: the penalty is l1 / n times the sum, to match the mean in "
                     "the data term.", _l1_no_n),
        Slip("as_l2", "dW proportional to W is L2's gradient; the derivative of |w| is sign(w), the same size for "
                      "every weight.", _l1_as_l2),
        Slip("half", "The 1/2 belongs to L2 (it cancels the 2 of w^2); L1's penalty is l1 / n times the sum of |W|.",
             _l1_half),
        Slip("abs", "The derivative of |w| is +1 for w > 0 and -1 for w < 0: use np.sign(W), not a constant.",
             _l1_abs_grad),
        Slip("in_place", "The numbers are right, but you overwrote W (np.sign(W, out=W) or W *= ...): compute "
                         "dW as a new array.", _l1_in_place),
    ],
    "top_eigenvalue": [
        Slip("few", "Right idea, too few repetitions: when the two largest eigenvalues are close, v turns slowly; "
                    "repeat a few hundred times.", _power_few),
        Slip("unnormalised", "Without dividing by the norm, v grows (or shrinks) like lambda_max^steps, and so "
                             "does v @ H @ v: normalise v at every repetition.", _power_unnormalised),
        Slip("diagonal", "The largest diagonal entry is the curvature along one axis, not along the top "
                         "eigenvector: rotate H and it changes.", _power_diagonal),
        Slip("numpy", "The point is to find lambda_max without numpy's routines, which cannot read H here: "
                      "use repeated products H @ v.", _power_numpy),
        Slip("vector", "You returned the vector v; return the number v @ H @ v (the Rayleigh quotient).",
             _power_vector),
    ],
}


def init_loss(prediction, grade=False):
    """Lesson 5, exercise 1 (predict): the loss of MLP([2, 20, 4], seed=0) before training, 4-class spiral."""
    return prediction_check("init_loss", prediction, truth=_init_loss, tol=0.1,
                            right="Scores near 0 make the softmax say about 1/k for every class, so the loss is "
                                  "-log(1/k) = log k = log 4 (the run gives 1.35).",
                            slips=SLIPS["init_loss"], grade=grade)


def diverging_lr(prediction, grade=False):
    """Lesson 5, exercise 2 (predict): the smallest of lr = 0.5, 2, 4, 64 that makes the 2-3-2 net diverge."""
    return prediction_check("diverging_lr", prediction, truth=_smallest_diverging,
                            right="At 2 and 4 the loss swings but stays low; at 64 the first steps overshoot so far "
                                  "that the loss ends above where it started.",
                            slips=SLIPS["diverging_lr"], grade=grade)


def l1_penalty_and_grad(fn, grade=False):
    """Lesson 5, exercise 3 (derive): l1_penalty_and_grad(W, l1, n) -> (l1/n sum|W|, l1/n sign(W))."""
    W1 = np.array([[0.5, -1.0, 2.0], [1.5, 0.25, -0.75]])
    W2 = np.array([[0.0, -0.3], [4.0, -2.0], [0.01, 1.0]])
    cases = [(W1, 0.1, 200), (W2, 1.0, 4), (W1.T, 0.5, 10)]
    return function_check("l1_penalty_and_grad", fn, reference=_l1, cases=cases, outputs=("penalty", "dW"),
                          slips=SLIPS["l1_penalty_and_grad"], pure=True, grade=grade)


def top_eigenvalue(fn, grade=False):
    """Lesson 5, exercise 4 (implement): top_eigenvalue(H) by power iteration. H is given as a matrix the
    function can only multiply vectors by (handles.MatrixOnly), so no library routine can shortcut it."""
    cases = [(_rotated([4.0, 1.0, 0.5], 0),),
             (_rotated([0.9, 1.0, 0.2, 0.5], 1),),              # top two close: needs many repetitions
             (np.array([[1.0, 0.0], [0.0, 3.0]]),)]
    return function_check("top_eigenvalue", fn, reference=_exact_top, cases=cases, outputs=("lambda_max",),
                          slips=SLIPS["top_eigenvalue"], adapt=matrix_only, atol=1e-4, rtol=1e-4,
                          forbid_modules=("scipy", "sklearn"), grade=grade)


__all__ = ["init_loss", "diverging_lr", "l1_penalty_and_grad", "top_eigenvalue"]
