"""Look at a lesson's live widgets from inside its kernel.

Plumbing shared by the slider probe (tests/test_notebook_widgets.py, run in nbval's kernel by the
root conftest.py) and benchmarks/kernel_latency.py. Host side: `run` executes a notebook (plus probe
cells the caller appended) in a fresh kernel with nbclient (the benchmark), `printed_json` reads
what a probe printed. Kernel side: a probe cell starts with PROBE_IMPORT, then calls
`__kh.slider_probe(...)`, `__kh.live_widgets(...)` or `__kh.other_value(...)`.
"""
import contextlib
import gc
import json
import sys
from pathlib import Path

from jupyter_client.kernelspec import KernelSpec, KernelSpecManager

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
# The first line of a probe cell: this module, inside the kernel, as `__kh` (del it at the end).
PROBE_IMPORT = f"import sys; sys.path.insert(0, {str(HERE)!r}); import kernel_harness as __kh\n"


# --- host side -------------------------------------------------------------------------------------
class CurrentEnvKernelSpecs(KernelSpecManager):
    """Every kernel name resolves to an ipykernel of this very interpreter (like nbval's
    --nbval-current-env), so the notebooks run against the environment under test."""

    def get_kernel_spec(self, kernel_name):
        return KernelSpec(argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                          display_name=f"Python ({sys.executable})", language="python",
                          resource_dir=str(ROOT))


def run(nb, path, timeout, **kernel_kwargs):
    """Execute notebook `nb` (read from `path`) top to bottom in a fresh kernel, in path's folder;
    kernel_kwargs go to the kernel's start (e.g. stderr=file). Raises nbclient's errors."""
    from jupyter_client.manager import AsyncKernelManager  # host side only: not imported in a kernel
    from nbclient import NotebookClient
    km = AsyncKernelManager(kernel_name="python3", kernel_spec_manager=CurrentEnvKernelSpecs())
    client = NotebookClient(nb, km=km, timeout=timeout, resources={"metadata": {"path": str(path.parent)}})
    client.execute(cleanup_kc=True, **kernel_kwargs)  # we made km, so nbclient would leave it running


def printed_json(cell, marker):
    """The JSON a cell printed on a stdout line starting with `marker`, or None."""
    text = "".join(o.get("text", "") for o in cell.outputs if o.get("output_type") == "stream")
    for line in text.splitlines():
        if line.startswith(marker):
            return json.loads(line[len(marker):])
    return None


# --- kernel side ------------------------------------------------------------------------------------
def live_widgets(user_ns):
    """[(name or None, obj)] for every live nnlib Explorer and Playground, the named ones first.

    Names are how the notebook reaches an object (a global, or one level into a list, tuple or
    dict). An explorer only displayed (never assigned) is still alive through its widgets'
    callbacks, and is what the reader sees; a closed one (a demo the lesson closed) is gone from
    the page, so it is left out."""
    from nnlib.drawing.widgets import Explorer
    from nnlib.playground import Playground
    kinds = (Explorer, Playground)
    # (not IPython's history: In, Out, _, __, _1, ...)
    user = [(k, v) for k, v in list(user_ns.items()) if not k.startswith("_") and k not in ("In", "Out")]
    names = {id(v): k for k, v in reversed(user) if isinstance(v, kinds)}  # the first name wins
    for k, v in user:
        if isinstance(v, (list, tuple, dict)):
            for i, x in (v.items() if isinstance(v, dict) else enumerate(v)):
                if isinstance(x, kinds):
                    names.setdefault(id(x), f"{k}[{i!r}]")
    targets = [o for o in gc.get_objects() if isinstance(o, kinds)
               and getattr(getattr(o, "widget", None), "comm", True) is not None]
    targets.sort(key=lambda o: (id(o) not in names, names.get(id(o), "")))
    return [(names.get(id(o)), o) for o in targets]


def other_value(w, extreme=False):
    """Another valid value for control `w` (its maximum, or last option, when extreme): about x2
    for an integer, x4 for a float, down instead when that leaves the range."""
    opts = getattr(w, "options", None)
    if opts is not None and not hasattr(w, "max"):
        vals = [o[1] if isinstance(o, tuple) else o for o in opts]
        if extreme:
            return vals[-1]
        rest = [v for v in vals if v != w.value]
        return rest[len(rest) // 2] if rest else w.value
    lo, hi = w.min, w.max
    if hasattr(w, "base"):                       # FloatLogSlider: min/max are exponents
        lo, hi = w.base ** lo, w.base ** hi
    if extreme:
        return hi
    v = w.value
    if isinstance(v, int) and not isinstance(v, bool):
        new = v * 2 if v * 2 <= hi else v // 2
        if new < lo or new == v:
            new = v + 1 if v + 1 <= hi else v - 1
        return int(new)
    new = v * 4 if v * 4 <= hi else v / 4
    return max(lo, min(hi, new))


def slider_probe(ip):
    """Move every live explorer's `hidden` and `lr` controls (see tests/test_notebook_widgets.py);
    return one dict per explorer/playground, JSON-ready: its name, kind, controls and steps.

    While it runs, IPython's showtraceback is replaced by a recorder (an Output widget's `with`
    block reports a failed draw through it; with no front end, nothing would show it anyway),
    sys.stderr by a recorder per step, and MLP.fit by a wrapper noting `diverged`."""
    from nnlib.mlp import MLP

    found = live_widgets(ip.user_ns)
    state = {"tracebacks": [], "diverged": []}
    orig_showtb, orig_fit, orig_stderr = ip.showtraceback, MLP.fit, sys.stderr

    def showtb(exc_tuple=None, *a, **k):
        import traceback
        et, ev, tb = exc_tuple if exc_tuple else sys.exc_info()
        state["tracebacks"].append("".join(traceback.format_exception(et, ev, tb))[-3000:])

    def fit(self, *a, **k):
        h = orig_fit(self, *a, **k)
        with contextlib.suppress(Exception):  # a fit without a history dict is no verdict
            state["diverged"].append(bool(h["diverged"]))
        return h

    results = []
    ip.showtraceback, MLP.fit = showtb, fit
    try:
        for name, obj in found:
            controls = getattr(obj, "controls", None) or {}
            res = {"name": name or f"<unnamed {type(obj).__name__}>", "kind": type(obj).__name__,
                   "controls": sorted(controls), "steps": []}
            results.append(res)
            for cname, extreme in (("hidden", False), ("lr", False), ("lr", True)):
                if cname in controls:
                    res["steps"].append(_step(obj, cname, extreme, state))
    finally:
        ip.showtraceback, MLP.fit, sys.stderr = orig_showtb, orig_fit, orig_stderr
    return results


class _Recorder:
    """Stands in for sys.stderr during a step: keeps the text (a reader would see it under the
    picture), passes nothing on."""

    def __init__(self, stream):
        self.stream, self.parts = stream, []

    def write(self, text):
        self.parts.append(str(text))
        return len(text)

    def flush(self):
        pass

    def __getattr__(self, name):
        return getattr(self.stream, name)


def _png(obj):
    """The picture: an Explorer's `image`; a Playground's output region (`picture`, JPEG)."""
    img = getattr(obj, "image", None) or getattr(obj, "picture", None)
    return bytes(img.value) if img is not None and img.value is not None else b""


def _nonfinite_plot(fig):
    import numpy as np
    for ax in getattr(fig, "axes", ()):  # matplotlib Axes, or nnlib.drawing.canvas Panels (their items)
        lines = ([line.get_ydata() for line in ax.get_lines()] if hasattr(ax, "get_lines")
                 else [it["y"] for it in ax.items if it["kind"] == "line"])
        for y in lines:
            y = np.asarray(y, dtype=float)
            if y.size and not np.all(np.isfinite(y)):
                return True
    return False


def _set_and_train(obj, w, old, new, extreme, rec):
    """Set control `w` to `new`; return (picture before, picture after). The playground applies lr
    from the next epoch (until training, the picture stays), so for it compare a few frames of
    training from fresh weights at the new value with the same at the old value (at the slider
    max: train a few frames, then look)."""
    from nnlib.playground import Playground
    before = _png(obj)
    try:
        w.value = new
    except Exception as e:
        rec["error"] = f"setting {rec['control']}={new!r} raised {type(e).__name__}: {e}"
        return before, _png(obj)
    if not isinstance(obj, Playground):
        return before, _png(obj)
    frames = rec["playground_frames"] = 5
    try:
        obj.reset()
        obj.step(frames)
        after = _png(obj)
        if not extreme:
            w.value = old
            obj.reset()
            obj.step(frames)
            before = _png(obj)
            w.value = new
        return before, after
    except Exception as e:
        rec["error"] = f"training {frames} frames at {rec['control']}={new!r} raised {type(e).__name__}: {e}"
        return before, _png(obj)


def _step(obj, cname, extreme, state):
    import re
    import time
    import warnings
    w = obj.controls[cname]
    r0 = getattr(obj, "redraws", None)
    old, new = w.value, other_value(w, extreme)
    state["tracebacks"].clear()
    state["diverged"].clear()
    rec = {"control": cname, "extreme": extreme, "old": repr(old), "new": repr(new), "error": None}
    stderr = sys.stderr = _Recorder(sys.stderr)
    t0 = time.perf_counter()
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            before, after = _set_and_train(obj, w, old, new, extreme, rec)
    finally:
        sys.stderr = stderr.stream
    trainer = getattr(obj, "trainer", None)  # Playground
    rec.update(
        seconds=time.perf_counter() - t0, now=repr(w.value), changed=after != before,
        is_png=after[:8] == b"\x89PNG\r\n\x1a\n" or after[:3] == b"\xff\xd8\xff",
        redraws_before=r0, redraws_after=getattr(obj, "redraws", None),
        tracebacks=list(state["tracebacks"]), stderr="".join(stderr.parts)[-1000:],
        warnings=[f"{x.category.__name__}: {x.message} ({x.filename}:{x.lineno})" for x in caught][:5],
        status=re.sub(r"<[^>]*>", "", getattr(getattr(obj, "status", None), "value", "") or "").strip(),
        message=str(getattr(obj, "message", "") or ""),
        fit_diverged=bool(getattr(trainer, "diverged", False)) or any(state["diverged"]),
        nonfinite_plot=_nonfinite_plot(getattr(obj, "figure", None)),
    )
    return rec
