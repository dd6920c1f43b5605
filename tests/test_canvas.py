"""The explorers' canvas (nnlib.drawing.canvas, painted by nnlib.drawing.panel_paint / panel_items): where things land
is checked against the frame found in the picture itself, not against the painter's own arithmetic."""
import io

import numpy as np
import pytest
from PIL import Image

from nnlib import MLP
from nnlib.drawing import plotting, widgets
from nnlib.drawing.canvas import Canvas
from nnlib.drawing.raster import log_ticks, tick_label, ticks


def _pixels(fig):
    return np.asarray(Image.open(io.BytesIO(fig.png())).convert("RGB")).astype(int)


def _frame(rgb):
    """(left, top, right, bottom) of the panel's black frame: the columns and rows dark along most of it."""
    dark = rgb.sum(axis=-1) < 150
    h, w = dark.shape
    cols = np.flatnonzero(dark[h // 3:2 * h // 3].mean(axis=0) > 0.95)
    rows = np.flatnonzero(dark[:, w // 3:2 * w // 3].mean(axis=1) > 0.95)
    return cols.min(), rows.min(), cols.max(), rows.max()


def _one_panel(**settings):
    fig = Canvas(figsize=(4, 4), dpi=60)
    ax = fig.add_subplot()
    ax.set(xlim=(0, 1), ylim=(0, 1), **settings)
    return fig, ax


def test_contour_lies_on_the_zero_level_between_grid_points():
    fig, ax = _one_panel()
    xx, yy = np.meshgrid(np.linspace(0, 1, 8), np.linspace(0, 1, 8))  # 0.3 falls between grid points
    ax.contour(xx, yy, xx - 0.3, levels=[0.0], colors="#D55E00", linewidths=1.5)
    rgb = _pixels(fig)
    left, top, right, bottom = _frame(rgb)
    band = rgb[top + 5:bottom - 5, left + 3:right - 2]
    redness = band[..., 0] - band[..., 2]
    col = left + 3 + np.argmax(redness.mean(axis=0))
    assert abs(col - (left + 0.3 * (right - left))) <= 1.5
    assert np.all(redness.max(axis=1) > 100)  # one unbroken line from bottom to top


def test_contour_of_a_circle_is_round_at_a_coarse_grid():
    fig, ax = _one_panel()
    xx, yy = np.meshgrid(np.linspace(0, 1, 15), np.linspace(0, 1, 15))
    ax.contour(xx, yy, np.hypot(xx - 0.5, yy - 0.5) - 0.3, levels=[0.0], colors="k")
    rgb = _pixels(fig)
    left, top, right, bottom = _frame(rgb)
    inner = rgb[top + 4:bottom - 3, left + 4:right - 3].sum(axis=-1)
    r, c = np.nonzero(inner < 300)
    x = (left + 4 + c - left) / (right - left)
    y = (bottom - (top + 4 + r)) / (bottom - top)
    radius = np.hypot(x - 0.5, y - 0.5)
    assert radius.size > 100 and np.all(np.abs(radius - 0.3) < 0.02)  # within about 4 pixels of 200


@pytest.mark.parametrize("origin", ["lower", "upper"])
def test_imshow_puts_row_zero_where_matplotlib_does(origin):
    fig, ax = _one_panel()
    red, blue = [255, 0, 0], [0, 0, 255]
    ax.imshow(np.array([[red, red], [blue, blue]], dtype=np.uint8), origin=origin, extent=(0, 1, 0, 1), aspect="auto")
    rgb = _pixels(fig)
    left, top, right, bottom = _frame(rgb)
    upper, lower = rgb[top + 5, (left + right) // 2], rgb[bottom - 5, (left + right) // 2]
    assert (list(upper), list(lower)) == ((blue, red) if origin == "lower" else (red, blue))


def test_log_axis_puts_each_power_of_ten_equally_apart():
    fig = Canvas(figsize=(4, 4), dpi=60)
    ax = fig.add_subplot()
    ax.set(xlim=(0, 1), ylim=(1e-3, 1e-1), yscale="log")
    ax.plot([0, 1], [1e-2, 1e-2], color="#0000ff", lw=2)
    rgb = _pixels(fig)
    left, top, right, bottom = _frame(rgb)
    blue = rgb[top + 2:bottom - 1, (left + right) // 2]
    row = top + 2 + np.argmax(blue[:, 2] - blue[:, 0])
    assert abs(row - (top + bottom) / 2) <= 1.5


def test_scatter_marker_sits_on_its_point():
    fig, ax = _one_panel()
    ax.scatter([0.25], [0.75], s=80, c="#009E73")
    rgb = _pixels(fig)
    left, top, right, bottom = _frame(rgb)
    r, c = np.nonzero((rgb[..., 1] > 120) & (rgb[..., 0] < 60))
    assert abs(c.mean() - (left + 0.25 * (right - left))) <= 1 and abs(r.mean() - (bottom - 0.75 * (bottom - top))) <= 1


def test_round_ticks_and_their_labels():
    assert np.allclose(ticks(0, 1, 5), [0.0, 0.2, 0.4, 0.6, 0.8, 1.0])
    assert ticks(0.5, 6.5, 4, integer=True) == [2.0, 4.0, 6.0]
    assert ticks(1, 3, 10, integer=True) == [1.0, 2.0, 3.0]  # never a half
    assert log_ticks(1e-4, 2.0) == [1e-4, 1e-3, 1e-2, 1e-1, 1.0]
    assert log_ticks(0.04, 0.3) == [0.05, 0.1, 0.2]
    assert np.allclose(log_ticks(0.105, 0.45), [0.2, 0.3, 0.4])  # no power of ten inside: 1 to 9 times 0.1
    assert [tick_label(v, log=True) for v in (1e-3, 0.1, 1.0, 100.0, 1e4)] == ["10⁻³", "0.1", "1", "100", "10⁴"]
    assert tick_label(-0.5) == "−0.5"


def test_the_lessons_plotting_helpers_draw_on_a_canvas_without_warnings():
    X = np.array([[0.0, 0.0], [1.0, 1.0], [0.0, 1.0], [1.0, 0.0]])
    y = np.array([0, 0, 1, 1])
    net = MLP([2, 4, 2], seed=0)
    history = net.fit(X, y, epochs=50, lr=1.0)
    fig = Canvas()
    ax1, ax2 = fig.subplots(1, 2)
    plotting.plot_decision_boundary(net.predict, X, y, ax=ax1, proba_fn=net.predict_proba, title="map")
    plotting.loss_curves(ax2, {"training": history.loss, "diverged": [1.0, np.nan, np.inf]}, title="loss")
    plotting.few_ticks(ax1, ax2)
    assert ax1.settings["xlabel"] == "x₁" and ax2.get_yscale() == "log" and ax2.show_legend
    png = fig.png()
    assert Image.open(io.BytesIO(png)).size == (720, 280)
    fig.clear()
    plotting.blank_panel(fig.add_subplot(), "diverged")
    assert fig.axes[0].axis_on is False and len(fig.png()) > 0


def test_the_canvas_names_what_it_cannot_draw():
    ax = Canvas().add_subplot()
    with pytest.raises(TypeError, match="the canvas has no setting 'facecolor'"):
        ax.set(facecolor="k")
    with pytest.raises(ValueError, match=r"ylabel '\$x_1\$' uses \$mathtext\$.*renderer=\"matplotlib\""):
        ax.set_ylabel("$x_1$")
    with pytest.raises(ValueError, match="levels must hold one level on the canvas, got"):
        ax.contour(np.zeros((2, 2)), np.zeros((2, 2)), np.zeros((2, 2)), levels=[0, 1])
    with pytest.raises(ValueError, match="yscale must be 'linear' or 'log' on the canvas, got 'symlog'"):
        ax.set(yscale="symlog")
    with pytest.raises(TypeError, match=r"y must be a number or an array of numbers, got \['a', 'b', 'c'\]"):
        ax.plot([1, 2, 3], ["a", "b", "c"])
    assert ax.plot([3.0, 2.0, 1.0], "o-").items[-1]["marker"] == "o"  # plot(y, fmt) as in matplotlib
    with pytest.raises(ValueError, match="x and y must have the same length, got 3 and 2"):
        ax.plot([1, 2, 3], [1, 2])
    with pytest.raises(ValueError, match=r"image must have shape \(h, w\), .* or \(h, w, 4\), got \(2, 2, 2\)"):
        ax.imshow(np.zeros((2, 2, 2)))
    with pytest.raises(ValueError, match=r"xlim must be two different finite numbers \(low, high\), got \(1, 1\)"):
        ax.set(xlim=(1, 1))
    with pytest.raises(TypeError, match="yticks must be a number or an array of numbers, got 'abc'"):
        ax.set(yticks="abc")
    with pytest.raises(ValueError, match="cmap must be a matplotlib colormap's name .* got 'nope'"):
        ax.imshow(np.zeros((2, 2)), cmap="nope")
    with pytest.raises(TypeError, match="fontsize must be a number or an array of numbers, got 'big'"):
        ax.text(0, 0, "hi", fontsize="big")
    with pytest.raises(AttributeError, match=r"the canvas Panel has no 'bar' \(it has plot, scatter, .*\); for the "
                                             r"rest of matplotlib, make the explorer with Explorer\(draw, "
                                             r"renderer=\"matplotlib\", ...\)"):
        ax.bar([1], [1])
    with pytest.raises(AttributeError, match="the canvas Canvas has no 'suptitle' .*renderer="):
        Canvas().suptitle("title")


def test_explorer_renderers():
    def draw(fig, hidden):
        ax = fig.add_subplot()
        ax.plot(np.arange(hidden), label="units")
        ax.legend()

    canvas = widgets.Explorer(draw, hidden=widgets.hidden_slider(3))
    full = widgets.Explorer(draw, renderer="matplotlib", hidden=widgets.hidden_slider(3))
    assert isinstance(canvas.figure, Canvas) and not isinstance(full.figure, Canvas)
    assert canvas.layout is None and full.layout is not None
    for ex in (canvas, full):
        assert Image.open(io.BytesIO(bytes(ex.image.value))).size == (720, 280)
    with pytest.raises(ValueError, match=r"renderer must be one of \('canvas', 'matplotlib'\), got 'svg'"):
        widgets.Explorer(draw, renderer="svg", hidden=widgets.hidden_slider(3))
