"""Lesson 8's live playground (plumbing, not lesson): a TensorFlow-Playground-style dashboard.

    pg = Playground(seed=0)            # in a notebook, the last line `pg` shows the dashboard
    pg.step(20)                        # headless: 20 frames of `epochs_per_frame` epochs, then redraw
    pg.controls["hidden"].value = 4    # any control by name; the network resets and the picture updates
    pg.set(neurons=[6, 3])             # or several settings at once
    measure_fps(pg, frames=50)         # frames per second of training + redrawing, synchronously

The Playground owns a Trainer (points, network, training), a View (widgets), a Focus (the neuron
shown large, the selected link) and a Runner (play). Every action from a widget runs under a guard
(nnlib.playground.actions): an error of any kind leaves the state as it was and shows in the
status line. The Python methods raise ValueError naming what is wrong, and change nothing then.
"""
import base64
import numbers
import os
import threading

import numpy as np

from . import files, links
from .actions import Actions
from .editing import NetworkEdits
from .focus import Focus
from .painter import Painter
from .runner import Runner
from .settings import DEFAULTS, DISPLAY, check_count, describe, resolve
from .training import Trainer
from .view import View

MAX_STEP_EPOCHS = 20_000  # one step() call trains at most this many epochs
EFFECTS = {"data": "new data, network reset to epoch 0", "network": "network reset to epoch 0",
           "live": "applies from the next epoch", "display": "redrawn"}


class Playground(NetworkEdits):
    """Playground(seed=0, **settings): the dashboard; settings as in nnlib.playground.settings.SETTINGS
    (e.g. dataset="circle", neurons=[4, 2], lr=0.03, features=["x1", "x2", "x1_sq"])."""

    def __init__(self, seed=0, **settings):
        display = {k: settings.pop(k) for k in DISPLAY if k in settings}
        self.trainer = Trainer(seed=seed, **settings)
        new = resolve({**DEFAULTS, **self.trainer.settings}, display)
        self.display = {k: new[k] for k in DISPLAY}
        self.lock, self.redraws, self.focus = threading.RLock(), 0, Focus()
        self.runner = Runner(self._tick, self._stopped, self.lock)
        self.view = View(self.settings, Actions(self))
        self.controls, self.buttons, self.picture = self.view.controls, self.view.buttons, self.view.picture
        self.status, self.widget = self.view.status, self.view.widget  # the status line; the whole dashboard
        self.painter = Painter(self.view)
        self.view.show_settings(self.settings, self.trainer.regression)
        self._points_changed()
        self.view.show_running(False)
        if not self.trainer.problem():
            self.view.say("press play to train (step: one epoch); move any control to change the run")

    @classmethod
    def from_link(cls, query=None):
        """The playground a shared link sets up (query: the part after "?"; None: this page's own, which
        Voila gives the kernel as QUERY_STRING; then it writes its settings into the page's address as
        they change, so the address is always a link to what is on screen). A bad or stale part of the
        link is ignored (its default is used) and the status line says which."""
        text = os.environ.get("QUERY_STRING", "") if query is None else query
        changes, play, ignored = links.from_query(text)
        pg = cls(**changes)
        if query is None:  # the page's own link: keep its address in step (not a notebook's, in a lesson)
            pg.view.follow_address()
        if play:
            pg.play()
        if ignored:
            pg.view.say(f"ignored in this link (defaults used): {'; '.join(ignored)}", warn=True)
        return pg

    def link(self):
        """The query of a link to this set-up ("?" + it after the app's address; "play=1" if it plays)."""
        with self.lock:
            return links.to_query(self.settings, self.running)

    @property
    def settings(self):
        """Every setting: the trainer's and the display's."""
        return {**self.trainer.settings, **self.display}

    @property
    def message(self):
        return self.view.message

    @property
    def epoch(self):
        return self.trainer.epoch

    @property
    def running(self):
        return self.runner.running

    # --- drawing -------------------------------------------------------------------------------------
    def _points_changed(self):
        self.painter.points(self.trainer, self.display["show_validation"])
        self._draw()

    def _draw(self):
        """Redraw every picture from the trainer's state (with the lock held, or from __init__)."""
        self.painter.draw(self.trainer, self.display["discretize"], self.focus)
        self.redraws += 1

    def frame(self):
        """Redraw now; returns the output picture (JPEG bytes)."""
        with self.lock:
            self._draw()
        return self.view.picture.value

    # --- settings -----------------------------------------------------------------------------------
    def set(self, **settings):
        """Change several settings at once (names as in SETTINGS: features=[...], neurons=[...], ...) and
        redraw. Nothing changes if one of them is wrong."""
        with self.lock:
            display = {k: resolve(self.settings, settings)[k] for k in DISPLAY}
            before = self.settings
            effect = self.trainer.configure(**{k: v for k, v in settings.items() if k not in DISPLAY})
            self.display = display
            self.view.show_settings(self.settings, self.trainer.regression)
            new = resolve(before, settings)
            self.view.say(f"{describe({k: new[k] for k in settings})}: {EFFECTS[effect]}")
            if effect == "data" or "show_validation" in settings:
                self._points_changed()
            else:
                self._draw()

    def change_neurons(self, layer, delta):
        """One neuron more (delta=+1) or less (-1) in hidden layer `layer` (0 = the first)."""
        neurons = list(self.trainer.settings["neurons"])
        if isinstance(layer, bool) or not isinstance(layer, numbers.Integral) or not 0 <= layer < len(neurons):
            raise ValueError(f"layer must be a hidden layer 0..{len(neurons) - 1}, got {layer!r:.20}")
        if delta not in (-1, 1):
            raise ValueError(f"delta must be +1 or -1, got {delta!r:.20}")
        neurons[layer] += delta
        self.set(neurons=neurons)

    # --- training ------------------------------------------------------------------------------------
    def _train_frames(self, frames):
        """Train up to `frames` frames; False when training cannot go on (diverged or no data)."""
        for _ in range(frames):
            if not self.trainer.train(self.trainer.settings["epochs_per_frame"]) or self.trainer.diverged:
                return False
        return True

    def _tick(self):
        go_on = self._train_frames(1)
        self._draw()
        return go_on

    def _stopped(self, error):
        if error is not None:
            self.view.say(f"training stopped: {type(error).__name__}: {error}", warn=True)
        elif not self.trainer.problem():
            self.view.say(f"paused at epoch {self.trainer.epoch}")
        self.view.show_running(False)

    def step(self, frames=1):
        """Pause, then train `frames` frames synchronously and redraw once (at most MAX_STEP_EPOCHS
        epochs in all, so that no call keeps the kernel busy for minutes)."""
        frames = check_count(frames)
        limit = max(1, MAX_STEP_EPOCHS // self.trainer.settings["epochs_per_frame"])
        if frames > limit:
            raise ValueError(f"frames must be at most {limit} ({MAX_STEP_EPOCHS} epochs at "
                             f"{self.trainer.settings['epochs_per_frame']} epochs per frame), got {frames}")
        self.pause()
        with self.lock:
            self._train_frames(frames)
            self._draw()

    def step_epoch(self):
        """Pause, then train one epoch and redraw (the step button: TensorFlow Playground's step)."""
        self.pause()
        with self.lock:
            self.trainer.train(1)
            self._draw()

    def reset(self):
        """Fresh weights from the seed, epoch 0 (keeps playing if it was)."""
        with self.lock:
            self.trainer.reset()
            self.view.say("network reset to epoch 0")
            self._draw()

    def play(self):
        """Train continuously in a background thread until pause(), divergence or an error."""
        if not self.running:
            self.view.say("training ...")
            self.runner.play()
        self.view.show_running(self.running)

    def pause(self):
        """Stop the training thread and wait for it to finish its frame."""
        self.runner.pause()
        self.view.show_running(False)

    # --- points, files -------------------------------------------------------------------------------
    def add_point(self, x1, x2, label):
        """Add a training point of class `label` at (x1, x2) (classification data sets only)."""
        with self.lock:
            k = self.trainer.k
            self.trainer.add_point(x1, x2, label)
            more = f"; {self.trainer.k} classes now, network reset" if self.trainer.k != k else ""
            self.view.say(f"added a class {label} point at ({x1:.3g}, {x2:.3g}){more}")
            self._points_changed()

    def remove_point(self, x1, x2):
        """Remove the point nearest to (x1, x2)."""
        with self.lock:
            self.trainer.remove_nearest(x1, x2)
            self.view.say(f"erased the point nearest to ({x1:.3g}, {x2:.3g})")
            self._points_changed()

    def clear_points(self):
        """Remove every point: draw your own data set from scratch."""
        with self.lock:
            self.set(dataset="custom")
            if len(self.trainer.y):
                self._use(Trainer.from_points(self.trainer.settings, np.zeros((0, 2)), np.zeros(0, int), None, None))
            self.view.say("no points: choose a class under 'click adds', then click on the picture")

    def _use(self, trainer, display=None):
        self.trainer = trainer
        self.display.update(display or {})
        self.focus.forget()
        self.view.show_settings(self.settings, trainer.regression)
        self._points_changed()

    def load_csv(self, csv):
        """Use the points of a CSV text (columns x1,x2,label); ValueError naming the bad line, and
        nothing changes."""
        P, y = files.parse_csv(csv, "csv")
        with self.lock:
            self._use(Trainer.from_points({**self.trainer.settings, "dataset": "custom"}, P, y, None, None))
            self.view.say(f"loaded {len(y)} points of {self.trainer.k} classes from the CSV")

    def export_json(self):
        """The whole playground (settings, points, weights, history, optimizer state) as JSON text."""
        with self.lock:
            return files.export_json(self.trainer, self.display)

    def import_json(self, text):
        """Restore an export_json() text (or its bytes, or its dict) exactly; ValueError naming `text`
        if it is not one, and nothing changes."""
        d = files.loads(text, "text")
        trainer = files.from_dict(d, "text")
        display = {k: resolve(self.settings, d["settings"], "text['settings']")[k] for k in DISPLAY}
        self.pause()
        with self.lock:
            self._use(trainer, display)
            self.view.say(f"imported: {trainer.settings['dataset']}, {'-'.join(map(str, trainer.layer_sizes))} "
                          f"network, epoch {trainer.epoch}" + (f"; {trainer.problem()}" if trainer.problem() else ""),
                          warn=bool(trainer.diverged))

    # --- results --------------------------------------------------------------------------------------
    def outputs(self, P):
        """Class probabilities (n, k) or fitted values (n, 1) for points P (n, 2)."""
        return self.trainer.outputs(P)

    def predict(self, P):
        """Labels, or fitted values for regression, for points P (n, 2)."""
        return self.trainer.predict(P)

    def metrics(self):
        with self.lock:
            return self.trainer.metrics()

    def summary(self):
        """A short stable text: epoch, losses (4 d.p.), accuracies, confusion matrix."""
        with self.lock:
            return self.trainer.summary()

    def snapshot(self):
        """One still PNG of the output picture, the network and the loss curve."""
        return self.painter.snapshot()

    def close(self):
        """Stop training and close the widgets."""
        self.pause()
        self.view.close()

    def __repr__(self):
        t = self.trainer
        return (f"Playground({t.settings['dataset']}, {'-'.join(map(str, t.layer_sizes))} {t.settings['activation']}, "
                f"lr={t.settings['lr']:.3g}, epoch {t.epoch}{', diverged' if t.diverged else ''})")

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.view.widget._repr_mimebundle_(**kwargs) or {}
        bundle["image/png"] = base64.b64encode(self.snapshot()).decode()
        bundle["text/plain"] = repr(self)
        return bundle
