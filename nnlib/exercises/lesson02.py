"""Exercise checks for lesson 2 (02_gradient_descent): the safe rate of a bowl, (in lesson02_pm.py) the gradient for
labels -1 and +1, a gradient descent that climbs, a cross-entropy by hand. Data for the engine in engine.py (plumbing,
not lesson)."""
import numpy as np

from .engine import Case, Slip, function_check, prediction_check
from .lesson02_pm import SLIPS as PM_SLIPS
from .lesson02_pm import SOLUTIONS as PM_SOLUTIONS
from .lesson02_pm import _data, _sigmoid, pm_gradient

BOWL = np.array([[6.0, 2.0], [2.0, 3.0]])           # exercise 1's bowl: curvatures 7 and 2 along its axes
Y_GIVEN = np.array([1, 0, 1, 1])                     # exercise 4's labels and predictions
Y_HAT_GIVEN = np.array([0.9, 0.2, 0.6, 0.5])


def _largest_safe_lr():
    return float(2 / np.linalg.eigvalsh(BOWL).max())


def _cross_entropy(y=Y_GIVEN, y_hat=Y_HAT_GIVEN):
    return float(-np.mean(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat)))


def _fit(X, y, lr, epochs, stale="", sign=1.0, scale="mean", bias=True, sequential=False, link="sigmoid",
         use_b=True, slope=False, lag=False, start=0.0):
    """Gradient descent on the cross-entropy from zeros; the keywords make its typical slips: `stale` names
    the gradients ("w", "b" or "wb") stuck at the start's value, `lag` takes each step's gradient one step late,
    `link` replaces the sigmoid, `slope` keeps sigma' in dJ/dz, `use_b` keeps b in z, `start` is w's start."""
    n_w = 1 if scale in ("sum", "w sum") else len(y)
    n_b = 1 if scale in ("sum", "b sum") else len(y)

    def gradient(w, b):
        z = X @ w + (b if use_b else 0.0)
        y_hat = {"sigmoid": _sigmoid(z), "none": z, "step": (z >= 0).astype(float)}[link]
        error = (y_hat - y) * (y_hat * (1 - y_hat) if slope else 1.0)
        return X.T @ error / n_w, float(np.sum(error) / n_b)

    w, b = np.full(X.shape[1], float(start)), 0.0
    first = before = gradient(w, b)
    for _ in range(epochs):
        dJdw, dJdb = before if lag else gradient(w, b)
        before = gradient(w, b)
        dJdw, dJdb = first[0] if "w" in stale else dJdw, first[1] if "b" in stale else dJdb
        w = w - sign * lr * dJdw
        if sequential:
            dJdb = gradient(w, b)[1]
        b = b - sign * lr * dJdb if bias else b
    return w, b


def _fit_with(lr=None, more=0, **how):
    """_fit with its own lr (when given) and `more` epochs than asked."""
    return lambda X, y, lr_given, epochs: _fit(X, y, lr_given if lr is None else lr, epochs + more, **how)


def _fit_w_per_sample(X, y, lr, epochs):
    w, b = np.zeros(X.shape[0]), 0.0                  # one weight per sample: X @ w fails
    for _ in range(epochs):
        error = _sigmoid(X @ w + b) - y
        w, b = w - lr * X.T @ error / len(y), b - lr * float(np.mean(error))
    return w, b


def _fit_per_sample(X, y, lr, epochs):
    """Lesson 1's habit: one step per sample, on that sample's gradient."""
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(epochs):
        for x_i, y_i in zip(X, y):
            error = _sigmoid(x_i @ w + b) - y_i
            w, b = w - lr * error * x_i, b - lr * float(error)
    return w, b


def _fit_cases():
    (X1, y1), (X2, y2) = _data(2, 8, 2), _data(3, 6, 3)
    return [Case((X1, y1, 1.0, 60), "8 samples, 2 features, lr = 1, 60 epochs"),
            Case((X2, y2, 0.5, 25), "6 samples, 3 features, lr = 0.5, 25 epochs")]


SOLUTIONS = {
    "bowl_lr_limit": _largest_safe_lr(),
    **PM_SOLUTIONS,
    "fit_logistic": _fit,
    "cross_entropy_value": _cross_entropy(),
}
SLIPS = {
    "bowl_lr_limit": [
        Slip("diagonal", "You used the largest diagonal entry, 6, as the steepest curvature: the off-diagonal "
             "entries tilt the bowl, and along its own axes it is steeper than along w1.", 2 / 6),
        Slip("second entry", "You took the last diagonal entry, 3, for the steep direction, as c2 was in the "
             "straight bowl: in a tilted bowl neither diagonal entry is a curvature of the bowl's own axes.", 2 / 3),
        Slip("shallow", "That limit keeps the shallow direction stable; every direction must stay stable, and the "
             "steepest one breaks first.", 2 / 2),
        Slip("one over", "That lr reaches the bottom in one step along the steepest axis (factor 1 - lr c = 0); "
             "the limit is where the factor reaches -1 and the swings stop shrinking.", 1 / 7),
        Slip("curvature", "That is the steepest curvature itself, not a learning rate: section 1 turns a "
             "curvature into the largest safe lr.", 7.0),
        Slip("row sum", "You added a row's entries (6 + 2): that is an upper bound on the steepest curvature, so "
             "the lr is safe but not the largest safe one.", 2 / 8),
        Slip("trace", "2 / (lambda_max + lambda_min), 2 over the sum of the two curvatures (the trace), is "
             "section 2's fastest single rate, the one that shrinks both axes equally fast; it is not the largest "
             "safe one, which comes from the steepest curvature alone.", 2 / 9),
        Slip("unsquared", "Your steepest curvature is off: in det(A - lambda I) the off-diagonal entries enter "
             "as a product of the two, not once.", float(2 / ((9 + np.sqrt(17)) / 2))),
        Slip("half", "You halved the curvatures because of the 1/2 in J: the gradient of 1/2 w^T A w is A w, so "
             "the curvatures are A's eigenvalues themselves.", 4 / 7),
        *[Slip(f"two decimals, {how}", f"Close, but {how} to 2 decimals, and only within 0.001 counts: give 3 "
               "decimals.", v) for how, v in (("cut", 0.28), ("rounded", 0.29))],
    ],
    **PM_SLIPS,
    "fit_logistic": [
        Slip("given", "The weights move by the same step in every epoch: look at what changes inside the loop and "
             "what does not.", _fit_with(stale="wb")),
        Slip("stale b", "w now moves by a fresh step each epoch, but b still moves by the same amount every epoch: "
             "each quantity a step uses must be measured where the step starts.", _fit_with(stale="b")),
        Slip("stale w", "b now moves by a fresh step each epoch, but w still moves by the same vector every epoch: "
             "each quantity a step uses must be measured where the step starts.", _fit_with(stale="w")),
        Slip("lag", "Each step uses the predictions of the point before the last step: they are refreshed in "
             "the loop, but too late for the step that follows.", _fit_with(lag=True)),
        Slip("small lr", "A smaller lr shortens the steps, but they still go the same way and the same distance "
             "every epoch; and the function must use the lr it is given.", _fit_with(lr=0.1, stale="wb")),
        Slip("own lr", "Your function uses an lr of its own: it must step with the lr it is given.",
             _fit_with(lr=0.1)),
        Slip("uphill", "Your loop climbs: the loss grows every epoch. A step downhill goes against the gradient.",
             _fit_with(sign=-1.0)),
        Slip("sum", "Each step is n times too long: the gradient of a mean carries the 1/n.", _fit_with(scale="sum")),
        Slip("bias", "The bias never moves from 0: the boundary is stuck through the origin.", _fit_with(bias=False)),
        Slip("no b in z", "b moves, but the predictions ignore it: y_hat is computed from X @ w alone.",
             _fit_with(use_b=False)),
        Slip("no sigmoid", "Your predictions are not probabilities: y_hat goes below 0 and above 1.",
             _fit_with(link="none")),
        Slip("step", "Your predictions are 0 or 1, as lesson 1's neuron gave: logistic regression's y_hat is "
             "a probability between them.", _fit_with(link="step")),
        Slip("slope", "Your steps are too short, most of all where the model is confident and wrong: in the "
             "cross-entropy's dJ/dz the sigmoid's slope cancels (section 3).", _fit_with(slope=True)),
        Slip("start", "Your run does not start from w = 0, b = 0.", _fit_with(start=1.0)),
        Slip("w sum", "Each step of w is n times too long: the gradient of a mean carries the 1/n, and "
             "X.T @ (y_hat - y) only adds the samples up.", _fit_with(scale="w sum")),
        Slip("b sum", "Each step of b is n times too long: dJ/db is the mean of y_hat - y, not its sum.",
             _fit_with(scale="b sum")),
        Slip("per sample", "Your loop steps once per sample, as lesson 1's perceptron did: gradient descent on "
             "the mean cost takes one step per epoch, on the gradient of all the samples at once.", _fit_per_sample),
        Slip("w shape", "w has one weight per sample: it needs one per feature, a column of X.", _fit_w_per_sample),
        Slip("one step", "Your function returns after the first epoch: the return sits inside the loop.",
             lambda X, y, lr, epochs: _fit(X, y, lr, 1)),
        Slip("one fewer", "Your loop takes one step fewer than `epochs`: check where its range starts and ends.",
             _fit_with(more=-1)),
        Slip("one more", "Your loop takes one step more than `epochs`: check where its range starts and ends.",
             _fit_with(more=1)),
        Slip("order", "You return b, w: the function returns w, b, in that order.", lambda *args: _fit(*args)[::-1]),
        Slip("sequential", "b steps with the gradient taken after w has moved: one step of gradient descent "
             "takes both gradients at the same point.", _fit_with(sequential=True)),
    ],
    "cross_entropy_value": [
        Slip("sum", "You added the four losses up; the cross-entropy here is their mean.", 4 * _cross_entropy()),
        Slip("log10", "You used log base 10; the cross-entropy uses the natural log.", _cross_entropy() / np.log(10)),
        Slip("log2", "You used log base 2; the cross-entropy uses the natural log.", _cross_entropy() / np.log(2)),
        Slip("label 0", "For the sample labelled 0 the likelihood is 1 - y_hat, the probability given to class 0, "
             "not y_hat.", float(-np.mean(np.log(Y_HAT_GIVEN)))),
        Slip("first flipped", "The first sample, labelled 1 with y_hat = 0.9, is costed with log 0.1, the "
             "probability of class 0: a sample labelled 1 costs -log of the probability of class 1.",
             _cross_entropy(y_hat=np.array([0.1, 0.2, 0.6, 0.5]))),
        Slip("third flipped", "The third sample, labelled 1 with y_hat = 0.6, is costed with log 0.4, the "
             "probability of class 0: a sample labelled 1 costs -log of the probability of class 1.",
             _cross_entropy(y_hat=np.array([0.9, 0.2, 0.4, 0.5]))),
        Slip("one term", "You kept only the y log y_hat term: the sample labelled 0 costs something too, through "
             "the (1 - y) term.", float(-np.sum(Y_GIVEN * np.log(Y_HAT_GIVEN)) / 4)),
        Slip("three", "You averaged over the samples labelled 1 only: every sample counts, the one labelled 0 "
             "too.", float(-np.sum(Y_GIVEN * np.log(Y_HAT_GIVEN)) / 3)),
        Slip("other label", "You took -log of the probability of the wrong label for every sample.",
             float(-np.mean(np.log(np.where(Y_GIVEN == 1, 1 - Y_HAT_GIVEN, Y_HAT_GIVEN))))),
        Slip("one minus", "You used 1 - y_hat for every sample: that is the probability of class 0, right only "
             "for the sample labelled 0.", float(-np.mean(np.log(1 - Y_HAT_GIVEN)))),
        Slip("likelihood", "That is the likelihood, the product of the probabilities; the cross-entropy is "
             "-log of it, divided by n.", float(np.prod(np.where(Y_GIVEN == 1, Y_HAT_GIVEN, 1 - Y_HAT_GIVEN)))),
        Slip("log of mean", "You took -log of the mean probability: the cross-entropy is the mean of the -logs, "
             "one per sample, and a log of a mean is not a mean of logs.",
             float(-np.log(np.mean(np.where(Y_GIVEN == 1, Y_HAT_GIVEN, 1 - Y_HAT_GIVEN))))),
        Slip("sign", "A loss of probabilities below 1 is positive: -log p > 0 for p < 1.", -_cross_entropy()),
        Slip("squared", "That is the mean squared error (y_hat - y)^2; the cross-entropy is -log of the "
             "probability each label gets.", float(np.mean((Y_HAT_GIVEN - Y_GIVEN) ** 2))),
        Slip("absolute", "That is the mean distance |y_hat - y|; the cross-entropy is -log of the probability "
             "each label gets.", float(np.mean(np.abs(Y_HAT_GIVEN - Y_GIVEN)))),
    ],
}


def bowl_lr_limit(prediction, grade=False):
    """Lesson 2, exercise 1 (predict): the largest lr for which gradient descent on J = 1/2 w^T A w with
    A = [[6, 2], [2, 3]] does not grow |w| from any start."""
    return prediction_check("bowl_lr_limit", prediction, truth=_largest_safe_lr, tol=0.001,
                            right="Along the bowl's own axes (A's eigenvectors) the curvatures are 7 and 2; "
                                  "the steeper one sets the limit, 2 / 7.",
                            slips=SLIPS["bowl_lr_limit"], grade=grade)


def fit_logistic(fn, grade=False):
    """Lesson 2, exercise 3 (diagnose): fit_logistic(X, y, lr, epochs) -> (w, b) after `epochs` steps of
    gradient descent on the mean binary cross-entropy, from w = 0, b = 0."""
    return function_check("fit_logistic", fn, reference=_fit, cases=_fit_cases(), outputs=("w", "b"),
                          slips=SLIPS["fit_logistic"], pure=True, forbid_modules=("sklearn",), grade=grade)


def cross_entropy_value(prediction, grade=False):
    """Lesson 2, exercise 4 (predict): the mean binary cross-entropy of y_hat = [0.9, 0.2, 0.6, 0.5] for
    labels y = [1, 0, 1, 1]."""
    return prediction_check("cross_entropy_value", prediction, truth=_cross_entropy, tol=0.005,
                            right="-(log 0.9 + log 0.8 + log 0.6 + log 0.5) / 4: the sample labelled 0 counts "
                                  "with 1 - y_hat = 0.8.",
                            slips=SLIPS["cross_entropy_value"], grade=grade)


__all__ = ["bowl_lr_limit", "pm_gradient", "fit_logistic", "cross_entropy_value"]
