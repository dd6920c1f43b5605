"""Plotting helpers (plumbing, not lesson): decision regions and loss curves.

Colours are the Okabe-Ito palette, which readers with any common colour-vision
deficiency can tell apart; classes also differ by marker shape. Nothing here
changes matplotlib's global style; pyplot is imported only when no `ax` is given.
"""
import io

import numpy as np
from matplotlib.colors import to_rgb

CLASS_COLORS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
MARKERS = ["o", "s", "^", "D", "v", "P", "X", "*"]
_RGB = np.array([to_rgb(c) for c in CLASS_COLORS])


def _axes(ax):
    if ax is None:
        import matplotlib.pyplot as plt
        ax = plt.gca()
    return ax


def grid(X, resolution=150, margin=0.5, xlim=None, ylim=None):
    """A resolution x resolution grid over X's range (plus margin): xx, yy (r, r) and points (r*r, 2)."""
    X = np.asarray(X, dtype=float)
    x0, x1 = xlim if xlim is not None else (X[:, 0].min() - margin, X[:, 0].max() + margin)
    y0, y1 = ylim if ylim is not None else (X[:, 1].min() - margin, X[:, 1].max() + margin)
    xx, yy = np.meshgrid(np.linspace(x0, x1, resolution), np.linspace(y0, y1, resolution))
    return xx, yy, np.column_stack([xx.ravel(), yy.ravel()])


def region_image(labels, proba=None, strength=0.45):
    """RGB image (r, r, 3) of class regions: each pixel the class colour, faded towards white;
    with `proba` (r, r, k) the colours are mixed by probability, so uncertain areas look pale
    (computed in proba's float type: float32 keeps the playground's frames fast)."""
    k = int(labels.max()) + 1 if proba is None else proba.shape[-1]
    if proba is None:
        mix = _RGB[labels % len(_RGB)]
    else:
        mix = proba @ _RGB[np.arange(k) % len(_RGB)].astype(proba.dtype, copy=False)
        confidence = proba.max(axis=-1, keepdims=True)
        strength = strength * (confidence - 1.0 / k) / (1.0 - 1.0 / k)
    return 1.0 - strength * (1.0 - mix)


def plot_points(X, y, ax=None, size=28):
    """Scatter the samples, one colour and marker per class."""
    ax = _axes(ax)
    X, y = np.asarray(X), np.asarray(y).astype(int)
    for k in np.unique(y):
        m = y == k
        ax.scatter(X[m, 0], X[m, 1], s=size, c=CLASS_COLORS[k % 8], marker=MARKERS[k % 8],
                   edgecolors="k", linewidths=0.6, label=f"class {k}", zorder=3)
    return ax


def plot_decision_boundary(predict_fn, X, y, ax=None, proba_fn=None, resolution=150, margin=0.5,
                           title=None, xlim=None, ylim=None, points=True):
    """Draw the regions predict_fn assigns to each class, the boundary between them, and the points.

    predict_fn(points (m, 2)) -> labels (m,). proba_fn(points) -> (m, k) probabilities shades
    each region by confidence; (m,) or (m, 1) is read as p(class 1), as a one-unit sigmoid gives.
    Returns the axes.
    """
    ax = _axes(ax)
    xx, yy, pts = grid(X, resolution, margin, xlim, ylim)
    labels = np.asarray(predict_fn(pts)).astype(int).reshape(xx.shape)
    proba = None if proba_fn is None else np.asarray(proba_fn(pts), dtype=float).reshape(xx.shape + (-1,))
    if proba is not None and proba.shape[-1] == 1:
        proba = np.concatenate([1.0 - proba, proba], axis=-1)
    extent = (xx[0, 0], xx[0, -1], yy[0, 0], yy[-1, 0])
    ax.imshow(region_image(labels, proba), origin="lower", extent=extent, aspect="auto", interpolation="bilinear")
    present = np.unique(labels)  # one outline per class region (one line in all for two classes),
    for k in present[1:] if len(present) == 2 else present if len(present) > 2 else []:  # never doubled
        ax.contour(xx, yy, (labels == k).astype(float), levels=[0.5], colors="k", linewidths=1.0)
    if points:
        plot_points(X, y, ax)
    ax.set_xlim(extent[:2])
    ax.set_ylim(extent[2:])
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    if title:
        ax.set_title(title)
    return ax


def plot_loss(history, ax=None, logy=False, title=None, start=0):
    """Loss per epoch: `history` is a list of losses or a dict with "loss" (and "val_loss")."""
    ax = _axes(ax)
    curves = {"loss": history} if not isinstance(history, dict) else history
    labels = {"loss": "training loss", "val_loss": "validation loss"}
    for key, label in labels.items():
        if key in curves and len(curves[key]):
            values = np.asarray(curves[key], dtype=float)[start:]
            if logy:  # a diverging run's huge losses would overflow the log axis' tick maths
                values = np.clip(values, 1e-30, 1e30)
            ax.plot(np.arange(start, start + len(values)), values, label=label)
    ax.set_xlabel("epoch")
    ax.set_ylabel("loss")
    if logy:
        ax.set_yscale("log")
    if "val_loss" in curves and len(curves["val_loss"]):
        ax.legend()
    if title:
        ax.set_title(title)
    return ax


def figure_png(fig, dpi=None):
    """The figure rendered to PNG bytes (used by widgets to redraw without flicker)."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi)
    return buf.getvalue()
