"""Collect what the students worked in (the lessons the hub link opened) into nbgrader's `submitted/`.

The README's hub link pulls the course into each student's `~/nn-course` and opens
`notebooks/<lesson>.ipynb`: that file is the student's work. This script copies it, for every student, to
`<course>/submitted/<student>/<lesson>/<lesson>.ipynb`, with the nbgrader metadata of the teacher's source
notebook (`make assignments`) put on its exercise cells, so `nbgrader autograde <lesson>` grades exactly
what the student opened. A lesson's check cell still calling `check.<name>(<args>)` becomes the graded test
cell; one the student edited keeps the edit (nbgrader restores it, and tools/grades.py flags it).

A file is the lesson's when it is named `<lesson>.ipynb` or a browser's or JupyterLab's copy of it
(`<lesson> (1).ipynb`, `<lesson>-Copy1.ipynb`); the copy is used and named in the output. Two or more
candidates for one student, or none, are refused loudly: nothing is collected for that student, the
script says which files, and it exits with status 1 after collecting the others.

    python tools/collect_lessons.py --course ~/course 01_perceptron --homes /home      # <home>/nn-course/notebooks
    python tools/collect_lessons.py --course ~/course 01_perceptron --files downloads  # downloads/<student>/*.ipynb
"""
import argparse
import copy
import re
import sys
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_assignments as ma  # noqa: E402

REPO_NAME = "nn-course"


class Refused(ValueError):
    """A student's work cannot be told apart: no lesson file, or more than one."""


def lesson_files(folder, lesson):
    """The notebooks in `folder` that are `lesson`: its own name or a copy's (`(1)`, `-Copy1`)."""
    pattern = re.compile(rf"{re.escape(lesson)}(?: \(\d+\)|-Copy\d+)?\.ipynb")
    return sorted(p for p in Path(folder).glob("*.ipynb") if pattern.fullmatch(p.name))


def pick(folder, lesson, student):
    """The one file of `lesson` in a student's folder; Refused naming what was found otherwise."""
    found = lesson_files(folder, lesson)
    if len(found) != 1:
        names = ", ".join(repr(p.name) for p in found) or "no file"
        raise Refused(f"{student}: {len(found)} notebooks of {lesson} in {folder} ({names}): need exactly one; "
                      "remove or rename the others, then collect again")
    return found[0]


def as_submission(nb, source):
    """The student's lesson `nb` with the nbgrader metadata of the teacher's `source` notebook on its
    exercise and check cells (matched by the cells' tags and exercise names, not by position)."""
    meta = {c.metadata["nbgrader"]["grade_id"]: c.metadata["nbgrader"] for c in source.cells
            if "nbgrader" in c.metadata}
    out, name = copy.deepcopy(nb), None
    for cell in out.cells:
        tags = cell.metadata.get("tags", [])
        cell.metadata.pop("nbgrader", None)
        if "exercise" in tags and cell.cell_type == "code":
            name = cell.metadata.get("exercise")
            if f"answer-{name}" in meta:
                cell.metadata["nbgrader"] = dict(meta[f"answer-{name}"])
        elif "check" in tags and cell.cell_type == "code" and name is not None and f"check-{name}" in meta:
            try:
                called, _ = ma.check_call(cell.source)
            except ma.FormatError:
                called = None                  # edited by the student: kept, restored and flagged at grading
            if called == name:
                cell.source = ma.test_cell(cell.source)
            cell.metadata["nbgrader"] = dict(meta[f"check-{name}"])
            name = None
    return out


def collect(course, lesson, folders):
    """Copy each student's lesson into submitted/; `folders` maps student -> the folder holding their
    lesson. Returns (collected {student: file used}, refused [messages])."""
    course = Path(course)
    source = nbformat.read(course / "source" / lesson / f"{lesson}.ipynb", as_version=4)
    collected, refused = {}, []
    for student, folder in sorted(folders.items()):
        try:
            path = pick(folder, lesson, student)
        except Refused as e:
            refused.append(str(e))
            continue
        out = course / "submitted" / student / lesson / f"{lesson}.ipynb"
        out.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(as_submission(nbformat.read(path, as_version=4), source), out)
        collected[student] = path
    return collected, refused


def hub_folders(homes, repo=REPO_NAME):
    """student -> <home>/<repo>/notebooks, for every home folder under `homes` (the hub's home root)."""
    return {home.name: home / repo / "notebooks" for home in sorted(Path(homes).iterdir()) if home.is_dir()}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lesson", help="the lesson's name, e.g. 01_perceptron")
    parser.add_argument("--course", required=True, help="the nbgrader course directory (holds source/<lesson>)")
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--homes", help="the students' home folders (each with nn-course/notebooks)")
    where.add_argument("--files", help="a folder with one folder of notebooks per student")
    opts = parser.parse_args(argv)
    if opts.homes:
        folders = hub_folders(opts.homes)
    else:
        folders = {d.name: d for d in sorted(Path(opts.files).iterdir()) if d.is_dir()}
    collected, refused = collect(opts.course, opts.lesson, folders)
    for student, path in collected.items():
        renamed = "" if path.name == f"{opts.lesson}.ipynb" else f" (from {path.name!r})"
        print(f"{student}: collected{renamed}")
    for message in refused:
        print(f"REFUSED {message}", file=sys.stderr)
    return 1 if refused else 0


if __name__ == "__main__":
    sys.exit(main())
