"""nnlib.drawing.run_view.show_run: what an explorer shows of one run (boundary, loss curves, the divergence
verdict), outside IPython."""
import pytest
from matplotlib.figure import Figure

from nnlib import MLP
from nnlib import data as datasets
from nnlib.drawing import widgets


def _ax():
    return Figure(figsize=(3, 3)).add_subplot()


def _run(losses, **kw):
    X, y = datasets.moons(40, seed=0)
    fig = Figure()
    curves = {"training": losses, "validation": [0.6] * len(losses)}
    status = widgets.show_run(fig, curves, model=MLP([2, 3, 2], seed=0), X=X, y=y, title="regions", resolution=20,
                              text=kw.pop("text", "fine"), **kw)
    return status, fig.axes


def test_show_run_healthy_draws_regions_and_curves():
    status, (regions, loss) = _run([0.7, 0.5, 0.3])
    assert status == "fine"
    assert len(regions.images) == 1 and regions.get_title() == "regions"
    assert [line.get_label() for line in loss.get_lines()] == ["training", "validation"]


def test_show_run_diverged_blanks_the_regions_and_says_where_it_blew_up():
    called = []
    status, (regions, loss) = _run([0.7, 1.9, 60.0, float("inf")], text=lambda: called.append(1) or "fine")
    assert status == "diverged at epoch 2: lower the learning rate"
    assert not called  # the text (which may evaluate the net) is not asked for a diverged run
    assert not regions.images and [t.get_text() for t in regions.texts] == ["diverged: no boundary"]
    assert len(loss.get_lines()) == 2


def test_show_run_unstable_keeps_the_regions_and_adds_the_note():
    status, (regions, _) = _run([0.7, 0.4, 12.0, 11.0, 0.3, 0.2])
    assert status == "fine; unstable: the loss jumped at epoch 3 and came back; lower the learning rate"
    assert len(regions.images) == 1


def test_show_run_other_panel_and_loss_only():
    drawn = []
    fig = Figure()
    status = widgets.show_run(fig, [0.7, 0.5], panel=drawn.append, loss_first=True, text=lambda: "ok")
    assert status == "ok" and drawn == [fig.axes[1]] and fig.axes[0].get_lines()
    ax = _ax()
    assert widgets.show_run(ax, [0.7, float("nan")]) == "diverged at epoch 2: lower the learning rate"
    assert len(ax.get_lines()) == 1


@pytest.mark.parametrize("kw, exc, words", [
    ({}, ValueError, "exactly one of model"),
    ({"panel": print, "proba": print}, ValueError, "exactly one of model"),
    ({"proba": print}, ValueError, "X and y"),
    ({"panel": print, "text": 3}, TypeError, "text"),
])
def test_show_run_bad_input(kw, exc, words):
    with pytest.raises(exc, match=words):
        widgets.show_run(Figure(), [0.7, 0.5], **kw)
    with pytest.raises(ValueError, match="curves"):
        widgets.show_run(Figure(), {}, panel=print)
