"""Weight initialisations (derived in lesson 10, 10_depth).

Each rule draws W (n_in, n_out) from a np.random.RandomState `rng` as randn(n_in, n_out) times a
scale; biases start at zero. With unit-variance inputs, z = a @ W sums n_in terms, so

    lecun    randn / sqrt(n_in)             Var z = Var a: signals keep their size going forward
    normal   randn                          Var z = n_in Var a: activations saturate or explode
    small    0.01 randn                     Var z = 1e-4 n_in Var a: signals and gradients vanish
    glorot   randn * sqrt(2 / (n_in + n_out))  the compromise between forward and backward pass
                                               (tanh, sigmoid; scikit-learn's choice)
    he       randn * sqrt(2 / n_in)         twice lecun's variance: relu zeroes half the units

"lecun" is MLP's default (lessons 4-9 use it; its draws are those of randn(n_in, n_out) / sqrt(n_in)).
"""
import numpy as np

from .validation import choice
from .validation import layer_sizes as as_layer_sizes
from .validation import seed as as_seed


def lecun(rng, n_in, n_out):
    return rng.randn(n_in, n_out) / np.sqrt(n_in)


def normal(rng, n_in, n_out):
    return rng.randn(n_in, n_out)


def small(rng, n_in, n_out):
    return 0.01 * rng.randn(n_in, n_out)


def glorot(rng, n_in, n_out):
    return rng.randn(n_in, n_out) * np.sqrt(2.0 / (n_in + n_out))


def he(rng, n_in, n_out):
    return rng.randn(n_in, n_out) * np.sqrt(2.0 / n_in)


INITS = {"lecun": lecun, "normal": normal, "small": small, "glorot": glorot, "he": he}


def weights(layer_sizes, init="lecun", seed=None):
    """[(W1, b1), (W2, b2), ...] for layer_sizes, drawn layer by layer from RandomState(seed).
    Lesson 10."""
    sizes, draw = as_layer_sizes(layer_sizes), INITS[choice(init, "init", INITS)]
    rng = np.random.RandomState(as_seed(seed, maximum=2**32 - 1))
    return [(draw(rng, a, b), np.zeros(b)) for a, b in zip(sizes[:-1], sizes[1:])]
