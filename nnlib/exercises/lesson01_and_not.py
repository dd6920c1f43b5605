"""Lesson 1, exercise 1 (and_not_weights, checked in lesson01.py): the neuron a pair (w, b) makes, and what
is wrong with a pair, read off w and b themselves rather than guessed from its four outputs. (Plumbing.)
"""
import numpy as np

from .compare import has_text, show
from .engine import Answers

_X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
_AND_NOT = np.array([0, 0, 1, 0])          # x1 AND NOT x2: 1 only at (1, 0)


def _step(z):
    return (np.asarray(z, dtype=float) >= 0).astype(int)


def _neuron(answer):
    """The student's (w, b) as a function of X: step(X @ w + b)."""
    w, b = answer
    if w is None or b is None:
        raise TypeError("w_and_not or b_and_not is still None: set them to numbers")
    if has_text(w) or has_text(b):
        raise TypeError(f"w_and_not and b_and_not should be numbers, not text: got {show(w)} and {show(b)} "
                        "(drop the quotes)")
    w, b = np.asarray(w, dtype=float), np.asarray(b, dtype=float)
    if w.size == 1 and b.shape == (2,):
        raise ValueError(f"w_and_not is one number and b_and_not two ({show(w.item())} and {show(b)}): the order is "
                         "swapped; pass w_and_not first, then b_and_not")
    if w.shape != (2,) or b.size != 1:
        raise ValueError(f"w_and_not must be a flat array of 2 numbers, shape (2,), and b_and_not one number; got "
                         f"shapes {w.shape} and {b.shape}")
    return lambda X: _step(X @ w + b.item())


_INPUTS = ["(0, 0)", "(0, 1)", "(1, 0)", "(1, 1)"]
_Z_TERMS = ["b", "w2 + b", "w1 + b", "w1 + w2 + b"]
_GATES = {   # outputs that are a whole other gate: named, with no input-by-input account (it would list the answer)
    (0, 0, 0, 1): "Your neuron computes AND, the gate of section 2: this gate is 1 at another input. Write the "
                  "four inequalities again with this gate's labels.",
    (1, 1, 1, 0): "Your neuron computes NAND, AND's opposite gate (flipping every sign of a neuron gives that): "
                  "this gate is not the opposite of AND. Write one inequality per input with this gate's labels.",
    (0, 1, 0, 0): "Your neuron computes x2 AND NOT x1: it fires at the wrong one of the two inputs that hold a "
                  "single 1. In this gate x1 and x2 play different roles; check the inequality of each input again.",
    (0, 1, 1, 1): "Your neuron computes OR (0 only at (0, 0)): this gate is 1 at one input only. Write the four "
                  "inequalities again with this gate's labels.",
}


def _num(v):
    return f"{v:.4g}".replace("e-0", "e-").replace("e+0", "e")


def _and_not_diagnosis(w, b):
    """What is wrong with (w, b), read off w and b (None if they are right): a tie only where z is 0 at an input
    the gate says 0; 'ignores xj' only where wj is about 0; otherwise each input whose inequality fails and its z.
    A pair whose outputs are a whole other gate (AND, NAND, OR, x2 AND NOT x1), with no tie and no weight about 0,
    gets that gate's name."""
    step = _neuron((w, b))
    w, b = np.asarray(w, dtype=float), float(np.asarray(b, dtype=float).item())
    z, out = _X @ w + b, step(_X)
    if np.array_equal(out, _AND_NOT):
        return None
    scale = max(abs(w[0]), abs(w[1]), abs(b))
    fails = [i for i in range(4) if out[i] != _AND_NOT[i]]
    ties = [i for i in fails if abs(z[i]) <= 1e-9 * max(scale, 1.0)]
    ignored = [j for j in (0, 1) if abs(w[j]) <= 0.01 * scale]
    if not ties and not ignored and tuple(out) in _GATES:
        return _GATES[tuple(out)]
    words = []
    if ignored:
        names = " and ".join(f"w{j + 1}" for j in ignored)
        small = all(w[j] == 0 for j in ignored)
        words.append(f"Your {names} {'is' if len(ignored) == 1 else 'are'} "
                     f"{'0' if small else 'about 0 next to your other numbers'}, so your neuron ignores "
                     f"{' and '.join(f'x{j + 1}' for j in ignored)}: this gate depends on both inputs, so both "
                     "weights count.")
    if ties:
        at = " and ".join(f"at {_INPUTS[i]} z = {_Z_TERMS[i]} = "
                          f"{'0' if z[i] == 0 else _num(z[i]) + ' (0 up to rounding)'}" for i in ties)
        words.append(f"{at[0].upper()}{at[1:]}: {'a tie' if len(ties) == 1 else 'ties'}, and step(0) = 1 counts "
                     "a tie as 1, but the gate is 0 there, so z must be strictly below 0.")
    for i in fails:
        at = f"At {_INPUTS[i]} z = {_Z_TERMS[i]} = {_num(z[i])}"
        if i in ties:
            continue
        if _AND_NOT[i] == 0:
            words.append(f"{at} >= 0, so your neuron says 1 where the gate is 0.")
        else:
            words.append(f"{at} < 0, so your neuron says 0 where the gate is 1.")
    where = "that input" if len(fails) == 1 else "those inputs"
    words.append(f"Write the inequality of {where} again (z < 0 where the gate is 0, z >= 0 where it is 1).")
    return " ".join(words)


_AND_NOT_SLIPS = [   # the catalogue: typical pairs; each gets the diagnosis of its own (w, b)
    ("AND", Answers((np.array([1.0, 1.0]), -1.5))),
    ("NAND", Answers((np.array([-1.0, -1.0]), 1.5))),
    ("mirror", Answers((np.array([-1.0, 1.0]), -0.5))),
    ("OR", Answers((np.array([1.0, 1.0]), -0.5))),
    ("x2 ignored", Answers((np.array([1.0, 0.0]), -0.5))),
    ("x1 ignored", Answers((np.array([0.0, -1.0]), 0.5))),
    ("tie at (0, 0) and (1, 1)", Answers((np.array([1.0, -1.0]), 0.0))),
    ("tie at (0, 0)", Answers((np.array([1.0, -2.0]), 0.0))),
    ("tie at (1, 1)", Answers((np.array([1.0, -0.5]), -0.5))),
    ("b positive", Answers((np.array([1.0, -1.0]), 0.5))),
    ("all 0", Answers((np.array([1.0, -1.0]), -1.5))),
    ("w2 too weak", Answers((np.array([2.0, -0.5]), -1.0))),
]
