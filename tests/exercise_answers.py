"""Answers written apart from the slip catalogues, for the exercises added in lessons 6, 11 and 12 (lr_limit,
l2_half_life, unbroadcast, shift_digits, curve_remedy): right answers in other styles, which
must pass, and plausible wrong answers in other styles than the catalogued slips, which must not.
tests/test_exercises.py runs them."""
import numpy as np

# --- lesson 6, exercise 2: the largest lr that does not grow |w - w*| on J = (4 + 2)/2 (w - w*)^2 ----------------
LR_LIMIT_RIGHT = [1 / 3, 2 / 6.0, 0.333, np.float64(2 / (4 + 10 / 5)), 0.327]
LR_LIMIT_WRONG = [0.2,            # just past 1/lambda: "it overshoots, so it grows"
                  0.3,            # a guess just below
                  0.334, 0.34,    # just above 1/3: each step already moves w away
                  0.45,           # between the brake's limit and the data's alone
                  3.0, 1.5, -1 / 3, 0.0,
                  "1/3",          # the right number as a string
                  (1 / 3,)]       # a tuple (None is the untouched stub: "not attempted yet", not "not yet")

# --- lesson 6, exercise 1: the steps L2 alone takes to halve an unused weight ---------------------------------
HALF_LIFE_RIGHT = [693, 693.0, np.int64(693), 692.8, 694, 692]
HALF_LIFE_WRONG = [690,           # ln 2 / 0.001 rounded down to a round number
                   700,           # a round guess
                   0.693,         # ln 2 itself
                   69.3,          # ln 2 / 0.01
                   6931,          # ln 2 / 0.0001
                   -693, 0,
                   "693",         # the right number as a string
                   (693,)]        # a tuple

# --- lesson 11, exercise 3: unbroadcast ----------------------------------------------------------------------


def unbroadcast_axes(g, shape):                # all axes at once, then the shape restored
    extra = g.ndim - len(shape)
    stretched = tuple(extra + i for i, size in enumerate(shape) if size == 1 and g.shape[extra + i] != 1)
    return g.sum(axis=tuple(range(extra)) + stretched).reshape(shape)


def unbroadcast_loop(g, shape):                # one axis at a time, from the left, keeping dims
    padded = (1,) * (g.ndim - len(shape)) + tuple(shape)
    for axis, size in enumerate(padded):
        if size == 1 and g.shape[axis] != 1:
            g = np.sum(g, axis=axis, keepdims=True)
    return g.reshape(shape)


UNBROADCAST_RIGHT = [unbroadcast_axes, unbroadcast_loop]


def unbroadcast_total(g, shape):               # everything summed
    return np.sum(g)


def unbroadcast_reshape(g, shape):
    return g.reshape(shape)


def unbroadcast_broadcast_to(g, shape):
    return np.broadcast_to(g, shape)


def unbroadcast_once(g, shape):                # at most one leading axis summed
    if g.ndim > len(shape):
        g = g.sum(axis=0)
    for axis, size in enumerate(shape):
        if size == 1 and g.shape[axis] != 1:
            g = g.sum(axis=axis, keepdims=True)
    return g


def unbroadcast_size_one_only(g, shape):       # the size-1 axes, but not the extra leading ones
    for axis, size in enumerate(shape):
        if size == 1 and g.shape[axis] != 1:
            g = g.sum(axis=axis, keepdims=True)
    return g


def unbroadcast_identity(g, shape):
    return g


def unbroadcast_clears_g(g, shape):            # right numbers, but g zeroed afterwards
    out = unbroadcast_axes(g, shape).copy()
    g[...] = 0
    return out


def unbroadcast_max(g, shape):                 # the largest copy instead of the sum
    while g.ndim > len(shape):
        g = g.max(axis=0)
    for axis, size in enumerate(shape):
        if size == 1 and g.shape[axis] != 1:
            g = g.max(axis=axis, keepdims=True)
    return g


UNBROADCAST_WRONG = [unbroadcast_total, unbroadcast_reshape, unbroadcast_broadcast_to, unbroadcast_once,
                     unbroadcast_size_one_only, unbroadcast_identity, unbroadcast_clears_g, unbroadcast_max]

# --- lesson 12, exercise 4: shift_digits(X, dy, dx) ------------------------------------------------------------


def shift_ndimage(X, dy, dx):
    from scipy import ndimage
    return ndimage.shift(np.reshape(X, (-1, 8, 8)), (0, dy, dx), order=0, mode="constant", cval=0.0).reshape(-1, 64)


def shift_loops(X, dy, dx):
    X = np.asarray(X, dtype=float)
    out = np.zeros_like(X)
    for r in range(8):
        for c in range(8):
            if 0 <= r - dy < 8 and 0 <= c - dx < 8:
                out[:, 8 * r + c] = X[:, 8 * (r - dy) + (c - dx)]
    return out


def shift_roll_then_clear(X, dy, dx):          # roll, then blank what wrapped round
    images = np.roll(np.reshape(X, (-1, 8, 8)), (dy, dx), axis=(1, 2)).astype(float)
    if dy:
        images[:, 0 if dy > 0 else -1, :] = 0
    if dx:
        images[:, :, 0 if dx > 0 else -1] = 0
    return images.reshape(-1, 64)


SHIFT_RIGHT = [shift_roll_then_clear]      # the fix must keep np.roll: the other two are refused below


def shift_ndimage_wrap(X, dy, dx):             # scipy's shift, wrapping round
    from scipy import ndimage
    return ndimage.shift(np.reshape(X, (-1, 8, 8)), (0, dy, dx), order=0, mode="grid-wrap").reshape(-1, 64)


def shift_mean_padding(X, dy, dx):             # what comes in is the image's mean ink, not blank
    images = np.reshape(X, (-1, 8, 8))
    padded = np.pad(images, ((0, 0), (1, 1), (1, 1)), constant_values=float(np.mean(X)))
    return padded[:, 1 - dy:9 - dy, 1 - dx:9 - dx].reshape(-1, 64)


def shift_columns_only(X, dy, dx):             # dy forgotten
    images = np.pad(np.reshape(X, (-1, 8, 8)), ((0, 0), (0, 0), (1, 1)))
    return images[:, :, 1 - dx:9 - dx].reshape(-1, 64)


def shift_two_pixels(X, dy, dx):               # each move two pixels
    images = np.pad(np.reshape(X, (-1, 8, 8)), ((0, 0), (2, 2), (2, 2)))
    return images[:, 2 - 2 * dy:10 - 2 * dy, 2 - 2 * dx:10 - 2 * dx].reshape(-1, 64)


def shift_square(X, dy, dx):                   # right pixels, left as 8 x 8 images
    images = np.pad(np.reshape(X, (-1, 8, 8)), ((0, 0), (1, 1), (1, 1)))
    return images[:, 1 - dy:9 - dy, 1 - dx:9 - dx]


def shift_in_place(X, dy, dx):                 # right pixels, written over the caller's X
    images = np.pad(np.reshape(X, (-1, 8, 8)), ((0, 0), (1, 1), (1, 1)))
    X[...] = images[:, 1 - dy:9 - dy, 1 - dx:9 - dx].reshape(-1, 64)
    return X


def shift_column_major(X, dy, dx):             # the 64 pixels read column by column
    images = np.pad(np.reshape(X, (-1, 8, 8), order="F"), ((0, 0), (1, 1), (1, 1)))
    return images[:, 1 - dy:9 - dy, 1 - dx:9 - dx].reshape((-1, 64), order="F")


SHIFT_WRONG = [shift_ndimage, shift_loops,                    # right images, refused: the np.roll call not kept
               shift_ndimage_wrap, shift_mean_padding, shift_columns_only, shift_two_pixels, shift_square,
               shift_in_place, shift_column_major]

# --- lesson 12, exercise 5: the remedy a learning curve calls for -------------------------------------------------
REMEDY_RIGHT = ["bigger network", "Bigger network", " bigger network "]
REMEDY_WRONG = ["train longer",     # not one of the four
                "more data ",       # a catalogued choice with a stray space: still wrong
                "bias",             # the diagnosis, not the remedy
                "bigger_network",   # not one of the four as written
                "more data and a bigger network",
                1]                  # (None is the untouched stub: "not attempted yet", not "not yet")


ANSWERS = {"lr_limit": (LR_LIMIT_RIGHT, LR_LIMIT_WRONG),
           "l2_half_life": (HALF_LIFE_RIGHT, HALF_LIFE_WRONG),
           "unbroadcast": (UNBROADCAST_RIGHT, UNBROADCAST_WRONG),
           "shift_digits": (SHIFT_RIGHT, SHIFT_WRONG),
           "curve_remedy": (REMEDY_RIGHT, REMEDY_WRONG)}
