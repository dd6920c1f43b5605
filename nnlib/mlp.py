"""A multi-layer perceptron of any depth (derived in lessons 4 and 5; trained in 5, 6 and 8).

Notation (samples in rows, layer l = 1..L, a0 = X):

    z_l = a_{l-1} @ W_l + b_l         a_l = f(z_l)  (hidden)     y_hat = g(z_L)  (output)
    delta_L = dJ/dz_L                 (losses.output_delta: (y_hat - Y) / n for matching pairs)
    dW_l = a_{l-1}.T @ delta_l + (l2 / n) W_l + (l1 / n) sign(W_l)      db_l = sum over rows of delta_l
    delta_{l-1} = (delta_l @ W_l.T) * f'(a_{l-1})

`l2` adds l2 / (2n) * sum ||W_l||^2 to the loss (scikit-learn's `alpha`), `l1` adds l1 / n * sum |W_l|
(regularise.py). Weights start as init.INITS[init] draws from np.random.RandomState(seed), layer by
layer ("lecun": randn(n_in, n_out) / sqrt(n_in)); biases start at zero. Dropout (lesson 9) multiplies
each hidden layer's outputs by a mask from dropout.mask during training only.
"""
import numpy as np

from . import backprop, training
from .history import History
from .init import INITS, weights
from .layers import ACTIVATIONS, OUTPUTS
from .losses import loss_name, one_hot, targets
from .validation import as_labels, choice, network_input, positive, real_array
from .validation import layer_sizes as as_layer_sizes
from .validation import seed as as_seed

__all__ = ["MLP", "History"]


class MLP:
    """MLP(layer_sizes, activation="tanh", output="softmax", seed=None, init="lecun").

    layer_sizes: e.g. [2, 3, 2] = 2 inputs, one hidden layer of 3 units, 2 outputs.
    activation:  hidden units, one of layers.ACTIVATIONS ("sigmoid", "tanh", "relu", ...).
    output:      "softmax" (classes), "sigmoid" (one unit: two classes), "identity" (regression).
    init:        one of init.INITS ("lecun", "normal", "small", "glorot", "he"); lesson 10.
    params:      list of (W (n_in, n_out), b (n_out,)) per layer; assign to set the weights.
    """

    def __init__(self, layer_sizes, activation="tanh", output="softmax", seed=None, init="lecun"):
        self.layer_sizes = as_layer_sizes(layer_sizes)
        self.activation = choice(activation, "activation", ACTIVATIONS)
        self.output = choice(output, "output", OUTPUTS)
        if output == "softmax" and self.layer_sizes[-1] < 2:  # a one-unit softmax always says 1
            raise ValueError(f"output='softmax' needs at least 2 output units, got layer_sizes {self.layer_sizes!r}; "
                             "use output='sigmoid' for one unit")
        self.seed = as_seed(seed, maximum=2**32 - 1)  # what np.random.RandomState takes
        self.init = choice(init, "init", INITS)
        self.params = weights(self.layer_sizes, init, self.seed)

    @property
    def params(self):
        return self._params

    @params.setter
    def params(self, pairs):
        if isinstance(pairs, (str, bytes, dict, set)) or not hasattr(pairs, "__len__"):
            raise TypeError(f"params must be a list of (W, b) pairs, got {pairs!r:.60}")
        if len(pairs) != len(self.layer_sizes) - 1:
            raise ValueError(f"params must hold {len(self.layer_sizes) - 1} (W, b) pairs, got {len(pairs)}")
        new = []
        for l, (pair, n_in, n_out) in enumerate(zip(pairs, self.layer_sizes[:-1], self.layer_sizes[1:])):
            W, b = (self._array(a, f"params[{l}][{j}]") for j, a in enumerate(self._pair(pair, l)))
            b = b.reshape(-1)
            if W.shape != (n_in, n_out) or b.shape != (n_out,):
                raise ValueError(f"params[{l}] must be W {(n_in, n_out)} and b ({n_out},), got {W.shape} and {b.shape}")
            new.append((W, b))
        self._params = new

    @staticmethod
    def _pair(pair, l):
        if isinstance(pair, (str, bytes)) or not hasattr(pair, "__len__") or len(pair) != 2:
            raise ValueError(f"params[{l}] must be a pair (W, b), got {pair!r:.60}")
        return pair

    @staticmethod
    def _array(a, name):
        """A finite real float copy of a (complex, text and NaN refused)."""
        return np.array(real_array(a, name, finite=True))

    def __repr__(self):
        init = "" if self.init == "lecun" else f", init={self.init!r}"
        return (f"MLP({self.layer_sizes}, activation={self.activation!r}, output={self.output!r}, "
                f"seed={self.seed!r}{init})")

    # --- forward -------------------------------------------------------------------------
    def activations(self, X):
        """[X, a1, ..., y_hat]: every layer's outputs for the samples X (n, d), each (n, units). Lessons 5, 9."""
        X = network_input(X, self.layer_sizes)
        with np.errstate(all="ignore"):
            return backprop.forward(self._params, X, self.activation, self.output)

    def forward(self, X):
        """Outputs y_hat (n, k): probabilities for softmax and sigmoid outputs."""
        return self.activations(X)[-1]

    def predict_proba(self, X):
        """Class probabilities (n, classes); a one-unit sigmoid gives columns [1 - p, p]."""
        if self.output == "identity":
            raise ValueError("predict_proba needs output='softmax' or 'sigmoid', this MLP has output='identity'")
        p = self.forward(X)
        return np.hstack([1.0 - p, p]) if p.shape[1] == 1 else p

    def predict(self, X):
        """Labels (n,) for a classifier (rows of 0/1 for several sigmoid units); the outputs themselves
        for output='identity'."""
        y_hat = self.forward(X)
        if self.output == "identity":
            return y_hat[:, 0] if y_hat.shape[1] == 1 else y_hat
        return backprop.labels(y_hat, self.output)

    def accuracy(self, X, y):
        """Fraction of samples predicted right: labels (n,) or (n, 1) in 0..classes-1; for k sigmoid
        units, rows (n, k) of 0/1 (or labels 0..k-1, one-hot)."""
        if self.output == "identity":
            raise ValueError("accuracy needs output='softmax' or 'sigmoid', this MLP has output='identity'")
        pred = self.predict(X)
        n, k = pred.shape[0], self.layer_sizes[-1]
        if pred.ndim == 1:
            y = as_labels(y, n, n_classes=max(k, 2))
        elif np.ndim(y) == 1:
            y = one_hot(as_labels(y, n, n_classes=k), k, dtype=int)
        elif np.shape(y) != pred.shape or not np.all(np.isin(targets(y, n, k, "identity", "mse"), (0, 1))):
            raise ValueError(f"y must have shape {pred.shape} with entries 0 or 1, got shape {np.shape(y)}")
        return float(np.mean(pred == y if pred.ndim == 1 else np.all(pred == y, axis=1)))

    # --- targets, loss and gradients -------------------------------------------------------------
    def targets(self, y, loss=None):
        """Targets as a checked float matrix Y (n, k): one-hot rows for class labels (n,); values (n,)
        or (n, k) for output='identity' or loss='mse'; rows in [0, 1] for k sigmoid units. Lessons 4-4."""
        loss = loss_name(loss, self.output)
        if isinstance(y, (str, bytes)) or not hasattr(y, "__len__") or isinstance(y, np.ndarray) and y.ndim == 0:
            raise TypeError(f"y must be an array of labels or targets, got {y!r:.60}")
        return targets(y, len(y), self.layer_sizes[-1], self.output, loss)

    def _check(self, X, y, loss, l2, l1):
        X = network_input(X, self.layer_sizes)
        loss = loss_name(loss, self.output)
        l2, l1 = positive(l2, "l2", minimum=0), positive(l1, "l1", minimum=0)
        return X, targets(y, X.shape[0], self.layer_sizes[-1], self.output, loss), loss, l2, l1

    def loss(self, X, y, loss=None, l2=0.0, l1=0.0):
        """The loss alone (no gradients), penalties included. Lessons 4-5."""
        X, Y, loss, l2, l1 = self._check(X, y, loss, l2, l1)
        with np.errstate(all="ignore"):
            y_hat = backprop.forward(self._params, X, self.activation, self.output)[-1]
            J = backprop.loss_fn(self.output, loss)(y_hat, Y)
            return float(J + backprop.penalty(self._params, l2, l1, X.shape[0]))

    def loss_and_grads(self, X, y, loss=None, l2=0.0, l1=0.0, masks=None):
        """(loss, [(dW, db), ...]) for the whole set, matching `params`. Lessons 4-5.
        masks: one dropout mask (n, units) per hidden layer, e.g. from dropout.mask (lesson 9's
        gradient check); the loss is then that of the dropped-out network."""
        X, Y, loss, l2, l1 = self._check(X, y, loss, l2, l1)
        masks = self._fixed_masks(masks, X.shape[0])
        with np.errstate(all="ignore"):
            J, g = backprop.gradients(self._params, X, Y, self.activation, self.output, loss, l2=l2, l1=l1,
                                      masks=masks)
        return J, list(zip(g[::2], g[1::2]))

    def _fixed_masks(self, masks, n):
        if masks is None:
            return None
        units = self.layer_sizes[1:-1]
        if isinstance(masks, (str, bytes, np.ndarray)) or not hasattr(masks, "__len__") or len(masks) != len(units):
            raise ValueError(f"masks must be a list of {len(units)} arrays (one per hidden layer), got {masks!r:.60}")
        out = [self._array(M, f"masks[{l}]") for l, M in enumerate(masks)]
        for l, (M, u) in enumerate(zip(out, units)):
            if M.shape != (n, u) or np.any(M < 0):
                raise ValueError(f"masks[{l}] must have shape ({n}, {u}) and entries >= 0, got shape {M.shape}")
        return out

    # --- training -----------------------------------------------------------------------------
    def train_epoch(self, X, Y, lr, optimizer, *, loss=None, l2=0.0, l1=0.0, batch_size=None, rng=None,
                    dropout=None):
        """Train one epoch in place; return its mean training loss (each batch's loss measured before
        its update). Y: labels (n,) or targets (n, k) as from `targets`. optimizer: an optim.Optimizer (it
        keeps its state between calls). batch_size None: full batch; else shuffled minibatches drawn
        with `rng` (a np.random.Generator, also needed for dropout). l1, dropout: as in `fit`.
        Used by `fit` and the playground. Lessons 7-8."""
        return training.train_epoch(self, X, Y, lr, optimizer, loss=loss, l2=l2, l1=l1, batch_size=batch_size, rng=rng,
                                    dropout=dropout)

    def fit(self, X, y, *, epochs=1000, lr=0.1, loss=None, l2=0.0, batch_size=None, optimizer="sgd",
            seed=None, callback=None, validation=None, l1=0.0, dropout=None, patience=None):
        """Train by gradient descent, epoch by epoch (train_epoch's epochs); returns a History. Lessons 6-8.

        lr: a number, or a schedule epoch -> lr (optim.step_decay, ...), asked for every epoch's rate before
        the first step (a bad rate raises, naming its epoch, before anything changes) and again at each epoch.
        batch_size: None = full batch; else shuffled minibatches (with `seed`), each sample once per epoch.
        optimizer: a name in optim.OPTIMIZERS or an Optimizer; its state is reset first.
        callback(epoch, net, history): called after each epoch; returning False stops training. It may
        change the weights in place or assign net.params: the next epoch trains the weights the net holds.
        validation: (X_val, y_val), scored after each epoch into "val_loss" (and "val_accuracy").
        l1: L1 penalty (regularise.py; lesson 6). dropout: a rate in [0, 1) or one rate per hidden layer
        (inverted dropout, masks drawn from `seed`, off at prediction; lesson 9). patience: with
        validation, stop after `patience` epochs without a lower val_loss and end with the best epoch's
        weights (history "best_epoch", "stopped_early"; lesson 9).
        history["diverged"] is divergence.diverged(history["loss"]) (the loss blew up and did not come
        back); history.verdict says where it blew up, or that it was unstable. A loss that turns inf/NaN stops
        training there (it is the history's last value) and the net keeps finite weights: those of the
        last epoch with a finite loss when the loss stood above its start two epochs before (the usual
        blow-up), else the newest such saved weights, at worst the initial ones; predict still works.
        """
        return training.fit(self, X, y, epochs=epochs, lr=lr, loss=loss, l2=l2, batch_size=batch_size,
                            optimizer=optimizer, seed=seed, callback=callback, validation=validation, l1=l1,
                            dropout=dropout, patience=patience)
