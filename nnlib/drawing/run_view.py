"""What an explorer shows of one training run (plumbing, not lesson; lessons 3-12's explorers).

    def draw(fig, hidden, lr):
        net = MLP([2, hidden, 2], seed=0)
        history = net.fit(X, y, epochs=300, lr=lr)
        return show_run(fig, {"training loss": history.loss}, model=net, X=X, y=y,
                        text=lambda: f"training accuracy {net.accuracy(X, y):.3f}")

draws, side by side, the trained net's decision regions and the loss curves, and returns the
explorer's status line. The verdict is nnlib.divergence's, on the first curve (the training loss):

  * diverged: the regions panel only says "diverged: no boundary" and the status line is
    "diverged at epoch 3: lower the learning rate" (the epoch where the loss blew up);
  * unstable (the loss spiked and came back): the regions are drawn and the status line is
    `text`, then "unstable: the loss jumped at epoch 3 and came back; lower the learning rate";
  * else: the status line is `text`.

`text` is a string or a function of no arguments (called only for a run that did not diverge, so it
may evaluate the net). Instead of a model, `proba` (points -> class probabilities, one column per
class) draws the regions of a hand-written net, and `panel` (a function of a panel) draws any other
picture of a run that did not diverge. Given a panel instead of a figure, show_run draws only the
loss curves there (the lesson draws its other panel itself).
"""
import numpy as np

from .. import divergence
from .canvas import Panel
from .plotting import blank_panel, few_ticks, loss_curves, plot_decision_boundary


def _curves(curves):
    """{label: losses}; the first is the training loss, on which the verdict rests."""
    if not isinstance(curves, dict):
        curves = {"training loss": curves}
    if not curves:
        raise ValueError("curves must hold at least one loss curve (the training loss first), got none")
    return curves


def _status(losses, text, ceiling):
    """The status line (see the module docstring) and whether the run diverged."""
    message = divergence.message(losses, ceiling=ceiling)
    if divergence.diverged(losses, ceiling=ceiling):
        return message, True
    said = text() if callable(text) else text
    if not isinstance(said, str):
        raise TypeError(f"text must be a string or a function returning one, got {said!r:.60}")
    return "; ".join(s for s in (said, message) if s), False


def _regions(ax, model, proba, X, y, title, margin, resolution, ticks):
    """The decision regions of `model` (predict/predict_proba) or of `proba` (points -> probabilities)."""
    if model is not None:
        predict, proba_fn = model.predict, model.predict_proba
    else:
        proba_fn = proba
        predict = lambda P: np.argmax(proba(P), axis=1)  # noqa: E731 - the class of highest probability
    plot_decision_boundary(predict, X, y, ax=ax, proba_fn=proba_fn, resolution=resolution, margin=margin,
                           title=title() if callable(title) else title)
    if ticks is None:
        few_ticks(ax)
    else:
        ax.set(xticks=list(ticks), yticks=list(ticks))


def show_run(fig, curves, *, model=None, X=None, y=None, proba=None, panel=None, text="", title=None,
             loss_title=None, log=True, loss_first=False, margin=0.5, resolution=100, ticks=None,
             ceiling=None):
    """Draw one run (module docstring) on `fig` (a canvas or matplotlib figure, or one panel for the
    loss curves alone) and return its status line. curves: {label: losses per epoch} or the training
    losses. model with X, y (or proba with X, y): the regions panel, titled `title`; or panel(ax).
    title may be a function of no arguments (called only when the regions are drawn).
    loss_title, log: the loss panel's title and log scale; loss_first: loss panel on the left.
    margin, resolution, ticks: the regions' margin around X, grid points a side, and tick values (None:
    a few). ceiling: a loss at or above it counts as blown up (divergence). Lessons 3-11."""
    curves = _curves(curves)
    training = next(iter(curves.values()))
    status, bad = _status(training, text, ceiling)
    if isinstance(fig, Panel) or hasattr(fig, "get_xscale"):
        loss_curves(fig, curves, log=log, title=loss_title)
        return status
    if sum(x is not None for x in (model, proba, panel)) != 1:
        raise ValueError("give exactly one of model (with X, y), proba (with X, y) or panel, "
                         f"got model={model!r:.40}, proba={proba!r:.40}, panel={panel!r:.40}")
    left, right = fig.subplots(1, 2)
    ax_loss, ax_other = (left, right) if loss_first else (right, left)
    loss_curves(ax_loss, curves, log=log, title=loss_title)
    if bad:
        blank_panel(ax_other, "diverged: no boundary" if panel is None else "diverged")
    elif panel is not None:
        panel(ax_other)
    else:
        if X is None or y is None:
            raise ValueError("X and y (the points to draw) must be given with model or proba, got None")
        _regions(ax_other, model, proba, X, y, title, margin, resolution, ticks)
    return status
