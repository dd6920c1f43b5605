"""The playground's view (plumbing, not lesson 8): its widgets, their layout and their events.

A View knows nothing of training: it shows settings, pictures and a status line, and turns what
the reader does (a control moved, a button pressed, a click or hover on a picture, a file
uploaded) into calls of the `actions` it was given (the Playground's methods):

    setting(name, value)   button(name)   picture_click(event)   network_event(event)
    neurons(layer, delta)  weight(value)  csv(content)   json(content)   export()
"""
import base64
import html

import ipywidgets as W

from .controls import NeuronButtons, make_controls
from .data import FEATURES
from .links import to_query, url_script
from .settings import MULTICLASS, SETTINGS

try:  # mouse events on the pictures; without ipyevents the playground works, minus clicks and hovers
    from ipyevents import Event
except ImportError:  # pragma: no cover
    Event = None

SIZE = 400  # the output picture's size in pixels (shown at most PICTURE wide)
PICTURE = "330px"
BUTTONS = (("reset", "undo", "fresh weights, epoch 0"), ("play", "play", "train continuously"),
           ("pause", "pause", "stop training"), ("step", "step-forward", "train one epoch"))
ONE_LINE = "white-space:nowrap;overflow:hidden;text-overflow:ellipsis"  # titles never wrap: no layout jump


def heading(text):
    return W.HTML(f"<b style='font-size:14px;letter-spacing:.05em;color:#444'>{text}</b>")


def column(*children, width, grow=0):
    """A column from 290px up to `width` wide when grow, else exactly `width`."""
    return W.VBox(list(children), layout=W.Layout(flex=f"{grow} 1 {'290px' if grow else width}", max_width=width,
                                                  margin="0 14px 0 0"))


def fitted(**layout):
    """A layout for a picture that shrinks with a narrow window."""
    return W.Layout(width="100%", height="auto", **layout)


class View:
    HINT = "<small>hover a link or bias (□) to read it; click to edit</small>"

    """The widgets: `controls` (setting name -> widget; features one toggle each), `neuron_buttons`,
    `buttons` (reset, play, pause, step), `picture` (output, JPEG) under `overlay` (points, PNG),
    `output_title`, `network`, `weight_box`, `loss`, `scores`, `epoch_box`, `status`, `clear_button`,
    `csv_upload`, `json_text`, `export_button`, `import_button`, `json_upload`, `download`; `widget`
    is the whole playground."""

    def __init__(self, values, actions):
        self.actions, self.quiet, self.message = actions, 0, ""
        self.controls = make_controls(values)
        self.neuron_buttons = NeuronButtons(actions.neurons)
        self.neuron_buttons.show(values["neurons"])
        self.picture = W.Image(format="jpeg", layout=fitted(grid_area="pic"))
        self.overlay = W.Image(format="png", layout=fitted(grid_area="pic"))
        self.network = W.Image(format="jpeg", layout=fitted(max_width="470px"))
        self.loss = W.Image(format="png", layout=fitted())
        self.epoch_box, self.status, self.scores, self.output_title = W.HTML(), W.HTML(), W.HTML(), W.HTML()
        self.numbers = W.HTML(layout=W.Layout(min_height="52px"))  # loss and accuracy, large
        self.address = W.HTML(layout=W.Layout(width="0px", height="0px", overflow="hidden"))  # see follow_address
        self.follows_address, self.shown_address, self.link_state = False, None, [values, False]
        self.weight_box = W.FloatText(description="weight", disabled=True, layout=W.Layout(width="150px"),
                                      style={"description_width": "48px"},
                                      tooltip="the selected link's weight or bias: type a new value, then Enter")
        self.weight_text = W.HTML(self.HINT, layout=W.Layout(width="320px", height="36px", overflow="hidden"))
        self.buttons = {n: W.Button(description=n, icon=i, tooltip=t, layout=W.Layout(width="92px"))
                        for n, i, t in BUTTONS}
        self.buttons["play"].button_style = "success"
        self._files()
        self._connect()
        self.widget = self._layout()
        self._no_null_tooltips()

    def _files(self):
        self.clear_button = W.Button(description="clear points", icon="eraser", layout=W.Layout(width="120px"),
                                     tooltip="remove every point, then click on the picture to draw your own")
        self.csv_upload = W.FileUpload(accept=".csv,.txt", description="load CSV", layout=W.Layout(width="120px"),
                                       tooltip="load points from a CSV file with the columns x1,x2,label")
        self.json_text = W.Textarea(placeholder="export fills this box; paste an export here and press import",
                                    layout=W.Layout(width="98%", height="90px"))
        self.json_upload = W.FileUpload(accept=".json", description="load JSON",
                                        tooltip="load a saved playground from a JSON file")
        self.download = W.HTML()
        self.export_button = W.Button(description="export", icon="download",
                                      tooltip="write the whole playground into the box below")
        self.import_button = W.Button(description="import", icon="upload",
                                      tooltip="restore the playground pasted into the box below")

    def _connect(self):
        a = self.actions
        for name, b in self.buttons.items():
            b.on_click(lambda _, name=name: a.button(name))
        self.clear_button.on_click(lambda _: a.button("clear"))
        self.export_button.on_click(lambda _: a.export())
        self.import_button.on_click(lambda _: a.json(self.json_text.value))
        self.csv_upload.observe(lambda ch: self._uploaded(self.csv_upload, a.csv), names="value")
        self.json_upload.observe(lambda ch: self._uploaded(self.json_upload, a.json), names="value")
        self.weight_box.observe(lambda ch: None if self.quiet else a.weight(ch["new"]), names="value")
        for name, c in self.controls.items():
            c.observe(lambda ch, name=name: self._changed(name, ch["new"]), names="value")
        self.events = []
        if Event is not None:
            self.events = [Event(source=self.overlay, watched_events=["click"]),
                           Event(source=self.network, watched_events=["click"]),
                           Event(source=self.network, watched_events=["mousemove", "mouseleave"], wait=60,
                                 throttle_or_debounce="throttle")]
            self.events[0].on_dom_event(a.picture_click)
            for e in self.events[1:]:
                e.on_dom_event(a.network_event)

    def _layout(self):
        c = self.controls
        title = W.HTML("<span style='font-size:20px;font-weight:600;white-space:nowrap'>Watch a neural network "
                       "learn</span>", layout=W.Layout(margin="0 18px 0 0"))
        top = W.HBox([title, *self.buttons.values(), self.epoch_box, self.address],
                     layout=W.Layout(align_items="center", flex_flow="row wrap"))
        training = W.HBox([c[n] for n in ("lr", "activation", "reg", "reg_rate", "batch_size", "optimizer",
                                          "epochs_per_frame")], layout=W.Layout(flex_flow="row wrap"))
        data = column(heading("DATA"), *(c[n] for n in ("dataset", "classes", "points", "noise", "train_ratio",
                                                         "seed")),
                      c["show_validation"], c["discretize"], heading("YOUR OWN POINTS"), c["click"],
                      W.HTML("<small>then click on the picture</small>"), W.HBox([self.clear_button, self.csv_upload]),
                      W.HTML("<small>CSV columns: x1,x2,label</small>"), width="252px")
        net = column(heading("FEATURES"), W.HBox([c[f] for f in FEATURES], layout=W.Layout(flex_flow="row wrap")),
                     W.HBox([c["layers"], c["hidden"]], layout=W.Layout(flex_flow="row wrap")),
                     self.neuron_buttons.widget, self.network,
                     W.HBox([self.weight_box, self.weight_text], layout=W.Layout(align_items="center")),
                     width="480px", grow=1)
        pic = W.GridBox([self.picture, self.overlay], layout=W.Layout(grid_template_areas='"pic"', width="100%"))
        out = column(self.output_title, self.numbers, pic, self.loss, self.scores, width=PICTURE)
        save = W.Accordion([W.VBox([W.HBox([self.export_button, self.download]), self.json_text,
                                    W.HBox([self.import_button, self.json_upload])])],
                           titles=("save / load the whole playground as JSON",), selected_index=None)
        columns = W.HBox([data, net, out], layout=W.Layout(flex_flow="row wrap"))
        return W.VBox([top, training, self.status, columns, save])

    def _no_null_tooltips(self):
        """Give every widget a tooltip (the browser shows a missing one as "null")."""
        stack = [self.widget]
        while stack:
            w = stack.pop()
            stack.extend(getattr(w, "children", ()))
            if getattr(w, "tooltip", "") is None:
                w.tooltip = getattr(w, "description", "") or ""

    # --- what the playground calls ---------------------------------------------------------------
    def say(self, text, warn=False):
        """Show `text` in the status line (orange with a warning sign when warn)."""
        self.message = text
        color = "#b84a00" if warn else "#333"
        self.status.value = (f"<div style='font-size:15px;color:{color};min-height:1.5em'>"
                             f"{'⚠ ' if warn else ''}{html.escape(text)}</div>")

    def show_settings(self, settings, regression=False):
        """Set every control to `settings` without calling back; enable what applies to this data set."""
        self.quiet += 1
        try:
            for name, value in settings.items():
                if SETTINGS[name].kind == "features":
                    for f in FEATURES:
                        self.controls[f].value = f in value
                elif name in self.controls:
                    self.controls[name].value = value
            self.neuron_buttons.show(settings["neurons"])
        finally:
            self.quiet -= 1
        multiclass = settings["dataset"] in MULTICLASS  # the class count: only where it can be chosen
        self.controls["classes"].disabled = not multiclass
        self.controls["classes"].layout.visibility = "visible" if multiclass else "hidden"
        for n in ("points", "noise"):
            self.controls[n].disabled = settings["dataset"] == "custom"
        self.controls["click"].disabled = regression
        mixed = len(set(settings["neurons"])) > 1  # the slider cannot show one count for all layers
        self.controls["hidden"].readout = not mixed
        self.controls["hidden"].description = "neurons (mixed)" if mixed else SETTINGS["hidden"].label
        self.controls["hidden"].disabled = not settings["neurons"]
        self.link_state[0] = settings
        self._write_address()

    def follow_address(self):
        """From now on, write the settings into the page's address as they change (the Voila app)."""
        self.follows_address = True
        self._write_address()

    def _write_address(self):
        if self.follows_address:
            query = to_query(*self.link_state)
            if query != self.shown_address:
                self.shown_address, self.address.value = query, url_script(query, len(self.address.value))

    def show_weight(self, label, value):
        """Show a link's weight or a bias for editing (3 significant digits)."""
        self.quiet += 1
        try:
            self.weight_box.disabled = False
            self.weight_box.value = float(f"{value:.3g}")
            self.show_readout(label)
        finally:
            self.quiet -= 1

    def show_readout(self, label):
        """The text beside the weight box: a link's or bias's label and value ("" : the hint)."""
        self.weight_text.value = f"<small>{html.escape(label)}</small>" if label else self.HINT

    def show_title(self, title, hint=""):
        """The output panel's heading (what the big picture shows), with a small hint after it."""
        small = f" <small>({html.escape(hint)})</small>" if hint else ""
        self.output_title.value = (f"<div style='{ONE_LINE}' title='{html.escape(hint)}'><b style='font-size:14px;"
                                   f"letter-spacing:.05em;color:#444'>{title}</b>{small}</div>")

    def show_epoch(self, epoch):
        self.epoch_box.value = (f"<span style='font-size:13px;color:#666;margin-left:18px'>epoch</span> "
                                f"<span style='font-size:28px;font-family:monospace'>{epoch:,}</span>")

    def show_running(self, running):
        self.buttons["play"].disabled, self.buttons["pause"].disabled = running, not running
        self.link_state[1] = running
        self._write_address()

    def offer_download(self, text):
        self.json_text.value = text
        self.download.value = (f"<a download='playground.json' href='data:application/json;base64,"
                               f"{base64.b64encode(text.encode()).decode()}'>download playground.json</a>")

    # --- events -----------------------------------------------------------------------------------------
    def _changed(self, name, value):
        if self.quiet:
            return
        if name in FEATURES:
            name, value = "features", [f for f in FEATURES if self.controls[f].value]
        self.actions.setting(name, value)

    def _uploaded(self, upload, load):
        if upload.value:
            content = bytes(upload.value[0]["content"])
            self.quiet += 1
            try:
                upload.value = ()
            finally:
                self.quiet -= 1
            load(content)

    def close(self):
        """Close every widget of the view."""
        self.neuron_buttons.close()
        stack = [self.widget, *self.controls.values(), *self.events]
        while stack:
            w = stack.pop()
            stack.extend(getattr(w, "children", ()))
            stack.extend(m for m in (getattr(w, "layout", None), getattr(w, "style", None)) if m is not None)
            w.close()
