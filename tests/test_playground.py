"""Lesson 8's playground, driven headlessly: set widget values, press buttons, check state and pictures."""
import ast
import dataclasses
import datetime
import html
import io
import json
import pathlib
import re
import subprocess
import sys
import threading
import time

import numpy as np
import pytest
from PIL import Image

from nnlib import MLP
from nnlib.drawing.raster import ticks
from nnlib.playground import SETTINGS, Playground, Trainer, measure_fps
from nnlib.playground.data import FEATURES, RESOLUTION, feature_matrix, multi_gaussian_target
from nnlib.playground.files import parse_csv
from nnlib.playground.links import from_query, to_query
from nnlib.playground.network import biases, geometry, link_at, links
from nnlib.playground.pictures import boundary_shade, upsample
from nnlib.playground.settings import DATASETS, DEFAULTS, resolve
from nnlib.playground.view import SIZE

PACKAGE = pathlib.Path(__file__).resolve().parents[1] / "nnlib" / "playground"


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


def weights(p):
    return [a.copy() for pair in p.trainer.net.params for a in pair]


# --- layout -------------------------------------------------------------------------------------------
def test_files_and_functions_are_small_and_use_no_private_names():
    for path in PACKAGE.glob("*.py"):
        text = path.read_text()
        assert len(text.splitlines()) < 300, path.name
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef):
                assert node.end_lineno - node.lineno < 40, f"{path.name}: {node.name}"
            if isinstance(node, ast.ImportFrom):
                assert not any(a.name.startswith("_") for a in node.names), f"{path.name} imports a private name"
            if isinstance(node, ast.Assign):
                assert not isinstance(node.value, ast.Lambda), f"{path.name}: a lambda as a definition"
            if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.endswith("_"):
                assert isinstance(node.value, ast.Name) and node.value.id == "self", f"{path.name}: .{node.attr}"


# --- construction, controls -----------------------------------------------------------------------------
def test_defaults_and_named_controls(pg):
    assert repr(pg) == "Playground(moons, 2-8-8-2 tanh, lr=0.1, epoch 0)"
    for name in ("hidden", "lr", "layers", "dataset", "noise", "train_ratio", "activation", "reg", "reg_rate",
                 "batch_size", "epochs_per_frame", "classes", "show_validation", "click", *FEATURES):
        assert name in pg.controls
    assert pg.controls["hidden"].value == 8 and pg.controls["lr"].value == pytest.approx(0.1)
    assert pg.controls["classes"].disabled and not pg.controls["noise"].disabled
    assert pg.picture.value[:2] == b"\xff\xd8" and pg.view.overlay.value[:4] == b"\x89PNG"
    assert pg.buttons["pause"].disabled and not pg.buttons["play"].disabled


def test_controls_follow_the_settings_table(monkeypatch):
    monkeypatch.setitem(SETTINGS, "points", dataclasses.replace(SETTINGS["points"], high=300, step=5))
    monkeypatch.setitem(SETTINGS, "lr", dataclasses.replace(SETTINGS["lr"], high=3.0, label="step size"))
    monkeypatch.setitem(SETTINGS, "hidden", dataclasses.replace(SETTINGS["hidden"], high=5))
    p = Playground(seed=0, hidden=5)
    assert (p.controls["points"].max, p.controls["points"].step) == (300, 5)
    assert p.controls["lr"].max == pytest.approx(np.log10(3.0)) and p.controls["lr"].description == "step size"
    assert p.controls["hidden"].max == 5
    with pytest.raises(ValueError, match="points must be an integer from 20 to 300"):
        p.set(points=400)
    p.close()


def test_moving_hidden_resets_and_changes_the_picture(pg):
    pg.step(4)
    before = pg.picture.value
    pg.controls["hidden"].value = 3
    assert pg.epoch == 0 and pg.trainer.layer_sizes == [2, 3, 3, 2]
    assert pg.picture.value != before and "network reset" in pg.message
    pg.controls["layers"].value = 8
    assert pg.trainer.layer_sizes == [2] + [3] * 8 + [2] and len(pg.view.neuron_buttons.neurons) == 8


def test_neurons_layer_by_layer(pg):
    network = pg.view.network.value
    minus, plus = pg.view.neuron_buttons.buttons[0]
    assert plus.disabled and not minus.disabled  # 8 is the most
    minus.click()
    minus.click()
    pg.view.neuron_buttons.buttons[1][0].click()
    assert pg.trainer.settings["neurons"] == (6, 7) and pg.trainer.layer_sizes == [2, 6, 7, 2]
    assert pg.view.network.value != network and "neurons 6, 7: network reset" in pg.message
    pg.set(neurons=[1, 4, 2])
    assert pg.controls["layers"].value == 3 and pg.view.neuron_buttons.buttons[0][0].disabled
    pg.view.neuron_buttons.buttons[0][0].click()  # disabled in the browser; from Python: refused, nothing changes
    assert pg.trainer.settings["neurons"] == (1, 4, 2) and "neurons[0] must be an integer from 1 to 8" in pg.message
    pg.controls["layers"].value = 4  # a new layer gets `hidden` neurons
    assert pg.trainer.settings["neurons"] == (1, 4, 2, 8)
    with pytest.raises(ValueError, match="layers=2 does not match"):
        pg.set(neurons=[3], layers=2)


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
    pg.controls["x1_sq"].value = False  # the last one: refused, and the toggle comes back
    assert pg.controls["x1_sq"].value and pg.trainer.settings["features"] == ("x1_sq",)
    assert "at least one feature" in pg.message and "⚠" in pg.view.status.value
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
    n_val = pg.trainer.val.sum()
    pg.controls["train_ratio"].value = 0.8
    assert pg.trainer.val.sum() < n_val


def test_regression_data_sets(pg):
    moons = pg.picture.value
    pg.controls["dataset"].value = "multi_gaussian"
    t = pg.trainer
    assert t.regression and t.layer_sizes == [2, 8, 8, 1] and t.net.output == "identity"
    assert t.y.dtype == float and -1 <= t.y.min() < -0.5 and 0.5 < t.y.max() <= 1 and pg.controls["click"].disabled
    assert "linear-gradient" in pg.view.scores.value and pg.picture.value != moons
    first = rgb(pg.picture.value)
    pg.step(20)
    assert pg.summary().endswith("(squared error)") and pg.metrics()["train_loss"] < t.history["train"][0]
    assert np.abs(rgb(pg.picture.value) - first).mean() > 3
    np.testing.assert_allclose(multi_gaussian_target(np.array([[-4 / 3, 2.5 / 3], [0, -2.5 / 3], [5, 5]])),
                               [1, 1, 0])
    pg.controls["dataset"].value = "plane"
    pg.set(noise=0.0)
    np.testing.assert_allclose(pg.trainer.y, 0.3 * pg.trainer.P.sum(axis=1))
    with pytest.raises(ValueError, match="classification data sets only"):
        pg.add_point(0.0, 0.0, 1)


def test_bad_settings_raise_value_errors_naming_them(pg):
    with pytest.raises(ValueError, match="unknown setting 'colour'"):
        Playground(colour="red")
    for bad, msg in ((dict(lr=-1), "lr must be"), (dict(hidden=0), "hidden must be"),
                     (dict(batch_size=10.0), r"batch_size must be one of \[1, 2, 5"),
                     (dict(click=99), "click must be one of"), (dict(show_validation="no"), "True or False"),
                     (dict(neurons=[3, 0]), r"neurons\[1\] must be"), (dict(layers=9), "from 0 to 8")):
        with pytest.raises(ValueError, match=msg):
            Playground(**bad)
        with pytest.raises(ValueError, match=msg):
            pg.set(**bad)
    with pytest.raises(ValueError, match="frames must be"):
        pg.step(0)
    assert repr(pg) == "Playground(moons, 2-8-8-2 tanh, lr=0.1, epoch 0)"


# --- training, threads -------------------------------------------------------------------------------
def test_step_summary_and_metrics(pg):
    pg.step(np.int64(40))
    m = pg.metrics()
    assert m["epoch"] == 200 and m["val_accuracy"] >= 0.95 and m["confusion"].sum() == 100
    lines = pg.summary().splitlines()
    assert lines[0].startswith("epoch 200: training loss 0.") and "validation accuracy" in lines[0] and len(lines) == 4
    assert pg.trainer.history["epoch"][-1] == 200 and len(pg.trainer.history["train"]) == 41


def test_step_has_a_ceiling(pg):
    with pytest.raises(ValueError, match=r"frames must be at most 4000 \(20000 epochs at 5 epochs per frame\), "
                                         r"got 1000000"):
        pg.step(10**6)
    pg.set(epochs_per_frame=100)
    with pytest.raises(ValueError, match="frames must be at most 200 .* got 201"):
        pg.step(201)
    assert pg.epoch == 0


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
    pg.buttons["step"].click()  # one epoch, as TensorFlow Playground's step (a frame is epochs_per_frame)
    assert pg.epoch == epoch + 1 and not pg.running
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
    assert "diverged" in repr(pg) and "⚠" in pg.view.status.value
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
    t.net.params = [(W * 1e150, b) for W, b in t.net.params]
    t.train(5)
    assert t.diverged and all(np.isfinite(a).all() for pair in t.net.params for a in pair)
    p = Playground(seed=0, activation="relu", layers=4)
    p.trainer.net.params = [(W * 1e100, b) for W, b in p.trainer.net.params]  # activations overflow on the grid
    p.step(1)
    assert p.trainer.diverged and rgb(p.frame()).std() > 0
    p.close()


@pytest.mark.parametrize("reg", ["L2", "L1"])
def test_training_is_mlp_fit(reg):
    t = Trainer(seed=1, reg=reg, reg_rate=0.5, batch_size=10, lr=0.2, optimizer="momentum")
    net = MLP(t.layer_sizes, "tanh", "softmax", seed=1)
    rate = {"l2": 0.5} if reg == "L2" else {"l1": 0.5}
    net.fit(t.X_train, t.y_train, epochs=7, lr=0.2, batch_size=10, seed=1, optimizer="momentum", **rate)
    t.train(7)
    for (W1, b1), (W2, b2) in zip(t.net.params, net.params):
        np.testing.assert_array_equal(W1, W2)
        np.testing.assert_array_equal(b1, b2)


# --- every error in the status line, state kept --------------------------------------------------------------
def test_any_error_from_a_widget_reaches_the_status_line(pg, monkeypatch):
    before = weights(pg)

    def broken(epochs):
        raise RuntimeError("the GPU caught fire")
    monkeypatch.setattr(pg.trainer, "train", broken)
    pg.buttons["step"].click()
    assert "RuntimeError: the GPU caught fire" in pg.message and "⚠" in pg.view.status.value
    assert all(np.array_equal(a, b) for a, b in zip(before, weights(pg)))
    pg.buttons["play"].click()
    assert wait_for(lambda: not pg.running) and "training stopped: RuntimeError" in pg.message


def test_failed_loads_change_nothing(pg):
    pg.step(2)
    state, text = pg.summary(), pg.export_json()
    for bad in ("1.7e308,0,0\n-1.7e308,0,1\n0,0,1", "0,0,1e400\n1,1,0", "1,,0\n0,0,1\n1,1,0", "x,y,z\n"):
        pg.view.actions.csv(bad)
        assert "csv" in pg.message and "⚠" in pg.view.status.value
        assert pg.summary() == state and pg.export_json() == text
    for bad in ("[" * 10**5, "{", json.dumps({**json.loads(text), "window": [0, 1e308, 0, 1]}), "null", b"\xff"):
        pg.view.actions.json(bad)
        assert "text" in pg.message and pg.export_json() == text
    for x1, x2 in ((np.nan, np.nan), (np.inf, 0)):
        with pytest.raises(ValueError, match="x1 must be a finite number"):
            pg.remove_point(x1, x2)
    assert pg.export_json() == text


def test_huge_coordinates_draw_quickly(pg):
    for scale in (1e5, 1e11):
        start = time.perf_counter()
        pg.load_csv(f"{scale},0,0\n{-scale},0,1\n0,{scale / 3},1\n")
        pg.step(1)
        assert time.perf_counter() - start < 3 and pg.trainer.window[1] - pg.trainer.window[0] > scale
    for lo, hi in ((-2, 2), (-1e7, 1e7), (1e11, 1e11 + 3), (-0.001, 0.002)):
        assert 2 <= len(ticks(lo, hi)) <= 7


# --- points: clicks and CSV --------------------------------------------------------------------------------
def test_clicks_add_and_erase_points(pg):
    n = len(pg.trainer.y)
    pg.view.actions.picture_click({"type": "click", "dataX": 200, "dataY": 100})
    assert len(pg.trainer.y) == n and "choose a class" in pg.message
    pg.controls["click"].value = 1
    before = pg.view.overlay.value
    pg.view.actions.picture_click({"type": "click", "dataX": 200, "dataY": 100})
    x0, x1, y0, y1 = pg.trainer.window
    assert len(pg.trainer.y) == n + 1 and pg.trainer.y[-1] == 1 and not pg.trainer.val[-1]
    np.testing.assert_allclose(pg.trainer.P[-1], [(x0 + x1) / 2, y1 - (y1 - y0) / 4])
    assert pg.view.overlay.value != before and pg.epoch == 0
    pg.controls["click"].value = 2  # a third class: three softmax outputs, network reset
    pg.view.actions.picture_click({"type": "click", "relativeX": 40, "relativeY": 40,  # no dataX: size on screen
                                   "boundingRectWidth": 400, "boundingRectHeight": 400})
    assert pg.trainer.k == 3 and pg.trainer.layer_sizes[-1] == 3 and "3 classes now" in pg.message
    pg.controls["click"].value = -2
    pg.view.actions.picture_click({"type": "click", "dataX": 200, "dataY": 100})
    assert len(pg.trainer.y) == n + 1 and pg.trainer.y[-1] == 2
    pg.step(1)
    pg.remove_point(*pg.trainer.P[-1])  # the only class-2 point: back to two outputs
    assert pg.trainer.k == 2 and pg.trainer.layer_sizes[-1] == 2 and pg.epoch == 0
    pg.add_point(0.1, 0.2, np.int64(1))
    with pytest.raises(ValueError, match="label must be"):
        pg.add_point(0.0, 0.0, 7)


def test_clear_points_then_draw(pg):
    pg.view.clear_button.click()
    assert pg.trainer.settings["dataset"] == "custom" and len(pg.trainer.y) == 0
    assert pg.controls["dataset"].value == "custom" and pg.controls["noise"].disabled
    pg.step(2)
    assert pg.epoch == 0 and "add points of at least two classes" in pg.message
    pg.play()
    assert wait_for(lambda: not pg.running)
    pg.add_point(-1.0, -1.0, 0)
    pg.add_point(1.0, 1.0, 1)
    pg.step(2)
    assert pg.epoch == 10 and pg.metrics()["train_accuracy"] == 1.0 and pg.metrics()["val_accuracy"] is None


def test_csv_load_good_and_bad(pg):
    pg.load_csv("\ufeffx1,x2,label\n0,0,0\n1,1,1\n0,1,2\n1,0,0\n0.5,0.5,1\n-1,-1,2\n")
    assert pg.trainer.settings["dataset"] == "custom" and pg.trainer.k == 3 and len(pg.trainer.y) == 6
    assert pg.controls["dataset"].value == "custom" and "loaded 6 points of 3 classes" in pg.message
    for bad, msg in (("1,2\n3,4\n", "line 1: expected 3 columns"), ("0,0,0\n1,1,x\n", "line 2: label must be"),
                     ("0,0,0\n1,1,9\n", "label must be an integer class 0..5"), ("1,,0\n2,2,1\n", "line 1: x1 and x2"),
                     ("0,0,1\n1,1,1\n", "at least 2 classes"), ("0,0,0\n1e13,0,1\n", "within"),
                     (b"\xff\xfe", "UTF-8"), ("0,0,0\nnan,1,1\n", "finite"), ("x,y,z\n", "at least 2 points")):
        with pytest.raises(ValueError, match=msg):
            parse_csv(bad)
    upload = {"name": "bad.csv", "type": "text/csv", "size": 5, "content": memoryview(b"1,2\n"),
              "last_modified": datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)}
    pg.view.csv_upload.value = (upload,)
    assert "csv line 1" in pg.message and "⚠" in pg.view.status.value and pg.view.csv_upload.value == ()
    good = dict(upload, content=memoryview(b"0,0,0\n1,1,1\n0,1,0\n1,0,1\n"))
    pg.view.csv_upload.value = (good,)
    assert len(pg.trainer.y) == 4 and "loaded 4 points" in pg.message


# --- export and import -------------------------------------------------------------------------------------
def test_json_round_trip_restores_exact_predictions(pg):
    pg.set(dataset="spiral", neurons=[5, 3, 4], activation="relu", features=["x1", "x2", "sin_x1"])
    pg.add_point(0.1, 0.2, 1)
    pg.step(6)
    text = pg.export_json()
    other = Playground(seed=9, dataset="xor")
    other.import_json(text)
    grid = pg.trainer.grid
    assert np.array_equal(pg.outputs(grid), other.outputs(grid))
    assert other.picture.value == pg.picture.value and other.summary() == pg.summary()
    assert other.controls["layers"].value == 3 and other.controls["sin_x1"].value and other.epoch == 30
    other.close()


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"])
def test_import_resumes_exactly(optimizer):
    straight, first = Playground(seed=2, optimizer=optimizer), Playground(seed=2, optimizer=optimizer)
    straight.step(3 + 4)
    first.step(3)
    resumed = Playground(seed=7, dataset="plane")
    resumed.import_json(first.export_json().encode("utf-8-sig"))  # saved with a byte-order mark
    resumed.step(4)
    assert all(np.array_equal(a, b) for a, b in zip(weights(straight), weights(resumed)))
    assert straight.trainer.history == resumed.trainer.history
    for p in (straight, first, resumed):
        p.close()


def test_export_import_buttons_and_bad_json(pg):
    pg.set(show_validation=False)
    pg.step(2)
    pg.view.export_button.click()
    assert json.loads(pg.view.json_text.value)["epoch"] == 10 and "download playground.json" in pg.view.download.value
    pg.controls["hidden"].value = 2
    pg.controls["show_validation"].value = True
    pg.view.import_button.click()
    assert pg.trainer.layer_sizes == [2, 8, 8, 2] and pg.epoch == 10 and pg.controls["hidden"].value == 8
    assert not pg.controls["show_validation"].value
    pg.view.json_text.value = "{not json"
    pg.view.import_button.click()
    assert "text is not valid JSON" in pg.message
    d = json.loads(pg.export_json())
    for change, msg in ((dict(format="x"), "not a playground export"), (dict(weights=[[[1.0]], [0.0]]), "weights"),
                        (dict(settings={"hidden": 99}), r"text\['settings'\]\['hidden'\] must be"),
                        (dict(labels=[9] * len(d["labels"])), "labels"), (dict(window=[0, 0, 0, 0]), "window"),
                        (dict(optimizer={"state": [[0, [1.0]]], "counters": {}}), "optimizer")):
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


# --- neurons and links ---------------------------------------------------------------------------------------
def centre(p, column, unit):
    g = geometry(p.trainer.layer_sizes)
    return {"dataX": g.xs[column] + g.node / 2, "dataY": g.ys[column][unit] + g.node / 2}


def test_hover_and_click_show_a_neuron_large(pg):
    output = pg.picture.value
    pg.view.actions.network_event({"type": "mousemove", **centre(pg, 2, 3)})
    assert pg.focus.hovered == (2, 3) and "NEURON: layer 2, neuron 4" in pg.view.output_title.value
    neuron = pg.picture.value
    assert neuron != output
    pg.view.actions.network_event({"type": "mouseleave"})
    assert pg.picture.value == output and "OUTPUT" in pg.view.output_title.value
    pg.view.actions.network_event({"type": "click", **centre(pg, 1, 0)})
    assert pg.focus.pinned == (1, 0) and pg.picture.value not in (output, neuron)
    pg.step(1)  # the pinned neuron stays shown while training
    assert "layer 1, neuron 1" in pg.view.output_title.value
    pg.view.actions.network_event({"type": "click", **centre(pg, 1, 0)})
    assert pg.focus.pinned is None and "OUTPUT" in pg.view.output_title.value
    pg.show_neuron(0, 1)
    assert "input x₂" in pg.view.output_title.value
    with pytest.raises(ValueError, match="no neuron"):
        pg.show_neuron(3, 0)  # the output column


def on_link(p, key):
    """A pixel on link `key` nearer to it than to any other link."""
    g, sizes = geometry(p.trainer.layer_sizes), p.trainer.layer_sizes
    (x0, y0, x1, y1), _ = next(item for item in links(g, sizes) if item[1] == key)
    for t in np.linspace(0.05, 0.95, 91):
        x, y = x0 + t * (x1 - x0), y0 + t * (y1 - y0)
        if link_at(g, sizes, x, y) == key:
            return {"dataX": x, "dataY": y}
    raise AssertionError(f"no pixel of {key} is nearest to it")


def test_clicking_a_link_shows_and_edits_its_weight(pg):
    pg.view.actions.network_event({"type": "click", **on_link(pg, (1, 2, 5))})
    W = pg.trainer.net.params[1][0]
    assert pg.focus.selected == (1, 2, 5) and not pg.view.weight_box.disabled
    assert pg.view.weight_box.value == float(f"{W[2, 5]:.3g}") != W[2, 5]  # a short display: 3 significant digits
    assert f"W2[2, 5] = {W[2, 5]:.3g}: from layer 1 neuron 3 to layer 2 neuron 6" in pg.view.weight_text.value
    picture, network = pg.picture.value, pg.view.network.value
    pg.view.weight_box.value = -4.0
    assert pg.trainer.net.params[1][0][2, 5] == -4.0 and "W2[2, 5] set to -4" in pg.message
    assert pg.picture.value != picture and pg.view.network.value != network
    pg.view.weight_box.value = float("inf")
    assert "weight must be a finite number" in pg.message and pg.trainer.net.params[1][0][2, 5] == -4.0
    pg.view.actions.network_event({"type": "click", **on_link(pg, (2, 3, 1))})  # into class 1's output
    assert pg.focus.selected == (2, 3, 1) and "to class 1's output" in html.unescape(pg.view.weight_text.value)
    pg.view.weight_box.value = 2.5
    assert pg.trainer.net.params[2][0][3, 1] == 2.5 and "W3[3, 1] set to 2.5" in pg.message
    pg.set(dataset="plane")
    pg.select_link(2, 0, 0)
    pg.set_weight((2, 0, 0), 1.5)
    assert pg.trainer.net.params[2][0][0, 0] == 1.5


def _edges(labels, reach):
    """Pixels within `reach` pixels (4-neighbour steps) of a change of label."""
    e = np.zeros(labels.shape, bool)
    e[:-1] |= labels[:-1] != labels[1:]
    e[1:] |= labels[:-1] != labels[1:]
    e[:, :-1] |= labels[:, :-1] != labels[:, 1:]
    e[:, 1:] |= labels[:, :-1] != labels[:, 1:]
    for _ in range(reach):
        g = e.copy()
        g[:-1] |= e[1:]
        g[1:] |= e[:-1]
        g[:, :-1] |= e[:, 1:]
        g[:, 1:] |= e[:, :-1]
        e = g
    return e


@pytest.mark.parametrize("dataset", ["circle", "xor", "gaussian", "spiral", "moons"])
def test_no_stray_boundary_pixels_on_any_frame(dataset):
    """The boundary line is darkened only near a change of the predicted class, on every frame of a long
    run: never inside a region where the network is sure (two class probabilities 0.5 or more apart).
    Saturated outputs (probability exactly 1 in float32, a flat margin) used to draw faint lines there."""
    t, stray = Trainer(dataset=dataset, seed=0), []
    for _ in range(40):
        t.train(25)
        p = t.grid_activations()[-1].reshape(RESOLUTION, RESOLUTION, -1).astype(np.float32)
        shaded = boundary_shade(p, SIZE) < 255
        up = upsample(p, SIZE)
        top = np.sort(up, axis=-1)
        sure = top[..., -1] - top[..., -2] > 0.5
        stray.append(int((shaded & sure & ~_edges(up.argmax(axis=-1), 3)).sum()))
    assert sum(stray) == 0, f"stray boundary pixels on frames of {dataset}: {stray}"


def test_biases_are_read_on_hover_and_edited(pg):
    g, sizes = geometry(pg.trainer.layer_sizes), pg.trainer.layer_sizes
    (x0, y0, x1, y1), key = next(item for item in biases(g, sizes) if item[1] == (0, None, 3))
    spot = {"dataX": (x0 + x1) / 2, "dataY": (y0 + y1) / 2}
    b = pg.trainer.net.params[0][1].reshape(-1)
    pg.view.actions.network_event({"type": "mousemove", **spot})  # hover: a readout, no selection
    assert f"b1[3] = {b[3]:.3g}: the bias of layer 1 neuron 4" in pg.view.weight_text.value
    assert pg.focus.selected is None
    pg.view.actions.network_event({"type": "mouseleave"})
    assert "hover a link or bias" in pg.view.weight_text.value
    network = pg.view.network.value
    pg.view.actions.network_event({"type": "click", **spot})
    assert pg.focus.selected == (0, None, 3) and pg.view.network.value != network  # highlighted
    pg.view.weight_box.value = -1.25
    assert pg.trainer.net.params[0][1].reshape(-1)[3] == -1.25 and "b1[3] set to -1.25" in pg.message
    pg.view.actions.network_event({"type": "mousemove", **on_link(pg, (0, 1, 2))})
    assert "W1[1, 2] = " in pg.view.weight_text.value
    with pytest.raises(ValueError, match="no link"):
        pg.select_link(0, None, 8)


def test_the_selected_link_keeps_its_colour(pg):
    """The selected link is drawn on a yellow halo in its own sign colour, not in black."""
    key = (0, 0, 0)
    (x0, y0, x1, y1), _ = next(item for item in links(geometry(pg.trainer.layer_sizes), pg.trainer.layer_sizes)
                               if item[1] == key)
    pg.set_weight(key, 3.0)  # a strong positive weight: blue
    pg.select_link(*key)
    pix = rgb(pg.view.network.value)
    mid = pix[int(round((y0 + y1) / 2)), int(round((x0 + x1) / 2))]
    assert mid[2] > mid[0] + 60, f"the selected link is not blue at its middle: {mid}"


def test_no_hidden_layer_is_the_linear_model(pg):
    pg.set(layers=0)
    assert pg.trainer.layer_sizes == [2, 2] and pg.trainer.settings["neurons"] == ()
    assert "hidden layers 0" in pg.message and pg.controls["hidden"].disabled
    pg.step(10)
    assert pg.epoch == 50 and np.isfinite(pg.metrics()["train_loss"])
    pg.select_link(0, 1, 1)
    pg.set(layers=1)
    assert pg.trainer.layer_sizes == [2, 8, 2]


def test_labels_are_plain_words(pg):
    pg.set(batch_size=0, features=["x1", "x1_sq"], train_ratio=0.3)
    assert pg.message == ("batch size full batch, features x₁, x₁², training share 0.3: new data, network reset "
                          "to epoch 0")
    assert pg.controls["classes"].layout.visibility == "hidden"
    pg.set(dataset="spiral")
    assert pg.controls["classes"].layout.visibility == "visible"
    pg.change_neurons(0, -1)
    assert not pg.controls["hidden"].readout and "mixed" in pg.controls["hidden"].description
    pg.change_neurons(1, -1)
    assert pg.controls["hidden"].readout and pg.controls["hidden"].value == 7
    for w in (*pg.buttons.values(), pg.view.clear_button, pg.view.csv_upload, pg.view.json_upload,
              pg.view.export_button, pg.view.import_button):
        assert w.tooltip, f"{w.description}: no tooltip"
    assert "loss" in pg.view.numbers.value and "accuracy" in pg.view.numbers.value
    assert "white-space:nowrap" in pg.view.output_title.value


def test_links_round_trip_and_name_what_they_ignore(monkeypatch):
    pg = Playground(seed=3, dataset="spiral", classes=4, noise=0.3, train_ratio=0.7, features=["x1", "sin_x2"],
                    neurons=[5, 3, 2], activation="relu", reg="L2", reg_rate=0.01, lr=0.03, batch_size=0,
                    optimizer="adam")
    query = pg.link()
    assert "share=0.7" in query and "batch=full" in query and "neurons=5,3,2" in query and query.endswith("play=0")
    given = Playground.from_link(query)
    assert given.trainer.settings == pg.trainer.settings and not given.view.address.value  # no page address to write
    given.close()
    monkeypatch.setenv("QUERY_STRING", query)  # as Voila gives the page's query to the kernel
    other = Playground.from_link()
    assert other.trainer.settings == pg.trainer.settings and not other.running
    assert np.array_equal(other.trainer.P, pg.trainer.P)
    assert other.view.address.value and query in html.unescape(other.view.address.value)
    other.set(lr=0.1)
    assert "lr=0.1&" in html.unescape(other.view.address.value)  # the address follows every change
    for o in (pg, other):
        o.close()
    lin = Playground.from_link("dataset=circle&neurons=none&play=1")
    assert lin.trainer.layer_sizes == [2, 2] and lin.running
    assert lin.link().endswith("play=1")
    lin.close()
    bad = Playground.from_link("dataset=circle&lr=99&neurons=3,x&colour=red&features=&seed=5")
    assert bad.trainer.settings["dataset"] == "circle" and bad.trainer.settings["seed"] == 5
    assert bad.trainer.settings["lr"] == SETTINGS["lr"].default and bad.trainer.settings["neurons"] == (8, 8)
    for part in ("lr=99", "neurons=3,x", "colour", "features="):
        assert part in bad.message, part
    assert "⚠" in bad.view.status.value
    bad.close()
    stale = Playground.from_link("x" * 3000)
    assert "the whole link" in stale.message and stale.trainer.settings["dataset"] == "moons"
    stale.close()
    with pytest.raises(TypeError, match="text must be a query string"):
        from_query(None)


def test_the_readmes_prepared_links_open_exactly():
    """README's "On a projector" has one prepared link per data set; none of their parts is ignored."""
    text = (PACKAGE.parents[1] / "README.md").read_text()
    section = text[text.index("### On a projector"):]
    section = section[:section.index("\n### ", 5)]
    found = re.findall(r"<http://localhost:8866/\?([^>]+)>", section)
    datasets = set()
    for query in found:
        changes, _, ignored = from_query(query)
        assert not ignored and query == to_query(resolve(DEFAULTS, changes), "play=1" in query), (query, ignored)
        datasets.add(changes["dataset"])
    assert datasets == set(DATASETS)


# --- display, speed, imports ---------------------------------------------------------------------------------
def test_mimebundle_has_stable_text_and_a_still_png(pg):
    bundle = pg._repr_mimebundle_()
    assert bundle["text/plain"] == repr(pg)
    assert "application/vnd.jupyter.widget-view+json" in bundle
    png = Image.open(io.BytesIO(pg.snapshot()))
    assert png.format == "PNG" and png.width > 800


def test_discretize_and_hidden_validation_points(pg):
    pg.step(5)
    shaded, layer = pg.picture.value, pg.view.overlay.value
    pg.controls["discretize"].value = True
    assert pg.picture.value != shaded and pg.epoch == 25
    pg.controls["show_validation"].value = False
    assert pg.view.overlay.value != layer and pg.epoch == 25


def test_measure_fps_is_live_enough(pg):
    fps = measure_fps(pg, frames=20)
    assert fps > 10, f"only {fps:.1f} frames per second"
    assert pg.epoch == 100
    with pytest.raises(ValueError):
        measure_fps(pg, frames=0)


def test_importing_nnlib_does_not_load_the_playground():
    code = "import sys, nnlib; print(any(m.startswith('nnlib.playground') or m == 'ipyevents' for m in sys.modules))"
    out = subprocess.run([sys.executable, "-W", "error", "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
