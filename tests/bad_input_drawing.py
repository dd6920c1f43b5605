"""Bad-input rows for nnlib.drawing (see bad_input_row.Row): plotting (points, decision boundaries, loss
curves, PNG) and the widgets (sliders, dropdowns, the Explorer).

For each function and each argument it hands to a checker of nnlib/validation, one route row: a bad
value raises from that checker, named (the checker's bad values are its tables, in bad_input_checkers).
Then the errors the functions raise themselves, the extreme inputs that must be handled (huge
coordinates give few ticks) and the legitimate edge cases that must work.
"""
from functools import partial

import numpy as np
from matplotlib.figure import Figure
from support.bad_input_row import Table, shown

from nnlib.drawing import plotting, widgets

TABLE = Table()
ROWS = TABLE.rows
bad, route, handled, legit = TABLE.bad, TABLE.route, TABLE.handled, TABLE.legit
every_value, bad_values, _shown = TABLE.every_value, TABLE.bad_values, shown
NAN, INF = float("nan"), float("inf")
BAD_FEATURES = [("1-D", [0.0, 1.0, 2.0], ValueError, ("X", "2-D", "(3,)"))]
X4 = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
Y4 = np.array([0, 0, 0, 1])


# --- plotting -------------------------------------------------------------------------------------------
def _ax():
    return Figure(figsize=(3, 3), dpi=40).add_subplot()


def _half(P):
    return (P[:, 0] > 0).astype(int)


def _boundary(X=X4, y=Y4, predict=_half, **kwargs):
    return plotting.plot_decision_boundary(predict, X, y, ax=_ax(), resolution=kwargs.pop("resolution", 20), **kwargs)


def _rendered(ax):
    """Render the picture (tick layout happens here) and return the axes."""
    plotting.figure_png(ax.figure)
    return ax


def _few_ticks(ax):
    return len(ax.get_xticks()) <= 12 and len(ax.get_yticks()) <= 12


def _plotting_rows():
    pp = plotting.plot_points
    for label, X, exc, words in BAD_FEATURES[:1]:
        route(f"plot_points X {label}", lambda X=X: pp(X, [0, 1, 0, 1], ax=_ax()), exc, *words)
        route(f"plot_decision_boundary X {label}", lambda X=X: _boundary(X, [0, 1, 0, 1]), exc, *words)
    bad("plot_points 3 columns", lambda: pp(np.zeros((4, 3)), Y4, ax=_ax()), ValueError, "X", "2 features", "(4, 3)")
    bad("plot_points y too short", lambda: pp(X4, [0, 1], ax=_ax()), ValueError, "y", "(4,)", "(2,)")
    bad("plot_points y text", lambda: pp(X4, list("abab"), ax=_ax()), TypeError, "y", "integer")
    bad("plot_points y 0.5", lambda: pp(X4, [0, 0.5, 1, 1], ax=_ax()), ValueError, "y", "0.5")
    bad("plot_points ax text", lambda: pp(X4, Y4, ax="left"), TypeError, "ax", "'left'")
    route("plot_points size=0", lambda: pp(X4, Y4, ax=_ax(), size=0), ValueError, "size", "0")
    route("plot_decision_boundary resolution=1.5", lambda: _boundary(resolution=1.5), TypeError, "resolution", "1.5")
    route("plot_decision_boundary margin=-1", lambda: _boundary(margin=-1), ValueError, "margin", "-1")
    for lim, exc in (((1, 0), ValueError), ((0, 0), ValueError), ((0, INF), ValueError), ((NAN, 1), ValueError),
                     ("ab", TypeError), ((0, 1, 2), TypeError), (5, TypeError)):
        bad(f"plot_decision_boundary xlim={_shown(lim)}", lambda v=lim: _boundary(xlim=v), exc, "xlim", _shown(lim))
        bad(f"plot_decision_boundary ylim={_shown(lim)}", lambda v=lim: _boundary(ylim=v), exc, "ylim", _shown(lim))
    m = 400  # 20 x 20 grid points
    for label, fn, exc, words in [
            ("predict_fn text", "predict", TypeError, ("predict_fn", "'predict'")),
            ("predict_fn one label", lambda P: 0, ValueError, ("predict_fn", f"({m},)", "()")),
            ("predict_fn too few", lambda P: np.zeros(len(P) - 1), ValueError,
             ("predict_fn", f"({m},)", f"({m - 1},)")),
            ("predict_fn 2 columns", lambda P: np.zeros((len(P), 2)), ValueError, ("predict_fn", f"({m}, 2)")),
            ("predict_fn 0.5", lambda P: np.full(len(P), 0.5), ValueError, ("predict_fn", "integer", "0.5")),
            ("predict_fn NaN", lambda P: np.full(len(P), NAN), ValueError, ("predict_fn", "NaN")),
            ("predict_fn strings", lambda P: np.array(["a"] * len(P)), TypeError, ("predict_fn", "numbers", "'a'")),
            ("predict_fn None", lambda P: None, ValueError, ("predict_fn", "got shape ()"))]:
        bad(f"plot_decision_boundary {label}", lambda fn=fn: _boundary(predict=fn), exc, *words)
    for label, fn, exc, words in [
            ("text", 3, TypeError, ("proba_fn", "3")),
            ("wrong rows", lambda P: np.zeros((5, 2)), ValueError, ("proba_fn", f"({m}, k)", "(5, 2)")),
            ("3-D", lambda P: np.zeros((len(P), 2, 1)), ValueError, ("proba_fn", f"({m}, 2, 1)")),
            ("NaN (diverged model)", lambda P: np.full((len(P), 2), NAN), ValueError, ("proba_fn", "NaN")),
            ("logits, not probabilities", lambda P: P * 3, ValueError, ("proba_fn", "[0, 1]", "-1.5", "4.5"))]:
        bad(f"plot_decision_boundary proba_fn {label}", lambda fn=fn: _boundary(proba_fn=fn), exc, *words)
    bad("plot_decision_boundary score_fn 2 columns", lambda: _boundary(score_fn=lambda P: P), ValueError,
        "score_fn", f"({m},)")
    bad("plot_decision_boundary points='yes'", lambda: _boundary(points="yes"), TypeError, "points", "'yes'")
    bad("plot_decision_boundary y too short", lambda: _boundary(y=[0, 1]), ValueError, "y", "(4,)")
    bad("plot_decision_boundary span beyond float", lambda: _boundary(X=[[-1.7e308, 0], [1.7e308, 1]], y=[0, 1]),
        ValueError, "X", "too wide")
    bad("grid resolution 2.5", lambda: plotting.grid(X4, 2.5), TypeError, "resolution", "2.5")
    bad("region_image proba shape", lambda: plotting.region_image(np.zeros((2, 2), int), np.zeros((3, 3, 2))),
        ValueError, "proba", "(2, 2, 'k')", "(3, 3, 2)")
    bad("region_image float labels", lambda: plotting.region_image(np.zeros((2, 2))), TypeError, "labels", "float64")
    bad("region_image strength 2", lambda: plotting.region_image(np.zeros((2, 2), int), strength=2), ValueError,
        "strength", "2")
    bad("figure_png not a figure", lambda: plotting.figure_png("fig"), TypeError, "fig", "'fig'")
    bad("figure_png dpi 0", lambda: plotting.figure_png(Figure(figsize=(1, 1)), dpi=0), ValueError, "dpi", "0")
    bad("figure_png dpi 10**6 (a 10**12-pixel image)", lambda: plotting.figure_png(Figure(), dpi=10**6), ValueError,
        "dpi", "1000000")
    legit("figure_png numpy dpi", lambda: plotting.figure_png(Figure(figsize=(1, 1)), dpi=np.int64(20)),
          lambda png: png.startswith(b"\x89PNG"))
    legit("region_image bool labels, float32 proba", lambda: plotting.region_image(
        np.array([[True, False]]), np.full((1, 2, 2), 0.5, np.float32)), lambda img: img.dtype == np.float32)
    _plotting_handled_rows()
    _loss_rows()


def _plotting_handled_rows():
    big = np.array([[1e300, -1e300], [-1e300, 1e300], [2e300, 0.0]])
    handled("plot_points coordinates 1e300: few ticks", lambda: _rendered(plotting.plot_points(big, [0, 1, 1], _ax())),
            _few_ticks)
    handled("plot_points window 1e7 wide: few ticks", lambda: _rendered(plotting.plot_points(X4 * 1e7, Y4, _ax())),
            _few_ticks)
    handled("plot_decision_boundary coordinates 1e300", lambda: _rendered(_boundary(big, [0, 1, 1])), _few_ticks)
    handled("plot_decision_boundary one sample, no margin",
            lambda: _rendered(_boundary(X4[:1], [0], margin=0)), lambda ax: ax.get_xlim() == (-0.5, 0.5))
    handled("plot_decision_boundary one class", lambda: _rendered(_boundary(predict=lambda P: np.zeros(len(P)))),
            lambda ax: len(ax.images) == 1)
    handled("plot_decision_boundary saturated proba", lambda: _rendered(_boundary(
        proba_fn=lambda P: np.column_stack([P[:, 0] <= 0, P[:, 0] > 0]).astype(float))), lambda ax: len(ax.images) == 1)
    legit("plot_decision_boundary bool labels, float32 X, lists",
          lambda: _boundary(X4.astype(np.float32).tolist(), [False, False, True, True],
                            predict=lambda P: P[:, 0] > 0.5, resolution=np.int64(10)), lambda ax: len(ax.images) == 1)
    legit("plot_decision_boundary (m,) sigmoid proba", lambda: _boundary(proba_fn=lambda P: 1 / (1 + np.exp(-P[:, 0]))),
          lambda ax: len(ax.images) == 1)
    legit("plot_decision_boundary 8 classes", lambda: _boundary(
        np.random.default_rng(0).normal(size=(16, 2)), np.arange(16) % 8,
        predict=lambda P: (np.arctan2(P[:, 1], P[:, 0]) * 8 / (2 * np.pi)).astype(int) % 8), lambda ax: True)
    legit("plot_decision_boundary resolution 2", lambda: _boundary(resolution=2), lambda ax: True)
    legit("plot_points one sample", lambda: plotting.plot_points([[0.0, 1.0]], [np.int64(3)], _ax()), lambda ax: True)


def _loss_rows():
    lc = plotting.loss_curves
    bad("loss_curves ax None-like text", lambda: lc("ax", [1.0]), TypeError, "ax", "'ax'")
    bad("loss_curves 2-D curve", lambda: lc(_ax(), {"train": np.ones((3, 2))}), ValueError, "train", "(3, 2)")
    bad("loss_curves a whole history", lambda: lc(_ax(), {"loss": [1.0, 0.5], "diverged": False}), ValueError,
        "curves['diverged']", "history.loss")
    bad("loss_curves text curve", lambda: lc(_ax(), {"train": ["a", "b"]}), TypeError, "train", "'a'")
    bad("loss_curves log='yes'", lambda: lc(_ax(), [1.0], log="yes"), TypeError, "log", "'yes'")
    bad("loss_curves first_epoch=-1", lambda: lc(_ax(), [1.0], first_epoch=-1), ValueError, "first_epoch", "-1")
    bad("plot_loss start=1.5", lambda: plotting.plot_loss([1.0, 0.5], _ax(), start=1.5), TypeError, "start", "1.5")
    bad("plot_loss logy=1", lambda: plotting.plot_loss([1.0, 0.5], _ax(), logy=1), TypeError, "logy", "1")
    bad("few_ticks n=0", lambda: plotting.few_ticks(_ax(), n=0), ValueError, "n", "0")
    bad("few_ticks not an axes", lambda: plotting.few_ticks("ax"), TypeError, "ax", "'ax'")
    bad("blank_panel not an axes", lambda: plotting.blank_panel(None.__class__), TypeError, "ax")
    handled("loss_curves NaN and inf", lambda: _rendered(lc(_ax(), {"a": [1.0, INF, NAN], "b": [-INF, 0.0, 1e300]})),
            lambda ax: np.all(np.isfinite(ax.get_lines()[0].get_ydata())))
    handled("loss_curves all NaN, linear", lambda: _rendered(lc(_ax(), [NAN, NAN], log=False)), lambda ax: True)
    handled("loss_curves empty", lambda: _rendered(lc(_ax(), {})), lambda ax: ax.get_lines() == [])
    handled("loss_curves 2e5 epochs: few integer ticks", lambda: _rendered(lc(_ax(), np.linspace(2, 1, 2 * 10**5))),
            lambda ax: len(ax.get_xticks()) <= 7 and np.all(ax.get_xticks() == np.round(ax.get_xticks())))
    handled("plot_loss diverged history",
            lambda: _rendered(plotting.plot_loss({"loss": [0.7, 1e308, INF]}, _ax(), True)),
            lambda ax: ax.get_ylabel().startswith("loss (clipped"))
    legit("loss_curves one epoch", lambda: _rendered(lc(_ax(), {"train": [0.5]})), lambda ax: len(ax.get_lines()) == 1)
    legit("loss_curves float32 array", lambda: _rendered(lc(_ax(), np.ones(5, np.float32))), lambda ax: True)
    legit("blank_panel", lambda: plotting.blank_panel(_ax(), "diverged"), lambda ax: not ax.axison)


_plotting_rows()


# --- widgets --------------------------------------------------------------------------------------------
def _draw(fig, hidden):
    fig.add_subplot().plot([0, hidden])


def _widget_rows():
    bad_values("lr_slider", widgets.lr_slider, "min", [(0, ValueError)])
    bad_values("lr_slider", widgets.lr_slider, "max", [(0, ValueError)])
    bad_values("lr_slider", widgets.lr_slider, "value", [(20.0, ValueError)])
    bad("lr_slider min above max", partial(widgets.lr_slider, 0.5, 1.0, 0.1), ValueError, "min", "max=0.1")
    bad_values("hidden_slider", widgets.hidden_slider, "value", [(0, ValueError)])
    bad_values("hidden_slider", widgets.hidden_slider, "min", [(0, ValueError)])
    bad_values("int_slider", widgets.int_slider, "step", [(0, ValueError)], value=1, min=0, max=4,
               description="k")
    every_value("int_slider", widgets.int_slider, "description", [(5, TypeError), (None, TypeError)], value=1, min=0,
               max=4)
    bad_values("float_slider", widgets.float_slider, "step", [(0, ValueError)],
               value=0.5, min=0.0, max=1.0, description="p")
    every_value("float_slider", widgets.float_slider, "min", [(1.0, ValueError)], value=0.5, max=1.0, description="p")
    bad_values("float_slider", widgets.float_slider, "min", [("0", TypeError)], value=0.5, max=1.0, description="p")
    bad("dropdown no options", partial(widgets.dropdown, []), ValueError, "options")
    bad("dropdown value not offered", partial(widgets.dropdown, ["a", "b"], "c"), ValueError, "value", "'c'")
    bad("dropdown options text", partial(widgets.dropdown, "ab"), TypeError, "options", "'ab'")
    bad("Explorer draw text", partial(widgets.Explorer, "draw"), TypeError, "draw", "'draw'")
    bad("Explorer control 3", lambda: widgets.Explorer(_draw, hidden=3), TypeError, "hidden", "3")
    bad("Explorer figsize 3", lambda: widgets.Explorer(_draw, figsize=3, hidden=widgets.hidden_slider()), TypeError,
        "figsize", "3")
    bad("Explorer dpi 0", lambda: widgets.Explorer(_draw, dpi=0, hidden=widgets.hidden_slider()), ValueError,
        "dpi", "0")
    bad("training_status text None", partial(widgets.training_status, [1.0], None), TypeError, "text", "None")
    handled("training_status diverged run", partial(widgets.training_status, [0.7, NAN], "ok"),
            lambda out: out == "diverged at epoch 2: lower the learning rate")
    legit("lr_slider numpy scalars", lambda: widgets.lr_slider(np.float32(0.5), np.float64(0.01), 10),
          lambda s: abs(s.value - 0.5) < 1e-6)
    legit("int_slider numpy ints", lambda: widgets.int_slider(np.int64(2), 0, np.int32(4), "k"), lambda s: s.value == 2)
    legit("dropdown pairs", partial(widgets.dropdown, [("one", 1), ("two", 2)], 2), lambda d: d.value == 2)
    legit("Explorer one control", lambda: widgets.Explorer(_draw, figsize=(2, 2), dpi=30,
                                                           hidden=widgets.hidden_slider(2)), lambda e: e.redraws == 1)


_widget_rows()
