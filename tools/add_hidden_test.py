"""Add a hidden test of your own after an exercise's check in an nbgrader source notebook (README, "Graded
with nbgrader"; any lesson). The new test cell (grade_id `hidden-<exercise>`, read-only, `--points`) holds
the code between `### BEGIN HIDDEN TESTS` and `### END HIDDEN TESTS`: nbgrader's release leaves it out,
autograde puts it back and runs it. It is plain Python on the student's names, not a call of `check`.

    python tools/add_hidden_test.py ~/course/source/01_perceptron/01_perceptron.ipynb signed_distance \\
        'assert np.allclose(signed_distance(np.array([[3.0, 4.0]]), np.array([3.0, 4.0]), -5.0), [4.0])'
"""
import argparse
import sys

import nbformat

SCHEMA = 3  # nbgrader's cell metadata schema


def add_hidden_test(nb, exercise, code, points=1):
    """A copy of source notebook `nb` with the hidden test `code` right after the check of `exercise`."""
    ids = [c.metadata.get("nbgrader", {}).get("grade_id") for c in nb.cells]
    if f"check-{exercise}" not in ids:
        raise ValueError(f"exercise={exercise!r}: no test cell check-{exercise} in this notebook")
    if f"hidden-{exercise}" in ids:
        raise ValueError(f"exercise={exercise!r} already has a hidden test (hidden-{exercise})")
    if isinstance(points, bool) or not isinstance(points, int) or points < 0:
        raise ValueError(f"points must be a whole number >= 0, got {points!r}")
    out = nbformat.from_dict(nb)
    cell = nbformat.v4.new_code_cell(f"import numpy as np\n\n### BEGIN HIDDEN TESTS\n{code.strip()}\n"
                                     "### END HIDDEN TESTS")
    cell.metadata["nbgrader"] = {"grade": True, "grade_id": f"hidden-{exercise}", "locked": True,
                                 "points": points, "schema_version": SCHEMA, "solution": False, "task": False}
    out.cells.insert(ids.index(f"check-{exercise}") + 1, cell)
    return out


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebook", help="the nbgrader source notebook (source/<lesson>/<lesson>.ipynb)")
    parser.add_argument("exercise", help="the exercise whose check the test follows, e.g. signed_distance")
    parser.add_argument("code", help="the test's code (asserts on the student's names)")
    parser.add_argument("--points", type=int, default=1)
    opts = parser.parse_args(argv)
    nb = nbformat.read(opts.notebook, as_version=4)
    nbformat.write(add_hidden_test(nb, opts.exercise, opts.code, opts.points), opts.notebook)


if __name__ == "__main__":
    sys.exit(main())
