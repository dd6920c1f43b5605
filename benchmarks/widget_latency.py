"""How long does a lesson's picture take to update after a slider moves? And how smooth is the playground?

Headless, no browser: each lesson notebook runs top to bottom in a fresh kernel of this Python
(nbclient), then, in that kernel, every nnlib.widgets.Explorer (and the nnlib.playground
Playground) gets its `hidden` and `lr` controls set several times, alternating between the
current value and another one. Setting a control's value redraws synchronously, so the wall time
of the set is the time until the new figure exists (explorer.last_seconds, the redraw alone, is
reported alongside). The playground's frames per second (train one frame + redraw everything)
come from nnlib.playground.measure_fps.

Targets: a redraw within 300 ms (median over the changes), a playground at >= 10 frames per second.
The exit status is 1 when a target is missed or a notebook fails to run.

    .venv/bin/python benchmarks/widget_latency.py [--changes 5] [--frames 30] [notebooks/05_moons.ipynb ...]
"""
import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("JUPYTER_PLATFORM_DIRS", "1")  # jupyter_core's path-migration warning otherwise

import nbformat  # noqa: E402
from jupyter_client.kernelspec import KernelSpec, KernelSpecManager  # noqa: E402
from jupyter_client.manager import AsyncKernelManager  # noqa: E402
from nbclient import NotebookClient  # noqa: E402
from nbclient.exceptions import CellExecutionError  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TARGET_MS, TARGET_FPS = 300.0, 10.0
MARKER = "@@WIDGET-LATENCY@@"

# Runs in the kernel after the notebook; prints one JSON line.
PROBE = r'''
def __latency_probe(changes, frames):
    import gc, json, time
    from nnlib.widgets import Explorer
    try:
        import nnlib.playground as playground_module
        Playground = playground_module.Playground
    except ImportError:
        playground_module = Playground = None
    kinds = (Explorer,) if Playground is None else (Explorer, Playground)
    names = {id(v): k for k, v in list(get_ipython().user_ns.items())
             if isinstance(v, kinds) and not k.startswith("_")}
    targets = sorted((o for o in gc.get_objects() if isinstance(o, kinds)     # not closed ones:
                      and getattr(getattr(o, "widget", None), "comm", True) is not None),
                     key=lambda o: (id(o) not in names, names.get(id(o), "")))

    def other_value(w):
        lo, hi = w.min, w.max
        if hasattr(w, "base"):                       # FloatLogSlider: min/max are exponents
            lo, hi = w.base ** lo, w.base ** hi
        v = w.value
        if isinstance(v, int) and not isinstance(v, bool):
            new = v * 2 if v * 2 <= hi else v // 2
            if new < lo or new == v:
                new = v + 1 if v + 1 <= hi else v - 1
            return int(new)
        new = v * 4 if v * 4 <= hi else v / 4
        return max(lo, min(hi, new))

    rows = []
    for obj in targets:
        is_pg = Playground is not None and isinstance(obj, Playground)
        if is_pg:
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
        if Playground is not None and isinstance(obj, Playground):
            measure = getattr(playground_module, "measure_fps", None)
            try:
                value = measure(obj, frames=frames) if measure else obj.fps(2.0)
                fps.append({"name": names.get(id(obj), "Playground"), "fps": value, "error": None})
            except Exception as e:
                fps.append({"name": names.get(id(obj), "Playground"), "fps": None,
                            "error": f"{type(e).__name__}: {e}"})
    print("@MARKER@" + json.dumps({"rows": rows, "fps": fps, "playground_module": Playground is not None}))

__latency_probe(@CHANGES@, @FRAMES@)
del __latency_probe
'''


class CurrentEnvKernelSpecs(KernelSpecManager):
    """Every kernel name resolves to an ipykernel of this interpreter (like nbval --nbval-current-env)."""

    def get_kernel_spec(self, kernel_name):
        return KernelSpec(argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                          display_name="Python (current env)", language="python", resource_dir=str(ROOT))


def probe(path, changes, frames, timeout=600):
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(
        PROBE.replace("@MARKER@", MARKER).replace("@CHANGES@", str(changes)).replace("@FRAMES@", str(frames))))
    km = AsyncKernelManager(kernel_name="python3", kernel_spec_manager=CurrentEnvKernelSpecs())
    client = NotebookClient(nb, km=km, timeout=timeout, resources={"metadata": {"path": str(path.parent)}})
    t0 = time.perf_counter()
    # The kernel's stderr (its log lines) goes to a file, shown only if the notebook fails.
    with tempfile.TemporaryFile() as kernel_log:
        try:
            client.execute(cleanup_kc=True, stderr=kernel_log)  # we made km: shut the kernel down too
        except Exception:
            kernel_log.seek(0)
            sys.stderr.write(kernel_log.read().decode(errors="replace")[-3000:])
            raise
    seconds = time.perf_counter() - t0
    text = "".join(o.get("text", "") for o in nb.cells[-1].outputs if o.get("output_type") == "stream")
    for line in text.splitlines():
        if line.startswith(MARKER):
            return json.loads(line[len(MARKER):]), seconds
    raise RuntimeError(f"the probe printed nothing; outputs: {nb.cells[-1].outputs!r:.1000}")


def playground_alone(frames):
    """No notebook has a playground: measure a default one in this process, if the module exists."""
    try:
        from nnlib.playground import Playground, measure_fps
    except ImportError:
        return None
    pg = Playground(seed=0)
    try:
        return measure_fps(pg, frames=frames)
    finally:
        pg.close() if hasattr(pg, "close") else None


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
    fps_rows, pg_module = [], False
    header = f"{'lesson':<22} {'widget':<18} {'control':<8} {'values':<20} {'median ms':>10} {'max ms':>8} {'redraw ms':>10}  verdict"
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
        pg_module = pg_module or result["playground_module"]
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
    if not fps_rows and pg_module:
        fps = playground_alone(args.frames)
        fps_rows = [("(default Playground, in no notebook)", {"name": "Playground(seed=0)", "fps": fps, "error": None})]
    if not fps_rows:
        print("playground: not found")
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
