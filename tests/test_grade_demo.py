"""The README's grading steps run as written: tools/grade_demo.sh on fresh folders, and the README quotes it.

The script makes lesson 1's assignment, a course directory with the exchange and a hidden test, releases it,
fetches and submits it as one student who answers one exercise (signed_distance), collects, autogrades,
generates and releases the feedback and writes grades.csv. Expected: that exercise's check and its hidden
test score, the other three exercises 0; the release holds neither solutions nor the hidden test; the
student fetches the feedback from the exchange; no gradebook.db is left half-made when nbgrader cannot run.
"""
import csv
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "tools" / "grade_demo.sh"
LESSON = "01_perceptron"


def quoted_lines(text):
    """The lines of grade_demo.sh between its README:begin and README:end markers."""
    return [line for block in re.findall(r"# README:begin\n(.*?)# README:end\n", text, re.S)
            for line in block.splitlines()]


def readme_block():
    """The first ```bash block of the README's "Graded with nbgrader" section."""
    section = ROOT.joinpath("README.md").read_text().split("### Graded with nbgrader", 1)[1]
    return re.search(r"```bash\n(.*?)```", section, re.S).group(1).splitlines()


def test_readme_quotes_the_script():
    lines = quoted_lines(SCRIPT.read_text())
    assert lines and readme_block() == lines


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("demo")
    env = dict(os.environ, JUPYTER_PLATFORM_DIRS="1", PYTHONPATH=str(ROOT))
    run = subprocess.run(["bash", str(SCRIPT), str(tmp / "course"), str(tmp / "exchange"), str(tmp / "student")],
                         cwd=tmp, env=env, capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-6000:]
    return tmp, run


def test_the_students_answer_scores(demo):
    tmp, _ = demo
    with open(tmp / "course" / "grades.csv", newline="") as f:
        (row,) = list(csv.DictReader(f))
    got = {k: float(v) for k, v in row.items() if k not in ("student_id", "assignment", "flags")}
    assert got == {"score": 2, "max_score": 5, "and_not_weights": 0, "signed_distance": 1,
                   "hidden-signed_distance": 1, "first_epoch_nand": 0, "weight_history": 0}
    assert row["flags"] == ""


def test_release_and_feedback_through_the_exchange(demo):
    tmp, _ = demo
    released = (tmp / "exchange" / "nn-course" / "outbound" / LESSON / f"{LESSON}.ipynb").read_text()
    for secret in ("BEGIN SOLUTION", "BEGIN HIDDEN TESTS", "np.array([3.0, 4.0])"):
        assert secret not in released, secret
    fetched = list((tmp / "student" / LESSON / "feedback").glob(f"*/{LESSON}.html"))
    assert len(fetched) == 1 and "signed_distance" in fetched[0].read_text()


def test_no_half_made_gradebook(tmp_path):
    """nbgrader run without alembic on its PATH (the README's old failure) stops the script and leaves no
    gradebook.db behind. A copy of the repository whose .venv/bin runs the real nbgrader with a PATH
    lacking the venv's bin."""
    real = Path(sys.executable)
    repo = tmp_path / "repo"
    (repo / ".venv" / "bin").mkdir(parents=True)
    for part in ("tools", "notebooks", "nnlib", "assignments"):
        (repo / part).symlink_to(ROOT / part)
    for name, line in (("python", f'exec "{real}" "$@"'),
                       ("nbgrader", f'PATH=/usr/bin:/bin exec "{real}" -m nbgrader "$@"')):
        tool = repo / ".venv" / "bin" / name
        tool.write_text(f"#!/bin/sh\n{line}\n")
        tool.chmod(0o755)
    env = dict(os.environ, JUPYTER_PLATFORM_DIRS="1", PYTHONPATH=str(ROOT))
    run = subprocess.run(["bash", str(repo / "tools" / "grade_demo.sh"), str(tmp_path / "course"),
                          str(tmp_path / "exchange"), str(tmp_path / "student")], env=env, capture_output=True,
                         text=True, timeout=300)
    assert run.returncode != 0 and "alembic" in run.stderr, run.stderr[-3000:]
    assert (tmp_path / "course" / "source").is_dir()
    assert not (tmp_path / "course" / "gradebook.db").exists()
