"""Every lesson's sliders redraw the picture, in nbval's own kernel, right after the lesson ran.

The checks run only under nbval (`make test`, or `pytest --nbval notebooks/NN_name.ipynb
--nbval-sanitize-with tests/nbval_sanitize.cfg --nbval-current-env`): the root conftest.py appends
one item, `notebooks/NN_name.ipynb::sliders`, after the notebook's last cell. It runs in the same
kernel (nbval stops that kernel only after its notebook's last item), so no notebook is executed a
second time for it. It is skipped, saying which cell, when a cell of the notebook failed or did
not run (e.g. deselected with -k): the probe needs the whole lesson in the kernel.

The probe (tests/kernel_harness.slider_probe) finds every live `nnlib.widgets.Explorer` (and
`nnlib.playground.Playground`; see kernel_harness.live_widgets) and for each one:

* sets the `hidden` control to another valid value: the picture bytes must change, `redraws` must
  grow, nothing may raise (a failed draw shows its traceback in the explorer's Output widget),
  no warning and no stderr text may appear;
* the same for `lr`;
* sets `lr` to the slider's maximum: it must still give a picture, and if training diverged (an
  `MLP.fit` in the redraw reported `diverged`, or the plotted data went non-finite), the status
  line under the picture must say so.

Before moving anything, it notes where every slider of every explorer starts: none may start at its
maximum, where the first key a reader presses (the right arrow) would do nothing. (A slider may
start at its minimum, e.g. l2 or dropout at 0: the right arrow moves it.)

Every notebook must have at least one explorer with a `hidden` or `lr` control (lesson 1: `lr`;
every later lesson: both). Cells whose output nbval does not compare (the widget cells, tagged
nbval-ignore-output) must print no stderr text either (a reader would see it under the picture).

What changed from the nbclient harness this replaces (which executed every notebook a second
time): no front end takes part, so the Output widgets' `outputs` are no longer synced back and
read. A failed draw is still caught (the probe records IPython's showtraceback, which the Output
widget's `with` block calls), and so are stderr text (a recorder replaces sys.stderr per step)
and warnings. A draw that fails while the notebook itself runs makes nbval fail that cell (the
traceback is an error message on the cell), as before.

The tests in this file (no kernel, under a second) check the verdicts on made-up probe results,
and that every notebook nbval collects gets its probe item.
"""
import re
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))
from kernel_harness import PROBE_IMPORT  # noqa: E402

PROBE_NAME = "sliders"          # the item's name: notebooks/NN_name.ipynb::sliders
MARKER = "@@WIDGET-PROBE@@"
# Where each slider starts (before the probe moves it): "max" when at its top end, where the right
# arrow (the first key a reader tries) does nothing. A log slider's min and max are exponents.
STARTS = """
def __nn_ends(c):
    import math
    if not all(hasattr(c, a) for a in ("min", "max", "value")) or not isinstance(c.value, (int, float)):
        return None
    v = math.log(c.value, c.base) if hasattr(c, "base") else c.value
    tol = 1e-9 * max(1.0, abs(c.max - c.min))
    return "max" if v >= c.max - tol else "min" if v <= c.min + tol else "inside"
__nn_starts = [{k: __nn_ends(c) for k, c in (getattr(o, "controls", None) or {}).items()}
               for _, o in __kh.live_widgets(get_ipython().user_ns)]
"""
# Runs in the notebook's kernel after its last cell; prints one JSON line. Leaves no new names.
PROBE = (PROBE_IMPORT + STARTS + "__nn_res = __kh.slider_probe(get_ipython())\n"
         "for __nn_r, __nn_s in zip(__nn_res, __nn_starts):\n    __nn_r['start'] = __nn_s\n"
         f"print({MARKER!r} + __import__('json').dumps(__nn_res))\n"
         "del __kh, __nn_ends, __nn_starts, __nn_res, __nn_r, __nn_s\n")


def start_problems(res, who):
    """An explorer's slider that starts at its top end: the first key press (the right arrow) does nothing."""
    if res["kind"] != "Explorer":
        return []
    return [f"{who}: slider {name!r} starts at its maximum (the right arrow does nothing)"
            for name, end in (res.get("start") or {}).items() if end == "max"]


def problems_of(results):
    """Human-readable problems of the probe's results (empty list when everything is fine)."""
    problems = []
    for res in results:
        who = f"{res['kind']} {res['name']} (controls {', '.join(res['controls']) or 'none'})"
        problems += start_problems(res, who)
        for s in res["steps"]:
            what = f"{who}: {s['control']} {s['old']} -> {s['new']}" + (" (slider max)" if s["extreme"] else "")
            problems += [f"{what}: {p}" for p in step_problems(res["kind"], s)]
    return problems


def step_problems(kind, s):
    problems = [s["error"]] if s["error"] else []
    problems += [f"draw raised (shown in the explorer's output):\n{tb}" for tb in s["tracebacks"]]
    if s["warnings"]:
        problems.append(f"warnings during the redraw (a reader sees them under the picture): {s['warnings']}")
    if s["stderr"]:
        problems.append(f"stderr text during the redraw (a reader sees it under the picture): {s['stderr']!r}")
    if not s["is_png"]:
        problems.append("no picture afterwards (neither PNG nor JPEG)")
    if not s["extreme"]:
        if not s["changed"]:
            problems.append("the picture did not change (same image bytes)")
        if s["redraws_before"] is not None and not s["redraws_after"] > s["redraws_before"]:
            problems.append(f"redraws did not grow ({s['redraws_before']} -> {s['redraws_after']})")
        if kind == "Playground" and "\u26a0" in s["status"] and not s["fit_diverged"]:
            problems.append(f"the playground shows a warning: {s['status']!r}")
    if s["extreme"] and (s["fit_diverged"] or s["nonfinite_plot"]):
        said = f"{s['status']} {s['message']}"
        if not re.search(r"diverg|nan\b|inf\b|overflow|unstable|blow|blew|explod", said, re.I):
            why = "training reported diverged" if s["fit_diverged"] else "the plot holds NaN/inf"
            problems.append(f"training diverged ({why}) but the status line does not say so (status {s['status']!r})")
    return problems


def notebook_problems(name, results):
    """Everything wrong with notebook `name` according to the probe's results."""
    found = [(r["kind"], r["name"], r["controls"]) for r in results]
    if not any({"hidden", "lr"} & set(r["controls"]) for r in results):
        return [f"{name}: no nnlib.widgets.Explorer (or Playground) with a 'hidden' or 'lr' control; found: {found}"]
    # Lesson 1 (the perceptron) has no hidden layer; every later lesson offers both sliders.
    required = {"lr"} if name.startswith("01") else {"hidden", "lr"}
    missing = required - {c for r in results for c in r["controls"]}
    problems = [f"{name}: no explorer has a {' or '.join(sorted(missing))} control; found: {found}"] if missing else []
    return problems + problems_of(results)


# --- tests of the verdicts (no kernel) ------------------------------------------------------------------
def _step(**changes):
    s = {"control": "hidden", "extreme": False, "old": "3", "new": "6", "error": None, "tracebacks": [],
         "warnings": [], "stderr": "", "is_png": True, "changed": True, "redraws_before": 1, "redraws_after": 2,
         "status": "", "message": "", "fit_diverged": False, "nonfinite_plot": False}
    s.update(changes)
    return s


def _explorer(*steps, controls=("hidden", "lr")):
    return [{"name": "explorer", "kind": "Explorer", "controls": list(controls), "steps": list(steps)}]


def test_a_good_explorer_passes():
    good = _explorer(_step(), _step(control="lr"),
                     _step(control="lr", extreme=True, changed=False, fit_diverged=True, status="diverged at epoch 3"))
    assert notebook_problems("05_moons.ipynb", good) == []


@pytest.mark.parametrize("changes, expected", [
    ({"error": "setting hidden=6 raised ValueError: no"}, "raised ValueError"),
    ({"tracebacks": ["Traceback ... ZeroDivisionError"]}, "draw raised"),
    ({"warnings": ["RuntimeWarning: overflow"]}, "warnings during the redraw"),
    ({"stderr": "oops"}, "stderr text"),
    ({"is_png": False}, "no picture afterwards"),
    ({"changed": False}, "did not change"),
    ({"redraws_after": 1}, "redraws did not grow"),
    ({"extreme": True, "fit_diverged": True, "status": "loss 0.3"}, "does not say so"),
    ({"extreme": True, "nonfinite_plot": True, "status": ""}, "the plot holds NaN/inf"),
])
def test_each_problem_is_reported(changes, expected):
    problems = notebook_problems("05_moons.ipynb", _explorer(_step(**changes)))
    assert len(problems) == 1 and expected in problems[0], problems


def test_an_explorer_starting_at_a_slider_maximum_fails():
    res = _explorer(_step())
    res[0]["start"] = {"hidden": "max", "lr": "inside", "l2": "min", "act": None}
    problems = notebook_problems("08_generalisation.ipynb", res)
    assert len(problems) == 1 and "'hidden' starts at its maximum" in problems[0], problems
    res[0]["start"]["hidden"] = "inside"
    assert notebook_problems("08_generalisation.ipynb", res) == []


def test_the_start_probe_reads_sliders_ends():
    """STARTS (the kernel-side part) on real sliders, outside a kernel."""
    from nnlib import widgets
    ns = {"get_ipython": lambda: type("IP", (), {"user_ns": {}})()}
    explorer = type("Explorer", (), {})()
    explorer.controls = {"hidden": widgets.hidden_slider(50, max=50), "lr": widgets.lr_slider(10.0, max=10.0),
                         "l2": widgets.float_slider(0.0, 0.0, 1.0, "l2"), "epochs": widgets.int_slider(20, 1, 100, "e"),
                         "low": widgets.lr_slider(0.001, min=0.001), "act": widgets.dropdown(["tanh", "relu"])}
    ns["__kh"] = type("KH", (), {"live_widgets": staticmethod(lambda user_ns: [("explorer", explorer)])})
    exec(STARTS, ns)
    assert ns["__nn_starts"] == [{"hidden": "max", "lr": "max", "l2": "min", "epochs": "inside", "low": "min",
                                  "act": None}]


def test_a_notebook_without_sliders_fails():
    assert "no nnlib.widgets.Explorer" in notebook_problems("05_moons.ipynb", [])[0]
    assert "no nnlib.widgets.Explorer" in notebook_problems("05_moons.ipynb", _explorer(controls=("seed",)))[0]
    assert "no explorer has a hidden control" in notebook_problems("05_moons.ipynb", _explorer(controls=("lr",)))[0]
    assert notebook_problems("01_perceptron.ipynb", _explorer(controls=("lr",))) == []


def test_every_notebook_under_nbval_gets_the_probe(request):
    """The probe items exist (the root conftest.py is in force): each notebook nbval collected ends
    with its `sliders` item, after its last cell, in the same kernel (same parent)."""
    if not (request.config.getoption("nbval", False) or request.config.getoption("nbval_lax", False)):
        pytest.skip("the slider probe runs under nbval: pytest --nbval notebooks ... (make test does)")
    by_notebook = {}
    for item in request.session.items:
        if item.path.suffix == ".ipynb":
            by_notebook.setdefault(item.path, []).append(item)
    for path, items in by_notebook.items():
        assert items[-1].name == PROBE_NAME, f"{path.name}: no '{PROBE_NAME}' item after its last cell"
        assert all(i.parent is items[-1].parent for i in items), f"{path.name}: the probe has another kernel"
