"""Graded assignments: tools/make_assignments.py + nbgrader, on a throw-away nbgrader course directory.

One lesson (lesson 1 by default; NN_COURSE_NBGRADER_LESSONS="notebooks/a.ipynb notebooks/b.ipynb" for
others) goes through the teacher's whole round: make the source, generate the release, collect three
submissions, autograde them, generate feedback. The converter is generic (every lesson goes through it
in `make assignments`, and test_every_lesson_converts converts them all here, without grading):
- the release holds no solution code and no folded solution;
- the reference solutions get full points;
- the untouched release gets zero points, and the feedback shows each check's "not attempted yet" reply;
- one catalogued slip loses exactly that exercise's points, and the feedback shows the slip's hint.
"""
import ast
import builtins
import contextlib
import csv
import html
import importlib
import inspect
import io
import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import nbformat
import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import make_assignments as ma  # noqa: E402

from nnlib.exercises import graded as graded_mode  # noqa: E402 (fails loudly if it is missing)

LESSONS = [Path(p) for p in os.environ.get("NN_COURSE_NBGRADER_LESSONS", "").split()] or \
    [ROOT / "notebooks" / "01_perceptron.ipynb"]
CHECK_MODULE = os.environ.get("NN_COURSE_CHECK_MODULE", "nnlib.check")  # what the lessons call `check`
STUDENTS = ("reference", "untouched", "slip")
POINTS = 2


def _check(name):
    return getattr(importlib.import_module(CHECK_MODULE), name)


def _run_check(name, namespace, args):
    """(passed, printed text) of check.<name>(*args) with names looked up in `namespace`."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        ok = _check(name)(*[eval(a, namespace) for a in args])
    return ok, out.getvalue()


def _lambda_source(fn):
    """`lambda ...: ...` of a lambda defined inside a table (the one lambda on its line), or None."""
    tree = ast.parse(inspect.getsource(inspect.getmodule(fn)))
    found = [n for n in ast.walk(tree) if isinstance(n, ast.Lambda) and n.lineno == fn.__code__.co_firstlineno]
    return ast.unparse(found[0]) if len(found) == 1 else None


def _context(fn, seen):
    """Code defining what a slip's function uses from its lesson module or its enclosing function: helper
    functions (their source), modules (an import) and literal values (an assignment), as a student's
    notebook would have them. None when something cannot be written out."""
    lines, module = [], inspect.getmodule(fn)
    cells = dict(zip(fn.__code__.co_freevars, (c.cell_contents for c in fn.__closure__ or ())))
    names = {n: getattr(module, n) for n in fn.__code__.co_names if hasattr(module, n)} | cells
    for name, value in names.items():
        if name in seen or name in vars(builtins):
            continue
        seen.add(name)
        if inspect.ismodule(value):
            lines.append(f"import {value.__name__} as {name}")
        elif inspect.isfunction(value):
            code = _value_code(name, value, seen)
            if code is None:
                return None
            lines.append(code)
        elif not inspect.isclass(value) and (code := _value_code(name, value, seen)) is not None:
            lines.append(code)
        else:
            return None
    return "\n".join(lines)


def _value_code(target, value, seen=None):
    """Code binding `target` to a slip's answer as a student would type it, or None if it cannot be."""
    seen = set() if seen is None else seen
    if inspect.isfunction(value):
        try:
            src = textwrap.dedent(inspect.getsource(value))
        except (OSError, TypeError):
            return None
        if value.__name__ == "<lambda>":
            lam = _lambda_source(value)
            if lam is None:
                return None
            node = ast.parse(lam).body[0].value
            src = f"def {target}({ast.unparse(node.args)}):\n    return {ast.unparse(node.body)}\n"
        elif not src.startswith("def "):
            return None
        context = _context(value, seen | {target})
        if context is None:
            return None
        alias = "" if value.__name__ in (target, "<lambda>") else f"\n{target} = {value.__name__}"
        return (context + "\n\n" if context else "") + src.rstrip() + alias
    if isinstance(value, np.ndarray):
        return f"{target} = np.array({value.tolist()!r}, dtype=np.{value.dtype})"
    try:
        if eval(repr(value), {}) == value:
            return f"{target} = {value!r}"
    except Exception:  # noqa: BLE001 (no literal for this value)
        pass
    return None


def slip_cell(ex):
    """(cell code, hint, slip) for the first slip of the exercise that a student could type; the code
    makes the check print that slip's hint (verified here); None when no slip of it can be typed."""
    check = _check(ex["name"])
    slips = sys.modules[check.__module__].SLIPS[ex["name"]]
    for slip in slips:
        answers = slip.answer if type(slip.answer).__name__ == "Answers" else (slip.answer,)
        if len(answers) != len(ex["args"]):
            continue
        parts = [_value_code(t, v) for t, v in zip(ex["args"], answers)]
        if None in parts:
            continue
        code = "import numpy as np\nimport nnlib\n\n" + "\n\n".join(parts)
        namespace = {}
        try:
            exec(compile(code, "<slip>", "exec"), namespace)
            ok, text = _run_check(ex["name"], namespace, ex["args"])
        except Exception:  # noqa: BLE001 (this slip's source does not stand alone: try the next)
            continue
        if not ok and slip.hint in text:
            return code, slip.hint, slip
    return None


def _exercise_cells(nb):
    return {c.metadata["exercise"]: c for c in nb.cells if "exercise" in c.metadata.get("tags", [])}


def _submit(course, student, lesson, nb):
    out = course / "submitted" / student / lesson / f"{lesson}.ipynb"
    out.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, out)


SCORES = """
import json, sys
from nbgrader.api import Gradebook
course, lesson = sys.argv[1:3]
out = {}
with Gradebook(f"sqlite:///{course}/gradebook.db", "nn-course") as gb:
    for sub in gb.assignment_submissions(lesson):
        nb = gb.find_submission_notebook(lesson, lesson, sub.student_id)
        out[sub.student_id] = {"score": nb.score, "max_score": nb.max_score,
                               "grades": {g.name: g.score for g in nb.grades}}
print(json.dumps(out))
"""


def scores(course, lesson):
    env = dict(os.environ, PATH=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]))
    result = subprocess.run([sys.executable, "-c", SCORES, str(course), lesson], env=env, capture_output=True,
                            text=True, timeout=120, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def feedback_text(course, student, lesson):
    page = (course / "feedback" / student / lesson / f"{lesson}.html").read_text()
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", page)).split())   # NotYet wraps its lines


@pytest.fixture(scope="module", params=LESSONS, ids=[p.stem for p in LESSONS])
def graded(request, tmp_path_factory):
    """A course with one lesson: source, release, three submissions autograded, feedback generated."""
    path = request.param
    lesson = path.stem
    course = tmp_path_factory.mktemp("course")
    original = nbformat.read(path, as_version=4)
    found = ma.exercises(original, str(path))
    assert found, f"{path}: no exercise in the 4-cell format"
    assert ma.write_course(course, [path], points=POINTS) == [lesson]
    ma.release(course, [lesson])
    released = nbformat.read(course / "release" / lesson / path.name, as_version=4)

    _submit(course, "untouched", lesson, released)
    reference = nbformat.from_dict(json.loads(json.dumps(released)))
    for ex in found:
        _exercise_cells(reference)[ex["name"]].source = ex["code"]
    _submit(course, "reference", lesson, reference)
    typed = [(ex, s) for ex in found if (s := slip_cell(ex)) is not None]
    assert typed, f"{path}: no catalogued slip of any exercise can be typed into a cell"
    # A wrong function (its source, as the student would type it) rather than a wrong number, if any.
    ex, (code, hint, slip) = next((t for t in typed if callable(t[1][2].answer)), typed[0])
    submission = nbformat.from_dict(json.loads(json.dumps(reference)))
    _exercise_cells(submission)[ex["name"]].source = code
    _submit(course, "slip", lesson, submission)

    ma.nbgrader(course, "autograde", lesson)
    ma.nbgrader(course, "generate_feedback", lesson)
    ma.nbgrader(course, "export")
    got = scores(course, lesson)
    print(f"\n{lesson}: slip submission: {ex['name']} <- slip {slip.name!r}; "
          + "; ".join(f"{s}: {g['score']:g}/{g['max_score']:g} {g['grades']}" for s, g in sorted(got.items())))
    return {"course": course, "lesson": lesson, "path": path, "original": original, "found": found,
            "released": released, "scores": got, "slip": (ex["name"], slip, hint)}


def test_release_has_no_solutions(graded):
    original, released, found = graded["original"], graded["released"], graded["found"]
    text = json.dumps(released)
    for marker in ("BEGIN SOLUTION", "END SOLUTION", "<details><summary>Solution", "Solution</summary>"):
        assert marker not in text, f"release contains {marker!r}"
    assert not [c for c in released.cells if "solution" in c.metadata.get("tags", [])]
    # No line of a reference solution is a line of the release, unless the lesson shows it elsewhere too
    # (imports aside); the release has no outputs that could hold one.
    assert not [c for c in released.cells if c.cell_type == "code" and c.outputs]
    def lines(cells):
        return {line.strip() for c in cells for line in c.source.splitlines()}
    shown = lines(c for i, c in enumerate(original.cells) if i not in {ex["solution"] for ex in found})
    in_release = lines(released.cells)
    secrets = 0
    for ex in found:
        secret = {line.strip() for line in ex["code"].splitlines()} - shown - {""}
        secret = {line for line in secret if not line.startswith(("import ", "from ", "#"))}
        secrets += len(secret)
        assert not secret & in_release, f"{ex['name']}: solution lines in the release: {secret & in_release}"
    assert secrets, "no solution line to look for"
    # The student's cells are the lesson's stubs, the checks are graded and read-only.
    cells = _exercise_cells(released)
    for ex in found:
        assert cells[ex["name"]].source.strip() == original.cells[ex["exercise"]].source.strip()
        meta = cells[ex["name"]].metadata["nbgrader"]
        assert meta["solution"] and not meta["grade"]
    tests = [c for c in released.cells if c.metadata.get("nbgrader", {}).get("grade")]
    assert len(tests) == len(found)
    assert all(c.metadata["nbgrader"]["locked"] and c.metadata["nbgrader"]["points"] == POINTS for c in tests)
    assert [c.source for c in tests] == [graded_mode.test_cell_source(ex["name"], ex["args"]) for ex in found]
    assert len(released.cells) == len(original.cells) - len(found)


def test_reference_solutions_get_full_points(graded):
    got = graded["scores"]["reference"]
    assert got["max_score"] == POINTS * len(graded["found"])
    assert got["score"] == got["max_score"], got
    # nbgrader export: the teacher's grades.csv has the same totals.
    with open(graded["course"] / "grades.csv", newline="") as f:
        rows = {r["student_id"]: r for r in csv.DictReader(f) if r["assignment"] == graded["lesson"]}
    assert {s: float(rows[s]["score"]) for s in STUDENTS} == {s: graded["scores"][s]["score"] for s in STUDENTS}


def test_untouched_release_gets_zero_and_not_yet_feedback(graded):
    got = graded["scores"]["untouched"]
    assert got["score"] == 0, got
    text = " ".join(feedback_text(graded["course"], "untouched", graded["lesson"]).split())
    for ex in graded["found"]:
        assert f"{ex['name']}: not attempted yet" in text, f"feedback lacks the not-attempted reply of {ex['name']}"


def test_one_slip_loses_exactly_its_points(graded):
    name, slip, hint = graded["slip"]
    got = graded["scores"]["slip"]
    expected = {f"check-{ex['name']}": (0 if ex["name"] == name else POINTS) for ex in graded["found"]}
    assert got["grades"] == expected, (slip.name, got)
    assert got["score"] == got["max_score"] - POINTS
    text = " ".join(feedback_text(graded["course"], "slip", graded["lesson"]).split())   # the reply is wrapped
    assert " ".join(f"{name}: not yet. {hint}".split()) in text


def test_every_lesson_converts():
    """`make assignments` converts every lesson: each is in the format and gives a valid source notebook."""
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        source = ma.to_source(nb, str(path))
        nbformat.validate(source)
        ids = [c.metadata["nbgrader"]["grade_id"] for c in source.cells if "nbgrader" in c.metadata]
        assert len(ids) == len(set(ids)) == 3 * len(ma.exercises(nb, str(path))), path.name
