"""The playground's widgets (plumbing, not lesson 7): controls, pictures, buttons and their layout.

Dashboard builds the widgets and turns widget events (a control moved, a button pressed, a click
on the picture, a file uploaded) into calls of the Playground API in nnlib.playground, which
subclasses it. A ValueError from such a call becomes a message in the status line.
"""
import base64
import html

import ipywidgets as W

from .features import BATCH_SIZES, DATASETS, FEATURES, MAX_CLASSES, MULTICLASS, SETTINGS
from .render import from_pixels
from .widgets import dropdown, float_slider, int_slider, lr_slider

try:  # mouse clicks on the picture; without ipyevents the dashboard works, minus drawing points
    from ipyevents import Event
except ImportError:  # pragma: no cover
    Event = None

SIZE = 400  # the output picture's size on screen, in pixels
UI_ONLY = {"show_test": True, "discretize": False, "click": -1}  # display settings, not the trainer's
MARKS = ("blue ●", "orange ■", "green ▲", "pink ◆", "sky blue ▼", "vermillion ⬟")  # render's colours and markers
CLICK_CHOICES = ([("nothing", -1)] + [(f"class {k} ({m})", k) for k, m in zip(range(MAX_CLASSES), MARKS)]
                 + [("erase nearest point", -2)])


def _controls(s):
    """The control widgets, keyed by setting name (the features are one toggle button each)."""
    wide = lambda w: (setattr(w.layout, "width", "250px"), w)[1]
    c = {"dataset": dropdown(DATASETS, s["dataset"], "data set"),
         "classes": int_slider(s["classes"], 2, MAX_CLASSES, "classes"),
         "points": int_slider(s["points"], 20, 1000, "points", step=10),
         "noise": float_slider(s["noise"], 0.0, 1.5, "noise", step=0.05),
         "train_ratio": float_slider(s["train_ratio"], 0.1, 0.9, "training share", step=0.05),
         "seed": W.BoundedIntText(s["seed"], min=0, max=99999, description="seed"),
         "layers": int_slider(s["layers"], 1, 4, "hidden layers"),
         "hidden": int_slider(s["hidden"], 1, SETTINGS["hidden"][2], "neurons per layer"),
         "activation": dropdown(SETTINGS["activation"][1], s["activation"], "activation"),
         "lr": lr_slider(s["lr"], 1e-4, 10.0, "learning rate"),
         "reg": dropdown(SETTINGS["reg"][1], s["reg"], "regularisation"),
         "reg_rate": lr_slider(s["reg_rate"], 1e-4, 10.0, "reg. rate"),
         "batch_size": dropdown([("full" if b == 0 else str(b), b) for b in BATCH_SIZES], s["batch_size"],
                                "batch size"),
         "optimizer": dropdown(SETTINGS["optimizer"][1], s["optimizer"], "optimizer"),
         "epochs_per_frame": int_slider(s["epochs_per_frame"], 1, 100, "epochs per frame"),
         "show_test": W.Checkbox(value=s["show_test"], description="show test points", indent=False),
         "discretize": W.Checkbox(value=s["discretize"], description="discretize output", indent=False),
         "click": dropdown(CLICK_CHOICES, s["click"], "click adds")}
    for name in ("dataset", "classes", "points", "noise", "train_ratio", "seed", "layers", "hidden", "click"):
        wide(c[name])
    for name in ("activation", "reg", "batch_size", "optimizer"):
        c[name].layout.width = "190px"
    for f, (label, _) in FEATURES.items():
        c[f] = W.ToggleButton(value=f in s["features"], description=label, layout=W.Layout(width="62px"),
                              tooltip=f"use {label} as an input")
    return c


class Dashboard:
    """The widgets of a Playground: `controls` (name -> widget), `buttons` (reset, play, pause, step),
    `picture` (the shaded regions, JPEG), `overlay` (the points on top, PNG), `network`, `loss`, `scores`,
    `status`, `clear_button`, `csv_upload`, `json_text`, `export_button`, `import_button`, `json_upload`,
    `download`, and `widget`, the whole dashboard."""

    def _build(self, values):
        self.controls = _controls(values)
        self._quiet, self.message = 0, ""
        fit = lambda **kw: W.Layout(width="100%", height="auto", **kw)  # pictures shrink with a narrow window
        self.picture = W.Image(format="jpeg", layout=fit(grid_area="pic"))
        self.overlay = W.Image(format="png", layout=fit(grid_area="pic"))
        self.network, self.loss = W.Image(format="jpeg", layout=fit()), W.Image(format="png", layout=fit())
        self.epoch_box, self.status, self.scores = W.HTML(), W.HTML(), W.HTML()
        self.buttons = {n: W.Button(description=d, icon=i, layout=W.Layout(width="92px"), tooltip=t) for n, d, i, t in (
            ("reset", "reset", "undo", "fresh weights, epoch 0"), ("play", "play", "play", "train continuously"),
            ("pause", "pause", "pause", "stop training"), ("step", "step", "step-forward", "train one frame"))}
        self.buttons["play"].button_style = "success"
        for name, b in self.buttons.items():
            b.on_click(lambda _, name=name: self._button(name))
        self.clear_button = W.Button(description="clear points", icon="eraser", layout=W.Layout(width="120px"))
        self.clear_button.on_click(lambda _: self.clear_points())
        self.csv_upload = W.FileUpload(accept=".csv,.txt", description="load CSV", layout=W.Layout(width="120px"))
        self.json_text = W.Textarea(placeholder="export fills this box; paste an export here and press import",
                                    layout=W.Layout(width="98%", height="90px"))
        self.json_upload = W.FileUpload(accept=".json", description="load JSON")
        self.download = W.HTML()
        self.export_button = export = W.Button(description="export", icon="download")
        self.import_button = load = W.Button(description="import", icon="upload")
        export.on_click(lambda _: self._export_clicked())
        load.on_click(lambda _: self._guard(self.import_json, self.json_text.value))
        for up, fn in ((self.csv_upload, self.load_csv), (self.json_upload, self.import_json)):
            up.observe(lambda ch, up=up, fn=fn: self._uploaded(up, fn), names="value")
        for name, c in self.controls.items():
            c.observe(lambda ch, name=name: self._changed(name, ch["new"]), names="value")
        if Event is not None:
            self._events = Event(source=self.overlay, watched_events=["click"])
            self._events.on_dom_event(self._on_event)
        self.widget = self._layout(export, load)

    def _layout(self, export, load):
        c, head = self.controls, lambda t: W.HTML(f"<b style='font-size:15px;letter-spacing:.05em;color:#444'>{t}</b>")
        col = lambda *w, width, grow=0: W.VBox(list(w), layout=W.Layout(  # grow from 290px up to `width`
            flex=f"{grow} 1 {'290px' if grow else width}", max_width=width, margin="0 14px 0 0"))
        top = W.HBox([W.HTML("<span style='font-size:22px;font-weight:600'>Neural network playground</span>",
                             layout=W.Layout(margin="0 24px 0 0")), *self.buttons.values(), self.epoch_box],
                     layout=W.Layout(align_items="center", flex_flow="row wrap"))
        training = W.HBox([c[n] for n in ("lr", "activation", "reg", "reg_rate", "batch_size", "optimizer",
                                          "epochs_per_frame")], layout=W.Layout(flex_flow="row wrap"))
        data = col(head("DATA"), *(c[n] for n in ("dataset", "classes", "points", "noise", "train_ratio", "seed")),
                   c["show_test"], c["discretize"], head("YOUR OWN POINTS"), c["click"],
                   W.HTML("<small>then click on the picture</small>"),
                   W.HBox([self.clear_button, self.csv_upload]), W.HTML("<small>CSV columns: x1,x2,label</small>"),
                   width="262px")
        net = col(head("FEATURES"), W.HBox([c[f] for f in FEATURES], layout=W.Layout(flex_flow="row wrap")),
                  head("HIDDEN LAYERS"), c["layers"], c["hidden"], self.network, width="490px", grow=1)
        pic = W.GridBox([self.picture, self.overlay], layout=W.Layout(grid_template_areas='"pic"', width="100%"))
        out = col(head("OUTPUT"), pic, self.loss, self.scores, width=f"{SIZE + 10}px", grow=1)
        save = W.Accordion([W.VBox([W.HBox([export, self.download]), self.json_text, W.HBox([load, self.json_upload])])],
                           titles=("save / load the whole playground as JSON",), selected_index=None)
        columns = W.HBox([data, net, out], layout=W.Layout(flex_flow="row wrap"))
        return W.VBox([top, training, self.status, columns, save])

    def _say(self, text, warn=False):
        self.message = text
        color = "#b84a00" if warn else "#333"
        self.status.value = (f"<div style='font-size:15px;color:{color};min-height:1.5em'>"
                             f"{'⚠ ' if warn else ''}{html.escape(text)}</div>")

    def _guard(self, fn, *args, **kwargs):
        """Run an action from a widget; a ValueError becomes a clear message in the status line."""
        try:
            fn(*args, **kwargs)
        except ValueError as e:
            self._say(str(e), warn=True)

    def _changed(self, name, value):
        if self._quiet:
            return
        if name in FEATURES:
            name, value = "features", [f for f in FEATURES if self.controls[f].value]
            if not value:
                self._set_quietly(**{f: True for f in self.trainer.settings["features"]})
                return self._say("keep at least one input feature", warn=True)
        self._guard(self.set, **{name: value})

    def _set_quietly(self, **values):
        self._quiet += 1
        try:
            for k, v in values.items():
                if k == "features":
                    for f in FEATURES:
                        self.controls[f].value = f in v
                else:
                    self.controls[k].value = v
        finally:
            self._quiet -= 1

    def _sync_enabled(self):
        ds = self.trainer.settings["dataset"]
        self.controls["classes"].disabled = ds not in MULTICLASS
        for n in ("points", "noise"):
            self.controls[n].disabled = ds == "custom"

    def _button(self, name):
        {"play": self.play, "pause": self.pause, "step": self.step, "reset": self.reset}[name]()

    def _buttons(self):
        running = self.running
        self.buttons["play"].disabled, self.buttons["pause"].disabled = running, not running

    def _on_event(self, event):
        """ipyevents click on the picture: add a point of the chosen class, or erase the nearest one."""
        mode = self.controls["click"].value
        if event.get("type") != "click":
            return
        if mode == -1:
            return self._say("choose a class under 'click adds' first, then click on the picture")
        col = event.get("dataX", event.get("relativeX", 0) * SIZE / max(event.get("boundingRectWidth", SIZE), 1))
        row = event.get("dataY", event.get("relativeY", 0) * SIZE / max(event.get("boundingRectHeight", SIZE), 1))
        x1, x2 = from_pixels(float(col), float(row), self.trainer.window, SIZE)
        if mode == -2:
            self._guard(self.remove_point, x1, x2)
        else:
            self._guard(self.add_point, x1, x2, mode)

    def _uploaded(self, upload, load):
        if upload.value:
            content = bytes(upload.value[0]["content"])
            upload.value = ()
            self._guard(load, content)

    def _export_clicked(self):
        text = self.export_json()
        self.json_text.value = text
        self.download.value = (f"<a download='playground.json' href='data:application/json;base64,"
                               f"{base64.b64encode(text.encode()).decode()}'>download playground.json</a>")
        self._say("exported: copy the box, or download the file")

    def close(self):
        """Stop training and close this dashboard's widgets."""
        self.pause()
        stack = [self.widget, *self.controls.values()] + ([self._events] if Event is not None else [])
        while stack:
            w = stack.pop()
            stack.extend(getattr(w, "children", ()))
            w.close()

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.widget._repr_mimebundle_(**kwargs) or {}
        bundle["image/png"] = base64.b64encode(self.snapshot()).decode()
        bundle["text/plain"] = repr(self)
        return bundle
