"""Every lesson's sliders redraw the picture, in nbval's own kernel, right after the lesson ran.

The checks run only under nbval (`make test`, or `pytest --nbval notebooks/NN_name.ipynb
--nbval-sanitize-with tests/nbval_sanitize.cfg --nbval-current-env`): the root conftest.py appends
one item, `notebooks/NN_name.ipynb::sliders`, after the notebook's last cell. It runs in the same
kernel (nbval stops that kernel only after its notebook's last item), so no notebook is executed a
second time for it. It is skipped, saying which cell, when a cell of the notebook failed or did
not run (e.g. deselected with -k): the probe needs the whole lesson in the kernel.

Before moving anything, the probe notes where every slider of every explorer starts: none may start at
its maximum, where the first key a reader presses (the right arrow) would do nothing. (A slider may
start at its minimum, e.g. l2 or dropout at 0: the right arrow moves it.)

The probe (tests/support/kernel_harness.slider_probe, sent by tests/support/slider_probe.py) finds
every live `nnlib.drawing.widgets.Explorer` (and
`nnlib.playground.Playground`; see kernel_harness.live_widgets) and for each one:

* sets the `hidden` control to another valid value: the picture bytes must change, `redraws` must
  grow, nothing may raise (a failed draw shows its traceback in the explorer's Output widget),
  no warning and no stderr text may appear;
* the same for `lr`;
* sets `lr` to the slider's maximum: it must still give a picture, and if training diverged (an
  `MLP.fit` in the redraw reported `diverged`, or the plotted data went non-finite), the status
  line under the picture must say so.

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
import pytest
from support.slider_probe import PROBE_NAME, STARTS, notebook_problems


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
    assert notebook_problems("06_moons.ipynb", good) == []


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
    problems = notebook_problems("06_moons.ipynb", _explorer(_step(**changes)))
    assert len(problems) == 1 and expected in problems[0], problems


def test_an_explorer_starting_at_a_slider_maximum_fails():
    res = _explorer(_step())
    res[0]["start"] = {"hidden": "max", "lr": "inside", "l2": "min", "act": None}
    problems = notebook_problems("09_generalisation.ipynb", res)
    assert len(problems) == 1 and "'hidden' starts at its maximum" in problems[0], problems
    res[0]["start"]["hidden"] = "inside"
    assert notebook_problems("09_generalisation.ipynb", res) == []


def test_the_start_probe_reads_sliders_ends():
    """STARTS (the kernel-side part) on real sliders, outside a kernel."""
    from nnlib.drawing import widgets
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
    assert "no nnlib.drawing.widgets.Explorer" in notebook_problems("06_moons.ipynb", [])[0]
    assert "no nnlib.drawing.widgets.Explorer" in notebook_problems("06_moons.ipynb", _explorer(controls=("seed",)))[0]
    assert "no explorer has a hidden control" in notebook_problems("06_moons.ipynb", _explorer(controls=("lr",)))[0]
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
