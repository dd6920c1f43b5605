"""Which neuron the output panel shows and which link is selected (plumbing, not lesson 8).

Neurons are (column, unit) as in nnlib.playground.network: column 0 the input features, 1..L the
hidden layers. A hovered neuron shows while the mouse is over it; a pinned one until it is clicked
again. The selected item is a link (l, i, j), the weight W_{l+1}[i, j], or a bias (l, None, j), the
bias b_{l+1}[j] of neuron j of column l + 1; either can be edited.
"""
import numbers

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
        """Select link (l, i, j) or bias (l, None, j); returns what the weight box shows: (label, value)."""
        self.selected = check_link(sizes, l, i, j)
        return link_label(params, self.selected), weight_of(params, self.selected)

    def set_weight(self, net, sizes, key, value):
        """Set the weight of link `key` (or the bias, i None) in the MLP `net` (copies of its arrays,
        then net.params = ...); returns the label."""
        if not isinstance(key, tuple) or len(key) != 3 or key[2] is None:
            raise ValueError(f"select a link or a bias first (click on it), got {key!r:.40}")
        l, i, j = check_link(sizes, *key)
        value = check_number(value, "weight" if i is not None else "bias")
        params = [(W.copy(), b.copy()) for W, b in net.params]
        if i is None:
            params[l][1][..., j] = value
        else:
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
    """Whether a network of these layer sizes has link (l, i, j), or bias (l, None, j)."""
    l, i, j = key
    return l < len(sizes) - 1 and (i is None or i < sizes[l]) and j < sizes[l + 1]


def check_link(sizes, l, i, j):
    """(l, i, j) as ints (i None for a bias); ValueError if there is no such link or bias."""
    if not (_index(l) and (i is None or _index(i)) and _index(j) and link_exists(sizes, (l, i, j))):
        raise ValueError(f"no link {(l, i, j)!r:.40} in the {sizes} network")
    return int(l), None if i is None else int(i), int(j)


def _target(params, l, j):
    last, k = l == len(params) - 1, params[-1][0].shape[1]
    if last:
        return "the output" if k == 1 else f"class {j}'s output"
    return f"layer {l + 1} neuron {j + 1}"


def link_label(params, key):
    """What the weight box says about link or bias `key`, with its value (3 significant digits)."""
    l, i, j = key
    value = weight_of(params, key)
    if i is None:
        return f"b{l + 1}[{j}] = {value:.3g}: the bias of {_target(params, l, j)}"
    source = "input" if l == 0 else f"layer {l} neuron"
    return f"W{l + 1}[{i}, {j}] = {value:.3g}: from {source} {i + 1} to {_target(params, l, j)}"
