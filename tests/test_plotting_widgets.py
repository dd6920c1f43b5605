"""Unit tests for nnlib.drawing.plotting and nnlib.drawing.widgets: decision regions, loss curves, PNG rendering,
and the slider Explorer (outside IPython: no kernel, so a draw error propagates)."""
import re

import ipywidgets as W
import numpy as np
import pytest
from matplotlib.figure import Figure

from nnlib import MLP
from nnlib import data as datasets
from nnlib.drawing import plotting, widgets
from nnlib.drawing.layout import LayoutCache

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _ax():
    return Figure(figsize=(3, 3)).add_subplot()


def _blobs3():
    return datasets.blobs(60, noise=0.5, seed=0, classes=3)


# --- plot_decision_boundary ------------------------------------------------------------------------------
@pytest.mark.parametrize("with_proba", [False, True])
def test_decision_boundary_two_classes(with_proba):
    X, y = datasets.moons(60, seed=0)
    net = MLP([2, 4, 2], seed=0)
    ax = _ax()
    out = plotting.plot_decision_boundary(net.predict, X, y, ax=ax, resolution=40,
                                          proba_fn=net.predict_proba if with_proba else None, title="t")
    assert out is ax
    assert len(ax.images) == 1
    img = ax.images[0].get_array()
    assert img.shape == (40, 40, 3)
    assert np.all((img >= 0) & (img <= 1))
    assert len(ax.collections) >= 2  # one scatter per class, plus the boundary contour
    assert ax.get_title() == "t"
    assert ax.get_xlim() == pytest.approx((X[:, 0].min() - 0.5, X[:, 0].max() + 0.5))
    assert ax.get_ylim() == pytest.approx((X[:, 1].min() - 0.5, X[:, 1].max() + 0.5))
    assert ax.get_legend_handles_labels()[1] == ["class 0", "class 1"]


@pytest.mark.parametrize("with_proba", [False, True])
def test_decision_boundary_three_classes(with_proba):
    X, y = _blobs3()

    def predict(P):  # nearest of three fixed centres
        centres = np.array([[1.0, 1.0], [-1.0, 1.0], [0.0, -1.5]])
        return np.argmin(((P[:, None, :] - centres) ** 2).sum(-1), axis=1)

    def proba(P):
        return np.eye(3)[predict(P)] * 0.8 + 0.2 / 3

    ax = _ax()
    plotting.plot_decision_boundary(predict, X, y, ax=ax, resolution=30, proba_fn=proba if with_proba else None)
    img = ax.images[0].get_array()
    # three differently coloured regions in the picture
    assert len(np.unique(img.reshape(-1, 3).round(6), axis=0)) >= 3
    _, labels = ax.get_legend_handles_labels()
    assert labels == ["class 0", "class 1", "class 2"]


@pytest.mark.parametrize("with_proba", [False, True])
def test_decision_boundary_single_class_does_not_warn(with_proba):
    X, y = datasets.moons(30, seed=0)
    ax = _ax()
    proba = (lambda P: np.column_stack([np.ones(len(P)), np.zeros(len(P))])) if with_proba else None
    plotting.plot_decision_boundary(lambda P: np.zeros(len(P), dtype=int), X, y, ax=ax,
                                    resolution=20, proba_fn=proba)  # warnings are errors here
    img = ax.images[0].get_array()
    assert np.allclose(img, img[0, 0])  # one flat colour
    plotting.figure_png(ax.figure)  # rendering does not warn either (no empty contour)


def test_decision_boundary_one_sigmoid_unit_proba():
    X, y = datasets.moons(30, seed=0)
    net = MLP([2, 3, 1], output="sigmoid", seed=0)
    a, b = _ax(), _ax()
    plotting.plot_decision_boundary(net.predict, X, y, ax=a, resolution=20, proba_fn=net.forward)  # (m, 1)
    plotting.plot_decision_boundary(net.predict, X, y, ax=b, resolution=20, proba_fn=net.predict_proba)
    np.testing.assert_allclose(a.images[0].get_array(), b.images[0].get_array())


def test_decision_boundary_limits_and_no_points():
    X, y = datasets.moons(30, seed=0)
    ax = _ax()
    plotting.plot_decision_boundary(lambda P: (P[:, 0] > 0).astype(int), X, y, ax=ax, resolution=10,
                                    xlim=(-3, 3), ylim=(-2, 2), points=False)
    assert ax.get_xlim() == (-3, 3) and ax.get_ylim() == (-2, 2)
    assert ax.get_legend_handles_labels()[1] == []


def test_grid_and_region_image():
    xx, yy, pts = plotting.grid(np.array([[0.0, 0.0], [1.0, 2.0]]), resolution=5, margin=0.0)
    assert xx.shape == yy.shape == (5, 5) and pts.shape == (25, 2)
    assert (pts[:, 0].min(), pts[:, 0].max(), pts[:, 1].min(), pts[:, 1].max()) == (0.0, 1.0, 0.0, 2.0)
    img = plotting.region_image(np.array([[0, 1]]))
    assert img.shape == (1, 2, 3) and not np.allclose(img[0, 0], img[0, 1])
    uncertain = plotting.region_image(np.array([[0]]), proba=np.array([[[0.5, 0.5]]]))
    np.testing.assert_allclose(uncertain, 1.0)  # 50/50: white


# --- plot_loss ----------------------------------------------------------------------------------------
def test_plot_loss_list():
    ax = _ax()
    assert plotting.plot_loss([3.0, 2.0, 1.5, 1.0], ax=ax, logy=True, title="loss") is ax
    (line,) = ax.get_lines()
    np.testing.assert_array_equal(line.get_xdata(), [0, 1, 2, 3])
    np.testing.assert_array_equal(line.get_ydata(), [3.0, 2.0, 1.5, 1.0])
    assert ax.get_yscale() == "log" and ax.get_legend() is None and ax.get_title() == "loss"


def test_plot_loss_history_with_validation():
    X, y = datasets.moons(40, seed=0)
    h = MLP([2, 3, 2], seed=0).fit(X[:30], y[:30], epochs=12, lr=0.5, validation=(X[30:], y[30:]))
    ax = _ax()
    plotting.plot_loss(h, ax=ax, start=2)
    lines = ax.get_lines()
    assert [ln.get_label() for ln in lines] == ["training loss", "validation loss"]
    np.testing.assert_array_equal(lines[0].get_xdata(), np.arange(2, 12))
    np.testing.assert_array_equal(lines[1].get_ydata(), h.val_loss[2:])
    assert ax.get_legend() is not None


def test_plot_loss_plain_dict():
    ax = _ax()
    plotting.plot_loss({"loss": [1.0, 0.5]}, ax=ax)
    assert len(ax.get_lines()) == 1 and ax.get_legend() is None


def test_figure_png():
    fig = Figure(figsize=(2, 2))
    fig.add_subplot().plot([0, 1], [1, 0])
    png = plotting.figure_png(fig, dpi=50)
    assert isinstance(png, bytes) and png.startswith(PNG_MAGIC)
    assert int.from_bytes(png[16:20], "big") == 100  # width: 2 in * 50 dpi


# --- smooth boundary, loss_curves, blank_panel, few_ticks -----------------------------------------------
def _line_of(ax):
    """The vertices of the boundary line drawn on ax (the contour's paths, not the scatters)."""
    from matplotlib.contour import ContourSet
    sets = [c for c in ax.collections if isinstance(c, ContourSet)]
    return np.concatenate([p.vertices for c in sets for p in c.get_paths() if len(p.vertices)])


@pytest.mark.parametrize("kind", ["proba (m, 2)", "proba (m,)", "score"])
def test_boundary_is_interpolated_between_grid_points(kind):
    # A straight true boundary x2 = 0.3 x1 + 0.1: the drawn line lies on it (to rounding), not on a
    # staircase half a grid cell away, even on a coarse 12 x 12 grid.
    X = np.array([[-1.0, -1.0], [1.0, 1.0]])
    score = lambda P: P[:, 1] - 0.3 * P[:, 0] - 0.1  # noqa: E731
    p1 = lambda P: 1 / (1 + np.exp(-3 * score(P)))  # noqa: E731
    fns = {"proba (m, 2)": {"proba_fn": lambda P: np.column_stack([1 - p1(P), p1(P)])},
           "proba (m,)": {"proba_fn": p1}, "score": {"score_fn": score}}[kind]
    ax = _ax()
    plotting.plot_decision_boundary(lambda P: score(P) >= 0, X, [0, 1], ax=ax, resolution=12, **fns)
    v = _line_of(ax)
    assert len(v) >= 2
    np.testing.assert_allclose(v[:, 1], 0.3 * v[:, 0] + 0.1, atol=1e-9)


def test_boundary_from_labels_only_follows_the_grid():
    X = np.array([[-1.0, -1.0], [1.0, 1.0]])
    ax = _ax()
    plotting.plot_decision_boundary(lambda P: P[:, 1] >= 0.3 * P[:, 0] + 0.1, X, [0, 1], ax=ax, resolution=12)
    v = _line_of(ax)
    err = np.abs(v[:, 1] - 0.3 * v[:, 0] - 0.1)
    assert err.max() > 0.01 and err.max() < 2 * 3 / 11  # within a cell of the truth, but stepped


def test_boundary_three_classes_is_smooth_and_not_missing():
    X, y = _blobs3()
    centres = np.array([[1.0, 1.0], [-1.0, 1.0], [0.0, -1.5]])

    def proba(P):
        z = -((P[:, None, :] - centres) ** 2).sum(-1)
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    ax = _ax()
    plotting.plot_decision_boundary(lambda P: proba(P).argmax(1), X, y, ax=ax, resolution=15, proba_fn=proba)
    v = _line_of(ax)
    # every boundary point is equidistant from its two nearest centres (the true Voronoi edges), exactly
    # but for the grid cell holding the point where three regions meet (there: within the cell)
    d = np.sort(np.sqrt(((v[:, None, :] - centres) ** 2).sum(-1)), axis=1)
    off = np.abs(d[:, 0] - d[:, 1])
    assert np.sum(off > 1e-6) <= 2 and off.max() < 0.1 and len(v) > 20
    cell = (np.ptp(X[:, 0]) + 1.0) / 14
    assert np.all(np.ptp(v[off > 1e-6], axis=0) < cell)  # both in one cell


def test_loss_curves_survives_nan_inf_and_ticks_are_integers():
    ax = _ax()
    curves = {"training": [1.0, 0.5, np.inf, np.nan, 1e300], "validation": [1.2, 0.0, -1.0]}
    assert plotting.loss_curves(ax, curves, title="loss") is ax
    train, val = ax.get_lines()
    np.testing.assert_array_equal(train.get_xdata(), [1, 2, 3, 4, 5])
    np.testing.assert_array_equal(train.get_ydata(), [1.0, 0.5, 1e12, 1e12, 1e12])
    np.testing.assert_array_equal(val.get_ydata(), [1.2, 1e-30, 1e-30])
    assert ax.get_yscale() == "log" and ax.get_ylabel() == "loss (clipped at 1e+12)" and ax.get_title() == "loss"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["training", "validation"]
    plotting.figure_png(ax.figure)  # renders without a warning
    ticks = ax.get_xticks()
    assert len(ticks) <= 6 and np.all(ticks == np.round(ticks))


def test_loss_curves_linear_one_curve_one_point_and_empty():
    ax = _ax()
    plotting.loss_curves(ax, [0.7], log=False, first_epoch=0)
    (line,) = ax.get_lines()
    assert line.get_marker() == "." and ax.get_yscale() == "linear" and ax.get_legend() is None
    assert ax.get_ylabel() == "loss"
    ax = _ax()
    plotting.loss_curves(ax, {"a": []})
    assert ax.get_lines() == []
    plotting.figure_png(ax.figure)


def test_loss_curves_time_does_not_depend_on_length_of_epochs():
    ax = _ax()
    plotting.loss_curves(ax, np.linspace(1, 0.1, 10**5))
    plotting.figure_png(ax.figure)
    assert len(ax.get_xticks()) <= 7


def test_blank_panel_and_few_ticks():
    ax = plotting.blank_panel(_ax(), "diverged")
    assert [t.get_text() for t in ax.texts] == ["diverged"] and not ax.axison
    a, b = _ax(), _ax()
    a.plot(np.arange(1000), np.arange(1000))
    b.set_yscale("log")
    b.plot([1, 2], [1, 1e6])
    plotting.few_ticks(a, b, n=3)
    plotting.figure_png(a.figure)
    assert len(a.get_xticks()) <= 5 and len(a.get_yticks()) <= 5
    assert len(b.yaxis.get_minorticklocs()) == 0


# --- Explorer -------------------------------------------------------------------------------------------------
def _draw(fig, hidden, lr):
    ax = fig.add_subplot()
    ax.plot(np.arange(hidden + 1), lr * np.arange(hidden + 1) ** 2)
    ax.set_title(f"{hidden} units")
    return f"lr {lr:.3g}" if lr > 1 else None


def _explorer(draw=_draw, renderer="canvas"):
    return widgets.Explorer(draw, figsize=(3, 2), dpi=40, renderer=renderer, hidden=widgets.hidden_slider(3),
                            lr=widgets.lr_slider(0.5))


def test_explorer_initial_redraw():
    ex = _explorer()
    assert ex.redraws == 1
    assert bytes(ex.image.value).startswith(PNG_MAGIC)
    assert ex.values == {"hidden": 3, "lr": 0.5}
    assert ex.message == "" and re.fullmatch(r'<span title="hidden units: 3, learning rate: 0.5" '
                                             r'data-ms="\d+ \d+ \d+"></span>', ex.status.value)
    assert ex.last_seconds > 0 and ex.skipped == 0
    assert list(ex.phases) == ["draw", "layout", "render"] and 0 < sum(ex.phases.values()) <= ex.last_seconds


def test_explorer_redraws_on_change():
    calls = []

    def draw(fig, hidden, lr):
        calls.append((hidden, lr))
        return _draw(fig, hidden, lr)

    ex = _explorer(draw)
    first = bytes(ex.image.value)
    ex.controls["hidden"].value = 7
    assert ex.redraws == 2
    assert bytes(ex.image.value) != first and bytes(ex.image.value).startswith(PNG_MAGIC)
    assert calls == [(3, 0.5), (7, 0.5)]
    ex.controls["hidden"].value = 7  # no change: no redraw
    assert ex.redraws == 2
    ex.controls["lr"].value = 2.0
    assert ex.redraws == 3 and ex.message == "lr 2"
    assert re.fullmatch(r'<span title="hidden units: 7, learning rate: 2" data-ms="[\d ]+"><b>lr 2</b></span>',
                        ex.status.value)
    ex.controls["lr"].value = 0.5
    assert ex.message == "" and "<b>" not in ex.status.value


def test_explorer_draw_gets_a_cleared_figure():
    sizes = []

    def draw(fig, hidden, lr):
        sizes.append(len(fig.axes))
        fig.add_subplot()

    ex = _explorer(draw)
    ex.controls["hidden"].value = 4
    assert sizes == [0, 0]


def test_explorer_draw_error_propagates_outside_ipython():
    def draw(fig, hidden, lr):
        if hidden > 5:
            raise RuntimeError(f"boom at {hidden}")
        _draw(fig, hidden, lr)

    ex = _explorer(draw)
    before = bytes(ex.image.value)
    with pytest.raises(RuntimeError, match="boom at 9"):
        ex.controls["hidden"].value = 9
    assert ex.redraws == 1 and bytes(ex.image.value) == before  # picture kept
    ex.controls["hidden"].value = 4  # recovers
    assert ex.redraws == 2 and bytes(ex.image.value) != before
    def broken(fig, **values):
        raise ValueError("broken")

    with pytest.raises(ValueError, match="broken"):  # the first draw happens in the constructor
        widgets.Explorer(broken, hidden=widgets.hidden_slider())


def test_explorer_repr():
    ex = _explorer()
    assert repr(ex) == "Explorer(hidden=3, lr=0.5)"
    ex.controls["lr"].value = 2.0
    assert repr(ex) == "Explorer(hidden=3, lr=2): lr 2"
    ex.controls["lr"].value = 1 / 3
    redraws, picture = ex.redraws, bytes(ex.image.value)
    assert repr(ex) == "Explorer(hidden=3, lr=0.3333)"
    assert (ex.redraws, bytes(ex.image.value)) == (redraws, picture)   # describing it draws nothing
    d = widgets.Explorer(lambda fig, act: None, act=widgets.dropdown(["tanh", "relu"]))
    assert repr(d) == "Explorer(act='tanh')"


def test_explorer_mimebundle():
    import base64
    ex = _explorer()
    bundle = ex._repr_mimebundle_()
    assert bundle["text/plain"] == repr(ex)
    assert base64.b64decode(bundle["image/png"]) == bytes(ex.image.value)
    view = bundle["application/vnd.jupyter.widget-view+json"]
    assert view["model_id"] == ex.widget.model_id


def test_explorer_rejects_bad_arguments():
    with pytest.raises(TypeError, match=r"draw must be a function draw\(fig, \*\*values\), got 'not callable'"):
        widgets.Explorer("not callable", hidden=widgets.hidden_slider())
    with pytest.raises(TypeError, match=r"control 'hidden' must be an ipywidgets value widget, got 3"):
        widgets.Explorer(_draw, hidden=3, lr=widgets.lr_slider())
    with pytest.raises(TypeError, match=r"control 'box' must be an ipywidgets value widget, got HBox"):
        widgets.Explorer(_draw, box=W.HBox())


def test_slider_factories():
    h = widgets.hidden_slider(5, max=20)
    assert isinstance(h, W.IntSlider) and (h.value, h.min, h.max) == (5, 1, 20) and h.continuous_update
    lr = widgets.lr_slider(0.1, min=1e-2, max=1.0)
    assert isinstance(lr, W.FloatLogSlider) and lr.value == pytest.approx(0.1)
    assert (lr.min, lr.max) == pytest.approx((-2.0, 0.0)) and lr.continuous_update
    assert widgets.int_slider(2, 0, 4, "k").value == 2
    assert widgets.float_slider(0.5, 0.0, 1.0, "p").value == 0.5
    assert widgets.dropdown({"a": 1, "b": 2}).value == 1
    assert widgets.dropdown([("one", 1), ("two", 2)]).value == 1
    assert widgets.dropdown(["x", "y"]).value == "x"
    assert widgets.dropdown(["x", "y"], value="y", description="d").value == "y"


@pytest.mark.parametrize("value, low, high", [(0.2, 1e-3, 10.0), (2.0, 0.01, 10.0), (0.3, 0.01, 10.0),
                                               (10.0, 1e-3, 10.0), (1e-3, 1e-3, 10.0), (0.1, 0.01, 1.0)])
def test_lr_slider_positions_hold_its_value_and_max(value, low, high):
    # The browser snaps the value to the slider's positions min + k * step (exponents) when it shows it.
    s = widgets.lr_slider(value, min=low, max=high)
    k_value, k_max = (np.log10(value) - s.min) / s.step, (s.max - s.min) / s.step
    assert abs(k_value - round(k_value)) < 1e-9 and abs(k_max - round(k_max)) < 1e-9
    assert s.max == pytest.approx(np.log10(high)) and np.log10(low) - 1e-12 <= s.min < np.log10(low) + s.step
    assert 0.045 < s.step < 0.055 and s.value == value


def test_sliders_refuse_a_value_between_their_steps():
    with pytest.raises(ValueError, match=r"value must lie on the slider's steps min \+ k \* step, got value=0.33 "
                                         r"\(min=0.0, step=0.05; the browser would show 0.35\)"):
        widgets.float_slider(0.33, 0.0, 1.0, "p", step=0.05)
    with pytest.raises(ValueError, match=r"got value=170 \(min=100, step=100; the browser would show 200\)"):
        widgets.int_slider(170, 100, 1000, "epochs", step=100)
    assert widgets.float_slider(0.3, 0.0, 1.0, "p", step=0.1).value == 0.3  # 3 * 0.1 is 0.30000000000000004


def test_explorer_ignores_a_value_changed_only_by_float_rounding():
    ex = _explorer()
    ex.controls["lr"].value = 0.5 * (1 + 4e-16)  # 10 ** log10(0.5) in the browser: not a new value
    assert ex.redraws == 1 and ex.changes == 0
    ex.controls["lr"].value = 0.5 * 1.001
    assert ex.redraws == 2


def test_explorer_skips_a_picture_gone_stale_while_drawing():
    # A control that changes while draw runs (a newer value arrived): the newer redraw's picture
    # is shown, and the older one, finished later, does not overwrite it.
    calls = []

    def draw(fig, hidden, lr):
        calls.append(hidden)
        if hidden == 4:
            ex.controls["hidden"].value = 6  # arrives while 4 is being drawn
        return _draw(fig, hidden, lr)

    ex = _explorer(draw)
    ex.controls["hidden"].value = 4
    assert calls == [3, 4, 6] and ex.skipped == 1 and ex.redraws == 2
    assert 'title="hidden units: 6, learning rate: 0.5"' in ex.status.value
    fresh = _explorer()
    fresh.controls["hidden"].value = 6
    assert bytes(ex.image.value) == bytes(fresh.image.value)


def test_explorer_reuses_its_layout_while_it_fits():
    ex = _explorer(renderer="matplotlib")
    assert ex.layout.reused == 0
    ex.controls["hidden"].value = 4  # same axes and texts: the layout is reused
    assert ex.layout.reused == 1
    fresh = _explorer(renderer="matplotlib")
    fresh.controls["hidden"].value = 4
    assert bytes(ex.image.value) == bytes(fresh.image.value)  # (fresh laid out for 3, reused for 4 too)


def test_layout_cache_lays_out_afresh_when_the_texts_change():
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    fig = Figure(figsize=(4, 2), dpi=50)
    FigureCanvasAgg(fig)
    cache = LayoutCache()

    def picture(ylim, title):
        fig.clear()
        ax1, ax2 = fig.subplots(1, 2)
        ax1.set(ylim=ylim, title=title)
        ax2.plot([0, 1])
        return cache.apply(fig), [tuple(ax.get_position().bounds) for ax in fig.axes]

    reused, first = picture((0, 1), "a")
    assert not reused
    assert picture((0, 1), "b") == (True, first)
    reused, wide = picture((0, 100000), "b")  # longer tick labels: more room on the left
    assert not reused and wide[0][0] > first[0][0]
    assert not picture((0, 100000), "a title far wider than its axes")[0]
    fig.suptitle("figure-level text: laid out every time")
    assert not cache.apply(fig) and not cache.apply(fig)
    with pytest.raises(TypeError, match="fig must be a matplotlib Figure"):
        cache.apply("fig")


def test_layout_cache_counts_only_the_tick_labels_in_view():
    # A log axis within one decade shows no major label (its 10^-1 and 10^0 lie outside the view);
    # once 10^-1 comes into view it needs room, and the layout must be computed again.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    fig = Figure(figsize=(6, 2), dpi=50)
    FigureCanvasAgg(fig)
    cache = LayoutCache()

    def picture(low):
        fig.clear()
        ax1, ax2 = fig.subplots(1, 2)
        plotting.loss_curves(ax2, {"loss": [0.5, low]})
        return cache.apply(fig), ax2.get_position().x0

    assert not picture(0.2)[0]
    reused, narrow = picture(0.15)
    assert reused
    reused, wide = picture(0.05)
    assert not reused and wide > narrow
    assert picture(0.15) == (True, wide)  # shorter labels again: the roomier layout is kept


def test_explorer_redraw_clears_old_error_output():
    # In a kernel a failed draw leaves its traceback in the explorer's Output widget; the next
    # redraw must drop it instead of showing a stale error under a good picture.
    ex = _explorer()
    ex.output.outputs = ({"output_type": "error", "ename": "RuntimeError", "evalue": "old", "traceback": []},)
    ex.controls["hidden"].value = 5
    assert ex.output.outputs == ()


# --- argument checks and the status helper --------------------------------------------------------------
@pytest.mark.parametrize("call, exc, pattern", [
    (lambda: widgets.lr_slider(min=0), ValueError, r"min must be > 0, got 0"),
    (lambda: widgets.lr_slider(max=-1.0), ValueError, r"max must be > 0, got -1\.0"),
    (lambda: widgets.lr_slider(20.0), ValueError, r"value must be in \[0\.001, 10\.0\], got 20\.0"),
    (lambda: widgets.lr_slider(0.5, min=1.0, max=0.1), ValueError, r"min must be below max, got min=1\.0, max=0\.1"),
    (lambda: widgets.hidden_slider(0), ValueError, r"value must be in \[1, 50\], got 0"),
    (lambda: widgets.hidden_slider(3, min=0), ValueError, r"min must be in \[1, inf\), got 0"),
    (lambda: widgets.hidden_slider(2.5), TypeError, r"value must be an integer, got 2\.5"),
    (lambda: widgets.int_slider(1, 0, 4, "k", step=0), ValueError, r"step must be in \[1, inf\), got 0"),
    (lambda: widgets.int_slider(1, 0, 4, 5), TypeError, r"description must be a string, got 5"),
    (lambda: widgets.float_slider(0.5, 0.0, 1.0, "p", step=2.0), ValueError, r"step must be in \(0, 1\.0\]"),
    (lambda: widgets.float_slider(np.nan, 0.0, 1.0, "p"), ValueError, r"value must be a finite number"),
    (lambda: widgets.dropdown([]), ValueError, r"options must offer at least one choice"),
    (lambda: widgets.dropdown(["a", "b"], value="c"), ValueError, r"value must be one of the options' values"),
    (lambda: widgets.dropdown("ab"), TypeError, r"options must be a list or a dict, got 'ab'"),
    (lambda: widgets.Explorer(_draw, figsize=3, hidden=widgets.hidden_slider()), TypeError,
     r"figsize must be a pair \(width, height\) in inches, got 3"),
    (lambda: widgets.Explorer(_draw, dpi=0, hidden=widgets.hidden_slider()), ValueError, r"dpi must be in \[10, 400\]"),
    (lambda: widgets.training_status([1.0, 0.5], None), TypeError, r"text must be a string, got None"),
])
def test_widget_arguments_checked(call, exc, pattern):
    with pytest.raises(exc, match=pattern):
        call()


def test_training_status():
    assert widgets.training_status([1.0, 0.5, 0.2], "loss 0.2") == "loss 0.2"
    assert widgets.training_status([0.7, 0.9, float("nan")], "ok") == "diverged at epoch 3: lower the learning rate"
    assert widgets.training_status([0.5] + [3.0] * 20, "ok").startswith("diverged at epoch 2")


def test_numpy_scalars_accepted_by_sliders():
    s = widgets.int_slider(np.int64(3), np.int64(1), np.int32(9), "k", step=np.int64(2))
    assert (s.value, s.min, s.max, s.step) == (3, 1, 9, 2)
    assert widgets.lr_slider(np.float32(0.5)).value == pytest.approx(0.5)


@pytest.mark.parametrize("dpi", [None, 40])
def test_figure_png_same_pixels_as_savefig(dpi):
    import io

    from PIL import Image
    X, y = datasets.moons(40, seed=0)

    def picture():
        fig = Figure(figsize=(4, 2), dpi=60, layout="constrained")
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        FigureCanvasAgg(fig)
        ax1, ax2 = fig.subplots(1, 2)
        plotting.plot_decision_boundary(lambda P: P[:, 0] > 0.5, X, y, ax=ax1, resolution=20, title="t")
        plotting.loss_curves(ax2, {"a": [1.0, 0.5, 0.2], "b": [1.1, 0.7, 0.4]})
        return fig

    fig = picture()
    ours = np.asarray(Image.open(io.BytesIO(plotting.figure_png(fig, dpi=dpi))))
    assert fig.dpi == 60  # restored
    buf = io.BytesIO()
    picture().savefig(buf, format="png", dpi=dpi)
    theirs = np.asarray(Image.open(io.BytesIO(buf.getvalue())))
    assert ours.shape == theirs.shape == ((120, 240, 4) if dpi is None else (80, 160, 4))
    np.testing.assert_array_equal(ours, theirs)


def test_figure_png_without_an_agg_canvas_falls_back_to_savefig():
    fig = Figure(figsize=(1, 1), dpi=30)  # its canvas is matplotlib's base canvas, not Agg
    fig.add_subplot().plot([0, 1])
    assert plotting.figure_png(fig).startswith(PNG_MAGIC)

