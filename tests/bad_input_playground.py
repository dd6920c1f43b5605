"""Bad-input rows for the playground app (see bad_input_row.Row).

Every setting gets one route row through pg.set and one through the constructor (its bad values, of
its kind, are check_setting's table in bad_input_checkers); then steps, points, neurons and links, CSV
and JSON files. A call that must
fail runs on one shared playground and must leave it exactly as it was (its JSON export is compared).
Through the widgets (nnlib.playground.actions) the same errors become a status-line message, never an
exception. Then extreme inputs that must be handled (huge coordinates draw quickly) and legitimate ones
that must work (numpy scalars, a byte-order mark, ...).
"""
import json
import time

import numpy as np
from bad_input_checkers import setting_values
from support.bad_input_row import Row

from nnlib.playground import SETTINGS, Playground

ROWS = []
NAN, INF = float("nan"), float("inf")
SHARED = []


def shared():
    """One playground for the failing calls (built on first use, trained 2 frames)."""
    if not SHARED:
        SHARED.append(Playground(seed=0))
        SHARED[0].step(2)
    return SHARED[0]


def unchanged(fn):
    """A call of fn(pg) on the shared playground that must leave its whole state as it was."""
    def call():
        pg = shared()
        before = pg.export_json()
        try:
            return fn(pg)
        finally:
            assert pg.export_json() == before, "a failed call changed the playground"
    return call


def bad(id, fn, exc, *words, route=False):
    ROWS.append(Row(f"playground {id}", unchanged(fn), exc, tuple(words), route=route))


def shown(id, fn, *words):
    """Through the widgets: no exception; the status line warns with `words`; the state is kept."""
    def check(message):
        return "⚠" in shared().view.status.value and all(w in message for w in words)

    def call(pg):
        fn(pg)
        return pg.message
    ROWS.append(Row(f"playground widget {id}", unchanged(call), check=check))


def handled(id, call, check=None):
    ROWS.append(Row(f"playground {id}", call, check=check))


def legit(id, call, check=None):
    ROWS.append(Row(f"playground {id}", call, check=check, legit=True))


# --- every setting: one route row through pg.set and one through the constructor ------------------------------
# (every bad value of each setting's kind is in check_setting's table, bad_input_checkers.setting_values)
for _name, _spec in SETTINGS.items():
    _first = setting_values(_name, _spec)[0]
    bad(f"set {_name}={_first!r}", lambda pg, n=_name, v=_first: pg.set(**{n: v}), ValueError, _name, route=True)
    ROWS.append(Row(f"playground Playground({_name}={_first!r})", lambda n=_name, v=_first: Playground(**{n: v}),
                    ValueError, (_name,), route=True))
bad("unknown setting", lambda pg: pg.set(colour="red"), ValueError, "unknown setting 'colour'")
bad("setting named 3", lambda pg: pg.set(**{"3": 1}), ValueError, "unknown setting")
bad("neurons against layers", lambda pg: pg.set(neurons=[3, 3], layers=3), ValueError, "layers=3", "neurons")
bad("two settings, one bad", lambda pg: pg.set(lr=0.5, hidden=0), ValueError, "hidden")
bad("noise between the slider's steps", lambda pg: pg.set(noise=0.13), ValueError, "noise", "multiple of 0.05", "0.13")
bad("points between the slider's steps", lambda pg: pg.set(points=205), ValueError, "points", "multiple of 10", "205")
bad("batch_size 10.0", lambda pg: pg.set(batch_size=10.0), ValueError, "batch_size", "10.0")
bad("click 99", lambda pg: pg.set(click=99), ValueError, "click", "99")
bad("show_validation 'no'", lambda pg: pg.set(show_validation="no"), ValueError, "show_validation", "'no'")

# --- steps, neurons, links ----------------------------------------------------------------------------------
bad("step(0)", lambda pg: pg.step(0), ValueError, "frames", "must be an integer >= 1", route=True)
for _layer, _delta, _word in ((5, 1, "layer"), (-1, 1, "layer"), ("0", 1, "layer"), (0, 2, "delta"),
                              (0, 0.5, "delta"), (0, 1, "neurons[0]")):
    bad(f"change_neurons({_layer!r}, {_delta!r})", lambda pg, a=_layer, d=_delta: pg.change_neurons(a, d), ValueError,
        _word)
for _args in ((3, 0), (0, 7), (-1, 0), (1.0, 0), ("1", 0), (1, None)):
    bad(f"show_neuron{_args!r}", lambda pg, a=_args: pg.show_neuron(*a), ValueError, "no neuron")
for _args in ((3, 0, 0), (0, 2, 0), (0, 0, 8), (1, 0, -1), (1.0, 0, 0), (0, 0, None)):
    bad(f"select_link{_args!r}", lambda pg, a=_args: pg.select_link(*a), ValueError, "no link")
for _key, _value, _word in ((None, 1.0, "select a link"), ((2, 0, None), 1.0, "select a link"),
                            ((0, 0, 0), NAN, "weight must be a finite number"), ((0, 0, 0), "1", "weight"),
                            ((0, 0, 0), INF, "weight"), ((5, 0, 0), 1.0, "no link")):
    bad(f"set_weight({_key!r}, {_value!r})", lambda pg, k=_key, v=_value: pg.set_weight(k, v), ValueError, _word)

# --- points -------------------------------------------------------------------------------------------------
for _x1, _x2, _label, _word in ((NAN, 0.0, 0, "x1"), (0.0, INF, 0, "x2"), ("a", 0.0, 0, "x1"), (None, 0.0, 0, "x1"),
                                (0.0, 0.0, 7, "label"), (0.0, 0.0, -1, "label"), (0.0, 0.0, 1.5, "label"),
                                (0.0, 0.0, True, "label"), (0.0, 0.0, None, "label"), (0.0, 0.0, "1", "label"),
                                (1e13, 0.0, 0, "within")):
    bad(f"add_point({_x1!r}, {_x2!r}, {_label!r})", lambda pg, a=(_x1, _x2, _label): pg.add_point(*a), ValueError,
        _word)
for _x1, _x2 in ((NAN, NAN), (INF, 0.0), ("x", 0.0), (None, None)):
    bad(f"remove_point({_x1!r}, {_x2!r})", lambda pg, a=(_x1, _x2): pg.remove_point(*a), ValueError,
        "must be a finite number")

# --- CSV ----------------------------------------------------------------------------------------------------
CSV = (("overflowing coordinates", "1.7e308,0,0\n-1.7e308,0,1\n0,0,1", "line 1", "within"),
       ("label 1e400", "0,0,1e400\n1,1,0\n", "line 1", "label must be an integer class"),
       ("malformed first line", "1,,0\n0,0,1\n1,1,0\n", "line 1", "x1 and x2 must be numbers"),
       ("two columns", "1,2\n3,4\n", "line 1", "expected 3 columns"), ("four columns", "1,2,0,5\n", "expected 3"),
       ("text label", "0,0,0\n1,1,blue\n", "line 2", "label"), ("label 9", "0,0,0\n1,1,9\n", "0..5"),
       ("label 0.5", "0,0,0\n1,1,0.5\n", "label"), ("label -1", "0,0,0\n1,1,-1\n", "label"),
       ("nan coordinate", "0,0,0\nnan,1,1\n", "finite"), ("inf coordinate", "0,0,0\n1,inf,1\n", "finite"),
       ("one class", "0,0,1\n1,1,1\n", "at least 2 classes"), ("one point", "0,0,1\n", "at least 2 points"),
       ("header only", "x1,x2,label\n", "at least 2 points"), ("empty", "", "at least 2 points"),
       ("two headers", "x1,x2,label\nx,y,z\n0,0,0\n", "line 2"), ("not UTF-8", b"\xff\xfe\x00", "UTF-8"),
       ("a number", 5, "text"), ("None", None, "text"), ("too many points", "0,0,0\n1,1,1\n" * 2501, "at most 5000"))
for _id, _text, *_words in CSV:
    bad(f"load_csv {_id}", lambda pg, t=_text: pg.load_csv(t), ValueError, *_words)
for _id, _text, *_words in CSV[:6]:
    shown(f"csv {_id}", lambda pg, t=_text: pg.view.actions.csv(t), *_words)

# --- JSON ---------------------------------------------------------------------------------------------------
def export(**change):
    d = json.loads(shared().export_json())
    d.update(change)
    return json.dumps(d)


JSON = (("deep nesting", lambda: "[" * 10**5, "nested too deeply"), ("not JSON", lambda: "{not json", "valid JSON"),
        ("null", lambda: "null", "not a playground export"), ("a list", lambda: "[]", "not a playground export"),
        ("an int", lambda: 5, "text"), ("not UTF-8", lambda: b"\xff\xfe", "UTF-8"),
        ("huge int", lambda: "1" * 5000, "valid JSON"),
        ("other format", lambda: export(format="x"), "not a playground export"),
        ("no weights", lambda: json.dumps({k: v for k, v in json.loads(export()).items() if k != "weights"}),
         "lacks", "weights"),
        ("bad setting", lambda: export(settings={"hidden": 99}), "['hidden']"),
        ("weights of another net", lambda: export(weights=[[[[1.0]], [0.0]]]), "weights"),
        ("NaN weight", lambda: export().replace('"weights": [[[[', '"weights": [[[[NaN, '), "weights"),
        ("window of zeros", lambda: export(window=[0, 0, 0, 0]), "window"),
        ("window 1e308", lambda: export(window=[0, 1e308, 0, 1]), "window"),
        ("epoch -1", lambda: export(epoch=-1), "epoch"), ("epoch 'x'", lambda: export(epoch="x"), "epoch"),
        ("labels 9", lambda: export(labels=[9] * 200), "labels"), ("labels 0.5", lambda: export(labels=[0.5] * 200),
                                                                   "labels"),
        ("points NaN", lambda: export(points=[[NAN, 0.0]] * 200), "points"),
        ("points 3 columns", lambda: export(points=[[0.0, 0.0, 0.0]] * 200), "points"),
        ("mask too short", lambda: export(validation=[True]), "validation"),
        ("mask of ints", lambda: export(validation=[1] * 200), "validation"),
        ("optimizer state of another net", lambda: export(optimizer={"state": [[0, [1.0]]], "counters": {}}),
         "optimizer"),
        ("optimizer state not a dict", lambda: export(optimizer=[1, 2]), "optimizer"))
for _id, _make, *_words in JSON:
    bad(f"import_json {_id}", lambda pg, m=_make: pg.import_json(m()), ValueError, *_words)
for _id, _make, *_words in JSON[:6]:
    shown(f"json {_id}", lambda pg, m=_make: pg.view.actions.json(m()), *_words)

# --- widgets: any error reaches the status line ---------------------------------------------------------------
shown("setting lr -1", lambda pg: pg.view.actions.setting("lr", -1), "lr must be")
shown("last feature off", lambda pg: pg.view.actions.setting("features", []), "at least one feature")
def click_at_text(pg):
    pg.set(click=0)
    try:
        pg.view.actions.picture_click({"type": "click", "dataX": "left", "dataY": 3})
        return pg.message
    finally:
        pg.set(click=-1)


ROWS.append(Row("playground widget click with a text position", unchanged(click_at_text),
                check=lambda message: "could not convert string to float" in message))
shown("weight without a link", lambda pg: pg.view.actions.weight(1.0), "select a link")
shown("neurons of layer 7", lambda pg: pg.view.actions.neurons(7, 1), "layer must be a hidden layer")
shown("network event without a position",
      lambda pg: pg.view.actions.network_event({"type": "click", "dataX": None, "dataY": 1}), "float")

# --- extreme inputs that must be handled ------------------------------------------------------------------------
def loads_and_draws(text, seconds=5.0):
    def call():
        pg = Playground(seed=0, points=40)
        start = time.perf_counter()
        try:
            pg.load_csv(text)
            pg.step(1)
            return time.perf_counter() - start, pg.trainer.window
        finally:
            pg.close()
    return call


handled("1e5 coordinates draw quickly", loads_and_draws("1e5,0,0\n-1e5,0,1\n0,3e4,1\n"), lambda r: r[0] < 5)
handled("1e11 coordinates draw quickly", loads_and_draws("1e11,0,0\n-1e11,1,1\n0,3e10,1\n"), lambda r: r[0] < 5)
handled("tiny coordinates", loads_and_draws("1e-9,0,0\n-1e-9,0,1\n0,1e-9,1\n"), lambda r: r[1][1] - r[1][0] >= 2)


def window_import():
    d = json.loads(export(window=[-1e7, 1e7, -1e7, 1e7]))
    pg = Playground(seed=0, points=40)
    try:
        start = time.perf_counter()
        pg.import_json(d)
        pg.step(1)
        return time.perf_counter() - start
    finally:
        pg.close()


handled("imported window of ±1e7 draws quickly", window_import, lambda seconds: seconds < 5)
def fresh(fn):
    pg = Playground(seed=0, points=40)
    try:
        return fn(pg)
    finally:
        pg.close()


def diverge(pg):
    pg.set(lr=10.0)
    pg.step(40)
    return pg.message


def one_class_left(pg):
    pg.load_csv("0,0,0\n1,1,1\n")
    pg.remove_point(1, 1)
    pg.step(1)
    return pg.epoch, pg.message


handled("lr 10 diverges and says so", lambda: fresh(diverge),
        lambda m: "diverged at epoch" in m and "lower the learning rate" in m)
handled("custom set with one class left", lambda: fresh(one_class_left),
        lambda r: r[0] == 0 and "at least two classes" in r[1])


# --- legitimate inputs that must work ------------------------------------------------------------------------------
def after(*steps, then):
    """Run the steps (functions of a fresh playground) one after another; return then(pg)."""
    def call():
        def run(pg):
            for step in steps:
                step(pg)
            return then(pg)
        return fresh(run)
    return call


def epoch(pg):
    return pg.epoch


def sizes(pg):
    return pg.trainer.layer_sizes


legit("step(np.int64(2))", after(lambda pg: pg.step(np.int64(2)), then=epoch), lambda e: e == 10)
legit("add_point with np.int64 label", after(lambda pg: pg.add_point(0.1, 0.2, np.int64(1)),
                                             then=lambda pg: pg.trainer.y[-1]), lambda label: label == 1)
legit("add_point with np.float32 coordinates", after(lambda pg: pg.add_point(np.float32(0.5), np.float64(0.2), 0),
                                                     then=lambda pg: len(pg.trainer.y)), lambda n: n == 41)
legit("JSON export with a BOM (bytes)", after(lambda pg: pg.import_json(b"\xef\xbb\xbf" + export().encode()),
                                              then=epoch), lambda e: e == 10)
legit("JSON export with a BOM (text)", after(lambda pg: pg.import_json("\ufeff" + export()), then=epoch),
      lambda e: e == 10)
legit("JSON export as a dict", after(lambda pg: pg.import_json(json.loads(export())), then=epoch), lambda e: e == 10)
legit("CSV with a BOM, a header and semicolons",
      after(lambda pg: pg.load_csv(b"\xef\xbb\xbfx1;x2;label\n0;0;0\n1;1;1\n"), then=lambda pg: len(pg.trainer.y)),
      lambda n: n == 2)
legit("np.float32 lr, np.int64 hidden, np.bool_ display",
      after(lambda pg: pg.set(lr=np.float32(0.5), hidden=np.int64(3), show_validation=np.bool_(False)), then=sizes),
      lambda s: s == [2, 3, 3, 2])
legit("features and neurons as tuples", after(lambda pg: pg.set(features=("x1_sq", "x2_sq"), neurons=(1,)),
                                              then=sizes), lambda s: s == [2, 1, 2])
legit("batch size 1", after(lambda pg: pg.set(batch_size=1), lambda pg: pg.step(1), then=epoch), lambda e: e == 5)
legit("batch size larger than the training set", after(lambda pg: pg.set(batch_size=100), lambda pg: pg.step(1),
                                                       then=epoch), lambda e: e == 5)
legit("eight layers of one neuron", after(lambda pg: pg.set(neurons=[1] * 8), lambda pg: pg.step(1), then=sizes),
      lambda s: s == [2] + [1] * 8 + [2])
legit("regression data sets train", after(lambda pg: pg.set(dataset="multi_gaussian"), lambda pg: pg.step(2),
                                          then=lambda pg: pg.metrics()["train_loss"]), lambda v: 0 <= v < 1)
