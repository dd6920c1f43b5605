"""The explorers' redraw: nnlib's Pillow canvas against matplotlib made as fast as it can be.

One explorer picture as the lessons draw it (nnlib.drawing.run_view.show_run, Explorer's default size
9 x 3.5 inches at 80 dpi: 720 x 280 pixels): the decision regions of a trained net (100 x 100 grid)
with the 200 moons points, and its loss curve (300 epochs, log scale). The nets (hidden 2..6 units,
trained once, before timing) take turns, as a slider moving would. Timed per redraw, from the empty
figure (or the reused one) to the PNG bytes:

  canvas            Canvas: clear, show_run, png()                      (Explorer's default)
  mpl explorer      matplotlib Figure + Agg: clear, show_run, the reused layout, figure_png
                                                                         (Explorer(renderer="matplotlib"))
  mpl set_data      the figure built once; per redraw only the regions image (im.set_data) and the
                    loss line (line.set_data, relim, autoscale) change; full Agg draw; PNG level 1
  mpl blit          as set_data, but the axes (limits, ticks, labels) are drawn once and restored:
                    only the image, points and line are drawn. A LOWER BOUND: with limits fixed, the
                    loss panel's ticks do not follow a new curve, which a real redraw needs
  mpl blit+axes     the fastest correct matplotlib redraw found: the regions panel blitted (its limits
                    are X's, fixed), the whole loss panel drawn anew (limits and ticks follow the curve)
  maths             what every variant computes anyway (grid, predict, predict_proba, region colours)

Medians and ranges over --redraws redraws each (after 3 warm-up ones), the variants taking turns;
wall clock, this process's CPU time, and the median per-round ratio to the canvas's wall time.

    .venv/bin/python benchmarks/renderer.py [--redraws 30]

Run it on a quiet machine: other work on the cores shows up here (the medians move less than the ranges).
"""
import argparse
import statistics
import time

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.contour import ContourSet
from matplotlib.figure import Figure
from PIL import Image

from nnlib import MLP
from nnlib.data import moons
from nnlib.drawing.canvas import Canvas
from nnlib.drawing.layout import LayoutCache
from nnlib.drawing.plotting import _boundary_fields, _draw_boundary, figure_png, grid, region_image
from nnlib.drawing.raster import encode
from nnlib.drawing.run_view import show_run

FIGSIZE, DPI, RESOLUTION, MARGIN = (9, 3.5), 80, 100, 0.5


def runs():
    """(net, losses) for hidden = 2..6: the pictures a hidden-units slider steps through."""
    X, y = moons(n=200, noise=0.2, seed=0)
    out = []
    for hidden in range(2, 7):
        net = MLP([2, hidden, 2], seed=0)
        out.append((net, net.fit(X, y, epochs=300, lr=0.5).loss))
    return X, y, out


def regions(net, X):
    """What show_run's plot_decision_boundary computes: the region colours (same grid, same colours)
    and the grid with the boundary's fields (the 0 level of each is the boundary)."""
    xx, yy, pts = grid(X, RESOLUTION, MARGIN)
    labels = net.predict(pts).reshape(xx.shape)
    proba = net.predict_proba(pts).reshape(*xx.shape, -1)
    return region_image(labels, proba), (xx, yy, _boundary_fields(labels, proba, None))


def draw_canvas(fig, run, X, y):
    fig.clear()
    show_run(fig, {"training loss": run[1]}, model=run[0], X=X, y=y)
    return fig.png()


def mpl_explorer():
    fig = Figure(figsize=FIGSIZE, dpi=DPI)
    FigureCanvasAgg(fig)
    layout = LayoutCache()

    def draw(run, X, y):
        fig.clear()
        show_run(fig, {"training loss": run[1]}, model=run[0], X=X, y=y)
        layout.apply(fig)
        return figure_png(fig)
    return draw


def boundary(ax):
    return [c for c in ax.collections if isinstance(c, ContourSet)]


def png_of(fig, level=1):
    rgba = fig.canvas.buffer_rgba()
    return encode(Image.frombuffer("RGBA", (rgba.shape[1], rgba.shape[0]), rgba, "raw", "RGBA", 0, 1), "png",
                  compress_level=level)


def mpl_reused(first, X, y, blit, loss_axes=False):
    """A figure drawn once by show_run; returns a redraw that only changes the image and the line.
    blit: the rest is restored from a copy, not drawn; loss_axes: the whole loss panel is drawn anew
    (limits, ticks and labels follow the curve), only the regions panel's frame is restored."""
    fig = Figure(figsize=FIGSIZE, dpi=DPI)
    FigureCanvasAgg(fig)
    show_run(fig, {"training loss": first[1]}, model=first[0], X=X, y=y)
    LayoutCache().apply(fig)
    ax_regions, ax_loss = fig.axes
    image, line = ax_regions.images[0], ax_loss.lines[0]
    points = [c for c in ax_regions.collections if not isinstance(c, ContourSet)]
    moving = [image] + ([ax_loss] if loss_axes else [line])
    if blit:
        for artist in moving + points + boundary(ax_regions):
            artist.set_animated(True)
        fig.canvas.draw()
        background = fig.canvas.copy_from_bbox(fig.bbox)

    def draw(run, X, y):
        rgb, (xx, yy, fields) = regions(run[0], X)
        image.set_data(rgb)
        for old in boundary(ax_regions):  # the boundary is drawn anew, as show_run does
            old.remove()
        _draw_boundary(ax_regions, xx, yy, fields)
        for new in boundary(ax_regions) if blit else ():
            new.set_animated(True)
        losses = np.asarray(run[1])
        line.set_data(np.arange(1, len(losses) + 1), losses)
        if not blit or loss_axes:
            ax_loss.relim()
            ax_loss.autoscale_view()
        if blit:
            fig.canvas.restore_region(background)
            for artist in [image, *boundary(ax_regions), *points, *moving[1:]]:
                fig.draw_artist(artist)
        else:
            fig.canvas.draw()
        return png_of(fig)
    return draw


def timed(variants, cases, redraws):
    """{name: (wall ms, CPU ms, PNG bytes)} per redraw. The variants take turns within each round, so a
    load that comes and goes on a shared machine falls on all of them alike."""
    for fn in variants.values():
        for case in cases[:3]:
            fn(case)
    out = {name: ([], [], 0) for name in variants}
    for i in range(redraws):
        for name, fn in variants.items():
            w0, c0 = time.perf_counter(), time.process_time()
            png = fn(cases[i % len(cases)])
            wall, cpu, _ = out[name]
            wall.append((time.perf_counter() - w0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
            out[name] = (wall, cpu, len(png) if isinstance(png, bytes) else 0)
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--redraws", type=int, default=30)
    args = parser.parse_args()
    X, y, cases = runs()
    canvas = Canvas(FIGSIZE, DPI)
    explorer = mpl_explorer()
    set_data, blit = mpl_reused(cases[0], X, y, blit=False), mpl_reused(cases[0], X, y, blit=True)
    blit_loss = mpl_reused(cases[0], X, y, blit=True, loss_axes=True)
    variants = {"canvas": lambda r: draw_canvas(canvas, r, X, y), "mpl explorer": lambda r: explorer(r, X, y),
                "mpl set_data": lambda r: set_data(r, X, y), "mpl blit": lambda r: blit(r, X, y),
                "mpl blit+axes": lambda r: blit_loss(r, X, y),
                "maths": lambda r: regions(r[0], X)[0]}
    print(f"one explorer picture, {FIGSIZE[0] * DPI:g} x {FIGSIZE[1] * DPI:g} px, {args.redraws} redraws each "
          f"(wall clock; CPU time of this process; the median of the per-round ratio to canvas):")
    results = timed(variants, cases, args.redraws)
    base = results["canvas"][0]
    for name, (wall, cpu, size) in results.items():
        ratio = statistics.median(w / b for w, b in zip(wall, base))
        png = f", PNG {size / 1000:.0f} kB" if size else ""
        print(f"  {name:13} wall median {statistics.median(wall):6.1f} ms (range {min(wall):5.1f}-{max(wall):6.1f}), "
              f"CPU median {statistics.median(cpu):6.1f} ms, x{ratio:.2f} canvas{png}")

if __name__ == "__main__":
    main()
