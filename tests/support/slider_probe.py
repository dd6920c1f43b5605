"""The slider probe's code and its verdicts (what tests/test_notebook_widgets.py describes and the root
conftest.py runs in nbval's kernel after each notebook's last cell). Test plumbing, not lesson code."""
import re

from .kernel_harness import PROBE_IMPORT

PROBE_NAME = "sliders"          # the item's name: notebooks/NN_name.ipynb::sliders
MARKER = "@@WIDGET-PROBE@@"
# Runs in the notebook's kernel after its last cell; prints one JSON line. Leaves no new names.
PROBE = PROBE_IMPORT + f"print({MARKER!r} + __import__('json').dumps(__kh.slider_probe(get_ipython())))\ndel __kh\n"


def problems_of(results):
    """Human-readable problems of the probe's results (empty list when everything is fine)."""
    problems = []
    for res in results:
        who = f"{res['kind']} {res['name']} (controls {', '.join(res['controls']) or 'none'})"
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
