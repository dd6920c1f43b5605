"""A JupyterLab server on loopback and a headless Chromium, shared by the browser tests.

The server serves a temporary COPY of notebooks/ (nothing in the repository changes), has its own
config/data/runtime directories (no user settings or saved workspaces leak in), and its only
python3 kernel is this very interpreter (the venv under test). Chromium is Debian's
/usr/bin/chromium driven by the pinned `playwright` package; its own browser downloads are never
used. Without /usr/bin/chromium every browser test is skipped, saying so.
"""
import json
import os
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from support.servers import free_port, log_tail, stop_server, wait_until_answers
from support.widget_cells import widget_copy

ROOT = Path(__file__).resolve().parents[2]

# The notebooks under test (a different folder only for developing these tests).
NOTEBOOK_DIR = Path(os.environ.get("NN_COURSE_BROWSER_NOTEBOOKS") or ROOT / "notebooks")
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
SERVER_START_TIMEOUT = 90  # seconds
SERVER_STOP_TIMEOUT = 20

# JupyterLab settings for the test server: every cell in the DOM (no virtual scrolling, so all
# outputs can be inspected), and no news/update pop-ups over the notebook.
LAB_SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false",
                                                                         "checkForUpdates": False},
}


def copy_notebooks(source, destination):
    """Write the widget part of each notebook (*.ipynb) of folder `source` into a new folder `destination`:
    its widget cells and the code they need (widget_cells.py; nbval runs the whole lesson), with the
    stored outputs. No checkpoints, kernel sockets or other files come along."""
    destination.mkdir(parents=True)
    for path in sorted(Path(source).glob("*.ipynb")):
        widget_copy(path, destination / path.name)


def require_chromium():
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"Debian package chromium not installed: {CHROMIUM} missing "
                    f"(apt-get install chromium; .ci/run does this)")


class LabServer:
    """`with LabServer(notebook_dir) as lab:` a running JupyterLab; lab.url(path), lab.api(...)."""

    def __init__(self, notebook_dir, home):
        self.notebook_dir, self.home = Path(notebook_dir), Path(home)
        self.port = free_port()
        self.token = os.urandom(16).hex()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc = self.log = None

    def _environment(self):
        env = dict(os.environ)
        cfg, data, runtime, kernels = (self.home / d for d in ("config", "data", "runtime", "path"))
        # The one python3 kernel: this interpreter (JUPYTER_PATH comes before every other kernel dir).
        spec = kernels / "kernels" / "python3"
        spec.mkdir(parents=True, exist_ok=True)
        (spec / "kernel.json").write_text(json.dumps({
            "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            "display_name": "Python 3 (nn-course, under test)", "language": "python"}))
        settings = cfg / "lab" / "user-settings"
        for name, value in LAB_SETTINGS.items():
            f = settings / name
            f.parent.mkdir(parents=True, exist_ok=True)
            f.write_text(json.dumps(value))
        for d in (data, runtime):
            d.mkdir(parents=True, exist_ok=True)
        env.update(JUPYTER_PLATFORM_DIRS="1", JUPYTER_CONFIG_DIR=str(cfg), JUPYTER_DATA_DIR=str(data),
                   JUPYTER_RUNTIME_DIR=str(runtime), JUPYTER_PATH=str(kernels), JUPYTER_PREFER_ENV_PATH="0",
                   IPYTHONDIR=str(self.home / "ipython"))
        env.pop("JUPYTER_TOKEN", None)
        return env

    def __enter__(self):
        cmd = [sys.executable, "-m", "jupyterlab",
               "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={self.port}", "--ServerApp.port_retries=0",
               "--ServerApp.open_browser=False", f"--IdentityProvider.token={self.token}",
               f"--ServerApp.root_dir={self.notebook_dir}", "--LabApp.news_url=",
               "--ServerApp.shutdown_no_activity_timeout=1800",  # a forgotten server ends by itself
               "--LabApp.expose_app_in_browser=True",  # window.jupyterapp: open the next lesson without a reload
               "--KernelManager.cache_ports=False"]  # a kernel whose port another process took restarts on new ones
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            cmd.append("--allow-root")
        self.log_path = self.home / "server.log"
        self.log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(cmd, cwd=self.notebook_dir, env=self._environment(), stdin=subprocess.DEVNULL,
                                     stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            self._wait_ready()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def _wait_ready(self):
        wait_until_answers(self.proc, lambda: self.api("GET", "/api/status"), SERVER_START_TIMEOUT, "JupyterLab",
                           self.log_tail)

    def api(self, method, path, timeout=10):
        req = urllib.request.Request(self.base + path, method=method,
                                     headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(req, timeout=timeout) as r:
            body = r.read()
        return json.loads(body) if body else None

    def url(self, path):
        return f"{self.base}{path}{'&' if '?' in path else '?'}token={self.token}"

    def shutdown_kernels(self):
        """Stop every kernel (one notebook's kernel must not slow down the next notebook)."""
        try:
            for k in self.api("GET", "/api/kernels"):
                self.api("DELETE", f"/api/kernels/{k['id']}", timeout=30)
        except (urllib.error.URLError, OSError):
            pass

    def log_tail(self, n=4000):
        return log_tail(self.log, self.log_path, n)

    def __exit__(self, *exc):
        proc, self.proc = self.proc, None
        log, self.log = self.log, None
        stop_server(proc, log, SERVER_STOP_TIMEOUT)
        return False


def pytest_generate_tests(metafunc):
    """`notebook`: one test per notebooks/*.ipynb (globbed when the tests are collected)."""
    if "notebook" in metafunc.fixturenames:
        paths = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
        metafunc.parametrize("notebook", paths, ids=[p.stem for p in paths])


_screenshots = []


@pytest.fixture(scope="session")
def screenshot_dir():
    d = Path(os.environ.get("NN_COURSE_SCREENSHOTS") or tempfile.mkdtemp(prefix="nn-course-screens-"))
    d.mkdir(parents=True, exist_ok=True)
    _screenshots.append(d)
    return d


def pytest_terminal_summary(terminalreporter):
    for d in _screenshots:
        terminalreporter.write_line(f"browser screenshots (one per notebook): {d}")


# Module scope: one JupyterLab server and one Chromium for a module's tests (a worker of make test runs
# the browser tests one after another), gone when the worker moves on: the hub test starts its own
# Playwright, which cannot run beside another one in the same process.
@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    require_chromium()
    home = tmp_path_factory.mktemp("lab")
    copy = home / "notebooks"
    copy_notebooks(NOTEBOOK_DIR, copy)
    with LabServer(copy, home) as server:
        yield server


@pytest.fixture(scope="module")
def browser():
    require_chromium()
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True, timeout=60_000)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(scope="module")
def pages(browser):
    """The module's browser page, kept from test to test (None: make a new one)."""
    return {"page": None}


# One browser page for a module's tests, JupyterLab booted once in it (booting costs Chromium ~6 s of
# CPU; test_lab.open_notebook opens the next lesson in the running JupyterLab). After each test every
# kernel stops, so the next test gets the machine to itself; after a failed test the page goes, and the
# next test gets a fresh one.
@pytest.fixture
def page(request, browser, lab, pages):
    if pages["page"] is None:
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        pages["page"] = context.new_page()
        pages["page"].set_default_timeout(30_000)
    try:
        yield pages["page"]
    finally:
        lab.shutdown_kernels()
        if getattr(request.node, "rep_call_failed", True):  # (no call report: setup failed)
            pages["page"].context.close()
            pages["page"] = None


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if call.when == "call":
        item.rep_call_failed = report.failed
    return report
