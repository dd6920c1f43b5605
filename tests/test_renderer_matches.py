"""The Pillow canvas (nnlib.drawing.canvas, the explorers' renderer) draws what matplotlib draws.

One explorer picture (nnlib.drawing.run_view.show_run: decision regions with the points, and the loss
curve) is drawn on a Canvas and on a matplotlib Figure (Agg, laid out as Explorer(renderer="matplotlib")
does) of the same size, and compared:

* the axes' extents (data limits) of both panels, and their tick positions and labels;
* on the rendered images: each regions panel's frame is found in the pixels, data points are mapped
  into it, and the colours there agree within a few levels: the regions (a grid of places away from
  the points and the boundary) and the points themselves (each marker's centre).

On a log axis spanning less than two powers of ten matplotlib (minor ticks off, as the lessons set it)
labels no tick, where the canvas labels 1, 2 and 5 times them (raster.log_ticks): there the canvas's
ticks must include matplotlib's; over more decades they must be the same (where we write 0.1 and 1,
matplotlib writes 10⁻¹ and 10⁰: the same values). benchmarks/renderer.py measures why the canvas is
kept: its redraw takes about 0.7-0.8 of the CPU time of matplotlib's fastest correct one (blitting the
regions, redrawing the loss panel) and about a quarter of the Explorer's matplotlib path.
"""
import io

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

from nnlib import MLP
from nnlib.data import moons
from nnlib.drawing import panel_paint
from nnlib.drawing.canvas import Canvas
from nnlib.drawing.layout import LayoutCache
from nnlib.drawing.plotting import figure_png
from nnlib.drawing.run_view import show_run

FIGSIZE, DPI = (9, 3.5), 80
COLOUR_TOL = 12  # of 255, per channel: anti-aliasing and PNG levels, not a different colour


@pytest.fixture(scope="module")
def run():
    X, y = moons(n=200, noise=0.2, seed=0)
    net = MLP([2, 4, 2], seed=0)
    return X, y, net, net.fit(X, y, epochs=300, lr=0.5).loss


def draw_both(X, y, net, losses):
    canvas = Canvas(FIGSIZE, DPI)
    show_run(canvas, {"training loss": losses}, model=net, X=X, y=y)
    fig = Figure(figsize=FIGSIZE, dpi=DPI)
    FigureCanvasAgg(fig)
    show_run(fig, {"training loss": losses}, model=net, X=X, y=y)
    LayoutCache().apply(fig)
    images = [np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=int)
              for png in (canvas.png(), figure_png(fig))]
    return canvas.axes, fig.axes, images


def canvas_ticks(panel, axis):
    values, labels = panel_paint.axis_ticks(panel, axis, panel_paint.limits(panel, axis))
    return [float(v) for v in values], labels


def mpl_ticks(ax, axis):
    lo, hi = sorted(getattr(ax, f"get_{axis}lim")())
    span = hi - lo
    ticks = getattr(ax, f"get_{axis}axis")().get_major_ticks()
    shown = [(float(t.get_loc()), t.label1.get_text()) for t in ticks
             if lo - 1e-9 * span <= t.get_loc() <= hi + 1e-9 * span and t.label1.get_text()]
    return [v for v, _ in shown], [s for _, s in shown]


def test_same_extents_and_ticks(run):
    panels, axes, _ = draw_both(*run)
    assert len(panels) == len(axes) == 2
    for panel, ax in zip(panels, axes):
        for axis in "xy":
            np.testing.assert_allclose(panel_paint.limits(panel, axis), getattr(ax, f"get_{axis}lim")(), rtol=1e-6,
                                       err_msg=f"{panel.settings.get('xlabel')} panel, {axis} limits")
            ours, theirs = canvas_ticks(panel, axis), mpl_ticks(ax, axis)
            if panel.settings[f"{axis}scale"] == "log":
                assert set(theirs[0]) <= set(ours[0]), (axis, ours, theirs)
            else:
                assert ours == theirs, f"{panel.settings.get('xlabel')} panel, {axis} ticks"


def label_value(text):
    """The number a tick label names: "0.1", "−2", "10⁻²" (ours) or "$\\mathdefault{10^{-2}}$" (matplotlib's)."""
    text = text.replace("−", "-").replace("$", "").replace("\\mathdefault", "").replace("{", "").replace("}", "")
    if text.startswith("10^"):
        return 10.0 ** int(text[3:])
    if text.startswith("10") and len(text) > 2:
        return 10.0 ** int(text[2:].translate(str.maketrans("⁻⁰¹²³⁴⁵⁶⁷⁸⁹", "-0123456789")))
    return float(text)


def test_log_axis_over_decades_has_the_same_ticks(run):
    X, y, net, _ = run
    losses = np.geomspace(3.0, 0.002, 300)  # more than three powers of ten
    panels, axes, _ = draw_both(X, y, net, losses)
    loss_panel = next(p for p in panels if p.settings["yscale"] == "log")
    loss_ax = next(a for a in axes if a.get_yscale() == "log")
    (ours, our_labels), (theirs, their_labels) = canvas_ticks(loss_panel, "y"), mpl_ticks(loss_ax, "y")
    assert ours == theirs
    # the same values named; the style differs where we write 0.1 and 1 and matplotlib 10⁻¹ and 10⁰
    assert [label_value(s) for s in our_labels] == pytest.approx([label_value(s) for s in their_labels])


def frame(image):
    """(left, top, right, bottom) pixels of the regions panel's plot box: the regions image fills it,
    so it is the first run of columns that are mostly coloured (not grey), and those columns' rows."""
    h, w, _ = image.shape
    coloured = image.max(axis=2) - image.min(axis=2) > 25
    cols = np.nonzero(coloured.sum(axis=0) > 0.5 * h)[0]
    assert cols.size >= 2, "no regions image found"
    cols = cols[: np.argmax(np.diff(cols) > 1) + 1] if np.any(np.diff(cols) > 1) else cols
    rows = np.nonzero(coloured[:, cols].sum(axis=1) > 0.5 * cols.size)[0]
    return cols[0], rows[0], cols[-1] + 1, rows[-1] + 1


def to_pixels(box, xlim, ylim, x, y):
    left, top, right, bottom = box
    px = left + (np.asarray(x) - xlim[0]) / (xlim[1] - xlim[0]) * (right - left)
    py = bottom - (np.asarray(y) - ylim[0]) / (ylim[1] - ylim[0]) * (bottom - top)
    return np.round(px).astype(int), np.round(py).astype(int)


def colours_at(image, box, ax, x, y):
    px, py = to_pixels(box, ax.get_xlim(), ax.get_ylim(), x, y)
    return image[py, px]


def differ(ours, theirs, boxes, ax, x, y):
    """Which places' colour in our image is more than COLOUR_TOL from every colour of theirs within one
    pixel (the two frames may be placed a pixel apart)."""
    a = colours_at(ours, boxes[0], ax, x, y)
    px, py = to_pixels(boxes[1], ax.get_xlim(), ax.get_ylim(), x, y)
    near = np.stack([theirs[py + dy, px + dx] for dy in (-1, 0, 1) for dx in (-1, 0, 1)], axis=1)
    return np.min(np.max(np.abs(near - a[:, None]), axis=2), axis=1) > COLOUR_TOL


def test_same_colours_of_regions_and_points(run):
    X, y, net, _ = run
    _, axes, (ours, theirs) = draw_both(*run)
    ax = next(a for a in axes if a.images)  # the regions panel (the same limits in both: test above)
    boxes = frame(ours), frame(theirs)
    # regions: a grid of places at least 0.15 from every point and where the class is sure (no boundary)
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    gx, gy = np.meshgrid(np.linspace(x0, x1, 24)[1:-1], np.linspace(y0, y1, 24)[1:-1])
    places = np.column_stack([gx.ravel(), gy.ravel()])
    far = np.min(np.linalg.norm(places[:, None] - X[None], axis=2), axis=1) > 0.15
    sure = np.max(net.predict_proba(places), axis=1) > 0.7
    places = places[far & sure]
    assert len(places) >= 100
    bad = differ(ours, theirs, boxes, ax, places[:, 0], places[:, 1])
    assert bad.mean() <= 0.02, f"{bad.sum()} of {len(places)} region colours differ, at {places[bad][:5]}"
    # points: each marker's centre, for points with no other point within 0.08 (no overlap)
    alone = np.sort(np.linalg.norm(X[:, None] - X[None], axis=2), axis=1)[:, 1] > 0.08
    bad = differ(ours, theirs, boxes, ax, X[alone, 0], X[alone, 1])
    assert alone.sum() >= 50 and bad.mean() <= 0.02, f"{bad.sum()} of {alone.sum()} point colours differ"
