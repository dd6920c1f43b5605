"""nnlib: the helpers behind the nn-course notebooks.

Only what an earlier lesson derived in the open, plus plumbing (data sets,
plots, widgets, gradient checks). Importing it has no side effects: no global
seeds, no plot styles, and no module loaded until it is used. Every name below
is reached lazily (PEP 562), so `import nnlib` costs almost nothing and
`from nnlib import check, plotting` loads matplotlib, Pillow, ipywidgets or the
exercises only for the notebook that asks for them.
"""
import importlib

__version__ = "0.1.0"

SUBMODULES = ("autograd", "backprop", "check", "datasets", "divergence", "dropout", "gradcheck", "init",
              "layers", "losses", "mlp", "optim", "perceptron", "plotting", "regularise", "training",
              "widgets")
# name -> the submodule that defines it
NAMES = {"MLP": "mlp", "History": "mlp", "Perceptron": "perceptron", "logic_gate": "datasets",
         "train_test_split": "datasets", "numerical_gradient": "gradcheck", "rel_error": "gradcheck"}

__all__ = ["MLP", "History", "Perceptron", "check", "datasets", "divergence", "dropout",
           "gradcheck", "init", "layers", "logic_gate", "losses", "numerical_gradient", "optim", "plotting",
           "regularise", "rel_error", "train_test_split", "widgets"]


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
