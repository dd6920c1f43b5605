"""The playground's settings table (plumbing, not lesson 8): every setting once, with its range.

SETTINGS maps a name to a Setting: its kind, default, on-screen label, range or options, and its
effect when it changes ("data": new data and a fresh network; "network": a fresh network; "live":
applies from the next epoch; "display": redraw only). The controls (nnlib.playground.view) are
built from this table alone, so a range changed here changes the widget too.

The hidden layers are `neurons`, one count per layer (TensorFlow Playground's +/- per layer; none at
all is the linear model); `layers` and `hidden` (neurons per layer) are shortcuts that rewrite `neurons`.
"""
import numbers
from dataclasses import dataclass

import numpy as np

from ..layers import ACTIVATIONS
from ..optim import OPTIMIZERS
from ..validation import on_steps

MAX_CLASSES = 6
MAX_LAYERS = 8
MAX_NEURONS = 8
CLASSIFICATION = ("circle", "xor", "gaussian", "spiral", "moons", "custom")
REGRESSION = ("plane", "multi_gaussian")  # TensorFlow Playground's two regression problems
DATASETS = CLASSIFICATION + REGRESSION
MULTICLASS = ("gaussian", "spiral")  # the data sets with a class-count setting
BATCH_SIZES = (1, 2, 5, 10, 20, 50, 100, 0)  # 0 = the full training set in one batch
MARKS = ("blue ●", "orange ■", "green ▲", "pink ◆", "sky blue ▼", "vermillion ⬟")  # pictures' colours/markers
CLICK_CHOICES = (("nothing", -1), *((f"class {k} ({m})", k) for k, m in enumerate(MARKS)),
                 ("erase nearest point", -2))
FEATURE_NAMES = ("x1", "x2", "x1_sq", "x2_sq", "x1x2", "sin_x1", "sin_x2")
FEATURE_LABELS = dict(zip(FEATURE_NAMES, ("x₁", "x₂", "x₁²", "x₂²", "x₁·x₂", "sin x₁", "sin x₂")))


@dataclass(frozen=True)
class Setting:
    """One setting. kind: "int", "float", "log" (a float on a log scale), "choice", "bool",
    "features" (a subset of FEATURE_NAMES) or "neurons" (one int per hidden layer)."""
    kind: str
    default: object
    label: str
    low: float = None
    high: float = None
    step: float = 1
    options: tuple = ()
    effect: str = "data"
    labels: tuple = ()  # choice: what the control shows for each option (default: the option itself)


SETTINGS = {
    "dataset": Setting("choice", "moons", "data set", options=DATASETS),
    "classes": Setting("int", 2, "classes", 2, MAX_CLASSES),
    "points": Setting("int", 200, "points", 20, 1000, step=10),
    "noise": Setting("float", 0.2, "noise", 0.0, 1.5, step=0.05),
    "train_ratio": Setting("float", 0.5, "training share", 0.1, 0.9, step=0.05),
    "seed": Setting("int", 0, "seed", 0, 99999),
    "features": Setting("features", ("x1", "x2"), "features", options=FEATURE_NAMES, effect="network"),
    "layers": Setting("int", 2, "hidden layers", 0, MAX_LAYERS, effect="network"),
    "hidden": Setting("int", 8, "neurons per layer", 1, MAX_NEURONS, effect="network"),
    "neurons": Setting("neurons", (8, 8), "neurons", 1, MAX_NEURONS, effect="network"),
    "activation": Setting("choice", "tanh", "activation", options=tuple(ACTIVATIONS), effect="network",
                          labels=tuple(a.replace("_", " ") for a in ACTIVATIONS)),
    "lr": Setting("log", 0.1, "learning rate", 1e-4, 10.0, effect="live"),
    "reg": Setting("choice", "none", "regularisation", options=("none", "L1", "L2"), effect="live"),
    "reg_rate": Setting("log", 0.001, "reg. rate", 1e-4, 10.0, effect="live"),
    "batch_size": Setting("choice", 10, "batch size", options=BATCH_SIZES, effect="live",
                          labels=tuple("full" if b == 0 else str(b) for b in BATCH_SIZES)),
    "optimizer": Setting("choice", "sgd", "optimizer", options=tuple(OPTIMIZERS), effect="live"),
    "epochs_per_frame": Setting("int", 5, "epochs per frame", 1, 100, effect="live"),
    "show_validation": Setting("bool", True, "show validation points", effect="display"),
    "discretize": Setting("bool", False, "discretize output", effect="display"),
    "click": Setting("choice", -1, "click adds", options=tuple(v for _, v in CLICK_CHOICES), effect="display",
                     labels=tuple(label for label, _ in CLICK_CHOICES)),
}
DEFAULTS = {name: s.default for name, s in SETTINGS.items()}
DISPLAY = tuple(name for name, s in SETTINGS.items() if s.effect == "display")


def _fail(label, what, value):
    raise ValueError(f"{label} must be {what}, got {value!r:.60}")


def _integer(value, low, high, label):
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Integral) or not low <= value <= high:
        _fail(label, f"an integer from {low} to {high}", value)
    return int(value)


def _number(value, low, high, label):
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real) or not low <= value <= high:
        _fail(label, f"a number from {low} to {high}", value)
    return float(value)


def _on_steps(value, spec, label):
    """A slider's value is low + k * step (validate.on_steps): its control could show no other."""
    if not on_steps(value, spec.low, spec.step):
        _fail(label, f"{spec.low:g} plus a multiple of {spec.step:g} (the slider's steps) up to {spec.high:g}", value)
    return value


def _choice(value, options, label):
    kinds = {type(o) for o in options}
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (str, numbers.Integral)):
        _fail(label, f"one of {list(options)}", value)
    if (int in kinds) != isinstance(value, numbers.Integral) or value not in options:
        _fail(label, f"one of {list(options)}", value)
    return int(value) if isinstance(value, numbers.Integral) else value


def _features(value, label):
    names = [value] if isinstance(value, str) else value
    if not isinstance(names, (list, tuple)) or not all(isinstance(f, str) for f in names):
        _fail(label, f"a list of feature names from {list(FEATURE_NAMES)}", value)
    bad = [f for f in names if f not in FEATURE_NAMES]
    if bad:
        _fail(label, f"names from {list(FEATURE_NAMES)}", bad)
    if not names:
        _fail(label, "at least one feature", value)
    return tuple(f for f in FEATURE_NAMES if f in names)


def _neurons(value, spec, label):
    if not isinstance(value, (list, tuple)) or not len(value) <= MAX_LAYERS:
        _fail(label, f"a list of 0 to {MAX_LAYERS} neuron counts, one per hidden layer", value)
    return tuple(_integer(v, spec.low, spec.high, f"{label}[{i}]") for i, v in enumerate(value))


def check_setting(name, value, prefix=""):
    """The value of setting `name`, checked against SETTINGS (and converted: ints, floats, tuples);
    ValueError naming the setting, what is allowed and the value otherwise."""
    if not isinstance(name, str) or name not in SETTINGS:
        raise ValueError(f"unknown setting {prefix}{name!r:.40}; choose from {list(SETTINGS)}")
    spec, label = SETTINGS[name], f"{prefix}[{name!r}]" if prefix else name
    if spec.kind == "int":
        return _on_steps(_integer(value, spec.low, spec.high, label), spec, label)
    if spec.kind == "float":
        return _on_steps(_number(value, spec.low, spec.high, label), spec, label)
    if spec.kind == "log":
        return _number(value, spec.low, spec.high, label)
    if spec.kind == "bool":
        if not isinstance(value, (bool, np.bool_)):
            _fail(label, "True or False", value)
        return bool(value)
    if spec.kind == "features":
        return _features(value, label)
    if spec.kind == "neurons":
        return _neurons(value, spec, label)
    return _choice(value, spec.options, label)


def resolve(current, changes, prefix=""):
    """The settings after `changes` (checked), with layers/hidden/neurons kept consistent:
    `neurons` sets both; `hidden` sets every layer; `layers` keeps the first layers' counts and
    gives new ones `hidden` neurons. A new data set brings its usual class count."""
    checked = {k: check_setting(k, v, prefix) for k, v in changes.items()}
    new = {**current, **checked}
    if "neurons" in checked:
        if "layers" in checked and checked["layers"] != len(checked["neurons"]):
            raise ValueError(f"layers={checked['layers']} does not match neurons={list(checked['neurons'])}")
        new["layers"] = len(new["neurons"])
        if len(set(new["neurons"])) == 1:  # the "neurons per layer" slider shows the one count
            new["hidden"] = new["neurons"][0]
    elif "hidden" in checked:
        new["neurons"] = (new["hidden"],) * new["layers"]
    elif "layers" in checked:
        old = tuple(current["neurons"])
        new["neurons"] = old[:new["layers"]] + (new["hidden"],) * max(0, new["layers"] - len(old))
    if "dataset" in checked and "classes" not in checked:
        new["classes"] = 3 if new["dataset"] == "spiral" else 2
    return new


def shown(name, value):
    """A setting's value as a learner reads it (no code names): "full batch", "x₁, x₂²", "4, 2"."""
    if name == "batch_size":
        return "full batch" if value == 0 else str(value)
    if name == "features":
        return ", ".join(FEATURE_LABELS.get(f, f) for f in value)
    if name == "neurons":
        return ", ".join(map(str, value)) or "none (a linear model)"
    if name == "click":
        return dict((v, k) for k, v in CLICK_CHOICES).get(value, str(value))
    if isinstance(value, bool):
        return "on" if value else "off"
    return f"{value:.3g}" if isinstance(value, float) else str(value).replace("_", " ")


def describe(changes):
    """Changed settings as a learner reads them: "training share 0.3, features x₁², x₂²"."""
    return ", ".join(f"{SETTINGS[k].label} {shown(k, v)}" if k in SETTINGS else f"{k} {v}" for k, v in changes.items())


def model_settings(settings):
    """The settings without the display-only ones (what a Trainer keeps)."""
    return {k: v for k, v in settings.items() if k not in DISPLAY}


def is_regression(settings):
    """True for the regression data sets (a linear output and squared error)."""
    return settings["dataset"] in REGRESSION


def check_count(value, name="frames"):
    """An integer >= 1 (numpy integers too); ValueError naming it otherwise."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Integral) or value < 1:
        raise ValueError(f"{name} must be an integer >= 1, got {value!r:.40}")
    return int(value)


def check_number(value, name):
    """A finite real number as a float; ValueError naming it otherwise."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real) or not np.isfinite(value):
        raise ValueError(f"{name} must be a finite number, got {value!r:.40}")
    return float(value)
