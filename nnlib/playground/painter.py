"""Puts the pictures of a Trainer's state into a View (plumbing, not lesson 8).

Per frame: the output panel (the network's output, or one neuron drawn large), the network
diagram, the loss curves, the scores and the epoch. The points layer is redrawn only when the
points (or their display) change.
"""
import numpy as np

from . import pictures, scores
from .data import FEATURES
from .network import network_jpeg
from .view import SIZE


class Painter:
    def __init__(self, view):
        self.view, self.layer = view, None

    def points(self, t, show_validation):
        """The transparent points layer over the output picture."""
        self.layer = pictures.points_layer(t.P, t.y, t.val, t.window, SIZE, show_validation, t.regression)
        self.view.overlay.value = pictures.png_palette(self.layer)

    def big_picture(self, t, acts, shown, discretize):
        """The output panel: the network's output, or the neuron `shown` (column, unit)."""
        if shown is None:
            self.view.show_title("OUTPUT", "hover over a neuron to see it here")
            return pictures.output_jpeg(acts[-1], SIZE, t.regression, discretize, bool(t.diverged))
        l, j = shown
        name = f"input {FEATURES[t.settings['features'][j]][0]}" if l == 0 else f"layer {l}, neuron {j + 1}"
        self.view.show_title(f"NEURON: {name}", "click it again, or move off the network, to see the output")
        return pictures.neuron_jpeg(acts[l][:, j], SIZE, l == 0, t.settings["activation"], discretize)

    def draw(self, t, discretize, focus):
        """Every picture of trainer `t`; `focus` says which neuron is shown large and which link is selected."""
        acts = t.grid_activations()
        shown, selected = focus.neuron(t.layer_sizes), focus.link(t.layer_sizes)
        with np.errstate(all="ignore"):  # huge (finite) weights: inf activations are drawn saturated
            self.view.picture.value = self.big_picture(t, acts, shown, discretize)
            labels = [FEATURES[f][0] for f in t.settings["features"]]
            self.view.network.value = network_jpeg(acts, t.net.params, labels, t.settings["activation"], t.regression,
                                                   shown, selected)
        self.view.loss.value = pictures.loss_png(t.history, "squared error" if t.regression else "loss")
        m = t.metrics()
        self.view.numbers.value = scores.numbers_html(m, t.regression)
        self.view.scores.value = scores.metrics_html(m, t.regression)
        self.view.show_epoch(t.epoch)
        if t.problem():
            self.view.say(t.problem(), warn=bool(t.diverged))

    def snapshot(self):
        """One still PNG of the output picture with its points, the network and the loss curve."""
        view = self.view
        return pictures.snapshot_png(pictures.compose(view.picture.value, self.layer), view.network.value,
                                     view.loss.value)
