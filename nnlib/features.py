"""The playground's inputs (plumbing, not lesson 7): its settings, input features, points from CSV.

SETTINGS lists every setting with its range or options (the widgets are built from it).

Each feature is a function of the two coordinates (x1, x2) of a point; the network sees
the chosen features as the columns of its input matrix X (n, d), in the order of FEATURES:

    x1, x2, x1², x2², x1·x2, sin x1, sin x2

A CSV file holds one point per line: x1,x2,label (a header line is allowed), label an
integer class 0, 1, 2, ... A JSON export (nnlib.trainer.Trainer.to_dict) is checked by read_export.
"""
import io
import numbers

import numpy as np

from .validate import as_features, as_labels
from .layers import ACTIVATIONS
from .optim import OPTIMIZERS

# name -> (label shown on screen, function of the (n, 2) coordinates returning (n,))
FEATURES = {
    "x1": ("x₁", lambda P: P[:, 0]),
    "x2": ("x₂", lambda P: P[:, 1]),
    "x1_sq": ("x₁²", lambda P: P[:, 0] ** 2),
    "x2_sq": ("x₂²", lambda P: P[:, 1] ** 2),
    "x1x2": ("x₁·x₂", lambda P: P[:, 0] * P[:, 1]),
    "sin_x1": ("sin x₁", lambda P: np.sin(P[:, 0])),
    "sin_x2": ("sin x₂", lambda P: np.sin(P[:, 1])),
}

MAX_CLASSES = 6
MAX_CSV_POINTS = 5000
DATASETS = ("circle", "xor", "gaussian", "spiral", "moons", "custom")
MULTICLASS = ("gaussian", "spiral")  # the data sets with a class-count setting
REGULARISERS = ("none", "L1", "L2")
BATCH_SIZES = (1, 2, 5, 10, 20, 50, 100, 0)  # 0 = the full training set in one batch
# name -> (kind, low, high) for numbers, or (choice, options); the widgets use the same table
SETTINGS = {
    "dataset": ("choice", DATASETS), "classes": ("int", 2, MAX_CLASSES), "points": ("int", 20, 1000),
    "noise": ("float", 0.0, 1.5), "train_ratio": ("float", 0.1, 0.9), "seed": ("int", 0, 99999),
    "features": ("features",), "layers": ("int", 1, 4), "hidden": ("int", 1, 12),
    "activation": ("choice", tuple(ACTIVATIONS)), "lr": ("float", 1e-4, 10.0),
    "reg": ("choice", REGULARISERS), "reg_rate": ("float", 1e-4, 10.0),
    "batch_size": ("choice", BATCH_SIZES), "optimizer": ("choice", tuple(OPTIMIZERS)),
    "epochs_per_frame": ("int", 1, 100),
}
DEFAULTS = {"dataset": "moons", "classes": 2, "points": 200, "noise": 0.2, "train_ratio": 0.5, "seed": 0,
            "features": ("x1", "x2"), "layers": 2, "hidden": 8, "activation": "tanh", "lr": 0.1,
            "reg": "none", "reg_rate": 0.001, "batch_size": 10, "optimizer": "sgd", "epochs_per_frame": 5}


def check_features(names, name="features"):
    """The chosen feature names in FEATURES order; ValueError if empty or unknown."""
    if isinstance(names, str):
        names = [names]
    try:
        names = list(names)
    except TypeError:
        raise ValueError(f"{name} must be a list of feature names from {list(FEATURES)}, got {names!r:.60}") from None
    bad = [f for f in names if f not in FEATURES]
    if bad:
        raise ValueError(f"{name} must be names from {list(FEATURES)}, got {bad!r:.60}")
    if not names:
        raise ValueError(f"{name} must hold at least one feature, got none")
    return [f for f in FEATURES if f in names]


def check_setting(name, value, prefix=""):
    """The value, checked against SETTINGS; ValueError naming the setting otherwise."""
    if name not in SETTINGS:
        raise ValueError(f"unknown setting {prefix}{name!r}; choose from {list(SETTINGS)}")
    spec, label = SETTINGS[name], f"{prefix}[{name!r}]" if prefix else name
    if spec[0] == "features":
        return tuple(check_features(value, label))
    if spec[0] == "choice":
        if isinstance(value, bool) or value not in spec[1]:
            raise ValueError(f"{label} must be one of {list(spec[1])}, got {value!r:.60}")
        return value
    kind = numbers.Integral if spec[0] == "int" else numbers.Real
    if isinstance(value, bool) or not isinstance(value, kind) or not spec[1] <= value <= spec[2]:
        what = "an integer" if spec[0] == "int" else "a number"
        raise ValueError(f"{label} must be {what} from {spec[1]} to {spec[2]}, got {value!r:.60}")
    return int(value) if spec[0] == "int" else float(value)


def feature_matrix(P, names):
    """The network's input X (n, len(names)): the named features of the points P (n, 2)."""
    P = np.asarray(P, dtype=float).reshape(-1, 2)
    return np.column_stack([FEATURES[f][1](P) for f in names])


def parse_csv(text, name="csv"):
    """Points from CSV text or bytes with columns x1,x2,label: X float (n, 2), y int (n,).

    Raises ValueError naming the line that is wrong, e.g. "csv line 3: label must be an integer".
    """
    if isinstance(text, (bytes, bytearray, memoryview)):
        try:
            text = bytes(text).decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValueError(f"{name} must be UTF-8 text with columns x1,x2,label") from None
    if not isinstance(text, str):
        raise ValueError(f"{name} must be CSV text with columns x1,x2,label, got {type(text).__name__}")
    rows, labels, header = [], [], False
    for number, line in enumerate(io.StringIO(text), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.replace(";", ",").split(",")]
        if len(cells) != 3:
            raise ValueError(f"{name} line {number}: expected 3 columns x1,x2,label, got {len(cells)}: {line[:40]!r}")
        try:
            x1, x2 = float(cells[0]), float(cells[1])
        except ValueError:
            if not rows and not header:
                header = True  # one header line such as "x1,x2,label" before the points
                continue
            raise ValueError(f"{name} line {number}: x1 and x2 must be numbers, got {line[:40]!r}") from None
        try:
            label = float(cells[2])
        except ValueError:
            raise ValueError(f"{name} line {number}: label must be an integer class 0..{MAX_CLASSES - 1}, "
                             f"got {cells[2][:20]!r}") from None
        if not (np.isfinite(x1) and np.isfinite(x2)):
            raise ValueError(f"{name} line {number}: x1 and x2 must be finite, got {line[:40]!r}")
        if label != int(label) or not 0 <= label < MAX_CLASSES:
            raise ValueError(f"{name} line {number}: label must be an integer class 0..{MAX_CLASSES - 1}, "
                             f"got {cells[2][:20]!r}")
        rows.append((x1, x2))
        labels.append(int(label))
    if len(rows) < 2:
        raise ValueError(f"{name} must hold at least 2 points (lines x1,x2,label), got {len(rows)}")
    if len(rows) > MAX_CSV_POINTS:
        raise ValueError(f"{name} may hold at most {MAX_CSV_POINTS} points, got {len(rows)}")
    y = np.array(labels, dtype=int)
    if np.unique(y).size < 2:
        raise ValueError(f"{name} must hold points of at least 2 classes, got only class {y[0]}")
    return np.array(rows, dtype=float), y


def read_export(d, name="config"):
    """The checked parts of a playground export (Trainer.to_dict): settings, points P, labels y,
    test mask, window and epoch. ValueError naming the part that is wrong."""
    if not isinstance(d, dict) or d.get("format") != "nnlib-playground":
        raise ValueError(f"{name} is not a playground export (no \"format\": \"nnlib-playground\")")
    missing = [k for k in ("settings", "points", "labels", "test", "window", "weights", "epoch") if k not in d]
    if missing or not isinstance(d["settings"], dict):
        raise ValueError(f"{name} lacks {missing or 'a settings dict'}")
    settings = dict(DEFAULTS)
    settings.update({k: check_setting(k, v, f"{name}['settings']") for k, v in d["settings"].items()})
    try:
        P = as_features(d["points"], f"{name}['points']", n_features=2) if d["points"] else np.zeros((0, 2))
        y = as_labels(d["labels"], len(P), f"{name}['labels']", n_classes=MAX_CLASSES)
        test, window = np.array(d["test"]), np.array(d["window"], dtype=float)
    except TypeError as e:
        raise ValueError(str(e)) from None
    if test.shape != y.shape or (test.size and test.dtype != bool):
        raise ValueError(f"{name}['test'] must be {len(y)} booleans, one per point")
    if window.shape != (4,) or not np.isfinite(window).all() or window[1] <= window[0] or window[3] <= window[2]:
        raise ValueError(f"{name}['window'] must be [x1_min, x1_max, x2_min, x2_max], got {d['window']!r:.60}")
    if isinstance(d["epoch"], bool) or not isinstance(d["epoch"], int) or d["epoch"] < 0:
        raise ValueError(f"{name}['epoch'] must be an integer >= 0, got {d['epoch']!r:.40}")
    return settings, P, y, test.astype(bool), window, d["epoch"]
