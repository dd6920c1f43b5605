"""nnlib: the helpers behind the nn-course notebooks.

Only what an earlier lesson derived in the open, plus plumbing (data sets,
plots, widgets, gradient checks). Importing it has no side effects: no global
seeds, no plot styles.
"""
from . import (
           check,
           datasets,
           divergence,
           dropout,
           gradcheck,
           init,
           layers,
           losses,
           optim,
           plotting,
           regularise,
           widgets,
)
from .datasets import logic_gate, train_test_split
from .gradcheck import numerical_gradient, rel_error
from .mlp import MLP, History
from .perceptron import Perceptron

__version__ = "0.1.0"
__all__ = ["MLP", "History", "Perceptron", "check", "datasets", "divergence", "dropout",
           "gradcheck", "init", "layers", "logic_gate", "losses", "numerical_gradient", "optim", "plotting",
           "regularise", "rel_error", "train_test_split", "widgets"]
