"""Optimizers and learning-rate schedules (derived in lesson 7, 07_training).

One interface for every optimizer:

    opt.step(params, grads, lr)   update each array in `params` in place, using the
                                  matching array in `grads`; state lives in `opt`
    opt.reset()                   forget the state (MLP.fit calls it at the start)

With g the gradient and p a parameter array:

    sgd       p -= lr g
    momentum  v = mu v - lr g;                 p += v
    nesterov  v_old = v; v = mu v - lr g;      p += -mu v_old + (1 + mu) v
    adagrad   c += g^2;                        p -= lr g / (sqrt(c) + eps)
    rmsprop   c = rho c + (1 - rho) g^2;       p -= lr g / (sqrt(c) + eps)
    adam      m = b1 m + (1 - b1) g;  v = b2 v + (1 - b2) g^2;  t += 1
              p -= lr (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps)

A schedule is any function epoch -> lr; `MLP.fit` accepts one in place of a number.
`step` checks its arguments (matching lists of float arrays, finite gradients, lr > 0) unless
called with check=False, as MLP's inner loop does after checking once.
"""
import numbers

import numpy as np

from .validation import choice, in_range, number, positive


def _check_step(params, grads, lr):
    """(grads as float arrays, lr as a float), checked against params."""
    lr = positive(lr, "lr")
    for name, value in (("params", params), ("grads", grads)):
        if isinstance(value, (str, bytes, dict, np.ndarray)) or not hasattr(value, "__len__"):
            raise TypeError(f"{name} must be a list of arrays, got {value!r:.60}")
    if len(params) != len(grads):
        raise ValueError(f"params and grads must have the same length, got {len(params)} and {len(grads)}")
    checked = []
    for i, (p, g) in enumerate(zip(params, grads)):
        if not isinstance(p, np.ndarray) or p.dtype.kind != "f" or not p.flags.writeable:
            raise TypeError(f"params[{i}] must be a writable float array (updated in place), got {p!r:.60}")
        try:
            g = np.asarray(g, dtype=float)
        except (TypeError, ValueError):
            raise TypeError(f"grads[{i}] must be an array of numbers, got {g!r:.60}") from None
        if g.shape != p.shape:
            raise ValueError(f"grads[{i}] must have the shape of params[{i}] {p.shape}, got {g.shape}")
        if not np.all(np.isfinite(g)):
            raise ValueError(f"grads[{i}] must be finite, got NaN or inf")
        checked.append(g)
    return checked, lr


class Optimizer:
    """Base class: subclasses implement `_update(i, p, g, lr)` for parameter number i (or `_apply`).
    It is not an optimizer itself: Optimizer() raises TypeError."""

    def __init__(self):
        if type(self) is Optimizer:
            raise TypeError("Optimizer is the base class, not an optimizer: use one of "
                            f"{sorted(OPTIMIZERS)} (optim.get_optimizer(name)), or subclass it and define "
                            "_update(i, p, g, lr)")
        self.reset()

    def reset(self):
        self.state = {}

    def step(self, params, grads, lr, check=True):
        """Update params in place from grads with learning rate lr (check=False: no argument checks,
        no errstate; for inner loops that checked once)."""
        if not check:
            return self._apply(params, grads, lr)
        grads, lr = _check_step(params, grads, lr)
        with np.errstate(all="ignore"):  # huge gradients may overflow to inf: no warning, the caller sees it
            self._apply(params, grads, lr)

    def _apply(self, params, grads, lr):
        for i, (p, g) in enumerate(zip(params, grads)):
            self._update(i, p, g, lr)

    def _update(self, i, p, g, lr):
        raise NotImplementedError(f"{type(self).__name__} subclasses Optimizer but does not define "
                                  "_update(i, p, g, lr): the update of parameter array i in place")

    def _zeros(self, key, like):
        if key not in self.state:
            self.state[key] = np.zeros_like(like)
        elif self.state[key].shape != like.shape:  # numpy would broadcast another run's state, or fail
            raise ValueError(f"this {type(self).__name__} holds state for params of shape {self.state[key].shape} "
                             f"where params has shape {like.shape}: call reset() (or make a new one) before "
                             "using it on other parameters")
        return self.state[key]


class SGD(Optimizer):
    def _apply(self, params, grads, lr):  # no state, so no per-array _update call (fit's hot path)
        for p, g in zip(params, grads):
            p -= lr * g


class Momentum(Optimizer):
    def __init__(self, mu=0.9):
        self.mu = in_range(mu, "mu", 0, 1, high_open=True)
        super().__init__()

    def _update(self, i, p, g, lr):
        v = self._zeros(i, p)
        v *= self.mu
        v -= lr * g
        p += v


class Nesterov(Momentum):
    def _update(self, i, p, g, lr):
        v = self._zeros(i, p)
        v_old = v.copy()
        v *= self.mu
        v -= lr * g
        p += (1 + self.mu) * v - self.mu * v_old


class Adagrad(Optimizer):
    def __init__(self, eps=1e-8):
        self.eps = positive(eps, "eps")
        super().__init__()

    def _update(self, i, p, g, lr):
        c = self._zeros(i, p)
        c += g * g
        p -= lr * g / (np.sqrt(c) + self.eps)


class RMSprop(Optimizer):
    def __init__(self, rho=0.9, eps=1e-8):
        self.rho = in_range(rho, "rho", 0, 1, high_open=True)
        self.eps = positive(eps, "eps")
        super().__init__()

    def _update(self, i, p, g, lr):
        c = self._zeros(i, p)
        c *= self.rho
        c += (1 - self.rho) * g * g
        p -= lr * g / (np.sqrt(c) + self.eps)


class Adam(Optimizer):
    def __init__(self, beta1=0.9, beta2=0.999, eps=1e-8):
        self.beta1 = in_range(beta1, "beta1", 0, 1, high_open=True)
        self.beta2 = in_range(beta2, "beta2", 0, 1, high_open=True)
        self.eps = positive(eps, "eps")
        super().__init__()

    def reset(self):
        super().reset()
        self.t = {}

    def _update(self, i, p, g, lr):
        m, v = self._zeros(("m", i), p), self._zeros(("v", i), p)
        t = self.t[i] = self.t.get(i, 0) + 1
        m *= self.beta1
        m += (1 - self.beta1) * g
        v *= self.beta2
        v += (1 - self.beta2) * g * g
        p -= lr * (m / (1 - self.beta1 ** t)) / (np.sqrt(v / (1 - self.beta2 ** t)) + self.eps)


OPTIMIZERS = {"sgd": SGD, "momentum": Momentum, "nesterov": Nesterov, "adagrad": Adagrad,
              "rmsprop": RMSprop, "adam": Adam}


def get_optimizer(optimizer):
    """An Optimizer from a name in OPTIMIZERS, or the instance itself. Lesson 7."""
    if isinstance(optimizer, Optimizer):
        return optimizer
    return OPTIMIZERS[choice(optimizer, "optimizer", OPTIMIZERS)]()


# Learning-rate schedules: each returns a function epoch -> lr (epoch counts from 0).
#
# The rate a schedule describes is positive at every epoch, but lr * exp(-gamma epoch) or lr * drop^k
# underflows to 0.0 once it falls below the smallest float (exponential_decay(0.2, 0.03) at epoch
# 24,785): these schedules return at least TINY_LR instead. A step at that rate moves no weight, as a
# step at the exact rate would not, and a long run keeps going to its last epoch with its History,
# instead of stopping at a rate of 0 that nobody asked for.
TINY_LR = float(np.finfo(float).tiny)  # 2.2e-308, the smallest normal float


def rate_at(schedule, epoch):
    """schedule(epoch), checked: a finite number > 0 of any numeric type, returned as a float."""
    if not callable(schedule):
        raise TypeError(f"lr must be a number or a schedule (a function epoch -> lr), got {schedule!r:.60}")
    rate = schedule(epoch)
    try:
        value = number(rate, "lr")
    except (TypeError, ValueError):
        value = None
    if value is None or not 0 < value < np.inf:
        hint = " (a decaying rate that fell below the smallest float: floor it, e.g. at optim.TINY_LR)" \
            if value == 0 and epoch > 0 else ""
        raise ValueError(f"lr (a schedule) must return a finite number > 0, got {rate!r:.60} at epoch {epoch}{hint}")
    return value


def check_rate(lr, epochs):
    """lr checked for a run of `epochs` epochs: a number > 0 (returned as a float), or a schedule (returned
    as it is) all of whose rates rate_at accepts, asked for before the first step, so that a schedule going
    wrong at its 20,000th epoch raises before anything changes. MLP.fit, which asks again at each epoch
    (a schedule may follow what a callback changes)."""
    if not callable(lr):
        return positive(lr, "lr")
    for epoch in range(epochs):
        rate_at(lr, epoch)
    return lr


def _epoch(epoch):
    if isinstance(epoch, bool) or not isinstance(epoch, numbers.Integral) or epoch < 0:
        raise ValueError(f"epoch must be an integer >= 0, got {epoch!r:.60}")
    return min(int(epoch), 10**300)  # beyond it every rate is TINY_LR; a float holds it


def step_decay(lr, drop=0.5, every=100):
    """lr * drop^(epoch // every), at least TINY_LR: halve (by default) every `every` epochs; drop in (0, 1].
    Lesson 7."""
    lr, drop = positive(lr, "lr"), in_range(drop, "drop", 0, 1, low_open=True)
    every = positive(every, "every", integer=True, minimum=1)

    def rate(epoch):
        return max(lr * drop ** (_epoch(epoch) // every), TINY_LR)
    return rate


def exponential_decay(lr, gamma=0.01):
    """lr * exp(-gamma epoch), at least TINY_LR. Lesson 7."""
    lr, gamma = positive(lr, "lr"), positive(gamma, "gamma", minimum=0)

    def rate(epoch):
        return max(lr * float(np.exp(-gamma * _epoch(epoch))), TINY_LR)
    return rate


def inverse_time_decay(lr, gamma=0.01):
    """lr / (1 + gamma epoch), at least TINY_LR: the 1/t annealing of stochastic approximation. Lesson 7."""
    lr, gamma = positive(lr, "lr"), positive(gamma, "gamma", minimum=0)

    def rate(epoch):
        return max(lr / (1.0 + gamma * _epoch(epoch)), TINY_LR)
    return rate
