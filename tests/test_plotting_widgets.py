"""Unit tests for nnlib.plotting and nnlib.widgets: decision regions, loss curves, PNG rendering,
and the slider Explorer (outside IPython: no kernel, so a draw error propagates)."""
import ipywidgets as W
import numpy as np
import pytest
from matplotlib.figure import Figure

from nnlib import MLP, datasets, plotting, widgets

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


# --- Explorer -------------------------------------------------------------------------------------------------
def _draw(fig, hidden, lr):
    ax = fig.add_subplot()
    ax.plot(np.arange(hidden + 1), lr * np.arange(hidden + 1) ** 2)
    ax.set_title(f"{hidden} units")
    return f"lr {lr:.3g}" if lr > 1 else None


def _explorer(draw=_draw):
    return widgets.Explorer(draw, figsize=(3, 2), dpi=40, hidden=widgets.hidden_slider(3), lr=widgets.lr_slider(0.5))


def test_explorer_initial_redraw():
    ex = _explorer()
    assert ex.redraws == 1
    assert bytes(ex.image.value).startswith(PNG_MAGIC)
    assert ex.values == {"hidden": 3, "lr": 0.5}
    assert ex.message == "" and ex.status.value == ""
    assert ex.last_seconds > 0


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
    assert ex.redraws == 3 and ex.message == "lr 2" and ex.status.value == "<b>lr 2</b>"
    ex.controls["lr"].value = 0.5
    assert ex.message == "" and ex.status.value == ""


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
    assert repr(ex) == "Explorer(hidden=3, lr=0.3333)"
    assert repr(ex) == repr(ex)
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
    assert isinstance(h, W.IntSlider) and (h.value, h.min, h.max) == (5, 1, 20) and not h.continuous_update
    lr = widgets.lr_slider(0.1, min=1e-2, max=1.0)
    assert isinstance(lr, W.FloatLogSlider) and lr.value == pytest.approx(0.1)
    assert (lr.min, lr.max) == pytest.approx((-2.0, 0.0)) and not lr.continuous_update
    assert widgets.int_slider(2, 0, 4, "k").value == 2
    assert widgets.float_slider(0.5, 0.0, 1.0, "p").value == 0.5
    assert widgets.dropdown({"a": 1, "b": 2}).value == 1
    assert widgets.dropdown([("one", 1), ("two", 2)]).value == 1
    assert widgets.dropdown(["x", "y"]).value == "x"
    assert widgets.dropdown(["x", "y"], value="y", description="d").value == "y"


def test_explorer_redraw_clears_old_error_output():
    # In a kernel a failed draw leaves its traceback in the explorer's Output widget; the next
    # redraw must drop it instead of showing a stale error under a good picture.
    ex = _explorer()
    ex.output.outputs = ({"output_type": "error", "ename": "RuntimeError", "evalue": "old", "traceback": []},)
    ex.controls["hidden"].value = 5
    assert ex.output.outputs == ()
