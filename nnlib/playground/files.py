"""The playground's file formats (plumbing, not lesson 8): points from CSV, the whole state as JSON.

A CSV file holds one point per line, `x1,x2,label` (`;` works too, a header line is allowed),
label an integer class 0, 1, 2, ... An export (to_dict) holds the settings, points, weights,
history, the batch order's random state and the optimizer's state, so from_dict resumes exactly:
exporting at step n, importing and stepping m more gives the weights of n + m steps straight.
Every reader raises ValueError naming what is wrong and builds nothing half-way.
"""
import io
import json
import numbers

import numpy as np

from .settings import DEFAULTS, MAX_CLASSES, is_regression, resolve
from .training import MAX_COORD, Trainer, check_points

MAX_CSV_POINTS = 5000  # a CSV file's points, and an export's
MAX_COUNT = 2**53  # epochs and step counters: the counts a float (a JSON reader, a plot's axis) holds exactly
FORMAT = "nnlib-playground"
VERSION = 2
PARTS = ("settings", "points", "labels", "validation", "window", "weights", "epoch")


def _text(data, name):
    """str from str or bytes (UTF-8, with or without a byte-order mark)."""
    if isinstance(data, (bytes, bytearray, memoryview)):
        try:
            return bytes(data).decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValueError(f"{name} must be UTF-8 text") from None
    if not isinstance(data, str):
        raise ValueError(f"{name} must be text, got {type(data).__name__}")
    return data.removeprefix("\ufeff")


def _number(cell):
    try:
        return float(cell)
    except ValueError:
        return None


def _csv_row(cells, number, name):
    """(x1, x2, label) of one CSV line, or ValueError naming the line."""
    x1, x2, label = (_number(c) for c in cells)
    if x1 is None or x2 is None:
        raise ValueError(f"{name} line {number}: x1 and x2 must be numbers, got {','.join(cells)[:40]!r}")
    if not (np.isfinite(x1) and np.isfinite(x2) and abs(x1) <= MAX_COORD and abs(x2) <= MAX_COORD):
        raise ValueError(f"{name} line {number}: x1 and x2 must be finite numbers within ±{MAX_COORD:.0e}, "
                         f"got {','.join(cells[:2])[:40]!r}")
    if label is None or not np.isfinite(label) or label != round(label) or not 0 <= label < MAX_CLASSES:
        raise ValueError(f"{name} line {number}: label must be an integer class 0..{MAX_CLASSES - 1}, "
                         f"got {cells[2][:20]!r}")
    return x1, x2, int(label)


def parse_csv(data, name="csv"):
    """Points from CSV text or bytes with columns x1,x2,label: P float (n, 2), y int (n,).

    Only a first line none of whose cells is a number counts as a header ("x1,x2,label")."""
    rows, seen = [], False
    for number, line in enumerate(io.StringIO(_text(data, name)), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.replace(";", ",").split(",")]
        if len(cells) != 3:
            raise ValueError(f"{name} line {number}: expected 3 columns x1,x2,label, got {len(cells)}: {line[:40]!r}")
        header, seen = not seen and all(_number(c) is None for c in cells), True
        if not header:
            rows.append(_csv_row(cells, number, name))
        if len(rows) > MAX_CSV_POINTS:
            raise ValueError(f"{name} may hold at most {MAX_CSV_POINTS} points")
    if len(rows) < 2:
        raise ValueError(f"{name} must hold at least 2 points (lines x1,x2,label), got {len(rows)}")
    y = np.array([r[2] for r in rows], dtype=int)
    if np.unique(y).size < 2:
        raise ValueError(f"{name} must hold points of at least 2 classes, got only class {y[0]}")
    return np.array([r[:2] for r in rows], dtype=float), y


# --- export -----------------------------------------------------------------------------------------
def _jsonable(key):
    return list(key) if isinstance(key, tuple) else key


def optimizer_state(opt):
    """The optimizer's state as JSON-ready lists: its arrays (opt.state) and its counters (Adam's t)."""
    counters = {name: [[_jsonable(k), v] for k, v in value.items()]
                for name, value in vars(opt).items() if name != "state" and isinstance(value, dict)}
    return {"state": [[_jsonable(k), a.tolist()] for k, a in opt.state.items()], "counters": counters}


def to_dict(t, display=None):
    """Everything needed to resume a Trainer exactly (and the `display` settings), as JSON-ready values."""
    settings = {**t.settings, **(display or {})}
    return {"format": FORMAT, "version": VERSION,
            "settings": {k: list(v) if isinstance(v, tuple) else v for k, v in settings.items()},
            "points": t.P.tolist(), "labels": t.y.tolist(), "validation": t.val.tolist(),
            "window": list(t.window), "layer_sizes": t.layer_sizes,
            "weights": [[W.tolist(), b.tolist()] for W, b in t.net.params],
            "epoch": t.epoch, "history": t.history, "losses": list(t.losses), "diverged": t.diverged,
            "rng": t.rng.bit_generator.state, "optimizer": optimizer_state(t.opt)}


def export_json(t, display=None):
    return json.dumps(to_dict(t, display))


# --- import -----------------------------------------------------------------------------------------
def loads(data, name="text"):
    """A dict from JSON text or bytes (a byte-order mark is fine); ValueError if it is not JSON."""
    if isinstance(data, dict):
        return data
    text = _text(data, name)
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError(f"{name} is not a playground export: nested too deeply") from None
    except ValueError as e:
        raise ValueError(f"{name} is not valid JSON: {e}") from None


def _key(k):
    return tuple(k) if isinstance(k, list) else k


def _count(v, what):
    """An optimizer's step counter (Adam's t): a JSON integer 0..MAX_COUNT."""
    if isinstance(v, bool) or not isinstance(v, int) or not 0 <= v <= MAX_COUNT:
        raise ValueError(f"counter {what} must be an integer 0..{MAX_COUNT}, got {v!r:.40}")
    return v


# Each optimizer's state entries: keyed by parameter index i, or by (name, i); which must be >= 0
STATE_KEYS = {"sgd": (), "momentum": (None,), "nesterov": (None,), "adagrad": (None,), "rmsprop": (None,),
              "adam": ("m", "v")}
NONNEGATIVE = {("adagrad", None), ("rmsprop", None), ("adam", "v")}  # sums of squares: a negative one gives NaN


def _check_entry(k, a, arrays, optimizer):
    """ValueError unless state entry k (value a) is one `optimizer` keeps for one of these arrays."""
    part, index = k if isinstance(k, tuple) and len(k) == 2 else (None, k)
    if (part not in STATE_KEYS[optimizer] or isinstance(index, bool) or not isinstance(index, int)
            or not 0 <= index < len(arrays)):
        raise ValueError(f"entry {k!r:.40} is not one the {optimizer} optimizer keeps")
    if a.shape != arrays[index].shape or not np.isfinite(a).all():
        raise ValueError(f"entry {k} does not fit")
    if (optimizer, part) in NONNEGATIVE and (a < 0).any():
        raise ValueError(f"entry {k} (a running sum of squared gradients) must be >= 0")


def _restore_optimizer(t, d, name):
    """Put the exported optimizer state into t.opt (shapes checked against the weights)."""
    state = d.get("optimizer")
    if state is None:
        return
    arrays = [a for pair in t.net.params for a in pair]
    try:
        loaded = {_key(k): np.array(v, dtype=float) for k, v in state["state"]}
        for k, a in loaded.items():
            _check_entry(k, a, arrays, t.settings["optimizer"])
        counters = {n: {_key(k): _count(v, f"{n}[{k!r}]") for k, v in pairs} for n, pairs in state["counters"].items()}
    except (TypeError, ValueError, KeyError, IndexError, AttributeError) as e:
        raise ValueError(f"{name}['optimizer'] is not this network's optimizer state: {e}") from None
    t.opt.state = loaded
    for n, value in counters.items():
        if isinstance(getattr(t.opt, n, None), dict):
            setattr(t.opt, n, value)


def _is_number_list(v):
    """A list of JSON numbers (or None) that floats hold (an int of 400 digits is not one)."""
    return isinstance(v, list) and all(x is None or isinstance(x, float) or isinstance(x, int)
                                       and not isinstance(x, bool) and abs(x) <= MAX_COUNT for x in v)


def _finite(values):
    """Whether a list of numbers (None, huge ints: no) holds finite floats only."""
    try:
        return bool(np.isfinite(np.array(values, dtype=float)).all())
    except (TypeError, ValueError, OverflowError):
        return False


def _restore_run(t, d, name):
    """Epoch, history, losses and divergence of an export (a damaged history is rebuilt)."""
    t.epoch = int(d["epoch"])
    h = d.get("history")
    if (isinstance(h, dict) and all(_is_number_list(h.get(k)) for k in t.history)
            and len({len(h[k]) for k in t.history}) == 1 and h["epoch"]):
        t.history = {k: list(h[k]) for k in t.history}
    losses = d.get("losses")  # what divergence is judged from: kept only if whole (else judged afresh)
    t.losses = list(losses) if _is_number_list(losses) and _finite(losses) else []
    t.diverged = d["diverged"] if isinstance(d.get("diverged"), str) else ""


def _check_epoch(epoch, name):
    if isinstance(epoch, bool) or not isinstance(epoch, numbers.Integral) or not 0 <= epoch <= MAX_COUNT:
        raise ValueError(f"{name}['epoch'] must be an integer 0..{MAX_COUNT}, got {epoch!r:.40}")


def _restore_rng(t, d, name):
    """The batch order's random state (PCG64); without one the batch order starts afresh from the seed."""
    if "rng" not in d:
        return
    rng, kind = d["rng"], type(t.rng.bit_generator).__name__
    try:
        state = rng["state"]
        numbers_ = (state["state"], state["inc"], rng["has_uint32"], rng["uinteger"])
        if (rng["bit_generator"] != kind or any(isinstance(v, bool) or not isinstance(v, int) for v in numbers_)
                or not (0 <= state["state"] < 2**128 and 0 <= state["inc"] < 2**128 and rng["has_uint32"] in (0, 1)
                        and 0 <= rng["uinteger"] < 2**32)):
            raise ValueError("a number is out of range")
        t.rng.bit_generator.state = rng
    except (KeyError, TypeError, ValueError, OverflowError):
        raise ValueError(f"{name}['rng'] is not a {kind} random state (the batch order), got {rng!r:.60}") from None


def _window(w, name):
    try:
        window = np.array(w, dtype=float)
    except (TypeError, ValueError):
        window = np.zeros(0)
    if (window.shape != (4,) or not np.isfinite(window).all() or np.abs(window).max() > 10 * MAX_COORD
            or window[1] <= window[0] or window[3] <= window[2]):
        raise ValueError(f"{name}['window'] must be [x1_min, x1_max, x2_min, x2_max], got {w!r:.60}")
    return window


def _points(d, settings, name):
    regression = is_regression(settings)
    if isinstance(d["points"], list) and len(d["points"]) > MAX_CSV_POINTS:
        raise ValueError(f"{name}['points'] may hold at most {MAX_CSV_POINTS} points, got {len(d['points'])}")
    try:
        P, y = np.array(d["points"], dtype=float), np.array(d["labels"], dtype=float)
        if not regression and (y != np.round(y)).any():
            raise ValueError("labels must be integer classes")
        P, y = check_points(P, y, regression)
    except (TypeError, ValueError) as e:
        raise ValueError(f"{name}['points'] and {name}['labels'] are not playground points: {e}") from None
    val = d["validation"]
    if not isinstance(val, list) or len(val) != len(y) or not all(isinstance(v, bool) for v in val):
        raise ValueError(f"{name}['validation'] must be {len(y)} booleans, one per point")
    return P, y, np.array(val, dtype=bool)


def from_dict(d, name="text"):
    """A Trainer restored from to_dict()'s output; ValueError naming the part that is wrong."""
    if not isinstance(d, dict) or d.get("format") != FORMAT:
        raise ValueError(f"{name} is not a playground export (no \"format\": \"{FORMAT}\")")
    missing = [k for k in PARTS if k not in d]
    if missing or not isinstance(d["settings"], dict):
        raise ValueError(f"{name} lacks {missing or 'a settings dict'}")
    settings = resolve(DEFAULTS, d["settings"], f"{name}['settings']")
    _check_epoch(d["epoch"], name)
    P, y, val = _points(d, settings, name)
    t = Trainer.from_points(settings, P, y, val, _window(d["window"], name))
    try:
        weights = [(np.array(W, dtype=float), np.array(b, dtype=float)) for W, b in d["weights"]]
        if not all(np.isfinite(a).all() for pair in weights for a in pair):
            raise ValueError("they must be finite")
        t.net.params = weights
    except (TypeError, ValueError) as e:
        raise ValueError(f"{name}['weights'] do not fit the {t.layer_sizes} network: {e}") from None
    _restore_optimizer(t, d, name)
    _restore_rng(t, d, name)
    _restore_run(t, d, name)
    return t
