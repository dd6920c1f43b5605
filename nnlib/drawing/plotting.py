"""Plotting helpers (plumbing, not lesson; lessons 1-12 use them): decision regions, loss curves,
and the small pieces every explorer's `draw` repeats.

    plot_decision_boundary(predict_fn, X, y, ax, proba_fn=..., score_fn=...)   regions, smooth boundary, points
    plot_points(X, y, ax)                      the samples, one colour and marker per class
    loss_curves(ax, curves, log=True, title)   {label: losses}; survives NaN/inf; integer epoch ticks
    blank_panel(ax, text)                      a panel that only says e.g. "diverged"
    few_ticks(*axes, n=4)                      at most n tick labels a side (a quicker redraw)

Colours are the Okabe-Ito palette, which readers with any common colour-vision deficiency can tell
apart; classes also differ by marker shape. Nothing here changes matplotlib's global style; pyplot is
imported only when no `ax` is given.
"""
import io

import numpy as np
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from PIL import Image

from ..validation import as_features, as_labels, boolean, function, in_range
from .canvas import Panel

CLASS_COLORS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
MARKERS = ["o", "s", "^", "D", "v", "P", "X", "*"]
CLASS_RGB = np.array([to_rgb(c) for c in CLASS_COLORS])  # (8, 3) floats in [0, 1]
LOSS_CEILING = 1e12  # loss_curves draws larger (or NaN/inf) losses at this height
LOSS_FLOOR = 1e-30  # ... and losses <= 0 at this height on a log axis
DIVERGED_COLOR = "#D55E00"


def _axes(ax):
    if ax is None:
        import matplotlib.pyplot as plt
        ax = plt.gca()
    if not isinstance(ax, (Axes, Panel)):
        raise TypeError(f"ax must be a matplotlib Axes or a canvas Panel (e.g. fig.subplots()) or None, got {ax!r:.60}")
    return ax


def _limits(values, lim, margin, name):
    """(low, high) of an axis: `lim` when given, else the values' range plus margin (never empty)."""
    if lim is not None:
        try:
            low, high = (float(v) for v in lim)
        except (TypeError, ValueError):
            raise TypeError(f"{name} must be a pair (low, high) of numbers, got {lim!r:.60}") from None
        if not (np.isfinite(low) and np.isfinite(high) and low < high):
            raise ValueError(f"{name} must be finite with low < high, got {lim!r:.60}")
        return low, high
    low, high = values.min() - margin, values.max() + margin
    if low == high:  # one point (or one column value) and no margin: a unit-wide window around it
        low, high = low - 0.5, high + 0.5
    with np.errstate(over="ignore"):
        if not np.isfinite(high - low):
            raise ValueError(f"X's coordinates span more than 1.8e308 on {name[0]}: too wide to draw a grid")
    return low, high


def grid(X, resolution=150, margin=0.5, xlim=None, ylim=None):
    """A resolution x resolution grid over X's range (plus margin): xx, yy (r, r) and points (r*r, 2).
    Lessons 1-12 (through plot_decision_boundary)."""
    X = as_features(X, n_features=2)
    in_range(resolution, "resolution", 2, 1000, integer=True)
    margin = in_range(margin, "margin", 0, 1e300)
    x0, x1 = _limits(X[:, 0], xlim, margin, "xlim")
    y0, y1 = _limits(X[:, 1], ylim, margin, "ylim")
    xx, yy = np.meshgrid(np.linspace(x0, x1, resolution), np.linspace(y0, y1, resolution))
    return xx, yy, np.column_stack([xx.ravel(), yy.ravel()])


def region_image(labels, proba=None, strength=0.45):
    """RGB image (r, r, 3) of class regions: each pixel the class colour, faded towards white;
    with `proba` (r, r, k) the colours are mixed by probability, so uncertain areas look pale
    (computed in proba's float type: float32 keeps the playground's frames fast). Lessons 1-11."""
    labels = np.asarray(labels)
    if labels.dtype.kind not in "iub" or labels.size == 0:
        raise TypeError(f"labels must be a non-empty array of integer class labels, got dtype {labels.dtype}")
    strength = in_range(strength, "strength", 0, 1)
    if proba is not None and np.shape(proba)[:-1] != labels.shape:
        raise ValueError(f"proba must have shape {labels.shape + ('k',)} to match labels, got {np.shape(proba)}")
    k = int(labels.max()) + 1 if proba is None else proba.shape[-1]
    if proba is None:
        mix = CLASS_RGB[labels % len(CLASS_RGB)]
    else:
        mix = proba @ CLASS_RGB[np.arange(k) % len(CLASS_RGB)].astype(proba.dtype, copy=False)
        confidence = proba.max(axis=-1, keepdims=True)
        strength = strength * (confidence - 1.0 / k) / (1.0 - 1.0 / k) if k > 1 else strength
    return 1.0 - strength * (1.0 - mix)


def plot_points(X, y, ax=None, size=28):
    """Scatter the samples X (n, 2), one colour and marker per class label y (n,). Lessons 1-11."""
    ax = _axes(ax)
    X = as_features(X, n_features=2)
    y = as_labels(y, X.shape[0])
    size = in_range(size, "size", 0, 1e4, low_open=True)
    for k in np.unique(y):
        m = y == k
        ax.scatter(X[m, 0], X[m, 1], s=size, c=CLASS_COLORS[k % 8], marker=MARKERS[k % 8],
                   edgecolors="k", linewidths=0.6, label=f"class {k}", zorder=3)
    return ax


def _call(fn, name, pts, shape, columns=None):
    """fn(pts) as a finite float array with one row per grid point, reshaped to shape + (-1,)."""
    raw = fn(pts)  # an error inside fn is fn's own: it propagates as it is
    try:
        out = np.asarray(raw, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must return numbers for the grid points, got {raw!r:.60}") from None
    m = pts.shape[0]
    if out.shape[:1] != (m,) or out.ndim > 2 or (columns is not None and out.size != m * columns):
        wanted = f"({m},) or ({m}, k)" if columns is None else f"({m},)"
        raise ValueError(f"{name} must return an array of shape {wanted} for {m} grid points, got shape {out.shape}")
    if not np.all(np.isfinite(out)):
        raise ValueError(f"{name} returned NaN or inf (a diverged model?): nothing to draw")
    return out.reshape(shape + (-1,))


def _probabilities(proba_fn, pts, shape):
    """proba_fn(pts) as (r, r, k) probabilities; one column p is read as p(class 1): [1 - p, p]."""
    proba = _call(proba_fn, "proba_fn", pts, shape)
    if not (proba.min() >= -1e-6 and proba.max() <= 1 + 1e-6):  # (rounding may overshoot a little)
        raise ValueError(f"proba_fn must return probabilities in [0, 1], got values from {proba.min():.3g} to "
                         f"{proba.max():.3g} (scores? pass them as score_fn)")
    proba = np.clip(proba, 0.0, 1.0)
    return np.concatenate([1.0 - proba, proba], axis=-1) if proba.shape[-1] == 1 else proba


def _boundary_fields(labels, proba, score):
    """Fields whose 0 level is the boundary, interpolated between grid points: one for two classes,
    one per class region otherwise. From probabilities: the log-odds of each class against the best
    other (0 where p = 0.5 for two classes; linear in a softmax's logits, so the interpolation is
    exact for a linear boundary)."""
    if score is not None:
        return [score[..., 0]]
    if proba is None:  # labels only: the region indicator, a staircase at the grid's resolution
        present = np.unique(labels)
        inside = (labels[..., None] == present) - 0.5  # +0.5 in class k's region, -0.5 outside
        return [] if len(present) < 2 else [inside[..., 1]] if len(present) == 2 else list(np.moveaxis(inside, -1, 0))
    logp = np.log(np.clip(proba, 1e-300, None))
    if logp.shape[-1] == 2:
        return [logp[..., 1] - logp[..., 0]]
    return [logp[..., k] - np.delete(logp, k, axis=-1).max(axis=-1) for k in range(logp.shape[-1])]


def _draw_boundary(ax, xx, yy, fields):
    for field in fields:
        if field.min() < 0 < field.max():  # a field that never crosses 0 has no boundary (and would warn)
            ax.contour(xx, yy, field, levels=[0.0], colors="k", linewidths=1.0)


def plot_decision_boundary(predict_fn, X, y, *, ax=None, proba_fn=None, resolution=150, margin=0.5,
                           title=None, xlim=None, ylim=None, points=True, score_fn=None):
    """Draw the regions predict_fn assigns to each class, the boundary between them, and the points.

    predict_fn(points (m, 2)) -> labels (m,). proba_fn(points) -> (m, k) probabilities shades
    each region by confidence; (m,) or (m, 1) is read as p(class 1), as a one-unit sigmoid gives.
    The boundary is the 0.5 level of the probabilities (with proba_fn), or the 0 level of
    score_fn(points) -> (m,) (e.g. a perceptron's decision_function, lesson 1), interpolated
    between grid points, so it is smooth at any resolution; with predict_fn alone it follows the
    grid. Returns the axes.
    """
    ax = _axes(ax)
    function(predict_fn, "predict_fn")
    for fn, name in ((proba_fn, "proba_fn"), (score_fn, "score_fn")):
        if fn is not None:
            function(fn, name)
    points = boolean(points, "points")
    xx, yy, pts = grid(X, resolution, margin, xlim, ylim)
    labels = as_labels(_call(predict_fn, "predict_fn", pts, xx.shape, 1).ravel(), pts.shape[0],
                       name="predict_fn's output").reshape(xx.shape)
    proba = None if proba_fn is None else _probabilities(proba_fn, pts, xx.shape)
    score = None if score_fn is None else _call(score_fn, "score_fn", pts, xx.shape, 1)
    extent = (xx[0, 0], xx[0, -1], yy[0, 0], yy[-1, 0])
    ax.imshow(region_image(labels, proba), origin="lower", extent=extent, aspect="auto", interpolation="bilinear")
    _draw_boundary(ax, xx, yy, _boundary_fields(labels, proba, score))
    if points:
        plot_points(X, y, ax)
    ax.set(xlim=extent[:2], ylim=extent[2:], xlabel="x₁", ylabel="x₂")
    if title:
        ax.set_title(title)
    return ax


def _curve(values, label, log):
    """A loss sequence as floats, NaN/inf and huge values drawn at LOSS_CEILING (flag: any clipped)."""
    try:
        v = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"curves[{label!r}] must be a sequence of numbers, got {values!r:.60}") from None
    if v.ndim != 1:
        hint = ' (for a fit\'s history pass {"training": history.loss})' if v.ndim == 0 else ""
        raise ValueError(f"curves[{label!r}] must be 1-D (one loss per epoch), got shape {v.shape}{hint}")
    clipped = bool(np.any(~(v <= LOSS_CEILING)))
    v = np.where(np.isnan(v), LOSS_CEILING, np.clip(v, LOSS_FLOOR if log else -LOSS_CEILING, LOSS_CEILING))
    return v, clipped


def loss_curves(ax, curves, log=True, title=None, first_epoch=1):
    """Draw loss curves on ax: curves = {label: sequence of losses} (or one sequence), epoch
    `first_epoch` first. A diverged run's NaN, inf or huge losses are drawn at LOSS_CEILING (the
    y label says so); integer epoch ticks, few tick labels. A legend when there are several curves.
    Lessons 3-12's explorers. Returns the axes."""
    ax = _axes(ax)
    curves = dict(curves) if isinstance(curves, dict) else {"loss": curves}
    boolean(log, "log")
    in_range(first_epoch, "first_epoch", 0, None, integer=True)
    any_clipped = False
    for label, values in curves.items():
        v, clipped = _curve(values, label, log)
        any_clipped |= clipped
        if v.size:
            epochs = np.arange(first_epoch, first_epoch + v.size)
            ax.plot(epochs, v, label=str(label), marker="." if v.size == 1 else None)
    if log:
        ax.set_yscale("log")
    ax.set(xlabel="epoch", ylabel=f"loss (clipped at {LOSS_CEILING:.0e})" if any_clipped else "loss")
    ax.locator_params(axis="x", nbins=4, integer=True)
    ax.minorticks_off()
    if len(curves) > 1:
        ax.legend()
    if title:
        ax.set_title(title)
    return ax


def plot_loss(history, ax=None, logy=False, title=None, start=0):
    """Loss per epoch: `history` is a list of losses or a dict with "loss" (and "val_loss"), epoch 0
    first, from epoch `start` on. Lessons 3-6."""
    ax = _axes(ax)
    in_range(start, "start", 0, None, integer=True)
    history = history if isinstance(history, dict) else {"loss": history}
    names = {"loss": "training loss", "val_loss": "validation loss"}
    curves = {names[k]: list(history[k])[start:] for k in names if k in history and len(history[k])}
    return loss_curves(ax, curves, log=boolean(logy, "logy"), title=title, first_epoch=start)


def blank_panel(ax, text="diverged", color=DIVERGED_COLOR):
    """An empty panel that only says `text` in its middle (e.g. where a diverged run has no picture).
    Lessons 3-12's explorers."""
    ax = _axes(ax)
    ax.text(0.5, 0.5, str(text), ha="center", va="center", fontsize=16, color=color, transform=ax.transAxes)
    ax.set_axis_off()
    return ax


def few_ticks(*axes, n=4):
    """At most about n tick labels on each linear axis and no minor ticks: a quicker redraw.
    Lessons 1-12's explorers."""
    in_range(n, "n", 1, 20, integer=True)
    for ax in axes:
        ax = _axes(ax)
        for axis, scale in (("x", ax.get_xscale()), ("y", ax.get_yscale())):
            if scale == "linear":
                ax.locator_params(axis=axis, nbins=n)
        ax.minorticks_off()
    return axes


def figure_png(fig, dpi=None):
    """The figure rendered to PNG bytes (used by widgets to redraw without flicker; every lesson).

    On an Agg canvas (the explorers' and the notebook's) the figure is drawn once and its pixels
    encoded directly: the same picture as fig.savefig(format="png"), without savefig's second,
    layout-only pass over every artist (a quarter of a redraw's time)."""
    if not isinstance(fig, Figure):
        raise TypeError(f"fig must be a matplotlib Figure, got {fig!r:.60}")
    if dpi is not None:
        dpi = in_range(dpi, "dpi", 10, 1000)
    buf = io.BytesIO()
    if not isinstance(fig.canvas, FigureCanvasAgg):
        fig.savefig(buf, format="png", dpi=dpi)
        return buf.getvalue()
    old_dpi = fig.dpi
    try:
        if dpi is not None:
            fig.dpi = dpi
        fig.canvas.draw()
        rgba = fig.canvas.buffer_rgba()
        # zlib level 3, not PIL's 6: a third less encoding time for a picture a fifth larger.
        Image.frombuffer("RGBA", (rgba.shape[1], rgba.shape[0]), rgba, "raw", "RGBA", 0, 1).save(
            buf, format="png", compress_level=3)
    finally:
        fig.dpi = old_dpi
    return buf.getvalue()

