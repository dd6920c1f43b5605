"""The playground's controls, built from the settings table alone (plumbing, not lesson 8).

make_control(name, value) turns one row of SETTINGS into a widget: "int" a slider (a number box
when the range is wide, as for the seed), "float" a slider, "log" a log-scale slider, "choice" a
drop-down, "bool" a checkbox, "features" one toggle button per feature. `neurons` is NeuronButtons:
TensorFlow Playground's − / + per hidden layer.
"""
import ipywidgets as W

from ..drawing.widgets import dropdown, float_slider, int_slider, lr_slider
from .data import FEATURES
from .settings import SETTINGS

WIDE = ("dataset", "classes", "points", "noise", "train_ratio", "seed", "layers", "hidden", "click")
NARROW = ("activation", "reg", "batch_size", "optimizer")


def make_control(name, value):
    """The widget for setting `name` showing `value`; its range, step, label and options come from SETTINGS."""
    s = SETTINGS[name]
    if s.kind == "int" and s.high - s.low > 1000:
        w = W.BoundedIntText(value, min=s.low, max=s.high, description=s.label)
    elif s.kind == "int":
        w = int_slider(value, s.low, s.high, s.label, step=s.step)
    elif s.kind == "float":
        w = float_slider(value, s.low, s.high, s.label, step=s.step)
    elif s.kind == "log":
        w = lr_slider(value, s.low, s.high, s.label)
    elif s.kind == "bool":
        w = W.Checkbox(value=value, description=s.label, indent=False)
    else:
        w = dropdown(list(zip(s.labels, s.options)) if s.labels else list(s.options), value, s.label)
    w.tooltip = s.label  # (a widget without one shows the tooltip "null" in the browser)
    if name in WIDE:
        w.layout.width = "250px"
    elif name in NARROW:
        w.layout.width = "190px"
    return w


def feature_toggles(chosen):
    """One toggle button per input feature, keyed by feature name."""
    return {f: W.ToggleButton(value=f in chosen, description=label, layout=W.Layout(width="62px"),
                              tooltip=f"use {label} as an input") for f, (label, _) in FEATURES.items()}


def make_controls(values):
    """Every setting's widget (the features one per feature; `neurons` is NeuronButtons, not here)."""
    controls = {}
    for name, s in SETTINGS.items():
        if s.kind == "features":
            controls.update(feature_toggles(values[name]))
        elif s.kind != "neurons":
            controls[name] = make_control(name, values[name])
    return controls


class NeuronButtons:
    """− count + for each hidden layer; `on_change(layer, delta)` is called when one is pressed.
    `widget` is the row; show(neurons) redraws it for these counts (one group per layer)."""

    def __init__(self, on_change):
        self.on_change, self.neurons = on_change, ()
        self.widget = W.HBox(layout=W.Layout(flex_flow="row wrap"))
        self.buttons = {}

    def _group(self, layer, count):
        spec = SETTINGS["neurons"]
        minus = W.Button(description="−", layout=W.Layout(width="34px", padding="0"), disabled=count <= spec.low,
                         tooltip=f"one neuron less in layer {layer + 1}")
        plus = W.Button(description="+", layout=W.Layout(width="34px", padding="0"), disabled=count >= spec.high,
                        tooltip=f"one neuron more in layer {layer + 1}")
        minus.on_click(lambda _, layer=layer: self.on_change(layer, -1))
        plus.on_click(lambda _, layer=layer: self.on_change(layer, +1))
        self.buttons[layer] = (minus, plus)
        label = W.HTML(f"<span style='font-size:12px;color:#555'>layer {layer + 1}: <b>{count}</b></span>",
                       layout=W.Layout(width="70px", margin="0 0 0 4px"), tooltip=f"neurons in layer {layer + 1}")
        return W.HBox([label, minus, plus], layout=W.Layout(margin="0 10px 2px 0"))

    def show(self, neurons):
        neurons = tuple(neurons)
        if neurons == self.neurons:
            return
        old = self.widget.children
        self.neurons, self.buttons = neurons, {}
        self.widget.children = [self._group(l, c) for l, c in enumerate(neurons)]
        for box in old:
            for w in (*box.children, box):
                for model in (w, w.layout, getattr(w, "style", None)):
                    if model is not None:
                        model.close()

    def close(self):
        self.show(())
        self.widget.close()
