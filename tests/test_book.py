"""The course as a website (`make book`): built once from the stored outputs, read in headless Chromium.

The site is built into a temporary folder with the repository's book/conf.py (MyST-NB, no notebook is
run; MathJax from book/node_modules, installed here by `npm ci --prefix book` when missing) and served
on loopback. Every page is opened with every request to another host blocked, and must show no console
error, load every image, typeset every formula, resolve every internal link; each lesson's explorer
shows its stored still image and its solutions are folded. Without Chromium or npm the test is skipped,
saying so (under CI=true it fails instead).
"""
import base64
import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urldefrag, urlparse

import pytest

ROOT = Path(__file__).resolve().parents[1]
BOOK = ROOT / "book"
CHROMIUM = "/usr/bin/chromium"
LESSONS = sorted(p.stem for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
BUILD_TIMEOUT = 300  # seconds


def missing(what):
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} (CI=true: the book test must run, not skip)")
    pytest.skip(what)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The built site's folder (sphinx-build -W: any warning fails the build)."""
    if not (BOOK / "node_modules" / "mathjax").is_dir():
        if shutil.which("npm") is None:
            missing("npm not found: the book needs MathJax from npm (npm ci --prefix book)")
        subprocess.run(["npm", "ci", "--prefix", str(BOOK), "--no-audit", "--no-fund", "--update-notifier=false",
                        "--loglevel=error"],
                       check=True, timeout=BUILD_TIMEOUT)
    out = tmp_path_factory.mktemp("book") / "html"
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-W", "--keep-going", "-q",
                             str(BOOK), str(out)], capture_output=True, text=True, timeout=BUILD_TIMEOUT)
    assert result.returncode == 0, f"sphinx-build failed:\n{result.stdout}\n{result.stderr}"
    print(f"book built in {time.perf_counter() - start:.1f} s")
    return out


@pytest.fixture(scope="module")
def server(site):
    """The site over HTTP on 127.0.0.1; yields its base URL."""
    handler = functools.partial(QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        missing(f"Debian package chromium not installed: {CHROMIUM} missing (apt-get install chromium)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield chromium
        chromium.close()


# Run in the page once MathJax is done: what the checks below read.
PAGE_FACTS = """async () => {
  if (window.MathJax && MathJax.startup) { await MathJax.startup.promise; }
  const imgs = [...document.images];
  await Promise.all(imgs.map(i => i.complete ? null : new Promise(r => { i.onload = i.onerror = r; })));
  const article = document.querySelector('article') || document.body;
  const clone = article.cloneNode(true);
  clone.querySelectorAll('pre, code, script, mjx-container, mjx-assistive-mml').forEach(e => e.remove());
  return {
    broken: imgs.filter(i => i.naturalWidth === 0).map(i => i.getAttribute('src')),
    explorerStills: document.querySelectorAll('.cell_output img').length,
    maths: document.querySelectorAll('.math').length,
    untypeset: [...document.querySelectorAll('.math')].filter(e => !e.querySelector('mjx-container')).length,
    rawText: (clone.innerText.match(/\\\\\\(|\\\\\\[|\\$\\$/g) || []).length,
    closedSolutions: [...document.querySelectorAll('details')].filter(
        d => !d.open && /Solution/.test(d.querySelector('summary')?.innerText || '')).length,
    links: [...document.querySelectorAll('a[href]')].map(a => a.href),
  };
}"""


def open_page(browser, base, url):
    """Open `url` with every request outside `base` blocked; return (facts, console errors, blocked)."""
    page = browser.new_page()
    errors, blocked = [], []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))

    def route(r):
        if r.request.url.startswith(base):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    response = page.goto(url, wait_until="load")
    assert response is not None and response.ok, f"{url}: {response and response.status}"
    facts = page.evaluate(PAGE_FACTS)
    page.close()
    return facts, errors, blocked


def site_pages(site):
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if not p.relative_to(site).parts[0].startswith("_"))


def test_every_page_reads_offline(site, server, browser):
    pages = site_pages(site)
    assert "index.html" in pages and "search.html" in pages
    assert {f"lessons/{name}.html" for name in LESSONS} <= set(pages)
    start = time.perf_counter()
    internal = set()
    for path in pages:
        facts, errors, blocked = open_page(browser, server, server + path)
        assert not errors, f"{path}: console errors {errors}"
        assert not blocked, f"{path}: asked another host for {blocked}"
        assert not facts["broken"], f"{path}: images that did not load: {facts['broken']}"
        assert facts["untypeset"] == 0 and facts["rawText"] == 0, f"{path}: maths left raw: {facts}"
        for href in facts["links"]:
            if href.startswith(server):
                internal.add(urldefrag(href).url)
        if path.startswith("lessons/"):
            assert facts["maths"] > 0, f"{path}: no maths found"
            assert facts["explorerStills"] > 0, f"{path}: no stored picture shown"
    for url in sorted(internal):
        target = site / urlparse(url).path.lstrip("/")
        if target.is_dir():
            target = target / "index.html"
        assert target.is_file(), f"internal link to a missing file: {url}"
    print(f"{len(pages)} pages and {len(internal)} internal links checked in {time.perf_counter() - start:.1f} s")


@pytest.mark.parametrize("name", LESSONS)
def test_lesson_page_has_its_explorer_still_and_folded_solutions(site, name):
    nb = json.loads((ROOT / "notebooks" / f"{name}.ipynb").read_text())
    stills = [o["data"]["image/png"] for c in nb["cells"] for o in c.get("outputs", [])
              if "application/vnd.jupyter.widget-view+json" in o.get("data", {}) and "image/png" in o["data"]]
    solutions = sum("<summary>Solution</summary>" in "".join(c["source"])
                    for c in nb["cells"] if c["cell_type"] == "markdown")
    html = (site / "lessons" / f"{name}.html").read_text()
    images = re.findall(r'<img [^>]*src="([^"]+)"', html)
    assert stills, f"{name}: the notebook stores no explorer still (image/png beside the widget)"
    shown = {(site / "lessons" / src).resolve().read_bytes() for src in images}
    for still in stills:
        assert base64.b64decode(still) in shown, f"{name}: an explorer's stored still is not on the page"
    assert "widget-view" not in html and "unpkg" not in html and "jsdelivr" not in html
    assert html.count("<summary>Solution</summary>") == solutions > 0


def test_search_finds_the_lessons(server, browser):
    page = browser.new_page()
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(server) else r.abort())
    page.goto(server + "search.html?q=perceptron")
    page.wait_for_selector("#search-results ul.search li", timeout=60_000)
    found = page.eval_on_selector_all("#search-results ul.search li a", "links => links.map(a => a.href)")
    page.close()
    assert any(href.split("#")[0].endswith("lessons/01_perceptron.html") for href in found), found


@pytest.mark.parametrize("name", ["01_perceptron", "06_moons"])
def test_screenshot(server, browser, name, tmp_path):
    """A picture of two lesson pages, for a person to look at (kept in NN_COURSE_SCREENSHOTS=folder)."""
    folder = os.environ.get("NN_COURSE_SCREENSHOTS") or tmp_path
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server + f"lessons/{name}.html")
    page.evaluate("async () => { if (window.MathJax && MathJax.startup) await MathJax.startup.promise; }")
    if name == "06_moons":
        page.locator(".cell_output img").last.scroll_into_view_if_needed()
    shot = Path(folder) / f"book_{name}.png"
    page.screenshot(path=str(shot))
    page.close()
    assert shot.stat().st_size > 10_000
