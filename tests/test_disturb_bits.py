"""The disturbed-bits mechanism (tests/support/disturb_bits.py, run by `pytest --nbval --disturb-bits`):
the nudge is a function of the value, moves the last bits only, keeps equal computations equal; matrix
products are summed in the other order (an exact one stays exact), `@` included, in cells and in nnlib;
a tiny chaotic notebook fails under it, a tiny robust one passes."""
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import numpy as np
import pytest
from support import disturb_bits as db
from support.kernel_harness import run

ROOT = Path(__file__).resolve().parents[1]
ULP = np.spacing


def _values(n=4000, seed=0):
    rng = np.random.default_rng(seed)
    return np.concatenate([rng.standard_normal(n), rng.uniform(-1e300, 1e300, 50), [0.0, -0.0, 1.0, 5e-324]])


def test_the_nudge_is_a_function_of_the_value():
    x = _values()
    f = db.factors(x)
    assert np.array_equal(f, db.factors(x.copy())) and np.array_equal(f[::-1], db.factors(x[::-1]))
    assert set(np.unique(f)) == {1 - db.EPS, 1.0, 1 + db.EPS}    # all three, and nothing else
    assert np.all(db.factors(np.array([1.0, -1.0])) == 1.0)        # exp(0), tanh(40): exact everywhere
    assert 0.25 < np.mean(f == 1.0) < 0.42                         # about a third left alone


def test_only_the_last_bits_move():
    x = _values()
    d = db.disturb(x.copy())
    assert np.all(np.abs(d - x) <= 2 * ULP(np.abs(x)))
    assert np.mean(d != x) > 0.5
    assert db.disturb(np.array([np.inf, -np.inf]))[1] == -np.inf and np.isnan(db.disturb(np.array([np.nan]))[0])


def test_a_disturbed_function_keeps_equal_computations_equal():
    tanh, x = db.Disturbed(np.tanh), _values(seed=1) / 1e3
    assert np.array_equal(tanh(x), tanh(x.copy()))                 # same input, same bits: as on another machine
    assert not np.array_equal(tanh(x), np.tanh(x))                 # ... other bits than this machine's
    out = np.empty_like(x)
    assert tanh(x, out=out) is out and np.array_equal(out, tanh(x))
    s = tanh(np.float64(0.3))
    assert type(s) is np.float64 and s == tanh(np.array([0.3]))[0]
    assert tanh(np.float32(0.3)) == np.tanh(np.float32(0.3))      # float32 left alone
    assert tanh.reduce == np.tanh.reduce and tanh.__name__ == "tanh"


def test_products_are_summed_in_the_other_order():
    rng = np.random.default_rng(2)
    a, b, v = rng.standard_normal((40, 16)), rng.standard_normal((16, 8)), rng.standard_normal(16)
    matmul, dot = db.OtherOrder(np.matmul), db.OtherOrder(np.dot)
    for f in (matmul, dot, db.matmul):
        assert np.array_equal(f(a, b), np.flip(a, 1) @ np.flip(b, 0)) and not np.array_equal(f(a, b), a @ b)
        assert np.array_equal(f(a, b), f(a.copy(), b.copy()))                     # same operands, same bits
        assert np.all(np.abs(f(a, b) - a @ b) <= 16 * 16 * db.EPS * (np.abs(a) @ np.abs(b)))
        assert type(f(v, v)) is np.float64 and f(v, v) == f(v.copy(), v.copy()) and f(a, v).shape == (40,)
    ints = rng.integers(-9, 9, (40, 16)).astype(float)
    assert np.array_equal(matmul(ints, b.round()), ints @ b.round())             # exact stays exact
    out = np.empty((40, 8))
    assert matmul(a, b, out=out) is out and np.array_equal(out, matmul(a, b))
    assert np.array_equal(dot(a.astype(int), b.astype(int)), a.astype(int) @ b.astype(int))  # ints left alone


def test_matmul_is_rewritten_in_source():
    tree = db.MatMulCalls().visit(__import__("ast").parse("c = a @ b\nd = a.copy()\nd @= b"))
    rng = np.random.default_rng(2)
    ns = {"a": rng.standard_normal((10, 6)), "b": rng.standard_normal((6, 6)),
          db.MATMUL_NAME: db.matmul}
    exec(compile(__import__("ast").fix_missing_locations(tree), "<cell>", "exec"), ns)
    want = db.OtherOrder(np.matmul)(ns["a"], ns["b"])
    assert np.array_equal(ns["c"], want) and np.array_equal(ns["d"], want)
    assert not np.array_equal(want, ns["a"] @ ns["b"])


INSTALLED = """
import sys, json, numpy as np
sys.path.insert(0, {support!r})
import disturb_bits as db
X = np.random.default_rng(0).standard_normal((50, 2))
db.install()
import nnlib, scipy.special
from nnlib import MLP, layers
net = MLP([2, 16, 16, 2], seed=0)
p1, p2 = net.predict_proba(X), MLP([2, 16, 16, 2], seed=0).predict_proba(X)
forward = [c for c in vars(sys.modules["nnlib.backprop"]).values() if callable(c)]
names = {{n for f in forward if hasattr(f, "__code__") for n in f.__code__.co_names}}
print(json.dumps({{"same": bool(np.array_equal(p1, p2)), "exp": type(np.exp).__name__,
                  "matmul": type(np.matmul).__name__, "expit": type(scipy.special.expit).__name__,
                  "sigmoid": type(layers.ACTIVATIONS["sigmoid"]).__name__,
                  "matmul_in_nnlib": db.MATMUL_NAME in names, "p": p1.tolist()}}))
"""


def _installed_run(install, products=True):
    code = INSTALLED.format(support=str(ROOT / "tests" / "support"))
    code = code.replace("db.install()", f"db.install(products={products})" if install else "")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    return json.loads(out.stdout.splitlines()[-1])


def test_install_reaches_numpy_scipy_and_nnlibs_matmul():
    on, off = _installed_run(True), _installed_run(False)
    assert on["same"] and off["same"]                             # the lessons' bit-for-bit lines still hold
    assert (on["exp"], on["expit"], on["sigmoid"], on["matmul_in_nnlib"]) == ("Disturbed",) * 3 + (True,)
    assert on["matmul"] == "OtherOrder" and off["matmul"] == "ufunc"
    assert off["exp"] == "ufunc" and not off["matmul_in_nnlib"]
    functions = _installed_run(True, products=False)                  # --disturb-bits without --disturb-products
    assert (functions["exp"], functions["matmul"], functions["matmul_in_nnlib"]) == ("Disturbed", "ufunc", False)
    p_on, p_off = np.array(on["p"]), np.array(off["p"])
    assert not np.array_equal(p_on, p_off) and np.allclose(p_on, p_off, rtol=1e-12, atol=1e-15)


def test_install_refuses_when_nnlib_is_already_loaded():
    import nnlib  # noqa: F401
    with pytest.raises(RuntimeError, match="nnlib"):
        db.install()
    assert type(np.exp) is np.ufunc


CHAOTIC = ["import numpy as np",
           "x = 0.3\nfor _ in range(300):\n    x = float(np.exp(np.log(4 * x * (1 - x))))\nprint(f'{x:.4f}')",
           "x, parts = 0.3, np.array([0.1, 0.7, 0.2])\nfor _ in range(300):\n"
           "    x = (parts * (4 * x * (1 - x))) @ np.ones(3)\nprint(f'{x:.4f}')"]
ROBUST = ["import numpy as np\na = np.linspace(0.1, 3, 101)",
          "print(np.array_equal(np.tanh(a), np.tanh(a.copy())), f'{np.exp(a).sum() + np.tanh(a).sum():.6f}')",
          "M = np.cos(np.outer(a, a))\nprint(f'{(a @ M).sum():.6f}', np.array_equal(a @ M, a.copy() @ M.copy()))\n"
          "X, w = np.array([[0, 0], [0, 1], [1, 0], [1, 1.0]]), np.array([2.0, 1.0])\nprint(X @ w - 3, X @ w - 3 >= 0)"]


def _nbval(tmp_path, *options):
    out = subprocess.run([sys.executable, "-m", "pytest", "-c", str(ROOT / "pyproject.toml"), "--rootdir",
                          str(tmp_path), "-p", "conftest", "-n", "0", "-W", "error", "-rA", "--nbval",
                          "--nbval-current-env", *options, str(tmp_path / "chaotic.ipynb"),
                          str(tmp_path / "robust.ipynb")],
                         capture_output=True, text=True, cwd=tmp_path, timeout=300,
                         env={**os.environ, "PYTHONPATH": str(ROOT), "JUPYTER_PLATFORM_DIRS": "1"})
    found = re.findall(r"^(PASSED|FAILED) \S*?(\w+\.ipynb::\w+(?: \d+)?)", out.stdout, re.M)
    return {item: outcome for outcome, item in found}, out.stdout[-3000:]


@pytest.mark.notebooks
def test_a_chaotic_notebook_fails_and_a_robust_one_passes(tmp_path):
    for name, cells in (("chaotic", CHAOTIC), ("robust", ROBUST)):
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        path = tmp_path / f"{name}.ipynb"
        run(nb, path, timeout=60)                                  # outputs of this machine, undisturbed
        nbformat.write(nb, path)
    want = {"chaotic.ipynb::Cell 0": "PASSED", "chaotic.ipynb::Cell 1": "FAILED", "chaotic.ipynb::Cell 2": "PASSED",
            "robust.ipynb::Cell 0": "PASSED", "robust.ipynb::Cell 1": "PASSED", "robust.ipynb::Cell 2": "PASSED"}
    results, log = _nbval(tmp_path, "--disturb-bits")               # cell 2's chaos comes from `@` alone
    assert results == want, log
    results, log = _nbval(tmp_path, "--disturb-bits", "--disturb-products")
    assert results == want | {"chaotic.ipynb::Cell 2": "FAILED"}, log
