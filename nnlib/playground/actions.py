"""What the playground's widgets do (plumbing, not lesson 8): each event becomes a Playground call
under a guard. An error of any kind leaves the state as it was (the Playground's methods change
nothing until they have checked everything), puts the controls back to the actual settings and
shows the error in the status line.
"""
from .network import WIDTH, bias_at, geometry, link_at, neuron_at
from .pictures import from_pixels
from .view import SIZE


def _position(event, size):
    """The event's pixel (column, row) in the image's own pixels (ipyevents' dataX/dataY when it
    gives them; else the position scaled from the size shown on screen)."""
    if "dataX" in event and "dataY" in event:
        return float(event["dataX"]), float(event["dataY"])
    width, height = size
    col = float(event.get("relativeX", 0)) * width / max(float(event.get("boundingRectWidth", width)), 1.0)
    row = float(event.get("relativeY", 0)) * height / max(float(event.get("boundingRectHeight", height)), 1.0)
    return col, row


class Actions:
    """The View's `actions`: one method per kind of event, each calling the Playground `pg`."""

    def __init__(self, pg):
        self.pg = pg

    def guard(self, fn, *args, **kwargs):
        """Run fn(*args, **kwargs); show any error in the status line instead of raising."""
        try:
            fn(*args, **kwargs)
        except Exception as e:
            text = str(e) if isinstance(e, (ValueError, TypeError)) else f"{type(e).__name__}: {e}"
            with self.pg.lock:
                self.pg.view.show_settings(self.pg.settings, self.pg.trainer.regression)
            self.pg.view.say(text or type(e).__name__, warn=True)

    def setting(self, name, value):
        self.guard(self.pg.set, **{name: value})

    def button(self, name):
        pg = self.pg
        actions = {"play": pg.play, "pause": pg.pause, "step": pg.step_epoch, "reset": pg.reset,
                   "clear": pg.clear_points}
        self.guard(actions[name])

    def neurons(self, layer, delta):
        self.guard(self.pg.change_neurons, layer, delta)

    def weight(self, value):
        self.guard(self.pg.set_weight, self.pg.focus.selected, value)

    def csv(self, content):
        self.guard(self.pg.load_csv, content)

    def json(self, content):
        self.guard(self.pg.import_json, content)

    def export(self):
        self.guard(self._export)

    def _export(self):
        self.pg.view.offer_download(self.pg.export_json())
        self.pg.view.say("exported: copy the box, or download the file")

    def picture_click(self, event):
        self.guard(self._picture_click, event)

    def _picture_click(self, event):
        """A click on the output picture: add a point of the chosen class, or erase the nearest one."""
        if event.get("type") != "click":
            return
        mode = self.pg.settings["click"]
        if mode == -1:
            self.pg.view.say("choose a class under 'click adds' first, then click on the picture")
            return
        x1, x2 = from_pixels(*_position(event, (SIZE, SIZE)), self.pg.trainer.window, SIZE)
        if mode == -2:
            self.pg.remove_point(x1, x2)
        else:
            self.pg.add_point(x1, x2, mode)

    def network_event(self, event):
        self.guard(self._network_event, event)

    def _network_event(self, event):
        """Hover over a neuron: show it large; over a link or a bias: read its value; click on a
        neuron: pin it (again: unpin); click on a link or a bias: select it for editing; leave the
        diagram: show the output again."""
        pg, kind = self.pg, event.get("type")
        if kind == "mouseleave":
            if pg.focus.hovered is not None:
                pg.show_neuron(None, None, pin=False)
            pg.hover_item(None)
            return
        sizes = pg.trainer.layer_sizes
        g = geometry(sizes)
        x, y = _position(event, (WIDTH, g.height))
        neuron = neuron_at(g, x, y)
        if neuron is not None and neuron[0] == len(sizes) - 1:
            neuron = None  # an output square: the output panel shows the output already
        item = None if neuron is not None else bias_at(g, sizes, x, y) or link_at(g, sizes, x, y)
        if kind == "mousemove":
            if neuron != pg.focus.hovered:
                pg.show_neuron(*(neuron or (None, None)), pin=False)
            pg.hover_item(item)
        elif kind == "click" and neuron is not None:
            pg.show_neuron(*((None, None) if neuron == pg.focus.pinned else neuron), pin=True)
        elif kind == "click" and item is not None:
            pg.select_link(*item)
