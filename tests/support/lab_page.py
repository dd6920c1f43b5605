"""JupyterLab page helpers for the browser tests (tests/browser/test_lab.py, test_drag.py): the page's state
and problems as JavaScript probes, opening a notebook, Run All Cells, waiting until it ran, moving a slider
with the keyboard and waiting until an explorer's picture settled."""
import json
import re
import time
import urllib.error
from urllib.parse import quote

import pytest

LOAD_TIMEOUT = 90          # s: JupyterLab shows the notebook and its kernel is connected
RUN_TIMEOUT = 300          # s: Run All Cells finishes (the slowest lesson takes well under a minute)
REDRAW_TIMEOUT = 60        # s: the picture changes after a slider moved
KEY_PRESSES = 3
HIDDEN_LABELS = ("hidden units", "neurons per layer")
LR_LABELS = ("learning rate",)
STDERR = "application/vnd.jupyter.stderr"

# ---------------------------------------------------------------------------------------- page helpers
PANEL_JS = "document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)')"

STATE_JS = """() => {
  const panel = %s;
  if (!panel) return null;
  const ind = panel.querySelector('.jp-Notebook-ExecutionIndicator');
  const cells = [];
  panel.querySelectorAll('.jp-Cell').forEach((c, i) => {
    if (!c.classList.contains('jp-CodeCell')) return;
    const prompt = (c.querySelector('.jp-InputPrompt') || {}).textContent || '';
    const src = (c.querySelector('.cm-content') || {}).textContent || '';
    cells.push({i: i, prompt: prompt.trim(), empty: src.trim() === ''});
  });
  return {status: ind ? ind.getAttribute('data-status') : null, cells: cells};
}""".replace("%s", PANEL_JS)

PROBLEMS_JS = """() => {
  const panel = %s;
  const found = [];
  panel.querySelectorAll('.jp-Cell').forEach((c, i) => {
    c.querySelectorAll('.jp-OutputArea-output').forEach(o => {
      if (o.getAttribute('data-mime-type') !== '%s') return;
      const t = o.innerText || '';
      found.push({i: i, kind: /Traceback|Error\\b|Exception\\b/.test(t) ? 'error' : 'stderr', text: t.slice(-1500)});
    });
    const t = c.innerText || '';
    const m = t.match(new RegExp('(Error displaying widget|Error creating (widget|view)|Failed to load model class|'
                                 + 'Could not create a (model|view))[^\\n]*'));
    if (m) found.push({i: i, kind: 'widget', text: m[0]});
  });
  return found;
}""".replace("%s", PANEL_JS, 1).replace("%s", STDERR, 1)

# Mark every slider whose label is one of `labels`, and the explorer around it (the nearest
# ancestor holding a picture), so that locators can find them; return what was found.
MARK_JS = """(labels) => {
  const panel = %s;
  const found = [];
  panel.querySelectorAll('.widget-slider').forEach(s => {
    const label = ((s.querySelector('.widget-label') || {}).textContent || '').trim();
    if (!labels.includes(label)) return;
    let root = s.parentElement;
    while (root && !root.querySelector('img') && !root.classList.contains('jp-OutputArea-output'))
      root = root.parentElement;
    const k = document.querySelectorAll('[data-nntest-slider]').length;
    s.setAttribute('data-nntest-slider', String(k));
    if (root) root.setAttribute('data-nntest-root-' + k, '');
    const cell = s.closest('.jp-Cell');
    found.push({k: k, label: label, cell: Array.from(panel.querySelectorAll('.jp-Cell')).indexOf(cell),
                has_picture: !!(root && root.querySelector('img'))});
  });
  return found;
}""".replace("%s", PANEL_JS)

# What the reader sees of one explorer: its pictures' URLs, its text (status line), the slider's readout.
LOOK_JS = """(k) => {
  const root = document.querySelector('[data-nntest-root-' + k + ']');
  const slider = document.querySelector('[data-nntest-slider="' + k + '"]');
  const texts = root ? Array.from(root.querySelectorAll('.widget-html, .widget-htmlmath')).map(e => e.innerText) : [];
  const imgs = root ? Array.from(root.querySelectorAll('img')) : [];
  return {imgs: imgs.map(i => i.src),
          shown: imgs.map(i => i.complete && i.naturalWidth > 0 && i.offsetWidth > 0 && i.offsetHeight > 0),
          text: texts.join('\\n'),
          errors: root ? root.querySelectorAll('.jp-OutputArea-output[data-mime-type="%s"]').length : 0,
          readout: ((slider.querySelector('.widget-readout') || {}).textContent || '').trim(),
          at_max: (h => !!h
                   && parseFloat(h.getAttribute('aria-valuenow')) >= parseFloat(h.getAttribute('aria-valuemax')))(
                  slider.querySelector('.noUi-handle'))};
}""".replace("%s", STDERR)


# Count the picture swaps of explorer k from now on (how many redraws reached the page).
COUNT_JS = """(k) => {
  const root = document.querySelector('[data-nntest-root-' + k + ']');
  window['nntestSwaps' + k] = 0;
  root.querySelectorAll('img').forEach(img => new MutationObserver(() => { window['nntestSwaps' + k] += 1; })
    .observe(img, {attributes: true, attributeFilter: ['src']}));
}"""


# Count the swaps of each picture of explorer k separately (the playground shows several).
PER_IMAGE_JS = """(k) => {
  const root = document.querySelector('[data-nntest-root-' + k + ']');
  window.nntestPerImage = [];
  root.querySelectorAll('img').forEach((img, j) => { window.nntestPerImage.push(0);
    new MutationObserver(() => { window.nntestPerImage[j] += 1; })
      .observe(img, {attributes: true, attributeFilter: ['src']}); });
}"""
PLAY_SECONDS = 3


def wait_for(predicate, timeout, interval=0.1):
    """Poll predicate() until it returns something truthy (returned) or the time is up (None)."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            return None
        time.sleep(interval)


def kernel_connected(lab, name):
    """The kernel model of notebook `name`'s session once a websocket is connected, else None. A 5xx answer while
    a kernel starts is jupyter_server's own race (a kernel listed before its `last_activity` is set): not yet."""
    try:
        sessions = lab.api("GET", "/api/sessions")
    except urllib.error.HTTPError as error:
        if error.code < 500:
            raise
        return None
    for s in sessions:
        if s.get("path") == name and s.get("kernel") and s["kernel"].get("connections", 0) >= 1:
            return s["kernel"]
    return None


def explorer_messages(path):
    """{cell index: message} of the explorers in a notebook's stored outputs ("Explorer(...): message")."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    found = {}
    for i, cell in enumerate(nb["cells"]):
        for out in cell.get("outputs", []):
            text = "".join(out.get("data", {}).get("text/plain", ""))
            if text.startswith("Explorer("):
                found[i] = " ".join(text.partition("): ")[2].split())
    return found


STATUS_JS = """() => {
  const found = {};
  %s.querySelectorAll('.jp-Cell').forEach((c, i) => {
    const span = c.querySelector('.widget-html span[data-ms]');
    if (span) found[i] = span.innerText.split(/\\s+/).join(' ').trim();
  });
  return found;
}""".replace("%s", PANEL_JS)


def tagged_cells(path, tag):
    nb = json.loads(path.read_text(encoding="utf-8"))
    return {i for i, c in enumerate(nb["cells"]) if tag in c.get("metadata", {}).get("tags", [])}


# Booting JupyterLab costs Chromium ~6 s of CPU; a page that has booted it opens the next lesson through
# JupyterLab's own command (the server exposes the app: LabServer), after closing the previous one.
OPEN_JS = """async (name) => {
  const app = window.jupyterapp;
  for (const w of Array.from(app.shell.widgets('main'))) {
    if (w.context) w.context.model.dirty = false;   // a test's run is not saved: no "save changes?" dialog
    w.dispose();
  }
  await app.commands.execute('docmanager:open', {path: name, factory: 'Notebook'});
}"""


def open_notebook(page, lab, name):
    """Show notebook `name` with its kernel connected and idle: in the JupyterLab the page already runs
    (the previous notebook closed), or a fresh JupyterLab with its own workspace."""
    if page.evaluate("() => !!(window.jupyterapp && window.jupyterapp.commands)"):
        page.evaluate(OPEN_JS, name)
    else:
        workspace = "nntest-" + re.sub(r"[^A-Za-z0-9_-]", "-", name.rsplit(".", 1)[0])  # a fresh layout
        page.goto(lab.url(f"/lab/workspaces/{workspace}/tree/{quote(name)}"), timeout=LOAD_TIMEOUT * 1000)
    page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=LOAD_TIMEOUT * 1000)
    # Running before the session has its kernel makes JupyterLab ask which kernel to use.
    if not wait_for(lambda: kernel_connected(lab, name), LOAD_TIMEOUT):
        pytest.fail(f"{name}: no kernel connected within {LOAD_TIMEOUT} s; server log:\n{lab.log_tail()}",
                    pytrace=False)
    page.wait_for_selector(".jp-StatusBar-TextItem:has-text('Idle')", timeout=LOAD_TIMEOUT * 1000)


def clear_all_outputs(page, name):
    """Edit > Clear Outputs of All Cells: the stored outputs and execution counts go, so that
    everything checked afterwards comes from this run."""
    page.get_by_role("menuitem", name="Edit", exact=True).click()
    page.get_by_role("menuitem", name="Clear Outputs of All Cells", exact=True).click()

    def cleared():
        st = page.evaluate(STATE_JS)
        return st and not any(re.search(r"\d", c["prompt"]) for c in st["cells"])
    if not wait_for(cleared, 10):
        pytest.fail(f"{name}: Edit > Clear Outputs of All Cells left execution counts behind", pytrace=False)


def run_all_cells(page, name):
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
    time.sleep(0.5)
    dialog = page.locator(".jp-Dialog")
    if dialog.count():
        pytest.fail(f"{name}: JupyterLab asked instead of running: {dialog.first.inner_text()!r}", pytrace=False)


def wait_until_run(page, name, expected_errors):
    """Wait until every non-empty code cell has an execution count and the kernel is idle.
    A cell that raised stops Run All: then return as soon as the kernel is idle again."""
    def finished():
        st = page.evaluate(STATE_JS)
        if not st or st["status"] != "idle":
            return None
        prompts = [c["prompt"] for c in st["cells"] if not c["empty"]]
        if any("*" in p for p in prompts):
            return None
        if all(re.fullmatch(r"\[\d+\]:", p) for p in prompts):
            return "done"
        # Idle, nothing queued, but some cells never ran: Run All stopped at an error.
        problems = [p for p in page.evaluate(PROBLEMS_JS) if p["kind"] == "error" and p["i"] not in expected_errors]
        return "stopped" if problems else None

    t0 = time.monotonic()
    result = wait_for(finished, RUN_TIMEOUT, interval=0.2)
    if result is None:
        st = page.evaluate(STATE_JS) or {}
        pending = [c["i"] for c in st.get("cells", []) if not c["empty"] and not re.fullmatch(r"\[\d+\]:", c["prompt"])]
        pytest.fail(f"{name}: Run All Cells did not finish within {RUN_TIMEOUT} s (kernel {st.get('status')}; "
                    f"cells without an execution count: {pending})", pytrace=False)
    return time.monotonic() - t0


def move_with_keyboard(page, k, key, presses=KEY_PRESSES):
    handle = page.locator(f'[data-nntest-slider="{k}"] .noUi-handle').first
    handle.scroll_into_view_if_needed()
    handle.focus()
    for _ in range(presses):
        page.keyboard.press(key)
        time.sleep(0.05)


def settled(page, k, quiet=0.3, timeout=REDRAW_TIMEOUT):
    """Wait until the kernel is idle and explorer k has looked the same for `quiet` seconds. (The
    kernel reports idle after its last message of a request, so the picture is already on its way.)"""
    last, since = None, time.monotonic()

    def still():
        nonlocal last, since
        look = page.evaluate(LOOK_JS, k)
        idle = (page.evaluate(STATE_JS) or {}).get("status") == "idle"
        if look != last or not idle or not all(look["shown"]):
            last, since = look, time.monotonic()
            return None
        return look if time.monotonic() - since >= quiet else None
    return wait_for(still, timeout)
