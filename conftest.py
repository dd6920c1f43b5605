"""pytest plugin for the whole repository: under nbval, every notebook ends with its slider probe.

nbval (`--nbval`) collects one item per code cell of a notebook and runs them in one kernel, which
it stops after the notebook's last item. Here each notebook's items get one more, `sliders`, with
the same parent: it runs the probe of tests/test_notebook_widgets.py (its docstring says what is
checked) in that kernel, after the last cell, so the lesson is not executed again for it.
"""
import json
import re
import sys
from pathlib import Path
from queue import Empty

import pytest

try:
    from nbval.plugin import IPyNbCell, IPyNbFile
except ImportError:  # nbval absent: nothing to attach to
    IPyNbCell = IPyNbFile = None

sys.path.insert(0, str(Path(__file__).resolve().parent / "tests"))
import test_notebook_widgets as widgets  # noqa: E402

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


def pytest_runtest_logreport(report):
    _RAN.add(report.nodeid)
    if report.failed:
        _FAILED.add(report.nodeid)


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(collector):
    rep = yield
    if (IPyNbFile is not None and isinstance(collector, IPyNbFile) and rep.passed
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
        outputs = self.execute(kernel, widgets.PROBE)
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

    def execute(self, kernel, code):
        """Run `code` in nbval's RunningKernel; return its stream outputs. Fails on an error or timeout."""
        msg_id = kernel.execute_cell_input(code, allow_stdin=False)
        timeout = self.config.option.nbval_cell_timeout
        try:
            kernel.await_reply(msg_id, timeout=timeout)
        except Empty:
            kernel.interrupt()
            self.parent.timed_out = True
            pytest.fail(f"{self.path.name}: the slider probe ran longer than {timeout:g} s", pytrace=False)
        outputs = []
        while True:
            try:
                msg = kernel.get_message("iopub", timeout=OUTPUT_TIMEOUT)
            except Empty:
                pytest.fail(f"{self.path.name}: no idle message from the kernel after the probe", pytrace=False)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            kind, content = msg["msg_type"], msg["content"]
            if kind == "status" and content["execution_state"] == "idle":
                return outputs
            if kind == "stream":
                outputs.append({"name": content["name"], "text": content["text"]})
            elif kind == "error":
                tb = re.sub(r"\x1b\[[0-9;]*m", "", "\n".join(content["traceback"]))  # no colours
                pytest.fail(f"{self.path.name}: the slider probe raised {content['ename']}: {content['evalue']}\n{tb}",
                            pytrace=False)
