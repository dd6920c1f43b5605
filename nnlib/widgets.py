"""Sliders that redraw a figure (plumbing, not lesson; every lesson uses it).

    explorer = Explorer(draw, hidden=hidden_slider(3), lr=lr_slider(0.5))
    explorer            # in a notebook: the sliders, then the picture

`draw(fig, **values)` clears nothing and returns nothing required: it draws the
current slider values onto the empty matplotlib Figure `fig`, and may return a
short status text (e.g. "diverged at epoch 12: lower the learning rate").
The figure is rendered to PNG and swapped into an Image widget, so a redraw
replaces the picture in one step, without flicker. Sliders report when they are
released (continuous_update=False). An exception inside `draw` shows in the
explorer's own output area instead of vanishing.
"""
import base64
import math
import time

import ipywidgets as W
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from .plotting import figure_png

_STYLE = {"description_width": "initial"}


def hidden_slider(value=3, min=1, max=50, description="hidden units"):
    return int_slider(value, min, max, description)


def lr_slider(value=0.5, min=1e-3, max=10.0, description="learning rate"):
    """A log-scale slider: each step multiplies the rate by the same factor."""
    return W.FloatLogSlider(value=value, base=10, min=math.log10(min), max=math.log10(max), step=0.05,
                            description=description, continuous_update=False, readout_format=".3g",
                            style=_STYLE)


def int_slider(value, min, max, description, step=1):
    return W.IntSlider(value=value, min=min, max=max, step=step, description=description,
                       continuous_update=False, style=_STYLE)


def float_slider(value, min, max, description, step=0.01):
    return W.FloatSlider(value=value, min=min, max=max, step=step, description=description,
                         continuous_update=False, readout_format=".3g", style=_STYLE)


def dropdown(options, value=None, description=""):
    """options: a list of values, a list of (label, value) pairs or a dict label -> value;
    value: one of the values (default: the first option's)."""
    extra = {} if value is None else {"value": value}  # ipywidgets selects the first option itself
    return W.Dropdown(options=options, description=description, style=_STYLE, **extra)


class Explorer:
    """Controls (name -> widget) that call draw(fig, **values) and show the new picture."""

    def __init__(self, draw, figsize=(9, 3.5), dpi=80, **controls):
        if not callable(draw):
            raise TypeError(f"draw must be a function draw(fig, **values), got {draw!r:.60}")
        for name, c in controls.items():
            if not isinstance(c, W.ValueWidget):
                raise TypeError(f"control {name!r} must be an ipywidgets value widget, got {c!r:.60}")
        self.draw, self.controls = draw, controls
        self.figure = Figure(figsize=figsize, dpi=dpi, layout="constrained")
        FigureCanvasAgg(self.figure)
        self.image = W.Image(format="png")
        self.status = W.HTML()
        self.output = W.Output()
        self.redraws, self.last_seconds, self.message = 0, 0.0, ""
        box = W.HBox(list(controls.values()), layout=W.Layout(flex_flow="row wrap"))
        self.widget = W.VBox([box, self.image, self.status, self.output])
        for c in controls.values():
            c.observe(self._changed, names="value")
        self.redraw()

    @property
    def values(self):
        return {name: c.value for name, c in self.controls.items()}

    def _changed(self, change):
        self.redraw()

    def redraw(self):
        """Draw the current values and swap the picture in. Called on every control change."""
        t0 = time.perf_counter()
        self.output.outputs = ()  # drop the traceback of an earlier failed draw
        with self.output:
            self.figure.clear()
            self.message = self.draw(self.figure, **self.values) or ""
            self.image.value = figure_png(self.figure)
            self.status.value = f"<b>{self.message}</b>" if self.message else ""
            self.redraws += 1
        self.last_seconds = time.perf_counter() - t0

    def __repr__(self):
        vals = ", ".join(f"{k}={v:.4g}" if isinstance(v, float) else f"{k}={v!r}" for k, v in self.values.items())
        return f"Explorer({vals})" + (f": {self.message}" if self.message else "")

    def _repr_mimebundle_(self, **kwargs):
        # The live widget for JupyterLab, plus a still picture for GitHub/nbviewer and a stable text.
        bundle = self.widget._repr_mimebundle_(**kwargs) or {}
        bundle["image/png"] = base64.b64encode(self.image.value).decode()
        bundle["text/plain"] = repr(self)
        return bundle
