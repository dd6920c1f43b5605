"""pytest plugin for the whole repository: tiers, the slider probe and the disturbed-bits pass.

Tiers: every test gets a marker (unit, battery, exercises, notebooks, browser, nbgrader, hub) from where it lives
(TIERS); `make check` runs `-m "unit or battery"`. Under CI (CI=true) a browser or hub test that would
skip for something the machine lacks fails instead.

Slider probe: nbval (`--nbval`) collects one item per code cell of a notebook and runs them in one
kernel, which it stops after the notebook's last item. Here each notebook's items get one more,
`sliders`, with the same parent: it runs the probe of tests/support/slider_probe.py
(tests/test_notebook_widgets.py says what is checked) in that kernel, after the last cell, so the
lesson is not executed again for it.

Disturbed bits (`--disturb-bits`, the second nbval pass of `make test`): before a notebook's first cell,
its kernel installs tests/support/disturb_bits.py, so every stored output that holds only with this
machine's last bits fails. The slider probe is left out of that pass (the first pass ran it).
"""
import json
import os
import re
import sys
from pathlib import Path
from queue import Empty

import pytest

try:
    from nbval.plugin import IPyNbCell, IPyNbFile
except ImportError:  # nbval absent: nothing to attach to
    IPyNbCell = IPyNbFile = None

# tests/ on sys.path for the shared helpers of tests/support (`from support import ...`, here and in
# tests/browser); no test module imports another one (their helpers live in tests/support).
sys.path.insert(0, str(Path(__file__).resolve().parent / "tests"))   # also for `pytest -p conftest` from elsewhere
from support import slider_probe as widgets  # noqa: E402

DISTURB_BITS = Path(__file__).resolve().parent / "tests" / "support" / "disturb_bits.py"
# Sent to nbval's kernel before a notebook's first cell under --disturb-bits: load tests/support/disturb_bits.py
# by its path (the kernel's sys.path stays as it was) and install it; leaves no new names behind.
DISTURB_CODE = """def __nncourse_disturb():
    import importlib.util, sys
    spec = importlib.util.spec_from_file_location("nncourse_disturb_bits", {path!r})
    module = sys.modules[spec.name] = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.install(get_ipython(), products={products!r})
__nncourse_disturb()
del __nncourse_disturb
"""

# Each test's tier (a pytest marker, registered in pyproject.toml), by where it lives; the first match wins,
# a test that carries a tier marker of its own keeps it, and everything else in tests/ is a unit test.
TIERS = {"tests/browser/": "browser", "tests/test_book.py": "browser", "tests/test_lab_start.py": "browser",
         "tests/test_hub.py": "hub", "tests/test_nbgrader.py": "nbgrader", "tests/test_grade_demo.py": "nbgrader",
         "tests/test_grading_walk.py": "nbgrader", "tests/test_bad_input.py": "battery",
         "tests/test_core_fuzz.py": "battery", "tests/test_exercise_battery.py": "battery",
         "tests/test_exercise_corpus.py": "exercises", "tests/test_exercises.py": "exercises",
         "tests/test_exercise_slips_": "exercises", "notebooks/": "notebooks", ".ipynb": "notebooks"}
TIER_NAMES = ("unit", "battery", "exercises", "notebooks", "browser", "nbgrader", "hub")
# Tiers that skip when the machine lacks something (Chromium, the npm proxy); under CI they fail instead.
NEEDS_MACHINE = {"browser", "hub"}
OUTPUT_TIMEOUT = 5   # seconds to wait for the kernel's last output messages once it replied (as nbval)
_FAILED, _RAN = set(), set()   # nodeids of items that failed / ran (in any phase)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """make test runs on two workers (pytest-xdist). What shares a kernel or a server stays on one
    worker, in order: a notebook's items (nbval's kernel), a test module (its module-scoped servers:
    the hub, the nbgrader course). Each browser test, which starts its own JupyterLab when it has to,
    is a unit of its own, so the slowest tests spread over both workers. Units go out in collection
    order (tests/browser first, notebooks last), not largest-first by item count, which would leave
    the long browser tests for the end."""
    from xdist.scheduler import LoadScopeScheduling

    config.option.loadscopereorder = False

    class ByFile(LoadScopeScheduling):
        def _split_scope(self, nodeid):
            return nodeid if nodeid.startswith("tests/browser/") else nodeid.split("::", 1)[0]
    return ByFile(config, log)


def pytest_addoption(parser):
    parser.addoption("--disturb-bits", action="store_true", default=False,
                     help="under nbval: before each notebook's first cell, make its kernel disturb the low bits of "
                          "tanh, exp, log, log1p, expm1, expit and the matrix products as another machine would "
                          "(tests/support/disturb_bits.py), so every stored output that depends on this machine's "
                          "last bits fails; the slider probe is left out")
    parser.addoption("--disturb-products", action="store_true", default=False,
                     help="with --disturb-bits: also sum every matrix product (np.matmul, np.dot, `@` in cells "
                          "and in nnlib) in the other order, as another BLAS kernel may")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item):
    """Under --disturb-bits, the notebook's kernel (started by nbval in its file's setup, which ran
    inside this hook) disturbs its low bits before the notebook's first cell runs."""
    result = yield
    parent = item.parent
    if (item.config.option.disturb_bits and IPyNbCell is not None and isinstance(item, IPyNbCell)
            and not getattr(parent, "bits_disturbed", False)):
        parent.bits_disturbed = True
        code = DISTURB_CODE.format(path=str(DISTURB_BITS), products=item.config.option.disturb_products)
        execute(parent, code, "the --disturb-bits set-up")
    return result


def pytest_collection_modifyitems(config, items):
    for item in items:
        if any(m.name in TIER_NAMES for m in item.iter_markers()):
            continue
        where = item.nodeid.split("::", 1)[0]
        tier = next((t for key, t in TIERS.items() if where.startswith(key) or where.endswith(key)), "unit")
        item.add_marker(tier)


def on_ci():
    return os.environ.get("CI", "").lower() in ("true", "1", "yes")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Under CI (CI=true), a browser or hub test that would skip fails instead, saying what is missing."""
    report = yield
    if report.skipped and on_ci() and NEEDS_MACHINE & {m.name for m in item.iter_markers()}:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"CI=true, so this test may not skip; it would have: {reason}"
    return report


def pytest_runtest_logreport(report):
    _RAN.add(report.nodeid)
    if report.failed:
        _FAILED.add(report.nodeid)


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(collector):
    rep = yield
    if (IPyNbFile is not None and isinstance(collector, IPyNbFile) and rep.passed
            and not collector.config.option.disturb_bits   # the normal pass checks the sliders
            and not any(i.name == widgets.PROBE_NAME for i in rep.result)):  # (this file loaded twice, -p)
        cells = [c for c in rep.result if isinstance(c, IPyNbCell)]
        rep.result.append(SliderProbe.from_parent(collector, name=widgets.PROBE_NAME, cells=cells))
    return rep


class SliderProbe(pytest.Item):
    """Runs tests/test_notebook_widgets.PROBE in the kernel nbval ran the notebook in."""

    def __init__(self, *, cells, **kwargs):
        super().__init__(**kwargs)
        self.cells = cells

    def reportinfo(self):
        return self.path, None, f"{self.path.name}::{self.name}"

    def repr_failure(self, excinfo):
        return str(excinfo.value) if isinstance(excinfo.value, pytest.fail.Exception) else super().repr_failure(excinfo)

    def runtest(self):
        name = self.path.name
        for cell in self.cells:
            if cell.nodeid in _FAILED or cell.nodeid not in _RAN:
                pytest.skip(f"{name}: {cell.name} {'failed' if cell.nodeid in _FAILED else 'did not run'}; "
                            f"the slider probe needs the whole lesson in the kernel")
        kernel = self.parent.kernel
        if kernel is None or not kernel.is_alive() or self.parent.timed_out:
            pytest.skip(f"{name}: nbval's kernel is gone or timed out")
        outputs = execute(self.parent, widgets.PROBE, "the slider probe")
        stdout = "".join(o["text"] for o in outputs if o.get("name") == "stdout")
        lines = [ln for ln in stdout.splitlines() if ln.startswith(widgets.MARKER)]
        if not lines:
            pytest.fail(f"{name}: the slider probe printed no results; its outputs: {outputs!r:.3000}", pytrace=False)
        results = json.loads(lines[-1][len(widgets.MARKER):])
        for res in results:  # shown with the failure, or with -rP
            for s in res["steps"]:
                print(f"{res['kind']} {res['name']}: {s['control']} {s['old']} -> {s['new']}: {s['seconds']:.2f} s"
                      f"{', diverged' if s['fit_diverged'] or s['nonfinite_plot'] else ''}; status {s['status']!r:.80}")
        problems = widgets.notebook_problems(name, results)
        problems += [f"the probe printed to stderr outside the steps: {o['text'][-500:]!r}" for o in outputs
                     if o.get("name") == "stderr"]
        problems += [f"{c.name} (output not compared by nbval) printed stderr text: {o['text'][-500:]!r}"
                     for c in self.cells if not c.options["check"]
                     for o in c.test_outputs or () if o.get("output_type") == "stream" and o.get("name") == "stderr"]
        if problems:
            pytest.fail(f"{name}:\n  " + "\n  ".join(problems), pytrace=False)


def execute(nbfile, code, what):
    """Run `code` in nbval's RunningKernel of notebook `nbfile`; return its stream outputs. Fails the
    current item on an error or timeout, naming `what` ran."""
    kernel, name = nbfile.kernel, nbfile.path.name
    msg_id = kernel.execute_cell_input(code, allow_stdin=False)
    timeout = nbfile.config.option.nbval_cell_timeout
    try:
        kernel.await_reply(msg_id, timeout=timeout)
    except Empty:
        kernel.interrupt()
        nbfile.timed_out = True
        pytest.fail(f"{name}: {what} ran longer than {timeout:g} s", pytrace=False)
    outputs = []
    while True:
        try:
            msg = kernel.get_message("iopub", timeout=OUTPUT_TIMEOUT)
        except Empty:
            pytest.fail(f"{name}: no idle message from the kernel after {what}", pytrace=False)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind, content = msg["msg_type"], msg["content"]
        if kind == "status" and content["execution_state"] == "idle":
            return outputs
        if kind == "stream":
            outputs.append({"name": content["name"], "text": content["text"]})
        elif kind == "error":
            tb = re.sub(r"\x1b\[[0-9;]*m", "", "\n".join(content["traceback"]))  # no colours
            pytest.fail(f"{name}: {what} raised {content['ename']}: {content['evalue']}\n{tb}", pytrace=False)
