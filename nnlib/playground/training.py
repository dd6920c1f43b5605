"""The playground's model (plumbing, not lesson 8): points, network and training, no widgets.

    t = Trainer(dataset="moons", neurons=(4, 2), seed=0)
    t.train(50)         # 50 epochs of MLP.train_epoch; stops and sets t.diverged when the loss blows up
    t.metrics()         # epoch, training/validation loss, accuracies, confusion matrix

Classification trains a softmax output with cross-entropy; the regression data sets a linear
(identity) output with squared error. The penalty is MLP's own: L2 adds reg_rate/(2n) sum W^2,
L1 reg_rate/n sum |W| (lesson 6). The losses shown leave the penalty out, so training and
validation loss compare directly. "Diverged" is nnlib.divergence's definition.
"""
import numbers

import numpy as np

from .. import divergence
from ..losses import LOSSES
from ..mlp import MLP
from ..optim import get_optimizer
from .data import feature_matrix, grid_points, make_points, split, square_window
from .settings import DEFAULTS, MAX_CLASSES, SETTINGS, check_number, is_regression, model_settings, resolve

MAX_COORD = 1e12  # larger coordinates are refused: their squares would leave float range in training


def check_points(P, y, regression):
    """P as float (n, 2) and y as int labels or float targets (n,); ValueError naming the problem."""
    P, y = np.asarray(P, dtype=float), np.asarray(y, dtype=float if regression else int)
    P = np.zeros((0, 2)) if P.size == 0 else P
    if P.ndim != 2 or P.shape[1] != 2 or y.ndim != 1:
        raise ValueError(f"points must be pairs (x1, x2) with one label each, got shapes {P.shape} and {y.shape}")
    if len(P) != len(y):
        raise ValueError(f"points and labels must have the same length, got {len(P)} and {len(y)}")
    if not np.isfinite(P).all() or (len(P) and np.abs(P).max() > MAX_COORD):
        raise ValueError(f"x1 and x2 must be finite numbers within ±{MAX_COORD:.0e}")
    if not regression and len(y) and (y.min() < 0 or y.max() >= MAX_CLASSES):
        raise ValueError(f"labels must be classes 0..{MAX_CLASSES - 1}")
    return P, y


class Trainer:
    """The playground's state: `settings`, points `P` (n, 2) with labels or targets `y` and the
    validation mask `val`, the `window` shown, the network `net`, its optimizer `opt` and batch
    order `rng`, the `epoch`, the `history` of losses and `diverged` ("" or why it stopped)."""

    def __init__(self, seed=0, **settings):
        self.settings = model_settings(resolve(DEFAULTS, {"seed": seed, **settings}))
        self.set_points(*make_points(self.settings))

    @classmethod
    def from_points(cls, settings, P, y, val, window):
        """A Trainer of these (resolved) settings on these points, without generating a data set."""
        t = cls.__new__(cls)
        t.settings = model_settings(resolve(DEFAULTS, settings))
        t.set_points(P, y, val, window)
        return t

    # --- points ---------------------------------------------------------------------------------
    @property
    def regression(self):
        return is_regression(self.settings)

    @property
    def k(self):
        """Output units: 1 for regression; else the number of classes (largest label + 1, at least 2)."""
        if self.regression:
            return 1
        return max(2, int(self.y.max()) + 1 if len(self.y) else 2)

    def set_points(self, P, y, val=None, window=None):
        """Use these points (val: a boolean mask; None = split by train_ratio); fresh network."""
        P, y = check_points(P, y, self.regression)
        if val is None:
            val = split(y, self.settings["train_ratio"], self.settings["seed"], stratify=not self.regression)
        window = square_window(P) if window is None else tuple(float(v) for v in window)
        self.P, self.y, self.val, self.window = P, y, np.asarray(val, dtype=bool), window
        self.grid = grid_points(window)
        self.reset()

    def add_point(self, x1, x2, label):
        """Add a training point of class `label` (classification only); a fresh network only when the
        number of classes changes."""
        x1, x2 = check_number(x1, "x1"), check_number(x2, "x2")
        if self.regression:
            raise ValueError("points can be added to classification data sets only; choose one, or 'custom'")
        if isinstance(label, (bool, np.bool_)) or not isinstance(label, numbers.Integral) \
                or not 0 <= label < MAX_CLASSES:
            raise ValueError(f"label must be a class 0..{MAX_CLASSES - 1}, got {label!r:.40}")
        P, y = check_points(np.vstack([self.P, [[x1, x2]]]), np.append(self.y, int(label)), self.regression)
        self._edited(P, y, np.append(self.val, False))

    def remove_nearest(self, x1, x2):
        """Remove the point nearest to (x1, x2), if there is one."""
        x1, x2 = check_number(x1, "x1"), check_number(x2, "x2")
        if not len(self.y):
            raise ValueError("there are no points to erase")
        i = int(np.argmin(np.hypot(self.P[:, 0] - x1, self.P[:, 1] - x2)))
        self._edited(np.delete(self.P, i, 0), np.delete(self.y, i), np.delete(self.val, i))

    def _edited(self, P, y, val):
        k = self.k
        self.P, self.y, self.val = P, y, val
        if self.k != k:  # another number of softmax outputs: a new network
            self.reset()
        else:
            self._cache()

    # --- network ------------------------------------------------------------------------------------
    @property
    def layer_sizes(self):
        return [len(self.settings["features"]), *self.settings["neurons"], self.k]

    def reset(self):
        """Fresh weights from the seed, epoch 0, empty history."""
        s = self.settings
        self.net = MLP(self.layer_sizes, activation=s["activation"], seed=s["seed"],
                       output="identity" if self.regression else "softmax")
        self.opt, self.rng = get_optimizer(s["optimizer"]), np.random.default_rng(s["seed"])
        self.epoch, self.diverged, self.losses = 0, "", []
        self.history = {"epoch": [], "train": [], "val": []}
        self._cache()

    def _cache(self):
        """The feature matrices and targets of both parts and of the grid (after any change of points)."""
        f, loss = self.settings["features"], self.loss_name
        self.X_train, self.X_val = feature_matrix(self.P[~self.val], f), feature_matrix(self.P[self.val], f)
        self.y_train, self.y_val = self.y[~self.val], self.y[self.val]
        self.Y_train = self.net.targets(self.y_train, loss) if len(self.y_train) else np.zeros((0, self.k))
        self.Y_val = self.net.targets(self.y_val, loss) if len(self.y_val) else np.zeros((0, self.k))
        self.grid_X = feature_matrix(self.grid, f)
        if self.epoch == 0:
            self.history = {"epoch": [], "train": [], "val": []}
            self.record()

    @property
    def loss_name(self):
        return "mse" if self.regression else "cross_entropy"

    def configure(self, **changes):
        """Apply setting changes; returns their effect: "data" (new points and network), "network"
        (fresh weights), "live" (from the next epoch) or "display". Nothing changes on an error."""
        new = model_settings(resolve({**DEFAULTS, **self.settings}, changes))
        changed = {k for k in new if new[k] != self.settings[k]}
        effects = [SETTINGS[k].effect for k in changed] or ["display"]
        effect = next(e for e in ("data", "network", "live", "display") if e in effects)
        if effect == "data":
            keep = new["dataset"] == "custom" and "dataset" not in changed
            points = (self.P, self.y, None, self.window) if keep else make_points(new)
            old, self.settings = self.settings, new
            try:
                self.set_points(*points)
            except Exception:
                self.settings = old
                raise
        else:
            self._apply(new, changed, effect)
        return effect

    def _apply(self, new, changed, effect):
        self.settings = new
        if effect == "network" or (effect == "live" and self.diverged):
            self.reset()
            return
        if "optimizer" in changed:
            self.opt = get_optimizer(new["optimizer"])
        if effect == "live":
            self.losses = []  # divergence is judged from here on

    # --- training --------------------------------------------------------------------------------------
    def problem(self):
        """Why training cannot run now (a short text), or ""."""
        if self.diverged:
            return self.diverged
        if len(self.y_train) == 0 or (not self.regression and np.unique(self.y).size < 2):
            return "add points of at least two classes to train on (click on the picture, or load a CSV)"
        return ""

    def train(self, epochs):
        """Up to `epochs` epochs of net.train_epoch; False if nothing could be trained."""
        if self.problem():
            return False
        s, n = self.settings, len(self.y_train)
        batch = None if s["batch_size"] == 0 or s["batch_size"] >= n else s["batch_size"]
        rate = {"l2": s["reg_rate"] if s["reg"] == "L2" else 0.0, "l1": s["reg_rate"] if s["reg"] == "L1" else 0.0}
        saved = [(W.copy(), b.copy()) for W, b in self.net.params]
        with np.errstate(all="ignore"):
            for _ in range(epochs):
                self.losses.append(self.net.train_epoch(self.X_train, self.Y_train, s["lr"], self.opt,
                                                        loss=self.loss_name, batch_size=batch, rng=self.rng, **rate))
                self.epoch += 1
                if not np.isfinite(self.losses[-1]):
                    break
        if not all(np.isfinite(a).all() for pair in self.net.params for a in pair):
            self.net.params = saved  # show the last finite weights, not a NaN picture
        self.record()
        if divergence.diverged(self.losses):
            what = "overflowed" if not np.isfinite(self.losses[-1]) else f"rose to {self.losses[-1]:.3g}"
            self.diverged = (f"diverged at epoch {self.epoch}: the training loss {what}; lower the learning rate "
                             f"(now {s['lr']:.3g}), then press reset or play")
        return True

    def _loss(self, X, Y):
        """The loss without penalty on (X, Y), or None without points."""
        if len(Y) == 0:
            return None
        with np.errstate(all="ignore"):
            y_hat = self.net.activations(X)[-1]
            return float(LOSSES[self.loss_name](y_hat, Y))

    def record(self):
        """Append the current training and validation loss to the history."""
        for key, v in (("epoch", self.epoch), ("train", self._loss(self.X_train, self.Y_train)),
                       ("val", self._loss(self.X_val, self.Y_val))):
            self.history[key].append(v)

    # --- results -----------------------------------------------------------------------------------------
    def outputs(self, P):
        """The network's outputs (n, k) for points P (n, 2): class probabilities, or the fitted values."""
        with np.errstate(all="ignore"):
            return self.net.activations(feature_matrix(P, self.settings["features"]))[-1]

    def grid_activations(self):
        """[features, hidden layer 1, ..., outputs] on the grid, each (RESOLUTION^2, units)."""
        with np.errstate(all="ignore"):
            return self.net.activations(self.grid_X)

    def predict(self, P):
        """Labels (classification) or fitted values (regression) for points P (n, 2)."""
        out = self.outputs(P)
        return out[:, 0] if self.regression else np.argmax(out, axis=1)

    def metrics(self):
        """Epoch, training/validation loss now, accuracies and confusion matrix (None for regression)."""
        m = {"epoch": self.epoch, "train_loss": self._loss(self.X_train, self.Y_train),
             "val_loss": self._loss(self.X_val, self.Y_val),
             "train_accuracy": None, "val_accuracy": None, "confusion": None, "confusion_of": ""}
        if self.regression:
            return m
        with np.errstate(all="ignore"):
            train, val = (np.argmax(self.net.activations(X)[-1], axis=1) if len(X) else np.zeros(0, dtype=int)
                          for X in (self.X_train, self.X_val))
        m["train_accuracy"] = float(np.mean(train == self.y_train)) if len(train) else None
        m["val_accuracy"] = float(np.mean(val == self.y_val)) if len(val) else None
        truth, pred = (self.y_val, val) if len(val) else (self.y_train, train)
        m["confusion"] = np.zeros((self.k, self.k), dtype=int)
        np.add.at(m["confusion"], (truth, pred), 1)
        m["confusion_of"] = "validation" if len(val) else "training"
        return m

    def summary(self):
        """A short stable text: epoch, losses (4 d.p.), accuracies and the confusion matrix."""
        m = self.metrics()
        text = (f"epoch {m['epoch']}: training loss {_fixed(m['train_loss'], 4)}, "
                f"validation loss {_fixed(m['val_loss'], 4)}")
        if m["confusion"] is None:
            return text + " (squared error)"
        rows = "\n".join("  " + " ".join(f"{v:4d}" for v in r) for r in m["confusion"])
        return (f"{text}, training accuracy {_fixed(m['train_accuracy'], 3)}, validation accuracy "
                f"{_fixed(m['val_accuracy'], 3)}\nconfusion matrix ({m['confusion_of']} points; rows true class, "
                f"columns predicted):\n{rows}")


def _fixed(v, digits):
    return "-" if v is None else f"{v:.{digits}f}"
