"""The grading tools' own logic, without nbgrader runs: which files are a lesson (tools/collect_lessons.py),
what counts as replacing a check (tools/grades.py), hidden tests (tools/add_hidden_test.py)."""
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import add_hidden_test as aht  # noqa: E402
import collect_lessons  # noqa: E402
import grades  # noqa: E402
import make_assignments as ma  # noqa: E402

LESSON = "01_perceptron"


def test_lesson_files_match_copies_not_other_lessons(tmp_path):
    for name in (f"{LESSON}.ipynb", f"{LESSON} (1).ipynb", f"{LESSON}-Copy2.ipynb", "01_perceptron_old.ipynb",
                 "03_xor_by_hand.ipynb", f"{LESSON}.ipynb.bak", f"Untitled {LESSON}.ipynb"):
        (tmp_path / name).write_text("{}")
    assert [p.name for p in collect_lessons.lesson_files(tmp_path, LESSON)] == [
        f"{LESSON} (1).ipynb", f"{LESSON}-Copy2.ipynb", f"{LESSON}.ipynb"]
    with pytest.raises(collect_lessons.Refused, match=r"ada: 3 notebooks of 01_perceptron"):
        collect_lessons.pick(tmp_path, LESSON, "ada")
    with pytest.raises(collect_lessons.Refused, match=r"ben: 0 notebooks .*no file"):
        collect_lessons.pick(tmp_path, "06_moons", "ben")


def _nb(*sources):
    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in sources])


@pytest.mark.parametrize("source, what", [
    ("check.signed_distance = lambda fn: True", "assigns check.signed_distance"),
    ("import numpy as np\nnp.allclose = lambda *a, **k: True", "assigns np.allclose"),
    ("from nnlib import check\ncheck = None", "rebinds check"),
    ("import mymodule as check", "imports mymodule as check"),
    ("setattr(check, 'and_not_weights', print)", "calls setattr"),
    ("import nnlib.exercises.engine\nnnlib.exercises.engine.verdict = print", "assigns nnlib.exercises.engine.verdict"),
])
def test_tampering_is_found(source, what):
    assert grades.tampering(_nb("import numpy as np", source)) == [(1, what)]


def test_ordinary_work_is_not_tampering():
    nb = _nb("import numpy as np\nfrom nnlib import check", "w = np.zeros(2)\nw[0] = 1.0\nhistory = []",
             "def f(X):\n    out = X.copy()\n    out[0] += 1\n    return out", "check.and_not_weights(w, 1.0)")
    assert grades.tampering(nb) == []


def test_hidden_test_after_its_check():
    source = ma.to_source(nbformat.read(ROOT / "notebooks" / f"{LESSON}.ipynb", as_version=4), LESSON)
    out = aht.add_hidden_test(source, "signed_distance", "assert True")
    ids = [c.metadata.get("nbgrader", {}).get("grade_id") for c in out.cells]
    assert ids.index("hidden-signed_distance") == ids.index("check-signed_distance") + 1
    cell = out.cells[ids.index("hidden-signed_distance")]
    assert "### BEGIN HIDDEN TESTS\nassert True\n### END HIDDEN TESTS" in cell.source
    assert cell.metadata["nbgrader"]["grade"] and cell.metadata["nbgrader"]["locked"]
    assert len(source.cells) == len(out.cells) - 1          # the source notebook is left alone
    with pytest.raises(ValueError, match="exercise='nope'"):
        aht.add_hidden_test(source, "nope", "assert True")
    with pytest.raises(ValueError, match="already has a hidden test"):
        aht.add_hidden_test(out, "signed_distance", "assert True")
    with pytest.raises(ValueError, match="points must be"):
        aht.add_hidden_test(source, "signed_distance", "assert True", points=-1)
