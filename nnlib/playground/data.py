"""The playground's points (plumbing, not lesson 8): data sets, input features, split and window.

Each feature is a function of the two coordinates (x1, x2) of a point; the network sees the chosen
features as the columns of its input matrix X (n, d), in the order of FEATURES:

    x1, x2, x1², x2², x1·x2, sin x1, sin x2

Classification data come from nnlib.data (labels 0, 1, ...). The two regression problems are
TensorFlow Playground's (src/dataset.ts: regressPlane, regressGaussian), scaled by 1/3 so that the
points fill [-2, 2]²; their targets lie in about [-1, 1].
"""
import numpy as np

from .. import data as datasets
from .settings import MULTICLASS, is_regression

RESOLUTION = 80  # the pictures are computed on a RESOLUTION x RESOLUTION grid of the window
RADIUS = 2.0     # the regression points are uniform in [-RADIUS, RADIUS]^2


def _x1(P):
    return P[:, 0]


def _x2(P):
    return P[:, 1]


def _x1_sq(P):
    return P[:, 0] ** 2


def _x2_sq(P):
    return P[:, 1] ** 2


def _x1x2(P):
    return P[:, 0] * P[:, 1]


def _sin_x1(P):
    return np.sin(P[:, 0])


def _sin_x2(P):
    return np.sin(P[:, 1])


# name -> (label shown on screen, function of the (n, 2) coordinates returning (n,))
FEATURES = {"x1": ("x₁", _x1), "x2": ("x₂", _x2), "x1_sq": ("x₁²", _x1_sq), "x2_sq": ("x₂²", _x2_sq),
            "x1x2": ("x₁·x₂", _x1x2), "sin_x1": ("sin x₁", _sin_x1), "sin_x2": ("sin x₂", _sin_x2)}


def feature_matrix(P, names):
    """The network's input X (n, len(names)): the named features of the points P (n, 2)."""
    P = np.asarray(P, dtype=float).reshape(-1, 2)
    with np.errstate(over="ignore"):
        return np.column_stack([FEATURES[f][1](P) for f in names])


def plane_target(P):
    """TensorFlow Playground's plane, (x + y) / 10 on its [-6, 6]^2, here 0.3 (x1 + x2)."""
    return 0.3 * (P[:, 0] + P[:, 1])


GAUSSIANS = ((-4, 2.5, 1), (0, 2.5, -1), (4, 2.5, 1), (-4, -2.5, -1), (0, -2.5, 1), (4, -2.5, -1))


def multi_gaussian_target(P):
    """TensorFlow Playground's six bumps: of the six signed cones 1 - distance/(2/3), clipped to
    [0, 1], the one largest in absolute value (centres at (±4/3 or 0, ±2.5/3))."""
    best = np.zeros(len(P))
    for cx, cy, sign in GAUSSIANS:
        d = np.hypot(P[:, 0] - cx / 3, P[:, 1] - cy / 3)
        value = sign * np.clip(1 - d * 1.5, 0.0, 1.0)
        best = np.where(np.abs(value) > np.abs(best), value, best)
    return best


TARGETS = {"plane": plane_target, "multi_gaussian": multi_gaussian_target}


def regression(name, n, noise, seed):
    """n points uniform in the square and their targets, measured at a point moved by
    noise * uniform(-RADIUS, RADIUS) in each coordinate (as TensorFlow Playground does)."""
    rng = np.random.default_rng(seed)
    P = rng.uniform(-RADIUS, RADIUS, size=(n, 2))
    shift = noise * rng.uniform(-RADIUS, RADIUS, size=(n, 2))
    return P, TARGETS[name](P + shift)


def make_points(s):
    """The points P (n, 2) and labels or targets y (n,) of the settings' data set (seeded)."""
    if s["dataset"] == "custom":
        return np.zeros((0, 2)), np.zeros(0, dtype=int)
    if is_regression(s):
        return regression(s["dataset"], s["points"], s["noise"], s["seed"])
    if s["dataset"] in MULTICLASS:
        return datasets.DATASETS[s["dataset"]](n=s["points"], noise=s["noise"], seed=s["seed"], classes=s["classes"])
    return datasets.make(s["dataset"], n=s["points"], noise=s["noise"], seed=s["seed"])


def split(y, train_ratio, seed, stratify=True):
    """A seeded validation mask holding 1 - train_ratio of the points (of each class when
    stratify); all False when there are too few points to split."""
    n = len(y)
    if n < 4 or (stratify and np.unique(y).size < 2):
        return np.zeros(n, dtype=bool)
    rng = np.random.default_rng(seed)
    groups = np.unique(y, return_inverse=True)[1] if stratify else np.zeros(n, dtype=int)
    val = np.zeros(n, dtype=bool)
    for g in np.unique(groups):
        idx = rng.permutation(np.flatnonzero(groups == g))
        val[idx[: int(round((1 - train_ratio) * idx.size))]] = True
    return val if val.any() and not val.all() else np.zeros(n, dtype=bool)


def square_window(P, pad=0.1):
    """(x1_min, x1_max, x2_min, x2_max): a square around the points with some room, at least 2 wide."""
    if len(P) == 0:
        return (-2.0, 2.0, -2.0, 2.0)
    lo, hi = P.min(axis=0), P.max(axis=0)
    side = max(float((hi - lo).max()) * (1 + 2 * pad), 2.0)
    side = float(np.ceil(side * 2) / 2) if side < 1e6 else side
    centre = 0.5 * (lo + hi)
    x0, y0 = np.round((centre - side / 2) * 4) / 4 if side < 1e6 else centre - side / 2
    return (float(x0), float(x0 + side), float(y0), float(y0 + side))


def grid_points(window, resolution=RESOLUTION):
    """The cell centres of a resolution x resolution grid over the window, row 0 at the top: (r*r, 2)."""
    x0, x1, y0, y1 = window
    c = (np.arange(resolution) + 0.5) / resolution
    gx, gy = np.meshgrid(x0 + c * (x1 - x0), y1 - c * (y1 - y0))
    return np.column_stack([gx.ravel(), gy.ravel()])
