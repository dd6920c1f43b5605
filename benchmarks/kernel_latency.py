"""How long does a lesson's picture take to update after a slider moves? And how smooth is the playground?

Headless, no browser: each lesson notebook runs top to bottom in a fresh kernel of this Python
(nbclient), then, in that kernel, every nnlib.drawing.widgets.Explorer (and the nnlib.playground
Playground) gets its `hidden` and `lr` controls set several times, alternating between the
current value and another one. Setting a control's value redraws synchronously, so the wall time
of the set is the time until the new figure exists (explorer.last_seconds, the redraw alone, is
reported alongside). The playground's frames per second (train one frame + redraw everything)
come from nnlib.playground.measure_fps.

Targets: a redraw within 300 ms (median over the changes), a playground at >= 10 frames per second.
The exit status is 1 when a target is missed or a notebook fails to run.

    .venv/bin/python benchmarks/kernel_latency.py [--changes 5] [--frames 30] [notebooks/06_moons.ipynb ...]
"""
import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("JUPYTER_PLATFORM_DIRS", "1")  # jupyter_core's path-migration warning otherwise

import nbformat  # noqa: E402
from nbclient.exceptions import CellExecutionError  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from support.kernel_harness import PROBE_IMPORT, printed_json, run  # noqa: E402

TARGET_MS, TARGET_FPS = 300.0, 10.0
MARKER = "@@WIDGET-LATENCY@@"

# Runs in the kernel after the notebook; prints one JSON line.
PROBE = PROBE_IMPORT + r'''
def __latency_probe(changes, frames):
    import json, time
    from nnlib.playground import Playground, measure_fps
    found = __kh.live_widgets(get_ipython().user_ns)
    names = {id(o): n for n, o in found if n}
    targets, other_value = [o for _, o in found], __kh.other_value

    rows = []
    for obj in targets:
        if isinstance(obj, Playground):
            obj.pause()
        for cname in ("hidden", "lr"):
            w = getattr(obj, "controls", {}).get(cname)
            if w is None:
                continue
            a, b = w.value, other_value(w)
            wall, redraw, error = [], [], None
            for i in range(changes):
                t0 = time.perf_counter()
                try:
                    w.value = b if i % 2 == 0 else a
                except Exception as e:
                    error = f"{type(e).__name__}: {e}"
                    break
                wall.append(time.perf_counter() - t0)
                if hasattr(obj, "last_seconds"):
                    redraw.append(obj.last_seconds)
            w.value = a
            rows.append({"name": names.get(id(obj), type(obj).__name__), "kind": type(obj).__name__,
                         "control": cname, "values": [repr(a), repr(b)], "wall": wall,
                         "redraw": redraw, "error": error})
    fps = []
    for obj in targets:
        if isinstance(obj, Playground):
            try:
                value = measure_fps(obj, frames=frames)
                fps.append({"name": names.get(id(obj), "Playground"), "fps": value, "error": None})
            except Exception as e:
                fps.append({"name": names.get(id(obj), "Playground"), "fps": None,
                            "error": f"{type(e).__name__}: {e}"})
    print("@MARKER@" + json.dumps({"rows": rows, "fps": fps}))

__latency_probe(@CHANGES@, @FRAMES@)
del __latency_probe, __kh
'''


def probe(path, changes, frames, timeout=600):
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(
        PROBE.replace("@MARKER@", MARKER).replace("@CHANGES@", str(changes)).replace("@FRAMES@", str(frames))))
    t0 = time.perf_counter()
    # The kernel's stderr (its log lines) goes to a file, shown only if the notebook fails.
    with tempfile.TemporaryFile() as kernel_log:
        try:
            run(nb, path, timeout, stderr=kernel_log)
        except Exception:
            kernel_log.seek(0)
            sys.stderr.write(kernel_log.read().decode(errors="replace")[-3000:])
            raise
    seconds = time.perf_counter() - t0
    result = printed_json(nb.cells[-1], MARKER)
    if result is not None:
        return result, seconds
    raise RuntimeError(f"the probe printed nothing; outputs: {nb.cells[-1].outputs!r:.1000}")


def playground_alone(frames):
    """No notebook measured has a playground: measure a default one in this process."""
    from nnlib.playground import Playground, measure_fps
    pg = Playground(seed=0)
    try:
        return measure_fps(pg, frames=frames)
    finally:
        pg.close()


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("notebooks", nargs="*", type=Path, help="default: notebooks/*.ipynb")
    ap.add_argument("--changes", type=int, default=5, help="value changes per control (default 5)")
    ap.add_argument("--frames", type=int, default=30, help="playground frames for the fps (default 30)")
    args = ap.parse_args(argv)
    paths = args.notebooks or sorted((ROOT / "notebooks").glob("*.ipynb"))
    if not paths:
        print("no notebooks found in notebooks/")
        return 1

    bad = False
    fps_rows = []
    header = (f"{'lesson':<22} {'widget':<18} {'control':<8} {'values':<20} {'median ms':>10} {'max ms':>8} "
              f"{'redraw ms':>10}  verdict")
    print(f"slider -> new picture, {args.changes} changes per control, target median <= {TARGET_MS:.0f} ms\n")
    print(header)
    print("-" * len(header))
    for path in paths:
        lesson = path.stem
        try:
            result, seconds = probe(path, args.changes, args.frames)
        except CellExecutionError as e:
            print(f"{lesson:<22} notebook failed: {str(e).strip().splitlines()[-1][:100]}")
            bad = True
            continue
        if not result["rows"]:
            print(f"{lesson:<22} (no explorer with hidden/lr)")
        for r in result["rows"]:
            label = f"{lesson:<22.22} {r['name'] + ('' if r['kind'] == 'Explorer' else ' (' + r['kind'] + ')'):<18.18}"
            if r["error"] or not r["wall"]:
                print(f"{label} {r['control']:<8} ERROR: {r['error']}")
                bad = True
                continue
            wall = [1000 * s for s in r["wall"]]
            med, mx = statistics.median(wall), max(wall)
            redraw = f"{1000 * statistics.median(r['redraw']):10.0f}" if r["redraw"] else f"{'-':>10}"
            verdict = "OK" if med <= TARGET_MS else "SLOW"
            if verdict == "OK" and mx > TARGET_MS:
                verdict = "OK (max over)"
            bad |= verdict == "SLOW"
            values = " <-> ".join(r["values"])
            print(f"{label} {r['control']:<8} {values:<20.20} {med:10.0f} {mx:8.0f} {redraw}  {verdict}")
        fps_rows += [(lesson, f) for f in result["fps"]]

    print()
    if not fps_rows:
        fps = playground_alone(args.frames)
        fps_rows = [("(default Playground, in no notebook)", {"name": "Playground(seed=0)", "fps": fps, "error": None})]
    for lesson, f in fps_rows:
        if f["error"]:
            print(f"playground {lesson} {f['name']}: ERROR {f['error']}")
            bad = True
            continue
        ok = f["fps"] >= TARGET_FPS
        bad |= not ok
        print(f"playground {lesson} {f['name']}: {f['fps']:.1f} frames/s over {args.frames} frames "
              f"(target >= {TARGET_FPS:.0f}): {'OK' if ok else 'SLOW'}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
