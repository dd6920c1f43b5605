"""The test tiers of the root conftest.py: each test gets its tier's marker from where it lives, and under CI
(CI=true) a browser or hub test that would skip for something missing on the machine fails instead."""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SKIPPING = 'import pytest\n\ndef test_needs_chromium():\n    pytest.skip("chromium missing")\n'
PASSING = "def test_adds():\n    assert 1 + 1 == 2\n"


def _pytest(tmp_path, *args, ci=""):
    files = {"tests/browser/test_page.py": SKIPPING, "tests/test_hub.py": SKIPPING,
             "tests/test_bad_input.py": PASSING, "tests/test_maths.py": SKIPPING.replace("chromium", "nothing")}
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    env = {k: v for k, v in os.environ.items() if k != "CI"} | ({"CI": ci} if ci else {})
    out = subprocess.run([sys.executable, "-m", "pytest", "-c", str(ROOT / "pyproject.toml"), "--rootdir",
                          str(tmp_path), "-p", "conftest", "-n", "0", "-rA", "tests", *args],
                         capture_output=True, text=True, cwd=tmp_path, timeout=120,
                         env=env | {"PYTHONPATH": str(ROOT)})
    return out.stdout


def test_each_file_gets_its_tier(tmp_path):
    chosen = {tier: _pytest(tmp_path, "--collect-only", "-q", "-m", tier) for tier in ("unit", "battery", "browser",
                                                                                          "hub")}
    assert "tests/test_maths.py::test_needs_nothing" in chosen["unit"] and "browser" not in chosen["unit"]
    assert "tests/test_bad_input.py::test_adds" in chosen["battery"] and "maths" not in chosen["battery"]
    assert "tests/browser/test_page.py::test_needs_chromium" in chosen["browser"] and "hub" not in chosen["browser"]
    assert "tests/test_hub.py::test_needs_chromium" in chosen["hub"]


def test_under_ci_a_missing_chromium_fails(tmp_path):
    local, ci = _pytest(tmp_path), _pytest(tmp_path, ci="true")
    assert "3 skipped" in local and "failed" not in local, local[-2000:]
    assert "FAILED tests/browser/test_page.py::test_needs_chromium" in ci and "FAILED tests/test_hub.py" in ci
    assert "chromium missing" in ci and "CI=true" in ci
    assert "1 skipped" in ci and "FAILED tests/test_maths.py" not in ci, ci[-2000:]   # a unit test may still skip
