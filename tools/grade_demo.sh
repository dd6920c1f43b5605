#!/usr/bin/env bash
# The README's "Graded with nbgrader" steps, on a fresh course directory, with nbgrader's exchange and one
# student. tests/test_grade_demo.py (part of `make test`) runs it, and checks that the README's code block
# is exactly the lines between the "README:begin" and "README:end" markers below, so the two cannot drift.
#
#   tools/grade_demo.sh COURSE EXCHANGE STUDENT_HOME   # three folders that do not exist yet
#
# A real class: COURSE=~/course, EXCHANGE=/srv/nbgrader/exchange (shared by the hub's users, writable by
# all), and each student runs the student lines in their own server (JupyterLab's Assignments tab does the
# same fetch and submit).
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
COURSE=$(realpath -m "$1") EXCHANGE=$(realpath -m "$2") STUDENT_HOME=$(realpath -m "$3")
for dir in "$COURSE" "$EXCHANGE" "$STUDENT_HOME"; do
  [ ! -e "$dir" ] || { echo "grade_demo.sh: $dir exists; give three new folders" >&2; exit 2; }
done
mkdir -p "$STUDENT_HOME"
cd "$REPO"
# README:begin
# The course environment's bin first on PATH: nbgrader runs its `alembic` to make gradebook.db.
export PATH="$REPO/.venv/bin:$PATH"
python tools/make_assignments.py --no-release notebooks/01_perceptron.ipynb  # or: make assignments
mkdir -p "$COURSE/source" "$EXCHANGE"         # source/ first, or cp -r lands the notebook as source/<lesson>.ipynb
cp -r assignments/source/01_perceptron "$COURSE/source/"
cp assignments/nbgrader_config.py "$COURSE/"   # course_id, per-cell timeout (its reason inside), add_missing_cells
echo "c.Exchange.root = '$EXCHANGE'" >> "$COURSE/nbgrader_config.py"
chmod 777 "$EXCHANGE"                          # every student writes their submission into it
# A hidden test of your own, not through `check`: a test cell whose lines between BEGIN and END HIDDEN TESTS
# nbgrader removes from the release and puts back when grading (tools/add_hidden_test.py writes one).
python tools/add_hidden_test.py "$COURSE/source/01_perceptron/01_perceptron.ipynb" signed_distance \
  'assert np.allclose(signed_distance(np.array([[3.0, 4.0]]), np.array([3.0, 4.0]), -5.0), [4.0])'
cd "$COURSE"
# A failed first run would leave a half-made gradebook.db that later commands use as it is: remove it.
nbgrader generate_assignment 01_perceptron || { rm -f gradebook.db; exit 1; }   # release/: no solutions
nbgrader release_assignment 01_perceptron      # into the exchange, for course nn-course
# Each student, in their own folder:
(cd "$STUDENT_HOME" && nbgrader fetch_assignment 01_perceptron --course nn-course --Exchange.root="$EXCHANGE")
# README:end
# (the student answers one exercise, as JupyterLab would save it)
python - "$STUDENT_HOME/01_perceptron/01_perceptron.ipynb" <<'EOF'
import sys
import nbformat
nb = nbformat.read(sys.argv[1], as_version=4)
cell = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "answer-signed_distance")
cell.source = "def signed_distance(X, w, b):\n    return (X @ w + b) / np.linalg.norm(w)"
nbformat.write(nb, sys.argv[1])
EOF
# README:begin
(cd "$STUDENT_HOME" && nbgrader submit 01_perceptron --course nn-course --Exchange.root="$EXCHANGE")
# The teacher (students who worked in the hub link's notebooks/ instead: tools/collect_lessons.py --homes):
nbgrader collect 01_perceptron                 # submitted/<student>/01_perceptron/
nbgrader autograde 01_perceptron               # autograded/; one student after another
# Manual grading and comments: formgrader, in JupyterLab started in $COURSE (menu Nbgrader > Formgrader).
nbgrader generate_feedback 01_perceptron       # feedback/<student>/01_perceptron/01_perceptron.html
nbgrader release_feedback 01_perceptron        # students: nbgrader fetch_feedback 01_perceptron --course nn-course
python "$REPO/tools/grades.py" --course "$COURSE"   # grades.csv: a column per exercise, and flags
# README:end
(cd "$STUDENT_HOME" && nbgrader fetch_feedback 01_perceptron --course nn-course --Exchange.root="$EXCHANGE")
