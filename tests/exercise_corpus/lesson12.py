"""Lesson 12 (12_digits): the confusion matrix by hand, counting parameters, a digit reader that reads nothing; the
first loss of a letter reader, a shift that leaks, reading a learning curve."""
import numpy as np

from . import right, wrong


# --- exercise 1: confusion_matrix(y, y_hat, k) -----------------------------------------------------------------
def cm_transposed(y, y_hat, k):
    C = np.zeros((k, k), dtype=int)
    np.add.at(C, (y_hat, y), 1)
    return C


def cm_from_data(y, y_hat, k):
    size = int(max(np.max(y), np.max(y_hat))) + 1
    C = np.zeros((size, size), dtype=int)
    np.add.at(C, (y, y_hat), 1)
    return C


def cm_fancy(y, y_hat, k):
    C = np.zeros((k, k), dtype=int)
    C[y, y_hat] += 1                     # repeated pairs counted once
    return C


def cm_float(y, y_hat, k):
    C = np.zeros((k, k))
    for i, j in zip(y, y_hat):
        C[i, j] += 1
    return C


def cm_normalised(y, y_hat, k):
    C = np.zeros((k, k))
    np.add.at(C, (y, y_hat), 1)
    return C / np.maximum(C.sum(axis=1, keepdims=True), 1)


def cm_bigger(y, y_hat, k):
    C = np.zeros((k + 1, k + 1), dtype=int)
    np.add.at(C, (y, y_hat), 1)
    return C


def cm_sklearn(y, y_hat, k):
    from sklearn.metrics import confusion_matrix
    return confusion_matrix(y, y_hat, labels=range(k))


def cm_from_one(y, y_hat, k):
    C = np.zeros((k, k), dtype=int)
    for i, j in zip(y, y_hat):
        C[i - 1, j - 1] += 1
    return C


def cm_bincount(y, y_hat, k):
    return np.bincount(np.asarray(y) * k + np.asarray(y_hat), minlength=k * k).reshape(k, k)


def cm_comparisons(y, y_hat, k):
    y, y_hat = np.asarray(y), np.asarray(y_hat)
    return np.array([[np.sum((y == i) & (y_hat == j)) for j in range(k)] for i in range(k)])


# --- exercise 5: shift_digits(X, dy, dx) -----------------------------------------------------------------------
def sd_stub(X, dy, dx):
    return np.roll(X.reshape(-1, 8, 8), (dy, dx), axis=(1, 2)).reshape(-1, 64)


def sd_flat(X, dy, dx):
    out = np.zeros_like(X, dtype=float)
    k = 8 * dy + dx
    if k >= 0:
        out[:, k:] = X[:, :64 - k]
    else:
        out[:, :k] = X[:, -k:]
    return out


def sd_swapped(X, dy, dx):
    padded = np.pad(X.reshape(-1, 8, 8), ((0, 0), (1, 1), (1, 1)))
    return padded[:, 1 - dx:9 - dx, 1 - dy:9 - dy].reshape(-1, 64)


def sd_reversed(X, dy, dx):
    padded = np.pad(X.reshape(-1, 8, 8), ((0, 0), (1, 1), (1, 1)))
    return padded[:, 1 + dy:9 + dy, 1 + dx:9 + dx].reshape(-1, 64)


def sd_edge(X, dy, dx):
    padded = np.pad(X.reshape(-1, 8, 8), ((0, 0), (1, 1), (1, 1)), mode="edge")
    return padded[:, 1 - dy:9 - dy, 1 - dx:9 - dx].reshape(-1, 64)


def sd_square(X, dy, dx):
    return np.pad(X.reshape(-1, 8, 8), ((0, 0), (1, 1), (1, 1)))[:, 1 - dy:9 - dy, 1 - dx:9 - dx]


def sd_loops(X, dy, dx):
    out = np.zeros(np.shape(X))
    for r in range(8):
        for c in range(8):
            if 0 <= r + dy < 8 and 0 <= c + dx < 8:
                out[:, 8 * (r + dy) + c + dx] = X[:, 8 * r + c]
    return out


def sd_roll_and_clear(X, dy, dx):
    images = np.roll(X.reshape(-1, 8, 8), (dy, dx), axis=(1, 2)).astype(float)
    if dy:
        images[:, 0 if dy == 1 else 7] = 0
    if dx:
        images[:, :, 0 if dx == 1 else 7] = 0
    return images.reshape(-1, 64)


def sd_roll_then_mask(X, dy, dx):
    rows, cols = np.arange(8)[:, None], np.arange(8)[None, :]
    inside = (rows - dy >= 0) & (rows - dy < 8) & (cols - dx >= 0) & (cols - dx < 8)
    return (np.roll(np.reshape(X, (-1, 8, 8)), (dy, dx), axis=(1, 2)) * inside).reshape(-1, 64)


# --- exercise 2: read_digits(X_new, mean, std, W1, b1, W2, b2) ------------------------------------------------
def rd_stub(X_new, mean, std, W1, b1, W2, b2):
    a1 = np.tanh(((X_new - mean) / std) @ W1 + b1)
    z2 = a1 @ W2 + b2
    return np.argmax(z2, axis=0)


def rd_axis_only(X_new, mean, std, W1, b1, W2, b2):
    a1 = np.tanh(((X_new - mean) / std) @ W1 + b1)
    z2 = a1 @ W2 + b2
    return np.argmax(z2, axis=1)


def rd_std_only(X_new, mean, std, W1, b1, W2, b2):
    std = np.where(std > 0, std, 1.0)
    a1 = np.tanh(((X_new - mean) / std) @ W1 + b1)
    z2 = a1 @ W2 + b2
    return np.argmax(z2, axis=0)


def rd_nan_to_num(X_new, mean, std, W1, b1, W2, b2):
    with np.errstate(invalid="ignore", divide="ignore"):
        X = np.nan_to_num((X_new - mean) / std)           # 0 / 0 -> 0, but ink / 0 -> inf -> a huge number
    a1 = np.tanh(X @ W1 + b1)
    return np.argmax(a1 @ W2 + b2, axis=1)


def rd_epsilon(X_new, mean, std, W1, b1, W2, b2):
    a1 = np.tanh(((X_new - mean) / (std + 1e-8)) @ W1 + b1)   # ink on a blank pixel: 16 / 1e-8
    return np.argmax(a1 @ W2 + b2, axis=1)


def rd_raw(X_new, mean, std, W1, b1, W2, b2):
    a1 = np.tanh(X_new @ W1 + b1)                       # no standardising, no division, no nan
    return np.argmax(a1 @ W2 + b2, axis=1)


def rd_own_stats(X_new, mean, std, W1, b1, W2, b2):
    own_mean, own_std = X_new.mean(axis=0), X_new.std(axis=0)   # the batch's own statistics
    own_std = np.where(own_std > 0, own_std, 1.0)
    a1 = np.tanh(((X_new - own_mean) / own_std) @ W1 + b1)
    return np.argmax(a1 @ W2 + b2, axis=1)


def rd_precedence(X_new, mean, std, W1, b1, W2, b2):
    std = np.where(std > 0, std, 1.0)
    a1 = np.tanh((X_new - mean / std) @ W1 + b1)        # brackets lost: X_new - (mean / std)
    return np.argmax(a1 @ W2 + b2, axis=1)


def rd_no_mean(X_new, mean, std, W1, b1, W2, b2):
    std = np.where(std > 0, std, 1.0)
    a1 = np.tanh((X_new / std) @ W1 + b1)
    return np.argmax(a1 @ W2 + b2, axis=1)


def rd_proba(X_new, mean, std, W1, b1, W2, b2):
    std = np.where(std > 0, std, 1.0)
    z2 = np.tanh(((X_new - mean) / std) @ W1 + b1) @ W2 + b2
    e = np.exp(z2 - z2.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)             # the probabilities, not the labels


def rd_nanargmax(X_new, mean, std, W1, b1, W2, b2):
    a1 = np.tanh(((X_new - mean) / std) @ W1 + b1)
    return np.nanargmax(a1 @ W2 + b2, axis=1)           # "argmax picks the nan": skip the nans instead


def rd_where_eq(X_new, mean, std, W1, b1, W2, b2):
    std = np.where(std == 0, 1, std)
    z2 = np.tanh(((X_new - mean) / std) @ W1 + b1) @ W2 + b2
    return np.argmax(z2, axis=-1)


def rd_loop(X_new, mean, std, W1, b1, W2, b2):
    safe = np.where(std > 0, std, 1.0)
    labels = []
    for image in X_new:
        scores = np.tanh(((image - mean) / safe) @ W1 + b1) @ W2 + b2
        labels.append(int(np.argmax(scores)))
    return np.array(labels)


def rd_softmax(X_new, mean, std, W1, b1, W2, b2):
    std = std.copy()
    std[std == 0] = 1.0
    z2 = np.tanh(((X_new - mean) / std) @ W1 + b1) @ W2 + b2
    p = np.exp(z2 - z2.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    return np.argmax(p.T, axis=0)                       # softmax changes no order; columns of p.T are images


ENTRIES = [
    wrong("confusion_matrix", cm_transposed, "rows are the predictions, columns the true classes",
          ["transpos", "rows", "true", "swap"]),
    wrong("confusion_matrix", cm_from_data, "the size from the labels present, not k",
          ["k", "never occurs", "shape"]),
    wrong("confusion_matrix", cm_fancy, "C[y, y_hat] += 1 counts a repeated pair only once",
          ["repeat", "duplicate", "once", "np.add.at", "counted"]),
    wrong("confusion_matrix", cm_float, "a float array, not integers",
          ["integer", "int", "dtype"]),
    wrong("confusion_matrix", cm_normalised, "rows normalised to fractions",
          ["count", "integer", "normalis"]),
    wrong("confusion_matrix", cm_bigger, "(k + 1) x (k + 1)",
          ["shape", "k x k"]),
    wrong("confusion_matrix", cm_sklearn, "scikit-learn's confusion_matrix, which the prompt forbids",
          ["not allowed", "sklearn", "scikit"]),
    wrong("confusion_matrix", cm_from_one, "classes taken as 1..k: every count shifted",
          ["off by one", "from 0", "shift"]),
    right("confusion_matrix", cm_bincount, "np.bincount of y * k + y_hat"),
    right("confusion_matrix", cm_comparisons, "k x k boolean comparisons"),

    # exercise 5: shift_digits(X, dy, dx)
    wrong("shift_digits", sd_stub, "the stub: np.roll wraps the edge round",
          ["wrap", "opposite", "leaves", "frame", "handed out"]),
    wrong("shift_digits", sd_flat, "the flat 64-vector shifted: rows run into each other",
          ["row", "flat", "8 x 8"]),
    wrong("shift_digits", sd_swapped, "dy and dx on the wrong axes",
          ["axes", "rows", "columns"]),
    wrong("shift_digits", sd_reversed, "moves the ink the wrong way",
          ["wrong way", "direction", "down"]),
    wrong("shift_digits", sd_edge, "the new edge copies its neighbour",
          ["blank", "edge", "0"]),
    wrong("shift_digits", sd_square, "right pixels, returned as (n, 8, 8) images",
          ["shape", "(2, 64)"]),
    wrong("shift_digits", sd_loops, "pixel by pixel: right images, but the colleague's np.roll not kept",
          ["np.roll", "diagnosis"]),
    right("shift_digits", sd_roll_and_clear, "roll, then blank the row and column that wrapped round"),
    right("shift_digits", sd_roll_then_mask, "roll, then multiply by a mask of the pixels that had a source"),

    # exercise 6: curve_remedy(prediction); right: "bigger network"
    wrong("curve_remedy", "more data", "more data for a network that cannot fit what it has",
          ["both", "gap", "flat", "low"]),
    wrong("curve_remedy", "stronger regularisation", "a brake on an underfitting network",
          ["training accuracy", "holds", "brake", "too low"]),
    wrong("curve_remedy", "smaller network", "less capacity for an underfitting network",
          ["smaller", "less well", "capacity"]),
    wrong("curve_remedy", "regularisation", "not one of the four as written",
          ["choose", "one of"]),
    wrong("curve_remedy", "train longer", "not one of the four",
          ["choose", "one of"]),
    wrong("curve_remedy", 2, "the option's number",
          ["choose", "one of"]),
    right("curve_remedy", "Bigger network", "capitalised"),
    right("curve_remedy", "bigger network ", "a trailing space"),

    # exercise 3: letters_start(prediction), a fresh 64-16-26 net reports 0.13; right: "averaged over the classes too"
    wrong("letters_start", "weights drawn too large", "too-large weights raise the first loss above log 26, not below",
          ["above", "raise", "higher", "confidently wrong"]),
    wrong("letters_start", "learning rate too high", "no step has been taken: the learning rate plays no part yet",
          ["no step", "first step", "not been trained", "untrained", "plays no part"]),
    wrong("letters_start", "label among the inputs", "a fresh network's random weights cannot use a leaked label yet",
          ["fresh", "random weights", "cannot use", "not trained", "learned nothing"]),
    wrong("letters_start", "log base 10 in the loss", "log10(26) is about 1.41, ten times 0.13",
          ["1.41", "1.4", "log10(26)", "ten times"]),
    wrong("letters_start", "nothing is wrong", "0.13 is far below log 26 = 3.26, where a fresh network starts",
          ["log 26", "3.26", "3.3", "below", "too low"]),
    wrong("letters_start", "weights drawn too small", "not one of the six (and small weights give about log 26)",
          ["one of", "six", "log 26"]),
    wrong("letters_start", "bigger network", "exercise 5's answer typed in the wrong cell",
          ["one of", "six"]),
    wrong("letters_start", 5, "the option's number (the fifth), not its string",
          ["one of", "six", "string"]),
    wrong("letters_start", 0.125, "a number, log(26) / 26: the start worked out, not the cause named",
          ["one of", "six", "string"]),
    wrong("letters_start", ["log base 10 in the loss", "averaged over the classes too"], "two causes, hedging",
          ["one of", "single", "list", "only one"]),
    right("letters_start", "Averaged over the classes too", "capitalised"),
    right("letters_start", "  averaged over the classes too\n", "surrounding spaces and a newline"),
    right("letters_start", np.str_("averaged over the classes too"), "a numpy string"),

    # exercise 2: read_digits(X_new, mean, std, W1, b1, W2, b2)
    wrong("read_digits", rd_stub, "the stub: 0 / 0 on the blank pixels, and argmax along axis 0",
          ["nan", "axis", "std"]),
    wrong("read_digits", rd_axis_only, "axis fixed, but still 0 / 0 = nan on the pixels blank in training",
          ["nan", "std", "0 / 0", "blank"]),
    wrong("read_digits", rd_std_only, "std fixed, but still argmax along axis 0: one label per digit",
          ["axis", "row", "axis=1", "10 labels"]),
    wrong("read_digits", rd_nan_to_num, "nan_to_num after the division: ink on a blank pixel becomes a huge "
          "number instead of its raw ink", ["ink", "inf", "std of 1", "divide by 1", "by 1"]),
    wrong("read_digits", rd_epsilon, "std + 1e-8: ink on a blank pixel divided by 1e-8",
          ["1e-8", "epsilon", "eps", "std of 1", "divide by 1", "by 1"]),
    wrong("read_digits", rd_raw, "the standardising dropped: raw pixels into a network trained on standardised ones",
          ["standardis", "mean", "raw", "std"]),
    wrong("read_digits", rd_own_stats, "standardised with the new batch's own mean and std, not the training part's",
          ["training", "shipped", "own", "batch"]),
    wrong("read_digits", rd_precedence, "brackets lost: X_new - mean / std",
          ["bracket", "parenthes", "(X_new - mean) / std", "order of operations", "standardis"]),
    wrong("read_digits", rd_no_mean, "divides by std but does not subtract the mean",
          ["mean", "subtract", "centre", "center"]),
    wrong("read_digits", rd_proba, "returns the softmax probabilities, not one label per image",
          ["label", "argmax", "probabilit"]),
    wrong("read_digits", rd_nanargmax, "nanargmax to skip the nans: a row of nans has nothing left to pick",
          ["nan", "std", "blank", "0 / 0"]),
    right("read_digits", rd_where_eq, "np.where(std == 0, 1, std), argmax along axis -1"),
    right("read_digits", rd_loop, "image by image in a loop"),
    right("read_digits", rd_softmax, "a masked copy of std, softmax first, argmax of the transpose along axis 0"),

    # exercise 5, the new case: training 1.00/0.97/0.93/0.91, validation 0.70/0.80/0.86/0.89 at 100 to 3000
    # images, 0.97 needed, 30000 more images to label; right: "bigger network" (the curves meet near 0.9: bias)
    wrong("curve_remedy", "more data", "the validation curve read alone: still climbing, but the training accuracy "
          "falls to 0.91 and caps it short of 0.97", ["training accuracy", "0.91", "bias", "ceiling"]),
    wrong("curve_remedy", "stronger regularisation", "the early gap (0.30 at 100 images) read as overfitting, "
          "though it has closed to 0.02", ["gap", "0.02", "brake", "bias"]),
    wrong("curve_remedy", "smaller network", "the falling training accuracy blamed on too much capacity",
          ["capacity", "ceiling", "bias", "fits less"]),
    wrong("curve_remedy", ["more data", "bigger network"], "both, more data first, hedging",
          ["one of", "single", "only one", "first"]),
    wrong("curve_remedy", "high bias", "the diagnosis, not the remedy",
          ["remedy", "one of", "four", "diagnos"]),
    wrong("curve_remedy", "more training data", "more data in other words, not one of the four as written",
          ["one of", "four", "as written", "training accuracy"]),
    wrong("curve_remedy", 1, "the index (from 0) of the right option in the comment's list",
          ["one of", "string", "four"]),
    wrong("curve_remedy", 0.97, "the target accuracy: answers another question",
          ["one of", "string", "four"]),
    right("curve_remedy", np.str_("bigger network"), "a numpy string"),
]
