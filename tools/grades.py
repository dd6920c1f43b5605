"""grades.csv a teacher can defend: one row per student and lesson, a column per exercise, and flags.

Reads nbgrader's gradebook (after `nbgrader autograde`) and the submitted notebooks. Columns: student_id,
assignment, score, max_score, one column per exercise (named after it: the test cell's grade_id is
`check-<exercise>`; empty when the lesson has no such exercise), flags. Flags, separated by "; ":
(a hidden test of tools/add_hidden_test.py has its own column, `hidden-<exercise>`.)
- `missing test cell <exercise>`: the submission had no such cell (nbgrader added it back and graded it);
- `changed test cell <exercise>`: the submission's test cell differs from the source (nbgrader restored it
  before grading, so the score is the restored check's; the change itself is worth a look). A hidden
  test's cell differs by design (the release leaves its tests out): not flagged;
- `replaced check: cell <i> <what>`: a student's cell rebinds `check`, `run` or something inside an
  imported module (`check.x = ...`, `np.allclose = ...`); graded checks run from fresh copies, so this
  does not change the score, but a teacher should know;
- `needs manual grade <exercise>`: nbgrader has no score for it (e.g. the cell errored before running);
- `no <lesson>.ipynb submitted (found: ...)`: the submission holds the lesson under another name (a
  browser's `<lesson> (1).ipynb`), which nbgrader skips: its score is 0 until it is collected again.

    python tools/grades.py --course ~/course            # writes ~/course/grades.csv and prints it
"""
import argparse
import ast
import csv
import io
import sys
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook, MissingEntry
from nbgrader.utils import compute_checksum

WATCHED = {"check", "run", "graded", "nnlib"}


def _root(node):
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def tampering(nb):
    """[(cell index, what)] for student cells that rebind the checks or patch an imported module."""
    found, modules = [], set(WATCHED)
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code" or cell.metadata.get("nbgrader", {}).get("grade"):
            continue
        try:
            tree = ast.parse(cell.source)
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                for alias in node.names:
                    bound = alias.asname or alias.name.split(".")[0]
                    origin = getattr(node, "module", None) or alias.name
                    if bound in ("check", "run") and not origin.startswith("nnlib"):
                        found.append((i, f"imports {alias.name} as {bound}"))
                    modules.add(bound)
            targets = (node.targets if isinstance(node, ast.Assign) else [node.target]
                       if isinstance(node, (ast.AugAssign, ast.AnnAssign)) else
                       node.targets if isinstance(node, ast.Delete) else [])
            for target in targets:
                root = _root(target)
                if isinstance(target, ast.Name) and root in ("check", "run"):
                    found.append((i, f"rebinds {root}"))
                elif not isinstance(target, ast.Name) and root in modules:
                    found.append((i, f"assigns {ast.unparse(target)}"))
            if isinstance(node, ast.Call) and ast.unparse(node.func) in ("setattr", "delattr"):
                found.append((i, f"calls {ast.unparse(node.func)}"))
    return found


def _flags(gb, course, student, lesson, sources):
    flags = []
    path = Path(course) / "submitted" / student / lesson / f"{lesson}.ipynb"
    nb = nbformat.read(path, as_version=4) if path.exists() else None
    if nb is None:
        others = sorted(p.name for p in path.parent.glob("*.ipynb"))
        return [f"no {path.name} submitted (found: {', '.join(others) or 'nothing'}; "
                "tools/collect_lessons.py --files matches renamed copies)"]
    cells = {} if nb is None else {c.metadata["nbgrader"]["grade_id"]: c for c in nb.cells
                                   if c.metadata.get("nbgrader", {}).get("grade_id")}
    for grade_id, source in sources.items():
        name = grade_id.removeprefix("check-")
        if grade_id not in cells:
            flags.append(f"missing test cell {name}")
        elif compute_checksum(cells[grade_id]) != source.checksum and "BEGIN HIDDEN TESTS" not in source.source:
            flags.append(f"changed test cell {name}")
    flags += [f"replaced check: cell {i} {what}" for i, what in ([] if nb is None else tampering(nb))]
    return flags


def rows(course, course_id="nn-course"):
    """(exercise column names, [row dicts]) from the course's gradebook and submitted notebooks."""
    out, exercises = [], []
    with Gradebook(f"sqlite:///{Path(course) / 'gradebook.db'}", course_id) as gb:
        for assignment in gb.assignments:
            lesson = assignment.name
            for notebook in assignment.notebooks:
                graded = {c.name for c in notebook.grade_cells}
                sources = {c.name: c for c in notebook.source_cells if c.name in graded}
                exercises += [n.removeprefix("check-") for n in sources if n.removeprefix("check-") not in exercises]
                for sub in gb.assignment_submissions(lesson):
                    try:
                        nb = gb.find_submission_notebook(notebook.name, lesson, sub.student_id)
                    except MissingEntry:
                        continue
                    row = {"student_id": sub.student_id, "assignment": lesson, "score": nb.score,
                           "max_score": nb.max_score}
                    flags = _flags(gb, course, sub.student_id, lesson, sources)
                    for grade in nb.grades:
                        name = grade.name.removeprefix("check-")
                        row[name] = grade.score
                        if grade.score is None:
                            flags.append(f"needs manual grade {name}")
                    row["flags"] = "; ".join(flags)
                    out.append(row)
    return exercises, sorted(out, key=lambda r: (r["assignment"], r["student_id"]))


def write(course, path=None):
    """Write grades.csv (default: <course>/grades.csv); returns its text."""
    exercises, table = rows(course)
    text = io.StringIO()
    writer = csv.DictWriter(text, ["student_id", "assignment", "score", "max_score", *exercises, "flags"],
                            lineterminator="\n")
    writer.writeheader()
    writer.writerows(table)
    Path(path or Path(course) / "grades.csv").write_text(text.getvalue())
    return text.getvalue()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--course", required=True, help="the nbgrader course directory (holds gradebook.db)")
    parser.add_argument("--out", help="where to write the CSV (default: <course>/grades.csv)")
    opts = parser.parse_args(argv)
    print(write(opts.course, opts.out), end="")


if __name__ == "__main__":
    sys.exit(main())
