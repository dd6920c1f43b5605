"""The playground's engine (plumbing, not lesson 7): data, network and training, no widgets.

    t = Trainer(dataset="moons", hidden=8, layers=2, seed=0)
    t.train(50)             # 50 epochs; stops and sets t.diverged when the loss blows up
    t.metrics()             # epoch, losses, accuracies, confusion matrix
    t.to_dict()             # settings, points and weights; Trainer.from_dict(d) restores them

Training is MLP's own gradient step (`MLP._loss_grads`, cross-entropy on softmax outputs)
plus an optional penalty on the weights W (not the biases), n = number of training points:
    L2: rate/(2n) * sum W^2, gradient rate/n * W      L1: rate/n * sum |W|, gradient rate/n * sign(W)
The losses shown are the cross-entropy alone, so training and test loss compare directly.
"""
import numpy as np

from . import datasets
from .features import DEFAULTS, MULTICLASS, check_setting, feature_matrix, read_export
from .losses import cross_entropy
from .mlp import MLP
from .optim import get_optimizer

DATA_KEYS = ("dataset", "classes", "points", "noise", "train_ratio", "seed")
NET_KEYS = ("features", "layers", "hidden", "activation")
RESOLUTION = 80      # the probability grid is RESOLUTION x RESOLUTION points
BLOW_UP = 5.0        # diverged when the training loss exceeds BLOW_UP * log(classes) (chance is log k)


def square_window(P, pad=0.1):
    """(x1_min, x1_max, x2_min, x2_max): a square around the points P with some room, on a 0.25 grid."""
    if len(P) == 0:
        return (-2.0, 2.0, -2.0, 2.0)
    lo, hi = P.min(axis=0), P.max(axis=0)
    side = np.ceil(max((hi - lo).max() * (1 + 2 * pad), 2.0) * 2) / 2
    x0, y0 = np.round((0.5 * (lo + hi) - side / 2) * 4) / 4
    return (float(x0), float(x0 + side), float(y0), float(y0 + side))


class Trainer:
    """The playground's state: settings, points (P, y, test mask), the network and its history."""

    def __init__(self, **settings):
        self.settings = dict(DEFAULTS)
        self.settings.update({k: check_setting(k, v) for k, v in settings.items()})
        self.make_data()

    # --- data -----------------------------------------------------------------------------
    def make_data(self):
        """Generate the chosen data set (seeded) and split it; then reset the network."""
        s = self.settings
        if s["dataset"] == "custom":
            P, y = np.zeros((0, 2)), np.zeros(0, dtype=int)
        elif s["dataset"] in MULTICLASS:
            P, y = datasets.DATASETS[s["dataset"]](n=s["points"], noise=s["noise"], seed=s["seed"],
                                                   classes=s["classes"])
        else:
            P, y = datasets.make(s["dataset"], n=s["points"], noise=s["noise"], seed=s["seed"])
        self.set_points(P, y)

    def set_points(self, P, y, test=None, window=None):
        """Use these points (test: a boolean mask; None = split by train_ratio); reset the network."""
        self.P, self.y = np.asarray(P, dtype=float).reshape(-1, 2), np.asarray(y, dtype=int)
        self.test = self.split() if test is None else np.asarray(test, dtype=bool)
        self.window = square_window(self.P) if window is None else tuple(float(v) for v in window)
        self.reset()

    def split(self):
        """A stratified, seeded test mask holding 1 - train_ratio of each class (none if too few)."""
        n = len(self.y)
        if n < 4 or np.unique(self.y).size < 2:
            return np.zeros(n, dtype=bool)
        idx = np.column_stack([self.P, np.arange(n)])
        try:
            _, X_test, _, _ = datasets.train_test_split(idx, self.y, 1 - self.settings["train_ratio"],
                                                        seed=self.settings["seed"])
        except ValueError:  # too few points for a split: train on all
            return np.zeros(n, dtype=bool)
        test = np.zeros(n, dtype=bool)
        test[X_test[:, 2].astype(int)] = True
        return test

    def add_point(self, x1, x2, label):
        """Add a training point; the network is reset only when the number of classes changes."""
        k = self.k
        self.P = np.vstack([self.P, [[float(x1), float(x2)]]])
        self.y, self.test = np.append(self.y, int(label)), np.append(self.test, False)
        self._points_edited(k)

    def remove_nearest(self, x1, x2):
        """Remove the point nearest to (x1, x2), if any; reset only if the number of classes changes."""
        if len(self.y):
            k, i = self.k, int(np.argmin(((self.P - [x1, x2]) ** 2).sum(axis=1)))
            self.P, self.y, self.test = np.delete(self.P, i, 0), np.delete(self.y, i), np.delete(self.test, i)
            self._points_edited(k)

    def _points_edited(self, k):
        if self.k != k:  # another number of softmax outputs: a new network
            self.reset()
        else:
            self._cache_data()

    @property
    def k(self):
        """Number of classes (output units): the largest label + 1, at least 2."""
        return max(2, int(self.y.max()) + 1 if len(self.y) else 2)

    # --- network ----------------------------------------------------------------------------
    @property
    def layer_sizes(self):
        s = self.settings
        return [len(s["features"])] + [s["hidden"]] * s["layers"] + [self.k]

    def reset(self):
        """Fresh weights from the seed, epoch 0, empty history."""
        s = self.settings
        self.net = MLP(self.layer_sizes, activation=s["activation"], output="softmax", seed=s["seed"])
        self.opt, self.rng = get_optimizer(s["optimizer"]), np.random.default_rng(s["seed"])
        self.epoch, self.diverged = 0, None
        self._cache_data()

    def _cache_data(self):
        f = self.settings["features"]
        self.X_train, self.X_test = feature_matrix(self.P[~self.test], f), feature_matrix(self.P[self.test], f)
        self.y_train, self.y_test = self.y[~self.test], self.y[self.test]
        self.Y_train, self.Y_test = np.eye(self.k)[self.y_train], np.eye(self.k)[self.y_test]
        x0, x1, y0, y1 = self.window
        c = (np.arange(RESOLUTION) + 0.5) / RESOLUTION  # cell centres; row 0 is the top of the picture
        gx, gy = np.meshgrid(x0 + c * (x1 - x0), y1 - c * (y1 - y0))
        self.grid_points = np.column_stack([gx.ravel(), gy.ravel()])
        self.grid_X = feature_matrix(self.grid_points, f)
        if self.epoch == 0:
            self.history = {"epoch": [], "train": [], "test": []}
            self._record()

    def configure(self, **changes):
        """Apply setting changes: data settings remake the data, network settings reset the network,
        training settings (lr, reg, batch size, ...) apply from the next epoch. Returns what happened:
        "data", "network" or "live"."""
        changes = {k: check_setting(k, v) for k, v in changes.items()}
        changes = {k: v for k, v in changes.items() if v != self.settings[k]}
        self.settings.update(changes)
        if any(k in DATA_KEYS for k in changes):
            if "dataset" in changes or self.settings["dataset"] != "custom":
                self.make_data()
            else:  # drawn or loaded points: keep them, split them again
                self.set_points(self.P, self.y, window=self.window)
            return "data"
        if any(k in NET_KEYS for k in changes) or (changes and self.diverged):
            self.reset()
            return "network"
        if "optimizer" in changes:
            self.opt = get_optimizer(self.settings["optimizer"])
        return "live"

    # --- training -----------------------------------------------------------------------------
    def problem(self):
        """Why training cannot run now (a short text), or None."""
        if self.diverged:
            return self.diverged
        if len(self.y_train) == 0 or np.unique(self.y).size < 2:
            return "add points of at least two classes to train on (click on the picture, or load a CSV)"
        return None

    def train(self, epochs):
        """Up to `epochs` epochs of minibatch gradient descent; False if nothing could be trained."""
        if self.problem():
            return False
        s, net, n = self.settings, self.net, len(self.y_train)
        arrays = [a for pair in net.params for a in pair]
        saved = [a.copy() for a in arrays]
        batch = n if s["batch_size"] == 0 else min(s["batch_size"], n)
        l2 = s["reg_rate"] if s["reg"] == "L2" else 0.0
        l1 = s["reg_rate"] / n if s["reg"] == "L1" else 0.0
        finite = True
        with np.errstate(all="ignore"):
            for _ in range(epochs):
                order = self.rng.permutation(n) if batch < n else np.arange(n)
                for start in range(0, n, batch):
                    idx = order[start:start + batch]
                    _, grads = net._loss_grads(self.X_train[idx], self.Y_train[idx], "cross_entropy", l2, n)
                    if l1:
                        for g, (W, _) in zip(grads[::2], net.params):
                            g += l1 * np.sign(W)
                    self.opt.step(arrays, grads, s["lr"])
                self.epoch += 1
                finite = all(np.isfinite(a).all() for a in arrays)
                if not finite:
                    break
        if not finite:  # show the last finite weights, not a NaN picture
            for a, b in zip(arrays, saved):
                a[...] = b
        loss = self._record()
        if not finite or loss > BLOW_UP * np.log(self.k):
            what = "the weights overflowed to inf/NaN" if not finite else f"the training loss blew up to {loss:.3g}"
            self.diverged = (f"diverged at epoch {self.epoch}: {what}; lower the learning rate "
                             f"(now {s['lr']:.3g}), then press reset or play")
        return True

    def _loss(self, X, Y):
        """Cross-entropy of the network on (X, one-hot Y); None without points."""
        if len(Y) == 0:
            return None
        with np.errstate(all="ignore"):
            return float(cross_entropy(self.net._forward(X)[-1], Y))

    def _record(self):
        train, test = self._loss(self.X_train, self.Y_train), self._loss(self.X_test, self.Y_test)
        for key, v in (("epoch", self.epoch), ("train", train), ("test", test)):
            self.history[key].append(v)
        return np.inf if train is None else train

    # --- results ---------------------------------------------------------------------------------
    def predict_proba(self, P):
        """Class probabilities (n, k) for points P (n, 2) in the plane."""
        with np.errstate(all="ignore"):
            return self.net._forward(feature_matrix(P, self.settings["features"]))[-1]

    def predict(self, P):
        return np.argmax(self.predict_proba(P), axis=1)

    def grid_activations(self):
        """[features, hidden layer 1, ..., probabilities] on the grid, each (RESOLUTION^2, units)."""
        with np.errstate(all="ignore"):
            return self.net._forward(self.grid_X)

    def _predicted(self, test):
        """Predicted labels of the test points (or the training points), from their cached features."""
        with np.errstate(all="ignore"):
            return np.argmax(self.net._forward(self.X_test if test else self.X_train)[-1], axis=1)

    def confusion(self, test=True, predicted=None):
        """k x k counts: row = true class, column = predicted class (test points, or training points;
        `predicted`: their labels, when already computed)."""
        C = np.zeros((self.k, self.k), dtype=int)
        np.add.at(C, (self.y_test if test else self.y_train, self._predicted(test) if predicted is None else predicted), 1)
        return C

    def metrics(self):
        """Epoch, last training/test loss, accuracies and the test confusion matrix (training if no test set)."""
        pred = {test: self._predicted(test) for test in (False, True)}  # one forward pass per part
        acc = lambda test, y: float(np.mean(pred[test] == y)) if len(y) else None
        has_test = bool(self.test.any())
        return {"epoch": self.epoch, "train_loss": self.history["train"][-1], "test_loss": self.history["test"][-1],
                "train_accuracy": acc(False, self.y_train), "test_accuracy": acc(True, self.y_test),
                "confusion": self.confusion(has_test, pred[has_test]), "confusion_of": "test" if has_test else "training"}

    # --- export and import ------------------------------------------------------------------------
    def to_dict(self):
        """Everything needed to restore this state exactly: settings, points, weights, history."""
        return {"format": "nnlib-playground", "version": 1,
                "settings": {k: list(v) if k == "features" else v for k, v in self.settings.items()},
                "points": self.P.tolist(), "labels": self.y.tolist(), "test": self.test.tolist(),
                "window": list(self.window), "layer_sizes": self.layer_sizes,
                "weights": [[W.tolist(), b.tolist()] for W, b in self.net.params],
                "epoch": self.epoch, "history": self.history, "diverged": self.diverged,
                "rng": self.rng.bit_generator.state}

    @classmethod
    def from_dict(cls, d, name="config"):
        """A Trainer restored from `to_dict()`'s output; ValueError naming what is wrong."""
        settings, P, y, test, window, epoch = read_export(d, name)
        t = cls.__new__(cls)
        t.settings, t.epoch = settings, 0
        t.set_points(P, y, test, window)
        try:
            t.net.params = [(W, b) for W, b in d["weights"]]
            if not all(np.isfinite(a).all() for pair in t.net.params for a in pair):
                raise ValueError("they must be finite")
        except (TypeError, ValueError) as e:
            raise ValueError(f"{name}['weights'] do not fit the {t.layer_sizes} network: {e}") from None
        t.epoch, t.diverged = epoch, d.get("diverged") if isinstance(d.get("diverged"), str) else None
        h, number = d.get("history"), lambda v: v is None or isinstance(v, (int, float)) and not isinstance(v, bool)
        if isinstance(h, dict) and all(isinstance(h.get(k), list) and len(h[k]) == len(h["epoch"])
                                       and all(map(number, h[k])) for k in t.history) and h["epoch"]:
            t.history = {k: list(h[k]) for k in t.history}
        try:
            t.rng.bit_generator.state = d["rng"]
        except (KeyError, TypeError, ValueError):
            pass  # the minibatch order starts afresh from the seed
        return t
