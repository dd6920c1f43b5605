"""More typical wrong answers for lesson 12's checks (12_digits), kept apart from lesson12.py so each file stays
short: `MORE[name]` is appended to lesson12.SLIPS[name]. Data for the engine in engine.py."""
import numpy as np

from .compare import Named
from .engine import Slip

# The check's output: an entry of the flat (n, 64) array is named as an image's pixel, with its row and column.
SHIFTED = Named("shifted", lambda i: f"image {i[0]}, pixel {i[1]} (row {i[1] // 8}, column {i[1] % 8})")


def _shift_unguarded(X, dy, dx):            # the right edges blanked, but also one edge for a move of 0
    moved = np.roll(np.reshape(X, (-1, 8, 8)), (dy, dx), axis=(1, 2))
    moved[:, 0 if dy > 0 else -1, :] = 0
    moved[:, :, 0 if dx > 0 else -1] = 0
    return moved.reshape(-1, 64)


def _shift_unguarded_first(X, dy, dx):      # the same, with a move of 0 taken as a move down or right
    moved = np.roll(np.reshape(X, (-1, 8, 8)), (dy, dx), axis=(1, 2))
    moved[:, 0 if dy >= 0 else -1, :] = 0
    moved[:, :, 0 if dx >= 0 else -1] = 0
    return moved.reshape(-1, 64)


_UNGUARDED = ("You blanked an edge for a move of 0: when dy or dx is 0, nothing comes round on that axis, so no "
              "row or column should be blanked there; only the edge the roll brought round should be. (Your code "
              "treats a move of 0 as a move {}.)")


def _shift_all_borders(X, dy, dx):          # the move done right, then every border row and column blanked
    images = np.pad(np.reshape(X, (-1, 8, 8)), ((0, 0), (1, 1), (1, 1)))[:, 1 - dy:9 - dy, 1 - dx:9 - dx].copy()
    images[:, [0, -1], :] = 0
    images[:, :, [0, -1]] = 0
    return images.reshape(-1, 64)


# --- exercise 1 (implement): the confusion matrix --------------------------------------------------------------
def _count(y, y_hat, k):
    C = np.zeros((k, k), dtype=int)
    np.add.at(C, (y, y_hat), 1)
    return C


def _confusion_columns(y, y_hat, k):          # each column divided by its count of predictions
    C = _count(y, y_hat, k)
    return C / np.maximum(C.sum(axis=0, keepdims=True), 1)


def _confusion_one_based(y, y_hat, k):        # classes taken as 1..k: C[y - 1, y_hat - 1]
    C = np.zeros((k, k), dtype=int)
    np.add.at(C, (np.asarray(y) - 1, np.asarray(y_hat) - 1), 1)
    return C


def _confusion_or(y, y_hat, k):               # `or` where `and` belongs: true class i OR predicted j
    y, y_hat = np.asarray(y), np.asarray(y_hat)
    return np.array([[np.sum((y == i) | (y_hat == j)) for j in range(k)] for i in range(k)])


def _confusion_short(y, y_hat, k):            # range(k - 1): the last class never counted
    y, y_hat = np.asarray(y), np.asarray(y_hat)
    C = np.zeros((k, k), dtype=int)
    for i in range(k - 1):
        for j in range(k - 1):
            C[i, j] = np.sum((y == i) & (y_hat == j))
    return C


# --- exercise 3 (diagnose): reading new scans ----------------------------------------------------------------
def _labels(X, W1, b1, W2, b2):
    return np.argmax(np.tanh(X @ W1 + b1) @ W2 + b2, axis=1)


def _safe(std):
    return np.where(std > 0, std, 1.0)


def _read_precedence(X_new, mean, std, W1, b1, W2, b2):     # X_new - mean / std: the division first
    return _labels(X_new - mean / _safe(std), W1, b1, W2, b2)


def _read_times_std(X_new, mean, std, W1, b1, W2, b2):      # multiplied by the std
    return _labels((X_new - mean) * std, W1, b1, W2, b2)


def _read_in_place(X_new, mean, std, W1, b1, W2, b2):       # right labels, X_new overwritten
    X_new -= mean
    X_new /= _safe(std)
    return _labels(X_new, W1, b1, W2, b2)


def _read_scores(X_new, mean, std, W1, b1, W2, b2):         # the scores returned, not the labels
    return np.tanh(((X_new - mean) / _safe(std)) @ W1 + b1) @ W2 + b2


def _read_max(X_new, mean, std, W1, b1, W2, b2):            # the largest score, not where it is
    return np.max(np.tanh(((X_new - mean) / _safe(std)) @ W1 + b1) @ W2 + b2, axis=1)


def _read_zeroed(X_new, mean, std, W1, b1, W2, b2):         # a never-seen pixel set to 0, not divided by 1
    return _labels(np.where(std > 0, (X_new - mean) / _safe(std), 0.0), W1, b1, W2, b2)


# --- exercise 5 (diagnose): shifting digits by one pixel -----------------------------------------------------
def _shift_right(X, dy, dx):
    images = np.pad(np.reshape(X, (-1, 8, 8)), ((0, 0), (1, 1), (1, 1)))
    return images[:, 1 - dy:9 - dy, 1 - dx:9 - dx].reshape(-1, 64)


def _shift_in_place(X, dy, dx):               # right pixels, written back into X
    X[...] = _shift_right(X, dy, dx)
    return X


def _rolled(X, dy, dx):
    return np.roll(np.reshape(X, (-1, 8, 8)), (dy, dx), axis=(1, 2))


def _shift_far_edge(X, dy, dx):               # rolled, then the edge the ink moved towards blanked
    moved = _rolled(X, dy, dx)
    if dy:
        moved[:, -1 if dy > 0 else 0, :] = 0
    if dx:
        moved[:, :, -1 if dx > 0 else 0] = 0
    return moved.reshape(-1, 64)


def _shift_first_edge(X, dy, dx):             # rolled, then row 0 and column 0 blanked whatever the direction
    moved = _rolled(X, dy, dx)
    if dy:
        moved[:, 0, :] = 0
    if dx:
        moved[:, :, 0] = 0
    return moved.reshape(-1, 64)


def _shift_first_edge_always(X, dy, dx):      # rolled, then row 0 and column 0 blanked on every call
    moved = _rolled(X, dy, dx)
    moved[:, 0, :] = 0
    moved[:, :, 0] = 0
    return moved.reshape(-1, 64)


def _shift_positive_only(X, dy, dx):          # rolled, the wrapped edge blanked for moves down or right only
    moved = _rolled(X, dy, dx)
    if dy > 0:
        moved[:, 0, :] = 0
    if dx > 0:
        moved[:, :, 0] = 0
    return moved.reshape(-1, 64)


def _shift_dx_only(X, dy, dx):                # dy never applied
    return _shift_right(X, 0, dx)


def _shift_columns_only(X, dy, dx):           # rolled, then only the column that came round blanked
    moved = _rolled(X, dy, dx)
    if dx:
        moved[:, :, 0 if dx > 0 else -1] = 0
    return moved.reshape(-1, 64)


def _shift_rows_only(X, dy, dx):              # rolled, then only the row that came round blanked
    moved = _rolled(X, dy, dx)
    if dy:
        moved[:, 0 if dy > 0 else -1, :] = 0
    return moved.reshape(-1, 64)



def _shift_both_edges(X, dy, dx):             # rolled, then both edges of each moved axis blanked
    moved = _rolled(X, dy, dx)
    if dy:
        moved[:, [0, -1], :] = 0
    if dx:
        moved[:, :, [0, -1]] = 0
    return moved.reshape(-1, 64)


def _shift_blank_first(X, dy, dx):            # the four borders blanked first, then rolled
    images = np.reshape(X, (-1, 8, 8)).copy()
    images[:, [0, -1], :] = 0
    images[:, :, [0, -1]] = 0
    return np.roll(images, (dy, dx), axis=(1, 2)).reshape(-1, 64)

MORE = {
    "confusion_matrix": [
        Slip("column rates", "Counts, not fractions: you divided each column by its number of predictions; C holds "
                             "how many samples fall in each cell.", _confusion_columns),
        Slip("one based", "Classes are numbered from 0 here: class 0 is row 0, so index C with the labels as they "
                          "are (subtracting 1 sends class 0 to the last row).", _confusion_one_based),
        Slip("or", "A sample counts in cell [i, j] only when its true class is i AND its predicted class is j; you "
                   "counted it when either holds.", _confusion_or),
        Slip("last class", "The last class is never counted: range(k - 1) stops one short of the k classes.",
             _confusion_short),
    ],
    "read_digits": [
        Slip("precedence", "X_new - mean / std divides the mean only (division comes before subtraction): put the "
                           "difference in brackets.", _read_precedence),
        Slip("times std", "You multiplied by the std: standardising divides the centred pixels by it.",
             _read_times_std),
        Slip("in place", "The labels are right, but the caller's X_new is changed after the call (-= or /=): "
                         "build a new array.", _read_in_place),
        Slip("scores", "You returned the scores (one row per image); the function returns one label per image, "
                       "the class whose score is largest.", _read_scores),
        Slip("zeroed", "A reasonable guard (section 7 calls it cheap insurance), but not the task: the function "
                       "must give the labels the network predicts under section 2's scaling, where a pixel blank in "
                       "every training image is divided by 1, so a speck of ink on it reaches the network.",
             _read_zeroed),
        Slip("max", "np.max gives the largest score; the label is where it is (its index).", _read_max),
    ],
    "shift_digits": [
        Slip("all borders", "Only the edge the move brings round should be blank; you also erased ink that was "
                            "really there, at the other borders.", _shift_all_borders),
        Slip("both edges", "Only the edge the move brings round should be blank; you blanked both edges of the "
                           "axis that moved, so the ink really there at the edge the digit moves towards is erased "
                           "too.", _shift_both_edges),
        Slip("blank first", "You blanked the borders before the move, so the blanks move with the ink: one blank "
                            "line ends up inside the image, and ink really there at the other borders is erased. "
                            "Only the edge the move brings round should be blank, after the move.",
             _shift_blank_first),
        Slip("in place", "The pixels are right, but the caller's X is changed after the call: X.reshape is a view "
                         "of the same memory, so writing into it writes into X.", _shift_in_place),
        Slip("far edge", "The edge you blank is the one the ink moves towards; the blank belongs on the side it "
                         "moves away from, where nothing comes in.", _shift_far_edge),
        Slip("first edge", "You blank row 0 and column 0 whatever the direction: for a move up or to the left the "
                           "blank belongs at the other edge.", _shift_first_edge),
        Slip("first edge always", "You blank row 0 and column 0 on every call: a move with dy = 0 brings no row "
                                  "round, so the ink really in row 0 is erased (and likewise column 0 when dx = "
                                  "0); and for a move up or to the left the row or column that came round is not "
                                  "at index 0.", _shift_first_edge_always),
        Slip("positive only", "Moves down and to the right come out right, but a move up or to the left still "
                              "brings the row or column that leaves the frame round to the other edge: look at "
                              "where it lands when dy or dx is -1.", _shift_positive_only),
        Slip("unguarded", _UNGUARDED.format("up or to the left"), _shift_unguarded),
        Slip("unguarded first", _UNGUARDED.format("down or to the right"), _shift_unguarded_first),
        Slip("dx only", "The images move across but never up or down: dy is not applied.", _shift_dx_only),
        Slip("columns only", "A move up or down still brings the row that leaves the frame round to the other "
                             "edge: look at the row the ink moves away from.",
             _shift_columns_only),
        Slip("rows only", "A move left or right still brings the column that leaves the frame round to the other "
                          "edge: look at the column the ink moves away from.",
             _shift_rows_only),
        Slip("flat roll", "Rolling the flat 64-pixel row wraps ink from the end of one image row into the start of "
                          "the next (and from the last row into the first): the 8 x 8 image has to move, rows and "
                          "columns apart.", lambda X, dy, dx: np.roll(X, 8 * dy + dx, axis=1)),
        Slip("roll all", "np.roll with no axis rolls the whole array as one flat row: it wraps ink from the end of "
                         "one image row into the next, and from one image into the next; the 8 x 8 images have to "
                         "move, each on its own.", lambda X, dy, dx: np.roll(X, 8 * dy + dx)),
    ],
}
