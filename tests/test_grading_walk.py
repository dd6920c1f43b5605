"""From the class's hub link to a grade, on lesson 1: the file the link opens is the file that is graded.

The pieces of tests/test_hub.py without the hub's servers (they cost a minute on 2 cores; that test shows
the link opening this file in JupyterLab): the course repository, the teacher's nbgitpuller link, and
nbgitpuller itself pulling the course into five students' home folders. Then each student edits the file
the link opens (as JupyterLab saves it), tools/collect_lessons.py collects the homes into an nbgrader
course made by tools/make_assignments.py, nbgrader autogrades, tools/grades.py writes grades.csv and
nbgrader writes the feedback. Expected, 1 point per exercise (4):
- ada: correct, written in her own style                                  4/4
- ben: the catalogued slip of signed_distance (z, not the distance)      3/4, the slip's hint in his feedback
- cho: untouched                                                          0/4
- dev: correct, uploaded back as "01_perceptron (1).ipynb"                4/4, collected from that file
- eve: rebinds check.signed_distance, a wrong signed_distance, deletes
       the first_epoch_nand test cell, a correct prediction              3/4, flagged three ways
- fay: two copies of the lesson                                           refused loudly, not collected
"""
import csv
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import grades  # noqa: E402
import make_assignments as ma  # noqa: E402
from support.hub_course import REPO_NAME, course_repository, git_pull_link  # noqa: E402

LESSON = "01_perceptron"
ANSWERS = {
    "ada": {"and_not_weights": "w_and_not = np.array([2.0, -2.0])\nb_and_not = -1",
            "signed_distance": "def signed_distance(X, w, b):\n    z = X @ w + b\n    return z / np.sqrt(w @ w)",
            "first_epoch_nand": "prediction = [-1, -1, -1]",
            "weight_history": None},      # None: the reference solution's code
    "ben": {"signed_distance": "def signed_distance(X, w, b):\n    return X @ w + b"},
    "eve": {"signed_distance": "from nnlib import check\ncheck.signed_distance = lambda fn: True\n\n"
                               "def signed_distance(X, w, b):\n    return X @ w",
            "first_epoch_nand": "prediction = (-1.0, -1.0, -1.0)"},
}
REFERENCE = ("ben", "eve")     # the reference solutions for the exercises their entry leaves out
EXPECTED = {"ada": 4, "ben": 3, "cho": 0, "dev": 4, "eve": 3}


def _edit(nb, answers, found):
    cells = {c.metadata.get("exercise"): c for c in nb.cells if "exercise" in c.metadata.get("tags", [])}
    for ex in found:
        if ex["name"] in answers:
            cells[ex["name"]].source = answers[ex["name"]] or ex["code"]
    return nb


@pytest.fixture(scope="module")
def walked(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("walk")
    repo = course_repository(tmp)
    link = git_pull_link("https://hub.example", repo.as_uri())
    query = parse_qs(urlparse(link).query)
    opened = Path(query["urlpath"][0].removeprefix("lab/tree/"))      # what JupyterLab opens, under the home
    assert opened == Path(REPO_NAME) / "notebooks" / f"{LESSON}.ipynb"
    homes = tmp / "home"
    for student in (*EXPECTED, "fay"):
        subprocess.run([str(Path(sys.executable).parent / "gitpuller"), query["repo"][0], query["branch"][0],
                        str(homes / student / REPO_NAME)], check=True, capture_output=True, timeout=120)
    original = nbformat.read(homes / "ada" / opened, as_version=4)
    found = ma.exercises(original, LESSON)
    for student, answers in ANSWERS.items():
        if student in REFERENCE:
            answers = {ex["name"]: None for ex in found} | answers
        nb = _edit(nbformat.read(homes / student / opened, as_version=4), answers, found)
        if student == "eve":
            nb.cells = [c for c in nb.cells if not ("check" in c.metadata.get("tags", [])
                                                    and "first_epoch_nand" in c.source)]
        nbformat.write(nb, homes / student / opened)
    dev = _edit(nbformat.read(homes / "dev" / opened, as_version=4), {ex["name"]: None for ex in found}, found)
    nbformat.write(dev, (homes / "dev" / opened).with_name(f"{LESSON} (1).ipynb"))
    (homes / "dev" / opened).unlink()
    nbformat.write(original, (homes / "fay" / opened).with_name(f"{LESSON}-Copy1.ipynb"))

    course = tmp / "course"
    ma.write_course(course, [ROOT / "notebooks" / f"{LESSON}.ipynb"])
    ma.release(course, [LESSON])
    env = dict(os.environ, PATH=os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]]))
    collect = subprocess.run([sys.executable, str(ROOT / "tools" / "collect_lessons.py"), LESSON, "--course",
                              str(course), "--homes", str(homes)], capture_output=True, text=True, env=env,
                             timeout=120)
    t0 = time.monotonic()
    log = ma.nbgrader(course, "autograde", LESSON).stderr
    seconds = time.monotonic() - t0
    ma.nbgrader(course, "generate_feedback", LESSON)
    table = grades.write(course)
    print(f"\nautograde of {len(EXPECTED)} students: {seconds:.1f} s\n{table}")
    rows = {r["student_id"]: r for r in csv.DictReader(table.splitlines())}
    return {"course": course, "collect": collect, "log": log, "rows": rows, "found": found}


def test_collect_matches_a_copy_and_refuses_two(walked):
    collect = walked["collect"]
    assert collect.returncode == 1, collect
    assert f"dev: collected (from '{LESSON} (1).ipynb')" in collect.stdout
    assert re.search(rf"REFUSED fay: 2 notebooks of {LESSON} .*'{LESSON}-Copy1.ipynb', '{LESSON}.ipynb'",
                     collect.stderr), collect.stderr
    assert sorted(p.name for p in (walked["course"] / "submitted").iterdir()) == sorted(EXPECTED)


def test_expected_points_per_exercise(walked):
    rows, names = walked["rows"], [ex["name"] for ex in walked["found"]]
    assert {s: float(r["score"]) for s, r in rows.items()} == EXPECTED
    assert all(float(r["max_score"]) == len(names) for r in rows.values())
    assert {n: float(rows["ben"][n]) for n in names} == {n: float(n != "signed_distance") for n in names}
    assert float(rows["eve"]["signed_distance"]) == 0 and float(rows["eve"]["first_epoch_nand"]) == 1
    assert {s: r["flags"] for s, r in rows.items() if s != "eve"} == {s: "" for s in rows if s != "eve"}
    flags = rows["eve"]["flags"]
    for flag in ("missing test cell first_epoch_nand", "replaced check: cell", "assigns check.signed_distance"):
        assert flag in flags, flags


def test_autograde_log_has_only_what_matters(walked):
    log = walked["log"]
    assert "Cell output is True" not in log and "SAWarning" not in log, log
    # Left: ipykernel's one line per student about its local TCP sockets (not about the work; setting
    # KernelManager.transport = "ipc" instead left the grading kernels unanswered).
    warnings = [line for line in log.splitlines() if ("WARNING" in line or "Warning" in line)
                and "Kernel is running over TCP" not in line]
    assert warnings and all("first_epoch_nand" in w for w in warnings), warnings    # eve's deleted cell only


def _feedback(walked, student):
    return (walked["course"] / "feedback" / student / LESSON / f"{LESSON}.html").read_text()


def test_feedback_a_student_can_read(walked):
    page = re.sub(r"<style.*?</style>", "", _feedback(walked, "ben"), flags=re.S)
    summary = page[:page.index("</table>")] if "</table>" in page else page
    for ex in walked["found"]:
        assert f"check-{ex['name']}" in summary, f"summary does not name {ex['name']}"
    hint = "You returned z = X @ w + b"
    assert page.count(hint) == 1, page.count(hint)
    for leak in ("Traceback", "engine.py", str(ROOT), "site-packages", "AssertionError"):
        assert leak not in page, leak
    # Nothing under a passed check: ada's test cells have no output at all.
    graded = nbformat.read(walked["course"] / "autograded" / "ada" / LESSON / f"{LESSON}.ipynb", as_version=4)
    tests = [c for c in graded.cells if c.metadata.get("nbgrader", {}).get("grade")]
    assert len(tests) == len(walked["found"]) and all(c.outputs == [] for c in tests)
    full = _feedback(walked, "ada")
    assert not [ex["name"] for ex in walked["found"] if f"{ex['name']}: not yet" in full]


CHROMIUM = "/usr/bin/chromium"
TYPESET_JS = """() => ({typeset: document.querySelectorAll('mjx-container').length,
  raw: (document.body.innerText.match(/\\$\\\\mathbf\\{w\\}\\$/g) || []).length})"""


def open_offline(html, screenshot=None, scroll_to=None):
    """Open a feedback page in headless Chromium with every network request refused: ({typeset: maths
    typeset by MathJax, raw: `$\\mathbf{w}$` left as text}, [refused requests])."""
    from playwright.sync_api import sync_playwright
    refused = []

    def refuse(route):
        refused.append(route.request.url)
        route.abort()

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                    args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 900})
            page.route(re.compile(r"^(?!file:).*"), refuse)
            page.goto(Path(html).as_uri())
            page.wait_for_function("() => document.querySelectorAll('mjx-container').length > 0", timeout=60_000)
            got = page.evaluate(TYPESET_JS)
            if screenshot:
                if scroll_to:
                    page.get_by_text(scroll_to).first.scroll_into_view_if_needed()
                page.screenshot(path=str(screenshot))
        finally:
            browser.close()
    return got, refused


def test_feedback_maths_typeset_offline(walked, tmp_path):
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} missing (Debian package chromium): the offline maths cannot be checked")
    html = walked["course"] / "feedback" / "ben" / LESSON / f"{LESSON}.html"
    shot = Path(os.environ.get("NN_COURSE_FEEDBACK_SHOT", tmp_path / "feedback.png"))
    got, refused = open_offline(html, shot, scroll_to="signed_distance: not yet.")
    assert got["typeset"] > 10 and got["raw"] == 0, got
    assert not [u for u in refused if "mathjax" in u.lower()], refused
