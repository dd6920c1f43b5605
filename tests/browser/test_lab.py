"""Each lesson in a real browser: JupyterLab and headless Chromium, as a reader would use it.

Per notebook (one test each, sequentially, one server and one browser for all): open its widget part in
JupyterLab (its widget cells and the code they need, with the stored outputs: widget_cells.py; nbval runs
and checks every cell of the lesson), Edit > Clear Outputs of All Cells, Run > Run All Cells (the menu bar),
wait until the kernel is idle and every code cell has an execution count, and check that no cell shows an
error (a traceback, an error output, a widget that failed to display) and that every explorer's status
line says what the full lesson's stored output says (the same state as a full run). Then move the
hidden-size and learning-rate sliders WITH THE KEYBOARD (focus the slider handle, press ArrowRight) and
check that the change reached the kernel
and the picture changed (the <img> of that explorer gets a new src: ipywidgets makes a new blob
URL only when the image bytes change). In the playground, play must animate the page (new
pictures several times a second; the rate seen is printed), and pause must stop it; then, with the
mouse, the − of hidden layer 1, the regression data set multi_gaussian, a hover over a neuron and
a click on a link followed by a new weight typed in must each change the pictures. A screenshot per
notebook goes to a temporary folder (printed at the end of the session; NN_COURSE_SCREENSHOTS=dir
chooses it).

Lesson 1 has a learning-rate slider only; every later lesson needs both. Slider labels are the
ones nnlib gives them: "hidden units" / "learning rate" (nnlib.drawing.widgets.hidden_slider/lr_slider),
and the playground's "neurons per layer" / "learning rate" (nnlib.playground's settings table).
"""
import re
import time

import pytest
from support.lab_page import (
    COUNT_JS,
    HIDDEN_LABELS,
    KEY_PRESSES,
    LOOK_JS,
    LR_LABELS,
    MARK_JS,
    PANEL_JS,
    PER_IMAGE_JS,
    PLAY_SECONDS,
    PROBLEMS_JS,
    REDRAW_TIMEOUT,
    STATE_JS,
    STATUS_JS,
    clear_all_outputs,
    explorer_messages,
    move_with_keyboard,
    open_notebook,
    run_all_cells,
    settled,
    tagged_cells,
    wait_for,
    wait_until_run,
)

from nnlib.playground.network import WIDTH, geometry, link_at, links


def check_slider(page, k, label):
    """Move slider k with the keyboard; return a problem text, or None when the picture changed."""
    before = settled(page, k) or page.evaluate(LOOK_JS, k)
    key = "ArrowLeft" if before["at_max"] else "ArrowRight"   # the playground starts at 8 of 8 neurons
    page.evaluate(COUNT_JS, k)
    move_with_keyboard(page, k, key)
    if not wait_for(lambda: page.evaluate(LOOK_JS, k)["readout"] != before["readout"], 10):
        return f"slider {label!r}: {key} did not move it in the browser (readout stays {before['readout']!r})"

    def answered():  # the kernel reacted: a new picture, or at least a new status line
        now = page.evaluate(LOOK_JS, k)
        seen = (now["imgs"], now["text"], now["errors"])
        return now if seen != (before["imgs"], before["text"], before["errors"]) else None

    if not wait_for(answered, REDRAW_TIMEOUT):
        now = page.evaluate(LOOK_JS, k)
        return (f"slider {label!r}: {key} moved it in the browser ({before['readout']} -> {now['readout']}) but "
                f"the page did not change within {REDRAW_TIMEOUT} s (no new picture, status line or error): "
                f"the change did not reach the kernel (was the keyboard change not sent?), or the redraw "
                f"failed without showing it")
    now = settled(page, k)
    if now is None:
        return f"slider {label!r}: the explorer kept changing (or the kernel stayed busy) for {REDRAW_TIMEOUT} s"
    swaps = page.evaluate(f"window.nntestSwaps{k}")
    what = f"slider {label!r}: {before['readout']} -> {now['readout']} by {KEY_PRESSES} x {key}"
    if now["errors"] > before["errors"]:
        return f"{what}: the redraw raised (the error shows under the picture; see below)"
    if now["imgs"] != before["imgs"]:
        print(f"  {what}: new picture ({swaps} picture swaps)")
        return None
    # The kernel answered (the status line changed) and the picture is the same: the playground
    # applies a new learning rate from the next epoch. Train one frame ("step"), then look.
    step = page.locator(f"[data-nntest-root-{k}] button", has_text=re.compile(r"^\s*step\s*$"))
    if not step.count():
        return f"{what}: the status line changed ({now['text'].strip()[:120]!r}), but the picture did not"
    news = [line for line in now["text"].splitlines() if line.strip() and line not in before["text"].splitlines()]
    step.first.click()
    if wait_for(lambda: page.evaluate(LOOK_JS, k)["imgs"] != before["imgs"], REDRAW_TIMEOUT) and settled(page, k):
        print(f"  {what}: status line {' / '.join(news)[:100]!r}; new picture after 'step'")
        return None
    return (f"{what}: the status line changed ({now['text'].strip()[:120]!r}), but even after 'step' the picture "
            f"is the same")


def check_play(page, k):
    """The playground's play button animates the page: press play, count the new pictures for
    PLAY_SECONDS seconds, press pause. Returns (problem or None, frames per second seen)."""
    buttons = {name: page.locator(f"[data-nntest-root-{k}] button", has_text=re.compile(rf"^\s*{name}\s*$"))
               for name in ("play", "pause")}
    if not all(b.count() for b in buttons.values()):
        return "no play/pause buttons next to the playground's sliders", 0.0
    settled(page, k)
    page.evaluate(PER_IMAGE_JS, k)
    buttons["play"].first.click()
    time.sleep(PLAY_SECONDS)
    frames = max(page.evaluate("window.nntestPerImage") or [0])
    buttons["pause"].first.click()
    fps = frames / PLAY_SECONDS
    if settled(page, k) is None:
        return f"after pause the playground kept changing (or the kernel stayed busy) for {REDRAW_TIMEOUT} s", fps
    print(f"  play: {frames} new pictures in {PLAY_SECONDS} s = {fps:.1f} frames/s seen in the browser")
    if frames < PLAY_SECONDS:  # live means several frames a second; fewer than one is a broken play loop
        return f"play showed only {frames} new pictures in {PLAY_SECONDS} s", fps
    return None, fps


# The playground's per-layer neuron counts ("layer 1: 8", ...), its output panel's title and the network
# diagram's place on the page (the <img> whose picture is 470 pixels wide).
PLAYGROUND_JS = """(k) => {
  const root = document.querySelector('[data-nntest-root-' + k + ']');
  const texts = Array.from(root.querySelectorAll('.widget-html')).map(e => e.innerText.trim());
  const counts = texts.filter(t => /^layer \\d+: \\d+$/.test(t)).map(t => parseInt(t.split(': ')[1]));
  const net = Array.from(root.querySelectorAll('img')).find(i => i.naturalWidth === %d);
  const box = net ? net.getBoundingClientRect() : null;
  return {counts: counts, title: texts.find(t => /^(OUTPUT|NEURON)/.test(t)) || '', scores: texts.join('\\n'),
          net: box ? {x: box.x, y: box.y, width: box.width, natural: net.naturalWidth} : null};
}""".replace("%d", str(WIDTH))


def changed_picture(page, k, before, what):
    """Wait until explorer k shows new pictures after `what`; a problem text, or None."""
    if not wait_for(lambda: page.evaluate(LOOK_JS, k)["imgs"] != before["imgs"], REDRAW_TIMEOUT):
        return f"{what}: the pictures did not change within {REDRAW_TIMEOUT} s"
    return None if settled(page, k) else f"{what}: the playground kept changing for {REDRAW_TIMEOUT} s"


def check_playground_controls(page, k):
    """With the mouse: one neuron less in layer 1 (its − button), the multi_gaussian regression data set
    (the data set drop-down), then hovering over a neuron of layer 1 shows it in the output panel."""
    root = page.locator(f"[data-nntest-root-{k}]")
    before, counts = settled(page, k) or page.evaluate(LOOK_JS, k), page.evaluate(PLAYGROUND_JS, k)["counts"]
    root.locator("button", has_text=re.compile(r"^\s*−\s*$")).first.click()
    problem = changed_picture(page, k, before, "the − of layer 1")
    now = page.evaluate(PLAYGROUND_JS, k)
    if problem or now["counts"] != [counts[0] - 1, *counts[1:]]:
        return problem or f"the − of layer 1: neurons {counts} became {now['counts']}"
    print(f"  − of layer 1: neurons {counts} -> {now['counts']}, new picture")
    before = page.evaluate(LOOK_JS, k)
    select = root.locator(".widget-dropdown", has_text="data set").locator("select")
    select.click()
    select.select_option(label="multi_gaussian")
    problem = changed_picture(page, k, before, "data set multi_gaussian")
    now = page.evaluate(PLAYGROUND_JS, k)
    if problem or "target / output" not in now["scores"]:
        return problem or "data set multi_gaussian: no colour scale for the targets under the picture"
    print("  data set multi_gaussian chosen with the mouse: new picture and the targets' colour scale")
    g, net = geometry([2, *now["counts"], 1]), now["net"]
    scale = net["width"] / net["natural"]
    before = page.evaluate(LOOK_JS, k)
    page.mouse.move(net["x"] + (g.xs[1] + g.node / 2) * scale, net["y"] + (g.ys[1][0] + g.node / 2) * scale)
    if not wait_for(lambda: page.evaluate(PLAYGROUND_JS, k)["title"].startswith("NEURON"), REDRAW_TIMEOUT):
        return "hovering over neuron 1 of layer 1 did not show it in the output panel"
    problem = changed_picture(page, k, before, "hovering over a neuron")
    if problem:
        return problem
    print("  hovering over neuron 1 of layer 1: the output panel shows it")
    page.mouse.move(net["x"] - 40, net["y"] - 40)
    return check_weight_edit(page, k, root, g, [2, *now["counts"], 1], net, scale)


def check_weight_edit(page, k, root, g, sizes, net, scale):
    """Click on a link of the diagram, type a new weight into the weight box: the pictures change."""
    key = (1, 0, 0)
    (x0, y0, x1, y1), _ = next(item for item in links(g, sizes) if item[1] == key)
    spot = next(((x0 + t * (x1 - x0), y0 + t * (y1 - y0)) for t in (0.5, 0.3, 0.7, 0.2, 0.8, 0.1, 0.9)
                 if link_at(g, sizes, x0 + t * (x1 - x0), y0 + t * (y1 - y0)) == key), None)
    if spot is None:
        return f"no pixel of link {key} is nearer to it than to the other links"
    settled(page, k)
    page.mouse.click(net["x"] + spot[0] * scale, net["y"] + spot[1] * scale)
    box = root.locator(".widget-text", has_text="weight").locator("input")
    if not wait_for(lambda: box.is_enabled() and "W2[0, 0]" in page.evaluate(LOOK_JS, k)["text"], REDRAW_TIMEOUT):
        return "clicking on link W2[0, 0] in the diagram did not select it for editing"
    before = settled(page, k) or page.evaluate(LOOK_JS, k)
    box.fill("-3")
    box.press("Enter")
    problem = changed_picture(page, k, before, "weight W2[0, 0] set to -3")
    if problem is None and "set to -3" not in page.evaluate(LOOK_JS, k)["text"]:
        problem = "weight W2[0, 0] set to -3: the status line does not say so"
    print("  link W2[0, 0] clicked, its weight typed in: new picture" if problem is None else "")
    return problem


# ----------------------------------------------------------------------------------------------- test
def test_lesson_in_jupyterlab(notebook, page, lab, screenshot_dir):
    name = notebook.name
    expected_errors = tagged_cells(lab.notebook_dir / name, "raises-exception")
    notes = []
    try:
        open_notebook(page, lab, name)
        clear_all_outputs(page, name)
        run_all_cells(page, name)
        seconds = wait_until_run(page, name, expected_errors)
        notes.append(f"ran all cells in {seconds:.0f} s")

        problems = [p for p in page.evaluate(PROBLEMS_JS) if p["i"] not in expected_errors]
        errors = [p for p in problems if p["kind"] != "stderr"]
        if errors:
            pytest.fail(f"{name}: " + "\n".join(f"cell {p['i']} shows an error:\n{p['text']}" for p in errors),
                        pytrace=False)
        notes += [f"cell {p['i']} printed to stderr: {p['text'][:200]!r}" for p in problems]
        shown = {int(i): text for i, text in page.evaluate(STATUS_JS).items()}
        stored = explorer_messages(lab.notebook_dir / name)
        wrong = [f"cell {i}: the explorer says {shown.get(i)!r}, the full lesson's output {text!r}"
                 for i, text in stored.items() if shown.get(i) != text]
        if wrong:
            pytest.fail(f"{name}: the widget part ran into another state than the full lesson:\n"
                        + "\n".join(wrong), pytrace=False)

        sliders = page.evaluate(MARK_JS, list(HIDDEN_LABELS + LR_LABELS))
        labels = {s["label"] for s in sliders}
        need = [LR_LABELS] if name.startswith("01") else [HIDDEN_LABELS, LR_LABELS]
        missing = [" / ".join(f"{x!r}" for x in group) for group in need if not labels & set(group)]
        if missing:
            all_labels = page.evaluate(f"Array.from({PANEL_JS}.querySelectorAll('.widget-slider .widget-label'))"
                                       ".map(e => e.textContent.trim())")
            pytest.fail(f"{name}: no slider labelled {' nor '.join(missing)} (sliders shown: {all_labels})",
                        pytrace=False)

        failures = []
        for s in sliders:
            if not s["has_picture"]:
                failures.append(f"slider {s['label']!r} (cell {s['cell']}): no picture next to it")
                continue
            problem = check_slider(page, s["k"], s["label"])
            if problem:
                failures.append(f"{problem} (cell {s['cell']})")
        if name.startswith("08") and sliders:
            problem, fps = check_play(page, sliders[0]["k"])
            notes.append(f"play: {fps:.1f} frames/s in the browser")
            if problem:
                failures.append(problem)
            problem = check_playground_controls(page, sliders[0]["k"])
            if problem:
                failures.append(problem)
        wait_for(lambda: (page.evaluate(STATE_JS) or {}).get("status") == "idle", REDRAW_TIMEOUT)
        # Errors in an explorer's own Output widget show up only now.
        late = [p for p in page.evaluate(PROBLEMS_JS) if p["kind"] != "stderr" and p["i"] not in expected_errors]
        failures += [f"after moving the sliders, cell {p['i']} shows an error:\n{p['text']}" for p in late]

        first = sliders[0]["k"] if sliders else None
        if first is not None:
            root = page.locator(f"[data-nntest-root-{first}]")
            root.scroll_into_view_if_needed()
            if not wait_for(lambda: all(page.evaluate(LOOK_JS, first)["shown"]), REDRAW_TIMEOUT):
                failures.append(f"the pictures next to slider {sliders[0]['label']!r} do not display "
                                f"(an <img> not loaded or of zero size)")
            root.screenshot(path=str(screenshot_dir / f"{notebook.stem}_explorer.png"), timeout=30_000)
        if failures:
            pytest.fail(f"{name}:\n  " + "\n  ".join(failures), pytrace=False)
    finally:
        try:
            page.screenshot(path=str(screenshot_dir / f"{notebook.stem}.png"), timeout=30_000)
        except Exception as e:  # a screenshot must not hide the real failure
            notes.append(f"no screenshot: {e}")
        print(f"{name}: " + "; ".join(notes) + f"\nscreenshots: {screenshot_dir}")
