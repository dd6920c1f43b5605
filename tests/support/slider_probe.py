"""The slider probe's code and its verdicts (what tests/test_notebook_widgets.py describes and the root
conftest.py runs in nbval's kernel after each notebook's last cell). Test plumbing, not lesson code."""
import re

from .kernel_harness import PROBE_IMPORT

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
        return [f"{name}: no nnlib.drawing.widgets.Explorer (or Playground) with a 'hidden' or 'lr' control; "
                f"found: {found}"]
    # Lesson 1 (the perceptron) has no hidden layer; every later lesson offers both sliders.
    required = {"lr"} if name.startswith("01") else {"hidden", "lr"}
    missing = required - {c for r in results for c in r["controls"]}
    problems = [f"{name}: no explorer has a {' or '.join(sorted(missing))} control; found: {found}"] if missing else []
    return problems + problems_of(results)
