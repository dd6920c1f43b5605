"""The Voila app of the playground (`make app`: app/playground.ipynb with app/voila.json) in headless Chromium.

One Voila server, started as the Makefile's `app` target starts it, serves every test here. Checked: a
reloaded page ends its kernel (10 reloads leave one kernel), a shared link opens exactly its set-up and
the address follows every change, a bad link says what it ignored, the page logs no console error and
loads nothing from another host, and at 1280x720 the controls, the network, the output picture and the
loss chart fit on one screen with no layout jump on hover. Screenshots go to the screenshot folder
(NN_COURSE_SCREENSHOTS); frames per second while playing are printed.
"""
import contextlib
import json
import os
import re
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from support.servers import free_port, log_tail, stop_server, wait_until_answers

ROOT = Path(__file__).resolve().parents[2]
SERVER_START_TIMEOUT, SERVER_STOP_TIMEOUT = 90, 20  # seconds

VIEWPORT = {"width": 1280, "height": 720}
APP_TIMEOUT = 120_000  # ms until the app shows its buttons (a fresh kernel imports numpy, ipywidgets, Pillow)
LARGEST = ("features=x1,x2,x1_sq,x2_sq,x1x2,sin_x1,sin_x2&neurons=8,8,8,8,8,8,8,8")


class AppServer:
    """`with AppServer(home) as app:` Voila serving app/playground.ipynb with the `make app` settings."""

    def __init__(self, home):
        self.home, self.port = Path(home), free_port()
        self.base = f"http://127.0.0.1:{self.port}/"
        self.proc = self.log = None

    def _environment(self):
        env = dict(os.environ)
        kernels = self.home / "path"
        spec = kernels / "kernels" / "python3"
        spec.mkdir(parents=True, exist_ok=True)
        (spec / "kernel.json").write_text(json.dumps({
            "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            "display_name": "Python 3 (nn-course, under test)", "language": "python"}))
        for d in ("config", "data", "runtime"):
            (self.home / d).mkdir(parents=True, exist_ok=True)
        env.update(JUPYTER_PLATFORM_DIRS="1", JUPYTER_CONFIG_DIR=str(self.home / "config"),
                   JUPYTER_DATA_DIR=str(self.home / "data"), JUPYTER_RUNTIME_DIR=str(self.home / "runtime"),
                   JUPYTER_PATH=f"{ROOT / 'app' / 'share' / 'jupyter'}{os.pathsep}{kernels}",
                   JUPYTER_PREFER_ENV_PATH="0", IPYTHONDIR=str(self.home / "ipython"),
                   PYTHONPATH=os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep))
        return env

    def __enter__(self):
        cmd = [sys.executable, "-m", "voila", str(ROOT / "app" / "playground.ipynb"), "--no-browser",
               f"--Voila.config_file_paths={ROOT / 'app'}", f"--port={self.port}", "--Voila.ip=127.0.0.1"]
        self.log_path = self.home / "voila.log"
        self.log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(cmd, cwd=ROOT, env=self._environment(), stdin=subprocess.DEVNULL,
                                     stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            wait_until_answers(self.proc, lambda: urllib.request.urlopen(self.base + "voila/static/voila.js",
                                                                         timeout=5).read(0),
                               SERVER_START_TIMEOUT, "Voila", self.log_tail)
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def kernels(self):
        """The kernel processes Voila has started and not ended (its children running ipykernel)."""
        found = 0
        for stat in Path("/proc").glob("[0-9]*/stat"):
            with contextlib.suppress(OSError):
                if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == self.proc.pid and \
                        b"ipykernel" in (stat.parent / "cmdline").read_bytes():
                    found += 1
        return found

    def log_tail(self, n=4000):
        return log_tail(self.log, self.log_path, n)

    def __exit__(self, *exc):
        proc, self.proc = self.proc, None
        log, self.log = self.log, None
        stop_server(proc, log, SERVER_STOP_TIMEOUT)
        return False


@pytest.fixture(scope="module")
def app(browser, tmp_path_factory):  # browser first: it skips the module, saying so, without Chromium
    if not sys.platform.startswith("linux"):
        pytest.skip("counting the app's kernels reads /proc (Linux)")
    with AppServer(tmp_path_factory.mktemp("app")) as server:
        yield server


@pytest.fixture
def page(browser, app):
    context = browser.new_context(viewport=VIEWPORT)
    p = context.new_page()
    p.set_default_timeout(30_000)
    p.nn_console, p.nn_foreign = [], []
    p.on("console", lambda m: p.nn_console.append(m.text[:300]) if m.type == "error" else None)
    p.on("request", lambda r: p.nn_foreign.append(r.url) if urllib.parse.urlsplit(r.url).hostname
         not in ("127.0.0.1", None) and not r.url.startswith("data:") else None)
    try:
        yield p
    finally:
        context.close()


def open_app(page, base, query=""):
    """Open the app at `?query` and wait until its buttons and pictures show and the kernel is idle."""
    page.goto(base + (f"?{query}" if query else ""))
    page.locator(".widget-button", has_text="play").first.wait_for(timeout=APP_TIMEOUT)
    page.wait_for_function("() => document.querySelectorAll('img.widget-image').length >= 4")
    time.sleep(1.0)


def status(page):
    return "\n".join(t for t in page.locator(".widget-html").all_inner_texts() if t.strip())


def address(page):
    """What the app's address writer holds (the query it last wrote), for messages."""
    return page.evaluate("() => Array.from(document.querySelectorAll('img[onerror]')).map(i => i.outerHTML)")


def query_of(page):
    """The page's query now (location.search: Playwright's page.url can miss history.replaceState)."""
    return dict(urllib.parse.parse_qsl(page.evaluate("location.search").lstrip("?")))


def wait_for(condition, seconds=30.0):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        value = condition()
        if value:
            return value
        time.sleep(0.25)
    return condition()


def test_reloads_leave_one_kernel(page, app):
    open_app(page, app.base)
    start = app.kernels()
    for _ in range(10):
        page.reload()
        page.locator(".widget-button", has_text="play").first.wait_for(timeout=APP_TIMEOUT)
    assert wait_for(lambda: app.kernels() <= start, 30), (
        f"{app.kernels()} kernels after 10 reloads (started with {start}): the closed pages' kernels live on\n"
        f"{app.log_tail()}")
    page.close(run_before_unload=True)  # closing the page ends its kernel too
    assert wait_for(lambda: app.kernels() == start - 1, 30), f"{app.kernels()} kernels after closing the page"


def test_a_link_opens_its_set_up_and_the_address_follows(page, app):
    link = ("dataset=spiral&classes=3&noise=0.3&share=0.7&features=x1,x2,sin_x1&neurons=6,3&activation=relu"
            "&reg=L2&reg_rate=0.01&lr=0.03&batch=full&seed=7&play=0")
    open_app(page, app.base, link)
    text = status(page)
    assert "ignored" not in text, text
    assert page.locator(".widget-dropdown", has_text="data set").locator("select").input_value() == "spiral"
    assert re.search(r"layer 1: 6\s", text + " ") and re.search(r"layer 2: 3\s", text + " "), text
    shown = query_of(page)
    for part, value in urllib.parse.parse_qsl(link):
        assert shown.get(part) == value, (part, shown.get(part), value)
    select = page.locator(".widget-dropdown", has_text="data set").locator("select")
    select.click()
    select.select_option(label="circle")
    assert wait_for(lambda: query_of(page).get("dataset") == "circle", 60), (address(page), status(page))
    page.locator(".widget-button", has_text="play").first.click()
    assert wait_for(lambda: query_of(page).get("play") == "1"), address(page)
    page.locator(".widget-button", has_text="pause").first.click()
    assert wait_for(lambda: query_of(page).get("play") == "0"), address(page)
    assert not page.nn_console and not page.nn_foreign, (page.nn_console, page.nn_foreign)
    nulls = page.evaluate("() => Array.from(document.querySelectorAll('[title]')).filter(e => e.title === 'null')"
                          ".map(e => e.innerText.slice(0, 40))")
    assert not nulls, f"tooltips reading 'null': {nulls}"


def test_a_bad_link_says_what_it_ignored(page, app):
    open_app(page, app.base, "dataset=spirals&lr=99&neurons=4,2&colour=red")
    text = status(page)
    for part in ("dataset=spirals", "lr=99", "colour"):
        assert part in text, (part, text)
    assert query_of(page)["dataset"] == "moons" and query_of(page)["neurons"] == "4,2"


def fits(page):
    """The boxes of the play button, the network, the output picture and the loss chart, and the
    ones that do not fit in the viewport without scrolling."""
    boxes = page.evaluate("""() => {
      const imgs = Array.from(document.querySelectorAll('img.widget-image'))
        .map(i => [i.naturalWidth, i.naturalHeight, i.getBoundingClientRect()]);
      const play = Array.from(document.querySelectorAll('.widget-button')).find(b => b.innerText.trim() === 'play');
      const pick = (w) => imgs.filter(i => i[0] === w).map(i => ({top: i[2].top, bottom: i[2].bottom,
                                                                    right: i[2].right}));
      const r = play.getBoundingClientRect();
      return {play: {top: r.top, bottom: r.bottom, right: r.right}, network: pick(470)[0], picture: pick(400)[0],
              loss: pick(400).slice(-1)[0], scrolled: [window.scrollY, document.scrollingElement.scrollTop]};
    }""")
    outside = [k for k in ("play", "network", "picture", "loss")
               if boxes[k] is None or boxes[k]["bottom"] > VIEWPORT["height"] or boxes[k]["right"] > VIEWPORT["width"]]
    return boxes, outside


@pytest.mark.parametrize("name, query", [("default", ""), ("largest", LARGEST + "&dataset=spiral")])
def test_one_screen_at_1280x720_and_frames_per_second(page, app, screenshot_dir, name, query):
    open_app(page, app.base, query)
    boxes, outside = fits(page)
    assert not outside, f"not on the first screen at 1280x720: {outside} {boxes}"
    picture_top = boxes["picture"]["top"]
    network = page.locator("img.widget-image").nth(0)
    for img in page.locator("img.widget-image").all():
        if img.evaluate("i => i.naturalWidth") == 470:
            network = img
    box = network.bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.45, box["y"] + box["height"] * 0.5)  # over layer 1 or so
    time.sleep(1.5)
    assert abs(fits(page)[0]["picture"]["top"] - picture_top) < 1, "hovering moved the output picture"
    page.mouse.move(2, 2)
    page.screenshot(path=str(Path(screenshot_dir) / f"app_{name}_1280x720.png"))
    page.evaluate("""() => { window.nnSwaps = 0; new MutationObserver(ms => ms.forEach(m => {
        if (m.target.naturalWidth === 470) window.nnSwaps++; }))  // the network diagram: one new picture a frame
      .observe(document.body, {attributes: true, attributeFilter: ['src'], subtree: true}); }""")
    page.locator(".widget-button", has_text="play").first.click()
    time.sleep(1.0)
    start, swaps = time.monotonic(), page.evaluate("window.nnSwaps")
    time.sleep(5.0)
    fps = (page.evaluate("window.nnSwaps") - swaps) / (time.monotonic() - start)
    page.locator(".widget-button", has_text="pause").first.click()
    page.screenshot(path=str(Path(screenshot_dir) / f"app_{name}_playing_1280x720.png"))
    print(f"  {name} network: {fps:.1f} frames/s while playing in Chromium")
    assert fps >= 1, f"play showed {fps:.1f} frames per second"
    assert not page.nn_console, page.nn_console
    assert not page.nn_foreign, page.nn_foreign
