"""The test tiers of the root conftest.py: each test gets its tier's marker from where it lives, and under CI
(CI=true) a browser or hub test that would skip for something missing on the machine fails instead."""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SKIPPING = 'import pytest\n\ndef test_needs_chromium():\n    pytest.skip("chromium missing")\n'
PASSING = "def test_adds():\n    assert 1 + 1 == 2\n"


def _pytest(tmp_path, ci=""):
    files = {"tests/browser/test_page.py": SKIPPING, "tests/test_hub.py": SKIPPING,
             "tests/test_bad_input.py": PASSING, "tests/test_maths.py": SKIPPING.replace("chromium", "nothing")}
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    env = {k: v for k, v in os.environ.items() if k != "CI"} | ({"CI": ci} if ci else {})
    out = subprocess.run([sys.executable, "-m", "pytest", "-c", str(ROOT / "pyproject.toml"), "--rootdir",
                          str(tmp_path), "-p", "conftest", "-n", "0", "-rA", "tests"],
                         capture_output=True, text=True, cwd=tmp_path, timeout=120,
                         env=env | {"PYTHONPATH": str(ROOT)})
    return out.stdout


TIERS = ("unit", "battery", "exercises", "notebooks", "browser", "nbgrader", "hub")
EXPECTED = {"tests/browser/test_drag.py": "browser", "tests/test_hub.py": "hub", "tests/test_nbgrader.py": "nbgrader",
            "tests/test_bad_input.py": "battery", "tests/test_core_fuzz.py": "battery", "tests/test_mlp.py": "unit",
            "tests/test_tiers.py": "unit", "tests/test_exercise_corpus.py": "exercises",
            "tests/test_exercise_slips_a.py": "exercises", "tests/test_exercises.py": "exercises"}


def test_every_test_has_one_tier(request):
    """Over this session's tests (all of them under make test): one tier each, the expected one per file."""
    seen = {}
    for item in request.session.items:
        tiers = [m.name for m in item.iter_markers() if m.name in TIERS]
        assert len(tiers) == 1, f"{item.nodeid}: tiers {tiers}"
        seen.setdefault(item.nodeid.split("::")[0], set()).add(tiers[0])
    for path, tier in EXPECTED.items():
        assert seen.get(path, {tier}) == {tier}, f"{path}: {seen[path]}"
    assert all(tiers == {"notebooks"} for path, tiers in seen.items() if path.endswith(".ipynb"))
    assert seen.get("tests/test_disturb_bits.py", {"unit", "notebooks"}) <= {"unit", "notebooks"}


def test_under_ci_a_missing_chromium_fails(tmp_path):
    local, ci = _pytest(tmp_path), _pytest(tmp_path, ci="true")
    assert "3 skipped" in local and "failed" not in local, local[-2000:]
    assert "FAILED tests/browser/test_page.py::test_needs_chromium" in ci and "FAILED tests/test_hub.py" in ci
    assert "chromium missing" in ci and "CI=true" in ci
    assert "1 skipped" in ci and "FAILED tests/test_maths.py" not in ci, ci[-2000:]   # a unit test may still skip
