"""Run a lesson notebook in a fresh kernel of this interpreter, then look at its live widgets.

Plumbing shared by tests/test_notebook_widgets.py and benchmarks/widget_latency.py. Host side:
`run` executes a notebook (plus probe cells the caller appended) with nbclient, `printed_json`
reads what a probe printed. Kernel side: a probe cell starts with PROBE_IMPORT, then calls
`__kh.live_widgets(...)` and `__kh.other_value(...)`.
"""
import gc
import json
import sys
from pathlib import Path

from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
from jupyter_client.manager import AsyncKernelManager
from nbclient import NotebookClient

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
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
    from nnlib.playground import Playground
    from nnlib.widgets import Explorer
    kinds = (Explorer, Playground)
    user = [(k, v) for k, v in list(user_ns.items()) if not k.startswith("_") and k not in ("In", "Out")]  # not IPython's history
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
