"""Every lesson's sliders redraw the picture, in a real kernel.

For each notebook in notebooks/ (one test each): execute it top to bottom in a fresh kernel from
the current environment (nbclient), then, in the same kernel, find every `nnlib.widgets.Explorer`
(and `nnlib.playground.Playground`; see kernel_harness.live_widgets) and for each one:

* set the `hidden` control to another valid value: the PNG bytes must change, `redraws` must grow,
  nothing may raise and no warning may be printed;
* the same for `lr`;
* set `lr` to the slider's maximum: it must still give a picture, and if training diverged
  (an `MLP.fit` in the redraw reported `diverged`, or the plotted data went non-finite),
  the status line under the picture must say so.

Afterwards the Output widget of every explorer must hold no "error" output (nbclient plays the
front end, routes the kernel's messages into the widget and syncs its `outputs` back, so this is
read in a later cell). The kernel reports back as one JSON line on stdout.

Every notebook must have at least one explorer with a `hidden` or `lr` control.
"""
import re
from pathlib import Path

import nbformat
import pytest
from nbclient.exceptions import CellExecutionError, CellTimeoutError

from kernel_harness import PROBE_IMPORT, printed_json, run

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
CELL_TIMEOUT = 600          # seconds per cell (a lesson cell trains small nets; far below this)
MARKER = "@@WIDGET-HARNESS@@"

# Runs in the kernel after the notebook. Defines `__harness_results` (a list of dicts, one per
# target), then the next cell prints them. Kept free of notebook-visible names except the two
# double-underscore globals.
PROBE = PROBE_IMPORT + r'''
def __harness_probe():
    import re, sys, time, traceback, warnings
    import numpy as np
    from IPython import get_ipython
    from nnlib.mlp import MLP
    from nnlib.playground import Playground

    ip = get_ipython()
    found = __kh.live_widgets(ip.user_ns)
    targets, names = [o for _, o in found], {id(o): n for n, o in found if n}
    other_value = __kh.other_value

    state = {"tracebacks": [], "diverged": []}
    orig_showtb = ip.showtraceback

    def showtb(exc_tuple=None, *a, **k):
        et, ev, tb = exc_tuple if exc_tuple else sys.exc_info()
        state["tracebacks"].append("".join(traceback.format_exception(et, ev, tb))[-3000:])
        return orig_showtb(exc_tuple, *a, **k)

    orig_fit = MLP.fit

    def fit(self, *a, **k):
        h = orig_fit(self, *a, **k)
        try:
            state["diverged"].append(bool(h["diverged"]))
        except Exception:
            pass
        return h

    def text(html):
        return re.sub(r"<[^>]*>", "", html or "").strip()

    def nonfinite_plot(fig):
        if fig is None:
            return False
        for ax in fig.axes:
            for line in ax.get_lines():
                y = np.asarray(line.get_ydata(), dtype=float)
                if y.size and not np.all(np.isfinite(y)):
                    return True
        return False

    def png(obj):
        """The picture: an Explorer's `image`; a Playground's output regions (`picture`, JPEG)."""
        img = getattr(obj, "image", None) or getattr(obj, "picture", None)
        return bytes(img.value) if img is not None and img.value is not None else b""

    def is_image(b):
        return b[:8] == b"\x89PNG\r\n\x1a\n" or b[:3] == b"\xff\xd8\xff"

    def diverged(obj):
        trainer = getattr(obj, "trainer", None)           # Playground
        return bool(getattr(trainer, "diverged", False)) or any(state["diverged"])

    def step(obj, cname, extreme=False):
        w = obj.controls[cname]
        before, r0 = png(obj), getattr(obj, "redraws", None)
        old, new = w.value, other_value(w, extreme)
        state["tracebacks"].clear()
        state["diverged"].clear()
        rec = {"control": cname, "extreme": extreme, "old": repr(old), "new": repr(new),
               "error": None}
        playground = isinstance(obj, Playground)
        t0 = time.perf_counter()
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                w.value = new
            except Exception as e:
                rec["error"] = f"setting {cname}={new!r} raised {type(e).__name__}: {e}"
            rec["seconds"] = time.perf_counter() - t0
            after, r1 = png(obj), getattr(obj, "redraws", None)
            if playground and rec["error"] is None:
                # The playground applies lr from the next epoch (until training, the picture stays),
                # so compare a few frames of training from fresh weights at the new value with the
                # same at the old value. At the slider max: train a few frames, then look.
                frames = 5
                rec["playground_frames"] = frames
                try:
                    obj.reset()
                    obj.step(frames)
                    after = png(obj)
                    if not extreme:
                        w.value = old
                        obj.reset()
                        obj.step(frames)
                        before = png(obj)
                        w.value = new
                except Exception as e:
                    rec["error"] = (f"training {frames} frames at {cname}={new!r} raised "
                                    f"{type(e).__name__}: {e}")
        rec.update(
            now=repr(w.value),
            changed=after != before,
            is_png=is_image(after),
            redraws_before=r0, redraws_after=r1,
            tracebacks=list(state["tracebacks"]),
            warnings=[f"{x.category.__name__}: {x.message} ({x.filename}:{x.lineno})"
                      for x in caught][:5],
            status=text(getattr(getattr(obj, "status", None), "value", "")),
            message=str(getattr(obj, "message", "") or ""),
            fit_diverged=diverged(obj),
            nonfinite_plot=nonfinite_plot(getattr(obj, "figure", None)),
        )
        return rec

    results = []
    ip.showtraceback = showtb
    MLP.fit = fit
    try:
        for obj in targets:
            controls = getattr(obj, "controls", None) or {}
            res = {"name": names.get(id(obj), f"<unnamed {type(obj).__name__}>"),
                   "kind": type(obj).__name__, "controls": sorted(controls), "steps": []}
            results.append(res)
            for cname in ("hidden", "lr"):
                if cname in controls:
                    res["steps"].append(step(obj, cname))
            if "lr" in controls:
                res["steps"].append(step(obj, "lr", extreme=True))
    finally:
        ip.showtraceback = orig_showtb
        MLP.fit = orig_fit
    return targets, results

__harness_targets, __harness_results = __harness_probe()
del __harness_probe, __kh
'''

# A separate cell, so that the Output widgets' `outputs` (synced back by nbclient once the probe
# cell finished) are up to date.
REPORT = r'''
def __harness_report():
    import json
    for obj, res in zip(__harness_targets, __harness_results):
        out = getattr(obj, "output", None)
        outs = list(getattr(out, "outputs", ()) or ())
        res["output_errors"] = [
            f"{o.get('ename')}: {o.get('evalue')}" for o in outs if o.get("output_type") == "error"]
        res["output_stderr"] = [
            o.get("text", "")[-500:] for o in outs
            if o.get("output_type") == "stream" and o.get("name") == "stderr"]
    print("%s" + json.dumps(__harness_results))
__harness_report()
del __harness_report, __harness_targets, __harness_results
''' % MARKER


def run_notebook_with_probe(path):
    """Execute the notebook plus the probe cells; return the parsed probe results."""
    nb = nbformat.read(path, as_version=4)
    n_lesson_cells = len(nb.cells)
    for cell in nb.cells:  # what nbval skips, we skip (emptied, so cell numbers stay)
        if cell.cell_type == "code" and {"nbval-skip", "skip-execution"} & set(cell.metadata.get("tags", [])):
            cell.source = ""
    nb.cells += [nbformat.v4.new_code_cell(PROBE), nbformat.v4.new_code_cell(REPORT)]
    try:
        run(nb, path, CELL_TIMEOUT)
    except CellTimeoutError as e:
        pytest.fail(f"{path.name}: a cell ran longer than {CELL_TIMEOUT} s:\n{e}", pytrace=False)
    except CellExecutionError as e:
        where = "the harness probe" if _failing_cell(nb) >= n_lesson_cells else \
            f"cell {_failing_cell(nb)} of the notebook"
        pytest.fail(f"{path.name}: {where} raised:\n{e}", pytrace=False)
    results = printed_json(nb.cells[-1], MARKER)
    if results is not None:
        return results
    pytest.fail(f"{path.name}: the probe printed no results; its outputs: {nb.cells[-1].outputs!r:.2000}",
                pytrace=False)


def _failing_cell(nb):
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
            return i
    return -1


def problems_of(results):
    """Human-readable problems (empty list when everything is fine)."""
    problems = []
    for res in results:
        who = f"{res['kind']} {res['name']} (controls {', '.join(res['controls']) or 'none'})"
        for s in res["steps"]:
            what = f"{who}: {s['control']} {s['old']} -> {s['new']}" + (" (slider max)" if s["extreme"] else "")
            if s["error"]:
                problems.append(f"{what}: {s['error']}")
            for tb in s["tracebacks"]:
                problems.append(f"{what}: draw raised (shown in the explorer's output):\n{tb}")
            if s["warnings"]:
                problems.append(f"{what}: warnings during the redraw (a reader sees them under the picture): {s['warnings']}")
            if not s["is_png"]:
                problems.append(f"{what}: no picture afterwards (neither PNG nor JPEG)")
            if not s["extreme"]:
                if not s["changed"]:
                    problems.append(f"{what}: the picture did not change (same image bytes)")
                if s["redraws_before"] is not None and not s["redraws_after"] > s["redraws_before"]:
                    problems.append(f"{what}: redraws did not grow ({s['redraws_before']} -> {s['redraws_after']})")
            if res["kind"] == "Playground" and not s["extreme"] and "\u26a0" in s["status"] and not s["fit_diverged"]:
                problems.append(f"{what}: the playground shows a warning: {s['status']!r}")
            if s["extreme"] and (s["fit_diverged"] or s["nonfinite_plot"]):
                said = f"{s['status']} {s['message']}"
                if not re.search(r"diverg|nan\b|inf\b|overflow|unstable|blow|blew|explod", said, re.I):
                    why = "training reported diverged" if s["fit_diverged"] else "the plot holds NaN/inf"
                    problems.append(f"{what}: training diverged ({why}) but the status line does not say so "
                                    f"(status {s['status']!r})")
        for err in res.get("output_errors", []):
            problems.append(f"{who}: its Output widget holds an error output: {err}")
        for err in res.get("output_stderr", []):
            problems.append(f"{who}: its Output widget holds stderr text: {err!r}")
    return problems


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_sliders_redraw(path):
    results = run_notebook_with_probe(path)
    found = [(r["kind"], r["name"], r["controls"]) for r in results]
    if not any({"hidden", "lr"} & set(r["controls"]) for r in results):
        pytest.fail(f"{path.name}: no nnlib.widgets.Explorer (or Playground) with a 'hidden' or 'lr' control; "
                    f"found: {found}", pytrace=False)
    # Lesson 1 (the perceptron) has no hidden layer; every later lesson offers both sliders.
    required = {"lr"} if path.name.startswith("01") else {"hidden", "lr"}
    missing = required - {c for r in results for c in r["controls"]}
    if missing:
        pytest.fail(f"{path.name}: no explorer has a {' or '.join(sorted(missing))} control; found: {found}",
                    pytrace=False)
    problems = problems_of(results)
    if problems:
        pytest.fail(f"{path.name}:\n  " + "\n  ".join(problems), pytrace=False)
