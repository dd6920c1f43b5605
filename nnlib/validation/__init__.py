"""Argument checks for nnlib's public entry points (plumbing, not lesson): every bad argument gets a
ValueError or TypeError naming the argument and showing its value, never a numpy traceback from deep
inside. The checks live in `arguments`; this package gathers them, so a module writes
`from ..validation import real_array` or `from . import validation as validate`.
"""
from .arguments import (
                        MAX_GIB,
                        affordable,
                        as_features,
                        as_labels,
                        boolean,
                        choice,
                        function,
                        in_range,
                        layer_sizes,
                        network_input,
                        number,
                        on_steps,
                        positive,
                        real_array,
                        seed,
)

__all__ = ["MAX_GIB", "affordable", "as_features", "as_labels", "boolean", "choice", "function", "in_range",
           "layer_sizes", "network_input", "number", "on_steps", "positive", "real_array", "seed"]
