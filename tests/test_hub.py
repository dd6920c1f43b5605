"""The course on a real JupyterHub: five students, nbgitpuller, lesson 1 in every kernel, a slider in Chromium.

JupyterHub (pinned in requirements-teaching.txt) runs on loopback with its configurable-http-proxy (npm, pinned in
tests/hub/package.json; `.ci/run` installs it with `npm ci --prefix tests/hub`), a dummy authenticator and
SimpleLocalProcessSpawner (settings: tests/hub/jupyterhub_config.py). The test
1. creates five students through the hub's REST API and starts their servers;
2. brings the lessons into each with nbgitpuller from a git repository on this machine (a file:// clone
   of this repository, with the working tree's notebooks committed on top);
3. runs every code cell of lesson 1 in each student's own kernel at once, through the hub (the Jupyter
   server's REST API and kernel websockets behind the proxy), and checks that each student's kernel works
   in that student's folder and that the students' files stay apart; then ends those sessions;
4. for one student, opens the teacher's nbgitpuller link in headless Chromium (/usr/bin/chromium): hub
   login, git-pull, JupyterLab on lesson 1 (it starts the lesson's kernel, as for a student arriving by
   the link); Run All Cells; moves a slider with the keyboard; the picture changes. If Run All stalls, the
   failure shows the page's prompts, dialogs and errors, the server's sessions and the browser console.
Every process it starts (hub, proxy, servers, kernels) carries a marker in its environment and is ended by
process id at the end. Timings are printed (pytest -s shows them).
"""
import asyncio
import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

import pytest
from support.hub_course import LESSON, REPO_NAME, course_repository, git_pull_link
from support.servers import free_port, log_tail, wait_until_answers

ROOT = Path(__file__).resolve().parents[1]
HUB_DIR = ROOT / "tests" / "hub"
BIN = Path(sys.executable).parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
STUDENTS = ("ada", "ben", "cho", "dev", "eve")
BROWSER_STUDENT = "ada"
START_TIMEOUT, RUN_TIMEOUT, PAGE_TIMEOUT, STOP_TIMEOUT = 90, 240, 120, 20
TIMINGS = {}


def _chp():
    """The configurable-http-proxy command, or None."""
    for candidate in (os.environ.get("NN_COURSE_CHP"), HUB_DIR / "node_modules" / ".bin" / "configurable-http-proxy",
                      shutil.which("configurable-http-proxy")):
        if candidate and os.access(candidate, os.X_OK):
            return str(candidate)
    return None


def _missing():
    """What the hub test lacks, in words, or None."""
    try:
        import jupyterhub  # noqa: F401
        import nbgitpuller  # noqa: F401
    except ImportError as e:
        return f"python package {e.name} (pip install -r requirements-teaching.txt)"
    if _chp() is None:
        return ("configurable-http-proxy (npm): tests/hub/node_modules/.bin/configurable-http-proxy missing; "
                "install it with `npm ci --prefix tests/hub` (.ci/run does this; needs node and npm)")
    if shutil.which("node") is None:
        return "node (Debian package nodejs), which configurable-http-proxy runs on"
    if shutil.which("git") is None:
        return "git, which nbgitpuller runs"
    if not (ROOT / ".git").exists():
        return f"a git clone of the course ({ROOT} has no .git): nbgitpuller pulls the lessons from it"
    return None



def _marked_pids(mark):
    """Process ids whose environment carries NN_HUB_MARK=mark (the hub's and everything it started)."""
    needle = f"NN_HUB_MARK={mark}".encode()
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and int(entry.name) != os.getpid():
            try:
                if needle in (entry / "environ").read_bytes().split(b"\0"):
                    pids.append(int(entry.name))
            except OSError:
                pass
    return pids


class Hub:
    def __init__(self, tmp):
        self.tmp, self.mark = tmp, uuid.uuid4().hex
        self.port, self.token, self.password = free_port(), uuid.uuid4().hex, uuid.uuid4().hex
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = self.log = None

    def start(self):
        env = dict(os.environ, NN_HUB_DIR=str(self.tmp), NN_HUB_PORT=str(self.port), NN_HUB_API_PORT=str(free_port()),
                   NN_HUB_PROXY_API_PORT=str(free_port()), NN_HUB_CHP=_chp(), NN_HUB_TOKEN=self.token,
                   NN_HUB_PASSWORD=self.password, NN_HUB_MARK=self.mark, JUPYTER_PLATFORM_DIRS="1")
        env["PATH"] = os.pathsep.join([str(BIN), env.get("PATH", "/usr/bin:/bin")])
        self.log_path = self.tmp / "hub.log"
        self.log = open(self.log_path, "wb")  # noqa: SIM115 (open while the hub runs; closed in stop())
        self.proc = subprocess.Popen([str(BIN / "jupyterhub"), "-f", str(HUB_DIR / "jupyterhub_config.py")],
                                     cwd=self.tmp, env=env, stdin=subprocess.DEVNULL, stdout=self.log,
                                     stderr=subprocess.STDOUT, start_new_session=True)
        wait_until_answers(self.proc, lambda: self.api("GET", "/hub/api/"), START_TIMEOUT, "jupyterhub",
                           self.log_tail)

    def api(self, method, path, body=None, timeout=30, raw=False):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.url + path, data=data, method=method,
                                     headers={"Authorization": f"token {self.token}",
                                              "Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=timeout) as r:
            payload = r.read()
        if raw:
            return payload
        return json.loads(payload) if payload else None

    def log_tail(self, n=6000):
        return log_tail(self.log, self.log_path, n)

    def stop(self):
        """SIGTERM the hub (it stops the servers and the proxy), then end whatever it left, by process id."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.proc.wait(STOP_TIMEOUT)
        left = _marked_pids(self.mark)
        for pid in left:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        if self.proc is not None and self.proc.poll() is None:
            self.proc.wait(STOP_TIMEOUT)
        if self.log is not None:
            self.log.close()
        return left


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    missing = _missing()
    if missing:
        pytest.skip(f"hub test needs {missing}")
    tmp = tmp_path_factory.mktemp("hub")
    t0 = time.monotonic()
    repo = course_repository(tmp)
    hub = Hub(tmp)
    try:
        hub.start()
        TIMINGS["hub up"] = time.monotonic() - t0
        hub.repo_url = repo.as_uri()
        yield hub
    finally:
        t1 = time.monotonic()
        left = hub.stop()
        TIMINGS["hub stopped"] = time.monotonic() - t1
        print("\nhub test timings (s): " + ", ".join(f"{k} {v:.1f}" for k, v in TIMINGS.items())
              + f"; processes left after SIGTERM and killed: {len(left)}")
        assert not _marked_pids(hub.mark), "processes of the hub test survived"


def _wait_ready(hub, user):
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        server = hub.api("GET", f"/hub/api/users/{user}")["servers"].get("")
        if server and server.get("ready"):
            return server
        time.sleep(0.5)
    raise AssertionError(f"{user}'s server not ready within {START_TIMEOUT} s:\n{hub.log_tail()}")


def _pull(hub, user):
    """nbgitpuller's own endpoint (the one its link's page streams from): clone the course, return its log."""
    query = urlencode({"repo": hub.repo_url, "branch": "main"})
    stream = hub.api("GET", f"/user/{user}/git-pull/api?{query}", timeout=RUN_TIMEOUT, raw=True).decode()
    events = [json.loads(line[6:]) for line in stream.splitlines() if line.startswith("data: ")]
    assert events and events[-1].get("phase") == "finished", f"{user}: nbgitpuller said {events[-3:]}"
    return events


async def _execute(ws, user, code, timeout):
    """Run one cell in a kernel through its websocket; return (stdout text, error or None)."""
    msg_id = uuid.uuid4().hex
    ws.write_message(json.dumps({
        "header": {"msg_id": msg_id, "msg_type": "execute_request", "username": user, "session": ws.session,
                   "date": "", "version": "5.3"},
        "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
        "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                    "allow_stdin": False, "stop_on_error": True}}))
    out, error, reply, idle = [], None, None, False
    while reply is None or not idle:
        raw = await asyncio.wait_for(ws.read_message(), timeout)
        if raw is None:
            raise ConnectionError(f"{user}: kernel websocket closed")
        if isinstance(raw, bytes):
            continue           # binary frames carry widget buffers (pictures)
        msg = json.loads(raw)
        if msg.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        kind, content = msg["msg_type"], msg["content"]
        if kind == "execute_reply":
            reply = content
            if content["status"] != "ok":
                error = error or f"{content.get('ename')}: {content.get('evalue')}"
        elif kind == "status" and content["execution_state"] == "idle":
            idle = True
        elif kind == "stream":
            out.append(content["text"])
        elif kind == "error":
            error = f"{content['ename']}: {content['evalue']}"
    return "".join(out), error


async def _run_lesson(hub, user, kernel_id, cells):
    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect
    url = f"ws://127.0.0.1:{hub.port}/user/{user}/api/kernels/{kernel_id}/channels"
    ws = await websocket_connect(HTTPRequest(url, headers={"Authorization": f"token {hub.token}"},
                                             connect_timeout=30, request_timeout=30), max_message_size=256 << 20)
    ws.session = uuid.uuid4().hex
    try:
        t0 = time.monotonic()
        for i, code in cells:
            _, error = await _execute(ws, user, code, RUN_TIMEOUT)
            assert error is None, f"{user}: lesson 1, cell {i} failed: {error}"
        seconds = time.monotonic() - t0
        where, _ = await _execute(ws, user, "import os\nprint(os.getcwd())\n"
                                  f"open('work_of_{user}.txt', 'w').write({user!r})", 30)
        return seconds, where.strip()
    finally:
        ws.close()


async def _run_all(hub, kernels, cells):
    return await asyncio.gather(*[_run_lesson(hub, u, k, cells) for u, k in kernels.items()])


def test_five_students_run_lesson_1(hub):
    t0 = time.monotonic()
    hub.api("POST", "/hub/api/users", {"usernames": list(STUDENTS)})
    with ThreadPoolExecutor(len(STUDENTS)) as pool:     # five students log in at the same time
        list(pool.map(lambda user: hub.api("POST", f"/hub/api/users/{user}/server", timeout=START_TIMEOUT), STUDENTS))
        list(pool.map(lambda user: _wait_ready(hub, user), STUDENTS))
        TIMINGS["5 servers started"] = time.monotonic() - t0
        t0 = time.monotonic()
        list(pool.map(lambda user: _pull(hub, user), STUDENTS))
        TIMINGS["5 nbgitpuller clones"] = time.monotonic() - t0
    home = hub.tmp / "home"
    for user in STUDENTS:
        assert (home / user / REPO_NAME / LESSON).is_file(), f"{user}: lesson 1 not in their folder"
        listing = hub.api("GET", f"/user/{user}/api/contents/")
        assert {item["name"] for item in listing["content"]} == {REPO_NAME}, f"{user} sees {listing['content']}"
    news = hub.api("GET", f"/user/{STUDENTS[0]}/lab/api/settings/@jupyterlab/apputils-extension:notification")
    assert news["schema"]["properties"]["fetchNews"]["default"] == "false", "the class would be asked about news"

    # Lesson 1 as each student has it, every code cell, in five kernels at once.
    nb = hub.api("GET", f"/user/{STUDENTS[0]}/api/contents/{REPO_NAME}/{LESSON}")["content"]
    cells = [(i, "".join(c["source"]) if isinstance(c["source"], list) else c["source"])
             for i, c in enumerate(nb["cells"]) if c["cell_type"] == "code"]
    kernels, sessions = {}, {}
    for user in STUDENTS:
        session = hub.api("POST", f"/user/{user}/api/sessions",
                          {"path": f"{REPO_NAME}/{LESSON}", "type": "notebook", "name": "",
                           "kernel": {"name": "python3"}})
        kernels[user], sessions[user] = session["kernel"]["id"], session["id"]
    t0 = time.monotonic()
    results = asyncio.run(_run_all(hub, kernels, cells))
    TIMINGS["lesson 1 in 5 kernels at once"] = time.monotonic() - t0
    TIMINGS["slowest student's run"] = max(s for s, _ in results)
    for user, (_, where) in zip(kernels, results):
        assert where == str(home / user / REPO_NAME / "notebooks"), f"{user}'s kernel works in {where}"
    for user in STUDENTS:
        for other in STUDENTS:
            own = (home / other / REPO_NAME / "notebooks" / f"work_of_{user}.txt").exists()
            assert own == (user == other), f"work_of_{user}.txt {'found in' if own else 'missing from'} {other}'s home"
        with pytest.raises(urllib.error.HTTPError) as e:
            other = STUDENTS[(STUDENTS.index(user) + 1) % len(STUDENTS)]
            hub.api("GET", f"/user/{user}/api/contents/{REPO_NAME}/notebooks/work_of_{other}.txt")
        e.value.close()
        assert e.value.code == 404, f"{user} reaches another student's file"
    # End every session (and its kernel): the CPU is the browser part's, and its student arrives by the link
    # with no session open, as students do (JupyterLab then starts the lesson's kernel itself).
    for user, session in sessions.items():
        hub.api("DELETE", f"/user/{user}/api/sessions/{session}")
    assert hub.api("GET", f"/user/{BROWSER_STUDENT}/api/sessions") == [], "a session outlived its DELETE"


# What the browser does on the lesson page (JupyterLab's DOM).
KERNEL_IDLE = ".jp-Notebook-ExecutionIndicator[data-status='idle']"
PROMPTS_JS = """() => Array.from(document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell'))
  .filter(c => ((c.querySelector('.cm-content') || {}).textContent || '').trim() !== '')
  .map(c => ((c.querySelector('.jp-InputPrompt') || {}).textContent || '').trim())"""
PICTURE_JS = """() => { const s = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .widget-slider');
  if (!s) return null; let r = s.parentElement;
  while (r && !r.querySelector('img')) r = r.parentElement;
  return r ? Array.from(r.querySelectorAll('img')).map(i => i.src).join(' ') : null; }"""


STUCK_JS = """() => ({prompts: (PROMPTS)(), dialogs: Array.from(document.querySelectorAll('.jp-Dialog'))
  .map(d => d.innerText.slice(0, 300)), errors: Array.from(document.querySelectorAll(
  '.jp-NotebookPanel:not(.lm-mod-hidden) [data-mime-type="application/vnd.jupyter.stderr"]'))
  .map(o => o.innerText.slice(-800)), status: (document.querySelector('.jp-Notebook-ExecutionIndicator')
  || {getAttribute: () => null}).getAttribute('data-status')})""".replace("PROMPTS", PROMPTS_JS)


def _press_run_all(page):
    """Run > Run All Cells. Under load JupyterLab has been seen (rarely, not on demand) to take the command and
    run no cell at all: every prompt stays `[ ]`, the kernel idle. When no cell has started 30 s after the
    press, press it once more, and say so in the timings."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    started = f"() => ({PROMPTS_JS})().some(p => p !== '[ ]:')"
    for attempt in (1, 2):
        page.get_by_role("menuitem", name="Run", exact=True).click()
        page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
        try:
            page.wait_for_function(started, timeout=30_000)
            return
        except PlaywrightTimeout:
            TIMINGS["browser: Run All pressed again after 30 s with no cell started"] = attempt


def _wait_for_run_all(page, screenshot, console, sessions):
    """Until every code cell has an execution count and the kernel is idle; else fail saying what the page
    shows (prompts, dialogs, errors), the server's sessions (`sessions()`: which kernel, in what state) and
    the browser console's last lines, with a screenshot."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    try:
        page.wait_for_function(f"() => ({PROMPTS_JS})().every(p => /^\\[\\d+\\]:$/.test(p))"
                               f" && !!document.querySelector(\"{KERNEL_IDLE}\")", timeout=RUN_TIMEOUT * 1000)
    except PlaywrightTimeout:
        page.screenshot(path=str(screenshot))
        pytest.fail(f"Run All did not finish within {RUN_TIMEOUT} s; the page shows {page.evaluate(STUCK_JS)}; "
                    f"screenshot {screenshot}; the server's sessions: {sessions()}; "
                    "browser console (last 30 lines):\n" + "\n".join(console[-30:]),
                    pytrace=False)


def test_teacher_link_in_browser(hub):
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"Debian package chromium not installed: {CHROMIUM} missing (apt-get install chromium; "
                    ".ci/run does this)")
    from playwright.sync_api import sync_playwright
    user = BROWSER_STUDENT
    if not hub.api("GET", f"/hub/api/users/{user}")["servers"].get(""):
        pytest.skip("the five-student test did not start the servers")
    link = git_pull_link(hub.url, hub.repo_url)
    t0 = time.monotonic()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True, timeout=60_000)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(PAGE_TIMEOUT * 1000)
            console = []
            page.on("console", lambda m: console.append(f"{time.monotonic() - t0:6.1f} s {m.type}: {m.text[:300]}"))
            page.goto(link)
            page.fill("#username_input", user)
            page.fill("#password_input", hub.password)
            page.click("#login_submit")
            page.wait_for_url(f"**/user/{user}/lab/tree/{REPO_NAME}/{LESSON}*")
            page.wait_for_selector(".jp-NotebookPanel .jp-CodeCell")
            page.wait_for_selector(KERNEL_IDLE)
            TIMINGS["browser: link to lesson open"] = time.monotonic() - t0
            t1 = time.monotonic()
            _press_run_all(page)
            _wait_for_run_all(page, hub.tmp / "hub_lesson1_run_all.png", console, lambda: [
                (x["path"], x["kernel"]["id"][:8], x["kernel"]["execution_state"], x["kernel"]["last_activity"])
                for x in hub.api("GET", f"/user/{user}/api/sessions")])
            TIMINGS["browser: Run All"] = time.monotonic() - t1
            before = page.wait_for_function(PICTURE_JS, timeout=60_000).json_value()
            handle = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .widget-slider .noUi-handle").first
            handle.focus()
            t1 = time.monotonic()
            handle.press("ArrowRight")
            page.wait_for_function(f"(before) => ({PICTURE_JS})() !== before", arg=before, timeout=60_000)
            TIMINGS["browser: slider to new picture"] = time.monotonic() - t1
            page.screenshot(path=str(hub.tmp / "hub_lesson1.png"))
        finally:
            browser.close()
    TIMINGS["browser total"] = time.monotonic() - t0
    assert (hub.tmp / "home" / user / REPO_NAME / LESSON).is_file()
