"""nnlib: the helpers behind the nn-course notebooks.

The top level is the lessons' maths: only what a lesson derived in the open, each
module's docstring naming its lesson. The plumbing lives in subpackages: `data`
(data sets, splits), `drawing` (plots, widgets, the explorers' live panels),
`validation` (argument checks), `exercises` (the exercise engine, reached as
`nnlib.check`) and `playground` (the playground app). Importing it has no side effects: no global
seeds, no plot styles, and no module loaded until it is used. Every name below
is reached lazily (PEP 562), so `import nnlib` costs almost nothing and
`from nnlib import check` or `from nnlib.drawing import plotting` loads matplotlib, Pillow, ipywidgets or the
exercises only for the notebook that asks for them.
"""
import importlib

__version__ = "0.1.0"

SUBMODULES = ("autograd", "backprop", "batchnorm", "check", "data", "divergence", "drawing", "dropout",
              "exercises", "gradcheck", "history", "init", "layers", "logistic", "losses", "mlp", "optim",
              "perceptron", "playground", "regularise", "training", "validation")
# name -> the submodule that defines it
NAMES = {"MLP": "mlp", "History": "mlp", "Perceptron": "perceptron", "logic_gate": "data",
         "train_test_split": "data", "numerical_gradient": "gradcheck", "rel_error": "gradcheck"}

__all__ = ["MLP", "History", "Perceptron", "autograd", "backprop", "batchnorm", "check", "data",
           "divergence", "drawing", "dropout", "exercises", "gradcheck", "history", "init", "layers", "logic_gate",
           "logistic", "losses", "mlp", "numerical_gradient", "optim", "perceptron", "playground", "regularise",
           "rel_error", "train_test_split", "training", "validation"]


def __getattr__(name):
    """Import a submodule, or the submodule defining `name`, on first use."""
    if name in SUBMODULES:
        return importlib.import_module(f".{name}", __name__)   # the import binds it in this module
    if name in NAMES:
        value = getattr(importlib.import_module(f".{NAMES[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(__all__) | set(SUBMODULES))
