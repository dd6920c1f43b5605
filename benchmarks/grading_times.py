"""Autograde times of five students on lesson 1 (README, "Graded with nbgrader", Time; every lesson's
assignment is graded the same way): correct, a catalogued slip, untouched, correct but slow (1 s a call
of signed_distance), and one whose weight_history never returns. Then the slow student is graded twice
more: the same score each time is what a per-call limit and the per-cell timeout must give.

    PYTHONPATH=$PWD .venv/bin/python benchmarks/grading_times.py /tmp/grading_times   # a new folder
"""
import json
import sys
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import grades  # noqa: E402
import make_assignments as ma  # noqa: E402

LESSON = "01_perceptron"
STUDENTS = {
    "correct": {},
    "untouched": None,
    "slip": {"signed_distance": "def signed_distance(X, w, b):\n    return X @ w + b"},
    "slow": {"signed_distance": "import time\nimport numpy as np\n\ndef signed_distance(X, w, b):\n"
                                "    time.sleep(1.0)\n    return (X @ w + b) / np.linalg.norm(w)"},
    "looping": {"weight_history": "def weight_history(X, y, lr, epochs):\n    while True:\n        pass"},
}


def submit(course, released, found, student, answers):
    """The release with `answers` (exercise -> code; the others the reference; None: untouched)."""
    nb = nbformat.from_dict(json.loads(json.dumps(released)))
    cells = {c.metadata.get("exercise"): c for c in nb.cells if "exercise" in c.metadata.get("tags", [])}
    for ex in found if answers is not None else ():
        cells[ex["name"]].source = answers.get(ex["name"], ex["code"])
    out = course / "submitted" / student / LESSON / f"{LESSON}.ipynb"
    out.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, out)


def main(course):
    course, path = Path(course), ROOT / "notebooks" / f"{LESSON}.ipynb"
    if course.exists():
        raise ValueError(f"course={str(course)!r} exists: give a new folder")
    ma.write_course(course, [path])
    ma.release(course, [LESSON])
    released = nbformat.read(course / "release" / LESSON / f"{LESSON}.ipynb", as_version=4)
    found = ma.exercises(nbformat.read(path, as_version=4), LESSON)
    for student, answers in STUDENTS.items():
        submit(course, released, found, student, answers)
    t0 = time.monotonic()
    ma.nbgrader(course, "autograde", LESSON, timeout=3600)
    print(f"autograde of {len(STUDENTS)} students: {time.monotonic() - t0:.1f} s")
    print(grades.write(course), end="")
    for _ in range(2):
        t0 = time.monotonic()
        ma.nbgrader(course, "autograde", LESSON, "--student", "slow", "--force", timeout=3600)
        row = next(r for r in grades.write(course).splitlines() if r.startswith("slow,"))
        print(f"slow student graded again in {time.monotonic() - t0:.1f} s: {row}")


if __name__ == "__main__":
    main(sys.argv[1])
