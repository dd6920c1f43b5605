"""Exercise check for lesson 5 (05_layers_and_gates), exercise 2 (derive): a max gate, a = the largest entry of
each row of z. Kept apart from lesson05.py, which re-exports it, so each file stays short. Data for the engine in
engine.py; `_gate` turns a gate class into a function (z, dJda) -> (a, dJdz), here and for lesson05's ReLU."""
import numpy as np

from .engine import Case, Slip, function_check


def _gate(cls, example):
    """A gate class with forward(z) / backward(dJda) as a function (z, dJda) -> (a, dJdz)."""
    if not isinstance(cls, type):
        name = example.split("(")[-1].rstrip(")")
        raise TypeError(f"pass the class itself, e.g. {example}, not an instance {name}()")

    def run(z, dJda):
        gate = cls()
        a = gate.forward(z)
        return a, gate.backward(dJda)
    return run


def _max_rows(z, dJda):  # the reference: the whole upstream gradient of row i goes to the first argmax of row i
    dJdz = np.zeros(np.shape(z))
    dJdz[np.arange(len(z)), np.argmax(z, axis=1)] = dJda
    return np.max(z, axis=1), dJdz


def _first(z):
    """A 0/1 mask of each row's first largest entry."""
    mask = np.zeros(np.shape(z))
    mask[np.arange(len(z)), np.argmax(z, axis=1)] = 1.0
    return mask


def _max_gate(forward=lambda z: np.max(z, axis=1), backward=lambda z, a, G: G[:, None] * _first(z)):
    """A max gate class with the given forward(z) and backward(z, a, dJda); the arguments make its typical slips."""
    def fwd(self, z):
        self.z, self.a = z, forward(z)
        return self.a
    return type("Max", (), {"forward": fwd, "backward": lambda self, G: backward(self.z, self.a, G)})


def _ties(z, share):
    """A mask that marks every entry equal to its row's maximum; share=True divides it among them."""
    mask = (z == np.max(z, axis=1, keepdims=True)).astype(float)
    return mask / mask.sum(axis=1, keepdims=True) if share else mask


def _last(z):
    mask = np.zeros(np.shape(z))
    mask[np.arange(len(z)), z.shape[1] - 1 - np.argmax(z[:, ::-1], axis=1)] = 1.0
    return mask


_Max = _max_gate()

SOLUTIONS = {"max_gate": _Max}

SLIPS = {"max_gate": [
    Slip("every input", "backward sends dJda to every entry of the row, as an add gate does: ask which entries a "
                        "small nudge can move the row's maximum through.",
         _max_gate(backward=lambda z, a, G: G[:, None] * np.ones(np.shape(z)))),
    Slip("no upstream", "backward returns only the local derivative (1 or 0); multiply it by the upstream "
                        "gradient dJda.", _max_gate(backward=lambda z, a, G: _first(z))),
    Slip("times a", "backward multiplies dJda by the maximum's value: the local derivative of a max does not "
                    "depend on the size of the entry it picked.",
         _max_gate(backward=lambda z, a, G: (G * a)[:, None] * _first(z))),
    Slip("all ties", "Where a row's maximum appears more than once, the gradient went to each of the tied entries "
                     "(a mask of the entries equal to the maximum marks them all): the prompt says which one of "
                     "them receives it.",
         _max_gate(backward=lambda z, a, G: G[:, None] * _ties(z, share=False))),
    Slip("split ties", "Where a row's maximum appears more than once, the gradient was shared among the tied "
                       "entries: the prompt says which one of them receives it, whole.",
         _max_gate(backward=lambda z, a, G: G[:, None] * _ties(z, share=True))),
    Slip("last tie", "Where a row's maximum appears more than once, the gradient went to the wrong one of the tied "
                     "entries: read again which one the prompt names.",
         _max_gate(backward=lambda z, a, G: G[:, None] * _last(z))),
    Slip("column mask", "backward marks the largest entry of each column of z; a_i is the maximum of row i, so the "
                        "entry that receives row i's gradient is in row i.",
         _max_gate(backward=lambda z, a, G: G[:, None] * (z == np.max(z, axis=0)))),
    Slip("column max", "forward takes the maximum down each column (axis 0): a has one entry per row of z, the "
                       "largest in that row.", _max_gate(forward=lambda z: np.max(z, axis=0))),
    Slip("argmax", "forward returns where each row's maximum is (its index), not its value.",
         _max_gate(forward=lambda z: np.argmax(z, axis=1))),
    Slip("keepdims", "forward returns a column of shape (n, 1): a has the shape (n,), one number per row, as dJda "
                     "does.", _max_gate(forward=lambda z: np.max(z, axis=1, keepdims=True))),
    Slip("row shape", "backward returns one number per row, dJda's shape: dJdz has z's shape, one entry for each "
                      "input of the gate.", _max_gate(backward=lambda z, a, G: G * np.ones(len(z)))),
]}

# Case 1 has no ties; case 2 has a tie in its first row (entries 0 and 2) and more columns than rows.
_Z1 = np.array([[0.5, 2.0, -1.0], [3.0, 1.0, 2.5], [-0.5, -2.0, -0.1], [1.2, 0.4, 0.3]])
_G1 = np.array([0.7, -1.2, 2.0, 1.5])
_Z2 = np.array([[1.0, -0.5, 1.0, 0.2], [-3.0, -1.0, -2.0, -1.5]])
_G2 = np.array([2.0, -0.5])


def max_gate(cls, grade=False):
    """Lesson 5, exercise 2 (derive): a class Max with forward(z) -> a (the largest entry of each row) and
    backward(dJda) -> dJdz, a tie's gradient to the first of the tied entries."""
    cases = [Case((_Z1, _G1), "z = [[0.5, 2, -1], [3, 1, 2.5], [-0.5, -2, -0.1], [1.2, 0.4, 0.3]], "
                              "dJda = [0.7, -1.2, 2, 1.5]"),
             Case((_Z2, _G2), "z = [[1, -0.5, 1, 0.2], [-3, -1, -2, -1.5]], dJda = [2, -0.5]")]
    return function_check("max_gate", cls, reference=_max_rows, cases=cases, outputs=("forward's a", "backward's dJdz"),
                          slips=SLIPS["max_gate"], pure=True, adapt=lambda c: _gate(c, "check.max_gate(Max)"),
                          grade=grade)


__all__ = ["max_gate"]
