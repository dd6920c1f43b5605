"""`import nnlib` is fast and loads nothing heavy: its submodules and names load on first use (PEP 562),
so matplotlib, ipywidgets, Pillow and scipy arrive only with a plot, a widget, a check or a network."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import nnlib

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("matplotlib", "ipywidgets", "PIL", "scipy")
PROBE = f"""HEAVY = {HEAVY!r}
import json, sys, time
t = time.perf_counter()
import nnlib
seconds = time.perf_counter() - t
loaded = sorted({{m.split(".")[0] for m in sys.modules}} & set(HEAVY))
from nnlib import check
from nnlib.drawing import plotting
after = sorted({{m.split(".")[0] for m in sys.modules}} & set(HEAVY))
print(json.dumps({{"seconds": seconds, "loaded": loaded, "after": after,
                  "nnlib": sorted(m for m in sys.modules if m.startswith("nnlib."))}}))
"""


def _fresh_import():
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    return json.loads(out.stdout)


def test_import_is_fast_and_loads_nothing_heavy():
    res = _fresh_import()
    assert res["loaded"] == [], f"import nnlib loaded {res['loaded']}"
    assert res["seconds"] < 1.0, f"import nnlib took {res['seconds']:.2f} s"     # ~0.002 s here; generous
    assert {"matplotlib", "PIL"} <= set(res["after"]) and "nnlib.check" in res["nnlib"]   # ... until used


def test_every_public_name_resolves():
    for name in nnlib.__all__:
        assert getattr(nnlib, name) is not None
    assert set(nnlib.__all__) <= set(dir(nnlib))
    assert nnlib.MLP is nnlib.mlp.MLP and nnlib.data.moons is not None


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'plots'"):
        nnlib.plots  # noqa: B018
