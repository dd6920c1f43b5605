"""The course as students get it through JupyterHub (tests/test_hub.py, tests/test_grading_walk.py): a git
repository standing for the course's public one, and the nbgitpuller link a teacher shares."""
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[2]
LESSON = "notebooks/01_perceptron.ipynb"
REPO_NAME = "nn-course"                 # nbgitpuller's target folder: the repository's name


def course_repository(tmp):
    """A git repository standing for the course's public one: a clone of this repository with the working
    tree's notebooks committed on top (so uncommitted lessons are what the students get), on branch main."""
    repo = tmp / "git" / REPO_NAME
    git = ["git", "-c", "user.name=nn-course test", "-c", "user.email=test@localhost",
           "-c", "advice.detachedHead=false"]
    subprocess.run(git + ["clone", "-q", "--no-local", str(ROOT), str(repo)], check=True, timeout=120)
    subprocess.run(git + ["-C", str(repo), "checkout", "-q", "-B", "main"], check=True, timeout=60)
    shutil.rmtree(repo / "notebooks")
    shutil.copytree(ROOT / "notebooks", repo / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    subprocess.run(git + ["-C", str(repo), "add", "-A", "notebooks"], check=True, timeout=60)
    subprocess.run(git + ["-C", str(repo), "commit", "-q", "--allow-empty", "-m", "working tree"], check=True,
                   timeout=60)
    return repo


def git_pull_link(base, repo_url, path=LESSON):
    """The link a teacher shares: log in (or not yet), pull the course into the student's folder (a merge
    when it is already there), open the lesson in JupyterLab."""
    query = urlencode({"repo": repo_url, "branch": "main", "urlpath": f"lab/tree/{REPO_NAME}/{path}"})
    return f"{base}/hub/user-redirect/git-pull?{query}"
