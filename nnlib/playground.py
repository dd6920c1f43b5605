"""Lesson 7's live playground (plumbing, not lesson): a TensorFlow-Playground-style dashboard.

    pg = Playground(seed=0)            # in a notebook, the last line `pg` shows the dashboard
    pg.step(20)                        # headless: 20 frames of `epochs_per_frame` epochs, then redraw
    pg.controls["hidden"].value = 4    # any control by name; the network resets and the picture updates
    measure_fps(pg, frames=50)         # frames per second of training + redrawing, synchronously

Play trains in a background (daemon) thread, one frame at a time under a lock, so Pause, Step
and every control stay responsive; pause() stops it and waits for it. The engine (data, network,
training) is nnlib.trainer.Trainer; the pictures come from nnlib.render.
"""
import json
import numbers
import threading
import time

import numpy as np

from . import render
from .dashboard import SIZE, UI_ONLY, Dashboard
from .features import FEATURES, MAX_CLASSES, check_setting, parse_csv
from .trainer import Trainer


class Playground(Dashboard):
    """Playground(seed=0, **settings): the dashboard; settings as in nnlib.features.SETTINGS
    (e.g. dataset="circle", hidden=4, lr=0.03, features=["x1", "x2", "x1_sq"])."""

    max_fps = 25  # while playing; step() and measure_fps run as fast as they can

    def __init__(self, seed=0, **settings):
        ui = {k: bool(settings.pop(k)) if k != "click" else settings.pop(k) for k in list(settings) if k in UI_ONLY}
        self.trainer = Trainer(seed=seed, **settings)
        self._lock, self._stop, self._thread, self.redraws = threading.RLock(), threading.Event(), None, 0
        self._build({**self.trainer.settings, **UI_ONLY, **ui})
        self._points_changed()
        self._sync_enabled()
        self._buttons()
        if not self.message:
            self._say("press play to train (step: one frame); move any control to change the run")

    # --- drawing -------------------------------------------------------------------------------------
    def _points_changed(self):
        t = self.trainer
        self._layer = render.points_layer(t.P, t.y, t.test, t.window, SIZE, self.controls["show_test"].value)
        self.overlay.value = render.png_palette(self._layer)
        self._draw()

    def _draw(self):
        """Redraw every picture from the trainer's state (called with the lock held or from __init__)."""
        t = self.trainer
        acts = t.grid_activations()
        with np.errstate(all="ignore"):  # huge (finite) weights: inf activations are drawn saturated
            self.picture.value = render.regions_jpeg(acts[-1], discretize=self.controls["discretize"].value,
                                                     diverged=bool(t.diverged))
            self.network.value = render.network_jpeg(acts, t.net.params, t.settings["features"],
                                                     t.settings["activation"])
        self.loss.value = render.loss_png(t.history)
        self.scores.value = render.metrics_html(t.metrics(), t.k)
        self.epoch_box.value = (f"<span style='font-size:13px;color:#666;margin-left:18px'>epoch</span> "
                                f"<span style='font-size:28px;font-family:monospace'>{t.epoch:,}</span>")
        problem = t.problem()
        if problem:
            self._say(problem, warn=bool(t.diverged))
        self.redraws += 1

    def frame(self):
        """Redraw now; returns the output picture (JPEG bytes of the shaded regions)."""
        with self._lock:
            self._draw()
        return self.picture.value

    # --- controls --------------------------------------------------------------------------------------
    def set(self, **settings):
        """Change several settings at once (names as in pg.controls, or features=[...]); redraws."""
        ui = {k: settings.pop(k) for k in list(settings) if k in UI_ONLY}
        checked = {k: check_setting(k, v) for k, v in settings.items()}
        if "dataset" in checked and "classes" not in checked:
            checked["classes"] = 3 if checked["dataset"] == "spiral" else 2
        with self._lock:
            self._set_quietly(**ui, **checked)
            what = self.trainer.configure(**checked) if checked else "display"
            self._sync_enabled()
            shown = ", ".join(f"{k} = {v:.3g}" if isinstance(v, float) else f"{k} = {v}"
                              for k, v in {**ui, **checked}.items())
            self._say(f"{shown}: " + {"data": "new data, network reset to epoch 0", "network": "network reset to epoch 0",
                                      "live": "applies from the next epoch", "display": "redrawn"}[what])
            self._points_changed() if what == "data" or "show_test" in ui else self._draw()

    # --- training ----------------------------------------------------------------------------------------
    @property
    def running(self):
        return self._thread is not None and self._thread.is_alive()

    @property
    def epoch(self):
        return self.trainer.epoch

    def _frames(self, frames):
        """Train up to `frames` frames; False when training cannot go on (diverged or no data)."""
        for _ in range(frames):
            if not self.trainer.train(self.trainer.settings["epochs_per_frame"]) or self.trainer.diverged:
                return False
        return True

    def step(self, frames=1):
        """Pause, then train `frames` frames synchronously and redraw once."""
        if isinstance(frames, bool) or not isinstance(frames, int) or frames < 1:
            raise ValueError(f"frames must be an integer >= 1, got {frames!r:.40}")
        self.pause()
        with self._lock:
            self._frames(frames)
            self._draw()

    def reset(self):
        """Fresh weights from the seed, epoch 0 (keeps playing if it was)."""
        with self._lock:
            self.trainer.reset()
            self._say("network reset to epoch 0")
            self._draw()

    def play(self):
        """Train continuously in a background thread until pause(), divergence or an error."""
        if self.running:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, name="playground", daemon=True)
        self._thread.start()
        self._buttons()

    def pause(self, timeout=10.0):
        """Stop the training thread and wait for it to finish its frame."""
        self._stop.set()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)
        self._buttons()

    def _loop(self):
        try:
            self._say("training ...")
            while not self._stop.is_set():
                start = time.perf_counter()
                with self._lock:
                    go_on = self._frames(1)
                    self._draw()
                if not go_on:
                    break
                self._stop.wait(max(0.0, 1.0 / self.max_fps - (time.perf_counter() - start)))
            else:
                self._say(f"paused at epoch {self.trainer.epoch}")
        except Exception as e:  # show it, never die silently in a thread
            self._say(f"training stopped: {type(e).__name__}: {e}", warn=True)
        finally:
            self._stop.set()
            self.buttons["play"].disabled, self.buttons["pause"].disabled = False, True

    # --- points, files ---------------------------------------------------------------------------------
    def add_point(self, x1, x2, label):
        """Add a training point of class `label` at (x1, x2)."""
        if isinstance(label, bool) or not isinstance(label, int) or not 0 <= label < MAX_CLASSES:
            raise ValueError(f"label must be a class 0..{MAX_CLASSES - 1}, got {label!r:.40}")
        if not all(isinstance(v, numbers.Real) and abs(v) < 1e6 for v in (x1, x2)):
            raise ValueError(f"x1 and x2 must be finite numbers, got {x1!r:.20}, {x2!r:.20}")
        with self._lock:
            k = self.trainer.k
            self.trainer.add_point(x1, x2, label)
            self._say(f"added a class {label} point at ({x1:.2f}, {x2:.2f})" +
                      (f"; {self.trainer.k} classes now, network reset" if self.trainer.k != k else ""))
            self._points_changed()

    def remove_point(self, x1, x2):
        """Remove the point nearest to (x1, x2)."""
        with self._lock:
            self.trainer.remove_nearest(float(x1), float(x2))
            self._say(f"erased the point nearest to ({x1:.2f}, {x2:.2f})")
            self._points_changed()

    def clear_points(self):
        """Remove every point: draw your own data set from scratch."""
        self.set(dataset="custom")

    def load_csv(self, csv):
        """Use the points of a CSV text (columns x1,x2,label); ValueError naming the bad line."""
        P, y = parse_csv(csv, "csv")
        with self._lock:
            self._set_quietly(dataset="custom")
            self.trainer.settings["dataset"] = "custom"
            self.trainer.set_points(P, y)
            self._sync_enabled()
            self._say(f"loaded {len(y)} points of {self.trainer.k} classes from the CSV")
            self._points_changed()

    def export_json(self):
        """The whole playground (settings, points, weights, history) as JSON text."""
        with self._lock:
            return json.dumps(self.trainer.to_dict())

    def import_json(self, text):
        """Restore an export_json() text (or its dict) exactly; ValueError naming `text` if it is not one."""
        if isinstance(text, (bytes, bytearray, memoryview)):
            text = bytes(text).decode("utf-8", errors="replace")
        try:
            d = json.loads(text) if isinstance(text, str) else text
        except json.JSONDecodeError as e:
            raise ValueError(f"text is not valid JSON: {e}") from None
        trainer = Trainer.from_dict(d, name="text")
        self.pause()
        with self._lock:
            self.trainer = trainer
            self._set_quietly(**trainer.settings)
            self._sync_enabled()
            self._say(f"imported: {trainer.settings['dataset']}, {'-'.join(map(str, trainer.layer_sizes))} network, "
                      f"epoch {trainer.epoch}")
            self._points_changed()

    # --- results -------------------------------------------------------------------------------------------
    def predict_proba(self, P):
        return self.trainer.predict_proba(P)

    def predict(self, P):
        return self.trainer.predict(P)

    def metrics(self):
        with self._lock:
            return self.trainer.metrics()

    def summary(self):
        """A short stable text: epoch, losses (4 d.p.), accuracies, confusion matrix."""
        m, f = self.metrics(), lambda v, p: "-" if v is None else f"{v:.{p}f}"
        rows = "\n".join("  " + " ".join(f"{v:4d}" for v in r) for r in m["confusion"])
        return (f"epoch {m['epoch']}: training loss {f(m['train_loss'], 4)}, test loss {f(m['test_loss'], 4)}, "
                f"training accuracy {f(m['train_accuracy'], 3)}, test accuracy {f(m['test_accuracy'], 3)}\n"
                f"confusion matrix ({m['confusion_of']} points; rows true class, columns predicted):\n{rows}")

    def snapshot(self):
        """One still PNG of the output picture, the network and the loss curve."""
        return render.snapshot_png(render.compose(self.picture.value, self._layer), self.network.value, self.loss.value)

    def __repr__(self):
        t = self.trainer
        return (f"Playground({t.settings['dataset']}, {'-'.join(map(str, t.layer_sizes))} {t.settings['activation']}, "
                f"lr={t.settings['lr']:.3g}, epoch {t.epoch}{', diverged' if t.diverged else ''})")

    def fps(self, seconds=2.0):
        """Frames per second of training + redrawing, measured synchronously for `seconds`."""
        start, frames = time.perf_counter(), 0
        while time.perf_counter() - start < seconds:
            self.step(1)
            frames += 1
        return frames / (time.perf_counter() - start)


def measure_fps(pg, frames=50):
    """Frames per second for `frames` synchronous frames (train epochs_per_frame epochs + redraw all)."""
    if isinstance(frames, bool) or not isinstance(frames, int) or frames < 1:
        raise ValueError(f"frames must be an integer >= 1, got {frames!r:.40}")
    start = time.perf_counter()
    for _ in range(frames):
        pg.step(1)
    return frames / (time.perf_counter() - start)
