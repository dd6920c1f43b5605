"""The learner's and the teacher's JupyterLab (`make lab`, `make teach`; settings in jupyter/), as they start.

Each role's server runs with the repository's jupyter/<role>/ on JUPYTER_CONFIG_PATH, exactly as the
Makefile starts it, with its own config/data/runtime folders (no user settings leak in) and a copy of the
lessons as its root. Checked: the server log shows no warning; the learner lands on lesson 1 with every
lesson's name whole in the file browser, no news pop-up, and no grading tools (no Nbgrader menu, no
formgrader); the teacher has them. Headless Chromium is Debian's /usr/bin/chromium; without it the test
is skipped, saying so (under CI=true it fails instead).
"""
import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from support.servers import free_port, log_tail, wait_until_answers  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
LESSONS = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
# A warning in the server's log: Jupyter's "[W ...]" lines, Python warnings, nbgrader's own lines, and
# jupyter-lsp's list of language servers it did not find.
WARNING = re.compile(r"^\[W |Warning|WARNING|Skipped non-installed", re.M)


def missing(what):
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} (CI=true: this test must run, not skip)")
    pytest.skip(what)


@contextlib.contextmanager
def lab_server(role, home, root_dir=None):
    """JupyterLab with jupyter/<role>/ as its settings (and root_dir, if given, as its root); yields
    (base URL, token, log path)."""
    notebooks = home / "notebooks"
    shutil.copytree(ROOT / "notebooks", notebooks, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    kernel = home / "path" / "kernels" / "python3"
    kernel.mkdir(parents=True)
    (kernel / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3 (nn-course, under test)", "language": "python",
        "metadata": {"supported_encryption": ["curve"]}}))  # as ipykernel's own kernel.json declares
    env = dict(os.environ, HOME=str(home), JUPYTER_PLATFORM_DIRS="1", JUPYTER_CONFIG_PATH=str(ROOT / "jupyter" / role),
               JUPYTER_CONFIG_DIR=str(home / "config"), JUPYTER_DATA_DIR=str(home / "data"),
               JUPYTER_RUNTIME_DIR=str(home / "runtime"), JUPYTER_PATH=str(home / "path"), JUPYTER_PREFER_ENV_PATH="0")
    env.pop("JUPYTER_TOKEN", None)
    # As `make lab` does: the lessons' stored outputs are the course's own.
    subprocess.run([Path(sys.executable).parent / "jupyter", "trust", *sorted(notebooks.glob("*.ipynb"))],
                   env=env, check=True, capture_output=True, timeout=120)
    port, token = free_port(), os.urandom(16).hex()
    cmd = [sys.executable, "-m", "jupyterlab", "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}",
           "--ServerApp.port_retries=0", "--ServerApp.open_browser=False", f"--IdentityProvider.token={token}"]
    if root_dir is not None:
        cmd.append(f"--ServerApp.root_dir={root_dir}")
    if os.geteuid() == 0:
        cmd.append("--allow-root")
    log_path = home / "server.log"
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(cmd, cwd=home, env=env, stdin=subprocess.DEVNULL, stdout=log,
                                stderr=subprocess.STDOUT, start_new_session=True)
        base = f"http://127.0.0.1:{port}"
        try:
            wait_until_answers(proc, lambda: urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=5),
                               90, "JupyterLab", lambda: log_tail(log, log_path, 4000))
            yield base, token, log_path
        finally:
            proc.send_signal(signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(20)
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(20)


def status(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code


def wait_for_kernel_connection(base, token, timeout=90):
    """Wait until the lesson's kernel has its websocket (whatever the server logs then is in the log). A 5xx
    answer while a kernel starts is jupyter_server's own race (listing a kernel whose `last_activity` is not set
    yet raises): asked again, as JupyterLab's own polling does."""
    deadline, refused = time.monotonic() + timeout, []
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{base}/api/kernels?token={token}", timeout=30) as r:
                if any(k["connections"] > 0 and k["execution_state"] == "idle" for k in json.load(r)):
                    time.sleep(1)
                    return
        except urllib.error.HTTPError as error:
            if error.code < 500:
                raise
            refused.append(error.code)
        time.sleep(0.5)
    raise AssertionError(f"no kernel connected within {timeout} s (server errors while asking: {refused})")


def setting_default(base, token, plugin, key):
    """The default the server gives a JupyterLab setting (the schema's, or the course's overrides.json)."""
    with urllib.request.urlopen(f"{base}/lab/api/settings/{plugin}?token={token}", timeout=30) as r:
        return json.load(r)["schema"]["properties"][key]["default"]


# Read in the page once JupyterLab has shown lesson 1 and the file browser.
PAGE_FACTS = """() => ({
  menus: [...document.querySelectorAll('.lm-MenuBar-itemLabel')].map(e => e.textContent.trim()),
  names: [...document.querySelectorAll('.jp-DirListing-itemText')].map(
      e => ({text: e.textContent.trim(), cut: e.scrollWidth > e.clientWidth + 1})),
  tab: document.querySelector('.jp-mod-current .lm-TabBar-tabLabel')?.textContent || '',
  toasts: [...document.querySelectorAll('.Toastify__toast')].map(e => e.textContent),
  sidePanels: [...document.querySelectorAll('.jp-SideBar .lm-TabBar-tab')].map(e => e.title || e.textContent),
})"""


def open_lab(base, token, log, shot, lesson=True):
    """Open JupyterLab in Chromium; return what the page shows, and the server log up to then."""
    if not os.path.exists(CHROMIUM):
        missing(f"Debian package chromium not installed: {CHROMIUM} missing (apt-get install chromium)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.goto(f"{base}/?token={token}", timeout=90_000)
            page.wait_for_selector(".jp-DirListing-itemText", timeout=90_000)
            if lesson:
                page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=90_000)
                wait_for_kernel_connection(base, token)
            page.wait_for_timeout(3000)  # the news question, when asked, comes a moment after the start
            facts = page.evaluate(PAGE_FACTS)
            facts["url"] = page.url
            facts["log"] = log.read_text(errors="replace")
            screenshots = os.environ.get("NN_COURSE_SCREENSHOTS")
            if screenshots:
                page.screenshot(path=str(Path(screenshots) / shot))
            return facts
        finally:
            browser.close()


def test_learner_lab_opens_lesson_1_quietly_without_grading_tools(tmp_path):
    with lab_server("learner", tmp_path, tmp_path / "notebooks") as (base, token, log):
        facts = open_lab(base, token, log, "lab_learner_start.png")
        assert setting_default(base, token, "@jupyterlab/apputils-extension:notification", "fetchNews") == "false"
        assert status(f"{base}/formgrader?token={token}") == 404
    text = facts["log"]
    assert "/lab/tree/01_perceptron.ipynb" in facts["url"]
    assert "01_perceptron.ipynb" in facts["tab"], facts
    shown = [n["text"] for n in facts["names"]]
    assert set(LESSONS) <= set(shown), shown
    assert not [n["text"] for n in facts["names"] if n["cut"]], f"lesson names cut off: {facts['names']}"
    assert "Nbgrader" not in facts["menus"], facts["menus"]
    assert not any("nbgrader" in s.lower() or "assignment" in s.lower() for s in facts["sidePanels"]), facts
    assert not any("news" in t.lower() for t in facts["toasts"]), facts["toasts"]
    assert not WARNING.findall(text), f"warnings in the server's log:\n{text}"


def test_teacher_lab_has_nbgrader_quietly(tmp_path):
    with lab_server("teacher", tmp_path) as (base, token, log):
        facts = open_lab(base, token, log, "lab_teacher_start.png", lesson=False)
        assert status(f"{base}/formgrader?token={token}") == 200
    text = facts["log"]
    assert "Nbgrader" in facts["menus"], facts["menus"]
    assert not WARNING.findall(text), f"warnings in the server's log:\n{text}"
