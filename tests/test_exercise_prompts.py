"""Every code an exercise prompt invites the student to run is run here, so that a prompt naming a
function the lesson never imported (a NameError in the student's first cell) fails a test.

For each exercise-prompt cell of every notebook, the snippets are its ```python blocks and each
`inline code` that parses as Python and makes a call. Each is run, in the prompt's order, in a fresh
namespace holding what the lesson has built by then without running its experiments: the imports,
functions and classes (and methods attached to a class, `Value.backward = backward`) of every code cell
before the prompt, earlier exercises' stubs included, then the exercise's folded solution (so the
student's own function exists, as after an attempt). A snippet passes when it runs without an
exception. Two kinds are not run, each for a stated reason:
* a signature: a call of a function or method that the exercise's stub defines, with the stub's own
  parameter names as arguments, e.g. `signed_distance(X, w, b)`: it names the interface, not a run;
* DESCRIPTIONS below: a snippet that states a rule or a recipe in terms the prompt defines (listed
  with the reason, and each entry must still occur in a prompt, so the list cannot go stale).
"""
import ast
import contextlib
import io
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))

DESCRIPTIONS = {
    "step(X @ w_and_not + b_and_not)": "the property the answer must have on the four inputs X, which the check builds",
    "np.logaddexp(0, x.data)": "the expression to use inside softplus(x), where x is the argument",
    "randn(n_in, n_out)": "says how he_init must draw each W, inside the student's function",
    "np.random.RandomState(seed)": "says which generator he_init must use, inside the student's function",
    'MLP(sizes, init="he", seed=seed)': "names the model whose weights he_init must reproduce, for any sizes",
    "fit(X, y, epochs=1, batch_size=32)": "names the call the check makes with a step-counting optimizer",
    "params[key] -= lr * grads.get(key, 0)": "the update of the training loop whose symptom the diagnose prompt states",
}


def _cells(path):
    return json.loads(path.read_text())["cells"]


def _text(cell):
    return "".join(cell["source"])


def _tags(cell):
    return cell["metadata"].get("tags", [])


def snippets(prompt):
    """The prompt's ```python blocks, then its `inline code` spans that parse and contain a call."""
    text = _text(prompt)
    found = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    for code in re.findall(r"`([^`\n]+)`", re.sub(r"```.*?```", "", text, flags=re.S)):
        try:
            tree = ast.parse(code)
        except SyntaxError:
            continue
        if any(isinstance(node, ast.Call) for node in ast.walk(tree)):
            found.append(code)
    return found


def _literal(node):
    """True for an expression of literals, lists, tuples and arithmetic only (no calls, no names)."""
    return all(isinstance(n, (ast.Constant, ast.List, ast.Tuple, ast.BinOp, ast.UnaryOp, ast.operator,
                              ast.unaryop, ast.Load)) for n in ast.walk(node))


def _definitions(code):
    """The imports, functions, classes and constants (an UPPER_CASE name bound to a literal expression, which a
    function's default may name) at the top level of a code cell (magics and shell lines dropped)."""
    code = "\n".join(line for line in code.splitlines() if not line.lstrip().startswith(("%", "!")))
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return None
    kept = [node for node in tree.body
            if isinstance(node, (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.ClassDef))
            or (isinstance(node, ast.Assign) and all(isinstance(t, ast.Attribute) for t in node.targets)
                and isinstance(node.value, ast.Name))           # a method added to a class: Value.backward = backward
            or (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
                and node.targets[0].id.isupper() and _literal(node.value))]
    return ast.Module(body=kept, type_ignores=[])


def _stub_signatures(stub):
    """{name: parameter names} of the functions and methods the stub defines."""
    tree = ast.parse(_text(stub))
    return {node.name: [a.arg for a in node.args.args if a.arg != "self"]
            for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}


def is_signature(code, signatures):
    """Whether `code` is a stub function's name applied to (the first of) its own parameter names."""
    try:
        node = ast.parse(code, mode="eval").body
    except SyntaxError:
        return False
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in signatures):
        return False
    names = [a.id if isinstance(a, ast.Name) else None for a in node.args]
    return not node.keywords and names == signatures[node.func.id][:len(names)]


def _solution(cell):
    blocks = re.findall(r"```python\n(.*?)```", _text(cell), flags=re.S)
    return blocks[0] if blocks else ""


def exercises(path):
    """[(k, prompt, namespace builder)] for each exercise of the notebook."""
    cells, found = _cells(path), []
    for i, cell in enumerate(cells):
        if "exercise-prompt" in _tags(cell):
            before = [c for c in cells[:i] if c["cell_type"] == "code" and "check" not in _tags(c)]
            found.append((len(found) + 1, cell, before, cells[i + 1], cells[i + 3]))
    return found


def namespace(before, solution):
    """A fresh namespace: the earlier cells' imports, functions and classes, then the folded solution."""
    ns = {"__name__": "__lesson__"}
    with contextlib.redirect_stdout(io.StringIO()):
        for cell in before:
            module = _definitions(_text(cell))
            if module is not None:
                exec(compile(module, "<lesson cell>", "exec"), ns)
        exec(compile(_solution(solution), "<folded solution>", "exec"), ns)
    return ns


def run_snippets(path, k, prompt, before, stub, solution):
    """Run every snippet of one prompt; returns [(snippet, outcome)] with outcome 'ran', 'signature',
    'description' or the exception's 'Name: message'."""
    signatures, results, ns = _stub_signatures(stub), [], None
    for code in snippets(prompt):
        if code in DESCRIPTIONS:
            results.append((code, "description"))
            continue
        if is_signature(code, signatures):
            results.append((code, "signature"))
            continue
        ns = namespace(before, solution) if ns is None else ns
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                exec(compile(code, f"{path.stem} exercise {k} prompt", "exec"), ns)
        except Exception as e:  # any failure is the test's finding
            results.append((code, f"{type(e).__name__}: {e}"))
        else:
            results.append((code, "ran"))
    return results


CASES = [(p, *e) for p in NOTEBOOKS for e in exercises(p)]


@pytest.mark.parametrize("path, k, prompt, before, stub, solution", CASES,
                         ids=[f"{c[0].stem}-{c[1]}" for c in CASES])
def test_prompt_snippets_run(path, k, prompt, before, stub, solution):
    failed = [(code, outcome) for code, outcome in run_snippets(path, k, prompt, before, stub, solution)
              if outcome not in ("ran", "signature", "description")]
    assert not failed, f"{path.stem} exercise {k}: " + "; ".join(f"`{c}` raised {o}" for c, o in failed)


def test_descriptions_are_current():
    every = {code for p in NOTEBOOKS for _, prompt, *_ in exercises(p) for code in snippets(prompt)}
    stale = sorted(set(DESCRIPTIONS) - every)
    assert not stale, f"DESCRIPTIONS lists snippets no prompt holds any more: {stale}"


def test_a_missing_import_fails():
    """The test can fail: a prompt that asks for a function the lesson never imported raises NameError."""
    prompt = {"source": ["Run `spiral(400, classes=4, seed=0)` and `MLP([2, 20, 4], seed=0)`."], "metadata": {}}
    before = [{"cell_type": "code", "source": ["from nnlib import MLP\n"], "metadata": {}}]
    stub = {"source": ["prediction = None\n"], "metadata": {}}
    solution = {"source": ["```python\nprediction = 1.0\n```"], "metadata": {}}
    results = dict(run_snippets(Path("lesson.ipynb"), 1, prompt, before, stub, solution))
    assert results["MLP([2, 20, 4], seed=0)"] == "ran"
    assert results["spiral(400, classes=4, seed=0)"].startswith("NameError: name 'spiral' is not defined")
