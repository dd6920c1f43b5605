"""Lesson 7's playground, driven headlessly: set widget values, press buttons, check state and pictures."""
import datetime
import io
import json
import subprocess
import sys
import threading
import time

import numpy as np
import pytest
from PIL import Image

from nnlib import MLP
from nnlib.features import FEATURES, feature_matrix, parse_csv
from nnlib.playground import Playground, measure_fps
from nnlib.trainer import Trainer


@pytest.fixture
def pg():
    p = Playground(seed=0)
    yield p
    p.close()
    assert not p.running


@pytest.fixture(autouse=True)
def no_thread_survives():
    yield
    alive = [t for t in threading.enumerate() if t.name == "playground"]
    for t in alive:
        t.join(5)
    assert not any(t.is_alive() for t in alive), "a training thread survived the test"


def rgb(jpeg_bytes):
    return np.asarray(Image.open(io.BytesIO(jpeg_bytes)).convert("RGB")).astype(int)


def wait_for(condition, seconds=10.0):
    end = time.time() + seconds
    while time.time() < end:
        if condition():
            return True
        time.sleep(0.02)
    return False


# --- construction, controls ---------------------------------------------------------------------
def test_defaults_and_named_controls(pg):
    assert repr(pg) == "Playground(moons, 2-8-8-2 tanh, lr=0.1, epoch 0)"
    for name in ("hidden", "lr", "layers", "dataset", "noise", "train_ratio", "activation", "reg", "reg_rate",
                 "batch_size", "epochs_per_frame", "classes", *FEATURES):
        assert name in pg.controls
    assert pg.controls["hidden"].value == 8 and pg.controls["lr"].value == pytest.approx(0.1)
    assert pg.controls["classes"].disabled and not pg.controls["noise"].disabled
    assert pg.picture.value[:2] == b"\xff\xd8" and pg.overlay.value[:4] == b"\x89PNG"
    assert pg.buttons["pause"].disabled and not pg.buttons["play"].disabled


def test_moving_hidden_resets_and_changes_the_picture(pg):
    pg.step(4)
    before = pg.picture.value
    pg.controls["hidden"].value = 3
    assert pg.epoch == 0 and pg.trainer.layer_sizes == [2, 3, 3, 2]
    assert pg.picture.value != before
    assert "network reset" in pg.message
    pg.controls["layers"].value = 4
    assert pg.trainer.layer_sizes == [2, 3, 3, 3, 3, 2]


def test_lr_applies_live_without_reset(pg):
    pg.step(2)
    pg.controls["lr"].value = 0.03
    assert pg.epoch == 10 and pg.trainer.settings["lr"] == 0.03
    assert "applies from the next epoch" in pg.message


def test_same_seed_same_run():
    a, b = Playground(seed=3), Playground(seed=3)
    a.step(5)
    b.step(5)
    assert a.picture.value == b.picture.value and a.summary() == b.summary()
    c = Playground(seed=4)
    assert c.picture.value != Playground(seed=3).picture.value
    for p in (a, b, c):
        p.close()


def test_feature_toggles(pg):
    pg.controls["x1_sq"].value = True
    assert pg.trainer.settings["features"] == ("x1", "x2", "x1_sq") and pg.trainer.layer_sizes[0] == 3
    pg.controls["x1"].value = False
    pg.controls["x2"].value = False
    pg.controls["x1_sq"].value = False  # the last one: refused
    assert pg.controls["x1_sq"].value and pg.trainer.settings["features"] == ("x1_sq",)
    assert "at least one input feature" in pg.message
    X = feature_matrix([[2.0, 3.0]], list(FEATURES))
    np.testing.assert_allclose(X, [[2, 3, 4, 9, 6, np.sin(2), np.sin(3)]])


def test_datasets_and_classes(pg):
    pg.controls["dataset"].value = "spiral"
    assert pg.controls["classes"].value == 3 and not pg.controls["classes"].disabled
    assert pg.trainer.k == 3 and pg.trainer.layer_sizes[-1] == 3
    pg.step(2)
    assert pg.metrics()["confusion"].shape == (3, 3)
    pg.controls["dataset"].value = "gaussian"
    pg.controls["classes"].value = 5
    assert pg.trainer.k == 5 and set(pg.trainer.y) == set(range(5))
    for name in ("circle", "xor", "moons"):
        pg.controls["dataset"].value = name
        assert pg.trainer.k == 2 and pg.controls["classes"].disabled
    n_test = pg.trainer.test.sum()
    pg.controls["train_ratio"].value = 0.8
    assert pg.trainer.test.sum() < n_test


def test_bad_settings_raise_value_errors_naming_them(pg):
    with pytest.raises(ValueError, match="unknown setting 'colour'"):
        Playground(colour="red")
    with pytest.raises(ValueError, match="lr must be"):
        pg.set(lr=-1)
    with pytest.raises(ValueError, match="hidden must be"):
        pg.set(hidden=0)
    with pytest.raises(ValueError, match="frames must be"):
        pg.step(0)


# --- training, threads ---------------------------------------------------------------------------
def test_step_summary_and_metrics(pg):
    pg.step(40)
    m = pg.metrics()
    assert m["epoch"] == 200 and m["test_accuracy"] >= 0.95 and m["confusion"].sum() == 100
    lines = pg.summary().splitlines()
    assert lines[0].startswith("epoch 200: training loss 0.") and len(lines) == 4
    assert pg.trainer.history["epoch"][-1] == 200 and len(pg.trainer.history["train"]) == 41


def test_play_pause_buttons_and_thread(pg):
    pg.buttons["play"].click()
    assert pg.running and pg.buttons["play"].disabled
    assert wait_for(lambda: pg.epoch >= 20)
    pg.controls["hidden"].value = 4  # a change while playing: resets, keeps playing
    assert wait_for(lambda: pg.epoch >= 10 and pg.trainer.layer_sizes == [2, 4, 4, 2])
    pg.buttons["pause"].click()
    assert not pg.running and pg.buttons["pause"].disabled and not pg.buttons["play"].disabled
    epoch = pg.epoch
    time.sleep(0.2)
    assert pg.epoch == epoch and pg.message == f"paused at epoch {epoch}"
    pg.buttons["step"].click()
    assert pg.epoch == epoch + 5
    pg.play()
    pg.step(1)  # step pauses first
    assert not pg.running
    pg.buttons["reset"].click()
    assert pg.epoch == 0


def test_reset_restores_the_first_picture(pg):
    first = pg.picture.value
    pg.step(3)
    assert pg.picture.value != first
    pg.reset()
    assert pg.picture.value == first and pg.epoch == 0


def test_divergence_stops_and_says_so(pg):
    pg.set(lr=10.0)
    pg.play()
    assert wait_for(lambda: not pg.running)  # stops by itself
    assert pg.trainer.diverged and "diverged at epoch" in pg.message and "lower the learning rate" in pg.message
    assert "diverged" in repr(pg) and "⚠" in pg.status.value
    picture = rgb(pg.picture.value)
    assert picture.std() > 10  # a real picture, not blank
    assert abs(picture[2, 100] - [213, 94, 0]).max() < 40  # framed in vermillion
    epoch = pg.epoch
    pg.step(3)
    assert pg.epoch == epoch  # nothing trains until something changes
    pg.controls["lr"].value = 0.1  # any change after a divergence starts afresh
    assert pg.epoch == 0 and not pg.trainer.diverged
    pg.step(1)
    assert pg.epoch == 5


def test_weights_overflow_keeps_a_finite_picture():
    t = Trainer(seed=0, activation="relu", lr=10.0, batch_size=0, reg="L2", reg_rate=10.0)
    for W, b in t.net.params:
        W *= 1e150
    t.train(5)
    assert t.diverged and all(np.isfinite(a).all() for pair in t.net.params for a in pair)
    p = Playground(seed=0, activation="relu", layers=4)
    for W, b in p.trainer.net.params:
        W *= 1e100  # finite weights, activations overflow to inf on the grid: no warning, a picture
    p.step(1)
    assert p.trainer.diverged and rgb(p.frame()).std() > 0
    p.close()


def test_regularisation_matches_mlp_fit_and_l1_gradient():
    t = Trainer(seed=1, reg="L2", reg_rate=0.5, batch_size=10, lr=0.2)
    net = MLP(t.layer_sizes, "tanh", "softmax", seed=1)
    net.fit(t.X_train, t.y_train, epochs=7, lr=0.2, l2=0.5, batch_size=10, seed=1)
    t.train(7)
    for (W1, b1), (W2, b2) in zip(t.net.params, net.params):
        np.testing.assert_allclose(W1, W2, rtol=1e-12, atol=1e-14)
    t = Trainer(seed=1, reg="L1", reg_rate=2.0, batch_size=0, lr=0.3)
    before = [W.copy() for W, _ in t.net.params]
    _, grads = t.net._loss_grads(t.X_train, t.Y_train, "cross_entropy", 0.0, len(t.y_train))
    t.train(1)
    n = len(t.y_train)
    for W0, g, (W, _) in zip(before, grads[::2], t.net.params):
        np.testing.assert_allclose(W, W0 - 0.3 * (g + 2.0 / n * np.sign(W0)), rtol=1e-12, atol=1e-14)


# --- points: clicks and CSV ------------------------------------------------------------------------
def test_clicks_add_and_erase_points(pg):
    n = len(pg.trainer.y)
    pg._on_event({"type": "click", "dataX": 200, "dataY": 100})
    assert len(pg.trainer.y) == n and "choose a class" in pg.message
    pg.controls["click"].value = 1
    before = pg.overlay.value
    pg._on_event({"type": "click", "dataX": 200, "dataY": 100})
    x0, x1, y0, y1 = pg.trainer.window
    assert len(pg.trainer.y) == n + 1 and pg.trainer.y[-1] == 1 and not pg.trainer.test[-1]
    np.testing.assert_allclose(pg.trainer.P[-1], [(x0 + x1) / 2, y1 - (y1 - y0) / 4])
    assert pg.overlay.value != before and pg.epoch == 0
    pg.controls["click"].value = 2  # a third class: three softmax outputs, network reset
    pg._on_event({"type": "click", "relativeX": 40, "relativeY": 40,  # no dataX: the picture's size on screen
                  "boundingRectWidth": 400, "boundingRectHeight": 400})
    assert pg.trainer.k == 3 and pg.trainer.layer_sizes[-1] == 3 and "3 classes now" in pg.message
    pg.controls["click"].value = -2
    pg._on_event({"type": "click", "dataX": 200, "dataY": 100})
    assert len(pg.trainer.y) == n + 1 and pg.trainer.y[-1] == 2
    pg.step(1)
    pg.remove_point(*pg.trainer.P[-1])  # the only class-2 point: back to two outputs
    assert pg.trainer.k == 2 and pg.trainer.layer_sizes[-1] == 2 and pg.epoch == 0
    pg.step(1)
    with pytest.raises(ValueError, match="label must be"):
        pg.add_point(0.0, 0.0, 7)


def test_clear_points_then_draw(pg):
    pg.clear_button.click()
    assert pg.trainer.settings["dataset"] == "custom" and len(pg.trainer.y) == 0
    assert pg.controls["dataset"].value == "custom" and pg.controls["noise"].disabled
    pg.step(2)
    assert pg.epoch == 0 and "add points of at least two classes" in pg.message
    pg.play()
    assert wait_for(lambda: not pg.running)
    pg.add_point(-1.0, -1.0, 0)
    pg.add_point(1.0, 1.0, 1)
    pg.step(2)
    assert pg.epoch == 10 and pg.metrics()["train_accuracy"] == 1.0 and pg.metrics()["test_accuracy"] is None


def test_csv_load_good_and_bad(pg):
    pg.load_csv("x1,x2,label\n0,0,0\n1,1,1\n0,1,2\n1,0,0\n0.5,0.5,1\n-1,-1,2\n")
    assert pg.trainer.settings["dataset"] == "custom" and pg.trainer.k == 3 and len(pg.trainer.y) == 6
    assert pg.controls["dataset"].value == "custom" and "loaded 6 points of 3 classes" in pg.message
    for bad, msg in (("1,2\n3,4\n", "line 1: expected 3 columns"), ("0,0,0\n1,1,x\n", "line 2: label must be"),
                     ("0,0,0\n1,1,9\n", "label must be an integer class 0..5"),
                     ("0,0,1\n1,1,1\n", "at least 2 classes"),
                     (b"\xff\xfe", "UTF-8"), ("0,0,0\nnan,1,1\n", "finite"), ("x,y,z\n", "at least 2 points")):
        with pytest.raises(ValueError, match=msg):
            parse_csv(bad)
    upload = {"name": "bad.csv", "type": "text/csv", "size": 5, "content": memoryview(b"1,2\n"),
              "last_modified": datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)}
    pg.csv_upload.value = (upload,)
    assert "csv line 1" in pg.message and "⚠" in pg.status.value and pg.csv_upload.value == ()
    good = dict(upload, content=memoryview(b"0,0,0\n1,1,1\n0,1,0\n1,0,1\n"))
    pg.csv_upload.value = (good,)
    assert len(pg.trainer.y) == 4 and "loaded 4 points" in pg.message


# --- export and import -------------------------------------------------------------------------------
def test_json_round_trip_restores_exact_predictions(pg):
    pg.set(dataset="spiral", layers=3, activation="relu", features=["x1", "x2", "sin_x1"])
    pg.add_point(0.1, 0.2, 1)
    pg.step(6)
    text = pg.export_json()
    other = Playground(seed=9, dataset="xor")
    other.import_json(text)
    grid = pg.trainer.grid_points
    assert np.array_equal(pg.predict_proba(grid), other.predict_proba(grid))
    assert other.picture.value == pg.picture.value and other.summary() == pg.summary()
    assert other.controls["layers"].value == 3 and other.controls["sin_x1"].value and other.epoch == 30
    pg.step(2)
    other.step(2)  # the minibatch order was saved too: training goes on identically
    assert np.array_equal(pg.predict_proba(grid), other.predict_proba(grid))
    other.close()


def test_export_import_buttons_and_bad_json(pg):
    pg.step(2)
    pg.export_button.click()
    assert json.loads(pg.json_text.value)["epoch"] == 10 and "download playground.json" in pg.download.value
    pg.controls["hidden"].value = 2
    pg.import_button.click()
    assert pg.trainer.layer_sizes == [2, 8, 8, 2] and pg.epoch == 10 and pg.controls["hidden"].value == 8
    pg.json_text.value = "{not json"
    pg.import_button.click()
    assert "text is not valid JSON" in pg.message
    d = json.loads(pg.export_json())
    for change, msg in ((dict(format="x"), "not a playground export"), (dict(weights=[[[1.0]], [0.0]]), "weights"),
                        (dict(settings={"hidden": 99}), r"text\['settings'\]\['hidden'\] must be"),
                        (dict(labels=[9] * len(d["labels"])), "labels"), (dict(window=[0, 0, 0, 0]), "window")):
        with pytest.raises(ValueError, match=msg):
            pg.import_json(json.dumps({**d, **change}))
    assert pg.epoch == 10  # a failed import changes nothing
    d["history"]["train"][0] = "x"  # a damaged history is rebuilt, the rest restored
    pg.import_json(json.dumps(d))
    assert pg.epoch == 10 and len(pg.trainer.history["epoch"]) == 1


def test_json_round_trip_of_an_empty_custom_set(pg):
    pg.clear_points()
    text = pg.export_json()
    pg.set(dataset="circle")
    pg.import_json(text)
    assert pg.trainer.settings["dataset"] == "custom" and len(pg.trainer.y) == 0 and "add points" in pg.message


# --- display, speed, imports ----------------------------------------------------------------------------
def test_mimebundle_has_stable_text_and_a_still_png(pg):
    bundle = pg._repr_mimebundle_()
    assert bundle["text/plain"] == repr(pg)
    assert "application/vnd.jupyter.widget-view+json" in bundle
    png = Image.open(io.BytesIO(pg.snapshot()))
    assert png.format == "PNG" and png.width > 800


def test_discretize_and_hidden_test_points(pg):
    pg.step(5)
    shaded, layer = pg.picture.value, pg.overlay.value
    pg.controls["discretize"].value = True
    assert pg.picture.value != shaded and pg.epoch == 25
    pg.controls["show_test"].value = False
    assert pg.overlay.value != layer and pg.epoch == 25


def test_measure_fps_is_live_enough(pg):
    fps = measure_fps(pg, frames=20)
    assert fps > 10, f"only {fps:.1f} frames per second"
    assert pg.epoch == 100
    assert pg.fps(seconds=0.2) > 0
    with pytest.raises(ValueError):
        measure_fps(pg, frames=0)


def test_importing_nnlib_does_not_load_the_playground():
    code = "import sys, nnlib; print(any(m.startswith('nnlib.playground') or m == 'ipyevents' for m in sys.modules))"
    out = subprocess.run([sys.executable, "-W", "error", "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
