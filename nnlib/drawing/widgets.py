"""Sliders that redraw a figure (plumbing, not lesson; every lesson uses it).

    explorer = Explorer(draw, hidden=hidden_slider(3), lr=lr_slider(0.5))
    explorer            # in a notebook: the sliders, then the picture

`draw(fig, **values)` clears nothing and returns nothing required: it draws the
current slider values onto the empty figure `fig`, and may return a short status
text (e.g. "diverged at epoch 12: lower the learning rate"). `fig` is a
nnlib.drawing.canvas.Canvas: fig.subplots gives panels with the matplotlib calls the
lessons use (plot, scatter, imshow, contour, text, set, legend), painted by
Pillow in about 20 ms where matplotlib takes 60-120 ms. A draw that needs more of
matplotlib asks for it: Explorer(draw, renderer="matplotlib", ...) passes a
matplotlib Figure instead. The figure is rendered to PNG and swapped into an
Image widget, so a redraw replaces the picture in one step, without flicker.
Sliders follow the drag (continuous_update=True) with no backlog: while the kernel is busy with one
redraw, ipywidgets' front end holds back a slider's newer values and sends only
the newest when the kernel is idle again, and a redraw whose values changed while
it was drawing is not shown (the newer redraw's picture is). The status line's
tooltip names the values the picture shows. With matplotlib, the layout is computed
once and reused while it fits (nnlib.drawing.layout.LayoutCache): no jitter during a drag.
An exception inside `draw` shows in the explorer's own output area instead of vanishing.

A typical `draw` uses the shared pieces, so it shows only what its lesson is about:

    def draw(fig, hidden, lr):
        net = MLP([2, hidden, 2], seed=0)
        history = net.fit(X, y, lr=lr)
        return show_run(fig, {"training": history.loss}, model=net, X=X, y=y,
                        text=lambda: f"loss {history.loss[-1]:.3f}")

show_run (nnlib.drawing.run_view) draws the boundary, the loss curves and the status line, with
nnlib.divergence's verdict: "diverged at epoch 3", or an "unstable" note for a loss that spiked.
"""
import base64
import builtins
import html
import math
import time

import ipywidgets as W
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from .. import divergence
from ..validation import in_range, on_steps, positive
from .canvas import Canvas
from .layout import LayoutCache
from .plotting import figure_png
from .run_view import show_run  # noqa: F401 - the lessons' explorers import it with the sliders

_STYLE = {"description_width": "initial"}


def _text(value, name):
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a string, got {value!r:.60}")
    return value


def _bounds(value, min, max, integer):
    """Check a slider's min < max and value in [min, max] (numbers; integers for an int slider); return
    them as floats (ints)."""
    low, high = (in_range(v, name, integer=integer) for name, v in (("min", min), ("max", max)))
    if not low < high:
        raise ValueError(f"min must be below max, got min={min!r}, max={max!r}")
    return in_range(value, "value", low, high, integer=integer), low, high


def hidden_slider(value=3, min=1, max=50, description="hidden units"):
    """An integer slider for a hidden layer's size (at least 1 unit). Every lesson's explorer."""
    in_range(min, "min", 1, None, integer=True)
    return int_slider(value, min, max, description)


def _log_grid(value, min, max, step=0.05):
    """(low, high, step) exponents of a log slider's positions: about `step` apart, with `value` and `max`
    exactly on them and the lowest at or just above `min`. The browser snaps a slider's value to its
    positions as soon as it shows it, and sends the snapped value back: a value off them would be
    redrawn at once, slightly changed (lr 0.2 as 0.1995). Every lesson's explorer (lr_slider)."""
    lo, hi, v = math.log10(min), math.log10(max), math.log10(value)
    if v >= hi:
        n = builtins.max(1, round((hi - lo) / step))
        return lo, hi, (hi - lo) / n
    step = (hi - v) / builtins.max(1, round((hi - v) / step))
    return v - math.floor((v - lo) / step + 1e-9) * step, hi, step


def lr_slider(value=0.5, min=1e-3, max=10.0, description="learning rate"):
    """A log-scale slider: each step multiplies the rate by the same factor (about 10^0.05), from
    `min` (or just above it) to `max`, 0 < min < max. Every lesson's explorer."""
    positive(min, "min")
    positive(max, "max")
    value, min, max = _bounds(value, min, max, integer=False)
    low, high, step = _log_grid(value, min, max)
    return W.FloatLogSlider(value=value, base=10, min=low, max=high, step=step,
                            description=_text(description, "description"), continuous_update=True,
                            readout_format=".3g", style=_STYLE)


def _on_steps(value, min, step):
    """A slider's value must be min + k * step (validate.on_steps): else the explorer would redraw at
    once for a value nobody chose."""
    if not on_steps(value, min, step):
        raise ValueError(f"value must lie on the slider's steps min + k * step, got value={value!r} "
                         f"(min={min!r}, step={step!r}; the browser would show "
                         f"{min + round((value - min) / step) * step:.6g})")


def int_slider(value, min, max, description, step=1):
    """An integer slider from min to max (min < max, value between them, step >= 1, value on a step).
    Lessons 1-11."""
    value, min, max = _bounds(value, min, max, integer=True)
    step = in_range(step, "step", 1, None, integer=True)
    _on_steps(value, min, step)
    return W.IntSlider(value=value, min=min, max=max, step=step, description=_text(description, "description"),
                       continuous_update=True, style=_STYLE)


def float_slider(value, min, max, description, step=0.01):
    """A slider of real numbers from min to max (min < max, value between them, 0 < step <= max - min,
    value on a step). Lessons 1-11."""
    value, min, max = _bounds(value, min, max, integer=False)
    step = in_range(step, "step", 0, max - min, low_open=True)
    _on_steps(value, min, step)
    return W.FloatSlider(value=value, min=min, max=max, step=step, description=_text(description, "description"),
                         continuous_update=True, readout_format=".3g", style=_STYLE)


def _values(options):
    """The values a dropdown's options offer (a dict's values, pairs' seconds, else the items)."""
    if isinstance(options, dict):
        return list(options.values())
    if isinstance(options, (str, bytes)) or not hasattr(options, "__iter__"):
        raise TypeError(f"options must be a list or a dict, got {options!r:.60}")
    items = list(options)
    pairs = all(isinstance(o, tuple) and len(o) == 2 for o in items)
    return [o[1] for o in items] if pairs else items


def dropdown(options, value=None, description=""):
    """options: a list of values, a list of (label, value) pairs or a dict label -> value;
    value: one of the values (default: the first option's). Lessons 1-11."""
    values = _values(options)
    if not values:
        raise ValueError("options must offer at least one choice, got none")
    if value is not None and not any(value == v for v in values):
        raise ValueError(f"value must be one of the options' values {values!r:.80}, got {value!r:.60}")
    extra = {} if value is None else {"value": value}  # ipywidgets selects the first option itself
    return W.Dropdown(options=options, description=_text(description, "description"), style=_STYLE, **extra)


def training_status(losses, text, ceiling=None):
    """An explorer's status line: nnlib.divergence's message ("diverged at epoch 12: lower the
    learning rate") when the run diverged, else `text`. Lessons 3-11."""
    return divergence.message(losses, ceiling=ceiling) or _text(text, "text")


def _figure_args(figsize, dpi):
    try:
        width, height = figsize
    except (TypeError, ValueError):
        raise TypeError(f"figsize must be a pair (width, height) in inches, got {figsize!r:.60}") from None
    in_range(width, "figsize[0]", 0.5, 50)
    in_range(height, "figsize[1]", 0.5, 50)
    in_range(dpi, "dpi", 10, 400)


RENDERERS = ("canvas", "matplotlib")


class Explorer:
    """Controls (name -> widget) that call draw(fig, **values) and show the new picture. Every lesson."""

    def __init__(self, draw, figsize=(9, 3.5), dpi=80, renderer="canvas", **controls):
        if not callable(draw):
            raise TypeError(f"draw must be a function draw(fig, **values), got {draw!r:.60}")
        _figure_args(figsize, dpi)
        if renderer not in RENDERERS:
            raise ValueError(f"renderer must be one of {RENDERERS}, got {renderer!r:.60}")
        for name, c in controls.items():
            if not isinstance(c, W.ValueWidget):
                raise TypeError(f"control {name!r} must be an ipywidgets value widget, got {c!r:.60}")
        self.draw, self.controls = draw, controls
        if renderer == "canvas":
            self.figure, self.layout = Canvas(figsize, dpi), None
        else:
            self.figure = Figure(figsize=figsize, dpi=dpi)  # laid out by self.layout (constrained, reused)
            FigureCanvasAgg(self.figure)
            self.layout = LayoutCache()
        self.image = W.Image(format="png")
        self.status = W.HTML()
        self.output = W.Output()
        self.redraws, self.skipped, self.last_seconds, self.message = 0, 0, 0.0, ""
        self.phases = {}  # seconds of the last shown redraw: draw (training + plotting), layout, render (+ PNG)
        self.changes = 0  # control changes so far: a redraw that sees it grow while drawing is stale
        box = W.HBox(list(controls.values()), layout=W.Layout(flex_flow="row wrap"))
        self.widget = W.VBox([box, self.image, self.status, self.output])
        for c in controls.values():
            c.observe(self._changed, names="value")
        self.redraw()

    @property
    def values(self):
        return {name: c.value for name, c in self.controls.items()}

    def _changed(self, change):
        old, new = change["old"], change["new"]
        if isinstance(old, float) and isinstance(new, float) and math.isclose(old, new, rel_tol=1e-9):
            return  # the browser's float arithmetic (10 ** exponent) gave the same value back: same picture
        self.changes += 1
        self.redraw()

    def _caption(self, values):
        """The values a picture shows, named as the controls are (the status line's tooltip)."""
        return ", ".join(f"{self.controls[k].description or k}: {v:.4g}" if isinstance(v, float)
                         else f"{self.controls[k].description or k}: {v}" for k, v in values.items())

    def redraw(self):
        """Draw the current values and swap the picture in. Called on every control change.
        When a control changes while `draw` runs (a newer value arrived), this picture is stale:
        it is not shown (`skipped` counts these) and the newer redraw's picture is."""
        t0 = time.perf_counter()
        values, changes = self.values, self.changes
        self.output.outputs = ()  # drop the traceback of an earlier failed draw
        with self.output:
            self.figure.clear()
            message = self.draw(self.figure, **values) or ""
            if self.changes != changes:
                self.skipped += 1
                return
            t1 = time.perf_counter()
            if self.layout is not None:
                self.layout.apply(self.figure)
            t2 = time.perf_counter()
            png = figure_png(self.figure) if self.layout is not None else self.figure.png()
            self.phases = {"draw": t1 - t0, "layout": t2 - t1, "render": time.perf_counter() - t2}
            self.message = message
            # The status first: when the new picture loads, the line under it already belongs to it.
            # data-ms: where the kernel's time went (benchmarks/widget_latency.py reads it in the page).
            ms = " ".join(f"{v * 1000:.0f}" for v in self.phases.values())
            self.status.value = (f'<span title="{html.escape(self._caption(values))}" data-ms="{ms}">'
                                 + (f"<b>{message}</b>" if message else "") + "</span>")
            self.image.value = png
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
