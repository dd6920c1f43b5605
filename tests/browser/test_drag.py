"""Sliders follow the drag, in JupyterLab and headless Chromium.

A small notebook (written into the server's copy of notebooks/) shows an nnlib Explorer whose
draw is lesson 6's: a 2-hidden-2 network trained 300 epochs on 200 moons points, its decision
regions and its loss curves. The test drags the hidden-units slider's handle WITH THE MOUSE
(button down, the pointer moved across the track in steps, button up) and checks:

* the picture follows the drag: at least 2 new pictures load before the button is released;
* no backlog: after the release at most 2 new pictures load (the one being drawn, then the
  final value's), never one per value dragged over;
* the final picture shows the value where the drag stopped (the status line's tooltip names the
  values drawn: nnlib.drawing.widgets.Explorer) and loads within FINAL_BOUND_S of the release. The target is 150 ms on a
  quiet machine; the bound is generous for a loaded one. The measured figure is printed.
"""
import json
import re
import time

from support.lab_page import LOOK_JS, MARK_JS, STATE_JS, open_notebook, run_all_cells, settled, wait_for, wait_until_run

FINAL_BOUND_S = 1.5
DRAG_STEPS = 24
STEP_SECONDS = 0.03  # faster than a redraw: the release often comes mid-redraw (the worst case)
NAME = "drag_probe.ipynb"

SOURCE = '''\
from nnlib import MLP
from nnlib.data import moons
from nnlib.drawing.widgets import Explorer, hidden_slider, lr_slider, show_run

X, y = moons(200, noise=0.2, seed=0)


def draw(fig, hidden, lr):
    net = MLP([2, hidden, 2], seed=0)
    history = net.fit(X, y, epochs=300, lr=lr, l2=0.01)
    return show_run(fig, {"training loss": history.loss}, model=net, X=X, y=y,
                    title=lambda: f"train acc {net.accuracy(X, y):.3f}", loss_title=f"{hidden} hidden, lr = {lr:.3g}",
                    text=lambda: f"loss {history.loss[-1]:.3f}")


explorer = Explorer(draw, hidden=hidden_slider(3, max=30), lr=lr_slider(2.0, min=0.01, max=10.0))
explorer
'''

# Timestamps in the page: every picture load of explorer k, with the values its status line's
# tooltip names (nnlib updates the status line just before the picture), and the mouse release.
WATCH_JS = """(k) => {
  const root = document.querySelector('[data-nntest-root-' + k + ']');
  const drawn = () => ((root.querySelector('.widget-html span[title]') || {}).title || '');
  window.nndrag = {released: null, loads: []};
  window.addEventListener('mouseup', () => { window.nndrag.released = performance.now(); }, true);
  root.querySelectorAll('img').forEach(img => img.addEventListener('load',
    () => { window.nndrag.loads.push({t: performance.now(), title: drawn()}); }));
}"""


def write_notebook(lab):
    cell = {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
            "source": SOURCE.splitlines(keepends=True)}
    nb = {"cells": [cell], "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                       "language": "python"}},
          "nbformat": 4, "nbformat_minor": 5}
    (lab.notebook_dir / NAME).write_text(json.dumps(nb), encoding="utf-8")


def drawn_hidden(title):
    """The hidden-units value a picture shows, from the tooltip ("hidden units: 17, learning rate: 2")."""
    m = re.search(r"hidden units: (\d+)", title or "")
    return int(m.group(1)) if m else None


def drag(page, k):
    """Press the mouse on slider k's handle, move it right across the track in steps, release."""
    handle = page.locator(f'[data-nntest-slider="{k}"] .noUi-handle').first
    track = page.locator(f'[data-nntest-slider="{k}"] .noUi-target').first
    handle.scroll_into_view_if_needed()
    h, t = handle.bounding_box(), track.bounding_box()
    x, y = h["x"] + h["width"] / 2, h["y"] + h["height"] / 2
    end = t["x"] + 0.7 * t["width"]
    page.mouse.move(x, y)
    page.mouse.down()
    for i in range(1, DRAG_STEPS + 1):
        page.mouse.move(x + (end - x) * i / DRAG_STEPS, y)
        time.sleep(STEP_SECONDS)
    page.mouse.up()


def test_slider_follows_the_drag(page, lab):
    write_notebook(lab)
    open_notebook(page, lab, NAME)
    run_all_cells(page, NAME)
    wait_until_run(page, NAME, expected_errors=set())
    page.wait_for_selector(".jp-OutputArea-output .widget-slider", timeout=60_000)
    page.wait_for_selector(".jp-OutputArea-output img", timeout=60_000)
    sliders = [s for s in page.evaluate(MARK_JS, ["hidden units"]) if s["has_picture"]]
    assert sliders, "no 'hidden units' slider with a picture next to it"
    k = sliders[0]["k"]
    before = settled(page, k)
    assert before is not None, "the explorer did not settle after Run All"
    page.evaluate(WATCH_JS, k)
    drag(page, k)

    def quiet():  # the kernel is idle and the explorer looked the same for a moment
        return (page.evaluate(STATE_JS) or {}).get("status") == "idle" and settled(page, k)
    after = wait_for(quiet, 60)
    assert after is not None, "the explorer kept changing (or the kernel stayed busy) for 60 s after the drag"
    log = page.evaluate("window.nndrag")
    released, loads = log["released"], log["loads"]
    assert released is not None, "the page saw no mouseup"
    during = [x for x in loads if x["t"] < released]
    later = [x for x in loads if x["t"] >= released]
    final = int(after["readout"])
    assert final > int(before["readout"]), f"the drag did not move the slider ({before['readout']} -> {final})"
    shows = [drawn_hidden(x["title"]) for x in loads]
    print(f"drag {before['readout']} -> {final}: {len(during)} pictures during the drag "
          f"(hidden units {shows[:len(during)]}), {len(later)} after the release {shows[len(during):]}")
    assert len(during) >= 2, f"only {len(during)} new pictures while dragging (continuous_update off?)"
    assert len(later) <= 2, f"{len(later)} pictures after the release: a backlog of stale values {shows}"
    assert loads and drawn_hidden(loads[-1]["title"]) == final, \
        f"the last picture shows hidden units {shows[-1:]} but the slider stopped at {final}"
    first_final = next(x["t"] for x in loads if drawn_hidden(x["title"]) == final)
    delay = max(0.0, first_final - released) / 1000
    print(f"final picture (hidden units {final}) {delay * 1000:.0f} ms after the release "
          f"(target 150 ms on a quiet machine; bound here {FINAL_BOUND_S * 1000:.0f} ms)")
    assert delay <= FINAL_BOUND_S, f"the final picture came {delay:.2f} s after the release"
    assert page.evaluate(LOOK_JS, k)["errors"] == 0, "the explorer shows an error after the drag"
