"""`make assignments`: every lesson -> an nbgrader source notebook, then the student release.

A lesson ends with exercises of four cells each (tags `exercise-prompt`, `exercise`, `check`, `solution`;
see the README's "Teaching with this course"). The nbgrader source notebook of a lesson keeps every other
cell as it is and turns each exercise into:

- the prompt: a read-only markdown cell;
- the student's cell: an nbgrader solution cell holding the student's stub, then the reference solution
  (the code of the folded `solution` block) between `### BEGIN SOLUTION` and `### END SOLUTION`. The
  release keeps the stub and drops the solution (our nbgrader_config.py sets ClearSolutions.code_stub to
  nothing, so nbgrader adds no `raise NotImplementedError()` after the stub);
- the check: a read-only autograded test cell worth `points` (grade_id `check-<exercise>`, which names the
  exercise in the feedback): `nnlib.exercises.graded.run("<exercise>", <answers>)`, the check in graded mode
  from fresh copies of the checks (silent when correct; a failure raises NotYet, shown as its short message);
- the folded solution: left out.

Students who work in the course's own notebooks (the hub link) are graded from those: tools/collect_lessons.py
puts this source's metadata on their cells. nbgrader_config.py (CONFIG below) sets the per-cell timeout with
its reason, add_missing_cells, the offline-maths feedback template (tools/feedback) and two silenced warnings.

Usage (the course lands in ./assignments, which git ignores):

    python tools/make_assignments.py                      # every notebooks/*.ipynb, then the release
    python tools/make_assignments.py --course DIR --no-release notebooks/01_perceptron.ipynb
"""
import argparse
import ast
import copy
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat

from nnlib.exercises import graded

ROOT = Path(__file__).resolve().parents[1]
FEEDBACK = ROOT / "tools" / "feedback"        # the feedback page's template (offline MathJax)
TAGS = ("exercise-prompt", "exercise", "check", "solution")
BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
SCHEMA = 3  # nbgrader's cell metadata schema
FENCE = re.compile(r"```python[ \t]*\n(.*?)\n[ \t]*```", re.S)

CONFIG = '''\
"""nbgrader configuration of the nn-course assignments (written by tools/make_assignments.py)."""
import os
import warnings

import nbgrader

c = get_config()  # noqa: F821 (nbgrader provides it)
c.CourseDirectory.root = os.path.dirname(os.path.abspath(__file__))
c.CourseDirectory.course_id = "nn-course"
# The student's cell keeps its stub above the solution region: put nothing in the region's place.
c.ClearSolutions.code_stub = {"python": ""}
# A deleted test cell comes back from the source (and is flagged by tools/grades.py), not a silent 0.
c.OverwriteCells.add_missing_cells = True
# Per CELL, not per lesson. Each check bounds its own calls of the student's function (a few seconds
# each); the longest lesson cell trains for seconds on a busy machine. 60 s leaves room for both and
# caps what a cell that loops outside any check (a student's own `while True`) costs: one minute.
c.Execute.timeout = 60
# Two warnings at their cause in nbgrader 0.9.6, saying nothing about a student's work, that would bury
# the ones that do (a changed or missing test cell): SQLAlchemy 2's SAWarning when nbgrader's autoflush
# meets the submission it is recording (it is recorded all the same), and nbformat's warning about the
# cell id that nbgrader's add_missing_cells leaves out of a cell it adds back (nbformat adds one).
warnings.filterwarnings("ignore", message=r"Object of type <Submitted\\w+> not in session")
warnings.filterwarnings("ignore", message=r"Cell is missing an id field")
# Feedback pages typeset their maths offline: nbgrader's feedback template with nbconvert's MathJax macro
# replaced by tools/feedback/nn_feedback's, which inlines MathJax 3 (no CDN; works on a downloaded page).
c.HTMLExporter.template_name = "nn_feedback"
c.HTMLExporter.extra_template_basedirs = [
    os.path.join(os.path.dirname(nbgrader.__file__), "server_extensions", "formgrader", "templates"),
    FEEDBACK_TEMPLATES]
'''


class FormatError(ValueError):
    """A lesson's exercise cells do not follow the 4-cell format."""


def _tags(cell):
    return cell.get("metadata", {}).get("tags", [])


def _where(path, i, cell):
    first = cell.source.strip().splitlines()[0][:60] if cell.source.strip() else ""
    return f"{path}: cell {i} ({first!r})"


def check_call(source):
    """(check name, [argument sources]) of a check cell that is exactly `check.<name>(<args>)`."""
    try:
        tree = ast.parse(source)
    except SyntaxError as e:
        raise FormatError(f"check cell does not parse: {e}") from None
    body = tree.body
    if (len(body) != 1 or not isinstance(body[0], ast.Expr) or not isinstance(body[0].value, ast.Call)
            or not isinstance(body[0].value.func, ast.Attribute)
            or not isinstance(body[0].value.func.value, ast.Name) or body[0].value.func.value.id != "check"):
        raise FormatError(f"a check cell must be exactly check.<name>(...); got {source!r}")
    call = body[0].value
    if any(k.arg == "grade" for k in call.keywords):
        raise FormatError(f"a check cell must not pass grade= itself; got {source!r}")
    return call.func.attr, [ast.unparse(a) for a in call.args]


def test_cell(source):
    """The nbgrader test cell of a lesson's check cell `check.<name>(<args>)`: the check in graded mode
    (nnlib.exercises.graded.run: fresh copies of the checks, silent when correct, NotYet when not)."""
    name, args = check_call(source)
    return graded.test_cell_source(name, args)


def solution_code(markdown):
    """The code of a folded solution: the one ```python block inside <details>...</details>."""
    if "<details>" not in markdown or "</details>" not in markdown:
        raise FormatError("a solution cell must be folded: <details><summary>Solution</summary> ... </details>")
    blocks = FENCE.findall(markdown)
    if len(blocks) != 1:
        raise FormatError(f"a solution cell must hold exactly one ```python block; found {len(blocks)}")
    return blocks[0].strip("\n")


def exercises(nb, path="notebook"):
    """The exercises of a lesson, in order: dicts with the cell indices, the check name, the argument
    names of the check call and the reference solution's code. Raises FormatError naming the cell."""
    found, cells = [], nb.cells
    for i, cell in enumerate(cells):
        if "exercise-prompt" not in _tags(cell):
            continue
        group = cells[i:i + 4]
        kinds = [next((t for t in TAGS if t in _tags(c)), None) for c in group]
        types = [c.cell_type for c in group]
        if kinds != list(TAGS) or types != ["markdown", "code", "code", "markdown"]:
            raise FormatError(f"{_where(path, i, cell)}: an exercise is 4 consecutive cells tagged {TAGS} "
                              f"(markdown, code, code, markdown); found tags {kinds}, types {types}")
        name = group[1].metadata.get("exercise")
        try:
            called, args = check_call(group[2].source)
            code = solution_code(group[3].source)
        except FormatError as e:
            raise FormatError(f"{_where(path, i, cell)}: {e}") from None
        if name != called:
            raise FormatError(f"{_where(path, i + 1, group[1])}: metadata exercise={name!r} but the check "
                              f"cell calls check.{called}")
        for c in group[1:3]:
            if BEGIN in c.source or END in c.source:
                raise FormatError(f"{_where(path, i, cell)}: solution delimiters in a lesson cell")
        found.append({"name": name, "prompt": i, "exercise": i + 1, "check": i + 2, "solution": i + 3,
                      "args": args, "code": code})
    tagged = sum(any(t in _tags(c) for t in TAGS) for c in cells)
    if tagged != 4 * len(found):
        raise FormatError(f"{path}: {tagged} cells carry exercise tags, but only {len(found)} complete "
                          "exercises start with an exercise-prompt cell")
    return found


def _nbgrader(cell, grade_id, solution=False, grade=False, locked=False, points=None):
    meta = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": SCHEMA,
            "solution": solution, "task": False}
    if grade:
        meta["points"] = points
    cell.metadata["nbgrader"] = meta


def to_source(nb, path="notebook", points=1):
    """The nbgrader source notebook of a lesson (a new notebook; `nb` is left alone)."""
    found = exercises(nb, path)
    src = copy.deepcopy(nb)
    src.metadata.pop("widgets", None)
    for cell in src.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    drop = set()
    for ex in found:
        prompt, student, test = (src.cells[ex[k]] for k in ("prompt", "exercise", "check"))
        name = ex["name"]
        _nbgrader(prompt, f"prompt-{name}", locked=True)
        student.source = f"{student.source.rstrip()}\n{BEGIN}\n{ex['code']}\n{END}"
        _nbgrader(student, f"answer-{name}", solution=True)
        test.source = test_cell(test.source)
        _nbgrader(test, f"check-{name}", grade=True, locked=True,
                  points=test.metadata.get("points", points))
        drop.add(ex["solution"])
    src.cells = [c for i, c in enumerate(src.cells) if i not in drop]
    return src


def write_course(course, notebooks, points=1):
    """Write nbgrader_config.py and source/<lesson>/<lesson>.ipynb for each lesson; returns the ids."""
    course = Path(course)
    course.mkdir(parents=True, exist_ok=True)
    (course / "nbgrader_config.py").write_text(CONFIG.replace("FEEDBACK_TEMPLATES", repr(str(FEEDBACK))))
    ids = []
    for path in map(Path, notebooks):
        nb = nbformat.read(path, as_version=4)
        lesson = path.stem
        out = course / "source" / lesson / path.name
        out.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(to_source(nb, str(path), points), out)
        ids.append(lesson)
    return ids


def nbgrader(course, *args, timeout=900):
    """Run the nbgrader command line in a course directory (this interpreter's nbgrader)."""
    cmd = [sys.executable, "-m", "nbgrader", *args]
    env = dict(os.environ, JUPYTER_PLATFORM_DIRS="1")
    # nbgrader calls the `alembic` command of its own environment for its database: put it on PATH.
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    result = subprocess.run(cmd, cwd=course, env=env, capture_output=True, text=True, timeout=timeout)
    if result.returncode:
        raise RuntimeError(f"{' '.join(cmd[2:])} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result


def release(course, ids):
    """nbgrader generate_assignment for each lesson: the student version lands in release/<lesson>/.
    (One nbgrader run for the whole course when it holds exactly these lessons: it starts slowly.)"""
    present = sorted(p.name for p in (Path(course) / "source").iterdir() if p.is_dir())
    for lesson in ["*"] if present == sorted(ids) else ids:
        nbgrader(course, "generate_assignment", lesson, "--force")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", help="lessons to convert (default: notebooks/*.ipynb)")
    parser.add_argument("--course", default=str(ROOT / "assignments"), help="nbgrader course directory")
    parser.add_argument("--points", type=int, default=1, help="points per check (a cell's metadata wins)")
    parser.add_argument("--no-release", action="store_true", help="write the sources only")
    opts = parser.parse_args(argv)
    notebooks = opts.notebooks or sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    ids = write_course(opts.course, notebooks, opts.points)
    if not opts.no_release:
        release(opts.course, ids)
    for lesson, path in zip(ids, notebooks):
        n = len(exercises(nbformat.read(path, as_version=4), str(path)))
        print(f"{lesson}: {n} graded exercises ({n * opts.points} points)"
              + ("" if opts.no_release else f" -> {Path(opts.course) / 'release' / lesson}"))
    print(f"nbgrader course: {opts.course} (source/, release/, nbgrader_config.py)")


if __name__ == "__main__":
    main()
