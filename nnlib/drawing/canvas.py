"""A figure for the explorers drawn by Pillow, not matplotlib (plumbing, not lesson; every lesson's
explorer draws on one through nnlib.drawing.widgets.Explorer).

    fig = Canvas(figsize=(9, 3.5), dpi=80)
    ax1, ax2 = fig.subplots(1, 2)               # Panels: a small part of matplotlib's Axes
    ax1.plot(epochs, losses, label="training"); ax1.set(yscale="log", title="loss"); ax1.legend()
    ax2.imshow(rgb, extent=(x0, x1, y0, y1), aspect="auto"); ax2.contour(xx, yy, field, levels=[0.0])
    png = fig.png()

A Panel records what is drawn and the settings (plot, scatter, imshow, contour at one level, text;
set(...) with xlim ylim xlabel ylabel title xticks yticks xscale yscale; legend, locator_params,
axis("off")); fig.png() lays the panels out and paints them at twice the size, then halves it (smooth
lines and markers). Anything else raises an AttributeError naming what the canvas lacks and
the way out: Explorer(..., renderer="matplotlib"). Text is plain unicode (x₁, ∂J/∂W), not $mathtext$.
"""
import numpy as np
from matplotlib.colors import to_rgb
from PIL import Image

from ..validation import in_range, real_array
from . import panel_paint

AXES = "axes"  # Panel.transAxes: text positioned in fractions of the panel's box
CYCLE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"]  # matplotlib's
SETTINGS = ("xlim", "ylim", "xlabel", "ylabel", "title", "xticks", "yticks", "xscale", "yscale")
MORE = "for the rest of matplotlib, make the explorer with Explorer(draw, renderer=\"matplotlib\", ...)"


def _lacks(obj, name, has):
    if name.startswith("__"):  # Python's own lookups (copy, pickle, ...) get the usual answer
        raise AttributeError(name)
    raise AttributeError(f"the canvas {type(obj).__name__} has no {name!r} (it has {has}); {MORE}")


def _text(s, name):
    s = str(s)
    if s.count("$") >= 2:
        raise ValueError(f"{name} {s!r:.60} uses $mathtext$, which the canvas does not draw: write it in "
                         "unicode (x₁, ∂J/∂W), or use Explorer(..., renderer=\"matplotlib\")")
    return s


def _color(c, default):
    return tuple(int(round(255 * v)) for v in to_rgb(default if c is None else c))


def _numbers(values, name):
    return real_array(values, name).ravel()


def _limits(value, name):
    lim = _numbers(value, name)
    if lim.size != 2 or not np.all(np.isfinite(lim)) or lim[0] == lim[1]:
        raise ValueError(f"{name} must be two different finite numbers (low, high), got {value!r:.60}")
    return float(lim[0]), float(lim[1])


def _xy(x, y):
    x, y = _numbers(x, "x"), _numbers(y, "y")
    if x.shape != y.shape:
        raise ValueError(f"x and y must have the same length, got {x.size} and {y.size}")
    return x, y


class Panel:
    """One plot of a Canvas: records the drawing calls; Canvas.png() paints them (panel_paint)."""
    transAxes = AXES
    HAS = "plot, scatter, imshow, contour, text, set, set_title, set_xlabel, set_ylabel, set_yscale, legend, " \
          "locator_params, axis, set_axis_off"

    def __getattr__(self, name):
        _lacks(self, name, self.HAS)

    def __init__(self, cell):
        self.cell = cell  # (left, top, right, bottom) in fractions of the canvas
        self.items, self.settings, self.lines = [], {"xscale": "linear", "yscale": "linear"}, 0
        self.nbins, self.integer = {"x": 6, "y": 5}, {"x": False, "y": False}
        self.axis_on, self.show_legend = True, False

    def plot(self, x, y=None, fmt="-", color=None, label=None, lw=None, linewidth=None, marker=None, zorder=2):
        """A line (fmt "-"), markers (".", "o", "s", ...) or both (".-", "o-"); plot(y) and plot(y, fmt)
        put y at x = 0, 1, ..."""
        if isinstance(y, str):
            y, fmt = None, y
        x, y = _xy(np.arange(np.size(x)), x) if y is None else _xy(x, y)
        fmt = str(fmt)
        mark = marker or next((m for m in ".os^Dv" if m in fmt), None)
        colour = _color(color, CYCLE[self.lines % len(CYCLE)])
        self.lines += 1
        self.items.append(dict(kind="line", x=x, y=y, color=colour, width=lw or linewidth or 1.5, zorder=zorder,
                               line="-" in fmt or mark is None, marker=mark, label=label))
        return self

    def scatter(self, x, y, s=20, c=None, color=None, marker="o", edgecolors=None, linewidths=1.0, label=None,
                zorder=1):
        """Markers of area s (points squared) at (x, y): one colour, an optional edge colour."""
        x, y = _xy(x, y)
        fill = _color(c if c is not None else color, CYCLE[0])
        self.items.append(dict(kind="scatter", x=x, y=y, color=fill, size=float(s), marker=str(marker),
                               edge=None if edgecolors is None else _color(edgecolors, "k"),
                               edge_width=float(linewidths), label=label, zorder=zorder))
        return self

    def imshow(self, image, cmap="viridis", vmin=None, vmax=None, origin="upper", extent=None, aspect=None,
               interpolation=None):
        """An image (h, w) coloured by cmap, or (h, w, 3) RGB in [0, 1] or uint8, over extent
        (left, right, bottom, top); without extent, one unit per pixel and row 0 on top."""
        rgb = panel_paint.image_rgb(np.asarray(image), cmap, vmin, vmax)
        h, w = rgb.shape[:2]
        if extent is None:
            extent = (-0.5, w - 0.5, -0.5, h - 0.5) if origin == "lower" else (-0.5, w - 0.5, h - 0.5, -0.5)
        rgb = rgb[::-1] if origin == "lower" else rgb  # row 0 of rgb now sits at y = extent[3]
        self.items.append(dict(kind="image", rgb=rgb, extent=tuple(float(e) for e in extent), zorder=0,
                               smooth=interpolation == "bilinear", equal=aspect in (None, "equal")))
        return self

    def contour(self, xx, yy, field, levels=(0.0,), colors="k", linewidths=1.0):
        """The line where field (r, c) on the grid xx, yy crosses levels[0], interpolated between grid points."""
        if len(levels) != 1:
            raise ValueError(f"levels must hold one level on the canvas, got {levels!r:.60}")
        field = np.asarray(field, dtype=float) - float(levels[0])
        self.items.append(dict(kind="contour", xx=np.asarray(xx, dtype=float), yy=np.asarray(yy, dtype=float),
                               field=field, color=_color(colors, "k"), width=float(linewidths), zorder=1))
        return self

    def text(self, x, y, s, ha="left", va="baseline", fontsize=10, color="k", transform=None):
        """Text at (x, y): data coordinates, or fractions of the box with transform=panel.transAxes."""
        (x, y), size = _numbers([x, y], "x and y"), _numbers(fontsize, "fontsize")
        self.items.append(dict(kind="text", x=float(x), y=float(y), s=_text(s, "text"), ha=ha, va=va,
                               size=float(size[0]), color=_color(color, "k"), axes=transform == AXES, zorder=3))
        return self

    def set(self, **settings):
        """Any of xlim ylim xlabel ylabel title xticks yticks xscale ("linear"/"log") yscale."""
        for name, value in settings.items():
            if name not in SETTINGS:
                raise TypeError(f"the canvas has no setting {name!r}: it has {', '.join(SETTINGS)}")
            if name.endswith("scale") and value not in ("linear", "log"):
                raise ValueError(f"{name} must be 'linear' or 'log' on the canvas, got {value!r:.60}")
            if name in ("xlabel", "ylabel", "title"):
                value = _text(value, name)
            elif name.endswith("ticks"):
                value = _numbers(value, name).tolist()
            elif name.endswith("lim"):
                value = _limits(value, name)
            self.settings[name] = value
        return self

    def set_title(self, title):
        return self.set(title=title)

    def set_xlabel(self, label):
        return self.set(xlabel=label)

    def set_ylabel(self, label):
        return self.set(ylabel=label)

    def set_yscale(self, scale):
        return self.set(yscale=scale)

    def get_xscale(self):
        return self.settings["xscale"]

    def get_yscale(self):
        return self.settings["yscale"]

    def set_axis_off(self):
        self.axis_on = False

    def axis(self, state):
        self.axis_on = {"off": False, "on": True}[state]

    def legend(self):
        self.show_legend = True

    def minorticks_off(self):
        """The canvas draws no minor ticks (for the same code on both renderers)."""

    def locator_params(self, axis="both", nbins=None, integer=None):
        """At most about nbins ticks on an axis ("x", "y" or "both"); integer: whole numbers only."""
        for a in ("x", "y") if axis == "both" else (axis,):
            if nbins is not None:
                self.nbins[a] = int(in_range(nbins, "nbins", 1, 20, integer=True))
            if integer is not None:
                self.integer[a] = bool(integer)


class Canvas:
    """The explorers' figure: Panels in a grid, painted to PNG by Pillow (no matplotlib rendering)."""

    def __init__(self, figsize=(9, 3.5), dpi=80):
        self.dpi, self.size = dpi, (int(round(figsize[0] * dpi)), int(round(figsize[1] * dpi)))
        self.axes = []

    def __getattr__(self, name):
        _lacks(self, name, "subplots, add_subplot, axes, clear")

    def clear(self):
        self.axes = []

    def subplots(self, nrows=1, ncols=1):
        """nrows x ncols new Panels, as matplotlib's fig.subplots: one Panel, a tuple, or rows of tuples."""
        in_range(nrows, "nrows", 1, 10, integer=True)
        in_range(ncols, "ncols", 1, 10, integer=True)
        rows = [tuple(Panel((j / ncols, i / nrows, (j + 1) / ncols, (i + 1) / nrows)) for j in range(ncols))
                for i in range(nrows)]
        self.axes += [p for row in rows for p in row]
        if nrows == 1 or ncols == 1:
            panels = tuple(p for row in rows for p in row)
            return panels[0] if len(panels) == 1 else panels
        return rows

    def add_subplot(self):
        return self.subplots(1, 1)

    def image(self, scale=2):
        """The panels painted as a PIL image: at `scale` times the size, then reduced (smooth edges)."""
        img = Image.new("RGB", (self.size[0] * scale, self.size[1] * scale), "white")
        for panel in self.axes:
            panel_paint.paint(img, panel, self.dpi * scale / 72)
        return img.reduce(scale) if scale > 1 else img

    def png(self):
        return panel_paint.png_bytes(self.image())
