"""An explorer's figure layout, computed once and reused (plumbing, not lesson; every lesson's
explorer uses it through nnlib.drawing.widgets.Explorer).

    cache = LayoutCache()
    ...draw onto fig...
    cache.apply(fig)          # constrained layout, or the last one while it still fits
    figure_png(fig)

matplotlib's constrained layout measures every tick label and title on every draw: a third of an
explorer's redraw. An explorer draws the same parts again and again, so the layout is kept while
the parts and the room their texts need stay the same.
"""
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine


def _structure(fig):
    """What a figure's constrained layout depends on besides text sizes: each axes' grid cell and
    which decorations it shows; None for parts LayoutCache does not follow (figure-level texts and
    legends, axes outside a grid such as colorbars): those are laid out afresh every time."""
    if fig.legends or fig.texts or fig.subfigs or fig.get_suptitle() or fig.get_supxlabel() or fig.get_supylabel():
        return None
    parts = []
    for ax in fig.axes:
        spec = ax.get_subplotspec()
        if spec is None:
            return None
        titles = tuple(bool(ax.get_title(loc)) for loc in ("left", "center", "right"))
        parts.append((spec.get_geometry(), spec.get_gridspec().get_geometry(), ax.axison, ax.get_xscale(),
                      ax.get_yscale(), titles, bool(ax.get_xlabel()), bool(ax.get_ylabel()),
                      ax.get_legend() is not None, len(ax.texts)))
    return tuple(parts)


def _longest_label(axis):
    """The longest tick label (in characters) shown on an axis: major and minor ticks in its view."""
    low, high = sorted(axis.get_view_interval())
    slack = 1e-9 * (high - low)
    return max((len(label.get_text()) for locs, labels in ((axis.get_majorticklocs(), axis.get_majorticklabels()),
                                                           (axis.get_minorticklocs(), axis.get_minorticklabels()))
                for loc, label in zip(locs, labels) if low - slack <= loc <= high + slack), default=0)


def _text_sizes(fig):
    """The text sizes the layout depends on, at the axes' current places: each axis' longest tick
    label (in characters) and whether a title is wider than its axes (then it widens the margins)."""
    renderer = fig.canvas.get_renderer()
    sizes = []
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            sizes.append(_longest_label(axis))
        sizes.append(ax.title.get_text() != "" and ax.title.get_window_extent(renderer).width > ax.bbox.width)
    return tuple(sizes)


class LayoutCache:
    """Constrained layout for a figure that is cleared and drawn again and again with the same
    parts (an explorer's redraws): computed when the parts first appear, then reused while the
    figure has the same axes and decorations and its tick labels and titles need no more room
    (shorter ones keep the roomier layout). A third of a redraw's time otherwise, and the picture
    does not jitter while a slider moves.
    Every lesson's explorer (nnlib.drawing.widgets.Explorer)."""

    def __init__(self):
        self.structure, self.sizes, self.positions = None, None, []
        self.reused = 0

    def apply(self, fig):
        """Place fig's axes (call after drawing onto fig, before rendering it). True when the
        last layout was reused, False when it was computed afresh."""
        if not isinstance(fig, Figure):
            raise TypeError(f"fig must be a matplotlib Figure, got {fig!r:.60}")
        structure = _structure(fig)
        if structure is not None and structure == self.structure:
            for ax, position in zip(fig.axes, self.positions):
                ax.set_position(position)
                ax.set_in_layout(True)  # (set_position takes an axes out of any later layout)
            if all(new <= old for new, old in zip(_text_sizes(fig), self.sizes)):  # room enough
                self.reused += 1
                return True
        if fig.axes:  # (as Figure.draw does: no axes, nothing to lay out)
            ConstrainedLayoutEngine().execute(fig)
        self.structure, self.positions = structure, [ax.get_position(original=True) for ax in fig.axes]
        self.sizes = None if structure is None else _text_sizes(fig)
        return False
