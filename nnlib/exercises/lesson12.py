"""Exercise checks for lesson 12 (12_digits): the confusion matrix, reading new scans, and the practitioner's
recipe (a letter reader's first loss, in lesson12_letters.py; shifting digits; reading a learning curve).

Each check is data: a reference solution, fixed cases and a catalogue of typical slips (see engine.py).
"""
import numpy as np

from .engine import Case, Slip, function_check
from .kept_form import refuse_other_forms
from .lesson12_curves import SLIPS as CURVES_SLIPS
from .lesson12_curves import SOLUTIONS as CURVES_SOLUTIONS
from .lesson12_curves import curve_remedy
from .lesson12_letters import SLIPS as LETTERS_SLIPS
from .lesson12_letters import SOLUTIONS as LETTERS_SOLUTIONS
from .lesson12_letters import letters_start
from .lesson12_roll import NOT_THE_FIX, calls_roll, shift_fixed
from .lesson12_slips import MORE, SHIFTED
from .reply import Refused


# --- exercise 1 (implement): the confusion matrix -------------------------------------------------------
def _confusion(y, y_hat, k):
    C = np.zeros((k, k), dtype=int)
    np.add.at(C, (y, y_hat), 1)
    return C


def _counting(fn):
    """The student's confusion_matrix, with whole numbers stored as floats refused: the counts are integers."""
    if not callable(fn):
        raise TypeError(f"expected a function confusion_matrix(y, y_hat, k), got {type(fn).__name__}")

    def counted(y, y_hat, k):
        C = fn(y, y_hat, k)
        if isinstance(C, np.ndarray) and C.dtype.kind == "f" and np.all(np.round(C) == C):
            raise Refused(f"returned an array of dtype {C.dtype}, but C should hold integers (counts): build it "
                          "with dtype=int")
        return C
    return counted


def _confusion_transposed(y, y_hat, k):      # rows = predicted, columns = true
    return _confusion(y, y_hat, k).T


def _confusion_errors_only(y, y_hat, k):     # the diagonal left out
    C = _confusion(y, y_hat, k)
    np.fill_diagonal(C, 0)
    return C


def _confusion_rates(y, y_hat, k):           # each row divided by its class count
    C = _confusion(y, y_hat, k).astype(float)
    return C / np.maximum(C.sum(axis=1, keepdims=True), 1)


def _confusion_no_k(y, y_hat, k):            # the size from the labels seen, not k
    m = int(max(np.max(y), np.max(y_hat))) + 1
    return _confusion(y, y_hat, m)


def _confusion_fancy(y, y_hat, k):           # C[y, y_hat] += 1 counts a repeated pair only once
    C = np.zeros((k, k), dtype=int)
    C[y, y_hat] += 1
    return C


# --- exercise 2 (diagnose): reading new scans with a trained network ------------------------------------
def _guarded(std):
    return np.where(std > 0, std, 1.0)                # section 2: a pixel blank in every training image keeps 1


def _read_digits(X_new, mean, std, W1, b1, W2, b2):
    a1 = np.tanh(((X_new - mean) / _guarded(std)) @ W1 + b1)
    return np.argmax(a1 @ W2 + b2, axis=1)


def _given_bug(X_new, mean, std, W1, b1, W2, b2):      # the function as the notebook hands it out
    a1 = np.tanh(((X_new - mean) / std) @ W1 + b1)
    z2 = a1 @ W2 + b2
    return np.argmax(z2, axis=0)


def _bug_raw(X_new, mean, std, W1, b1, W2, b2):        # the axis fixed, the pixels left raw
    return np.argmax(np.tanh(X_new @ W1 + b1) @ W2 + b2, axis=1)


def _bug_axis(X_new, mean, std, W1, b1, W2, b2):       # the blank pixels guarded, the axis still wrong
    return np.argmax(np.tanh(((X_new - mean) / _guarded(std)) @ W1 + b1) @ W2 + b2, axis=0)


def _bug_no_guard(X_new, mean, std, W1, b1, W2, b2):   # the axis fixed, 0 / 0 left for the blank pixels
    return np.argmax(np.tanh(((X_new - mean) / std) @ W1 + b1) @ W2 + b2, axis=1)


def _bug_tiny(X_new, mean, std, W1, b1, W2, b2):       # blank pixels divided by a tiny number instead of by 1
    return np.argmax(np.tanh(((X_new - mean) / (std + 1e-8)) @ W1 + b1) @ W2 + b2, axis=1)


def _bug_own_stats(X_new, mean, std, W1, b1, W2, b2):  # the new images scaled with their own statistics
    scale = X_new.std(axis=0)
    X = (X_new - X_new.mean(axis=0)) / np.where(scale > 0, scale, 1.0)
    return np.argmax(np.tanh(X @ W1 + b1) @ W2 + b2, axis=1)


def _bug_sixteen(X_new, mean, std, W1, b1, W2, b2):    # pixels 0-16 scaled to 0-1, not standardised
    return np.argmax(np.tanh((X_new / 16) @ W1 + b1) @ W2 + b2, axis=1)


def _bug_no_divide(X_new, mean, std, W1, b1, W2, b2):  # centred, not scaled
    return np.argmax(np.tanh((X_new - mean) @ W1 + b1) @ W2 + b2, axis=1)


SOLUTIONS = {"confusion_matrix": _confusion, "read_digits": _read_digits, **LETTERS_SOLUTIONS}

SLIPS = {
    "confusion_matrix": [
        Slip("transposed", "Rows and columns are swapped: row i is the true class i, column j the predicted "
                           "class j, so C[y, y_hat] counts.", _confusion_transposed),
        Slip("errors_only", "The diagonal counts too: C[i, i] is how many samples of class i were predicted "
                            "right.", _confusion_errors_only),
        Slip("rates", "Counts, not fractions: leave each row as a count of samples (no dividing by the row "
                      "sum).", _confusion_rates),
        Slip("no_k", "The matrix is k x k even when a class never occurs in y or y_hat: size it from k, not from "
                     "the largest label seen.", _confusion_no_k),
        Slip("fancy_index", "C[y, y_hat] += 1 adds 1 only once for a pair that occurs several times (numpy "
                            "buffers the fancy index): loop over the samples, or use np.add.at.",
             _confusion_fancy),
    ],
    "read_digits": [
        Slip("no_guard", "Every image reads as class 0: for a pixel blank in every training image, std is 0 and "
                         "(X_new - mean) / std is 0 / 0 = nan, which spreads through the whole layer (and argmax "
                         "returns the first nan). Look at how section 2 treated those pixels.", _bug_no_guard),
        Slip("tiny", "Right while the pixels blank in training stay blank; but a speck of ink on one (section 7) is "
             "divided by 0 or by a tiny number, and the huge result swamps the layer. Section 2 divides such a "
             "pixel by 1.", _bug_tiny),
        Slip("raw", "The network was trained on standardised pixels and gets raw ones here: what did its inputs "
             "look like in training?", _bug_raw),
        Slip("axis", "Your labels pick, for each class, the image that scores highest (one label per class, not "
             "per image): along which axis does one image's row of scores run?", _bug_axis),
        Slip("own_stats", "You scaled the new images with their own statistics: the network learned the training part's"
             " scale, which you were given.", _bug_own_stats),
        Slip("sixteen", "You scaled the pixels, but not as in training: the network learned on pixels standardised "
                        "with the training part's mean and std, which you were given.", _bug_sixteen),
        Slip("no_divide", "You centred the pixels but did not finish standardising them: they keep their raw spread.",
             _bug_no_divide),
        Slip("given", "This still behaves as the function handed out: run it on two or three new images, print "
                      "what each step gives (the pixels scaled by mean and std, the scores, the answer) and compare "
                      "each with what section 2 does.", _given_bug),
    ],
}


def confusion_matrix(fn, grade=False):
    """Lesson 12, exercise 1 (implement): confusion_matrix(y, y_hat, k) -> C (k, k) int, C[i, j] = how many samples
    of true class i were predicted as j."""
    cases = [(np.array([0, 1, 2, 2, 1, 0, 2]), np.array([0, 2, 2, 0, 1, 0, 2]), 3),
             (np.array([0, 0, 1, 1, 1]), np.array([1, 0, 1, 1, 0]), 4)]
    return function_check("confusion_matrix", fn, reference=_confusion, cases=cases, outputs=("C",),
                          slips=SLIPS["confusion_matrix"], pure=True, forbid=("sklearn.metrics.confusion_matrix",),
                          forbid_modules=("sklearn", "scipy"), adapt=_counting, grade=grade)


def _digits_case(seed, n, d=6, h=4, k=3, speck=False):
    """A small fixed reading task: n new 'images' of d pixels (0-16), the training statistics (std as computed, 0 for
    a pixel blank in every training image, here pixel seed % d, blank in the new images too, or with speck=True inked
    in every other new image, section 7's speck) and the weights of a d-h-k network whose first layer expects
    standardised pixels."""
    rng = np.random.default_rng(seed)
    mean, std = rng.uniform(3, 10, d), rng.uniform(2, 6, d)
    X_new = np.clip(np.round(mean + std * rng.standard_normal((n, d))), 0, 16)
    blank = seed % d
    mean[blank], std[blank], X_new[:, blank] = 0.0, 0.0, 0.0
    if speck:
        X_new[::2, blank] = 1.0
    return (X_new, mean, std, rng.standard_normal((d, h)), 0.1 * rng.standard_normal(h),
            2 * rng.standard_normal((h, k)), 0.1 * rng.standard_normal(k))


def _read_case(seed, n, speck=False):
    inked = ", inked (1) in every other new image" if speck else ""
    return Case(_digits_case(seed, n, speck=speck),
                f"(X_new ({n}, 6) raw pixels, mean (6,), std (6,) with std[{seed % 6}] = 0 (a pixel blank in every "
                f"training image{inked}), W1 (6, 4), b1 (4,), W2 (4, 3), b2 (3,))")


def read_digits(fn, grade=False):
    """Lesson 12, exercise 2 (diagnose): read_digits(X_new, mean, std, W1, b1, W2, b2) -> labels (n,), for a
    tanh/softmax network trained on pixels standardised with the training part's `mean` and `std` (std 0 for a
    pixel blank in every training image: divided by 1 instead, as section 2 does)."""
    cases = [_read_case(3, 5), _read_case(4, 8), _read_case(6, 12), _read_case(8, 10, speck=True)]
    return function_check("read_digits", fn, reference=_read_digits, cases=cases, outputs=("labels",),
                          slips=SLIPS["read_digits"], pure=True, grade=grade)


# --- exercise 4 (diagnose): shifting digits by one pixel ------------------------------------------------
def _shift(X, dy, dx):
    images = np.pad(np.reshape(X, (-1, 8, 8)), ((0, 0), (1, 1), (1, 1)))
    return images[:, 1 - dy:9 - dy, 1 - dx:9 - dx].reshape(-1, 64)


def _shift_roll(X, dy, dx):                  # the stub: np.roll wraps the edge round to the other side
    return np.roll(np.reshape(X, (-1, 8, 8)), (dy, dx), axis=(1, 2)).reshape(-1, 64)


def _shift_flat(X, dy, dx):                  # the flat 64-vector shifted: a row's end runs into the next row
    X = np.asarray(X, dtype=float)
    out, k = np.zeros_like(X), 8 * dy + dx
    if k >= 0:
        out[:, k:] = X[:, :64 - k]
    else:
        out[:, :64 + k] = X[:, -k:]
    return out


def _shift_swapped(X, dy, dx):               # dy moves columns and dx rows
    return _shift(X, dx, dy)


def _shift_reversed(X, dy, dx):              # positive dy moves the ink up, positive dx left
    return _shift(X, -dy, -dx)


def _shift_edge(X, dy, dx):                  # the new edge copies its neighbour instead of being blank
    images = np.pad(np.reshape(X, (-1, 8, 8)), ((0, 0), (1, 1), (1, 1)), mode="edge")
    return images[:, 1 - dy:9 - dy, 1 - dx:9 - dx].reshape(-1, 64)


SOLUTIONS.update({"shift_digits": shift_fixed, **CURVES_SOLUTIONS})

SLIPS.update(LETTERS_SLIPS)
SLIPS.update(CURVES_SLIPS)
SLIPS.update({
    "shift_digits": [
        Slip("given", "This still moves the ink as the function handed out does: try it on a small image with ink "
                     "on its border, moved each way, and compare every pixel with what a one-pixel move should give.",
             _shift_roll),
        Slip("flat", "Shifting the flat 64-pixel row carries the end of one image row into the start of the next: "
                     "shift the 8 x 8 image, rows and columns apart.", _shift_flat),
        Slip("swapped", "dy and dx act on the wrong axes: dy counts rows (down the image), dx columns (across).",
             _shift_swapped),
        Slip("reversed", "The ink moves the wrong way: positive dy moves it down (to higher row numbers), positive dx "
                         "to the right.", _shift_reversed),
        Slip("edge", "The new edge repeats its neighbouring pixels; pixels that come in from outside the image "
                     "should be blank (0).", _shift_edge),
    ],
})
for _name, _more in MORE.items():
    SLIPS[_name] = SLIPS[_name] + _more


def _images(seed, n):
    """n 8 x 8 'digits' as rows of 64 raw pixels, no pixel blank (so every misplaced pixel shows)."""
    return np.random.default_rng(seed).integers(1, 17, size=(n, 64)).astype(float)


def shift_digits(fn, grade=False):
    """Lesson 12, exercise 4 (diagnose): shift_digits(X, dy, dx) -> the images of X (n, 64) moved dy pixels down and
    dx right, the pixels that come in from outside blank (0). The fix must keep the colleague's np.roll call."""
    cases = [Case((_images(0, 2), 0, 1), "(X (2, 64) raw pixels, dy=0, dx=1)"),
             Case((_images(1, 3), -1, 0), "(X (3, 64) raw pixels, dy=-1, dx=0)"),
             Case((_images(2, 2), 1, -1), "(X (2, 64) raw pixels, dy=1, dx=-1)"),
             Case((_images(3, 2), 0, -1), "(X (2, 64) raw pixels, dy=0, dx=-1)"),    # every sign of dy and dx
             Case((_images(4, 2), 1, 0), "(X (2, 64) raw pixels, dy=1, dx=0)")]      # on its own
    def run(grade):
        return function_check("shift_digits", fn, reference=_shift, cases=cases, outputs=(SHIFTED,),
                              slips=SLIPS["shift_digits"], pure=True, grade=grade)
    return refuse_other_forms("shift_digits", fn, run, calls_roll, NOT_THE_FIX, grade)   # the fix keeps np.roll


__all__ = ["confusion_matrix", "read_digits", "letters_start", "shift_digits", "curve_remedy"]
