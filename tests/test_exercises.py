"""Every exercise check is itself tested, for every lesson (nnlib/exercises/lessonNN.py) and every notebook.

* each SOLUTIONS entry passes its check (printing "correct", returning None); each catalogued Slip fails it
  with its own hint first (the slip named "given", the handed-out function, with the neutral "not attempted
  yet"), and with grade=True raises NotYet with the printed message and prints nothing; every check in
  `__all__` has a solution and at least three slips, each with its own hint;
* the tolerance boundary: the reference with the tolerance's worth of error (0.9 of it) passes, with a
  bit more (1.1 of it) fails (checks built on engine.function_check / prediction_check);
* notebooks: the exercises after "## Summary" follow the four-cell format (prompt, stub, check, folded
  solution), the check exists and its stored output is the "not yet" message for the stub, and each
  folded solution block, exec'd alone, passes its check. No cell shows a solution.
New lessons and notebooks are picked up automatically.
"""
import contextlib
import importlib
import io
import json
import re
from pathlib import Path

import numpy as np
import pytest
from exercise_answers import ANSWERS

from nnlib import check, exercises
from nnlib.exercises import engine

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
LESSONS = [importlib.import_module(f"nnlib.exercises.{name}") for name in exercises.LESSONS]
CHECKS = [(m, name) for m in LESSONS for name in m.__all__]
SLIPS = [(m, name, i) for m, name in CHECKS for i in range(len(m.SLIPS.get(name, ())))]
HEADING = re.compile(r"^### Exercise (\d+) \((derive|predict|diagnose|implement)\): \S")
CHECK_CELL = re.compile(r"^check\.(\w+)\(([\w, ]*)\)$")


def _id(param):
    return param.__name__.rsplit(".", 1)[-1] if hasattr(param, "__name__") else str(param)


def _give(fn, answer, **kwargs):
    """fn(answer), or fn(*answer) for engine.Answers."""
    return fn(*answer, **kwargs) if isinstance(answer, engine.Answers) else fn(answer, **kwargs)


def _call(fn, answer, **kwargs):
    """(result, printed text) of _give(fn, answer)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        result = _give(fn, answer, **kwargs)
    return result, out.getvalue()


def _passes(fn, answer):
    """(whether the check passes in graded mode, its message): graded mode prints nothing."""
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            result = _give(fn, answer, grade=True)
    except engine.NotYet as e:
        assert out.getvalue() == "", out.getvalue()
        return False, str(e)
    assert result is None and out.getvalue() == "", out.getvalue()
    return True, ""


# --- lesson modules -------------------------------------------------------------------------------------
@pytest.mark.parametrize("lesson", LESSONS, ids=_id)
def test_lesson_module_is_complete(lesson):
    assert set(lesson.SOLUTIONS) <= set(lesson.__all__) and set(lesson.SLIPS) <= set(lesson.__all__), \
        "SOLUTIONS and SLIPS name only checks in __all__"
    for name in lesson.__all__:
        assert callable(getattr(lesson, name)), name
        assert name in lesson.SOLUTIONS, f"{name} has no SOLUTIONS entry"
        assert len(lesson.SLIPS.get(name, ())) >= 3, f"{name} catalogues fewer than 3 slips"
        hints = [s.hint for s in lesson.SLIPS[name]]
        assert len(set(hints)) == len(hints), f"{name}: two slips share a hint"
        assert getattr(check, name) is getattr(lesson, name), f"check.{name} is not {lesson.__name__}'s"


def test_check_names_are_unique_across_lessons():
    names = [name for _, name in CHECKS]
    assert sorted(check.__all__) == sorted(names) and len(set(names)) == len(names), "two lessons share a check name"


@pytest.mark.parametrize("lesson, name", CHECKS, ids=[f"{_id(m)}-{n}" for m, n in CHECKS])
def test_solution_passes(lesson, name):
    result, printed = _call(getattr(lesson, name), lesson.SOLUTIONS[name])
    assert result is None, "a check returns nothing for Jupyter to echo"
    assert printed.startswith(f"{name}: correct"), printed


@pytest.mark.parametrize("lesson, name, i", SLIPS, ids=[f"{_id(m)}-{n}-{i}" for m, n, i in SLIPS])
def test_slip_fails_with_its_hint(lesson, name, i):
    slip = lesson.SLIPS[name][i]
    result, printed = _call(getattr(lesson, name), slip.answer)
    assert result is None
    if slip.name == "given":
        assert printed.strip() == f"{name}: {engine.NOT_ATTEMPTED}", printed
    else:
        assert printed.startswith(f"{name}: not yet. {slip.hint}"), f"slip {slip.name!r}: {printed}"
    ok, message = _passes(getattr(lesson, name), slip.answer)      # graded: silent, raises the same message,
    printed = printed.strip()                                       # except that a prediction's answer is sealed
    if " which is not it" in printed:
        head = printed.split(" You predicted ")[0]
        assert not ok and message.startswith(head), message
    else:
        assert not ok and message == printed


def _spy(monkeypatch, lesson, name):
    """The arguments the check passed to engine.function_check / prediction_check (a prediction's truth
    computed once), spied on in the module that defines the check."""
    seen, home = {}, importlib.import_module(getattr(lesson, name).__module__)   # a check may live in a side file
    for kind in ("function_check", "prediction_check"):
        if hasattr(home, kind):
            def spy(*args, _kind=kind, **kwargs):
                if _kind == "prediction_check" and callable(kwargs.get("truth")):
                    kwargs["truth"] = kwargs["truth"]()
                seen.setdefault(_kind, (args, kwargs))
                return getattr(engine, _kind)(*args, **kwargs)
            monkeypatch.setattr(home, kind, spy)
    _call(getattr(lesson, name), lesson.SOLUTIONS[name])
    return seen


def _perturbed(reference, scale, outputs, atol, rtol):
    def off(want):
        want = np.asarray(want, dtype=float)
        return want + scale * (atol + rtol * np.abs(want))

    def fn(*args):
        want = reference(*args)
        return off(want) if len(outputs) == 1 else tuple(off(w) for w in want)
    return fn


def _function_boundary(args, kwargs):
    name, _, reference, cases = (list(args) + [None] * 4)[:4]
    name, reference = kwargs.get("name", name), kwargs.get("reference", reference)
    cases = kwargs.get("cases", cases)
    outputs = kwargs.get("outputs", ("the result",))
    atol, rtol = kwargs.get("atol", engine.ATOL), kwargs.get("rtol", engine.RTOL)
    for scale, want in ((0.9, True), (1.1, False)):
        fn = _perturbed(reference, scale, outputs, atol, rtol)
        _, printed = _call(lambda f: engine.function_check(name, f, reference, cases, outputs=outputs,
                                                           atol=atol, rtol=rtol), fn)
        assert printed.startswith(f"{name}: correct") is want, f"{scale} x the tolerance: {printed}"


def _prediction_boundary(args, kwargs):
    name = kwargs.get("name", args[0])
    truth = kwargs.get("truth", args[2] if len(args) > 2 else None)
    truth = truth() if callable(truth) else truth
    tol = kwargs.get("tol", 0.0)
    if isinstance(truth, (str, tuple)):
        wrong = "not one of the options" if isinstance(truth, str) else tuple(v + 1 for v in truth)
        tries = ((truth, True), (wrong, False))
    elif (tol := engine.margin(tol, truth)) > 0:
        tries = ((truth + 0.9 * tol, True), (truth - 0.9 * tol, True), (truth + 1.1 * tol, False))
    else:
        tries = ((truth, True), (truth + 1, False))
    options = kwargs.get("options", ())
    for prediction, want in tries:
        ok, message = _passes(lambda p, grade: engine.prediction_check(name, p, truth, tol=tol, options=options,
                                                                       grade=grade), prediction)
        assert ok is want, f"prediction {prediction!r}: {message}"


@pytest.mark.parametrize("lesson, name", CHECKS, ids=[f"{_id(m)}-{n}" for m, n in CHECKS])
def test_tolerance_boundary(monkeypatch, lesson, name):
    seen = _spy(monkeypatch, lesson, name)
    if not seen:
        pytest.skip(f"{name} builds its own verdict (no engine.function_check / prediction_check call)")
    if "function_check" in seen:
        _function_boundary(*seen["function_check"])
    if "prediction_check" in seen:
        _prediction_boundary(*seen["prediction_check"])


ANSWERED = [(name, right, i, answer) for name, answers in ANSWERS.items()
            for right, group in zip((True, False), answers) for i, answer in enumerate(group)]


@pytest.mark.parametrize("name, right, i, answer", ANSWERED,
                         ids=[f"{n}-{'right' if r else 'wrong'}-{i}" for n, r, i, _ in ANSWERED])
def test_answers_written_apart(name, right, i, answer):
    """tests/exercise_answers.py: right answers in other styles pass, wrong ones (not the catalogued slips) do
    not, and neither raises. A wrong answer that behaves exactly like the function handed out gets the
    untouched stub's neutral reply (the engine cannot tell them apart, and names no slip for either)."""
    _, printed = _call(getattr(check, name), answer)
    wrong = (f"{name}: not yet.", f"{name}: not attempted yet")
    assert printed.startswith(f"{name}: correct" if right else wrong), printed


# --- notebooks ------------------------------------------------------------------------------------------
def _cells(path):
    return json.loads(path.read_text())["cells"]


def _text(cell):
    return "".join(cell["source"])


def _exercises(path):
    """[(prompt, stub, check cell, solution)] for each exercise-prompt cell of the notebook."""
    cells = _cells(path)
    starts = [i for i, c in enumerate(cells) if "exercise-prompt" in c["metadata"].get("tags", [])]
    return [tuple(cells[i:i + 4]) for i in starts]


def _solution_code(cell):
    blocks = re.findall(r"```python\n(.*?)```", _text(cell), flags=re.S)
    assert len(blocks) == 1, f"expected one ```python block in the solution, got {len(blocks)}"
    return blocks[0]


EXERCISES = [(p, k) for p in NOTEBOOKS for k in range(len(_exercises(p)))]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_exercise_format(path):
    cells, found = _cells(path), _exercises(path)
    summary = [i for i, c in enumerate(cells) if c["cell_type"] == "markdown" and _text(c).startswith("## Summary")]
    assert summary, "no '## Summary' cell"
    most = 6 if path.stem in ("06_moons", "08_playground", "10_depth", "12_digits") else 5   # one more to think with
    assert 3 <= len(found) <= most, f"{len(found)} exercises in the 4-cell format (3-{most} wanted)"
    assert cells.index(found[0][0]) > summary[0], "exercises come after '## Summary'"
    kinds = []
    for k, (prompt, stub, check_cell, solution) in enumerate(found, 1):
        heading = HEADING.match(_text(prompt))
        assert prompt["cell_type"] == "markdown" and heading, f"exercise {k}: heading {_text(prompt)[:60]!r}"
        assert int(heading.group(1)) == k, f"exercise {k} is numbered {heading.group(1)}"
        kinds.append(heading.group(2))
        assert stub["cell_type"] == "code" and "exercise" in stub["metadata"].get("tags", []), f"exercise {k}: stub"
        name = stub["metadata"].get("exercise")
        assert hasattr(check, str(name)), f"exercise {k}: no check named {name!r}"
        assert check_cell["cell_type"] == "code" and "check" in check_cell["metadata"].get("tags", [])
        call = CHECK_CELL.match(_text(check_cell))
        assert call and call.group(1) == name, f"exercise {k}: check cell {_text(check_cell)!r}"
        for arg in filter(None, (a.strip() for a in call.group(2).split(","))):
            defined = re.search(rf"^(def |class )?{arg}\b", _text(stub), flags=re.M)
            assert defined, f"exercise {k}: the stub defines no {arg}"
        printed = "".join("".join(o.get("text", "")) for o in check_cell.get("outputs", []))
        assert printed.strip() == f"{name}: {engine.NOT_ATTEMPTED}", f"exercise {k}: stored output {printed[:80]!r}"
        assert all(o.get("output_type") == "stream" for o in check_cell.get("outputs", [])), \
            f"exercise {k}: the check cell shows more than its reply (an echoed value?)"
        text = _text(solution)
        assert solution["cell_type"] == "markdown" and "solution" in solution["metadata"].get("tags", [])
        assert text.startswith("<details><summary>Solution</summary>") and text.rstrip().endswith("</details>")
        _solution_code(solution)
    assert len(set(kinds)) >= 2 and kinds.count("implement") <= 1, f"kinds {kinds}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_solution_in_plain_view(path):
    for cell in _cells(path):
        if cell["cell_type"] == "code":
            assert not re.search(r"def \w+_solution\b|Check the checker", _text(cell)), _text(cell)[:80]
        else:
            assert "Check the checker" not in _text(cell)


@pytest.mark.parametrize("path, k", EXERCISES, ids=[f"{p.stem}-{k + 1}" for p, k in EXERCISES])
def test_folded_solution_passes(path, k):
    _, _, check_cell, solution = _exercises(path)[k]
    namespace = {}
    exec(compile(_solution_code(solution), f"{path.stem} solution {k + 1}", "exec"), namespace)
    namespace["check"] = check
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        result = eval(_text(check_cell), namespace)
    assert result is None and out.getvalue().startswith(f"{CHECK_CELL.match(_text(check_cell)).group(1)}: correct"), \
        out.getvalue()


# --- lesson 10, exercise 5 (bn_backward): answers written apart from the slip catalogue --------------------------
def _bn_stats(z, eps):
    mu, var = z.mean(axis=0), z.var(axis=0)
    return mu, var, (z - mu) / np.sqrt(var + eps)


def bn_staged(dout, z, gamma, eps=1e-5):                 # right: the chain rule node by node
    n = len(z)
    mu, var, z_hat = _bn_stats(z, eps)
    dz_hat = dout * gamma
    dvar = np.sum(dz_hat * (z - mu), axis=0) * -0.5 * (var + eps) ** -1.5
    dmu = -np.sum(dz_hat, axis=0) / np.sqrt(var + eps) + dvar * np.mean(-2 * (z - mu), axis=0)
    dz = dz_hat / np.sqrt(var + eps) + dvar * 2 * (z - mu) / n + dmu / n
    return dz, np.sum(dout * z_hat, axis=0), np.sum(dout, axis=0)


def bn_jacobian(dout, z, gamma, eps=1e-5):               # right: the Jacobian d z_hat_i / d z_j, unit by unit
    n = len(z)
    _, var, z_hat = _bn_stats(z, eps)
    dz = np.empty_like(z)
    for k in range(z.shape[1]):
        J = (np.eye(n) - 1 / n - np.outer(z_hat[:, k], z_hat[:, k]) / n) / np.sqrt(var[k] + eps)
        dz[:, k] = J.T @ (gamma[k] * dout[:, k])
    return dz, (dout * z_hat).sum(axis=0), dout.sum(axis=0)


def bn_compact(dout, z, gamma, eps=1e-5):                # right: the n g - dbeta - z_hat dgamma form
    n = len(z)
    _, var, z_hat = _bn_stats(z, eps)
    dbeta, dgamma = dout.sum(axis=0), (dout * z_hat).sum(axis=0)
    return gamma / (n * np.sqrt(var + eps)) * (n * dout - dbeta - z_hat * dgamma), dgamma, dbeta


def bn_sample_var(dout, z, gamma, eps=1e-5):             # wrong: the sample variance (ddof=1)
    mu, var = z.mean(axis=0), z.var(axis=0, ddof=1)
    z_hat = (z - mu) / np.sqrt(var + eps)
    return (gamma / np.sqrt(var + eps) * (dout - dout.mean(axis=0) - z_hat * (dout * z_hat).mean(axis=0)),
            (dout * z_hat).sum(axis=0), dout.sum(axis=0))


def bn_no_gamma(dout, z, gamma, eps=1e-5):               # wrong: gamma left out of dz
    dz, dgamma, dbeta = bn_compact(dout, z, gamma, eps)
    return dz / gamma, dgamma, dbeta


def bn_plus_sign(dout, z, gamma, eps=1e-5):             # wrong: the variance term added, not subtracted
    _, var, z_hat = _bn_stats(z, eps)
    return (gamma / np.sqrt(var + eps) * (dout - dout.mean(axis=0) + z_hat * (dout * z_hat).mean(axis=0)),
            (dout * z_hat).sum(axis=0), dout.sum(axis=0))


def bn_raw_z(dout, z, gamma, eps=1e-5):                 # wrong: z where z_hat belongs, in dz and dgamma
    _, var, _ = _bn_stats(z, eps)
    return (gamma / np.sqrt(var + eps) * (dout - dout.mean(axis=0) - z * (dout * z).mean(axis=0)),
            (dout * z).sum(axis=0), dout.sum(axis=0))


def bn_staged_half(dout, z, gamma, eps=1e-5):           # wrong: staged, with dvar's route through (z - mu) dropped
    n = len(z)
    mu, var, z_hat = _bn_stats(z, eps)
    dz_hat = dout * gamma
    dmu = -np.sum(dz_hat, axis=0) / np.sqrt(var + eps)
    return dz_hat / np.sqrt(var + eps) + dmu / n, np.sum(dout * z_hat, axis=0), np.sum(dout, axis=0)


def bn_dgamma_mean(dout, z, gamma, eps=1e-5):           # wrong: dgamma and dbeta averaged over the batch
    dz, dgamma, dbeta = bn_compact(dout, z, gamma, eps)
    return dz, dgamma / len(z), dbeta / len(z)


def bn_in_place(dout, z, gamma, eps=1e-5):              # wrong: right numbers, but z overwritten in place
    dz, dgamma, dbeta = bn_compact(dout, z, gamma, eps)
    z -= z.mean(axis=0)
    return dz, dgamma, dbeta


def bn_one_mean(dout, z, gamma, eps=1e-5):              # wrong: one mean and variance for the whole batch
    mu, var = z.mean(), z.var()
    z_hat = (z - mu) / np.sqrt(var + eps)
    return (gamma / np.sqrt(var + eps) * (dout - dout.mean() - z_hat * (dout * z_hat).mean()),
            (dout * z_hat).sum(axis=0), dout.sum(axis=0))


BN_RIGHT = [bn_staged, bn_jacobian, bn_compact]
BN_WRONG = [bn_sample_var, bn_no_gamma, bn_plus_sign, bn_raw_z, bn_staged_half, bn_dgamma_mean, bn_in_place,
            bn_one_mean, None, "dz"]


@pytest.mark.parametrize("answer", BN_RIGHT + BN_WRONG, ids=lambda a: getattr(a, "__name__", repr(a)))
def test_bn_backward_answers_written_apart(answer):
    _, printed = _call(check.bn_backward, answer)
    right = answer in BN_RIGHT
    want = "correct" if right else "not attempted yet" if answer is None else "not yet."
    assert printed.startswith(f"bn_backward: {want}"), printed
