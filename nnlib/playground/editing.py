"""Looking into the playground's network (plumbing, not lesson 8): a neuron shown large, a link's
weight or a neuron's bias read on hover and edited, as in TensorFlow Playground.

NetworkEdits is a part of nnlib.playground.Playground (its `lock`, `trainer`, `focus`, `view`)."""
from .focus import link_label


class NetworkEdits:
    def show_neuron(self, column, unit, pin=True):
        """Draw neuron `unit` of `column` (0 = inputs, 1.. = hidden layers) large in the output panel;
        column None shows the output again. pin=False: only while the mouse is over it."""
        with self.lock:
            self.focus.show(self.trainer.layer_sizes, column, unit, pin)
            self._draw()

    def select_link(self, l, i, j):
        """Select the link W_{l+1}[i, j] (params[l][0][i, j]), or with i None the bias b_{l+1}[j]: its
        value shows in the weight box, for editing."""
        with self.lock:
            self.view.show_weight(*self.focus.select(self.trainer.net.params, self.trainer.layer_sizes, l, i, j))
            self._draw()

    def hover_item(self, key):
        """Show the value of link or bias `key` under the mouse (None: the selected one's again)."""
        with self.lock:
            sizes, params = self.trainer.layer_sizes, self.trainer.net.params
            key = key if key is not None else self.focus.link(sizes)
            self.view.show_readout(link_label(params, key) if key is not None else "")

    def set_weight(self, key, value):
        """Set the weight of link `key` = (l, i, j), or the bias (l, None, j), to `value`; the
        pictures follow at once."""
        with self.lock:
            label = self.focus.set_weight(self.trainer.net, self.trainer.layer_sizes, key, value)
            self.trainer.record()  # the loss curves show the jump at this epoch
            self.view.show_weight(label, float(value))
            self.view.say(f"{label.split(' = ')[0]} set to {float(value):.4g}")
            self._draw()
