"""Optimizers and learning-rate schedules (derived in lesson 6, 06_training).

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
"""
import numpy as np

from .validate import choice, positive


class Optimizer:
    """Base class: subclasses implement `_update(i, p, g, lr)` for parameter number i."""

    def __init__(self):
        self.reset()

    def reset(self):
        self.state = {}

    def step(self, params, grads, lr):
        for i, (p, g) in enumerate(zip(params, grads)):
            self._update(i, p, g, lr)

    def _zeros(self, key, like):
        if key not in self.state:
            self.state[key] = np.zeros_like(like)
        return self.state[key]


class SGD(Optimizer):
    def step(self, params, grads, lr):  # no state, so no per-array _update call (fit's hot path)
        for p, g in zip(params, grads):
            p -= lr * g


class Momentum(Optimizer):
    def __init__(self, mu=0.9):
        self.mu = mu
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
        self.eps = eps
        super().__init__()

    def _update(self, i, p, g, lr):
        c = self._zeros(i, p)
        c += g * g
        p -= lr * g / (np.sqrt(c) + self.eps)


class RMSprop(Optimizer):
    def __init__(self, rho=0.9, eps=1e-8):
        self.rho, self.eps = rho, eps
        super().__init__()

    def _update(self, i, p, g, lr):
        c = self._zeros(i, p)
        c *= self.rho
        c += (1 - self.rho) * g * g
        p -= lr * g / (np.sqrt(c) + self.eps)


class Adam(Optimizer):
    def __init__(self, beta1=0.9, beta2=0.999, eps=1e-8):
        self.beta1, self.beta2, self.eps = beta1, beta2, eps
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
    """An Optimizer from a name in OPTIMIZERS, or the instance itself."""
    if isinstance(optimizer, Optimizer):
        return optimizer
    return OPTIMIZERS[choice(optimizer, "optimizer", OPTIMIZERS)]()


# Learning-rate schedules: each returns a function epoch -> lr (epoch counts from 0).

def step_decay(lr, drop=0.5, every=100):
    """lr * drop^(epoch // every): halve (by default) every `every` epochs."""
    positive(lr, "lr"), positive(drop, "drop"), positive(every, "every", integer=True, minimum=1)
    return lambda epoch: lr * drop ** (epoch // every)


def exponential_decay(lr, k=0.01):
    """lr * exp(-k epoch)."""
    positive(lr, "lr"), positive(k, "k", minimum=0)
    return lambda epoch: lr * np.exp(-k * epoch)


def inverse_time_decay(lr, k=0.01):
    """lr / (1 + k epoch): the 1/t annealing of stochastic approximation."""
    positive(lr, "lr"), positive(k, "k", minimum=0)
    return lambda epoch: lr / (1.0 + k * epoch)


SCHEDULES = {"step": step_decay, "exponential": exponential_decay, "1/t": inverse_time_decay}
