"""Which neuron the output panel shows and which link is selected (plumbing, not lesson 7).

Neurons are (column, unit) as in nnlib.playground.network: column 0 the input features, 1..L the
hidden layers. A hovered neuron shows while the mouse is over it; a pinned one until it is clicked
again. The selected link (l, i, j) is W_{l+1}[i, j]; its weight can be edited.
"""
import numbers

import numpy as np

from .network import weight_of
from .settings import check_number


def _index(v):
    return not isinstance(v, bool) and isinstance(v, numbers.Integral) and v >= 0


class Focus:
    def __init__(self):
        self.hovered = self.pinned = self.selected = None

    def neuron(self, sizes):
        """The neuron drawn large (hovered, else pinned) if it exists in a network of these sizes."""
        shown = self.hovered or self.pinned
        if shown is None or shown[0] >= len(sizes) - 1 or shown[1] >= sizes[shown[0]]:
            return None
        return shown

    def link(self, sizes):
        """The selected link if it exists in a network of these sizes."""
        if self.selected is None or not link_exists(sizes, self.selected):
            return None
        return self.selected

    def forget(self):
        self.hovered = self.pinned = self.selected = None

    def show(self, sizes, column, unit, pin):
        """Show neuron (column, unit) large (column None: the output again); pinned, or only while hovered."""
        shown = None if column is None else check_neuron(sizes, column, unit)
        if pin:
            self.pinned = shown
        else:
            self.hovered = shown

    def select(self, params, sizes, l, i, j):
        """Select link (l, i, j); returns what the weight box shows: (label, weight or row of weights)."""
        self.selected = check_link(sizes, l, i, j)
        return link_label(params, self.selected), weight_of(params, self.selected)

    def set_weight(self, net, sizes, key, value):
        """Set the weight of link `key` in the MLP `net` (a copy of its weights, then net.params = ...);
        returns the link's label."""
        if key is None or key[2] is None:
            raise ValueError("select a link between two neurons first (click on it)")
        l, i, j = check_link(sizes, *key)
        value = check_number(value, "weight")
        params = [(W.copy(), b) for W, b in net.params]
        params[l][0][i, j] = value
        net.params = params
        return link_label(params, (l, i, j))


def check_neuron(sizes, column, unit):
    """(column, unit) as ints; ValueError if the network (layer sizes) has no such hidden or input neuron."""
    if not (_index(column) and _index(unit) and column < len(sizes) - 1 and unit < sizes[column]):
        raise ValueError(f"no neuron {unit!r:.20} in column {column!r:.20} of the {sizes} network "
                         f"(columns 0..{len(sizes) - 2}: inputs and hidden layers)")
    return int(column), int(unit)


def link_exists(sizes, key):
    """Whether a network of these layer sizes has link (l, i, j); j None: a classifier's output row."""
    l, i, j = key
    if j is None:
        return l == len(sizes) - 2 and sizes[-1] > 1 and i < sizes[l]
    return l < len(sizes) - 1 and i < sizes[l] and j < sizes[l + 1]


def check_link(sizes, l, i, j):
    """(l, i, j) as ints (j None for a classifier's output row); ValueError if there is no such link."""
    if not (_index(l) and _index(i) and (j is None or _index(j)) and link_exists(sizes, (l, i, j))):
        raise ValueError(f"no link {(l, i, j)!r:.40} in the {sizes} network")
    return int(l), int(i), None if j is None else int(j)


def link_label(params, key):
    """What the weight box says about link `key`."""
    l, i, j = key
    if j is None:
        row = np.array2string(weight_of(params, key), precision=3)
        return f"W{l + 1}[{i}, :] = {row}: one weight per class (edit links between neurons, or a regression output)"
    source = "input" if l == 0 else f"layer {l} neuron"
    return f"W{l + 1}[{i}, {j}]: from {source} {i + 1} to {'the output' if l == len(params) - 1 else f'neuron {j + 1}'}"
